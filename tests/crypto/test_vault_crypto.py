"""The vault's crypto layer with the real libraries (issue 4, "Encryption" and "Tests").

The committed fixture fixtures/vault_v1.json was made once by tests/crypto/make_vault_fixture.py
(`.venv/bin/python -m tests.crypto.make_vault_fixture`); it must open in every later version.
KDF tests use the minimum parameters, never calibrated ones, to stay fast.
"""

from __future__ import annotations

import base64
import json
import random
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.crypto import vault_crypto as vc
from supportdesk.domain.errors import SecretDamaged, SupportDeskError, WrongPassphrase

FIXTURE = Path(__file__).parent / "fixtures" / "vault_v1.json"
SEED = 20260401
# Code points a passphrase or password may hold: ASCII, Latin-1, Greek, CJK, combining marks,
# emoji and other astral-plane characters up to U+10FFFF (no surrogates: str from a UI or a
# pipe never holds lone ones).
_RANGES = [
    (0x00, 0x7F),
    (0xA0, 0xFF),
    (0x0370, 0x03FF),
    (0x0300, 0x036F),
    (0x4E00, 0x9FFF),
    (0xFF01, 0xFF5E),
    (0x1F300, 0x1FAFF),
    (0x1D100, 0x1D1FF),
    (0x20000, 0x2A6DF),
    (0x10000, 0x10FFFF),
]


def _random_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return ""
    length = rng.randint(5_000, 20_000) if roll > 0.97 else rng.randint(1, 64)
    chars = []
    for _ in range(length):
        low, high = rng.choice(_RANGES)
        chars.append(chr(rng.randint(low, high)))
    return "".join(chars)


@pytest.fixture(scope="module")
def team_key() -> bytes:
    return vc.new_team_key()


@pytest.fixture(scope="module")
def min_params() -> vc.KdfParams:
    return vc.new_kdf_params()


# --------------------------------------------------------------------------- secrets


def test_1000_random_unicode_secrets_round_trip(team_key: bytes) -> None:
    rng = random.Random(SEED)
    texts = [_random_text(rng) for _ in range(1_000)]
    texts[:4] = ["", "🔐𝄞\U0010fffd", "e\u0301 vs é", "x" * 100_000]
    assert any(ord(c) > 0xFFFF for t in texts[4:] for c in t), "no astral character drawn"
    assert any(len(t) > 5_000 for t in texts[4:]), "no long string drawn"
    nonces = set()
    for n, text in enumerate(texts):
        record, field = f"credential:{n}", rng.choice(["secret", "history:0", "notes"])
        blob = vc.encrypt_secret(team_key, text, record, field, 7)
        assert blob[0] == 1
        assert len(blob) == 1 + 12 + len(text.encode("utf-8")) + 16
        nonces.add(blob[1:13])
        if len(text.encode("utf-8")) >= 8:  # shorter ones may occur in random bytes by chance
            assert text.encode("utf-8") not in blob
        assert vc.decrypt_secret(team_key, blob, record, field, 7) == text
    assert len(nonces) == len(texts)  # a fresh nonce every time


def test_the_same_secret_encrypts_differently_each_time(team_key: bytes) -> None:
    one = vc.encrypt_secret(team_key, "same", "r", "secret", 1)
    two = vc.encrypt_secret(team_key, "same", "r", "secret", 1)
    assert one != two


def _flip(blob: bytes, index: int, rng: random.Random) -> bytes:
    data = bytearray(blob)
    data[index] ^= 1 << rng.randrange(8)
    return bytes(data)


