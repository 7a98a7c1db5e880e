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
    VAULT_USE = "vault.use"  # read, add and change credentials (R3.1: the after-sales group)
    VAULT_ADMIN = "vault.admin"  # set the vault up, add and remove members (the group leader)
    INSPECT = "inspection.run"  # run inspections, accept a host's first key (R2.3)
    HOST_KEY_REPLACE = "host_key.replace"  # accept a host's changed key (the group leader)
    INSPECTION_REVIEW = "inspection.review"  # approve or return an inspection report
    HANDOVER_EDIT = "handover.edit"  # a project's handover: state, package (R1.1-R1.3)
    CHANGE_EDIT = "change.edit"  # record, notify, execute and archive changes (R3.2)
    FAQ_EDIT = "faq.edit"  # write service-manual entries, submit them for review (R2.2)
    FAQ_PUBLISH = "faq.publish"  # review and publish them, upload the manual (group leader)
    # The monthly optimisation report (R2.4): drafted and submitted by the group leader; the
    # sales director and the committee approve it by role (domain.optimisation.CHAIN).
    OPTIMISATION_EDIT = "optimisation.edit"
    REMINDER_ACK = "reminder.ack"  # acknowledge an expiry reminder, assign a salesperson (R4.1)
    REMINDER_FOLLOW_UP = "reminder.follow_up"  # record renewed / lost / pending


_ALL = frozenset(Permission)
_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: _ALL,
    Role.GROUP_LEADER: frozenset(
        {
            Permission.REGISTRY_EDIT,
            Permission.REGISTRY_IMPORT,
            Permission.AUDIT_READ,
            Permission.VAULT_USE,
            Permission.VAULT_ADMIN,
            Permission.INSPECT,
            Permission.HOST_KEY_REPLACE,
            Permission.INSPECTION_REVIEW,
            Permission.SETTINGS_EDIT,  # the team's mail server and robots (issue 6)
            Permission.HANDOVER_EDIT,
            Permission.CHANGE_EDIT,
            Permission.FAQ_EDIT,
            Permission.FAQ_PUBLISH,
            Permission.OPTIMISATION_EDIT,
        }
    ),
    Role.ENGINEER: frozenset(
        {
            Permission.REGISTRY_EDIT,
            Permission.VAULT_USE,
            Permission.INSPECT,
            Permission.HANDOVER_EDIT,
            Permission.CHANGE_EDIT,
            Permission.FAQ_EDIT,
        }
    ),
    Role.SALES_DIRECTOR: frozenset(
        {Permission.AUDIT_READ, Permission.REMINDER_ACK, Permission.REMINDER_FOLLOW_UP}
    ),
    Role.SALESPERSON: frozenset({Permission.REMINDER_FOLLOW_UP}),
    Role.COMMITTEE: frozenset({Permission.AUDIT_READ}),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]
