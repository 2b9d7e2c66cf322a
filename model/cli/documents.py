"""The command line's documents that go upward (issue #27): `bulletin` (the 学习情况通报, .docx),
`record-pdf` (学习档案, one member per page) and `risk-pdf` (the 风险预警 list). Exit 0 written,
1 nothing to write (errors in the file, no such group or member), 2 unreadable."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model.cli.common import ExitCode, read_for_cli, refuse, say, year_and_date


def add_commands(commands: argparse._SubParsersAction) -> None:
    bulletin = commands.add_parser("bulletin", help="学习情况通报（Word .docx，公文格式）")
    bulletin.add_argument("path")
    bulletin.add_argument("out", help="输出的 .docx")
    year_and_date(bulletin)
    bulletin.add_argument("--group", default=None, help="只通报一个中心组")
    bulletin.add_argument("--hide-names", action="store_true", help="成员写作“成员N”")
    bulletin.add_argument("--unit", default=None, help="发文单位（如县名），写在标题下")
    bulletin.set_defaults(run=_bulletin, reads=True)

    record = commands.add_parser("record-pdf", help="学习档案 PDF（每名成员一页起，附签字栏）")
    record.add_argument("path")
    record.add_argument("out", help="输出的 .pdf")
    year_and_date(record)
    record.add_argument("--member", default=None, help="成员姓名或编号；不填则导出整个中心组")
    record.add_argument("--group", default=None, help="中心组（按姓名找成员时必填）")
    record.set_defaults(run=_record_pdf, reads=True)

    risk = commands.add_parser("risk-pdf", help="风险预警名单 PDF")
    risk.add_argument("path")
    risk.add_argument("out", help="输出的 .pdf")
    year_and_date(risk)
    risk.add_argument("--group", default=None)
    risk.add_argument("--hide-names", action="store_true", help="成员写作“成员N”")
    risk.set_defaults(run=_risk_pdf, reads=True)


def _read(path: str):  # -> Workbook | int (the exit code)

    result = read_for_cli(path)
    if not result.ok:
        return refuse(result, False, say("WHAT_DOCUMENT"))
    assert result.workbook is not None
    return result.workbook


def _no_group(year: int, group: str) -> int:
    print(say("NO_GROUP_IN_YEAR", year=year, group=group), file=sys.stderr)
    return ExitCode.ERRORS


def _read_report(args: argparse.Namespace):  # -> (Workbook, Report) | int (the exit code)
    """The year's report of ``--group`` (or of all), or the exit code when there is none."""
    from model.engine.report import build_report

    workbook = _read(args.path)
    if isinstance(workbook, int):
        return workbook
    report = build_report(workbook, args.year, args.as_of, args.group)
    if args.group is not None and args.group not in report.groups.index:
        return _no_group(args.year, args.group)
    return workbook, report


def _bulletin(args: argparse.Namespace) -> int:
    from model.engine.report import years_of
    from model.engine.shifts import measure_shifts
    from model.engine.todo import todo_items
    from model.outputs.bulletin import bulletin_bytes, shifts_of_group

    read = _read_report(args)
    if isinstance(read, int):
        return read
    workbook, report = read
    shifts = measure_shifts(workbook, args.year, args.as_of, years_of(workbook))
    if args.group is not None:
        shifts = shifts_of_group(shifts, args.group)
    todo = todo_items(report.timeline, workbook.exams, group=args.group)
    data = bulletin_bytes(report, shifts, todo, "zh", not args.hide_names, args.unit, args.group)
    Path(args.out).write_bytes(data)
    print(say("BULLETIN_WRITTEN", out=args.out, year=args.year))
    return ExitCode.OK


def _record_pdf(args: argparse.Namespace) -> int:
    from model.cli.report import write_records
    from model.outputs.pdf_record import records_pdf

    return write_records(args, records_pdf)


def _risk_pdf(args: argparse.Namespace) -> int:
    from model.outputs.pdf_record import risk_pdf

    read = _read_report(args)
    if isinstance(read, int):
        return read
    _, report = read
    Path(args.out).write_bytes(risk_pdf(report, "zh", not args.hide_names))
    print(say("RISK_PDF_WRITTEN", out=args.out, year=args.year))
    return ExitCode.OK
