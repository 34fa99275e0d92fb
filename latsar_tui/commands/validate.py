"""`latsar validate`: check lesson modules and question banks against the content contract.

Findings are printed as plain lines (never through Rich markup: they quote the
trainer's own text), then the contract's summary line. Exit status: 0 no error,
1 at least one error, 2 could not run (a path that does not exist).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from latsar_tui.commands.base import CommandContext, CommandError
from latsar_tui.i18n import _

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_CANNOT_RUN = 2


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help=_("periksa modul dan bank soal (YAML) terhadap format konten"),
        description=_(
            "Periksa file modul (modules/*.yaml) dan bank soal (question_banks/*.yaml).\n"
            "Setiap temuan dicetak satu baris: path:baris:kolom: error|warning: pesan [kode].\n"
            "Tanpa PATH, semua folder konten yang dibaca aplikasi diperiksa, ditambah folder\n"
            "saat ini bila berisi modules/ atau question_banks/.\n"
            "Dengan PATH, rujukan (modul, pelajaran, sumber) dicari juga di folder konten\n"
            "tempat PATH berada, di konten bawaan dan di paket terpasang, seperti di\n"
            "aplikasi; yang dicetak hanya temuan pada PATH.\n\n"
            "Kode keluar: 0 tidak ada error (warning boleh), 1 ada error,\n"
            "2 tidak dapat dijalankan (misalnya PATH tidak ada)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "targets",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=_(
            "file YAML, folder konten (berisi modules/ atau question_banks/), "
            "atau folder modules/ / question_banks/"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("text (bawaan): satu baris per temuan dan ringkasan; json: larik JSON temuan"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Validate the targets (or every content root) and print the findings."""
    from latsar_tui.content.loader import (
        load_catalog,
        load_paths,
    )
    from latsar_tui.content.roots import is_root
    from latsar_tui.paths import env_content_roots

    targets: list[Path] = list(args.targets)
    for target in targets:
        if not target.exists():
            raise CommandError(
                _("path tidak ditemukan: {path}").format(path=target), EXIT_CANNOT_RUN
            )
    if targets:
        catalog = load_paths(targets, ctx.paths, extra=ctx.extra_content)
    else:
        for folder in [*ctx.extra_content, *env_content_roots()]:
            if not folder.is_dir():
                raise CommandError(
                    _("folder konten tidak ditemukan: {folder}").format(folder=folder),
                    EXIT_CANNOT_RUN,
                )
        # A trainer who runs `latsar validate` inside their own content folder means it.
        here = [Path.cwd()] if is_root(Path.cwd()) else []
        catalog = load_catalog(ctx.paths, [*ctx.extra_content, *here])

    out = sys.stdout
    if args.format == "json":
        json.dump([f.as_dict() for f in catalog.findings], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for finding in catalog.findings:
            out.write(finding.format() + "\n")
        out.write(summary(len(catalog.errors), len(catalog.warnings), catalog.files_checked) + "\n")
    return EXIT_ERRORS if catalog.errors else EXIT_OK


def summary(errors: int, warnings: int, files: int) -> str:
    """The contract's summary line, e.g. ``2 errors, 0 warnings in 5 files``.

    Not translated: like the finding lines above it, it is a fixed format that editors
    and CI scripts read (README, "3. Check"), the same in every language.
    """
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {_count(files, 'file')}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
