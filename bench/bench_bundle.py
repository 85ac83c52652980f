"""The installable bundle: its size unpacked, and its start-up beside the source checkout's.

    .venv/bin/python bench/bench_bundle.py [--dist dist] [--runs 5]

Uses the bundle in ``--dist`` (default ``dist/``, made by ``python -m build_bundle``), or
builds one in a temporary folder when there is none. Prints:

- size of the bundle folder unpacked (target ≤ 300 MB) and its biggest parts, the .deb if
  there is one, and the venv the checkout runs from for comparison;
- start-up, median of ``--runs`` fresh processes each, for the bundle and for
  ``.venv/bin/python main.py``: ``--version``, ``summary PLAN``, and the app's main window
  appearing on a virtual X screen (own Xvfb; needs Xvfb and xwininfo, else skipped), each
  with the ratio bundle / checkout. Every app run gets a fresh HOME (the first-run path:
  the sample plan is written, then opened).
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_bundle import APP_ID, APP_NAME_ZH  # noqa: E402

TARGET_MB = 300
WINDOW_LINE = re.compile(r'"%s"\)\s+(\d+)x(\d+)' % re.escape(APP_NAME_ZH))  # xwininfo: (name class) WxH


def mb(size: float) -> str:
    return f"{size / 1e6:.0f} MB"


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def size_report(bundle: Path, dist: Path) -> None:
    total = tree_size(bundle)
    inside = bundle / "_internal"
    verdict = "within" if total <= TARGET_MB * 1e6 else "OVER"
    print(f"bundle size unpacked: {mb(total)} ({total / 2**20:.0f} MiB) — target ≤ {TARGET_MB} MB: "
          f"{verdict}, ratio {total / (TARGET_MB * 1e6):.2f}")
    parts = {
        "QtWebEngine (Chromium) library": inside.glob("PySide6/Qt/lib/libQt6WebEngineCore.so*"),
        "QtWebEngine resources, locales, helper": [*inside.glob("PySide6/Qt/resources/*"),
                                                   *inside.glob("PySide6/Qt/translations/**/*"),
                                                   *inside.glob("PySide6/Qt/libexec/*")],
        "ICU (Qt's)": inside.glob("PySide6/Qt/lib/libicu*"),
        "other Qt libraries and plugins": [p for p in [*inside.glob("PySide6/Qt/lib/*"),
                                                       *inside.glob("PySide6/Qt/plugins/**/*")]
                                           if "WebEngineCore" not in p.name and "libicu" not in p.name],
        "PySide6 bindings": [*inside.glob("PySide6/*.so*"), *inside.glob("shiboken6/**/*")],
        "fonts (Noto Sans/Serif SC)": inside.glob("resources/fonts/*"),
        "other app resources": [p for p in inside.glob("resources/**/*") if "/fonts/" not in p.as_posix()],
    }
    counted = 0
    for label, files in parts.items():
        size = sum(p.lstat().st_size for p in files if p.is_file() and not p.is_symlink())
        counted += size
        print(f"  {label:42s} {mb(size):>8s}")
    print(f"  {'Python, other packages, system libraries':42s} {mb(total - counted):>8s}")
    for deb in sorted(dist.glob(f"{APP_ID}_*.deb")):
        print(f"package {deb.name}: {mb(deb.stat().st_size)} compressed")
    venv = ROOT / ".venv"
    if venv.is_dir():
        print(f"for comparison, the checkout's .venv: {mb(tree_size(venv))}")


def fresh_env(home: str, display: str | None = None) -> dict[str, str]:
    env = {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if display:
        env["DISPLAY"] = display
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    if os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    return env


def time_commands(programs: list[list[str]], args: list[str], runs: int) -> list[list[float]]:
    """Times of each program running ``args``; the programs take turns, so that a change
    in the machine's load (it is shared) hits them alike."""
    times: list[list[float]] = [[] for _ in programs]
    with tempfile.TemporaryDirectory() as home:
        env = fresh_env(home)
        for program in programs:  # warm the disk cache
            subprocess.run([*program, *args], env=env, capture_output=True, check=True)
        for _ in range(runs):
            for program, out in zip(programs, times):
                start = time.perf_counter()
                subprocess.run([*program, *args], env=env, capture_output=True, check=True)
                out.append(time.perf_counter() - start)
    return times


