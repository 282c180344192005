"""Corrections (pipeline.corrections): appended atomically, applied by span, stale ones reported;
`cchc export` applies them and carries `reviewed` and `corrected` columns."""
import json
import multiprocessing
import shutil

import pytest

from conftest import ROOT, read_jsonl
from pipeline.cli import main
from pipeline.corrections import (CorrectionsError, append_correction, apply_corrections,
                                  apply_to_records, corrections_path, read_corrections)
from pipeline.export import load

RECORDS = ROOT / "extracted" / "records.jsonl"


@pytest.fixture
def outdir(tmp_path):
    shutil.copy(RECORDS, tmp_path / "records.jsonl")
    return tmp_path


@pytest.fixture
def record():
    return next(r for r in read_jsonl(RECORDS) if len(r["figures"]) >= 3)


def correction(rec, action, **kw):
    return {"doc_id": rec["doc_id"], "sha256": rec["sha256"], "action": action, **kw}


def set_aspect(rec, fig, after):
    return correction(rec, "set", kind="figure", fact_id=fig["id"], span=fig["span"], field="aspect",
                      before=fig["aspect"], after=after)


# --------------------------------------------------------------------------- applying

def test_set_changes_the_field_and_marks_the_figure(record):
    fig = record["figures"][1]
    new = "other" if fig["aspect"] != "other" else "online"
    applied = apply_corrections(record, [set_aspect(record, fig, new)])
    assert applied.record["figures"][1]["aspect"] == new
    assert record["figures"][1]["aspect"] == fig["aspect"]  # the input is left untouched
    assert applied.corrected == {("figure", fig["id"])} and applied.changed and not applied.stale


def test_set_finds_the_figure_by_span_after_renumbering(record):
    fig = record["figures"][1]
    renumbered = json.loads(json.dumps(record))
    for n, f in enumerate(renumbered["figures"]):
        f["id"] = f"f{n + 100}"
    applied = apply_corrections(renumbered, [set_aspect(record, fig, "cut")])
    assert [f["aspect"] for f in applied.record["figures"] if f["span"] == fig["span"]] == ["cut"]


def test_set_is_stale_when_the_pipeline_now_says_something_else(record):
    fig = record["figures"][0]
    c = set_aspect(record, fig, "cut")
    c["before"] = "planned-by-an-older-pipeline"
    applied = apply_corrections(record, [c])
    assert applied.record["figures"][0]["aspect"] == fig["aspect"]
    assert len(applied.stale) == 1 and "aspect is now" in applied.stale[0][1]


def test_corrections_of_a_changed_text_no_longer_apply(record):
    fig = record["figures"][0]
    changed = {**record, "sha256": "0" * 64}
    applied = apply_corrections(changed, [set_aspect(record, fig, "cut"),
                                          correction(record, "reviewed", after=True)])
    assert not applied.reviewed and applied.record["figures"][0]["aspect"] == fig["aspect"]
    assert [reason for _, reason in applied.stale] == ["the article text has changed"] * 2


def test_delete_removes_the_figure_and_its_checks():
    rec = next(r for r in read_jsonl(RECORDS) if r["checks"])
    fig_id = rec["checks"][0]["figures"][0]
    fig = next(f for f in rec["figures"] if f["id"] == fig_id)
    applied = apply_corrections(rec, [correction(rec, "delete", kind="figure", fact_id=fig_id, span=fig["span"])])
    assert fig_id not in [f["id"] for f in applied.record["figures"]]
    assert all(fig_id not in c["figures"] for c in applied.record["checks"])
    assert len(applied.record["figures"]) == len(rec["figures"]) - 1


def test_add_appends_a_figure_with_a_fresh_id_and_checks_its_span(record):
    text = record["text"]
    start = text.index("2") if "2" in text else 0
    fig = {"span": [start, start + 1], "surface": text[start], "value": 2, "kind": "count",
           "aspect": "other", "object": "other", "approx": "exact"}
    bad = {**fig, "surface": "not there"}
    applied = apply_corrections(record, [correction(record, "add", kind="figure", after=fig),
                                         correction(record, "add", kind="figure", after=bad)])
    added = applied.record["figures"][-1]
    assert added["span"] == [start, start + 1] and text[start:start + 1] == added["surface"]
    assert added["id"] == f"f{max(int(f['id'][1:]) for f in record['figures']) + 1}"
    assert ("figure", added["id"]) in applied.corrected
    assert [reason for _, reason in applied.stale] == ["the selected text is not at its span"]


