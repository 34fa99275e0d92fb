"""`latsar teks`: the line-by-line mode for screen readers and very small terminals."""

from __future__ import annotations

import argparse
from typing import Any

from latsar_tui.commands.base import CommandContext


def register(subparsers: Any) -> None:
    """Add the `teks` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "teks",
        aliases=["plain"],
        help="mode teks baris demi baris untuk pembaca layar (screen reader)",
        description=(
            "Belajar dan berlatih tanpa tampilan layar penuh: setiap baris dicetak sekali "
            "dan setiap pilihan diketik sebagai angka. Cocok untuk pembaca layar dan "
            "terminal yang sangat kecil."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Load content and progress, then hand over to the plain runner."""
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.plain.runner import PlainApp
    from latsar_tui.settings import load_settings
    from latsar_tui.store.progress import ProgressStore

    catalog = load_catalog(ctx.paths, ctx.extra_content, cache=True)
    with ProgressStore.open(ctx.paths.ensure()) as store:
        return PlainApp(catalog, store, load_settings(ctx.paths)).run()
