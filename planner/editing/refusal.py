"""What an operation answers when the plan cannot take the edit."""

from __future__ import annotations

from dataclasses import dataclass

from planner.edits import Edit


@dataclass(frozen=True)
class Refusal:
    """Why an edit cannot be made, Chinese first, then English; ``str()`` shows both."""

    message_zh: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.message_zh}\n{self.message_en}"


# What an operation returns: the edit, nothing to do, or why not.
Outcome = Edit | Refusal | None
