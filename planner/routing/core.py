"""The routing core: order stops over days on plain data, with OR-Tools.

Input is plain data — a whole-minute duration matrix between locations, stops with
their length, opening hours, a resource only one group may use at a time, and locks
(to a group, a day, a start time, a place in the day's order) — and one ``DayRoute``
per group and day (where the day starts and ends: last night's and tonight's lodging,
or a plenary venue; the day window; lunch). Nothing here knows about plans or Qt.
(Optimising a plan no longer goes through this model: ``planner.routing.plan_routes``
judges each candidate with the scheduler and the checks themselves, so that every leg
and every finding counts; ``split`` uses this module's search settings.)

Why OR-Tools here (one plain path, with no days, locks or opening hours, is solved
by PyVRP in ``planner.routing.path``, which gets closer to the optimum there): PyVRP's
model has no stop fixed to a time or to a place in the order, no per-stop set of
allowed vehicles (our locks to a group or a day: PyVRP only has whole-fleet profiles),
and no resource shared between routes (a site one group at a time). OR-Tools' routing
library has all of these as parts of the model (vehicle variables, cumul ranges with
holes, a counting dimension, interval constraints on the same solver), takes a
solution callback from which a Cancel button can stop the search (``CancelSearch``)
keeping the best solution, ships wheels for every platform we build on, and is kept
by Google with releases several times a year.

Time is one axis: minute ``m`` of day ``d`` is ``d * 1440 + m``; each ``DayRoute`` is
one vehicle confined to its day; lunch takes its length out of the day window in the
solver model and is walked exactly by ``evaluate``. The travel of a route is the objective; running past
the day window costs ``OVERRUN_COST`` a minute (days stay balanced: a group is not left
idle while another runs late). Opening hours and one-group-at-a-time sites are hard
constraints first; if no solution honours them, the solver retries with them relaxed
and the result carries the minutes of violation (``Solution.late``) for the plan check
to report. Locks are always hard: a locked stop never moves.

Results are deterministic: fixed first-solution strategy and metaheuristic, and the
search stops after a fixed number of solutions (``solution_limit``) unless the time
limit comes first. ``improve`` never returns something that is not strictly better
than the current routes, so optimising twice in a row changes nothing.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field
from itertools import combinations
from typing import Hashable, Iterable

from planner.errors import BilingualError
from planner.progress import Cancelled, Progress

DAY = 1440
OVERRUN_COST = 100  # per minute past the day window (travel costs 1 a minute)
LUNCH_LEAD = 15  # as the scheduler: a group may go to lunch this early
DEFAULT_TIME_LIMIT = 2.0
DEFAULT_SOLUTION_LIMIT = 500
BALANCE_COST = 2  # per minute of visits a day holds beyond its fair share (+ BALANCE_SLACK)
BALANCE_SLACK = 30


class RoutingError(BilingualError, ValueError):
    """A problem the core cannot take (bad matrix, contradictory locks, no solution)."""


@dataclass(frozen=True)
class Stop:
    """Something to visit: at ``location`` (a matrix index), for ``minutes``."""

    key: Hashable  # the caller's id (a session id)
    location: int
    minutes: int = 0
    opens: int | None = None  # earliest start, minute of the day
    closes: int | None = None  # latest end
    resource: Hashable | None = None  # a site only one group may use at a time
    group: Hashable | None = None  # lock: only this group
    day: int | None = None  # lock: only this day
    time: int | None = None  # lock: starts at this minute (needs ``day``)
    position: int | None = None  # lock: this index in its day's order (needs ``group`` and ``day``)


@dataclass(frozen=True)
class DayRoute:
    """One group's day: where it starts and ends (None: anywhere, no travel), its window
    and its lunch."""

    group: Hashable
    day: int
    start: int | None = None
    end: int | None = None
    day_start: int = 8 * 60 + 30
    day_end: int = 18 * 60
    lunch_start: int | None = 12 * 60
    lunch_minutes: int = 90


@dataclass(frozen=True)
class Booking:
    """A time a resource is taken by someone outside the problem (another group)."""

    resource: Hashable
    day: int
    start: int
    end: int


@dataclass(frozen=True)
class Problem:
    matrix: tuple[tuple[int, ...], ...]
    stops: tuple[Stop, ...]
    routes: tuple[DayRoute, ...]
    bookings: tuple[Booking, ...] = ()


@dataclass(frozen=True)
class Solution:
    routes: dict  # (group, day) -> tuple of stop keys in order
    starts: dict  # stop key -> start minute of its day
    travel: int  # minutes of travel, start and end of each day included
    late: int  # minutes of violation: past windows, past the day, double-booked
    balance: int = 0  # cost of days fuller than their fair share (BALANCE_COST a minute)
    cancelled: bool = False  # the search was cancelled; this is the best found by then
    from_solver: bool = True  # False: the current routes were kept (nothing better found)
    relaxed: bool = False  # opening hours / one-at-a-time had to be relaxed

    @property
    def score(self) -> tuple[int, int]:
        """What is minimised: violations first, then travel plus unbalanced days."""
        return (self.late, self.travel + self.balance)

    def order_of(self, group, day) -> tuple:
        return self.routes.get((group, day), ())


# ---------------------------------------------------------------------------- checks

def validate_matrix(matrix) -> tuple[tuple[int, ...], ...]:
    """The matrix as a tuple of int tuples, or RoutingError naming what is wrong."""
    if not isinstance(matrix, (list, tuple)):
        raise RoutingError(f"矩阵应为列表的列表，而不是 {type(matrix).__name__}",
                           f"the matrix must be a list of lists, not {type(matrix).__name__}")
    if not matrix:
        raise RoutingError("矩阵为空：应为非空的方阵（列表的列表）",
                           "the matrix is empty: it must be a non-empty square list of lists")
    size = len(matrix)
    rows = []
    for i, row in enumerate(matrix):
        if not isinstance(row, (list, tuple)):
            raise RoutingError(f"第 {i} 行不是列表", f"row {i} is not a list")
        if len(row) != size:
            raise RoutingError(f"矩阵不是方阵：共 {size} 行，第 {i} 行有 {len(row)} 个数",
                               f"the matrix is not square: {size} rows, row {i} has {len(row)} values")
        values = []
        for j, value in enumerate(row):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                    isinstance(value, float) and not value.is_integer()):
                raise RoutingError(f"[{i}][{j}] 不是整数：{value!r}",
                                   f"[{i}][{j}] is not a whole number: {value!r}")
            if value < 0:
                raise RoutingError(f"[{i}][{j}] 是负数：{value}", f"[{i}][{j}] is negative: {value}")
            values.append(int(value))
        rows.append(tuple(values))
    return tuple(rows)


def _check_problem(problem: Problem) -> None:
    size = len(problem.matrix)
    keys = set()
    for stop in problem.stops:
        if stop.key in keys:
            raise RoutingError(f"停靠点 {stop.key!r} 重复", f"stop {stop.key!r} appears twice")
        keys.add(stop.key)
        if not 0 <= stop.location < size:
            raise RoutingError(f"停靠点 {stop.key!r} 的位置 {stop.location} 不在矩阵内",
                               f"stop {stop.key!r}: location {stop.location} is outside the matrix")
        if stop.minutes < 0:
            raise RoutingError(f"停靠点 {stop.key!r} 的时长为负", f"stop {stop.key!r} has a negative length")
        if stop.time is not None and stop.day is None:
            raise RoutingError(f"停靠点 {stop.key!r} 锁定了时间却没有锁定日期",
                               f"stop {stop.key!r} is locked to a time but not to a day")
        if stop.position is not None and (stop.day is None or stop.group is None):
            raise RoutingError(f"停靠点 {stop.key!r} 锁定了顺序却没有锁定组和日期",
                               f"stop {stop.key!r} is locked to a position but not to a group and a day")
    seen = set()
    for route in problem.routes:
        if (route.group, route.day) in seen:
            raise RoutingError(f"组 {route.group!r} 第 {route.day} 天出现两次",
                               f"group {route.group!r}, day {route.day} appears twice")
        seen.add((route.group, route.day))
        for where in (route.start, route.end):
            if where is not None and not 0 <= where < size:
                raise RoutingError(f"组 {route.group!r} 第 {route.day} 天的起止点不在矩阵内",
                                   f"group {route.group!r}, day {route.day}: start or end outside the matrix")
        if route.day_start >= route.day_end:
            window = "–".join(f"{m // 60:02d}:{m % 60:02d}" for m in (route.day_start, route.day_end))
            raise RoutingError(f"第 {route.day} 天的日程时间 {window} 开始不早于结束，请先改正",
                               f"day {route.day}: its day window {window} does not start before it ends; correct it first")


def fair_loads(problem: Problem) -> list[int]:
    """Per route, the minutes of visits a balanced day holds (plus BALANCE_SLACK): the
    group's locked stops and its share of the free ones, spread over its days."""
    routes_of: dict = {}
    for route in problem.routes:
        routes_of[route.group] = routes_of.get(route.group, 0) + 1
    free = sum(s.minutes for s in problem.stops if s.group is None)
    own: dict = {}
    for stop in problem.stops:
        if stop.group is not None:
            own[stop.group] = own.get(stop.group, 0) + stop.minutes
    total_routes = len(problem.routes) or 1
    loads = []
    for route in problem.routes:
        count = routes_of[route.group]
        share = own.get(route.group, 0) + free * count / total_routes
        loads.append(-(-int(share) // count) + BALANCE_SLACK)
    return loads


def _allowed(problem: Problem, stop: Stop) -> list[int]:
    return [v for v, r in enumerate(problem.routes)
            if (stop.group is None or r.group == stop.group) and (stop.day is None or r.day == stop.day)]


# ---------------------------------------------------------------------------- evaluation

def evaluate(problem: Problem, routes: dict, *, from_solver: bool = False, cancelled: bool = False,
             relaxed: bool = False, not_before: dict | None = None) -> Solution:
    """Times, travel and violations of ``routes`` ((group, day) -> stop keys), walked
    forward as the scheduler does: travel, lunch when due, wait for opening and for the
    end of an outside booking, visit. ``not_before`` (stop key -> minute) holds starts
    the solver chose to wait for (one group at a time)."""
    not_before = not_before or {}
    stops = {s.key: s for s in problem.stops}
    matrix = problem.matrix
    travel_total, late, starts = 0, 0, {}
    busy: list[tuple[Hashable, Hashable, int, int, int]] = []  # resource, group, day, start, end
    fair = fair_loads(problem)
    balance = 0

    def hop(a, b) -> int:
        return 0 if a is None or b is None else matrix[a][b]

    for number, route in enumerate(problem.routes):
        keys = routes.get((route.group, route.day), ())
        balance += BALANCE_COST * max(0, sum(stops[k].minutes for k in keys) - fair[number])
        t, here, lunched = route.day_start, route.start, route.lunch_start is None
        for position, key in enumerate(keys):
            stop = stops[key]
            minutes = hop(here, stop.location)
            travel_total += minutes
            if not lunched and t >= route.lunch_start - LUNCH_LEAD:
                t = max(t, route.lunch_start) + route.lunch_minutes
                lunched = True
            arrival = t + minutes
            if not lunched and arrival >= route.lunch_start - LUNCH_LEAD:
                arrival = max(arrival, route.lunch_start) + route.lunch_minutes
                lunched = True
            start = max(arrival, stop.opens or 0, not_before.get(key, 0))
            if stop.resource is not None:
                for booking in sorted(problem.bookings, key=lambda b: b.start):
                    if (booking.resource == stop.resource and booking.day == route.day
                            and start < booking.end and booking.start < start + stop.minutes):
                        start = booking.end
            if stop.time is not None:
                late += max(0, arrival - stop.time)
                start = max(start, stop.time)
            if stop.closes is not None:
                late += max(0, start + stop.minutes - stop.closes)
            if stop.group is not None and stop.group != route.group or stop.day is not None and stop.day != route.day:
                late += DAY
            if stop.position is not None and stop.position != position:
                late += DAY
            starts[key] = start
            if stop.resource is not None:
                busy.append((stop.resource, route.group, route.day, start, start + stop.minutes))
            t, here = start + stop.minutes, stop.location
        back = hop(here, route.end)
        travel_total += back
        late += max(0, t + back - route.day_end)
    for (res_a, group_a, day_a, start_a, end_a), (res_b, group_b, day_b, start_b, end_b) in combinations(busy, 2):
        if res_a == res_b and day_a == day_b and group_a != group_b:
            late += max(0, min(end_a, end_b) - max(start_a, start_b))
    for resource, _, day, start, end in busy:
        for booking in problem.bookings:
            if booking.resource == resource and booking.day == day:
                late += max(0, min(end, booking.end) - max(start, booking.start))
    full = {(r.group, r.day): tuple(routes.get((r.group, r.day), ())) for r in problem.routes}
    return Solution(full, starts, travel_total, late, balance, cancelled, from_solver, relaxed)


# ---------------------------------------------------------------------------- solving

@dataclass
class _Search:
    """Reports progress from the solver's solution callback; cancels through the model."""

    progress: Progress | None
    time_limit: float
    label: str
    started: float = field(default_factory=_time.monotonic)
    solutions: int = 0
    cancelled: bool = False
    routing: object = None

    def on_solution(self) -> None:
        self.solutions += 1
        if self.progress is None:
            return
        fraction = min(0.99, (_time.monotonic() - self.started) / max(self.time_limit, 1e-3))
        try:
            self.progress.report(fraction, self.label)
        except Cancelled:
            self.cancelled = True
            self.routing.CancelSearch()


def _parameters(time_limit: float, solution_limit: int | None, vehicles: int):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    params = pywrapcp.DefaultRoutingSearchParameters()
    strategies = routing_enums_pb2.FirstSolutionStrategy
    params.first_solution_strategy = (strategies.PATH_CHEAPEST_ARC if vehicles == 1
                                      else strategies.PARALLEL_CHEAPEST_INSERTION)
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(max(1, int(time_limit * 1000)))
    if solution_limit:
        params.solution_limit = solution_limit
    return params


def _raise_if_timed_out(routing) -> None:
    """No solution because time ran out is not "no solution exists": say which."""
    from ortools.constraint_solver import routing_enums_pb2

    if routing.status() == routing_enums_pb2.RoutingSearchStatus.ROUTING_FAIL_TIMEOUT:
        raise RoutingError("在时间限制内没有找到任何路线，请加长计算时间",
                           "no route was found within the time limit: allow more time")


def solve(problem: Problem, *, time_limit: float = DEFAULT_TIME_LIMIT,
          solution_limit: int | None = DEFAULT_SOLUTION_LIMIT, progress: Progress | None = None) -> Solution:
    """The best routes found for ``problem``. Raises RoutingError if the locks admit none,
    ``Cancelled`` if cancelled before any solution was found."""
    _check_problem(problem)
    if not problem.routes:
        if problem.stops:
            raise RoutingError("没有可安排的日程（组 × 天）", "no day routes (group x day) to put the stops on")
        return evaluate(problem, {}, from_solver=True)
    for stop in problem.stops:
        if not _allowed(problem, stop):
            raise RoutingError(f"停靠点 {stop.key!r} 锁定的组或日期不存在",
                               f"stop {stop.key!r} is locked to a group or day that is not in the problem")
    for strict in (True, False):
        if progress is not None:
            progress.check()
        result = _solve_once(problem, strict, time_limit, solution_limit, progress)
        if result is not None:
            return result
    raise RoutingError("在这些锁定条件下找不到可行的路线（请检查锁定的时间与顺序）",
                       "no route satisfies these locks (check the locked times and positions)")


def _solve_once(problem: Problem, strict: bool, time_limit: float, solution_limit: int | None,
                progress: Progress | None) -> Solution | None:
    """One solver run. ``strict``: opening hours and one-group-at-a-time are hard."""
    from ortools.constraint_solver import pywrapcp

    stops, routes, matrix = problem.stops, problem.routes, problem.matrix
    n_stops, n_routes = len(stops), len(routes)
    n_nodes = n_stops + 2 * n_routes
    location = [s.location for s in stops]
    service = [s.minutes for s in stops]
    for route in routes:
        location += [route.start, route.end]
        service += [0, 0]
    cost = [[0 if a is None or b is None or i == j else matrix[a][b] for j, b in enumerate(location)]
            for i, a in enumerate(location)]
    transit = [[service[i] + cost[i][j] for j in range(n_nodes)] for i in range(n_nodes)]
    starts = [n_stops + 2 * v for v in range(n_routes)]
    ends = [n_stops + 2 * v + 1 for v in range(n_routes)]
    manager = pywrapcp.RoutingIndexManager(n_nodes, n_routes, starts, ends)
    routing = pywrapcp.RoutingModel(manager)
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(cost))
    horizon = (max(r.day for r in routes) + 2) * DAY
    routing.AddDimension(routing.RegisterTransitMatrix(transit), DAY, horizon, False, "time")
    times = routing.GetDimensionOrDie("time")
    solver = routing.solver()

    for v, route in enumerate(routes):
        offset = route.day * DAY
        # Lunch takes its minutes out of the day (OR-Tools' break intervals model it
        # exactly but make the search ~20 times slower); ``evaluate`` then walks the
        # routes with the real lunch, and that is what results are compared on.
        lunch = route.lunch_minutes if route.lunch_start is not None else 0
        times.CumulVar(routing.Start(v)).SetRange(offset + route.day_start, offset + route.day_end)
        times.CumulVar(routing.End(v)).SetRange(offset + route.day_start, offset + DAY - 1)
        times.SetCumulVarSoftUpperBound(routing.End(v), offset + route.day_end - lunch, OVERRUN_COST)
        routing.AddVariableMinimizedByFinalizer(times.CumulVar(routing.Start(v)))
    routing.AddDimension(routing.RegisterUnaryTransitVector(service), 0, horizon, True, "load")
    loads = routing.GetDimensionOrDie("load")
    for v, fair in enumerate(fair_loads(problem)):
        loads.SetCumulVarSoftUpperBound(routing.End(v), fair, BALANCE_COST)
    if any(s.position is not None for s in stops):
        routing.AddConstantDimension(1, n_nodes + 1, True, "order")
        order = routing.GetDimensionOrDie("order")
    by_resource: dict[Hashable, list[int]] = {}
    for i, stop in enumerate(stops):
        index = manager.NodeToIndex(i)
        vehicles = _allowed(problem, stop)
        if len(vehicles) < n_routes:
            routing.VehicleVar(index).SetValues(vehicles)  # SetAllowedVehiclesForIndex takes no list in 9.15
        cumul = times.CumulVar(index)
        spans = []
        for day in sorted({routes[v].day for v in vehicles}):
            offset = day * DAY
            if stop.time is not None:
                spans.append((offset + stop.time, offset + stop.time))
                continue
            low, high = offset, offset + DAY - 1 - stop.minutes
            if strict:
                low = offset + (stop.opens or 0)
                if stop.closes is not None:
                    high = offset + stop.closes - stop.minutes
            if low <= high:
                spans.append((low, high))
        if not spans:
            return None
        cumul.SetRange(spans[0][0], spans[-1][1])
        for (_, high), (low, _) in zip(spans, spans[1:]):
            if low > high + 1:
                cumul.RemoveInterval(high + 1, low - 1)
        if strict:
            for booking in problem.bookings:
                if booking.resource is not None and booking.resource == stop.resource:
                    offset = booking.day * DAY
                    low, high = offset + booking.start - stop.minutes + 1, offset + booking.end - 1
                    if low <= high:
                        cumul.RemoveInterval(low, high)
        if stop.position is not None:
            order.CumulVar(index).SetValue(stop.position + 1)
        if stop.resource is not None:
            by_resource.setdefault(stop.resource, []).append(i)
        routing.AddVariableMinimizedByFinalizer(cumul)
    if strict:
        for resource, members in by_resource.items():
            groups = {stops[i].group for i in members}
            if len(members) < 2 or (len(groups) == 1 and None not in groups):
                continue
            intervals = [solver.FixedDurationIntervalVar(times.CumulVar(manager.NodeToIndex(i)), stops[i].minutes,
                                                         f"use {i}") for i in members]
            solver.Add(solver.DisjunctiveConstraint(intervals, f"one group at a time {resource!r}"))

    search = _Search(progress, time_limit, "正在优化路线… / optimising routes…", routing=routing)
    routing.AddAtSolutionCallback(search.on_solution)
    try:
        assignment = routing.SolveWithParameters(_parameters(time_limit, solution_limit, n_routes))
    except Exception as error:  # the solver refuses models it finds contradictory while building
        raise RoutingError("求解器无法处理这些条件（请运行检查并改正错误）",
                           "the solver cannot take these conditions (run the check and correct the errors): "
                           f"{error}") from error
    if assignment is None:
        if search.cancelled:
            raise Cancelled()
        _raise_if_timed_out(routing)
        return None
    found, waits = {}, {}
    for v, route in enumerate(routes):
        keys, index = [], assignment.Value(routing.NextVar(routing.Start(v)))
        while not routing.IsEnd(index):
            stop = stops[manager.IndexToNode(index)]
            keys.append(stop.key)
            if stop.resource is not None:
                waits[stop.key] = assignment.Value(times.CumulVar(index)) - route.day * DAY
            index = assignment.Value(routing.NextVar(index))
        found[(route.group, route.day)] = tuple(keys)
    return evaluate(problem, found, from_solver=True, cancelled=search.cancelled, relaxed=not strict,
                    not_before=waits)


def improve(problem: Problem, current: dict, **options) -> Solution:
    """The solver's routes if strictly better (fewer minutes of violation, then less
    travel) than ``current``; else ``current`` itself (``from_solver`` False).
    The model does not depend on the current order, so a second run finds the same
    routes and keeps them."""
    before = evaluate(problem, current, from_solver=False)
    after = solve(problem, **options)
    if after.score < before.score:
        return after
    return Solution(before.routes, before.starts, before.travel, before.late, before.balance, after.cancelled,
                    False, after.relaxed)


def routes_from(items: Iterable[tuple[Hashable, Hashable, int, Hashable]]) -> dict:
    """(group, day, position, key) tuples -> {(group, day): keys in position order}."""
    routes: dict = {}
    for group, day, position, key in sorted(items, key=lambda x: (str(x[0]), x[1], x[2])):
        routes.setdefault((group, day), []).append(key)
    return {k: tuple(v) for k, v in routes.items()}
