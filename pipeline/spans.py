"""`SpanSet`: half-open character spans with an overlap test in logarithmic time, in place of a
test against every span taken so far (quadratic on long articles)."""
from __future__ import annotations

import bisect
from typing import Iterable


class SpanSet:
    """Spans (start, end), possibly overlapping each other; `overlaps(s, e)` is
    `any(ts < e and s < te for ts, te in spans)`. A span overlapping [s, e) starts before e and
    after s - (the longest span's length), so only the spans starting in that window are tested."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._spans = sorted(spans)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        spans = self._spans
        i = bisect.bisect_left(spans, (start - self._longest,))
        while i < len(spans) and spans[i][0] < end:
            if start < spans[i][1]:
                return True
            i += 1
        return False

    def __len__(self) -> int:
        return len(self._spans)
