"""``codegen names``: the names import derived listed, and accepted in one step after review,
every comment and quoting of the catalog kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.cli import main

PAGE = """\
# Payment API

## Kody błędów płatności

| Code | Message | Category |
|---|---|---|
| -100 | API key is invalid or was revoked by its owner | Auth |
| 200 | Amount must be a positive integer in cents | Input |

## Refund errors

| Code | Message |
|---|---|
| R1 | Refund window closed |
"""


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A project made by ``codegen init`` whose derived names are errors, with the page
    imported: two code sets, three codes and two group values, every name derived."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--lang", "en"]) == 0
    with (tmp_path / "codegen.toml").open("a", encoding="utf-8") as config:
        config.write('derived_names = "error"\n')
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    assert main(["import", "page.md"]) == 0
    capsys.readouterr()
    return tmp_path / "spec" / "codes.yaml"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["names", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _comment(catalog: Path) -> None:
    """Comments where a person would write them: after a derived mark, below it, and
    after a flow mapping that holds one; and a quoted message."""
    text = catalog.read_text(encoding="utf-8")
    text = text.replace(
        "      name: KodyBledowPlatnosci\n      derived: true\n",
        "      name: KodyBledowPlatnosci\n      derived: true  # from the title\n"
        "    # the codes, as the page lists them\n",
    )
    text = text.replace(
        "curated: {name: API_KEY_IS_INVALID, derived: true}",
        "curated: {name: API_KEY_IS_INVALID, derived: true}  # cut from the message",
    )
    text = text.replace("{en: Refund window closed}", "{en: 'Refund window closed'}")
    assert text.count("#") >= catalog.read_text(encoding="utf-8").count("#") + 3
    catalog.write_text(text, encoding="utf-8")


def test_names_lists_each_derived_name_at_its_line_and_exits_0(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys)
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 8  # 2 sets, 2 group values, 3 codes, and the summary
    lines_of = project.read_text(encoding="utf-8").splitlines()
    for line in lines[:-1]:
        path, number, column, what = line.split(":", 3)
        assert path == "spec/codes.yaml"
        name = what.split(",")[0].strip()
        assert lines_of[int(number) - 1][int(column) - 1 :].startswith(name), line
    assert "API_KEY_IS_INVALID, the derived name of code -100 in KodyBledowPlatnosci" in out
    assert "KodyBledowPlatnosci, the derived name of a code set" in out
    assert lines[-1].startswith("spec/codes.yaml: 7 derived names to check")


def test_names_accept_clears_every_mark_and_validate_passes_under_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate"]) == 2
    assert 'derived_names = "error"' in capsys.readouterr().err
    _comment(project)
    before = project.read_text(encoding="utf-8")

    status, out, _ = _run(capsys, "--accept")

    assert status == 0
    assert out.count(": accepted ") == 7
    assert out.splitlines()[-1] == (
        "spec/codes.yaml written: 7 derived names accepted, 0 derived names left"
    )
    after = project.read_text(encoding="utf-8")
    assert "derived" not in after.split("code_sets:")[1]
    assert after == "".join(
        line.replace(", derived: true}", "}") + "\n"
        for line in before.splitlines()
        if line.strip() != "derived: true  # from the title" and line.strip() != "derived: true"
    ).replace(
        "      name: KodyBledowPlatnosci\n", "      name: KodyBledowPlatnosci  # from the title\n"
    )
    assert "    # the codes, as the page lists them\n" in after
    assert "curated: {name: API_KEY_IS_INVALID}  # cut from the message\n" in after
    assert "{en: 'Refund window closed'}" in after
    assert main(["validate"]) == 0
    assert main(["generate"]) == 0


def test_a_second_accept_changes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--accept")[0] == 0
    accepted = project.read_bytes()
    status, out, _ = _run(capsys, "--accept")
    assert status == 0
    assert out == "spec/codes.yaml unchanged: 0 derived names accepted, 0 derived names left\n"
    assert project.read_bytes() == accepted
    assert _run(capsys)[1] == "spec/codes.yaml: no derived names\n"


def test_accept_names_only_the_names_given(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "--accept", "API_KEY_IS_INVALID", "RefundErrors")
    assert status == 0
    assert out.count(": accepted ") == 2
    text = project.read_text(encoding="utf-8")
    assert "curated: {name: API_KEY_IS_INVALID}\n" in text
    assert "      name: RefundErrors\n    codes:" in text
    assert "5 derived names to check" in _run(capsys)[1]


def test_set_limits_the_list_and_the_accept_to_one_code_set(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "--set", "RefundErrors")
    assert (status, out.count("the derived name of")) == (0, 2)
    assert _run(capsys, "--set", "RefundErrors", "--accept")[0] == 0
    assert "5 derived names to check" in _run(capsys)[1]


def test_a_name_or_set_that_is_not_there_is_refused_and_nothing_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = project.read_bytes()
    status, _, err = _run(capsys, "--accept", "API_KEY_IS_INVALID", "NO_SUCH_NAME")
    assert status == 2
    assert err == (
        "spec/codes.yaml: NO_SUCH_NAME: not a derived name; run codegen names to list the "
        "derived names, and accept only those\n"
    )
    status, _, err = _run(capsys, "--accept", "API_KEY_IS_INVALID", "--set", "RefundErrors")
    assert status == 2 and "not a derived name in code set RefundErrors" in err
    status, _, err = _run(capsys, "--set", "Nope")
    assert status == 2
    assert err == (
        "spec/codes.yaml: no code set is named Nope: use one of KodyBledowPlatnosci, RefundErrors\n"
    )
    assert project.read_bytes() == before


def test_an_invalid_catalog_is_refused_as_validate_refuses_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project.write_text(
        project.read_text(encoding="utf-8").replace("code: 200", "code: -100"), encoding="utf-8"
    )
    before = project.read_bytes()
    main(["validate"])
    refused = capsys.readouterr().err
    for args in ((), ("--accept",)):
        status, out, err = _run(capsys, *args)
        assert (status, out) == (2, "")
        assert "duplicate code -100" in err
        assert all(line in refused for line in err.splitlines())
    assert project.read_bytes() == before


def test_a_crlf_catalog_stays_crlf(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project.write_bytes(project.read_bytes().replace(b"\n", b"\r\n"))
    assert _run(capsys, "--accept")[0] == 0
    text = project.read_bytes()
    assert b"derived" not in text.split(b"code_sets:")[1]
    assert text.count(b"\n") == text.count(b"\r\n")


def test_a_reader_that_stops_reading_ends_the_listing_quietly(tmp_path: Path) -> None:
    """``codegen names | head -1``: the pipe's reader is gone before codegen writes; the
    run ends with a shell's SIGPIPE status, not a BrokenPipeError traceback (a new user's
    trial)."""
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    catalog = str(tmp_path / "codes.yaml")
    assert main(["import", str(page), "--lang", "en", "--catalog", catalog]) == 0
    read, write = os.pipe()
    os.close(read)  # no reader at all: the first write fails
    try:
        run = subprocess.run(
            [sys.executable, "-m", "codegen", "names", "--catalog", catalog],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert run.returncode == 141 and "Traceback" not in run.stderr, run.stderr
