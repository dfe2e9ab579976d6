"""codegen init: a project to start from, never overwriting a file without --force, that
import, generate and check work in straight away."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.project.starter import module_name

FILES = [
    ".gitattributes",
    ".gitignore",
    "codegen.mk",
    "codegen.toml",
    "spec/codes.yaml",
    "templates/README.md",
]
TABLE = """\
# Demo API > Error Codes

## API Response Codes

| resultCode | resultMessage | isSuccess |
|---|---|---|
| 0 | Success | true |
| -1000 | Invalid appkey | false |
| -1001 | Invalid secret key | false |
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "My Error-Codes"
    path.mkdir()
    monkeypatch.chdir(path)
    return path


def test_init_writes_the_configuration_an_empty_catalog_templates_and_make_targets(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    files = _files(folder)
    assert sorted(files) == FILES
    assert (
        b"\n  module: my_error_codes\n" in files["spec/codes.yaml"]
    )  # no end-of-line comment: read fast
    assert b"\nsource_language: en\nlanguages: [en]\n" in files["spec/codes.yaml"]
    assert b'\ncatalog = "spec/codes.yaml"' in files["codegen.toml"]
    assert b'\n# regenerate = "make generate"\n' in files["codegen.toml"]
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("wrote ")] == [
        f"wrote {name}"
        for name in (
            *("codegen.toml", "spec/codes.yaml", "templates/README.md", "codegen.mk"),
            *(".gitignore", ".gitattributes"),
        )
    ]
    assert "add this line to your Makefile: include codegen.mk" in out


def test_init_refuses_to_overwrite_files_naming_them_and_force_replaces_them(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "codegen.mk").write_text("mine\n", encoding="utf-8")
    (folder / "spec").mkdir()
    (folder / "spec" / "codes.yaml").write_text("mine\n", encoding="utf-8")
    assert main(["init"]) == 2
    assert capsys.readouterr().err == (
        "codegen init would overwrite spec/codes.yaml, codegen.mk; pass --force to replace "
        "them, or run it in another folder\n"
    )
    assert sorted(_files(folder)) == ["codegen.mk", "spec/codes.yaml"]  # not even .gitignore
    assert main(["init", "--force"]) == 0
    assert sorted(_files(folder)) == FILES
    assert (folder / "codegen.mk").read_text(encoding="utf-8") != "mine\n"


def test_init_refuses_where_pyproject_already_configures_codegen(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "pyproject.toml").write_text("[tool.codegen]\n", encoding="utf-8")
    assert main(["init", "--force"]) == 2
    assert capsys.readouterr().err.startswith("pyproject.toml: already configures codegen")
    assert sorted(_files(folder)) == ["pyproject.toml"]


def test_init_beside_a_pyproject_without_codegen_writes_codegen_toml_which_is_used(
    folder: Path,
) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["init", "--lang", "ja"]) == 0
    assert (folder / "pyproject.toml").read_text(encoding="utf-8") == '[project]\nname = "x"\n'
    assert b"\nsource_language: ja\nlanguages: [ja]\n" in _files(folder)["spec/codes.yaml"]


