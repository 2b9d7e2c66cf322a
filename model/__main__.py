"""python -m model: validate, annotate, template, sample (and the commands of later issues)."""

import os
import sys

# A command's start-up compiles ~100 of our modules when no bytecode cache is kept (as under
# PYTHONDONTWRITEBYTECODE): a fifth of a scoped publish. Keep the cache, as Python does by default.
sys.dont_write_bytecode = False

from model.cli import main  # noqa: E402  (after the setting above, so our modules are cached)
from model.sandbox import fork_here  # noqa: E402

fork_here()  # a command runs no threads: it forks its readers itself, no zygote needed
try:
    code = main()
    # Everything is written and closed by now: skip tearing down pandas and the rest (a sample
    # `report --json` took 0.49 s so, 0.55 s with sys.exit: median of 7, 2026-12-04).
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:  # the reader went away (``… | head``): what it wanted, it has
    os._exit(0)
os._exit(code)
