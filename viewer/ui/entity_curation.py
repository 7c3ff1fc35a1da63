"""Curating named entities: rename, merge into another, change the type, hide and unhide.

The changes go to the user's data through the GUI thread's Library (small writes, no
re-indexing: entity facets live outside the index) and ``changed`` tells the window,
which searches again and re-reads the open article's highlights. Renaming and merging
ask for a name in a small dialog that completes over the archive's entity names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.entity_models import EntityRow

if TYPE_CHECKING:
    from viewer.library import Library


def entity_rows(library: Library) -> list[EntityRow]:
    """Every entity of the archive with its type and article count, hidden ones too."""
    from viewer.entities.stage import TYPES

    facets = library.search("", limit=0).facets
    rows = [
        EntityRow(name, kind, count)
        for kind, facet in TYPES.items()
        for name, count in facets.get(facet, {}).items()
    ]
    for name, (_canonical, kind, hidden) in library.user.entities.all().items():
        if hidden:
            rows.append(EntityRow(name, kind or "", None, hidden=True))
    return sorted(rows, key=lambda r: (r.name.casefold(), r.kind))


class EntityNameDialog(QDialog):
    """Asks for an entity's name; ``names`` complete it, and ``must_exist`` allows only them."""

    def __init__(
        self, title: str, prompt: str, names: Sequence[str], text: str = "", must_exist: bool = False,
        refuse: Sequence[str] = (), parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._names = {name.casefold(): name for name in names}
        self._must_exist = must_exist
        self._refuse = {name.casefold() for name in refuse}
        label = QLabel(prompt)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.field = QLineEdit(text)
        self.field.selectAll()
        completer = QCompleter(sorted(names, key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)
        self.hint = QLabel()
        self.hint.setObjectName("Secondary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self._check)
        self._check()

    def name(self) -> str:
        """The name typed, spelt as the archive spells it when it is one of its names."""
        typed = " ".join(self.field.text().split())
        return self._names.get(typed.casefold(), typed)

    def _check(self) -> None:
        name = self.name()
        problem = ""
        if not name:
            problem = self.tr("Type a name.")
        elif name.casefold() in self._refuse:
            problem = self.tr("Choose another entity than the one being merged.")
        elif self._must_exist and name.casefold() not in self._names:
            problem = self.tr("No entity of the archive has this name.")
        self.hint.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()


class EntityCurator(QObject):
    """The curation actions, for the entity view, the Entities dialog and the reader."""

    changed = Signal(str, str)  # the name changed, its new name ("" when it is the same)
    failed = Signal(str)  # why a change could not be made

    def __init__(self, library: Callable[[], Library | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.dialog: EntityNameDialog | None = None  # the one asking, while it asks
        self.error = ""  # the last failure's message

    def _apply(self, change: Callable[[Library], None], name: str, new_name: str = "") -> bool:
        library = self._library()
        if library is None:
            return False
        try:
            change(library)
        except ValueError as error:  # an empty name and the like: the core says what is wrong
            self.error = str(error)
            self.failed.emit(self.error)
            return False
        self.changed.emit(name, new_name)
        return True

    def rename(self, name: str, new_name: str) -> bool:
        new_name = " ".join(new_name.split())
        if new_name == name:
            return False
        return self._apply(lambda lib: lib.rename_entity(name, new_name), name, new_name)

    def merge(self, names: Sequence[str], into: str) -> bool:
        """Make each of ``names`` another name of ``into``."""
        sources = [n for n in dict.fromkeys(names) if n != into]
        if not sources:
            return False

        def change(library: Library) -> None:
            for source in sources:
                library.merge_entities(source, into)

        if not self._apply(change, sources[0], into):
            return False
        for source in sources[1:]:
            self.changed.emit(source, into)
        return True

    def set_type(self, name: str, kind: str) -> bool:
        return self._apply(lambda lib: lib.set_entity_type(name, kind), name)

    def set_hidden(self, name: str, kind: str, hidden: bool) -> bool:
        """Hide (or show again) a false entity; its type is kept so that the list can show it."""

        def change(library: Library) -> None:
            if hidden and kind:
                library.set_entity_type(name, kind)
            library.hide_entity(name, hidden)

        return self._apply(change, name)

    # asking ---------------------------------------------------------------------
    def ask_rename(self, name: str, parent: QWidget) -> EntityNameDialog:
        dialog = EntityNameDialog(
            self.tr("Rename Entity"),
            self.tr("A new name for «%1». An existing name makes the two one entity.").replace("%1", name),
            self._names(), name, parent=parent,
        )
        return self._ask(dialog, lambda: self.rename(name, dialog.name()))

    def ask_merge(self, names: Sequence[str], parent: QWidget, suggested: str = "") -> EntityNameDialog:
        """Merge ``names`` into an entity to choose; with several, it may be one of them."""
        shown = ", ".join(f"«{n}»" for n in names[:3]) + ("…" if len(names) > 3 else "")
        dialog = EntityNameDialog(
            self.tr("Merge Entities"),
            self.tr("Merge %1 into the entity:").replace("%1", shown),
            self._names(), suggested, must_exist=True, refuse=names if len(names) == 1 else (), parent=parent,
        )
        return self._ask(dialog, lambda: self.merge(names, dialog.name()))

    def _ask(self, dialog: EntityNameDialog, done: Callable[[], object]) -> EntityNameDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(done)
        dialog.finished.connect(lambda _result: self._asked(dialog))
        dialog.open()
        return dialog

    def _asked(self, dialog: EntityNameDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _names(self) -> list[str]:
        library = self._library()
        return sorted({row.name for row in entity_rows(library) if not row.hidden}) if library else []
