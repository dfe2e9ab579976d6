"""The benchmark's synthetic catalogs: deterministic, of the requested size, in the documented format.

Nothing here is timed; the harness's pure helpers (verdicts, error lines) are checked too.
"""

from __future__ import annotations

import importlib.util
import keyword
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from bench import scenarios, synth
from bench.documents import to_markdown, to_yaml
from bench.linkml_schema import linkml_schema
from bench.measure import first_error_line
from bench.results import Target
from tests.support.paths import REPO

UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\Z")
PASCAL = re.compile(r"[A-Z][A-Za-z0-9]*\Z")
SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*\Z")


def load(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def test_the_same_size_gives_byte_identical_files(tmp_path: Path) -> None:
    first = synth.write_files(1000, tmp_path / "first")
    second = synth.write_files(1000, tmp_path / "second")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()


def test_separate_processes_with_other_hash_seeds_write_the_same_bytes(tmp_path: Path) -> None:
    script = REPO / "bench" / "synth.py"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, str(script), "300", str(tmp_path / seed)]
        subprocess.run(command, check=True, env=env, capture_output=True)
    for name in ("codes.yaml", "codes.ja.md"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_another_seed_gives_other_messages() -> None:
    assert synth.build_catalog(148, seed=1) != synth.build_catalog(148, seed=2)


@pytest.mark.parametrize("size", [4, 148, 1000, 2345])
def test_the_catalog_has_exactly_the_requested_number_of_codes(tmp_path: Path, size: int) -> None:
    catalog_path, _ = synth.write_files(size, tmp_path)
    assert sum(len(code_set["codes"]) for code_set in load(catalog_path)["code_sets"]) == size


def test_sizes_below_the_minimum_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 4 codes"):
        synth.build_catalog(3)


def test_the_yaml_file_loads_back_to_the_data_it_was_written_from(tmp_path: Path) -> None:
    catalog_path, _ = synth.write_files(1000, tmp_path)
    assert load(catalog_path) == synth.build_catalog(1000)


def test_the_yaml_file_starts_with_the_schema_comment(tmp_path: Path) -> None:
    catalog_path, _ = synth.write_files(148, tmp_path)
    first_line = catalog_path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../codegen/schemas/catalog.schema.json"


def test_strings_and_keys_a_yaml_loader_could_misread_survive_the_emitter() -> None:
    tricky = [
        "yes",
        "on",
        "007",
        "null",
        "a: b",
        "#x",
        'say "hi"',
        "back\\slash",
        "two\nlines",
        "",
        "日本語",
    ]
    data = {"values": tricky, "on": "y", "-1000": {"y": 1, "n": False, "none": None}}
    assert YAML(typ="safe", pure=True).load(to_yaml(data)) == data


@pytest.mark.parametrize("size", [148, 3000])
def test_the_catalog_follows_the_documented_format(size: int) -> None:
    catalog = synth.build_catalog(size)
    assert catalog["format"] == 1
    assert catalog["languages"][0] == catalog["source_language"] == "ja"
    assert SNAKE.match(catalog["curated"]["module"])
    set_names = [code_set["curated"]["name"] for code_set in catalog["code_sets"]]
    assert all(PASCAL.match(name) for name in set_names)
    assert len(set(set_names)) == len(set_names)
    for code_set in catalog["code_sets"]:
        check_code_set(code_set, catalog["languages"])


def check_code_set(code_set: dict[str, Any], languages: list[str]) -> None:
    assert code_set["code_type"] in ("integer", "string")
    expected = int if code_set["code_type"] == "integer" else str
    codes = [code["code"] for code in code_set["codes"]]
    assert all(type(code) is expected for code in codes)
    assert len(set(codes)) == len(codes), "codes are unique within a set"
    keys = [attribute["key"] for attribute in code_set["attributes"]]
    assert not set(keys) & {"code", "message", "curated", "name"}
    assert all(SNAKE.match(key) and not keyword.iskeyword(key) for key in keys)
    for attribute in code_set["attributes"]:
        assert attribute["kind"] in ("group", "flag", "text")
        assert set(attribute["header"]) == set(languages)
        if attribute["kind"] == "group":
            labels = [value["label"]["ja"] for value in attribute["values"]]
            assert labels and all(
                UPPER_SNAKE.match(v["curated"]["name"]) for v in attribute["values"]
            )
            used = [code[attribute["key"]] for code in code_set["codes"]]
            assert labels == list(dict.fromkeys(label for label in used if label is not None))
        else:
            assert all(type(code[attribute["key"]]) is bool for code in code_set["codes"])
    for code in code_set["codes"]:
        assert set(code["message"]) == set(languages)
        assert all(code["message"].values())


def test_every_code_name_is_curated_upper_snake_and_unique_in_the_catalog() -> None:
    catalog = synth.build_catalog(5000)
    names = [code["curated"]["name"] for s in catalog["code_sets"] for code in s["codes"]]
    assert all(UPPER_SNAKE.match(name) and not name.startswith("TODO_") for name in names)
    assert len(set(names)) == len(names)


def test_the_response_header_names_an_integer_set_with_the_success_flag() -> None:
    catalog = synth.build_catalog(148)
    response = catalog["curated"]["response"]
    code_set = next(s for s in catalog["code_sets"] if s["curated"]["name"] == response["code_set"])
    flags = [a["key"] for a in code_set["attributes"] if a["kind"] == "flag"]
    assert response["success_flag"] in flags
    assert [c["code"] for c in code_set["codes"] if c["is_success"]] == [0]


def test_larger_catalogs_have_more_code_sets() -> None:
    assert len(synth.build_catalog(148)["code_sets"]) < len(
        synth.build_catalog(20_000)["code_sets"]
    )


@pytest.mark.skipif(
    not importlib.util.find_spec("codegen.catalog.load"),
    reason="codegen.catalog.load not written yet",
)
def test_codegen_loads_the_catalog_with_every_name_curated(tmp_path: Path) -> None:
    from codegen.catalog.load import load_catalog

    catalog_path, _ = synth.write_files(1000, tmp_path)
    catalog = load_catalog(catalog_path)
    assert sum(len(code_set.codes) for code_set in catalog.code_sets) == 1000
    assert catalog.module == "bench_codes"


def test_the_markdown_page_has_a_heading_and_one_table_row_per_code(tmp_path: Path) -> None:
    _, markdown_path = synth.write_files(1000, tmp_path)
    lines = markdown_path.read_text(encoding="utf-8").splitlines()
    catalog = synth.build_catalog(1000)
    separators = [line for line in lines if line.startswith("| ---")]
    assert len(separators) == len(catalog["code_sets"])
    table_lines = [line for line in lines if line.startswith("|")]
    assert len(table_lines) - 2 * len(separators) == 1000
    assert lines[0] == "# Notification > SMS > エラーコード"


def test_the_markdown_page_puts_the_code_column_where_the_source_tables_have_it() -> None:
    page = to_markdown(synth.build_catalog(148), "ja")
    assert "| service | isSuccess | resultCode | resultMessage |" in page
    assert "| 区分 | コード値 | 分類 | 意味 |" in page
    assert "| 共通 | true | 0 | 成功 |" in page


def test_a_code_set_without_attributes_or_columns_still_makes_a_table() -> None:
    """The real catalog leaves out `attributes` (and may leave out `columns`) when empty."""
    catalog = {
        "source_language": "ja",
        "title": {"ja": "T"},
        "code_sets": [
            {"title": {"ja": "S"}, "codes": [{"code": "MTR1", "message": {"ja": "成功"}}]}
        ],
    }
    assert "| code | message |\n| --- | --- |\n| MTR1 | 成功 |" in to_markdown(catalog, "ja")


def test_one_message_changed_differs_from_the_catalog_in_exactly_one_message() -> None:
    catalog = synth.build_catalog(148)
    changed = synth.one_message_changed(catalog)
    before = [c["message"] for s in catalog["code_sets"] for c in s["codes"]]
    after = [c["message"] for s in changed["code_sets"] for c in s["codes"]]
    assert sum(a != b for a, b in zip(before, after)) == 1
    assert synth.build_catalog(148) == catalog, "the original is left as it was"


def test_each_run_of_check_after_a_change_gets_an_edit_it_has_not_seen() -> None:
    """A cache in codegen must not answer a timed run from the warm-up run."""
    inputs = scenarios.synthetic_inputs(148)
    first, second = inputs.changed_catalog(1), inputs.changed_catalog(2)
    assert first != second
    loaded = YAML(typ="safe", pure=True).load(first)
    assert loaded == synth.one_message_changed(synth.build_catalog(148), "(改訂1)")


def test_the_real_catalog_is_edited_in_place_keeping_its_own_layout(tmp_path: Path) -> None:
    path = tmp_path / "codes.yaml"
    path.write_text(
        "format: 1\nsource_language: ja\nlanguages: [ja]\ncurated: {module: m}\n"
        "code_sets:\n  - title: {ja: T}\n    code_type: integer\n    curated: {name: C}\n"
        "    codes:\n      - code: 0  # the success code\n        message: {ja: 成功}\n"
        "        curated: {name: SUCCESS}\n",
        encoding="utf-8",
    )
    changed = scenarios.real_inputs(path).changed_catalog(3)
    assert changed == path.read_text(encoding="utf-8").replace("成功", "成功(改訂3)")


def test_the_linkml_schema_has_one_enum_per_code_set_and_one_value_per_code() -> None:
    catalog = synth.build_catalog(1000)
    schema = YAML(typ="safe", pure=True).load(to_yaml(linkml_schema(catalog)))
    assert list(schema["enums"]) == [s["curated"]["name"] for s in catalog["code_sets"]]
    for code_set in catalog["code_sets"]:
        values = schema["enums"][code_set["curated"]["name"]]["permissible_values"]
        assert list(values) == [str(code["code"]) for code in code_set["codes"]]
        assert all(value["description"] for value in values.values())


def test_a_traceback_is_reported_by_its_exception_line() -> None:
    stderr = 'Traceback (most recent call last):\n  File "x.py"\nValueError: bad field\n'
    assert first_error_line(stderr) == "ValueError: bad field"
    assert (
        first_error_line("spec/codes.yaml:3:1: duplicate code\nmore\n")
        == "spec/codes.yaml:3:1: duplicate code"
    )


def test_a_target_is_met_at_its_limit_and_missed_by_the_excess_above_it() -> None:
    assert Target("10,000 codes", "check", measured=0.5, limit=0.5).verdict == "met"
    assert Target("10,000 codes", "check", measured=0.75, limit=0.5).verdict == "missed by 50%"
    assert (
        Target("10,000 codes", "check", note="size not run").verdict == "not measured: size not run"
    )


def test_the_ruff_configuration_is_the_repository_s_with_ruff_for_python(tmp_path: Path) -> None:
    import dataclasses

    from codegen.project.config import read_config

    root = REPO
    path = tmp_path / scenarios.RUFF_CONFIG
    path.write_text(scenarios.ruff_config(root / "pyproject.toml"), encoding="utf-8")
    ours = read_config(root / "pyproject.toml", root)
    ruff = read_config(path, tmp_path)
    assert [t.formatter for t in ruff.targets] == [
        "ruff" if t.formatter == "python" else t.formatter for t in ours.targets
    ]
    assert "ruff" in [t.formatter for t in ruff.targets]
    same = [
        dataclasses.replace(t, formatter="ruff" if t.formatter == "python" else t.formatter)
        for t in ours.targets
    ]
    assert list(ruff.targets) == same
    assert [dict(t.options) for t in ruff.targets] == [dict(t.options) for t in ours.targets]


def test_without_a_configuration_the_ruff_one_has_the_built_in_targets(tmp_path: Path) -> None:
    from codegen.project.config import read_config
    from codegen.render.targets import DEFAULT_TARGETS

    path = tmp_path / scenarios.RUFF_CONFIG
    path.write_text(scenarios.ruff_config(tmp_path / "pyproject.toml"), encoding="utf-8")
    targets = read_config(path, tmp_path).targets
    assert [(t.template, t.output) for t in targets] == [
        (t.template, t.output) for t in DEFAULT_TARGETS
    ]
    assert [t.formatter for t in targets].count("ruff") == 1


def test_every_command_is_timed_with_the_repository_s_configuration() -> None:
    keys = [step.key for step in scenarios.codegen_steps("ja")]
    assert keys == [
        "generate",
        "generate-noop",
        "check",
        "check-changed",
        "generate-ruff",
        "import",
        "reimport",
    ]
    without_ruff = [step.key for step in scenarios.codegen_steps("ja", ruff=False)]
    assert "generate-ruff" not in without_ruff and len(without_ruff) == 6


def test_the_floor_imports_what_generate_needs_and_no_black() -> None:
    assert scenarios.FLOOR_CODE == "import jinja2, ruamel.yaml"


def test_the_targets_are_issue_19_s_each_judged() -> None:
    from bench.measure import Measurement
    from bench.results import SizeResult, evaluate

    floor = Measurement("floor", "floor", samples=[])
    sizes = [SizeResult(size, size, "synthetic", floor) for size in (148, 1000, 10_000, 100_000)]
    texts = [(t.size.split(" (")[0], t.text) for t in evaluate(sizes)]
    assert len(texts) == 15
    assert ("10,000 codes", "re-import the page into the catalog it made ≤ 1.5 s") in texts
    assert ("100,000 codes", "generate from scratch ≤ 12 s") in texts
    assert all("black" not in text and "ruff" not in text for _, text in texts)


def test_the_report_s_command_names_no_path_of_the_machine() -> None:
    from bench.run import REPO as BENCH_REPO
    from bench.run import shown_arguments

    shown = shown_arguments(
        ["--linkml-bin", "/home/someone/linkml/bin", f"--out={BENCH_REPO / 'B.md'}"]
    )
    assert shown == "--linkml-bin …/bin --out=B.md"
