"""Typed SQLAlchemy 2 models of the registry, users and the audit chain."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A moment, always handed back aware. PostgreSQL keeps the zone; SQLite keeps text
    without it, so a moment is stored there in UTC (and compared in UTC: a local-time bound
    would otherwise compare as the wrong text) and read back as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None and dialect.name == "sqlite":
            return value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Rows two people can edit: a stale save fails instead of overwriting (version_id_col)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_by: Mapped[str] = mapped_column(String(63), nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), nullable=False)


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Customer(Versioned, Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    engineer: Mapped[str | None] = mapped_column(
        ForeignKey("app_user.login", onupdate="CASCADE"), nullable=True
    )
    created_on: Mapped[date] = mapped_column(Date)
    first_contact_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True
    )
    projects: Mapped[list[Project]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True
    )
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Contact(Versioned, Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    customer: Mapped[Customer] = relationship(back_populates="contacts")
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Project(Versioned, Base):
    __tablename__ = "project"
    __table_args__ = (UniqueConstraint("customer_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    contract_no: Mapped[str] = mapped_column(String(100), default="")
    planned_acceptance: Mapped[date | None] = mapped_column(Date, nullable=True)
    acceptance_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    customer: Mapped[Customer] = relationship(back_populates="projects")
    systems: Mapped[list[System]] = relationship(
        back_populates="project", cascade="all, delete-orphan", passive_deletes=True
    )
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class System(Versioned, Base):
    __tablename__ = "system"
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    environment: Mapped[str] = mapped_column(String(20))
    under_maintenance: Mapped[bool] = mapped_column(Boolean, default=True)
    # The first month whose inspection is due (set by a handover's sign-off: the month after
    # it); None: every month it is under maintenance.
    maintained_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    project: Mapped[Project] = relationship(back_populates="systems")
    hosts: Mapped[list[Host]] = relationship(
        back_populates="system",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="Host.system_id",
    )
    contracts: Mapped[list[Contract]] = relationship(
        back_populates="system", cascade="all, delete-orphan", passive_deletes=True
    )
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Host(Versioned, Base):
    __tablename__ = "host"
    __table_args__ = (UniqueConstraint("system_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(253))
    port: Mapped[int] = mapped_column(Integer, default=22)
    user: Mapped[str] = mapped_column(String(63), default="")
    jump_host_id: Mapped[int | None] = mapped_column(
        ForeignKey("host.id", ondelete="SET NULL"), nullable=True
    )
    credential: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Space-separated, wrapped in spaces (" app db ") so a tag filter is one LIKE '% tag %'.
    tags: Mapped[str] = mapped_column(String(400), default="")
    system: Mapped[System] = relationship(back_populates="hosts", foreign_keys=[system_id])
    jump_host: Mapped[Host | None] = relationship(remote_side=[id])
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Contract(Versioned, Base):
    __tablename__ = "maintenance_contract"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id", ondelete="CASCADE"), index=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(10))
    salesperson: Mapped[str | None] = mapped_column(
        ForeignKey("app_user.login", onupdate="CASCADE"), nullable=True
    )
    notice_months: Mapped[int] = mapped_column(Integer, default=3)
    system: Mapped[System] = relationship(back_populates="contracts")
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class HostKeyRow(Base):
    """The SSH host key accepted for a host (issue 5): first contact is accepted explicitly,
    a change only by the group leader; both are in the audit chain."""

    __tablename__ = "host_key"
    host_id: Mapped[int] = mapped_column(
        ForeignKey("host.id", ondelete="CASCADE"), primary_key=True
    )
    key_type: Mapped[str] = mapped_column(String(40))
    key_base64: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(60))
    accepted_by: Mapped[str] = mapped_column(String(63))
    accepted_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AuditEvent(Base):
    """One link of the hash chain; `seq` is contiguous from 1 so a deleted row shows."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    at: Mapped[str] = mapped_column(String(40))  # ISO-8601 UTC text: hashed exactly as stored
    actor: Mapped[str] = mapped_column(String(63))
    action: Mapped[str] = mapped_column(String(60), index=True)
    target: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON text, hashed as stored
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """Team rules that live in the database (machine config stays in TOML)."""

    __tablename__ = "team_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


