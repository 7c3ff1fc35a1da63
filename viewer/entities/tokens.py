"""razdel's tokenisation, remembered per whitespace-separated chunk.

The tagger was trained on razdel tokens, so they must be razdel's exactly; but razdel
tokenises in pure Python, atom by atom, and costs more than the network itself on
news text. razdel joins atoms only where no whitespace separates them, so a chunk
between spaces is cut the same way wherever it occurs, and news repeats its words:
the cut of each chunk is computed once and kept. The exception is a chunk that
begins or ends with a joining character (a dash, an underscore, or a decimal or
fraction sign next to a digit): razdel's rules look one atom across the space
there, so such a chunk is cut with its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from razdel import tokenize

_CHUNK = re.compile(r"\S+")
_CACHE_LIMIT = 300_000
_DASHES = "-‐−‒⁃–—―_"
_NUMBER_JOINERS = ".,/\\"
_DIGIT_EDGE_START = re.compile(r"^[.,/\\]\d")
_DIGIT_EDGE_STOP = re.compile(r"\d[.,/\\]$")

_cuts: dict[str, tuple[tuple[int, int], ...]] = {}


@dataclass(slots=True)
class Tokens:
    """razdel tokens of one text: offsets and words."""

    starts: list[int]
    stops: list[int]
    words: list[str]

    @classmethod
    def of(cls, text: str) -> Tokens:
        starts: list[int] = []
        stops: list[int] = []
        words: list[str] = []
        chunks = [(match.start(), match.end()) for match in _CHUNK.finditer(text)]
        for index, (start, stop) in enumerate(chunks):
            chunk = text[start:stop]
            dependent = _context_dependent(chunk)
            cuts = _cut_with_neighbours(text, chunks, index) if dependent else _cut(chunk)
            for low, high in cuts:
                starts.append(start + low)
                stops.append(start + high)
                words.append(chunk[low:high])
        return cls(starts, stops, words)


def _context_dependent(chunk: str) -> bool:
    return (
        chunk[0] in _DASHES
        or chunk[-1] in _DASHES
        or bool(_DIGIT_EDGE_START.match(chunk))
        or bool(_DIGIT_EDGE_STOP.search(chunk))
    )


def _cut(chunk: str) -> tuple[tuple[int, int], ...]:
    found = _cuts.get(chunk)
    if found is None:
        found = tuple((token.start, token.stop) for token in tokenize(chunk))
        if len(_cuts) >= _CACHE_LIMIT:
            _cuts.clear()
        _cuts[chunk] = found
    return found


def _cut_with_neighbours(text: str, chunks: list[tuple[int, int]], index: int) -> list[tuple[int, int]]:
    start, stop = chunks[index]
    low = chunks[index - 1][0] if index > 0 else start
    high = chunks[index + 1][1] if index + 1 < len(chunks) else stop
    out = []
    for token in tokenize(text[low:high]):
        token_start, token_stop = low + token.start, low + token.stop
        if start <= token_start and token_stop <= stop:
            out.append((token_start - start, token_stop - start))
    return out
