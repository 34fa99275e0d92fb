"""Spaced review (FSRS) and progress statistics."""
