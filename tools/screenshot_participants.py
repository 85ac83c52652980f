"""Take the participant screenshots kept in docs/screenshots/: the roster import dialog
with its bad rows, the groups pane after an automatic assignment, and the first pages
of the printed rooming and bus lists.

    .venv/bin/python tools/screenshot_participants.py [--out docs/screenshots]

Widgets are grabbed offscreen (no map is shown); the printed pages come from the
export command's PDF, rasterised with ``pdftoppm`` when it is installed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="planner-people-"))
    os.environ["HOME"] = str(folder)

    from bench.roster_synthetic import people, spoil, write, xlsx_bytes
    from planner.sample import sample_plan
    from planner.roster.assign import assign_groups
    from planner.roster.importer import preview_roster
    from planner.store import PlanFile
    from ui.environment import configure_app, prepare_qt

    prepare_qt()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    configure_app(app)
    from ui.document import PlanDocument
    from ui.participants.groups_view import ParticipantGroupsView
    from ui.participants.import_dialog import RosterImportDialog

    rows = people(random.Random(2025), 150)
    spoil(rows)
    roster = write(folder / "学员名单.xlsx", xlsx_bytes(rows))
    plan_path = folder / "sample.stplan"
    plan = sample_plan()
    PlanFile.create(plan_path, plan.with_items("participants", [])).close()

    document = PlanDocument(PlanFile.open(plan_path))
    dialog = RosterImportDialog(document.plan, str(roster))
    dialog.resize(1100, 700)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "roster-import.png"))
    dialog.skip_bad.setChecked(True)
    edit = dialog.edit()
    document.edit(edit, edit.label)
    result = assign_groups(document.plan, "apart")
    document.edit(result.edit(document.plan), "自动分组")
    view = ParticipantGroupsView(document)
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    view.grab().save(str(out / "roster-groups.png"))
    document.close()

    # A delegation the sample's seats can take, for the printed lists.
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        preview = preview_roster(plan, roster)
        assert preview.count("new") == 0
    for document_name in ("rooming", "bus"):
        pdf = folder / f"{document_name}.pdf"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(plan_path), "--format", "pdf",
                        "--document", document_name, "--group", "1", "--out", str(pdf)], check=True)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(out / f"print-{document_name}")], check=True)
    print(f"saved in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
