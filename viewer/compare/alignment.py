"""Which sentences of different reports say the same thing, and how closely.

Each pair of sentences from two reports is one of

* ``identical``: the same words after normalisation (case, ё, punctuation, spacing): a reprint
  or a press-release sentence copied as is;
* ``near``: nearly the same wording: the lemma sequences agree to ``NEAR_RATIO`` (difflib ratio,
  so one changed word in a sentence of ten still counts), or one sentence is the other with a
  clause added or cut (the shorter one, of at least ``NEAR_MIN_WORDS`` words, lies at least
  ``NEAR_CONTAINED`` inside the longer one), or the same words in another order;
* ``paraphrase``: the same statement in other words: the weighted cosine of their content lemmas
  is at least ``PARAPHRASE_COSINE``; each has at least three content lemmas and they share two
  that are not names (a shared «Александр Бурков» in an attribution is not a shared statement,
  and a dateline «6 ноября.» is not a statement at all). Weights are inverse sentence
  frequencies within the compared reports, so the event's own vocabulary («форум», «Казахстан»)
  counts little and the words of one statement («нефтехимия») a lot; names and numbers count
  half as much again, since a shared figure or person is strong evidence. On the sample reports
  and invented paraphrases, genuine restatements score 0.35-0.8 and sentences that merely share
  the topic 0.1-0.3;
* otherwise not a counterpart; a sentence with no counterpart in any report is ``unique``.

Every sentence keeps its best counterpart in each other report, and a link is kept when either
side chose it; so when one report splits a sentence in two, both halves link to it.

Comparing every pair would be quadratic in sentences, which matters only for large inputs; pairs
are proposed through lemmas that occur in few sentences (at most ``max(64, n/10)``) and through
identical normalised text, which between them find every pair that can reach a threshold.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from viewer.compare.sentences import Sentence
from viewer.compare.weights import Weights, overlap

KINDS = ("identical", "near", "paraphrase", "unique")
RANK = {kind: rank for rank, kind in enumerate(KINDS)}
NEAR_RATIO = 0.8
NEAR_CONTAINED = 0.9
NEAR_MIN_WORDS = 8
NEAR_BAG_DICE = 0.9
PARAPHRASE_COSINE = 0.35
PARAPHRASE_MIN_WORDS = 3
_MIN_POSTINGS_CAP = 64


@dataclass(frozen=True)
class Link:
    """Two sentences of different reports that correspond; ``a`` is in the earlier report index."""

    a: Sentence
    b: Sentence
    kind: str
    score: float


def classify(a: Sentence, b: Sentence, weights: Weights) -> tuple[str, float] | None:
    """The kind of correspondence of two sentences and its score in [0, 1], or None."""
    if a.key == b.key:
        return "identical", 1.0
    if len(a.content & b.content) < 2 and min(len(a.content), len(b.content)) > 2:
        return None  # neither near (most words shared) nor a paraphrase (two shared words needed)
    words = overlap(a.content, b.content, weights, a.names | b.names)
    shorter = min(len(a.lemmas), len(b.lemmas))
    if words.containment >= 0.5 or shorter <= 4:
        matcher = SequenceMatcher(None, a.lemmas, b.lemmas, autojunk=False)
        ratio = matcher.ratio()
        if ratio >= NEAR_RATIO:
            return "near", round(ratio, 3)
        if shorter >= NEAR_MIN_WORDS:
            matched = sum(block.size for block in matcher.get_matching_blocks())
            if matched / shorter >= NEAR_CONTAINED:
                return "near", round(max(ratio, NEAR_RATIO), 3)
        if shorter >= 4 and _bag_dice(a.lemmas, b.lemmas) >= NEAR_BAG_DICE:
            return "near", round(max(ratio, NEAR_RATIO), 3)
    if words.cosine >= PARAPHRASE_COSINE and min(len(a.content), len(b.content)) >= PARAPHRASE_MIN_WORDS:
        plain = {word for word in a.content & b.content if word[0] == "#" or word not in a.names | b.names}
        if len(plain) >= 2:
            return "paraphrase", round(words.cosine, 3)
    return None


def _bag_dice(a: Sequence[str], b: Sequence[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def align(reports: Sequence[Sequence[Sentence]], weights: Weights) -> list[Link]:
    """Links between sentences of different reports, each pair once."""
    everything = [sentence for sentences in reports for sentence in sentences]
    cap = max(_MIN_POSTINGS_CAP, len(everything) // 10)
    postings: dict[str, dict[int, list[Sentence]]] = defaultdict(lambda: defaultdict(list))
    frequency: dict[str, int] = defaultdict(int)
    by_key: dict[str, dict[int, list[Sentence]]] = defaultdict(lambda: defaultdict(list))
    for sentence in everything:
        by_key[sentence.key][sentence.report].append(sentence)
        for word in sentence.content:
            postings[word][sentence.report].append(sentence)
            frequency[word] += 1
    known: dict[tuple[int, int, int, int], tuple[str, float] | None] = {}
    chosen: dict[tuple[int, int, int, int], Link] = {}
    for sentence in everything:
        best: dict[int, tuple[tuple[int, float], Sentence, str, float]] = {}
        for other in _candidates(sentence, postings, frequency, by_key, cap):
            pair = _pair_key(sentence, other)
            if pair not in known:
                known[pair] = classify(sentence, other, weights)
            found = known[pair]
            if found is None:
                continue
            rank = (RANK[found[0]], -found[1])
            current = best.get(other.report)
            if current is None or rank < current[0] or (rank == current[0] and other.index < current[1].index):
                best[other.report] = (rank, other, found[0], found[1])
        for _, other, kind, score in best.values():
            pair = _pair_key(sentence, other)
            if pair not in chosen:
                a, b = (sentence, other) if sentence.report < other.report else (other, sentence)
                chosen[pair] = Link(a, b, kind, score)
    return sorted(chosen.values(), key=lambda link: (link.a.report, link.a.index, link.b.report, link.b.index))


def _pair_key(a: Sentence, b: Sentence) -> tuple[int, int, int, int]:
    if (a.report, a.index) > (b.report, b.index):
        a, b = b, a
    return a.report, a.index, b.report, b.index


def _candidates(
    sentence: Sentence,
    postings: dict[str, dict[int, list[Sentence]]],
    frequency: dict[str, int],
    by_key: dict[str, dict[int, list[Sentence]]],
    cap: int,
) -> list[Sentence]:
    """Sentences of other reports sharing the normalised text or a not too common lemma."""
    seen: dict[tuple[int, int], Sentence] = {}
    for report, others in by_key[sentence.key].items():
        if report != sentence.report:
            for other in others:
                seen[(report, other.index)] = other
    for word in sentence.content:
        if frequency[word] > cap:
            continue
        for report, others in postings[word].items():
            if report == sentence.report:
                continue
            for other in others:
                seen[(report, other.index)] = other
    return list(seen.values())
