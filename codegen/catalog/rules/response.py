"""The rules of ``curated.response`` a JSON Schema cannot express: the code set and flag
it names exist, the fields belong to the envelope and differ, and a problem details
envelope keeps to RFC 9457.

The envelopes and their members are described in docs/configuration.md (Error responses);
their default member names are :data:`codegen.catalog.model.ENVELOPE_FIELDS`.
"""

from __future__ import annotations

import re
from typing import Any

from codegen.catalog.model import ENVELOPE_FIELDS, ENVELOPES, PARAMS_FIELD
from codegen.catalog.plain import NodePath
from codegen.catalog.rules.context import Context, dicts, mapping

# The members RFC 9457 (section 3.1) defines for every problem details object.
PROBLEM_MEMBERS = ("type", "title", "status", "detail", "instance")
_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_MESSAGE_PLACE = {
    "problem": "; the message is the title, or the detail without problem_type",
}
_COUNTS = {2: "two", 3: "three"}


def check_response(context: Context, response: dict[Any, Any]) -> None:
    """The response names an existing code set and one of its flags; its fields are the
    envelope's own and distinct; ``problem_type`` only with problem details."""
    path: NodePath = ("curated", "response")
    envelope = response.get("envelope", "header")
    if not response or envelope not in ENVELOPES:
        return  # no response, or one the schema reports
    sets: dict[str, dict[Any, Any]] = {}
    for _, code_set in dicts(context.data.get("code_sets")):
        if isinstance(name := mapping(code_set.get("curated")).get("name"), str):
            sets.setdefault(name, code_set)  # a duplicate name is reported on its own
    set_name = response.get("code_set")
    if isinstance(set_name, str) and set_name not in sets:
        options = ", ".join(sets) or "(none)"
        message = f"response code_set '{set_name}' is not a code set: use one of {options}"
        context.add(path + ("code_set",), message)
    flag = response.get("success_flag")
    if isinstance(set_name, str) and set_name in sets and isinstance(flag, str):
        attributes = dicts(sets[set_name].get("attributes"))
        flags = [str(a.get("key")) for _, a in attributes if a.get("kind") == "flag"]
        if flag not in flags:
            fix = f"use one of {', '.join(flags)}" if flags else f"{set_name} has no flag attribute"
            message = f"response success_flag '{flag}' is not a flag attribute of {set_name}: {fix}"
            context.add(path + ("success_flag",), message)
    if envelope == "header" and "success_flag" not in response:
        message = (
            "the header envelope needs success_flag, the flag attribute that marks the "
            "success code(s): add it, or choose envelope flat, nested or problem"
        )
        context.add(path, message)
    _check_fields(context, path, envelope, mapping(response.get("fields")))
    _check_problem_type(context, path, envelope, response.get("problem_type"))


def _check_fields(context: Context, path: NodePath, envelope: str, fields: dict[Any, Any]) -> None:
    """Only the envelope's members, distinct within one object, none named like a member
    of problem details."""
    own = list(ENVELOPE_FIELDS[envelope])  # type: ignore[index]
    for key in fields:
        if key not in own and key != "params":
            has = " and ".join(own) if len(own) < 3 else ", ".join(own[:-1]) + " and " + own[-1]
            message = (
                f"fields.{key} is not a member of the {envelope} envelope: remove it "
                f"(the {envelope} envelope has {has}{_MESSAGE_PLACE.get(envelope, '')})"
            )
            context.add(path + ("fields", key), message, at_key=True)
    together = [key for key in own if key != "error"]  # error holds the others
    names = {**ENVELOPE_FIELDS[envelope], **fields}  # type: ignore[index]
    values = [names[key] for key in together if isinstance(names.get(key), str)]
    if len(together) > 1 and len(set(values)) < len(values):
        listed = ", ".join(together[:-1]) + " and " + together[-1]
        message = f"the response fields {listed} need {_COUNTS[len(together)]} different names"
        context.add(path + ("fields",), message)
    if _has_parameters(context.data):
        _check_params_field(context, path, envelope, fields)
    code = fields.get("code")
    if envelope == "problem" and code in PROBLEM_MEMBERS:
        message = (
            f"fields.code '{code}' is a member RFC 9457 defines ({', '.join(PROBLEM_MEMBERS)}): "
            "choose another name, like code"
        )
        context.add(path + ("fields", "code"), message)


def _has_parameters(data: dict[Any, Any]) -> bool:
    """Whether some code records parameters (``curated.parameters``): only then does an
    error body carry them, in the member ``fields.params``."""
    return any(
        mapping(code.get("curated")).get("parameters")
        for _, code_set in dicts(data.get("code_sets"))
        for _, code in dicts(code_set.get("codes"))
    )


def _check_params_field(
    context: Context, path: NodePath, envelope: str, fields: dict[Any, Any]
) -> None:
    """``fields.params`` (every envelope has it, ``params`` by default) is none of the
    envelope's other members, nor in problem details a member RFC 9457 defines."""
    params = fields.get("params", PARAMS_FIELD)
    if not isinstance(params, str):
        return  # the schema reports it
    names = {**ENVELOPE_FIELDS[envelope], **fields}  # type: ignore[index]
    others = {str(value) for key, value in names.items() if key != "params"}
    if envelope == "problem":
        others.update(PROBLEM_MEMBERS)
    if params in others:
        message = (
            f"fields.params '{params}' is the name of another member of the {envelope} "
            "envelope, and an error body carries the parameters of a message in it: "
            "choose another name, like params"
        )
        at = ("fields", "params") if "params" in fields else ("fields",)
        context.add(path + at, message)


def _check_problem_type(context: Context, path: NodePath, envelope: str, uri: object) -> None:
    if not isinstance(uri, str):
        return  # absent, or the schema reports it
    if envelope != "problem":
        message = "problem_type is only for envelope problem: remove it, or set envelope: problem"
        context.add(path + ("problem_type",), message)
    elif not ("{code}" in uri or "{anchor}" in uri) or not _ABSOLUTE_URI.fullmatch(uri):
        message = (
            "problem_type must be an absolute URI with {code} (or {anchor}) in it, like "
            "https://example.com/problems/{code}: each code is a problem type of its own "
            "(RFC 9457, section 3.1.1)"
        )
        context.add(path + ("problem_type",), message)
