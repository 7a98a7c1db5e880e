"""This computer's settings: language, database, document folder, vault. All fields are
checked before any is saved, so a bad value changes nothing. (The mail server and robots are
the team's, in the database: team_settings_dialog.py.)"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supportdesk.config import OPTIONS, BadValueError, Config
from supportdesk.domain.errors import ValidationError
from supportdesk.ui.messages import describe


class SettingsDialog(QDialog):
    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self._config = config

        self.language = QComboBox(self)
        for label, value in (
            (self.tr("Follow the system"), ""),
            ("简体中文", "zh_CN"),
            ("English", "en"),
        ):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(self.language.findData(config.get("ui.language")), 0))
        self.database = QLineEdit(str(config.get("database.url")), self)
        self.database.setPlaceholderText(
            self.tr(
                "empty: SQLite in the profile; or postgresql+psycopg://user@host:5432/supportdesk"
            )
        )
        self.folder = QLineEdit(str(config.get("documents.folder")), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        self.webdav = QLineEdit(str(config.get("documents.webdav_url")), self)

        general = QGroupBox(self.tr("Interface and database"), self)
        form = QFormLayout(general)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Database URL"), self.database)
        form.addRow(
            _wrapped(
                self.tr(
                    "A team database password is never stored here: use a pgpass file. "
                    "Language and database changes apply after a restart."
                ),
                self,
            )
        )
        docs = QGroupBox(self.tr("Document management"), self)
        form = QFormLayout(docs)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Document folder"), row)
        form.addRow(self.tr("WebDAV URL"), self.webdav)

        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (general, docs, self._vault_group(config), self.error, buttons):
            layout.addWidget(widget)

    def _vault_group(self, config: Config) -> QGroupBox:
        group = QGroupBox(self.tr("Credential vault"), self)
        self.vault_reason = QCheckBox(self.tr("A reveal or copy must give a reason"), group)
        self.vault_reason.setChecked(bool(config.get("vault.reason_required")))
        self.vault_clipboard = QSpinBox(group)
        self.vault_clipboard.setRange(10, 120)
        self.vault_clipboard.setSuffix(self.tr(" s"))
        self.vault_clipboard.setValue(int(config.get("vault.clipboard_seconds")))
        self.vault_lock = QSpinBox(group)
        self.vault_lock.setRange(1, 240)
        self.vault_lock.setSuffix(self.tr(" min"))
        self.vault_lock.setValue(int(config.get("vault.lock_minutes")))
        form = QFormLayout(group)
        form.addRow(self.tr("Clear a copied secret after"), self.vault_clipboard)
        form.addRow(self.tr("Lock when idle for"), self.vault_lock)
        form.addRow("", self.vault_reason)
        return group

    def values(self) -> dict[str, str]:
        return {
            "ui.language": str(self.language.currentData()),
            "database.url": self.database.text().strip(),
            "documents.folder": self.folder.text().strip(),
            "documents.webdav_url": self.webdav.text().strip(),
            "vault.reason_required": "true" if self.vault_reason.isChecked() else "false",
            "vault.clipboard_seconds": str(self.vault_clipboard.value()),
            "vault.lock_minutes": str(self.vault_lock.value()),
        }

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Document folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def _on_buttons_accepted(self) -> None:
        values = self.values()
        try:
            for key, raw in values.items():  # validate everything first
                _parse(key, raw)
        except ValidationError as error:
            self.error.setText(describe(error))
            self.error.show()
            return
        for key, raw in values.items():
            if self._config.get(key) != _parse(key, raw):
                self._config.set(key, raw)
        self.accept()


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)  # a long sentence in either language must not widen the dialog
    return label


def _parse(key: str, raw: str) -> Any:
    try:
        return OPTIONS[key].parse(raw)
    except BadValueError as bad:
        # The parser's own code and params, as `supportdesk config set` reports them: a bad
        # database URL names its scheme only, never the rest (it may hold a password).
        params: dict[str, Any] = {"value": raw, **bad.params}
        raise ValidationError(key, bad.code, **params) from None
    except ValueError:
        raise ValidationError(key, "bad_value", value=raw) from None
