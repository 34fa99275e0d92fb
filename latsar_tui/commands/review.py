"""`latsar stats` and `latsar progress export|import`: progress figures and backups.

``stats`` prints the statistics screen's figures as Rich tables (titles from YAML
go in as ``Text``, never as markup). ``progress`` backs up and restores all progress
in one versioned JSON file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from latsar_tui.commands.base import CommandContext, CommandError
from latsar_tui.i18n import _, pgettext

if TYPE_CHECKING:
    from latsar_tui.review.stats import Mastery, Statistics


def register(subparsers: Any) -> None:
    """Add the ``stats`` and ``progress`` subcommands."""
    stats = subparsers.add_parser(
        "stats",
        help=_("statistik belajar: penguasaan, aktivitas, rangkaian hari, ingatan"),
        description=_(
            "Cetak statistik belajar Anda: penguasaan per modul, pelajaran dan tag, "
            "jawaban per hari (30 hari), rangkaian hari belajar, tren skor, perkiraan "
            "ingatan, soal jatuh tempo dan rencana ujian."
        ),
    )
    stats.set_defaults(handler=run_stats)

    progress = subparsers.add_parser(
        "progress",
        help=_("cadangkan atau pulihkan seluruh progres (JSON)"),
        description=_(
            "Cadangkan atau pulihkan seluruh progres: jawaban, sesi, kartu ulangan, "
            "log ulangan, catatan baca dan pengaturan."
        ),
    )
    actions = progress.add_subparsers(dest="action", metavar=_("AKSI"), required=True)
    export = actions.add_parser("export", help=_("tulis seluruh progres ke FILE.json"))
    export.add_argument(
        "file", type=Path, metavar="FILE.json", help=_("berkas cadangan yang ditulis")
    )
    export.set_defaults(handler=run_export)
    restore = actions.add_parser(
        "import",
        help=_("gabungkan progres dari FILE.json (jawaban yang sudah ada tidak digandakan)"),
    )
    restore.add_argument(
        "file", type=Path, metavar="FILE.json", help=_("berkas cadangan yang dibaca")
    )
    restore.add_argument(
        "--tanpa-pengaturan",
        dest="keep_settings",
        action="store_true",
        help=_("jangan ganti pengaturan dengan pengaturan dari berkas"),
    )
    restore.set_defaults(handler=run_import)


def _open_store(ctx: CommandContext) -> Any:
    from latsar_tui.store.progress import ProgressStore, StoreError

    try:
        store = ProgressStore.open(ctx.paths.ensure())
    except StoreError as error:
        raise CommandError(str(error), 2) from error
    if store.notice:
        print(store.notice)
    return store


def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write every piece of progress to the file."""
    from latsar_tui.store.transfer import TransferError, write_export

    with _open_store(ctx) as store:
        try:
            counts = write_export(store, ctx.paths, args.file)
        except TransferError as error:
            raise CommandError(str(error)) from error
    print(
        _(
            "Progres diekspor ke {file}: {answers} jawaban, {attempts} sesi, {cards} kartu, "
            "{logs} log ulangan."
        ).format(
            file=args.file,
            answers=counts["answers"],
            attempts=counts["attempts"],
            cards=counts["cards"],
            logs=counts["review_logs"],
        )
    )
    return 0


def run_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Merge a backup into the progress store."""
    from latsar_tui.store.transfer import (
        TransferError,
        import_progress,
        read_backup,
    )

    try:
        data = read_backup(args.file)
    except TransferError as error:
        raise CommandError(str(error)) from error
    with _open_store(ctx) as store:
        try:
            report = import_progress(
                store, ctx.paths, data, restore_settings=not args.keep_settings
            )
        except TransferError as error:
            raise CommandError(str(error)) from error
    print(
        _("Progres dari {file} digabungkan. {summary}").format(
            file=args.file, summary=report.summary()
        )
    )
    return 0


def run_stats(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Print the statistics as Rich tables."""
    from datetime import UTC, datetime

    from rich.console import Console

    from latsar_tui.content.loader import load_catalog
    from latsar_tui.review.stats import compute_statistics
    from latsar_tui.settings import load_settings

    catalog = load_catalog(ctx.paths, ctx.extra_content, cache=True)
    with _open_store(ctx) as store:
        stats = compute_statistics(catalog, store, load_settings(ctx.paths), datetime.now(UTC))
    console = Console(highlight=False)
    for renderable in stats_renderables(stats, console.width):
        console.print(renderable)
    return 0


def stats_renderables(stats: Statistics, width: int = 100) -> list[Any]:
    """The Rich renderables of ``latsar stats``, in order, fitted to ``width`` columns.

    Bars shrink on narrow terminals (and in pipes, which Rich treats as 80 columns) so
    that no column is cut off.
    """
    bar_width = 16 if width >= 100 else 8
    from rich.table import Table
    from rich.text import Text

    from latsar_tui.review import text

    overview = Table(title=_("Ringkasan"), show_header=False, title_justify="left")
    overview.add_column(_("Keterangan"))
    for line in text.overview_lines(stats):
        overview.add_row(Text(line))

    def mastery_table(title: str, what: str, rows: list[Mastery]) -> Table:
        table = Table(title=title, title_justify="left")
        table.add_column(what, min_width=20)
        table.add_column(_("Penguasaan"), justify="right")
        table.add_column("", no_wrap=True)
        table.add_column(_("Dijawab"), justify="right")
        # mean score of the last answers, as on screen
        table.add_column(
            pgettext("statistics column: share of last answers that were right", "Benar"),
            justify="right",
        )
        table.add_column(_("Ingatan"), justify="right")
        for row in rows:
            table.add_row(
                Text(row.title),
                text.pct(row.mastery),
                text.bar(row.mastery, bar_width),
                f"{row.answered}/{row.total}",
                text.pct(row.accuracy),
                text.pct(row.recall),
            )
        return table

    activity = Table(title=_("Jawaban per hari (30 hari terakhir)"), title_justify="left")
    activity.add_column(_("Tanggal"))
    activity.add_column(_("Jawaban"), justify="right")
    activity.add_column("", no_wrap=True)
    activity.add_column(_("Rata-rata skor"), justify="right")
    most = max((day.answers for day in stats.days), default=0) or 1
    for day in stats.days:
        activity.add_row(
            day.day.isoformat(),
            str(day.answers),
            text.bar(100 * day.answers / most, bar_width + 4),
            text.pct(day.average),
        )
    return [
        overview,
        mastery_table(_("Penguasaan per modul"), _("Modul"), stats.by_module),
        mastery_table(_("Penguasaan per pelajaran"), _("Pelajaran"), stats.by_lesson),
        mastery_table(_("Penguasaan per tag"), _("Tag"), stats.by_tag),
        activity,
        Text(text.activity_text(stats.days)),
    ]
