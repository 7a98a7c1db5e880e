"""Writes tests/crypto/fixtures/vault_v1.json: a vault made by format version 1.

Run once, commit the JSON, never regenerate it (test_vault_crypto.py asserts that every later
version still opens it):

    .venv/bin/python -m tests.crypto.make_vault_fixture
"""

from __future__ import annotations

import base64
import json
import unicodedata
from pathlib import Path
from typing import Any

from supportdesk.crypto import vault_crypto as vc

FIXTURE = Path(__file__).parent / "fixtures" / "vault_v1.json"

# NFC form; the test also unlocks with the NFD spelling of the same passphrase.
PASSPHRASE = unicodedata.normalize("NFC", "Crème brûlée 密码 🔐 ÅngströM")
LOGIN = "zhangsan"
KEY_VERSION = 1
SECRETS = [
    ("credential:1", "secret", "s3cr3t-P@ssw0rd!"),
    ("credential:1", "history:0", ""),
    ("credential:2", "secret", "数据库密码：强🐉𝄞\U0010fffd e\u0301"),
    ("credential:3", "secret", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "A" * 2000 + "\n"),
    ("credential:4", "secret", "tab\there\x00nul\r\n"),
]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def build() -> dict[str, Any]:
    params = vc.new_kdf_params()  # the minimum: fast to open in tests
    kek = vc.derive_key(PASSPHRASE, params)
    member = vc.new_member_keys()
    team_key = vc.new_team_key()
    return {
        "format": "supportdesk.vault.fixture.v1",
        "kdf_params": params.to_json(),
        "passphrase": PASSPHRASE,
        "kek": _b64(kek),
        "login": LOGIN,
        "public_key": _b64(member.public),
        "sealed_private_key": _b64(vc.seal_private_key(member.private, kek, LOGIN)),
        "key_version": KEY_VERSION,
        "team_key": _b64(team_key),
        "wrapped_team_key": _b64(vc.wrap_team_key(team_key, member.public, LOGIN, KEY_VERSION)),
        "secrets": [
            {
                "record": record,
                "field": field,
                "key_version": KEY_VERSION,
                "blob": _b64(vc.encrypt_secret(team_key, text, record, field, KEY_VERSION)),
                "plaintext": text,
            }
            for record, field, text in SECRETS
        ],
    }


def main() -> None:
    if FIXTURE.exists():
        raise SystemExit(f"{FIXTURE} exists: a committed fixture is never regenerated")
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps(build(), ensure_ascii=True, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
