"""The cyclic garbage collector paused while a big structure is built.

A province's report builds hundreds of thousands of dicts and lists: each allocation burst makes
the collector walk every live container again, which measured 2.5–4.5 s of a 9 s report and a
7 s JSON. Nothing built here is garbage until it is done, so the walks find nothing; the
collector runs again as usual once the work is over.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def give_back_memory() -> None:
    """Hand memory freed after a big step back to the system. The sheets' text lives in Arrow's
    pool and calamine's in the C heap: both keep freed pages for reuse, which Python's own
    allocator never asks them for, so at province scale 100–200 MB stayed resident for nothing
    and raised the command's peak. glibc only (malloc_trim); elsewhere it does nothing more."""
    import ctypes

    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # no glibc
        ctypes.CDLL(None).malloc_trim(0)
