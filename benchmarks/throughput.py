"""Throughput of `cchc extract` against underthesea's word_tokenize, in one run, on the same texts.

    .venv/bin/python benchmarks/throughput.py [--articles 10000]

Inputs: ../shared/corpus-real/dev.jsonl, ../shared/corpus-real/heldout/heldout.jsonl and the
seeds in corpus/ (used only as throughput input), repeated into JSONL shards until there are
`--articles` articles. Measures:
  - the reference: underthesea.word_tokenize over each distinct text, in this process;
  - the pipeline: `python -m pipeline extract SHARDS -o TMP --force` with 1 and 2 workers on all
    the articles, and with 2 workers on a tenth of them (memory must not grow with the corpus);
    articles/s is the rate the CLI reports in its summary line;
  - CPU time per article (all processes of the run), which other load on the machine does not
    inflate, unlike articles/s; the load average is printed after each step for that reason;
  - peak memory of each run: the largest single process (RSS, from wait4) and the whole process
    tree (PSS, sampled from /proc every 0.2 s, shared pages counted once).
Prints a table.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest import RawArticle, iter_articles  # noqa: E402

SHARD_SIZE = 500  # articles per JSONL shard: well under ingest's per-file size limit
SUMMARY_RE = re.compile(r"cchc: [\d,]+ new, [\d,]+ updated, [\d,]+ kept, (?P<failed>[\d,]+) failed "
                        r"\((?P<articles>[\d,]+) articles read, [\d,]+ reused, (?P<rate>[\d.]+) articles/s\)")


@dataclass
class Run:
    label: str
    articles: int
    seconds: float
    rate: float  # articles/s
    workers: int = 1
    cpu_seconds: float = 0.0  # CPU time of all its processes: immune to other load on the machine
    max_rss_mb: float | None = None  # largest single process
    tree_pss_mb: float | None = None  # sum over the process tree, shared pages counted once


def corpus_articles(shared: Path) -> list[RawArticle]:
    inputs = [shared / "corpus-real" / "dev.jsonl", shared / "corpus-real" / "heldout" / "heldout.jsonl",
              ROOT / "corpus"]
    return [a for a in iter_articles([str(p) for p in inputs]) if isinstance(a, RawArticle)]


def write_shards(articles: list[RawArticle], total: int, directory: Path) -> list[Path]:
    """`total` articles, the corpus repeated (each copy with its own id), in JSONL shards."""
    directory.mkdir(parents=True)
    shards: list[Path] = []
    fh = None
    for n in range(total):
        if n % SHARD_SIZE == 0:
            if fh:
                fh.close()
            shards.append(directory / f"shard-{len(shards):04d}.jsonl")
            fh = open(shards[-1], "w", encoding="utf-8")
        art = articles[n % len(articles)]
        line = {"id": f"{art.doc_id}~{n // len(articles)}", "text": art.text, "title": art.title,
                "published": art.published, "url": art.url}
        fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    return shards


def word_tokenize_reference(articles: list[RawArticle], min_seconds: float = 5.0) -> Run:
    from underthesea import word_tokenize

    word_tokenize("Khởi động mô hình.")  # model loading is not throughput
    done, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < min_seconds:
        for art in articles:
            word_tokenize(art.text)
        done += len(articles)
    seconds = time.perf_counter() - start
    return Run("underthesea.word_tokenize", done, seconds, done / seconds,
               cpu_seconds=time.process_time() - cpu_start)


# --------------------------------------------------------------------------- memory

def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_kb(root: int) -> int:
    children, total, todo = _children_map(), 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss_kb(pid)
        todo.extend(children.get(pid, []))
    return total


class TreeSampler(threading.Thread):
    """Peak PSS of a process and its descendants, sampled until `stop()`."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak_kb = max(self.peak_kb, tree_pss_kb(self.pid))

    def stop(self) -> int:
        self.done.set()
        self.join()
        return self.peak_kb


# --------------------------------------------------------------------------- pipeline runs

def run_pipeline(shards: list[Path], out: Path, workers: int, label: str) -> Run:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode kept (benchmarks/startup.py)
    cmd = [sys.executable, "-m", "pipeline", "extract", *map(str, shards), "-o", str(out),
           "--workers", str(workers), "--force"]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        peak_pss = sampler.stop()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    m = SUMMARY_RE.search(stderr)
    if proc.returncode != 0 or not m:
        raise SystemExit(f"pipeline run failed ({proc.returncode}):\n{stderr[-2000:]}")
    articles, failed = (int(m[name].replace(",", "")) for name in ("articles", "failed"))
    if failed:
        raise SystemExit(f"{failed} inputs failed:\n{stderr[-2000:]}")
    return Run(label, articles, seconds, float(m["rate"]), workers,
               cpu_seconds=usage.ru_utime + usage.ru_stime, max_rss_mb=usage.ru_maxrss / 1024, tree_pss_mb=peak_pss / 1024)


