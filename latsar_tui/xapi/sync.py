"""``latsar sinkron``: send the statements the LRS has not confirmed, in batches.

A batch counts as sent only on 200/204 (stored) or 409 (the LRS already holds those
ids: Ralph answers so when a statement id exists with other content). A failure a
retry may cure (no connection, timeout, 5xx) is retried with exponential backoff;
anything else stops the run with one Indonesian line and marks nothing of that
batch as sent. Batches already confirmed stay confirmed, so a later run resumes
where this one stopped and, because statement ids are fixed, never duplicates.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from latsar_tui.content.model import Catalog
from latsar_tui.i18n import _
from latsar_tui.paths import Paths
from latsar_tui.store.progress import ProgressStore
from latsar_tui.xapi.client import LrsClient, LrsError
from latsar_tui.xapi.config import LrsConfig
from latsar_tui.xapi.statements import all_statements

BATCH_SIZE = 50
RETRIES = 3
BACKOFF_SECONDS = 1.0
SENT_STATUSES = {200, 204, 409}


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    """What one run did: statements confirmed now, still waiting, and why it stopped."""

    sent: int
    waiting: int
    error: str | None = None


def pending_statements(
    paths: Paths, config: LrsConfig, catalog: Catalog | None = None
) -> list[dict[str, Any]]:
    """Statements of this data folder not yet confirmed by the LRS, in time order."""
    with ProgressStore.open(paths) as store:
        sent = store.sent_statement_ids()
    return [s for s in all_statements(paths, config.learner(), catalog) if s["id"] not in sent]


def _post(
    client: LrsClient, batch: Sequence[dict[str, Any]], sleep: Callable[[float], None]
) -> tuple[int | None, str | None]:
    """POST with retries: (status of a final answer, None) or (None, the line to show)."""
    delay = BACKOFF_SECONDS
    for attempt in range(RETRIES + 1):
        try:
            status = client.post(batch)
        except LrsError as error:
            if attempt == RETRIES:
                return None, (
                    _(
                        "Pengiriman gagal: {error}. Jawaban tetap tersimpan dan dikirim nanti."
                    ).format(error=error)
                )
        else:
            if status in SENT_STATUSES:
                return status, None
            if status < 500 or attempt == RETRIES:
                return None, (
                    _(
                        "LRS menolak kiriman (HTTP {status}); belum ada yang ditandai terkirim "
                        "dari kiriman ini. Periksa alamat, kunci, dan rahasia LRS."
                    ).format(status=status)
                )
        sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns


def _send_batch(
    client: LrsClient, batch: Sequence[dict[str, Any]], sleep: Callable[[float], None]
) -> str | None:
    """Send one batch with retries; None when every statement is confirmed."""
    status, problem = _post(client, batch, sleep)
    if problem is not None:
        return problem
    if status == 409 and len(batch) > 1:
        # A 409 rejects the whole request, so statements of the batch that the LRS
        # does not hold yet were not stored either: send one by one, where a 409
        # really means "this id is already there".
        for statement in batch:
            problem = _send_batch(client, [statement], sleep)
            if problem is not None:
                return problem
    return None


def sync(
    paths: Paths,
    config: LrsConfig,
    catalog: Catalog | None = None,
    *,
    client: LrsClient | None = None,
    batch_size: int = BATCH_SIZE,
    sleep: Callable[[float], None] = time.sleep,
) -> SyncOutcome:
    """Send every pending statement; see the module docstring for what counts as sent."""
    if not config.configured or config.endpoint is None:
        raise ValueError(_("LRS belum diatur"))
    client = client or LrsClient(config.endpoint, config.key, config.secret)
    pending = pending_statements(paths, config, catalog)
    sent = 0
    with ProgressStore.open(paths) as store:
        for start in range(0, len(pending), batch_size):
            batch = pending[start : start + batch_size]
            problem = _send_batch(client, batch, sleep)
            if problem is not None:
                return SyncOutcome(sent, len(pending) - sent, problem)
            # Committed batch by batch: a run stopped later keeps what was confirmed.
            store.mark_statements_sent([s["id"] for s in batch], datetime.now(UTC))
            sent += len(batch)
    return SyncOutcome(sent, 0)
