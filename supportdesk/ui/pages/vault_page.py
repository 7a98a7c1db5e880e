"""The credential vault (issue 4): locked until the member's passphrase opens it; then the
credentials (never their secrets) with search, add/edit with a generator, reveal and copy
(both audited, with a reason), lock on demand and after idle minutes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SecretDamaged, SupportDeskError, ValidationError
from supportdesk.domain.passwords import Strength, generate, strength
from supportdesk.domain.registry import SystemRow
from supportdesk.domain.vault import (
    Access,
    CredentialForm,
    CredentialKind,
    CredentialRow,
    HistoryRow,
    VaultStatus,
)
from supportdesk.services import registry, vault
from supportdesk.services.vault import Revealed, UnlockedVault
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog, FormField
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import ROW_ROLE, Column, RowModel
from supportdesk.ui.widgets.confirm import warn
from supportdesk.ui.widgets.entity_panel import EntityPanel
from supportdesk.ui.widgets.secret_clipboard import SecretClipboard

ERROR_STYLE = "color: #c62828;"
STRENGTH_COLOURS = {
    Strength.WEAK: "#c62828",
    Strength.FAIR: "#ef6c00",
    Strength.STRONG: "#2e7d32",
    Strength.VERY_STRONG: "#1b5e20",
}


def kind_label(value: str) -> str:
    labels = {
        CredentialKind.SERVER: QCoreApplication.translate("VaultPage", "server"),
        CredentialKind.DATABASE: QCoreApplication.translate("VaultPage", "database"),
        CredentialKind.APPLICATION: QCoreApplication.translate("VaultPage", "application"),
        CredentialKind.SSH_KEY: QCoreApplication.translate("VaultPage", "SSH key"),
        CredentialKind.OTHER: QCoreApplication.translate("VaultPage", "other"),
    }
    return labels.get(value, value)  # type: ignore[call-overload, no-any-return]


def strength_label(value: Strength) -> str:
    labels = {
        Strength.WEAK: QCoreApplication.translate("VaultPage", "weak"),
        Strength.FAIR: QCoreApplication.translate("VaultPage", "fair"),
        Strength.STRONG: QCoreApplication.translate("VaultPage", "strong"),
        Strength.VERY_STRONG: QCoreApplication.translate("VaultPage", "very strong"),
    }
    return labels[value]


def _open(unlocked: UnlockedVault) -> UnlockedVault:
    """The vault a background task may use: refused once it was locked (its keys are gone,
    and a missing key must not be mistaken for a damaged secret)."""
    if not unlocked.keys:
        raise ValidationError("vault", "vault_locked")
    return unlocked


def _reveal(
    session: Any, unlocked: UnlockedVault, name: str, reason: str, access: Access
) -> Revealed:
    return vault.reveal(session, _open(unlocked), name, reason, access)


def _reveal_earlier(
    session: Any, unlocked: UnlockedVault, name: str, history_id: int, reason: str, access: Access
) -> Revealed:
    return vault.reveal_history(session, _open(unlocked), name, history_id, reason, access)


class SecretField(QWidget):
    """The secret in password echo mode, a show toggle, a generator and a strength hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(16_384)
        self.show_toggle = QCheckBox(self.tr("Show"), self)
        self.show_toggle.toggled.connect(self._on_show_toggled)
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.clicked.connect(self._on_generate_clicked)
        self.length = QSpinBox(self)
        self.length.setRange(8, 128)
        self.length.setValue(20)
        self.length.setPrefix(self.tr("length "))
        self.use_lower = QCheckBox("a-z", self)
        self.use_upper = QCheckBox("A-Z", self)
        self.use_digits = QCheckBox("0-9", self)
        self.use_symbols = QCheckBox("#$%", self)
        self.avoid_ambiguous = QCheckBox(self.tr("no look-alikes (0O1lI|)"), self)
        for box in (
            self.use_lower,
            self.use_upper,
            self.use_digits,
            self.use_symbols,
            self.avoid_ambiguous,
        ):
            box.setChecked(True)
        self.hint = QLabel(self)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.setFocusProxy(self.edit)
        # An OpenSSH private key has many lines, which a line edit cannot hold: it comes from
        # its file, kept here (never shown) until the dialog saves it.
        self.key_button = QPushButton(self.tr("Key file…"), self)
        self.key_button.clicked.connect(self._on_key_button_clicked)
        self._key: str | None = None

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.edit, 1)
        top.addWidget(self.show_toggle)
        top.addWidget(self.key_button)
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.generate_button)
        options.addWidget(self.length)
        for box in (self.use_lower, self.use_upper, self.use_digits, self.use_symbols):
            options.addWidget(box)
        options.addStretch(1)
        hints = QHBoxLayout()
        hints.setContentsMargins(0, 0, 0, 0)
        hints.addWidget(self.avoid_ambiguous)
        hints.addStretch(1)
        hints.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addLayout(hints)
        self._on_edit_text_changed("")

    def text(self) -> str:
        return self._key if self._key is not None else self.edit.text()

    def load_key(self, text: str) -> None:
        """Take an OpenSSH private key (from its file) as the secret."""
        if "PRIVATE KEY-----" not in text:
            self.hint.setText(self.tr("That file is not an OpenSSH private key."))
            self.hint.setStyleSheet(ERROR_STYLE)
            return
        self._key = text.strip() + "\n"
        self.edit.clear()
        self.edit.setEnabled(False)
        self.edit.setPlaceholderText(self.tr("private key loaded from its file"))
        self.hint.setText(
            self.tr("Key of {lines} lines").format(lines=text.strip().count("\n") + 1)
        )
        self.hint.setStyleSheet("")

    def _on_key_button_clicked(self) -> None:
        chooser = QFileDialog(self, self.tr("OpenSSH private key"))
        chooser.fileSelected.connect(self._on_key_file_selected)
        self.key_chooser = chooser
        chooser.open()

    def _on_key_file_selected(self, path: str) -> None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.hint.setText(self.tr("That file is not an OpenSSH private key."))
            self.hint.setStyleSheet(ERROR_STYLE)
            return
        self.load_key(text)

    def _on_show_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _on_generate_clicked(self) -> None:
        try:
            secret = generate(
                self.length.value(),
                lower=self.use_lower.isChecked(),
                upper=self.use_upper.isChecked(),
                digits=self.use_digits.isChecked(),
                symbols=self.use_symbols.isChecked(),
                avoid_ambiguous=self.avoid_ambiguous.isChecked(),
            )
        except ValueError:  # no class chosen
            self.hint.setText(self.tr("Choose at least one kind of character."))
            self.hint.setStyleSheet(ERROR_STYLE)
            return
        self.edit.setText(secret)

    def _on_edit_text_changed(self, text: str) -> None:
        if not text:
            self.hint.setText("")
            return
        level = strength(text)
        self.hint.setText(self.tr("Strength: {level}").format(level=strength_label(level)))
        self.hint.setStyleSheet(f"color: {STRENGTH_COLOURS[level]};")


