"""Package APIs that import their modules on first use (the pattern of ``lazy_loader.attach``).

Each package's ``__init__`` names its public API; importing the package stays cheap, so the CLI
and the first page load pay only for the modules they touch (openpyxl, for one, loads late).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def attach(
    package: str, modules: dict[str, list[str]]
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``: module → public names."""
    owner = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> object:
        if name in owner:
            return getattr(importlib.import_module(f"{package}.{owner[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(owner)

    return __getattr__, __dir__, sorted(owner)
