"""What a number counts, in a form that two reports' wordings can be matched on.

Two outlets describing one exhibition write «30 предприятий» and «50 компаний»: different nouns,
one claim. The table below joins nouns that news uses interchangeably for the same kind of thing.
It is deliberately small and general (organisations, people, casualties, vehicles, documents ...):
a wider table would start to equate different facts («жителей» of a city and «участников» of a
rally are both people, but they are joined only through the context check in ``discrepancies``).
Abbreviations of units and currencies are expanded so that «руб.» and «рублей» agree.
"""

from __future__ import annotations

_CLASSES = """
предприятие компания фирма организация корпорация завод производитель экспонент
человек участник гость посетитель зритель делегат
человек житель гражданин
погибший жертва погибнуть
пострадавший раненый травмированный пострадать госпитализировать
ребенок школьник ученик
студент учащийся
автомобиль машина автомашина
страна государство
дом здание строение
соглашение договор контракт меморандум документ
работник сотрудник специалист
мероприятие событие
проект инициатива
"""

_ABBREVIATIONS = {
    "руб": "рубль", "р": "рубль", "долл": "доллар", "дол": "доллар", "тг": "тенге", "грн": "гривна",
    "км": "километр", "кг": "килограмм", "т": "тонна", "га": "гектар", "чел": "человек",
    "мин": "минута", "ч": "час", "сек": "секунда", "шт": "штука", "мм": "миллиметр", "см": "сантиметр",
    "проц": "процент", "лет": "год", "тенг": "тенге",
}  # fmt: skip

_CURRENCIES = "рубль доллар евро тенге юань фунт гривна франк иена йена сом манат лари драм рупия лира крона злотый"
CURRENCIES = frozenset(_CURRENCIES.split())
CURRENCY_SIGNS = {"$": "доллар", "€": "евро", "₽": "рубль", "£": "фунт", "¥": "юань", "₸": "тенге"}

_MONTHS = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
MONTHS = {name: number for number, name in enumerate(_MONTHS.split(), start=1)}

_CLASS_OF: dict[str, set[int]] = {}
for _number, _line in enumerate(_CLASSES.strip().splitlines()):
    for _word in _line.split():
        _CLASS_OF.setdefault(_word, set()).add(_number)


def is_abbreviation(word: str) -> bool:
    """Whether a lower-case word is an abbreviated unit, which may carry its own full stop («руб.»)."""
    return word in _ABBREVIATIONS and word not in ("лет", "тенг")


def expand(unit: str) -> str:
    """Full lemma of an abbreviated unit («руб» -> «рубль»); other lemmas unchanged."""
    return _ABBREVIATIONS.get(unit, unit)


def same_kind(a: str, b: str) -> bool:
    """Whether two unit lemmas name the same kind of thing (equal, or near-synonyms in the table)."""
    if a == b:
        return True
    return bool(_CLASS_OF.get(a, set()) & _CLASS_OF.get(b, set()))
