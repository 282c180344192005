"""`cchc export` under faults (issue 10): killed mid-write, the table set on disk is the old one
or the new one, never a mix; no temporary file outlives the export that made it (one killed by
SIGKILL leaves its temporary folder to the next export, which removes it first); the export
streams its records in batches."""
from __future__ import annotations

import errno
import json
import signal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline.atomic as atomic
import pipeline.export as export_mod
from conftest import ROOT
from pipeline.cli import main
from pipeline.export import TABLES, load
from robust import cchc, no_traceback

RECORDS = ROOT / "extracted" / "records.jsonl"


@pytest.fixture
def two_sets(tmp_path):
    """An old records file (2 records) and a new one (all of extracted/, ids changed)."""
    lines = RECORDS.read_bytes().splitlines(keepends=True)
    old = tmp_path / "old.jsonl"
    old.write_bytes(b"".join(lines[:2]))
    new = tmp_path / "new.jsonl"
    new.write_bytes(b"".join(json.dumps({**json.loads(ln), "doc_id": f"new-{i}"}, ensure_ascii=False).encode() + b"\n"
                             for i, ln in enumerate(lines)))
    return old, new


def visible(out: Path, to: str) -> dict[str, object]:
    """What a reader of the export finds: each table's rows (a Parquet file's bytes also depend
    on how the rows were batched)."""
    if to == "duckdb":
        with duckdb.connect(str(out), read_only=True) as con:
            return {name: con.sql(f"SELECT * FROM {name} ORDER BY ALL").fetchall() for name in TABLES}
    if to == "parquet":
        return {p.name: pq.read_table(p).to_pylist() for p in sorted(out.iterdir())}
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def temp_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if ".tmp" in p.name)


def target(tmp_path: Path, to: str) -> Path:
    return tmp_path / ("dataset.duckdb" if to == "duckdb" else f"tables-{to}")


def export_cli(records: Path, to: str, out: Path, patch: str = ""):
    return cchc("export", str(records), "--to", to, "-o", str(out), patch=patch)


# Where a SIGKILL lands: while the tables are being written (after the first batch), once they
# are all written but not yet in place, and once the new set is in place but the old one not
# yet removed. Batches of 2 records, so the 5 new records make three of them.
KILL_AT = {
    "mid-write": """
import os, signal, pipeline.export as e
e.BATCH_RECORDS = 2
_batches = e.table_batches
def table_batches(records, batch_records=None):
    for n, batch in enumerate(_batches(records, batch_records)):
        if n == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        yield batch
e.table_batches = table_batches
""",
    "before-swap": """
import os, signal, pipeline.export as e, pipeline.atomic as atomic
e.BATCH_RECORDS = 2
_replace = os.replace
def _kill_first(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
atomic._exchange = lambda a, b: _kill_first()
os.replace = lambda a, b: (_kill_first() if ".export-" in str(a) else _replace(a, b))
_rename = os.rename
os.rename = lambda a, b: (_kill_first() if ".export-" in str(a) else _rename(a, b))
""",
    "after-swap": """
import os, signal, pipeline.export as e, pipeline.atomic as atomic
e.BATCH_RECORDS = 2
_remove = atomic._remove
def _remove_then_die(path):  # the folder set: the old set, swapped out, about to be removed
    if ".export-" in path.name and path.exists():
        os.kill(os.getpid(), signal.SIGKILL)
    _remove(path)
atomic._remove = _remove_then_die
_replace = os.replace
def replace(a, b):  # DuckDB: the new file just renamed into place
    _replace(a, b)
    if str(b).endswith(".duckdb"):
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
""",
}


# A DuckDB database that exists is updated in place in one transaction (duckdb_update): there
# is no swap to kill it at, so it is killed mid-write only.
KILL_CASES = [(to, point) for to in ("parquet", "csv") for point in KILL_AT] + [("duckdb", "mid-write")]


