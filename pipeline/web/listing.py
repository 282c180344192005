"""What a fetched document is (a feed, a sitemap or sitemap index, an HTML page), and the links
of a feed or sitemap, read with trafilatura's own feed and sitemap readers."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from .fetch import Response

_SITEMAP_RE = re.compile(r"<(?:[\w.-]+:)?(urlset|sitemapindex)\b")
_FEED_RE = re.compile(r"<(?:rss|feed|rdf:RDF)\b")
_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def document_kind(response: Response) -> str:
    """"sitemapindex", "sitemap", "feed", "html" or "other", from the content itself (servers
    often send feeds and sitemaps as text/html or text/plain)."""
    text = response.text()
    head = text.lstrip()[:2000]
    sitemap = _SITEMAP_RE.search(head)
    if sitemap:
        return "sitemapindex" if sitemap[1] == "sitemapindex" else "sitemap"
    if _FEED_RE.search(head):
        return "feed"
    ctype = response.content_type.lower()
    if "json" in ctype and "jsonfeed.org" in head:
        return "feed"
    if "html" in ctype or _HTML_RE.search(head):
        return "html"
    return "other"


def _keep(links: list[str], base: str) -> list[str]:
    """Absolute http(s) links, in document order, each once, without the listing itself and
    bare home pages (a feed's channel link)."""
    seen, out = {base}, []
    for link in links:
        absolute = urljoin(base, link.strip())
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or parts.path in ("", "/") or absolute in seen:
            continue
        seen.add(absolute)
        out.append(absolute)
    return out


def feed_links(text: str, url: str) -> list[str]:
    """The item links of an RSS, Atom or JSON feed (trafilatura.feeds)."""
    from trafilatura.feeds import FeedParameters, find_links

    parts = urlsplit(url)
    params = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.netloc, url)
    return _keep(find_links(text.strip(), params), url)


def sitemap_links(text: str, url: str) -> list[str]:
    """The <loc> links of a sitemap or sitemap index (trafilatura.sitemaps' XML reader)."""
    from trafilatura.sitemaps import SitemapObject

    class Collect(SitemapObject):
        __slots__ = ("found",)

        def handle_link(self, link: str) -> None:  # no domain and language filters: ours is a list
            self.found.append(link)

    parts = urlsplit(url)
    sitemap = Collect(f"{parts.scheme}://{parts.netloc}", parts.netloc, [])
    sitemap.found = []
    sitemap.current_url, sitemap.content = url, text
    sitemap.process()
    return _keep(sitemap.found, url)
