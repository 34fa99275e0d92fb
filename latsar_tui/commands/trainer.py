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
        raise CommandError(f"{path} sudah ada; pakai --force untuk menimpanya")
    if path.is_dir():
        raise CommandError(f"{path} adalah folder, bukan berkas")
    try:
        write_text_atomically(path, text, private=private)
    except OSError as error:
        raise CommandError(f"{path} tidak bisa ditulis: {error.strerror or error}") from None


def _print_findings(findings: Iterable[Finding]) -> None:
    for finding in findings:
        _warn(finding.format())


def _check_id(value: str, what: str) -> str:
    from latsar_tui.trainer.textutil import is_id

    if not is_id(value):
        raise CommandError(
            f"'{value}' bukan {what} yang sah: pakai 1-64 huruf kecil, angka, '.', '_' atau '-', "
            "diawali huruf atau angka"
        )
    return value


# --- new / schema --------------------------------------------------------------------


def _register_new(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="buat berkas awal: modul, bank soal, atau templat CSV",
        description="Buat berkas awal berkomentar yang langsung lolos `latsar validate`.",
    )
    kinds = parser.add_subparsers(dest="new_kind", metavar="JENIS", required=True)
    module = kinds.add_parser("module", help="modul pelajaran baru (modules/ID.yaml)")
    module.add_argument("id", metavar="ID", help="id modul")
    module.add_argument("-o", "--output", type=Path, metavar="FILE", help="bawaan: modules/ID.yaml")
    module.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    module.set_defaults(handler=run_new_module)
    bank = kinds.add_parser("bank", help="bank soal baru, satu contoh tiap jenis soal")
    bank.add_argument("id", metavar="ID", help="id bank")
    bank.add_argument("--module", metavar="ID", help="id modul yang dilatih bank ini")
    bank.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="bawaan: question_banks/ID.yaml"
    )
    bank.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    bank.set_defaults(handler=run_new_bank)
    template = kinds.add_parser(
        "csv-template", help="templat CSV untuk `latsar import --format csv`"
    )
    template.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("templat-soal.csv"),
        metavar="FILE",
        help="bawaan: templat-soal.csv",
    )
    template.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    template.set_defaults(handler=run_new_csv_template)


