"""Normal forms of names: the nominative a reader would look the entity up by.

natasha's own ``span.normalize`` puts every word of a span into the nominative one
by one (or, for organisations, follows a syntax parse), which yields half-normalised
names such as «Министерство иностранных дело» or leaves the head noun in the genitive.
Names have a simple structure, so the rules here follow it:

* a person: every capitalised word (first name, patronymic, surname) goes into the
  nominative; the gender and case are chosen once for the whole name, the reading
  that most of its words agree on («Александра Буркова» is a man in the genitive,
  «Анна Буркова» a woman in the nominative); of a hyphenated first name only the
  last part declines («Касым-Жомарта» -> «Касым-Жомарт»);
* an organisation or a place: the leading noun phrase (adjectives and the head
  noun) goes into the nominative keeping its number, and the adjectives take the
  head's gender; the rest, a genitive or prepositional tail, stays as written
  («Министерства иностранных дел» -> «Министерство иностранных дел», «Республики
  Казахстан» -> «Республика Казахстан»);
* a name in quotes and an acronym stay as written, except that a case ending
  written in lower case after an acronym is dropped («МИДа» -> «МИД»).

Capitalisation follows the original word, hyphen part by hyphen part, and «ё»
is written only where the text had it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import product
from typing import Any

from viewer.entities.morph import parses

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ACRONYM_ENDING = re.compile(r"^([A-ZА-ЯЁ]{2,})([а-яё]{1,3})$")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
_QUOTED = re.compile(r"^[«„\"“].*[»“”\"]$", re.S)


@functools.lru_cache(maxsize=100_000)
def normal_form(text: str, kind: str) -> str:
    """The nominative of a PER, ORG or LOC name as written in ``text``."""
    text = " ".join(text.split())
    if not text:
        return text
    if kind == "PER":
        return _person(text)
    return _organisation(text)


# ---- persons ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """One way to read a word of a person's name: gender, case and how to undo the case."""

    gender: str | None
    case: str | None
    score: float
    parse: Any = None  # a pymorphy parse, or None when ``nominative`` is given
    nominative: str | None = None


# Russian surnames in -ов/-ев/-ин/-ын decline like this; the dictionary may know
# such a word only as something else («Токаев» as a plural of «токай»).
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_SURNAME_ENDINGS = {
    ("masc", "nomn"): "",
    ("masc", "gent"): "а",
    ("masc", "datv"): "у",
    ("masc", "accs"): "а",
    ("masc", "ablt"): "ым",
    ("masc", "loct"): "е",
    ("femn", "nomn"): "а",
    ("femn", "gent"): "ой",
    ("femn", "datv"): "ой",
    ("femn", "accs"): "у",
    ("femn", "ablt"): "ой",
    ("femn", "loct"): "ой",
}


def _person(text: str) -> str:
    words = list(_WORD.finditer(text))
    if not words:
        return text
    capitalised = [index for index, match in enumerate(words) if match.group()[:1].isupper()]
    options = []
    for index, match in enumerate(words):
        role = "other"
        if len(capitalised) >= 2 and index == capitalised[-1]:
            role = "Surn"
        elif len(capitalised) >= 2 and index == capitalised[0]:
            role = "Name"
        elif len(capitalised) >= 3 and index in capitalised:
            role = "Patr"
        options.append(_person_readings(match.group(), role))
    gender, case = _best_reading(options)
    out = []
    cursor = 0
    for match, readings in zip(words, options, strict=True):
        out.append(text[cursor : match.start()])
        out.append(_person_word(match.group(), readings, gender, case))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out)


@functools.lru_cache(maxsize=100_000)
def _person_readings(word: str, role: str) -> tuple[_Reading, ...]:
    """Readings of the declining part of a name word, those fitting its role first.

    The last of several capitalised words is read as a surname when it can be, the
    first as a first name, a middle one as a patronymic.
    """
    if not word[:1].isupper() or not _is_cyrillic(word):
        return ()
    last = word.rsplit("-", 1)[-1].lower()
    found = parses(last)
    personal = [parse for parse in found if _PERSON_TAGS & parse.tag.grammemes]
    if role != "other":
        fitting = [parse for parse in personal if role in parse.tag.grammemes]
        if fitting:
            personal = fitting
    readings = [_reading(parse) for parse in personal]
    if not any("Surn" in parse.tag.grammemes for parse in personal) and role in ("Surn", "other"):
        readings.extend(_surname_table(last))
    if not readings:
        readings = [_reading(parse) for parse in found if parse.tag.POS == "ADJF"]
    if not readings:
        readings = [_reading(parse) for parse in found if parse.tag.POS == "NOUN"]
    return tuple(readings)


