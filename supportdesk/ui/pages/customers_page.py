"""Customers and their contacts (seed 004: flag a customer not contacted within a week)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from supportdesk.domain.registry import ContactRow, CustomerRow, first_contact_overdue
from supportdesk.services import registry, users
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.registry_dialog import contact_dialog, customer_dialog
from supportdesk.ui.models.row_model import Column
from supportdesk.ui.widgets.confirm import confirm, warn
from supportdesk.ui.widgets.entity_panel import EntityPanel


class CustomersPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        today = ctx.today

        def overdue(c: CustomerRow) -> bool:
            return first_contact_overdue(c.created_on, c.first_contact_on, today())

        self.customers = EntityPanel(
            self.tr("Customers"),
            [
                Column(QCoreApplication.translate("CustomersPage", "Name"), lambda c: c.name),
                Column(
                    QCoreApplication.translate("CustomersPage", "Short name"),
                    lambda c: c.short_name,
                ),
                Column(QCoreApplication.translate("CustomersPage", "Region"), lambda c: c.region),
                Column(
                    QCoreApplication.translate("CustomersPage", "Engineer"), lambda c: c.engineer
                ),
                Column(
                    QCoreApplication.translate("CustomersPage", "Added"), lambda c: c.created_on
                ),
                Column(
                    QCoreApplication.translate("CustomersPage", "First contact"),
                    lambda c: (
                        c.first_contact_on
                        or (
                            QCoreApplication.translate(
                                "CustomersPage", "overdue: not contacted within a week"
                            )
                            if overdue(c)
                            else None
                        )
                    ),
                    highlight=overdue,
                ),
                Column(
                    QCoreApplication.translate("CustomersPage", "Contacts"), lambda c: c.contacts
                ),
                Column(
                    QCoreApplication.translate("CustomersPage", "Projects"), lambda c: c.projects
                ),
            ],
            self,
        )
        self.contacts = EntityPanel(
            self.tr("Contacts of the selected customer"),
            [
                Column(QCoreApplication.translate("CustomersPage", "Name"), lambda c: c.name),
                Column(QCoreApplication.translate("CustomersPage", "Role"), lambda c: c.role),
                Column(QCoreApplication.translate("CustomersPage", "Phone"), lambda c: c.phone),
                Column(QCoreApplication.translate("CustomersPage", "E-mail"), lambda c: c.email),
                Column(
                    QCoreApplication.translate("CustomersPage", "Emergency"), lambda c: c.emergency
                ),
            ],
            self,
            searchable=False,
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.customers)
        splitter.addWidget(self.contacts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.customers.selection_changed.connect(self._on_customers_selection_changed)
        self.customers.add_requested.connect(lambda: self._edit_customer(None))
        self.customers.edit_requested.connect(self._edit_customer)
        self.customers.delete_requested.connect(self._on_customers_delete_requested)
        self.contacts.add_requested.connect(lambda: self._edit_contact(None))
        self.contacts.edit_requested.connect(self._edit_contact)
        self.contacts.delete_requested.connect(self._on_contacts_delete_requested)
        ctx.events.registry_changed.connect(self._on_registry_changed)
        self.contacts.setEnabled(False)
        self.refresh()

    def reveal(self, entity_id: int) -> bool:
        """Show the row of this id (from the home page's list)."""
        return self.customers.reveal(lambda row: row.id, entity_id)

    def refresh(self) -> None:
        self._ctx.tasks.read(
            registry.list_customers,
            on_done=self._on_customers_loaded,
            latest=(id(self), "customers"),
        )

    def _on_customers_loaded(self, rows: list[CustomerRow]) -> None:
        self.customers.set_rows(rows, keep=lambda c: c.id)

    def _on_registry_changed(self, entity: str) -> None:
        if entity in {"customer", "contact", "project", "user"}:
            self.refresh()

    def _on_customers_selection_changed(self, customer: CustomerRow | None) -> None:
        self.contacts.setEnabled(customer is not None)
        if customer is None:
            self.contacts.set_rows([])
            return
        self._ctx.tasks.read(
            registry.list_contacts,
            customer.id,
            on_done=self._on_contacts_loaded,
            latest=(id(self), "contacts"),
        )

    def _on_contacts_loaded(self, rows: list[ContactRow]) -> None:
        customer = self.customers.selected()
        if customer is not None and all(r.customer_id == customer.id for r in rows):
            self.contacts.set_rows(rows, keep=lambda c: c.id)

    def _edit_customer(self, row: CustomerRow | None) -> None:
        def open_dialog(user_rows: Any) -> None:
            customer_dialog(self._ctx, user_rows, row, self).open()

        self._ctx.tasks.read(users.list_users, on_done=open_dialog)

    def _edit_contact(self, row: ContactRow | None) -> None:
        customer = self.customers.selected()
        if customer is not None:
            contact_dialog(self._ctx, customer.id, row, self).open()

    def _on_customers_delete_requested(self, row: CustomerRow) -> None:
        text = self.tr(
            "Delete customer {name} with its {contacts} contacts and {projects} projects, "
            "including their systems, hosts and contracts?"
        ).format(name=row.name, contacts=row.contacts, projects=row.projects)
        if confirm(self, self.tr("Delete customer"), text):
            self._delete(registry.delete_customer, row.id, row.version, "customer")

    def _on_contacts_delete_requested(self, row: ContactRow) -> None:
        text = self.tr("Delete contact {name}?").format(name=row.name)
        if confirm(self, self.tr("Delete contact"), text):
            self._delete(registry.delete_contact, row.id, row.version, "contact")

    def _delete(self, fn: Any, key: int, version: int, entity: str) -> None:
        self._ctx.tasks.write(
            fn,
            key,
            version,
            on_done=lambda _r: self._ctx.events.registry_changed.emit(entity),
            on_error=lambda e: warn(self, e),
        )
