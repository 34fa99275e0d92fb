"""Where the session engine gets the time: the system clock, or a fake one in tests.

Exam time limits are measured with this clock only, so a test can run an exam out
of time by advancing a :class:`FakeClock` instead of waiting.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Something that tells the current time, timezone-aware in UTC."""

    def now(self) -> datetime:
        """The current time (tz-aware, UTC)."""
        ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        """The current time (tz-aware, UTC)."""
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        if start is None:
            start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")  # i18n: ignore tests
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        """The current fake time."""
        return self._now

    def advance(self, seconds: float = 0.0, **timedelta_kwargs: float) -> datetime:
        """Move the clock forward (``advance(90)``, ``advance(minutes=5)``); returns now."""
        step = timedelta(seconds=seconds, **timedelta_kwargs)
        if step < timedelta(0):
            raise ValueError("a clock does not run backwards")  # i18n: ignore tests only
        self._now += step
        return self._now

    def set_to(self, moment: datetime) -> datetime:
        """Set the clock to any moment, earlier too: a computer clock changed by hand."""
        if moment.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware time")  # i18n: ignore tests
        self._now = moment.astimezone(UTC)
        return self._now
