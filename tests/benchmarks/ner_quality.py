"""NER quality on factRuEval-2016 (dev), against plain natasha, two ways; and normal forms.

Usage:
    python tests/benchmarks/ner_quality.py [--data PATH] [--errors PER|ORG|LOC]

Scores, per type, precision / recall / F1:

* token by token, as natasha's evaluation (naeval) scores NER: the text is cut into
  razdel tokens, each token is labelled with the type of the span that covers it,
  and precision and recall are counted over tokens, per type. This is naeval's
  ``tag_f1``/``spans_io`` logic, reimplemented here; when the ``naeval`` package is
  importable the same figures are computed with it too and must agree;
* exact span: a predicted span counts only if its start, stop and type all equal
  those of a gold span.

The baseline is plain natasha, computed in the same run: ``Doc(text).segment(
Segmenter())``, ``doc.tag_ner(NewsNERTagger(NewsEmbedding()))``, nothing else.
Normal forms: accuracy on the hand-made cases of ``tests/core/test_entities.py``
plus harder cases listed below, for Letopis and for natasha's
``span.normalize(MorphVocab())`` on the phrase alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from razdel import tokenize  # noqa: E402

from viewer.entities import EntityExtractor, normal_form  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "ner_factru2016_dev.jsonl"
TYPES = ("PER", "LOC", "ORG")
Span = tuple[int, int, str]

# Normal forms the rules are known to get wrong at times: a first name that is also
# a woman's name next to a surname that is also a common noun, Korean names.
HARD_NORMAL_FORM_CASES = [
    ("Илона Маска", "PER", "Илон Маск"),
    ("Ким Чен Ына", "PER", "Ким Чен Ын"),
    ("Сергея Лаврова", "PER", "Сергей Лавров"),
    ("Татьяны Голиковой", "PER", "Татьяна Голикова"),
    ("Михаилом Мишустиным", "PER", "Михаил Мишустин"),
    ("Новой Зеландии", "LOC", "Новая Зеландия"),
    ("Российской Федерации", "LOC", "Российская Федерация"),
    ("Международного олимпийского комитета", "ORG", "Международный олимпийский комитет"),
    ("Центральной избирательной комиссии", "ORG", "Центральная избирательная комиссия"),
    ("Совета Федерации", "ORG", "Совет Федерации"),
]


class Counts:
    """Correct, predicted and gold counts for precision, recall and F1."""

    def __init__(self) -> None:
        self.correct = 0
        self.predicted = 0
        self.gold = 0

    def add(self, correct: int, predicted: int, gold: int) -> None:
        self.correct += correct
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def token_labels(tokens: Sequence[tuple[int, int]], spans: Sequence[Span], kind: str) -> list[bool]:
    """naeval's ``spans_io`` for one type: is each token inside a span of that type."""
    selected = [span for span in spans if span[2] == kind]
    out = []
    index = 0
    for start, stop in tokens:
        inside = False
        if index < len(selected):
            span = selected[index]
            if start >= span[0]:
                inside = True
            if stop >= span[1]:
                index += 1
        out.append(inside)
    return out


def score(texts: Sequence[str], golds: Sequence[list[Span]], preds: Sequence[list[Span]]):
    """Per type: (token Counts, exact-span Counts)."""
    tokens_of = [[(token.start, token.stop) for token in tokenize(text)] for text in texts]
    result = {}
    for kind in TYPES:
        by_token, exact = Counts(), Counts()
        for tokens, gold, pred in zip(tokens_of, golds, preds, strict=True):
            gold_io = token_labels(tokens, gold, kind)
            pred_io = token_labels(tokens, pred, kind)
            by_token.add(sum(g and p for g, p in zip(gold_io, pred_io, strict=True)), sum(pred_io), sum(gold_io))
            gold_set = {span for span in gold if span[2] == kind}
            pred_set = {span for span in pred if span[2] == kind}
            exact.add(len(gold_set & pred_set), len(pred_set), len(gold_set))
        result[kind] = (by_token, exact)
    return result


def naeval_token_f1(texts, golds, preds) -> dict[str, float] | None:
    """The token scores computed by naeval itself, when it is installed."""
    try:
        from naeval.ner.markup import Markup
        from naeval.ner.score import score_markups
        from naeval.span import Span as NaevalSpan
    except ImportError:
        return None

    def markups(all_spans):
        return [
            Markup(text, [NaevalSpan(start, stop, kind) for start, stop, kind in spans])
            for text, spans in zip(texts, all_spans, strict=True)
        ]

    scores = score_markups(markups(preds), markups(golds))
    return {kind: scores[kind].value for kind in TYPES}


