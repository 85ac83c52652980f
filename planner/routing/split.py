"""Plan groups from scratch: split places among N groups over D days after a joint opening.

Input is a plan with places (and their teaching sites, if any) and usually an opening
plenary; groups, routes and lodgings are made here. Two steps:

1. **Which group goes where, in which order** — an open multi-vehicle route with
   OR-Tools: every group leaves the opening venue; a stop is a place (its visits'
   minutes as service time); the cost is travel, and a group's working time beyond its
   days' capacity costs ``OVERRUN_COST`` a minute while the longest group's working
   time is also minimised (balanced groups: no group idle while another runs late).
   Each group's route is then a geographically sensible path.
2. **Which day** — each group's ordered visits are cut into consecutive days by dynamic
   programming (least overrun past the day window, then the most even days); the group
   sleeps where each day ends (``planner.lodging``: that place's hotel, or a placeholder).

Then legs are estimated and times laid out by the scheduler, as an import does.
"""

from __future__ import annotations

import math
from dataclasses import replace

from planner.legs import settle
from planner.lodging import with_placeholder_lodgings
from planner.minimal import default_group_colour, group_name
from planner.model import Group, Plan, Session, Site
from planner.progress import Progress
from planner.routing.core import DAY, DEFAULT_TIME_LIMIT, RoutingError, _Search, _parameters
from planner.schedule import LUNCH_LEAD, TravelTimes, day_rules, session_length

OVERRUN_COST = 100
SPAN_COST = 1
PLAN_GROUPS_LABEL = "分组规划"
SPLIT_SOLUTION_LIMIT = 500  # deterministic unless the time limit comes first
NOT_VISITED = ("venue", "hotel", "gathering")  # kinds of site that are no visit of their own


def _visits(plan: Plan) -> list[tuple[int, list[Session]]]:
    """(place id, sessions to hold there) for every place to visit: each visited teaching
    site once (its first session kept as the model), or one placeholder site per place
    with no site. Hotels and plenary venues are not visits."""
    venue_ids = {p.site_id for p in plan.plenaries if p.site_id is not None}
    taken, by_place = set(), {}
    for session in sorted(plan.sessions, key=lambda s: (s.group_id, s.day, s.position, s.id)):
        site = plan.site(session.site_id)
        if site is None or site.id in taken or site.kind in ("hotel", "gathering") or site.id in venue_ids \
                or site.place_id is None:
            continue
        taken.add(site.id)
        by_place.setdefault(site.place_id, []).append(session)
    return [(place_id, sessions) for place_id, sessions in sorted(by_place.items())]


def _with_placeholder_sites(plan: Plan) -> Plan:
    """Places with no teaching site get one (as a minimal import does), with a session."""
    venue_places = {plan.site(p.site_id).place_id for p in plan.plenaries if p.site_id and plan.site(p.site_id)}
    venue_places |= {s.place_id for s in plan.sites if s.kind == "gathering"}  # home is not visited
    used = {plan.site(s.site_id).place_id for s in plan.sessions if plan.site(s.site_id)}
    sites, sessions = list(plan.sites), list(plan.sessions)
    for place in plan.places:
        if place.id in used or (place.id in venue_places and not any(
                s.place_id == place.id and s.kind not in NOT_VISITED for s in plan.sites)):
            continue
        own = [s for s in plan.sites if s.place_id == place.id and s.kind not in NOT_VISITED]
        if not own:
            own = [Site(max((s.id for s in sites), default=0) + 1, f"{place.name}现场教学点", place.id, "other",
                        note="待定：请换成实际教学点 / to be decided: replace with the real teaching site")]
            sites += own
        for site in own:
            sessions.append(Session(max((s.id for s in sessions), default=0) + 1, 0, site.id, 1,
                                    title=f"{place.name}现场教学"))
    return plan.with_items("sites", sites).with_items("sessions", sessions)


