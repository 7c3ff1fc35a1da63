"""Words and their lemmas: the one tokenisation used by the index, queries and highlights.

A token is a run of letters or digits; hyphens and punctuation separate tokens, so
«Касым-Жомарт» is two tokens at adjacent positions and the phrase query "Касым-Жомарт"
matches it. Cyrillic words are reduced to their dictionary form with pymorphy3
(«Казахстаном» -> «казахстан»); every other token is only lower-cased. ё is folded to е.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pymorphy3

TOKEN_PATTERN = r"[^\W_]+"
_TOKEN = re.compile(TOKEN_PATTERN)
_CYRILLIC = re.compile(r"[а-яё]")

# pymorphy3 is deterministic and ~30-80 µs a word; news vocabulary is small next to
# its token count, so one dictionary per process makes lemmatisation nearly free.
_MORPH = pymorphy3.MorphAnalyzer()
_CACHE_LIMIT = 2_000_000


def lemmatise(word: str) -> str:
    """A lower-case, ё-folded token's dictionary form, worked out afresh (``lemma`` caches it)."""
    return _MORPH.parse(word)[0].normal_form.replace("ё", "е") if _CYRILLIC.match(word) else word


class _Lemmas(dict[str, str]):
    """Word -> lemma, looked up in C; a word met for the first time is lemmatised on lookup."""

    def __missing__(self, word: str) -> str:
        found = lemmatise(word)
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[word] = found
        return found


_CACHE = _Lemmas()

# Dictionary form of one lower-case token. A bound lookup rather than a function: a known
# word (nearly every token) then costs no Python call at all, which matters at millions of tokens.
lemma: Callable[[str], str] = _CACHE.__getitem__


def words(text: str) -> list[str]:
    """Lower-cased, ё-folded tokens of a text, in order."""
    return _TOKEN.findall(text.lower().replace("ё", "е"))


def lemmas(text: str) -> list[str]:
    """Lemmas of a text's tokens, in order: what the index stores for it."""
    return list(map(lemma, words(text)))


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, stop, lower-cased ё-folded word) for each token, offsets into ``text``."""
    for match in _TOKEN.finditer(text):
        yield match.start(), match.end(), match.group().lower().replace("ё", "е")
