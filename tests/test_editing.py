"""The organiser's edits as named operations (planner.editing), without Qt: each returns
an edit, nothing, or a refusal with its reason; applied (``settle``) the plan is as the
organiser meant, re-timed."""

from __future__ import annotations

from planner.edits import Batch, Insert
from planner.editing import (
    Refusal, add_group, add_hotel, add_lodgings, add_place, add_plenary, add_session, add_site, delete_items,
    free_colour, move_session, settle,
)
from planner.lodging import with_placeholder_lodgings
from planner.model import parse_clock
from planner.schedule import schedule

from tests.plans import changed, dropped

T = parse_clock


def applied(plan, outcome):
    """The plan once ``outcome`` (an edit) and its consequences are applied."""
    assert outcome is not None and not isinstance(outcome, Refusal), outcome
    return settle(plan, outcome).plan


def order(plan, group_id, day):
    return [s.id for s in plan.sessions_of(group_id, day)]


# --- moving sessions ------------------------------------------------------------------


def test_a_session_dropped_before_another_goes_there_and_the_day_re_times(sample):
    group = sample.ordered_groups()[0].id
    day = next(d for d in range(1, 7) if len(sample.sessions_of(group, d)) >= 3)
    first, second, third = order(sample, group, day)[:3]
    outcome = move_session(sample, schedule(sample), third, group, day, before=first)
    after = applied(sample, outcome)
    assert order(after, group, day)[:3] == [third, first, second]
    times = [(s.start, s.end) for s in after.sessions_of(group, day)]
    assert times == sorted(times) and times != [(s.start, s.end) for s in sample.sessions_of(group, day)]
    # dropped where it is: nothing to do
    assert move_session(sample, schedule(sample), second, group, day, before=third) is None
    assert move_session(sample, schedule(sample), order(sample, group, day)[-1], group, day) is None


def test_a_session_moved_to_another_group_and_day_leaves_its_row(sample):
    groups = [g.id for g in sample.ordered_groups()]
    session = sample.sessions_of(groups[0], 2)[0]
    target = sample.sessions_of(groups[1], 3)
    after = applied(sample, move_session(sample, schedule(sample), session.id, groups[1], 3, before=target[1].id))
    moved = after.get("sessions", session.id)
    assert (moved.group_id, moved.day) == (groups[1], 3)
    assert order(after, groups[1], 3) == [target[0].id, session.id, *[s.id for s in target[1:]]]
    assert session.id not in order(after, groups[0], 2)
    # the timetable of the new day has it, timed in order
    slot = schedule(after).slot_of("session", session.id)
    assert (slot.group_id, slot.day) == (groups[1], 3) and (moved.start, moved.end) == (slot.start, slot.end)


def test_a_pinned_session_keeps_its_time_on_the_board_and_is_fixed_where_dropped_on_the_timeline(sample):
    group = sample.ordered_groups()[0].id
    session = sample.sessions_of(group, 2)[0]
    pinned = changed(sample, "sessions", session.id, pinned=True, start=T("15:00"), end=T("16:00"))
    after = applied(pinned, move_session(pinned, schedule(pinned), session.id, group, 3))
    moved = after.get("sessions", session.id)
    assert (moved.day, moved.pinned, moved.start, moved.end) == (3, True, T("15:00"), T("16:00"))
    # on the timeline: at the minute dropped (snapped), the same length
    after = applied(pinned, move_session(pinned, schedule(pinned), session.id, group, 2, minute=T("10:02")))
    moved = after.get("sessions", session.id)
    assert (moved.start, moved.end) == (T("10:00"), T("11:00"))
    # a flowing one dropped with pin is fixed there, with the length it had
    slot = schedule(sample).slot_of("session", session.id)
    after = applied(sample, move_session(sample, schedule(sample), session.id, group, 4, minute=T("14:00"), pin=True))
    moved = after.get("sessions", session.id)
    assert (moved.day, moved.pinned, moved.start, moved.end) == (4, True, T("14:00"), T("14:00") + slot.minutes)


def test_moving_is_refused_with_a_reason(sample):
    session = sample.sessions[0]
    for outcome, words in (
        (move_session(sample, schedule(sample), 9999, 1, 2), "#9999"),
        (move_session(sample, schedule(sample), session.id, 99, 2), "#99"),
        (move_session(sample, schedule(sample), session.id, 1, 7), "第 7 天"),
    ):
        assert isinstance(outcome, Refusal) and words in outcome.message_zh and outcome.message_en


def test_a_session_is_added_last_in_its_day(sample):
    group = sample.ordered_groups()[2].id
    site = next(s for s in sample.sites if s.kind == "village")
    after = applied(sample, add_session(sample, group, 4, site.id, " 乡村振兴座谈 "))
    added = after.sessions_of(group, 4)[-1]
    assert (added.site_id, added.title) == (site.id, "乡村振兴座谈") and added.start is not None
    assert isinstance(add_session(sample, group, 4, 9999), Refusal)
    assert isinstance(add_session(sample, group, 0, site.id), Refusal)