def test_the_new_catalog_is_refused_with_the_reason_until_a_table_is_imported(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    catalog = (folder / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert "code_sets must not be empty" in catalog  # the comment says what validate says
    assert main(["generate"]) == 2
    assert "code_sets must not be empty" in capsys.readouterr().err


def test_import_generate_and_check_work_in_the_project_init_made(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    (folder / "table.md").write_text(TABLE, encoding="utf-8")
    assert main(["import", "table.md", "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["validate"]) == 0  # the names import derived are warnings, not errors
    err = capsys.readouterr().err
    assert "spec/codes.yaml:" in err and "warning: code -1001 has the derived name" in err
    assert main(["generate"]) == 0  # no hand edits before the first generate
    assert main(["check"]) == 0
    module = (folder / "generated" / "python" / "my_error_codes.py").read_text(encoding="utf-8")
    assert "class ApiResponseCodes(" in module and "INVALID_SECRET_KEY = -1001" in module
    catalog = (folder / "spec" / "codes.yaml").read_text(encoding="utf-8")
    assert catalog.startswith("# The error-code catalog")  # the comment survives the import


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_make_snippet_runs_generate_and_check(folder: Path) -> None:
    assert main(["init"]) == 0
    (folder / "Makefile").write_text("include codegen.mk\n", encoding="utf-8")
    for target in ("generate", "check"):
        done = subprocess.run(
            ["make", "--no-print-directory", "-n", target],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
            env={
                k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")
            },
        )
        assert done.stdout == f"codegen {target}\n"


def test_derived_names_are_errors_when_the_configuration_says_so(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    (folder / "table.md").write_text(TABLE, encoding="utf-8")
    assert main(["import", "table.md", "--lang", "en"]) == 0
    config = folder / "codegen.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'derived_names = "error"\n', "utf-8")
    capsys.readouterr()
    assert main(["generate"]) == 2
    err = capsys.readouterr().err
    assert (
        'has the derived name INVALID_APPKEY: check it (rename it if needed) and remove derived: true (derived_names = "error" in the configuration)'
        in err
    )
    catalog = folder / "spec" / "codes.yaml"
    catalog.write_text(catalog.read_text("utf-8").replace(", derived: true}", "}"), "utf-8")
    text = catalog.read_text("utf-8").replace("      derived: true\n", "")
    catalog.write_text(text, "utf-8")
    assert main(["generate"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("folder_name", "module"),
    [
        ("my-api", "my_api"),
        ("Café Errors", "cafe_errors"),
        ("Łódź Straße", "lodz_strasse"),  # transliterated as import's names are
        ("bob's api", "bobs_api"),
        ("api-日本", "api"),  # other scripts dropped
        ("2fa service", "codes_2fa_service"),
        ("class", "class_codes"),
        ("enum", "enum_codes"),
        ("日本語", "codes"),
        ("__x__", "x"),
    ],
)
def test_the_module_name_is_the_folder_name_made_a_valid_module_name(
    folder_name: str, module: str
) -> None:
    assert module_name(folder_name) == module


# --- .gitignore and .gitattributes --------------------------------------------------------

GITIGNORE = (
    "# codegen's formatting cache: rebuilt when missing, never to be committed\n.codegen-cache/\n"
    "# a codegen run killed while writing leaves these; the next run removes them\n"
    ".*.codegen-*.tmp\n"
)
GITATTRIBUTES = (
    "# codegen writes LF; keep its outputs and catalog LF in every checkout, whatever\n"
    "# core.autocrlf says\n"
    "/generated/** text eol=lf\n"
    "/spec/codes.yaml text eol=lf\n"
)


def test_init_ignores_the_formatting_cache_and_keeps_outputs_and_catalog_lf(
    folder: Path,
) -> None:
    assert main(["init"]) == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == GITIGNORE
    assert (folder / ".gitattributes").read_text(encoding="utf-8") == GITATTRIBUTES


def test_init_appends_to_an_existing_gitignore_and_gitattributes_keeping_every_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / ".gitignore").write_bytes(b"node_modules/\r\n*.log")  # CRLF, no final newline
    (folder / ".gitattributes").write_bytes(b"*.png binary\n/generated/** text eol=lf\n")
    assert main(["init"]) == 0
    assert (folder / ".gitignore").read_bytes() == (
        b"node_modules/\r\n*.log\r\n" + GITIGNORE.replace("\n", "\r\n").encode()
    )
    assert (folder / ".gitattributes").read_text(encoding="utf-8") == (
        "*.png binary\n/generated/** text eol=lf\n"
        + GITATTRIBUTES.replace("/generated/** text eol=lf\n", "")
    )
    out = capsys.readouterr().out
    assert "added codegen's lines to .gitignore\n" in out
    assert "added codegen's lines to .gitattributes\n" in out


def test_init_run_again_leaves_gitignore_and_gitattributes_as_they_are(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    before = _files(folder)
    capsys.readouterr()
    assert main(["init", "--force"]) == 0
    assert _files(folder) == before
    assert ".git" not in capsys.readouterr().out
    assert (folder / ".gitignore").read_text(encoding="utf-8") == GITIGNORE


def test_init_keeps_a_gitignore_that_already_ignores_the_cache_in_another_spelling(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / ".gitignore").write_text("/.codegen-cache\n.*.codegen-*.tmp/\n", encoding="utf-8")
    assert main(["init"]) == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == (
        "/.codegen-cache\n.*.codegen-*.tmp/\n"
    )
    out = capsys.readouterr().out
    assert ".gitignore" not in out and "wrote .gitattributes\n" in out  # it did look


def test_init_adds_only_the_rule_a_gitignore_lacks_with_its_own_comment(folder: Path) -> None:
    (folder / ".gitignore").write_text(".codegen-cache/\n", encoding="utf-8")
    assert main(["init"]) == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == (
        ".codegen-cache/\n"
        "# a codegen run killed while writing leaves these; the next run removes them\n"
        ".*.codegen-*.tmp\n"
    )
