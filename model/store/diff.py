"""What an upload changes against the current version: the preview shown before 发布."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from model.workbook.reader import Workbook


@dataclass
class Changes:
    members_added: list[str] = field(default_factory=list)
    members_removed: list[str] = field(default_factory=list)
    sessions_added: list[str] = field(default_factory=list)
    sessions_removed: list[str] = field(default_factory=list)
    sessions_now_held: list[str] = field(default_factory=list)
    participation_added: int = 0
    participation_changed: int = 0
    exams_added: int = 0
    exams_changed: int = 0

    def counts(self) -> dict[str, int]:
        return {
            "members_added": len(self.members_added),
            "members_removed": len(self.members_removed),
            "sessions_added": len(self.sessions_added),
            "sessions_removed": len(self.sessions_removed),
            "sessions_now_held": len(self.sessions_now_held),
            "participation_added": self.participation_added,
            "participation_changed": self.participation_changed,
            "exams_added": self.exams_added,
            "exams_changed": self.exams_changed,
        }

    @property
    def empty(self) -> bool:
        return not any(self.counts().values())


def _label(members: pd.DataFrame, keys: pd.Index) -> list[str]:
    indexed = members.set_index("key")
    return [f"{indexed.at[k, 'group']!s} {indexed.at[k, 'display']!s}" for k in keys]


def _keyed_changes(
    old: pd.DataFrame, new: pd.DataFrame, keys: list[str], values: list[str]
) -> tuple[int, int]:
    """Rows added, and rows whose values changed, between two frames keyed by ``keys``."""
    old_rows = old.dropna(subset=keys).drop_duplicates(keys).set_index(keys)[values]
    new_rows = new.dropna(subset=keys).drop_duplicates(keys).set_index(keys)[values]
    added = len(new_rows.index.difference(old_rows.index))
    common = new_rows.index.intersection(old_rows.index)
    before = old_rows.loc[common].astype("string").fillna("")
    after = new_rows.loc[common].astype("string").fillna("")
    changed = int((before != after).any(axis=1).sum())
    return added, changed


def compare(old: Workbook | None, new: Workbook) -> Changes:
    """Changes from ``old`` (None: nothing published yet) to ``new``."""
    if old is None:
        return Changes(
            members_added=_label(new.members, pd.Index(new.members["key"])),
            sessions_added=list(new.plan["session"].dropna()),
            sessions_now_held=list(new.talks["session"].dropna()),
            participation_added=len(new.participation),
            exams_added=len(new.exams),
        )
    old_keys, new_keys = pd.Index(old.members["key"]), pd.Index(new.members["key"])
    old_sessions, new_sessions = pd.Index(old.plan["session"]), pd.Index(new.plan["session"])
    held_before = pd.Index(old.talks["session"])
    participation = _keyed_changes(
        old.participation, new.participation, ["session", "member"], ["attendance", "comment"]
    )
    exams = _keyed_changes(old.exams, new.exams, ["member", "year"], ["score", "makeup"])
    return Changes(
        members_added=_label(new.members, new_keys.difference(old_keys)),
        members_removed=_label(old.members, old_keys.difference(new_keys)),
        sessions_added=list(new_sessions.difference(old_sessions)),
        sessions_removed=list(old_sessions.difference(new_sessions)),
        sessions_now_held=list(pd.Index(new.talks["session"]).difference(held_before)),
        participation_added=participation[0],
        participation_changed=participation[1],
        exams_added=exams[0],
        exams_changed=exams[1],
    )
