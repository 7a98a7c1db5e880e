"""The service manual's uploads window (issue 9, R2.2) against a real WebDAV server: "Upload
now" sends the month's manual and its changes in both formats off the GUI thread and lists
each file; with the server down the failures are listed in words; a member who may not
publish cannot upload; an unconfigured target or a locked vault is said as such; and one
document is exported to a file of the user's choice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.adapters.upload import WebDavUploader
from supportdesk.db.engine import Database
from supportdesk.domain.faq import FaqForm, UploadRow, file_name, month_of_upload
from supportdesk.services import faq, team_settings
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs import faq_upload_dialog
from supportdesk.ui.dialogs.faq_upload_dialog import ManualExportDialog, UploadsDialog
from supportdesk.ui.tasks import TaskRunner
from tests.servers.webdav import WebDavServer, running_webdav
from tests.ui.conftest import TODAY
from tests.ui.helpers import check_model, click, keep, open_dialog, wait_idle

QUESTION = "ORA-01555 快照过旧怎么办？"
THIS_MONTH = f"{TODAY.year}-{TODAY.month:02d}"


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[WebDavServer]:
    with running_webdav(tmp_path / "dav") as server:
        yield server


@pytest.fixture
def published(opened: bootstrap.App) -> None:
    """One entry written, submitted and published by the administrator (a group leader's
    right) this month."""
    with opened.db.write() as s:
        made = faq.save(
            s, FaqForm(QUESTION, symptom="夜间报表失败", solution="调大 undo_retention")
        )
        made = faq.submit(s, made.row.id, made.row.version)
        faq.publish(s, made.row.id, made.row.version)


def configure(opened: bootstrap.App, **values: str) -> None:
    with opened.db.write() as s:
        team_settings.set_many(s, values)


def to_server(ctx: UiContext, server: WebDavServer) -> None:
    """The uploader ui/app.py would build from the settings, without waiting between tries."""
    ctx.uploader = lambda _settings: WebDavUploader(
        server.url, server.user, server.password, wait=lambda _s: None
    )


def shown(dialog: UploadsDialog) -> list[UploadRow]:
    return dialog.model.rows()


def results(dialog: UploadsDialog) -> list[str]:
    model = dialog.model
    return [
        str(model.index(r, faq_upload_dialog.RESULT_COLUMN).data()) for r in range(model.rowCount())
    ]


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation is answered yes; the questions are kept."""
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(faq_upload_dialog, "confirm", confirm)
    return asked


def opened_dialog(qtbot: QtBot, ctx: UiContext) -> UploadsDialog:
    dialog = keep(qtbot, ctx, UploadsDialog(ctx))
    dialog.show()
    wait_idle(qtbot, ctx)
    return dialog


def test_upload_now_sends_four_files_and_lists_failures_in_words(
    qtbot: QtBot,
    ctx: UiContext,
    opened: bootstrap.App,
    dav: WebDavServer,
    published: None,
    answered: list[str],
    qtmodeltester: ModelTester,
) -> None:
    configure(opened, **{"faq.upload.kind": "webdav", "faq.upload.url": dav.url})
    to_server(ctx, dav)
    dialog = opened_dialog(qtbot, ctx)
    assert dialog.chosen_month() == month_of_upload(TODAY)  # the month due, by default
    dialog.month.setDate(QDate(TODAY.year, TODAY.month, 1))
    wait_idle(qtbot, ctx)
    assert shown(dialog) == []
    assert dialog.upload_button.isEnabled()
    click(dialog.upload_button)
    # The upload runs in the background: the window goes on answering meanwhile.
    qtbot.waitUntil(lambda: dialog.running)
    assert dialog.bar.isVisible()
    assert not dialog.upload_button.isEnabled()
    qtbot.waitUntil(lambda: len(shown(dialog)) == 4, timeout=60_000)
    wait_idle(qtbot, ctx)
    assert answered == [
        f"Upload the service manual of {THIS_MONTH} and this month's changes (DOCX + PDF) to "
        f"{dav.url}? Files of the same name there are replaced."
    ]
    assert results(dialog) == ["✔ OK"] * 4
    check_model(qtmodeltester, dialog.model)
    names = {
        file_name(THIS_MONTH, changes, ext) for changes in (False, True) for ext in ("docx", "pdf")
    }
    assert {r.file_name for r in shown(dialog)} == names
    assert {p.name for p in dav.root.iterdir()} == names  # the server holds the four files
    assert all(r.entries >= 1 for r in shown(dialog))
    assert dialog.status.text() == f"Uploaded 4 files of {THIS_MONTH}."
    assert not dialog.bar.isVisible()
    # The document system is down: each file is tried, and listed with the reason in words.
    dav.stop()
    click(dialog.upload_button)
    qtbot.waitUntil(lambda: len(shown(dialog)) == 8, timeout=60_000)
    wait_idle(qtbot, ctx)
    failed = [r for r in shown(dialog) if not r.ok]
    assert len(failed) == 4
    assert all(r.attempts == 3 for r in failed)  # retried before giving up
    reason = f"✘ The document system {dav.url} cannot be reached. Nothing was uploaded."
    assert results(dialog)[:4] == [reason] * 4  # newest first
    assert dialog.status.text().startswith("4 of 4 files were not uploaded. The document system")
    assert "c62828" in dialog.status.styleSheet()
    assert dialog.upload_button.isEnabled()


