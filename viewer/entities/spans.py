"""Span boundary repair: the cases where the tagger's edges are systematically off.

The tagger works on tokens and knows nothing about the punctuation around a name, so
its spans may run across a bracket («Джошуа Вольфа (Joshua Wolf)» is two names of one
person, «Союз координационных советов (СКС)» a name and its acronym), across a list
separator («Бахрейн • Барбадос • Бермуды», «Овечкин, Фёдоров»), across a line break,
or swallow a legal form or a generic word in front of a quoted name («ОАО «Газпром»»,
«Концерн «Майкрософт»»): in news the name proper is what stands between the quotes,
and the same organisation written with and without its legal form must be one
entity. Trailing punctuation and unmatched quotes are trimmed off the edges.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from viewer.entities.tagger import RawSpan, sorted_disjoint

# Quotes that delimit names; apostrophes do not («O'Neil», «Today's»).
SPLIT_QUOTES = '«»„“”"'
QUOTES = SPLIT_QUOTES + "'‘’‚‛"

# Characters that never belong inside one name: the span is cut there.
_HARD_BREAKS = re.compile(r"\n|[()\[\]{}•·;|©]|,\s|\s[—–-]\s|:\s|\s{3,}")
# Edge characters a name never starts or ends with.
_EDGE_JUNK = " \t\r\n\u00a0" + QUOTES + "()[]{}<>,;:•·|/\\—–-.…!?*©®™#@"
# A bracket glued to a word around a letter or two belongs to the name: «ВКП(б)».
_GLUED_BRACKETS = re.compile(r"(?<=[^\W\d_])\([^\W\d_]{1,2}\)")
_WORD = re.compile(r"[^\W_]+")
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZА-ЯЁ]")


def repair(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Spans with quotes, brackets, list separators and edge punctuation handled."""
    out: list[RawSpan] = []
    for span in spans:
        out.extend(_repair_one(text, span))
    return sorted_disjoint(out)


def _repair_one(text: str, span: RawSpan) -> Iterator[RawSpan]:
    for start, stop in _quote_parts(text, span.start, span.stop):
        for part_start, part_stop in _break(text, start, stop):
            trimmed = trim(text, part_start, part_stop)
            if trimmed is None:
                continue
            low, high = trimmed
            piece = text[low:high]
            if not _LETTER.search(piece):
                continue
            yield RawSpan(low, high, span.type)


def _quote_parts(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """The quoted names inside a span, and what lies outside them if it is a name too.

    «ОАО «Газпром»» gives «Газпром»; «Русской службе «Голоса Америки»» gives both
    «Русской службе» and «Голоса Америки»; a single word outside the quotes (a legal
    form, «концерн», «газета») is dropped.
    """
    cuts = [index for index in range(start, stop) if text[index] in SPLIT_QUOTES]
    if not cuts:
        yield start, stop
        return
    # Does the span begin inside a quoted name («Кориера делла Сера» tagged from
    # its first word)? Count the quotes opened before it in its paragraph.
    before = text[text.rfind("\n", 0, start) + 1 : start]
    inside = _opened(before)
    bounds = [start - 1, *cuts, stop]
    for low, high in pairwise(bounds):
        if low + 1 < high:
            words = _WORD.findall(text[low + 1 : high])
            if inside or len(words) >= 2:
                yield low + 1, high
        if high < stop:
            inside = _toggle(inside, text[high])


def _opened(before: str) -> bool:
    """Whether a quotation is open at the end of ``before``."""
    inside = False
    for char in before:
        if char in SPLIT_QUOTES:
            inside = _toggle(inside, char)
    return inside


def _toggle(inside: bool, quote: str) -> bool:
    if quote in "«„":
        return True
    if quote in "»”":
        return False
    if quote == "“":  # closes „…“ in Russian typography, opens “…” in English
        return not inside
    return not inside  # straight quotes alternate


def _break(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    glued = {
        position
        for match in _GLUED_BRACKETS.finditer(text, start, stop)
        for position in (match.start(), match.end() - 1)
    }
    low = start
    for match in _HARD_BREAKS.finditer(text, start, stop):
        if match.start() in glued:
            continue
        yield low, match.start()
        low = match.end()
    yield low, stop


def trim(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span without junk at its edges; None if nothing is left."""
    while start < stop and text[start] in _EDGE_JUNK:
        start += 1
    while stop > start and text[stop - 1] in _EDGE_JUNK:
        if text[stop - 1] == ")" and _GLUED_BRACKETS.search(text, start, stop):
            break
        stop -= 1
    if start >= stop:
        return None
    return start, stop


def has_upper(piece: str) -> bool:
    """Whether a piece of text has a capital letter."""
    return bool(_UPPER.search(piece))
