"""Build the installable offline bundle: ``python -m build_bundle`` (see docs/bundle.md).

One configuration for every platform: ``planner.spec`` (PyInstaller) makes a one-folder
bundle of the whole app in ``dist/study-tour-planner/``; on Linux ``deb.py`` then wraps
it in a ``.deb``. This module holds what both need: names, the version (read from
``planner.__version__``, the one place it is written), and what to leave out of the
bundle so it stays lean.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_ID = "study-tour-planner"           # executable, folder, package and icon name
APP_NAME_ZH = "考察方案编排"
APP_NAME_EN = "Study-tour planner"
SUMMARY = "考察方案编排 — desktop planner for study tours (routes, timetables, maps, print-outs)"
MAINTAINER = "Study-tour planner developers <planner@localhost>"
HOMEPAGE = ""
MIME_TYPE = "application/x-study-tour-plan"
INSTALL_DIR = f"/opt/{APP_ID}"


def version() -> str:
    """The app's version, from ``planner/__init__.py`` (read as text: no import needed)."""
    text = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise SystemExit("planner/__init__.py has no __version__")
    return match.group(1)


def plan_suffix() -> str:
    """The plan file extension (``planner.store.PLAN_SUFFIX``), e.g. ``.stplan``."""
    sys.path.insert(0, str(ROOT))
    from planner.store import PLAN_SUFFIX

    return PLAN_SUFFIX


# ---------------------------------------------------------------- what goes in ---------

# Python packages never needed at run time (test and build tools, other GUI toolkits).
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "pytest", "_pytest", "pytestqt", "hypothesis", "pip", "setuptools", "pkg_resources",
    "PyInstaller", "build_bundle", "tests", "bench", "tools",
    "PyQt5", "PyQt6", "PySide2", "IPython", "matplotlib",
    # sqlite-utils and openpyxl import pandas only when it is installed (OR-Tools brings it
    # into the venv); nothing the app runs needs it (18 MB). numpy stays: PyVRP needs it.
    # tests/test_bundle.py imports every module the app imports with these blocked.
    "pandas",
    # PyVRP's extras: plots and progress bars, never used by the app; Pillow comes with
    # its plots (matplotlib) and openpyxl would use it only for pictures in sheets (13 MB).
    "tqdm", "pyvrp.plotting", "pyvrp.cli", "PIL",
    # Qt modules the app does not use (ui/ imports QtCore, QtGui, QtWidgets, QtSvg,
    # QtPrintSupport, QtPdf, QtWebEngineCore/Widgets, QtWebChannel). Leaving out a binding
    # leaves out its hook: QtQml/QtQuick would bring the whole qml/ tree (30 MB, and through
    # its plugins Quick3D, Charts, Multimedia … ~150 MB). QtWebEngineCore still links the
    # Qt Quick/Qml *libraries*, which come in as plain dependencies.
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtPositioning", "PySide6.QtDBus",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DCore", "PySide6.Qt3DExtras", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DRender", "PySide6.QtBluetooth", "PySide6.QtCharts",
    "PySide6.QtConcurrent", "PySide6.QtDataVisualization", "PySide6.QtDesigner",
    "PySide6.QtGraphs", "PySide6.QtGraphsWidgets", "PySide6.QtHelp", "PySide6.QtHttpServer",
    "PySide6.QtLocation", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetworkAuth", "PySide6.QtNfc", "PySide6.QtQuick3D", "PySide6.QtQuickControls2",
    "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtSensors", "PySide6.QtSerialBus",
    "PySide6.QtSerialPort", "PySide6.QtSpatialAudio", "PySide6.QtSql", "PySide6.QtStateMachine",
    "PySide6.QtTest", "PySide6.QtTextToSpeech", "PySide6.QtUiTools", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebSockets", "PySide6.QtWebView", "PySide6.QtXml", "PySide6.QtAxContainer",
    "PySide6.QtCanvasPainter", "PySide6.QtQuickTest",
]

# Imported in ways PyInstaller's analysis may not see.
HIDDEN_IMPORTS = [
    "PySide6.QtSvg",  # SVG toolbar icons and the app icon (icon engine + image format plugins)
]

# Chromium's UI strings: only the languages the app speaks (the rest is ~44 MB).
WEBENGINE_LOCALES = {"en-US.pak", "zh-CN.pak", "zh-TW.pak"}
# Qt's own translations (qtbase_xx.qm …): same languages.
QT_TRANSLATION_LANGS = ("_zh_CN", "_zh_TW", "_en")
# Qt plugins an offline office desktop never loads, by folder (plugins/<folder>/) or file.
# Dropping the GTK3 platform theme also drops the GTK stack it would pull in (cairo,
# pango, gdk-pixbuf, atk …); Qt's own file dialogs are used instead.
UNUSED_PLUGIN_DIRS = {"qmltooling", "egldeviceintegrations", "generic", "networkinformation",
                      "position", "webview", "designer", "sqldrivers", "multimedia", "texttospeech"}
# Plugin names without "lib" and ".so"/".dll", so the same list serves Linux and Windows.
UNUSED_PLUGINS = {
    "qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qtvirtualkeyboardplugin", "qgtk3",
    "qicns", "qtga", "qtiff", "qwbmp",
}
# Resource files that are sources, not data the app reads.
RESOURCE_SOURCE_SUFFIXES = {".ts", ".pro", ".py", ".pyc"}


def keep(dest: str) -> bool:
    """Whether a file the analysis collected (its path inside the bundle) stays in."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if "/qtwebengine_locales/" in path:
        return name in WEBENGINE_LOCALES
    if path.endswith("qtwebengine_devtools_resources.pak"):  # DevTools, never opened
        return False
    if "/Qt/translations/" in path or path.startswith("PySide6/translations/"):
        return name.endswith(".qm") and any(name[:-3].endswith(lang) for lang in QT_TRANSLATION_LANGS)
    if re.match(r"PySide6/(Qt/)?qml/", path):  # Linux: PySide6/Qt/qml, Windows: PySide6/qml
        return False
    if "/plugins/" in path:
        folder = path.split("/plugins/", 1)[1].split("/", 1)[0]
        plugin = re.sub(r"^lib|\.(so|dll)$", "", name)
        return folder not in UNUSED_PLUGIN_DIRS and plugin not in UNUSED_PLUGINS
    if path.startswith("resources/"):
        return Path(name).suffix not in RESOURCE_SOURCE_SUFFIXES and "__pycache__" not in path
    return True


def resource_datas() -> list[tuple[str, str]]:
    """(source, folder in bundle) for every file under resources/ that the app may read."""
    out = []
    for file in sorted((ROOT / "resources").rglob("*")):
        rel = file.relative_to(ROOT)
        if file.is_file() and keep(rel.as_posix()):
            out.append((str(file), rel.parent.as_posix()))
    return out
