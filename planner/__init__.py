"""The study-tour planner's domain: plans, places, schedules and checks.

Pure Python: nothing here may import Qt or ``ui`` (tests/test_architecture.py checks).
"""

__version__ = "0.1.0"
