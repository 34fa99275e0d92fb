"""The trainee's settings file: defaults, round trip, bad values, atomic writes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from latsar_tui.paths import Paths
from latsar_tui.settings import Settings, SettingsError, load_settings, save_settings


def test_defaults_without_a_file(paths: Paths) -> None:
    settings = load_settings(paths)
    assert settings == Settings()
    assert (settings.daily_due, settings.daily_new, settings.exam_date) == (50, 10, None)
    # "Konfirmasi jawaban": on in Ujian, off in Latihan.
    assert settings.confirm_answers(exam=True) and not settings.confirm_answers(exam=False)


def test_confirm_settings_round_trip_and_ignore_bad_values(paths: Paths) -> None:
    paths.settings_file.write_text(
        json.dumps({"confirm_exam": False, "confirm_practice": "ya"}), "utf-8"
    )
    settings = load_settings(paths)
    assert settings.confirm_exam is False  # the trainee's choice
    assert settings.confirm_practice is False  # not a bool: the default
    save_settings(paths, settings)
    assert load_settings(paths) == settings


def test_round_trip_keeps_unknown_keys(paths: Paths) -> None:
    paths.settings_file.write_text(json.dumps({"theme": "nord", "later": [1, 2]}), "utf-8")
    settings = load_settings(paths).with_exam_date("2026-12-15").with_caps(30, 5)
    save_settings(paths, settings)
    data = json.loads(paths.settings_file.read_text("utf-8"))
    assert data == {
        "theme": "nord",
        "language": None,
        "later": [1, 2],
        "exam_date": "2026-12-15",
        "daily_due": 30,
        "daily_new": 5,
        "confirm_exam": True,
        "confirm_practice": False,
        "animations": True,
    }
    again = load_settings(paths)
    assert again == settings and again.exam_date == date(2026, 12, 15)
    # No temporary file is left behind by the atomic write.
    assert sorted(p.name for p in paths.settings_file.parent.iterdir()) == ["settings.json"]


def test_bad_values_fall_back_and_bad_input_is_refused(paths: Paths) -> None:
    paths.settings_file.write_text(
        json.dumps({"exam_date": "besok", "daily_due": -3, "daily_new": True}), "utf-8"
    )
    assert load_settings(paths) == Settings()
    paths.settings_file.write_text("{ rusak", "utf-8")
    assert load_settings(paths) == Settings()
    with pytest.raises(SettingsError, match="tidak dikenali"):
        Settings().with_exam_date("15/12/2026")
    with pytest.raises(SettingsError, match="antara 0 dan 1000"):
        Settings().with_caps(5000, 1)
    assert Settings(exam_date=date(2026, 1, 1)).with_exam_date(" ").exam_date is None
