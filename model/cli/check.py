"""The clerk's checking commands: ``validate``, ``annotate`` and ``template``."""

from __future__ import annotations

import argparse
from pathlib import Path

from model.cli.common import (
    ExitCode,
    cli_limits,
    dump_json,
    exit_code,
    print_errors,
    read_for_cli,
    say,
    validation_json,
)
from model.texts.notices import notice_text


def add_commands(commands: argparse._SubParsersAction) -> None:
    validate = commands.add_parser("validate", help="检查台账，列出全部错误")
    validate.add_argument("path")
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(run=_validate, reads=True)

    annotate = commands.add_parser("annotate", help="生成标注了错误的台账副本")
    annotate.add_argument("path")
    annotate.add_argument("out")
    annotate.set_defaults(run=_annotate, reads=True)

    template = commands.add_parser("template", help="生成空白台账模板")
    template.add_argument("out")
    template.set_defaults(run=_template)


def _validate(args: argparse.Namespace) -> int:
    result = read_for_cli(args.path)
    if args.json:
        dump_json(validation_json(result))
        return exit_code(result)
    for code in result.notices:
        print(say("NOTICE", text=notice_text(code, "zh")))
    if result.ok:
        assert result.workbook is not None  # ok means a workbook
        counts = say("CLAUSE_SEP").join(
            say("ROWS_OF_SHEET", sheet=sheet, rows=rows)
            for sheet, rows in result.workbook.counts().items()
        )
        print(say("VALID", counts=counts))
    else:
        print(say("FOUND_ERRORS", count=len(result.errors)))
        print_errors(result.errors)
    return exit_code(result)


def _annotate(args: argparse.Namespace) -> int:
    from model.outputs.annotate import annotate_isolated

    result = read_for_cli(args.path)
    if result.unreadable:
        print_errors(result.errors)
        return ExitCode.UNREADABLE
    data = Path(args.path).read_bytes()
    annotated = annotate_isolated(data, result.errors, cli_limits(), kind=result.kind)
    Path(args.out).write_bytes(annotated)
    print(say("ANNOTATED", out=args.out, count=len(result.errors)))
    return exit_code(result)


def _template(args: argparse.Namespace) -> int:
    from model.outputs.template import template_bytes

    Path(args.out).write_bytes(template_bytes())
    print(say("TEMPLATE_WRITTEN", out=args.out))
    return ExitCode.OK
