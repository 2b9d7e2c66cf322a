"""A 专题 still 待定 (issue #14): the plan generator writes it, the speaker's choice replaces it.

One place decides what "settled" means, so 内容到位 and the to-do cannot disagree.
"""

from __future__ import annotations

import pandas as pd

from model.workbook.values import TBD_PREFIX


def topic_settled(topics: pd.Series) -> pd.Series:
    """True where a topic is written and is not (still) 待定."""
    text = topics.astype("string").str.strip()
    return (text.notna() & ~text.str.startswith(TBD_PREFIX).fillna(False)).astype(bool)
