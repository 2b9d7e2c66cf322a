"""How much memory and time a child may use, and setting them in the child.

``RLIMIT_AS`` bounds every allocator in the child (glibc's, Arrow's, Rust's); measured, it stops
calamine's 512 GB grid for a far cell at once, and a county workbook reads well within it.
"""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass

UPLOAD_MEMORY_MB = int(os.environ.get("XUEXI_READ_MEMORY_MB", "1536"))
UPLOAD_SECONDS = float(os.environ.get("XUEXI_READ_SECONDS", "60"))


@dataclass(frozen=True)
class Limits:
    memory_mb: int = UPLOAD_MEMORY_MB
    seconds: float = UPLOAD_SECONDS


def apply(memory_mb: int, seconds: float) -> None:
    """In the child, before the task: its address space, no core file, and CPU time."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file
    cpu = int(seconds) + 5  # ends the child even if its parent is gone
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
