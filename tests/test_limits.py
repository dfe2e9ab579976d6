"""Every resource bound (docs/limits.md): past it, one line, exit 2 and nothing written;
just under it, the run works. Small limits are injected where the real ones would be slow."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from codegen import limits
from codegen.catalog import parse
from codegen.catalog.model import Catalog
from codegen.catalog.rules import size
from codegen.errors import InputError, TemplateError
from codegen.render import bounds, parallel
from codegen.render.bounds import RenderLimits
from codegen.render.engine import render_all
from codegen.render.targets import Target
from tests.support.catalogs import Project, catalog, code, code_set

NEVER_ENDS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
SAMPLE_CODES = 14  # tests/fixtures/sample.yaml
SAMPLE_SETS = 3
SAMPLE_ATTRIBUTES, SAMPLE_VALUES = 4, 10


def small() -> Catalog:
    return catalog(code_set("Api", [code(0, "OK", "成功")]), path="spec/codes.yaml")


def _render(tmp_path: Path, template: str, bounds: RenderLimits, formatter: str = "none") -> str:
    (tmp_path / "t.j2").write_text(template, encoding="utf-8")
    target = Target("t.j2", "t.out", formatter)  # type: ignore[arg-type]
    return render_all(small(), [target], [tmp_path], limits=bounds)["t.out"]


def _one_target(project: Project, template: str, settings: str = "") -> None:
    (project.templates / "t.txt.j2").write_text(template, encoding="utf-8")
    project.config.write_text(
        f'catalog = "spec/codes.yaml"\n{settings}\n'
        '[[targets]]\ntemplate = "t.txt.j2"\noutput = "t.txt"\n',
        encoding="utf-8",
    )


def _refused(project: Project, capsys: pytest.CaptureFixture[str]) -> str:
    """Run generate, which must fail with one line and leave generated/ as it was."""
    before = project.files()
    capsys.readouterr()
    assert project.run("generate") == 2
    assert project.files() == before
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


# --- template rendering time --------------------------------------------------------------


def test_a_loop_that_prints_nothing_and_calls_nothing_is_stopped_at_the_deadline(
    tmp_path: Path,
) -> None:
    with pytest.raises(TemplateError) as raised:
        _render(tmp_path, "start\n" + NEVER_ENDS, RenderLimits(seconds=0.2))
    error = raised.value
    assert (Path(error.path).name, error.line) == ("t.j2", 2)
    assert "took longer than 0.2 s, the limit (render_timeout)" in error.message
    assert "Raise render_timeout in the configuration" in error.message


def test_generate_stops_a_template_past_render_timeout_and_writes_nothing(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _one_target(project, "ok\n", "render_timeout = 1")
    assert project.run("generate") == 0
    _one_target(project, NEVER_ENDS, "render_timeout = 1")
    err = _refused(project, capsys)
    assert err.startswith(f"{project.templates / 't.txt.j2'}:1: rendering t.txt took longer than")


@pytest.mark.skipif(not parallel.usable(2), reason="one core, or no fork here")
def test_the_deadline_also_stops_a_template_rendered_in_the_fork(tmp_path: Path) -> None:
    """The Python target (black's) is rendered in the fork while the others render here."""
    (tmp_path / "loop.py.j2").write_text(NEVER_ENDS, encoding="utf-8")
    (tmp_path / "ok.j2").write_text("ok\n", encoding="utf-8")
    targets = [Target("loop.py.j2", "x.py", "python"), Target("ok.j2", "ok.txt")]
    pid = os.getpid()
    with pytest.raises(TemplateError, match="rendering x.py took longer than 0.3 s"):
        render_all(small(), targets, [tmp_path], limits=RenderLimits(seconds=0.3))
    assert os.getpid() == pid


def test_the_deadline_is_disarmed_and_the_handler_put_back_after_rendering(
    tmp_path: Path,
) -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    assert _render(tmp_path, "ok\n", RenderLimits(seconds=5)) == "ok\n"
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# --- output size --------------------------------------------------------------------------


def test_an_output_of_exactly_max_output_bytes_is_written(tmp_path: Path) -> None:
    assert _render(tmp_path, "é" * 49 + "\n", RenderLimits(output_bytes=99)) == "é" * 49 + "\n"


def test_an_output_one_byte_over_the_limit_is_refused_while_streaming(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as raised:
        _render(tmp_path, "é" * 50 + "\n", RenderLimits(output_bytes=100))
    assert "rendering t.out: it is larger than" in raised.value.message
    assert "(max_output_mib)" in raised.value.message


def test_the_limit_also_holds_for_the_formatted_text(tmp_path: Path) -> None:
    """Compact JSON of 18 bytes becomes 40 once indented."""
    text = '{"a":1,"b":[1,2]}\n'
    assert len(_render(tmp_path, text, RenderLimits(output_bytes=40), "json")) == 40
    with pytest.raises(TemplateError, match="once formatted, it is larger than"):
        _render(tmp_path, text, RenderLimits(output_bytes=39), "json")


def test_generate_refuses_an_output_past_max_output_mib_and_writes_nothing(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    mib = "{% for i in range(1024) %}" + "x" * 1023 + "\n{% endfor %}"
    _one_target(project, mib, "max_output_mib = 1")
    assert project.run("generate") == 0
    assert len(project.files()["t.txt"]) == 2**20
    _one_target(project, mib + "x\n", "max_output_mib = 1")
    err = _refused(project, capsys)
    assert "rendering t.txt: it is larger than 1 MiB, the limit for one output" in err


def test_a_repetition_past_max_repeat_is_refused_before_it_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also when both sides are constants, which Jinja would otherwise fold while compiling."""
    monkeypatch.setattr(bounds, "MAX_REPEAT", 10)
    assert _render(tmp_path, "{{ 'ab' * 5 }}{{ [1] * 10 }}\n", RenderLimits()) == (
        "ababababab[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
    )
    with pytest.raises(TemplateError, match=r"refused 2 × 6 items"):
        _render(tmp_path, "\n{{ 'ab' * 6 }}\n", RenderLimits())


def test_a_power_past_max_power_bits_is_refused(tmp_path: Path) -> None:
    assert _render(tmp_path, "{{ 2 ** 32768 > 0 }}\n", RenderLimits()) == "True\n"
    with pytest.raises(TemplateError, match="refused a power of more than 65,536 bits"):
        _render(tmp_path, "{{ 10 ** 100000000 }}\n", RenderLimits())


# --- configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("render_timeout = 0", "render_timeout must be from 1 to 3,600, not 0"),
        ("render_timeout = 3601", "render_timeout must be from 1 to 3,600, not 3,601"),
        ("max_output_mib = 1025", "max_output_mib must be from 1 to 1,024, not 1,025"),
        ('render_timeout = "60"', "render_timeout must be an integer, not a string"),
    ],
)
def test_a_limit_key_out_of_range_is_an_error_at_the_key(
    project: Project, capsys: pytest.CaptureFixture[str], setting: str, message: str
) -> None:
    _one_target(project, "ok\n", setting)
    err = _refused(project, capsys)
    assert err.startswith(f"{project.config}:2:1: {message}"), err


# --- the catalog: size, codes, black -------------------------------------------------------


def test_a_catalog_past_the_code_count_is_refused_and_nothing_written(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(size, "MAX_CODES", SAMPLE_CODES)
    assert project.run("generate") == 0
    project.catalog.write_text(project.catalog.read_text("utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(size, "MAX_CODES", SAMPLE_CODES - 1)
    err = _refused(project, capsys)
    assert f"the catalog has {SAMPLE_CODES} codes; the limit is {SAMPLE_CODES - 1}" in err


def test_a_catalog_past_the_code_set_count_is_refused_and_nothing_written(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code set costs as much as ten codes to generate: their number has its own bound."""
    monkeypatch.setattr(size, "MAX_CODE_SETS", SAMPLE_SETS)
    assert project.run("generate") == 0
    project.catalog.write_text(project.catalog.read_text("utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(size, "MAX_CODE_SETS", SAMPLE_SETS - 1)
    err = _refused(project, capsys)
    assert err.endswith(
        f": the catalog has {SAMPLE_SETS} code sets; the limit is {SAMPLE_SETS - 1}: merge small "
        "code sets, or split the catalog\n"
    )


@pytest.mark.parametrize(
    ("limit", "count", "said"),
    [
        ("MAX_ATTRIBUTES", SAMPLE_ATTRIBUTES, "attributes in its code sets"),
        ("MAX_GROUP_VALUES", SAMPLE_VALUES, "values"),
        ("MAX_LANGUAGES", 2, "languages"),
        ("MAX_MESSAGES", 2 * SAMPLE_CODES, "messages to generate"),
    ],
)
def test_a_catalog_past_the_attribute_or_group_value_count_is_refused_and_nothing_written(
    project: Project,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    count: int,
    said: str,
) -> None:
    """Each attribute (about 14 KB) and group value (about 6 KB) costs generate memory: 150,000
    one-value attributes in a 25 MB catalog took 2.1 GiB, past the 2 GiB bound (issue #18)."""
    monkeypatch.setattr(size, limit, count)
    assert project.run("generate") == 0
    project.catalog.write_text(project.catalog.read_text("utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(size, limit, count - 1)
    err = _refused(project, capsys)
    assert f" {count} {said}; the limit is {count - 1}: " in err


def test_a_catalog_past_the_alias_count_is_refused_alone_and_nothing_written(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,990,000 invalid former names of one code, 29 MB: 22 s and 2.1 GB to list each as a
    problem, a MemoryError traceback under a 2 GiB cap (issue #18's second trial)."""
    text = project.catalog.read_text("utf-8")
    assert "curated: {name: SUCCESS}" in text
    project.catalog.write_text(
        text.replace(
            "curated: {name: SUCCESS}", "curated: {name: SUCCESS, aliases: [a-1, a-2, a-3]}"
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(size, "MAX_ALIASES", 5)  # the sample has 3
    err = _refused(project, capsys)
    assert err.endswith(
        ": the catalog's codes and code sets have 6 aliases (former names); the limit is 5: keep "
        "the names clients may still use\n"
    )


def test_a_catalog_past_the_size_limit_is_refused_and_nothing_written(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    size = len(project.catalog.read_bytes()) + 1
    monkeypatch.setattr(parse, "MAX_CATALOG_BYTES", size)
    project.catalog.write_text(project.catalog.read_text("utf-8") + "\n", encoding="utf-8")
    assert project.run("generate") == 0
    project.catalog.write_text(project.catalog.read_text("utf-8") + "\n", encoding="utf-8")
    err = _refused(project, capsys)
    assert "the catalog is larger than" in err and "split it up" in err


def test_black_is_refused_past_its_code_count_before_rendering(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where black runs: here on the built-in module at a line length it is not laid out for."""
    counted = SAMPLE_CODES + limits.BLACK_SET_CODES * SAMPLE_SETS
    monkeypatch.setattr(bounds, "MAX_BLACK_CODES", counted)
    project.config.write_text(
        'catalog = "spec/codes.yaml"\n[options]\nline_length = 99\n', encoding="utf-8"
    )
    assert project.run("generate") == 0
    project.catalog.write_text(project.catalog.read_text("utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(bounds, "MAX_BLACK_CODES", counted - 1)
    err = _refused(project, capsys)
    assert err == (
        f"spec/codes.yaml: the catalog has {SAMPLE_CODES} codes in {SAMPLE_SETS} code sets, "
        f"{counted} as black counts them (a code set costs as much as 10 codes); formatter "
        f'"python" (black) formats at most {counted - 1} within codegen\'s memory bound '
        '(2 GiB): set formatter = "ruff" on the Python target (pip install ruff), or split '
        "the catalog\n"
    )


def test_black_counts_a_code_set_as_ten_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A set adds about 41 lines to the module, a code 4: 5,000 sets of one code took black
    2.07 GiB, past the bound, when only codes were counted."""
    assert bounds.black_fits(limits.MAX_BLACK_CODES, 0) is None
    assert bounds.black_fits(1800, 1800) is None
    assert "5,000 codes in 5,000 code sets, 55,000 as black" in (
        bounds.black_fits(5000, 5000) or ""
    )
    monkeypatch.setattr(bounds, "MAX_BLACK_CODES", 32)
    sets = catalog(*(code_set(f"Set{i}", [code(i, f"CODE_{i}", "成功")]) for i in range(3)))
    narrow = Target("python_module.py.j2", "m.py", "python", {"line_length": 88})
    with pytest.raises(InputError, match="3 codes in 3 code sets, 33 as black counts them"):
        render_all(sets, [narrow])


def test_the_black_limit_does_not_apply_without_a_python_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bounds, "MAX_BLACK_CODES", 0)
    assert _render(tmp_path, "ok\n", RenderLimits()) == "ok\n"
    with pytest.raises(InputError, match="formats at most 0"):
        _render(tmp_path, "x = 1\n", RenderLimits(), "python")


def test_the_documented_limits() -> None:
    """docs/limits.md states these figures; change both together."""
    assert limits.MAX_CODES == 100_000
    assert limits.MAX_CATALOG_BYTES == 50 * 2**20
    assert limits.MAX_BLACK_CODES == 20_000
    assert (limits.MAX_CODE_SETS, limits.BLACK_SET_CODES) == (10_000, 10)
    assert (limits.MAX_ATTRIBUTES, limits.MAX_GROUP_VALUES) == (10_000, 10_000)
    assert (limits.MAX_LANGUAGES, limits.MAX_MESSAGES, limits.MAX_ALIASES) == (
        200,
        300_000,
        100_000,
    )
    assert (limits.MAX_CATALOG_NODES, limits.MAX_REPORTED_PROBLEMS) == (3_000_000, 1_000)
    assert limits.MEMORY_BOUND_GIB == 2
    assert (limits.DEFAULT_RENDER_SECONDS, limits.DEFAULT_OUTPUT_MIB) == (120, 256)


@pytest.mark.parametrize(
    "expression",
    [
        "'x'|center(10**9)",
        "'x'|indent(10**9)",
        "'x'.ljust(10**9)",
        "'x'.zfill(width=10**9)",
        "'%999999999d'|format(1)",
        "'%999999999d' % 1",
        "'{:999999999}'.format(1)",
    ],
)
def test_padding_past_max_repeat_is_refused_before_it_is_made(
    tmp_path: Path, expression: str
) -> None:
    """Each would build a gigabyte of text in one C call that the deadline cannot stop."""
    with pytest.raises(
        TemplateError, match=r"refused a (format )?width of 999,999,999|1,000,000,000"
    ):
        _render(tmp_path, "{{ " + expression + " }}\n", RenderLimits())


def test_padding_and_formats_within_max_repeat_and_long_numbers_in_text_still_render(
    tmp_path: Path,
) -> None:
    template = (
        "{{ 'x'|center(5) }}|{{ '%5d' % 7 }}|{{ '{:>4}'.format('y') }}|"
        "{{ '受付番号 123456789012'|indent(2) }}|{{ 123456789012|string|center(3) }}\n"
    )
    assert _render(tmp_path, template, RenderLimits()) == (
        "  x  |    7|   y|受付番号 123456789012|123456789012\n"
    )


# --- user templates: a child process under the kernel's limits ---------------------------

needs_limits = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="kernel limits for user templates: Linux only"
)

BOMBS = {  # each builds gigabytes in a step no check of bounds.py foresaw
    "a width from the arguments": "{{ '%*d' % (3000000000, 1) }}",
    "a nested format width": "{{ '{:>{}}'.format('x', 3000000000) }}",
    "a precision from the arguments": "{{ '%.*f' % (2000000000, 1.0) }}",
    "batch's filling": "{{ [1]|batch(10**9, 'x')|list|length }}",
    "a join of repeated strings": "{{ (['x' * 16777216] * 1000)|join|length }}",
    "replace": "{{ ('x' * 16777216).replace('x', 'x' * 100)|length }}",
    "doubling with ~": (
        "{% set ns = namespace(s='x' * 16777216) %}{% for i in range(10) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
    ),
}


@needs_limits
@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_a_user_template_that_builds_gigabytes_is_stopped_by_the_memory_limit(
    project: Project, capsys: pytest.CaptureFixture[str], bomb: str
) -> None:
    _one_target(project, "ok\n", "template_memory_mib = 256")
    assert project.run("generate") == 0
    _one_target(project, "start\n" + bomb + "\n", "template_memory_mib = 256")
    err = _refused(project, capsys)
    assert err.startswith(f"{project.templates / 't.txt.j2'}:2: rendering t.txt needed more than")
    assert "256 MiB of memory, the limit for a user template (template_memory_mib)" in err


@needs_limits
def test_the_default_memory_limit_stops_a_bomb_of_three_gigabytes(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _one_target(project, BOMBS["a width from the arguments"] + "\n")
    err = _refused(project, capsys)
    assert f"needed more than {limits.DEFAULT_TEMPLATE_MEMORY_MIB} MiB of memory" in err


@needs_limits
def test_a_user_template_past_its_cpu_time_is_stopped_at_its_line(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CPU limit counts compiling, rendering and formatting; render_timeout only
    rendering, by the wall clock."""
    _one_target(project, "ok\n" + NEVER_ENDS, "template_cpu_seconds = 1\nrender_timeout = 600")
    err = _refused(project, capsys)
    assert err.startswith(f"{project.templates / 't.txt.j2'}:2: rendering t.txt used more than 1 s")
    assert "of CPU time, the limit for a user template (template_cpu_seconds)" in err


@needs_limits
def test_a_user_template_is_compiled_under_the_limits_too(tmp_path: Path) -> None:
    """Jinja folds constant expressions while compiling: batch(10**9, 'x') would be built
    then, before any rendering."""
    (tmp_path / "t.j2").write_text("{{ ['a']|batch(10**9, 'x')|list }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="needed more than 128 MiB of memory"):
        render_all(
            small(), [Target("t.j2", "t.out")], [tmp_path], limits=RenderLimits(memory_bytes=2**27)
        )
