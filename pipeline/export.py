"""Records as tables: `load` (pandas), `cchc export` (DuckDB, Parquet, CSV; `cchc conflicts`, in
`record_conflicts`, reads the same tables).

One row per fact. Every table carries `doc_id`; fact rows carry their span, surface and the
quoted sentence, figures and roles have their unit joined in, and dates are real dates.
The tables are built as Arrow tables with a fixed schema (so an empty table still has typed
columns) and handed to pandas, DuckDB, Parquet or CSV from there. `cchc export` streams: it
reads the records line by line and writes the tables batch by batch, so its memory does not
grow with the number of records, and it replaces the whole set of tables at once.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa

from .atomic import fsync_file, replace_file, replace_set
from .formats import FormatError, comment_duckdb, flat_columns, infer_format, write_sqlite, write_xlsx
from .gazetteer import province_code_2025
from .provinces import province_of

TABLES = ("articles", "figures", "units", "officials", "roles", "documents", "checks")
BATCH_RECORDS = 500  # records per Arrow batch when streaming: bounds an export's memory
BATCH_CHARS = 4_000_000  # article text per batch at most: a few very long articles make a batch
# DuckDB keeps what it inserts in memory up to its limit (by default most of the machine's
# memory): a small limit for the streamed export of records.jsonl, and a checkpoint every few
# batches, keep it flat; records too large for the limit are exported again without it
DUCKDB_MEMORY_LIMIT = "32MB"
DUCKDB_CHECKPOINT_BATCHES = 4

_S, _I, _F, _B, _D = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
_L = pa.list_(pa.string())  # a real list in Parquet/DuckDB; JSON array text in CSV/Excel/SQLite
_UNIT_COLUMNS = [("unit_id", _S), ("unit_code", _S), ("unit_type", _S), ("unit_name", _S),
                 ("unit_district", _S), ("unit_province", _S), ("unit_province_code", _S),
                 ("unit_code_2025", _S), ("unit_register", _S), ("unit_province_code_2025", _S)]
SCHEMAS = {
    "articles": pa.schema([
        ("doc_id", _S), ("source", _S), ("url", _S), ("title", _S), ("published", _D),
        ("authors", _L), ("sha256", _S), ("body_start", _I), ("body_end", _I),
        ("n_figures", _I), ("n_units", _I), ("n_officials", _I), ("n_documents", _I),
        ("n_checks", _I), ("warnings", _L), ("text", _S), ("duplicate_of", _S),
        ("pipeline_version", _S), ("meta", _S)]),
    "figures": pa.schema([
        ("doc_id", _S), ("figure_id", _S), ("span_start", _I), ("span_end", _I), ("surface", _S),
        ("quote", _S), ("sentence_start", _I), ("sentence_end", _I), ("value", _F),
        ("denominator", _F), ("kind", _S), ("approx", _S), ("object", _S), ("aspect", _S),
        ("noun", _S), ("change", _B), *_UNIT_COLUMNS, ("aggregate", _S), ("subject_text", _S),
        ("period_text", _S), ("period_start", _D), ("period_end", _D), ("published", _D),
        ("source", _S)]),
    "units": pa.schema([
        ("doc_id", _S), ("unit_id", _S), ("type", _S), ("name", _S), ("code", _S),
        ("district", _S), ("province", _S), ("code_2025", _S), ("register", _S),
        ("province_code_2025", _S), ("n_mentions", _I),
        ("span_start", _I), ("span_end", _I), ("surface", _S)]),
    "officials": pa.schema([
        ("doc_id", _S), ("official_id", _S), ("name", _S), ("n_roles", _I), ("n_mentions", _I),
        ("span_start", _I), ("span_end", _I), ("surface", _S)]),
    "roles": pa.schema([
        ("doc_id", _S), ("official_id", _S), ("name", _S), ("role_no", _I), ("title", _S),
        ("org", _S), ("org_expanded", _S), *_UNIT_COLUMNS]),
    "documents": pa.schema([
        ("doc_id", _S), ("document_no", _I), ("type", _S), ("number", _S), ("date", _D),
        ("issuer", _S), ("span_start", _I), ("span_end", _I), ("surface", _S)]),
    "checks": pa.schema([
        ("doc_id", _S), ("check_no", _I), ("kind", _S), ("figures", _L), ("surfaces", _L),
        ("computed", _F), ("stated", _F), ("message", _S), ("quote", _S)]),
}

# The reviewers' marks (`cchc review`, pipeline.corrections), filled by `corrected_tables`.
REVIEW_COLUMNS = {"articles": ("reviewed", "corrected"), "figures": ("corrected",),
                  "units": ("corrected",), "officials": ("corrected",), "documents": ("corrected",)}
for _name, _columns in REVIEW_COLUMNS.items():
    SCHEMAS[_name] = pa.schema([*SCHEMAS[_name], *(pa.field(c, _B) for c in _columns)])

# The README's example queries (quoted there verbatim; tests/test_export.py runs them).
README_QUERIES = {
    "on-time rate by province and year": """\
