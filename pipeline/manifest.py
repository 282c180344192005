"""Resume: what OUTDIR already holds, and a journal that survives the process being killed.

    OUTDIR/records.jsonl        the output, in input order, replaced atomically at the end of a run
    OUTDIR/errors.jsonl         likewise, one line per input that failed
    OUTDIR/.cchc/manifest.jsonl one line per article of the last completed run: its key, the
                                sha256 of its text, and where its line sits in records.jsonl or
                                errors.jsonl (offset, length, digest of the line's bytes)
    OUTDIR/.cchc/journal.jsonl  lines computed since the last completed run, appended and flushed
                                one at a time as "<key> <kind> <line>"; a torn last line (killed
                                mid-write) is cut off when the journal is opened again
    OUTDIR/.cchc/lock           held (flock) by the one run writing OUTDIR

An article's key hashes the pipeline version (package version plus a hash of its code and
resource files), the sha256 of the article's text, its input metadata and the output options,
so one key always stands for the same output line. A run reads its inputs in order, takes an
article's line from the journal or the manifest when its key is there, computes the others,
and writes the outputs again in input order: the result is byte-identical to a clean run,
however many times earlier runs were killed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import __version__
from .ingest import RawArticle
from .writer import AtomicWriter, fsync_dir

STATE_DIR = ".cchc"
KINDS = ("record", "error")
VERSIONED_SUFFIXES = {".py", ".yml", ".yaml", ".json", ".jsonl", ".txt", ".tsv", ".csv"}
_KEY_RE = re.compile(rb"[0-9a-f]{32}")


class OutdirBusy(SystemExit):
    """Another run holds OUTDIR's lock. A SystemExit, so the CLI exits 1 with the message."""


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """`__version__` plus a hash of the package's code and resource files (a lexicon edit
    changes records as surely as a code edit) and of the tokenizer's version."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in VERSIONED_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    try:
        digest.update(metadata.version("underthesea").encode())
    except metadata.PackageNotFoundError:
        pass
    return f"{__version__}+{digest.hexdigest()[:16]}"


def text_sha256(raw: RawArticle) -> str:
    return hashlib.sha256(raw.text.encode("utf-8")).hexdigest()


def article_key(raw: RawArticle, text_sha: str, version: str, include_text: bool) -> str:
    """Everything `extract_article` reads, plus the version: equal keys, equal output lines."""
    parts = [version, include_text, text_sha, raw.doc_id, raw.source, raw.title, raw.url,
             raw.published, raw.is_html, raw.warnings]
    return hashlib.blake2b(json.dumps(parts).encode("utf-8"), digest_size=16).hexdigest()


def line_digest(line: bytes) -> str:
    return hashlib.blake2b(line, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Located:
    """Where one output line is stored."""

    kind: str  # "record" | "error"
    offset: int
    length: int
    digest: str | None = None  # manifest entries: the line's digest, checked when read back


class Journal:
    """Append-only lines "<key> <kind> <json>\\n", each flushed to the OS as soon as written, so
    a SIGKILL loses at most the line being written, and that torn line is cut off on reopen."""

    def __init__(self, path: Path, reset: bool = False):
        self.path = path
        if reset:
            path.unlink(missing_ok=True)
        self.index: dict[str, Located] = {}
        good_end = self._scan() if path.exists() else 0
        self.fh = open(path, "ab")
        self.fh.truncate(good_end)  # drop a torn tail before appending after it
        self.size = good_end
        self.reader = open(path, "rb")

    def _scan(self) -> int:
        """Index the complete lines; returns the end of the last one."""
        offset = 0
        with open(self.path, "rb") as fh:
            for line in fh:
                parsed = _parse_journal_line(line)
                if parsed is None:
                    break
                key, kind, head = parsed
                self.index[key] = Located(kind, offset + head, len(line) - head)
                offset += len(line)
        return offset

    def append(self, key: str, kind: str, line: bytes) -> None:
        head = f"{key} {kind} ".encode("ascii")
        self.fh.write(head + line)
        self.fh.flush()
        self.index[key] = Located(kind, self.size + len(head), len(line))
        self.size += len(head) + len(line)

    def read(self, where: Located) -> bytes:
        self.reader.seek(where.offset)
        return self.reader.read(where.length)

    def close(self) -> None:
        for fh in (self.fh, self.reader):
            try:
                fh.close()
            except OSError:  # a full disk fails the last flush: the torn line is cut on reopen
                pass

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def _parse_journal_line(line: bytes) -> tuple[str, str, int] | None:
    """(key, kind, length of the "<key> <kind> " head), or None for a torn or foreign line."""
    if not line.endswith(b"\n"):
        return None
    key, _, rest = line.partition(b" ")
    kind, _, payload = rest.partition(b" ")
    if not _KEY_RE.fullmatch(key) or kind.decode("ascii", "replace") not in KINDS or not payload.startswith(b"{"):
        return None
    return key.decode("ascii"), kind.decode("ascii"), len(key) + len(kind) + 2


def read_manifest(path: Path) -> dict[str, Located]:
    entries: dict[str, Located] = {}
    if not path.exists():
        return entries
    with open(path, "rb") as fh:
        for line in fh:
            try:
                e = json.loads(line)
                entries[e["key"]] = Located(e["kind"], e["offset"], e["length"], e["digest"])
            except (ValueError, KeyError, TypeError):
                continue  # an unreadable entry only costs recomputing that article
    return entries


def lock_outdir(state_dir: Path):
    """An exclusive lock on OUTDIR while this process lives. A POSIX record lock (lockf), not
    flock: forked workers do not inherit it, so it dies with this process even if they linger."""
    import fcntl

    fh = open(state_dir / "lock", "a+b")
    try:
        fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise OutdirBusy(f"cchc: {state_dir.parent} is being written by another `cchc extract`") from None
    return fh


class Store:
    """OUTDIR for one run: cached lines in, records.jsonl / errors.jsonl / manifest out."""

    def __init__(self, outdir: str | os.PathLike, include_text: bool = True, force: bool = False):
        self.outdir = Path(outdir)
        self.state = self.outdir / STATE_DIR
        self.state.mkdir(parents=True, exist_ok=True)
        self._lock = lock_outdir(self.state)
        self.version = pipeline_version()
        self.include_text = include_text
        self.reused = 0
        paths = {"record": self.outdir / "records.jsonl", "error": self.outdir / "errors.jsonl"}
        manifest_path = self.state / "manifest.jsonl"
        for path in (*paths.values(), manifest_path):
            AtomicWriter.remove_stale(path)
        self.committed = {} if force else read_manifest(manifest_path)
        self.previous = {kind: open(p, "rb") for kind, p in paths.items() if p.exists() and self.committed}
        self.journal = Journal(self.state / "journal.jsonl", reset=force)
        self.out = {kind: AtomicWriter(p) for kind, p in paths.items()}
        self.manifest_out = AtomicWriter(manifest_path)
        self.done = False

    def key(self, raw: RawArticle) -> tuple[str, str]:
        """(cache key, sha256 of the text) of an article."""
        sha = text_sha256(raw)
        return article_key(raw, sha, self.version, self.include_text), sha

    def cached(self, key: str) -> tuple[str, bytes] | None:
        """(kind, line) computed by an earlier run, or None."""
        if key in self.journal.index:
            where = self.journal.index[key]
            return where.kind, self.journal.read(where)
        where = self.committed.get(key)
        if where is None or where.kind not in self.previous:
            return None
        fh = self.previous[where.kind]
        fh.seek(where.offset)
        line = fh.read(where.length)
        if len(line) != where.length or line_digest(line) != where.digest:
            return None  # the output changed since the manifest was written: recompute
        return where.kind, line

    def save(self, key: str, kind: str, line: bytes) -> None:
        """Journal a freshly computed line, so a killed run does not lose it."""
        self.journal.append(key, kind, line)

    def write(self, kind: str, line: bytes, key: str | None = None, sha: str | None = None) -> None:
        """Append one output line, in input order; `key` marks it reusable by the next run."""
        offset = self.out[kind].write_bytes(line)
        if key is not None:
            self.manifest_out.write_line({"key": key, "sha256": sha, "kind": kind, "offset": offset,
                                          "length": len(line), "digest": line_digest(line)})

    def commit(self) -> None:
        """Replace records, errors and manifest; the journal is then redundant. A crash between
        the renames leaves entries whose digests no longer match: those are recomputed."""
        writers = (*self.out.values(), self.manifest_out)
        for writer in writers:  # all on disk first: a full disk leaves the old outputs whole
            writer.finish()
        for writer in writers:
            writer.publish()
        self.journal.remove()
        fsync_dir(self.state)
        self.done = True

    def close(self) -> None:
        if not self.done:
            for writer in (*self.out.values(), self.manifest_out):
                writer.abort()
            self.journal.close()
        for fh in self.previous.values():
            fh.close()
        self._lock.close()

