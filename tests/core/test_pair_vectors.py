"""The cosines of many pairs at once (``VectorTable``) are those of one pair at a time."""

from __future__ import annotations

import random

import pytest

from viewer.events.features import fingerprint
from viewer.events.frequencies import DocumentFrequencies
from viewer.events.similarity import VectorTable, score_parts

TEXTS = [
    ("В Омске открылся форум", "Губернатор Бурков открыл форум России и Казахстана в Омске."),
    ("Форум в Омске", "В Омске губернатор открыл XVI форум, приехали делегации Казахстана."),
    ("Курс доллара", "Центробанк установил курс доллара на выходные: 103 рубля."),
    ("", ""),
    ("Доллар выше 105 рублей", "Доллар поднялся выше 105 рублей на бирже, евро — 113."),
    ("Пожар в Рыбинске", "В колонии в Рыбинске загорелось здание, пострадавших нет."),
    ("Погода", "Синоптики обещают снег и метель в Новосибирске и Омске."),
]


def test_many_pairs_at_once_give_the_cosines_of_one_pair_at_a_time() -> None:
    prints = [fingerprint(title, body) for title, body in TEXTS]
    df = DocumentFrequencies.of(prints)
    table = VectorTable(prints, df)
    rng = random.Random(7)
    for index in range(len(prints)):
        others = rng.sample(range(len(prints)), k=len(prints))
        for other, cosines in zip(others, table.cosines(index, others), strict=True):
            single = score_parts(prints[index], prints[other], df)
            assert cosines == pytest.approx((single.content, single.names), abs=1e-9)
    assert table.cosines(0, []) == []