SELECT unit_province          AS province,
       unit_province_code     AS province_code,
       year(period_end)       AS year,
       round(avg(value), 2)   AS on_time_pct,
       count(*)               AS n_figures,
       count(DISTINCT doc_id) AS n_articles
FROM figures
WHERE kind = 'percent' AND aspect = 'on_time' AND object = 'dossier'
  AND unit_province IS NOT NULL AND period_end IS NOT NULL
GROUP BY ALL
ORDER BY province, year""",
    "failed checks with the article and the sentence": """\
SELECT a.published, a.title, c.kind, c.message, c.quote
FROM checks AS c JOIN articles AS a USING (doc_id)
ORDER BY a.published DESC NULLS LAST, c.doc_id, c.check_no""",
    "officials by number of articles": """\
SELECT name,
       count(DISTINCT doc_id)                            AS n_articles,
       string_agg(DISTINCT title, '; ' ORDER BY title) AS titles
FROM roles
GROUP BY name
ORDER BY n_articles DESC, name
LIMIT 20""",
}


class RecordsError(ValueError):
    """The input is not a readable records.jsonl."""


# --------------------------------------------------------------------------- reading

def records_file(path) -> Path:
    p = Path(path)
    return p / "records.jsonl" if p.is_dir() else p


def read_records(path) -> list[dict]:
    """The records of a records.jsonl (or of a directory holding one)."""
    return list(iter_records(path))


def iter_records(path) -> Iterator[dict]:
    """The records of a records.jsonl (or of a directory holding one), read one line at a time
    (split on "\\n" only: a record may hold a raw U+2028)."""
    p = records_file(path)
    try:
        with open(p, "rb") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield _parse_record(line, p, n)
    except OSError as e:
        raise RecordsError(f"{p}: {e.strerror or e}") from None


def _parse_record(line: bytes, path: Path, n: int) -> dict:
    try:
        obj = json.loads(line)
    except UnicodeDecodeError:
        raise RecordsError(f"{path}, line {n}: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise RecordsError(f"{path}, line {n}: not JSON ({e.msg}); expected the records.jsonl "
                           "written by `cchc extract`") from None
    if not (isinstance(obj, dict) and isinstance(obj.get("doc_id"), str)
            and isinstance(obj.get("figures"), list)):
        raise RecordsError(f"{path}, line {n}: not a cchc record (needs doc_id and figures)")
    return obj


# --------------------------------------------------------------------------- rows

def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _slice(rec: dict, span) -> str | None:
    """`text[s:e]`, or, for a record written with --no-text, the span's text from `excerpts`."""
    if not span:
        return None
    if rec.get("text") is not None:
        return rec["text"][span[0]:span[1]]
    return (rec.get("excerpts") or {}).get(f"{span[0]}:{span[1]}")


