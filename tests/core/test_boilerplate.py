"""Boilerplate found per outlet: invented posts for each kind of unit and each edge case, then the real posts."""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

from viewer.text.boilerplate import (
    MIN_DOCUMENTS,
    BoilerplateModel,
    boilerplate_spans,
    is_only_boilerplate,
    learn,
    line_key,
    without_boilerplate,
)
from viewer.text.normalise import clean_text

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
TELEGRAM = "news_tg_channel_posts.jsonl.gz"

# Invented news, one story a line: varied enough that no sentence recurs across posts.
STORIES = [
    "В Казани открыли новый мост через Казанку, движение запустят в понедельник.",
    "Суд арестовал бывшего главу районной администрации по делу о растрате.",
    "Синоптики обещают в выходные мокрый снег и гололедицу на дорогах области.",
    "Цены на гречку за месяц выросли почти на десятую часть, подсчитали аналитики.",
    "Сборная по хоккею обыграла соперников в овертайме и вышла в полуфинал.",
    "В центре города из-за прорыва трубы перекрыли две улицы и сквер.",
    "Мэрия объявила конкурс на проект новой набережной у старого порта.",
    "Учёные нашли в пещере на Алтае кости неизвестного вида грызунов.",
    "На заводе сельхозтехники запустили линию сборки малых тракторов.",
    "Пассажирский поезд задержался на шесть часов из-за поломки локомотива.",
    "Депутаты приняли в первом чтении закон о платных парковках во дворах.",
    "В зоопарке родился детёныш снежного барса, ему ищут имя.",
    "Рейс на Сочи вернулся в аэропорт вылета после сигнала о неисправности.",
    "Библиотеку на окраине закрыли на ремонт до конца весны.",
    "Полиция ищет водителя, который сбил велосипедиста и скрылся.",
    "Фермеры собрали рекордный урожай подсолнечника, но продать его не могут.",
    "В школах района ввели карантин из-за гриппа, уроки перенесли в сеть.",
    "Театр драмы покажет премьеру по пьесе молодого автора из Перми.",
    "Строители сдали дом для переселенцев из аварийного жилья с опозданием на год.",
    "Компания связи пообещала вернуть абонентам деньги за сбой в выходные.",
    "Губернатор уволил министра транспорта после жалоб на автобусы.",
    "В лесу под городом нашли грибника, пропавшего три дня назад.",
    "Музей получил в дар коллекцию старинных самоваров от местного жителя.",
    "Торговый центр на проспекте эвакуировали из-за ложного сообщения о бомбе.",
    "Студенты собрали спутник и договорились о его запуске следующим летом.",
    "В реке у плотины обнаружили массовую гибель рыбы, берут пробы воды.",
    "Автобусный маршрут до новых кварталов продлят с первого числа.",
    "Снегоуборочную технику вывели на улицы в ночь на вторник.",
    "На рынке задержали продавцов контрафактного алкоголя.",
    "Чемпионка по плаванию открыла в городе детскую спортивную школу.",
]
FOOTER = "❗️ Подписывайся на Вестник"
OTHER_FOOTER = "🔴 Подписаться | Прислать новость"


def story(index: int) -> str:
    """Two sentences; within 30 posts no sentence is first, or last, twice (7 is prime to 30)."""
    return f"{STORIES[index % len(STORIES)]} {STORIES[(index * 7 + 3) % len(STORIES)]}"


def with_footer(count: int, footer: str = FOOTER) -> list[str]:
    return [f"{story(index)}\n\n{footer}" for index in range(count)]


def marked(body: str, model: BoilerplateModel) -> list[str]:
    return [body[start:stop] for start, stop in boilerplate_spans(body, model)]


def test_line_key_trims_emoji_and_punctuation_folds_case_and_keeps_digits() -> None:
    assert line_key("❗️ Подписывайся на Mash") == line_key("Подписывайся на Mash") == "подписывайся на mash"
    assert line_key("  🔴 Подписаться |  Прислать   новость ") == "подписаться | прислать новость"
    assert line_key("__Ёлки: читать нас без VPN__.") == "елки: читать нас без vpn"
    assert line_key("Топор +18. Подписаться") == "топор +18. подписаться"
    assert line_key("ещё 7 областях") != line_key("ещё 5 областях")
    assert line_key("👉 ⚡️ — ") == ""


