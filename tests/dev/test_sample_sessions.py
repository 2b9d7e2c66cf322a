"""The sample's 场次 ids are codes, never something a reader could take for a date."""

import re

from model.dev.sample import SAMPLE_PATH, session_id
from model.workbook.reader import read_workbook_file
from model.workbook.values import parse_dates


def test_sample_session_ids_are_group_year_number_codes():
    plan = read_workbook_file(SAMPLE_PATH).workbook.plan
    ids = plan["session"]
    assert ids.str.fullmatch(r"[A-Z]{2,3}-20\d\d-\d\d").all(), ids[:5].tolist()
    # None of them parses as a date the way the reader reads 2026-02-03.
    values, _bad = parse_dates(ids.astype("string"))
    assert values.isna().all()
    first = plan[plan["group"] == "青山镇党委"].sort_values("planned_date").iloc[0]
    assert first["session"] == "QS-2025-01"


def test_session_id_falls_back_for_generated_groups():
    assert session_id("青山镇党委", 1, 2026, 0) == "QS-2026-01"
    assert session_id("第15乡镇党委", 14, 2026, 9) == "Z15-2026-10"
    assert not re.fullmatch(r"\d{4}-\d\d-\d\d", session_id("第15乡镇党委", 14, 2026, 9))
