"""``latsar sinkron``: send learning records to the training centre's LRS (xAPI).

``latsar sinkron atur`` saves the endpoint, key and secret (0600, never printed);
``latsar sinkron`` sends what the LRS has not confirmed; ``--dry-run`` prints it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from latsar_tui.commands.base import CommandContext, CommandError
from latsar_tui.i18n import _, ngettext


def register(subparsers: Any) -> None:
    """Add ``sinkron`` and its ``atur`` / ``status`` actions."""
    parser = subparsers.add_parser(
        "sinkron",
        help=_("kirim catatan belajar ke LRS pusat pelatihan (xAPI)"),
        description=_(
            "Kirim jawaban dan percobaan yang belum terkirim ke LRS (xAPI 1.0.3), "
            "per kelompok, dengan pengulangan bila koneksi putus. Tanpa LRS yang diatur, "
            "tidak ada yang dikirim. Atur dulu: latsar sinkron atur --endpoint URL --key KUNCI"
        ),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("cetak pernyataan xAPI tanpa mengirim")
    )
    parser.set_defaults(handler=run_sync)
    actions = parser.add_subparsers(dest="sync_action", metavar=_("AKSI"), title=_("aksi"))
    setup = actions.add_parser("atur", help=_("simpan alamat LRS, kunci, rahasia, dan identitas"))
    setup.add_argument("--endpoint", metavar="URL", help=_("alamat xAPI, mis. https://lrs/xAPI/"))
    setup.add_argument("--key", metavar=_("KUNCI"), help=_("kunci (nama pengguna) dari pusat"))
    setup.add_argument(
        "--secret-stdin",
        action="store_true",
        help=_("baca rahasia dari masukan standar (bawaan: ditanyakan bila --key diisi)"),
    )
    setup.add_argument("--home-page", metavar="URL", help=_("halaman pusat pelatihan (akun xAPI)"))
    setup.add_argument("--name", metavar=_("NAMA"), help=_("nama peserta"))
    setup.add_argument("--nip", metavar="NIP", help=_("NIP peserta (nama akun xAPI)"))
    setup.set_defaults(handler=run_setup)
    status = actions.add_parser(
        "status", help=_("tampilkan pengaturan LRS dan yang belum terkirim")
    )
    status.set_defaults(handler=run_status)


def _say(line: str = "") -> None:
    print(line)


def run_setup(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Save the LRS settings; the secret is asked for, never taken from the command line."""
    from latsar_tui.xapi.config import LrsConfigError, load_config, save_config

    config = load_config(ctx.paths)
    changes: dict[str, str | None] = {}
    for field_name in ("endpoint", "key", "home_page", "name", "nip"):
        value = getattr(args, field_name)
        if value is not None:
            changes[field_name] = value.strip() or None
    if args.secret_stdin:
        changes["secret"] = sys.stdin.readline().rstrip("\r\n") or None
    elif args.key:
        changes["secret"] = getpass.getpass(_("Rahasia LRS (tidak ditampilkan): ")) or None
    try:
        config = config.updated(**changes)
    except LrsConfigError as error:
        raise CommandError(str(error)) from None
    path = save_config(ctx.paths, config)
    _say(_("Pengaturan LRS disimpan di {path} (hanya dapat dibaca akun Anda).").format(path=path))
    for line in config.describe():
        _say(line)
    return 0


def run_status(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Show the LRS settings (secret masked) and how many statements wait."""
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.xapi.config import load_config
    from latsar_tui.xapi.sync import pending_statements

    config = load_config(ctx.paths)
    for line in config.describe():
        _say(line)
    if ctx.paths.database.is_file():
        waiting = pending_statements(ctx.paths, config, load_catalog(ctx.paths, ctx.extra_content))
        count = len(waiting)
        _say(
            ngettext(
                "Belum terkirim: {count} pernyataan", "Belum terkirim: {count} pernyataan", count
            ).format(count=count)
        )
    return 0


def run_sync(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Send (or with --dry-run print) what the LRS has not confirmed."""
    if getattr(args, "sync_action", None):
        return 0  # pragma: no cover - actions set their own handler
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.xapi.config import load_config
    from latsar_tui.xapi.sync import pending_statements, sync

    config = load_config(ctx.paths)
    if not config.configured and not args.dry_run:
        _say(
            _(
                "Belum ada LRS yang diatur, jadi tidak ada yang dikirim; jawaban Anda tetap "
                "tersimpan di perangkat ini. Atur dengan: "
                "latsar sinkron atur --endpoint URL --key KUNCI"
            )
        )
        return 0
    if not ctx.paths.database.is_file():
        _say(_("Belum ada progres tersimpan, jadi tidak ada yang dikirim."))
        return 0
    catalog = load_catalog(ctx.paths, ctx.extra_content)
    if args.dry_run:
        waiting = pending_statements(ctx.paths, config, catalog)
        print(json.dumps(waiting, ensure_ascii=False, indent=2))
        count = len(waiting)
        _say(
            ngettext(
                "{count} pernyataan akan dikirim (uji coba: tidak ada yang dikirim).",
                "{count} pernyataan akan dikirim (uji coba: tidak ada yang dikirim).",
                count,
            ).format(count=count)
        )
        return 0
    outcome = sync(ctx.paths, config, catalog)
    if outcome.error is not None:
        raise CommandError(
            _("{error} Terkirim {sent}, menunggu {waiting}.").format(
                error=outcome.error, sent=outcome.sent, waiting=outcome.waiting
            ),
            exit_code=2,
        )
    if outcome.sent == 0:
        _say(_("Semua catatan sudah terkirim; tidak ada yang baru."))
    else:
        _say(
            ngettext(
                "Terkirim {count} pernyataan ke {endpoint}.",
                "Terkirim {count} pernyataan ke {endpoint}.",
                outcome.sent,
            ).format(count=outcome.sent, endpoint=config.endpoint)
        )
    return 0
