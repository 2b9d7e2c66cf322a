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


def name_clashes(members: pd.DataFrame, same_name: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Repeats of a (中心组, 姓名) where some of them lack a 编号, and each pair's first row;
    only the members whose name is shared are grouped (a province has 170,000 members)."""
    shared = members[members.duplicated(["group", "name"], keep=False)]
    lacks_id = (
        shared["member_id"].isna().groupby([shared["group"], shared["name"]]).transform("any")
    )
    clash = same_name & lacks_id.reindex(members.index).fillna(False).astype(bool)
    # A name no one shares is its own first row; a blank group or name has none (as grouped).
    first_rows = members["row"].where(members["group"].notna() & members["name"].notna())
    first_rows[shared.index] = shared.groupby(["group", "name"])["row"].transform("first")
    return clash, first_rows


def pseudonym_numbers(members: pd.DataFrame) -> pd.Series:
    """A number per member for showing people without their names (成员1, 成员2, …): the order of
    the 成员 sheet, so a person keeps one number on every page of one workbook."""
    return pd.Series(range(1, len(members) + 1), index=members.index, dtype=int)


@dataclass
class Resolution:
    keys: pd.Series  # member key, NA where unresolved
    unknown: pd.Series  # bool: a value that names no member of the group
    ambiguous: pd.Series  # bool: a name shared by several members and no 编号
    details: pd.DataFrame  # for the flagged rows only: group, count, ids, close (error texts)


@dataclass
class MemberIndex:
    """The members' (中心组, 姓名) and (中心组, 编号) pairs as integers, built once per workbook:
    a province has 170,000 members, and four person columns are resolved against them."""

    members: pd.DataFrame
    groups: pd.Index  # the distinct 中心组 texts; a group's code is its position
    words: pd.Index  # the distinct 姓名 and 编号 texts
    id_pairs: np.ndarray  # sorted distinct (group, 编号) codes …
    id_first: np.ndarray  # … and the position of the first member with each
    name_pairs: np.ndarray  # sorted distinct (group, 姓名) codes …
    name_first: np.ndarray  # … the position of the first member with each …
    name_counts: np.ndarray  # … and how many members share it

    def pairs(self, groups: pd.Series, values: pd.Series) -> np.ndarray:
        """(group, value) as one int64 per row; -1 where either is blank or unknown."""
        group_codes = _codes(groups, self.groups)
        word_codes = _codes(values, self.words)
        known = (group_codes >= 0) & (word_codes >= 0)
        return np.where(known, group_codes * len(self.words) + word_codes, -1)


def _codes(texts: pd.Series, index: pd.Index) -> np.ndarray:
    """Each text's position in ``index`` (-1 if absent), looked up once per distinct text."""
    codes, uniques = pd.factorize(texts)
    found = index.get_indexer(pd.Index(object_strings(pd.Series(uniques, dtype=texts.dtype))))
    return np.append(found, -1).astype(np.int64)[codes]  # a blank's code -1 takes the last: -1


def member_index(members: pd.DataFrame) -> MemberIndex:
    groups = pd.Index(object_strings(members["group"]).dropna().unique())
    names, ids = object_strings(members["name"]), object_strings(members["member_id"])
    words = pd.Index(pd.concat([names, ids]).dropna().unique())
    index = MemberIndex(members, groups, words, *(np.empty(0, np.int64),) * 5)
    id_pairs = index.pairs(members["group"], ids)
    index.id_pairs, index.id_first = _first_of(id_pairs)
    name_pairs = index.pairs(members["group"], names)
    index.name_pairs, index.name_first, index.name_counts = _first_of(name_pairs, counts=True)
    return index


def _first_of(pairs: np.ndarray, counts: bool = False) -> tuple[np.ndarray, ...]:
    """Sorted distinct pairs (blank ones left out), the first position of each, and counts."""
    positions = np.flatnonzero(pairs >= 0)
    found = np.unique(pairs[positions], return_index=True, return_counts=counts)  # type: ignore[call-overload]
    return (found[0], positions[found[1]], *found[2:])


def _find(sorted_pairs: np.ndarray, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each pair sits in ``sorted_pairs``, and whether it is there at all."""
    at = np.searchsorted(sorted_pairs, pairs).clip(0, max(len(sorted_pairs) - 1, 0))
    hit = (pairs >= 0) & (sorted_pairs[at] == pairs) if len(sorted_pairs) else pairs < -1
    return at, hit


def resolve_people(values: pd.Series, groups: pd.Series, index: MemberIndex) -> Resolution:
    """Resolve each (value, group) pair: by 编号 first, else by a 姓名 that one member has."""
    pairs = index.pairs(groups, values)
    keys_by_position = index.members["key"].to_numpy(dtype=object)
    by_id, id_hit = _find(index.id_pairs, pairs)
    by_name, name_hit = _find(index.name_pairs, pairs)
    count = np.where(name_hit, index.name_counts[by_name] if len(index.name_pairs) else 0, 0)
    single = name_hit & (count == 1)
    keys = np.full(len(pairs), None, dtype=object)
    keys[single] = keys_by_position[index.name_first[by_name[single]]]
    keys[id_hit] = keys_by_position[index.id_first[by_id[id_hit]]]
    present = (values.notna() & groups.notna()).to_numpy()
    ambiguous = present & ~id_hit & (count > 1)
    unknown = present & ~id_hit & ~single & ~ambiguous
    flagged = values.index[unknown | ambiguous]
    return Resolution(
        pd.Series(keys, index=values.index, dtype=object),
        pd.Series(unknown, index=values.index),
        pd.Series(ambiguous, index=values.index),
        _details(values, groups, index.members, flagged, count[unknown | ambiguous]),
    )


def _details(
    values: pd.Series,
    groups: pd.Series,
    members: pd.DataFrame,
    flagged: pd.Index,
    counts: np.ndarray,
) -> pd.DataFrame:
    """For the error texts of the flagged rows: the group, how many share the name and their
    编号 (ambiguous), or the group's names a letter or two away (unknown)."""
    columns = ["group", "count", "ids", "close"]
    if flagged.empty:
        return pd.DataFrame(columns=columns)
    texts = object_strings(values[flagged]).tolist()
    row_groups = object_strings(groups[flagged]).tolist()
    names_of: dict[str, list[str]] = {}
    ids_of: dict[tuple[str, str], str] = {}
    # Only the flagged rows' groups: a province's one typo need not walk 170,000 members.
    nearby = members[object_strings(members["group"]).isin(set(row_groups)).to_numpy()]
    for group, name, member_id in zip(
        object_strings(nearby["group"]),
        object_strings(nearby["name"]),
        object_strings(nearby["member_id"]),
        strict=True,
    ):
        names_of.setdefault(group, [])
        if name not in names_of[group]:
            names_of[group].append(name)
        if member_id is not None:
            joined = ids_of.get((group, name))
            ids_of[(group, name)] = f"{joined}、{member_id}" if joined else member_id
    rows: list[tuple[object, ...]] = []
    for text, group, count in zip(texts, row_groups, counts.tolist(), strict=True):
        if count > 1:
            rows.append((group, count, ids_of.get((group, text)), None))
        else:
            rows.append((group, None, None, close_names(text, names_of.get(group, [])) or None))
    return pd.DataFrame(rows, index=flagged, columns=columns, dtype=object)


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
