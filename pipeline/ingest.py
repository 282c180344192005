"""Ingest: turn input paths into raw articles (decoded NFC text + input metadata), or errors.

Inputs: `.txt`, `.html`/`.htm` (main text via trafilatura), `.json` (one article), `.jsonl`
(one article a line), directories (recursively, sorted) and `-` (stdin, sniffed like a file).
Every input yields `RawArticle`s or `InputError`s; one bad file never stops the others.
"""
from __future__ import annotations

import codecs
import fnmatch
import hashlib
import io
import json
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .html_text import html_metadata, html_to_text

MAX_INPUT_BYTES = 10_000_000  # one article (a file, a JSONL line, standard input's one article)
READ_CHUNK = 1 << 20  # bytes read at a time while skipping past an oversized JSONL line
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
# Invisible format characters that scraped text carries inside words and numbers ("2.0\u200b65",
# "hồ\u00adsơ"): zero-width space/joiners, word joiner, BOM, soft hyphen, invisible operators,
# and the bidirectional marks, embeddings, overrides and isolates. They would split a word or a
# number for every matcher, so ingest removes them (and says so in the record's `warnings`):
# the record's `text` is the text without them, and every span indexes that text.
INVISIBLE_RE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
SURROGATE_RE = re.compile("[\ud800-\udfff]")  # lone surrogates: a JSON "\\ud83d" cut off an emoji
# What must not reach a terminal raw: control characters (escape sequences), lone surrogates
# (undecodable bytes of a file name) and the bidirectional overrides that reorder a line
UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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


def sanitize(text: str, what: str = "text") -> tuple[str, list[str]]:
    """An article's text as the pipeline indexes it, and warnings for what changed beyond the
    line ends: line endings to \\n, lone surrogates to U+FFFD, invisible format characters
    (`INVISIBLE_RE`) removed, NFC. Nothing else changes, so what the user sees is what we index."""
    text, warnings = replace_surrogates(text, what)
    invisible = INVISIBLE_RE.findall(text)
    if invisible:
        text = INVISIBLE_RE.sub("", text)
        kinds = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(invisible)))
        warnings.append(f"removed {len(invisible)} invisible character{'s' * (len(invisible) != 1)} "
                        f"from the {what} ({kinds})")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")), warnings


def clean_text(text: str) -> str:
    """`sanitize` without the warnings."""
    return sanitize(text)[0]


def replace_surrogates(value: str, what: str) -> tuple[str, list[str]]:
    """`value` with every lone surrogate (valid in JSON, not in UTF-8) replaced by U+FFFD."""
    found = SURROGATE_RE.findall(value)
    if not found:
        return value, []
    return SURROGATE_RE.sub("\ufffd", value), [
        f"replaced {len(found)} lone surrogate{'s' * (len(found) != 1)} in the {what} with U+FFFD"]


