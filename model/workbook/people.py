"""Person cells (姓名, 主讲人, 主持人) resolved to member keys (DOMAIN.md §3).

A cell holds the member's 编号, or the 姓名 of a member of the row's 中心组; where two members
of one group share a name, only the 编号 identifies them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.workbook.values import object_strings

_SEPARATOR = "\x1f"  # joins group and value into one lookup key; never typed in a cell


def member_keys(members: pd.DataFrame) -> pd.Series:
    """A member's key is 编号 where given, else 中心组|姓名."""
    return members["member_id"].fillna(members["group"] + "|" + members["name"]).astype("string")


def display_names(members: pd.DataFrame) -> pd.Series:
    """The name to show for each member: the 姓名, and where two members of one group share
    it, the 编号 and 职务 after it (向浩伟（M00104，委员）), so no one is taken for the other."""
    shown = members["name"].astype(object).copy()
    shared = members.duplicated(["group", "name"], keep=False)
    if not shared.any():
        return shown
    twins = members[shared]
    ids = twins["member_id"].astype(object).where(twins["member_id"].notna(), twins["key"])
    shown[shared] = [
        f"{name}（{member_id}，{position}）"
        if isinstance(position, str)
        else f"{name}（{member_id}）"
        for name, member_id, position in zip(twins["name"], ids, twins["position"], strict=True)
    ]
    return shown


def pseudonym_numbers(members: pd.DataFrame) -> pd.Series:
    """A number per member for showing people without their names (成员1, 成员2, …): the order of
    the 成员 sheet, so a person keeps one number on every page of one workbook."""
    return pd.Series(range(1, len(members) + 1), index=members.index, dtype=int)


@dataclass
class Resolution:
    keys: pd.Series  # member key, NA where unresolved
    unknown: pd.Series  # bool: a value that names no member of the group
    ambiguous: pd.Series  # bool: a name shared by several members and no 编号
    details: pd.DataFrame  # per row: group, count, ids (for the error texts)


def _lookup(groups: pd.Series, values: pd.Series) -> pd.Series:
    return (groups.astype("string") + _SEPARATOR + values.astype("string")).astype("string")


def resolve_people(values: pd.Series, groups: pd.Series, members: pd.DataFrame) -> Resolution:
    """Resolve each (value, group) pair; a million rows hold few distinct pairs, so resolve those."""
    value_codes, value_uniques = pd.factorize(values, use_na_sentinel=False)
    group_codes, group_uniques = pd.factorize(groups, use_na_sentinel=False)
    pair_codes = group_codes.astype(np.int64) * (len(value_uniques) + 1) + value_codes
    distinct, inverse = np.unique(pair_codes, return_inverse=True)
    pair_values = pd.Series(
        value_uniques.take(distinct % (len(value_uniques) + 1)), dtype=values.dtype
    )
    pair_groups = pd.Series(
        group_uniques.take(distinct // (len(value_uniques) + 1)), dtype=groups.dtype
    )
    resolved = _resolve_distinct(pair_values, pair_groups, members)

    def spread(series: pd.Series) -> pd.Series:
        if isinstance(series.dtype, pd.StringDtype):  # plain strings: no Arrow copy later
            series = object_strings(series)
        taken = series.take(inverse)
        taken.index = values.index
        return taken

    details = resolved.details.take(inverse)
    details.index = values.index
    return Resolution(
        spread(resolved.keys), spread(resolved.unknown), spread(resolved.ambiguous), details
    )


def _resolve_distinct(values: pd.Series, groups: pd.Series, members: pd.DataFrame) -> Resolution:
    with_id = members.dropna(subset=["member_id"])
    by_id = pd.Series(
        with_id["key"].to_numpy(), index=_lookup(with_id["group"], with_id["member_id"])
    )
    by_id = by_id[~by_id.index.duplicated()]
    name_index = _lookup(members["group"], members["name"])
    name_count = name_index.value_counts()
    first_key = pd.Series(members["key"].to_numpy(), index=name_index.to_numpy())
    first_key = first_key[~first_key.index.duplicated()]
    # The 编号 of same-named members, for the hint; only those few names are joined.
    shared = members.assign(lookup=name_index.to_numpy())[
        name_index.duplicated(keep=False).to_numpy()
    ]
    ids = shared.dropna(subset=["member_id"]).groupby("lookup")["member_id"].agg("、".join)

    lookup = _lookup(groups, values)
    id_key = lookup.map(by_id).astype("string")
    count = lookup.map(name_count)
    single_name = lookup.map(first_key).astype("string").where(count == 1)
    keys = id_key.fillna(single_name).astype("string")
    present = values.notna() & groups.notna()
    ambiguous = (present & id_key.isna() & (count > 1)).fillna(False).astype(bool)
    unknown = (present & keys.isna() & ~ambiguous).fillna(False).astype(bool)
    close = pd.Series(None, index=values.index, dtype=object)
    if unknown.any():
        names_of = members.groupby("group")["name"].agg(lambda names: list(dict.fromkeys(names)))
        for index in unknown[unknown].index:
            group_names = names_of.get(groups[index], [])
            close[index] = close_names(str(values[index]), group_names) or None
    details = pd.DataFrame(
        {"group": groups, "count": count, "ids": lookup.map(ids), "close": close},
        index=values.index,
    )
    return Resolution(keys, unknown, ambiguous, details)


def edit_distance(a: str, b: str) -> int:
    """Characters to insert, delete or replace to turn ``a`` into ``b`` (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def close_names(value: str, names: list[str]) -> list[str]:
    """The group's names one or two characters away from a name that matches no one, closest
    first. A two-character name allows one change only: two would reach every other short name."""
    limit = min(2, len(value) - 1)
    distances = {name: edit_distance(value, name) for name in names if isinstance(name, str)}
    near = [name for name, d in distances.items() if 0 < d <= limit]
    if not near:
        return []
    best = min(distances[name] for name in near)
    return [name for name in near if distances[name] == best][:3]
