"""Lay each group's days out in time: sessions, travel legs, meals, plenaries, lodging.

The scheduler is a pure function of the plan. For each group and day it walks the
group's sessions in route order from where the group woke up (the previous night's
lodging, or home on the day it leaves: ``planner.journey``), adding the travel before
each stop, a stop allowance, lunch, and the plenary events everyone attends, and ends
the day with the leg to the night's lodging and dinner there (or, on the day of return,
the journey home).

*Fixed* items keep their times: plenaries, and sessions the organiser pinned. A day
that opens with the leg to a fixed item sets off in time for it, up to two hours before
the day's window (an early train); on the day of leaving home the organiser may fix the
hour instead. The others *flow*: each starts as soon as the group can be there (and the site is open),
and flows around the fixed ones: it goes before a fixed item only if it ends in time for
the leg there (``fits_before`` predicts its start exactly as ``place_flowing`` lays it
out). Lunch comes when due, before setting off or on arrival; a group waiting for an
afternoon fixed item, or for a site that opens only after lunch time, lunches in the
wait, and lunch with no time left before a fixed item follows it. Sessions and meals
start on the five minutes (a meal at its programme time, or on the five minutes after
a later arrival; lunch cut short before a fixed item ends in time for it). Each group's day
depends only on that day's items and lodgings, so an edit re-times what follows it that
day and nothing else.
Conflicts are not resolved here but reported by ``planner.checks``: a fixed item
reached late carries ``late_by``; the rest (overlaps, windows, opening hours) the
checks read off the slots.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planner.edits import Update
from planner.journey import Journey, journey
from planner.model import Plan, Plenary, Session
from planner.points import site_point
from planner.travel import estimate_by

ROUND_TO = 5  # sessions and meals start on the five minutes, as printed programmes do
LUNCH_LEAD = 15  # minutes before lunch_start from which the group goes to lunch first
DEFAULT_TRAVEL_MINUTES = 30  # when a site has no coordinates to estimate from
EARLY_START_MINUTES = 120  # a day's first leg may set off this long before day_start


@dataclass(frozen=True, slots=True)
class Slot:
    """One block of a group's day."""

    kind: str  # "travel", "session", "plenary", "lunch" or "dinner"
    group_id: int
    day: int
    start: int
    end: int
    site_id: int | None = None  # where it happens; for travel, where it goes
    from_site_id: int | None = None  # travel only
    item_id: int | None = None  # the session's or plenary's id
    mode: str = ""  # travel only
    fixed: bool = False  # a plenary or pinned session, kept at its time
    late_by: int = 0  # a fixed item the group reaches this many minutes late
    journey: str = ""  # travel only: "out" (leaving home) or "back" (going home)

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class DayRules:
    """The settings that shape one day (programme defaults, overridden per day)."""

    day_start: int
    day_end: int
    lunch_start: int
    lunch_end: int
    dinner_start: int
    dinner_end: int
    stop_minutes: int
    session_minutes: int

    @property
    def lunch_minutes(self) -> int:
        return self.lunch_end - self.lunch_start


def day_rules(plan: Plan, day: int) -> DayRules:
    programme = plan.programme
    rules = DayRules(
        programme.day_start, programme.day_end, programme.lunch_start, programme.lunch_end,
        programme.dinner_start, programme.dinner_end, programme.stop_minutes, programme.session_minutes,
    )
    for setting in plan.day_settings:
        if setting.day == day:
            overrides = {
                name: getattr(setting, name)
                for name in ("day_start", "day_end", "lunch_start", "lunch_end")
                if getattr(setting, name) is not None
            }
            rules = replace(rules, **overrides)
    return rules


@dataclass(frozen=True)
class DayPlan:
    """One group's day: its slots in time order, and where it starts and ends."""

    group_id: int
    day: int
    rules: DayRules
    slots: tuple[Slot, ...]
    start_site_id: int | None  # the previous night's lodging, or home on the day of leaving
    end_site_id: int | None  # tonight's lodging, or home on the day of return (None: neither)

    @property
    def first(self) -> int | None:
        return self.slots[0].start if self.slots else None

    @property
    def last(self) -> int | None:
        """When the day's programme ends (dinner at the hotel does not count)."""
        busy = [s.end for s in self.slots if s.kind != "dinner"]
        return max(busy) if busy else None

    def of_kind(self, kind: str) -> list[Slot]:
        return [s for s in self.slots if s.kind == kind]

    def items(self) -> list[Slot]:
        """The sessions and plenaries of the day (no travel, no meals)."""
        return [s for s in self.slots if s.kind in ("session", "plenary")]


