"""Per-member lists of {"code", "details"} from vectorised rules (reasons and fixes).

A rule's details are made for the members the rule holds for; where they are a function of a
few columns (counts, dates, scores), members with equal columns share one dict, built once:
nothing changes these dicts, and at province scale 100,000s of equal ones took seconds to make
and more than 50 MB to hold. A rule marked own (``same=None``) makes one dict per member.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd


class Rule(NamedTuple):
    code: str
    who: np.ndarray  # bool per member
    details: Callable[[int], dict[str, Any]] | None  # member position → details; None: {}
    same: Sequence[Any] | None = ()  # the arrays the details depend on; None: each its own


def listed(rules: list[Rule], n: int, assessed: np.ndarray) -> list[list[dict[str, Any]]]:
    """Per member, the rules that hold, in rule order; an exempt member has only EXEMPT."""
    lists: list[list[dict[str, Any]]] = [[] for _ in range(n)]
    for code, who, details, same in rules:
        holders = np.flatnonzero(who if code == "EXEMPT" else who & assessed)

        def reason(i: int, code: str = code, details: Any = details) -> dict[str, Any]:
            return {"code": code, "details": details(i) if details else {}}

        if same is None:
            for i in holders.tolist():
                lists[i].append(reason(i))
            continue
        _, first, of = np.unique(_alike(same, holders), return_index=True, return_inverse=True)
        made = [reason(i) for i in holders[first].tolist()]
        for i, kind in zip(holders.tolist(), of.tolist(), strict=True):
            lists[i].append(made[kind])
    return lists


def _alike(same: Sequence[Any], holders: np.ndarray) -> np.ndarray:
    """One integer per holder, equal where every array of ``same`` is equal."""
    combined = np.zeros(len(holders), dtype=np.int64)
    for values in same:
        codes, uniques = pd.factorize(np.asarray(values)[holders])
        combined = pd.factorize(combined * (len(uniques) + 1) + codes + 1)[0].astype(np.int64)
    return combined