def is_url(text: str) -> bool:
    """Whether an input names a web page rather than a file (pipeline/web fetches those)."""
    return text.startswith(("http://", "https://"))


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control characters, undecodable bytes of file names
    and bidirectional overrides escaped ("\\x1b", "\\u202e"), everything else as is."""
    def escape(m: re.Match) -> str:
        c = ord(m.group())
        if 0xDC80 <= c <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
            return f"\\x{c - 0xDC00:02x}"
        return f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}"
    return UNPRINTABLE_RE.sub(escape, text)


def display_path(path: str) -> str:
    """A file name as it goes into records and errors (JSON, so valid Unicode): undecodable
    bytes of a name that is not UTF-8 written as "\\xNN"."""
    if not SURROGATE_RE.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


# --------------------------------------------------------------------------- inputs

def iter_input_files(paths: list[str]) -> Iterator[str | InputError]:
    """Expand the CLI inputs into file paths (directories recursively, sorted) or errors."""
    for p in paths:
        if p == "-":
            yield p
            continue
        try:
            mode = os.stat(p).st_mode
        except FileNotFoundError:
            yield InputError(display_path(p), "FileNotFoundError", "no such file or directory")
            continue
        except OSError as exc:
            yield InputError(display_path(p), type(exc).__name__, exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(mode):
            yield from _directory_files(p)
        elif stat.S_ISREG(mode):
            yield p
        else:
            yield InputError(display_path(p), "UnsupportedInput", "not a regular file or directory")


OUTPUT_FILES = ("records.jsonl", "errors.jsonl")  # what `cchc extract` writes into OUTDIR
IGNORE_FILE = ".cchcignore"  # in an input directory: glob patterns (one a line) to skip


def _ignore_patterns(root: str) -> tuple[list[str], InputError | None]:
    """The patterns of `root`'s `.cchcignore` (bytes that are not UTF-8 kept as os.fsdecode
    keeps them in file names, so such a pattern still matches its file)."""
    path = os.path.join(root, IGNORE_FILE)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return [], None
    except OSError as exc:
        return [], InputError(display_path(path), type(exc).__name__,
                              f"cannot read the ignore file ({exc.strerror or exc}); nothing in "
                              f"{display_path(root)} is skipped")
    lines = data.decode("utf-8", "surrogateescape").splitlines()
    return [ln.strip().rstrip("/") for ln in lines if ln.strip() and not ln.lstrip().startswith("#")], None


def _directory_files(root: str) -> list[str | InputError]:
    """Article files below `root`, sorted; hidden files and `.cchcignore` patterns left out
    (e.g. corpus/.cchcignore lists `gold/`, the annotations kept beside the articles). A folder
    that cannot be read is an error in its place in the order. The records.jsonl and
    errors.jsonl of a `cchc extract` OUTDIR (a folder holding .cchc/) are outputs, never inputs."""
    def folder_error(exc: OSError) -> InputError:
        return InputError(display_path(exc.filename or root), type(exc).__name__,
                          f"cannot read this folder: {exc.strerror or exc}")

    try:
        os.scandir(root).close()
    except OSError as exc:
        return [folder_error(exc)]
    patterns, error = _ignore_patterns(root)
    found: list[tuple[str, str | InputError]] = []
    if error is not None:
        found.append((os.path.join(root, IGNORE_FILE), error))

    def unreadable(exc: OSError) -> None:
        found.append((exc.filename or root, folder_error(exc)))

    def ignored(rel: str) -> bool:
        top = rel.split("/", 1)[0]
        return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(top, pat) for pat in patterns)

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        rel_folder = os.path.relpath(folder, root)
        rel_folder = "" if rel_folder == "." else rel_folder + "/"
        # hidden folders, and top-level ones an ignore pattern names, are not even listed
        is_outdir = ".cchc" in dirs
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (not rel_folder and ignored(d))]
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in KNOWN_SUFFIXES:
                continue
            if is_outdir and name in OUTPUT_FILES:
                continue
            path = os.path.join(folder, name)
            if ignored(rel_folder + name) or not os.path.isfile(path):
                continue
            found.append((path, path))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def read_source(path: str, stdin_bytes: bytes | None = None) -> Iterator[RawArticle | InputError]:
    """All articles of one input file (one, or one per JSONL line), or `-` for standard input
    (`stdin_bytes` in place of it, if given). Never raises for a bad input: an error is yielded
    in its place, and the next JSONL line goes on."""
    source = "-" if path == "-" else display_path(path)
    try:
        if path == "-":
            stream = io.BytesIO(stdin_bytes) if stdin_bytes is not None else sys.stdin.buffer
            yield from _read_stdin(stream)
            return
        warnings = [] if source == path else [
            "the file name is not UTF-8: its undecodable bytes are written as \\xNN in `source`"]
        suffix = Path(path).suffix.lower()
        stem = Path(source).stem
        if suffix in JSONL_SUFFIXES:  # one article a line: streamed, the limit is per line
            with open(path, "rb") as fh:
                yield from _read_jsonl(source, fh, stem, warnings)
            return
        size = os.path.getsize(path)
        if size > MAX_INPUT_BYTES:
            raise IngestError(f"file is {size:,} bytes; the limit for one input is "
                              f"{MAX_INPUT_BYTES:,}", "InputTooLarge")
        with open(path, "rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)  # the file may have grown since
        if len(data) > MAX_INPUT_BYTES:
            raise IngestError(f"file is over {MAX_INPUT_BYTES:,} bytes, the limit for one input",
                              "InputTooLarge")
        yield _read_one(data, suffix, stem, source, warnings)
    except IngestError as exc:
        yield InputError(source, exc.kind, str(exc))
    except OSError as exc:
        yield InputError(source, type(exc).__name__, exc.strerror or str(exc))


def _read_one(data: bytes, suffix: str, stem: str, source: str, warnings: list[str]) -> RawArticle:
    """The article of a file (or of standard input) that holds one."""
    text, decoded = decode_bytes(data)
    warnings = [*warnings, *decoded]
    if suffix in JSON_SUFFIXES:
        return _from_json_obj(_parse_json(text), stem, source, warnings)
    if suffix in HTML_SUFFIXES:
        return _from_html(text, stem, source, warnings)
    text, cleaned = sanitize(text)
    return RawArticle(doc_id=stem, source=source, text=text, warnings=[*warnings, *cleaned])


# --------------------------------------------------------------------------- standard input

class _Prepend(io.RawIOBase):
    """A stream that yields `head`, then the rest of `stream`: what sniffing read goes back."""

    def __init__(self, head: bytes, stream):
        self.head, self.stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        read = getattr(self.stream, "read1", self.stream.read)
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _stdin_head(stream) -> bytes:
    """The first bytes of standard input: enough to tell its format (up to the second non-blank
    line when it starts with "{"), at most one article's limit plus one byte."""
    read = getattr(stream, "read1", stream.read)
    head = b""
    while len(head) <= MAX_INPUT_BYTES:
        chunk = read(1 << 16)
        if not chunk:
            break
        head += chunk
        body = head.removeprefix(codecs.BOM_UTF8).lstrip()
        if not body:
            continue
        if not body.startswith(b"{"):
            break
        newline = body.find(b"\n")
        if newline >= 0 and body[newline:].strip():
            break  # the second non-blank line has begun
    return head


