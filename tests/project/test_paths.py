"""A project's paths stay in the project folder: the configuration's catalog, output and
templates are relative paths inside it, none leaves it through a symbolic link, the output
folder is no link, unless ``allow_outside = true`` (codegen.project.paths)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.errors import InputError
from codegen.project.config import load_config
from tests.support.catalogs import SAMPLE

FIX = "set allow_outside = true in the configuration if this tree is trusted (docs/security.md)"


def _project(root: Path, config: str) -> Path:
    (root / "spec").mkdir(parents=True)
    (root / "spec" / "codes.yaml").write_bytes(SAMPLE.read_bytes())
    (root / "codegen.toml").write_text(config, encoding="utf-8")
    return root


def _refused(root: Path, **given: str) -> str:
    with pytest.raises(InputError) as raised:
        load_config(cwd=root, **given)
    return str(raised.value)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("output", "{outside}/out"),
        ("output", "../out"),
        ("catalog", "{outside}/codes.yaml"),
        ("catalog", "spec/../../codes.yaml"),
        ("templates", "/etc"),
    ],
)
def test_a_configured_path_outside_the_project_is_refused_at_its_key(
    tmp_path: Path, key: str, value: str
) -> None:
    value = value.format(outside=tmp_path / "elsewhere")
    root = _project(tmp_path / "p", f'derived_names = "warn"\n{key} = "{value}"\n')
    assert _refused(root) == (
        f"codegen.toml:2:1: {key} {value!r} is outside the project folder (the "
        f"configuration's folder); give a path inside it, or {FIX}"
    )


def test_allow_outside_lets_generate_and_check_use_an_output_and_catalog_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "spec").mkdir(parents=True)
    (elsewhere / "spec" / "codes.yaml").write_bytes(SAMPLE.read_bytes())
    root = _project(
        tmp_path / "p",
        'allow_outside = true\ncatalog = "../elsewhere/spec/codes.yaml"\n'
        f'output = "{elsewhere / "out"}"\n',
    )
    monkeypatch.chdir(root)
    assert main(["generate"]) == 0
    assert (elsewhere / "out" / "python" / "sample_codes.py").is_file()
    assert main(["check"]) == 0


def test_allow_outside_must_be_a_boolean(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", 'allow_outside = "yes"\n')
    assert _refused(root) == ("codegen.toml:1:1: allow_outside must be true or false, not a string")


def test_a_catalog_linked_out_of_the_project_is_refused_whoever_names_it(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", 'catalog = "spec/codes.yaml"\n')
    (root / "spec" / "codes.yaml").unlink()
    (root / "spec" / "codes.yaml").symlink_to("/proc/self/environ")
    assert _refused(root) == (
        "codegen.toml:1:1: catalog 'spec/codes.yaml' leads outside the project folder through "
        "a symbolic link; codegen follows no link out of the project: replace the link with "
        f"the file itself, or {FIX}"
    )
    assert _refused(root, catalog="spec/codes.yaml").startswith(
        "spec/codes.yaml: leads outside the project folder through a symbolic link;"
    )


def test_a_linked_folder_above_the_catalog_is_followed_only_inside_the_project(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path / "p", 'catalog = "data/spec/codes.yaml"\n')
    (root / "data").symlink_to(tmp_path)  # data/p/spec/codes.yaml would still be inside
    assert "leads outside the project folder" in _refused(root)
    (root / "data").unlink()
    (root / "data").symlink_to(root)  # data/spec/codes.yaml: inside
    assert load_config(cwd=root).catalog == "data/spec/codes.yaml"


def test_the_output_folder_may_not_be_a_link_even_to_a_folder_of_the_project(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path / "p", 'catalog = "spec/codes.yaml"\n')
    (root / "build").mkdir()
    (root / "generated").symlink_to("build")
    assert _refused(root) == (
        "generated: is a symbolic link, and the output folder may not be one; codegen follows "
        f"no link out of the project: replace the link with the folder itself, or {FIX}"
    )
    (root / "codegen.toml").write_text("allow_outside = true\n", encoding="utf-8")
    assert load_config(cwd=root).output == "generated"


def test_a_template_folder_linked_out_of_the_project_is_refused(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", 'templates = "templates"\n')
    (root / "templates").symlink_to("/etc")
    assert _refused(root).startswith(
        "codegen.toml:1:1: templates 'templates' leads outside the project folder"
    )


def test_a_path_on_the_command_line_may_lie_outside_but_not_link_out_from_inside(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path / "p", 'catalog = "spec/codes.yaml"\n')
    outside = tmp_path / "out"
    assert load_config(cwd=root, output=str(outside)).output == str(outside)
    (root / "linked").symlink_to(outside)
    assert _refused(root, output="linked").startswith(
        "linked: leads outside the project folder through a symbolic link;"
    )
    assert _refused(root, output=str(root / "linked")).startswith(
        f"{root / 'linked'}: leads outside the project folder through a symbolic link;"
    )


def test_a_configuration_file_linked_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "")
    (root / "codegen.toml").unlink()
    (tmp_path / "theirs.toml").write_text('catalog = "spec/codes.yaml"\n', encoding="utf-8")
    (root / "codegen.toml").symlink_to(tmp_path / "theirs.toml")
    assert _refused(root).startswith("codegen.toml: a symbolic link that leads outside p;")


@pytest.mark.parametrize("output", [".git", "./.git/", "sub/.GIT/hooks", ".hg"])
def test_an_output_folder_in_a_version_control_folder_is_refused_even_when_outside_is_allowed(
    tmp_path: Path, output: str
) -> None:
    root = _project(tmp_path / "p", f'allow_outside = true\noutput = "{output}"\n')
    assert _refused(root).startswith(f"codegen.toml:2:1: output {output!r} leads into ")
    assert "a version control folder" in _refused(root)


def test_an_output_folder_in_git_given_on_the_command_line_is_refused(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", 'derived_names = "warn"\n')
    assert "a version control folder" in _refused(root, output=".git")


def test_a_target_writing_into_git_is_refused_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(
        tmp_path / "p",
        'output = "."\n[[targets]]\ntemplate = "cfg.j2"\noutput = ".git/config"\n',
    )
    (root / "templates").mkdir()
    (root / "templates" / "cfg.j2").write_text("[core]\n", encoding="utf-8")
    (root / ".git").mkdir()
    monkeypatch.chdir(root)
    assert _refused(root) == (
        "codegen.toml:4:1: output '.git/config' leads into .git, a version control folder: "
        "writing there could change what git runs; choose another path"
    )
    assert main(["generate"]) == 2
    assert not (root / ".git" / "config").exists()


@pytest.mark.parametrize("output", ["gitlink/config", "gitlink/hooks/pre-commit"])
def test_a_target_writing_into_git_through_a_committed_link_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    """The trial's attack: a link ``gitlink -> .git`` in the tree, and a target writing
    ``gitlink/config`` with a ``core.fsmonitor`` command that the next ``git status`` ran."""
    root = _project(
        tmp_path / "p",
        f'output = "."\n[[targets]]\ntemplate = "cfg.j2"\noutput = "{output}"\n',
    )
    (root / "templates").mkdir()
    (root / "templates" / "cfg.j2").write_text(
        "[core]\n\tfsmonitor = touch PWNED\n", encoding="utf-8"
    )
    (root / ".git" / "hooks").mkdir(parents=True)
    (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (root / "gitlink").symlink_to(".git")
    monkeypatch.chdir(root)
    assert main(["generate"]) == 2
    err = capsys.readouterr().err
    assert f"refusing to write {output}: it resolves into .git, a version control folder" in err
    assert err.count("\n") == 1
    assert (root / ".git" / "config").read_text(encoding="utf-8") == "[core]\n"
    assert list((root / ".git" / "hooks").iterdir()) == []


def test_the_orphan_sweep_never_walks_into_a_version_control_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the project as the output folder, a generated-looking file in .git is neither
    reported nor deleted."""
    root = _project(tmp_path / "p", 'output = "."\n')
    hooks = root / ".git" / "hooks"
    hooks.mkdir(parents=True)
    monkeypatch.chdir(root)
    assert main(["generate"]) == 0
    planted = hooks / "pre-commit"
    planted.write_text("# DO NOT EDIT: generated by codegen\n", encoding="utf-8")
    assert main(["generate"]) == 0
    assert planted.exists()
    capsys.readouterr()
    main(["check"])  # the configuration and the catalog are orphans in such a folder
    assert ".git" not in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "dangling"])
@pytest.mark.parametrize("name", ["codegen.toml", "pyproject.toml"])
def test_a_configuration_file_that_is_not_a_regular_file_is_refused_not_passed_over(
    tmp_path: Path, kind: str, name: str
) -> None:
    (tmp_path / "codegen.toml").write_text('output = "p/elsewhere"\n', encoding="utf-8")
    root = tmp_path / "p"
    root.mkdir()
    config = root / name
    if kind == "device":
        config.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(config)
    elif kind == "folder":
        config.mkdir()
    else:
        config.symlink_to(root / "gone.toml")
    assert _refused(root) == (
        f"{name}: this is not a regular file (a folder, a FIFO, a device, or a link to one or "
        "to nothing), so codegen cannot read its configuration here: replace it with a file, "
        "or remove it"
    )
