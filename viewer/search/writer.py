"""Writing to the whoosh index: one writer at a time, lemmatisation spread over all cores.

Whoosh's own multi-process writer pickles finished documents from the parent to the
workers, so the parent does the analysis. Here the parent sends catalog rows and each
worker process lemmatises and writes a segment of its own; the parent, which holds the
index lock, adds those segments and its deletions to the index in one atomic commit.
A process killed half-way leaves the previous commit intact; whoosh removes the orphan
segment files at the next commit, and the lock is an OS lock that dies with its process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.writing import SegmentWriter

from viewer.search.fields import Tokens
from viewer.search.schema import build_schema, index_document
from viewer.search.segment_postings import FieldLengths, TermPostings

# Posting lists a writer keeps in memory before it sorts them into a run file (sorting takes
# about as much again for a moment).
WRITER_MEMORY_MB = 128
_BATCH = 64


class IndexBusyError(RuntimeError):
    """Another process is writing to this index."""


def open_or_create(folder: Path) -> index.Index:
    folder.mkdir(parents=True, exist_ok=True)
    storage = FileStorage(str(folder))
    if index.exists_in(str(folder)):
        return storage.open_index()
    return storage.create_index(build_schema())


def recreate(folder: Path) -> index.Index:
    """An empty index in ``folder``, replacing whatever was there."""
    folder.mkdir(parents=True, exist_ok=True)
    return FileStorage(str(folder)).create_index(build_schema())


def worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _next_job(jobs: Any) -> Any:
    """The next batch; leaves (by raising) when the parent process has died."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            return jobs.get(timeout=2)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                raise SystemExit(1) from None


class _SegmentWriter(SegmentWriter):
    """Whoosh's segment writer with posting lists kept per term (see ``segment_postings``)."""

    def __init__(self, ix: index.Index, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.pool = TermPostings(self._tempstorage.folder, kwargs.get("limitmb", WRITER_MEMORY_MB))
        # Fields with vectors or a spelling dictionary take whoosh's own way in (none do today).
        self._plain = not any(field.vector or field.separate_spelling() for _, field in self.schema.items())

    def add_document(self, **fields: Any) -> None:
        """Whoosh's ``add_document``, with each field's postings handed to the lists at once."""
        if not self._plain:
            super().add_document(**fields)
            return
        self._check_state()
        schema, perdocwriter, docnum = self.schema, self.perdocwriter, self.docnum
        docboost = self._doc_boost(fields)
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        perdocwriter.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, name, docboost)
                    if isinstance(value, Tokens):
                        length = self.pool.add_tokens(name, docnum, value.forms, field.format.field_boost * boost)
                    else:
                        length = self.pool.add_field(name, docnum, field.index(value), boost)
                    if not field.scorable:
                        length = 0
                stored = fields.get(f"_stored_{name}", value)
                perdocwriter.add_field(name, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdocwriter.add_column_value(name, field.column_type, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = FieldLengths(self.per_document_reader())
        try:
            self.pool.write(self.fieldwriter, self.schema, lengths, self.codec)
        finally:
            lengths.close()
        self.fieldwriter.close()


def _segment_worker(storage: FileStorage, jobs: Any, results: Any) -> None:
    """Body of a worker process: index every batch from ``jobs``, then return the segment."""
    # Millions of long-lived posting tuples make the cyclic collector rescan them again and
    # again; this short-lived process creates no cycles worth collecting.
    gc.disable()
    try:
        writer = _SegmentWriter(storage.open_index(), _lk=False, limitmb=WRITER_MEMORY_MB)
        added = False
        while (batch := _next_job(jobs)) is not None:
            for row in batch:
                writer.add_document(**index_document(row))
                added = True
        if added:
            results.put(("segment", writer._finalize_segment()))
        else:
            writer._close_segment()
            results.put(("segment", None))
    except BaseException as error:  # reported to the parent, which raises it there
        results.put(("error", f"{type(error).__name__}: {error}"))


class IndexWriter:
    """Deletes and adds documents; nothing is visible to searches until ``commit``."""

    def __init__(self, ix: index.Index, workers: int = 1) -> None:
        """``workers`` > 1 starts that many indexing processes, worth it for large batches only."""
        try:
            self._writer = _SegmentWriter(ix, limitmb=WRITER_MEMORY_MB)
        except LockError as error:
            raise IndexBusyError("the archive index is being written by another process") from error
        self._storage = ix.storage
        self._parallel = workers > 1
        self._workers: list[multiprocessing.process.BaseProcess] = []
        self._batch: list[Mapping[str, Any]] = []
        self._has_old_documents = ix.doc_count_all() > 0
        if self._parallel:
            # "spawn", so that workers never inherit the index lock's file descriptor.
            context = multiprocessing.get_context("spawn")
            self._jobs = context.Queue(workers * 4)
            self._results = context.Queue()
            for _ in range(workers):
                process = context.Process(
                    target=_segment_worker, args=(self._storage, self._jobs, self._results), daemon=True
                )
                process.start()
                self._workers.append(process)

    def delete(self, article_id: str) -> None:
        if self._has_old_documents:
            self._writer.delete_by_term("id", article_id)

    def add(self, row: Mapping[str, Any]) -> None:
        """Index a catalog row, replacing any document with the same id."""
        self.delete(row["id"])
        if not self._parallel:
            self._writer.add_document(**index_document(row))
            return
        self._batch.append(row)
        if len(self._batch) >= _BATCH:
            self._send_batch()

    def _send_batch(self) -> None:
        while True:
            try:
                self._jobs.put(self._batch, timeout=1)
                break
            except queue.Full:
                self._check_workers()
        self._batch = []

    def _check_workers(self) -> None:
        dead = [p for p in self._workers if p.exitcode not in (None, 0)]
        if dead:
            raise RuntimeError(f"an indexing process stopped unexpectedly (exit code {dead[0].exitcode})")

    def commit(self, wait: Callable[[], None] | None = None) -> None:
        """Make every change visible at once; ``wait`` is called while workers finish."""
        if not self._parallel:
            self._writer.commit()
            return
        if self._batch:
            self._send_batch()
        for _ in self._workers:
            self._jobs.put(None)
        segments = []
        for _ in self._workers:
            while True:
                try:
                    kind, payload = self._results.get(timeout=0.2)
                    break
                except queue.Empty:
                    if wait is not None:
                        wait()
                    self._check_workers()
            if kind == "error":
                self.cancel()
                raise RuntimeError(f"indexing failed: {payload}")
            if payload is not None:
                segments.append(payload)
        for process in self._workers:
            process.join()
        writer = self._writer
        final = writer._merge_segments(None, False, True) + segments
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc(final)
        writer._finish()

    def cancel(self) -> None:
        """Drop everything since the last commit; the index stays as it was."""
        for process in self._workers:
            if process.is_alive():
                process.terminate()
            process.join()
        if self._parallel:
            # Batches still buffered for the stopped workers must not hold up this process's exit.
            for channel in (self._jobs, self._results):
                channel.cancel_join_thread()
                channel.close()
        self._writer.cancel()