def _unit_columns(unit: dict | None) -> dict:
    unit = unit or {}
    province, province_code = province_of(unit) if unit else (None, None)
    return {"unit_id": unit.get("id"), "unit_code": unit.get("code"), "unit_type": unit.get("type"),
            "unit_name": unit.get("name"), "unit_district": unit.get("district"),
            "unit_province": province, "unit_province_code": province_code,
            "unit_code_2025": unit.get("code_2025"), "unit_register": unit.get("register"),
            "unit_province_code_2025": _province_2025(unit)}


def _province_2025(unit: dict) -> str | None:
    """The 2025 province of a unit whatever the article's date (gazetteer.province_code_2025):
    one key for a time series across the 2025 change."""
    if not unit:
        return None
    return province_code_2025(unit.get("register"), unit.get("code"), unit.get("code_2025"),
                              unit.get("province") or (unit.get("name") if unit.get("type") in
                                                       ("tỉnh", "thành phố") else None))


def _article_row(rec: dict) -> dict:
    body = rec.get("body") or [None, None]
    return {"doc_id": rec["doc_id"], "source": rec.get("source"), "url": rec.get("url"),
            "title": rec.get("title"), "published": _date(rec.get("published")),
            "authors": list(rec.get("authors") or []), "sha256": rec.get("sha256"),
            "body_start": body[0], "body_end": body[1],
            **{f"n_{k}": len(rec.get(k) or []) for k in ("figures", "units", "officials", "documents", "checks")},
            "warnings": list(rec.get("warnings") or []), "text": rec.get("text"),
            "duplicate_of": rec.get("duplicate_of"), "pipeline_version": rec.get("pipeline_version"),
            "meta": _json_text(rec.get("meta"))}


