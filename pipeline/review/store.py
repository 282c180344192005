"""The archive the review app reads: an index of OUTDIR/records.jsonl, built in one pass.

The index holds one small row per article (byte offset of its line, title, year, counts) and
its facets (units, provinces, aspects, indexes, check kinds) in an in-memory DuckDB; listing,
filtering, facet counts and paging are SQL over it, and only the records of the page shown
are read from the file (by seeking to their offsets). A `doc_id` is only ever a key in the
index, never part of a path, so no request reaches a file outside OUTDIR.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ..corrections import apply_corrections, by_doc_id, corrections_path, read_corrections

# filter name -> (facet table, column); "year", "checks", "duplicates", "reviewed" are special
FACETS = {"unit": ("art_units", "unit"), "province": ("art_units", "province"),
          "aspect": ("art_aspects", "aspect"), "index": ("art_indexes", "idx"),
          "check": ("art_checks", "kind"), "period": ("art_periods", "year")}
FLAGS = ("checks", "duplicates", "reviewed")
MAX_PER_PAGE = 200
FACET_CACHE_SIZE = 64
FACET_VALUES = 50  # the most frequent values of a facet shown (a chosen one is always kept)


class ArchiveError(ValueError):
    """OUTDIR holds no readable records.jsonl."""


@dataclass
class ArticleSummary:
    offset: int
    row: tuple
    units: list
    aspects: set
    indexes: set
    checks: set
    periods: set


def _period_years(figures: list) -> set[str]:
    """The years the figures' periods end in (or start in, when open-ended)."""
    years = set()
    for f in figures:
        period = f.get("period") if isinstance(f.get("period"), dict) else {}
        date = period.get("end") or period.get("start")
        if isinstance(date, str) and date[:4].isdigit():
            years.add(date[:4])
    return years


def _summary(rec: dict, offset: int) -> ArticleSummary:
    published = rec.get("published") if isinstance(rec.get("published"), str) else None
    year = int(published[:4]) if published and published[:4].isdigit() else None
    figures = rec.get("figures") or []
    row = (rec["doc_id"], offset, rec.get("title"), published, year, rec.get("source"),
           len(figures), len(rec.get("checks") or []), rec.get("duplicate_of"), rec.get("sha256"))
    units = {(f"{u.get('type')} {u.get('name')}", u.get("province") or
              (u.get("name") if u.get("type") in ("tỉnh", "thành phố") and not u.get("district") else None))
             for u in rec.get("units") or []}
    return ArticleSummary(offset, row, sorted(units, key=str),
                          {f.get("aspect") for f in figures if f.get("aspect")},
                          {f.get("index") for f in figures if f.get("index")},
                          {c.get("kind") for c in rec.get("checks") or [] if c.get("kind")},
                          _period_years(figures))


def _columns(rows: list[tuple], names: list[str], types: list) -> pa.Table:
    """Rows as an Arrow table (DuckDB takes it in one go; inserting row by row is slow)."""
    return pa.table({n: pa.array([r[i] for r in rows], t) for i, (n, t) in enumerate(zip(names, types))})


def records_path(outdir) -> Path:
    """OUTDIR/records.jsonl, which must exist."""
    path = Path(outdir) / "records.jsonl"
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file (run `cchc extract -o {outdir}` first)")
    return path


def scan(path: Path):
    """(byte offset, record) of every record line of a records.jsonl."""
    offset = 0
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    raise ArchiveError(f"{path}, line {n}: not a JSON record") from None
                if not (isinstance(rec, dict) and isinstance(rec.get("doc_id"), str)):
                    raise ArchiveError(f"{path}, line {n}: not a cchc record (no doc_id)")
                yield offset, rec
            offset += len(line)


