"""Templates read from a folder as every file codegen reads: bounded, and inside the folder.

:class:`FolderLoader` is Jinja's ``FileSystemLoader`` with its one read replaced by
:func:`codegen.files.read_limited`: a template (or a file it includes, imports or extends)
is a regular file of at most :data:`~codegen.limits.MAX_TEMPLATE_BYTES`, and a symbolic
link in the template folder may point only to another file of that folder. So a committed
``templates/_e.j2 -> /proc/self/environ``, ``{% include %}``-d by a template, is refused
(:class:`~codegen.files.RefusedFile`, one line naming the template) instead of printing the
CI's environment in check's diff, and ``-> /dev/zero`` is refused instead of filling memory.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, TemplateNotFound
from jinja2.loaders import split_template_path

from codegen.files import RefusedFile, decode_utf8, read_limited
from codegen.limits import MAX_TEMPLATE_BYTES, MIB


class FolderLoader(FileSystemLoader):
    """Templates from folders (searched in order), each at most
    :data:`~codegen.limits.MAX_TEMPLATE_BYTES` long and, when ``confined`` (a project's
    template folder; codegen's own templates are not the tree's), read within its folder."""

    def __init__(self, searchpath: str | list[str], *, confined: bool = True) -> None:
        super().__init__(searchpath)
        self.confined = confined

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The template's text (UTF-8, newlines made LF as Jinja's own loader makes them),
        its file name and whether it is unchanged. Raises TemplateNotFound, or
        RefusedFile for a file that is not regular, too large or a link out of its folder."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.lexists(filename) and not os.path.isdir(filename):
                break  # a link that leads nowhere, or outside, is refused, not passed over
        else:
            raise TemplateNotFound(template)
        try:
            data = read_limited(
                Path(filename),
                MAX_TEMPLATE_BYTES,
                filename,
                within=Path(folder) if self.confined else None,
                too_large=f"the template is larger than {MAX_TEMPLATE_BYTES // MIB} MiB, the "
                "limit for one template: split it into templates that include each other",
            )
        except FileNotFoundError:
            if os.path.islink(filename):  # the folder has it: never a built-in in its place
                raise RefusedFile(
                    "the template is a symbolic link to nothing: make it a file of the "
                    "template folder, or remove it to use the built-in template",
                    filename,
                ) from None
            raise TemplateNotFound(template) from None
        text = decode_utf8(data, filename, "save the template as UTF-8")
        mtime = os.path.getmtime(filename)

        def unchanged() -> bool:
            try:
                return os.path.getmtime(filename) == mtime
            except OSError:
                return False

        return text.replace("\r\n", "\n").replace("\r", "\n"), os.path.normpath(filename), unchanged
