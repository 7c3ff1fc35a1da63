"""Speed and memory of ``viewer.compare`` on an event of ten reports.

    python tests/benchmarks/compare_speed.py [--corpora DIR] [--reports 10] [--runs 5]

The event is the three sample reports of the XVI Russia–Kazakhstan forum (resources/sample
000-002) plus the first corpus articles of the RT / Nezavisimaya Gazeta corpus that mention
Kazakhstan and are of similar length (1,500-6,000 characters), so that the set shares some
vocabulary, as coverage of one event does, without being copies. Corpus articles without a date
get none, so the timeline has undated reports too. The corpus is read from ``--corpora`` (default
``../shared/corpora`` next to the project) and never copied into the project.

Printed: the reports' sizes, the median and spread of ``compare`` over ``--runs`` runs, what was
found, the time of the HTML and CSV exports, and peak memory: the Python allocations during one
comparison (tracemalloc) and the process's peak resident size.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.compare import ReportInput, compare, export_csv, export_html  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
SAMPLE = ROOT / "resources" / "sample"
TOPIC = "Казахстан"
MIN_CHARS, MAX_CHARS = 1500, 6000


def seed(prefix: str) -> ReportInput:
    text = next(SAMPLE.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    head, rest = text.split("\nOriginal:", 1)
    outlet = re.match(r" \[(.*?)\]", rest)
    title = re.search(r"^# (.*)$", head, re.M)
    published = re.search(r"Published at: \*\*(.*?)\*\*", head)
    return ReportInput(
        prefix,
        title.group(1) if title else "",
        rest.split("\n", 1)[1],
        outlet.group(1) if outlet else None,
        datetime.fromisoformat(published.group(1)) if published else None,
    )


def corpus_reports(path: Path, count: int) -> list[ReportInput]:
    found: list[ReportInput] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if len(found) >= count:
                break
            record = json.loads(line)
            text = record.get("text") or ""
            if TOPIC not in text or not MIN_CHARS <= len(text) <= MAX_CHARS:
                continue
            published = None
            if record.get("date"):
                try:
                    published = datetime.fromisoformat(record["date"])
                except ValueError:
                    published = None
                if published is not None and published.utcoffset() is None:
                    published = None
            found.append(ReportInput(record["id"], record.get("title") or "", text, record.get("outlet"), published))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--reports", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    reports = [seed("000"), seed("001"), seed("002")]
    corpus = args.corpora / "news_rt_ng_articles.jsonl.gz"
    if args.reports > len(reports):
        if not corpus.is_file():
            sys.exit(f"corpus not found: {corpus}")
        reports += corpus_reports(corpus, args.reports - len(reports))
    sizes = [len(report.body) for report in reports]
    print(f"{len(reports)} reports, {sum(sizes):,} characters (min {min(sizes):,}, max {max(sizes):,})")

    compare(reports)  # warm the lemma cache, as a running viewer would have it
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        comparison = compare(reports)
        timings.append(time.perf_counter() - started)
    print(
        f"compare: median {statistics.median(timings) * 1000:.0f} ms over {args.runs} runs "
        f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f})"
    )
    aligned = sum(1 for passage in comparison.passages if passage.kind != "unique")
    kinds = Counter(link.kind for link in comparison.links)
    print(
        f"found: {sum(len(s) for s in comparison.sentences)} sentences, {aligned} aligned passages, "
        f"links {dict(kinds)}, "
        f"{len(comparison.discrepancies)} discrepancies, {len(comparison.quotes)} quotes, "
        f"{len(comparison.quote_matches)} quote matches"
    )

    started = time.perf_counter()
    html, table = io.StringIO(), io.StringIO()
    export_html(comparison, html)
    middle = time.perf_counter()
    export_csv(comparison, table)
    print(
        f"export: HTML {(middle - started) * 1000:.0f} ms ({len(html.getvalue()):,} characters), "
        f"CSV {(time.perf_counter() - middle) * 1000:.1f} ms"
    )

    tracemalloc.start()
    compare(reports)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"memory: {peak / 2**20:.1f} MB allocated at peak during one comparison; process peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
