"""The rules of one code set a JSON Schema cannot express: its texts, its name, its
attributes and their group values; its codes are checked by :mod:`.codes`, the records of
their evolution by :mod:`.records`.
"""

from __future__ import annotations

from typing import Any

from codegen.catalog.naming import (
    PASCAL,
    UPPER_SNAKE,
    attribute_key_problem,
    name_problem,
)
from codegen.catalog.plain import NodePath
from codegen.catalog.rules.codes import check_codes
from codegen.catalog.rules.context import Context, describe_code_set, dicts, mapping
from codegen.catalog.rules.records import check_code_records


def check_code_set(
    context: Context, path: NodePath, code_set: dict[Any, Any], seen_names: dict[Any, NodePath]
) -> None:
    """The texts, name, attributes and codes of one code set."""
    what = describe_code_set(code_set, path[-1])
    for field in ("title", "section", "description"):
        context.check_texts(path + (field,), field)
    for column in ("code", "message"):
        context.check_texts(path + ("columns", column), f"columns.{column}")
    name = mapping(code_set.get("curated")).get("name")
    name_path = path + ("curated", "name")
    context.add(name_path, name_problem(name, PASCAL, what))
    if isinstance(name, str):
        fix = "give each code set its own name"
        context.first_time(seen_names, name, name_path, f"code set name {name}", fix)
    attributes = check_attributes(context, path, code_set)
    check_codes(context, path, code_set, attributes)
    check_code_records(context, path, code_set)


def check_attributes(
    context: Context, path: NodePath, code_set: dict[Any, Any]
) -> dict[str, dict[Any, Any]]:
    """Check the attributes of a set; return the first one of each key, by key."""
    attributes: dict[str, dict[Any, Any]] = {}
    seen_keys: dict[Any, NodePath] = {}
    for index, attribute in dicts(code_set.get("attributes")):
        attr_path = path + ("attributes", index)
        key = attribute.get("key")
        problem = attribute_key_problem(key, code_set.get("code_type"), attribute.get("kind"))
        context.add(attr_path + ("key",), problem)
        context.check_texts(attr_path + ("header",), "header")
        if not isinstance(key, str):
            continue
        fix = "give each attribute its own key"
        if not context.first_time(
            seen_keys, key, attr_path + ("key",), f"attribute key '{key}'", fix
        ):
            continue
        attributes[key] = attribute
        if attribute.get("kind") == "group":
            check_group_values(context, attr_path, key, attribute)
        elif "values" in attribute:
            message = f"attribute '{key}' is not a group: remove its values, or set kind: group"
            context.add(attr_path + ("values",), message, at_key=True)
    return attributes


def check_group_values(
    context: Context, path: NodePath, key: str, attribute: dict[Any, Any]
) -> None:
    """Each value has a source-language label and a name, both unique in the attribute."""
    seen_names: dict[Any, NodePath] = {}
    seen_labels: dict[Any, NodePath] = {}
    for index, value in dicts(attribute.get("values")):
        value_path = path + ("values", index)
        label = mapping(value.get("label")).get(context.source)
        shown = f"'{label}'" if isinstance(label, str) else f"values[{index}]"
        what = f"value {shown} of attribute '{key}'"
        context.check_texts(value_path + ("label",), "label", what)
        name = mapping(value.get("curated")).get("name")
        name_path = value_path + ("curated", "name")
        context.add(name_path, name_problem(name, UPPER_SNAKE, what))
        if isinstance(name, str):
            duplicate = f"value name {name} in attribute '{key}'"
            context.first_time(
                seen_names, name, name_path, duplicate, "give each value its own name"
            )
        if isinstance(label, str):
            label_path = value_path + ("label", context.source)
            duplicate = f"label '{label}' in attribute '{key}'"
            fix = "codes name values by label, so give each value its own"
            context.first_time(seen_labels, label, label_path, duplicate, fix)
