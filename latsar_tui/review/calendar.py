"""The trainee's days: where a local day starts and ends, as UTC times and SQL modifiers.

Daily caps, answers per day and streaks count local calendar days (a trainee in
Makassar who studies at 23:30 studies "today", not tomorrow in UTC). The offset is
the local one at ``now``; Indonesia has no daylight saving time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

# Learning and relearning cards this close to due count as due already, so a question
# answered wrong a minute ago can be retried in the same sitting.
LEARN_AHEAD = timedelta(minutes=20)

# When on the exam date the prediction is made: the morning of the evaluation.
EXAM_HOUR = 8


def local_tz(tz: tzinfo | None = None) -> tzinfo:
    """``tz``, or the system's local time zone."""
    if tz is not None:
        return tz
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else UTC


def today(now: datetime, tz: tzinfo | None = None) -> date:
    """The local calendar date at ``now``."""
    return now.astimezone(local_tz(tz)).date()


def day_start(day: date, tz: tzinfo | None = None) -> datetime:
    """Local midnight at the start of ``day``, in UTC."""
    return datetime.combine(day, time(0), tzinfo=local_tz(tz)).astimezone(UTC)


def day_bounds(now: datetime, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Start and end (next local midnight) of the local day at ``now``, in UTC."""
    day = today(now, tz)
    return day_start(day, tz), day_start(day + timedelta(days=1), tz)


def exam_moment(exam_date: date, tz: tzinfo | None = None) -> datetime:
    """The moment recall is predicted for: the exam date's morning, in UTC."""
    return datetime.combine(exam_date, time(EXAM_HOUR), tzinfo=local_tz(tz)).astimezone(UTC)


def sql_offset(now: datetime, tz: tzinfo | None = None) -> str:
    """The SQLite date modifier that turns a stored UTC time into local time."""
    offset = now.astimezone(local_tz(tz)).utcoffset() or timedelta(0)
    return f"{round(offset.total_seconds() / 60):+d} minutes"