Index("ix_customer_engineer", Customer.engineer)
Index("ix_host_address", Host.address)


class AuditHead(Base):
    """The chain's last (seq, hash): the append lock, and it shows a removed tail."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    hash: Mapped[str] = mapped_column(String(64))


# --- credential vault (issue 4): only ciphertext and public keys live in these tables --------


class VaultKey(Base):
    """One version of the team key; the key itself exists only wrapped for each member."""

    __tablename__ = "vault_key"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(63))


class VaultMember(Base):
    """A user who can open the vault: their X25519 public key, and their private key sealed
    under a key derived from their passphrase (Argon2id, parameters kept per member)."""

    __tablename__ = "vault_member"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(
        ForeignKey("app_user.login", onupdate="CASCADE"), unique=True
    )
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    # Deferred: on PostgreSQL each login reads only its own, through a function (0006).
    sealed_private_key: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    kdf: Mapped[str] = mapped_column(Text)  # KdfParams.to_json()
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())
    added_by: Mapped[str] = mapped_column(String(63))


class VaultWrappedKey(Base):
    """The team key of one version, wrapped for one member."""

    __tablename__ = "vault_wrapped_key"
    member_id: Mapped[int] = mapped_column(
        ForeignKey("vault_member.id", ondelete="CASCADE"), primary_key=True
    )
    key_version: Mapped[int] = mapped_column(ForeignKey("vault_key.version"), primary_key=True)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)


class Credential(Versioned, Base):
    __tablename__ = "credential"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    system_id: Mapped[int | None] = mapped_column(
        ForeignKey("system.id", ondelete="SET NULL"), nullable=True, index=True
    )
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey("host.id", ondelete="SET NULL"), nullable=True
    )
    username: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(String(400), default="")
    # AES-256-GCM under team key `key_version`, bound to ("credential:<id>", "secret").
    # Deferred: on PostgreSQL no team login may SELECT it (migration 0006); the vault service
    # fetches it through an audited function.
    secret: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    key_version: Mapped[int] = mapped_column(ForeignKey("vault_key.version"))
    rotation_due: Mapped[bool] = mapped_column(Boolean, default=False)
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class CredentialHistory(Base):
    """An earlier secret of a credential, still encrypted."""

    __tablename__ = "credential_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    credential_id: Mapped[int] = mapped_column(
        ForeignKey("credential.id", ondelete="CASCADE"), index=True
    )
    # Bound to ("credential_history:<id>", "secret"); deferred as Credential.secret is.
    secret: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    key_version: Mapped[int] = mapped_column(ForeignKey("vault_key.version"))
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime())
    replaced_by: Mapped[str] = mapped_column(String(63))


# --- inspection (issue 5): evidence by SHA-256, runs, results derived from the evidence ------


class Evidence(Base):
    """A document stored by the SHA-256 of its uncompressed bytes, zlib-compressed."""

    __tablename__ = "evidence"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class InspectionConfig(Base):
    """A system's thresholds, expected ports and processes, custom checks (JSON)."""

    __tablename__ = "inspection_config"
    system_id: Mapped[int] = mapped_column(
        ForeignKey("system.id", ondelete="CASCADE"), primary_key=True
    )
    settings: Mapped[str] = mapped_column(Text, default="{}")
    updated_by: Mapped[str] = mapped_column(String(63))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class InspectionRun(Base):
    __tablename__ = "inspection_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    started_by: Mapped[str] = mapped_column(String(63))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    state: Mapped[str] = mapped_column(String(20))  # running, done, cancelled
    # The report: draft -> final (the engineer) -> approved, or back to draft with a comment.
    report_state: Mapped[str] = mapped_column(String(20), default="draft")
    finalized_by: Mapped[str | None] = mapped_column(String(63), nullable=True)
    finalized_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(63), nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    review_comment: Mapped[str] = mapped_column(Text, default="")