def plan_groups(plan: Plan, groups: int, days: int, *, time_limit: float = DEFAULT_TIME_LIMIT,
                progress: Progress | None = None) -> Plan:
    """A full plan: ``groups`` groups over ``days`` days, routes and lodgings made, times
    laid out. ``plan`` gives the programme, places, sites and the opening plenary."""
    if groups < 1:
        raise RoutingError("组数至少为 1", "--groups must be at least 1")
    if days < 1:
        raise RoutingError("天数至少为 1", "--days must be at least 1")
    late_plenaries = [p for p in plan.plenaries if p.day > days]
    if late_plenaries:
        raise RoutingError(f"「{late_plenaries[0].title}」在第 {late_plenaries[0].day} 天，超出 {days} 天",
                           f"'{late_plenaries[0].title}' is on day {late_plenaries[0].day}, beyond {days} days")
    plan = replace(plan, programme=replace(plan.programme, days=days))
    plan = _with_placeholder_sites(plan)
    visits = _visits(plan)
    if not visits:
        raise RoutingError("方案里没有可分配的县（市、区）", "the plan has no places to split among groups")
    if groups > len(visits):
        raise RoutingError(f"只有 {len(visits)} 个县（市、区），不能分成 {groups} 组",
                           f"only {len(visits)} places: cannot make {groups} groups")
    if progress is not None:
        progress.report(0.0, "正在分组… / splitting places among groups…")
    opening = min((p for p in plan.plenaries if p.site_id is not None), key=lambda p: (p.day, p.start or 0),
                  default=None)
    first_day = opening.day if opening else 1
    travel = TravelTimes(plan.with_items("legs", ()))
    routes = _assign(plan, visits, groups, days, first_day, opening, travel, time_limit, progress)

    new_groups = [Group(g + 1, group_name(g), default_group_colour(g), position=g) for g in range(groups)]
    old_groups = {g.id: g for g in plan.groups}
    new_groups = [replace(g, name=old_groups[g.id].name, colour=old_groups[g.id].colour,
                          leader=old_groups[g.id].leader, vehicle=old_groups[g.id].vehicle,
                          capacity=old_groups[g.id].capacity) if g.id in old_groups else g for g in new_groups]
    sessions = []
    for g, route in enumerate(routes):
        group_id = g + 1
        ordered = [session for place_id in route for session in _order_within(plan, dict(visits)[place_id], travel)]
        split = _split_days(plan, ordered, first_day, days, opening, travel)
        for day, day_sessions in split.items():
            for position, model in enumerate(day_sessions):
                sessions.append(replace(model, id=len(sessions) + 1, group_id=group_id, day=day, position=position,
                                        start=None, end=None, pinned=False))
    participants = [p if p.group_id is None or p.group_id <= groups else replace(p, group_id=None)
                    for p in plan.participants]
    result = replace(plan, groups=tuple(new_groups), sessions=tuple(sessions), lodgings=(), legs=(),
                     participants=tuple(participants))
    result = settle(with_placeholder_lodgings(result))
    if progress is not None and not progress.cancelled:  # cancelled: the best split found so far
        progress.report(1.0, "完成 / done")
    return result


def _visit_minutes(plan: Plan, sessions: list[Session]) -> int:
    rules = day_rules(plan, 1)
    return sum(session_length(plan, s, rules) + rules.stop_minutes for s in sessions)


def _place_site(plan: Plan, sessions: list[Session]) -> int:
    return sessions[0].site_id


def _assign(plan, visits, groups, days, first_day, opening, travel, time_limit, progress) -> list[list[int]]:
    """Step 1: each group's places in visiting order."""
    from ortools.constraint_solver import pywrapcp

    n = len(visits)
    anchor = [_place_site(plan, sessions) for _, sessions in visits]
    venue = opening.site_id if opening else None
    service = [_visit_minutes(plan, sessions) for _, sessions in visits] + [0, 0]
    locations = anchor + [venue, None]

    def cost(a, b):
        if a is None or b is None:
            return 0
        return travel.between(0, a, b)[0]

    cost_matrix = [[0 if i == j else cost(locations[i], locations[j]) for j in range(n + 2)] for i in range(n + 2)]
    work = [[service[i] + cost_matrix[i][j] for j in range(n + 2)] for i in range(n + 2)]
    capacity = 0
    for day in range(first_day, days + 1):
        rules = day_rules(plan, day)
        start = rules.day_start
        if opening and day == opening.day:
            start = max([p.end for p in plan.plenaries if p.day == day and p.end is not None] + [start])
        lunch = rules.lunch_minutes if start < rules.lunch_start else 0
        capacity += max(0, rules.day_end - start - lunch - 30)  # 30: the way to the hotel
    manager = pywrapcp.RoutingIndexManager(n + 2, groups, [n] * groups, [n + 1] * groups)
    routing = pywrapcp.RoutingModel(manager)
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(cost_matrix))
    routing.AddDimension(routing.RegisterTransitMatrix(work), 0, 100 * DAY, True, "work")
    dimension = routing.GetDimensionOrDie("work")
    dimension.SetGlobalSpanCostCoefficient(SPAN_COST)
    for v in range(groups):
        dimension.SetCumulVarSoftUpperBound(routing.End(v), capacity, OVERRUN_COST)
        routing.SetVehicleUsedWhenEmpty(True, v)
    search = _Search(progress, time_limit, "正在分组… / splitting places among groups…", routing=routing)
    routing.AddAtSolutionCallback(search.on_solution)
    params = _parameters(time_limit, SPLIT_SOLUTION_LIMIT, groups)
    assignment = routing.SolveWithParameters(params)
    if assignment is None:
        from planner.progress import Cancelled

        if search.cancelled:
            raise Cancelled()
        raise RoutingError("求解器没有找到分组方案", "the solver found no split")
    routes = []
    for v in range(groups):
        order, index = [], assignment.Value(routing.NextVar(routing.Start(v)))
        while not routing.IsEnd(index):
            order.append(visits[manager.IndexToNode(index)][0])
            index = assignment.Value(routing.NextVar(index))
        routes.append(order)
    return routes