def _read_stdin(stream) -> Iterator[RawArticle | InputError]:
    """Standard input, by the same rules as a file: a JSONL stream is read line by line with the
    limit per line; anything else is one article, refused past `MAX_INPUT_BYTES`."""
    head = _stdin_head(stream)
    suffix = _sniff_suffix(head)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl("-", io.BufferedReader(_Prepend(head, stream)), "-", [])
        return
    data = head if len(head) > MAX_INPUT_BYTES else head + stream.read(MAX_INPUT_BYTES + 1 - len(head))
    if len(data) > MAX_INPUT_BYTES:
        raise IngestError(f"standard input holds more than {MAX_INPUT_BYTES:,} bytes, the limit for "
                          "one article (JSONL is read line by line, with the limit per line)",
                          "InputTooLarge")
    yield _read_one(data, suffix, "stdin", "-", [])


def _sniff_suffix(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"<") or b"<html" in head:
        return ".html"
    if head.startswith(b"{"):
        lines = [ln for ln in data.split(b"\n") if ln.strip()]
        return ".jsonl" if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines[:3]) else ".json"
    return ".txt"


def _parse_json(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                          "MalformedJSON") from None
    except RecursionError:
        raise IngestError("malformed JSON: nested too deeply", "MalformedJSON") from None


# --------------------------------------------------------------------------- JSONL