def test_a_footer_learned_from_one_outlet_is_found_there_and_not_in_another_outlet() -> None:
    bodies = with_footer(20)
    model = learn(bodies)
    assert line_key(FOOTER) in model.lines
    assert model.lines[line_key(FOOTER)] == 20
    for body in bodies:
        assert marked(body, model) == [FOOTER]
    # Learning is per outlet: outlet B's post with its own footer shares nothing with outlet A's model.
    other = f"{STORIES[3]}\n\nДругой абзац о ценах.\n\n{OTHER_FOOTER}"
    assert boilerplate_spans(other, model) == ()
    assert not is_only_boilerplate(other, boilerplate_spans(other, model))


def test_a_footer_only_post_is_only_boilerplate() -> None:
    bodies = [*with_footer(20), FOOTER, f"  {FOOTER}  \n"]
    model = learn(bodies)
    for body in (FOOTER, f"  {FOOTER}  \n", "❗ Подписывайся на вестник!"):
        spans = boilerplate_spans(body, model)
        assert spans
        assert is_only_boilerplate(body, spans)
    assert not is_only_boilerplate(bodies[0], boilerplate_spans(bodies[0], model))


def test_a_footer_of_two_lines_with_a_blank_line_between() -> None:
    bodies = [f"{story(index)}\n\n🎯 Подписывайся на Вестник\n\n📩 Прислать новость" for index in range(20)]
    model = learn(bodies)
    assert marked(bodies[4], model) == ["🎯 Подписывайся на Вестник", "📩 Прислать новость"]
    assert marked("📩 Прислать новость", model) == ["📩 Прислать новость"]


def test_a_signature_appended_to_the_last_paragraph_is_marked_alone() -> None:
    bodies = [f"{STORIES[index]}\n\n{story(index + 5)} @vestnik_fin" for index in range(20)]
    model = learn(bodies)
    assert "vestnik_fin" in model.ends
    assert not model.lines
    body = bodies[7]
    spans = boilerplate_spans(body, model)
    assert [body[start:stop] for start, stop in spans] == ["@vestnik_fin"]
    assert spans[0][1] == len(body)
    assert without_boilerplate(body, spans).rstrip() == body.removesuffix("@vestnik_fin").rstrip()
    # The same signature on a line of its own, or after any other sentence, is found too.
    assert marked(f"{STORIES[2]}\n@vestnik_fin", model) == ["@vestnik_fin"]
    assert marked(f"{STORIES[25]} Коротко. @vestnik_fin", model) == ["@vestnik_fin"]
    # A word in running text is not a sentence of its own.
    assert boilerplate_spans("Читайте канал @vestnik_fin каждый день.", model) == ()


def test_an_agency_dateline_with_a_changing_date_is_a_start_edge() -> None:
    bodies = [f"МОСКВА, {index % 28 + 1} дек — РИА Пример. {story(index)}" for index in range(20)]
    model = learn(bodies)
    assert "москва, 0 дек — риа пример" in model.starts
    body = "МОСКВА, 3 дек — РИА Пример. Мост открыли. Движение запустят завтра."
    assert marked(body, model) == ["МОСКВА, 3 дек — РИА Пример."]
    # Lower case after a full stop is not a new sentence: «в 2014 г. компания» never splits off an edge.
    assert boilerplate_spans("МОСКВА, 3 дек — РИА Пример. и так далее", model) == ()


def test_a_recurring_credit_line_is_boilerplate() -> None:
    bodies = []
    for index in range(30):
        credit = "\nФото: Агентство Пример" if index % 5 == 0 else ""  # 6 of 30 posts
        bodies.append(f"{story(index)}{credit}\n\n{STORIES[(index + 2) % len(STORIES)]}")
    model = learn(bodies)
    assert model.lines == {"фото: агентство пример": 6}
    assert not model.starts
    assert not model.ends
    assert marked(bodies[5], model) == ["Фото: Агентство Пример"]
    assert boilerplate_spans(bodies[1], model) == ()


