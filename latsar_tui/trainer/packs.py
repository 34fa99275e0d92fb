"""Content packs: one zip (``.latsarpack``) that carries modules and banks to trainees.

A pack holds ``manifest.json`` (format, id, title, version, author, created, and the
sha256 of every file) plus ``modules/*.yaml`` and ``question_banks/*.yaml``. It is
installed as a content root at ``<data>/packs/<id>/``.

Installing treats the zip as hostile. Before anything is written: no entry may be a
symlink (its Unix mode in ``external_attr``), an absolute path or a path with ``..``;
at most 1,000 entries; at most 50 MB declared unpacked; a valid manifest that lists
exactly the files present. While extracting, bytes are counted again (declared sizes
can lie) and each file's sha256 is checked. Then the content is validated with the
loader against the other roots. Extraction happens in a hidden folder inside
``packs/`` whose content root is one level deeper (so the loader never reads a
half-written pack); the finished root is moved into place with one rename, the old
version moved aside first and deleted afterwards. A failure removes the hidden folder
and leaves the installed packs as they were.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from latsar_tui.content.loader import load_paths
from latsar_tui.content.model import Finding, Severity
from latsar_tui.content.roots import ContentRoot, default_roots
from latsar_tui.i18n import _, format_decimal, ngettext
from latsar_tui.paths import Paths
from latsar_tui.trainer.textutil import is_id

PACK_FORMAT = "latsar-pack@1"
MANIFEST = "manifest.json"
MAX_FILES = 1000
MAX_BYTES = 50 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
_CONTENT_PATH = re.compile(r"^(modules|question_banks)/[^/\\]+\.ya?ml$")
_VERSION = re.compile(r"^\d+(\.\d+){0,3}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# What reading a hostile zip's entries raises besides BadZipFile: broken deflate,
# bzip2 (OSError) or lzma data, a stream cut short, an unknown method, an entry
# marked encrypted (RuntimeError: password required).
_ZIP_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
)


class PackError(Exception):
    """A pack that cannot be made or installed; the message says why (Indonesian)."""

    def __init__(self, message: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message)
        self.findings = list(findings)


@dataclass(frozen=True)
class PackInfo:
    """What a pack's manifest says about it."""

    id: str
    title: str
    version: str
    author: str
    created: str
    files: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The manifest as written into the zip."""
        return {
            "format": PACK_FORMAT,
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "author": self.author,
            "created": self.created,
            "files": dict(sorted(self.files.items())),
        }


@dataclass(frozen=True)
class Limits:
    """How much a pack may hold (tests shrink them)."""

    max_files: int = MAX_FILES
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True)
class InstallOutcome:
    """What ``install_pack`` did: installed, upgraded, or nothing (same/older version)."""

    info: PackInfo
    action: Literal["installed", "upgraded", "same", "older"]
    previous: str | None = None


@dataclass(frozen=True)
class InstalledPack:
    """A folder under ``packs/``: its manifest, or the problem reading it."""

    folder: Path
    info: PackInfo | None
    problem: str | None = None


def version_key(version: str) -> tuple[int, ...]:
    """Comparable form of a dotted version (``1.10`` after ``1.9``)."""
    return tuple(int(part) for part in version.split("."))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def parse_manifest(data: bytes) -> PackInfo:
    """The manifest's fields, checked; raises PackError saying which one is wrong."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackError(
            _("manifest.json tidak valid: bukan JSON yang benar ({error})").format(error=error)
        ) from None
    if not isinstance(raw, dict):
        raise PackError(_("manifest.json tidak valid: isinya harus objek JSON"))
    if raw.get("format") != PACK_FORMAT:
        raise PackError(
            _("manifest.json tidak valid: 'format' harus '{format}'").format(format=PACK_FORMAT)
        )
    for key in ("id", "title", "version", "author", "created"):
        if not isinstance(raw.get(key), str):
            raise PackError(
                _("manifest.json tidak valid: '{field}' tidak ada atau bukan teks").format(
                    field=key
                )
            )
    if not is_id(raw["id"]):
        raise PackError(
            _("manifest.json tidak valid: id '{id}' bukan id yang sah").format(id=raw["id"])
        )
    if not _VERSION.match(raw["version"]):
        raise PackError(
            _(
                "manifest.json tidak valid: versi '{version}' harus berbentuk angka "
                "bertitik, misalnya 1.2.0"
            ).format(version=raw["version"])
        )
    files = raw.get("files")
    if not isinstance(files, dict) or not files:
        raise PackError(_("manifest.json tidak valid: 'files' harus berisi daftar berkas"))
    for name, digest in files.items():
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise PackError(
                _("manifest.json tidak valid: sha256 untuk '{name}' salah bentuk").format(name=name)
            )
        if not _CONTENT_PATH.match(name):
            raise PackError(
                _(
                    "manifest.json tidak valid: '{name}' bukan berkas modules/*.yaml "
                    "atau question_banks/*.yaml"
                ).format(name=name)
            )
    return PackInfo(
        id=raw["id"],
        title=raw["title"],
        version=raw["version"],
        author=raw["author"],
        created=raw["created"],
        files=dict(files),
    )


