"""Hypothesis profiles for the fuzz tests: "ci" (default, bounded) and "long" (local runs).

The profiles are registered here and applied per test through ``fuzzkit.FUZZ``, never
loaded globally, so the other property tests keep their own settings. ``LATSAR_FUZZ=long``
selects the long profile; ``LATSAR_FUZZ_EXAMPLES`` overrides its example count:

    LATSAR_FUZZ=long LATSAR_FUZZ_EXAMPLES=5000 nice -n 10 \
        python -m pytest -n0 tests/fuzz --hypothesis-show-statistics

The statistics list each test's examples and its outcomes (refused, imported, ...).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SUPPRESSED = [
    # Each example makes its own temporary folders; the autouse home fixture is unused.
    HealthCheck.function_scoped_fixture,
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
]

settings.register_profile(
    "latsar-fuzz-ci",
    max_examples=40,
    # Generous for a shared CI runner: a pack install runs the loader under tracemalloc.
    deadline=5000,
    derandomize=False,
    print_blob=False,
    suppress_health_check=_SUPPRESSED,
)
settings.register_profile(
    "latsar-fuzz-long",
    max_examples=int(os.environ.get("LATSAR_FUZZ_EXAMPLES", "20000")),
    # Long runs share the machine (nice'd): slowness there is noise; a real hang is
    # caught by fuzzkit's alarm.
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)
