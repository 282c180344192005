"""Faults during `cchc extract` (issue 10): a worker killed (the out-of-memory killer), the disk
full, a read-only OUTDIR, Ctrl-C to the whole process group. Each is one clear line on stderr,
no traceback, no temporary file left behind, and the next run finishes the job."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, read_jsonl
from pipeline import batch
from robust import SEEDS, allow, cchc, no_traceback

fork_only = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                               reason="patches the extractor in this process; workers see it only when forked")


def many_articles(root: Path, copies: int = 24) -> Path:
    """The seeds, `copies` times each, as .txt files: a run of a few seconds on two workers."""
    src = root / "in"
    src.mkdir()
    for i in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, src / f"{i:03d}_{seed.name}")
    return src


def outputs(out: Path) -> tuple[bytes, bytes]:
    return (out / "records.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()


def temp_files(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.name.endswith(".tmp"))


def summary(err: str) -> str:
    return err.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("clean")
    src = many_articles(root)
    res = cchc("extract", str(src), "-o", str(root / "out"), "--workers", "2")
    assert res.returncode == 0, res.stderr
    return src, outputs(root / "out")


def start(src: Path, out: Path, *extra) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out),
                             "--workers", "2", *extra], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def wait_for_journal(proc: subprocess.Popen, out: Path, lines: int) -> None:
    journal = out / ".cchc" / "journal.jsonl"
    give_up = time.monotonic() + 120
    while time.monotonic() < give_up and proc.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= lines:
            return
        time.sleep(0.01)
    pytest.fail("the run did not start journaling")


def worker_pids(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    return children


# --------------------------------------------------------------------------- a dead worker

@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers in /proc")
def test_killed_worker_is_detected_and_its_chunk_retried_at_once(clean_run, tmp_path):
    src, clean = clean_run
    out = tmp_path / "out"
    proc = start(src, out)
    wait_for_journal(proc, out, 10)
    [victim, *_] = worker_pids(proc.pid)
    os.kill(victim, signal.SIGKILL)  # as the out-of-memory killer does
    _, stderr = proc.communicate(timeout=120)  # undetected, the lost chunk would stall ~5 minutes
    err = no_traceback(subprocess.CompletedProcess([], proc.returncode, b"", stderr))
    assert proc.returncode == 0, err
    [message] = [ln for ln in err.splitlines() if ln.startswith("cchc: worker process")]
    assert f"worker process {victim} killed by SIGKILL" in message and "retried" in message
    assert f" 0 failed ({len(list(src.iterdir()))} articles read" in summary(err), summary(err)
    assert outputs(out) == clean


@fork_only
def test_article_that_kills_its_worker_every_time_becomes_one_error(tmp_path, monkeypatch, capfd):
    """Like an article that always runs out of memory: its chunk is retried, then split, and
    the article alone is given up after dying again; the others are all written."""
    src = tmp_path / "in"
    src.mkdir()
    for i, seed in enumerate(SEEDS):
        text = seed.read_text(encoding="utf-8")
        (src / seed.name).write_text(text + ("\nOOM\n" if i == 2 else ""), encoding="utf-8")
    real = batch.extract_article

    def extract(raw, include_text=True):
        if "\nOOM\n" in raw.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(raw, include_text)

    monkeypatch.setattr(batch, "extract_article", extract)
    out = tmp_path / "out"
    summary_ = batch.run_extract([str(src)], str(out), workers=2)
    assert (summary_.articles, summary_.failed) == (4, 1)
    [error] = read_jsonl(out / "errors.jsonl")
    assert error["error"] == "WorkerDied" and error["source"] == str(src / SEEDS[2].name)
    assert [r["doc_id"] for r in read_jsonl(out / "records.jsonl")] == [
        s.stem for i, s in enumerate(SEEDS) if i != 2]
    err = capfd.readouterr().err
    deaths = [ln for ln in err.splitlines() if ln.startswith("cchc: worker process")]
    assert len(deaths) == 2 * batch.DEATHS_PER_TASK  # the chunk twice, then the article twice
    assert "Traceback" not in err
    # not cached: the next run (with enough memory) tries it again
    monkeypatch.undo()
    again = batch.run_extract([str(src)], str(out), workers=1)
    assert (again.articles, again.failed, again.reused) == (5, 0, 4)


# --------------------------------------------------------------------------- disk full, read-only

DISK_FULL = """
import errno, pipeline.writer as writer, pipeline.manifest as manifest

def full():
    return OSError(errno.ENOSPC, "No space left on device")

