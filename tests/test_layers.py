"""The domain never imports Textual: checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import latsar_tui

# Packages that may use Textual; everything else is domain, CLI or shared code.
UI_PACKAGES = ("latsar_tui.ui",)


def _domain_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(latsar_tui.__path__, prefix="latsar_tui."):
        if info.name.startswith(UI_PACKAGES) or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def test_domain_modules_exist() -> None:
    names = _domain_modules()
    assert "latsar_tui.content.model" in names
    assert "latsar_tui.cli" in names


def test_domain_does_not_import_textual() -> None:
    names = _domain_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"textual imported by the domain: {result.stdout}"


def test_cli_validate_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from latsar_tui.cli import build_parser\n"
        "build_parser()\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
