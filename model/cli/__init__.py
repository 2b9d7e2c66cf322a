"""The command line, ``python -m model COMMAND``: one module per family of commands, each adding
its commands to the parser built here; what they share (exit codes, limits, reading a file in
the isolated reader, printing errors) is in ``common``."""

from __future__ import annotations

import argparse

from model.cli import check, clerk, dev, diff, documents, publish, record, report, store
from model.cli.common import ExitCode

__all__ = ["ExitCode", "main"]

FAMILIES = (check, report, publish, store, dev, clerk, diff, record, documents)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "reads", False):
        from model.workbook.isolation import warm

        warm(wait=False)  # the reader's zygote starts while this process imports what it needs
    return int(args.run(args))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m model", description="中心组“1+X”学习台账")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for family in FAMILIES:
        family.add_commands(commands)
    return parser
