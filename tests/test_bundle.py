"""The installable offline bundle (issue 10).

Fast tests: resources are found in one place, the version is written in one place, and
the modules the bundle leaves out are not needed by the app.

Slow tests (``-m slow``; run by CI): ``python -m build_bundle`` builds the one-folder
bundle and the .deb once for this module; the bundle runs with a clean environment (no
Python on PATH, a fresh HOME, offscreen Qt): it writes the sample plan, prints its
summary and check, exports a PDF, and the app starts and stays up. As root, the .deb
installs with ``dpkg -i``, the menu entry's command runs, and ``dpkg -r`` removes it all.

Set PLANNER_BUNDLE_DIST to a folder holding a finished build (``dist/`` of
``python -m build_bundle``) to test that one instead of building again.
"""

from __future__ import annotations

import ast
import configparser
import glob
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import build_bundle
from build_bundle import APP_ID, MIME_TYPE

ROOT = Path(__file__).resolve().parent.parent
VERSION = build_bundle.version()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
LINUX = sys.platform.startswith("linux")


# ------------------------------------------------------------------- fast tests --------

def test_version_is_written_once():
    import planner
    from planner.cli import build_parser

    assert VERSION == planner.__version__
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[project.optional-dependencies]")[0]
    assert not re.search(r"^version\s*=", project, re.M), "pyproject.toml must read the version from planner"
    assert 'dynamic = ["version"]' in project
    action = next(a for a in build_parser()._actions if "--version" in a.option_strings)
    assert action.version.endswith(f" {VERSION}")


def test_resources_are_found_through_resource_path_only():
    """No module of the app locates files relative to itself except planner/resources.py
    (ui/map/demo.py, a developer script, only puts the checkout on sys.path)."""
    allowed = {"planner/resources.py", "ui/map/demo.py"}
    offenders = []
    for path in sorted([*ROOT.glob("planner/**/*.py"), *ROOT.glob("ui/**/*.py"), ROOT / "main.py"]):
        rel = path.relative_to(ROOT).as_posix()
        names = {node.id for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Name)}
        if rel not in allowed and "__file__" in names:
            offenders.append(rel)
    assert offenders == []


def test_resource_path_in_a_bundle_and_a_checkout(monkeypatch, tmp_path):
    from planner.resources import resource_path, resources_dir

    assert resources_dir() == ROOT / "resources"
    assert resource_path("samples", "hunan-2025.json").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


BLOCKED_IMPORT_CHILD = r"""
import ast, importlib, pathlib, pkgutil, sys
blocked = set(sys.argv[1].split(","))
root = pathlib.Path(sys.argv[2])
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name in blocked or any(name.startswith(b + ".") for b in blocked):
            raise ImportError(f"left out of the bundle: {name}")
sys.meta_path.insert(0, Blocker())
sys.path.insert(0, str(root))
developer_tools = {"ui.map.page", "ui.map.demo"}  # folium, run from a checkout only
import planner, ui
names = {"main"}
for package in (planner, ui):
    names.update(info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."))
# … and what they import inside functions (OR-Tools, printing …)
for file in [*root.glob("planner/**/*.py"), *root.glob("ui/**/*.py"), root / "main.py"]:
    if ".".join(file.relative_to(root).with_suffix("").parts) in developer_tools:
        continue
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)  # submodules
failed = []
for name in sorted(names - developer_tools):
    try:
        importlib.import_module(name)
    except ImportError as error:
        if "left out of the bundle" in str(error):
            failed.append(f"{name}: {error}")
print("\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_the_app_needs_none_of_the_modules_the_bundle_leaves_out():
    """Every module of planner/ and ui/, and everything they import (also inside
    functions), imports with the bundle's excluded modules missing."""
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_IMPORT_CHILD, ",".join(build_bundle.EXCLUDED_MODULES), str(ROOT)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_keep_rules():
    keep = build_bundle.keep
    assert keep("PySide6/Qt/translations/qtwebengine_locales/zh-CN.pak")
    assert not keep("PySide6/Qt/translations/qtwebengine_locales/de.pak")
    assert not keep("PySide6/Qt/resources/qtwebengine_devtools_resources.pak")
    assert keep("PySide6/Qt/resources/qtwebengine_resources.pak")
    assert not keep("PySide6/Qt/qml/QtQuick3D/qmldir")
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqvnc.so")
    assert not keep("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll")  # Windows
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("resources/fonts/NotoSansSC-Regular.ttf")
    assert not keep("resources/translations/planner_en.ts")


