"""`extract_article`: one article in, one record out. The single entry point that the CLI, the
batch engines, the tests and the public API call; it passes each stage's output to the next."""
from __future__ import annotations

import hashlib
import unicodedata

from . import checks, documents, figures, layout, officials, segment, units
from .ingest import RawArticle, sanitize
from .version import pipeline_version
from .textkeys import fold

SCHEMA_VERSION = "1"


def extract_article(raw: RawArticle, include_text: bool = True) -> dict:
    text = raw.text
    folded = fold(text)  # once: layout and every extractor match over it
    page = layout.analyse(text, raw.title, raw.published, folded=folded)
    article = segment.segment(text, page.body, page.published, page.title, skip=page.meta_lines, folded=folded)
    unit_list, unit_warnings = units.extract_units(article)
    official_list = officials.extract_officials(article, unit_list)
    document_list = documents.extract_documents(article)
    figure_list = figures.extract_figures(article, unit_list)
    check_list = checks.run_checks(figure_list, text, units=unit_list)
    record = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": raw.doc_id,
        "source": raw.source,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text": text,
        "title": page.title,
        "published": page.published,
        "authors": page.authors or list(raw.authors),
        "body": list(page.body),
        "figures": figure_list,
        "units": unit_list,
        "officials": official_list,
        "documents": document_list,
        "checks": check_list,
        "warnings": [*raw.warnings, *page.warnings, *unit_warnings],
        "pipeline_version": pipeline_version(),
        "url": raw.url,
        "meta": raw.meta,
        "duplicate_of": None,  # set by the archive (manifest.Store), which knows earlier articles
    }
    if not include_text:
        record["excerpts"] = excerpts(record)
        del record["text"]
    return record


def excerpts(record: dict) -> dict[str, str]:
    """For a record written without `text`: the text of the spans the tables quote (each
    figure's and check's sentence, each unit's and official's first mention, each document),
    keyed "start:end", so `quote` and `surface` survive --no-text."""
    text = record["text"]
    spans = [f["sentence"] for f in record["figures"]]
    spans += [min(x["mentions"]) for x in (*record["units"], *record["officials"]) if x["mentions"]]
    spans += [d["span"] for d in record["documents"]]
    return {f"{s}:{e}": text[s:e] for s, e in sorted(map(tuple, spans))}


def extract_text(text: str, doc_id: str = "text", *, title: str | None = None,
                 published: str | None = None, url: str | None = None, source: str = "-") -> dict:
    """Public API: the record for one article given as a string (any Unicode form, any line ends)."""
    clean, warnings = sanitize(unicodedata.normalize("NFC", text))
    return extract_article(RawArticle(doc_id, source, clean, title, url, published, warnings=warnings))
