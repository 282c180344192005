"""HTML pages to article text: trafilatura's main text, and fallbacks for the pages it cannot
read (an XHTML declaration, nesting deeper than libxml2's limit), which never return scripts or
styles as text."""
from __future__ import annotations

import re
from html.parser import HTMLParser

XML_DECLARATION_RE = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)  # lxml refuses it in a str


def html_to_text(html: str) -> str:
    """Main article text of an HTML page (trafilatura), falling back to all visible text."""
    import trafilatura

    html = XML_DECLARATION_RE.sub("", html, count=1)  # XHTML: lxml refuses one in a str
    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_recall=True, with_metadata=False)
    if not text:
        text = _visible_text(html)
    return text or ""


def _visible_text(html: str) -> str:
    """The fallback: trafilatura over a tree parsed without libxml2's depth limit (a page nested
    deeper than 255 elements loses everything below), else all text outside scripts and styles."""
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True)
    try:
        tree = lxml_html.fromstring(html, parser=parser)
    except (etree.LxmlError, ValueError):  # lxml rejects some documents outright (empty, ...)
        return _streamed_text(html)
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        return _streamed_text(html)  # deeper than even huge_tree allows (2048): cut off
    for element in tree.xpath("//script | //style | //noscript | //template"):
        element.drop_tree()  # keeps the text after the element
    try:
        text = trafilatura.extract(tree, include_comments=False, include_tables=True,
                                   favor_recall=True, with_metadata=False)
    except Exception:  # trafilatura failing on an odd tree must not lose the page
        text = None
    return text or tree.text_content()


class _TextCollector(HTMLParser):
    """All text of a page outside scripts and styles, a line per block; no tree, so no depth
    limit."""

    SKIP = {"script", "style", "noscript", "template"}
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article",
              "section", "blockquote", "table", "ul", "ol", "header", "footer", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def _streamed_text(html: str) -> str:
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # html.parser is lenient; whatever it read so far is still text
        pass
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def html_metadata(html: str) -> tuple[str | None, str | None]:
    """(title, publication date) from the page's metadata, where trafilatura finds them."""
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(XML_DECLARATION_RE.sub("", html, count=1))
    except Exception:  # a page without usable metadata is still an article
        return None, None
    if meta is None:
        return None, None
    return meta.title or None, meta.date or None
