"""A leg's options in the plan: taking another one (one edit, kept when the route is
estimated again) and how the leg then reads in the printed schedule."""

from __future__ import annotations

import pytest

from planner.documents import TRAVEL, Documents, transport_label
from planner.edits import PlanEditError, Update
from planner.legs import refresh_legs
from planner.editing import choose_leg_option, edit_plan
from planner.store import PlanFile
from planner.travel.describe import describe
from planner.travel_legs import leg_estimate, travel_parts


def leg_to(plan, site_name):
    return next(l for l in plan.legs if plan.site(l.to_site_id).name == site_name)


def test_taking_an_option_is_one_update_and_the_usual_one_follows_the_estimate(sample):
    leg = leg_to(sample, "无锡高新区规划展示馆")  # 柯桥 → 无锡: by coach, a train is the other way
    assert leg_estimate(sample, leg).mode == "bus"
    assert choose_leg_option(sample, leg.id, "high_speed_rail") == \
        Update("legs", leg.id, {"manual_mode": "high_speed_rail", "manual_minutes": None})
    assert choose_leg_option(sample, leg.id, "bus") == \
        Update("legs", leg.id, {"manual_mode": None, "manual_minutes": None})
    with pytest.raises(PlanEditError):
        choose_leg_option(sample, leg.id, "rocket")
    with pytest.raises(PlanEditError):
        choose_leg_option(sample, 9999, "bus")


def test_the_train_taken_is_stored_timed_printed_and_kept(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        leg = leg_to(plan, "无锡高新区规划展示馆")
        rail = leg_estimate(plan, leg).option("high_speed_rail")
        plan, change, _ = edit_plan(plan_file, plan, choose_leg_option(plan, leg.id, "high_speed_rail"), "改乘高铁")
        stored = plan_file.load().get("legs", leg.id)
        assert (stored.manual_mode, stored.mode, stored.minutes) == ("high_speed_rail", "high_speed_rail", rail.minutes)
        assert change.label == "改乘高铁"

        # the printed schedule names the stations: 高铁 绍兴北站 → 无锡东站 约 …
        train = rail.part("train")
        rows = [row for day in Documents(plan).group_itinerary(leg.group_id).days for row in day.rows
                if row.kind == TRAVEL and row.site.endswith("→ 无锡高新区规划展示馆")]  # a train has its own row
        assert rows and rows[0].transport == describe("high_speed_rail", rail.minutes, rail.parts)
        assert rows[0].transport.startswith(f"高铁 {train.start} → {train.end} 约 ")

        # estimated again (as after any edit): the organiser's choice stays
        again = {l.id: l for l in refresh_legs(plan)}[leg.id]
        assert (again.manual_mode, again.mode, again.minutes) == ("high_speed_rail", "high_speed_rail", rail.minutes)


def test_transport_label_without_parts_says_what_is_known():
    assert transport_label("bus", 80) == "大巴 约 1 小时 20 分"
    assert transport_label("high_speed_rail", 45) == "高铁 约 45 分"
    assert transport_label("flight", 0) == "航班"


def test_no_parts_for_a_mode_that_has_no_option_there(sample):
    leg = leg_to(sample, "梦想小镇")  # a short hop: no station, no airport
    assert travel_parts(sample, leg.from_site_id, leg.to_site_id, "flight") == ()
    assert [p.kind for p in travel_parts(sample, leg.from_site_id, leg.to_site_id, "bus")] == ["drive"]
