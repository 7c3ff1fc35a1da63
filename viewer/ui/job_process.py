"""A background job run in a process of its own, so that it never holds the GUI's interpreter.

A job run on a thread shares the interpreter lock with the GUI thread: whenever it spends long
in C without letting go (the garbage collector walking a large import's objects, a long regular
expression over a big text) the window stops answering. ``in_own_process(work)`` gives the
same job (``work(context)``) that runs in a new process instead: the thread that runs the
returned callable only waits, relays the progress the process reports, passes a cancel on, and
returns the process's result or raises its exception. ``work`` and its result must pickle (a
``functools.partial`` of a module-level function with plain arguments does).
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
from collections.abc import Callable
from functools import partial
from multiprocessing.synchronize import Event
from typing import Any, TypeVar

from viewer.background import lower_process_priority
from viewer.ui.tasks import ProgressThinner, TaskContext

T = TypeVar("T")
_POLL_S = 0.1
_EXIT_WAIT_S = 30


def in_own_process(work: Callable[[Any], T]) -> Callable[[TaskContext], T]:
    return partial(_run, work)


def _run(work: Callable[[Any], T], context: TaskContext) -> T:
    spawn = multiprocessing.get_context("spawn")  # never fork a process with Qt's threads in it
    messages = spawn.Queue()
    stop = spawn.Event()
    process = spawn.Process(target=_child, args=(work, messages, stop), name="letopis-job")
    process.start()
    try:
        while True:
            if context.cancelled():
                stop.set()
            alive = process.is_alive()  # before looking: what it sent before it ended is in the pipe
            try:
                kind, payload = messages.get(timeout=_POLL_S)
            except queue.Empty:
                if alive:
                    continue
                stopped = f"the background process stopped unexpectedly (exit code {process.exitcode})"
                raise RuntimeError(stopped) from None
            if kind == "progress":
                context.progress(*payload)
            elif kind == "failed":
                raise payload
            else:
                return payload
    finally:
        process.join(_EXIT_WAIT_S)
        if process.is_alive():
            process.terminate()
            process.join()
        messages.close()


class _ChildContext:
    """The job's context inside the process: progress (thinned) goes to the parent through the
    queue, and the parent's cancel arrives through the event."""

    def __init__(self, messages: multiprocessing.Queue, stop: Event) -> None:
        self._messages = messages
        self._stop = stop
        self._thinner = ProgressThinner()

    def progress(self, done: int, total: int | None, note: str = "") -> None:
        if self._thinner.due(done, total, note):
            self._messages.put(("progress", (done, total, note)))

    def cancelled(self) -> bool:
        return self._stop.is_set()


def _child(work: Callable[[Any], Any], messages: multiprocessing.Queue, stop: Event) -> None:
    lower_process_priority()
    try:
        result = work(_ChildContext(messages, stop))
    except BaseException as error:  # handed to the parent, which raises it on its thread
        messages.put(("failed", _picklable(error)))
    else:
        messages.put(("done", result))
    messages.close()
    messages.join_thread()  # everything is in the pipe before the process ends


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
