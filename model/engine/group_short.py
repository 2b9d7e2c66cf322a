"""GROUP_SHORT seen from the group: the members who took every chance offered and still cannot
reach the line, gathered per group, with what the group must add (DOMAIN.md §5).

The shortfall is the group's, so pages and documents say it once per group, not once per member.
"""

from __future__ import annotations

import pandas as pd

COLUMNS = ["group", "keys", "planned", "minimum", "sessions", "talks", "left"]


def has_reason(reasons: object, code: str) -> bool:
    return isinstance(reasons, list) and any(item["code"] == code for item in reasons)


def group_shortfalls(members: pd.DataFrame) -> pd.DataFrame:
    """One row per group with GROUP_SHORT members (not passed; the year not over):

    ``keys`` the members (in sheet order), ``planned``/``minimum`` the group's sessions of the
    year against 年度场次下限, ``sessions`` the fewest sessions the group must add so every member
    still in post reaches the line, ``talks`` how many of them need a talk of their own, ``left``
    how many have left (sessions added now cannot count for them).

    Each talk needs a session of its own and member i needs ``add_sessions + add_talk`` sessions;
    with every member at every added session, max(talks, max_i(add_sessions_i + add_talk_i))
    sessions are enough and no fewer will do.
    """
    if members.empty or "reasons" not in members:
        return pd.DataFrame(columns=COLUMNS)
    short = members[
        members["status"].eq("at_risk")
        & members["reasons"].map(lambda reasons: has_reason(reasons, "GROUP_SHORT"))
    ]
    rows = []
    for group, part in short.groupby("group", sort=True):
        addable = part[part["can_add"].astype(bool)]
        talks = int(addable["add_talk"].sum())
        per_member = addable["add_sessions"].astype(int) + addable["add_talk"].astype(int)
        rows.append(
            {
                "group": group,
                "keys": list(part["key"]),
                "planned": int(part["group_planned"].iloc[0]),
                "minimum": int(part["min_sessions"].iloc[0]),
                "sessions": max(talks, int(per_member.max())) if len(addable) else 0,
                "talks": talks,
                "left": int(len(part) - len(addable)),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def group_short_keys(members: pd.DataFrame) -> set[str]:
    """The members a group's shortfall line already speaks for."""
    table = group_shortfalls(members)
    return {key for keys in table["keys"] for key in keys}
