"""Calendar dates as Vietnamese sites and articles write them -> ISO "YYYY-MM-DD".

Pure helpers shared by the stages that read dates (layout's `published`, documents, periods).
"""
from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

import regex
from .pattern_cache import compile_pattern

# 12/09/2019, 16/10/2024, 4/12/2023, 29-12-2021, 29.12.2021 (day first, as Vietnamese writes)
DMY_RE = compile_pattern(r"(?<!\d)(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>(?:19|20)\d{2})(?!\d)")
# "ngày 29 tháng 12 năm 2021"
DMY_WORDS_RE = compile_pattern(
    r"(?<!\w)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y>(?:19|20)\d{2})(?!\d)",
    regex.IGNORECASE,
)
ISO_RE = compile_pattern(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")


def iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(s: str) -> str | None:
    """The first calendar date in `s` (day-first numeric, ISO, "d tháng m năm y", RFC 2822)."""
    if not s:
        return None
    m = ISO_RE.search(s)
    if m:
        return iso(int(m["y"]), int(m["m"]), int(m["d"]))
    m = DMY_RE.search(s) or DMY_WORDS_RE.search(s)
    if m:
        return iso(int(m["y"]), int(m["m"]), int(m["d"]))
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
