"""The plain records that pass between reading, the catalog and the index."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from viewer.text.normalise import fold


@dataclass(frozen=True)
class ParsedArticle:
    """One article as read from a file, before it has an identity in the archive.

    Text fields are already cleaned (``viewer.text.normalise.clean_text``/``clean_line``).
    ``published`` is timezone-aware (UTC when the source gave no zone) or None.
    ``locator`` says where in its file the article was ("" for one-article files,
    "line 12" for JSON Lines, "item 3" for JSON arrays); ``source_id`` is the record's own id
    in its source (a JSON ``id`` or ``guid``). ``formats`` is the body's formatting (bold,
    italic, links), as ``viewer.text.markup.formats_to_json`` writes it; the body itself is plain.
    """

    title: str
    body: str
    outlet: str | None = None
    author: str | None = None
    published: datetime | None = None
    url: str | None = None
    locator: str = ""
    source_id: str | None = None
    formats: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def text_id(self) -> str:
        return text_identity(self.title, self.body)

    @property
    def article_id(self) -> str:
        return article_identity(self.text_id, self.outlet)


def text_identity(title: str, body: str) -> str:
    """A text's identity: the hash of its folded title and body, so exact copies share it."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(fold(title).encode("utf-8"))
    digest.update(b"\x00")
    digest.update(fold(body).encode("utf-8"))
    return digest.hexdigest()


def article_identity(text: str, outlet: str | None) -> str:
    """An article's identity: its text as carried by its outlet (as the source names it).

    An exact duplicate within one outlet shares the id (and is stored once); the same text run by a
    second outlet is a report of its own.
    """
    digest = hashlib.blake2b(digest_size=8)
    digest.update(text.encode("ascii"))
    digest.update(b"\x00")
    digest.update(fold(outlet or "").encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class FileProblem:
    """Something in a file that could not be imported, with a reason a person can act on."""

    path: str
    reason: str


ArticleSink = Callable[[ParsedArticle], None]


@dataclass
class FileContents:
    """What reading one file gave: its articles and the problems met on the way.

    With a ``sink``, articles go to it as they are read instead of into ``articles``, so
    that a large JSON Lines file is imported while it is still being read.
    """

    articles: list[ParsedArticle] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sink: ArticleSink | None = field(default=None, repr=False, compare=False)
    streamed: int = 0  # articles handed to the sink

    def add_article(self, article: ParsedArticle) -> None:
        if self.sink is not None:
            self.streamed += 1
            self.sink(article)
        else:
            self.articles.append(article)
