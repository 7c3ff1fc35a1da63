"""Helpers shared by the format readers: limits, titles, URLs and problem wording."""

from __future__ import annotations

import re
from collections.abc import Mapping

from viewer.text.normalise import clean_line, clean_text

MB = 1_000_000
# One article in one file never comes near this; a bigger file is a mistake (a log, a dump)
# and reading it whole would only stall the import.
SINGLE_ARTICLE_LIMIT = 20 * MB
# A JSON document must be parsed whole; above this the memory it needs is unreasonable.
JSON_DOCUMENT_LIMIT = 1000 * MB
# One record on one JSON Lines line: the same bound as a one-article file.
JSON_LINE_LIMIT = 20 * MB
TITLE_LIMIT = 200
# A file broken on every line would otherwise bury the import report.
MAX_PROBLEMS_PER_FILE = 100

_URL = re.compile(r"(?:https?|ftp)://[^\s/?#]+[^\s]*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\"»”)]|$)")
_LAST_WORD = re.compile(r"(\S+)$")
_FIRST_LINE = re.compile(r"[^\s\x00-\x1f\x7f\u200b\u200e\u200f\ufeff][^\n\r]*")
# Words after which a full stop rarely ends a Russian sentence in news text.
_ABBREVIATIONS = frozenset(
    {"т", "г", "гг", "ул", "им", "др", "пр", "см", "тыс", "млн", "млрд", "руб", "св", "ст",
     "д", "обл", "р", "н", "э", "проф", "акад", "ген", "чел", "кв", "трлн", "долл", "п"}
)  # fmt: skip


def describe_size(size: int) -> str:
    """A size the way people read it in a problem: '52.4 MB'."""
    if size >= 1000 * MB:
        return f"{size / (1000 * MB):.1f} GB"
    return f"{size / MB:.1f} MB"


def describe_limit(limit: int) -> str:
    """A limit as a round figure: '20 MB', '1 GB'."""
    if limit >= 1000 * MB:
        return f"{limit // (1000 * MB)} GB"
    return f"{limit // MB} MB"


def too_large(what: str, size: int, limit: int) -> str:
    """The problem for a file or line over its limit: '<what> (52.4 MB; limit 20 MB)'."""
    return f"{what} ({describe_size(size)}; limit {describe_limit(limit)})"


def title_from_text(text: str, limit: int = TITLE_LIMIT) -> str:
    """A title for an article that has none: its first sentence, cut at a word boundary.

    Telegram posts and many JSON dumps have no headline; the opening sentence is what a
    reader would use to tell articles apart in a list. A trailing full stop is dropped
    because titles do not end with one; '!', '?' and '…' are kept.
    """
    found = _FIRST_LINE.search(text)
    sentence = _first_sentence(clean_line(found.group()) if found else "")
    if len(sentence) > limit:
        cut = sentence[:limit]
        space = cut.rfind(" ")
        if space > limit // 2:
            cut = cut[:space]
        sentence = cut.rstrip(" ,;:—–-") + "…"
    elif sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    return clean_line(sentence)


def _first_sentence(line: str) -> str:
    """The line up to the first sentence end that is not an initial or an abbreviation."""
    for match in _SENTENCE_END.finditer(line):
        word = _LAST_WORD.search(line[: match.start()])
        if match.group() == "." and word is not None:
            token = word.group(1).strip('«"(').lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        return line[: match.end()]
    return line


def clean_url(value: object) -> str | None:
    """The URL if the value looks like an http(s)/ftp address, else None."""
    if not isinstance(value, str):
        return None
    candidate = value.strip()
    return candidate if _URL.fullmatch(candidate) else None


def optional_line(value: object) -> str | None:
    """A cleaned one-line field, or None when it is missing or blank."""
    if not isinstance(value, str):
        return None
    cleaned = clean_line(value)
    return cleaned or None


def with_locator(locator: str, reason: str) -> str:
    """'line 12: no text' for records inside a file; the bare reason for a whole file."""
    return f"{locator}: {reason}" if locator else reason


def scalar_to_text(value: object) -> str | None:
    """A scalar JSON value (or a flat list of them) as the string kept in ``extra``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return clean_text(value) or None
    if (
        isinstance(value, list)
        and value
        and all(
            isinstance(item, str | int | float) and not isinstance(item, bool) for item in value
        )
    ):
        joined = ", ".join(clean_line(str(item)) for item in value)
        return joined or None
    return None


def cap_problems(problems: list[str]) -> list[str]:
    """At most MAX_PROBLEMS_PER_FILE problems, then one line saying how many were left out."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    hidden = len(problems) - MAX_PROBLEMS_PER_FILE
    return [*problems[:MAX_PROBLEMS_PER_FILE], f"{hidden} more problems in this file not listed"]


def lower_keys(record: Mapping[str, object]) -> dict[str, str]:
    """Map each key's lower-case form to the key itself (first one wins)."""
    keys: dict[str, str] = {}
    for key in record:
        keys.setdefault(str(key).lower(), key)
    return keys
