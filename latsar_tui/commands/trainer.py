"""Trainer subcommands: new, schema, import, export, pack, install, packs, uninstall,
results, report.

Thin wrappers: each handler imports its ``latsar_tui.trainer`` module lazily, prints
plain lines (text from content files is never read as Rich markup) and turns the
domain's errors into one-line ``CommandError`` messages in Indonesian.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from latsar_tui.commands.base import CommandContext, CommandError
from latsar_tui.fileio import write_text_atomically
from latsar_tui.i18n import _, format_decimal, ngettext

if TYPE_CHECKING:
    from latsar_tui.content.model import Bank, Finding
    from latsar_tui.trainer.report import ClassReport

_RAW = argparse.RawDescriptionHelpFormatter


def register(subparsers: Any) -> None:
    """Add every trainer subcommand."""
    _register_new(subparsers)
    _register_schema(subparsers)
    _register_import(subparsers)
    _register_export(subparsers)
    _register_packs(subparsers)
    _register_results(subparsers)


# --- helpers -------------------------------------------------------------------------


def _say(line: str = "") -> None:
    print(line, file=sys.stdout)


def _warn(line: str) -> None:
    print(line, file=sys.stderr)


def _write(path: Path, text: str, *, force: bool = True, private: bool = False) -> None:
    """Write text atomically (temp file + rename); refuse to overwrite unless forced."""
    if path.exists() and not force:
        raise CommandError(_exists(path))
    if path.is_dir():
        raise CommandError(_("{path} adalah folder, bukan berkas").format(path=path))
    try:
        write_text_atomically(path, text, private=private)
    except OSError as error:
        raise CommandError(
            _("{path} tidak bisa ditulis: {reason}").format(
                path=path, reason=error.strerror or error
            )
        ) from None


def _exists(path: Path) -> str:
    return _("{path} sudah ada; pakai --force untuk menimpanya").format(path=path)


def _print_findings(findings: Iterable[Finding]) -> None:
    for finding in findings:
        _warn(finding.format())


def _check_id(value: str, what: str) -> str:
    from latsar_tui.trainer.textutil import is_id

    if not is_id(value):
        raise CommandError(
            _(
                "'{value}' bukan {what} yang sah: pakai 1-64 huruf kecil, angka, '.', '_' "
                "atau '-', diawali huruf atau angka"
            ).format(value=value, what=what)
        )
    return value


# --- new / schema --------------------------------------------------------------------


def _register_new(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help=_("buat berkas awal: modul, bank soal, atau templat CSV"),
        description=_("Buat berkas awal berkomentar yang langsung lolos `latsar validate`."),
    )
    kinds = parser.add_subparsers(dest="new_kind", metavar=_("JENIS"), required=True)
    module = kinds.add_parser("module", help=_("modul pelajaran baru (modules/ID.yaml)"))
    module.add_argument("id", metavar="ID", help=_("id modul"))
    module.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help=_("bawaan: modules/ID.yaml")
    )
    module.add_argument("--force", action="store_true", help=_("timpa berkas yang sudah ada"))
    module.set_defaults(handler=run_new_module)
    bank = kinds.add_parser("bank", help=_("bank soal baru, satu contoh tiap jenis soal"))
    bank.add_argument("id", metavar="ID", help=_("id bank"))
    bank.add_argument("--module", metavar="ID", help=_("id modul yang dilatih bank ini"))
    bank.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help=_("bawaan: question_banks/ID.yaml")
    )
    bank.add_argument("--force", action="store_true", help=_("timpa berkas yang sudah ada"))
    bank.set_defaults(handler=run_new_bank)
    template = kinds.add_parser(
        "csv-template", help=_("templat CSV untuk `latsar import --format csv`")
    )
    template.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("templat-soal.csv"),
        metavar="FILE",
        help=_("bawaan: templat-soal.csv"),
    )
    template.add_argument("--force", action="store_true", help=_("timpa berkas yang sudah ada"))
    template.set_defaults(handler=run_new_csv_template)


def run_new_module(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write a starter module."""
    from latsar_tui.trainer.scaffold import module_starter

    module_id = _check_id(args.id, _("id modul"))
    output: Path = args.output or Path("modules") / f"{module_id}.yaml"
    _write(output, module_starter(module_id), force=args.force)
    _say(_("Dibuat {path}. Periksa dengan: latsar validate {path}").format(path=output))
    return 0


