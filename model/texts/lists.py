"""How each language writes a list (张三、李四 / Zhang San, Li Si): the one separator every
catalogue, page and document joins lists with."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

# Keyed as model.texts.domain.Lang (which imports this module, so it is not imported here).
LIST_SEPARATOR: dict[Literal["zh", "en"], str] = {"zh": "、", "en": ", "}


def join_list(items: Iterable[object], lang: str = "zh") -> str:
    """``items`` as one list in ``lang`` (an empty list is an empty string)."""
    key: Literal["zh", "en"] = "en" if lang == "en" else "zh"
    return LIST_SEPARATOR[key].join(map(str, items))
