"""Rooming lists (never mixed genders, leaders single, same pairs every night) and bus
lists (per group and day, seats with phones for the liaison), as documents: HTML for
the PDF, xlsx and docx through the export command; ID numbers never in full."""

from __future__ import annotations

import io
import random
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.roster_synthetic import id_number
from conftest import run_main
from planner.documents import Documents
from planner.documents.html import render_html, sections
from planner.documents.tables import tables_for
from planner.model import Participant
from planner.roster.lists import bus_lists, rooming_lists
from planner.store import PlanFile

FULL_ID = re.compile(r"\d{17}[\dX]")
FULL_MOBILE = re.compile(r"1\d{10}")


@pytest.fixture(scope="module")
def crowd(sample):
    """The sample's groups with 147 people of mixed (and a few unknown) genders."""
    rng = random.Random(11)
    people = []
    for n in range(1, 148):
        group = (n - 1) % 3 + 1
        role = "group_leader" if n <= 3 else ("liaison" if n <= 6 else "member")
        gender = rng.choice(("male", "male", "female", "")) if n > 6 else "male"
        people.append(Participant(n, f"学员{n:03d}", unit=f"单位{rng.randrange(30):02d}", gender=gender,
                                  phone=f"139{n:08d}", group_id=group, role=role,
                                  id_number=id_number(rng, gender == "male")))
    return sample.with_items("participants", people)


def test_no_room_mixes_genders_and_everyone_has_one_bed(crowd):
    lists = rooming_lists(crowd)
    assert len(lists) == len({(l.night, l.site_id) for l in crowd.lodgings})
    for rooming in lists:
        ids = [o.participant_id for room in rooming.rooms for o in room.occupants]
        expected = [p.id for p in crowd.participants if p.group_id in
                    {l.group_id for l in crowd.lodgings if l.night == rooming.night and l.site_id == rooming.hotel_site_id}]
        assert sorted(ids) == sorted(expected)
        for room in rooming.rooms:
            people = [crowd.get("participants", o.participant_id) for o in room.occupants]
            assert len(people) == (2 if room.kind == "twin" else 1)
            assert len({p.gender for p in people}) == 1
            assert all(p.gender for p in people) or room.kind == "single"
            assert len({p.group_id for p in people}) == 1


def test_leaders_single_by_default_unless_they_ask(crowd):
    rooming = rooming_lists(crowd)[0]
    leader_rooms = [r for r in rooming.rooms if any(o.role == "带队领导" for o in r.occupants)]
    assert leader_rooms and all(r.kind == "single" for r in leader_rooms)
    people = [replace(p, room_type="twin") if p.role == "group_leader" else p for p in crowd.participants]
    people = [replace(p, room_type="single") if p.id == 10 else p for p in people]
    changed = rooming_lists(crowd.with_items("participants", people), group_id=1)[0]
    leader_rooms = [r for r in changed.rooms if any(o.role == "带队领导" for o in r.occupants)]
    assert all(r.kind == "twin" for r in leader_rooms)
    ten = next(r for r in changed.rooms if any(o.participant_id == 10 for o in r.occupants))
    assert ten.kind == "single"


def test_room_pairs_stay_the_same_every_night(crowd):
    pairs_by_night = {}
    for rooming in rooming_lists(crowd, group_id=1):
        pairs_by_night[rooming.night] = {tuple(o.participant_id for o in r.occupants) for r in rooming.rooms}
    assert len(set(map(frozenset, pairs_by_night.values()))) == 1


def test_bus_lists_per_group_and_day_with_full_phones_for_the_liaison(crowd):
    lists = bus_lists(crowd)
    for group in crowd.groups:
        days = [b.day for b in lists if b.group_id == group.id]
        assert days == sorted(set(days)) and len(days) >= 5
    first = lists[0]
    members = [p for p in crowd.participants if p.group_id == first.group_id]
    assert len(first.seats) == len(members)
    assert first.seats[0].role == "带队领导" and first.seats[1].role == "联络员"
    assert all(FULL_MOBILE.fullmatch(s.phone) for s in first.seats)
    assert "→" in first.route and first.departure
    masked = bus_lists(crowd, masked=True)[0]
    assert all("****" in s.phone for s in masked.seats)
    assert [s.name for s in masked.seats] == [s.name for s in first.seats]  # same seats


