"""``compare``: the steps of a comparison, in the order each needs the previous ones.

Sentences first (everything else is located by them), then the weights of words within this
set, alignment, passages, figures and their discrepancies (which use the alignment as evidence),
quotes and their matches (whose misattributions become discrepancies too), entity coverage and
the timeline.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.compare.alignment import align
from viewer.compare.coverage import entity_coverage
from viewer.compare.discrepancies import Discrepancy, Place, find_discrepancies
from viewer.compare.facts import extract_facts
from viewer.compare.inputs import ReportInput, validate
from viewer.compare.passages import build_passages
from viewer.compare.quote_matches import QuoteMatch, match_quotes
from viewer.compare.quotes import Quote, extract_quotes
from viewer.compare.report import Comparison
from viewer.compare.sentences import split_sentences
from viewer.compare.speakers import People
from viewer.compare.timeline import timeline
from viewer.compare.weights import Weights


def compare(reports: Sequence[ReportInput]) -> Comparison:
    """Compare two or more reports of one event; raises ValueError for fewer than two."""
    validate(reports)
    reports = tuple(reports)
    sentences = tuple(tuple(split_sentences(report.body, position)) for position, report in enumerate(reports))
    weights = Weights(sentence.content for report_sentences in sentences for sentence in report_sentences)
    links = align(sentences, weights)
    facts = tuple(
        tuple(fact for sentence in report_sentences for fact in extract_facts(sentence))
        for report_sentences in sentences
    )
    discrepancies = find_discrepancies(facts, sentences, links, weights)
    quotes: list[Quote] = []
    for position, report in enumerate(reports):
        people = People(report.body, _valid_mentions(report))
        quotes.extend(extract_quotes(position, report.body, list(sentences[position]), people))
    matches = match_quotes(quotes, weights)
    discrepancies.extend(_misattributed(matches))
    return Comparison(
        reports=reports,
        sentences=sentences,
        links=tuple(links),
        passages=tuple(build_passages(sentences, links)),
        facts=facts,
        discrepancies=tuple(discrepancies),
        quotes=tuple(quotes),
        quote_matches=tuple(matches),
        coverage=tuple(entity_coverage(reports)),
        timeline=tuple(timeline(reports)),
    )


def _valid_mentions(report: ReportInput) -> list:
    """Mentions whose offsets lie inside the body (stale offsets would name the wrong words)."""
    size = len(report.body)
    return [mention for mention in report.mentions if 0 <= mention.start < mention.stop <= size]


def _misattributed(matches: list[QuoteMatch]) -> list[Discrepancy]:
    """The same words given to different speakers by two reports."""
    found = []
    for match in matches:
        if match.same_speaker is not False:
            continue
        sides = [
            Place(
                quote.report,
                None,
                quote.start,
                quote.stop,
                quote.text,
                quote.speaker or "",
                quote.speaker,
                "",
                quote.text,
            )
            for quote in (match.a, match.b)
        ]
        found.append(
            Discrepancy("speaker", "кто сказал", sides[0], sides[1], None, max(match.cosine, match.containment))
        )
    return found
