"""Latency of the review app's JSON API on a large archive.

    .venv/bin/python benchmarks/review_latency.py [--articles 10000] [--records extracted/records.jsonl]

Builds an archive of `--articles` records by repeating the given records.jsonl with new doc_ids
(texts included), then measures, through the Flask test client (no network):
  - the one-time index build (`create_app`: one pass over records.jsonl into DuckDB);
  - list pages (first, middle, last), a filtered list (unit, aspect, year, failed checks,
    reviewed), each with its facet counts computed afresh, and a page whose filter set's facet
    counts are cached (paging through one filter set);
  - one article (read at its byte offset, corrections applied);
  - one correction POST (append under lock, article re-read).
Prints the median and max of `--repeat` runs of each, in milliseconds, and the peak RSS.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.review.app import TOKEN_HEADER, create_app  # noqa: E402


def build_archive(source: Path, n: int, outdir: Path) -> Path:
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / "records.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(records[i % len(records)], doc_id=f"{i:06d}_{records[i % len(records)]['doc_id']}")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return outdir


def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--records", type=Path, default=ROOT / "extracted" / "records.jsonl")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        outdir = build_archive(args.records, args.articles, Path(tmp) / "out")
        size = (outdir / "records.jsonl").stat().st_size / 1e6
        t = time.perf_counter()
        app = create_app(outdir, token="bench")
        build = time.perf_counter() - t
        client = app.test_client()
        first = client.get("/api/articles?per_page=1").json["articles"][0]
        unit = client.get("/api/articles").json["facets"]["unit"][0]["value"]
        last_page = -(-args.articles // 50)

        archive = app.config["CCHC_ARCHIVE"]

        def get(url, cold=True):
            if cold:  # facet counts are cached per filter set; measure them computed afresh
                archive._facet_cache.clear()
            resp = client.get(url)
            assert resp.status_code == 200, (url, resp.status_code)

        def post():
            resp = client.post(f"/api/articles/{first['doc_id']}/corrections", json={"action": "reviewed"},
                               headers={TOKEN_HEADER: "bench"})
            assert resp.status_code == 201

        cases = {
            "list page 1 (50 rows + facets)": lambda: get("/api/articles?page=1"),
            f"list page {last_page // 2} (middle)": lambda: get(f"/api/articles?page={last_page // 2}"),
            f"list page {last_page} (last)": lambda: get(f"/api/articles?page={last_page}"),
            f"filter unit={unit}": lambda: get(f"/api/articles?unit={unit}&page=3"),
            "filter aspect=on_time & year=2024": lambda: get("/api/articles?aspect=on_time&year=2024"),
            "filter checks=yes & reviewed=no": lambda: get("/api/articles?checks=yes&reviewed=no"),
            "next page, same filters (facets cached)": lambda: get("/api/articles?page=7", cold=False),
            "one article": lambda: get(f"/api/articles/{first['doc_id']}"),
            "POST a correction": post,
        }
        print(f"archive: {args.articles} articles, records.jsonl {size:.1f} MB; "
              f"index build {build:.2f} s")
        print(f"{'request':<44} {'median ms':>10} {'max ms':>8}")
        for name, fn in cases.items():
            med, worst = timed(fn, args.repeat)
            print(f"{name:<44} {med:>10.1f} {worst:>8.1f}")
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
