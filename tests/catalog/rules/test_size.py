"""The catalog's code count is checked in its text before it is parsed (issue #18: a 49 MiB
catalog of 770,182 codes took 7 min 40 s and 9.1 GiB before "the limit is 100,000")."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from codegen.catalog import parse
from codegen.catalog.roundtrip import tree
from codegen.catalog.rules import size
from codegen.cli import main
from codegen.errors import InputError

HEAD = "format: 1\nsource_language: en\nlanguages: [en]\ncurated:\n  module: m\ncode_sets:\n"


def _never(*args: object, **kwargs: object) -> object:
    raise AssertionError("the catalog was parsed")


def _block(count: int) -> str:
    codes = "".join(f"      - code: {i}\n        message: {{en: M{i}}}\n" for i in range(count))
    return HEAD + "  - title: {en: Codes}\n    codes:\n" + codes


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_block(4), id="block"),
        pytest.param(
            HEAD + "- codes: [{code: 1}, {code: 2}, {'code': 3},{\"code\": 4}]\n", id="flow"
        ),
        pytest.param(
            HEAD + "- codes:\n  - - x\n  - code: 1\n  - code: 2\n  - code: 3\n  -\n    code: 4\n",
            id="mixed",
        ),
    ],
)
def test_a_catalog_past_the_code_count_is_refused_before_it_is_parsed(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setattr(size, "MAX_CODES", 3)
    monkeypatch.setattr(parse, "_parse_pure", _never)
    monkeypatch.setattr(parse, "C_LOADER", False)
    with pytest.raises(InputError) as refused:
        parse.parse(text, "spec/codes.yaml")
    message = "the catalog has 4 codes; the limit is 3: split it up"  # at code_sets' value
    assert str(refused.value) in (f"spec/codes.yaml:7:{n}: {message}" for n in (1, 3))


def test_code_in_a_text_is_not_counted_as_a_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(size, "MAX_CODES", 3)
    texts = "".join(
        f"      - code: {i}\n        message: {{en: 'bad code: {i}'}}\n" for i in range(3)
    )
    text = HEAD + "  - title: {en: 'code: x'}\n    codes:\n" + texts
    size.too_many_codes_in_text(text, "spec/codes.yaml")  # 3 codes: within the limit


def test_import_counts_the_catalogs_codes_before_building_its_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(size, "MAX_CODES", 3)
    monkeypatch.setattr(tree, "round_trip_yaml", _never)
    with pytest.raises(InputError, match="the catalog has 4 codes; the limit is 3"):
        tree.load(_block(4).encode(), "spec/codes.yaml")


@pytest.mark.slow
def test_the_770000_code_catalog_is_refused_in_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack itself: 770,182 codes in 39 MB, under the 50 MiB size limit."""
    catalog = tmp_path / "codes.yaml"
    with catalog.open("w", encoding="utf-8") as out:
        out.write(HEAD + "- title: {en: Codes}\n  code_type: integer\n  codes:\n")
        out.writelines(f"  - code: {i}\n    message: {{en: Message {i}}}\n" for i in range(770_182))
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    assert main(["validate", "--catalog", str(catalog)]) == 2
    assert time.monotonic() - started < 30  # 7 min 40 s before; about 2 s on a loaded machine
    err = capsys.readouterr().err
    assert (
        err == f"{catalog}:7:1: the catalog has 770,182 codes; the limit is 100,000: split it up\n"
    )
