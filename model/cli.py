"""The command line: exit 0 valid, 1 errors, 2 unreadable (issue #2); report, store, bench later."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from model.texts.notices import notice_text
from model.workbook.errors import WorkbookError, make_error

if TYPE_CHECKING:
    from model.workbook.isolation import Limits
    from model.workbook.reader import ReadResult

# Files named on the command line may be larger than an upload (benchmarks, archives), so the
# isolated reader may use more memory and time than it may for an upload.
CLI_MAX_BYTES = 512 * 1024 * 1024
CLI_MEMORY_MB = int(os.environ.get("XUEXI_CLI_READ_MEMORY_MB", "4096"))
CLI_SECONDS = float(os.environ.get("XUEXI_CLI_READ_SECONDS", "300"))
EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE, EXIT_IDENTICAL = 0, 1, 2, 3


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.run in (_validate, _annotate, _report, _publish, _shifts, _record) or getattr(
        args, "reads", False
    ):
        from model.workbook.isolation import warm

        warm(wait=False)  # the reader's zygote starts while this process imports what it needs
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m model", description="中心组“1+X”学习台账")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="检查台账，列出全部错误")
    validate.add_argument("path")
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(run=_validate)

    annotate = commands.add_parser("annotate", help="生成标注了错误的台账副本")
    annotate.add_argument("path")
    annotate.add_argument("out")
    annotate.set_defaults(run=_annotate)

    template = commands.add_parser("template", help="生成空白台账模板")
    template.add_argument("out")
    template.set_defaults(run=_template)

    report = commands.add_parser("report", help="年度学分、风险与进度报告")
    report.add_argument("path")
    report.add_argument("--year", type=int, required=True)
    report.add_argument("--as-of", type=_date, default=None, help="统计截止日期 YYYY-MM-DD")
    report.add_argument("--group", default=None)
    report.add_argument("--json", action="store_true")
    report.add_argument("--indent", action="store_true", help="JSON 缩进两格（默认紧凑）")
    report.set_defaults(run=_report)

    record = commands.add_parser("record", help="学习档案：成员的年度学习记录（A4 打印，附签字栏）")
    record.add_argument("path")
    record.add_argument("out", help="输出的 .xlsx（每名成员一个工作表）")
    record.add_argument("--year", type=int, required=True)
    record.add_argument("--as-of", type=_date, default=None, help="统计截止日期 YYYY-MM-DD")
    record.add_argument("--member", default=None, help="成员姓名或编号；不填则导出整个中心组")
    record.add_argument("--group", default=None, help="中心组（按姓名找成员时必填）")
    record.set_defaults(run=_record)

    shifts = commands.add_parser("shifts", help="成效：“四个转变”与上年对比，附年度总结用语")
    shifts.add_argument("path")
    shifts.add_argument("--year", type=int, default=None, help="默认：统计截止日期所在年度")
    shifts.add_argument("--as-of", type=_date, default=None, help="统计截止日期 YYYY-MM-DD")
    shifts.add_argument("--group", default=None, help="只列出这个中心组")
    shifts.add_argument("--json", action="store_true")
    shifts.set_defaults(run=_shifts)

    publish = commands.add_parser("publish", help="检查并发布新版本（有错误则拒绝）")
    publish.add_argument("path")
    publish.add_argument("--data", default=None, help="数据目录（默认 $XUEXI_DATA_DIR 或 ./data）")
    publish.add_argument("--user", default="cli")
    publish.add_argument("--comment", default="")
    publish.add_argument("--json", action="store_true")
    publish.add_argument(
        "--group",
        action="append",
        default=None,
        help="只发布这个中心组的数据（可重复）；退出码 3 表示无变化，4 表示下载后本组已有新版本",
    )
    publish.set_defaults(run=_publish)

    download = commands.add_parser(
        "download", help="下载当前版本中某些中心组的数据（供编辑后上传）"
    )
    download.add_argument("out")
    download.add_argument("--group", action="append", default=None, help="中心组（可重复）")
    download.add_argument("--version", type=int, default=None, help="默认：当前版本")
    download.add_argument("--data", default=None)
    download.set_defaults(run=_download)

    from model.cli_store import add_commands as add_store_commands

    add_store_commands(commands)  # versions, restore, users

    bench = commands.add_parser("bench", help="性能基准：三种规模的读取、检查与报告耗时")
    bench.add_argument("--sizes", default="county-year,county-term,max,province-year")
    bench.add_argument("--folder", default="bench_out")
    bench.add_argument("--json", default="bench_out/results.json")
    bench.set_defaults(run=_bench)

    sample = commands.add_parser("sample", help="生成示例台账（示范县）或基准测试用的大台账")
    sample.add_argument("out", nargs="?", default=None, help="默认重写 sample_data 中的示例台账")
    sample.add_argument("--groups", type=int, default=8)
    sample.add_argument("--members-per-group", type=int, default=9)
    sample.add_argument("--years", type=int, default=2)
    sample.add_argument("--sessions-per-year", type=int, default=8)
    sample.add_argument("--seed", type=int, default=2026)
    sample.set_defaults(run=_sample)

    from model.cli_clerk import add_commands

    add_commands(commands, _date)  # plan, todo, calendar (issue #14)

    from model.cli_diff import add_command as add_diff_command

    add_diff_command(commands, _date)  # diff (issue #24)

    from model.cli_documents import add_commands as add_document_commands

    add_document_commands(commands)  # bulletin, record-pdf, risk-pdf (issue #27)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def cli_limits() -> Limits:
    from model.workbook.isolation import Limits

    return Limits(memory_mb=CLI_MEMORY_MB, seconds=CLI_SECONDS)


def read_for_cli(path: str) -> ReadResult:
    """The named file, read in the isolated worker: a hostile file ends the child, not us."""
    # Commands import what they use: `report` must not pay for openpyxl at start-up.
    from model.workbook.isolation import read_isolated
    from model.workbook.reader import ReadResult

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        error = make_error("FILE_CORRUPT", detail=f"无法打开文件（{exc.strerror}）")
        return ReadResult(None, [error], unreadable=True)
    return read_isolated(data, CLI_MAX_BYTES, cli_limits())


def exit_code(result: ReadResult) -> int:
    if result.unreadable:
        return EXIT_UNREADABLE
    return EXIT_ERRORS if result.errors else EXIT_OK


def validation_json(result: ReadResult) -> dict:
    return {
        "ok": result.ok,
        "errors": [error.as_dict() for error in result.errors],
        "counts": result.workbook.counts() if result.workbook else {},
        "format": result.kind.format if result.kind else None,
        "notices": [{"code": code, "message": notice_text(code, "zh")} for code in result.notices],
    }


def print_errors(errors: list[WorkbookError]) -> None:
    for error in errors:
        where = " ".join(
            part
            for part in (error.sheet, error.cell or (f"第{error.row}行" if error.row else None))
            if part
        )
        column = f"［{error.column}］" if error.column else ""
        print(f"{where}{column} {error.message} → {error.hint}")


def _validate(args: argparse.Namespace) -> int:
    result = read_for_cli(args.path)
    if args.json:
        json.dump(validation_json(result), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return exit_code(result)
    for code in result.notices:
        print(f"注意：{notice_text(code, 'zh')}")
    if result.ok:
        assert result.workbook is not None  # ok means a workbook
        counts = "，".join(f"{sheet} {rows} 行" for sheet, rows in result.workbook.counts().items())
        print(f"台账有效：{counts}")
    else:
        print(f"发现 {len(result.errors)} 处错误：")
        print_errors(result.errors)
    return exit_code(result)


def _annotate(args: argparse.Namespace) -> int:
    from model.outputs.annotate import annotate_isolated

    result = read_for_cli(args.path)
    if result.unreadable:
        print_errors(result.errors)
        return EXIT_UNREADABLE
    data = Path(args.path).read_bytes()
    annotated = annotate_isolated(data, result.errors, cli_limits(), kind=result.kind)
    Path(args.out).write_bytes(annotated)
    print(f"已写入 {args.out}：标注 {len(result.errors)} 处错误")
    return exit_code(result)


def refuse(result: ReadResult, as_json: bool, what: str) -> int:
    """A workbook with errors: say so (as the validate JSON, or as lines) and exit 1 or 2."""
    if as_json:
        json.dump(validation_json(result), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(f"台账有 {len(result.errors)} 处错误，{what}：")
        print_errors(result.errors)
    return exit_code(result)


def _report(args: argparse.Namespace) -> int:
    from model.cli_report import report_command

    return report_command(args)


def _record(args: argparse.Namespace) -> int:
    from model.engine.record import find_member, group_records, study_record
    from model.engine.report import build_report
    from model.outputs.record_sheet import records_bytes

    if args.member is None and args.group is None:
        print("请用 --group 指定中心组，或用 --member（加 --group）指定成员。", file=sys.stderr)
        return EXIT_ERRORS
    result = read_for_cli(args.path)
    if not result.ok:
        return refuse(result, False, "无法生成学习档案")
    assert result.workbook is not None
    report = build_report(result.workbook, args.year, args.as_of, None)
    groups = set(report.members["group"])
    if args.group is not None and args.group not in groups:
        print(f"{args.year} 年度没有中心组“{args.group}”的成员。", file=sys.stderr)
        return EXIT_ERRORS
    if args.member is None:
        records = group_records(report, args.group)
    else:
        keys = find_member(report, args.member, args.group)
        if len(keys) != 1:
            found = "、".join(f"{report.members.at[k, 'group']!s} {k}" for k in keys)
            reason = f"有 {len(keys)} 人同名（{found}），请改用编号" if keys else "找不到此人"
            print(f"成员“{args.member}”：{reason}。", file=sys.stderr)
            return EXIT_ERRORS
        records = [study_record(report, keys[0])]
    Path(args.out).write_bytes(records_bytes(records))
    print(f"已写入 {args.out}：{len(records)} 名成员的 {args.year} 年度学习档案")
    return EXIT_OK


def _shifts(args: argparse.Namespace) -> int:
    from model.engine import default_year, measure_shifts, years_of
    from model.texts import METRIC_LABELS, change_text, period_caption, shown, summary_paragraph

    result = read_for_cli(args.path)
    if not result.ok:
        return refuse(result, args.json, "无法测算")
    assert result.workbook is not None
    workbook = result.workbook
    year = args.year or default_year(workbook, args.as_of)
    measured = measure_shifts(workbook, year, args.as_of, years_of(workbook))
    groups = measured.groups
    if args.group is not None:
        if args.group not in groups:
            print(f"没有中心组“{args.group}”；可选：{'、'.join(groups)}", file=sys.stderr)
            return EXIT_ERRORS
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
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    print(period_caption(measured))
    print(summary)
    print()
    figures = groups[args.group] if args.group else measured.overall
    print(f"{'指标':<12}{measured.year:>8}{measured.previous_year:>8}  变化")
    for name, value in figures.items():
        print(
            f"{METRIC_LABELS[name]['zh']:<12}{shown(name, value['value']):>8}"
            f"{shown(name, value['previous']):>8}  "
            f"{change_text(name, value, 'zh', measured.like_with_like)}"
        )
    return EXIT_OK


def _period(span: tuple[dt.date, dt.date]) -> dict[str, str]:
    return {"from": span[0].isoformat(), "to": span[1].isoformat()}


def _download(args: argparse.Namespace) -> int:
    from model.cli_groups import download

    return download(args)


def _publish(args: argparse.Namespace) -> int:
    if args.group:
        from model.cli_groups import publish_groups

        return publish_groups(args)
    from model.store.publishing import prepare, publish
    from model.store.versions import IdenticalToCurrent, Store, default_data_dir

    store = Store(default_data_dir(args.data))
    data = Path(args.path).read_bytes() if Path(args.path).is_file() else b""
    prepared = prepare(
        store, data, Path(args.path).name, max_bytes=CLI_MAX_BYTES, limits=cli_limits()
    )
    if not prepared.publishable:
        if args.json:
            json.dump(
                {"published": False, **validation_json(prepared.result)},
                sys.stdout,
                ensure_ascii=False,
                indent=2,
            )
            print()
        else:
            print(f"未发布：发现 {len(prepared.result.errors)} 处错误")
            print_errors(prepared.result.errors)
        return exit_code(prepared.result)
    try:
        version = publish(store, prepared, args.user, args.comment, confirm_stale=True)
    except IdenticalToCurrent as same:
        message = f"未发布：与当前版本 v{same.version.version} 完全相同"
        if args.json:
            json.dump({"published": False, "identical_to": same.version.version}, sys.stdout)
            print()
        else:
            print(message)
        return EXIT_IDENTICAL
    if args.json:
        from model.store.publishing import published_diff

        diff = published_diff(store, prepared, version)  # issue #24: what it changed
        body = {"published": True, **asdict(version), "diff": diff.to_json() if diff else None}
        json.dump(body, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(
            f"已发布 v{version.version}（{version.sha256[:12]}），上一版本 v{version.parent or '-'}"
        )
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from model.dev.bench import SIZES, run

    sizes = [name.strip() for name in args.sizes.split(",") if name.strip()]
    unknown = [name for name in sizes if name not in SIZES]
    if unknown:
        print(f"未知规模：{'、'.join(unknown)}；可选：{'、'.join(SIZES)}")
        return EXIT_ERRORS
    run(sizes, Path(args.folder), Path(args.json) if args.json else None)
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from model.outputs.template import template_bytes

    Path(args.out).write_bytes(template_bytes())
    print(f"已写入模板 {args.out}")
    return EXIT_OK


def _sample(args: argparse.Namespace) -> int:
    from model.dev.sample import SAMPLE_PATH, generate, write_workbook

    args.out = args.out or str(SAMPLE_PATH)
    default_size = (args.groups, args.members_per_group, args.years) == (8, 9, 2)
    ledger, as_of = generate(
        groups=args.groups,
        members_per_group=args.members_per_group,
        years=args.years,
        seed=args.seed,
        sessions_per_year=args.sessions_per_year,
        scripted=default_size or args.groups >= 4,
    )
    write_workbook(ledger, as_of, Path(args.out))
    print(
        f"已写入示例台账 {args.out}：成员 {len(ledger.members)}，参学记录 {len(ledger.participation)}"
    )
    return EXIT_OK
