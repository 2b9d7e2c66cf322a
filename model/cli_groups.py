"""The command line of group clerks: `download` their rows and `publish --group` them back."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from model.texts.notices import notice_text

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE, EXIT_IDENTICAL, EXIT_STALE = 0, 1, 2, 3, 4


def download(args: argparse.Namespace) -> int:
    from model.store.scoped import download_rows
    from model.store.versions import Store, default_data_dir

    store = Store(default_data_dir(args.data))
    groups = tuple(args.group) if args.group else None
    try:
        data, version = download_rows(store, groups, args.version)
    except KeyError:
        print("没有这个版本。" if args.version else "还没有发布任何版本。")
        return EXIT_ERRORS
    Path(args.out).write_bytes(data)
    scope = "、".join(groups) if groups else "全部中心组"
    print(f"已写入 {args.out}：v{version.version} 中 {scope} 的数据")
    return EXIT_OK


def publish_groups(args: argparse.Namespace) -> int:
    """A scoped publish; exit 0 published, 1 errors, 2 unreadable, 3 nothing changed for those
    groups, 4 one of the groups changed since the file was downloaded (download it again)."""
    from model.cli import CLI_MAX_BYTES, cli_limits, exit_code, validation_json
    from model.store.scoped import ScopedRejected, check_upload, publish_scoped
    from model.store.versions import IdenticalToCurrent, StaleUpload, Store, default_data_dir

    store = Store(default_data_dir(args.data))
    path = Path(args.path)
    data = path.read_bytes() if path.is_file() else b""
    scope = tuple(args.group)
    upload = check_upload(store, data, path.name, scope, CLI_MAX_BYTES, cli_limits())
    head = {"scope": list(scope), "notices": _notices(upload.result.notices)}
    if not upload.publishable:
        result = upload.result
        report = validation_json(result) | {"errors": [e.as_dict() for e in upload.errors]}
        _say(args, {"published": False, **report, **head}, upload.errors, "未发布")
        return exit_code(result) if result.unreadable else EXIT_ERRORS
    try:
        version, outcome = publish_scoped(store, upload, args.user, args.comment)
    except ScopedRejected as rejected:
        errors = rejected.outcome.errors
        body = {"published": False, "ok": False, "errors": [e.as_dict() for e in errors]}
        _say(args, body | head | {"ignored_rows": rejected.outcome.ignored}, errors, "未发布")
        return EXIT_ERRORS
    except IdenticalToCurrent as same:
        body = {"published": False, "unchanged": True, "current": same.version.version}
        _say(args, body | head, [], f"未发布：{'、'.join(scope)} 的数据没有变化")
        return EXIT_IDENTICAL
    except StaleUpload as stale:
        body = {"published": False, "stale": {"base": stale.expected, "current": stale.current}}
        text = (
            f"未发布：下载（v{stale.expected}）之后本组数据已有新版本 v{stale.current}，请重新下载"
        )
        _say(args, body | head, [], text)
        return EXIT_STALE
    changes = outcome.changes.counts() if outcome.changes else {}
    head["notices"] += _notices(outcome.notices)
    body = {"published": True, **asdict(version), **head}
    body |= {"ignored_rows": outcome.ignored, "changes": changes}
    if args.json and outcome.workbook is not None:  # issue #24: every row and status it moved
        from model.cli_diff import parallel_diff

        body["diff"] = parallel_diff(outcome.before, outcome.workbook).to_json()
    text = f"已发布 v{version.version}（{'、'.join(scope)}），上一版本 v{version.parent or '-'}"
    _say(args, body, [], text)
    if not args.json and outcome.ignored:
        ignored = "，".join(f"{sheet} {rows} 行" for sheet, rows in outcome.ignored.items())
        print(f"已忽略其他中心组的数据：{ignored}")
    return EXIT_OK


def _notices(codes: list[str]) -> list[dict[str, str]]:
    return [{"code": code, "message": notice_text(code, "zh")} for code in codes]


def _say(args: argparse.Namespace, body: dict, errors: list, text: str) -> None:
    from model.cli import print_errors

    if args.json:
        json.dump(body, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    for notice in body.get("notices", []):
        print(f"注意：{notice['message']}")
    print(text if not errors else f"{text}：发现 {len(errors)} 处错误")
    print_errors(errors)
