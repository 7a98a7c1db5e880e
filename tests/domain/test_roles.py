"""Roles of SPEC.md and the permissions each grants."""

from __future__ import annotations

import pytest

from supportdesk.domain.roles import Permission, Role, allows


def test_the_roles_of_the_spec() -> None:
    assert {r.value for r in Role} == {
        "engineer",
        "group_leader",
        "sales_director",
        "salesperson",
        "committee",
        "admin",
    }


def test_only_the_administrator_manages_users_and_the_group_leader_also_team_settings() -> None:
    for role in Role:
        assert allows(role, Permission.USER_ADMIN) == (role is Role.ADMIN)
        assert allows(role, Permission.SETTINGS_EDIT) == (role in {Role.ADMIN, Role.GROUP_LEADER})


@pytest.mark.parametrize(
    ("role", "edits"),
    [
        (Role.ADMIN, True),
        (Role.GROUP_LEADER, True),
        (Role.ENGINEER, True),  # engineers keep the registry current (seed 004)
        (Role.SALES_DIRECTOR, False),
        (Role.SALESPERSON, False),
        (Role.COMMITTEE, False),
    ],
)
def test_who_edits_the_registry(role: Role, edits: bool) -> None:
    assert allows(role, Permission.REGISTRY_EDIT) is edits


def test_every_role_has_a_grant_entry() -> None:
    for role in Role:
        for permission in Permission:
            allows(role, permission)  # a missing entry would raise KeyError
