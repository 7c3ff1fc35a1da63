"""A work-around for a PySide6 bug, applied when ``viewer.ui`` is imported.

PySide6 6.12.0 on Python 3.11 returns ``None`` from every void C++ function without
taking a reference to it, and ``SignalInstance.emit()`` returns ``True`` the same way.
Each such call takes one reference from ``None`` (or ``True``); after some hundred
thousand calls, a few minutes of use, the count reaches zero and the interpreter aborts
("Fatal Python error: none_dealloc: deallocating None"). Python 3.12 made these objects
immortal (PEP 683) and is not affected.

The fix does what Python 3.12 does: it raises the reference counts of ``None``, ``True``
and ``False`` so far that no session can bring them down to zero. These objects are never
freed anyway; only the interpreter's check of their count is kept from firing. It is
applied only where a probe shows the leak, so a fixed PySide6 is left alone. The real
cure is a PySide6 without the bug (or Python 3.12 or later).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

_PROBES = 64
_MARGIN = 1 << 40  # a trillion calls


def void_calls_leak() -> bool:
    """Whether calling a void PySide6 function takes a reference from None."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


def install() -> bool:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not void_calls_leak():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _MARGIN
    return True


INSTALLED = install()
