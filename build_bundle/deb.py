"""Wrap the one-folder bundle in a Debian package (dpkg-deb; no other Debian tooling).

Layout of the package:

    /opt/study-tour-planner/                      the bundle as PyInstaller made it
    /usr/bin/study-tour-planner                   symlink to the bundle's program
    /usr/share/applications/study-tour-planner.desktop      menu entry; opens plan files
    /usr/share/mime/packages/study-tour-planner.xml         plan file type (*.stplan)
    /usr/share/icons/hicolor/*/apps/study-tour-planner.*    the icon
    /usr/share/icons/hicolor/*/mimetypes/application-x-study-tour-plan.png
    /usr/share/doc/study-tour-planner/copyright

Depends: the system libraries the bundle links but does not carry (X11/xcb, NSS, ALSA,
fontconfig …), found with readelf and ``dpkg -S`` on the build machine; "t64" package
names get their pre-2024 name as an alternative so the package installs on older
Debian-based systems (UOS, Kylin) as well.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from build_bundle import (APP_ID, APP_NAME_EN, APP_NAME_ZH, INSTALL_DIR, MAINTAINER, MIME_TYPE,
                          SUMMARY, plan_suffix, version)
from build_bundle.icons import SIZES, SVG, png

HERE = Path(__file__).resolve().parent / "linux"
# Plugins whose libraries should not become hard dependencies: platforms that an
# office desktop does not use, and optional integrations.
OPTIONAL_PLUGIN_DIRS = ("wayland", "egldeviceintegrations", "platforminputcontexts", "platformthemes",
                        "tls", "networkinformation", "generic", "sqldrivers", "printsupport")


def _elf_files(bundle: Path) -> list[Path]:
    out = []
    for file in bundle.rglob("*"):
        if file.is_file() and not file.is_symlink():
            with open(file, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    out.append(file)
    return out


def _needed(file: Path) -> list[str]:
    result = subprocess.run(["readelf", "-d", str(file)], capture_output=True, text=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", result.stdout)


def _system_library_paths() -> dict[str, str]:
    result = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True)
    paths: dict[str, str] = {}
    for line in result.stdout.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and "x86-64" in match.group(2):
            paths.setdefault(match.group(1), match.group(3))
    return paths


def _owner(path: str) -> str | None:
    candidates = {path, os.path.realpath(path)}
    for c in list(candidates):
        if c.startswith("/usr/lib/"):
            candidates.add(c[4:])
        elif c.startswith("/lib/"):
            candidates.add("/usr" + c)
    for c in candidates:
        result = subprocess.run(["dpkg", "-S", c], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def library_depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends entries, libraries found nowhere) for the bundle's ELF files."""
    elfs = _elf_files(bundle)
    carried = {f.name for f in bundle.rglob("*") if f.is_file()}
    needed: set[str] = set()
    for file in elfs:
        rel = file.relative_to(bundle).as_posix()
        if any(f"/plugins/{d}" in rel for d in OPTIONAL_PLUGIN_DIRS):
            continue
        needed.update(n for n in _needed(file) if n not in carried)
    system = _system_library_paths()
    packages, unknown = set(), []
    for name in sorted(needed):
        owner = _owner(system[name]) if name in system else None
        if owner:
            packages.add(owner)
        else:
            unknown.append(name)
    depends = []
    for package in sorted(packages):
        if package.endswith("t64"):
            depends.append(f"{package} | {package[:-3]}")
        else:
            depends.append(package)
    return depends, unknown


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _template(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8").replace("{mime_type}", MIME_TYPE) \
        .replace("{suffix}", plan_suffix())


def _copyright() -> str:
    return f"""{APP_NAME_ZH} {APP_NAME_EN} {version()}

The program: MIT licence.
Bundled with it (see {INSTALL_DIR}/_internal/…):
- Python (PSF licence), Qt 6 and PySide6 (LGPL-3.0), QtWebEngine / Chromium (LGPL-3.0 and
  the licences in Chromium's credits), folium / Leaflet (MIT / BSD-2-Clause), Jinja2,
  openpyxl, python-docx, icalendar, jsonschema, sqlite-utils and their dependencies (their
  own licences, in the *.dist-info folders).
- Noto Sans SC and Noto Serif SC fonts: SIL Open Font Licence 1.1
  (resources/fonts/OFL*.txt).
- Map, gazetteer and transport data: see resources/map/SOURCE.md, resources/gazetteer/SOURCE.md
  and resources/transport/SOURCE.md (airports: airportsdata, MIT).
"""


def build_deb(bundle: Path, out_dir: Path, compression: str = "xz") -> Path:
    """Build ``<out_dir>/study-tour-planner_<version>_amd64.deb`` from the bundle folder."""
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    depends, unknown = library_depends(bundle)
    if unknown:
        print(f"[deb] warning: no package found for {', '.join(unknown)}")
    with tempfile.TemporaryDirectory(prefix="deb-", dir=out_dir) as tmp:
        root = Path(tmp) / "root"
        target = root / INSTALL_DIR.lstrip("/")
        shutil.copytree(bundle, target, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / APP_ID).symlink_to(f"{INSTALL_DIR}/{APP_ID}")
        share = root / "usr" / "share"
        _write(share / "applications" / f"{APP_ID}.desktop", _template(f"{APP_ID}.desktop"))
        _write(share / "mime" / "packages" / f"{APP_ID}.xml", _template(f"{APP_ID}-mime.xml"))
        icons = share / "icons" / "hicolor"
        mime_icon = MIME_TYPE.replace("/", "-")
        for size in SIZES:
            for folder, name in (("apps", APP_ID), ("mimetypes", mime_icon)):
                dest = icons / f"{size}x{size}" / folder / f"{name}.png"
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(png(size), dest)
        (icons / "scalable" / "apps").mkdir(parents=True)
        shutil.copyfile(SVG, icons / "scalable" / "apps" / f"{APP_ID}.svg")
        _write(share / "doc" / APP_ID / "copyright", _copyright())

        installed_kb = sum(f.lstat().st_size for f in root.rglob("*")) // 1024 + 1
        control = "\n".join([
            f"Package: {APP_ID}",
            f"Version: {version()}",
            f"Architecture: {arch}",
            f"Maintainer: {MAINTAINER}",
            f"Installed-Size: {installed_kb}",
            f"Depends: {', '.join(depends)}",
            # the fonts are in the bundle; these two keep the menu and file-type caches current
            "Recommends: shared-mime-info, desktop-file-utils",
            "Section: misc",
            "Priority: optional",
            f"Description: {SUMMARY}",
            " Plans routes for several groups at once, builds day-by-day timetables that are",
            " checked as you edit, shows the tour on an offline map and prints schedules.",
            " Works without a network connection; everything it needs is in",
            f" {INSTALL_DIR}.",
            "",
        ])
        debian = root / "DEBIAN"
        _write(debian / "control", control)
        for script in ("postinst", "postrm"):
            _write(debian / script, (HERE / script).read_text(encoding="utf-8"), 0o755)
        for path in [root, *root.rglob("*")]:  # dpkg wants sane modes whatever the umask was
            if not path.is_symlink():
                path.chmod((path.stat().st_mode & 0o777 & ~0o022) | (0o755 if path.is_dir() else 0))

        deb = out_dir / f"{APP_ID}_{version()}_{arch}.deb"
        command = ["dpkg-deb", "--root-owner-group", f"-Z{compression}"]
        if compression in ("xz", "zstd"):
            command.append("-z6")
        elif compression == "gzip":
            command.append("-z1")  # gzip is the quick choice (tests); xz makes the small one
        subprocess.run([*command, "--build", str(root), str(deb)], check=True,
                       stdout=subprocess.DEVNULL)
    return deb
