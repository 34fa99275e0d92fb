"""Shared helpers of the content tests: fixture folders and a bank writer."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "content"
ERRORS = FIXTURES / "errors"
SUPPORT = FIXTURES / "support"
VALID = FIXTURES / "valid"


@pytest.fixture(params=["libyaml", "pure"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test once with libyaml and once with the pure-Python parser."""
    import yaml

    if request.param == "libyaml" and not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    monkeypatch.setenv("LATSAR_PURE_YAML", "1" if request.param == "pure" else "0")
    return str(request.param)
