"""The tasks a child can run, registered by name by the layers above the sandbox.

A task is three functions: ``run`` (in the child, on the request's plain data), ``encode`` (in
the child, its result to plain data) and ``decode`` (in the parent, plain data back to the
result). The module that registers a task is imported by the zygote before it forks, so a child
starts with the task's code loaded; a child whose zygote started before the task was registered
imports that module itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

Blob = bytes | bytearray | memoryview
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Plain:
    """What crosses between parent and child: JSON data (dicts, lists, str, numbers, bool,
    None) and named byte strings (a file, an Arrow IPC stream), sent as they are."""

    data: Any = None
    blobs: Mapping[str, Blob] = field(default_factory=dict)


@dataclass(frozen=True)
class Task(Generic[T, R]):
    name: str
    run: Callable[[Plain], T]
    encode: Callable[[T], Plain]
    decode: Callable[[Plain], R]
    module: str  # imported by the zygote before it forks


class UnknownTask(LookupError):
    pass


_TASKS: dict[str, Task[Any, Any]] = {}


def register(
    name: str,
    run: Callable[[Plain], T],
    *,
    encode: Callable[[T], Plain],
    decode: Callable[[Plain], R],
    module: str | None = None,
) -> Task[T, R]:
    """Register ``run`` as task ``name``; ``module`` (by default ``run``'s) must register it
    again when imported, as a module-level ``register`` call does."""
    task = Task(name, run, encode, decode, module or run.__module__)
    known = _TASKS.get(name)
    if known is not None and known.module != task.module:
        raise ValueError(f"task {name!r} is already registered by {known.module}")
    _TASKS[name] = task
    return task


def task(name: str, module: str | None = None) -> Task[Any, Any]:
    """The task ``name``; in a child, importing ``module`` first if it is not registered yet."""
    if name not in _TASKS and module:
        importlib.import_module(module)
    try:
        return _TASKS[name]
    except KeyError:
        raise UnknownTask(name) from None


def modules() -> list[str]:
    """The modules that registered tasks, for the zygote to import (``__main__`` cannot be)."""
    return sorted({t.module for t in _TASKS.values() if t.module != "__main__"})