class Archive:
    """OUTDIR's records, indexed once; corrections read from OUTDIR/corrections.jsonl."""

    def __init__(self, outdir):
        self.outdir = Path(outdir)
        self.records_path = records_path(outdir)
        self._lock = threading.Lock()
        self._corrections_cache: tuple = (None, [])
        self._reviewed_stamp = ()
        self._facet_cache: dict = {}
        self._reviewed: list[str] = []
        self.con = duckdb.connect(":memory:")
        self.offsets: dict[str, int] = {}
        self._build()
        self.refresh_reviewed()

    # ----------------------------------------------------------------- index

    def _build(self) -> None:
        arts, units, aspects, indexes, checks, periods = [], [], [], [], [], []
        pending = {doc_id: cs for doc_id, cs in by_doc_id(self.corrections()).items()}
        self.stale: list = []  # (correction, reason) of corrections that no longer apply
        try:
            for offset, rec in scan(self.records_path):
                if rec["doc_id"] in pending and rec["doc_id"] not in self.offsets:
                    self.stale += apply_corrections(rec, pending[rec["doc_id"]]).stale
                s = _summary(rec, offset)
                doc_id = rec["doc_id"]
                if doc_id in self.offsets:
                    continue  # the first record of a doc_id is the one shown
                self.offsets[doc_id] = offset
                arts.append(s.row)
                units += [(doc_id, u, p) for u, p in s.units]
                aspects += [(doc_id, a) for a in s.aspects]
                indexes += [(doc_id, i) for i in s.indexes]
                checks += [(doc_id, k) for k in s.checks]
                periods += [(doc_id, y) for y in s.periods]
        except OSError as e:
            raise ArchiveError(f"{self.records_path}: {e.strerror or e}") from None
        self.stale += [(c, "the article is no longer in the records")
                       for doc_id, cs in pending.items() if doc_id not in self.offsets for c in cs]
        c = self.con
        art_columns = ["doc_id", "off", "title", "published", "year", "source", "n_figures",
                       "n_checks", "duplicate_of", "sha256", "row_no"]
        art_types = [pa.string(), pa.int64(), pa.string(), pa.string(), pa.int32(), pa.string(),
                     pa.int32(), pa.int32(), pa.string(), pa.string(), pa.int64()]
        tables = {
            "arts": _columns([(*row, n) for n, row in enumerate(arts)], art_columns, art_types),
            "art_units": _columns(units, ["doc_id", "unit", "province"], [pa.string()] * 3),
            "art_aspects": _columns(aspects, ["doc_id", "aspect"], [pa.string()] * 2),
            "art_indexes": _columns(indexes, ["doc_id", "idx"], [pa.string()] * 2),
            "art_checks": _columns(checks, ["doc_id", "kind"], [pa.string()] * 2),
            "art_periods": _columns(periods, ["doc_id", "year"], [pa.string()] * 2),
        }
        for name, table in tables.items():
            c.register("_rows", table)
            c.execute(f"CREATE TABLE {name} AS SELECT * FROM _rows")
            c.unregister("_rows")
        c.execute("CREATE INDEX arts_doc_id ON arts (doc_id)")
        c.execute("CREATE TABLE reviewed (doc_id VARCHAR PRIMARY KEY)")

    def corrections(self) -> list[dict]:
        """OUTDIR's corrections, re-read only when the file has changed."""
        try:
            st = corrections_path(self.outdir).stat()
            stamp = (st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            stamp = None
        cached_stamp, cached = self._corrections_cache
        if stamp is None:
            return []
        if stamp != cached_stamp:
            cached = read_corrections(self.outdir)
            self._corrections_cache = (stamp, cached)
        return cached

    def refresh_reviewed(self) -> None:
        """Re-read which articles are marked reviewed (the last mark of each wins), when the
        corrections have changed since the last time (another tab or process may write)."""
        corrections = self.corrections()
        if self._corrections_cache[0] == self._reviewed_stamp:
            return
        self._reviewed_stamp = self._corrections_cache[0]
        last = {}
        for c in corrections:
            if c["action"] == "reviewed":
                last[c["doc_id"]] = bool(c.get("after"))
        done = sorted(d for d, v in last.items() if v and d in self.offsets)
        if done == self._reviewed:
            return
        with self._lock:
            self.con.execute("DELETE FROM reviewed")
            self.con.register("_rows", _columns([(d,) for d in done], ["doc_id"], [pa.string()]))
            self.con.execute("INSERT INTO reviewed SELECT doc_id FROM _rows")
            self.con.unregister("_rows")
            self._reviewed = done
            self._facet_cache.clear()

    # ----------------------------------------------------------------- queries

    @staticmethod
    def _where(filters: dict, skip: str | None = None) -> tuple[str, list]:
        clauses, params = ["TRUE"], []
        for name, value in filters.items():
            if name == skip or value in (None, ""):
                continue
            if name in FACETS:
                table, column = FACETS[name]
                clauses.append(f"a.doc_id IN (SELECT doc_id FROM {table} WHERE {column} = ?)")
                params.append(value)
            elif name == "year":
                clauses.append("a.year = ?")
                params.append(int(value))
            elif name == "checks":
                clauses.append("a.n_checks > 0" if value == "yes" else "a.n_checks = 0")
            elif name == "duplicates":
                clauses.append("a.duplicate_of IS NOT NULL" if value == "yes" else "a.duplicate_of IS NULL")
            elif name == "reviewed":
                op = "IN" if value == "yes" else "NOT IN"
                clauses.append(f"a.doc_id {op} (SELECT doc_id FROM reviewed)")
            elif name == "q":
                clauses.append("(a.title ILIKE ? OR a.doc_id ILIKE ?)")
                params += [f"%{value}%", f"%{value}%"]
        return " AND ".join(clauses), params

    def _facet_counts(self, filters: dict) -> dict:
        """Each facet's values with their article counts under the other facets' filters (so
        other values of a filtered facet stay selectable). Facets not filtered on share one
        base set of matching articles, computed once."""
        where, params = self._where(filters)
        self.con.execute("CREATE OR REPLACE TEMP TABLE _base AS "
                         f"SELECT a.doc_id, a.year, a.n_checks, a.duplicate_of FROM arts a WHERE {where}",
                         params)
        out = {}
        for name, (table, column) in FACETS.items():
            if name in filters:
                base, base_params = self._where(filters, skip=name)
                source = f"(SELECT a.doc_id FROM arts a WHERE {base})"
            else:
                source, base_params = "_base", []
            out[name] = self.con.execute(
                f"SELECT t.{column} AS v, count(DISTINCT t.doc_id) AS n FROM {table} t SEMI JOIN {source} b "
                f"ON t.doc_id = b.doc_id WHERE t.{column} IS NOT NULL "
                f"GROUP BY v ORDER BY n DESC, v LIMIT {FACET_VALUES}", base_params).fetchall()
        flags = {"year": None, "checks": "n_checks > 0", "duplicates": "duplicate_of IS NOT NULL",
                 "reviewed": "doc_id IN (SELECT doc_id FROM reviewed)"}
        for name, cond in flags.items():
            if name in filters:
                base, base_params = self._where(filters, skip=name)
                source = f"(SELECT a.* FROM arts a WHERE {base})"
            else:
                source, base_params = "_base", []
            if name == "year":
                out[name] = self.con.execute(
                    f"SELECT year, count(*) FROM {source} WHERE year IS NOT NULL "
                    "GROUP BY year ORDER BY year DESC", base_params).fetchall()
            else:
                yes, total = self.con.execute(
                    f"SELECT count(*) FILTER (WHERE {cond}), count(*) FROM {source}", base_params).fetchone()
                out[name] = [("yes", yes), ("no", total - yes)]
        return out

    def _cached_facet_counts(self, filters: dict) -> dict:
        """Facet counts, computed once per filter set (paging does not change them) and again
        after the reviewed marks change (`refresh_reviewed` clears them)."""
        key = tuple(sorted(filters.items()))
        if key not in self._facet_cache:
            if len(self._facet_cache) >= FACET_CACHE_SIZE:
                self._facet_cache.pop(next(iter(self._facet_cache)))
            self._facet_cache[key] = self._facet_counts(filters)
        return self._facet_cache[key]

    def list_articles(self, filters: dict, page: int = 1, per_page: int = 50) -> dict:
        """One page of the articles matching `filters`, with the facet counts."""
        page, per_page = max(1, page), max(1, min(MAX_PER_PAGE, per_page))
        self.refresh_reviewed()
        where, params = self._where(filters)
        with self._lock:
            total = self.con.execute(f"SELECT count(*) FROM arts a WHERE {where}", params).fetchone()[0]
            rows = self.con.execute(
                "SELECT a.doc_id, a.title, a.published, a.n_figures, a.n_checks, a.duplicate_of, "
                f"a.doc_id IN (SELECT doc_id FROM reviewed) FROM arts a WHERE {where} "
                "ORDER BY a.row_no LIMIT ? OFFSET ?", [*params, per_page, (page - 1) * per_page]).fetchall()
            ids = [r[0] for r in rows]
            units = dict(self.con.execute(
                "SELECT doc_id, string_agg(DISTINCT unit, '; ' ORDER BY unit) FROM art_units "
                "WHERE list_contains(?, doc_id) GROUP BY doc_id", [ids]).fetchall()) if ids else {}
            facets = self._cached_facet_counts(filters)
        keys = ("doc_id", "title", "published", "n_figures", "n_checks", "duplicate_of", "reviewed", "units")
        return {"total": total, "page": page, "per_page": per_page,
                "articles": [dict(zip(keys, (*r, units.get(r[0])))) for r in rows],
                "facets": {k: [{"value": v, "count": n} for v, n in vs] for k, vs in facets.items()}}

    def neighbours(self, doc_id: str) -> tuple[str | None, str | None]:
        with self._lock:
            row = self.con.execute(
                "SELECT (SELECT doc_id FROM arts WHERE row_no = a.row_no - 1), "
                "(SELECT doc_id FROM arts WHERE row_no = a.row_no + 1) FROM arts a WHERE doc_id = ?",
                [doc_id]).fetchone()
        return row if row else (None, None)

    # ----------------------------------------------------------------- one article

    def raw_record(self, doc_id: str) -> dict | None:
        """The record of `doc_id` as extracted, read at its offset; None for an unknown id."""
        offset = self.offsets.get(doc_id)
        if offset is None:
            return None
        with open(self.records_path, "rb") as fh:
            fh.seek(offset)
            return json.loads(fh.readline())

    def article(self, doc_id: str) -> dict | None:
        """The record with its corrections applied, and what the review knows of it."""
        record = self.raw_record(doc_id)
        if record is None:
            return None
        corrections = [c for c in self.corrections() if c["doc_id"] == doc_id]
        applied = apply_corrections(record, corrections)
        prev_id, next_id = self.neighbours(doc_id)
        return {"record": applied.record, "reviewed": applied.reviewed,
                "corrected": sorted(f"{k}:{i}" for k, i in applied.corrected),
                "accepted": sorted({f"{c.get('kind')}:{c.get('fact_id')}" for c in corrections
                                    if c["action"] == "accept" and c.get("sha256") == record.get("sha256")}),
                "corrections": corrections,
                "stale": [{"correction": c, "reason": r} for c, r in applied.stale],
                "previous": prev_id, "next": next_id}
