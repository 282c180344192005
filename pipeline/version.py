"""`pipeline_version`: the package version plus a hash of the code and resources, which every
record and resume key carries. Its own module so that extracting one article does not import
the archive (manifest, duplicates, numpy)."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import __version__

VERSIONED_SUFFIXES = {".py", ".yml", ".yaml", ".json", ".jsonl", ".txt", ".tsv", ".csv"}


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
