"""Bringing files into the archive: scan, read, deduplicate, catalog, index.

The catalog and the index change together: the index commits first, then the catalog.
If the process dies in between, the next run re-reads the same files (their catalog
rows were not updated) and re-adds the same article ids, which replaces rather than
duplicates them; ``reconcile`` repairs any remaining difference when the archive opens.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from whoosh.index import Index

from viewer.archive.catalog import Catalog, now_iso
from viewer.archive.formats import read_file
from viewer.archive.records import ArticleSink, FileContents, ParsedArticle, article_identity
from viewer.archive.scanner import FileStat, absolute, scan
from viewer.search.writer import IndexWriter, worker_count
from viewer.userdata import resolve_outlet

Progress = Callable[[int, int | None, str], None]
Cancelled = Callable[[], bool]

# Below these, starting worker processes costs more than it saves.
_PARALLEL_READ_FILES = 64
# Files handed to a reading process at a time, and how far reading may run ahead of indexing.
_READ_CHUNK_FILES = 16
_READ_CHUNK_BYTES = 4_000_000
_READ_AHEAD_BYTES = 16_000_000
_CANCEL_CHECK = 50  # articles of one file between two looks at whether to stop
_PARALLEL_INDEX_BYTES = 2_000_000


class ImportCancelled(Exception):
    """The user cancelled; nothing was changed."""


@dataclass
class ImportSummary:
    files_read: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    duplicates: int = 0
    problems: int = 0
    seconds: float = 0.0
    new_ids: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, removed {self.removed}, "
            f"duplicates {self.duplicates}, problems {self.problems} "
            f"({self.files_read} files read, {self.files_unchanged} unchanged, "
            f"{self.seconds:.1f} s)"
        )


def _read(stat: FileStat, sink: ArticleSink | None = None) -> FileContents | str:
    """A file's contents, or why it could not be read at all."""
    try:
        return read_file(Path(stat.path), sink)
    except ImportCancelled:  # raised by the sink: the user stopped the import
        raise
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    except Exception as error:  # a reader bug must not stop the import; it is recorded instead
        return f"could not be read ({type(error).__name__}: {error})"


def _read_in_worker(stats: list[FileStat]) -> list[tuple[FileStat, FileContents | str]]:
    return [(stat, _read(stat)) for stat in stats]


def _chunks(stats: list[FileStat]) -> Iterator[list[FileStat]]:
    """The files in order, a few at a time: a worker's share of work per hand-out."""
    chunk: list[FileStat] = []
    size = 0
    for stat in stats:
        chunk.append(stat)
        size += stat.size
        if len(chunk) >= _READ_CHUNK_FILES or size >= _READ_CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _read_in_pool(pool: Pool, stats: list[FileStat], workers: int) -> Iterator[tuple[FileStat, FileContents | str]]:
    """Each file with its contents, in order, read by ``pool`` a little ahead of the caller.

    ``Pool.imap`` would read every file as fast as the workers can and keep all the articles
    until they are taken, which is the whole archive when indexing is the slower side.
    Here reading stays about ``_READ_AHEAD_BYTES`` (of files on disk) ahead, and never less
    than a chunk per worker.
    """
    pending: deque[tuple[int, AsyncResult[list[tuple[FileStat, FileContents | str]]]]] = deque()
    ahead = 0
    for chunk in _chunks(stats):
        size = sum(stat.size for stat in chunk)
        pending.append((size, pool.apply_async(_read_in_worker, (chunk,))))
        ahead += size
        while ahead > _READ_AHEAD_BYTES and len(pending) > workers:
            size, result = pending.popleft()
            ahead -= size
            yield from result.get()
    for _, result in pending:
        yield from result.get()


class _FileImport:
    """Catalogs and indexes one file's articles as they arrive, then records what it holds."""

    def __init__(
        self, importer: Importer, stat: FileStat, writer: IndexWriter, summary: ImportSummary, stop: Cancelled
    ) -> None:
        self._catalog = importer._catalog
        self._stop = stop
        self._aliases = importer._aliases
        self._stat = stat
        self._writer = writer
        self._summary = summary
        self.before = self._catalog.articles_of_file(stat.path)
        self._sources: list[tuple[str, str, str | None]] = []
        self._seen: set[str] = set()

    def add(self, parsed: ParsedArticle) -> None:
        if len(self._sources) % _CANCEL_CHECK == _CANCEL_CHECK - 1 and self._stop():
            raise ImportCancelled  # a large file (a JSON Lines dump) is stopped part-way
        text_id = parsed.text_id
        article_id = article_identity(text_id, parsed.outlet)
        self._sources.append((parsed.locator, article_id, parsed.source_id))
        summary = self._summary
        if article_id in self._seen or (article_id not in self.before and self._catalog.has_article(article_id)):
            summary.duplicates += 1
            return
        self._seen.add(article_id)
        if article_id in self.before:
            return
        row = {
            "id": article_id,
            "text_id": text_id,
            "title": parsed.title,
            "body": parsed.body,
            "formats": parsed.formats,
            "outlet": resolve_outlet(parsed.outlet, parsed.url, self._aliases),
            "source_outlet": parsed.outlet,
            "author": parsed.author,
            "published": parsed.published.isoformat() if parsed.published else None,
            "url": parsed.url,
            "added": now_iso(),
        }
        self._catalog.insert_article(row)
        self._writer.add({**row, "paths": [self._stat.path]})
        summary.added += 1
        summary.new_ids.append(article_id)

    def finish(self, contents: FileContents | str) -> set[str]:
        """Record the file's problems and sources; return the ids it held before."""
        catalog, stat, summary = self._catalog, self._stat, self._summary
        summary.files_read += 1
        if self.before:
            summary.updated += 1
        if isinstance(contents, str):
            catalog.replace_problems(stat.path, [contents])
            summary.problems += 1
            if not self._sources:
                # An unreadable file keeps its previous articles: nothing is lost to a glitch.
                return set()
            # Failed part-way: keep what was read; the file is read again next time.
            catalog.replace_sources(stat.path, self._sources)
            return self.before
        for parsed in contents.articles:
            self.add(parsed)
        catalog.replace_problems(stat.path, contents.problems)
        summary.problems += len(contents.problems)
        catalog.replace_sources(stat.path, self._sources)
        catalog.record_file(stat.path, stat.size, stat.mtime_ns)
        return self.before


