"""Figures stated in a report, each with what it counts, so reports can be checked against each other.

A fact is a number tied to the word that says what it measures, with the phrase's offsets:

* ``count``: «более 30 предприятий» -> 30 предприятие, qualifier «более»; «две грамоты» -> 2 грамота
* ``ordinal``: «XVI форум», «12-й рейс» -> 16 форум; an edition or a rank, not an amount
* ``money``: «около 240 миллионов долларов», «$5 млн», «60 млрд руб.» -> value in the currency
* ``percent``: «22%», «на 15 процентов»
* ``date``: «6 ноября», «6 ноября 2019 года», «06.11.2019», «в ноябре 2019 года», «в 2003 году»,
  kept as reduced ISO strings («--11-06», «2019-11», «2003») so a date without a year still
  compares with one that has it
* ``time``: «в 13:00», «в 19 часов» -> «13:00»

The unit is the lemma of the first noun after the number and any scale word («тыс.», «млн»),
passing over up to two adjectives («30 крупных предприятий»). A number with no such noun
(«в 7», «(0+)»), part of a range («2018-2023») or hyphenated to a word («ПМЭФ-2021», «Су-57»,
which name a thing) is not a fact. Ordinal words («второй раз») are left out: they rank
occasions far more often than they state a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.compare.sentences import Sentence
from viewer.compare.units import CURRENCIES, CURRENCY_SIGNS, MONTHS, expand, is_abbreviation
from viewer.events.quantities import _SCALE, _roman_value
from viewer.text.lemmas import _MORPH, lemma

FACT_KINDS = ("count", "ordinal", "money", "percent", "date", "time")

_SPOT = re.compile(
    r"(?<![\w.,:/\-–])(?:"
    r"(?P<ndate>(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})(?![\d.,]\d))"
    r"|(?P<time>(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d))"
    r"|(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)|\d{1,15}(?:[.,]\d{1,6})?(?!\d))"
    r"(?P<ord>-?(?:й|я|е|го|му|м|х|ый|ий|ой|ая|ое|ые|ых|ого|ому)(?!\w))?"
    r"|(?P<roman>[IVXLC]+)(?=[ \u00a0]+[А-ЯЁа-яё])"
    r")"
)
_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_NEXT_WORD = re.compile(r"(?P<gap>[ \u00a0\u202f]*)(?P<word>[^\W\d_]+)(?P<dot>\.)?")
_SPACE = re.compile(r"[ \u00a0\u202f]*")
_QUALIFIER = re.compile(
    r"(?:^|[\s(«\"„,])(?P<q>не\s+менее|не\s+более|не\s+меньше|не\s+больше|более\s+чем|менее\s+чем|более|свыше|"
    r"больше|менее|меньше|около|почти|примерно|приблизительно|порядка|до|от)[ \u00a0]+$",
    re.IGNORECASE,
)
_YEAR_WORDS = frozenset({"год", "года", "году", "годом", "годе"})
_TIME_PREPOSITIONS = frozenset({"в", "к", "до", "с", "после", "около"})
_WORD_NUMERALS = {
    "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}  # fmt: skip
_WORD_SCALES = {"тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9}
_SKIPPABLE = frozenset({"ADJF", "PRTF", "ADJS", "NUMR"})


@dataclass(frozen=True)
class Fact:
    """One stated figure: kind, what it measures, value, qualifier and the phrase's offsets in the body."""

    report: int
    sentence: int
    kind: str
    what: str
    value: float | str
    qualifier: str
    start: int
    stop: int
    text: str

    @property
    def display(self) -> str:
        """The value as a reader writes it: «более 30», «240 000 000», «06.11.2019», «13:00»."""
        if isinstance(self.value, str):
            shown = _show_date(self.value) if self.kind == "date" else self.value
        else:
            shown = f"{self.value:,.6g}" if self.value != int(self.value) else f"{int(self.value):,}"
            shown = shown.replace(",", "\u202f") if "e" not in shown else shown
            if self.kind == "percent":
                shown += "%"
        return f"{self.qualifier} {shown}".strip()


def _show_date(value: str) -> str:
    if value.startswith("--"):
        return f"{value[5:7]}.{value[2:4]}"
    parts = value.split("-")
    return ".".join(reversed(parts))


@dataclass
class _Spot:
    start: int
    stop: int
    value: float
    ordinal: bool = False
    kind: str | None = None
    fixed: str | None = None  # a finished date or time value


