"""The project around the catalog: its configuration, its locks, the files ``init`` writes.

:mod:`.config` finds and reads ``[tool.codegen]`` or codegen.toml (its keys and their
checks in :mod:`.keys`, error positions from :mod:`.toml_positions`); :mod:`.locks` lets
one run at a time use a catalog or an output folder; :mod:`.starter` holds the starting
files of a new project.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.project.config import Config, find_config, load_config
    from codegen.project.locks import run_locked
    from codegen.project.starter import module_name, starting_files


__all__ = ["Config", "find_config", "load_config", "module_name", "run_locked", "starting_files"]
__getattr__ = lazy(
    __name__,
    {
        "Config": ".config",
        "find_config": ".config",
        "load_config": ".config",
        "run_locked": ".locks",
        "module_name": ".starter",
        "starting_files": ".starter",
    },
)
