"""Every statistic of the class report checked against numpy on a class with gaps.

The class (bank ``stat``: s1 single key A; tf true/false True; sc scenario 5/4/3/2/1
points; m1 multiple key A+B). Marks after re-scoring (``-`` = not answered):

    trainee   s1   tf   sc    m1     note
    t0        1    1    1.0   1
    t1        1    0    0.8   0.5
    t2        0    1    0.6   0      m1 = A + C: one right, one wrong -> 0
    t3        1    1    -     1      skipped sc
    t4        0    0    0.2   -      skipped m1
    t5        -    1    -     -      answered only tf: no "rest of the test"
    t6        -    -    -     -      answered nothing
    t7        0    1    0.4   0.5

numpy computes the same figures independently from this matrix (NaN for a gap):
facility over the trainees who answered (not over all 8), SD with ddof=1, Moodle's
discrimination index as the Pearson correlation of the item with the mean of the
trainee's other answered items, the discriminative efficiency from sorted deviations,
the test's mean/median/SD, skewness and kurtosis from the bias-corrected G1/G2
formulas (written differently from Moodle's k-statistics, same value), Cronbach's
alpha over the complete rows t0, t1, t2, t7, error ratio and standard error.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from latsar_tui.content.model import (
    Bank,
    ChoiceOption,
    MultipleQuestion,
    ScenarioOption,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_hash,
)
from latsar_tui.trainer.report import build_report
from latsar_tui.trainer.results import ResultAnswer, TraineeResults

BANK = Bank(
    id="stat",
    title="Bank Statistik",
    pass_mark=60,
    questions=(
        SingleQuestion(
            id="s1",
            prompt="Soal",
            explanation="E",
            options=(ChoiceOption("a", True), ChoiceOption("b"), ChoiceOption("c")),
        ),
        TrueFalseQuestion(id="tf", prompt="Pernyataan", explanation="E", answer=True),
        ScenarioQuestion(
            id="sc",
            prompt="Apa yang Anda lakukan?",
            explanation="E",
            options=tuple(ScenarioOption(f"t{p}", p, f"f{p}") for p in (5, 4, 3, 2, 1)),
        ),
        MultipleQuestion(
            id="m1",
            prompt="Pilih",
            explanation="E",
            options=(ChoiceOption("a", True), ChoiceOption("b", True), ChoiceOption("c")),
        ),
    ),
)
QIDS = ["s1", "tf", "sc", "m1"]
# What each trainee answered (canonical indices), None = skipped.
ANSWERS: list[dict[str, object]] = [
    {"s1": 0, "tf": True, "sc": 0, "m1": [0, 1]},
    {"s1": 0, "tf": False, "sc": 1, "m1": [0]},
    {"s1": 1, "tf": True, "sc": 2, "m1": [0, 2]},
    {"s1": 0, "tf": True, "m1": [0, 1]},
    {"s1": 2, "tf": False, "sc": 4},
    {"tf": True},
    {},
    {"s1": 1, "tf": True, "sc": 3, "m1": [1]},
]
MARKS = np.array(
    [
        [1, 1, 1.0, 1],
        [1, 0, 0.8, 0.5],
        [0, 1, 0.6, 0],
        [1, 1, np.nan, 1],
        [0, 0, 0.2, np.nan],
        [np.nan, 1, np.nan, np.nan],
        [np.nan, np.nan, np.nan, np.nan],
        [0, 1, 0.4, 0.5],
    ]
)
PLACES = 5e-5  # "to 4 decimal places"


def class_results() -> list[TraineeResults]:
    results = []
    for number, given in enumerate(ANSWERS):
        answers = []
        for minute, (qid, value) in enumerate(given.items()):
            question = BANK.question(qid)
            assert question is not None
            answers.append(
                ResultAnswer(
                    bank="stat",
                    question=qid,
                    question_hash=question_hash(question),
                    answer=value,
                    score=0.0,  # deliberately wrong: the report must re-score
                    answered_at=f"2026-11-01T08:{minute:02d}:00Z",
                    time_taken_seconds=10.0 + number + minute,
                )
            )
        results.append(
            TraineeResults(f"t{number}.json", f"t{number}", f"19{number}", answers, f"u{number}")
        )
    return results


def moodle_item(column: int) -> tuple[float, float, float | None, float | None]:
    """numpy's facility, SD, discrimination index and efficiency of one column."""
    answered = ~np.isnan(MARKS[:, column])
    values = MARKS[answered, column]
    facility = float(values.mean())
    sd = float(values.std(ddof=1))
    others = np.delete(MARKS, column, axis=1)
    has_rest = answered & (np.sum(~np.isnan(others), axis=1) > 0)
    item = MARKS[has_rest, column]
    rest = np.nanmean(others[has_rest], axis=1)
    if item.std() == 0 or rest.std() == 0:
        return facility, sd, None, None
    index = float(np.corrcoef(item, rest)[0, 1] * 100)
    covariance = float(np.cov(item, rest, ddof=1)[0, 1])
    best = np.sum((np.sort(item) - item.mean()) * (np.sort(rest) - rest.mean())) / (len(item) - 1)
    return facility, sd, index, 100 * covariance / float(best)


