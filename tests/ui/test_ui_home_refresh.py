"""The home screen's refresh after an answer queries only that answer's bank again."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, make_app, settle

from latsar_tui.ui.screens.home import HomeScreen


async def test_refresh_after_an_answer_touches_only_its_bank(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(monkeypatch, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert len(app.catalog.banks) == 2
        figures = app.home_figures
        home.refresh_data()
        before = (figures.banks_recomputed, figures.modules_recomputed, figures.full_recomputes)
        bank = app.catalog.banks[1]
        app.store.record_answer(
            bank_id=bank.id,
            question_id=bank.questions[0].id,
            question_hash="h",
            answer_json="0",
            score=0.0,
            answered_at=app.clock.now(),
            question_type=str(bank.questions[0].type),
        )
        home.refresh_data()
        after = (figures.banks_recomputed, figures.modules_recomputed, figures.full_recomputes)
        assert after == (before[0] + 1, before[1], before[2])
        # The figure shown is the new one: the answered question is due for review.
        assert home._due == {bank.id: 1}
