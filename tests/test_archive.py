"""OUTDIR as an archive that grows: runs add new articles, replace changed ones in place and
keep the others; --replace; OUTDIR inside an input folder; kill -9 during an add; duplicates
(exact, near, and a distinct story sharing a long paragraph); provenance fields and exports."""
from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_jsonl
from pipeline.batch import run_extract
from pipeline.duplicates import DuplicateIndex, fingerprint
from pipeline.export import load
from pipeline.record_conflicts import find_conflicts, without_duplicates
from pipeline.manifest import pipeline_version
from test_batch import cchc, run_until_journal, summary_of

SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
BOILERPLATE = ("Mọi thông tin chi tiết xin liên hệ Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục "
               "hành chính, số điện thoại đường dây nóng được niêm yết công khai tại trụ sở; người dân, "
               "doanh nghiệp có thể tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công quốc gia hoặc ứng "
               "dụng VNeID, phản ánh kiến nghị qua hệ thống tiếp nhận trực tuyến của tỉnh. ") * 2


def seed_text(n: int) -> str:
    return SEEDS[n].read_text(encoding="utf-8")


def folder(root: Path, name: str, seeds: list[int]) -> Path:
    """A folder with the given seed articles, named after their seed files."""
    path = root / name
    path.mkdir(parents=True, exist_ok=True)
    for n in seeds:
        shutil.copy(SEEDS[n], path / SEEDS[n].name)
    return path


def extract(inputs: list[Path], out: Path, **kw):
    summary = run_extract([str(p) for p in inputs], str(out), workers=1, **kw)
    return summary, read_jsonl(out / "records.jsonl")


def counts(summary) -> tuple[int, int, int, int]:
    return summary.new, summary.updated, summary.kept, summary.failed


def lines(out: Path) -> list[bytes]:
    return (out / "records.jsonl").read_bytes().splitlines(keepends=True)


# --------------------------------------------------------------------------- add, update, keep

def test_a_run_adds_to_the_archive_and_keeps_what_it_held(tmp_path):
    out = tmp_path / "archive"
    summary, records = extract([folder(tmp_path, "day1", [0, 1, 2])], out)
    assert counts(summary) == (3, 0, 0, 0)
    before = lines(out)
    summary, records = extract([folder(tmp_path, "day2", [3, 4])], out)
    assert counts(summary) == (2, 0, 3, 0)
    assert [r["doc_id"] for r in records] == [p.stem for p in SEEDS]
    assert lines(out)[:3] == before


def test_a_changed_article_is_updated_in_place(tmp_path):
    src = folder(tmp_path, "in", [0, 1, 2, 3])
    out = tmp_path / "archive"
    extract([src], out)
    before = lines(out)
    changed = src / SEEDS[2].name
    changed.write_text(seed_text(2).replace("2.100 hồ sơ", "2.200 hồ sơ"), encoding="utf-8")
    summary, records = extract([changed], out)
    assert counts(summary) == (0, 1, 3, 0)
    after = lines(out)
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [2]
    assert "2.200 hồ sơ" in records[2]["text"] and records[2]["doc_id"] == SEEDS[2].stem


def test_an_empty_run_keeps_the_archive(tmp_path):
    out = tmp_path / "archive"
    extract([folder(tmp_path, "in", [0, 1])], out)
    before = (out / "records.jsonl").read_bytes()
    (tmp_path / "today").mkdir()
    res = cchc("extract", str(tmp_path / "today"), "-o", str(out))
    assert res.returncode == 0
    assert res.stderr.decode().strip().splitlines()[-1].startswith("cchc: 0 new, 0 updated, 2 kept, 0 failed")
    assert (out / "records.jsonl").read_bytes() == before


def test_replace_makes_the_archive_exactly_this_runs_inputs(tmp_path):
    out = tmp_path / "archive"
    extract([folder(tmp_path, "day1", [0, 1, 2])], out)
    summary, records = extract([folder(tmp_path, "day2", [3])], out, replace=True)
    assert [r["doc_id"] for r in records] == [SEEDS[3].stem]
    assert counts(summary) == (1, 0, 0, 0)
    res = cchc("extract", str(tmp_path / "day1"), "-o", str(out), "--replace")
    assert res.returncode == 0 and [r["doc_id"] for r in read_jsonl(out / "records.jsonl")] == \
        [p.stem for p in SEEDS[:3]]