@dataclass(frozen=True)
class Timetable:
    days: dict[tuple[int, int], DayPlan]
    _by_item: dict = field(default_factory=dict, compare=False, repr=False)

    def day(self, group_id: int, day: int) -> DayPlan | None:
        return self.days.get((group_id, day))

    def of_group(self, group_id: int) -> list[DayPlan]:
        return [d for (g, _), d in sorted(self.days.items()) if g == group_id]

    def moves(self) -> list[tuple[int, int, int]]:
        """(group_id, from_site_id, to_site_id) of every leg the groups travel, hotel to
        hotel and from and back home, each once, by group and then in route order."""
        seen: dict[tuple[int, int, int], None] = {}
        for _, day_plan in sorted(self.days.items()):
            for slot in day_plan.of_kind("travel"):
                seen.setdefault((slot.group_id, slot.from_site_id, slot.site_id))
        return list(seen)

    def slot_of(self, kind: str, item_id: int, group_id: int | None = None) -> Slot | None:
        """The slot of a session (or, with ``group_id``, a plenary in that group's day)."""
        if not self._by_item:
            for plan_day in self.days.values():
                for slot in plan_day.slots:
                    if slot.item_id is not None:
                        self._by_item[(slot.kind, slot.item_id, slot.group_id)] = slot
                        self._by_item.setdefault((slot.kind, slot.item_id, None), slot)
        return self._by_item.get((kind, item_id, group_id))


