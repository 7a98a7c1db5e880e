"""ZenTao tasks (R2.4): what a measure becomes in ZenTao, and how pushing one fails."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supportdesk.domain.errors import SupportDeskError, ValidationError

# ZenTao's task types ($lang->task->typeList in module/task/lang/*.php), in its own order.
TASK_TYPES = ("design", "devel", "request", "test", "study", "discuss", "ui", "affair", "misc")
PRIORITIES = (1, 2, 3, 4)  # ZenTao's priList: 1 is the most urgent

# Why a push failed; ui/messages.py words them.
#   auth         the account or password was refused: never retried (ZenTao locks an account
#                after repeated failed logins)
#   locked       ZenTao has locked the account after too many failed logins: never retried
#   forbidden    403, the account may not create tasks there
#   unsupported  404, no such route: a server older than the RESTful API v1 (ZenTao < 16)
#   unreachable  no connection (DNS, refused, reset, TLS)
#   timeout      no answer in time
#   http         any other answer (5xx, a 400 naming a missing field, a body without an id)
REASONS = ("auth", "locked", "forbidden", "unsupported", "unreachable", "timeout", "http")


@dataclass(frozen=True, slots=True)
class ZentaoTask:
    """One task as ZenTao's "create task" takes it. `kind` is one of TASK_TYPES, `priority`
    1-4, `assigned_to` a ZenTao account ("" leaves it unassigned), `estimate_hours` ZenTao's
    最初预计."""

    name: str
    description: str
    kind: str = "devel"
    assigned_to: str = ""
    priority: int = 3
    est_started: date | None = None
    deadline: date | None = None
    estimate_hours: float = 0

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("zentao.task.name", "required")
        if self.kind not in TASK_TYPES:
            raise ValidationError("zentao.task.kind", "unknown", value=self.kind)
        if self.priority not in PRIORITIES:
            raise ValidationError(
                "zentao.task.priority", "out_of_range", value=self.priority, min=1, max=4
            )
        if self.estimate_hours < 0:
            raise ValidationError("zentao.task.estimate", "negative", value=self.estimate_hours)
        if self.est_started and self.deadline and self.deadline < self.est_started:
            # ZenTao refuses it too: "截止日期"必须大于"预计开始"
            raise ValidationError("zentao.task.deadline", "before_start")


@dataclass(frozen=True, slots=True)
class ZentaoSettings:
    """Where ZenTao is and who we are there. The password is a vault credential, never here."""

    url: str  # e.g. https://pm.example.com/zentao (the folder that holds api.php)
    account: str


class ZentaoError(SupportDeskError):
    """ZenTao did not take a task: `reason` is one of REASONS, `status` the HTTP status where
    there was one, `detail` ZenTao's own message (e.g. 登录失败...). Never holds a password or
    a token."""

    code = "zentao_failed"

    def __init__(self, reason: str, *, status: int | None = None, detail: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(reason)
        self.reason = reason
        self.status = status
        self.detail = detail
        super().__init__(None, reason=reason, status=status, detail=detail)

    @property
    def never_retry(self) -> bool:
        """A refused login: asking again only brings the account closer to ZenTao's lockout."""
        return self.reason in ("auth", "locked")