def _reading(parse) -> _Reading:
    case = next((case for case in _CASES if case in parse.tag.grammemes), None)
    gender = parse.tag.gender
    return _Reading(str(gender) if gender else None, case, parse.score, parse)


def _surname_table(word: str) -> list[_Reading]:
    out = []
    for (gender, case), ending in _SURNAME_ENDINGS.items():
        if not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)] if ending else word
        if stem.endswith(_SURNAME_STEMS) and len(stem) > 3:
            nominative = stem if gender == "masc" else stem + "а"
            out.append(_Reading(gender, case, 0.5, None, nominative))
    return out


def _best_reading(options: list[tuple[_Reading, ...]]) -> tuple[str | None, str | None]:
    """The (gender, case) most words of a name can be read in, then the likeliest.

    Ties go to the masculine and to the nominative, the commoner in news.
    """
    best: tuple[tuple[int, float], tuple[str | None, str | None]] = ((0, 0.0), (None, None))
    for gender, case in product(("masc", "femn"), _CASES):
        agreeing = 0
        score = 0.0
        for readings in options:
            fitting = [reading.score for reading in readings if _fits(reading, gender, case)]
            if fitting:
                agreeing += 1
                score += max(fitting)
        rank = (agreeing, round(score, 6))
        if rank > best[0]:
            best = (rank, (gender, case))
    return best[1]


def _fits(reading: _Reading, gender: str | None, case: str | None) -> bool:
    if case is not None and reading.case != case:
        return False
    if gender is None or reading.gender is None:
        return True
    return reading.gender == gender or (reading.parse is not None and "ms-f" in reading.parse.tag.grammemes)


def _person_word(word: str, readings: tuple[_Reading, ...], gender: str | None, case: str | None) -> str:
    fitting = [reading for reading in readings if _fits(reading, gender, case)]
    if not fitting:
        return word
    reading = max(fitting, key=lambda reading: reading.score)
    head, _, last = word.rpartition("-")
    if reading.parse is None:
        nominative = reading.nominative or last
    else:
        if "Fixd" in reading.parse.tag.grammemes:
            return word
        wanted = {"nomn"}
        if gender and "ms-f" in reading.parse.tag.grammemes:
            wanted.add(gender)
        nominative = _inflect(reading.parse, wanted, last.lower())
        if nominative is None:
            return word
    new_last = _restore_shape(nominative, last)
    return f"{head}-{new_last}" if head else new_last


def _inflect(parse, wanted: set[str], original: str) -> str | None:
    """The form of the parse's lexeme with the wanted grammemes nearest to the original.

    pymorphy's own ``inflect`` may jump to another form of the lexeme with the same
    grammemes («высшей» -> «высочайшая»); the form sharing the longest beginning with
    the word as written is the one meant.
    """
    first = parse.inflect(wanted)
    if first is None:
        return None
    keep = {grammeme for grammeme in (parse.tag.POS, parse.tag.number, parse.tag.gender) if grammeme is not None}
    if parse.tag.number == "plur":
        keep.discard(parse.tag.gender)
    best = first.word
    best_prefix = _common_prefix(best, original)
    if best_prefix >= min(len(best), len(original)) - 2:
        return best  # the usual case: only the ending changed
    for form in parse.lexeme:
        grammemes = form.tag.grammemes
        if wanted <= grammemes and keep <= grammemes | wanted:
            prefix = _common_prefix(form.word, original)
            if prefix > best_prefix:
                best, best_prefix = form.word, prefix
    return best


def _common_prefix(left: str, right: str) -> int:
    count = 0
    for a, b in zip(left.replace("ё", "е"), right.replace("ё", "е"), strict=False):
        if a != b:
            break
        count += 1
    return count


# ---- organisations and places ------------------------------------------------------


