"""What the configuration changes in the outputs: languages, options, targets, formatters."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.cli import main
from codegen.project.config import load_config
from codegen.render.formatters import ruff_command
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.catalogs import SAMPLE


def _project(root: Path, config: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    (root / "spec").mkdir(parents=True)
    (root / "spec" / "codes.yaml").write_bytes(SAMPLE.read_bytes())
    (root / "codegen.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _files(root: Path) -> dict[str, str]:
    output = root / "generated"
    return {
        p.relative_to(output).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


def _options(root: Path) -> list[dict[str, object]]:
    return [dict(target.options) for target in load_config(cwd=root).targets]


def test_languages_choose_the_pages_and_the_texts_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "p", 'languages = ["en"]\n', monkeypatch)
    assert main(["generate"]) == 0
    files = _files(root)
    assert "docs/en.md" in files and "docs/ja.md" not in files
    assert "(ja)" not in files["docs/index.md"]
    assert '"ja":' not in files["python/sample_codes.py"]
    assert '"en":' in files["python/sample_codes.py"]


def test_options_reach_every_target_and_a_target_option_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(
        tmp_path / "p",
        '[options]\nshared = "s"\nmine = "global"\n\n'
        '[[targets]]\ntemplate = "docs_index.md.j2"\noutput = "a.md"\n\n'
        '[[targets]]\ntemplate = "docs_index.md.j2"\noutput = "b.md"\noptions.mine = "own"\n',
        monkeypatch,
    )
    assert _options(root) == [
        {"shared": "s", "mine": "global"},
        {"shared": "s", "mine": "own"},
    ]


def test_shared_options_replace_the_built_in_options_of_the_default_targets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "p", '[options]\nversion = "2.5.0"\n', monkeypatch)
    assert _options(root)[2] == {"version": "2.5.0"}
    assert DEFAULT_TARGETS[2].options == {"version": "1.0.0"}
    assert main(["generate"]) == 0
    assert 'version: "2.5.0"' in _files(root)["openapi/sample_codes.openapi.yaml"]


def test_the_module_and_title_options_rename_one_target_s_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(
        tmp_path / "p",
        '[[targets]]\ntemplate = "docs_index.md.j2"\noutput = "{module}.md"\n'
        'options = {module = "renamed", title = "My API"}\n\n'
        '[[targets]]\ntemplate = "docs_index.md.j2"\noutput = "{module}.md"\n',
        monkeypatch,
    )
    assert main(["generate"]) == 0
    files = _files(root)
    assert sorted(files) == [".codegen-manifest.json", "renamed.md", "sample_codes.md"]
    assert "# My API\n" in files["renamed.md"]
    assert "# My API\n" not in files["sample_codes.md"]


def test_a_template_reads_free_form_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(
        tmp_path / "p",
        '[[targets]]\ntemplate = "list.txt.j2"\noutput = "list.txt"\n'
        'options = {prefix = "E", width = 3}\n',
        monkeypatch,
    )
    (root / "templates").mkdir()
    (root / "templates" / "list.txt.j2").write_text(
        "{% for s in catalog.code_sets %}{{ options.prefix }}{{ '%0*d' % (options.width, "
        "loop.index) }} {{ s.name }}\n{% endfor %}",
        encoding="utf-8",
    )
    assert main(["generate"]) == 0
    assert _files(root)["list.txt"].splitlines()[0].startswith("E001 ")


@pytest.mark.skipif(ruff_command() is None, reason="ruff is not installed")
def test_the_ruff_formatter_formats_python_with_ruff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(
        tmp_path / "p",
        '[[targets]]\ntemplate = "python_module.py.j2"\noutput = "a.py"\nformatter = "ruff"\n'
        '[[targets]]\ntemplate = "bad.py.j2"\noutput = "b.py"\nformatter = "ruff"\n',
        monkeypatch,
    )
    (root / "templates").mkdir()
    (root / "templates" / "bad.py.j2").write_text("x = {{ '{' }}  'a':1 }\n", encoding="utf-8")
    assert main(["check"]) == 1
    (root / "templates" / "bad.py.j2").write_text("x = (\n", encoding="utf-8")
    assert main(["check"]) == 2
    (root / "templates" / "bad.py.j2").write_text("x = {{ '{' }}  'a':1 }\n", encoding="utf-8")
    assert main(["generate"]) == 0
    files = _files(root)
    assert files["b.py"] == 'x = {"a": 1}\n'
    compile(files["a.py"], "a.py", "exec")


@pytest.mark.parametrize(
    "formatter",
    [
        "python",
        pytest.param(
            "ruff",
            marks=pytest.mark.skipif(ruff_command() is None, reason="ruff is not installed"),
        ),
    ],
)
def test_syntax_newer_than_the_target_version_is_refused(
    formatter: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A ``match`` statement is Python 3.10: refused for the default target 3.9, by black
    or ast on the python formatter and by ruff check on the ruff one."""
    root = _project(
        tmp_path / "p",
        f'[[targets]]\ntemplate = "new.py.j2"\noutput = "new.py"\nformatter = "{formatter}"\n',
        monkeypatch,
    )
    (root / "templates").mkdir()
    template = root / "templates" / "new.py.j2"
    template.write_text("x = 1\nmatch x:\n    case 1:\n        pass\n", encoding="utf-8")
    assert main(["generate"]) == 2
    error = capsys.readouterr().err
    assert "new.py.j2" in error and "invalid Python" in error
    assert not (root / "generated" / "new.py").exists()
    template.write_text("x = 1\nif x == 1:\n    pass\n", encoding="utf-8")
    assert main(["generate"]) == 0


@pytest.mark.parametrize("template", ["openapi.yaml.j2", "builtin/openapi.yaml.j2"])
def test_a_listed_built_in_target_keeps_its_default_options(
    template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing a built-in target (needed to add any other) keeps the options it has by
    default: the OpenAPI document's ``version``."""
    root = _project(
        tmp_path / "p",
        f'[[targets]]\ntemplate = "{template}"\noutput = "openapi/{{module}}.openapi.yaml"\n'
        'formatter = "yaml"\n',
        monkeypatch,
    )
    assert _options(root) == [{"version": "1.0.0"}]
    assert main(["generate"]) == 0
    assert 'version: "1.0.0"' in _files(root)["openapi/sample_codes.openapi.yaml"]


def test_a_listed_built_in_target_s_defaults_yield_to_shared_and_own_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defaults first, then the shared ``options``, then the target's own."""
    root = _project(
        tmp_path / "p",
        '[options]\ntitle = "Shared"\n\n'
        '[[targets]]\ntemplate = "openapi.yaml.j2"\noutput = "a.yaml"\n\n'
        '[[targets]]\ntemplate = "openapi.yaml.j2"\noutput = "b.yaml"\n'
        'options = {version = "3.0.0", title = "Own"}\n',
        monkeypatch,
    )
    assert _options(root) == [
        {"version": "1.0.0", "title": "Shared"},
        {"version": "3.0.0", "title": "Own"},
    ]
