"""The output folder: what a run writes into it, what is there, and whether it is up to date.

:mod:`.plan` is what a run of ``generate`` or ``check`` works from (the configuration, the
hashes of its inputs, then the loaded catalog and the rendered outputs); :mod:`.manifest`
records what the folder was generated from, so an unchanged tree is judged from hashes
alone; :mod:`.folder` writes only what changed, atomically, and tells generated leftovers
from files someone else put there; :mod:`.compare` is ``check``'s verdict and diffs. None of
it imports Jinja, black or ruamel.yaml when imported: only the full path (rendering, loading
the catalog) does, inside the functions that need them, so the fast path stays free of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.output.compare import Report, report_text
    from codegen.output.folder import leftovers, remove
    from codegen.output.manifest import MANIFEST, fast_path_holds
    from codegen.output.plan import Inputs, Plan


__all__ = [
    "MANIFEST",
    "Inputs",
    "Plan",
    "Report",
    "fast_path_holds",
    "leftovers",
    "remove",
    "report_text",
]
__getattr__ = lazy(
    __name__,
    {
        "Report": ".compare",
        "report_text": ".compare",
        "leftovers": ".folder",
        "remove": ".folder",
        "MANIFEST": ".manifest",
        "fast_path_holds": ".manifest",
        "Inputs": ".plan",
        "Plan": ".plan",
    },
)
