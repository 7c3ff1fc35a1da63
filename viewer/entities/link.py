"""One normal form per entity within a text.

A news text names a person in full once («Губернатор Омской области Александр
Бурков») and by surname afterwards («Бурков заявил», «Буркову»); the short forms
are the same person, so they take the full name as their normal form. A first
name alone links the same way when it is unambiguous in the text. A two-word
name that is the first and last word of a longer one in the text («Александр
Бурков» next to «Александр Николаевич Бурков») takes the longer form.

Organisations and places whose normal forms are inflections of one name («Газпром»
and a quoted «Газпрома») are given one form: the commonest, then the shortest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from viewer.entities.document import word_key
from viewer.entities.normal import normal_form

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_OPENING = "«„“\"'"
_CLOSING = "»“”\"'"


def normal_forms(text: str, spans: Sequence) -> list[str]:
    """Normal forms of the spans (objects with start, stop and type) of one text."""
    own = [_own_normal(text, span) for span in spans]
    out = list(own)
    _link_persons(spans, own, out)
    _unify_names(spans, own, out)
    return out


def _own_normal(text: str, span) -> str:
    written = text[span.start : span.stop]
    if span.type != "PER" and _quoted(text, span.start, span.stop):
        return " ".join(written.split())
    return normal_form(written, span.type)


def _quoted(text: str, start: int, stop: int) -> bool:
    return start > 0 and stop < len(text) and text[start - 1] in _OPENING and text[stop] in _CLOSING


def _keys(normal: str) -> tuple[str, ...]:
    return tuple(word_key(word) for word in _WORD.findall(normal) if word[:1].isupper())


def _link_persons(spans: Sequence, own: list[str], out: list[str]) -> None:
    full = Counter(
        normal for span, normal in zip(spans, own, strict=True) if span.type == "PER" and len(_keys(normal)) >= 2
    )
    if not full:
        return
    # A name of two or more words may itself be part of a longer one in the text.
    resolved = {normal: _longer_form(normal, full) for normal in full}
    canonical = Counter()
    for normal, count in full.items():
        canonical[resolved[normal]] += count
    by_word: dict[str, set[str]] = defaultdict(set)
    for normal in canonical:
        keys = _keys(normal)
        by_word[keys[-1]].add(normal)  # surname first; a first name only if no surname matches
    by_first: dict[str, set[str]] = defaultdict(set)
    for normal in canonical:
        by_first[_keys(normal)[0]].add(normal)
    for index, (span, normal) in enumerate(zip(spans, own, strict=True)):
        if span.type != "PER":
            continue
        keys = _keys(normal)
        if len(keys) >= 2:
            out[index] = resolved.get(normal, normal)
            continue
        if not keys:
            continue
        found = by_word.get(keys[0]) or by_first.get(keys[0])
        if found:
            out[index] = max(found, key=lambda other: (canonical[other], len(_keys(other)), -len(other)))


def _longer_form(normal: str, full: Counter) -> str:
    """The commonest longer name in ``full`` ending with this one or sharing its first and last words."""
    keys = _keys(normal)
    longer = [
        other
        for other in full
        if len(_keys(other)) > len(keys)
        and (_keys(other)[-len(keys) :] == keys or (_keys(other)[0], _keys(other)[-1]) == (keys[0], keys[-1]))
    ]
    if not longer:
        return normal
    return max(longer, key=lambda other: (full[other], len(_keys(other)), -len(other)))


def _unify_names(spans: Sequence, own: list[str], out: list[str]) -> None:
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for index, span in enumerate(spans):
        if span.type != "PER":
            groups[(span.type, tuple(word_key(word) for word in _WORD.findall(own[index])))].append(index)
    for members in groups.values():
        if len(members) < 2:
            continue
        counts = Counter(own[index] for index in members)
        if len(counts) < 2:
            continue
        first_seen = {normal: position for position, normal in reversed(list(enumerate(own[i] for i in members)))}
        chosen = min(counts, key=lambda normal: (-counts[normal], len(normal), first_seen[normal]))
        for index in members:
            out[index] = chosen
