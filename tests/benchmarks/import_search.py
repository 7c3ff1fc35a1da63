"""Import and search speed of Letopis next to a plain SQLite FTS5 index of the same lemmas.

    python tests/benchmarks/import_search.py [--corpora DIR] [--size 100000] [--skip-large]
                                             [--workdir DIR] [--json FILE] [--rounds 5]

1. Imports the real articles (``news_rt_ng_articles.jsonl.gz``, copied to a scratch folder) with
   ``Library.add`` and 2 worker processes. The baseline reads the same file with ``read_file``,
   lemmatises title and body with ``viewer.text.lemmas.lemmas`` in one process and inserts the
   joined lemmas into an SQLite FTS5 table in one transaction. A second baseline line times the
   FTS5 inserts alone, from text lemmatised beforehand: what the engine itself costs.
2. Times ``Library.refresh()`` of the unchanged archive (reopened first, as at a restart).
3. Unless ``--skip-large``: builds a folder of ``--size`` files in the seed layout from the RT/NG
   articles and the Telegram posts, taken in a scattered order and cycled, each copy varied (a
   closing line «Материал N»; undated articles spread over 2000–2024, dated ones shifted back a
   year per pass; every tenth file under an invented outlet, every fifth with an invented author)
   over 100 subfolders; imports it with Letopis and into FTS5, and times a re-scan of it.
4. Times a fixed list of queries through ``Library.search`` (which also counts facets) and the
   equivalent FTS5 statements (MATCH on lemmas, GROUP BY facet counts over the matching rows,
   ORDER BY rank LIMIT 20), on the large archive (the real one with ``--skip-large``).
5. Prints every figure beside the baseline and a summary table against the targets.

Each measured step runs in a fresh process of this script, so that its peak memory (the largest
sum of VmRSS over the process and its descendants, sampled every 0.2 s) and its VmHWM are its own.
``ru_maxrss`` is reported as well, but Linux carries it over the exec that starts the step, so it
is never below the size of the process that launched it. Timings on a shared machine are noisy:
read them beside the baseline measured in the same run. The corpora are read from ``--corpora``
(default ``../shared/corpora`` beside the project) and never copied into the project; everything
written goes to ``--workdir`` (default: a temporary folder, removed at the end; a given work
folder is kept, and its large archive reused).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import inspect
import json
import math
import os
import platform
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The steps import Letopis from a copy of its sources taken when the run starts (see
# ``snapshot_sources``), so that every step measures the same code even while the tree changes.
CODE_VARIABLE = "LETOPIS_BENCH_CODE"
CODE = Path(os.environ.get(CODE_VARIABLE) or ROOT)
sys.path.insert(0, str(CODE))

# Only what the baseline needs is imported here; Letopis itself is imported by its own steps.
from viewer.archive.formats import read_file  # noqa: E402
from viewer.archive.formats.common import title_from_text  # noqa: E402
from viewer.text.lemmas import lemma, lemmas  # noqa: E402
from viewer.userdata import resolve_outlet  # noqa: E402

REAL = "news_rt_ng_articles.jsonl.gz"
TELEGRAM = "news_tg_channel_posts.jsonl.gz"
WORKERS = 2
SAMPLE_SECONDS = 0.2
LIMIT = 20
FOLDERS = 100
STRIDE = 7919  # walks the sources in a scattered order, so that any --size mixes all outlets
BUILD_VERSION = 2
MB = 1_000_000

TARGET_IMPORT_S = 45.0
TARGET_IMPORT_RATIO = 4.0
TARGET_MEMORY_MB = 1000.0
TARGET_P50_MS = 30.0
TARGET_P95_MS = 100.0
TARGET_RESCAN_S = 10.0

Json = dict[str, Any]


# --- memory of a process tree ------------------------------------------------------------------


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children_from_tasks(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.extend(int(child) for child in task.read_text().split())
        except OSError:
            continue
    return found


def _children_by_parent() -> dict[int, list[int]]:
    """Parent pid -> child pids, from every /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                after_name = stat.read().rpartition(b")")[2].split()
            children.setdefault(int(after_name[1]), []).append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return children


_HAS_CHILDREN_FILES = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants."""
    table = None if _HAS_CHILDREN_FILES else _children_by_parent()
    tree: list[int] = []
    pending = [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(_children_from_tasks(pid) if table is None else table.get(pid, ()))
    return tree


class TreeMemory:
    """Peak of the summed VmRSS of this process and its descendants, sampled by a thread."""

    def __init__(self, interval: float = SAMPLE_SECONDS) -> None:
        self.interval = interval
        self.peak_bytes = 0
        self.peak_processes = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        pids = process_tree(os.getpid())
        total = sum(_rss_bytes(pid) for pid in pids)
        self.samples += 1
        if total > self.peak_bytes:
            self.peak_bytes = total
            self.peak_processes = len(pids)


def max_rss_bytes(who: int = resource.RUSAGE_SELF) -> int:
    """``ru_maxrss``. Linux carries it over an exec: it is at least the launching process's RSS."""
    return resource.getrusage(who).ru_maxrss * 1024  # kilobytes on Linux


def high_water_bytes() -> int:
    """VmHWM: the peak RSS of this process image alone (reset by exec, unlike ``ru_maxrss``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def path_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --- steps, each run in a process of its own -----------------------------------------------------


class ProgressLog:
    """Prints progress now and then, and notes when each stage (a new progress note) began."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.started = time.perf_counter()
        self.marks: list[tuple[str, float]] = []
        self._step = -1

    def __call__(self, done: int, total: int | None, note: str) -> None:
        elapsed = time.perf_counter() - self.started
        step = int(10 * done / total) if total else 0
        if not self.marks or note != self.marks[-1][0]:
            self.marks.append((note, elapsed))
            self._step = -1
        if step > self._step:
            self._step = step
            print(f"    [{self.label}] {note}: {done}/{total or '?'} ({elapsed:.0f} s)", file=sys.stderr, flush=True)

    def stages(self) -> list[tuple[str, float]]:
        """(note, seconds from the start) of the first report of each stage, in order."""
        return [(note, round(at, 2)) for note, at in self.marks]


