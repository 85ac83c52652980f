"""Writing a document out: the error a request that cannot be met raises, and
``write_atomic``, which puts a file's bytes in place through a temporary file and a
rename, so a failed export leaves no half-written file behind. (The formats: ``xlsx``,
``docx``, ``calendar`` (ics), ``routes`` (kml, gpx) and, through ``ui.printing``, pdf.)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """A request that cannot be exported (unknown group, document not available…).

    ``str(error)`` is one line, Chinese then English."""


NO_GROUPS = ("方案中还没有分组", "the plan has no groups yet")


def nothing_to_export(reason_zh: str, reason_en: str) -> ExportError:
    """The error for an export that would be empty (a new plan: no groups, lodging or
    sessions yet): a blank file, or none at all (openpyxl refuses a workbook without
    sheets), would leave the organiser guessing."""
    return ExportError(f"没有可导出的内容：{reason_zh} / nothing to export: {reason_en}")


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"目录不存在 / folder does not exist: {folder}")
    if path.is_dir():
        raise ExportError(f"输出路径是目录 / the output is a folder: {path}")
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
    return path
