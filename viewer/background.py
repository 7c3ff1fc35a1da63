"""Work that runs beside the user's at a lower CPU priority.

Imports, entity extraction and grouping keep every core busy for minutes. Run at normal
priority they compete with the desktop app's own thread (and the rest of the desktop) for
the CPU; at a lower one they take what is left, which on an idle machine is everything.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

NICENESS = 10


def lower_process_priority() -> None:
    """For a worker process: lower the priority of the process (of its main thread on Linux,
    which the threads it starts inherit). Called first thing in the worker."""
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):  # not allowed here: run as we are
            os.setpriority(os.PRIO_PROCESS, 0, NICENESS)


def lower_thread_priority() -> None:
    """For a background thread of an interactive process: lower this thread alone. Only Linux
    gives threads priorities of their own; elsewhere the thread runs as it is."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
