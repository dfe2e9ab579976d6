"""codegen's per-user cache of compiled code: Jinja's templates and the catalog schema's
validator, kept between runs as Python keeps ``__pycache__``.

The folder is ``codegen-JINJAVERSION-CODEHASH`` inside Jinja's own per-user cache folder (under the
system's temporary folder; Jinja creates it closed to other users and refuses it when it is
a link or someone else's). It is never inside a project, so no file a repository holds is
ever loaded as compiled code. Nothing here is required: a folder that cannot be used, or an
entry that cannot be read, only costs compiling again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType

from codegen.writing import write_atomic


@functools.cache
def folder() -> Path | None:
    """The cache folder, created when missing; None when it cannot be used."""
    from jinja2 import __version__ as jinja_version
    from jinja2.bccache import FileSystemBytecodeCache

    from codegen.manifest import source_hash

    # Jinja looks compiled templates up by name, file and source only, not by the settings
    # of the environment that compiled them: the folder changes with codegen's own code.
    name = f"codegen-{jinja_version}-{source_hash()[:16]}"
    try:
        found = Path(FileSystemBytecodeCache().directory) / name
        found.mkdir(mode=0o700, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: Jinja found its folder unsafe
        return None
    return found


def compiled(key: str, produce: Callable[[], CodeType]) -> CodeType:
    """``produce()``, a code object, from the cache when it holds it under ``key`` for this
    Python (marshalled code is specific to the interpreter's version)."""
    base = folder()
    if base is None:
        return produce()
    tag = f"{sys.implementation.cache_tag}\0{key}".encode()
    path = base / f"{hashlib.sha256(tag).hexdigest()}.code"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        code = marshal.loads(path.read_bytes())
        if isinstance(code, CodeType):
            return code
    code = produce()
    with contextlib.suppress(OSError):
        write_atomic(path, marshal.dumps(code))
    return code
