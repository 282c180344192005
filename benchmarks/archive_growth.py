"""Cost of growing an archive: articles/s when adding `--add` articles to an archive of
`--archive` articles, against adding the same articles to an empty OUTDIR, and the fixed cost
of a run that adds nothing (reading the archive's index, rebuilding the duplicate index,
rewriting records.jsonl); then the DuckDB export of the grown archive, full, and after 10 more
articles updated in place against rebuilt.

    .venv/bin/python benchmarks/archive_growth.py [--archive 10000] [--add 1000] [--workers N]

Articles: ../shared/corpus-real/dev.jsonl, ../shared/corpus-2025/dev2025.jsonl and corpus/,
repeated with distinct ids and a small change each (a closing sentence with the copy's number),
so every copy is a near duplicate of the others of its story: the worst case for the duplicate
index, whose candidate lists then hold every earlier copy of the story.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.export import export  # noqa: E402
from pipeline.ingest import RawArticle, iter_articles  # noqa: E402

SHARD_SIZE = 500
SUMMARY_RE = re.compile(r"cchc: (?P<new>[\d,]+) new, (?P<updated>[\d,]+) updated, (?P<kept>[\d,]+) kept, "
                        r"(?P<failed>[\d,]+) failed \((?P<articles>[\d,]+) articles read, [\d,]+ reused, "
                        r"(?P<rate>[\d.]+) articles/s\)")


def corpus_articles() -> list[RawArticle]:
    shared = ROOT.parent / "shared"
    inputs = [shared / "corpus-real" / "dev.jsonl", shared / "corpus-2025" / "dev2025.jsonl", ROOT / "corpus"]
    return [a for a in iter_articles([str(p) for p in inputs if p.exists()]) if isinstance(a, RawArticle)]


def write_copies(articles: list[RawArticle], first: int, count: int, directory: Path) -> None:
    """Copies `first` .. `first + count - 1`, in JSONL shards."""
    directory.mkdir(parents=True)
    for start in range(first, first + count, SHARD_SIZE):
        rows = []
        for i in range(start, min(start + SHARD_SIZE, first + count)):
            art = articles[i % len(articles)]
            rows.append({"id": f"syn-{i:06d}", "title": art.title, "published": art.published,
                         "text": f"{art.text}\n\nBản tin số {i} trong chuỗi tổng hợp.", "outlet": "benchmark"})
        (directory / f"shard-{start:06d}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def run(inputs: list[Path], out: Path, workers: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", *map(str, inputs), "-o", str(out),
                           "--workers", str(workers)], capture_output=True, env=env)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.decode("utf-8", "replace")
    m = SUMMARY_RE.search(stderr)
    if not m:
        raise SystemExit(f"run failed ({proc.returncode}):\n{stderr[-2000:]}")
    counts = {k: int(v.replace(",", "")) for k, v in m.groupdict().items() if k != "rate"}
    return {**counts, "rate": float(m["rate"]), "wall": seconds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", type=int, default=10_000)
    parser.add_argument("--add", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    articles = corpus_articles()
    print(f"{len(articles)} distinct articles; archive {args.archive:,}, add {args.add:,}, "
          f"{args.workers} workers, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_copies(articles, 0, args.archive, tmp / "base")
        write_copies(articles, args.archive, args.add, tmp / "add")
        (tmp / "nothing").mkdir()
        rows = []
        archive = tmp / "archive"
        rows.append((f"build: {args.archive:,} into an empty OUTDIR", run([tmp / "base"], archive, args.workers)))
        size = (archive / "records.jsonl").stat().st_size
        rows.append(("nothing new into the archive", run([tmp / "nothing"], archive, args.workers)))
        rows.append((f"add {args.add:,} to an empty OUTDIR", run([tmp / "add"], tmp / "fresh", args.workers)))
        rows.append((f"add {args.add:,} to the archive of {args.archive:,}", run([tmp / "add"], archive, args.workers)))
        rows.append(("the same add again (all cached)", run([tmp / "add"], archive, args.workers)))
        with open(archive / "records.jsonl", encoding="utf-8") as fh:
            dups = sum(json.loads(line)["duplicate_of"] is not None for line in fh)
        db = tmp / "archive.duckdb"
        exports = [(f"full export of {args.archive + args.add:,} records", timed(export, archive, "duckdb", db))]
        write_copies(articles, args.archive + args.add, 10, tmp / "add10")
        rows.append(("add 10 more", run([tmp / "add10"], archive, args.workers)))
        exports.append(("the database updated in place after 10 more", timed(export, archive, "duckdb", db)))
        exports.append(("the same export into a new database", timed(export, archive, "duckdb", tmp / "new.duckdb")))
    print(f"archive records.jsonl: {size / 1e6:.0f} MB; records marked duplicate_of after the add: {dups:,}")
    print(f"| run | new | updated | kept | articles/s (summary) | wall s |")
    print(f"|---|---:|---:|---:|---:|---:|")
    for label, r in rows:
        print(f"| {label} | {r['new']:,} | {r['updated']:,} | {r['kept']:,} | {r['rate']:.1f} | {r['wall']:.1f} |")
    print("\n| DuckDB export (in this process) | seconds |\n|---|---:|")
    for label, seconds in exports:
        print(f"| {label} | {seconds:.2f} |")


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
