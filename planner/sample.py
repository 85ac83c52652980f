"""The bundled sample plan: the model case the app opens on first and the tests use."""

from __future__ import annotations

from planner.jsonio import load_json_file, plan_from_json
from planner.model import Plan
from planner.resources import resource_path

SAMPLE_PLAN = ("samples", "hunan-2025.json")


def sample_plan() -> Plan:
    """The bundled model case: Hunan county leaders in Zhejiang and Jiangsu, Feb 2025."""
    path = resource_path(*SAMPLE_PLAN)
    return plan_from_json(load_json_file(path), source=str(path))
