"""Password generator and strength hint for the vault (issue 4): pure, standard library only.

The strength is an honest, simple estimate: the entropy a brute-force attacker faces if they
know which character classes were used (length x log2(pool size)), lowered for secrets that
are one repeated character or a plain run such as "abcd" or "1234". It cannot know that a
password is a dictionary word, so it is a hint, never a guarantee.
"""

from __future__ import annotations

import math
import secrets
import string
from enum import StrEnum

AMBIGUOUS = frozenset("0OoIl1|`'\"")  # look alike in many fonts, or hard to type/quote
SYMBOLS = "!#$%&()*+,-./:;<=>?@[]^_{}~"
MIN_LENGTH = 4
MAX_LENGTH = 256


class Strength(StrEnum):
    WEAK = "weak"  # < 50 bits: an offline attack finds it
    FAIR = "fair"  # < 80 bits
    STRONG = "strong"  # < 100 bits
    VERY_STRONG = "very_strong"


def _classes(
    lower: bool, upper: bool, digits: bool, symbols: bool, avoid_ambiguous: bool
) -> list[str]:
    chosen = [
        chars
        for wanted, chars in (
            (lower, string.ascii_lowercase),
            (upper, string.ascii_uppercase),
            (digits, string.digits),
            (symbols, SYMBOLS),
        )
        if wanted
    ]
    if avoid_ambiguous:
        chosen = ["".join(c for c in chars if c not in AMBIGUOUS) for chars in chosen]
    return chosen


def generate(
    length: int = 20,
    lower: bool = True,
    upper: bool = True,
    digits: bool = True,
    symbols: bool = True,
    avoid_ambiguous: bool = True,
) -> str:
    """A random password from `secrets`, holding at least one character of every chosen
    class (ValueError for no class or a length outside 4..256 or below the class count)."""
    classes = _classes(lower, upper, digits, symbols, avoid_ambiguous)
    if not classes:
        raise ValueError("choose at least one character class")
    if not max(MIN_LENGTH, len(classes)) <= length <= MAX_LENGTH:
        raise ValueError(f"length must be between {MIN_LENGTH} and {MAX_LENGTH}")
    pool = "".join(classes)
    while True:  # rejection sampling keeps every password of the pool equally likely
        candidate = "".join(secrets.choice(pool) for _ in range(length))
        if all(any(c in chars for c in candidate) for chars in classes):
            return candidate


def _pool_size(secret: str) -> int:
    size = 0
    for chars in (string.ascii_lowercase, string.ascii_uppercase, string.digits):
        if any(c in chars for c in secret):
            size += len(chars)
    if any(c in string.punctuation or c == " " for c in secret):
        size += len(string.punctuation) + 1
    if any(ord(c) > 127 for c in secret):
        size += 1000  # CJK and other letters: a deliberately modest guess
    return size


def _effective_length(secret: str) -> float:
    """Characters that add something: a repeat of the previous one, or the next of a run
    ("abc", "321"), counts as a quarter."""
    length = 0.0
    for i, c in enumerate(secret):
        if i and (abs(ord(c) - ord(secret[i - 1])) <= 1):
            length += 0.25
        else:
            length += 1
    return length


def entropy_bits(secret: str) -> float:
    if not secret:
        return 0.0
    return _effective_length(secret) * math.log2(_pool_size(secret))


def strength(secret: str) -> Strength:
    bits = entropy_bits(secret)
    if bits < 50:
        return Strength.WEAK
    if bits < 80:
        return Strength.FAIR
    if bits < 100:
        return Strength.STRONG
    return Strength.VERY_STRONG
