"""Formatting a message with parameters in the generated Python module (issue #20): one
typed function per member in ``<Set>Messages``, which mypy --strict checks, and
``format_message`` for a member known only at run time, both joining pieces generated as
data."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest
import yaml

from codegen.catalog.load import build_catalog, load_catalog
from codegen.catalog.model import Catalog
from codegen.errors import SpecError
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS
from tests.support.paths import TESTS

PARAMETERS = TESTS / "fixtures" / "catalogs" / "parameters.yaml"
PYTHON = "python/quota_codes.py"


def python_module(catalog: Catalog) -> str:
    return render_all(catalog, DEFAULT_TARGETS[:1])[PYTHON]


def with_lifecycle() -> Catalog:
    """The parameters fixture with QUOTA_EXCEEDED deprecated and RATE_EXCEEDED removed."""
    data: dict[str, Any] = yaml.safe_load(PARAMETERS.read_text(encoding="utf-8"))
    api, limits = data["code_sets"]
    api["codes"][1]["curated"]["deprecated"] = {"since": "2026-12", "use": "FIELD_TOO_LONG"}
    limits["codes"][0]["curated"]["removed"] = {"since": "2026-12", "reason": "gone"}
    return build_catalog(data, str(PARAMETERS))


@pytest.fixture(scope="module")
def source() -> str:
    return python_module(load_catalog(PARAMETERS))


@pytest.fixture
def m(source: str, load_module: Callable[[str], ModuleType]) -> ModuleType:
    return load_module(source)


def test_a_member_formats_in_its_source_language_and_in_each_translation(m: ModuleType) -> None:
    quota = m.ApiErrorMessages.QUOTA_EXCEEDED
    assert quota(quota=500) == "The storage quota of 500 MB is used up"
    assert quota(quota=500, lang="ja") == "容量500MBを使い切りました"
    assert quota(quota=500, lang="de") == "Das Kontingent von 500 MB ist aufgebraucht"
    assert m.LimitErrorMessages.RATE_EXCEEDED(rate=2.5, retry_after=30, lang="ja") == (
        "レート2.5/秒を超えました。30秒後に再試行"
    )
    assert m.ApiErrorMessages.INVALID_PARAMETER(parameter="to", count=3) == (
        "Invalid parameter: to (3 given)"
    )


def test_a_language_without_the_message_falls_back_to_the_source_text(m: ModuleType) -> None:
    assert m.ApiErrorMessages.QUOTA_EXCEEDED(quota=1, lang="fr") == (
        "The storage quota of 1 MB is used up"
    )
    assert m.ApiErrorMessages.DONE(lang="de") == m.ApiError.DONE.message
    assert m.ApiErrorMessages.DONE(lang="ja") == "100%%完了"  # no placeholder: verbatim


def test_a_translation_lacking_a_placeholder_leaves_its_argument_out(m: ModuleType) -> None:
    assert m.ApiErrorMessages.FIELD_TOO_LONG(field="name", max=5, lang="de") == "name ist zu lang"
    assert m.ApiErrorMessages.NEW_MESSAGES(user="アキ", count=2, lang="ja") == "こんにちは アキ"
    assert m.ApiErrorMessages.NEW_MESSAGES(user="Aki", count=2) == "Hello Aki, 2 new messages"


def test_members_without_parameters_format_with_lang_only(m: ModuleType) -> None:
    assert m.ApiErrorMessages.SUCCESS() == "Success"
    assert m.LimitErrorMessages.TRY_LATER(lang="ja") == "後でもう一度お試しください"


def test_nothing_of_the_text_or_an_argument_is_evaluated(m: ModuleType) -> None:
    """An argument holding braces or percent signs is text; ``%%`` of a printf message is
    one percent sign, as printf would write it."""
    text = m.ApiErrorMessages.INVALID_PARAMETER(parameter="{0.__class__}%s", count=0)
    assert text == "Invalid parameter: {0.__class__}%s (0 given)"


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({}, "ApiError.QUOTA_EXCEEDED needs the argument 'quota'"),
        ({"quota": 1, "quoat": 1}, "ApiError.QUOTA_EXCEEDED takes no argument 'quoat'"),
        ({"quota": "1"}, "the argument 'quota' must be int, not str"),
        ({"quota": True}, "the argument 'quota' must be int, not bool"),
        ({"quota": 1.0}, "the argument 'quota' must be int, not float"),
    ],
)
def test_format_message_checks_names_and_types_at_run_time(
    m: ModuleType, arguments: dict[str, object], problem: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(problem)):
        m.format_message(m.ApiError.QUOTA_EXCEEDED, arguments)


def test_format_message_takes_an_int_for_a_number_and_formats_enum_values(m: ModuleType) -> None:
    assert m.format_message(m.LimitError.RATE_EXCEEDED, {"rate": 3, "retry_after": 1}) == (
        "Rate 3 per second exceeded; retry in 1 s"
    )
    arguments = {"parameter": m.LimitError.TRY_LATER, "count": m.ApiError.QUOTA_EXCEEDED}
    assert m.format_message(m.ApiError.INVALID_PARAMETER, arguments, "de") == (
        "Ungültiger Parameter: E_PLAIN (4001)"
    )
    with pytest.raises(TypeError, match="LimitError.TRY_LATER takes no argument 'x'"):
        m.format_message(m.LimitError.TRY_LATER, {"x": 1})


def test_deprecated_and_removed_members_format_too(
    load_module: Callable[[str], ModuleType],
) -> None:
    m = load_module(python_module(with_lifecycle()))
    assert m.ApiError.QUOTA_EXCEEDED.deprecated is not None
    assert m.ApiErrorMessages.QUOTA_EXCEEDED(quota=9) == "The storage quota of 9 MB is used up"
    assert m.LimitErrorMessages.RATE_EXCEEDED(rate=1.5, retry_after=2) == (
        "Rate 1.5 per second exceeded; retry in 2 s"
    )


def test_a_catalog_without_parameters_has_no_formatting(sample_files: dict[str, str]) -> None:
    module = sample_files["python/sample_codes.py"]
    assert "format_message" not in module and "Messages" not in module


GOOD = """
from quota_codes import ApiError, ApiErrorMessages, LimitErrorMessages, format_message

