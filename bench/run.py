"""Time codegen's commands at several catalog sizes against a floor and LinkML; write BENCHMARKS.md.

    python bench/run.py [--sizes 148,1000,10000,100000] [--runs 5] [--out BENCHMARKS.md]
    python bench/run.py --profile check-changed 10000   # bench/profiles/check-changed-10000.txt

Size 148 stands for the real catalog: spec/codes.yaml when the checkout has one, otherwise
a synthetic catalog of 148 codes. Each size is timed in its own temporary repository; the
children run this checkout's codegen (PYTHONPATH is set to it) with this script's Python.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import memory, scenarios
from bench.measure import Measurement, measure, run_once
from bench.plot import plot
from bench.report import RunInfo, commit, render
from bench.results import REAL_SIZE, SizeResult
from bench.scenarios import Inputs, Repo, Step

REPO = Path(__file__).resolve().parent.parent
INSTALL_HINT = "install with `pip install -e '.[bench]'`"
LINKML_HINT = "install it with `make linkml` (its own venv, .venv-linkml)"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="148,1000,10000,100000", help="comma-separated code counts"
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md", help="the report")
    parser.add_argument("--plot", type=Path, default=REPO / "bench" / "plot.png")
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds per run (default 600)"
    )
    parser.add_argument(
        "--linkml-bin",
        type=Path,
        default=Path(sys.executable).parent,
        help="folder of LinkML's gen-* scripts (default: this Python's bin folder)",
    )
    parser.add_argument(
        "--linkml-max-size", type=int, default=10_000, help="skip LinkML above this size"
    )
    parser.add_argument("--synthetic-only", action="store_true", help="never use spec/codes.yaml")
    parser.add_argument(
        "--memory-only",
        action="store_true",
        help="measure only the peak memory of generate (bench/memory.py) and replace only "
        "that section of --out",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary repositories")
    parser.add_argument(
        "--profile", nargs=2, metavar=("COMMAND", "SIZE"), help="profile one command"
    )
    args = parser.parse_args(argv)
    args.linkml_bin = args.linkml_bin.absolute()  # the generators run in a temporary folder
    try:
        args.sizes = [int(size) for size in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes takes comma-separated integers, not {args.sizes!r}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    ruff = _has_ruff(env)
    checkout = commit(REPO)  # before the run writes its plot and report
    if args.profile:
        return _profile(args, env, ruff)
    made_by = "python bench/run.py " + shown_arguments(sys.argv[1:] if argv is None else argv)
    if args.memory_only:
        _memory(args, env, f"`{made_by}` at codegen {checkout} on {date.today().isoformat()}")
        return 0
    linkml_version = _linkml_version(args.linkml_bin)
    results = [_run_size(size, args, env, ruff, linkml_version) for size in args.sizes]
    plot_note = plot(results, args.plot)
    info = RunInfo(
        command=made_by,
        runs=args.runs,
        timeout=args.timeout,
        python=shown_arguments([sys.executable]),
        linkml_version=linkml_version,
        plot="" if plot_note else os.path.relpath(args.plot, args.out.resolve().parent),
        plot_note=plot_note,
        commit=checkout,
    )
    args.out.write_text(render(results, info, REPO), encoding="utf-8", newline="\n")
    print(f"wrote {args.out}", file=sys.stderr)
    _memory(args, env, f"`{info.command}`, the same run as the sections above")
    return 0


def _memory(args: argparse.Namespace, env: dict[str, str], made_by: str) -> None:
    """The peak-memory rows, written into --out's memory section after each row."""

    def write(rows: list[tuple[memory.Case, Measurement]]) -> None:
        report = args.out.read_text(encoding="utf-8") if args.out.is_file() else "# Benchmarks\n"
        text = memory.splice(report, memory.section(rows, made_by))
        args.out.write_text(text, encoding="utf-8", newline="\n")

    memory.run_memory(REPO, sys.executable, env, args.runs, args.timeout, write)
    print(f"wrote the memory section of {args.out}", file=sys.stderr)


def _inputs(size: int, synthetic_only: bool) -> Inputs:
    real = REPO / scenarios.CATALOG
    if size != REAL_SIZE:
        return scenarios.synthetic_inputs(size)
    if real.is_file() and not synthetic_only:
        return scenarios.real_inputs(real)
    why = "--synthetic-only" if synthetic_only else f"no {scenarios.CATALOG} yet"
    return scenarios.synthetic_inputs(size, f"synthetic stand-in, {why}")


