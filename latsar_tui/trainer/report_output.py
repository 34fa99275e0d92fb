"""The class report written out: one CSV file per table, or one self-contained HTML file.

CSV: numbers are written as numbers (a dot as decimal separator, no ``%`` sign), one
table per file, so a spreadsheet sorts and sums them. The CSV column names and file
names are a file format (``laporan-soal.csv``, ``fasilitas``, ...): they stay the same
in every interface language so a sheet or a script that reads them by name keeps
working; the cells that are sentences (flags, problems) are in the interface language.
HTML: inline CSS and inline SVG charts only (no script, no font, no image, no link),
every text from a bank or a results file escaped; the page's ``lang`` is the interface
language.
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

from latsar_tui.i18n import _, current_language, ngettext
from latsar_tui.trainer.report import (
    ClassReport,
    ItemStats,
    attempt_label,
    fmt_number,
    fmt_percent,
    fmt_ratio,
    option_summary,
)

Table = tuple[list[str], list[list[object]]]


def _round(value: float | None, digits: int = 4) -> object:
    return "" if value is None else round(value, digits)


def report_tables(report: ClassReport) -> dict[str, Table]:
    """Every table of the report by name, with raw numbers (0..1 fractions as such)."""
    items: list[list[object]] = []
    for item in report.items:
        items.append(
            [
                item.bank_id,
                item.question_id,
                item.qtype,
                item.n,
                _round(item.facility),
                _round(item.sd),
                _round(item.discrimination_index),
                _round(item.discriminative_efficiency),
                _round(item.discrimination),
                _round(item.mean_time, 1),
                option_summary(item),
                item.old_version,
                "; ".join(item.flags),
            ]
        )
    options: list[list[object]] = []
    for item in report.items:
        for option in item.options:
            options.append(
                [
                    item.bank_id,
                    item.question_id,
                    option.label,
                    option.text,
                    "" if option.points is None else option.points,
                    int(option.is_key),
                    option.count,
                    option.upper,
                    option.lower,
                ]
            )
    trainees: list[list[object]] = [
        [
            t.label,
            t.answered,
            t.total_questions,
            _round(t.mean),
            "" if t.passed is None else int(t.passed),
        ]
        for t in report.trainees
    ]
    d, r = report.distribution, report.reliability
    test: list[list[object]] = [
        ["percobaan", report.attempts],
        ["peserta", report.files_used],
        ["peserta_bernilai", d.count],
        ["rata_rata_persen", _round(d.mean)],
        ["median_persen", _round(d.median)],
        ["simpangan_baku_persen", _round(d.sd)],
        ["kemencengan", _round(d.skewness)],
        ["kurtosis", _round(d.kurtosis)],
        ["alpha_cronbach", _round(r.alpha)],
        ["rasio_galat_persen", _round(r.error_ratio)],
        ["galat_baku_persen", _round(r.standard_error)],
        ["peserta_lengkap", r.count],
        ["batas_lulus_persen", "" if report.pass_mark is None else report.pass_mark],
        ["tingkat_lulus", _round(report.pass_rate)],
    ]
    return {
        "soal": (
            [
                "bank",
                "soal",
                "jenis",
                "n",
                "fasilitas",
                "simpangan_baku",
                "indeks_diskriminasi",
                "efisiensi_diskriminasi",
                "daya_beda_27",
                "waktu_rata_detik",
                "pilihan",
                "versi_lama",
                "tanda",
            ],
            items,
        ),
        "opsi": (
            ["bank", "soal", "opsi", "teks", "poin", "kunci", "dipilih", "atas", "bawah"],
            options,
        ),
        "peserta": (["peserta", "dijawab", "jumlah_soal", "rata_rata", "lulus"], trainees),
        "tag": (
            ["tag", "jawaban", "rata_rata"],
            [[t.tag, t.answers, _round(t.mean)] for t in report.tags],
        ),
        "tes": (["ukuran", "nilai"], test),
        "masalah": (
            ["di", "jenis", "keterangan"],
            [[p.where, p.kind, p.detail] for p in report.problems],
        ),
    }


def table_csv(table: Table) -> str:
    """One table as CSV with a BOM (so Excel reads UTF-8) and CRLF line ends."""
    header, rows = table
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def csv_files(report: ClassReport, output: Path) -> dict[Path, str]:
    """``laporan.csv`` becomes ``laporan-soal.csv``, ``laporan-peserta.csv``, ... ."""
    return {
        output.with_name(f"{output.stem}-{name}.csv"): table_csv(table)
        for name, table in report_tables(report).items()
    }


# --- SVG charts -----------------------------------------------------------------------

_BLUE = "#2563eb"
_ORANGE = "#ea580c"
_GREY = "#9ca3af"


def _svg(width: int, height: int, body: str, title: str) -> str:
    e = html.escape
    return (
        f'<svg width="{width}" height="{height}" '  # i18n: ignore SVG markup
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{e(title)}">'
        f"<title>{e(title)}</title>{body}</svg>"
    )


def histogram_svg(report: ClassReport) -> str:
    """Trainees per band of 10 % of the mark, with the pass mark as a dashed line."""
    e = html.escape
    bins = [0] * 10
    for mark in report.marks:
        bins[min(9, int(mark * 10 + 1e-9))] += 1
    width, height, left, bottom, head = 520, 230, 40, 30, 30
    plot_w, plot_h = width - left - 10, height - bottom - head
    top = max(bins) or 1
    parts = []
    for i, count in enumerate(bins):
        bar_h = plot_h * count / top
        x = left + i * plot_w / 10
        y = head + plot_h - bar_h
        band = ngettext("{low}–{high}%: {n} peserta", "{low}–{high}%: {n} peserta", count).format(
            low=i * 10, high=i * 10 + 10, n=count
        )
        parts.append(
            f'<rect class="bar" x="{x + 2:.1f}" y="{y:.1f}" width="{plot_w / 10 - 4:.1f}" '
            f'height="{bar_h:.1f}" fill="{_BLUE}"><title>{e(band)}</title></rect>'  # i18n: ignore
        )
        if count:
            parts.append(
                f'<text x="{x + plot_w / 20:.1f}" y="{y - 3:.1f}" font-size="11" '
                f'text-anchor="middle">{count}</text>'  # i18n: ignore SVG markup
            )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 12}" font-size="10" text-anchor="middle">'
            f"{i * 10}</text>"  # i18n: ignore SVG markup
        )
    parts.append(
        f'<text x="{left + plot_w:.1f}" y="{height - 12}" font-size="10" '
        'text-anchor="middle">100</text>'  # i18n: ignore SVG markup
    )
    parts.append(
        f'<line x1="{left}" y1="{head + plot_h}" x2="{left + plot_w}" y2="{head + plot_h}" '
        'stroke="#333"/>'  # i18n: ignore SVG markup
    )
    if report.pass_mark is not None:
        x = left + plot_w * report.pass_mark / 100
        label = _("batas lulus {mark}%").format(mark=report.pass_mark)
        parts.append(
            f'<line class="pass" x1="{x:.1f}" y1="6" x2="{x:.1f}" y2="{head + plot_h}" '
            f'stroke="{_ORANGE}" stroke-width="2" stroke-dasharray="5 3"/>'
            # The label sits above the bars, on the side of the line with more room.
            f'<text x="{x + (4 if report.pass_mark <= 50 else -4):.1f}" y="12" font-size="11" '
            f'text-anchor="{"start" if report.pass_mark <= 50 else "end"}" fill="{_ORANGE}">'
            f"{e(label)}</text>"  # i18n: ignore SVG markup
        )
    return _svg(width, height, "".join(parts), _("Sebaran nilai peserta"))


def items_svg(report: ClassReport) -> str:
    """Per question: facility (blue) and Moodle's discrimination index (orange), in %."""
    e = html.escape
    items = [i for i in report.items if not i.missing]
    row, left, width = 18, 120, 560
    scale = (width - left - 60) / 2  # half for -100..0 (only discrimination), half 0..100
    zero = left + scale
    height = 40 + row * len(items)
    facility, discrimination = e(_("fasilitas")), e(_("indeks diskriminasi"))
    # SVG markup around escaped words (the legend) and numbers (the axis).
    parts = [
        f'<text x="{left}" y="14" font-size="11" fill="{_BLUE}">'
        f"■ {facility}</text>",  # i18n: ignore SVG markup
        f'<text x="{left + 90}" y="14" font-size="11" fill="{_ORANGE}">'
        f"■ {discrimination}</text>",  # i18n: ignore SVG markup
        f'<line x1="{zero:.1f}" y1="22" x2="{zero:.1f}" y2="{height - 8}" '
        'stroke="#333"/>',  # i18n: ignore SVG markup
        f'<text x="{left}" y="{height - 1}" font-size="9">-100</text>',  # i18n: ignore SVG markup
        f'<text x="{zero - 3:.1f}" y="{height - 1}" '
        'font-size="9">0</text>',  # i18n: ignore SVG markup
        f'<text x="{zero + scale - 16:.1f}" y="{height - 1}" '
        'font-size="9">100</text>',  # i18n: ignore SVG markup
    ]
    for n, item in enumerate(items):
        y = 26 + n * row
        parts.append(
            f'<text x="{left - 6}" y="{y + 11}" font-size="10" text-anchor="end">'
            f"{e(item.question_id[:18])}</text>"  # i18n: ignore SVG markup
        )
        if item.facility is not None:
            parts.append(
                f'<rect class="facility" x="{zero:.1f}" y="{y}" '
                f'width="{scale * item.facility:.1f}" height="7" fill="{_BLUE}"/>'  # i18n: ignore
            )
        if item.discrimination_index is not None:
            value = max(-100.0, min(100.0, item.discrimination_index))
            x = zero if value >= 0 else zero + scale * value / 100
            parts.append(
                f'<rect class="discrimination" x="{x:.1f}" y="{y + 8}" '
                f'width="{scale * abs(value) / 100:.1f}" height="7" '
                f'fill="{_ORANGE}"/>'  # i18n: ignore SVG markup
            )
    return _svg(width, height, "".join(parts), _("Fasilitas dan daya beda per soal"))


