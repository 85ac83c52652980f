"""The board (日程总览): the whole programme as the printed overview, edited in place."""

from ui.board.model import BoardModel, CellRole, DayRole
from ui.board.view import BoardView

__all__ = ["BoardModel", "BoardView", "CellRole", "DayRole"]
