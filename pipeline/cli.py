"""Command line: `cchc extract`, `cchc check`, `cchc export`, `cchc conflicts`.

Each command's work lives in its stage module; this file only parses arguments.
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc", description=(
        "Extract source-grounded administrative-reform figures, units, officials and documents "
        "from Vietnamese news articles."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="articles -> OUTDIR/records.jsonl and OUTDIR/errors.jsonl")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help=".txt/.html/.json/.jsonl files, directories (recursive), or - for stdin")
    ex.add_argument("-o", "--out", required=True, metavar="OUTDIR",
                    help="output directory, or - to write records to stdout")
    ex.add_argument("--no-text", action="store_true", help="leave `text` out of the records")
    ex.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="worker processes (default: all cores)")
    ex.add_argument("--force", action="store_true", help="redo articles already in OUTDIR's manifest")
    ex.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="run on this machine's processes, or on a Dask cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="Dask scheduler address (default: a LocalCluster on this machine)")
    ex.set_defaults(func=cmd_extract)

    ck = sub.add_parser("check", help="terminal (or HTML, or JSON) report of one article's figures and checks; "
                        "exit status 3 when a check fails")
    ck.add_argument("file", metavar="FILE", help="an article (any input format) or a records.jsonl")
    ck.add_argument("--html", metavar="PATH", help="also write a self-contained HTML page")
    ck.add_argument("--json", action="store_true",
                    help="print the record (figures, units, officials, documents, checks) as JSON instead")
    ck.add_argument("--lang", choices=["vi", "en"], default="vi",
                    help="language of the check messages (default: vi, with Vietnamese decimals)")
    ck.set_defaults(func=cmd_check)

    xp = sub.add_parser("export", help="records -> DuckDB, Parquet or CSV tables")
    xp.add_argument("records", metavar="RECORDS", help="a records.jsonl (or an OUTDIR holding one)")
    xp.add_argument("--to", choices=["duckdb", "parquet", "csv"], default="duckdb")
    xp.add_argument("-o", "--out", required=True, metavar="PATH")
    xp.set_defaults(func=cmd_export)

    cf = sub.add_parser("conflicts", help="unit + metric + period reported with different values across records")
    cf.add_argument("outdir", metavar="OUTDIR", help="a directory with records.jsonl, or the file itself")
    cf.set_defaults(func=cmd_conflicts)
    return parser


def cmd_extract(args) -> int:
    from .batch import run_extract

    summary = run_extract(args.inputs, args.out, include_text=not args.no_text, workers=args.workers,
                          force=args.force, engine=args.engine, scheduler=args.scheduler)
    return 1 if summary.failed else 0


def cmd_check(args) -> int:
    from .report import cmd_check as run

    return run(args)


def cmd_export(args) -> int:
    from .export import cmd_export as run

    return run(args)


def cmd_conflicts(args) -> int:
    from .export import cmd_conflicts as run

    return run(args)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("cchc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
