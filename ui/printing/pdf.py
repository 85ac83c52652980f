"""PDF documents of a plan: the sections from planner.documents.html, printed by
QtWebEngine, with route map pages when ``ui.map.snapshot`` is available."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile

from planner.documents import Documents
from planner.documents.html import MapImage, render_html, sections, document_title
from planner.documents.material import NUMBERED_CONTENTS

MAP_SIZE = (1600, 1000)  # pixels of a route map page image (landscape, ~16:10)


def prepare_headless() -> None:
    """Environment for printing without a window (the command line): offscreen Qt and,
    as root, Chromium without its sandbox. Call before Qt is imported."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    wanted = ["--disable-gpu", "--log-level=3"]  # printing needs no GPU; no Chromium chatter
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        wanted.append("--no-sandbox")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags + [f for f in wanted if f not in flags])
    rules = os.environ.get("QT_LOGGING_RULES", "")
    quiet = "qt.webenginecontext=false;qt.rhi.*=false;qt.qpa.*=false;qt.vulkan=false"
    if quiet not in rules:
        os.environ["QT_LOGGING_RULES"] = ";".join(filter(None, [rules, quiet]))


@contextlib.contextmanager
def quiet_stderr():
    """Send what Qt and Chromium write to the process's stderr (GPU probing, D-Bus…)
    elsewhere while a headless command prints, so its own messages stay the only ones."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def ensure_app():
    """The running QApplication, or a new one (for the command line and the bench)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from ui.environment import prepare_qt

        prepare_qt()
        app = QApplication([sys.argv[0] if sys.argv else "planner"])
    return app


def route_map_pages(plan, files: dict[str, bytes], problems: list[str] | None = None):
    """A map source for the booklet: each group's route map (and the whole programme's)
    from ``ui.map.snapshot.route_map_png``, written into ``files``. None while that
    module does not exist — the booklet then has no map pages (never a fake map)."""
    try:
        from ui.map.snapshot import route_map_png
    except ImportError:
        return None

    def map_for(group_id: int | None) -> MapImage | None:
        try:
            png = route_map_png(plan, group_id, *MAP_SIZE)
        except Exception as error:  # a map that cannot be drawn leaves its page out, said aloud
            if problems is not None:
                problems.append(f"线路图未生成 / route map left out ({group_id or 'all'}): {error}")
            return None
        if not png:
            return None
        name = f"map-{'all' if group_id is None else group_id}.png"
        files[name] = png
        if group_id is None:
            routes = "；".join(f"{g.name}：{' → '.join(p.name for p in plan.route_places(g.id))}"
                              for g in plan.ordered_groups())
            return MapImage(name, "线路示意图（全体）", routes)
        group = plan.group(group_id)
        return MapImage(name, f"{group.name}线路示意图",
                        " → ".join(p.name for p in plan.route_places(group_id)))

    return map_for


def document_html(docs: Documents, document: str, group_id: int | None = None,
                  participant_id: int | None = None, with_maps: bool = True,
                  problems: list[str] | None = None, mask: bool | None = None) -> tuple[str, dict[str, bytes]]:
    """The page of a document and the files (map images) it refers to; what could not
    be drawn is added to ``problems``. ``mask``: phones masked (None: the document's
    default). A document with nothing to print raises ExportError."""
    files: dict[str, bytes] = {}
    map_for = route_map_pages(docs.plan, files, problems) if with_maps else None
    found = sections(docs, document, group_id, participant_id, map_for, mask)
    return render_html(docs, found, document_title(docs, document)), files


def pdf_bytes(docs: Documents, document: str, group_id: int | None = None,
              participant_id: int | None = None, renderer=None, problems: list[str] | None = None,
              timeout_ms: int | None = None, mask: bool | None = None) -> bytes:
    """The PDF of a document. Needs a QApplication (see ``ensure_app``). Printing that
    does not finish in time (``render.TIMEOUT_MS``) raises ``PrintTimedOut`` naming the
    plan's longest texts, the usual cause, instead of a bare time-out."""
    from ui.printing.render import TIMEOUT_MS, PdfRenderer, PrintTimedOut

    html, files = document_html(docs, document, group_id, participant_id, problems=problems, mask=mask)
    own = renderer is None
    renderer = renderer or PdfRenderer()
    try:
        data = renderer.render(html, files, timeout_ms or TIMEOUT_MS)
        if document in NUMBERED_CONTENTS:  # its contents page needs the printed page numbers
            from ui.printing.contents import with_page_numbers

            found = sections(docs, document, group_id, participant_id, mask=mask)
            data = with_page_numbers(docs, found, data, renderer, files, document, problems)
        return data
    except PrintTimedOut as error:
        raise PrintTimedOut(timed_out_message(docs.plan, error.seconds), error.seconds) from None
    finally:
        if own:
            renderer.close()


LONG_TEXT = 200  # characters: a text this long is named when printing times out


def longest_texts(plan, count: int = 3) -> list[tuple[str, int | None, str, int]]:
    """(kind, id, field, characters) of the plan's ``count`` longest texts of at least
    LONG_TEXT characters, longest first (kind "programme" has no id)."""
    from planner.model import ITEM_TYPES
    from planner.records import item_fields

    found = []
    for kind in ("programme", *ITEM_TYPES):
        for item in (plan.programme,) if kind == "programme" else plan.items(kind):
            for f in item_fields(type(item)):
                value = getattr(item, f.name)
                length = len(value) if isinstance(value, str) else (
                    sum(len(v) for v in value if isinstance(v, str)) if isinstance(value, tuple) else 0)
                if length >= LONG_TEXT:
                    found.append((kind, getattr(item, "id", None), f.name, length))
    return sorted(found, key=lambda entry: -entry[3])[:count]


def timed_out_message(plan, seconds: float) -> str:
    """What the print watchdog says: which texts are too long to lay out, when any is."""
    from ui.columns import FIELDS, KIND_NAMES

    head_zh = f"打印超时（{seconds:g} 秒），未生成 PDF"
    head_en = f"printing timed out after {seconds:g} s: no PDF was made"
    longest = longest_texts(plan)
    if not longest:
        return f"{head_zh}；文档过长，请分组打印 / {head_en}; the document is too long: print one group at a time"
    names_zh, names_en = [], []
    for kind, item_id, name, length in longest:
        kind_zh, kind_en = KIND_NAMES.get(kind, ("培训班", "programme"))
        field = next((f for f in FIELDS.get(kind, ()) if f.name == name), None)
        field_zh, field_en = (field.zh, field.en.lower()) if field else (name, name)
        number = f" #{item_id}" if item_id is not None else ""
        names_zh.append(f"{kind_zh}{number}的「{field_zh}」（{length:,} 个字符）")
        names_en.append(f"{kind_en}{number} {field_en} ({length:,} characters)")
    return (f"{head_zh}：文字过长——{'；'.join(names_zh)}。请缩短后再打印 / "
            f"{head_en}: text too long to lay out — {'; '.join(names_en)}. Shorten it and print again")
