"""OUTDIR as an archive: what it holds, a journal that survives the process being killed, and
the run that adds to it.

    OUTDIR/records.jsonl        the archive: one record per doc_id, in the order the articles
                                arrived; replaced atomically at the end of a run
    OUTDIR/errors.jsonl         one line per input of the last run that failed
    OUTDIR/.cchc/manifest.jsonl one line per output line: its key, the sha256 of its text, where
                                the line sits (offset, length, digest of its bytes) and, for a
                                record, its doc_id, duplicate_of and body fingerprint
    OUTDIR/.cchc/journal.jsonl  lines computed since the last completed run, appended and flushed
                                one at a time as "<key> <kind> <line>"; a torn last line (killed
                                mid-write) is cut off when the journal is opened again
    OUTDIR/.cchc/run.jsonl      this run's new and changed records, until they are committed
    OUTDIR/.cchc/lock           held (lockf) by the one run writing OUTDIR

An article's key hashes the pipeline version (package version plus a hash of its code and
resource files), the sha256 of the article's text, its input metadata and the output options,
so one key always stands for the same output line. A run reads its inputs in order, takes an
article's line from the journal or the manifest when its key is there, and computes the others.
At the end it writes the archive again: the records it held, in their order, each replaced by
this run's line for the same doc_id if that differs, then the new records in input order. The
archive at the start and the inputs decide the result, so it is byte-identical to a clean run
however many times earlier runs were killed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .duplicates import DuplicateIndex, Fingerprint, fingerprint, record_body
from .ingest import RawArticle
from .version import pipeline_version
from .writer import AtomicWriter, encode_line, fsync_dir

STATE_DIR = ".cchc"
KINDS = ("record", "error")
_KEY_RE = re.compile(rb"[0-9a-f]{32}")


class OutdirBusy(SystemExit):
    """Another run holds OUTDIR's lock. A SystemExit, so the CLI exits 1 with the message."""


def text_sha256(raw: RawArticle) -> str:
    return hashlib.sha256(raw.text.encode("utf-8")).hexdigest()


def article_key(raw: RawArticle, text_sha: str, version: str, include_text: bool) -> str:
    """Everything `extract_article` reads, plus the version: equal keys, equal output lines."""
    parts = [version, include_text, text_sha, raw.doc_id, raw.source, raw.title, raw.url,
             raw.published, raw.is_html, raw.warnings, raw.meta, raw.authors]
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


@dataclass
class ArchiveEntry:
    """One record of the archive: where its line is and what the next run needs to know."""

    doc_id: str
    line: Located  # in records.jsonl (old archive) or in the run file (this run's lines)
    key: str | None = None  # None: unknown (an index rebuilt from records.jsonl)
    sha: str | None = None
    fingerprint: Fingerprint | None = None
    duplicate_of: str | None = None

    def manifest_entry(self, offset: int) -> dict:
        return {"key": self.key, "sha256": self.sha, "kind": "record", "offset": offset,
                "length": self.line.length, "digest": self.line.digest, "doc_id": self.doc_id,
                "duplicate_of": self.duplicate_of, **(self.fingerprint.encode() if self.fingerprint else {})}


def read_archive(manifest_path: Path, records_path: Path) -> list[ArchiveEntry]:
    """The records of OUTDIR in archive order, from the manifest, checked against records.jsonl;
    if they disagree (a file edited by hand, an older manifest), rebuilt from records.jsonl."""
    if not records_path.exists():
        return []
    entries = _archive_from_manifest(manifest_path)
    if entries is not None and _archive_matches(entries, records_path):
        return entries
    return _archive_from_records(records_path, entries or [])


def _archive_from_manifest(path: Path) -> list[ArchiveEntry] | None:
    entries = []
    if not path.exists():
        return None
    with open(path, "rb") as fh:
        for line in fh:
            try:
                e = json.loads(line)
                if e["kind"] != "record":
                    continue
                entries.append(ArchiveEntry(e["doc_id"], Located("record", e["offset"], e["length"], e["digest"]),
                                            e["key"], e.get("sha256"), Fingerprint.decode(e), e.get("duplicate_of")))
            except (ValueError, KeyError, TypeError):
                return None
    return entries


def _archive_matches(entries: list[ArchiveEntry], records_path: Path) -> bool:
    """The entries tile records.jsonl exactly, each line with its digest."""
    offset = 0
    with open(records_path, "rb") as fh:
        for entry in entries:
            if entry.line.offset != offset:
                return False
            line = fh.read(entry.line.length)
            if len(line) != entry.line.length or line_digest(line) != entry.line.digest:
                return False
            offset += len(line)
        return not fh.read(1)


