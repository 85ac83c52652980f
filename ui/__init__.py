"""The desktop app: Qt widgets and models. Calls ``planner``; never runs SQL itself."""
