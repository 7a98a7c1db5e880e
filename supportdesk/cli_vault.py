"""`supportdesk vault ...`: the credential vault from the command line.

Passphrases come from a prompt or, for scripts, from --passphrase-file; never from an
argument (it would sit in the shell history and the process list). Secrets come from
standard input (--secret-stdin) and are printed only by `vault reveal`, which is audited.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, _emit, _open, _plain, _speaking, system_id_by_name

log = logging.getLogger(__name__)


def add_parsers(sub: Any) -> None:
    vault = sub.add_parser("vault", help="the team's credential vault").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    passphrase = argparse.ArgumentParser(add_help=False)
    passphrase.add_argument(
        "--passphrase-file", type=Path, help="read the vault passphrase from this file's first line"
    )
    vault.add_parser("init", parents=[passphrase], help="set the vault up (group leader)")
    status = vault.add_parser("status", help="whether the vault is set up and open to you")
    status.add_argument("--json", action="store_true")
    add = vault.add_parser("add", parents=[passphrase], help="add a credential")
    add.add_argument("--name", required=True)
    add.add_argument("--kind", default="other")
    add.add_argument("--user", default="", help="the account's user name")
    add.add_argument("--system", help="the system it belongs to (its name)")
    add.add_argument(
        "--host", help="the host it logs in to (its name; with --system if not unique)"
    )
    add.add_argument("--secret-stdin", action="store_true", required=True)
    _key_passphrase_option(add)
    change = vault.add_parser(
        "set", parents=[passphrase], help="a new secret (the old one goes to the history)"
    )
    change.add_argument("name")
    change.add_argument("--secret-stdin", action="store_true", required=True)
    _key_passphrase_option(change)
    listing = vault.add_parser("list", help="the credentials, never their secrets")
    listing.add_argument("--json", action="store_true")
    reveal = vault.add_parser("reveal", parents=[passphrase], help="print a secret (audited)")
    reveal.add_argument("name")
    reveal.add_argument("--reason", default="")
    reveal.add_argument(
        "--history", type=int, metavar="ID", help="an earlier secret (its id from vault history)"
    )
    reveal.add_argument(
        "--key-passphrase", action="store_true", help="print an ssh-key's passphrase instead"
    )
    earlier = vault.add_parser("history", help="a credential's earlier secrets (never shown)")
    earlier.add_argument("name")
    earlier.add_argument("--json", action="store_true")
    _add_keyring_parsers(vault, passphrase)
    _add_team_parsers(vault, passphrase)


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    path: Path | None = args.passphrase_file
    if path is not None:
        try:
            with path.open(encoding="utf-8-sig") as handle:
                return handle.readline().rstrip("\r\n")
        except OSError as error:
            from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

            raise ValidationError(
                "passphrase_file", "unreadable", detail=error.strerror or str(error)
            ) from None
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

    try:
        first = getpass.getpass("vault passphrase: ")
        if confirm and getpass.getpass("again: ") != first:
            raise ValidationError("passphrase", "mismatch")
    except EOFError:  # no terminal and no --passphrase-file (a scheduler, a pipe)
        raise ValidationError("passphrase", "required") from None
    return first


def _init(args: argparse.Namespace) -> int:
    from supportdesk.crypto import vault_crypto  # noqa: PLC0415
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    passphrase = _passphrase(args, confirm=True)
    kdf = vault_crypto.calibrate()  # about half a second here: the machine the key lives on
    with app.db.write() as session:
        vault.init_vault(session, passphrase, kdf).lock()
    print(f"vault ready (Argon2id t={kdf.t}, m={kdf.m_kib} KiB, p={kdf.p})")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        state = vault.status(session)
        login = _login(session)
    report = {**_plain(state), "keyring": _keyring_report(args, app, login)}
    _emit(
        report,
        args.json,
        lambda s: "\n".join(
            [
                f"initialised: {'yes' if s['initialised'] else 'no'}",
                f"you are a member: {'yes' if s['member'] else 'no'}",
                f"members: {s['members']}",
                f"team key version: {s['key_version'] or '-'}",
                f"credentials: {s['credentials']} ({s['rotation_due']} due for rotation)",
                _keyring_line(s["keyring"]),
            ]
        ),
    )
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.domain.vault import CredentialForm  # noqa: PLC0415
    from supportdesk.services import registry, vault  # noqa: PLC0415

    app = _open(args)
    secret = sys.stdin.read().rstrip("\r\n")
    opened = _opened(args, app)
    with app.db.read() as session:
        system_id = system_id_by_name(session, args.system) if args.system else None
        host_id = None
        if args.host:
            candidates = registry.host_ids(session, system_id=system_id)
            hosts = [
                h.id for h in registry.hosts_by_ids(session, candidates) if h.name == args.host
            ]
            if len(hosts) != 1:
                code = "not_found" if not hosts else "ambiguous"
                raise ValidationError("host", code, entity="host", value=args.host)
            host_id = hosts[0]
    form = CredentialForm(
        args.name,
        secret,
        kind=args.kind,
        username=args.user,
        system_id=system_id,
        host_id=host_id,
        key_passphrase=_key_passphrase(args),
    )
    try:
        with app.db.write() as session:
            row = vault.save_credential(session, opened, form)
    finally:
        opened.lock()
    print(row.name)
    return EXIT_OK


def _set(args: argparse.Namespace) -> int:
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.domain.vault import CredentialForm  # noqa: PLC0415
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    secret = sys.stdin.read().rstrip("\r\n")
    if not secret:  # an edit without a secret would keep the old one: say so instead
        raise ValidationError("secret", "required")
    opened = _opened(args, app)
    try:
        with app.db.write() as session:
            found = [r for r in vault.list_credentials(session) if r.name == args.name]
            if not found:
                raise ValidationError("name", "not_found", entity="credential", value=args.name)
            row = found[0]
            form = CredentialForm(
                row.name,
                secret,
                kind=row.kind,
                username=row.username,
                system_id=row.system_id,
                host_id=row.host_id,
                url=row.url,
                notes=row.notes,
                tags=row.tags,
                id=row.id,
                version=row.version,
                key_passphrase=_key_passphrase(args),
            )
            vault.save_credential(session, opened, form)
    finally:
        opened.lock()
    print(args.name)
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = vault.list_credentials(session)
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(
            f"{r.name}\t{r.kind}\t{r.username}\t{r.system}"
            + ("\trotation due" if r.rotation_due else "")
            for r in rs
        ),
    )
    return EXIT_OK


def _reveal(args: argparse.Namespace) -> int:
    from supportdesk.domain.errors import SecretDamaged  # noqa: PLC0415
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    opened = _opened(args, app)
    try:
        # The audit event commits first: a secret is never printed unrecorded.
        with app.db.write() as session:
            if args.history is None:
                revealed = vault.reveal(session, opened, args.name, args.reason)
            else:
                revealed = vault.reveal_history(
                    session, opened, args.name, args.history, args.reason
                )
    finally:
        opened.lock()
    if revealed.secret is None:
        raise SecretDamaged()
    if args.key_passphrase:
        if revealed.passphrase is None:
            from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

            raise ValidationError("key_passphrase", "no_key_passphrase", value=args.name)
        print(revealed.passphrase)
    else:
        print(revealed.secret)
    return EXIT_OK


def _key_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--key-passphrase-file",
        type=Path,
        help="an ssh-key's passphrase, from this file's first line (kept with the key)",
    )


def _key_passphrase(args: argparse.Namespace) -> str | None:
    path: Path | None = getattr(args, "key_passphrase_file", None)
    if path is None:
        return None
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return handle.readline().rstrip("\r\n") or None
    except OSError as error:
        from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

        raise ValidationError(
            "key_passphrase", "unreadable", detail=error.strerror or str(error)
        ) from None


def _history(args: argparse.Namespace) -> int:
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = vault.history(session, args.name)
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(
            f"{r.id}\t{r.replaced_at.isoformat(timespec='seconds')}\t{r.replaced_by}" for r in rs
        ),
    )
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("vault", "init"): _init,
    ("vault", "status"): _status,
    ("vault", "add"): _add,
    ("vault", "set"): _set,
    ("vault", "list"): _list,
    ("vault", "reveal"): _reveal,
    ("vault", "history"): _history,
}


# --------------------------------------------------------------------------- team


def _add_team_parsers(vault: Any, passphrase: argparse.ArgumentParser) -> None:
    member = vault.add_parser("member", help="add or remove a vault member (group leader)")
    actions = member.add_subparsers(dest="member_action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add", parents=[passphrase], help="make a user a member (your passphrase unlocks)"
    )
    add.add_argument("login")
    add.add_argument(
        "--member-passphrase-file",
        type=Path,
        help="read the new member's passphrase from this file's first line",
    )
    remove = actions.add_parser(
        "remove",
        parents=[passphrase],
        help="remove a member, rotate the team key, list the credentials to change",
    )
    remove.add_argument("login")
    due = vault.add_parser("rotation-due", help="the credentials to change with the customer")
    due.add_argument("--json", action="store_true")


def _member_passphrase(args: argparse.Namespace) -> str:
    if args.member_passphrase_file is not None:
        return _passphrase(argparse.Namespace(passphrase_file=args.member_passphrase_file))
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

    first = getpass.getpass(f"passphrase of {args.login} (they type it): ")
    if getpass.getpass("again: ") != first:
        raise ValidationError("passphrase", "mismatch")
    return first


def _member(args: argparse.Namespace) -> int:
    from supportdesk.crypto import vault_crypto  # noqa: PLC0415
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    passphrase = _passphrase(args)
    with app.db.read() as session:
        opened = vault.unlock(session, passphrase)
    try:
        if args.member_action == "add":
            member_passphrase = _member_passphrase(args)
            kdf = vault_crypto.calibrate()  # as at init: about half a second on this machine
            with app.db.write() as session:
                vault.add_member(session, opened, args.login, member_passphrase, kdf)
            print(f"{args.login} is a member of the vault")
            return EXIT_OK
        with app.db.write() as session:
            rows = vault.remove_member(session, opened, args.login)
            key_version = vault.status(session).key_version
    finally:
        opened.lock()
    print(f"{args.login} removed; team key rotated to version {key_version}")
    print(f"credentials {args.login} could read, to change with the customer: {len(rows)}")
    for r in rows:
        print(f"{r.name}\t{r.kind}\t{r.username}\t{r.system}")
    return EXIT_OK


def _rotation_due(args: argparse.Namespace) -> int:
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = vault.rotation_due(session)
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(f"{r.name}\t{r.kind}\t{r.username}\t{r.system}" for r in rs),
    )
    return EXIT_OK


HANDLERS.update({("vault", "member"): _member, ("vault", "rotation-due"): _rotation_due})


# --------------------------------------------------------------------------- OS keyring


def _add_keyring_parsers(vault: Any, passphrase: argparse.ArgumentParser) -> None:
    vault.add_parser(
        "unlock",
        parents=[passphrase],
        help="remember your vault key in the OS keyring, so commands stop asking",
    )
    vault.add_parser("lock", help="forget the vault key remembered in the OS keyring")


def _login(session: Any) -> str:
    from supportdesk.services import users  # noqa: PLC0415

    me = users.current_user(session)
    return me.login if me is not None else ""


def _refusal_text(args: argparse.Namespace, refusal: Exception) -> str:
    from supportdesk.ui.messages import describe  # noqa: PLC0415

    with _speaking(args):
        return describe(refusal)


def _keyring_report(args: argparse.Namespace, app: Any, login: str) -> dict[str, Any]:
    store = app.key_store()
    refusal = store.refusal()
    remembered = bool(login) and refusal is None
    if remembered:
        remembered = store.get(app.vault_profile_id(), login) is not None
    return {
        "backend": store.backend_name(),
        "usable": refusal is None,
        "message": None if refusal is None else _refusal_text(args, refusal),
        "key_remembered": remembered,
    }


def _keyring_line(report: dict[str, Any]) -> str:
    if report["usable"]:
        held = "your key is remembered" if report["key_remembered"] else "no key remembered"
        return f"keyring: {report['backend']} (usable; {held})"
    return f"keyring: {report['backend']} (not usable: {report['message']})"


def _opened(args: argparse.Namespace, app: Any) -> Any:
    """The vault, opened by the key the OS keyring remembers, else by the passphrase from
    --passphrase-file, else from a prompt. A passphrase unlock also re-seals a private key
    whose Argon2id parameters are below today's minimum."""
    from supportdesk.crypto import vault_crypto  # noqa: PLC0415
    from supportdesk.domain.errors import WrongPassphrase  # noqa: PLC0415
    from supportdesk.services import vault  # noqa: PLC0415

    store = app.key_store()
    with app.db.read() as session:
        login = _login(session)
    if login and store.usable():
        kek = store.get(app.vault_profile_id(), login)
        if kek is not None:
            try:
                with app.db.read() as session:
                    return vault.unlock_with_key(session, kek)
            except WrongPassphrase:  # passphrase changed or key re-sealed since `vault unlock`
                store.delete(app.vault_profile_id(), login)
                log.info("the vault key remembered in the keyring was stale and is forgotten")
    passphrase = _passphrase(args)
    with app.db.write() as session:
        vault.reseal_if_weak(session, login, passphrase, vault_crypto.new_kdf_params())
        return vault.unlock(session, passphrase)


