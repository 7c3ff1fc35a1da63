"""One article in a text file: the project's seed layout, or plain text.

Seed layout (``.txt``/``.md``)::

    # Title
    Published at: **2019-11-06T00:00:00+00:00**
    Author: **Name**            (``****`` means no author)
    Original: [Outlet](https://example.ru/news/1)
    <body>

Blank lines may come anywhere before the body, the header lines in any order. The file is
read this way when its first non-blank line is a ``# `` title and at least one header line
follows; the body is everything after the header lines.

Markdown-style marks in the title and body (``**bold**``, ``[label](url)``) become formatting
(``viewer.text.markup``); the stored text is plain.

Anything else is plain text: the first non-blank line is the title, the rest the body.
A Markdown ``# Title`` without header lines is plain text too, with the ``#`` marks
dropped from the title, since a lone heading says nothing about the other fields. When
there is no second line, or the first line is a paragraph rather than a headline (longer
than a title can be), the title is the first sentence and the body is the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from viewer.archive.formats.common import TITLE_LIMIT, clean_url, optional_line, title_from_text
from viewer.archive.formats.dates import parse_date
from viewer.archive.records import FileContents, ParsedArticle
from viewer.text.markup import formats_to_json, read_markup
from viewer.text.normalise import clean_line, clean_text

__all__ = ["read_text_article"]

_SEED_TITLE = re.compile(r"#\s+(\S.*)")
_HEADING = re.compile(r"#+\s+(\S.*)")
_HEADER = re.compile(
    r"(?P<key>published(?:\s+at)?|date|author|original|source)\s*:\s*(?P<value>.*)",
    re.IGNORECASE,
)
_BOLD = re.compile(r"\*\*(.*)\*\*")
_LINK = re.compile(r"\[(?P<label>[^\]]*)\]\(\s*(?P<url>[^)\s]*)\s*\)")


@dataclass
class _Headers:
    """The header lines of a seed-layout file, as found (values still raw)."""

    published: str | None = None
    author: str | None = None
    original: str | None = None
    seen: set[str] = field(default_factory=set)


def read_text_article(text: str) -> FileContents:
    """One article from decoded text, in the seed layout if it is one, else as plain text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    article = _seed_article(lines)
    if article is None:
        article = _plain_article(lines)
    marked = read_markup(article.body)
    if not marked.text:
        return FileContents(problems=["no article text after the title"])
    title = clean_line(read_markup(article.title).text) or title_from_text(marked.text)
    return FileContents(
        articles=[replace(article, title=title, body=marked.text, formats=formats_to_json(marked.formats))]
    )


def _seed_article(lines: list[str]) -> ParsedArticle | None:
    """The article if ``lines`` are in the seed layout, else None."""
    start = _first_non_blank(lines, 0)
    if start is None:
        return None
    title_match = _SEED_TITLE.fullmatch(lines[start].strip())
    if title_match is None:
        return None
    headers, body_start = _read_headers(lines, start + 1)
    if not headers.seen:
        return None
    outlet, url = _parse_original(headers.original)
    published = parse_date(_unbold(headers.published)) if headers.published else None
    extra = {}
    if headers.published and published is None and _unbold(headers.published):
        extra["date_raw"] = _unbold(headers.published)
    return ParsedArticle(
        title=clean_line(title_match.group(1)),
        body=clean_text("\n".join(lines[body_start:])),
        outlet=outlet,
        author=optional_line(_unbold(headers.author or "")),
        published=published,
        url=url,
        extra=extra,
    )


def _read_headers(lines: list[str], index: int) -> tuple[_Headers, int]:
    """Header lines from ``index`` on, skipping blanks; returns them and where the body starts."""
    headers = _Headers()
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        match = _HEADER.fullmatch(line)
        if match is None:
            break
        key = _header_key(match.group("key"))
        if key in headers.seen:
            break
        headers.seen.add(key)
        setattr(headers, key, match.group("value").strip())
        index += 1
    return headers, index


def _header_key(name: str) -> str:
    """The field a header line fills: 'Published at'/'Date' → published, 'Source' → original."""
    name = name.lower()
    if name.startswith("published") or name == "date":
        return "published"
    if name == "source":
        return "original"
    return name


def _unbold(value: str | None) -> str:
    """'**x**' → 'x'; '****' → ''; values without the stars are kept as they are."""
    if value is None:
        return ""
    match = _BOLD.fullmatch(value.strip())
    return (match.group(1) if match else value).strip()


def _parse_original(value: str | None) -> tuple[str | None, str | None]:
    """Outlet and URL from '[Outlet](URL)', a bare URL, or a bare outlet name."""
    if not value:
        return None, None
    match = _LINK.search(value)
    if match is not None:
        return optional_line(match.group("label")), clean_url(match.group("url"))
    bare = _unbold(value)
    url = clean_url(bare)
    if url is not None:
        return None, url
    return optional_line(bare), None


def _plain_article(lines: list[str]) -> ParsedArticle:
    """First non-blank line as the title, the rest as the body (see the module docstring)."""
    start = _first_non_blank(lines, 0)
    if start is None:
        return ParsedArticle(title="", body="")
    first = lines[start].strip()
    heading = _HEADING.fullmatch(first)
    if heading is not None:
        first = heading.group(1)
    title = clean_line(first)
    body = clean_text("\n".join(lines[start + 1 :]))
    if not body or len(title) > TITLE_LIMIT:
        whole = clean_text("\n".join([first, *lines[start + 1 :]]))
        return ParsedArticle(title=title_from_text(whole), body=whole)
    return ParsedArticle(title=title, body=body)


def _first_non_blank(lines: list[str], index: int) -> int | None:
    """Index of the first line at or after ``index`` with something in it."""
    for position in range(index, len(lines)):
        if lines[position].strip():
            return position
    return None
