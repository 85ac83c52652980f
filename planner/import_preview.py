"""Writing what an import previewed, as the import commands do (roster, indicators,
reflections, measures): the report first; nothing written while parts are bad unless
the organiser said to skip them; nothing at all on a dry run; else one edit."""

from __future__ import annotations

import sys


def write_previewed(plan_file, preview, *, dry_run: bool, skip_bad: bool, refused: str) -> bool:
    """Print ``preview``'s report and write its edit to ``plan_file`` as allowed. False
    (``refused``, the reason, said on stderr) when bad parts stop it; True otherwise."""
    print(preview.report())
    if preview.bad and not skip_bad:
        print(refused, file=sys.stderr)
        return False
    if dry_run:
        print("试运行，未写入 / dry run: nothing written")
        return True
    edit = preview.edit(skip_bad=True)
    if edit.edits:
        plan_file.apply(edit)
    return True
