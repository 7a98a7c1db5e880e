"""An ssh-key's passphrase travels with its key as one secret (issue 5: key login)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.vault import CredentialForm, check_credential, pack_secret, unpack_secret


@given(st.text(min_size=1), st.text(min_size=1))
def test_a_key_and_its_passphrase_round_trip(key: str, passphrase: str) -> None:
    assert unpack_secret(pack_secret("ssh-key", key, passphrase)) == (key, passphrase)


@given(st.text())
def test_anything_else_is_stored_as_itself(secret: str) -> None:
    assert pack_secret("server", secret, None) == secret
    assert pack_secret("ssh-key", secret, None) == secret
    if not secret.startswith("supportdesk-ssh-key-with-passphrase:v1"):
        assert unpack_secret(secret) == (secret, None)


@pytest.mark.parametrize(
    ("form", "code"),
    [
        (CredentialForm("db", "pw", kind="database", key_passphrase="x"), "only_for_ssh_key"),
        (CredentialForm("k", None, kind="ssh-key", id=1, key_passphrase="x"), "needs_the_key"),
    ],
)
def test_a_passphrase_only_with_an_ssh_key_and_the_key_itself(
    form: CredentialForm, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_credential(form)
    assert (caught.value.field, caught.value.code) == ("key_passphrase", code)
    assert "x" not in repr(form)
