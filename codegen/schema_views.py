"""What the JSON Schema and OpenAPI templates lay out, decided in Python: whether a code
set's schema is open or closed, and the error response of the catalog's envelope.

Registered as Jinja filters in :mod:`codegen.render`; docs/configuration.md describes the
option ``code_sets`` and the envelopes.
"""

from __future__ import annotations

from collections.abc import Mapping

from codegen.errors import InputError

CODE_SETS = ("closed", "open")  # the values of the option code_sets; the first is the default


def open_code_sets(options: Mapping[str, object]) -> bool:
    """Whether the target's option ``code_sets`` (``"closed"`` by default) is ``"open"``.

    A closed code set's schema is a ``oneOf`` of one ``const`` per known code, so a code
    added later fails validation. An open one is an ``anyOf`` of that ``oneOf`` and the
    set's plain type (JSON Schema 2020-12, section 10.2.1.2): the known codes are still
    listed with their names and messages, and any other integer (or string) is accepted.
    """
    value = options.get("code_sets", CODE_SETS[0])
    if value not in CODE_SETS:
        raise InputError(f'option code_sets must be "closed" or "open", not {value!r}')
    return value == "open"
