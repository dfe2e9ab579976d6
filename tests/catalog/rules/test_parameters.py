"""validate: message parameters (issue #20). The fixture's translations take the same
placeholders as its source messages, or fewer (warnings); each edit below breaks one rule
and expects exactly its line, at the node it names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog, placeholder_warnings, validate_catalog
from tests.support.paths import REPO, TESTS

FIXTURE = TESTS / "fixtures" / "catalogs" / "parameters.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


def problems(tmp_path: Path, text: str) -> list[str]:
    catalog = tmp_path / "codes.yaml"
    catalog.write_text(text, encoding="utf-8")
    return [str(e).removeprefix(f"{catalog}:") for e in validate_catalog(catalog)]


def edit(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, old
    return TEXT.replace(old, new)


def test_the_fixture_is_valid_and_its_parameters_reach_the_model() -> None:
    assert validate_catalog(FIXTURE) == []
    catalog = load_catalog(FIXTURE)
    rate = catalog.code_sets[1].codes[0]
    assert [(p.name, p.type, p.placeholder) for p in rate.parameters] == [
        ("rate", "number", "rate"),
        ("retry_after", "integer", 0),
    ]
    assert rate.message_pieces("ja", catalog.placeholders) == (
        "レート",
        0,
        "/秒を超えました。",
        1,
        "秒後に再試行",
    )
    assert catalog.has_parameters


def test_a_translation_lacking_a_placeholder_is_a_warning_at_its_text() -> None:
    assert [str(w).removeprefix(f"{FIXTURE}:") for w in placeholder_warnings(str(FIXTURE))] == [
        (
            "27:98: warning: the de message of code 4002 lacks placeholder 'max' of its en message: "
            "formatted, it leaves that argument out; add the placeholder to the translation"
        ),
        (
            "41:68: warning: the ja message of code 4004 lacks placeholder 'count' of its en "
            "message: formatted, it leaves that argument out; add the placeholder to the translation"
        ),
    ]


CASES = {
    "extra placeholder in a translation": (
        (
            'de: "Das Kontingent von {0} MB ist aufgebraucht"}',
            'de: "Das Kontingent von {0} MB ist aufgebraucht: {1}"}',
        ),
        (
            "21:92: the de message of code 4001 has placeholder {1}, which its en message does not "
            "have: a translation takes the source message's parameters; fix the placeholder (or the "
            "source message)"
        ),
    ),
    "misspelled placeholder in a translation": (
        ('ja: "{field}は{max}文字以内です"', 'ja: "{feild}は{max}文字以内です"'),
        (
            "27:71: the ja message of code 4002 has placeholder 'feild', which its en message does "
            "not have: a translation takes the source message's parameters; fix the placeholder (or "
            "the source message)"
        ),
    ),
    "placeholder without a record": (
        ("            - {name: count, type: integer, placeholder: 1}\n", ""),
        (
            "38:13: the en message of code 4003 has placeholder {1} but curated.parameters records "
            "no parameter for it: add {name: ..., type: integer, placeholder: 1} (or import the "
            "page again, which records it)"
        ),
    ),
    "record without a placeholder": (
        (
            "{name: quota, type: integer, placeholder: 0}",
            "{name: quota, type: integer, placeholder: 1}",
        ),
        (
            "25:57: parameter quota of code 4001 is for placeholder {1}, which its en message does "
            "not have: remove the record, or fix its placeholder"
        ),
    ),
    "reserved name": (
        (
            "{name: user, type: string, placeholder: user}",
            "{name: lang, type: string, placeholder: user}",
        ),
        (
            "45:22: parameter name lang of code 4004 is a Python keyword, the formatting "
            "functions' own argument (lang) or JavaScript's prototype slot (__proto__): rename it"
        ),
    ),
    "name hiding the code set's class": (
        (
            "{name: quota, type: integer, placeholder: 0}",
            "{name: ApiError, type: integer, placeholder: 0}",
        ),
        (
            "25:22: parameter name ApiError of code 4001 would hide a name the generated "
            "Python formatter uses (its code set's class, or _format): rename it"
        ),
    ),
    "prototype slot": (
        (
            "{name: field, type: string, placeholder: field}",
            "{name: __proto__, type: string, placeholder: field}",
        ),
        (
            "31:22: parameter name __proto__ of code 4002 is a Python keyword, the formatting "
            "functions' own argument (lang) or JavaScript's prototype slot (__proto__): rename it"
        ),
    ),
    "keyword name": (
        (
            "{name: field, type: string, placeholder: field}",
            "{name: class, type: string, placeholder: field}",
        ),
        (
            "31:22: parameter name class of code 4002 is a Python keyword, the formatting "
            "functions' own argument (lang) or JavaScript's prototype slot (__proto__): rename it"
        ),
    ),
    "two numbered syntaxes": (
        ('en: "Invalid parameter: %s (%d given)"', 'en: "Invalid parameter: %s ({1} given)"'),
        (
            "34:23: the en message of code 4003 mixes numbered placeholders of braces and printf: "
            "use one syntax, so each number names one parameter"
        ),
    ),
}


@pytest.mark.parametrize(("change", "expected"), CASES.values(), ids=CASES.keys())
def test_each_broken_rule_is_reported_at_its_node(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    assert expected in problems(tmp_path, edit(*change))


def test_a_bad_type_or_placeholder_is_the_schema_s_problem(tmp_path: Path) -> None:
    found = problems(tmp_path, edit("type: number", "type: float"))
    assert len(found) == 1 and found[0].startswith("63:34:"), found


def test_validate_prints_errors_and_warnings_at_their_lines(tmp_path: Path) -> None:
    """The command, as a user runs it: a translation with an extra placeholder fails it;
    the fixture passes it with one warning line per translation lacking one."""
    run = [sys.executable, "-m", "codegen", "validate", "--catalog"]
    ok = subprocess.run([*run, str(FIXTURE)], check=False, capture_output=True, text=True, cwd=REPO)
    assert ok.returncode == 0, ok.stderr
    assert ok.stderr.count(": warning: ") == 2
    assert "2 placeholder warnings" in ok.stdout
    bad = tmp_path / "codes.yaml"
    bad.write_text(
        edit('ja: "容量{0}MBを使い切りました"', 'ja: "容量{1}MBを使い切りました"'), encoding="utf-8"
    )
    failed = subprocess.run([*run, str(bad)], check=False, capture_output=True, text=True, cwd=REPO)
    assert failed.returncode == 2
    assert failed.stderr.startswith(
        f"{bad}:21:69: the ja message of code 4001 has placeholder {{1}}"
    )


def test_a_stale_translation_with_a_placeholder_the_source_lost_is_a_warning(
    tmp_path: Path,
) -> None:
    """A source page re-imported without a placeholder marks its translations stale; they
    still have it until their pages are imported: refusing that would block every order
    of imports."""
    text = edit(
        'de: "Das Kontingent von {0} MB ist aufgebraucht"}',
        'de: "Das Kontingent von {0} MB ist aufgebraucht: {1}"}',
    ).replace(
        "          name: QUOTA_EXCEEDED\n",
        "          name: QUOTA_EXCEEDED\n          stale: [de]\n",
    )
    assert problems(tmp_path, text) == []
    warnings = [str(w) for w in placeholder_warnings(str(tmp_path / "codes.yaml"))]
    assert any(
        "the stale de message of code 4001 has placeholder {1}, which its en message no "
        "longer has" in w
        for w in warnings
    ), warnings
