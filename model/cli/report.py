"""The year's commands: ``report`` (text or JSON), ``record`` (学习档案) and ``shifts`` (成效).

`report` builds the year's report where the file is read (the sandbox task of ``report_task``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from model.cli.common import (
    CLI_MAX_BYTES,
    ExitCode,
    cli_limits,
    date_arg,
    dump_json,
    read_for_cli,
    refuse,
    say,
    year_and_date,
)

if TYPE_CHECKING:
    from model.engine.record import StudyRecord


def add_commands(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help="年度学分、风险与进度报告")
    report.add_argument("path")
    year_and_date(report)
    report.add_argument("--group", default=None)
    report.add_argument("--json", action="store_true")
    report.add_argument("--indent", action="store_true", help="JSON 缩进两格（默认紧凑）")
    report.set_defaults(run=report_command, reads=True)

    record = commands.add_parser("record", help="学习档案：成员的年度学习记录（A4 打印，附签字栏）")
    record.add_argument("path")
    record.add_argument("out", help="输出的 .xlsx（每名成员一个工作表）")
    year_and_date(record)
    record.add_argument("--member", default=None, help="成员姓名或编号；不填则导出整个中心组")
    record.add_argument("--group", default=None, help="中心组（按姓名找成员时必填）")
    record.set_defaults(run=_record, reads=True)

    shifts = commands.add_parser("shifts", help="成效：“四个转变”与上年对比，附年度总结用语")
    shifts.add_argument("path")
    shifts.add_argument("--year", type=int, default=None, help="默认：统计截止日期所在年度")
    shifts.add_argument("--as-of", type=date_arg, default=None, help="统计截止日期 YYYY-MM-DD")
    shifts.add_argument("--group", default=None, help="只列出这个中心组")
    shifts.add_argument("--json", action="store_true")
    shifts.set_defaults(run=_shifts, reads=True)


def report_command(args: argparse.Namespace) -> int:
    from model.cli.report_task import run_report_isolated
    from model.workbook.errors import make_error
    from model.workbook.reader import ReadResult

    try:
        data = Path(args.path).read_bytes()
    except OSError as exc:
        error = make_error("FILE_CORRUPT", detail_code="CANNOT_OPEN", reason=exc.strerror)
        return refuse(ReadResult(None, [error], unreadable=True), args.json, say("WHAT_REPORT"))
    arguments = {
        "data": data,
        "max_bytes": CLI_MAX_BYTES,
        "year": args.year,
        "as_of": args.as_of,
        "group": args.group,
        "as_json": args.json,
        "indent": args.indent,
    }
    result, output = run_report_isolated(arguments, cli_limits())
    if output is None:
        return refuse(result, args.json, say("WHAT_REPORT"))
    sys.stdout.flush()
    sys.stdout.buffer.write(output)
    return ExitCode.OK


def _record(args: argparse.Namespace) -> int:
    from model.outputs.record_sheet import records_bytes

    return write_records(args, records_bytes)


def write_records(args: argparse.Namespace, write: Callable[[list[StudyRecord]], bytes]) -> int:
    """The 学习档案 the arguments ask for (``--member``, or every member of ``--group``),
    written by ``write`` (as .xlsx for ``record``, as PDF for ``record-pdf``)."""
    from model.engine.record import find_member, group_records, study_record
    from model.engine.report import build_report

    if args.member is None and args.group is None:
        print(say("RECORD_WHO"), file=sys.stderr)
        return ExitCode.ERRORS
    result = read_for_cli(args.path)
    if not result.ok:
        return refuse(result, False, say("WHAT_RECORD"))
    assert result.workbook is not None
    report = build_report(result.workbook, args.year, args.as_of, None)
    groups = set(report.members["group"])
    if args.group is not None and args.group not in groups:
        print(say("NO_GROUP_MEMBERS", year=args.year, group=args.group), file=sys.stderr)
        return ExitCode.ERRORS
    if args.member is None:
        records = group_records(report, args.group)
    else:
        keys = find_member(report, args.member, args.group)
        if len(keys) != 1:
            found = say("LIST_SEP").join(f"{report.members.at[k, 'group']!s} {k}" for k in keys)
            if keys:
                line = say("MEMBER_AMBIGUOUS", member=args.member, count=len(keys), found=found)
            else:
                line = say("MEMBER_NOT_FOUND", member=args.member)
            print(line, file=sys.stderr)
            return ExitCode.ERRORS
        records = [study_record(report, keys[0])]
    Path(args.out).write_bytes(write(records))
    print(say("RECORD_WRITTEN", out=args.out, count=len(records), year=args.year))
    return ExitCode.OK


def _shifts(args: argparse.Namespace) -> int:
    from model.engine.report import default_year, years_of
    from model.engine.shifts import measure_shifts
    from model.texts.shifts import (
        METRIC_LABELS,
        change_text,
        period_caption,
        shown,
        summary_paragraph,
    )

    result = read_for_cli(args.path)
    if not result.ok:
        return refuse(result, args.json, say("WHAT_SHIFTS"))
    assert result.workbook is not None
    workbook = result.workbook
    year = args.year or default_year(workbook, args.as_of)
    measured = measure_shifts(workbook, year, args.as_of, years_of(workbook))
    groups = measured.groups
    if args.group is not None:
        if args.group not in groups:
            choices = say("LIST_SEP").join(groups)
            print(say("NO_GROUP", group=args.group, choices=choices), file=sys.stderr)
            return ExitCode.ERRORS
        groups = {args.group: groups[args.group]}
    summary = summary_paragraph(measured)
    if args.json:
        payload = {
            "year": measured.year,
            "previous_year": measured.previous_year,
            "like_with_like": measured.like_with_like,
            "period": _period(measured.period),
            "previous_period": _period(measured.previous_period),
            "periods": {str(year): _period(span) for year, span in measured.periods.items()},
            "overall": measured.overall,
            "groups": groups,
            "summary": summary,
        }
        dump_json(payload)
        return ExitCode.OK
    print(period_caption(measured))
    print(summary)
    print()
    figures = groups[args.group] if args.group else measured.overall
    print(
        f"{say('SHIFTS_HEAD'):<12}{measured.year:>8}{measured.previous_year:>8}  {say('SHIFTS_CHANGE')}"
    )
    for name, value in figures.items():
        print(
            f"{METRIC_LABELS[name]['zh']:<12}{shown(name, value['value']):>8}"
            f"{shown(name, value['previous']):>8}  "
            f"{change_text(name, value, 'zh', measured.like_with_like)}"
        )
    return ExitCode.OK


def _period(span: tuple[dt.date, dt.date]) -> dict[str, str]:
    return {"from": span[0].isoformat(), "to": span[1].isoformat()}
