"""Door to door: where and when each group leaves home and comes back.

A tour starts and ends at home. The programme names the gathering point (a site in the
home city, ``origin_site_id``) and the days of the journey out and back; a group may
leave from, or return to, somewhere else, on other days. Between the two days the group
needs a bed every night.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model import Plan


@dataclass(frozen=True)
class Journey:
    """One group's frame: from where and when it leaves, to where and when it returns."""

    origin_site_id: int | None  # None: the plan says nothing about home
    return_site_id: int | None
    departure_day: int
    return_day: int
    departure_time: int | None  # None: in time for the first fixed item, else at day_start
    latest_return: int | None

    @property
    def nights(self) -> range:
        """The nights (each numbered by the day it follows) that need a bed."""
        return range(self.departure_day, self.return_day)

    def leaves_home(self, day: int) -> bool:
        return self.origin_site_id is not None and day == self.departure_day

    def comes_home(self, day: int) -> bool:
        return self.return_site_id is not None and day == self.return_day

    def on_tour(self, day: int) -> bool:
        return self.departure_day <= day <= self.return_day


def journey(plan: Plan, group_id: int) -> Journey:
    """The group's own settings where it has them, else the programme's."""
    programme = plan.programme
    group = plan.group(group_id)

    def setting(name: str):
        own = getattr(group, name, None) if group is not None else None
        return own if own is not None else getattr(programme, name)

    origin = setting("origin_site_id")
    back = setting("return_site_id")
    if group is not None and group.origin_site_id is not None and group.return_site_id is None:
        back = None  # a group that leaves from its own home comes back there
    departure = setting("departure_day") or 1
    return_day = setting("return_day") or programme.days
    return Journey(origin, back if back is not None else origin, departure, max(departure, return_day),
                   setting("departure_time"), programme.latest_return)
