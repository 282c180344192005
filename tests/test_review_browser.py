"""The review page in a real browser: Playwright driving the system Chromium (Debian's
`chromium`, which .ci/run installs; no browser download). Open the list, filter, open an
article, relabel a figure, delete one, add one by selecting text, mark reviewed, reload and see
it persisted, then `cchc export` and find the corrections in the tables. Screenshots at desktop
and phone widths go to tests/artifacts/review/ (not committed)."""
import json
import os
import re
import shutil
import threading

import pytest

from conftest import ROOT, read_jsonl
from pipeline.cli import main
from pipeline.review.app import create_app

pytest.importorskip("playwright", reason="the test extras install playwright")
from playwright.sync_api import expect, sync_playwright  # noqa: E402

RECORDS = ROOT / "extracted" / "records.jsonl"
ARTIFACTS = ROOT / "tests" / "artifacts" / "review"
VIEWPORTS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}


def find_chromium():
    for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.path.exists(path):
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no system Chromium: `apt-get install chromium` (.ci/run installs it)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


def serve(outdir):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, create_app(outdir, local_only=True), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture
def site(tmp_path):
    outdir = tmp_path / "out"
    outdir.mkdir()
    shutil.copy(RECORDS, outdir / "records.jsonl")
    server, url = serve(outdir)
    yield outdir, url
    server.shutdown()


def offline_page(browser, url, viewport):
    """A page that may only talk to the app: any other request is refused and remembered."""
    page = browser.new_page(viewport=viewport)
    page.outside, page.errors = [], []
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def guard(route):
        if route.request.url.startswith(url):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()
    page.route("**/*", guard)
    return page


SELECT_SPAN = """([s, e]) => {
  // the DOM position of code point offset `at` in the article text
  const point = (at) => {
    for (const seg of document.querySelectorAll('#text [data-s]')) {
      const start = Number(seg.dataset.s), chars = Array.from(seg.textContent);
      if (start <= at && at <= start + chars.length) {
        return [seg.firstChild, chars.slice(0, at - start).join('').length];
      }
    }
  };
  const range = document.createRange();
  range.setStart(...point(s));
  range.setEnd(...point(e));
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}"""


def figure_row(page, fig_id):
    return page.locator(f'#figures tr[data-fig="{fig_id}"]')


