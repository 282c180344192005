"""Ingest: turn input paths into raw articles (decoded NFC text + input metadata), or errors.

Inputs: `.txt`, `.html`/`.htm` (main text via trafilatura), `.json` (one article), `.jsonl`
(one article a line), directories (recursively, sorted) and `-` (stdin, sniffed like a file).
Every input yields `RawArticle`s or `InputError`s; one bad file never stops the others.
"""
from __future__ import annotations

import codecs
import fnmatch
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

MAX_INPUT_BYTES = 10_000_000  # one article; a larger file is rejected, not read into memory
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# Letters of the Vietnamese alphabet with their diacritics (lower case, NFC), used to decide
# whether bytes that are not UTF-8 read as Vietnamese in Windows-1258.
_VI_LETTERS = set(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz"
)

# Control characters (Unicode category Cc: U+0000-001F, U+007F-009F) other than \t \n \f \r
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class IngestError(Exception):
    """An input that cannot become an article; `kind` is the error class written to errors.jsonl."""

    kind = "IngestError"

    def __init__(self, message: str, kind: str | None = None):
        super().__init__(message)
        if kind:
            self.kind = kind


@dataclass
class RawArticle:
    doc_id: str
    source: str
    text: str  # NFC
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as given by the input (JSON field), not yet parsed
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # input metadata the pipeline does not read, untouched
    authors: list[str] = field(default_factory=list)  # bylines the input names (a page's metadata)


@dataclass
class InputError:
    source: str
    error: str  # error class
    message: str


# --------------------------------------------------------------------------- decoding

def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode an article's bytes: UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1258.

    Returns (NFC text, warnings). Raises IngestError for empty, binary or undecodable input."""
    warnings: list[str] = []
    if not data.strip():
        raise IngestError("empty input", "EmptyInput")
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = _strict(data, "utf-16")
        warnings.append("decoded as utf-16")
    else:
        if b"\x00" in data:
            raise IngestError("binary data (NUL bytes) and no UTF-16 byte-order mark", "BinaryInput")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _try_windows_1258(data)
            if text is None:
                raise IngestError(f"not valid UTF-8 ({exc.reason} at byte {exc.start}) "
                                  "and not Vietnamese in Windows-1258", "DecodeError") from None
            warnings.append("decoded as windows-1258")
    text = unicodedata.normalize("NFC", text)
    if _control_ratio(text) > 0.01:
        raise IngestError("binary data (control characters)", "BinaryInput")
    if not text.strip():
        raise IngestError("empty input", "EmptyInput")
    return text, warnings


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(f"invalid {encoding}: {exc.reason} at byte {exc.start}", "DecodeError") from None


def _try_windows_1258(data: bytes) -> str | None:
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    letters = [c for c in text.lower() if c.isalpha()]
    if not letters:
        return None
    vietnamese = sum(c in _VI_LETTERS for c in letters)
    accented = sum(c in _VI_LETTERS and not c.isascii() for c in letters)
    # real Vietnamese: nearly all letters in the alphabet and a fair share with diacritics
    if vietnamese / len(letters) >= 0.98 and accented / len(letters) >= 0.05:
        return text
    return None


def _control_ratio(text: str) -> float:
    return len(CONTROL_RE.findall(text)) / max(1, len(text))


def clean_text(text: str) -> str:
    """Line endings to \\n and NFC; nothing else changes, so what the user sees is what we index."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def html_to_text(html: str) -> str:
    """Main article text of an HTML page (trafilatura), falling back to all visible text."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_recall=True, with_metadata=False)
    if not text:
        from lxml import html as lxml_html

        try:
            text = lxml_html.fromstring(html).text_content()
        except Exception:  # lxml rejects some documents outright (empty, XML declarations)
            text = ""
    return text or ""


def html_metadata(html: str) -> tuple[str | None, str | None]:
    """(title, publication date) from the page's metadata, where trafilatura finds them."""
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # a page without usable metadata is still an article
        return None, None
    if meta is None:
        return None, None
    return meta.title or None, meta.date or None


# --------------------------------------------------------------------------- inputs

