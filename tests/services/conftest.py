"""The reminder team (and its committee member) for these tests."""

from tests.reminder_team import chain, team

__all__ = ["chain", "team"]
