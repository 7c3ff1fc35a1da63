"""Boilerplate of one outlet: the lines and line edges that recur across many of its articles.

Subscription footers («❗️ Подписывайся на Mash»), photo credits («Фото: Reuters»), notices («Читать нас
без VPN можно здесь: …»), a channel's signature appended to the last paragraph (``… уход. @banksta``) and
agency datelines («МОСКВА, 3 дек — РИА Новости. …») say nothing about the story, yet they make every
article of an outlet look like every other one. Text-reuse tools call such passages «banalities»
(TextPAIR) and set them aside before aligning. Nothing here is a list of phrases: the units are found
statistically, per outlet, from the archive itself, so the method works on outlets it has never seen.

Units
-----
* **Lines**, under :func:`line_key`: case-folded, ё→е, whitespace collapsed, and the emoji, punctuation and
  symbols at either end trimmed, so «❗️ Подписывайся на Mash», «❗ Подписывайся на Mash» and
  «Подписывайся на Mash» count together. Digits are *kept*: a footer is repeated verbatim, whereas lines
  that differ only in their numbers are news («Курс евро … составляет 103,5 рублей», «Воздушная тревога
  объявлена в Киевской и ещё 7 областях»); masking digits would merge them into a unit.
* **Line edges**: the first sentence of a line (a dateline) and the last one (a signature), when it is
  short (at most :data:`EDGE_MAX_CHARS`) and the line goes on past it. A sentence ends at ``.!?…`` (and
  closing quotes or brackets) followed by a space and a character that is not a lower-case letter, so
  «тыс. человек» or «в 2014 г. компания» never split off an edge. Edges are keyed like lines but with every
  run of digits masked to ``0``, since a dateline's date changes every day. Whole-sentence edges rather
  than "the last N words": the last words of a line are mostly ordinary words («года.», «рублей.»,
  «по данным …») whose frequency at a line edge is linguistic, not boilerplate.

The rule
--------
A unit is counted by document frequency (DF: in how many of the outlet's distinct bodies it occurs) and is
boilerplate when

1. ``DF >= max(MIN_DOCUMENTS, share * documents)`` with ``share`` :data:`LINE_SHARE` for lines and
   :data:`EDGE_SHARE` for edges;
2. for lines only, it stands alone: at least :data:`STANDALONE_SHARE` of the bodies that contain its
   words anywhere contain them as that whole line. RT's texts break lines at inline links, so «заявил»
   alone on a line recurs in 1.4 % of its articles; but «заявил» is in most of them as running text. A
   footer occurs nowhere else (ratio ≈ 1), «Reuters» under photos passes; «RT» under photos does not
   (RT's articles say «в беседе с RT»), nor does a name on a line of its own under a quote
   («Зеленский», 0.4 in Топор Live);
3. for lines only, it is not the story itself: a line that, in more than half of the bodies carrying it,
   is all the body has besides other boilerplate lines is a recurring one-line report («⚡️Воздушная
   тревога объявлена на всей территории Украины» posted as a whole post, or with the footer) — each such
   post is news, and a reader who sees it must not see it greyed out. A footer passes: its posts have a
   story above it, except the rare post that is only the footer.

Parameters and why (measured on 18,628 posts of 20 Telegram channels and 8,934 RT/NG articles):

* :data:`MIN_DOCUMENTS` = 5: genuine news lines recur up to 3–4 times in a channel (a repeated alert,
  «Информация о пострадавших уточняется», an UPD that repeats the post), and so do whole duplicated
  articles; five is the least evidence that is above that, and it keeps a small outlet (20 posts) from
  turning a line seen in 2 or 3 posts into boilerplate.
* :data:`LINE_SHARE` = 1 %: footers are in 60–97 % of a channel's posts, cross-promotion and credits in
  1–10 % («Reuters» 28 % of RT, «Wikimedia Commons» 1.5 %, «Топор Live. Подписаться» 7 % of Топор+),
  while the most frequent ordinary lines of a channel are below 0.5 %.
* :data:`EDGE_SHARE` = 5 %: a sentence is a smaller unit than a line, and formulaic news sentences recur at
  line ends in 1–2 % of a channel's posts («На месте работают экстренные службы.»); signatures and
  datelines are in most posts of their outlet (``@banksta``: 82 %).
* :data:`EDGE_MAX_CHARS` = 80: signatures and datelines are short (``@banksta``, «МОСКВА, 3 дек — РИА
  Новости.», «Читать нас без VPN можно здесь: bit.ly/bbcrussian» is 49); the bound keeps learning to two
  small windows of each line.
* :data:`STANDALONE_SHARE` = ½: "mostly occurs as that line"; it is not tuned.

Decisions: a recurring one-line alert stays news (rule 3) even though text-reuse tools would call it
banal; a label line that heads many posts («⚡️Минобороны РФ:» in 2 % of Топор Live's) is boilerplate by
these rules, like a rubric («Новости к этому часу»). Sentence breaks know lower case only in Latin and
Cyrillic letters.

The model is per outlet and is relearned from all of the outlet's bodies when the archive grows (an import
touches a few outlets). :func:`learn` takes about 3 s over the 60 M characters of RT/NG articles and
0.6 s over the 18,628 Telegram posts; :func:`boilerplate_spans` about 1.3 s and 0.25 s over every one of
them (tests/benchmarks/boilerplate_share.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from viewer.text.normalise import fold

__all__ = [
    "EDGE_MAX_CHARS",
    "EDGE_SHARE",
    "LINE_SHARE",
    "MIN_DOCUMENTS",
    "STANDALONE_SHARE",
    "BoilerplateModel",
    "boilerplate_spans",
    "is_only_boilerplate",
    "learn",
    "line_key",
    "without_boilerplate",
]

MIN_DOCUMENTS = 5
LINE_SHARE = 0.01
EDGE_SHARE = 0.05
EDGE_MAX_CHARS = 80
STANDALONE_SHARE = 0.5

_FORMAT = 1  # the version of to_json's layout
# Sentence breaks: terminal punctuation, closing quotes or brackets, then whitespace and a character that
# is not a lower-case (Latin or Cyrillic) letter, so «тыс. человек» or «в 2014 г. компания» do not break.
_LOWER = "a-zа-яёіїєґў"
_CLOSERS = "\"'»”’)\\]"
# The first sentence, if its punctuation is within EDGE_MAX_CHARS of the line's start (match at 0).
_HEAD = re.compile(rf".{{0,{EDGE_MAX_CHARS - 1}}}?[.!?…][{_CLOSERS}]*(?=\s+[^\s{_LOWER}])")
# Everything up to the last break (match from near the end; greedy, so the last break wins).
_TAIL = re.compile(rf".*[.!?…][{_CLOSERS}]*\s+(?=[^\s{_LOWER}])")
_SLACK = 8  # room for the punctuation and spaces of a break just before the last EDGE_MAX_CHARS
_DIGITS = re.compile(r"\d+")
# An edge must have a letter: "1." before a list item or "2024." is not a signature.
_has_letter = re.compile(r"[^\W\d_]").search


def line_key(line: str) -> str:
    """The normalised form under which recurring lines are counted (and looked up).

    Case-folded, ё→е, whitespace collapsed, and everything that is not a letter or a digit trimmed from
    both ends: emoji (with their variation selectors and joiners), bullets, dashes, quotes, final stops,
    markup leftovers. "" for a line with no letter or digit. Digits are kept (see the module's doc).
    """
    return _key(fold(line))


def _key(folded: str) -> str:
    """:func:`line_key` of a line that is already folded (the fast path: a body is folded once, not per line)."""
    text = folded.strip()
    # Collapse only where needed: splitting every line into words was most of learn's time on long
    # articles. A non-printable character is any whitespace but " " (and harmless false alarms: joiners).
    if "  " in text or not text.isprintable():
        text = " ".join(text.split())
    if text[:1].isalnum() and text[-1:].isalnum():  # most lines: nothing to trim
        return text
    start, stop = 0, len(text)
    while start < stop and not text[start].isalnum():
        start += 1
    while stop > start and not text[stop - 1].isalnum():
        stop -= 1
    return text[start:stop]


def _masked(key: str) -> str:
    """An edge key from a line key: every run of digits masked, so a dateline's changing date counts as one."""
    return _DIGITS.sub("0", key)


def _head(line: str) -> int:
    """The end of the stripped line's first sentence (its punctuation included) if short and more follows, else 0."""
    match = _HEAD.match(line)
    return match.end() if match else 0


def _tail(line: str) -> int:
    """The start of the stripped line's last sentence if it is short and something precedes it, else 0."""
    match = _TAIL.match(line, max(0, len(line) - EDGE_MAX_CHARS - _SLACK))
    if match is None or len(line) - match.end() > EDGE_MAX_CHARS:
        return 0
    return match.end()


@dataclass(frozen=True)
class BoilerplateModel:
    """What was learned for one outlet: its boilerplate units, each with its document frequency.

    ``lines`` maps a :func:`line_key` to the number of bodies that have it as a whole line; ``starts`` and
    ``ends`` map an edge key (a line key with digits masked) to the number of bodies that have it as the
    first or last sentence of a line. ``documents`` is how many distinct bodies the model was learned from.
    The frequencies are kept for reports and for a caller that wants to show why a passage was set aside.
    A model is falsy when it has no unit (nothing to set aside).
    """

    documents: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.lines or self.starts or self.ends)

    def units(self) -> list[tuple[str, str, int]]:
        """Every unit as (kind, key, document frequency), most frequent first; kind is line, start or end."""
        rows = [
            *(("line", key, count) for key, count in self.lines.items()),
            *(("start", key, count) for key, count in self.starts.items()),
            *(("end", key, count) for key, count in self.ends.items()),
        ]
        return sorted(rows, key=lambda row: (-row[2], row[0], row[1]))

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": _FORMAT,
                "documents": self.documents,
                "lines": self.lines,
                "starts": self.starts,
                "ends": self.ends,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> BoilerplateModel:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("not a boilerplate model of a known format")
        return cls(
            documents=int(data["documents"]),
            lines={str(key): int(count) for key, count in data["lines"].items()},
            starts={str(key): int(count) for key, count in data["starts"].items()},
            ends={str(key): int(count) for key, count in data["ends"].items()},
        )


