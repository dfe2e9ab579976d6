"""A catalog moved since the base is compared with where it was there (issue #18's trial:
``git mv`` of the catalog, the configuration pointed at the new path and a code changed
passed ``check --breaking-against``); a base with no codegen at all is still empty."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.catalogs import SAMPLE
from tests.support.gitrepos import Repo

CHANGED = ("- code: -1000", "- code: -1994")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    return Repo(tmp_path / "repo", monkeypatch)


def _move(repo: Repo, to: str, config: tuple[str, str], source: str = "spec/codes.yaml") -> None:
    """On a branch pr: the catalog moved from ``source`` to ``to`` by git mv, ``config``
    (file name, text) written as the only configuration, code -1000 made -1994, committed."""
    repo.git("checkout", "-q", "-b", "pr")
    (repo.root / to).parent.mkdir(parents=True, exist_ok=True)
    repo.git("mv", source, to)
    repo.catalog = repo.root / to
    (repo.root / "codegen.toml").unlink(missing_ok=True)
    (repo.root / config[0]).write_text(config[1], encoding="utf-8")
    repo.edit(CHANGED)
    repo.commit("move the catalog")


def _breaks(repo: Repo, capsys: pytest.CaptureFixture[str], shown: str) -> None:
    """check fails with the changed code and names the base's path; diff agrees."""
    assert repo.run(capsys, "generate")[0] == 0
    repo.commit("generated")
    code, out, err = repo.run(capsys, "check", "--breaking-against", "main")
    assert (code, err) == (1, ""), out
    assert "breaking change" in out and "-1994" in out
    assert f"against main:spec/codes.yaml ({repo.git('rev-parse', 'main')[:12]}, moved)" in out
    code, out, _ = repo.run(capsys, "diff", "main", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["catalog"] == shown
    assert document["base"]["path"] == "spec/codes.yaml" and document["base"]["exists"]
    assert document["summary"]["breaking"] >= 1


def test_a_moved_catalog_with_a_changed_code_fails_check(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    _move(repo, "spec/new.yaml", ("codegen.toml", 'catalog = "spec/new.yaml"\n'))
    _breaks(repo, capsys, "spec/new.yaml")


def test_a_moved_catalog_and_configuration_still_fail_check(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = '[project]\nname = "x"\n\n[tool.codegen]\ncatalog = "api/errors.yaml"\n'
    _move(repo, "api/errors.yaml", ("pyproject.toml", pyproject))
    _breaks(repo, capsys, "api/errors.yaml")


def test_a_base_without_configuration_is_compared_at_the_default_catalog(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("rm", "-q", "codegen.toml")
    repo.commit("the defaults")
    _move(repo, "spec/new.yaml", ("codegen.toml", 'catalog = "spec/new.yaml"\n'))
    _breaks(repo, capsys, "spec/new.yaml")


def test_a_new_project_s_first_pull_request_has_everything_added(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = repo.catalog.read_bytes()
    repo.git("rm", "-rq", "spec", "codegen.toml")
    (repo.root / "README.md").write_text("a project\n", encoding="utf-8")
    repo.commit("before codegen")
    repo.git("checkout", "-q", "-b", "pr")
    repo.catalog = repo.root / "api" / "errors.yaml"
    repo.catalog.parent.mkdir()
    repo.catalog.write_bytes(catalog)
    (repo.root / "codegen.toml").write_text('catalog = "api/errors.yaml"\n', encoding="utf-8")
    assert repo.run(capsys, "generate")[0] == 0
    repo.commit("adopt codegen")
    code, out, _ = repo.run(capsys, "check", "--breaking-against", "main")
    assert code == 0 and "api/errors.yaml: no breaking change against main (" in out
    document = json.loads(repo.run(capsys, "diff", "main", "--format", "json")[1])
    assert not document["base"]["exists"] and document["summary"]["breaking"] == 0


def test_a_base_with_a_configuration_but_no_catalog_is_refused(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("rm", "-rq", "spec")
    repo.commit("configured, no catalog yet")
    repo.git("checkout", "-q", "-b", "pr")
    repo.catalog = repo.root / "spec" / "new.yaml"
    repo.catalog.parent.mkdir()
    repo.catalog.write_bytes(SAMPLE.read_bytes())
    (repo.root / "codegen.toml").write_text('catalog = "spec/new.yaml"\n', encoding="utf-8")
    repo.commit("the catalog")
    for args in (["check", "--breaking-against", "main"], ["diff", "main"]):
        code, _, err = repo.run(capsys, *args)
        assert code == 2
        assert err.startswith(
            "main:codegen.toml: the configuration at this revision names the catalog "
            "'spec/codes.yaml', which is not there, nor is 'spec/new.yaml'"
        )
        assert len(err.splitlines()) == 1


def test_a_catalog_moved_onto_a_file_the_base_had_is_compared_with_the_base_s_catalog(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two steps: a copy with the change lands first (not the catalog, so nothing checks
    it), then the configuration points at it; the base's configuration still decides."""
    text = repo.catalog.read_text(encoding="utf-8").replace(*CHANGED, 1)
    (repo.root / "spec" / "next.yaml").write_text(text, encoding="utf-8")
    repo.commit("a copy, not the catalog")
    repo.git("checkout", "-q", "-b", "pr")
    repo.git("rm", "-q", "spec/codes.yaml")
    repo.catalog = repo.root / "spec" / "next.yaml"
    (repo.root / "codegen.toml").write_text('catalog = "spec/next.yaml"\n', encoding="utf-8")
    repo.commit("switch the catalog")
    _breaks(repo, capsys, "spec/next.yaml")


def test_without_codegen_at_the_base_git_s_rename_detection_finds_the_catalog(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """The base kept the catalog under another name and had no configuration: the file git
    pairs with the catalog by rename detection is the base's catalog."""
    repo.git("rm", "-q", "codegen.toml")
    (repo.root / "data").mkdir()
    repo.git("mv", "spec/codes.yaml", "data/errors.yaml")
    repo.commit("the catalog before codegen")
    config = ("codegen.toml", 'catalog = "api/errors.yaml"\n')
    _move(repo, "api/errors.yaml", config, source="data/errors.yaml")
    code, out, _ = repo.run(capsys, "diff", "main", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["base"]["path"] == "data/errors.yaml"
    assert document["summary"]["breaking"] >= 1
