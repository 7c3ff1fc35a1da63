"""Pictures of the comparison window (1400×900) as a person sees it, in tests/ui/screenshots/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from tests.ui.test_ui_compare import open_compare, sample_2019
from tests.ui.test_ui_screenshots import language, shots  # noqa: F401  (fixtures)
from viewer.paths import Locations


def test_compare_screenshots(language: str, qtbot: QtBot, locations: Locations, shots: Path) -> None:  # noqa: F811
    window = open_window(qtbot, locations)
    assert window.library is not None
    window.library.extract_entities()
    window.set_sort("date")
    selection = window.results.list.selectionModel()
    for article_id in sample_2019(window):
        index = window.results_model.index(window.results_model.row_of(article_id), 0)
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)
    QApplication.processEvents()
    assert window.results.compare_button.isVisible()
    assert window.grab().save(str(shots / f"results-selected-{language}.png"))

    compare = open_compare(qtbot, window, sample_2019(window))
    assert compare.panels is not None
    compare.panels.discrepancies.choose_row(0)
    QApplication.processEvents()
    whole = shots / f"compare-window-{language}.png"
    assert compare.grab().save(str(whole))
    assert whole.stat().st_size > 50_000

    first = compare.columns[0]
    sentence = next(
        s for s in first.sentences if first.comparison.sentence_kind(first.position, s.index) == "paraphrase"
    )
    first.reveal(sentence.start)
    compare.choose_sentence(first.position, sentence.index)
    QApplication.processEvents()
    assert compare.grab().save(str(shots / f"compare-passage-{language}.png"))

    for tab, name in ((1, "quotes"), (2, "entities"), (3, "timeline")):
        compare.panels.setCurrentIndex(tab)
        QApplication.processEvents()
        assert compare.panels.grab().save(str(shots / f"compare-{name}-{language}.png"))


def test_compare_screenshot_dark(qtbot: QtBot, locations: Locations, shots: Path) -> None:  # noqa: F811
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2d30"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1f22"), (QPalette.ColorRole.AlternateBase, "#26282b"),
        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#2b2d30"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#44474c"),
        (QPalette.ColorRole.Midlight, "#3a3c40"), (QPalette.ColorRole.PlaceholderText, "#9a9da3"),
    ):  # fmt: skip
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        window = open_window(qtbot, locations)
        compare = open_compare(qtbot, window, sample_2019(window))
        assert compare.panels is not None
        compare.panels.discrepancies.choose_row(0)
        QApplication.processEvents()
        assert compare.grab().save(str(shots / "compare-window-dark.png"))
    finally:
        app.setPalette(light)
