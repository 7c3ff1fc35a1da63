"""NER speed: plain natasha in one process against Letopis's ``extract_in_parallel``.

Usage:
    python tests/benchmarks/ner_speed.py [--n 1000] [--workers 2] [--data PATH]
                                         [--skip natasha-ner,natasha-normal,letopis-1]

Over the first N articles of the RT / Nezavisimaya Gazeta corpus, each in a fresh
Python process (so that peak memory is its own), it times:

* ``natasha-ner``: natasha's documented NER pipeline, ``Doc(text).segment(segmenter)``
  and ``doc.tag_ner(ner_tagger)``, one process;
* ``natasha-normal``: the same plus normal forms the documented way, which needs
  morphology: ``doc.tag_morph(morph_tagger)`` and ``span.normalize(morph_vocab)``
  for every span, one process;
* ``letopis-1``: ``EntityExtractor.extract_many`` (mentions with normal forms), one process;
* ``letopis-parallel``: ``extract_in_parallel`` on ``--workers`` processes.

Model loading is not timed, except in the parallel run, where starting the workers
is part of every call. Printed: wall-clock and CPU seconds, articles/s, characters/s,
the ratio of ``letopis-parallel`` to the other rows, and peak resident memory (for
the parallel run the parent's and the largest worker's). The load average before and
after is printed too: other processes on the machine slow every row, the parallel
one most, since it needs both cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "news_rt_ng_articles.jsonl.gz"
# The two rows compared most are run next to each other, so that the load of
# other processes on the machine is as alike as it can be for them.
SYSTEMS = ("natasha-ner", "letopis-parallel", "letopis-1", "natasha-normal")


def read_texts(path: Path, count: int) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            texts.append(text)
            if len(texts) >= count:
                break
    return texts


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the parallel workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(system: str, texts: list[str], workers: int) -> dict:
    """Run one system over the texts in this process; seconds exclude model loading."""
    mentions = 0
    cpu_started = 0.0
    if system.startswith("natasha"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from natasha import (
                Doc,
                MorphVocab,
                NewsEmbedding,
                NewsMorphTagger,
                NewsNERTagger,
                Segmenter,
            )

            embedding = NewsEmbedding()
            segmenter, ner_tagger = Segmenter(), NewsNERTagger(embedding)
            normal = system == "natasha-normal"
            if normal:
                morph_tagger, vocab = NewsMorphTagger(embedding), MorphVocab()
        started, cpu_started = time.perf_counter(), cpu_seconds()
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            if normal:
                doc.tag_morph(morph_tagger)
            doc.tag_ner(ner_tagger)
            if normal:
                for span in doc.spans:
                    span.normalize(vocab)
            mentions += len(doc.spans)
        seconds = time.perf_counter() - started
    elif system == "letopis-1":
        from viewer.entities import EntityExtractor

        extractor = EntityExtractor()
        started, cpu_started = time.perf_counter(), cpu_seconds()
        for found in extractor.extract_many(texts):
            mentions += len(found)
        seconds = time.perf_counter() - started
    else:
        from viewer.entities import extract_in_parallel

        # Worker start-up (spawn + model load, about 2 s) is part of every parallel
        # run, so it is timed: the clock starts before the pool exists.
        started, cpu_started = time.perf_counter(), cpu_seconds()
        pairs = [(str(index), text) for index, text in enumerate(texts)]
        for _, found in extract_in_parallel(pairs, workers=workers):
            mentions += len(found)
        seconds = time.perf_counter() - started
    return {
        "system": system,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu_started,
        "mentions": mentions,
        "peak_mb": peak_mb(resource.RUSAGE_SELF),
        "children_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
    }


def run_child(system: str, args: argparse.Namespace) -> dict:
    command = [
        sys.executable,
        __file__,
        "--measure",
        system,
        "--n",
        str(args.n),
        "--workers",
        str(args.workers),
        "--data",
        str(args.data),
    ]
    finished = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(finished.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--skip", default="", help="comma-separated systems not to run")
    parser.add_argument("--measure", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    texts = read_texts(args.data, args.n)
    if args.measure:
        print(json.dumps(measure(args.measure, texts, args.workers)))
        return 0

    characters = sum(map(len, texts))
    print(f"{len(texts)} articles, {characters:,} characters; workers={args.workers}; cores={os.cpu_count()}")
    # Other processes on the machine skew every row; the load shows how much.
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    skipped = {name for name in args.skip.split(",") if name}
    results = {}
    for system in SYSTEMS:
        if system in skipped:
            continue
        results[system] = result = run_child(system, args)
        print(
            f"{system:<18}{result['seconds']:>8.1f} s (CPU {result['cpu_seconds']:>6.1f} s)"
            f"{len(texts) / result['seconds']:>8.1f} articles/s"
            f"{characters / result['seconds']:>11,.0f} chars/s  mentions {result['mentions']:>6}"
            f"  peak RSS {result['peak_mb']:>5.0f} MB"
            + (f" (largest worker {result['children_peak_mb']:.0f} MB)" if system == "letopis-parallel" else ""),
            flush=True,
        )
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    parallel = results.get("letopis-parallel")
    if parallel:
        for baseline in ("natasha-ner", "natasha-normal", "letopis-1"):
            if baseline in results:
                ratio = results[baseline]["seconds"] / parallel["seconds"]
                cpu_ratio = results[baseline]["cpu_seconds"] / parallel["cpu_seconds"]
                print(f"letopis-parallel vs {baseline}: {ratio:.2f}x wall clock, {cpu_ratio:.2f}x CPU time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
