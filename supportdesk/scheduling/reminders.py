"""The reminder jobs (issue 6) and the scheduler that runs them: daily rules at the team's
`reminders.time`, delivery every minute (retries wait out their back-off), and a catch-up
at start-up for a day whose run was missed. The desktop and `supportdesk agent` run the
same jobs; the outbox makes any number of them at once send each message once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from supportdesk.domain.delivery import Sender
from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.faq import Grouping, UploadRow
from supportdesk.domain.ports import TaskTracker, UnitOfWork, Uploader
from supportdesk.domain.team_settings import executions
from supportdesk.services import delivery, faq, optimisation, reminder, team_settings

log = logging.getLogger(__name__)

DELIVERY_SECONDS = 60


@dataclass
class ReminderJobs:
    """`senders` builds the channels this process can send on (None for one it cannot:
    no settings, or its secret is in a vault this process has not opened)."""

    db: UnitOfWork
    senders: Callable[[dict[str, Any], set[str]], Mapping[str, Sender]]
    font_file: Path
    owner: str
    today: Callable[[], date] = date.today
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    after_daily: Callable[[], None] = lambda: None  # the desktop polls its inbox at once
    # The document system the month-end manual goes to (R2.2), from the team settings; None
    # where this process cannot reach it (no settings, or its password in a locked vault).
    uploader: Callable[[dict[str, Any]], Uploader | None] = lambda _settings: None
    # ZenTao (R2.4), likewise: the approved reports' measures that still wait are filed.
    tracker: Callable[[dict[str, Any]], TaskTracker | None] = lambda _settings: None
    record_run: bool = True  # False for a run on a made-up day (`--today`): no catch-up skew
    stopping: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def run_rules(self) -> int:
        day = self.today()
        with self.db.write() as session:
            added = reminder.enqueue(session, day, now=self.now())
            if self.record_run:
                reminder.mark_ran(session, day)
        log.info("reminder rules ran for %s: %d new messages", day, added)
        return added

    def deliver(self) -> delivery.DeliveryReport:
        with self.db.read() as session:
            settings = team_settings.all_values(session)
            channels = delivery.ready_channels(session, self.now())
        if not channels:
            return delivery.DeliveryReport(0, 0)
        senders = self.senders(settings, channels)
        day = self.today()

        def attach(session: Any, reminder_id: int) -> Any:
            return reminder.letter_attachments(session, reminder_id, self.font_file, day)

        report = delivery.deliver(
            self.db,
            senders,
            owner=self.owner,
            attach=attach,
            now=self.now,
            cancelled=self.stopping.is_set,  # a stop waits for one send, not for the queue
        )
        if report.sent or report.failed:
            log.info("outbox: %d sent, %d failed", report.sent, report.failed)
        return report

    def month_end(self) -> list[UploadRow]:
        """R2.2: upload the month's manual once it is due (the last day of the month, or the
        first run after it), until every document went through; each try is recorded."""
        with self.db.read() as session:
            settings = team_settings.all_values(session)
            month = faq.upload_owed(session, self.today(), settings)
        if month is None:
            return []
        uploader = self.uploader(settings)
        if uploader is None:
            log.info("the %s manual is not uploaded from here: its target is out of reach", month)
            return []
        with self.db.write() as session:
            if not faq.claim_upload(session, month, self.owner, self.now()):
                log.info("the %s manual is being uploaded by another process", month)
                return []
        made = faq.upload_month(
            self.db,
            month,
            uploader,
            self.font_file,
            formats=faq.export_formats(settings),
            grouping=Grouping(settings["faq.export.grouping"]),
            today=self.today(),
            by_hand=False,
        )
        failed = [u for u in made if not u.ok]
        log.info("manual %s: %d uploaded, %d failed", month, len(made) - len(failed), len(failed))
        return made

    def file_measures(self) -> int:
        """R2.4: an approved report's measures become ZenTao tasks, whoever approved it and
        wherever: what could not go at approval (a locked vault, ZenTao away) goes now. A
        refused login is left to a person (ZenTao locks the account after a few)."""
        with self.db.read() as session:
            settings = team_settings.all_values(session)
            months = optimisation.months_waiting(session)
        if not months:
            return 0
        tracker = self.tracker(settings)
        if tracker is None:
            log.info("measures of %s wait: ZenTao is out of reach from here", ", ".join(months))
            return 0
        where = executions(str(settings["zentao.executions"]))
        filed = 0
        for month in months:
            result = optimisation.push_measures(
                self.db, month, tracker, where, str(settings["zentao.account"])
            )
            filed += len(result.pushed)
            log.info("%s: %d measures filed in ZenTao, %d wait", month, len(result.pushed),
                     len(result.queued))  # fmt: skip
        return filed

    def daily(self) -> None:
        # One at a time in this process: the scheduler's catch-up and its daily trigger
        # may fire together at start-up. The upload goes first, so a failure is among
        # today's reminders.
        with self._lock:
            self._guarded(self.month_end)
            self._guarded(self.file_measures)
            self._guarded(self.run_rules)
            self._guarded(self.deliver)
        if not self.stopping.is_set():  # a closing window may be gone by now
            self._guarded(self.after_daily)

    def deliver_job(self) -> None:
        with self._lock:
            self._guarded(self.deliver)

    def missed(self) -> bool:
        """A run is owed: today's time has passed without one, or a whole day went by."""
        with self.db.read() as session:
            settings = team_settings.all_values(session)
            last = reminder.last_run(session)
        today = self.today()
        hour, minute = _hour_minute(settings["reminders.time"])
        if last is None or last < today - timedelta(days=1):
            return True
        return last < today and datetime.now().time() >= time(hour, minute)

    @staticmethod
    def _guarded(job: Callable[[], object]) -> None:
        # A job that fails (database away, say) must not stop the scheduler: the next
        # trigger tries again, and the log says why.
        try:
            job()
        except SupportDeskError as error:
            log.warning("reminder job %s failed: %s", job.__name__, error)
        except Exception:
            log.exception("reminder job %s failed", job.__name__)


