"""Property-based fuzzing of the two entries for outside files (issue 20), with a small
budget on every test run: JSON import (the sample plan with values swapped for arbitrary
JSON, and arbitrary bytes) and roster import (arbitrary cells and bytes as CSV and xlsx).
Whatever comes in ends either in a plan / preview that can be written, or in the entry's
own bilingual error — never another exception.

FUZZ_EXAMPLES=2000 searches longer; tools/fuzz.py runs 10,000 mutated files through
the command line in worker processes (tracebacks, hangs, writes after an error exit).
"""

from __future__ import annotations

import copy
import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.sample import sample_plan
from planner.jsonio import PlanImportError, load_json_file, plan_from_json, plan_to_json
from planner.roster.importer import preview_roster
from planner.roster.sources import RosterError
from planner.store import PlanFile


def budget(examples: int):
    """A few seconds on every run; FUZZ_EXAMPLES=N for a longer search."""
    return settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", examples)), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


SAMPLE = sample_plan()
FULL = plan_to_json(SAMPLE)
HOSTILE = ("=1+1", "@SUM(A1)", "\x00\x07", "\ud800", "\ufffe", "A" * 1001, "中" * 201, "2025-02-30", "99:00",
           "第十一组", "13812345678", "430102198001011234", "女", "联络员", "", " ")

json_leaf = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
             | st.text(max_size=20) | st.sampled_from(HOSTILE))
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*path, index))


PATHS = [p for p in paths(FULL) if p]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The sample plan file, written once for every example."""
    path = tmp_path_factory.mktemp("fuzz") / "sample.stplan"
    PlanFile.create(path, SAMPLE).close()
    return path


def written_and_read_back(plan) -> None:
    """A plan the import accepted is written and reads back the same."""
    with tempfile.TemporaryDirectory() as folder:
        with PlanFile.create(Path(folder) / "p.stplan", plan) as plan_file:
            assert plan_file.load() == plan


@budget(20)
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), json_value | st.just("<delete>")), min_size=1, max_size=4))
def test_json_import_of_a_mutated_plan_is_a_plan_or_a_listed_refusal(changes):
    document = copy.deepcopy(FULL)
    for path, value in changes:
        parent = document
        try:
            for part in path[:-1]:
                parent = parent[part]
            if value == "<delete>":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this path
    try:
        plan = plan_from_json(document)
    except PlanImportError as error:
        assert error.problems and all(p.path.startswith("$") and p.message_zh and p.message_en
                                      for p in error.problems)
        return
    written_and_read_back(plan)


@budget(40)
@given(data=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_json_import_of_arbitrary_bytes_is_refused_clearly(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.json"
        path.write_bytes(data)
        try:
            plan = plan_from_json(load_json_file(path), source=str(path))
        except PlanImportError as error:
            assert error.problems
            return
    written_and_read_back(plan)


cell = st.text(max_size=12) | st.sampled_from(HOSTILE) | st.sampled_from(("姓名", "单位", "手机", "性别", "身份证号"))
rows = st.lists(st.lists(cell, max_size=6), max_size=8)


@budget(40)
@given(header=st.sampled_from((["姓名", "单位", "手机"], ["序号", "姓名", "性别", "身份证号", "组别"], [])),
       body=rows, fmt=st.sampled_from(("csv", "xlsx")), encoding=st.sampled_from(("utf-8", "gbk", "utf-16")))
def test_roster_import_of_arbitrary_cells_previews_or_refuses(template, header, body, fmt, encoding):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if fmt == "csv":
            text = io.StringIO(newline="")
            csv.writer(text).writerows([header, *body] if header else body)
            data = text.getvalue().encode(encoding, errors="replace")
        else:
            from openpyxl import Workbook

            book = Workbook()
            for row in ([header, *body] if header else body):
                book.active.append([_xml_safe(value) for value in row])
            out = io.BytesIO()
            book.save(out)
            data = out.getvalue()
        roster = folder / f"名单.{fmt}"
        roster.write_bytes(data)
        import_or_refuse(folder, roster, template)


@budget(40)
@given(data=st.binary(max_size=600), suffix=st.sampled_from((".csv", ".xlsx", ".xls", ".txt")))
def test_roster_import_of_arbitrary_bytes_previews_or_refuses(template, data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / f"名单{suffix}"
        roster.write_bytes(data)
        import_or_refuse(Path(folder), roster, template)


def import_or_refuse(folder: Path, roster: Path, template: Path) -> None:
    """A RosterError in both languages, or a preview whose good rows all go into a plan."""
    try:
        preview = preview_roster(SAMPLE, roster)
    except RosterError as error:
        assert error.message_zh and error.message_en
        return
    assert preview.header_row >= 1
    plan_path = folder / "plan.stplan"
    shutil.copyfile(template, plan_path)
    with PlanFile.open(plan_path) as plan_file:
        edit = preview.edit(skip_bad=True)
        if edit.edits:
            plan_file.apply(edit)
        assert len(plan_file.load().participants) == len(SAMPLE.participants) + preview.count("new")


def _xml_safe(text: str) -> str:
    """Cells openpyxl can save (it refuses control characters; the CSV cases carry them)."""
    import re

    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", text)
