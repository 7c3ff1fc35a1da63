"""Reading one file on disk into article records.

``read_file`` picks the reader by the file's name, never raises for bad content, and puts
everything that went wrong into ``FileContents.problems`` as a sentence a person can act
on; good records in a partly bad file are still returned. Only OS errors (permission
denied, file vanished) propagate, for the caller to record.

Formats by name:

* ``.txt``, ``.md``, ``.text`` — one article: the seed layout or plain text (``text``).
* ``.html``, ``.htm`` — a saved page (``html``).
* ``.jsonl``, ``.ndjson`` (and ``.gz`` of them) — one article per line (``jsondata``).
* ``.json`` (and ``.json.gz``) — an array, a wrapper object or one article (``jsondata``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from viewer.archive.decoding import DecodeError, decode
from viewer.archive.formats.common import SINGLE_ARTICLE_LIMIT, cap_problems, too_large
from viewer.archive.formats.html import read_html
from viewer.archive.formats.jsondata import read_json_document, read_json_lines
from viewer.archive.formats.text import read_text_article
from viewer.archive.records import ArticleSink, FileContents

__all__ = ["SUPPORTED_SUFFIXES", "is_supported", "read_file"]

_TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_JSON_DOCUMENT_SUFFIXES = frozenset({".json"})
_COMPRESSIBLE = _JSON_LINES_SUFFIXES | _JSON_DOCUMENT_SUFFIXES

#: Suffixes ``read_file`` handles; ".gz" stands for ".jsonl.gz", ".ndjson.gz" and ".json.gz".
SUPPORTED_SUFFIXES: frozenset[str] = (
    _TEXT_SUFFIXES | _HTML_SUFFIXES | _COMPRESSIBLE | frozenset({".gz"})
)


def is_supported(path: Path) -> bool:
    """Whether ``read_file`` knows the file by its name (``x.jsonl.gz`` yes, ``x.tar.gz`` no)."""
    return _format_of(path) is not None


def read_file(path: Path, sink: ArticleSink | None = None) -> FileContents:
    """The articles in one file and the problems met reading it.

    Raises OSError only when the file cannot be read at all. A ``sink`` receives the
    articles of JSON Lines files as they are read (see ``FileContents``).
    """
    kind = _format_of(path)
    if kind is None:
        suffix = "".join(path.suffixes[-2:]) or "no suffix"
        return FileContents(problems=[f"unsupported file type ({suffix})"])
    suffix, compressed = kind
    if suffix in _JSON_LINES_SUFFIXES:
        contents = read_json_lines(path, compressed, sink)
    elif suffix in _JSON_DOCUMENT_SUFFIXES:
        contents = read_json_document(path, compressed)
    elif suffix in _HTML_SUFFIXES:
        contents = _read_single_article(path, read_html)
    else:
        contents = _read_single_article(path, _read_text)
    contents.problems = cap_problems(contents.problems)
    return contents


def _format_of(path: Path) -> tuple[str, bool] | None:
    """(format suffix, gzip-compressed) from the file name, or None when unsupported."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name.removesuffix(".gz")
    suffix = Path(name).suffix
    if compressed:
        return (suffix, True) if suffix in _COMPRESSIBLE else None
    if suffix in SUPPORTED_SUFFIXES:
        return suffix, False
    return None


def _read_single_article(path: Path, parse: Callable[[bytes], FileContents]) -> FileContents:
    """Size check first (without reading), then the whole file's bytes to ``parse``."""
    size = path.stat().st_size
    if size > SINGLE_ARTICLE_LIMIT:
        problem = too_large("file too large for a single article", size, SINGLE_ARTICLE_LIMIT)
        return FileContents(problems=[problem])
    data = path.read_bytes()
    try:
        return parse(data)
    except DecodeError as error:
        return FileContents(problems=[error.reason])


def _read_text(data: bytes) -> FileContents:
    text = decode(data)
    if not text.strip():
        return FileContents(problems=["empty file (only whitespace)"])
    return read_text_article(text)
