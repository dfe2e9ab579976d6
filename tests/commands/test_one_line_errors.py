"""Inputs that once ended in a Python traceback (exit 1), through the real command line: each
now gives one line, ``path:line:col: what is wrong and how to fix it`` (templates:
``path:line:``, the code given to ``explain``: ``codegen explain:``), exit 2, and writes
nothing.

The inputs are the ones issue #18 lists (a fault trial found them): a catalog nested 1,000
deep and a 5,000-digit code on ``import``; a ``\\ud800`` escape in ``diff``; a
300-character module name; TOML nested 5,000 deep; templates with 300 nested ``for`` or
5,000 parentheses; ``templates = "/"``; a NUL in a target's ``output``; ``explain`` of a
5,000-digit code. Beside them, their kin: a hexadecimal code of 4,800 digits, a TOML
integer of 5,000 digits, a ``lock_timeout`` past a float, a NUL in the catalog's path, an
output file name of 300 bytes, JSON and YAML outputs nested 5,000 deep, a manifest nested
5,000 deep. Each runs in a child process, as CI runs codegen, so a traceback printed by
the interpreter is seen as such.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.catalogs import SAMPLE
from tests.support.gitrepos import GIT_ENV

DIGITS = "9" * 5000
PAGE = "# Codes\n\n| Code | Text |\n|---|---|\n| 1 | One |\n| 2 | Two |\n"
ONE_TEMPLATE = '[[targets]]\ntemplate = "t.txt.j2"\noutput = "t.txt"\nformatter = "none"\n'


@dataclass(frozen=True)
class Case:
    """A project to make in a folder, the command to run there, and what its line says:
    ``where`` its start (``path:line:col:`` as a pattern), ``says`` a part of the rest."""

    make: Callable[[Path], None]
    argv: tuple[str, ...]
    where: str
    says: str


def _catalog(text: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / "spec").mkdir()
        (folder / "spec" / "codes.yaml").write_text(text, encoding="utf-8")
        (folder / "page.md").write_text(PAGE, encoding="utf-8")

    return make


def _sample(*replacements: tuple[str, str]) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _project(
    config: str, templates: dict[str, str] | None = None, catalog: str | None = None
) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        _catalog(catalog or _sample())(folder)
        (folder / "codegen.toml").write_text(config, encoding="utf-8")
        for name, text in (templates or {}).items():
            (folder / "templates").mkdir(exist_ok=True)
            (folder / "templates" / name).write_text(text, encoding="utf-8")

    return make


def _surrogate_since_last_commit(folder: Path) -> None:
    _project('catalog = "spec/codes.yaml"\n')(folder)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "sample"]):
        subprocess.run(["git", *args], cwd=folder, check=True, env=_env(folder.parent))
    text = _sample(("message: {ja: 成功,", 'message: {ja: "成\\ud800功",'))
    (folder / "spec" / "codes.yaml").write_text(text, encoding="utf-8")


def _manifest(text: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        _project('catalog = "spec/codes.yaml"\n')(folder)
        (folder / "generated").mkdir()
        (folder / "generated" / ".codegen-manifest.json").write_text(text, encoding="utf-8")

    return make


IMPORT = ("import", "page.md", "--lang", "en")
CASES = {
    "import_onto_a_catalog_nested_1000_deep": Case(
        _catalog("format: 1\nx: " + "[" * 1000 + "]" * 1000 + "\n"),
        IMPORT,
        r"spec/codes\.yaml:2:\d+",
        "nests deeper than 40 levels",
    ),
    "import_onto_a_catalog_with_a_5000_digit_code": Case(
        _catalog(_sample(("- code: -1000\n", f"- code: {DIGITS}\n"))),
        IMPORT,
        r"spec/codes\.yaml:\d+:15",
        "is not an integer: quote it if it is text",
    ),
    "import_onto_a_catalog_with_a_hexadecimal_code_of_4800_digits": Case(
        _catalog(_sample(("- code: -1000\n", f"- code: 0x{'f' * 4000}\n"))),
        IMPORT,
        r"spec/codes\.yaml:\d+:15",
        "is an integer of more than 4,300 decimal digits",
    ),
    "diff_of_a_surrogate_escape": Case(
        _surrogate_since_last_commit,
        ("diff", "HEAD"),
        r"spec/codes\.yaml:\d+:\d+",
        "the surrogate U+D800",
    ),
    "validate_a_300_character_module_name": Case(
        _catalog(_sample(("module: sample_codes", "module: " + "m" * 300))),
        ("validate",),
        r"spec/codes\.yaml:12:11",
        "the module name has 300 characters; the limit is 100",
    ),
    "generate_a_300_character_module_name": Case(
        _project(
            ONE_TEMPLATE.replace('"t.txt"', '"{module}.txt"'),
            {"t.txt.j2": "{{ catalog.title }}\n"},
            _sample(("module: sample_codes", "module: " + "m" * 300)),
        ),
        ("generate",),
        r"spec/codes\.yaml:12:11",
        "the module name has 300 characters; the limit is 100",
    ),
    "toml_nested_5000_deep": Case(
        _project("x = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("generate",),
        r"codegen\.toml:1:\d+",
        "nest deeper than 40 levels",
    ),
    "template_with_300_nested_for": Case(
        _project(
            ONE_TEMPLATE,
            {"t.txt.j2": "{% for a in [1] %}\n" * 300 + "x\n" + "{% endfor %}\n" * 300},
        ),
        ("generate",),
        r".*templates/t\.txt\.j2:\d+",
        "nests too deeply",
    ),
    "template_with_5000_parentheses": Case(
        _project(ONE_TEMPLATE, {"t.txt.j2": "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}\n"}),
        ("generate",),
        r".*templates/t\.txt\.j2:1",
        "nests too deeply",
    ),
    "templates_is_the_root_folder": Case(
        _project('templates = "/"\n'),
        ("generate",),
        r"codegen\.toml:1:1",
        "templates '/' is outside the project folder",
    ),
    "templates_is_the_root_folder_outside_allowed": Case(
        _project('templates = "/"\nallow_outside = true\n'),
        ("generate",),
        r"codegen\.toml:1:1",
        "give the templates a folder of their own",
    ),
    "nul_in_a_target_output": Case(
        _project(ONE_TEMPLATE.replace('"t.txt"', '"a\\u0000b.txt"')),
        ("generate",),
        r"codegen\.toml:3:1",
        "control character U+0000",
    ),
    "toml_integer_of_5000_digits": Case(
        _project(f"lock_timeout = {DIGITS}\n"),
        ("generate",),
        r"codegen\.toml:1:16",
        "an integer of more than 4,300 digits",
    ),
    "lock_timeout_past_a_float": Case(
        _project("lock_timeout = 1" + "0" * 400 + "\n"),
        ("generate",),
        r"codegen\.toml:1:1",
        "lock_timeout must be at most 86,400 seconds",
    ),
    "nul_in_the_catalog_path": Case(
        _project('catalog = "spec/codes\\u0000.yaml"\n'),
        ("validate",),
        r"codegen\.toml:1:1",
        "control character U+0000",
    ),
    "output_file_name_of_300_bytes": Case(
        _project(ONE_TEMPLATE.replace('"t.txt"', '"' + "t" * 300 + '"')),
        ("generate",),
        r"codegen\.toml:3:1",
        "longer than 255 bytes",
    ),
    "json_output_nested_5000_deep": Case(
        _project(
            ONE_TEMPLATE.replace('"none"', '"json"').replace("t.txt", "t.json"),
            {"t.json.j2": "[" * 5000 + "]" * 5000 + "\n"},
        ),
        ("generate",),
        r".*templates/t\.json\.j2",
        "nests too deeply",
    ),
    "yaml_output_nested_5000_deep": Case(
        _project(
            ONE_TEMPLATE.replace('"none"', '"yaml"').replace("t.txt", "t.yaml"),
            {"t.yaml.j2": "[" * 5000 + "]" * 5000 + "\n"},
        ),
        ("generate",),
        r".*templates/t\.yaml\.j2",
        "nests too deeply",
    ),
    "explain_a_5000_digit_code": Case(
        _catalog(_sample()),
        ("explain", DIGITS),
        "codegen explain",
        "has 5,000 digits",
    ),
}


def _env(ceiling: Path) -> dict[str, str]:
    """The environment, with no user or system git configuration and no repository found
    above ``ceiling``."""
    return {**os.environ, **GIT_ENV, "GIT_CEILING_DIRECTORIES": str(ceiling)}


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".git" not in path.parts
    }


@pytest.mark.parametrize("case", CASES)
def test_each_input_gives_one_located_line_and_exit_2(tmp_path: Path, case: str) -> None:
    given = CASES[case]
    folder = tmp_path / "project"
    folder.mkdir()
    given.make(folder)
    before = _files(folder)
    done = subprocess.run(
        [sys.executable, "-m", "codegen", *given.argv],
        cwd=folder,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
    assert re.match(given.where + ": ", lines[0]), lines[0]
    assert given.says in lines[0]
    assert done.returncode == 2
    assert _files(folder) == before  # nothing written


def test_a_manifest_nested_5000_deep_is_no_manifest(tmp_path: Path) -> None:
    """The fast path's cache, unreadable: ``check`` renders and compares (exit 1: the
    outputs are missing), where it once ended in a traceback."""
    folder = tmp_path / "project"
    folder.mkdir()
    _manifest("[" * 5000 + "]" * 5000)(folder)
    done = subprocess.run(
        [sys.executable, "-m", "codegen", "check"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert "generated/python/sample_codes.py: missing" in done.stdout


def test_running_out_of_memory_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A catalog `validate` accepted made generate end in a MemoryError traceback, exit 1,
    which CI reads as "out of date" (issue #18's second trial). The bounds now keep such
    catalogs out; past them anyway, one line and exit 2."""
    from codegen import cli
    from codegen.commands import validate

    def exhausted(**options: object) -> int:
        raise MemoryError

    monkeypatch.setattr(validate, "run", exhausted)
    assert cli.main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("codegen validate: out of memory") and err.count("\n") == 1
