"""JSON interchange: round trips and invalid input."""

from __future__ import annotations

import json

import pytest

from conftest import run_main
from planner.jsonio import PlanImportError, plan_from_json, plan_to_json
from planner.resources import resource_path
from planner.store import PlanFile

SAMPLE_JSON = resource_path("samples", "hunan-2025.json")


def test_json_to_plan_file_to_json_is_identical(tmp_path):
    original = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))
    plan_path = tmp_path / "p.stplan"
    result = run_main("import", SAMPLE_JSON, plan_path)
    assert result.returncode == 0, result.stderr
    dumped = run_main("dump", plan_path)
    assert dumped.returncode == 0, dumped.stderr
    assert json.loads(dumped.stdout) == original


def test_plan_to_json_and_back_is_the_same_plan(sample):
    assert plan_from_json(json.loads(json.dumps(plan_to_json(sample)))) == sample


def test_the_sample_document_is_valid_against_the_published_schema(sample):
    import jsonschema

    schema = json.loads(resource_path("schema", "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(plan_to_json(sample))


def broken_sample() -> dict:
    document = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))
    document["programme"]["days"] = 0
    document["groups"][1]["colour"] = "red"
    document["sessions"][4]["start"] = "9:5"
    document["sessions"][7]["site_id"] = 9999
    document["legs"][0]["mode"] = "rocket"
    document["participants"][2]["id"] = document["participants"][1]["id"]
    return document


def test_every_error_is_listed_with_its_json_path():
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(broken_sample())
    paths = [p.path for p in raised.value.problems]
    assert "$.programme.days" in paths
    assert "$.groups[1].colour" in paths
    assert "$.sessions[4].start" in paths
    assert "$.legs[0].mode" in paths
    # reference errors are found once the shape is right
    document = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))
    document["sessions"][7]["site_id"] = 9999
    document["participants"][2]["id"] = document["participants"][1]["id"]
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(document)
    paths = [p.path for p in raised.value.problems]
    assert paths == ["$.participants[2].id", "$.sessions[7].site_id"]
    assert "9999" in str(raised.value)


def test_invalid_input_writes_nothing(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(broken_sample(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.stplan"
    result = run_main("import", source, out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "$.programme.days" in result.stderr and "$.legs[0].mode" in result.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("{not json", "not valid JSON (line 1"),
        ("[1, 2]", "top level must be a JSON object"),
        ('{"format": "study-tour-plan", "format_version": 99, "programme": '
         '{"title": "x", "start_date": "2025-01-01", "days": 1}}', "newer than this app"),
        ('{"format": "study-tour-plan", "format_version": 2, "programme": '
         '{"title": "x", "start_date": "2025-02-30", "days": 1}}', "invalid value"),
    ],
)
def test_malformed_input_is_explained(tmp_path, text, expected):
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    result = run_main("import", source, tmp_path / "out.stplan")
    assert result.returncode == 1
    assert expected in result.stderr
    assert not (tmp_path / "out.stplan").exists()


def test_the_file_written_by_import_is_a_plan(tmp_path, sample):
    out = tmp_path / "out.stplan"
    assert run_main("import", SAMPLE_JSON, out).returncode == 0
    with PlanFile.open(out, readonly=True) as plan_file:
        assert plan_file.load() == sample
