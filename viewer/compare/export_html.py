"""A self-contained HTML report of a comparison: readable on screen, offline, and printable on A4.

One file, inline CSS (``html_style``), no scripts, no fonts or images to fetch. Sections: timeline,
the reports side by side passage by passage, discrepancies, quotes, entity coverage. All article
text is HTML-escaped. Up to ``MAX_COLUMNS`` reports are laid out as table columns; more would be
too narrow on a printed page, so each passage is then shown as a block with one line per report.
Columns follow the timeline (the first to report on the left).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from html import escape

from viewer.compare.html_style import CSS
from viewer.compare.output import PathOrStream, open_text
from viewer.compare.report import Comparison
from viewer.compare.sentences import Sentence
from viewer.compare.timeline import format_lag

MAX_COLUMNS = 4
MAX_ENTITY_ROWS = 80
LONG_ROW_CHARS = 900  # taller rows may break across printed pages rather than leave half a page blank
SINGLE_QUOTE_CHARS = 420
KIND_LABELS = {"identical": "identical", "near": "near-identical", "paraphrase": "paraphrase", "unique": "unique"}
FACT_LABELS = {"count": "number", "ordinal": "ordinal", "money": "money", "percent": "percentage", "date": "date",
               "time": "time", "speaker": "speaker"}  # fmt: skip


def export_html(comparison: Comparison, path_or_stream: PathOrStream) -> None:
    """Write the comparison as one HTML file to a path or a stream."""
    with open_text(path_or_stream) as stream:
        stream.write(render_html(comparison))


def render_html(comparison: Comparison) -> str:
    order = [entry.report for entry in comparison.timeline]
    marks = _discrepancy_marks(comparison)
    first = comparison.reports[order[0]]
    title = first.title or "Untitled report"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Comparison: {escape(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        _header(comparison, title),
        _timeline(comparison),
        _side_by_side(comparison, order, marks),
        _discrepancies(comparison, marks),
        _quotes(comparison, order),
        _entities(comparison, order),
        "<footer>Letopis · side-by-side comparison. Offsets, scores and all sentence links are in the JSON export."
        "</footer>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _outlet(comparison: Comparison, report: int) -> str:
    """The outlet's name, with the report id when the outlet has several reports here."""
    item = comparison.reports[report]
    if not item.outlet:
        return item.id
    if sum(1 for other in comparison.reports if other.outlet == item.outlet) > 1:
        return f"{item.outlet} · {item.id}"
    return item.outlet


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "undated"
    offset = moment.utcoffset()
    zone = "UTC" if not offset else moment.strftime("UTC%z")
    return f"{moment:%Y-%m-%d %H:%M} {zone}"


def _header(comparison: Comparison, title: str) -> str:
    aligned = sum(1 for passage in comparison.passages if passage.kind != "unique")
    remarks = len(comparison.quote_groups())
    summary = (
        f"{len(comparison.reports)} reports · {aligned} aligned passages · "
        f"{len(comparison.discrepancies)} discrepanc{'y' if len(comparison.discrepancies) == 1 else 'ies'} · "
        f"{remarks} remark{'' if remarks == 1 else 's'} quoted in more than one report"
    )
    legend = (
        "".join(f'<li><span class="swatch {kind}"></span>{label}</li>' for kind, label in KIND_LABELS.items())
        + '<li><span class="swatch diff"></span>figure that differs between reports</li>'
    )
    return (
        f'<header><p class="eyebrow">Letopis · comparison of {len(comparison.reports)} reports</p>'
        f'<h1 lang="ru">{escape(title)}</h1><p class="summary">{summary}</p>'
        f'<ul class="legend">{legend}</ul></header>'
    )


def _timeline(comparison: Comparison) -> str:
    lags = [entry.lag.total_seconds() for entry in comparison.timeline if entry.lag is not None]
    longest = max(lags, default=0.0) or 1.0
    rows = []
    for number, entry in enumerate(comparison.timeline, start=1):
        report = comparison.reports[entry.report]
        lag = format_lag(entry.lag)
        if entry.copy_of is not None:
            lag += f" · identical copy of {_outlet(comparison, entry.copy_of)}"
        bar = ""
        if entry.lag is not None:
            left = 100 * entry.lag.total_seconds() / longest
            bar = f'<div class="bar"><span style="left: calc({left:.1f}% - {left * 0.08:.1f}px)"></span></div>'
        source = f'<span class="sub">{escape(report.source_id)}</span>' if report.source_id else ""
        rows.append(
            f'<tr><td class="num">{number}</td><td class="outlet">{escape(_outlet(comparison, entry.report))}</td>'
            f'<td lang="ru">{escape(report.title)}{source}</td><td class="num">{escape(_when(entry.published))}</td>'
            f'<td class="lag{" first" if entry.first else ""}">{escape(lag)}</td><td>{bar}</td></tr>'
        )
    return (
        '<section id="timeline"><h2><span class="n">1</span>Timeline</h2>'
        '<table class="tl"><thead><tr><th class="num n">#</th><th class="o">Outlet</th><th>Title</th>'
        '<th class="num p">Published</th><th class="l">Lag</th><th class="b"></th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></section>"
    )


