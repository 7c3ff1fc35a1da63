"""Numbers in news text, each tied to the word it counts, so two reports can be compared on them.

Two reports of one event agree on its figures («3 марта», «4 человека», «XVI форум»); reports of
two similar events (yesterday's and today's casualty summary, last year's and this year's forum)
share almost all their words and differ mainly there. A bare number means little, so every
number is keyed by its *unit*: the lemma of the word after it («3 марта» -> ("март", 3)), or of the
word it is hyphenated to («ПМЭФ-2021» -> ("пмэф", 2021)), or of the word before it
when nothing follows («Петр I»). Scale words are folded into the value («2,5 тыс.» -> 2500), and
ordinals («12-й», «XVI») are marked, since «12-й рейс» and «12 рейсов» are different claims;
so are numbers hyphenated to a word («ПМЭФ-2021», «Су-57»), which identify an edition or a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.events.stopwords import STOPWORDS
from viewer.text.lemmas import lemma

# A number: digits grouped by spaces («1 400»), or with a decimal part («1,4»), or a Roman numeral
# written in capitals. An ordinal ending («12-й», «5-го») may follow.
_NUMBER = re.compile(
    r"(?<![\w.,])"
    r"(?:(?P<arabic>\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,4}(?!\d)|\d{1,15}(?:[.,]\d{1,6})?(?!\d))"
    r"|(?P<roman>[IVXLC]+)(?![\w]))"
    r"(?P<ordinal>-?(?:й|я|е|го|му|м|х|ый|ий|ой|ая|ое|ые|ых|ого|ому)\b)?"
)
_WORD = re.compile(r"[^\W\d_]+")
# A Roman numeral must count a Russian word, so «I love» holds no number.
_CYRILLIC = re.compile("[а-я]")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SCALE = {
    "тыс": 1e3, "тысяча": 1e3, "млн": 1e6, "миллион": 1e6,
    "млрд": 1e9, "миллиард": 1e9, "трлн": 1e12, "триллион": 1e12,
}  # fmt: skip
_UNIT_LOOKAHEAD = 40  # characters after a number in which its unit word is looked for
_MAX_QUANTITIES = 64  # per article: the first ones, which is where the news is


@dataclass(frozen=True, order=True)
class Quantity:
    """A number with the lemma of the thing it counts or orders."""

    unit: str
    value: float
    ordinal: bool = False

    @property
    def term(self) -> str:
        """The quantity as one word of the text («113 рубль», «16-й форум»): two reports that give the
        same number of the same thing share it, as they share a rare word."""
        return f"{self.value:g}{'-й' if self.ordinal else ''} {self.unit}"


def _roman_value(text: str) -> int | None:
    """Value of a well-formed Roman numeral up to 399, else None («IIII», «VX» are not numbers)."""
    total = 0
    previous = 0
    for char in reversed(text):
        value = _ROMAN[char]
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    if _to_roman(total) != text:
        return None
    return total


def _to_roman(value: int) -> str:
    parts = []
    for number, letters in (
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
        (1, "I"),
    ):  # fmt: skip
        while value >= number:
            parts.append(letters)
            value -= number
    return "".join(parts)


def _next_word(
    text: str, position: int, *, after_abbreviation: bool = False
) -> tuple[str, int] | None:
    """The word a few characters after ``position``, unless a sentence or clause end intervenes.

    After an abbreviated scale word («тыс.») its own full stop is allowed.
    """
    window = text[position : position + _UNIT_LOOKAHEAD]
    match = _WORD.search(window)
    if match is None:
        return None
    gap = window[: match.start()]
    if after_abbreviation and gap.startswith("."):
        gap = gap[1:]
    if any(char in gap for char in ".!?;:\n()"):
        return None
    return match.group(), position + match.end()


def _previous_word(text: str, position: int) -> str | None:
    """The word just before ``position`` when only a space or a hyphen separates them."""
    end = position
    while end > 0 and position - end < 2 and text[end - 1] in " -\u00a0":
        end -= 1
    if end == position:
        return None
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end] if start < end else None


def _lemma(word: str) -> str:
    return lemma(word.lower().replace("ё", "е"))


def _unit(text: str, match: re.Match[str], ordinal: bool) -> tuple[str, float, bool] | None:
    """(unit lemma, scale factor, is an identifier) for one number, or None when it counts
    nothing nameable. A number hyphenated to a word («ПМЭФ-2021», «Евровидение-2019», «Су-57»)
    identifies an edition or a model, and compares like an ordinal."""
    start, end = match.start(), match.end()
    if start > 0 and text[start - 1] == "-":
        word = _previous_word(text, start)
        return (_lemma(word), 1.0, True) if word else None
    if match.group("roman") is not None:  # «Петр I», «Николай II» name the person; else «XVI век»
        word = _previous_word(text, start)
        if word and word[0].isupper():
            return _lemma(word), 1.0, False
    following = _next_word(text, end)
    if following is not None:
        unit = _lemma(following[0])
        scale = _SCALE.get(unit)
        if scale is None or ordinal:
            return unit, 1.0, False
        after = _next_word(text, following[1], after_abbreviation=True)
        return (_lemma(after[0]) if after else "#"), scale, False
    word = _previous_word(text, start)
    return (_lemma(word), 1.0, False) if word else None


def quantities(text: str) -> frozenset[Quantity]:
    """The first numbers of a text, each with its unit lemma; numbers with no unit are dropped."""
    found: set[Quantity] = set()
    for match in _NUMBER.finditer(text):
        if len(found) >= _MAX_QUANTITIES:
            break
        arabic, roman = match.group("arabic"), match.group("roman")
        ordinal = match.group("ordinal") is not None
        value: float | None
        if roman is not None:
            value = _roman_value(roman)
            ordinal = True
        else:
            value = float(re.sub(r"[ \u00a0\u202f]", "", arabic).replace(",", "."))
        if value is None:
            continue
        unit = _unit(text, match, ordinal)
        if unit is None or unit[0] in STOPWORDS:  # «в 7», «20 и 30»: no unit to compare by
            continue
        if roman is None or _CYRILLIC.search(unit[0]):
            found.add(Quantity(unit[0], value * unit[1], ordinal or unit[2]))
    return frozenset(found)
