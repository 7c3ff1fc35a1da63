"""Name-like tokens: capitalised words inside a sentence and acronyms, as lemmas.

Whether two reports are about the same event depends most on *who* and *where*: «Погода в Калуге
на 3 марта» and «Погода в Рязани на 3 марта» share every word but the city. A named-entity tagger
would find those names more precisely, but it is slow next to the rest of a fingerprint, and
capitalisation finds nearly all of them in Russian news, where only names, acronyms and the first
word of a sentence are written with a capital. A capitalised first word of a sentence is counted
only when the same lemma also occurs capitalised inside a sentence of the same text (title and
body are read together for this). Short quoted phrases that begin with a capital and follow a
word are names too, lower-case words included: contests, films, companies and operations are
written «Лучший двор», «Снегурочка». A lemma written in lower case more often than capitalised is an
ordinary word that starts a run-in heading here, and is dropped.

Names that only say who reported the news are not what it is about: «…, — ABC News», «передает
корреспондент РИА Новости», «по данным SHOT», «сообщает Yonhap». Reports of one happening credit
different sources, and a channel credits itself, so such credits are left out.
"""

from __future__ import annotations

import re
from collections import Counter

from viewer.events.stopwords import STOPWORDS
from viewer.text.lemmas import lemma, token_spans

_SENTENCE_END = ".!?…:;\n\"'»“”>|•—–"
_OPENING = " \t\u00a0«„“\"'([-*"
# A quoted phrase of at most a few words; longer quotations are speech, not names.
_QUOTED = re.compile(r"[«„“\"]([^«»„“”\"\n]{2,40})[»“”\"]")
_QUOTED_WORDS = 4
_MAX_ACRONYM_CHARS = 6
_ROMAN = re.compile(r"[IVXLC]+")
_MAX_NAME_CHARS = 30
# A source credited for the report: up to three capitalised words (or a quoted name) after a word
# that credits one, or closing a sentence after a comma or a closing quote and a dash.
_CREDITED = r"((?:[«\"„]?[A-ZА-ЯЁ][\w&'-]*[»\"“]?[ \t]*){1,3})"
_CREDIT = re.compile(
    r"(?i:\b(?:сообща\w*|сообщи\w*|переда[её]т|пиш[еу]т|по данным|по информации|со ссылкой на|ссылаясь на"
    r"|корреспондент\w*|источник\w*))\s+" + _CREDITED
    + r"|[,»\"][ \t]*[—–][ \t]*" + _CREDITED + r"(?=[.!]?[ \t]*(?:\n|$))"
)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the token at ``start`` is the first of its sentence, heading or list item.

    A full stop after a single capital letter is an initial («В.В. Путин»), not a sentence end.
    """
    position = start - 1
    while position >= 0 and text[position] in _OPENING:
        position -= 1
    if position < 0:
        return True
    char = text[position]
    if char not in _SENTENCE_END:
        return False
    if char == ".":
        before = text[max(0, position - 2) : position]
        if len(before) == 2 and before[1].isupper() and not before[0].isalpha():
            return False
        if len(before) == 1 and before.isupper():
            return False
    return True


def _quoted(text: str) -> list[str]:
    """Lemmas of the short quoted phrases of a text that begin with a capital, as names do.

    «Снегурочка» and «Лучший двор» are names; «золотая осень» is a turn of phrase. Only phrases that
    follow a word count: a quotation that opens a sentence is speech.
    """
    found = []
    for match in _QUOTED.finditer(text):
        phrase = match.group(1).strip()
        if not phrase[:1].isupper() or not _after_word(text, match.start()):
            continue
        tokens = [word for _, _, word in token_spans(phrase)]
        if len(tokens) <= _QUOTED_WORDS:
            found.extend(lemma(word) for word in tokens if _plausible(word))
    return [word for word in found if word not in STOPWORDS]


def _after_word(text: str, position: int) -> bool:
    """Whether a word directly precedes ``position``: «в конкурсе «Лучший двор»» names a contest,
    while a quotation opening a sentence or following a colon or dash is speech."""
    position -= 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return position >= 0 and text[position].isalpha()


def _plausible(word: str) -> bool:
    """A word that could be a name: letters only, neither one letter nor a run-on hash."""
    return 1 < len(word) <= _MAX_NAME_CHARS and word.isalpha()


def names(*texts: str) -> Counter[str]:
    """Lemmas of the name-like tokens of one article's texts (title, body), with their counts.

    A lemma that the texts write in lower case more often than capitalised inside a sentence is
    an ordinary word that happens to start a heading or a list item here, and is left out.
    """
    inside: Counter[str] = Counter()
    at_start: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        text = _without_credits(text)
        for start, stop, word in token_spans(text):
            raw = text[start:stop]
            if not _plausible(word):
                continue
            if _ROMAN.fullmatch(raw):  # «XVI форум»: a number, compared as one elsewhere
                continue
            found = lemma(word)
            if not raw[0].isupper():
                lower[found] += 1
                continue
            if found in STOPWORDS:
                continue
            if (raw.isupper() and len(raw) <= _MAX_ACRONYM_CHARS) or not _starts_sentence(
                text, start
            ):
                inside[found] += 1
            else:
                at_start[found] += 1
        inside.update(_quoted(text))
    for found, count in at_start.items():
        if found in inside:
            inside[found] += count
    return Counter({name: count for name, count in inside.items() if lower[name] <= count})


def _without_credits(text: str) -> str:
    """The text with the sources it credits blanked out (same length)."""
    def blank(match: re.Match[str]) -> str:
        credited = 1 if match.group(1) is not None else 2
        start, stop = match.span(credited)
        return text[match.start() : start] + " " * (stop - start) + text[stop : match.end()]

    return _CREDIT.sub(blank, text)
