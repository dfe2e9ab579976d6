"""codegen check --breaking-against REF (or breaking_against in the configuration): exit 1
with one located line per change that breaks consumers of the generated code, beside the
usual staleness verdict; and where diff and check find the base (subfolders, clones, no
repository, unknown refs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.support.gitrepos import Repo, kinds
from tests.support.paths import REPO

HOOKS = REPO / ".pre-commit-hooks.yaml"

CONTENT_TYPE = """      - code: -9996
        service: 共通
        is_success: false
        message: {ja: 無効なcontectType. Only application/JSON, en: Invalid contentType. Only application/JSON}
        curated: {name: INVALID_CONTENT_TYPE, retryable: false}
"""
REMOVED = (
    "spec/codes.yaml:18:5: breaking change: ApiResultCode.INVALID_CONTENT_TYPE (-9996) removed; "
    "keep it as a tombstone: `curated.removed: {since, reason}`, or re-import the page with "
    "`codegen import DOCUMENT --retire --since VERSION`\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    return Repo(tmp_path / "repo", monkeypatch)


@pytest.fixture
def generated(repo: Repo, capsys: pytest.CaptureFixture[str]) -> Repo:
    """The repository with generated/ written and committed."""
    assert repo.run(capsys, "generate")[0] == 0
    repo.commit("generated")
    return repo


def _regenerate(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert repo.run(capsys, "generate")[0] == 0


def test_a_removed_code_fails_check_with_its_line_and_the_fix(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    generated.edit((CONTENT_TYPE, ""))
    _regenerate(generated, capsys)
    code, out, err = generated.run(capsys, "check", "--breaking-against", "main")
    assert (code, err) == (1, "")
    head = generated.git("rev-parse", "main")[:12]
    assert out == (
        "generated: up to date\n"
        + REMOVED
        + f"spec/codes.yaml: 1 breaking change against main ({head})\n"
    )


def test_changes_that_break_nothing_pass_and_are_listed(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    generated.edit(
        ("en: Invalid appkey}", "en: Invalid app key}"),
        ("languages: [ja, en]", "languages: [ja, en, ko]"),
    )
    _regenerate(generated, capsys)
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "main")
    assert code == 0
    assert "note: not breaking: language ko added\n" in out
    assert "spec/codes.yaml: no breaking change against main (" in out


def test_both_verdicts_are_reported_and_either_failing_fails(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    generated.edit(("en: Invalid appkey}", "en: Invalid app key}"))
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "main")
    assert code == 1  # stale, though nothing breaks
    assert ": out of date\n" in out and "no breaking change against main" in out
    generated.edit((CONTENT_TYPE, ""))
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "main")
    assert code == 1 and ": out of date\n" in out and REMOVED in out


def test_breaking_against_in_the_configuration_needs_no_flag(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated.root / "codegen.toml").write_text(
        'catalog = "spec/codes.yaml"\nbreaking_against = "main"\n', encoding="utf-8"
    )
    generated.edit((CONTENT_TYPE, ""))
    _regenerate(generated, capsys)
    code, out, _ = generated.run(capsys, "check")
    assert code == 1 and REMOVED in out
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "")
    assert code == 0 and "breaking" not in out


def test_an_unknown_ref_in_the_configuration_is_an_error_at_its_key(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated.root / "codegen.toml").write_text(
        'catalog = "spec/codes.yaml"\nbreaking_against = "origin/nope"\n', encoding="utf-8"
    )
    code, _, err = generated.run(capsys, "check")
    assert code == 2
    assert err.startswith("codegen.toml:2:1: unknown git ref 'origin/nope': ")
    assert len(err.splitlines()) == 1


def test_an_empty_breaking_against_is_refused(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "codegen.toml").write_text('breaking_against = " "\n', encoding="utf-8")
    code, _, err = repo.run(capsys, "check")
    assert code == 2 and err.startswith("codegen.toml:1:1: breaking_against is empty;")


def test_check_and_diff_work_from_a_subfolder(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    generated.edit((CONTENT_TYPE, ""))
    _regenerate(generated, capsys)
    folder = generated.root / "docs" / "notes"
    folder.mkdir(parents=True)
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "main", cwd=folder)
    assert code == 1 and "../../" + REMOVED in out
    code, out, _ = generated.run(capsys, "diff", "main")
    assert code == 0 and out.startswith("../../spec/codes.yaml against main (")


def test_outside_a_repository_diff_and_check_say_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path / "repo", monkeypatch)
    shutil.rmtree(repo.root / ".git")  # GIT_CEILING_DIRECTORIES: git looks no higher
    for args in (("diff",), ("diff", "main"), ("check", "--breaking-against", "main")):
        code, _, err = repo.run(capsys, *args)
        assert code == 2
        assert err == (
            "spec/codes.yaml: not in a git repository, so there is no revision to compare "
            "with: run this in a clone (or git init and commit the catalog first)\n"
        )


def test_an_unknown_ref_is_one_line_and_exit_2(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (("diff", "nope"), ("diff", "--", "-p"), ("check", "--breaking-against", "v9")):
        code, _, err = repo.run(capsys, *args)
        assert code == 2 and "Traceback" not in err
        assert err.startswith("unknown git ref ") and len(err.splitlines()) == 1


def test_a_catalog_that_was_a_symbolic_link_at_the_base_is_refused_not_read_as_its_target(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link's blob is its target's path: read as a catalog, it was no catalog at all and
    "no breaking change" (issue #18's trial)."""
    catalog = repo.root / "spec" / "codes.yaml"
    text = catalog.read_bytes()
    (repo.root / "spec" / "real.yaml").write_bytes(text)
    catalog.unlink()
    catalog.symlink_to("real.yaml")
    repo.commit("the catalog as a link")
    catalog.unlink()
    catalog.write_bytes(text.replace(CONTENT_TYPE.encode(), b""))
    refused = (
        "HEAD:spec/codes.yaml: is a symbolic link at this revision, and codegen follows "
        "no link in history: compare with a revision where the catalog is a file\n"
    )
    for args in (("diff", "HEAD"), ("check", "--breaking-against", "HEAD")):
        assert repo.run(capsys, *args)[::2] == (2, refused)


