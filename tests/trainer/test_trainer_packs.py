"""Content packs: build, install, upgrade, list, uninstall, and a malicious set refused."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zipfile
from pathlib import Path

import pytest

from latsar_tui.cli import main
from latsar_tui.content.loader import load_catalog
from latsar_tui.paths import Paths
from latsar_tui.trainer import packs
from latsar_tui.trainer.packs import Limits, PackError, PackInfo, build_pack, install_pack
from latsar_tui.trainer.scaffold import bank_starter, module_starter


def content_root(folder: Path, suffix: str = "") -> Path:
    (folder / "modules").mkdir(parents=True)
    (folder / "question_banks").mkdir()
    (folder / "modules" / "pk-modul.yaml").write_text(module_starter("pk-modul"), encoding="utf-8")
    bank = bank_starter("pk-bank", "pk-modul", "pelajaran-1", "se-menpanrb-20-2021")
    (folder / "question_banks" / "pk-bank.yaml").write_text(bank + suffix, encoding="utf-8")
    return folder


def make_pack(tmp_path: Path, paths: Paths, version: str = "1.0.0") -> Path:
    root = tmp_path / f"sumber-{version}"
    if not root.exists():
        content_root(root)
    output = tmp_path / f"pk-{version}.latsarpack"
    build_pack(root, output, pack_id="pk", title="Paket Uji", version=version, paths=paths)
    return output


def test_pack_install_upgrade_uninstall(tmp_path: Path, paths: Paths) -> None:
    first = make_pack(tmp_path, paths, "1.0.0")
    with zipfile.ZipFile(first) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["id"] == "pk" and manifest["version"] == "1.0.0"
    assert set(manifest) >= {"id", "title", "version", "author", "created", "files"}
    data = (tmp_path / "sumber-1.0.0" / "modules" / "pk-modul.yaml").read_bytes()
    assert manifest["files"]["modules/pk-modul.yaml"] == hashlib.sha256(data).hexdigest()
    assert names == {"manifest.json", "modules/pk-modul.yaml", "question_banks/pk-bank.yaml"}

    assert install_pack(first, paths).action == "installed"
    assert "pk-bank" in {b.id for b in load_catalog(paths).banks}
    assert install_pack(first, paths).action == "same"
    newer = make_pack(tmp_path, paths, "1.10")
    outcome = install_pack(newer, paths)
    assert (outcome.action, outcome.previous) == ("upgraded", "1.0.0")
    assert install_pack(first, paths).action == "older"
    assert packs.read_installed(paths.packs / "pk").version == "1.10"
    # No hidden work folders left behind.
    assert sorted(p.name for p in paths.packs.iterdir()) == ["pk"]
    removed = packs.uninstall_pack("pk", paths)
    assert removed.info is not None and removed.info.version == "1.10"
    assert list(paths.packs.iterdir()) == []


def test_pack_refuses_content_with_errors(tmp_path: Path, paths: Paths) -> None:
    root = content_root(tmp_path / "rusak", suffix="  - id: tanpa-jenis\n    prompt: P\n")
    with pytest.raises(PackError, match="kesalahan") as caught:
        build_pack(
            root, tmp_path / "x.latsarpack", pack_id="x", title="X", version="1", paths=paths
        )
    assert caught.value.findings
    assert not (tmp_path / "x.latsarpack").exists()


def test_cli_pack_install_packs_uninstall(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_root(tmp_path / "materi")
    out = tmp_path / "materi.latsarpack"
    assert main(["pack", str(root), "-o", str(out), "--version", "2.0", "--author", "Bu Sari"]) == 0
    assert main(["install", str(out)]) == 0
    assert main(["install", str(out)]) == 0
    assert main(["packs"]) == 0
    assert main(["uninstall", "materi"]) == 0
    assert main(["uninstall", "materi"]) == 1
    captured = capsys.readouterr()
    assert "paket 'materi' versi 2.0, 2 berkas konten" in captured.out
    assert "Paket 'materi' versi 2.0 terpasang" in captured.out
    assert "sudah terpasang; tidak ada yang diubah" in captured.out
    assert "Bu Sari" in captured.out and "Paket terpasang" in captured.out
    assert "Progres latihan Anda tetap tersimpan" in captured.out
    assert "paket 'materi' tidak terpasang" in captured.err


# --- the malicious set --------------------------------------------------------------

GOOD_YAML = module_starter("jahat").encode("utf-8")


def manifest(files: dict[str, bytes], **changes: object) -> bytes:
    info = PackInfo(
        id="jahat",
        title="Jahat",
        version="1.0",
        author="",
        created="2026-01-01T00:00:00Z",
        files={name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    ).to_json()
    info.update(changes)
    return json.dumps(info).encode("utf-8")


def write_zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return path


def symlink_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


def forged_size_bomb(path: Path) -> Path:
    """A 60 MB entry whose central directory claims 1,000 bytes."""
    big = b"\0" * (60 * 1024 * 1024)
    name = "modules/bom.yaml"
    write_zip(path, [("manifest.json", manifest({name: big})), (name, big)])
    raw = bytearray(path.read_bytes())
    # Patch the uncompressed size (offset 24) of every central directory entry of `name`.
    at = 0
    while (at := raw.find(b"PK\x01\x02", at)) >= 0:
        name_len = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46 : at + 46 + name_len] == name.encode():
            struct.pack_into("<I", raw, at + 24, 1000)
        at += 4
    path.write_bytes(bytes(raw))
    return path


def malicious_packs(folder: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir()
    outside = folder.parent / "di-luar.yaml"
    ok_name = "modules/jahat.yaml"
    ok = {ok_name: GOOD_YAML}
    cases: dict[str, tuple[Path, str]] = {}

    slip = {"../../../di-luar.yaml": GOOD_YAML}
    cases["zip-slip"] = (
        write_zip(folder / "slip.zip", [("manifest.json", manifest(slip)), *slip.items()]),
        "keluar dari folder paket",
    )
    absolute = {str(outside): GOOD_YAML}
    cases["absolute"] = (
        write_zip(folder / "abs.zip", [("manifest.json", manifest(absolute)), *absolute.items()]),
        "memakai path absolut",
    )
    cases["symlink"] = (
        write_zip(
            folder / "link.zip",
            [("manifest.json", manifest(ok)), (symlink_entry(ok_name), str(outside).encode())],
        ),
        "tautan simbolik",
    )
    big = b"\0" * (51 * 1024 * 1024)
    bomb = {"modules/bom.yaml": big}
    cases["zip bomb"] = (
        write_zip(folder / "bomb.zip", [("manifest.json", manifest(bomb)), *bomb.items()]),
        "batasnya 50 MB",
    )
    cases["lying size"] = (forged_size_bomb(folder / "lying.zip"), "isi zip rusak")
    cases["checksum"] = (
        write_zip(
            folder / "sum.zip",
            [("manifest.json", manifest({ok_name: b"lain"})), (ok_name, GOOD_YAML)],
        ),
        "checksum 'modules/jahat.yaml' tidak cocok",
    )
    many = [(f"modules/m{i}.yaml", b"x") for i in range(1001)]
    cases["too many files"] = (
        write_zip(folder / "many.zip", [("manifest.json", b"{}"), *many]),
        "lebih dari 1000 berkas",
    )
    cases["no manifest"] = (
        write_zip(folder / "nomani.zip", list(ok.items())),
        "manifest.json tidak ada",
    )
    cases["bad manifest"] = (
        write_zip(folder / "badmani.zip", [("manifest.json", b"{bukan json"), *ok.items()]),
        "manifest.json tidak valid",
    )
    cases["unlisted file"] = (
        write_zip(
            folder / "extra.zip",
            [("manifest.json", manifest(ok)), *ok.items(), ("question_banks/x.yaml", b"x")],
        ),
        "tidak tercantum di manifest",
    )
    cases["not a zip"] = ((folder / "teks.latsarpack"), "bukan berkas paket")
    cases["not a zip"][0].write_text("bukan zip")
    return cases


def snapshot(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def test_malicious_packs_are_refused_and_write_nothing(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = malicious_packs(tmp_path / "masuk")
    before = snapshot(tmp_path)
    messages = {}
    for label, (pack, expected) in cases.items():
        with pytest.raises(PackError) as caught:
            install_pack(pack, paths)
        messages[label] = str(caught.value)
        assert expected in str(caught.value), (label, str(caught.value))
    # Each refusal has its own message.
    assert len(set(messages.values())) == len(messages)
    after = snapshot(tmp_path)
    assert after - before <= {paths.packs}
    assert not (tmp_path / "di-luar.yaml").exists()
    assert not paths.packs.exists() or list(paths.packs.iterdir()) == []
    # Through the CLI: one line, no traceback.
    assert main(["install", str(cases["zip-slip"][0])]) == 1
    err = capsys.readouterr().err
    assert err.startswith("latsar: paket ditolak:") and "Traceback" not in err


def test_byte_count_guard_stops_extraction(tmp_path: Path) -> None:
    # Declared sizes are checked first; this exercises the second guard (bytes actually
    # read while extracting), which must hold even if declared sizes lied.
    ok = {"modules/jahat.yaml": GOOD_YAML}
    pack = write_zip(tmp_path / "ok.zip", [("manifest.json", manifest(ok)), *ok.items()])
    target = tmp_path / "keluar"
    target.mkdir()
    with zipfile.ZipFile(pack) as archive:
        info = packs.inspect_pack(archive)
        with pytest.raises(PackError, match="zip bomb"):
            packs._extract(archive, info, target, Limits(max_bytes=100))


def test_failed_upgrade_keeps_the_installed_version(tmp_path: Path, paths: Paths) -> None:
    install_pack(make_pack(tmp_path, paths, "1.0.0"), paths)
    root = tmp_path / "sumber-1.0.0"
    files = {
        name: (root / name).read_bytes()
        for name in ("modules/pk-modul.yaml", "question_banks/pk-bank.yaml")
    }
    files["question_banks/pk-bank.yaml"] += b"  - id: rusak\n"
    info = json.loads(manifest(files))
    info.update(id="pk", version="2.0")
    entries: list[tuple[zipfile.ZipInfo | str, bytes]] = [
        ("manifest.json", json.dumps(info).encode()),
        *files.items(),
    ]
    broken = write_zip(tmp_path / "rusak.zip", entries)
    with pytest.raises(PackError, match="kesalahan"):
        install_pack(broken, paths)
    assert packs.read_installed(paths.packs / "pk").version == "1.0.0"
    assert sorted(os.listdir(paths.packs)) == ["pk"]