def test_1000_random_tamperings_are_all_detected(team_key: bytes) -> None:
    rng = random.Random(SEED + 1)
    kinds = Counter[str]()
    other_team_key = vc.new_team_key()
    for n in range(1_000):
        text = _random_text(rng) or "x"  # a non-empty ciphertext to flip bits in
        record, field, version = f"credential:{n}", "secret", rng.randint(1, 50)
        blob = vc.encrypt_secret(team_key, text, record, field, version)
        body_end = len(blob) - 16
        # What a reader would be handed after the tampering: key, blob, record, field, version.
        reader: tuple[bytes, bytes, str, str, int]
        kind = rng.choice(
            [
                "nonce_bit",
                "ciphertext_bit",
                "tag_bit",
                "format_byte",
                "other_record",
                "other_field",
                "swapped_in",
                "key_version",
                "truncated",
                "extended",
                "other_team_key",
            ]
        )
        kinds[kind] += 1
        if kind == "nonce_bit":
            reader = (team_key, _flip(blob, rng.randrange(1, 13), rng), record, field, version)
        elif kind == "ciphertext_bit":
            reader = (
                team_key,
                _flip(blob, rng.randrange(13, body_end), rng),
                record,
                field,
                version,
            )
        elif kind == "tag_bit":
            reader = (
                team_key,
                _flip(blob, rng.randrange(body_end, len(blob)), rng),
                record,
                field,
                version,
            )
        elif kind == "format_byte":
            bad = rng.choice([0, 2, 255])
            reader = (team_key, bytes([bad]) + blob[1:], record, field, version)
        elif kind == "other_record":  # the blob moved to another row
            reader = (team_key, blob, f"credential:{n + rng.randint(1, 999)}", field, version)
        elif kind == "other_field":  # the blob moved to another field of the same row
            reader = (team_key, blob, record, rng.choice(["history:0", "notes", "Secret"]), version)
        elif kind == "swapped_in":  # another row's valid ciphertext copied over this one
            other = vc.encrypt_secret(team_key, text, f"credential:{n}-other", field, version)
            reader = (team_key, other, record, field, version)
        elif kind == "key_version":
            reader = (team_key, blob, record, field, version + rng.choice([-1, 1, 1000]))
        elif kind == "truncated":
            reader = (team_key, blob[: rng.randrange(len(blob))], record, field, version)
        elif kind == "extended":
            reader = (team_key, blob + bytes([rng.randrange(256)]), record, field, version)
        else:
            reader = (other_team_key, blob, record, field, version)
        with pytest.raises(SecretDamaged):
            vc.decrypt_secret(*reader)
    assert len(kinds) == 11, kinds  # every kind was drawn


@pytest.mark.parametrize(
    "blob",
    [b"", b"\x01", b"\x01" + bytes(12), b"\x01" + bytes(27), b"\x00" + bytes(40), bytes(100)],
)
def test_short_and_foreign_blobs_are_damaged(team_key: bytes, blob: bytes) -> None:
    with pytest.raises(SecretDamaged):
        vc.decrypt_secret(team_key, blob, "r", "secret", 1)


@pytest.mark.parametrize(
    "args",
    [
        (bytes(31), b"\x01" + bytes(40), "r", "f", 1),  # short team key
        (bytes(33), b"\x01" + bytes(40), "r", "f", 1),
        (bytes(32), "not bytes", "r", "f", 1),
        (bytes(32), None, "r", "f", 1),
        (bytes(32), b"\x01" + bytes(40), None, "f", 1),
        (bytes(32), b"\x01" + bytes(40), "r", "f", -1),
        (bytes(32), b"\x01" + bytes(40), "r", "f", True),
        (bytes(32), b"\x01" + bytes(40), "r", "f", "1"),
    ],
)
def test_decrypt_raises_only_secret_damaged_on_bad_arguments(args: tuple[Any, ...]) -> None:
    with pytest.raises(SecretDamaged):
        vc.decrypt_secret(*args)


@settings(max_examples=300, deadline=None)
@given(blob=st.binary(max_size=200))
def test_arbitrary_bytes_are_damaged_never_another_error(blob: bytes) -> None:
    key = bytes(range(32))
    with pytest.raises(SecretDamaged):
        vc.decrypt_secret(key, blob, "r", "f", 1)
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(blob, key, "zhangsan", 1)