# --- groups, plenaries, hotels, lodging --------------------------------------------------


def test_a_new_group_is_the_next_one_in_a_colour_of_its_own(sample):
    outcome = add_group(sample)
    after = applied(sample, outcome)
    group = after.ordered_groups()[-1]
    assert group.name == "第四组" and group.colour == free_colour(sample)
    assert group.colour not in {g.colour for g in sample.groups}
    assert group.position > max(g.position for g in sample.groups)
    named = applied(sample, add_group(sample, "机动组", "#123456", "王某", "中巴", 19))
    group = named.ordered_groups()[-1]
    assert (group.name, group.colour, group.leader, group.vehicle, group.capacity) == ("机动组", "#123456", "王某", "中巴", 19)
    refused = add_group(sample, "第一组")
    assert isinstance(refused, Refusal) and "第一组" in refused.message_zh and "already" in refused.message_en


def test_a_plenary_is_in_every_group_s_day_at_its_time(sample):
    venue = next(s for s in sample.sites if s.kind == "venue")
    last = sample.programme.days
    after = applied(sample, add_plenary(sample, "结业式", last, T("09:00"), T("10:00"), venue.id, "closing"))
    plenary = after.plenaries[-1]
    assert (plenary.title, plenary.day, plenary.kind, plenary.pinned) == ("结业式", last, "closing", True)
    timetable = schedule(after)
    for group in after.groups:
        slot = timetable.slot_of("plenary", plenary.id, group.id)
        assert slot is not None and (slot.start, slot.end) == (T("09:00"), T("10:00"))
    for outcome in (add_plenary(sample, " ", 1, 600, 660), add_plenary(sample, "开班式", 0, 600, 660),
                    add_plenary(sample, "开班式", 1, 660, 600), add_plenary(sample, "开班式", 1, 600, 660, 9999)):
        assert isinstance(outcome, Refusal) and outcome.message_zh and outcome.message_en


def test_lodging_for_a_range_of_nights_books_new_nights_and_changes_booked_ones(sample):
    group = sample.ordered_groups()[1].id
    hotel = next(s for s in sample.sites if s.kind == "hotel")
    booked = {l.night: l for l in sample.lodgings if l.group_id == group}
    assert booked, "the sample lodges every group"
    night = min(booked)
    without = dropped(sample, "lodgings", booked[night + 1].id)  # one night not booked yet
    outcome = add_lodgings(without, [group], night, night + 2, hotel.id, room_price=400)
    after = applied(without, outcome)
    nights = {l.night: l for l in after.lodgings if l.group_id == group}
    for n in (night, night + 1, night + 2):
        assert nights[n].site_id == hotel.id and nights[n].room_price == 400
    assert nights[night].id == booked[night].id  # changed, not a second lodging for the night
    assert len(after.lodgings) == len(sample.lodgings)
    # the same again: nothing to do
    assert add_lodgings(after, [group], night, night + 2, hotel.id) is None


def test_a_placeholder_night_loses_its_note_when_a_hotel_is_chosen(sample):
    group = sample.ordered_groups()[0].id
    night = min(l.night for l in sample.lodgings if l.group_id == group)
    plan = with_placeholder_lodgings(dropped(sample, "lodgings", *[l.id for l in sample.lodgings if l.group_id == group]))
    placeholder = next(l for l in plan.lodgings if l.group_id == group and l.night == night)
    assert placeholder.note.startswith("占位")
    hotel = next(s for s in sample.sites if s.kind == "hotel")
    after = applied(plan, add_lodgings(plan, [group], night, night, hotel.id))
    chosen = after.get("lodgings", placeholder.id)
    assert (chosen.site_id, chosen.note) == (hotel.id, "")


def test_lodging_at_a_new_hotel_adds_the_hotel_in_the_same_step(sample):
    place = sample.places[0]
    groups = [g.id for g in sample.ordered_groups()]
    outcome = add_lodgings(sample, groups, 1, 1, hotel={"name": "开班宾馆", "place_id": place.id, "address": "某路 1 号"})
    assert isinstance(outcome, Batch) and isinstance(outcome.edits[0], Insert) and outcome.edits[0].kind == "sites"
    after = applied(sample, outcome)
    hotel = next(s for s in after.sites if s.name == "开班宾馆")
    assert (hotel.kind, hotel.place_id, hotel.address, hotel.lon) == ("hotel", place.id, "某路 1 号", place.lon)
    assert {l.group_id for l in after.lodgings if l.night == 1 and l.site_id == hotel.id} == set(groups)


def test_lodging_is_refused_with_a_reason(sample):
    hotel = next(s for s in sample.sites if s.kind == "hotel")
    for outcome in (add_lodgings(sample, [], 1, 1, hotel.id), add_lodgings(sample, [99], 1, 1, hotel.id),
                    add_lodgings(sample, [1], 3, 2, hotel.id), add_lodgings(sample, [1], 1, 9, hotel.id),
                    add_lodgings(sample, [1], 1, 1, None), add_lodgings(sample, [1], 1, 1, hotel={"name": "", "place_id": None})):
        assert isinstance(outcome, Refusal) and outcome.message_zh and outcome.message_en


