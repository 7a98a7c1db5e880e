"""A secret on the clipboard: marked so clipboard managers skip it, and cleared after a while
only if the clipboard still holds it (the user may have copied something else since)."""

from __future__ import annotations

import hashlib
import hmac
import os
import sys

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

# KDE Klipper (and others following it) do not keep an entry carrying this hint.
KDE_HINT = "x-kde-passwordManagerHint"
# Windows clipboard history and cloud clipboard skip data offering this registered format;
# Qt maps this MIME form to the native format of exactly that name.
WINDOWS_HINT = 'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
MACOS_HINT = "application/x-nspasteboard-concealed-type"


def secret_mime_data(secret: str) -> QMimeData:
    data = QMimeData()
    data.setText(secret)
    data.setData(KDE_HINT, b"secret")
    if sys.platform == "win32":
        data.setData(WINDOWS_HINT, b"1")
    elif sys.platform == "darwin":
        data.setData(MACOS_HINT, b"")
    return data


class SecretClipboard(QObject):
    """Keeps no copy of the secret: only a keyed digest to recognise it when the time is up."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear)
        self._key = b""
        self._digest = b""

    def _mac(self, text: str) -> bytes:
        return hmac.new(self._key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()

    def copy(self, secret: str, clear_after_ms: int) -> None:
        self._key = os.urandom(32)
        self._digest = self._mac(secret)
        QGuiApplication.clipboard().setMimeData(secret_mime_data(secret), QClipboard.Mode.Clipboard)
        self.timer.start(clear_after_ms)

    @property
    def pending(self) -> bool:
        return self.timer.isActive()

    def clear(self) -> bool:
        """Empty the clipboard if it still holds our secret; True when it did."""
        self.timer.stop()
        if not self._digest:
            return False
        clipboard = QGuiApplication.clipboard()
        ours = hmac.compare_digest(
            self._mac(clipboard.text(QClipboard.Mode.Clipboard)), self._digest
        )
        self._key = self._digest = b""
        if ours:
            clipboard.clear(QClipboard.Mode.Clipboard)
        return ours