def test_decrypt_accepts_the_buffers_database_drivers_return(team_key: bytes) -> None:
    blob = vc.encrypt_secret(team_key, "密码", "r", "f", 1)
    assert vc.decrypt_secret(team_key, memoryview(blob), "r", "f", 1) == "密码"
    assert vc.decrypt_secret(team_key, bytearray(blob), "r", "f", 1) == "密码"


def test_the_associated_data_is_not_ambiguous(team_key: bytes) -> None:
    """Record/field boundaries cannot be shifted: ("a,b", "c") is not ("a", "b,c")."""
    blob = vc.encrypt_secret(team_key, "x", 'a","b', "c", 1)
    with pytest.raises(SecretDamaged):
        vc.decrypt_secret(team_key, blob, "a", 'b","c', 1)


def test_encrypt_refuses_bad_arguments(team_key: bytes) -> None:
    with pytest.raises(ValueError, match="team key"):
        vc.encrypt_secret(bytes(16), "x", "r", "f", 1)
    with pytest.raises(ValueError, match="key_version"):
        vc.encrypt_secret(team_key, "x", "r", "f", -1)
    with pytest.raises(TypeError):
        vc.encrypt_secret(team_key, b"x", "r", "f", 1)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- team key


def test_wrap_and_unwrap_for_a_member() -> None:
    member, team_key = vc.new_member_keys(), vc.new_team_key()
    wrapped = vc.wrap_team_key(team_key, member.public, "zhangsan", 3)
    assert len(wrapped) == 1 + 32 + 12 + 32 + 16
    assert team_key not in wrapped
    assert vc.unwrap_team_key(wrapped, member.private, "zhangsan", 3) == team_key
    assert vc.wrap_team_key(team_key, member.public, "zhangsan", 3) != wrapped  # ephemeral


def test_a_non_member_or_wrong_binding_unwraps_nothing() -> None:
    member, outsider, team_key = vc.new_member_keys(), vc.new_member_keys(), vc.new_team_key()
    wrapped = vc.wrap_team_key(team_key, member.public, "zhangsan", 3)
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(wrapped, outsider.private, "zhangsan", 3)
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(wrapped, member.private, "lisi", 3)
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(wrapped, member.private, "zhangsan", 2)
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(wrapped, member.private, "zhangsan", 4)
    # A member's wrapped key copied onto the outsider's row does not help the outsider either.
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(wrapped, outsider.private, "wangwu", 3)


def test_every_tampering_of_a_wrapped_key_is_detected() -> None:
    member, team_key = vc.new_member_keys(), vc.new_team_key()
    wrapped = vc.wrap_team_key(team_key, member.public, "zhangsan", 1)
    rng = random.Random(SEED + 2)
    for index in range(len(wrapped)):
        with pytest.raises(SecretDamaged):
            vc.unwrap_team_key(_flip(wrapped, index, rng), member.private, "zhangsan", 1)
    for length in range(len(wrapped)):
        with pytest.raises(SecretDamaged):
            vc.unwrap_team_key(wrapped[:length], member.private, "zhangsan", 1)
    low_order = wrapped[:1] + bytes(32) + wrapped[33:]  # an all-zero ephemeral key
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(low_order, member.private, "zhangsan", 1)
    with pytest.raises(SecretDamaged):
        vc.unwrap_team_key(wrapped, member.private[:31], "zhangsan", 1)


def test_wrapping_for_a_low_order_public_key_is_refused() -> None:
    with pytest.raises(ValueError, match="not a usable X25519 key"):
        vc.wrap_team_key(vc.new_team_key(), bytes(32), "zhangsan", 1)


# --------------------------------------------------------------------------- private key


