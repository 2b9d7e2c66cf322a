"""Plain data (issue #23): values as tagged JSON and frames as Arrow IPC come back as they were."""

from __future__ import annotations

import datetime as dt

import numpy as np
import orjson
import pandas as pd
import pytest

from model.sandbox.plain import frame_from_ipc, frame_to_ipc, from_plain, to_plain


def through_json(value: object) -> object:
    return from_plain(orjson.loads(orjson.dumps(to_plain(value))))


def test_values_come_back_with_their_types():
    values = [
        None, True, 3, 2.5, "二", [1, [2]], (1, "x", ()), {"k": (1,)},
        dt.date(2026, 3, 15), dt.datetime(2026, 3, 15, 8, 30), pd.Timestamp("2026-03-15 08:30"),
    ]  # fmt: skip
    for value in values:
        back = through_json(value)
        assert back == value and type(back) is type(value), value


def test_values_json_has_no_type_of_its_own_become_python_values():
    assert through_json(np.int64(3)) == 3 and type(through_json(np.int64(3))) is int
    assert type(through_json(np.float64(0.5))) is float
    assert through_json(np.datetime64("2026-03-15")) == pd.Timestamp("2026-03-15")
    assert through_json(pd.NA) is pd.NA and through_json(pd.NaT) is pd.NaT
    for special in (float("inf"), float("-inf")):
        assert through_json(special) == special
    assert np.isnan(through_json(float("nan")))


def test_a_value_without_a_plain_form_or_a_tag_that_is_not_ours_is_refused():
    with pytest.raises(TypeError):
        to_plain(object())
    with pytest.raises(TypeError):
        to_plain({1: "a"})
    for data in ({"$eval": "x"}, {"a": 1, "b": 2}, {"__reduce__": []}):
        with pytest.raises(ValueError):
            from_plain(data)


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "text": pd.Series(["张三", None, "李四"], dtype=object),
            "blank": pd.Series([None, None, None], dtype=object),
            "points": pd.Series([("北坪村", "东坪村"), (), ("金坪村",)], dtype=object),
            "mixed": pd.Series([1, "a", float("nan")], dtype=object),
            "nan_and_none": pd.Series(["a", np.nan, None], dtype=object),
            "when": pd.to_datetime(["2026-01-01", None, "2026-03-01"]).astype("datetime64[ns]"),
            "count": pd.array([1, None, 3], dtype="Int64"),
            "score": pd.array([1.5, None, 3.0], dtype="Float64"),
            "flag": [True, False, True],
            "maybe": pd.array([True, None, False], dtype="boolean"),
            "pairs": pd.Series([("a", "b"), ("c", "d"), ("a", "b")], dtype=object),
            "lists": pd.Series([[1, 2], [3, 4], []], dtype=object),
            "kind": pd.Categorical(["a", "b", "a"], categories=["a", "b", "c"]),
            "ranked": pd.Categorical([1, 2, 1], categories=[1, 2, 3], ordered=True),
            "string": pd.Series(["a", None, "c"], dtype="string"),
            "str": pd.Series(["a", None, "c"], dtype="str"),
            "row": [2, 3, 5],
            "minutes": [45.0, np.nan, 60.0],
        }
    )
    frame.index = pd.Index([2, 3, 5])  # Excel rows, with a gap
    return frame


@pytest.mark.parametrize(
    "make",
    [
        _frame,
        lambda: _frame().reset_index(drop=True),
        lambda: _frame().iloc[:0],
        lambda: pd.DataFrame(index=pd.RangeIndex(4, 9)),
    ],
    ids=["excel-rows", "range-index", "empty", "no-columns"],
)
def test_a_frame_comes_back_with_its_dtypes_index_and_values(make):
    frame = make()
    back = frame_from_ipc(frame_to_ipc(frame))
    pd.testing.assert_frame_equal(back, frame, check_exact=True, check_index_type=True)
    if "points" in frame and len(frame):
        assert back["points"].map(type).eq(tuple).all() and back["pairs"].iloc[1] == ("c", "d")
        assert back["lists"].iloc[0] is not back["lists"].iloc[1]  # a list is never shared
        assert back["nan_and_none"].iloc[2] is None and np.isnan(back["nan_and_none"].iloc[1])


def test_a_frame_with_names_that_are_not_text_is_refused():
    with pytest.raises(TypeError):
        frame_to_ipc(pd.DataFrame({0: [1]}))
    with pytest.raises(TypeError):
        frame_to_ipc(pd.DataFrame([[1, 2]], columns=["a", "a"]))