def test_a_base_catalog_past_the_size_bounds_is_refused_not_compared(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """History is as untrusted as the tree: a commit whose catalog lists millions of
    languages made a diff of millions of changes (47 s, 2.3 GB; issue #18's trial)."""
    from codegen.catalog.rules import size

    monkeypatch.setattr(size, "MAX_LANGUAGES", 3)
    repo.edit(("languages: [ja, en]", "languages: [ja, en, a, b]"))
    repo.commit("four languages")
    repo.edit(("languages: [ja, en, a, b]", "languages: [ja, en]"))
    refused = (
        "HEAD:spec/codes.yaml:7:12: the catalog has 4 languages; the limit is 3: list each "
        "language of its texts once\n"
    )
    for args in (("diff", "HEAD"), ("check", "--breaking-against", "HEAD")):
        assert repo.run(capsys, *args)[::2] == (2, refused)


@pytest.mark.slow
def test_a_base_of_three_million_languages_is_refused_in_bounded_memory(repo: Repo) -> None:
    from tests.support.hostile import run_measured

    text = repo.catalog.read_text(encoding="utf-8")
    many = "languages: [" + ",".join(["a"] * 2_990_000) + "]"
    repo.catalog.write_text(text.replace("languages: [ja, en]", many, 1), encoding="utf-8")
    repo.commit("a base of three million languages")
    repo.catalog.write_text(text, encoding="utf-8")
    for args in (["diff", "HEAD"], ["check", "--breaking-against", "HEAD"]):
        ran = run_measured(args, repo.root, timeout=60, address_space_mib=2048)
        assert ran.status == 2 and ran.err.count("\n") == 1, ran.err[-1000:]
        assert "languages; the limit is 200" in ran.err
        assert ran.peak_mib < 800, ran.peak_mib


def test_without_a_ref_diff_starts_from_the_merge_base_with_origin_head(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "clone"
    repo.git("clone", "-q", str(repo.root), str(clone))
    cloned = Repo.__new__(Repo)
    cloned.__dict__.update(repo.__dict__, root=clone, catalog=clone / "spec" / "codes.yaml")
    upstream = cloned.git("rev-parse", "origin/HEAD")
    cloned.git("checkout", "-q", "-b", "feature")
    cloned.edit((CONTENT_TYPE, ""))
    cloned.commit("drop a code")  # committed: HEAD alone would show no change
    code, out, _ = cloned.run(capsys, "diff", cwd=clone)
    assert code == 0
    assert out.startswith(
        f"spec/codes.yaml against merge base of HEAD and origin/HEAD ({upstream[:12]}): "
        "1 breaking change"
    )


def test_without_a_ref_or_a_default_branch_diff_compares_with_head(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("branch", "-m", "main", "trunk")
    repo.edit((CONTENT_TYPE, ""))
    code, out, _ = repo.run(capsys, "diff")
    assert code == 0 and out.startswith("spec/codes.yaml against HEAD (")
    repo.git("branch", "main")
    assert kinds(repo.changes(capsys)) == [("code_removed", True)]


def test_the_pre_commit_hook_checks_for_breaking_changes_against_its_args(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    hooks = YAML(typ="safe", pure=True).load(HOOKS.read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == "codegen-breaking"]
    assert hook["args"] == ["origin/main"] and hook["pass_filenames"] is False
    program, *arguments = hook["entry"].split()
    assert program == "codegen"
    generated.edit((CONTENT_TYPE, ""))
    _regenerate(generated, capsys)
    code, out, _ = generated.run(capsys, *arguments, "main")  # args: [main]
    assert code == 1 and REMOVED in out


def test_a_repository_without_commits_has_no_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path / "repo", monkeypatch)
    shutil.rmtree(repo.root / ".git")
    repo.git("init", "-q", "-b", "main")
    code, _, err = repo.run(capsys, "diff")
    assert code == 2
    assert err.startswith("the repository has no commit yet, so there is no revision to compare")


RENAMED = "curated: {name: INVALID_APP_KEY, aliases: [INVALID_APPKEY], retryable: false}"
TOMBSTONE = "curated: {name: INVALID_CONTENT_TYPE, retryable: false, removed: {since: '2.0'}}"
DEPRECATED = "curated: {name: SYSTEM_ERROR, retryable: true, deprecated: {since: '2.0'}}"


RESPONSE = ("code_set: ApiResultCode", "code_set: ResultCode")  # the response names the set


@pytest.mark.parametrize(
    ("unrecorded", "recorded", "kind"),
    [
        pytest.param(
            [
                (
                    "curated: {name: INVALID_APPKEY, retryable: false}",
                    "curated: {name: INVALID_APP_KEY, retryable: false}",
                )
            ],
            [("curated: {name: INVALID_APPKEY, retryable: false}", RENAMED)],
            "code_renamed",
            id="member-renamed",
        ),
        pytest.param(
            [(CONTENT_TYPE, "")],
            [("curated: {name: INVALID_CONTENT_TYPE, retryable: false}", TOMBSTONE)],
            "code_retired",
            id="code-removed",
        ),
        pytest.param(
            [RESPONSE, ("curated:\n      name: ApiResultCode", "curated:\n      name: ResultCode")],
            [
                RESPONSE,
                (
                    "curated:\n      name: ApiResultCode",
                    "curated:\n      name: ResultCode\n      aliases: [ApiResultCode]",
                ),
            ],
            "code_set_renamed",
            id="set-renamed",
        ),
    ],
)
def test_a_record_turns_a_breaking_change_into_one_check_lists_and_passes(
    generated: Repo,
    capsys: pytest.CaptureFixture[str],
    unrecorded: list[tuple[str, str]],
    recorded: list[tuple[str, str]],
    kind: str,
) -> None:
    """Without its record the change fails ``check --breaking-against``; with the record
    (an alias, a tombstone) the same change passes, listed as not breaking."""
    original = generated.catalog.read_text(encoding="utf-8")
    generated.edit(*unrecorded)
    _regenerate(generated, capsys)
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "main")
    assert code == 1 and "breaking change:" in out
    generated.catalog.write_text(original, encoding="utf-8")
    generated.edit(*recorded)
    _regenerate(generated, capsys)
    code, out, err = generated.run(capsys, "check", "--breaking-against", "main")
    assert (code, err) == (0, ""), out
    assert "spec/codes.yaml: no breaking change against main (" in out
    assert (kind, False) in kinds(generated.changes(capsys, "main"))


def test_deprecating_a_code_breaks_nothing(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    generated.edit(("curated: {name: SYSTEM_ERROR, retryable: true}", DEPRECATED))
    _regenerate(generated, capsys)
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "main")
    assert code == 0 and "no breaking change against main" in out
    assert kinds(generated.changes(capsys, "main")) == [("code_deprecated", False)]


def test_renaming_the_module_breaks_every_client(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """Clients import the generated code by the module's name, and each generated file is
    named after it: ``check --breaking-against`` said "no breaking change" (issue #18's
    trial)."""
    repo.edit(("module: sample_codes", "module: other_codes"))
    code, out, err = repo.run(capsys, "check", "--breaking-against", "main")
    assert code == 1 and err == ""
    [line] = [line for line in out.splitlines() if "breaking change: module" in line]
    assert line.startswith("spec/codes.yaml:11:1: breaking change: module sample_codes renamed")
    assert "keep the module name" in line and "(`curated.module`)" in line
    assert [c["kind"] for c in repo.changes(capsys, "main")] == ["module_renamed"]
