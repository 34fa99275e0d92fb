"""`python -m latsar_tui` runs the same entry point as the `latsar` command."""

from latsar_tui.cli import main

raise SystemExit(main())
