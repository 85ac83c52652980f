"""Work around a reference-counting bug of PySide6 6.12.0 on Python 3.11.

Every PySide6 method that returns nothing (``QPainterPath.lineTo``,
``QObject.setObjectName``, ``QPointF.setX`` …) hands back ``None`` without taking a
reference to it — harmless on Python ≥ 3.12, where ``None`` is immortal (PEP 683),
but on 3.11 each call takes one reference off ``None``, and after a few thousand calls
the interpreter aborts with "Fatal Python error: none_dealloc: deallocating None".
Drawing one route map makes tens of thousands of such calls.

``pin_none()`` gives ``None`` a huge reference count, which is what Python 3.12 does
for immortal objects; ``None`` is never freed anyway. It does nothing on 3.12 and
later. The real fix is to run on Python ≥ 3.12 (or a PySide6 built for 3.11).
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = False


def pin_none() -> None:
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every object in a release build of CPython.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _PINNED = True
