"""The class report: how each question worked across many trainees' results files.

Per question: n (trainees who answered it), facility (mean score, 0..1), a
discrimination index, how often each option was chosen, and flags. Per trainee: the
number answered and the mean score. Per tag: the mean score of the answers to
questions carrying it.

Choices, documented because they change the numbers:

- Each trainee counts once per question, with the *first* answer they gave: the first
  try measures the question; later tries measure memory of it.
- A trainee's total is the mean of those first-try scores over the questions in the
  report (so trainees who answered different subsets stay comparable).
- Discrimination is Kelley's upper-lower index: trainees are ranked by total
  (ties broken by their label, so the result is reproducible), the top and bottom
  ``round(0.27 * N)`` (at least 1) form the groups, and D = mean item score of the
  upper group minus that of the lower group, each over the group's members who
  answered the item. It needs N >= 2; otherwise it is shown as ``-``.
- Answers given to an older version of a question (content hash differs from the
  current bank's) count in n and facility (they were scored on what the trainee saw),
  are left out of the option counts (indices may point at other options now), and are
  flagged.

Flags: too easy (facility > 0.9), too hard (< 0.2), poor discrimination (D < 0.2), an
option nobody chose (a distractor of single/multiple, or a non-best option of a
scenario), answers to an older version, a question no longer in the bank.
"""

from __future__ import annotations

import csv
import html
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from latsar_tui.content.model import (
    Bank,
    Catalog,
    MultipleQuestion,
    Question,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_hash,
)
from latsar_tui.trainer.results import ResultAnswer, TraineeResults

TOO_EASY = 0.9
TOO_HARD = 0.2
POOR_DISCRIMINATION = 0.2
GROUP_FRACTION = 0.27
LETTERS = "ABCDEFGH"


@dataclass
class OptionCount:
    """How many trainees chose one option (or Benar/Salah)."""

    label: str
    text: str
    count: int
    is_key: bool


@dataclass
class ItemStats:
    """The report's line for one question."""

    bank_id: str
    question_id: str
    qtype: str
    prompt: str
    n: int
    facility: float | None
    discrimination: float | None
    options: list[OptionCount] = field(default_factory=list)
    old_version: int = 0
    missing: bool = False
    flags: list[str] = field(default_factory=list)


@dataclass
class TraineeTotal:
    """One trainee's line: answered questions and mean first-try score."""

    label: str
    answered: int
    mean: float | None


@dataclass
class TagAverage:
    """Mean score of every counted answer to questions with one tag."""

    tag: str
    answers: int
    mean: float


@dataclass
class ClassReport:
    """Everything the report shows."""

    items: list[ItemStats]
    trainees: list[TraineeTotal]
    tags: list[TagAverage]
    group_size: int
    bank_id: str | None = None


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _first_answers(
    results: Sequence[TraineeResults], bank_id: str | None
) -> list[dict[tuple[str, str], ResultAnswer]]:
    firsts: list[dict[tuple[str, str], ResultAnswer]] = []
    for trainee in results:
        chosen: dict[tuple[str, str], ResultAnswer] = {}
        ordered = sorted(trainee.answers, key=lambda a: a.answered_at)
        for answer in ordered:
            if bank_id is not None and answer.bank != bank_id:
                continue
            chosen.setdefault((answer.bank, answer.question), answer)
        firsts.append(chosen)
    return firsts