def _json_text(value) -> str | None:
    """A JSON value as compact JSON text (the input's own metadata, kept as it came)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _figure_rows(rec: dict, units: dict) -> list[dict]:
    rows = []
    for f in rec["figures"]:
        subject = f.get("subject") or {}
        period = f.get("period") or {}
        sentence = f.get("sentence") or [None, None]
        rows.append({
            "doc_id": rec["doc_id"], "figure_id": f["id"], "span_start": f["span"][0],
            "span_end": f["span"][1], "surface": f.get("surface"),
            "quote": _slice(rec, f.get("sentence")),
            "sentence_start": sentence[0], "sentence_end": sentence[1],
            **{k: f.get(k) for k in ("value", "denominator", "kind", "approx", "object", "aspect",
                                     "noun", "change")},
            **_unit_columns(units.get(subject.get("unit"))),
            "aggregate": subject.get("aggregate"), "subject_text": subject.get("text"),
            "period_text": period.get("text"), "period_start": _date(period.get("start")),
            "period_end": _date(period.get("end")),
            "published": _date(rec.get("published")), "source": rec.get("source")})
    return rows


def _first_mention(rec: dict, mentions: list) -> dict:
    first = min(mentions, default=None)
    return {"span_start": first and first[0], "span_end": first and first[1],
            "surface": _slice(rec, first)}


def _unit_rows(rec: dict) -> list[dict]:
    return [{"doc_id": rec["doc_id"], "unit_id": u["id"],
             **{k: u.get(k) for k in ("type", "name", "code", "district", "province", "code_2025",
                                      "register")},
             "province_code_2025": _province_2025(u),
             "n_mentions": len(u.get("mentions") or []),
             **_first_mention(rec, u.get("mentions") or [])}
            for u in rec.get("units") or []]


def _official_rows(rec: dict) -> list[dict]:
    return [{"doc_id": rec["doc_id"], "official_id": o["id"], "name": o.get("name"),
             "n_roles": len(o.get("roles") or []), "n_mentions": len(o.get("mentions") or []),
             **_first_mention(rec, o.get("mentions") or [])}
            for o in rec.get("officials") or []]


def _role_rows(rec: dict, units: dict) -> list[dict]:
    return [{"doc_id": rec["doc_id"], "official_id": o["id"], "name": o.get("name"), "role_no": n,
             "title": r.get("title"), "org": r.get("org"), "org_expanded": r.get("org_expanded"),
             **_unit_columns(units.get(r.get("unit")))}
            for o in rec.get("officials") or [] for n, r in enumerate(o.get("roles") or [], 1)]


def _document_rows(rec: dict) -> list[dict]:
    return [{"doc_id": rec["doc_id"], "document_no": n, "type": d.get("type"),
             "number": d.get("number"), "date": _date(d.get("date")), "issuer": d.get("issuer"),
             "span_start": d["span"][0], "span_end": d["span"][1],
             "surface": _slice(rec, d["span"])}
            for n, d in enumerate(rec.get("documents") or [], 1)]


def _check_rows(rec: dict) -> list[dict]:
    figures = {f["id"]: f for f in rec["figures"]}
    rows = []
    for n, c in enumerate(rec.get("checks") or [], 1):
        involved = [figures[i] for i in c.get("figures") or [] if i in figures]
        first = involved[0] if involved else {}
        rows.append({"doc_id": rec["doc_id"], "check_no": n, "kind": c.get("kind"),
                     "figures": list(c.get("figures") or []),
                     "surfaces": [f.get("surface") or "" for f in involved],
                     "computed": c.get("computed"), "stated": c.get("stated"),
                     "message": c.get("message"),
                     "quote": _slice(rec, first.get("sentence"))})
    return rows


def _add_rows(rows: dict[str, list], rec: dict) -> None:
    units = {u["id"]: u for u in rec.get("units") or []}
    rows["articles"].append(_article_row(rec))
    rows["figures"] += _figure_rows(rec, units)
    rows["units"] += _unit_rows(rec)
    rows["officials"] += _official_rows(rec)
    rows["roles"] += _role_rows(rec, units)
    rows["documents"] += _document_rows(rec)
    rows["checks"] += _check_rows(rec)


def table_batches(records: Iterable[dict], batch_records: int | None = None,
                  batch_chars: int | None = None) -> Iterator[dict[str, pa.Table]]:
    """The tables of `records`, `batch_records` (default `BATCH_RECORDS`) records at a time, or
    fewer once their texts reach `batch_chars` (default `BATCH_CHARS`) characters (at least one
    batch, so that an empty input still gives typed, empty tables)."""
    batch_records = batch_records or BATCH_RECORDS
    batch_chars = batch_chars or BATCH_CHARS
    rows: dict[str, list] = {name: [] for name in TABLES}
    n, chars, first = 0, 0, True
    for rec in records:
        _add_rows(rows, rec)
        n += 1
        text = rec.get("text")
        chars += len(text) if isinstance(text, str) else 0
        if n == batch_records or chars >= batch_chars:
            yield {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}
            rows, n, chars, first = {name: [] for name in TABLES}, 0, 0, False
    if n or first:
        yield {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def arrow_tables(records: Iterable[dict]) -> dict[str, pa.Table]:
    batches = list(table_batches(records))
    return {name: pa.concat_tables([b[name] for b in batches]) for name in TABLES}


# --------------------------------------------------------------------------- corrections

def corrected_tables(path, report=None) -> dict[str, pa.Table]:
    """`arrow_tables` of the records with OUTDIR/corrections.jsonl applied (pipeline.corrections),
    plus `reviewed` and `corrected` columns. `report(line)` hears of corrections no longer applying."""
    from .corrections import CorrectionsError, apply_to_records, corrected_flags, read_corrections

    try:
        corrections = read_corrections(records_file(path).parent)
    except CorrectionsError as e:
        raise RecordsError(str(e)) from None
    applied, stale = apply_to_records(read_records(path), corrections)
    if stale and report:
        one = len(stale) == 1
        report(f"{len(stale)} correction{'' if one else 's'} no longer appl{'ies' if one else 'y'} "
               f"(`cchc review` shows them with their articles)")
    tables = arrow_tables([a.record for a in applied])
    marks = {("articles", "reviewed"): [a.reviewed for a in applied],
             ("articles", "corrected"): [a.changed for a in applied],
             **{(f"{kind}s", "corrected"): corrected_flags(applied, kind)
                for kind in ("figure", "unit", "official", "document")}}
    for (name, column), values in marks.items():
        at = tables[name].schema.get_field_index(column)
        tables[name] = tables[name].set_column(at, column, pa.array(values, _B))
    return tables


def load(path) -> dict:
    """pandas DataFrames for `TABLES`, from a records.jsonl or a directory holding one, with
    the reviewers' corrections applied."""
    tables = corrected_tables(path)
    return {name: _with_python_lists(t.to_pandas(date_as_object=False), SCHEMAS[name])
            for name, t in tables.items()}