class _Frequencies:
    """Document frequencies counted by hash, with the text kept only for units seen in two bodies or more.

    Nearly every line of a long article is unique; holding all their texts as dictionary keys would take
    about twice the corpus in memory (60 M characters of RT/NG: ~120 MB) for nothing.
    """

    __slots__ = ("counts", "texts")

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}
        self.texts: dict[int, str] = {}

    def add(self, units: dict[int, str]) -> None:
        counts = self.counts
        for code, text in units.items():
            count = counts.get(code, 0) + 1
            counts[code] = count
            if count == 2:
                self.texts[code] = text

    def at_least(self, floor: float) -> dict[str, int]:
        return {self.texts[code]: count for code, count in self.counts.items() if count >= floor}


def learn(bodies: Iterable[str]) -> BoilerplateModel:
    """Learn the boilerplate of one outlet from all of its article bodies.

    ``bodies`` are the texts the archive stores (cleaned, markup removed), since spans are offsets into
    them. Identical bodies count once (an archive can hold the same article twice, and a duplicated article
    must not turn its own lines into boilerplate). Bodies of different outlets must not be mixed: a footer
    is a footer only within its outlet. Articles without an outlet may be learned as one group: a mixture
    of sources only dilutes each one's boilerplate, so it errs towards finding less. Relearn from all the
    outlet's bodies when it gains articles; the result does not depend on their order.
    """
    distinct = list(dict.fromkeys(body for body in bodies if body))
    documents = len(distinct)
    if not documents:
        return BoilerplateModel()
    lines, starts, ends = _Frequencies(), _Frequencies(), _Frequencies()
    shapes: list[tuple[int, ...]] = []  # each body's lines as hashes of their keys, for _not_the_story
    head_match, tail_match = _HEAD.match, _TAIL.match
    for body in distinct:
        line_units: dict[int, str] = {}
        start_units: dict[int, str] = {}
        end_units: dict[int, str] = {}
        shape: list[int] = []
        for raw, folded in zip(body.split("\n"), fold(body).split("\n"), strict=True):
            key = _key(folded)
            if not key:
                continue
            code = hash(key)
            line_units[code] = key
            shape.append(code)
            line = raw.strip()
            # _head and _tail, inlined: this loop runs once per line of the outlet.
            match = head_match(line)
            if match:
                edge = _masked(line_key(line[: match.end()]))
                if _has_letter(edge):
                    start_units[hash(edge)] = edge
            match = tail_match(line, max(0, len(line) - EDGE_MAX_CHARS - _SLACK))
            if match and len(line) - match.end() <= EDGE_MAX_CHARS:
                edge = _masked(line_key(line[match.end() :]))
                if _has_letter(edge):
                    end_units[hash(edge)] = edge
        lines.add(line_units)
        starts.add(start_units)
        ends.add(end_units)
        shapes.append(tuple(shape))
    edge_floor = max(MIN_DOCUMENTS, EDGE_SHARE * documents)
    model_starts = starts.at_least(edge_floor)
    model_ends = ends.at_least(edge_floor)
    frequent = lines.at_least(max(MIN_DOCUMENTS, LINE_SHARE * documents))
    if frequent:
        frequent = _standalone(frequent, distinct)
    if frequent:
        frequent = _not_the_story(frequent, shapes, {*model_starts, *model_ends})
    return BoilerplateModel(documents=documents, lines=frequent, starts=model_starts, ends=model_ends)