def _groups(totals: list[tuple[str, float | None]]) -> tuple[set[int], set[int], int]:
    ranked = sorted(
        (i for i, (_, total) in enumerate(totals) if total is not None),
        key=lambda i: (-(totals[i][1] or 0.0), totals[i][0]),
    )
    if len(ranked) < 2:
        return set(), set(), 0
    size = max(1, round(GROUP_FRACTION * len(ranked)))
    size = min(size, len(ranked) // 2)
    return set(ranked[:size]), set(ranked[-size:]), size


def _option_counts(question: Question, answers: list[ResultAnswer]) -> list[OptionCount]:
    if isinstance(question, TrueFalseQuestion):
        counts = {True: 0, False: 0}
        for answer in answers:
            if isinstance(answer.answer, bool):
                counts[answer.answer] += 1
        return [
            OptionCount("Benar", "Benar", counts[True], question.answer),
            OptionCount("Salah", "Salah", counts[False], not question.answer),
        ]
    if not isinstance(question, SingleQuestion | MultipleQuestion | ScenarioQuestion):
        return []
    tally = [0] * len(question.options)
    for answer in answers:
        picked = answer.answer if isinstance(answer.answer, list) else [answer.answer]
        for index in picked:
            if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(tally):
                tally[index] += 1
    result = []
    if isinstance(question, ScenarioQuestion):
        for index, scenario_option in enumerate(question.options):
            text = f"{scenario_option.text} (skor {scenario_option.score})"
            result.append(
                OptionCount(LETTERS[index], text, tally[index], scenario_option.score == 5)
            )
        return result
    for index, option in enumerate(question.options):
        result.append(OptionCount(LETTERS[index], option.text, tally[index], option.correct))
    return result


def build_report(
    results: Sequence[TraineeResults],
    banks: Sequence[Bank] | Catalog,
    bank_id: str | None = None,
) -> ClassReport:
    """Merge trainees' results into a class report against the current banks."""
    bank_list = list(banks.banks) if isinstance(banks, Catalog) else list(banks)
    questions: dict[tuple[str, str], Question] = {
        (bank.id, q.id): q for bank in bank_list for q in bank.questions
    }
    firsts = _first_answers(results, bank_id)
    totals: list[tuple[str, float | None]] = []
    for trainee, chosen in zip(results, firsts, strict=True):
        scores = [a.score for a in chosen.values()]
        totals.append((trainee.label, sum(scores) / len(scores) if scores else None))
    upper, lower, group_size = _groups(totals)

    keys: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    # Questions in bank order first, then any answered question no longer in a bank.
    for bank in bank_list:
        if bank_id is not None and bank.id != bank_id:
            continue
        for q in bank.questions:
            key = (bank.id, q.id)
            if any(key in chosen for chosen in firsts):
                keys.append(key)
                seen.add(key)
    for chosen in firsts:
        for key in chosen:
            if key not in seen:
                seen.add(key)
                keys.append(key)

    tag_scores: dict[str, list[float]] = defaultdict(list)
    items: list[ItemStats] = []
    for key in keys:
        question = questions.get(key)
        answered = [(i, chosen[key]) for i, chosen in enumerate(firsts) if key in chosen]
        scores = [a.score for _, a in answered]
        facility = sum(scores) / len(scores) if scores else None
        up = [a.score for i, a in answered if i in upper]
        low = [a.score for i, a in answered if i in lower]
        discrimination = sum(up) / len(up) - sum(low) / len(low) if up and low else None
        item = ItemStats(
            bank_id=key[0],
            question_id=key[1],
            qtype=str(question.type) if question else "?",
            prompt=_short(question.prompt) if question else "",
            n=len(answered),
            facility=facility,
            discrimination=discrimination,
            missing=question is None,
        )
        if question is not None:
            current = question_hash(question)
            same = [a for _, a in answered if a.question_hash == current]
            item.old_version = len(answered) - len(same)
            item.options = _option_counts(question, same)
            for tag in question.tags:
                tag_scores[tag].extend(scores)
        item.flags = _flags(item)
        items.append(item)
    trainees = [
        TraineeTotal(label, len(chosen), total)
        for (label, total), chosen in zip(totals, firsts, strict=True)
    ]
    tags = [
        TagAverage(tag, len(values), sum(values) / len(values))
        for tag, values in sorted(tag_scores.items())
        if values
    ]
    return ClassReport(items, trainees, tags, group_size, bank_id)


def _flags(item: ItemStats) -> list[str]:
    flags: list[str] = []
    if item.missing:
        flags.append("tidak ada di bank saat ini")
    if item.facility is not None:
        if item.facility > TOO_EASY:
            flags.append("terlalu mudah")
        elif item.facility < TOO_HARD:
            flags.append("terlalu sulit")
    if item.discrimination is not None and item.discrimination < POOR_DISCRIMINATION:
        flags.append("daya beda rendah")
    unused = [o.label for o in item.options if not o.is_key and o.count == 0]
    if unused and item.qtype in {"single", "multiple", "scenario"} and item.n > item.old_version:
        flags.append(f"opsi tak dipilih: {', '.join(unused)}")
    if item.old_version:
        flags.append(f"{item.old_version} jawaban untuk versi lama")
    return flags


def fmt_ratio(value: float | None) -> str:
    """A 0..1 value with two decimals, or '-'."""
    return "-" if value is None else f"{value:.2f}"


def fmt_percent(value: float | None) -> str:
    """A 0..1 value as a percent with one decimal, or '-'."""
    return "-" if value is None else f"{value * 100:.1f}%"


def option_summary(item: ItemStats) -> str:
    """Option counts in one line: ``A*:12 B:3 C:0`` (``*`` marks the key)."""
    return " ".join(f"{o.label}{'*' if o.is_key else ''}:{o.count}" for o in item.options)


def report_csv(report: ClassReport) -> str:
    """The report as CSV: the question table, then trainees, then tags (blank-line separated)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["bank", "soal", "jenis", "n", "fasilitas", "daya_beda", "pilihan", "versi_lama", "tanda"]
    )
    for item in report.items:
        writer.writerow(
            [
                item.bank_id,
                item.question_id,
                item.qtype,
                item.n,
                fmt_ratio(item.facility),
                fmt_ratio(item.discrimination),
                option_summary(item),
                item.old_version,
                "; ".join(item.flags),
            ]
        )
    writer.writerow([])
    writer.writerow(["peserta", "dijawab", "rata_rata"])
    for trainee in report.trainees:
        writer.writerow([trainee.label, trainee.answered, fmt_percent(trainee.mean)])
    writer.writerow([])
    writer.writerow(["tag", "jawaban", "rata_rata"])
    for tag in report.tags:
        writer.writerow([tag.tag, tag.answers, fmt_percent(tag.mean)])
    return "\ufeff" + buffer.getvalue()


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums}
.flag{color:#9a3412}.muted{color:#666}
"""


def report_html(report: ClassReport, title: str = "Laporan Kelas Latsar") -> str:
    """The report as one self-contained HTML file (inline CSS, every text escaped)."""
    e = html.escape
    rows = []
    for item in report.items:
        options = "<br>".join(
            e(f"{o.label}{' ✓' if o.is_key else ''}: {o.count} — {_short(o.text, 50)}")
            for o in item.options
        )
        rows.append(
            "<tr>"
            f"<td>{e(item.bank_id)}<br><b>{e(item.question_id)}</b></td>"
            f"<td>{e(item.qtype)}</td><td>{e(item.prompt)}</td>"
            f'<td class="num">{item.n}</td>'
            f'<td class="num">{e(fmt_ratio(item.facility))}</td>'
            f'<td class="num">{e(fmt_ratio(item.discrimination))}</td>'
            f"<td>{options}</td>"
            f'<td class="flag">{"<br>".join(e(flag) for flag in item.flags)}</td>'
            "</tr>"
        )
    trainee_rows = "".join(
        f'<tr><td>{e(t.label)}</td><td class="num">{t.answered}</td>'
        f'<td class="num">{e(fmt_percent(t.mean))}</td></tr>'
        for t in report.trainees
    )
    tag_rows = "".join(
        f'<tr><td>{e(t.tag)}</td><td class="num">{t.answers}</td>'
        f'<td class="num">{e(fmt_percent(t.mean))}</td></tr>'
        for t in report.tags
    )
    scope = f"bank {e(report.bank_id)}" if report.bank_id else "semua bank"
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{e(title)}</h1>
<p class="muted">{len(report.trainees)} peserta, {len(report.items)} soal, {scope}.
Fasilitas = rata-rata skor (0–1); daya beda = kelompok atas − kelompok bawah
({report.group_size} peserta per kelompok, 27%). ✓ = kunci jawaban.</p>
<h2>Per soal</h2>
<table>
<thead><tr><th>Soal</th><th>Jenis</th><th>Pertanyaan</th><th>n</th><th>Fasilitas</th>
<th>Daya beda</th><th>Pilihan</th><th>Tanda</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody>
</table>
<h2>Per peserta</h2>
<table>
<thead><tr><th>Peserta</th><th>Dijawab</th><th>Rata-rata</th></tr></thead>
<tbody>{trainee_rows}</tbody>
</table>
<h2>Per tag</h2>
<table>
<thead><tr><th>Tag</th><th>Jawaban</th><th>Rata-rata</th></tr></thead>
<tbody>{tag_rows}</tbody>
</table>
</body>
</html>
"""
