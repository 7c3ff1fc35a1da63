"""Side-by-side comparison of several outlets' reports of one event.

``compare(reports)`` aligns the reports sentence by sentence (identical, near, paraphrase,
unique), groups aligned sentences into passages, finds figures that differ between reports of
the same fact, finds direct and reported speech with speakers and matches the same remark across
reports, tabulates entity mentions, and orders the reports in time. ``Comparison.to_json()`` is
the stable interchange form; ``export_html`` writes a self-contained printable report and
``export_csv`` the discrepancies for a spreadsheet. Everything is lexical and runs in plain
Python on the project's tokeniser and lemmatiser; see docs/compare.md.
"""

from viewer.compare.build import compare
from viewer.compare.export_csv import export_csv
from viewer.compare.export_html import export_html
from viewer.compare.inputs import MentionLike, ReportInput
from viewer.compare.report import Comparison

__all__ = ["Comparison", "MentionLike", "ReportInput", "compare", "export_csv", "export_html"]
