"""The manifest fast path: an unchanged tree is judged from hashes, without YAML, Jinja or
black; any changed input, hand edit or version change falls back to rendering."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

import codegen
from codegen import usercache
from codegen.files import sha256
from codegen.output import manifest
from codegen.output.manifest import MANIFEST
from codegen.render.format_cache import cache_entry, read_entry
from codegen.usercache import source_hash
from tests.support.catalogs import Project
from tests.support.paths import REPO

PYTHON = "python/sample_codes.py"
HEAVY = ("jinja2", "black", "ruamel", "yaml")
WRAPPER = (
    "import sys\n"
    "from codegen.cli import main\n"
    "code = main(sys.argv[1:])\n"
    f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
    "print('imported:', ','.join(heavy))\n"
    "sys.exit(code)\n"
)


@pytest.fixture
def generated(project: Project, capsys: pytest.CaptureFixture[str]) -> Project:
    assert project.run("generate") == 0
    capsys.readouterr()
    return project


def black_formats(project: Project) -> Project:
    """``project`` with a line length the built-in Python template is not laid out for, so
    that black formats its module and the formatting cache keeps the result (at the
    default line length the module is written as the template lays it out)."""
    with project.config.open("a", encoding="utf-8") as config:
        config.write("[options]\nline_length = 99\n")
    return project


@pytest.fixture
def formatted(project: Project, capsys: pytest.CaptureFixture[str]) -> Project:
    """A project whose Python module black formats, generated."""
    assert black_formats(project).run("generate") == 0
    capsys.readouterr()
    return project


def _check(project: Project, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = project.run("check")
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _in_subprocess(project: Project, command: str) -> tuple[int, str]:
    """``codegen COMMAND`` in a fresh Python; the output ends with the heavy modules it imported."""
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, command, "--config", str(project.config)],
        cwd=project.root,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def _manifest(project: Project) -> dict[str, object]:
    document = json.loads((project.output / MANIFEST).read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _write_manifest(project: Project, document: dict[str, object]) -> None:
    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    (project.output / MANIFEST).write_text(text, encoding="utf-8")


def test_generate_writes_a_deterministic_manifest_of_inputs_versions_and_outputs(
    generated: Project,
) -> None:
    first = (generated.output / MANIFEST).read_bytes()
    document = _manifest(generated)
    assert set(document["inputs"]) == {"catalog", "config", "templates"}  # type: ignore[arg-type]
    assert document["versions"] == {  # no black: it does not run on the built-in module
        "codegen": codegen.__version__,
        "codegen_source": source_hash(),
    }
    outputs = document["outputs"]
    assert isinstance(outputs, dict) and MANIFEST not in outputs
    assert outputs[PYTHON] == sha256((generated.output / PYTHON).read_bytes())
    (generated.output / MANIFEST).unlink()
    assert generated.run("generate") == 0
    assert (generated.output / MANIFEST).read_bytes() == first


def test_check_and_generate_on_an_unchanged_tree_import_no_yaml_jinja_or_black(
    generated: Project,
) -> None:
    for command in ("check", "generate"):
        code, out = _in_subprocess(generated, command)
        assert code == 0 and "up to date" in out
        assert out.rstrip().endswith("imported:"), out


# Modules of codegen's own that the up-to-date path once imported and does not need: the
# catalog's model, the formatters (ast, subprocess), the views, the comparison across git
# refs, the starting files of init, and filelock while the locks are free (issue #19:
# startup at most half the floor).
NOT_ON_FAST_PATH = (
    "codegen.catalog.model",
    "codegen.render.formatters",
    "codegen.render.views",
    "codegen.evolution",
    "codegen.project.starter",
    "filelock",
)
LISTING = (
    "import sys\n"
    "from codegen.cli import main\n"
    "code = main(sys.argv[1:])\n"
    f"print('imported:', ','.join(sorted(set(sys.modules) & set({NOT_ON_FAST_PATH!r}))))\n"
    "sys.exit(code)\n"
)


def test_an_up_to_date_run_imports_neither_the_model_nor_the_formatters(
    generated: Project,
) -> None:
    """Startup is most of an up-to-date run: the modules it does not need stay unloaded."""
    for command in ("check", "generate"):
        done = subprocess.run(
            [sys.executable, "-c", LISTING, command, "--config", str(generated.config)],
            cwd=generated.root,
            env={"PYTHONPATH": str(REPO), "PATH": ""},
            capture_output=True,
            encoding="utf-8",
            check=False,
        )
        assert done.returncode == 0 and "up to date" in done.stdout, done.stderr
        assert done.stdout.rstrip().endswith("imported:"), done.stdout


def test_a_changed_input_takes_the_full_path_which_imports_jinja(generated: Project) -> None:
    """The control for the test above: the wrapper does see the heavy imports."""
    text = generated.catalog.read_text(encoding="utf-8")
    generated.catalog.write_text(text.replace("Invalid appkey", "Bad appkey"), encoding="utf-8")
    code, out = _in_subprocess(generated, "check")
    assert code == 1 and "jinja2" in out.splitlines()[-1]


def test_a_hand_edited_file_fails_check_with_the_real_diff(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generated.output / PYTHON
    path.write_text(path.read_text(encoding="utf-8").replace("-1000", "-1001"), encoding="utf-8")
    code, out = _check(generated, capsys)
    assert code == 1 and f"{PYTHON}: out of date" in out
    assert "-    INVALID_APPKEY = -1001\n+    INVALID_APPKEY = -1000\n" in out
    assert f"{MANIFEST}: out of date" not in out


@pytest.mark.parametrize("kind", ["missing", "orphaned"])
def test_a_missing_or_orphaned_file_fails_check(
    generated: Project, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "missing":
        (generated.output / "docs" / "en.md").unlink()
    else:
        (generated.output / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, out = _check(generated, capsys)
    assert code == 1 and f": {kind}" in out


def test_an_added_override_template_fails_check(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated.templates / "docs_index.md.j2").write_text("# Ours\n", encoding="utf-8")
    code, out = _check(generated, capsys)
    assert code == 1 and "docs/index.md: out of date" in out


def test_a_changed_override_template_fails_check(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    override = project.templates / "docs_index.md.j2"
    override.write_text("# Ours\n", encoding="utf-8")
    assert project.run("generate") == 0
    override.write_text("# Ours, changed\n", encoding="utf-8")
    code, out = _check(project, capsys)
    assert code == 1 and "docs/index.md: out of date" in out and "+# Ours, changed" in out


def test_a_changed_configuration_value_fails_check(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    with generated.config.open("a", encoding="utf-8") as file:
        file.write('languages = ["en"]\n')
    code, out = _check(generated, capsys)
    assert code == 1 and "docs/ja.md: generated but no longer written" in out


def test_a_changed_catalog_fails_check(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    text = generated.catalog.read_text(encoding="utf-8")
    generated.catalog.write_text(text.replace("Invalid appkey", "Bad appkey"), encoding="utf-8")
    code, out = _check(generated, capsys)
    assert code == 1 and "docs/en.md: out of date" in out


def _tamper_trusted(project: Project) -> None:
    """Edit the Python module by hand and record its new hash: only a re-render sees it."""
    path = project.output / PYTHON
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    document = _manifest(project)
    outputs = document["outputs"]
    assert isinstance(outputs, dict)
    outputs[PYTHON] = sha256(path.read_bytes())
    _write_manifest(project, document)


def test_a_manifest_edited_in_the_tree_is_not_trusted(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its hashes say a hand-edited module is what generate wrote: only a manifest this
    user's codegen vouched for is trusted (check passed it before, issue #18's trial)."""
    _tamper_trusted(generated)
    code, out = _check(generated, capsys)
    assert code == 1 and f"{PYTHON}: out of date" in out and "-# edited" in out


