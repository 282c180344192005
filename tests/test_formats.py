"""Export formats: the format a name implies, CSV with a BOM, Excel and SQLite with every
table, lists as real lists, province roll-ups, and quotes kept with --no-text."""
import json
import sqlite3

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.export import TABLES, load
from pipeline.formats import FormatError, infer_format
from conftest import ROOT
from test_export import dataset, duck, figure, record, unit, write_records  # noqa: F401  (dataset: the fixture)

ROWS = [4, 8, 3, 2, 2, 1, 1]  # rows per table of the `dataset` fixture, in TABLES order


@pytest.mark.parametrize("name,to,expected", [
    ("x.parquet", None, "parquet"), ("x.csv", None, "csv"), ("x.duckdb", None, "duckdb"),
    ("x.xlsx", None, "xlsx"), ("x.sqlite", None, "sqlite"), ("X.SQLITE3", None, "sqlite"),
    ("dir/tables", None, "duckdb"), ("tables", "parquet", "parquet"), ("x.duckdb", "duckdb", "duckdb")])
def test_format_from_the_name(name, to, expected):
    assert infer_format(name, to) == expected


def test_a_to_that_contradicts_the_name_is_an_error():
    with pytest.raises(FormatError, match="contradicts"):
        infer_format("x.parquet", "duckdb")


def test_contradiction_is_a_usage_error_on_the_command_line(dataset, tmp_path, capsys):
    assert main(["export", str(dataset), "--to", "duckdb", "-o", str(tmp_path / "x.parquet")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "contradicts" in err
    assert not (tmp_path / "x.parquet").exists()


def test_parquet_name_writes_parquet_with_real_lists(dataset, tmp_path):
    out = tmp_path / "x.parquet"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.parquet" for n in TABLES)
    checks = pq.read_table(out / "checks.parquet")
    assert pa.types.is_list(checks.schema.field("figures").type)
    assert checks.column("figures").to_pylist() == [["f2", "f3"]]
    assert checks.column("surfaces").to_pylist() == [["22/24", "91,16%"]]
    assert pq.read_table(out / "articles.parquet").column("authors").to_pylist() == [[], [], [], []]


def test_duckdb_lists_unnest(dataset, tmp_path):
    out = tmp_path / "x.duckdb"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    assert duck(out, "SELECT unnest(figures) FROM checks") == [("f2",), ("f3",)]
    assert duck(out, "SELECT data_type FROM duckdb_columns() WHERE table_name = 'checks' "
                     "AND column_name = 'surfaces'") == [("VARCHAR[]",)]


def test_csv_has_a_bom_and_json_lists(dataset, tmp_path):
    out = tmp_path / "x.csv"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    raw = (out / "checks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf\"doc_id\"")
    text = raw.decode("utf-8-sig")
    assert '"[""f2"",""f3""]"' in text and "22/24" in text
    assert "Hồng Ngự" in (out / "figures.csv").read_text(encoding="utf-8-sig")


def test_xlsx_has_one_sheet_per_table(dataset, tmp_path):
    out = tmp_path / "x.xlsx"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == list(TABLES)
    assert [len(list(book[n].iter_rows(values_only=True))) - 1 for n in TABLES] == ROWS
    header, first = list(book["checks"].iter_rows(max_row=2, values_only=True))
    row = dict(zip(header, first))
    assert json.loads(row["figures"]) == ["f2", "f3"] and row["computed"] == 91.67


def test_sqlite_reads_back_every_table(dataset, tmp_path):
    out = tmp_path / "x.sqlite"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    con = sqlite3.connect(out)
    try:
        assert [con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in TABLES] == ROWS
        figures = {r[0]: r[1:] for r in con.execute(
            "SELECT doc_id || ':' || figure_id, value, period_end, unit_province_code FROM figures")}
        assert figures["b:f1"] == (97.5, "2024-12-31", "87")
        assert json.loads(con.execute("SELECT surfaces FROM checks").fetchone()[0]) == ["22/24", "91,16%"]
    finally:
        con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl", "x.sqlite"]


def test_by_province_and_year_is_one_group_by(dataset, tmp_path):
    """Districts and a provincial city roll up to their province's name and code."""
    out = tmp_path / "x.duckdb"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    rows = duck(out, "SELECT unit_province, unit_province_code, year(period_end), count(*) FROM figures "
                     "WHERE unit_id IS NOT NULL GROUP BY ALL ORDER BY ALL")
    assert rows == [("Lạng Sơn", "20", 2023, 1), ("Lạng Sơn", "20", 2024, 2), ("Đồng Tháp", "87", 2023, 1),
                    ("Đồng Tháp", "87", 2024, 3)]


def test_a_province_is_its_own_province(tmp_path):
    text = "Năm 2024, tỉnh Đồng Tháp đạt 99% hồ sơ đúng hạn."
    rec = record("p", text, figures=[figure(text, "99%", "f1", 99)],
                 units=[unit(text, "u1", "tỉnh", "Đồng Tháp", "87", None)])
    write_records(tmp_path / "records.jsonl", [rec])
    f = load(tmp_path)["figures"].iloc[0]
    assert (f.unit_province, f.unit_province_code) == ("Đồng Tháp", "87")


def test_no_text_keeps_quotes_and_surfaces(tmp_path):
    """--no-text records carry the quoted spans' text, so the tables match a full run's."""
    for flag, out in (([], "full"), (["--no-text"], "bare")):
        assert main(["extract", str(ROOT / "corpus"), "-o", str(tmp_path / out), "--workers", "1", *flag]) == 0
    bare = [json.loads(line) for line in (tmp_path / "bare" / "records.jsonl").open(encoding="utf-8")]
    assert all("text" not in r and r["excerpts"] for r in bare)
    full, without = load(tmp_path / "full"), load(tmp_path / "bare")
    for table, columns in {"figures": ["quote"], "units": ["surface"], "officials": ["surface"],
                           "documents": ["surface"], "checks": ["quote"]}.items():
        for column in columns:
            assert without[table][column].tolist() == full[table][column].tolist(), (table, column)
            assert without[table][column].notna().all() or table == "checks"
    assert without["articles"].text.isna().all()


def test_xlsx_takes_control_characters_and_long_texts(tmp_path):
    text = "Năm 2024, huyện Tân Hồng đạt 99% hồ sơ đúng hạn.\x07 " + "x" * 40000
    rec = record("long", text, figures=[figure(text, "99%", "f1", 99)],
                 units=[unit(text, "u1", "huyện", "Tân Hồng", "869", "Đồng Tháp")])
    write_records(tmp_path / "records.jsonl", [rec])
    assert main(["export", str(tmp_path), "-o", str(tmp_path / "x.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "x.xlsx", read_only=True)["articles"]
    header, row = list(sheet.iter_rows(values_only=True))
    cell = dict(zip(header, row))["text"]
    assert len(cell) == 32767 and cell.endswith("…") and "\x07" not in cell


@pytest.mark.parametrize("name", ["x.xlsx", "x.sqlite", "x.duckdb", "x.csv"])
def test_unwritable_output_is_a_one_line_error(dataset, tmp_path, capsys, name):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert main(["export", str(dataset), "-o", str(blocker / name)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cchc export: cannot write") and err.count("\n") == 1
