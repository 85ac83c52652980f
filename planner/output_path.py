"""Checks on where a command will write, made before any work is done.

A command that reads a plan and writes a file (export, dump, optimise --out,
plan-groups --out) must never overwrite the plan it reads nor, by a slip of the
keyboard, another plan file; and it should say so before a long computation, not after.
"""

from __future__ import annotations

import os
from pathlib import Path

PLAN_FILE_HEADER = b"SQLite format 3\0"


# names that say what a file is: one of them on the wrong output is a slip
KNOWN_SUFFIXES = (".stplan", ".db", ".json", ".pdf", ".xlsx", ".xls", ".docx", ".ics", ".kml", ".gpx", ".csv")


class OutputPathError(ValueError):
    """An output path the command refuses; ``str(error)`` is Chinese, then English."""


def is_plan_file(path: Path) -> bool:
    if not Path(path).is_file():  # opening a named pipe to look would block
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PLAN_FILE_HEADER)) == PLAN_FILE_HEADER
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(out: str | os.PathLike, *, reading: tuple = (), replace_plans: bool = False,
                 suffixes: tuple[str, ...] = (), force: bool = False) -> Path:
    """``out`` if a command may write there; else OutputPathError naming the problem.

    ``reading``: the files the command reads (never overwritten). ``replace_plans``: an
    existing plan file may be replaced (the command's --force). ``suffixes``: the file
    name must end in one of these when it has an extension at all. ``force``: an
    existing file (not a plan file, unless ``replace_plans``) may be replaced — every
    command that writes a file refuses to replace one without its --force."""
    path = Path(out)
    if not str(out).strip():
        raise OutputPathError("没有给出输出文件 / no output file given")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputPathError(f"目录不存在：{folder} / folder does not exist: {folder}")
    if path.is_dir():
        raise OutputPathError(f"输出路径是目录：{path} / the output is a folder: {path}")
    if path.exists() and not path.is_file():  # a named pipe or a device (/dev/null) would be replaced
        raise OutputPathError(f"输出路径不是普通文件：{path} / the output is not a regular file: {path}")
    for source in reading:
        if _same_file(path, Path(source)):
            raise OutputPathError(f"输出文件就是正在读取的文件：{path}，请另选文件名 / "
                                  f"the output is the file being read: {path}; choose another name")
    if path.exists() and not replace_plans and is_plan_file(path):
        raise OutputPathError(f"「{path}」是一个方案文件，不会被覆盖；请另选文件名 / "
                              f"{path} is a plan file and will not be overwritten; choose another name")
    if path.exists() and not (force or replace_plans):
        raise already_exists(path)
    suffix = path.suffix.lower()
    if suffixes and suffix in KNOWN_SUFFIXES and suffix not in suffixes:  # other names are the user's choice
        raise OutputPathError(f"文件扩展名 {path.suffix} 与输出格式不符（应为 {'、'.join(suffixes)}）/ "
                              f"the name ends in {path.suffix} but this output is {' or '.join(suffixes)}")
    return path


NOT_PLAN_SUFFIXES = (".json", ".pdf", ".xlsx", ".xls", ".docx", ".ics", ".kml", ".gpx", ".csv", ".txt")


def check_plan_output(out: str | os.PathLike, *, reading: tuple = (), force: bool = False) -> Path:
    """``out`` if a new plan file may be written there (``force``: replace one)."""
    path = check_output(out, reading=reading, replace_plans=True)
    if path.suffix.lower() in NOT_PLAN_SUFFIXES:
        raise OutputPathError(f"方案文件不应以 {path.suffix} 结尾（请用 .stplan）/ "
                              f"a plan file should not end in {path.suffix} (use .stplan)")
    if path.exists() and not force:
        raise already_exists(path)
    return path


def already_exists(path: Path) -> OutputPathError:
    return OutputPathError(f"文件已存在：{path}（加 --force 覆盖）/ {path} already exists (add --force to replace it)")