def _archive_from_records(records_path: Path, known: list[ArchiveEntry] = ()) -> list[ArchiveEntry]:
    """The archive rebuilt from records.jsonl; a line the (stale) manifest lists byte for byte
    (the same doc_id and digest: a run killed between publishing records.jsonl and the manifest)
    keeps the key and hash it vouches for, so it is not taken for unknown."""
    vouched = {(e.doc_id, e.line.digest): (e.key, e.sha) for e in known if e.line.digest}
    entries, offset = [], 0
    with open(records_path, "rb") as fh:
        for line in fh:
            try:
                record = json.loads(line)
                doc_id = record["doc_id"]
            except (ValueError, KeyError, TypeError):
                offset += len(line)
                continue  # not a record: dropped from the archive
            body = record_body(record)
            digest = line_digest(line)
            key, sha = vouched.get((str(doc_id), digest), (None, None))
            entries.append(ArchiveEntry(str(doc_id), Located("record", offset, len(line), digest),
                                        key, sha, fingerprint(body) if body else None,
                                        record.get("duplicate_of")))
            offset += len(line)
    return entries


class Store:
    """OUTDIR for one run, an archive that grows: this run's articles are added, or replace the
    record of the same doc_id in place; records of articles not among the inputs are kept
    (`replace`: OUTDIR holds exactly this run's inputs). Cached lines in, records.jsonl /
    errors.jsonl / manifest out; each new or changed record gets its `duplicate_of`."""

    def __init__(self, outdir: str | os.PathLike, include_text: bool = True, force: bool = False,
                 replace: bool = False):
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
        self.force = force
        self.archive = [] if replace else read_archive(manifest_path, paths["record"])
        self.position = {entry.doc_id: i for i, entry in enumerate(self.archive)}
        self.duplicates = DuplicateIndex()
        for i, entry in enumerate(self.archive):
            if entry.fingerprint is not None:
                self.duplicates.add(entry.doc_id, i, entry.fingerprint, entry.duplicate_of)
        needs_previous = self.committed or self.archive
        self.previous = {kind: open(p, "rb") for kind, p in paths.items() if p.exists() and needs_previous}
        self.journal = Journal(self.state / "journal.jsonl", reset=force)
        self.run_path = self.state / "run.jsonl"
        self.run_file = open(self.run_path, "w+b")  # this run's new and changed records
        self.run_size = 0
        self.changed: dict[str, ArchiveEntry] = {}  # doc_id -> its new line in the run file
        self.added: list[str] = []  # doc_ids not in the archive, in input order
        self.rekeyed: dict[str, tuple[str, str | None]] = {}  # unchanged records met under a new key
        self.errors_out = AtomicWriter(paths["error"])
        self.records_path = paths["record"]
        self.manifest_path = manifest_path
        self.error_entries: list[dict] = []
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
        line = self._read_previous(where)
        if len(line) != where.length or line_digest(line) != where.digest:
            return None  # the output changed since the manifest was written: recompute
        return where.kind, line

    def _read_previous(self, where: Located) -> bytes:
        fh = self.previous[where.kind]
        fh.seek(where.offset)
        return fh.read(where.length)

    def save(self, key: str, kind: str, line: bytes) -> None:
        """Journal a freshly computed line, so a killed run does not lose it."""
        self.journal.append(key, kind, line)

    def write(self, kind: str, line: bytes, key: str | None = None, sha: str | None = None,
              text: str | None = None) -> None:
        """One output line, in input order; `key` marks it reusable by the next run, `text` is
        the article's text (for the duplicate check when records leave it out)."""
        if kind == "error":
            offset = self.errors_out.write_bytes(line)
            if key is not None:
                self.error_entries.append({"key": key, "sha256": sha, "kind": kind, "offset": offset,
                                           "length": len(line), "digest": line_digest(line)})
            return
        self.write_record(line, key, sha, text)

    def write_record(self, line: bytes, key: str | None, sha: str | None, text: str | None) -> None:
        at = self.position.get(_doc_id_of(line))
        archived = self.archive[at] if at is not None else None
        if archived is not None and key is not None and key == archived.key and not self.force \
                and archived.doc_id not in self.changed:
            return  # the same article as archived: kept as it is
        fresh = _fresh_record(line, text)
        record = json.loads(line) if fresh is None else None
        doc_id = record["doc_id"] if fresh is None else _doc_id_of(line)
        position = at if at is not None else len(self.archive) + self._added_index(doc_id)
        body = record_body(record, text) if fresh is None else fresh
        fp = fingerprint(body) if body else None
        duplicate_of = self.duplicates.find(fp, position, doc_id) if fp else None
        if fresh is None:
            record["duplicate_of"] = duplicate_of
            line = encode_line(record)
        else:
            line = _with_duplicate_of(line, duplicate_of)
        if fp is not None:
            self.duplicates.add(doc_id, position, fp, duplicate_of)
        if archived is not None and line_digest(line) == archived.line.digest:
            self.changed.pop(doc_id, None)
            if key is not None:
                self.rekeyed[doc_id] = (key, sha)
            return  # recomputed, and the same line: kept
        self.rekeyed.pop(doc_id, None)
        self.run_file.write(line)
        where = Located("record", self.run_size, len(line), line_digest(line))
        self.run_size += len(line)
        self.changed[doc_id] = ArchiveEntry(doc_id, where, key, sha, fp, duplicate_of)

    def _added_index(self, doc_id: str) -> int:
        """The place among this run's new articles of `doc_id` (a repeated one keeps its first)."""
        if doc_id not in self.changed:
            self.added.append(doc_id)
            return len(self.added) - 1
        return self.added.index(doc_id)

    def counts(self) -> tuple[int, int, int]:
        """(new, updated, kept) records of the archive this run leaves."""
        updated = sum(doc_id in self.position for doc_id in self.changed)
        return len(self.added), updated, len(self.archive) - updated

    def commit(self) -> None:
        """Replace records, errors and manifest; the journal is then redundant. A crash between
        the renames leaves a manifest that disagrees with records.jsonl: the next run then
        rebuilds its index from records.jsonl, and recomputes what the manifest cannot vouch for."""
        records_out, manifest_out = AtomicWriter(self.records_path), AtomicWriter(self.manifest_path)
        try:
            for entry in self.error_entries:
                manifest_out.write_line(entry)
            for archived in self.archive:
                entry = self.changed.get(archived.doc_id)
                if entry is None:
                    key, sha = self.rekeyed.get(archived.doc_id, (archived.key, archived.sha))
                    entry = ArchiveEntry(archived.doc_id, archived.line, key, sha,
                                         archived.fingerprint, archived.duplicate_of)
                    line = self._read_previous(archived.line)
                else:
                    line = self._read_run(entry.line)
                manifest_out.write_line(entry.manifest_entry(records_out.write_bytes(line)))
            for doc_id in self.added:
                entry = self.changed[doc_id]
                manifest_out.write_line(entry.manifest_entry(records_out.write_bytes(self._read_run(entry.line))))
            writers = (records_out, self.errors_out, manifest_out)
            for writer in writers:  # all on disk first: a full disk leaves the old outputs whole
                writer.finish()
            for writer in writers:
                writer.publish()
        except BaseException:
            records_out.abort()
            manifest_out.abort()
            raise
        self.journal.remove()
        fsync_dir(self.state)
        self.done = True

    def _read_run(self, where: Located) -> bytes:
        self.run_file.seek(where.offset)
        return self.run_file.read(where.length)

    def close(self) -> None:
        if not self.done:
            self.errors_out.abort()
            self.journal.close()
        for fh in self.previous.values():
            fh.close()
        self.run_file.close()
        self.run_path.unlink(missing_ok=True)
        self._lock.close()


