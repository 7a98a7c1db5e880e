"""The team the reminder tests share: a sales director, a group leader, a salesperson and an
engineer, each connected as themself (on PostgreSQL a login of their own), and one contract
whose maintenance ends on 28 February 2027."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from supportdesk.db.engine import Database
from supportdesk.domain.registry import ContractForm, CustomerForm, ProjectForm, SystemForm
from supportdesk.services import registry, team_settings, users
from tests.servers.postgres import PostgresServer

PASSWORD = "person-pw-1"


@dataclass
class Team:
    db: Database  # the administrator
    director: Database
    leader: Database
    sales: Database
    engineer: Database
    tag: str
    system: int
    contract: int
    customer: int

    def login(self, name: str) -> str:
        return f"{name}{self.tag}"


def _as(db: Database, request: pytest.FixtureRequest, login: str) -> Database:
    if db.is_sqlite:
        return Database(db.url, actor=login)
    server: PostgresServer = request.getfixturevalue("pg_server")
    assert db.url.database is not None
    return Database(server.url(db.url.database, user=login, password=PASSWORD))


@pytest.fixture
def team(db: Database, request: pytest.FixtureRequest) -> Iterator[Team]:
    tag = "" if db.is_sqlite else f"_{uuid.uuid4().hex[:4]}"  # logins are cluster-wide
    pw = None if db.is_sqlite else PASSWORD
    with db.write() as s:
        users.add_user(
            s, f"zongjian{tag}", "sales_director", email="director@example.cn", password=pw
        )
        users.add_user(s, f"zuzhang{tag}", "group_leader", email="leader@example.cn", password=pw)
        users.add_user(s, f"xiaoshou{tag}", "salesperson", email="sales@example.cn", password=pw)
        users.add_user(s, f"gongcheng{tag}", "engineer", email="", password=pw)
        customer = registry.save_customer(s, CustomerForm("华东电力"))
        project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
        system = registry.save_system(s, SystemForm(project.id, "调度平台生产"))
        contract = registry.save_contract(
            s, ContractForm(system.id, date(2025, 3, 1), date(2027, 2, 28), "paid")
        )
        team_settings.set_many(s, {"mail.host": "127.0.0.1", "mail.from": "desk@example.cn"})
    director, leader, sales, engineer = people = [
        _as(db, request, f"{name}{tag}")
        for name in ("zongjian", "zuzhang", "xiaoshou", "gongcheng")
    ]
    yield Team(db, director, leader, sales, engineer, tag, system.id, contract.id, customer.id)
    for person in people:
        person.dispose()


@dataclass
class Chain:
    """The team with a committee member: everyone the optimisation report's chain needs."""

    team: Team
    committee: Database


@pytest.fixture
def chain(team: Team, request: pytest.FixtureRequest) -> Iterator[Chain]:
    login = f"weiyuan{team.tag}"
    with team.db.write() as s:
        users.add_user(s, login, "committee", password=None if team.db.is_sqlite else PASSWORD)
    committee = _as(team.db, request, login)
    yield Chain(team, committee)
    committee.dispose()
