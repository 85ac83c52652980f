"""The board's content (planner.board), without Qt: every group's day as the printed
overview has it — sessions in order, plenaries in every group, long legs, the day's
travel, the night's hotel, the findings of that day."""

from __future__ import annotations

from planner.board import build_board
from planner.checks import check
from planner.documents import has_own_row
from planner.model import parse_clock
from planner.schedule import schedule

from tests.plans import changed, dropped

T = parse_clock


def board_of(plan):
    timetable = schedule(plan)
    return build_board(plan, timetable, check(plan, timetable)), timetable


def test_a_cell_per_group_and_day_with_the_group_s_sessions_in_time_order(sample):
    board, timetable = board_of(sample)
    groups = [g.id for g in sample.ordered_groups()]
    assert board.group_ids == tuple(groups) and len(board.days) == sample.programme.days
    seen = []
    for day in board.days:
        assert day.date == sample.programme.date_of(day.day) and len(day.cells) == len(groups)
        for cell in day.cells:
            sessions = cell.sessions
            assert sorted(e.item_id for e in sessions) == sorted(s.id for s in sample.sessions_of(cell.group_id, day.day))
            assert [e.start for e in cell.entries] == sorted(e.start for e in cell.entries)
            for entry in sessions:
                session = sample.get("sessions", entry.item_id)
                assert entry.site == sample.site(session.site_id).name  # the full name
                slot = timetable.slot_of("session", session.id)
                assert (entry.start, entry.end) == (slot.start, slot.end)
            seen += [e.item_id for e in sessions]
    assert sorted(seen) == sorted(s.id for s in sample.sessions)  # each session once


def test_plenaries_are_in_every_group_s_cell_and_divide_the_day_alike(sample):
    board, _ = board_of(sample)
    for day in board.days:
        ours = sorted(p.id for p in sample.plenaries if p.day == day.day)
        assert sorted(p.item_id for p in day.plenaries) == ours
        for cell in day.cells:
            plenaries = [e for e in cell.entries if e.kind == "plenary"]
            assert [(e.item_id, e.part) for e in plenaries] == [(p.item_id, p.part) for p in day.plenaries]
            assert [e.part for e in plenaries] == list(range(1, 2 * len(plenaries), 2))
            for entry in cell.entries:  # what comes before a plenary is in the part before it
                after = [p for p in plenaries if p.start < entry.start and p is not entry]
                assert entry.kind == "plenary" or entry.part == 2 * len(after)


def test_long_legs_the_day_s_travel_and_the_night_s_hotel(sample):
    board, timetable = board_of(sample)
    for day in board.days:
        for cell in day.cells:
            day_plan = timetable.day(cell.group_id, day.day)
            travel = day_plan.of_kind("travel")
            assert cell.travel_minutes == sum(s.minutes for s in travel)
            own = [s for s in travel if has_own_row(s)]
            assert [(e.start, e.mode, e.journey) for e in cell.entries if e.kind == "travel"] == \
                [(s.start, s.mode, s.journey) for s in own]
            lodging = next((l for l in sample.lodgings if l.group_id == cell.group_id and l.night == day.day), None)
            assert cell.lodging_id == (lodging.id if lodging else None)
            assert cell.hotel == (sample.site(lodging.site_id).name if lodging else "")
    first = board.days[0].cells[0]
    assert any(e.journey == "out" for e in first.entries)  # the journey out from home on day 1
    last = board.days[-1].cells[0]
    assert any(e.journey == "back" for e in last.entries) and last.home


def test_a_missing_night_and_an_overlap_show_in_their_cell(sample):
    group = sample.ordered_groups()[1].id
    night = min(l.night for l in sample.lodgings if l.group_id == group)
    lodging = next(l for l in sample.lodgings if l.group_id == group and l.night == night)
    plan = dropped(sample, "lodgings", lodging.id)
    first, session = plan.sessions_of(group, 3)[0], plan.sessions_of(group, 3)[-1]
    plan = changed(plan, "sessions", first.id, pinned=True, start=T("11:00"), end=T("12:00"))
    plan = changed(plan, "sessions", session.id, pinned=True, start=T("11:30"), end=T("12:30"))
    board, _ = board_of(plan)
    cell = board.cell(group, night)
    assert cell.needs_lodging and not cell.hotel
    assert any(f.code == "no-lodging" for f in cell.findings)
    overlap = board.cell(group, 3)
    assert any(("sessions", session.id) in f.refs and f.code == "overlap" for f in overlap.findings)
    assert not any(("sessions", session.id) in f.refs for c in board.days[2].cells if c is not overlap
                   for f in c.findings)


def test_places_of_the_day_in_the_order_the_group_reaches_them(sample):
    board, _ = board_of(sample)
    for day in board.days:
        for cell in day.cells:
            names = []
            for entry in cell.entries:
                if entry.kind != "travel" and entry.place and entry.place not in names:
                    names.append(entry.place)
            if names:
                assert list(cell.places) == names


def test_the_leg_that_makes_a_group_late_shows_with_the_lateness_it_causes(sample):
    from planner.lateness import late_legs, late_part

    group = sample.ordered_groups()[0].id
    _first, middle, late = sample.sessions_of(group, 2)[:3]
    plan = changed(sample, "sessions", middle.id, pinned=True, start=T("11:05"), end=T("12:20"))
    plan = changed(plan, "sessions", late.id, pinned=True, start=T("13:00"), end=T("14:30"))
    board, timetable = board_of(plan)
    slot = timetable.slot_of("session", late.id)
    assert slot.late_by > 0
    day_plan = timetable.day(group, 2)
    found = late_legs(day_plan)
    assert list(found.values()) == [slot]
    leg = day_plan.slots[next(iter(found))]
    assert leg.kind == "travel" and late_part(leg, slot.late_by) == (max(leg.start, leg.end - slot.late_by), leg.end)
    legs = [e for e in board.cell(group, 2).entries if e.kind == "travel" and e.late_by]
    assert [(e.start, e.end, e.late_by) for e in legs] == [(leg.start, leg.end, slot.late_by)]
    on_time, _ = board_of(sample)
    assert not [e for e in on_time.cell(group, 2).entries if e.kind == "travel" and e.late_by]
