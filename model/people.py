"""Person cells (姓名, 主讲人, 主持人) resolved to member keys (DOMAIN.md §3).

A cell holds the member's 编号, or the 姓名 of a member of the row's 中心组; where two members
of one group share a name, only the 编号 identifies them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


def member_keys(members: pd.DataFrame) -> pd.Series:
    """A member's key is 编号 where given, else 中心组|姓名."""
    return members["member_id"].fillna(members["group"] + "|" + members["name"]).astype("string")


@dataclass
class Resolution:
    keys: pd.Series  # member key, NA where unresolved
    unknown: pd.Series  # bool: a value that names no member of the group
    ambiguous: pd.Series  # bool: a name shared by several members and no 编号
    details: pd.DataFrame  # per row: group, count, ids (for the error texts)


def resolve_people(values: pd.Series, groups: pd.Series, members: pd.DataFrame) -> Resolution:
    """Resolve each (value, group) pair; rows whose group is unknown stay unresolved quietly."""
    query = pd.DataFrame({"value": values, "group": groups}).astype("string")
    by_id = members.dropna(subset=["member_id"])[["member_id", "group", "key"]]
    by_id = by_id.rename(columns={"member_id": "value", "key": "id_key"}).astype("string")
    by_name = (
        members.groupby(["group", "name"], sort=False)
        .agg(
            count=("key", "size"),
            name_key=("key", "first"),
            ids=("member_id", lambda ids: "、".join(i for i in ids.dropna())),
        )
        .reset_index()
        .rename(columns={"name": "value"})
    )
    by_name[["group", "value", "name_key"]] = by_name[["group", "value", "name_key"]].astype(
        "string"
    )
    joined = (
        query.reset_index(names="_index")
        .merge(by_id.drop_duplicates(["value", "group"]), on=["value", "group"], how="left")
        .merge(by_name, on=["value", "group"], how="left")
        .set_index("_index")
    )
    joined.index.name = None
    single_name = joined["name_key"].where(joined["count"] == 1)
    keys = joined["id_key"].fillna(single_name).astype("string")
    present = query["value"].notna() & query["group"].notna()
    ambiguous = present & joined["id_key"].isna() & (joined["count"] > 1).fillna(False)
    unknown = present & keys.isna() & ~ambiguous
    details = pd.DataFrame(
        {"group": query["group"], "count": joined["count"], "ids": joined["ids"]},
        index=query.index,
    )
    return Resolution(keys, unknown.astype(bool), ambiguous.astype(bool), details)
