"""The isolated reader's layer: untrusted bytes are handled in a forked child under hard limits.

It knows no workbook, report or output: the layers above register their tasks by name
(``register("read", run, encode=..., decode=...)``) and this package runs them. A child hands
back plain data only (JSON, Arrow IPC and raw bytes; nothing that runs code when it is loaded).

- ``registry``: the tasks, and ``Plain`` (what crosses between parent and child);
- ``limits``: memory and time of a child;
- ``wire``: the messages on the socket (a JSON header and raw byte frames);
- ``plain``: values and DataFrames as plain data (tagged JSON, Arrow IPC);
- ``worker``: a child's side: run one task, answer with its result or what it raised;
- ``zygote``: the process that imports the task modules once and forks a child per task;
- ``runner``: the parent's side: start a task, wait for it, and say how it failed.
"""

from model.sandbox.limits import Limits
from model.sandbox.registry import Plain, Task, register
from model.sandbox.runner import (
    LimitExceeded,
    Pending,
    SandboxFailure,
    TaskRaised,
    fork_here,
    run,
    start,
    warm,
)

__all__ = [
    "LimitExceeded",
    "Limits",
    "Pending",
    "Plain",
    "SandboxFailure",
    "Task",
    "TaskRaised",
    "fork_here",
    "register",
    "run",
    "start",
    "warm",
]
