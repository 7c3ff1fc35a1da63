"""Named entities of news texts: PER, ORG and LOC mentions with offsets and normal forms.

The steps, each in its own module:

1. ``tagger``: natasha's news NER model (``NewsEmbedding`` + ``NewsNERTagger``) over
   the sentences of many texts at once;
2. ``spans``: boundary repair (brackets, list separators, quotes, edge punctuation);
3. ``context``: edges decided by surrounding words (quoted organisation names,
   relational adjectives, sentence-opening words);
4. ``document``: one type per name within a text, and every occurrence found;
5. ``link``: normal forms (``normal``), with short forms of a name linked to the
   full form the text gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from viewer.entities import morph
from viewer.entities.context import refine
from viewer.entities.document import harmonise
from viewer.entities.link import normal_forms
from viewer.entities.network import quiet_model_loading
from viewer.entities.spans import repair
from viewer.entities.tagger import NerTagger, RawSpan
from viewer.entities.tokens import Tokens

TYPES = ("PER", "ORG", "LOC")
_TEXTS_PER_CALL = 32


@dataclass(frozen=True)
class Mention:
    """One mention of a named entity in a text.

    ``start``/``stop`` are character offsets into the text given (``stop``
    exclusive), ``text`` is ``text[start:stop]``, ``normal`` the entity's
    canonical nominative name («Буркову» -> «Александр Бурков» when the full name
    is in the same text).
    """

    start: int
    stop: int
    type: str
    text: str
    normal: str


class EntityExtractor:
    """Loads the models once (about a second); reuse one instance for many texts.

    Not safe to share between threads; use one per thread or ``extract_in_parallel``.
    """

    def __init__(self) -> None:
        with quiet_model_loading():
            self._tagger = NerTagger()
            morph.analyzer()

    def extract(self, text: str) -> list[Mention]:
        """Mentions of one text, sorted by start and non-overlapping."""
        return next(self.extract_many([text]))

    def extract_many(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        """Mentions of each text, in order; texts are tagged in batches, faster per text."""
        iterator = iter(texts)
        while True:
            chunk = list(islice(iterator, _TEXTS_PER_CALL))
            if not chunk:
                return
            for text in chunk:
                if not isinstance(text, str):
                    raise TypeError(f"expected str, got {type(text).__name__}")
            for text, (tokens, spans) in zip(chunk, self._tagger.tag(chunk), strict=True):
                yield finish(text, tokens, spans)


def finish(text: str, tokens: Tokens, spans: list[RawSpan]) -> list[Mention]:
    """Tagger spans of one text to mentions: repaired, made consistent, normalised."""
    spans = repair(text, spans)
    spans = refine(text, spans)
    spans = harmonise(text, tokens, spans)
    normals = normal_forms(text, spans)
    return [
        Mention(span.start, span.stop, span.type, text[span.start : span.stop], normal)
        for span, normal in zip(spans, normals, strict=True)
    ]
