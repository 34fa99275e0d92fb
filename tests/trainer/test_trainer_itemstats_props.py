"""Properties of the Moodle statistics that must hold for any class (hypothesis).

The report pairs each item with the *mean* of the trainee's other answered items where
Moodle uses their *sum*; with a complete class the two differ by a positive factor, so
the discrimination index and efficiency must not change under ``rest * k + c``.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from latsar_tui.trainer.itemstats import distribution_stats, item_stats, reliability

MARK = st.sampled_from([0.0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0])
PAIRS = st.lists(st.tuples(MARK, st.floats(0, 1, allow_nan=False)), min_size=2, max_size=30)


@given(PAIRS, st.floats(0.1, 50), st.floats(-5, 5))
def test_index_and_efficiency_ignore_the_scale_of_the_rest(
    pairs: list[tuple[float, float]], factor: float, shift: float
) -> None:
    marks = [m for m, _ in pairs]
    rest = [r for _, r in pairs]
    plain = item_stats(marks, rest)
    scaled = item_stats(marks, [r * factor + shift for r in rest])
    if plain.discrimination_index is None or scaled.discrimination_index is None:
        return
    assert abs(plain.discrimination_index - scaled.discrimination_index) < 1e-6
    assert -100 - 1e-6 <= plain.discrimination_index <= 100 + 1e-6
    if plain.discriminative_efficiency is not None and scaled.discriminative_efficiency:
        assert abs(plain.discriminative_efficiency - scaled.discriminative_efficiency) < 1e-6
        # Sorted pairing gives the largest covariance (rearrangement inequality).
        assert plain.discriminative_efficiency <= 100 + 1e-6


@given(st.lists(st.lists(MARK, min_size=3, max_size=3), min_size=3, max_size=20))
def test_alpha_never_exceeds_one(matrix: list[list[float]]) -> None:
    result = reliability(matrix)
    if result.alpha is not None:
        assert result.alpha <= 1 + 1e-9
        assert result.error_ratio is not None and result.error_ratio >= 0


@given(st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=40))
def test_median_and_mean_lie_within_the_marks(marks: list[float]) -> None:
    d = distribution_stats(marks)
    assert d.mean is not None and d.median is not None
    assert min(marks) - 1e-9 <= d.mean <= max(marks) + 1e-9
    assert min(marks) <= d.median <= max(marks)
