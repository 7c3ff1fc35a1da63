"""Per-article fingerprints: the few features that decide whether two reports tell one story.

A fingerprint is computed once per article, from its text alone, and holds no weights: how rare
a word is depends on the archive being grouped, so weighting happens when two fingerprints are
compared (``viewer.events.similarity``), against that archive's ``DocumentFrequencies``. Keeping
the two apart lets the archive grow without recomputing fingerprints.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from viewer.events.names import names
from viewer.events.quantities import Quantity, quantities
from viewer.events.stopwords import STOPWORDS
from viewer.text.lemmas import lemmas
from viewer.text.normalise import clean_line, clean_text

# Changes whenever what a fingerprint holds changes, so that stored fingerprints are made again.
FINGERPRINT_RECIPE = "3"
# Long articles drift into background and related stories; the news is in the first paragraphs.
# Only this many characters of a body are read (about 300 words, the first paragraphs).
MAX_BODY_CHARS = 2000
# A title that is a bare link (some feeds put the address where the title belongs) says nothing.
_LINK = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.IGNORECASE)
# Links carry no words of the story, but a channel's signature link recurs in every post of the
# channel and would make its unrelated posts look alike.
_URL = re.compile(r"(?:https?://|www\.|t\.me/)[^\s)\]>»\"]*", re.IGNORECASE)
# The first sentence of a body is its lead, and stands in for a missing title: news is written
# lead first, and posts in messaging channels open with a headline-like line. A sentence with
# fewer than this many lower-case words of three letters or more is a dateline («ВОЛГОГРАД,
# 3 марта. /ТАСС/.») or a caption, and is skipped; a long one is cut to a headline's length.
_LEAD_MIN_WORDS = 3
_LEAD_MAX_WORDS = 30
_PROSE_WORD = re.compile(r"(?<![\w-])[а-яёa-z][\w-]{2,}")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZА-ЯЁ0-9])|\n+")
# A Cyrillic word with Latin letters that look the same inside («CША» typed with a Latin C) is the
# Cyrillic word: it is read as one, or it would be a word of its own.
_MIXED_WORD = re.compile(r"\b(?=\w*[а-яё])(?=\w*[a-z])\w+\b", re.IGNORECASE)
_LATIN_LOOKALIKES = str.maketrans("ACEHKMOPTXYaceopxy", "АСЕНКМОРТХУасеорху")


def content_lemmas(text: str) -> list[str]:
    """Lemmas of a text without function words, one-letter tokens and bare numbers."""
    return [
        found
        for found in lemmas(text)
        if len(found) > 1 and found not in STOPWORDS and not found.isdigit()
    ]


@dataclass(frozen=True)
class StoryFingerprint:
    """What one article says, reduced to what distinguishes its story from others.

    ``terms`` counts the content lemmas of title and body; ``title`` holds the title's content
    lemmas (or the lead's, when there is no title) because a headline states the story in a few
    words; ``lead`` holds those of the body's first sentence, where news names its who and
    where; ``names`` counts name-like lemmas (capitalised inside a sentence, acronyms, quoted
    titles); ``quantities`` are numbers with their units, dates («3 марта») and ordinals («XVI
    форум») among them; ``published`` is the publication time, or None when unknown.

    The mappings are plain dictionaries, so fingerprints pickle cheaply; nothing changes them
    after construction.
    """

    terms: Mapping[str, int] = field(hash=False)
    title: frozenset[str]
    lead: frozenset[str]
    names: Mapping[str, int] = field(hash=False)
    quantities: frozenset[Quantity]
    published: datetime | None = None

    @property
    def vocabulary(self) -> frozenset[str]:
        """The distinct lemmas a document-frequency table counts for this article."""
        return frozenset(self.terms)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for storing fingerprints with the archive."""
        return {
            "terms": dict(self.terms),
            "title": sorted(self.title),
            "lead": sorted(self.lead),
            "names": dict(self.names),
            "quantities": [[q.unit, q.value, q.ordinal] for q in sorted(self.quantities)],
            "published": self.published.isoformat() if self.published else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryFingerprint:
        """The fingerprint stored by ``to_dict``."""
        published = data.get("published")
        return cls(
            terms={str(k): int(v) for k, v in dict(data.get("terms", {})).items()},
            title=frozenset(map(str, data.get("title", ()))),
            lead=frozenset(map(str, data.get("lead", ()))),
            names={str(k): int(v) for k, v in dict(data.get("names", {})).items()},
            quantities=frozenset(
                Quantity(str(unit), float(value), bool(ordinal))
                for unit, value, ordinal in data.get("quantities", ())
            ),
            published=datetime.fromisoformat(published) if published else None,
        )


def first_sentence(body: str) -> str:
    """The first sentence of a body that is more than a dateline, cut to a headline's length."""
    sentences = _SENTENCE_BREAK.split(body[:MAX_BODY_CHARS])
    for sentence in sentences:
        if len(_PROSE_WORD.findall(sentence)) >= _LEAD_MIN_WORDS:
            return " ".join(sentence.split()[:_LEAD_MAX_WORDS])
    return " ".join(" ".join(sentences).split()[:_LEAD_MAX_WORDS])


def _cyrillic_words(text: str) -> str:
    """Latin look-alike letters inside Cyrillic words made Cyrillic."""
    return _MIXED_WORD.sub(lambda word: word.group().translate(_LATIN_LOOKALIKES), text)


def fingerprint(
    title: str | None, body: str | None, published: datetime | None = None
) -> StoryFingerprint:
    """The fingerprint of one article. Any input may be empty or missing; nothing here raises
    on text, however malformed."""
    title_text = _cyrillic_words(clean_line((title or "")[:MAX_BODY_CHARS]))
    if _LINK.match(title_text):
        title_text = ""
    # Cleaning only shortens text, so twice the budget of raw text is enough to fill it.
    body_text = _cyrillic_words(_URL.sub(" ", clean_text((body or "")[: 2 * MAX_BODY_CHARS]))[:MAX_BODY_CHARS])
    lead = first_sentence(body_text)
    terms = Counter(content_lemmas(title_text))
    terms.update(content_lemmas(body_text))
    numbers = quantities(title_text) | quantities(body_text)
    terms.update(quantity.term for quantity in numbers)
    return StoryFingerprint(
        terms=dict(terms),
        title=frozenset(content_lemmas(title_text or lead)),
        lead=frozenset(content_lemmas(lead)),
        names=dict(names(title_text, body_text)),
        quantities=numbers,
        published=published,
    )
