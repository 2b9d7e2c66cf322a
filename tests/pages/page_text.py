"""Everything an AppTest page shows as text: element texts, table cells and chart data."""

from __future__ import annotations

from google.protobuf.json_format import MessageToDict
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest


def _walk(node, out: list[str]) -> None:
    children = getattr(node, "children", None)
    if children is not None and getattr(node, "proto", None) is None:
        for child in children.values():
            _walk(child, out)
        return
    kind = getattr(node, "type", "")
    if kind in ("arrow_data_frame", "dataframe"):
        frame = node.value
        out += [str(c) for c in frame.columns] + [str(i) for i in frame.index]
        out += [str(v) for v in frame.to_numpy().ravel()]
    elif kind in ("arrow_vega_lite_chart", "vega_lite_chart"):
        out.append(node.proto.spec)
        for dataset in node.proto.datasets:
            frame = convert_arrow_bytes_to_pandas_df(dataset.data.data)
            out += [str(v) for v in frame.to_numpy().ravel()]
    if getattr(node, "proto", None) is not None:
        # Every string field of the element (labels, values, options, help), bytes left out.
        out.append(str(MessageToDict(node.proto)))
    for child in (getattr(node, "children", None) or {}).values():
        _walk(child, out)


def page_text(at: AppTest) -> str:
    out: list[str] = []
    _walk(at._tree, out)
    return "\n".join(out)


def diff_counts(at) -> dict[tuple[str, str], int]:
    """The first preview's rows per sheet: (工作表, 新增/删除/修改) → count."""
    table = next(f.value for f in at.dataframe if "工作表" in f.value and "新增" in f.value)
    return {
        (sheet, kind): int(row[kind])
        for sheet, row in table.set_index("工作表").iterrows()
        for kind in ("新增", "删除", "修改")
    }
