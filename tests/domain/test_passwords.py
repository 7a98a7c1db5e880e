"""The password generator draws from every chosen class and never an ambiguous character;
the strength hint grows with length and variety and sees through repeats and runs."""

from __future__ import annotations

import string

import pytest

from supportdesk.domain import passwords
from supportdesk.domain.passwords import AMBIGUOUS, SYMBOLS, Strength, generate, strength

CLASSES = {
    "lower": string.ascii_lowercase,
    "upper": string.ascii_uppercase,
    "digits": string.digits,
    "symbols": SYMBOLS,
}


def test_the_default_has_every_class_and_no_ambiguous_character() -> None:
    for _ in range(300):
        secret = generate()
        assert len(secret) == 20
        assert not AMBIGUOUS & set(secret)
        for chars in CLASSES.values():
            assert set(secret) & set(chars)


@pytest.mark.parametrize("only", sorted(CLASSES))
def test_one_class_only(only: str) -> None:
    flags = {name: name == only for name in CLASSES}
    secret = generate(12, **flags)
    assert set(secret) <= set(CLASSES[only]) - AMBIGUOUS


def test_every_class_shows_up_even_in_the_shortest_password() -> None:
    for _ in range(300):
        secret = generate(4)
        assert all(set(secret) & (set(chars) - AMBIGUOUS) for chars in CLASSES.values())


def test_ambiguous_characters_may_be_allowed() -> None:
    seen = set("".join(generate(64, avoid_ambiguous=False) for _ in range(50)))
    assert seen & AMBIGUOUS  # the control: they do turn up when allowed


def test_passwords_differ() -> None:
    assert len({generate() for _ in range(100)}) == 100


@pytest.mark.parametrize(
    "kwargs",
    [
        {"length": 3},
        {"length": 257},
        {"lower": False, "upper": False, "digits": False, "symbols": False},
    ],
)
def test_impossible_requests_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"length|class"):
        generate(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("secret", "expected"),
    [
        ("", Strength.WEAK),
        ("password", Strength.WEAK),
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Strength.WEAK),
        ("abcdefghijklmnopqrstuvwxyz", Strength.WEAK),
        ("12345678901234567890", Strength.WEAK),
        ("Tr0ub4dor&3", Strength.FAIR),
        ("k7#Qm2vX9pL!", Strength.FAIR),
        ("k7#Qm2vX9pL!w4", Strength.STRONG),
        ("k7#Qm2vX9pL!w4Ez8Ray5Tn", Strength.VERY_STRONG),
    ],
)
def test_strength(secret: str, expected: Strength) -> None:
    assert strength(secret) == expected


def test_a_generated_default_password_is_very_strong() -> None:
    assert {strength(generate()) for _ in range(100)} == {Strength.VERY_STRONG}


def test_strength_grows_with_length() -> None:
    bits = [passwords.entropy_bits(generate(n)) for n in (8, 12, 16, 24)]
    assert bits == sorted(bits)
    assert bits[0] < bits[-1]
