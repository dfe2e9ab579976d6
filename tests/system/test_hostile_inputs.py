"""A pull request's tree and history as CI's ``codegen check`` meets them, each attack in a
real process whose memory is bounded (so a regression fails instead of filling the
machine) and measured: links to the environment and to devices, a FIFO, and a catalog of
2.6 GB committed to git history. docs/security.md, "Inputs: symbolic links and bounded
reads"."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from codegen.cli import main
from tests.support.catalogs import SAMPLE
from tests.support.gitrepos import GIT_ENV
from tests.support.hostile import Ran, huge_blob, run_measured

SECRET = "codegen-test-secret-4f1d9a"  # in the child's environment: must never come out
CONFIG = (
    'catalog = "spec/codes.yaml"\n'
    '[[targets]]\ntemplate = "docs_index.md.j2"\noutput = "docs/index.md"\nformatter = "markdown"\n'
)
BOUND_MIB = 200  # what a refused run may peak at: Python and codegen's imports are ~60 MiB


def _generated(root: Path) -> Path:
    """A generated project with one small target: spec/codes.yaml, templates/, generated/."""
    (root / "spec").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "spec" / "codes.yaml").write_bytes(SAMPLE.read_bytes())
    (root / "codegen.toml").write_text(CONFIG, encoding="utf-8")
    assert main(["generate", "--config", str(root / "codegen.toml")]) == 0
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _generated(tmp_path / "project")


def _every_file(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


def _refused(ran: Ran, *, seconds: float = 30, out: str = "") -> str:
    """The one line a refused run printed on stderr (``out`` on stdout); it exited 2,
    within its bounds."""
    assert ran.status == 2, ran.err[-2000:]
    assert ran.out == out and ran.err.count("\n") == 1, ran.err[-2000:]
    assert "Traceback" not in ran.err
    assert ran.peak_mib < BOUND_MIB and ran.seconds < seconds, (ran.peak_mib, ran.seconds)
    return ran.err


@pytest.mark.parametrize("command", ["check", "generate"])
def test_a_template_including_a_link_to_the_environment_leaks_nothing(
    project: Path, command: str
) -> None:
    (project / "templates" / "_e.j2").symlink_to("/proc/self/environ")
    (project / "templates" / "docs_index.md.j2").write_text(
        '{% include "_e.j2" %}\n', encoding="utf-8"
    )
    before = _every_file(project)
    ran = run_measured([command], project, env={"CODEGEN_TEST_SECRET": SECRET})
    assert SECRET not in ran.out + ran.err
    assert "templates/_e.j2: a symbolic link that leads outside templates" in _refused(ran)
    assert _every_file(project) == before and SECRET.encode() not in before


@pytest.mark.parametrize(
    ("what", "path", "command"),
    [
        ("template", "templates/docs_index.md.j2", "check"),
        ("manifest", "generated/.codegen-manifest.json", "check"),
        ("output", "generated/docs/index.md", "check"),
        ("catalog", "spec/codes.yaml", "check"),
        ("catalog", "spec/codes.yaml", "import"),
    ],
)
def test_dev_zero_as_any_input_is_refused_in_one_line_within_bounded_memory(
    project: Path, what: str, path: str, command: str
) -> None:
    file = project / path
    file.unlink(missing_ok=True)
    file.symlink_to("/dev/zero")
    args = [command] if command == "check" else ["import", str(SAMPLE), "--lang", "ja"]
    err = _refused(run_measured(args, project))
    assert f"{path}: " in err or f"'{path}'" in err, err
    assert "symbolic link" in err, err


def test_dev_zero_named_on_the_command_line_is_refused_as_a_device(project: Path) -> None:
    err = _refused(run_measured(["import", "/dev/zero", "--lang", "en"], project))
    assert err.startswith("/dev/zero: this is a character device, not a regular file;")
    err = _refused(run_measured(["validate", "--catalog", "/dev/zero"], project))
    assert "this is a character device, not a regular file" in err


def test_a_fifo_in_the_output_folder_does_not_hang_check(project: Path) -> None:
    os.mkfifo(project / "generated" / "docs" / "pipe")
    ran = run_measured(["check"], project, timeout=30)
    assert ran.status == 1 and "generated/docs/pipe: orphaned" in ran.out, ran.err


# --- git history ---------------------------------------------------------------------------

HUGE = 2_600_000_000  # bytes: 2.6 GB, a few MB in .git


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project in git: the catalog, then a 2.6 GB catalog (HEAD~1, written
    straight into the object store), then the catalog again (HEAD, the working tree's)."""
    project = _generated(tmp_path_factory.mktemp("history") / "project")
    environment = {**os.environ, **GIT_ENV, "GIT_CEILING_DIRECTORIES": str(project.parent)}

    def git(*args: str) -> None:
        done = subprocess.run(
            ["git", *args], cwd=project, capture_output=True, check=False, env=environment
        )
        assert done.returncode == 0, done.stderr

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "the catalog")
    blob = huge_blob(project / ".git", HUGE)
    git("update-index", "--cacheinfo", f"100644,{blob},spec/codes.yaml")
    git("commit", "-q", "-m", "a 2.6 GB catalog")
    git("add", "-A")
    git("commit", "-q", "-m", "the catalog again")
    return project


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["diff", "HEAD~1"], ""),
        (["check", "--breaking-against", "HEAD~1"], "generated: up to date\n"),
    ],
)
def test_a_huge_catalog_in_history_is_refused_by_its_size_before_it_is_read(
    history: Path, args: list[str], out: str
) -> None:
    """Under 2 s and 200 MiB, where reading the blob took 5 GiB."""
    ran = run_measured(
        args, history, env={**GIT_ENV, "GIT_CEILING_DIRECTORIES": str(history.parent)}
    )
    err = _refused(ran, seconds=2, out=out)
    assert err == "HEAD~1:spec/codes.yaml: the catalog is larger than 50 MiB, the limit\n"
