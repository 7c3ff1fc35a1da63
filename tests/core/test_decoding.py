"""Decoding file bytes: byte-order marks, UTF-8, UTF-16/32, Windows-1251 vs KOI8-R, binary."""

from __future__ import annotations

import codecs

import pytest

from viewer.archive.decoding import DecodeError, decode, detect_encoding

LONG_TEXT = (
    "Вчера вечером в городском парке открылась новая библиотека под открытым небом. "
    "Жители района приносили книги из дома, а волонтёры расставляли их по полкам. "
    "По словам организаторов, за первый час посетители взяли почитать больше сотни книг. "
    "Летом библиотека будет работать ежедневно, кроме понедельника, с десяти утра до девяти "
    "вечера.\nВ случае дождя книги укроют специальными чехлами, поэтому ничего не пострадает."
)
SHORT_TEXT = "Мэр открыл мост."
HEADLINE_CAPS = "СРОЧНО: ВЬЮГА ЗАКРЫЛА ТРАССУ"
RARE_LETTERS = "ёжик в тумане"


def _with_bom(text: str, encoding: str) -> bytes:
    """The text in one of the wide encodings, with its byte-order mark."""
    marks = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    return marks[encoding] + text.encode(encoding)


@pytest.mark.parametrize("text", [LONG_TEXT, SHORT_TEXT, HEADLINE_CAPS, RARE_LETTERS])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"])
def test_russian_text_in_each_encoding_decodes_exactly(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_byte_order_marks_of_both_byte_orders(encoding: str) -> None:
    assert decode(_with_bom(LONG_TEXT, encoding)) == LONG_TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_mark_is_recognised_by_its_nul_pattern(encoding: str) -> None:
    assert decode(LONG_TEXT.encode(encoding)) == LONG_TEXT


def test_cp1251_and_koi8r_are_not_confused_either_way() -> None:
    assert detect_encoding(LONG_TEXT.encode("cp1251")) == "cp1251"
    assert detect_encoding(LONG_TEXT.encode("koi8-r")) == "koi8-r"


def test_windows_1251_typography_survives() -> None:
    text = "«Ёлки» — спектакль № 5 для детей…"
    assert decode(text.encode("cp1251")) == text


def test_declared_encoding_settles_what_content_cannot() -> None:
    data = "Привет, мир".encode("koi8-r")
    assert decode(data, declared="KOI8-R") == "Привет, мир"


def test_wrong_declaration_loses_to_the_content() -> None:
    data = LONG_TEXT.encode("cp1251")
    assert decode(data, declared="koi8-r") == LONG_TEXT


def test_unknown_declaration_is_ignored() -> None:
    assert decode(LONG_TEXT.encode("cp1251"), declared="no-such-charset") == LONG_TEXT


def test_utf8_with_one_broken_byte_keeps_the_rest() -> None:
    broken = LONG_TEXT[:30].encode("utf-8") + b"\xff" + LONG_TEXT[30:].encode("utf-8")
    text = decode(broken)
    assert "\ufffd" in text
    assert text.replace("\ufffd", "") == LONG_TEXT


def test_plain_ascii_is_utf8() -> None:
    assert decode(b"Plain old ASCII.\n") == "Plain old ASCII.\n"


def test_empty_data_is_an_error() -> None:
    with pytest.raises(DecodeError, match=r"^empty file$"):
        decode(b"")


def test_png_with_nul_bytes_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00"
    with pytest.raises(DecodeError) as caught:
        decode(png * 10)
    assert caught.value.reason == "binary file (contains NUL bytes)"


def test_control_character_soup_is_not_text() -> None:
    data = bytes(range(1, 256)) * 8
    with pytest.raises(DecodeError, match=r"not valid UTF-8 or a Russian 8-bit encoding|binary"):
        decode(data)


def test_bom_followed_by_garbage_says_so() -> None:
    data = codecs.BOM_UTF16_LE + b"\x00\xd8"  # a lone surrogate
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode(data)


def test_decode_error_is_a_value_error() -> None:
    assert issubclass(DecodeError, ValueError)
    assert DecodeError("empty file").reason == "empty file"
