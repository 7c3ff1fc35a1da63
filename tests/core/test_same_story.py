"""Same-story judgement: invented reports, edge cases, and the quality bar on the dev pairs."""

from __future__ import annotations

import json
import math
import pickle
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from viewer.events import (
    SAME_STORY_THRESHOLD,
    DocumentFrequencies,
    StoryFingerprint,
    candidates,
    fingerprint,
    is_same_story,
    same_story_score,
)
from viewer.events.frequencies import PRIOR_DOCUMENTS
from viewer.events.quantities import Quantity, quantities
from viewer.events.similarity import gap_hours, max_gap_days, score_parts

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"

BRIDGE_A = (
    "В Новосибирске открыли движение по новому мосту через Обь",
    "Во вторник, 12 сентября, в Новосибирске открыли движение по четвертому мосту через Обь. "
    "Ленточку перерезал губернатор Новосибирской области Андрей Травников. Строительство "
    "моста длиной 5 км обошлось в 60 млрд рублей, работы шли четыре года.",
)
BRIDGE_B = (
    "Четвертый мост через Обь в Новосибирске открыт для машин",
    "Губернатор Андрей Травников 12 сентября запустил движение по Центральному мосту в "
    "Новосибирске. Переправа через Обь стоила 60 миллиардов рублей и строилась с 2019 года; "
    "по словам властей, она разгрузит Октябрьский и Коммунальный мосты.",
)
FORUM_2019 = (
    "В Казани открылся XVI форум «Россия — исламский мир»",
    "XVI международный экономический форум «Россия — исламский мир: KazanForum» открылся в "
    "Казани 25 апреля 2019 года. В работе XVI форума участвуют делегации из 40 стран, "
    "президент Татарстана Рустам Минниханов провел пленарную сессию.",
)
FORUM_2021 = (
    "В Казани открылся XVIII форум «Россия — исламский мир»",
    "XVIII международный экономический форум «Россия — исламский мир: KazanForum» открылся в "
    "Казани 28 июля 2021 года. В работе XVIII форума участвуют делегации из 40 стран, "
    "президент Татарстана Рустам Минниханов провел пленарную сессию.",
)
WEATHER_KALUGA = (
    "Погода в Калуге на 3 марта",
    "В понедельник, 3 марта, Калугу ждет пасмурная погода без существенных осадков. По "
    "данным синоптиков, днем в Калуге воздух прогреется до +4 градусов, ночью до -3; ветер "
    "юго-западный, 4-6 м/с. Атмосферное давление в Калуге будет расти.",
)
WEATHER_RYAZAN = (
    "Погода в Рязани на 3 марта",
    "В понедельник, 3 марта, Рязань ждет пасмурная погода без существенных осадков. По "
    "данным синоптиков, днем в Рязани воздух прогреется до +4 градусов, ночью до -3; ветер "
    "юго-западный, 4-6 м/с. Атмосферное давление в Рязани будет расти.",
)
# Unrelated reports, so that document frequencies distinguish common words from telling ones.
BACKGROUND = [
    ("Центробанк сохранил ключевую ставку", "Банк России сохранил ключевую ставку на уровне "
     "16 процентов годовых, сообщила пресс-служба регулятора."),
    ("В Перми прошел фестиваль уличной еды", "Фестиваль уличной еды собрал в Перми десятки "
     "тысяч гостей, рассказали организаторы."),
    ("«Зенит» обыграл «Спартак» в Петербурге", "Футболисты «Зенита» победили «Спартак» со "
     "счетом 2:1 в матче чемпионата России."),
    ("В Москве ограничат движение на Садовом кольце", "Движение на участке Садового кольца "
     "ограничат в выходные из-за ремонта дороги, сообщили в дептрансе."),
    ("Ученые нашли новый вид лягушек в Перу", "Биологи описали новый вид древесных лягушек, "
     "найденный в горных лесах Перу."),
    ("Губернатор Приморья посетил стройку школы", "Глава Приморского края Олег Кожемяко "
     "проверил ход строительства школы во Владивостоке."),
    ("Пожар на складе в Подмосковье потушен", "Спасатели ликвидировали открытое горение на "
     "складе в Подольске, пострадавших нет."),
    ("Курс евро опустился ниже 95 рублей", "Курс евро на Московской бирже впервые с весны "
     "опустился ниже 95 рублей."),
]  # fmt: skip


