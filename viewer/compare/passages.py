"""Aligned passages: groups of sentences across reports that say the same, in an order for reading.

A passage is a connected group of linked sentences (one report's sentence may link to two of
another's when that report split it); sentences with no counterpart form ``unique`` passages,
a run of consecutive ones in one report making a single passage. Every sentence belongs to
exactly one passage, so a viewer can show reports in columns, one passage per row, and scroll
them in step.

The rows must follow each report's own order as far as possible. Each report gives a sequence
of passages; the display order is a topological merge of those sequences (a passage comes after
the passage before it in every report), ties broken by the passage's mean relative position in
its reports. Where reports order the same content differently no order satisfies all of them,
and the passage with the earliest mean position is placed next; its sentences then appear out of
their report's order, which a viewer should mark (sentence numbers do).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from viewer.compare.alignment import RANK, Link
from viewer.compare.sentences import Sentence


@dataclass(frozen=True)
class Passage:
    """A row of the side-by-side view: for each report in it, the indices of its sentences."""

    id: str
    kind: str
    members: tuple[tuple[int, tuple[int, ...]], ...]

    @property
    def reports(self) -> tuple[int, ...]:
        return tuple(report for report, _ in self.members)

    def sentences_of(self, report: int) -> tuple[int, ...]:
        for member, indices in self.members:
            if member == report:
                return indices
        return ()


class _Groups:
    """Union-find over (report, sentence index)."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, item: tuple[int, int]) -> tuple[int, int]:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while item != root:
            self.parent[item], item = root, self.parent.get(item, item)
        return root

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def build_passages(sentences: Sequence[Sequence[Sentence]], links: Sequence[Link]) -> list[Passage]:
    """All passages in display order, ids ``p1``, ``p2`` ... in that order."""
    groups = _Groups()
    strongest: dict[tuple[int, int], str] = {}
    for link in links:
        groups.union((link.a.report, link.a.index), (link.b.report, link.b.index))
    for link in links:
        root = groups.find((link.a.report, link.a.index))
        if root not in strongest or RANK[link.kind] < RANK[strongest[root]]:
            strongest[root] = link.kind
    group_of: dict[tuple[int, int], tuple[int, int]] = {}
    members: dict[tuple[int, int], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    sequences: list[list[tuple[int, int]]] = []
    for report, report_sentences in enumerate(sentences):
        sequence: list[tuple[int, int]] = []
        for sentence in report_sentences:
            item = (report, sentence.index)
            root = groups.find(item)
            if root not in strongest:  # no counterpart: joins the unique run before it, if any
                previous = (report, sentence.index - 1)
                if sentence.index > 0 and group_of.get(previous) is not None and group_of[previous] not in strongest:
                    root = group_of[previous]
            group_of[item] = root
            members[root][report].append(sentence.index)
            if not sequence or sequence[-1] != root:
                sequence.append(root)
        sequences.append(sequence)
    order = _merge(sequences, members, [len(report_sentences) for report_sentences in sentences])
    return [
        Passage(
            f"p{number}",
            strongest.get(root, "unique"),
            tuple((report, tuple(indices)) for report, indices in sorted(members[root].items())),
        )
        for number, root in enumerate(order, start=1)
    ]


def _merge(
    sequences: list[list[tuple[int, int]]], members: dict[tuple[int, int], dict[int, list[int]]], sizes: list[int]
) -> list[tuple[int, int]]:
    """A topological merge of the reports' passage sequences, cycles broken by mean position."""
    key: dict[tuple[int, int], tuple[float, int, int]] = {}
    for root, by_report in members.items():
        positions = [(index + 0.5) / sizes[report] for report, indices in by_report.items() for index in indices]
        key[root] = (sum(positions) / len(positions), root[0], root[1])
    successors: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    indegree: dict[tuple[int, int], int] = dict.fromkeys(members, 0)
    for sequence in sequences:
        for before, after in pairwise(sequence):
            if before != after and after not in successors[before]:
                successors[before].add(after)
                indegree[after] += 1
    ready = [(key[root], root) for root, count in indegree.items() if count == 0]
    heapq.heapify(ready)
    by_key = sorted(members, key=key.__getitem__)
    placed: set[tuple[int, int]] = set()
    order: list[tuple[int, int]] = []
    cursor = 0
    while len(order) < len(members):
        if ready:
            _, root = heapq.heappop(ready)
            if root in placed:
                continue
        else:  # every remaining passage waits for another: the reports disagree on order
            while by_key[cursor] in placed:
                cursor += 1
            root = by_key[cursor]
        placed.add(root)
        order.append(root)
        for after in successors[root]:
            indegree[after] -= 1
            if indegree[after] == 0 and after not in placed:
                heapq.heappush(ready, (key[after], after))
    return order
