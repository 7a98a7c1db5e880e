"""Handover package parts 1 and 4, sign-off, freezing and amendments (issue 7, R1.2-R1.4):
files kept by SHA-256 under the team's required categories; sign-off refused until the
package is complete; a signed package frozen, changed only by an amendment that becomes the
next version with its reason; the signed package's hash in the audit chain and verifiable;
the systems handed to maintenance and their credentials marked rotation due. On SQLite and
PostgreSQL."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError

from supportdesk.crypto import vault_crypto
from supportdesk.db import audit
from supportdesk.db.models import AuditEvent, Credential, Evidence, HandoverSignoff
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.handover import (
    DEFAULT_CATEGORIES,
    BoundaryForm,
    FaqForm,
    HandoverState,
    IssueForm,
    SignOffForm,
    package_hash,
    to_json,
)
from supportdesk.domain.registry import ContactForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import handover, inspection, registry, reminder, team_settings, vault
from tests.reminder_team import Team

SIGNED_ON = date(2027, 4, 10)
TODAY = date(2027, 6, 1)  # the day the tests sign on: the dates above are past


def _scope(project: int, version: int | None = None, **texts: str) -> BoundaryForm:
    values = {
        "company_scope": "应用系统及数据库的日常维护",
        "customer_scope": "机房、网络与操作系统补丁",
        "expiry_terms": "到期后按年签订有偿维保合同",
        "after_sales_scope": "巡检、备份检查、故障处理",
        "support_scope": "二次开发由技术支持部负责",
        **texts,
    }
    return BoundaryForm(
        project,
        maintenance_start=date(2027, 4, 1),
        maintenance_end=date(2028, 3, 31),
        version=version,
        **values,
    )


def _ready(team: Team, *, complete: bool = True) -> int:
    """A project in progress whose package is complete (or lacks its FAQ)."""
    with team.db.write() as s:
        project = registry.save_project(
            s, ProjectForm(team.customer, "营销系统", acceptance_date=date(2027, 3, 31))
        ).id
        system = registry.save_system(
            s, SystemForm(project, "营销系统生产", "production", under_maintenance=False)
        )
        registry.save_host(s, HostForm(system.id, "app1", "10.0.0.8"))
        registry.save_contact(
            s, ContactForm(team.customer, "王工", phone="13800000000", emergency=True)
        )
    with team.engineer.write() as s:
        handover.advance(s, project, HandoverState.JOINED, on=date(2027, 2, 28))
        handover.advance(s, project, HandoverState.IN_PROGRESS)
        handover.save_boundaries(s, _scope(project))
        for category in DEFAULT_CATEGORIES:
            handover.add_material(s, project, category, f"{category}.pdf", data=category.encode())
        handover.save_issue(s, IssueForm(project, "报表导出超时", "研发部 李工", date(2027, 5, 1)))
        if complete:
            handover.save_faq(s, FaqForm(project, "如何重启营销服务？", "执行 restart.sh"))
    return project


def _form(project: int, **changes: object) -> SignOffForm:
    form = SignOffForm(
        project, SIGNED_ON, "售后组 张工", "华东电力 王工", "签字页.pdf", b"%PDF scan"
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def test_materials_are_kept_once_by_sha256_under_the_teams_categories(team: Team) -> None:
    with team.leader.write() as s:
        team_settings.set_one(s, "handover.categories", "需求文档, 部署手册,需求文档")
    with team.db.write() as s:
        project = registry.save_project(s, ProjectForm(team.customer, "营销系统")).id
    with team.engineer.write() as s:
        first = handover.add_material(s, project, "需求文档", "需求.docx", data=b"same bytes")
        handover.add_material(s, team_project(team), "需求文档", "副本.docx", data=b"same bytes")
        assert handover.missing(s, project)[0] == "material:部署手册"
        assert handover.required_categories(s) == ("需求文档", "部署手册")
    with team.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Evidence)) == 1
        assert handover.material_data(s, first.id) == ("需求.docx", b"same bytes")
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.add_material(s, project, "部署手册", "部署手册")  # neither file nor location
    assert (bad.value.field, bad.value.code) == ("location", "required")
    with pytest.raises(ValidationError) as bad, team.leader.write() as s:
        team_settings.set_one(s, "handover.categories", "x" * 61)
    assert (bad.value.field, bad.value.code) == ("handover.categories", "too_long")
    with team.engineer.write() as s:
        handover.remove_material(s, first.id)
        assert [m.name for m in handover.materials(s, project)] == []


def team_project(team: Team) -> int:
    with team.db.read() as s:
        return next(p.id for p in registry.list_projects(s) if p.name == "调度平台")


def test_a_file_above_the_limit_is_refused(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handover, "MAX_MATERIAL_BYTES", 4)
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.add_material(s, team_project(team), "design", "big.bin", data=b"12345")
    assert (bad.value.field, bad.value.code) == ("file", "too_large")
    with team.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0


def test_sign_off_waits_for_a_complete_package_and_bad_input_changes_nothing(
    team: Team,
) -> None:
    project = _ready(team, complete=False)
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.sign(s, _form(project), today=TODAY)
    assert (bad.value.field, bad.value.code, bad.value.params) == (
        "handover",
        "incomplete",
        {"missing": "faq"},
    )
    with team.engineer.write() as s:
        handover.save_faq(s, FaqForm(project, "如何重启营销服务？", "执行 restart.sh"))
    for changes, field, code in (
        ({"our_signers": " "}, "our_signers", "required"),
        ({"customer_signers": ""}, "customer_signers", "required"),
        ({"scan": b""}, "scan", "required"),
        ({"signed_on": date(2099, 1, 1)}, "signed_on", "in_future"),
    ):
        with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
            handover.sign(s, _form(project, **changes), today=TODAY)
        assert (bad.value.field, bad.value.code) == (field, code)
    with team.db.read() as s:
        assert handover.timeline(s, project).state is HandoverState.IN_PROGRESS
        assert handover.signoffs(s, project) == []
        assert s.scalar(select(func.count()).where(AuditEvent.action == "handover.sign")) == 0


def test_a_handover_not_yet_started_cannot_be_signed(team: Team) -> None:
    with team.db.write() as s:
        project = registry.save_project(
            s, ProjectForm(team.customer, "新项目", planned_acceptance=date(2027, 6, 30))
        ).id
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.sign(s, _form(project), today=TODAY)
    assert (bad.value.field, bad.value.code) == ("state", "bad_transition")


def test_a_signed_package_is_frozen_and_an_amendment_is_the_next_version(team: Team) -> None:
    project = _ready(team)
    with team.engineer.write() as s:
        first = handover.sign(s, _form(project), today=TODAY)
        (issue,) = handover.issues(s, project)
        faq = handover.faqs(s, project)[0]
        material = handover.materials(s, project)[0]
    assert (first.version_no, first.reason) == (1, "")
    edits = (
        lambda s: handover.save_boundaries(s, _scope(project, company_scope="改")),
        lambda s: handover.save_issue(s, IssueForm(project, "新问题", "李工", date(2027, 6, 1))),
        lambda s: handover.save_faq(
            s, FaqForm(project, "新", "新", id=faq.id, version=faq.version)
        ),
        lambda s: handover.delete_faq(s, faq.id, faq.version),
        lambda s: handover.add_material(s, project, "design", "v2.pdf", data=b"v2"),
        lambda s: handover.remove_material(s, material.id),
    )
    for edit in edits:
        with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
            edit(s)
        assert (bad.value.field, bad.value.code) == ("handover", "signed_frozen")
    with team.engineer.write() as s:  # an outstanding issue is still tracked until closed
        handover.set_issue_state(s, issue.id, True, issue.version, on=date(2027, 4, 20))
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.amend(s, project, "  ")
    assert (bad.value.field, bad.value.code) == ("reason", "required")
    with team.engineer.write() as s:
        handover.amend(s, project, "客户要求补充数据库巡检范围")
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.amend(s, project, "again")
    assert bad.value.code == "amendment_open"
    with team.engineer.write() as s:
        saved = handover.package(s, project)
        handover.save_boundaries(
            s, _scope(project, saved.version, company_scope="应用系统、数据库及中间件的日常维护")
        )
        second = handover.sign(s, _form(project, signed_on=date(2027, 5, 6)), today=TODAY)
    assert (second.version_no, second.reason) == (2, "客户要求补充数据库巡检范围")
    with team.db.read() as s:
        v1, v2 = handover.document(s, project, 1), handover.document(s, project, 2)
        line = handover.timeline(s, project)
        assert handover.amendment(s, project) is None
    assert v1.company_scope == "应用系统及数据库的日常维护"
    assert v2.company_scope == "应用系统、数据库及中间件的日常维护"
    assert v2.signature is not None
    assert v2.signature.reason == "客户要求补充数据库巡检范围"
    assert (line.state, line.signed_on) == (HandoverState.SIGNED, SIGNED_ON)  # the first one
    with pytest.raises(ValidationError), team.engineer.write() as s:  # frozen again
        handover.save_boundaries(s, _scope(project, company_scope="再改"))


def test_sign_off_hands_the_systems_to_maintenance_and_marks_credentials_rotation_due(
    team: Team,
) -> None:
    project = _ready(team)
    with team.db.read() as s:
        (system,) = [x for x in registry.list_systems(s) if x.name == "营销系统生产"]
        (host,) = registry.hosts_by_ids(s, registry.host_ids(s, system_id=system.id))
    assert system.under_maintenance is False  # not maintained before the handover
    with team.db.write() as s:
        opened = vault.init_vault(s, "长城-Great-Wall-2026", vault_crypto.new_kdf_params())
    with team.db.write() as s:
        on_system = vault.save_credential(
            s, opened, CredentialForm("营销 数据库", "db-pw", system_id=system.id)
        )
        on_host = vault.save_credential(
            s, opened, CredentialForm("营销 app1 root", "pw", host_id=host.id)
        )
        other = vault.save_credential(
            s, opened, CredentialForm("别的系统", "pw", system_id=team.system)
        )
    with team.engineer.write() as s:
        handover.sign(s, _form(project), today=TODAY)
    with team.db.read() as s:
        (after,) = [x for x in registry.list_systems(s) if x.id == system.id]
        due = {c.id for c in vault.list_credentials(s) if c.rotation_due}
        rotation = {
            d.subject for d in reminder.due(s, date(2027, 4, 11)) if d.rule == reminder.ROTATION_DUE
        }
        april = {c.system_id for c in inspection.coverage(s, "2027-04", date(2027, 5, 2))}
        may = {c.system_id for c in inspection.coverage(s, "2027-05", date(2027, 5, 2))}
    assert after.under_maintenance
    assert due == {on_system.id, on_host.id}
    assert other.id not in due
    assert rotation == {f"credential:{on_system.id}", f"credential:{on_host.id}"}
    assert system.id not in april
    assert system.id in may


def test_the_signed_package_hash_is_in_the_audit_chain_and_verifies(team: Team) -> None:
    project = _ready(team)
    with team.engineer.write() as s:
        signed = handover.sign(s, _form(project), today=TODAY)
    with team.db.read() as s:
        frozen = handover.document(s, project, 1)
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "handover.sign")).one()
        assert [c.ok for c in handover.verify_signoffs(s, project)] == [True]
        assert audit.verify(s).ok
    assert package_hash(frozen) == signed.package_sha256
    assert signed.package_sha256 in event.payload
    assert frozen.customer == "华东电力"
    assert frozen.signature is not None
    assert frozen.signature.scan_sha256 == signed.scan_sha256
    with team.db.read() as s:
        draft = handover.document(s, project)
    with team.db.write() as s:
        s.execute(
            update(Evidence)
            .where(Evidence.sha256 == signed.package_sha256)
            .values(data=zlib.compress(to_json(replace(draft, company_scope="篡改")).encode()))
        )
    with team.db.read() as s:
        (check,) = handover.verify_signoffs(s, project)
    assert (check.ok, check.reason) == (False, "package_damaged")


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)  # SQLite has no logins
def test_a_signature_row_cannot_be_rewritten_by_the_team(team: Team) -> None:
    project = _ready(team)
    with team.engineer.write() as s:
        handover.sign(s, _form(project), today=TODAY)
    with pytest.raises(DBAPIError, match="permission denied"), team.engineer.write() as s:
        s.execute(update(HandoverSignoff).values(our_signers="别人"))


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)  # the guard is PostgreSQL's
def test_a_vault_user_outside_the_vault_may_raise_the_rotation_flag_and_nothing_else(
    team: Team,
) -> None:
    with team.db.write() as s:
        opened = vault.init_vault(s, "长城-Great-Wall-2026", vault_crypto.new_kdf_params())
    with team.db.write() as s:
        row = vault.save_credential(s, opened, CredentialForm("营销 数据库", "db-pw"))
    changes: list[dict[str, object]] = [{"rotation_due": True, "notes": "x"}, {"notes": "x"}]
    for values in changes:
        with (
            pytest.raises(DBAPIError, match="may not change the vault"),
            team.engineer.write() as s,
        ):
            s.execute(update(Credential).where(Credential.id == row.id).values(**values))
    with team.engineer.write() as s:  # what a sign-off does
        vault.mark_rotation_due(s, [row.id], "handover signed")
    with pytest.raises(DBAPIError, match="may not change the vault"), team.engineer.write() as s:
        s.execute(update(Credential).where(Credential.id == row.id).values(rotation_due=False))


def test_the_signed_faq_seeds_the_service_manual_once(team: Team) -> None:
    from supportdesk.services import faq as manual

    project = _ready(team)
    with team.engineer.write() as s:
        handover.sign(s, _form(project), today=TODAY)
        seeded = manual.linked_from(s, "handover", project)
    assert [(r.question, r.state.value, r.project) for r in seeded] == [
        ("如何重启营销服务？", "draft", "营销系统")
    ]
    with team.engineer.write() as s:
        handover.amend(s, project, "补充常见问题")
        handover.save_faq(s, FaqForm(project, "如何清理缓存？", "执行 clean.sh"))
        handover.sign(s, _form(project, signed_on=date(2027, 5, 6)), today=TODAY)
        again = manual.linked_from(s, "handover", project)
    assert [r.question for r in again] == ["如何重启营销服务？", "如何清理缓存？"]
