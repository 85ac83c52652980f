"""学习体会: one .docx or .txt per participant, read from a folder.

``python main.py reflections import PLAN FOLDER``: each file is matched to a participant
by a name in its file name (``张三-学习体会.docx``) or, failing that, in its first line.
Where two participants share the name, the one whose unit the file name or first line
also names is taken. The title is the first short line at the top that is not the
byline (the line naming the author); the rest is the text, a paragraph a line.

Files that match nobody, match several people, or name someone another file already
named are listed as bad, with the reason; other files (.doc, .pdf, pictures) are listed
as left out. Re-importing replaces a participant's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from planner.edits import Insert, Update
from planner.errors import BilingualError
from planner.material.preview import Bad, Good, MaterialError, Preview
from planner.model import Participant, Plan
from planner.text import clean_text

SUFFIXES = (".docx", ".txt")
MAX_TITLE = 60  # characters: a longer first line is the text, not a title
MAX_BYLINE = 40
MAX_BYTES = 20_000_000  # a reflection is text: a bigger file is something else


@dataclass(frozen=True)
class ReadText:
    title: str
    paragraphs: tuple[str, ...]


def file_lines(path: Path) -> list[str]:
    """The non-empty lines (paragraphs) of a .docx or .txt file. Raises MaterialError."""
    if path.stat().st_size > MAX_BYTES:
        raise MaterialError("文件过大，不像是一篇学习体会", "the file is too large to be a reflection")
    if path.suffix.lower() == ".docx":
        try:
            from docx import Document

            document = Document(str(path))
            texts = [p.text for p in document.paragraphs]
        except Exception as error:  # noqa: BLE001 — python-docx raises many kinds on a damaged file
            raise MaterialError(f"不是有效的 Word 文件（{type(error).__name__}）",
                                f"not a valid Word file ({type(error).__name__})") from None
    else:
        from planner.roster.sources import decode_text

        try:
            text, _encoding = decode_text(path.read_bytes())
        except BilingualError as error:
            raise MaterialError(error.message_zh, error.message_en) from None
        texts = text.splitlines()
    lines = []
    for text in texts:
        line = clean_text(text).strip().strip("\u3000").strip()
        if line:
            lines.append(line)
    return lines


def _compact(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def match_people(plan: Plan, text: str) -> list[Participant]:
    """The participants whose name ``text`` holds (the longest names found: 王小明, not
    王小, when both are in the plan); among several of that name, those whose unit it
    also names, when any."""
    text = _compact(text)
    found = [p for p in plan.participants if p.name and _compact(p.name) in text]
    if not found:
        return []
    longest = max(len(_compact(p.name)) for p in found)
    found = [p for p in found if len(_compact(p.name)) == longest]
    names = {_compact(p.name) for p in found}
    if len(names) == 1 and len(found) > 1:
        by_unit = [p for p in found if p.unit and _compact(p.unit) in text]
        if by_unit:
            return by_unit
    return found


def split_text(lines: list[str], person: Participant) -> ReadText:
    """Title and paragraphs: the byline (a short line naming the author, their unit or
    title) and the title are taken off the top."""
    name = _compact(person.name)
    title, index = "", 0
    while index < min(len(lines), 4):
        line = lines[index]
        compact = _compact(line)
        if name in compact and len(compact) <= MAX_BYLINE:
            rest = compact.replace(name, "")
            for part in (person.unit, person.title):
                rest = rest.replace(_compact(part), "") if part else rest
            rest = rest.strip("：:—-·（）()　 ")
            if not title and len(rest) >= 4 and not rest.endswith("。"):
                title = rest  # '张三：赴浙江考察学习体会' gives its title
            index += 1
            continue
        if not title and len(line) <= MAX_TITLE and not line.endswith(("。", "！", "？", "；")):
            title = line
            index += 1
            if index < len(lines) and lines[index].startswith(("——", "—", "－－")):
                title += lines[index]  # its subtitle
                index += 1
            continue
        break
    body_start = index
    return ReadText(title, tuple(lines[body_start:]))


def read_reflections(plan: Plan, folder) -> Preview:
    """The preview of importing every .docx and .txt file of ``folder``."""
    folder = Path(folder)
    if not folder.exists():
        raise MaterialError(f"文件夹不存在：{folder}", f"the folder does not exist: {folder}")
    if not folder.is_dir():
        raise MaterialError(f"这不是文件夹：{folder}", f"not a folder: {folder}")
    try:
        files = sorted((p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))),
                       key=lambda p: p.name)
    except OSError as error:
        raise MaterialError(f"无法读取文件夹（{error.strerror}）", f"cannot read the folder ({error.strerror})") from None
    readable = [p for p in files if p.suffix.lower() in SUFFIXES]
    left_out = [p.name for p in files if p.suffix.lower() not in SUFFIXES]
    if not readable:
        raise MaterialError(f"「{folder.name}」中没有 .docx 或 .txt 文件", f"'{folder.name}' holds no .docx or .txt files")
    bad: list[Bad] = []
    matched: dict[int, list[tuple[Path, ReadText]]] = {}
    for path in readable:
        try:
            lines = file_lines(path)
        except MaterialError as error:
            bad.append(Bad(path.name, error.message_zh, error.message_en))
            continue
        except OSError as error:
            bad.append(Bad(path.name, f"无法读取（{error.strerror}）", f"cannot be read ({error.strerror})"))
            continue
        if not lines:
            bad.append(Bad(path.name, "文件是空的", "the file is empty"))
            continue
        people = match_people(plan, path.stem) or match_people(plan, lines[0])
        if not people:
            bad.append(Bad(path.name, "文件名和第一行都没有学员姓名，无法对应到学员",
                           "neither the file name nor the first line names a participant"))
            continue
        if len(people) > 1:
            named = "、".join(f"{p.name}（{p.unit or '单位未填'}）" for p in people)
            bad.append(Bad(path.name, f"对应多名学员：{named}；请在文件名中写明单位",
                           "matches several participants: put the unit in the file name"))
            continue
        matched.setdefault(people[0].id, []).append((path, split_text(lines, people[0])))
    good: list[Good] = []
    existing = {r.participant_id: r for r in plan.reflections}
    next_id = max((r.id for r in plan.reflections), default=0) + 1
    for participant_id, found in sorted(matched.items(), key=lambda kv: kv[1][0][0].name):
        person = plan.get("participants", participant_id)
        if len(found) > 1:
            names = "、".join(path.name for path, _ in found)
            for path, _ in found:
                bad.append(Bad(path.name, f"与其他文件对应同一学员「{person.name}」（{names}）",
                               f"names the same participant as another file ({person.name})"))
            continue
        path, read = found[0]
        if not read.paragraphs:
            bad.append(Bad(path.name, "只有标题，没有正文", "a title but no text"))
            continue
        values = {"participant_id": participant_id, "title": read.title, "text": "\n".join(read.paragraphs),
                  "source": path.name}
        chars = sum(len(p) for p in read.paragraphs)
        what = f"{person.name}（{person.unit}）《{read.title or '无标题'}》{chars} 字"
        old = existing.get(participant_id)
        if old is None:
            good.append(Good(path.name, what, (Insert("reflections", {"id": next_id, **values}),)))
            next_id += 1
            continue
        changes = {k: v for k, v in values.items() if getattr(old, k) != v}
        good.append(Good(path.name, what, (Update("reflections", old.id, changes),) if changes else (),
                         "update" if changes else "same"))
    notes = []
    if left_out:
        notes.append((f"未读取的文件（只读 .docx 和 .txt；.doc 请另存为 .docx）：{'、'.join(left_out)}",
                      f"files left out (only .docx and .txt are read; save a .doc as .docx): {', '.join(left_out)}"))
    return Preview("学习体会", "reflections", folder.name, tuple(good), tuple(bad), tuple(notes))