def test_item_statistics_match_numpy() -> None:
    report = build_report(class_results(), [BANK], "stat")
    items = {item.question_id: item for item in report.items}
    assert [item.question_id for item in report.items] == QIDS
    for column, qid in enumerate(QIDS):
        facility, sd, index, efficiency = moodle_item(column)
        item = items[qid]
        assert item.n == int(np.sum(~np.isnan(MARKS[:, column])))
        assert item.facility == pytest.approx(facility, abs=PLACES), qid
        assert item.sd == pytest.approx(sd, abs=PLACES), qid
        if index is None:
            assert item.discrimination_index is None
        else:
            assert item.discrimination_index == pytest.approx(index, abs=PLACES), qid
            assert item.discriminative_efficiency == pytest.approx(efficiency, abs=PLACES), qid
    # Facility divides by those who answered: sc has 5 answers, not 8 trainees.
    assert items["sc"].n == 5
    assert items["sc"].facility == pytest.approx(3.0 / 5)
    assert items["sc"].facility != pytest.approx(3.0 / 8)
    # Hand check of one index: s1 over t0..t4, t7 (t5 has no s1, t6 nothing).
    assert items["s1"].discrimination_index is not None
    # Time per question: the mean of the recorded seconds (s1 is each trainee's first answer).
    assert items["s1"].mean_time == pytest.approx(np.mean([10, 11, 12, 13, 14, 17]))


def test_upper_lower_index_by_hand() -> None:
    # Marks: t0 1.0, t3 1.0, t5 1.0, t1 0.575, t7 0.475, t2 0.4, t4 0.0667; t6 none.
    # 7 with a mark -> round(0.27 * 7) = 2 per group. Upper (ties by label): t0, t3;
    # lower: t2, t4. s1: upper 1, 1; lower 0, 0 -> D = 1.
    report = build_report(class_results(), [BANK], "stat")
    assert report.group_size == 2
    items = {item.question_id: item for item in report.items}
    assert items["s1"].discrimination == pytest.approx(1.0)
    # tf: upper t0 1, t3 1; lower t2 1, t4 0 -> 1 - 0.5.
    assert items["tf"].discrimination == pytest.approx(0.5)


def test_test_statistics_match_numpy() -> None:
    report = build_report(class_results(), [BANK], "stat")
    per_trainee = np.nanmean(MARKS[:6], axis=1) * 100  # t6 has no mark
    per_trainee = np.append(per_trainee, np.nanmean(MARKS[7]) * 100)
    n = len(per_trainee)
    d = report.distribution
    assert d.count == n == 7
    assert d.mean == pytest.approx(per_trainee.mean(), abs=PLACES)
    assert d.median == pytest.approx(np.median(per_trainee), abs=PLACES)
    assert d.sd == pytest.approx(per_trainee.std(ddof=1), abs=PLACES)
    deviation = per_trainee - per_trainee.mean()
    m2, m3, m4 = (np.mean(deviation**k) for k in (2, 3, 4))
    g1, g2 = m3 / m2**1.5, m4 / m2**2 - 3
    skew = math.sqrt(n * (n - 1)) / (n - 2) * g1
    kurt = (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * g2 + 6)
    assert d.skewness == pytest.approx(skew, abs=PLACES)
    assert d.kurtosis == pytest.approx(kurt, abs=PLACES)

    complete = MARKS[~np.isnan(MARKS).any(axis=1)]
    assert len(complete) == 4
    k = complete.shape[1]
    total_variance = complete.sum(axis=1).var(ddof=1)
    alpha = k / (k - 1) * (1 - complete.var(axis=0, ddof=1).sum() / total_variance)
    r = report.reliability
    assert (r.count, r.questions) == (4, 4)
    assert r.alpha == pytest.approx(alpha, abs=PLACES)
    error_ratio = 100 * math.sqrt(1 - alpha)
    assert r.error_ratio == pytest.approx(error_ratio, abs=PLACES)
    sd_percent = complete.sum(axis=1).std(ddof=1) / k * 100
    assert r.standard_error == pytest.approx(error_ratio * sd_percent / 100, abs=PLACES)

    # Pass mark 60 %: t0 100, t1 57.5, t2 40, t3 100, t4 6.7, t5 100, t7 47.5 -> 3 of 7.
    assert report.pass_mark == 60
    assert report.pass_rate == pytest.approx(3 / 7)
    lines = {t.label: t for t in report.trainees}
    assert lines["t6 (196)"].completion == "0 dari 4 dijawab" and lines["t6 (196)"].mean is None
    assert lines["t5 (195)"].completion == "1 dari 4 dijawab"
    assert lines["t3 (193)"].completion == "3 dari 4 dijawab"


def test_attempt_choices() -> None:
    # t0 answers sc three times: 2 points, then 5, then 3.
    question = BANK.questions[2]
    answers = [
        ResultAnswer("stat", "sc", question_hash(question), value, 0.0, f"2026-11-01T{h}:00Z")
        for h, value in (("08", 3), ("09", 0), ("10", 2))
    ]
    results = [TraineeResults("t0.json", "t0", None, answers, "u0")]
    facility = {
        choice: build_report(results, [BANK], "stat", choice).items[0].facility
        for choice in ("pertama", "terakhir", "terbaik", "semua")
    }
    assert facility == {
        "pertama": pytest.approx(0.4),
        "terakhir": pytest.approx(0.6),
        "terbaik": pytest.approx(1.0),
        "semua": pytest.approx(10 / 15),
    }
    assert build_report(results, [BANK], "stat", "semua").items[0].n == 3
    with pytest.raises(ValueError, match="attempts"):
        build_report(results, [BANK], "stat", "acak")
