"""`cchc check` (terminal and HTML), the page in headless Chromium, and `pipeline.to_spacy`."""
import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import pipeline
from conftest import ROOT
from pipeline.checks import run_checks
from pipeline.cli import main
from pipeline.extract import extract_article
from pipeline.ingest import iter_articles
from pipeline.report import BOLD_RED, RESET, html_report, terminal_report

SEED = ROOT / "corpus" / "002_7d7845850110665b.txt"
INJECTION = '<script>document.body.dataset.pwned = "1"</script><img src=x onerror="document.title=\'pwned\'">'


def make_record():
    """An article with a unit, an official, a document, two figures and a failed check."""
    text = ("Ông Huỳnh Văn Nhã, Chủ tịch UBND huyện Tân Hồng, cho biết theo Kế hoạch 143, "
            "năm 2024 huyện Tân Hồng hoàn thành 22/24 nhiệm vụ (đạt 91,16%).\n\n"
            f"Bình luận: {INJECTION}")

    def span(surface, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return [start, start + len(surface)]

    sentence = [0, text.index(").") + 2]
    unit_mentions = [span("huyện Tân Hồng"), span("huyện Tân Hồng", 1)]
    period = {"text": "năm 2024", "start": "2024-01-01", "end": "2024-12-31"}
    subject = {"unit": "u1", "aggregate": None, "text": "huyện Tân Hồng"}
    figures = [
        {"id": "f1", "span": span("22/24"), "surface": "22/24", "value": 22, "denominator": 24,
         "kind": "ratio", "approx": "exact", "object": "task", "aspect": "completed",
         "noun": 'nhiệm vụ" onmouseover="alert(2)', "subject": subject, "period": period, "sentence": sentence},
        {"id": "f2", "span": span("91,16%"), "surface": "91,16%", "value": 91.16, "denominator": None,
         "kind": "percent", "approx": "exact", "object": "task", "aspect": "completed", "noun": "nhiệm vụ",
         "subject": subject, "period": period, "sentence": sentence}]
    return {
        "schema_version": "1", "doc_id": "tan-hong", "source": "in/tan-hong.txt", "sha256": "0" * 64,
        "text": text, "title": "CCHC <b>Tân Hồng</b>", "published": "2024-10-16", "authors": [],
        "body": [0, len(text)], "figures": figures,
        "units": [{"id": "u1", "type": "huyện", "name": "Tân Hồng", "code": "869", "district": None,
                   "province": "Đồng Tháp", "code_2025": None, "mentions": unit_mentions}],
        "officials": [{"id": "p1", "name": "Huỳnh Văn Nhã", "mentions": [span("Huỳnh Văn Nhã")],
                       "roles": [{"title": "Chủ tịch", "org": "UBND huyện Tân Hồng",
                                  "org_expanded": "Ủy ban nhân dân huyện Tân Hồng", "unit": "u1"}]}],
        "documents": [{"type": "Kế hoạch", "number": "143", "date": None, "issuer": None,
                       "span": span("Kế hoạch 143")}],
        "checks": [{"kind": "ratio_percent_mismatch", "figures": ["f1", "f2"], "computed": 91.67,
                    "stated": 91.16, "message": "22/24 is 91.67 %, but the article states 91,16%."}],
        "warnings": []}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


class Marks(HTMLParser):
    """The <mark> elements of a page (classes, data-facts, title, text) and the article's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.article, self.tags = [], [], []
        self._open_mark, self._in_article = None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "div" and attrs.get("class") == "article":
            self._in_article = 1
        elif tag == "mark" and self._in_article:
            self._open_mark = {**attrs, "text": ""}

    def handle_endtag(self, tag):
        if tag == "mark" and self._open_mark is not None:
            self.marks.append(self._open_mark)
            self._open_mark = None
        elif tag == "div" and self._in_article:
            self._in_article = 0

    def handle_data(self, data):
        if self._in_article:
            self.article.append(data)
            if self._open_mark is not None:
                self._open_mark["text"] += data

    def fact_text(self, fact_id):
        return [m["text"] for m in self.marks if fact_id in m.get("data-facts", "").split()]


def parse(page):
    parser = Marks()
    parser.feed(page)
    return parser


# --------------------------------------------------------------------------- terminal

def test_terminal_report_highlights_figures_and_lists_checks(tmp_path, capsys):
    path = write_jsonl(tmp_path / "records.jsonl", [make_record()])
    assert main(["check", str(path), "--lang", "en"]) == 3  # a check fails
    out = capsys.readouterr().out
    assert "hoàn thành **22/24** nhiệm vụ (đạt **91,16%**)." in out
    assert "\x1b[" not in out  # not a terminal: no colour codes
    f2 = next(line for line in out.splitlines() if line.strip().startswith("!f2"))
    for label in ("kind: percent", "value: 91.16 %", "aspect: completed", "object: task (nhiệm vụ)",
                  "approx: exact", "subject: huyện Tân Hồng (u1, 869)", "period: năm 2024 (2024-01-01 – 2024-12-31)"):
        assert label in f2
    assert "ratio_percent_mismatch [f1, f2]: 22/24 is 91.67 %, but the article states 91,16%." in out


def test_terminal_colours_flagged_figures():
    out = terminal_report(make_record(), color=True)
    assert f"{BOLD_RED}91,16%{RESET}" in out and "**" not in out


def test_terminal_report_drops_escape_sequences_from_the_article():
    record = make_record()
    record["text"] = record["text"].replace("biết", "\x1b[2J", 1)  # as long: the offsets hold
    out = terminal_report(record, color=False)
    assert "\x1b" not in out and "**22/24**" in out


def test_check_extracts_an_article_file(capsys):
    record = extract_article(next(iter_articles([str(SEED)])))
    assert main(["check", str(SEED)]) == (3 if record["checks"] else 0)
    out = capsys.readouterr().out
    assert record["figures"]
    for figure in record["figures"]:
        assert f"**{figure['surface']}**" in out
    for check in run_checks(record["figures"], record["text"], lang="vi"):
        assert check["message"] in out


def test_check_json_and_exit_status_gate_a_script(tmp_path, capsys):
    path = write_jsonl(tmp_path / "records.jsonl", [make_record()])
    assert main(["check", str(path), "--json", "--lang", "en"]) == 3
    out = json.loads(capsys.readouterr().out)
    assert [f["id"] for f in out["figures"]] == ["f1", "f2"] and "text" not in out
    assert out["units"][0]["name"] == "Tân Hồng" and out["officials"][0]["name"] == "Huỳnh Văn Nhã"
    assert out["checks"] == [{"kind": "ratio_percent_mismatch", "figures": ["f1", "f2"], "computed": 91.67,
                              "stated": 91.16, "message": "22/24 is 91.67 %, but the article states 91,16%."}]


def test_check_exits_0_when_no_check_fails(tmp_path, capsys):
    record = make_record()
    record["figures"][1].update(surface="91,67%", value=91.67)
    record["text"] = record["text"].replace("91,16%", "91,67%")
    path = write_jsonl(tmp_path / "records.jsonl", [record])
    assert main(["check", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["checks"] == []


def test_check_messages_default_to_vietnamese_decimals(tmp_path, capsys):
    path = write_jsonl(tmp_path / "records.jsonl", [make_record()])
    assert main(["check", str(path)]) == 3
    assert "22/24 là 91,67 %, nhưng bài viết ghi 91,16%." in capsys.readouterr().out


def test_check_rejects_an_unknown_language(tmp_path, capsys):
    path = write_jsonl(tmp_path / "records.jsonl", [make_record()])
    with pytest.raises(SystemExit) as exc:
        main(["check", str(path), "--lang", "fr"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_check_of_unreadable_input_fails_cleanly(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert "missing.txt" in err and "Traceback" not in err


# --------------------------------------------------------------------------- HTML

def test_html_escapes_the_article(tmp_path, capsys):
    path = write_jsonl(tmp_path / "records.jsonl", [make_record()])
    page_path = tmp_path / "report.html"
    assert main(["check", str(path), "--html", str(page_path)]) == 3
    page = page_path.read_text(encoding="utf-8")
    assert "&lt;script&gt;document.body.dataset.pwned" in page
    assert "&lt;img src=x onerror=" in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "CCHC &lt;b&gt;Tân Hồng&lt;/b&gt;" in page and "<b>Tân Hồng</b>" not in page
    assert 'onmouseover="' not in page  # a quote in a label cannot end the title attribute
    assert "http://" not in page and "https://" not in page  # self-contained


def test_html_marks_every_fact_and_keeps_the_text():
    record = make_record()
    marks = parse(html_report(record))
    assert "".join(marks.article) == record["text"]
    for f in record["figures"]:
        assert "".join(marks.fact_text(f["id"])) == f["surface"]
    assert marks.fact_text("u1") == ["huyện Tân Hồng", "huyện Tân Hồng"]
    assert marks.fact_text("p1") == ["Huỳnh Văn Nhã"]
    assert "".join(marks.fact_text("d1")) == "Kế hoạch 143"
    f2 = next(m for m in marks.marks if m.get("id") == "f2")
    assert "figure" in f2["class"] and "flagged" in f2["class"]
    assert "aspect: completed" in f2["title"] and "period: năm 2024" in f2["title"]
    unit = next(m for m in marks.marks if "u1" in m["data-facts"])
    assert "code: 869" in unit["title"]


def test_html_lists_checks_before_the_article():
    page = html_report(make_record())
    checks = page.index('<section id="checks">')
    assert checks < page.index('<div class="article">')
    assert html.escape("22/24 is 91.67 %, but the article states 91,16%.") in page[checks:]
    assert '<a href="#f1">f1</a>' in page


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def test_page_in_headless_chromium(tmp_path):
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium binary (chromium, chromium-browser, google-chrome): "
                    "`apt-get install chromium` to run this test; .ci/run installs it")
    record = make_record()
    page = tmp_path / "report.html"
    page.write_text(html_report(record), encoding="utf-8")
    res = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    assert res.returncode == 0, res.stderr[-2000:]
    dom = parse(res.stdout)
    # the rendered DOM has every highlight, with its text, and the injected markup stayed text
    assert "".join(dom.article) == record["text"]
    for f in record["figures"]:
        assert "".join(dom.fact_text(f["id"])) == f["surface"]
    assert dom.fact_text("u1") == ["huyện Tân Hồng", "huyện Tân Hồng"]
    assert dom.fact_text("p1") == ["Huỳnh Văn Nhã"]
    assert "script" not in dom.tags and "img" not in dom.tags
    assert "pwned" not in res.stdout.split('<div class="article">')[0]  # title and body attributes untouched
    assert 'data-pwned' not in res.stdout
    assert '<li class="check" data-kind="ratio_percent_mismatch">' in res.stdout
    # labels visible without hovering: each figure's tag, the check's message under its sentence
    tags = re.findall(r'data-tag="([^"]*)"', res.stdout)
    assert [t.split(" · ")[:2] for t in tags] == [["ratio", "completed"], ["percent", "completed"]]
    assert all("ratio_percent_mismatch" in t for t in tags)
    note = re.search(r'<span class="check-note" data-note="([^"]*)"', res.stdout)
    assert note and "22/24" in html.unescape(note.group(1))
    # under the sentence: after its last figure, before the next paragraph
    assert res.stdout.index('id="f2"') < res.stdout.index('class="check-note"') < res.stdout.index("Bình luận")
    # offsets in the table
    s, e = record["figures"][0]["span"]
    assert f"<td>[{s}, {e})</td>" in res.stdout


ARTIFACTS = ROOT / "tests" / "artifacts" / "report"


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_report_screenshots_at_desktop_and_phone_widths(tmp_path, width):
    """The page renders at both widths (screenshots kept in tests/artifacts/report/ to look at);
    at phone width nothing is wider than the screen (the table scrolls in its own box)."""
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium binary: `apt-get install chromium` to run this test; .ci/run installs it")
    page = tmp_path / "report.html"
    page.write_text(html_report(make_record()), encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"report-{width}.png"
    shot.unlink(missing_ok=True)
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},1200"]
    env = {**os.environ, "HOME": str(tmp_path)}
    res = subprocess.run([*base, f"--screenshot={shot}", page.as_uri()], capture_output=True,
                         text=True, timeout=120, env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    assert png_size(shot) == (width, 1200) and shot.stat().st_size > 10_000


def test_check_of_a_folder_with_several_articles_is_an_error(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Huyện tiếp nhận 300 hồ sơ.", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "holds 2 input files" in err and "a.txt" in err and "b.txt" in err and len(err.strip().splitlines()) == 1


# --------------------------------------------------------------------------- spaCy

def assert_round_trip(record, doc):
    assert doc.text == record["text"]
    spans = {key: [(s.start_char, s.end_char, s.id_) for s in doc.spans[key]]
             for key in ("figures", "units", "officials", "documents")}
    assert spans["figures"] == [(*f["span"], f["id"]) for f in record["figures"]]
    assert sorted(spans["units"]) == sorted((s, e, u["id"]) for u in record["units"] for s, e in u["mentions"])
    assert sorted(spans["officials"]) == sorted((s, e, o["id"]) for o in record["officials"]
                                                for s, e in o["mentions"])
    assert [s[:2] for s in spans["documents"]] == [tuple(d["span"]) for d in record["documents"]]


def test_to_spacy_labels_and_offsets():
    record = make_record()
    doc = pipeline.to_spacy(record)
    assert_round_trip(record, doc)
    assert [(s.text, s.label_) for s in doc.spans["figures"]] == [("22/24", "ratio:completed"),
                                                                  ("91,16%", "percent:completed")]
    assert {(s.label_, s.kb_id_) for s in doc.spans["units"]} == {("huyện", "869")}
    assert [s.label_ for s in doc.spans["officials"]] == ["official"]
    assert [s.label_ for s in doc.spans["documents"]] == ["Kế hoạch"]
    assert doc.user_data["doc_id"] == "tan-hong"


def test_to_spacy_cuts_tokens_at_fact_boundaries():
    # figures glued to words, several spaces and line breaks, a fact at each end of the text
    text = "2.065 hồ sơ,  đạt91,16%\n\n\tvà 7/9xã"
    record = make_record()
    record.update(text=text, units=[], officials=[], documents=[], checks=[])
    surfaces = ["2.065", "91,16%", "7/9", "xã"]
    record["figures"] = [{**record["figures"][1], "id": f"f{n}", "surface": surface,
                          "span": [text.index(surface), text.index(surface) + len(surface)],
                          "sentence": [0, len(text)]}
                         for n, surface in enumerate(surfaces, 1)]
    assert record["figures"][-1]["span"][1] == len(text)
    doc = pipeline.to_spacy(record)
    assert_round_trip(record, doc)
    assert [s.text for s in doc.spans["figures"]] == surfaces


def test_to_spacy_round_trips_the_corpus_records():
    for raw in iter_articles([str(ROOT / "corpus")]):
        record = extract_article(raw)
        assert_round_trip(record, pipeline.to_spacy(record))


def test_to_spacy_needs_the_text():
    record = make_record()
    del record["text"]
    with pytest.raises(ValueError, match="no text"):
        pipeline.to_spacy(record)
