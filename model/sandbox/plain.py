"""Values and DataFrames as plain data: tagged JSON for values, Arrow IPC for frames.

Values: JSON's own types pass as they are; the others become a one-key dict whose key starts with
``$`` (a dict is always wrapped, so no value is mistaken for a tag):

    tuple → {"$tuple": [...]}   dict → {"$dict": {...}}   float nan/inf → {"$float": "nan"}
    date → {"$date": iso}       datetime → {"$datetime": iso}   pandas.Timestamp → {"$timestamp": iso}
    pandas.NA → {"$na": null}   pandas.NaT → {"$nat": null}   numpy scalars → their Python value

Frames: an Arrow IPC stream, one Arrow column per column, and in the schema's metadata what each
was, so it comes back with its dtype and the frame with its index: numpy columns (int, float,
bool, datetime64) as they are, NaN and NaT included; nullable Int64/Float64 and strings by their
pandas dtype; categoricals by their categories (Arrow keeps none for a frame of no rows); object
columns of text (str and None) as object columns (dictionary-encoded: each distinct value is sent
and built once), of tuples of text as tuples, and of anything else as tagged JSON per cell. Other
dtypes have no plain form here and are refused.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import orjson
import pandas as pd
import pyarrow as pa
from pandas.core.dtypes.dtypes import BaseMaskedDtype  # Int64, Float64, boolean …

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


_INDEX = "\x00index"  # the Arrow column of an index that is not a RangeIndex


def frame_to_ipc(frame: pd.DataFrame) -> pa.Buffer:
    """``frame`` as an Arrow IPC stream; ``frame_from_ipc`` gives it back, dtypes and index too."""
    names = list(frame.columns)
    if len(set(names)) != len(names) or not all(type(name) is str for name in names):
        raise TypeError("a plain frame has unique text column names")
    if _INDEX in names:
        raise TypeError(f"a plain frame has no column named {_INDEX!r}")
    arrays, columns = [], []
    for name in names:
        array, kind = _column(frame[name])
        arrays.append(array)
        columns.append([name, *kind])
    index = frame.index
    if isinstance(index, pd.RangeIndex):
        kept: list[Any] = ["range", index.start, index.stop, index.step, to_plain(index.name)]
    elif isinstance(index, pd.MultiIndex):
        raise TypeError("a plain frame has no MultiIndex")
    else:
        array, kind = _column(index.to_series())
        arrays.append(array)
        names = [*names, _INDEX]
        kept = ["column", kind, to_plain(index.name)]
    own = {
        "columns": columns,
        "index": kept,
        "rows": len(frame),
        "labels": str(frame.columns.dtype),
    }
    table = pa.Table.from_arrays(arrays, names=names, metadata={_META: orjson.dumps(own)})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def _column(series: pd.Series) -> tuple[pa.Array, list[Any]]:
    """The column as an Arrow array, and what it was (for ``_values``)."""
    dtype = series.dtype
    if dtype == np.dtype(object):
        return _object_column(series.to_numpy())
    if isinstance(dtype, pd.CategoricalDtype):
        categories = [to_plain(list(dtype.categories)), str(dtype.categories.dtype)]
        codes = pa.array(series.cat.codes.to_numpy(), mask=series.isna().to_numpy())
        return codes, ["category", *categories, bool(dtype.ordered)]
    if isinstance(dtype, pd.StringDtype):
        nan = dtype.na_value is not pd.NA
        return pa.array(series.array, type=pa.large_string()), ["string", dtype.storage, nan]
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):
        if not isinstance(dtype, BaseMaskedDtype):
            raise TypeError(f"no plain form for a column of {dtype}")
        return pa.array(series.array), ["masked", dtype.name]
    if dtype.kind in "iufb":
        return pa.array(series.to_numpy()), ["numpy", dtype.str]
    if dtype.kind in "mM":  # NaT as null, and back
        return pa.array(series.to_numpy(), from_pandas=True), ["numpy", dtype.str]
    raise TypeError(f"no plain form for a column of {dtype}")


def _json(value: Any) -> str:
    return orjson.dumps(to_plain(value)).decode()


def _object_column(values: np.ndarray) -> tuple[pa.Array, list[Any]]:
    """Text (str and None only) dictionary-encoded: each distinct value is sent, and built,
    once (a group, a member, 出席 repeat); tuples of text as lists; anything else as JSON."""
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        try:  # NaN or pandas.NA among the blanks is refused here, and goes as JSON
            text = pa.array(values, pa.string(), from_pandas=False)
            return text.dictionary_encode(), ["object", "text"]
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            pass
    elif _tuples_of_text(values):
        return pa.array(values, pa.list_(pa.string()), from_pandas=False), ["object", "tuples"]
    return pa.array([_json(value) for value in values], pa.string()), ["object", "json"]


def _tuples_of_text(values: np.ndarray) -> bool:
    for value in values:
        if type(value) is not tuple:
            return False
        for item in value:
            if type(item) is not str:
                return False
    return True


def frame_from_ipc(blob: bytes | bytearray | memoryview) -> pd.DataFrame:
    table = pa.ipc.open_stream(pa.py_buffer(blob)).read_all()
    own = orjson.loads((table.schema.metadata or {})[_META])
    match own["index"]:
        case ["range", int(start), int(stop), int(step), name]:
            index = pd.RangeIndex(start, stop, step, name=from_plain(name))
        case ["column", list(kind), name]:
            index = pd.Index(_values(table.column(_INDEX), kind), name=from_plain(name))
        case _:
            raise ValueError("a plain frame's index is malformed")
    if len(index) != own["rows"]:
        raise ValueError("a plain frame's index does not fit its rows")
    columns = {}
    for name, *kind in own["columns"]:
        values = _values(table.column(name), kind)
        if kind[0] == "object":  # as a Series, or pandas would infer a str dtype for text
            values = pd.Series(values, index=index, dtype=object, copy=False)
        columns[name] = values
    frame = pd.DataFrame(columns, index=index, copy=False)
    if str(frame.columns.dtype) != own["labels"]:
        frame.columns = pd.Index(list(frame.columns), dtype=own["labels"])
    return frame


def _values(column: pa.ChunkedArray, kind: list[Any]) -> Any:
    """The values of one column, with the dtype ``kind`` says (as ``_column`` noted it)."""
    array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    match kind:
        case ["object", "text"]:
            return _text(array)
        case ["object", "tuples"]:
            return _tuples(array)
        case ["object", "json"]:  # one object per cell: a list or dict may be changed in place
            return _as_cells([from_plain(orjson.loads(text)) for text in array.to_pylist()])
        case ["category", categories, str(categories_dtype), bool(ordered)]:
            labels = pd.Index(from_plain(categories), dtype=categories_dtype)
            codes = array.fill_null(-1).to_numpy(zero_copy_only=False)
            return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(labels, ordered))
        case ["string", "python" | "pyarrow" as storage, bool(nan)]:
            text: Any = pd.StringDtype(storage, na_value=np.nan if nan else pd.NA)
            return text.__from_arrow__(array)
        case ["masked", str(name)]:
            masked = pd.api.types.pandas_dtype(name)
            if not isinstance(masked, BaseMaskedDtype):
                raise ValueError(f"not a nullable number dtype: {name!r:.40}")
            converter: Any = masked
            return converter.__from_arrow__(array)
        case ["numpy", str(name)]:
            return np.asarray(
                array.to_numpy(zero_copy_only=False, writable=True), dtype=np.dtype(name)
            )
    raise ValueError(f"unknown column kind {kind!r:.60}")


def _text(array: pa.Array) -> np.ndarray:
    """A dictionary-encoded text column's cells: each distinct text built once, then taken."""
    if not isinstance(array, pa.DictionaryArray) or not pa.types.is_string(array.dictionary.type):
        raise ValueError("a text column is dictionary-encoded text")
    distinct = np.array([*array.dictionary.to_pylist(), None], dtype=object)  # str stay cells
    indices = array.indices
    if indices.null_count:
        indices = indices.fill_null(len(distinct) - 1)
    codes = indices.to_numpy(zero_copy_only=False)
    if len(codes) and (codes.min() < 0 or codes.max() >= len(distinct)):
        raise ValueError("a text column's codes are out of range")
    return distinct[codes]


def _tuples(array: pa.Array) -> np.ndarray:
    if not pa.types.is_list(array.type) or array.null_count:
        raise ValueError("a tuple column is a list array without nulls")
    texts = array.flatten().to_pylist()
    cells, start = [], 0
    for length in array.value_lengths().to_pylist():
        cells.append(tuple(texts[start : start + length]))
        start += length
    return _as_cells(cells)


def _as_cells(values: list[Any]) -> np.ndarray:
    """A list as a 1-d object array, each item one cell (numpy would unpack equal tuples)."""
    cells = np.empty(len(values), dtype=object)
    for position, value in enumerate(values):
        cells[position] = value
    return cells
