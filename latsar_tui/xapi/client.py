"""A small xAPI client on the standard library (urllib), so the app needs no HTTP package.

``post`` sends one batch of statements; ``statements`` walks the LRS's ``more`` links.
Failures become ``LrsError`` with one Indonesian line; the secret never appears in
a message.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode, urljoin

from latsar_tui.i18n import _
from latsar_tui.xapi.statements import XAPI_VERSION

TIMEOUT_SECONDS = 30.0


class LrsError(Exception):
    """The LRS could not be reached or refused (message in Indonesian).

    ``transient`` is True for what a retry may cure: no connection, a timeout, a 5xx.
    """

    def __init__(self, message: str, *, transient: bool = False, status: int | None = None):
        super().__init__(message)
        self.transient = transient
        self.status = status


class LrsClient:
    """The statements resource of one LRS, with HTTP basic auth (key and secret)."""

    def __init__(
        self,
        endpoint: str,
        key: str | None = None,
        secret: str | None = None,
        *,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        # The endpoint is the xAPI base ("https://host/xAPI/"); statements live below it.
        self.endpoint = endpoint if endpoint.endswith("/") else endpoint + "/"
        self.timeout = timeout
        self._headers = {
            "X-Experience-API-Version": XAPI_VERSION,
            "Accept": "application/json",
        }
        if key is not None or secret is not None:
            token = base64.b64encode(f"{key or ''}:{secret or ''}".encode()).decode("ascii")
            self._headers["Authorization"] = f"Basic {token}"  # i18n: ignore HTTP

    def _open(self, request: urllib.request.Request) -> tuple[int, bytes]:
        for name, value in self._headers.items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return int(response.status), response.read()
        except urllib.error.HTTPError as error:
            return int(error.code), error.read()
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise LrsError(
                _("LRS {endpoint} tidak dapat dihubungi ({reason})").format(
                    endpoint=self.endpoint, reason=reason
                ),
                transient=True,
            ) from None

    def post(self, statements: Sequence[Mapping[str, Any]]) -> int:
        """POST one batch; returns the HTTP status (200, 204, 409, ...)."""
        body = json.dumps(list(statements), ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(
            urljoin(self.endpoint, "statements"),
            data=body,
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        status, _body = self._open(request)
        return status

    def statements(self, params: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Every statement matching ``params``, following ``more`` until it is empty."""
        url: str | None = urljoin(self.endpoint, "statements") + "?" + urlencode(params)
        seen: set[str] = set()
        while url:
            status, body = self._open(urllib.request.Request(url, method="GET"))
            if status != 200:
                raise LrsError(
                    _("LRS menjawab {status} saat membaca pernyataan").format(status=status),
                    status=status,
                    transient=status >= 500,
                )
            try:
                page = json.loads(body)
            except ValueError:
                raise LrsError(_("jawaban LRS bukan JSON yang sah")) from None
            batch = page.get("statements") or []
            yield from batch
            more = page.get("more") or ""
            # `more` is relative to the LRS's origin; a repeated link would loop forever.
            if not batch or not more or more in seen:
                return
            seen.add(more)
            url = urljoin(self.endpoint, more)
