"""What the JSON Schema and OpenAPI templates lay out, decided in Python: whether a code
set's schema is open or closed, and the error response of the catalog's envelope.

Registered as Jinja filters in :mod:`codegen.render.environment`; docs/configuration.md describes
the option ``code_sets`` and the envelopes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from codegen.catalog.model import (
    PARAMS_FIELD,
    Catalog,
    Code,
    CodeSet,
    Envelope,
    ResponseEnvelope,
)
from codegen.errors import InputError, SpecError
from codegen.render.targets import CODE_SETS
from codegen.render.views.links import code_anchor


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


HEADER_SCHEMA = "ResponseHeader"
ERROR_SCHEMA = "ErrorResponse"
JSON = "application/json"
PROBLEM_JSON = "application/problem+json"  # RFC 9457, section 3


@dataclass(frozen=True)
class ResponseView:
    """The error response of ``catalog.response``, as the templates lay it out.

    ``envelope`` is the shape of an error body (docs/configuration.md, Error responses):
    ``header`` ``{"header": {success_field, code_field, message_field}}`` with the
    schema ``header_schema`` for the header; ``flat`` ``{code_field, message_field}``;
    ``nested`` ``{error_field: {code_field, message_field}}``; ``problem``, an RFC 9457
    problem details object whose extension member ``code_field`` holds the code and whose
    ``message_field`` is ``title`` (with a ``problem_type``) or ``detail`` (without).
    ``error_codes`` get one example each (not a removed code: the API no longer sends
    it); ``success_codes`` (those whose success flag is true; none without a flag) never
    appear in an error body. ``params_field`` is the member beside the code that holds
    the arguments of a message with parameters (only a catalog with parameters has it).
    """

    code_set: CodeSet
    success_field: str
    code_field: str
    message_field: str
    success_codes: tuple[Code, ...]
    error_codes: tuple[Code, ...]
    header_schema: str = HEADER_SCHEMA
    error_schema: str = ERROR_SCHEMA
    envelope: Envelope = "header"
    error_field: str = ""
    problem_type: str = ""
    media_type: str = JSON
    params_field: str = PARAMS_FIELD

    def type_uri(self, code: Code) -> str:
        """The problem type of ``code`` (RFC 9457, section 3.1.1): ``problem_type`` with
        ``{code}`` replaced by the code, percent-encoded (RFC 3986, section 2.1) so that
        any code makes a valid URI, and ``{anchor}`` by the code's anchor in the docs
        (:func:`codegen.render.views.links.code_anchor`); ``""`` without a ``problem_type``."""
        value = quote(str(code.value), safe="")
        anchor = code_anchor(self.code_set.name, code.value)
        return self.problem_type.replace("{code}", value).replace("{anchor}", anchor)


def response_view(catalog: Catalog) -> ResponseView | None:
    """The error response of ``catalog.response``, or None when the catalog has none.
    Fails when the response names no code set or flag of the catalog, when a code set
    takes a schema's name, or when no code is left for an error (or, in the header
    envelope, for success)."""
    response = catalog.response
    if response is None:
        return None
    code_set = catalog.code_set(response.code_set)
    if code_set is None:
        raise SpecError(
            f"response names {response.code_set}, which is not a code set", catalog.path
        )
    for name in (HEADER_SCHEMA, ERROR_SCHEMA):
        if catalog.code_set(name):
            raise SpecError(
                f"a code set may not be named {name}: the response schema is", catalog.path
            )
    success = _success_codes(catalog, code_set, response)
    errors = tuple(c for c in code_set.current_codes if c not in success)
    if not errors:
        raise SpecError(
            f"every code of {code_set.name} is a success code or removed: an error response "
            "needs an error code",
            catalog.path,
            code_set.line,
        )
    message_field = response.message_field
    if response.envelope == "problem":
        message_field = "title" if response.problem_type else "detail"
    if catalog.has_parameters:
        _check_params_field(catalog, response, message_field)
    return ResponseView(
        code_set,
        response.success_field,
        response.code_field,
        message_field,
        success,
        errors,
        envelope=response.envelope,
        error_field=response.error_field,
        problem_type=response.problem_type,
        media_type=PROBLEM_JSON if response.envelope == "problem" else JSON,
        params_field=response.params_field,
    )


def _check_params_field(catalog: Catalog, response: ResponseEnvelope, message_field: str) -> None:
    """The member holding the parameters is none of the envelope's others (``validate``
    says so at its key: :mod:`codegen.catalog.rules.response`)."""
    taken = {response.success_field, response.code_field, message_field, response.error_field}
    if response.envelope == "problem":
        taken.update(("type", "title", "status", "detail", "instance"))
    if response.params_field in taken:
        raise SpecError(
            f"response fields.params '{response.params_field}' is another member of the "
            f"{response.envelope} envelope: choose another name, like params",
            catalog.path,
        )


def _success_codes(
    catalog: Catalog, code_set: CodeSet, response: ResponseEnvelope
) -> tuple[Code, ...]:
    """The codes whose success flag is true: at least one in the header envelope, whose
    success field is tied to them; none without a flag."""
    if not response.success_flag and response.envelope != "header":
        return ()
    flag = code_set.attribute(response.success_flag)
    if flag is None or flag.kind != "flag":
        raise SpecError(
            f"response names {response.code_set}.{response.success_flag}, which is not a "
            "flag attribute of a code set",
            catalog.path,
        )
    success = tuple(c for c in code_set.codes if c.attr(flag.key) is True)
    if not success and response.envelope == "header":
        raise SpecError(
            f"no code of {code_set.name} has {flag.key}: true", catalog.path, code_set.line
        )
    return success
