"""The team's settings, kept in the database for every desktop and agent: how reminders are
delivered (issue 6: the mail server, chat robots, daily time and escalation) and where the
service manual goes at month end (issue 9, R2.2: a network share or a WebDAV document
management system). Secrets are not settings: the SMTP password, the robots' signing
secrets and the WebDAV password are named vault credentials. Everything is saved in one
transaction, or nothing is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
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
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.delivery import ROBOTS, SECURITY
from supportdesk.domain.errors import PermissionDeniedError, ValidationError
from supportdesk.services import team_settings, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe
from supportdesk.ui.widgets.status_line import ERROR_STYLE


def robot_name(kind: str) -> str:
    names = {
        "dingtalk": QCoreApplication.translate("TeamSettingsDialog", "DingTalk"),
        "wecom": QCoreApplication.translate("TeamSettingsDialog", "WeCom"),
        "feishu": QCoreApplication.translate("TeamSettingsDialog", "Feishu"),
    }
    return names.get(kind, kind)


def load(session: Any) -> tuple[dict[str, Any], list[str]]:
    """The current values, and the vault's credential names to offer (none for a user who
    may not use the vault: the names are then typed)."""
    values = team_settings.all_values(session)
    try:
        names = [c.name for c in vault.list_credentials(session)]
    except PermissionDeniedError:
        names = []
    return values, names


def open_team_settings(ctx: UiContext, parent: QWidget, on_saved: Callable[[], None]) -> None:
    def open_dialog(loaded: tuple[dict[str, Any], list[str]]) -> None:
        dialog = TeamSettingsDialog(ctx, *loaded, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _values: on_saved())
        dialog.open()

    ctx.tasks.read(load, on_done=open_dialog)


class WebhookField(QWidget):
    """A webhook URL, hidden like a password: its query is the robot's access token."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text, self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(self.tr("empty: not used"))
        self.show_toggle = QCheckBox(self.tr("Show"), self)
        self.show_toggle.toggled.connect(self._on_show_toggle_toggled)
        self.setFocusProxy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.show_toggle)

    def text(self) -> str:
        return self.edit.text()

    def _on_show_toggle_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)