def test_desktop_entry_and_mime_type_templates():
    from build_bundle.deb import _template
    from planner.store import PLAN_SUFFIX

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(_template(f"{APP_ID}.desktop"))
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == f"/usr/bin/{APP_ID}"
    assert section["Icon"] == APP_ID
    assert MIME_TYPE in section["MimeType"].split(";")
    mime = _template(f"{APP_ID}-mime.xml")
    assert f'type="{MIME_TYPE}"' in mime and f'pattern="*{PLAN_SUFFIX}"' in mime


# ------------------------------------------------------------------- the build ---------

@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """dist/ of ``python -m build_bundle`` (built once for this module, removed after it:
    ~1 GB that pytest would otherwise keep for three sessions)."""
    if not LINUX:
        pytest.skip("the bundle tests run on Linux (Windows: docs/windows.md)")
    given = os.environ.get("PLANNER_BUNDLE_DIST")
    if given:
        yield Path(given)
        return
    out = tmp_path_factory.mktemp("bundle")
    command = [sys.executable, "-m", "build_bundle", "--dist", str(out / "dist"), "--work", str(out / "work"),
               "--quiet"]
    if shutil.which("dpkg-deb"):
        command += ["--compression", "gzip"]  # the content is what is tested; xz takes minutes
    else:
        command.append("--no-deb")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    shutil.rmtree(out / "work", ignore_errors=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-8000:]
    yield out / "dist"
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def bundle(dist) -> Path:
    return dist / APP_ID


@pytest.fixture(scope="module")
def deb(dist) -> Path:
    debs = sorted(dist.glob(f"{APP_ID}_{VERSION}_*.deb"))
    if not debs:
        pytest.skip("no dpkg-deb on this system: no .deb was built")
    return debs[-1]


def clean_env(home: Path, empty_bin: Path) -> dict[str, str]:
    """What a double-click on an office machine gives: no Python anywhere on PATH, nothing
    of this checkout's environment, a fresh HOME; offscreen Qt for the test machine."""
    empty_bin.mkdir(exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": str(empty_bin),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if IS_ROOT:  # Chromium refuses to run as root with its sandbox
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return clean_env(home, tmp_path / "bin")


def run(bundle: Path, *args, env, timeout=180) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle / APP_ID), *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=env["HOME"], timeout=timeout)


