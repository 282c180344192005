"""Batch ingestion: parallel workers, resume from OUTDIR's manifest, kill -9 and resume, the
per-article time budget, and the Dask engine, all against the output of a clean run."""
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, read_jsonl
from pipeline import batch
from pipeline.manifest import Journal, Store

SUMMARY_RE = re.compile(r"^cchc: [\d,]+ new, [\d,]+ updated, [\d,]+ kept, ([\d,]+) failed "
                        r"\(([\d,]+) articles read, ([\d,]+) reused, [\d.]+ articles/s\)$")


def cchc(*args, **popen):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, cwd=ROOT,
                          env=env, timeout=300, **popen)


def summary_of(res) -> dict:
    """The counts of the summary line, which must be the last line on stderr."""
    last = res.stderr.decode().strip().splitlines()[-1]
    m = SUMMARY_RE.match(last)
    assert m, f"no summary line at the end of stderr: {last!r}"
    failed, articles, reused = (int(g.replace(",", "")) for g in m.groups())
    return {"articles": articles, "failed": failed, "reused": reused}


def article_lines(n: int) -> list[str]:
    """`n` one-article JSON lines: the dev corpus of ../shared where it is present (CI), else
    passages of three paragraphs cut from the seeds in corpus/, so a bare clone runs these too."""
    dev = SHARED / "corpus-real" / "dev.jsonl"
    if dev.is_file():
        return dev.read_text(encoding="utf-8").splitlines()[:n]
    lines = []
    for seed in sorted((ROOT / "corpus").glob("*.txt")):
        paragraphs = [p for p in seed.read_text(encoding="utf-8").splitlines() if p.strip()]
        lines += [json.dumps({"id": f"{seed.stem}-{i}", "text": "\n\n".join(paragraphs[i:i + 3])},
                             ensure_ascii=False) for i in range(len(paragraphs) - 2)]
    return lines[:n]


