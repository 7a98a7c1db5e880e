"""`supportdesk backup add|jobs|check` (issue 8): exit 0 when every check passes, 1 when any
fails, the findings in the JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportdesk.bootstrap import open_app
from supportdesk.crypto import vault_crypto
from supportdesk.domain.changes import ChangeForm
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import changes, host_key, registry, users, vault
from tests.backup_helpers import dumps, own
from tests.cli_run import run_cli
from tests.servers.sshd import SshServer

pytestmark = pytest.mark.sshd

PASSPHRASE = "备份 passphrase 2026"


@pytest.fixture
def passphrase(sshd: SshServer, tmp_path: Path) -> Path:
    """A system with one host on the test sshd (its key known, its credential in the vault)."""
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            opened = vault.init_vault(s, PASSPHRASE, vault_crypto.new_kdf_params())
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            system = registry.save_system(s, SystemForm(project.id, "调度平台生产"))
            form = CredentialForm("db root", sshd.password, kind="server", username=sshd.user)
            vault.save_credential(s, opened, form)
            host = registry.save_host(
                s, HostForm(system.id, "db1", sshd.address, sshd.port, credential="db root")
            )
            host_key.accept_first(s, host.id, HostKey(sshd.host_key_type, sshd.host_key_base64))
    finally:
        app.db.dispose()
    return path


def test_check_backups_from_the_command_line(
    passphrase: Path, store: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = dumps(store / f"cli-{tmp_path.name}", 70)
    add = ["backup", "add", "--system", "调度平台生产", "--host", "db1", "--kind", "pg_dump"]
    code, _out, _err = run_cli(
        capsys, *add, "--name", "夜间数据库", "--path", str(folder), "--pattern", "*.sql.gz"
    )
    assert code == 0
    check = ["backup", "check", "--passphrase-file", str(passphrase), "--json"]
    code, out, _err = run_cli(capsys, *check, "--system", "调度平台生产")
    (result,) = json.loads(out)
    assert (code, result["job"], result["passed"]) == (0, "夜间数据库", True)
    code, _out, _err = run_cli(
        capsys, *add, "--name", "旧备份", "--path", str(store / "no-such-dir")
    )
    assert code == 0
    code, out, _err = run_cli(capsys, *check, "--all")
    results = {r["job"]: r for r in json.loads(out)}
    assert code == 1
    assert results["旧备份"]["findings"][0]["code"] == "unreadable"
    code, out, _err = run_cli(capsys, "backup", "jobs")
    assert "夜间数据库" in out
    assert "FAILED unreadable" in out
    code, _out, err = run_cli(capsys, *add, "--name", "x", "--path", "relative/dir")
    assert code == 1
    assert "path" in err
    drill = ["backup", "drill", "--system", "调度平台生产", "--passphrase-file", str(passphrase)]
    code, out, _err = run_cli(capsys, *drill, "--job", "夜间数据库", "--json")
    restored = json.loads(out)
    assert (code, restored["passed"], restored["reference"]) == (0, True, "copy")
    code, _out, err = run_cli(capsys, *drill, "--job", "没有这个任务")
    assert code == 1
    assert "没有这个任务" in err


def test_setup_shows_the_commands_and_a_no_changes_nothing(
    passphrase: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    code, _out, err = run_cli(
        capsys, "backup", "setup", "--system", "调度平台生产", "--host", "db1", "--change", "1",
        "--app-dir", "/opt/erp", "--target", "/srv/backup", "--passphrase-file", str(passphrase),
    )  # fmt: skip
    assert code == 1
    assert "crontab -" in err
    assert "tar -czf" in err
    assert "Nothing was changed." in err
    code, _out, err = run_cli(
        capsys, "backup", "setup", "--system", "调度平台生产", "--host", "db1", "--change", "1",
        "--app-dir", "opt/erp", "--target", "/srv/backup", "--yes",
    )  # fmt: skip
    assert code == 1
    assert "opt/erp" in err


def test_fingerprint_a_change_from_the_command_line(
    passphrase: Path, store: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deployed = store / f"cli-deployed-{tmp_path.name}"
    deployed.mkdir()
    (deployed / "app.jar").write_bytes(b"v1")
    own(deployed)
    app = open_app()
    try:
        with app.db.write() as s:
            users.add_user(s, "gongcheng", "engineer")
            (system,) = registry.list_systems(s)
            key = changes.save_change(
                s,
                ChangeForm(
                    system.id, "升级", "缺陷", "app.jar", datetime.now(UTC), 5, "无", "回退",
                    "售后组", "gongcheng",
                ),
            ).id  # fmt: skip
    finally:
        app.db.dispose()
    base = ["change", "fingerprint", str(key), "--host", "db1", "--path", str(deployed)]
    base += ["--passphrase-file", str(passphrase)]
    assert run_cli(capsys, *base, "--stage", "before")[0] == 0
    (deployed / "app.jar").write_bytes(b"v2")
    code, out, _err = run_cli(capsys, *base, "--stage", "after")
    assert code == 0
    assert f"changed\tdb1:{deployed}/app.jar" in out