# --- making a pack -------------------------------------------------------------------


def content_files(root: Path) -> list[Path]:
    """The files a pack of ``root`` carries: modules/*.yaml and question_banks/*.yaml."""
    found: list[Path] = []
    for folder in ("modules", "question_banks"):
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.iterdir()):
            if path.suffix in {".yaml", ".yml"}:
                if path.is_symlink():
                    raise PackError(
                        _("{path}: tautan simbolik tidak boleh masuk paket").format(path=path)
                    )
                if path.is_file():
                    found.append(path)
    return found


def _errors_against_roots(target: Path, paths: Paths, replacing: Path) -> list[Finding]:
    """Errors of ``target`` checked with every other root (ids, module references).

    The installed copy of the same pack (``replacing``) is left out: a new version
    naturally reuses its ids.
    """
    others = [r for r in default_roots(paths) if r.path.resolve() != replacing.resolve()]
    catalog = load_paths([target], paths, context=[*others, ContentRoot(target, "pack")])
    return [f for f in catalog.findings if f.severity is Severity.ERROR]


def build_pack(
    root: Path,
    output: Path,
    *,
    pack_id: str,
    title: str,
    version: str,
    author: str = "",
    paths: Paths | None = None,
    now: datetime | None = None,
) -> PackInfo:
    """Validate ``root`` and write it as a pack to ``output``; refuses on any error."""
    if not root.is_dir():
        raise PackError(_("{path}: folder tidak ditemukan").format(path=root))
    if not is_id(pack_id):
        raise PackError(
            _("id paket '{id}' tidak sah: pakai huruf kecil, angka, '.', '_', '-'").format(
                id=pack_id
            )
        )
    if not _VERSION.match(version):
        raise PackError(
            _("versi '{version}' harus berbentuk angka bertitik, misalnya 1.0.0").format(
                version=version
            )
        )
    files = content_files(root)
    if not files:
        raise PackError(
            _("{path}: tidak ada berkas di modules/ atau question_banks/").format(path=root)
        )
    if len(files) + 1 > MAX_FILES:
        raise PackError(_("paket berisi lebih dari {limit} berkas").format(limit=MAX_FILES))
    resolved = paths if paths is not None else Paths.resolve()
    errors = _errors_against_roots(root, resolved, resolved.packs / pack_id)
    if errors:
        raise PackError(
            ngettext(
                "konten di {path} masih punya {n} kesalahan",
                "konten di {path} masih punya {n} kesalahan",
                len(errors),
            ).format(path=root, n=len(errors)),
            errors,
        )
    total = sum(path.stat().st_size for path in files)
    if total > MAX_BYTES:
        raise PackError(_("paket lebih dari {limit} MB").format(limit=MAX_BYTES // (1024 * 1024)))
    created = (now or datetime.now(UTC)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    info = PackInfo(
        id=pack_id,
        title=title,
        version=version,
        author=author,
        created=created,
        files={path.relative_to(root).as_posix(): _sha256_file(path) for path in files},
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".latsarpack-", dir=output.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(info.to_json(), ensure_ascii=False, indent=2))
            for path in files:
                archive.write(path, path.relative_to(root).as_posix())
        os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)
    return info


# --- installing ----------------------------------------------------------------------


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackError(
            _("paket ditolak: '{name}' adalah tautan simbolik (symlink)").format(name=name)
        )
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise PackError(_("paket ditolak: '{name}' memakai path absolut").format(name=name))
    parts = name.replace("\\", "/").split("/")
    if ".." in parts:
        raise PackError(
            _("paket ditolak: '{name}' keluar dari folder paket (../)").format(name=name)
        )


def _read_manifest(archive: zipfile.ZipFile) -> PackInfo:
    try:
        entry = archive.getinfo(MANIFEST)
    except KeyError:
        raise PackError(_("paket ditolak: manifest.json tidak ada")) from None
    if entry.file_size > MAX_MANIFEST_BYTES:
        raise PackError(_("paket ditolak: manifest.json terlalu besar"))
    try:
        with archive.open(entry) as handle:
            data = handle.read(MAX_MANIFEST_BYTES + 1)
    except _ZIP_READ_ERRORS as error:
        raise PackError(
            _("paket ditolak: manifest.json tidak dapat dibuka ({error})").format(error=error)
        ) from None
    if len(data) > MAX_MANIFEST_BYTES:
        raise PackError(_("paket ditolak: manifest.json terlalu besar"))
    return parse_manifest(data)


def inspect_pack(archive: zipfile.ZipFile, limits: Limits = Limits()) -> PackInfo:
    """Check a pack's entries and manifest without extracting; returns the manifest."""
    entries = archive.infolist()
    if len(entries) > limits.max_files:
        raise PackError(
            _("paket ditolak: lebih dari {limit} berkas ({count})").format(
                limit=limits.max_files, count=len(entries)
            )
        )
    for entry in entries:
        _check_entry(entry)
    declared = sum(entry.file_size for entry in entries)
    if declared > limits.max_bytes:
        raise PackError(
            _("paket ditolak: isinya {size} MB bila dibuka, batasnya {limit:.0f} MB").format(
                size=format_decimal(declared / (1024 * 1024), 1),
                limit=limits.max_bytes / (1024 * 1024),
            )
        )
    info = _read_manifest(archive)
    names = {e.filename for e in entries if not e.is_dir() and e.filename != MANIFEST}
    extra = sorted(names - set(info.files))
    if extra:
        raise PackError(
            _("paket ditolak: berkas tidak tercantum di manifest: {files}").format(
                files=", ".join(extra)
            )
        )
    missing = sorted(set(info.files) - names)
    if missing:
        raise PackError(
            _("paket ditolak: berkas di manifest tidak ada: {files}").format(
                files=", ".join(missing)
            )
        )
    return info


def _extract(archive: zipfile.ZipFile, info: PackInfo, target: Path, limits: Limits) -> None:
    written = 0
    base = target.resolve()
    for name, expected in sorted(info.files.items()):
        destination = (target / name).resolve()
        if base not in destination.parents:
            raise PackError(_("paket ditolak: '{name}' keluar dari folder paket").format(name=name))
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with archive.open(name) as source, destination.open("xb") as sink:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > limits.max_bytes:
                    raise PackError(
                        _(
                            "paket ditolak: isi yang dibuka melebihi {limit:.0f} MB (zip bomb?)"
                        ).format(limit=limits.max_bytes / (1024 * 1024))
                    )
                digest.update(chunk)
                sink.write(chunk)
        if digest.hexdigest() != expected:
            raise PackError(
                _("paket ditolak: checksum '{name}' tidak cocok dengan manifest").format(name=name)
            )


def read_installed(folder: Path) -> PackInfo:
    """The manifest of an installed pack folder."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise PackError(_("manifest.json tidak ada"))
    return parse_manifest(manifest.read_bytes()[: MAX_MANIFEST_BYTES + 1])


def install_pack(file: Path, paths: Paths, limits: Limits = Limits()) -> InstallOutcome:
    """Check, extract, validate and move a pack into ``paths.packs/<id>``."""
    try:
        archive = zipfile.ZipFile(file)
    except FileNotFoundError:
        raise PackError(_("{path}: berkas tidak ditemukan").format(path=file)) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        # ValueError: an entry name flagged UTF-8 that is not (UnicodeDecodeError).
        raise PackError(_("{path}: bukan berkas paket (zip) yang sah").format(path=file)) from None
    with archive:
        info = inspect_pack(archive, limits)
        final = paths.packs / info.id
        previous: str | None = None
        if final.exists():
            try:
                previous = read_installed(final).version
            except PackError:
                previous = None
            if previous is not None:
                if version_key(info.version) == version_key(previous):
                    return InstallOutcome(info, "same", previous)
                if version_key(info.version) < version_key(previous):
                    return InstallOutcome(info, "older", previous)
        paths.packs.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".install-", dir=paths.packs))
        try:
            content = work / "content"
            content.mkdir()
            try:
                _extract(archive, info, content, limits)
            except _ZIP_READ_ERRORS as error:
                raise PackError(
                    _("paket ditolak: isi zip rusak ({error})").format(error=error)
                ) from None
            (content / MANIFEST).write_text(
                json.dumps(info.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
            )
            errors = _errors_against_roots(content, paths, final)
            if errors:
                raise PackError(
                    ngettext(
                        "paket ditolak: kontennya punya {n} kesalahan",
                        "paket ditolak: kontennya punya {n} kesalahan",
                        len(errors),
                    ).format(n=len(errors)),
                    errors,
                )
            if final.exists():
                os.replace(final, work / "old")
            os.replace(content, final)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return InstallOutcome(info, "upgraded" if previous is not None else "installed", previous)


def installed_packs(paths: Paths) -> list[InstalledPack]:
    """Every pack folder under ``paths.packs``, sorted by id."""
    if not paths.packs.is_dir():
        return []
    found: list[InstalledPack] = []
    for folder in sorted(paths.packs.iterdir(), key=lambda p: p.name):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            found.append(InstalledPack(folder, read_installed(folder)))
        except PackError as error:
            found.append(InstalledPack(folder, None, str(error)))
    return found


def uninstall_pack(pack_id: str, paths: Paths) -> InstalledPack:
    """Remove ``paths.packs/<id>``; progress in the database is left alone."""
    if not is_id(pack_id):
        raise PackError(_("'{id}' bukan id paket yang sah").format(id=pack_id))
    folder = paths.packs / pack_id
    if not folder.is_dir():
        raise PackError(_("paket '{id}' tidak terpasang").format(id=pack_id))
    try:
        record = InstalledPack(folder, read_installed(folder))
    except PackError as error:
        record = InstalledPack(folder, None, str(error))
    trash = Path(tempfile.mkdtemp(prefix=".remove-", dir=paths.packs))
    try:
        os.replace(folder, trash / "old")
    finally:
        shutil.rmtree(trash, ignore_errors=True)
    return record
