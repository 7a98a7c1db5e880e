"""`vault unlock|lock|status` and the OS keyring: a usable keyring spares the passphrase; a
plain-text, null or failing one is refused, and then no key byte reaches the disk."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null
from keyrings.alt.file import PlaintextKeyring

from supportdesk.bootstrap import open_app
from supportdesk.crypto import vault_crypto
from supportdesk.services import vault
from tests.adapters.memory_keyring import MemoryKeyring
from tests.cli_run import run_cli
from tests.vault_helpers import seal_as_long_ago

PASSPHRASE = "canary-passphrase-长城-7q"
SECRET = "canary-secret-Ω-91x"


class _Stdin:
    def __init__(self, text: str) -> None:
        self._text = text

    def read(self) -> str:
        return self._text


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def no_prompt(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every passphrase prompt is recorded and answered wrongly."""
    asked: list[str] = []

    def prompt(text: str = "") -> str:
        asked.append(text)
        return "not the passphrase"

    monkeypatch.setattr("getpass.getpass", prompt)
    return asked


@pytest.fixture
def memory() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)  # conftest's _no_os_keyring restores the previous one
    return backend


def _init(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    passphrase_file: Path,
    kdf: vault_crypto.KdfParams | None = None,
) -> None:
    monkeypatch.setattr(
        vault_crypto, "calibrate", lambda *_a, **_k: kdf or vault_crypto.new_kdf_params()
    )
    assert run_cli(capsys, "vault", "init", "--passphrase-file", str(passphrase_file))[0] == 0
    monkeypatch.setattr("sys.stdin", _Stdin(SECRET + "\n"))
    code, _out, err = run_cli(
        capsys,
        "vault",
        "add",
        "--name",
        "db root",
        "--secret-stdin",
        "--passphrase-file",
        str(passphrase_file),
    )
    assert (code, err) == (0, "")


def _kek() -> bytes:
    app = open_app()
    try:
        with app.db.read() as s:
            return vault.member_key(s, PASSPHRASE)
    finally:
        app.close()


def _sealed_long_ago(params: vault_crypto.KdfParams) -> None:
    app = open_app()
    try:
        with app.db.write() as s:
            seal_as_long_ago(s, PASSPHRASE, params)
    finally:
        app.close()


def _forms(value: bytes) -> list[bytes]:
    """Raw, hex, base64 and UTF-16 forms of a secret, as a leak might hold it."""
    return [
        value,
        value.hex().encode(),
        base64.b64encode(value),
        base64.b64encode(value).decode().encode("utf-16-le"),
    ]


def _assert_nowhere(root: Path, secrets: list[bytes]) -> None:
    files = [p for p in root.rglob("*") if p.is_file()]
    assert files, f"nothing to scan under {root}"
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret not in data, f"{path} holds a key or passphrase"


def test_unlock_remembers_the_key_and_lock_forgets_it(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    passphrase_file: Path,
    isolated_home: Path,
    memory: MemoryKeyring,
    no_prompt: list[str],
) -> None:
    _init(capsys, monkeypatch, passphrase_file)
    assert memory.entries == {}  # only `vault unlock` remembers
    code, out, err = run_cli(capsys, "vault", "unlock", "--passphrase-file", str(passphrase_file))
    assert (code, err) == (0, "")
    assert "MemoryKeyring" in out
    kek = _kek()
    [stored] = memory.entries.values()
    assert base64.b64decode(stored) == kek

    code, out, _err = run_cli(capsys, "vault", "reveal", "db root")  # no passphrase anywhere
    assert (code, out) == (0, SECRET + "\n")
    assert no_prompt == []

    code, out, _err = run_cli(capsys, "vault", "status", "--json")
    status = json.loads(out)["keyring"]
    assert status == {
        "backend": "tests.adapters.memory_keyring.MemoryKeyring",
        "usable": True,
        "message": None,
        "key_remembered": True,
    }
    code, out, _err = run_cli(capsys, "vault", "status")
    assert "keyring: tests.adapters.memory_keyring.MemoryKeyring (usable;" in out

    code, out, _err = run_cli(capsys, "vault", "lock")
    assert (code, memory.entries) == (0, {})
    assert "forgotten" in out
    code, out, err = run_cli(capsys, "vault", "reveal", "db root")
    assert (code, out) == (1, "")  # the prompt was asked, and answered wrongly
    assert len(no_prompt) == 1
    assert "passphrase" in err.lower()
    code, out, _err = run_cli(capsys, "vault", "status", "--json")
    assert json.loads(out)["keyring"]["key_remembered"] is False

    secrets = [*_forms(kek), *_forms(PASSPHRASE.encode()), PASSPHRASE.encode("utf-16-le")]
    _assert_nowhere(isolated_home, secrets)  # logs, config, database


