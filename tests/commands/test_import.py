"""The import turns the cycle collector off while it runs, and back on after, even on error."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.commands import import_

PAGE = "# Codes\n\n## Results\n\n| Code | Message |\n|---|---|\n| 1 | ok |\n| 2 | bad |\n"


def test_the_collector_is_off_during_an_import_and_on_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []
    merge = import_.merge_document

    def watching(*args: object) -> object:
        seen.append(gc.isenabled())
        return merge(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(import_, "merge_document", watching)
    page = tmp_path / "codes.md"
    page.write_text(PAGE, encoding="utf-8")
    assert gc.isenabled()
    assert main(["import", str(page), "--lang", "en", "--catalog", str(tmp_path / "c.yaml")]) == 0
    assert seen == [False] and gc.isenabled()
    missing = str(tmp_path / "missing.md")
    assert main(["import", missing, "--lang", "en", "--catalog", str(tmp_path / "c.yaml")]) != 0
    assert gc.isenabled()
    capsys.readouterr()


@pytest.mark.parametrize("lang", ["en-x", "EN", "english", "e"])
def test_import_refuses_a_language_tag_validate_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """One language-tag pattern for import, init, the configuration and the catalog: a tag
    validate refuses never reaches the catalog (``--lang en-x`` used to be written)."""
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "codes.md"
    page.write_text(PAGE, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    assert main(["import", str(page), "--lang", "en", "--catalog", str(catalog)]) == 0
    before = catalog.read_bytes()
    capsys.readouterr()
    assert main(["import", str(page), "--lang", lang, "--catalog", str(catalog)]) == 2
    assert f'--lang "{lang}" is not a language code' in capsys.readouterr().err
    assert catalog.read_bytes() == before
    assert main(["validate", "--catalog", str(catalog)]) == 0


def test_a_dry_run_prints_what_an_import_would_do_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "codes.md"
    page.write_text(PAGE, encoding="utf-8")
    catalog = tmp_path / "c.yaml"
    args = ["import", str(page), "--lang", "en", "--catalog", str(catalog)]
    assert main([*args, "--dry-run"]) == 0
    dry = capsys.readouterr()
    assert not catalog.exists() and list(tmp_path.iterdir()) == [page]
    assert main(args) == 0
    real = capsys.readouterr()
    assert dry.err == real.err
    assert dry.out == real.out.replace(" written:", " would be written (--dry-run):")
    assert " would be written (--dry-run): 1 code set and 2 codes added" in dry.out
    before = catalog.read_bytes()
    page.write_text(PAGE.replace("| 2 | bad |", "| 2 | worse |"), encoding="utf-8")
    assert main([*args, "--dry-run"]) == 0
    assert "worse" in capsys.readouterr().out
    assert catalog.read_bytes() == before


def test_a_failed_first_import_does_not_say_it_adopted_the_pages_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--lang", "en"]) == 0
    page = tmp_path / "codes.md"
    page.write_text("# Nothing\n\nNo table here.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(page), "--lang", "de"]) == 2
    assert "source language" not in capsys.readouterr().err
    page.write_text(PAGE, encoding="utf-8")
    assert main(["import", str(page), "--lang", "de"]) == 0
    assert "source language" in capsys.readouterr().err
