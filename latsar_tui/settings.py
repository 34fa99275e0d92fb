"""The trainee's settings: theme, interface language, Latsar evaluation date, daily review caps, and
"konfirmasi jawaban" (a choice is a highlight and Enter the answer) per kind of quiz.

Kept as JSON at ``Paths.settings_file`` and written atomically (a temporary file in
the same folder, then a rename), so a crash never leaves half a file. A missing or
unreadable file gives the defaults; unknown keys are kept, so an older app version
does not drop what a newer one wrote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from latsar_tui.fileio import write_text_atomically
from latsar_tui.i18n import _, normalise
from latsar_tui.paths import Paths

DEFAULT_DAILY_DUE = 50
DEFAULT_DAILY_NEW = 10
MAX_DAILY = 1000


class SettingsError(ValueError):
    """A setting value that cannot be used (message in the interface language)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the trainee chose. ``exam_date`` is a local calendar date."""

    theme: str | None = None
    # Interface language ("id", "en"); None means the default (see latsar_tui.i18n).
    language: str | None = None
    exam_date: date | None = None
    daily_due: int = DEFAULT_DAILY_DUE
    daily_new: int = DEFAULT_DAILY_NEW
    # Motion can distract or make some readers unwell; off also when TEXTUAL_ANIMATIONS=none.
    animations: bool = True
    # "Konfirmasi jawaban": on in Ujian (a slip there cannot be seen and fixed from
    # feedback), off in Latihan, where one key per answer keeps practice quick.
    confirm_exam: bool = True
    confirm_practice: bool = False
    # Keys this version does not know, kept as they were.
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            **self.extra,
            "theme": self.theme,
            "language": self.language,
            "exam_date": None if self.exam_date is None else self.exam_date.isoformat(),
            "daily_due": self.daily_due,
            "daily_new": self.daily_new,
            "animations": self.animations,
            "confirm_exam": self.confirm_exam,
            "confirm_practice": self.confirm_practice,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from their JSON form; bad values fall back to the defaults."""
        known = {
            "theme",
            "language",
            "exam_date",
            "daily_due",
            "daily_new",
            "animations",
            "confirm_exam",
            "confirm_practice",
        }
        theme = data.get("theme")
        language = data.get("language")
        return cls(
            theme=theme if isinstance(theme, str) and theme else None,
            language=normalise(language) if isinstance(language, str) else None,
            exam_date=_date_or_none(data.get("exam_date")),
            daily_due=_cap_or(data.get("daily_due"), DEFAULT_DAILY_DUE),
            daily_new=_cap_or(data.get("daily_new"), DEFAULT_DAILY_NEW),
            animations=data.get("animations") is not False,
            confirm_exam=_bool_or(data.get("confirm_exam"), True),
            confirm_practice=_bool_or(data.get("confirm_practice"), False),
            extra={k: v for k, v in data.items() if k not in known},
        )

    def confirm_answers(self, exam: bool) -> bool:
        """Whether a choice waits for Enter in an exam (``exam``) or any other quiz."""
        return self.confirm_exam if exam else self.confirm_practice

    def with_exam_date(self, text: str) -> Settings:
        """A copy with the exam date from ``YYYY-MM-DD`` (empty text clears it)."""
        text = text.strip()
        if not text:
            return replace(self, exam_date=None)
        parsed = _date_or_none(text)
        if parsed is None:
            raise SettingsError(
                _("Tanggal '{text}' tidak dikenali; tulis TTTT-BB-HH, mis. 2026-12-15").format(
                    text=text
                )
            )
        return replace(self, exam_date=parsed)

    def with_caps(self, daily_due: int, daily_new: int) -> Settings:
        """A copy with new daily caps (0..1000 each)."""
        for value in (daily_due, daily_new):
            if not 0 <= value <= MAX_DAILY:
                raise SettingsError(
                    _("Batas harian harus antara 0 dan {maximum}").format(maximum=MAX_DAILY)
                )
        return replace(self, daily_due=daily_due, daily_new=daily_new)

    def with_language(self, code: str) -> Settings:
        """A copy with the interface language ``code`` ("id", "en", "en_US"...)."""
        language = normalise(code)
        if language is None:
            raise SettingsError(_("Bahasa '{code}' tidak dikenal").format(code=code))
        return replace(self, language=language)


def _date_or_none(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _bool_or(value: object, default: bool) -> bool:
    return value if isinstance(value, bool) else default


def _cap_or(value: object, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_DAILY:
        return value
    return default


def load_settings(paths: Paths) -> Settings:
    """The saved settings, or the defaults when there is no readable file."""
    try:
        data = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    return Settings.from_dict(data) if isinstance(data, dict) else Settings()


def save_settings(paths: Paths, settings: Settings) -> None:
    """Write the settings atomically (temporary file, fsync, rename)."""
    target = paths.settings_file
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n"
    write_text_atomically(target, text)
