"""pymorphy3 look-ups used by the entity code, cached per process.

Names repeat a lot in news, so every question asked about a word (its parses, is it
an ordinary word, what is its nominative) is answered once and kept. The caches are
bounded so that a long-running worker does not grow without limit.
"""

from __future__ import annotations

import functools

import pymorphy3

# Grammemes that mark a proper name in the OpenCorpora dictionary.
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@functools.cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process's dictionary (about 15 MB; loading takes a fraction of a second)."""
    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=50_000)
def parses(word: str) -> tuple:
    """pymorphy3 parses of a lower-case word, best first."""
    return tuple(analyzer().parse(word))


@functools.lru_cache(maxsize=100_000)
def is_plain_word(word: str) -> bool:
    """A dictionary word that is never a name: «Однако», «Он», «Сегодня», not «Роза»."""
    lower = word.lower().replace("ё", "е")
    if not lower.isalpha():
        return False
    found = parses(lower)
    if not found or not found[0].is_known:
        return False
    return not any(PROPER & parse.tag.grammemes for parse in found)


def has_proper_parse(word: str) -> bool:
    """The dictionary knows the word (lower-cased) as a name, surname, place or org."""
    return any(PROPER & parse.tag.grammemes for parse in parses(word.lower()))


_NOUN_PHRASE_OPENERS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})


@functools.lru_cache(maxsize=100_000)
def can_open_noun_phrase(word: str) -> bool:
    """Some reading of the word is a noun, adjective or participle («Большой», «Почта»)."""
    return any(parse.tag.POS in _NOUN_PHRASE_OPENERS for parse in parses(word.lower()))
