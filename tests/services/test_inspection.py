"""The inspection service against a real sshd (issue 5): every host of a system inspected side
by side, each host's raw output kept as evidence, findings derived from it alone, credentials
fetched as an audited "use", host keys accepted only when asked, and a result edited by SQL
afterwards caught by `audit verify`."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, text, update

from supportdesk.adapters.ssh import SshShell
from supportdesk.crypto import vault_crypto
from supportdesk.db import evidence
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, HostInspection, InspectionFinding
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.inspection import (
    Coverage,
    CustomCheck,
    InspectionSettings,
    ManualItem,
    Thresholds,
    Verdict,
)
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey, Limits
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import host_key, inspection, registry, vault
from supportdesk.services.database import verify_audit
from supportdesk.services.vault import UnlockedVault
from tests.servers.sshd import SshServer

pytestmark = pytest.mark.sshd

LIMITS = Limits(connect=5, banner=5, auth=10, channel=5, command=60, read=30)


class Fleet:
    def __init__(self, db: Database, server: SshServer) -> None:
        self.db, self.server = db, server
        with db.write() as s:
            self.opened = vault.init_vault(s, "巡检-passphrase-1", vault_crypto.new_kdf_params())
            customer = registry.save_customer(s, CustomerForm("巡检客户"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            self.system = registry.save_system(s, SystemForm(project.id, "调度平台生产")).id
        with db.write() as s:
            vault.save_credential(
                s,
                self.opened,
                CredentialForm("app root", server.password, kind="server", username=server.user),
            )
        self.hosts: dict[str, int] = {}

    def host(self, name: str, *, known: bool = True, credential: str | None = "app root") -> int:
        with self.db.write() as s:
            form = HostForm(
                self.system, name, self.server.address, self.server.port, credential=credential
            )
            key = registry.save_host(s, form).id
            if known:
                found = HostKey(self.server.host_key_type, self.server.host_key_base64)
                host_key.accept_first(s, key, found)
        self.hosts[name] = key
        return key

    def run(self, unlocked: UnlockedVault | None = None, **kw: object) -> inspection.RunSummary:
        return inspection.run_system(
            self.db,
            SshShell(),
            unlocked or self.opened,
            self.system,
            "2026-11",
            limits=LIMITS,
            **kw,  # type: ignore[arg-type]
        )


@pytest.fixture
def fleet(db: Database, sshd: SshServer) -> Fleet:
    return Fleet(db, sshd)


def _actions(db: Database, after: int = 0) -> list[tuple[str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(AuditEvent.action, AuditEvent.target)
            .where(AuditEvent.seq > after)
            .order_by(AuditEvent.seq)
        ).all()
        return [(a, t) for a, t in rows]


def _last_seq(db: Database) -> int:
    with db.read() as s:
        return len(s.scalars(select(AuditEvent.seq)).all())


def test_every_host_is_inspected_and_its_evidence_kept(fleet: Fleet) -> None:
    fleet.host("app01")
    fleet.host("app02")
    before = _last_seq(fleet.db)
    seen: list[tuple[int, int, str]] = []
    summary = fleet.run(progress=lambda done, total, name: seen.append((done, total, name)))
    assert (summary.hosts, summary.reached, summary.not_reached) == (2, 2, [])
    assert [(d, t) for d, t, _n in seen] == [(1, 2), (2, 2)]
    counted = Counter(a for a, _t in _actions(fleet.db, before))
    assert counted == {
        "inspection.start": 1,
        "credential.use": 2,  # audited as used by the inspection, not as a reveal
        "inspection.host": 2,
        "inspection.finish": 1,
    }
    with fleet.db.read() as s:
        rows = s.scalars(select(HostInspection).order_by(HostInspection.host_name)).all()
        assert [(r.host_name, r.reached, r.outcome) for r in rows] == [
            ("app01", True, "completed"),
            ("app02", True, "completed"),
        ]
        doc = json.loads(evidence.get(s, rows[0].evidence_sha256 or ""))
        findings = s.scalars(
            select(InspectionFinding.key).where(InspectionFinding.host_inspection_id == rows[0].id)
        ).all()
    # The evidence: the exact command, the host key, the times, the raw output.
    assert doc["command"].startswith("sh -c ")
    assert doc["host_key"]["fingerprint"] == fleet.server.host_key_fingerprint
    assert doc["started_at"] <= doc["ended_at"]
    assert doc["exit_status"] == 0
    assert {"memory", "load", "clock", "uptime", "kernel", "passwd"} <= set(findings)
    assert any(k.startswith("disk:") for k in findings)
    assert verify_audit(fleet.db).ok
    assert fleet.server.password not in json.dumps(doc, ensure_ascii=False)


def test_a_first_key_is_accepted_only_when_asked(fleet: Fleet) -> None:
    fleet.host("new01", known=False)
    summary = fleet.run()
    assert (summary.reached, summary.not_reached) == (0, [("new01", "host_key_unknown")])
    with fleet.db.read() as s:
        assert host_key.known_key(s, fleet.hosts["new01"]) is None
    before = _last_seq(fleet.db)
    summary = fleet.run(accept_new_keys=True)
    assert (summary.reached, summary.not_reached) == (1, [])
    assert ("host_key.accept", f"host:{fleet.hosts['new01']}") in _actions(fleet.db, before)


def test_a_host_without_credential_is_not_reached_and_says_why(fleet: Fleet) -> None:
    fleet.host("app01")
    fleet.host("bare01", credential=None)
    summary = fleet.run()
    assert summary.reached == 1
    assert summary.not_reached == [("bare01", "no_credential")]
    with fleet.db.read() as s:
        row = s.scalars(select(HostInspection).where(HostInspection.host_name == "bare01")).one()
    assert (row.reached, row.worst, row.evidence_sha256 is not None) == (False, "unknown", True)


def test_a_result_edited_by_sql_after_the_run_is_caught_by_audit_verify(fleet: Fleet) -> None:
    fleet.host("app01")
    fleet.run()
    assert verify_audit(fleet.db).ok
    with fleet.db.read() as s:
        event = s.scalars(
            select(AuditEvent.seq).where(AuditEvent.action == "inspection.host")
        ).one()
    with fleet.db.write() as s:  # a fake: the bad finding made good
        s.execute(
            update(InspectionFinding)
            .where(InspectionFinding.key == "memory")
            .values(verdict="ok", value="1.0%")
        )
    result = verify_audit(fleet.db)
    assert (result.ok, result.first_bad, result.reason) == (False, event, "record_changed")


def test_evidence_edited_by_sql_is_caught_too(fleet: Fleet) -> None:
    fleet.host("app01")
    fleet.run()
    with fleet.db.write() as s:
        s.execute(text("UPDATE evidence SET data = :d"), {"d": b"x"})
    assert verify_audit(fleet.db).reason == "record_changed"


def test_cancel_before_the_hosts_start_records_them_cancelled(fleet: Fleet) -> None:
    import threading

    fleet.host("app01")
    stop = threading.Event()
    stop.set()
    before = _last_seq(fleet.db)
    summary = fleet.run(cancel=stop)
    assert summary.cancelled
    assert summary.not_reached == [("app01", "cancelled")]
    # Nothing was used: not even the credential was fetched.
    assert "credential.use" not in [a for a, _t in _actions(fleet.db, before)]


def test_settings_are_checked_saved_and_used_by_the_next_run(fleet: Fleet) -> None:
    fleet.host("app01")
    wanted = InspectionSettings(
        Thresholds(
            disk_warn=1,
            disk_critical=2,
            expected_ports=(fleet.server.port,),
            custom=(CustomCheck("echo", "echo 巡检-ok", 0, "巡检-ok"),),
        ),
        (ManualItem("机房温度正常"), ManualItem("备注", required=False)),
    )
    with fleet.db.write() as s:
        inspection.save_settings(s, fleet.system, wanted)
    with fleet.db.read() as s:
        assert inspection.settings(s, fleet.system) == wanted
    bad = replace(wanted, thresholds=replace(wanted.thresholds, disk_warn=95, disk_critical=90))
    with pytest.raises(ValidationError) as caught, fleet.db.write() as s:
        inspection.save_settings(s, fleet.system, bad)
    assert (caught.value.field, caught.value.code) == ("disk_critical", "critical_not_worse")
    summary = fleet.run()
    with fleet.db.read() as s:
        (host,) = inspection.run_results(s, summary.run_id)
        items = inspection.manual_checks(s, summary.run_id)
    found = {f.key: f for f in host.findings}
    assert found[f"port:{fleet.server.port}"].verdict == Verdict.OK
    assert found["custom:echo"].verdict == Verdict.OK
    assert any(f.verdict == Verdict.CRITICAL for k, f in found.items() if k.startswith("disk:"))
    assert [(i.text, i.required, i.ticked) for i in items] == [
        ("机房温度正常", True, False),
        ("备注", False, False),
    ]


def test_a_report_is_final_only_with_every_required_item_and_host_accounted_for(
    fleet: Fleet,
) -> None:
    fleet.host("app01")
    fleet.host("bare01", credential=None)
    with fleet.db.write() as s:
        inspection.save_settings(
            s, fleet.system, InspectionSettings(manual=(ManualItem("机柜巡视"),))
        )
    run = fleet.run().run_id
    with pytest.raises(ValidationError) as caught, fleet.db.write() as s:
        inspection.finalize(s, run)
    assert (caught.value.code, caught.value.params["value"]) == ("manual_open", "机柜巡视")
    png = b"\\x89PNG fake screenshot"
    with fleet.db.write() as s:
        inspection.tick(s, run, 0, True, "温度 22℃", screenshot=png)
    with pytest.raises(ValidationError) as caught, fleet.db.write() as s:
        inspection.finalize(s, run)
    assert (caught.value.code, caught.value.params["value"]) == ("host_not_reached", "bare01")
    with fleet.db.write() as s:
        inspection.finalize(s, run, {"bare01": "客户停机维护，已电话确认"})
    with fleet.db.read() as s:
        (item,) = inspection.manual_checks(s, run)
        assert evidence.get(s, item.screenshot or "") == png
    # Final: no more ticking; the group leader returns it, then it can be finished again.
    with pytest.raises(ValidationError), fleet.db.write() as s:
        inspection.tick(s, run, 0, False)
    with pytest.raises(ValidationError) as caught, fleet.db.write() as s:
        inspection.review(s, run, approve=False)
    assert (caught.value.field, caught.value.code) == ("comment", "required")
    with fleet.db.write() as s:
        inspection.review(s, run, approve=False, comment="请补充温度截图说明")
        inspection.finalize(s, run)  # the reason recorded before still counts
        inspection.review(s, run, approve=True)
    actions = [a for a, _t in _actions(fleet.db)]
    assert actions[-4:] == [
        "inspection.finalize",
        "inspection.return",
        "inspection.finalize",
        "inspection.approve",
    ]
    assert verify_audit(fleet.db).ok


def test_month_coverage_due_done_overdue(fleet: Fleet) -> None:
    fleet.host("app01")
    with fleet.db.read() as s:
        (due,) = inspection.coverage(s, "2026-11", date(2026, 11, 20))
        (late,) = inspection.coverage(s, "2026-11", date(2026, 12, 1))
    assert (due.state, late.state, due.run_id) == (Coverage.DUE, Coverage.OVERDUE, None)
    run = fleet.run().run_id
    with fleet.db.read() as s:
        (ran,) = inspection.coverage(s, "2026-11", date(2026, 12, 1))
    assert (ran.state, ran.run_id, ran.report_state) == (Coverage.OVERDUE, run, "draft")
    with fleet.db.write() as s:
        inspection.finalize(s, run)
    with fleet.db.read() as s:
        (done,) = inspection.coverage(s, "2026-11", date(2026, 12, 5))
        assert inspection.due_systems(s, "2026-11") == []
    assert done.state == Coverage.DONE


def test_a_key_login_with_its_passphrase_from_the_vault(fleet: Fleet) -> None:
    """An ssh-key credential keeps the key's passphrase with the key (one secret): the
    inspection logs in with both; the key alone, without it, is refused with its reason."""
    server = fleet.server
    with fleet.db.write() as s:
        form = CredentialForm(
            "app key",
            server.client_key,
            kind="ssh-key",
            username=server.user,
            key_passphrase=server.client_key_passphrase,
        )
        vault.save_credential(s, fleet.opened, form)
        vault.save_credential(
            s,
            fleet.opened,
            CredentialForm("bare key", server.client_key, kind="ssh-key", username=server.user),
        )
    fleet.host("keyed01", credential="app key")
    fleet.host("keyed02", credential="bare key")
    summary = fleet.run()
    assert summary.reached == 1
    assert summary.not_reached == [("keyed02", "key_passphrase_needed")]
    with fleet.db.write() as s:
        revealed = vault.reveal(s, fleet.opened, "app key")
    assert (revealed.secret, revealed.passphrase) == (
        server.client_key,
        server.client_key_passphrase,
    )
    assert server.client_key_passphrase not in repr(revealed)
