"""The review app's JSON API (pipeline.review): list, filters, facets and paging (also over a
10,000-article archive), one article, corrections, the token, path traversal, hostile text,
`cchc review --export-gold`."""
import json

import pytest

from conftest import ROOT, read_jsonl
from pipeline.cli import main
from pipeline.corrections import read_corrections
from pipeline.review.app import TOKEN_HEADER, create_app
from pipeline.review.store import ArchiveError

RECORDS = ROOT / "extracted" / "records.jsonl"
TOKEN = "test-token"


def write_archive(outdir, records):
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / "records.jsonl", "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return outdir


def repeated(records, n):
    """`n` records: the given ones over and over, each copy with its own doc_id."""
    out = []
    for i in range(n):
        r = dict(records[i % len(records)])
        r["doc_id"] = f"{i:06d}_{r['doc_id']}"
        out.append(r)
    return out


@pytest.fixture
def records():
    return read_jsonl(RECORDS)


@pytest.fixture
def outdir(tmp_path, records):
    return write_archive(tmp_path / "out", records)


@pytest.fixture
def client(outdir):
    return create_app(outdir, token=TOKEN).test_client()


def post(client, doc_id, body, token=TOKEN):
    headers = {TOKEN_HEADER: token} if token is not None else {}
    return client.post(f"/api/articles/{doc_id}/corrections", json=body, headers=headers)


# --------------------------------------------------------------------------- list

def test_list_pages_and_counts(client, records):
    first = client.get("/api/articles?per_page=2").json
    second = client.get("/api/articles?per_page=2&page=2").json
    assert first["total"] == len(records)
    assert [a["doc_id"] for a in first["articles"] + second["articles"]] == [r["doc_id"] for r in records[:4]]
    a = first["articles"][0]
    assert (a["title"], a["n_figures"], a["reviewed"]) == (records[0]["title"], len(records[0]["figures"]), False)


def test_filters_and_facet_counts(client, records):
    rec = next(r for r in records if r["units"])
    unit = f"{rec['units'][0]['type']} {rec['units'][0]['name']}"
    listed = client.get("/api/articles", query_string={"unit": unit}).json
    expected = [r["doc_id"] for r in records if unit in {f"{u['type']} {u['name']}" for u in r["units"]}]
    assert [a["doc_id"] for a in listed["articles"]] == expected
    # a facet's counts ignore the facet's own filter, so other values stay selectable
    units = {f["value"]: f["count"] for f in listed["facets"]["unit"]}
    assert units[unit] == len(expected) and len(units) > 1
    # counts are of articles: two communes of one province count the article once
    provinces = {f["value"]: f["count"] for f in client.get("/api/articles").json["facets"]["province"]}
    for province, count in provinces.items():
        assert count == sum(any(u.get("province") == province or (u.get("name") == province and not u.get("province"))
                                for u in r["units"]) for r in records), province
    with_checks = client.get("/api/articles?checks=yes").json
    assert [a["doc_id"] for a in with_checks["articles"]] == [r["doc_id"] for r in records if r["checks"]]
    year = int(records[0]["published"][:4])
    by_year = client.get(f"/api/articles?year={year}").json
    assert by_year["total"] == sum(1 for r in records if (r.get("published") or "").startswith(str(year)))
    period_years = {r["doc_id"]: {(f["period"].get("end") or f["period"].get("start") or "")[:4]
                                  for f in r["figures"] if f.get("period")} for r in records}
    some_year = sorted(y for ys in period_years.values() for y in ys if y)[0]
    by_period = client.get(f"/api/articles?period={some_year}").json
    assert [a["doc_id"] for a in by_period["articles"]] == [d for d, ys in period_years.items() if some_year in ys]
    aspect = records[0]["figures"][0]["aspect"]
    by_aspect = client.get(f"/api/articles?aspect={aspect}").json
    assert by_aspect["total"] == sum(1 for r in records if aspect in {f["aspect"] for f in r["figures"]})


def test_bad_filter_values_are_400_with_a_message(client):
    for query in ("year=abc", "checks=maybe", "page=x"):
        resp = client.get(f"/api/articles?{query}")
        assert resp.status_code == 400 and resp.json["error"]


