"""Line endings: a checkout with git's core.autocrlf=true (the Windows default) has CRLF in
every text file. Outputs are compared and inputs hashed as LF, so such a checkout passes
check, the manifest is the same for every contributor, and check says when the only
difference is line endings."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.output.manifest import MANIFEST
from tests.commands.test_init import TABLE
from tests.support.catalogs import Project
from tests.support.paths import REPO

PAGE = "docs/en.md"
PYTHON = "python/sample_codes.py"
ONLY_LINE_ENDINGS = "from what generate writes only in line endings (CRLF on disk, LF generated"


def git(*args: str, cwd: Path) -> str:
    """Run git with no user or system configuration; its standard output."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    environment = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "codegen",
        "GIT_AUTHOR_EMAIL": "codegen@example.invalid",
        "GIT_COMMITTER_NAME": "codegen",
        "GIT_COMMITTER_EMAIL": "codegen@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=environment, check=True, capture_output=True, text=True
    )
    return done.stdout


def crlf_clone(project: Path, clone: Path, *paths: str) -> Path:
    """``paths`` of ``project`` committed to a new repository, then cloned with
    core.autocrlf=true as on Windows."""
    git("init", "-q", str(project), cwd=project)
    git("add", *paths, cwd=project)
    git("commit", "-q", "-m", "start", cwd=project)
    git("-c", "core.autocrlf=true", "clone", "-q", str(project), str(clone), cwd=project)
    return clone


def _to_crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _run(command: str, config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([command, "--config", str(config)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def generated(project: Project, capsys: pytest.CaptureFixture[str]) -> Project:
    assert project.run("generate") == 0
    capsys.readouterr()
    return project


def test_a_crlf_clone_of_a_committed_project_passes_check_and_says_why(
    generated: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = crlf_clone(generated.root, tmp_path / "clone", "codegen.toml", "spec", "generated")
    catalog, output = clone / "spec" / "codes.yaml", clone / "generated"
    assert b"\r\n" in catalog.read_bytes() and b"\r\n" in (output / PYTHON).read_bytes()
    config = clone / "codegen.toml"
    code, out = _run("check", config, capsys)
    assert code == 0, out
    assert out.startswith(f"{output.as_posix()}: up to date\nnote: ")
    assert ONLY_LINE_ENDINGS in out and "and 3 more" in out
    catalog.write_bytes(catalog.read_bytes() + b"# A comment.\r\n")  # the full path: render
    code, out = _run("check", config, capsys)
    assert code == 0 and ONLY_LINE_ENDINGS in out and "@@" not in out, out
    assert _run("generate", config, capsys) == (0, f"wrote {output.as_posix()}/{MANIFEST}\n")


def test_check_says_when_the_only_difference_is_line_endings(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated.output / MANIFEST).unlink()  # the full path
    _to_crlf(generated.output / PAGE)
    code = generated.run("check")
    out = capsys.readouterr().out
    assert code == 0
    assert f"note: {generated.output}/{PAGE} differs {ONLY_LINE_ENDINGS}" in out


def test_a_real_change_in_a_crlf_file_is_diffed_without_its_line_endings(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generated.output / PYTHON
    path.write_bytes(path.read_bytes().replace(b"-1000", b"-1001").replace(b"\n", b"\r\n"))
    code = generated.run("check")
    out = capsys.readouterr().out
    assert code == 1
    assert "-    INVALID_APPKEY = -1001\n+    INVALID_APPKEY = -1000\n" in out
    assert "\r" not in out and out.count("\n-") < 5  # not the whole file


def test_crlf_inputs_hash_as_lf_so_the_manifest_does_not_flip_between_contributors(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    partial = generated.templates / "_partial.j2"
    partial.write_bytes(b"{# included by nothing yet #}\n")
    assert generated.run("generate") == 0
    manifest = (generated.output / MANIFEST).read_bytes()
    _to_crlf(generated.catalog)
    _to_crlf(partial)
    capsys.readouterr()
    assert generated.run("generate") == 0
    assert capsys.readouterr().out == f"{generated.output}: 7 files up to date\n"
    assert (generated.output / MANIFEST).read_bytes() == manifest


def test_generate_leaves_a_file_that_differs_only_in_line_endings(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    for relative in (PAGE, PYTHON):
        _to_crlf(generated.output / relative)
    (generated.output / MANIFEST).unlink()  # the full path
    assert generated.run("generate") == 0
    assert capsys.readouterr().out == f"wrote {generated.output}/{MANIFEST}\n"
    assert b"\r\n" in (generated.output / PAGE).read_bytes()


def test_a_crlf_clone_of_a_project_init_started_has_lf_outputs_and_no_formatting_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """init's .gitattributes keeps outputs and catalog LF; its .gitignore the cache out."""
    project = tmp_path / "demo"
    project.mkdir()
    monkeypatch.chdir(project)
    (project / "table.md").write_text(TABLE, encoding="utf-8")
    for command in (["init"], ["import", "table.md", "--lang", "en"], ["generate"]):
        if command == ["generate"]:  # a line length black formats the Python module for
            with (project / "codegen.toml").open("a", encoding="utf-8") as config:
                config.write("[options]\nline_length = 99\n")
        assert main(command) == 0
    assert (project / ".codegen-cache").is_dir()
    clone = crlf_clone(project, tmp_path / "clone", ".")
    assert b"\r\n" in (clone / "codegen.toml").read_bytes()  # the clone does convert
    assert not (clone / ".codegen-cache").exists()
    for path in [clone / "spec" / "codes.yaml", *(clone / "generated").rglob("*.*")]:
        assert b"\r" not in path.read_bytes(), path
    monkeypatch.chdir(clone)
    capsys.readouterr()
    assert _run("check", clone / "codegen.toml", capsys) == (0, "generated: up to date\n")


def test_this_repository_checks_out_its_outputs_catalogs_and_golden_files_lf() -> None:
    """Its .gitattributes: a contributor with core.autocrlf=true gets the bytes the tests
    and `make check` compare."""
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    folders = ("generated", "spec", "examples", "tests/golden", "tests/import_cases")
    paths = git("ls-files", *folders, cwd=REPO).splitlines()
    assert len(paths) > 30
    attributes = git("check-attr", "eol", "--", *paths, cwd=REPO).splitlines()
    assert [line for line in attributes if not line.endswith(": eol: lf")] == []
