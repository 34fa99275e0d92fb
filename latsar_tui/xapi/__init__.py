"""Learning records as xAPI 1.0.3 statements, sent to (and read back from) an LRS.

Domain code: no Textual. Nothing here opens a socket unless ``latsar sinkron`` or
``latsar report --lrs`` asks it to (``lrs.LrsClient``).
"""
