"""The checks of a catalog: plain data in, :class:`~codegen.catalog.plain.Problem` s at
node paths out.

:mod:`.size` (too many codes, too long texts) first; then :mod:`.schema` (the JSON Schema,
in words one can act on) and the rules a schema cannot express: :mod:`.catalog` (languages,
class names, and the entry point), :mod:`.sets` (a code set's names, attributes and group
values), :mod:`.codes` (with stale translations), :mod:`.records` (deprecated, removed,
aliases), :mod:`.response` (``curated.response``) and :mod:`.texts` (characters no output
carries exactly). :mod:`.context` is what they share. A new rule goes in the module of the
node it checks.
"""

from __future__ import annotations

from codegen.catalog.rules.catalog import derived_names, rule_problems
from codegen.catalog.rules.codes import stale_translations
from codegen.catalog.rules.schema import schema_problems
from codegen.catalog.rules.size import long_strings, too_many_codes
from codegen.catalog.rules.texts import control_character_problem

__all__ = [
    "control_character_problem",
    "derived_names",
    "long_strings",
    "rule_problems",
    "schema_problems",
    "stale_translations",
    "too_many_codes",
]
