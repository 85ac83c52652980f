"""Read-only access to an organiser's MBTiles file (raster map tiles in one SQLite file,
rows in TMS order). The map pane serves its tiles to Leaflet; this module only reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class MBTilesError(Exception):
    """A file that is not a readable MBTiles file, with the reason in both languages."""

    def __init__(self, path: Path, zh: str, en: str):
        super().__init__(f"无法读取瓦片文件 {path}：{zh} / cannot read the tile file {path}: {en}")
        self.message_zh, self.message_en = zh, en


class MBTiles:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            # check_same_thread=False: Chromium asks for tiles from its IO thread.
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            rows = self._db.execute("SELECT name, value FROM metadata").fetchall()
        except sqlite3.Error as error:
            raise MBTilesError(self.path, f"不是 MBTiles 文件（{error}）", f"not an MBTiles file ({error})") from None
        self.metadata = {str(k): str(v) for k, v in rows}
        self.format = self.metadata.get("format", "png").lower()
        self.min_zoom = int(self.metadata.get("minzoom", 0) or 0)
        self.max_zoom = int(self.metadata.get("maxzoom", 18) or 18)
        self.attribution = self.metadata.get("attribution", "")

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ coordinates (MBTiles stores rows bottom-up), or None."""
        y_tms = (1 << z) - 1 - y
        row = self._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?", (z, x, y_tms)
        ).fetchone()
        return bytes(row[0]) if row else None

    def close(self) -> None:
        self._db.close()
