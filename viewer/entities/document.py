"""Document-level consistency: one name, one type, found everywhere it occurs.

The tagger judges every occurrence from a few words of context, so inside one text
the same name may come out as PER once and LOC the next time, a repeated name may
be missed where its context is poor («Бурков заявил» after «Губернатор … Александр
Бурков»), and a multi-word name may be cut to its last word («Голос Америки» read
as the place «Америки»). A writer does not change what a name refers to within one
article, so the evidence of all occurrences is pooled:

* a word that is the surname or first name of a person named in full is a person
  everywhere in the text;
* a one-word span on an ordinary word that opens a sentence is dropped unless the
  word is a name elsewhere in the text;
* otherwise a name takes the type most of its occurrences were given;
* every further occurrence of a name found somewhere, in any inflection and not yet
  marked, is marked; a multi-word name also replaces smaller spans inside its
  other occurrences.

Words are compared by their dictionary forms, so «Буркову» matches «Бурков» and
«Голоса Америки» matches «Голос Америки».
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from viewer.entities.morph import analyzer, is_plain_word
from viewer.entities.spans import sorted_disjoint
from viewer.entities.tagger import RawSpan
from viewer.entities.tokens import Tokens

_WORDLIKE = re.compile(r"[^\W_]")
_UPPER_FIRST = re.compile(r"[A-ZА-ЯЁ]")
_SENTENCE_END = re.compile(r"[.!?…]$")
_OPENING_PUNCTUATION = re.compile(r"[«„“\"'(\[—–-]+")


@functools.lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """A form shared by the inflections of a word: the shortest of its dictionary forms.

    «Буркову», «Бурков» -> «бурков»; «Токаева» (read by the dictionary also as a
    woman's first name) -> «токаев»; «Голоса» -> «голос».
    """
    lower = word.lower().replace("ё", "е")
    if not lower.isalpha() and not lower.replace("-", "").isalpha():
        return lower
    forms = {parse.normal_form.replace("ё", "е") for parse in analyzer().parse(lower)}
    forms.add(lower)
    return min(forms, key=lambda form: (len(form), form))


@dataclass
class _Mention:
    span: RawSpan
    low: int  # token indices
    high: int
    key: tuple[str, ...]


class _Index:
    """Token positions of a text with their keys, for matching names."""

    def __init__(self, text: str, tokens: Tokens) -> None:
        self.text = text
        self.tokens = tokens
        self.size = len(tokens.words)
        self._keys: list[str | None] = [None] * self.size

    def key_at(self, position: int) -> str:
        """The word key of a token ("" for punctuation), computed when first asked for.

        Only capitalised words can open a name, so most tokens are never looked up.
        """
        key = self._keys[position]
        if key is None:
            word = self.tokens.words[position]
            key = word_key(word) if _WORDLIKE.search(word) else ""
            self._keys[position] = key
        return key

    def token_range(self, span: RawSpan) -> tuple[int, int]:
        low = bisect.bisect_left(self.tokens.starts, span.start)
        high = bisect.bisect_left(self.tokens.starts, span.stop)
        return low, high

    def key(self, low: int, high: int) -> tuple[str, ...]:
        return tuple(key for key in (self.key_at(p) for p in range(low, high)) if key)

    def opens_sentence(self, index: int) -> bool:
        """Whether the token starts a sentence or a line (quotes and dashes before it aside)."""
        tokens = self.tokens
        quoted = False
        while index > 0:
            gap = self.text[tokens.stops[index - 1] : tokens.starts[index]]
            if "\n" in gap:
                return True
            previous = tokens.words[index - 1]
            if _SENTENCE_END.search(previous) or (quoted and previous == ":"):
                return True  # «…», or a quotation after a colon: «сказал: «Адвокат…»
            if not _OPENING_PUNCTUATION.fullmatch(previous):
                return False
            quoted = quoted or previous in '«„“"'
            index -= 1
        return True


def harmonise(text: str, tokens: Tokens, spans: list[RawSpan]) -> list[RawSpan]:
    """Spans with types made consistent and missed occurrences of known names added."""
    if not spans:
        return spans
    index = _Index(text, tokens)
    mentions = []
    for span in spans:
        low, high = index.token_range(span)
        key = index.key(low, high)
        if key:
            mentions.append(_Mention(span, low, high, key))
    persons = _person_words(mentions)
    mentions = _without_lone_openers(index, mentions, persons)
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        votes[mention.key][mention.span.type] += 1
    typed = []
    for mention in mentions:
        kind = _agreed_type(mention, votes, persons)
        if kind != mention.span.type:
            mention.span = RawSpan(mention.span.start, mention.span.stop, kind)
        typed.append(mention)
    names = {mention.key: mention.span.type for mention in typed}
    for word in persons:
        names.setdefault((word,), "PER")
    parts = {word for mention in typed if mention.span.type == "PER" and len(mention.key) > 1 for word in mention.key}
    return _add_occurrences(index, typed, names, parts)


def _person_words(mentions: list[_Mention]) -> set[str]:
    """First names and surnames of the people named with two or three words."""
    words = set()
    for mention in mentions:
        if mention.span.type == "PER" and 2 <= len(mention.key) <= 3:
            words.add(mention.key[0])
            words.add(mention.key[-1])
    return words


def _without_lone_openers(index: _Index, mentions: list[_Mention], persons: set[str]) -> list[_Mention]:
    """Drop a one-word span on an ordinary word that opens a sentence («Супруга …»).

    Capitalisation is no evidence there; it stays only when the same word is a
    name elsewhere in the text, where it is not sentence-initial.
    """
    elsewhere = Counter(mention.key for mention in mentions if not index.opens_sentence(mention.low))
    kept = []
    for mention in mentions:
        if (
            mention.high - mention.low == 1
            and mention.key[0] not in persons
            and not elsewhere[mention.key]
            and index.opens_sentence(mention.low)
            and not index.tokens.words[mention.low].isupper()
            and is_plain_word(index.tokens.words[mention.low])
        ):
            continue
        kept.append(mention)
    return kept


def _agreed_type(mention: _Mention, votes: dict[tuple[str, ...], Counter[str]], persons: set[str]) -> str:
    if len(mention.key) == 1 and mention.key[0] in persons:
        return "PER"
    counts = votes[mention.key].most_common()
    best, count = counts[0]
    if count > votes[mention.key][mention.span.type]:
        return best
    return mention.span.type


def _add_occurrences(
    index: _Index, mentions: list[_Mention], names: dict[tuple[str, ...], str], parts: set[str]
) -> list[RawSpan]:
    """Mark every occurrence of a known name that no span covers yet.

    A multi-word name also takes the place of spans that lie wholly inside one of
    its occurrences («Америки» inside «Голос Америки»). A person found by one word
    takes in the neighbouring words of the full name («Ди Майо» from «Луиджи Ди Майо»).
    """
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in names:
        by_first[key[0]].append(key)
    for keys in by_first.values():
        keys.sort(key=len, reverse=True)

    owner = [-1] * index.size  # which mention covers each token
    for number, mention in enumerate(mentions):
        for position in range(mention.low, mention.high):
            owner[position] = number
    removed: set[int] = set()
    added: list[RawSpan] = []
    tokens = index.tokens
    position = 0
    words = index.tokens.words
    while position < index.size:
        if not _UPPER_FIRST.match(words[position]):
            position += 1
            continue
        key = index.key_at(position)
        candidates = by_first.get(key) if key else None
        if not candidates or not _looks_like_name(index, position):
            position += 1
            continue
        matched = _match(index, position, candidates)
        if matched is None:
            position += 1
            continue
        high = position + len(matched)
        inside = {owner[p] for p in range(position, high)} - {-1}
        contained = all(_within(mentions[number], position, high) for number in inside)
        itself = len(inside) == 1 and _same_extent(mentions[next(iter(inside))], position, high)
        if contained and not itself and (len(matched) > 1 or not inside):
            low = position
            if names[matched] == "PER":
                while low > 0 and owner[low - 1] == -1 and _is_part(index, low - 1, parts):
                    low -= 1
                while high < len(owner) and owner[high] == -1 and _is_part(index, high, parts):
                    high += 1
            removed |= inside
            added.append(RawSpan(tokens.starts[low], tokens.stops[high - 1], names[matched]))
        position = high
    kept = [mention.span for number, mention in enumerate(mentions) if number not in removed]
    return sorted_disjoint(kept + added)


def _match(index: _Index, position: int, candidates: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The longest known name whose words follow one another from ``position``."""
    for candidate in candidates:
        if position + len(candidate) <= index.size and all(
            index.key_at(position + offset) == key for offset, key in enumerate(candidate)
        ):
            return candidate
    return None


def _is_part(index: _Index, position: int, parts: set[str]) -> bool:
    word = index.tokens.words[position]
    return bool(_UPPER_FIRST.match(word)) and index.key_at(position) in parts


def _looks_like_name(index: _Index, position: int) -> bool:
    """Capitalised, and not an ordinary word that merely opens a sentence."""
    word = index.tokens.words[position]
    if not _UPPER_FIRST.match(word):
        return False
    return not (index.opens_sentence(position) and is_plain_word(word))


def _within(mention: _Mention, low: int, high: int) -> bool:
    return low <= mention.low and mention.high <= high


def _same_extent(mention: _Mention, low: int, high: int) -> bool:
    return mention.low == low and mention.high == high
