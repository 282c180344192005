"""Tables from records: `pipeline.load`, `cchc export` (DuckDB, Parquet, CSV), the README's
queries, and `cchc conflicts`."""
import datetime as dt
import json

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline
from conftest import ROOT
from pipeline.cli import main
from pipeline.export import README_QUERIES, SCHEMAS, TABLES, load
from pipeline.record_conflicts import find_conflicts
from pipeline.extract import extract_article
from pipeline.ingest import iter_articles

YEAR_2023 = {"text": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}
YEAR_2024 = {"text": "năm 2024", "start": "2024-01-01", "end": "2024-12-31"}


# --------------------------------------------------------------------------- hand-made records

def figure(text, surface, fid, value, kind="percent", aspect="on_time", unit="u1", period=YEAR_2024,
           obj="dossier", denominator=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    sentence_start = text.rfind(".", 0, start) + 1
    sentence_end = text.find(".", start)
    sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
    return {"id": fid, "span": [start, start + len(surface)], "surface": surface, "value": value,
            "denominator": denominator, "kind": kind, "approx": "exact", "object": obj, "aspect": aspect,
            "noun": "hồ sơ", "change": False,
            "subject": {"unit": unit, "aggregate": None if unit else "xã", "text": None},
            "period": period, "sentence": [sentence_start, sentence_end]}


def unit(text, uid, type_, name, code, province, district=None):
    mention = f"{type_} {name}"
    start = text.index(mention)
    return {"id": uid, "type": type_, "name": name, "code": code, "district": district,
            "province": province, "code_2025": None, "mentions": [[start, start + len(mention)]]}


def record(doc_id, text, figures=(), units=(), officials=(), documents=(), checks=(), published="2024-12-20"):
    return {"schema_version": "1", "doc_id": doc_id, "source": f"in/{doc_id}.txt", "sha256": "0" * 64,
            "text": text, "title": f"Tin {doc_id}", "published": published, "authors": [],
            "body": [0, len(text)], "figures": list(figures), "units": list(units),
            "officials": list(officials), "documents": list(documents), "checks": list(checks),
            "warnings": []}


def official(text, pid, name, roles):
    start = text.index(name)
    return {"id": pid, "name": name, "roles": roles, "mentions": [[start, start + len(name)]]}


def write_records(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def tan_hong(doc_id, on_time_2024, published="2024-12-20"):
    text = (f"Năm 2024, huyện Tân Hồng giải quyết đúng hạn {on_time_2024} hồ sơ. "
            f"Năm 2023, huyện Tân Hồng đạt 98% đúng hạn.")
    return record(doc_id, text, published=published,
                  figures=[figure(text, on_time_2024, "f1", float(on_time_2024.rstrip("%").replace(",", "."))),
                           figure(text, "98%", "f2", 98, period=YEAR_2023)],
                  units=[unit(text, "u1", "huyện", "Tân Hồng", "869", "Đồng Tháp")])


@pytest.fixture
def dataset(tmp_path):
    """Four articles with known on-time rates, an official in two of them and one check."""
    a = tan_hong("a", "99,5%")
    text_b = "Năm 2024, huyện Hồng Ngự đạt 97,5% hồ sơ đúng hạn, 90% trực tuyến. Các xã đạt 96% đúng hạn."
    b = record("b", text_b, figures=[
        figure(text_b, "97,5%", "f1", 97.5), figure(text_b, "90%", "f2", 90, aspect="online"),
        figure(text_b, "96%", "f3", 96, unit=None)],
        units=[unit(text_b, "u1", "huyện", "Hồng Ngự", "870", "Đồng Tháp")])
    text_c = ("Ông Nguyễn Văn A, Chủ tịch UBND thành phố Lạng Sơn, cho biết năm 2023 thành phố Lạng Sơn "
              "giải quyết 95% hồ sơ đúng hạn, hoàn thành 22/24 nhiệm vụ, đạt 91,16%.")
    c = record("c", text_c, published="2023-12-04", figures=[
        figure(text_c, "95%", "f1", 95, period=YEAR_2023),
        figure(text_c, "22/24", "f2", 22, kind="ratio", aspect="completed", obj="task", denominator=24),
        figure(text_c, "91,16%", "f3", 91.16, aspect="completed", obj="task")],
        units=[unit(text_c, "u1", "thành phố", "Lạng Sơn", "178", "Lạng Sơn")],
        officials=[official(text_c, "p1", "Nguyễn Văn A", [
            {"title": "Chủ tịch", "org": "UBND thành phố Lạng Sơn",
             "org_expanded": "Ủy ban nhân dân thành phố Lạng Sơn", "unit": "u1"}])],
        checks=[{"kind": "ratio_percent_mismatch", "figures": ["f2", "f3"], "computed": 91.67,
                 "stated": 91.16, "message": "22/24 is 91.67 %, but the article states 91,16%."}])
    text_d = "Theo Kế hoạch số 249/KH-UBND ngày 29/12/2021, ông Nguyễn Văn A, Bí thư Thành ủy, đánh giá cao."
    plan = "Kế hoạch số 249/KH-UBND ngày 29/12/2021"
    d = record("d", text_d, published=None,
               officials=[official(text_d, "p1", "Nguyễn Văn A", [
                   {"title": "Bí thư", "org": "Thành ủy", "org_expanded": "Thành ủy", "unit": None}])],
               documents=[{"type": "Kế hoạch", "number": "249/KH-UBND", "date": "2021-12-29",
                           "issuer": None, "span": [text_d.index(plan), text_d.index(plan) + len(plan)]}])
    return write_records(tmp_path / "records.jsonl", [a, b, c, d])


@pytest.fixture(scope="module")
def corpus_records(tmp_path_factory):
    """The pipeline's records for corpus/, extracted in this process."""
    records = [extract_article(a) for a in iter_articles([str(ROOT / "corpus")])]
    return write_records(tmp_path_factory.mktemp("corpus") / "records.jsonl", records), records


def duck(path, sql):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


# --------------------------------------------------------------------------- load

def test_load_has_every_table_with_its_columns(dataset):
    tables = load(dataset)
    assert list(tables) == list(TABLES)
    for name, df in tables.items():
        assert list(df.columns) == SCHEMAS[name].names
    assert [len(tables[n]) for n in TABLES] == [4, 8, 3, 2, 2, 1, 1]


def test_load_joins_units_quotes_sentences_and_parses_dates(dataset):
    tables = pipeline.load(dataset.parent)  # the directory works as well as the file
    figures = tables["figures"].set_index(["doc_id", "figure_id"])
    f = figures.loc[("b", "f1")]
    assert (f.surface, f.value, f.kind, f.aspect) == ("97,5%", 97.5, "percent", "on_time")
    assert (f.unit_code, f.unit_name, f.unit_type, f.unit_province) == ("870", "Hồng Ngự", "huyện", "Đồng Tháp")
    assert f.quote == "Năm 2024, huyện Hồng Ngự đạt 97,5% hồ sơ đúng hạn, 90% trực tuyến."
    assert f.period_start == pd.Timestamp("2024-01-01") and f.period_end == pd.Timestamp("2024-12-31")
    assert pd.api.types.is_datetime64_any_dtype(tables["figures"].period_start)
    aggregate = figures.loc[("b", "f3")]
    assert pd.isna(aggregate["unit_id"]) and aggregate["aggregate"] == "xã"
    assert figures.loc[("c", "f2")].denominator == 24

    units = tables["units"].set_index(["doc_id", "unit_id"])
    assert units.loc[("c", "u1")].surface == "thành phố Lạng Sơn"
    assert units.loc[("c", "u1")].n_mentions == 1

    roles = tables["roles"].sort_values("doc_id")
    assert list(roles.title) == ["Chủ tịch", "Bí thư"]
    assert list(roles.unit_code.fillna("-")) == ["178", "-"]
    documents = tables["documents"]
    assert documents.date.iloc[0] == pd.Timestamp("2021-12-29")
    assert documents.surface.iloc[0] == "Kế hoạch số 249/KH-UBND ngày 29/12/2021"
    check = tables["checks"].iloc[0]
    assert (check.doc_id, check.figures, check.surfaces) == ("c", ["f2", "f3"], ["22/24", "91,16%"])
    articles = tables["articles"].set_index("doc_id")
    assert articles.loc["c", "n_checks"] == 1 and pd.isna(articles.loc["d", "published"])


def test_load_matches_the_pipeline_records(corpus_records):
    path, records = corpus_records
    tables = load(path)
    assert len(tables["figures"]) == sum(len(r["figures"]) for r in records)
    assert len(tables["roles"]) == sum(len(o["roles"]) for r in records for o in r["officials"])
    texts = {r["doc_id"]: r["text"] for r in records}
    for row in tables["figures"].itertuples():
        assert texts[row.doc_id][row.span_start:row.span_end] == row.surface
        assert texts[row.doc_id][row.sentence_start:row.sentence_end] == row.quote
    units = {(r["doc_id"], u["id"]): u for r in records for u in r["units"]}
    for row in tables["figures"].dropna(subset=["unit_id"]).itertuples():
        assert row.unit_name == units[(row.doc_id, row.unit_id)]["name"]


# --------------------------------------------------------------------------- export

def test_duckdb_export_round_trips(corpus_records, tmp_path):
    path, records = corpus_records
    out = tmp_path / "db" / "dataset.duckdb"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert duck(out, "SELECT count(*) FROM figures")[0][0] == sum(len(r["figures"]) for r in records)
    for name in TABLES:
        assert duck(out, f"SELECT count(*) FROM {name}")[0][0] == len(load(path)[name])
    got = set(duck(out, "SELECT doc_id, figure_id, span_start, span_end, value, period_end FROM figures"))
    expected = {(r["doc_id"], f["id"], *f["span"], f["value"],
                 dt.date.fromisoformat(f["period"]["end"]) if f["period"] and f["period"]["end"] else None)
                for r in records for f in r["figures"]}
    assert got == expected


def test_duckdb_export_replaces_an_existing_file(dataset, tmp_path):
    out = tmp_path / "dataset.duckdb"
    assert main(["export", str(dataset), "--to", "duckdb", "-o", str(out)]) == 0
    lines = dataset.read_text(encoding="utf-8").splitlines(keepends=True)
    smaller = write_records(tmp_path / "two.jsonl", [json.loads(x) for x in lines[:2]])
    assert main(["export", str(smaller), "-o", str(out)]) == 0
    assert duck(out, "SELECT count(*) FROM articles")[0][0] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset.duckdb", "records.jsonl", "two.jsonl"]


def test_duckdb_export_past_its_memory_limit_runs_again_without_it(corpus_records, tmp_path, monkeypatch):
    """Records too large for the streamed export's DuckDB memory limit: the same database,
    built again without the limit (as before the limit existed), nothing left behind."""
    from pipeline import duckdb_update
    from pipeline.export import DuckdbMemoryLimit

    path, records = corpus_records
    real, limits = duckdb_update._write_duckdb, []

    def tight(batches, out, memory_limit=None):
        limits.append(memory_limit)
        if memory_limit:
            next(iter(batches))  # fails halfway, as DuckDB does
            raise DuckdbMemoryLimit("Out of Memory Error: failed to pin block")
        return real(batches, out, memory_limit)

    monkeypatch.setattr(duckdb_update, "_write_duckdb", tight)
    out = tmp_path / "db" / "dataset.duckdb"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert limits == [duckdb_update.DUCKDB_MEMORY_LIMIT, None]
    assert duck(out, "SELECT count(*) FROM figures")[0][0] == sum(len(r["figures"]) for r in records)
    assert duck(out, f"SELECT count(*) FROM {duckdb_update.STATE_TABLE}")[0][0] == len(records)
    assert sorted(p.name for p in out.parent.iterdir()) == ["dataset.duckdb"]


def test_batches_end_at_a_number_of_records_or_of_characters():
    from pipeline.export import table_batches

    records = [{"doc_id": f"d{i}", "text": "x" * size, "figures": []} for i, size in enumerate([5, 5, 30, 5, 5])]
    sizes = [len(b["articles"]) for b in table_batches(records, batch_records=2, batch_chars=20)]
    assert sizes == [2, 1, 2]  # two records; the long text alone; the last two
    assert [len(b["articles"]) for b in table_batches([], 2, 20)] == [0]


def test_parquet_export(dataset, tmp_path):
    out = tmp_path / "parquet"
    assert main(["export", str(dataset), "--to", "parquet", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.parquet" for n in TABLES)
    figures = pq.read_table(out / "figures.parquet")
    assert figures.num_rows == 8
    assert str(figures.schema.field("period_start").type) == "date32[day]"
    assert dt.date(2023, 12, 31) in figures.column("period_end").to_pylist()


def test_csv_export(dataset, tmp_path):
    out = tmp_path / "csv"
    assert main(["export", str(dataset), "--to", "csv", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in TABLES)
    figures = pd.read_csv(out / "figures.csv", dtype={"unit_code": str})
    expected = load(dataset)["figures"]
    assert len(figures) == len(expected)
    assert list(figures.columns) == list(expected.columns)
    assert list(figures.quote) == list(expected.quote)
    assert set(figures.period_start.dropna()) == {"2023-01-01", "2024-01-01"}
    assert set(figures.unit_code.dropna()) == {"869", "870", "178"}


def test_export_of_unreadable_input_fails_cleanly(tmp_path, capsys):
    assert main(["export", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "x.duckdb")]) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "figures": []}\nnot json\n', encoding="utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "x.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "missing.jsonl" in err and "line 2: not JSON" in err and "Traceback" not in err
    assert not (tmp_path / "x.duckdb").exists()


def test_export_to_an_unwritable_path_fails_cleanly(dataset, tmp_path, capsys):
    (tmp_path / "a_dir.duckdb").mkdir()
    (tmp_path / "a_file").write_text("x")
    assert main(["export", str(dataset), "-o", str(tmp_path / "a_dir.duckdb")]) == 1
    assert main(["export", str(dataset), "--to", "csv", "-o", str(tmp_path / "a_file")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "a_dir.duckdb" in err and "a_file" in err and "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------- README queries

def test_readme_quotes_the_queries():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for sql in README_QUERIES.values():
        assert sql in readme


def test_readme_queries_on_known_records(dataset, tmp_path):
    out = tmp_path / "dataset.duckdb"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    on_time, checks, officials = (duck(out, sql) for sql in README_QUERIES.values())
    # Đồng Tháp 2024: Tân Hồng 99.5 and Hồng Ngự 97.5; the aggregate "các xã" figure is left out
    assert on_time == [("Lạng Sơn", "20", 2023, 95.0, 1, 1), ("Đồng Tháp", "87", 2023, 98.0, 1, 1),
                       ("Đồng Tháp", "87", 2024, 98.5, 2, 2)]
    assert checks == [(dt.date(2023, 12, 4), "Tin c", "ratio_percent_mismatch",
                       "22/24 is 91.67 %, but the article states 91,16%.",
                       load(dataset)["figures"].set_index(["doc_id", "figure_id"]).loc[("c", "f2"), "quote"])]
    assert officials == [("Nguyễn Văn A", 2, "Bí thư; Chủ tịch")]


def test_readme_queries_on_the_corpus(corpus_records, tmp_path):
    path, records = corpus_records
    out = tmp_path / "dataset.duckdb"
    assert main(["export", str(path), "-o", str(out)]) == 0
    on_time = duck(out, README_QUERIES["on-time rate by province and year"])
    figures = load(path)["figures"]
    n_on_time = len(figures.query("kind == 'percent' and aspect == 'on_time' and object == 'dossier' "
                                  "and unit_province.notna() and period_end.notna()"))
    assert n_on_time and sum(row[4] for row in on_time) == n_on_time
    assert all(0 <= row[3] <= 100 for row in on_time)
    checks = duck(out, README_QUERIES["failed checks with the article and the sentence"])
    assert sorted(row[3] for row in checks) == sorted(c["message"] for r in records for c in r["checks"])
    officials = duck(out, README_QUERIES["officials by number of articles"])
    assert {row[0] for row in officials} <= {o["name"] for r in records for o in r["officials"]}


# --------------------------------------------------------------------------- conflicts

def test_conflicting_values_across_records_are_listed(tmp_path, capsys):
    records = [tan_hong("a", "99,5%"), tan_hong("b", "97%"), tan_hong("c", "99,5%")]
    out = tmp_path / "out"
    out.mkdir()
    write_records(out / "records.jsonl", records)
    assert main(["conflicts", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "huyện Tân Hồng (869, Đồng Tháp)" in printed and "2024-01-01..2024-12-31" in printed
    for doc_id in "abc":
        assert f"in/{doc_id}.txt" in printed
    assert "[97%]" in printed and "[99,5%]" in printed
    assert "2023-01-01" not in printed  # the 2023 figures agree (98% everywhere)
    assert printed.rstrip().endswith("1 conflict across 3 records")


def test_agreeing_records_have_no_conflict(tmp_path, capsys):
    path = write_records(tmp_path / "records.jsonl", [tan_hong("a", "99,5%"), tan_hong("b", "99,5%")])
    assert main(["conflicts", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "0 conflicts across 2 records"


def test_conflict_grouping_rules(tmp_path):
    a, b = tan_hong("a", "99,5%"), tan_hong("b", "97%")
    b["figures"][0]["period"] = {"text": "9 tháng", "start": "2024-01-01", "end": "2024-09-30"}
    path = write_records(tmp_path / "r.jsonl", [a, b])
    assert find_conflicts(load(path)["figures"]).empty  # different periods

    # without a code, units are matched by type, name and province
    a, b = tan_hong("a", "99,5%"), tan_hong("b", "97%")
    for r in (a, b):
        r["units"][0]["code"] = None
    b2 = json.loads(json.dumps(b))
    b2["doc_id"], b2["units"][0]["province"] = "b2", "An Giang"
    path = write_records(tmp_path / "r.jsonl", [a, b, b2])
    found = find_conflicts(load(path)["figures"])
    assert sorted(found.doc_id) == ["a", "b"] and set(found.conflict) == {1}

    # two values inside one record are not a conflict between records
    single = tan_hong("a", "99,5%")
    single["figures"][1]["period"] = YEAR_2024
    assert find_conflicts(load(write_records(tmp_path / "r.jsonl", [single]))["figures"]).empty


def test_conflicts_on_unreadable_input(tmp_path, capsys):
    assert main(["conflicts", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "records.jsonl" in err and "Traceback" not in err


# --------------------------------------------------------------------------- the 2025 province key


def test_every_figure_has_the_2025_province_of_its_unit(tmp_path):
    """A time series across the 2025 change groups on one key: a 2019 figure of old Vĩnh Phúc,
    a 2024 one of a Hà Nội commune and a 2026 one of the merged Phú Thọ."""
    text_a = "Năm 2024, tỉnh Vĩnh Phúc đạt 98% hồ sơ đúng hạn."
    a = record("a", text_a, figures=[figure(text_a, "98%", "f1", 98)],
               units=[{**unit(text_a, "u1", "tỉnh", "Vĩnh Phúc", "26", None), "code_2025": "25",
                       "register": "pre-2025", "predecessors": []}])
    text_b = "Năm 2024, xã Chuyên Mỹ đạt 97% hồ sơ đúng hạn."
    b = record("b", text_b, figures=[figure(text_b, "97%", "f1", 97)],
               units=[{**unit(text_b, "u1", "xã", "Chuyên Mỹ", "10321", "Hà Nội", "Phú Xuyên"),
                       "code_2025": "10330", "register": "pre-2025", "predecessors": []}])
    text_c = "Năm 2024, tỉnh Phú Thọ đạt 99% hồ sơ đúng hạn."
    c = record("c", text_c, published="2026-01-10", figures=[figure(text_c, "99%", "f1", 99)],
               units=[{**unit(text_c, "u1", "tỉnh", "Phú Thọ", None, None), "code_2025": "25",
                       "register": "2025", "predecessors": ["17", "25", "26"]}])
    text_d = "Năm 2024, xã Thụy Phú đạt 96% hồ sơ đúng hạn."  # not linked: its province decides
    d = record("d", text_d, figures=[figure(text_d, "96%", "f1", 96)],
               units=[unit(text_d, "u1", "xã", "Thụy Phú", None, "Hà Nội")])
    tables = load(write_records(tmp_path / "records.jsonl", [a, b, c, d]))
    figures = tables["figures"].set_index("doc_id")
    assert figures.unit_province_code_2025.to_dict() == {"a": "25", "b": "01", "c": "25", "d": "01"}
    assert figures.unit_register.fillna("-").to_dict() == {"a": "pre-2025", "b": "pre-2025", "c": "2025",
                                                           "d": "-"}
    units = tables["units"].set_index("doc_id")
    assert units.province_code_2025.to_dict() == {"a": "25", "b": "01", "c": "25", "d": "01"}
