"""Home: what needs attention today. Later areas add their own item sources."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from supportdesk.domain.registry import AttentionItem
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.models.row_model import ROW_ROLE, Column, RowModel

Source = Callable[[Any, date], list[AttentionItem]]


def describe_item(item: AttentionItem) -> str:
    if item.kind == "customer.first_contact_overdue":
        return QCoreApplication.translate(
            "HomePage", "Customer not contacted within a week of being added"
        )
    if item.kind == "contract.expiring":
        return QCoreApplication.translate(
            "HomePage", "Maintenance ends on {date}: warn sales"
        ).format(date=item.due.isoformat() if item.due else "")
    return item.kind


def _collect(session: Any, today: date, sources: list[Source]) -> list[AttentionItem]:
    items = [item for source in sources for item in source(session, today)]
    return sorted(items, key=lambda i: (i.due or today, i.kind, i.entity_id))


class HomePage(QWidget):
    opened = Signal(object)  # the AttentionItem double-clicked

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.sources: list[Source] = [registry.attention]
        self.model: RowModel[AttentionItem] = RowModel(
            [
                Column(QCoreApplication.translate("HomePage", "What"), describe_item),
                Column(QCoreApplication.translate("HomePage", "Concerning"), lambda i: i.title),
                Column(
                    QCoreApplication.translate("HomePage", "Due"),
                    lambda i: i.due,
                    highlight=lambda i: bool(i.due and i.due <= ctx.today()),
                ),
                Column(
                    QCoreApplication.translate("HomePage", "Who"),
                    lambda i: i.params.get("engineer") or i.params.get("salesperson"),
                ),
            ],
            self,
        )
        self.heading = QLabel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self.opened.emit(index.data(ROW_ROLE)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        ctx.events.registry_changed.connect(lambda _entity: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self._ctx.tasks.read(
            _collect,
            self._ctx.today(),
            list(self.sources),
            on_done=self._on_items_loaded,
            latest=(id(self), "items"),
        )

    def _on_items_loaded(self, items: list[AttentionItem]) -> None:
        self.model.set_rows(items)
        self.view.resizeColumnsToContents()
        today = self._ctx.today().isoformat()
        self.heading.setText(
            "<h2>"
            + self.tr("Needs attention today ({today}): {count}").format(
                today=today, count=len(items)
            )
            + "</h2>"
            if items
            else "<h2>"
            + self.tr("Nothing needs attention today ({today}).").format(today=today)
            + "</h2>"
        )