def test_review_flow_persists_and_exports(browser, site, tmp_path):
    outdir, url = site
    records = read_jsonl(RECORDS)
    rec = next(r for r in records if len(r["figures"]) >= 3 and r["units"])
    unit = f"{rec['units'][0]['type']} {rec['units'][0]['name']}"
    n_with_unit = sum(unit in {f"{u['type']} {u['name']}" for u in r["units"]} for r in records)
    relabel, gone = rec["figures"][0], rec["figures"][1]
    new_aspect = "cut" if relabel["aspect"] != "cut" else "other"
    text = rec["text"]
    taken = [f["span"] for f in rec["figures"]]
    start = next(i for i, ch in enumerate(text) if ch.isdigit() and not any(s <= i < e for s, e in taken))
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    page = offline_page(browser, url, VIEWPORTS["desktop"])

    # the list, then a filter with its facet count
    page.goto(url)
    expect(page.locator("#articles tbody tr")).to_have_count(len(records))
    option = page.locator('select[name="unit"] option', has_text=unit).first
    assert option.inner_text() == f"{unit} ({n_with_unit})"
    page.select_option('select[name="unit"]', unit)
    expect(page.locator("#articles tbody tr")).to_have_count(n_with_unit)
    expect(page.locator("#list-summary")).to_have_text(f"{n_with_unit} article" + "s" * (n_with_unit != 1))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "list-desktop.png"))

    # one article: every figure highlighted in the text and listed beside it
    page.click(f'#articles tr[data-doc-id="{rec["doc_id"]}"] a')
    expect(page.locator("#article-title")).to_have_text(rec["title"])
    expect(page.locator("#figures tbody tr")).to_have_count(len(rec["figures"]))
    assert page.locator("#text .fig[data-fig]").evaluate_all(
        "ns => [...new Set(ns.map(n => n.dataset.fig))].length") == len(rec["figures"])
    page.keyboard.press("j")
    expect(figure_row(page, rec["figures"][0]["id"])).to_have_class(re.compile(r"\bcurrent\b"))

    # relabel a figure
    figure_row(page, relabel["id"]).locator("button.edit").click()
    page.select_option("#ed-aspect", new_aspect)
    page.screenshot(path=str(ARTIFACTS / "editor-desktop.png"))
    page.click("#save-figure")
    expect(figure_row(page, relabel["id"]).locator("td.col-aspect")).to_have_text(new_aspect)

    # delete one
    figure_row(page, gone["id"]).locator("button.delete").click()
    expect(figure_row(page, gone["id"])).to_have_count(0)

    # add one by selecting its text
    page.evaluate(SELECT_SPAN, [start, end])
    expect(page.locator("#selection-text")).to_have_text(text[start:end])
    page.click('[data-add="figure"]')
    added = page.locator("#figures tbody tr").last
    expect(added.locator("td.surface")).to_have_text(text[start:end])

    # mark reviewed
    page.click("#mark-reviewed")
    expect(page.locator("#reviewed-state")).to_have_text("✓ reviewed")
    page.screenshot(path=str(ARTIFACTS / "article-desktop.png"))

    # reload: everything persisted
    page.reload()
    expect(page.locator("#reviewed-state")).to_have_text("✓ reviewed")
    expect(figure_row(page, relabel["id"]).locator("td.col-aspect")).to_have_text(new_aspect)
    expect(figure_row(page, gone["id"])).to_have_count(0)
    expect(page.locator("#figures tbody tr").last.locator("td.surface")).to_have_text(text[start:end])
    assert page.outside == [] and page.errors == []

    lines = [json.loads(line) for line in (outdir / "corrections.jsonl").read_text().splitlines()]
    assert [c["action"] for c in lines] == ["set", "delete", "add", "reviewed"]
    assert lines[2]["after"]["span"] == [start, end] and lines[2]["after"]["surface"] == text[start:end]

    # cchc export carries the corrections
    tables = tmp_path / "tables"
    assert main(["export", str(outdir), "--to", "parquet", "-o", str(tables)]) == 0
    import pandas as pd

    figures = pd.read_parquet(tables / "figures.parquet")
    mine = figures[figures.doc_id == rec["doc_id"]]
    row = mine[mine.span_start == relabel["span"][0]].iloc[0]
    assert row.aspect == new_aspect and row.corrected
    assert gone["span"][0] not in set(mine.span_start)
    new = mine[mine.span_start == start].iloc[0]
    assert (new.surface, new.span_end, bool(new.corrected)) == (text[start:end], end, True)
    articles = pd.read_parquet(tables / "articles.parquet").set_index("doc_id")
    assert articles.loc[rec["doc_id"], "reviewed"] and articles.reviewed.sum() == 1


def test_next_article_key_and_phone_width(browser, site):
    _, url = site
    records = read_jsonl(RECORDS)
    page = offline_page(browser, url, VIEWPORTS["phone"])
    page.goto(url)
    expect(page.locator("#articles tbody tr")).to_have_count(len(records))
    page.screenshot(path=str(ARTIFACTS / "list-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    page.click(f'#articles tr[data-doc-id="{records[0]["doc_id"]}"] a')
    expect(page.locator("#article-title")).to_have_text(records[0]["title"])
    page.keyboard.press("n")
    expect(page.locator("#article-title")).to_have_text(records[1]["title"])
    # no sideways scrolling of the page (wide tables scroll inside their box)
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    page.screenshot(path=str(ARTIFACTS / "article-phone.png"))
    assert page.outside == [] and page.errors == []


def test_hostile_text_is_shown_as_text(browser, tmp_path):
    hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    rec = dict(read_jsonl(RECORDS)[0], doc_id='"><img src=x>', title=hostile)
    rec["text"] = hostile + rec["text"][len(hostile):]
    rec["figures"], rec["checks"] = [], []
    rec["units"], rec["officials"], rec["documents"] = [], [], []
    outdir = tmp_path / "h"
    outdir.mkdir()
    (outdir / "records.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    server, url = serve(outdir)
    try:
        page = offline_page(browser, url, VIEWPORTS["desktop"])
        page.goto(url)
        expect(page.locator("#articles tbody td.title a")).to_have_text(hostile)
        page.click("#articles tbody td.title a")
        expect(page.locator("#article-title")).to_have_text(hostile)
        assert page.locator("#text").inner_text().startswith(hostile)
        assert page.evaluate("window.pwned") is None
        assert page.locator("main img").count() == 0
    finally:
        server.shutdown()
