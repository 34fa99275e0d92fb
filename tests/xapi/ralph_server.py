"""Run Ralph's own LRS app (``ralph.api:app``) with its file backend, for the tests.

This is what ``ralph runserver -b fs`` runs, with two differences made on purpose:

- no auto-reloader (runserver always starts uvicorn with ``reload=True``, a watcher
  process plus a worker), so the test can kill exactly one process mid-batch;
- Ralph 5.1's file LRS backend writes every POST with the "create" operation, which
  refuses to touch ``fs_lrs.jsonl`` once it exists ("already exists and overwrite is
  not allowed"), so a second POST of new statements answers 500. Appending is an
  operation that backend already supports; it is made the default here so an LRS
  can take more than one POST. Everything else (auth, validation, duplicate ids,
  paging) is Ralph's code unchanged.

Usage: python ralph_server.py HOST PORT (settings come from RALPH_* variables).
"""

from __future__ import annotations

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend


def main() -> None:
    """Start uvicorn in this process until it is killed."""
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")


if __name__ == "__main__":
    main()