def _discrepancy_marks(comparison: Comparison) -> dict[int, list[tuple[int, int, str]]]:
    """report -> [(start, stop, anchor)] of figures in discrepancies, for highlighting in the text."""
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for number, item in enumerate(comparison.discrepancies, start=1):
        if item.kind == "speaker":
            continue
        for place in (item.a, item.b):
            if all(place.start >= stop or place.stop <= start for start, stop, _ in marks[place.report]):
                marks[place.report].append((place.start, place.stop, f"d{number}"))
    return marks


def _marked(body: str, start: int, stop: int, marks: list[tuple[int, int, str]]) -> str:
    """Escaped body[start:stop] with the discrepancy figures inside it marked and linked."""
    out, position = [], start
    for mark_start, mark_stop, anchor in sorted(marks):
        if mark_start < position or mark_stop > stop:
            continue
        out.append(escape(body[position:mark_start]))
        out.append(f'<mark class="diff"><a href="#{anchor}">{escape(body[mark_start:mark_stop])}</a></mark>')
        position = mark_stop
    out.append(escape(body[position:stop]))
    return "".join(out)


def _sentences_html(
    comparison: Comparison, report: int, indices: tuple[int, ...], marks: list[tuple[int, int, str]]
) -> str:
    body = comparison.reports[report].body
    paragraphs: list[list[str]] = []
    previous: Sentence | None = None
    for index in indices:
        sentence = comparison.sentences[report][index]
        if previous is None or sentence.paragraph != previous.paragraph or index != previous.index + 1:
            paragraphs.append([])
        kind = comparison.sentence_kind(report, index)
        links = comparison.counterparts(report, index)
        hint = "; ".join(
            f"{KIND_LABELS[link_kind]} {score:.2f} · {_outlet(comparison, other.report)} §{other.index + 1}"
            for other, link_kind, score in links
        )
        title = f' title="{escape(hint)}"' if hint else ""
        paragraphs[-1].append(
            f'<span class="s {kind}"{title}><sup>{index + 1}</sup>'
            f"{_marked(body, sentence.start, sentence.stop, marks)}</span>"
        )
        previous = sentence
    return "".join(f'<p class="para">{" ".join(sentences)}</p>' for sentences in paragraphs)


def _side_by_side(comparison: Comparison, order: list[int], marks: dict[int, list[tuple[int, int, str]]]) -> str:
    intro = (
        '<section id="passages" class="sbs-section"><h2><span class="n">2</span>Side by side</h2>'
        '<p class="note">Each row is one passage: sentences of different reports that say the same thing, or a run '
        "that only one report has. Small numbers are sentence positions in each report"
        '<span class="screen-only">; hover a sentence for its counterparts</span>.</p>'
    )
    if not comparison.passages:
        return intro + '<p class="note">None of the reports has any text to compare.</p></section>'
    if len(order) > MAX_COLUMNS:
        return intro + _stacked(comparison, order, marks) + "</section>"
    head = '<th class="pid"></th>' + "".join(
        f"<th>{escape(_outlet(comparison, report))}"
        f'<span class="sub">{escape(_when(comparison.reports[report].published))}</span></th>'
        for report in order
    )
    rows = []
    for passage in comparison.passages:
        cells = [f'<td class="pid">{escape(passage.id)}</td>']
        for report in order:
            indices = passage.sentences_of(report)
            content = _sentences_html(comparison, report, indices, marks[report]) if indices else ""
            cells.append(f'<td lang="ru">{content}</td>')
        size = max(
            sum(len(comparison.sentences[report][index].text) for index in passage.sentences_of(report))
            for report in order
        )
        breakable = " long" if size > LONG_ROW_CHARS else ""
        rows.append(f'<tr id="{escape(passage.id)}" class="kind-{passage.kind}{breakable}">{"".join(cells)}</tr>')
    return intro + f'<table class="sbs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>'


def _stacked(comparison: Comparison, order: list[int], marks: dict[int, list[tuple[int, int, str]]]) -> str:
    blocks = []
    for passage in comparison.passages:
        rows = []
        for report in order:
            indices = passage.sentences_of(report)
            if indices:
                text = _sentences_html(comparison, report, indices, marks[report])
                rows.append(
                    f'<div class="row"><div class="who">{escape(_outlet(comparison, report))}</div>'
                    f'<div lang="ru">{text}</div></div>'
                )
        blocks.append(f'<div id="{escape(passage.id)}" class="stack kind-{passage.kind}">{"".join(rows)}</div>')
    return "".join(blocks)