def test_paging_over_ten_thousand_articles(tmp_path, records):
    archive = write_archive(tmp_path / "big", repeated(records, 10_000))
    client = create_app(archive, token=TOKEN).test_client()
    page = client.get("/api/articles?per_page=100&page=37").json
    assert page["total"] == 10_000
    assert [a["doc_id"] for a in page["articles"]][:2] == [f"{3600:06d}_{records[0]['doc_id']}",
                                                          f"{3601:06d}_{records[1]['doc_id']}"]
    with_checks = client.get("/api/articles?checks=yes&per_page=10").json
    assert with_checks["total"] == 10_000 * sum(1 for r in records if r["checks"]) // len(records)
    last = client.get("/api/articles?per_page=100&page=100").json["articles"][-1]["doc_id"]
    assert last.startswith("009999_")
    assert client.get(f"/api/articles/{last}").json["record"]["doc_id"] == last


# --------------------------------------------------------------------------- one article

def test_one_article_and_its_neighbours(client, records):
    view = client.get(f"/api/articles/{records[1]['doc_id']}").json
    assert view["record"]["text"] == records[1]["text"]
    assert (view["previous"], view["next"]) == (records[0]["doc_id"], records[2]["doc_id"])
    assert view["reviewed"] is False and view["corrections"] == [] and view["stale"] == []


@pytest.mark.parametrize("doc_id", ["../records.jsonl", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                                    "records.jsonl", "..", "x/../../corrections.jsonl"])
def test_doc_ids_never_reach_files(client, doc_id):
    resp = client.get(f"/api/articles/{doc_id}")
    assert resp.status_code == 404 and resp.json["error"] and "root:" not in resp.text
    assert post(client, doc_id, {"action": "reviewed"}).status_code == 404


# --------------------------------------------------------------------------- corrections

def test_post_needs_the_token(client, outdir, records):
    doc_id = records[0]["doc_id"]
    assert post(client, doc_id, {"action": "reviewed"}, token=None).status_code == 403
    assert post(client, doc_id, {"action": "reviewed"}, token="wrong").status_code == 403
    form = client.post(f"/api/articles/{doc_id}/corrections", data={"action": "reviewed"},
                       headers={TOKEN_HEADER: TOKEN})
    assert form.status_code == 415
    assert read_corrections(outdir) == []
    assert post(client, doc_id, {"action": "reviewed"}).status_code == 201
    assert len(read_corrections(outdir)) == 1


def test_the_page_carries_the_token_and_a_strict_policy(client):
    page = client.get("/")
    assert f'content="{TOKEN}"' in page.text
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert client.get("/static/review.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e%2fapp.py").status_code == 404


def test_set_delete_add_and_reviewed_round_trip(client, outdir, records):
    rec = records[0]
    doc_id, fig, gone = rec["doc_id"], rec["figures"][0], rec["figures"][1]
    resp = post(client, doc_id, {"action": "set", "kind": "figure", "fact_id": fig["id"],
                                 "field": "aspect", "after": "cut"})
    assert resp.status_code == 201
    line = resp.json["correction"]
    assert (line["before"], line["after"], line["span"], line["sha256"]) == (fig["aspect"], "cut", fig["span"], rec["sha256"])
    assert post(client, doc_id, {"action": "delete", "kind": "figure", "fact_id": gone["id"]}).status_code == 201
    text = rec["text"]
    start = text.index(rec["units"][0]["name"])
    span = [start, start + len(rec["units"][0]["name"])]
    added = post(client, doc_id, {"action": "add", "kind": "unit", "span": span, "surface": text[span[0]:span[1]],
                                  "labels": {"type": "xã"}})
    assert added.status_code in (201, 400)  # 400 when a unit is already at exactly that span
    assert post(client, doc_id, {"action": "reviewed", "after": True}).status_code == 201
    view = client.get(f"/api/articles/{doc_id}").json
    figs = {f["id"]: f for f in view["record"]["figures"]}
    assert figs[fig["id"]]["aspect"] == "cut" and gone["id"] not in figs
    assert view["reviewed"] and f"figure:{fig['id']}" in view["corrected"]
    assert client.get("/api/articles?reviewed=yes").json["total"] == 1
    assert [c["action"] for c in read_corrections(outdir)][:2] == ["set", "delete"]
    # records.jsonl is never edited
    assert read_jsonl(outdir / "records.jsonl") == records