def test_a_forged_manifest_does_not_make_a_stale_folder_pass(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """The trial's attack: a code deleted from the catalog, nothing regenerated, and the
    new catalog's hash written into the manifest."""
    from codegen.output.plan import plan
    from codegen.project.config import load_config

    text = generated.catalog.read_text(encoding="utf-8")
    generated.catalog.write_text(text.replace("Invalid appkey", "Bad appkey"), encoding="utf-8")
    current = plan(load_config(str(generated.config), catalog=str(generated.catalog))).inputs
    document = _manifest(generated)
    document["inputs"] = current
    _write_manifest(generated, document)
    code, out = _check(generated, capsys)
    assert code == 1 and "docs/en.md: out of date" in out


def test_a_vouch_is_this_users_own(
    generated: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same folder, judged by a user (or a CI machine) whose codegen never rendered it:
    the full path, which finds it up to date and vouches for it in turn."""
    monkeypatch.setattr(usercache, "secret", lambda: b"another user's secret, 32 bytes!")
    _tamper_trusted(generated)
    generated.run("generate")
    capsys.readouterr()
    assert _check(generated, capsys)[0] == 0  # vouched by this "user" now
    monkeypatch.undo()
    assert not usercache.vouched("anything")
    _tamper_trusted(generated)
    assert _check(generated, capsys)[0] == 1


def test_a_rule_made_strict_after_generate_fails_check_as_validate_does(
    generated: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """``derived_names = "error"`` changes no output, so no input hash: the vouch covers it
    (check passed while validate failed, issue #18's trial)."""
    text = generated.catalog.read_text(encoding="utf-8")
    assert "curated: {name: E900}" in text
    generated.catalog.write_text(
        text.replace("curated: {name: E900}", "curated: {name: E900, derived: true}"),
        encoding="utf-8",
    )
    assert generated.run("generate") == 0  # a warning: derived_names = "warn"
    capsys.readouterr()
    generated.config.write_text(
        generated.config.read_text(encoding="utf-8") + 'derived_names = "error"\n',
        encoding="utf-8",
    )
    code, out = _check(generated, capsys)
    assert code == 2 and 'derived_names = "error" in the configuration' in out


def test_a_manifest_records_black_only_where_black_formats(formatted: Project) -> None:
    assert _manifest(formatted)["versions"]["black"] == version("black")  # type: ignore[index]


@pytest.mark.parametrize("package", ["black", "codegen", "codegen_source"])
def test_a_recorded_version_that_differs_makes_check_re_render(
    generated: Project, capsys: pytest.CaptureFixture[str], package: str
) -> None:
    _tamper_trusted(generated)
    document = _manifest(generated)
    versions = document["versions"]
    assert isinstance(versions, dict)
    versions[package] = "0.0.1"
    _write_manifest(generated, document)
    code, out = _check(generated, capsys)
    assert code == 1 and f"{PYTHON}: out of date" in out and "-# edited" in out
    assert "docs/en.md" not in out and MANIFEST not in out  # only what really differs


def test_a_newer_tool_that_changes_no_output_re_renders_and_passes(
    generated: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recorded versions are a cache key: the hashes are not trusted, but a version
    change alone is not a stale file (CI must not fail on a formatter patch release)."""
    monkeypatch.setattr(manifest, "__version__", "99.0.0")  # as a newer codegen records it
    assert _check(generated, capsys)[0] == 0
    assert _manifest(generated)["versions"]["codegen"] != "99.0.0"
    assert generated.run("generate") == 0
    assert _manifest(generated)["versions"]["codegen"] == "99.0.0"
    assert _check(generated, capsys)[0] == 0


@pytest.fixture
def template_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Jinja's per-user cache folder, moved under tmp_path (it lives in the temp folder)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    _forget_folders()
    yield tmp_path / "tmp"
    _forget_folders()


def _forget_folders() -> None:
    """As in a new process: the per-user folders looked up again."""
    for cached in (usercache.base_folder, usercache.folder, usercache.secret):
        cached.cache_clear()


def _compiled(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.cache") if p.is_file()]


def test_deleting_every_cache_never_changes_any_output(
    project: Project, template_cache: Path
) -> None:
    cache = project.root / ".codegen-cache"
    assert black_formats(project).run("generate") == 0
    first = project.files()
    assert any(cache.glob("*.txt")) and _compiled(template_cache)
    for step in ("with the caches", "without them"):
        if step == "without them":
            shutil.rmtree(cache)
            shutil.rmtree(template_cache)
            template_cache.mkdir()
        for path in project.output.rglob("*.*"):
            path.unlink()
        assert project.run("generate") == 0
        assert project.files() == first, step


def test_compiled_templates_are_kept_outside_the_project(
    project: Project, template_cache: Path
) -> None:
    """A repository can hold no file that would be run as a compiled template."""
    assert project.run("generate") == 0
    (folder,) = {p.parent for p in _compiled(template_cache)}
    assert folder.name.startswith("compiled-") and folder.stat().st_mode & 0o077 == 0
    assert folder.parent.name.startswith("codegen-") and folder.parent.stat().st_mode & 0o077 == 0
    assert folder.name.endswith(source_hash()[:16])  # other code, other compiled templates
    assert not [p for p in project.root.rglob("*.cache")]


@pytest.mark.parametrize("damage", ["garbage", "a file instead of the folder", "unsafe folder"])
def test_a_damaged_template_cache_changes_no_output(
    project: Project, template_cache: Path, damage: str
) -> None:
    assert project.run("generate") == 0
    first = project.files()
    (folder,) = {p.parent for p in _compiled(template_cache)}
    if damage == "garbage":
        for entry in folder.iterdir():
            entry.write_bytes(b"\x00not marshalled code" * 10)
    elif damage == "a file instead of the folder":
        shutil.rmtree(folder)
        folder.write_bytes(b"")
    else:  # Jinja refuses its folder when it is a link (someone else may own the target)
        elsewhere = template_cache / "elsewhere"
        elsewhere.mkdir()
        shutil.rmtree(folder.parent)
        folder.parent.symlink_to(elsewhere)
    _forget_folders()
    for path in project.output.rglob("*.*"):
        path.unlink()
    assert project.run("generate") == 0
    assert project.files() == first
    if damage == "unsafe folder":
        assert not list(elsewhere.iterdir())


def test_an_edited_template_is_compiled_again_not_taken_from_the_cache(project: Project) -> None:
    """Jinja keys compiled templates by their source's checksum."""
    override = project.templates / "docs_index.md.j2"
    override.write_text("{{ header }}\nfirst\n", encoding="utf-8")
    assert project.run("generate") == 0
    assert "first" in (project.output / "docs" / "index.md").read_text(encoding="utf-8")
    override.write_text("{{ header }}\nsecond\n", encoding="utf-8")
    assert project.run("generate") == 0
    assert "second" in (project.output / "docs" / "index.md").read_text(encoding="utf-8")


def test_a_cached_entry_is_used_instead_of_formatting_again(
    formatted: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Proved by a planted entry: the cache, not black, answers for the same text."""
    generated = formatted
    cache = generated.root / ".codegen-cache"
    (entry,) = cache.glob("*.txt")
    text = read_entry(entry)
    assert text is not None
    entry.write_bytes(cache_entry(entry.stem, text + "# from the cache\n"))
    (generated.output / MANIFEST).unlink()
    code, out = _check(generated, capsys)
    assert code == 1 and "+# from the cache" in out


@pytest.mark.parametrize(
    "damage", ["edited", "crlf", "renamed", "old format", "brought by the repository"]
)
def test_a_cache_entry_whose_content_no_longer_matches_its_key_is_not_used(
    formatted: Project, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """An entry edited by hand, checked out with CRLF, copied under another key or
    written by an older codegen is formatted again and replaced; never a \\r in an output.
    Nor is one a pull request commits, its first line made right without this user's
    secret (as codegen-cache-1 entries were: the hash of the text it brings)."""
    generated = formatted
    cache = generated.root / ".codegen-cache"
    (entry,) = cache.glob("*.txt")
    data, text = entry.read_bytes(), read_entry(entry)
    assert text is not None
    if damage == "edited":
        entry.write_bytes(data + b"# from the cache\n")
    elif damage == "crlf":
        entry.write_bytes(data.replace(b"\n", b"\r\n"))
    elif damage == "renamed":
        entry.write_bytes(cache_entry("0" * 64, text + "# from the cache\n"))
    elif damage == "old format":
        entry.write_bytes(text.encode("utf-8") + b"# from the cache\n")
    else:
        brought = (text + "# from the cache\n").encode("utf-8")
        head = f"codegen-cache-1 {entry.stem} {hashlib.sha256(brought).hexdigest()}\n"
        entry.write_bytes(head.encode() + brought)
    (generated.output / PYTHON).unlink()
    (generated.output / MANIFEST).unlink()
    assert generated.run("generate") == 0
    capsys.readouterr()
    module = (generated.output / PYTHON).read_bytes()
    assert b"\r" not in module and b"# from the cache" not in module
    assert _check(generated, capsys) == (0, f"{generated.output}: up to date\n")
    assert entry.read_bytes() == data  # formatted again, and cached again


def test_the_formatting_cache_keeps_at_most_its_bound(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("codegen.render.format_cache.CACHE_ENTRIES", 1)
    black_formats(project)
    text = project.catalog.read_text(encoding="utf-8")
    for message in ("One", "Two", "Three"):
        project.catalog.write_text(text.replace("Invalid appkey", message), encoding="utf-8")
        assert project.run("generate") == 0
    assert len(list((project.root / ".codegen-cache").glob("*.txt"))) == 1


@pytest.mark.parametrize("planted", ["codegen-{uid}", "_jinja2-cache-{uid}"])
def test_a_link_planted_where_the_user_cache_goes_changes_nothing_it_points_at(
    project: Project, template_cache: Path, tmp_path: Path, planted: str
) -> None:
    """Another user's link in the shared temporary folder: Jinja's own folder was made
    closed with chmod, through the link, closing the folder it points at (755 -> 700;
    issue #18's trial). codegen's folder is its own, and never changed when found."""
    victim = tmp_path / "victim"
    victim.mkdir()
    victim.chmod(0o755)
    (template_cache / planted.format(uid=os.geteuid())).symlink_to(victim)
    (project.templates / "note.txt.j2").write_text("{{ catalog.module }}\n", encoding="utf-8")
    with project.config.open("a", encoding="utf-8") as config:
        config.write('[[targets]]\ntemplate = "note.txt.j2"\noutput = "note.txt"\n')
    assert project.run("generate") == 0
    assert victim.stat().st_mode & 0o777 == 0o755 and list(victim.iterdir()) == []