def test_hotels_places_and_sites_need_a_name_and_a_place(sample):
    place = sample.places[0]
    assert isinstance(add_hotel(sample, "", place.id), Refusal)
    assert isinstance(add_hotel(sample, "某宾馆", None), Refusal)
    existing = next(s for s in sample.sites if s.kind == "hotel")
    twin = add_hotel(sample, existing.name, existing.place_id)
    assert isinstance(twin, Refusal) and existing.name in twin.message_zh
    assert isinstance(add_site(sample, {"name": "某园区", "place_id": 9999}), Refusal)
    site = applied(sample, add_site(sample, {"name": " 某园区 ", "place_id": place.id, "kind": "park"})).sites[-1]
    assert (site.name, site.lon, site.lat) == ("某园区", place.lon, place.lat)
    division = next(p for p in sample.places if p.division_code)
    again = add_place(sample, {"name": division.name, "division_code": division.division_code})
    assert isinstance(again, Refusal) and "already" in again.message_en
    assert isinstance(add_place(sample, {"name": "  "}), Refusal)


# --- deleting -----------------------------------------------------------------------------


def test_deleting_sessions_plenaries_and_lodgings(sample):
    session, plenary, lodging = sample.sessions[0], sample.plenaries[0], sample.lodgings[0]
    for kind, item in (("sessions", session), ("plenaries", plenary), ("lodgings", lodging)):
        after = applied(sample, delete_items(sample, kind, [item.id]))
        assert after.get(kind, item.id) is None
    assert delete_items(sample, "sessions", []) is None
    missing = delete_items(sample, "sessions", [9999])
    assert isinstance(missing, Refusal) and "9999" in missing.message_zh


def test_what_other_items_use_is_kept_and_the_refusal_says_what_uses_it(sample):
    group = sample.ordered_groups()[0]
    refused = delete_items(sample, "groups", [group.id])
    sessions = len([s for s in sample.sessions if s.group_id == group.id])
    assert isinstance(refused, Refusal) and group.name in refused.message_zh
    assert f"{sessions} 场现场教学" in refused.message_zh and f"{sessions} sessions" in refused.message_en
    site = sample.site(sample.sessions[0].site_id)
    assert isinstance(delete_items(sample, "sites", [site.id]), Refusal)
    home = delete_items(sample, "sites", [sample.programme.origin_site_id])
    assert isinstance(home, Refusal) and "出发或返回" in home.message_zh
    place = sample.place_of(site)
    assert isinstance(delete_items(sample, "places", [place.id]), Refusal)


def test_a_group_with_nothing_planned_goes_and_its_people_stay_in_no_group(sample):
    plan = applied(sample, add_group(sample))
    group = plan.ordered_groups()[-1]
    person = plan.participants[0]
    plan = changed(plan, "participants", person.id, group_id=group.id)
    after = applied(plan, delete_items(plan, "groups", [group.id]))
    assert after.group(group.id) is None and after.get("participants", person.id).group_id is None


def test_people_moved_by_hand_are_locked_in_their_group_and_free_again_outside(sample):
    from planner.editing import move_people

    group = sample.ordered_groups()[1].id
    people = [p for p in sample.participants if p.group_id != group][:2]
    after = applied(sample, move_people(sample, [p.id for p in people], group))
    for person in people:
        moved = after.get("participants", person.id)
        assert (moved.group_id, moved.locked) == (group, True) and moved.group_reason
    assert move_people(after, [p.id for p in people], group) is None
    freed = applied(after, move_people(after, [people[0].id], None)).get("participants", people[0].id)
    assert (freed.group_id, freed.locked, freed.group_reason) == (None, False, "")
    assert isinstance(move_people(sample, [people[0].id], 99), Refusal)
    assert isinstance(move_people(sample, [9999], group), Refusal)


def test_what_the_tour_s_material_refers_to_is_kept(sample):
    from planner.model import Measure, Reflection

    from tests.plans import added

    session, person = sample.sessions[0], sample.participants[0]
    plan = added(sample, "measures", Measure(1, "建立招商专班", session_id=session.id, site_id=session.site_id))
    plan = added(plan, "reflections", Reflection(1, person.id, "学习体会"))
    refused = delete_items(plan, "sessions", [session.id])
    assert isinstance(refused, Refusal) and "1 项举措" in refused.message_zh and "measures" in refused.message_en
    assert plan.site(session.site_id).name in refused.message_zh or session.title in refused.message_zh
    assert isinstance(delete_items(plan, "participants", [person.id]), Refusal)
    assert isinstance(delete_items(plan, "sites", [session.site_id]), Refusal)
    assert not isinstance(delete_items(sample, "participants", [person.id]), Refusal)
