"""Background work runs at a lower CPU priority than the user's."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from viewer.background import NICENESS, lower_thread_priority


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads have priorities of their own only on Linux")
def test_a_background_thread_is_lowered_alone() -> None:
    seen: dict[str, int] = {}

    def work() -> None:
        lower_thread_priority()
        seen["thread"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen["thread"] == max(before, NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before  # this thread is as it was
