"""The parent's side: start a task in a child under limits, wait for it, say how it failed.

Children are forked from a zygote (``model.sandbox.zygote``) that has imported the modules of the
registered tasks. A one-shot command (``python -m model``) forks its children from itself instead
(``fork_here``): it has imported them too and has no threads, and it is spared a second
interpreter's start.

A task ends in one of three ways: its decoded result; ``LimitExceeded`` when the child died (out
of memory, a crash, a signal) or ran out of time; ``TaskRaised`` when the task raised, or its
answer could not be read. Each ``TaskRaised`` is written to the log (level error) with its
traceback, under a short incident id that the caller shows in place of the result.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from model.sandbox import registry
from model.sandbox.limits import Limits
from model.sandbox.registry import Blob, Plain, Task
from model.sandbox.wire import ProtocolError, receive_message, send_message
from model.sandbox.worker import serve_request

log = logging.getLogger("model.sandbox")
R = TypeVar("R")
_PROJECT_ROOT = Path(__file__).resolve().parents[2]


class SandboxFailure(Exception):
    """A task gave no result: ``LimitExceeded`` or ``TaskRaised``, never anything else."""


class LimitExceeded(SandboxFailure):
    """The child died (memory, a crash, a signal) or ran out of time."""

    def __init__(self, timed_out: bool) -> None:
        super().__init__("timeout" if timed_out else "died")
        self.timed_out = timed_out


class TaskRaised(SandboxFailure):
    """The task raised (a bug, not the file's size): logged with its traceback under
    ``incident``."""

    def __init__(self, task: str, error: str, incident: str) -> None:
        super().__init__(f"{task}: {error} (incident {incident})")
        self.task, self.error, self.incident = task, error, incident


def _incident(task: str, error: str, trace: str, where: str) -> TaskRaised:
    incident = secrets.token_hex(4)
    log.error("sandbox incident %s: task %r %s: %s\n%s", incident, task, where, error, trace)
    return TaskRaised(task, error, incident)


class _Zygote:
    """One zygote per process, started on first use and again if it ever dies."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.socket_path = ""
        self.ready = False
        self.modules: list[str] = []

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
        folder = tempfile.mkdtemp(prefix="xuexi-sandbox-")
        self.socket_path = str(Path(folder) / "zygote.sock")
        self.ready = False
        self.modules = registry.modules()
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(_PROJECT_ROOT), environment.get("PYTHONPATH")])
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "model.sandbox.zygote", self.socket_path, *self.modules],
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
            raise RuntimeError("the sandbox's zygote did not start")
        self.ready = True


_zygote = _Zygote()
_forking_here = False


def fork_here() -> None:
    """Fork children from this process from now on, not from the zygote: only for a process
    that runs no threads of its own (a command, not the server or a test run)."""
    global _forking_here
    _forking_here = True


def warm(wait: bool = True) -> None:
    """Start the zygote now (it imports the registered task modules once), so the first task is
    quick; without ``wait`` its start overlaps with whatever the caller does next."""
    if _forking_here:
        return
    if wait:
        _zygote.ensure()
    else:
        _zygote.start()


class Pending(Generic[R]):
    """A task sent to its child; ``result()`` waits for the answer (or the deadline)."""

    def __init__(
        self, task: Task[Any, R], connection: socket.socket, deadline: float, own_child: bool
    ) -> None:
        self.task, self.connection, self.deadline = task, connection, deadline
        self.own_child = own_child
        self.pid: int | None = None

    def result(self) -> R:
        """The decoded result; raises ``LimitExceeded`` or ``TaskRaised``."""
        connection, deadline = self.connection, self.deadline
        try:
            ready, _, _ = select.select([connection], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError
            connection.settimeout(max(1.0, deadline - time.monotonic()))
            header, blobs = receive_message(connection)
        except (OSError, EOFError, TimeoutError, struct.error) as exc:
            if self.pid is not None:
                _kill(self.pid)
            raise LimitExceeded(time.monotonic() >= deadline - 0.05) from exc
        except ProtocolError as exc:
            raise _incident(self.task.name, str(exc), "", "answered with no message") from exc
        finally:
            connection.close()
            if self.own_child and self.pid is not None:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(self.pid, 0)
        return _outcome(self.task, header, blobs)


def _outcome(task: Task[Any, R], header: dict[str, Any], blobs: dict[str, bytes]) -> R:
    status = header.get("status")
    if status == "memory":
        raise LimitExceeded(timed_out=False)
    if status == "raised":
        error, trace = str(header.get("error")), str(header.get("traceback"))
        raise _incident(task.name, error, trace, "raised in the child")
    if status != "ok":
        raise _incident(task.name, f"status {status!r:.40}", "", "answered with no status")
    try:
        return task.decode(Plain(header.get("data"), blobs))
    except Exception as exc:
        trace = traceback.format_exc()
        raise _incident(
            task.name, repr(exc)[:2000], trace, "answered what cannot be decoded"
        ) from exc


def start(
    task: Task[Any, R] | str, arguments: Plain | None = None, limits: Limits | None = None
) -> Pending[R]:
    """Send ``task`` (or the registered task of that name) with ``arguments`` to a fresh child
    under ``limits``; the caller may work on while the child does."""
    chosen: Task[Any, Any] = registry.task(task) if isinstance(task, str) else task
    arguments = arguments or Plain()
    limits = limits or Limits()
    deadline = time.monotonic() + limits.seconds
    header = {
        "task": chosen.name,
        "module": chosen.module,
        "memory_mb": limits.memory_mb,
        "seconds": limits.seconds,
        "data": arguments.data,
    }
    if _forking_here:
        return _fork_child(chosen, header, arguments.blobs, deadline)
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    pending: Pending[R] = Pending(chosen, connection, deadline, own_child=False)
    try:
        socket_path = _zygote.ensure()
    except RuntimeError as exc:
        connection.close()
        raise _incident(chosen.name, str(exc), "", "could not start") from exc
    try:
        connection.settimeout(limits.seconds)
        connection.connect(socket_path)
        (pending.pid,) = struct.unpack("!q", _receive(connection, 8, deadline))
        send_message(connection, header, arguments.blobs)
    except (OSError, EOFError, TimeoutError, struct.error) as exc:
        if pending.pid is not None:
            _kill(pending.pid)
        connection.close()
        raise LimitExceeded(time.monotonic() >= deadline - 0.05) from exc
    return pending


def run(
    task: Task[Any, R] | str, arguments: Plain | None = None, limits: Limits | None = None
) -> R:
    """``start(...).result()``: the task's result, or ``LimitExceeded`` / ``TaskRaised``."""
    return start(task, arguments, limits).result()


def _fork_child(
    task: Task[Any, R], header: dict[str, Any], blobs: Mapping[str, Blob], deadline: float
) -> Pending[R]:
    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:  # the child: one task, then gone without running the parent's clean-up
        code = 0
        try:
            ours.close()
            serve_request(theirs, header, blobs)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    theirs.close()
    pending: Pending[R] = Pending(task, ours, deadline, own_child=True)
    pending.pid = pid
    return pending


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
