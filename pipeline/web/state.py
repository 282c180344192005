"""What earlier runs learnt about URLs: the validators (ETag, Last-Modified) of each document
and which article pages are already in the archive. Kept in OUTDIR/.cchc/http.json and
replaced only when the run's outputs are committed, so a killed run forgets what it fetched
(its articles are not in the archive either)."""
from __future__ import annotations

import json
from pathlib import Path

from ..writer import AtomicWriter, dumps

STATE_FILE = "http.json"


class HttpState:
    def __init__(self, path: Path | None = None, urls: dict[str, dict] | None = None):
        self.path = path
        self.urls: dict[str, dict] = urls or {}

    @classmethod
    def load(cls, state_dir: str | Path | None, fresh: bool = False) -> "HttpState":
        """The state kept in `state_dir` (None: in memory only); `fresh` ignores what is there."""
        if state_dir is None:
            return cls()
        path = Path(state_dir) / STATE_FILE
        urls = {}
        if not fresh and path.exists():
            try:
                urls = json.loads(path.read_text(encoding="utf-8")).get("urls", {})
            except (ValueError, AttributeError, OSError):
                urls = {}  # an unreadable state only costs refetching
        return cls(path, urls if isinstance(urls, dict) else {})

    def validators(self, url: str) -> tuple[str | None, str | None]:
        entry = self.urls.get(url) or {}
        return entry.get("etag"), entry.get("last_modified")

    def is_known_article(self, url: str) -> bool:
        return (self.urls.get(url) or {}).get("kind") == "article"

    def remember(self, url: str, kind: str, etag: str | None, last_modified: str | None) -> None:
        self.urls[url] = {"kind": kind, "etag": etag, "last_modified": last_modified}

    def save(self) -> None:
        if self.path is None:
            return
        writer = AtomicWriter(self.path)
        try:
            writer.write_bytes(dumps({"urls": dict(sorted(self.urls.items()))}).encode("utf-8") + b"\n")
            writer.commit()
        except BaseException:
            writer.abort()
            raise
