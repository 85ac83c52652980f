"""Plan groups from scratch: split the places among N groups and spread them over the days.

Input is a plan with places (and their teaching sites, if any), usually an opening
plenary, and where the groups leave from and come back to (``planner.journey``);
groups, routes and lodgings are made here, for door-to-door tours: the journey out on
the day of leaving, a bed every night, the journey home on the day of return.

1. **Which group goes where, in which order** — an open multi-vehicle route with
   OR-Tools: every group leaves the opening venue (or home) and ends at home; a stop is
   a place (its visits' minutes as service time); the cost is travel, a group's working
   time beyond what its days hold costs ``OVERRUN_COST`` a minute, and the longest
   group's working time and the most sessions of a group are also minimised (balanced
   groups: no group idle while another runs late).
2. **Which day** — each group's ordered visits are cut into its days by dynamic
   programming over the real day: each candidate day is laid out by the scheduler, from
   where the group woke up (home on the day it leaves, else the hotel the placeholder
   rule gives: the place of the previous day's last stop) to where it sleeps (the place
   of the day's last stop; home on the day of return), with the day's plenaries and
   fixed items, and judged by the plan's own checks (opening hours, the day's window,
   lunch, the way home) and the longest travel a day may take (``max_travel``). Among
   days that pass, ``spread`` decides: "even" makes the days as equally full as the
   places allow (and spreads a few places over many days evenly), "front" fills the
   days from the first and leaves the free ones at the end.

Then placeholder lodgings are made (``planner.lodging``), legs estimated and times laid
out, as an import does. ``explain`` says what is wrong with a result in words an
organiser can act on: too few days, more days than the places need, a place too far.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.checks import check, check_days, check_journey
from planner.findings import ERROR, WARNING
from planner.journey import journey
from planner.legs import settle
from planner.lodging import placeholder_hotel, stop_places, with_placeholder_lodgings
from planner.minimal import default_group_colour, group_name
from planner.model import Group, Lodging, Plan, Session, Site
from planner.progress import Progress
from planner.routing.core import DAY, DEFAULT_TIME_LIMIT, RoutingError, _Search, _parameters
from planner.schedule import DayPlan, Timetable, TravelTimes, day_rules, is_fixed, schedule, schedule_day, \
    session_length

OVERRUN_COST = 100
SPAN_COST = 1
EMPTY_GROUP_COST = 100 * DAY  # a group with no place (a hard "every group goes somewhere" stops the first solution)
COUNT_COST = 30  # per session a group holds beyond its fair share
PLAN_GROUPS_LABEL = "分组规划"
SPLIT_SOLUTION_LIMIT = 500  # deterministic unless the time limit comes first
NOT_VISITED = ("venue", "hotel", "gathering")  # kinds of site that are no visit of their own
SPREADS = ("even", "front")
DEFAULT_MAX_TRAVEL = 4 * 60  # minutes of travel a day, the journey out and back not counted
GROUP_FIELDS = ("name", "colour", "leader", "vehicle", "capacity", "themes", "origin_site_id", "return_site_id",
                "departure_day", "return_day", "departure_time", "vehicle_price")

# The day cost of the dynamic programme: what the checks find first, then the spread.
ERROR_COST = 1_000_000
WARNING_COST = 10_000
TOO_MUCH_TRAVEL_COST = 10_000  # and 100 a minute beyond
OUTSIDE_WINDOW_COST = 10  # a minute the day runs outside its window (the way to the hotel after it)
TRAVEL_COST = 0.5  # an hour
TARGET_COST = 0.05  # (days away from a visit's even place)²: spreads few visits over many days


def _visits(plan: Plan) -> list[tuple[int, list[Session]]]:
    """(place id, sessions to hold there) for every place to visit: each visited teaching
    site once (its first session kept as the model), or one placeholder site per place
    with no site. Hotels, plenary venues and sessions fixed in time are not visits."""
    venue_ids = {p.site_id for p in plan.plenaries if p.site_id is not None}
    taken, by_place = set(), {}
    for session in sorted(plan.sessions, key=lambda s: (s.group_id, s.day, s.position, s.id)):
        site = plan.site(session.site_id)
        if site is None or site.id in taken or site.kind in ("hotel", "gathering") or site.id in venue_ids \
                or site.place_id is None or is_fixed(session):
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


def _for_days(plan: Plan, days: int) -> Plan:
    """The programme over ``days`` days: a return day beyond them becomes the last day."""
    programme = plan.programme
    if programme.departure_day is not None and programme.departure_day > days:
        raise RoutingError(f"出发日第 {programme.departure_day} 天超出 {days} 天",
                           f"the day of leaving, day {programme.departure_day}, is beyond {days} days")
    return_day = programme.return_day if programme.return_day is not None and programme.return_day <= days else None
    groups = [replace(g, return_day=None) if g.return_day is not None and g.return_day > days else g
              for g in plan.groups]
    return replace(plan, programme=replace(programme, days=days, return_day=return_day), groups=tuple(groups))


def plan_groups(plan: Plan, groups: int, days: int, *, spread: str = "even", max_travel: int = DEFAULT_MAX_TRAVEL,
                time_limit: float = DEFAULT_TIME_LIMIT, progress: Progress | None = None) -> Plan:
    """A full plan: ``groups`` groups over ``days`` days, routes and lodgings made, times
    laid out. ``plan`` gives the programme, places, sites, plenaries and the journey."""
    if groups < 1:
        raise RoutingError("组数至少为 1", "--groups must be at least 1")
    if days < 1:
        raise RoutingError("天数至少为 1", "--days must be at least 1")
    if spread not in SPREADS:
        raise RoutingError(f"未知的分布方式：{spread}（可选 even、front）", f"unknown spread: {spread} (even or front)")
    late_plenaries = [p for p in plan.plenaries if p.day > days]
    if late_plenaries:
        raise RoutingError(f"「{late_plenaries[0].title}」在第 {late_plenaries[0].day} 天，超出 {days} 天",
                           f"'{late_plenaries[0].title}' is on day {late_plenaries[0].day}, beyond {days} days")
    plan = _with_placeholder_sites(_for_days(plan, days))
    visits = _visits(plan)
    if not visits:
        raise RoutingError("方案里没有可分配的县（市、区）", "the plan has no places to split among groups")
    if groups > len(visits):
        raise RoutingError(f"只有 {len(visits)} 个县（市、区），不能分成 {groups} 组",
                           f"only {len(visits)} places: cannot make {groups} groups")
    fixed = [s for s in plan.sessions if is_fixed(s)]
    for session in fixed:
        if session.group_id > groups:
            raise RoutingError(f"「{session.title or plan.site(session.site_id).name}」固定在第 {session.group_id} 组，"
                               f"但只分 {groups} 组", f"'{session.title or plan.site(session.site_id).name}' is fixed "
                               f"to group {session.group_id}, but there are only {groups} groups")
    if progress is not None:
        progress.report(0.0, "正在分组… / splitting places among groups…")
    shaped = replace(plan, groups=tuple(_groups(plan, groups)), sessions=tuple(fixed), lodgings=(), legs=())
    with_hotels, hotels = _with_hotels(shaped)
    travel = TravelTimes(with_hotels)
    routes = _assign(shaped, visits, travel, time_limit, progress)
    sessions = list(fixed)
    next_id = max((s.id for s in plan.sessions), default=0) + 1
    for g, route in enumerate(routes):
        ordered = [session for place_id in route for session in _order_within(dict(visits)[place_id], travel)]
        model = _DayModel(with_hotels, g + 1, hotels, max_travel, travel)
        for day, day_sessions in _split_days(model, ordered, spread).items():
            for position, model in enumerate(day_sessions):
                sessions.append(replace(model, id=next_id, group_id=g + 1, day=day, position=position,
                                        start=None, end=None))  # a pin without a time flows (is_fixed)
                next_id += 1
    participants = [p if p.group_id is None or p.group_id <= groups else replace(p, group_id=None, locked=False)
                    for p in plan.participants]
    result = replace(shaped, sessions=tuple(sorted(sessions, key=lambda s: s.id)), participants=tuple(participants))
    result = settle(with_placeholder_lodgings(result))
    if progress is not None and not progress.cancelled:  # cancelled: the best split found so far
        progress.report(1.0, "完成 / done")
    return result


def _groups(plan: Plan, count: int) -> list[Group]:
    """``count`` groups; those with the id of an existing one keep its name, leader, journey…"""
    old = {g.id: g for g in plan.groups}
    made = []
    for g in range(count):
        group = Group(g + 1, group_name(g), default_group_colour(g), position=g)
        if group.id in old:
            group = replace(group, **{name: getattr(old[group.id], name) for name in GROUP_FIELDS})
        made.append(group)
    return made


def _with_hotels(plan: Plan) -> tuple[Plan, dict[int, int]]:
    """``plan`` with a hotel in every place (a placeholder where it has none), and the
    hotel of each place: where a placeholder lodging would put the group."""
    hotels: dict[int, int] = {}
    for site in plan.sites:
        if site.kind == "hotel" and site.place_id is not None:
            hotels.setdefault(site.place_id, site.id)
    sites, next_id = list(plan.sites), max((s.id for s in plan.sites), default=0) + 1
    for place in plan.places:
        if place.id not in hotels:
            sites.append(placeholder_hotel(next_id, place))
            hotels[place.id], next_id = next_id, next_id + 1
    return plan.with_items("sites", sites), hotels


def _visit_minutes(plan: Plan, sessions: list[Session]) -> int:
    rules = day_rules(plan, 1)
    return sum(session_length(plan, s, rules) + rules.stop_minutes for s in sessions)


def _opening(plan: Plan):
    """The first plenary with a place and a time (where the groups set off from), or None."""
    timed = [p for p in plan.plenaries if p.site_id is not None and p.start is not None and p.end is not None]
    return min(timed, key=lambda p: (p.day, p.start), default=None)


def _capacity(plan: Plan, group_id: int, travel: TravelTimes, first_site: int | None) -> int:
    """Minutes a group has for visits and the travel between them, over its days."""
    trip = journey(plan, group_id)
    opening = _opening(plan)
    total = 0
    for day in range(trip.departure_day, trip.return_day + 1):
        rules = day_rules(plan, day)
        start, end = rules.day_start, rules.day_end
        if opening is not None and day == opening.day:
            start = max([p.end for p in plan.plenaries if p.day == day and p.end is not None] + [start])
        elif trip.leaves_home(day) and first_site is not None:
            start = (trip.departure_time or start) + travel.between(group_id, trip.origin_site_id, first_site)[0]
        if trip.comes_home(day) and first_site is not None:
            way = travel.between(group_id, first_site, trip.return_site_id)[0]
            end = min(end, (trip.latest_return or end + 3 * 60) - way)
        lunch = rules.lunch_minutes if start < rules.lunch_start else 0
        total += max(0, end - start - lunch - 30)  # 30: the way to the hotel
    return total


def _assign(plan: Plan, visits, travel: TravelTimes, time_limit: float, progress) -> list[list[int]]:
    """Step 1: each group's places in visiting order."""
    from ortools.constraint_solver import pywrapcp

    groups = [g.id for g in plan.ordered_groups()]
    n, count = len(visits), len(groups)
    anchor = [sessions[0].site_id for _, sessions in visits]
    opening = _opening(plan)
    trips = [journey(plan, g) for g in groups]
    starts = [opening.site_id if opening is not None else trip.origin_site_id for trip in trips]
    locations = anchor + starts + [trip.return_site_id for trip in trips]
    service = [_visit_minutes(plan, sessions) for _, sessions in visits] + [0] * (2 * count)
    counts = [len(sessions) for _, sessions in visits] + [0] * (2 * count)
    size = n + 2 * count

    def cost(a, b):
        return 0 if a is None or b is None or a == b else travel.between(0, a, b)[0]

    cost_matrix = [[cost(locations[i], locations[j]) for j in range(size)] for i in range(size)]
    for v in range(count):  # a group going nowhere still makes its journey: never cheaper than a route
        cost_matrix[n + v][n + count + v] = EMPTY_GROUP_COST
    # working time: visits and the travel between them (the journey out and home is no work)
    work = [[service[i] + (cost_matrix[i][j] if i < n and j < n or (i >= n and opening is not None and j < n)
                           else 0) for j in range(size)] for i in range(size)]
    manager = pywrapcp.RoutingIndexManager(size, count, list(range(n, n + count)), list(range(n + count, size)))
    routing = pywrapcp.RoutingModel(manager)
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(cost_matrix))
    routing.AddDimension(routing.RegisterTransitMatrix(work), 0, 100 * DAY, True, "work")
    dimension = routing.GetDimensionOrDie("work")
    dimension.SetGlobalSpanCostCoefficient(SPAN_COST)
    routing.AddDimension(routing.RegisterUnaryTransitVector(counts), 0, sum(counts), True, "sessions")
    sessions = routing.GetDimensionOrDie("sessions")
    for v, group in enumerate(groups):
        capacity = _capacity(plan, group, travel, anchor[0])
        dimension.SetCumulVarSoftUpperBound(routing.End(v), capacity, OVERRUN_COST)
        sessions.SetCumulVarSoftUpperBound(routing.End(v), -(-sum(counts) // count), COUNT_COST)
        sessions.SetCumulVarSoftLowerBound(routing.End(v), sum(counts) // count, COUNT_COST)
        routing.SetVehicleUsedWhenEmpty(True, v)
    search = _Search(progress, time_limit, "正在分组… / splitting places among groups…", routing=routing)
    routing.AddAtSolutionCallback(search.on_solution)
    assignment = routing.SolveWithParameters(_parameters(time_limit, SPLIT_SOLUTION_LIMIT, count))
    if assignment is None:
        from planner.progress import Cancelled

        if search.cancelled:
            raise Cancelled()
        raise RoutingError("求解器没有找到分组方案", "the solver found no split")
    routes = []
    for v in range(count):
        order, index = [], assignment.Value(routing.NextVar(routing.Start(v)))
        while not routing.IsEnd(index):
            order.append(visits[manager.IndexToNode(index)][0])
            index = assignment.Value(routing.NextVar(index))
        routes.append(order)
    return routes


def _order_within(sessions: list[Session], travel: TravelTimes) -> list[Session]:
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


# ---------------------------------------------------------------------------- days


@dataclass(frozen=True)
class _Day:
    """One candidate day of the dynamic programme, laid out and judged."""

    plan: DayPlan
    sleeps: int | None  # the hotel (site id) the group sleeps in after it
    penalty: float  # what the checks found, too much travel, time outside the window
    travel: int  # minutes


class _DayModel:
    """Lays out one group's candidate days with the scheduler and judges them."""

    def __init__(self, plan: Plan, group_id: int, hotels: dict[int, int], max_travel: int, travel: TravelTimes):
        self.group_id, self.hotels, self.max_travel, self.travel = group_id, hotels, max_travel, travel
        self.trip = journey(plan, group_id)
        self.fixed = [s for s in plan.sessions if s.group_id == group_id]
        self.plan = replace(plan, sessions=tuple(self.fixed))
        self._days: dict = {}

    def day(self, day: int, start: int | None, visits: tuple[Session, ...], next_visit: Session | None) -> _Day:
        """``visits`` on ``day`` from ``start`` (a hotel; home on the day of leaving); the
        group sleeps where the placeholder rule puts it (``next_visit``: where tomorrow begins)."""
        tomorrow = next_visit.site_id if next_visit is not None and self.trip.leaves_home(day) else None
        key = (day, start, tuple(s.id for s in visits), tomorrow)
        found = self._days.get(key)
        if found is None:
            found = self._days[key] = self._lay_out(day, start, visits, next_visit)
        return found

    def _working_plan(self, day: int, start: int | None, visits, end: int | None) -> Plan:
        sessions = [*self.fixed, *(replace(s, group_id=self.group_id, day=day, position=n, start=None, end=None,
                                           pinned=False) for n, s in enumerate(visits))]
        lodgings = []
        if start is not None and not self.trip.leaves_home(day):
            lodgings.append(Lodging(1, self.group_id, day - 1, start))
        if end is not None and not self.trip.comes_home(day):
            lodgings.append(Lodging(2, self.group_id, day, end))
        return replace(self.plan, sessions=tuple(sessions), lodgings=tuple(lodgings))

    def _lay_out(self, day: int, start: int | None, visits, next_visit: Session | None) -> _Day:
        end = None
        if not self.trip.comes_home(day):
            plan = self._working_plan(day, start, visits, None)
            stops = stop_places(plan, [schedule_day(plan, self.group_id, day, self.travel)], self.group_id)
            if stops.get(day):
                end = self.hotels[stops[day][-1]]
            elif self.trip.leaves_home(day) and next_visit is not None:  # tonight where tomorrow begins
                end = self.hotels[self.plan.site(next_visit.site_id).place_id]
            else:
                end = start  # staying on
        plan = self._working_plan(day, start, visits, end)
        day_plan = schedule_day(plan, self.group_id, day, self.travel)
        timetable = Timetable({(self.group_id, day): day_plan})
        findings = check_days(plan, timetable) + check_days(plan, timetable, (check_journey,))
        penalty = sum(ERROR_COST if f.severity == ERROR else WARNING_COST for f in findings
                      if f.severity in (ERROR, WARNING))
        legs = day_plan.of_kind("travel")
        local = sum(s.minutes for s in legs if not s.journey)
        if local > self.max_travel:
            penalty += TOO_MUCH_TRAVEL_COST + 100 * (local - self.max_travel)
        if day_plan.last is not None:
            rules = day_plan.rules
            penalty += OUTSIDE_WINDOW_COST * (max(0, rules.day_start - day_plan.first)
                                              + max(0, day_plan.last - rules.day_end))
        return _Day(day_plan, end, penalty, sum(s.minutes for s in legs))


def _split_days(model: _DayModel, ordered: list[Session], spread: str) -> dict[int, list[Session]]:
    """Step 2: cut the ordered visits into the group's days (see the module)."""
    plan, trip = model.plan, model.trip
    days = list(range(trip.departure_day, trip.return_day + 1))
    n, m = len(ordered), len(days)
    rules = day_rules(plan, days[0])
    minutes = [session_length(plan, s, rules) + rules.stop_minutes for s in ordered]
    window = max(60, rules.day_end - rules.day_start)
    before = [sum(minutes[:v]) for v in range(n + 1)]
    # where visit v falls when the visits are spread evenly from the first day to the last
    # (the checks keep a visit off a day the journey leaves no time on)
    middle = [before[v] + minutes[v] / 2 for v in range(n)]
    width = middle[-1] - middle[0] if n else 0
    target = [(middle[v] - middle[0]) / width * (m - 1) if width else 0.0 for v in range(n)]

    def spread_cost(k: int, i: int, j: int) -> float:
        load = before[j] - before[i]
        if spread == "front":
            return k * load / 60
        return (load / 60) ** 2 + TARGET_COST * sum((k - target[v]) ** 2 for v in range(i, j))

    # best[k][j]: (cost, where the group sleeps, i) with the first j visits on the first k+1 days
    best: list[dict[int, tuple[float, int | None, int]]] = [{} for _ in range(m)]
    for k, day in enumerate(days):
        states = {0: (0.0, trip.origin_site_id, 0)} if k == 0 else best[k - 1]
        last = k == m - 1
        for i, (cost, sleeps, _) in sorted(states.items()):
            for j in (range(n, n + 1) if last else range(i, n + 1)):
                start = trip.origin_site_id if k == 0 else sleeps
                laid = model.day(day, start, tuple(ordered[i:j]), ordered[j] if j < n else None)
                value = cost + laid.penalty + TRAVEL_COST * laid.travel / 60 + spread_cost(k, i, j)
                if j not in best[k] or value < best[k][j][0]:
                    best[k][j] = (value, laid.sleeps, i)
                if j > i and sum(minutes[i:j]) > window + 3 * 60:
                    break  # more visits than any day holds
    result, j = {}, n
    for k in range(m - 1, -1, -1):
        i = best[k][j][2]
        result[days[k]] = ordered[i:j]
        j = i
    return result


def total_travel(plan: Plan) -> int:
    """Minutes of travel of every group over the whole programme (scheduler's model)."""
    return sum(s.minutes for day in schedule(plan).days.values() for s in day.of_kind("travel"))


# ---------------------------------------------------------------------------- explain

TIMING = ("outside-opening-hours", "late-arrival", "overlap", "past-day-window", "before-day-window",
          "long-travel-day", "late-lunch", "short-lunch", "no-lunch", "late-return")


def idle_days(plan: Plan, group_id: int, timetable: Timetable | None = None) -> list[int]:
    """Days away from home with nothing to do: no session, no plenary, no journey out or back."""
    timetable = timetable or schedule(plan)
    trip = journey(plan, group_id)
    idle = []
    for day in range(trip.departure_day, trip.return_day + 1):
        day_plan = timetable.day(group_id, day)
        if day_plan is None or day_plan.items() or any(s.journey for s in day_plan.of_kind("travel")):
            continue
        idle.append(day)
    return idle


def explain(plan: Plan, max_travel: int = DEFAULT_MAX_TRAVEL) -> list[tuple[str, str]]:
    """What is wrong with a planned plan, in words an organiser can act on (Chinese,
    English): too few days (the checks find timing problems), more days than the places
    need (days with nothing to do), a place too far from every other for a day's travel."""
    timetable = schedule(plan)
    notes = []
    findings = [f for f in check(plan, timetable) if f.severity in (ERROR, WARNING) and f.code in TIMING]
    if findings:
        first = findings[0]
        notes.append((f"天数不够或组数太少：{len(findings)} 处时间问题，例如 {first.message_zh}。请增加天数或组数，或删去一些地点",
                      f"too few days or groups: {len(findings)} timing problem(s), e.g. {first.message_en}. "
                      "Add days or groups, or drop some places"))
    idle = {g.name: idle_days(plan, g.id, timetable) for g in plan.ordered_groups()}
    idle = {name: days for name, days in idle.items() if days}
    if idle:
        zh = "；".join(f"{name}第 {_ranges(days, '、', '–')} 天" for name, days in idle.items())
        en = "; ".join(f"{name} on day(s) {_ranges(days, ', ', '–')}" for name, days in idle.items())
        notes.append((f"天数多于地点所需：{zh}没有安排（可减少天数）",
                      f"more days than the places need: nothing to do for {en} (consider fewer days)"))
    notes += _too_far(plan, timetable, max_travel)
    return notes


def _too_far(plan: Plan, timetable: Timetable, max_travel: int) -> list[tuple[str, str]]:
    """A place too far for a day's travel: in a group that travels more than
    ``max_travel`` on some day (the journey out and home not counted), a place whose
    nearest other place on the group's route is further than that."""
    travel, notes = TravelTimes(plan), []
    for group in plan.ordered_groups():
        if all(sum(s.minutes for s in day.of_kind("travel") if not s.journey) <= max_travel
               for day in timetable.of_group(group.id)):
            continue
        sites = {}  # a visited site of each of the group's places
        for session in plan.sessions_of(group.id):
            site = plan.site(session.site_id)
            if site is not None and site.place_id is not None and site.kind not in NOT_VISITED:
                sites.setdefault(site.place_id, site.id)
        for place_id, site_id in sites.items():
            nearest = min(((travel.between(group.id, other, site_id)[0], other) for p, other in sites.items()
                           if p != place_id), default=None)
            if nearest is not None and nearest[0] > max_travel:
                far, near = plan.place(place_id), plan.place(plan.site(nearest[1]).place_id)
                hours = nearest[0] / 60
                notes.append((f"「{far.name}」太远：{group.name}路线上离它最近的「{near.name}」也要行车约 {hours:.1f} 小时，"
                              f"超过每天 {max_travel / 60:g} 小时的上限，一天之内到不了（可分给别的组、删去或放宽上限）",
                              f"'{far.name}' is too far for a day's travel: about {hours:.1f} h from the nearest "
                              f"place on {group.name}'s route, '{near.name}', over the {max_travel / 60:g} h of travel "
                              "a day (give it to another group, drop it, or allow more travel)"))
    return notes


def _ranges(days: list[int], comma: str, dash: str) -> str:
    """[2, 4, 5, 6, 9] -> '2, 4–6, 9'."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return comma.join(str(r[0]) if len(r) == 1 else f"{r[0]}{dash}{r[-1]}" for r in runs)
