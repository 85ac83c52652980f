"""JSON interchange: a whole plan to and from JSON (see docs/plan-format.md).

``plan_to_json`` writes the full format; ``plan_from_json`` reads it, or a *minimal*
plan (title, dates and each group's places) which ``planner.minimal`` expands.
Invalid input raises ``PlanImportError`` listing every problem with its JSON path;
nothing is written anywhere until the whole input is valid.
"""

from __future__ import annotations

import json
from pathlib import Path

from planner import schema
from planner.json_problems import PlanImportError, Problem, json_path, schema_problems
from planner.limits import MAX_DEPTH, MAX_ITEMS, MAX_LIST, MAX_NAME, input_file_problem, text_problem
from planner.minimal import expand_minimal_plan
from planner.model import ITEM_TYPES, Plan, Programme
from planner.records import REFERENCES, FieldError, check_item, from_record, to_record
from planner.roles import SHIPPED_ROLES
from planner.text import clean_text

FORMAT = "study-tour-plan"

MULTILINE_KEYS = frozenset({"notes", "note", "notice", "questions", "text"})  # texts that may keep their line breaks


def plan_to_json(plan: Plan) -> dict:
    """The full JSON form of a plan; keys in a fixed order, items sorted by id."""
    document = {
        "format": FORMAT,
        "format_version": schema.SCHEMA_VERSION,
        "programme": to_record(plan.programme),
    }
    for kind in ITEM_TYPES:
        document[kind] = [to_record(item) for item in sorted(plan.items(kind), key=lambda i: i.id)]
    return document


def dumps(plan: Plan) -> str:
    return json.dumps(plan_to_json(plan), ensure_ascii=False, indent=2) + "\n"


def is_full_plan(document) -> bool:
    return isinstance(document, dict) and "format" in document


def plan_from_json(document, *, source: str = "", gazetteer=None) -> Plan:
    """A plan from parsed JSON (full or minimal). Raises PlanImportError."""
    if not isinstance(document, dict):
        raise PlanImportError(
            [Problem("$", "顶层必须是一个 JSON 对象", "the top level must be a JSON object")], source
        )
    problems = limit_problems(document)
    if problems:
        raise PlanImportError(problems, source)
    try:
        document = _cleaned(document)
    except RecursionError:
        raise PlanImportError([_TOO_DEEP], source) from None
    if not is_full_plan(document):
        plan = expand_minimal_plan(document, source=source, gazetteer=gazetteer)
        _check_expanded(plan, source)
        return plan
    problems = schema_problems(document, "plan.schema.json")
    if not problems and document["format_version"] > schema.SCHEMA_VERSION:
        problems.append(
            Problem(
                "$.format_version",
                f"格式版本 {document['format_version']} 比本程序支持的 {schema.SCHEMA_VERSION} 新，请升级程序",
                f"format version {document['format_version']} is newer than this app's {schema.SCHEMA_VERSION}: please upgrade",
            )
        )
    if not problems:
        problems = _reference_problems(document) + _duplicate_key_problems(document) + _role_problems(document)
    if problems:
        raise PlanImportError(problems, source)
    items, problems = {}, []
    programme = _from_record(Programme, document["programme"], ["programme"], problems)
    for kind, item_type in ITEM_TYPES.items():
        records = enumerate(document.get(kind, []))
        items[kind] = tuple(_from_record(item_type, record, [kind, index], problems) for index, record in records)
    if problems:
        raise PlanImportError(problems, source)
    return Plan(programme=programme, **items)


_TOO_DEEP = Problem("$", "嵌套层次过深，不是方案文件", "nested too deeply to be a plan")


LIST_KEYS = frozenset({"themes", "interests"})  # lists of names, not of items
_MAX_LISTED = 20  # problems of size listed; a document of 100,000 long names needs no 100,000 lines


def limit_problems(document) -> list[Problem]:
    """Texts, lists and nesting beyond the input-size limits (``planner.limits``), in
    document order; walked without recursion, so any depth is reported, not a crash."""
    problems: list[Problem] = []
    more = 0
    stack = [(document, (), "")]
    while stack:
        value, path, key = stack.pop()
        problem = None
        if len(path) > MAX_DEPTH:
            problem = _TOO_DEEP
        elif isinstance(value, str):
            reason = text_problem(key, value)
            problem = reason and Problem(json_path(path), *reason)
        elif isinstance(value, list):
            most = MAX_LIST if key in LIST_KEYS else MAX_ITEMS
            if len(value) > most:
                problem = Problem(json_path(path), f"条目过多：{len(value):,} 项，最多 {most:,} 项",
                                  f"too many entries: {len(value):,}, at most {most:,}")
            else:
                stack.extend((v, (*path, i), key) for i, v in reversed(list(enumerate(value))))
        elif isinstance(value, dict):
            for name in reversed(list(value)):
                if isinstance(name, str) and len(name) > MAX_NAME:
                    problem = Problem(json_path(path), f"键名过长：{len(name):,} 个字符", f"a key is too long: {len(name):,} characters")
                else:
                    stack.append((value[name], (*path, name), name))
        if problem is not None:
            if len(problems) < _MAX_LISTED:
                problems.append(problem)
            else:
                more += 1
    if more:
        problems.append(Problem("$", f"另有 {more:,} 处过长或过多", f"and {more:,} more beyond the limits"))
    return problems


