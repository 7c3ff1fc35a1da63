"""Named entities in the app: highlights and legend in the reader, filtering, the entity view, curation."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from viewer.paths import Locations
from viewer.ui.entities_dialog import EntitiesDialog
from viewer.ui.entity_marks import EntityMark
from viewer.ui.entity_types import FACETS
from viewer.ui.facet_model import Choice
from viewer.ui.highlights import ENTITY_LAYERS, Z_ORDER
from viewer.ui.main_window import MainWindow


def open_naming(window: MainWindow, name: str) -> list[EntityMark]:
    """Open the first article that names ``name``; its marks of that entity."""
    assert window.library is not None
    for hit in window.library.search("", limit=10).hits:
        if any(m.normal == name for m in window.library.mentions(hit.id)):
            window.results.select_id(hit.id)
            break
    marks = [m for m in window.reader.marks().marks if m.name == name]
    assert marks, f"no article names {name}"
    return marks


def select_names(manager: EntitiesDialog, names: set[str]) -> None:
    selection = manager.table.selectionModel()
    selection.clearSelection()
    for row in range(manager.proxy.rowCount()):
        index = manager.proxy.index(row, 0)
        if index.data() in names:
            selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


def viewport_point(window: MainWindow, position: int) -> QPoint:
    text = window.reader.text
    cursor = QTextCursor(text.document())
    cursor.setPosition(position + 1)
    return text.cursorRect(cursor).center()


def test_the_core_and_the_ui_agree_on_the_entity_facets() -> None:
    from viewer.entities.stage import TYPES

    assert FACETS == TYPES


def test_the_reader_highlights_entities_by_type(window: MainWindow) -> None:
    marks = open_naming(window, "Омск")
    reader = window.reader
    assert {m.kind for m in marks} == {"LOC"}
    layers = reader.layers()
    place = layers[ENTITY_LAYERS["LOC"]]
    assert place.visible and (marks[0].position, marks[0].length) in place.ranges
    assert all(layers[key].ranges for key in ENTITY_LAYERS.values())  # the article names all three types
    assert Z_ORDER[ENTITY_LAYERS["LOC"]] < Z_ORDER["hits"]  # search hits are drawn over entities
    counts = reader.marks().counts()
    assert reader.legend.buttons["LOC"].text() == f"Places {counts['LOC']}"
    assert reader.legend.isVisibleTo(reader)
    text = reader.text.document().toPlainText()
    assert text[marks[0].position : marks[0].position + marks[0].length].startswith("Омск")
    assert reader.tooltip_at(marks[0].position) == "Place: Омск — click to filter by it or open it"
    # Article text stays plain text: the highlights are extra selections, not markup.
    assert "<" not in reader.text.document().toPlainText()[:10]


def test_a_type_toggle_hides_its_highlights_and_is_remembered(
    window: MainWindow, qtbot: QtBot, locations: Locations
) -> None:
    marks = open_naming(window, "Омск")
    reader = window.reader
    reader.legend.buttons["LOC"].click()
    assert not reader.layers()[ENTITY_LAYERS["LOC"]].visible
    assert reader.layers()[ENTITY_LAYERS["PER"]].visible
    assert reader.mark_at(marks[0].position) is None  # a hidden type offers nothing
    assert reader.tooltip_at(marks[0].position) == ""
    window.close()
    again = open_window(qtbot, locations)
    assert again.reader.shown_entity_types() == ["PER", "ORG"]
    open_naming(again, "Омск")
    assert not again.reader.layers()[ENTITY_LAYERS["LOC"]].visible


def test_clicking_an_entity_filters_the_results(window: MainWindow, qtbot: QtBot) -> None:
    marks = open_naming(window, "Александр Бурков")
    assert window.results_model.total == 5
    where = viewport_point(window, marks[0].position)
    qtbot.mouseClick(window.reader.text.viewport(), Qt.MouseButton.LeftButton, pos=where)
    menu = window.reader.entity_menu
    assert menu is not None and menu.isVisible()
    texts = [action.text() for action in menu.actions()]
    assert texts[:2] == ["Filter by «Александр Бурков»", "Open «Александр Бурков»"]
    menu.actions()[0].trigger()
    menu.close()
    assert window.facets.model.choice("person", "Александр Бурков") is Choice.INCLUDED
    assert window.results_model.total == 3  # the reports that name him


def test_the_keyboard_reaches_entities(window: MainWindow, qtbot: QtBot) -> None:
    open_naming(window, "Омск")
    reader = window.reader
    reader.text.setFocus()
    reader.text.moveCursor(QTextCursor.MoveOperation.Start)
    reader.next_entity()
    first = reader.marks().marks[0]
    assert reader.text.textCursor().selectionStart() == first.position
    reader.next_entity()
    reader.previous_entity()
    assert reader.text.textCursor().selectionStart() == first.position
    qtbot.keyClick(reader.text, Qt.Key.Key_Return)
    menu = reader.entity_menu
    assert menu is not None and menu.actions()[1].text() == f"Open «{first.name}»"
    menu.actions()[1].trigger()
    menu.close()
    view = window.entity_actions.entity_window
    assert view is not None and view.isVisible() and view.name == first.name


def test_the_entity_view(window: MainWindow, qtbot: QtBot) -> None:
    view = window.entity_actions.open_entity("омск")  # any case finds it
    assert view.name == "Омск" and view.kind_label.text() == "Place"
    assert view.windowTitle() == "Омск — Entity"
    assert view.summary.text().startswith("4 articles · 11 mentions · ")
    assert view.articles_model.rowCount() == 4
    assert "Александр Бурков" in view.related_model.names()
    assert not view.isModal()

    # An article opens in the reader.
    view.articles.activated.emit(view.articles_model.index(1, 0))
    assert window.reader.article is not None and window.reader.article.id == view.articles_model.id_at(1)

    # A co-occurring entity is shown in its place; Back returns.
    row = view.related_model.names().index("Александр Бурков")
    view.related.activated.emit(view.related_model.index(row, 0))
    assert view.name == "Александр Бурков" and view.kind_label.text() == "Person"
    assert view.history() == ["Омск"] and view.back_button.isEnabled()
    view.back_button.click()
    assert view.name == "Омск" and not view.back_button.isEnabled()

    view.filter_button.click()
    assert window.facets.model.choice("place", "Омск") is Choice.INCLUDED
    assert window.results_model.total == 4


def test_the_models_pass_the_model_tester(window: MainWindow, qtmodeltester: object) -> None:
    view = window.entity_actions.open_entity("Омск")
    manager = window.entity_actions.show_manager()
    for model in (view.articles_model, view.related_model, manager.model, manager.proxy):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rename_round_trips(window: MainWindow) -> None:
    actions = window.entity_actions
    open_naming(window, "Александр Бурков")
    view = actions.open_entity("Александр Бурков")
    actions.filter_by("Александр Бурков", "PER")
    view.rename_button.click()
    dialog = actions.curator.dialog
    assert dialog is not None and dialog.field.text() == "Александр Бурков"
    dialog.field.setText("   ")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.hint.text() == "Type a name."
    dialog.field.setText("А. В. Бурков")
    dialog.accept()
    assert view.name == "А. В. Бурков" and view.articles_model.rowCount() == 3
    values = window.facets.model.values("person")
    assert "А. В. Бурков" in values and "Александр Бурков" not in values
    assert window.facets.model.choice("person", "А. В. Бурков") is Choice.INCLUDED  # the filter followed
    assert window.results_model.total == 3
    assert any(m.name == "А. В. Бурков" for m in window.reader.marks().marks)  # the reader followed
    assert actions.curator.rename("А. В. Бурков", "Александр Бурков")
    assert view.name == "Александр Бурков"
    assert "Александр Бурков" in window.facets.model.values("person")


def test_merge_from_the_entities_dialog(window: MainWindow) -> None:
    actions = window.entity_actions
    manager = actions.show_manager()
    manager.kind_box.setCurrentIndex(manager.kind_box.findData("LOC"))
    manager.filter_edit.setText("казахстан")
    names = {manager.proxy.index(r, 0).data() for r in range(manager.proxy.rowCount())}
    assert names == {"Казахстан", "Республика Казахстан", "Северо-Казахстанской"}
    select_names(manager, {"Казахстан", "Республика Казахстан"})
    assert manager.merge_button.isEnabled() and not manager.rename_button.isEnabled()
    manager.merge_button.click()
    dialog = actions.curator.dialog
    assert dialog is not None and dialog.name() == "Казахстан"  # the one most articles name
    dialog.field.setText("нет такого")
    assert dialog.hint.text() == "No entity of the archive has this name."
    dialog.field.setText("казахстан")  # completed to the archive's spelling
    dialog.accept()
    names = {manager.proxy.index(r, 0).data() for r in range(manager.proxy.rowCount())}
    assert names == {"Казахстан", "Северо-Казахстанской"}
    assert "Республика Казахстан" not in window.facets.model.values("place")
    assert window.library is not None
    entity = window.library.entity("Казахстан")
    assert entity is not None and len(entity.articles) == 5


def test_change_type_round_trips(window: MainWindow) -> None:
    actions = window.entity_actions
    view = actions.open_entity("Титан")
    assert view.kind_label.text() == "Organisation"
    view.type_actions["PER"].trigger()
    assert view.kind_label.text() == "Person" and view.type_actions["PER"].isChecked()
    assert "Титан" in window.facets.model.values("person")
    assert "Титан" not in window.facets.model.values("organisation")
    view.type_actions["ORG"].trigger()
    assert "Титан" in window.facets.model.values("organisation")


def test_hide_and_show_again(window: MainWindow) -> None:
    actions = window.entity_actions
    open_naming(window, "Омск")
    view = actions.open_entity("Омск")
    view.hide_button.click()
    assert view.missing.isVisibleTo(view) and view.hide_button.text() == "Show Again"
    assert "Омск" not in window.facets.model.values("place")
    assert not any(m.name == "Омск" for m in window.reader.marks().marks)
    manager = actions.show_manager()
    assert not manager.select_name("Омск")
    manager.hidden_box.setChecked(True)
    assert manager.select_name("Омск")
    row = manager.selected()[0]
    assert row.hidden and row.kind == "LOC" and row.articles is None
    assert manager.summary.text().endswith("1 hidden")
    assert manager.hide_button.text() == "Show Again" and not manager.open_button.isEnabled()
    manager.hide_button.click()
    assert "Омск" in window.facets.model.values("place")
    assert any(m.name == "Омск" for m in window.reader.marks().marks)
    assert view.kind_label.text() == "Place" and not view.missing.isVisibleTo(view)


def test_the_entities_dialog_changes_types_of_several(window: MainWindow) -> None:
    manager = window.entity_actions.show_manager()
    manager.filter_edit.setText("Эрмитаж")
    assert manager.proxy.rowCount() == 2
    manager.table.selectAll()
    manager.type_menu.actions()[2].trigger()  # Place
    assert {"Государственный Эрмитаж", "Эрмитаж-Сибирь"} <= set(window.facets.model.values("place"))
    QApplication.processEvents()
