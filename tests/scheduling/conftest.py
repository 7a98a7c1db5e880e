"""The reminder team fixture for these tests."""

from tests.reminder_team import team

__all__ = ["team"]
