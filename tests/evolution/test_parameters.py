"""A message's parameters (``curated.parameters``, issue #20) are interface: ``diff`` names
each kind of change (added, removed, renamed, retyped) in text and JSON, and ``check
--breaking-against`` fails on each in a git repository; a reworded message around the same
parameters breaks nothing."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from codegen.evolution.diff import diff
from codegen.evolution.revision import revision
from tests.support.gitrepos import Repo, kinds
from tests.support.paths import REPO, TESTS

PARAMETERS = TESTS / "fixtures" / "catalogs" / "parameters.yaml"
SCHEMA = json.loads((REPO / "codegen" / "schemas" / "diff.schema.json").read_text("utf-8"))
QUOTA = "            - {name: quota, type: integer, placeholder: 0}\n"
MAX = "            - {name: max, type: integer, placeholder: max}\n"
COUNT = "{name: count, type: integer, placeholder: 1}"
EN_4001 = 'en: "The storage quota of {0} MB is used up"'

ADDED = (
    (EN_4001, 'en: "The storage quota of {0} MB is used up by {user}"'),
    (QUOTA, QUOTA + "            - {name: user, type: string, placeholder: user}\n"),
)
REMOVED = (
    ('en: "{field} must be at most {max} characters"', 'en: "{field} is too long"'),
    ('ja: "{field}は{max}文字以内です"', 'ja: "{field}は長すぎます"'),
    (MAX, ""),
)
RENAMED = ((QUOTA, QUOTA.replace("quota", "limit", 1)),)
RETYPED = ((COUNT, COUNT.replace("integer", "string")),)
REWORDED = ((EN_4001, 'en: "Your quota of {0} MB is full"'),)
REWORDED_4004 = (('en: "Hello ${user}, {{count}}', 'en: "Hi ${user}: {{count}}'),)
BREAKING = {
    "parameter_added": (
        ADDED,
        (
            "ApiError.QUOTA_EXCEEDED (4001): string parameter user added; keep the message's "
            "parameters as they were: clients format it without user; a message that needs another "
            "argument is a new code (retire the old one with `curated.removed`)"
        ),
    ),
    "parameter_removed": (
        REMOVED,
        (
            "ApiError.FIELD_TOO_LONG (4002): integer parameter max removed; keep the placeholder "
            "of max in the message: clients format it with max (a translation may leave it out)"
        ),
    ),
    "parameter_renamed": (
        RENAMED,
        (
            "ApiError.QUOTA_EXCEEDED (4001): parameter quota renamed to limit; keep the "
            "parameter's name quota (`curated.parameters`): clients pass it by name"
        ),
    ),
    "parameter_retyped": (
        RETYPED,
        (
            "ApiError.INVALID_PARAMETER (4003): parameter count changed from integer to string; "
            "keep the type of count integer (`curated.parameters`): clients pass it a value of that "
            "type"
        ),
    ),
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """The repository with the parameters catalog committed on main."""
    repo = Repo(tmp_path / "repo", monkeypatch)
    repo.catalog.write_bytes(PARAMETERS.read_bytes())
    repo.commit("a catalog with message parameters")
    return repo


def test_diff_names_each_kind_of_parameter_change_in_text_and_json(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(*ADDED, *REMOVED, *RENAMED, *RETYPED)
    code, out, _ = repo.run(capsys, "diff", "main")
    assert code == 0
    lines = out.splitlines()
    for kind, (_, line) in BREAKING.items():
        sentence, fix = line.split("; ", 1)
        at = lines.index(f"  {sentence}")
        assert lines[at + 1] == f"    fix: {fix}", kind
    assert lines.index("not breaking:") > max(
        lines.index(f"  {b[1].split('; ')[0]}") for b in BREAKING.values()
    )
    code, out, _ = repo.run(capsys, "diff", "main", "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA)
    parameters = [c for c in document["changes"] if str(c["kind"]).startswith("parameter_")]
    assert [(c["kind"], c["code"], c["key"], c["before"], c["after"]) for c in parameters] == [
        ("parameter_renamed", 4001, "limit", "quota", "limit"),
        ("parameter_added", 4001, "user", None, "string"),
        ("parameter_removed", 4002, "max", "integer", None),
        ("parameter_retyped", 4003, "count", "integer", "string"),
    ]
    assert all(c["breaking"] for c in parameters)
    assert ("message_changed", False) in kinds(document["changes"])


def test_a_reworded_message_around_the_same_parameters_breaks_nothing(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(*REWORDED)
    assert kinds(repo.changes(capsys, "main")) == [("message_changed", False)]


@pytest.fixture
def generated(repo: Repo, capsys: pytest.CaptureFixture[str]) -> Repo:
    """The repository with generated/ written and committed."""
    assert repo.run(capsys, "generate")[0] == 0
    repo.commit("generated")
    return repo


@pytest.mark.parametrize("kind", list(BREAKING))
def test_check_fails_on_each_breaking_kind_of_parameter_change(
    generated: Repo, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    edits, line = BREAKING[kind]
    generated.edit(*edits, *REWORDED_4004)
    assert generated.run(capsys, "generate")[0] == 0
    code, out, err = generated.run(capsys, "check", "--breaking-against", "main")
    assert (code, err) == (1, "")
    assert out.startswith("generated: up to date\n")
    [breaking] = [text for text in out.splitlines() if ": breaking change: " in text]
    assert breaking.startswith("spec/codes.yaml:")
    assert breaking.endswith(f": breaking change: {line}")
    assert "note: not breaking: ApiError.NEW_MESSAGES (4004): en message changed" in out
    assert out.endswith(f"spec/codes.yaml: 1 breaking change against main ({_head(generated)})\n")


def test_check_passes_a_reworded_message(
    generated: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    generated.edit(*REWORDED)
    assert generated.run(capsys, "generate")[0] == 0
    code, out, _ = generated.run(capsys, "check", "--breaking-against", "main")
    assert code == 0, out
    assert "note: not breaking: ApiError.QUOTA_EXCEEDED (4001): en message changed" in out
    assert out.endswith(f"spec/codes.yaml: no breaking change against main ({_head(generated)})\n")


def _head(repo: Repo) -> str:
    return repo.git("rev-parse", "main")[:12]


def _code(message: str, *parameters: tuple[str, str, int | str]) -> dict[str, object]:
    records = [{"name": n, "type": t, "placeholder": p} for n, t, p in parameters]
    return {"code": 1, "message": {"en": message}, "curated": {"name": "A", "parameters": records}}


def _kinds(old: dict[str, object], new: dict[str, object]) -> list[tuple[str, str]]:
    def catalog(code: dict[str, object]) -> object:
        return {"languages": ["en"], "source_language": "en", "code_sets": [
            {"code_type": "integer", "curated": {"name": "S"}, "codes": [code]}
        ]}  # fmt: skip

    return [(c.kind, c.key) for c in diff(revision(catalog(old)), revision(catalog(new)))]


def test_parameters_are_matched_by_name_then_by_placeholder() -> None:
    """A client passes parameters by name: a renumbered or renamed placeholder under the
    same name is no parameter change, nor are two swapped; a new name at the same
    placeholder is a rename, anything else added or removed."""
    old = _code("{0} of {1}", ("used", "integer", 0), ("quota", "integer", 1))
    assert _kinds(
        old, _code("{used} of {quota}", ("used", "integer", "used"), ("quota", "integer", "quota"))
    ) == [("message_changed", "en")]
    assert _kinds(old, _code("{0} of {1}", ("quota", "integer", 0), ("used", "integer", 1))) == []
    assert _kinds(old, _code("{0} of {1}", ("spent", "integer", 0), ("quota", "integer", 1))) == [
        ("parameter_renamed", "spent")
    ]
    assert _kinds(old, _code("{0} of {2}", ("used", "integer", 0), ("limit", "integer", 2))) == [
        ("message_changed", "en"),
        ("parameter_added", "limit"),
        ("parameter_removed", "quota"),
    ]
