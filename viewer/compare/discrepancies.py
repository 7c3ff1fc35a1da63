"""Figures that differ between reports of the same fact.

Two figures are compared only when they can be about the same fact:

* same kind (a count with a count, a date with a date), and for counts and ordinals units of the
  same kind (``units.same_kind``: «предприятий» and «компаний»), for money the same currency;
* and the same context: either their sentences are aligned, or the content lemmas around the two
  figures overlap with a weighted cosine of at least ``CONTEXT_THRESHOLD`` (counts, ordinals,
  money) or ``LOOSE_CONTEXT_THRESHOLD`` (dates, times, percentages, which say less about what they
  measure: «7 ноября» in one report may be tomorrow's match, «6 ноября» in another today's forum),
  sharing at least two lemmas. The context of a figure is its sentence, or its sentence with the
  one before, whichever matches better: news often names a thing in one sentence and counts it in
  the next («открылась выставка ... В ней принимают участие более 30 предприятий»), while a long
  lead before a short sentence would only dilute it. The figure's own words are left out.

On the sample reports the exhibition's «более 30 предприятий» and «более 50 компаний» reach 0.41,
while «162 предприятия с участием казахстанской стороны» (firms in the region, another fact)
reaches 0.21 against either.

For each figure, the matching figures of another report are gathered; if any of them agrees,
there is nothing to report, otherwise the one with the strongest context is its counterpart and
the pair is a discrepancy. ``compatible`` tells whether both statements can still hold given
their qualifiers («более 30» and «более 50» can; «30» and «50» cannot).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.compare.alignment import Link
from viewer.compare.facts import Fact
from viewer.compare.sentences import Sentence
from viewer.compare.units import same_kind
from viewer.compare.weights import Weights, overlap
from viewer.text.lemmas import lemma, words

CONTEXT_THRESHOLD = 0.3
LOOSE_CONTEXT_THRESHOLD = 0.45
_MIN_SHARED = 2
_LOOSE = frozenset({"date", "time", "percent"})


@dataclass(frozen=True)
class Place:
    """One side of a discrepancy: the phrase's offsets in a report body, its value and its sentence.

    ``raw`` is the machine value (a float, a reduced ISO date, «13:00», a speaker name), ``value``
    what a reader is shown («более 30», «06.11»), ``context`` the sentence (or quote) around it.
    """

    report: int
    sentence: int | None
    start: int
    stop: int
    text: str
    value: str
    raw: float | str | None
    qualifier: str
    context: str

    @classmethod
    def of_fact(cls, fact: Fact, sentences: Sequence[Sentence]) -> Place:
        return cls(fact.report, fact.sentence, fact.start, fact.stop, fact.text, fact.display, fact.value,
                   fact.qualifier, sentences[fact.sentence].text)  # fmt: skip


@dataclass(frozen=True)
class Discrepancy:
    """Two reports disagreeing on one fact: ``kind`` is a fact kind or ``speaker``.

    ``compatible`` tells whether both can hold given their qualifiers (None when that does not
    apply); ``evidence`` is how surely the two are about the same fact (1.0: aligned sentences).
    """

    kind: str
    what: str
    a: Place
    b: Place
    compatible: bool | None
    evidence: float


def find_discrepancies(
    facts: Sequence[Sequence[Fact]], sentences: Sequence[Sequence[Sentence]], links: Sequence[Link], weights: Weights
) -> list[Discrepancy]:
    """Discrepancies between every two reports, in report order, each pair of figures once."""
    aligned = {(link.a.report, link.a.index, link.b.report, link.b.index) for link in links}
    contexts = [
        [_context(report, fact) for fact in report_facts] for report, report_facts in zip(sentences, facts, strict=True)
    ]
    pairs: dict[tuple[int, int, int, int], Discrepancy] = {}
    for i in range(len(facts)):
        for j in range(len(facts)):
            if i == j:
                continue
            for fact, context in zip(facts[i], contexts[i], strict=True):
                best: tuple[float, Fact] | None = None
                agreed = False
                for other, other_context in zip(facts[j], contexts[j], strict=True):
                    if not _comparable(fact, other):
                        continue
                    evidence = _evidence(fact, context, other, other_context, aligned, weights)
                    threshold = LOOSE_CONTEXT_THRESHOLD if fact.kind in _LOOSE else CONTEXT_THRESHOLD
                    if evidence < threshold:
                        continue
                    if _agree(fact, other):
                        agreed = True
                        break
                    if best is None or evidence > best[0]:
                        best = (evidence, other)
                if agreed or best is None:
                    continue
                a, b = (fact, best[1]) if i < j else (best[1], fact)
                key = (a.report, a.start, b.report, b.start)
                if key not in pairs:
                    pairs[key] = _discrepancy(a, b, sentences, best[0])
    return sorted(pairs.values(), key=lambda d: (d.a.report, d.b.report, d.a.start, d.b.start))


def _discrepancy(a: Fact, b: Fact, sentences: Sequence[Sequence[Sentence]], evidence: float) -> Discrepancy:
    compatible = _compatible(a, b) if a.kind in ("count", "money", "percent") else None
    place_a, place_b = Place.of_fact(a, sentences[a.report]), Place.of_fact(b, sentences[b.report])
    return Discrepancy(a.kind, _what(a, b), place_a, place_b, compatible, round(evidence, 3))


def _context(sentences: Sequence[Sentence], fact: Fact) -> tuple[frozenset[str], ...]:
    """The figure's sentence, and that sentence with the one before it, without the figure's own words."""
    own_words = {lemma(word) for word in words(fact.text)} | {fact.what}
    sentence = sentences[fact.sentence]
    variants = [set(sentence.content)]
    if fact.sentence > 0:
        variants.append(variants[0] | sentences[fact.sentence - 1].content)
    return tuple(frozenset(word for word in variant - own_words if not word.startswith("#")) for variant in variants)


def _evidence(
    fact: Fact, context: tuple[frozenset[str], ...], other: Fact, other_context: tuple[frozenset[str], ...],
    aligned: set[tuple[int, int, int, int]], weights: Weights,
) -> float:  # fmt: skip
    first, second = (fact, other) if fact.report < other.report else (other, fact)
    if (first.report, first.sentence, second.report, second.sentence) in aligned:
        return 1.0
    best = 0.0
    for mine in context:
        for theirs in other_context:
            found = overlap(mine - {other.what}, theirs - {fact.what}, weights)
            if found.count >= _MIN_SHARED:
                best = max(best, found.cosine)
    return best


def _comparable(a: Fact, b: Fact) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind in ("count", "ordinal"):
        return same_kind(a.what, b.what)
    if a.kind == "money":
        return a.what == b.what
    if a.kind == "date":
        return any(x is not None and y is not None for x, y in zip(_date_parts(a), _date_parts(b), strict=True))
    return True


def _date_parts(fact: Fact) -> tuple[str | None, str | None, str | None]:
    value = str(fact.value)
    if value.startswith("--"):
        return None, value[2:4], value[5:7]
    parts = value.split("-")
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def _agree(a: Fact, b: Fact) -> bool:
    if a.kind == "date":
        return all(x is None or y is None or x == y for x, y in zip(_date_parts(a), _date_parts(b), strict=True))
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    return math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9)


_LOWER = {"более", "свыше", "больше", "не менее", "не меньше", "от"}
_UPPER = {"менее", "меньше", "не более", "не больше", "до"}
_ABOUT = {"около", "примерно", "приблизительно", "порядка"}


def _interval(fact: Fact) -> tuple[float, float]:
    value = float(fact.value) if not isinstance(fact.value, str) else 0.0
    if fact.qualifier in _LOWER:
        return value, math.inf
    if fact.qualifier in _UPPER:
        return -math.inf, value
    if fact.qualifier == "почти":
        return value * 0.8, value
    if fact.qualifier in _ABOUT:
        return value * 0.8, value * 1.2
    return value, value


def _compatible(a: Fact, b: Fact) -> bool:
    """Whether both statements can hold: their qualified ranges («более 30»: 30..∞) overlap."""
    if isinstance(a.value, str) or isinstance(b.value, str) or a.kind == "ordinal":
        return False
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    return max(low_a, low_b) <= min(high_a, high_b)


def _what(a: Fact, b: Fact) -> str:
    if a.kind in ("date", "time"):
        return {"date": "дата", "time": "время"}[a.kind]
    return a.what if a.what == b.what else f"{a.what} / {b.what}"