def test_a_line_that_recurs_only_a_few_times_is_not_boilerplate() -> None:
    repeated = "Информация о пострадавших уточняется."
    bodies = with_footer(30)
    bodies[3] = f"{STORIES[3]}\n{repeated}\n\n{FOOTER}"
    bodies[9] = f"{STORIES[9]}\n{repeated}\n\n{FOOTER}"
    model = learn(bodies)
    assert line_key(repeated) not in model.lines
    assert marked(bodies[3], model) == [FOOTER]
    # A tiny outlet: a line in 2 of 3 posts (or in all of 4) is not enough evidence.
    assert not learn(["Текст один.\nПодписка", "Текст два.\nПодписка", "Текст три."])
    assert not learn([f"{STORIES[index]}\nПодписка" for index in range(MIN_DOCUMENTS - 1)])
    assert learn([f"{STORIES[index]}\nПодписка" for index in range(MIN_DOCUMENTS)]).lines == {"подписка": 5}


def test_ordinary_content_is_untouched() -> None:
    bodies = with_footer(30)
    model = learn(bodies)
    assert model.lines.keys() == {line_key(FOOTER)}
    assert not model.starts
    assert not model.ends
    for body in bodies:
        kept = without_boilerplate(body, boilerplate_spans(body, model))
        assert kept.rstrip() == body.removesuffix(FOOTER).rstrip()


def test_a_word_alone_on_a_line_that_is_mostly_running_text_is_not_boilerplate() -> None:
    # News sites break lines at inline links: «…, — \nзаявил\n министр». The word is frequent as a line,
    # but it is far more frequent inside sentences.
    bodies = []
    for index in range(40):
        if index % 4 == 0:
            bodies.append(f"«Всё будет хорошо», —\nзаявил\nминистр. {story(index)}")
        else:
            bodies.append(f"{story(index)} Так заявил министр {index}.")
    model = learn(bodies)
    assert "заявил" not in model.lines


def test_a_one_line_report_that_recurs_as_the_whole_post_stays_news() -> None:
    alert = "⚡️Воздушная тревога объявлена на всей территории страны"
    footer = "👉 Вестник Live. Подписаться"
    bodies = [f"{alert}\n\n{footer}" if index % 3 == 0 else f"{story(index)}\n\n{footer}" for index in range(36)]
    model = learn(bodies)
    assert line_key(alert) not in model.lines
    assert line_key(footer) in model.lines
    spans = boilerplate_spans(bodies[0], model)
    assert [bodies[0][start:stop] for start, stop in spans] == [footer]
    assert not is_only_boilerplate(bodies[0], spans)


def test_duplicated_bodies_count_once() -> None:
    duplicate = "Длинный материал о выборах.\nВторой абзац материала.\nТретий абзац."
    model = learn([*with_footer(20), *[duplicate] * 8])
    assert model.documents == 21
    assert model.lines.keys() == {line_key(FOOTER)}


def test_without_boilerplate_keeps_the_length_and_the_newlines() -> None:
    body = "МОСКВА, 3 дек — РИА Пример. Текст.\n\nВторой абзац. @vestnik_fin\n❗️ Подписывайся на Вестник\n"
    spans = ((0, 27), (50, 62), (63, 89))
    kept = without_boilerplate(body, spans)
    assert len(kept) == len(body)
    assert [index for index, char in enumerate(kept) if char == "\n"] == [
        index for index, char in enumerate(body) if char == "\n"
    ]
    assert kept[:27].strip() == ""
    assert kept[27:50] == body[27:50]
    assert kept.split("\n")[3].strip() == ""
    # A span over several lines keeps their line breaks.
    assert without_boilerplate("ab\ncd\nef", ((1, 7),)) == "a \n  \n f"
    assert without_boilerplate(body, ()) == body
    assert not is_only_boilerplate(body, spans)
    assert is_only_boilerplate("👉 Подписаться!", ((2, 13),))


