"""Quality and speed of the same-story judgement on the labelled development pairs.

    python tests/benchmarks/same_story_quality.py [--corpora DIR] [--background telegram]

Prints, for positive pairs (label 1 = same story): precision, recall and F1 of
(1) plain TF-IDF cosine over all lemmas at its best threshold on these pairs (an optimistic
baseline: its threshold is fitted to the data it is scored on), and
(2) the method at its fixed threshold ``SAME_STORY_THRESHOLD``;
then cross-validated F1 (2-fold and 5-fold, repeated random splits) where the threshold, and in a
second variant also ``NAME_WEIGHT`` and ``FACT_PENALTY``, are chosen on the training folds only
and scored on the held-out fold; then how many positive pairs candidate generation finds, and
the speed of fingerprinting and scoring.

The "archive" whose document frequencies weigh words is the 250 development articles, plus the
Telegram posts with ``--background telegram``. The corpora are read from ``--corpora`` (default
``../shared/corpora`` next to the project) and never copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from itertools import combinations, pairwise, product
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.events import (  # noqa: E402
    SAME_STORY_THRESHOLD,
    DocumentFrequencies,
    StoryFingerprint,
    candidates,
    fingerprint,
)
from viewer.events.similarity import (  # noqa: E402
    FACT_PENALTY,
    NAME_WEIGHT,
    ScoreParts,
    same_story_score,
    score_parts,
)
from viewer.text.lemmas import lemmas  # noqa: E402

ARTICLES = "same_story_dev_articles.jsonl"
PAIRS = "same_story_dev_pairs.jsonl"
TELEGRAM = "news_tg_channel_posts.jsonl.gz"
REPEATS = 20
NAME_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
FACT_PENALTIES = (0.0, 0.25, 0.5, 0.75, 1.0)

Labelled = list[tuple[float, int]]


def read_jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def published(record: dict) -> datetime | None:
    try:
        return datetime.fromisoformat(record["date"]) if record.get("date") else None
    except ValueError:
        return None


def prf(scored: Labelled, threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for score, label in scored if score >= threshold and label)
    fp = sum(1 for score, label in scored if score >= threshold and not label)
    fn = sum(1 for score, label in scored if score < threshold and label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1


def best_threshold(scored: Labelled) -> float:
    """Threshold maximising F1; midway between neighbouring scores so it generalises sensibly."""
    values = sorted({score for score, _ in scored})
    cuts = [values[0]] + [(low + high) / 2 for low, high in pairwise(values)]
    return max(cuts, key=lambda cut: (prf(scored, cut)[2], -cut))


def cross_validated(
    items: Sequence[tuple[ScoreParts, int]] | Sequence[tuple[float, int]],
    folds: int,
    fit: Callable[[Sequence], Callable[[object], bool]],
) -> tuple[float, float]:
    """Mean and spread of pooled out-of-fold F1 over repeated random splits."""
    results = []
    for repeat in range(REPEATS):
        order = list(range(len(items)))
        random.Random(repeat).shuffle(order)
        predicted: list[tuple[float, int]] = []
        for fold in range(folds):
            test = set(order[fold::folds])
            decide = fit([items[i] for i in order if i not in test])
            predicted.extend((1.0 if decide(items[i][0]) else 0.0, items[i][1]) for i in test)
        results.append(prf(predicted, 0.5)[2])
    return statistics.mean(results), statistics.pstdev(results)


def fit_threshold(train: Sequence[tuple[float, int]]) -> Callable[[object], bool]:
    cut = best_threshold(list(train))
    return lambda score: score >= cut  # type: ignore[operator]


def fit_weights(train: Sequence[tuple[ScoreParts, int]]) -> Callable[[object], bool]:
    best = (-1.0, 0.0, 0.0, 0.0)
    for name_weight, penalty in product(NAME_WEIGHTS, FACT_PENALTIES):
        scored = [(parts.combine(name_weight, penalty), label) for parts, label in train]
        cut = best_threshold(scored)
        best = max(
            best, (prf(scored, cut)[2], -abs(name_weight - NAME_WEIGHT), name_weight, penalty)
        )
    _, _, name_weight, penalty = best
    scored = [(parts.combine(name_weight, penalty), label) for parts, label in train]
    cut = best_threshold(scored)
    return lambda parts: parts.combine(name_weight, penalty) >= cut  # type: ignore[attr-defined]


def baseline_scores(
    articles: dict[str, dict], pairs: list[dict], background: list[str]
) -> Labelled:
    """Plain TF-IDF cosine over all lemmas of title and text, IDF over the same archive."""
    counts = {
        key: Counter(lemmas(f"{a.get('title') or ''}\n{a['text']}")) for key, a in articles.items()
    }
    df = DocumentFrequencies.of(list(counts.values()))
    for text in background:
        df.add(lemmas(text))
    vectors = {}
    for key, found in counts.items():
        vector = {word: (1 + math.log(n)) * df.idf(word) for word, n in found.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors[key] = {word: v / norm for word, v in vector.items()}
    return [
        (
            sum(v * vectors[p["id2"]].get(w, 0.0) for w, v in vectors[p["id1"]].items()),
            int(p["label"]),
        )
        for p in pairs
    ]


def line(name: str, scored: Labelled, threshold: float) -> str:
    precision, recall, f1 = prf(scored, threshold)
    return f"{name:<44} threshold {threshold:.3f}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--background", choices=("none", "telegram"), default="none")
    args = parser.parse_args(argv)
    corpora: Path = args.corpora
    if not (corpora / ARTICLES).is_file() or not (corpora / PAIRS).is_file():
        print(f"no {ARTICLES} / {PAIRS} in {corpora}", file=sys.stderr)
        return 2

    articles = {record["id"]: record for record in read_jsonl(corpora / ARTICLES)}
    pairs = [
        pair
        for pair in read_jsonl(corpora / PAIRS)
        if pair["id1"] in articles and pair["id2"] in articles
    ]
    positives = sum(1 for pair in pairs if pair["label"])
    print(f"{len(pairs)} pairs ({positives} same story) over {len(articles)} articles")

    rates = []
    for _ in range(2):  # the first pass also fills the lemmatiser's cache of word forms
        started = time.perf_counter()
        prints: dict[str, StoryFingerprint] = {
            key: fingerprint(a.get("title"), a.get("text") or "", published(a))
            for key, a in articles.items()
        }
        rates.append(len(prints) / (time.perf_counter() - started))
    df = DocumentFrequencies.of(prints.values())

    background: list[str] = []
    if args.background == "telegram":
        background = [record["text"] for record in read_jsonl(corpora / TELEGRAM)]
        for text in background:
            df.add(fingerprint(None, text, None))
    print(
        f"archive for document frequencies: {df.n_docs} articles ({args.background} background)\n"
    )

    baseline = baseline_scores(articles, pairs, background)
    print(line("(1) TF-IDF cosine, best threshold on these", baseline, best_threshold(baseline)))
    parts = [(score_parts(prints[p["id1"]], prints[p["id2"]], df), int(p["label"])) for p in pairs]
    method = [(part.combine(), label) for part, label in parts]
    print(line("(2) same_story_score, fixed threshold", method, SAME_STORY_THRESHOLD))
    print(line("    same_story_score, best threshold on these", method, best_threshold(method)))
    print(f"    (NAME_WEIGHT {NAME_WEIGHT}, FACT_PENALTY {FACT_PENALTY})\n")

    print(f"cross-validated F1 (pooled out-of-fold, mean ± sd over {REPEATS} random splits)")
    for folds in (2, 5):
        base_cv = cross_validated(baseline, folds, fit_threshold)
        threshold_cv = cross_validated(method, folds, fit_threshold)
        weights_cv = cross_validated(parts, folds, fit_weights)
        print(
            f"  {folds}-fold  baseline (threshold) {base_cv[0]:.3f} ± {base_cv[1]:.3f}   "
            f"method (threshold) {threshold_cv[0]:.3f} ± {threshold_cv[1]:.3f}   "
            f"method (weights + threshold) {weights_cv[0]:.3f} ± {weights_cv[1]:.3f}"
        )

    index = {key: i for i, key in enumerate(prints)}
    ordered = list(prints.values())
    started = time.perf_counter()
    proposed = set(candidates(ordered, df))
    candidate_seconds = time.perf_counter() - started
    found = sum(
        1
        for p in pairs
        if p["label"] and tuple(sorted((index[p["id1"]], index[p["id2"]]))) in proposed
    )
    all_pairs = len(ordered) * (len(ordered) - 1) // 2
    print(
        f"\ncandidates: {len(proposed)} of {all_pairs} pairs proposed "
        f"({len(proposed) / all_pairs:.1%}), {found} of {positives} same-story pairs among them, "
        f"{candidate_seconds:.2f} s"
    )

    every = list(combinations(ordered, 2))
    started = time.perf_counter()
    for a, b in every:
        same_story_score(a, b, df)
    pair_rate = len(every) / (time.perf_counter() - started)
    print(
        f"speed: {rates[0]:.0f} fingerprints/s (first pass), {rates[1]:.0f} fingerprints/s "
        f"(lemmas cached); {pair_rate:.0f} pairs/s (all {len(every)} pairs of the articles)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