class TravelTimes:
    """Minutes and mode between two sites for a group: the stored leg (whose manual
    override wins) or, failing that, a fresh estimate. Estimates are cached.

    A manual mode without manual minutes is timed by that mode: the stored minutes
    serve when they were estimated for it, and a coach forced onto a leg the estimate
    sends by rail (or air) takes the road minutes (see ``travel.estimate_by``)."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self._legs = {(l.group_id, l.from_site_id, l.to_site_id): l for l in plan.legs}
        self._estimates: dict[tuple[int, int, str | None], tuple[int, str] | None] = {}

    def between(self, group_id: int, from_site: int, to_site: int) -> tuple[int, str]:
        if from_site == to_site:
            return 0, "walk"
        leg = self._legs.get((group_id, from_site, to_site))
        manual_mode = leg.manual_mode if leg is not None else None
        if leg is not None:
            if leg.manual_minutes is not None:
                return leg.manual_minutes, leg.effective_mode
            if leg.minutes is not None and not (manual_mode == "bus" != leg.mode):
                return leg.minutes, leg.effective_mode
        guess = self._estimate(from_site, to_site, "bus" if manual_mode == "bus" else None)
        if guess is None:  # no coordinates to estimate from
            minutes = leg.minutes if leg is not None and leg.minutes is not None else DEFAULT_TRAVEL_MINUTES
            return minutes, manual_mode or "bus"
        return guess[0], manual_mode or guess[1]

    def _estimate(self, from_site: int, to_site: int, mode: str | None) -> tuple[int, str] | None:
        key = (from_site, to_site, mode)
        if key not in self._estimates:
            start = site_point(self.plan, self.plan.site(from_site))
            end = site_point(self.plan, self.plan.site(to_site))
            if start is None or end is None:
                self._estimates[key] = None
            else:
                guess = estimate_by(mode, *start, *end)
                self._estimates[key] = (guess.minutes, guess.mode)
        return self._estimates[key]


def on_grid(minute: int) -> int:
    """``minute`` rounded up to the five minutes (``ROUND_TO``): when a session or meal
    that could start at ``minute`` is printed to start."""
    return -(-minute // ROUND_TO) * ROUND_TO


def meal_start(free: int, meal_time: int) -> int:
    """When a group free from ``free`` sits down to a meal served from ``meal_time``: at
    the meal time (kept as the organiser set it), or, arriving later, on the five minutes
    after (lunch does not start the minute the bus pulls in, 12:47)."""
    return meal_time if free <= meal_time else on_grid(free)


def session_length(plan: Plan, session: Session, rules: DayRules) -> int:
    """The organiser's length, else the site's usual visit, else the programme default."""
    if session.minutes:
        return session.minutes
    site = plan.site(session.site_id)
    if site is not None and site.visit_minutes:
        return site.visit_minutes
    return rules.session_minutes


def is_fixed(session: Session) -> bool:
    """A pinned session with a time keeps it; a pinned one without a time still flows."""
    return session.pinned and session.start is not None and session.end is not None


def lodging_site(plan: Plan, group_id: int, night: int) -> int | None:
    lodging = plan.lodging(group_id, night)
    return lodging.site_id if lodging is not None else None


def day_ends(plan: Plan, group_id: int, day: int, trip: Journey | None = None) -> tuple[int | None, int | None]:
    """Where the group starts the day (last night's hotel, or home on the day it leaves)
    and where it ends it (tonight's hotel, or home on the day it comes back)."""
    trip = trip or journey(plan, group_id)
    start = trip.origin_site_id if trip.leaves_home(day) else lodging_site(plan, group_id, day - 1)
    end = trip.return_site_id if trip.comes_home(day) else lodging_site(plan, group_id, day)
    return start, end


class _DayBuilder:
    """Walks one group's day forward in time, appending slots."""

    def __init__(self, plan: Plan, group_id: int, day: int, rules: DayRules, travel: TravelTimes, trip: Journey):
        self.plan, self.group_id, self.day, self.rules, self.travel = plan, group_id, day, rules, travel
        self.trip = trip
        self.slots: list[Slot] = []
        self.cursor = rules.day_start
        self.leaving_home = trip.leaves_home(day)
        self.location, self.tonight = day_ends(plan, group_id, day, trip)
        self.start_site = self.location
        self.lunched = False
        # The first leg may set off before day_start to reach a fixed item in time,
        # unless the organiser fixed the hour the group leaves home.
        self.may_leave_early = not (self.leaving_home and trip.departure_time is not None)
        if not self.may_leave_early:
            self.cursor = trip.departure_time

    def moves_to(self, site: int | None) -> bool:
        """Is going to ``site`` a move (a leg and a stop), even one of 0 minutes?"""
        return self.location is not None and site is not None and site != self.location

    def travel_minutes(self, to_site: int | None) -> int:
        if not self.moves_to(to_site):
            return 0
        return self.travel.between(self.group_id, self.location, to_site)[0]

    def go(self, to_site: int | None) -> bool:
        """Travel to ``to_site`` (if elsewhere). True if the group moved."""
        moved = self.moves_to(to_site)
        if moved:
            minutes, mode = self.travel.between(self.group_id, self.location, to_site)
            self.slots.append(Slot("travel", self.group_id, self.day, self.cursor, self.cursor + minutes,
                                   to_site, self.location, mode=mode))
            self.cursor += minutes
        if to_site is not None:
            self.location = to_site
        return moved

    def lunch_span(self, at: int) -> tuple[int, int]:
        """Lunch for a group free from ``at``: not before lunch time, on the five minutes
        after a later ``at``, its full length."""
        start = meal_start(at, self.rules.lunch_start)
        return start, start + self.rules.lunch_minutes

    def lunch(self, until: int | None = None) -> None:
        """Lunch now; with ``until``, cut short to end by then (starting on the five
        minutes, ending at ``until``), or left for later when there is no time at all
        before then."""
        start, end = self.lunch_span(self.cursor)
        if until is not None:
            if start >= until:
                return
            end = min(end, until)
        self.slots.append(Slot("lunch", self.group_id, self.day, start, end, self.location))
        self.cursor, self.lunched = end, True

    def lunch_is_due(self, arrival: int) -> str | None:
        """'here' to eat before moving on, 'there' to eat on arrival, None for not yet."""
        if self.lunched:
            return None
        if self.cursor >= self.rules.lunch_start - LUNCH_LEAD:
            return "here"
        if arrival >= self.rules.lunch_start - LUNCH_LEAD:
            return "there"
        return None

    def place_fixed(self, item: Session | Plenary) -> None:
        kind = "plenary" if isinstance(item, Plenary) else "session"
        site = item.site_id
        moves, minutes = self.moves_to(site), self.travel_minutes(site)
        stop = self.rules.stop_minutes if moves else 0
        if not self.slots and not moves:
            # The day opens with this item where the group already is: no leg to be late on,
            # so an item before the day's window is only an early start.
            self.cursor = min(self.cursor, item.start)
        elif not self.slots and self.may_leave_early:
            # The day opens with the leg to this item: leave in time for it (and for lunch
            # on arrival when it comes at lunch time), early if need be — but not in the
            # middle of the night: then the group is late.
            leave = item.start - stop - minutes
            if item.start > self.rules.lunch_start and leave + minutes >= self.rules.lunch_start - LUNCH_LEAD:
                leave -= self.rules.lunch_minutes
            earliest = self.rules.day_start - EARLY_START_MINUTES
            self.cursor = min(self.cursor, max(earliest, leave))
        due = self.lunch_is_due(self.cursor + minutes)
        if due is None and not self.lunched and item.start >= self.rules.lunch_end:
            due = "there"  # waiting there for an afternoon item: lunch in the wait
        if due == "here":
            self.lunch(until=item.start - minutes - stop)
        self.go(site)
        if due == "there":
            self.lunch(until=item.start - stop)
        arrival = self.cursor + stop
        self.slots.append(Slot(kind, self.group_id, self.day, item.start, item.end, site, item_id=item.id,
                               fixed=True, late_by=max(0, arrival - item.start)))
        self.cursor = max(arrival, item.end, self.rules.day_start)  # what flows keeps to the day's window

    def ready_at(self, site_id: int, arrival: int, moved: bool) -> int:
        """When a session can start at a site reached at ``arrival``: after the stop,
        not before the site opens, on the five minutes."""
        start = arrival + (self.rules.stop_minutes if moved else 0)
        site = self.plan.site(site_id)
        if site is not None and site.opens is not None:
            start = max(start, site.opens)
        return on_grid(start)

    def flowing_lunch(self, site_id: int) -> tuple[str | None, int]:
        """When lunch falls around setting off now for a flowing session at ``site_id``
        ('here', 'there', 'wait' or None, as ``lunch_is_due``), and when the session would
        start without lunch. 'wait': lunch is not due yet on arrival, but the site opens
        only after lunch time, so the group lunches there in the wait (as it does for an
        afternoon fixed item) instead of idling and lunching after the session."""
        minutes = self.travel_minutes(site_id)
        arrival = self.cursor + minutes
        due = self.lunch_is_due(arrival)
        ready = self.ready_at(site_id, arrival, self.moves_to(site_id))
        if due is None and not self.lunched and ready >= self.rules.lunch_end:
            due = "wait"
        return due, ready

    def flowing_start(self, site_id: int) -> int:
        """When a flowing session at ``site_id`` starts if the group sets off for it now,
        exactly as ``place_flowing`` lays it out: lunch here if due, the leg, lunch on
        arrival if due, then the stop, the opening hour, the five minutes (lunch in the
        wait for the opening hour does not delay the session)."""
        due, ready = self.flowing_lunch(site_id)
        if due in (None, "wait"):
            return ready
        at = self.cursor
        if due == "here":
            at = self.lunch_span(at)[1]
        at += self.travel_minutes(site_id)
        if due == "there":
            at = self.lunch_span(at)[1]
        return self.ready_at(site_id, at, self.moves_to(site_id))

    def fits_before(self, session: Session, length: int, fixed) -> bool:
        """Would ``session`` (with lunch if due) end in time to reach ``fixed``? (Lunch
        after it, before ``fixed``, is cut to fit: see ``place_fixed``.)"""
        end = self.flowing_start(session.site_id) + length
        if fixed.site_id is not None and fixed.site_id != session.site_id:
            end += self.travel.between(self.group_id, session.site_id, fixed.site_id)[0] + self.rules.stop_minutes
        return end <= fixed.start

    def place_flowing(self, session: Session, length: int) -> None:
        site = session.site_id
        due, ready = self.flowing_lunch(site)
        if due == "here":
            self.lunch()
        moved = self.go(site)
        if due == "there":
            self.lunch()
        if due == "wait":  # lunch in the wait for the site to open, cut to end by the stop
            self.lunch(until=ready - (self.rules.stop_minutes if moved else 0))
            start = ready
        else:
            start = self.ready_at(site, self.cursor, moved)
        self.slots.append(Slot("session", self.group_id, self.day, start, start + length, site, item_id=session.id))
        self.cursor = start + length

    def finish(self) -> DayPlan:
        if not self.lunched and self.slots and self.cursor >= self.rules.lunch_start - LUNCH_LEAD:
            self.lunch()
        tonight = self.tonight
        self.go(tonight)
        if tonight is not None and not self.trip.comes_home(self.day):  # dinner at the hotel, not at home
            start = meal_start(self.cursor, self.rules.dinner_start)
            dinner = self.rules.dinner_end - self.rules.dinner_start
            self.slots.append(Slot("dinner", self.group_id, self.day, start, start + dinner, tonight))
        self._mark_journeys()
        ordered = tuple(sorted(self.slots, key=lambda s: (s.start, s.end)))
        return DayPlan(self.group_id, self.day, self.rules, ordered, self.start_site, tonight)

    def _mark_journeys(self) -> None:
        """Name the journey out (the first leg that leaves the home city on the day of
        leaving) and back (the last leg into the city of return on the day of return);
        legs within the home city (to an opening there) are local."""
        legs = [n for n, s in enumerate(self.slots) if s.kind == "travel"]
        if self.leaving_home and legs:
            home = self._place_of(self.trip.origin_site_id)
            out = next((n for n in legs if self._place_of(self.slots[n].site_id) != home), legs[0])
            self.slots[out] = replace(self.slots[out], journey="out")
        if self.trip.comes_home(self.day) and legs:
            home = self._place_of(self.trip.return_site_id)
            back = next((n for n in reversed(legs) if self._place_of(self.slots[n].from_site_id) != home), legs[-1])
            if not self.slots[back].journey:
                self.slots[back] = replace(self.slots[back], journey="back")

    def _place_of(self, site_id: int | None) -> int | None:
        site = self.plan.site(site_id) if site_id is not None else None
        return site.place_id if site is not None else None


def schedule_day(plan: Plan, group_id: int, day: int, travel: TravelTimes | None = None) -> DayPlan:
    travel = travel or TravelTimes(plan)
    rules = day_rules(plan, day)
    builder = _DayBuilder(plan, group_id, day, rules, travel, journey(plan, group_id))
    sessions = plan.sessions_of(group_id, day)
    fixed = [p for p in plan.plenaries if p.day == day and p.start is not None and p.end is not None]
    fixed += [s for s in sessions if is_fixed(s)]
    fixed.sort(key=lambda item: (item.start, item.end))
    flowing = [s for s in sessions if not is_fixed(s)]
    # Plenaries with no time yet go first, in the flow.
    untimed = [p for p in plan.plenaries if p.day == day and (p.start is None or p.end is None)]
    for plenary in untimed:
        builder.go(plenary.site_id)
        start = builder.cursor
        builder.slots.append(Slot("plenary", group_id, day, start, start + rules.session_minutes,
                                  plenary.site_id, item_id=plenary.id))
        builder.cursor = start + rules.session_minutes
    for session in flowing:
        length = session_length(plan, session, rules)
        while fixed and not builder.fits_before(session, length, fixed[0]):
            builder.place_fixed(fixed.pop(0))
        builder.place_flowing(session, length)
    for item in fixed:
        builder.place_fixed(item)
    return builder.finish()


def schedule(plan: Plan) -> Timetable:
    """The timetable of every group and day."""
    travel = TravelTimes(plan)
    days = {}
    for group in plan.ordered_groups():
        for day in range(1, plan.programme.days + 1):
            days[(group.id, day)] = schedule_day(plan, group.id, day, travel)
    return Timetable(days)


def timing_edits(plan: Plan, timetable: Timetable | None = None) -> list[Update]:
    """Updates that store the scheduled start and end of every flowing session that moved.
    Pinned sessions are left alone: one without a time yet must not be fixed at the time
    it flowed to (it keeps flowing until the organiser gives it one)."""
    timetable = timetable or schedule(plan)
    edits = []
    for session in plan.sessions:
        if session.pinned:
            continue
        slot = timetable.slot_of("session", session.id)
        if slot is not None and (slot.start, slot.end) != (session.start, session.end):
            edits.append(Update("sessions", session.id, {"start": slot.start, "end": slot.end}))
    return edits


def retime(plan: Plan, timetable: Timetable | None = None) -> Plan:
    """The plan with every flowing (unpinned) session's start and end as scheduled."""
    timetable = timetable or schedule(plan)
    sessions = []
    for session in plan.sessions:
        slot = timetable.slot_of("session", session.id)
        if slot is not None and not session.pinned:
            session = replace(session, start=slot.start, end=slot.end)
        sessions.append(session)
    return plan.with_items("sessions", sessions)
