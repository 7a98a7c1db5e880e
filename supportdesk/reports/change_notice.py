"""The words of the change log (R3.2): the notice mailed to the customer before a change
(its schedule, possible impact, scope and duration), and the change history spreadsheet's
head and values, in the installed language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from supportdesk.domain.changes import ChangeRow


def _line(label: str, value: str) -> str:
    # The joint is translated: Chinese puts a full-width colon here.
    return QCoreApplication.translate("ChangeNotice", "{label}: {value}").format(
        label=label, value=value
    )


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return QCoreApplication.translate("ChangeNotice", "{minutes} min").format(minutes=rest)
    if not rest:
        return QCoreApplication.translate("ChangeNotice", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("ChangeNotice", "{hours} h {minutes} min").format(
        hours=hours, minutes=rest
    )


def compose(change: ChangeRow) -> tuple[str, str]:
    """(subject, text) of the notice: what the customer must be told before the change."""
    start = change.planned_start.astimezone()
    subject = QCoreApplication.translate(
        "ChangeNotice", "Planned change to {system} on {day}: {title}"
    ).format(system=change.system, day=start.strftime("%Y-%m-%d"), title=change.title)
    lines = [
        QCoreApplication.translate("ChangeNotice", "Dear {customer},").format(
            customer=change.customer
        ),
        "",
        QCoreApplication.translate(
            "ChangeNotice", "We plan the following change to {system}:"
        ).format(system=change.system),
        "",
        _line(QCoreApplication.translate("ChangeNotice", "Change"), change.title),
        _line(
            QCoreApplication.translate("ChangeNotice", "Schedule"),
            start.strftime("%Y-%m-%d %H:%M"),
        ),
        _line(
            QCoreApplication.translate("ChangeNotice", "Duration"),
            duration_text(change.duration_minutes),
        ),
        _line(QCoreApplication.translate("ChangeNotice", "Scope"), change.scope),
        _line(QCoreApplication.translate("ChangeNotice", "Possible impact"), change.impact),
        _line(QCoreApplication.translate("ChangeNotice", "Reason"), change.reason),
        _line(QCoreApplication.translate("ChangeNotice", "If it fails"), change.rollback),
        "",
        QCoreApplication.translate(
            "ChangeNotice", "Please tell us if this time does not suit you. Reference: change {id}."
        ).format(id=change.id),
    ]
    return subject, "\n".join(lines)


def state_label(state: str) -> str:
    labels = {
        "planned": QCoreApplication.translate("ChangeNotice", "planned"),
        "executed": QCoreApplication.translate("ChangeNotice", "executed"),
        "cancelled": QCoreApplication.translate("ChangeNotice", "cancelled"),
    }
    return labels.get(state, state)


def flag_label(without_notice: bool) -> str:
    return (
        QCoreApplication.translate("ChangeNotice", "executed without notice")
        if without_notice
        else ""
    )


def sheet_head() -> list[str]:
    return [
        QCoreApplication.translate("ChangeNotice", "No."),
        QCoreApplication.translate("ChangeNotice", "Customer"),
        QCoreApplication.translate("ChangeNotice", "System"),
        QCoreApplication.translate("ChangeNotice", "Change"),
        QCoreApplication.translate("ChangeNotice", "Reason"),
        QCoreApplication.translate("ChangeNotice", "Scope"),
        QCoreApplication.translate("ChangeNotice", "Planned start"),
        QCoreApplication.translate("ChangeNotice", "Duration (minutes)"),
        QCoreApplication.translate("ChangeNotice", "Possible impact"),
        QCoreApplication.translate("ChangeNotice", "Rollback plan"),
        QCoreApplication.translate("ChangeNotice", "Executor"),
        QCoreApplication.translate("ChangeNotice", "Supervisor"),
        QCoreApplication.translate("ChangeNotice", "State"),
        QCoreApplication.translate("ChangeNotice", "Executed at"),
        QCoreApplication.translate("ChangeNotice", "Customer notice"),
        QCoreApplication.translate("ChangeNotice", "Emergency reason"),
    ]
