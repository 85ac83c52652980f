"""The error a roster file or its use raises, said in Chinese and English."""

from __future__ import annotations

from planner.errors import BilingualError


class RosterError(BilingualError):
    """A roster that cannot be read or used, said in Chinese and English."""
