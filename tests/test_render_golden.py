"""The sample catalog's outputs, byte for byte. Change them only with
``pytest tests/test_render_golden.py --update-golden`` and review the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "sample"
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
    golden = GOLDEN / relative
    rendered = sample_files[relative].encode("utf-8")
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(rendered)
    assert golden.is_file(), f"no golden file {golden}: run pytest --update-golden"
    assert golden.read_bytes() == rendered, f"{relative} differs from its golden file"


def test_every_output_has_a_golden_file_and_every_golden_file_an_output(
    sample_files: dict[str, str],
) -> None:
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert golden == sorted(OUTPUTS) == sorted(sample_files)