def test_add_a_figure_by_span(client, records):
    rec = records[0]
    text = rec["text"]
    taken = {tuple(f["span"]) for f in rec["figures"]}
    m = next(i for i, ch in enumerate(text) if ch.isdigit() and not any(s <= i < e for s, e in taken))
    span = [m, m + 1]
    resp = post(client, rec["doc_id"], {"action": "add", "kind": "figure", "span": span,
                                        "surface": text[m], "labels": {"aspect": "other", "kind": "count"}})
    assert resp.status_code == 201
    added = resp.json["article"]["record"]["figures"][-1]
    assert text[added["span"][0]:added["span"][1]] == added["surface"] and added["value"] == int(text[m])
    s, e = added["sentence"]
    assert s <= m < e


@pytest.mark.parametrize("body, message", [
    ({"action": "set", "kind": "figure", "fact_id": "f1", "field": "aspect", "after": "nonsense"}, "aspect must be one of"),
    ({"action": "set", "kind": "figure", "fact_id": "f1", "field": "colour", "after": "red"}, "field must be one of"),
    ({"action": "set", "kind": "figure", "fact_id": "f999", "field": "aspect", "after": "cut"}, "no figure 'f999'"),
    ({"action": "set", "kind": "figure", "fact_id": "f1", "field": "subject", "after": {"unit": "u99"}}, "no unit 'u99'"),
    ({"action": "set", "kind": "figure", "fact_id": "f1", "field": "period", "after": {"text": "2024", "start": "soon"}}, "YYYY-MM-DD"),
    ({"action": "add", "kind": "figure", "span": [0, 3], "surface": "zzz"}, "text[start:end] != surface"),
    ({"action": "add", "kind": "figure", "span": [5, 1], "surface": ""}, "span must be"),
    ({"action": "add", "kind": "unit", "span": [0, 1], "surface": None}, "text[start:end] != surface"),
    ({"action": "delete", "kind": "planet", "fact_id": "f1"}, "kind must be one of"),
    ({"action": "rewrite"}, "action must be one of"),
    ([1, 2], "JSON object"),
])
def test_bad_corrections_are_400_and_not_written(client, outdir, records, body, message):
    resp = post(client, records[0]["doc_id"], body)
    assert resp.status_code == 400 and message in resp.json["error"]
    assert read_corrections(outdir) == []


# --------------------------------------------------------------------------- hostile text

def test_hostile_text_stays_data(tmp_path, records):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&'
    rec = dict(records[0], doc_id="<b>x</b>", title=hostile)
    client = create_app(write_archive(tmp_path / "h", [rec]), token=TOKEN).test_client()
    listed = client.get("/api/articles")
    assert listed.mimetype == "application/json" and listed.json["articles"][0]["title"] == hostile
    assert hostile not in client.get("/").text  # the page itself holds no archive text
    one = client.get("/api/articles/%3Cb%3Ex%3C%2Fb%3E")
    assert one.json["record"]["title"] == hostile


# --------------------------------------------------------------------------- CLI

