"""``python main.py travel FROM TO [--json]`` (docs/travel.md)."""

import json

import pytest

from conftest import run_main
from planner.cli import run

MODES = {"walk", "bus", "high_speed_rail", "flight"}


def travel(capsys, *args) -> tuple[int, str, str]:
    status = run(["travel", *args], open_app=lambda argv: pytest.fail("opened the app"))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_has_the_issues_shape(capsys):
    status, out, err = travel(capsys, "南京市", "上海市", "--json")
    assert status == 0 and not err
    data = json.loads(out)
    assert set(data) == {"from", "to", "chosen", "options"}
    assert (data["from"], data["to"]) == ("江苏省南京市", "上海市")
    chosen = data["chosen"]
    assert set(chosen) == {"mode", "minutes", "distance_km", "parts"}
    assert chosen["mode"] == "high_speed_rail"
    assert isinstance(chosen["minutes"], int) and isinstance(chosen["distance_km"], int)
    assert chosen["minutes"] == sum(p["minutes"] for p in chosen["parts"])
    assert [p["kind"] for p in chosen["parts"]] == ["drive", "boarding", "train", "drive"]
    for part in chosen["parts"]:
        assert set(part) == {"kind", "from", "to", "minutes", "distance_km"}
    train = chosen["parts"][2]
    assert train["from"].endswith("站") and train["to"].endswith("站")
    modes = [o["mode"] for o in data["options"]]
    assert modes[0] == "bus" and "high_speed_rail" in modes and set(modes) <= MODES
    assert chosen in data["options"]
    bus = data["options"][0]
    assert 0.75 * 210 <= bus["minutes"] <= 1.25 * 210  # the road takes about 3.5 h


def test_the_same_names_as_elsewhere_in_the_app(capsys):
    for start in ("金华义乌", "yiwushi", "义乌市", "330782"):
        status, out, _ = travel(capsys, start, "杭州市", "--json")
        assert status == 0
        assert json.loads(out)["from"] == "浙江省金华市义乌市"


def test_text_lists_every_option_and_marks_the_chosen_one(capsys):
    status, out, _ = travel(capsys, "延安市", "常州市")
    assert status == 0
    assert "陕西省延安市 → 江苏省常州市" in out
    assert "★" in out and "航班" in out and "flight" in out
    assert "延安南泥湾机场" in out and "值机" in out


@pytest.mark.parametrize("args, words", [
    (("lianjiang", "上海市"), ("廉江市", "连江县", "matches 2 divisions")),
    (("火星市", "上海市"), ("火星市", "No administrative division")),
    (("上海市", "上海"), ("相同", "same place")),
])
def test_a_place_that_is_not_one_place_is_refused_with_the_reason(args, words):
    result = run_main("travel", *args)
    assert result.returncode == 1 and result.stdout == ""
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def test_listed_in_the_help():
    result = run_main("--help")
    assert result.returncode == 0 and "travel" in result.stdout
