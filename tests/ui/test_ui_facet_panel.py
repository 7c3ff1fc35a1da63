"""The facet panel: entity and event facets, long lists, include/exclude/clear, the month histogram."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import SCREENSHOTS, open_window
from tests.ui.facet_archive import dated_home, dated_locations  # noqa: F401
from tests.ui.test_ui_screenshots import dark_palette, language  # noqa: F401
from viewer.paths import Locations
from viewer.ui.date_histogram import DateHistogram, Slot, build_slots, month_number
from viewer.ui.facet_model import PANEL_KINDS, TOP_VALUES, Choice, FacetModel
from viewer.ui.facet_panel import FacetPanel
from viewer.ui.main_window import MainWindow


def outlet_total(window: MainWindow) -> int:
    counts = window.library.search(window.search_bar.text(), *window.facets.selection()).facets["outlet"]  # type: ignore[union-attr]
    return sum(counts.values())


def rows(model: FacetModel, key: str) -> list[str]:
    parent = model.facet_index(key)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_the_panel_has_the_entity_and_event_facets(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.library is not None
    model = window.facets.model
    assert [kind.key for kind in model.kinds] == ["outlet", "author", "person", "organisation", "place", "event"]
    for key in ("person", "place", "event"):
        assert model.values(key), f"no {key} values in the sample archive"
    # events read as their labels, not their ids; an event of one report (the article itself) is not offered
    events = {event.id: event for event in window.library.events(key_entities=False)}
    forum = next(event for event in events.values() if len(event.articles) == 3)
    assert rows(model, "event") == [forum.label]
    assert model.index(0, 0, model.facet_index("event")).data(FacetModel.ValueRole) == forum.id
    lone = next(event for event in events.values() if len(event.articles) == 1)
    model.choose("event", lone.id, Choice.INCLUDED)  # chosen (Show Articles in the events list): offered
    assert lone.label in rows(model, "event")
    model.clear()
    qtmodeltester.check(model)
    qtmodeltester.check(window.facets.proxy)


def test_include_exclude_and_clear_all(window: MainWindow, qtbot: QtBot) -> None:
    model = window.facets.model
    person = model.values("person")[0]
    model.choose("person", person, Choice.INCLUDED)
    with_person = window.results_model.total
    assert 0 < with_person <= 5
    assert outlet_total(window) == with_person  # the other facets' counts follow
    assert window.library.search("", {"person": [person]}).total == with_person  # type: ignore[union-attr]
    # several values of one facet: any of them
    others = [p for p in model.values("person") if p != person]
    if others:
        model.choose("person", others[0], Choice.INCLUDED)
        both = window.library.search("", {"person": [person, others[0]]}).total  # type: ignore[union-attr]
        assert window.results_model.total == both >= with_person
    # excluding removes its articles
    model.clear()
    place = model.values("place")[0]
    model.choose("place", place, Choice.EXCLUDED)
    without = window.results_model.total
    assert without == 5 - window.library.search("", {"place": [place]}).total  # type: ignore[union-attr]
    assert model.choice("place", place) is Choice.EXCLUDED and place in model.values("place")
    assert window.facets.clear_button.isEnabled()
    qtbot.mouseClick(window.facets.clear_button, Qt.MouseButton.LeftButton)
    assert window.facets.selection() == ({}, {}) and window.results_model.total == 5
    assert not window.facets.clear_button.isEnabled()


def test_a_long_facet_shows_its_top_values_then_all(app: QApplication, qtmodeltester: ModelTester) -> None:
    model = FacetModel(PANEL_KINDS)
    counts = {f"Персона {n:02d}": 100 - n for n in range(30)}
    model.set_counts({"person": counts})
    parent = model.facet_index("person")
    assert model.rowCount(parent) == TOP_VALUES + 1
    more = model.index(TOP_VALUES, 0, parent)
    assert more.data(FacetModel.MoreRole) and more.data() == "Show all 30"
    assert model.value_of(more) is None and not model.flags(more) & Qt.ItemFlag.ItemIsUserCheckable
    qtmodeltester.check(model)
    # a chosen value past the top stays in sight
    model.choose("person", "Персона 20", Choice.EXCLUDED)
    assert rows(model, "person")[TOP_VALUES] == "Персона 20" and model.rowCount(parent) == TOP_VALUES + 2
    assert model.setData(model.index(TOP_VALUES + 1, 0, parent), True, FacetModel.MoreRole)
    assert model.rowCount(parent) == 31 and rows(model, "person")[-1] == "Show fewer"
    assert model.values("person") == list(counts)
    qtmodeltester.check(model)
    model.show_all("person", False)
    assert model.rowCount(parent) == TOP_VALUES + 2
    model.set_needle("ПЕРСОНА 1")  # narrowed to ten values, shown as any branch is
    assert rows(model, "person") == [f"Персона 1{n}" for n in range(TOP_VALUES)] + ["Show all 10"]
    model.set_needle("персона 07")
    assert rows(model, "person") == ["Персона 07"] and model.searching()
    qtmodeltester.check(model)
    model.set_needle("")
    assert model.rowCount(parent) == TOP_VALUES + 2 and not model.searching()


def test_the_filter_box_finds_values_past_the_top(app: QApplication, qtbot: QtBot) -> None:
    panel = FacetPanel()
    qtbot.addWidget(panel)
    panel.set_counts({"person": {f"Персона {n:02d}": 100 - n for n in range(30)}})
    panel.filter_edit.setText("персона 27")
    person = panel.proxy.index(0, 0)
    assert person.data(FacetModel.KeyRole) == "person"
    assert [panel.proxy.index(r, 0, person).data() for r in range(panel.proxy.rowCount(person))] == ["Персона 27"]
    panel.filter_edit.clear()
    assert panel.model.rowCount(panel.model.facet_index("person")) == TOP_VALUES + 1


def test_clicking_show_all(app: QApplication, qtbot: QtBot) -> None:
    panel = FacetPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 700)
    panel.show()
    panel.set_counts({"outlet": {f"Издание {n:02d}": 100 - n for n in range(12)}})
    outlet = panel.proxy.index(0, 0)
    more = panel.proxy.index(TOP_VALUES, 0, outlet)
    rect = panel.tree.visualRect(more)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.proxy.rowCount(outlet) == 13
    assert panel.model.selection() == ({}, {})  # showing more chose nothing


def test_years_without_articles_become_one_break(app: QApplication) -> None:
    counts = {month_number(m): n for m, n in {"2005-03": 1, "2019-01": 2, "2019-03": 3, "2019-12": 1}.items()}
    slots = build_slots(counts)  # type: ignore[arg-type]
    assert slots[0] == Slot(month_number("2005-03"), month_number("2005-03"), 1)  # type: ignore[arg-type]
    assert slots[1].gap and (slots[1].first, slots[1].last) == (month_number("2005-04"), month_number("2018-12"))
    # under a year without articles stays as months
    assert [s.gap for s in slots[2:]] == [False] * (len(slots) - 2)
    assert len(slots) == 2 + 12
    histogram = DateHistogram()
    histogram.set_counts({"2005-03": 1, "2019-01": 2, "2019-03": 3, "2019-12": 1})
    assert histogram.slot_text(0) == "March 2005: 1 article"
    assert histogram.slot_text(1) == "April 2005 – December 2018: no articles"
    assert histogram.slot_text(4) == "March 2019: 3 articles"


def drag(qtbot: QtBot, histogram: DateHistogram, first: int, last: int) -> None:
    start, end = histogram.slot_centre(first).toPoint(), histogram.slot_centre(last).toPoint()
    qtbot.mousePress(histogram, Qt.MouseButton.LeftButton, pos=start)
    histogram.mouseMoveEvent(_move(histogram, end))
    qtbot.mouseRelease(histogram, Qt.MouseButton.LeftButton, pos=end)


def _move(widget: DateHistogram, pos: QPoint) -> object:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(
        QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )


def test_dragging_across_months_narrows_the_results(
    app: QApplication, qtbot: QtBot, dated_locations: Locations  # noqa: F811
) -> None:
    window = open_window(qtbot, dated_locations)
    histogram = window.facets.histogram
    assert window.results_model.total == 7
    months = [(s.first, s.count) for s in histogram.slots() if not s.gap]
    first = next(n for n, s in enumerate(histogram.slots()) if s.first == month_number("2019-03"))
    last = next(n for n, s in enumerate(histogram.slots()) if s.first == month_number("2019-06"))
    with qtbot.waitSignal(window.facets.selectionChanged):
        drag(qtbot, histogram, first, last)
    assert histogram.span() == ("2019-03", "2019-06")
    assert window.facets.selection()[0] == {"date": ("2019-03..2019-06",)}
    assert window.results_model.total == 3
    assert outlet_total(window) == 3 and window.facets.model.values("outlet") == ["Interfax", "БК55"]
    # the months keep their counts, so the span can be moved
    assert [(s.first, s.count) for s in histogram.slots() if not s.gap] == months
    assert window.facets.span_text.text() == "March 2019 – June 2019" and window.facets.span_clear.isVisibleTo(window)
    assert window.facets.date_toggle.text() == "Date  (1)"
    # the facets narrow the months in turn
    window.facets.model.choose("outlet", "Interfax", Choice.INCLUDED)
    assert window.results_model.total == 2
    assert {month for month, n in window.library.search("", {"outlet": ["Interfax"]}).facets["month"].items()} == {  # type: ignore[union-attr]
        "2019-03", "2019-06"
    }
    assert sum(s.count for s in histogram.slots()) == 2
    window.facets.model.clear()
    qtbot.mouseClick(window.facets.span_clear, Qt.MouseButton.LeftButton)
    assert histogram.span() is None and window.results_model.total == 7


def test_choosing_months_with_the_keyboard(
    app: QApplication, qtbot: QtBot, dated_locations: Locations  # noqa: F811
) -> None:
    window = open_window(qtbot, dated_locations)
    histogram = window.facets.histogram
    histogram.setFocus()
    qtbot.keyClick(histogram, Qt.Key.Key_End)
    qtbot.keyClick(histogram, Qt.Key.Key_Space)
    assert histogram.span() == ("2020-12", "2020-12") and window.results_model.total == 1
    # the year without articles before it is one step
    qtbot.keyClick(histogram, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert histogram.span() == ("2019-12", "2020-12") and window.results_model.total == 1
    qtbot.keyClick(histogram, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(histogram, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert histogram.span() == ("2019-10", "2020-12") and window.results_model.total == 2
    qtbot.keyClick(histogram, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    assert histogram.span() == ("2005-03", "2020-12") and window.results_model.total == 7
    qtbot.keyClick(histogram, Qt.Key.Key_Escape)
    assert histogram.span() is None and window.facets.selection() == ({}, {})
    # Clear all clears the dates too, with one search
    histogram.set_span("2019-01", "2019-03")
    window.facets.model.choose("outlet", "БК55", Choice.INCLUDED)
    assert window.results_model.total == 1
    with qtbot.waitSignal(window.facets.selectionChanged):
        window.actions_.clear_filters.trigger()
    assert window.facets.selection() == ({}, {}) and window.results_model.total == 7


def test_the_date_section_folds_and_is_remembered(
    app: QApplication, qtbot: QtBot, dated_locations: Locations  # noqa: F811
) -> None:
    first = open_window(qtbot, dated_locations)
    qtbot.mouseClick(first.facets.date_toggle, Qt.MouseButton.LeftButton)
    assert not first.facets.date_section.isVisibleTo(first)
    first.close()
    second = open_window(qtbot, dated_locations)
    assert "date" in second.facets.collapsed_facets()
    assert not second.facets.date_section.isVisibleTo(second)
    qtbot.mouseClick(second.facets.date_toggle, Qt.MouseButton.LeftButton)
    assert second.facets.date_section.isVisibleTo(second)


def test_an_empty_histogram_says_so(app: QApplication, qtbot: QtBot) -> None:
    histogram = DateHistogram()
    qtbot.addWidget(histogram)
    histogram.resize(200, 80)
    histogram.set_counts({"unknown": 3})
    assert histogram.slots() == [] and histogram.slot_at(10) is None
    assert not histogram.grab().isNull()
    qtbot.keyClick(histogram, Qt.Key.Key_Right)  # nothing to move over: no error
    assert histogram.span() is None and QModelIndex().isValid() is False


def test_facet_panel_screenshots(
    language: str, app: QApplication, qtbot: QtBot, dated_locations: Locations  # noqa: F811
) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    window = open_window(qtbot, dated_locations)
    window.splitter.setSizes([300, 400, 580])
    window.facets.histogram.set_span("2019-03", "2019-06", notify=True)
    window.facets.model.choose("person", "Виктор Шрейдер", Choice.EXCLUDED)
    window.facets.model.choose("outlet", "Interfax", Choice.INCLUDED)
    QApplication.processEvents()
    assert window.facets.grab().save(str(SCREENSHOTS / f"facet-panel-{language}.png"))
    assert window.grab().save(str(SCREENSHOTS / f"main-window-facets-{language}.png"))


def test_facet_panel_dark_screenshot(
    app: QApplication, qtbot: QtBot, dated_locations: Locations  # noqa: F811
) -> None:
    light = app.palette()
    app.setPalette(dark_palette())
    try:
        window = open_window(qtbot, dated_locations)
        window.splitter.setSizes([300, 400, 580])
        window.facets.histogram.set_span("2019-01", "2019-06", notify=True)
        QApplication.processEvents()
        assert window.facets.grab().save(str(SCREENSHOTS / "facet-panel-dark.png"))
    finally:
        app.setPalette(light)
