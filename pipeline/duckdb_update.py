"""`cchc export --to duckdb` onto an existing database: updated in place, by doc_id.

The database keeps, in a table `_cchc_records`, the doc_id and a digest of every records.jsonl
line it was built from. A later export reads records.jsonl as bytes (no JSON parsing), finds
the lines whose digest is new or different and the doc_ids that are gone, and in one
transaction deletes those articles' rows from every table and inserts the rows of the changed
lines only: adding 10 articles to an archive of 100,000 parses and writes the 10. A database
without that table, with other columns (an older export), or a records file with a doc_id twice,
is rebuilt from scratch as before.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyarrow as pa

from .export import (DUCKDB_MEMORY_LIMIT, SCHEMAS, TABLES, DuckdbMemoryLimit, RecordsError, _parse_record,
                     _write_duckdb, arrow_tables, records_file, table_batches)

STATE_TABLE = "_cchc_records"
# records (and article text) per batch inserted, less than export's batches for files: what
# DuckDB holds at once fits its memory limit (DUCKDB_MEMORY_LIMIT)
DUCKDB_BATCH_RECORDS = 200
DUCKDB_BATCH_CHARS = 1_000_000
STATE_SCHEMA = pa.schema([("doc_id", pa.string()), ("digest", pa.string())])
_DOC_ID_RE = re.compile(rb'"doc_id"\s*:\s*("(?:[^"\\]|\\.)*")')


@dataclass(frozen=True)
class Line:
    doc_id: str
    digest: str
    number: int  # 1-based line number in records.jsonl


def _doc_id(data: bytes) -> str | None:
    """The doc_id of a records.jsonl line, read without parsing the line; None if unreadable."""
    m = _DOC_ID_RE.search(data)
    if not m:
        return None
    try:
        return json.loads(m[1])
    except ValueError:
        return None


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def scan(path: Path) -> list[Line] | None:
    """Every record line's doc_id and digest (not the line itself: memory stays flat however
    large records.jsonl is); None if some line has no readable doc_id or a doc_id comes twice
    (the full export then reports or handles it)."""
    lines, seen = [], set()
    with open(path, "rb") as fh:
        for number, data in enumerate(fh, 1):
            if not data.strip():
                continue
            doc_id = _doc_id(data)
            if doc_id is None or doc_id in seen:
                return None
            seen.add(doc_id)
            lines.append(Line(doc_id, _digest(data), number))
    return lines


class StateOfLines:
    """The state table of a records.jsonl gathered while `records` reads it (once) for a full
    export: every line's doc_id and digest, or nothing if some line has no readable doc_id or
    a doc_id comes twice (as `scan`)."""

    def __init__(self, path: Path):
        self.path = path
        self.doc_ids: list[str] = []
        self.digests: list[str] = []
        self.valid = True

    def records(self) -> Iterator[dict]:
        seen: set[str] = set()
        try:
            with open(self.path, "rb") as fh:
                for number, data in enumerate(fh, 1):
                    if not data.strip():
                        continue
                    if self.valid:
                        doc_id = _doc_id(data)
                        self.valid = doc_id is not None and doc_id not in seen
                        if self.valid:
                            seen.add(doc_id)
                            self.doc_ids.append(doc_id)
                            self.digests.append(_digest(data))
                    yield _parse_record(data, self.path, number)
        except OSError as e:
            raise RecordsError(f"{self.path}: {e.strerror or e}") from None

    def tables(self) -> Iterator[dict[str, pa.Table]]:
        """After `records`: the state table, or no table (the next export rebuilds too)."""
        if self.valid:
            yield {STATE_TABLE: pa.table([pa.array(self.doc_ids, pa.string()), pa.array(self.digests, pa.string())],
                                         schema=STATE_SCHEMA)}


def read_lines(path: Path, wanted: list[Line]) -> Iterator[dict]:
    """The records of the `wanted` lines of `path`, read again, in file order; a line whose
    bytes are no longer those scanned (the file was rewritten meanwhile) is an error."""
    digests = {ln.number: ln.digest for ln in wanted}
    if not digests:
        return
    with open(path, "rb") as fh:
        for number, data in enumerate(fh, 1):
            if number in digests:
                if _digest(data) != digests[number]:
                    raise RecordsError(f"{path}, line {number}: changed while it was exported; export again")
                yield _parse_record(data, path, number)


def state_table(lines: list[Line]) -> pa.Table:
    return pa.table([pa.array([ln.doc_id for ln in lines], pa.string()),
                     pa.array([ln.digest for ln in lines], pa.string())], schema=STATE_SCHEMA)


def _matches(con) -> bool:
    """The database holds this export's tables, with these columns, and its state table."""
    present = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if STATE_TABLE not in present or not set(TABLES) <= present:
        return False
    for name in TABLES:
        columns = [row[0] for row in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [name]).fetchall()]
        if columns != SCHEMAS[name].names:
            return False
    return True


def update_in_place(records_path, out: Path) -> int | None:
    """Bring the database at `out` up to date with `records_path`; returns the number of records
    whose rows were rewritten, or None if the database must be rebuilt instead."""
    import duckdb

    path = records_file(records_path)
    if not out.is_file() or not path.is_file():
        return None
    lines = scan(path)
    if lines is None:
        return None
    try:
        con = duckdb.connect(str(out))
    except duckdb.Error:
        return None
    try:
        if not _matches(con):
            return None
        known = dict(con.execute(f"SELECT doc_id, digest FROM {STATE_TABLE}").fetchall())
        changed = [ln for ln in lines if known.get(ln.doc_id) != ln.digest]
        gone = (known.keys() - {ln.doc_id for ln in lines}) | {ln.doc_id for ln in changed if ln.doc_id in known}
        tables = arrow_tables(read_lines(path, changed))
        _apply(con, tables, sorted(gone), state_table(changed))
        return len(changed)
    except duckdb.Error as e:
        raise OSError(str(e)) from None
    finally:
        con.close()


def _apply(con, tables: dict[str, pa.Table], gone: list[str], state: pa.Table) -> None:
    """Delete the rows of `gone` doc_ids and insert `tables`, all in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_gone", pa.table({"doc_id": pa.array(gone, pa.string())}))
        for name, table in [*tables.items(), (STATE_TABLE, state)]:
            con.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM _gone)")
            con.register("_arrow", table)
            con.execute(f"INSERT INTO {name} SELECT * FROM _arrow")
            con.unregister("_arrow")
        con.unregister("_gone")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")


def _rebuild(records_path, out: Path, memory_limit: str | None) -> None:
    """Write the database at `out` from scratch, streaming records.jsonl once."""
    state = StateOfLines(records_file(records_path))
    batches = table_batches(state.records(), DUCKDB_BATCH_RECORDS, DUCKDB_BATCH_CHARS)
    _write_duckdb(itertools.chain(batches, state.tables()), out, memory_limit)


def export_duckdb(records_path, out: Path) -> dict[str, int]:
    """Update the database at `out` in place, or build it; returns the rows per table."""
    import duckdb

    if update_in_place(records_path, out) is None:
        try:
            _rebuild(records_path, out, DUCKDB_MEMORY_LIMIT)
        except DuckdbMemoryLimit:
            _rebuild(records_path, out, None)  # as large as the records need
    with duckdb.connect(str(out), read_only=True) as con:
        return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}
