"""Named entities: spans, types, normal forms and linking, hostile input, parallel runs."""

from __future__ import annotations

import warnings
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from viewer.entities import EntityExtractor, Mention, extract_in_parallel, normal_form
from viewer.entities.tagger import may_hold_names

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# (as written, type, expected normal form). The first ones are the examples;
# the rest are typical news phrasing in oblique cases.
NORMAL_FORM_CASES = [
    ("Александра Буркова", "PER", "Александр Бурков"),
    ("Буркову", "PER", "Бурков"),
    ("Омской области", "LOC", "Омская область"),
    ("Республики Казахстан", "LOC", "Республика Казахстан"),
    ("Российско-Казахстанского делового совета", "ORG", "Российско-Казахстанский деловой совет"),
    ("Касым-Жомарт Токаев", "PER", "Касым-Жомарт Токаев"),
    ("Касым-Жомарта Токаева", "PER", "Касым-Жомарт Токаев"),
    ("МИД", "ORG", "МИД"),
    ("МИДа", "ORG", "МИД"),
    ('ООО "Ромашка"', "ORG", 'ООО "Ромашка"'),
    ("ООО «Ромашка»", "ORG", "ООО «Ромашка»"),
    ("Министерства иностранных дел", "ORG", "Министерство иностранных дел"),
    ("Анны Бурковой", "PER", "Анна Буркова"),
    ("Кайрату Торебаеву", "PER", "Кайрат Торебаев"),
    ("Торебаева", "PER", "Торебаев"),
    ("Владимиру Владимировичу Путину", "PER", "Владимир Владимирович Путин"),
    ("Марии Захаровой", "PER", "Мария Захарова"),
    ("Ангелой Меркель", "PER", "Ангела Меркель"),
    ("Валентины Матвиенко", "PER", "Валентина Матвиенко"),
    ("Сергеем Шойгу", "PER", "Сергей Шойгу"),
    ("Эммануэлем Макроном", "PER", "Эммануэль Макрон"),
    ("Реджепа Тайипа Эрдогана", "PER", "Реджеп Тайип Эрдоган"),
    ("Дмитрием Песковым", "PER", "Дмитрий Песков"),
    ("Эльвирой Набиуллиной", "PER", "Эльвира Набиуллина"),
    ("Рамзана Кадырова", "PER", "Рамзан Кадыров"),
    ("Алексея Навального", "PER", "Алексей Навальный"),
    ("Джо Байдену", "PER", "Джо Байден"),
    ("Антониу Гутерришу", "PER", "Антониу Гутерриш"),
    ("Соединенных Штатов", "LOC", "Соединенные Штаты"),
    ("Соединёнными Штатами Америки", "LOC", "Соединённые Штаты Америки"),
    ("Нью-Йорке", "LOC", "Нью-Йорк"),
    ("Ростова-на-Дону", "LOC", "Ростов-на-Дону"),
    ("Краснодарском крае", "LOC", "Краснодарский край"),
    ("Южной Корее", "LOC", "Южная Корея"),
    ("Дальнем Востоке", "LOC", "Дальний Восток"),
    ("Объединенных Арабских Эмиратов", "LOC", "Объединенные Арабские Эмираты"),
    ("Ханты-Мансийского автономного округа", "LOC", "Ханты-Мансийский автономный округ"),
    ("Белом доме", "LOC", "Белый дом"),
    ("Омске", "LOC", "Омск"),
    ("Государственной думы", "ORG", "Государственная дума"),
    ("Верховного суда РФ", "ORG", "Верховный суд РФ"),
    ("Генеральной прокуратурой", "ORG", "Генеральная прокуратура"),
    ("Министерством обороны России", "ORG", "Министерство обороны России"),
    ("Высшей школы экономики", "ORG", "Высшая школа экономики"),
    ("Следственного комитета России", "ORG", "Следственный комитет России"),
    ("Всемирной организации здравоохранения", "ORG", "Всемирная организация здравоохранения"),
    ("Арбитражного суда Москвы", "ORG", "Арбитражный суд Москвы"),
    ("Пенсионному фонду", "ORG", "Пенсионный фонд"),
    ("Сбербанком", "ORG", "Сбербанк"),
    ("Госдуме", "ORG", "Госдума"),
]

