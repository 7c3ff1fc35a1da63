"""What the app remembers between sessions, in an ini file in the archive's config folder.

An explicit file path (rather than QSettings' organisation/application lookup) keeps each
Letopis home, and each test, with settings of its own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

HISTORY_LENGTH = 50


class Settings:
    def __init__(self, config_dir: Path) -> None:
        config_dir.mkdir(parents=True, exist_ok=True)
        self.path = config_dir / "letopis.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _json(self, key: str, default: Any) -> Any:
        raw = self._qs.value(key)
        if not isinstance(raw, str):
            return default
        try:
            value = json.loads(raw)
        except ValueError:
            return default
        return value if isinstance(value, type(default)) else default

    def _set_json(self, key: str, value: Any) -> None:
        # JSON, because an ini list of one item reads back as a plain string.
        self._qs.setValue(key, json.dumps(value, ensure_ascii=False))

    # window ------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def set_splitter(self, value: QByteArray) -> None:
        self._qs.setValue("window/splitter", value)

    def compare_geometry(self) -> QByteArray | None:
        return self._bytes("compare/geometry")

    def set_compare_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("compare/geometry", value)

    def compare_splitter(self) -> QByteArray | None:
        return self._bytes("compare/splitter")

    def set_compare_splitter(self, value: QByteArray) -> None:
        self._qs.setValue("compare/splitter", value)

    # searching ---------------------------------------------------------------
    def last_query(self) -> str:
        value = self._qs.value("search/last_query", "")
        return value if isinstance(value, str) else ""

    def set_last_query(self, text: str) -> None:
        self._qs.setValue("search/last_query", text)

    def sort(self) -> str:
        value = self._qs.value("search/sort", "relevance")
        return value if value in ("relevance", "date") else "relevance"

    def set_sort(self, sort: str) -> None:
        self._qs.setValue("search/sort", sort)

    def history(self) -> list[str]:
        return [item for item in self._json("search/history", []) if isinstance(item, str)][:HISTORY_LENGTH]

    def set_history(self, items: list[str]) -> None:
        self._set_json("search/history", items[:HISTORY_LENGTH])

    # panels ------------------------------------------------------------------
    def collapsed_facets(self) -> list[str]:
        return [item for item in self._json("facets/collapsed", []) if isinstance(item, str)]

    def set_collapsed_facets(self, keys: list[str]) -> None:
        self._set_json("facets/collapsed", keys)

    def reader_zoom(self) -> int:
        value = self._qs.value("reader/zoom", 0)
        try:
            return max(-5, min(10, int(value)))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0

    def set_reader_zoom(self, steps: int) -> None:
        self._qs.setValue("reader/zoom", steps)

    def entity_types(self) -> list[str]:
        """The entity types the reader highlights (PER, ORG, LOC; all at first)."""
        value = self._json("reader/entity_types", ["PER", "ORG", "LOC"])
        return [kind for kind in value if kind in ("PER", "ORG", "LOC")]

    def set_entity_types(self, kinds: list[str]) -> None:
        self._set_json("reader/entity_types", kinds)

    def list_tab(self) -> str:
        """The list shown beside the reader: «articles» or «events»."""
        value = self._qs.value("window/list_tab", "articles")
        return value if value in ("articles", "events") else "articles"

    def set_list_tab(self, tab: str) -> None:
        self._qs.setValue("window/list_tab", tab)

    def events_view(self) -> dict[str, Any]:
        """The events list's order (column, descending) and whether single reports are hidden."""
        value = self._json("events/view", {})
        column, descending, several = value.get("column"), value.get("descending"), value.get("several_only")
        return {
            "column": column if isinstance(column, int) and 0 <= column < 4 else 1,
            "descending": descending if isinstance(descending, bool) else True,
            "several_only": several if isinstance(several, bool) else False,
        }

    def set_events_view(self, column: int, descending: bool, several_only: bool) -> None:
        self._set_json("events/view", {"column": column, "descending": descending, "several_only": several_only})

    def last_folder(self) -> str:
        value = self._qs.value("archive/last_folder", "")
        return value if isinstance(value, str) else ""

    def set_last_folder(self, path: str) -> None:
        self._qs.setValue("archive/last_folder", path)
