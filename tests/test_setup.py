"""The one-command setup stays consistent: README quick start, ./dev and CI agree."""

from __future__ import annotations

import os
import re
import shlex
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "dev"
CI_RUN = ROOT / ".ci" / "run"
README = ROOT / "README.md"


def _quick_start_commands() -> list[str]:
    """Commands in the first code block under README's "Quick start" heading."""
    text = README.read_text(encoding="utf-8")
    heading = re.search(r"^##+ Quick start\b.*$", text, re.MULTILINE)
    assert heading, "README.md has no 'Quick start' section"
    rest = text[heading.end():]
    next_heading = re.search(r"^##+ ", rest, re.MULTILINE)
    section = rest[: next_heading.start()] if next_heading else rest
    block = re.search(r"^```[a-z]*\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    assert block, "the Quick start section has no code block"
    return [
        line.strip()
        for line in block.group(1).splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def _ci_commands() -> list[str]:
    """Commands .ci/run executes, leaving out the shebang/comments, `set` and `cd`."""
    commands = []
    for line in CI_RUN.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word = shlex.split(line)[0]
        if word in {"set", "cd"}:
            continue
        commands.append(line)
    return commands


def test_readme_quick_start_is_app_and_test():
    assert _quick_start_commands() == ["./dev app", "./dev test"]


def test_ci_runs_exactly_the_readme_test_command():
    readme_test = [c for c in _quick_start_commands() if shlex.split(c)[1:2] == ["test"]]
    assert len(readme_test) == 1, readme_test
    assert _ci_commands() == readme_test


def test_ci_run_is_strict_and_starts_at_repo_root():
    text = CI_RUN.read_text(encoding="utf-8")
    assert re.search(r"^set -euo pipefail$", text, re.MULTILINE)
    assert 'cd "$(dirname "$0")/.."' in text
    # Failures must not be masked.
    assert "|| true" not in text and "exit 0" not in text


def test_dev_is_executable_bash():
    assert DEV.stat().st_mode & stat.S_IXUSR, "dev must be executable"
    assert DEV.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    subprocess.run(["bash", "-n", str(DEV)], check=True)


def test_dev_help_exits_0():
    result = subprocess.run(
        [str(DEV), "help"], capture_output=True, text=True, timeout=30,
        cwd=ROOT, env={**os.environ, "DEV_SKIP_APT": "1"},
    )
    assert result.returncode == 0, result.stderr
    for command in ("setup", "app", "test", "help"):
        assert re.search(rf"^\s+{command}\b", result.stdout, re.MULTILINE), command
    # help must not start a setup.
    assert "setting up" not in result.stderr


def test_dev_rejects_unknown_command():
    result = subprocess.run(
        [str(DEV), "no-such-command"], capture_output=True, text=True, timeout=30, cwd=ROOT,
    )
    assert result.returncode != 0
    assert "unknown command" in result.stderr


def test_dev_test_runs_pytest_from_the_venv():
    """`./dev test` ends in exactly `.venv/bin/python -m pytest "$@"`."""
    text = DEV.read_text(encoding="utf-8")
    assert re.search(r'^\s*exec "\$VENV/bin/python" -m pytest "\$@"$', text, re.MULTILINE)
    assert re.search(r'^VENV="\$ROOT/\.venv"$', text, re.MULTILINE)
