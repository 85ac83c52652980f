"""Route planning in the app: 优化路线 and 分组规划 actions, their preview dialog.

``install_routing_actions(window)`` adds the actions to the main window's 方案 menu.
"""

from ui.routing.actions import install_routing_actions

__all__ = ["install_routing_actions"]