def test_a_stale_remembered_key_is_forgotten_and_the_passphrase_asked(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    passphrase_file: Path,
    memory: MemoryKeyring,
) -> None:
    _init(capsys, monkeypatch, passphrase_file)
    assert run_cli(capsys, "vault", "unlock", "--passphrase-file", str(passphrase_file))[0] == 0
    [entry] = memory.entries
    memory.entries[entry] = base64.b64encode(b"\x01" * 32).decode()  # passphrase changed
    code, out, _err = run_cli(
        capsys, "vault", "reveal", "db root", "--passphrase-file", str(passphrase_file)
    )
    assert (code, out) == (0, SECRET + "\n")
    assert memory.entries == {}


def test_a_weak_key_is_resealed_at_unlock(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    passphrase_file: Path,
    memory: MemoryKeyring,
) -> None:
    weak = vault_crypto.KdfParams(t=1, m_kib=64, p=1, salt=b"s" * 16)
    _init(capsys, monkeypatch, passphrase_file)
    _sealed_long_ago(weak)
    code, _out, _err = run_cli(capsys, "vault", "unlock", "--passphrase-file", str(passphrase_file))
    assert code == 0
    kek = _kek()
    assert kek != vault_crypto.derive_key(PASSPHRASE, weak)
    [stored] = memory.entries.values()
    assert base64.b64decode(stored) == kek  # the key under the new parameters
    code, out, _err = run_cli(capsys, "vault", "reveal", "db root")
    assert (code, out) == (0, SECRET + "\n")


@pytest.mark.parametrize(
    ("backend", "name"),
    [
        ("plaintext", "keyrings.alt.file.PlaintextKeyring"),
        ("null", "keyring.backends.null.Keyring"),
        ("fail", ""),  # named after what this platform would use, or fail.Keyring
    ],
)
def test_an_unsafe_keyring_is_refused_and_nothing_is_stored(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    passphrase_file: Path,
    isolated_home: Path,
    tmp_path: Path,
    no_prompt: list[str],
    backend: str,
    name: str,
) -> None:
    keyring_dir = tmp_path / "keyring"
    keyring_dir.mkdir()
    if backend == "plaintext":
        plain = PlaintextKeyring()
        plain.file_path = str(keyring_dir / "keyring_pass.cfg")
        keyring.set_keyring(plain)
    else:
        keyring.set_keyring(null.Keyring() if backend == "null" else fail.Keyring())  # type: ignore[no-untyped-call]
    _init(capsys, monkeypatch, passphrase_file)
    code, out, err = run_cli(capsys, "vault", "unlock", "--passphrase-file", str(passphrase_file))
    assert (code, err) == (0, "")
    assert "passphrase alone" in out
    assert "nothing was stored" in out
    code, out, _err = run_cli(capsys, "vault", "status", "--json")
    status = json.loads(out)["keyring"]
    assert status["usable"] is False
    assert status["key_remembered"] is False
    assert status["backend"] == name or (not name and status["backend"])
    assert status["backend"] in status["message"]
    assert "passphrase alone" in status["message"]
    code, out, _err = run_cli(capsys, "vault", "status")
    assert f"keyring: {status['backend']} (not usable: " in out

    code, out, _err = run_cli(capsys, "vault", "reveal", "db root")
    assert (code, out, len(no_prompt)) == (1, "", 1)  # nothing remembered: it asked
    code, out, _err = run_cli(
        capsys, "vault", "reveal", "db root", "--passphrase-file", str(passphrase_file)
    )
    assert (code, out) == (0, SECRET + "\n")
    assert run_cli(capsys, "vault", "lock")[0] == 0

    assert list(keyring_dir.iterdir()) == []  # the plain-text keyring file never came to be
    secrets = [*_forms(_kek()), *_forms(PASSPHRASE.encode())]
    _assert_nowhere(isolated_home, secrets)
