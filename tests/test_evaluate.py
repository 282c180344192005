"""`cchc eval` and pipeline.evaluate: matching, measures, confusion tables, error lists, the CLI,
and agreement with the reference scorer (../shared/tools/score.py) where ../shared exists."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, read_jsonl
from pipeline import eval_command
from pipeline import evaluate as ev

TEXT = ("Năm 2023, UBND xã Thuỵ Phú tiếp nhận 120 hồ sơ, giải quyết đúng hạn 98%.\n"
        "Huyện đứng thứ 3/19 về Chỉ số PAR INDEX, phấn đấu đạt 95%.\n"
        "Mỗi lĩnh vực phát ra ít nhất 100 phiếu.")


def span_of(surface, text=TEXT, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return [start, start + len(surface)]


def line_of(surface, text=TEXT):
    start = text.index(surface)
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", start)
    return [s, len(text) if e < 0 else e]


def gold_fig(surface, value, **labels):
    return {"span": span_of(surface), "surface": surface, "value": value, "kind": "count", "object": "dossier",
            "aspect": "received", "subject": None, "approx": "exact", "denominator": None, "period": None,
            "alt_aspects": [], **labels}


def pred_fig(surface, value, fid="f1", **labels):
    span = span_of(surface)
    return {"id": fid, "span": span, "surface": surface, "value": value, "denominator": None, "kind": "count",
            "approx": "exact", "object": "dossier", "aspect": "received", "subject": None, "period": None,
            "sentence": line_of(surface), "index": None, "target": False, **labels}


def gold_doc(figures=(), **rest):
    return {"doc_id": "d1", "figures": list(figures), "not_figures": [], "units": [], "officials": [],
            "documents": [], "authors": [], **rest}


def record(figures=(), **rest):
    return {"doc_id": "d1", "text": TEXT, "figures": list(figures), "units": [], "officials": [],
            "documents": [], "authors": [], "checks": [], **rest}


def run(gold_docs, records):
    return ev.as_json(ev.evaluate(gold_docs, {r["doc_id"]: r for r in records}))


# --------------------------------------------------------------------------- matching

def test_overlapping_span_and_equal_value_match():
    out = run([gold_doc([gold_fig("120", 120)])], [record([pred_fig("120 hồ sơ", 120)])])
    assert out["counts"]["figures"] == {"gold": 1, "predicted": 1, "matched": 1}
    assert out["misses"] == [] and out["false_positives"] == []


@pytest.mark.parametrize("prediction", [
    pytest.param(pred_fig("120", 12), id="other-value"),
    pytest.param(pred_fig("98%", 120), id="no-overlap"),
])
def test_a_different_value_or_a_disjoint_span_is_a_miss_and_a_false_positive(prediction):
    out = run([gold_doc([gold_fig("120", 120)])], [record([prediction])])
    assert out["counts"]["figures"]["matched"] == 0
    assert [m["surface"] for m in out["misses"]] == ["120"]
    assert [f["surface"] for f in out["false_positives"]] == [prediction["surface"]]
    assert out["measures"]["figures_f1"] == 0.0


def test_denominator_must_match_only_where_the_gold_has_one():
    gold_rank = gold_fig("3/19", 3, kind="rank", denominator=19)
    wrong = run([gold_doc([gold_rank])], [record([pred_fig("3/19", 3, kind="rank", denominator=18)])])
    missing = run([gold_doc([gold_rank])], [record([pred_fig("3/19", 3, kind="rank")])])
    gold_without = run([gold_doc([gold_fig("3/19", 3, kind="rank")])],
                       [record([pred_fig("3/19", 3, kind="rank", denominator=19)])])
    assert wrong["counts"]["figures"]["matched"] == 0
    assert missing["counts"]["figures"]["matched"] == 0
    assert gold_without["counts"]["figures"]["matched"] == 1


def test_a_prediction_matches_one_gold_figure_only():
    gold = [gold_fig("120", 120), gold_fig("120 hồ sơ", 120)]
    out = run([gold_doc(gold)], [record([pred_fig("120", 120)])])
    assert out["counts"]["figures"] == {"gold": 2, "predicted": 1, "matched": 1}
    assert [m["surface"] for m in out["misses"]] == ["120 hồ sơ"]


def test_values_compare_as_numbers():
    out = run([gold_doc([gold_fig("98%", 98, kind="percent")])], [record([pred_fig("98%", 98.0000001, kind="percent")])])
    assert out["counts"]["figures"]["matched"] == 1


# --------------------------------------------------------------------------- measures

def test_figure_precision_recall_f1():
    gold = [gold_fig("120", 120), gold_fig("98%", 98), gold_fig("3/19", 3)]
    preds = [pred_fig("120", 120, "f1"), pred_fig("98%", 98, "f2"), pred_fig("95%", 95, "f3"), pred_fig("100", 100, "f4")]
    m = run([gold_doc(gold)], [record(preds)])["measures"]
    assert m["figures_p"] == pytest.approx(0.5) and m["figures_r"] == pytest.approx(2 / 3)
    assert m["figures_f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_label_accuracies_on_matched_figures():
    gold = [gold_fig("120", 120, aspect="received", alt_aspects=["resolved"]),
            gold_fig("98%", 98, kind="percent", aspect="on_time", object="dossier", approx="over"),
            gold_fig("3/19", 3, kind="rank", aspect="par_index", object="admin_unit")]
    gold[2].pop("approx")  # absent approx means exact
    preds = [pred_fig("120", 120, "f1", aspect="resolved"),
             pred_fig("98%", 98, "f2", kind="percent", aspect="resolved", approx=None),
             pred_fig("3/19", 3, "f3", kind="count", aspect="par_index", object="admin_unit", approx=None)]
    m = run([gold_doc(gold)], [record(preds)])["measures"]
    assert m["aspect_acc"] == pytest.approx(2 / 3)  # alt_aspects accepted
    assert m["object_acc"] == 1.0
    assert m["kind_acc"] == pytest.approx(2 / 3)
    assert m["approx_acc"] == pytest.approx(2 / 3)  # None predicted reads as exact


def test_period_matches_loosely():
    gold = [gold_fig("120", 120, period="Năm 2023"), gold_fig("98%", 98, period="6 tháng đầu năm 2023"),
            gold_fig("3/19", 3, period=None), gold_fig("95%", 95, period="năm 2022")]
    preds = [pred_fig("120", 120, "f1", period={"text": "năm 2023,", "start": "2023-01-01"}),
             pred_fig("98%", 98, "f2", period={"text": "năm 2023"}),
             pred_fig("3/19", 3, "f3", period=None),
             pred_fig("95%", 95, "f4", period={"text": "năm 2023"})]
    assert run([gold_doc(gold)], [record(preds)])["measures"]["period_acc"] == pytest.approx(3 / 4)


def test_subject_through_the_unit_id_folding_tone_placement():
    units = [{"id": "u1", "type": "xã", "name": "Thuỵ Phú"}, {"id": "u2", "type": "huyện", "name": "Phú Xuyên"}]
    gold = [gold_fig("120", 120, subject="xã Thụy Phú"), gold_fig("98%", 98, subject="xã Thụy Phú"),
            gold_fig("3/19", 3, subject={"aggregate": "các xã", "parent": None})]
    preds = [pred_fig("120", 120, "f1", subject={"unit": "u1"}), pred_fig("98%", 98, "f2", subject={"unit": "u2"}),
             pred_fig("3/19", 3, "f3", subject={"unit": "u1"})]
    m = run([gold_doc(gold)], [record(preds, units=units)])["measures"]
    assert m["subject_acc"] == 0.5  # the aggregate subject is not scored


def test_index_and_target_are_scored_only_where_the_gold_has_them():
    gold = [gold_fig("3/19", 3, index="PAR INDEX", target=False), gold_fig("95%", 95, index=None, target=True),
            gold_fig("120", 120)]
    preds = [pred_fig("3/19", 3, "f1", index="Par Index", target=False),
             pred_fig("95%", 95, "f2", index="SIPAS", target=False),
             pred_fig("120", 120, "f3", index="PAPI", target=True)]
    m = run([gold_doc(gold)], [record(preds)])["measures"]
    assert m["index_acc"] == 0.5 and m["target_acc"] == 0.5
    none = run([gold_doc([gold_fig("120", 120)])], [record([pred_fig("120", 120)])])["measures"]
    assert none["index_acc"] is None and none["target_acc"] is None


def test_support_gives_what_each_measure_is_computed_from():
    gold = [gold_fig("120", 120, subject="xã Thụy Phú"), gold_fig("98%", 98)]
    out = run([gold_doc(gold)], [record([pred_fig("120", 120, aspect="cut"), pred_fig("95%", 95, "f2")])])
    assert out["support"]["figures_f1"] == {"tp": 1, "fp": 1, "fn": 1}
    assert out["support"]["aspect_acc"] == {"ok": 0, "n": 1}
    assert out["support"]["subject_acc"] == {"ok": 0, "n": 1}
    assert "negatives_hit" not in out["support"]  # a plain count


def test_measures_keep_the_reference_names_and_order_then_index_and_target():
    m = run([gold_doc()], [record()])["measures"]
    assert list(m)[:3] == ["figures_f1", "figures_p", "figures_r"]
    assert list(m)[-3:] == ["missing_docs", "index_acc", "target_acc"]
    assert m["figures_f1"] == 1.0 and m["aspect_acc"] is None  # nothing to find, nothing wrong


# --------------------------------------------------------------------------- confusion tables

def test_confusion_tables_count_gold_against_predicted_labels():
    gold = [gold_fig("120", 120, aspect="received"), gold_fig("98%", 98, aspect="on_time", kind="percent"),
            gold_fig("3/19", 3, aspect="on_time", alt_aspects=["resolved"], approx="about")]
    preds = [pred_fig("120", 120, "f1", aspect="resolved"), pred_fig("98%", 98, "f2", aspect="on_time", kind="count"),
             pred_fig("3/19", 3, "f3", aspect="resolved", object=None)]
    conf = run([gold_doc(gold)], [record(preds)])["confusion"]
    assert conf["aspect"] == {"received": {"resolved": 1}, "on_time": {"on_time": 1}, "resolved": {"resolved": 1}}
    assert conf["kind"] == {"count": {"count": 2}, "percent": {"count": 1}}
    assert conf["object"] == {"dossier": {"dossier": 2, "(none)": 1}}
    assert conf["approx"] == {"about": {"exact": 1}, "exact": {"exact": 2}}


def test_text_confusion_rows_show_what_was_predicted_instead():
    rows = eval_command.format_confusion("aspect", {"received": {"received": 3, "resolved": 1}})
    assert rows[1].split() == ["received", "4", "3", "resolved", "1"]


# --------------------------------------------------------------------------- error lists

def test_misses_carry_their_line_and_false_positives_their_sentence():
    gold = gold_doc([gold_fig("3/19", 3)], not_figures=[{"span": span_of("100"), "surface": "100"}])
    preds = [pred_fig("100", 100, "f1"), pred_fig("95%", 95, "f2", sentence=span_of("phấn đấu đạt 95%"))]
    out = run([gold], [record(preds)])
    [miss] = out["misses"]
    assert miss["surface"] == "3/19" and miss["sentence"] == "Huyện đứng thứ 3/19 về Chỉ số PAR INDEX, phấn đấu đạt 95%."
    assert TEXT[miss["sentence_span"][0]:miss["sentence_span"][1]] == miss["sentence"]
    by_surface = {f["surface"]: f for f in out["false_positives"]}
    assert by_surface["100"]["not_figure"] is True and by_surface["95%"]["not_figure"] is False
    assert by_surface["100"]["sentence"] == "Mỗi lĩnh vực phát ra ít nhất 100 phiếu."
    assert by_surface["95%"]["sentence"] == "phấn đấu đạt 95%"
    assert out["measures"]["negatives_hit"] == 1


def test_without_text_the_lists_have_no_sentences():
    out = run([gold_doc([gold_fig("120", 120)])], [record([pred_fig("98%", 98)], text=None)])
    assert out["misses"][0]["sentence"] is None and out["false_positives"][0]["sentence"] is None
    assert "(no text in the record)" in eval_command.format_text(out)


def test_a_gold_article_without_a_record_is_missed_entirely():
    gold = gold_doc([gold_fig("120", 120)], units=[{"type": "xã", "name": "Thụy Phú"}],
                    officials=[{"name": "Nguyễn Văn A", "roles": []}], authors=["Thanh Xuân"],
                    documents=[{"type": "Kế hoạch", "number": "12/KH-UBND"}], published="2023-01-02")
    out = run([gold], [])
    assert out["measures"]["missing_docs"] == 1 and out["measures"]["figures_r"] == 0.0
    assert out["measures"]["units_f1"] == 0.0 and out["measures"]["published_acc"] == 0.0
    assert out["misses"][0]["sentence"] is None
    assert {k: [e["name"] for e in v["missed"]] for k, v in out["names"].items()} == {
        "units": ["xã Thụy Phú"], "officials": ["Nguyễn Văn A"], "documents": ["Kế hoạch 12/KH-UBND"],
        "authors": ["Thanh Xuân"]}


def test_records_without_gold_are_not_scored():
    out = run([gold_doc()], [record(), {**record([pred_fig("120", 120)]), "doc_id": "other"}])
    assert out["false_positives"] == [] and out["measures"]["figures_p"] == 1.0


# --------------------------------------------------------------------------- names

def test_units_f1_codes_and_names_by_list():
    gold = gold_doc(units=[{"type": "xã", "name": "Thụy Phú", "code": "10324"},
                           {"type": "huyện", "name": "Phú Xuyên", "code": "277", "register": "pre-2025"},
                           {"type": "tỉnh", "name": "Hà Nam"}])
    rec = record(units=[{"id": "u1", "type": "xã", "name": "THUỴ PHÚ", "code": 10324},
                        {"id": "u2", "type": "huyện", "name": "Phú Xuyên", "code": "278", "register": "2025"},
                        {"id": "u3", "type": "xã", "name": "Tân Dân"}])
    out = run([gold], [rec])
    m = out["measures"]
    assert m["units_f1"] == pytest.approx(2 / 3)
    assert m["unit_code_acc"] == 0.5 and m["register_acc"] == 0.0 and m["unit_code2025_acc"] is None
    assert out["names"]["units"] == {"missed": [{"doc_id": "d1", "name": "tỉnh Hà Nam"}],
                                     "false": [{"doc_id": "d1", "name": "xã Tân Dân"}]}


def test_officials_roles_and_not_officials():
    gold = gold_doc(officials=[{"name": "Nguyễn Văn Hội", "roles": [
                        {"title": "Phó Chủ tịch", "org": "HĐND huyện Phú Xuyên"}, {"title": "Huyện ủy viên", "org": None}]},
                        {"name": "Trần Thị B", "roles": [{"title": "Giám đốc", "org": "Sở Nội vụ"}]}],
                    not_officials=["Lê Văn C"])
    rec = record(officials=[{"name": "nguyễn văn hội", "roles": [{"title": "Phó Chủ tịch", "org": "Hội đồng nhân dân huyện"},
                                                                 {"title": "HUV", "org": None}]},
                            {"name": "Lê Văn C", "roles": []}, {"name": "Phạm D", "roles": []}])
    out = run([gold], [rec])
    m = out["measures"]
    assert m["officials_f1"] == pytest.approx(0.4)  # 1 found of 2, 3 predicted
    assert m["role_acc"] == 1.0  # abbreviations written out; "huyện Phú Xuyên" matches by its head
    assert m["not_officials_hit"] == 1
    assert out["names"]["officials"]["missed"] == [{"doc_id": "d1", "name": "Trần Thị B"}]
    assert out["names"]["officials"]["false"] == [{"doc_id": "d1", "name": "Lê Văn C", "not_official": True},
                                                  {"doc_id": "d1", "name": "Phạm D"}]


def test_documents_and_authors():
    gold = gold_doc(documents=[{"type": "Kế hoạch", "number": "12/KH-UBND", "date": "2023-01-05"},
                               {"type": "Nghị quyết", "number": "60-NQ/TU"}],
                    authors=["Thanh Xuân", "Minh Anh"], published="2023-02-01")
    rec = record(documents=[{"type": "kế hoạch", "number": "12/KH-UBND", "date": "2023-01-06"},
                            {"type": "Quyết định", "number": "5/QĐ"}],
                 authors=["thanh xuân", "Bảo Ngọc"], published="2023-02-01")
    out = run([gold], [rec])
    m = out["measures"]
    assert m["documents_f1"] == 0.5 and m["doc_date_acc"] == 0.0
    assert m["authors_f1"] == 0.5 and m["published_acc"] == 1.0
    assert out["names"]["documents"]["false"] == [{"doc_id": "d1", "name": "Quyết định 5/QĐ"}]
    assert out["names"]["authors"] == {"missed": [{"doc_id": "d1", "name": "Minh Anh"}],
                                       "false": [{"doc_id": "d1", "name": "Bảo Ngọc"}]}


def test_checks_recall_and_false_checks():
    preds = [pred_fig("3/19", 3, "f1"), pred_fig("95%", 95, "f2")]
    found = run([gold_doc(checks=[{"surfaces": ["3/19", "95%"]}])],
                [record(preds, checks=[{"figures": ["f1", "f2"]}])])["measures"]
    unexpected = run([gold_doc()], [record(preds, checks=[{"figures": ["f1"]}])])["measures"]
    assert found["checks_recall"] == 1.0 and found["checks_false"] == 0
    assert unexpected["checks_recall"] is None and unexpected["checks_false"] == 1


def test_bad_spans_are_counted():
    bad = {**pred_fig("120", 120), "surface": "121"}
    assert run([gold_doc()], [record([bad])])["measures"]["bad_spans"] == 1


def test_name_keys_fold_case_tone_placement_and_spacing():
    assert ev.name_key("Thuỵ  Phú") == ev.name_key("thụy phú")
    assert ev.name_key("Hoà Bình") == ev.name_key("Hòa Bình")
    assert ev.name_key("Hòa Bình") != ev.name_key("Hóa Bình")
    assert ev.expanded_key("UBND TP Huế") == ev.name_key("ủy ban nhân dân thành phố huế")


# --------------------------------------------------------------------------- reading and the CLI

def cchc(*args):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def eval_files(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    write_jsonl(gold_dir / "a.jsonl", [gold_doc([gold_fig("120", 120), gold_fig("3/19", 3)],
                                                 not_figures=[{"span": span_of("100"), "surface": "100"}])])
    write_jsonl(gold_dir / "b.jsonl", [{**gold_doc([gold_fig("98%", 98, kind="percent")]), "doc_id": "d2"}])
    out = tmp_path / "out"
    out.mkdir()
    write_jsonl(out / "records.jsonl", [record([pred_fig("120", 120, "f1", aspect="resolved"), pred_fig("100", 100, "f2")]),
                                        {**record([pred_fig("98%", 98, kind="percent")]), "doc_id": "d2"}])
    return gold_dir, out


def test_cli_text_report(eval_files):
    gold_dir, out = eval_files
    res = cchc("eval", str(gold_dir), str(out))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "Measures" and "  figures_f1         0.667  tp 2, fp 1, fn 1" in lines
    assert "  aspect_acc         0.500  1/2" in lines and "  checks_recall        n/a  0/0" in lines
    assert lines.index("Confusion of matched figures") < lines.index("Missed figures (1)") \
        < lines.index("False positive figures (1)")
    assert f"  d1 {span_of('3/19')} '3/19' = 3 (count dossier received)" in lines
    assert any(line.endswith("[marked not a figure]") for line in lines)
    assert "Units: 0 missed, 0 false" in lines


def test_cli_json_report(eval_files):
    gold_dir, out = eval_files
    res = cchc("eval", str(gold_dir / "a.jsonl"), str(out / "records.jsonl"), "--json")
    assert res.returncode == 0, res.stderr
    result = json.loads(res.stdout)
    assert result["measures"]["figures_r"] == 0.5 and result["measures"]["negatives_hit"] == 1
    assert result["confusion"]["aspect"] == {"received": {"resolved": 1}}
    assert [m["surface"] for m in result["misses"]] == ["3/19"]


@pytest.mark.parametrize("make_bad,message", [
    (lambda d: d / "missing.jsonl", "No such file"),
    (lambda d: write_jsonl(d / "g.jsonl", []).with_name("empty_dir"), "no .jsonl gold files"),
    (lambda d: (d / "g.jsonl").write_text('{"doc_id": "d1", "figures": [}\n') and d / "g.jsonl", "line 1: not JSON"),
    (lambda d: write_jsonl(d / "g.jsonl", [{"doc_id": "d1"}]), "line 1: not a gold annotation"),
    (lambda d: write_jsonl(d / "g.jsonl", [gold_doc([{"span": [0, 3], "value": 1}])]), "lacks kind, object, aspect"),
    (lambda d: (d / "g.jsonl").write_bytes(b"\xff\xfe\x00garbage") and d / "g.jsonl", "not UTF-8"),
    (lambda d: write_jsonl(d / "g.jsonl", [gold_doc(units=["xã A"])]), "an entry of units is not an object"),
    (lambda d: write_jsonl(d / "g.jsonl", [gold_doc(officials=[{"name": "A", "roles": [{"org": "Sở"}]}])]),
     "an entry of officials.roles lacks title"),
    (lambda d: write_jsonl(d / "g.jsonl", [gold_doc(not_figures=[{"span": "0-3"}])]), "span that is not [start, end]"),
])
def test_cli_unreadable_gold_is_one_line_and_exit_1(tmp_path, eval_files, make_bad, message):
    bad = make_bad(tmp_path)
    if bad.name == "empty_dir":
        bad.mkdir()
    res = cchc("eval", str(bad), str(eval_files[1]))
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("cchc eval: ") and message in res.stderr


def test_cli_unreadable_records_is_one_line_and_exit_1(tmp_path, eval_files):
    res = cchc("eval", str(eval_files[0]), str(tmp_path / "gold"))  # a directory without records.jsonl
    assert res.returncode == 1 and "records.jsonl" in res.stderr and "Traceback" not in res.stderr
    not_records = write_jsonl(tmp_path / "r.jsonl", [{"id": "x", "text": "an article, not a record"}])
    res = cchc("eval", str(eval_files[0]), str(not_records))
    assert res.returncode == 1 and "not a cchc record" in res.stderr and res.stderr.count("\n") == 1
    bad_roles = write_jsonl(tmp_path / "r2.jsonl", [record(officials=[{"name": "A", "roles": "Giám đốc"}])])
    res = cchc("eval", str(eval_files[0]), str(bad_roles))
    assert res.returncode == 1 and res.stderr == f"cchc eval: {bad_roles}, line 1 (d1): officials.roles is not a list\n"


def test_cli_usage_error_is_exit_2():
    assert cchc("eval", "only-one-argument").returncode == 2


# --------------------------------------------------------------------------- the reference scorer

def fresh_records(tmp_path, source, doc_ids=None):
    """records.jsonl of the pipeline run now on `source` (only `doc_ids`, if given)."""
    from pipeline.batch import process
    from pipeline.ingest import iter_articles

    articles = [a for a in iter_articles([str(source)]) if doc_ids is None or getattr(a, "doc_id", None) in doc_ids]
    records = [r for kind, r in map(process, articles) if kind == "record"]
    return write_jsonl(tmp_path / "records.jsonl", records)


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared (reference scorer, seeds, dev corpus)")
@pytest.mark.parametrize("gold_path,source", [
    pytest.param(SHARED / "gold" / "seeds.jsonl", SHARED / "seeds", id="seeds"),
    pytest.param(ROOT / "corpus" / "gold" / "part1.jsonl", SHARED / "corpus-real" / "dev.jsonl", id="part1"),
])
def test_shared_measures_equal_the_reference_scorer(tmp_path, gold_path, source):
    gold_ids = {g["doc_id"] for g in read_jsonl(gold_path)}
    records = fresh_records(tmp_path, source, gold_ids)
    reference = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(gold_path), str(records),
                                "--json"], capture_output=True, text=True, check=True, timeout=300)
    expected = json.loads(reference.stdout)
    ours = ev.measures(ev.evaluate(read_jsonl(gold_path), {r["doc_id"]: r for r in read_jsonl(records)}))
    assert len(expected) >= 25 and {k: ours[k] for k in expected} == expected