def test_seal_and_open_a_private_key(min_params: vc.KdfParams) -> None:
    member = vc.new_member_keys()
    kek = vc.derive_key("correct horse 🐴", min_params)
    sealed = vc.seal_private_key(member.private, kek, "zhangsan")
    assert member.private not in sealed
    assert vc.open_private_key(sealed, kek, "zhangsan") == member.private
    wrong = vc.derive_key("correct horse 🐎", min_params)
    with pytest.raises(WrongPassphrase):
        vc.open_private_key(sealed, wrong, "zhangsan")
    with pytest.raises(WrongPassphrase):
        vc.open_private_key(sealed, kek, "lisi")  # bound to the login
    with pytest.raises(WrongPassphrase):
        vc.open_private_key(sealed, kek[:16], "zhangsan")
    with pytest.raises(SecretDamaged):
        vc.open_private_key(sealed[:-1], kek, "zhangsan")
    with pytest.raises(SecretDamaged):
        vc.open_private_key(b"\x02" + sealed[1:], kek, "zhangsan")


def test_member_keys_repr_hides_the_private_key() -> None:
    member = vc.new_member_keys()
    assert len(member.public) == len(member.private) == 32
    assert repr(member.private) not in repr(member)
    assert "private" not in repr(member)
    with pytest.raises(ValueError, match="private key"):
        vc.MemberKeys(public=member.public, private=b"short")


# --------------------------------------------------------------------------- KDF


def test_derive_key_is_argon2id_of_the_nfc_passphrase(min_params: vc.KdfParams) -> None:
    key = vc.derive_key("Ångström", min_params)
    assert len(key) == 32
    assert vc.derive_key(unicodedata.normalize("NFD", "Ångström"), min_params) == key
    assert vc.derive_key("\u212bngstr\u00f6m", min_params) == key  # ANGSTROM SIGN -> Å
    assert vc.derive_key("ångström", min_params) != key
    other_salt = vc.new_kdf_params()
    assert vc.derive_key("Ångström", other_salt) != key


@pytest.mark.parametrize(
    "kwargs",
    [{"t": 2}, {"m_kib": 65535}, {"m_kib": 32768}, {"p": 3}, {"p": 1}, {"t": 0}],
)
def test_new_kdf_params_refuses_below_the_minimum(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="below the minimum"):
        vc.new_kdf_params(**kwargs)


def test_new_kdf_params_defaults_to_the_minimum_with_a_fresh_salt() -> None:
    one, two = vc.new_kdf_params(), vc.new_kdf_params()
    assert (one.t, one.m_kib, one.p) == (vc.MIN_T, vc.MIN_M_KIB, vc.MIN_P) == (3, 65536, 4)
    assert len(one.salt) == 16
    assert one.salt != two.salt
    assert vc.new_kdf_params(t=5, m_kib=131072, p=8).t == 5


def test_calibrate_never_goes_below_the_minimum() -> None:
    params = vc.calibrate(0.01)  # below what the minimum takes: stays at the minimum
    assert params.t >= vc.MIN_T
    assert params.m_kib >= vc.MIN_M_KIB
    assert params.p >= vc.MIN_P
    assert len(params.salt) == 16
    assert not params.weaker_than(vc.new_kdf_params())
    with pytest.raises(ValueError, match="target_s"):
        vc.calibrate(0)


def test_kdf_params_json_round_trip() -> None:
    params = vc.new_kdf_params(t=4, m_kib=98304, p=4)
    text = params.to_json()
    assert json.loads(text)["alg"] == "argon2id"
    assert vc.KdfParams.from_json(text) == params
    # Parameters an older version stored below today's floor still load (they get re-sealed).
    legacy = vc.KdfParams(t=2, m_kib=19456, p=1, salt=bytes(16))
    assert vc.KdfParams.from_json(legacy.to_json()) == legacy


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "not json",
        '{"alg":"argon2i","t":3,"m_kib":65536,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","v":16,"t":3,"m_kib":65536,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","t":3,"m_kib":65536,"p":4,"salt":"AAAA"}',
        '{"alg":"argon2id","t":3,"m_kib":65536,"p":4,"salt":"!!!"}',
        '{"alg":"argon2id","t":3,"m_kib":65536,"p":4}',
        '{"alg":"argon2id","t":"3","m_kib":65536,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","t":true,"m_kib":65536,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","t":100000,"m_kib":65536,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","t":3,"m_kib":99999999,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","t":3,"m_kib":65536,"p":0,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
    ],
)
def test_damaged_kdf_params_are_secret_damaged(text: str) -> None:
    with pytest.raises(SecretDamaged):
        vc.KdfParams.from_json(text)


