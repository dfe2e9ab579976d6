"""The configuration: found from any folder of the project, paths relative to its file,
the command line over it, and every mistake reported at the line and column to fix."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog
from codegen.cli import main
from codegen.errors import InputError
from codegen.project.config import find_config, load_config
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import SAMPLE
from tests.support.paths import REPO

PYPROJECT_HEAD = '[project]\nname = "mine"\nversion = "1.0"\n\n'


def _project(root: Path, config: str, name: str = "codegen.toml") -> Path:
    """A project folder with the sample catalog at spec/codes.yaml and ``config``."""
    (root / "spec").mkdir(parents=True)
    (root / "spec" / "codes.yaml").write_bytes(SAMPLE.read_bytes())
    (root / name).write_text(config, encoding="utf-8")
    return root


def _config_error(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(root)
    with pytest.raises(InputError) as raised:
        load_config(cwd=root)
    return str(raised.value)


# --- discovery --------------------------------------------------------------------------


def test_the_configuration_is_found_from_a_subfolder_and_its_paths_are_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path / "p", 'output = "out/gen"\n')
    (root / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(root / "deep" / "er")
    assert main(["generate"]) == 0
    assert (root / "out" / "gen" / "python" / "sample_codes.py").is_file()
    assert "wrote ../../out/gen/python/sample_codes.py" in capsys.readouterr().out
    assert main(["check"]) == 0


def test_a_pyproject_without_a_codegen_table_is_passed_over_for_the_folder_above(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path / "p", PYPROJECT_HEAD + "[tool.codegen]\n", "pyproject.toml")
    (root / "sub").mkdir()
    (root / "sub" / "pyproject.toml").write_text(PYPROJECT_HEAD, encoding="utf-8")
    assert find_config(root / "sub") == root / "pyproject.toml"


def test_codegen_toml_and_a_codegen_table_in_one_folder_is_an_error_naming_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "p", PYPROJECT_HEAD + "[tool.codegen]\n", "pyproject.toml")
    (root / "codegen.toml").write_text("", encoding="utf-8")
    assert _config_error(root, monkeypatch) == (
        "pyproject.toml:5:1: both pyproject.toml [tool.codegen] and codegen.toml configure "
        "codegen here; keep one of them"
    )


def test_without_a_configuration_the_defaults_apply_in_the_working_directory(
    tmp_path: Path,
) -> None:
    config = load_config(cwd=tmp_path)
    assert (config.catalog, config.output, config.templates) == (
        "spec/codes.yaml",
        "generated",
        "templates",
    )
    assert config.targets == DEFAULT_TARGETS
    assert config.file is None and not config.templates_required


def test_config_names_the_file_and_the_command_line_paths_override_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "p", 'output = "a"\ncatalog = "spec/codes.yaml"\n', "other.toml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = load_config(str(root / "other.toml"), output="b", cwd=elsewhere)
    assert config.output == "b"
    assert config.catalog == (root / "spec" / "codes.yaml").as_posix()
    assert main(["generate", "--config", str(root / "other.toml")]) == 0
    assert (root / "a" / "docs" / "index.md").is_file()


def test_a_missing_config_file_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--config", "nope.toml"]) == 2
    assert (
        capsys.readouterr().err
        == "nope.toml: no such configuration file; check the --config path\n"
    )


def test_validate_and_import_read_the_catalog_path_from_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path / "p", 'catalog = "data/codes.yaml"\n')
    (root / "data").mkdir()
    (root / "spec" / "codes.yaml").rename(root / "data" / "codes.yaml")
    monkeypatch.chdir(root)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("data/codes.yaml: 3 code sets")


# --- the repository's own configuration ----------------------------------------------------


def test_the_repository_configuration_renders_the_defaults_plus_typescript(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    config = load_config(cwd=REPO)
    assert config.file == REPO / "pyproject.toml"
    assert (config.catalog, config.output, config.templates) == (
        "spec/codes.yaml",
        "generated",
        "templates",
    )
    catalog = config.check_catalog(load_catalog(config.catalog))
    configured = render_all(catalog, config.targets)
    defaults = render_all(catalog, DEFAULT_TARGETS)
    assert set(configured) - set(defaults) == {"typescript/nhn_sms_codes.ts"}
    assert {path: configured[path] for path in defaults} == defaults


def test_the_default_targets_written_out_as_targets_render_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = "".join(
        f'[[targets]]\ntemplate = "{t.template}"\noutput = "{t.output}"\n'
        f'formatter = "{t.formatter}"\n'
        + "".join(f'options.{k} = "{v}"\n' for k, v in t.options.items())
        for t in DEFAULT_TARGETS
    )
    root = _project(tmp_path / "p", listed)
    monkeypatch.chdir(root)
    config = load_config(cwd=root)
    catalog = config.check_catalog(load_catalog(config.catalog))
    assert config.targets == DEFAULT_TARGETS
    assert render_all(catalog, config.targets) == render_all(catalog, DEFAULT_TARGETS)


def test_an_integer_too_long_is_found_in_one_pass_over_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """240 numbers of 4,299 digits (each one short of too long) before one of 4,301: finding
    it took 40 s (a pattern that scanned each run of digits from each of its digits), now a
    fraction of a second. The bound is generous: a loaded machine."""
    text = "".join(f"a{i} = {'9' * 4299}\n" for i in range(240)) + f"b = {'9' * 4301}\n"
    (tmp_path / "codegen.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    assert main(["validate"]) == 2
    assert time.monotonic() - started < 5
    assert capsys.readouterr().err == (
        "codegen.toml:241:5: an integer of more than 4,300 digits: no setting takes one; "
        "shorten it\n"
    )
