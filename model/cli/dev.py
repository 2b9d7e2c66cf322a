"""The developer's commands: ``bench`` (the benchmark) and ``sample`` (the sample workbook)."""

from __future__ import annotations

import argparse
from pathlib import Path

from model.cli.common import ExitCode, say


def add_commands(commands: argparse._SubParsersAction) -> None:
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


def _bench(args: argparse.Namespace) -> int:
    from model.dev.bench import SIZES, run

    sizes = [name.strip() for name in args.sizes.split(",") if name.strip()]
    unknown = [name for name in sizes if name not in SIZES]
    if unknown:
        sep = say("LIST_SEP")
        print(say("UNKNOWN_SIZES", unknown=sep.join(unknown), choices=sep.join(SIZES)))
        return ExitCode.ERRORS
    run(sizes, Path(args.folder), Path(args.json) if args.json else None)
    return ExitCode.OK


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
    members, rows = len(ledger.members), len(ledger.participation)
    print(say("SAMPLE_WRITTEN", out=args.out, members=members, rows=rows))
    return ExitCode.OK
