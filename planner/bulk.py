"""Bulk work with Python's cyclic garbage collector paused.

Reading and writing a 10,000-row roster allocates some million objects that all stay
alive; each full pass of the collector walks the whole heap (the app's plan, its
timeline, Qt's wrappers) and frees nothing, and those passes cost a third of the
import. Reference counting still frees what is dropped; the collector resumes after.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