class FullFile:
    '''A file on a disk that fills up after `room` bytes: writes fail, and so does the flush
    that closing does, as on a real full disk.'''
    def __init__(self, fh, room):
        self.fh, self.room = fh, room
    def write(self, data):
        if len(data) > self.room:
            raise full()
        self.room -= len(data)
        return self.fh.write(data)
    def flush(self):
        self.fh.flush()
        if self.room <= 0:
            raise full()
    def close(self):
        self.fh.close()
        raise full()
    def __getattr__(self, name):
        return getattr(self.fh, name)

WHERE = {where!r}
if WHERE == "records":
    _init = writer.AtomicWriter.__init__
    def _patched(self, path):
        _init(self, path)
        if self.path.name == "records.jsonl":
            self.fh = FullFile(self.fh, 40_000)
    writer.AtomicWriter.__init__ = _patched
else:
    _jinit = manifest.Journal.__init__
    def _jpatched(self, path, reset=False):
        _jinit(self, path, reset)
        self.fh = FullFile(self.fh, 60_000)
    manifest.Journal.__init__ = _jpatched
"""


@pytest.mark.parametrize("where", ["records", "journal"])
def test_disk_full_is_one_message_and_leaves_no_temp_file(clean_run, tmp_path, where):
    src, clean = clean_run
    out = tmp_path / "out"
    first = sorted(src.iterdir())[:3]
    res = cchc("extract", *map(str, first), "-o", str(out), "--workers", "2")
    assert res.returncode == 0
    before = outputs(out)
    res = cchc("extract", str(src), "-o", str(out), "--workers", "2", patch=DISK_FULL.format(where=where))
    err = no_traceback(res)
    assert res.returncode == 1
    [line] = err.strip().splitlines()
    assert line.startswith("cchc extract: cannot write") and "No space left on device" in line
    assert temp_files(out) == []
    assert outputs(out) == before  # the outputs of the last complete run, untouched
    res = cchc("extract", str(src), "-o", str(out), "--workers", "2")
    assert res.returncode == 0 and outputs(out) == clean
    reused = int(summary(no_traceback(res)).split(" reused")[0].rsplit(" ", 1)[1])
    assert reused > 3  # what the failed run computed was journaled and is not lost


READ_ONLY = """
import builtins, errno, os
_ROOT = os.fsencode({root!r})
def _under(p):
    try:
        b = os.fsencode(os.path.abspath(p))
    except TypeError:
        return False
    return b == _ROOT or b.startswith(_ROOT + b"/")
def _rofs(p):
    return OSError(errno.EROFS, "Read-only file system", os.fsdecode(p))
_mkdir, _open, _osopen = os.mkdir, builtins.open, os.open
def mkdir(p, *a, **k):
    if _under(p) and not os.path.isdir(p):
        raise _rofs(p)
    return _mkdir(p, *a, **k)
def open_(f, mode="r", *a, **k):
    if isinstance(f, (str, bytes, os.PathLike)) and _under(f) and any(c in mode for c in "wax+"):
        raise _rofs(f)
    return _open(f, mode, *a, **k)
def osopen(p, flags, *a, **k):
    if _under(p) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        raise _rofs(p)
    return _osopen(p, flags, *a, **k)
os.mkdir, builtins.open, os.open = mkdir, open_, osopen
"""


@pytest.mark.parametrize("existing", [False, True], ids=["new-outdir", "existing-outdir"])
def test_read_only_outdir_is_one_message(tmp_path, existing):
    (tmp_path / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    parent = tmp_path / "ro"
    parent.mkdir()
    out = parent / "out"
    if existing:
        assert cchc("extract", str(tmp_path / "a.txt"), "-o", str(out)).returncode == 0
    if os.geteuid() != 0:
        patch = ""
        (out if existing else parent).chmod(0o555)
        if existing:
            (out / ".cchc").chmod(0o555)
    else:
        patch = READ_ONLY.format(root=str(parent))
    try:
        res = cchc("extract", str(tmp_path / "a.txt"), "-o", str(out), patch=patch)
    finally:
        allow([p for p in (parent, out, out / ".cchc") if p.exists()])
    err = no_traceback(res)
    assert res.returncode == 1
    [line] = err.strip().splitlines()
    assert line.startswith("cchc extract: cannot write") and ("Read-only" in line or "Permission" in line)
    if existing:
        assert temp_files(out) == []


# --------------------------------------------------------------------------- Ctrl-C

def test_ctrl_c_to_the_process_group_is_one_line_and_exit_130(clean_run, tmp_path):
    src, clean = clean_run
    out = tmp_path / "out"
    proc = start(src, out)
    wait_for_journal(proc, out, 5)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    _, stderr = proc.communicate(timeout=60)
    err = stderr.decode()
    assert "Traceback" not in err, err
    assert proc.returncode == 130
    assert err.strip().splitlines() == ["cchc: interrupted"]
    assert temp_files(out) == []
    res = cchc("extract", str(src), "-o", str(out), "--workers", "2")
    assert res.returncode == 0 and outputs(out) == clean
