"""Travel between two points, with no network: by road, high-speed rail or air.

``estimate`` gives the way an organiser would book (door to door, with its parts) and
every option; ``estimate_by`` the figures for a mode the organiser chose. One job per
module: ``geo`` distances, ``road`` driving, ``network`` stations and airports,
``options`` the door-to-door options, ``choice`` the booking rule, ``describe`` how a
leg is printed.
"""

from planner.travel.choice import Estimate, choose, estimate, estimate_by
from planner.travel.geo import great_circle_km
from planner.travel.options import Option, Part

__all__ = ["Estimate", "Option", "Part", "choose", "estimate", "estimate_by", "great_circle_km"]
