"""The Russian UI: every string translated, the .ts read at run time as lrelease would compile it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from viewer.paths import Locations
from viewer.ui import translations
from viewer.ui.query_help import help_entries
from viewer.ui.translations import TsTranslator, catalog_path, install_translations, remove_translations

UI_SOURCES = sorted((Path(__file__).resolve().parents[2] / "viewer" / "ui").glob("*.py"))


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def _messages(path: Path) -> list[tuple[str, str, bool]]:
    root = ElementTree.parse(path).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message.get("numerus") == "yes")
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_ui_string_has_a_russian_translation(tmp_path: Path) -> None:
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "letopis_ru.ts"
    shutil.copy(catalog_path("ru"), fresh)
    subprocess.run(
        [lupdate, *map(str, UI_SOURCES), "-locations", "none", "-no-obsolete", "-ts", str(fresh)],
        check=True, capture_output=True,
    )
    root = ElementTree.parse(fresh).getroot()
    unfinished = [
        message.findtext("source")
        for message in root.iter("message")
        if message.find("translation") is not None and message.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == [], "translate these in resources/translations/letopis_ru.ts"
    assert len(_messages(fresh)) == len(_messages(catalog_path("ru")))


def test_the_ts_reader_agrees_with_lrelease(tmp_path: Path) -> None:
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    for language in ("ru", "en"):
        qm = tmp_path / f"letopis_{language}.qm"
        subprocess.run([lrelease, str(catalog_path(language)), "-qm", str(qm)], check=True, capture_output=True)
        compiled = QTranslator()
        assert compiled.load(str(qm))
        parsed = TsTranslator(catalog_path(language))
        for context, source, numerus in _messages(catalog_path(language)):
            for n in (0, 1, 2, 5, 11, 21, 22, 104) if numerus else (-1,):
                assert parsed.translate(context, source, None, n) == compiled.translate(context, source, None, n)


def test_a_fresh_qm_is_preferred_to_the_ts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "letopis_ru.ts"
    shutil.copy(catalog_path("ru"), ts)
    monkeypatch.setattr(translations, "catalog_path", lambda language: ts)
    assert isinstance(translations.load_catalog("ru"), TsTranslator)
    subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, capture_output=True)
    loaded = translations.load_catalog("ru")
    assert loaded is not None and not isinstance(loaded, TsTranslator)
    assert loaded.translate("MainWindow", "Letopis") == "Летопись"


def test_russian_plural_forms() -> None:
    parsed = TsTranslator(catalog_path("ru"))
    forms = {n: parsed.translate("ReaderView", "%n hit(s)", None, n) for n in (1, 3, 5, 11, 12, 21, 24, 111)}
    assert forms == {
        1: "%n совпадение", 3: "%n совпадения", 5: "%n совпадений", 11: "%n совпадений",
        12: "%n совпадений", 21: "%n совпадение", 24: "%n совпадения", 111: "%n совпадений",
    }


def test_the_window_in_russian(app: QApplication, qtbot: QtBot, locations: Locations) -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    for translator in app.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
    installed = install_translations(QLocale(QLocale.Language.Russian))
    try:
        window = open_window(qtbot, locations)
        assert window.windowTitle() == "Летопись — пример архива"
        assert [a.text() for a in window.menuBar().actions()] == [
            "&Архив", "&Поиск", "Сохранённые &поиски", "&Статья", "Со&бытия", "&Вид", "&Справка"
        ]
        assert window.results.count_label.text() == "5 статей"
        assert window.status.count.text() == "В архиве: 5 статей"
        window.search_bar.set_text("Бурков", search=True)
        window.results.select_row(0)
        assert window.reader.hits_label.text().endswith(("совпадение", "совпадения", "совпадений"))
        assert window.facets.model.facet_index("outlet").data() == "Издание"
    finally:
        remove_translations(installed)
        install_translations(english)


def test_no_language_reads_dates_in_english(app: QApplication) -> None:
    """LANG=C chooses no language: dates read as in English, not as bare numbers («6 11 2019»)."""
    from viewer.ui.formatting import short_date

    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    for translator in app.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
    installed = install_translations(QLocale(QLocale.Language.C))
    try:
        assert QLocale().language() == QLocale.Language.English
        assert short_date("2019-11-06T11:03:00+06:00") == "11/6/19"
    finally:
        remove_translations(installed)
        install_translations(english)


def test_the_query_help_examples_run(app: QApplication, qtbot: QtBot, locations: Locations) -> None:
    window = open_window(qtbot, locations)
    assert window.library is not None
    for syntax, meaning in help_entries():
        assert meaning
        window.library.search(syntax)  # raises QueryError if the help lies