# --------------------------------------------------------------------------- the machine

def _spin(_) -> float:
    start = time.perf_counter()
    x = 0
    for i in range(10_000_000):
        x += i
    return time.perf_counter() - start


def machine_scaling() -> float:
    """How much faster 2 processes finish 2 units of pure CPU work than 1 process finishes 1,
    times 2 (2.0: two free cores). On a shared machine this bounds the pipeline's scaling."""
    import multiprocessing

    with multiprocessing.get_context().Pool(2) as pool:
        pool.map(_spin, range(2))  # start-up
        start = time.perf_counter()
        pool.map(_spin, [0])
        one = time.perf_counter() - start
        start = time.perf_counter()
        pool.map(_spin, range(2), chunksize=1)
        two = time.perf_counter() - start
    return 2 * one / two


# --------------------------------------------------------------------------- report

def load() -> str:
    """The 1-minute load average: above the core count, other work shared the machine."""
    return f"{os.getloadavg()[0]:.2f}"


def table(runs: list[Run], reference: Run) -> str:
    head = (f"{'run':<30} {'articles':>8} {'seconds':>8} {'art/s':>8} {'art/s/worker':>12} "
            f"{'÷ word_tok':>10} {'CPU ms/art':>10} {'max RSS MB':>10} {'tree PSS MB':>11}")
    rows = [head, "-" * len(head)]
    for run in [reference, *runs]:
        per_worker = run.rate / run.workers
        mem = (f"{run.max_rss_mb:>10.0f} {run.tree_pss_mb:>11.0f}" if run.max_rss_mb is not None
               else f"{'':>10} {'':>11}")
        cpu_ms = 1000 * run.cpu_seconds / run.articles
        rows.append(f"{run.label:<30} {run.articles:>8} {run.seconds:>8.1f} {run.rate:>8.1f} "
                    f"{per_worker:>12.1f} {per_worker / reference.rate:>10.2f} {cpu_ms:>10.2f} {mem}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles per pipeline run")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the ../shared directory")
    args = parser.parse_args(argv)

    articles = corpus_articles(args.shared)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    print(f"corpus: {len(articles)} distinct articles ({megabytes:.2f} MB of text), repeated to "
          f"{args.articles}; {os.cpu_count()} cores; python {sys.version.split()[0]}", flush=True)
    reference = word_tokenize_reference(articles)
    print(f"reference done: {reference.rate:.1f} articles/s; load average {load()}", flush=True)

    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        tmp = Path(tmp)
        full = write_shards(articles, args.articles, tmp / "full")
        tenth = write_shards(articles, args.articles // 10, tmp / "tenth")
        runs = []
        machine_before = machine_scaling()
        for shards, workers in [(full, 1), (full, 2), (tenth, 2)]:
            n = sum(1 for s in shards for _ in open(s, encoding="utf-8"))
            label = f"pipeline, {workers} worker{'s' if workers > 1 else ''}, {n} art"
            runs.append(run_pipeline(shards, tmp / f"out-{workers}-{n}", workers, label))
            print(f"{label} done: {runs[-1].rate:.1f} articles/s; load average {load()}", flush=True)
        machine_after = machine_scaling()

    print()
    print(table(runs, reference))
    one, two = runs[0], runs[1]
    cpu_ratio = (reference.cpu_seconds / reference.articles) / (one.cpu_seconds / one.articles)
    print(f"\nratio (pipeline on 1 worker ÷ word_tokenize): {one.rate / reference.rate:.2f} in articles/s, "
          f"{cpu_ratio:.2f} in CPU time per article  (target ≥ 5 at 10,000 articles, ≥ 4 at 500)")
    print(f"scaling 1 → 2 workers: {two.rate / one.rate:.2f}x  (ideal 2.00x; a pure CPU loop in 2 "
          f"processes scaled {machine_before:.2f}x before the runs and {machine_after:.2f}x after)")
    print(f"peak memory at {two.articles} articles: largest process {max(one.max_rss_mb, two.max_rss_mb):.0f} MB RSS, "
          f"whole tree {max(one.tree_pss_mb, two.tree_pss_mb):.0f} MB PSS  (target < 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