def test_an_outdir_inside_the_input_folder_is_not_read(tmp_path):
    src = folder(tmp_path, "in", [0, 2])
    for _ in range(3):
        summary, records = extract([src], src / "out")
        assert len(records) == 2 and (summary.articles, summary.failed) == (2, 0)
    for _ in range(2):  # OUTDIR is the input folder itself; in/out is another archive in it
        summary, records = extract([src], src)
        assert [r["doc_id"] for r in records] == [SEEDS[0].stem, SEEDS[2].stem]
        assert (summary.articles, summary.failed) == (2, 0)
    assert counts(summary) == (0, 0, 2, 0)


def test_repeated_doc_id_in_one_run_keeps_the_first_and_reports_the_other(tmp_path):
    """README "Limits and input policy": a repeated id within one run is a DuplicateId error."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x.txt").write_text(seed_text(0), encoding="utf-8")
    (b / "x.txt").write_text(seed_text(1), encoding="utf-8")
    summary, records = extract([a, b], tmp_path / "out")
    assert [r["source"] for r in records] == [str(a / "x.txt")] and summary.new == 1
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["source"], e["error"]) for e in errors] == [(str(b / "x.txt"), "DuplicateId")]


# --------------------------------------------------------------------------- kill -9 during an add

def add_batch(root: Path, n: int = 16) -> Path:
    """`n` articles in one JSONL file: seed texts, each with its own closing sentence."""
    path = root / "add.jsonl"
    rows = [{"id": f"add-{i:02d}", "text": seed_text(i % len(SEEDS)) + f"\n\nBài viết số {i} trong loạt bài.",
             "outlet": "test"} for i in range(n)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_kill_and_resume_during_an_add_is_byte_identical(tmp_path):
    base = tmp_path / "base"
    extract([folder(tmp_path, "day1", [0, 1, 2, 3, 4])], base)
    batch = add_batch(tmp_path)
    clean = tmp_path / "clean"
    shutil.copytree(base, clean)
    assert cchc("extract", str(batch), "-o", str(clean), "--workers", "2").returncode == 0

    out = tmp_path / "out"
    shutil.copytree(base, out)
    cmd = [sys.executable, "-m", "pipeline", "extract", str(batch), "-o", str(out), "--workers", "2"]
    rng = random.Random(11)
    killed = [run_until_journal(cmd, out, target, rng) for target in (2, 6, 11)]
    assert sum(killed) >= 2, killed
    res = cchc("extract", str(batch), "-o", str(out), "--workers", "2")
    # a run killed after it had published its outputs leaves the 16 articles archived already
    # (the last killed run may finish its few remaining articles before the kill lands)
    last = res.stderr.decode().strip().splitlines()[-1]
    assert last.startswith(("cchc: 16 new, 0 updated, 5 kept, 0 failed", "cchc: 0 new, 0 updated, 21 kept, 0 failed")), last
    if last.startswith("cchc: 16 new"):
        assert summary_of(res)["reused"] > 0  # the killed runs' finished articles are picked up
    for name in ("records.jsonl", "errors.jsonl", ".cchc/manifest.jsonl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


def test_a_crash_between_publishing_records_and_manifest_loses_no_key(tmp_path):
    """records.jsonl published, the manifest not yet (the old one left): the next run rebuilds
    its index from records.jsonl, keeping the keys the old manifest gives the lines it lists
    byte for byte, and leaves the outputs a clean run leaves."""
    base = tmp_path / "base"
    extract([folder(tmp_path, "day1", [0, 1, 2])], base)
    day2 = folder(tmp_path, "day2", [3, 4])
    clean = tmp_path / "clean"
    shutil.copytree(base, clean)
    extract([day2], clean)
    out = tmp_path / "out"
    shutil.copytree(clean, out)
    shutil.copy(base / ".cchc" / "manifest.jsonl", out / ".cchc" / "manifest.jsonl")  # the old one
    summary, _ = extract([day2], out)
    assert (summary.new, summary.kept) == (0, 5)
    for name in ("records.jsonl", ".cchc/manifest.jsonl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    keys = [json.loads(line)["key"] for line in (out / ".cchc" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(keys) == 5 and None not in keys


# --------------------------------------------------------------------------- duplicates

def test_exact_near_and_false_duplicates(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    original = seed_text(1)
    headline, body = original.split("\n", 1)
    (src / "a_original.txt").write_text(original, encoding="utf-8")
    (src / "b_repost.txt").write_text(original, encoding="utf-8")
    (src / "c_syndicated.txt").write_text(
        "Huyện Kim Bảng đẩy mạnh tuyên truyền về cải cách hành chính\n" + body
        + "\nNguồn: Báo Hà Nam điện tử, đăng lại với sự đồng ý của tòa soạn.", encoding="utf-8")
    (src / "d_other.txt").write_text(seed_text(2) + "\n" + BOILERPLATE, encoding="utf-8")
    (src / "e_other.txt").write_text(seed_text(3) + "\n" + BOILERPLATE, encoding="utf-8")
    summary, records = extract([src], tmp_path / "out")
    assert {r["doc_id"]: r["duplicate_of"] for r in records} == {
        "a_original": None, "b_repost": "a_original", "c_syndicated": "a_original",
        "d_other": None, "e_other": None}

    later = tmp_path / "later"
    later.mkdir()
    (later / "f_copy.txt").write_text(headline + "\n" + body.replace("\n\n", "\n"), encoding="utf-8")
    summary, records = extract([later], tmp_path / "out")
    assert records[-1]["doc_id"] == "f_copy" and records[-1]["duplicate_of"] == "a_original"
    assert counts(summary) == (1, 0, 5, 0)


def test_duplicates_without_text_in_the_records(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(seed_text(4), encoding="utf-8")
    (src / "b.txt").write_text(seed_text(4), encoding="utf-8")
    _, records = extract([src], tmp_path / "out", include_text=False)
    assert [r["duplicate_of"] for r in records] == [None, "a"] and "text" not in records[0]


def test_duplicate_index_prefers_the_earliest_and_collapses_chains():
    index = DuplicateIndex()
    story = seed_text(4)
    index.add("first", 0, fingerprint(story), None)
    index.add("copy", 1, fingerprint(story + "\nNguồn: báo khác."), "first")
    index.add("other", 2, fingerprint(seed_text(0)), None)
    assert index.find(fingerprint(story + "\nXem thêm"), position=3) == "first"
    assert index.find(fingerprint(story), position=0, doc_id="first") is None  # no earlier one
    assert index.find(fingerprint(seed_text(3)), position=3) is None
    index.remove("first")
    assert index.find(fingerprint(story), position=3) == "first"  # the copy's original, kept by the copy


def test_conflicts_do_not_count_a_story_twice(tmp_path):
    """A copy with one figure changed would otherwise conflict with its original."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(seed_text(2), encoding="utf-8")
    (src / "b.txt").write_text(seed_text(2).replace("2.100 hồ sơ", "2.200 hồ sơ"), encoding="utf-8")
    out = tmp_path / "out"
    extract([src], out)
    tables = load(out)
    assert find_conflicts(tables["figures"])["conflict"].nunique() == 1
    assert find_conflicts(without_duplicates(tables["figures"], tables["articles"])).empty
    res = cchc("conflicts", str(out))
    assert res.stdout.decode().strip().splitlines()[-1] == "0 conflicts across 2 records"


