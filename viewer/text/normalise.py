"""Text normalisation shared by import, indexing and matching."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
_OTHER_SPACES = ("\t", "\u00a0", "\u2009", "\u202f")  # become plain spaces
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """NFC, unified line ends, no control characters, no runs of blank lines.

    Offsets used for highlighting refer to this cleaned text, which is what the
    archive stores and shows.
    """
    text = clean_characters(text)
    # String methods rather than a regular expression: they run several times faster over
    # Cyrillic text, and the import cleans every field of every article.
    while "  " in text:
        text = text.replace("  ", " ")
    text = "\n".join([line.strip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def clean_characters(text: str) -> str:
    """The character-level part of ``clean_text``: NFC, unified line ends, no control characters,
    odd spaces made plain. Nothing here moves one character relative to another."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    for space in _OTHER_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


def clean_line(text: str) -> str:
    """A single-line field (title, author, outlet): cleaned and joined into one line."""
    return " ".join(clean_text(text).split())


def fold(text: str) -> str:
    """Case- and ё-insensitive form for matching."""
    return text.casefold().replace("ё", "е")