def _byte_lines(fh) -> Iterator[tuple[int, bytes | IngestError]]:
    """(line number, bytes) of a binary stream split on b"\\n" only (U+2028, U+0085 and the
    like are characters inside a JSON line, not line ends); a line over the limit is skipped
    without being held in memory and comes out as an error."""
    lineno = 0
    while True:
        line = fh.readline(MAX_INPUT_BYTES + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= MAX_INPUT_BYTES or line.endswith(b"\n"):
            yield lineno, line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(READ_CHUNK)
            if not line:
                break
            size += len(line)
        size -= line.endswith(b"\n")
        yield lineno, IngestError(f"line is {size:,} bytes; the limit for one article is "
                                  f"{MAX_INPUT_BYTES:,}", "InputTooLarge")


def _utf16_lines(fh) -> Iterator[tuple[int, str | IngestError]]:
    """Lines of a UTF-16 stream (split on "\\n" only); an undecodable line ends the file."""
    reader = io.TextIOWrapper(fh, encoding="utf-16", errors="strict", newline="\n")
    lineno = 0
    while True:
        try:
            line = reader.readline(MAX_INPUT_BYTES + 1)
        except UnicodeDecodeError as exc:
            yield lineno + 1, IngestError(f"invalid utf-16 ({exc.reason}); this line and the rest "
                                          "of the file are not read", "DecodeError")
            return
        if not line:
            return
        lineno += 1
        if len(line) > MAX_INPUT_BYTES and not line.endswith("\n"):
            yield lineno, IngestError(f"line is over {MAX_INPUT_BYTES:,} characters, the limit for "
                                      "one article; the rest of the file is not read", "InputTooLarge")
            return
        yield lineno, line


def _decode_line(data: bytes) -> tuple[str, list[str]]:
    """One JSONL line: UTF-8, else Windows-1258 if it reads as Vietnamese."""
    try:
        text, warnings = data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = _try_windows_1258(data)
        if text is None:
            raise IngestError(f"not valid UTF-8 ({exc.reason} at byte {exc.start} of the line) "
                              "and not Vietnamese in Windows-1258", "DecodeError") from None
        warnings = ["decoded as windows-1258"]
    return unicodedata.normalize("NFC", text), warnings


def _read_jsonl(source: str, fh, stem: str, warnings: list[str]) -> Iterator[RawArticle | InputError]:
    """One article per line of the binary stream `fh`, read line by line: a bad line (not JSON,
    not decodable, over the limit) is one error with its line number; the others go on."""
    head = fh.peek(8192)[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        lines = _utf16_lines(fh)
        warnings = [*warnings, "decoded as utf-16"]
    elif b"\x00" in head:
        yield InputError(source, "BinaryInput", "binary data (NUL bytes) and no UTF-16 byte-order mark")
        return
    else:
        lines = _byte_lines(fh)
    empty = True
    for lineno, line in lines:
        where = f"{source}#{lineno}"
        try:
            if isinstance(line, IngestError):
                raise line
            if isinstance(line, bytes):
                if lineno == 1:
                    line = line.removeprefix(codecs.BOM_UTF8)
                if not line.strip():
                    continue
                line, decoded = _decode_line(line)
            else:
                line, decoded = unicodedata.normalize("NFC", line.removeprefix("\ufeff")), []
            if not line.strip():
                continue
            empty = False
            yield _from_json_obj(_parse_json(line), f"{stem}-{lineno}", where, [*warnings, *decoded])
        except IngestError as exc:
            empty = False
            yield InputError(where, exc.kind, str(exc))
    if empty:
        yield InputError(source, "EmptyInput", "empty input")


# --------------------------------------------------------------------------- articles

def _clean_field(value, name: str, warnings: list[str]) -> str | None:
    """A JSON string field (title, url, ...): lone surrogates replaced (with a warning)."""
    if not isinstance(value, str):
        return None
    value, replaced = replace_surrogates(value, name)
    warnings.extend(replaced)
    return value


READ_FIELDS = {"id", "doc_id", "title", "published", "url", "text", "html"}  # the rest goes to `meta`


def _from_json_obj(obj, default_id: str, source: str, warnings: list[str]) -> RawArticle:
    if not isinstance(obj, dict):
        raise IngestError("a JSON article must be an object with `text` or `html`", "MalformedJSON")
    warnings = list(warnings)
    raw_id = obj.get("id") or obj.get("doc_id") or default_id
    doc_id = _clean_field(str(raw_id), "id", warnings)
    title = _clean_field(obj.get("title"), "title", warnings)
    title = INVISIBLE_RE.sub("", title) if title else title  # matched against the text, cleaned alike
    published = _clean_field(obj.get("published"), "published date", warnings)
    url = _clean_field(obj.get("url"), "url", warnings)
    meta = {k: v for k, v in obj.items() if k not in READ_FIELDS}
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        text, cleaned = sanitize(obj["text"])
        return RawArticle(doc_id, source, text, title, url, published, False, [*warnings, *cleaned], meta)
    if isinstance(obj.get("html"), str) and obj["html"].strip():
        html = _clean_field(obj["html"], "html", warnings)
        art = _from_html(html, doc_id, source, warnings)
        art.title = title or art.title
        art.url, art.published = url, published or art.published
        art.meta = meta
        return art
    raise IngestError("article has neither a non-empty `text` nor `html` field", "EmptyInput")


def _from_html(html: str, doc_id: str, source: str, warnings: list[str]) -> RawArticle:
    text, cleaned = sanitize(html_to_text(html))
    text = text.strip()
    if not text:
        raise IngestError("no article text found in the HTML", "EmptyInput")
    title, published = html_metadata(html)
    if title:
        title = INVISIBLE_RE.sub("", replace_surrogates(title, "title")[0])
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # keep the headline in `text`: it is part of the body
    return RawArticle(doc_id, source, text, title, None, published, True, [*warnings, *cleaned])


def _id_digest(doc_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def iter_articles(paths: list[str]) -> Iterator[RawArticle | InputError]:
    """Every article of `paths`, in order, or the error in its place. An `id` already used by an
    earlier article of the same call is an error (`DuplicateId`): the first article keeps it."""
    seen: set[int] = set()  # 64-bit digests of the ids: a few bytes per article
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        for art in read_source(item):
            if isinstance(art, RawArticle):
                digest = _id_digest(art.doc_id)
                if digest in seen:
                    yield InputError(art.source, "DuplicateId",
                                     f"id {art.doc_id!r} is already used by an earlier article of this "
                                     "run, which keeps it; give each article its own `id`")
                    continue
                seen.add(digest)
            yield art
