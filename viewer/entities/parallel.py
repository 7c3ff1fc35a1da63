"""Entity extraction over many texts on all cores.

Worker processes are started with ``spawn``, not ``fork``: the caller may be a Qt
application with threads, and forking a threaded process can deadlock. Each worker
loads the models once (about a second) and takes texts in small batches, so the
tagger still batches sentences across texts. At most a few batches per worker are
in flight, so an archive can be streamed through without being held in memory,
and results come back in input order.

Each worker runs its numerical library single-threaded: the processes are the
parallelism, and several threads per process on the same cores only contend.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from multiprocessing import get_context

from viewer.background import lower_process_priority
from viewer.entities.extract import EntityExtractor, Mention

Progress = Callable[[int, int | None, str], None]
Cancel = Callable[[], bool]

_TEXTS_PER_TASK = 16
_TASKS_PER_WORKER = 3
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

# The worker process's extractor: a per-process cache, created by the initializer.
_WORKER: dict[str, EntityExtractor] = {}


def extract_in_parallel(
    texts: Iterable[tuple[str, str]],
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Iterator[tuple[str, list[Mention]]]:
    """(id, text) pairs in, (id, mentions) out in the same order, on ``workers`` processes.

    ``workers`` defaults to the number of usable cores; with one worker the work is
    done in this process. ``progress(done, total, note)`` is called after each
    batch (``total`` is None when ``texts`` has no length); when ``cancel()``
    returns true the workers are stopped and the iteration ends.
    """
    total = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
    if total == 0:
        return
    count = workers or _usable_cores()
    batches = _batches(texts)
    if count <= 1:
        yield from _in_process(batches, total, progress, cancel)
        return
    if total is not None:  # no more processes than there are batches to give them
        count = max(1, min(count, -(-total // _TEXTS_PER_TASK)))
    with _single_threaded_numerics():
        executor = ProcessPoolExecutor(count, mp_context=get_context("spawn"), initializer=_start_worker)
        # Processes are started on demand: ask for all of them while the
        # environment is set.
        for ready in [executor.submit(_ready) for _ in range(count)]:
            ready.result()
    done = 0
    pending: deque[Future] = deque()
    try:
        for batch in batches:
            pending.append(executor.submit(_work, batch))
            while len(pending) >= count * _TASKS_PER_WORKER:
                done = yield from _collect(pending.popleft(), done, total, progress)
                if cancel is not None and cancel():
                    return
        while pending:
            done = yield from _collect(pending.popleft(), done, total, progress)
            if cancel is not None and cancel():
                return
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _collect(
    future: Future, done: int, total: int | None, progress: Progress | None
) -> Iterator[tuple[str, list[Mention]]]:
    results = future.result()
    yield from results
    done += len(results)
    if progress is not None:
        progress(done, total, "named entities")
    return done


def _in_process(
    batches: Iterator[list[tuple[str, str]]],
    total: int | None,
    progress: Progress | None,
    cancel: Cancel | None,
) -> Iterator[tuple[str, list[Mention]]]:
    extractor = EntityExtractor()
    done = 0
    for batch in batches:
        if cancel is not None and cancel():
            return
        mentions = extractor.extract_many(text for _, text in batch)
        for (identifier, _), found in zip(batch, mentions, strict=True):
            yield identifier, found
        done += len(batch)
        if progress is not None:
            progress(done, total, "named entities")


def _batches(texts: Iterable[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    iterator = iter(texts)
    while batch := list(islice(iterator, _TEXTS_PER_TASK)):
        yield batch


def _ready() -> None:
    """A task that only makes sure a worker process exists."""


def _start_worker() -> None:
    lower_process_priority()
    _WORKER["extractor"] = EntityExtractor()


def _work(batch: list[tuple[str, str]]) -> list[tuple[str, list[Mention]]]:
    extractor = _WORKER.get("extractor")
    if extractor is None:
        extractor = _WORKER["extractor"] = EntityExtractor()
    found = extractor.extract_many(text for _, text in batch)
    return [(identifier, mentions) for (identifier, _), mentions in zip(batch, found, strict=True)]


def _usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def _single_threaded_numerics() -> Iterator[None]:
    """Workers read these when they import numpy; set them only while spawning."""
    saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
    for name in _THREAD_VARIABLES:
        os.environ[name] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