def describe_stages(marks: Sequence[tuple[str, float]], seconds: float) -> str:
    """'«note» at 0.0 s, … done at 12.3 s': when each progress note was first reported."""
    return ", ".join([*(f"«{note}» at {at:.1f} s" for note, at in marks), f"done at {seconds:.1f} s"])


def _text_bytes(catalog_file: Path) -> int:
    with closing(sqlite3.connect(catalog_file)) as db:
        query = "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM articles"
        return int(db.execute(query).fetchone()[0] or 0)


def _catalog_bytes(catalog_file: Path) -> int:
    return sum(path_bytes(p) for p in catalog_file.parent.glob(catalog_file.name + "*"))


# Stages that ``Library.add`` and ``refresh`` run after the import unless told not to, and the
# methods that run them on their own. The import is timed without them (it is what the FTS5
# baseline does); they are timed separately on the real corpus.
FOLLOW_UP_STAGES = {"events": "group_events", "entities": "extract_entities"}


def without_follow_up(method: Callable[..., Any]) -> dict[str, bool]:
    """Keyword arguments that switch off the follow-up stages ``method`` knows of."""
    known = inspect.signature(method).parameters
    return {name: False for name in FOLLOW_UP_STAGES if name in known}


def cpu_seconds() -> float:
    """User and system time of this process and its children that have ended."""
    mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


def step_letopis_import(params: Json) -> Json:
    from viewer.library import Library

    home = Path(params["home"])
    shutil.rmtree(home, ignore_errors=True)
    library = Library.open(home, workers=params["workers"])
    cpu = cpu_seconds()
    with TreeMemory() as memory:
        progress = ProgressLog(params["label"])
        started = time.perf_counter()
        summary = library.add([params["folder"]], progress, **without_follow_up(library.add))
        seconds = time.perf_counter() - started
    result: Json = {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu,
        "load_average": os.getloadavg()[0],
        "articles": library.article_count(),
        "summary": summary.describe(),
        "stages": progress.stages(),
        "skipped_follow_up": sorted(without_follow_up(library.add)),
        "peak_tree_bytes": memory.peak_bytes,
        "peak_tree_processes": memory.peak_processes,
        "parent_maxrss_bytes": max_rss_bytes(),
        "parent_hwm_bytes": high_water_bytes(),
        "largest_child_maxrss_bytes": max_rss_bytes(resource.RUSAGE_CHILDREN),
    }
    result["follow_up"] = [_follow_up(library, name, params["label"]) for name in params["follow_up"]]
    locations = library.locations
    library.close()
    result["text_bytes"] = _text_bytes(locations.catalog_file)
    result["index_bytes"] = path_bytes(locations.index_dir)
    result["catalog_bytes"] = _catalog_bytes(locations.catalog_file)
    result.update(_rescan(home, params["workers"], full=bool(params["follow_up"])))
    return result


def _follow_up(library: Any, stage: str, label: str) -> Json:
    """One follow-up stage on its own: time, CPU time and peak memory."""
    method = getattr(library, FOLLOW_UP_STAGES[stage], None)
    if method is None:
        return {"stage": stage, "missing": True}
    cpu = cpu_seconds()
    with TreeMemory() as memory:
        progress = ProgressLog(f"{label} {stage}")
        started = time.perf_counter()
        method(progress)
        seconds = time.perf_counter() - started
    return {
        "stage": stage,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu,
        "peak_tree_bytes": memory.peak_bytes,
        "steps": progress.stages(),
    }


def _rescan(home: Path, workers: int, full: bool) -> Json:
    """Reopen the archive, as at a restart, and look at its folders again.

    With ``full``, also time a plain ``refresh()``, follow-up stages included (they have
    nothing left to do).
    """
    from viewer.library import Library

    started = time.perf_counter()
    library = Library.open(home, workers=workers)
    opened = time.perf_counter() - started
    started = time.perf_counter()
    summary = library.refresh(**without_follow_up(library.refresh))
    seconds = time.perf_counter() - started
    result = {
        "reopen_seconds": opened,
        "rescan_seconds": seconds,
        "rescan_unchanged": summary.files_unchanged,
        "rescan_read": summary.files_read,
    }
    if full:
        started = time.perf_counter()
        library.refresh()
        result["rescan_full_seconds"] = time.perf_counter() - started
    library.close()
    return result


FTS_SCHEMA = "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, outlet UNINDEXED, date UNINDEXED, title, body)"
FTS_INSERT = "INSERT INTO docs (id, outlet, date, title, body) VALUES (?, ?, ?, ?, ?)"
FtsRow = tuple[str, str | None, str | None, str, str]


def article_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    return sorted(p for p in source.rglob("*") if p.is_file() and not p.name.startswith("."))


def _utc_iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def fts_rows(source: Path) -> Iterator[FtsRow]:
    """What a simple tool would index: each distinct article, its title and body as lemmas."""
    seen: set[str] = set()
    for path in article_files(source):
        for article in read_file(path).articles:
            article_id = article.article_id
            if article_id in seen:
                continue
            seen.add(article_id)
            outlet = resolve_outlet(article.outlet, article.url, {})
            title = " ".join(lemmas(article.title))
            body = " ".join(lemmas(article.body))
            yield article_id, outlet, _utc_iso(article.published), title, body


