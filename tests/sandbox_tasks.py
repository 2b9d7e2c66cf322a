"""Tasks that fail on purpose, registered with the sandbox for its tests.

A module of its own (not a test module), so a zygote started before the tests registered them
can import it in its child without pytest.
"""

from __future__ import annotations

import os
import signal
import sys
import time

from model.sandbox import Plain, register


class Panic(BaseException):
    """As pyo3 raises a Rust panic: a BaseException, not an Exception."""


def _echo(arguments: Plain) -> Plain:
    return Plain(
        {"data": arguments.data, "sizes": {k: len(v) for k, v in arguments.blobs.items()}},
        dict(arguments.blobs),
    )


def _same(result: Plain) -> Plain:
    return result


def _loaded(arguments: Plain) -> Plain:
    """Which of the modules named were imported before this task ran."""
    return Plain([name for name in arguments.data if name in sys.modules])


def _raises(arguments: Plain) -> Plain:
    raise {"value": ValueError, "key": KeyError}[arguments.data]("['value'] not in index")


def _panics(arguments: Plain) -> Plain:
    raise Panic("called `Option::unwrap()` on a `None` value")


def _exits(arguments: Plain) -> Plain:
    raise SystemExit(3)


def _bad_encoding(result: Plain) -> Plain:
    raise TypeError("no plain form for object")


def _bad_decoding(plain: Plain) -> Plain:
    raise ValueError("expected str, got int")


def _sleeps(arguments: Plain) -> Plain:
    time.sleep(arguments.data)
    return arguments


def _allocates(arguments: Plain) -> Plain:
    hoard = bytearray(arguments.data * 2**20)
    return Plain(len(hoard))


def _dies(arguments: Plain) -> Plain:
    os.kill(os.getpid(), signal.SIGKILL)
    return arguments


ECHO = register("test.echo", _echo, encode=_same, decode=_same)
LOADED = register("test.loaded", _loaded, encode=_same, decode=_same)
RAISES = register("test.raises", _raises, encode=_same, decode=_same)
PANICS = register("test.panics", _panics, encode=_same, decode=_same)
EXITS = register("test.exits", _exits, encode=_same, decode=_same)
ENCODING_FAILS = register("test.encoding_fails", _echo, encode=_bad_encoding, decode=_same)
DECODING_FAILS = register("test.decoding_fails", _echo, encode=_same, decode=_bad_decoding)
SLEEPS = register("test.sleeps", _sleeps, encode=_same, decode=_same)
ALLOCATES = register("test.allocates", _allocates, encode=_same, decode=_same)
DIES = register("test.dies", _dies, encode=_same, decode=_same)
