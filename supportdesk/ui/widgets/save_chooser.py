"""Where the user saves a copy or an export: one file dialog, opened in the team's document
folder (or the user's documents)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from supportdesk.ui.context import UiContext


def default_folder(ctx: UiContext) -> Path:
    """The team's document folder when this computer has one, else the user's documents."""
    folder = str(ctx.config.get("documents.folder") or "")
    if folder and Path(folder).is_dir():
        return Path(folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def save_chooser(
    parent: QWidget,
    ctx: UiContext,
    title: str,
    name: str,
    chosen: Callable[[Path], None],
    *,
    name_filter: str = "",
    suffix: str = "",
) -> QFileDialog:
    """Opens (window-modal, not blocking) a save dialog proposing `name`; `chosen` gets the
    path. The caller keeps the returned dialog (tests answer it)."""
    chooser = QFileDialog(parent, title)
    chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chooser.setFileMode(QFileDialog.FileMode.AnyFile)
    if name_filter:
        chooser.setNameFilter(name_filter)
    if suffix:
        chooser.setDefaultSuffix(suffix)
    chooser.selectFile(str(default_folder(ctx) / name))
    chooser.fileSelected.connect(lambda path: chosen(Path(path)))
    chooser.open()
    return chooser
