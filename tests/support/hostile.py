"""What the hostile-input tests need: a call that must not block, a codegen process whose
time and memory are measured (and bounded, so a regression fails instead of filling the
machine), and a huge blob committed to git history without writing it anywhere.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
MIB = 2**20

# The child sets its own address-space limit, runs codegen's CLI as `codegen` does, and on
# its way out writes its peak memory: its own high-water mark since exec (VmHWM), or that of
# a process it waited for (git), whichever is larger. (wait4's ru_maxrss would not do: it
# counts the memory of the process that spawned it, pytest's, from before the exec.)
_CHILD = """
import atexit, resource, sys

def report_peak():
    with open("/proc/self/status", encoding="ascii") as status:
        own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    waited = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(sys.argv[2], "w", encoding="ascii") as report:
        report.write(str(max(own, waited)))

limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
atexit.register(report_peak)
from codegen.cli import main
sys.exit(main(sys.argv[3:]))
"""


def returns_within(seconds: float, function: Callable[[], T], fifo: Path | None = None) -> T:
    """``function()``'s result, which must come within ``seconds``. When it does not (it
    blocks opening ``fifo`` for reading, as code that opens a FIFO plainly does), the FIFO
    is opened for writing and closed, which lets the reader go, and the test fails."""
    box: dict[str, object] = {}

    def call() -> None:
        try:
            box["result"] = function()
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread
            box["error"] = error

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the blocked reader goes on
            thread.join(seconds)
        raise AssertionError(f"blocked for more than {seconds} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


@dataclass(frozen=True)
class Ran:
    """A finished codegen process: exit status, output, wall time and peak memory in MiB
    (the largest resident set of it and of every process it waited for, such as git)."""

    status: int
    out: str
    err: str
    seconds: float
    peak_mib: float


def run_measured(
    args: list[str],
    cwd: Path,
    *,
    timeout: float = 60.0,
    address_space_mib: int = 1536,
    env: Mapping[str, str] | None = None,
) -> Ran:
    """``codegen ARGS`` in a child process limited to ``address_space_mib`` of address
    space (a runaway read ends in MemoryError, not in the machine's swap) and killed after
    ``timeout`` seconds."""
    limit = str(address_space_mib * MIB)
    environment = {**os.environ, **(env or {})}
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as folder,
    ):
        report = Path(folder) / "peak"
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, limit, str(report), *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=environment,
        )
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            child.wait()
        finally:
            timer.cancel()
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        peak = int(report.read_text("ascii")) / 1024 if report.exists() else float("inf")
        return Ran(
            child.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            peak,  # KiB on Linux; infinite when it was killed before reporting
        )


_LINE = b"# a comment line, as many as it takes to make the catalog huge.\n"


def huge_blob(git_dir: Path, size: int) -> str:
    """Write a blob of ``size`` bytes (comment lines) into ``git_dir``'s object store as a
    loose object and return its id, in a few seconds and a few MB of disk for gigabytes:
    the deflate stream of one 1 MiB chunk, flushed so that it starts afresh, repeated."""
    chunk = _LINE * (MIB // len(_LINE))
    whole, rest = divmod(size, len(chunk))
    header = b"blob %d\0" % size
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: zlib's frame by hand
    head = deflate.compress(header) + deflate.flush(zlib.Z_FULL_FLUSH)
    body = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.compress(chunk[:rest]) + deflate.flush(zlib.Z_FINISH)
    sha1, adler = hashlib.sha1(header), zlib.adler32(header)
    for _ in range(whole):
        sha1.update(chunk)
        adler = zlib.adler32(chunk, adler)
    sha1.update(chunk[:rest])
    adler = zlib.adler32(chunk[:rest], adler)
    name = sha1.hexdigest()
    path = git_dir / "objects" / name[:2] / name[2:]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        file.write(b"\x78\xda" + head)  # zlib header: deflate, 32K window, best compression
        for _ in range(whole):
            file.write(body)
        file.write(end + adler.to_bytes(4, "big"))
    return name
