"""codegen diff: the catalog at a git ref against the working tree's, by meaning: each kind
of change a consumer of the generated code would see, whether it breaks them, and the
text, Markdown and JSON outputs (the JSON checked against its schema)."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from codegen.evolution.breaking import FIXES, UNLESS_RECORDED
from codegen.evolution.changes import Change, ChangeKind
from codegen.evolution.report import describe
from tests.support.gitrepos import Repo, kinds
from tests.support.paths import REPO

SCHEMA = json.loads((REPO / "codegen" / "schemas" / "diff.schema.json").read_text("utf-8"))
INVALID_APPKEY = "curated: {name: INVALID_APPKEY, retryable: false}"
CONTENT_TYPE = """      - code: -9996
        service: 共通
        is_success: false
        message: {ja: 無効なcontectType. Only application/JSON, en: Invalid contentType. Only application/JSON}
        curated: {name: INVALID_CONTENT_TYPE, retryable: false}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    return Repo(tmp_path / "repo", monkeypatch)


def test_an_unchanged_catalog_has_no_changes(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = repo.run(capsys, "diff", "main")
    assert code == 0
    assert (
        out == f"spec/codes.yaml against main ({repo.git('rev-parse', 'main')[:12]}): no changes\n"
    )


def test_a_new_code_is_added_and_breaks_nothing(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(
        (
            CONTENT_TYPE,
            CONTENT_TYPE.replace("-9996", "-9995").replace("INVALID_CONTENT", "OTHER_CONTENT")
            + CONTENT_TYPE,
        )
    )
    [change] = repo.changes(capsys, "main")
    assert (change["kind"], change["code"], change["member"]) == (
        "code_added",
        -9995,
        "OTHER_CONTENT_TYPE",
    )
    assert change["breaking"] is False and change["line"] == 50  # where -9996 was


def test_a_removed_code_breaks_clients_and_says_to_keep_a_tombstone(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit((CONTENT_TYPE, ""))
    code, out, _ = repo.run(capsys, "diff", "main")
    assert code == 0  # diff lists; it never fails
    assert "1 breaking change, 0 other changes" in out
    assert "  ApiResultCode.INVALID_CONTENT_TYPE (-9996) removed\n" in out
    assert (
        "fix: keep it as a tombstone: `curated.removed: {since, reason}`, or re-import the page "
        "with `codegen import DOCUMENT --retire --since VERSION`" in out
    )


def test_a_tombstone_in_place_of_a_removed_code_breaks_nothing(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(
        (
            "curated: {name: INVALID_CONTENT_TYPE, retryable: false}",
            (
                "curated: {name: INVALID_CONTENT_TYPE, retryable: false, "
                'removed: {since: "2026-12", reason: no longer returned}}'
            ),
        )
    )
    [change] = repo.changes(capsys, "main")
    assert change["kind"] == "code_retired" and change["breaking"] is False
    assert change["after"] == {"since": "2026-12", "reason": "no longer returned"}
    assert change["summary"] == (
        "ApiResultCode.INVALID_CONTENT_TYPE (-9996) retired as a tombstone "
        '(since "2026-12", reason: "no longer returned")'
    )


@pytest.mark.parametrize(
    ("curated", "breaking"),
    [
        ("curated: {name: BAD_APPKEY, retryable: false}", True),
        ("curated: {name: BAD_APPKEY, aliases: [INVALID_APPKEY], retryable: false}", False),
    ],
)
def test_a_renamed_member_breaks_clients_unless_its_old_name_is_an_alias(
    repo: Repo, capsys: pytest.CaptureFixture[str], curated: str, breaking: bool
) -> None:
    repo.edit((INVALID_APPKEY, curated))
    [change] = repo.changes(capsys, "main")
    assert (change["kind"], change["before"], change["after"]) == (
        "code_renamed",
        "INVALID_APPKEY",
        "BAD_APPKEY",
    )
    assert change["breaking"] is breaking and change["recorded"] is not breaking


def test_an_alias_added_to_a_member_is_listed(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(
        (INVALID_APPKEY, "curated: {name: INVALID_APPKEY, aliases: [BAD_APPKEY], retryable: false}")
    )
    [change] = repo.changes(capsys, "main")
    assert (change["kind"], change["key"], change["breaking"]) == (
        "code_alias_added",
        "BAD_APPKEY",
        False,
    )


def test_a_member_with_a_new_code_is_a_changed_value_which_breaks_clients(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(("- code: -1000", "- code: -1005"))
    [change] = repo.changes(capsys, "main")
    assert (change["kind"], change["before"], change["after"], change["breaking"]) == (
        "code_value_changed",
        -1000,
        -1005,
        True,
    )


def test_messages_are_compared_per_language(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(
        ("en: Invalid appkey}", "en: Invalid app key}"),
        ("message: {ja: 着信拒否}", "message: {ja: 着信拒否, en: Call rejected}"),
    )
    changes = repo.changes(capsys, "main")
    assert [(c["kind"], c["key"], c["before"], c["after"], c["breaking"]) for c in changes] == [
        ("message_changed", "en", "Invalid appkey", "Invalid app key", False),
        ("message_changed", "en", None, "Call rejected", False),
    ]
    added = 'EmmaResultCode.CALL_REJECTED ("3006"): en message added: "Call rejected"'
    assert changes[1]["summary"] == added
    _, markdown, _ = repo.run(capsys, "diff", "main", "--format", "markdown")
    assert (
        '- `EmmaResultCode.CALL_REJECTED` (`"3006"`): `en` message added: `"Call rejected"`\n'
        in markdown
    )


def test_a_stale_mark_is_no_change_and_the_source_change_that_set_it_is_one(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stale translation is bookkeeping for translators: the generated code does not
    change with it, so diff lists the ja message that changed and not the en mark."""
    repo.edit(
        ("message: {ja: 無効なアプリケーションキー,", "message: {ja: 無効なアプリキー,"),
        (INVALID_APPKEY, INVALID_APPKEY[:-1] + ", stale: [en]}"),
    )
    changes = repo.changes(capsys, "main")
    assert [(c["kind"], c["key"], c["breaking"]) for c in changes] == [
        ("message_changed", "ja", False)
    ]
    repo.edit(("message: {ja: 無効なアプリキー,", "message: {ja: 無効なアプリケーションキー,"))
    code, out, _ = repo.run(capsys, "diff", "main")
    assert code == 0 and out.endswith(": no changes\n")  # the mark alone


def test_a_code_in_another_group_shows_the_group_value_names(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(
        (
            "service: 共通\n        is_success: false\n        message: {ja: 無効なアプリ",
            "service: 送信/照会\n        is_success: false\n        message: {ja: 無効なアプリ",
        )
    )
    [change] = repo.changes(capsys, "main")
    assert (change["kind"], change["key"], change["before"], change["after"]) == (
        "attribute_value_changed",
        "service",
        "COMMON",
        "SEND_QUERY",
    )
    assert change["breaking"] is False


def test_a_flipped_success_flag_breaks_clients(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(("is_success: true", "is_success: false"))
    [change] = repo.changes(capsys, "main")
    assert (change["kind"], change["code"], change["before"], change["after"]) == (
        "success_changed",
        0,
        True,
        False,
    )
    assert change["breaking"] is True


def test_a_set_turned_from_integer_to_string_codes_breaks_clients(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(("code_type: integer", "code_type: string"), ("- code: -1000", '- code: "-1000"'))
    [change] = repo.changes(capsys, "main")  # "-1000" is still the code -1000
    assert (change["kind"], change["before"], change["after"], change["breaking"]) == (
        "code_type_changed",
        "integer",
        "string",
        True,
    )


@pytest.mark.parametrize(
    ("curated", "breaking"),
    [("name: ReceiveCode", True), ("name: ReceiveCode\n      aliases: [ReceiveResultCode]", False)],
)
def test_a_renamed_set_breaks_clients_unless_its_old_name_is_an_alias(
    repo: Repo, capsys: pytest.CaptureFixture[str], curated: str, breaking: bool
) -> None:
    repo.edit(("name: ReceiveResultCode", curated))
    [change] = repo.changes(capsys, "main")
    assert (change["kind"], change["before"], change["after"]) == (
        "code_set_renamed",
        "ReceiveResultCode",
        "ReceiveCode",
    )
    assert change["breaking"] is breaking


def test_a_set_renamed_and_retitled_is_recognised_by_its_codes(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(
        ("name: ReceiveResultCode", "name: ReceiveCode"), ("ja: 受信結果コード,", "ja: 受信コード,")
    )
    assert kinds(repo.changes(capsys, "main")) == [("code_set_renamed", True)]


def test_languages_added_break_nothing_and_removed_break_clients(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(("languages: [ja, en]", "languages: [ja, ko]"))
    assert [(c["kind"], c["key"], c["breaking"]) for c in repo.changes(capsys, "main")] == [
        ("language_added", "ko", False),
        ("language_removed", "en", True),
    ]


def test_deprecating_a_code_breaks_nothing(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(
        (
            INVALID_APPKEY,
            'curated: {name: INVALID_APPKEY, deprecated: {since: "2026-12", use: SYSTEM_ERROR}}',
        )
    )
    changes = repo.changes(capsys, "main")
    assert kinds(changes) == [("code_deprecated", False), ("retryable_changed", False)]
    assert changes[0]["after"] == {"since": "2026-12", "use": "SYSTEM_ERROR"}


def test_a_renamed_group_value_breaks_clients_naming_the_group_enum(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(("curated: {name: COMMON}", "curated: {name: SHARED}"))
    [change] = repo.changes(capsys, "main")
    assert change["kind"] == "group_value_renamed" and change["breaking"] is True
    assert change["summary"] == "group value ApiResultCodeService.COMMON renamed to SHARED"


def test_a_removed_set_breaks_clients_and_a_new_one_does_not(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    text = repo.catalog.read_text("utf-8")
    start = text.index("  - title: {ja: 受信結果コード")
    end = text.index("  - title: {ja: EMMA")
    repo.catalog.write_text(text[:start] + text[end:], encoding="utf-8")
    assert kinds(repo.changes(capsys, "main")) == [("code_set_removed", True)]
    repo.commit("without ReceiveResultCode")
    repo.git("checkout", "HEAD~1", "--", "spec/codes.yaml")
    assert kinds(repo.changes(capsys, "HEAD")) == [("code_set_added", False)]


def test_a_catalog_new_since_the_ref_is_all_added(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """The ref has neither a codegen configuration nor a catalog (a project adopting
    codegen); a catalog moved since the ref is compared where it was (tests/evolution/
    test_moved.py)."""
    sample = repo.catalog.read_bytes()
    repo.git("rm", "-rq", "spec", "codegen.toml")
    repo.commit("before codegen")
    repo.git("checkout", "-q", "-b", "pr")
    (repo.root / "spec").mkdir()
    (repo.root / "spec" / "api.yaml").write_bytes(sample)
    code, out, _ = repo.run(capsys, "diff", "main", "--catalog", "spec/api.yaml")
    assert code == 0
    assert (
        "spec/api.yaml against main" in out
        and "did not exist there, so everything in it is new" in out
    )
    _, out, _ = repo.run(capsys, "diff", "main", "--catalog", "spec/api.yaml", "--format", "json")
    jsonschema.validate(json.loads(out), SCHEMA)
    assert json.loads(out)["base"]["exists"] is False
    changes = repo.changes(capsys, "main", "--catalog", "spec/api.yaml")
    assert [c["kind"] for c in changes] == ["language_added"] * 2 + ["code_set_added"] * 3
    assert not any(c["breaking"] for c in changes)


def test_a_catalog_current_rules_refuse_at_the_ref_is_still_compared(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit((INVALID_APPKEY, "curated: {name: invalid appkey, colour: red}"))
    repo.commit("a catalog validate refuses")
    repo.edit(("curated: {name: invalid appkey, colour: red}", INVALID_APPKEY))
    assert [c["kind"] for c in repo.changes(capsys, "HEAD")] == [
        "code_renamed",
        "retryable_changed",
    ]


def test_the_json_output_follows_its_schema(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(
        ("languages: [ja, en]", "languages: [ja, ko]"),
        (CONTENT_TYPE, ""),
        (
            INVALID_APPKEY,
            "curated: {name: BAD_APPKEY, aliases: [INVALID_APPKEY], deprecated: {since: v2}}",
        ),
        ("name: ReceiveResultCode", "name: ReceiveCode"),
        ("curated: {name: COMMON}", "curated: {name: SHARED}"),
        (
            "header: {ja: isSuccess, en: isSuccess}\n",
            "header: {ja: isSuccess, en: isSuccess}\n      - {key: extra, kind: text, header: {ja: x}}\n",
        ),
        ("is_success: true", "is_success: false"),
    )
    code, out, err = repo.run(capsys, "diff", "main", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA)
    assert document["version"] == 1
    assert document["base"] == {
        "ref": "main",
        "name": "main",
        "commit": repo.git("rev-parse", "main"),
        "path": "spec/codes.yaml",
        "exists": True,
    }
    assert document["summary"] == {"changes": len(document["changes"]), "breaking": 5}


def test_the_markdown_output_is_a_table_of_breaking_changes_and_a_list_of_others(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit((CONTENT_TYPE, ""), ("en: Invalid appkey}", 'en: "Invalid | `app` key"}'))
    code, out, _ = repo.run(capsys, "diff", "main", "--format", "markdown")
    assert code == 0
    assert out.startswith("### Error codes: `spec/codes.yaml` against `main` (")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    cells = [t.content for t in tokens if t.type == "inline"]
    assert cells[2:4] == ["change", "what to do"]
    assert cells[4].startswith("`ApiResultCode.INVALID_CONTENT_TYPE` (`-9996`) removed")
    assert cells[5].startswith("keep it as a tombstone")
    [item] = [t for t in tokens if t.type == "list_item_open"]
    assert 'changed from `"Invalid appkey"` to ' in out
    assert item is not None


def test_every_kind_of_change_has_a_sentence() -> None:
    for kind in typing.get_args(ChangeKind):
        assert describe(Change(kind, "Set", 1, "NAME", "key", "a", "b"))


def test_the_documented_kinds_and_verdicts_are_the_rules() -> None:
    """docs/diff.md lists every kind of change and whether it breaks, as codegen/evolution/breaking.py
    decides: "yes", "no", or "unless `recorded`"."""
    doc = (REPO / "docs" / "diff.md").read_text(encoding="utf-8")
    rows = {
        cells[0].strip("`"): cells[2]
        for line in doc.splitlines()
        if line.startswith("| `")
        and len(cells := [c.strip() for c in line.strip().strip("|").split("|")]) == 4
    }
    expected = {
        kind: "unless `recorded`" if kind in UNLESS_RECORDED else ("yes" if kind in FIXES else "no")
        for kind in typing.get_args(ChangeKind)
    }
    assert rows == expected


def test_a_string_code_with_a_pipe_stays_in_its_markdown_table_cell(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(("- code: MTR2", '- code: "MTR|2"'))
    _, out, _ = repo.run(capsys, "diff", "main", "--format", "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    body = tokens[[t.type for t in tokens].index("tbody_open") :]
    assert [t.type for t in body].count("td_open") == 2  # one row of two cells
    cell = next(t for t in body if t.type == "inline")
    assert cell.children is not None
    text = "".join(child.content for child in cell.children)
    assert text == 'ReceiveResultCode.MTR2: code "MTR2" changed to "MTR|2"'


def test_a_base_catalog_that_is_not_yaml_is_an_error_at_its_ref_path_and_line(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(("format: 1\n", "format: 1\nformat: 2\n"))
    repo.commit("a duplicate key")
    repo.git("checkout", "HEAD~1", "--", "spec/codes.yaml")
    code, out, err = repo.run(capsys, "diff", "HEAD")
    assert (code, out) == (2, "")
    assert err.startswith("HEAD:spec/codes.yaml:6:1: duplicate key 'format'")
    code, _, err = repo.run(capsys, "diff")  # the default base: named by its commit
    assert code == 2 and err.startswith(
        f"{repo.git('rev-parse', 'HEAD')[:12]}:spec/codes.yaml:6:1:"
    )
