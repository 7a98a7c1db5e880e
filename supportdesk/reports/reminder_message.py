"""The words of a reminder message (mail body, robot post, inbox entry), in the installed
language. The written letter attached to the mail is reports/reminder_letter.py."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication


def problems_text(codes: str) -> str:
    """A backup check's failed findings ("gap, stale"), in words."""
    from supportdesk.reports.inspection_report import problem_label  # noqa: PLC0415

    joint = QCoreApplication.translate("ReminderMessage", ", ")
    return joint.join(problem_label(c.strip()) for c in codes.split(",") if c.strip())


def compose(  # noqa: PLR0912 - one branch per rule, read top to bottom
    rule: str, reference: str, title: str, reason: str, facts: Mapping[str, str], step: int
) -> tuple[str, str]:
    """(subject, text) of one reminder; `step` > 0 marks an escalation (sent again because
    nobody acknowledged it)."""
    if rule == "contract.expiry":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Maintenance ends in {days} days: {customer} {system}"
        ).format(days=facts["days_left"], customer=facts["customer"], system=facts["system"])
        salesperson = (
            QCoreApplication.translate("ReminderMessage", "Salesperson: {name}").format(
                name=facts["salesperson"]
            )
            if facts.get("salesperson")
            else QCoreApplication.translate(
                "ReminderMessage", "No salesperson is assigned yet: please assign one to follow up."
            )
        )
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "The free maintenance period of {system} ({project}, {customer}) ends on "
                "{end}, {days} days from today.",
            ).format(
                system=facts["system"],
                project=facts["project"],
                customer=facts["customer"],
                end=facts["end"],
                days=facts["days_left"],
            ),
            QCoreApplication.translate(
                "ReminderMessage", "Contract period: {start} to {end}"
            ).format(start=facts["start"], end=facts["end"]),
            salesperson,
            QCoreApplication.translate(
                "ReminderMessage",
                "Please acknowledge reminder {ref} in SupportDesk and assign a salesperson "
                "(or: supportdesk reminders ack {id} --assign LOGIN).",
            ).format(ref=reference, id=reference.removeprefix("R-")),
        ]
    elif rule == "inspection.overdue":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Inspection report missing for {period}: {customer} {system}"
        ).format(period=facts["period"], customer=facts["customer"], system=facts["system"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "No inspection report was finalised for {system} ({customer}) in {period} "
                "(R2.3). Please inspect the system and finalise its report.",
            ).format(period=facts["period"], customer=facts["customer"], system=facts["system"])
        ]
    elif rule == "vault.rotation_due":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Credential to change with the customer: {name}"
        ).format(name=facts["credential"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "The credential {name} is marked rotation due (a handover finished or a member "
                "left). Change it with the customer and save the new secret in the vault.",
            ).format(name=facts["credential"])
        ]
    elif rule == "handover.join":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Handover: join {customer} {project} from {join}"
        ).format(customer=facts["customer"], project=facts["project"], join=facts["join_on"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "Final acceptance of {project} ({customer}) is on {acceptance}: the after-sales "
                "group joins from {join} and completes the handover by {due} (R1.1).",
            ).format(
                project=facts["project"],
                customer=facts["customer"],
                acceptance=facts["acceptance"],
                join=facts["join_on"],
                due=facts["due_on"],
            )
        ]
    elif rule == "handover.due":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Handover due {due}: {customer} {project}"
        ).format(customer=facts["customer"], project=facts["project"], due=facts["due_on"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "The handover of {project} ({customer}) must be signed by {due}, two weeks "
                "after acceptance on {acceptance} (R1.1).",
            ).format(
                project=facts["project"],
                customer=facts["customer"],
                acceptance=facts["acceptance"],
                due=facts["due_on"],
            )
        ]
    elif rule == "backup.problem" and facts.get("problem") == "failed":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Backup check failed: {customer} {system} {job}"
        ).format(customer=facts["customer"], system=facts["system"], job=facts["job"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "The backups of {system} ({customer}), job {job}, failed their check on "
                "{since}: {findings}. Data changed or lost within two months must stay "
                "restorable (R3.3): see the Backups page.",
            ).format(
                system=facts["system"],
                customer=facts["customer"],
                job=facts["job"],
                since=facts["since"],
                findings=problems_text(facts["findings"]),
            )
        ]
    elif rule == "backup.problem":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Backups not checked for a week: {customer} {system} {job}"
        ).format(customer=facts["customer"], system=facts["system"], job=facts["job"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "Nobody has checked the backups of {system} ({customer}), job {job}, since "
                "{since}. Run a backup check (R3.3).",
            ).format(
                system=facts["system"],
                customer=facts["customer"],
                job=facts["job"],
                since=facts["since"],
            )
        ]
    elif rule in ("optimisation.review", "optimisation.approval"):
        subject = QCoreApplication.translate(
            "ReminderMessage", "Optimisation report {month} waits for you"
        ).format(month=facts["month"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "The optimisation report of {month} waits for your step: approve it, or return "
                "it with a comment (`supportdesk optimisation show --month {month}`, R2.4).",
            ).format(month=facts["month"])
        ]
    elif rule in ("reward.review", "reward.approval"):
        subject = QCoreApplication.translate(
            "ReminderMessage", "Reward application {reward} waits for you"
        ).format(reward=facts["reward"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "The reward for {person} ({amount} yuan, optimisation report {month}) waits "
                "for your step: approve it, or return it with a comment "
                "(`supportdesk reward list --month {month}`, R5.4).",
            ).format(person=facts["person"], amount=facts["amount"], month=facts["month"])
        ]
    elif rule == "optimisation.missing":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Optimisation report {month} not submitted"
        ).format(month=facts["month"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "{month} has ended and its optimisation summary with next month's measures "
                "was not submitted (R2.4): `supportdesk optimisation draft --month {month}`.",
            ).format(month=facts["month"])
        ]
    elif rule == "faq.upload_failed":
        subject = QCoreApplication.translate(
            "ReminderMessage", "Service manual {month} not uploaded"
        ).format(month=facts["month"])
        lines = [
            QCoreApplication.translate(
                "ReminderMessage",
                "The month-end upload of the service manual for {month} to {target} failed "
                "({error}). It is tried again every day; check the document system's settings "
                "and the Service manual page (R2.2).",
            ).format(
                month=facts["month"], target=facts["target"], error=_upload_error(facts["error"])
            )
        ]
    else:
        subject, lines = title, [reason]
    if step:
        subject = QCoreApplication.translate(
            "ReminderMessage", "[Not acknowledged, reminder {step}] {subject}"
        ).format(step=step, subject=subject)
    return subject, "\n".join(lines)


def _upload_error(error: str) -> str:
    """An upload failure's reason (UploadError.reason, maybe with an HTTP status) in words."""
    reason, _, status = error.partition(" ")
    labels = {
        "unreachable": QCoreApplication.translate("ReminderMessage", "server unreachable"),
        "auth": QCoreApplication.translate("ReminderMessage", "login refused"),
        "refused": QCoreApplication.translate("ReminderMessage", "file refused"),
        "timeout": QCoreApplication.translate("ReminderMessage", "no answer in time"),
        "http": QCoreApplication.translate("ReminderMessage", "server error"),
        "not_tried": QCoreApplication.translate(
            "ReminderMessage", "not tried yet: no agent running, or the vault locked"
        ),
    }
    text = labels.get(reason, reason)
    return f"{text}, HTTP {status}" if status else text