def test_weaker_than() -> None:
    base = vc.new_kdf_params(t=4, m_kib=131072, p=4)
    assert not base.weaker_than(base)
    assert not base.weaker_than(vc.new_kdf_params(t=4, m_kib=131072, p=4))  # salt ignored
    assert vc.new_kdf_params(t=3, m_kib=131072, p=4).weaker_than(base)
    assert vc.new_kdf_params(t=4, m_kib=65536, p=4).weaker_than(base)
    assert vc.KdfParams(t=4, m_kib=131072, p=2, salt=bytes(16)).weaker_than(base)
    assert vc.new_kdf_params(t=3, m_kib=262144, p=4).weaker_than(base)  # any one below
    assert not base.weaker_than(vc.new_kdf_params(t=3, m_kib=65536, p=4))


# --------------------------------------------------------------------------- errors


def test_errors_carry_codes_and_no_secret_material(team_key: bytes) -> None:
    assert issubclass(SecretDamaged, SupportDeskError)
    assert issubclass(WrongPassphrase, SupportDeskError)
    secret = "canary-Zq9!密码"
    blob = vc.encrypt_secret(team_key, secret, "r", "f", 1)
    with pytest.raises(SecretDamaged) as damaged:
        vc.decrypt_secret(team_key, blob, "r", "f", 2)
    assert damaged.value.code == "secret_damaged"
    assert damaged.value.__cause__ is None
    assert damaged.value.__suppress_context__
    texts = [str(damaged.value), repr(damaged.value)]
    kek = vc.derive_key("pass", vc.new_kdf_params())
    sealed = vc.seal_private_key(vc.new_member_keys().private, kek, "zhangsan")
    with pytest.raises(WrongPassphrase) as wrong:
        vc.open_private_key(sealed, bytes(32), "zhangsan")
    assert wrong.value.code == "wrong_passphrase"
    texts += [str(wrong.value), repr(wrong.value)]
    for text in texts:
        assert secret not in text
        for material in (team_key, kek):
            assert material.hex() not in text
            assert repr(material) not in text
            assert base64.b64encode(material).decode() not in text


# --------------------------------------------------------------------------- fixture


def _b64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def test_the_committed_v1_vault_still_opens() -> None:
    """A vault written by format version 1 must open in this and every later version."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert data["format"] == "supportdesk.vault.fixture.v1"
    params = vc.KdfParams.from_json(data["kdf_params"])
    kek = vc.derive_key(data["passphrase"], params)
    assert kek == _b64(data["kek"])
    assert vc.derive_key(unicodedata.normalize("NFD", data["passphrase"]), params) == kek
    login, version = data["login"], data["key_version"]
    private = vc.open_private_key(_b64(data["sealed_private_key"]), kek, login)
    team_key = vc.unwrap_team_key(_b64(data["wrapped_team_key"]), private, login, version)
    assert team_key == _b64(data["team_key"])
    assert len(data["secrets"]) >= 5
    for item in data["secrets"]:
        text = vc.decrypt_secret(
            team_key, _b64(item["blob"]), item["record"], item["field"], item["key_version"]
        )
        assert text == item["plaintext"]
    with pytest.raises(WrongPassphrase):
        vc.open_private_key(_b64(data["sealed_private_key"]), vc.derive_key("wrong", params), login)
