"""Articles from the web: feeds, sitemaps (and sitemap indexes) and article pages, fetched
politely (robots.txt, a per-host delay, retries, conditional GET) and read with trafilatura.

    config.py    FetchConfig: every politeness setting in one place
    fetch.py     Fetcher: one GET, robots.txt, delay, retries, ETag / Last-Modified
    state.py     HttpState: validators and known URLs, kept in OUTDIR/.cchc/http.json
    listing.py   what a fetched document is, and the links of a feed or a sitemap
    page.py      an article page -> RawArticle (text, title, date, author, url)
    crawl.py     URL inputs -> RawArticle | InputError, in order
"""
from .config import FetchConfig
from .crawl import iter_web_articles, is_url
from .state import HttpState

__all__ = ["FetchConfig", "HttpState", "is_url", "iter_web_articles"]
