"""Shared test configuration: hypothesis settings profiles.

* ``dev`` (default): hypothesis' defaults, with the example database so failures replay.
* ``ci``: derandomised, no database, no deadline, few examples — loaded when ``CI`` is set.
* ``thorough``: thousands of examples per property, for a long local run:
  ``HYPOTHESIS_PROFILE=thorough pytest tests/test_render.py tests/test_robustness.py``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None)
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=25,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    deadline=None,
    max_examples=2500,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