class Importer:
    def __init__(self, catalog: Catalog, ix: Index, aliases: dict[str, str], workers: int | None = None):
        self._catalog = catalog
        self._ix = ix
        self._aliases = aliases
        self._workers = workers or worker_count()

    def run(
        self,
        roots: Iterable[str],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportSummary:
        """Import ``roots`` (absolute paths of folders or files), only what changed."""
        report = progress or (lambda done, total, note: None)
        stop = cancelled or (lambda: False)
        started = time.monotonic()
        summary = ImportSummary()
        catalog = self._catalog

        to_read: list[FileStat] = []
        vanished: list[str] = []
        scan_problems: dict[str, list[str]] = {}
        report(0, None, "scanning folders")
        for root in roots:
            found = scan(root, stop)
            for problem in found.problems:
                scan_problems.setdefault(problem.path, []).append(problem.reason)
            if found.missing_roots:  # unplugged drive or moved folder: keep what we have
                scan_problems.setdefault(root, []).append("not found; its articles are kept")
                continue
            known = catalog.known_files(root)
            for stat in found.files:
                if known.pop(stat.path, None) == (stat.size, stat.mtime_ns):
                    summary.files_unchanged += 1
                else:
                    to_read.append(stat)
            vanished.extend(known)
            if stop():
                raise ImportCancelled

        catalog.begin()
        writer = None
        try:
            volume = sum(stat.size for stat in to_read)
            writer = IndexWriter(self._ix, self._workers if volume >= _PARALLEL_INDEX_BYTES else 1)
            touched: set[str] = set()
            for path in vanished:
                touched |= catalog.articles_of_file(path)
                catalog.replace_sources(path, [])
                catalog.replace_problems(path, [])
                catalog.forget_file(path)
                summary.files_removed += 1
            for path, reasons in scan_problems.items():
                catalog.replace_problems(path, reasons)
                summary.problems += len(reasons)

            total = len(to_read)
            for done, held_before in enumerate(self._read_all(to_read, writer, summary, stop), 1):
                touched |= held_before
                report(done, total, "reading files")

            for article_id in catalog.drop_orphans(touched):
                writer.delete(article_id)
                summary.removed += 1
            report(total, total, "saving the index")
            writer.commit()
            writer = None
            catalog.commit()
        except BaseException:
            if writer is not None:
                writer.cancel()
            catalog.rollback()
            raise
        summary.seconds = time.monotonic() - started
        return summary

    def _read_all(
        self, stats: list[FileStat], writer: IndexWriter, summary: ImportSummary, stop: Cancelled
    ) -> Iterator[set[str]]:
        """Read and store each file, yielding the article ids each held before.

        Many files are read by a pool of processes; a few (typically large JSON Lines
        dumps) are read here, their articles indexed while the file is still being read.
        """
        if self._workers > 1 and len(stats) >= _PARALLEL_READ_FILES:
            with multiprocessing.get_context("spawn").Pool(self._workers) as pool:
                for stat, contents in _read_in_pool(pool, stats, self._workers):
                    if stop():
                        raise ImportCancelled
                    yield _FileImport(self, stat, writer, summary, stop).finish(contents)
            return
        for stat in stats:
            if stop():
                raise ImportCancelled
            file = _FileImport(self, stat, writer, summary, stop)
            yield file.finish(_read(stat, file.add))


def forget_root(catalog: Catalog, ix: Index, root: str) -> int:
    """Remove a folder's files and the articles only it held; return how many articles went."""
    root = absolute(root)
    catalog.begin()
    writer = None
    try:
        writer = IndexWriter(ix)
        touched: set[str] = set()
        for path in catalog.known_files(root):
            touched |= catalog.articles_of_file(path)
            catalog.replace_sources(path, [])
            catalog.replace_problems(path, [])
            catalog.forget_file(path)
        catalog.replace_problems(root, [])
        dropped = catalog.drop_orphans(touched)
        for article_id in dropped:
            writer.delete(article_id)
        catalog.remove_root(root)
        writer.commit()
        writer = None
        catalog.commit()
    except BaseException:
        if writer is not None:
            writer.cancel()
        catalog.rollback()
        raise
    return len(dropped)
