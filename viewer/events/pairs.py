"""Judging given pairs of articles, the way grouping judges them (``letopis same-story``)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from viewer.archive.formats import read_file
from viewer.events.features import StoryFingerprint, fingerprint
from viewer.events.frequencies import DocumentFrequencies
from viewer.events.similarity import is_same_story


class PairsError(ValueError):
    """The articles or pairs file cannot be used, with a reason for the user."""


@dataclass(frozen=True)
class PairJudgement:
    id1: str
    id2: str
    same: bool
    score: float

    def to_json(self) -> dict[str, object]:
        return {"id1": self.id1, "id2": self.id2, "same": self.same, "score": round(self.score, 4)}


def load_fingerprints(articles: Path) -> dict[str, StoryFingerprint]:
    """Fingerprints of the articles in a JSON Lines file, by each record's "id"."""
    contents = read_file(articles)
    if not contents.articles:
        raise PairsError(f"no articles in {articles}: {'; '.join(contents.problems[:3]) or 'empty'}")
    found = {}
    for article in contents.articles:
        article_id = article.source_id
        if article_id:
            found[article_id] = fingerprint(article.title, article.body, article.published)
    if not found:
        raise PairsError(f"the articles in {articles} have no \"id\" field")
    return found


def judge_pairs(fingerprints: Mapping[str, StoryFingerprint], pairs: Path) -> Iterator[PairJudgement]:
    """One judgement per line {"id1", "id2"} of ``pairs``; document frequencies come from all articles."""
    df = DocumentFrequencies.of(fingerprints.values())
    with pairs.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                id1, id2 = str(record["id1"]), str(record["id2"])
            except (ValueError, KeyError, TypeError) as error:
                raise PairsError(f"{pairs}, line {number}: not a pair {{\"id1\", \"id2\"}} ({error})") from None
            missing = [i for i in (id1, id2) if i not in fingerprints]
            if missing:
                raise PairsError(f"{pairs}, line {number}: no article with id «{missing[0]}»")
            same, score = is_same_story(fingerprints[id1], fingerprints[id2], df)
            yield PairJudgement(id1, id2, same, score)
