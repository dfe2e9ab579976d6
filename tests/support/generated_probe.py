"""What a generated Python module offers a program that vendors it: every code-set class,
with each member's name, value (and its type) and ``message_in(lang)`` per language.

Standard library only, so that it also runs as a script under another interpreter (the
wheel's virtual environment): ``python -I generated_probe.py MODULE.py LANG...`` prints the
snapshot as JSON. The in-process runner calls :func:`snapshot` on a module it imported.
"""

from __future__ import annotations

import enum
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any


def snapshot(module: ModuleType, languages: Sequence[str]) -> dict[str, Any]:
    """``{"classes": {class name: [{"name", "value", "type", "messages": {lang: text}}]}}``
    for every enum of the module whose members have ``message_in`` (the code sets; group
    enums have none)."""
    classes: dict[str, list[dict[str, Any]]] = {}
    for name, value in vars(module).items():
        if not (isinstance(value, type) and issubclass(value, enum.Enum)):
            continue
        if value.__module__ != module.__name__ or not hasattr(value, "message_in"):
            continue
        if name != value.__name__:  # an alias (``AnyCode = Union[OnlySet]`` is the set)
            continue
        code_set: Any = value  # its members have message_in, which Enum does not know
        classes[name] = [
            {
                "name": member.name,
                "value": member.value,
                "type": "integer" if isinstance(member.value, int) else "string",
                "messages": {lang: member.message_in(lang) for lang in languages},
            }
            for member in code_set
        ]
    return {"classes": classes}


def load(path: Path) -> ModuleType:
    """The module at ``path``, imported under its file's stem as a vendoring program would."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def main(argv: Sequence[str]) -> int:
    module = load(Path(argv[0]))
    json.dump(snapshot(module, argv[1:]), sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
