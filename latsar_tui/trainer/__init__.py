"""Trainer tools: import/export formats, content packs, schemas, scaffolds, class report."""
