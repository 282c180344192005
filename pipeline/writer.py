"""Writing records and errors: one JSON object a line, files replaced atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def encode_line(obj) -> bytes:
    """`obj` as one JSONL line: compact JSON, UTF-8, newline-terminated (JSON escapes any
    newline inside strings, so the only b"\\n" is the last byte). A lone surrogate, which UTF-8
    cannot hold (ingest replaces them; this is the last guard), is written as its JSON escape."""
    return (dumps(obj) + "\n").encode("utf-8", "backslashreplace")


class AtomicWriter:
    """A file written to a temporary sibling and renamed into place on `commit()`, so readers
    see the old file or the whole new one, never a half-written one."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.fchmod(fd, 0o666 & ~current_umask())  # mkstemp's 0600 would outlive the rename
        self.fh = os.fdopen(fd, "wb")
        self.size = 0  # bytes written so far: the offset of the next line

    def write_line(self, obj) -> int:
        return self.write_bytes(encode_line(obj))

    def write_bytes(self, data: bytes) -> int:
        """Append `data`; returns the offset it starts at."""
        offset = self.size
        self.fh.write(data)
        self.size += len(data)
        return offset

    def commit(self) -> None:
        self.finish()
        self.publish()

    def finish(self) -> None:
        """Everything written on disk (this is where a full disk shows), not yet in place."""
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()

    def publish(self) -> None:
        """Rename the finished file into place."""
        os.replace(self.tmp, self.path)
        fsync_dir(self.path.parent)

    def abort(self) -> None:
        """Drop the temporary file; never raises (it runs while another error is on its way,
        often a full disk, on which closing the file fails again)."""
        try:
            if not self.fh.closed:
                self.fh.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    @staticmethod
    def remove_stale(path: str | os.PathLike) -> None:
        """Delete temporary siblings of `path` left by a writer that was killed before commit
        or abort. Only safe while no other process writes `path` (the caller holds a lock)."""
        path = Path(path)
        for tmp in path.parent.glob(f".{path.name}.*.tmp"):
            tmp.unlink(missing_ok=True)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def fsync_dir(directory: str | os.PathLike) -> None:
    """Make a rename in `directory` durable (POSIX; a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
