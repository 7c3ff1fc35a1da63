"""The comparison window on the three 2019 sample reports: columns, colours, scrolling in step, panels, exports."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS, open_window, wait_idle, write_articles
from viewer.compare.export_csv import COLUMNS
from viewer.paths import Locations
from viewer.ui.compare_column import ReportColumn
from viewer.ui.compare_legend import DIFFERS, PARAPHRASE, tint
from viewer.ui.compare_window import CompareWindow
from viewer.ui.main_window import MainWindow

OUTLETS_IN_TIME_ORDER = ["Омск Здесь", "Interfax-Russia.ru", "БК55"]


def sample_2019(window: MainWindow) -> list[str]:
    """The three reports of the 2019 forum, newest first (as a date-sorted list shows them)."""
    assert window.library is not None
    hits = window.library.search("", filters={"year": ["2019"]}, sort="date", limit=10).hits
    assert [hit.outlet for hit in hits] == OUTLETS_IN_TIME_ORDER[::-1]
    return [hit.id for hit in hits]


def open_compare(qtbot: QtBot, window: MainWindow, ids: list[str], event_id: str | None = None) -> CompareWindow:
    before = len(window.compare_windows)
    window.compare_articles(ids, event_id)
    assert len(window.compare_windows) == before + 1
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    qtbot.waitUntil(lambda: not compare.is_busy(), timeout=WAIT_MS)
    compare.resize(1400, 900)
    QApplication.processEvents()
    return compare


@pytest.fixture
def compared(qtbot: QtBot, window: MainWindow) -> CompareWindow:
    return open_compare(qtbot, window, sample_2019(window))


def char_format_at(column: ReportColumn, offset: int) -> QTextCharFormat:
    cursor = QTextCursor(column.text.document())
    cursor.setPosition(offset + 1)
    return cursor.charFormat()


def test_columns_in_time_order_with_marks(compared: CompareWindow) -> None:
    assert compared.error == ""
    assert [column.outlet_label.text() for column in compared.columns] == OUTLETS_IN_TIME_ORDER
    assert [column.lag_label.text() for column in compared.columns] == ["first", "+4 h 21 min", "+11 h 3 min"]
    assert "Анна Бамбульская" in compared.columns[0].meta_label.text()
    event = compared.host.library.event_of(compared.columns[0].report.id)  # type: ignore[union-attr]
    assert event is not None and compared.windowTitle() == f"{event.label} — Comparison"
    palette = compared.palette()
    for column in compared.columns:
        # the body is shown as it is, as plain text
        assert column.text.document().toPlainText() == column.report.body
    first = compared.columns[0]
    comparison = first.comparison
    kinds = {comparison.sentence_kind(first.position, s.index): s for s in first.sentences}
    assert {"paraphrase", "unique"} <= set(kinds)
    assert char_format_at(first, kinds["paraphrase"].start).background().color() == tint(PARAPHRASE, palette)
    assert char_format_at(first, kinds["unique"].start).background().style() == Qt.BrushStyle.NoBrush
    start, _stop = first.differing_figures()[0]
    assert first.report.body[start:].startswith("более 30 предприятий")
    figure = char_format_at(first, start)
    assert figure.fontUnderline() and figure.background().color() == tint(DIFFERS, palette)
    assert all(column.remove_button is not None for column in compared.columns)  # one event: removable


def test_markup_in_an_article_is_shown_as_text(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = write_articles(
        tmp_path / "news",
        [("Мост <b>открыт</b>", "Мост через Обь <i>открыли</i> 12 сентября. На открытие пришли 300 человек."),
         ("Мост открыт", "Мост через Обь открыли 12 сентября. На открытие пришли 500 человек.")],
    )  # fmt: skip
    window.archive.add_paths([str(folder)])
    wait_idle(qtbot, window)
    assert window.library is not None
    ids = [hit.id for hit in window.library.search("Обь", limit=5).hits]
    compare = open_compare(qtbot, window, ids)
    texts = {column.title_label.text(): column.text.document().toPlainText() for column in compare.columns}
    assert texts["Мост <b>открыт</b>"].startswith("Мост через Обь <i>открыли</i>")
    assert compare.panels is not None and compare.panels.discrepancies.model.rowCount() == 1


def test_scrolling_one_column_brings_the_others_to_the_aligned_passage(compared: CompareWindow) -> None:
    first, second = compared.columns[0], compared.columns[1]
    comparison = first.comparison
    shared = [
        passage
        for passage in comparison.passages
        if passage.sentences_of(first.position) and passage.sentences_of(second.position)
    ]
    bar = second.text.verticalScrollBar()
    passage = next(p for p in shared[1:] if 0 < second.sentence_y(p.sentences_of(second.position)[0]) <= bar.maximum())
    target = first.sentence_y(passage.sentences_of(first.position)[0])
    first.text.verticalScrollBar().setValue(round(target))
    assert first.top() == round(target)
    expected = second.sentence_y(passage.sentences_of(second.position)[0])
    assert abs(second.top() - expected) <= 2
    assert second.top_sentence() in passage.sentences_of(second.position)
    # and back: the first column follows the second
    second.text.verticalScrollBar().setValue(0)
    assert first.top() == 0


def test_choosing_a_sentence_marks_its_counterparts_level_with_it(qtbot: QtBot, compared: CompareWindow) -> None:
    first = compared.columns[0]
    comparison = first.comparison
    sentence = next(s for s in first.sentences if comparison.sentence_kind(first.position, s.index) == "paraphrase")
    first.reveal(sentence.start)
    QApplication.processEvents()
    cursor = QTextCursor(first.text.document())
    cursor.setPosition(sentence.start + 2)
    where = first.text.cursorRect(cursor).center()
    qtbot.mouseClick(first.text.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert first.selection() == [(sentence.start, sentence.stop)]
    counterparts = comparison.counterparts(first.position, sentence.index)
    assert counterparts
    offset = first.sentence_y(sentence.index) - first.top()
    for other, _kind, _score in counterparts:
        column = compared.column_of(other.report)
        assert (other.start, other.stop) in column.selection()
        bar = column.text.verticalScrollBar()
        wanted = min(max(column.y_of(min(column.selection())[0]) - offset, 0), bar.maximum())
        assert abs(column.top() - wanted) <= 2


def test_a_discrepancy_row_shows_both_places(compared: CompareWindow) -> None:
    assert compared.panels is not None
    table = compared.panels.discrepancies
    assert table.model.rowCount() == 1
    assert table.model.index(0, 2).data() == "Омск Здесь: более 30"
    assert table.model.index(0, 3).data() == "Interfax-Russia.ru: более 50"
    assert table.model.index(0, 4).data() == "Yes"
    compared.columns[0].text.verticalScrollBar().setValue(0)
    table.choose_row(0)
    item = table.model.item(0)
    for place in (item.a, item.b):
        column = compared.column_of(place.report)
        assert column.selection() == [(place.start, place.stop)]
        y = column.y_of(place.start) - column.top()
        assert 0 <= y < column.view_height()
    assert "В ней принимают участие более 30 предприятий." in compared.panels.detail.text()


def test_quotes_coverage_and_timeline(qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.library is not None
    window.library.extract_entities()
    compare = open_compare(qtbot, window, sample_2019(window))
    panels = compare.panels
    assert panels is not None

    quotes = panels.quotes.model
    assert quotes.rowCount() == 10
    speakers = {quotes.index(row, 0).data() for row in range(quotes.rowCount())}
    assert {"Александр Бурков", "Кайрат Торебаев"} <= speakers
    burkov = next(
        row for row in range(quotes.rowCount())
        if quotes.index(row, 0).data() == "Александр Бурков" and quotes.index(row, 1).data() == "Омск Здесь"
    )  # fmt: skip
    assert "Interfax-Russia.ru" in quotes.index(burkov, 4).data()
    panels.quotes.choose_row(panels.quotes.proxy.mapFromSource(quotes.index(burkov, 0)).row())
    quote = quotes.item(burkov)
    assert (quote.start, quote.stop) in compare.column_of(quote.report).selection()
    assert compare.columns[1].selection()  # the same remark in Interfax is marked too

    coverage = panels.coverage
    model = coverage.model
    assert model.rowCount() > 3 and coverage.currentWidget() is coverage.view
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (2, 3, 4)] == OUTLETS_IN_TIME_ORDER
    names = {model.index(row, 0).data(): row for row in range(model.rowCount())}
    assert "Александр Бурков" in names
    row = names["Александр Бурков"]
    assert model.index(row, 1).data() == "Person"
    assert all(int(model.index(row, column).data()) > 0 for column in (2, 3, 4))
    total = model.columnCount() - 1
    coverage.view.sortByColumn(total, Qt.SortOrder.DescendingOrder)
    totals = [coverage.proxy.index(r, total).data(model.SortRole) for r in range(coverage.proxy.rowCount())]
    assert totals == sorted(totals, reverse=True)

    rows = panels.timeline.rows
    assert [(r.outlet, r.lag) for r in rows] == list(
        zip(OUTLETS_IN_TIME_ORDER, ["first", "+4 h 21 min", "+11 h 3 min"], strict=True)
    )
    assert rows[0].first and rows[0].share == 0 and rows[-1].share == 1
    assert rows[1].share == pytest.approx((4 * 60 + 21) / (11 * 60 + 3))

    for table in (panels.discrepancies, panels.quotes, coverage):
        qtmodeltester.check(table.model)
        qtmodeltester.check(table.proxy)


def test_compare_selected_from_the_results_list(qtbot: QtBot, window: MainWindow) -> None:
    window.search_bar.set_text("", search=False)
    window.facets.model.clear()
    window.set_sort("date")
    ids = sample_2019(window)
    results = window.results
    rows = [window.results_model.row_of(article_id) for article_id in ids]
    assert all(row >= 0 for row in rows)

    # A click opens one article, as before; Ctrl-clicks add to the selection.
    rect = results.list.visualRect(window.results_model.index(rows[0], 0))
    qtbot.mouseClick(results.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.article is not None and window.reader.article.id == ids[0]
    assert results.selected_ids() == [ids[0]] and not results.compare_button.isVisible()
    for row in rows[1:]:
        rect = results.list.visualRect(window.results_model.index(row, 0))
        qtbot.mouseClick(
            results.list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center()
        )
    assert sorted(results.selected_ids()) == sorted(ids)
    assert results.compare_button.isVisible() and results.compare_button.text() == "Compare (3)"

    # Arrow keys still move through the list one article at a time.
    results.select_row(rows[0])
    qtbot.keyClick(results.list, Qt.Key.Key_Down)
    assert results.selected_ids() == [window.results_model.id_at(rows[0] + 1)]
    assert window.reader.article is not None and window.reader.article.id == results.current_id()
    qtbot.keyClick(results.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(results.selected_ids()) == 2

    selection = results.list.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.results_model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    action = window.actions_.compare_selected
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+C"
    assert action in results.list.actions()
    action.trigger()
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    qtbot.waitUntil(lambda: not compare.is_busy(), timeout=WAIT_MS)
    assert [column.outlet_label.text() for column in compare.columns] == OUTLETS_IN_TIME_ORDER


def test_fewer_than_two_articles_is_a_clear_message(qtbot: QtBot, window: MainWindow) -> None:
    window.results.select_row(0)
    window.compare_selected()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.text() == "Select two or more articles to compare."
    assert window.compare_windows == []
    box.close()


def test_comparison_errors_are_said_in_the_window(qtbot: QtBot, window: MainWindow) -> None:
    ids = sample_2019(window)
    missing = open_compare(qtbot, window, [ids[0], "0000000000000000"])
    assert missing.error == "An article to compare is no longer in the archive."
    assert missing.message.isVisible() and missing.columns == []

    assert window.library is not None
    alone = next(event for event in window.library.events() if len(event.articles) == 1)
    lonely = open_compare(qtbot, window, [alone.id])
    assert lonely.error == "There is nothing to compare: at least two reports are needed."


def test_exports_write_valid_files(qtbot: QtBot, compared: CompareWindow, tmp_path: Path) -> None:
    page = tmp_path / "comparison.html"
    task = compared.export_to("html", page)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert all(outlet in html for outlet in OUTLETS_IN_TIME_ORDER) and "<script" not in html
    assert compared.status.text() == f"Saved to {page}"

    table = tmp_path / "discrepancies.csv"
    task = compared.export_to("csv", table)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    with table.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 2
    assert rows[1][COLUMNS.index("value_a")] == "более 30"
    assert rows[1][COLUMNS.index("outlet_b")] == "Interfax-Russia.ru"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["comparison.html", "discrepancies.csv"]


def test_a_failed_export_says_so_and_leaves_no_file(qtbot: QtBot, compared: CompareWindow, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "comparison.html"
    task = compared.export_to("html", target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert compared.status.text() == "Export failed"
    box = compared.findChild(QMessageBox)
    assert box is not None and box.text() == "The comparison could not be exported."
    assert "no such folder" in box.informativeText()
    assert not target.parent.exists()
    assert compared.html_button.isEnabled()
    box.close()


def test_remove_from_event_after_confirmation(qtbot: QtBot, window: MainWindow, compared: CompareWindow) -> None:
    assert window.library is not None
    last = compared.columns[-1]
    leaving = last.report.id
    event = window.library.event_of(leaving)
    assert event is not None and len(event.articles) == 3
    assert last.remove_button is not None
    qtbot.mouseClick(last.remove_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    box = compared.findChild(QMessageBox)
    assert box is not None and "out of the event" in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert window.library.event_of(leaving).id == event.id  # type: ignore[union-attr]

    box = compared.ask_remove(leaving)
    assert box is not None
    remove = next(b for b in box.buttons() if isinstance(b, QPushButton) and b.text() == "Remove")
    with qtbot.waitSignal(compared.comparisonShown, timeout=WAIT_MS):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    own = window.library.event_of(leaving)
    assert own is not None and own.articles == (leaving,)
    assert [column.outlet_label.text() for column in compared.columns] == OUTLETS_IN_TIME_ORDER[:2]


def test_the_window_remembers_its_geometry(qtbot: QtBot, window: MainWindow, compared: CompareWindow) -> None:
    compared.resize(compared.minimumSizeHint().width(), 520)  # a restored geometry must fit the screen (800×600)
    QApplication.processEvents()
    size = (compared.width(), compared.height())
    assert size[1] == 520
    compared.close()
    assert compared not in window.compare_windows
    assert window.settings.compare_geometry() is not None and window.settings.compare_splitter() is not None
    window.compare_articles(sample_2019(window))
    again = window.compare_windows[-1]
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == size
    qtbot.waitUntil(lambda: not again.is_busy(), timeout=WAIT_MS)


def test_closing_the_main_window_closes_comparisons(qtbot: QtBot, locations: Locations) -> None:
    window = open_window(qtbot, locations)
    compare = open_compare(qtbot, window, sample_2019(window))
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert not compare.isVisible() and window.compare_windows == []
