"""Rewards for optimisations with a marked effect (issue 10, R5.4), on SQLite and PostgreSQL:
only from an approved optimisation report and only by the group leader; each role takes only
its own step; a return keeps its comment; the approved reward is frozen; bad input names the
field and changes nothing; the ledger per person and month and its XLSX; the reminders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, Reward, RewardStep, System, User
from supportdesk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from supportdesk.domain.optimisation import Category, Decision, ItemForm, ReportState
from supportdesk.domain.rewards import RewardForm
from supportdesk.domain.roles import Role
from supportdesk.services import optimisation, reminder, rewards, users
from tests.reminder_team import PASSWORD, Team, _as

MONTH = "2026-11"


@dataclass
class Chain:
    team: Team
    committee: Database
    item: int  # an item of the approved November report

    def person(self) -> str:
        return self.team.login("gongcheng")


def _approved_report(team: Team, month: str, text: str) -> int:
    """An optimisation report of `month` with one item, taken through the whole chain by the
    administrator standing in; the item's id."""
    with team.db.read() as s:
        system = s.get(System, team.system)
        assert system is not None
        project = system.project_id
    with team.db.write() as s:
        optimisation.draft(s, month)
        item = optimisation.save_item(
            s, ItemForm(month, project, text, Category.PERFORMANCE, "研发部", date(2026, 12, 20))
        )
        for decision in (Decision.SUBMIT, Decision.APPROVE, Decision.APPROVE):
            optimisation.decide(s, month, decision)
    return item.id


@pytest.fixture
def chain(team: Team, request: pytest.FixtureRequest) -> Iterator[Chain]:
    login = f"weiyuan{team.tag}"
    with team.db.write() as s:
        users.add_user(s, login, "committee", password=None if team.db.is_sqlite else PASSWORD)
        s.execute(update(User).where(User.login == team.login("gongcheng")).values(name="张伟"))
        s.execute(update(User).where(User.login == team.login("zuzhang")).values(name="李娜"))
    committee = _as(team.db, request, login)
    item = _approved_report(team, MONTH, "报表查询慢")
    yield Chain(team, committee, item)
    committee.dispose()


