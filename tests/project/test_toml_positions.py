"""Key positions in TOML text: what configuration errors point at, since tomllib gives none."""

from __future__ import annotations

import tomllib

from codegen.project.toml_positions import locate, positions

TEXT = '''\
# a comment with key = "value"
[project]
name = "x"  # "quoted" in a comment
notes = """a
fake = 1 \\""" """
'literal' = 'it"s'

[tool.codegen]
"quoted key" = 1
languages = [
  "en", # one
  "ja",
]
options.docs_base_url = "u"
targets = [{template = "a.j2", output = "x"}, { template = "b.j2", formatter = "f" }]

[[tool.codegen.more]]
template = "a"
[tool.codegen.more.options]
x = 1
[[tool.codegen.more]]
template = "b"
'''
CODEGEN = ("tool", "codegen")


def test_the_text_is_valid_toml() -> None:
    assert tomllib.loads(TEXT)["tool"]["codegen"]["more"][1]["template"] == "b"


def test_keys_tables_and_array_items_are_found_at_their_line_and_column() -> None:
    found = positions(TEXT)
    assert found[("project",)] == (2, 1)
    assert found[("project", "name")] == (3, 1)
    assert found[CODEGEN] == (8, 1)
    assert found[CODEGEN + ("quoted key",)] == (9, 1)
    assert found[CODEGEN + ("languages", 1)] == (12, 3)
    assert found[CODEGEN + ("options", "docs_base_url")] == (14, 1)
    assert found[CODEGEN + ("targets", 1)] == (15, 47)
    assert found[CODEGEN + ("targets", 1, "formatter")] == (15, 68)


def test_strings_and_comments_hide_what_looks_like_keys() -> None:
    found = positions(TEXT)
    assert ("project", "fake") not in found
    assert ("key",) not in found
    assert found[("project", "literal")] == (6, 1)


def test_arrays_of_tables_are_numbered_and_their_subtables_belong_to_the_last() -> None:
    found = positions(TEXT)
    assert found[CODEGEN + ("more", 0)] == (17, 1)
    assert found[CODEGEN + ("more", 0, "options", "x")] == (20, 1)
    assert found[CODEGEN + ("more", 1, "template")] == (22, 1)


def test_a_missing_key_is_located_at_its_nearest_written_parent() -> None:
    found = positions(TEXT)
    assert locate(found, CODEGEN + ("more", 1, "output")) == (21, 1)
    assert locate(found, ("nowhere",)) == (0, 0)
