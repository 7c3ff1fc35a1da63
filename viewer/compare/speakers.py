"""Who is named where in a report, so that quotes can be given a speaker.

With entity mentions (``type == "PER"``) a person is the mention, keyed by the last word of its
normal form, i.e. the surname: «Торебаева», «Кайрат Торебаев» and «Торебаев» are one speaker.
Without mentions, names are found the way readers find them: runs of capitalised words inside
which a word is a first name, patronymic or surname to pymorphy, or looks like a surname by its
ending («Токаев» is unknown to the dictionary). Geographic and organisation names are left out.

Reports often name a person once with a title («вице-министр торговли и интеграции Республики
Казахстан Кайрат Торебаев») and later by the title alone («Вице-министр ... отметил»); ``roles``
maps such title words to the person they last preceded, which resolves the later reference.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from viewer.compare.inputs import MentionLike
from viewer.text.lemmas import _MORPH, lemma
from viewer.text.normalise import fold

_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_SURNAME_ENDING = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|енко|ук|юк|ян|швили|дзе|ова|ева|ёва|ина|ына|ская|цкая)"
    r"(?:а|у|ым|ом|е|ой|ую|ого|ому|им)?$"
)
_LOCAL_ROLE_WINDOW = 90
_ROLE_WORDS = """
президент премьер премьер-министр министр вице-министр замминистра вице-премьер губернатор вице-губернатор мэр
глава председатель зампред директор гендиректор руководитель начальник заместитель спикер посол сенатор депутат
пресс-секретарь полпред аким прокурор судья тренер капитан ректор врио представитель
"""
ROLE_WORDS = frozenset(_ROLE_WORDS.split())
_NOT_NAMES = frozenset({"Geox", "Orgn", "Trad"})


@dataclass(frozen=True)
class Person:
    """One naming of a person in a body: offsets, the surname key and the name as displayed."""

    start: int
    stop: int
    key: str
    name: str


class People:
    """Persons named in one report body, in order, with their titles."""

    def __init__(self, body: str, mentions: Sequence[MentionLike] = ()) -> None:
        persons = _from_mentions(mentions) if mentions else _from_text(body)
        persons.sort(key=lambda person: person.start)
        self.persons = persons
        self._starts = [person.start for person in persons]
        self._names: dict[str, str] = {}
        for person in persons:
            if len(person.name) > len(self._names.get(person.key, "")):
                self._names[person.key] = person.name
        self.roles = _roles(body, persons)

    def name(self, key: str) -> str:
        """The fullest name under which the report names this person."""
        return self._names.get(key, key)

    def within(self, start: int, stop: int) -> list[Person]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, stop)
        return [person for person in self.persons[low:high] if person.stop <= stop]


def _from_mentions(mentions: Sequence[MentionLike]) -> list[Person]:
    persons = []
    for mention in mentions:
        if mention.type != "PER":
            continue
        normal = (mention.normal or mention.text).strip()
        if not normal:
            continue
        persons.append(Person(mention.start, mention.stop, fold(normal.split()[-1]), normal))
    return persons


@lru_cache(maxsize=65536)
def _is_name_word(word: str, *, after_first_name: bool = False) -> bool:
    """Whether a capitalised word is part of a person's name.

    Unknown surnames are guessed by pymorphy as anything («Травников» as a short adjective), so
    beyond the dictionary's own name tags a surname ending is enough unless the word is a full
    adjective or a place or organisation name; and the word after a known first name is its
    surname unless it names a place or organisation.
    """
    parses = _MORPH.parse(word)
    for parse in parses[:4]:
        grammemes = parse.tag.grammemes
        if grammemes & {"Name", "Surn", "Patr"} and parse.score >= 0.05:
            return True
    top = parses[0].tag
    if top.grammemes & _NOT_NAMES:
        return False
    if after_first_name and top.POS in ("NOUN", "ADJS", None):
        return True
    if top.POS not in ("NOUN", "ADJS", None):
        return False
    return bool(_SURNAME_ENDING.search(word.split("-")[-1]))


@lru_cache(maxsize=65536)
def _is_first_name(word: str) -> bool:
    return any("Name" in parse.tag.grammemes and parse.score >= 0.05 for parse in _MORPH.parse(word)[:4])


@lru_cache(maxsize=65536)
def _nominative(word: str) -> str:
    """The nominative of one name word, keeping its gender («Ивановой» -> «Иванова»)."""
    for parse in _MORPH.parse(word)[:4]:
        if parse.tag.grammemes & {"Name", "Surn", "Patr"}:
            inflected = parse.inflect({"nomn"})
            if inflected is not None:
                found: str = inflected.word
                return "-".join(part.capitalize() for part in found.split("-"))
    stem = re.sub(r"(ов|ев|ёв|ин|ын)(а|у|ым|ом|е)$", r"\1", word)
    return stem


def _from_text(body: str) -> list[Person]:
    """Runs of capitalised name words («Кайрат Торебаев», «Касым-Жомарт Токаев», «Буркову»)."""
    persons = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if run:
            name = " ".join(_nominative(match.group()) for match in run)
            persons.append(Person(run[0].start(), run[-1].end(), fold(name.split()[-1]), name))
            run.clear()

    previous_end = -10
    for match in _CAPITALISED.finditer(body):
        adjacent = bool(run) and body[previous_end : match.start()] == " "
        if not _is_name_word(match.group(), after_first_name=adjacent and _is_first_name(run[-1].group())):
            close()
            continue
        if run and not adjacent:
            close()
        run.append(match)
        previous_end = match.end()
        if len(run) == 3:
            close()
    close()
    return _confirmed(body, persons)


def _at_sentence_start(body: str, position: int) -> bool:
    before = body[max(0, position - 80) : position].rstrip(" \t\u00a0«„“\"'(-—–")
    return (not before and position < 80) or (bool(before) and before[-1] in ".!?…\n:")


def _confirmed(body: str, persons: list[Person]) -> list[Person]:
    """Drop one-word "names" that open a sentence («Дан старт», «Интересов много») unless the same
    name also occurs where capitalisation means something: inside a sentence or with another name."""
    trusted = {person.key for person in persons if " " in person.name or not _at_sentence_start(body, person.start)}
    return [person for person in persons if person.key in trusted]


def _roles(body: str, persons: list[Person]) -> dict[str, Person]:
    """Title word -> the person it last preceded: «губернатор ... Александр Бурков».

    Only the title nearest before a name counts: in «Бурков как глава региона и вице-министр ...
    Торебаев» the «глава» belongs to Бурков, not to the next name.
    """
    roles: dict[str, Person] = {}
    previous_stop = 0
    for person in persons:
        window_start = max(previous_stop, person.start - _LOCAL_ROLE_WINDOW)
        window = body[window_start : person.start]
        cut = max(window.rfind("."), window.rfind("\n"), window.rfind(";"))
        window = window[cut + 1 :]
        titles = [
            found
            for word in re.findall(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)?", window)
            if (found := lemma(word.lower().replace("ё", "е"))) in ROLE_WORDS
        ]
        if titles:
            roles[titles[-1]] = person
        previous_stop = person.stop
    return roles


def role_at(text: str) -> str | None:
    """The title word a clause opens with, if any: «Вице-министр торговли ... отметил»."""
    match = re.match(r"\s*([а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)?)", text)
    if match is None:
        return None
    found = lemma(match.group(1).lower().replace("ё", "е"))
    return found if found in ROLE_WORDS else None