def test_add_of_a_figure_now_extracted_is_reported(record):
    fig = record["figures"][0]
    applied = apply_corrections(record, [correction(record, "add", kind="figure", after=dict(fig))])
    assert len(applied.record["figures"]) == len(record["figures"])
    assert applied.stale[0][1] == "the figure is now extracted"


def test_last_reviewed_mark_wins(record):
    marks = [correction(record, "reviewed", after=True), correction(record, "reviewed", after=False)]
    assert not apply_corrections(record, marks).reviewed
    assert apply_corrections(record, marks[:1]).reviewed


def test_corrections_of_missing_articles_are_reported(record):
    orphan = {**correction(record, "reviewed", after=True), "doc_id": "gone"}
    _, stale = apply_to_records([record], [orphan])
    assert stale == [(orphan, "the article is no longer in the records")]


# --------------------------------------------------------------------------- the file

def test_append_and_read_round_trip(tmp_path, record):
    line = append_correction(tmp_path, correction(record, "reviewed", after=True))
    assert line["time"].endswith("+00:00")
    assert read_corrections(tmp_path) == [line]
    assert read_corrections(tmp_path / "nowhere") == []


def test_a_broken_corrections_file_is_one_clear_error(tmp_path):
    corrections_path(tmp_path).write_text('{"doc_id": "a", "action": "reviewed"}\nnot json\n')
    with pytest.raises(CorrectionsError, match=r"line 2: not JSON"):
        read_corrections(tmp_path)
    corrections_path(tmp_path).write_text('{"doc_id": "a", "action": "rewrite"}\n')
    with pytest.raises(CorrectionsError, match=r"line 1: not a correction"):
        read_corrections(tmp_path)


def _append_many(outdir, writer, n):
    for i in range(n):
        append_correction(outdir, {"doc_id": f"d{writer}", "sha256": "x", "action": "accept",
                                   "kind": "figure", "fact_id": f"f{i}", "before": "é" * 3000})


def test_concurrent_appends_lose_no_line(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_append_many, args=(tmp_path, w, 150)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    lines = read_corrections(tmp_path)
    assert len(lines) == 600
    for w in range(4):
        assert [c["fact_id"] for c in lines if c["doc_id"] == f"d{w}"] == [f"f{i}" for i in range(150)]


# --------------------------------------------------------------------------- export

def test_export_applies_corrections_and_adds_review_columns(outdir, record, tmp_path, capsys):
    fig = record["figures"][1]
    deleted = record["figures"][2]
    append_correction(outdir, set_aspect(record, fig, "cut"))
    append_correction(outdir, correction(record, "delete", kind="figure", fact_id=deleted["id"],
                                         span=deleted["span"]))
    append_correction(outdir, correction(record, "reviewed", after=True))
    stale = set_aspect(record, record["figures"][0], "cut")
    stale["before"] = "something else"
    append_correction(outdir, stale)
    out = tmp_path / "tables"
    assert main(["export", str(outdir), "--to", "parquet", "-o", str(out)]) == 0
    assert "1 correction no longer applies" in capsys.readouterr().err
    import pandas as pd

    articles = pd.read_parquet(out / "articles.parquet").set_index("doc_id")
    figures = pd.read_parquet(out / "figures.parquet")
    assert articles.loc[record["doc_id"], "reviewed"] and articles.loc[record["doc_id"], "corrected"]
    assert not articles.drop(record["doc_id"]).reviewed.any()
    mine = figures[figures.doc_id == record["doc_id"]].set_index("figure_id")
    assert mine.loc[fig["id"], "aspect"] == "cut" and mine.loc[fig["id"], "corrected"]
    assert deleted["id"] not in mine.index
    assert mine.corrected.sum() == 1 and not figures[figures.doc_id != record["doc_id"]].corrected.any()
    assert len(mine) == len(record["figures"]) - 1


def test_load_without_corrections_has_false_marks(outdir):
    tables = load(outdir)
    assert not tables["articles"].reviewed.any() and not tables["figures"].corrected.any()
    assert not tables["units"].corrected.any()


def test_export_with_a_broken_corrections_file_fails_cleanly(outdir, tmp_path, capsys):
    corrections_path(outdir).write_text("{oops\n")
    assert main(["export", str(outdir), "--to", "csv", "-o", str(tmp_path / "t")]) == 1
    err = capsys.readouterr().err
    assert "corrections.jsonl, line 1: not JSON" in err and "Traceback" not in err
