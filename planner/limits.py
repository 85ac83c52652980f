"""How much the planner takes in at once, and the one check of it at every entry.

A plan or a roster from outside, and what is typed in the app, is refused with a clear
message when it is beyond what any real tour needs: a 300,000-character place name or
a 50-level deep JSON document is a broken export or an attack, and past these sizes the
app would stall (a title that cannot be wrapped, a look-up per prefix) long before the
organiser learns why. The limits are documented in docs/limits.md.

Entries that check them: JSON import (``planner.jsonio``), roster import
(``planner.roster``), every edit made in the app (``check_edit``, from
``ui.document.PlanDocument.edit``); input files are checked by ``input_file_problem``.
A plan file already holding a longer text still opens, prints and undoes: the limits
apply to what comes in, not to what is kept.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_NAME = 200  # a name: a person's, a group's, a place's, a site's; a unit, a host
MAX_TEXT = 1_000  # any other one-line text: a title, an address, a job title
MAX_NOTE = 10_000  # a note, which may hold several lines
MAX_LIST = 100  # entries of a list of themes or interests
MAX_ITEMS = 100_000  # items of one kind in a plan (sessions, participants…)
MAX_ROWS = 100_000  # rows of a roster sheet
MAX_COLUMNS = 1_000  # columns of a roster sheet (one has a dozen)
MAX_DEPTH = 32  # nesting of a JSON document (a plan needs 5)
MAX_INPUT_BYTES = 200 * 2**20  # a JSON plan or a roster file, and an xlsx's unpacked sheets

NOTE_FIELDS = frozenset({"note", "notes"})
# Fields (and minimal-plan keys) holding names, shown in narrow table cells.
NAME_FIELDS = frozenset({
    "name", "leader", "vehicle", "contact_person", "contact_phone", "host", "theme", "themes",
    "interests", "unit", "phone", "ethnicity", "id_number", "gender", "role", "group", "places", "parent",
    "colour", "time_zone", "division_code", "kind", "mode", "manual_mode", "room_type",
})


def text_limit(field: str) -> int:
    """The most characters a text of ``field`` may hold."""
    if field in NOTE_FIELDS:
        return MAX_NOTE
    if field in NAME_FIELDS:
        return MAX_NAME
    return MAX_TEXT


def text_problem(field: str, text: str) -> tuple[str, str] | None:
    """Why ``text`` is too long for ``field`` (Chinese, English), or None."""
    limit = text_limit(field)
    if len(text) <= limit:
        return None
    return (f"文字过长：{len(text):,} 个字符，最多 {limit:,} 个",
            f"the text is too long: {len(text):,} characters, at most {limit:,}")


def value_problem(field: str, value) -> tuple[str, str] | None:
    """``text_problem`` for a field's value: a text, or a list of texts (themes)."""
    if isinstance(value, str):
        return text_problem(field, value)
    if isinstance(value, (list, tuple)):
        if len(value) > MAX_LIST:
            return (f"条目过多：{len(value):,} 项，最多 {MAX_LIST} 项",
                    f"too many entries: {len(value):,}, at most {MAX_LIST}")
        for entry in value:
            problem = value_problem(field, entry) if isinstance(entry, str) else None
            if problem:
                return problem
    return None


def check_edit(edit) -> None:
    """Raise ``PlanEditError`` for an edit that brings in a text beyond its limit (what
    is typed or pasted in the app), naming the field."""
    from planner.edits import Batch, Insert, PlanEditError, Update, UpdateProgramme

    if isinstance(edit, Batch):
        for part in edit.edits:
            check_edit(part)
        return
    if isinstance(edit, (Insert, Update, UpdateProgramme)):
        values = edit.values if isinstance(edit, Insert) else edit.changes
        kind = "programme" if isinstance(edit, UpdateProgramme) else edit.kind
        for field, value in values.items():
            problem = value_problem(field, value)
            if problem:
                raise PlanEditError(f"{kind}.{field}：{problem[0]}", f"{kind}.{field}: {problem[1]}")


def input_file_problem(path: Path, *, any_size: bool = False) -> tuple[str, str] | None:
    """Why ``path`` cannot be read as an input (a plan, a JSON document, a roster), or
    None; beyond MAX_INPUT_BYTES too, unless ``any_size`` (a plan file). Only regular files are read: a named pipe would block the read for ever and a
    device (/dev/zero, /dev/stdin) would never end or wait for a keyboard."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "文件不存在", "the file does not exist"
    except PermissionError:
        return "没有读取权限", "permission denied"
    except OSError as error:
        return f"无法读取（{error.strerror}）", f"cannot read it ({error.strerror})"
    if stat.S_ISDIR(info.st_mode):
        return "这是一个文件夹，不是文件", "it is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        what = "命名管道" if stat.S_ISFIFO(info.st_mode) else "设备或特殊文件"
        what_en = "a named pipe" if stat.S_ISFIFO(info.st_mode) else "a device or special file"
        return (f"这是{what}，不是普通文件；只能读取普通文件",
                f"it is {what_en}, not a regular file; only regular files are read")
    if not any_size and info.st_size > MAX_INPUT_BYTES:
        size, most = f"{info.st_size / 2**20:,.1f}", f"{MAX_INPUT_BYTES / 2**20:,.1f}"
        return f"文件过大：{size} MB，最多 {most} MB", f"the file is too large: {size} MB, at most {most} MB"
    return None
