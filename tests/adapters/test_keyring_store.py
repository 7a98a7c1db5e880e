"""The keyring adapter: keys go only to a backend that keeps them out of plain files."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from supportdesk.adapters import keyring_store
from supportdesk.adapters.keyring_store import KeyringStore
from supportdesk.domain.errors import KeyringRefused
from supportdesk.ui.messages import describe
from tests.adapters.memory_keyring import (
    LockedKeyring,
    LowPriorityKeyring,
    MemoryKeyring,
    UnavailableKeyring,
)

KEY = os.urandom(32)


@pytest.fixture
def memory() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)  # conftest's _no_os_keyring restores the previous one
    return backend


def test_a_recommended_backend_remembers_and_forgets(memory: MemoryKeyring) -> None:
    store = KeyringStore()
    assert store.usable()
    assert store.refusal() is None
    assert store.backend_name() == "tests.adapters.memory_keyring.MemoryKeyring"
    store.put("profile-a", "alice", KEY)
    assert store.get("profile-a", "alice") == KEY
    assert store.get("profile-b", "alice") is None  # another profile or database
    assert store.get("profile-a", "bob") is None
    [(service, login)] = memory.entries
    assert (service, login) == ("SupportDesk vault profile-a", "alice")
    store.delete("profile-a", "alice")
    assert store.get("profile-a", "alice") is None
    assert memory.entries == {}
    store.delete("profile-a", "alice")  # forgetting twice is no error


def test_a_damaged_entry_is_ignored(memory: MemoryKeyring) -> None:
    memory.set_password("SupportDesk vault p", "alice", "not base64 !")
    assert KeyringStore().get("p", "alice") is None


def _plaintext(tmp_path: Path) -> PlaintextKeyring:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")
    return backend


@pytest.mark.parametrize(
    ("make", "code", "name"),
    [
        (_plaintext, "keyring_plaintext", "keyrings.alt.file.PlaintextKeyring"),
        (lambda _p: null.Keyring(), "keyring_disabled", "keyring.backends.null.Keyring"),  # type: ignore[no-untyped-call]
        (
            lambda _p: LowPriorityKeyring(),
            "keyring_weak",
            "tests.adapters.memory_keyring.LowPriorityKeyring",
        ),
    ],
    ids=["plaintext", "null", "priority-below-1"],
)
def test_unsafe_backends_are_refused_and_never_written(
    tmp_path: Path, make: object, code: str, name: str
) -> None:
    backend = make(tmp_path)  # type: ignore[operator]
    keyring.set_keyring(backend)
    store = KeyringStore()
    assert not store.usable()
    assert store.backend_name() == name
    refusal = store.refusal()
    assert refusal is not None
    assert refusal.code == code
    assert name in describe(refusal)
    assert "passphrase alone" in describe(refusal)
    with pytest.raises(KeyringRefused) as caught:
        store.put("p", "alice", KEY)
    assert caught.value.code == code
    assert store.get("p", "alice") is None
    store.delete("p", "alice")
    assert list(tmp_path.iterdir()) == []  # the plain-text file was never created
    if isinstance(backend, LowPriorityKeyring):
        assert backend.entries == {}


def test_the_fail_backend_names_what_this_platform_lacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    expected = ("tests.adapters.memory_keyring.UnavailableKeyring",)
    monkeypatch.setattr(keyring_store, "_EXPECTED", {})
    monkeypatch.setattr(keyring_store, "_EXPECTED_OTHER", expected)
    store = KeyringStore()
    assert not store.usable()
    assert store.backend_name() == expected[0]
    refusal = store.refusal()
    assert refusal is not None
    assert refusal.code == "keyring_unavailable"
    assert "neither running nor activatable" in describe(refusal)
    assert UnavailableKeyring.__name__ in describe(refusal)


def test_a_program_without_keyring_backends_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a frozen program that lost keyring's entry points would see."""
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    # Load the plug-ins first (once per process): loading them later would register their
    # classes into the set below, and the test would depend on which test ran first.
    keyring.backend.get_all_keyring()
    monkeypatch.setattr(KeyringBackend, "_classes", {fail.Keyring, null.Keyring})
    store = KeyringStore()
    assert store.backend_name() == "keyring.backends.fail.Keyring"
    refusal = store.refusal()
    assert refusal is not None
    assert refusal.code == "keyring_none"
    assert "no keyring backend was found" in describe(refusal)


@pytest.mark.parametrize(
    ("first", "usable"), [(MemoryKeyring, True), (PlaintextKeyring, False)], ids=str
)
def test_a_chainer_is_judged_by_the_backend_it_writes_to(
    monkeypatch: pytest.MonkeyPatch, first: type[KeyringBackend], usable: bool
) -> None:
    chained = [first(), LowPriorityKeyring()]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", chained)
    keyring.set_keyring(chainer.ChainerBackend())  # type: ignore[no-untyped-call]
    store = KeyringStore()
    assert store.usable() is usable
    assert store.backend_name().endswith(first.__name__)
    if usable:
        store.put("p", "alice", KEY)
        assert isinstance(chained[0], MemoryKeyring)
        assert chained[0].entries
        assert chained[1].entries == {}  # type: ignore[attr-defined]


def test_a_failing_backend_is_reported_without_the_key() -> None:
    keyring.set_keyring(LockedKeyring())
    store = KeyringStore()
    with pytest.raises(KeyringRefused) as caught:
        store.put("p", "alice", KEY)
    text = describe(caught.value) + repr(caught.value) + str(caught.value.params)
    assert caught.value.code == "keyring_failed"
    assert "KeyringLocked" in text
    assert base64.b64encode(KEY).decode() not in text
    assert KEY.hex() not in text
