"""The zygote of the isolated reader: imports the reader once, then forks one child per read.

Started by ``model.workbook.isolation`` as ``python -m model.workbook.isolation_worker SOCKET``. It is single
threaded, so forking it is safe (forking the Streamlit server, with its threads, is not), and it
never re-imports the caller's main module (multiprocessing's forkserver does, in every child).
Each child answers one connection: it sends its pid, receives the request, sets its limits,
reads the workbook and sends the result back. The zygote ends when its parent closes stdin.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import socket
import struct
import sys
from typing import Any

FRAME = struct.Struct("!Q")


def send_frame(connection: socket.socket, payload: object) -> None:
    body = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    connection.sendall(FRAME.pack(len(body)) + body)


def receive_exactly(connection: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = connection.recv(min(size, 1 << 22))
        if not chunk:
            raise EOFError("connection closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def receive_frame(connection: socket.socket) -> Any:
    (size,) = FRAME.unpack(receive_exactly(connection, FRAME.size))
    return pickle.loads(receive_exactly(connection, size))


def _serve_one(connection: socket.socket) -> None:
    connection.sendall(struct.pack("!q", os.getpid()))
    serve_request(connection, receive_frame(connection))


def serve_request(connection: socket.socket, request: dict[str, Any]) -> None:
    """In the child: set the limits, run the task, send its result back."""
    limit = request["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file
    cpu = int(request["seconds"]) + 5  # ends the child even if its parent is gone
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    send_frame(connection, _run(request["task"], request["arguments"]))


def _run(task: str, arguments: dict[str, Any]) -> object:
    """The tasks that touch untrusted bytes: reading, and writing the annotated copy."""
    if task == "read":
        from model.workbook.reader import read_workbook

        return read_workbook(
            arguments["data"], arguments["max_bytes"], arguments.get("keep_raws", False)
        )
    if task == "report":
        from model.cli_report import report_output

        return report_output(**arguments)
    if task == "annotate":
        from model.outputs.annotate import annotate_bytes

        return annotate_bytes(
            arguments["data"],
            arguments["errors"],
            arguments.get("file_format", "xlsx"),
            arguments.get("macros", False),
        )
    raise ValueError(task)


def main(socket_path: str) -> None:
    import model.workbook.reader  # noqa: F401 -- children start with the reader loaded

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(socket_path)
    server.listen(64)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        readable, _, _ = select.select([server, sys.stdin], [], [])
        if sys.stdin in readable and not os.read(sys.stdin.fileno(), 1):
            break  # the parent is gone
        if server in readable:
            connection, _ = server.accept()
            pid = os.fork()
            if pid == 0:
                server.close()
                code = 0
                try:
                    _serve_one(connection)
                except BaseException:
                    code = 1
                finally:
                    os._exit(code)
            connection.close()
    server.close()


if __name__ == "__main__":
    sys.dont_write_bytecode = False  # as model/__main__.py: the zygote's start-up is cached too
    main(sys.argv[1])