@pytest.mark.slow
def test_bundle_writes_the_sample_and_prints_its_summary_and_check(bundle, env):
    version = run(bundle, "--version", env=env)
    assert version.returncode == 0 and VERSION in version.stdout

    plan = Path(env["HOME"]) / "sample.stplan"
    sample = run(bundle, "sample", plan, env=env)
    assert sample.returncode == 0, sample.stderr
    assert plan.is_file()

    summary = run(bundle, "summary", plan, env=env)
    assert summary.returncode == 0, summary.stderr
    assert "湖南" in summary.stdout and "第一组" in summary.stdout

    check = run(bundle, "check", plan, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip()


@pytest.mark.slow
def test_bundle_prints_a_pdf_with_the_shipped_fonts(bundle, env):
    """QtWebEngine, the templates and the fonts inside the bundle, offline."""
    plan = Path(env["HOME"]) / "sample.stplan"
    assert run(bundle, "sample", plan, env=env).returncode == 0
    pdf = Path(env["HOME"]) / "overview.pdf"
    result = run(bundle, "export", plan, "--format", "pdf", "--document", "overview", "--out", pdf, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        assert "NotoS" in fonts


@pytest.mark.slow
def test_bundle_runs_the_other_commands(bundle, env, tmp_path):
    """Exports (python-docx templates, openpyxl, icalendar), OR-Tools routing, PyVRP paths,
    roster import (openpyxl, xlrd) and assignment, dump and import: everything a command
    needs is inside the bundle."""
    from openpyxl import Workbook

    home = Path(env["HOME"])
    plan = home / "sample.stplan"
    assert run(bundle, "sample", plan, env=env).returncode == 0
    roster = home / "roster.xlsx"
    book = Workbook()
    book.active.append(["序号", "姓名", "性别", "单位", "职务"])
    book.active.append([1, "张三", "男", "某县人民政府", "县长"])
    book.save(roster)
    matrix = home / "matrix.json"
    matrix.write_text("[[0, 5, 9, 4], [5, 0, 3, 7], [9, 3, 0, 6], [4, 7, 6, 0]]")
    commands = [
        *[("export", plan, "--format", fmt, "--out", home / f"out.{fmt}") for fmt in ("xlsx", "docx", "ics", "kml", "gpx")],
        ("export", plan, "--format", "docx", "--document", "roster", "--out", home / "roster.docx"),
        ("optimise", plan, "--group", "1", "--time-limit", "1", "--out", home / "optimised.stplan"),
        ("plan-groups", plan, "--groups", "2", "--days", "6", "--time-limit", "2", "--out", home / "groups.stplan"),
        ("roster", "import", plan, roster),
        ("roster", "assign", plan),
        ("route", "--matrix", matrix, "--round-trip", "--time-limit", "1"),
        ("dump", plan, "--out", home / "plan.json"),
        ("import", home / "plan.json", home / "imported.stplan"),
    ]
    failed = []
    for command in commands:
        result = run(bundle, *command, env=env)
        if result.returncode != 0 or "Traceback" in result.stderr:
            failed.append(f"{' '.join(map(str, command[:2]))}: exit {result.returncode}\n{result.stderr[-1500:]}")
    assert failed == []
    route = run(bundle, "route", "--matrix", matrix, "--round-trip", env=env)
    assert route.returncode == 0 and '"cost": 18' in route.stdout, route.stdout + route.stderr[-1500:]
    assert (home / "out.docx").stat().st_size > 1000 and (home / "imported.stplan").is_file()


def _processes_under(folder: Path) -> list[str]:
    found = []
    for exe in glob.glob("/proc/[0-9]*/exe"):
        try:
            target = os.readlink(exe)
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


@pytest.mark.slow
def test_bundled_app_starts_and_stays_up(bundle, env):
    home = Path(env["HOME"])
    log = home / "app.log"
    with open(log, "w") as out:
        app = subprocess.Popen([str(bundle / APP_ID)], env=env, cwd=home, stdout=out, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        # first run: the app writes its own copy of the sample plan, opens it, starts Chromium
        while time.monotonic() < deadline and app.poll() is None:
            if list(home.rglob("*.stplan")) and any("QtWebEngineProcess" in p for p in _processes_under(bundle)):
                break
            time.sleep(0.2)
        time.sleep(5)  # … and stays up
        assert app.poll() is None, log.read_text(errors="replace")[-4000:]
        assert list(home.rglob("*.stplan")), "the app did not write the sample plan"
        assert any("QtWebEngineProcess" in p for p in _processes_under(bundle)), "no QtWebEngineProcess"
    finally:
        if app.poll() is None:
            app.terminate()
            try:
                app.wait(15)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(10)
        try:
            os.killpg(app.pid, signal.SIGKILL)  # Chromium helpers, if any are left
        except ProcessLookupError:
            pass
    assert "Traceback" not in log.read_text(errors="replace")


@pytest.mark.slow
def test_bundle_is_lean(bundle):
    inside = bundle / "_internal"
    names = {p.relative_to(inside).as_posix() for p in inside.rglob("*")}
    unwanted = [n for n in names if re.search(
        r"(^|/)(pytest|_pytest|hypothesis|tkinter|pandas|tests)(/|$)|Qt/qml/|libQt6(3D|Quick3D|Multimedia|Charts|"
        r"DataVisualization|Graphs|Designer|Location|Sensors|TextToSpeech|SpatialAudio)|devtools_resources", n)]
    assert unwanted == []
    locales = [n for n in names if "/qtwebengine_locales/" in n]
    assert sorted(Path(n).name for n in locales) == sorted(build_bundle.WEBENGINE_LOCALES)
    for needed in ("resources/samples/hunan-2025.json", "resources/fonts/NotoSansSC-Regular.ttf",
                   "resources/fonts/NotoSerifSC-Regular.ttf", "resources/web/leaflet/leaflet.js",
                   "resources/gazetteer/divisions.csv", "PySide6/Qt/libexec/QtWebEngineProcess",
                   "PySide6/Qt/resources/qtwebengine_resources.pak", "PySide6/Qt/resources/icudtl.dat"):
        assert needed in names, needed
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    # ~430 MB today (QtWebEngine alone is ~200 MB); a jump means something heavy crept in
    assert size < 600e6, f"bundle is {size / 1e6:.0f} MB"


# ------------------------------------------------------------------- the .deb ----------

def dpkg_field(deb: Path, field: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.mark.slow
def test_deb_contents(deb):
    from planner.store import PLAN_SUFFIX

    assert dpkg_field(deb, "Package") == APP_ID
    assert dpkg_field(deb, "Version") == VERSION
    assert "libc6" in dpkg_field(deb, "Depends")
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    for path in (f"./opt/{APP_ID}/{APP_ID}", f"./usr/bin/{APP_ID} -> /opt/{APP_ID}/{APP_ID}",
                 f"./usr/share/applications/{APP_ID}.desktop", f"./usr/share/mime/packages/{APP_ID}.xml",
                 f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
                 f"./usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
                 f"./usr/share/icons/hicolor/48x48/mimetypes/{MIME_TYPE.replace('/', '-')}.png"):
        assert path in listing, path
    assert " root/root " in listing
    tar = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE)
    mime = subprocess.run(["tar", "-xO", f"./usr/share/mime/packages/{APP_ID}.xml"], stdin=tar.stdout,
                          capture_output=True, text=True, check=True).stdout
    tar.stdout.close()
    tar.wait()
    assert f'pattern="*{PLAN_SUFFIX}"' in mime


def _dpkg(*args) -> subprocess.CompletedProcess:
    """dpkg, waiting if another dpkg holds the lock."""
    for _ in range(30):
        result = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=600,
                                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        if result.returncode == 0 or "lock" not in result.stderr:
            return result
        time.sleep(2)
    return result


def _installed() -> bool:
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", APP_ID], capture_output=True, text=True)
    return status.returncode == 0 and status.stdout.endswith(" installed")


@pytest.mark.slow
@pytest.mark.skipif(not IS_ROOT, reason="installing a .deb needs root")
def test_deb_installs_runs_from_its_menu_entry_and_removes_cleanly(deb, tmp_path):
    from planner.store import PLAN_SUFFIX

    if _installed():
        pytest.skip(f"{APP_ID} is installed on this machine already: not touching it")
    files: list[str] = []
    installed = _dpkg("-i", str(deb))
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        files = [line for line in _dpkg("-L", APP_ID).stdout.splitlines() if line.strip()]
        assert f"/opt/{APP_ID}/{APP_ID}" in files

        desktop = Path(f"/usr/share/applications/{APP_ID}.desktop")
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(desktop, encoding="utf-8")
        command = [word for word in shlex.split(entry["Desktop Entry"]["Exec"])
                   if not re.fullmatch(r"%[fFuUdDnNickvm]", word)]
        home = tmp_path / "home"
        home.mkdir()
        env = clean_env(home, tmp_path / "bin")
        result = subprocess.run([*command, "--version"], capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 0 and VERSION in result.stdout, result.stdout + result.stderr
        # the menu entry's command runs the headless commands too
        plan = home / "plan.stplan"
        assert subprocess.run([*command, "sample", str(plan)], env=env, capture_output=True,
                              timeout=120).returncode == 0
        if shutil.which("update-mime-database"):  # the plan file type is known by its extension
            assert Path(f"/usr/share/mime/{MIME_TYPE}.xml").is_file()
            assert f"{MIME_TYPE}:*{PLAN_SUFFIX}" in Path("/usr/share/mime/globs2").read_text(encoding="utf-8")
    finally:
        removed = _dpkg("-r", APP_ID)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not _installed()
    left = [f for f in files if os.path.lexists(f) and not os.path.isdir(f)]
    assert left == []
    assert not os.path.lexists(f"/opt/{APP_ID}")
    assert not os.path.lexists(f"/usr/share/mime/{MIME_TYPE}.xml")
    if os.path.exists("/usr/share/mime/globs2"):
        assert MIME_TYPE not in Path("/usr/share/mime/globs2").read_text(encoding="utf-8")
