"""The app icon: ``resources/appicon/study-tour-planner.svg`` and PNGs rendered from it.

``python -m build_bundle.icons`` renders the PNGs again after the SVG changes (needs Qt);
the build only reads them (the .deb installs them, Windows gets an .ico made here).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from build_bundle import APP_ID, ROOT

ICON_DIR = ROOT / "resources" / "appicon"
SVG = ICON_DIR / f"{APP_ID}.svg"
SIZES = (16, 32, 48, 256)


def png(size: int) -> Path:
    return ICON_DIR / f"{APP_ID}-{size}.png"


def write_ico(out: Path) -> Path:
    """An .ico holding the PNGs as they are (PNG-in-ICO, read by Windows Vista and later)."""
    images = [(size, png(size).read_bytes()) for size in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(header + entries + blobs)
    return out


def windows_icon() -> str:
    return str(write_ico(ROOT / "build" / "bundle" / f"{APP_ID}.ico"))


def render_pngs() -> None:
    """Render the SVG to the PNG sizes (Qt, offscreen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(png(size)))
        print(png(size).relative_to(ROOT))


if __name__ == "__main__":
    render_pngs()