# Invented, in the style of a regional news report on a cross-border forum.
FORUM_TEXT = (
    "Губернатор Омской области Александр Бурков и вице-министр торговли и интеграции "
    "Республики Казахстан Кайрат Торебаев в среду осмотрели выставку в Омске.\n"
    "Бурков заявил, что регион готов наращивать поставки зерна и техники. "
    "Торебаев отметил, что Казахстан заинтересован в новых совместных проектах. "
    "По данным правительства Омской области, товарооборот с Казахстаном за год вырос "
    "на треть. Участники поблагодарили Буркова за организацию встречи."
)


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    return EntityExtractor()


def by_normal(mentions: list[Mention], kind: str) -> set[str]:
    return {mention.normal for mention in mentions if mention.type == kind}


@pytest.mark.parametrize(("written", "kind", "expected"), NORMAL_FORM_CASES)
def test_normal_form(written: str, kind: str, expected: str) -> None:
    assert normal_form(written, kind) == expected


def test_forum_text_links_surnames_and_finds_places(extractor: EntityExtractor) -> None:
    mentions = extractor.extract(FORUM_TEXT)
    persons = [mention for mention in mentions if mention.type == "PER"]
    assert {mention.normal for mention in persons} == {"Александр Бурков", "Кайрат Торебаев"}
    lone = [mention for mention in persons if mention.text in ("Бурков", "Буркова")]
    assert lone and all(mention.normal == "Александр Бурков" for mention in lone)
    assert any(m.text == "Торебаев" and m.normal == "Кайрат Торебаев" for m in persons)
    places = by_normal(mentions, "LOC")
    assert {"Омск", "Омская область", "Казахстан", "Республика Казахстан"} <= places


def test_offsets_sorted_and_disjoint(extractor: EntityExtractor) -> None:
    mentions = extractor.extract(FORUM_TEXT)
    assert mentions
    for mention in mentions:
        assert FORUM_TEXT[mention.start : mention.stop] == mention.text
        assert mention.type in ("PER", "ORG", "LOC")
        assert mention.text == mention.text.strip()
    for left, right in pairwise(mentions):
        assert left.stop <= right.start


def test_boundaries_brackets_lists_and_quotes(extractor: EntityExtractor) -> None:
    text = (
        "Об этом сообщил председатель правления ОАО «Сибирская нефть» Иван Петров "
        "(Ivan Petrov). В соревнованиях участвовали сборные стран: Бразилия • Аргентина • Чили."
    )
    mentions = extractor.extract(text)
    texts = {mention.text for mention in mentions}
    assert "Сибирская нефть" in texts
    assert "Иван Петров" in texts
    assert not any("(" in t or ")" in t or "•" in t or "«" in t for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "!!! ... ,,, ??? — «» () []",
        "Москва\x00\x01\x02 Путин\x07\x1b[31m \ufeff\u200b Лондон",
        "The quick brown fox met Mr. John Smith of Acme Corp. in New York.",
        "а" * 5000,
        "\ud800 Москва",
    ],
)
def test_hostile_input(extractor: EntityExtractor, text: str) -> None:
    mentions = extractor.extract(text)
    for mention in mentions:
        assert text[mention.start : mention.stop] == mention.text


