"""考察方案编排 — study-tour planner.

``python main.py`` opens the desktop app (on the last plan, or the sample plan the
first time); ``python main.py COMMAND …`` runs a headless command (see ``--help``).
"""

import sys


def open_app(argv: list[str]) -> int:
    from ui.app import run_app  # Qt is loaded only for the app, not for commands

    return run_app(argv)


def make_pdf(*args, **kwargs) -> bytes:
    from ui.printing.headless import make_pdf  # Qt is loaded only when a PDF is made

    return make_pdf(*args, **kwargs)


def extra_commands() -> dict:
    """The commands that live outside planner/cli.py: name -> function adding its parser."""
    from planner.documents.export import add_export_command
    from planner.roster.cli import add_roster_command
    from planner.budget.cli import add_budget_command
    from planner.material import cli as material

    from planner.routing import commands as routing

    return {"export": lambda commands: add_export_command(commands, make_pdf),
            "roster": add_roster_command,
            "route": routing.add_route_command,
            "optimise": routing.add_optimise_command,
            "plan-groups": routing.add_plan_groups_command,
            "budget": add_budget_command,
            "indicators": material.add_indicators_command,
            "reflections": material.add_reflections_command,
            "measures": material.add_measures_command}


def main(argv: list[str] | None = None) -> int:
    from planner.cli import run

    return run(argv, open_app, extra_commands())


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the bundled app starts solver processes from itself
    sys.exit(main())
