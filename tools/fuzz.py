"""Fuzz the two entries for outside files: ``import`` (full and minimal JSON plans) and
``roster import`` (CSV, xlsx, xls rosters).

Each case is made from a seed: the sample plan, its minimal form or a small synthetic
roster, mutated — values swapped for hostile ones (huge, deep, formulas, control
characters, lone surrogates, impossible dates and numbers, dangling and duplicate ids),
items and keys dropped or doubled, bytes flipped, files cut short, re-encoded, zipped
wrong, named pipes and devices in place of files — and run through ``main.py`` in a
worker process. A case fails when it

- ends in a traceback (an exception no command turned into a message),
- takes more than --hang seconds (the worker is killed and a new one started),
- writes anything after exiting with an error (the output plan, a changed roster
  target, a temporary file), or
- exits 0 with a plan file that does not open again.

Prints the counts and the slowest cases; exit status 1 when any count is not 0.

    .venv/bin/python tools/fuzz.py [--cases 10000] [--seed 1] [--jobs 2] [--hang 10] [--keep DIR]

``--keep DIR`` copies the input of every failing case there; ``--only N`` runs case N
alone (to reproduce one).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import io
import json
import multiprocessing
import os
import queue
import random
import re
import reprlib
import shutil
import statistics
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("json-full", "json-minimal", "roster-csv", "roster-xlsx", "roster-xls", "special")
WEIGHTS = (30, 10, 25, 20, 10, 5)


# --- hostile values ------------------------------------------------------------------------


def nasty(rng: random.Random):
    """A value that has broken, or could break, something."""
    pick = rng.randrange(30)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice((True, False))
    if pick == 2:
        return rng.choice((0, -1, 1, 2**31 - 1, 2**31, 2**53 + 1, 2**63, -2**63, 10**30))
    if pick == 3:
        return rng.choice((0.5, -0.0, 1e308, -1e308, 1e-320, 181.0, -91.0))
    if pick == 4:
        return rng.choice(("", " ", "\t", "\n\n", "　"))
    if pick == 5:
        return rng.choice(("=1+1", '=HYPERLINK("http://example.invalid","x")', "+1", "-1", "@SUM(A1)", "＝1",
                           "=cmd|' /C calc'!A0"))
    if pick == 6:
        return "".join(chr(rng.randrange(0, 32)) for _ in range(rng.randint(1, 20)))
    if pick == 7:
        return rng.choice(("\ud800", "a\udfffb", "\ufffe", "\uffff", "\u202e反转", "\u200b", "\x7f", "\x00"))
    if pick == 8:
        return rng.choice(("A", "中", "🙂", "Ab1 ")) * rng.choice((201, 1001, 10_001, 100_001))
    if pick == 9:
        return rng.choice(("2025-02-30", "2025-13-01", "0000-01-01", "9999-12-31", "2025/02/23", "昨天"))
    if pick == 10:
        return rng.choice(("25:99", "99:00", "-1:00", "8:30", "08:30:00", "48:00", "8784:00", "24:00"))
    if pick == 11:
        return rng.choice(([], {}, [[]], [None], {"": ""}, ["a"] * rng.choice((3, 101, 2000))))
    if pick == 12:
        deep: list = []
        value = deep
        for _ in range(rng.choice((10, 40, 200, 3000))):
            value.append([])
            value = value[0]
        return deep
    if pick == 13:
        return rng.choice(("<script>alert(1)</script>", "'; DROP TABLE sessions;--", "%s%n%x", "{{ 7*7 }}",
                           "../../etc/passwd", "C:\\CON", "&amp;&#0;", "]]>", "\\u0000"))
    if pick == 14:
        return rng.choice(("第一组", "第十一组", "组", "1", "0", "-1", "一百组"))
    if pick == 15:
        return rng.choice(("13812345678", "138-1234-5678", "+8613812345678", "1381234567", "0731-88888888",
                           "1" * 100, "abc"))
    if pick == 16:
        return rng.choice(("430102198001011234", "43010219800101123X", "4301021980010112", "4.30102E+17"))
    if pick == 17:
        return rng.choice(("男", "女", "男性", "M", "未知", "其他"))
    if pick == 18:
        return rng.choice(("学员", "带队领导", "联络员", "领导", "staff"))
    if pick == 19:
        return rng.randint(-5, 5)
    return rng.choice(("某县", "义乌", "yiwu", "yw", "鼓楼区", "不存在的县", "宁波前湾新区", "浙江省"))


# --- JSON plans ----------------------------------------------------------------------------------


def _paths(value, depth: int = 12):
    """The paths into a JSON value (lists and dicts included), down to ``depth``."""
    stack = [((), value)]
    while stack:
        path, item = stack.pop()
        yield path
        if len(path) >= depth:
            continue
        if isinstance(item, dict):
            stack.extend(((*path, key), v) for key, v in item.items())
        elif isinstance(item, list):
            stack.extend(((*path, index), v) for index, v in enumerate(item))


def _at(document, path):
    for part in path:
        document = document[part]
    return document


def mutate_json(rng: random.Random, document):
    """``document`` with 1 to 4 structural mutations."""
    for _ in range(rng.randint(1, 4)):
        paths = [p for p in _paths(document) if p]
        if not paths:
            return nasty(rng)
        path = rng.choice(paths)
        parent, key = _at(document, path[:-1]), path[-1]
        operation = rng.randrange(8)
        if operation <= 2:
            parent[key] = nasty(rng)
        elif operation == 3:
            del parent[key]
        elif operation == 4 and isinstance(parent, list):
            parent.insert(rng.randrange(len(parent) + 1), copy.copy(parent[key]))  # a duplicate item
        elif operation == 4:
            parent[rng.choice(("unknown", "", "id", "名称", "x" * 300))] = nasty(rng)
        elif operation == 5 and isinstance(parent[key], int) and not isinstance(parent[key], bool):
            parent[key] = parent[key] + rng.choice((-1, 1, 1000, 99999))  # a dangling or duplicate id
        elif operation == 6 and isinstance(parent[key], list) and parent[key]:
            rng.shuffle(parent[key])
        elif operation == 7 and isinstance(parent[key], list) and parent[key] and rng.random() < 0.3:
            parent[key] = parent[key] * rng.choice((2, 50, 400))  # many items (ids doubled too)
        else:
            parent[key] = nasty(rng)
    return document


def json_bytes(rng: random.Random, document) -> bytes:
    """The document as a file, sometimes damaged or re-encoded."""
    try:
        text = json.dumps(document, ensure_ascii=rng.random() < 0.2, allow_nan=True)
    except (RecursionError, ValueError):
        text = "[" * 5000
    data = text.encode("utf-8", errors="surrogatepass")
    pick = rng.randrange(12)
    if pick == 0:
        return data[: rng.randrange(len(data) + 1)]
    if pick == 1:
        data = bytearray(data)
        for _ in range(rng.randint(1, 10)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if pick == 2:
        return text.encode("utf-16", errors="surrogatepass")
    if pick == 3:
        return b"\xef\xbb\xbf" + data
    if pick == 4:
        return text.encode("gb18030", errors="replace")
    if pick == 5:
        return rng.choice((b"", b"null", b"[]", b"{}", b"NaN", b'{"format": "study-tour-plan"}', b"\x00" * 100,
                           b"SQLite format 3\x00" + bytes(200)))
    return data


# --- rosters ---------------------------------------------------------------------------------------


def roster_rows(rng: random.Random) -> list[list]:
    from bench.roster_synthetic import HEADER, TITLE, people

    rows = [list(HEADER)] + people(rng, rng.choice((0, 1, 3, 10, 30)))
    for _ in range(rng.randint(0, 6)):
        pick = rng.randrange(8)
        if pick <= 2 and len(rows) > 1:  # a hostile cell
            row = rng.choice(rows)
            if row:
                row[rng.randrange(len(row))] = nasty(rng)
        elif pick == 3:
            rows.insert(0, [rng.choice((TITLE, "学员名单", "", "姓名"))])  # title rows
        elif pick == 4:
            rows.insert(rng.randrange(len(rows) + 1), [])
        elif pick == 5 and len(rows) > 1:
            rows.append(list(rng.choice(rows[1:])))  # the same person twice
        elif pick == 6:
            column = rng.randrange(len(HEADER))
            for row in rows:
                if len(row) > column:
                    del row[column]  # a column left out (the name, sometimes)
        else:
            rows[0] = [nasty(rng) if rng.random() < 0.3 else cell for cell in rows[0]]
    return rows


def _cell(value):
    """A value a spreadsheet cell can take."""
    if value is None or isinstance(value, (bool, int, float, str)):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
            return str(value)
        return value
    return reprlib.repr(value)  # a list or dict, as text (reprlib stops at any depth)


def csv_bytes(rng: random.Random, rows) -> bytes:
    import csv

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=rng.choice((",", ",", "\t", ";")), lineterminator=rng.choice(("\r\n", "\n")))
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    text = out.getvalue()
    if rng.random() < 0.15:
        text = text.replace('"', "", 1) if rng.random() < 0.5 else text + '"未闭合'
    encoding = rng.choice(("utf-8", "utf-8-sig", "gbk", "utf-16", "gb18030"))
    return text.encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass")


def xlsx_bytes(rng: random.Random, rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = rng.choice(("学员名单", "Sheet1", "名单（第1期）"))
    if rng.random() < 0.2:
        book.create_sheet("说明", 0).append(["请按模板填写"])
    for row in rows:
        sheet.append([_xml_text(_cell(v)) for v in row])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    pick = rng.randrange(8)
    if pick == 0:  # a stale <dimension>
        return _rezip(data, lambda name, content: content.replace(b'<dimension ref="', b'<dimension ref="A1:B2" x="')
                      if name.endswith("sheet1.xml") or name.endswith("sheet2.xml") else content)
    if pick == 1:  # a member cut short
        return _rezip(data, lambda name, content: content[: len(content) // 2] if "worksheets" in name else content)
    if pick == 2:
        return data[: rng.randrange(len(data))]
    if pick == 3:
        data = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    return data


def _xml_text(value):
    """A value openpyxl can save: no control character, no lone surrogate (it refuses
    those when saving; CSV cases carry them instead)."""
    if not isinstance(value, str):
        return value
    text = value.encode("utf-8", "replace").decode("utf-8")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)[:32767]


def _rezip(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item)))
    return out.getvalue()


def xls_bytes(rng: random.Random, rows) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate(rows[:65000]):
        for c, value in enumerate(row[:250]):
            value = _cell(value)
            if isinstance(value, str):  # xlwt cannot write a lone surrogate (control characters it can)
                value = value.encode("utf-8", "replace").decode("utf-8")[:32767]
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
                value = str(value)
            try:
                sheet.write(r, c, value)
            except Exception:  # noqa: BLE001 — xlwt refuses some values: leave the cell out
                pass
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if rng.random() < 0.3:
        data = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    return data


def roster_options(rng: random.Random) -> list[str]:
    options = []
    if rng.random() < 0.5:
        options.append("--skip-bad")
    if rng.random() < 0.15:
        options.append("--dry-run")
    if rng.random() < 0.1:
        options += ["--header-row", str(rng.choice((0, 1, 2, 3, 999999, -1)))]
    if rng.random() < 0.1:
        options += ["--column", rng.choice(("姓名=name", "A=name", "99=phone", "Z=", "手机=nothing", "=", "1=unit"))]
    if rng.random() < 0.05:
        options += ["--sheet", rng.choice(("学员名单", "不存在", "说明"))]
    return options


# --- cases ---------------------------------------------------------------------------------------------


class Case:
    """One case: its kind, the files it writes into a folder, and the command line."""

    def __init__(self, seed: int, index: int):
        self.index = index
        self.rng = random.Random(f"{seed}:{index}")
        self.kind = self.rng.choices(KINDS, WEIGHTS)[0]

    def prepare(self, folder: Path, template: Path, samples: dict) -> tuple[list[str], Path, bool]:
        """Write the inputs into ``folder``; (argv, the file the command may write, whether
        a failed run must leave that file as it was rather than absent)."""
        rng = self.rng
        plan = folder / "plan.stplan"
        if self.kind.startswith("json"):
            document = copy.deepcopy(samples["full" if self.kind == "json-full" else "minimal"])
            source = folder / "in.json"
            source.write_bytes(json_bytes(rng, mutate_json(rng, document)))
            return ["import", str(source), str(plan)], plan, False
        shutil.copyfile(template, plan)
        if self.kind == "special":
            return self._special(folder, plan)
        rows = roster_rows(rng)
        maker, suffix = {"roster-csv": (csv_bytes, ".csv"), "roster-xlsx": (xlsx_bytes, ".xlsx"),
                         "roster-xls": (xls_bytes, ".xls")}[self.kind]
        name = "名单" + (suffix if rng.random() < 0.9 else rng.choice((".txt", ".xlsx", ".csv", "")))
        roster = folder / name
        roster.write_bytes(maker(rng, rows))
        return ["roster", "import", str(plan), str(roster), *roster_options(rng)], plan, True

    def _special(self, folder: Path, plan: Path):
        rng = self.rng
        pick = rng.randrange(6)
        target = folder / "thing"
        if pick == 0 and hasattr(os, "mkfifo"):
            os.mkfifo(target)
        elif pick == 1 and os.path.exists("/dev/zero"):
            os.symlink("/dev/zero", target)
        elif pick == 2:
            target.mkdir()
        elif pick == 3:
            target.write_bytes(b"SQLite format 3\x00" + bytes(rng.randrange(256) for _ in range(4000)))
        elif pick == 4:
            target.write_bytes(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000)))
        # pick 5: nothing there at all
        forms = [(["roster", "import", str(plan), str(target)], plan, True),
                 (["roster", "import", str(target), str(folder / "x.csv")], plan, True),
                 (["import", str(target), str(folder / "out.stplan")], folder / "out.stplan", False)]
        return rng.choice(forms)


# --- the worker ---------------------------------------------------------------------------------------


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None


def run_case(case: Case, folder: Path, template: Path, samples: dict) -> dict:
    """Run one case in this process; what happened."""
    import main as app_main
    from planner.store import PlanFile

    argv, target, kept = case.prepare(folder, template, samples)
    before_files = {p.name for p in folder.iterdir()}
    before = _digest(target)
    out, err = io.StringIO(), io.StringIO()
    result = {"index": case.index, "kind": case.kind, "argv": argv, "traceback": "", "code": None}
    started = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result["code"] = app_main.main(argv)
    except SystemExit as exit_:
        result["code"] = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:  # noqa: BLE001 — what the fuzzer is looking for
        result["traceback"] = traceback.format_exc()
    result["seconds"] = time.perf_counter() - started
    if not result["traceback"] and "Traceback (most recent call last)" in err.getvalue():
        result["traceback"] = err.getvalue()
    new_files = {p.name for p in folder.iterdir()} - before_files
    result["wrote_after_error"] = ""
    if result["code"] not in (0, None) or result["traceback"]:
        if kept and _digest(target) != before:
            result["wrote_after_error"] = f"{target.name} changed"
        elif not kept and target.exists():
            result["wrote_after_error"] = f"{target.name} written"
        elif new_files:
            result["wrote_after_error"] = f"left {sorted(new_files)}"
    result["damaged"] = ""
    if result["code"] == 0 and target.exists():
        try:
            with PlanFile.open(target, readonly=True) as plan_file:
                plan_file.load()
        except Exception as error:  # noqa: BLE001
            result["damaged"] = str(error)[:300]
    return result


def worker(seed: int, jobs: "multiprocessing.Queue", results: "multiprocessing.Queue", scratch: str) -> None:
    from planner.jsonio import plan_to_json
    from planner.sample import sample_plan
    from planner.store import PlanFile

    with open(ROOT / "resources" / "samples" / "hunan-2025-minimal.json", encoding="utf-8") as handle:
        samples = {"full": plan_to_json(sample_plan()), "minimal": json.load(handle)}
    base = Path(tempfile.mkdtemp(dir=scratch))  # the parent removes it, also after killing this worker
    template = base / "template.stplan"
    PlanFile.create(template, sample_plan()).close()
    try:
        while True:
            index = jobs.get()
            if index is None:
                return
            folder = base / f"case-{index}"
            folder.mkdir()
            results.put(("start", index, time.time()))
            try:
                outcome = run_case(Case(seed, index), folder, template, samples)
            except Exception:  # noqa: BLE001 — the fuzzer's own slip: reported, never counted as the app's
                outcome = {"index": index, "kind": "?", "fuzzer_error": traceback.format_exc()}
            results.put(("done", index, outcome))
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)


# --- the parent: hands out cases, watches for hangs ------------------------------------------------------


class Pool:
    def __init__(self, seed: int, size: int):
        self.seed = seed
        self.scratch = tempfile.mkdtemp(prefix="planner-fuzz-")
        self.context = multiprocessing.get_context("spawn")
        self.results = self.context.Queue()
        self.workers: dict[int, tuple] = {}
        for slot in range(size):
            self.start(slot)

    def start(self, slot: int) -> None:
        jobs = self.context.Queue()
        process = self.context.Process(target=worker, args=(self.seed, jobs, self.results, self.scratch), daemon=True)
        process.start()
        self.workers[slot] = (process, jobs)

    def stop(self) -> None:
        for process, jobs in self.workers.values():
            jobs.put(None)
        for process, _ in self.workers.values():
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
        shutil.rmtree(self.scratch, ignore_errors=True)


def fuzz(cases: list[int], seed: int, jobs: int, hang: float, on_result) -> None:
    pool = Pool(seed, jobs)
    pending = list(reversed(cases))
    busy: dict[int, tuple[int, float | None]] = {}  # slot -> (case, started at)
    owner: dict[int, int] = {}  # case -> slot
    try:
        while pending or busy:
            for slot in pool.workers:
                if slot not in busy and pending:
                    index = pending.pop()
                    busy[slot], owner[index] = (index, None), slot
                    pool.workers[slot][1].put(index)
            try:
                message, index, value = pool.results.get(timeout=0.5)
            except queue.Empty:
                message = None
            if message == "start" and index in owner:
                busy[owner[index]] = (index, time.monotonic())
            elif message == "done" and index in owner:
                del busy[owner.pop(index)]
                on_result(value)
            now = time.monotonic()
            for slot, (index, started) in list(busy.items()):
                if started is not None and now - started > hang:
                    process, _ = pool.workers[slot]
                    process.kill()
                    process.join()
                    del busy[slot]
                    owner.pop(index, None)
                    on_result({"index": index, "kind": Case(seed, index).kind, "hang": True, "seconds": now - started})
                    pool.start(slot)
    finally:
        pool.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds after which a case counts as a hang")
    parser.add_argument("--keep", metavar="DIR", help="copy the inputs of failing cases here")
    parser.add_argument("--only", type=int, metavar="N", help="run case N alone")
    args = parser.parse_args()

    cases = [args.only] if args.only is not None else list(range(args.cases))
    counts = {"traceback": [], "hang": [], "wrote_after_error": [], "damaged": [], "fuzzer_error": []}
    kinds: dict[str, int] = {}
    exits: dict[str, int] = {}
    times: list[tuple[float, int, str]] = []
    started = time.monotonic()

    def on_result(result: dict) -> None:
        kinds[result["kind"]] = kinds.get(result["kind"], 0) + 1
        for key in counts:
            if result.get(key):
                counts[key].append(result)
        if "code" in result:
            exits[str(result["code"])] = exits.get(str(result["code"]), 0) + 1
        times.append((result.get("seconds", 0.0), result["index"], result["kind"]))
        done = len(times)
        if done % 500 == 0:
            print(f"  {done:,} cases, {time.monotonic() - started:,.0f} s", flush=True)

    fuzz(cases, args.seed, args.jobs, args.hang, on_result)
    elapsed = time.monotonic() - started
    print(f"fuzz: {len(times):,} cases (seed {args.seed}) in {elapsed:,.0f} s with {args.jobs} worker(s)")
    print("  by kind: " + ", ".join(f"{k} {kinds.get(k, 0):,}" for k in KINDS))
    print("  exit status: " + ", ".join(f"{code}: {n:,}" for code, n in sorted(exits.items())))
    print(f"  tracebacks: {len(counts['traceback'])}")
    print(f"  hangs over {args.hang:g} s: {len(counts['hang'])}")
    print(f"  writes after an error exit: {len(counts['wrote_after_error'])}")
    print(f"  plans written that do not open: {len(counts['damaged'])}")
    if counts["fuzzer_error"]:
        print(f"  the fuzzer's own errors (not the app's): {len(counts['fuzzer_error'])}")
    seconds = sorted(times, reverse=True)
    print(f"  case time: median {statistics.median(t for t, _, _ in times):.3f} s, slowest "
          + ", ".join(f"#{i} {k} {t:.1f} s" for t, i, k in seconds[:3]))
    for key, found in counts.items():
        for result in found[:5]:
            print(f"\n[{key}] case #{result['index']} ({result['kind']}): {' '.join(result.get('argv', []))}")
            detail = result.get("traceback") or result.get("wrote_after_error") or result.get("damaged") or \
                result.get("fuzzer_error") or f"{result.get('seconds', 0):.1f} s"
            print("  " + detail.strip().replace("\n", "\n  ")[-3000:])
    if args.keep:
        keep = Path(args.keep)
        keep.mkdir(parents=True, exist_ok=True)
        for key, found in counts.items():
            for result in found:
                folder = keep / f"{key}-{result['index']}"
                folder.mkdir(exist_ok=True)
                Case(args.seed, result["index"]).prepare(folder, _template(folder), _samples())
    failed = any(counts[key] for key in ("traceback", "hang", "wrote_after_error", "damaged"))
    return 1 if failed else 0


def _samples() -> dict:
    from planner.sample import sample_plan
    from planner.jsonio import plan_to_json

    with open(ROOT / "resources" / "samples" / "hunan-2025-minimal.json", encoding="utf-8") as handle:
        return {"full": plan_to_json(sample_plan()), "minimal": json.load(handle)}


def _template(folder: Path) -> Path:
    from planner.sample import sample_plan
    from planner.store import PlanFile

    template = folder / "template.stplan"
    if not template.exists():
        PlanFile.create(template, sample_plan()).close()
    return template


if __name__ == "__main__":
    sys.exit(main())
