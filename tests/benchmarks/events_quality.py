"""Letopis's own event grouping scored against hand-labelled events in real multi-channel coverage.

    python tests/benchmarks/events_quality.py [--corpora DIR] [--events tg_events_dev.json] [--show N]

Imports every Telegram post of the labelled window with a day either side as distractors
(``news_tg_channel_posts.jsonl.gz``, read as the import reads it) into a fresh archive, lets
``Library.add`` group them as it groups any import, and compares the events with the labelled
groups. Only the labelled posts are scored: an unlabelled post may belong to a labelled event or
to none. Printed: B-cubed precision, recall and F (per post: of the labelled posts in its event,
how many share its label; of the posts sharing its label, how many are in its event), pairwise
precision, recall and F1 over pairs of labelled posts, the «hard» pairs of near-topic events that
ended up sharing an event, and, with ``--show``, the labelled groups that were split or joined.

Then the same-story judgement on every pair of labelled posts, cross-validated by event: the events
are dealt into 5 folds (events a «hard» pair joins stay in one fold, so that each fold holds its
near misses), 10 times over, and each fold's pairs are scored at the fixed threshold with the time
factor's half-life set to each of the values tried. Printed: pair F1 mean ± sd over the folds, and
the near-topic pairs linked per fold.

Last, the judgement on the labelled development pairs (``same_story_quality.py``, cross-validated
by pair), so that one run gives every quality figure of docs/events.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.events.features import StoryFingerprint  # noqa: E402
from viewer.events.frequencies import DocumentFrequencies  # noqa: E402
from viewer.events.similarity import SAME_STORY_THRESHOLD, gap_hours, score_parts  # noqa: E402
from viewer.library import Library  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import same_story_quality  # noqa: E402

POSTS = "news_tg_channel_posts.jsonl.gz"


def window_posts(corpora: Path, first: date, last: date) -> list[str]:
    """The JSON lines of every post dated from ``first`` to ``last`` (inclusive)."""
    lines = []
    with gzip.open(corpora / POSTS, "rt", encoding="utf-8") as posts:
        for line in posts:
            day = str(json.loads(line).get("date") or "")[:10]
            if first.isoformat() <= day <= last.isoformat():
                lines.append(line)
    return lines


def b_cubed(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F of ``found`` (post -> event) against ``truth`` (post -> group)."""
    by_event: dict[str, set[str]] = defaultdict(set)
    by_group: dict[str, set[str]] = defaultdict(set)
    for post, group in truth.items():
        by_group[group].add(post)
        by_event[found[post]].add(post)
    precision = recall = 0.0
    for post, group in truth.items():
        together = by_event[found[post]] & by_group[group]
        precision += len(together) / len(by_event[found[post]])
        recall += len(together) / len(by_group[group])
    precision, recall = precision / len(truth), recall / len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    same_truth = same_found = both = 0
    for a, b in combinations(sorted(truth), 2):
        t, f = truth[a] == truth[b], found[a] == found[b]
        same_truth += t
        same_found += f
        both += t and f
    precision = both / same_found if same_found else 1.0
    recall = both / same_truth if same_truth else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(labels: dict[str, object], found: dict[str, str]) -> dict[str, object]:
    """Every figure of the grouping ``found`` (post id -> event) against the labels."""
    groups: dict[str, list[str]] = labels["groups"]  # type: ignore[assignment]
    truth = {post: group for group, posts in groups.items() for post in posts if post in found}
    missing = sum(len(posts) for posts in groups.values()) - len(truth)
    bp, br, bf = b_cubed(truth, found)
    pp, pr, pf = pairwise(truth, found)
    joined = [
        (a, b) for a, b in labels["hard"]  # type: ignore[attr-defined]
        if {found[p] for p in groups[a] if p in found} & {found[p] for p in groups[b] if p in found}
    ]
    return {"posts": len(truth), "missing": missing, "b_cubed": (bp, br, bf), "pairwise": (pp, pr, pf),
            "hard": len(labels["hard"]), "hard_joined": joined}  # type: ignore[arg-type]


# (event or pair of events, same event?, near-topic pair?, score before the time factor, hours apart)
LabelledPair = tuple[str, bool, bool, float, float]
HALF_LIVES = (0.0, 6.0, 12.0, 24.0, 48.0)  # hours; 0: no time factor


def labelled_pairs(library: Library, labels: dict[str, object]) -> list[LabelledPair]:
    """Every pair of labelled posts, judged on the fingerprints the import made."""
    groups: dict[str, list[str]] = labels["groups"]  # type: ignore[assignment]
    hard = {frozenset(pair) for pair in labels["hard"]}  # type: ignore[attr-defined]
    article_of = {s: a.id for a in library.catalog.all_articles() for s in a.source_ids}
    prints = {
        article: StoryFingerprint.from_dict(json.loads(data))
        for article, data in library.catalog.db.execute("SELECT article_id, data FROM story_fingerprints")
    }
    df = DocumentFrequencies.of(prints.values())
    label = {post: group for group, posts in groups.items() for post in posts if article_of.get(post) in prints}
    pairs = []
    for a, b in combinations(sorted(label), 2):
        fa, fb = prints[article_of[a]], prints[article_of[b]]
        parts = score_parts(fa, fb, df)
        untimed = parts.combine() / parts.time if parts.time else 0.0
        key = label[a] if label[a] == label[b] else "|".join(sorted((label[a], label[b])))
        pairs.append((key, label[a] == label[b], frozenset((label[a], label[b])) in hard, untimed,
                      gap_hours(fa, fb) or 0.0))
    return pairs


