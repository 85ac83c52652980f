"""The study-tour planner's domain: plans, places, schedules and checks.

Pure Python: nothing here may import Qt or ``ui`` (tests/test_architecture.py checks).
"""

# The app's version, written here only: pyproject.toml reads it (dynamic version),
# ``main.py --version`` prints it, build_bundle stamps it on the bundle and the .deb.
__version__ = "0.1.0"
