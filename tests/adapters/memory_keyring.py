"""Keyring test backends: a real `keyring.backend.KeyringBackend` that keeps its entries in
memory (priority 1, as a recommended backend), and ones keyring would not recommend."""

from __future__ import annotations

from typing import ClassVar

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority: ClassVar[float] = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class LowPriorityKeyring(MemoryKeyring):
    """Works, but keyring itself would only use it as a last resort."""

    priority: ClassVar[float] = 0.9


class LockedKeyring(MemoryKeyring):
    """Refuses every write, quoting what it was given (as a careless backend might)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked(f"locked, could not store {password}")


class UnavailableKeyring(KeyringBackend):
    """Like Secret Service on a headless server: its priority explains why it cannot run."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 (a class property)
        raise RuntimeError("The Secret Service daemon is neither running nor activatable")

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("never used")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("never used")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("never used")
