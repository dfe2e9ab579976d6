"""The sample catalog's outputs, byte for byte. Change them only with
``pytest tests/templates/test_golden.py --update-golden`` and review the diff."""

from __future__ import annotations

import pytest

from tests.support.catalogs import assert_golden
from tests.support.paths import TESTS

GOLDEN = TESTS / "golden" / "sample"
OUTPUTS = [
    "python/sample_codes.py",
    "jsonschema/sample_codes.schema.json",
    "openapi/sample_codes.openapi.yaml",
    "docs/index.md",
    "docs/ja.md",
    "docs/en.md",
]


@pytest.mark.parametrize("relative", OUTPUTS)
def test_the_sample_output_is_byte_for_byte_its_golden_file(
    relative: str, sample_files: dict[str, str], update_golden: bool
) -> None:
    assert_golden(GOLDEN / relative, sample_files[relative], update_golden)


def test_every_output_has_a_golden_file_and_every_golden_file_an_output(
    sample_files: dict[str, str],
) -> None:
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert golden == sorted(OUTPUTS) == sorted(sample_files)