def _organisation(text: str) -> str:
    if _QUOTED.match(text) or not _is_cyrillic(text):
        return text
    words = list(_WORD.finditer(text))
    if not words:
        return text
    first = words[0].group()
    acronym = _ACRONYM_ENDING.match(first)
    if acronym and words[0].start() == 0:
        return acronym.group(1) + text[words[0].end() :]
    if first.isupper() and len(first) > 1:
        return text
    phrase = _noun_phrase(text, words)
    if phrase is None:
        return text
    replaced = {index: word for index, word in phrase}
    out = []
    cursor = 0
    for index, match in enumerate(words):
        out.append(text[cursor : match.start()])
        out.append(replaced.get(index, match.group()))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out)


def _noun_phrase(text: str, words: list[re.Match]) -> list[tuple[int, str]] | None:
    """Nominative forms of the leading adjectives and their head noun, by word index."""
    adjectives = []
    head = None
    for index, match in enumerate(words):
        if index and text[words[index - 1].end() : match.start()].strip():
            return None  # punctuation inside the leading phrase: leave the name alone
        word = match.group()
        if word.isupper() and len(word) > 1:
            return None
        found = parses(word.lower())
        nouns = [parse for parse in found if parse.tag.POS == "NOUN"]
        adjectival = [parse for parse in found if parse.tag.POS in ("ADJF", "PRTF")]
        if nouns and (not adjectival or adjectival[0].score < nouns[0].score or index == len(words) - 1):
            head = (index, word, nouns)
            break
        if not adjectival:
            return None
        adjectives.append((index, word, adjectival))
    if head is None:
        return None
    return _inflect_phrase(adjectives, head)


def _inflect_phrase(adjectives: list, head: tuple) -> list[tuple[int, str]] | None:
    index, word, nouns = head
    for noun in nouns:
        case = _case_of(noun.tag)
        if case is None:
            continue
        chosen = []
        for adjective_index, adjective_word, readings in adjectives:
            reading = _agreeing(readings, noun.tag, case)
            if reading is None:
                break
            chosen.append((adjective_index, adjective_word, reading))
        else:
            noun_form = _nominative(noun, set(), word.lower())
            if noun_form is None:
                continue
            acronym = _ACRONYM_ENDING.match(word)  # «японского МИДа» -> «японский МИД»
            out = [(index, acronym.group(1) if acronym else _restore_shape(noun_form, word))]
            wanted = {"plur"} if noun.tag.number == "plur" else {"sing"}
            if noun.tag.number == "sing" and noun.tag.gender:
                wanted.add(str(noun.tag.gender))
            for adjective_index, adjective_word, reading in chosen:
                form = _nominative(reading, wanted, adjective_word.lower())
                if form is None:
                    return None
                out.append((adjective_index, _restore_shape(form, adjective_word)))
            return out
    return None


def _case_of(tag) -> str | None:
    for case in (*_CASES, "gen2", "loc2", "voct", "acc2"):
        if case in tag.grammemes:
            return case
    return None


def _agreeing(readings: list, noun_tag, case: str):
    for reading in readings:
        if case not in reading.tag.grammemes:
            continue
        if noun_tag.number and reading.tag.number and noun_tag.number != reading.tag.number:
            continue
        if (
            noun_tag.number == "sing"
            and noun_tag.gender
            and reading.tag.gender
            and noun_tag.gender != reading.tag.gender
            and "ms-f" not in noun_tag.grammemes
        ):
            continue
        return reading
    return None


def _nominative(parse, extra: set[str], original: str) -> str | None:
    """The nominative of a parse, keeping its number (and the agreement asked for)."""
    form = _inflect(parse, {"nomn", *extra}, original)
    if form is None and extra:
        form = _inflect(parse, {"nomn"}, original)
    return form


# ---- shape ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=100_000)
def _restore_shape(new: str, original: str) -> str:
    """``new`` written with the capitals (per hyphen part) and «ё» use of ``original``."""
    if "ё" not in original.lower():
        new = new.replace("ё", "е")
    if original.isupper() and len(original) > 1:
        return new.upper()
    new_parts = new.split("-")
    old_parts = original.split("-")
    if len(new_parts) != len(old_parts):
        return new.capitalize() if original[:1].isupper() else new
    return "-".join(
        part.capitalize() if old[:1].isupper() else part for part, old in zip(new_parts, old_parts, strict=True)
    )


def _is_cyrillic(text: str) -> bool:
    return bool(re.search(r"[а-яёА-ЯЁ]", text))
