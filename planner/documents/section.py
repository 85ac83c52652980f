"""One printed section of a document: what it shows and the page it is set on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    kind: str  # overview, group, roster, contacts, participant, map
    page: str  # gb, landscape, portrait
    data: Any
