"""Speed and scale of event grouping (``viewer.events.grouping.group``) on real news.

Usage:
    python tests/benchmarks/grouping_speed.py [--corpora DIR] [--sizes 10000,100000] [--skip-naive]
                                              [--sample-pairs 200000] [--recall-articles 300]
                                              [--seed 1]

Articles: the dated Telegram posts and the RT / Nezavisimaya Gazeta articles of ``--corpora``
(default ``../shared/corpora`` next to the project; nothing is copied into the project), in one
fixed shuffled order. Sizes beyond the 27,562 records cycle through them again; copy k of a
record gets the id ``<id>~k`` and its date moved k × 400 days later, so copies of one story are
far apart in time and should not join the original's event. Copies of undated records get a
distinct date each, spread over the months of the Telegram posts shifted the same way (their
undated originals still pair with them: an unknown date never separates reports). Every smaller
set is the first part of the largest one.

In one run it measures:

1. fingerprinting of the largest set on a pool of 2 processes (chunks of 64), as the archive does;
2. at each size: the document-frequency table, candidate generation alone, and ``group`` from
   scratch (``fixed=None``), timed without tracing; then ``group`` again under ``tracemalloc``
   for its peak; ru_maxrss of the process; events, and the share of articles in events of two
   or more;
3. incremental grouping at the largest size: 95 % grouped from scratch, then the last 5 % added
   with ``fixed=`` that result (what a new import does);
4. (unless ``--skip-naive``) the all-pairs baseline at the smallest size: ``same_story_score`` on
   a random sample of pairs, extrapolated to all n(n-1)/2 pairs, and an estimate of the recall
   of candidate generation: ``--recall-articles`` random articles scored against every article
   of the set, counting how many of their above-threshold partners candidate generation
   proposed (and ``group`` put in the same event);
5. a summary table and the growth of grouping time from the smallest to the largest size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.events import similarity  # noqa: E402
from viewer.events.candidates import candidates  # noqa: E402
from viewer.events.features import StoryFingerprint, fingerprint  # noqa: E402
from viewer.events.frequencies import DocumentFrequencies  # noqa: E402
from viewer.events.grouping import _order_key, group  # noqa: E402
from viewer.events.similarity import SAME_STORY_THRESHOLD, same_story_score  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
TELEGRAM = "news_tg_channel_posts.jsonl.gz"
RT_NG = "news_rt_ng_articles.jsonl.gz"
SHIFT_DAYS = 400
# Undated copies are placed in the months the Telegram posts cover (May–December 2024).
UNDATED_START = datetime(2024, 5, 19, tzinfo=UTC)
UNDATED_SPAN_DAYS = 200
WORKERS = 2
CHUNKSIZE = 64
INCREMENT_SHARE = 0.05

T = TypeVar("T")
Item = tuple[str, StoryFingerprint]


@dataclass(frozen=True)
class Article:
    id: str
    title: str | None
    body: str
    published: datetime | None
    source: int  # index of the corpus record it was made from


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def read_jsonl(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def load_records(corpora: Path) -> list[tuple[str, str | None, str, datetime | None]]:
    records = []
    for name in (TELEGRAM, RT_NG):
        for row in read_jsonl(corpora / name):
            records.append((str(row["id"]), row.get("title"), row.get("text") or "", parse_date(row.get("date"))))
    return records


def build_articles(
    records: Sequence[tuple[str, str | None, str, datetime | None]], size: int, seed: int
) -> list[Article]:
    """``size`` articles: the records in one shuffled order, cycled with shifted dates."""
    rng = random.Random(seed)
    order = list(range(len(records)))
    rng.shuffle(order)
    articles = []
    for position in range(size):
        copy, index = divmod(position, len(order))
        source = order[index]
        record_id, title, body, published = records[source]
        if copy == 0:
            articles.append(Article(record_id, title, body, published, source))
            continue
        if published is not None:
            moment = published + timedelta(days=copy * SHIFT_DAYS)
        else:
            offset = timedelta(seconds=rng.uniform(0, UNDATED_SPAN_DAYS * 86_400))
            moment = UNDATED_START + timedelta(days=copy * SHIFT_DAYS) + offset
        articles.append(Article(f"{record_id}~{copy}", title, body, moment, source))
    return articles


def _fingerprint(row: tuple[str | None, str, datetime | None]) -> StoryFingerprint:
    return fingerprint(*row)


def fingerprint_all(
    articles: Sequence[Article], marks: Sequence[int]
) -> tuple[list[StoryFingerprint], dict[int, float]]:
    """Fingerprints on a pool of ``WORKERS``; seconds elapsed when each of ``marks`` was reached.

    The clock starts before the pool exists: starting the workers is part of the cost.
    """
    rows = [(a.title, a.body, a.published) for a in articles]
    elapsed: dict[int, float] = {}
    fingerprints: list[StoryFingerprint] = []
    wanted = set(marks)
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        for fp in pool.imap(_fingerprint, rows, chunksize=CHUNKSIZE):
            fingerprints.append(fp)
            done = len(fingerprints)
            if done in wanted:
                elapsed[done] = time.perf_counter() - started
            if done % 10_000 == 0:
                log(f"  fingerprinted {done:,} in {time.perf_counter() - started:.0f} s")
    return fingerprints, elapsed


def timed(call: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def rss_mb() -> float:
    """Current resident memory of this process."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return math.nan


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def fresh_group(items: Sequence[Item], df: DocumentFrequencies, fixed: dict[str, str] | None = None) -> dict[str, str]:
    # Weights cached by earlier calls under the same table would make a later run look faster.
    similarity._CACHE.clear()
    return group(items, df, fixed)


