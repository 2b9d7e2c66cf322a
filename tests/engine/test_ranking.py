"""Worst first (issue #29 item 12): the orders of 成员学分 and 总览, without AppTest."""

import pandas as pd

from model.engine.ranking import (
    flagged_members,
    groups_lagging_first,
    members_worst_first,
    red_flag_codes,
)


def members() -> pd.DataFrame:
    rows = [
        # key, group, display, status, credits, line
        ("a", "二组", "安", "passed", 35, 30),
        ("b", "一组", "白", "at_risk", 28, 30),  # 2 short
        ("c", "二组", "陈", "failed", 29, 30),
        ("d", "一组", "丁", "at_risk", 10, 30),  # 20 short
        ("e", "一组", "鄂", "exempt", 0, 30),
        ("f", "一组", "方", "on_track", 20, 30),
        ("g", "一组", "耿", "at_risk", 28, 30),  # 2 short, same as 白: by group, then name
    ]
    frame = pd.DataFrame(rows, columns=["key", "group", "display", "status", "credits", "line"])
    return frame.set_index("key", drop=False)


def test_members_worst_first_by_status_then_shortfall_then_name():
    assert list(members_worst_first(members())) == ["c", "d", "b", "g", "f", "a", "e"]


def test_members_worst_first_without_names_keeps_the_sheet_order_on_ties():
    frame = members()
    frame.loc["g", "display"] = "一"  # sorts before 白 by name
    assert list(members_worst_first(frame, by_name=False)) == ["c", "d", "b", "g", "f", "a", "e"]
    assert list(members_worst_first(frame, by_name=True))[2:4] == ["g", "b"]


def test_groups_lagging_first_no_plan_then_lowest_completion_then_most_at_risk():
    groups = pd.DataFrame(
        {
            "completion": [0.875, None, 0.6, 0.875],
            "failed": [0, 0, 1, 1],
            "at_risk": [0, 0, 0, 2],
        },
        index=pd.Index(["甲组", "乙组", "丙组", "丁组"], name="group"),
    )
    assert list(groups_lagging_first(groups)) == ["乙组", "丙组", "丁组", "甲组"]


def test_flagged_members_failed_first_then_at_risk_by_group_and_name():
    # 陈 failed; then 一组's at-risk members by name (丁 U+4E01 < 白 U+767D < 耿 U+803F).
    assert list(flagged_members(members()).index) == ["c", "d", "b", "g"]
    # Without names, ties keep the 成员 sheet's order.
    assert list(flagged_members(members(), by_name=False).index) == ["c", "b", "d", "g"]


def test_red_flag_codes_are_each_groups_most_frequent_findings_first():
    findings = pd.DataFrame(
        {
            "group": ["一组", "一组", "一组", "二组", "一组", "一组", "一组"],
            "code": ["LATE", "DRAFT", "LATE", "DRAFT", "HOST", "OUT", "DRAFT"],
        }
    )
    flags = red_flag_codes(findings)
    assert flags["一组"] == ("LATE", "DRAFT", "HOST")  # 2, 2, then the first of the ones
    assert flags["二组"] == ("DRAFT",)
    assert red_flag_codes(findings.iloc[0:0]).empty
