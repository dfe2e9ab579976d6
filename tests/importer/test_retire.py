"""``codegen import DOC --retire --since VERSION``: the codes a re-imported page no longer
has become tombstones (``curated.removed``) in the same run, and nothing else changes.

From the committed spec/codes.yaml, a copy of the Japanese SMS page without five EMMA codes
and with one message changed is imported again.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from codegen.catalog.load import load_catalog
from codegen.cli import main
from tests.support.paths import REPO, SHARED

DOCS = SHARED / "docs"
JA = DOCS / "sms-error-codes.ja.txt"
GONE = ("E905", "E906", "E907", "E910", "E915")
pytestmark = pytest.mark.skipif(not JA.is_file(), reason=f"the SMS source page is not in {DOCS}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """spec/codes.yaml as committed, and the page of December 2026 next to it."""
    (tmp_path / "spec").mkdir()
    shutil.copy(REPO / "spec" / "codes.yaml", tmp_path / "spec" / "codes.yaml")
    lines = JA.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith(tuple(f"{c} " for c in GONE))]
    page = "\n".join(kept).replace("E916 認証サーバー遮断番号", "E916 認証サーバーの遮断番号")
    (tmp_path / "sms-2026-12.ja.txt").write_text(page, encoding="utf-8")
    return tmp_path


def _import(project: Path, *options: str) -> int:
    document, catalog = project / "sms-2026-12.ja.txt", project / "spec" / "codes.yaml"
    return main(["import", str(document), "--catalog", str(catalog), *options])


def _codes(project: Path) -> dict[str, dict[str, Any]]:
    data = YAML(typ="safe").load((project / "spec" / "codes.yaml").read_text("utf-8"))
    return {str(code["code"]): code for s in data["code_sets"][3:] for code in s["codes"]}


def test_retire_tombstones_exactly_the_codes_the_page_lost(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _codes(project)
    assert _import(project, "--retire", "--since", "2026-12") == 0
    after = _codes(project)
    removed = {code: after[code]["curated"].get("removed") for code in after}
    removed = {code: record for code, record in removed.items() if record}
    reason = "not in sms-2026-12.ja.txt"
    assert removed == {code: {"since": "2026-12", "reason": reason} for code in GONE}
    assert after["E916"]["message"]["ja"] == "認証サーバーの遮断番号"
    for code in GONE:  # kept as they were, but for the record
        del after[code]["curated"]["removed"]
        assert after[code] == before[code]
    err = capsys.readouterr().err
    assert err.count("marked removed since 2026-12") == 5 and "E905" in err


def test_the_tombstones_are_valid_and_generated_code_still_knows_them(
    project: Path, load_module: Any
) -> None:
    assert _import(project, "--retire", "--since", "2026-12") == 0
    catalog = load_catalog(project / "spec" / "codes.yaml")
    emma = catalog.code_sets[3]
    assert [code.value for code in emma.removed_codes] == list(GONE)
    assert main(["generate", "--catalog", str(project / "spec" / "codes.yaml"),
                 "--output", str(project / "generated")]) == 0  # fmt: skip
    source = (project / "generated" / "python" / "nhn_sms_codes.py").read_text("utf-8")
    module = load_module(source)
    (found,) = module.lookup("E905")
    assert found.removed == module.Removal("2026-12", "not in sms-2026-12.ja.txt")
    assert module.lookup("E916")[0].removed is None


def test_a_second_run_changes_nothing_and_reports_no_tombstone(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(project, "--retire", "--since", "2026-12") == 0
    written = (project / "spec" / "codes.yaml").read_bytes()
    capsys.readouterr()
    assert _import(project, "--retire", "--since", "2027-01") == 0
    assert (project / "spec" / "codes.yaml").read_bytes() == written
    out, err = capsys.readouterr()
    assert err == "" and "unchanged" in out and "0 reports" in out


def test_without_retire_the_lost_codes_are_only_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(project) == 0
    assert not any("removed" in code["curated"] for code in _codes(project).values())
    err = capsys.readouterr().err
    assert err.count("import again with --retire --since VERSION") == 5


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--retire"], "--retire needs --since VERSION"),
        (["--since", "2026-12"], "--since is only used with --retire"),
    ],
)
def test_retire_and_since_go_together(
    project: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    before = (project / "spec" / "codes.yaml").read_bytes()
    assert _import(project, *options) == 2
    assert message in capsys.readouterr().err
    assert (project / "spec" / "codes.yaml").read_bytes() == before


def test_a_tombstone_the_page_lists_again_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(project, "--retire", "--since", "2026-12") == 0
    shutil.copy(JA, project / "sms-2026-12.ja.txt")
    capsys.readouterr()
    assert _import(project) == 0
    err = capsys.readouterr().err
    assert err.count("is marked removed in the catalog but the document has it again") == 5
