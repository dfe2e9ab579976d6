"""Every configuration mistake is one line, ``FILE:LINE:COL: what is wrong and the fix``,
at the key to fix, and exit 2 with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.cli import main
from codegen.render import formatters
from tests.support.catalogs import SAMPLE

HEAD = '[project]\nname = "mine"\n\n[tool.codegen]\n'  # [tool.codegen] is line 4
FORMATTERS = "python, ruff, json, yaml, markdown, none"
ESCAPES = (
    "must stay inside the output folder: a relative path without '..', '.' or empty parts, "
    'like "python/{module}.py"'
)


def _run(root: Path, config: str, name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    (root / "spec").mkdir(parents=True)
    (root / "spec" / "codes.yaml").write_bytes(SAMPLE.read_bytes())
    (root / name).write_text(config, encoding="utf-8")
    monkeypatch.chdir(root)
    return main(["generate"])


CASES = [
    pytest.param(
        HEAD + 'catalog = "spec/codes.yaml"\noutptu = "gen"\n',
        "pyproject.toml:6:1: unknown key 'outptu' in [tool.codegen]; did you mean output?",
        id="unknown-key",
    ),
    pytest.param(
        'catalog = "spec/codes.yaml"\nzzz = 1\n',
        "codegen.toml:2:1: unknown key 'zzz' in codegen.toml; use one of catalog, output, "
        "templates, languages, options, targets, derived_names, stale_translations, "
        "regenerate, lock_timeout, breaking_against, render_timeout, max_output_mib, "
        "template_memory_mib, template_cpu_seconds, allow_outside",
        id="unknown-key-codegen-toml",
    ),
    pytest.param(
        HEAD + 'derived_names = "errors"\n',
        'pyproject.toml:5:1: derived_names must be "warn" or "error", not \'errors\'',
        id="derived-names-value",
    ),
    pytest.param(
        HEAD + 'stale_translations = "fail"\n',
        'pyproject.toml:5:1: stale_translations must be "warn" or "error", not \'fail\'',
        id="stale-translations-value",
    ),
    pytest.param(
        HEAD + "output = 3\n",
        'pyproject.toml:5:1: output must be a string (in quotes: "..."), not an integer',
        id="wrong-type",
    ),
    pytest.param(
        HEAD + "lock_timeout = -1\n",
        "pyproject.toml:5:1: lock_timeout must be 0 or more seconds (0: do not wait for "
        "another run)",
        id="negative-lock-timeout",
    ),
    pytest.param(
        HEAD + 'lock_timeout = "60"\n',
        "pyproject.toml:5:1: lock_timeout must be an integer, not a string",
        id="wrong-type-lock-timeout",
    ),
    pytest.param(
        HEAD + 'languages = "en"\n',
        "pyproject.toml:5:1: languages must be an array ([...]), not a string",
        id="wrong-type-array",
    ),
    pytest.param(
        HEAD + 'languages = [\n  "ja",\n  "english",\n]\n',
        "pyproject.toml:7:3: 'english' is not a language code; use e.g. en, ja or en-US",
        id="bad-language",
    ),
    pytest.param(
        HEAD + 'languages = ["ja", "ko"]\n',
        "pyproject.toml:5:20: language 'ko' is not in the catalog (spec/codes.yaml); use "
        "some of ja, en",
        id="language-not-in-catalog",
    ),
    pytest.param(
        HEAD + '[tool.codegen.options]\nline_length = "100"\n',
        "pyproject.toml:6:1: options.line_length must be an integer, not a string",
        id="option-wrong-type",
    ),
    pytest.param(
        HEAD + '\n[[tool.codegen.targets]]\ntemplate = "python_module.py.j2"\n'
        'output = "x.py"\nformatter = "blak"\n',
        f"pyproject.toml:9:1: unknown formatter 'blak'; use one of {FORMATTERS}",
        id="unknown-formatter",
    ),
    pytest.param(
        'targets = [\n  {template = "a.j2", output = "a"},\n'
        '  { template = "docs_index.md.j2", output = "x.md", formatter = "md" },\n]\n',
        f"codegen.toml:3:53: unknown formatter 'md'; use one of {FORMATTERS}",
        id="unknown-formatter-inline",
    ),
    pytest.param(
        HEAD + '[[tool.codegen.targets]]\ntemplate = "docs_index.md.j2"\noutput = "../x.md"\n',
        f"pyproject.toml:7:1: output '../x.md' {ESCAPES}",
        id="output-escapes",
    ),
    pytest.param(
        '[[targets]]\ntemplate = "docs_index.md.j2"\noutput = "/etc/{module}.md"\n',
        f"codegen.toml:3:1: output '/etc/{{module}}.md' {ESCAPES}",
        id="output-absolute",
    ),
    pytest.param(
        HEAD + '[[tool.codegen.targets]]\ntemplate = "docs_index.md.j2"\noutput = "docs/en.md"\n'
        '[[tool.codegen.targets]]\ntemplate = "docs_page.md.j2"\noutput = "docs/{lang}.md"\n',
        "pyproject.toml:10:1: targets[1] writes docs/en.md, as targets[0] does; give each "
        "target its own output",
        id="two-targets-one-file",
    ),
    pytest.param(
        '[[targets]]\noutput = "x.md"\n',
        'codegen.toml:1:1: targets[0] has no template; add template = "..."',
        id="target-without-template",
    ),
    pytest.param(
        '[[targets]]\ntemplate = "nope.md.j2"\noutput = "x.md"\n',
        "codegen.toml:2:1: template 'nope.md.j2' is neither in templates/ nor a built-in "
        "template; fix the name or add the file",
        id="unknown-template",
    ),
    pytest.param(
        "targets = []\n",
        "codegen.toml:1:1: targets is empty; add a [[targets]] table or remove the key to use "
        "the defaults",
        id="no-targets",
    ),
    pytest.param(
        '[options]\nmodule = "My-Module"\n',
        "codegen.toml:2:1: option module 'My-Module' must be a lowercase snake_case name "
        "that is not a Python keyword, e.g. my_api_codes",
        id="bad-module-option",
    ),
    pytest.param(
        HEAD + 'templates = "mine"\n',
        "mine: template folder mine does not exist; create it or fix the path",
        id="missing-configured-template-folder",
    ),
    pytest.param(
        'catalog = "spec/codes.yaml\n',
        "codegen.toml:1:27: not valid TOML: Illegal character '\\n'",
        id="not-toml",
    ),
]


@pytest.mark.parametrize(("config", "expected"), CASES)
def test_a_configuration_mistake_is_reported_at_its_key(
    config: str,
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "pyproject.toml" if config.startswith("[project]") else "codegen.toml"
    assert _run(tmp_path / "p", config, name, monkeypatch) == 2
    assert capsys.readouterr().err == expected + "\n"
    assert not (tmp_path / "p" / "generated").exists()


def test_the_error_names_the_file_relative_to_a_subfolder_it_is_run_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "p"
    _run(root, "output = 3\n", "codegen.toml", monkeypatch)
    (root / "sub").mkdir()
    monkeypatch.chdir(root / "sub")
    capsys.readouterr()
    assert main(["check"]) == 2
    assert capsys.readouterr().err.startswith("../codegen.toml:1:1: output must be a string")


def test_the_ruff_formatter_without_ruff_installed_is_an_error_at_the_formatter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(formatters, "ruff_command", lambda: None)  # read when ruff is named
    config = '[[targets]]\ntemplate = "python_module.py.j2"\noutput = "a.py"\nformatter = "ruff"\n'
    assert _run(tmp_path / "p", config, "codegen.toml", monkeypatch) == 2
    assert capsys.readouterr().err == (
        "codegen.toml:4:1: formatter 'ruff' needs ruff, which is not installed: pip install "
        'ruff, or use formatter = "python" (black)\n'
    )
