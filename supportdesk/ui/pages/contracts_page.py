"""Maintenance contracts; those whose notice date has come are highlighted (R4.1)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from supportdesk.domain.registry import ContractRow, expiring_within
from supportdesk.services import registry, users
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.registry_dialog import contract_dialog, kind_label
from supportdesk.ui.models.row_model import Column
from supportdesk.ui.widgets.confirm import confirm, warn
from supportdesk.ui.widgets.entity_panel import EntityPanel


def _lists(session: Any) -> tuple[Any, Any]:
    return registry.list_systems(session), users.list_users(session)


class ContractsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx

        def due(c: ContractRow) -> bool:
            return expiring_within(c.end, c.notice_months, ctx.today())

        self.contracts = EntityPanel(
            self.tr("Maintenance contracts"),
            [
                Column(
                    QCoreApplication.translate("ContractsPage", "Customer"), lambda c: c.customer
                ),
                Column(QCoreApplication.translate("ContractsPage", "System"), lambda c: c.system),
                Column(QCoreApplication.translate("ContractsPage", "Start"), lambda c: c.start),
                Column(
                    QCoreApplication.translate("ContractsPage", "End"),
                    lambda c: c.end,
                    highlight=due,
                ),
                Column(
                    QCoreApplication.translate("ContractsPage", "Maintenance"),
                    lambda c: kind_label(c.kind),
                ),
                Column(
                    QCoreApplication.translate("ContractsPage", "Salesperson"),
                    lambda c: c.salesperson,
                ),
                Column(
                    QCoreApplication.translate("ContractsPage", "Notice (months)"),
                    lambda c: c.notice_months,
                ),
                Column(
                    QCoreApplication.translate("ContractsPage", "Warn sales on"),
                    lambda c: c.notice_on(),
                    highlight=due,
                ),
            ],
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.contracts)
        self.contracts.add_requested.connect(lambda: self._edit(None))
        self.contracts.edit_requested.connect(self._edit)
        self.contracts.delete_requested.connect(self._on_contracts_delete_requested)
        ctx.events.registry_changed.connect(self._on_registry_changed)
        self.refresh()

    def reveal(self, entity_id: int) -> bool:
        """Show the row of this id (from the home page's list)."""
        return self.contracts.reveal(lambda row: row.id, entity_id)

    def refresh(self) -> None:
        self._ctx.tasks.read(
            registry.list_contracts,
            on_done=self._on_contracts_loaded,
            latest=(id(self), "contracts"),
        )

    def _on_contracts_loaded(self, rows: list[ContractRow]) -> None:
        self.contracts.set_rows(rows, keep=lambda c: c.id)

    def _on_registry_changed(self, entity: str) -> None:
        if entity in {"customer", "project", "system", "contract", "user"}:
            self.refresh()

    def _edit(self, row: ContractRow | None) -> None:
        def open_dialog(lists: Any) -> None:
            systems, user_rows = lists
            contract_dialog(self._ctx, systems, user_rows, row, self).open()

        self._ctx.tasks.read(_lists, on_done=open_dialog)

    def _on_contracts_delete_requested(self, row: ContractRow) -> None:
        text = self.tr("Delete the maintenance contract of {system} ending {end}?").format(
            system=f"{row.customer} / {row.system}", end=row.end.isoformat()
        )
        if confirm(self, self.tr("Delete maintenance contract"), text):
            self._ctx.tasks.write(
                registry.delete_contract,
                row.id,
                row.version,
                on_done=lambda _r: self._ctx.events.registry_changed.emit("contract"),
                on_error=lambda e: warn(self, e),
            )
