"""Where the trainee's records go: the LRS endpoint, its key and secret, and who they are.

Kept apart from ``settings.json`` in ``Paths.lrs_file`` and written with 0600
permissions, because the secret is a password: only the trainee's own account may
read it. The secret is never printed; ``describe`` shows it masked.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from latsar_tui.i18n import _
from latsar_tui.paths import Paths
from latsar_tui.xapi.statements import Learner


class LrsConfigError(ValueError):
    """A setting that cannot be used (message in Indonesian)."""


@dataclass(frozen=True, slots=True)
class LrsConfig:
    """The LRS connection and the learner's identity on the centre's site."""

    local_id: str
    endpoint: str | None = None
    key: str | None = None
    secret: str | None = None
    home_page: str | None = None
    name: str | None = None
    nip: str | None = None

    @property
    def configured(self) -> bool:
        """Whether there is an endpoint to send to."""
        return bool(self.endpoint)

    def learner(self) -> Learner:
        """The xAPI account: the centre's home page (else the endpoint's) + NIP or local id."""
        home = self.home_page or _origin(self.endpoint) or "https://latsar.invalid"
        return Learner(
            home_page=home, account_name=self.nip or self.local_id, name=self.name, nip=self.nip
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "local_id": self.local_id,
            "endpoint": self.endpoint,
            "key": self.key,
            "secret": self.secret,
            "home_page": self.home_page,
            "name": self.name,
            "nip": self.nip,
        }

    def describe(self) -> list[str]:
        """Lines for the user, the secret masked."""
        secret = _("(tersimpan)") if self.secret else _("(belum diisi)")
        learner = self.learner()
        # Each line whole, so a translation can keep the labels aligned.
        return [
            _("LRS      : {value}").format(value=self.endpoint or _("(belum diatur)")),
            _("Kunci    : {value}").format(value=self.key or _("(belum diisi)")),
            _("Rahasia  : {value}").format(value=secret),
            _("Halaman  : {value}").format(value=learner.home_page),
            _("Akun     : {value}").format(value=learner.account_name),
            _("Nama     : {value}").format(value=self.name or "-"),
        ]

    def updated(self, **changes: str | None) -> LrsConfig:
        """A copy with the given fields changed (checked)."""
        for field_name in ("endpoint", "home_page"):
            value = changes.get(field_name)
            if value is not None and not _origin(value):
                raise LrsConfigError(
                    _(
                        "'{value}' bukan alamat http(s) yang sah, mis. https://lrs.bpsdm.go.id/xAPI/"
                    ).format(value=value)
                )
        return replace(self, **changes)  # type: ignore[arg-type]


def _origin(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def load_config(paths: Paths) -> LrsConfig:
    """The saved LRS settings; a missing or unreadable file means "no LRS"."""
    try:
        data = json.loads(paths.lrs_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    return LrsConfig(
        local_id=_text(data.get("local_id")) or uuid.uuid4().hex,
        endpoint=_text(data.get("endpoint")),
        key=_text(data.get("key")),
        secret=_text(data.get("secret")),
        home_page=_text(data.get("home_page")),
        name=_text(data.get("name")),
        nip=_text(data.get("nip")),
    )


def save_config(paths: Paths, config: LrsConfig) -> Path:
    """Write the settings atomically, readable by the owner only (0600)."""
    target = paths.lrs_file
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(config.to_dict(), ensure_ascii=False, indent=2) + "\n"
    # mkstemp creates the file 0600 from the start: the secret is never, even for an
    # instant, in a file others can read.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
