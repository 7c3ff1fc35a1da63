"""Span edges decided by the words around a name.

* An organisation named in quotes after a word that says what kind of body it is
  («партия «Новые правые»», «институт «Коллективное действие»», «ООО «Ромашка»»)
  is an organisation even when the tagger does not see it; a span that opens a
  short quoted name runs to its closing quote («Координационный совет пострадавших
  соинвесторов»).
* A relational adjective in front of an organisation is part of what is named
  («японского МИДа», «государственной Комиссии по атомной энергии»), and so is a
  compass adjective in front of a place («западной Европы»).
* An ordinary word that opens a sentence is not part of the name after it
  («Поддержку Кирсану Илюмжинову», «Исследователи Брукхейвенской лаборатории»).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.entities.morph import is_plain_word, parses
from viewer.entities.spans import sorted_disjoint
from viewer.entities.tagger import RawSpan

# Common nouns (dictionary forms) and legal forms that introduce an organisation's
# name in quotes.
ORG_KINDS = frozenset(
    [
        "партия",
        "движение",
        "фронт",
        "союз",
        "блок",
        "объединение",
        "организация",
        "ассоциация",
        "федерация",
        "общество",
        "фонд",
        "институт",
        "университет",
        "академия",
        "центр",
        "комитет",
        "совет",
        "клуб",
        "команда",
        "компания",
        "корпорация",
        "концерн",
        "холдинг",
        "группа",
        "фирма",
        "банк",
        "завод",
        "фабрика",
        "комбинат",
        "предприятие",
        "агентство",
        "издательство",
        "газета",
        "журнал",
        "еженедельник",
        "ежедневник",
        "издание",
        "телеканал",
        "радиостанция",
        "радио",
        "телекомпания",
        "портал",
        "сайт",
        "театр",
        "студия",
        "лейбл",
        "ассамблея",
        "коалиция",
        "профсоюз",
        "братство",
        "сообщество",
        "оао",
        "зао",
        "ооо",
        "пао",
        "ао",
        "нко",
        "ано",
        "гуп",
        "фгуп",
        "муп",
        "мкп",
        "ип",
        "риа",
        "ия",
        "нпо",
        "нии",
    ]
)
# Adjectives of direction that belong to a place's name («западной Европы»).
COMPASS = frozenset(
    [
        "северный",
        "южный",
        "западный",
        "восточный",
        "северо-западный",
        "северо-восточный",
        "юго-западный",
        "юго-восточный",
        "центральный",
    ]
)
_QUOTED = re.compile(r"([«„\"])([^«»„“\"\n]{1,80})([»“\"])")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)[\s\u00a0]+$")
_UPPER_FIRST = re.compile(r"[A-ZА-ЯЁ0-9]")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?…]\s+|\n\s*)$")
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2"})
_SHORT_QUOTE_WORDS = 5
_ETHNIC_ENDINGS = ("ский", "цкий")


def refine(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Apply the context rules above; spans stay sorted and disjoint."""
    spans = [_trim_opener(text, span) for span in spans]
    spans = list(_quoted_organisations(text, spans))
    spans = [_with_adjective(text, span) for span in spans]
    return sorted_disjoint(spans)


def _quoted_organisations(text: str, spans: list[RawSpan]) -> Iterator[RawSpan]:
    """Spans plus the quoted organisation names, which replace what they contain."""
    added = []
    for match in _QUOTED.finditer(text):
        start, stop = match.start(2), match.end(2)
        name = match.group(2).strip()
        if not name or not _UPPER_FIRST.match(name):
            continue
        inside = [span for span in spans if start <= span.start and span.stop <= stop]
        crossing = [span for span in spans if span.start < stop and start < span.stop and span not in inside]
        if crossing:
            continue
        opener = next((span for span in inside if span.start == start), None)
        short = len(name.split()) <= _SHORT_QUOTE_WORDS
        if (opener is not None and opener.type == "ORG" and short) or (_kind_before(text, match.start()) and short):
            added.append(RawSpan(start, stop, "ORG"))
    if not added:
        yield from spans
        return
    covered = [(span.start, span.stop) for span in added]
    for span in spans:
        if not any(low <= span.start and span.stop <= high for low, high in covered):
            yield span
    yield from added


def _kind_before(text: str, position: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    if match is None:
        return False
    word = match.group(1).lower().replace("ё", "е")
    if word in ORG_KINDS:
        return True
    return any(parse.normal_form in ORG_KINDS and parse.tag.POS == "NOUN" for parse in parses(word))


def _with_adjective(text: str, span: RawSpan) -> RawSpan:
    """ORG with a relational adjective before it, LOC with a compass adjective."""
    if span.type not in ("ORG", "LOC"):
        return span
    match = _WORD_BEFORE.search(text, max(0, span.start - 40), span.start)
    if match is None or not match.group(1).islower():
        return span
    adjective = match.group(1).replace("ё", "е")
    first = re.match(r"[\w-]+", text[span.start : span.stop])
    if first is None:
        return span
    head = first.group().lower().replace("ё", "е")
    for parse in parses(adjective):
        if parse.tag.POS != "ADJF" or {"Qual", "Apro", "Anum"} & parse.tag.grammemes:
            continue
        if span.type == "LOC" and parse.normal_form not in COMPASS:
            continue
        if span.type == "ORG" and parse.normal_form in COMPASS:
            continue
        if first.group().isupper() and not parse.normal_form.endswith(_ETHNIC_ENDINGS):
            continue  # an acronym does not decline: only «японского МИД», not «параллельной НАТО»
        if _agrees(parse.tag, head):
            return RawSpan(match.start(1), span.stop, span.type)
    return span


def _agrees(adjective_tag, head: str) -> bool:
    """Same case and number as some noun reading of the head word."""
    cases = _CASES & adjective_tag.grammemes
    for parse in parses(head):
        if parse.tag.POS != "NOUN":
            continue
        if not cases & parse.tag.grammemes:
            continue
        if parse.tag.number and adjective_tag.number and parse.tag.number != adjective_tag.number:
            continue
        if (
            parse.tag.number == "sing"
            and adjective_tag.gender
            and parse.tag.gender
            and parse.tag.gender != adjective_tag.gender
            and "Ms-f" not in parse.tag.grammemes
        ):
            continue
        return True
    return False


def _trim_opener(text: str, span: RawSpan) -> RawSpan:
    """Drop an ordinary sentence-opening word from the front of a longer name."""
    piece = text[span.start : span.stop]
    first = re.match(r"[\w-]+", piece)
    if first is None or first.end() >= len(piece):
        return span
    rest = piece[first.end() :]
    second = re.match(r"\s+(\S)", rest)
    if second is None or not _UPPER_FIRST.match(second.group(1)):
        return span
    if not _SENTENCE_OPEN.search(text[max(0, span.start - 3) : span.start]) and span.start != 0:
        return span
    word = first.group()
    if not is_plain_word(word) or word.isupper():
        return span
    if any(parse.tag.POS in ("ADJF", "PRTF") for parse in parses(word.lower())):
        return span  # «Южная Корея», «Объединённые Арабские Эмираты»
    return RawSpan(span.start + first.end() + second.start(1), span.stop, span.type)
