"""What an article says, for the stages that read it: its text with the outlet's boilerplate set aside."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.text.boilerplate import is_only_boilerplate, without_boilerplate
from viewer.text.normalise import fold

Span = tuple[int, int]


@dataclass(frozen=True)
class ArticleContent:
    """Title and body with the outlet's boilerplate blanked out (the same length as stored, so offsets
    into them are offsets into the article); ``only_boilerplate`` when nothing else is left."""

    id: str
    title: str
    body: str
    published: str | None
    only_boilerplate: bool

    @property
    def key(self) -> str:
        """What the article says, as a hash: reposts that differ only in their outlets' boilerplate (or
        spacing, case, ё) share it. "" when nothing is left to say."""
        if self.only_boilerplate:
            return ""
        digest = hashlib.blake2b(digest_size=8)
        digest.update(" ".join(fold(self.title).split()).encode("utf-8"))
        digest.update(b"\x00")
        digest.update(" ".join(fold(self.body).split()).encode("utf-8"))
        return digest.hexdigest()


def content(
    article_id: str, title: str, body: str, spans: Sequence[Span], published: str | None = None
) -> ArticleContent:
    """The article without its boilerplate. A title made from a boilerplate line (posts have no
    headline of their own, and theirs may be the footer) is blanked too."""
    if not spans:
        return ArticleContent(article_id, title, body, published, not body.strip())
    blanked = without_boilerplate(body, spans)
    standing = fold(" ".join(body[start:stop] for start, stop in spans))
    headline = fold(title.rstrip("…").strip())
    if headline and headline in standing and headline not in fold(blanked):
        title = " " * len(title)
    return ArticleContent(article_id, title, blanked, published, is_only_boilerplate(body, spans))


def merged(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Overlapping or touching spans joined, in order."""
    result: list[Span] = []
    for start, stop in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], stop))
        else:
            result.append((start, stop))
    return tuple(result)


