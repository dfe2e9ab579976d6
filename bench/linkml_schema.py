"""The same catalog as a LinkML schema, so LinkML's generators can be timed on the same data.

One enum per code set, one permissible value per code: its text is the code, its
description the source-language message and its title the message in the next language.
"""

from __future__ import annotations

from typing import Any

from bench.documents import Data, to_yaml


def linkml_schema(catalog: Data) -> dict[str, Any]:
    """A LinkML schema (as plain data) with the catalog's code sets as enums."""
    source = catalog["source_language"]
    other = next((lang for lang in catalog.get("languages", []) if lang != source), None)
    module = catalog["curated"]["module"]
    enums: dict[str, Any] = {}
    for code_set in catalog["code_sets"]:
        values: dict[str, Any] = {}
        for code in code_set["codes"]:
            value = {"description": code["message"][source]}
            if other and code["message"].get(other):
                value["title"] = code["message"][other]
            values[str(code["code"])] = value
        enums[code_set["curated"]["name"]] = {
            "description": code_set["title"].get(source, ""),
            "permissible_values": values,
        }
    return {
        "id": f"https://example.org/{module}",
        "name": module,
        "title": catalog.get("title", {}).get(source, module),
        "prefixes": {
            "linkml": "https://w3id.org/linkml/",
            module: f"https://example.org/{module}/",
        },
        "default_prefix": module,
        "default_range": "string",
        "imports": ["linkml:types"],
        "enums": enums,
    }


def linkml_schema_yaml(catalog: Data) -> str:
    return to_yaml(linkml_schema(catalog))