def _with_python_lists(frame, schema: pa.Schema):
    """List columns as Python lists (pyarrow gives numpy arrays, awkward to compare and print)."""
    for field in schema:
        if pa.types.is_list(field.type):
            frame[field.name] = frame[field.name].map(lambda v: None if v is None else v.tolist())
    return frame


# --------------------------------------------------------------------------- export

class DuckdbMemoryLimit(OSError):
    """DuckDB could not insert or checkpoint within `memory_limit` (records with very long texts
    or many figures): the export is to be run again without the limit."""


def _write_duckdb(batches: Iterator[dict], out: Path, memory_limit: str | None = None) -> dict[str, int]:
    import duckdb

    counts = dict.fromkeys(TABLES, 0)
    config = {"memory_limit": memory_limit} if memory_limit else {}

    def write(tmp: Path) -> None:
        tmp.unlink(missing_ok=True)
        try:
            with duckdb.connect(str(tmp), config=config) as con:
                created: set[str] = set()
                first: dict[str, pa.Table] = {}  # a table of each name, for its columns' comments
                for n, tables in enumerate(batches, 1):
                    if n % DUCKDB_CHECKPOINT_BATCHES == 0:
                        con.execute("CHECKPOINT")  # to the file: memory stays flat
                    for name, table in tables.items():
                        con.register("_arrow", table)
                        if name not in created:
                            con.execute(f"CREATE TABLE {name} AS SELECT * FROM _arrow")
                            created.add(name)
                        elif table.num_rows:
                            con.execute(f"INSERT INTO {name} SELECT * FROM _arrow")
                        con.unregister("_arrow")
                        counts[name] = counts.get(name, 0) + table.num_rows
                        first.setdefault(name, table)
                comment_duckdb(con, {name: t for name, t in first.items() if name in TABLES})
                con.execute("CHECKPOINT")
        except (duckdb.OutOfMemoryException, duckdb.FatalException) as e:
            if memory_limit:
                raise DuckdbMemoryLimit(str(e)) from None
            raise OSError(str(e)) from None
        except duckdb.Error as e:
            raise OSError(str(e)) from None

    out.parent.mkdir(parents=True, exist_ok=True)
    replace_file(out, write)
    return counts


def _write_files(batches: Iterator[dict], out: Path, suffix: str, open_writer) -> dict[str, int]:
    """One file per table, appended to batch by batch, replaced as one set."""
    counts = dict.fromkeys(TABLES, 0)

    def write_tables(folder: Path) -> None:
        writers = {}
        try:
            for tables in batches:
                for name, table in tables.items():
                    fresh = name not in writers
                    if fresh:
                        writers[name] = open_writer(folder / f"{name}.{suffix}", table.schema)
                    if table.num_rows or fresh:
                        writers[name].write_table(table)
                    counts[name] += table.num_rows
        finally:
            for writer in writers.values():
                writer.close()
        for name in TABLES:
            fsync_file(folder / f"{name}.{suffix}")

    replace_set(out, {f"{name}.{suffix}" for name in TABLES}, write_tables)
    return counts


