"""Resource lookup (source tree or PyInstaller bundle) and the interface language."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("zh_CN", "en")


def resource_root() -> Path:
    """`resources/` next to the package, or inside the one-folder build (sys._MEIPASS)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(relative: str) -> Path:
    return resource_root() / relative


def pick_language(requested: str | None, configured: str | None) -> str:
    """--lang wins, then the config, then the system language (any Chinese → zh_CN)."""
    for choice in (requested, configured):
        if choice in LANGUAGES:
            return str(choice)
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Our catalogue plus Qt's own (standard buttons, dialogs); kept alive by the caller."""
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resource_path(f"i18n/supportdesk_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(QLocale(language))
    return installed
