"""Shared test set-up: offscreen Qt, fresh settings, and a sample plan built once."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from ui.environment import configure_app, prepare_qt  # noqa: E402

prepare_qt()  # before pytest-qt creates the QApplication


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls):
    """The session's QApplication, configured as the real app is (names, shipped font)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or qapp_cls(qapp_args)
    configure_app(app)
    yield app


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Every test gets its own HOME and XDG dirs, so no test touches a real user's settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    yield home


@pytest.fixture(scope="session")
def sample():
    """The bundled sample plan (a Plan value)."""
    from planner.sample import sample_plan

    return sample_plan()


@pytest.fixture(scope="session")
def _sample_template(tmp_path_factory, sample):
    from planner.store import PlanFile

    path = tmp_path_factory.mktemp("template") / "sample.stplan"
    PlanFile.create(path, sample).close()
    return path


@pytest.fixture
def sample_path(tmp_path, _sample_template):
    """A fresh copy of the sample plan file, for a test to edit."""
    path = tmp_path / "sample.stplan"
    shutil.copyfile(_sample_template, path)
    return path


@pytest.fixture
def improvable_path(tmp_path, sample):
    """A plan file of the sample with 第一组's day 3 in reverse order: a route the optimiser
    clearly improves (the sample's own routes may already be as good as they get)."""
    from planner.operations import apply_in_memory, consequences
    from planner.edits import Batch
    from planner.store import PlanFile
    from plans import scrambled

    plan = scrambled(sample, 1, 3)
    plan = apply_in_memory(plan, Batch(tuple(consequences(plan)[0])))
    path = tmp_path / "improvable.stplan"
    PlanFile.create(path, plan).close()
    return path


@pytest.fixture
def document(qapp, sample_path):
    """The window's open document (ui.document.PlanDocument) on a copy of the sample."""
    from ui.document import PlanDocument
    from planner.store import PlanFile

    document = PlanDocument(PlanFile.open(sample_path))
    yield document
    document.close()


def run_main(*args, cwd=None, timeout=120):
    """Run ``python main.py ARGS`` in a child process; returns the CompletedProcess."""
    import subprocess

    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


@pytest.fixture
def english(qapp):
    """The app in English for one test (Chinese again after it)."""
    from ui.i18n import install_translator

    assert install_translator(qapp, "en") == "en"
    yield
    install_translator(qapp, "zh")


@pytest.fixture
def boxes(monkeypatch):
    """The message boxes the app shows, as (kind, text), instead of showing them."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda _parent, _title, text, *rest, _k=kind:
                                                            shown.append((_k, text))))
    return shown


@pytest.fixture
def uncaught(monkeypatch):
    """Exceptions that reached the event loop (a traceback for the user)."""
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: seen.append(value))
    return seen
