"""Reading untrusted bytes in the sandbox (``model.sandbox``): the task ``read`` and its answers.

A file that needs more memory or time than allowed ends only the child; the caller gets one
clear error, FILE_TOO_COMPLEX. A reader that raises is a bug, not the file's size: the caller
gets READER_FAILED with the incident id under which the traceback went to the server log.
The child's ``ReadResult`` comes back as plain data (``model.workbook.transfer``).
"""

from __future__ import annotations

from collections.abc import Callable

from model.sandbox import (
    LimitExceeded,
    Limits,
    Plain,
    SandboxFailure,
    TaskRaised,
    fork_here,
    register,
    start,
    warm,
)
from model.sandbox.limits import UPLOAD_MEMORY_MB, UPLOAD_SECONDS
from model.workbook.errors import make_error
from model.workbook.reader import ReadResult, read_workbook
from model.workbook.transfer import result_from_plain, result_to_plain

__all__ = [
    "UPLOAD_MEMORY_MB",
    "UPLOAD_SECONDS",
    "Limits",
    "failed_read",
    "fork_here",
    "read_isolated",
    "start_read",
    "warm",
]


def _read(arguments: Plain) -> ReadResult:
    options = arguments.data
    data = bytes(arguments.blobs["data"])  # the very bytes object, not a copy
    return read_workbook(data, options["max_bytes"], options["keep_raws"])


READ = register("read", _read, encode=result_to_plain, decode=result_from_plain)


def read_isolated(
    data: bytes, max_bytes: int, limits: Limits | None = None, keep_raws: bool = False
) -> ReadResult:
    """``read_workbook(data)`` in a child process under ``limits``; never raises on bad input."""
    return start_read(data, max_bytes, limits, keep_raws)()


def start_read(
    data: bytes, max_bytes: int, limits: Limits | None = None, keep_raws: bool = False
) -> Callable[[], ReadResult]:
    """Start ``read_isolated``; the function returned waits for its ``ReadResult``."""
    limits = limits or Limits()
    arguments = Plain({"max_bytes": max_bytes, "keep_raws": keep_raws}, {"data": data})
    try:
        pending = start(READ, arguments, limits)
    except SandboxFailure as failure:
        answer = failed_read(failure, limits)  # ``failure`` is unbound once the block ends
        return lambda: answer

    def finish() -> ReadResult:
        try:
            return pending.result()
        except SandboxFailure as failure:
            return failed_read(failure, limits)

    return finish


def failed_read(failure: SandboxFailure, limits: Limits) -> ReadResult:
    """The child gave no result: over its limits is FILE_TOO_COMPLEX; a raise is READER_FAILED,
    and never FILE_TOO_COMPLEX (that would send the clerk simplifying a file for our bug)."""
    if isinstance(failure, TaskRaised):
        error = make_error("READER_FAILED", incident=failure.incident)
    elif isinstance(failure, LimitExceeded):
        detail = "OVER_SECONDS" if failure.timed_out else "OVER_LIMITS"
        error = make_error("FILE_TOO_COMPLEX", detail_code=detail, seconds=limits.seconds)
    else:  # pragma: no cover - the sandbox raises only these two
        raise failure
    return ReadResult(None, [error], unreadable=True)