class HostInspection(Base):
    """One host in a run: how it went, and the evidence its findings come from."""

    __tablename__ = "host_inspection"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_run.id", ondelete="CASCADE"), index=True
    )
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey("host.id", ondelete="SET NULL"), nullable=True, index=True
    )
    host_name: Mapped[str] = mapped_column(String(100))
    reached: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(String(40))  # an Outcome, or a RemoteError code
    error: Mapped[str] = mapped_column(Text, default="")  # the error's params, JSON
    worst: Mapped[str] = mapped_column(String(20))
    evidence_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("evidence.sha256"), nullable=True
    )
    findings_sha256: Mapped[str] = mapped_column(String(64))
    baseline: Mapped[str] = mapped_column(Text, default="{}")  # compared with next month
    reason: Mapped[str] = mapped_column(Text, default="")  # why not reached, the engineer's words
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime] = mapped_column(UtcDateTime())


class InspectionFinding(Base):
    __tablename__ = "inspection_finding"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host_inspection_id: Mapped[int] = mapped_column(
        ForeignKey("host_inspection.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(200))
    check: Mapped[str] = mapped_column(String(40))
    verdict: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(Text)
    threshold: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text)


class ManualCheck(Base):
    """A manual checklist item of a run (copied from the system's settings at its start)."""

    __tablename__ = "manual_check"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_run.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(Boolean)
    ticked: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    screenshot_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("evidence.sha256"), nullable=True
    )
    checked_by: Mapped[str | None] = mapped_column(String(63), nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class OutboxMessage(Base):
    """A message to deliver (issue 6). The unique key makes each one exactly once: running
    the rules twice, on two machines at once or after a crash adds nothing."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        # `step` 0 is the reminder itself, 1, 2, ... its escalations (each once).
        UniqueConstraint("rule", "subject", "due_on", "recipient", "channel", "step"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(254))
    channel: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)  # the facts, JSON
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    reminder_id: Mapped[int | None] = mapped_column(
        ForeignKey("reminder.id", ondelete="CASCADE"), nullable=True, index=True
    )
    step: Mapped[int] = mapped_column(Integer, default=0)
    cc: Mapped[str] = mapped_column(Text, default="")  # mail: copied addresses, comma-separated
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    # Whoever is sending it holds it until lease_until: two agents never send one message.
    lease_owner: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class Reminder(Base):
    """A due reminder (issue 6): what the sales director acknowledges, assigns a salesperson
    to and records the follow-up of (R4.1). Its messages are in the outbox."""

    __tablename__ = "reminder"
    __table_args__ = (UniqueConstraint("rule", "subject", "due_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    facts: Mapped[str] = mapped_column(Text)  # JSON, as the rule found them on the first day
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    acknowledged_by: Mapped[str | None] = mapped_column(String(63), nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    assigned_to: Mapped[str | None] = mapped_column(
        ForeignKey("app_user.login", onupdate="CASCADE"), nullable=True
    )
    outcome: Mapped[str] = mapped_column(String(20), default="open")  # open/pending/renewed/lost
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    escalations: Mapped[int] = mapped_column(Integer, default=0)


class Handover(Versioned, Base):
    """A project's handover into after-sales (issue 7, R1.1-R1.4). No row yet: planned."""

    __tablename__ = "handover"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), unique=True
    )
    state: Mapped[str] = mapped_column(String(20), default="planned")
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # the first signature
    # The reason of an amendment under way: the signed package may be edited until the
    # amendment is signed as the next version. None: frozen (once signed).
    amending: Mapped[str | None] = mapped_column(Text, nullable=True)
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class HandoverIssue(Versioned, Base):
    """An outstanding issue handed over with a project (R1.2 part 2): tracked until closed."""

    __tablename__ = "handover_issue"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    detail: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class HandoverPackage(Versioned, Base):
    """Parts 3 and 4 of a project's handover package (R1.2); one per project."""

    __tablename__ = "handover_package"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), unique=True
    )
    company_scope: Mapped[str] = mapped_column(Text, default="")
    customer_scope: Mapped[str] = mapped_column(Text, default="")
    maintenance_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    maintenance_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    expiry_terms: Mapped[str] = mapped_column(Text, default="")
    after_sales_scope: Mapped[str] = mapped_column(Text, default="")
    support_scope: Mapped[str] = mapped_column(Text, default="")
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class HandoverMaterial(Base):
    """Part 1 of a handover package: a file by SHA-256 (evidence), or where it lives."""

    __tablename__ = "handover_material"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(ForeignKey("evidence.sha256"), nullable=True)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    location: Mapped[str] = mapped_column(String(1000), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[str] = mapped_column(String(63))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())


