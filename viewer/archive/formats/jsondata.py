"""JSON Lines and JSON documents, plain or gzip-compressed, into articles.

JSON Lines is streamed line by line from the (possibly compressed) file, so a dump of a
hundred thousand articles never sits in memory as one string; each bad line becomes one
problem and the good lines around it still import. UTF-8 is tried per line, and a line that
is not UTF-8 is decoded on its own (Windows-1251 dumps exist). UTF-16/32 files, which cannot
be split into lines as bytes, are decoded whole.

A JSON document is parsed whole (up to 1 GB): an array of articles, an object holding the
array under "articles"/"items"/"data", or a single article object. A ``.json`` file that
turns out to hold one object per line is read as JSON Lines.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from viewer.archive.decoding import DecodeError, decode
from viewer.archive.formats.common import (
    JSON_DOCUMENT_LIMIT,
    JSON_LINE_LIMIT,
    too_large,
)
from viewer.archive.formats.jsonrecord import article_from_record
from viewer.archive.records import ArticleSink, FileContents

__all__ = ["read_json_document", "read_json_lines"]

LIST_KEYS = ("articles", "items", "data", "posts", "entries", "results", "documents", "records")
_HEAD_BYTES = 4096

_Stream = io.BufferedReader | gzip.GzipFile
_SKIP_CHUNK = 1024 * 1024


class _TooLarge(Exception):
    """The decompressed data passed its limit; carries the size read so far."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_json_lines(path: Path, compressed: bool, sink: ArticleSink | None = None) -> FileContents:
    """Articles from a JSON Lines file, one problem per line that does not hold one."""
    contents = FileContents(sink=sink)
    try:
        with _open(path, compressed) as stream:
            head = stream.peek(_HEAD_BYTES)[:_HEAD_BYTES]
            if _is_wide_text(head):
                _read_wide_json_lines(stream, contents)
            else:
                _read_utf8_json_lines(stream, contents)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        contents.problems.append(_gzip_problem(error))
    if not contents.articles and not contents.streamed and not contents.problems:
        contents.problems.append("empty file")
    return contents


def read_json_document(path: Path, compressed: bool) -> FileContents:
    """Articles from a JSON document (array, wrapper object or single object)."""
    if not compressed:
        size = path.stat().st_size
        if size > JSON_DOCUMENT_LIMIT:
            return FileContents(
                problems=[too_large("JSON file too large", size, JSON_DOCUMENT_LIMIT)]
            )
    try:
        with _open(path, compressed) as stream:
            data = _read_limited(stream, JSON_DOCUMENT_LIMIT)
    except _TooLarge as error:
        return FileContents(
            problems=[too_large("JSON data too large", error.size, JSON_DOCUMENT_LIMIT)]
        )
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        return FileContents(problems=[_gzip_problem(error)])
    try:
        text = decode(data)
    except DecodeError as error:
        return FileContents(problems=[error.reason])
    return parse_json_text(text)


def parse_json_text(text: str) -> FileContents:
    """Articles from the decoded text of a JSON document."""
    if not text.strip():
        return FileContents(problems=["empty file (only whitespace)"])
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            return _json_lines_from_text(text)
        return FileContents(problems=[_document_problem(text, error)])
    except (ValueError, RecursionError) as error:
        return FileContents(problems=[f"invalid JSON ({_short_reason(error)})"])
    return _articles_from_value(value)


def _articles_from_value(value: object) -> FileContents:
    """An array → one article per item; a wrapper object → its list; an object → one article."""
    items = value if isinstance(value, list) else _wrapped_list(value)
    contents = FileContents()
    if items is None:
        _add_record(contents, value, "")
        return contents
    if not items:
        contents.problems.append("no articles (the JSON array is empty)")
    for number, item in enumerate(items, start=1):
        _add_record(contents, item, f"item {number}")
    return contents


def _wrapped_list(value: object) -> list[object] | None:
    """The list of articles inside a wrapper object such as {"articles": [...]}."""
    if not isinstance(value, dict):
        return None
    for key, inner in value.items():
        if str(key).lower() in LIST_KEYS and isinstance(inner, list):
            return inner
    return None