def _order_within(plan: Plan, sessions: list[Session], travel: TravelTimes) -> list[Session]:
    """A place's visits in a short order: nearest next, from the first."""
    if len(sessions) <= 2:
        return list(sessions)
    ordered, left = [sessions[0]], list(sessions[1:])
    while left:
        here = ordered[-1].site_id
        nearest = min(left, key=lambda s: (travel.between(0, here, s.site_id)[0], s.id))
        ordered.append(nearest)
        left.remove(nearest)
    return ordered


def _split_days(plan, ordered: list[Session], first_day: int, days: int, opening, travel) -> dict[int, list[Session]]:
    """Step 2: cut the ordered visits into consecutive days (DP: least overrun, then even days)."""
    day_list = list(range(first_day, days + 1))
    n = len(ordered)

    def day_cost(day: int, start_site, part: list[Session]) -> float:
        rules = day_rules(plan, day)
        t = rules.day_start
        here = start_site
        if opening and day == opening.day:
            t = max([p.end for p in plan.plenaries if p.day == day and p.end is not None] + [t])
            here = opening.site_id
        began = t
        lunched = False
        for session in part:
            minutes = travel.between(0, here, session.site_id)[0] if here is not None else 0
            arrival = t + minutes
            if not lunched and arrival >= rules.lunch_start - LUNCH_LEAD:
                arrival = max(arrival, rules.lunch_start) + rules.lunch_minutes
                lunched = True
            site = plan.site(session.site_id)
            start = max(arrival + rules.stop_minutes, site.opens or 0)
            start = -(-start // 5) * 5
            t = start + session_length(plan, session, rules)
            if site.closes is not None and t > site.closes:
                t += 10 * (t - site.closes)  # a visit past closing is an error: weigh it heavily
            here = session.site_id
        over = max(0, t + 15 - rules.day_end)
        busy = t - began
        return 1000.0 * over + (busy / 60.0) ** 2 if part else 0.0

    # best[k][i]: cost of putting the first i visits on the first k days
    inf = math.inf
    best = [[inf] * (n + 1) for _ in range(len(day_list) + 1)]
    cut = [[0] * (n + 1) for _ in range(len(day_list) + 1)]
    best[0][0] = 0.0
    for k, day in enumerate(day_list, start=1):
        for i in range(n + 1):
            for j in range(i + 1):
                if best[k - 1][j] == inf:
                    continue
                start_site = ordered[j - 1].site_id if j > 0 else None
                value = best[k - 1][j] + day_cost(day, start_site, ordered[j:i])
                if value < best[k][i]:
                    best[k][i], cut[k][i] = value, j
    result, i = {}, n
    for k in range(len(day_list), 0, -1):
        j = cut[k][i]
        result[day_list[k - 1]] = ordered[j:i]
        i = j
    return dict(sorted(result.items()))


def total_travel(plan: Plan) -> int:
    """Minutes of travel of every group over the whole programme (scheduler's model)."""
    from planner.schedule import schedule

    return sum(s.minutes for day in schedule(plan).days.values() for s in day.of_kind("travel"))
