"""Improve one group's tour by local search, every candidate judged exactly.

A candidate is laid out and checked as the timetable will be (``planner.routing.tour``).
Moves: a run of one to three sessions to another place in its day or in another day
(its placeholder lodgings follow), two sessions swapped, a run within a day reversed.
A move is kept when the result is *admissible* and *better*:

- admissible, against the tour as it was: no more errors; no more idle days (away from
  home with no visit, plenary or journey); and, unless longer days are allowed, no new
  warning and no day running further outside its window than it did;
- better: fewer errors, then fewer warnings, then less travel (every leg: hotel to hotel,
  the journey out and back), then less time outside the day windows.

When no move improves the tour, a few sessions are moved at random (the generator is
seeded: the same plan gives the same result unless the time limit cuts the search) and
the search goes on from there (iterated local search), until the time limit, or until
``rounds`` restarts in a row found nothing better.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from planner.progress import Cancelled, Progress
from planner.routing.tour import Routes, TourJudge, Verdict

LONGEST_RUN = 3  # sessions moved together (a place's visits usually follow each other)
UNIT = 1000  # weight of one broken rule in the admissibility score (minutes count 1 each)
NEAREST = 6  # a session moves to another day only next to one of its nearest (granular neighbourhood)
DEFAULT_ROUNDS = 5
SEED = 18


@dataclass(frozen=True)
class Rules:
    """What a search may do to a tour (see the module)."""

    allow_longer_days: bool = False


def score(verdict: Verdict, baseline: Verdict, rules: Rules) -> tuple:
    """What the search minimises: broken rules first (0 when admissible), then errors,
    warnings, travel, and minutes outside the day windows."""
    broken = UNIT * max(0, verdict.errors - baseline.errors)
    broken += UNIT * max(0, len(verdict.idle_days) - len(baseline.idle_days))
    if not rules.allow_longer_days:
        broken += UNIT * sum((verdict.kinds - baseline.kinds).values())
        broken += sum(max(0, minutes - baseline.beyond.get(day, 0)) for day, minutes in verdict.beyond.items())
    outside = sum(verdict.beyond.values())
    return broken, verdict.errors, verdict.warnings, verdict.travel, outside


def admissible(verdict: Verdict, baseline: Verdict, rules: Rules) -> bool:
    return score(verdict, baseline, rules)[0] == 0


def moves(routes: Routes, days: list[int], near: dict | None = None) -> list[tuple]:
    """The moves from ``routes``, moves within a day first: ("reverse", day, i, j),
    ("move", day, i, length, other day, j), ("swap", day, i, other day, j). With ``near``
    (session id -> the ids of the sessions nearest to it), a move to another day or a swap
    only puts a session next to one near it: a granular neighbourhood, much smaller and
    with all the moves that help."""
    def close(a, b) -> bool:
        return near is None or b in near[a] or a in near[b]

    found = [("reverse", day, i, j) for day in days for i in range(len(routes[day]) - 1)
             for j in range(i + 2, len(routes[day]) + 1)]
    for across in (False, True):  # a run moved, within its day, then to another day
        for day in days:
            ids = routes[day]
            for i in range(len(ids)):
                for length in range(1, min(LONGEST_RUN, len(ids) - i) + 1):
                    first, last = ids[i], ids[i + length - 1]
                    for other in (d for d in days if (d != day) == across):
                        if other == day:
                            found += [("move", day, i, length, day, j) for j in range(len(ids) - length + 1)
                                      if j != i]
                            continue
                        target = routes[other]
                        found += [("move", day, i, length, other, j) for j in range(len(target) + 1)
                                  if not target or (j > 0 and close(first, target[j - 1]))
                                  or (j < len(target) and close(last, target[j]))]
    spots = [(day, i) for day in days for i in range(len(routes[day]))]
    found += [("swap", *a, *b) for n, a in enumerate(spots) for b in spots[n + 1:]
              if a[0] == b[0] or close(routes[a[0]][a[1]], routes[b[0]][b[1]])]
    return found


def moved(routes: Routes, move: tuple) -> Routes:
    """``routes`` after ``move`` (see ``moves``)."""
    kind, day = move[0], move[1]
    ids = routes[day]
    if kind == "reverse":
        i, j = move[2:]
        return {**routes, day: ids[:i] + ids[i:j][::-1] + ids[j:]}
    if kind == "move":
        i, length, other, j = move[2:]
        run, rest = ids[i:i + length], ids[:i] + ids[i + length:]
        if other == day:
            return {**routes, day: rest[:j] + run + rest[j:]}
        target = routes[other]
        return {**routes, day: rest, other: target[:j] + run + target[j:]}
    i, other, j = move[2:]
    changed = {day: list(ids)}
    changed.setdefault(other, list(routes[other]))
    changed[day][i], changed[other][j] = routes[other][j], ids[i]
    return {**routes, **{d: tuple(x) for d, x in changed.items()}}


def _perturbed(routes: Routes, days: list[int], rng: random.Random) -> Routes:
    """Two sessions moved to random places (a reversed day when there is only one day)."""
    routes = {day: list(ids) for day, ids in routes.items()}
    for _ in range(2):
        filled = [d for d in days if routes[d]]
        if not filled:
            break
        source = rng.choice(filled)
        session = routes[source].pop(rng.randrange(len(routes[source])))
        target = rng.choice(days)
        routes[target].insert(rng.randrange(len(routes[target]) + 1), session)
    return {day: tuple(ids) for day, ids in routes.items()}


def _nearest(judge: TourJudge, sessions: list[int]) -> dict[int, set[int]]:
    """Each session's NEAREST closest sessions (by travel between their sites)."""
    site = {sid: judge.sessions[sid].site_id for sid in sessions}
    minutes = {}
    for a in sessions:
        minutes[a] = sorted((judge.travel.between(judge.group_id, site[a], site[b])[0], b) for b in sessions if b != a)
    return {a: {b for _, b in found[:NEAREST]} for a, found in minutes.items()}


