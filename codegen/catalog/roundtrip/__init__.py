"""The editable tree ``import`` writes: spec/codes.yaml as a ruamel.yaml round-trip tree,
comments and quoting kept.

:mod:`.tree` reads it safely and edits it; :mod:`.emit` and :mod:`.scalars` write it byte
for byte as ruamel would, fast; :mod:`.dialect` is the one configured ruamel both follow.
Every name here imports ruamel.yaml, so this face loads each on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.catalog.roundtrip.tree import (
        SCHEMA_COMMENT,
        dump,
        flow_map,
        flow_seq,
        load,
        new_catalog,
        put,
        write_atomically,
    )

__all__ = [
    "SCHEMA_COMMENT",
    "dump",
    "flow_map",
    "flow_seq",
    "load",
    "new_catalog",
    "put",
    "write_atomically",
]
__getattr__ = lazy(__name__, dict.fromkeys(__all__, ".tree"))