def extract_facts(sentence: Sentence) -> list[Fact]:
    """The facts of one sentence, in order, with offsets into the report body."""
    text = sentence.text
    found: list[Fact] = []
    consumed = 0
    for spot in sorted(_spots(text), key=lambda spot: spot.start):
        if spot.start < consumed:
            continue
        fact = _read(text, spot)
        if fact is None:
            continue
        kind, what, value, start, stop = fact
        qualifier = _qualifier(text, start)
        if qualifier:
            start -= len(qualifier[1])
        consumed = stop
        found.append(
            Fact(sentence.report, sentence.index, kind, what, value, qualifier[0] if qualifier else "",
                 sentence.start + start, sentence.start + stop, text[start:stop])
        )  # fmt: skip
    return found


def _spots(text: str) -> list[_Spot]:
    spots = []
    for match in _SPOT.finditer(text):
        if match.group("ndate"):
            day, month, year = int(match.group("nd")), int(match.group("nm")), match.group("ny")
            if 1 <= day <= 31 and 1 <= month <= 12:
                full = int(year) + (2000 if len(year) == 2 and int(year) < 50 else 1900 if len(year) == 2 else 0)
                spots.append(
                    _Spot(match.start(), match.end(), 0, kind="date", fixed=f"{full:04d}-{month:02d}-{day:02d}")
                )
        elif match.group("time"):
            fixed = f"{int(match.group('hh')):02d}:{match.group('mm')}"
            spots.append(_Spot(match.start(), match.end(), 0, kind="time", fixed=fixed))
        elif match.group("num"):
            digits = re.sub(r"[ \u00a0\u202f]", "", match.group("num")).replace(",", ".")
            spots.append(_Spot(match.start(), match.end(), float(digits), ordinal=bool(match.group("ord"))))
        else:
            value = _roman_value(match.group("roman"))
            before = text[: match.start()].rstrip()
            if value is not None and not (before and before.split()[-1][:1].isupper() and before[-1].isalpha()):
                spots.append(_Spot(match.start(), match.end(), value, ordinal=True))
    spots.extend(_word_numerals(text))
    return spots


def _word_numerals(text: str) -> list[_Spot]:
    """Runs of numerals written as words: «две», «двадцать пять», «семь тысяч двести».

    A numeral joins the run when it is smaller than the part before it (двадцать + пять), a
    scale word multiplies what came before (семь × тысяча).
    """
    spots: list[_Spot] = []
    run: _Spot | None = None
    last = 0.0
    for match in _CYRILLIC_WORD.finditer(text):
        word = lemma(match.group().lower().replace("ё", "е"))
        value = _WORD_NUMERALS.get(word)
        adjacent = run is not None and text[run.stop : match.start()].strip() == ""
        if run is not None and adjacent and word in _WORD_SCALES and run.value < _WORD_SCALES[word]:
            run.stop, run.value, last = match.end(), run.value * _WORD_SCALES[word], _WORD_SCALES[word]
            continue
        if run is not None and adjacent and value is not None and value < last:
            run.stop, run.value, last = match.end(), run.value + value, value
            continue
        if run is not None:
            spots.append(run)
            run = None
        if value is not None:
            run, last = _Spot(match.start(), match.end(), value), value
    if run is not None:
        spots.append(run)
    return spots


def _next_word(text: str, position: int, *, dot_allowed: bool = False) -> tuple[str, int, int, bool] | None:
    """(word, start, stop, followed by a dot) of the word just after ``position`` in the same clause."""
    if dot_allowed and text[position : position + 1] == ".":
        position += 1
    match = _NEXT_WORD.match(text, position)
    if match is None:
        return None
    return match.group("word"), match.start("word"), match.end("word"), bool(match.group("dot"))


def _word_lemma(word: str) -> str:
    return expand(lemma(word.lower().replace("ё", "е")))


