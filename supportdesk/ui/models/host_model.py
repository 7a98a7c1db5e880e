"""The hosts table: an id list with rows fetched a page at a time (Anki's browser model)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from supportdesk.domain.registry import HostRow
from supportdesk.ui.models.row_model import ROW_ROLE, Column, Index, display

PAGE = 200


class HostModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column[HostRow]],
        fetch: Callable[[list[int]], list[HostRow]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._ids: list[int] = []
        self._cache: dict[int, HostRow] = {}
        self._index: list[tuple[int, str]] = []

    def set_index(self, index: list[tuple[int, str]]) -> None:
        """A fresh search index after a change: drop cached rows, they may be stale."""
        self._index = index
        self._cache.clear()

    def filter(self, text: str) -> None:
        needle = text.strip().lower()
        ids = (
            [i for i, hay in self._index if needle in hay]
            if needle
            else [i for i, _ in self._index]
        )
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def host_at(self, row: int) -> HostRow | None:
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        if key not in self._cache:
            start = row - row % PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            for host in self._fetch(page):
                self._cache[host.id] = host
        return self._cache.get(key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, ROW_ROLE):
            return None
        host = self.host_at(index.row())
        if host is None:
            return None
        if role == ROW_ROLE:
            return host
        return display(self._columns[index.column()].value(host))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None