def test_spans_are_sorted_non_overlapping_offsets_into_the_body() -> None:
    bodies = [
        f"МОСКВА, {index % 28 + 1} дек — РИА Пример. {story(index)}\n\n"
        f"{STORIES[(index + 1) % len(STORIES)]} @vestnik_fin\n\n{FOOTER}"
        for index in range(20)
    ]
    model = learn(bodies)
    for body in bodies:
        spans = boilerplate_spans(body, model)
        assert len(spans) == 3
        assert list(spans) == sorted(spans)
        assert all(start < stop <= next_start for (start, stop), (next_start, _) in pairwise(spans))
        assert all("\n" not in body[start:stop] for start, stop in spans)
        assert body[spans[0][0] : spans[0][1]].startswith("МОСКВА")
        assert body[spans[1][0] : spans[1][1]] == "@vestnik_fin"
        assert body[spans[2][0] : spans[2][1]] == FOOTER


def test_json_round_trip() -> None:
    bodies = [f"МОСКВА, {index + 1} дек — РИА Пример. {story(index)} @vestnik_fin\n\n{FOOTER}" for index in range(20)]
    model = learn(bodies)
    assert model.lines and model.starts and model.ends
    text = model.to_json()
    assert isinstance(text, str)
    again = BoilerplateModel.from_json(text)
    assert again == model
    assert boilerplate_spans(bodies[3], again) == boilerplate_spans(bodies[3], model)
    assert BoilerplateModel.from_json(BoilerplateModel().to_json()) == BoilerplateModel()
    with pytest.raises(ValueError):
        BoilerplateModel.from_json(json.dumps({"format": 999}))


def test_empty_input() -> None:
    empty = learn([])
    assert not empty
    assert empty.documents == 0
    assert empty.units() == []
    assert learn(["", ""]) == empty
    assert boilerplate_spans("", empty) == ()
    assert boilerplate_spans("Текст.\n❗️ Подписывайся на Вестник", empty) == ()
    model = learn(with_footer(20))
    assert boilerplate_spans("", model) == ()
    assert without_boilerplate("", ()) == ""
    assert not is_only_boilerplate("", ())
    assert not is_only_boilerplate("", boilerplate_spans("", model))
    assert line_key("") == ""


def test_learn_takes_any_iterable_once() -> None:
    model = learn(body for body in with_footer(20))
    assert line_key(FOOTER) in model.lines


# The real posts -----------------------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|__|\|\||~~")


def read_posts(path: Path) -> dict[str, list[str]]:
    """Posts by channel, with the Markdown marks stripped roughly (the project's reader does it better)."""
    posts: dict[str, list[str]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = clean_text(_MARKS.sub("", _LINK.sub(r"\1", record["text"] or "")))
            posts[record["outlet"] or ""].append(text)
    return posts


def test_real_telegram_posts() -> None:
    if not (CORPORA / TELEGRAM).is_file():
        pytest.skip(f"the development corpora are not at {CORPORA} ({TELEGRAM} is missing)")
    channels = read_posts(CORPORA / TELEGRAM)
    assert len(channels) >= 10
    total = marked_chars = 0
    footer_channels = 0
    for bodies in channels.values():
        model = learn(bodies)
        top = max((count for _, _, count in model.units()), default=0)
        with_spans = 0
        for body in bodies:
            spans = boilerplate_spans(body, model)
            with_spans += bool(spans)
            total += len(body)
            marked_chars += sum(stop - start for start, stop in spans)
            assert all(0 <= start < stop <= len(body) for start, stop in spans)
        if top >= 0.5 * model.documents and with_spans >= 0.5 * len(bodies):
            footer_channels += 1
    assert footer_channels >= 1  # several, in fact: Mash, SHOT, Топор, Москва с огоньком…
    assert marked_chars / total < 0.1
