"""The typed public API: `extract_text`, `extract_html`, `extract_file`, `extract_many` give
`Record` objects; `to_html` renders one as the self-contained report page.

A `Record` and its parts (`Figure`, `Unit`, `Official`, `Role`, `Document`, `Check`, `Subject`,
`Period`) are dataclasses with the fields of the contract (docs/SCHEMA.md), so editors and type
checkers know them. `Record.to_dict()` gives the record's JSON form exactly as `cchc extract`
writes it (same keys, same order); `Record.from_dict` reads one back. Fields the contract adds
later, before this module knows them, are kept in `extra` and written back by `to_dict`.
"""
from __future__ import annotations

import dataclasses
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

Span = list  # [start, end): str offsets into Record.text


class ExtractError(ValueError):
    """An input could not be read as an article (the message says why, in one line)."""

    def __init__(self, source: str, kind: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source, self.kind = source, kind


class _Missing:
    """Marks a field the record does not have (as opposed to one that is null)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass
class _Part:
    # field name -> part class, for fields holding a part or a list of parts
    _parts: ClassVar[dict[str, type]] = {}
    extra: dict = field(default_factory=dict, repr=False, kw_only=True)
    _keys: list | None = field(default=None, repr=False, compare=False, kw_only=True)

    @classmethod
    def _field_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls) if f.name not in ("extra", "_keys")]

    @classmethod
    def from_dict(cls, data: dict):
        names = set(cls._field_names())
        values = {k: cls._read(k, v) for k, v in data.items() if k in names}
        extra = {k: v for k, v in data.items() if k not in names}
        return cls(**values, extra=extra, _keys=list(data))

    @classmethod
    def _read(cls, name: str, value):
        part = cls._parts.get(name)
        if part is None or value is None:
            return value
        return [part.from_dict(v) for v in value] if isinstance(value, list) else part.from_dict(value)

    def to_dict(self) -> dict:
        """The JSON form: keys in the order the record had them (contract order for a part
        built by hand), without the fields it does not have."""
        keys = self._keys or [*self._field_names(), *self.extra]
        out = {}
        for key in keys:
            value = self.extra[key] if key in self.extra else getattr(self, key, MISSING)
            if value is not MISSING:
                out[key] = _write(value)
        return out


def _write(value):
    if isinstance(value, _Part):
        return value.to_dict()
    if isinstance(value, list):
        return [_write(v) for v in value]
    return value


@dataclass
class Subject(_Part):
    unit: str | None = None
    aggregate: str | None = None
    text: str | None = None


@dataclass
class Period(_Part):
    text: str = ""
    start: str | None = None
    end: str | None = None
    span: Span = MISSING
    inherited: bool = MISSING


@dataclass
class Figure(_Part):
    _parts: ClassVar[dict[str, type]] = {"subject": Subject, "period": Period}
    id: str = ""
    span: Span = field(default_factory=list)
    surface: str = ""
    value: float = 0
    denominator: float | None = None
    kind: str = "count"
    approx: str = "exact"
    object: str = "other"
    aspect: str = "other"
    noun: str | None = None
    change: bool = False
    subject: Subject = field(default_factory=Subject)
    period: Period | None = None
    sentence: Span = field(default_factory=list)
    index: str | None = MISSING
    target: bool = MISSING


@dataclass
class Unit(_Part):
    id: str = ""
    type: str = ""
    name: str = ""
    code: str | None = None
    district: str | None = None
    province: str | None = None
    code_2025: str | None = None
    mentions: list[Span] = field(default_factory=list)
    register: str = MISSING
    predecessors: list[str] = MISSING


@dataclass
class Role(_Part):
    title: str = ""
    org: str | None = None
    org_expanded: str | None = None
    unit: str | None = None


@dataclass
class Official(_Part):
    _parts: ClassVar[dict[str, type]] = {"roles": Role}
    id: str = ""
    name: str = ""
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Document(_Part):
    type: str = ""
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    span: Span = field(default_factory=list)


@dataclass
class Check(_Part):
    kind: str = ""
    figures: list[str] = field(default_factory=list)
    computed: float | None = None
    stated: float | None = None
    message: str = ""


@dataclass
class Record(_Part):
    """One article's record. `text` is MISSING for records made without text."""

    _parts: ClassVar[dict[str, type]] = {"figures": Figure, "units": Unit, "officials": Official,
                                         "documents": Document, "checks": Check}
    schema_version: str = "1"
    doc_id: str = ""
    source: str = "-"
    sha256: str = ""
    text: str = MISSING
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    body: Span = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    url: str | None = MISSING
    pipeline_version: str = MISSING
    meta: dict = MISSING
    duplicate_of: str | None = MISSING
    excerpts: dict[str, str] = MISSING

    def unit(self, unit_id: str | None) -> Unit | None:
        """The unit with id `unit_id` ("u1"), or None."""
        return next((u for u in self.units if u.id == unit_id), None)


# --------------------------------------------------------------------------- extraction

def _record(raw, include_text: bool) -> Record:
    from .extract import extract_article

    return Record.from_dict(extract_article(raw, include_text=include_text))


def extract_text(text: str, doc_id: str = "text", *, title: str | None = None,
                 published: str | None = None, url: str | None = None, source: str = "-",
                 include_text: bool = True) -> Record:
    """The record of one article given as a string (any Unicode form, any line ends).
    `published` is "YYYY-MM-DD" when known; the article's own dateline is read otherwise."""
    from .ingest import RawArticle, sanitize

    clean, warnings = sanitize(unicodedata.normalize("NFC", text))  # the ingest policy, as for files
    return _record(RawArticle(doc_id, source, clean, title, url, published, False, warnings), include_text)


def extract_html(html: str, *, url: str | None = None, doc_id: str = "html", title: str | None = None,
                 published: str | None = None, source: str = "-", include_text: bool = True) -> Record:
    """The record of one article given as an HTML page: its main text is extracted (as for an
    .html input); the page's title and date are used unless `title`/`published` are given.
    Raises ExtractError when the page holds no article text."""
    article = {"id": doc_id, "html": html, "url": url, "title": title, "published": published}
    return _record(_raw_from_json(article, source), include_text)


def _raw_from_json(article: dict, source: str):
    from .ingest import IngestError, _from_json_obj

    try:
        return _from_json_obj(article, str(article.get("id") or "article"), source, [])
    except IngestError as e:
        raise ExtractError(source, e.kind, str(e)) from None


def _raw_articles(path) -> list:
    from .ingest import InputError, read_source

    items = list(read_source(os.fspath(path)))
    for item in items:
        if isinstance(item, InputError):
            raise ExtractError(item.source, item.error, item.message)
    return items


def extract_file(path: str | os.PathLike, *, include_text: bool = True) -> Record:
    """The record of one article file (.txt, .html/.htm, .json, or a .jsonl of one line), read
    and decoded as `cchc extract` reads it. Raises ExtractError when it cannot be read or
    holds several articles (use `extract_many` for those)."""
    raws = _raw_articles(path)
    if len(raws) != 1:
        raise ExtractError(os.fspath(path), "NotOneArticle",
                           f"holds {len(raws)} articles; use extract_many for several")
    return _record(raws[0], include_text)


ArticleInput = str | os.PathLike | dict


def _raws_of(item: ArticleInput, n: int) -> list:
    """RawArticles of one input of `extract_many`: a path (Path or os.PathLike) is read as a
    file (a .jsonl gives one article per line), a dict as a JSON article (`id`, `text` or
    `html`, optional `title`, `url`, `published`), a str as the article's text."""
    from .ingest import RawArticle, clean_text

    if isinstance(item, os.PathLike):
        return _raw_articles(item)
    if isinstance(item, dict):
        return [_raw_from_json({"id": f"article-{n}", **item}, f"<item {n}>")]
    if isinstance(item, str):
        return [RawArticle(f"text-{n}", f"<item {n}>", clean_text(unicodedata.normalize("NFC", item)))]
    raise TypeError(f"extract_many takes str texts, paths or article dicts, not {type(item).__name__}")


def _process(args) -> dict:
    raw, include_text = args
    from .extract import extract_article

    return extract_article(raw, include_text=include_text)


def extract_many(items: Iterable[ArticleInput], *, workers: int = 1, include_text: bool = True,
                 on_error: str = "raise") -> Iterator[Record]:
    """Records of many articles, in input order. `items`: str texts, paths (`pathlib.Path`;
    a .jsonl yields one record per line) or article dicts. `workers` > 1 extracts in that many
    processes. A bad input raises ExtractError when it is reached (`on_error="raise"`) or is
    left out (`on_error="skip"`)."""
    if on_error not in ("raise", "skip"):
        raise ValueError("on_error must be 'raise' or 'skip'")

    def raws() -> Iterator:
        for n, item in enumerate(items, 1):
            try:
                yield from _raws_of(item, n)
            except ExtractError:
                if on_error == "raise":
                    raise

    jobs = ((raw, include_text) for raw in raws())
    if workers <= 1:
        yield from (Record.from_dict(_process(job)) for job in jobs)
        return
    import multiprocessing

    with multiprocessing.get_context().Pool(workers) as pool:
        yield from (Record.from_dict(d) for d in pool.imap(_process, jobs, chunksize=4))


def to_html(record: Record | dict) -> str:
    """The self-contained HTML report page of a record (as `cchc check --html` writes)."""
    from .report import html_report

    return html_report(record.to_dict() if isinstance(record, Record) else record)


__all__ = ["Record", "Figure", "Unit", "Official", "Role", "Document", "Check", "Subject", "Period",
           "ExtractError", "MISSING", "extract_text", "extract_html", "extract_file", "extract_many",
           "to_html"]
