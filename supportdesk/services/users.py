"""Users and roles; permissions are checked here, not only by hiding buttons."""

from __future__ import annotations

from sqlalchemy import exc, func, select
from sqlalchemy.orm import Session

from supportdesk.db import audit, team
from supportdesk.db.models import User
from supportdesk.domain.errors import PermissionDeniedError, ValidationError
from supportdesk.domain.registry import UserRow, limited, valid_email, valid_login
from supportdesk.domain.roles import Permission, Role, allows

INSUFFICIENT_PRIVILEGE = "42501"


def _row(user: User) -> UserRow:
    return UserRow(user.id, user.login, user.name, user.email, user.role, user.active)


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError(
            "role", "bad_choice", value=value, choices=", ".join(r.value for r in Role)
        ) from None


def current_user(session: Session) -> UserRow | None:
    login = audit.current_actor(session)
    user = session.scalars(select(User).where(User.login == login)).first()
    return _row(user) if user else None


def require(session: Session, permission: Permission) -> UserRow:
    """The signed-in user, if their role grants `permission`; otherwise PermissionDeniedError."""
    user = current_user(session)
    if user is None or not user.active or not allows(Role(user.role), permission):
        raise PermissionDeniedError(
            user.login if user else audit.current_actor(session), permission
        )
    return user


def ensure_first_admin(session: Session) -> UserRow | None:
    """On a fresh profile the person who opened it (OS user / DB login) becomes administrator."""
    if session.scalar(select(func.count()).select_from(User)):
        return None
    login = audit.current_actor(session)
    try:
        with session.begin_nested():
            user = insert_user(session, login, Role.ADMIN, login, "")
    except exc.DBAPIError as error:
        # Two people opened an empty team database at once: the server's guard let the
        # first become administrator and refuses the second, who is then an ordinary login.
        if getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            return None
        raise
    audit.append(session, "user.bootstrap_admin", f"user:{login}", {"role": Role.ADMIN})
    return _row(user)


def add_user(
    session: Session,
    login: str,
    role: str,
    name: str = "",
    email: str = "",
    password: str | None = None,
    *,
    keep_existing_login: bool = False,
) -> UserRow:
    """`keep_existing_login`: a team login of that name (in this cluster) keeps its password;
    demo data must never reset a real colleague's password."""
    require(session, Permission.USER_ADMIN)
    login = valid_login("login", login)
    checked_role = _role(role)
    name = limited("name", name)
    email = valid_email("email", email)
    if session.scalars(select(User).where(User.login == login)).first():
        raise ValidationError("login", "duplicate", value=login)
    keep = keep_existing_login and team.is_postgres(session) and team.is_team_login(session, login)
    if team.is_postgres(session) and not keep:
        if not password:
            raise ValidationError("password", "required")
        team.create_login(session, login, password)
    user = insert_user(session, login, checked_role, name or login, email)
    audit.append(
        session,
        "user.add",
        f"user:{login}",
        {"role": checked_role, "name": user.name, "email": email},
    )
    return _row(user)


def insert_user(session: Session, login: str, role: str, name: str, email: str) -> User:
    """Add the app_user row; the caller has checked the permission and the values.

    On PostgreSQL team logins may not write app_user themselves (or anyone could make
    themself an administrator by SQL): the row goes through a SECURITY DEFINER function that
    checks, on the server, that the signed-in login is an administrator.
    """
    if team.is_postgres(session) and team.add_user_row(session, login, role, name, email):
        return session.scalars(select(User).where(User.login == login)).one()
    user = User(login=login, name=name, email=email, role=role, active=True)
    session.add(user)
    session.flush()
    return user


def set_role(session: Session, login: str, role: str) -> UserRow:
    require(session, Permission.USER_ADMIN)
    checked_role = _role(role)
    query = select(User).where(User.login == login)
    if not team.is_postgres(session):  # PostgreSQL: the guard function locks app_user instead
        query = query.with_for_update()  # (FOR UPDATE needs the UPDATE right team logins lack)
    user = session.scalars(query).first()
    if user is None:
        # A login typed on the command line or picked in a form: name the field.
        raise ValidationError("login", "unknown_user", value=login)
    if user.role == Role.ADMIN and checked_role != Role.ADMIN:
        admins = session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN, User.active)
        )
        if admins == 1:
            raise ValidationError("role", "last_admin")
    old = user.role
    if team.is_postgres(session) and team.set_user_role(session, login, checked_role):
        session.refresh(user)
    else:
        user.role = checked_role
        session.flush()
    audit.append(session, "user.set_role", f"user:{login}", {"from": old, "to": checked_role})
    return _row(user)


def list_users(session: Session) -> list[UserRow]:
    return [_row(u) for u in session.scalars(select(User).order_by(User.login))]
