"""Shared fixtures: the rendered sample catalog, loading generated modules, golden files.

Golden files under tests/golden/ change only through ``pytest --update-golden``.
"""

from __future__ import annotations

import importlib.util
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from catalogs import Project, load_sample

from codegen.model import Catalog
from codegen.render import render_all
from codegen.targets import DEFAULT_TARGETS


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from the current output",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample() -> Catalog:
    return load_sample()


@pytest.fixture(scope="session")
def sample_files(sample: Catalog) -> dict[str, str]:
    """Every output of the sample catalog, rendered once for the session."""
    return render_all(sample, DEFAULT_TARGETS)


@pytest.fixture
def load_module(tmp_path: Path) -> Iterator[Callable[[str], ModuleType]]:
    """Load generated Python source as a module, as a program that vendors it would."""
    loaded: list[str] = []

    def load(source: str) -> ModuleType:
        name = f"generated_{uuid.uuid4().hex}"
        path = tmp_path / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        loaded.append(name)
        spec.loader.exec_module(module)
        return module

    yield load
    for name in loaded:
        sys.modules.pop(name, None)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")
