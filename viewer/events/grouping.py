"""Grouping reports into events: which articles tell the same story.

Articles are taken in order of publication (undated ones last). Each joins the event whose
members it is most strongly linked to by same-story scores — provided it is linked to at least
half of them, so that a chain of follow-ups does not swallow unrelated reports — or else
starts an event of its own. The order can split one happening: two reports worded apart may each
start an event before the reports that bridge them arrive. So afterwards two events merge when
the same rule holds between them: at least half of the pairs across them are linked (a report
joining an event is the case of an event of one). Pairs are scored only where ``candidates``
proposes them, so the work grows with the archive, not with its square. Articles already placed
(``fixed``) stay together: new articles join or start events, and an event of earlier articles
takes in another only when new reports link the two.

Pairs that tell the same story but were published too far apart to be one happening (their score
reaches the threshold only before the time factor) are handed back as ``related``: they link the
events of a developing story — the next night of protests, the currency's next threshold — into
one story thread (``threads``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from viewer.events.candidates import candidates
from viewer.events.features import StoryFingerprint
from viewer.events.frequencies import DocumentFrequencies
from viewer.events.similarity import SAME_STORY_THRESHOLD, VectorTable, score_parts

MIN_LINKED_SHARE = 0.5

Progress = Callable[[int, int | None, str], None]


def _order_key(item: tuple[str, StoryFingerprint]) -> tuple[int, float, str]:
    article_id, fp = item
    published: datetime | None = fp.published
    return (0, published.timestamp(), article_id) if published else (1, 0.0, article_id)


def group(
    items: Sequence[tuple[str, StoryFingerprint]],
    df: DocumentFrequencies,
    fixed: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    related: list[tuple[str, str, float]] | None = None,
) -> dict[str, str]:
    """Article id -> event key (the id of the article that started the event).

    ``fixed`` assignments are kept as they are; only the other articles are placed. Pairs that
    tell the same story apart from the time between them are appended to ``related``, if given.
    """
    fixed = dict(fixed or {})
    ordered = sorted(items, key=_order_key)
    position = {article_id: n for n, (article_id, _) in enumerate(ordered)}
    fingerprints = [fp for _, fp in ordered]
    ids = [article_id for article_id, _ in ordered]
    new = {n for n, article_id in enumerate(ids) if article_id not in fixed}

    links: dict[int, list[tuple[int, float]]] = defaultdict(list)
    table = VectorTable(fingerprints, df)
    scored = 0
    for i, partners in _by_first(candidates(fingerprints, df)):
        partners = partners if i in new else [j for j in partners if j in new]
        for j, cosines in zip(partners, table.cosines(i, partners), strict=True):
            parts = score_parts(fingerprints[i], fingerprints[j], df, cosines)
            score = parts.combine()
            if score >= SAME_STORY_THRESHOLD:
                links[i].append((j, score))
                links[j].append((i, score))
            elif related is not None and parts.time > 0 and score / parts.time >= SAME_STORY_THRESHOLD:
                related.append((ids[i], ids[j], score / parts.time))
        if progress is not None and (scored + len(partners)) // 5000 > scored // 5000:
            progress(scored + len(partners), None, "comparing reports")
        scored += len(partners)

    event_of = dict(fixed)
    size: dict[str, int] = defaultdict(int)
    for key in event_of.values():
        size[key] += 1
    for n in sorted(new):
        strength: dict[str, float] = defaultdict(float)
        linked: dict[str, int] = defaultdict(int)
        for other, score in links.get(n, ()):
            key = event_of.get(ids[other])
            if key is not None:
                strength[key] += score
                linked[key] += 1
        eligible = [k for k in strength if linked[k] >= max(1.0, MIN_LINKED_SHARE * size[k])]
        key = max(eligible, key=lambda k: (strength[k], -position.get(k, 0))) if eligible else ids[n]
        event_of[ids[n]] = key
        size[key] += 1
    return _merge_linked(event_of, links, ids, position)


def _merge_linked(
    event_of: dict[str, str], links: Mapping[int, list[tuple[int, float]]], ids: Sequence[str],
    position: Mapping[str, int],
) -> dict[str, str]:
    """Merge events whose members are linked across them as a report must be linked to join one:
    at least ``MIN_LINKED_SHARE`` of the pairs across them. The most strongly linked pairs of events
    (mean score over all pairs across) merge first, each event at most once a round, until none is
    left to merge; the merged event keeps the key of the one that started earlier."""
    members: dict[str, int] = defaultdict(int)
    for key in event_of.values():
        members[key] += 1
    while True:
        across: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
        for i, partners in links.items():
            for j, score in partners:
                a, b = event_of[ids[i]], event_of[ids[j]]
                if i < j and a != b:
                    pair = (a, b) if position.get(a, -1) < position.get(b, -1) else (b, a)
                    across[pair][0] += 1
                    across[pair][1] += score
        mergeable = sorted(
            ((total / (members[a] * members[b]), a, b) for (a, b), (count, total) in across.items()
             if count >= MIN_LINKED_SHARE * members[a] * members[b]),
            reverse=True,
        )
        renamed: dict[str, str] = {}
        for _, a, b in mergeable:
            if a not in renamed and b not in renamed:
                renamed[b] = renamed[a] = a
                members[a] += members.pop(b)
        if not renamed:
            return event_of
        for article, key in event_of.items():
            event_of[article] = renamed.get(key, key)


def _by_first(pairs: Iterable[tuple[int, int]]) -> Iterator[tuple[int, list[int]]]:
    """(i, [j, …]) from pairs that come in increasing order of i, as ``candidates`` gives them."""
    current, partners = -1, []
    for i, j in pairs:
        if i != current:
            if partners:
                yield current, partners
            current, partners = i, []
        partners.append(j)
    if partners:
        yield current, partners


def apply_corrections(
    event_of: dict[str, str], moves: Mapping[str, str], pinned: Mapping[str, frozenset[str]]
) -> dict[str, str]:
    """The user's corrections over the automatic grouping.

    ``moves``: article -> the article whose event it belongs in ("" for an event of its own).
    ``pinned``: event key -> its members, kept exactly: nothing joins or leaves them.
    """
    result = dict(event_of)
    in_pinned = {article: key for key, members in pinned.items() for article in members}
    for article, key in list(result.items()):
        if article in in_pinned:
            result[article] = in_pinned[article]
        elif key in pinned:
            result[article] = article  # not a pinned member: on its own
    for article, target in moves.items():
        if article not in result or article in in_pinned or (target and target not in result):
            continue
        new_key = result[target] if target else article
        if result[article] == article and not (target and new_key == article):
            _rekey_the_rest(result, article)  # it leaves the event it started
        result[article] = new_key
    return result


def _rekey_the_rest(event_of: dict[str, str], key: str) -> None:
    """The article an event is keyed by leaves it: the others stay together, keyed by the first
    of them (in the grouping's order)."""
    rest = [article for article, k in event_of.items() if k == key and article != key]
    for article in rest:
        event_of[article] = rest[0]


def threads(
    event_of: Mapping[str, str], related: Sequence[tuple[str, str]], earlier: Callable[[str], Any]
) -> dict[str, str]:
    """Event key -> the key of its story thread: the events that ``related`` article pairs join,
    keyed by the first of them by ``earlier`` (a sort key of event keys). An event that no pair
    links is a thread of its own."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        top = key
        while parent.get(top, top) != top:
            top = parent[top]
        while key != top:  # every key on the way now points at the root: later look-ups are short
            parent[key], key = top, parent[key]
        return top

    for a, b in related:
        if a in event_of and b in event_of:
            ra, rb = root(event_of[a]), root(event_of[b])
            if ra != rb:
                first, second = sorted((ra, rb), key=earlier)
                parent[second] = first
    return {key: root(key) for key in set(event_of.values())}


def events_from(event_of: Mapping[str, str]) -> dict[str, list[str]]:
    """Event key -> its article ids."""
    events: dict[str, list[str]] = defaultdict(list)
    for article, key in event_of.items():
        events[key].append(article)
    return dict(events)
