"""Comparison of reports: invented reports for each feature, hostile input, and the sample seeds."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from viewer.compare import Comparison, ReportInput, compare, export_csv, export_html
from viewer.compare.export_csv import COLUMNS
from viewer.compare.facts import extract_facts
from viewer.compare.sentences import split_sentences

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
NOON = datetime(2023, 9, 12, 9, 0, tzinfo=UTC)

BRIDGE_A = (
    "В Новосибирске открыли движение по четвертому мосту через Обь. "
    "Строительство моста обошлось бюджету в 60 млрд рублей. "
    "Ленточку перерезал губернатор Андрей Травников 12 сентября. "
    "На церемонию пришли более 300 человек. "
    "Доля грузовиков в потоке составит 15%. "
    "«Мост разгрузит центр города и сократит пробки на старых переправах», — сказал Травников. "
    "Вечером на набережной прошел концерт."
)
BRIDGE_B = (
    "В Новосибирске открыли движение по четвертому мосту через Обь. "
    "На возведение переправы из бюджета потратили 65 млрд рублей. "
    "Губернатор Андрей Травников перерезал ленточку 13 сентября. "
    "Посмотреть на церемонию собрались 500 жителей. "
    "Доля грузовиков в потоке составит 20%. "
    "По словам губернатора Андрея Травникова, новая переправа разгрузит центр и уменьшит пробки на старых мостах. "
    "Движение по мосту будет бесплатным."
)


@dataclass(frozen=True)
class FakeMention:
    start: int
    stop: int
    type: str
    text: str
    normal: str


def report(id: str, body: str, *, hours: float | None = 0, outlet: str | None = None, title: str = "", mentions=()):
    published = None if hours is None else NOON + timedelta(hours=hours)
    return ReportInput(id, title or f"Report {id}", body, outlet or f"Outlet {id.upper()}", published, tuple(mentions))


@pytest.fixture(scope="module")
def bridge() -> Comparison:
    return compare([report("a", BRIDGE_A), report("b", BRIDGE_B, hours=2)])


def sentence_with(comparison: Comparison, position: int, words: str):
    return next(s for s in comparison.sentences[position] if words in s.text)


def kinds_between(comparison: Comparison, words_a: str, words_b: str) -> str | None:
    a = sentence_with(comparison, 0, words_a)
    for other, kind, _ in comparison.counterparts(0, a.index):
        if words_b in other.text:
            return kind
    return None


# --- input -------------------------------------------------------------------------------------


def test_fewer_than_two_reports_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="at least 2 reports"):
        compare([report("a", BRIDGE_A)])
    with pytest.raises(ValueError, match="at least 2 reports"):
        compare([])


def test_duplicate_ids_and_naive_times_are_rejected() -> None:
    with pytest.raises(ValueError, match="unique"):
        compare([report("a", BRIDGE_A), report("a", BRIDGE_B)])
    naive = ReportInput("b", "t", BRIDGE_B, None, datetime(2023, 9, 12, 10, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        compare([report("a", BRIDGE_A), naive])


# --- alignment ---------------------------------------------------------------------------------


def test_sentences_keep_offsets_into_the_body() -> None:
    body = "Первая строка.\n\n  Александр Бурков:\n— Вторая фраза. Третья фраза!"
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == ["Первая строка.", "Александр Бурков:", "— Вторая фраза.", "Третья фраза!"]
    assert all(body[s.start : s.stop] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 1, 2, 2]


def test_identical_reprint_sentence(bridge: Comparison) -> None:
    assert kinds_between(bridge, "движение по четвертому", "движение по четвертому") == "identical"
    a = sentence_with(bridge, 0, "движение по четвертому")
    assert bridge.sentence_kind(0, a.index) == "identical"


def test_near_identical_sentence_with_one_figure_changed(bridge: Comparison) -> None:
    assert kinds_between(bridge, "Доля грузовиков", "Доля грузовиков") == "near"


def test_paraphrase_in_other_words(bridge: Comparison) -> None:
    assert kinds_between(bridge, "Строительство моста", "На возведение переправы") == "paraphrase"


def test_unique_sentences_have_their_own_passages(bridge: Comparison) -> None:
    concert = sentence_with(bridge, 0, "концерт")
    free = sentence_with(bridge, 1, "бесплатным")
    assert bridge.sentence_kind(0, concert.index) == "unique"
    assert bridge.sentence_kind(1, free.index) == "unique"
    passage_of = bridge.passage_of()
    shared = passage_of[(0, sentence_with(bridge, 0, "движение по четвертому").index)]
    assert shared == passage_of[(1, sentence_with(bridge, 1, "движение по четвертому").index)]
    assert passage_of[(0, concert.index)] != passage_of[(1, free.index)]
    every = {(r, s.index) for r, sentences in enumerate(bridge.sentences) for s in sentences}
    assert set(passage_of) == every  # every sentence is in exactly one passage


def test_passages_follow_each_reports_order(bridge: Comparison) -> None:
    for position in range(2):
        seen = [i for passage in bridge.passages for i in passage.sentences_of(position)]
        assert seen == sorted(seen)


def test_unrelated_reports_align_nothing() -> None:
    comparison = compare([
        report("a", "В Перми прошел фестиваль уличной еды. Гостей угощали пельменями."),
        report("b", "Центробанк сохранил ключевую ставку. Решение объяснили инфляцией."),
    ])  # fmt: skip
    assert comparison.links == ()
    assert all(passage.kind == "unique" for passage in comparison.passages)


# --- figures -----------------------------------------------------------------------------------


def facts_of(text: str):
    return [fact for sentence in split_sentences(text) for fact in extract_facts(sentence)]


def test_figures_are_read_with_what_they_count() -> None:
    found = {(f.kind, f.what, f.value, f.qualifier) for f in facts_of(
        "В ней принимают участие более 30 предприятий. Объём около 240 миллионов долларов, рост на 22%. "
        "Пришли семь тысяч двести человек. Форум открылся 6 ноября 2019 года, матч начнётся в 13:00. "
        "В 2003 году прошёл первый XVI форум. Ущерб — $5 млн, сбор 2,5 тыс. руб."
    )}  # fmt: skip
    assert ("count", "предприятие", 30.0, "более") in found
    assert ("money", "доллар", 240e6, "около") in found
    assert ("percent", "процент", 22.0, "") in found
    assert ("count", "человек", 7200, "") in found
    assert ("date", "", "2019-11-06", "") in found
    assert ("time", "", "13:00", "") in found
    assert ("date", "", "2003", "") in found
    assert ("ordinal", "форум", 16, "") in found
    assert ("money", "доллар", 5e6, "") in found
    assert ("money", "рубль", 2500.0, "") in found


def test_numbers_that_are_not_figures() -> None:
    assert facts_of("Игра (0+) стартует, ПМЭФ-2021 и Су-57 в программе на 2018-2023 годы.") == []


def test_discrepancies_in_count_money_percent_and_date(bridge: Comparison) -> None:
    found = {(d.kind, d.a.value, d.b.value) for d in bridge.discrepancies}
    assert ("money", "60\u202f000\u202f000\u202f000", "65\u202f000\u202f000\u202f000") in found
    assert ("percent", "15%", "20%") in found
    assert ("date", "12.09", "13.09") in found
    people = next(d for d in bridge.discrepancies if d.kind == "count")
    assert people.what == "человек / житель"
    assert (people.a.text, people.b.text) == ("более 300 человек", "500 жителей")
    assert people.compatible  # «более 300» and 500 can both hold
    for d in bridge.discrepancies:
        for place in (d.a, d.b):
            assert bridge.reports[place.report].body[place.start : place.stop] == place.text


def test_agreeing_figures_with_synonym_units_are_not_discrepancies() -> None:
    comparison = compare([
        report("a", "На выставке работают 40 предприятий из двух стран."),
        report("b", "В выставке участвуют 40 компаний из двух стран."),
    ])  # fmt: skip
    assert comparison.discrepancies == ()


def test_figures_about_different_things_are_not_compared() -> None:
    comparison = compare([
        report("a", "Выставку открыли утром. В ней участвуют 30 предприятий."),
        report("b", "Губернатор рассказал о торговле. В регионе действует 162 предприятия с иностранным капиталом."),
    ])  # fmt: skip
    assert comparison.discrepancies == ()


# --- quotes ------------------------------------------------------------------------------------


def test_quote_with_speaker_matched_to_its_paraphrase(bridge: Comparison) -> None:
    direct = next(q for q in bridge.quotes if q.report == 0)
    reported = next(q for q in bridge.quotes if q.report == 1)
    assert direct.kind == "direct" and direct.text.startswith("Мост разгрузит центр")
    assert BRIDGE_A[direct.start : direct.stop] == direct.text
    assert direct.speaker == reported.speaker == "Андрей Травников"
    assert reported.kind == "reported"
    [match] = bridge.quote_matches
    assert (match.a, match.b) == (direct, reported)
    assert match.kind == "paraphrase" and match.same_speaker is True


def test_dialogue_lines_headings_and_pronouns() -> None:
    body = (
        "Губернатор Александр Бурков открыл форум.\n"
        "- Для нас сегодня важна кооперация предприятий, - заявил Александр Бурков.\n"
        "Он также отметил, что регион готов к новым проектам.\n"
        "Кайрат Торебаев:\n"
        "— Есть несколько векторов развития сотрудничества.\n"
        "Первое — это сельское хозяйство."
    )
    quotes = compare([report("a", body), report("b", "Другая заметка о погоде.")]).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("direct", "Александр Бурков"), ("reported", "Александр Бурков"), ("direct", "Кайрат Торебаев"),
    ]  # fmt: skip
    assert quotes[0].text == "Для нас сегодня важна кооперация предприятий"
    assert quotes[2].text.endswith("Первое — это сельское хозяйство.")  # the turn runs over both paragraphs


def test_mentions_name_the_speaker_when_given() -> None:
    body = "«Мы откроем еще три школы до конца года», — сказал глава города."
    start = body.index("глава города")
    mention = FakeMention(start, start + len("глава города"), "PER", "глава города", "Сергей Кузнецов")
    quotes = compare([report("a", body, mentions=[mention]), report("b", "Другая заметка.")]).quotes
    assert quotes[0].speaker == "Сергей Кузнецов"


# --- coverage and timeline ----------------------------------------------------------------------


def test_entity_coverage_from_mentions_and_empty_without() -> None:
    a_body, b_body = "Бурков и Торебаев открыли форум в Омске.", "Бурков открыл форум."
    mentions_a = [
        FakeMention(0, 6, "PER", "Бурков", "Александр Бурков"),
        FakeMention(9, 17, "PER", "Торебаев", "Кайрат Торебаев"),
        FakeMention(34, 39, "LOC", "Омске", "Омск"),
    ]
    mentions_b = [FakeMention(0, 6, "PER", "Бурков", "Александр Бурков")]
    comparison = compare([report("a", a_body, mentions=mentions_a), report("b", b_body, mentions=mentions_b)])
    rows = {(row.normal, row.type): row.counts for row in comparison.coverage}
    assert rows == {("Александр Бурков", "PER"): (1, 1), ("Кайрат Торебаев", "PER"): (1, 0), ("Омск", "LOC"): (1, 0)}
    assert comparison.coverage[0].normal == "Александр Бурков"
    assert compare([report("a", a_body), report("b", b_body)]).coverage == ()


def test_timeline_orders_by_time_and_lists_undated_last() -> None:
    moscow = timezone(timedelta(hours=3))
    reports = [
        report("late", "Текст.", hours=5),
        report("undated", "Текст.", hours=None),
        ReportInput("early", "t", "Текст.", "E", datetime(2023, 9, 12, 11, 0, tzinfo=moscow)),  # 08:00 UTC
    ]
    entries = compare(reports).timeline
    assert [reports[e.report].id for e in entries] == ["early", "late", "undated"]
    assert entries[0].first and entries[0].lag == timedelta(0)
    assert entries[1].lag == timedelta(hours=6)
    assert entries[2].lag is None and not entries[2].first


# --- hostile input -----------------------------------------------------------------------------


def test_empty_bodies_and_bodies_without_sentences() -> None:
    comparison = compare([report("a", ""), report("b", "... !!! — «»\n\n---"), report("c", BRIDGE_A)])
    assert comparison.sentences[0] == () and comparison.sentences[1] == ()
    json.dumps(comparison.to_json())
    stream = io.StringIO()
    export_html(comparison, stream)
    assert "</html>" in stream.getvalue()


def test_markup_in_text_is_escaped_in_html() -> None:
    hostile = 'Мэр сказал <script>alert("x")</script> и <b onclick="x">жирно</b> & ушёл.'
    comparison = compare([
        report("a", hostile, title="<img src=x onerror=alert(1)>", outlet="<i>Outlet</i>"),
        report("b", hostile),
    ])  # fmt: skip
    stream = io.StringIO()
    export_html(comparison, stream)
    page = stream.getvalue()
    assert "<script" not in page and "<img" not in page and "<b onclick" not in page and "<i>" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page and "&amp; ушёл" in page


@pytest.mark.slow
def test_megabyte_body_is_compared_quickly() -> None:
    """The worst case for alignment: a megabyte repeating sentences that all match the other report."""
    paragraph = BRIDGE_A + "\n" + BRIDGE_B + "\n"
    body = paragraph * (1_000_000 // len(paragraph) + 1)
    started = time.perf_counter()
    comparison = compare([report("big", body), report("small", BRIDGE_B, hours=1)])
    assert time.perf_counter() - started < 30
    assert len(body) >= 1_000_000
    assert comparison.discrepancies and comparison.links


def test_unpunctuated_megabyte_is_cut_into_bounded_sentences() -> None:
    sentences = split_sentences("слово " * 200_000)
    assert sentences and max(s.stop - s.start for s in sentences) <= 2000


# --- exports -----------------------------------------------------------------------------------


def test_json_is_serialisable_and_offsets_point_into_bodies(bridge: Comparison) -> None:
    data = json.loads(json.dumps(bridge.to_json(), ensure_ascii=False))
    assert data["format"] == "letopis-comparison" and data["version"] == 1
    bodies = {r.id: r.body for r in bridge.reports}
    for entry in data["reports"]:
        for sentence in entry["sentences"]:
            assert bodies[entry["id"]][sentence["start"] : sentence["stop"]].strip()
        for fact in entry["facts"]:
            assert bodies[entry["id"]][fact["start"] : fact["stop"]] == fact["text"]
    for quote in data["quotes"]:
        assert bodies[quote["report"]][quote["start"] : quote["stop"]] == quote["text"]
    passage_ids = {p["id"] for p in data["passages"]}
    assert all(s["passage"] in passage_ids for r in data["reports"] for s in r["sentences"])
    assert [e["report"] for e in data["timeline"]] == ["a", "b"]


def test_csv_has_bom_columns_and_guards_formulas(tmp_path: Path) -> None:
    comparison = compare([
        report("a", "- На выставку пришли 300 человек, - сказал Бурков.", outlet="=Outlet"),
        report("b", "- На выставку пришли 500 человек, - сказал Бурков."),
    ])  # fmt: skip
    path = tmp_path / "d.csv"
    export_csv(comparison, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1][:3] == ["count", "человек", "a"]
    assert rows[1][3] == "'=Outlet" and rows[1][5].startswith("На выставку")
    binary = io.BytesIO()
    export_csv(comparison, binary)
    assert binary.getvalue() == raw


def test_html_is_self_contained_and_printable(bridge: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "c.html"
    export_html(bridge, path)
    page = path.read_text(encoding="utf-8")
    assert "@page { size: A4; margin: 15mm; }" in page
    assert "<script" not in page and not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    for section in ("timeline", "passages", "discrepancies", "quotes", "entities"):
        assert f'id="{section}"' in page
    for kind in ("identical", "near", "paraphrase", "unique"):
        assert f'class="swatch {kind}"' in page


# --- the sample seeds --------------------------------------------------------------------------


def read_seed(prefix: str) -> ReportInput:
    path = next(SAMPLE.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\nOriginal:", 1)
    outlet = re.match(r" \[(.*?)\]", body).group(1)
    body = body.split("\n", 1)[1]
    title = re.search(r"^# (.*)$", head, re.M).group(1)
    published = datetime.fromisoformat(re.search(r"Published at: \*\*(.*?)\*\*", head).group(1))
    return ReportInput(prefix, title, body, outlet, published)


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    return compare([read_seed("000"), read_seed("001"), read_seed("002")])


def test_seed_discrepancy_30_companies_against_50(seeds: Comparison) -> None:
    ids = [r.id for r in seeds.reports]
    found = [
        d for d in seeds.discrepancies
        if (ids[d.a.report], ids[d.b.report]) == ("000", "001") and d.kind == "count"
    ]  # fmt: skip
    assert [(d.a.text, d.b.text) for d in found] == [("более 30 предприятий", "более 50 компаний")]
    assert (found[0].a.raw, found[0].b.raw, found[0].a.qualifier) == (30.0, 50.0, "более")
    assert not any("162" in d.a.text or "162" in d.b.text for d in seeds.discrepancies)


def test_seed_torebaev_remarks_matched_across_reports(seeds: Comparison) -> None:
    topics = ("сельское хозяйство", "нефтехимия", "финансовое сотрудничество")
    matched = [
        m for m in seeds.quote_matches
        if (m.a.report, m.b.report) == (1, 2) and all(topic in m.a.text and topic in m.b.text for topic in topics)
    ]  # fmt: skip
    assert len(matched) == 1
    assert matched[0].a.speaker == matched[0].b.speaker == "Кайрат Торебаев"
    assert matched[0].same_speaker is True


def test_seed_speakers(seeds: Comparison) -> None:
    speakers = {(q.report, q.text[:20]): q.speaker for q in seeds.quotes}
    assert speakers[(0, "Дан старт XVI Форуму")] == "Александр Бурков"
    assert speakers[(0, "Вице-министр торговл")] == "Кайрат Торебаев"  # by title, no name in the sentence
    assert speakers[(1, "Он также отметил, чт")] == "Кайрат Торебаев"  # by pronoun
    assert speakers[(2, "Подписание сегодня с")] == "Александр Бурков"  # interview heading


def test_seed_alignment_has_near_or_identical_sentences(seeds: Comparison) -> None:
    strong = [link for link in seeds.links if link.kind in ("identical", "near")]
    assert strong
    assert any("финансовое сотрудничество" in link.a.text for link in strong)
    assert any(link.kind == "paraphrase" for link in seeds.links)


def test_seed_timeline(seeds: Comparison) -> None:
    assert [seeds.reports[e.report].id for e in seeds.timeline] == ["000", "001", "002"]
    assert [e.lag for e in seeds.timeline] == [
        timedelta(0),
        timedelta(hours=4, minutes=21),
        timedelta(hours=11, minutes=3),
    ]