def iter_input_files(paths: list[str]) -> Iterator[str | InputError]:
    """Expand the CLI inputs into file paths (directories recursively, sorted) or errors."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from _directory_files(path)
        elif path.is_file():
            yield str(path)
        elif path.exists():
            yield InputError(p, "UnsupportedInput", "not a regular file or directory")
        else:
            yield InputError(p, "FileNotFoundError", "no such file or directory")


OUTPUT_FILES = ("records.jsonl", "errors.jsonl")  # what `cchc extract` writes into OUTDIR
IGNORE_FILE = ".cchcignore"  # in an input directory: glob patterns (one a line) to skip


def _directory_files(root: Path) -> list[str]:
    """Article files below `root`, sorted; hidden files and `.cchcignore` patterns left out
    (e.g. corpus/.cchcignore lists `gold/`, the annotations kept beside the articles)."""
    patterns: list[str] = []
    ignore = root / IGNORE_FILE
    if ignore.is_file():
        patterns = [ln.strip().rstrip("/") for ln in ignore.read_text(encoding="utf-8").splitlines()
                    if ln.strip() and not ln.lstrip().startswith("#")]
    outputs = _outdir_outputs(root)
    found = []
    for f in root.rglob("*"):
        rel = f.relative_to(root)
        if rel in outputs:
            continue
        if not f.is_file() or f.suffix.lower() not in KNOWN_SUFFIXES:
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue
        if any(fnmatch.fnmatch(str(rel), pat) or fnmatch.fnmatch(rel.parts[0], pat) for pat in patterns):
            continue
        found.append(str(f))
    return sorted(found)


def _outdir_outputs(root: Path) -> set[Path]:
    """records.jsonl and errors.jsonl of every `cchc extract` OUTDIR (a directory holding
    .cchc/) below `root`, relative to it: outputs, never inputs."""
    outdirs = [state.parent for state in root.rglob(".cchc") if state.is_dir()]
    return {(outdir / name).relative_to(root) for outdir in outdirs for name in OUTPUT_FILES}


def read_source(path: str, stdin_bytes: bytes | None = None) -> Iterator[RawArticle | InputError]:
    """All articles of one input file (one, or one per JSONL line)."""
    try:
        if path == "-":
            data = stdin_bytes if stdin_bytes is not None else sys.stdin.buffer.read()
            suffix = _sniff_suffix(data)
            stem = "stdin"
        else:
            size = os.path.getsize(path)
            if size > MAX_INPUT_BYTES:
                raise IngestError(f"file is {size:,} bytes; the limit for one input is "
                                  f"{MAX_INPUT_BYTES:,}", "InputTooLarge")
            with open(path, "rb") as fh:
                data = fh.read()
            suffix = Path(path).suffix.lower()
            stem = Path(path).stem
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, data)
            return
        text, warnings = decode_bytes(data)
        if suffix in JSON_SUFFIXES:
            yield _from_json_obj(_parse_json(text), stem, path, warnings)
        elif suffix in HTML_SUFFIXES:
            yield _from_html(text, stem, path, warnings)
        else:
            yield RawArticle(doc_id=stem, source=path, text=clean_text(text), warnings=warnings)
    except IngestError as exc:
        yield InputError(path, exc.kind, str(exc))
    except OSError as exc:
        yield InputError(path, type(exc).__name__, exc.strerror or str(exc))


def _sniff_suffix(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"<") or b"<html" in head:
        return ".html"
    if head.startswith(b"{"):
        lines = [ln for ln in data.splitlines() if ln.strip()]
        return ".jsonl" if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines[:3]) else ".json"
    return ".txt"


def _parse_json(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                          "MalformedJSON") from None


def _read_jsonl(path: str, data: bytes) -> Iterator[RawArticle | InputError]:
    try:
        text, warnings = decode_bytes(data)
    except IngestError as exc:
        yield InputError(path, exc.kind, str(exc))
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}#{lineno}"
        try:
            obj = _parse_json(line)
            yield _from_json_obj(obj, f"{Path(path).stem}-{lineno}", source, list(warnings))
        except IngestError as exc:
            yield InputError(source, exc.kind, str(exc))


READ_FIELDS = {"id", "doc_id", "title", "published", "url", "text", "html"}  # the rest goes to `meta`


def _from_json_obj(obj, default_id: str, source: str, warnings: list[str]) -> RawArticle:
    if not isinstance(obj, dict):
        raise IngestError("a JSON article must be an object with `text` or `html`", "MalformedJSON")
    doc_id = str(obj.get("id") or obj.get("doc_id") or default_id)
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    published = obj.get("published") if isinstance(obj.get("published"), str) else None
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    meta = {k: v for k, v in obj.items() if k not in READ_FIELDS}
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        text = clean_text(obj["text"])
        return RawArticle(doc_id, source, text, title, url, published, False, warnings, meta)
    if isinstance(obj.get("html"), str) and obj["html"].strip():
        art = _from_html(obj["html"], doc_id, source, warnings)
        art.title = title or art.title
        art.url, art.published = url, published or art.published
        art.meta = meta
        return art
    raise IngestError("article has neither a non-empty `text` nor `html` field", "EmptyInput")


def _from_html(html: str, doc_id: str, source: str, warnings: list[str]) -> RawArticle:
    text = clean_text(html_to_text(html)).strip()
    if not text:
        raise IngestError("no article text found in the HTML", "EmptyInput")
    title, published = html_metadata(html)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # keep the headline in `text`: it is part of the body
    return RawArticle(doc_id, source, text, title, None, published, True, warnings)


def iter_articles(paths: list[str]) -> Iterator[RawArticle | InputError]:
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_source(item)
