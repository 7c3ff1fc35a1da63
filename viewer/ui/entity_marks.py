"""Where an article's entity mentions sit in the reader's document, and which one is at a point."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.entities.stage import ArticleMention
    from viewer.ui.reader_document import ArticleDocument


@dataclass(frozen=True)
class EntityMark:
    position: int  # document position (UTF-16)
    length: int
    name: str  # the entity's name, curation applied
    kind: str  # PER, ORG, LOC
    text: str  # as the article writes it


class EntityMarks:
    """The mentions of one article placed in its document, in document order."""

    def __init__(self, marks: Sequence[EntityMark] = ()) -> None:
        self.marks = sorted(marks, key=lambda m: m.position)
        self._starts = [m.position for m in self.marks]

    @classmethod
    def place(cls, document: ArticleDocument, mentions: Sequence[ArticleMention]) -> EntityMarks:
        marks = []
        for mention in mentions:
            title = mention.part == "title"
            spans = [(mention.start, mention.stop)]
            placed = document.positions(spans if title else [], [] if title else spans)
            marks.extend(EntityMark(pos, length, mention.normal, mention.type, mention.text) for pos, length in placed)
        return cls(marks)

    def at(self, position: int) -> EntityMark | None:
        """The mention covering document ``position`` (its first character up to its last)."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0:
            mark = self.marks[index]
            if mark.position <= position < mark.position + mark.length:
                return mark
        return None

    def ranges(self, kind: str) -> list[tuple[int, int]]:
        return [(m.position, m.length) for m in self.marks if m.kind == kind]

    def counts(self) -> Counter[str]:
        return Counter(m.kind for m in self.marks)

    def next_after(self, position: int, step: int = 1) -> EntityMark | None:
        """The first mention starting after ``position`` (``step`` 1), or the last one starting
        before it (-1), wrapping round at the ends."""
        if not self.marks:
            return None
        index = bisect_right(self._starts, position) if step > 0 else bisect_left(self._starts, position) - 1
        return self.marks[index % len(self.marks)]
