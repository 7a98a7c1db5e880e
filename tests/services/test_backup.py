"""Backup checks over a real sshd (issue 8, R3.3): dump directories, a restic and a borg
repository on the test host, read with the repositories' own tools (Debian's restic and
borgbackup), the password given on input. Fresh, stale, gap, shallow, shrunk and corrupt
backups each give a clear finding; a restic repository with a damaged pack fails its check;
what the host said is kept as evidence and the repository password never is."""

from __future__ import annotations

import base64
import fcntl
import gzip
import hashlib
import json
import os
import subprocess
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import select

from supportdesk.adapters.ssh import SshShell
from supportdesk.crypto import vault_crypto
from supportdesk.db import evidence
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent
from supportdesk.domain.backup import BackupKind, CheckRow, JobForm, JobRow, SetupForm
from supportdesk.domain.changes import ChangeForm, FingerprintDiff, Stage
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey, Limits
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import backup, changes, host_key, registry, users, vault
from tests.backup_helpers import TAIL
from tests.backup_helpers import dumps as _dumps
from tests.backup_helpers import own as _own
from tests.servers.sshd import SSH_USER, SshServer

pytestmark = pytest.mark.sshd

LIMITS = Limits(connect=5, banner=5, auth=10, channel=5, command=120, read=60)
REPO_PASSWORD = "仓库-Repo-pw-1"
NOW = datetime.now(UTC).replace(microsecond=0)


class Site:
    """A customer system with one host (the test sshd) and its backup jobs."""

    def __init__(self, db: Database, server: SshServer) -> None:
        self.db = db
        with db.write() as s:
            self.opened = vault.init_vault(s, "备份-passphrase-1", vault_crypto.new_kdf_params())
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            self.system = registry.save_system(s, SystemForm(project.id, "调度平台生产")).id
        with db.write() as s:
            vault.save_credential(
                s,
                self.opened,
                CredentialForm("db root", server.password, kind="server", username=server.user),
            )
            vault.save_credential(s, self.opened, CredentialForm("备份仓库", REPO_PASSWORD))
            host = registry.save_host(
                s, HostForm(self.system, "db1", server.address, server.port, credential="db root")
            )
            host_key.accept_first(s, host.id, HostKey(server.host_key_type, server.host_key_base64))
        self.host = host.id

    def job(self, name: str, kind: BackupKind, path: Path | str, **kw: object) -> int:
        with self.db.write() as s:
            form = JobForm(self.system, self.host, name, kind, str(path), **kw)  # type: ignore[arg-type]
            return backup.save_job(s, form).id

    def check(self, *jobs: int) -> list[CheckRow]:
        return backup.check_jobs(self.db, SshShell(), self.opened, jobs, limits=LIMITS)


@pytest.fixture
def site(db: Database, sshd: SshServer) -> Site:
    return Site(db, sshd)


def _codes(row: CheckRow) -> list[str]:
    return [f.code for f in row.findings]