# --------------------------------------------------------------------------- provenance

def test_meta_url_and_pipeline_version_on_every_record_and_in_exports(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"id": "j1", "text": seed_text(0), "outlet": "baohanam.vn", "category": "Thời sự",
             "extra": {"tags": ["cchc", 1]}, "url": "https://example.org/a"},
            {"id": "j2", "text": seed_text(3)}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    _, records = extract([path], out)
    assert records[0]["meta"] == {"outlet": "baohanam.vn", "category": "Thời sự", "extra": {"tags": ["cchc", 1]}}
    assert records[1]["meta"] == {} and records[1]["url"] is None
    assert records[0]["url"] == "https://example.org/a"
    assert {r["pipeline_version"] for r in records} == {pipeline_version()}
    articles = load(out)["articles"]
    assert json.loads(articles.meta[0]) == records[0]["meta"]
    assert articles.duplicate_of.isna().all()
    assert set(articles.pipeline_version) == {pipeline_version()}
    res = cchc("export", str(out), "--to", "csv", "-o", str(tmp_path / "csv"))
    assert res.returncode == 0
    header = (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8").splitlines()[0]
    for column in ("duplicate_of", "pipeline_version", "url", "meta"):
        assert f'"{column}"' in header


def test_records_follow_the_schema_with_the_new_fields_required(tmp_path):
    import jsonschema

    schema = json.loads((ROOT / "pipeline" / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    assert {"pipeline_version", "url", "meta", "duplicate_of"} <= set(schema["required"])
    _, records = extract([folder(tmp_path, "in", [0, 2])], tmp_path / "out")
    for record in records:
        jsonschema.validate(record, schema)


def test_an_archive_from_before_the_manifest_knew_doc_ids_is_read_from_records(tmp_path):
    out = tmp_path / "archive"
    extract([folder(tmp_path, "day1", [0, 1])], out)
    manifest = out / ".cchc" / "manifest.jsonl"
    entries = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    manifest.write_text("".join(json.dumps({k: e[k] for k in ("key", "sha256", "kind", "offset", "length", "digest")})
                                + "\n" for e in entries), encoding="utf-8")
    summary, records = extract([folder(tmp_path, "day2", [2])], out)
    assert counts(summary) == (1, 0, 2, 0)
    assert [r["doc_id"] for r in records] == [p.stem for p in SEEDS[:3]]


def test_an_updated_article_still_finds_an_earlier_near_copy():
    index = DuplicateIndex()
    story = seed_text(4)
    index.add("first", 0, fingerprint(story + "\nNguồn: báo khác."), None)
    index.add("second", 1, fingerprint(story), "first")
    # "second" is updated with its text unchanged: its own exact match does not hide "first"
    assert index.find(fingerprint(story), position=1, doc_id="second") == "first"


def test_cli_needs_an_input_or_a_url_list(tmp_path):
    res = cchc("extract", "-o", str(tmp_path / "out"))
    assert res.returncode == 2 and b"needs an INPUT or --urls FILE" in res.stderr
    res = cchc("extract", "--urls", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"))
    assert res.returncode == 1 and b"Traceback" not in res.stderr
    assert res.stderr.decode().strip().splitlines() == [
        f"cchc: cannot read the URL list {tmp_path / 'missing.txt'}: No such file or directory"]


# --------------------------------------------------------------------------- DuckDB export of an archive

def table_rows(db: Path) -> dict[str, list]:
    import duckdb

    from pipeline.export import TABLES

    with duckdb.connect(str(db), read_only=True) as con:
        return {name: sorted(map(repr, con.execute(f"SELECT * FROM {name}").fetchall())) for name in TABLES}


def test_duckdb_export_of_a_grown_archive_is_updated_in_place(tmp_path):
    from pipeline.duckdb_update import update_in_place
    from pipeline.export import export

    src = folder(tmp_path, "in", [0, 1, 2, 3])
    out = tmp_path / "archive"
    extract([src], out)
    db = tmp_path / "dataset.duckdb"
    export(out, "duckdb", db)
    assert update_in_place(out, db) == 0  # nothing changed: nothing rewritten

    (src / SEEDS[2].name).write_text(seed_text(2).replace("2.100 hồ sơ", "2.200 hồ sơ"), encoding="utf-8")
    extract([src, folder(tmp_path, "day2", [4])], out)
    assert update_in_place(out, db) == 2  # the changed article and the new one
    full = tmp_path / "full.duckdb"
    export(out, "duckdb", tmp_path / "full.duckdb")
    assert table_rows(db) == table_rows(full)

    extract([folder(tmp_path, "day3", [0, 4])], out, replace=True)  # three articles gone
    assert update_in_place(out, db) == 2  # the other two come from another path: new `source`
    assert export(out, "duckdb", db)["articles"] == 2
    rebuilt = tmp_path / "rebuilt.duckdb"
    export(out, "duckdb", rebuilt)
    assert table_rows(db) == table_rows(rebuilt)


def test_a_database_from_an_older_export_is_rebuilt(tmp_path):
    import duckdb

    from pipeline.duckdb_update import STATE_TABLE, update_in_place
    from pipeline.export import export

    out = tmp_path / "archive"
    extract([folder(tmp_path, "in", [0, 2])], out)
    db = tmp_path / "dataset.duckdb"
    export(out, "duckdb", db)
    with duckdb.connect(str(db)) as con:
        con.execute(f"DROP TABLE {STATE_TABLE}")
    assert update_in_place(out, db) is None
    assert export(out, "duckdb", db)["articles"] == 2
    assert update_in_place(out, db) == 0
