"""``python -m build_bundle`` — build the one-folder bundle (and, on Linux, the .deb).

    python -m build_bundle                 # dist/study-tour-planner/ + dist/study-tour-planner_<v>_amd64.deb
    python -m build_bundle --no-deb        # the folder only (what Windows always does)
    python -m build_bundle --deb-only      # wrap an existing dist/study-tour-planner/ again

Needs the ``bundle`` extra (``pip install -e '.[bundle]'``: PyInstaller); the .deb needs
dpkg-deb (part of every Debian-based system). See docs/bundle.md and docs/windows.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from build_bundle import APP_ID, ROOT, version


def folder_size(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def executable(bundle: Path) -> Path:
    return bundle / (f"{APP_ID}-cli.exe" if sys.platform == "win32" else APP_ID)


def build_folder(dist: Path, work: Path, quiet: bool = False) -> Path:
    """Run PyInstaller on planner.spec; returns the bundle folder (dist/study-tour-planner)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is missing: pip install -e '.[bundle]'") from None
    # A clean build every time, with PyInstaller's cache inside the work folder: its
    # --clean empties the cache in ~/.cache, which breaks builds running at the same time.
    shutil.rmtree(work, ignore_errors=True)
    command = [
        sys.executable, "-m", "PyInstaller", str(ROOT / "build_bundle" / "planner.spec"),
        "--noconfirm", "--distpath", str(dist), "--workpath", str(work),
        "--log-level", "WARN" if quiet else "INFO",
    ]
    print("[bundle] " + " ".join(command), flush=True)
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "pyinstaller-cache")}
    subprocess.run(command, cwd=ROOT, check=True, env=env)
    restore_vendored_libraries(dist / APP_ID)
    return dist / APP_ID


def restore_vendored_libraries(bundle: Path) -> None:
    """Put back wheels' vendored libraries (``<package>.libs/``) as the wheels ship them.

    auditwheel's patchelf leaves them in a layout that GNU strip breaks: numpy's OpenBLAS
    and gfortran then fail to load ("ELF load command address/offset not page-aligned").
    They come stripped of debug symbols already, so nothing is lost."""
    site_packages = Path(sysconfig.get_paths()["purelib"])
    for library in (bundle / "_internal").glob("*.libs/*"):
        original = site_packages / library.parent.name / library.name
        if original.is_file() and not library.is_symlink():
            shutil.copy2(original, library)


def smoke_test(bundle: Path) -> str:
    """The bundle runs: ``--version`` prints this version."""
    result = subprocess.run([str(executable(bundle)), "--version"], capture_output=True, text=True,
                            timeout=120, cwd=bundle)
    out = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or version() not in out:
        raise SystemExit(f"bundle does not start: exit {result.returncode}\n{out}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle",
                        help="PyInstaller's work folder (default: build/bundle/)")
    parser.add_argument("--no-deb", action="store_true", help="build the folder only")
    parser.add_argument("--deb-only", action="store_true", help="only wrap an existing bundle in a .deb")
    parser.add_argument("--compression", default="xz", choices=["xz", "gzip", "zstd", "none"],
                        help=".deb compression: xz (default: smallest, every dpkg reads it) or gzip (-1: fast)")
    parser.add_argument("--quiet", action="store_true", help="PyInstaller warnings only")
    args = parser.parse_args(argv)
    dist, started = args.dist.resolve(), time.monotonic()

    if args.deb_only:
        bundle = dist / APP_ID
        if not executable(bundle).exists():
            raise SystemExit(f"no bundle in {bundle}: run python -m build_bundle first")
    else:
        bundle = build_folder(dist, args.work.resolve(), args.quiet)
    print(f"[bundle] {smoke_test(bundle)}")
    print(f"[bundle] folder: {bundle} ({folder_size(bundle) / 1e6:.0f} MB)")

    want_deb = not args.no_deb and sys.platform.startswith("linux")
    if want_deb and shutil.which("dpkg-deb") is None:
        print("[bundle] no dpkg-deb here: skipping the .deb", file=sys.stderr)
        want_deb = False
    if want_deb:
        from build_bundle.deb import build_deb

        deb = build_deb(bundle, dist, compression=args.compression)
        print(f"[bundle] package: {deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    print(f"[bundle] version {version()} built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
