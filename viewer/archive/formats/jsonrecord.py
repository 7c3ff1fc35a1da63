"""One JSON object → one article, by the field names news dumps usually use.

Field names are matched without regard to case, first name in each list first. Values are
cleaned; Markdown-style marks in the text and title (Telegram exports: ``**bold**``,
``[label](url)``) become formatting (``viewer.text.markup``), HTML tags stay literal text.
The record's own id (``id``, ``guid``) is kept as its ``source_id``. Other scalar fields
(``summary``, keyword lists) are kept in ``extra`` as strings, so nothing a dump carries is
silently lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from viewer.archive.formats.common import (
    clean_url,
    lower_keys,
    optional_line,
    scalar_to_text,
    title_from_text,
    with_locator,
)
from viewer.archive.formats.dates import parse_date
from viewer.archive.records import ParsedArticle
from viewer.text.markup import MarkedText, formats_to_json, read_markup
from viewer.text.normalise import clean_line

__all__ = ["article_from_record"]

TITLE_KEYS = ("title", "headline", "name")
TEXT_KEYS = (
    "text", "body", "content", "article", "full_text", "fulltext", "article_text", "content_text",
)  # fmt: skip
DATE_KEYS = (
    "date", "published", "pubdate", "published_at", "datepublished", "publishedat",
    "date_published", "pub_date", "time", "timestamp",
)  # fmt: skip
AUTHOR_KEYS = ("author", "authors", "byline")
OUTLET_KEYS = ("source", "outlet", "site", "site_name", "publisher")
URL_KEYS = ("url", "link")
SOURCE_ID_KEYS = ("id", "guid", "uuid", "_id")

_T = TypeVar("_T")


def article_from_record(record: object, locator: str) -> ParsedArticle | str:
    """The article in a JSON value, or the problem (with its locator) if there is none."""
    if not isinstance(record, Mapping):
        kind = _json_kind(record)
        return with_locator(locator, f"not a JSON object (found {kind})")
    keys = lower_keys(record)
    used: set[str] = set()

    body_key, marked = _first_value(record, keys, TEXT_KEYS, _text_value)
    if marked is None:
        return with_locator(locator, "no text")
    used.add(body_key)
    body = marked.text
    source_key, source_id = _first_value(record, keys, SOURCE_ID_KEYS, _source_id_value)
    used.add(source_key)

    author_key, author = _first_value(record, keys, AUTHOR_KEYS, _author_value)
    outlet_key, outlet = _first_value(record, keys, OUTLET_KEYS, _outlet_value)
    used.update((author_key, outlet_key))
    extra: dict[str, str] = {}
    title, url = _title_and_url(record, keys, used, extra)
    published = _published(record, keys, used, extra)
    extra.update(_extra_fields(record, used))
    return ParsedArticle(
        title=title or title_from_text(body),
        body=body,
        outlet=outlet,
        author=author,
        published=published,
        url=url,
        locator=locator,
        source_id=source_id,
        formats=formats_to_json(marked.formats),
        extra=extra,
    )


def _title_and_url(
    record: Mapping[str, object], keys: dict[str, str], used: set[str], extra: dict[str, str]
) -> tuple[str | None, str | None]:
    """Title and URL, put right when a dump has them the wrong way round.

    A title that is nothing but a URL is not a headline: it becomes the URL when the URL
    field holds none, and a non-URL text in the URL field then becomes the title. A URL
    field that holds anything else is kept in ``extra`` as "url_raw".
    """
    title_key, title = _first_value(record, keys, TITLE_KEYS, _title_value)
    url_key, url = _first_value(record, keys, URL_KEYS, clean_url)
    used.update((title_key, url_key))
    raw_url = None
    if url is None and (present := _first_present(record, keys, URL_KEYS)) is not None:
        used.add(present[0])
        raw_url = scalar_to_text(present[1])
    if title is not None and clean_url(title) is not None:
        url, title = url or title, None
        if raw_url is not None:
            title, raw_url = clean_line(raw_url), None
    if raw_url:
        extra["url_raw"] = raw_url
    return title, url


def _published(
    record: Mapping[str, object], keys: dict[str, str], used: set[str], extra: dict[str, str]
) -> datetime | None:
    """The publication date; an unreadable one is kept in ``extra`` as "date_raw"."""
    present = _first_present(record, keys, DATE_KEYS)
    if present is None:
        return None
    used.add(present[0])
    published = parse_date(present[1])
    if published is None and (text := scalar_to_text(present[1])):
        extra["date_raw"] = text
    return published


def _first_value(
    record: Mapping[str, object],
    keys: dict[str, str],
    names: Sequence[str],
    convert: Callable[[object], _T | None],
) -> tuple[str, _T | None]:
    """The first of ``names`` whose value converts to something; its key and that value."""
    for name in names:
        key = keys.get(name)
        if key is None:
            continue
        value = convert(record[key])
        if value:
            return key, value
    return "", None


def _first_present(
    record: Mapping[str, object], keys: dict[str, str], names: Sequence[str]
) -> tuple[str, object] | None:
    """The first of ``names`` that is present with a non-null, non-empty value."""
    for name in names:
        key = keys.get(name)
        if key is not None and record[key] not in (None, "", [], {}):
            return key, record[key]
    return None


def _text_value(value: object) -> MarkedText | None:
    """Article text, without its markup marks, from a string or a list of paragraphs.

    A list of strings is joined with newlines; a list mixing strings and ``{"text": …}``
    pieces (Telegram exports split formatting that way) is joined with nothing between.
    """
    if isinstance(value, list):
        pieces = [_piece_text(item) for item in value]
        inline = any(isinstance(item, Mapping) for item in value)
        value = ("" if inline else "\n").join(piece for piece in pieces if piece)
    if not isinstance(value, str):
        return None
    marked = read_markup(value)
    return marked if marked.text else None


def _title_value(value: object) -> str | None:
    """A one-line title without markup marks (``**Срочно**`` is the word, not the stars)."""
    return optional_line(read_markup(value).text) if isinstance(value, str) else None


def _source_id_value(value: object) -> str | None:
    """The record's own id: a string or a whole number (not a flag, a fraction or an object)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return optional_line(str(value))


def _piece_text(item: object) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping) and isinstance(item.get("text"), str):
        return str(item["text"])
    return ""


def _author_value(value: object) -> str | None:
    """An author from a name, a ``{"name": …}`` object, or a list of either."""
    if isinstance(value, list):
        names = [name for name in (_author_value(item) for item in value) if name]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, Mapping):
        return optional_line(value.get("name"))
    return optional_line(value)


def _outlet_value(value: object) -> str | None:
    """An outlet from a name or a ``{"name": …}`` object (as in NewsAPI's ``source``)."""
    if isinstance(value, Mapping):
        return optional_line(value.get("name")) or optional_line(value.get("title"))
    return optional_line(value)


def _extra_fields(record: Mapping[str, object], used: set[str]) -> dict[str, str]:
    """The remaining scalar fields, as strings."""
    extra: dict[str, str] = {}
    for key, value in record.items():
        if key in used:
            continue
        text = scalar_to_text(value)
        if text:
            extra[clean_line(str(key))] = text
    return extra


def _json_kind(value: object) -> str:
    """What a JSON value is, in JSON's words."""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "null" if value is None else type(value).__name__
