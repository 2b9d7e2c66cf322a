"""The orders pages show people and groups in, as pure functions of the report's frames: worst
first, so what needs attention is at the top of every table."""

from __future__ import annotations

import pandas as pd

# Worst first: the order 风险预警 and 成员学分 list members in.
SEVERITY = {"failed": 0, "at_risk": 1, "on_track": 2, "passed": 3, "exempt": 4}


def members_worst_first(members: pd.DataFrame, by_name: bool = True) -> pd.Index:
    """The members' index, worst status first; within a status the largest shortfall
    (line − credits) first, then by group and name. Without names (``by_name`` False) ties
    keep the 成员 sheet's order, which tells no names."""
    frame = pd.DataFrame(
        {
            "severity": members["status"].map(SEVERITY).fillna(len(SEVERITY)),
            "shortfall": -(members["line"] - members["credits"]).clip(lower=0),
            "group": members["group"],
        },
        index=members.index,
    )
    order = ["severity", "shortfall", "group"]
    if by_name:
        frame["display"] = members["display"]
        order.append("display")
    return frame.sort_values(order, kind="stable").index


def groups_lagging_first(groups: pd.DataFrame) -> pd.Index:
    """The groups' index, lowest completion first (no plan first), then the most members
    failed or at risk."""
    frame = pd.DataFrame(
        {"completion": groups["completion"], "lagging": -(groups["failed"] + groups["at_risk"])},
        index=groups.index,
    )
    return frame.sort_values(["completion", "lagging"], na_position="first", kind="stable").index


def lagging_groups(groups: pd.DataFrame, overall: pd.Series) -> pd.Index:
    """The groups the 通报 names as lagging, lagging first: completion below the whole's, or a
    session overdue, or a member failed."""
    completion = groups["completion"].astype(float)
    whole = float(overall["held"]) / float(overall["planned"]) if overall["planned"] else 0.0
    lagging = (completion.fillna(0) < whole) | (groups["overdue"] > 0) | (groups["failed"] > 0)
    return pd.Index([group for group in groups_lagging_first(groups) if lagging[group]])


# The statuses 风险预警 lists, in its order: 不达标 first, then 有风险.
FLAGGED = ("failed", "at_risk")


def flagged_members(members: pd.DataFrame, by_name: bool = True) -> pd.DataFrame:
    """The members 风险预警 lists: failed, then at risk; within each by group, then name (without
    names, in the 成员 sheet's order, which tells no names)."""
    flagged = members[members["status"].isin(FLAGGED)]
    rank = flagged["status"].map({status: i for i, status in enumerate(FLAGGED)})
    order = ["_rank", "group", "display"] if by_name else ["_rank", "group"]
    return flagged.assign(_rank=rank).sort_values(order, kind="stable").drop(columns="_rank")


def red_flag_codes(findings: pd.DataFrame, top: int = 3) -> pd.Series:
    """Per group, the codes of its ``top`` most frequent findings, most frequent first (the
    overview's 问题 column); ties keep the order the findings came in."""
    if findings.empty:
        return pd.Series(dtype=object)
    return findings.groupby("group")["code"].agg(
        lambda codes: tuple(codes.value_counts(sort=True).index[:top])
    )
