"""An exclusive, advisory lock that tells a second writer a plan file is in use.

The lock is taken on the plan file itself (flock on POSIX), so it leaves no stray
lock file behind and the operating system drops it when the process dies, SIGKILL
included. flock locks do not interfere with SQLite's own fcntl byte-range locks.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


class FileInUse(Exception):
    pass


class FileLock:
    def __init__(self, path: Path):
        self._fd: int | None = os.open(path, os.O_RDONLY if fcntl else os.O_RDWR)
        try:
            if fcntl:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # lock a byte far beyond the data so SQLite's own I/O is unaffected
                os.lseek(self._fd, 2**40, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            os.close(self._fd)
            self._fd = None
            raise FileInUse(str(path)) from error

    def release(self) -> None:
        # Close only after SQLite has closed its connection: closing any descriptor
        # of a file drops the process's fcntl locks on it.
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
