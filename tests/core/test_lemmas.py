import random
import re
import unicodedata

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


def _clean_line_by_line(text: str) -> str:
    """The definition ``clean_text`` implements: each line's space runs collapsed and stripped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]", "", text)
    lines = [re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def test_clean_text_handles_every_mix_of_spaces_and_line_ends() -> None:
    pieces = [" ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2009", "\u202f", "\u2003", "\u3000", "\x85",
              "\u2028", "\x0b", "\x0c", "\x1c", "\x00", "\ufeff", "\u200b", "а", "б", "и\u0306", "x"]  # fmt: skip
    generator = random.Random(11)
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 16)))
        assert clean_text(text) == _clean_line_by_line(text), repr(text)