def _hour_minute(text: str) -> tuple[int, int]:
    hour, minute = text.split(":")
    return int(hour), int(minute)


class ReminderScheduler:
    """A started scheduler. APScheduler 3 raises in its own thread (JobLookupError) when shut
    down from another thread while it removes the one-off catch-up job it just ran, which it
    does right after start-up: emptying its job stores first waits for that (same lock)."""

    def __init__(self, scheduler: BackgroundScheduler, jobs: ReminderJobs) -> None:
        self._scheduler = scheduler
        self._jobs = jobs

    def shutdown(self, wait: bool = True) -> None:
        self._jobs.stopping.set()
        self._scheduler.remove_all_jobs()
        self._scheduler.shutdown(wait=wait)


def start(jobs: ReminderJobs, *, delivery_seconds: int = DELIVERY_SECONDS) -> ReminderScheduler:
    """Start the daily run and the delivery loop in a background thread; catch up first."""
    # APScheduler logs every run of every job at INFO: 1,440 lines a day for delivery alone.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    with jobs.db.read() as session:
        at = team_settings.all_values(session)["reminders.time"]
    hour, minute = _hour_minute(at)
    scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1})
    scheduler.add_job(
        jobs.daily,
        CronTrigger(hour=hour, minute=minute),
        id="reminders.daily",
        misfire_grace_time=3600,
    )
    scheduler.add_job(
        jobs.deliver_job, IntervalTrigger(seconds=delivery_seconds), id="outbox.deliver"
    )

    def follow_the_time() -> None:
        # The daily time is a team setting: a change made on another machine reaches a
        # long-running agent within minutes, without a restart.
        nonlocal at
        with jobs.db.read() as session:
            now_at = str(team_settings.all_values(session)["reminders.time"])
        if now_at != at:
            at = now_at
            new_hour, new_minute = _hour_minute(at)
            scheduler.reschedule_job(
                "reminders.daily", trigger=CronTrigger(hour=new_hour, minute=new_minute)
            )
            log.info("reminders: the daily run now starts at %s", at)

    scheduler.add_job(
        lambda: ReminderJobs._guarded(follow_the_time),
        IntervalTrigger(minutes=5),
        id="reminders.time",
    )
    if jobs.missed():
        # A trigger object, not a name: names are looked up in package metadata, which a
        # frozen build may lack.
        scheduler.add_job(
            jobs.daily,
            DateTrigger(),
            id="reminders.catch_up",
            misfire_grace_time=None,  # a slow start-up must not drop it (default grace: 1 s)
        )
        log.info("reminders: catching up on a missed daily run")
    scheduler.start()
    return ReminderScheduler(scheduler, jobs)
