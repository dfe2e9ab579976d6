"""The SMS catalog's history, end to end in a git repository: a newer Japanese page drops
five EMMA codes (E916, E917, E918, E920, E921) and rewords E915
(tests/fixtures/sms-history/). Deleting the codes by hand is a breaking change that
``diff`` names and ``check --breaking-against`` fails; ``import --retire`` keeps them as
tombstones instead, ``check`` passes, and the generated module still resolves them at
``lookup``, marked removed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.support.catalogs import imported
from tests.support.gitrepos import Repo
from tests.support.paths import REPO

PAGE = REPO / "tests" / "fixtures" / "sms-history" / "sms-error-codes.ja.txt"
GONE = {
    "E916": "AUTH_SERVER_BLOCKED_NUMBER",
    "E917": "CUSTOMER_DB_BLOCKED_NUMBER",
    "E918": "USER_CALLBACK_FAILED",
    "E920": "LMS_UNEXPECTED_FILE_GROUP_KEY",
    "E921": "MMS_FILE_GROUP_KEY_MISSING",
}
REWORDED = ("DUPLICATE_MESSAGE", "E915", "重複メッセージ", "重複したメッセージ")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """The committed SMS catalog and its generated outputs, committed as the base."""
    repo = Repo(tmp_path / "sms", monkeypatch)
    shutil.copy(REPO / "spec" / "codes.yaml", repo.catalog)
    return repo


def committed(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert repo.run(capsys, "generate")[0] == 0
    repo.commit("the SMS catalog as committed, and its outputs")


def changed(repo: Repo, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, object]]:
    """``(kind, member, code)`` of each change ``diff HEAD --format json`` lists, sorted."""
    return sorted((c["kind"], c["member"], c["code"]) for c in repo.changes(capsys, "HEAD"))


def test_the_reimport_alone_reports_the_missing_codes_and_changes_one_message(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    committed(repo, capsys)
    status, _, err = repo.run(capsys, "import", str(PAGE), "--lang", "ja")
    assert status == 0
    for code in GONE:
        assert re.search(rf"code {code} .* is not in .*--retire --since VERSION", err), code
    assert changed(repo, capsys) == [("message_changed", REWORDED[0], REWORDED[1])]


def test_codes_deleted_by_hand_are_breaking_changes_that_diff_names_and_check_fails(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    committed(repo, capsys)
    assert repo.run(capsys, "import", str(PAGE), "--lang", "ja")[0] == 0
    text = repo.catalog.read_text(encoding="utf-8")
    for code in GONE:  # what the report used to say: delete it by hand
        text, count = re.subn(rf'      - code: "{code}"\n(?:        .*\n)+', "", text)
        assert count == 1
    repo.catalog.write_text(text, encoding="utf-8")
    expected = [("code_removed", name, code) for code, name in GONE.items()]
    assert changed(repo, capsys) == sorted(
        expected + [("message_changed", REWORDED[0], REWORDED[1])]
    )
    assert repo.run(capsys, "generate")[0] == 0
    status, out, err = repo.run(capsys, "check", "--breaking-against", "HEAD")
    assert status == 1
    lines = [line for line in (out + err).splitlines() if "breaking change:" in line]
    assert [re.search(r"\((\"E\d+\")\)", line).group(1) for line in lines] == [  # type: ignore[union-attr]
        f'"{code}"' for code in GONE
    ]
    assert all("--retire --since VERSION" in line for line in lines)


def test_import_retire_keeps_them_as_tombstones_and_check_passes(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    committed(repo, capsys)
    status, _, err = repo.run(
        capsys, "import", str(PAGE), "--lang", "ja", "--retire", "--since", "2026-12"
    )
    assert status == 0 and err.count("marked removed since 2026-12") == len(GONE)
    expected = [("code_retired", name, code) for code, name in GONE.items()]
    assert changed(repo, capsys) == sorted(
        expected + [("message_changed", REWORDED[0], REWORDED[1])]
    )
    assert repo.run(capsys, "generate")[0] == 0
    status, out, err = repo.run(capsys, "check", "--breaking-against", "HEAD")
    assert status == 0, err
    assert "no breaking change against HEAD" in out + err

    source = (repo.root / "generated" / "python" / "nhn_sms_codes.py").read_text("utf-8")
    with imported(source, repo.root.parent) as module:
        for code, name in GONE.items():
            (member,) = module.lookup(code)
            assert member.name == name and module.EmmaResultCode.lookup(code) is member
            assert member.removed == module.Removal("2026-12", "not in sms-error-codes.ja.txt")
        assert module.EmmaResultCode("E915").message == REWORDED[3]
        assert module.EmmaResultCode("E919").removed is None

    status, out, _ = repo.run(capsys, "explain", "E917", "--format", "json")
    (match,) = json.loads(out)["matches"]
    assert status == 0
    assert match["curated"]["removed"] == {
        "since": "2026-12",
        "reason": "not in sms-error-codes.ja.txt",
    }
