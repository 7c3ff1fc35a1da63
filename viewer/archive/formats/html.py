"""A saved news page (``.html``/``.htm``) into one article.

trafilatura finds the main text and guesses title, author, date and site name. The page's
own metadata (Open Graph, ``article:published_time``, JSON-LD, canonical link) is read here
first, because it is exact where trafilatura's guesses are day-precise or heuristic. When
trafilatura cannot be imported, the text of the page's ``<article>``/``<main>``/``<body>``
paragraphs is used instead, so a broken optional dependency costs quality, not the import.
Nothing is fetched: a page is read only from its bytes.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from viewer.archive.decoding import decode
from viewer.archive.formats.common import clean_url, optional_line, title_from_text
from viewer.archive.formats.dates import parse_date
from viewer.archive.records import FileContents, ParsedArticle
from viewer.text.normalise import clean_line, clean_text

__all__ = ["read_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "dc.date.issued", "dc.date", "date", "sailthru.date", "mediator_published_time",
)  # fmt: skip
_AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author")
_DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")


@dataclass
class _PageMeta:
    """What the page says about itself, each field None when it does not say."""

    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    site_name: str | None = None
    url: str | None = None


@dataclass
class _Extracted:
    """What trafilatura found; empty when it found nothing."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None


def read_html(data: bytes) -> FileContents:
    """One article from the bytes of a saved page; DecodeError propagates to the caller."""
    text = _XML_DECLARATION.sub("", decode(data, declared=_declared_charset(data)))
    if not text.strip():
        return FileContents(problems=["empty file (only whitespace)"])
    tree = _parse(text)
    if tree is None:
        return FileContents(problems=["not an HTML page (nothing could be parsed)"])
    meta = _page_meta(tree)
    extracted = _extract(text)
    guessed = extracted or _Extracted()
    title = meta.title or optional_line(guessed.title) or _title_tag(tree)
    body = clean_text(extracted.text) if extracted is not None else _fallback_text(tree)
    first_line, _, rest = body.partition("\n")
    if title and clean_line(first_line) == title:
        body = rest.strip()
    if not body:
        return FileContents(problems=["no article text found in the page"])
    return FileContents(articles=[_article(meta, guessed, title or "", body)])


def _article(meta: _PageMeta, guessed: _Extracted, title: str, body: str) -> ParsedArticle:
    """Merge the page's own metadata with trafilatura's guesses, the page's own first.

    With no site name, the outlet stays None even when the URL is known: the caller
    derives the outlet from the URL's host, with its aliases.
    """
    url = meta.url or clean_url(guessed.url)
    return ParsedArticle(
        title=title or title_from_text(body),
        body=body,
        outlet=meta.site_name or _real_site_name(guessed.site_name, url),
        author=meta.author or optional_line(guessed.author),
        published=meta.published or parse_date(guessed.date),
        url=url,
    )


def _declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag near the top declares, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _parse(text: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.LxmlError, ValueError):
        return None


def _page_meta(tree: lxml.html.HtmlElement) -> _PageMeta:
    """Title, author, date, site name and URL from meta tags, JSON-LD and the canonical link."""
    tags = _meta_tags(tree)
    ld = _json_ld(tree)
    meta = _PageMeta()
    meta.title = optional_line(tags.get("og:title")) or optional_line(ld.get("headline"))
    meta.author = next(
        (name for key in _AUTHOR_META if (name := _person(tags.get(key)))), None
    ) or _person(ld.get("author"))
    meta.published = (
        next((moment for key in _DATE_META if (moment := parse_date(tags.get(key)))), None)
        or parse_date(ld.get("datePublished"))
        or _time_element_date(tree)
    )
    meta.site_name = optional_line(tags.get("og:site_name")) or _person(ld.get("publisher"))
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    meta.url = clean_url(tags.get("og:url")) or (clean_url(canonical[0]) if canonical else None)
    return meta


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property/name/itemprop, first occurrence wins."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    return tags


def _json_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object that looks like an article (has a date or a headline)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            nodes = list(_ld_nodes(json.loads(script.text or "")))
        except (ValueError, RecursionError):
            continue
        for node in nodes:
            if "datePublished" in node or "headline" in node:
                return node
    return {}


def _ld_nodes(value: object) -> Iterator[dict[str, Any]]:
    """Objects in a JSON-LD value: itself, list members and ``@graph`` members."""
    if isinstance(value, list):
        for item in value:
            yield from _ld_nodes(item)
    elif isinstance(value, dict):
        yield value
        yield from _ld_nodes(value.get("@graph", []))


def _person(value: object) -> str | None:
    """A name from a string, a ``{"name": …}`` object or a list of them; URLs are not names."""
    if isinstance(value, list):
        names = [name for name in (_person(item) for item in value) if name]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        value = value.get("name")
    name = optional_line(value)
    return None if name is None or clean_url(name) else name


def _time_element_date(tree: lxml.html.HtmlElement) -> datetime | None:
    """The date of the first ``<time datetime=…>`` in the page (usually the article's)."""
    values = tree.xpath("//time/@datetime")
    return parse_date(str(values[0])) if values else None


def _title_tag(tree: lxml.html.HtmlElement) -> str | None:
    """The article's ``<h1>``, else the page's ``<title>``, for when nothing better is known.

    The heading comes first because ``<title>`` usually carries the site's name as well.
    """
    for xpath in ("//article//h1", "//h1", "//title"):
        for element in tree.xpath(xpath)[:1]:
            title = optional_line(element.text_content())
            if title:
                return title
    return None


def _real_site_name(site_name: str | None, url: str | None) -> str | None:
    """trafilatura's site name, unless it is only the URL's host (the caller derives that)."""
    name = optional_line(site_name)
    if name is None or url is None:
        return name
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return None if name.lower().removeprefix("www.") == host else name


@functools.cache
def _trafilatura() -> Any | None:
    """The trafilatura module, or None when it (or one of its dependencies) will not import."""
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def _extract(text: str) -> _Extracted | None:
    """trafilatura's main text and metadata; None when it cannot be imported or it breaks."""
    trafilatura = _trafilatura()
    if trafilatura is None:
        return None
    try:
        document = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception:
        # A third-party extractor on arbitrary saved pages: whatever breaks inside it must
        # not stop the import, and the plain reading below still gets the text.
        return None
    if document is None or isinstance(document, dict) or not document.text:
        return _Extracted()
    return _Extracted(
        text=document.text,
        title=document.title,
        author=document.author,
        date=document.date,
        site_name=document.sitename,
        url=document.url,
    )


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Paragraph text of the article (or main part, or body) when trafilatura is unavailable."""
    for element in list(tree.iter(*_DROPPED)):
        element.drop_tree()
    root = next(
        (found[0] for xpath in ("//article", "//main", "//body") if (found := tree.xpath(xpath))),
        tree,
    )
    blocks = [
        clean_line(element.text_content())
        for element in root.iter(*_BLOCKS)
        if not any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors())
    ]
    text = "\n".join(block for block in blocks if block)
    return clean_text(text or root.text_content())