def step_fts5_import(params: Json) -> Json:
    db_path = Path(params["db"])
    db_path.unlink(missing_ok=True)
    cpu = cpu_seconds()
    with TreeMemory() as memory:
        started = time.perf_counter()
        db = sqlite3.connect(db_path, isolation_level=None)
        db.execute(FTS_SCHEMA)
        db.execute("BEGIN")
        count = 0
        for row in fts_rows(Path(params["source"])):
            db.execute(FTS_INSERT, row)
            count += 1
        db.execute("COMMIT")
        seconds = time.perf_counter() - started
    db.close()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu,
        "load_average": os.getloadavg()[0],
        "articles": count,
        "peak_tree_bytes": memory.peak_bytes,
        "parent_maxrss_bytes": max_rss_bytes(),
        "parent_hwm_bytes": high_water_bytes(),
        "db_bytes": path_bytes(db_path),
        "insert_only_seconds": _insert_only_seconds(db_path),
    }


def _insert_only_seconds(db_path: Path) -> float:
    """The FTS5 inserts alone, from the lemmatised rows already in ``db_path``."""
    with closing(sqlite3.connect(db_path)) as source:
        rows = source.execute("SELECT id, outlet, date, title, body FROM docs").fetchall()
    copy = db_path.with_name(f"{db_path.stem}-insert-only.sqlite3")
    copy.unlink(missing_ok=True)
    started = time.perf_counter()
    with closing(sqlite3.connect(copy, isolation_level=None)) as db:
        db.execute(FTS_SCHEMA)
        db.execute("BEGIN")
        db.executemany(FTS_INSERT, rows)
        db.execute("COMMIT")
    seconds = time.perf_counter() - started
    copy.unlink()
    return seconds