def options_svg(item: ItemStats) -> str:
    """One question's option choices by the upper (dark) and lower (light) group."""
    if not item.options:
        return ""
    e = html.escape
    top = max([max(o.upper, o.lower) for o in item.options] + [1])
    row, left, width = 16, 46, 240
    height = 8 + row * len(item.options)
    parts = []
    for n, option in enumerate(item.options):
        y = 4 + n * row
        mark = "✓" if option.is_key else ""
        parts.append(
            f'<text x="{left - 4}" y="{y + 11}" font-size="10" text-anchor="end">'
            f"{e(option.label)}{mark}</text>"  # i18n: ignore SVG markup
        )
        # The class names (opt-atas, opt-bawah) are for the stylesheet and tests.
        for offset, count, colour, group, shown in (
            (0, option.upper, "#1e3a8a", "atas", _("kelompok atas: {n}")),
            (7, option.lower, "#93c5fd", "bawah", _("kelompok bawah: {n}")),
        ):
            w = (width - left - 30) * count / top
            parts.append(
                f'<rect class="opt-{group}" x="{left}" y="{y + offset}" width="{w:.1f}" '
                f'height="6" fill="{colour}">'
                f"<title>{e(shown.format(n=count))}</title></rect>"  # i18n: ignore SVG markup
            )
        label_x = left + (width - left - 30) * max(option.upper, option.lower) / top + 4
        parts.append(
            f'<text x="{label_x:.1f}"'
            f' y="{y + 11}" font-size="9" fill="{_GREY}">'
            f"{option.upper}/{option.lower}</text>"  # i18n: ignore SVG markup
        )
    title = _("Pilihan opsi {question}").format(question=item.question_id)
    return _svg(width, height, "".join(parts), title)


