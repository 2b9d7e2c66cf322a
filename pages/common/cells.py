"""Table cells as people read them: a missing value is a dash, never None, nan or NaT."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

DASH = "—"


def day(value: object) -> str:
    """A date as 2026-03-15; a missing one as a dash."""
    if _missing(value):
        return DASH
    try:
        return f"{pd.Timestamp(value):%Y-%m-%d}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DASH


def days(values: Iterable[object]) -> list[str]:
    return [day(value) for value in values]


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or value != value


def texts(values: Iterable[object], blank: str = DASH) -> list[str]:
    """Each value as text; a missing one as ``blank``."""
    return [blank if _missing(value) else str(value) for value in values]