def build_corpus(root: Path, dev_lines: int = 70) -> Path:
    """Seeds as .txt, dev articles spread over JSONL shards and single JSON files, and two
    bad inputs, so that records.jsonl and errors.jsonl both have lines."""
    src = root / "in"
    src.mkdir()
    for seed in sorted((ROOT / "corpus").glob("*.txt")):
        shutil.copy(seed, src / seed.name)
    lines = article_lines(dev_lines)
    third = len(lines) // 3
    (src / "dev_a.jsonl").write_text("\n".join(lines[:third]) + "\n{broken json\n", encoding="utf-8")
    (src / "dev_b.jsonl").write_text("\n".join(lines[third:2 * third]) + "\n", encoding="utf-8")
    for i, line in enumerate(lines[2 * third:]):
        (src / f"dev_c{i:03d}.json").write_text(line, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    return src


def outputs(out: Path) -> tuple[bytes, bytes]:
    return (out / "records.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()


def leftovers(out: Path) -> list[str]:
    """Files in OUTDIR besides the outputs, the manifest and the lock file."""
    expected = {"records.jsonl", "errors.jsonl", ".cchc/manifest.jsonl", ".cchc/lock"}
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                  if p.is_file() and str(p.relative_to(out)) not in expected)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """A clean, uninterrupted two-worker run: the reference output."""
    out = tmp_path_factory.mktemp("clean") / "out"
    res = cchc("extract", str(corpus), "-o", str(out), "--workers", "2")
    assert res.returncode == 1, res.stderr  # the two bad inputs
    counts = summary_of(res)
    assert counts["failed"] == 2 and counts["reused"] == 0
    assert counts["articles"] == len(read_jsonl(out / "records.jsonl")) > 70
    return out, counts


def test_one_worker_equals_two(corpus, clean, tmp_path):
    out = tmp_path / "out"
    res = cchc("extract", str(corpus), "-o", str(out), "--workers", "1")
    assert summary_of(res) == {**clean[1], "reused": 0}
    assert outputs(out) == outputs(clean[0])
    errors = read_jsonl(out / "errors.jsonl")
    assert [(Path(e["source"]).name, e["error"]) for e in errors] == [
        ("dev_a.jsonl#24", "MalformedJSON"), ("empty.txt", "EmptyInput")]


def test_rerun_reuses_everything_and_force_redoes_it(corpus, clean, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(clean[0], out)
    again = cchc("extract", str(corpus), "-o", str(out))
    assert summary_of(again) == {**clean[1], "reused": clean[1]["articles"]}
    assert outputs(out) == outputs(clean[0])
    forced = cchc("extract", str(corpus), "-o", str(out), "--force")
    assert summary_of(forced) == {**clean[1], "reused": 0}
    assert outputs(out) == outputs(clean[0])
    assert leftovers(out) == []


def test_changed_article_is_recomputed_alone(corpus, clean, tmp_path):
    src = tmp_path / "in"  # a copy: `source` (the input path) is part of an article's key
    shutil.copytree(corpus, src)
    out = tmp_path / "out"
    assert summary_of(cchc("extract", str(src), "-o", str(out)))["reused"] == 0
    before = read_jsonl(out / "records.jsonl")
    seed = src / "002_7d7845850110665b.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("2.100 hồ sơ", "2.200 hồ sơ"), encoding="utf-8")
    res = cchc("extract", str(src), "-o", str(out))
    assert summary_of(res)["reused"] == clean[1]["articles"] - 1
    after = read_jsonl(out / "records.jsonl")
    assert [r["doc_id"] for r, b in zip(after, before) if r != b] == ["002_7d7845850110665b"]


def test_edited_output_line_is_recomputed(corpus, clean, tmp_path):
    """The manifest's digest catches an output line that no longer is what it recorded."""
    out = tmp_path / "out"
    shutil.copytree(clean[0], out)
    records = out / "records.jsonl"
    lines = records.read_bytes().splitlines(keepends=True)
    lines[3] = lines[3].replace(b'"title":', b'"titlE":', 1)  # same length: later offsets hold
    records.write_bytes(b"".join(lines))
    res = cchc("extract", str(corpus), "-o", str(out))
    assert summary_of(res)["reused"] == clean[1]["articles"] - 1
    assert outputs(out) == outputs(clean[0])


def test_journal_drops_a_torn_last_line(tmp_path):
    path = tmp_path / "journal.jsonl"
    journal = Journal(path)
    journal.append("a" * 32, "record", b'{"n":1}\n')
    journal.append("b" * 32, "error", b'{"n":2}\n')
    journal.close()
    with open(path, "ab") as fh:
        fh.write(b"c" * 32 + b' record {"n":3,"te')  # killed mid-write
    reopened = Journal(path)
    assert sorted(reopened.index) == ["a" * 32, "b" * 32]
    assert reopened.read(reopened.index["b" * 32]) == b'{"n":2}\n'
    reopened.append("d" * 32, "record", b'{"n":4}\n')
    reopened.close()
    assert path.read_bytes().endswith(b' error {"n":2}\n' + b"d" * 32 + b' record {"n":4}\n')


def run_until_journal(cmd, out: Path, target_lines: int, rng: random.Random) -> bool:
    """Start `cmd`, SIGKILL it once the journal holds `target_lines` lines (or at a random
    early moment when target_lines is 0); True if it was still running when killed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    journal = out / ".cchc" / "journal.jsonl"
    give_up = time.monotonic() + 120
    if target_lines == 0:
        time.sleep(rng.uniform(0.0, 1.0))
    else:
        while proc.poll() is None and time.monotonic() < give_up:
            if journal.exists() and journal.read_bytes().count(b"\n") >= target_lines:
                break
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.02))
    alive = proc.poll() is None
    proc.kill()
    proc.wait()
    assert_group_gone(proc.pid)
    return alive


def assert_group_gone(pgid: int) -> None:
    """The killed run's workers die with it (no orphans holding on to OUTDIR)."""
    for _ in range(500):
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    os.killpg(pgid, signal.SIGKILL)
    pytest.fail("worker processes outlived the killed main process")


def test_kill_and_resume_is_byte_identical(corpus, clean, tmp_path):
    rng = random.Random(6)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(corpus), "-o", str(out), "--workers", "2"]
    total = clean[1]["articles"]
    # one kill at a random early moment (start-up, first tasks), then at random journal sizes
    targets = [0] + sorted(rng.sample(range(1, total), 4))
    killed_mid_run = [run_until_journal(cmd, out, target, rng) for target in targets]
    assert sum(killed_mid_run) >= 3, killed_mid_run
    res = cchc("extract", str(corpus), "-o", str(out), "--workers", "2")
    counts = summary_of(res)
    assert counts["articles"] == total and counts["reused"] > 0
    assert outputs(out) == outputs(clean[0])
    assert leftovers(out) == []


def test_summary_and_exit_zero_on_stdout_run(tmp_path):
    (tmp_path / "a.txt").write_text((ROOT / "corpus" / "002_7d7845850110665b.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    res = cchc("extract", str(tmp_path / "a.txt"), "-o", "-", "--workers", "2")
    assert res.returncode == 0
    assert summary_of(res) == {"articles": 1, "failed": 0, "reused": 0}
    assert len(res.stdout.decode().splitlines()) == 1


def test_busy_outdir_is_refused(tmp_path):
    out = tmp_path / "out"
    store = Store(out)
    try:
        res = cchc("extract", str(ROOT / "corpus"), "-o", str(out))
        assert res.returncode == 1
        assert b"being written by another" in res.stderr
    finally:
        store.close()


# --------------------------------------------------------------------------- time budget

pytestmark_fork = pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="patches the extractor in this process; workers see it only when forked")


def patched_extract(marker: str, block_alarm: bool):
    real = batch.extract_article

    def extract(raw, include_text=True):
        if marker in raw.text:
            if block_alarm:  # like C code that never returns to the interpreter
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(raw, include_text)

    return extract


def budget_corpus(tmp_path: Path, marker: str) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    for i, seed in enumerate(seeds):
        text = seed.read_text(encoding="utf-8")
        (src / seed.name).write_text(text + (f"\n{marker}\n" if i == 2 else ""), encoding="utf-8")
    return src


@pytestmark_fork
@pytest.mark.parametrize("block_alarm", [False, True], ids=["budget", "stuck-worker"])
def test_slow_article_becomes_timeout_error(tmp_path, monkeypatch, block_alarm):
    src = budget_corpus(tmp_path, "CHẬM")
    monkeypatch.setattr(batch, "extract_article", patched_extract("CHẬM", block_alarm))
    monkeypatch.setattr(batch, "DEADLINE_SLACK", 1.0)
    out = tmp_path / "out"
    summary = batch.run_extract([str(src)], str(out), workers=2, article_timeout=0.5)
    assert (summary.articles, summary.failed) == (4, 1)
    [err] = read_jsonl(out / "errors.jsonl")
    assert err["error"] == "ArticleTimeout" and err["source"].endswith("002_7d7845850110665b.txt")
    assert [r["doc_id"] for r in read_jsonl(out / "records.jsonl")] == [
        "000_11d66d0486ec91db", "001_346c006cac7aa9af", "003_a1eeb5a00b85bfda", "004_2eb004b198657114"]
    # a timeout is not cached: the next run tries that article again
    monkeypatch.undo()
    again = batch.run_extract([str(src)], str(out), workers=1)
    assert (again.articles, again.failed, again.reused) == (5, 0, 4)


# --------------------------------------------------------------------------- Dask

@pytest.mark.parametrize("cluster", ["own-local-cluster", "existing-scheduler"])
def test_dask_engine_equals_local(corpus, clean, tmp_path, cluster):
    """`--engine dask` alone starts a LocalCluster of worker processes; with `--scheduler` it
    connects to a running cluster (here one in this process, on TCP, with one worker)."""
    distributed = pytest.importorskip("distributed")
    args = ["--engine", "dask", "--workers", "2"]
    with contextlib.ExitStack() as stack:
        if cluster == "existing-scheduler":
            running = stack.enter_context(distributed.LocalCluster(
                n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                dashboard_address=None))
            args += ["--scheduler", running.scheduler_address]
        res = cchc("extract", str(corpus), "-o", str(tmp_path / "out"), *args)
    assert summary_of(res) == {**clean[1], "reused": 0}
    assert outputs(tmp_path / "out") == outputs(clean[0])


def test_warm_up_loads_the_tagger_and_freezes_once_with_the_collector_back_on():
    """The warm-up before the workers fork loads the POS tagger and the word segmenter too
    (without importing underthesea's package), leaves the garbage collector as it found it, and
    freezes the loaded objects once a process."""
    code = ("import gc, sys\n"
            "from pipeline.engines import warm_up\n"
            "from pipeline import pos_tags, word_segment\n"
            "warm_up()\n"
            "assert gc.isenabled() and pos_tags._model() is not None and word_segment._segmenter() is not None\n"
            "assert 'underthesea' not in sys.modules, 'underthesea/__init__.py ran'\n"
            "frozen = gc.get_freeze_count()\n"
            "assert frozen > 50000, frozen\n"
            "junk = [[] for _ in range(1000)]\n"
            "warm_up()\n"
            "assert gc.get_freeze_count() == frozen\n"
            "gc.disable()\n"
            "warm_up()\n"
            "assert not gc.isenabled()\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert res.returncode == 0, res.stderr.decode()[-2000:]
