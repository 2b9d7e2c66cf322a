"""Values and DataFrames as plain data: tagged JSON for values, Arrow IPC for frames.

Values: JSON's own types pass as they are; the others become a one-key dict whose key starts with
``$`` (a dict is always wrapped, so no value is mistaken for a tag):

    tuple → {"$tuple": [...]}   dict → {"$dict": {...}}   float nan/inf → {"$float": "nan"}
    date → {"$date": iso}       datetime → {"$datetime": iso}   pandas.Timestamp → {"$timestamp": iso}
    pandas.NA → {"$na": null}   pandas.NaT → {"$nat": null}   numpy scalars → their Python value

Frames: an Arrow IPC stream with pandas' metadata, so dtypes and the index come back as they were
(nullable Int64/Float64, datetimes, categoricals, strings, bool). Object columns, which Arrow would
turn into another dtype, are noted in the schema's metadata and rebuilt: text (str and None)
as object columns, tuples of text as tuples, anything else as tagged JSON per cell.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import orjson
import pandas as pd
import pyarrow as pa

_META = b"model.sandbox"


def to_plain(value: Any) -> Any:
    """``value`` as JSON-able data; ``from_plain`` gives it back."""
    if value is None or type(value) in (str, bool, int):
        return value
    if type(value) is float:
        return value if math.isfinite(value) else {"$float": repr(value)}
    if value is pd.NaT:
        return {"$nat": None}
    if value is pd.NA:
        return {"$na": None}
    if isinstance(value, np.datetime64):
        return to_plain(pd.Timestamp(value))
    if isinstance(value, np.generic):
        return to_plain(value.item())
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, tuple):
        return {"$tuple": [to_plain(item) for item in value]}
    if isinstance(value, dict):
        return {"$dict": {_key(key): to_plain(item) for key, item in value.items()}}
    if isinstance(value, pd.Timestamp):
        return {"$timestamp": value.isoformat()}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    for plain_type in (str, bool, int, float):  # subclasses, as their plain type
        if isinstance(value, plain_type):
            return to_plain(plain_type(value))
    raise TypeError(f"no plain form for {type(value).__name__}")


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a plain dict has text keys, not {type(key).__name__}")
    return key


_TAGS: dict[str, Any] = {
    "$tuple": lambda items: tuple(from_plain(item) for item in items),
    "$dict": lambda items: {key: from_plain(item) for key, item in items.items()},
    "$float": float,
    "$nat": lambda _: pd.NaT,
    "$na": lambda _: pd.NA,
    "$timestamp": pd.Timestamp,
    "$datetime": dt.datetime.fromisoformat,
    "$date": dt.date.fromisoformat,
}


def from_plain(data: Any) -> Any:
    if isinstance(data, list):
        return [from_plain(item) for item in data]
    if isinstance(data, dict):
        if len(data) != 1:
            raise ValueError("a plain value's dict holds one tag")
        ((tag, content),) = data.items()
        if tag not in _TAGS:
            raise ValueError(f"unknown tag {tag!r:.40}")
        return _TAGS[tag](content)
    return data


def frame_to_ipc(frame: pd.DataFrame) -> pa.Buffer:
    """``frame`` as an Arrow IPC stream; ``frame_from_ipc`` gives it back, dtypes and index too."""
    if not frame.columns.is_unique or not all(isinstance(c, str) for c in frame.columns):
        raise TypeError("a plain frame has unique text column names")
    kinds: dict[str, str] = {}
    categories: dict[str, Any] = {}
    replaced: dict[str, pd.Series] = {}
    for name in frame.columns:
        series = frame[name]
        if isinstance(series.dtype, pd.CategoricalDtype):  # Arrow keeps no categories of 0 rows
            dtype = series.dtype
            listed = to_plain(list(dtype.categories))
            categories[name] = [listed, str(dtype.categories.dtype), bool(dtype.ordered)]
        if series.dtype != object:
            continue
        kinds[name] = kind = _object_kind(series)
        if kind == "json":
            replaced[name] = series.map(lambda value: orjson.dumps(to_plain(value)).decode())
    # One thread: in the child, under its address-space limit, a thread may not start.
    table = pa.Table.from_pandas(frame.assign(**replaced) if replaced else frame, nthreads=1)
    own = {"objects": kinds, "columns": list(frame.columns), "categories": categories}
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), _META: orjson.dumps(own)}
    )
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def _object_kind(series: pd.Series) -> str:
    """text (str and None only), tuples (of str), or json (anything else, cell by cell)."""
    values = series.to_numpy()
    missing = pd.isna(values)
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty") and all(
        value is None for value in values[missing]
    ):
        return "text"
    if all(type(v) is tuple and all(type(item) is str for item in v) for v in values):
        return "tuples"
    return "json"


def frame_from_ipc(blob: bytes | bytearray | memoryview) -> pd.DataFrame:
    table = pa.ipc.open_stream(pa.py_buffer(blob)).read_all()
    own = orjson.loads((table.schema.metadata or {})[_META])
    kinds: dict[str, str] = own["objects"]
    frame = table.drop_columns(list(kinds)).to_pandas()
    if table.num_columns == 0:  # no column at all: Arrow keeps no row count, the metadata does
        [kept] = table.schema.pandas_metadata["index_columns"]
        bounds = kept["start"], kept["stop"], kept["step"]
        frame = pd.DataFrame(index=pd.RangeIndex(*bounds, name=kept["name"]))
    for name, (listed, categories_dtype, ordered) in own["categories"].items():
        dtype = pd.CategoricalDtype(pd.Index(from_plain(listed), dtype=categories_dtype), ordered)
        if frame[name].dtype != dtype:
            frame[name] = frame[name].astype(dtype)
    for position, name in enumerate(own["columns"]):
        if name in kinds:
            values = _objects(table.column(name), kinds[name])
            frame.insert(position, name, pd.Series(values, index=frame.index, dtype=object))
    return frame


def _objects(column: pa.ChunkedArray, kind: str) -> np.ndarray | list[Any]:
    if kind == "text":
        return column.to_numpy(zero_copy_only=False)
    values = column.to_pylist()
    if kind == "tuples":
        return [None if value is None else tuple(value) for value in values]
    if kind == "json":
        return [from_plain(orjson.loads(value)) for value in values]
    raise ValueError(f"unknown column kind {kind!r:.40}")
