"""Write the map page skeleton that folium generates to resources/web/map-page.html.

The page holds no plan data (ui/map/page.py), so it is the same on every run: the app
ships it instead of importing folium (half a second) at each start. Run after changing
ui/map/page.py; tests/test_map.py fails while the shipped page is stale.

    .venv/bin/python tools/build_map_page.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.map.page import SHIPPED_PAGE, page_html  # noqa: E402

if __name__ == "__main__":
    SHIPPED_PAGE.write_text(page_html(), encoding="utf-8")
    print(f"wrote {SHIPPED_PAGE.relative_to(ROOT)}")
