"""Telegram-style marks in news text: plain text, formatting spans and their offsets.

The fixtures are short invented strings in the shapes real exports and news sites have.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from viewer.text import markup
from viewer.text.markup import KINDS, Format, MarkedText, formats_from_json, formats_to_json, read_markup
from viewer.text.markup_parser import MarkParser
from viewer.text.normalise import clean_characters, clean_text


def marked(text: str) -> list[tuple[str, str] | tuple[str, str, str | None]]:
    """The formatting of ``text`` as (kind, marked text[, url]) in reading order."""
    result = read_markup(text)
    check_invariants(result)
    return [
        (item.kind, result.text[item.start : item.stop], item.url)
        if item.kind == "link"
        else (item.kind, result.text[item.start : item.stop])
        for item in result.formats
    ]


def check_invariants(result: MarkedText) -> None:
    """Offsets inside the text, no span with whitespace at an edge, none overlapping its kind."""
    ends: dict[str, int] = {}
    for item in sorted(result.formats, key=lambda item: (item.kind, item.start)):
        assert item.kind in KINDS
        assert 0 <= item.start < item.stop <= len(result.text), item
        inside = result.text[item.start : item.stop]
        assert inside == inside.strip(), item
        assert item.start >= ends.get(item.kind, 0), f"{item} overlaps another {item.kind}"
        ends[item.kind] = item.stop
        assert item.url is None or item.kind == "link"
    assert list(result.formats) == sorted(
        result.formats, key=lambda item: (item.start, -item.stop, KINDS.index(item.kind))
    )


def plain_of(text: str) -> str:
    """The input without the marks the parser recognised (white-box: the parser's deletions),
    so that ``read_markup(text).text == clean_text(plain_of(text))`` can be checked."""
    if not markup._may_hold_marks(text):
        return text
    prepared = clean_characters(text)
    deletions, _ = MarkParser(prepared).parse()
    pieces, last = [], 0
    for start, end in sorted(deletions):
        pieces.append(prepared[last:start])
        last = max(last, end)
    pieces.append(prepared[last:])
    return "".join(pieces)


# The examples of real Telegram posts (invented text, same shapes)


def test_bold_with_a_trailing_space_inside() -> None:
    result = read_markup("**Ставки всё. **\n\nПосле очередного решения банки подняли проценты.")
    assert result.text == "Ставки всё.\n\nПосле очередного решения банки подняли проценты."
    assert marked("**Ставки всё. **\n\nПосле очередного решения") == [("bold", "Ставки всё.")]


def test_bold_closed_after_a_space_and_a_subscribe_link() -> None:
    text = "🫣В Тверской области водителя автобуса **уличили в продаже семечек **прямо в салоне.\n\n😄[— Подписаться](https://t.me/+AbCdEf012)"
    result = read_markup(text)
    assert (
        result.text
        == "🫣В Тверской области водителя автобуса уличили в продаже семечек прямо в салоне.\n\n😄— Подписаться"
    )
    assert marked(text) == [
        ("bold", "уличили в продаже семечек"),
        ("link", "— Подписаться", "https://t.me/+AbCdEf012"),
    ]


def test_two_links_separated_by_a_bar() -> None:
    text = "🔴 [Подписаться](https://t.me/examplelive) | [Прислать новость](https://t.me/example02_bot)"
    assert read_markup(text).text == "🔴 Подписаться | Прислать новость"
    assert marked(text) == [
        ("link", "Подписаться", "https://t.me/examplelive"),
        ("link", "Прислать новость", "https://t.me/example02_bot"),
    ]


def test_links_back_to_back_one_of_them_an_emoji_and_a_space() -> None:
    text = "[👉 ](https://t.me/+aaaa)[Канал +18. Подписаться](https://t.me/+bbbb)"
    assert read_markup(text).text == "👉 Канал +18. Подписаться"
    assert marked(text) == [
        ("link", "👉", "https://t.me/+aaaa"),
        ("link", "Канал +18. Подписаться", "https://t.me/+bbbb"),
    ]


def test_two_italic_runs_back_to_back() -> None:
    text = "__Читайте нас без VPN здесь: ____bit.ly/examplenews__"
    assert read_markup(text).text == "Читайте нас без VPN здесь: bit.ly/examplenews"
    assert marked(text) == [("italic", "Читайте нас без VPN здесь:"), ("italic", "bit.ly/examplenews")]


def test_a_link_whose_label_is_a_line_break() -> None:
    text = "🎧 Слушайте на [нашем сайте](https://www.example.com/podcasts/p1) или ...[\n](https://pod.example/1)"
    text += " \n📺 Также"
    result = read_markup(text)
    assert result.text == "🎧 Слушайте на нашем сайте или ...\n\n📺 Также"  # the label's line break is text
    assert marked(text) == [("link", "нашем сайте", "https://www.example.com/podcasts/p1")]


def test_bold_across_paragraphs_and_a_closing_mark_on_a_line_of_its_own() -> None:
    text = '**Бывший замглавы ведомства задержан, сообщает источник "Вестника". **\n\nПо данным СМИ, дело'
    assert marked(text) == [("bold", 'Бывший замглавы ведомства задержан, сообщает источник "Вестника".')]
    text = (
        "**Удар пришёлся по окраине города. Погибших нет, сообщил\nглава района. \n**\nПо его данным, пострадали дома."
    )
    result = read_markup(text)
    assert result.text == (
        "Удар пришёлся по окраине города. Погибших нет, сообщил\nглава района.\n\nПо его данным, пострадали дома."
    )
    assert marked(text) == [("bold", "Удар пришёлся по окраине города. Погибших нет, сообщил\nглава района.")]


def test_adjacent_bold_runs_and_bold_after_an_emoji() -> None:
    text = "**Регулятор уделит** **особое внимание **продуктам для детей"
    assert read_markup(text).text == "Регулятор уделит особое внимание продуктам для детей"
    assert marked(text) == [("bold", "Регулятор уделит"), ("bold", "особое внимание")]
    text = "❗️**Банк исчерпал лимиты по «Льготной программе»** — ТАСС"
    assert read_markup(text).text == "❗️Банк исчерпал лимиты по «Льготной программе» — ТАСС"
    assert marked(text) == [("bold", "Банк исчерпал лимиты по «Льготной программе»")]


def test_strike_spoiler_code_and_pre() -> None:
    assert marked("Цена ~~500 рублей~~ 750 рублей") == [("strike", "500 рублей")]
    assert read_markup("Финал: ||герой выживает||.").text == "Финал: герой выживает."
    assert marked("Финал: ||герой выживает||.") == [("spoiler", "герой выживает")]
    assert marked("Промокод `ЛЕТО2024` действует неделю") == [("code", "ЛЕТО2024")]
    result = read_markup("Вставьте строку:\n```\nengine_sleep 0\n```\nи перезапустите")
    assert result.text == "Вставьте строку:\n\nengine_sleep 0\n\nи перезапустите"
    assert marked("Вставьте строку:\n```\nengine_sleep 0\n```\nи перезапустите") == [("code", "engine_sleep 0")]


def test_nothing_inside_code_is_a_mark() -> None:
    text = "Запустите `python -m pkg --name **x** __y__ [a](https://x.ru)` и ждите"
    assert read_markup(text).text == "Запустите python -m pkg --name **x** __y__ [a](https://x.ru) и ждите"
    assert marked(text) == [("code", "python -m pkg --name **x** __y__ [a](https://x.ru)")]


def test_a_double_hyphen_is_a_dash_not_a_mark() -> None:
    for text in ("Москва -- столица России", "Это --подчёркнуто-- или нет", "Счёт 2--1 в пользу гостей"):
        assert read_markup(text) == MarkedText(clean_text(text), ())


# Telegram's sloppier shapes


def test_entities_that_start_with_a_space_or_inside_a_word() -> None:
    text = "Силы ПВО за ночь** сбили 29 беспилотников над регионами,** сообщили в министерстве"
    assert read_markup(text).text == "Силы ПВО за ночь сбили 29 беспилотников над регионами, сообщили в министерстве"
    assert marked(text) == [("bold", "сбили 29 беспилотников над регионами,")]
    text = "Пять чашек в день **опасны для здоровь**я, — врачи. **Много кофе** вредно."
    assert marked(text) == [("bold", "опасны для здоровь"), ("bold", "Много кофе")]
    text = "Пункт ~~марафона ~~плана выполнен, пишет [канал](https://t.me/example/1)"
    assert read_markup(text).text == "Пункт марафона плана выполнен, пишет канал"
    assert marked(text)[0] == ("strike", "марафона")


def test_empty_runs_and_marks_around_line_breaks_disappear() -> None:
    assert read_markup("Главная ель приедет из деревни.** **\n\nЭто старое дерево.") == MarkedText(
        "Главная ель приедет из деревни.\n\nЭто старое дерево.", ()
    )
    assert read_markup("Первая строка. **\n**\nВторая строка") == MarkedText("Первая строка.\n\nВторая строка", ())
    text = "— __Мэр\n\n__Он добавил, что дорожек не будет."
    assert marked(text) == [("italic", "Мэр")]


def test_a_closing_mark_on_its_own_line_ends_an_italic_paragraph() -> None:
    text = "Парня задержали. \n__\nПеред допросом он сбежал.\n\n__😄[— Подписаться](https://t.me/+x)"
    result = read_markup(text)
    assert result.text == "Парня задержали.\n\nПеред допросом он сбежал.\n\n😄— Подписаться"
    assert marked(text) == [("italic", "Перед допросом он сбежал."), ("link", "— Подписаться", "https://t.me/+x")]


def test_a_footnote_star_glued_to_a_closing_mark() -> None:
    text = "**Мошенники взламывают телефоны через Мессенджер*** — они получают доступ к банку"
    result = read_markup(text)
    assert result.text == "Мошенники взламывают телефоны через Мессенджер* — они получают доступ к банку"
    assert marked(text) == [("bold", "Мошенники взламывают телефоны через Мессенджер*")]


def test_a_title_like_first_line_starting_with_stars() -> None:
    for text in ("**Срочно: мост закрыт**\nДвижение перекрыто до утра.", "**Срочно: мост закрыт\nДвижение перекрыто."):
        result = read_markup(text)
        assert result.text.startswith("Срочно: мост закрыт"), result.text
        assert not result.text.startswith("*")
    assert marked("**Срочно: мост закрыт**\nДвижение перекрыто до утра.") == [("bold", "Срочно: мост закрыт")]


# Links


def test_link_forms() -> None:
    assert marked("[сайт](www.example.com)") == [("link", "сайт", "www.example.com")]
    assert marked("Наш [канал](t.me/example_channel).") == [("link", "канал", "t.me/example_channel")]
    assert marked("[почта](mailto:desk@example.ru)") == [("link", "почта", "mailto:desk@example.ru")]
    assert marked("[бот](tg://resolve?domain=example_bot)") == [("link", "бот", "tg://resolve?domain=example_bot")]
    assert marked("[статья](https://ru.wikipedia.org/wiki/Мир_(значения)) о мире") == [
        ("link", "статья", "https://ru.wikipedia.org/wiki/Мир_(значения)")
    ]
    assert marked("[Ссылка](HTTPS://EXAMPLE.COM/A)") == [("link", "Ссылка", "HTTPS://EXAMPLE.COM/A")]


def test_bracketed_text_that_is_no_link_stays() -> None:
    for text in (
        "Как сказано в [1], и в [2](стр. 5), сроки сдвинут",
        "(см. [ссылку]) и [это] (тоже)",
        "[не ссылка](см. выше) и [относительная](/news/1)",
        "массив players[i](x) вызывается",
        "Таблица: a | b | c, условие x || y",
    ):
        assert read_markup(text) == MarkedText(clean_text(text), ()), text


def test_bold_inside_and_around_a_link() -> None:
    text = "[**Подписаться**](https://t.me/example)"
    assert read_markup(text).text == "Подписаться"
    assert marked(text) == [("bold", "Подписаться"), ("link", "Подписаться", "https://t.me/example")]
    text = "Итоги: **[читайте здесь](https://example.com/a_b)** и __[тут__](https://example.com/c)"
    assert read_markup(text).text == "Итоги: читайте здесь и тут"
    assert sorted(marked(text), key=str) == sorted(
        [
            ("bold", "читайте здесь"),
            ("link", "читайте здесь", "https://example.com/a_b"),
            ("italic", "тут"),
            ("link", "тут", "https://example.com/c"),
        ],
        key=str,
    )


def test_empty_labels_nested_brackets_and_links_in_links() -> None:
    assert read_markup("До [](https://example.com) после") == MarkedText("До после", ())
    assert read_markup("До [ ](https://example.com) после") == MarkedText("До после", ())
    assert marked("См. [доклад [1] целиком](https://example.com/r)") == [
        ("link", "доклад [1] целиком", "https://example.com/r")
    ]
    result = read_markup("[a [b](https://x.example) c](https://y.example)")
    assert result.text == "[a b c](https://y.example)"  # a link holds no link: the outer one stays text
    assert marked("[a [b](https://x.example) c](https://y.example)") == [("link", "b", "https://x.example")]


def test_marks_inside_urls_are_not_marks() -> None:
    for text in (
        "Смотрите https://example.com/some__path__here и решайте",
        "Файл на https://example.com/a**b**c сегодня",
        "Адрес bit.ly/a__b__c в профиле",
    ):
        assert read_markup(text) == MarkedText(clean_text(text), ()), text
    text = "[отчёт](https://example.com/x__y__z?a=**b**) и **итог**"
    assert read_markup(text).text == "отчёт и итог"
    assert marked(text) == [("link", "отчёт", "https://example.com/x__y__z?a=**b**"), ("bold", "итог")]
    assert marked("**https://example.com/a_b**, смотрите") == [("bold", "https://example.com/a_b")]


# Text that is not Markdown: news sites, Хабр


def test_code_like_names_stay_literal() -> None:
    for text in (
        "Метод __init__ вызывается первым, а __name__ равен '__main__'.",
        "Переменная snake__case_name и функция get_user_by_id()",
        "Файл __init__.py лежит в пакете",
        "Значение self.__private = 1\nи self.__other = 2",
        "if (a)||(b) { return x__y; }",
    ):
        assert read_markup(text) == MarkedText(clean_text(text), ()), text
    # ... even in a text that has other markup
    assert read_markup("**Важно**: метод __init__ вызывается первым").text == "Важно: метод __init__ вызывается первым"


def test_footnote_stars_of_news_sites_stay() -> None:
    for text in (
        "Боевики ИГ* и «Аль-Каиды»** отступили.\n* ИГ — запрещена в РФ.\n** «Аль-Каида» — запрещена в РФ.",
        "Группировки «Фронт»** и «Армия»** объединились.\n** «Фронт» и «Армия» — запрещены в России.",
        "Позиции «Фронта»**. Затем «Армия»** ушла.\n*«Фронт» — запрещён.",
        "Ответ: *****, — сказал он.\n***\nНовая часть",
        "Снимок [*****] из архива",
        "Сноска*, ещё одна** и третья***",
    ):
        assert read_markup(text) == MarkedText(clean_text(text), ()), text


def test_censored_words_stay() -> None:
    for text in (
        "Минус три, б**дь, он полез за уткой, б**дь.",
        "«Вот так работаем, нах**й!» — сказал водитель.",
        "Иди на **** — ответил он.",
    ):
        assert read_markup(text) == MarkedText(clean_text(text), ()), text
    text = "**«Вообще пиз**ц»**\n\nТренер не знает, как сказать иначе."
    assert read_markup(text).text == "«Вообще пиз**ц»\n\nТренер не знает, как сказать иначе."
    assert marked(text) == [("bold", "«Вообще пиз**ц»")]


def test_unpaired_marks() -> None:
    for text in ("__одинокий курсив", "цена ~~500", "||спойлер без конца", "и `апостроф без пары", "Текст **b"):
        assert read_markup(text) == MarkedText(clean_text(text), ()), text
    # In a text with markup, an unpaired ** next to a space is a stray of the export.
    assert read_markup("**Итог** дня **\n\nДальше").text == "Итог дня\n\nДальше"
    assert read_markup("d`Enquetes и L`Equipe, Jack Daniel`s").formats == ()


def test_stray_characters_take_the_fast_path() -> None:
    for text in ("ИГ* запрещена", "Сноска [1] и [2]", "snake_case_names", "a | b", "x || y", "~ 5 км", ""):
        assert read_markup(text) == MarkedText(clean_text(text), ())
        assert not markup._may_hold_marks(text), text
    assert markup._may_hold_marks("a **b**")


# Offsets through the cleaning


def test_offsets_follow_the_whitespace_cleaning() -> None:
    text = "  **Первый**  абзац\t\u00a0с пробелами  \n\n\n\n  **второй\x00 абзац**  \r\n  __третий__  "
    result = read_markup(text)
    assert result.text == "Первый абзац с пробелами\n\nвторой абзац\nтретий"
    assert marked(text) == [("bold", "Первый"), ("bold", "второй абзац"), ("italic", "третий")]


def test_marks_found_between_a_letter_and_its_accent() -> None:
    """NFC may join characters across a removed mark: the text is still right."""
    for text in ("e**\u0301x**", "**e**\u0301 и **б**"):
        result = read_markup(text)
        assert result.text == clean_text(plain_of(text))
        check_invariants(result)
    assert read_markup("**e\u0301**").text == "é"
    assert marked("**e\u0301**") == [("bold", "é")]


def test_text_is_clean_text_of_the_input_without_its_marks() -> None:
    """Random strings of mark-like pieces, spaces and letters: the text is always what
    ``clean_text`` makes of the input without the recognised marks, the spans are sound."""
    pieces = [
        "*", "**", "***", "****", "_", "__", "____", "~~", "||", "`", "```", "[", "]", "(", ")", "](",
        "https://x.example/a_b", "t.me/x", " ", "  ", "\n", "\n\n\n", "\t", "\u00a0", "\r\n", "\x00", "\u3000",
        "а", "слово", "Б", "e\u0301", "\u0301", "»", "«", ".", ",", "-", "--", "ИГ", "7",
    ]  # fmt: skip
    generator = random.Random(20241126)
    for _ in range(3000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 24)))
        result = read_markup(text)
        assert result.text == clean_text(plain_of(text)), repr(text)
        check_invariants(result)


def test_marked_text_is_what_was_between_the_marks() -> None:
    words = ["альфа", "бета", "гамма", "дельта", "эпсилон"]
    generator = random.Random(7)
    marks = {"**": "bold", "__": "italic", "~~": "strike", "||": "spoiler", "`": "code"}
    for _ in range(300):
        chosen = generator.sample(words, 3)
        mark, kind = generator.choice(list(marks.items()))
        text = f"{chosen[0]} {mark}{chosen[1]}{mark} {chosen[2]}"
        assert read_markup(text).text == " ".join(chosen)
        assert marked(text) == [(kind, chosen[1])]


# JSON


def test_json_round_trip() -> None:
    result = read_markup('**Жирный** и [ссылка](https://example.com/путь?q="x") и ~~зачёркнутый~~')
    data = formats_to_json(result.formats)
    assert " " not in data.replace("https://example.com/путь", "")  # compact
    assert "путь" in data  # not escaped
    assert formats_from_json(data) == result.formats
    assert formats_to_json(()) == ""
    assert formats_from_json("") == () and formats_from_json(None) == ()
    assert formats_to_json([Format(0, 3, "bold")]) == '[[0,3,"bold"]]'


@pytest.mark.parametrize(
    "data",
    ["[", "{}", "null", "42", '"text"', "[1,2]", '[[0,"a","bold"]]', '[[5,2,"bold"]]', '[[0,1,"blink"]]',
     '[[true,2,"bold"]]', '[[0,2,"bold","https://x.example"]]', '[[0,2,"link",5]]', '[[-1,2,"bold"]]',
     "[" * 100_000, '[[0,1,"bold"]'],
)  # fmt: skip
def test_broken_json_gives_no_formatting(data: str) -> None:
    assert formats_from_json(data) == ()


def test_malformed_items_are_skipped_and_the_rest_kept() -> None:
    data = '[[0,2,"bold"],"junk",[1,1,"bold"],[3,9,"link","https://x.example"],[4,5,"italic",null]]'
    assert formats_from_json(data) == (
        Format(0, 2, "bold"),
        Format(3, 9, "link", "https://x.example"),
        Format(4, 5, "italic"),
    )


# Hostile input: every case would take minutes if the work grew with the square of the length


@pytest.mark.parametrize(
    "text",
    [
        "*" * 200_000,
        "[" * 200_000,
        "[" * 100_000 + "](https://x.example)",
        "](" * 100_000,
        "**a" * 60_000,
        "** " * 60_000,
        "https://a.example/" + "**x" * 60_000,
        "__a " * 50_000,
        "`a" * 100_000,
        "` " * 100_000,
        "```" + "````" * 50_000,
        "[a](https://x.example/" + "(" * 200_000,
        "~~a" * 60_000,
        "____a" * 40_000,
        "\u3000" * 100_000 + "**a**",
        "**a\n\n\n  \n" * 20_000,
    ],
    ids=lambda text: f"{text[:6]!r}x{len(text)}",
)
def test_hostile_input_finishes(text: str) -> None:
    result = read_markup(text)
    assert result.text == clean_text(plain_of(text))
    assert all(0 <= item.start < item.stop <= len(result.text) for item in result.formats)


# Real posts (skipped when the development corpora are absent)


@pytest.mark.corpora
def test_real_channel_posts_keep_the_invariants(corpora: Path) -> None:
    path = corpora / "news_tg_channel_posts.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        texts = [str(json.loads(line).get("text") or "") for line in lines]
    formatted = 0
    for text in texts:
        result = read_markup(text)
        check_invariants(result)
        assert "](http" not in result.text
        formatted += bool(result.formats)
    assert formatted > len(texts) // 3
