"""The OS keyring (Windows Credential Locker, macOS Keychain, Secret Service) as a KeyStore.

Only a backend that keeps secrets outside plain files is used: keyring's fail and null
backends, every keyrings.alt backend (plain text or a file on disk, "discouraged for general
production use") and anything keyring itself does not recommend (priority below 1) are
refused with a reason. This adapter never writes anything to disk itself; a refused backend
is neither read nor written.
"""

from __future__ import annotations

import base64
import binascii
import logging
import sys

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from supportdesk.domain.errors import KeyringRefused

log = logging.getLogger(__name__)

SERVICE_PREFIX = "SupportDesk vault"

# Which of keyring's own backends this platform is meant to use, best first: named by
# `vault status` when none is usable (say, Secret Service on a headless Linux server).
_EXPECTED = {
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
    "darwin": ("keyring.backends.macOS.Keyring",),
}
_EXPECTED_OTHER = (
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.libsecret.Keyring",
)


def _qualified(backend: type[object]) -> str:
    return f"{backend.__module__}.{backend.__qualname__}"


def _priority(backend: type[keyring.backend.KeyringBackend]) -> float | str:
    """The backend's priority, or the reason it gives for not being available here."""
    try:
        return float(backend.priority)
    except Exception as error:  # noqa: BLE001 - a backend explains itself by raising
        return str(error) or type(error).__name__


class KeyringStore:
    """KeyStore over the `keyring` library's current backend (keyring.get_keyring())."""

    def _assess(self) -> tuple[keyring.backend.KeyringBackend | None, str, KeyringRefused | None]:
        """(the backend to use, its name, why it is refused)."""
        try:
            chosen = keyring.get_keyring()
        except Exception as error:  # noqa: BLE001 - a broken keyring config must not crash
            return None, "keyring", KeyringRefused("keyring_failed", "keyring", str(error))
        if isinstance(chosen, chainer.ChainerBackend):
            # The chainer reads from every backend above priority 0, plain-text ones too:
            # use the backend it would write to, directly, and judge that one.
            chained = list(chosen.backends)
            if not chained:
                return self._nothing_usable()
            chosen = chained[0]
        backend = type(chosen)
        name = _qualified(backend)
        if isinstance(chosen, fail.Keyring):
            return self._nothing_usable()
        if isinstance(chosen, null.Keyring):
            return None, name, KeyringRefused("keyring_disabled", name)
        if backend.__module__.startswith("keyrings.alt") or "plaintext" in name.lower():
            return None, name, KeyringRefused("keyring_plaintext", name)
        priority = _priority(backend)
        if isinstance(priority, str):
            return None, name, KeyringRefused("keyring_failed", name, priority)
        if priority < 1:
            return None, name, KeyringRefused("keyring_weak", name, f"priority {priority:g}")
        return chosen, name, None

    @staticmethod
    def _nothing_usable() -> tuple[None, str, KeyringRefused]:
        """No backend passed keyring's own checks: name the one this platform expects and
        what it said, or say that keyring found none at all (a frozen program that lost
        keyring's entry-point metadata: jaraco/keyring#324)."""
        keyring.backend.get_all_keyring()  # loads the backends' plug-ins once
        known = {_qualified(c): c for c in keyring.backend.KeyringBackend._classes}
        for name in _EXPECTED.get(sys.platform, _EXPECTED_OTHER):
            if name in known:
                reason = _priority(known[name])
                detail = reason if isinstance(reason, str) else f"priority {reason:g}"
                return None, name, KeyringRefused("keyring_unavailable", name, detail)
        name = _qualified(fail.Keyring)
        return None, name, KeyringRefused("keyring_none", name)

    def backend_name(self) -> str:
        return self._assess()[1]

    def usable(self) -> bool:
        return self._assess()[0] is not None

    def refusal(self) -> KeyringRefused | None:
        return self._assess()[2]

    @staticmethod
    def _service(profile_id: str) -> str:
        return f"{SERVICE_PREFIX} {profile_id}"

    def get(self, profile_id: str, login: str) -> bytes | None:
        backend, name, _refused = self._assess()
        if backend is None:
            return None
        try:
            text = backend.get_password(self._service(profile_id), login)
        except keyring.errors.KeyringError as error:  # locked, or the daemon went away
            log.warning("keyring %s could not be read: %s", name, type(error).__name__)
            return None
        if text is None:
            return None
        try:
            return base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeError, ValueError):
            log.warning("keyring %s holds a damaged vault key entry: ignored", name)
            return None

    def put(self, profile_id: str, login: str, key: bytes) -> None:
        backend, name, refused = self._assess()
        if backend is None:
            assert refused is not None
            raise refused
        text = base64.b64encode(key).decode("ascii")
        try:
            backend.set_password(self._service(profile_id), login, text)
        except keyring.errors.KeyringError as error:
            # Only the type: a backend's message might quote what it was asked to store.
            raise KeyringRefused("keyring_failed", name, type(error).__name__) from None

    def delete(self, profile_id: str, login: str) -> None:
        backend, name, _refused = self._assess()
        if backend is None:  # a refused backend was never written to
            return
        try:
            backend.delete_password(self._service(profile_id), login)
        except keyring.errors.PasswordDeleteError:  # nothing was remembered
            return
        except keyring.errors.KeyringError as error:
            raise KeyringRefused("keyring_failed", name, str(error)) from None

    # --- other secrets this machine keeps (the SMTP password when not in the vault) ------

    def get_text(self, service: str, user: str) -> str | None:
        """A secret kept under (service, user), only from a backend this store accepts."""
        backend, name, _refused = self._assess()
        if backend is None:
            return None
        try:
            return backend.get_password(service, user)
        except keyring.errors.KeyringError as error:
            log.warning("keyring %s could not be read: %s", name, type(error).__name__)
            return None

    def put_text(self, service: str, user: str, secret: str) -> None:
        backend, name, refused = self._assess()
        if backend is None:
            assert refused is not None
            raise refused
        try:
            backend.set_password(service, user, secret)
        except keyring.errors.KeyringError as error:
            raise KeyringRefused("keyring_failed", name, type(error).__name__) from None