def pair_cv(labels: dict[str, object], pairs: list[LabelledPair], folds: int = 5, rounds: int = 10) -> None:
    groups = sorted(labels["groups"])  # type: ignore[call-overload]
    unit = {group: group for group in groups}  # events a hard pair joins share a unit

    def root(group: str) -> str:
        while unit[group] != group:
            group = unit[group]
        return group

    for a, b in labels["hard"]:  # type: ignore[attr-defined]
        unit[root(a)] = root(b)
    units = sorted({root(group) for group in groups})
    print(f"\nsame-story pairs of labelled posts, {folds}-fold by event × {rounds}, threshold {SAME_STORY_THRESHOLD}:")
    for half_life in HALF_LIVES:
        f1s, linked = [], []
        for seed in range(rounds):
            order = units[:]
            random.Random(seed).shuffle(order)
            fold_of_unit = {u: n % folds for n, u in enumerate(order)}
            fold = {group: fold_of_unit[root(group)] for group in groups}
            for f in range(folds):
                held = [p for p in pairs if all(fold[g] == f for g in p[0].split("|"))]
                tp = fp = fn = near = 0
                for _, same, is_hard, untimed, gap in held:
                    factor = 0.5 ** (gap / half_life) if half_life else 1.0
                    linked_pair = untimed * factor >= SAME_STORY_THRESHOLD
                    tp += same and linked_pair
                    fp += not same and linked_pair
                    fn += same and not linked_pair
                    near += is_hard and linked_pair
                f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
                linked.append(near)
        name = f"half-life {half_life:g} h" if half_life else "no time factor"
        print(f"  {name:18} pair F1 {statistics.mean(f1s):.3f} ± {statistics.pstdev(f1s):.3f}   "
              f"near-topic pairs linked per fold {statistics.mean(linked):.1f}")


def group_window(
    corpora: Path, labels: dict[str, object], workdir: Path, workers: int
) -> tuple[dict[str, str], float, list[LabelledPair]]:
    """Import the window (a day either side) into a fresh archive: post id -> event key, the seconds
    taken, and the labelled pairs judged."""
    first, last = (date.fromisoformat(day) for day in labels["window"])  # type: ignore[attr-defined]
    folder = workdir / "posts"
    folder.mkdir()
    lines = window_posts(corpora, first - timedelta(days=1), last + timedelta(days=1))
    (folder / "posts.jsonl").write_text("".join(lines), encoding="utf-8")
    started = time.perf_counter()
    with Library.open(workdir / "home", workers=workers) as library:
        library.add([folder], entities=False)
        seconds = time.perf_counter() - started
        memberships = library.events_stage.memberships()
        found = {}
        for article in library.catalog.all_articles():
            for source_id in article.source_ids:
                found[source_id] = memberships.get(article.id, article.id)
        pairs = labelled_pairs(library, labels)
    print(f"{len(lines)} posts of {first - timedelta(days=1)} – {last + timedelta(days=1)} imported and grouped "
          f"in {seconds:.1f} s")
    return found, seconds, pairs


def show_errors(labels: dict[str, object], found: dict[str, str], limit: int) -> None:
    groups: dict[str, list[str]] = labels["groups"]  # type: ignore[assignment]
    label_of = {post: group for group, posts in groups.items() for post in posts}
    print("\nlabelled groups split over several events:")
    for group, posts in sorted(groups.items()):
        events = Counter(found[p] for p in posts if p in found)
        if len(events) > 1:
            print(f"  {group}: {sorted(events.values(), reverse=True)}")
    print("\nevents holding posts of several labelled groups:")
    members: dict[str, Counter[str]] = defaultdict(Counter)
    for post, event in found.items():
        if post in label_of:
            members[event][label_of[post]] += 1
    mixed = [(event, counts) for event, counts in members.items() if len(counts) > 1]
    for event, counts in mixed[:limit]:
        print(f"  {event}: {dict(counts)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--events", default="tg_events_dev.json")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", type=int, default=0, help="list up to N grouping errors")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    source = args.corpora / args.events
    if not source.exists() or not (args.corpora / POSTS).exists():
        print(f"{source} or {POSTS} is absent: nothing to measure")
        return
    labels = json.loads(source.read_text(encoding="utf-8"))
    workdir = Path(tempfile.mkdtemp(prefix="letopis-events-"))
    try:
        found, seconds, pairs = group_window(args.corpora, labels, workdir, args.workers)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    figures = score(labels, found)
    bp, br, bf = figures["b_cubed"]  # type: ignore[misc]
    pp, pr, pf = figures["pairwise"]  # type: ignore[misc]
    print(f"labelled posts scored: {figures['posts']} (not found in the archive: {figures['missing']})")
    print(f"B-cubed   precision {bp:.3f}  recall {br:.3f}  F {bf:.3f}   (target F ≥ 0.95)")
    print(f"pairwise  precision {pp:.3f}  recall {pr:.3f}  F1 {pf:.3f}")
    joined = figures["hard_joined"]
    print(f"hard pairs joined: {len(joined)} of {figures['hard']}   (target ≤ 1)")  # type: ignore[arg-type]
    for a, b in joined:  # type: ignore[attr-defined]
        print(f"  {a} + {b}")
    if args.show:
        show_errors(labels, found, args.show)
    pair_cv(labels, pairs)
    print("\nthe development pairs:")
    same_story_quality.main(["--corpora", str(args.corpora)])
    if args.json:
        args.json.write_text(json.dumps({**figures, "seconds": seconds}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
