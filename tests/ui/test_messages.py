"""messages.describe: every error code raised anywhere in supportdesk becomes a sentence
with no leftover {placeholder}, in English and in Simplified Chinese."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import supportdesk
from supportdesk.domain.errors import (
    BatchValidationError,
    ConflictError,
    DatabaseError,
    NotFoundError,
    PermissionDeniedError,
    SupportDeskError,
    ValidationError,
)
from supportdesk.domain.remote import RemoteError
from supportdesk.domain.roles import Permission
from supportdesk.ui.i18n import install_translators
from supportdesk.ui.messages import describe, field_label

# Where each constructor takes its code: ValidationError(field, code), the others (code).
CODE_ARG = {
    "ValidationError": 1,
    "DatabaseError": 0,
    "SupportDeskError": 0,
    "BadValueError": 0,
    "RemoteError": 0,
    "_overrun": 2,  # the SSH adapter's phase errors: RemoteError(phase, host=, seconds=)
}


def raised_codes() -> dict[tuple[str, str], set[str]]:
    """(constructor, code) → the keyword params passed, for every literal code in the source."""
    found: dict[tuple[str, str], set[str]] = {}
    for path in Path(supportdesk.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in CODE_ARG or len(node.args) <= CODE_ARG[name]:
                continue
            code = node.args[CODE_ARG[name]]
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                params = found.setdefault((name, code.value), set())
                params.update(k.arg for k in node.keywords if k.arg)
    return found


CODES = raised_codes()


def error_for(constructor: str, code: str, params: set[str]) -> SupportDeskError:
    values: dict[str, Any] = {p: f"<{p}>" for p in params if p != "row"}
    if constructor == "DatabaseError":
        return DatabaseError(code, **values)
    if constructor == "SupportDeskError":
        return SupportDeskError(code, **values)
    if constructor in {"RemoteError", "_overrun"}:
        return RemoteError(code, **values or {"host": "<host>", "seconds": "<seconds>"})
    # A config parser's BadValueError reaches the user as a ValidationError on the key.
    values.setdefault("value", "<value>")
    return ValidationError("name", code, row=3 if "row" in params else None, **values)


def test_the_scan_finds_the_codes() -> None:
    """The control for the tests below: the source scan really finds what services raise."""
    codes = {code for _kind, code in CODES}
    assert {"required", "bad_email", "end_before_start", "disk_full", "bad_db_url"} <= codes
    assert len(codes) > 30


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QCoreApplication) -> Iterator[str]:
    installed: list[QTranslator] = install_translators(qapp, request.param)
    yield request.param
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(("constructor", "code"), sorted(CODES))
def test_every_raised_code_has_words(language: str, constructor: str, code: str) -> None:
    error = error_for(constructor, code, CODES[constructor, code])
    text = describe(error)
    assert text.strip()
    assert "{" not in text
    assert "}" not in text
    if isinstance(error, ValidationError):
        assert text != f"{field_label('name')}: {code}", f"no words for {code}"
        if error.row is not None:
            assert "3" in text  # the row a user sees
    else:
        assert text != code, f"no words for {code}"


def test_conflict_names_who_changed_it(language: str) -> None:
    text = describe(ConflictError("customer", 7, "zhangsan"))
    assert "zhangsan" in text
    assert "{" not in text
    anonymous = describe(ConflictError("host", 7, None))
    assert anonymous.strip()
    assert "{" not in anonymous
    assert "None" not in anonymous


def test_other_error_kinds(language: str) -> None:
    for error in (
        NotFoundError("contract", 3),
        PermissionDeniedError("lisi", Permission.REGISTRY_EDIT),
        BatchValidationError(
            [
                ValidationError("email", "bad_email", row=4, value="x"),
                ValidationError("name", "required"),
            ]
        ),
        ValidationError("address", "bad_address", where="hosts", value="999.1.1.1"),
        RuntimeError("a bug"),
    ):
        text = describe(error)
        assert text.strip()
        assert "{" not in text


def test_batch_errors_list_every_row(language: str) -> None:
    text = describe(
        BatchValidationError(
            [
                ValidationError("email", "bad_email", row=4, value="wang-at-example"),
                ValidationError("port", "bad_port", row=9, value="0"),
            ]
        )
    )
    lines = text.splitlines()
    assert len(lines) == 2
    assert "4" in lines[0]
    assert "wang-at-example" in lines[0]
    assert "9" in lines[1]


def test_permission_names_the_actor() -> None:
    text = describe(PermissionDeniedError("lisi", Permission.REGISTRY_EDIT))
    assert "lisi" in text
    assert "registry.edit" in text


def test_a_bug_reveals_nothing_of_its_message() -> None:
    text = describe(RuntimeError("postgresql://alice:s3cret@db/x"))
    assert "s3cret" not in text
    assert "log" in text


def test_config_keys_are_shown_as_typed() -> None:
    assert field_label("mail.port") == "SMTP port (mail.port)"
    assert field_label("port") == "port"
    assert field_label("no_such_field") == "no_such_field"
