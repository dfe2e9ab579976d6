"""codegen check: exit 0 when generated/ is exactly what generate writes, 1 otherwise with
a diff per changed file, the missing and orphaned files, and the command that fixes it."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from codegen.render.header import GENERATED_MARKER
from tests.support.catalogs import Project
from tests.support.paths import REPO

PYTHON = "python/sample_codes.py"


@pytest.fixture
def generated(project: Project, capsys: pytest.CaptureFixture[str]) -> Project:
    assert project.run("generate") == 0
    capsys.readouterr()
    return project


def _check(project: Project, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = project.run("check")
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_check_passes_right_after_generate(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(generated, capsys)
    assert code == 0 and "up to date" in out


def test_one_changed_byte_fails_naming_the_file_with_a_diff(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generated.output / PYTHON
    data = path.read_bytes()
    index = data.index(b"INVALID_APPKEY = -1000") + len("INVALID_APPKEY = -100")
    path.write_bytes(data[:index] + b"1" + data[index + 1 :])
    code, out = _check(generated, capsys)
    assert code == 1
    assert f"generated/{PYTHON}: out of date" in out
    assert f"--- a/{generated.output.as_posix().lstrip('/')}/{PYTHON}" in out
    assert f"+++ b/{generated.output.as_posix().lstrip('/')}/{PYTHON}" in out
    assert "-    INVALID_APPKEY = -1001\n+    INVALID_APPKEY = -1000\n" in out
    assert "\nrun: codegen generate --config " in out


def test_a_deleted_file_fails_as_missing(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated.output / "docs" / "en.md").unlink()
    code, out = _check(generated, capsys)
    assert code == 1 and "generated/docs/en.md: missing" in out


def test_a_stray_file_fails_as_orphaned_and_generate_keeps_it(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated.output / "python" / "stray.py").write_text("x = 1\n", encoding="utf-8")
    code, out = _check(generated, capsys)
    assert code == 1 and "generated/python/stray.py: orphaned" in out
    assert "run: " not in out  # generate does not remove it (a new user's trial)
    assert generated.run("generate") == 0
    assert (generated.output / "python" / "stray.py").exists()
    assert _check(generated, capsys)[0] == 1


def test_a_generated_file_no_longer_written_fails_until_generate_deletes_it(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated.output / "docs" / "fr.md").write_text(
        f"<!-- {GENERATED_MARKER} -->\n", encoding="utf-8"
    )
    code, out = _check(generated, capsys)
    assert code == 1 and "generated/docs/fr.md: generated but no longer written" in out
    assert generated.run("generate") == 0
    assert _check(generated, capsys)[0] == 0


def test_a_changed_message_in_the_catalog_fails(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    text = generated.catalog.read_text(encoding="utf-8")
    generated.catalog.write_text(text.replace("ja: 着信拒否", "ja: 着信拒否です"), encoding="utf-8")
    code, out = _check(generated, capsys)
    assert code == 1
    assert '+        EmmaResultCode.CALL_REJECTED: MappingProxyType({"ja": "着信拒否です"}),' in out


def test_restoring_everything_passes_again(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = generated.catalog.read_bytes()
    files = generated.files()
    generated.catalog.write_text(catalog.decode().replace("成功", "OK"), encoding="utf-8")
    (generated.output / PYTHON).write_text("broken\n", encoding="utf-8")
    (generated.output / "docs" / "ja.md").unlink()
    (generated.output / "python" / "stray.py").write_text("x = 1\n", encoding="utf-8")
    assert _check(generated, capsys)[0] == 1
    generated.catalog.write_bytes(catalog)
    for relative, data in files.items():
        (generated.output / relative).write_bytes(data)
    (generated.output / "python" / "stray.py").unlink()
    assert _check(generated, capsys) == (0, f"{generated.output}: up to date\n")


def test_check_writes_nothing(generated: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (generated.output / "docs" / "en.md").unlink()
    before = generated.files()
    assert _check(generated, capsys)[0] == 1
    assert generated.files() == before


def test_check_of_an_output_folder_that_does_not_exist_lists_every_file_as_missing(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(project, capsys)
    assert code == 1 and out.count(": missing") == 6 and not project.output.exists()


def test_python_caches_in_the_output_folder_are_not_orphans(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = generated.output / "python" / "__pycache__"
    cache.mkdir()
    (cache / "sample_codes.cpython-311.pyc").write_bytes(b"\0")
    assert _check(generated, capsys)[0] == 0


def test_an_invalid_catalog_exits_2_with_its_location(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.catalog.write_text("format: 1\nsource_language: [\n", encoding="utf-8")
    code, out = _check(project, capsys)
    assert code == 2 and "codes.yaml:" in out and "Traceback" not in out


def test_the_pre_commit_hook_runs_codegen_check() -> None:
    hooks = YAML(typ="safe", pure=True).load(
        (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    assert hooks[0] == {
        "id": "codegen-check",
        "name": "codegen check",
        "description": "Fail when generated files are stale, missing or orphaned.",
        "entry": "codegen check",
        "language": "python",
        "pass_filenames": False,
        "always_run": True,
    }
