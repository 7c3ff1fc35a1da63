"""Candidate pairs for same-story comparison without comparing every pair of articles.

At 100,000 articles there are 5·10⁹ pairs; almost all share nothing but common words. Two
reports of one story share some of their most distinctive lemmas, so each article is indexed
under its ``keys`` most distinctive lemmas (highest TF-IDF), and only articles that share at
least ``min_shared`` keys are paired. Lemmas that only one article has cannot pair anything and
lemmas in very many articles describe no particular story; neither is used as a key. When both
articles are dated, only those published within ``max_gap_days()`` of each other are paired
(beyond it the time factor alone keeps the score below the threshold).

Work is about N × keys × (articles per key within the time window), so it grows linearly with
the archive for dated news; ``max_postings`` bounds a key's list in undated archives.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterator, Sequence

from viewer.events.features import StoryFingerprint
from viewer.events.frequencies import DocumentFrequencies
from viewer.events.similarity import max_gap_days, timestamp

DEFAULT_KEYS = 16
DEFAULT_MIN_SHARED = 2
DEFAULT_MAX_POSTINGS = 1000


def candidate_keys(
    fp: StoryFingerprint, df: DocumentFrequencies, keys: int, max_df: int
) -> list[str]:
    """The article's ``keys`` most distinctive lemmas that at least one other article has."""
    scored = [
        ((1.0 + math.log(count)) * df.idf(word), word)
        for word, count in fp.terms.items()
        if 1 < df.count(word) <= max_df
    ]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [word for _, word in scored[:keys]]


def candidates(
    fingerprints: Sequence[StoryFingerprint],
    df: DocumentFrequencies | None = None,
    *,
    keys: int = DEFAULT_KEYS,
    min_shared: int = DEFAULT_MIN_SHARED,
    max_postings: int = DEFAULT_MAX_POSTINGS,
    window_days: float | None = None,
) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of indices into ``fingerprints`` that may report the same story.

    ``df`` should be the table of the archive being grouped; without one it is built from
    ``fingerprints``. Each pair is produced once, in increasing order of i.
    """
    if df is None:
        df = DocumentFrequencies.of(fingerprints)
    window = (max_gap_days() if window_days is None else window_days) * 86_400
    times = [timestamp(fp.published) if fp.published else None for fp in fingerprints]
    article_keys = [candidate_keys(fp, df, keys, max_postings) for fp in fingerprints]

    dated: dict[str, list[tuple[float, int]]] = {}
    undated: dict[str, list[int]] = {}
    for index, (moment, found) in enumerate(zip(times, article_keys, strict=True)):
        for key in found:
            if moment is None:
                undated.setdefault(key, []).append(index)
            else:
                dated.setdefault(key, []).append((moment, index))
    for postings in dated.values():
        postings.sort()

    for index, (moment, found) in enumerate(zip(times, article_keys, strict=True)):
        shared: Counter[int] = Counter()
        need = min(min_shared, len(found))
        if need == 0:
            continue
        for key in found:
            postings = dated.get(key, [])
            if moment is None:
                shared.update(other for _, other in postings if other > index)
            else:
                start = bisect.bisect_left(postings, (moment - window, -1))
                stop = bisect.bisect_right(postings, (moment + window, len(fingerprints)))
                shared.update(other for _, other in postings[start:stop] if other > index)
            shared.update(other for other in undated.get(key, ()) if other > index)
        for other in sorted(shared):
            if shared[other] >= need:
                yield index, other
