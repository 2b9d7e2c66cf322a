"""Untrusted bytes are parsed in a child process with hard limits on memory and time.

A Rust allocator that aborts, a parser that loops or a file that needs more memory than allowed
ends only the child; the caller gets one clear error (FILE_TOO_COMPLEX) and the server lives on.

Children are forked from a zygote (``model.workbook.isolation_worker``) that has already imported the
reader, so a read costs a fork and the pickling of its result, not a fresh interpreter. A one-shot
command (``python -m model``) forks its children from itself instead (``fork_here``): it has
imported the reader too and has no threads, and it is spared a second interpreter's start.
``RLIMIT_AS`` bounds every allocator in the child (glibc's, Arrow's, Rust's); measured, it stops
calamine's 512 GB grid for a far cell at once, and a county workbook reads well within it.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from model.workbook.errors import WorkbookError, make_error
from model.workbook.isolation_worker import receive_frame, send_frame, serve_request

if TYPE_CHECKING:
    from model.workbook.intake import FileKind
    from model.workbook.reader import ReadResult

UPLOAD_MEMORY_MB = int(os.environ.get("XUEXI_READ_MEMORY_MB", "1536"))
UPLOAD_SECONDS = float(os.environ.get("XUEXI_READ_SECONDS", "60"))
_PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Limits:
    memory_mb: int = UPLOAD_MEMORY_MB
    seconds: float = UPLOAD_SECONDS


class _Zygote:
    """One zygote per server process, started on first use and again if it ever dies."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.socket_path = ""
        self.ready = False

    def start(self) -> None:
        """Launch the zygote without waiting for it: its imports overlap with the caller's."""
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self._launch()

    def ensure(self) -> str:
        """The socket of a zygote that is ready, started or restarted as needed."""
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self._launch()
            if not self.ready:
                self._wait_ready()
            return self.socket_path

    def _launch(self) -> None:
        folder = tempfile.mkdtemp(prefix="xuexi-reader-")
        self.socket_path = str(Path(folder) / "zygote.sock")
        self.ready = False
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(_PROJECT_ROOT), environment.get("PYTHONPATH")])
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "model.workbook.isolation_worker", self.socket_path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=environment,
            cwd=_PROJECT_ROOT,
        )

    def _wait_ready(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], 60)
        if not ready or self.process.stdout.readline().strip() != b"ready":
            self.process.kill()
            raise RuntimeError("the isolated reader did not start")
        self.ready = True


_zygote = _Zygote()
_forking_here = False


def fork_here() -> None:
    """Fork children from this process from now on, not from the zygote: only for a process
    that runs no threads of its own (a command, not the server or a test run)."""
    global _forking_here
    _forking_here = True


def warm(wait: bool = True) -> None:
    """Start the zygote now (it imports the reader once), so the first read is quick; without
    ``wait`` its start overlaps with whatever the caller does next."""
    if _forking_here:
        return
    if wait:
        _zygote.ensure()
    else:
        _zygote.start()


class IsolatedFailure(Exception):
    """The child died (memory, a crash) or ran out of time."""

    def __init__(self, timed_out: bool) -> None:
        super().__init__("timeout" if timed_out else "died")
        self.timed_out = timed_out


