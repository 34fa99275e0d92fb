"""Installed packs: an installer's hidden work folder is never read as content."""

from __future__ import annotations

from latsar_tui.content.roots import default_roots
from latsar_tui.paths import Paths


def test_hidden_pack_folders_are_skipped(paths: Paths) -> None:
    (paths.packs / "kelas-a" / "modules").mkdir(parents=True)
    (paths.packs / ".install-kelas-b" / "modules").mkdir(parents=True)
    packs = [root.path.name for root in default_roots(paths) if root.origin == "pack"]
    assert packs == ["kelas-a"]