class _Clock:
    """The time limit, progress reports and Cancel, looked at every few candidates."""

    def __init__(self, time_limit: float, progress: Progress | None, text: str):
        self.started = time.monotonic()
        self.time_limit, self.progress, self.text = time_limit, progress, text
        self.cancelled = self.timed_out = False
        self.count = 0

    def out(self) -> bool:
        self.count += 1
        if self.count % 25 != 1 and not (self.cancelled or self.timed_out):
            return False
        elapsed = time.monotonic() - self.started
        if self.progress is not None and not self.cancelled:
            try:
                self.progress.report(min(0.99, elapsed / max(self.time_limit, 1e-3)), self.text)
            except Cancelled:
                self.cancelled = True
        self.timed_out = self.timed_out or elapsed >= self.time_limit
        return self.cancelled or self.timed_out


def improve_tour(judge: TourJudge, days: list[int], *, rules: Rules = Rules(), time_limit: float = 2.0,
                 rounds: int | None = DEFAULT_ROUNDS, progress: Progress | None = None,
                 text: str = "") -> tuple[Verdict, bool, bool]:
    """The best admissible tour found from the group's current one (the current one
    itself when nothing is better), whether the search was cancelled, and whether the
    time limit stopped it. Only sessions the judge may move, only on ``days``."""
    clock = _Clock(time_limit, progress, text)
    baseline = judge.start()
    near = _nearest(judge, [sid for day in days for sid in judge.current[day]])
    rng = random.Random(SEED)

    scores: dict[int, tuple] = {}

    def key(verdict: Verdict) -> tuple:
        found = scores.get(id(verdict))
        if found is None or found[0] is not verdict:
            found = scores[id(verdict)] = (verdict, score(verdict, baseline, rules))
        return found[1]

    def descend(verdict: Verdict) -> Verdict:
        """First improvement, going on round the moves from the last one that improved."""
        start, tried = 0, 0
        while not clock.out():
            options = moves(verdict.routes, days, near)
            if not options or tried >= len(options):
                break
            current, start = key(verdict), start % len(options)
            clean = current[:3] == (0, 0, 0)  # then only less travel can be better
            for n in range(start, start + len(options)):
                candidate = judge.judge(moved(verdict.routes, options[n % len(options)]))
                tried += 1
                if not (clean and candidate.travel > verdict.travel) and key(candidate) < current:
                    verdict, start, tried = candidate, n % len(options), 0
                    break
                if clock.out() or tried >= len(options):
                    break
        return verdict

    best = min(baseline, judge.judge(judge.current), key=key)
    if any(judge.current[day] for day in days):
        best = min(best, descend(best), key=key)
        failures, rng = 0, random.Random(SEED)
        while not clock.out() and (not rounds or failures < rounds):
            found = descend(judge.judge(_perturbed(best.routes, days, rng)))
            if key(found) < key(best):
                # the same restarts from the same tour: a second search from this result
                # tries what this one tried after it, and so finds nothing better
                best, failures, rng = found, 0, random.Random(SEED)
            else:
                failures += 1
    return best, clock.cancelled, clock.timed_out and not clock.cancelled
