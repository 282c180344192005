"""The province an article means by a bare "tỉnh" when it never names one.

A provincial newspaper writes "UBND tỉnh", "toàn tỉnh", "Tỉnh đã công bố 1.834 TTHC" and names
only the province's districts or communes ("huyện Đăk Hà"): every named unit lies in one
province, and the bare word refers to it. That province becomes a unit whose mentions are the
bare words, so that figures of "tỉnh" take it as their subject. The article must be about the
province: the word stands in its headline or lead and recurs (MIN_REFERENCES), as "UBND tỉnh
tổ chức hội nghị" opens a provincial report; one passing "cổng dịch vụ công của tỉnh" in a
district's report implies nothing. Nothing is implied either when the article names a province, when its units lie in more than one, or when the province is a
centrally-run city (a bare "thành phố" may be a provincial city as well).
"""
from __future__ import annotations

import functools

from .gazetteer import lookup
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .segment import Span
from .textkeys import fold
from .unit_link import Unit

PROVINCE_WORD_RE = compile_pattern(r"(?<![\p{L}\d])tỉnh(?![\p{L}\d])")  # over the folded text
WORD_AFTER_RE = compile_pattern(r"[ \u00a0]*(\S)(\p{L}*)")
WORD_BEFORE_RE = compile_pattern(r"(\p{L}+|\d[\d.,]*)[ \u00a0]+$")
MIN_REFERENCES = 3


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_yaml("unit_types.yml")[name])


def province_references(text: str, folded: str, start: int, end: int) -> list[Span]:
    """Spans of "tỉnh" in text[start:end] that refer to one province without naming it: no name
    (a capitalised word or a number) after it, no word after it that makes another noun, no
    count, plural or level word before it (unit_types.yml)."""
    refs = []
    for m in PROVINCE_WORD_RE.finditer(folded, start, end):
        s, e = m.span()
        after = WORD_AFTER_RE.match(text, e, min(end, e + 40))
        if after and (after[1].isupper() or after[1].isdigit()):
            continue  # "tỉnh Kon Tum", "Tỉnh 5": a name, or the unit's own name
        if after and fold(after[1] + after[2]) in _words("province_word_not_before"):
            continue
        before = WORD_BEFORE_RE.search(folded, max(start, s - 30), s)
        if before and (before[1][0].isdigit() or before[1] in _words("province_word_not_after")):
            continue
        refs.append((s, e))
    return refs


def implied_province(text: str, folded: str, body: Span, lead_end: int, units: list[Unit]) -> Unit | None:
    """The province unit the bare "tỉnh" of an article refers to (see the module doc), with
    those words as its mentions; None when there is none to imply."""
    if any(u.level == "province" for u in units):
        return None
    homes = {(u.entry.province, u.register) for u in units if u.entry is not None and u.entry.province}
    if len(homes) != 1:
        return None
    (name, register), = homes
    entries = [e for e in lookup("province", name, register) if e.type == "tỉnh"]
    if len(entries) != 1:
        return None
    refs = province_references(text, folded, *body)
    if len(refs) < MIN_REFERENCES or refs[0][0] >= lead_end:
        return None
    entry = entries[0]
    return Unit("province", entry.name, type=entry.type, entry=entry, mentions=refs, register=register)
