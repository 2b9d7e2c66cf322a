"""The zygote: imports the task modules once, then forks one child per task.

Started by ``model.sandbox.runner`` as ``python -m model.sandbox.zygote SOCKET MODULE...``, with
the modules that registered tasks, so each child starts with their code loaded: a task costs a
fork, not a fresh interpreter. It is single threaded, so forking it is safe (forking the
Streamlit server, with its threads, is not), and it never re-imports the caller's main module
(multiprocessing's forkserver does, in every child). Each child answers one connection
(``model.sandbox.worker``). The zygote ends when its parent closes stdin.
"""

from __future__ import annotations

import importlib
import os
import select
import signal
import socket
import sys
import traceback

from model.sandbox.worker import serve_connection


def main(socket_path: str, modules: list[str]) -> None:
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:  # its tasks will raise in the child, and say why, to the parent
            traceback.print_exc()
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
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    serve_connection(connection)
                except BaseException:
                    code = 1
                finally:
                    os._exit(code)  # one task, then gone without the zygote's clean-up
            connection.close()
    server.close()


if __name__ == "__main__":
    sys.dont_write_bytecode = False  # as model/__main__.py: the zygote's start-up is cached too
    main(sys.argv[1], sys.argv[2:])
