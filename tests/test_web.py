"""Web inputs against a local site (tests/webserver.py): article pages, RSS feeds, sitemaps and
sitemap indexes, --urls lists; robots.txt, failures (404, timeout, not HTML), conditional GET,
and the fetcher's politeness (User-Agent, per-host delay, retries with backoff)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, read_jsonl
from pipeline import __version__
from pipeline.batch import run_extract
from pipeline.web import FetchConfig
from pipeline.web.fetch import Fetcher, FetchError
from pipeline.web.page import url_doc_id
from webserver import Route, Site, article_page, rss, sitemap

# generous timeouts against the local test server (a loaded CI machine answers slowly); the
# timeout test sets its own short one
FAST = FetchConfig(delay=0.0, retries=0, backoff=0.01, read_timeout=5.0, connect_timeout=5.0)
SHORT_TIMEOUT = FetchConfig(delay=0.0, retries=0, backoff=0.01, read_timeout=1.0, connect_timeout=5.0)


def seed(n: int) -> tuple[str, list[str]]:
    """(headline, paragraphs) of the n-th seed article of corpus/."""
    path = sorted((ROOT / "corpus").glob("*.txt"))[n]
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines[0], lines[1:]


def page(n: int, **kw) -> Route:
    title, paragraphs = seed(n)
    return Route(article_page(title, paragraphs, **kw))


def extract(tmp_path: Path, *inputs: str, config: FetchConfig = FAST, **kw):
    out = tmp_path / "out"
    summary = run_extract(list(inputs), str(out), workers=1, fetch_config=config, **kw)
    records = read_jsonl(out / "records.jsonl")
    errors = read_jsonl(out / "errors.jsonl")
    return summary, records, errors


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_article_page_keeps_text_and_metadata_without_boilerplate(site, tmp_path):
    site.routes["/news/kim-bang.html"] = page(1, published="2024-05-06", author="Minh Anh")
    url = site.url("/news/kim-bang.html")
    summary, [rec], errors = extract(tmp_path, url)
    title, paragraphs = seed(1)
    assert errors == [] and (summary.new, summary.failed) == (1, 0)
    assert rec["url"] == url and rec["source"] == url
    assert rec["doc_id"] == url_doc_id(url) == f"127.0.0.1:{site.port}/news/kim-bang.html"
    assert rec["title"] == title and rec["published"] == "2024-05-06"
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in rec["text"]
    body = rec["text"][rec["body"][0]:rec["body"][1]]
    for boilerplate in ("Trang chủ", "Liên hệ quảng cáo", "Giấy phép số 123/GP-BTTTT", "Tin liên quan",
                        "Bài khác một"):
        assert boilerplate not in rec["text"], boilerplate
    assert " ".join(paragraphs[0].split()) in body
    assert rec["figures"], "the article's figures are extracted from the page text"


def test_page_author_is_kept_when_the_text_has_no_byline(site, tmp_path):
    title, paragraphs = seed(2)
    assert paragraphs[-1] == "Dũng Chinh"  # the byline line: left out of the page below
    site.routes["/a.html"] = Route(article_page(title, paragraphs[:-1], author="Minh Anh"))
    _, [rec], _ = extract(tmp_path, site.url("/a.html"))
    assert rec["authors"] == ["Minh Anh"]


def test_user_agent_names_the_tool_and_its_version(site, tmp_path):
    site.routes["/a.html"] = page(0)
    extract(tmp_path, site.url("/a.html"))
    agents = {headers.get("User-Agent") for _, headers in site.log}
    assert agents == {FAST.user_agent} and f"cchc-metrics/{__version__}" in FAST.user_agent


def test_feed_then_second_run_fetches_only_the_new_item(site, tmp_path):
    base = site.url("")
    site.routes["/feed.rss"] = Route(rss(["/news/a.html", "/news/b.html"], base), "application/rss+xml")
    site.routes["/news/a.html"] = page(0)
    site.routes["/news/b.html"] = page(1)
    summary, records, errors = extract(tmp_path, site.url("/feed.rss"))
    assert errors == [] and summary.new == 2
    assert [r["url"] for r in records] == [site.url("/news/a.html"), site.url("/news/b.html")]
    assert site.paths() == ["/robots.txt", "/feed.rss", "/news/a.html", "/news/b.html"]

    site.log.clear()
    site.routes["/feed.rss"] = Route(rss(["/news/c.html", "/news/a.html", "/news/b.html"], base),
                                     "application/rss+xml")
    site.routes["/news/c.html"] = page(2)
    summary, records, errors = extract(tmp_path, site.url("/feed.rss"))
    assert (summary.new, summary.updated, summary.kept, summary.failed) == (1, 0, 2, 0)
    assert [p for p in site.paths() if p.startswith("/news/")] == ["/news/c.html"]
    assert site.paths() == ["/robots.txt", "/feed.rss", "/news/c.html"]
    assert [r["url"] for r in records][-1] == site.url("/news/c.html") and len(records) == 3


def test_unchanged_feed_costs_a_304(site, tmp_path):
    site.routes["/feed.rss"] = Route(rss(["/news/a.html"], site.url("")), "application/rss+xml", etag='"v1"')
    site.routes["/news/a.html"] = page(0)
    extract(tmp_path, site.url("/feed.rss"))
    site.log.clear()
    summary, records, _ = extract(tmp_path, site.url("/feed.rss"))
    assert site.paths() == ["/robots.txt", "/feed.rss"]
    assert site.log[1][1].get("If-None-Match") == '"v1"'
    assert (summary.new, summary.kept, len(records)) == (0, 1, 1)


def test_article_url_is_fetched_conditionally_and_updated_when_changed(site, tmp_path):
    site.routes["/a.html"] = Route(page(0).body, etag='"a1"')
    extract(tmp_path, site.url("/a.html"))
    site.log.clear()
    summary, records, _ = extract(tmp_path, site.url("/a.html"))
    assert site.log[-1][1].get("If-None-Match") == '"a1"'
    assert (summary.new, summary.updated, summary.kept) == (0, 0, 1)
    title, paragraphs = seed(0)
    site.routes["/a.html"] = Route(article_page(title, paragraphs + ["Đến nay, huyện đã tiếp nhận 999 hồ sơ."]),
                                   etag='"a2"')
    summary, [rec], _ = extract(tmp_path, site.url("/a.html"))
    assert (summary.new, summary.updated, summary.kept) == (0, 1, 0)
    assert "999 hồ sơ" in rec["text"]


def test_sitemap_and_sitemap_index(site, tmp_path):
    base = site.url("")
    site.routes["/sitemap.xml"] = Route(sitemap(["/sitemaps/1.xml", "/sitemaps/2.xml"], base, index=True),
                                        "application/xml")
    site.routes["/sitemaps/1.xml"] = Route(sitemap(["/p/0.html", "/p/1.html"], base), "application/xml")
    site.routes["/sitemaps/2.xml"] = Route(sitemap(["/p/2.html"], base), "text/xml")
    for n in range(3):
        site.routes[f"/p/{n}.html"] = page(n)
    summary, records, errors = extract(tmp_path, site.url("/sitemap.xml"))
    assert errors == [] and summary.new == 3
    assert [r["url"] for r in records] == [site.url(f"/p/{n}.html") for n in range(3)]
    summary, records, errors = extract(tmp_path / "plain", site.url("/sitemaps/1.xml"))
    assert [r["url"] for r in records] == [site.url("/p/0.html"), site.url("/p/1.html")]


def test_urls_file_with_comments_and_a_local_file(site, tmp_path):
    site.routes["/a.html"] = page(0)
    site.routes["/b.html"] = page(1)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# today's pages\n{site.url('/a.html')}\n\n{site.url('/b.html')}\n", encoding="utf-8")
    local = tmp_path / "local.txt"
    local.write_text((ROOT / "corpus" / "002_7d7845850110665b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    summary, records, errors = extract(tmp_path, str(local), urls_file=str(urls))
    assert [r["doc_id"] for r in records] == ["local", url_doc_id(site.url("/a.html")),
                                              url_doc_id(site.url("/b.html"))]


def test_robots_disallow_404_timeout_and_not_html_are_one_error_line_each(site, tmp_path):
    site.routes["/robots.txt"] = Route("User-agent: *\nDisallow: /private/\n", "text/plain")
    site.routes["/private/a.html"] = page(0)
    site.routes["/slow.html"] = Route(page(1).body, delay=2.5)
    site.routes["/report.pdf"] = Route(b"%PDF-1.4 binary", "application/pdf")
    site.routes["/empty.html"] = Route("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>")
    site.routes["/ok.html"] = page(2)
    urls = [site.url(p) for p in ("/private/a.html", "/missing.html", "/slow.html", "/report.pdf",
                                  "/empty.html", "/ok.html")]
    summary, records, errors = extract(tmp_path, *urls, config=SHORT_TIMEOUT)
    assert [r["url"] for r in records] == [site.url("/ok.html")]
    assert [(e["source"], e["error"]) for e in errors] == [
        (urls[0], "RobotsDisallowed"), (urls[1], "HTTPError"), (urls[2], "Timeout"),
        (urls[3], "NotHTML"), (urls[4], "EmptyInput")]
    assert errors[1]["message"] == "HTTP 404"
    assert "/private/a.html" not in site.paths()
    assert summary.failed == 5


def test_failed_feed_item_is_retried_by_the_next_run(site, tmp_path):
    site.routes["/feed.rss"] = Route(rss(["/news/a.html", "/news/b.html"], site.url("")), "application/rss+xml")
    site.routes["/news/a.html"] = page(0)
    summary, records, errors = extract(tmp_path, site.url("/feed.rss"))
    assert [e["error"] for e in errors] == ["HTTPError"] and len(records) == 1
    site.routes["/news/b.html"] = page(1)
    site.log.clear()
    summary, records, errors = extract(tmp_path, site.url("/feed.rss"))
    assert errors == [] and summary.new == 1 and "/news/b.html" in site.paths()
    assert "/news/a.html" not in site.paths()


# --------------------------------------------------------------------------- the fetcher

class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def test_fetcher_waits_between_requests_to_a_host(site):
    site.routes["/a"] = Route("<html><body>a</body></html>")
    clock = FakeClock()
    fetcher = Fetcher(FetchConfig(delay=2.0), sleep=clock.sleep, clock=clock)
    fetcher.get(site.url("/a"))  # robots.txt, then /a after the delay
    fetcher.get(site.url("/a"))
    assert clock.slept == [2.0, 2.0] and fetcher.requests == 3


def test_robots_crawl_delay_lengthens_the_delay(site):
    site.routes["/robots.txt"] = Route("User-agent: *\nCrawl-delay: 5\n", "text/plain")
    site.routes["/a"] = Route("<html><body>a</body></html>")
    clock = FakeClock()
    fetcher = Fetcher(FetchConfig(delay=1.0), sleep=clock.sleep, clock=clock)
    fetcher.get(site.url("/a"))
    assert clock.slept == [5.0]


def test_fetcher_retries_a_server_error_with_backoff(site):
    flaky = Route("<html><body>ok</body></html>", status=503)
    site.routes["/a"] = flaky
    clock = FakeClock()
    fetcher = Fetcher(FetchConfig(delay=0.0, retries=2, backoff=0.5), sleep=clock.sleep, clock=clock)
    with pytest.raises(FetchError, match="HTTP 503"):
        fetcher.get(site.url("/a"))
    assert site.paths().count("/a") == 3 and clock.slept == [0.5, 1.0]


def test_robots_txt_server_error_disallows_everything(site):
    site.routes["/robots.txt"] = Route("oops", "text/plain", status=500)
    fetcher = Fetcher(FetchConfig(delay=0.0, retries=0))
    with pytest.raises(FetchError) as err:
        fetcher.get(site.url("/a"))
    assert err.value.kind == "RobotsDisallowed" and site.paths() == ["/robots.txt"]


def test_response_larger_than_the_limit_is_an_error(site):
    site.routes["/big.html"] = Route("<html><body>" + "x" * 5000 + "</body></html>")
    fetcher = Fetcher(FetchConfig(delay=0.0, retries=2, max_bytes=1000))
    with pytest.raises(FetchError) as err:
        fetcher.get(site.url("/big.html"))
    assert err.value.kind == "InputTooLarge" and site.paths().count("/big.html") == 1


def test_atom_feed_to_standard_output(site, tmp_path, capfdbinary):
    site.routes["/atom.xml"] = Route(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<link rel='self' href='{site.url('/atom.xml')}'/><title>Tin</title>"
        f"<entry><title>A</title><link href='{site.url('/news/a.html')}'/></entry>"
        "<entry><title>B</title><link href='/news/b.html'/></entry></feed>", "application/atom+xml")
    site.routes["/news/a.html"] = page(0)
    site.routes["/news/b.html"] = page(3)
    summary = run_extract([site.url("/atom.xml")], "-", workers=1, fetch_config=FAST)
    records = [json.loads(line) for line in capfdbinary.readouterr().out.splitlines()]
    assert [r["url"] for r in records] == [site.url("/news/a.html"), site.url("/news/b.html")]
    assert (summary.new, summary.failed) == (2, 0)