class CredentialDialog(FormDialog):
    """A form dialog whose "secret" field is a SecretField."""

    def _make(self, spec: FormField, value: Any) -> QWidget:
        if spec.kind == "secret":
            self.secret = SecretField(self)
            return self.secret
        if spec.kind == "key_passphrase":
            self.key_passphrase = QLineEdit(self)
            self.key_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
            self.key_passphrase.setPlaceholderText(
                QCoreApplication.translate("VaultPage", "only for an SSH key that has one")
            )
            return self.key_passphrase
        return super()._make(spec, value)

    def values(self) -> dict[str, Any]:
        out = super().values()
        out["secret"] = self.secret.text()
        out["key_passphrase"] = self.key_passphrase.text() or None
        return out


def credential_dialog(
    ctx: UiContext,
    unlocked: UnlockedVault,
    systems: list[SystemRow],
    row: CredentialRow | None,
    parent: QWidget | None,
) -> CredentialDialog:
    none = QCoreApplication.translate("VaultPage", "(none)")
    fields = [
        FormField("name", QCoreApplication.translate("VaultPage", "Name")),
        FormField(
            "kind",
            QCoreApplication.translate("VaultPage", "Kind"),
            "choice",
            [(kind_label(k), k.value) for k in CredentialKind],
        ),
        FormField("username", QCoreApplication.translate("VaultPage", "User name")),
        FormField("secret", QCoreApplication.translate("VaultPage", "Secret"), "secret"),
        FormField(
            "key_passphrase",
            QCoreApplication.translate("VaultPage", "Key passphrase"),
            "key_passphrase",
        ),
        FormField(
            "system_id",
            QCoreApplication.translate("VaultPage", "System"),
            "choice",
            [(none, None)] + [(f"{s.customer} / {s.name}", s.id) for s in systems],
        ),
        FormField("url", QCoreApplication.translate("VaultPage", "URL")),
        FormField("tags", QCoreApplication.translate("VaultPage", "Tags"), "tags"),
        FormField("notes", QCoreApplication.translate("VaultPage", "Notes")),
    ]
    values: dict[str, Any] = (
        {"kind": CredentialKind.SERVER.value}
        if row is None
        else {
            "name": row.name,
            "kind": row.kind,
            "username": row.username,
            "system_id": row.system_id,
            "url": row.url,
            "tags": row.tags,
            "notes": row.notes,
        }
    )

    def save(session: Any, form: CredentialForm) -> CredentialRow:
        return vault.save_credential(session, _open(unlocked), form)

    def build(v: dict[str, Any]) -> tuple[Callable[..., Any], Any]:
        form = CredentialForm(
            v["name"],
            v["secret"] or (None if row is not None else ""),  # empty on an edit: keep it
            kind=v["kind"],
            username=v["username"],
            system_id=v["system_id"],
            host_id=row.host_id if row else None,
            url=v["url"],
            notes=v["notes"],
            tags=v["tags"],
            id=row.id if row else None,
            version=row.version if row else None,
            key_passphrase=v["key_passphrase"],
        )
        return save, form

    title = (
        QCoreApplication.translate("VaultPage", "New credential")
        if row is None
        else QCoreApplication.translate("VaultPage", "Edit credential")
    )
    dialog = CredentialDialog(ctx, title, fields, values, build, "credential", parent)
    dialog.setMinimumWidth(560)
    if row is not None:
        dialog.secret.edit.setPlaceholderText(
            QCoreApplication.translate("VaultPage", "leave empty to keep the current secret")
        )
    return dialog


