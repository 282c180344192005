"""Peak memory of `cchc export` against the number of records.

    .venv/bin/python benchmarks/export_memory.py [--records 1000 10000] [--formats duckdb parquet csv] [--code DIR]

Makes a records.jsonl of N records (extracted/records.jsonl repeated, each copy with its own
doc_id), runs `python -m pipeline export` on it to DuckDB, Parquet and CSV, each in a fresh
process, and prints the peak RSS of that process (from wait4) and the wall time. `--code DIR`
runs the pipeline package found in DIR instead of this checkout (e.g. an older commit unpacked
with `git archive COMMIT pipeline | tar -x -C DIR`), to compare before and after.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_records(n: int, path: Path) -> None:
    seeds = [json.loads(line) for line in (ROOT / "extracted" / "records.jsonl").open(encoding="utf-8")]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(seeds[i % len(seeds)])
            rec["doc_id"] = f"{rec['doc_id']}-{i}"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run(code: Path, records: Path, to: str, out: Path) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one export in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "export", str(records), "--to", to,
                             "-o", str(out)], cwd=code, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"export failed: {stderr}")
    return usage.ru_maxrss / 1024, seconds  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--code", type=Path, default=ROOT, help="folder holding the pipeline package")
    parser.add_argument("--formats", nargs="+", default=["duckdb", "parquet", "csv"],
                        choices=["duckdb", "parquet", "csv"])
    args = parser.parse_args()
    print(f"code: {args.code}")
    print("| records | records.jsonl | format | peak RSS | seconds |")
    print("|---:|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.records:
            records = Path(tmp) / f"records-{n}.jsonl"
            make_records(n, records)
            size = records.stat().st_size / 1e6
            for to in args.formats:
                out = Path(tmp) / (f"out-{n}.duckdb" if to == "duckdb" else f"out-{n}-{to}")
                rss, seconds = run(args.code.resolve(), records, to, out)
                print(f"| {n:,} | {size:.0f} MB | {to} | {rss:.0f} MB | {seconds:.1f} |", flush=True)


if __name__ == "__main__":
    main()
