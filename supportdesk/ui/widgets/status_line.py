"""The line under a page's table that says why its data could not be loaded."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from supportdesk.domain.errors import SupportDeskError
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe

ERROR_STYLE = "color: #c62828;"


def show_load_error(ctx: UiContext, line: QLabel, error: BaseException) -> None:
    """A user-facing failure (database away, say) goes on the line: pages reload on a timer,
    and a dialog every minute would help nobody. Anything else is a bug: the error dialog."""
    if not isinstance(error, SupportDeskError):
        ctx.tasks.error_raised.emit(error)
        return
    line.setText(describe(error))
    line.setStyleSheet(ERROR_STYLE)


def clear_load_error(line: QLabel) -> None:
    if line.styleSheet():
        line.clear()
        line.setStyleSheet("")


def say(line: QLabel, text: str) -> None:
    """What a write did, on the page's line (shown only when it has something to say)."""
    line.setText(text)
    line.setStyleSheet("")
    line.show()


def fail(ctx: UiContext, line: QLabel, error: BaseException) -> None:
    """A refused write on the page's line; a bug goes to the error dialog and the log."""
    show_load_error(ctx, line, error)
    if isinstance(error, SupportDeskError):
        line.show()
