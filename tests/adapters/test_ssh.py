"""The SSH adapter against a real OpenSSH sshd on loopback (issue 5, "SSH layer")."""

from __future__ import annotations

import logging
import random
from dataclasses import replace

import pytest

from supportdesk.adapters.ssh import SshShell
from supportdesk.domain.remote import (
    Endpoint,
    HostKey,
    Limits,
    Login,
    Outcome,
    RemoteError,
    quote_command,
)
from tests.servers.sshd import SshServer, running_sshd

pytestmark = pytest.mark.sshd

LIMITS = Limits(connect=5, banner=5, auth=10, channel=5, command=30, read=20)


def _key(server: SshServer) -> HostKey:
    return HostKey(server.host_key_type, server.host_key_base64)


def _endpoint(server: SshServer, *, known: bool = True, **login: str) -> Endpoint:
    credential = Login(server.user, **login) if login else Login(server.user, server.password)
    return Endpoint(
        "app01", server.address, server.port, credential, _key(server) if known else None
    )


def test_a_password_login_runs_the_command_and_keeps_both_streams_and_the_status(
    sshd: SshServer,
) -> None:
    result = SshShell().run(_endpoint(sshd), "sh -c 'echo 输出; echo oops >&2; exit 3'", LIMITS)
    assert (result.stdout, result.stderr) == ("输出\n".encode(), b"oops\n")
    assert (result.exit_status, result.outcome, result.complete) == (3, Outcome.COMPLETED, True)
    assert result.host_key == _key(sshd)
    assert result.host_key.fingerprint == sshd.host_key_fingerprint
    assert result.started_at <= result.ended_at


def test_a_key_login_with_its_passphrase(sshd: SshServer) -> None:
    endpoint = _endpoint(
        sshd, private_key=sshd.client_key, key_passphrase=sshd.client_key_passphrase
    )
    assert SshShell().run(endpoint, "id -un", LIMITS).stdout == f"{sshd.user}\n".encode()
    wrong = _endpoint(sshd, private_key=sshd.client_key, key_passphrase="not it")
    with pytest.raises(RemoteError) as caught:
        SshShell().run(wrong, "id -un", LIMITS)
    assert caught.value.code == "key_wrong_passphrase"


def test_a_wrong_password_is_refused(sshd: SshServer) -> None:
    with pytest.raises(RemoteError) as caught:
        SshShell().run(_endpoint(sshd, password="wrong-password"), "true", LIMITS)
    assert (caught.value.code, caught.value.params["host"]) == ("auth_failed", "app01")


def test_first_contact_shows_the_key_and_sends_no_credential(sshd: SshServer) -> None:
    before = sshd.log()
    with pytest.raises(RemoteError) as caught:
        SshShell().run(_endpoint(sshd, known=False), "true", LIMITS)
    assert caught.value.code == "host_key_unknown"
    assert caught.value.key == _key(sshd)
    assert caught.value.params["fingerprint"] == sshd.host_key_fingerprint
    # The right password was at hand: had it been sent, sshd would have accepted it.
    added = sshd.log()[len(before) :]
    assert "Accepted" not in added
    assert "Failed" not in added


def test_a_changed_host_key_is_refused_before_authentication() -> None:
    with running_sshd() as server:
        endpoint = _endpoint(server)
        old = endpoint.known_key
        assert old is not None
        server.restart_with_new_host_key()
        before = server.log()
        with pytest.raises(RemoteError) as caught:
            SshShell().run(endpoint, "true", LIMITS)
        assert caught.value.code == "host_key_changed"
        assert caught.value.params["old"] == old.fingerprint
        assert caught.value.params["new"] == server.host_key_fingerprint != old.fingerprint
        assert "Accepted" not in server.log()[len(before) :]


def test_through_a_jump_host_and_the_target_key_is_checked_too(sshd: SshServer) -> None:
    with running_sshd(allow_tcp_forwarding=True) as jump_server:
        jump = replace(_endpoint(jump_server), name="jump01")
        target = replace(_endpoint(sshd), jump=jump)
        result = SshShell().run(target, "echo via-jump", LIMITS)
        assert (result.stdout, result.host_key) == (b"via-jump\n", _key(sshd))
        # The jump host's key is our key for the jump host only: behind it, the target's
        # wrong key is refused and named as the target's.
        wrong = replace(target, known_key=_key(jump_server))
        with pytest.raises(RemoteError) as caught:
            SshShell().run(wrong, "true", LIMITS)
        assert (caught.value.code, caught.value.params["host"]) == ("host_key_changed", "app01")
        unknown_jump = replace(target, jump=replace(jump, known_key=None))
        with pytest.raises(RemoteError) as caught:
            SshShell().run(unknown_jump, "true", LIMITS)
        assert (caught.value.code, caught.value.params["host"]) == ("host_key_unknown", "jump01")


HOSTILE = [*"'\";|&$`\\\n\t *?~#()<>!{}-aZ", "$(", "${", "巡检", "密码", "測", "🙂"]


def test_a_thousand_hostile_arguments_arrive_as_one_argument_each(sshd: SshServer) -> None:
    rng = random.Random(20261201)
    args = ["".join(rng.choice(HOSTILE) for _ in range(rng.randint(0, 12))) for _ in range(1000)]
    args[:3] = ["", "-n", "$(touch /tmp/supportdesk-pwned)"]
    result = SshShell().run(_endpoint(sshd), quote_command(["printf", "%s\\0", *args]), LIMITS)
    assert result.complete
    assert result.stdout.decode().split("\0")[:-1] == args


def test_debug_logging_shows_no_password_or_key(
    sshd: SshServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("paramiko", "paramiko.transport", "supportdesk"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    SshShell().run(_endpoint(sshd), "true", LIMITS)
    keyed = _endpoint(sshd, private_key=sshd.client_key, key_passphrase=sshd.client_key_passphrase)
    SshShell().run(keyed, "true", LIMITS)
    with pytest.raises(RemoteError) as caught:
        SshShell().run(_endpoint(sshd, password=sshd.password + "x"), "true", LIMITS)
    assert caplog.records  # paramiko did talk at DEBUG
    shown = caplog.text + repr(caught.value) + str(caught.value) + repr(keyed)
    for secret in (sshd.password, sshd.client_key_passphrase, sshd.client_key.splitlines()[1]):
        assert secret not in shown
