"""Fill missing English in planner_en.ts from a Python file defining ``EN = {chinese: english}`` (or ``{"Context|chinese": english}``)
(for translating many texts at once without Qt Linguist), then recompile with
tools/update_translations.py.   Usage: .venv/bin/python tools/fill_translations.py EN.py
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET

from update_translations import TS, write_ts


def main(path: str) -> int:
    english: dict[str, str] = runpy.run_path(path)["EN"]
    tree = ET.parse(TS)
    filled = missing = 0
    for context in tree.getroot().iter("context"):
        filled, missing = fill(context, english, filled, missing)
    write_ts(tree)
    print(f"filled {filled}, still missing {missing}")
    return 0


def fill(context: ET.Element, english: dict[str, str], filled: int, missing: int) -> tuple[int, int]:
    """A key "Context|text" translates the text in that context only."""
    name = context.findtext("name")
    for message in context.iter("message"):
        translation = message.find("translation")
        if translation.text and translation.get("type") != "unfinished":
            continue  # done (lupdate guesses from other contexts are "unfinished")
        source = message.findtext("source")
        text = english.get(f"{name}|{source}", english.get(source))
        if text is not None:
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
        else:
            missing += 1
            print("no English for:", name, source)
    return filled, missing


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