def archive(*articles: tuple[str, str]) -> tuple[list[StoryFingerprint], DocumentFrequencies]:
    prints = [fingerprint(title, body, None) for title, body in (*articles, *BACKGROUND)]
    return prints, DocumentFrequencies.of(prints)


def test_same_event_from_two_outlets_in_different_words_is_one_story():
    (a, b, *_), df = archive(BRIDGE_A, BRIDGE_B)
    same, score = is_same_story(a, b, df)
    assert same, score
    assert score == pytest.approx(same_story_score(b, a, df))  # symmetric


def test_next_edition_of_the_same_forum_is_another_story():
    (a, b, *_), df = archive(FORUM_2019, FORUM_2021)
    parts = score_parts(a, b, df)
    assert parts.content > 0.5  # nearly the same words...
    assert parts.fact_conflicts == 2  # ...but other dates and another ordinal of the forum
    assert not is_same_story(a, b, df)[0]


def test_same_kind_of_report_about_another_place_is_another_story():
    (a, b, *_), df = archive(WEATHER_KALUGA, WEATHER_RYAZAN)
    parts = score_parts(a, b, df)
    assert parts.content > 0.5
    assert parts.name_conflict > 0.9
    assert not is_same_story(a, b, df)[0]


def test_unrelated_reports_are_not_one_story():
    (bridge, _, forum, *_), df = archive(BRIDGE_A, BRIDGE_B, FORUM_2019)
    assert same_story_score(bridge, forum, df) < SAME_STORY_THRESHOLD / 2


def test_missing_dates_titles_and_links_as_titles_work():
    link_title = ("https://example.org/news/12345", BRIDGE_B[1])
    (a, b, *_), df = archive((None, BRIDGE_A[1]), link_title)  # type: ignore[arg-type]
    assert a.published is None and b.published is None
    assert a.title and b.title  # the lead stands in for a missing or useless title
    assert is_same_story(a, b, df)[0]


def test_publication_time_far_apart_argues_against():
    day = datetime(2023, 9, 12, 9, 0, tzinfo=UTC)
    a = fingerprint(*BRIDGE_A, day)
    together = fingerprint(*BRIDGE_B, day + timedelta(minutes=20))
    naive = fingerprint(*BRIDGE_B, datetime(2023, 9, 12, 9, 20))  # no zone: taken as UTC
    hours = fingerprint(*BRIDGE_B, day + timedelta(hours=5))
    next_day = fingerprint(*BRIDGE_B, day + timedelta(hours=30))
    undated = fingerprint(*BRIDGE_B, None)
    df = DocumentFrequencies.of([a, together, *archive()[0]])
    assert is_same_story(a, together, df)[0] and is_same_story(a, hours, df)[0]
    assert same_story_score(a, naive, df) == pytest.approx(same_story_score(a, together, df))
    assert same_story_score(a, undated, df) >= same_story_score(a, together, df)
    assert same_story_score(a, hours, df) < same_story_score(a, together, df)
    assert same_story_score(a, next_day, df) < SAME_STORY_THRESHOLD  # the same kind of news a day on
    assert max_gap_days() < 3


def test_a_date_without_a_time_stands_for_its_whole_day():
    """Two papers that give dates only, reporting on consecutive days, are not set apart by the hours."""
    a = fingerprint(*BRIDGE_A, datetime(2019, 11, 6, tzinfo=UTC))
    b = fingerprint(*BRIDGE_B, datetime(2019, 11, 7, tzinfo=UTC))
    far = fingerprint(*BRIDGE_B, datetime(2019, 11, 10, tzinfo=UTC))
    df = DocumentFrequencies.of([a, b, *archive()[0]])
    assert gap_hours(a, b) == 0 and gap_hours(a, far) == 72
    assert is_same_story(a, b, df)[0] and not is_same_story(a, far, df)[0]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (None, ""),
        ("", "   \n\t  "),
        (None, None),
        ("!!!", "???!!! ... ,,, ---"),
        ("12345", "0 1 2 3 4 5 6 7 8 9 " * 50),
        ("XXXXXXXXXXXX", "IIII VX MMMM C L 1e400 " + "9" * 500 + " рублей"),
        ("\x00\x01\u200b", '\ufeff«»«»„“""' * 100 + "«" * 5000),
        ("emoji 🔥🔥", "🔥" * 1000 + " https://t.me/x " * 100),
        ("Заголовок", "Слово. " * 20000),  # very long: read only up to the body budget
        ("Москва", "МОСКВА, 1 января. /ТАСС/. МВД РФ. США. ООН. " * 10),
    ],
)
def test_empty_or_hostile_text_does_not_crash(title, body):
    fp = fingerprint(title, body, None)
    df = DocumentFrequencies.of([fp, *archive()[0]])
    score = same_story_score(fp, fp, df)
    assert 0.0 <= score <= 1.0
    other = fingerprint(*BRIDGE_A, None)
    assert 0.0 <= same_story_score(fp, other, df) <= 1.0
    assert 0.0 <= same_story_score(fp, fingerprint(None, "", None), DocumentFrequencies()) <= 1.0