def test_review_of_a_missing_archive_is_one_clear_error(tmp_path, capsys):
    assert main(["review", str(tmp_path), "--export-gold", str(tmp_path / "g.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "records.jsonl: no such file" in err and "Traceback" not in err
    with pytest.raises(ArchiveError):
        create_app(tmp_path)


def test_export_gold_writes_reviewed_articles_in_annotation_form(client, outdir, records, tmp_path):
    rec = records[0]
    fig, gone = rec["figures"][0], rec["figures"][1]
    post(client, rec["doc_id"], {"action": "set", "kind": "figure", "fact_id": fig["id"], "field": "period",
                                 "after": {"text": "năm 2018", "start": "2018-01-01", "end": "2018-12-31"}})
    post(client, rec["doc_id"], {"action": "delete", "kind": "figure", "fact_id": gone["id"]})
    post(client, rec["doc_id"], {"action": "reviewed", "after": True})
    post(client, records[1]["doc_id"], {"action": "set", "kind": "figure", "fact_id": "f1", "field": "aspect",
                                        "after": "cut"})  # corrected but not reviewed: not gold
    gold_path = tmp_path / "gold.jsonl"
    assert main(["review", str(outdir), "--export-gold", str(gold_path)]) == 0
    gold = read_jsonl(gold_path)
    assert [g["doc_id"] for g in gold] == [rec["doc_id"]]
    g = gold[0]
    assert len(g["figures"]) == len(rec["figures"]) - 1
    first = next(f for f in g["figures"] if f["span"] == fig["span"])
    assert first["period"] == "năm 2018" and first["surface"] == rec["text"][fig["span"][0]:fig["span"][1]]
    units = {u["id"]: u for u in rec["units"]}
    unit = units.get((fig.get("subject") or {}).get("unit"))
    if unit:
        assert first["subject"] == f"{unit['type']} {unit['name']}"
    assert g["not_figures"] == [{"span": gone["span"], "surface": gone["surface"]}]
    assert {u["name"] for u in g["units"]} == {u["name"] for u in rec["units"]}


def test_gold_scores_the_pipeline_with_the_reference_scorer(client, outdir, records, tmp_path, shared_dir):
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", shared_dir / "tools" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rec = records[0]
    post(client, rec["doc_id"], {"action": "delete", "kind": "figure", "fact_id": rec["figures"][1]["id"]})
    post(client, rec["doc_id"], {"action": "reviewed", "after": True})
    gold_path = tmp_path / "gold.jsonl"
    assert main(["review", str(outdir), "--export-gold", str(gold_path)]) == 0
    counts = scorer.score(read_jsonl(gold_path), {r["doc_id"]: r for r in records})
    # the uncorrected pipeline: every gold figure found, the deleted one a false positive
    assert (counts["fig_tp"], counts["fig_fn"], counts["fig_fp"], counts["fig_neg_hit"]) == (
        len(rec["figures"]) - 1, 0, 1, 1)


def start_review(outdir, *extra):
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "review", str(outdir), "--port", "0", *extra],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if "http://" in line:
            break
    return proc, lines


@pytest.mark.parametrize("host, warned", [(None, False), ("0.0.0.0", True)])
def test_cchc_review_serves_on_localhost_unless_told(outdir, records, host, warned):
    import urllib.request

    proc, lines = start_review(outdir, *(["--host", host] if host else []))
    try:
        url = lines[-1].split()[2]
        assert url.startswith("http://127.0.0.1:" if host is None else f"http://{host}:")
        assert any("WARNING" in line for line in lines) == warned
        port = url.rsplit(":", 1)[1].strip("/")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles?per_page=1") as resp:
            assert json.load(resp)["total"] == len(records)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()


def test_stale_corrections_are_reported_at_start(outdir, records):
    from pipeline.corrections import append_correction

    rec = records[0]
    append_correction(outdir, {"doc_id": rec["doc_id"], "sha256": "0" * 64, "action": "reviewed", "after": True})
    append_correction(outdir, {"doc_id": "gone", "sha256": "x", "action": "reviewed", "after": True})
    meta = create_app(outdir, token=TOKEN).test_client().get("/api/meta").json
    assert sorted(s["reason"] for s in meta["stale"]) == ["the article is no longer in the records",
                                                          "the article text has changed"]
    proc, lines = start_review(outdir)
    try:
        assert "2 corrections no longer apply" in "".join(lines)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()


def test_duplicates_filter(tmp_path, records):
    copy = dict(records[0], doc_id="copy-of-first", duplicate_of=records[0]["doc_id"])
    client = create_app(write_archive(tmp_path / "d", [*records, copy]), token=TOKEN).test_client()
    dups = client.get("/api/articles?duplicates=yes").json
    assert [a["doc_id"] for a in dups["articles"]] == ["copy-of-first"]
    assert dups["articles"][0]["duplicate_of"] == records[0]["doc_id"]
    assert client.get("/api/articles?duplicates=no").json["total"] == len(records)


def test_two_tabs_posting_at_once_lose_no_line(outdir, records):
    import threading

    app = create_app(outdir, token=TOKEN)
    doc_id, fig = records[0]["doc_id"], records[0]["figures"][0]["id"]
    failures = []

    def tab():
        client = app.test_client()
        for _ in range(40):
            resp = post(client, doc_id, {"action": "accept", "kind": "figure", "fact_id": fig})
            if resp.status_code != 201:
                failures.append(resp.status_code)

    tabs = [threading.Thread(target=tab) for _ in range(2)]
    for t in tabs:
        t.start()
    for t in tabs:
        t.join()
    assert failures == []
    assert len(read_corrections(outdir)) == 80
    assert len(client_view(app, doc_id)["corrections"]) == 80


def client_view(app, doc_id):
    return app.test_client().get(f"/api/articles/{doc_id}").json


def test_local_only_app_answers_only_to_loopback_names(outdir):
    client = create_app(outdir, token=TOKEN, local_only=True).test_client()
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765", "localhost"):
        assert client.get("/api/articles", headers={"Host": host}).status_code == 200, host
    for host in ("evil.example:8765", "127.0.0.1.evil.example", "[::1].evil.example"):
        resp = client.get("/", headers={"Host": host})
        assert resp.status_code == 403 and TOKEN not in resp.text, host