_DOC_ID_RE = re.compile(rb'"doc_id":("(?:[^"\\]|\\.)*")')
_BODY_RE = re.compile(rb'"body":\[(\d+),(\d+)\]')
_NO_DUPLICATE_END = b'"duplicate_of":null}\n'


def _fresh_record(line: bytes, text: str | None) -> str | None:
    """The body text of a record line as a worker writes it (its last member `"duplicate_of":
    null`, its `body` span of `text`, the article's text), read without parsing the record: the
    main process handles every record, and decoding and encoding it again cost more than
    fingerprinting it. None for any other line (parse it)."""
    if text is None or not line.endswith(_NO_DUPLICATE_END):
        return None
    # the first "body":[ of the line is the record's: the members before it (ids, source,
    # text, title, published, authors) hold strings only, where a quote is escaped
    m = _BODY_RE.search(line)
    if m is None:
        return None
    s, e = int(m[1]), int(m[2])
    return text[s:e] if e > s else text


def _with_duplicate_of(line: bytes, duplicate_of: str | None) -> bytes:
    """A `_fresh_record` line with its last member set: what `encode_line` gives for the
    record with that value."""
    if duplicate_of is None:
        return line
    return line[:-len(b"null}\n")] + encode_line(duplicate_of)[:-1] + b"}\n"


def _doc_id_of(line: bytes) -> str | None:
    """The doc_id of a record line, without parsing the whole record."""
    m = _DOC_ID_RE.search(line)
    return json.loads(m[1]) if m else None
