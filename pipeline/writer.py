"""Writing records and errors: one JSON object a line, files replaced atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class AtomicWriter:
    """A text file written to a temporary sibling and renamed into place on `commit()`, so
    readers see the old file or the whole new one, never a half-written one."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write_line(self, obj) -> None:
        self.fh.write(dumps(obj) + "\n")

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)
