"""The models behind the views: checked with Qt's model tester, and for what they promise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from viewer.ui import results_model
from viewer.ui.facet_model import Choice, FacetModel
from viewer.ui.facet_panel import FacetFilterProxy
from viewer.ui.main_window import MainWindow
from viewer.ui.results_model import ResultRow, ResultsModel, SearchRequest
from viewer.ui.table_model import StringTableModel


def test_results_model_pages_through_the_hits(window: MainWindow, qtmodeltester: ModelTester) -> None:
    model = ResultsModel()
    model.set_library(window.library)
    model.run(SearchRequest("форум"), page_size=2)
    assert model.total == 5
    assert model.rowCount() == 2
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    assert len({model.id_at(r) for r in range(5)}) == 5
    row = model.index(0, 0).data(ResultsModel.RowRole)
    assert isinstance(row, ResultRow)
    assert row.spans and all(row.snippet[a:b].lower().startswith("форум") for a, b in row.spans)
    qtmodeltester.check(model)


def test_rows_are_built_again_from_the_catalog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results_model, "ROW_CACHE", 1)
    model = ResultsModel()
    model.set_library(window.library)
    model.run(SearchRequest("Казахстан", sort="date"))
    first = model.result_row(0)
    for row in range(model.rowCount()):
        model.result_row(row)
    again = model.result_row(0)  # evicted, then rebuilt from Library.article
    assert first is not None and again is not None and again is not first
    assert (again.id, again.title, again.outlet) == (first.id, first.title, first.outlet)
    assert [again.snippet[a:b] for a, b in again.spans] == [first.snippet[a:b] for a, b in first.spans]


def test_a_malformed_query_leaves_the_model_alone(window: MainWindow) -> None:
    from viewer.search.query import QueryError

    model = ResultsModel()
    model.set_library(window.library)
    model.run(SearchRequest("форум"))
    with pytest.raises(QueryError):
        model.run(SearchRequest("nosuchfield:x"))
    assert model.rowCount() == 5 and model.request.text == "форум"


def test_facet_model(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.library is not None
    model = FacetModel()
    model.set_counts(window.library.search("").facets)
    qtmodeltester.check(model)
    outlet = model.facet_index("outlet")
    assert model.rowCount(outlet) == 3
    values = [model.index(r, 0, outlet).data(FacetModel.ValueRole) for r in range(3)]
    assert "БК55" in values
    assert model.index(0, 1, outlet).data() == "1"

    changes: list[bool] = []
    model.selectionChanged.connect(lambda: changes.append(True))
    bk55 = model.index(values.index("БК55"), 0, outlet)
    assert model.setData(bk55, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.choose("year", "2019", Choice.EXCLUDED)
    assert model.selection() == ({"outlet": ("БК55",)}, {"year": ("2019",)})
    assert changes == [True, True]
    assert bk55.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "(1)" in outlet.data()

    # Counts that leave the excluded year without articles keep it listed, first.
    model.set_counts({"outlet": {"БК55": 1}, "year": {"2020": 2}})
    year = model.facet_index("year")
    assert [model.index(r, 0, year).data(FacetModel.ValueRole) for r in range(model.rowCount(year))] == ["2019", "2020"]
    assert model.index(0, 0, year).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert model.index(0, 0, year).data(Qt.ItemDataRole.FontRole).strikeOut()
    qtmodeltester.check(model)

    model.choose("outlet", "Омск Здесь", Choice.INCLUDED, exclusive=True)
    assert model.selection()[0] == {"outlet": ("Омск Здесь",)}
    model.clear()
    assert model.selection() == ({}, {}) and model.active_count() == 0


def test_facet_filter_proxy(window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.library is not None
    model = FacetModel()
    model.set_counts(window.library.search("").facets)
    proxy = FacetFilterProxy()
    proxy.setSourceModel(model)
    def search(text: str) -> None:
        model.set_needle(text)
        proxy.refilter()

    search("омск")
    # «Outlet» and the entity facets (Омск, Омская область) have matching values; «Author» none
    shown = {proxy.index(r, 0).data(FacetModel.KeyRole) for r in range(proxy.rowCount())}
    assert shown >= {"outlet", "place"} and "author" not in shown
    outlet = proxy.index(0, 0)
    assert outlet.data(FacetModel.KeyRole) == "outlet"
    assert [proxy.index(r, 0, outlet).data() for r in range(proxy.rowCount(outlet))] == ["Омск Здесь"]
    search("ноябрь")  # month labels are matched as shown
    assert proxy.rowCount() == 0 or proxy.index(0, 0).data(FacetModel.KeyRole) == "month"
    qtmodeltester.check(proxy)
    search("")
    assert proxy.rowCount() == len(model.kinds)


def test_string_table_model(qtmodeltester: ModelTester) -> None:
    model = StringTableModel(["File", "Problem"])
    model.set_rows([("/a.json", "not JSON"), ("/b.txt", "empty")])
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Problem"
    assert model.index(1, 0).data() == "/b.txt"
