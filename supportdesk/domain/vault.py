"""Credential vault value types (R3.1): what a user sees of a credential never holds its secret."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.registry import clean_tags, limited, required, valid_choice


class CredentialKind(StrEnum):
    SERVER = "server"
    DATABASE = "database"
    APPLICATION = "application"
    SSH_KEY = "ssh-key"  # the secret is an OpenSSH private key, used for key login
    OTHER = "other"


class Access(StrEnum):
    """Why a secret was decrypted; each is audited under its own action."""

    REVEAL = "reveal"  # shown on screen or printed
    COPY = "copy"  # put on the clipboard
    USE = "use"  # handed to the inspection's SSH layer, never shown


@dataclass(frozen=True, slots=True)
class CredentialForm:
    name: str
    secret: str | None  # None on an edit that keeps the secret
    kind: str = CredentialKind.OTHER
    username: str = ""
    system_id: int | None = None
    host_id: int | None = None
    url: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    id: int | None = None
    version: int | None = None
    key_passphrase: str | None = None  # an ssh-key's passphrase, kept with the key

    def __repr__(self) -> str:  # a form may travel into a log or a traceback: never its secret
        return f"CredentialForm(name={self.name!r}, kind={self.kind!r}, id={self.id!r})"


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """An earlier secret of a credential, without the secret: when and by whom it was replaced."""

    id: int
    credential_id: int
    replaced_at: datetime
    replaced_by: str


@dataclass(frozen=True, slots=True)
class CredentialRow:
    id: int
    name: str
    kind: str
    username: str
    system_id: int | None
    system: str
    host_id: int | None
    url: str
    notes: str
    tags: tuple[str, ...]
    rotation_due: bool
    key_version: int
    version: int
    updated_by: str


@dataclass(frozen=True, slots=True)
class VaultStatus:
    initialised: bool
    member: bool  # the signed-in user can open it
    members: int
    key_version: int | None
    credentials: int
    rotation_due: int


def check_credential(form: CredentialForm) -> dict[str, object]:
    """The cleaned fields of a credential form; ValidationError names the first bad field."""
    if form.id is None and not form.secret:
        raise ValidationError("secret", "required")
    if form.secret is not None and len(form.secret) > 16_384:
        raise ValidationError("secret", "too_long", max=16_384)
    if form.key_passphrase:
        if form.kind != CredentialKind.SSH_KEY:
            raise ValidationError("key_passphrase", "only_for_ssh_key")
        if form.secret is None:  # the passphrase belongs to the key it is saved with
            raise ValidationError("key_passphrase", "needs_the_key")
    return {
        "name": required("name", form.name),
        "kind": valid_choice("kind", form.kind, CredentialKind),
        "username": limited("username", form.username),
        "url": limited("url", form.url, 500),
        "notes": limited("notes", form.notes, 4000),
        "tags": " ".join(clean_tags(form.tags)),
    }


# An ssh-key's passphrase is encrypted together with its key, as one secret: history, rotation
# and every audited access treat them as one. A key without a passphrase is stored as itself.
_KEY_WITH_PASSPHRASE = "supportdesk-ssh-key-with-passphrase:v1\n"


def pack_secret(kind: str, secret: str, key_passphrase: str | None) -> str:
    if kind == CredentialKind.SSH_KEY and key_passphrase:
        return _KEY_WITH_PASSPHRASE + json.dumps(
            {"key": secret, "passphrase": key_passphrase}, ensure_ascii=False
        )
    return secret


def unpack_secret(plain: str) -> tuple[str, str | None]:
    """(secret, the key's passphrase or None) from what pack_secret stored."""
    if plain.startswith(_KEY_WITH_PASSPHRASE):
        data = json.loads(plain[len(_KEY_WITH_PASSPHRASE) :])
        return str(data["key"]), str(data["passphrase"])
    return plain, None
