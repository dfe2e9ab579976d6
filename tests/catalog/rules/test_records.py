"""validate: the records of a catalog's evolution (deprecated codes, removed codes and
former names) are refused where they would break a client, each at its line and column.

Each case edits one spot of tests/catalog/rules/test_sets.BASE (its line numbers are in the comments
there) and expects exactly the listed ``path:line:col: message`` lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog
from tests.catalog.rules.test_sets import edit, problems

REMOVED = "curated: {name: INVALID_APPKEY, removed: {since: '2026-12'}}"
TOMBSTONE_FIX = (
    ": a removed code's value and name are never reused; give the new code another one"
    " (or delete removed: if the API returns the code again)"
)


def test_well_formed_records_are_valid_and_reach_the_model(tmp_path: Path) -> None:
    text = edit(
        ("curated: {name: ApiResultCode}", "curated: {name: ApiResultCode, aliases: [Result]}"),
        ("curated: {name: SUCCESS}", "curated: {name: SUCCESS, aliases: [OK]}"),
        (
            "curated: {name: INVALID_APPKEY}",
            REMOVED.replace("'2026-12'}", "'2026-12', reason: gone}"),
        ),
        (
            "curated: {name: TEMPLATE_ID_MISSING}",
            "curated: {name: TEMPLATE_ID_MISSING, deprecated: {since: v2, use: SUCCESS}}",
        ),
    )
    assert problems(tmp_path, text) == []
    code_set = load_catalog(tmp_path / "codes.yaml").code_sets[0]
    success, appkey, template = code_set.codes
    assert code_set.aliases == ("Result",) and success.aliases == ("OK",)
    assert appkey.removed is not None and appkey.removed.reason == "gone"
    assert template.deprecated is not None and template.deprecated.use == "SUCCESS"
    assert code_set.current_codes == (success, template) and code_set.removed_codes == (appkey,)


USE = "curated: {name: TEMPLATE_ID_MISSING}"
SET = "curated: {name: ApiResultCode}"
SUCCESS = "curated: {name: SUCCESS}"
APPKEY = "curated: {name: INVALID_APPKEY}"
TAKEN = ": an alias may not take a name the generated code gives to something else; drop it"

CASES = {
    "deprecated-and-removed": (
        [(USE, USE[:-1] + ", deprecated: {since: v2}, removed: {since: v3}}")],
        (
            "40:71: code -2100 is both deprecated and removed: keep removed if the API no longer "
            "returns it, deprecated if it still does"
        ),
    ),
    "use-unknown": (
        [(USE, USE[:-1] + ", deprecated: {since: v2, use: NO_SUCH}}")],
        "40:75: deprecated.use NO_SUCH is no code of this set: write the name of a code of the set",
    ),
    "use-itself": (
        [(USE, USE[:-1] + ", deprecated: {since: v2, use: TEMPLATE_ID_MISSING}}")],
        (
            "40:75: deprecated.use names the code itself (TEMPLATE_ID_MISSING): name the code to use "
            "instead"
        ),
    ),
    "use-removed": (
        [(APPKEY, REMOVED), (USE, USE[:-1] + ", deprecated: {since: v2, use: INVALID_APPKEY}}")],
        "40:75: deprecated.use INVALID_APPKEY is a removed code: name a code the API still returns",
    ),
    "alias-is-a-member": (
        [(SUCCESS, "curated: {name: SUCCESS, aliases: [INVALID_APPKEY]}")],
        "30:44: the former name INVALID_APPKEY of code 0 is already the name of a code"
        + TAKEN
        + ", or rename the code",
    ),
    "alias-is-a-removed-member": (
        [(APPKEY, REMOVED), (SUCCESS, "curated: {name: SUCCESS, aliases: [INVALID_APPKEY]}")],
        "30:44: the former name INVALID_APPKEY of code 0 is already the name of a code"
        + TAKEN
        + ", or rename the code",
    ),
    "alias-twice": (
        [
            (SUCCESS, "curated: {name: SUCCESS, aliases: [OLD]}"),
            (APPKEY, "curated: {name: INVALID_APPKEY, aliases: [OLD]}"),
        ],
        "35:51: the former name OLD of code -1000 is already a former name of code 0"
        + TAKEN
        + ", or rename the code",
    ),
    "alias-style": (
        [(SUCCESS, "curated: {name: SUCCESS, aliases: [Ok]}")],
        (
            "30:44: the former name Ok of code 0 has the name 'Ok', which is not UPPER_SNAKE: use "
            "capitals, digits and _, starting with a capital, like INVALID_APPKEY"
        ),
    ),
    "set-alias-is-a-group-enum": (
        [(SET, "curated: {name: ApiResultCode, aliases: [ApiResultCodeService]}")],
        "24:46: the former name ApiResultCodeService of code set ApiResultCode is already the "
        "name of a class of code set ApiResultCode" + TAKEN + ", or rename the code set",
    ),
    "set-alias-is-reserved": (
        [(SET, "curated: {name: ApiResultCode, aliases: [Removal]}")],
        "24:46: the former name Removal of code set ApiResultCode is already a name the "
        "generated module declares" + TAKEN + ", or rename the code set",
    ),
    "set-alias-is-imported": (
        [(SET, "curated: {name: ApiResultCode, aliases: [Optional]}")],
        "24:46: the former name Optional of code set ApiResultCode is already a name the "
        "generated module imports" + TAKEN + ", or rename the code set",
    ),
    "tombstone-value-reused": (
        [(APPKEY, REMOVED), ("code: -2100", "code: -1000")],
        "36:15: duplicate code -1000, the value of the removed code INVALID_APPKEY (first "
        "defined at line 31)" + TOMBSTONE_FIX,
    ),
    "tombstone-name-reused": (
        [(APPKEY, REMOVED), (USE, APPKEY)],
        "40:25: duplicate code name INVALID_APPKEY, the name of a removed code (first defined "
        "at line 35)" + TOMBSTONE_FIX,
    ),
}


@pytest.mark.parametrize(("replacements", "expected"), CASES.values(), ids=CASES.keys())
def test_a_record_that_would_break_a_client_is_refused_at_its_position(
    tmp_path: Path, replacements: list[tuple[str, str]], expected: str
) -> None:
    assert problems(tmp_path, edit(*replacements)) == [f"spec/codes.yaml:{expected}"]


def test_since_is_required_and_a_string(tmp_path: Path) -> None:
    text = edit(
        ("curated: {name: INVALID_APPKEY}", "curated: {name: INVALID_APPKEY, removed: {reason: x}}")
    )
    found = problems(tmp_path, text)
    assert len(found) == 1 and found[0].startswith("spec/codes.yaml:35:") and "since" in found[0]
