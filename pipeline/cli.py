"""Command line: `cchc extract`, `cchc check`, `cchc export`, `cchc conflicts`, `cchc review`,
`cchc eval`.

Each command's work lives in its stage module; this file only parses arguments.
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .formats import FORMATS


class VersionAction(argparse.Action):
    """`cchc --version`: the package version and the pipeline version (the hash of the code and
    lexicons that resume keys and records carry), computed only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        from .manifest import pipeline_version

        print(f"{parser.prog} {__version__} (pipeline {pipeline_version()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc", description=(
        "Extract source-grounded administrative-reform figures, units, officials and documents "
        "from Vietnamese news articles."))
    parser.add_argument("--version", action=VersionAction, nargs=0,
                        help="show the package version and the pipeline version hash, and exit")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="articles -> OUTDIR/records.jsonl and OUTDIR/errors.jsonl")
    ex.add_argument("inputs", nargs="*", metavar="INPUT",
                    help=".txt/.html/.json/.jsonl files, directories (recursive), - for stdin, or "
                         "http(s):// URLs of feeds, sitemaps or article pages")
    ex.add_argument("--urls", metavar="FILE", help="read more input URLs from FILE, one a line")
    ex.add_argument("--replace", action="store_true",
                    help="OUTDIR holds exactly this run's inputs (default: add to the archive, "
                         "update changed articles, keep the others)")
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
    xp.add_argument("--to", choices=FORMATS, default=None,
                    help="output format (default: from PATH's suffix, .duckdb .parquet .csv .xlsx "
                         ".sqlite; DuckDB for any other name)")
    xp.add_argument("-o", "--out", required=True, metavar="PATH",
                    help="a DuckDB/SQLite/Excel file, or a directory of Parquet or CSV files")
    xp.set_defaults(func=cmd_export)

    cf = sub.add_parser("conflicts", help="unit + metric + period reported with different values across records")
    cf.add_argument("outdir", metavar="OUTDIR", help="a directory with records.jsonl, or the file itself")
    cf.set_defaults(func=cmd_conflicts)
    rv = sub.add_parser("review", help="review and correct OUTDIR's records in a browser")
    rv.add_argument("outdir", metavar="OUTDIR", help="a directory with records.jsonl")
    rv.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    rv.add_argument("--host", help="listen on this address instead of 127.0.0.1 (prints a warning)")
    rv.add_argument("--export-gold", metavar="FILE",
                    help="write the reviewed articles as gold JSONL (ANNOTATION.md) and exit")
    rv.set_defaults(func=cmd_review)

    ev = sub.add_parser("eval", help="score records against your own gold annotations (ANNOTATION.md form)")
    ev.add_argument("gold", metavar="GOLD", help="a gold .jsonl file, or a directory of them")
    ev.add_argument("outdir", metavar="OUTDIR", help="a records.jsonl, or the directory holding one")
    ev.add_argument("--json", action="store_true", help="one JSON object instead of the text report")
    ev.set_defaults(func=cmd_eval)
    return parser


def cmd_review(args) -> int:
    from .review.serve import cmd_review as run

    return run(args)


def cmd_extract(args) -> int:
    from .batch import run_extract
    from .ingest import printable

    if not args.inputs and not args.urls:
        build_parser().error("extract needs an INPUT or --urls FILE")
    if args.out != "-" and os.path.exists(args.out) and not os.path.isdir(args.out):
        print(printable(f"cchc extract: -o {args.out}: not a directory (OUTDIR is a folder for "
                        "records.jsonl and errors.jsonl)"), file=sys.stderr)
        return 2

    try:
        summary = run_extract(args.inputs, args.out, include_text=not args.no_text, workers=args.workers,
                              force=args.force, engine=args.engine, scheduler=args.scheduler,
                              replace=args.replace, urls_file=args.urls)
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
    from .record_conflicts import cmd_conflicts as run

    return run(args)


def cmd_eval(args) -> int:
    from .eval_command import cmd_eval as run

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
