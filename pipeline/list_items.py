"""Items of a bulleted list and the line that heads it: "Số hồ sơ tiếp nhận theo từng tháng cụ thể
như sau:" then "- Tháng 7/2025: 118.420 hồ sơ, ..." lines. Each item names its part (a month, a
unit, a field), the header what is counted; `aspects` reads an item's measure there when the
item's own words name none."""
from __future__ import annotations

from .pattern_cache import compile_pattern

BULLET_RE = compile_pattern(r"[ \t\u00a0]*[-–—+•*·][ \t\u00a0]+")
HEADER_END_RE = compile_pattern(r":[ \t\u00a0]*$")
MAX_ITEMS = 40  # list lines between an item and its header


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int, limit: int | None = None) -> int:
    end = text.find("\n", pos, limit)
    return (len(text) if limit is None else min(limit, len(text))) if end < 0 else end


ITEM_REACH = 300  # characters from an item's bullet to a figure in its words
OWN_WORDS_REACH = 200  # characters after a figure where the end of its item's own words is sought


def item_start(text: str, pos: int) -> int | None:
    """Where the words of the list item holding offset `pos` start (after its bullet), or None
    when `pos` is on no bulleted line or more than ITEM_REACH characters into one (the line's
    start is sought that far only: a page-long line costs no more than a short one)."""
    newline = text.rfind("\n", max(0, pos - ITEM_REACH), pos)
    if newline < 0 and pos > ITEM_REACH:
        return None
    bullet = BULLET_RE.match(text, newline + 1)
    return bullet.end() if bullet is not None and bullet.end() <= pos else None


SENTENCE_BREAK_RE = compile_pattern(r"[.!?](?!\d)[ \t\u00a0]+")


def header_of(text: str, pos: int) -> tuple[int, int] | None:
    """The sentence heading the bulleted list whose item holds offset `pos`: the last one of the
    first line above the items that is neither one nor blank ("Cụ thể như sau:\n\n- A ...\n\n- B
    ..."), when it ends with ":"; else None."""
    start = _line_start(text, pos)
    for _ in range(MAX_ITEMS):
        if start == 0:
            return None
        above = _line_start(text, start - 1)
        if not text[above:start - 1].strip():
            start = above  # a blank line between items, or below the header
            continue
        if BULLET_RE.match(text, above) is None:
            end = start - 1
            if not HEADER_END_RE.search(text, above, end):
                return None
            breaks = list(SENTENCE_BREAK_RE.finditer(text, above, end))
            return (breaks[-1].end() if breaks else above), end
        start = above
    return None


def own_words_end(text: str, pos: int) -> int:
    """End of the item's own words after offset `pos`: its first "," or ";" or its line's end
    (within OWN_WORDS_REACH characters)."""
    end = min(_line_end(text, pos, pos + OWN_WORDS_REACH), pos + OWN_WORDS_REACH)
    for mark in (",", ";"):
        at = text.find(mark, pos, end)
        if at >= 0:
            end = at
    return end


def list_end(text: str, pos: int) -> int:
    """End of the last line of the bulleted list whose item holds offset `pos` (its items run on,
    blank lines aside, with no unbulleted line between)."""
    after = items_after(text, pos)
    return after[-1][1] if after else _line_end(text, pos)


ITEM_LABEL_END_RE = compile_pattern(r"[:\d]")
LABEL_JOINT_RE = compile_pattern(r",|(?<!\p{L})và(?!\p{L})")


def items_after(text: str, pos: int) -> list[tuple[int, int]]:
    """The bulleted items on the lines after the line holding offset `pos` (blank lines aside), as
    (start of its words, end of its line), up to the first line that is no item; at most MAX_ITEMS."""
    out: list[tuple[int, int]] = []
    end = _line_end(text, pos)
    while len(out) < MAX_ITEMS:
        nxt = end + 1
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        bullet = BULLET_RE.match(text, nxt) if nxt < len(text) else None
        if bullet is None:
            break
        end = _line_end(text, nxt)
        out.append((bullet.end(), end))
    return out


def names_one(text: str, item: tuple[int, int]) -> bool:
    """Whether an item's label (its words up to its first ":" or digit) names one thing: no comma,
    no "và" ("- Xã Tương Dương: 164 hồ sơ", not "- Xã A, xã B: ...")."""
    start, end = item
    stop = ITEM_LABEL_END_RE.search(text, start, end)
    return LABEL_JOINT_RE.search(text, start, stop.start() if stop else end) is None