def test_unconfigured_or_locked_the_dialog_says_why_and_uploads_nothing(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, answered: list[str]
) -> None:
    dialog = opened_dialog(qtbot, ctx)
    click(dialog.upload_button)
    wait_idle(qtbot, ctx)
    assert "No document management system is configured" in dialog.status.text()
    with opened.db.write() as s:
        from supportdesk.crypto import vault_crypto
        from supportdesk.domain.vault import CredentialForm
        from supportdesk.services import vault

        unlocked = vault.init_vault(s, "团队保险库-passphrase-1", vault_crypto.new_kdf_params())
        vault.save_credential(s, unlocked, CredentialForm("dms-pass", "pw-1", kind="other"))
    unlocked.lock()
    configure(
        opened,
        **{
            "faq.upload.kind": "webdav",
            "faq.upload.url": "https://dms.example.cn/dav/",
            "faq.upload.credential": "dms-pass",
        },
    )
    click(dialog.upload_button)
    wait_idle(qtbot, ctx)
    assert dialog.status.text().startswith("Open the vault first")
    assert "dms-pass" in dialog.status.text()
    assert answered == []  # nobody was asked: nothing could go
    assert shown(dialog) == []


def test_only_whoever_may_publish_uploads(qtbot: QtBot, opened: bootstrap.App) -> None:
    db = Database(opened.db.url, actor="zhangsan")  # an engineer
    runner = TaskRunner(db)
    engineer = UiContext(runner, opened.config, today=lambda: TODAY)
    try:
        dialog = opened_dialog(qtbot, engineer)
        assert not dialog.upload_button.isEnabled()
        assert "group leader" in dialog.upload_button.toolTip()
        assert dialog.export_button.isEnabled()  # reading is open to everyone
        dialog.close()
    finally:
        assert runner.shutdown(10_000)
        db.dispose()


def test_export_writes_the_chosen_document(
    qtbot: QtBot, ctx: UiContext, published: None, tmp_path: Path
) -> None:
    dialog = opened_dialog(qtbot, ctx)
    click(dialog.export_button)
    chooser = open_dialog(qtbot, dialog, ManualExportDialog)
    chooser.month.setDate(QDate(TODAY.year, TODAY.month, 1))
    chooser.format.setCurrentIndex(chooser.format.findData("docx"))
    assert chooser.document.currentData() is False  # the whole manual
    click(chooser.ok_button)
    files = open_dialog(qtbot, dialog, QFileDialog)
    assert Path(files.selectedFiles()[0]).name == file_name(THIS_MONTH, False, "docx")
    target = tmp_path / "手册.docx"
    files.selectFile(str(target))
    files.accept()
    wait_idle(qtbot, ctx)
    assert dialog.status.text().startswith(f"Exported: {target} (entries: ")
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert QUESTION in text


def test_failures_of_a_row_read_in_words() -> None:
    row = UploadRow(
        "2026-05", "manual", "pdf", "https://dms.example.cn/dav/", "x.pdf", False, 3,
        "http 507", 2, "", datetime.now(UTC), "admin",
    )  # fmt: skip
    assert faq_upload_dialog.failure_text(row) == (
        "The document system https://dms.example.cn/dav/ answered with HTTP status 507."
    )


def test_an_upload_shows_its_steps_and_can_be_cancelled(
    qtbot: QtBot,
    ctx: UiContext,
    opened: bootstrap.App,
    tmp_path: Path,
    published: None,
    answered: list[str],
) -> None:
    import threading

    from supportdesk.adapters.upload import FolderUploader

    share = tmp_path / "share"
    share.mkdir()
    configure(opened, **{"faq.upload.kind": "folder", "faq.upload.folder": str(share)})
    release = threading.Event()

    class SlowShare(FolderUploader):
        """The first file takes until the test lets it go (a slow network share)."""

        def put(self, name: str, data: bytes) -> str:
            release.wait(30)
            return super().put(name, data)

    ctx.uploader = lambda _settings: SlowShare(share)
    dialog = opened_dialog(qtbot, ctx)
    dialog.month.setDate(QDate(TODAY.year, TODAY.month, 1))
    wait_idle(qtbot, ctx)
    click(dialog.upload_button)
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 4)  # four files: a step each
    assert dialog.cancel_button.isVisible()
    assert "(1 of 4)" in dialog.status.text()
    click(dialog.cancel_button)
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    wait_idle(qtbot, ctx)
    assert len(shown(dialog)) == 1  # the file being sent went; the rest did not start
    assert [p.name for p in share.iterdir()] == [shown(dialog)[0].file_name]
    assert not dialog.cancel_button.isVisible()
