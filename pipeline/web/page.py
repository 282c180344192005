"""An article page -> RawArticle: the main text without navigation, related links and footer
(trafilatura), and the page's own metadata: title, publication date, author."""
from __future__ import annotations

from urllib.parse import urlsplit

from ..ingest import IngestError, RawArticle, clean_text

# Characters of main text below which a page holds no article (a menu, a cookie notice, an
# error page): trafilatura's own threshold, raised from its default of 1.
MIN_ARTICLE_CHARS = 100


def extraction_config():
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MIN_OUTPUT_SIZE"] = str(MIN_ARTICLE_CHARS)
    return config


def url_doc_id(url: str) -> str:
    """A page's doc_id: its URL without the scheme and fragment (stable across runs, readable)."""
    parts = urlsplit(url)
    doc_id = (parts.netloc + parts.path).rstrip("/")
    return f"{doc_id}?{parts.query}" if parts.query else doc_id


def split_authors(author: str | None) -> list[str]:
    """trafilatura joins several bylines with "; "."""
    return [a.strip() for a in (author or "").split(";") if a.strip()]


def page_article(html: bytes | str, url: str) -> RawArticle:
    """The article of one page; IngestError if the page has no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, config=extraction_config())
    except Exception as exc:  # trafilatura rejects some documents outright
        raise IngestError(f"unreadable HTML ({type(exc).__name__})", "EmptyInput") from None
    text = clean_text(getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise IngestError("no article text found in the page", "EmptyInput")
    title = getattr(doc, "title", None) or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is part of the body, as for .html files
    return RawArticle(doc_id=url_doc_id(url), source=url, text=text, title=title, url=url,
                      published=getattr(doc, "date", None) or None, is_html=True,
                      authors=split_authors(getattr(doc, "author", None)))
