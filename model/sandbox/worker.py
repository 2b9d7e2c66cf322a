"""A child's side: set the limits, run one task, and answer with its result or what it raised.

The answer is one message (``model.sandbox.wire``) whose header's ``status`` says what happened:

- ``ok``: the task's result, encoded by the task (``data`` and the blobs);
- ``memory``: the task ran out of memory under the child's limit (a limit, not a bug);
- ``raised``: the task (or its encoder) raised; ``error`` and ``traceback`` say what and where.

A child that dies (a crash, a signal, the CPU limit) sends nothing: the parent sees the
connection close.
"""

from __future__ import annotations

import os
import socket
import traceback
from collections.abc import Mapping
from typing import Any

from model.sandbox import limits, registry
from model.sandbox.registry import Blob, Plain
from model.sandbox.wire import receive_message, send_message

Message = tuple[dict[str, Any], Mapping[str, Blob]]


def serve_connection(connection: socket.socket) -> None:
    """In a child of the zygote: say who we are, receive the request, answer it."""
    connection.sendall(os.getpid().to_bytes(8, "big", signed=True))
    try:  # the request is held by ``answer_request`` alone, which frees it before encoding
        answer = answer_request(*receive_message(connection))
    except MemoryError:
        answer = {"status": "memory"}, {}
    except BaseException as exc:
        answer = _raised(exc)
    send_message(connection, *answer)


def serve_request(
    connection: socket.socket, header: dict[str, Any], blobs: Mapping[str, Blob]
) -> None:
    """In a child forked by the caller itself (``fork_here``): the request is already here."""
    send_message(connection, *answer_request(header, blobs))


def answer_request(header: dict[str, Any], blobs: Mapping[str, Blob]) -> Message:
    """Run the request's task under its limits; what it raised is the answer, not our end."""
    try:
        limits.apply(int(header["memory_mb"]), float(header["seconds"]))
        task = registry.task(header["task"], header.get("module"))
        result = task.run(Plain(header.get("data"), blobs))
        del blobs  # the request's bytes are freed before the answer is built
        encoded = task.encode(result)
        del result
        return {"status": "ok", "data": encoded.data}, encoded.blobs
    except MemoryError:
        return {"status": "memory"}, {}
    except BaseException as exc:  # a pyo3 panic is a BaseException; so is SystemExit
        return _raised(exc)


def _raised(exc: BaseException) -> Message:
    text = "".join(traceback.format_exception(exc))
    summary = "".join(traceback.format_exception_only(exc)).strip()
    return {"status": "raised", "error": summary[:2000], "traceback": text[-100_000:]}, {}
