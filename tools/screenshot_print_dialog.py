"""Take the screenshots of the 打印与导出 dialog (its live preview beside the choices)
kept in docs/screenshots/.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_print_dialog.py \\
        --language zh --document booklet --out docs/screenshots/print-dialog-1366-zh.png

Opens the dialog on the bundled sample plan with a private HOME, sized as it sizes
itself on the screen it opens on, waits until the preview shows the chosen document,
and saves the dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--document", default="booklet")
    parser.add_argument("--participant", type=int, help="the participant shown (document participant)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="planner-shot-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from planner.store import PlanFile
    from ui.app import configure_app, prepare_qt, sample_path
    from ui.i18n import install_translator

    prepare_qt()
    app = QApplication([sys.argv[0]])
    configure_app(app)
    install_translator(app, args.language)
    from ui.printing.dialog import PrintDialog

    with PlanFile.open(sample_path(), readonly=True) as plan_file:
        plan = plan_file.load()
    dialog = PrintDialog(plan)
    dialog.document.setCurrentIndex(dialog.document.findData(args.document))
    if args.participant is not None:
        dialog.participant.setCurrentIndex(dialog.participant.findData(args.participant))
    dialog.show()

    def shoot() -> None:
        if dialog.status.text() in ("", dialog.tr("正在生成预览…")) and dialog.preview_stack.currentIndex() == 0:
            QTimer.singleShot(200, shoot)  # the preview is still being made
            return
        QTimer.singleShot(500, lambda: (dialog.grab().save(args.out), print(args.out), dialog.done(0), app.quit()))

    QTimer.singleShot(500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
