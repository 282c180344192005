"""Export formats beyond the tables themselves: which format a path names, and the writers for
CSV (UTF-8 with BOM), Excel (.xlsx, one sheet per table) and SQLite, plus the column comments
a DuckDB file carries.

List columns (`articles.authors`, `articles.warnings`, `checks.figures`, `checks.surfaces`)
are real lists in Parquet and DuckDB. Formats without a list type (CSV, Excel, SQLite) hold
each list as one JSON array text, e.g. `["f2","f3"]` (`LIST_ENCODING`); an empty list is `[]`
and a missing one is empty.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

# suffix of the output path -> format; the per-table formats write a directory of files
SUFFIX_FORMATS = {".duckdb": "duckdb", ".db": "duckdb", ".parquet": "parquet", ".csv": "csv",
                  ".xlsx": "xlsx", ".sqlite": "sqlite", ".sqlite3": "sqlite"}
FORMATS = ("duckdb", "parquet", "csv", "xlsx", "sqlite")
DIRECTORY_FORMATS = ("parquet", "csv")
DEFAULT_FORMAT = "duckdb"
LIST_ENCODING = "JSON array text, e.g. [\"f2\",\"f3\"]"
UTF8_BOM = "\ufeff"


class FormatError(ValueError):
    """The output format cannot be decided: a `--to` that contradicts the path's suffix, or an
    unknown format."""


def infer_format(out, to: str | None = None) -> str:
    """The format to write `out` in: `to` when given, else the one its suffix names
    (`x.parquet` -> parquet, `x.sqlite` -> sqlite, ...), else DuckDB. A `to` that contradicts
    a known suffix is an error rather than a silent surprise."""
    suffix = Path(str(out)).suffix.lower()
    named = SUFFIX_FORMATS.get(suffix)
    if to is not None and to not in FORMATS:
        raise FormatError(f"unknown export format {to!r}: use one of {', '.join(FORMATS)}")
    if to is not None and named is not None and named != to:
        raise FormatError(f"--to {to} contradicts the output name {Path(str(out)).name!r} "
                          f"(a {named} name); drop --to or rename the output")
    return to or named or DEFAULT_FORMAT


# --------------------------------------------------------------------------- flat cells

def _is_list(field) -> bool:
    import pyarrow as pa

    return pa.types.is_list(field.type) or pa.types.is_large_list(field.type)


def flat_columns(table):
    """`table` (a pyarrow Table) with every list column as JSON array text (for CSV, Excel,
    SQLite)."""
    import pyarrow as pa

    for i, field in enumerate(table.schema):
        if _is_list(field):
            texts = [None if v is None else json.dumps(v, ensure_ascii=False, separators=(",", ":"))
                     for v in table.column(i).to_pylist()]
            table = table.set_column(i, pa.field(field.name, pa.string()), pa.array(texts, pa.string()))
    return table


def _cell(value):
    """A Python value as a SQLite/Excel cell: dates as ISO text, the rest unchanged."""
    return value.isoformat() if hasattr(value, "isoformat") else value


# --------------------------------------------------------------------------- writers
# Each takes (tables, path of a temporary file or directory to fill).

def write_csv(table, path: Path) -> None:
    """One table as CSV in UTF-8 with a byte-order mark, so Excel shows Vietnamese text."""
    import pyarrow.csv as pcsv

    with open(path, "wb") as fh:
        fh.write(UTF8_BOM.encode("utf-8"))
        pcsv.write_csv(flat_columns(table), fh)


def write_xlsx(tables: dict, path: Path) -> None:
    """One workbook, one sheet per table (header row, then one row per fact)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, table in tables.items():
        sheet = book.create_sheet(title=name)
        flat = flat_columns(table)
        sheet.append(flat.column_names)
        for row in flat.to_pylist():
            sheet.append([_excel_cell(v) for v in row.values()])
    book.save(path)


def _excel_cell(value):
    """A cell value Excel accepts: control characters (which XML cannot hold) dropped, text
    cut at Excel's 32,767 characters (an article's text may be longer)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > 32767:
            return value[:32766] + "…"
    return value


SQLITE_TYPES = {"string": "TEXT", "int64": "INTEGER", "double": "REAL", "bool": "INTEGER",
                "date32[day]": "TEXT"}


def write_sqlite(tables: dict, path: Path) -> None:
    """One SQLite database with the tables (dates as ISO text, lists as JSON text), readable
    by `sqlite3` and browsable with `datasette`."""
    try:
        con = sqlite3.connect(path)
    except sqlite3.Error as e:
        raise OSError(str(e)) from None
    try:
        for name, table in tables.items():
            flat = flat_columns(table)
            columns = ", ".join(f'"{f.name}" {SQLITE_TYPES.get(str(f.type), "TEXT")}' for f in flat.schema)
            con.execute(f'CREATE TABLE "{name}" ({columns})')
            marks = ", ".join("?" * flat.num_columns)
            con.executemany(f'INSERT INTO "{name}" VALUES ({marks})',
                            ([_cell(v) for v in row.values()] for row in flat.to_pylist()))
        con.commit()
    except sqlite3.Error as e:
        raise OSError(str(e)) from None
    finally:
        con.close()


# --------------------------------------------------------------------------- DuckDB comments

def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_duckdb(con, tables) -> None:
    """`COMMENT ON TABLE/COLUMN` for every table and column (from the data dictionary), so
    `DESCRIBE`, `duckdb_tables()` and `duckdb_columns()` explain them."""
    from .dictionary import column_description, table_description

    for name in tables:
        con.execute(f"COMMENT ON TABLE {name} IS {_sql_text(table_description(name))}")
        for column in tables[name].column_names:
            con.execute(f"COMMENT ON COLUMN {name}.{column} IS {_sql_text(column_description(name, column))}")
