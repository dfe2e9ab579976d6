"""Reading a file as it was at a git ref: the catalog ``codegen diff`` and ``check
--breaking-against`` compare the working tree's with.

Everything goes through the ``git`` command (``git rev-parse``, ``git merge-base``, ``git
cat-file``), run in the catalog's folder, so a command works from any folder of the
repository and sees what ``git show REF:path`` would; git dies with codegen, even by
``kill -9`` (:mod:`codegen.children`). Every failure a user can cause (no
git, not a repository, an unknown ref) is one :class:`~codegen.errors.InputError` line.
History is as untrusted as the tree: a blob is read only after ``git cat-file -s`` said it
is within the reader's limit, so a huge catalog committed once (it compresses to almost
nothing in ``.git``) costs nothing to refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen.errors import InputError
from codegen.evolution.gitcmd import git as _git
from codegen.evolution.gitcmd import out as _out
from codegen.evolution.moved import base_catalog

# The branches whose merge base with HEAD is the default base, in order: the remote's
# default branch (set by ``git clone``), else a local main or master.
DEFAULT_BRANCHES = ("origin/HEAD", "main", "master")


class UnknownRef(InputError):
    """A ref that names no commit of the repository."""


@dataclass(frozen=True)
class Base:
    """The revision a diff starts from.

    ``ref`` is the ref the user gave (None for the default base), ``name`` how messages
    name the base (the ref, or how the default was found: ``merge base of HEAD and
    origin/HEAD``), ``commit`` its full hash, ``path`` the file's path from the
    repository root (``/``-separated) and ``data`` the file's bytes at that commit, or
    None when the file did not exist there. ``moved`` is how ``path`` was found when it is
    not the working tree's path (``"configuration"``: the base's configuration names it,
    ``"rename"``: git pairs it with the working tree's), else ``""``
    (:mod:`codegen.evolution.moved`)."""

    ref: str | None
    name: str
    commit: str
    path: str
    data: bytes | None
    moved: str = ""

    @property
    def short(self) -> str:
        return self.commit[:12]


def repository_root(file: Path, shown: str) -> Path:
    """The root of the git work tree holding ``file`` (resolved, absolute); InputError,
    naming ``shown``, when it is in none."""
    folder = file.resolve().parent
    while not folder.is_dir():  # the catalog's folder may not exist yet
        folder = folder.parent
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0 or not _out(done):
        raise InputError(
            "not in a git repository, so there is no revision to compare with: run this in a "
            "clone (or git init and commit the catalog first)",
            shown,
        )
    return Path(_out(done)).resolve()


def commit_of(root: Path, ref: str) -> str:
    """The full hash of the commit ``ref`` names; InputError for an unknown ref."""
    done = (
        None
        if ref.startswith("-")
        else _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    )
    if done is None or done.returncode != 0:
        raise UnknownRef(
            f"unknown git ref {ref!r}: give a branch, tag or commit of this repository (a CI "
            "checkout may need the branch fetched: git fetch origin, or fetch-depth: 0)"
        )
    return _out(done)


def default_base(root: Path) -> tuple[str, str]:
    """``(description, commit)`` of the default base: the merge base of HEAD and the first of
    :data:`DEFAULT_BRANCHES` that exists, else HEAD itself."""
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode != 0:
        raise UnknownRef(
            "the repository has no commit yet, so there is no revision to compare with: "
            "commit the catalog first, or name a ref"
        )
    for branch in DEFAULT_BRANCHES:
        found = _git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}")
        if found.returncode != 0:
            continue
        merge_base = _git(root, "merge-base", "HEAD", branch)
        if merge_base.returncode == 0:
            return f"merge base of HEAD and {branch}", _out(merge_base)
    return "HEAD", commit_of(root, "HEAD")


def _is_link(root: Path, commit: str, relative: str) -> bool:
    """Whether ``relative`` (from the repository root) is a symbolic link in ``commit``."""
    listed = _git(
        root, "--literal-pathspecs", "ls-tree", "-z", "--full-tree", commit, "--", relative
    )
    for entry in listed.stdout.split(b"\0"):
        mode, _, path = entry.partition(b"\t")
        if path.decode("utf-8", "surrogateescape") == relative:
            return mode.startswith(b"120000 ")
    return False


def _folders(root: Path, *starts: Path) -> list[str]:
    """The folders from each of ``starts`` up to ``root`` (``/``-separated paths from the
    root, ``""`` the root itself), deepest first; a start outside the root adds none."""
    found: list[str] = []
    for start in starts:
        try:
            parts = start.resolve().relative_to(root).parts
        except ValueError:
            continue
        found += ["/".join(parts[:end]) for end in range(len(parts), -1, -1)]
    return list(dict.fromkeys(found))


def read_base(
    file: Path,
    shown: str,
    ref: str | None,
    limit: int,
    too_large: str,
    config: Path | None = None,
    follow: bool = False,
) -> Base:
    """The file ``file`` (a path usable from the working directory) at ``ref``, or at the
    default base when ``ref`` is None. Its path in the repository is computed from the
    repository root, so it works from any folder of the repository. When that path is not
    in the base, or ``follow`` (the path came from the configuration, not the command
    line), the catalog the base's configuration (or git's rename detection) names is read
    instead (:func:`codegen.evolution.moved.base_catalog`; ``config`` is the working tree's
    configuration file, None for none); data None only when the base has neither a
    configuration nor a catalog. A blob larger than ``limit`` bytes is never read:
    InputError ``too_large`` at ``REF:path``; InputError too when the base has a
    configuration but not its catalog."""
    root = repository_root(file, shown)
    try:
        relative = file.resolve().relative_to(root).as_posix()
    except ValueError:  # pragma: no cover - the root was found from the file's own folder
        raise InputError("is not inside its git repository's work tree", shown) from None
    if ref is None:
        described, commit = default_base(root)
    else:
        described, commit = ref, commit_of(root, ref)
    config_path = None
    if config is not None and config.resolve().is_relative_to(root):
        config_path = config.resolve().relative_to(root).as_posix()
    starts = (Path.cwd(), *(() if config is None else (config.parent,)))
    label, folders = ref or commit[:12], _folders(root, *starts)
    found = base_catalog(root, commit, label, relative, folders, config_path, follow)
    if found is None:
        return Base(ref, described, commit, relative, None)
    relative, moved = found
    where = f"{commit}:{relative}"
    size = _git(root, "cat-file", "-s", where)
    if int(_out(size)) > limit:
        raise InputError(too_large, f"{ref or commit[:12]}:{relative}")
    if _is_link(root, commit, relative):  # its blob is the link's target path, not a catalog
        raise InputError(
            "is a symbolic link at this revision, and codegen follows no link in history: "
            "compare with a revision where the catalog is a file",
            f"{ref or commit[:12]}:{relative}",
        )
    blob = _git(root, "cat-file", "blob", where)
    return Base(ref, described, commit, relative, blob.stdout, moved)
