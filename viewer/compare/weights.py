"""How telling a word is inside the compared set, and weighted overlap of two bags of lemmas.

Whether two sentences say the same thing depends on the words that are rare *among these
reports*: in coverage of one forum «форум», «Казахстан» and «сотрудничество» are everywhere and
say nothing, while «нефтехимия» or «селекция» single out one statement. So the weight of a lemma
is an inverse frequency over the sentences of the reports being compared, not over an archive.
The smoothing (``ln(1 + n/df)``) keeps weights sensible for a pair of five-sentence notes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


class Weights:
    """Inverse sentence frequency of lemmas over the compared reports."""

    def __init__(self, bags: Iterable[Iterable[str]]) -> None:
        self._df: Counter[str] = Counter()
        self.n = 0
        for bag in bags:
            self.n += 1
            self._df.update(set(bag))
        total = max(self.n, 1)
        self._unseen = math.log(1 + total)
        self._table = {word: math.log(1 + total / count) for word, count in self._df.items()}
        self._sums: dict[frozenset[str], float] = {}

    def df(self, word: str) -> int:
        return self._df.get(word, 0)

    def __call__(self, word: str) -> float:
        return self._table.get(word, self._unseen)

    def total(self, bag: Iterable[str]) -> float:
        table, unseen = self._table, self._unseen
        return sum(table.get(word, unseen) for word in bag)

    def set_total(self, words: frozenset[str]) -> float:
        """``total`` of a set that recurs (a sentence's words), computed once."""
        found = self._sums.get(words)
        if found is None:
            found = self._sums[words] = self.total(words)
        return found


@dataclass(frozen=True)
class Overlap:
    """Weighted overlap of two sets: cosine (symmetric) and containment (of the smaller one)."""

    cosine: float
    containment: float
    shared: float
    count: int


_NONE = Overlap(0.0, 0.0, 0.0, 0)
BOOST = 1.5


def overlap(a: frozenset[str], b: frozenset[str], weights: Weights, boost: frozenset[str] = frozenset()) -> Overlap:
    """Weighted cosine of two lemma sets; words in ``boost`` (names, numbers) weigh ``BOOST`` times more.

    Sets rather than counts: a sentence repeats few words, and a repeated word in a long quote
    should not outweigh a second, different shared word.
    """
    common = a & b
    if not common:
        return _NONE
    extra = BOOST - 1.0
    shared = weights.total(common) + extra * weights.total(common & boost)
    total_a = weights.set_total(a) + extra * weights.total(a & boost)
    total_b = weights.set_total(b) + extra * weights.total(b & boost)
    return Overlap(shared / math.sqrt(total_a * total_b), shared / min(total_a, total_b), shared, len(common))
