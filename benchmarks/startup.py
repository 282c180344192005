"""Start-up: wall and CPU time of `cchc check ONE_ARTICLE` in a fresh process.

    .venv/bin/python benchmarks/startup.py [--runs 7] [FILE]

Runs `python -m pipeline check FILE` (default: the first article of corpus/) `--runs` times
after one run that fills the start-up cache (pipeline/startup_cache.py), then once more with
the cache off (CCHC_CACHE_DIR=off), and prints the median wall time, the median CPU time and
the load average (on a shared machine other work stretches wall time, not CPU time).
The runs write and use Python's bytecode files as an installed package does, even where
PYTHONDONTWRITEBYTECODE is set (this development machine sets it: every run would then compile
the package's source again, about 0.15 s); `--no-bytecode` keeps that setting.
Target: under 0.5 s wall.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(path: Path, env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `cchc check`."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "check", str(path)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 3):  # 3: a check failed, still a report
        raise SystemExit(f"cchc check {path} failed")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=sorted((ROOT / "corpus").glob("*.txt"))[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-bytecode", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE from the environment (source compiled every run)")
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    one_run(args.file, env)  # fills the start-up cache
    runs = [one_run(args.file, env) for _ in range(args.runs)]
    cold = one_run(args.file, {**env, "CCHC_CACHE_DIR": "off"})
    wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    print(f"cchc check {args.file.name}: median of {args.runs} runs {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"(target < 0.5 s wall); without the start-up cache {cold[0]:.2f} s wall, {cold[1]:.2f} s CPU; "
          f"load average {os.getloadavg()[0]:.2f}"
          + ("; bytecode not written (--no-bytecode)" if args.no_bytecode and "PYTHONDONTWRITEBYTECODE" in env else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
