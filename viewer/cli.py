"""The ``letopis`` command: the desktop app when run bare, and subcommands for scripts.

Exit status is 0 on success and 1 on failure, with a one-line message on stderr
(2 for a malformed command line). ``--json`` output is a stable contract.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer import __version__
from viewer.compare import export_csv, export_html
from viewer.events.pairs import PairsError, judge_pairs, load_fingerprints
from viewer.importer import ImportCancelled, ImportSummary
from viewer.library import ArchiveBusyError, Library
from viewer.search.query import QueryError
from viewer.search.searcher import SORTS


class CommandError(Exception):
    """A failure to report on one line."""


class ProgressLine:
    """``progress(done, total, note)`` for the terminal: rate and time left, on stderr."""

    def __init__(self, stream: Any = None, quiet: bool = False) -> None:
        self._stream = stream or sys.stderr
        self._quiet = quiet
        self._tty = bool(getattr(self._stream, "isatty", lambda: False)())
        self._started = time.monotonic()
        self._last = 0.0
        self._note = ""

    def __call__(self, done: int, total: int | None, note: str) -> None:
        if self._quiet:
            return
        now = time.monotonic()
        if note != self._note:
            self._note, self._started = note, now
        final = total is not None and done >= total
        if not final and now - self._last < (0.2 if self._tty else 5.0):
            return
        self._last = now
        elapsed = max(now - self._started, 1e-6)
        text = note
        if total:
            rate = done / elapsed
            left = (total - done) / rate if rate > 0 else 0
            text += f" {done}/{total} ({rate:.0f}/s, ETA {_clock(left)})"
        if self._tty:
            self._stream.write("\r\x1b[K" + text + ("\n" if final else ""))
        else:
            self._stream.write(text + "\n")
        self._stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _field_values(pairs: Sequence[str], option: str) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise CommandError(f"{option} takes FIELD=VALUE, not «{pair}»")
        values.setdefault(name.strip(), []).append(value.strip())
    return values


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_summary(summary: ImportSummary) -> None:
    print(summary.describe())


# commands ----------------------------------------------------------------------
def cmd_index(library: Library, args: argparse.Namespace) -> None:
    progress = ProgressLine(quiet=args.quiet)
    if args.paths:
        summary = library.add(args.paths, progress, events=not args.no_events, entities=not args.no_entities)
    else:
        library.ensure_sample(progress, entities=not args.no_entities)
        summary = library.refresh(progress, events=not args.no_events, entities=not args.no_entities)
    _print_summary(summary)


def cmd_search(library: Library, args: argparse.Namespace) -> None:
    library.ensure_sample(ProgressLine(quiet=True))
    result = library.search(
        " ".join(args.query),
        filters=_field_values(args.filter, "--filter"),
        excludes=_field_values(args.exclude, "--exclude"),
        sort=args.sort,
        offset=args.offset,
        limit=args.limit,
    )
    if args.json:
        _print_json(result.to_json())
        return
    print(f"{result.total} articles")
    for number, hit in enumerate(result.hits, args.offset + 1):
        meta = " · ".join(x for x in (hit.outlet, (hit.published or "")[:10], hit.author) if x)
        print(f"\n{number}. {hit.title}\n   {meta}   [{hit.id}]")
        print("   " + _terminal_snippet(hit.snippet_text, hit.snippet_spans))


def _terminal_snippet(text: str, spans: Sequence[tuple[int, int]]) -> str:
    bold = sys.stdout.isatty()
    out, at = [], 0
    for start, stop in spans:
        out.append(text[at:start])
        word = text[start:stop]
        out.append(f"\x1b[1m{word}\x1b[0m" if bold else f"[{word}]")
        at = stop
    out.append(text[at:])
    return "".join(out)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text for a terminal: control characters (escape sequences in a hostile path or title) shown, not obeyed."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def cmd_show(library: Library, args: argparse.Namespace) -> None:
    library.ensure_sample(ProgressLine(quiet=True))
    article = library.article(args.id)
    if article is None:
        hint = "; an event is shown by «letopis event»" if args.id.startswith("ev-") else ""
        raise CommandError(f"no article with id «{args.id}» (a Letopis id or the record's own id){hint}")
    original = library.original_of(article.id)
    data = {
        "id": article.id,
        "source_id": article.source_ids[0] if article.source_ids else None,
        "title": article.title,
        "outlet": article.outlet,
        "source_outlet": article.source_outlet,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "paths": list(article.paths),
        "sources": [
            {"path": source.path, "locator": source.locator, "source_id": source.source_id}
            for source in article.sources
        ],
        "copy_of": {"id": original.id, "outlet": original.outlet, "minutes_later": original.minutes_later}
        if original
        else None,
        "boilerplate": [list(span) for span in article.boilerplate],
        "only_boilerplate": library.content(article).only_boilerplate,
        "added": article.added,
        "body": article.body,
    }
    if args.json:
        _print_json(data)
        return
    print(printable(article.title))
    for label, key in (("Outlet", "outlet"), ("Author", "author"), ("Published", "published"), ("URL", "url")):
        if data[key]:
            print(f"{label}: {printable(str(data[key]))}")
    if original is not None:
        print(f"Copy: {printable(original.describe())} ({original.id})")
    for source in article.sources:
        place = f" ({source.locator})" if source.locator else ""
        record = f", record {source.source_id}" if source.source_id else ""
        print(f"File: {printable(source.path)}{printable(place)}{printable(record)}")
    print()
    print(printable(article.body))


def cmd_problems(library: Library, args: argparse.Namespace) -> None:
    problems = library.problems()
    if args.json:
        _print_json({"problems": [{"path": p.path, "reason": p.reason} for p in problems]})
        return
    if not problems:
        print("no import problems")
    for problem in problems:
        print(f"{problem.path}: {problem.reason}")


def cmd_status(library: Library, args: argparse.Namespace) -> None:
    library.ensure_sample(ProgressLine(quiet=True))
    roots = library.roots()
    data = {
        "home": str(library.locations.data.parent),
        "articles": library.article_count(),
        "folders": [{"path": p, "sample": s} for p, s in roots],
        "problems": len(library.problems()),
    }
    if args.json:
        _print_json(data)
        return
    print(f"Letopis {__version__}: {data['articles']} articles, {data['problems']} import problems")
    for path, sample in roots:
        print(f"  {path}{'  (sample archive)' if sample else ''}")


def cmd_remove(library: Library, args: argparse.Namespace) -> None:
    print(f"removed {library.remove(args.path)} articles")


def cmd_outlets(library: Library, args: argparse.Namespace) -> None:
    if args.remove:
        moved = library.remove_outlet_alias(args.remove)
        print(f"alias removed; {moved} articles refiled")
    elif args.alias:
        if not args.outlet:
            raise CommandError("give both a spelling or host and the outlet it stands for")
        moved = library.set_outlet_alias(args.alias, args.outlet)
        print(f"alias saved; {moved} articles refiled")
    aliases = library.outlet_aliases()
    if args.json:
        _print_json({"aliases": aliases})
    elif not args.alias and not args.remove:
        for alias, outlet in aliases.items():
            print(f"{alias} -> {outlet}")


def cmd_events(library: Library, args: argparse.Namespace) -> None:
    library.ensure_sample(ProgressLine(quiet=True))
    if args.regroup:
        library.group_events(ProgressLine(), regroup=True)
    events = library.events()
    if args.json:
        _print_json({"events": [e.to_json() for e in events]})
        return
    for event in events:
        dates = " – ".join(dict.fromkeys(d[:10] for d in (event.start, event.end) if d)) or "undated"
        print(f"{event.id}  {len(event.articles):>3}  {dates}  {event.label}")
        if len(event.articles) > 1:
            print(f"{'':22}{', '.join(event.outlets)}")
        if event.entities:
            print(f"{'':22}{', '.join(name for name, _ in event.entities)}")


def cmd_event(library: Library, args: argparse.Namespace) -> None:
    library.ensure_sample(ProgressLine(quiet=True))
    try:
        if args.merge:
            library.merge_events([args.id, *args.merge])
        if args.split:
            library.split_event(args.id, args.split)
        if args.move_in:
            for article_id in args.move_in:
                library.move_article(article_id, args.id)
        if args.move_out:
            for article_id in args.move_out:
                library.move_article(article_id, None)
        if args.rename is not None:
            library.rename_event(args.id, args.rename)
        if args.pin or args.unpin:
            library.pin_event(args.id, pinned=args.pin)
    except KeyError as error:
        raise CommandError(error.args[0]) from None
    except ValueError as error:
        raise CommandError(str(error)) from None
    event = library.event(args.id)
    if event is None:
        raise CommandError(f"no event with id «{args.id}» (it may have been merged into another)")
    if args.json:
        data = event.to_json()
        data["pinned"] = event.pinned
        _print_json(data)
        return
    print(f"{event.label}\n{event.id}{'  (pinned)' if event.pinned else ''}")
    for article_id in event.articles:
        article = library.article(article_id)
        if article is not None:
            when = (article.published or "undated")[:16]
            copy = f"  ({article.original.describe()})" if article.original else ""
            print(printable(f"  {article.id}  {when:16}  {article.outlet or '':20}  {article.title}{copy}"))


def cmd_same_story(library: Library | None, args: argparse.Namespace) -> None:
    try:
        fingerprints = load_fingerprints(Path(args.articles))
        for judgement in judge_pairs(fingerprints, Path(args.pairs)):
            if args.json:
                print(json.dumps(judgement.to_json(), ensure_ascii=False))
            else:
                verdict = "same" if judgement.same else "different"
                print(f"{judgement.id1}\t{judgement.id2}\t{verdict}\t{judgement.score:.3f}")
    except PairsError as error:
        raise CommandError(str(error)) from None


def cmd_entities(library: Library | None, args: argparse.Namespace) -> None:
    """Entities in raw text (no archive needed), a batch of texts, or what the archive has left."""
    if args.pending:
        with Library.open(args.home) as archive:
            left = archive.entities_pending()
            print(json.dumps({"pending": left}) if args.json else f"{left} articles not yet read for entities")
        return
    from viewer.entities import EntityExtractor  # loads the models

    extractor = EntityExtractor()
    if args.jsonl:
        _entities_batch(extractor, args.jsonl)
        return
    text = sys.stdin.read() if args.file in (None, "-") else _read_text_file(args.file)
    found = [_mention_json(m) for m in extractor.extract(text)]
    if args.json:
        _print_json({"entities": found})
    else:
        for m in found:
            print(f"{m['start']}-{m['stop']}\t{m['type']}\t{m['text']}\t{m['normal']}")


def _mention_json(mention: Any) -> dict[str, object]:
    return {"start": mention.start, "stop": mention.stop, "type": mention.type, "text": mention.text,
            "normal": mention.normal}


def _read_text_file(path: str) -> str:
    from viewer.archive.decoding import DecodeError, decode

    try:
        return decode(Path(path).read_bytes())
    except DecodeError as error:
        raise CommandError(f"{path}: {error.reason}") from None


def _entities_batch(extractor: Any, path: str) -> None:
    """Each input line {"id", "text"} gives a line {"id", "entities": [...]}; models load once."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        records = []
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                records.append((record["id"], str(record["text"])))
            except (ValueError, KeyError, TypeError):
                raise CommandError(f"{path}, line {number}: expected {{\"id\", \"text\"}}") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    for (record_id, _), mentions in zip(records, extractor.extract_many(t for _, t in records), strict=True):
        print(json.dumps({"id": record_id, "entities": [_mention_json(m) for m in mentions]}, ensure_ascii=False))


