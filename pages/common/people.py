"""People as a page shows them: by name (a name shared in a group with its 编号), or, with names
hidden, by a pseudonym (成员7) that is the same for one person on every page."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from model.engine.findings import PERSON_DETAILS
from model.texts.domain import Lang, finding_text
from model.workbook.people import pseudonym_numbers
from pages.common.labels import label


def renamed(details: dict, rename: Callable[[str], str]) -> dict:
    """A finding's details with every person in them passed through ``rename``."""
    out = dict(details)
    for field in PERSON_DETAILS:
        value = out.get(field)
        if isinstance(value, str):
            out[field] = rename(value)
        elif isinstance(value, list | tuple):
            out[field] = type(value)(rename(str(v)) for v in value)
    return out


class People:
    def __init__(self, members: pd.DataFrame, show_names: bool, lang: Lang) -> None:
        """``members``: the timeline's members (indexed by key), every one the user may see."""
        self.show_names, self.lang = show_names, lang
        if show_names:
            shown = members["display"].astype(object)
        else:
            shown = pseudonym_numbers(members).map(lambda n: label("pseudonym", lang, number=n))
        self.by_key = pd.Series(shown.to_numpy(), index=members.index, dtype=object)
        # Findings carry shown names, unique within a group: (group, name) → what to show.
        self._by_name = dict(
            zip(zip(members["group"], members["display"], strict=True), shown, strict=True)
        )

    def of(self, keys: pd.Series) -> pd.Series:
        """The shown name of each member key."""
        return keys.map(self.by_key)

    def finding(self, code: str, details: dict, group: str) -> str:
        if not self.show_names:
            # A name we cannot place is never shown as it is.
            someone = label("someone", self.lang)
            details = renamed(details, lambda name: self._by_name.get((group, name), someone))
        return finding_text(code, details, self.lang)
