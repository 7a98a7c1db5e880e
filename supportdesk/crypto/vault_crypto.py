"""Vault envelope encryption (issue 4, "Encryption").

Three layers of keys:

* A member's **passphrase** gives a key-encryption key (KEK) through Argon2id
  (`derive_key`), with parameters stored per user (`KdfParams`), never below
  t=3, 64 MiB, p=4 when new.
* The KEK seals the member's **X25519 private key** (`seal_private_key`).
* The **team key** is wrapped for each member with that member's X25519 public key
  (`wrap_team_key`: ephemeral X25519 + HKDF-SHA256 -> AES-256-GCM), and every
  **secret** is AES-256-GCM under the team key (`encrypt_secret`).

Every blob starts with a format byte (1). Layouts, after that byte:

* sealed private key: nonce (12) | ciphertext+tag (32+16)
* wrapped team key:   ephemeral public key (32) | nonce (12) | ciphertext+tag (32+16)
* secret:             nonce (12) | ciphertext+tag (len(utf-8)+16)

The associated data is a JSON array (ASCII, no spaces) of a purpose string and what the
blob belongs to, so a blob moved to another login, record, field or key version fails.

Reading never raises anything but `SecretDamaged` (or `WrongPassphrase` when a sealed
private key does not open); no exception text, repr or log line carries key or plaintext
bytes. Writing refuses bad arguments (programming errors) with ValueError/TypeError.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import os
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from supportdesk.domain.errors import SecretDamaged, WrongPassphrase

__all__ = [
    "MAX_M_KIB",
    "MAX_P",
    "MAX_T",
    "MIN_M_KIB",
    "MIN_P",
    "MIN_T",
    "Blob",
    "KdfParams",
    "MemberKeys",
    "calibrate",
    "decrypt_secret",
    "derive_key",
    "encrypt_secret",
    "new_kdf_params",
    "new_member_keys",
    "new_team_key",
    "open_private_key",
    "seal_private_key",
    "unwrap_team_key",
    "wrap_team_key",
]

# Floor for new parameters (issue 4). Stored parameters below it still derive (an older
# version may have had a lower floor); the vault service re-seals them at the next unlock.
MIN_T: Final = 3
MIN_M_KIB: Final = 65536
MIN_P: Final = 4
# Ceilings: stored parameters above them are damage (a tampered row must not make an unlock
# run for hours or allocate all memory), and `calibrate` never goes beyond them.
MAX_T: Final = 64
MAX_M_KIB: Final = 1 << 20  # 1 GiB
MAX_P: Final = 64

SALT_LEN: Final = 16
KEY_LEN: Final = 32
NONCE_LEN: Final = 12
TAG_LEN: Final = 16
FORMAT_V1: Final = 1

_KDF_ALG: Final = "argon2id"
_ARGON2_VERSION: Final = 19
_PURPOSE_PRIVATE: Final = "supportdesk.private_key.v1"
_PURPOSE_TEAM: Final = "supportdesk.team_key.v1"
_PURPOSE_SECRET: Final = "supportdesk.secret.v1"

_SEALED_LEN: Final = 1 + NONCE_LEN + KEY_LEN + TAG_LEN
_WRAPPED_LEN: Final = 1 + KEY_LEN + NONCE_LEN + KEY_LEN + TAG_LEN
_SECRET_MIN_LEN: Final = 1 + NONCE_LEN + TAG_LEN

# What the reading functions accept: bytes, or the buffers database drivers may return.
Blob = bytes | bytearray | memoryview


# --------------------------------------------------------------------------- KDF


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters of one user: passes, memory in KiB, lanes, 16-byte salt."""

    t: int
    m_kib: int
    p: int
    salt: bytes

    def __post_init__(self) -> None:
        if not (_is_int(self.t) and _is_int(self.m_kib) and _is_int(self.p)):
            raise TypeError("KdfParams t, m_kib and p must be int")
        if not isinstance(self.salt, bytes) or len(self.salt) != SALT_LEN:
            raise ValueError(f"KdfParams salt must be {SALT_LEN} bytes")
        if not 1 <= self.t <= MAX_T:
            raise ValueError(f"KdfParams t={self.t} outside 1..{MAX_T}")
        if not 1 <= self.p <= MAX_P:
            raise ValueError(f"KdfParams p={self.p} outside 1..{MAX_P}")
        if not 8 * self.p <= self.m_kib <= MAX_M_KIB:
            raise ValueError(f"KdfParams m_kib={self.m_kib} outside {8 * self.p}..{MAX_M_KIB}")

    def to_json(self) -> str:
        return json.dumps(
            {
                "alg": _KDF_ALG,
                "v": _ARGON2_VERSION,
                "t": self.t,
                "m_kib": self.m_kib,
                "p": self.p,
                "salt": base64.b64encode(self.salt).decode("ascii"),
            },
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> KdfParams:
        """Parse `to_json` output; anything else (damaged or foreign) is SecretDamaged."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            if data.get("alg") != _KDF_ALG or data.get("v", _ARGON2_VERSION) != _ARGON2_VERSION:
                raise ValueError("unknown algorithm")
            salt_text = data["salt"]
            if not isinstance(salt_text, str):
                raise TypeError("salt")
            salt = base64.b64decode(salt_text.encode("ascii"), validate=True)
            return cls(t=data["t"], m_kib=data["m_kib"], p=data["p"], salt=salt)
        except (ValueError, TypeError, KeyError, binascii.Error, UnicodeError):
            raise SecretDamaged() from None

    def weaker_than(self, other: KdfParams) -> bool:
        """True if any of t, m or p is below `other`'s (the salt does not count)."""
        return self.t < other.t or self.m_kib < other.m_kib or self.p < other.p


def new_kdf_params(t: int = MIN_T, m_kib: int = MIN_M_KIB, p: int = MIN_P) -> KdfParams:
    """Parameters with a fresh random salt; refuses (ValueError) anything below the minimum."""
    if not (_is_int(t) and _is_int(m_kib) and _is_int(p)):
        raise TypeError("t, m_kib and p must be int")
    if t < MIN_T or m_kib < MIN_M_KIB or p < MIN_P:
        raise ValueError(
            f"Argon2id parameters t={t}, m_kib={m_kib}, p={p} are below the minimum "
            f"t={MIN_T}, m_kib={MIN_M_KIB}, p={MIN_P}"
        )
    return KdfParams(t=t, m_kib=m_kib, p=p, salt=os.urandom(SALT_LEN))


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The 32-byte key Argon2id derives from the NFC-normalised UTF-8 passphrase."""
    if not isinstance(passphrase, str):
        raise TypeError("passphrase must be str")
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret,
        params.salt,
        time_cost=params.t,
        memory_cost=params.m_kib,
        parallelism=params.p,
        hash_len=KEY_LEN,
        type=Type.ID,
        version=_ARGON2_VERSION,
    )


def _time_derivation(params: KdfParams) -> float:
    start = time.perf_counter()
    derive_key("calibration", params)
    return time.perf_counter() - start


def calibrate(target_s: float = 0.5, *, max_rounds: int = 4) -> KdfParams:
    """Argon2id parameters, never below the minimum, for which one derivation takes about
    `target_s` on this machine. Memory and lanes stay at the minimum; passes are raised
    (up to MAX_T) from a linear model of measured time. At most `max_rounds` timed
    derivations, each capped by MAX_T, so the call is bounded (about 2-4 x target_s).
    """
    if not (isinstance(target_s, int | float) and math.isfinite(target_s) and target_s > 0):
        raise ValueError("target_s must be a positive number of seconds")
    t = MIN_T
    for _ in range(max(1, max_rounds)):
        elapsed = _time_derivation(new_kdf_params(t=t))
        if abs(elapsed - target_s) <= 0.1 * target_s:
            break
        wanted = min(MAX_T, max(MIN_T, round(t * target_s / max(elapsed, 1e-6))))
        if wanted == t:  # at a bound (slow machine: the minimum already takes longer)
            break
        t = wanted
    return new_kdf_params(t=t)


# --------------------------------------------------------------------------- helpers


def _aad(*parts: str | int) -> bytes:
    """Canonical associated data: a JSON array, ASCII only (lone surrogates escaped)."""
    return json.dumps(list(parts), ensure_ascii=True, separators=(",", ":")).encode("ascii")


def _check_key(key: bytes, name: str) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_LEN:
        raise ValueError(f"{name} must be {KEY_LEN} bytes")


def _check_label(value: str, name: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str")


def _check_version(key_version: int) -> None:
    if not _is_int(key_version) or key_version < 0:
        raise ValueError("key_version must be a non-negative int")


def _as_bytes(blob: object) -> bytes:
    if isinstance(blob, bytes):
        return blob
    if isinstance(blob, bytearray | memoryview):  # psycopg/SQLite drivers may hand these
        return bytes(blob)
    raise TypeError("blob must be bytes")


# --------------------------------------------------------------------------- member keys


@dataclass(frozen=True, slots=True)
class MemberKeys:
    """A member's raw 32-byte X25519 key pair. The private half never shows in repr."""

    public: bytes
    private: bytes = field(repr=False)

    def __post_init__(self) -> None:
        _check_key(self.public, "public key")
        _check_key(self.private, "private key")


def new_member_keys() -> MemberKeys:
    private = X25519PrivateKey.generate()
    return MemberKeys(
        public=private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
        private=private.private_bytes_raw(),
    )


def seal_private_key(private: bytes, kek: bytes, login: str) -> bytes:
    """AES-256-GCM of the private key under the passphrase-derived key, bound to `login`."""
    _check_key(private, "private key")
    _check_key(kek, "kek")
    _check_label(login, "login")
    nonce = os.urandom(NONCE_LEN)
    sealed = AESGCM(kek).encrypt(nonce, private, _aad(_PURPOSE_PRIVATE, login))
    return bytes([FORMAT_V1]) + nonce + sealed


def open_private_key(sealed: Blob, kek: bytes, login: str) -> bytes:
    """The private key; WrongPassphrase if `kek` (or `login`) does not open it, SecretDamaged
    if the blob is not a sealed key at all (wrong length or format byte)."""
    try:
        data = _as_bytes(sealed)
        _check_label(login, "login")
    except (TypeError, ValueError):
        raise SecretDamaged() from None
    if len(data) != _SEALED_LEN or data[0] != FORMAT_V1:
        raise SecretDamaged()
    if not isinstance(kek, bytes) or len(kek) != KEY_LEN:
        raise WrongPassphrase()
    nonce, body = data[1 : 1 + NONCE_LEN], data[1 + NONCE_LEN :]
    try:
        return AESGCM(kek).decrypt(nonce, body, _aad(_PURPOSE_PRIVATE, login))
    except InvalidTag:
        raise WrongPassphrase() from None


# --------------------------------------------------------------------------- team key


def public_key_of(private: bytes) -> bytes:
    """The X25519 public key of a raw private key."""
    _check_key(private, "private")
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def fingerprint(public: bytes) -> str:
    """A short, stable name for a public key (recorded in the audit chain)."""
    return hashlib.sha256(b"supportdesk.member-key.v1" + public).hexdigest()[:32]


def new_team_key() -> bytes:
    return os.urandom(KEY_LEN)


def _wrapping_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=SHA256(),
        length=KEY_LEN,
        salt=None,
        info=_PURPOSE_TEAM.encode("ascii") + ephemeral_public + recipient_public,
    )
    return hkdf.derive(shared)