def cmd_entity(library: Library, args: argparse.Namespace) -> None:
    library.ensure_sample(ProgressLine(quiet=True))
    if library.entities_pending():
        library.extract_entities(ProgressLine())
    try:
        if args.merge_into:
            library.merge_entities(args.name, args.merge_into)
        if args.rename:
            library.rename_entity(args.name, args.rename)
        if args.type:
            library.set_entity_type(args.name, args.type)
        if args.hide or args.unhide:
            library.hide_entity(args.name, hidden=args.hide)
    except ValueError as error:
        raise CommandError(str(error)) from None
    if args.hide:
        print(f"«{args.name}» is hidden")
        return
    shown = args.merge_into or args.rename or args.name
    view = library.entity(shown)
    if view is None:
        raise CommandError(f"no entity named «{shown}»")
    if args.json:
        _print_json(view.to_json())
        return
    span = " – ".join(dict.fromkeys(d[:10] for d in (view.first, view.last) if d)) or "undated"
    print(f"{view.name} ({view.type}): {view.mentions} mentions in {len(view.articles)} articles, {span}")
    if view.related:
        print("Named with: " + ", ".join(f"{n} ({c})" for n, _, c in view.related[:10]))
    for article_id in view.articles:
        article = library.article(article_id)
        if article is not None:
            print(f"  {article.id}  {(article.published or 'undated')[:10]:10}  {article.title}")


