"""Reading a small JSONL file of the user's (gold annotations, review corrections) whole, with
one-line errors that name the file and the line."""
from __future__ import annotations

import json
from pathlib import Path


def json_lines(path: Path, error: type[Exception], missing_ok: bool = False) -> list[tuple[int, object]]:
    """(line number, parsed value) for every non-blank line of the UTF-8 JSONL file at `path`.
    Raises `error` with a one-line message when the file cannot be read or a line is not JSON;
    a missing file is [] when `missing_ok`."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = list(fh)
    except FileNotFoundError as e:
        if missing_ok:
            return []
        raise error(f"{path}: {e.strerror or e}") from None
    except OSError as e:
        raise error(f"{path}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise error(f"{path}: not UTF-8 text") from None
    values = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            values.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            raise error(f"{path}, line {n}: not JSON ({e.msg})") from None
    return values
