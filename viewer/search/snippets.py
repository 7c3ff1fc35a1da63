"""Snippets and highlights: where the query's lemmas occur in a text, in whatever form."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from viewer.text.lemmas import lemma

SNIPPET_WIDTH = 240
# How many leading letters of a term a word must share to be looked at: inflection in Russian
# changes endings, and the stems of dictionary forms keep at least their first three letters
# («идти»/«шёл» is the exception this gives up).
_STEM = 3
# Prefix of a term that must match a word form exactly rather than by lemma.
EXACT_MARK = "="
_WORD_REST = re.compile(r"[^\W_]*")


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # highlighted [start, stop) offsets into ``text``

    def html(self) -> str:
        """The snippet as HTML: text escaped, matches in <b>."""
        out, at = [], 0
        for start, stop in self.spans:
            out.append(html.escape(self.text[at:start]))
            out.append(f"<b>{html.escape(self.text[start:stop])}</b>")
            at = stop
        out.append(html.escape(self.text[at:]))
        return "".join(out)


def matches(text: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """Offsets of every token of ``text`` whose lemma, or «=» and its folded form, is in ``terms``.

    Only words that begin like a term are lemmatised (a regular expression finds them), which
    makes this fast on long articles; the price is that suppletive forms («люди» for «человек»)
    are not highlighted.
    """
    if not terms:
        return []
    return [
        (start, stop)
        for start, stop, word in candidate_spans(text, terms)
        if lemma(word) in terms or EXACT_MARK + word in terms
    ]


def candidate_spans(text: str, terms: Collection[str]) -> Iterator[tuple[int, int, str]]:
    """(start, stop, folded word) of the words of ``text`` that start like one of ``terms``."""
    stems = sorted({term.removeprefix(EXACT_MARK)[:_STEM] for term in terms if term}, key=len, reverse=True)
    if not stems:
        return
    folded = text.lower().replace("ё", "е")
    if len(folded) != len(text):  # a letter whose lower case is longer: offsets would shift
        pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, stems)) + r")[^\W_]*", re.IGNORECASE)
        for match in pattern.finditer(text.replace("ё", "е").replace("Ё", "Е")):
            yield match.start(), match.end(), match.group().lower()
        return
    # str.find scans for a literal far faster than a regular expression with alternatives.
    starts: dict[int, int] = {}
    for stem in stems:
        at = folded.find(stem)
        while at >= 0:
            if at not in starts and not (at and folded[at - 1].isalnum()):
                starts[at] = _WORD_REST.match(folded, at + len(stem)).end()  # type: ignore[union-attr]
            at = folded.find(stem, at + 1)
    for start in sorted(starts):
        yield start, starts[start], folded[start : starts[start]]


def make_snippet(text: str, terms: Collection[str], width: int = SNIPPET_WIDTH) -> Snippet:
    """The passage of about ``width`` characters with the most distinct matched words."""
    found = matches(text, terms)
    if not found:
        return _window(text, 0, width, [])
    # The window starting at each match: distinct words weigh most, then the number of matches.
    words = [text[s:e].lower() for s, e in found]
    inside: Counter[str] = Counter()
    best_start, best_score, end = found[0][0], -1, 0
    for i, (start, _) in enumerate(found):
        end = max(end, i)
        while end < len(found) and found[end][1] <= start + width:
            inside[words[end]] += 1
            end += 1
        score = len(inside) * 100 + (end - i)
        if score > best_score:
            best_start, best_score = start, score
        if end > i:
            inside[words[i]] -= 1
            if not inside[words[i]]:
                del inside[words[i]]
    # Start a little before the first match so it reads in context.
    begin = max(0, best_start - width // 4)
    return _window(text, begin, width, found)


def _window(text: str, begin: int, width: int, found: list[tuple[int, int]]) -> Snippet:
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < begin + 30 else begin
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin + width // 2 else end
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = " ".join(text[begin:end].split("\n"))
    shift = len(prefix) - begin
    spans = tuple((s + shift, e + shift) for s, e in found if s >= begin and e <= end)
    return Snippet(prefix + body + suffix, spans)
