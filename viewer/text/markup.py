"""Markdown-style marks of Telegram exports → plain text plus formatting spans.

Telegram's exporters (and the data sets built from them) write a post's formatting as
Markdown-like marks: ``**bold**``, ``__italic__``, ``~~strike~~``, ``||spoiler||``,
```code```, ````` ```pre``` ````` and ``[label](url)``. The archive stores and searches the
plain text, so the marks must go, and the formatting is kept aside as spans over that text
for the reader to draw. ``read_markup`` does both.

The same function also sees every other article (news sites, Хабр), whose text never meant
any of these characters as markup: footnote stars (``ИГ*``, ``«Аль-Каида»**`` and the
``** «Аль-Каида» — …`` lines that explain them), censored words (``б**дь``), ``[1]``,
``x || y`` in a page's script, ``__init__``, ``snake_case``, URLs with ``_`` and ``*``.
Such text must come out unchanged, while real Telegram markup, sloppy as it is, comes out
as a reader expects. The rules:

* A mark is a run of exactly two ``*``, ``_``, ``~`` or ``|``; a run of four is a closing
  mark straight followed by an opening one (``__A____B__``), three stars a footnote star
  glued to a closing mark (``WhatsApp***``); any other run is text. ``--`` is never a
  mark: it is a dash in Russian text.
* ``__``, ``~~`` and ``||`` are never marks between two word characters (``snake__case``,
  ``a||b``); ``~~`` and ``||`` never between two spaces (``a || b``). A ``__`` pair around a
  lowercase ASCII identifier (``__init__``, ``__name__``) is a Python name, not italics.
  Nothing in a bare URL is a mark when the URL goes on after it (``…/a__b``), nor anything
  in a link's url or in code.
* Marks pair left to right over the whole text (bold may span paragraphs), kind by kind,
  in the strictest reading that pairs them all (``_Parser._pair_all`` says which readings
  there are): strictly, an opening mark starts a word, a closing one may follow a space
  (``**Ипотека всё. **``). Telegram puts marks exactly at entity edges, so its marks may
  also sit after a word before a space (``невозмутимо** подняла``) or inside a word
  (``здоровь**я``); a looser reading that toggles on every mark is only used where it
  cannot pair up news sites' footnote stars or code.
* Unpaired marks are text, except an unpaired ``**`` that opens the text (a title that
  lost its closing mark) or, in a text with other markup, touches a space or a line edge
  (Telegram leaves such strays around line breaks).
* ``[label](url)`` is a link when the url starts with ``http://``, ``https://``, ``tg://``,
  ``mailto:`` or ``www.``, or is a bare domain (``t.me/…``); brackets nest, a link inside a
  link is not one, a url may hold one level of balanced parentheses, and the label may
  hold marks. A link with an empty label leaves nothing. Bare URLs stay as they are.
* A single backtick opens inline code unless it sits between two letters or digits
  (``d`Enquetes``: an apostrophe); the code ends at the next such backtick within
  ``_CODE_LIMIT`` characters. Three backticks open a block that ends at the next three.
  Both are ``"code"`` spans.

The text that comes out is exactly ``clean_text`` of the input with the recognised marks
removed (link syntax replaced by its label), so offsets agree with everything else the
archive stores. The marks are looked for after the character-level part of the cleaning
(NFC, line ends, control characters, odd spaces); the rest of the cleaning (runs of spaces,
line edges, blank lines) is then done as a list of replacements that the spans are moved
through. A span never starts or ends with whitespace, spans that become empty are
dropped, touching spans of one kind (and url) are merged. Spans of one kind never overlap;
spans of different kinds may nest or cross.

Speed: the import reads every article through here. Text with none of the mark characters
(or only stray ones) costs a few substring searches on top of ``clean_text``; the rest is
regular expressions and string methods, with Python loops only over the marks found, and
every look-ahead or look-back is bounded, so hostile input stays linear.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from viewer.text.markup_parser import MarkParser, Span, is_space
from viewer.text.normalise import clean_characters, clean_text

__all__ = ["KINDS", "Format", "MarkedText", "formats_from_json", "formats_to_json", "read_markup"]

KINDS = ("bold", "italic", "strike", "spoiler", "code", "link")


@dataclass(frozen=True)
class Format:
    """One formatted stretch of a ``MarkedText``: ``text[start:stop]`` is what was marked.

    Offsets are Python ``str`` offsets, ``stop`` exclusive. ``url`` is set only for links and
    is kept exactly as written: deciding what is safe to open is the viewer's business.
    """

    start: int
    stop: int
    kind: str
    url: str | None = None


@dataclass(frozen=True)
class MarkedText:
    """Plain text (as ``clean_text`` makes it) and its formatting, sorted by position."""

    text: str
    formats: tuple[Format, ...]



# Whitespace that ``clean_text`` may change inside the text: runs of two or more whitespace
# characters (a lone space or line break stays as it is). ``\s`` is exactly
# ``str.isspace``, which ``str.strip`` (and so ``clean_text``) uses.
_WHITESPACE_RUN = re.compile(r"\s\s+")
_SPACE_RUN = re.compile(r" {2,}")



def read_markup(text: str) -> MarkedText:
    """The plain text of ``text`` and its formatting (see the module docstring for the rules).

    ``MarkedText.text`` is ``clean_text`` of the input with the recognised marks removed;
    text without any mark costs one scan more than ``clean_text``.
    """
    if not _may_hold_marks(text):
        return MarkedText(clean_text(text), ())
    prepared = clean_characters(text)
    deletions, spans = MarkParser(prepared).parse()
    if not deletions:
        return MarkedText(clean_text(prepared), ())
    plain, spans = _delete(prepared, deletions, spans)
    if not unicodedata.is_normalized("NFC", plain):
        plain, spans = _compose(plain, spans)
    cleaned, spans = _clean_spaces(plain, spans)
    return MarkedText(cleaned, _finish(cleaned, spans))


def _may_hold_marks(text: str) -> bool:
    """Whether ``text`` has anything that could be a mark: the fast path's test.

    Most news-site articles have none of the mark characters, and most of the rest only
    stray ones: ``ИГ*``, ``[1]``, or ``a || b`` in a page's script, where a spoiler mark
    cannot stand between two spaces. Searching for one character, then for two, is several
    times faster than one regular expression for all the marks.
    """
    if (
        ("*" in text and "**" in text)
        or ("_" in text and "__" in text)
        or ("~" in text and "~~" in text)
        or "`" in text
        or ("[" in text and "](" in text)
    ):
        return True
    if "|" not in text:
        return False
    position = text.find("||")
    while position >= 0:
        end = position + 2
        if not (is_space(text[position - 1] if position else "") and is_space(text[end : end + 1])):
            return True
        position = text.find("||", end)
    return False


def formats_to_json(formats: Iterable[Format]) -> str:
    """Compact JSON for the archive: ``[[start,stop,"kind"],[start,stop,"link","url"],…]``.

    No formatting is the empty string (not ``"[]"``), the archive's column default, so the
    many articles without markup cost nothing.
    """
    rows: list[list[object]] = []
    for item in formats:
        row: list[object] = [item.start, item.stop, item.kind]
        if item.url is not None:
            row.append(item.url)
        rows.append(row)
    if not rows:
        return ""
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def formats_from_json(data: str | None) -> tuple[Format, ...]:
    """What ``formats_to_json`` wrote; anything unreadable is left out, never an error.

    A damaged or hand-edited archive must still open, so broken JSON gives no formatting at
    all, and a malformed item (wrong types, unknown kind, empty or negative range) is
    skipped while the rest is kept.
    """
    if not data:
        return ()
    try:
        rows = json.loads(data)
    except (ValueError, RecursionError):
        return ()
    if not isinstance(rows, list):
        return ()
    formats: list[Format] = []
    for row in rows:
        if not isinstance(row, list) or len(row) not in (3, 4):
            continue
        start, stop, kind = row[:3]
        url = row[3] if len(row) == 4 else None
        if not (_is_offset(start) and _is_offset(stop) and start < stop and kind in KINDS):
            continue
        if url is not None and (not isinstance(url, str) or kind != "link"):
            continue
        formats.append(Format(start, stop, kind, url))
    return tuple(formats)


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0



def _delete(text: str, deletions: list[tuple[int, int]], spans: list[Span]) -> tuple[str, list[Span]]:
    """``text`` without the marks, and the spans moved along."""
    deletions.sort()
    pieces: list[str] = []
    ends: list[int] = []
    removed: list[int] = [0]  # removed[k]: characters deleted by the first k deletions
    last = 0
    for start, end in deletions:
        start = max(start, last)  # never overlap (defensive: marks are disjoint)
        if end <= start:
            continue
        pieces.append(text[last:start])
        ends.append(end)
        removed.append(removed[-1] + end - start)
        last = end
    pieces.append(text[last:])

    def moved(position: int) -> int:
        return position - removed[bisect_right(ends, position)]

    return "".join(pieces), [(moved(a), moved(b), kind, url) for a, b, kind, url in spans]


def _compose(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """NFC for text whose marks stood between a letter and its combining accent.

    The pieces between span edges are composed one by one; if that differs from composing
    the whole text (an accent now joins a letter across a span edge), the text still comes
    out right and only the formatting is given up: this never happens in real text.
    """
    whole = unicodedata.normalize("NFC", text)
    edges = sorted({0, len(text), *(a for a, _, _, _ in spans), *(b for _, b, _, _ in spans)})
    moved: dict[int, int] = {0: 0}
    pieces: list[str] = []
    length = 0
    for a, b in pairwise(edges):
        piece = unicodedata.normalize("NFC", text[a:b])
        pieces.append(piece)
        length += len(piece)
        moved[b] = length
    if "".join(pieces) != whole:
        return whole, []
    return whole, [(moved[a], moved[b], kind, url) for a, b, kind, url in spans]


def _clean_spaces(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """The whitespace part of ``clean_text`` (runs of spaces, line edges, blank lines, the
    ends of the text) as a list of replacements, so that span offsets can follow it.

    A span edge inside replaced whitespace moves to the inner side of it: a start after the
    replacement, a stop before it (``**Ипотека всё. **`` is bold up to the full stop).
    """
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    if lead >= len(text):
        return "", []
    edits: list[tuple[int, int, str]] = []
    if lead:
        edits.append((0, lead, ""))
    for match in _WHITESPACE_RUN.finditer(text, lead, tail):
        run = match.group()
        newlines = run.count("\n")
        # Lines are stripped, so a run with line breaks is only its line breaks, at most two.
        replacement = ("\n\n" if newlines > 1 else "\n") if newlines else _SPACE_RUN.sub(" ", run)
        if replacement != run:
            edits.append((match.start(), match.end(), replacement))
    if tail < len(text):
        edits.append((tail, len(text), ""))
    if not edits:
        return text, spans

    pieces: list[str] = []
    starts: list[int] = []
    new_starts: list[int] = []
    shift_after: list[int] = []
    shift = 0
    last = 0
    for start, end, replacement in edits:
        pieces += [text[last:start], replacement]
        starts.append(start)
        new_starts.append(start - shift)
        shift += end - start - len(replacement)
        shift_after.append(shift)
        last = end
    pieces.append(text[last:])

    def moved(position: int, is_start: bool) -> int:
        k = bisect_right(starts, position) - 1
        if k < 0:
            return position
        if position <= edits[k][1]:
            return new_starts[k] + (len(edits[k][2]) if is_start else 0)
        return position - shift_after[k]

    return "".join(pieces), [(moved(a, True), moved(b, False), kind, url) for a, b, kind, url in spans]


def _finish(text: str, spans: list[Span]) -> tuple[Format, ...]:
    """Spans trimmed of whitespace at their edges, empty ones dropped, touching ones of a
    kind merged, in reading order."""
    kept: list[Span] = []
    for start, stop, kind, url in spans:
        start, stop = max(start, 0), min(stop, len(text))
        if start >= stop:
            continue
        inside = text[start:stop]
        stripped = inside.strip()
        if not stripped:
            continue
        start += len(inside) - len(inside.lstrip())
        kept.append((start, start + len(stripped), kind, url))
    kept.sort(key=lambda span: (span[2], span[3] or "", span[0]))
    merged: list[Span] = []
    for span in kept:
        if merged:
            start, stop, kind, url = merged[-1]
            if kind == span[2] and url == span[3] and span[0] <= stop:
                merged[-1] = (start, max(stop, span[1]), kind, url)
                continue
        merged.append(span)
    merged.sort(key=lambda span: (span[0], -span[1], KINDS.index(span[2])))
    return tuple(Format(start, stop, kind, url) for start, stop, kind, url in merged)
