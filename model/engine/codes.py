"""Per-member tallies by integer position (issue #28): a member's position in the timeline's
members, not the key text, is what the rules count by. ``np.bincount`` over positions is one
pass; a group-by on a million key strings hashes and then sorts them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd


def positions(keys: pd.Series, index: pd.Index) -> np.ndarray:
    """Each key's position in ``index`` (-1 for a blank or unknown key)."""
    return index.get_indexer(pd.Index(keys, dtype=keys.dtype, copy=False))


def tally(codes: np.ndarray, size: int, weights: Any = None) -> np.ndarray:
    """For each position 0…size-1, how many ``codes`` fall on it, or, with boolean ``weights``,
    how many of those are true; codes below 0 are left out. Integers either way."""
    codes = np.asarray(codes)
    known = codes >= 0
    if weights is not None:
        known &= np.asarray(weights, dtype=bool)
    return np.bincount(codes[known], minlength=size)
