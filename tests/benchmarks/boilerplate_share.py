"""How much of each outlet is boilerplate, what the learned units are, and how long finding them takes.

    python tests/benchmarks/boilerplate_share.py [--corpora DIR] [--units N]

For the Telegram posts of 25 Nov – 3 Dec 2024 (learned from that window alone, as an archive that holds
only those days would), then for the whole Telegram file, then for the RT / Nezavisimaya Gazeta articles,
prints per outlet: posts, the share of posts in which boilerplate was found, the share of characters
marked, the posts that are nothing but boilerplate, the time ``learn`` + ``boilerplate_spans`` took, and the
most frequent learned units with their document frequency. Articles without an outlet are learned as one
group «(no outlet)»: a mixture of sources only dilutes each source's boilerplate, so it errs towards
finding less.

Texts are read as the import reads them: with the project's markup reader (``viewer.text.markup``) when it
is there, else with a crude regular expression (``[label](url)`` → label, ``**``/``__``/``||``/``~~``
deleted) and ``clean_text``; the output says which. The corpora are read from ``--corpora`` (default
``../shared/corpora`` beside the project) and never copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.text.boilerplate import (  # noqa: E402
    BoilerplateModel,
    boilerplate_spans,
    is_only_boilerplate,
    learn,
)
from viewer.text.normalise import clean_text  # noqa: E402

TELEGRAM = "news_tg_channel_posts.jsonl.gz"
ARTICLES = "news_rt_ng_articles.jsonl.gz"
WINDOW = ("2024-11-25", "2024-12-03")
NO_OUTLET = "(no outlet)"

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|__|\|\||~~")


def reader() -> tuple[Callable[[str], str], str]:
    """The function that turns a stored text into the archive's plain text, and its name for the output."""
    try:
        from viewer.text.markup import read_markup
    except ImportError:

        def crude(text: str) -> str:
            return clean_text(_MARKS.sub("", _LINK.sub(r"\1", text)))

        return crude, "a crude regular expression + clean_text (viewer/text/markup.py is not there)"
    return (lambda text: read_markup(text).text), "viewer.text.markup.read_markup"


def read_jsonl(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def by_outlet(records: list[dict], plain: Callable[[str], str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for record in records:
        groups[record.get("outlet") or NO_OUTLET].append(plain(record.get("text") or ""))
    return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])))


def report(title: str, groups: dict[str, list[str]], units: int) -> tuple[float, float]:
    """Print one table; return the seconds spent in learn and in boilerplate_spans."""
    print(f"\n{title}")
    header = f"{'outlet':<28} {'posts':>6} {'with bp':>8} {'chars':>7} {'only bp':>8} {'learn+spans':>12}"
    print(header)
    print("-" * len(header))
    learn_total = spans_total = 0.0
    posts = found = only = 0
    chars = marked = 0
    models: dict[str, BoilerplateModel] = {}
    for outlet, bodies in groups.items():
        started = time.perf_counter()
        model = learn(bodies)
        learned = time.perf_counter()
        spans = [boilerplate_spans(body, model) for body in bodies]
        done = time.perf_counter()
        learn_total += learned - started
        spans_total += done - learned
        models[outlet] = model
        outlet_chars = sum(len(body) for body in bodies)
        outlet_marked = sum(stop - start for found_spans in spans for start, stop in found_spans)
        outlet_found = sum(1 for found_spans in spans if found_spans)
        outlet_only = sum(
            1 for body, found_spans in zip(bodies, spans, strict=True) if is_only_boilerplate(body, found_spans)
        )
        posts += len(bodies)
        found += outlet_found
        only += outlet_only
        chars += outlet_chars
        marked += outlet_marked
        print(
            f"{outlet[:28]:<28} {len(bodies):>6} {outlet_found / len(bodies):>8.1%} "
            f"{outlet_marked / max(outlet_chars, 1):>7.2%} {outlet_only:>8} {(done - started) * 1000:>9.0f} ms"
        )
    print("-" * len(header))
    print(
        f"{'all':<28} {posts:>6} {found / max(posts, 1):>8.1%} {marked / max(chars, 1):>7.2%} {only:>8} "
        f"{(learn_total + spans_total) * 1000:>9.0f} ms"
    )
    print(f"learn {learn_total:.2f} s, boilerplate_spans {spans_total:.2f} s over {chars / 1e6:.1f} M characters")
    print("learned units (kind, share of the outlet's distinct posts, key):")
    for outlet, model in models.items():
        rows = model.units()
        if not rows:
            print(f"  {outlet}: none")
            continue
        print(f"  {outlet}: {len(rows)} unit{'s' if len(rows) != 1 else ''}")
        for kind, key, count in rows[:units]:
            print(f"      {kind:<5} {count / model.documents:>6.1%}  {key[:90]}")
    return learn_total, spans_total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--units", type=int, default=4, help="learned units to print per outlet")
    args = parser.parse_args()
    corpora: Path = args.corpora
    telegram, articles = corpora / TELEGRAM, corpora / ARTICLES
    if not telegram.is_file() and not articles.is_file():
        print(f"skipped: neither {TELEGRAM} nor {ARTICLES} is in {corpora}")
        return 0
    plain, how = reader()
    print(f"texts read with {how}")
    if telegram.is_file():
        started = time.perf_counter()
        posts = list(read_jsonl(telegram))
        window = [record for record in posts if WINDOW[0] <= (record.get("date") or "")[:10] <= WINDOW[1]]
        window_groups = by_outlet(window, plain)
        all_groups = by_outlet(posts, plain)
        print(f"read {len(posts)} Telegram posts in {time.perf_counter() - started:.1f} s")
        report(
            f"Telegram posts of {WINDOW[0]} – {WINDOW[1]}, learned from the window's {len(window)} posts",
            window_groups,
            args.units,
        )
        report(f"Telegram posts, the whole file ({len(posts)} posts)", all_groups, args.units)
    else:
        print(f"skipped the Telegram posts: no {TELEGRAM} in {corpora}")
    if articles.is_file():
        records = list(read_jsonl(articles))
        groups = by_outlet(records, plain)
        characters = sum(len(body) for bodies in groups.values() for body in bodies)
        learn_seconds, spans_seconds = report(
            f"RT / NG articles ({len(records)} articles, {characters / 1e6:.1f} M characters)", groups, args.units
        )
        print(f"RT / NG: learn over every outlet {learn_seconds:.2f} s, spans over every article {spans_seconds:.2f} s")
    else:
        print(f"skipped the RT / NG articles: no {ARTICLES} in {corpora}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