def test_quantities_keep_units_ordinals_and_scale():
    found = quantities("На 2,5 тыс. человек, XVI форум, 12-й рейс, 3 марта, ПМЭФ-2021, Петр I")
    assert Quantity("человек", 2500.0) in found
    assert Quantity("форум", 16.0, ordinal=True) in found
    assert Quantity("рейс", 12.0, ordinal=True) in found
    assert Quantity("март", 3.0) in found
    assert Quantity("пмэф", 2021.0, ordinal=True) in found
    assert Quantity("петр", 1.0, ordinal=True) in found
    assert not quantities("I love you")


def test_fingerprints_store_and_pickle():
    fp = fingerprint(*FORUM_2019, datetime(2019, 4, 25, tzinfo=UTC))
    assert StoryFingerprint.from_dict(json.loads(json.dumps(fp.to_dict()))) == fp
    assert pickle.loads(pickle.dumps(fp)) == fp
    assert hash(fp) == hash(StoryFingerprint.from_dict(fp.to_dict()))


def test_document_frequencies_count_articles_and_store():
    df = DocumentFrequencies()
    assert df.n_docs == 0 and df.idf("мост") == pytest.approx(math.log(PRIOR_DOCUMENTS + 1))
    df.add(["мост", "мост", "обь"])
    df.add(fingerprint(*BRIDGE_A, None))
    assert df.n_docs == 2 and df.count("мост") == 2 and df.count("обь") == 2
    assert df.idf("мост") < df.idf("новосибирск") < df.idf("никогда-не-виденное")
    restored = DocumentFrequencies.from_dict(json.loads(json.dumps(df.to_dict())))
    assert restored.n_docs == 2 and restored.idf("обь") == df.idf("обь")
    with pytest.raises(ValueError):
        DocumentFrequencies.from_dict({"format": 99})


def test_candidates_pair_the_same_story_and_skip_the_unrelated():
    prints, df = archive(BRIDGE_A, BRIDGE_B, FORUM_2019)
    proposed = set(candidates(prints, df))
    assert (0, 1) in proposed
    assert all(i < j for i, j in proposed)
    assert len(proposed) < len(prints) * (len(prints) - 1) // 2 / 2


def test_candidates_respect_the_time_window():
    day = datetime(2023, 9, 12, tzinfo=UTC)
    prints = [
        fingerprint(*BRIDGE_A, day),
        fingerprint(*BRIDGE_B, day + timedelta(days=1)),
        fingerprint(*BRIDGE_B, day + timedelta(days=60)),
        fingerprint(*BRIDGE_B, None),
    ]
    proposed = set(candidates(prints, DocumentFrequencies.of([*prints, *archive()[0]])))
    assert {(0, 1), (0, 3), (1, 3), (2, 3)} <= proposed
    assert (0, 2) not in proposed and (1, 2) not in proposed


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.corpora
def test_dev_pairs_f1_at_the_fixed_threshold():
    articles_file = CORPORA / "same_story_dev_articles.jsonl"
    pairs_file = CORPORA / "same_story_dev_pairs.jsonl"
    if not (articles_file.is_file() and pairs_file.is_file()):
        pytest.skip(f"labelled same-story pairs not found in {CORPORA}")
    articles = {record["id"]: record for record in _read(articles_file)}
    prints = {key: fingerprint(a.get("title"), a.get("text"), None) for key, a in articles.items()}
    df = DocumentFrequencies.of(prints.values())
    tp = fp = fn = 0
    for pair in _read(pairs_file):
        same, _ = is_same_story(prints[pair["id1"]], prints[pair["id2"]], df)
        tp += same and bool(pair["label"])
        fp += same and not pair["label"]
        fn += not same and bool(pair["label"])
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.90, f"F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"
