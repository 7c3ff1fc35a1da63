"""The middle column: how many articles match, the order, and the list of results.

The list follows the current article (arrow keys, clicks) as the reader's source, and also
allows a selection of several (Ctrl- and Shift-click, Shift+arrows) to compare: with two or
more selected, a «Compare» button appears in the header.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.formatting import articles
from viewer.ui.icons import icon
from viewer.ui.results_delegate import ResultDelegate
from viewer.ui.results_model import ResultsModel

SORTS = ("relevance", "date")


class SampleBanner(QFrame):
    """Shown while the archive holds only the bundled sample: how to add one's own."""

    addFolder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SampleBanner")
        text = QLabel(
            self.tr(
                "A small sample archive to try Letopis with. Add your own news here, or drop folders onto the window."
            )
        )
        text.setWordWrap(True)
        button = QPushButton(icon("add-folder"), self.tr("Add Folder…"))
        button.clicked.connect(self.addFolder)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(text)
        layout.addLayout(row)


class ResultsPane(QWidget):
    currentArticleChanged = Signal(str)  # article id, "" when none
    sortChanged = Signal(str)
    addFolderRequested = Signal()
    compareRequested = Signal()  # compare the selected articles

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultsPane")
        self.model = model
        self.count_label = QLabel()
        self.count_label.setObjectName("PanelTitle")
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("Most relevant first"), "relevance")
        self.sort_box.addItem(self.tr("Newest first"), "date")
        self.sort_box.setToolTip(self.tr("Order of the results"))
        self.sort_box.currentIndexChanged.connect(lambda _i: self.sortChanged.emit(self.sort()))
        self.compare_button = QPushButton(icon("compare"), "")
        self.compare_button.setObjectName("CompareSelected")
        self.compare_button.setToolTip(self.tr("Compare the selected articles side by side (Ctrl+Shift+C)"))
        self.compare_button.clicked.connect(self.compareRequested)
        self.compare_button.hide()

        self.banner = SampleBanner()
        self.banner.addFolder.connect(self.addFolderRequested)
        self.banner.hide()

        self.list = QListView()
        self.list.setObjectName("ResultsList")
        self.list.setModel(model)
        self.list.setItemDelegate(ResultDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.selectionModel().selectionChanged.connect(lambda _new, _old: self._selection_changed())
        model.modelReset.connect(self._selection_changed)

        self.empty = QLabel()
        self.empty.setObjectName("Placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        header = QHBoxLayout()
        header.setContentsMargins(12, 8, 8, 6)
        header.addWidget(self.count_label)
        header.addStretch(1)
        header.addWidget(self.compare_button)
        header.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        banner_box = QVBoxLayout()
        banner_box.setContentsMargins(10, 0, 10, 8)
        banner_box.addWidget(self.banner)
        layout.addLayout(banner_box)
        layout.addWidget(self.stack, 1)
        self.show_count()

    # order -------------------------------------------------------------------
    def sort(self) -> str:
        return self.sort_box.currentData() or "relevance"

    def set_sort(self, sort: str) -> None:
        index = self.sort_box.findData(sort)
        if index >= 0:
            self.sort_box.blockSignals(True)
            self.sort_box.setCurrentIndex(index)
            self.sort_box.blockSignals(False)

    # state -------------------------------------------------------------------
    def show_count(self, opening: bool = False, note: str = "") -> None:
        total = self.model.total
        if opening:
            self.count_label.setText(note or self.tr("Opening the archive…"))
        else:
            self.count_label.setText(articles(total))
        if total or opening:
            self.stack.setCurrentIndex(0)
        else:
            self.empty.setText(
                self.tr("No articles match.\nTry fewer words, other forms of a name, or clear the filters.")
            )
            self.stack.setCurrentIndex(1)

    def show_empty_archive(self) -> None:
        self.count_label.setText(articles(0))
        self.empty.setText(
            self.tr("The archive is empty.\nAdd a folder of news with Archive → Add Folder… or drop it here.")
        )
        self.stack.setCurrentIndex(1)

    def set_sample_only(self, sample_only: bool) -> None:
        self.banner.setVisible(sample_only)

    # current article -----------------------------------------------------------
    def current_id(self) -> str:
        index = self.list.currentIndex()
        return self.model.id_at(index.row()) or "" if index.isValid() else ""

    def select_row(self, row: int) -> None:
        self.model.fetch_all_until(row)
        index = self.model.index(row, 0)
        if index.isValid():
            self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index)

    def select_id(self, article_id: str) -> bool:
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        self.select_row(row)
        return True

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.select_row(0)

    # comparing ---------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """Ids of the selected articles, in list order."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [article_id for article_id in (self.model.id_at(row) for row in rows) if article_id]

    def add_context_action(self, action: QAction) -> None:
        """Offer ``action`` in the list's context menu."""
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.addAction(action)

    def _selection_changed(self) -> None:
        count = len(self.list.selectionModel().selectedRows())
        self.compare_button.setText(self.tr("Compare (%1)").replace("%1", str(count)))
        self.compare_button.setVisible(count >= 2)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentArticleChanged.emit(self.model.id_at(current.row()) or "" if current.isValid() else "")