def run_new_bank(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write a starter bank, linked to a module's first lesson when the module is found."""
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.trainer.scaffold import bank_starter

    bank_id = _check_id(args.id, _("id bank"))
    module_id = _check_id(args.module, _("id modul")) if args.module else None
    output: Path = args.output or Path("question_banks") / f"{bank_id}.yaml"
    lesson_id = source_id = None
    if module_id:
        root = output.parent.parent if output.parent.name == "question_banks" else Path.cwd()
        catalog = load_catalog(ctx.paths, (*ctx.extra_content, root))
        module = catalog.module(module_id)
        if module is None:
            _warn(
                _(
                    "peringatan: modul '{module}' tidak ditemukan; bank ini baru lolos validasi "
                    "setelah modul itu ada"
                ).format(module=module_id)
            )
        else:
            lesson_id = module.lessons[0].id if module.lessons else None
            source_id = module.sources[0].id if module.sources else None
    _write(output, bank_starter(bank_id, module_id, lesson_id, source_id), force=args.force)
    _say(_("Dibuat {path}. Periksa dengan: latsar validate {path}").format(path=output))
    return 0


def run_new_csv_template(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write the CSV template."""
    from latsar_tui.trainer.csvbank import csv_template

    _write(args.output, csv_template(), force=args.force)
    _say(
        _("Dibuat {path}. Isi lalu impor: latsar import {path} --format csv -o BANK.yaml").format(
            path=args.output
        )
    )
    return 0


def _register_schema(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help=_("cetak JSON Schema (Draft-07) format modul atau bank soal"),
        description=_("Cetak JSON Schema format konten, untuk editor (VS Code) dan CI."),
    )
    parser.add_argument("kind", choices=("module", "bank"), help=_("jenis berkas"))
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=_("tulis ke berkas"))
    parser.set_defaults(handler=run_schema)


def run_schema(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Print (or write) the shipped JSON Schema."""
    from latsar_tui.trainer.schema import shipped_schema_text

    text = shipped_schema_text(args.kind)
    if args.output:
        _write(args.output, text)
        _say(_("Ditulis {path}").format(path=args.output))
    else:
        sys.stdout.write(text)
    return 0


# --- import / export -----------------------------------------------------------------


def _register_import(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help=_("impor soal dari GIFT, Aiken, Moodle XML atau CSV menjadi bank YAML"),
        description=_(
            "Impor soal menjadi bank soal YAML yang lolos validasi.\n"
            "Yang tidak bisa dibaca dilaporkan dengan berkas:baris; soal tanpa penjelasan\n"
            "diberi penanda 'TODO: tulis penjelasan' yang harus Anda isi."
        ),
        formatter_class=_RAW,
    )
    parser.add_argument("file", type=Path, metavar="FILE", help=_("berkas sumber"))
    parser.add_argument(
        "--format", required=True, choices=("gift", "aiken", "moodle-xml", "csv"), dest="fmt"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="BANK.yaml")
    parser.add_argument("--module", metavar="ID", help=_("id modul bank ini"))
    parser.add_argument(
        "--id", dest="bank_id", metavar="ID", help=_("id bank (bawaan: nama berkas)")
    )
    parser.add_argument("--title", metavar=_("JUDUL"), help=_("judul bank"))
    parser.add_argument("--force", action="store_true", help=_("timpa BANK.yaml yang sudah ada"))
    parser.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Import a file into a bank YAML and print what was imported, skipped and why."""
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.trainer.export import (
        attach_module,
        parse_import,
        render_import,
    )
    from latsar_tui.trainer.importing import ImportFailure, default_bank_id

    source: Path = args.file
    output: Path = args.output
    if output.exists() and not args.force:
        raise CommandError(_exists(output))
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise CommandError(_("berkas tidak ditemukan: {path}").format(path=source), 2) from None
    except OSError as error:
        raise CommandError(
            _("{path} tidak bisa dibaca: {reason}").format(
                path=source, reason=error.strerror or error
            )
        ) from None
    bank_id = (
        _check_id(args.bank_id, _("id bank")) if args.bank_id else default_bank_id(output, source)
    )
    module_id = _check_id(args.module, _("id modul")) if args.module else None
    try:
        result = parse_import(data, args.fmt, str(source))
        module = None
        if module_id:
            # The module may sit beside the output, in the same content root.
            roots = list(ctx.extra_content)
            if output.parent.name == "question_banks":
                roots.append(output.parent.parent)
            module = load_catalog(ctx.paths, roots).module(module_id)
            if module is None:
                _warn(
                    _("peringatan: modul '{module}' tidak ditemukan di folder konten").format(
                        module=module_id
                    )
                )
        attach_module(result, module_id, module)
        rendered = render_import(
            result,
            bank_id=bank_id,
            fmt=args.fmt,
            output=output,
            module_id=module_id,
            title=args.title,
        )
    except ImportFailure as error:
        raise CommandError(str(error)) from None
    if rendered.errors:
        _print_findings(rendered.errors)
        raise CommandError(_("hasil impor tidak lolos validasi; berkas tidak ditulis"))
    _write(output, rendered.text, force=True)
    counts = ", ".join(f"{kind} {n}" for kind, n in sorted(result.type_counts().items()))
    imported = len(result.questions)
    _say(
        ngettext(
            "Diimpor {count} soal ke {path} (bank '{bank}': {types}).",
            "Diimpor {count} soal ke {path} (bank '{bank}': {types}).",
            imported,
        ).format(count=imported, path=output, bank=bank_id, types=counts)
    )
    if result.skipped:
        _say(_("Dilewati {count}:").format(count=len(result.skipped)))
        for skipped in sorted(result.skipped, key=lambda s: s.line):
            _say(f"  {source}:{skipped.line}: {skipped.reason}")
    if result.notes:
        _say(_("Perlu diperiksa {count}:").format(count=len(result.notes)))
        for note in sorted(result.notes, key=lambda n: n.line):
            _say(f"  {source}:{note.line}: {note.question_id}: {note.message}")
    warnings = len(rendered.findings) - len(rendered.errors)
    _say(
        ngettext(
            "{path} lolos validasi (0 error, {warnings} peringatan; "
            "rinciannya: latsar validate {path}).",
            "{path} lolos validasi (0 error, {warnings} peringatan; "
            "rinciannya: latsar validate {path}).",
            warnings,
        ).format(path=output, warnings=warnings)
    )
    if result.todo_ids:
        todo = len(result.todo_ids)
        _say(
            ngettext(
                "Lengkapi penanda 'TODO:' pada {count} soal sebelum bank dibagikan.",
                "Lengkapi penanda 'TODO:' pada {count} soal sebelum bank dibagikan.",
                todo,
            ).format(count=todo)
        )
    return 0


def _register_export(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=_("ekspor bank soal ke GIFT, Moodle XML atau CSV"),
        description=_(
            "Ekspor bank soal (berkas YAML atau id bank) ke format LMS.\n"
            "scenario menjadi pilihan ganda berbobot (skor/5*100); ordering dan branching\n"
            "tidak punya padanan dan dilewati dengan catatan."
        ),
        formatter_class=_RAW,
    )
    parser.add_argument("bank", metavar="BANK", help=_("berkas BANK.yaml atau id bank"))
    parser.add_argument(
        "--format", required=True, choices=("gift", "moodle-xml", "csv"), dest="fmt"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    parser.add_argument("--force", action="store_true", help=_("timpa FILE yang sudah ada"))
    parser.set_defaults(handler=run_export)


def _load_bank(spec: str, ctx: CommandContext) -> Bank:
    from latsar_tui.content.loader import load_catalog, load_paths

    path = Path(spec)
    if path.exists():
        # The bank's own content root (beside its module) counts for its references.
        extra = list(ctx.extra_content)
        if path.is_file() and path.parent.name == "question_banks":
            extra.append(path.parent.parent)
        catalog = load_paths([path], ctx.paths, extra=extra)
        if catalog.errors:
            _print_findings(catalog.errors)
            errors = len(catalog.errors)
            raise CommandError(
                ngettext(
                    "{path} punya {count} kesalahan; perbaiki dulu",
                    "{path} punya {count} kesalahan; perbaiki dulu",
                    errors,
                ).format(path=path, count=errors)
            )
        if len(catalog.banks) != 1:
            raise CommandError(_("{path} bukan satu berkas bank soal").format(path=path))
        return catalog.banks[0]
    catalog = load_catalog(ctx.paths, ctx.extra_content)
    bank = catalog.bank(spec)
    if bank is None:
        raise CommandError(_("tidak ada berkas atau bank dengan id '{id}'").format(id=spec), 2)
    return bank


def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Export a bank and say what was left out."""
    from latsar_tui.trainer.export import export_bank

    # Refuse before any work, as `import` does: an earlier export may hold edits.
    if args.output.exists() and not args.force:
        raise CommandError(_exists(args.output))
    bank = _load_bank(args.bank, ctx)
    outcome = export_bank(bank, args.fmt)
    if outcome.exported == 0:
        raise CommandError(
            _("tidak ada soal bank '{bank}' yang bisa diekspor ke {format}").format(
                bank=bank.id, format=args.fmt
            )
        )
    _write(args.output, outcome.text, force=True)
    _say(
        ngettext(
            "Diekspor {count} soal bank '{bank}' ke {path} ({format}).",
            "Diekspor {count} soal bank '{bank}' ke {path} ({format}).",
            outcome.exported,
        ).format(count=outcome.exported, bank=bank.id, path=args.output, format=args.fmt)
    )
    if outcome.skipped:
        _say(_("Dilewati {count}:").format(count=len(outcome.skipped)))
        for question_id, reason in outcome.skipped:
            _say(f"  {question_id}: {reason}")
    return 0


# --- packs ---------------------------------------------------------------------------


def _register_packs(subparsers: Any) -> None:
    pack = subparsers.add_parser(
        "pack",
        help=_("kemas folder konten menjadi satu paket .latsarpack"),
        description=_(
            "Periksa semua berkas di DIR (modules/, question_banks/) lalu kemas jadi zip."
        ),
    )
    pack.add_argument("folder", type=Path, metavar="DIR", help=_("folder konten"))
    pack.add_argument("-o", "--output", type=Path, required=True, metavar=_("NAMA.latsarpack"))
    pack.add_argument(
        "--id", dest="pack_id", metavar="ID", help=_("id paket (bawaan: nama folder)")
    )
    pack.add_argument("--title", metavar=_("JUDUL"), help=_("judul paket (bawaan: id)"))
    pack.add_argument(
        "--version",
        dest="pack_version",
        default="1.0.0",
        metavar=_("VERSI"),
        help=_("versi, misalnya 1.2.0 (bawaan: 1.0.0)"),
    )
    pack.add_argument("--author", default="", metavar=_("NAMA"), help=_("penyusun paket"))
    pack.add_argument(
        "--izinkan-todo",
        dest="allow_todo",
        action="store_true",
        help=_("tetap kemas walau masih ada penanda 'TODO:' dari impor (misalnya untuk draf)"),
    )
    pack.set_defaults(handler=run_pack)

    install = subparsers.add_parser(
        "install",
        help=_("pasang paket .latsarpack"),
        description=_(
            "Periksa lalu pasang paket .latsarpack ke folder data. Versi yang lebih baru "
            "menggantikan versi lama; pemasangan yang gagal tidak meninggalkan sisa."
        ),
    )
    install.add_argument("file", type=Path, metavar="FILE", help=_("berkas .latsarpack"))
    install.set_defaults(handler=run_install)

    listing = subparsers.add_parser(
        "packs",
        help=_("daftar paket yang terpasang"),
        description=_("Tampilkan paket konten yang terpasang: id, judul, versi, penyusun."),
    )
    listing.set_defaults(handler=run_packs)

    uninstall = subparsers.add_parser(
        "uninstall",
        help=_("hapus paket terpasang (progres tetap)"),
        description=_("Hapus paket terpasang. Progres latihan untuk soal-soalnya tetap tersimpan."),
    )
    uninstall.add_argument("pack_id", metavar="ID", help=_("id paket (lihat `latsar packs`)"))
    uninstall.set_defaults(handler=run_uninstall)


def run_pack(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Validate a content folder and write it as a pack."""
    from latsar_tui.trainer.packs import PackError, build_pack
    from latsar_tui.trainer.textutil import slugify, todo_markers

    folder: Path = args.folder
    pack_id = args.pack_id or slugify(folder.resolve().name)
    _check_id(pack_id, _("id paket"))
    # Trainees would read "TODO: tulis penjelasan" as the explanation: stop here unless
    # the trainer says this pack is a draft.
    markers = todo_markers(folder) if folder.is_dir() else []
    if markers and not args.allow_todo:
        for where in markers:
            _warn(_("{where}: penanda 'TODO:' dari impor belum diganti").format(where=where))
        raise CommandError(
            ngettext(
                "paket tidak dibuat: {count} penanda 'TODO:' belum diganti dengan teks "
                "Anda (pakai --izinkan-todo untuk mengemas draf)",
                "paket tidak dibuat: {count} penanda 'TODO:' belum diganti dengan teks "
                "Anda (pakai --izinkan-todo untuk mengemas draf)",
                len(markers),
            ).format(count=len(markers))
        )
    try:
        info = build_pack(
            folder,
            args.output,
            pack_id=pack_id,
            title=args.title or pack_id,
            version=args.pack_version,
            author=args.author,
            paths=ctx.paths,
        )
    except PackError as error:
        _print_findings(error.findings)
        raise CommandError(_("paket tidak dibuat: {error}").format(error=error)) from None
    _say(
        ngettext(
            "Dibuat {path}: paket '{id}' versi {version}, {count} berkas konten.",
            "Dibuat {path}: paket '{id}' versi {version}, {count} berkas konten.",
            len(info.files),
        ).format(path=args.output, id=info.id, version=info.version, count=len(info.files))
    )
    return 0


def run_install(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Install a pack into the data folder."""
    from latsar_tui.trainer.packs import PackError, install_pack

    try:
        outcome = install_pack(args.file, ctx.paths)
    except PackError as error:
        _print_findings(error.findings)
        raise CommandError(str(error)) from None
    info = outcome.info
    if outcome.action == "same":
        _say(
            _("Paket '{id}' versi {version} sudah terpasang; tidak ada yang diubah.").format(
                id=info.id, version=info.version
            )
        )
        return 0
    if outcome.action == "older":
        raise CommandError(
            _(
                "paket '{id}' versi {version} lebih lama dari versi terpasang "
                "{previous}; tidak dipasang"
            ).format(id=info.id, version=info.version, previous=outcome.previous)
        )
    if outcome.action == "upgraded":
        _say(
            _("Paket '{id}' diperbarui dari versi {previous} ke {version}.").format(
                id=info.id, previous=outcome.previous, version=info.version
            )
        )
    else:
        _say(
            ngettext(
                "Paket '{id}' versi {version} terpasang ({count} berkas).",
                "Paket '{id}' versi {version} terpasang ({count} berkas).",
                len(info.files),
            ).format(id=info.id, version=info.version, count=len(info.files))
        )
    return 0


def run_packs(args: argparse.Namespace, ctx: CommandContext) -> int:
    """List installed packs in a table."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from latsar_tui.trainer.packs import installed_packs

    packs = installed_packs(ctx.paths)
    if not packs:
        _say(_("Belum ada paket terpasang."))
        return 0
    table = Table(title=_("Paket terpasang"))
    for column in ("ID", _("Judul"), _("Versi"), _("Penyusun"), _("Dibuat"), _("Berkas")):
        table.add_column(column)
    for pack in packs:
        if pack.info is None:
            broken = _("(rusak: {problem})").format(problem=pack.problem)
            table.add_row(Text(pack.folder.name), Text(broken), "", "", "", "")
            continue
        info = pack.info
        table.add_row(
            Text(info.id),
            Text(info.title),
            Text(info.version),
            Text(info.author),
            Text(info.created),
            str(len(info.files)),
        )
    Console(highlight=False).print(table)
    return 0


def run_uninstall(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Remove an installed pack; progress stays in the database."""
    from latsar_tui.trainer.packs import PackError, uninstall_pack

    try:
        record = uninstall_pack(args.pack_id, ctx.paths)
    except PackError as error:
        raise CommandError(str(error)) from None
    if record.info:
        line = _(
            "Paket '{id}' versi {version} dihapus. Progres latihan Anda tetap tersimpan."
        ).format(id=args.pack_id, version=record.info.version)
    else:
        line = _("Paket '{id}' dihapus. Progres latihan Anda tetap tersimpan.").format(
            id=args.pack_id
        )
    _say(line)
    return 0


# --- results / report ----------------------------------------------------------------


def _register_results(subparsers: Any) -> None:
    results = subparsers.add_parser("results", help=_("hasil latihan peserta untuk pelatih"))
    actions = results.add_subparsers(dest="results_action", metavar=_("AKSI"), required=True)
    export = actions.add_parser("export", help=_("tulis semua jawaban Anda ke satu berkas JSON"))
    export.add_argument("-o", "--output", type=Path, required=True, metavar=_("NAMA.json"))
    export.add_argument("--name", metavar=_("NAMA"), help=_("nama peserta"))
    export.add_argument("--nip", metavar="NIP", help=_("NIP peserta"))
    export.add_argument("--bank", metavar="ID", help=_("hanya jawaban untuk bank ini"))
    export.set_defaults(handler=run_results_export)

    report = subparsers.add_parser(
        "report",
        help=_("laporan kelas dari berkas hasil peserta"),
        description=_(
            "Nilai ulang setiap jawaban dari isi bank saat ini lalu gabungkan: per soal n,\n"
            "fasilitas, simpangan baku, indeks & efisiensi diskriminasi (cara Moodle), daya\n"
            "beda 27% atas-bawah, pilihan opsi, waktu, tanda; untuk tes rata-rata, median,\n"
            "simpangan baku, kemencengan, kurtosis, alpha Cronbach, galat baku, tingkat lulus.\n"
            "HASIL boleh berkas, folder (semua *.json di dalamnya) atau pola seperti\n"
            "hasil/*.json. -o laporan.html (satu berkas dengan grafik) atau -o laporan.csv\n"
            "(satu berkas CSV per tabel: laporan-soal.csv, laporan-peserta.csv, ...)."
        ),
        formatter_class=_RAW,
    )
    report.add_argument("files", nargs="*", type=Path, metavar=_("HASIL"))
    report.add_argument(
        "--lrs",
        metavar="URL",
        help=_("baca jawaban dari LRS xAPI ini (perlu --bank; kunci dari `latsar sinkron atur`)"),
    )
    report.add_argument("--bank", metavar="ID", help=_("hanya soal bank ini"))
    report.add_argument(
        "--percobaan",
        choices=("pertama", "terakhir", "terbaik", "semua"),
        default="pertama",
        help=_("jawaban mana yang dihitung per peserta per soal (bawaan: pertama)"),
    )
    report.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help=_("laporan.html atau laporan.csv")
    )
    report.set_defaults(handler=run_report)


def run_results_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write this trainee's answers to a JSON file."""
    from latsar_tui.trainer.results import ResultsError, export_results

    try:
        document = export_results(ctx.paths, name=args.name, nip=args.nip, bank_id=args.bank)
    except ResultsError as error:
        raise CommandError(str(error)) from None
    # A results file holds the trainee's name and NIP: readable by its owner only.
    _write(args.output, json.dumps(document, ensure_ascii=False, indent=1) + "\n", private=True)
    banks = sorted({a["bank"] for a in document["answers"]})
    answers = len(document["answers"])
    _say(
        ngettext(
            "Ditulis {path}: {answers} jawaban dari {banks} bank. "
            "Kirim berkas ini ke pelatih Anda.",
            "Ditulis {path}: {answers} jawaban dari {banks} bank. "
            "Kirim berkas ini ke pelatih Anda.",
            answers,
        ).format(path=args.output, answers=answers, banks=len(banks))
    )
    return 0


def run_report(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Re-score trainees' results and merge them into a class report."""
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.trainer.report import Problem, build_report
    from latsar_tui.trainer.report_output import csv_files, report_html
    from latsar_tui.trainer.results import ResultsError, expand_result_paths, read_results

    output: Path | None = args.output
    if output is not None and output.suffix.lower() not in {".csv", ".html", ".htm"}:
        raise CommandError(_("berkas laporan harus berakhiran .csv atau .html"))
    problems: list[Problem] = []
    results = []
    if args.lrs:
        results = _results_from_lrs(args.lrs, args.bank, ctx)
        if not results:
            raise CommandError(
                _("LRS {url} tidak menyimpan jawaban untuk bank '{bank}'").format(
                    url=args.lrs, bank=args.bank
                )
            )
    elif not args.files:
        raise CommandError(_("sebutkan berkas/folder HASIL, atau --lrs URL --bank ID"))
    files, missing = expand_result_paths(args.files)
    problems += [Problem(where, _("tidak ada"), why) for where, why in missing]
    for path in files:
        try:
            results.append(read_results(path))
        except ResultsError as error:
            # One broken file is named; the others are still reported.
            detail = str(error).removeprefix(f"{path}: ")
            problems.append(Problem(str(path), _("tidak terbaca"), detail))
    if not results:
        for problem in problems:
            _warn(_problem_line(problem))
        raise CommandError(_("tidak ada berkas hasil yang bisa dibaca"))
    extra = list(ctx.extra_content)
    # A trainer runs the report inside their content folder, as in the README.
    cwd = Path.cwd()
    if (cwd / "question_banks").is_dir() and cwd not in extra:
        extra.append(cwd)
    catalog = load_catalog(ctx.paths, extra)
    if args.bank and catalog.bank(args.bank) is None:
        _warn(
            _("peringatan: bank '{bank}' tidak ada di folder konten; soal tanpa teks").format(
                bank=args.bank
            )
        )
    report = build_report(results, catalog, args.bank, args.percobaan, problems)
    _print_report(report)
    for problem in report.problems:
        _warn(_problem_line(problem))
    if output is not None:
        if output.suffix.lower() == ".csv":
            written = csv_files(report, output)
            for path, text in written.items():
                _write(path, text)
            _say(
                ngettext(
                    "Laporan ditulis ke {count} berkas CSV: {names}.",
                    "Laporan ditulis ke {count} berkas CSV: {names}.",
                    len(written),
                ).format(count=len(written), names=", ".join(path.name for path in written))
            )
        else:
            _write(output, report_html(report))
            _say(_("Laporan ditulis ke {path}.").format(path=output))
    return 0


def _problem_line(problem: Any) -> str:
    return _("peringatan: {where}: {kind}: {detail}").format(
        where=problem.where, kind=problem.kind, detail=problem.detail
    )


def _results_from_lrs(url: str, bank_id: str | None, ctx: CommandContext) -> list[Any]:
    """Trainees' results read back from an LRS (the same objects results files give)."""
    from latsar_tui.xapi.client import LrsClient, LrsError
    from latsar_tui.xapi.config import load_config
    from latsar_tui.xapi.readback import results_from_lrs

    if not bank_id:
        raise CommandError(_("--lrs perlu --bank ID: laporan dari LRS dibuat per bank"))
    config = load_config(ctx.paths)
    try:
        return results_from_lrs(LrsClient(url, config.key, config.secret), bank_id)
    except LrsError as error:
        raise CommandError(_("laporan dari LRS gagal: {error}").format(error=error)) from None


def _print_report(report: ClassReport) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from latsar_tui.trainer.report import (
        ATTEMPT_LABELS,
        fmt_number,
        fmt_percent,
        fmt_ratio,
        option_summary,
    )

    console = Console(highlight=False)
    console.print(
        Text(
            _("Dinilai ulang dari isi bank saat ini. Percobaan: {attempts} ({label}).").format(
                attempts=report.attempts, label=_(ATTEMPT_LABELS[report.attempts])
            )
        )
    )
    if report.attention:
        console.print(Text(_("Periksa lebih dulu:")))
        for item in report.attention[:12]:
            reasons = "; ".join(item.attention)
            console.print(Text(f"  {item.bank_id}/{item.question_id}: {reasons}"))
    items = Table(
        title=ngettext(
            "Per soal ({count} peserta, kelompok 27% = {size})",
            "Per soal ({count} peserta, kelompok 27% = {size})",
            report.files_used,
        ).format(count=report.files_used, size=report.group_size)
    )
    # One bank (e.g. with --bank) goes into the title, leaving the width to the flags.
    banks = sorted({item.bank_id for item in report.items})
    one_bank = len(banks) == 1
    if one_bank:
        items.title = _("{title}, bank {bank}").format(title=items.title, bank=banks[0])
    columns = (_("Soal"), _("Jenis"), "n", _("Fas."), "ID", "ED", "D27", _("Pilihan"), _("Tanda"))
    for column in columns if one_bank else (_("Bank"), *columns):
        items.add_column(column, overflow="fold")
    for item in report.items:
        cells = () if one_bank else (Text(item.bank_id),)
        items.add_row(
            *cells,
            Text(item.question_id),
            Text(item.qtype),
            str(item.n),
            fmt_ratio(item.facility),
            fmt_number(item.discrimination_index, 0),
            fmt_number(item.discriminative_efficiency, 0),
            fmt_ratio(item.discrimination),
            Text(option_summary(item)),
            Text("; ".join(item.flags)),
        )
    console.print(items)
    d, r = report.distribution, report.reliability
    test = Table(title=_("Tes"))
    test.add_column(_("Ukuran"))
    test.add_column(_("Nilai"), justify="right")
    test.add_row(_("Rata-rata / median"), f"{fmt_number(d.mean)}% / {fmt_number(d.median)}%")
    test.add_row(_("Simpangan baku"), f"{fmt_number(d.sd)}%")
    test.add_row(
        _("Kemencengan / kurtosis"), f"{fmt_number(d.skewness, 2)} / {fmt_number(d.kurtosis, 2)}"
    )
    alpha = "-" if r.alpha is None else f"{format_decimal(r.alpha * 100, 1)}%"
    test.add_row(
        ngettext(
            "Alpha Cronbach ({count} peserta lengkap)",
            "Alpha Cronbach ({count} peserta lengkap)",
            r.count,
        ).format(count=r.count),
        alpha,
    )
    test.add_row(
        _("Rasio galat / galat baku"),
        f"{fmt_number(r.error_ratio)}% / {fmt_number(r.standard_error)}%",
    )
    if report.pass_mark is not None:
        test.add_row(
            _("Lulus (≥ {mark}%)").format(mark=report.pass_mark), fmt_percent(report.pass_rate)
        )
    console.print(test)
    trainees = Table(title=_("Per peserta"))
    for column in (_("Peserta"), _("Dijawab"), _("Rata-rata")):
        trainees.add_column(column)
    for trainee in report.trainees:
        trainees.add_row(Text(trainee.label), trainee.completion, fmt_percent(trainee.mean))
    console.print(trainees)
    if report.tags:
        tags = Table(title=_("Per tag"))
        for column in (_("Tag"), _("Jawaban"), _("Rata-rata")):
            tags.add_column(column)
        for tag in report.tags:
            tags.add_row(Text(tag.tag), str(tag.answers), fmt_percent(tag.mean))
        console.print(tags)