class HistoryDialog(QDialog):
    """A credential's earlier secrets, newest first: when each was replaced and by whom. Each
    can be revealed or copied, audited like the current one."""

    access_requested = Signal(int, object)  # history id, Access

    def __init__(self, name: str, rows: list[HistoryRow], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier secrets of {name}").format(name=name))
        self.setMinimumSize(460, 300)
        self.rows = rows
        # DESIGN: a view over DTOs (ROW_ROLE), never cell text read back.
        self.model: RowModel[HistoryRow] = RowModel(
            [
                Column(
                    QCoreApplication.translate("HistoryDialog", "Replaced"),
                    lambda h: h.replaced_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                ),
                Column(
                    QCoreApplication.translate("HistoryDialog", "Replaced by"),
                    lambda h: h.replaced_by,
                ),
            ],
            self,
        )
        self.model.set_rows(rows)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.empty = QLabel(self.tr("No earlier secrets: it has never been changed."), self)
        self.empty.setVisible(not rows)
        self.reveal_button = QPushButton(self.tr("Reveal…"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.reveal_button.clicked.connect(lambda: self._request(Access.REVEAL))
        self.copy_button.clicked.connect(lambda: self._request(Access.COPY))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.reveal_button)
        actions.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(self.buttons)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> HistoryRow | None:
        picked = self.table.selectionModel().selectedRows()
        found = picked[0].data(ROW_ROLE) if picked else None
        return found if isinstance(found, HistoryRow) else None

    def _update_buttons(self, *_args: object) -> None:
        has = self.selected() is not None
        self.reveal_button.setEnabled(has)
        self.copy_button.setEnabled(has)

    def _request(self, access: Access) -> None:
        row = self.selected()
        if row is not None:
            self.access_requested.emit(row.id, access)


class ReasonDialog(QDialog):
    """Asks why a secret is needed; the answer is optional unless the setting requires it."""

    def __init__(self, title: str, name: str, required: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.required = required
        question = QLabel(
            (
                self.tr("Why do you need the secret of {name}? (required)")
                if required
                else self.tr("Why do you need the secret of {name}? (optional)")
            ).format(name=name),
            self,
        )
        question.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("e.g. monthly inspection, ticket number"))
        note = QLabel(self.tr("Who, which secret, when and why are recorded in the audit log."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._update_ok()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.required or bool(self.reason.text().strip()))


class RevealDialog(QDialog):
    """The secret, read-only, for `seconds`; then the dialog closes and forgets it."""

    def __init__(
        self,
        name: str,
        secret: str,
        seconds: int,
        parent: QWidget | None,
        key_passphrase: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Secret of {name}").format(name=name))
        self.setMinimumWidth(480)
        self.remaining = seconds
        self.secret = QPlainTextEdit(self)
        self.secret.setReadOnly(True)
        # No mouse selection: on X11 a selection is the "primary" clipboard, which nothing
        # clears or marks. Copying is the page's own, audited, self-clearing action.
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.secret.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.secret.setPlainText(secret)
        self.secret.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        lines = secret.count("\n") + 1
        self.secret.setFixedHeight(
            min(lines, 16) * self.secret.fontMetrics().lineSpacing() + 16
        )  # a password is one line; an SSH key needs room
        # An SSH key's passphrase, shown under it the same way (kept with the key).
        # A label without text interaction: not selectable, so never an X11 selection.
        self.passphrase = QLabel(key_passphrase or "", self)
        self.passphrase.setTextFormat(Qt.TextFormat.PlainText)
        self.passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.passphrase.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.passphrase_label = QLabel(self.tr("Key passphrase:"), self)
        for widget in (self.passphrase, self.passphrase_label):
            widget.setVisible(key_passphrase is not None)
        self.countdown = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.secret)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.countdown)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.finished.connect(self._forget)
        self._show_remaining()

    def _show_remaining(self) -> None:
        self.countdown.setText(self.tr("Hides in {seconds} s").format(seconds=self.remaining))

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.reject()
        else:
            self._show_remaining()

    def _forget(self) -> None:
        self.timer.stop()
        self.secret.clear()
        self.passphrase.clear()


class InputWatcher(QObject):
    """An application-wide event filter: any user input says the user is still there."""

    active = Signal()
    INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TabletPress,
        }
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.INPUT:
            self.active.emit()
        return False


class VaultPage(QWidget):
    LOCKED, UNLOCKED = 0, 1

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault: UnlockedVault | None = None
        self._generation = 0  # bumped by every lock: late results of an older unlock are dropped
        self.reveal_seconds = 30
        self.clipboard_ms = 30_000
        self.idle_ms = 300_000
        self._read_settings()
        self.clipboard = SecretClipboard(self)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setTimerType(Qt.TimerType.PreciseTimer)  # coarse ones drift by 5 %
        self.idle_timer.timeout.connect(self.lock)
        # Timers stop while the machine sleeps: the wall clock decides after a resume.
        self._last_active = time.time()
        self.wall_check = QTimer(self)
        self.wall_check.setInterval(15_000)
        self.wall_check.timeout.connect(self.check_idle_by_wall_clock)
        app_instance = QCoreApplication.instance()
        if isinstance(app_instance, QGuiApplication):
            app_instance.applicationStateChanged.connect(self.check_idle_by_wall_clock)
        self.watcher = InputWatcher(self)
        self.watcher.active.connect(self._on_user_active)
        self.damaged_box: QMessageBox | None = None
        self.states = QStackedWidget(self)
        self.states.addWidget(self._build_locked())
        self.states.addWidget(self._build_unlocked())
        layout = QVBoxLayout(self)
        layout.addWidget(self.states)

        self.credentials.add_requested.connect(lambda: self._edit(None))
        self.credentials.edit_requested.connect(self._edit)
        self.credentials.selection_changed.connect(self._update_buttons)
        ctx.events.registry_changed.connect(self._on_registry_changed)
        ctx.events.settings_changed.connect(self._read_settings)
        self._update_buttons()
        app = QCoreApplication.instance()
        if app is not None:  # quitting within the clipboard time must not leave a secret there
            app.aboutToQuit.connect(self._on_about_to_quit)
        self.check_status()

    def _on_about_to_quit(self) -> None:
        if self._vault is not None:
            self._vault.lock()
            self._vault = None
            self._ctx.vault.set(None)
        self.clipboard.clear()

    def _build_locked(self) -> QWidget:
        self.heading = QLabel(self.tr("The vault is locked"), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Your vault passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.unlock_error = QLabel(self)
        self.unlock_error.setStyleSheet(ERROR_STYLE)
        self.unlock_error.setWordWrap(True)
        locked = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        box = QVBoxLayout()
        box.addWidget(self.heading)
        box.addWidget(self.status_label)
        box.addLayout(row)
        box.addWidget(self.unlock_error)
        frame = QWidget(locked)
        frame.setLayout(box)
        frame.setFixedWidth(520)  # a wrapped label needs a definite width to get its height
        outer = QVBoxLayout(locked)
        outer.addStretch(1)
        outer.addWidget(frame, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        return locked

    def _build_unlocked(self) -> QWidget:
        self.credentials = EntityPanel(
            self.tr("Credentials"),
            [
                Column(QCoreApplication.translate("VaultPage", "Name"), lambda c: c.name),
                Column(
                    QCoreApplication.translate("VaultPage", "Kind"), lambda c: kind_label(c.kind)
                ),
                Column(QCoreApplication.translate("VaultPage", "User"), lambda c: c.username),
                Column(QCoreApplication.translate("VaultPage", "System"), lambda c: c.system),
                Column(QCoreApplication.translate("VaultPage", "Tags"), lambda c: c.tags),
                Column(
                    QCoreApplication.translate("VaultPage", "Rotation"),
                    lambda c: (
                        QCoreApplication.translate("VaultPage", "due: change it")
                        if c.rotation_due
                        else ""
                    ),
                    highlight=lambda c: c.rotation_due,
                ),
                Column(
                    QCoreApplication.translate("VaultPage", "Changed by"), lambda c: c.updated_by
                ),
            ],
            self,
        )
        self.credentials.delete_button.hide()  # credentials are not deleted from here
        self.rotation_label = QLabel(self)
        self.notice = QLabel(self)
        self.reveal_button = QPushButton(self.tr("Reveal…"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.history_button = QPushButton(self.tr("History…"), self)
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.reveal_button.clicked.connect(lambda: self._ask_reason(Access.REVEAL))
        self.copy_button.clicked.connect(lambda: self._ask_reason(Access.COPY))
        self.history_button.clicked.connect(self.show_history)
        self.lock_button.clicked.connect(self.lock)
        actions = QHBoxLayout()
        actions.addWidget(self.rotation_label, 1)
        actions.addWidget(self.notice, 2)
        buttons = (self.reveal_button, self.copy_button, self.history_button, self.lock_button)
        for button in buttons:
            actions.addWidget(button)
        unlocked = QWidget(self)
        inner = QVBoxLayout(unlocked)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.credentials, 1)
        inner.addLayout(actions)
        return unlocked

    # -- settings and state -------------------------------------------------------------

    def _read_settings(self) -> None:
        config = self._ctx.config
        self.clipboard_ms = int(config.get("vault.clipboard_seconds")) * 1000
        self.idle_ms = int(config.get("vault.lock_minutes")) * 60_000

    @property
    def unlocked(self) -> bool:
        return self._vault is not None

    def check_status(self) -> None:
        self._ctx.tasks.read(
            vault.status, on_done=self._on_status_loaded, latest=(id(self), "status")
        )

    def _on_status_loaded(self, status: VaultStatus) -> None:
        usable = status.initialised and status.member
        if not status.initialised:
            text = self.tr(
                "The vault is not set up yet: the group leader runs “supportdesk vault init”."
            )
        elif not status.member:
            text = self.tr("You are not a member of the vault: ask the group leader to add you.")
        else:
            text = self.tr(
                "{credentials} credentials. Enter your passphrase to open the vault."
            ).format(credentials=status.credentials)
        self.status_label.setText(text)
        self.passphrase.setEnabled(usable)
        self.unlock_button.setEnabled(usable)

    def _update_buttons(self, *_args: object) -> None:
        has = self.credentials.selected() is not None
        self.reveal_button.setEnabled(has)
        self.copy_button.setEnabled(has)
        self.history_button.setEnabled(has)

    # -- unlock, lock, idle -------------------------------------------------------------

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase or not self.unlock_button.isEnabled():
            return
        self.unlock_error.clear()
        self.unlock_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        generation = self._generation
        # Argon2id takes about half a second: off the GUI thread. A write: a key sealed under
        # parameters below today's minimum is re-sealed on the way.
        self._ctx.tasks.write(
            vault.unlock_and_reseal,
            passphrase,
            on_done=lambda opened: self._on_unlocked(generation, opened),
            on_error=self._on_unlock_failed,
        )

    def _on_unlocked(self, generation: int, opened: UnlockedVault) -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.unlock_button.setEnabled(True)
        if generation != self._generation:  # pragma: no cover - locked while unlocking
            opened.lock()
            return
        self._vault = opened
        self._ctx.vault.set(opened)
        self.states.setCurrentIndex(self.UNLOCKED)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.watcher)
        self.idle_timer.start(self.idle_ms)
        self._last_active = time.time()
        self.wall_check.start()
        self.refresh()
        self.credentials.search.setFocus()

    def _on_unlock_failed(self, error: BaseException) -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.passphrase.setFocus()
        if isinstance(error, SupportDeskError):
            self.unlock_error.setText(describe(error))
        else:
            self._ctx.tasks.error_raised.emit(error)

    def _on_user_active(self) -> None:
        if self._vault is not None:
            self.idle_timer.start(self.idle_ms)
            self._last_active = time.time()

    def check_idle_by_wall_clock(self, *_state: object) -> None:
        """Lock if the idle time has passed by the wall clock (a suspend and resume, which
        the idle timer does not count)."""
        if self._vault is not None and time.time() - self._last_active >= self.idle_ms / 1000:
            self.lock()

    def lock(self) -> None:
        """Forget the keys (and every secret on screen or on the clipboard)."""
        self._generation += 1
        self.idle_timer.stop()
        self.wall_check.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)
        if self._vault is not None:
            self._vault.lock()
            self._vault = None
            self._ctx.vault.set(None)
        self.clipboard.clear()
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self.credentials.search.clear()
        self.credentials.set_rows([])
        self.notice.clear()
        self.states.setCurrentIndex(self.LOCKED)
        self.check_status()
        self.passphrase.setFocus()

    # -- list and edit ------------------------------------------------------------------

    def refresh(self) -> None:
        if self._vault is None:
            return
        generation = self._generation
        self._ctx.tasks.read(
            vault.list_credentials,
            on_done=lambda rows: self._on_credentials_loaded(generation, rows),
            latest=(id(self), "credentials"),
        )

    def _on_credentials_loaded(self, generation: int, rows: list[CredentialRow]) -> None:
        if generation != self._generation:
            return
        self.credentials.set_rows(rows, keep=lambda c: c.id)
        due = sum(1 for c in rows if c.rotation_due)
        self.rotation_label.setText(
            self.tr("{count} due for rotation").format(count=due) if due else ""
        )
        self.rotation_label.setStyleSheet(ERROR_STYLE if due else "")

    def _on_registry_changed(self, entity: str) -> None:
        if entity in {"credential", "system", "project", "customer"}:
            self.refresh()

    def _edit(self, row: CredentialRow | None) -> None:
        opened = self._vault
        if opened is None:
            return
        generation = self._generation

        def open_dialog(systems: list[SystemRow]) -> None:
            if generation == self._generation:
                credential_dialog(self._ctx, opened, systems, row, self).open()

        self._ctx.tasks.read(registry.list_systems, on_done=open_dialog)

    # -- reveal and copy ----------------------------------------------------------------

    def show_history(self) -> None:
        row = self.credentials.selected()
        if row is None or self._vault is None:
            return
        generation = self._generation

        def open_dialog(rows: list[HistoryRow]) -> None:
            if generation != self._generation:
                return
            self.history_dialog = HistoryDialog(row.name, rows, self)
            self.history_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.history_dialog.access_requested.connect(
                lambda key, access: self._ask_reason(access, row, key, self.history_dialog)
            )
            self.history_dialog.open()

        self._ctx.tasks.read(
            vault.history, row.name, on_done=open_dialog, on_error=lambda e: warn(self, e)
        )

    def _ask_reason(
        self,
        access: Access,
        row: CredentialRow | None = None,
        history_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        row = row or self.credentials.selected()
        if row is None or self._vault is None:
            return
        if history_id is None:
            title = self.tr("Reveal secret") if access == Access.REVEAL else self.tr("Copy secret")
        elif access == Access.REVEAL:
            title = self.tr("Reveal earlier secret")
        else:
            title = self.tr("Copy earlier secret")
        required = bool(self._ctx.config.get("vault.reason_required"))
        dialog = ReasonDialog(title, row.name, required, parent or self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._access(row, access, dialog.reason.text(), history_id))
        dialog.open()

    def _access(
        self, row: CredentialRow, access: Access, reason: str, history_id: int | None = None
    ) -> None:
        if self._vault is None:
            return
        generation = self._generation
        # A write: the audit event commits before the secret is shown or copied.
        if history_id is None:
            task: tuple[Any, ...] = (_reveal, self._vault, row.name, reason, access)
        else:
            task = (_reveal_earlier, self._vault, row.name, history_id, reason, access)
        self._ctx.tasks.write(
            *task,
            on_done=lambda revealed: self._on_revealed(generation, row, access, revealed),
            on_error=lambda error: warn(self, error),
        )

    def _on_revealed(
        self, generation: int, row: CredentialRow, access: Access, revealed: Revealed
    ) -> None:
        if generation != self._generation:
            return  # locked meanwhile: show nothing
        if revealed.secret is None:
            self.damaged_box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Secret of {name}").format(name=row.name),
                describe(SecretDamaged()),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.damaged_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.damaged_box.open()
            return
        if access == Access.COPY:
            self.clipboard.copy(revealed.secret, self.clipboard_ms)
            self.notice.setText(
                self.tr("Copied {name}; the clipboard is cleared in {seconds} s.").format(
                    name=row.name, seconds=round(self.clipboard_ms / 1000)
                )
            )
            return
        RevealDialog(
            row.name, revealed.secret, self.reveal_seconds, self, revealed.passphrase
        ).open()
