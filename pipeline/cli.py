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

    ck = sub.add_parser("check", help="terminal (or HTML) report of one article's figures and checks")
    ck.add_argument("file", metavar="FILE", help="an article (any input format) or a records.jsonl")
    ck.add_argument("--html", metavar="PATH", help="also write a self-contained HTML page")
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
    from .ingest import printable

    if args.out != "-" and os.path.exists(args.out) and not os.path.isdir(args.out):
        print(printable(f"cchc extract: -o {args.out}: not a directory (OUTDIR is a folder for "
                        "records.jsonl and errors.jsonl)"), file=sys.stderr)
        return 2

    try:
        summary = run_extract(args.inputs, args.out, include_text=not args.no_text, workers=args.workers,
                              force=args.force, engine=args.engine, scheduler=args.scheduler)
    except BrokenPipeError:
        raise
    except OSError as exc:  # OUTDIR cannot be written: a full disk, a read-only folder, ...
        where = f"{os.fsdecode(exc.filename)}: " if exc.filename else f"{args.out}: "
        print(printable(f"cchc extract: cannot write {where}{exc.strerror or exc}; no output was "
                        "replaced, and a re-run resumes from what was saved"), file=sys.stderr)
        return 1
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
    except OSError as exc:  # the output cannot be written: a full disk, a read-only OUTDIR, ...
        from .ingest import printable

        where = f"{os.fsdecode(exc.filename)}: " if exc.filename else ""
        print(printable(f"cchc: {where}{exc.strerror or exc}"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
