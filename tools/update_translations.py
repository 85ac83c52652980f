"""Refresh the English translation of the interface: ``resources/translations/planner_en.ts``
(for Qt Linguist) and the compiled ``planner_en.qm`` the app loads.

1. ``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` text of ``ui/`` (keeping
   the translations already made, dropping texts that are gone);
2. the field titles and choice labels declared in ``ui/columns.py`` carry their English
   beside the Chinese: they go into the "fields" context, so they are never translated
   twice;
3. ``pyside6-lrelease`` compiles the ``.qm``; it reports how many texts lack English.

Run after changing interface texts:  .venv/bin/python tools/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TS = ROOT / "resources" / "translations" / "planner_en.ts"
BIN = Path(sys.executable).parent


def declared_field_texts() -> dict[str, str]:
    from ui import columns

    pairs: dict[str, str] = {}
    for fields in columns.FIELDS.values():
        for field in fields:
            pairs.setdefault(field.zh, field.en)
            if field.none_text:
                pairs.setdefault(field.none_text, field.none_en)
    for labels in columns.ENUM_LABELS.values():
        for zh, en in labels.values():
            if zh:
                pairs.setdefault(zh, en)
    for zh, en in columns.KIND_NAMES.values():
        pairs.setdefault(zh, en)
    return pairs


def add_field_context(tree: ET.ElementTree) -> int:
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == "fields"), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = "fields"
    present = {m.findtext("source"): m for m in context.findall("message")}
    added = 0
    for zh, en in declared_field_texts().items():
        message = present.get(zh)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = zh
            ET.SubElement(message, "translation")
            added += 1
        translation = message.find("translation")
        translation.text = en
        translation.attrib.pop("type", None)
    return added


def write_ts(tree: ET.ElementTree) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-source-language", "zh_CN",
                    "-target-language", "en", "-no-obsolete", "-ts", str(TS.relative_to(ROOT))],
                   cwd=ROOT, check=True)
    tree = ET.parse(TS)
    added = add_field_context(tree)
    write_ts(tree)
    print(f"fields: {added} new declared texts")
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
