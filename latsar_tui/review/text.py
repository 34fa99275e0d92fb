"""The review figures as plain Indonesian text: shared by ``latsar stats`` and the
statistics screen, so a screen-reader user hears every number a chart shows and
nothing is told by colour alone."""

from __future__ import annotations

from latsar_tui.review.due import DueSummary
from latsar_tui.review.plan import ExamPlan
from latsar_tui.review.stats import DayActivity, Mastery, Statistics

BAR_FULL = "█"
BAR_EMPTY = "░"


def pct(value: float | None) -> str:
    """``73%``, or ``—`` when there is nothing to measure."""
    return "—" if value is None else f"{round(value):d}%"


def number(value: float, decimals: int = 1) -> str:
    """``1,5``: a number in the Indonesian decimal style."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def bar(value: float | None, width: int = 20) -> str:
    """A text bar for a percentage: filled blocks then light shade (width cells)."""
    filled = 0 if value is None else round(max(0.0, min(100.0, value)) / 100 * width)
    return BAR_FULL * filled + BAR_EMPTY * (width - filled)


def mastery_line(row: Mastery) -> str:
    """``Modul X: penguasaan 63% · 5 dari 8 soal dijawab · benar 80% · ingatan 91%``."""
    return (
        f"{row.title}: penguasaan {pct(row.mastery)} · {row.answered} dari {row.total} soal "
        f"dijawab · benar {pct(row.accuracy)} · ingatan {pct(row.recall)}"
    )


def due_text(due: DueSummary) -> str:
    """What is due and what today's review session would ask."""
    return (
        f"Jatuh tempo: {due.total} soal · sesi Ulangi hari ini: {due.session_due} ulangan + "
        f"{due.session_new} soal baru (sudah hari ini: {due.reviewed_today} ulangan, "
        f"{due.new_today} baru)"
    )


def plan_text(plan: ExamPlan | None) -> str:
    """Days left to the exam and the share of questions predicted to be recalled."""
    if plan is None:
        return "Tanggal ujian belum diatur."
    if plan.days_left > 0:
        when = f"{plan.days_left} hari lagi"
    elif plan.days_left == 0:
        when = "hari ini"
    else:
        when = f"sudah lewat {-plan.days_left} hari"
    return (
        f"Ujian {plan.exam_date.isoformat()} ({when}): {plan.recalled} dari {plan.total} soal "
        f"({pct(100 * plan.share)}) diperkirakan masih teringat pada hari itu "
        f"(peluang ingat ≥ {pct(100 * plan.threshold)})"
    )


def trend_text(stats: Statistics) -> str:
    """The average score of the last 7 days against the 7 before."""
    last, before = stats.average_last_week, stats.average_week_before
    if last is None:
        return "Belum ada jawaban dalam 7 hari terakhir."
    text = f"Rata-rata skor 7 hari terakhir {pct(last)}"
    if before is None:
        return text + " (tidak ada jawaban pada 7 hari sebelumnya)."
    change = round(last - before)
    if change > 0:
        return text + f", naik {change} poin dari 7 hari sebelumnya ({pct(before)})."
    if change < 0:
        return text + f", turun {-change} poin dari 7 hari sebelumnya ({pct(before)})."
    return text + f", sama dengan 7 hari sebelumnya ({pct(before)})."


def activity_text(days: list[DayActivity]) -> str:
    """The activity chart in one sentence: total, daily mean, busiest day."""
    total = sum(day.answers for day in days)
    if total == 0:
        return f"Belum ada jawaban dalam {len(days)} hari terakhir."
    busiest = max(days, key=lambda day: (day.answers, day.day))
    active = sum(1 for day in days if day.answers)
    return (
        f"{len(days)} hari terakhir: {total} jawaban pada {active} hari, rata-rata "
        f"{number(total / len(days))} per hari; terbanyak {busiest.answers} pada "
        f"{busiest.day.isoformat()}."
    )


def streak_text(stats: Statistics) -> str:
    """The current and the longest streak of study days."""
    if stats.streak == 0:
        return "Rangkaian hari belajar: belum ada (jawab satu soal hari ini untuk memulai)."
    return f"Rangkaian hari belajar: {stats.streak} hari berturut-turut."


def recall_text(stats: Statistics) -> str:
    """Predicted recall now, over questions last reviewed more than a day ago."""
    if stats.recall_now is None:
        if stats.questions_answered == 0:
            return "Ingatan saat ini: belum ada soal yang dijawab."
        return (
            "Ingatan saat ini: belum dapat diperkirakan (semua soal baru dijawab dalam "
            "24 jam terakhir)."
        )
    return (
        f"Ingatan saat ini: rata-rata {pct(stats.recall_now)} atas {stats.recall_counted} "
        f"soal yang terakhir dijawab lebih dari sehari lalu; {stats.recalled_now} soal "
        f"dengan peluang ingat ≥ {pct(100 * stats.recall_threshold)}."
    )


def overview_lines(stats: Statistics) -> list[str]:
    """The key figures, one sentence each."""
    return [
        f"Jawaban tersimpan: {stats.total_answers} · rata-rata skor {pct(stats.average_score)} · "
        f"{stats.questions_answered} dari {stats.questions_total} soal pernah dijawab.",
        streak_text(stats),
        trend_text(stats),
        recall_text(stats),
        due_text(stats.due),
        plan_text(stats.plan),
    ]
