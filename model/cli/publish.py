"""Publishing from the command line: ``publish`` a whole workbook (or, with ``--group``, a group
clerk's rows) as a new version, and ``download`` some groups' rows to edit and upload again."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from model.cli.common import (
    CLI_MAX_BYTES,
    ExitCode,
    cli_limits,
    dump_json,
    exit_code,
    print_errors,
    say,
    validation_json,
)
from model.texts.notices import notice_text

if TYPE_CHECKING:
    from model.store.versions import Version
    from model.store.workbook_diff import WorkbookDiff


def add_commands(commands: argparse._SubParsersAction) -> None:
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
    publish.set_defaults(run=_publish, reads=True)

    rows = commands.add_parser("download", help="下载当前版本中某些中心组的数据（供编辑后上传）")
    rows.add_argument("out")
    rows.add_argument("--group", action="append", default=None, help="中心组（可重复）")
    rows.add_argument("--version", type=int, default=None, help="默认：当前版本")
    rows.add_argument("--data", default=None)
    rows.set_defaults(run=download)


def download(args: argparse.Namespace) -> int:
    from model.store.scoped import download_rows
    from model.store.versions import Store, default_data_dir

    store = Store(default_data_dir(args.data))
    groups = tuple(args.group) if args.group else None
    try:
        data, version = download_rows(store, groups, args.version)
    except KeyError:
        print(say("NO_SUCH_VERSION" if args.version else "NOTHING_PUBLISHED"))
        return ExitCode.ERRORS
    Path(args.out).write_bytes(data)
    scope = say("LIST_SEP").join(groups) if groups else say("ALL_GROUPS")
    print(say("ROWS_WRITTEN", out=args.out, version=version.version, scope=scope))
    return ExitCode.OK


def publish_groups(args: argparse.Namespace) -> int:
    """A scoped publish; exit 0 published, 1 errors, 2 unreadable, 3 nothing changed for those
    groups, 4 one of the groups changed since the file was downloaded (download it again)."""
    from model.store.publish_flow import Ending, attempt
    from model.store.scoped import ScopedRejected, check_upload, publish_scoped
    from model.store.versions import Store, default_data_dir

    store = Store(default_data_dir(args.data))
    path = Path(args.path)
    data = path.read_bytes() if path.is_file() else b""
    scope = tuple(args.group)
    upload = check_upload(store, data, path.name, scope, CLI_MAX_BYTES, cli_limits())
    head = {"scope": list(scope), "notices": _notices(upload.result.notices)}
    if not upload.publishable:
        result = upload.result
        report = validation_json(result) | {"errors": [e.as_dict() for e in upload.errors]}
        _say(args, {"published": False, **report, **head}, upload.errors, say("NOT_PUBLISHED"))
        return exit_code(result) if result.unreadable else ExitCode.ERRORS
    ended = attempt(lambda confirm: publish_scoped(store, upload, args.user, args.comment, confirm))
    if ended.ending is Ending.REJECTED:
        assert isinstance(ended.refusal, ScopedRejected)
        errors = ended.refusal.outcome.errors
        body = {"published": False, "ok": False, "errors": [e.as_dict() for e in errors]}
        body |= head | {"ignored_rows": ended.refusal.outcome.ignored}
        _say(args, body, errors, say("NOT_PUBLISHED"))
        return ExitCode.ERRORS
    if ended.ending is Ending.UNCHANGED:
        body = {"published": False, "unchanged": True, "current": ended.current}
        _say(args, body | head, [], say("GROUPS_UNCHANGED", groups=say("LIST_SEP").join(scope)))
        return ExitCode.IDENTICAL
    if ended.ending is Ending.STALE:
        body = {"published": False, "stale": {"base": ended.base, "current": ended.current}}
        text = say("GROUPS_STALE", base=ended.base, current=ended.current)
        _say(args, body | head, [], text)
        return ExitCode.STALE
    version, outcome = ended.version, ended.landed
    assert version is not None and outcome is not None
    changes = outcome.changes.counts() if outcome.changes else {}
    head["notices"] += _notices(outcome.notices)
    body = {"published": True, **asdict(version), **head}
    body |= {"ignored_rows": outcome.ignored, "changes": changes}
    diff = None
    if outcome.workbook is not None:  # issue #24: every row and status it moved
        from model.cli.diff import parallel_diff

        diff = parallel_diff(outcome.before, outcome.workbook)
    if args.json and diff is not None:
        body["diff"] = diff.to_json()
    groups = say("LIST_SEP").join(scope)
    text = say(
        "GROUPS_PUBLISHED", version=version.version, groups=groups, parent=version.parent or "-"
    )
    _say(args, body, [], text)
    if not args.json and outcome.ignored:
        ignored = say("CLAUSE_SEP").join(
            say("ROWS_OF_SHEET", sheet=sheet, rows=rows) for sheet, rows in outcome.ignored.items()
        )
        print(say("OTHER_GROUPS_IGNORED", ignored=ignored))
    if not args.json:
        print_landed(diff, version)
    return ExitCode.OK


def print_landed(diff: WorkbookDiff | None, version: Version) -> None:
    """What a publish or restore changed, as ``diff`` prints it: a command asks nobody first,
    so it says every row, setting and status it moved once it has landed (issue #24)."""
    from model.cli.diff import summary_lines

    if diff is None or version.parent is None:  # a first version changes nothing earlier
        return
    print()
    print("\n".join(summary_lines(diff, f"v{version.parent}", f"v{version.version}")))


def _notices(codes: list[str]) -> list[dict[str, str]]:
    return [{"code": code, "message": notice_text(code, "zh")} for code in codes]


def _say(args: argparse.Namespace, body: dict, errors: list, text: str) -> None:
    if args.json:
        dump_json(body)
        return
    for notice in body.get("notices", []):
        print(say("NOTICE", text=notice["message"]))
    print(text if not errors else say("NOT_PUBLISHED_ERRORS", text=text, count=len(errors)))
    print_errors(errors)


def _publish(args: argparse.Namespace) -> int:
    if args.group:
        return publish_groups(args)
    from model.store.publish_flow import Ending, attempt
    from model.store.publishing import prepare, publish
    from model.store.versions import Store, default_data_dir

    store = Store(default_data_dir(args.data))
    data = Path(args.path).read_bytes() if Path(args.path).is_file() else b""
    prepared = prepare(
        store, data, Path(args.path).name, max_bytes=CLI_MAX_BYTES, limits=cli_limits()
    )
    if not prepared.publishable:
        if args.json:
            dump_json({"published": False, **validation_json(prepared.result)})
        else:
            count = len(prepared.result.errors)
            print(say("NOT_PUBLISHED_ERRORS", text=say("NOT_PUBLISHED"), count=count))
            print_errors(prepared.result.errors)
        return exit_code(prepared.result)
    # A command has no one to ask: a version that landed meanwhile is published over (the
    # diff in the JSON is then against it).
    ended = attempt(
        lambda confirm: (publish(store, prepared, args.user, args.comment, confirm), None),
        confirm_stale=True,
    )
    if ended.ending is Ending.UNCHANGED:
        if args.json:
            dump_json({"published": False, "identical_to": ended.current}, indent=None)
        else:
            print(say("IDENTICAL", version=ended.current))
        return ExitCode.IDENTICAL
    version = ended.version
    assert version is not None  # confirmed: never stale; checked: never rejected
    from model.store.publishing import published_diff

    diff = published_diff(store, prepared, version)  # issue #24: what it changed
    if args.json:
        body = {"published": True, **asdict(version), "diff": diff.to_json() if diff else None}
        dump_json(body)
    else:
        sha, parent = version.sha256[:12], version.parent or "-"
        print(say("PUBLISHED", version=version.version, sha=sha, parent=parent))
        print_landed(diff, version)
    return ExitCode.OK
