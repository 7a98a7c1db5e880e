"""`supportdesk inspect` (issue 5, "GUI and CLI"): exit 0 when every host was inspected, 1
when any was not; first-contact keys only with --accept-new-host-keys; findings in the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportdesk.bootstrap import open_app
from supportdesk.crypto import vault_crypto
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import registry, users, vault
from tests.cli_run import run_cli
from tests.servers.sshd import SshServer

pytestmark = pytest.mark.sshd

PASSPHRASE = "巡检 passphrase 2026"


@pytest.fixture
def profile(sshd: SshServer, tmp_path: Path) -> Path:
    """A profile with one system of two hosts on the test sshd, their credential in the vault;
    returns the passphrase file."""
    passphrase_file = tmp_path / "pass.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            opened = vault.init_vault(s, PASSPHRASE, vault_crypto.new_kdf_params())
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            system = registry.save_system(s, SystemForm(project.id, "调度平台生产"))
            registry.save_system(s, SystemForm(project.id, "调度平台测试", under_maintenance=False))
            form = CredentialForm("app root", sshd.password, kind="server", username=sshd.user)
            vault.save_credential(s, opened, form)
            for name in ("app01", "app02"):
                host = HostForm(system.id, name, sshd.address, sshd.port, credential="app root")
                registry.save_host(s, host)
    finally:
        app.db.dispose()
    return passphrase_file


def test_inspect_a_system_from_the_command_line(
    profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["inspect", "--period", "2026-11", "--passphrase-file", str(profile), "--json"]
    code, out, _err = run_cli(capsys, *base, "--system", "调度平台生产")
    assert code == 1  # first contact: not accepted, not inspected
    (system,) = json.loads(out)["systems"]
    assert [(h["host"], h["reached"], h["outcome"]) for h in system["hosts"]] == [
        ("app01", False, "host_key_unknown"),
        ("app02", False, "host_key_unknown"),
    ]
    assert system["hosts"][0]["error"]["fingerprint"].startswith("SHA256:")
    code, out, _err = run_cli(capsys, *base, "--system", "调度平台生产", "--accept-new-host-keys")
    assert code == 0
    (system,) = json.loads(out)["systems"]
    assert system["reached"] == 2
    keys = {f["key"] for f in system["hosts"][0]["findings"]}
    assert {"memory", "clock", "passwd"} <= keys
    # Done for the month: nothing is due any more (the test system is not under maintenance),
    # and no passphrase is asked for.
    code, out, _err = run_cli(capsys, "inspect", "--period", "2026-11", "--all-due", "--json")
    assert (code, json.loads(out)["systems"]) == (0, [])
    code, out, _err = run_cli(capsys, "audit", "verify")
    assert code == 0


def test_text_output_and_a_wrong_system(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        capsys, "inspect", "--system", "没有这个系统", "--passphrase-file", str(profile)
    )
    assert (code, out) == (1, "")
    assert "没有这个系统" in err
    code, out, _err = run_cli(
        capsys, "inspect", "--system", "调度平台生产", "--period", "2026-11",
        "--passphrase-file", str(profile),
    )  # fmt: skip
    assert code == 1
    assert "app01: not inspected:" in out
    assert "SHA256:" in out


@pytest.mark.usefixtures("profile")
def test_no_terminal_and_no_passphrase_file_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_terminal(_prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", no_terminal)
    code, out, err = run_cli(capsys, "inspect", "--system", "调度平台生产", "--period", "2026-11")
    assert (code, out) == (1, "")
    assert "passphrase" in err
    assert "unexpected" not in err
