"""The clerk's commands of issue #14: ``plan``, ``todo`` and ``calendar``.

Registered by ``model.cli``; each reads the workbook in the isolated reader like ``report``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.workbook.reader import Workbook

from model.cli.common import ExitCode, date_arg, read_for_cli, refuse, say


def _weekday(text: str) -> int:
    if text not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError(say("BAD_WEEKDAY", text=text))
    return int(text)


def add_commands(commands: argparse._SubParsersAction) -> None:
    plan = commands.add_parser("plan", help="为一个中心组生成年度学习计划（每人主讲一次）")
    plan.add_argument("path")
    plan.add_argument("--year", type=int, required=True)
    plan.add_argument("--group", required=True)
    plan.add_argument("--out", default=None, help="写入可上传的台账（模板 + 成员 + 学习计划）")
    plan.add_argument("--start", type=date_arg, default=None, help="开始日期，默认 1 月 1 日")
    plan.add_argument("--weekday", type=_weekday, default=3, help="星期几举行，1–5，默认 3")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(run=_plan, reads=True)

    todo = commands.add_parser("todo", help="待办：近期到期和已逾期的事项")
    todo.add_argument("path")
    todo.add_argument("--as-of", type=date_arg, required=True, help="YYYY-MM-DD")
    todo.add_argument("--days", type=int, default=14)
    todo.add_argument("--group", default=None)
    todo.add_argument("--json", action="store_true")
    todo.set_defaults(run=_todo, reads=True)

    calendar = commands.add_parser("calendar", help="导出日历（.ics）：学习安排与各项期限")
    calendar.add_argument("path")
    calendar.add_argument("--year", type=int, required=True)
    calendar.add_argument("--group", default=None)
    calendar.add_argument("--person", default=None, help="成员姓名或编号")
    calendar.add_argument("out")
    calendar.set_defaults(run=_calendar, reads=True)


def _workbook(args: argparse.Namespace, as_json: bool, what: str) -> Workbook | int:
    result = read_for_cli(args.path)
    if not result.ok:
        return refuse(result, as_json, what)
    assert result.workbook is not None
    workbook = result.workbook
    group = getattr(args, "group", None)
    groups = sorted(workbook.members["group"].dropna().unique())
    if group is not None and group not in groups:
        print(say("NO_GROUP", group=group, choices=say("LIST_SEP").join(groups)), file=sys.stderr)
        return ExitCode.ERRORS
    return workbook


def _dump(payload: object) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()


def _plan(args: argparse.Namespace) -> int:
    from model.engine.plan import propose_plan
    from model.texts.todo import plan_notice

    workbook = _workbook(args, args.json, say("WHAT_PLAN"))
    if isinstance(workbook, int):
        return workbook
    proposal = propose_plan(workbook, args.group, args.year, args.start, args.weekday)
    rows = proposal.names().assign(planned_date=proposal.rows["planned_date"].dt.date)
    records = [
        {key: (None if value is None else str(value)) for key, value in row.items()}
        for row in rows.to_dict("records")
    ]
    notices = [
        {"code": code, "text": plan_notice(code, details)} for code, details in proposal.notices
    ]
    if args.out:
        from model.outputs.plan_workbook import plan_workbook_bytes

        Path(args.out).write_bytes(plan_workbook_bytes(proposal))
    if args.json:
        _dump({"group": args.group, "year": args.year, "rows": records, "notices": notices})
    else:
        for row in records:
            fields = {"speaker": row["speaker"], "host": row["host"], "topic": row["topic"]}
            print(say("PLAN_ROW", session=row["session"], date=row["planned_date"], **fields))
        for notice in notices:
            print(say("NOTICE", text=notice["text"]))
        if args.out:
            print(say("PLAN_WRITTEN", out=args.out, count=len(records)))
    return ExitCode.OK


def _todo(args: argparse.Namespace) -> int:
    from model.engine.plan import person_labels
    from model.engine.timeline import build_timeline
    from model.engine.todo import todo_items
    from model.texts.todo import todo_kind, todo_text

    workbook = _workbook(args, args.json, say("WHAT_TODO"))
    if isinstance(workbook, int):
        return workbook
    timeline = build_timeline(workbook, args.as_of)
    todo = todo_items(timeline, workbook.exams, args.days, args.group)
    names = person_labels(timeline.members)
    items = [
        {
            "due": item["due"].isoformat(),
            "kind": item["kind"],
            "group": item["group"],
            "session": item["session"] if isinstance(item["session"], str) else None,
            "person": names.get(item["person"]) if isinstance(item["person"], str) else None,
            "text": todo_text(item, names),
            "overdue": bool(item["overdue"]),
        }
        for item in todo.items.to_dict("records")
    ]
    if args.json:
        _dump({"as_of": todo.as_of.isoformat(), "items": items})
        return ExitCode.OK
    print(say("TODO_HEAD", as_of=todo.as_of, days=args.days, count=len(items)))
    for item in items:
        mark = say("OVERDUE_MARK") if item["overdue"] else ""
        print(f"{item['due']}\t{todo_kind(item['kind'])}\t{item['group']}\t{mark}{item['text']}")
    return ExitCode.OK


def _person_key(workbook: Workbook, name: str, group: str | None) -> str | list[str]:
    """The member key for a 姓名 or 编号 (within the group if given); the matches if not one."""
    members = workbook.members
    if group is not None:
        members = members[members["group"] == group]
    by_id = members[members["member_id"] == name]
    matches = by_id if len(by_id) else members[members["name"] == name]
    if len(matches) == 1:
        return str(matches["key"].iloc[0])
    rows = zip(matches["group"], matches["name"], matches["member_id"], strict=True)
    return [
        say(
            "MEMBER_CHOICE",
            group=g,
            name=n,
            member_id=i if isinstance(i, str) else say("NO_MEMBER_ID"),
        )
        for g, n, i in rows
    ]


def _calendar(args: argparse.Namespace) -> int:
    from model.engine.timeline import build_timeline
    from model.outputs.calendar import calendar_bytes

    workbook = _workbook(args, False, say("WHAT_CALENDAR"))
    if isinstance(workbook, int):
        return workbook
    person = None
    if args.person is not None:
        found = _person_key(workbook, args.person, args.group)
        if isinstance(found, list):
            which = say("LIST_SEP").join(found) if found else say("NO_SUCH_MEMBER")
            print(say("PERSON_UNCLEAR", person=args.person, which=which), file=sys.stderr)
            return ExitCode.ERRORS
        person = found
    timeline = build_timeline(workbook, workbook.params.as_of or dt.date.today())
    data = calendar_bytes(timeline, workbook.exams, args.year, args.group, person)
    Path(args.out).write_bytes(data)
    print(say("CALENDAR_WRITTEN", out=args.out, count=data.count(b"BEGIN:VEVENT")))
    return ExitCode.OK
