"""The editable tree ``import`` and ``names`` write: spec/codes.yaml as a ruamel.yaml
round-trip tree, comments and quoting kept.

:mod:`.tree` reads it safely and edits it (:mod:`.fast` builds the tree from libyaml's
events when nothing in the file needs ruamel's slow loader); :mod:`.derived` finds the
names import derived and accepts them; :mod:`.emit` and :mod:`.scalars` write it byte for byte as ruamel would,
fast; :mod:`.dialect` is the one configured ruamel both follow.
Every name here imports ruamel.yaml, so this face loads each on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.catalog.roundtrip.derived import DerivedName, accept_derived, find_derived
    from codegen.catalog.roundtrip.fast import plain_data
    from codegen.catalog.roundtrip.tree import (
        SCHEMA_COMMENT,
        dump,
        flow_map,
        flow_seq,
        load,
        load_fast,
        new_catalog,
        put,
        write_atomically,
    )

__all__ = [
    "SCHEMA_COMMENT",
    "DerivedName",
    "accept_derived",
    "dump",
    "find_derived",
    "flow_map",
    "flow_seq",
    "load",
    "load_fast",
    "new_catalog",
    "plain_data",
    "put",
    "write_atomically",
]
_DERIVED = ("DerivedName", "accept_derived", "find_derived")
_MODULES = {"plain_data": ".fast"}
__getattr__ = lazy(
    __name__,
    {name: ".derived" if name in _DERIVED else _MODULES.get(name, ".tree") for name in __all__},
)