def _discrepancies(comparison: Comparison, marks: dict[int, list[tuple[int, int, str]]]) -> str:
    head = '<section id="discrepancies"><h2><span class="n">3</span>Discrepancies</h2>'
    if not comparison.discrepancies:
        return head + '<p class="note">No figures differ between reports of the same fact.</p></section>'
    rows = []
    for number, item in enumerate(comparison.discrepancies, start=1):
        note = ""
        if item.compatible:
            note = '<div class="sub">both can hold, given the qualifiers</div>'
        elif item.evidence < 1.0:
            note = f'<div class="sub">matched by context ({item.evidence:.2f})</div>'
        else:
            note = '<div class="sub">in aligned sentences</div>'
        sides = []
        for place in (item.a, item.b):
            body = comparison.reports[place.report].body
            if item.kind == "speaker":
                context = escape(place.context)
            else:
                sentence = comparison.sentences[place.report][place.sentence or 0]
                context = _marked(body, sentence.start, sentence.stop, [(place.start, place.stop, f"d{number}")])
            sides.append(
                f'<td><div class="outlet">{escape(_outlet(comparison, place.report))}</div>'
                f'<div class="value" lang="ru">{escape(place.value)}</div>'
                f'<div class="context" lang="ru">{context}</div></td>'
            )
        rows.append(
            f'<tr id="d{number}"><td class="what">'
            f'<span class="badge diff">{escape(FACT_LABELS.get(item.kind, item.kind))}</span>'
            f'<div lang="ru">{escape(item.what)}</div>{note}</td>{"".join(sides)}</tr>'
        )
    return (
        head + '<table class="disc"><thead><tr><th>What</th><th>Report A</th><th>Report B</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table></section>"
    )  # fmt: skip


def _quotes(comparison: Comparison, order: list[int]) -> str:
    head = '<section id="quotes"><h2><span class="n">4</span>Quotes</h2>'
    if not comparison.quotes:
        return head + '<p class="note">No direct or reported speech was found.</p></section>'
    rank = {report: position for position, report in enumerate(order)}
    kinds = {}
    for match in comparison.quote_matches:
        kinds[id(match.a)] = kinds[id(match.b)] = match.kind
    parts = [head]
    groups = comparison.quote_groups()
    if groups:
        parts.append("<h3>The same remark in several reports</h3>")
    grouped = set()
    for group in groups:
        group.sort(key=lambda quote: (rank[quote.report], quote.start))
        grouped.update(id(quote) for quote in group)
        speakers = sorted({quote.speaker for quote in group if quote.speaker}) or ["Unknown speaker"]
        strongest = min((kinds[id(quote)] for quote in group), key=list(KIND_LABELS).index)
        items = "".join(
            f'<div class="quote"><div><span class="outlet">{escape(_outlet(comparison, quote.report))}</span>'
            f'<span class="kind">{"direct speech" if quote.kind == "direct" else "reported speech"}</span></div>'
            f'<div class="text" lang="ru">{escape(quote.text)}</div></div>'
            for quote in group
        )
        breakable = " long" if sum(len(quote.text) for quote in group) > LONG_ROW_CHARS else ""
        parts.append(
            f'<div class="remark{breakable}"><div class="speaker" lang="ru">{escape(" / ".join(speakers))}'
            f'<span class="badge {strongest}">{KIND_LABELS[strongest]}</span></div>{items}</div>'
        )
    singles = [quote for quote in comparison.quotes if id(quote) not in grouped]
    if singles:
        parts.append('<h3>Quoted in one report only</h3><ul class="singles">')
        for quote in sorted(singles, key=lambda quote: (rank[quote.report], quote.start)):
            text = (
                quote.text if len(quote.text) <= SINGLE_QUOTE_CHARS else quote.text[:SINGLE_QUOTE_CHARS].rstrip() + "…"
            )
            parts.append(
                f'<li><span class="outlet">{escape(_outlet(comparison, quote.report))}</span> · '
                f'<span lang="ru">{escape(quote.speaker or "unknown speaker")}</span>'
                f'<span class="sub"> · {"direct" if quote.kind == "direct" else "reported"}</span>'
                f'<div class="text" lang="ru">{escape(text)}</div></li>'
            )
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _entities(comparison: Comparison, order: list[int]) -> str:
    head = '<section id="entities"><h2><span class="n">5</span>Entity coverage</h2>'
    if not comparison.coverage:
        return head + '<p class="note">No entity mentions were supplied for these reports.</p></section>'
    columns = "".join(f'<th class="num">{escape(_outlet(comparison, report))}</th>' for report in order)
    rows = []
    widely = len(order) / 2
    for row in comparison.coverage[:MAX_ENTITY_ROWS]:
        cells = []
        for report in order:
            count = row.counts[report]
            style = "num" if count else ("num gap" if row.reports > widely else "num zero")
            cells.append(f'<td class="{style}">{count if count else "–"}</td>')
        rows.append(
            f'<tr><td lang="ru">{escape(row.normal)} <span class="type">{escape(row.type)}</span></td>'
            f"{''.join(cells)}</tr>"
        )
    more = len(comparison.coverage) - MAX_ENTITY_ROWS
    tail = f'<p class="note">and {more} more entities (see the JSON export).</p>' if more > 0 else ""
    return (
        head + '<p class="note">Mentions per report; a dash marks an entity most reports name but this one does not '
        "(shaded) or one it simply lacks.</p>"
        f'<table class="cov"><thead><tr><th>Entity</th>{columns}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        + tail + "</section>"
    )  # fmt: skip
