"""docs/configuration.md names everything a template receives: every filter registered in
the environment and every field of the model, so the reference cannot fall behind."""

from __future__ import annotations

import dataclasses

import pytest

from codegen.catalog import model
from codegen.project.keys import KNOWN_OPTIONS, SECTION_KEYS, TARGET_KEYS
from codegen.render.environment import FILTERS
from codegen.render.targets import FORMATTERS
from tests.support.paths import REPO

DOC = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
MODEL = (
    model.Catalog,
    model.CodeSet,
    model.Code,
    model.Attribute,
    model.GroupValue,
    model.ResponseEnvelope,
)


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_every_filter_is_in_the_template_reference(name: str) -> None:
    assert f"| `{name}` |" in DOC or f"`{name}`, `" in DOC or f", `{name}` |" in DOC


@pytest.mark.parametrize(
    "name",
    [f"{kind.__name__}.{field.name}" for kind in MODEL for field in dataclasses.fields(kind)],
)
def test_every_model_field_is_in_the_template_reference(name: str) -> None:
    kind, field = name.split(".")
    assert f"`{field}`" in _model_section(kind) or f"`{field}:" in _model_section(kind)


def _model_section(kind: str) -> str:
    """The part of the reference about one model class: from its name to the next's."""
    starts = sorted(DOC.index(f"\n`{k.__name__}`") for k in MODEL)
    start = DOC.index(f"\n`{kind}`")
    ends = [s for s in starts if s > start] + [DOC.index("### Filters")]
    return DOC[start : ends[0]]


@pytest.mark.parametrize(
    "key", [*SECTION_KEYS, *TARGET_KEYS, *KNOWN_OPTIONS, *FORMATTERS, "catalog", "lang", "header"]
)
def test_every_key_option_formatter_and_context_name_is_documented(key: str) -> None:
    assert f"| `{key}` |" in DOC or f"| `{key}`, `" in DOC or f", `{key}` |" in DOC