def run_new_module(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write a starter module."""
    from latsar_tui.trainer.scaffold import module_starter

    module_id = _check_id(args.id, "id modul")
    output: Path = args.output or Path("modules") / f"{module_id}.yaml"
    _write(output, module_starter(module_id), force=args.force)
    _say(f"Dibuat {output}. Periksa dengan: latsar validate {output}")
    return 0


def run_new_bank(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write a starter bank, linked to a module's first lesson when the module is found."""
    from latsar_tui.content.loader import load_catalog
    from latsar_tui.trainer.scaffold import bank_starter

    bank_id = _check_id(args.id, "id bank")
    module_id = _check_id(args.module, "id modul") if args.module else None
    output: Path = args.output or Path("question_banks") / f"{bank_id}.yaml"
    lesson_id = source_id = None
    if module_id:
        root = output.parent.parent if output.parent.name == "question_banks" else Path.cwd()
        catalog = load_catalog(ctx.paths, (*ctx.extra_content, root))
        module = catalog.module(module_id)
        if module is None:
            _warn(
                f"peringatan: modul '{module_id}' tidak ditemukan; bank ini baru lolos validasi "
                "setelah modul itu ada"
            )
        else:
            lesson_id = module.lessons[0].id if module.lessons else None
            source_id = module.sources[0].id if module.sources else None
    _write(output, bank_starter(bank_id, module_id, lesson_id, source_id), force=args.force)
    _say(f"Dibuat {output}. Periksa dengan: latsar validate {output}")
    return 0


def run_new_csv_template(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Write the CSV template."""
    from latsar_tui.trainer.csvbank import csv_template

    _write(args.output, csv_template(), force=args.force)
    _say(
        f"Dibuat {args.output}. Isi lalu impor: "
        f"latsar import {args.output} --format csv -o BANK.yaml"
    )
    return 0


def _register_schema(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="cetak JSON Schema (Draft-07) format modul atau bank soal",
        description="Cetak JSON Schema format konten, untuk editor (VS Code) dan CI.",
    )
    parser.add_argument("kind", choices=("module", "bank"), help="jenis berkas")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="tulis ke berkas")
    parser.set_defaults(handler=run_schema)


def run_schema(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Print (or write) the shipped JSON Schema."""
    from latsar_tui.trainer.schema import shipped_schema_text

    text = shipped_schema_text(args.kind)
    if args.output:
        _write(args.output, text)
        _say(f"Ditulis {args.output}")
    else:
        sys.stdout.write(text)
    return 0


# --- import / export -----------------------------------------------------------------


def _register_import(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="impor soal dari GIFT, Aiken, Moodle XML atau CSV menjadi bank YAML",
        description=(
            "Impor soal menjadi bank soal YAML yang lolos validasi.\n"
            "Yang tidak bisa dibaca dilaporkan dengan berkas:baris; soal tanpa penjelasan\n"
            "diberi penanda 'TODO: tulis penjelasan' yang harus Anda isi."
        ),
        formatter_class=_RAW,
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="berkas sumber")
    parser.add_argument(
        "--format", required=True, choices=("gift", "aiken", "moodle-xml", "csv"), dest="fmt"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="BANK.yaml")
    parser.add_argument("--module", metavar="ID", help="id modul bank ini")
    parser.add_argument("--id", dest="bank_id", metavar="ID", help="id bank (bawaan: nama berkas)")
    parser.add_argument("--title", metavar="JUDUL", help="judul bank")
    parser.add_argument("--force", action="store_true", help="timpa BANK.yaml yang sudah ada")
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
        raise CommandError(f"{output} sudah ada; pakai --force untuk menimpanya")
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"berkas tidak ditemukan: {source}", 2) from None
    except OSError as error:
        raise CommandError(f"{source} tidak bisa dibaca: {error.strerror or error}") from None
    bank_id = (
        _check_id(args.bank_id, "id bank") if args.bank_id else default_bank_id(output, source)
    )
    module_id = _check_id(args.module, "id modul") if args.module else None
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
                _warn(f"peringatan: modul '{module_id}' tidak ditemukan di folder konten")
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
        raise CommandError("hasil impor tidak lolos validasi; berkas tidak ditulis")
    _write(output, rendered.text, force=True)
    counts = ", ".join(f"{kind} {n}" for kind, n in sorted(result.type_counts().items()))
    _say(f"Diimpor {len(result.questions)} soal ke {output} (bank '{bank_id}': {counts}).")
    if result.skipped:
        _say(f"Dilewati {len(result.skipped)}:")
        for skipped in sorted(result.skipped, key=lambda s: s.line):
            _say(f"  {source}:{skipped.line}: {skipped.reason}")
    if result.notes:
        _say(f"Perlu diperiksa {len(result.notes)}:")
        for note in sorted(result.notes, key=lambda n: n.line):
            _say(f"  {source}:{note.line}: {note.question_id}: {note.message}")
    warnings = len(rendered.findings) - len(rendered.errors)
    _say(
        f"{output} lolos validasi (0 error, {warnings} peringatan; "
        f"rinciannya: latsar validate {output})."
    )
    if result.todo_ids:
        _say(f"Lengkapi penanda 'TODO:' pada {len(result.todo_ids)} soal sebelum bank dibagikan.")
    return 0


def _register_export(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="ekspor bank soal ke GIFT, Moodle XML atau CSV",
        description=(
            "Ekspor bank soal (berkas YAML atau id bank) ke format LMS.\n"
            "scenario menjadi pilihan ganda berbobot (skor/5*100); ordering dan branching\n"
            "tidak punya padanan dan dilewati dengan catatan."
        ),
        formatter_class=_RAW,
    )
    parser.add_argument("bank", metavar="BANK", help="berkas BANK.yaml atau id bank")
    parser.add_argument(
        "--format", required=True, choices=("gift", "moodle-xml", "csv"), dest="fmt"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    parser.add_argument("--force", action="store_true", help="timpa FILE yang sudah ada")
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
            raise CommandError(f"{path} punya {len(catalog.errors)} kesalahan; perbaiki dulu")
        if len(catalog.banks) != 1:
            raise CommandError(f"{path} bukan satu berkas bank soal")
        return catalog.banks[0]
    catalog = load_catalog(ctx.paths, ctx.extra_content)
    bank = catalog.bank(spec)
    if bank is None:
        raise CommandError(f"tidak ada berkas atau bank dengan id '{spec}'", 2)
    return bank


def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Export a bank and say what was left out."""
    from latsar_tui.trainer.export import export_bank

    # Refuse before any work, as `import` does: an earlier export may hold edits.
    if args.output.exists() and not args.force:
        raise CommandError(f"{args.output} sudah ada; pakai --force untuk menimpanya")
    bank = _load_bank(args.bank, ctx)
    outcome = export_bank(bank, args.fmt)
    if outcome.exported == 0:
        raise CommandError(f"tidak ada soal bank '{bank.id}' yang bisa diekspor ke {args.fmt}")
    _write(args.output, outcome.text, force=True)
    _say(f"Diekspor {outcome.exported} soal bank '{bank.id}' ke {args.output} ({args.fmt}).")
    if outcome.skipped:
        _say(f"Dilewati {len(outcome.skipped)}:")
        for question_id, reason in outcome.skipped:
            _say(f"  {question_id}: {reason}")
    return 0


# --- packs ---------------------------------------------------------------------------


def _register_packs(subparsers: Any) -> None:
    pack = subparsers.add_parser(
        "pack",
        help="kemas folder konten menjadi satu paket .latsarpack",
        description="Periksa semua berkas di DIR (modules/, question_banks/) lalu kemas jadi zip.",
    )
    pack.add_argument("folder", type=Path, metavar="DIR", help="folder konten")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="NAMA.latsarpack")
    pack.add_argument("--id", dest="pack_id", metavar="ID", help="id paket (bawaan: nama folder)")
    pack.add_argument("--title", metavar="JUDUL", help="judul paket (bawaan: id)")
    pack.add_argument(
        "--version",
        dest="pack_version",
        default="1.0.0",
        metavar="VERSI",
        help="versi, misalnya 1.2.0 (bawaan: 1.0.0)",
    )
    pack.add_argument("--author", default="", metavar="NAMA", help="penyusun paket")
    pack.add_argument(
        "--izinkan-todo",
        dest="allow_todo",
        action="store_true",
        help="tetap kemas walau masih ada penanda 'TODO:' dari impor (misalnya untuk draf)",
    )
    pack.set_defaults(handler=run_pack)

    install = subparsers.add_parser(
        "install",
        help="pasang paket .latsarpack",
        description=(
            "Periksa lalu pasang paket .latsarpack ke folder data. Versi yang lebih baru "
            "menggantikan versi lama; pemasangan yang gagal tidak meninggalkan sisa."
        ),
    )
    install.add_argument("file", type=Path, metavar="FILE", help="berkas .latsarpack")
    install.set_defaults(handler=run_install)

    listing = subparsers.add_parser(
        "packs",
        help="daftar paket yang terpasang",
        description="Tampilkan paket konten yang terpasang: id, judul, versi, penyusun.",
    )
    listing.set_defaults(handler=run_packs)

    uninstall = subparsers.add_parser(
        "uninstall",
        help="hapus paket terpasang (progres tetap)",
        description="Hapus paket terpasang. Progres latihan untuk soal-soalnya tetap tersimpan.",
    )
    uninstall.add_argument("pack_id", metavar="ID", help="id paket (lihat `latsar packs`)")
    uninstall.set_defaults(handler=run_uninstall)


def run_pack(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Validate a content folder and write it as a pack."""
    from latsar_tui.trainer.packs import PackError, build_pack
    from latsar_tui.trainer.textutil import slugify, todo_markers

    folder: Path = args.folder
    pack_id = args.pack_id or slugify(folder.resolve().name)
    _check_id(pack_id, "id paket")
    # Trainees would read "TODO: tulis penjelasan" as the explanation: stop here unless
    # the trainer says this pack is a draft.
    markers = todo_markers(folder) if folder.is_dir() else []
    if markers and not args.allow_todo:
        for where in markers:
            _warn(f"{where}: penanda 'TODO:' dari impor belum diganti")
        raise CommandError(
            f"paket tidak dibuat: {len(markers)} penanda 'TODO:' belum diganti dengan teks "
            "Anda (pakai --izinkan-todo untuk mengemas draf)"
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
        raise CommandError(f"paket tidak dibuat: {error}") from None
    _say(
        f"Dibuat {args.output}: paket '{info.id}' versi {info.version}, "
        f"{len(info.files)} berkas konten."
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
        _say(f"Paket '{info.id}' versi {info.version} sudah terpasang; tidak ada yang diubah.")
        return 0
    if outcome.action == "older":
        raise CommandError(
            f"paket '{info.id}' versi {info.version} lebih lama dari versi terpasang "
            f"{outcome.previous}; tidak dipasang"
        )
    if outcome.action == "upgraded":
        _say(f"Paket '{info.id}' diperbarui dari versi {outcome.previous} ke {info.version}.")
    else:
        _say(f"Paket '{info.id}' versi {info.version} terpasang ({len(info.files)} berkas).")
    return 0


def run_packs(args: argparse.Namespace, ctx: CommandContext) -> int:
    """List installed packs in a table."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from latsar_tui.trainer.packs import installed_packs

    packs = installed_packs(ctx.paths)
    if not packs:
        _say("Belum ada paket terpasang.")
        return 0
    table = Table(title="Paket terpasang")
    for column in ("ID", "Judul", "Versi", "Penyusun", "Dibuat", "Berkas"):
        table.add_column(column)
    for pack in packs:
        if pack.info is None:
            table.add_row(Text(pack.folder.name), Text(f"(rusak: {pack.problem})"), "", "", "", "")
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
    version = f" versi {record.info.version}" if record.info else ""
    _say(f"Paket '{args.pack_id}'{version} dihapus. Progres latihan Anda tetap tersimpan.")
    return 0


# --- results / report ----------------------------------------------------------------


def _register_results(subparsers: Any) -> None:
    results = subparsers.add_parser("results", help="hasil latihan peserta untuk pelatih")
    actions = results.add_subparsers(dest="results_action", metavar="AKSI", required=True)
    export = actions.add_parser("export", help="tulis semua jawaban Anda ke satu berkas JSON")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="NAMA.json")
    export.add_argument("--name", metavar="NAMA", help="nama peserta")
    export.add_argument("--nip", metavar="NIP", help="NIP peserta")
    export.add_argument("--bank", metavar="ID", help="hanya jawaban untuk bank ini")
    export.set_defaults(handler=run_results_export)

    report = subparsers.add_parser(
        "report",
        help="laporan kelas dari berkas hasil peserta",
        description=(
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
    report.add_argument("files", nargs="*", type=Path, metavar="HASIL")
    report.add_argument(
        "--lrs",
        metavar="URL",
        help="baca jawaban dari LRS xAPI ini (perlu --bank; kunci dari `latsar sinkron atur`)",
    )
    report.add_argument("--bank", metavar="ID", help="hanya soal bank ini")
    report.add_argument(
        "--percobaan",
        choices=("pertama", "terakhir", "terbaik", "semua"),
        default="pertama",
        help="jawaban mana yang dihitung per peserta per soal (bawaan: pertama)",
    )
    report.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="laporan.html atau laporan.csv"
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
    _say(
        f"Ditulis {args.output}: {len(document['answers'])} jawaban dari "
        f"{len(banks)} bank. Kirim berkas ini ke pelatih Anda."
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
        raise CommandError("berkas laporan harus berakhiran .csv atau .html")
    problems: list[Problem] = []
    results = []
    if args.lrs:
        results = _results_from_lrs(args.lrs, args.bank, ctx)
        if not results:
            raise CommandError(f"LRS {args.lrs} tidak menyimpan jawaban untuk bank '{args.bank}'")
    elif not args.files:
        raise CommandError("sebutkan berkas/folder HASIL, atau --lrs URL --bank ID")
    files, missing = expand_result_paths(args.files)
    problems += [Problem(where, "tidak ada", why) for where, why in missing]
    for path in files:
        try:
            results.append(read_results(path))
        except ResultsError as error:
            # One broken file is named; the others are still reported.
            detail = str(error).removeprefix(f"{path}: ")
            problems.append(Problem(str(path), "tidak terbaca", detail))
    if not results:
        for problem in problems:
            _warn(f"peringatan: {problem.where}: {problem.kind}: {problem.detail}")
        raise CommandError("tidak ada berkas hasil yang bisa dibaca")
    extra = list(ctx.extra_content)
    # A trainer runs the report inside their content folder, as in the README.
    cwd = Path.cwd()
    if (cwd / "question_banks").is_dir() and cwd not in extra:
        extra.append(cwd)
    catalog = load_catalog(ctx.paths, extra)
    if args.bank and catalog.bank(args.bank) is None:
        _warn(f"peringatan: bank '{args.bank}' tidak ada di folder konten; soal tanpa teks")
    report = build_report(results, catalog, args.bank, args.percobaan, problems)
    _print_report(report)
    for problem in report.problems:
        _warn(f"peringatan: {problem.where}: {problem.kind}: {problem.detail}")
    if output is not None:
        if output.suffix.lower() == ".csv":
            written = csv_files(report, output)
            for path, text in written.items():
                _write(path, text)
            _say(
                f"Laporan ditulis ke {len(written)} berkas CSV: "
                f"{', '.join(path.name for path in written)}."
            )
        else:
            _write(output, report_html(report))
            _say(f"Laporan ditulis ke {output}.")
    return 0


def _results_from_lrs(url: str, bank_id: str | None, ctx: CommandContext) -> list[Any]:
    """Trainees' results read back from an LRS (the same objects results files give)."""
    from latsar_tui.xapi.client import LrsClient, LrsError
    from latsar_tui.xapi.config import load_config
    from latsar_tui.xapi.readback import results_from_lrs

    if not bank_id:
        raise CommandError("--lrs perlu --bank ID: laporan dari LRS dibuat per bank")
    config = load_config(ctx.paths)
    try:
        return results_from_lrs(LrsClient(url, config.key, config.secret), bank_id)
    except LrsError as error:
        raise CommandError(f"laporan dari LRS gagal: {error}") from None


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
            f"Dinilai ulang dari isi bank saat ini. Percobaan: {report.attempts} "
            f"({ATTEMPT_LABELS[report.attempts]})."
        )
    )
    if report.attention:
        console.print(Text("Periksa lebih dulu:"))
        for item in report.attention[:12]:
            reasons = "; ".join(item.attention)
            console.print(Text(f"  {item.bank_id}/{item.question_id}: {reasons}"))
    items = Table(
        title=f"Per soal ({report.files_used} peserta, kelompok 27% = {report.group_size})"
    )
    # One bank (e.g. with --bank) goes into the title, leaving the width to the flags.
    banks = sorted({item.bank_id for item in report.items})
    one_bank = len(banks) == 1
    if one_bank:
        items.title = f"{items.title}, bank {banks[0]}"
    columns = ("Soal", "Jenis", "n", "Fas.", "ID", "ED", "D27", "Pilihan", "Tanda")
    for column in columns if one_bank else ("Bank", *columns):
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
    test = Table(title="Tes")
    test.add_column("Ukuran")
    test.add_column("Nilai", justify="right")
    test.add_row("Rata-rata / median", f"{fmt_number(d.mean)}% / {fmt_number(d.median)}%")
    test.add_row("Simpangan baku", f"{fmt_number(d.sd)}%")
    test.add_row(
        "Kemencengan / kurtosis", f"{fmt_number(d.skewness, 2)} / {fmt_number(d.kurtosis, 2)}"
    )
    alpha = "-" if r.alpha is None else f"{r.alpha * 100:.1f}%"
    test.add_row(f"Alpha Cronbach ({r.count} peserta lengkap)", alpha)
    test.add_row(
        "Rasio galat / galat baku",
        f"{fmt_number(r.error_ratio)}% / {fmt_number(r.standard_error)}%",
    )
    if report.pass_mark is not None:
        test.add_row(f"Lulus (≥ {report.pass_mark}%)", fmt_percent(report.pass_rate))
    console.print(test)
    trainees = Table(title="Per peserta")
    for column in ("Peserta", "Dijawab", "Rata-rata"):
        trainees.add_column(column)
    for trainee in report.trainees:
        trainees.add_row(Text(trainee.label), trainee.completion, fmt_percent(trainee.mean))
    console.print(trainees)
    if report.tags:
        tags = Table(title="Per tag")
        for column in ("Tag", "Jawaban", "Rata-rata"):
            tags.add_column(column)
        for tag in report.tags:
            tags.add_row(Text(tag.tag), str(tag.answers), fmt_percent(tag.mean))
        console.print(tags)
