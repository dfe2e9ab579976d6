"""A git repository under tmp_path holding the sample catalog, for ``codegen diff`` and
``check --breaking-against`` tests: commit it, edit it, run a command in it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from codegen.cli import main
from tests.support.catalogs import SAMPLE

# No user or system git configuration: the tests see the same git everywhere.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


class Repo:
    """A repository at ``root`` on branch main, with the sample as spec/codes.yaml and a
    codegen.toml, committed; commands run with ``root`` (or ``cwd``) as working folder."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        for name, value in GIT_ENV.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(root.parent))
        self.root = root
        self.monkeypatch = monkeypatch
        self.catalog = root / "spec" / "codes.yaml"
        self.catalog.parent.mkdir(parents=True)
        self.catalog.write_bytes(SAMPLE.read_bytes())
        (root / "codegen.toml").write_text('catalog = "spec/codes.yaml"\n', encoding="utf-8")
        self.git("init", "-q", "-b", "main")
        self.commit("the sample catalog")
        monkeypatch.chdir(root)

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")

    def edit(self, *replacements: tuple[str, str]) -> None:
        """Replace each ``(old, new)`` text once in the catalog; each old text must be there."""
        text = self.catalog.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new, 1)
        self.catalog.write_text(text, encoding="utf-8")

    def run(
        self, capsys: pytest.CaptureFixture[str], *args: str, cwd: Path | None = None
    ) -> tuple[int, str, str]:
        """``codegen ARGS`` in process: exit code, stdout, stderr."""
        if cwd is not None:
            self.monkeypatch.chdir(cwd)
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    def changes(self, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
        """The changes ``codegen diff ARGS --format json`` lists."""
        code, out, err = self.run(capsys, "diff", *args, "--format", "json")
        assert code == 0, err
        changes = json.loads(out)["changes"]
        assert isinstance(changes, list)
        return changes


def kinds(changes: Sequence[dict[str, object]]) -> list[tuple[object, object]]:
    """``(kind, breaking)`` of each change."""
    return [(c["kind"], c["breaking"]) for c in changes]
