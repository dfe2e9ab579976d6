"""render_all: the one environment, template overrides, headers, and template bugs as errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from codegen.catalog.model import Catalog
from codegen.errors import InputError, SpecError, TemplateError
from codegen.render.engine import render_all
from codegen.render.environment import make_environment
from codegen.render.header import GENERATED_MARKER
from codegen.render.targets import DEFAULT_TARGETS, Target, outputs
from tests.support.catalogs import catalog, code, code_set, flag, group


def small() -> Catalog:
    return catalog(code_set("Api", [code(0, "OK", "成功")]), path="spec/codes.yaml")


def test_the_environment_is_sandboxed_strict_and_keeps_whitespace_as_written() -> None:
    environment = make_environment()
    assert isinstance(environment, SandboxedEnvironment)
    assert issubclass(environment.undefined, StrictUndefined)
    assert (
        environment.keep_trailing_newline and environment.trim_blocks and environment.lstrip_blocks
    )
    assert environment.autoescape is False


def test_a_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    (tmp_path / "evil.j2").write_text("{{ catalog.__class__.__mro__ }}\n")
    with pytest.raises(TemplateError, match="evil.j2"):
        render_all(small(), [Target("evil.j2", "x.txt")], [tmp_path])


def test_every_default_output_is_rendered_with_one_page_per_language(
    sample_files: dict[str, str],
) -> None:
    assert sorted(sample_files) == [
        "docs/en.md",
        "docs/index.md",
        "docs/ja.md",
        "jsonschema/sample_codes.schema.json",
        "openapi/sample_codes.openapi.yaml",
        "python/sample_codes.py",
    ]


def test_every_output_starts_with_the_do_not_edit_header_naming_source_and_command(
    sample_files: dict[str, str],
) -> None:
    for path, text in sample_files.items():
        head = "\n".join(text.splitlines()[:2])
        assert GENERATED_MARKER in head, path
        assert "tests/fixtures/sample.yaml" in head, path
        assert "regenerate with `codegen generate`" in head, path


def test_outputs_hold_no_timestamp_absolute_path_or_carriage_return(
    sample_files: dict[str, str],
) -> None:
    for path, text in sample_files.items():
        assert str(Path.cwd()) not in text and "/work/" not in text, path
        assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n"), path
        assert "2025" not in text and "2026" not in text, path


def test_a_template_in_the_override_folder_replaces_the_built_in_one(tmp_path: Path) -> None:
    (tmp_path / "docs_index.md.j2").write_text("<!-- {{ header }} -->\n# mine\n")
    files = render_all(small(), DEFAULT_TARGETS, [tmp_path])
    assert files["docs/index.md"].endswith("# mine\n")
    assert "# mine" not in files["docs/en.md"]


def test_an_override_can_extend_the_built_in_template_it_replaces(tmp_path: Path) -> None:
    (tmp_path / "docs_index.md.j2").write_text('{% extends "builtin/docs_index.md.j2" %}\n')
    assert render_all(small(), DEFAULT_TARGETS, [tmp_path]) == render_all(small(), DEFAULT_TARGETS)


def test_a_template_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.j2").write_text("line one\n{% for x in %}\n")
    with pytest.raises(TemplateError) as caught:
        render_all(small(), [Target("broken.j2", "x.txt")], [tmp_path])
    assert caught.value.path.endswith("broken.j2") and caught.value.line == 2


def test_an_undefined_name_names_the_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "typo.j2").write_text("one\ntwo\n{{ catalog.modul }}\n")
    with pytest.raises(TemplateError) as caught:
        render_all(small(), [Target("typo.j2", "x.txt")], [tmp_path])
    assert caught.value.path.endswith("typo.j2") and caught.value.line == 3
    assert "modul" in caught.value.message


def test_an_option_no_one_set_is_named_as_an_option_to_set(tmp_path: Path) -> None:
    (tmp_path / "v.j2").write_text("version {{ options.version }}\n")
    with pytest.raises(TemplateError) as caught:
        render_all(small(), [Target("v.j2", "x.txt")], [tmp_path])
    assert caught.value.message == (
        "option 'version' is not set: set it under [options] in the configuration, or in "
        "this target's options (rendering x.txt)"
    )


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("catalog.title.fr", "there is no 'fr' in this mapping"),
        ("catalog.module.nope", "a string has no attribute 'nope'"),
        ("catalog.code_sets[7]", "a list has no item 7"),
        (
            "catalog.code_sets[0].nmae",
            (
                "CodeSet has no field 'nmae'; it has name, title, code_type, attributes, codes, "
                "columns, section, description, line, aliases"
            ),
        ),
        (
            "catlog",
            "'catlog' is undefined; a template receives catalog, lang, options, output and header",
        ),
    ],
)
def test_a_missing_name_is_described_in_template_terms_never_by_python_type(
    expression: str, message: str, tmp_path: Path
) -> None:
    (tmp_path / "t.j2").write_text(f"{{{{ {expression} }}}}\n")
    with pytest.raises(TemplateError) as caught:
        render_all(small(), [Target("t.j2", "x.txt")], [tmp_path])
    assert caught.value.message == f"{message} (rendering x.txt)"


def test_rendered_python_that_does_not_parse_is_an_error_naming_the_template(
    tmp_path: Path,
) -> None:
    (tmp_path / "bad.py.j2").write_text("# {{ header }}\ndef f(:\n")
    with pytest.raises(
        TemplateError, match=r"rendered bad\.py, which is not valid: invalid Python"
    ) as caught:
        render_all(small(), [Target("bad.py.j2", "bad.py", "python")], [tmp_path])
    assert caught.value.path.endswith("bad.py.j2")


@pytest.mark.parametrize(
    ("formatter", "body", "problem"),
    [
        ("json", '{"a": 1,}', "invalid JSON"),
        ("json", '{"a": 1, "a": 2}', "duplicate key 'a'"),
        ("yaml", "a: [1\n", "invalid YAML"),
        ("yaml", "a: 1\na: 2\n", "invalid YAML"),
    ],
)
def test_rendered_json_or_yaml_that_does_not_load_is_an_error(
    tmp_path: Path, formatter: str, body: str, problem: str
) -> None:
    (tmp_path / "t.j2").write_text(body)
    with pytest.raises(TemplateError, match=problem):
        render_all(small(), [Target("t.j2", "t.out", formatter)], [tmp_path])  # type: ignore[arg-type]


def test_a_missing_template_is_an_error_naming_it() -> None:
    with pytest.raises(TemplateError, match="nope.j2 not found"):
        render_all(small(), [Target("nope.j2", "x.txt")])


def test_two_targets_writing_one_file_is_an_error() -> None:
    target = DEFAULT_TARGETS[3]
    with pytest.raises(TemplateError, match="two targets write docs/index.md"):
        render_all(small(), [target, target])


@pytest.mark.parametrize("output", ["../x.py", "/etc/x", "a/../../x", "a//b", "", "c:/x", "a\\b"])
def test_an_output_path_outside_the_output_folder_is_refused(output: str) -> None:
    with pytest.raises(InputError):
        outputs(Target("x.j2", output), small())  # type: ignore[arg-type]


def test_a_code_set_whose_group_enum_name_is_taken_is_an_error_at_its_line() -> None:
    first = code_set("Api", [code(0, "OK", "x", service="A")], (group("service", {"A": "a"}),))
    second = code_set("ApiService", [code(0, "OK", "x")])
    with pytest.raises(SpecError, match="two classes would be named ApiService"):
        render_all(catalog(first, second), DEFAULT_TARGETS[:1])


def test_a_code_set_named_like_a_name_the_module_imports_is_an_error() -> None:
    with pytest.raises(SpecError, match="the module imports that name"):
        render_all(catalog(code_set("Mapping", [code(0, "OK", "x")])), DEFAULT_TARGETS[:1])


def test_an_attribute_key_that_would_hide_a_member_property_is_an_error() -> None:
    hiding = code_set("Api", [code(0, "OK", "x", real=True)], (flag("real"),))
    with pytest.raises(SpecError, match="would hide int.real of the generated enum"):
        render_all(catalog(hiding), DEFAULT_TARGETS[:1])


def test_a_name_that_is_not_an_identifier_never_reaches_the_code() -> None:
    bad = code_set("Api", [code(0, "OK = 1; import os #", "x")])
    with pytest.raises(SpecError, match="cannot be a Python name"):
        render_all(catalog(bad), DEFAULT_TARGETS[:1])


def test_rendering_is_the_same_every_time(sample_files: dict[str, str], sample: Catalog) -> None:
    assert render_all(sample, DEFAULT_TARGETS) == sample_files
