"""Create/edit dialogs for the registry: customers, contacts, projects, systems, hosts,
maintenance contracts. Each builds the service form from the dialog's values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.registry import (
    DEFAULT_NOTICE_MONTHS,
    ContactForm,
    ContactRow,
    ContractForm,
    ContractKind,
    ContractRow,
    CustomerForm,
    CustomerRow,
    Environment,
    HostForm,
    HostRow,
    ProjectForm,
    ProjectRow,
    SystemForm,
    SystemRow,
    UserRow,
)
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog, FormField


def _user_choices(users: Sequence[UserRow]) -> list[tuple[str, Any]]:
    none = QCoreApplication.translate("RegistryDialog", "(nobody)")
    return [(none, None)] + [(f"{u.name} ({u.login})", u.login) for u in users if u.active]


def environment_label(value: str) -> str:
    labels = {
        Environment.PRODUCTION: QCoreApplication.translate("RegistryDialog", "production"),
        Environment.STAGING: QCoreApplication.translate("RegistryDialog", "staging"),
        Environment.TEST: QCoreApplication.translate("RegistryDialog", "test"),
        Environment.DEVELOPMENT: QCoreApplication.translate("RegistryDialog", "development"),
    }
    return labels.get(value, value)  # type: ignore[call-overload, no-any-return]


def kind_label(value: str) -> str:
    if value == ContractKind.FREE:
        return QCoreApplication.translate("RegistryDialog", "free")
    return QCoreApplication.translate("RegistryDialog", "paid")


def customer_dialog(
    ctx: UiContext, users: Sequence[UserRow], row: CustomerRow | None, parent: QWidget | None
) -> FormDialog:
    fields = [
        FormField("name", QCoreApplication.translate("RegistryDialog", "Name")),
        FormField("short_name", QCoreApplication.translate("RegistryDialog", "Short name")),
        FormField("region", QCoreApplication.translate("RegistryDialog", "Region")),
        FormField(
            "engineer",
            QCoreApplication.translate("RegistryDialog", "Responsible engineer"),
            "choice",
            _user_choices(users),
        ),
        FormField(
            "first_contact_on",
            QCoreApplication.translate("RegistryDialog", "First contacted on"),
            "optional_date",
        ),
    ]
    values = (
        {}
        if row is None
        else {
            "name": row.name,
            "short_name": row.short_name,
            "region": row.region,
            "engineer": row.engineer,
            "first_contact_on": row.first_contact_on,
        }
    )

    def build(v: dict[str, Any]) -> tuple[Any, Any]:
        form = CustomerForm(
            v["name"],
            v["short_name"],
            v["region"],
            v["engineer"],
            v["first_contact_on"],
            row.id if row else None,
            row.version if row else None,
        )
        return registry.save_customer, form

    title = (
        QCoreApplication.translate("RegistryDialog", "New customer")
        if row is None
        else QCoreApplication.translate("RegistryDialog", "Edit customer")
    )
    return FormDialog(ctx, title, fields, values, build, "customer", parent)


def contact_dialog(
    ctx: UiContext, customer_id: int, row: ContactRow | None, parent: QWidget | None
) -> FormDialog:
    fields = [
        FormField("name", QCoreApplication.translate("RegistryDialog", "Name")),
        FormField("role", QCoreApplication.translate("RegistryDialog", "Role / department")),
        FormField("phone", QCoreApplication.translate("RegistryDialog", "Phone")),
        FormField("email", QCoreApplication.translate("RegistryDialog", "E-mail")),
        FormField(
            "emergency", QCoreApplication.translate("RegistryDialog", "Emergency contact"), "bool"
        ),
    ]
    values = (
        {}
        if row is None
        else {
            "name": row.name,
            "role": row.role,
            "phone": row.phone,
            "email": row.email,
            "emergency": row.emergency,
        }
    )

    def build(v: dict[str, Any]) -> tuple[Any, Any]:
        form = ContactForm(
            customer_id,
            v["name"],
            v["role"],
            v["phone"],
            v["email"],
            v["emergency"],
            row.id if row else None,
            row.version if row else None,
        )
        return registry.save_contact, form

    title = (
        QCoreApplication.translate("RegistryDialog", "New contact")
        if row is None
        else QCoreApplication.translate("RegistryDialog", "Edit contact")
    )
    return FormDialog(ctx, title, fields, values, build, "contact", parent)


def project_dialog(
    ctx: UiContext,
    customers: Sequence[CustomerRow],
    row: ProjectRow | None,
    parent: QWidget | None,
) -> FormDialog:
    fields = [
        FormField(
            "customer",
            QCoreApplication.translate("RegistryDialog", "Customer"),
            "choice",
            [(c.name, c.id) for c in customers],
        ),
        FormField("name", QCoreApplication.translate("RegistryDialog", "Name")),
        FormField("contract_no", QCoreApplication.translate("RegistryDialog", "Contract number")),
        FormField(
            "planned_acceptance",
            QCoreApplication.translate("RegistryDialog", "Planned final acceptance"),
            "optional_date",
        ),
        FormField(
            "acceptance_date",
            QCoreApplication.translate("RegistryDialog", "Actual final acceptance"),
            "optional_date",
        ),
    ]
    values = (
        {}
        if row is None
        else {
            "customer": row.customer_id,
            "name": row.name,
            "contract_no": row.contract_no,
            "planned_acceptance": row.planned_acceptance,
            "acceptance_date": row.acceptance_date,
        }
    )

    def build(v: dict[str, Any]) -> tuple[Any, Any]:
        if v["customer"] is None:
            raise ValidationError("customer", "required")
        form = ProjectForm(
            v["customer"],
            v["name"],
            v["contract_no"],
            v["planned_acceptance"],
            v["acceptance_date"],
            row.id if row else None,
            row.version if row else None,
        )
        return registry.save_project, form

    title = (
        QCoreApplication.translate("RegistryDialog", "New project")
        if row is None
        else QCoreApplication.translate("RegistryDialog", "Edit project")
    )
    return FormDialog(ctx, title, fields, values, build, "project", parent)


def system_dialog(
    ctx: UiContext, project_id: int, row: SystemRow | None, parent: QWidget | None
) -> FormDialog:
    fields = [
        FormField("name", QCoreApplication.translate("RegistryDialog", "Name")),
        FormField(
            "environment",
            QCoreApplication.translate("RegistryDialog", "Environment"),
            "choice",
            [(environment_label(e), e.value) for e in Environment],
        ),
        FormField(
            "under_maintenance",
            QCoreApplication.translate("RegistryDialog", "Under maintenance"),
            "bool",
        ),
    ]
    values = (
        {"under_maintenance": True}
        if row is None
        else {
            "name": row.name,
            "environment": row.environment,
            "under_maintenance": row.under_maintenance,
        }
    )

    def build(v: dict[str, Any]) -> tuple[Any, Any]:
        form = SystemForm(
            project_id,
            v["name"],
            v["environment"],
            v["under_maintenance"],
            row.id if row else None,
            row.version if row else None,
        )
        return registry.save_system, form

    title = (
        QCoreApplication.translate("RegistryDialog", "New system")
        if row is None
        else QCoreApplication.translate("RegistryDialog", "Edit system")
    )
    return FormDialog(ctx, title, fields, values, build, "system", parent)


def host_dialog(
    ctx: UiContext,
    systems: Sequence[SystemRow],
    siblings: Sequence[HostRow],
    row: HostRow | None,
    parent: QWidget | None,
) -> FormDialog:
    """`siblings` are candidate jump hosts; the service refuses one from another system."""
    none = QCoreApplication.translate("RegistryDialog", "(none)")
    fields = [
        FormField(
            "system",
            QCoreApplication.translate("RegistryDialog", "System"),
            "choice",
            [(f"{s.customer} / {s.name}", s.id) for s in systems],
        ),
        FormField("name", QCoreApplication.translate("RegistryDialog", "Name")),
        FormField("address", QCoreApplication.translate("RegistryDialog", "Address")),
        FormField(
            "port",
            QCoreApplication.translate("RegistryDialog", "SSH port"),
            "int",
            minimum=1,
            maximum=65535,
        ),
        FormField("user", QCoreApplication.translate("RegistryDialog", "Login user")),
        FormField(
            "jump_host",
            QCoreApplication.translate("RegistryDialog", "Jump host"),
            "choice",
            [(none, None)]
            + [
                (f"{h.name} ({h.address})", h.id) for h in siblings if row is None or h.id != row.id
            ],
        ),
        FormField("credential", QCoreApplication.translate("RegistryDialog", "Vault credential")),
        FormField("tags", QCoreApplication.translate("RegistryDialog", "Tags"), "tags"),
    ]
    values: dict[str, Any] = (
        {"port": 22}
        if row is None
        else {
            "system": row.system_id,
            "name": row.name,
            "address": row.address,
            "port": row.port,
            "user": row.user,
            "jump_host": row.jump_host_id,
            "credential": row.credential or "",
            "tags": row.tags,
        }
    )
    if row is None and systems:
        values["system"] = systems[0].id

    def build(v: dict[str, Any]) -> tuple[Any, Any]:
        if v["system"] is None:
            raise ValidationError("system", "required")
        form = HostForm(
            v["system"],
            v["name"],
            v["address"],
            v["port"],
            v["user"],
            v["jump_host"],
            v["credential"] or None,
            v["tags"],
            row.id if row else None,
            row.version if row else None,
        )
        return registry.save_host, form

    title = (
        QCoreApplication.translate("RegistryDialog", "New host")
        if row is None
        else QCoreApplication.translate("RegistryDialog", "Edit host")
    )
    return FormDialog(ctx, title, fields, values, build, "host", parent)


def contract_dialog(
    ctx: UiContext,
    systems: Sequence[SystemRow],
    users: Sequence[UserRow],
    row: ContractRow | None,
    parent: QWidget | None,
) -> FormDialog:
    fields = [
        FormField(
            "system",
            QCoreApplication.translate("RegistryDialog", "System"),
            "choice",
            [(f"{s.customer} / {s.name}", s.id) for s in systems],
        ),
        FormField("start", QCoreApplication.translate("RegistryDialog", "Start"), "date"),
        FormField("end", QCoreApplication.translate("RegistryDialog", "End"), "date"),
        FormField(
            "kind",
            QCoreApplication.translate("RegistryDialog", "Maintenance"),
            "choice",
            [(kind_label(k), k.value) for k in ContractKind],
        ),
        FormField(
            "salesperson",
            QCoreApplication.translate("RegistryDialog", "Salesperson"),
            "choice",
            _user_choices(users),
        ),
        FormField(
            "notice_months",
            QCoreApplication.translate("RegistryDialog", "Notice period (months)"),
            "int",
            minimum=0,
            maximum=24,
        ),
    ]
    values: dict[str, Any] = (
        {"notice_months": DEFAULT_NOTICE_MONTHS}
        if row is None
        else {
            "system": row.system_id,
            "start": row.start,
            "end": row.end,
            "kind": row.kind,
            "salesperson": row.salesperson,
            "notice_months": row.notice_months,
        }
    )

    def build(v: dict[str, Any]) -> tuple[Any, Any]:
        if v["system"] is None:
            raise ValidationError("system", "required")
        form = ContractForm(
            v["system"],
            v["start"],
            v["end"],
            v["kind"],
            v["salesperson"],
            v["notice_months"],
            row.id if row else None,
            row.version if row else None,
        )
        return registry.save_contract, form

    title = (
        QCoreApplication.translate("RegistryDialog", "New maintenance contract")
        if row is None
        else QCoreApplication.translate("RegistryDialog", "Edit maintenance contract")
    )
    return FormDialog(ctx, title, fields, values, build, "contract", parent)
