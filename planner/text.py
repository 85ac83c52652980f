"""Text from outside (rosters, imported plans, pasted names) made safe to keep and print.

Control characters (a stray backspace from a copied cell, a NUL from a broken export)
are invisible on screen but cannot go into XML: Excel, Word, KML and GPX files refuse
them. Tabs become spaces; line breaks stay where a text may have several lines.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]|[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n?|\n")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """``text`` without control characters or lone surrogates; tabs and (unless
    ``multiline``) line breaks become single spaces."""
    text = _CONTROL.sub("", text.replace("\t", " "))
    if multiline:
        return _LINE_BREAKS.sub("\n", text)
    return _LINE_BREAKS.sub(" ", text)