def _run_size(
    size: int,
    args: argparse.Namespace,
    env: dict[str, str],
    ruff: str,
    linkml: str,
) -> SizeResult:
    inputs = _inputs(size, args.synthetic_only)
    root = Path(tempfile.mkdtemp(prefix=f"codegen-bench-{size}-"))
    try:
        repo = Repo(root, REPO, inputs, sys.executable, env)
        floor = _timed(repo, "floor", "floor", [sys.executable, "-c", scenarios.FLOOR_CODE], args)
        result = SizeResult(size, inputs.codes, inputs.origin, floor)
        if ruff:
            result.notes.append(f"[ruff]: {ruff}.")
        else:
            result.notes.append(f"ruff is not installed: {INSTALL_HINT}; no [ruff] figures.")
        for step in scenarios.codegen_steps(inputs.markdown_lang, bool(ruff)):
            result.steps.append(_time_step(repo, step, args))
        if not linkml:
            result.linkml_note = f"LinkML not installed: {LINKML_HINT}"
        elif size > args.linkml_max_size:
            result.linkml_note = f"LinkML skipped above --linkml-max-size {args.linkml_max_size:,}"
        else:
            for name, gen_args in scenarios.LINKML_GENERATORS:
                argv = [str(args.linkml_bin / name), *gen_args]
                before = repo.clear_linkml_docs
                result.linkml.append(_timed(repo, name, name, argv, args, before_each=before))
        return result
    finally:
        if args.keep:
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


def _time_step(repo: Repo, step: Step, args: argparse.Namespace) -> Measurement:
    problem = repo.enter(step)
    if problem:
        result = Measurement(step.key, step.label, error=problem)
        _progress(repo, result)
    else:
        argv = repo.codegen(*step.args)
        result = _timed(repo, step.key, step.label, argv, args, step.expect, repo.before_each(step))
    repo.leave(step, result.ok)
    return result


def _timed(
    repo: Repo,
    key: str,
    label: str,
    argv: list[str],
    args: argparse.Namespace,
    expect: int = 0,
    before_each: Callable[[], None] = lambda: None,
) -> Measurement:
    result = measure(
        key,
        label,
        argv,
        repo.root,
        repo.env,
        runs=args.runs,
        timeout=args.timeout,
        expect=expect,
        before_each=before_each,
    )
    _progress(repo, result)
    return result


def _progress(repo: Repo, m: Measurement) -> None:
    figure = f"{m.median:.3f} s, {m.peak_mib:.0f} MiB" if m.ok else m.error
    print(f"[{repo.inputs.codes:>7,} codes] {m.label}: {figure}", file=sys.stderr, flush=True)


def _has_ruff(env: dict[str, str]) -> str:
    """What the [ruff] rows are, when codegen finds ruff; '' when it does not."""
    code = "from codegen.render.formatters import ruff_command; print(ruff_command() or '')"
    try:
        found = subprocess.run(
            [sys.executable, "-c", code],
            check=False,
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=60,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    if not found:
        return ""
    return (
        f"the same commands with `--config {scenarios.RUFF_CONFIG}`, this repository's "
        'configuration with `formatter = "ruff"` for the Python module (ruff\'s black-compatible '
        "formatter instead of black)"
    )


def _linkml_version(folder: Path) -> str:
    """LinkML's version when its generators are in ``folder``, else ''."""
    if not all((folder / name).is_file() for name, _ in scenarios.LINKML_GENERATORS):
        return ""
    python = folder / "python"
    code = "import importlib.metadata as m; print(m.version('linkml'))"
    try:
        found = subprocess.run(
            [str(python), "-c", code], check=False, capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown version"
    return found.stdout.strip() if found.returncode == 0 else ""


def _profile(args: argparse.Namespace, env: dict[str, str], ruff: str) -> int:
    key, size_text = args.profile
    if not importlib.util.find_spec("pyinstrument"):
        print(f"pyinstrument is not installed: {INSTALL_HINT}", file=sys.stderr)
        return 2
    inputs = _inputs(int(size_text), args.synthetic_only)
    all_steps = scenarios.codegen_steps(inputs.markdown_lang, ruff=bool(ruff))
    steps = {step.key: step for step in all_steps}
    if key not in steps:
        print(f"unknown command {key!r}: choose one of {', '.join(steps)}", file=sys.stderr)
        return 2
    step, out = steps[key], REPO / "bench" / "profiles" / f"{key}-{size_text}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"codegen-profile-{size_text}-") as root:
        repo = Repo(Path(root), REPO, inputs, sys.executable, env)
        problem = repo.enter(step)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        repo.before_each(step)()
        argv = [sys.executable, "-m", "pyinstrument", "--no-color", "-r", "text", "-o", str(out)]
        one_process = {**env, "CODEGEN_JOBS": "1"}  # a fork's samples would be lost
        sample = run_once(
            [*argv, "-m", "codegen", *step.args], repo.root, one_process, args.timeout
        )
    print(f"wrote {_shown(out)} (exit {sample.exit_code}, {sample.seconds:.2f} s)", file=sys.stderr)
    return 0 if out.exists() else 1


def shown_arguments(argv: list[str]) -> str:
    """``argv`` as the report shows it: naming no path of this machine. A path inside the
    checkout is shown relative to it, another absolute path (``--linkml-bin
    /home/me/...``) by its last part only."""
    shown = []
    for argument in argv:
        option, equals, value = (
            argument.rpartition("=") if argument.startswith("--") else ("", "", argument)
        )
        if os.path.isabs(value):
            path = Path(value)
            value = _shown(path) if path.is_relative_to(REPO) else f"…/{path.name}"
        shown.append(f"{option}{equals}{value}")
    return " ".join(shown)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