def cmd_compare(library: Library, args: argparse.Namespace) -> None:
    library.ensure_sample(ProgressLine(quiet=True))
    try:
        comparison = library.compare(args.ids)
    except KeyError as error:
        raise CommandError(error.args[0]) from None
    except ValueError as error:
        raise CommandError(str(error)) from None
    if args.html:
        export_html(comparison, Path(args.html))
        print(f"comparison written to {args.html}")
    if args.csv:
        export_csv(comparison, Path(args.csv))
        print(f"discrepancies written to {args.csv}")
    if args.json:
        _print_json(comparison.to_json())
    elif not args.html and not args.csv:
        _print_comparison(comparison.to_json())


def _print_comparison(data: dict[str, Any]) -> None:
    """A terminal digest: who reported when, what differs, which remarks recur."""
    outlets = {entry["report"]: entry["outlet"] or entry["report"] for entry in data["timeline"]}
    print("Timeline")
    for entry in data["timeline"]:
        lag = entry["lag_seconds"]
        if entry["first"]:
            when = "first"
        else:
            when = f"+{lag // 3600} h {lag % 3600 // 60:02d} min" if lag is not None else "undated"
        print(f"  {(entry['published'] or 'undated')[:16]:16}  {when:14}  {outlets[entry['report']]}")
    kinds = [passage["kind"] for passage in data["passages"]]
    print("\nPassages: " + ", ".join(f"{kinds.count(k)} {k}" for k in ("identical", "near", "paraphrase", "unique")))
    print(f"\nDiscrepancies ({len(data['discrepancies'])})")
    for item in data["discrepancies"]:
        a, b = item["a"], item["b"]
        print(f"  {item['what']}: «{a['text']}» ({outlets[a['report']]}) vs «{b['text']}» ({outlets[b['report']]})")
    quotes = {quote["id"]: quote for quote in data["quotes"]}
    print(f"\nQuotes ({len(quotes)}), the same remark in several reports ({len(data['quote_matches'])})")
    for match in data["quote_matches"]:
        a, b = quotes[match["a"]], quotes[match["b"]]
        speaker = a.get("speaker") or b.get("speaker") or "unknown speaker"
        print(f"  {speaker}: {outlets[a['report']]} and {outlets[b['report']]} ({match['kind']})")


