"""The comparison window: reports side by side in time order, kept in step, with the findings below.

``open_comparison`` (behind ``MainWindow.compare_articles``) opens one window per comparison. The
comparison is computed in the background (``ArchiveJobs.compare``) while the window shows that it
is working; a failure is said in the window. Then: a heading with the legend and the exports,
one ``ReportColumn`` per report in timeline order, scrolled together by ``ScrollSync``, and
``ComparePanels`` under them. Choosing a sentence marks its counterparts and brings them level
with it; choosing a discrepancy or a quote shows its places. When all the reports belong to one
event, each column can take its report out of the event (after asking).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.compare_column import ReportColumn
from viewer.ui.compare_legend import CompareLegend
from viewer.ui.compare_models import one_line
from viewer.ui.compare_panels import ComparePanels
from viewer.ui.compare_sync import ScrollSync
from viewer.ui.compare_timeline import entry_lag_text
from viewer.ui.icons import icon

if TYPE_CHECKING:
    from viewer.compare.discrepancies import Discrepancy
    from viewer.compare.quotes import Quote
    from viewer.ui.comparison_work import ComparedReports
    from viewer.ui.main_window import MainWindow
    from viewer.ui.tasks import Task

DEFAULT_SIZE = (1400, 900)
COLUMN_MIN_WIDTH = 300
PANELS_SHARE = 0.28


def open_comparison(host: MainWindow, ids: list[str], event_id: str | None = None) -> CompareWindow | None:
    """Open a window comparing ``ids`` (articles, ``ev-`` events, ``st-`` stories); fewer than two articles: say so."""
    if host.library is None:
        return None
    wanted = list(dict.fromkeys(ids))
    if len(wanted) < 2 and not event_id and not any(item.startswith(("ev-", "st-")) for item in wanted):
        translate = QCoreApplication.translate
        box = QMessageBox(QMessageBox.Icon.Information, translate("CompareWindow", "Compare Reports"), "", parent=host)
        box.setText(translate("CompareWindow", "Select two or more articles to compare."))
        box.setInformativeText(
            translate("CompareWindow", "Hold Ctrl or Shift while clicking to select several articles in the list.")
        )
        box.open()
        return None
    window = CompareWindow(host, wanted, event_id)
    host.compare_windows.append(window)
    window.eventChanged.connect(host.jobs.archiveChanged)
    window.show()
    window.raise_()
    window.start()
    return window


class CompareWindow(QWidget):
    eventChanged = Signal()  # a report was taken out of its event
    comparisonShown = Signal()  # the comparison (or its failure) is on screen

    def __init__(self, host: MainWindow, ids: list[str], event_id: str | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("CompareWindow")
        self.host = host
        self.ids = list(ids)
        self.event_id = event_id
        self.data: ComparedReports | None = None
        self.task: Task | None = None
        self.export_task: Task | None = None
        self.columns: list[ReportColumn] = []
        self.sync: ScrollSync | None = None
        self.panels: ComparePanels | None = None
        self.splitter: QSplitter | None = None
        self.error = ""
        self._closed = False
        self.setWindowTitle(self.tr("Comparison"))

        self.busy_label = QLabel(self.tr("Comparing the reports…"))
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(240)
        busy = QWidget()
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(1)

        self.message = QLabel()
        self.message.setObjectName("Placeholder")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.close)
        problem = QWidget()
        problem_layout = QVBoxLayout(problem)
        problem_layout.addStretch(1)
        problem_layout.addWidget(self.message)
        problem_layout.addWidget(close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        problem_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.busy_page, self.message_page = busy, problem
        self.stack.addWidget(busy)
        self.stack.addWidget(problem)
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        close_action = QAction(self)
        close_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W")])
        close_action.triggered.connect(self.close)
        self.addAction(close_action)
        self._restore_geometry()

    # computing ---------------------------------------------------------------------
    def start(self) -> None:
        """Compare ``ids`` in the background, showing that the window is at work."""
        self.stack.setCurrentWidget(self.busy_page)
        self.task = self.host.jobs.compare(self.ids, self.event_id)
        self.task.succeeded.connect(self._compared)
        self.task.failed.connect(self._failed)

    def is_busy(self) -> bool:
        return self.task is not None and self.task.is_running()

    def _compared(self, data: ComparedReports) -> None:
        self.task = None
        if self._closed:
            return
        self.show_comparison(data)
        self.comparisonShown.emit()

    def _failed(self, error: object) -> None:
        from viewer.ui.comparison_work import MissingArticle, TooFewReports

        self.task = None
        if self._closed:
            return
        if isinstance(error, TooFewReports):
            text = self.tr("There is nothing to compare: at least two reports are needed.")
        elif isinstance(error, MissingArticle):
            text = self.tr("An article to compare is no longer in the archive.")
        else:
            if isinstance(error, BaseException):
                traceback.print_exception(error, file=sys.stderr)
            text = self.tr("The reports could not be compared.") + f"\n\n{error}"
        self.show_message(text)
        self.comparisonShown.emit()

    def show_message(self, text: str) -> None:
        self.error = text
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message_page)

    # showing -------------------------------------------------------------------------
    def show_comparison(self, data: ComparedReports) -> None:
        self.data = data
        comparison = data.comparison
        self.event_id = data.event.id if data.event is not None else self.event_id
        self.error = ""
        first = comparison.reports[comparison.timeline[0].report]
        title = one_line(data.event.label if data.event is not None else first.title) or self.tr("(untitled)")
        self.setWindowTitle(f"{title} — {self.tr('Comparison')}")

        removable = data.event is not None
        self.columns = []
        for entry in comparison.timeline:
            article = data.articles.get(comparison.reports[entry.report].id)
            column = ReportColumn(
                comparison,
                entry.report,
                article.author if article else None,
                entry_lag_text(comparison, entry),
                removable,
            )
            column.setMinimumWidth(COLUMN_MIN_WIDTH)
            column.sentenceChosen.connect(self.choose_sentence)
            column.removeRequested.connect(self.ask_remove)
            self.columns.append(column)
        self.sync = ScrollSync(self.columns, self)
        self.panels = ComparePanels(comparison)
        self.panels.discrepancyChosen.connect(self.show_discrepancy)
        self.panels.quoteChosen.connect(self.show_quote)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._heading(title, data))
        row = QSplitter(Qt.Orientation.Horizontal)
        row.setObjectName("CompareColumns")
        row.setChildrenCollapsible(False)
        row.setHandleWidth(1)
        for column in self.columns:
            row.addWidget(column)
        row.setMinimumWidth(COLUMN_MIN_WIDTH * len(self.columns) + len(self.columns))
        row.setSizes([1000] * len(self.columns))  # equal shares, whatever each header asks for
        scroll = QScrollArea()
        scroll.setObjectName("CompareScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("CompareSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(0, 1)
        layout.addWidget(self.splitter, 1)
        state = self.host.settings.compare_splitter()
        if state is None or not self.splitter.restoreState(state):
            height = max(self.height(), 600)
            self.splitter.setSizes([round(height * (1 - PANELS_SHARE)), round(height * PANELS_SHARE)])
        self.splitter.setHandleWidth(1)

        old = self.content
        self.content = content
        self.stack.addWidget(content)
        self.stack.setCurrentWidget(content)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def _heading(self, title: str, data: ComparedReports) -> QWidget:
        bar = QWidget()
        bar.setObjectName("CompareBar")
        heading = QLabel(title)
        heading.setObjectName("CompareHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        comparison = data.comparison
        first = comparison.reports[comparison.timeline[0].report]
        summary = self.tr("Reports: %1 · first: %2").replace("%1", str(len(comparison.reports)))
        summary = summary.replace("%2", one_line(first.outlet or first.id))
        if data.event is not None:
            summary += " · " + self.tr("one event")
        self.summary = QLabel(summary)
        self.summary.setObjectName("Secondary")
        self.summary.setToolTip(summary)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.summary.setMinimumWidth(80)
        self.status = QLabel()
        self.status.setObjectName("Secondary")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.html_button = self._export_button(self.tr("Export HTML…"), self.tr("A page that opens offline and prints"),
                                               "html")  # fmt: skip
        self.csv_button = self._export_button(self.tr("Export CSV…"), self.tr("The discrepancies, for a spreadsheet"),
                                              "csv")  # fmt: skip
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(heading, 1)
        top.addWidget(self.html_button)
        top.addWidget(self.csv_button)
        bottom = QHBoxLayout()
        bottom.setSpacing(14)
        bottom.addWidget(self.summary)
        bottom.addSpacing(12)
        bottom.addWidget(CompareLegend())
        bottom.addStretch(1)
        bottom.addWidget(self.status)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(14, 10, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)
        return bar

    def _export_button(self, text: str, tip: str, kind: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon("export"))
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.choose_export(kind))
        return button

    # choosing and jumping ------------------------------------------------------------------
    def column_of(self, report: int) -> ReportColumn:
        return next(column for column in self.columns if column.position == report)

    def _mark(self, spans: dict[int, list[tuple[int, int]]]) -> None:
        for column in self.columns:
            column.set_selection(spans.get(column.position, []))

    def choose_sentence(self, report: int, index: int) -> None:
        """Mark a sentence and its counterparts, and bring the counterparts level with it."""
        if self.data is None or self.sync is None:
            return
        comparison = self.data.comparison
        column = self.column_of(report)
        sentence = comparison.sentences[report][index]
        spans: dict[int, list[tuple[int, int]]] = {report: [(sentence.start, sentence.stop)]}
        for other, _kind, _score in comparison.counterparts(report, index):
            spans.setdefault(other.report, []).append((other.start, other.stop))
        self._mark(spans)
        offset = column.sentence_y(index) - column.top()
        with self.sync.paused():
            for other in self.columns:
                if other is not column and other.position in spans:
                    first = min(spans[other.position])[0]
                    other.set_top(other.y_of(first) - offset)

    def show_places(self, places: list[tuple[int, int, int]]) -> None:
        """Show each (report, start, stop) in its column: the first leads, the others are set after it."""
        if self.sync is None or not places:
            return
        self._mark({report: [(start, stop)] for report, start, stop in places})
        report, start, _ = places[0]
        self.column_of(report).reveal(start)
        with self.sync.paused():
            for report, start, _ in places[1:]:
                self.column_of(report).reveal(start)

    def show_discrepancy(self, item: Discrepancy) -> None:
        assert self.panels is not None
        sides = self.panels.discrepancies.model.sides(item)  # type: ignore[attr-defined]
        self.show_places([(place.report, place.start, place.stop) for place in sides])

    def show_quote(self, quote: Quote) -> None:
        places = [(quote.report, quote.start, quote.stop)]
        if self.data is not None:
            for group in self.data.comparison.quote_groups():
                if any(member is quote for member in group):
                    places += [(other.report, other.start, other.stop) for other in group if other is not quote]
        self.show_places(places)

    # exports -------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        if self.data is None:
            return
        suffix = ".html" if kind == "html" else ".csv"
        name = "letopis-comparison" + ("" if kind == "html" else "-discrepancies") + suffix
        start = Path(self.host.settings.last_folder() or Path.home()) / name
        caption = self.tr("Export Comparison as HTML") if kind == "html" else self.tr("Export Discrepancies as CSV")
        files = self.tr("Web pages (*.html)") if kind == "html" else self.tr("CSV files (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, caption, str(start), files)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(kind, Path(path))

    def export_to(self, kind: str, path: Path) -> Task | None:
        """Write the comparison as ``kind`` (html, csv) to ``path`` in the background."""
        if self.data is None:
            return None
        self.status.setText(self.tr("Exporting…"))
        for button in (self.html_button, self.csv_button):
            button.setEnabled(False)
        self.export_task = self.host.jobs.export_comparison(self.data.comparison, kind, path)
        self.export_task.succeeded.connect(self._exported)
        self.export_task.failed.connect(self._export_failed)
        return self.export_task

    def _export_done(self) -> None:
        self.export_task = None
        for button in (self.html_button, self.csv_button):
            button.setEnabled(True)

    def _exported(self, path: Path) -> None:
        self._export_done()
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def _export_failed(self, error: object) -> None:
        self._export_done()
        self.status.setText(self.tr("Export failed"))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("The comparison could not be exported."))
        box.setInformativeText(str(error))
        box.open()

    # taking a report out of the event ---------------------------------------------------------
    def ask_remove(self, report_id: str) -> QMessageBox | None:
        """Ask before taking ``report_id`` out of the event; the answer comes back to ``remove_from_event``."""
        if self.data is None or self.data.event is None:
            return None
        article = self.data.articles.get(report_id)
        name = one_line(article.title) if article is not None else report_id
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove from Event"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Take «%1» out of the event?").replace("%1", name))
        box.setInformativeText(
            self.tr("It becomes an event of its own, and the event «%1» keeps the other reports.").replace(
                "%1", one_line(self.data.event.label)
            )
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self.remove_from_event(report_id) if button is remove else None)
        box.open()
        return box

    def remove_from_event(self, report_id: str) -> None:
        library = self.host.library
        if library is None or self.data is None:
            return
        try:
            library.move_article(report_id, None)
        except (KeyError, ValueError) as error:
            self.status.setText(self.tr("The report could not be taken out of the event: %1").replace("%1", str(error)))
            return
        self.eventChanged.emit()
        self.ids = [item for item in self.data.ids if item != report_id]
        if len(self.ids) < 2:
            self.show_message(self.tr("The report was taken out of the event. One report is left, nothing to compare."))
            return
        self.start()

    # the window --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.host.settings.compare_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closed = True
        self.host.settings.set_compare_geometry(self.saveGeometry())
        if self.splitter is not None:
            self.host.settings.set_compare_splitter(self.splitter.saveState())
        if self in self.host.compare_windows:
            self.host.compare_windows.remove(self)
        super().closeEvent(event)