def test_each_kind_of_bad_dump_directory_gives_its_own_finding(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    tag = request.node.callspec.id
    folders = {
        "good": _dumps(store / f"{tag}-good", 70),
        "stale": _dumps(store / f"{tag}-stale", 66),
        "gap": _dumps(store / f"{tag}-gap", 70, skip=frozenset({30, 31})),
        "shallow": _dumps(store / f"{tag}-shallow", 40),
        "shrunk": _dumps(store / f"{tag}-shrunk", 70, sizes={69: 10}),
    }
    stale = folders["stale"]
    for path in sorted(stale.iterdir())[-3:]:  # the last three nights did not run
        path.unlink()
    corrupt = _dumps(store / f"{tag}-corrupt", 70)
    newest = sorted(corrupt.iterdir())[-1]
    stamp = newest.stat().st_mtime
    whole = gzip.compress(os.urandom(40_000) + TAIL)  # then cut short in transfer
    newest.write_bytes(whole[: len(whole) // 2])
    os.utime(newest, (stamp, stamp))
    folders["corrupt"] = corrupt
    ids = {
        name: site.job(name, BackupKind.PG_DUMP, folder, pattern="*.sql.gz")
        for name, folder in folders.items()
    }
    results = dict(zip(ids, site.check(*ids.values()), strict=True))
    assert results["good"].passed, results["good"].findings
    assert _codes(results["good"]) == ["fresh", "deep", "no_gap", "size_ok", "sound"]
    assert "stale" in _codes(results["stale"])
    gaps = [f for f in results["gap"].findings if f.code == "gap"]
    assert [f.params["hours"] for f in gaps] == ["72.0"]
    assert "shallow" in _codes(results["shallow"])
    assert "shrunk" in _codes(results["shrunk"])
    unsound = [f for f in results["corrupt"].findings if f.code == "unsound"]
    assert unsound
    assert "unexpected end of file" in unsound[0].params["detail"]
    assert [r.passed for name, r in results.items() if name != "good"] == [False] * 5


def test_a_dump_cut_short_is_not_sound(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    folder = _dumps(store / f"{request.node.callspec.id}-cut", 70)
    newest = sorted(folder.iterdir())[-1]
    stamp = newest.stat().st_mtime
    newest.write_bytes(gzip.compress(b"CREATE TABLE t (id int);\n" + b"x" * 20_000))  # no tail
    os.utime(newest, (stamp, stamp))
    (row,) = site.check(site.job("cut", BackupKind.PG_DUMP, folder, pattern="*.sql.gz"))
    assert "unsound" in _codes(row)


def _restic(path: Path, *, damaged: bool = False) -> Path:
    env = {**os.environ, "RESTIC_PASSWORD": REPO_PASSWORD}
    data = path.with_name(path.name + "-data")
    data.mkdir()
    (data / "app.conf").write_text("port=8080\n")
    subprocess.run(
        ["restic", "init", "-q", "-r", str(path)], check=True, env=env, capture_output=True
    )
    for months in (2, 1, 0):
        stamp = (NOW - timedelta(days=31 * months + 1)).strftime("%Y-%m-%d %H:%M:%S")
        (data / f"month-{months}.txt").write_text(f"{months}\n" * 1000)
        subprocess.run(
            ["restic", "-q", "-r", str(path), "backup", "--time", stamp, str(data)],
            check=True, env=env, capture_output=True,
        )  # fmt: skip
    if damaged:  # a pack cut short (a disk or a copy that failed): restic check sees it
        pack = sorted(p for p in (path / "data").rglob("*") if p.is_file())[0]
        blob = pack.read_bytes()
        pack.chmod(0o644)
        pack.write_bytes(blob[: len(blob) // 2])
    _own(path)
    return path


def test_restic_repositories_are_listed_and_checked_by_restic(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    tag = request.node.callspec.id
    good = _restic(store / f"{tag}-restic")
    damaged = _restic(store / f"{tag}-restic-damaged", damaged=True)
    monthly = {"schedule_hours": 24 * 31, "credential": "备份仓库"}
    jobs = (
        site.job("restic", BackupKind.RESTIC, good, **monthly),
        site.job("restic damaged", BackupKind.RESTIC, damaged, **monthly),
    )
    ok, bad = site.check(*jobs)
    assert _codes(ok) == ["fresh", "deep", "no_gap", "sound"]
    assert ok.passed
    assert "unsound" in _codes(bad)
    assert not bad.passed
    with site.db.read() as s:
        stored = evidence.get(s, ok.evidence_sha256 or "").decode()
    doc = json.loads(stored)
    said = base64.b64decode(doc["stdout"]).decode()
    assert REPO_PASSWORD not in stored  # given on input: not in the script, not in the output
    assert "restic" in doc["command"]
    assert "snapshots" in said


def test_a_wrong_repository_password_says_so(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    repo = _restic(store / f"{request.node.callspec.id}-restic-pw")
    with site.db.write() as s:
        vault.save_credential(s, site.opened, CredentialForm("旧密码", "not-the-password"))
    (row,) = site.check(
        site.job("old", BackupKind.RESTIC, repo, schedule_hours=744, credential="旧密码")
    )
    assert _codes(row) == ["unreadable"]
    assert "wrong password" in row.findings[0].params["detail"]


def test_borg_repositories_are_listed_and_checked_by_borg(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    repo = store / f"{request.node.callspec.id}-borg"
    env = {**os.environ, "BORG_PASSPHRASE": REPO_PASSWORD, "HOME": str(store)}
    data = store / f"{request.node.callspec.id}-borg-data"
    data.mkdir()
    (data / "a.txt").write_text("a\n")
    subprocess.run(
        ["borg", "init", "-e", "repokey", str(repo)], check=True, env=env, capture_output=True
    )
    for months in (2, 1, 0):
        stamp = (NOW - timedelta(days=31 * months + 1)).strftime("%Y-%m-%dT%H:%M:%S")
        subprocess.run(
            ["borg", "create", "--timestamp", stamp, f"{repo}::m{months}", str(data)],
            check=True, env=env, capture_output=True,
        )  # fmt: skip
    _own(repo)
    (row,) = site.check(
        site.job("borg", BackupKind.BORG, repo, schedule_hours=744, credential="备份仓库")
    )
    assert _codes(row) == ["fresh", "deep", "no_gap", "sound"]


def test_a_host_that_cannot_be_reached_is_a_failed_check_with_evidence(site: Site) -> None:
    with site.db.write() as s:
        other = registry.save_host(
            s, HostForm(site.system, "db2", "127.0.0.1", 1, credential="db root")
        )
        job = backup.save_job(
            s, JobForm(site.system, other.id, "db2 dumps", BackupKind.PG_DUMP, "/srv/backup")
        )
    (row,) = site.check(job.id)
    assert not row.passed
    assert row.outcome != "checked"
    assert _codes(row) == ["unreadable"]
    with site.db.read() as s:
        events = s.scalars(
            select(AuditEvent.payload).where(AuditEvent.action == "backup.check")
        ).all()
        (last,) = backup.jobs(s, site.system)[-1:]
    assert str(row.evidence_sha256) in events[-1]
    assert last.last is not None
    assert last.last.id == row.id


def test_a_job_is_refused_with_the_field_that_is_wrong(site: Site) -> None:
    for fields, field, code in (
        ({"path": "backup"}, "path", "not_absolute"),
        ({"kind": "tape"}, "kind", "bad_choice"),
        ({"kind": BackupKind.RESTIC}, "credential", "required"),
        ({"credential": "无此凭据"}, "credential", "unknown_credential"),
        ({"schedule_hours": 0}, "schedule_hours", "out_of_range"),
        ({"pattern": "../*"}, "pattern", "bad_value"),
    ):
        form = JobForm(site.system, site.host, "夜间备份", BackupKind.PG_DUMP, "/srv/backup")
        with pytest.raises(ValidationError) as bad, site.db.write() as s:
            backup.save_job(s, replace(form, **fields))
        assert (bad.value.field, bad.value.code) == (field, code)
    site.job("夜间备份", BackupKind.PG_DUMP, "/srv/backup")
    with pytest.raises(ValidationError) as bad, site.db.write() as s:
        backup.save_job(
            s, JobForm(site.system, site.host, "夜间备份", BackupKind.PG_DUMP, "/srv/other")
        )
    assert (bad.value.field, bad.value.code) == ("name", "duplicate")


def test_a_restore_drill_matches_and_a_tampered_backup_does_not(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    folder = _dumps(store / f"{request.node.callspec.id}-drill", 3)
    newest = sorted(folder.iterdir())[-1]
    sums = folder / "SHA256SUMS"  # as the set-up's backup script writes it
    sums.write_text(f"{hashlib.sha256(newest.read_bytes()).hexdigest()}  {newest.name}\n")
    _own(sums)
    job = site.job("drill", BackupKind.PG_DUMP, folder, pattern="*.sql.gz")
    good = backup.drill(site.db, SshShell(), site.opened, job, limits=LIMITS)
    assert (good.file, good.reference, good.passed) == (newest.name, "sums", True)
    stamp = newest.stat().st_mtime
    newest.write_bytes(newest.read_bytes() + b"tampered")
    os.utime(newest, (stamp, stamp))
    bad = backup.drill(site.db, SshShell(), site.opened, job, limits=LIMITS)
    assert (bad.passed, bad.detail) == (
        False,
        "the restored file's checksum differs from the backup's",
    )
    assert bad.expected != bad.restored
    with site.db.read() as s:
        assert [d.passed for d in backup.drills(s, job)] == [False, True]
        events = s.scalars(
            select(AuditEvent.payload).where(AuditEvent.action == "backup.drill")
        ).all()
    assert len(events) == 2
    with pytest.raises(ValidationError) as wrong:
        backup.drill(site.db, SshShell(), site.opened, job, "../etc/passwd", limits=LIMITS)
    assert (wrong.value.field, wrong.value.code) == ("file", "bad_value")


def test_a_restore_drill_from_restic(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    repo = _restic(store / f"{request.node.callspec.id}-restic-drill")
    job = site.job(
        "restic drill", BackupKind.RESTIC, repo, schedule_hours=744, credential="备份仓库"
    )
    inside = f"{repo}-data/app.conf"
    done = backup.drill(site.db, SshShell(), site.opened, job, inside, limits=LIMITS)
    assert (done.reference, done.passed) == ("repository", True)
    assert done.expected == hashlib.sha256(b"port=8080\n").hexdigest()
    missing = backup.drill(
        site.db, SshShell(), site.opened, job, f"{repo}-data/none", limits=LIMITS
    )
    assert not missing.passed
    assert missing.detail.startswith("not found in the backup")


def test_a_backup_is_set_up_under_a_change_and_its_first_run_passes_the_check(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    tag = request.node.callspec.id
    app = store / f"{tag}-app"
    app.mkdir()
    (app / "config.yml").write_text("port: 8080\n")
    target = store / f"{tag}-backups"
    target.mkdir()
    _own(app)
    _own(target)
    login = f"gc_{uuid.uuid4().hex[:6]}"
    with site.db.write() as s:
        password = None if site.db.is_sqlite else "gc-pw-1"
        users.add_user(s, login, "engineer", password=password)
        planned = changes.save_change(
            s,
            ChangeForm(
                site.system, "设置应用备份", "客户没有备份（R3.3）", "cron 每日备份应用目录",
                datetime.now(UTC), 10, "无", "删除 crontab 条目", "售后组", login,
            ),
        )  # fmt: skip
    form = SetupForm(str(app), str(target), keep_days=70, hour=3)
    plan = backup.plan_setup(form)
    assert plan.cron_line in plan.install  # the exact commands, shown before anything runs
    assert f'tar -czf "app-$stamp.tar.gz" -C {app} .' in plan.script
    assert f'#   tar -czf "app-$stamp.tar.gz" -C {app} .' in plan.install  # shown, readable
    with pytest.raises(ValidationError) as bad:
        backup.set_up(site.db, SshShell(), site.opened, planned.id, site.host, form)
    assert bad.value.code == "notice_required"  # a maintained system: tell the customer first
    with site.db.write() as s:
        changes.notify_by_phone(s, planned.id, "信息科 王工", datetime.now(UTC))
    # One crontab for the sshd user: the SQLite and PostgreSQL runs take turns with it.
    with open("/tmp/supportdesk-test-crontab.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        (job,) = _set_up_and_run(site, planned.id, form, plan.cron_line, target)
    (row,) = site.check(job.id)
    # Accepted: fresh, sound, no gap, and deep for its age (its first run is not 60 days old;
    # a customer's own backup must be, see test_each_kind_of_bad_dump_directory…).
    assert row.passed, row.findings
    assert _codes(row) == ["fresh", "deep", "no_gap", "sound"]
    with site.db.read() as s:
        done = changes.detail(s, planned.id)
    assert done.change.state == "executed"
    assert [a.name for a in done.artifacts] == ["supportdesk-backup.sh", "install.sh"]
    assert "SHA256SUMS" in {p.name for p in target.iterdir()}


def _set_up_and_run(
    site: Site, change: int, form: SetupForm, cron_line: str, target: Path
) -> list[JobRow]:
    try:
        shell = SshShell()
        jobs = backup.set_up(site.db, shell, site.opened, change, site.host, form, limits=LIMITS)
        cron = subprocess.run(
            ["crontab", "-l", "-u", SSH_USER], capture_output=True, text=True, check=True
        ).stdout
        assert cron_line in cron
        script = target / "supportdesk-backup.sh"  # what cron runs at 03:00, run now
        subprocess.run(["su", "-s", "/bin/sh", SSH_USER, "-c", f"/bin/sh {script}"], check=True)
    finally:
        subprocess.run(["crontab", "-r", "-u", SSH_USER], check=False, capture_output=True)
    return jobs


def test_a_set_up_is_refused_with_the_field_that_is_wrong() -> None:
    for changes_, field, code in (
        ({"app_dir": "opt/app"}, "app_dir", "not_absolute"),
        ({"database": "oracle"}, "database", "bad_choice"),
        ({"database": "postgresql"}, "database_name", "required"),
        ({"keep_days": 30}, "keep_days", "out_of_range"),
        ({"hour": 24}, "hour", "out_of_range"),
    ):
        with pytest.raises(ValidationError) as bad:
            backup.plan_setup(replace(SetupForm("/opt/app", "/srv/backup"), **changes_))
        assert (bad.value.field, bad.value.code) == (field, code)


def test_a_change_is_fingerprinted_before_and_after_on_its_host(
    site: Site, store: Path, request: pytest.FixtureRequest
) -> None:
    """Issue 8: the deployed files' checksums over SSH, before and after, as evidence that
    what ran is what the change says."""
    app = store / f"{request.node.callspec.id}-deployed"
    app.mkdir()
    (app / "app.jar").write_bytes(b"v3.1")
    (app / "old.conf").write_text("x")
    (app / "same.txt").write_text("unchanged")
    _own(app)
    login = f"fp_{uuid.uuid4().hex[:6]}"
    with site.db.write() as s:
        users.add_user(s, login, "engineer", password=None if site.db.is_sqlite else "fp-pw-1")
        planned = changes.save_change(
            s,
            ChangeForm(
                site.system, "升级到 3.2", "修复缺陷", "app.jar", datetime.now(UTC), 10, "无",
                "回退 3.1", "售后组", login,
            ),
        )  # fmt: skip
    take = partial(changes.fingerprint, site.db, SshShell(), site.opened, planned.id, site.host)
    before = take([str(app)], Stage.BEFORE, limits=LIMITS)
    (app / "app.jar").write_bytes(b"v3.2")
    (app / "old.conf").unlink()
    (app / "new.conf").write_text("y")
    _own(app)
    take([str(app)], Stage.AFTER, limits=LIMITS)
    with site.db.read() as s:
        diff = changes.fingerprint_diff(s, planned.id)
        listed = changes.artifact_data(s, before.id)[1].decode()
    assert f"{app}/same.txt" in listed
    assert diff == FingerprintDiff(
        (f"db1:{app}/app.jar",), (f"db1:{app}/new.conf",), (f"db1:{app}/old.conf",)
    )
    with pytest.raises(ValidationError) as bad:
        take(["relative/dir"], Stage.AFTER)
    assert (bad.value.field, bad.value.code) == ("paths", "not_absolute")
    with pytest.raises(ValidationError) as bad:  # not an empty list that reads "all removed"
        take([f"{app}-gone"], Stage.AFTER, limits=LIMITS)
    assert (bad.value.field, bad.value.code) == ("paths", "remote_failed")
    assert "missing" in str(bad.value.params["detail"])
