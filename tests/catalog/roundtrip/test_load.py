"""roundtrip.load parses once and gives what it gave when it composed twice (the tree, its
text when written again, and every refusal with its position)."""

from __future__ import annotations

from typing import Any

import pytest
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from bench import synth
from codegen.catalog.roundtrip import tree as roundtrip
from codegen.catalog.roundtrip.dialect import dump_with_ruamel, round_trip_yaml
from codegen.errors import SpecError
from codegen.files import decode_utf8
from tests.support.paths import REPO


def _former_load(data: bytes, path: str) -> Any:
    """roundtrip.load as it was (1aa55c4): composed to check the tags, then loaded."""
    text = decode_utf8(data, path, "save the catalog as UTF-8")
    try:
        node = round_trip_yaml().compose(text)
        if node is None:
            return None
        try:
            roundtrip._check_tags(node)
        except roundtrip._TagRefused as refused:
            raise SpecError(
                f'tag "{refused.tag}" is not allowed; the catalog holds only plain YAML '
                "(mappings, lists, text, numbers, true/false, null): remove the tag",
                path,
                refused.node.start_mark.line + 1,
                refused.node.start_mark.column + 1,
            ) from None
        root: Any = round_trip_yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise SpecError(f"not valid YAML: {error.problem}; fix the catalog", path, line, column)
    except YAMLError as error:
        raise SpecError(f"not valid YAML: {error}; fix the catalog", path) from None
    roundtrip._check_shape(root, path)
    return root


def _outcome(load: Any, text: str) -> Any:
    try:
        root = load(text.encode("utf-8"), "codes.yaml")
    except SpecError as error:
        return ("error", str(error))
    except Exception as error:  # noqa: BLE001 - the same unexpected error both ways
        return ("raised", type(error).__name__, str(error))
    if root is None:
        return None
    return (repr(root), dump_with_ruamel(root))


GOOD = "format: 1\nsource_language: ja\nlanguages: [ja]\ncode_sets: []\n"
TEXTS = [
    (REPO / "spec" / "codes.yaml").read_text(encoding="utf-8"),
    synth.catalog_yaml(synth.build_catalog(148)),
    (REPO / "tests" / "import_cases" / "tagged_catalog.yaml").read_text(encoding="utf-8"),
    "",
    "# only a comment\n",
    GOOD,
    "# top\n" + GOOD.replace("languages:", "# before languages\nlanguages:  # eol\n"),
    GOOD + "title: !!str 12\n",
    GOOD + "title: !custom x\n",
    "%YAML 1.1\n---\n" + GOOD + "n: 010\n",
    GOOD + "a: &x {ja: 1}\nb: *x\n",
    GOOD + "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
    GOOD + "format: 2\n",
    GOOD + "a: [1, 2\n",
    GOOD + "\tbad: tab\n",
    "- a\n- b\n",
    "format: 1\nsource_language: ja\nlanguages: ja\ncode_sets: []\n",
    GOOD.replace("code_sets: []", "code_sets:\n  - codes:\n      - message: {ja: x}\n"),
    "--- a\n--- b\n",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_load_gives_what_composing_twice_gave(text: str) -> None:
    assert _outcome(roundtrip.load, text) == _outcome(_former_load, text)