@pytest.mark.slow
def test_megabyte_of_text(extractor: EntityExtractor) -> None:
    paragraph = (
        "Губернатор Омской области Александр Бурков прибыл в Омск. "
        "По его словам, работа над проектом продолжится в следующем году. "
        "Сроки будут согласованы с подрядчиками, а первые результаты ожидаются весной.\n"
    )
    text = paragraph * (1_000_000 // len(paragraph))
    mentions = extractor.extract(text)
    assert len(mentions) > 1000
    assert {mention.normal for mention in mentions if mention.type == "PER"} == {"Александр Бурков"}
    unbroken = "Москва и Лондон " * 6_000  # one "sentence" of 18 000 tokens
    assert extractor.extract(unbroken)


def test_non_string_rejected(extractor: EntityExtractor) -> None:
    with pytest.raises(TypeError):
        extractor.extract(None)  # type: ignore[arg-type]


def test_extract_many_matches_extract(extractor: EntityExtractor) -> None:
    texts = [FORUM_TEXT, "", "Переговоры прошли в Берлине.", FORUM_TEXT[:200]]
    assert list(extractor.extract_many(texts)) == [extractor.extract(text) for text in texts]


def test_parallel_matches_extract(extractor: EntityExtractor) -> None:
    texts = [(f"t{index}", FORUM_TEXT[: 120 + index * 15]) for index in range(40)]  # 3 batches
    texts.append(("empty", ""))
    calls = []
    found = list(extract_in_parallel(texts, workers=2, progress=lambda *args: calls.append(args)))
    assert [identifier for identifier, _ in found] == [identifier for identifier, _ in texts]
    for (_, text), (_, mentions) in zip(texts, found, strict=True):
        assert mentions == extractor.extract(text)
    assert calls and calls[-1][0] == len(texts) and calls[-1][1] == len(texts)
    assert list(extract_in_parallel([], workers=2)) == []


def test_parallel_streams_and_cancels() -> None:
    texts = ((f"t{index}", FORUM_TEXT) for index in range(200))  # no len(): total unknown
    calls = []
    found = list(
        extract_in_parallel(
            texts, workers=2, progress=lambda *args: calls.append(args), cancel=lambda: bool(calls)
        )
    )
    assert 0 < len(found) < 200
    assert calls[0][1] is None


def test_parallel_in_process_and_cancel() -> None:
    texts = ((f"t{index}", FORUM_TEXT) for index in range(40))
    found = list(extract_in_parallel(texts, workers=1, cancel=lambda: True))
    assert found == []
    found = list(extract_in_parallel([("a", FORUM_TEXT)], workers=1))
    assert found[0][0] == "a" and found[0][1]


def test_sentence_filter() -> None:
    assert may_hold_names("Бурков заявил, что всё хорошо.")
    assert may_hold_names("Он приехал в Омск.")
    assert may_hold_names("ФИФА сообщила об этом.")
    assert may_hold_names("Министерство финансов выступило против.")
    assert not may_hold_names("Он сказал, что всё хорошо.")
    assert not may_hold_names("Однако работа продолжится.")
    assert not may_hold_names("...")


def test_network_matches_slovnet(extractor: EntityExtractor) -> None:
    """The batched forward pass gives slovnet's scores for every row of a padded batch."""
    network = extractor._tagger.network
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from natasha import NewsEmbedding, NewsNERTagger

        reference = NewsNERTagger(NewsEmbedding()).infer.model
    sentences = [
        ["Губернатор", "Омской", "области", "Александр", "Бурков", "."],
        ["Бурков", "заявил", "."],
        ["В", "Москве", "прошла", "встреча", "с", "представителями", "ООН", "и", "МИД", "."],
    ]
    width = max(len(words) for words in sentences)
    word_id = np.full((len(sentences), width), network.pad_word)
    shape_id = np.full((len(sentences), width), network.pad_shape)
    for row, words in enumerate(sentences):
        encoded = [extractor._tagger._encode(word) for word in words]
        word_id[row, : len(words)] = [pair[0] for pair in encoded]
        shape_id[row, : len(words)] = [pair[1] for pair in encoded]
    lengths = np.array([len(words) for words in sentences])
    ours = network.emissions(word_id, shape_id, lengths)
    for row, words in enumerate(sentences):
        alone = reference(
            word_id[row : row + 1, : len(words)],
            shape_id[row : row + 1, : len(words)],
            np.zeros((1, len(words)), dtype=bool),
        )
        assert np.allclose(ours[row, : len(words)], alone[0], atol=1e-3)


def _seed_files() -> list[Path]:
    return sorted(path for prefix in ("000_", "001_", "002_") for path in SEEDS.glob(f"{prefix}*.txt"))


@pytest.mark.skipif(not _seed_files(), reason=f"no seed articles at {SEEDS}")
def test_seed_articles(extractor: EntityExtractor) -> None:
    omsk = False
    for path in _seed_files():
        mentions = extractor.extract(path.read_text(encoding="utf-8"))
        persons = by_normal(mentions, "PER")
        assert "Александр Бурков" in persons, path.name
        assert "Кайрат Торебаев" in persons, path.name
        omsk = omsk or "Омск" in by_normal(mentions, "LOC")
    assert omsk
