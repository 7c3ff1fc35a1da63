from viewer.text.lemmas import lemmas, token_spans, words
from viewer.text.normalise import clean_line, clean_text, fold


def test_case_forms_share_a_lemma() -> None:
    assert set(lemmas("форум форума Форуму форумом форумов")) == {"форум"}
    assert set(lemmas("Казахстан Казахстана Казахстаном Казахстане")) == {"казахстан"}
    assert set(lemmas("Бурков Буркова Буркову Бурковым")) == {"бурков"}


def test_yo_is_folded() -> None:
    assert lemmas("ёлка") == lemmas("елка")
    assert words("Её") == ["ее"]


def test_hyphens_and_punctuation_separate_tokens() -> None:
    assert words("Касым-Жомарт Токаев, «Интерфакс-Сибирь»: 6.11.2019") == [
        "касым", "жомарт", "токаев", "интерфакс", "сибирь", "6", "11", "2019",
    ]


def test_token_spans_point_into_the_text() -> None:
    text = "В Омске — форум!"
    assert [(text[s:e], w) for s, e, w in token_spans(text)] == [
        ("В", "в"), ("Омске", "омске"), ("форум", "форум"),
    ]


def test_clean_text_normalises_without_losing_words() -> None:
    decomposed = "и\u0306"  # й as и + combining breve
    assert clean_text(f"  a{decomposed}\r\n\r\n\r\n\r\nb\x00c\t\td  ") == "aй\n\nbc d"
    assert clean_line(" Омск \n Здесь ") == "Омск Здесь"
    assert fold("ЁЖ") == "еж"