class Pending:
    """A task sent to its child; ``result()`` waits for the answer (or the deadline)."""

    def __init__(self, connection: socket.socket, deadline: float, own_child: bool) -> None:
        self.connection, self.deadline, self.own_child = connection, deadline, own_child
        self.pid: int | None = None

    def result(self) -> object:
        connection, deadline = self.connection, self.deadline
        try:
            ready, _, _ = select.select([connection], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError
            connection.settimeout(max(1.0, deadline - time.monotonic()))
            return receive_frame(connection)
        except (OSError, EOFError, TimeoutError, struct.error) as exc:
            if self.pid is not None:
                _kill(self.pid)
            raise IsolatedFailure(time.monotonic() >= deadline - 0.05) from exc
        finally:
            connection.close()
            if self.own_child and self.pid is not None:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(self.pid, 0)


def start_isolated(
    task: str, arguments: dict[str, object], limits: Limits | None = None
) -> Pending:
    """Send ``task`` of ``model.workbook.isolation_worker`` to a fresh child under ``limits``;
    the caller may work on while the child does."""
    limits = limits or Limits()
    deadline = time.monotonic() + limits.seconds
    request = {
        "task": task,
        "arguments": arguments,
        "memory_mb": limits.memory_mb,
        "seconds": limits.seconds,
    }
    if _forking_here:
        return _fork_child(request, deadline)
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    pending = Pending(connection, deadline, own_child=False)
    try:
        connection.settimeout(limits.seconds)
        connection.connect(_zygote.ensure())
        (pending.pid,) = struct.unpack("!q", _receive(connection, 8, deadline))
        send_frame(connection, request)
    except (OSError, EOFError, TimeoutError, struct.error) as exc:
        if pending.pid is not None:
            _kill(pending.pid)
        connection.close()
        raise IsolatedFailure(time.monotonic() >= deadline - 0.05) from exc
    return pending


def _fork_child(request: dict[str, object], deadline: float) -> Pending:
    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:  # the child: one task, then gone without running the parent's clean-up
        code = 0
        try:
            ours.close()
            serve_request(theirs, request)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    theirs.close()
    pending = Pending(ours, deadline, own_child=True)
    pending.pid = pid
    return pending


def run_isolated(task: str, arguments: dict[str, object], limits: Limits | None = None) -> object:
    """Run ``task`` of ``model.workbook.isolation_worker`` in a fresh child under ``limits``."""
    return start_isolated(task, arguments, limits).result()


def read_isolated(
    data: bytes, max_bytes: int, limits: Limits | None = None, keep_raws: bool = False
) -> ReadResult:
    """``read_workbook(data)`` in a child process under ``limits``; never raises on bad input."""
    return start_read(data, max_bytes, limits, keep_raws)()


def start_read(
    data: bytes, max_bytes: int, limits: Limits | None = None, keep_raws: bool = False
) -> Callable[[], ReadResult]:
    """Start ``read_isolated``; the function returned waits for its ``ReadResult``."""
    from model.workbook.reader import ReadResult

    limits = limits or Limits()
    arguments = {"data": data, "max_bytes": max_bytes, "keep_raws": keep_raws}

    try:
        pending = start_isolated("read", arguments, limits)
    except IsolatedFailure as failure:
        answer = _too_complex(failure, limits)  # ``failure`` is unbound once the block ends
        return lambda: answer

    def finish() -> ReadResult:
        try:
            result = pending.result()
        except IsolatedFailure as failure:
            return _too_complex(failure, limits)
        assert isinstance(result, ReadResult)
        return result

    return finish


def run_report_isolated(
    arguments: dict[str, object], limits: Limits | None = None
) -> tuple[ReadResult, bytes | None]:
    """``model.cli_report.report_output(**arguments)`` in a child; a child that dies or runs out
    of time is FILE_TOO_COMPLEX, as for a read."""
    limits = limits or Limits()
    try:
        answer = run_isolated("report", arguments, limits)
    except IsolatedFailure as failure:
        return _too_complex(failure, limits), None
    assert isinstance(answer, tuple)
    return answer


def _too_complex(failure: IsolatedFailure, limits: Limits) -> ReadResult:
    from model.workbook.reader import ReadResult

    detail = f"超过 {limits.seconds:.0f} 秒" if failure.timed_out else "超出内存或处理上限"
    error = make_error("FILE_TOO_COMPLEX", detail=detail)
    return ReadResult(None, [error], unreadable=True)


def annotate_isolated(
    data: bytes,
    errors: list[WorkbookError],
    limits: Limits | None = None,
    kind: FileKind | None = None,
) -> bytes:
    """The annotated .xlsx copy, made in a child; if the child fails, the error list on its own."""
    arguments = {
        "data": data,
        "errors": errors,
        "file_format": kind.format if kind else "xlsx",
        "macros": kind.macros if kind else False,
    }
    try:
        annotated = run_isolated("annotate", arguments, limits)
    except IsolatedFailure:
        annotated = None
    if isinstance(annotated, bytes):
        return annotated
    from model.outputs.annotate import error_list_bytes

    return error_list_bytes(errors)


def _receive(connection: socket.socket, size: int, deadline: float) -> bytes:
    connection.settimeout(max(0.1, deadline - time.monotonic()))
    chunks = b""
    while len(chunks) < size:
        chunk = connection.recv(size - len(chunks))
        if not chunk:
            raise EOFError
        chunks += chunk
    return chunks


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