def cmd_rebuild(library: Library, args: argparse.Namespace) -> None:
    library.rebuild_index()
    print(f"index rebuilt: {library.article_count()} articles")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="letopis", description="Letopis: an archive of news coverage with Russian full-text search."
    )
    parser.add_argument("--version", action="version", version=f"Letopis {__version__}")
    parser.add_argument("--home", metavar="DIR", help="keep data, settings and cache under DIR")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("index", help="import folders or files (only what changed); no PATH: re-scan all")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--no-events", action="store_true", help="do not group the new articles into events")
    p.add_argument("--no-entities", action="store_true", help="text stage only; find entities later")
    p.set_defaults(run=cmd_index)

    p = sub.add_parser("search", help="search the archive")
    p.add_argument("query", nargs="*", metavar="QUERY")
    p.add_argument("--sort", choices=SORTS, default="relevance")
    p.add_argument("--filter", action="append", default=[], metavar="FIELD=VALUE")
    p.add_argument("--exclude", action="append", default=[], metavar="FIELD=VALUE")
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.add_argument("--offset", type=int, default=0, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("show", help="one article with its metadata and text")
    p.add_argument("id", help="a Letopis article id, or the id the record had in its source (JSON id or guid)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("problems", help="files that could not be imported, and why")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_problems)

    p = sub.add_parser("status", help="the archive's folders and size")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("remove", help="stop following a folder; its articles leave the archive")
    p.add_argument("path")
    p.set_defaults(run=cmd_remove)

    p = sub.add_parser("outlets", help="list outlet aliases, or file a host or spelling under an outlet")
    p.add_argument("alias", nargs="?", help="a host (omskzdes.ru) or a spelling («Омск-здесь»)")
    p.add_argument("outlet", nargs="?", help="the outlet name it stands for")
    p.add_argument("--remove", metavar="ALIAS")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_outlets)

    p = sub.add_parser("events", help="the events: reports of the same story grouped together")
    p.add_argument("--regroup", action="store_true", help="group every article again (corrections are kept)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_events)

    p = sub.add_parser("event", help="one event's reports; corrections: merge, split, move, rename, pin")
    p.add_argument("id")
    p.add_argument("--merge", nargs="+", metavar="EVENT", default=[], help="merge these events into this one")
    p.add_argument("--split", nargs="+", metavar="ARTICLE", default=[], help="split these articles off")
    p.add_argument("--move-in", nargs="+", metavar="ARTICLE", default=[], help="put these articles in this event")
    p.add_argument("--move-out", nargs="+", metavar="ARTICLE", default=[], help="give these articles their own events")
    p.add_argument("--rename", metavar="LABEL", help="a label of your own (empty: the automatic one)")
    pin = p.add_mutually_exclusive_group()
    pin.add_argument("--pin", action="store_true", help="keep exactly these articles together")
    pin.add_argument("--unpin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_event)

    p = sub.add_parser("entities", help="people, organisations and places in a text, or what the archive has left")
    p.add_argument("file", nargs="?", metavar="FILE|-", help="a text file (default: standard input)")
    p.add_argument("--jsonl", metavar="FILE", help='lines {"id", "text"} in, lines {"id", "entities"} out')
    p.add_argument("--pending", action="store_true", help="how many articles are not yet read for entities")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_entities, archive=False)

    p = sub.add_parser("entity", help="an entity's articles and company; curation: merge, rename, type, hide")
    p.add_argument("name")
    p.add_argument("--merge-into", metavar="NAME", help="treat NAME's articles as this other entity's")
    p.add_argument("--rename", metavar="NEW")
    p.add_argument("--type", choices=("PER", "ORG", "LOC"))
    hide = p.add_mutually_exclusive_group()
    hide.add_argument("--hide", action="store_true", help="a false entity: not shown or counted")
    hide.add_argument("--unhide", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_entity)

    p = sub.add_parser("compare", help="line up reports side by side: shared passages, discrepancies, quotes")
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids, or an event id for all its reports")
    p.add_argument("--json", action="store_true")
    p.add_argument("--html", metavar="FILE", help="a self-contained report to open or print")
    p.add_argument("--csv", metavar="FILE", help="the discrepancies as a spreadsheet")
    p.set_defaults(run=cmd_compare)

    p = sub.add_parser("same-story", help="judge pairs of articles: same story or not")
    p.add_argument("--articles", required=True, metavar="ARTICLES.jsonl")
    p.add_argument("--pairs", required=True, metavar="PAIRS.jsonl")
    p.add_argument("--json", action="store_true", help="JSON Lines {id1, id2, same, score}")
    p.set_defaults(run=cmd_same_story, archive=False)

    p = sub.add_parser("rebuild", help="rebuild the search index from the catalog")
    p.set_defaults(run=cmd_rebuild)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _run_app(args.home)
    if getattr(args, "limit", 1) < 0 or getattr(args, "offset", 0) < 0:
        parser.error("--limit and --offset take numbers of 0 or more")
    try:
        if getattr(args, "archive", True):
            with Library.open(args.home) as library:
                args.run(library, args)
        else:
            args.run(None, args)
    except (CommandError, QueryError, ArchiveBusyError) as error:
        print(f"letopis: {error}", file=sys.stderr)
        return 1
    except ImportCancelled:
        print("letopis: import cancelled; the archive is as it was", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader of our output went away (`| head`): not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("letopis: interrupted; the archive is as it was before this command", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"letopis: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    return 0


def _run_app(home: str | None) -> int:
    try:
        from viewer.ui.app import run
    except ImportError as error:
        print(f"letopis: the desktop app cannot start ({error}); see `letopis --help`", file=sys.stderr)
        return 1
    return run(home)
