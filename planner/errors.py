"""The one shape of a problem told to the user: Chinese first, then English."""

from __future__ import annotations


class BilingualError(Exception):
    """``str(error)`` is "中文 / English"; both halves are kept for dialogs that show them apart."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en