class TeamSettingsDialog(QDialog):
    saved = Signal(dict)  # the values as stored

    def __init__(
        self,
        ctx: UiContext,
        values: dict[str, Any],
        credentials: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._credentials = credentials
        self.setWindowTitle(self.tr("Team settings"))
        self.setMinimumWidth(640)
        self.labels: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.chooser: QFileDialog | None = None

        mail, robots, schedule = self._mail(values), self._robots(values), self._schedule(values)
        manual = self._manual(values)
        note = QLabel(
            self.tr(
                "Passwords and signing secrets are never stored here: name the vault "
                "credential that holds each. Delivery from this computer needs the vault "
                "to be open; otherwise the messages wait for the agent or another desktop."
            ),
            self,
        )
        note.setWordWrap(True)
        delivery = QWidget(self)
        delivery_layout = QVBoxLayout(delivery)
        for widget in (mail, robots, schedule, note):
            delivery_layout.addWidget(widget)
        delivery_layout.addStretch(1)
        upload = QWidget(self)
        upload_layout = QVBoxLayout(upload)
        upload_layout.addWidget(manual)
        upload_layout.addWidget(self.manual_note)
        upload_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(delivery, self.tr("Reminders and delivery"))
        self.tabs.addTab(upload, self.tr("Service manual upload"))
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._on_upload_kind_changed()

    def _mail(self, values: dict[str, Any]) -> QGroupBox:
        self.mail_host = QLineEdit(str(values["mail.host"]), self)
        self.mail_host.setPlaceholderText(self.tr("e.g. smtp.exmail.qq.com; empty: no e-mail"))
        self.mail_port = QLineEdit(str(values["mail.port"]), self)
        self.mail_port.setMaximumWidth(100)
        self.mail_security = QComboBox(self)
        labels = {
            "none": self.tr("none (plain text)"),
            "starttls": self.tr("STARTTLS"),
            "ssl": self.tr("SSL/TLS"),
        }
        for value in SECURITY:
            self.mail_security.addItem(labels.get(value, value), value)
        self.mail_security.setCurrentIndex(
            max(self.mail_security.findData(values["mail.security"]), 0)
        )
        self.mail_user = QLineEdit(str(values["mail.user"]), self)
        self.mail_user.setPlaceholderText(self.tr("empty: the server needs no login"))
        self.mail_from = QLineEdit(str(values["mail.from"]), self)
        self.mail_from.setPlaceholderText("supportdesk@example.cn")
        self.mail_credential = self._credential(
            values["mail.credential"], self.tr("empty: the password kept in the OS keyring")
        )
        mail = QGroupBox(self.tr("Mail server (SMTP)"), self)
        form = QFormLayout(mail)
        self._row(form, "mail.host", self.tr("Server"), self.mail_host)
        self._row(form, "mail.port", self.tr("Port"), self.mail_port)
        self._row(form, "mail.security", self.tr("Encryption"), self.mail_security)
        self._row(form, "mail.user", self.tr("Login"), self.mail_user)
        self._row(form, "mail.from", self.tr("Sender address"), self.mail_from)
        self._row(form, "mail.credential", self.tr("Password credential"), self.mail_credential)
        return mail

    def _robots(self, values: dict[str, Any]) -> QGroupBox:
        robots = QGroupBox(self.tr("Chat group robots"), self)
        form = QFormLayout(robots)
        self.robot_urls: dict[str, WebhookField] = {}
        self.robot_secrets: dict[str, QComboBox] = {}
        for kind in ROBOTS:
            url = WebhookField(str(values[f"robots.{kind}.url"]), self)
            secret = self._credential(
                values[f"robots.{kind}.secret"], self.tr("empty: messages are not signed")
            )
            self.robot_urls[kind], self.robot_secrets[kind] = url, secret
            name = robot_name(kind)
            self._row(
                form, f"robots.{kind}.url", self.tr("{robot} webhook").format(robot=name), url
            )
            self._row(
                form,
                f"robots.{kind}.secret",
                self.tr("{robot} signing secret").format(robot=name),
                secret,
            )
        return robots

    def _schedule(self, values: dict[str, Any]) -> QGroupBox:
        self.time = QTimeEdit(QTime.fromString(str(values["reminders.time"]), "HH:mm"), self)
        self.time.setDisplayFormat("HH:mm")
        self.time.setMaximumWidth(100)
        self.escalate_days = QSpinBox(self)
        self.escalate_days.setRange(1, 90)
        self.escalate_days.setSuffix(self.tr(" days"))
        self.escalate_days.setValue(int(values["reminders.escalate_days"]))
        self.escalate_days.setMaximumWidth(140)
        self.max_escalations = QSpinBox(self)
        self.max_escalations.setRange(0, 12)
        self.max_escalations.setSuffix(self.tr(" times"))
        self.max_escalations.setValue(int(values["reminders.max_escalations"]))
        self.max_escalations.setMaximumWidth(140)
        schedule = QGroupBox(self.tr("Daily run"), self)
        form = QFormLayout(schedule)
        self._row(form, "reminders.time", self.tr("Run the rules at"), self.time)
        self._row(
            form,
            "reminders.escalate_days",
            self.tr("Not acknowledged: send again every"),
            self.escalate_days,
        )
        self._row(
            form, "reminders.max_escalations", self.tr("Send again at most"), self.max_escalations
        )
        return schedule

    def _manual(self, values: dict[str, Any]) -> QGroupBox:
        """R2.2: where the month-end manual and this month's changes go, and how they look."""
        self.upload_kind = QComboBox(self)
        kinds = {
            "none": self.tr("Not uploaded"),
            "folder": self.tr("A network share folder"),
            "webdav": self.tr("A WebDAV document management system"),
        }
        for value, label in kinds.items():
            self.upload_kind.addItem(label, value)
        self.upload_kind.setCurrentIndex(
            max(self.upload_kind.findData(values["faq.upload.kind"]), 0)
        )
        self.upload_kind.currentIndexChanged.connect(self._on_upload_kind_changed)
        self.upload_folder = QLineEdit(str(values["faq.upload.folder"]), self)
        self.upload_folder.setPlaceholderText(
            self.tr("e.g. {folder}").format(folder=r"\\dms\manual")
        )
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self.browse_folder)
        folder = QWidget(self)
        folder_layout = QHBoxLayout(folder)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.upload_folder, 1)
        folder_layout.addWidget(self.browse_button)
        folder.setFocusProxy(self.upload_folder)
        self.upload_url = QLineEdit(str(values["faq.upload.url"]), self)
        self.upload_url.setPlaceholderText(self.tr("e.g. https://dms.example.cn/dav/manual/"))
        self.upload_user = QLineEdit(str(values["faq.upload.user"]), self)
        self.upload_user.setPlaceholderText(self.tr("empty: the server needs no login"))
        self.upload_credential = self._credential(
            values["faq.upload.credential"], self.tr("empty: the server needs no password")
        )
        self.grouping = QComboBox(self)
        self.grouping.addItem(self.tr("By system"), "system")
        self.grouping.addItem(self.tr("By category"), "category")
        self.grouping.setCurrentIndex(max(self.grouping.findData(values["faq.export.grouping"]), 0))
        self.formats = QComboBox(self)
        self.formats.addItem(self.tr("DOCX and PDF"), "docx,pdf")
        self.formats.addItem(self.tr("DOCX only"), "docx")
        self.formats.addItem(self.tr("PDF only"), "pdf")
        self.formats.setCurrentIndex(max(self.formats.findData(values["faq.export.formats"]), 0))
        manual = QGroupBox(self.tr("Service manual upload"), self)
        form = QFormLayout(manual)
        self._row(form, "faq.upload.kind", self.tr("Upload to"), self.upload_kind)
        self._row(form, "faq.upload.folder", self.tr("Folder"), folder)
        self._row(form, "faq.upload.url", self.tr("WebDAV URL"), self.upload_url)
        self._row(form, "faq.upload.user", self.tr("Login"), self.upload_user)
        self._row(
            form, "faq.upload.credential", self.tr("Password credential"), self.upload_credential
        )
        self._row(form, "faq.export.grouping", self.tr("Group the entries"), self.grouping)
        self._row(form, "faq.export.formats", self.tr("Formats"), self.formats)
        self.manual_note = QLabel(
            self.tr(
                "On the last day of each month the service manual and this month's changes are "
                "uploaded under month-stamped names, replacing files of the same name. The "
                "WebDAV password is a vault credential: the upload runs where the vault is "
                "open (the agent, or a desktop whose vault is open)."
            ),
            self,
        )
        self.manual_note.setWordWrap(True)
        return manual

    def _on_upload_kind_changed(self, _index: int = 0) -> None:
        kind = self.upload_kind.currentData()
        for key, wanted in (
            ("faq.upload.folder", "folder"),
            ("faq.upload.url", "webdav"),
            ("faq.upload.user", "webdav"),
            ("faq.upload.credential", "webdav"),
        ):
            self.editors[key].setEnabled(kind == wanted)
            self.labels[key].setEnabled(kind == wanted)
        self.formats.setEnabled(kind != "none")
        self.labels["faq.export.formats"].setEnabled(kind != "none")

    def browse_folder(self) -> None:
        chooser = QFileDialog(self, self.tr("The folder the manual goes to"))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if self.upload_folder.text().strip():
            chooser.setDirectory(self.upload_folder.text().strip())
        chooser.fileSelected.connect(self.upload_folder.setText)
        self.chooser = chooser
        chooser.open()

    def _credential(self, current: object, empty: str) -> QComboBox:
        """An editable list of the vault's credential names (free text when none is known)."""
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.addItems(["", *self._credentials])
        combo.setCurrentText(str(current or ""))
        line = combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(empty)
        combo.setToolTip(
            self.tr("The name of a credential in the vault.")
            if self._credentials
            else self.tr(
                "The name of a credential in the vault (the vault's list is not open to you)."
            )
        )
        return combo

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        """A row whose label turns red, with the error under the field, when `key` is wrong."""
        caption = QLabel(label, self)
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(caption, box)
        self.labels[key], self.editors[key], self.errors[key] = caption, widget, error

    @property
    def save_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def values(self) -> dict[str, str]:
        found = {
            "mail.host": self.mail_host.text(),
            "mail.port": self.mail_port.text(),
            "mail.security": str(self.mail_security.currentData()),
            "mail.user": self.mail_user.text(),
            "mail.from": self.mail_from.text(),
            "mail.credential": self.mail_credential.currentText(),
            "reminders.time": self.time.time().toString("HH:mm"),
            "reminders.escalate_days": str(self.escalate_days.value()),
            "reminders.max_escalations": str(self.max_escalations.value()),
            "faq.upload.kind": str(self.upload_kind.currentData()),
            "faq.upload.folder": self.upload_folder.text(),
            "faq.upload.url": self.upload_url.text(),
            "faq.upload.user": self.upload_user.text(),
            "faq.upload.credential": self.upload_credential.currentText(),
            "faq.export.grouping": str(self.grouping.currentData()),
            "faq.export.formats": str(self.formats.currentData()),
        }
        for kind in ROBOTS:
            found[f"robots.{kind}.url"] = self.robot_urls[kind].text()
            found[f"robots.{kind}.secret"] = self.robot_secrets[kind].currentText()
        return found

    def _clear_errors(self) -> None:
        for key, error in self.errors.items():
            error.hide()
            self.labels[key].setStyleSheet("")
        self.general_error.hide()

    def missing_target(self, values: dict[str, str]) -> ValidationError | None:
        """The chosen upload target needs its folder or its URL."""
        kind = values["faq.upload.kind"]
        if kind == "folder" and not values["faq.upload.folder"].strip():
            return ValidationError("faq.upload.folder", "required")
        if kind == "webdav" and not values["faq.upload.url"].strip():
            return ValidationError("faq.upload.url", "required")
        return None

    def _on_buttons_accepted(self) -> None:
        self._clear_errors()
        values = self.values()
        missing = self.missing_target(values)
        if missing is not None:
            self.show_error(missing)
            return
        self.buttons.setEnabled(False)
        # One task, one transaction: set_many checks every value before it stores any.
        self._ctx.tasks.write(
            team_settings.set_many, values, on_done=self._on_saved, on_error=self.show_error
        )

    def _on_saved(self, stored: dict[str, Any]) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(stored)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        """Beside the field the error names (its label in red); anything else above the
        buttons."""
        self.buttons.setEnabled(True)
        text = describe(error)
        if isinstance(error, ValidationError) and error.field in self.errors:
            editor = self.editors[error.field]
            for index in range(self.tabs.count()):
                page = self.tabs.widget(index)
                if page is not None and page.isAncestorOf(editor):
                    self.tabs.setCurrentIndex(index)  # the field in view, on its tab
            self.errors[error.field].setText(text)
            self.errors[error.field].show()
            self.labels[error.field].setStyleSheet(ERROR_STYLE + " font-weight: bold;")
            self.editors[error.field].setFocus()
            return
        self.general_error.setText(text)
        self.general_error.show()
