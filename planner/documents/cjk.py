"""Chinese line breaking for printed documents: where a line may end.

Chromium breaks Chinese text between any two characters (with ``line-break: strict``
keeping closing punctuation off the start of a line). That is right for prose and
most table cells, but not for:

- titles, which must not break inside a word (高质 / 量发展): ``phrases`` marks the
  phrase boundaries BudouX finds with ``<wbr>`` inside a ``word-break: keep-all`` span,
  so a title breaks only there (or at punctuation);
- a short bracketed note (（示意）, （待定）): ``keep_brackets`` keeps it on one line, so no
  line holds only 意）;
- a route (余杭区 → 义乌市 → 江阴市): ``route`` keeps each place whole and each arrow
  with the place it points to, so a line never ends on an arrow nor splits a name;
  any other text with arrows (a journey: 高铁 长沙南站 → 杭州西站) has ``keep_arrows``.

Each returns escaped Markup with ``class="kw"`` spans (print.css: keep-all, and
``overflow-wrap: anywhere`` still breaks what cannot fit a line at all).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

ARROW = " → "
SHORT_BRACKETS = 10  # characters inside: a longer bracketed text may break like any other
_BRACKETS = re.compile(r"[（(][^（）()<>]{1,%d}[）)]" % SHORT_BRACKETS)


@lru_cache(maxsize=1)
def _parser():
    import budoux

    return budoux.load_default_simplified_chinese_parser()


def keep_brackets(escaped: str) -> str:
    """``escaped`` (HTML text) with each short bracketed note in a keep-all span."""
    return _BRACKETS.sub(lambda m: f'<span class="kw">{m.group()}</span>', escaped)


def keep_arrows(escaped: str) -> str:
    """``escaped`` with each ' → ' held to the name after it (a no-break space): a line
    of any route-like text ('高铁 长沙南站 → 杭州西站') breaks before an arrow, never after."""
    return escaped.replace(ARROW, " →\u00a0")


def phrases(text, escape=escape) -> Markup:
    """A title or heading that breaks only between phrases (and at punctuation).
    ``escape``: how each piece is escaped (the templates pass ``html.breakable``, which
    also gives a very long run its break opportunities)."""
    if isinstance(text, Markup) or not isinstance(text, str):
        return text
    parts = _parser().parse(text) if text else []
    return Markup(f'<span class="kw">{"<wbr>".join(str(escape(p)) for p in parts)}</span>')


def route(text, escape=escape) -> Markup:
    """'A → B → C' with each place kept whole and each arrow held to the place after it."""
    if isinstance(text, Markup) or not isinstance(text, str):
        return text
    stops = [str(escape(stop)) for stop in text.split(ARROW)]
    units = [f'<span class="kw">{stops[0]}</span>'] + [f'<span class="kw">→\u00a0{s}</span>' for s in stops[1:]]
    return Markup(" ".join(units))
