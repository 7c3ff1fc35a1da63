"""Whether two articles report the same story: one score in [0, 1] and one threshold.

The score is a similarity damped by evidence of difference:

    score = similarity × (1 − name_conflict) × (1 − FACT_PENALTY) ^ fact_conflicts × time_factor

*similarity* is the cosine of the articles' TF-IDF vectors over content lemmas, blended with the
cosine over their name-like lemmas (``NAME_WEIGHT``), because two reports of one event may word
it differently but name the same people, places and organisations.

*name_conflict* catches the commonest near miss, the same kind of event somewhere else («Погода
в Калуге» / «Погода в Рязани», two regional casualty reports, two contests): each article's
salient names (those of its first sentence, and its most frequent name) are looked up in the
other article, and the share missing, weighted by squared IDF so that rare names dominate, is
taken in both directions. The smaller of the two is the conflict: one report adding a name the
other omits is normal; *both* having main names the other never mentions is not.

*fact_conflicts* counts the kinds of fact the articles both state and never agree on: dates
(«3 марта» / «10 марта», none within a day of each other) and ordinals or edition numbers of the
same thing («XVI форум» / «XVIII форум», «ПМЭФ-2019» / «ПМЭФ-2021»). Other numbers are not used:
two reports of one event often quote different figures (cases in the region, in the country).

*time_factor* halves every ``TIME_HALF_LIFE_HOURS`` between the two publications, and is 1 when
either date is unknown: the reports of one happening come in a burst of hours, while the same kind
of news a day later (the next night's attack, the next vote) is another happening. A publication
date without a time of day (midnight exactly, as date-only sources give it) stands for its whole
day, so two newspapers reporting on consecutive days are not set apart by the missing hours.

``NAME_WEIGHT``, ``FACT_PENALTY`` and ``SAME_STORY_THRESHOLD`` were chosen on the labelled pairs,
``TIME_HALF_LIFE_HOURS`` on the labelled events of real multi-channel coverage (the pairs carry no
dates). See docs/events.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from viewer.events.features import StoryFingerprint
from viewer.events.frequencies import DocumentFrequencies
from viewer.events.quantities import Quantity

NAME_WEIGHT = 0.5
FACT_PENALTY = 0.5
SAME_STORY_THRESHOLD = 0.28
TIME_HALF_LIFE_HOURS = 12.0
_DAY = 86_400.0

# Two names match when they are the same lemma or share this many first letters and are longer:
# «Приморье» / «приморский», «Забайкалье» / «забайкальский».
_NAME_STEM = 5
# An article's most frequent name counts as salient only if it occurs at least this often.
_MAIN_NAME_MIN_COUNT = 2
_MONTH_NAMES = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
_MONTHS = {month: number for number, month in enumerate(_MONTH_NAMES.split())}
_DATE_TOLERANCE_DAYS = 1  # a report published the next day dates the event a day earlier
# «90-х годов», «на 85-м году жизни»: ordinals of years are decades and ages, not event ordinals.
_NOT_EVENT_ORDINALS = frozenset({"год"})
_CACHE_LIMIT = 16_384


@dataclass(frozen=True)
class _Weighted:
    """A fingerprint's weights under one frequency table, computed once per article."""

    terms: dict[str, float]  # unit-length TF-IDF vector of content lemmas
    names: dict[str, float]  # unit-length TF-IDF vector of names
    salient: dict[str, float]  # salient names -> squared IDF
    stems: frozenset[str]  # first letters of long lemmas, for loose name matching


_CACHE: dict[tuple[int, int, int], tuple[StoryFingerprint, DocumentFrequencies, _Weighted]] = {}


