"""Document data: every session in its group's itinerary, masked phones, rosters, contacts."""

from __future__ import annotations

import pytest

from planner.documents import PLENARY, SESSION, Documents, mask_phone
from planner.model import format_clock
from planner.schedule import schedule


@pytest.fixture(scope="module")
def docs(sample):
    return Documents(sample)


def test_mask_phone():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("138 1234 5678") == "138****5678"
    assert mask_phone("0571-87654321") == "0571-****4321"
    assert mask_phone("") == ""
    assert mask_phone("110") == "110"


def test_every_session_in_its_group_itinerary_in_timetable_order(sample, docs):
    timetable = schedule(sample)
    for group in sample.ordered_groups():
        itinerary = docs.group_itinerary(group.id)
        rows = [r for _, r in itinerary.rows if r.kind == SESSION]
        expected = [s for d in timetable.of_group(group.id) for s in d.slots if s.kind == "session"]
        assert [r.item_id for r in rows] == [s.item_id for s in expected]
        assert [r.time for r in rows] == [f"{format_clock(s.start)}—{format_clock(s.end)}" for s in expected]
    assert sum(len(it.rows) and len([r for _, r in it.rows if r.kind == SESSION])
               for it in docs.itineraries()) == len(sample.sessions) == 49


def test_plenaries_reach_every_group_and_the_overview(sample, docs):
    for itinerary in docs.itineraries():
        assert [r.content for _, r in itinerary.rows if r.kind == PLENARY] == [p.title for p in sample.plenaries]
    overview = docs.overview()
    plenaries = [b.plenary.content for d in overview.days for b in d.blocks if b.plenary]
    assert plenaries == [p.title for p in sample.plenaries]
    sessions = sum(1 for d in overview.days for b in d.blocks for cell in b.cells for e in cell if not e.transport)
    assert sessions == len(sample.sessions)
    journeys = [e.content for d in overview.days for b in d.blocks for cell in b.cells for e in cell if e.transport]
    assert len(journeys) == 2 * len(sample.groups)  # each group's journey out and back
    assert all(j.startswith(("出发：", "返程：")) for j in journeys)
    assert overview.days[0].date_label == "2月23日（星期日）"


def test_delegation_documents_mask_phones_and_liaison_contacts_do_not(sample, docs):
    phones = {p.phone for p in sample.participants if p.phone}
    site_phones = {s.contact_phone for s in sample.sites if s.contact_phone}
    shown = [row.phone for roster in docs.rosters() for row in roster.rows]
    assert shown and all("****" in phone for phone in shown)
    itinerary_text = str([it.table() for it in docs.itineraries()])
    assert not any(p in itinerary_text for p in phones | site_phones)
    contacts = docs.contacts()
    listed = {row.phone for g in contacts.groups for row in g.rows if row.phone}
    assert listed and listed <= site_phones
    assert all(phone in phones for g in contacts.groups for _, _, phone in g.staff)


def test_rosters_list_everyone_with_leaders_first(sample, docs):
    rosters = docs.rosters()
    assert sum(len(r.rows) for r in rosters) == len([p for p in sample.participants if p.group_id])
    for roster in rosters:
        assert roster.rows[0].role == "带队领导"
        assert [r.number for r in roster.rows] == list(range(1, len(roster.rows) + 1))


def test_personal_itinerary_is_the_participants_group(sample, docs):
    member = next(p for p in sample.participants if p.role == "member")
    personal = docs.personal(member.id)
    assert personal.itinerary.group_id == member.group_id
    assert personal.name == member.name
    assert {role for role, _, _ in personal.contacts} == {"带队领导", "联络员"}
    with pytest.raises(KeyError):
        docs.personal(10_000)


def test_stops_follow_the_route(sample, docs):
    for group in sample.ordered_groups():
        stops = docs.stops(group.id)
        assert [s.order for s in stops] == list(range(1, len(stops) + 1))
        session_sites = [sample.site(s.site_id).name for s in sample.sessions_of(group.id)]
        names = [s.name for s in stops if s.name in session_sites]
        deduped = [n for i, n in enumerate(session_sites) if i == 0 or n != session_sites[i - 1]]
        assert names == deduped


def test_html_sections_and_autoescape(sample, docs):
    from dataclasses import replace

    from planner.documents.html import render_html, sections

    for document in ("overview", "group", "participant", "contacts", "roster", "booklet"):
        found = sections(docs, document)
        assert found
        html = render_html(docs, found)
        assert "planner:ready" in html and "NotoSerifSC-Regular.ttf" in html
    tricky = sample.with_items("sites", [replace(s, name=s.name + "<b>&") for s in sample.sites])
    html = render_html(Documents(tricky), sections(Documents(tricky), "group", 1))
    assert "<b>&" not in html and "&lt;b&gt;&amp;" in html
