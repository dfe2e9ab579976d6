"""The catalog, spec/codes.yaml: its model, and reading, checking and editing it.

Four representations, one per job: :mod:`.model`, the frozen dataclasses templates
receive; :mod:`.plain`, the plain data the loaders return and the checks point into;
:mod:`.roundtrip`, the comment-keeping tree ``import`` edits; and, for a diff,
:class:`codegen.evolution.revision.Revision`. Reading is :mod:`.parse` (with its accelerator
:mod:`.libyaml`), checking :mod:`.rules`, both together :mod:`.load`; :mod:`.naming` holds
the naming rules and the language-tag pattern, :mod:`.lookup` finds a code seen on the wire.

Loading imports ruamel.yaml, so :func:`load_catalog` and :func:`validate_catalog` are
imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.catalog.load import load_catalog, validate_catalog
    from codegen.catalog.model import (
        Attribute,
        Catalog,
        Code,
        CodeSet,
        CodeValue,
        Deprecation,
        GroupValue,
        Removal,
        ResponseEnvelope,
        Texts,
    )

__all__ = [
    "Attribute",
    "Catalog",
    "Code",
    "CodeSet",
    "CodeValue",
    "Deprecation",
    "GroupValue",
    "Removal",
    "ResponseEnvelope",
    "Texts",
    "load_catalog",
    "validate_catalog",
]
__getattr__ = lazy(__name__, {"load_catalog": ".load", "validate_catalog": ".load"})
