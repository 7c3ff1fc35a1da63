"""Words and their lemmas: the one tokenisation used by the index, queries and highlights.

A token is a run of letters or digits; hyphens and punctuation separate tokens, so
«Касым-Жомарт» is two tokens at adjacent positions and the phrase query "Касым-Жомарт"
matches it. Cyrillic words are reduced to their dictionary form with pymorphy3
(«Казахстаном» -> «казахстан»); every other token is only lower-cased. ё is folded to е.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pymorphy3

TOKEN_PATTERN = r"[^\W_]+"
_TOKEN = re.compile(TOKEN_PATTERN)
_CYRILLIC = re.compile(r"[а-яё]")

# pymorphy3 is deterministic and ~30-80 µs a word; news vocabulary is small next to
# its token count, so one dictionary per process makes lemmatisation nearly free.
_MORPH = pymorphy3.MorphAnalyzer()
_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 2_000_000


def lemma(word: str) -> str:
    """Dictionary form of one lower-case token."""
    found = _CACHE.get(word)
    if found is not None:
        return found
    found = _MORPH.parse(word)[0].normal_form.replace("ё", "е") if _CYRILLIC.match(word) else word
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[word] = found
    return found


def words(text: str) -> list[str]:
    """Lower-cased, ё-folded tokens of a text, in order."""
    return _TOKEN.findall(text.lower().replace("ё", "е"))


def lemmas(text: str) -> list[str]:
    """Lemmas of a text's tokens, in order: what the index stores for it."""
    cache_get = _CACHE.get
    out = []
    for word in words(text):
        found = cache_get(word)
        out.append(found if found is not None else lemma(word))
    return out


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, stop, lower-cased ё-folded word) for each token, offsets into ``text``."""
    for match in _TOKEN.finditer(text):
        yield match.start(), match.end(), match.group().lower().replace("ё", "е")
