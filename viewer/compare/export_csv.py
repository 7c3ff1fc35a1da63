"""The discrepancies as CSV, for a spreadsheet.

UTF-8 with a byte-order mark, since spreadsheet applications otherwise read Cyrillic as a legacy
code page. One row per discrepancy; ``text`` is the sentence around the figure (the quote, for a
speaker discrepancy), so a row can be read without the articles. Article text beginning with
``=``, ``+``, ``-`` or ``@`` would be run as a formula by a spreadsheet; a dialogue dash at the
start is dropped (it is layout), and any other such cell gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import re

from viewer.compare.output import PathOrStream, open_text
from viewer.compare.report import Comparison

COLUMNS = (
    "kind", "what",
    "report_a_id", "outlet_a", "value_a", "text_a",
    "report_b_id", "outlet_b", "value_b", "text_b",
)  # fmt: skip
_DIALOGUE_DASH = re.compile(r"^\s*[-—–]\s+")
_NUMBER = re.compile(r"[-+]?\d[\d\s.,]*%?")


def _cell(text: str) -> str:
    text = " ".join(_DIALOGUE_DASH.sub("", text).split())
    if text[:1] in ("=", "+", "-", "@") and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def export_csv(comparison: Comparison, path_or_stream: PathOrStream) -> None:
    """Write the discrepancies of ``comparison`` as CSV (UTF-8 with BOM) to a path or a stream."""
    reports = comparison.reports
    with open_text(path_or_stream, bom=True, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for item in comparison.discrepancies:
            row = [item.kind, item.what]
            for place in (item.a, item.b):
                report = reports[place.report]
                row += [report.id, report.outlet or "", place.value, place.context]
            writer.writerow([_cell(value) for value in row])
