"""``docs_base_url``: with the option set, every generated code knows the URL of its row in
the Markdown docs (Python ``.docs_url``, TypeScript ``docsUrl``); without it, nothing
changes. The anchor is ``filters.code_anchor``, the function the docs page uses."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType, ModuleType
from urllib.parse import unquote, urlsplit

import pytest
from ruamel.yaml import YAML

from codegen.catalog.model import Catalog
from codegen.errors import InputError
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS, Target
from codegen.render.views.links import code_anchor, docs_page_url, docs_url
from tests.render.test_hostile_texts import WEIRD_CODES, hostile_catalog
from tests.support.catalogs import assert_golden, catalog, code, code_set
from tests.support.paths import REPO, TESTS
from tests.templates.test_typescript import render_ts

GOLDEN = TESTS / "golden" / "docs_url" / "python" / "sample_codes.py"
BASE = "https://example.org/errors"
PYTHON = "python/sample_codes.py"


def ja_en() -> Catalog:
    return catalog(code_set("Api", [code(0, "OK", "成功")]), languages=("ja", "en"))


def with_options(targets: tuple[Target, ...], **options: object) -> list[Target]:
    return [Target(t.template, t.output, t.formatter, {**t.options, **options}) for t in targets]


@pytest.mark.parametrize("base", [BASE, BASE + "/", BASE + "//"])
@pytest.mark.parametrize("page", ["{lang}/", "/{lang}/"])
def test_the_base_url_and_the_page_are_joined_by_exactly_one_slash(base: str, page: str) -> None:
    options = {"docs_base_url": base, "docs_page": page}
    assert docs_page_url(options, ja_en()) == "https://example.org/errors/ja/"


def test_the_page_defaults_to_the_source_language_page_as_mkdocs_serves_it() -> None:
    assert docs_page_url({"docs_base_url": "https://x.org"}, ja_en()) == "https://x.org/ja/"


def test_docs_lang_and_docs_page_choose_another_page() -> None:
    options = {"docs_base_url": BASE, "docs_lang": "en", "docs_page": "codes/{lang}.html"}
    assert docs_page_url(options, ja_en()) == "https://example.org/errors/codes/en.html"


def test_characters_a_url_cannot_hold_are_percent_encoded() -> None:
    options = {"docs_base_url": "https://x.org/エラー docs", "docs_page": "a page/{lang}/"}
    assert docs_page_url(options, ja_en()) == (
        "https://x.org/%E3%82%A8%E3%83%A9%E3%83%BC%20docs/a%20page/ja/"
    )


def test_without_docs_base_url_there_is_no_page() -> None:
    assert docs_page_url({}, ja_en()) == "" and docs_page_url({"docs_lang": "en"}, ja_en()) == ""


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"docs_base_url": "example.org/errors"}, "must be an absolute URL"),
        ({"docs_base_url": ""}, "must be an absolute URL"),
        ({"docs_base_url": BASE + "?page=1"}, "without \\? or #"),
        ({"docs_base_url": BASE + "#top"}, "without \\? or #"),
        ({"docs_base_url": 42}, "docs_base_url must be a string, not an integer"),
        ({"docs_base_url": BASE, "docs_lang": "ko"}, "not a language of the catalog: use one"),
        ({"docs_base_url": BASE, "docs_page": ["x"]}, "docs_page must be a string"),
    ],
)
def test_an_unusable_option_is_an_error_saying_what_to_use(
    options: Mapping[str, object], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        docs_page_url(options, ja_en())


def test_the_url_of_a_code_is_the_page_and_the_anchor_of_its_row() -> None:
    assert docs_url("https://x.org/ja/", "Api", -1000) == "https://x.org/ja/#Api--1000"
    assert docs_url("https://x.org/ja/", "Weird", "a b") == "https://x.org/ja/#Weird-a.20.b"


def test_each_code_links_to_the_anchor_its_row_has_on_the_docs_page(sample: Catalog) -> None:
    files = render_all(sample, with_options(DEFAULT_TARGETS, docs_base_url=BASE))
    urls = re.findall(r'^        \w+\.\w+: "([^"]+)",$', files[PYTHON], re.MULTILINE)
    assert len(urls) == sum(len(s.codes) for s in sample.code_sets)
    rows = re.findall(r'^\| <a id="([^"]+)"></a>', files["docs/ja.md"], re.MULTILINE)
    assert [url.removeprefix(f"{BASE}/ja/#") for url in urls] == rows


def test_without_the_option_the_python_module_has_no_docs_url(
    sample_files: dict[str, str], load_module: Callable[[str], ModuleType]
) -> None:
    module = load_module(sample_files[PYTHON])
    assert not hasattr(module.ApiResultCode.SUCCESS, "docs_url")
    assert "docs_url" not in sample_files[PYTHON]


def test_with_the_option_every_python_member_has_its_docs_url(
    sample: Catalog, load_module: Callable[[str], ModuleType]
) -> None:
    files = render_all(sample, with_options(DEFAULT_TARGETS[:1], docs_base_url=BASE))
    module = load_module(files[PYTHON])
    assert module.ApiResultCode.INVALID_APPKEY.docs_url == f"{BASE}/ja/#ApiResultCode--1000"
    assert module.EmmaResultCode.lookup("E900").docs_url == f"{BASE}/ja/#EmmaResultCode-E900"
    assert all(isinstance(member.docs_url, str) for member in module.ReceiveResultCode)


def test_the_python_module_with_docs_urls_is_byte_for_byte_its_golden_file(
    sample: Catalog, update_golden: bool
) -> None:
    files = render_all(sample, with_options(DEFAULT_TARGETS[:1], docs_base_url=BASE))
    assert_golden(GOLDEN, files[PYTHON], update_golden)


def test_with_the_option_every_typescript_code_info_has_its_docs_url(sample: Catalog) -> None:
    module = render_ts(sample, docs_base_url=BASE, docs_lang="en")
    assert "  readonly docsUrl: string;\n" in module
    assert f'    docsUrl: "{BASE}/en/#ApiResultCode--1000",\n' in module
    assert module.count("\n    docsUrl: ") == sum(len(s.codes) for s in sample.code_sets)


def test_the_python_module_with_docs_urls_passes_mypy_strict(
    sample: Catalog, tmp_path: Path
) -> None:
    files = render_all(sample, with_options(DEFAULT_TARGETS[:1], docs_base_url=BASE))
    (tmp_path / "sample_codes.py").write_text(files[PYTHON], encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "sample_codes.py"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


class _Ids(HTMLParser):
    """Every id attribute of an HTML page, as a browser reads it (references decoded)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def _build_site(files: dict[str, str], tmp_path: Path) -> Path:
    """The docs pages built by mkdocs with the repository's mkdocs.yml; returns the site."""
    yaml = YAML(typ="safe", pure=True)
    for relative, text in files.items():
        if relative.startswith("docs/"):
            (tmp_path / "generated" / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "generated" / relative).write_text(text, encoding="utf-8")
    with (tmp_path / "mkdocs.yml").open("w", encoding="utf-8") as file:
        yaml.dump(yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8")), file)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


def _target(site: Path, url: str) -> tuple[set[str], str]:
    """The ids of the built page ``url`` points at, and its fragment as a browser reads it."""
    parts = urlsplit(url)
    page = site / parts.path.removeprefix("/errors/") / "index.html"
    parser = _Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.ids, unquote(parts.fragment)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_docs_url_points_at_an_id_of_the_built_docs_site(
    lang: str, sample: Catalog, tmp_path: Path, load_module: Callable[[str], ModuleType]
) -> None:
    """A negative integer code, string codes and codes with characters an id cannot hold."""
    files = render_all(sample, with_options(DEFAULT_TARGETS, docs_base_url=BASE, docs_lang=lang))
    weird = render_all(
        hostile_catalog(), with_options(DEFAULT_TARGETS[:1], docs_base_url=BASE, docs_lang=lang)
    )
    site = _build_site(files, tmp_path / "sample")
    weird_site = _build_site(render_all(hostile_catalog(), DEFAULT_TARGETS), tmp_path / "weird")
    module, weird_module = load_module(files[PYTHON]), load_module(weird[PYTHON])
    members = [
        module.ApiResultCode(-1000),
        module.ApiResultCode(0),
        module.EmmaResultCode("E900"),
        module.EmmaResultCode("1001"),
        module.ReceiveResultCode("MTR1"),
    ]
    for member in members:
        ids, fragment = _target(site, member.docs_url)
        assert member.docs_url.startswith(f"{BASE}/{lang}/#") and fragment in ids, member
    for value in WEIRD_CODES:
        member = weird_module.Weird(value)
        ids, fragment = _target(weird_site, member.docs_url)
        assert fragment == code_anchor("Weird", value) and fragment in ids, value


def test_a_language_page_the_target_option_names_must_exist_before_anything_renders() -> None:
    target = Target("python_module.py.j2", "x.py", "python", MappingProxyType({}))
    options = {"docs_base_url": BASE, "docs_lang": "fr"}
    with pytest.raises(InputError, match="docs_lang 'fr'"):
        render_all(ja_en(), with_options((target,), **options))
