"""The main flows, as a person goes through them."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS, open_window, wait_idle, write_articles
from viewer.paths import Locations
from viewer.ui import highlights
from viewer.ui.facet_model import FacetModel
from viewer.ui.main_window import MainWindow
from viewer.ui.search_bar import DEBOUNCE_MS


def search(window: MainWindow, text: str) -> None:
    window.search_bar.set_text(text, search=True)


def facet_value_index(window: MainWindow, key: str, value: str) -> QModelIndex:
    model = window.facets.model
    parent = model.facet_index(key)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(FacetModel.ValueRole) == value:
            return index
    raise AssertionError(f"no {key} value {value!r}")


def test_first_use_imports_the_sample_and_says_how_to_add_more(
    app: object, qtbot: QtBot, fresh_locations: Locations
) -> None:
    window = open_window(qtbot, fresh_locations)  # a new home: the window imports the sample itself
    assert window.windowTitle() == "Letopis — sample archive"
    assert not window.results.banner.isHidden()
    assert "Add your own" in window.status.current_message()
    assert window.status.count.text() == "5 articles in the archive"
    assert window.status.state.text() == "Index up to date"


def test_search_filter_read_navigate_export(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    search(window, "Казахстан")
    assert window.results.count_label.text() == "5 articles"
    assert window.results_model.rowCount() == 5

    # Facet: only БК55; counts of the other facets follow.
    index = facet_value_index(window, "outlet", "БК55")
    window.facets.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.results_model.total == 1
    assert window.facets.model.values("author") == ["Кирилл Янчицкий"]
    assert window.facets.clear_button.isEnabled()

    # Open the article: hits highlighted, F3 walks them.
    window.results.select_row(0)
    article = window.reader.article
    assert article is not None and article.outlet == "БК55"
    assert window.reader.hit_count() >= 3
    layer = window.reader.layers()[highlights.HITS]
    document = window.reader.document
    assert document is not None
    for position, length in layer.ranges:
        cursor = QTextCursor(document.document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText().lower().startswith("казахстан")
    window.actions_.next_hit.trigger()
    window.actions_.next_hit.trigger()
    assert window.reader.current_hit() == 1
    assert window.reader.hits_label.text() == f"Hit 2 of {window.reader.hit_count()}"
    window.actions_.previous_hit.trigger()
    window.actions_.previous_hit.trigger()
    assert window.reader.current_hit() == window.reader.hit_count() - 1  # wraps round

    # Exclude the outlet instead: the other four.
    window.facets.model.clear()
    from viewer.ui.facet_model import Choice

    window.facets.model.choose("outlet", "БК55", Choice.EXCLUDED)
    assert window.results_model.total == 4
    assert all(window.results_model.result_row(r).outlet != "БК55" for r in range(4))  # type: ignore[union-attr]

    # Export everything the query and filters give.
    target = tmp_path / "out" / "results.csv"
    target.parent.mkdir()
    task = window.archive.export_to(target)
    qtbot.waitUntil(lambda: not task.is_running(), timeout=WAIT_MS)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4
    assert {row["id"] for row in rows} == {window.results_model.id_at(r) for r in range(4)}
    assert all(row["outlet"] != "БК55" for row in rows)
    assert "Exported 4 articles" in window.status.current_message()
    assert not list(target.parent.glob(".*part"))


def test_typing_searches_after_a_pause_and_enter_at_once(window: MainWindow, qtbot: QtBot) -> None:
    field = window.search_bar.field
    field.setFocus()
    # QTest types Latin letters only; the query language takes them as well.
    qtbot.keyClicks(field, "year:2019")
    assert window.search_bar.pending()
    assert window.results_model.request.text == ""
    qtbot.waitUntil(lambda: window.results_model.request.text == "year:2019", timeout=DEBOUNCE_MS * 10)
    assert window.results_model.total == 3
    field.clear()
    qtbot.keyClicks(field, "Interfax")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.results_model.request.text == "Interfax"
    assert not window.search_bar.pending()
    assert window.search_bar.history()[0] == "Interfax"


def test_a_malformed_query_shows_its_message_in_the_search_bar(window: MainWindow) -> None:
    search(window, "форум")
    search(window, "nosuchfield:форум")
    message = window.search_bar.error_text()
    assert "nosuchfield" in message and message.startswith("Cannot run this query:")
    assert not window.search_bar.error.isHidden()
    assert QApplication.activeModalWidget() is None
    assert window.results_model.total == 5  # the previous results stay
    search(window, "форум Омск")
    assert window.search_bar.error_text() == ""


def test_keyboard_reading(window: MainWindow, qtbot: QtBot) -> None:
    search(window, "форум")
    window.results.focus_list()
    first = window.reader.article
    assert first is not None and first.id == window.results_model.id_at(0)
    qtbot.keyClick(window.results.list, Qt.Key.Key_Down)
    assert window.reader.article is not None and window.reader.article.id == window.results_model.id_at(1)
    window.actions_.previous_article.trigger()
    assert window.reader.article.id == first.id

    window.actions_.find.trigger()
    assert window.reader.find_bar.isVisible()
    window.reader.find_bar.field.setText("омск")
    found = window.reader.found_count()
    assert found >= 1
    assert window.reader.find_bar.count.text() == f"1 of {found}"
    qtbot.keyClick(window.reader.find_bar.field, Qt.Key.Key_Escape)
    assert not window.reader.find_bar.isVisible()
    assert highlights.FIND not in window.reader.layers()


def test_hostile_text_is_shown_literally(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    title = "<b>bold</b><script>alert(1)</script> заголовок"
    body = 'Текст <i>курсив</i> &amp; <a href="javascript:alert(1)">ссылка</a> <img src=x onerror=alert(1)>'
    folder = write_articles(tmp_path / "hostile", [(title, body)], url="javascript:alert(1)", outlet="<u>Издание</u>")
    task = window.archive.add_paths([str(folder)])
    assert task is not None
    wait_idle(qtbot, window)
    search(window, "курсив")
    assert window.results_model.total == 1
    row = window.results_model.result_row(0)
    assert row is not None and row.title == title
    window.results.select_row(0)
    document = window.reader.document
    assert document is not None
    plain = document.document.toPlainText()
    assert title in plain and body in plain and "<u>Издание</u>" in plain
    assert not window.reader.open_button.isEnabled()  # not an http(s) address
    # No markup was interpreted: no anchor but ours, no italics.
    cursor = QTextCursor(document.document)
    cursor.setPosition(document.body_start + body.index("курсив") + 1)
    assert not cursor.charFormat().fontItalic()
    assert not cursor.charFormat().isAnchor()
    window.results.list.viewport().grab()  # the delegate paints it without complaint


def test_only_web_links_open(window: MainWindow) -> None:
    opened: list[QUrl] = []
    window.reader.open_url = lambda url: opened.append(url) or True
    search(window, "")
    window.results.select_row(0)
    window.reader.text.anchorClicked.emit(QUrl("javascript:alert(1)"))
    window.reader.text.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    window.reader.open_original()
    article = window.reader.article
    assert article is not None and article.url
    assert [u.toString() for u in opened] == [article.url]
    window.reader.text.anchorClicked.emit(QUrl("https://example.org/x"))
    assert opened[-1].toString() == "https://example.org/x"


def test_the_facet_panel_by_mouse(window: MainWindow, qtbot: QtBot) -> None:
    search(window, "")
    tree = window.facets.tree
    proxy = window.facets.proxy
    outlet = proxy.index(0, 0)
    first = proxy.index(0, 0, outlet)
    rect = tree.visualRect(first)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(20, 0))
    value = first.data(FacetModel.ValueRole)
    assert window.facets.model.selection()[0] == {"outlet": (value,)}
    assert window.results_model.total == 1
    first = proxy.index(0, 0, proxy.index(0, 0))  # the chosen value, now the only one in its facet
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(first).center())
    assert window.facets.model.selection() == ({}, {})
    window.facets.filter_edit.setText("омск")
    assert proxy.index(0, 0).data(FacetModel.KeyRole) == "outlet"
    assert "place" in {proxy.index(r, 0).data(FacetModel.KeyRole) for r in range(proxy.rowCount())}


def test_reader_places_hits_after_astral_characters(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    body = "Эмодзи 😀🙂 перед словом Казахстан и снова 😀 Казахстан."
    folder = write_articles(tmp_path / "emoji", [("Заголовок 😀 Казахстан", body)])
    window.archive.add_paths([str(folder)])
    wait_idle(qtbot, window)
    search(window, "Казахстан эмодзи")
    window.results.select_row(0)
    document = window.reader.document
    assert document is not None
    texts = []
    for position, length in window.reader.layers()[highlights.HITS].ranges:
        cursor = QTextCursor(document.document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        texts.append(cursor.selectedText())
    assert texts == ["Казахстан", "Эмодзи", "Казахстан", "Казахстан"]


def test_the_facet_panel_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    from viewer.ui.facet_model import Choice

    search(window, "")
    tree = window.facets.tree
    proxy = window.facets.proxy
    value = proxy.index(0, 0, proxy.index(0, 0))
    tree.setFocus()
    tree.setCurrentIndex(value)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    key_value = ("outlet", value.data(FacetModel.ValueRole))
    assert window.facets.model.choice(*key_value) is Choice.INCLUDED
    window.facets.model.choose(*key_value, Choice.EXCLUDED)
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # an excluded value goes back to neutral
    assert window.facets.model.choice(*key_value) is Choice.NEUTRAL