def _write_parquet(batches: Iterator[dict], out: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    return _write_files(batches, out, "parquet", lambda path, schema: pq.ParquetWriter(path, schema))


class _BomCsvWriter:
    """A CSV file in UTF-8 with a byte-order mark (so Excel shows Vietnamese), list columns as
    JSON array text, appended to table by table."""

    def __init__(self, path: Path, schema):
        self.fh = open(path, "wb")
        self.fh.write("\ufeff".encode("utf-8"))
        self.writer = None

    def write_table(self, table) -> None:
        import pyarrow.csv as pcsv

        flat = flat_columns(table)
        if self.writer is None:
            self.writer = pcsv.CSVWriter(self.fh, flat.schema)
        self.writer.write_table(flat)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.fh.close()


def _write_csv(batches: Iterator[dict], out: Path) -> dict[str, int]:
    return _write_files(batches, out, "csv", _BomCsvWriter)


def _write_single_file(write_all):
    """A writer of one file holding every table (Excel, SQLite: built whole), replaced atomically."""
    def write(batches: Iterator[dict], out: Path) -> dict[str, int]:
        parts: dict[str, list] = {name: [] for name in TABLES}
        for tables in batches:
            for name, table in tables.items():
                parts[name].append(table)
        tables = {name: pa.concat_tables(ts) if ts else pa.Table.from_pylist([], SCHEMAS[name])
                  for name, ts in parts.items()}
        out.parent.mkdir(parents=True, exist_ok=True)
        replace_file(out, lambda tmp: write_all(tables, tmp))
        return {name: t.num_rows for name, t in tables.items()}
    return write


WRITERS = {"duckdb": _write_duckdb, "parquet": _write_parquet, "csv": _write_csv,
           "xlsx": _write_single_file(write_xlsx), "sqlite": _write_single_file(write_sqlite)}


def export(records_path, to: str | None, out) -> dict[str, int]:
    """Write the tables of `records_path` (with the reviewers' corrections applied) as a DuckDB,
    SQLite or Excel file, or a directory of Parquet or CSV files (one per table), replacing what
    `out` held as one step. `to=None` takes the format from `out`'s suffix
    (`formats.infer_format`). The records are read and the tables written batch by batch; an
    archive with corrections (OUTDIR/corrections.jsonl) is read whole, to apply them. An
    existing DuckDB database of an archive without corrections is updated in place, by doc_id.
    Returns the number of rows per table."""
    to = infer_format(out, to)
    source = records_file(records_path)
    try:
        source.stat()  # a missing input fails before anything is written
    except OSError as e:
        raise RecordsError(f"{source}: {e.strerror or e}") from None
    if (source.parent / "corrections.jsonl").exists():
        batches = iter([corrected_tables(records_path, report=lambda line: print(
            f"cchc export: {line}", file=sys.stderr))])
    elif to == "duckdb":
        from .duckdb_update import export_duckdb

        return export_duckdb(records_path, Path(out))
    else:
        batches = table_batches(iter_records(records_path))
    counts = WRITERS[to](batches, Path(out))
    return {name: counts.get(name, 0) for name in TABLES}


def _terminated(signum, frame):
    raise SystemExit(128 + signum)  # unwinds like an error: the temporary files are removed


def cmd_export(args) -> int:
    import signal
    import threading

    from .ingest import printable

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        fmt = infer_format(args.out, args.to)
    except FormatError as e:
        print(f"cchc export: {e}", file=sys.stderr)
        return 2
    try:
        counts = export(args.records, fmt, args.out)
    except RecordsError as e:
        print(printable(f"cchc export: {e}"), file=sys.stderr)
        return 1
    except OSError as e:
        print(printable(f"cchc export: cannot write {args.out}: {e.strerror or e}"), file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(printable(f"cchc export: {summary} -> {args.out} ({fmt})"), file=sys.stderr)
    return 0
