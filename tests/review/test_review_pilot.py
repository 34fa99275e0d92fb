"""The review screens driven with Pilot in a small host app, on the real quiz screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, timedelta
from typing import Any

import pytest
from review_factories import START, answer, seed_answers, two_module_catalog
from textual.app import App

from latsar_tui.content.model import Catalog
from latsar_tui.paths import Paths
from latsar_tui.quiz.clock import FakeClock
from latsar_tui.quiz.session import Mode, QuizSession, SessionResult
from latsar_tui.settings import Settings, load_settings, save_settings
from latsar_tui.store.progress import ProgressStore
from latsar_tui.ui.screens.quiz import QuizScreen
from latsar_tui.ui.screens.review_home import ReviewScreen
from latsar_tui.ui.screens.stats import StatsScreen


class ReviewHost(App[None]):
    """What the quiz screen needs from the app (clock, tick, results), and no more."""

    def __init__(self, catalog: Catalog, store: ProgressStore, paths: Paths, clock: FakeClock):
        super().__init__()
        self.catalog = catalog
        self.store = store
        self.paths = paths
        self.clock = clock
        self.tick_seconds = 0.05
        self.active_session: QuizSession | None = None
        self.results: list[SessionResult] = []

    def on_mount(self) -> None:
        self.push_screen(
            ReviewScreen(
                self.catalog, self.store, self.paths, self.clock, self.open_session, tz=UTC, seed=5
            )
        )

    def open_session(self, session: QuizSession) -> None:
        self.active_session = session
        self.push_screen(QuizScreen(session))

    def show_results(self, result: SessionResult, *, replace: bool = False) -> None:
        self.results.append(result)
        if replace:
            self.pop_screen()


def _text(app: App[Any]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def store(paths: Paths) -> Iterator[ProgressStore]:
    with ProgressStore.open(paths) as opened:
        yield opened


async def test_review_session_to_the_end_drops_the_due_count(
    store: ProgressStore, paths: Paths
) -> None:
    catalog = two_module_catalog()
    for qid in ("q0", "q1", "q2"):
        answer(store, "b1", qid, 1.0, START - timedelta(days=5))
    save_settings(paths, Settings(daily_new=1))
    clock = FakeClock(START)
    app = ReviewHost(catalog, store, paths, clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert "Jatuh tempo: 3 soal" in _text(app)
        assert "Ulangi sekarang: 4 soal (3 ulangan + 1 baru)" in _text(app)
        await pilot.press("u")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert quiz.session.mode is Mode.REVIEW and quiz.session.total == 4
        answered = 0
        while isinstance(app.screen, QuizScreen):
            presented = app.screen.presented
            assert presented is not None
            clock.advance(6)
            await pilot.press(str(presented.display_index(0) + 1))  # option 0 is right
            await pilot.pause()
            answered += 1
            await pilot.press("enter")
            await pilot.pause()
        assert answered == 4
        assert app.screen is screen
        assert app.results[-1].percent == 100.0
        text = _text(app)
        assert "Jatuh tempo: 0 soal" in text
        assert "Ulangi: tidak ada soal untuk hari ini" in text
        assert screen.due is not None
        assert (screen.due.total, screen.due.reviewed_today, screen.due.new_today) == (0, 3, 1)
    assert len(store.cards()) == 4


async def test_exam_date_dialog_and_plan(store: ProgressStore, paths: Paths) -> None:
    catalog = two_module_catalog()
    answer(store, "b2", "q1", 0.0, START - timedelta(hours=1))
    app = ReviewHost(catalog, store, paths, FakeClock(START))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert "Tanggal ujian belum diatur." in _text(app)
        assert "Kesalahan untuk dilatih: 1 soal" in _text(app)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+a", *"2026-13-40", "enter")
        await pilot.pause()
        assert "tidak dikenali" in _text(app)
        field = app.screen.query_one("#exam-date")
        field.value = "2026-03-12"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert load_settings(paths).exam_date == date(2026, 3, 12)
        assert "Ujian 2026-03-12 (10 hari lagi): 0 dari 8 soal" in _text(app)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.mode is Mode.EXAM_PREP
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.total == 1


async def test_statistics_screen_at_fifty_thousand_answers(
    store: ProgressStore, paths: Paths
) -> None:
    catalog = two_module_catalog(per_bank=50)
    questions = [(bank.id, q.id) for bank in catalog.banks for q in bank.questions]
    seed_answers(store, questions, 50_000, START)
    save_settings(paths, Settings(exam_date=date(2026, 3, 20)))
    app = ReviewHost(catalog, store, paths, FakeClock(START))
    async with app.run_test(size=(110, 80)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.stats is not None and screen.stats.total_answers == 50_000
        text = _text(app)
        assert "Jawaban tersimpan: 50000" in text
        assert "Modul m1" in text and "█" in text
        assert "Jawaban per hari" in text  # the chart's title
        shown = sum(day.answers for day in screen.stats.days)
        assert shown == 29 * 24 * 60 + 9 * 60 + 1  # one a minute up to 09:00 today
        assert f"30 hari terakhir: {shown} jawaban pada 30 hari" in text
        await pilot.press("t")
        await pilot.pause()
        assert screen.query_one("#stats-days").display
        assert not screen.query_one("#stats-charts").display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
