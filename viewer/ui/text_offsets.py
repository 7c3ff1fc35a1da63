"""Python counts characters by code point, Qt by UTF-16 unit: a bridge between the two.

The core's spans (``matches``, ``snippet_spans``) are Python offsets; QTextDocument
positions and QTextLayout format ranges are UTF-16 offsets. They differ after any
character outside the Basic Multilingual Plane (emoji, some symbols).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

_BMP_END = "\uffff"


def utf16_mapper(text: str) -> Callable[[int], int]:
    """A function from code-point offsets in ``text`` to UTF-16 offsets."""
    if not text or max(text) <= _BMP_END:
        return lambda offset: offset
    astral = [i for i, ch in enumerate(text) if ch > _BMP_END]
    return lambda offset: offset + bisect_left(astral, offset)


def utf16_spans(text: str, spans: Iterable[tuple[int, int]], shift: int = 0) -> list[tuple[int, int]]:
    """``spans`` of ``text`` as (start, length) in UTF-16 units, each moved by ``shift``."""
    to16 = utf16_mapper(text)
    out = []
    for start, stop in spans:
        a, b = to16(start), to16(stop)
        if b > a:
            out.append((a + shift, b - a))
    return out


def code_point_mapper(text: str) -> Callable[[int], int]:
    """The inverse: UTF-16 offsets in ``text`` to code-point offsets."""
    if not text or max(text) <= _BMP_END:
        return lambda offset: offset
    starts = []  # UTF-16 offset of each astral character
    extra = 0
    for i, ch in enumerate(text):
        if ch > _BMP_END:
            starts.append(i + extra)
            extra += 1
    return lambda offset: offset - bisect_left(starts, offset)
