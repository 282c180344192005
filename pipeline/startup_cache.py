"""A versioned on-disk cache for what start-up builds from installed data (the unit register:
about 0.2 s of a 0.5 s `cchc check`). Nothing is downloaded: a value is built as before on
first use and stored under a key that hashes everything it was built from (the pipeline
version, which covers this package's code and lexicons, and the data files' sizes and times);
any other key misses. The cache is a convenience: an unreadable, unwritable or corrupt cache
is the same as none.

    CCHC_CACHE_DIR=DIR   where (default: $XDG_CACHE_HOME/cchc-metrics, else ~/.cache/cchc-metrics)
    CCHC_CACHE_DIR=off   no cache
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from .version import pipeline_version

T = TypeVar("T")
CACHE_ENV = "CCHC_CACHE_DIR"


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cchc-metrics"


def cache_key(files: Iterable[Path], *parts: str) -> str:
    """A key for a value built from `files` (by size and modification time) and `parts` by this
    pipeline version on this Python."""
    digest = hashlib.sha256()
    for part in (pipeline_version(), sys.version, str(pickle.HIGHEST_PROTOCOL), *parts):
        digest.update(part.encode() + b"\0")
    for path in files:
        st = path.stat()
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:24]


def stable_key(*parts: str) -> str:
    """A key for a value built from `parts` alone, shared by every pipeline version (name the
    library versions and Python it depends on among the parts)."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]


# values kept per name, the most recently used: two versions of the pipeline run in turn (two
# worktrees, a benchmark against the version before) each find theirs instead of rebuilding it
KEEP = 4


def _touch(path: Path) -> None:
    """Mark a cached value as just used (its modification time), for `_by_use`."""
    try:
        os.utime(path)
    except OSError:
        pass


def _by_use(paths: Iterable[Path]) -> list[Path]:
    """`paths` most recently used first (a file gone meanwhile is left out)."""
    dated = []
    for path in paths:
        try:
            dated.append((path.stat().st_mtime_ns, path))
        except OSError:
            pass
    return [path for _, path in sorted(dated, reverse=True)]


def read(name: str, key: str):
    """The value cached as `name` under `key`, or None (no cache, no such value, or a file that
    does not load: corrupt, or from an incompatible library)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            value = pickle.load(fh)  # a file this user's own earlier run wrote
    except Exception:
        return None
    _touch(path)
    return value


def write(name: str, key: str, value) -> None:
    """Store `value` as `name` under `key`, beside the values of the other keys most recently
    used (up to KEEP in all); a cache that cannot be written is left as it is."""
    folder = cache_dir()
    if folder is not None:
        _store(folder, name, folder / f"{name}-{key}.pickle", value)


def load_or_build(name: str, key: str, build: Callable[[], T]) -> T:
    """The value cached as `name` under `key`, else `build()` (then stored)."""
    value = read(name, key)
    if value is None:
        value = build()
        write(name, key, value)
    return value


def _store(folder: Path, name: str, path: Path, value) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{name}-", delete=False) as fh:
            tmp = Path(fh.name)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in _by_use(folder.glob(f"{name}-*.pickle"))[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        try:
            tmp.unlink(missing_ok=True)
        except (NameError, OSError):
            pass
