"""Subcommands of the `latsar` CLI, one module per area; each exposes `register()`."""
