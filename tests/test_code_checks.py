"""The code checks CI runs as part of the test command: ruff, the import-linter
contracts (pyproject.toml) and no import cycles, counting imports inside functions."""

import shutil
import subprocess
import sys
from pathlib import Path

from tools.import_cycles import cycles, import_graph

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_import_contracts_hold():
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
    assert "0 broken" in result.stdout


def test_no_module_imports_itself_through_others():
    assert cycles(import_graph()) == []


def test_a_cycle_held_together_by_an_import_inside_a_function_is_found(tmp_path):
    package = tmp_path / "planner"
    package.mkdir()
    (tmp_path / "ui").mkdir()
    (package / "__init__.py").write_text("")
    (package / "alpha.py").write_text("from planner.beta import b\n")
    (package / "beta.py").write_text("def b():\n    from planner.alpha import nothing\n")
    (package / "gamma.py").write_text("import planner.alpha\n")
    assert cycles(import_graph(tmp_path)) == [["planner.alpha", "planner.beta"]]