def _form(chain: Chain, **changes: object) -> RewardForm:
    form = RewardForm(
        month=MONTH,
        item_id=chain.item,
        person=chain.person(),
        what_changed="为报表表加索引，查询从 12 秒降到 0.3 秒",
        evidence="慢查询日志 11 月 20 日前后对比",
        amount=Decimal("1500.50"),
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def _through(chain: Chain, reward_id: int, *decisions: Decision) -> None:
    """Take the steps, each by the role it belongs to."""
    takers = {
        ReportState.DRAFT: chain.team.leader,
        ReportState.SUBMITTED: chain.team.director,
        ReportState.REVIEWED: chain.committee,
    }
    for decision in decisions:
        with chain.team.db.read() as s:
            state = rewards.show(s, reward_id).state
        with takers[state].write() as s:
            rewards.decide(
                s, reward_id, decision, "请补充证据" if decision is Decision.RETURN else ""
            )


def _count(db: Database, model: type[Any]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_reward_is_applied_for_only_from_an_approved_report(chain: Chain) -> None:
    team = chain.team
    with team.leader.write() as s:
        optimisation.draft(s, "2026-12")
    for month in ("2026-12", "2026-09"):  # a draft report; no report at all
        with pytest.raises(ValidationError) as caught, team.leader.write() as s:
            rewards.apply(s, _form(chain, month=month, item_id=None))
        assert (caught.value.field, caught.value.code) == ("month", "reward_report_not_approved")
    other = _approved_report(team, "2026-10", "日志未轮转")
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        rewards.apply(s, _form(chain, item_id=other))  # an item of another report
    assert caught.value.field == "item_id"
    with team.leader.write() as s:
        row = rewards.apply(s, _form(chain))
    assert (row.month, row.item_id, row.item_description) == (MONTH, chain.item, "报表查询慢")
    assert (row.person, row.person_name, row.amount) == (chain.person(), "张伟", Decimal("1500.50"))
    assert (row.state, row.holder, row.steps, row.approved_on) == (
        ReportState.DRAFT,
        Role.GROUP_LEADER,
        (),
        None,
    )
    with team.leader.write() as s:
        bare = rewards.apply(s, _form(chain, item_id=None, amount=Decimal(200)))
    assert (bare.item_id, bare.item_description, bare.amount) == (None, "", Decimal("200.00"))
    with team.engineer.read() as s:
        assert [r.id for r in rewards.rewards(s)] == [bare.id, row.id]  # newest first
        assert rewards.rewards(s, "2026-10") == []


def test_only_the_group_leader_applies(chain: Chain) -> None:
    team = chain.team
    for someone in (team.engineer, team.director, team.sales, chain.committee):
        with pytest.raises(PermissionDeniedError), someone.write() as s:
            rewards.apply(s, _form(chain))
    assert _count(team.db, Reward) == 0


def test_each_role_takes_only_its_own_step_and_a_return_keeps_its_comment(chain: Chain) -> None:
    team = chain.team
    with team.leader.write() as s:
        reward = rewards.apply(s, _form(chain)).id
    with pytest.raises(ValidationError) as caught, team.director.write() as s:
        rewards.decide(s, reward, Decision.SUBMIT)
    assert caught.value.code == "not_your_step"
    with team.leader.write() as s:
        submitted = rewards.decide(s, reward, Decision.SUBMIT)
    assert (submitted.state, submitted.holder) == (ReportState.SUBMITTED, Role.SALES_DIRECTOR)
    for wrong in (team.leader, team.engineer, chain.committee):
        with pytest.raises(ValidationError), wrong.write() as s:
            rewards.decide(s, reward, Decision.APPROVE)
    with pytest.raises(ValidationError) as caught, team.director.write() as s:
        rewards.decide(s, reward, Decision.RETURN, "   ")
    assert caught.value.field == "comment"
    with team.director.write() as s:
        returned = rewards.decide(s, reward, Decision.RETURN, "请附上对比截图")
    assert returned.state is ReportState.DRAFT
    assert [(c.by, c.comment) for c in returned.comments] == [
        (team.login("zongjian"), "请附上对比截图")
    ]
    with team.leader.write() as s:  # the draft again: the group leader changes and resubmits
        edited = rewards.apply(
            s, _form(chain, id=reward, version=returned.version, evidence="对比截图见附件")
        )
        rewards.decide(s, reward, Decision.SUBMIT)
    assert edited.evidence == "对比截图见附件"
    with team.director.write() as s:
        rewards.decide(s, reward, Decision.APPROVE)
    with pytest.raises(ValidationError), team.director.write() as s:
        rewards.decide(s, reward, Decision.APPROVE)  # the committee's step now
    with chain.committee.write() as s:
        approved = rewards.decide(s, reward, Decision.APPROVE, "同意")
    assert (approved.state, approved.holder) == (ReportState.APPROVED, None)
    assert approved.approved_on == approved.steps[-1].at.astimezone().date()  # local day
    assert [(st.decision.value, st.state_after.value) for st in approved.steps] == [
        ("submit", "submitted"),
        ("return", "draft"),
        ("submit", "submitted"),
        ("approve", "reviewed"),
        ("approve", "approved"),
    ]
    with team.db.read() as s:
        actions = list(
            s.scalars(select(AuditEvent.action).where(AuditEvent.target == f"reward:{reward}"))
        )
    assert actions == [
        "reward.apply",
        "reward.submit",
        "reward.return",
        "reward.edit",
        "reward.submit",
        "reward.approve",
        "reward.approve",
    ]


def test_the_approved_reward_is_frozen(chain: Chain) -> None:
    team = chain.team
    with team.leader.write() as s:
        reward = rewards.apply(s, _form(chain)).id
    _through(chain, reward, Decision.SUBMIT, Decision.APPROVE, Decision.APPROVE)
    with team.db.read() as s:
        approved = rewards.show(s, reward)
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        rewards.apply(s, _form(chain, id=reward, version=approved.version, amount=Decimal(9)))
    assert (caught.value.field, caught.value.code) == ("state", "reward_not_draft")
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        rewards.delete(s, reward, approved.version)
    assert caught.value.field == "state"
    for who in (team.leader, team.director, chain.committee, team.db):
        for decision in Decision:
            with pytest.raises(ValidationError), who.write() as s:
                rewards.decide(s, reward, decision, "再议")
    with team.db.read() as s:
        assert rewards.show(s, reward) == approved


def test_a_stale_edit_is_a_conflict(chain: Chain) -> None:
    team = chain.team
    with team.leader.write() as s:
        first = rewards.apply(s, _form(chain))
        rewards.apply(s, _form(chain, id=first.id, version=first.version, amount=Decimal(800)))
    with pytest.raises(ConflictError), team.leader.write() as s:
        rewards.apply(s, _form(chain, id=first.id, version=first.version, amount=Decimal(900)))
    with pytest.raises(ConflictError), team.leader.write() as s:
        rewards.decide(s, first.id, Decision.SUBMIT, version=first.version)
    with team.db.read() as s:
        assert rewards.show(s, first.id).amount == Decimal("800.00")


def test_only_a_draft_never_submitted_is_deleted(chain: Chain) -> None:
    team = chain.team
    with team.leader.write() as s:
        kept = rewards.apply(s, _form(chain)).id
        gone = rewards.apply(s, _form(chain, item_id=None, amount=Decimal(100)))
    _through(chain, kept, Decision.SUBMIT, Decision.RETURN)  # a draft again, with a history
    with team.db.read() as s:
        returned = rewards.show(s, kept)
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        rewards.delete(s, kept, returned.version)
    assert caught.value.code == "reward_submitted_kept"
    with pytest.raises(PermissionDeniedError), team.engineer.write() as s:
        rewards.delete(s, gone.id, gone.version)
    with team.leader.write() as s:
        rewards.delete(s, gone.id, gone.version)
        assert [r.id for r in rewards.rewards(s)] == [kept]
    with team.db.read() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.target == f"reward:{gone.id}")
        )
        assert list(actions) == ["reward.apply", "reward.delete"]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"what_changed": "  "}, "what_changed", "required"),
        ({"what_changed": "变" * 2001}, "what_changed", "too_long"),
        ({"evidence": ""}, "evidence", "required"),
        ({"evidence": "证" * 2001}, "evidence", "too_long"),
        ({"amount": Decimal(0)}, "amount", "out_of_range"),
        ({"amount": Decimal("-5")}, "amount", "out_of_range"),
        ({"amount": Decimal("1000000.01")}, "amount", "out_of_range"),
        ({"amount": Decimal("10.005")}, "amount", "bad_amount"),
        ({"amount": Decimal("NaN")}, "amount", "bad_amount"),
        ({"person": ""}, "person", "required"),
        ({"person": "nobody"}, "person", "unknown_user"),
        ({"person": "inactive"}, "person", "inactive_user"),
        ({"month": "2026-13"}, "month", "bad_month"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(
    chain: Chain, changes: dict[str, object], field: str, code: str
) -> None:
    team = chain.team
    if changes.get("person") == "inactive":
        changes = {"person": team.login("xiaoshou")}
        with team.db.write() as s:
            s.execute(update(User).where(User.login == changes["person"]).values(active=False))
    with team.leader.write() as s:
        draft = rewards.apply(s, _form(chain))
    events = _count(team.db, AuditEvent)
    for form in (
        _form(chain, **changes),
        _form(chain, id=draft.id, version=draft.version, **changes),
    ):
        with pytest.raises(ValidationError) as caught, team.leader.write() as s:
            rewards.apply(s, form)
        assert (caught.value.field, caught.value.code) == (field, code)
    with team.db.read() as s:
        assert rewards.rewards(s) == [draft]
    assert _count(team.db, AuditEvent) == events


def _approved_reward(chain: Chain, month: str, item: int | None, person: str, amount: str) -> int:
    with chain.team.leader.write() as s:
        reward = rewards.apply(
            s, _form(chain, month=month, item_id=item, person=person, amount=Decimal(amount))
        ).id
    _through(chain, reward, Decision.SUBMIT, Decision.APPROVE, Decision.APPROVE)
    return reward


def test_the_ledger_sums_per_person_and_month_and_leaves_out_unapproved(
    chain: Chain, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    team = chain.team
    october = _approved_report(team, "2026-10", "日志未轮转")
    engineer, leader = chain.person(), team.login("zuzhang")
    _approved_reward(chain, MONTH, chain.item, engineer, "1000")
    _approved_reward(chain, MONTH, None, engineer, "500.50")  # a second, not for an item
    _approved_reward(chain, MONTH, chain.item, leader, "300")
    _approved_reward(chain, "2026-10", october, engineer, "800.25")
    with team.leader.write() as s:  # not approved: left out
        waiting = rewards.apply(s, _form(chain, item_id=None, amount=Decimal(7000))).id
        rewards.apply(s, _form(chain, item_id=None, person=leader, amount=Decimal(6000)))
    _through(chain, waiting, Decision.SUBMIT, Decision.APPROVE)  # reviewed, not approved
    with team.engineer.read() as s:
        both = rewards.ledger(s, "2026-10", MONTH)
        november = rewards.ledger(s, MONTH, MONTH)
        later = rewards.ledger(s, "2026-12", "2027-03")
    assert [(r.month, r.person, r.person_name, r.count, r.total) for r in both] == [
        ("2026-10", engineer, "张伟", 1, Decimal("800.25")),
        (MONTH, engineer, "张伟", 2, Decimal("1500.50")),
        (MONTH, leader, "李娜", 1, Decimal("300.00")),
    ]
    assert november == both[1:]
    assert later == []
    with pytest.raises(ValidationError), team.engineer.read() as s:
        rewards.ledger(s, MONTH, "2026-10")

    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "奖励台账.xlsx"
    with team.engineer.read() as s:
        assert rewards.export_ledger(s, "2026-10", MONTH, path) == path
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no .part left behind
    book = load_workbook(path)
    summary, detail = book.worksheets
    rows = list(summary.iter_rows(values_only=True))
    assert rows[1:4] == [
        ("2026-10", engineer, "张伟", 1, 800.25),
        (MONTH, engineer, "张伟", 2, 1500.5),
        (MONTH, leader, "李娜", 1, 300),
    ]
    assert rows[4][3:] == (4, 2600.75)  # the total
    lines = list(detail.iter_rows(values_only=True))[1:]
    assert sorted((line[3], line[7]) for line in lines) == [
        ("张伟", 500.5),
        ("张伟", 800.25),
        ("张伟", 1000),
        ("李娜", 300),
    ]
    assert {line[4] for line in lines} == {"报表查询慢", "日志未轮转", None}  # one for no item
    with team.db.read() as s:
        days = {str(r.approved_on) for r in rewards.rewards(s) if r.approved_on is not None}
    assert {line[8] for line in lines} <= days  # the day each was approved


def test_the_steps_are_insert_only_for_the_team(chain: Chain) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    team = chain.team
    with team.leader.write() as s:
        reward = rewards.apply(s, _form(chain)).id
        rewards.decide(s, reward, Decision.SUBMIT)
    if team.db.is_sqlite:
        return  # one person's file: no logins to keep apart
    with pytest.raises(DBAPIError), team.leader.write() as s:
        s.execute(text("UPDATE reward_step SET comment = 'x'"))
    with pytest.raises(DBAPIError), team.leader.write() as s:
        s.execute(text("DELETE FROM reward WHERE id = :id"), {"id": reward})
    assert _count(team.db, RewardStep) == 1


# --- reminders ---------------------------------------------------------------------------------


def _due(team: Team, rule: str, today: date) -> list[tuple[str, str, str]]:
    with team.db.read() as s:
        return [
            (d.subject, d.facts["person"], d.facts["amount"])
            for d in reminder.due(s, today)
            if d.rule == rule
        ]


def _rewards_in(inbox: list[reminder.InboxItem]) -> list[reminder.InboxItem]:
    """The reward reminders (the team's contract nears its end too, depending on the day)."""
    return [m for m in inbox if m.title.startswith("Reward")]


def test_each_step_reminds_whoever_it_waits_for(chain: Chain) -> None:
    team = chain.team
    today = datetime.now(UTC).astimezone().date()
    person = chain.person()
    with team.leader.write() as s:
        reward = rewards.apply(s, _form(chain)).id
    assert _due(team, reminder.REWARD_REVIEW, today) == []  # a draft waits for nobody else
    _through(chain, reward, Decision.SUBMIT)
    assert _due(team, reminder.REWARD_REVIEW, today) == [(f"reward:{reward}:1", person, "1500.50")]
    assert _due(team, reminder.REWARD_APPROVAL, today) == []
    with team.db.write() as s:
        assert reminder.enqueue(s, today) > 0
        inbox = _rewards_in(reminder.inbox(s, team.login("zongjian")))
        assert _rewards_in(reminder.inbox(s, f"weiyuan{team.tag}")) == []
    assert [m.title for m in inbox] == [f"Reward application {reward} waits for you"]
    assert person in inbox[0].body
    assert "1500.50" in inbox[0].body
    _through(chain, reward, Decision.APPROVE)
    assert _due(team, reminder.REWARD_REVIEW, today) == []
    assert _due(team, reminder.REWARD_APPROVAL, today) == [
        (f"reward:{reward}:2", person, "1500.50")
    ]
    with team.db.write() as s:
        reminder.enqueue(s, today)
        assert len(_rewards_in(reminder.inbox(s, f"weiyuan{team.tag}"))) == 1
    _through(chain, reward, Decision.APPROVE)
    assert _due(team, reminder.REWARD_APPROVAL, today) == []
    assert reminder.RULES[reminder.REWARD_REVIEW].to == (Role.SALES_DIRECTOR,)
    assert reminder.RULES[reminder.REWARD_APPROVAL].to == (Role.COMMITTEE,)


def test_the_reminders_page_names_the_reward_rules() -> None:
    from supportdesk.ui.pages.reminders_page import reason_text, rule_label

    today = date(2026, 12, 3)
    for rule in (reminder.REWARD_REVIEW, reminder.REWARD_APPROVAL):
        row = reminder.ReminderRow(
            1, rule, "reward:1:1", today, "t", "the rule's English",
            {"person": "gongcheng", "amount": "1500.50", "month": MONTH, "by": "zuzhang"},
            datetime.now(UTC), None, None, None, "open", "", 0,
        )  # fmt: skip
        assert rule_label(rule) != rule
        assert "1500.50" in reason_text(row, today)
        assert "gongcheng" in reason_text(row, today)


def test_nobody_reviews_their_own_reward_and_an_optimisation_earns_a_person_once(
    chain: Chain,
) -> None:
    director = chain.team.login("zongjian")
    with chain.team.leader.write() as s:
        own = rewards.apply(s, _form(chain, person=director)).id
        rewards.decide(s, own, Decision.SUBMIT)
    with pytest.raises(ValidationError) as refused, chain.team.director.write() as s:
        rewards.decide(s, own, Decision.APPROVE)
    assert (refused.value.field, refused.value.code) == ("role", "own_reward")
    with chain.team.db.read() as s:
        assert rewards.show(s, own).state is ReportState.SUBMITTED  # nothing changed
    with chain.team.leader.write() as s:
        first = rewards.apply(s, _form(chain))
    before = _count(chain.team.db, Reward)
    with pytest.raises(ValidationError) as twice, chain.team.leader.write() as s:
        rewards.apply(s, _form(chain, amount=Decimal("99")))
    assert (twice.value.field, twice.value.code) == ("item_id", "already_rewarded")
    assert _count(chain.team.db, Reward) == before
    with chain.team.leader.write() as s:  # editing the one application is no second one
        assert rewards.apply(s, _form(chain, id=first.id, version=first.version)).id == first.id