def _unlock(args: argparse.Namespace) -> int:
    from supportdesk.crypto import vault_crypto  # noqa: PLC0415
    from supportdesk.services import vault  # noqa: PLC0415

    app = _open(args)
    passphrase = _passphrase(args)
    with app.db.write() as session:
        login = _login(session)
        vault.reseal_if_weak(session, login, passphrase, vault_crypto.new_kdf_params())
        kek = vault.member_key(session, passphrase)
    store = app.key_store()
    refusal = store.refusal()
    if refusal is not None:
        print(
            f"keyring {store.backend_name()} not used: {_refusal_text(args, refusal)}\n"
            "the passphrase is right; the vault works by passphrase alone and nothing was stored"
        )
        return EXIT_OK
    store.put(app.vault_profile_id(), login, kek)
    print(f"vault unlocked: your key is remembered in {store.backend_name()} until `vault lock`")
    return EXIT_OK


def _lock(args: argparse.Namespace) -> int:
    app = _open(args)
    with app.db.read() as session:
        login = _login(session)
    store = app.key_store()
    if not login or not store.usable():
        print(f"vault locked (keyring {store.backend_name()} holds no key of yours)")
        return EXIT_OK
    held = store.get(app.vault_profile_id(), login) is not None
    store.delete(app.vault_profile_id(), login)
    print(
        f"vault locked: your key is forgotten by {store.backend_name()}"
        if held
        else f"vault locked ({store.backend_name()} held no key of yours)"
    )
    return EXIT_OK


HANDLERS.update({("vault", "unlock"): _unlock, ("vault", "lock"): _lock})