def wrap_team_key(team_key: bytes, recipient_public: bytes, login: str, key_version: int) -> bytes:
    """The team key for one member: ephemeral X25519 with their public key, HKDF-SHA256,
    AES-256-GCM; the associated data binds `login` and `key_version`."""
    _check_key(team_key, "team key")
    _check_key(recipient_public, "recipient public key")
    _check_label(login, "login")
    _check_version(key_version)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    try:  # cryptography refuses a low-order public key, whose shared secret is all zero
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    except ValueError:
        raise ValueError("recipient public key is not a usable X25519 key") from None
    key = _wrapping_key(shared, ephemeral_public, recipient_public)
    nonce = os.urandom(NONCE_LEN)
    body = AESGCM(key).encrypt(nonce, team_key, _aad(_PURPOSE_TEAM, login, key_version))
    return bytes([FORMAT_V1]) + ephemeral_public + nonce + body


def unwrap_team_key(wrapped: Blob, private: bytes, login: str, key_version: int) -> bytes:
    """The team key; SecretDamaged on any failure (not this member's, other login or version,
    tampered, truncated, unknown format)."""
    try:
        data = _as_bytes(wrapped)
        _check_key(private, "private key")
        _check_label(login, "login")
        _check_version(key_version)
        if len(data) != _WRAPPED_LEN or data[0] != FORMAT_V1:
            raise ValueError("not a wrapped team key")
        ephemeral_public = data[1 : 1 + KEY_LEN]
        nonce = data[1 + KEY_LEN : 1 + KEY_LEN + NONCE_LEN]
        body = data[1 + KEY_LEN + NONCE_LEN :]
        own = X25519PrivateKey.from_private_bytes(private)
        own_public = own.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        shared = own.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _wrapping_key(shared, ephemeral_public, own_public)
        return AESGCM(key).decrypt(nonce, body, _aad(_PURPOSE_TEAM, login, key_version))
    except (InvalidTag, ValueError, TypeError):
        raise SecretDamaged() from None