def _read(text: str, spot: _Spot) -> tuple[str, str, float | str, int, int] | None:
    """(kind, what, value, start, stop) for one spotted number, or None when it is not a fact."""
    start, stop = spot.start, spot.stop
    if spot.kind == "time" and spot.fixed:
        after = _next_word(text, stop)
        if after and _word_lemma(after[0]) == "час":
            stop = after[2]
        return "time", "", spot.fixed, start, stop
    if spot.kind == "date" and spot.fixed:
        return "date", "", spot.fixed, start, stop
    rest = text[stop : stop + 2]
    if rest[:1] == "+" or (rest[:1] in "-–" and rest[1:2].isdigit()):
        return None  # «(0+)», «2018-2023»: an age rating or a range
    currency = CURRENCY_SIGNS.get(text[start - 1 : start]) if start > 0 else None
    value = spot.value
    gap = _SPACE.match(text, stop)
    if not spot.ordinal and gap is not None and text[gap.end() : gap.end() + 1] == "%":
        return "percent", "процент", value, start, gap.end() + 1
    word = _next_word(text, stop)
    if word is None:
        return ("money", currency, value, start - 1, stop) if currency else None
    unit = _word_lemma(word[0])
    if not spot.ordinal and unit in _SCALE:
        value *= _SCALE[unit]
        stop = word[2] + (1 if word[3] and word[0].lower() in _SCALE else 0)
        word = _next_word(text, word[2], dot_allowed=True)
        if word is None or currency:
            return ("money", currency, value, start - 1, stop) if currency else None
        unit = _word_lemma(word[0])
    if currency:
        return "money", currency, value, start - 1, stop
    if _dotted_time(text, spot, word):
        return "time", "", text[start:stop].replace(".", ":").zfill(5), start, stop
    date = _date(text, spot, word, unit, start)
    if date is not None:
        return date
    if unit in CURRENCIES:
        return "money", unit, value, start, word[2] + (1 if word[3] and is_abbreviation(word[0].lower()) else 0)
    if unit == "процент":
        return "percent", "процент", value, start, word[2]
    noun = _noun(text, word)
    if noun is None:
        return None
    kind = "ordinal" if spot.ordinal else "count"
    return kind, noun[0], value, start, noun[1]


def _date(
    text: str, spot: _Spot, word: tuple[str, int, int, bool], unit: str, start: int
) -> tuple[str, str, float | str, int, int] | None:
    value = spot.value
    if spot.ordinal or value != int(value):
        return None
    number = int(value)
    if unit in MONTHS and 1 <= number <= 31:
        after = re.match(r"[ \u00a0]+(\d{4})(?:[ \u00a0]*(года|году|год|г\.))?", text[word[2] :])
        if after:
            return "date", "", f"{after.group(1)}-{MONTHS[unit]:02d}-{number:02d}", start, word[2] + after.end()
        return "date", "", f"--{MONTHS[unit]:02d}-{number:02d}", start, word[2]
    is_year = word[0].lower() in _YEAR_WORDS or (word[0] == "г" and word[3])
    if 1000 <= number <= 2100 and is_year:
        stop = word[2] + (1 if word[0] == "г" else 0)
        before = re.search(r"([а-яА-ЯёЁ]+)[ \u00a0]+$", text[:start])
        if before and _word_lemma(before.group(1)) in MONTHS:
            month = MONTHS[_word_lemma(before.group(1))]
            return "date", "", f"{number}-{month:02d}", before.start(1), stop
        return "date", "", f"{number}", start, stop
    if unit == "час" and number <= 24:
        before = re.search(r"([а-яёА-ЯЁ]+)[ \u00a0]+$", text[:start])
        if before and before.group(1).lower() in _TIME_PREPOSITIONS:
            return "time", "", f"{number:02d}:00", start, word[2]
    return None


def _dotted_time(text: str, spot: _Spot, word: tuple[str, int, int, bool]) -> bool:
    """«в 14.00 начнётся»: hours and minutes with a full stop, after a preposition of time."""
    raw = text[spot.start : spot.stop]
    if not re.fullmatch(r"([01]?\d|2[0-3])\.[0-5]\d", raw):
        return False
    before = re.search(r"([а-яёА-ЯЁ]+)[ \u00a0]+$", text[: spot.start])
    if before is None or before.group(1).lower() not in _TIME_PREPOSITIONS:
        return False
    return _MORPH.parse(word[0].lower())[0].tag.POS != "NOUN" or _word_lemma(word[0]) == "час"


def _noun(text: str, word: tuple[str, int, int, bool]) -> tuple[str, int] | None:
    """Lemma and end offset of the noun a number counts, over at most two adjectives."""
    for _ in range(3):
        parse = _MORPH.parse(word[0].lower())[0]
        pos = parse.tag.POS
        unit = _word_lemma(word[0])
        if pos == "NOUN" or (pos is None and unit != word[0].lower()):
            return unit, word[2]
        if pos not in _SKIPPABLE:
            return None
        following = _next_word(text, word[2])
        if following is None:
            return None
        word = following
    return None


def _qualifier(text: str, start: int) -> tuple[str, str] | None:
    """(normalised qualifier, the text it takes before ``start``) for «более 30», «около 240»."""
    match = _QUALIFIER.search(text[max(0, start - 30) : start])
    if match is None:
        return None
    raw = text[max(0, start - 30) : start][match.start("q") :]
    words = match.group("q").lower().split()
    normal = " ".join(word for word in words if word != "чем")
    return normal, raw
