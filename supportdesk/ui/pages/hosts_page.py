"""All hosts: 100,000 scroll and filter smoothly (lazy rows, in-memory search index)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.registry import HostRow
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.registry_dialog import host_dialog
from supportdesk.ui.models.host_model import HostModel
from supportdesk.ui.models.row_model import ROW_ROLE, Column
from supportdesk.ui.widgets.confirm import confirm, warn

IDS_FIRST_S = 2.0  # how long the search index waits for the ids to be read first


def _dialog_lists(session: Any, system_id: int | None) -> tuple[Any, Any]:
    systems = registry.list_systems(session)
    siblings = (
        registry.hosts_by_ids(session, registry.host_ids(session, system_id=system_id))
        if system_id is not None
        else []
    )
    return systems, siblings


class HostsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        columns: list[Column[HostRow]] = [
            Column(QCoreApplication.translate("HostsPage", "Customer"), lambda h: h.customer),
            Column(QCoreApplication.translate("HostsPage", "System"), lambda h: h.system),
            Column(QCoreApplication.translate("HostsPage", "Host"), lambda h: h.name),
            Column(QCoreApplication.translate("HostsPage", "Address"), lambda h: h.address),
            Column(QCoreApplication.translate("HostsPage", "Port"), lambda h: h.port),
            Column(QCoreApplication.translate("HostsPage", "User"), lambda h: h.user),
            Column(QCoreApplication.translate("HostsPage", "Jump host"), lambda h: h.jump_host),
            Column(QCoreApplication.translate("HostsPage", "Credential"), lambda h: h.credential),
            Column(QCoreApplication.translate("HostsPage", "Tags"), lambda h: h.tags),
        ]
        self.model = HostModel(columns, self._fetch, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # Uniform row heights: the view never asks 100,000 rows for their size.
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 130, 80, 110, 45, 60, 80, 100)):
            self.view.setColumnWidth(column, width)
        self.view.doubleClicked.connect(lambda index: self._edit(index.data(ROW_ROLE)))
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by customer, system, host, address or tag…"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        # Filtering 100,000 hosts takes ~10 ms (less as typing narrows the matches): a short
        # pause only gathers a burst of keys, or a pasted or IME-committed word, into one pass.
        self._debounce.setInterval(60)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.count = QLabel(self)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.add_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(lambda: self._edit(self.selected()))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>" + self.tr("Hosts") + "</b>", self))
        bar.addWidget(self.search, 2)
        bar.addWidget(self.count)
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        ctx.events.registry_changed.connect(self._on_registry_changed)
        self._generation = 0  # a refresh's late results never overwrite a newer one's
        self._indexed = 0  # the generation whose search index has arrived
        self._on_selection_changed()
        self.refresh()

    def _fetch(self, ids: list[int]) -> list[HostRow]:
        # A page of rows by primary key takes a few milliseconds: fine on the GUI thread,
        # and it keeps scrolling free of placeholders.
        with self._ctx.tasks.uow.read() as session:
            return registry.hosts_by_ids(session, ids)

    def refresh(self) -> None:
        """The ids (a fraction of the time), then the search index that filtering needs: the
        table pages rows in as soon as the ids arrive. Both tasks start here, not one from the
        other's result, so nothing starts after the window has shut the runner down; the index
        waits for the ids on its pool thread, so the two do not share the GIL meanwhile."""
        self._generation += 1
        generation = self._generation
        ids_read = threading.Event()

        def host_ids(session: Any) -> list[int]:
            try:
                return registry.host_ids(session)
            finally:
                ids_read.set()

        def host_search_index(session: Any) -> list[tuple[int, str]]:
            ids_read.wait(IDS_FIRST_S)  # bounded: a busy pool may run this one first
            return registry.host_search_index(session)

        self._ctx.tasks.read(host_ids, on_done=lambda ids: self._on_ids_loaded(generation, ids))
        self._ctx.tasks.read(
            host_search_index, on_done=lambda index: self._on_index_loaded(generation, index)
        )

    def _on_ids_loaded(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation or self._indexed == generation:
            return  # stale, or the index (which holds the ids) came first
        self.model.set_ids(ids)
        self._on_rows_changed()

    def _on_index_loaded(self, generation: int, index: list[tuple[int, str]]) -> None:
        if generation != self._generation:
            return
        self._indexed = generation
        self.model.set_index(index)
        self._on_rows_changed()

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.filter(self.search.text())
        self._on_rows_changed()

    def _on_rows_changed(self) -> None:
        self.count.setText(self.tr("{count} hosts").format(count=self.model.rowCount()))
        self._on_selection_changed()

    def selected(self) -> HostRow | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _on_selection_changed(self, *_args: object) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _on_registry_changed(self, entity: str) -> None:
        if entity in {"customer", "project", "system", "host"}:
            self.refresh()

    def _edit(self, row: HostRow | None) -> None:
        def open_dialog(lists: Any) -> None:
            systems, siblings = lists
            host_dialog(self._ctx, systems, siblings, row, self).open()

        self._ctx.tasks.read(_dialog_lists, row.system_id if row else None, on_done=open_dialog)

    def _on_delete_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = self.tr("Delete host {name} ({address}) of {system}?").format(
            name=row.name, address=row.address, system=row.system
        )
        if confirm(self, self.tr("Delete host"), text):
            self._ctx.tasks.write(
                registry.delete_host,
                row.id,
                row.version,
                on_done=lambda _r: self._ctx.events.registry_changed.emit("host"),
                on_error=lambda e: warn(self, e),
            )