class Xvfb:
    """A private virtual screen (-displayfd picks a free display number)."""

    def _start(self) -> str | None:
        read, write = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24",
                                      "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(write)
        ready, _, _ = select.select([read], [], [], 30)
        number = os.read(read, 64).decode().strip() if ready else ""
        os.close(read)
        for _ in range(50):  # wait until it answers
            if not number or self.proc.poll() is not None:
                break
            if subprocess.run(["xwininfo", "-root"], capture_output=True,
                              env={"DISPLAY": f":{number}", "PATH": "/usr/bin:/bin"}).returncode == 0:
                return f":{number}"
            time.sleep(0.1)
        self.proc.kill()
        self.proc.wait()
        return None

    def __enter__(self) -> str:
        for _ in range(3):  # another Xvfb starting at the same moment may take the same number
            display = self._start()
            if display:
                return display
        raise RuntimeError("Xvfb did not start")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def window_shown(display: str) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                          env={"DISPLAY": display, "PATH": "/usr/bin:/bin"}).stdout
    return any(int(w) >= 200 and int(h) >= 200 for w, h in WINDOW_LINE.findall(tree))


def time_window(program: list[str], display: str) -> float:
    """Seconds from starting ``program`` (fresh HOME) to its main window on ``display``."""
    with tempfile.TemporaryDirectory() as home, open(f"{home}/app.log", "w+") as log:
        start = time.perf_counter()
        app = subprocess.Popen(program, env=fresh_env(home, display), stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
        try:
            while not window_shown(display):
                if app.poll() is not None or time.perf_counter() - start > 60:
                    log.seek(0)
                    raise SystemExit(f"{program[0]}: no main window (exit {app.poll()})\n{log.read()[-3000:]}")
                time.sleep(0.02)
            return time.perf_counter() - start
        finally:
            try:
                os.killpg(app.pid, signal.SIGTERM)
                app.wait(15)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait()


def time_windows(programs: list[list[str]], runs: int, display: str) -> list[list[float]]:
    for program in programs:  # warm the disk cache
        time_window(program, display)
    times: list[list[float]] = [[] for _ in programs]
    for _ in range(runs):
        for program, out in zip(programs, times):
            out.append(time_window(program, display))
    return times


def compare(label: str, bundle_times: list[float], source_times: list[float]) -> None:
    b, s = statistics.median(bundle_times), statistics.median(source_times)
    print(f"{label:34s} bundle {b:6.2f} s   checkout {s:6.2f} s   ratio bundle/checkout {b / s:.2f}  "
          f"(medians of {len(bundle_times)}; bundle min {min(bundle_times):.2f} max {max(bundle_times):.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    dist, scratch = args.dist.resolve(), None
    if not (dist / APP_ID / APP_ID).exists():
        scratch = tempfile.mkdtemp(prefix="bench-bundle-")
        dist = Path(scratch) / "dist"
        print(f"no bundle in {args.dist}: building one in {dist} …", flush=True)
        subprocess.run([sys.executable, "-m", "build_bundle", "--no-deb", "--quiet", "--dist", str(dist),
                        "--work", f"{scratch}/work"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bundle = dist / APP_ID
    try:
        size_report(bundle, dist)
        print()
        bundled = [str(bundle / APP_ID)]
        source = [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py")]
        with tempfile.TemporaryDirectory() as tmp:
            plan = f"{tmp}/sample.stplan"
            subprocess.run([*bundled, "sample", plan], check=True, capture_output=True)
            compare("start-up to --version", *time_commands([bundled, source], ["--version"], args.runs))
            compare("summary of the sample plan", *time_commands([bundled, source], ["summary", plan], args.runs))
        if shutil.which("Xvfb") and shutil.which("xwininfo"):
            with Xvfb() as display:
                compare("main window shown (Xvfb, 1st run)", *time_windows([bundled, source], args.runs, display))
        else:
            print("main window: skipped (needs Xvfb and xwininfo: apt-get install xvfb x11-utils)")
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
