"""Run solver work in a separate process, with progress and Cancel across the boundary.

OR-Tools keeps Python's GIL for the whole of a routing search, so a search on a thread
of the app's own process freezes the window for seconds at a time (measured: UI-thread
gaps of 1.5 s during a 9 s optimisation). In another process the window stays
responsive. Reports come back over a pipe; Cancel goes over through a shared Event, and
the child still returns the best result found so far when the work supports that.

"spawn" starts a fresh interpreter (forking a process that runs Qt's threads is unsafe);
it costs about 0.2 s. ``main.py`` calls ``multiprocessing.freeze_support`` so that the
bundled app can start these children too.
"""

from __future__ import annotations

import multiprocessing
import time
from typing import Callable

from planner.progress import Cancelled, Progress

_CONTEXT = multiprocessing.get_context("spawn")
REPORT_EVERY = 0.05  # seconds between progress reports sent over the pipe
POLL = 0.05  # seconds the parent waits for a message before looking at Cancel again


class WorkFailed(Exception):
    """The work raised an error (its message is kept) or its process died."""


def _child(connection, cancel_flag, function: Callable, args: tuple, kwargs: dict) -> None:
    last = [0.0]

    def send_report(fraction: float, text: str) -> None:
        now = time.monotonic()
        if now - last[0] >= REPORT_EVERY or fraction >= 1.0:  # the solver reports thousands a second
            last[0] = now
            connection.send(("progress", fraction, text))

    progress = Progress(send_report, cancel_flag)
    try:
        result = function(*args, progress=progress, **kwargs)
    except Cancelled:
        connection.send(("cancelled",))
    except Exception as error:  # its message goes to the user; the child's traceback does not
        connection.send(("failed", str(error) or type(error).__name__))
    else:
        connection.send(("result", result))
    finally:
        connection.close()


def run_separately(function: Callable, *args, progress: Progress | None = None, **kwargs):
    """``function(*args, progress=…, **kwargs)`` computed in a child process.

    ``function`` must be importable by name (module level) and its arguments and result
    picklable. Reports reach ``progress``; cancelling ``progress`` cancels the child.
    Raises ``Cancelled`` if the work was cancelled without a result, ``WorkFailed`` if it
    raised or its process ended without answering."""
    receiving, sending = _CONTEXT.Pipe(duplex=False)
    cancel_flag = _CONTEXT.Event()
    process = _CONTEXT.Process(target=_child, args=(sending, cancel_flag, function, args, kwargs), daemon=True)
    process.start()
    sending.close()  # the child holds the only sending end: its exit means end of file here
    try:
        while True:
            if progress is not None and progress.cancelled:
                cancel_flag.set()
            if not receiving.poll(POLL):
                continue
            try:
                message = receiving.recv()
            except EOFError:
                process.join(1)
                raise WorkFailed(f"计算进程意外退出（代码 {process.exitcode}） / "
                                 f"the worker process ended unexpectedly (code {process.exitcode})") from None
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress.show(message[1], message[2])
            elif kind == "result":
                return message[1]
            elif kind == "cancelled":
                raise Cancelled()
            else:
                raise WorkFailed(message[1])
    finally:
        receiving.close()
        process.join(2)
        if process.is_alive():
            process.terminate()
            process.join(2)
