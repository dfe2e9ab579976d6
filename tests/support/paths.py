"""Where the tests find what they read: the repository, the tests' own fixtures and goldens,
and the shared source pages beside the repository."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent  # tests/
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
IMPORT_CASES = TESTS / "import_cases"
SHARED = REPO.parent / "shared"  # the source pages and cases beside the repository
