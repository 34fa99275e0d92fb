"""Item and test statistics as Moodle's quiz statistics report computes them.

Ported formula by formula from Moodle's ``question/classes/statistics/questions/
calculator.php`` (per question) and ``mod/quiz/report/statistics/classes/
calculator.php`` (per test), so a trainer who knows Moodle's report reads the same
numbers here:

- per question: facility = mean mark / max mark; SD with ``s - 1``; discrimination
  index = 100 x the correlation of the item's mark with the mark on the rest of the
  test; discriminative efficiency = 100 x that covariance / the largest covariance the
  two sets of marks could have (both sorted, paired in order);
- per test: mean, median (mean of the two middle marks when even), SD with ``s - 1``,
  skewness k3/k2^1.5 and kurtosis k4/k2^2 from the k-statistics, the coefficient of
  internal consistency (Cronbach's alpha) p/(p-1) x (1 - sum of item variances / k2),
  error ratio 100 x sqrt(1 - alpha) and standard error = error ratio x SD / 100.

Every mark here is a score in 0..1 per question (max mark 1). Where Moodle returns
``null`` (too few attempts, a zero variance) these functions return ``None``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemMoodleStats:
    """One question's Moodle statistics (percentages as Moodle shows them)."""

    s: int
    facility: float | None  # 0..1
    sd: float | None  # 0..1 (mark SD / max mark)
    discrimination_index: float | None  # -100..100
    discriminative_efficiency: float | None  # percent


@dataclass(frozen=True)
class ScoreDistribution:
    """The distribution of the trainees' test marks (in percent of the maximum)."""

    count: int
    mean: float | None
    median: float | None
    sd: float | None
    skewness: float | None
    kurtosis: float | None


@dataclass(frozen=True)
class Reliability:
    """Cronbach's alpha and what Moodle derives from it, over complete trainees."""

    count: int
    questions: int
    alpha: float | None  # 0..1 (Moodle shows 100 x alpha as "CIC")
    error_ratio: float | None  # percent
    standard_error: float | None  # percent of the maximum mark


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def item_stats(marks: Sequence[float], other_marks: Sequence[float]) -> ItemMoodleStats:
    """Moodle's statistics of one item: ``marks[i]`` pairs with ``other_marks[i]``.

    ``other_marks[i]`` is the same trainee's mark on the rest of the test.
    """
    s = len(marks)
    if s == 0:
        return ItemMoodleStats(0, None, None, None, None)
    average = _mean(marks)
    if s < 2:
        return ItemMoodleStats(s, average, None, None, None)
    other_average = _mean(other_marks)
    sorted_marks = sorted(marks)
    sorted_other = sorted(other_marks)
    variance_sum = sum((m - average) ** 2 for m in marks)
    other_variance_sum = sum((o - other_average) ** 2 for o in other_marks)
    covariance_sum = sum(
        (m - average) * (o - other_average) for m, o in zip(marks, other_marks, strict=True)
    )
    covariance_max_sum = sum(
        (m - average) * (o - other_average) for m, o in zip(sorted_marks, sorted_other, strict=True)
    )
    variance = variance_sum / (s - 1)
    other_variance = other_variance_sum / (s - 1)
    covariance = covariance_sum / (s - 1)
    covariance_max = covariance_max_sum / (s - 1)
    product = variance * other_variance
    index = 100 * covariance / math.sqrt(product) if product > 1e-15 else None
    # Moodle divides whenever the maximum is not 0; near 0 the ratio is rounding noise.
    efficiency = (
        100 * covariance / covariance_max
        if index is not None and abs(covariance_max) > 1e-12
        else None
    )
    return ItemMoodleStats(s, average, math.sqrt(variance), index, efficiency)


def median(values: Sequence[float]) -> float | None:
    """The middle value, or the mean of the two middle ones (Moodle's median)."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return None
    if n % 2:
        return ordered[n // 2]
    return (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def _k_statistics(values: Sequence[float]) -> tuple[float, float, float | None]:
    s = len(values)
    average = _mean(values)
    m2 = sum((v - average) ** 2 for v in values) / s
    m3 = sum((v - average) ** 3 for v in values) / s
    m4 = sum((v - average) ** 4 for v in values) / s
    k2 = s * m2 / (s - 1)
    k3 = s * s * m3 / ((s - 1) * (s - 2))
    k4 = None
    if s > 3:
        k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
    return k2, k3, k4


def distribution_stats(marks: Sequence[float]) -> ScoreDistribution:
    """Mean, median, SD, skewness and kurtosis of the test marks, as Moodle has them."""
    s = len(marks)
    if s == 0:
        return ScoreDistribution(0, None, None, None, None, None)
    average = _mean(marks)
    sd = skewness = kurtosis = None
    if s > 1:
        sd = math.sqrt(sum((m - average) ** 2 for m in marks) / (s - 1))
    if s > 2:
        k2, k3, k4 = _k_statistics(marks)
        if k2 > 1e-15:
            skewness = k3 / k2**1.5
            if k4 is not None:
                kurtosis = k4 / (k2 * k2)
    return ScoreDistribution(s, average, median(marks), sd, skewness, kurtosis)


def reliability(matrix: Sequence[Sequence[float]]) -> Reliability:
    """Cronbach's alpha of a complete trainee x question matrix of 0..1 marks.

    The test mark is the sum of the item marks (Moodle's ``sumgrades``); the standard
    error is turned into percent of the maximum (the number of questions).
    """
    s = len(matrix)
    p = len(matrix[0]) if matrix else 0
    if s <= 2 or p <= 1:
        return Reliability(s, p, None, None, None)
    totals = [sum(row) for row in matrix]
    k2, _, _ = _k_statistics(totals)
    if k2 <= 1e-15:
        return Reliability(s, p, None, None, None)
    item_variance_sum = 0.0
    for column in range(p):
        marks = [row[column] for row in matrix]
        average = _mean(marks)
        item_variance_sum += sum((m - average) ** 2 for m in marks) / (s - 1)
    alpha = p / (p - 1) * (1 - item_variance_sum / k2)
    error_ratio = 100 * math.sqrt(max(0.0, 1 - alpha))
    sd_percent = math.sqrt(k2) / p * 100
    return Reliability(s, p, alpha, error_ratio, error_ratio * sd_percent / 100)
