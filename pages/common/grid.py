"""Streamlit's grid as the pages size it: rows tall enough for their text to wrap whole, and
heights that show every row (no inner scroll, no empty row)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from pages.common.layout import glyph_width
from pages.common.meeting import GRID_CHAR_PX, WRAP_ROW_PX

LINE_PX, PADDING_PX, MAX_ROW_PX = 21, 14, 240  # a line of grid text, a cell's padding
HEADER_PX, ROW_PX, BORDER_PX = 35, 35, 3  # the grid's header and default row heights


def row_height(texts_shown: Sequence[str], column_px: int, meeting: bool = False) -> int:
    """A grid row tall enough for the longest text to wrap whole in a text column of
    ``column_px``. The grid wraps only in rows over 4rem (WRAP_ROW_PX: a two-line row of 56 px
    was cut to one line, "…或先在"), and in meeting mode its glyphs are wider."""
    longest = max((glyph_width(text) for text in texts_shown), default=0)
    lines = max(1, math.ceil(longest / (column_px // GRID_CHAR_PX[meeting])))
    if lines == 1:
        return LINE_PX + PADDING_PX
    return min(MAX_ROW_PX, max(WRAP_ROW_PX[meeting], lines * LINE_PX + PADDING_PX))


def grid_height(rows: int, row: int = ROW_PX) -> int:
    """The height that shows a header and ``rows`` rows exactly: no scrolling, no empty row."""
    return HEADER_PX + rows * row + BORDER_PX