# --- HTML -----------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums}
.flag{color:#9a3412}.muted{color:#666}.first li{margin:.2rem 0}
.situation{color:#444;font-style:italic}.charts svg{margin:.5rem 1rem .5rem 0}
"""


def _options_cell(item: ItemStats) -> str:
    e = html.escape
    lines = []
    for o in item.options:
        points = ""
        if o.points is not None:
            points = " " + ngettext("[{n} poin]", "[{n} poin]", o.points).format(n=o.points)
        key = " ✓" if o.is_key else ""
        lines.append(e(f"{o.label}{key}{points}: {o.count} — {o.text}"))
    return "<br>".join(lines)


def _test_rows(report: ClassReport) -> str:
    d, r = report.distribution, report.reliability
    alpha = ngettext(
        "Alpha Cronbach (konsistensi internal; {n} peserta yang menjawab semua {questions} soal)",
        "Alpha Cronbach (konsistensi internal; {n} peserta yang menjawab semua {questions} soal)",
        r.count,
    ).format(n=r.count, questions=r.questions)
    rows = [
        (_("Peserta dengan nilai"), str(d.count)),
        (_("Rata-rata"), f"{fmt_number(d.mean, 2)}%"),
        (_("Median"), f"{fmt_number(d.median, 2)}%"),
        (_("Simpangan baku"), f"{fmt_number(d.sd, 2)}%"),
        (_("Kemencengan (skewness)"), fmt_number(d.skewness, 4)),
        (_("Kurtosis"), fmt_number(d.kurtosis, 4)),
        (alpha, "-" if r.alpha is None else f"{fmt_number(r.alpha * 100, 2)}%"),
        (_("Rasio galat"), f"{fmt_number(r.error_ratio, 2)}%"),
        (_("Galat baku"), f"{fmt_number(r.standard_error, 2)}%"),
    ]
    if report.pass_mark is not None:
        rows.append(
            (
                _("Lulus (rata-rata soal yang dijawab ≥ batas lulus bank {mark}%)").format(
                    mark=report.pass_mark
                ),
                fmt_percent(report.pass_rate),
            )
        )
    return "".join(
        f'<tr><td>{html.escape(a)}</td><td class="num">{html.escape(b)}</td></tr>'  # i18n: ignore
        for a, b in rows
    )


def _heading(text: str) -> str:
    return f"<h2>{html.escape(text)}</h2>"


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _header(*labels: str) -> str:
    """A table's header row, every label escaped."""
    return "<tr>" + "".join(f"<th>{html.escape(label)}</th>" for label in labels) + "</tr>"


def _intro(report: ClassReport) -> str:
    """The paragraph under the title: who and what was counted, and how (HTML)."""
    e = html.escape
    scope = _("bank {bank}").format(bank=report.bank_id) if report.bank_id else _("semua bank")
    counts = ", ".join(
        (
            ngettext("{n} peserta", "{n} peserta", report.files_used).format(n=report.files_used),
            ngettext("{n} soal", "{n} soal", len(report.items)).format(n=len(report.items)),
            scope,
        )
    )
    # The sentence is escaped first, then the (escaped) values go in: the bold choice
    # keeps its markup and nothing from a file or a translation can add any.
    attempts = e(_("Percobaan yang dihitung: {attempts} ({label}).")).format(
        attempts=f"<b>{e(report.attempts)}</b>", label=e(attempt_label(report.attempts))
    )
    rescored = _(
        "Setiap jawaban dinilai ulang dari isi bank saat ini; skor yang ditulis di berkas "
        "tidak dipakai."
    )
    return f"{e(counts)}.\n{attempts}\n{e(rescored)}"


def _legend(report: ClassReport) -> str:
    """What the columns of the per-question table mean (plain text)."""
    size = report.group_size
    return " ".join(
        (
            ngettext(
                "Fasilitas = rata-rata skor peserta yang menjawab; SB = simpangan baku; "
                "ID = indeks diskriminasi Moodle (korelasi soal dengan sisa tes, %); "
                "ED = efisiensi diskriminasi (%); D27 = kelompok atas − bawah ({n} peserta "
                "per kelompok, 27%); waktu dalam detik.",
                "Fasilitas = rata-rata skor peserta yang menjawab; SB = simpangan baku; "
                "ID = indeks diskriminasi Moodle (korelasi soal dengan sisa tes, %); "
                "ED = efisiensi diskriminasi (%); D27 = kelompok atas − bawah ({n} peserta "
                "per kelompok, 27%); waktu dalam detik.",
                size,
            ).format(n=size),
            _("✓ = kunci (skenario: opsi 5 poin)."),
            _("Grafik pilihan: gelap = kelompok atas, terang = kelompok bawah."),
        )
    )


def report_html(report: ClassReport, title: str | None = None) -> str:
    """The report as one self-contained HTML file (inline CSS and SVG, every text escaped).

    ``title`` defaults to "Laporan Kelas Latsar" in the interface language, and the
    page's ``lang`` is the interface language (the bank's own text stays as written).
    """
    e = html.escape
    heading = title if title is not None else _("Laporan Kelas Latsar")
    first = "".join(
        f"<li><b>{e(item.bank_id)}/{e(item.question_id)}</b> — "  # i18n: ignore HTML
        f"{e(item.prompt)}<ul>"
        + "".join(f"<li>{e(reason)}</li>" for reason in item.attention)
        + "</ul></li>"  # i18n: ignore HTML markup
        for item in report.attention[:12]
    )
    first_html = (
        f'<ol class="first">{first}</ol>'  # i18n: ignore HTML markup
        if first
        else _paragraph(_("Tidak ada soal yang perlu segera diperiksa."))
    )
    rows = []
    for item in report.items:
        situation = (
            f'<div class="situation">{e(item.situation)}</div>'  # i18n: ignore HTML markup
            if item.situation
            else ""
        )
        rows.append(
            "<tr>"
            f"<td>{e(item.bank_id)}<br><b>{e(item.question_id)}</b></td>"
            f"<td>{e(item.qtype)}</td><td>{situation}{e(item.prompt)}</td>"
            f'<td class="num">{item.n}</td>'
            f'<td class="num">{e(fmt_percent(item.facility))}</td>'
            f'<td class="num">{e(fmt_percent(item.sd))}</td>'
            f'<td class="num">{e(fmt_number(item.discrimination_index, 1))}</td>'
            f'<td class="num">{e(fmt_number(item.discriminative_efficiency, 1))}</td>'
            f'<td class="num">{e(fmt_ratio(item.discrimination))}</td>'
            f'<td class="num">{e(fmt_number(item.mean_time, 0))}</td>'
            f"<td>{_options_cell(item)}</td>"
            f"<td>{options_svg(item)}</td>"
            f'<td class="flag">{"<br>".join(e(flag) for flag in item.flags)}</td>'
            "</tr>"  # i18n: ignore HTML markup
        )
    passed = {None: "", True: e(_("ya")), False: e(_("belum"))}
    trainee_rows = "".join(
        f'<tr><td>{e(t.label)}</td><td class="num">{e(t.completion)}</td>'
        f'<td class="num">{e(fmt_percent(t.mean))}</td>'
        f"<td>{passed[t.passed]}</td></tr>"  # i18n: ignore HTML markup
        for t in report.trainees
    )
    tag_rows = "".join(
        f'<tr><td>{e(t.tag)}</td><td class="num">{t.answers}</td>'
        f'<td class="num">{e(fmt_percent(t.mean))}</td></tr>'  # i18n: ignore HTML markup
        for t in report.tags
    )
    problem_rows = "".join(
        f"<tr><td>{e(p.where)}</td><td>{e(p.kind)}</td><td>{e(p.detail)}</td></tr>"
        for p in report.problems
    )
    problems = (
        _heading(_("Masalah pada berkas hasil"))
        + "<table><thead>"
        + _header(_("Di"), _("Jenis"), _("Keterangan"))
        + f"</thead><tbody>{problem_rows}</tbody></table>"
        if report.problems
        else ""
    )
    items_header = _header(
        _("Soal"),
        _("Jenis"),
        _("Pertanyaan"),
        "n",
        _("Fasilitas"),
        _("SB"),
        _("ID"),
        _("ED"),
        _("D27"),
        _("Waktu"),
        _("Pilihan"),
        _("Atas/bawah"),
        _("Tanda"),
    )
    trainees_header = _header(_("Peserta"), _("Dijawab"), _("Rata-rata"), _("Lulus"))
    tags_header = _header(_("Tag"), _("Jawaban"), _("Rata-rata"))
    headings = {
        "first": _heading(_("Periksa lebih dulu")),
        "charts": _heading(_("Grafik")),
        "test": _heading(_("Tes")),
        "items": _heading(_("Per soal")),
        "trainees": _heading(_("Per peserta")),
        "tags": _heading(_("Per tag")),
    }
    # Only markup and escaped values below: every word of the page came through _()
    # outside the f-string (Babel does not look inside one).
    return f"""<!DOCTYPE html>
<html lang="{e(current_language())}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(heading)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{e(heading)}</h1>
<p class="muted">{_intro(report)}</p>
{headings["first"]}
{first_html}
{problems}
{headings["charts"]}
<div class="charts">{histogram_svg(report)}{items_svg(report)}</div>
{headings["test"]}
<table><tbody>{_test_rows(report)}</tbody></table>
{headings["items"]}
<p class="muted">{e(_legend(report))}</p>
<table>
<thead>{items_header}</thead>
<tbody>
{"".join(rows)}
</tbody>
</table>
{headings["trainees"]}
<table>
<thead>{trainees_header}</thead>
<tbody>{trainee_rows}</tbody>
</table>
{headings["tags"]}
<table>
<thead>{tags_header}</thead>
<tbody>{tag_rows}</tbody>
</table>
</body>
</html>
"""  # i18n: ignore HTML markup
