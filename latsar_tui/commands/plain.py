"""`latsar teks`: the line-by-line mode for screen readers and very small terminals."""

from __future__ import annotations

import argparse
from typing import Any

from latsar_tui.commands.base import CommandContext
from latsar_tui.i18n import _


def register(subparsers: Any) -> None:
    """Add the `teks` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "teks",
        aliases=["plain"],
        help=_("mode teks baris demi baris untuk pembaca layar (screen reader)"),
        description=_(
            "Belajar dan berlatih tanpa tampilan layar penuh: setiap baris dicetak sekali "
            "dan setiap pilihan diketik sebagai angka. Cocok untuk pembaca layar dan "
            "terminal yang sangat kecil."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Load content and progress, then hand over to the plain runner."""
    return run_plain(ctx)


def run_plain(ctx: CommandContext, reason: str | None = None) -> int:
    """The plain runner on real standard input and output, wrapped to the terminal."""
    import shutil
    import sys

    from latsar_tui.content.loader import load_catalog
    from latsar_tui.plain.lines import wrapping_printer
    from latsar_tui.plain.runner import PlainApp
    from latsar_tui.plain.start import output_width
    from latsar_tui.settings import load_settings
    from latsar_tui.store.progress import ProgressStore

    columns = shutil.get_terminal_size(fallback=(0, 0)).columns or None
    say = wrapping_printer(output_width(sys.stdout, columns))
    if reason is not None:
        say(
            _(
                "Mode teks dipakai ({reason}). Tampilan layar penuh: jalankan `latsar` di terminal."
            ).format(reason=reason)
        )
    catalog = load_catalog(ctx.paths, ctx.extra_content, cache=True)
    with ProgressStore.open(ctx.paths.ensure()) as store:
        app = PlainApp(catalog, store, load_settings(ctx.paths), say=say, paths=ctx.paths)
        return app.run()
