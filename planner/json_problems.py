"""What is wrong with a JSON input: problems with their JSON paths, and the error that lists them.

Shared by the full plan format (``planner.jsonio``) and the minimal one
(``planner.minimal``), so neither needs the other to report a problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import jsonschema

from planner.resources import resource_path


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path, e.g. "$.groups[2].places[1]"
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message_zh} / {self.message_en}"


class PlanImportError(Exception):
    """The input is not a valid plan; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem], source: str = ""):
        self.problems = problems
        self.source = source
        where = f"「{source}」" if source else ""
        lines = [f"导入失败{where}：发现 {len(problems)} 处错误 / import failed: {len(problems)} error(s)"]
        lines += [f"  {p}" for p in problems]
        super().__init__("\n".join(lines))


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    with open(resource_path("schema", name), encoding="utf-8") as handle:
        return jsonschema.Draft202012Validator(json.load(handle))


def json_path(parts) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def schema_problems(document, schema_name: str) -> list[Problem]:
    """Every JSON Schema violation, as problems with paths, in document order."""
    errors = sorted(_validator(schema_name).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [
        Problem(json_path(e.absolute_path), f"不符合格式：{e.message}", f"does not match the format: {e.message}")
        for e in errors
    ]
