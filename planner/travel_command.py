"""``python main.py travel FROM TO [--json]``: the ways between two places and the one an
organiser would book (docs/travel.md). FROM and TO are looked up in the offline
gazetteer as everywhere in the app (names, short names, pinyin, "<parent><name>"); a
name several divisions share is refused with the choices, never settled by a guess."""

from __future__ import annotations

import json

from planner.labels import JSON_HELP
from planner.errors import BilingualError
from planner.gazetteer import Gazetteer
from planner.travel import Estimate, estimate
from planner.travel.describe import duration_en, duration_zh, mode_name, part_line


class TravelPlaceError(BilingualError):
    """A FROM or TO that names no single place."""


def resolve(text: str, gazetteer: Gazetteer | None = None) -> tuple[str, float, float]:
    """(full name, lon, lat) of a place: a division, or a known zone (宁波前湾新区)."""
    result = (gazetteer or Gazetteer.default()).lookup(text)
    if result.status == "found":
        d = result.division
        return d.full_name, d.lon, d.lat
    if result.status == "not_a_division" and result.zone is not None:
        zone = result.zone
        return (f"{zone.host.full_name}·{zone.name}" if zone.host else zone.name), zone.lon, zone.lat
    raise TravelPlaceError(result.message_zh, result.message_en)


def to_json(start: str, end: str, guess: Estimate) -> dict:
    chosen = guess.option(guess.mode)
    return {"from": start, "to": end, "chosen": chosen.to_json(), "options": [o.to_json() for o in guess.options]}


def to_text(start: str, end: str, guess: Estimate) -> str:
    lines = [f"{start} → {end}"]
    for option in guess.options:
        mark = "★ 建议 / chosen" if option.mode == guess.mode else "  可选 / option"
        lines.append(f"{mark}: {mode_name(option.mode)} / {mode_name(option.mode, True)}  "
                     f"门到门约 {duration_zh(option.minutes)} / about {duration_en(option.minutes)} door to door")
        for part in option.parts:
            lines.append(f"      {part_line(part, start=start, end=end)}  /  {part_line(part, True, start, end)}")
    if guess.note_zh:
        lines.append(f"{guess.note_zh} / {guess.note_en}")
    return "\n".join(lines)


def _run(args) -> int:
    start, *a = resolve(args.start)
    end, *b = resolve(args.end)
    if (a[0], a[1]) == (b[0], b[1]):
        raise TravelPlaceError(f"出发地与目的地相同：{start}", f"FROM and TO are the same place: {start}")
    guess = estimate(*a, *b)
    if args.json:
        print(json.dumps(to_json(start, end, guess), ensure_ascii=False, indent=2))
    else:
        print(to_text(start, end, guess))
    return 0


def add_travel_command(commands) -> None:
    travel = commands.add_parser(
        "travel", help="两地之间的出行方式（大巴、高铁、航班，门到门）及建议 / ways between two places (road, "
                       "high-speed rail, flight; door to door) and the one an organiser would book")
    travel.add_argument("start", metavar="FROM", help="出发地：南京市、金华义乌、yiwushi… / a place: 南京市, "
                                                      "金华义乌, yiwushi …")
    travel.add_argument("end", metavar="TO", help="目的地（写法同上）/ where to (written the same way)")
    travel.add_argument("--json", action="store_true", help=JSON_HELP)
    travel.set_defaults(run=_run)