def _unit_vector(counts: dict[str, int], df: DocumentFrequencies) -> dict[str, float]:
    vector = {word: (1.0 + math.log(count)) * df.idf(word) for word, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {word: value / norm for word, value in vector.items()} if norm else {}


def _weighted(fp: StoryFingerprint, df: DocumentFrequencies) -> _Weighted:
    key = (id(fp), id(df), df.version)
    cached = _CACHE.pop(key, None)
    if cached is not None:
        _CACHE[key] = cached  # most recently used last: the oldest is evicted first
        return cached[2]
    salient = {name for name in fp.names if name in fp.lead}
    frequent = [name for name, count in fp.names.items() if count >= _MAIN_NAME_MIN_COUNT]
    if frequent:
        salient.add(max(frequent, key=lambda name: (fp.names[name] * df.idf(name), name)))
    weighted = _Weighted(
        terms=_unit_vector(dict(fp.terms), df),
        names=_unit_vector(dict(fp.names), df),
        salient={name: df.idf(name) ** 2 for name in salient},
        stems=frozenset(word[:_NAME_STEM] for word in fp.terms if len(word) > _NAME_STEM),
    )
    if len(_CACHE) >= _CACHE_LIMIT:
        del _CACHE[next(iter(_CACHE))]
    _CACHE[key] = (fp, df, weighted)  # holding fp and df keeps their ids from being reused
    return weighted


def _cosine(u: dict[str, float], v: dict[str, float]) -> float:
    # The shared words are found by a set intersection (in C); few are shared by most pairs.
    return sum(u[word] * v[word] for word in u.keys() & v.keys())


def _mentions(fp: StoryFingerprint, weighted: _Weighted, name: str) -> bool:
    if name in fp.terms:
        return True
    return len(name) > _NAME_STEM and name[:_NAME_STEM] in weighted.stems


def _missing_share(x: _Weighted, other: StoryFingerprint, weighted_other: _Weighted) -> float:
    """Share (by squared IDF) of ``x``'s salient names that the other article never mentions."""
    total = sum(x.salient.values())
    if total <= 0.0:
        return 0.0
    missing = sum(
        weight for name, weight in x.salient.items() if not _mentions(other, weighted_other, name)
    )
    return missing / total


def _dates(quantities: frozenset[Quantity]) -> set[int]:
    """Days of the year (roughly: month × 31 + day) of the dates («3 марта») a text mentions."""
    return {
        _MONTHS[q.unit] * 31 + int(q.value)
        for q in quantities
        if q.unit in _MONTHS and not q.ordinal and 1 <= q.value <= 31
    }


def _ordinals(quantities: frozenset[Quantity]) -> dict[str, set[float]]:
    grouped: dict[str, set[float]] = {}
    for q in quantities:
        if q.ordinal and q.unit not in _NOT_EVENT_ORDINALS:
            grouped.setdefault(q.unit, set()).add(q.value)
    return grouped


def fact_conflicts(a: StoryFingerprint, b: StoryFingerprint) -> int:
    """How many kinds of fact (dates; ordinals of one thing) the articles give and never agree on.

    Dates conflict when both articles mention dates and no two are within a day; ordinals when
    both number the same thing («XVI форум», «ПМЭФ-2021») and no numbers agree.
    """
    conflicts = 0
    mine, theirs = _dates(a.quantities), _dates(b.quantities)
    if (
        mine
        and theirs
        and not any(abs(x - y) <= _DATE_TOLERANCE_DAYS for x in mine for y in theirs)
    ):
        conflicts += 1
    ordinals_a, ordinals_b = _ordinals(a.quantities), _ordinals(b.quantities)
    shared = ordinals_a.keys() & ordinals_b.keys()
    if shared and all(not (ordinals_a[unit] & ordinals_b[unit]) for unit in shared):
        conflicts += 1
    return conflicts


def timestamp(moment: datetime) -> float:
    """Seconds since the epoch; a time without a zone is taken as UTC, as the importer does."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _span(moment: datetime) -> tuple[float, float]:
    """The stretch of time a publication date stands for: its instant, or a whole day when the
    source gave only the date (the time is midnight exactly)."""
    start = timestamp(moment)
    whole_day = (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)
    return start, start + (_DAY if whole_day else 0.0)


def gap_hours(a: StoryFingerprint, b: StoryFingerprint) -> float | None:
    """Hours between the two publications (0 when their stretches of time meet), None if one is undated."""
    if a.published is None or b.published is None:
        return None
    (start_a, end_a), (start_b, end_b) = _span(a.published), _span(b.published)
    return max(0.0, start_a - end_b, start_b - end_a) / 3600


def time_factor(a: StoryFingerprint, b: StoryFingerprint) -> float:
    """1 when published together or when a date is unknown, halving every ``TIME_HALF_LIFE_HOURS``."""
    gap = gap_hours(a, b)
    return 1.0 if gap is None else 0.5 ** (gap / TIME_HALF_LIFE_HOURS)


def max_gap_days(threshold: float = SAME_STORY_THRESHOLD) -> float:
    """Publication gap beyond which even identical articles score below ``threshold`` (a day more
    for dates without a time). Candidate generation uses it as its time window.
    """
    if threshold <= 0.0:
        return math.inf
    return 1.0 + TIME_HALF_LIFE_HOURS * math.log2(1.0 / min(threshold, 1.0)) / 24


@dataclass(frozen=True)
class ScoreParts:
    """The separate signals of one comparison, for explaining a score and for tuning."""

    content: float  # cosine of content-lemma TF-IDF vectors
    names: float  # cosine of name TF-IDF vectors
    name_conflict: float  # 0..1
    fact_conflicts: int  # 0, 1 or 2
    time: float  # 0..1

    def combine(
        self, name_weight: float = NAME_WEIGHT, fact_penalty: float = FACT_PENALTY
    ) -> float:
        """The score these parts give under the given weights (the defaults are the method's)."""
        similar = (self.content + name_weight * self.names) / (1.0 + name_weight)
        score = similar * (1.0 - self.name_conflict) * (1.0 - fact_penalty) ** self.fact_conflicts
        return max(0.0, min(1.0, score * self.time))


def score_parts(
    a: StoryFingerprint,
    b: StoryFingerprint,
    df: DocumentFrequencies,
    cosines: tuple[float, float] | None = None,
) -> ScoreParts:
    """Every signal of the comparison of ``a`` and ``b``; ``cosines`` (content, names) when they
    were computed already, many at a time (``VectorTable``)."""
    wa, wb = _weighted(a, df), _weighted(b, df)
    content, names = cosines if cosines is not None else (_cosine(wa.terms, wb.terms), _cosine(wa.names, wb.names))
    return ScoreParts(
        content=content,
        names=names,
        name_conflict=min(_missing_share(wa, b, wb), _missing_share(wb, a, wa)),
        fact_conflicts=fact_conflicts(a, b),
        time=time_factor(a, b),
    )


class VectorTable:
    """The content and name TF-IDF vectors of an archive's fingerprints as rows of arrays over one
    vocabulary, so that the cosines of one article with all of its candidates are a few array
    operations instead of a loop over words per pair. Gives the same values as ``score_parts``."""

    def __init__(self, fingerprints: Sequence[StoryFingerprint], df: DocumentFrequencies) -> None:
        vocabulary: dict[str, int] = {}
        self._rows = [
            _Rows([_weighted(fp, df).terms for fp in fingerprints], vocabulary),
            _Rows([_weighted(fp, df).names for fp in fingerprints], vocabulary),
        ]
        self._dense = np.zeros(len(vocabulary) + 1, dtype=np.float64)

    def cosines(self, index: int, others: Sequence[int]) -> list[tuple[float, float]]:
        """(content, names) cosines of article ``index`` with each of ``others``."""
        content, names = (rows.cosines(index, others, self._dense) for rows in self._rows)
        return list(zip(content.tolist(), names.tolist(), strict=True))


class _Rows:
    """Unit vectors as compressed rows: word numbers and weights, row by row."""

    def __init__(self, vectors: Sequence[dict[str, float]], vocabulary: dict[str, int]) -> None:
        lengths = [len(vector) for vector in vectors]
        self.starts = np.zeros(len(vectors) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.starts[1:])
        self.words = np.fromiter(
            (vocabulary.setdefault(word, len(vocabulary)) for vector in vectors for word in vector),
            dtype=np.int32, count=int(self.starts[-1]),
        )
        self.weights = np.fromiter(
            (weight for vector in vectors for weight in vector.values()), dtype=np.float64, count=int(self.starts[-1])
        )

    def cosines(self, index: int, others: Sequence[int], dense: np.ndarray) -> np.ndarray:
        mine = slice(self.starts[index], self.starts[index + 1])
        dense[self.words[mine]] = self.weights[mine]
        rows = np.asarray(others, dtype=np.int64)
        begins, lengths = self.starts[rows], self.starts[rows + 1] - self.starts[rows]
        total = int(lengths.sum())
        result = np.zeros(len(rows))
        if total:
            ends = np.cumsum(lengths)
            positions = np.arange(total) + np.repeat(begins - (ends - lengths), lengths)
            products = dense[self.words[positions]] * self.weights[positions]
            filled = lengths > 0
            result[filled] = np.add.reduceat(products, (ends - lengths)[filled])
        dense[self.words[mine]] = 0.0
        return result


def same_story_score(a: StoryFingerprint, b: StoryFingerprint, df: DocumentFrequencies) -> float:
    """0..1: how strongly the evidence says both articles report one story (not a probability;
    compare it with ``SAME_STORY_THRESHOLD``). Symmetric in ``a`` and ``b``."""
    return score_parts(a, b, df).combine()


def is_same_story(
    a: StoryFingerprint, b: StoryFingerprint, df: DocumentFrequencies
) -> tuple[bool, float]:
    """(same story?, score) at ``SAME_STORY_THRESHOLD``."""
    score = same_story_score(a, b, df)
    return score >= SAME_STORY_THRESHOLD, score
