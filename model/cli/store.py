"""The command line's store commands: `versions`, `restore` and `users` (add, remove, passwd,
list). Each imports what it uses, so a command starts quickly."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from model.cli.common import ExitCode, say


def add_commands(commands: argparse._SubParsersAction) -> None:
    versions = commands.add_parser("versions", help="列出已发布的版本")
    versions.add_argument("--data", default=None)
    versions.add_argument("--json", action="store_true")
    versions.set_defaults(run=_versions)

    restore = commands.add_parser("restore", help="把旧版本重新发布为新版本")
    restore.add_argument("version", type=int)
    restore.add_argument("--data", default=None)
    restore.add_argument("--user", default="cli")
    restore.set_defaults(run=_restore)

    users = commands.add_parser("users", help="管理用户：add / remove / passwd / list")
    user_commands = users.add_subparsers(required=True, metavar="ACTION")
    add = user_commands.add_parser("add", help="添加用户（密码从提示或标准输入第一行读取）")
    add.add_argument("name")
    add.add_argument("--role", choices=["viewer", "clerk", "admin"], required=True)
    add.add_argument(
        "--groups",
        default="",
        help="限定的中心组，逗号分隔（查看者只能看到、文书只能发布这些组）；不填为全部",
    )
    add.add_argument("--data", default=None)
    add.set_defaults(run=_users_add)
    remove = user_commands.add_parser("remove", help="删除用户")
    remove.add_argument("name")
    remove.add_argument("--data", default=None)
    remove.set_defaults(run=_users_remove)
    passwd = user_commands.add_parser("passwd", help="重设密码")
    passwd.add_argument("name")
    passwd.add_argument("--data", default=None)
    passwd.set_defaults(run=_users_passwd)
    listing = user_commands.add_parser("list", help="列出用户")
    listing.add_argument("--data", default=None)
    listing.set_defaults(run=_users_list)


def _versions(args: argparse.Namespace) -> int:
    from model.store.versions import Store, default_data_dir

    store = Store(default_data_dir(args.data))
    moved = store.recover()
    if moved:  # on stderr, so that --json stays a plain list of versions
        print(
            say("QUARANTINED", count=len(moved), folder=store.quarantine),
            file=sys.stderr,
        )
    versions = store.versions()
    if args.json:
        listing = [asdict(v) | {"format": v.file_format} for v in versions]
        json.dump(listing, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return ExitCode.OK
    if not versions:
        print(say("NOTHING_PUBLISHED"))
    for v in versions:
        rows = sum(v.row_counts.values())
        scope = say("LIST_SEP").join(v.scope) if v.scope else say("ALL")
        fields = {"at": v.published_at, "user": v.user, "name": v.original_name}
        print(
            say(
                "VERSION_ROW",
                version=v.version,
                scope=scope,
                rows=rows,
                comment=v.comment,
                **fields,
            )
        )
    return ExitCode.OK


def _restore(args: argparse.Namespace) -> int:
    from model.store.publish_flow import Ending, attempt
    from model.store.versions import Store, default_data_dir

    store = Store(default_data_dir(args.data))
    if store.get(args.version) is None:
        print(say("NO_VERSION", version=args.version))
        return ExitCode.ERRORS
    ended = attempt(lambda _confirm: (store.restore(args.version, args.user), None))
    if ended.ending is Ending.UNCHANGED:
        print(say("RESTORE_SAME", version=args.version, current=ended.current))
        return ExitCode.IDENTICAL
    assert ended.version is not None
    print(say("RESTORED", version=args.version, new=ended.version.version))
    from model.cli.publish import print_landed
    from model.store.publishing import version_diff

    replaced = store.get(ended.version.parent) if ended.version.parent is not None else None
    print_landed(version_diff(store, replaced, ended.version), ended.version)
    return ExitCode.OK


def _password() -> str:
    """From a prompt on a terminal, else the first line of standard input; never echoed."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(say("PASSWORD"))
        if getpass.getpass(say("PASSWORD_AGAIN")) != first:
            raise ValueError(say("PASSWORDS_DIFFER"))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _accounts(args: argparse.Namespace):
    from model.store.auth import Accounts
    from model.store.versions import default_data_dir

    return Accounts(default_data_dir(args.data))


def _users_add(args: argparse.Namespace) -> int:
    groups = [g.strip() for g in args.groups.replace("，", ",").split(",") if g.strip()]
    try:
        user = _accounts(args).add(args.name, _password(), args.role, groups or None)
    except ValueError as exc:
        print(say("NOT_ADDED", reason=exc))
        return ExitCode.ERRORS
    print(say("USER_ADDED", name=user.name, role=user.role))
    _warn_unknown_groups(args, groups)
    return ExitCode.OK


def _warn_unknown_groups(args: argparse.Namespace, groups: list[str]) -> None:
    """Name the groups the current version (or, with none published, the sample the dashboard
    shows) does not hold: a typo there leaves the leader with an empty dashboard."""
    if not groups:
        return
    from model.store.current import current_groups
    from model.store.versions import default_data_dir

    version, known = current_groups(default_data_dir(args.data))
    where = say("SHOWN_SAMPLE") if version is None else say("SHOWN_VERSION", version=version)
    for group in groups:
        if group not in known:
            print(
                say(
                    "UNKNOWN_GROUP",
                    group=group,
                    where=where,
                    known=say("LIST_SEP").join(sorted(known)) or say("NONE"),
                ),
                file=sys.stderr,
            )


def _users_remove(args: argparse.Namespace) -> int:
    try:
        _accounts(args).remove(args.name)
    except KeyError:
        print(say("NO_USER", name=args.name))
        return ExitCode.ERRORS
    print(say("USER_REMOVED", name=args.name))
    return ExitCode.OK


def _users_passwd(args: argparse.Namespace) -> int:
    try:
        _accounts(args).set_password(args.name, _password())
    except KeyError:
        print(say("NO_USER", name=args.name))
        return ExitCode.ERRORS
    except ValueError as exc:
        print(say("NOT_CHANGED", reason=exc))
        return ExitCode.ERRORS
    print(say("PASSWORD_RESET", name=args.name))
    return ExitCode.OK


def _users_list(args: argparse.Namespace) -> int:
    for user in _accounts(args).users():
        groups = ",".join(user.groups) if user.groups else say("ALL")
        print(f"{user.name}\t{user.role}\t{groups}")
    return ExitCode.OK
