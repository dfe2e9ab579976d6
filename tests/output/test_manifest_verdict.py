"""The manifest is a cache: it lets check skip rendering, and never decides check's verdict.
An input change that changes no output (a comment in the catalog) passes check, which says
that generate would refresh the manifest."""

from __future__ import annotations

import pytest

from codegen.output.manifest import MANIFEST
from tests.support.catalogs import Project

PAGE = "docs/en.md"


@pytest.fixture
def generated(project: Project, capsys: pytest.CaptureFixture[str]) -> Project:
    assert project.run("generate") == 0
    capsys.readouterr()
    return project


def _run(project: Project, command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = project.run(command)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _comment_the_catalog(project: Project) -> None:
    text = project.catalog.read_text(encoding="utf-8")
    project.catalog.write_text("# Reviewed by the API team.\n" + text, encoding="utf-8")


def test_a_comment_only_catalog_edit_passes_check_and_generate_rewrites_only_the_manifest(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = generated.files()
    _comment_the_catalog(generated)
    code, out = _run(generated, "check", capsys)
    assert code == 0, out
    assert out.startswith(f"{generated.output}: up to date\n")
    assert f"note: {generated.output}/{MANIFEST}, the cache that lets check skip rendering" in out
    assert "@@" not in out
    code, out = _run(generated, "generate", capsys)
    assert code == 0 and out == f"wrote {generated.output}/{MANIFEST}\n"
    assert {k: v for k, v in generated.files().items() if k != MANIFEST} == {
        k: v for k, v in outputs.items() if k != MANIFEST
    }
    assert _run(generated, "check", capsys) == (0, f"{generated.output}: up to date\n")


@pytest.mark.parametrize("content", [None, b"", b"{not json", b'{"format": 0}', b"\xff"])
def test_a_missing_or_unreadable_manifest_passes_check_which_says_generate_refreshes_it(
    generated: Project, capsys: pytest.CaptureFixture[str], content: bytes | None
) -> None:
    path = generated.output / MANIFEST
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    code, out = _run(generated, "check", capsys)
    assert code == 0 and "note: " in out and "run: codegen generate --config" in out
    why = "is missing; run:" if content is None else "is out of date though no output is"
    assert why in out  # a deleted manifest is not called out of date (a new user's trial)
    assert _run(generated, "generate", capsys) == (0, f"wrote {generated.output}/{MANIFEST}\n")
    assert _run(generated, "check", capsys) == (0, f"{generated.output}: up to date\n")


def test_a_failing_check_shows_the_outputs_that_differ_and_not_the_manifest(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _comment_the_catalog(generated)
    page = generated.output / PAGE
    page.write_text(page.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    code, out = _run(generated, "check", capsys)
    assert code == 1 and f"{PAGE}: out of date" in out and "-edited" in out
    assert MANIFEST not in out and "note:" not in out
