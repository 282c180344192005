"""URL inputs -> articles, in order: a feed or sitemap expands into its pages (a sitemap index
into its sitemaps), an article page becomes one RawArticle, a failure one InputError.

A page reached through a feed or sitemap that an earlier run already archived is not fetched
again; listings and URLs given directly are fetched with their validators, so an unchanged one
costs a 304 and nothing else.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..ingest import IngestError, InputError, RawArticle, is_url
from .fetch import FetchError, Fetcher
from .listing import document_kind, feed_links, sitemap_links
from .page import page_article
from .state import HttpState

LISTINGS = ("feed", "sitemap", "sitemapindex")


def iter_web_articles(urls: Iterable[str], fetcher: Fetcher, state: HttpState) -> Iterator[RawArticle | InputError]:
    for url in urls:
        yield from visit(url, fetcher, state, depth=0, listed=False)


def visit(url: str, fetcher: Fetcher, state: HttpState, depth: int, listed: bool) -> Iterator[RawArticle | InputError]:
    """Articles under `url`. `listed`: it came from a feed or sitemap."""
    if listed and state.is_known_article(url):
        return
    try:
        response = fetcher.get(url, *state.validators(url))
    except FetchError as exc:
        yield InputError(url, exc.kind, str(exc))
        return
    if response.not_modified:
        return
    kind = document_kind(response)
    if kind in LISTINGS:
        if depth >= fetcher.config.max_listing_depth:
            yield InputError(url, "TooDeep", f"{kind} nested more than {depth} levels deep: not read")
            return
        text = response.text()
        links = feed_links(text, url) if kind == "feed" else sitemap_links(text, url)
        if not links:
            yield InputError(url, "EmptyListing", f"{kind} without links to read")
            return
        for link in links:
            yield from visit(link, fetcher, state, depth + 1, listed=True)
        state.remember(url, kind, response.etag, response.last_modified)
        return
    if kind != "html":
        ctype = response.content_type or "no content type"
        yield InputError(url, "NotHTML", f"not an HTML page, a feed or a sitemap ({ctype})")
        return
    try:
        article = page_article(response.body, url)
    except IngestError as exc:
        yield InputError(url, exc.kind, str(exc))
        return
    state.remember(url, "article", response.etag, response.last_modified)
    yield article
