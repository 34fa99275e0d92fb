"""What every subcommand handler receives, and the error it raises to stop cleanly."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from latsar_tui.paths import Paths


class CommandError(Exception):
    """A failure the user can act on: printed as one line, no traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class CommandContext:
    """The resolved global options: where data lives and which extra content to read."""

    paths: Paths
    extra_content: tuple[Path, ...] = field(default=())

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CommandContext:
        """Build the context from the global ``--data-dir`` and ``--content`` options."""
        return cls(
            paths=Paths.resolve(getattr(args, "data_dir", None)),
            extra_content=tuple(getattr(args, "content", []) or ()),
        )
