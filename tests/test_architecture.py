"""The domain package never knows the UI exists."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_planner_source_imports_no_qt_or_ui():
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & set(FORBIDDEN))
        for path in (ROOT / "planner").rglob("*.py")
    }
    offenders = {path: names for path, names in offenders.items() if names}
    assert offenders == {}


def test_importing_every_planner_module_loads_no_qt():
    modules = sorted(p.stem for p in (ROOT / "planner").glob("*.py") if p.stem != "__init__")
    assert "store" in modules and "model" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module('planner.' + m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_views_build_no_edits_themselves():
    """The rules of editing live in planner (named operations); ui/ only calls them."""
    import re

    raw = re.compile(r"\b(Batch|Insert|Update|Delete|UpdateProgramme)\(")
    offenders = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                 for path in sorted((ROOT / "ui").rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if raw.search(line) and not line.lstrip().startswith("#")]
    assert offenders == []
