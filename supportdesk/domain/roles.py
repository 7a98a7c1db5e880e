"""Roles of SPEC.md and what each may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ENGINEER = "engineer"
    GROUP_LEADER = "group_leader"
    SALES_DIRECTOR = "sales_director"
    SALESPERSON = "salesperson"
    COMMITTEE = "committee"
    ADMIN = "admin"


class Permission(StrEnum):
    REGISTRY_EDIT = "registry.edit"
    REGISTRY_IMPORT = "registry.import"
    USER_ADMIN = "user.admin"
    AUDIT_READ = "audit.read"
    SETTINGS_EDIT = "settings.edit"


_ALL = frozenset(Permission)
_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: _ALL,
    Role.GROUP_LEADER: frozenset(
        {Permission.REGISTRY_EDIT, Permission.REGISTRY_IMPORT, Permission.AUDIT_READ}
    ),
    Role.ENGINEER: frozenset({Permission.REGISTRY_EDIT}),
    Role.SALES_DIRECTOR: frozenset({Permission.AUDIT_READ}),
    Role.SALESPERSON: frozenset(),
    Role.COMMITTEE: frozenset({Permission.AUDIT_READ}),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]
