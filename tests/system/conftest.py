"""The whole-program suites: real processes, a wheel, external consumers, the fault and the
property suites. Every test here is slow (``make test-fast`` skips them; CI runs them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.wheel import Installed, install


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/system/" in item.path.as_posix():
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel, built and installed into a fresh virtual environment once for the session
    (tests/system/test_wheel.py, tests/system/test_import_cases_wheel.py)."""
    folder: Path = tmp_path_factory.mktemp("wheel")
    return install(folder)