def _cleaned(value, key: str = ""):
    """``value`` with every text (keys too) passed through ``clean_text``: control
    characters from outside break the xlsx/docx/kml exports later, and a lone
    surrogate cannot be stored at all."""
    if isinstance(value, str):
        return clean_text(value, multiline=key in MULTILINE_KEYS)
    if isinstance(value, list):
        return [_cleaned(v, key) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): _cleaned(v, k) for k, v in value.items()}
    return value


def _from_record(item_type: type, record: dict, path: list, problems: list):
    """One item, or None with a problem naming the field (a date like 2025-02-30, a
    number out of range)."""
    try:
        return from_record(item_type, record)
    except FieldError as error:
        problems.append(Problem(json_path([*path, error.name]), error.reason_zh, error.reason_en))
        return None


def _check_expanded(plan: Plan, source: str) -> None:
    """The plan a minimal one expanded to, checked like a full one: its fields are the
    minimal plan's own values (e.g. a start date out of range)."""
    for kind in ("programme", *ITEM_TYPES):
        for item in (plan.programme,) if kind == "programme" else plan.items(kind):
            try:
                check_item(item)
            except FieldError as error:
                path = json_path([error.name] if kind == "programme" else [kind])
                raise PlanImportError([Problem(path, error.reason_zh, error.reason_en)], source) from None


def _reference_problems(document: dict) -> list[Problem]:
    """Duplicate ids, and references to items that do not exist."""
    problems = []
    ids: dict[str, set[int]] = {}
    for kind in ITEM_TYPES:
        seen = ids.setdefault(kind, set())
        for index, record in enumerate(document.get(kind, [])):
            if record["id"] in seen:
                problems.append(
                    Problem(json_path([kind, index, "id"]), f"编号 {record['id']} 重复", f"duplicate id {record['id']}")
                )
            seen.add(record["id"])
    for index, record in enumerate(document.get("legs", [])):
        if record["from_site_id"] == record["to_site_id"]:
            problems.append(Problem(json_path(["legs", index, "to_site_id"]), "起点和终点是同一个现场教学点",
                                    "the leg goes from a site to the same site"))
    records = [(["programme"], document["programme"])]
    records += [([kind, index], record) for kind in ITEM_TYPES for index, record in enumerate(document.get(kind, []))]
    for path, record in records:
        for field_name, target in REFERENCES.items():
            value = record.get(field_name)
            if value is not None and value not in ids[target]:
                problems.append(Problem(json_path([*path, field_name]), f"引用了不存在的 {target} #{value}",
                                        f"refers to {target} #{value}, which does not exist"))
    return problems


def _role_problems(document: dict) -> list[Problem]:
    """Participants whose role is neither a shipped one nor one the plan declares."""
    known = {role.code for role in SHIPPED_ROLES} | {record["code"] for record in document.get("roles", [])}
    return [
        Problem(json_path(["participants", index, "role"]), f"未知角色：{record['role']}（可用：{'、'.join(sorted(known))}）",
                f"unknown role: {record['role']} (known: {', '.join(sorted(known))})")
        for index, record in enumerate(document.get("participants", []))
        if record.get("role", "member") not in known
    ]


def _duplicate_key_problems(document: dict) -> list[Problem]:
    """Items that the plan file holds only once (one leg per group and pair of sites,
    one lodging per group and night, one setting per day), given twice."""
    problems = []
    for kind, key_fields in schema.UNIQUE_KEYS.items():
        seen = set()
        for index, record in enumerate(document.get(kind, [])):
            key = tuple(record.get(name) for name in key_fields)
            if key in seen:
                names = ", ".join(f"{name}={value}" for name, value in zip(key_fields, key))
                problems.append(Problem(json_path([kind, index]), f"与前面的条目重复（{names}）", f"duplicates an earlier item ({names})"))
            seen.add(key)
    return problems


def load_json_file(path) -> dict:
    """Parse a JSON file, turning unreadable or malformed input into PlanImportError."""
    path = Path(path)
    problem = input_file_problem(path)  # a named pipe, a device, a huge file
    if problem:
        raise PlanImportError([Problem("$", *problem)], str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanImportError([Problem("$", "文件不存在", "the file does not exist")], str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanImportError([Problem("$", f"无法读取：{error}", f"cannot read it: {error}")], str(path)) from None
    try:
        return json.loads(text)
    except RecursionError:
        raise PlanImportError([_TOO_DEEP], str(path)) from None
    except json.JSONDecodeError as error:
        raise PlanImportError(
            [Problem("$", f"不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列：{error.msg}）",
                     f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})")],
            str(path),
        ) from None