# --------------------------------------------------------------------------- secrets


def encrypt_secret(
    team_key: bytes, plaintext: str, record: str, field: str, key_version: int
) -> bytes:
    """AES-256-GCM of the UTF-8 plaintext (exactly as given, not normalised) with a fresh
    nonce; the associated data binds `record`, `field` and `key_version`."""
    _check_key(team_key, "team key")
    if not isinstance(plaintext, str):
        raise TypeError("plaintext must be str")
    _check_label(record, "record")
    _check_label(field, "field")
    _check_version(key_version)
    nonce = os.urandom(NONCE_LEN)
    body = AESGCM(team_key).encrypt(
        nonce, plaintext.encode("utf-8"), _aad(_PURPOSE_SECRET, record, field, key_version)
    )
    return bytes([FORMAT_V1]) + nonce + body


def decrypt_secret(team_key: bytes, blob: Blob, record: str, field: str, key_version: int) -> str:
    """The plaintext; SecretDamaged on any failure, never another exception type."""
    try:
        data = _as_bytes(blob)
        _check_key(team_key, "team key")
        _check_label(record, "record")
        _check_label(field, "field")
        _check_version(key_version)
        if len(data) < _SECRET_MIN_LEN or data[0] != FORMAT_V1:
            raise ValueError("not a secret blob")
        nonce, body = data[1 : 1 + NONCE_LEN], data[1 + NONCE_LEN :]
        aad = _aad(_PURPOSE_SECRET, record, field, key_version)
        return AESGCM(team_key).decrypt(nonce, body, aad).decode("utf-8")
    except (InvalidTag, ValueError, TypeError):  # UnicodeDecodeError is a ValueError
        raise SecretDamaged() from None