def natasha_spans(texts: Iterable[str]) -> list[list[Span]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

        segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    out = []
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        out.append([(span.start, span.stop, span.type) for span in doc.spans])
    return out


def natasha_normal(phrase: str, kind: str, tools) -> str:
    """natasha's own normal form of a phrase tagged as one span of ``kind``."""
    from natasha import Doc
    from natasha.doc import DocSpan

    segmenter, morph_tagger, syntax_parser, vocab = tools
    doc = Doc(phrase)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)
    span = DocSpan(0, len(phrase), kind, phrase, tokens=list(doc.tokens))
    span.normalize(vocab)
    return span.normal


def normal_form_report() -> None:
    from tests.core.test_entities import NORMAL_FORM_CASES

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsSyntaxParser, Segmenter

        embedding = NewsEmbedding()
        tools = (Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding), MorphVocab())
    print("\nNormal forms (hand-made cases: exact string match)")
    print(f"{'set':<22}{'cases':>7}{'Letopis':>10}{'natasha':>10}")
    misses = []
    for name, cases in (("basic (tests)", NORMAL_FORM_CASES), ("hard", HARD_NORMAL_FORM_CASES)):
        ours = theirs = 0
        for phrase, kind, expected in cases:
            got = normal_form(phrase, kind)
            ours += got == expected
            if got != expected:
                misses.append(f"  {phrase!r} -> {got!r}, expected {expected!r}")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                theirs += natasha_normal(phrase, kind, tools) == expected
        print(f"{name:<22}{len(cases):>7}{ours / len(cases):>10.3f}{theirs / len(cases):>10.3f}")
    if misses:
        print("Letopis misses:")
        print("\n".join(misses))


def print_table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    header = f"{'system':<10}" + "".join(f"{kind:>22}" for kind in TYPES)
    print(header)
    print(f"{'':<10}" + "".join(f"{'P     R     F1':>22}" for _ in TYPES))
    for system, table in rows.items():
        cells = "".join(
            f"{table[kind].precision:>10.3f}{table[kind].recall:>6.3f}{table[kind].f1:>6.3f}" for kind in TYPES
        )
        print(f"{system:<10}{cells}")


def show_errors(texts, golds, preds, kind: str) -> None:
    for text, gold, pred in zip(texts, golds, preds, strict=True):
        gold_set = {span for span in gold if span[2] == kind}
        pred_set = {span for span in pred if span[2] == kind}
        for span in sorted(gold_set ^ pred_set):
            side = "missed " if span in gold_set else "extra  "
            context = text[max(0, span[0] - 30) : span[1] + 30].replace("\n", " ")
            print(f"{side}{text[span[0] : span[1]]!r:40} | {context}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", choices=TYPES, help="list Letopis's exact-span errors of a type")
    parser.add_argument("--no-normal", action="store_true", help="skip the normal-form report")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line]
    texts = [record["text"] for record in records]
    golds = [[(e["start"], e["stop"], e["type"]) for e in record["entities"]] for record in records]
    print(f"{args.data.name}: {len(texts)} texts, {sum(map(len, golds))} gold entities")

    started = time.perf_counter()
    baseline = natasha_spans(texts)
    natasha_seconds = time.perf_counter() - started
    started = time.perf_counter()
    extractor = EntityExtractor()
    ours = [[(m.start, m.stop, m.type) for m in found] for found in extractor.extract_many(texts)]
    ours_seconds = time.perf_counter() - started

    systems = {"natasha": baseline, "Letopis": ours}
    scored = {name: score(texts, golds, preds) for name, preds in systems.items()}
    print_table("Token by token (naeval's scoring)", {n: {k: v[k][0] for k in TYPES} for n, v in scored.items()})
    print_table("Exact span and type", {n: {k: v[k][1] for k in TYPES} for n, v in scored.items()})
    for name, preds in systems.items():
        check = naeval_token_f1(texts, golds, preds)
        if check is None:
            print("\n(naeval not installed: token scores from the reimplementation only)")
            break
        mine = {kind: scored[name][kind][0].f1 for kind in TYPES}
        agree = all(abs(check[kind] - mine[kind]) < 1e-9 for kind in TYPES)
        print(
            f"naeval's own score_markups for {name}: "
            + " ".join(f"{kind} {check[kind]:.3f}" for kind in TYPES)
            + (" (agrees)" if agree else " (DISAGREES)")
        )
    print(f"\ntime: natasha {natasha_seconds:.1f} s, Letopis {ours_seconds:.1f} s (model load included)")
    if args.errors:
        print(f"\nLetopis exact-span errors, {args.errors}:")
        show_errors(texts, golds, ours, args.errors)
    if not args.no_normal:
        normal_form_report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
