"""The whole-program suites: real processes, a wheel, external consumers, the fault and the
property suites. Every test here is slow (``make test-fast`` skips them; CI runs them)."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/system/" in item.path.as_posix():
            item.add_marker(pytest.mark.slow)
