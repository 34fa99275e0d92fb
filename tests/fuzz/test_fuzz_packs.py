"""Fuzzing ``latsar paket install``: a real pack corrupted, and hostile zips built here.

Allowed outcomes: the pack installed (or the same/older version noted), or
``PackError`` with a message, the packs folder as it was and nothing written
outside it (no path traversal, no half-extracted folder left behind).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import struct
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from fuzzkit import FIXTURES, FUZZ, flipped, guarded, mangled, refusal
from hypothesis import event, example, given
from hypothesis import strategies as st

from latsar_tui.paths import Paths
from latsar_tui.trainer.packs import (
    PACK_FORMAT,
    InstallOutcome,
    PackError,
    build_pack,
    install_pack,
)

CONTENT = FIXTURES / "content" / "valid"
FILES = {
    path.relative_to(CONTENT).as_posix(): path.read_bytes()
    for path in sorted(CONTENT.glob("*/*.yaml"))
}


@functools.cache
def real_pack() -> bytes:
    with tempfile.TemporaryDirectory() as temp:
        output = Path(temp) / "contoh.latsarpack"
        paths = Paths.resolve(Path(temp) / "home").ensure()
        build_pack(CONTENT, output, pack_id="contoh", title="Contoh", version="1.0.0", paths=paths)
        return output.read_bytes()


def _manifest(files: dict[str, bytes]) -> dict[str, Any]:
    return {
        "format": PACK_FORMAT,
        "id": "contoh",
        "title": "Contoh",
        "version": "1.0.0",
        "author": "",
        "created": "2026-03-02T09:00:00Z",
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }


NAMES = st.one_of(
    st.sampled_from(
        [
            *FILES,
            "modules/lain.yaml",
            "question_banks/lain.yml",
            "modules/",
            "../luar.yaml",
            "modules/../../luar.yaml",
            "modules\\..\\..\\luar.yaml",
            "/mutlak.yaml",
            "\\mutlak.yaml",
            "C:/mutlak.yaml",
            "modules/ñámé.yaml",
            "modules/a\x00b.yaml",
            "modules/" + "a" * 300 + ".yaml",
            "question_banks/.yaml",
            "MANIFEST.JSON",
        ]
    ),
    st.text(max_size=20),
)
METHODS = st.sampled_from(
    [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
)


@st.composite
def built_zip(draw: st.DrawFn) -> bytes:
    """A zip made here: chosen names and data, a manifest right, mangled or absent."""
    files: dict[str, bytes] = {}
    if draw(st.booleans()):
        files.update(FILES)
    for name in draw(st.lists(NAMES, max_size=4)):
        files[name] = draw(
            st.sampled_from(list(FILES.values())) | st.binary(max_size=200) | st.just(b"")
        )
    manifest: Any = _manifest({n: d for n, d in files.items() if not n.endswith("/")})
    how = draw(st.integers(0, 5))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if how < 4:
            if how >= 2:
                manifest = draw(mangled(manifest))
            text = json.dumps(manifest, ensure_ascii=False)
            archive.writestr("manifest.json", text.encode("utf-8", "surrogatepass"))
        elif how == 4:
            archive.writestr("manifest.json", draw(st.binary(max_size=100)))
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = draw(METHODS)
            if draw(st.integers(0, 9)) == 0:
                info.external_attr = (0o120777 if draw(st.booleans()) else 0o040755) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


@st.composite
def patched_headers(draw: st.DrawFn, data: bytes) -> bytes:
    """Central directory fields that lie: flags (encryption), method, sizes, offsets."""
    buffer = bytearray(data)
    starts = [i for i in range(len(buffer) - 46) if buffer[i : i + 4] == b"PK\x01\x02"]
    for start in starts:
        field = draw(
            st.sampled_from(
                [None, (8, "<H"), (10, "<H"), (20, "<I"), (24, "<I"), (42, "<I"), (28, "<H")]
            )
        )
        if field is None:
            continue
        offset, fmt = field
        limit = 0xFFFF if fmt == "<H" else 0xFFFFFFFF
        value = draw(st.sampled_from([0, 1, 99, limit]) | st.integers(0, limit))
        struct.pack_into(fmt, buffer, start + offset, value)
    return bytes(buffer)


pack_bytes = st.one_of(
    st.builds(real_pack).flatmap(flipped),
    st.builds(real_pack).flatmap(patched_headers),
    built_zip(),
    built_zip().flatmap(patched_headers),
    st.binary(max_size=500),
    st.binary(max_size=100).map(lambda tail: b"PK\x05\x06" + tail),
)


def _central(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    """``data`` with one field of every central directory entry set to ``value``."""
    buffer = bytearray(data)
    start = buffer.find(b"PK\x01\x02")
    while start != -1:
        struct.pack_into(fmt, buffer, start + offset, value)
        start = buffer.find(b"PK\x01\x02", start + 4)
    return bytes(buffer)


def _garbled_manifest(data: bytes) -> bytes:
    """The real pack with the manifest's deflate stream overwritten (zlib.error)."""
    start = data.index(b"manifest.json") + len("manifest.json")
    return data[:start] + b"\xff" * 16 + data[start + 16 :]


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@FUZZ
@given(data=pack_bytes, installed=st.booleans())
# Each of these leaked from install_pack before being refused as a PackError:
# zlib.error (broken deflate data in manifest.json),
@example(data=_garbled_manifest(real_pack()), installed=False)
# RuntimeError (entries marked encrypted), NotImplementedError (compression method 99),
@example(data=_central(real_pack(), 8, "<H", 1), installed=False)
@example(data=_central(real_pack(), 10, "<H", 99), installed=False)
# UnicodeDecodeError (an entry name flagged UTF-8 that is not).
@example(
    data=_central(real_pack().replace(b"contoh-modul", b"contoh-m\xdddul"), 8, "<H", 0x800),
    installed=False,
)
def test_packs_install_or_are_refused(data: bytes, installed: bool) -> None:
    with tempfile.TemporaryDirectory() as temp:
        top = Path(temp)
        paths = Paths.resolve(top / "home").ensure()
        if installed:
            (top / "asli.latsarpack").write_bytes(real_pack())
            install_pack(top / "asli.latsarpack", paths)
        file = top / "paket.latsarpack"
        file.write_bytes(data)
        before = _tree(top)
        with guarded():
            try:
                outcome = install_pack(file, paths)
            except PackError as error:
                refusal(error)
                event("refused")
                # Only the (empty) packs folder may be new.
                assert _tree(top) - before <= {"home/packs"}, "a refused pack left files"
                return
        assert isinstance(outcome, InstallOutcome)
        event(f"pack {outcome.action}")
        assert {p.split("/")[0] for p in _tree(top) - before} <= {"home"}