def _add_record(contents: FileContents, record: object, locator: str) -> None:
    result = article_from_record(record, locator)
    if isinstance(result, str):
        contents.problems.append(result)
    else:
        contents.add_article(result)


def _add_line(contents: FileContents, text: str, number: int) -> None:
    """Parse one JSON Lines line (already decoded) into an article or a problem."""
    text = text.strip()
    if not text:
        return
    locator = f"line {number}"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        contents.problems.append(f"{locator}: invalid JSON ({error.msg})")
        return
    except (ValueError, RecursionError) as error:
        contents.problems.append(f"{locator}: invalid JSON ({_short_reason(error)})")
        return
    _add_record(contents, value, locator)


def _read_utf8_json_lines(stream: _Stream, contents: FileContents) -> None:
    """Stream the lines as bytes; decode each as UTF-8, or on its own when it is not."""
    for number, line, size in _lines(stream, JSON_LINE_LIMIT):
        if line is None:
            contents.problems.append(
                f"line {number}: {too_large('line too long', size, JSON_LINE_LIMIT)}"
            )
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = decode(line)
            except DecodeError as error:
                contents.problems.append(f"line {number}: {error.reason}")
                continue
        _add_line(contents, text, number)


def _read_wide_json_lines(stream: _Stream, contents: FileContents) -> None:
    """UTF-16/32 JSON Lines: decode the whole file, then go line by line."""
    try:
        data = _read_limited(stream, JSON_DOCUMENT_LIMIT)
    except _TooLarge as error:
        contents.problems.append(
            too_large("JSON Lines data too large", error.size, JSON_DOCUMENT_LIMIT)
        )
        return
    try:
        text = decode(data)
    except DecodeError as error:
        contents.problems.append(error.reason)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        _add_line(contents, line, number)


def _json_lines_from_text(text: str) -> FileContents:
    """A '.json' file with one value per line, read as JSON Lines if every line parses."""
    contents = FileContents()
    for number, line in enumerate(text.split("\n"), start=1):
        _add_line(contents, line, number)
    if any("invalid JSON" in problem for problem in contents.problems):
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            return FileContents(problems=[_document_problem(text, error)])
    return contents


def _lines(stream: _Stream, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line bytes, size) for each line; None instead of bytes when too long.

    An over-long line is skipped in chunks, never held whole, so a corrupt file with no
    newlines costs no more memory than the limit.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield number, None, size


def _open(path: Path, compressed: bool) -> _Stream:
    """The file as a binary stream, decompressed on the fly when it is gzip."""
    if compressed:
        return gzip.open(path, "rb")
    return path.open("rb")


def _read_limited(stream: _Stream, limit: int) -> bytes:
    """Read everything, but stop (raising _TooLarge) as soon as it passes ``limit``."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _TooLarge(len(data))
    return data


def _is_wide_text(head: bytes) -> bool:
    """UTF-16/32 (by mark, or by NUL bytes) cannot be split into lines as bytes."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in head


def _gzip_problem(error: BaseException) -> str:
    """What a broken gzip stream means for the person importing it."""
    if isinstance(error, EOFError):
        return "truncated gzip stream"
    if isinstance(error, gzip.BadGzipFile) and "Not a gzipped file" in str(error):
        return "not a gzip file (the name ends in .gz but the data is not compressed)"
    return f"corrupt gzip stream ({_short_reason(error)})"


def _document_problem(text: str, error: json.JSONDecodeError) -> str:
    """'truncated JSON' when the document stops early, else where and why it is invalid."""
    at_end = error.pos >= len(text.rstrip())
    if at_end or error.msg.startswith("Unterminated string"):
        return "truncated JSON"
    return f"invalid JSON at line {error.lineno}, column {error.colno} ({error.msg})"


def _short_reason(error: BaseException) -> str:
    """The first line of an error's message, kept short."""
    message = str(error).split("\n", 1)[0].strip()
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return message[:120] or type(error).__name__