# --- the queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One query for Letopis, and its equivalent for the FTS5 baseline.

    ``fts`` is an FTS5 MATCH expression in ordinary word forms; each word is replaced by its lemma
    before it runs, except operators, column names, prefixes (``word*``) and fuzzy words
    (``word~``, replaced by every form within one edit). ``where`` is an SQL condition on the
    ``outlet`` and ``date`` columns.
    """

    kind: str
    text: str
    fts: str = ""
    where: str = ""
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    excludes: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def label(self) -> str:
        extra = "".join(f" +{k}={list(v)}" for k, v in self.filters.items())
        extra += "".join(f" -{k}={list(v)}" for k, v in self.excludes.items())
        return (self.text or "(all)") + extra


CASES = (
    Case("word", "Казахстаном", "Казахстаном"),
    Case("word", "выборы", "выборы"),
    Case("word", "санкций", "санкций"),
    Case("word", "Путина", "Путина"),
    Case("word", "нефти", "нефти"),
    Case("word", "Москве", "Москве"),
    Case("and", "санкции США", "санкции США"),
    Case("and", "выборы президента", "выборы президента"),
    Case("and", "нефть AND газ", "нефть AND газ"),
    Case("or", "Украина OR Сирия", "Украина OR Сирия"),
    Case("or", "выборы ИЛИ референдум", "выборы OR референдум"),
    Case("not", "санкции NOT Иран", "санкции NOT Иран"),
    Case("not", "выборы -Путин", "выборы NOT Путин"),
    Case("phrase", '"Министерство иностранных дел"', '"Министерство иностранных дел"'),
    Case("phrase", '"Владимир Путин"', '"Владимир Путин"'),
    Case("phrase", '"Государственная дума"', '"Государственная дума"'),
    Case("near", '"санкции США"~5', "NEAR(санкции США, 5)"),
    Case("near", '"Путин Трамп"~10', "NEAR(Путин Трамп, 10)"),
    Case("field", "title:Путин", "title:Путин"),
    Case("field", "заголовок:Сирия", "title:Сирия"),
    Case("field", "outlet:ng.ru", where="outlet = 'ng.ru'"),
    Case("field", "санкции outlet:russian.rt.com", "санкции", "outlet = 'russian.rt.com'"),
    Case("date", "выборы date:[2015 TO 2016]", "выборы", "date >= '2015' AND date < '2017'"),
    Case("date", "year:2017 экономика", "экономика", "substr(date, 1, 4) = '2017'"),
    Case("date", "month:2018-03 Путин", "Путин", "substr(date, 1, 7) = '2018-03'"),
    Case("date", "Москва date:2024-11", "Москва", "substr(date, 1, 7) = '2024-11'"),
    Case("wildcard", "санкц*", "санкц*"),
    Case("wildcard", "президент* Россия", "президент* Россия"),
    Case("fuzzy", "Пудин~", "Пудин~"),
    Case("fuzzy", "Трамб~", "Трамб~"),
    Case("exact", "exact:России", "России"),  # FTS5 holds lemmas only: the lemma is all it can match
    Case("exact", 'exact:"Министерства иностранных дел"', '"Министерства иностранных дел"'),
    Case("filter", "санкции", "санкции", filters={"outlet": ["ng.ru"]}),
    Case("filter", "Путин", "Путин", filters={"year": ["2016", "2017"]}),
    Case("filter", "выборы", "выборы", excludes={"outlet": ["russian.rt.com"]}),
    Case("filter", "Москва", "Москва", filters={"outlet": ["Mash", "SHOT"]}, excludes={"year": ["2023"]}),
    Case("filter", "", filters={"outlet": ["Mash"]}),
)

# Letopis' fuzzy terms (whoosh FuzzyTerm) leave the first two letters alone: prefixlength=2.
FUZZY_PREFIX = 2
_FTS_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_RUSSIAN = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
_ALPHABET = _RUSSIAN + "abcdefghijklmnopqrstuvwxyz0123456789"
_FTS_WORD = r"(?P<word>[^\W_]+)(?P<tail>[*~:]?)"


def one_edit_away(word: str, keep: int = FUZZY_PREFIX) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion from ``word``,
    its first ``keep`` letters left as they are."""
    head, tail = word[:keep], word[keep:]
    splits = [(tail[:i], tail[i:]) for i in range(len(tail) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    inserts = {a + c + b for a, b in splits for c in _ALPHABET}
    return {head + edited for edited in deletes | swaps | replaces | inserts | {tail}} - {""}


def _fts_word(word: str, tail: str) -> str:
    if word in _FTS_OPERATORS or tail == ":":
        return word + tail
    folded = word.lower().replace("ё", "е")
    if tail == "*":
        return folded + "*"
    if tail == "~":
        return "(" + " OR ".join(f'"{form}"' for form in sorted(one_edit_away(lemma(folded)))) + ")"
    return lemma(folded)


def fts_match(spec: str) -> str:
    return re.sub(_FTS_WORD, lambda m: _fts_word(m.group("word"), m.group("tail")), spec)


_FACET_COLUMNS = ("outlet", "year", "month")


def _values_sql(column: str, values: Sequence[str], negate: bool = False) -> tuple[str, list[str]]:
    marks = ", ".join("?" * len(values))
    return f"{column} {'NOT IN' if negate else 'IN'} ({marks})", list(values)


def _filters_sql(filters: Mapping[str, Sequence[str]], skip: str = "") -> tuple[str, list[str]]:
    parts, params = ["1"], []
    for name, values in filters.items():
        if name != skip and values:
            sql, values_params = _values_sql(name, values)
            parts.append(sql)
            params += values_params
    return " AND ".join(parts), params


def open_fts5(path: Path | str) -> sqlite3.Connection:
    """The baseline database, with an in-memory table that holds each query's matching rows."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("CREATE TEMP TABLE m (r INTEGER, outlet TEXT, year TEXT, month TEXT, date TEXT, score REAL)")
    return db


def fts5_search(db: sqlite3.Connection, case: Case, limit: int = LIMIT) -> tuple[int, list[tuple[Any, ...]]]:
    """Total, facet counts (outlet, year, month) and the best ``limit`` rows, as a simple tool would."""
    conditions, params = ["1"], []
    if case.fts:
        conditions.append("docs MATCH ?")
        params.append(fts_match(case.fts))
    if case.where:
        conditions.append(case.where)
    score = "rank" if case.fts else "0"
    db.execute("DELETE FROM temp.m")
    db.execute(
        "INSERT INTO temp.m SELECT rowid, outlet, substr(date, 1, 4), substr(date, 1, 7), date, "
        f"{score} FROM docs WHERE {' AND '.join(conditions)}",
        params,
    )
    excluded, excluded_params = "1", []
    for name, values in case.excludes.items():
        sql, values_params = _values_sql(f"coalesce({name}, '')", values, negate=True)
        excluded, excluded_params = f"{excluded} AND {sql}", excluded_params + values_params
    for facet in _FACET_COLUMNS:
        sql, facet_params = _filters_sql(case.filters, skip=facet)
        db.execute(
            f"SELECT {facet}, count(*) FROM m WHERE {excluded} AND {sql} AND {facet} IS NOT NULL "
            f"GROUP BY {facet} ORDER BY 2 DESC",
            excluded_params + facet_params,
        ).fetchall()
    allowed, allowed_params = _filters_sql(case.filters)
    where, where_params = f"{excluded} AND {allowed}", excluded_params + allowed_params
    total = db.execute(f"SELECT count(*) FROM m WHERE {where}", where_params).fetchone()[0]
    order = "score, r" if case.fts else "date DESC, r"
    hits = db.execute(
        f"SELECT d.id, d.title, d.outlet, d.date FROM (SELECT r, score, date FROM m WHERE {where} "
        f"ORDER BY {order} LIMIT ?) AS top JOIN docs AS d ON d.rowid = top.r "
        f"ORDER BY {order.replace('score', 'top.score').replace('date', 'top.date')}",
        [*where_params, limit],
    ).fetchall()
    return int(total), hits


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    total = run()
    return (time.perf_counter() - started) * 1000, total


def step_search(params: Json) -> Json:
    from viewer.library import Library

    started = time.perf_counter()
    library = Library.open(Path(params["home"]))
    db = open_fts5(params["db"])
    opened = time.perf_counter() - started

    def letopis(case: Case) -> Callable[[], int]:
        return lambda: library.search(case.text, filters=case.filters, excludes=case.excludes, limit=LIMIT).total

    def fts5(case: Case) -> Callable[[], int]:
        return lambda: fts5_search(db, case)[0]

    runs: list[Json] = [{"kind": c.kind, "query": c.label(), "letopis_ms": [], "fts5_ms": []} for c in CASES]
    for round_ in range(params["rounds"] + 1):  # the first round warms up and is kept apart
        for case, run in zip(CASES, runs, strict=True):
            _run_case(run, round_, "letopis", letopis(case))
            _run_case(run, round_, "fts5", fts5(case))
    library.close()
    db.close()
    return {"open_seconds": opened, "cases": runs, "maxrss_bytes": max_rss_bytes()}


def _run_case(run: Json, round_: int, engine: str, call: Callable[[], int]) -> None:
    if run.get(f"{engine}_error"):
        return
    try:
        ms, total = _timed(call)
    except Exception as error:  # reported in the results: a query that cannot run is a finding
        run[f"{engine}_error"] = f"{type(error).__name__}: {error}"
        return
    if round_ == 0:
        run[f"{engine}_first_ms"] = ms
        run[f"{engine}_total"] = total
    else:
        run[f"{engine}_ms"].append(ms)


STEPS: dict[str, Callable[[Json], Json]] = {
    "letopis-import": step_letopis_import,
    "fts5-import": step_fts5_import,
    "search": step_search,
}


def run_step(name: str, params: Json, workdir: Path) -> Json:
    """Run one step in a fresh interpreter; its figures come back through a JSON file."""
    request = workdir / f"{params['label']}-{name}.json"
    answer = request.with_suffix(".result.json")
    request.write_text(json.dumps(params), encoding="utf-8")
    answer.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--step", name, str(request), str(answer)]
    subprocess.run(command, check=True)
    return json.loads(answer.read_text(encoding="utf-8"))


def step_main(name: str, request: Path, answer: Path) -> int:
    result = STEPS[name](json.loads(request.read_text(encoding="utf-8")))
    answer.write_text(json.dumps(result), encoding="utf-8")
    return 0


# --- the large archive -------------------------------------------------------------------------

INVENTED_OUTLETS = (
    ("Омск Здесь", "omskzdes.ru"),
    ("БК55", "bk55.ru"),
    ("Интерфакс", "interfax.ru"),
    ("ТАСС", "tass.ru"),
    ("Коммерсантъ", "kommersant.ru"),
    ("Фонтанка.ру", "fontanka.ru"),
    ("Независимая газета", "ng.ru"),
    ("RT на русском", "russian.rt.com"),
)
INVENTED_AUTHORS = ("Анна Бамбульская", "Иван Петров", "Мария Соколова", "Дмитрий Орлов", "Елена Кузнецова")
_FIRST_DAY = datetime(2000, 1, 1, tzinfo=UTC)
_DAYS = (datetime(2024, 12, 31, tzinfo=UTC) - _FIRST_DAY).days + 1


@dataclass(frozen=True)
class Source:
    title: str
    body: str
    published: datetime | None
    outlet: str
    url: str


def read_jsonl(path: Path) -> Iterator[Json]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _published(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _telegram_url(record: Json) -> str:
    channel = str(record.get("channel_id", "")).removeprefix("-100")
    return f"https://t.me/c/{channel}/{record.get('message_id', '')}"


def _source(record: Json) -> Source | None:
    body = (record.get("text") or "").strip()
    if not body:
        return None
    title = " ".join((record.get("title") or "").split()) or title_from_text(body)
    url = record.get("url") or _telegram_url(record)
    return Source(title, body, _published(record.get("date")), record.get("outlet") or "", url)


def load_sources(corpora: Path) -> list[Source]:
    records = [*read_jsonl(corpora / REAL), *read_jsonl(corpora / TELEGRAM)]
    return [source for source in map(_source, records) if source is not None]


def stride_for(count: int) -> int:
    """A step coprime with ``count``: n -> n * step % count visits every source once per pass."""
    step = STRIDE
    while math.gcd(step, count) != 1:
        step += 1
    return step


def _years_back(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def seed_text(source: Source, n: int, copy: int) -> str:
    """File ``n`` (copy number ``copy`` of ``source``) in the seed layout, varied."""
    if source.published is None:
        published = _FIRST_DAY + timedelta(days=(n * 7919) % _DAYS, hours=n % 24)
    else:
        published = _years_back(source.published, copy)
    outlet, url = source.outlet, source.url
    if n % 10 == 9:
        outlet, host = INVENTED_OUTLETS[(n // 10) % len(INVENTED_OUTLETS)]
        url = f"https://{host}/news/{n}.html"
    author = INVENTED_AUTHORS[(n // 5) % len(INVENTED_AUTHORS)] if n % 5 == 0 else ""
    return (
        f"# {source.title}\n\nPublished at: **{published.isoformat()}**\n\nAuthor: **{author}**\n\n"
        f"Original: [{outlet}]({url})\n\n{source.body}\n\nМатериал {n}\n"
    )


def build_large(corpora: Path, folder: Path, size: int) -> tuple[float, bool]:
    """Write ``size`` files under ``folder`` unless a complete build is there; (seconds, reused)."""
    marker = folder / ".complete"
    wanted = json.dumps({"size": size, "version": BUILD_VERSION})
    if marker.is_file() and marker.read_text(encoding="utf-8") == wanted:
        return 0.0, True
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    sources = load_sources(corpora)
    stride = stride_for(len(sources))
    for part in range(min(FOLDERS, size)):
        (folder / f"part{part:02d}").mkdir(parents=True)
    for n in range(size):
        text = seed_text(sources[n * stride % len(sources)], n, n // len(sources))
        (folder / f"part{n % FOLDERS:02d}" / f"{n:06d}.txt").write_text(text, encoding="utf-8")
    marker.write_text(wanted, encoding="utf-8")
    return time.perf_counter() - started, False


# --- figures -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else float("nan")


def latency(values: Sequence[float]) -> Json:
    return {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95), "max": max(values)}


def ratio(value: float, base: float) -> float:
    return value / base if base else float("inf")


def with_ratio(text: str, value: float, base: float, base_text: str, what: str = "FTS5 baseline") -> str:
    return f"{text} ({ratio(value, base):.2f}x {what} {base_text})"


def mb(value: float) -> str:
    return f"{value / MB:,.1f} MB"


def import_figures(letopis: Json, fts: Json) -> Json:
    text_mb = letopis["text_bytes"] / MB
    return {
        "articles": letopis["articles"],
        "text_mb": text_mb,
        "seconds": letopis["seconds"],
        "cpu_seconds": letopis["cpu_seconds"],
        "load_average": letopis["load_average"],
        "articles_per_s": letopis["articles"] / letopis["seconds"],
        "mb_per_s": text_mb / letopis["seconds"],
        "peak_tree_mb": letopis["peak_tree_bytes"] / MB,
        "parent_maxrss_mb": letopis["parent_maxrss_bytes"] / MB,
        "parent_hwm_mb": letopis["parent_hwm_bytes"] / MB,
        "index_mb": letopis["index_bytes"] / MB,
        "catalog_mb": letopis["catalog_bytes"] / MB,
        "fts5_articles": fts["articles"],
        "fts5_seconds": fts["seconds"],
        "fts5_cpu_seconds": fts["cpu_seconds"],
        "fts5_load_average": fts["load_average"],
        "fts5_articles_per_s": fts["articles"] / fts["seconds"],
        "fts5_mb_per_s": text_mb / fts["seconds"],
        "fts5_peak_tree_mb": fts["peak_tree_bytes"] / MB,
        "fts5_maxrss_mb": fts["parent_maxrss_bytes"] / MB,
        "fts5_hwm_mb": fts["parent_hwm_bytes"] / MB,
        "fts5_db_mb": fts["db_bytes"] / MB,
        "fts5_insert_only_seconds": fts["insert_only_seconds"],
        "rescan_seconds": letopis["rescan_seconds"],
        "rescan_unchanged": letopis["rescan_unchanged"],
        "rescan_read": letopis["rescan_read"],
        "reopen_seconds": letopis["reopen_seconds"],
        "rescan_full_seconds": letopis.get("rescan_full_seconds"),
        "skipped_follow_up": letopis["skipped_follow_up"],
        "follow_up": letopis["follow_up"],
    }


# (label, Letopis key, FTS5 key, format) of the figures printed beside the baseline
_COMPARED = (
    ("import time", "seconds", "fts5_seconds", "{:.1f} s"),
    ("CPU time, all processes", "cpu_seconds", "fts5_cpu_seconds", "{:.1f} s"),
    ("articles/s", "articles_per_s", "fts5_articles_per_s", "{:,.0f}"),
    ("MB/s of text", "mb_per_s", "fts5_mb_per_s", "{:.2f}"),
    ("peak memory (process tree, sum of VmRSS)", "peak_tree_mb", "fts5_peak_tree_mb", "{:,.0f} MB"),
    ("parent peak RSS (VmHWM)", "parent_hwm_mb", "fts5_hwm_mb", "{:,.0f} MB"),
    ("parent ru_maxrss (carried over the exec, see VmHWM)", "parent_maxrss_mb", "fts5_maxrss_mb", "{:,.0f} MB"),
    ("index size (FTS5: its database)", "index_mb", "fts5_db_mb", "{:,.1f} MB"),
)


def print_import(title: str, f: Json, letopis: Json) -> None:
    print(f"\n{title}: {f['articles']:,} articles, {f['text_mb']:,.1f} MB of text (title + body, UTF-8)")
    print(f"  Letopis: {letopis['summary']}")
    print("  Letopis progress reports: " + describe_stages(letopis["stages"], letopis["seconds"]))
    if f["skipped_follow_up"]:
        print(f"  Library.add ran with {', '.join(f'{n}=False' for n in f['skipped_follow_up'])} (timed below)")
    if f["fts5_articles"] != f["articles"]:
        print(f"  note: the FTS5 baseline indexed {f['fts5_articles']:,} articles")
    print(f"  load average (1 min) at the end: Letopis {f['load_average']:.1f}, FTS5 {f['fts5_load_average']:.1f}")
    for label, mine, base, form in _COMPARED:
        text = f"{label} {form.format(f[mine])}"
        print("  " + with_ratio(text, f[mine], f[base], form.format(f[base])))
    insert_only = f["fts5_insert_only_seconds"]
    print(
        f"  catalog size {f['catalog_mb']:,.1f} MB (article texts and file records; the FTS5 baseline has none)\n"
        f"  FTS5 inserts alone, text lemmatised beforehand: {insert_only:.1f} s "
        f"(the Letopis import takes {ratio(f['seconds'], insert_only):.2f}x that)\n"
        f"  re-scan of the unchanged archive {f['rescan_seconds']:.2f} s ({f['rescan_unchanged']:,} files "
        f"unchanged, {f['rescan_read']:,} read; reopening the archive took {f['reopen_seconds']:.2f} s)"
    )
    if f["rescan_full_seconds"] is not None:
        print(f"  re-scan with the follow-up stages (nothing left for them) {f['rescan_full_seconds']:.2f} s")
    for stage in f["follow_up"]:
        print("  " + describe_follow_up(stage, f["articles"]))


def describe_follow_up(stage: Json, articles: int) -> str:
    if stage.get("missing"):
        return f"follow-up stage {stage['stage']}: not in this version of Letopis"
    steps = describe_stages(stage["steps"], stage["seconds"])
    return (
        f"follow-up stage {stage['stage']}: {stage['seconds']:.1f} s ({articles / stage['seconds']:,.1f} articles/s), "
        f"CPU {stage['cpu_seconds']:.1f} s, peak memory {stage['peak_tree_bytes'] / MB:,.0f} MB ({steps})"
    )


def search_figures(search: Json) -> Json:
    cases = search["cases"]
    kinds = sorted({c["kind"] for c in cases}, key=[c["kind"] for c in cases].index)
    figures: Json = {"open_seconds": search["open_seconds"], "by_kind": {}, "cases": cases}
    for engine in ("letopis", "fts5"):
        all_ms = [ms for c in cases for ms in c[f"{engine}_ms"]]
        figures[engine] = latency(all_ms) if all_ms else None
        for kind in kinds:
            kind_ms = [ms for c in cases if c["kind"] == kind for ms in c[f"{engine}_ms"]]
            figures["by_kind"].setdefault(kind, {})[engine] = latency(kind_ms) if kind_ms else None
    figures["errors"] = [
        f"{c['query']} ({engine}): {c[f'{engine}_error']}"
        for c in cases
        for engine in ("letopis", "fts5")
        if c.get(f"{engine}_error")
    ]
    return figures


def _cell(stats: Json | None, key: str) -> str:
    return f"{stats[key]:.1f}" if stats else "–"


def print_search(title: str, s: Json) -> None:
    print(f"\n{title} (limit {LIMIT}, facet counts included; reopening took {s['open_seconds']:.2f} s)")
    print("\n| kind | Letopis p50 ms | p95 ms | max ms | FTS5 p50 ms | p95 ms | max ms | p50 ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = [*s["by_kind"].items(), ("all", {"letopis": s["letopis"], "fts5": s["fts5"]})]
    for kind, engines in rows:
        mine, base = engines["letopis"], engines["fts5"]
        share = f"{ratio(mine['p50'], base['p50']):.2f}x" if mine and base else "–"
        cells = [_cell(mine, k) for k in ("p50", "p95", "max")] + [_cell(base, k) for k in ("p50", "p95", "max")]
        print(f"| {kind} | {' | '.join(cells)} | {share} |")
    print("\n| kind | query | Letopis hits | FTS5 hits | Letopis p50 ms | FTS5 p50 ms | Letopis first ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for c in s["cases"]:
        query = c["query"].replace("|", "\\|")
        print(
            f"| {c['kind']} | `{query}` | {c.get('letopis_total', 'error')} | {c.get('fts5_total', 'error')} | "
            f"{_p50(c['letopis_ms'])} | {_p50(c['fts5_ms'])} | {c.get('letopis_first_ms', float('nan')):.1f} |"
        )
    for error in s["errors"]:
        print(f"  ERROR {error}")


def _p50(values: Sequence[float]) -> str:
    return f"{percentile(values, 50):.1f}" if values else "–"


@dataclass
class Row:
    figure: str
    letopis: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    passed: bool | None = None

    def cells(self) -> list[str]:
        result = {True: "PASS", False: "MISS", None: ""}[self.passed]
        return [self.figure, self.letopis, self.baseline, self.ratio, self.target, result]


def compared(figure: str, f: Json, mine: str, base: str, form: str) -> Row:
    return Row(figure, form.format(f[mine]), form.format(f[base]), f"{ratio(f[mine], f[base]):.2f}x")


def import_rows(label: str, f: Json, with_targets: bool) -> list[Row]:
    """The import figures; the time targets apply to the real corpus, the memory target to both."""
    time_row = compared(f"{label}: import time", f, "seconds", "fts5_seconds", "{:.1f} s")
    times = ratio(f["seconds"], f["fts5_seconds"])
    if with_targets:
        time_row.target, time_row.passed = f"< {TARGET_IMPORT_S:.0f} s", f["seconds"] < TARGET_IMPORT_S
    memory_row = compared(f"{label}: peak memory, process tree", f, "peak_tree_mb", "fts5_peak_tree_mb", "{:,.0f} MB")
    memory_row.target, memory_row.passed = f"< {TARGET_MEMORY_MB:,.0f} MB", f["peak_tree_mb"] < TARGET_MEMORY_MB
    rows = [
        time_row,
        Row(
            f"{label}: import time / FTS5 (lemmatising)",
            f"{times:.2f}x",
            target=f"≤ {TARGET_IMPORT_RATIO:.0f}x" if with_targets else "",
            passed=times <= TARGET_IMPORT_RATIO if with_targets else None,
        ),
        compared(f"{label}: import time / FTS5 insert only", f, "seconds", "fts5_insert_only_seconds", "{:.1f} s"),
        compared(f"{label}: CPU time, all processes", f, "cpu_seconds", "fts5_cpu_seconds", "{:.1f} s"),
        compared(f"{label}: articles/s", f, "articles_per_s", "fts5_articles_per_s", "{:,.0f}"),
        compared(f"{label}: MB/s of text", f, "mb_per_s", "fts5_mb_per_s", "{:.2f}"),
        memory_row,
        compared(f"{label}: parent peak RSS (VmHWM)", f, "parent_hwm_mb", "fts5_hwm_mb", "{:,.0f} MB"),
        compared(f"{label}: parent ru_maxrss (see VmHWM)", f, "parent_maxrss_mb", "fts5_maxrss_mb", "{:,.0f} MB"),
        compared(f"{label}: index size", f, "index_mb", "fts5_db_mb", "{:,.1f} MB"),
        Row(f"{label}: catalog size", f"{f['catalog_mb']:,.1f} MB"),
    ]
    for stage in f["follow_up"]:
        if not stage.get("missing"):
            seconds, peak = stage["seconds"], stage["peak_tree_bytes"] / MB
            rows.append(Row(f"{label}: follow-up stage {stage['stage']}", f"{seconds:.1f} s, {peak:,.0f} MB"))
    return rows


def rescan_rows(real: Json, large: Json | None, size: int) -> list[Row]:
    rows = [Row("re-scan, unchanged real archive (1 file)", f"{real['rescan_seconds']:.2f} s")]
    if large is None:
        rows.append(Row(f"re-scan, unchanged {size:,} files", "not run", target=f"< {TARGET_RESCAN_S:.0f} s"))
    else:
        rows.append(
            Row(
                f"re-scan, unchanged {size:,} files",
                f"{large['rescan_seconds']:.2f} s",
                "",
                "",
                f"< {TARGET_RESCAN_S:.0f} s",
                large["rescan_seconds"] < TARGET_RESCAN_S,
            )
        )
    return rows


def search_rows(label: str, s: Json, with_targets: bool) -> list[Row]:
    mine, base = s["letopis"], s["fts5"]
    rows = []
    for key, target in (("p50", TARGET_P50_MS), ("p95", TARGET_P95_MS), ("max", None)):
        rows.append(
            Row(
                f"search {label}: {key}",
                f"{mine[key]:.1f} ms",
                f"{base[key]:.1f} ms",
                f"{ratio(mine[key], base[key]):.2f}x",
                f"< {target:.0f} ms" if target and with_targets else "",
                mine[key] < target if target and with_targets else None,
            )
        )
    return rows


def print_table(rows: Sequence[Row]) -> None:
    print("\n| figure | Letopis | FTS5 baseline | ratio | target | result |")
    print("|---|---:|---:|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")


def machine() -> Json:
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    total_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpus": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "memory_gb": total_kb / 1024 / 1024,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_at_start": os.getloadavg(),
    }


def snapshot_sources(workdir: Path) -> Path:
    """Copy the Letopis sources into ``workdir``; the steps started from now on import the copy."""
    target = workdir / "code"
    shutil.rmtree(target, ignore_errors=True)
    for name in ("viewer", "resources"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    os.environ[CODE_VARIABLE] = str(target)
    return target


def code_state(code: Path = ROOT) -> Json:
    """The project's commit, and a digest of the Letopis sources under ``code`` (maybe uncommitted)."""
    digest = hashlib.sha256()
    files = sorted((code / "viewer").rglob("*.py"))
    for path in files:
        digest.update(str(path.relative_to(code)).encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        command = ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]
        commit = subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    newest = max(path.stat().st_mtime for path in files)
    return {
        "commit": commit,
        "sources_sha256": digest.hexdigest()[:16],
        "newest_source": datetime.fromtimestamp(newest, UTC).isoformat(timespec="seconds"),
    }


# --- the run -----------------------------------------------------------------------------------


def run_imports(label: str, folder: Path, source: Path, workdir: Path, follow_up: list[str]) -> tuple[Json, Json]:
    print(f"\n[{label}] importing with Letopis ({WORKERS} workers) ...", flush=True)
    params = {
        "label": label,
        "home": str(workdir / f"home-{label}"),
        "folder": str(folder),
        "workers": WORKERS,
        "follow_up": follow_up,
    }
    letopis = run_step("letopis-import", params, workdir)
    print(f"[{label}] {letopis['summary']}; now the FTS5 baseline ...", flush=True)
    fts_params = {"label": label, "db": str(workdir / f"fts5-{label}.sqlite3"), "source": str(source)}
    fts = run_step("fts5-import", fts_params, workdir)
    return letopis, fts


def run_all(args: argparse.Namespace, workdir: Path) -> Json:
    snapshot = snapshot_sources(workdir)
    figures: Json = {"machine": machine(), "code": code_state(snapshot), "command": " ".join(["python", *sys.argv])}
    info, code = figures["machine"], figures["code"]
    print(
        f"Letopis at commit {code['commit']}; every step imports a copy of its sources taken now "
        f"(digest {code['sources_sha256']}, newest file {code['newest_source']})"
    )
    print(
        f"{info['cpu']}; {info['cpus']} CPUs ({info['usable_cpus']} usable), {info['memory_gb']:.1f} GiB; "
        f"Python {info['python']}, SQLite {info['sqlite']}; load average {info['load_at_start'][0]:.2f}",
        flush=True,
    )
    real_folder = workdir / "real"
    shutil.rmtree(real_folder, ignore_errors=True)
    real_folder.mkdir(parents=True)
    shutil.copy(args.corpora / REAL, real_folder / REAL)
    follow_up = [] if args.skip_follow_up else list(FOLLOW_UP_STAGES)
    real_letopis, real_fts = run_imports("real", real_folder, real_folder / REAL, workdir, follow_up)
    figures["real"] = import_figures(real_letopis, real_fts)
    print_import("Real corpus import", figures["real"], real_letopis)

    search_label, search_home = "real corpus", "real"
    if not args.skip_large:
        large_folder = workdir / "large"
        print(f"\n[large] building {args.size:,} files in {large_folder} ...", flush=True)
        build_seconds, reused = build_large(args.corpora, large_folder, args.size)
        figures["large_build"] = {"seconds": build_seconds, "reused": reused, "files": args.size}
        print(f"[large] {'reused the earlier build' if reused else f'built in {build_seconds:.1f} s'}", flush=True)
        large_letopis, large_fts = run_imports("large", large_folder, large_folder, workdir, [])
        figures["large"] = import_figures(large_letopis, large_fts)
        print_import(f"Large archive import ({args.size:,} files)", figures["large"], large_letopis)
        search_label, search_home = f"{large_letopis['articles']:,} articles", "large"

    print(f"\n[search] {len(CASES)} queries, 1 warm-up round + {args.rounds} rounds ...", flush=True)
    search_params = {
        "label": search_home,
        "home": str(workdir / f"home-{search_home}"),
        "db": str(workdir / f"fts5-{search_home}.sqlite3"),
        "rounds": args.rounds,
    }
    figures["search"] = search_figures(run_step("search", search_params, workdir))
    figures["search"]["archive"] = search_label
    print_search(f"Search latency at {search_label}", figures["search"])
    figures["machine"]["load_at_end"] = os.getloadavg()
    figures["code_at_end"] = code_state()
    if figures["code_at_end"]["sources_sha256"] != code["sources_sha256"]:
        print(
            f"\nnote: the project's sources changed during the run (now at {figures['code_at_end']['commit']}); "
            "every step ran the copy taken at the start"
        )
    return figures


def summary_rows(figures: Json, size: int) -> list[Row]:
    rows = import_rows("real 8,934", figures["real"], with_targets=True)
    if "large" in figures:
        rows += import_rows(f"large {size:,}", figures["large"], with_targets=False)
    rows += rescan_rows(figures["real"], figures.get("large"), size)
    at_scale = "large" in figures
    rows += search_rows(f"at {figures['search']['archive']}", figures["search"], with_targets=at_scale)
    return rows


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--size", type=int, default=100_000, help="files in the large archive")
    parser.add_argument("--skip-large", action="store_true", help="no large archive; search the real corpus")
    parser.add_argument("--workdir", type=Path, help="scratch folder, kept afterwards (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of the query list")
    parser.add_argument(
        "--skip-follow-up", action="store_true", help="do not time the events and entities stages on the real corpus"
    )
    parser.add_argument("--step", nargs=3, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.step:
        name, request, answer = args.step
        return step_main(name, Path(request), Path(answer))
    missing = [name for name in (REAL, TELEGRAM) if not (args.corpora / name).is_file()]
    if missing:
        print(
            f"the corpora are not there: {', '.join(missing)} not found in {args.corpora} "
            "(give their folder with --corpora)",
            file=sys.stderr,
        )
        return 2
    args.corpora = args.corpora.resolve()
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="letopis-bench-"))).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        figures = run_all(args, workdir)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    rows = summary_rows(figures, args.size)
    print("\nSummary")
    print_table(rows)
    figures["summary"] = [
        dict(zip(("figure", "letopis", "fts5", "ratio", "target", "result"), r.cells(), strict=True)) for r in rows
    ]
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
