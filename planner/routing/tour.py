"""One group's tour as the timetable and the plan check will see it: the judge of routing.

A candidate says which of the group's sessions go on which day, in which order. The
judge lays it out with the scheduler itself (``schedule_day``), moves the placeholder
lodgings with it as ``planner.lodging`` places them (the organiser's own lodgings never
move), and judges it with the plan's own checks: what a search sees is what ``summary``
and ``check`` show afterwards — every leg counted, hotel to hotel and the journey out
and back. Days are cached by what they depend on (their sessions in order, where the
group starts and ends), so a move re-times only the days it touches.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Callable, Iterable

from planner.checks import check_days, check_journey, check_lodging, check_site_bookings
from planner.findings import ERROR, WARNING, Finding
from planner.journey import journey
from planner.lodging import is_placeholder, placeholder_hotel, placeholder_nights, placeholder_note, stop_places
from planner.model import Lodging, Plan, Session
from planner.schedule import DayPlan, Timetable, TravelTimes, is_fixed, schedule_day

Routes = dict  # day -> tuple of the movable session ids, in order


class JudgedDay:
    """One day laid out, with what the search needs to know of it; its findings (errors
    and warnings) are worked out when first asked for (a search skips many candidates on
    their travel alone)."""

    def __init__(self, plan: DayPlan, check: Callable[[], tuple[Finding, ...]]):
        self.plan = plan
        self._check = check
        self.travel = sum(s.minutes for s in plan.of_kind("travel"))
        self.beyond = 0  # minutes outside the day's window (before its start, after its end)
        if plan.last is not None:
            self.beyond = max(0, plan.rules.day_start - plan.first) + max(0, plan.last - plan.rules.day_end)
        self.visits = len(plan.of_kind("session"))
        self.busy = bool(plan.items()) or any(s.journey for s in plan.of_kind("travel"))

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        return self._check()


@dataclass(frozen=True)
class Verdict:
    """A candidate tour laid out and judged."""

    routes: Routes
    lodgings: dict  # night -> (hotel site id, why or None) of each placeholder (the organiser's never move)
    days: dict  # day -> JudgedDay
    tour_findings: tuple[Finding, ...]  # about the whole tour: the way home, nights
    away: range  # the days away from home

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        return (*(f for d in self.days.values() for f in d.findings), *self.tour_findings)

    @cached_property
    def travel(self) -> int:
        """Minutes of travel, every leg of every day."""
        return sum(d.travel for d in self.days.values())

    @cached_property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @cached_property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    @cached_property
    def kinds(self) -> Counter:
        """How many findings of each (severity, code, day): to tell a new one from an old one."""
        return Counter((f.severity, f.code, f.day) for f in self.findings)

    @cached_property
    def beyond(self) -> dict[int, int]:
        """Minutes each day runs outside its window."""
        return {day: d.beyond for day, d in self.days.items()}

    @cached_property
    def idle_days(self) -> frozenset[int]:
        """Days away with nothing to do: no session, no plenary, no journey out or back."""
        return frozenset(day for day in self.away if day in self.days and not self.days[day].busy)


class TourJudge:
    """Lays out and judges candidate tours of one group of ``plan``.

    ``movable`` are the sessions a search may move (never a session fixed in time);
    ``others`` are the other groups' days, against which shared sites are checked."""

    def __init__(self, plan: Plan, group_id: int, movable: Iterable[int] = (), others: Iterable[DayPlan] = ()):
        self.full = plan
        self.group_id = group_id
        self.trip = journey(plan, group_id)
        own = plan.sessions_of(group_id)
        self.sessions = {s.id: s for s in own}
        self.movable = {s for s in movable if s in self.sessions and not is_fixed(self.sessions[s])}
        self.days = list(range(1, plan.programme.days + 1))
        self.staying = {}  # day -> (position, id) of the sessions that do not move
        for session in own:
            if session.id not in self.movable:
                self.staying.setdefault(session.day, []).append((session.position, session.id))
        # the hotel each place would give a placeholder lodging: its first hotel, else a new one
        self.hotels: dict[int, int] = {}
        for site in plan.sites:
            if site.kind == "hotel" and site.place_id is not None:
                self.hotels.setdefault(site.place_id, site.id)
        new_sites, next_id = [], max((s.id for s in plan.sites), default=0) + 1
        for place_id in sorted(_stop_place_ids(plan, own)):
            if place_id not in self.hotels:
                new_sites.append(placeholder_hotel(next_id, plan.place(place_id)))
                self.hotels[place_id], next_id = next_id, next_id + 1
        self.new_sites = {s.id: s for s in new_sites}
        own_lodgings = [l for l in plan.lodgings if l.group_id == group_id]
        self.fixed_nights = {l.night: l.site_id for l in own_lodgings if not is_placeholder(l)}
        self.lodging_of = {l.night: l for l in own_lodgings}
        self.next_lodging_id = max((l.id for l in plan.lodgings), default=0) + 1
        self.moves_lodgings = any(night not in self.fixed_nights for night in self.trip.nights)
        self.current_lodgings = {l.night: (l.site_id, None) for l in own_lodgings if is_placeholder(l)}
        # the working plan: this group's sessions, legs and lodgings only (the others' do
        # not change its timetable), with the hotels it might need
        self.base = replace(plan.with_items("sites", (*plan.sites, *new_sites)), sessions=tuple(own),
                            lodgings=tuple(own_lodgings), legs=tuple(l for l in plan.legs if l.group_id == group_id))
        self.travel = TravelTimes(self.base)
        self.current = self.routes_of(plan)
        shared_sites = {s.site_id for s in own}
        self.others: dict[int, list[DayPlan]] = {}  # day -> other groups' days at the group's sites
        for other in others:
            if other.group_id != group_id and any(slot.site_id in shared_sites for slot in other.of_kind("session")):
                self.others.setdefault(other.day, []).append(other)
        self.others_sessions = tuple(s for s in plan.sessions if s.group_id != group_id)
        self._days: dict = {}
        self._tours: dict = {}
        self._moved: dict = {}
        self._verdicts: dict = {}

    def routes_of(self, plan: Plan) -> Routes:
        """The movable sessions of the group in ``plan``, per day in route order."""
        routes = {day: [] for day in self.days}
        for session in plan.sessions_of(self.group_id):
            if session.id in self.movable and session.day in routes:
                routes[session.day].append(session.id)
        return {day: tuple(ids) for day, ids in routes.items()}

    # ------------------------------------------------------------------ laying out

    def _plan(self, routes: Routes, placed: dict) -> Plan:
        """The working plan with the sessions where ``routes`` and lodgings where ``placed`` put them."""
        where = {sid: (day, position) for day, ids in routes.items() for position, sid in enumerate(ids)}
        sessions = []
        for sid, session in self.sessions.items():
            spot = where.get(sid)
            if spot is not None and (session.day, session.position) != spot:
                moved = self._moved.get((sid, spot))
                if moved is None:
                    moved = self._moved[(sid, spot)] = replace(session, day=spot[0], position=spot[1])
                session = moved
            sessions.append(session)
        return replace(self.base, sessions=tuple(sessions), lodgings=self._lodgings(placed))

    def _lodgings(self, placed: dict) -> tuple[Lodging, ...]:
        """The group's lodgings: the organiser's as they are, the placeholders as ``placed``
        says (night -> (hotel site id, why); one that stays put is kept as it was)."""
        items = [l for l in self.lodging_of.values() if not is_placeholder(l)]
        next_id = self.next_lodging_id
        for night, (site_id, why) in sorted(placed.items()):
            old = self.lodging_of.get(night)
            if old is not None and old.site_id == site_id:
                items.append(old)
                continue
            note = placeholder_note(why)
            if old is not None:
                items.append(replace(old, site_id=site_id, note=note))
            else:
                items.append(Lodging(next_id, self.group_id, night, site_id, note))
                next_id += 1
        return tuple(items)

    def _order(self, routes: Routes, day: int) -> tuple[int, ...]:
        """The day's sessions in the order the scheduler takes them (by position, then id)."""
        ids = list(enumerate(routes.get(day, ())))
        staying = self.staying.get(day)
        if staying:
            ids = sorted(ids + staying)
        return tuple(sid for _, sid in ids)

    def _ends(self, day: int, nights: dict) -> tuple[int | None, int | None]:
        """Where the group starts and ends ``day`` with these lodgings (as ``schedule.day_ends``)."""
        trip = self.trip
        start = trip.origin_site_id if trip.leaves_home(day) else nights.get(day - 1)
        end = trip.return_site_id if trip.comes_home(day) else nights.get(day)
        return start, end

    def _lay_out(self, routes: Routes, placed: dict) -> dict:
        nights = {**self.fixed_nights, **{n: site for n, (site, _) in placed.items()}}
        plan, days = None, {}
        for day in self.days:
            key = (day, self._order(routes, day), *self._ends(day, nights))
            judged = self._days.get(key)
            if judged is None:
                plan = plan or self._plan(routes, placed)
                judged = self._days[key] = self._judge_day(plan, day)
            days[day] = (key, judged)
        return days

    def _judge_day(self, plan: Plan, day: int) -> JudgedDay:
        day_plan = schedule_day(plan, self.group_id, day, self.travel)
        return JudgedDay(day_plan, lambda: self._day_findings(plan, day_plan))

    def _day_findings(self, plan: Plan, day_plan: DayPlan) -> tuple[Finding, ...]:
        day = day_plan.day
        findings = check_days(plan, Timetable({(self.group_id, day): day_plan}))
        others = self.others.get(day)
        if others:  # sites shared with other groups that day
            context = replace(plan, groups=self.full.groups, participants=self.full.participants,
                              sessions=(*plan.sessions, *self.others_sessions))
            together = {(self.group_id, day): day_plan, **{(d.group_id, day): d for d in others}}
            mine = {("sessions", s) for s in self.sessions}
            findings += [f for f in check_days(context, Timetable(together), (check_site_bookings,))
                         if any(ref in mine for ref in f.refs)]
        return tuple(f for f in findings if f.severity in (ERROR, WARNING))

    def judge(self, routes: Routes, *, place_lodgings: bool = True) -> Verdict:
        """The candidate ``routes`` laid out, its placeholder lodgings placed by the rule
        (``place_lodgings`` False: where they are now), judged."""
        routes = {day: tuple(ids) for day, ids in routes.items()}
        cache_key = (place_lodgings, tuple(sorted(routes.items())))
        verdict = self._verdicts.get(cache_key)
        if verdict is not None:
            return verdict
        placed = dict(self.current_lodgings)
        for _ in range(4):  # placing a hotel can re-time the next morning: settle, a few rounds at most
            days = self._lay_out(routes, placed)
            if not (self.moves_lodgings and place_lodgings):
                break
            stops = stop_places(self.base, (d.plan for _, d in days.values()), self.group_id)
            again = {night: (self.hotels[place_id], why)
                     for night, place_id, why in placeholder_nights(self.base, self.group_id, stops, self.fixed_nights)}
            if {n: v[0] for n, v in again.items()} == {n: v[0] for n, v in placed.items()}:
                break
            placed = again
        back = days.get(self.trip.return_day)
        tour_key = (back[0] if back else None, tuple(sorted(placed)))
        tour_findings = self._tours.get(tour_key)
        if tour_findings is None:
            tour_findings = self._tours[tour_key] = self._tour_findings(self._plan(routes, placed), days)
        verdict = Verdict(routes, placed, {day: d for day, (_, d) in days.items()}, tour_findings,
                          range(self.trip.departure_day, self.trip.return_day + 1))
        if len(self._verdicts) > 20000:  # a long search: keep memory bounded
            self._verdicts.clear()
            self._days.clear()
            self._tours.clear()
        self._verdicts[cache_key] = verdict
        return verdict

    def _tour_findings(self, plan: Plan, days: dict) -> tuple[Finding, ...]:
        """The way home and nights without a bed."""
        own = Timetable({(self.group_id, day): d.plan for day, (_, d) in days.items()})
        return tuple(f for f in check_days(plan, own, (check_journey, check_lodging)) if f.severity in (ERROR, WARNING))

    # ------------------------------------------------------------------ results

    def plan_of(self, verdict: Verdict) -> Plan:
        """The whole plan with this group's sessions and lodgings as ``verdict`` has them,
        the hotels it newly needs added (legs and times not yet brought in line)."""
        working = self._plan(verdict.routes, verdict.lodgings)
        sessions = {s.id: s for s in working.sessions}
        used = {l.site_id for l in working.lodgings}
        plan = self.full.with_items("sessions", [sessions.get(s.id, s) for s in self.full.sessions])
        plan = plan.with_items("lodgings", [*(l for l in plan.lodgings if l.group_id != self.group_id),
                                            *working.lodgings])
        return plan.with_items("sites", [*plan.sites, *(s for i, s in self.new_sites.items() if i in used)])

    def start(self) -> Verdict:
        """The group's tour as it is, lodgings included (what every candidate is measured against)."""
        return self.judge(self.current, place_lodgings=False)


def _stop_place_ids(plan: Plan, sessions: list[Session]) -> set[int]:
    """The places where the group may end a day: those of its sessions and of the plenaries."""
    sites = [plan.site(s.site_id) for s in sessions] + [plan.site(p.site_id) for p in plan.plenaries
                                                           if p.site_id is not None]
    return {site.place_id for site in sites if site is not None and site.place_id is not None}