def _contains_word(text: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``text`` with no letter or digit right before or after it."""
    size = len(needle)
    position = text.find(needle)
    while position >= 0:
        end = position + size
        if (position == 0 or not text[position - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        position = text.find(needle, position + 1)
    return False


def _standalone(frequent: dict[str, int], bodies: Sequence[str]) -> dict[str, int]:
    """The frequent lines whose words, in the bodies that have them anywhere, mostly stand as that line."""
    anywhere = dict.fromkeys(frequent, 0)
    for body in bodies:
        folded = fold(body)
        for key in frequent:
            if _contains_word(folded, key):
                anywhere[key] += 1
    # A key with other inner whitespace in some body is not found there: `anywhere` can only come out
    # smaller, never larger, so this test errs towards keeping a unit.
    return {key: count for key, count in frequent.items() if count >= STANDALONE_SHARE * max(anywhere[key], count)}


def _not_the_story(frequent: dict[str, int], shapes: Sequence[tuple[int, ...]], edges: set[str]) -> dict[str, int]:
    """Drop the lines that, in more than half of their bodies, are all there is besides other boilerplate.

    "Other boilerplate" is a frequent line or a line that is a known edge by itself (a signature on its
    own line; compared unmasked here, so one with digits counts as content: that only keeps more lines).
    """
    codes = {hash(key) for key in frequent}
    boilerplate = codes | {hash(edge) for edge in edges}
    alone: dict[int, int] = {}
    for shape in shapes:
        if shape and all(code in boilerplate for code in shape):
            for code in set(shape):
                if code in codes:
                    alone[code] = alone.get(code, 0) + 1
    return {key: count for key, count in frequent.items() if alone.get(hash(key), 0) * 2 <= count}


def boilerplate_spans(body: str, model: BoilerplateModel) -> tuple[tuple[int, int], ...]:
    """The boilerplate of ``body`` under ``model``: sorted, non-overlapping (start, stop) offsets into ``body``.

    A boilerplate line gives one span over its text, from its first to its last non-space character (never
    the "\\n"); a short line whose whole text is a known edge (a signature on a line of its own) counts as
    a boilerplate line. Otherwise a known first sentence of the line (a dateline) and its known last
    sentences (a signature; two in a row are both taken) give spans over just those fragments.
    """
    if not model or not body:
        return ()
    has_edges = bool(model.starts or model.ends)
    spans: list[tuple[int, int]] = []
    offset = 0
    for raw, folded in zip(body.split("\n"), fold(body).split("\n"), strict=True):
        line_start = offset
        offset += len(raw) + 1
        key = _key(folded)
        if not key:
            continue
        line = raw.strip()
        lead = line_start + len(raw) - len(raw.lstrip())
        if key in model.lines:
            spans.append((lead, lead + len(line)))
            continue
        if not has_edges:
            continue
        if len(key) <= EDGE_MAX_CHARS:
            masked = _masked(key)
            if masked in model.ends or masked in model.starts:
                spans.append((lead, lead + len(line)))
                continue
        spans.extend((lead + start, lead + stop) for start, stop in _edge_spans(line, model))
    return tuple(spans)


def _edge_spans(line: str, model: BoilerplateModel) -> list[tuple[int, int]]:
    """Spans (offsets into the stripped ``line``) of its known first sentence and known last sentences."""
    result: list[tuple[int, int]] = []
    head = _head(line) if model.starts else 0
    if head and _masked(line_key(line[:head])) not in model.starts:
        head = 0
    if head:
        result.append((0, head))
    if model.ends:
        rest, cut = line, len(line)
        while True:
            tail = _tail(rest)
            if tail <= head or _masked(line_key(rest[tail:])) not in model.ends:
                break
            cut = tail
            rest = rest[:tail].rstrip()
        if cut < len(line):
            result.append((cut, len(line)))
    return result


def without_boilerplate(body: str, spans: Iterable[tuple[int, int]]) -> str:
    """``body`` with every character inside a span replaced by a space, except "\\n", which is kept.

    The result has the length of ``body`` and its lines, so offsets into it are offsets into ``body``.
    """
    parts: list[str] = []
    position = 0
    for start, stop in spans:
        start = max(start, position)
        if stop <= start:
            continue
        parts.append(body[position:start])
        parts.append("\n".join(" " * len(piece) for piece in body[start:stop].split("\n")))
        position = stop
    if not parts:
        return body
    parts.append(body[position:])
    return "".join(parts)


def is_only_boilerplate(body: str, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the spans leave nothing but whitespace, punctuation, symbols and emoji (no letter or digit).

    False when there is no span: a body in which nothing was set aside (an empty body too, or a post
    that is only an emoji) is not a boilerplate-only post.
    """
    spans = tuple(spans)
    if not spans:
        return False
    return not any(char.isalnum() for char in without_boilerplate(body, spans))
