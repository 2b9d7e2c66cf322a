"""The command line of 学习记录 (issue #26): `record-session` records one session as the page
does and publishes it; `signin-sheet` writes a session's printable 签到表. Each imports what it
uses, so a command starts quickly."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from model.cli.common import ExitCode, date_arg, dump_json, exit_code, read_for_cli


def add_commands(commands: argparse._SubParsersAction) -> None:
    record = commands.add_parser("record-session", help="学习记录：记录一场学习并发布为新版本")
    record.add_argument("--data", default=None)
    record.add_argument("--session", required=True, help="场次")
    record.add_argument("--user", required=True, help="记录人（有用户时按其可记录的中心组限定）")
    record.add_argument("--held", type=date_arg, default=None, help="举行日期")
    record.add_argument("--minutes", type=float, default=None, help="时长（分钟）")
    record.add_argument(
        "--mark",
        action="append",
        default=[],
        metavar="姓名=出勤/点评",
        help="如 张三=出席/口头；可多次给出，未给出的成员保持当前记录",
    )
    record.add_argument("--json", action="store_true")
    record.set_defaults(run=_record_session)

    signin = commands.add_parser("signin-sheet", help="签到表：一场学习的在岗成员，A4 打印")
    signin.add_argument("path")
    signin.add_argument("--session", required=True, help="场次")
    signin.add_argument("out")
    signin.set_defaults(run=_signin_sheet, reads=True)


def _record_session(args: argparse.Namespace) -> int:
    from model.store.auth import Accounts
    from model.store.publish_flow import Ending, attempt
    from model.store.record_open import open_session
    from model.store.record_types import FieldError, NotYourSession, RecordRejected, StaleRecord
    from model.store.recording import base_side_raws, record_session
    from model.store.versions import Store, default_data_dir
    from model.texts.recording import record_text
    from model.workbook.reader import read_workbook

    root = default_data_dir(args.data)
    store = Store(root)
    accounts = Accounts(root)
    current = store.current()
    if current is None:
        error = FieldError("session", record_text("RECORD_UNKNOWN_SESSION", session=args.session))
        return _refused(args, [error])
    data = store.read_bytes(current)  # a published version: it passed the checks already
    workbook = read_workbook(data, max_bytes=len(data) + 1).workbook
    assert workbook is not None
    try:
        opened = open_session(workbook, base_side_raws(store, current), args.session)
    except KeyError:
        error = FieldError("session", record_text("RECORD_UNKNOWN_SESSION", session=args.session))
        return _refused(args, [error])
    marks, errors = _marks(args.mark, opened)
    if errors:
        return _refused(args, errors)
    record = opened.record
    record = replace(
        record,
        held_date=args.held or record.held_date,
        minutes=args.minutes if args.minutes is not None else record.minutes,
        marks=tuple(marks.get(m.member, m) for m in record.marks),
    )
    user = accounts.get(args.user) if accounts.enabled() else None
    groups = user.groups if user is not None and user.role != "admin" else None
    ended = attempt(
        lambda confirm: record_session(
            store, record, args.user, groups, opened.rows, confirm, accounts=accounts
        )
    )
    refusal = ended.refusal
    if isinstance(refusal, NotYourSession):
        return _refused(args, [refusal.error])
    if isinstance(refusal, RecordRejected):
        return _refused(args, refusal.outcome.errors)
    if isinstance(refusal, StaleRecord):
        return _refused(args, [FieldError("session", refusal.text())])
    if ended.ending is Ending.UNCHANGED:
        text = record_text("RECORD_UNCHANGED", session=args.session)
        _say(args, {"published": False, "unchanged": True, "current": ended.current}, text)
        return ExitCode.IDENTICAL
    version = ended.version
    assert version is not None
    text = record_text("RECORD_PUBLISHED", version=version.version, session=args.session)
    _say(args, {"published": True, "version": version.version, "session": args.session}, text)
    return ExitCode.OK


def _marks(given: list[str], opened) -> tuple[dict, list]:
    """``姓名=出勤/点评`` → Mark per member key (姓名 or 编号 within the session's group)."""
    from model.store.record_types import ATTENDANCE, COMMENTS, FieldError, Mark
    from model.texts.recording import record_text
    from model.workbook.values import CHOICES

    by_name = {row.name: row.key for row in opened.roster} | {r.key: r.key for r in opened.roster}
    current = {m.member: m for m in opened.record.marks}
    marks, errors = {}, []
    for text in given:
        name, _, value = text.partition("=")
        typed, _, said = value.partition("/")
        attendance = CHOICES["attendance"].get(typed.strip(), typed.strip())
        comment = CHOICES["comment"].get(said.strip(), said.strip()) if said else None
        key = by_name.get(name.strip())
        if not name or attendance not in ATTENDANCE or (comment and comment not in COMMENTS):
            errors.append(FieldError("attendance", record_text("RECORD_BAD_MARK", mark=text)))
        elif key is None:
            message = record_text("RECORD_UNKNOWN_MEMBER", group=opened.group, name=name)
            errors.append(FieldError("attendance", message, member=name))
        else:
            old = current.get(key, Mark(key, None))
            marks[key] = Mark(key, attendance, comment or old.comment, old.note)
    return marks, errors


def _refused(args: argparse.Namespace, errors: list) -> int:
    body = {
        "published": False,
        "errors": [
            {"field": e.field, "member": e.member, "index": e.index, "message": e.text()}
            for e in errors
        ],
    }
    _say(args, body, "\n".join(_where(e) + e.text() for e in errors), sys.stderr)
    return ExitCode.ERRORS


def _where(error) -> str:
    return f"[{error.field}{' ' + error.member if error.member else ''}] "


def _say(args: argparse.Namespace, body: dict, text: str, stream=None) -> None:
    if args.json:
        dump_json(body)
    else:
        print(text, file=stream or sys.stdout)


def _signin_sheet(args: argparse.Namespace) -> int:
    from model.outputs.signin_sheet import signin_sheet_bytes
    from model.texts.recording import record_text

    result = read_for_cli(args.path)
    if result.workbook is None:
        for error in result.errors:
            print(f"{error.message} {error.hint}", file=sys.stderr)
        return exit_code(result)
    try:
        data = signin_sheet_bytes(result.workbook, args.session)
    except KeyError:
        print(record_text("RECORD_UNKNOWN_SESSION", session=args.session), file=sys.stderr)
        return ExitCode.ERRORS
    Path(args.out).write_bytes(data)
    print(record_text("signin_written", out=args.out))
    return ExitCode.OK
