"""The review figures as plain text (in the interface language): shared by ``latsar stats``
and the statistics screen, so a screen-reader user hears every number a chart shows and
nothing is told by colour alone."""

from __future__ import annotations

from latsar_tui.i18n import _, format_decimal, ngettext
from latsar_tui.review.due import DueSummary
from latsar_tui.review.plan import ExamPlan
from latsar_tui.review.stats import DayActivity, Mastery, Statistics

BAR_FULL = "█"
BAR_EMPTY = "░"


def pct(value: float | None) -> str:
    """``73%``, or ``—`` when there is nothing to measure."""
    return "—" if value is None else f"{round(value):d}%"


def number(value: float, decimals: int = 1) -> str:
    """``1,5`` in Indonesian, ``1.5`` in English; trailing zeros dropped (``2,0`` -> ``2``)."""
    text = format_decimal(value, decimals)
    if decimals <= 0:
        return text  # no decimal part: stripping zeros would turn 10 into 1
    return text.rstrip("0").rstrip(",.")


def bar(value: float | None, width: int = 20) -> str:
    """A text bar for a percentage: filled blocks then light shade (width cells)."""
    filled = 0 if value is None else round(max(0.0, min(100.0, value)) / 100 * width)
    return BAR_FULL * filled + BAR_EMPTY * (width - filled)


def mastery_line(row: Mastery) -> str:
    """``Modul X: penguasaan 63% · 5 dari 8 soal dijawab · benar 80% · ingatan 91%``."""
    return _(
        "{title}: penguasaan {mastery} · {answered} dari {total} soal dijawab · "
        "benar {accuracy} · ingatan {recall}"
    ).format(
        title=row.title,
        mastery=pct(row.mastery),
        answered=row.answered,
        total=row.total,
        accuracy=pct(row.accuracy),
        recall=pct(row.recall),
    )


def due_text(due: DueSummary) -> str:
    """What is due and what today's review session would ask."""
    return _(
        "Jatuh tempo: {total} soal · sesi Ulangi hari ini: {due} ulangan + {new} soal baru "
        "(sudah hari ini: {reviewed} ulangan, {new_today} baru)"
    ).format(
        total=due.total,
        due=due.session_due,
        new=due.session_new,
        reviewed=due.reviewed_today,
        new_today=due.new_today,
    )


def plan_text(plan: ExamPlan | None) -> str:
    """Days left to the exam and the share of questions predicted to be recalled."""
    if plan is None:
        return _("Tanggal ujian belum diatur.")
    if plan.days_left > 0:
        when = ngettext("{n} hari lagi", "{n} hari lagi", plan.days_left).format(n=plan.days_left)
    elif plan.days_left == 0:
        when = _("hari ini")
    else:
        when = ngettext("sudah lewat {n} hari", "sudah lewat {n} hari", -plan.days_left).format(
            n=-plan.days_left
        )
    return _(
        "Ujian {date} ({when}): {recalled} dari {total} soal ({share}) diperkirakan masih "
        "teringat pada hari itu (peluang ingat ≥ {threshold})"
    ).format(
        date=plan.exam_date.isoformat(),
        when=when,
        recalled=plan.recalled,
        total=plan.total,
        share=pct(100 * plan.share),
        threshold=pct(100 * plan.threshold),
    )


def trend_text(stats: Statistics) -> str:
    """The average score of the last 7 days against the 7 before."""
    last, before = stats.average_last_week, stats.average_week_before
    if last is None:
        return _("Belum ada jawaban dalam 7 hari terakhir.")
    if before is None:
        return _(
            "Rata-rata skor 7 hari terakhir {last} (tidak ada jawaban pada 7 hari sebelumnya)."
        ).format(last=pct(last))
    change = round(last - before)
    if change > 0:
        template = ngettext(
            "Rata-rata skor 7 hari terakhir {last}, naik {change} poin dari 7 hari "
            "sebelumnya ({before}).",
            "Rata-rata skor 7 hari terakhir {last}, naik {change} poin dari 7 hari "
            "sebelumnya ({before}).",
            change,
        )
    elif change < 0:
        template = ngettext(
            "Rata-rata skor 7 hari terakhir {last}, turun {change} poin dari 7 hari "
            "sebelumnya ({before}).",
            "Rata-rata skor 7 hari terakhir {last}, turun {change} poin dari 7 hari "
            "sebelumnya ({before}).",
            -change,
        )
    else:
        template = _(
            "Rata-rata skor 7 hari terakhir {last}, sama dengan 7 hari sebelumnya ({before})."
        )
    return template.format(last=pct(last), change=abs(change), before=pct(before))


def activity_text(days: list[DayActivity]) -> str:
    """The activity chart in one sentence: total, daily mean, busiest day."""
    total = sum(day.answers for day in days)
    if total == 0:
        return ngettext(
            "Belum ada jawaban dalam {days} hari terakhir.",
            "Belum ada jawaban dalam {days} hari terakhir.",
            len(days),
        ).format(days=len(days))
    busiest = max(days, key=lambda day: (day.answers, day.day))
    active = sum(1 for day in days if day.answers)
    return _(
        "{days} hari terakhir: {total} jawaban pada {active} hari, rata-rata {mean} per hari; "
        "terbanyak {most} pada {day}."
    ).format(
        days=len(days),
        total=total,
        active=active,
        mean=number(total / len(days)),
        most=busiest.answers,
        day=busiest.day.isoformat(),
    )


def streak_text(stats: Statistics) -> str:
    """The current and the longest streak of study days."""
    if stats.streak == 0:
        return _("Rangkaian hari belajar: belum ada (jawab satu soal hari ini untuk memulai).")
    return ngettext(
        "Rangkaian hari belajar: {n} hari berturut-turut.",
        "Rangkaian hari belajar: {n} hari berturut-turut.",
        stats.streak,
    ).format(n=stats.streak)


def recall_text(stats: Statistics) -> str:
    """Predicted recall now, over questions last reviewed more than a day ago."""
    if stats.recall_now is None:
        if stats.questions_answered == 0:
            return _("Ingatan saat ini: belum ada soal yang dijawab.")
        return _(
            "Ingatan saat ini: belum dapat diperkirakan (semua soal baru dijawab dalam "
            "24 jam terakhir)."
        )
    return _(
        "Ingatan saat ini: rata-rata {recall} atas {counted} soal yang terakhir dijawab lebih "
        "dari sehari lalu; {recalled} soal dengan peluang ingat ≥ {threshold}."
    ).format(
        recall=pct(stats.recall_now),
        counted=stats.recall_counted,
        recalled=stats.recalled_now,
        threshold=pct(100 * stats.recall_threshold),
    )


def overview_lines(stats: Statistics) -> list[str]:
    """The key figures, one sentence each."""
    return [
        _(
            "Jawaban tersimpan: {answers} · rata-rata skor {average} · {answered} dari "
            "{total} soal pernah dijawab."
        ).format(
            answers=stats.total_answers,
            average=pct(stats.average_score),
            answered=stats.questions_answered,
            total=stats.questions_total,
        ),
        streak_text(stats),
        trend_text(stats),
        recall_text(stats),
        due_text(stats.due),
        plan_text(stats.plan),
    ]