def test_rooming_html_masks_phones_and_ids_and_bus_html_is_for_liaisons(crowd):
    docs = Documents(crowd)
    rooming_html = render_html(docs, sections(docs, "rooming"))
    assert "住宿分房表" in rooming_html and "单人间" in rooming_html and "双人间" in rooming_html
    assert not FULL_ID.search(rooming_html) and not FULL_MOBILE.search(rooming_html)
    assert "***********" in rooming_html
    bus_html = render_html(docs, sections(docs, "bus", group_id=2))
    assert "第二组乘车名单" in bus_html and "内部使用" in bus_html
    assert crowd.participants[1].phone in bus_html  # group 2's leader, complete
    assert not FULL_ID.search(bus_html)


def test_rooming_and_bus_tables(crowd):
    docs = Documents(crowd)
    rooming = tables_for(docs, "rooming")
    assert len(rooming) == len(rooming_lists(crowd))
    text = "\n".join("|".join(row) for table in rooming for row in table.rows)
    assert not FULL_ID.search(text) and not FULL_MOBILE.search(text)
    assert any(m[0] == 0 for m in rooming[0].merges())  # a twin room's number spans its two rows
    bus = tables_for(docs, "bus", group_id=3)
    assert {t.name for t in bus} == {f"第三组第{b.day}天乘车" for b in bus_lists(crowd, group_id=3)}


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_export_command_writes_rooming_and_bus_lists(tmp_path, crowd, fmt):
    plan_path = tmp_path / "p.stplan"
    PlanFile.create(plan_path, crowd).close()
    for document in ("rooming", "bus"):
        out = tmp_path / f"{document}.{fmt}"
        result = run_main("export", plan_path, "--format", fmt, "--document", document, "--out", out)
        assert result.returncode == 0, result.stderr
        cells = _cells(out.read_bytes(), fmt)
        assert not FULL_ID.search(cells)
        if document == "rooming":
            assert not FULL_MOBILE.search(cells) and "双人间" in cells
        else:
            assert crowd.participants[0].phone in cells


def _cells(data: bytes, fmt: str) -> str:
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        return "\n".join(str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value)
    from planner.documents.docx import read_tables

    return "\n".join("|".join(row) for table in read_tables(data) for row in table)


def test_rooming_pdf_through_the_export_command(tmp_path, sample_path):
    out = tmp_path / "rooming.pdf"
    result = run_main("export", sample_path, "--format", "pdf", "--document", "rooming", "--group", "1", "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


person = st.tuples(st.sampled_from(("male", "female", "")), st.sampled_from(("member", "member", "group_leader", "liaison")),
                   st.sampled_from(("", "", "single", "twin")), st.integers(1, 3), st.integers(0, 4))


@settings(max_examples=60, deadline=None)
@given(st.lists(person, max_size=40))
def test_any_delegation_rooms_never_mix_genders_or_groups(sample, people):
    plan = sample.with_items("participants", [
        Participant(n, f"学员{n}", unit=f"单位{unit}", gender=gender, role=role, room_type=room, group_id=group)
        for n, (gender, role, room, group, unit) in enumerate(people, 1)])
    for rooming in rooming_lists(plan):
        seen = [o.participant_id for r in rooming.rooms for o in r.occupants]
        assert len(seen) == len(set(seen))
        for room in rooming.rooms:
            members = [plan.get("participants", o.participant_id) for o in room.occupants]
            assert 1 <= len(members) <= 2 and (room.kind == "twin") == (len(members) == 2)
            if len(members) == 2:
                a, b = members
                assert a.gender == b.gender != "" and a.group_id == b.group_id
                assert a.room_type != "single" and b.room_type != "single"
            leader = members[0]
            if leader.role == "group_leader" and leader.room_type != "twin":
                assert room.kind == "single"