def traced_peak_mb(call: Callable[[], object]) -> tuple[float, float]:
    """(peak MB traced during ``call``, seconds under tracing)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        _, seconds = timed(call)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - before) / 2**20, seconds


def event_stats(event_of: dict[str, str], source_of: dict[str, int]) -> tuple[int, float, int]:
    """(events, share of articles in events of 2+, articles in events holding 2 copies of a record)."""
    members: dict[str, list[str]] = {}
    for article, key in event_of.items():
        members.setdefault(key, []).append(article)
    multi = sum(len(found) for found in members.values() if len(found) > 1)
    mixed = 0
    for found in members.values():
        sources = Counter(source_of[a] for a in found)
        if any(count > 1 for count in sources.values()):
            mixed += len(found)
    return len(members), multi / max(1, len(event_of)), mixed


@dataclass
class SizeResult:
    size: int
    fp_rate: float
    df_seconds: float
    candidate_seconds: float
    pairs: int
    group_seconds: float
    traced_mb: float
    traced_seconds: float
    rss_before_mb: float
    maxrss_mb: float
    events: int
    multi_share: float
    mixed: int
    kinds: tuple[int, int, int]  # candidate pairs with 0, 1 and 2 undated articles
    touching_last: int  # candidate pairs with an article among the last INCREMENT_SHARE


def in_group_order(items: Sequence[Item]) -> list[Item]:
    """The items in the order ``group`` gives them to ``candidates``.

    The order matters a little: an article with a single key is paired on that one key only
    with the articles after it.
    """
    return sorted(items, key=_order_key)


def classify_pairs(items: Sequence[Item], df: DocumentFrequencies) -> tuple[tuple[int, int, int], int]:
    """Candidate pairs by how many of the two are undated; and how many touch the last 5 % of ``items``."""
    last = {article for article, _ in items[len(items) - round(len(items) * INCREMENT_SHARE) :]}
    ordered = in_group_order(items)
    undated = [int(fp.published is None) for _, fp in ordered]
    added = [article in last for article, _ in ordered]
    kinds = [0, 0, 0]
    touching = 0
    for i, j in candidates([fp for _, fp in ordered], df):
        kinds[undated[i] + undated[j]] += 1
        touching += added[i] or added[j]
    return (kinds[0], kinds[1], kinds[2]), touching


def measure_size(
    articles: Sequence[Article], fingerprints: Sequence[StoryFingerprint], size: int, fp_rate: float
) -> tuple[SizeResult, list[Item], DocumentFrequencies, dict[str, str]]:
    items = [(a.id, fp) for a, fp in zip(articles[:size], fingerprints[:size], strict=True)]
    source_of = {a.id: a.source for a in articles[:size]}
    df, df_seconds = timed(lambda: DocumentFrequencies.of(fp for _, fp in items))
    ordered = [fp for _, fp in in_group_order(items)]
    pairs, candidate_seconds = timed(lambda: sum(1 for _ in candidates(ordered, df)))
    log(f"  {size:,}: table {df_seconds:.1f} s, {pairs:,} candidate pairs in {candidate_seconds:.1f} s")
    kinds, touching_last = classify_pairs(items, df)
    rss_before = rss_mb()
    event_of, group_seconds = timed(lambda: fresh_group(items, df))
    maxrss = maxrss_mb()
    log(f"  {size:,}: group {group_seconds:.1f} s")
    events, multi_share, mixed = event_stats(event_of, source_of)
    result = SizeResult(
        size,
        fp_rate,
        df_seconds,
        candidate_seconds,
        pairs,
        group_seconds,
        math.nan,  # traced at the end of the run, so that tracing slows nothing that is timed
        math.nan,
        rss_before,
        maxrss,
        events,
        multi_share,
        mixed,
        kinds,
        touching_last,
    )
    return result, items, df, event_of


@dataclass
class Incremental:
    size: int
    base_seconds: float
    add_seconds: float
    added: int
    joined: int


def measure_incremental(items: Sequence[Item], df_all: DocumentFrequencies) -> Incremental:
    """Group the first 95 % from scratch, then add the rest with the first result fixed."""
    split = len(items) - round(len(items) * INCREMENT_SHARE)
    base_items = items[:split]
    base_df = DocumentFrequencies.of(fp for _, fp in base_items)
    first, base_seconds = timed(lambda: fresh_group(base_items, base_df))
    log(f"  incremental: {split:,} from scratch in {base_seconds:.1f} s")
    # As the archive does: the table counts every article, the new ones included.
    result, add_seconds = timed(lambda: fresh_group(items, df_all, first))
    added = [article for article, _ in items[split:]]
    sizes = Counter(result.values())
    joined = sum(1 for article in added if sizes[result[article]] > 1)
    return Incremental(len(items), base_seconds, add_seconds, len(added), joined)


@dataclass
class Naive:
    size: int
    all_pairs: int
    sample: int
    weigh_seconds: float
    sample_seconds: float
    sample_hits: int
    linked_pairs: int
    rows: int
    row_pairs: int
    row_seconds: float
    row_hits: int
    row_proposed: int
    row_same_event: int

    @property
    def extrapolated_seconds(self) -> float:
        return self.weigh_seconds + self.sample_seconds / self.sample * self.all_pairs


def measure_naive(
    items: Sequence[Item], df: DocumentFrequencies, event_of: dict[str, str], sample: int, rows: int, seed: int
) -> Naive:
    ordered = in_group_order(items)  # candidate pairs exactly as group() proposes them
    fps = [fp for _, fp in ordered]
    n = len(fps)
    rng = random.Random(seed)
    similarity._CACHE.clear()
    # An all-pairs run weighs each article once; that part does not grow with the pairs.
    _, weigh_seconds = timed(lambda: [same_story_score(fp, fp, df) for fp in fps])
    pairs = []
    while len(pairs) < sample:
        i, j = rng.randrange(n), rng.randrange(n)
        if i != j:
            pairs.append((i, j))
    hits, sample_seconds = timed(
        lambda: sum(1 for i, j in pairs if same_story_score(fps[i], fps[j], df) >= SAME_STORY_THRESHOLD)
    )
    log(f"  naive: {sample:,} random pairs in {sample_seconds:.1f} s, {hits} at or above the threshold")

    proposed = {(i, j) for i, j in candidates(fps, df)}
    linked = sum(1 for i, j in proposed if same_story_score(fps[i], fps[j], df) >= SAME_STORY_THRESHOLD)
    chosen = rng.sample(range(n), min(rows, n))
    found: set[tuple[int, int]] = set()
    started = time.perf_counter()
    for done, i in enumerate(chosen, 1):
        for j in range(n):
            if j != i and same_story_score(fps[i], fps[j], df) >= SAME_STORY_THRESHOLD:
                found.add((min(i, j), max(i, j)))
        if done % 50 == 0:
            log(f"  recall: {done} of {len(chosen)} articles scored against all, {len(found)} pairs so far")
    row_seconds = time.perf_counter() - started
    ids = [article for article, _ in ordered]
    return Naive(
        size=n,
        all_pairs=n * (n - 1) // 2,
        sample=sample,
        weigh_seconds=weigh_seconds,
        sample_seconds=sample_seconds,
        sample_hits=hits,
        linked_pairs=linked,
        rows=len(chosen),
        row_pairs=len(chosen) * (n - 1),
        row_seconds=row_seconds,
        row_hits=len(found),
        row_proposed=sum(1 for pair in found if pair in proposed),
        row_same_event=sum(1 for i, j in found if event_of[ids[i]] == event_of[ids[j]]),
    )


def interval(hits: int, trials: int) -> tuple[float, float]:
    """95 % Wilson interval of a proportion."""
    if trials == 0:
        return 0.0, 0.0
    z, p = 1.96, hits / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return max(0.0, centre - spread), centre + spread


def duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.1f} s"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def report(sizes: Sequence[SizeResult], incremental: Incremental | None, naive: Naive | None, total: int) -> None:
    print()
    print(f"Fingerprinting: {total:,} articles on {WORKERS} processes (chunks of {CHUNKSIZE}):")
    for result in sizes:
        print(f"  first {result.size:,}: {result.fp_rate:,.0f} fingerprints/s")
    print()
    print(
        "| articles | table | candidates | pairs proposed | group | traced peak | RSS before → max"
        " | events | in events of 2+ | in copy-mixing events |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in sizes:
        print(
            f"| {r.size:,} | {r.df_seconds:.1f} s | {r.candidate_seconds:.1f} s | {r.pairs:,} "
            f"| {duration(r.group_seconds)} | {r.traced_mb:,.0f} MB | {r.rss_before_mb:,.0f} → {r.maxrss_mb:,.0f} MB "
            f"| {r.events:,} | {r.multi_share:.1%} | {r.mixed:,} |"
        )
    print()
    print("table: DocumentFrequencies.of. candidates: candidates() alone, in group()'s order (group() runs it")
    print("again inside). group: group(items, df) from scratch, not traced. traced peak: tracemalloc peak of")
    print(
        "another group() call at the end of the run (it took "
        + ", ".join(duration(r.traced_seconds) for r in sizes)
        + " under tracing)."
    )
    print("RSS: resident memory before the untraced call → ru_maxrss of the process right after it; the process")
    print("holds the fingerprints of the whole largest set throughout. Copy-mixing events: events holding two")
    print("copies of one corpus record (an undated original joins one of its dated copies).")
    print()
    print("Candidate pairs by dates (both dated / one undated / both undated):")
    for r in sizes:
        print(f"  {r.size:,}: {r.kinds[0]:,} / {r.kinds[1]:,} / {r.kinds[2]:,}")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        growth = last.group_seconds / first.group_seconds
        factor = last.size / first.size
        exponent = math.log(growth) / math.log(factor)
        print()
        print(
            f"Growth of group() from {first.size:,} to {last.size:,} articles ({factor:.0f}x): {growth:.1f}x "
            f"(linear {factor:.0f}x, quadratic {factor * factor:.0f}x; time ~ n^{exponent:.2f}); "
            f"candidate pairs {last.pairs / max(1, first.pairs):.1f}x"
        )
    if incremental is not None:
        full = next(r for r in sizes if r.size == incremental.size)
        print()
        print(
            f"Incremental at {incremental.size:,}: the first {incremental.size - incremental.added:,} grouped from "
            f"scratch in {duration(incremental.base_seconds)}; adding the last {incremental.added:,} with fixed= "
            f"took {duration(incremental.add_seconds)} = {incremental.add_seconds / full.group_seconds:.2f} of "
            f"the full grouping ({duration(full.group_seconds)}); {incremental.joined:,} of the added are in "
            f"events of 2+. Candidate generation enumerated all {full.pairs:,} pairs again; "
            f"{full.touching_last:,} of them involve an added article and were scored."
        )
    if naive is not None:
        by_size = next(r for r in sizes if r.size == naive.size)
        per_pair = naive.sample_seconds / naive.sample
        low, high = interval(naive.sample_hits, naive.sample)
        row_low, row_high = interval(naive.row_hits, naive.row_pairs)
        rate = naive.row_hits / naive.row_pairs
        print()
        print(
            f"All pairs at {naive.size:,} articles = {naive.all_pairs:,} pairs, NOT run in full: EXTRAPOLATED from "
            f"{naive.sample:,} random pairs scored in {naive.sample_seconds:.1f} s ({1 / per_pair:,.0f} pairs/s) "
            f"plus weighing each article once ({naive.weigh_seconds:.1f} s): about "
            f"{duration(naive.extrapolated_seconds)} = {naive.extrapolated_seconds / by_size.group_seconds:,.0f}x "
            f"group() at {naive.size:,} ({duration(by_size.group_seconds)})."
        )
        print(
            f"Same-story pairs (score >= {SAME_STORY_THRESHOLD}): {naive.sample_hits} in the random sample, "
            f"suggesting about {naive.sample_hits / naive.sample * naive.all_pairs:,.0f} among all pairs "
            f"(95 % interval {low * naive.all_pairs:,.0f}–{high * naive.all_pairs:,.0f}); "
            f"{naive.rows} articles scored against all {naive.size:,} ({naive.row_pairs:,} pairs, "
            f"{duration(naive.row_seconds)}) suggest {rate * naive.all_pairs:,.0f} "
            f"({row_low * naive.all_pairs:,.0f}–{row_high * naive.all_pairs:,.0f}). "
            f"Candidate generation proposed {by_size.pairs:,} pairs, of which {naive.linked_pairs:,} "
            f"score at or above the threshold."
        )
        recall = naive.row_proposed / naive.row_hits if naive.row_hits else math.nan
        print(
            f"Recall of candidate generation: of the {naive.row_hits:,} above-threshold pairs of those "
            f"{naive.rows} articles, {naive.row_proposed:,} were proposed ({recall:.1%}); "
            f"{naive.row_same_event:,} ended in the same event."
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated article counts")
    parser.add_argument("--skip-naive", action="store_true", help="skip the all-pairs baseline and recall check")
    parser.add_argument("--sample-pairs", type=int, default=200_000)
    parser.add_argument("--recall-articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    missing = [name for name in (TELEGRAM, RT_NG) if not (args.corpora / name).exists()]
    if missing:
        print(f"corpora not found: {', '.join(str(args.corpora / name) for name in missing)}", file=sys.stderr)
        return 1
    sizes = sorted({int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()})
    if not sizes or sizes[0] < 2:
        print("--sizes needs article counts of at least 2", file=sys.stderr)
        return 1

    records = load_records(args.corpora)
    articles = build_articles(records, sizes[-1], args.seed)
    dated = sum(1 for a in articles if a.published is not None)
    log(f"{len(records):,} corpus records; {len(articles):,} articles, {dated:,} dated")
    fingerprints, elapsed = fingerprint_all(articles, sizes)
    log(f"fingerprinted {len(articles):,} in {elapsed[sizes[-1]]:.0f} s")

    results = []
    measured = []
    for size in sizes:
        result, items, df, event_of = measure_size(articles, fingerprints, size, size / elapsed[size])
        results.append(result)
        measured.append((result, items, df))
        if size == sizes[0]:
            first_items, first_df, first_events = items, df, event_of
        if size == sizes[-1]:
            last_items, last_df = items, df
    incremental = measure_incremental(last_items, last_df)
    naive = None
    if not args.skip_naive:
        naive = measure_naive(first_items, first_df, first_events, args.sample_pairs, args.recall_articles, args.seed)
    for result, items, df in measured:
        result.traced_mb, result.traced_seconds = traced_peak_mb(lambda items=items, df=df: fresh_group(items, df))
        log(f"  {result.size:,}: traced peak {result.traced_mb:,.0f} MB ({result.traced_seconds:.0f} s under tracing)")
    report(results, incremental, naive, len(articles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
