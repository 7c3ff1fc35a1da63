"""Scrolling the comparison's columns in step: where one column is, the others show the same passage.

For each pair of columns the aligned passages they share are anchors: (y of the passage's first
sentence in one column, y in the other). Between two anchors a position maps linearly, so text
that only one report has is scrolled through smoothly while the other column waits at its
side of the same gap, and an aligned passage at the top of the scrolled column is at the top
of every column that has it. Anchors that would run backwards (reports that order the same
content differently) are left out, keeping the map monotonic. Anchors are document positions;
they are measured again when a column's layout changes (a resize rewraps the text).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject

from viewer.ui.compare_column import ReportColumn

Anchors = list[tuple[float, float]]


class ScrollSync(QObject):
    def __init__(self, columns: Sequence[ReportColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._anchors: dict[tuple[int, int], Anchors] = {}
        self._paused = 0
        for number, column in enumerate(self.columns):
            column.text.verticalScrollBar().valueChanged.connect(lambda _value, n=number: self._scrolled(n))
            column.relaidOut.connect(self._anchors.clear)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Move columns one by one (a jump to two places) without the others following."""
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1

    def _scrolled(self, number: int) -> None:
        if self._paused:
            return
        self.follow(number)

    def follow(self, number: int) -> None:
        """Bring every other column to where column ``number`` is."""
        leader = self.columns[number]
        y = leader.top()
        with self.paused():
            for other, column in enumerate(self.columns):
                if other != number:
                    column.set_top(self.map(number, other, y))

    def map(self, source: int, target: int, y: float) -> float:
        """The document y in column ``target`` that corresponds to ``y`` in column ``source``."""
        anchors = self.anchors(source, target)
        at = bisect_right([a for a, _ in anchors], y) - 1
        at = max(0, min(at, len(anchors) - 2))
        (y0, t0), (y1, t1) = anchors[at], anchors[at + 1]
        if y1 <= y0:
            return t0
        share = min(1.0, max(0.0, (y - y0) / (y1 - y0)))
        return t0 + (t1 - t0) * share

    def anchors(self, source: int, target: int) -> Anchors:
        key = (source, target)
        if key not in self._anchors:
            self._anchors[key] = self._measure(source, target)
        return self._anchors[key]

    def _measure(self, source: int, target: int) -> Anchors:
        a, b = self.columns[source], self.columns[target]
        comparison = a.comparison
        pairs = []
        for passage in comparison.passages:
            first_a, first_b = passage.sentences_of(a.position), passage.sentences_of(b.position)
            if first_a and first_b:
                pairs.append((a.sentence_y(first_a[0]), b.sentence_y(first_b[0])))
        pairs.sort()
        anchors: Anchors = [(0.0, 0.0)]
        for y_a, y_b in pairs:
            if y_a > anchors[-1][0] and y_b > anchors[-1][1]:
                anchors.append((y_a, y_b))
        end = (max(a.content_height(), anchors[-1][0] + 1), max(b.content_height(), anchors[-1][1] + 1))
        anchors.append(end)
        return anchors