class HandoverFaq(Versioned, Base):
    """Part 4: one of the project's FAQ entries (they seed the service manual, R2.2)."""

    __tablename__ = "handover_faq"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(String(500))
    answer: Mapped[str] = mapped_column(Text)
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class HandoverSignoff(Base):
    """A signed version of a handover package (R1.3): append-only. The frozen package is the
    evidence named by `package_sha256`; the audit chain records that hash too."""

    __tablename__ = "handover_signoff"
    __table_args__ = (UniqueConstraint("project_id", "version_no"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    version_no: Mapped[int] = mapped_column(Integer)
    signed_on: Mapped[date] = mapped_column(Date)
    our_signers: Mapped[str] = mapped_column(String(500))
    customer_signers: Mapped[str] = mapped_column(String(500))
    scan_name: Mapped[str] = mapped_column(String(255))
    scan_sha256: Mapped[str] = mapped_column(ForeignKey("evidence.sha256"))
    package_sha256: Mapped[str] = mapped_column(ForeignKey("evidence.sha256"))
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(63))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


# --- change log (issue 8, R3.2) --------------------------------------------------------------


class ChangeRecord(Versioned, Base):
    """A change to a system: planned, then executed (or cancelled)."""

    __tablename__ = "change_record"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text)
    planned_start: Mapped[datetime] = mapped_column(UtcDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer)
    impact: Mapped[str] = mapped_column(Text)
    rollback: Mapped[str] = mapped_column(Text)
    executor: Mapped[str] = mapped_column(String(200))
    supervisor: Mapped[str] = mapped_column(ForeignKey("app_user.login", onupdate="CASCADE"))
    state: Mapped[str] = mapped_column(String(20), default="planned")
    executed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    without_notice: Mapped[bool] = mapped_column(Boolean, default=False)
    emergency_reason: Mapped[str] = mapped_column(Text, default="")
    # When the schedule, scope, impact or duration last changed after the change was first
    # recorded: a notice given before that told the customer something else.
    terms_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class ChangeNotice(Base):
    """The customer told of a change: by phone (given_at set), or by mail from the app (given
    once every copy in the outbox is sent)."""

    __tablename__ = "change_notice"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_id: Mapped[int] = mapped_column(
        ForeignKey("change_record.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(10))
    to_whom: Mapped[str] = mapped_column(String(1000))
    given_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(63))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ChangeArtifact(Base):
    """What a change archived: source (a file, an archive, or a commit id) and database
    scripts, files by SHA-256 (evidence); their hashes are in the audit chain."""

    __tablename__ = "change_artifact"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_id: Mapped[int] = mapped_column(
        ForeignKey("change_record.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(ForeignKey("evidence.sha256"), nullable=True)
    commit: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    added_by: Mapped[str] = mapped_column(String(63))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())


# --- backups (issue 8, R3.3) -----------------------------------------------------------------


class BackupJob(Versioned, Base):
    """A backup a system relies on: where it is kept on which host, how often it runs."""

    __tablename__ = "backup_job"
    __table_args__ = (UniqueConstraint("system_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id", ondelete="CASCADE"), index=True)
    host_id: Mapped[int] = mapped_column(ForeignKey("host.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    path: Mapped[str] = mapped_column(String(1000))
    pattern: Mapped[str] = mapped_column(String(200), default="*")
    schedule_hours: Mapped[int] = mapped_column(Integer, default=24)
    credential: Mapped[str] = mapped_column(String(200), default="")  # the repository password
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class BackupCheck(Base):
    """One check of a job over SSH: its findings, derived from the evidence it kept."""

    __tablename__ = "backup_check"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("backup_job.id", ondelete="CASCADE"), index=True)
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    passed: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(String(40))  # checked, or why the host was not read
    findings: Mapped[str] = mapped_column(Text)  # JSON: [{code, ok, params}]
    evidence_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("evidence.sha256"), nullable=True
    )
    checked_by: Mapped[str] = mapped_column(String(63))


class BackupDrill(Base):
    """A restore drill: one backup file restored to a scratch directory on the host, its
    checksum compared with what it should be."""

    __tablename__ = "backup_drill"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("backup_job.id", ondelete="CASCADE"), index=True)
    drilled_at: Mapped[datetime] = mapped_column(UtcDateTime())
    file: Mapped[str] = mapped_column(String(1000))
    reference: Mapped[str] = mapped_column(String(20))  # sums, copy or repository
    expected: Mapped[str] = mapped_column(String(64))
    restored: Mapped[str] = mapped_column(String(64))
    passed: Mapped[bool] = mapped_column(Boolean)
    detail: Mapped[str] = mapped_column(Text, default="")
    evidence_sha256: Mapped[str | None] = mapped_column(
        ForeignKey("evidence.sha256"), nullable=True
    )
    drilled_by: Mapped[str] = mapped_column(String(63))


# --- the service manual (issue 9, R2.2) -------------------------------------------------------


class FaqEntry(Versioned, Base):
    """An entry of the service manual. Its current text may be a draft; the manual prints the
    newest published revision. `search_title`/`search_body` hold the canonical search text
    (domain.faq.canonical) that SQLite's FTS5 tables and PostgreSQL's pg_trgm indexes read."""

    __tablename__ = "faq_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question: Mapped[str] = mapped_column(String(500))
    symptom: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    workaround: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(50), default="")
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), nullable=True, index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("project.id", ondelete="SET NULL"), nullable=True, index=True
    )
    system_id: Mapped[int | None] = mapped_column(
        ForeignKey("system.id", ondelete="SET NULL"), nullable=True, index=True
    )
    applies_version: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    author: Mapped[str] = mapped_column(String(63))
    reviewer: Mapped[str] = mapped_column(String(63), default="")
    review_comment: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)  # the newest revision's number
    published_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The handover FAQ it was taken from: seeding twice must not add it twice.
    handover_faq_id: Mapped[int | None] = mapped_column(
        ForeignKey("handover_faq.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    search_title: Mapped[str] = mapped_column(Text, default="")
    search_body: Mapped[str] = mapped_column(Text, default="")
    # The list before a search: the most recently changed first, without sorting them all.
    __table_args__ = (Index("ix_faq_entry_updated", "updated_at", "id"),)
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class FaqTag(Base):
    __tablename__ = "faq_tag"
    # (tag, entry_id) covers the tag filter: the search probes it without reading the table.
    __table_args__ = (Index("ix_faq_tag_tag_entry", "tag", "entry_id"),)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("faq_entry.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(50), primary_key=True)


class FaqRevision(Base):
    """Every edit, restore and review step of an entry, with the whole content it left:
    insert-only, so any revision can be shown, compared and restored."""

    __tablename__ = "faq_revision"
    __table_args__ = (UniqueConstraint("entry_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("faq_entry.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    by: Mapped[str] = mapped_column(String(63))
    action: Mapped[str] = mapped_column(String(20))
    changed: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[dict[str, object]] = mapped_column(JSON)


class FaqAttachment(Base):
    """A screenshot or script of an entry, stored once by SHA-256 (evidence)."""

    __tablename__ = "faq_attachment"
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("faq_entry.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence.sha256"), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(63))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())


class FaqLink(Base):
    """A record that refers to an entry: kind "handover" (record = project id), later more."""

    __tablename__ = "faq_link"
    __table_args__ = (
        UniqueConstraint("entry_id", "kind", "record_id"),
        Index("ix_faq_link_kind_record", "kind", "record_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("faq_entry.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    linked_by: Mapped[str] = mapped_column(String(63))
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime())


class FaqUploadClaim(Base):
    """Which process is uploading a month's manual: every desktop and agent runs the
    month-end job at the same time of day, and one of them does the work."""

    __tablename__ = "faq_upload_claim"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime())


class FaqUpload(Base):
    """One month-end upload of a manual document to the document system (R2.2), or a
    failed try: insert-only, the record the month-end job and the group leader read."""

    __tablename__ = "faq_upload"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7), index=True)
    document: Mapped[str] = mapped_column(String(20))  # manual or changes
    format: Mapped[str] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(String(1000))  # where it went (no credentials)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    entries: Mapped[int] = mapped_column(Integer, default=0)
    ok: Mapped[bool] = mapped_column(Boolean)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    by: Mapped[str] = mapped_column(String(63))


# --- the monthly optimisation report (issue 10, R2.4) ----------------------------------------


class OptimisationReport(Versioned, Base):
    __tablename__ = "optimisation_report"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class OptimisationItem(Versioned, Base):
    """A bug or problem of the month with its measure; `source_ref` names what it came from
    (an inspection finding, a backup check, a change, a handover issue) so that drafting
    again adds it once; a carried item points at the item it continues."""

    __tablename__ = "optimisation_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("optimisation_report.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    system_id: Mapped[int | None] = mapped_column(
        ForeignKey("system.id", ondelete="SET NULL"), nullable=True
    )
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(20))
    department: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[date] = mapped_column(Date)
    measure: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="open")
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(String(20))
    source_ref: Mapped[str | None] = mapped_column(String(100), nullable=True, unique=True)
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("optimisation_item.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    zentao_task_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    zentao_error: Mapped[str] = mapped_column(String(40), default="")  # why it waits, if so
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class OptimisationStep(Base):
    """One step of the approval chain, with who took it and why: insert-only."""

    __tablename__ = "optimisation_step"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("optimisation_report.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(String(10))
    state_after: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(63))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    comment: Mapped[str] = mapped_column(Text, default="")


# --- rewards for optimisations with a marked effect (issue 10, R5.4) ---------------------------


class Reward(Versioned, Base):
    """An application for a reward, from an approved optimisation report (and maybe one of its
    items), through the report's approval chain. A reward with steps cannot be deleted: the
    steps do not cascade."""

    __tablename__ = "reward"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("optimisation_report.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("optimisation_item.id", ondelete="SET NULL"), nullable=True
    )
    person: Mapped[str] = mapped_column(String(63), index=True)  # app_user.login
    what_changed: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))  # yuan
    state: Mapped[str] = mapped_column(String(20), default="draft")
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class RewardStep(Base):
    """One step of a reward's approval chain, with who took it and why: insert-only."""

    __tablename__ = "reward_step"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reward_id: Mapped[int] = mapped_column(ForeignKey("reward.id"), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    state_after: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(63))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    comment: Mapped[str] = mapped_column(Text, default="")
