"""Derived names in the round-trip tree: found in the file's order, and accepted with every
comment of the catalog kept where it reads the same."""

from __future__ import annotations

from codegen.catalog import roundtrip

HEAD = "format: 1\nsource_language: en\nlanguages: [en]\ncode_sets:\n"


def _accepted(body: str) -> str:
    root = roundtrip.load((HEAD + body).encode(), "c.yaml")
    assert root is not None
    roundtrip.accept_derived(roundtrip.find_derived(root))
    return roundtrip.dump(root).removeprefix(HEAD)


def test_derived_names_are_found_with_their_set_and_position() -> None:
    body = """\
  - attributes:
      - key: service
        values:
          - label: {en: Send}
            curated: {name: SEND, derived: true}
    curated:
      name: Results
      derived: true
    codes:
      - code: 1
        curated: {name: OK}
      - code: -2
        curated: {name: BAD, derived: true}
  - curated: {name: Other}
    codes:
      - code: 3
        curated: {name: THREE, derived: true}
"""
    root = roundtrip.load((HEAD + body).encode(), "c.yaml")
    assert root is not None
    found = [(d.name, d.set_name, d.what, d.line, d.column) for d in roundtrip.find_derived(root)]
    assert found == [
        ("SEND", "Results", "a value of attribute 'service'", 9, 29),
        ("Results", "Results", "code set", 11, 13),
        ("BAD", "Results", "code -2", 17, 25),
        ("THREE", "Other", "code 3", 21, 25),
    ]
    assert [d.name for d in roundtrip.find_derived(root, "Other")] == ["THREE"]
    assert roundtrip.find_derived(root, "Nope") == []


def test_a_comment_after_the_mark_moves_to_the_line_before() -> None:
    body = """\
  - curated:
      name: Results
      derived: true  # from the title
    # the codes
    codes:
      - code: 1
        curated:
          name: ONE  # one
          derived: true  # from the message
          # checked by nobody yet
        message: {en: 'One'}
"""
    assert (
        _accepted(body)
        == """\
  - curated:
      name: Results  # from the title
    # the codes
    codes:
      - code: 1
        curated:
          name: ONE  # one
          # from the message
          # checked by nobody yet
        message: {en: 'One'}
"""
    )


def test_a_comment_after_a_flow_mapping_keeps_its_distance() -> None:
    body = """\
  - curated: {name: Results}
    codes:
      - code: 1
        curated: {name: ONE, derived: true}  # cut
"""
    assert (
        _accepted(body)
        == """\
  - curated: {name: Results}
    codes:
      - code: 1
        curated: {name: ONE}  # cut
"""
    )


def test_a_mark_first_in_its_block_or_after_a_list_keeps_its_comment() -> None:
    body = """\
  - curated:
      derived: true  # first
      name: Results
    codes:
      - code: 1
        curated:
          name: ONE
          aliases:
            - UNO
          derived: true  # after the aliases
"""
    assert (
        _accepted(body)
        == """\
  - curated:  # first
      name: Results
    codes:
      - code: 1
        curated:
          name: ONE
          aliases:
            - UNO  # after the aliases
"""
    )


def test_a_catalog_without_comments_loses_only_the_marks() -> None:
    body = """\
  - curated:
      name: Results
      derived: true
    codes:
      - code: 1
        curated: {name: ONE, derived: true}
"""
    expected = body.replace("      derived: true\n", "").replace(", derived: true}", "}")
    assert _accepted(body) == expected


def test_a_parameters_derived_name_is_found_and_accepted() -> None:
    body = """\
  - curated: {name: Results}
    codes:
      - code: 1
        curated:
          name: QUOTA
          derived: true
          parameters:
            - {name: arg0, type: integer, placeholder: 0, derived: true}
            - {name: field, type: string, placeholder: field}
"""
    root = roundtrip.load((HEAD + body).encode(), "c.yaml")
    assert root is not None
    found = [(d.name, d.what, d.line, d.column) for d in roundtrip.find_derived(root)]
    assert found == [
        ("QUOTA", "code 1", 9, 17),
        ("arg0", "a parameter of code 1", 12, 22),
    ]
    assert _accepted(body) == body.replace("          derived: true\n", "").replace(
        ", derived: true}", "}"
    )