texts: list[str] = [
    ApiErrorMessages.QUOTA_EXCEEDED(quota=500),
    ApiErrorMessages.FIELD_TOO_LONG(field="name", max=5, lang="ja"),
    LimitErrorMessages.RATE_EXCEEDED(rate=2, retry_after=30, lang="de"),
    LimitErrorMessages.RATE_EXCEEDED(rate=2.5, retry_after=30),
    ApiErrorMessages.SUCCESS(),
    LimitErrorMessages.TRY_LATER(lang="ja"),
    format_message(ApiError.lookup(4001) or ApiError.SUCCESS, {"quota": 1}),
    format_message(ApiError.SUCCESS),
]
print(texts[0])
"""
# Each bad call, and what mypy says of it.
WHERE = 'for "QUOTA_EXCEEDED" of "ApiErrorMessages"'
BAD = {
    "missing": ("ApiErrorMessages.QUOTA_EXCEEDED()", f'Missing named argument "quota" {WHERE}'),
    "misspelled": (
        "ApiErrorMessages.QUOTA_EXCEEDED(quoat=500)",
        f'Unexpected keyword argument "quoat" {WHERE}',
    ),
    "wrong_type": (
        'ApiErrorMessages.QUOTA_EXCEEDED(quota="500")',
        (
            'Argument "quota" to "QUOTA_EXCEEDED" of "ApiErrorMessages" has incompatible type '
            '"str"; expected "int"'
        ),
    ),
}


@pytest.fixture(scope="module")
def mypy_output(source: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """mypy --strict over a correct program and one per bad call, in one run."""
    folder = tmp_path_factory.mktemp("mypy")
    (folder / "quota_codes.py").write_text(source, encoding="utf-8")
    (folder / "good.py").write_text(GOOD, encoding="utf-8")
    for name, (call, _) in BAD.items():
        text = f"from quota_codes import ApiErrorMessages\n\n{call}\n"
        (folder / f"{name}.py").write_text(text, encoding="utf-8")
    files = ["quota_codes.py", "good.py", *(f"{name}.py" for name in BAD)]
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *files]
    done = subprocess.run(mypy, cwd=folder, capture_output=True, text=True, check=False)
    ran = subprocess.run(
        [sys.executable, "good.py"], cwd=folder, capture_output=True, text=True, check=True
    )
    assert ran.stdout == "The storage quota of 500 MB is used up\n"
    return done.stdout


def test_mypy_strict_accepts_the_module_and_a_program_formatting_correctly(
    mypy_output: str,
) -> None:
    assert not [
        line for line in mypy_output.splitlines() if line.startswith(("good.py", "quota_codes"))
    ], mypy_output


@pytest.mark.parametrize("name", list(BAD))
def test_mypy_strict_rejects_a_bad_call_saying_why(mypy_output: str, name: str) -> None:
    errors = [line for line in mypy_output.splitlines() if line.startswith(f"{name}.py:3:")]
    assert errors and BAD[name][1] in errors[0], mypy_output


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("ApiError", "is a name the Python module uses in its formatter"),
        ("_format", "is a name the Python module uses in its formatter"),
        ("class", "cannot be a Python name"),
    ],
)
def test_a_parameter_may_not_hide_a_name_the_formatter_uses(name: str, problem: str) -> None:
    """Checked when rendering too: a name is written into the module unquoted."""
    catalog = load_catalog(PARAMETERS)
    api = catalog.code_sets[0]
    quota = api.codes[1]
    renamed = replace(quota, parameters=(replace(quota.parameters[0], name=name),))
    codes = (api.codes[0], renamed, *api.codes[2:])
    broken = replace(catalog, code_sets=(replace(api, codes=codes), *catalog.code_sets[1:]))
    with pytest.raises(
        SpecError, match=f"{re.escape(name)}.* of ApiError.QUOTA_EXCEEDED {problem}"
    ):
        python_module(broken)
