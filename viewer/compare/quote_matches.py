"""The same remark in different reports: quotes matched across reports by the words they share.

Outlets quote a speaker at different lengths: one gives a sentence, another the whole answer,
a third retells it («По словам Торебаева, ... возник большой интерес»). So a match is decided on
weighted lemma overlap (weights as in ``weights``, the speaker's own name left out) by either
measure: cosine at least ``MATCH_COSINE`` (two renderings of about the same length) or
containment of the shorter quote at least ``MATCH_CONTAINED`` with at least ``MIN_SHARED`` shared
lemmas (a short rendering of part of a long one). On the sample reports the five genuine pairs
reach cosine 0.20-0.47 and containment 0.47-0.90, and unrelated remarks of the same people stay
at containment 0.34 and below.

When both speakers are known and differ, the match must be much stronger (``MISATTRIBUTED``) and
it is then reported as a speaker discrepancy: two outlets giving the same words to different
people is worth a reader's attention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from viewer.compare.quotes import Quote
from viewer.compare.weights import Weights, overlap
from viewer.text.lemmas import lemmas, words

MATCH_COSINE = 0.3
MATCH_CONTAINED = 0.45
MIN_SHARED = 4
MISATTRIBUTED = 0.6


@dataclass(frozen=True)
class QuoteMatch:
    """Two quotes of different reports rendering one remark; ``a`` is in the earlier report."""

    a: Quote
    b: Quote
    kind: str
    cosine: float
    containment: float
    same_speaker: bool | None


def match_quotes(quotes: Sequence[Quote], weights: Weights) -> list[QuoteMatch]:
    """Matches between quotes of different reports, best first within each pair of reports."""
    by_report: dict[int, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_report[quote.report].append(quote)
    found = []
    for report_a, quotes_a in by_report.items():
        for report_b, quotes_b in by_report.items():
            if report_a >= report_b:
                continue
            for a in quotes_a:
                for b in quotes_b:
                    match = _match(a, b, weights)
                    if match is not None:
                        found.append(match)
    return sorted(found, key=lambda m: (m.a.report, m.b.report, m.a.start, -m.cosine))


def _match(a: Quote, b: Quote, weights: Weights) -> QuoteMatch | None:
    words_shared = overlap(a.content, b.content, weights)
    same = None if a.speaker_key is None or b.speaker_key is None else a.speaker_key == b.speaker_key
    strength = max(words_shared.cosine, words_shared.containment if words_shared.count >= MIN_SHARED else 0.0)
    if same is False:
        if strength < MISATTRIBUTED:
            return None
    elif words_shared.cosine < MATCH_COSINE and (
        words_shared.containment < MATCH_CONTAINED or words_shared.count < MIN_SHARED
    ):
        return None
    return QuoteMatch(
        a, b, _kind(a.text, b.text), round(words_shared.cosine, 3), round(words_shared.containment, 3), same
    )


def _kind(a: str, b: str) -> str:
    if words(a) == words(b):
        return "identical"
    if SequenceMatcher(None, lemmas(a), lemmas(b), autojunk=False).ratio() >= 0.8:
        return "near"
    return "paraphrase"
