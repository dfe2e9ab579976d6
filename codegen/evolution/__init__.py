"""The catalog across git refs: what changed since a revision, and what breaks its clients.

:mod:`.gitref` reads the catalog as it was at a ref (:mod:`.moved` finds it there when it
moved since), :mod:`.revision` keeps what generated code exposes of it, :mod:`.diff` finds the :mod:`.changes` between two revisions,
:mod:`.breaking` says which break consumers and what to do instead, :mod:`.comparison` puts
the working tree against a ref, and :mod:`.report` words it. Reading a catalog imports
ruamel.yaml, so the comparison and its report are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.evolution.breaking import Verdict, verdict
    from codegen.evolution.changes import Change, ChangeKind
    from codegen.evolution.comparison import Comparison, compare_with_ref, location
    from codegen.evolution.gitref import Base, UnknownRef, read_base
    from codegen.evolution.report import check_lines, formatted
    from codegen.evolution.revision import Revision

__all__ = [
    "Base",
    "Change",
    "ChangeKind",
    "Comparison",
    "Revision",
    "UnknownRef",
    "Verdict",
    "check_lines",
    "compare_with_ref",
    "formatted",
    "location",
    "read_base",
    "verdict",
]
__getattr__ = lazy(
    __name__,
    {
        "Verdict": ".breaking",
        "verdict": ".breaking",
        "Change": ".changes",
        "ChangeKind": ".changes",
        "Base": ".gitref",
        "UnknownRef": ".gitref",
        "read_base": ".gitref",
        "Revision": ".revision",
        "Comparison": ".comparison",
        "compare_with_ref": ".comparison",
        "location": ".comparison",
        "check_lines": ".report",
        "formatted": ".report",
    },
)
