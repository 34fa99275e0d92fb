"""The `latsar` command: argument parsing only.

Each area's subcommands live in ``latsar_tui.commands.<area>`` and expose
``register(subparsers)``; their handlers import the domain lazily, so ``latsar
validate`` never pays for (or depends on) Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from latsar_tui import i18n
from latsar_tui.commands.base import CommandContext, CommandError
from latsar_tui.i18n import _

# Areas whose subcommands the CLI offers, in the order `latsar --help` lists them.
COMMAND_MODULES: tuple[str, ...] = ("validate", "plain", "trainer", "review", "xapi")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse with its "usage:" and "error:" in the interface language.

    argparse binds those words to its own gettext domain at import; the parser and
    every subparser (``add_subparsers`` makes them of this class) say them through ours.
    """

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = super()._get_formatter()
        add_usage = formatter.add_usage

        def usage_in_our_words(
            usage: str | None, actions: Any, groups: Any, prefix: str | None = None
        ) -> None:
            add_usage(usage, actions, groups, _("pemakaian: ") if prefix is None else prefix)

        formatter.add_usage = usage_in_our_words  # type: ignore[method-assign]
        return formatter

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: kesalahan: {message}\n").format(prog=self.prog, message=message))


class _LazyVersion(argparse._VersionAction):
    """``--version`` that reads the package version only when asked (it is slow)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        import latsar_tui

        self.version = f"latsar {latsar_tui.__version__}"
        super().__call__(parser, *args, **kwargs)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every area's subcommands."""
    parser = _Parser(
        prog="latsar",
        formatter_class=_Formatter,
        description=_(
            "Latsar TUI: belajar materi Latihan Dasar CPNS dan berlatih soal, luring.\n"
            "Tanpa subperintah, `latsar` membuka aplikasi belajar (TUI)."
        ),
        epilog=_("Bantuan tiap subperintah: latsar <subperintah> --help"),
    )
    parser.add_argument("--version", action=_LazyVersion)
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help=_("folder data (progres, paket); bawaan: LATSAR_HOME atau folder data pengguna"),
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help=_(
            "mode teks baris demi baris (sama dengan `latsar teks`); juga otomatis dengan "
            "LATSAR_PLAIN=1, ACCESSIBLE=1, TERM=dumb, atau bila masukan/keluaran bukan terminal"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=sorted(i18n.LANGUAGES),
        metavar=_("KODE"),
        help=_(
            "bahasa antarmuka: id (Bahasa Indonesia, bawaan) atau en (English); "
            "juga LATSAR_LANG; konten tetap dalam bahasa aslinya"
        ),
    )
    parser.add_argument(
        "--content",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help=_("folder konten tambahan (berisi modules/ dan/atau question_banks/); boleh berulang"),
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar=_("SUBPERINTAH"), title=_("subperintah")
    )
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"latsar_tui.commands.{name}")
        module.register(subparsers)
    _localise(parser)
    return parser


def _localise(parser: argparse.ArgumentParser) -> None:
    """Titles and help of argparse's own parts in the interface language, in every subparser.

    argparse binds its English strings at import time through its own gettext domain,
    so they are replaced on the built parsers with our catalogue's words instead.
    """
    parser._optionals.title = _("opsi")
    parser._positionals.title = _("argumen")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = _("tampilkan bantuan ini lalu keluar")
        elif isinstance(action, argparse._VersionAction):
            action.help = _("tampilkan versi lalu keluar")
        elif isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                _localise(child)


def choose_language(argv: Sequence[str]) -> str:
    """The interface language for this run, known before any help text is built.

    ``--lang`` and ``--data-dir`` are read ahead of the full parse (whose help must
    already be in that language); a bad value is left for the full parse to report.
    """
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    early.add_argument("--data-dir", type=Path)
    known, _rest = early.parse_known_args(argv)
    setting = None
    if i18n.normalise(known.lang) is None and i18n.normalise(os.environ.get("LATSAR_LANG")) is None:
        from latsar_tui.paths import Paths
        from latsar_tui.settings import load_settings

        setting = load_settings(Paths.resolve(known.data_dir)).language
    return i18n.resolve(known.lang, os.environ, setting)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `latsar` console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.setup(choose_language(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CommandContext.from_args(args)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from latsar_tui.plain.start import plain_reason

            reason = plain_reason(args.plain, os.environ, sys.stdin, sys.stdout)
            if reason is not None:
                from latsar_tui.commands.plain import run_plain

                return run_plain(ctx, reason)
            return _run_app(ctx)
        result: int = handler(args, ctx)
        return result
    except CommandError as error:
        print(f"latsar: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        # Every answer is committed the moment it is given, so say that nothing is lost.
        print(
            _("latsar: dihentikan (Ctrl+C). Jawaban yang sudah dikirim tetap tersimpan."),
            file=sys.stderr,
        )
        return 130


def _run_app(ctx: CommandContext) -> int:
    """Start the study app (Textual is imported only here)."""
    try:
        from latsar_tui.ui.app import run_app
    except ImportError:
        print(
            _(
                "Aplikasi belajar (TUI) belum tersedia di versi ini. "
                "Coba `latsar validate` atau `latsar --help`."
            ),
            file=sys.stderr,
        )
        return 0
    return run_app(ctx)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
