"""Helpers of the tests/test_robust_*.py tests: run the CLI as a user does (a subprocess, inputs
as they arrive on disk or on standard input), optionally with a fault patched in first."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

VI = "Năm 2023, UBND huyện Tân Hồng tiếp nhận 2.065 hồ sơ, đạt 100% đúng hạn."
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
SUMMARY_PREFIX = "cchc: "


def cchc(*args, patch: str = "", stdin: bytes | None = None, timeout: float = 300, **popen):
    """`cchc ARGS` in a fresh interpreter; `patch` is Python run before the CLI starts (a fault
    to inject). Arguments may be bytes (file names that are not UTF-8)."""
    code = f"import sys\n{patch}\nfrom pipeline.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=env, timeout=timeout, **popen)


def no_traceback(res) -> str:
    """stderr as text, after checking that no traceback reached it."""
    err = res.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


def jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, "rb") as fh:  # split on b"\n" only, as the writer means it
        return [json.loads(line) for line in fh if line.strip()]


def line(obj) -> bytes:
    """One JSONL line as a scraper writes it: raw UTF-8, no escaping beyond JSON's."""
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def deny(paths: list[Path]) -> str:
    """Make `paths` unreadable: chmod 000 when not root; as root (CI), whom permissions do not
    stop, a patch that makes opening or listing them fail with EACCES the same way."""
    if os.geteuid() != 0:
        for p in paths:
            p.chmod(0)
        return ""
    denied = [os.fsencode(p) for p in paths]
    return f"""
import builtins, errno, os
_DENIED = {denied!r}
def _denied(p):
    try:
        b = os.fsencode(os.path.abspath(p))
    except TypeError:
        return False
    return any(b == d or b.startswith(d + b"/") for d in _DENIED)
_real_open, _real_scandir = builtins.open, os.scandir
def _open(file, *a, **k):
    if isinstance(file, (str, bytes, os.PathLike)) and _denied(file):
        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(file))
    return _real_open(file, *a, **k)
def _scandir(path="."):
    if _denied(path):
        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
    return _real_scandir(path)
builtins.open = _open
os.scandir = _scandir
"""


def allow(paths: list[Path]) -> None:
    for p in paths:
        p.chmod(0o755)