@pytest.mark.parametrize("to,point", KILL_CASES)
def test_export_killed_leaves_the_old_set_or_the_new_one(two_sets, tmp_path, to, point):
    old, new = two_sets
    out = target(tmp_path, to)
    assert export_cli(old, to, out).returncode == 0
    old_set = visible(out, to)
    reference = tmp_path / "reference"
    reference.mkdir()
    assert export_cli(new, to, target(reference, to)).returncode == 0
    new_set = visible(target(reference, to), to)
    assert old_set != new_set

    res = export_cli(new, to, out, patch=KILL_AT[point])
    assert res.returncode == -signal.SIGKILL, res.stderr
    on_disk = visible(out, to)
    assert on_disk in (old_set, new_set)  # never a mix
    expected = new_set if point == "after-swap" else old_set
    assert on_disk == expected

    res = export_cli(new, to, out)  # the next export removes what the killed one left
    assert res.returncode == 0, no_traceback(res)
    assert visible(out, to) == new_set
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("to", ["parquet", "csv", "duckdb"])
def test_export_failing_mid_write_keeps_the_old_set_and_no_temp_file(two_sets, tmp_path, monkeypatch, to, capsys):
    old, new = two_sets
    out = target(tmp_path, to)
    assert main(["export", str(old), "--to", to, "-o", str(out)]) == 0
    old_set = visible(out, to)
    capsys.readouterr()
    real = export_mod.table_batches

    def failing(records, batch_records=None):
        for n, batch in enumerate(real(records, 2)):
            if n == 1:
                raise OSError(errno.ENOSPC, "No space left on device")
            yield batch

    monkeypatch.setattr(export_mod, "table_batches", failing)
    assert main(["export", str(new), "--to", to, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"cchc export: cannot write {out}: No space left on device"]
    assert visible(out, to) == old_set
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("to", ["parquet", "duckdb"])
def test_export_terminated_removes_its_temp_files(two_sets, tmp_path, to):
    """SIGTERM (not SIGKILL) unwinds the export: its temporary files go at once."""
    old, new = two_sets
    out = target(tmp_path, to)
    assert export_cli(old, to, out).returncode == 0
    old_set = visible(out, to)
    patch = """
import os, signal, pipeline.export as e
e.BATCH_RECORDS = 2
_batches = e.table_batches
def table_batches(records, batch_records=None):
    for n, batch in enumerate(_batches(records, batch_records)):
        if n == 1:
            os.kill(os.getpid(), signal.SIGTERM)
        yield batch
e.table_batches = table_batches
"""
    res = export_cli(new, to, out, patch=patch)
    assert res.returncode == 128 + signal.SIGTERM
    no_traceback(res)
    assert visible(out, to) == old_set
    assert temp_files(tmp_path) == []


def test_export_without_an_atomic_exchange_still_replaces_the_set(two_sets, tmp_path, monkeypatch):
    old, new = two_sets
    out = tmp_path / "tables"
    assert main(["export", str(old), "--to", "parquet", "-o", str(out)]) == 0
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)  # e.g. not Linux
    assert main(["export", str(new), "--to", "parquet", "-o", str(out)]) == 0
    assert len(load(new)["articles"]) == pd.read_parquet(out / "articles.parquet").shape[0]
    assert temp_files(tmp_path) == []


def test_a_set_moved_aside_by_a_killed_export_is_put_back(two_sets, tmp_path):
    """Without RENAME_EXCHANGE the swap is two renames; killed between them, the next export
    finds the old set aside and nothing in place, and puts it back before anything else."""
    old, new = two_sets
    out = tmp_path / "tables"
    assert main(["export", str(old), "--to", "parquet", "-o", str(out)]) == 0
    old_set = visible(out, "parquet")
    aside = tmp_path / ".tables.previous-999999999.tmp"
    out.rename(aside)
    atomic.remove_stale(out)
    assert visible(out, "parquet") == old_set and not aside.exists()


def test_other_files_in_the_folder_are_kept_and_folders_refused(two_sets, tmp_path, capsys):
    old, new = two_sets
    out = tmp_path / "tables"
    assert main(["export", str(old), "--to", "parquet", "-o", str(out)]) == 0
    (out / "README.txt").write_text("notes")
    assert main(["export", str(new), "--to", "csv", "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["README.txt", *(f"{t}.parquet" for t in TABLES), *(f"{t}.csv" for t in TABLES)])
    (out / "sub").mkdir()
    before = {p.name: p.is_file() and p.read_bytes() for p in out.iterdir()}
    assert main(["export", str(new), "--to", "parquet", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "'sub'" in err and "folder of their own" in err and "Traceback" not in err
    assert temp_files(tmp_path) == [] and {p.name: p.is_file() and p.read_bytes() for p in out.iterdir()} == before


# --------------------------------------------------------------------------- streaming

def test_streamed_export_equals_the_tables_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(export_mod, "BATCH_RECORDS", 2)
    for to in ("parquet", "csv", "duckdb"):
        assert main(["export", str(RECORDS), "--to", to, "-o", str(target(tmp_path, to))]) == 0
    assert len(list(export_mod.table_batches(export_mod.iter_records(RECORDS)))) == 3
    monkeypatch.setattr(export_mod, "BATCH_RECORDS", 1000)
    tables = export_mod.arrow_tables(export_mod.iter_records(RECORDS))  # in one batch
    with duckdb.connect(str(target(tmp_path, "duckdb")), read_only=True) as con:
        for name in TABLES:
            expected = tables[name]
            assert pq.read_table(target(tmp_path, "parquet") / f"{name}.parquet").to_pylist() == expected.to_pylist()
            assert con.sql(f"SELECT * FROM {name}").fetchall() == [tuple(r.values()) for r in expected.to_pylist()]
            assert len(pd.read_csv(target(tmp_path, "csv") / f"{name}.csv")) == expected.num_rows


def test_export_reads_records_holding_raw_line_separators(tmp_path):
    rec = json.loads(RECORDS.read_bytes().splitlines()[0])
    rec["title"] = "Một\u2028hai\u2029ba\x85bốn"
    path = tmp_path / "records.jsonl"
    path.write_bytes(json.dumps(rec, ensure_ascii=False).encode() + b"\n" + RECORDS.read_bytes().splitlines(keepends=True)[1])
    assert "\u2028".encode() in path.read_bytes()
    tables = load(path)
    assert list(tables["articles"].title)[0] == rec["title"] and len(tables["articles"]) == 2
