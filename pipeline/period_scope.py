"""Which period governs a figure (`period_for`), by ANNOTATION.md's rule: the figure's own
sentence; else the last period stated earlier in its paragraph (a paragraph as a reader sees it:
a block of lines up to a blank line or a subheading line; a bulleted list, or a paragraph opening
with "Trong đó", "Cụ thể", "Ngoài ra" ..., continues the paragraph before); else the period of the
headline or lead. A sentence about a party congress takes the term of office stated before it. The phrases
and their roles come from pipeline/periods.py.
"""
from __future__ import annotations

import bisect

import regex

from .figure_cues import value_run
from .pattern_cache import compile_pattern
from .periods import TERM_RE, Period, Span, term_body_re
from .segment import LEAD_PARAGRAPHS, enclosing_bracket

# a paragraph opening so goes on with the one before: "Trong đó, ...", "Xét riêng nhóm hồ sơ ..."
CONTINUATION_RE = compile_pattern(r"\s*(?:trong\s+đó|cụ\s+thể|xét\s+riêng|riêng|bên\s+cạnh\s+đó|ngoài\s+ra|đồng\s+thời"
                                r"|theo\s+đó|như\s+vậy)(?!\p{L})", regex.IGNORECASE)
BLANK_LINE_RE = compile_pattern(r"\n[ \t\u00a0]*\n")  # the end of a paragraph as a reader sees it
# from a baseline to its own value: a "khi" clause after it, or a bracket right after it
BASELINE_CLAUSE_RE = compile_pattern(r"[ \u00a0]*(?:,[ \u00a0]*(?:khi|lúc)(?!\p{L})(?:[^;:(),]|,(?=\d)|\([^()]{0,20}\))*|\([^()]*)", regex.IGNORECASE)
BASELINE_VALUE_GAP_RE = compile_pattern(r"[ \u00a0]*(?:(?:là|đạt|chỉ[ \u00a0]+đạt|có)(?!\p{L})[ \u00a0]*)?:?[ \u00a0]*", regex.IGNORECASE)
BRACKETED_BASELINE_RE = compile_pattern(r"\([ \u00a0]*(?:so[ \u00a0]+với[ \u00a0]+)?(?:cùng[ \u00a0]+kỳ[ \u00a0]+)?$", regex.IGNORECASE)
SENTENCE_END_RE = compile_pattern(r"[.?!…](?=\s|$)")
SEVERAL_SENTENCE_SHARE = 0.3  # of an article's lines, for its lines to be paragraphs
LIST_ITEM_RE = compile_pattern(r"\s*(?:[-–—+•*]|\d{1,2}[.)]\s|[a-zđ][)]\s)")
# a crawled page's subheading, a line of its own between sentences: a few words, capitalised,
# no closing punctuation, perhaps in quotes ("Nhiêu khê vì kiểm tra chuyên ngành"); a photo
# credit is none
SUBHEADING_RE = compile_pattern(r"[ \t\u00a0]*(?P<quote>[\"“])?[ \u00a0]*(?!Ảnh[ \u00a0]*:)\p{Lu}[^\n.!?:;…\"“”]*?[ \u00a0]*(?(quote)[\"”])[ \t\u00a0]*$")
SUBHEADING_WORDS = (2, 15)
CLOSED_LINE_RE = compile_pattern(r"[.!?…:\"”’)][ \t\u00a0]*$")
OPENS_SENTENCE_RE = compile_pattern(r"[ \t\u00a0]*[\"“'‘(]?\p{Lu}")


# --------------------------------------------------------------------------- which period governs

# what may stand between a figure and the period written right after it: "49% năm 2017", "17%
# vào năm 2016", "xếp thứ 5 trong năm 2023", its noun and "trong": "386 thủ tục trong tháng 12/2025"
ADJACENT_GAP_RE = compile_pattern(r"\s*(?:(?:vào|trong|của)\s+|(?:\p{L}+\s+){1,3}(?:trong|vào)\s+)?", regex.IGNORECASE)
OTHER_FIGURE_BEFORE_RE = compile_pattern(r"\d\s*%?\s*(?:(?:vào|trong|của)\s+)?$", regex.IGNORECASE)
BRACKET_REACH = 200  # characters: how far back an enclosing "(" is looked for
SENTENCE_REACH = 1500  # characters either side of a figure where its sentence's periods are weighed
RESPECTIVE_REACH = 400  # characters back from a value to the periods it may pair with (a sentence may be huge)
# periods named side by side, and what pairs values with them in order: "Trong quý III/2026 và 9
# tháng năm 2026, ... tiếp nhận lần lượt 312.548 và 905.117 hồ sơ", "tăng từ 58,4% lên 79,6%"
COORDINATED_PERIODS_RE = compile_pattern(r"\s*(?:,|và|,\s*và)\s*")
RESPECTIVE_RE = compile_pattern(r"(?<![\p{L}])(?:lần\s+lượt|tương\s+ứng)(?![\p{L}])", regex.IGNORECASE)
FROM_TO_RE = compile_pattern(r"(?<![\p{L}])từ\s+(\d[\d.,]*)\s*(?:%|điểm)?\s+(?:lên|xuống|đến|tới)\s+(\d[\d.,]*)", regex.IGNORECASE)


class PeriodIndex:
    """An article's period phrases, sorted, for the per-figure look-ups of `period_for`
    (bisection, so a sentence full of figures and dates costs n log n, not n squared)."""

    def __init__(self, text: str, periods: list[Period], paragraphs: list[Span]):
        self.text = text
        self.periods = sorted(periods, key=lambda p: p.start_pos)
        self.starts = [p.start_pos for p in self.periods]
        self.stated = [p for p in self.periods if p.role in ("period", "edition", "term") and not in_aside(text, p)]
        self.stated_ends = [p.end_pos for p in self.stated]
        self.paragraphs = paragraphs
        self.lines_are_paragraphs = lines_are_paragraphs(text, paragraphs)
        self.lead = lead_period([p for p in self.stated if p.role != "term"], paragraphs)
        self.lead_plain = lead_period([p for p in self.stated if p.role == "period"], paragraphs)
        self.terms = [p for p in self.periods if TERM_RE.search(p.text)]
        self.term_starts = [p.start_pos for p in self.terms]
        self.scope_starts: dict[int, int] = {}  # paragraph index -> `scope_start` (asked for by every figure)

    def within(self, lo: int, hi: int) -> list[Period]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [p for p in self.periods[i:j] if p.end_pos <= hi]

    def in_sentence(self, sent: Span, pos: int, end: int | None = None) -> Period | None:
        """The period of the figure's own sentence: one written right after the figure ("từ
        42% năm 2016 lên 49% năm 2017", a baseline's value too: "so với tỉ lệ 54% năm 2016");
        else a stated period before the figure (the last), else after it (the first that is
        not another figure's); a name's year only when there is no other. A period inside
        brackets the figure is not in ("(năm 2013 xếp thứ 5)") belongs to the bracket."""
        text = self.text
        # (within a reach of the figure: a sentence may be huge, and every figure of it asks)
        candidates = self.within(max(sent[0], pos - SENTENCE_REACH), min(sent[1], pos + SENTENCE_REACH))
        if not candidates:
            return None
        if end is not None:
            right_after = next((p for p in candidates if p.start_pos >= end and p.role != "date"
                                and ADJACENT_GAP_RE.fullmatch(text, end, p.start_pos)), None)
            if right_after is not None:
                return right_after
        own_bracket = enclosing_bracket(text, sent[0], pos, BRACKET_REACH)
        best: dict[str, tuple[Period | None, Period | None]] = {}
        for p in candidates:
            if p.role in ("baseline", "date") or enclosing_bracket(text, sent[0], p.start_pos, BRACKET_REACH) not in (None, own_bracket):
                continue
            if end is not None and p.start_pos >= end and OTHER_FIGURE_BEFORE_RE.search(text, max(end, p.start_pos - 16), p.start_pos):
                continue  # "xuống còn 9% năm 2017": the year of the figure it follows
            before, after = best.get(p.role, (None, None))
            if p.end_pos <= pos:
                before = p
            elif p.start_pos >= pos and after is None:
                after = p
            best[p.role] = (before, after)
        for role in ("period", "term", "edition", "name"):
            before, after = best.get(role, (None, None))
            if before or after:
                return before or after
        return None

    def respective(self, sent: Span, pos: int) -> Period | None:
        """Of periods named side by side before the figure in its sentence, the one its place in
        a run of values pairs it with ("lần lượt 312.548 và 905.117", "tương ứng đạt 99,35% và
        99,08%", "từ 58,4% lên 79,6%"), when the run has as many values as there are periods."""
        named = [p for p in self.within(max(sent[0], pos - RESPECTIVE_REACH), pos) if p.role == "period"]
        if len(named) < 2:
            return None
        group = [named[-1]]
        for p in reversed(named[:-1]):
            if not COORDINATED_PERIODS_RE.fullmatch(self.text, p.end_pos, group[0].start_pos):
                break
            group.insert(0, p)
        if len(group) < 2:
            return None
        run = []
        cue = None
        for cue in RESPECTIVE_RE.finditer(self.text, group[-1].end_pos, pos):
            pass
        if cue is not None:
            run = value_run(self.text, cue.end(), min(sent[1], cue.end() + RESPECTIVE_REACH), pos)
        for m in FROM_TO_RE.finditer(self.text, max(group[-1].end_pos, pos - RESPECTIVE_REACH), min(sent[1], pos + RESPECTIVE_REACH)):
            if pos in (m.start(1), m.start(2)):
                run = [m.start(1), m.start(2)]
        return group[run.index(pos)] if len(run) == len(group) and pos in run else None

    def baseline_clause(self, sent: Span, pos: int) -> Period | None:
        """The baseline of a comparison whose own clause the figure is in: "So với cùng kỳ năm
        2025, khi Trung tâm mới tiếp nhận 15.342 hồ sơ, ...", "So với ... cùng kỳ năm 2024 (tiếp
        nhận 684 hồ sơ)": the figure is the baseline's value, of the baseline's period."""
        last = None
        for p in self.within(max(sent[0], pos - RESPECTIVE_REACH), pos):  # (the clause is short; a sentence may be huge)
            if p.role == "baseline":
                last = p
        if last is None or last.end_pos > pos:
            return None
        if BASELINE_CLAUSE_RE.fullmatch(self.text, last.end_pos, pos):
            return last
        # "( cùng kỳ năm 2017 là 1,2 % )": a bracket that opens with the baseline states its value
        if BASELINE_VALUE_GAP_RE.fullmatch(self.text, last.end_pos, pos) and \
                BRACKETED_BASELINE_RE.search(self.text, max(0, last.start_pos - 30), last.start_pos):
            return last
        return None

    def term_of_office(self, sent: Span) -> Period | None:
        """The last term of office ("nhiệm kỳ 2025-2030") stated before a sentence about a party
        congress or what it elects; such a sentence reports on the term, not on the period of the
        story around it."""
        if not self.terms or not term_body_re().search(self.text, sent[0], sent[1]):
            return None
        i = bisect.bisect_left(self.term_starts, sent[0])
        return self.terms[i - 1] if i else None

    def earlier_in_passage(self, sent: Span, pos: int, plain: bool = False) -> Period | None:
        """The last period stated before the sentence in the figure's passage (`plain`: not
        an index's edition year)."""
        i = self._paragraph_index(pos)
        if i < 0:
            return None
        return self._last_stated(scope_start(self.text, self.paragraphs, i, self.lines_are_paragraphs, self.scope_starts),
                                 sent[0], plain)

    def _paragraph_index(self, pos: int) -> int:
        """The index of the paragraph starting last at or before `pos` (-1 if none does)."""
        return bisect.bisect_right(self.paragraphs, (pos, float("inf"))) - 1

    def _last_stated(self, lo: int, hi: int, plain: bool = False) -> Period | None:
        """The last stated period lying inside [lo, hi)."""
        j = bisect.bisect_right(self.stated_ends, hi)
        # phrases do not overlap, so they end in the order they start
        for k in range(j - 1, -1, -1):  # (not over a copy of the list: a long article states hundreds)
            p = self.stated[k]
            if p.start_pos < lo:
                return None
            if not (plain and p.role == "edition"):
                return p
        return None


# a bracket that states a figure of its own after its period: "(năm 2014 đạt 76,99%)", "(năm 2013
# xếp thứ 5)": an aside about another time, whose period governs nothing outside it
ASIDE_REST_RE = compile_pattern(r"[^()\n]*?\d[^()\n]*\)")


def in_aside(text: str, period: Period) -> bool:
    """Whether `period` is the period of a bracketed aside that states a figure of its own."""
    return (enclosing_bracket(text, 0, period.start_pos, BRACKET_REACH) is not None
            and ASIDE_REST_RE.match(text, period.end_pos) is not None)


def lines_are_paragraphs(text: str, paragraphs: list[Span]) -> bool:
    """Whether a line break alone ends a paragraph as a reader sees it: no blank line anywhere
    between the lines, and many lines hold several sentences (paragraphs written one a line,
    not a crawled page with one sentence a line)."""
    if len(paragraphs) < 2 or any(BLANK_LINE_RE.search(text, a[1], b[0]) for a, b in zip(paragraphs, paragraphs[1:])):
        return False
    several = sum(len(SENTENCE_END_RE.findall(text, s, e)) >= 2 for s, e in paragraphs)
    return several >= SEVERAL_SENTENCE_SHARE * len(paragraphs)


def scope_start(text: str, paragraphs: list[Span], i: int, lines: bool = False,
                known: dict[int, int] | None = None) -> int:
    """Where the passage of paragraph `i` begins: the paragraph as a reader sees it, a block
    of lines up to a blank line (crawled pages put each sentence on a line of its own; `lines`:
    the article writes a paragraph a line), or, for an item of a bulleted list, the paragraph
    that introduces the list; for an interview's dashed answer, the question it answers and no
    further. `known`: paragraph index -> passage start, read and filled for every paragraph the
    walk back passes (they share the answer), so an article's passages cost one walk, not one
    per paragraph."""
    known = {} if known is None else known
    passed = []
    j = i
    while j not in known:
        passed.append(j)
        if not (j > 0 and (LIST_ITEM_RE.match(text, paragraphs[j][0]) or CONTINUATION_RE.match(text, paragraphs[j][0])
                           or not (lines or BLANK_LINE_RE.search(text, paragraphs[j - 1][1], paragraphs[j][0])))) \
                or is_subheading(text, paragraphs, j):
            start = paragraphs[j][0]
            break
        if LIST_ITEM_RE.match(text, paragraphs[j][0]) and _asks(text, paragraphs[j - 1]):
            start = paragraphs[j - 1][0]  # an interview's answer: its question and itself, nothing before
            break
        j -= 1
    else:
        start = known[j]
    for k in passed:
        known[k] = start
    return start


def is_subheading(text: str, paragraphs: list[Span], j: int) -> bool:
    """Whether paragraph `j` is a subheading that opens a section of a page written a sentence
    a line: a short capitalised line without closing punctuation, after a closed sentence and
    before a line that opens one (not a sentence broken across lines: "Trung bình có\n30-40
    người ...")."""
    if not 0 < j < len(paragraphs) - 1:
        return False
    start, end = paragraphs[j]
    words = len(text[start:end].split())
    return (SUBHEADING_WORDS[0] <= words <= SUBHEADING_WORDS[1]
            and SUBHEADING_RE.match(text, start, end) is not None
            and CLOSED_LINE_RE.search(text, paragraphs[j - 1][0], paragraphs[j - 1][1]) is not None
            and OPENS_SENTENCE_RE.match(text, paragraphs[j + 1][0]) is not None)


def _asks(text: str, paragraph: Span) -> bool:
    """Whether a paragraph ends in a question: the dashed paragraph after it is an interview's
    answer, governed by its question's period, not an item of a list."""
    return text[paragraph[0]:paragraph[1]].rstrip().endswith("?")


# "sau 100 ngày hoạt động", "Sau 6 tháng vận hành": the time elapsed since a change, which the
# headline gives where the lead dates the period ("Từ ngày 1/7 đến ngày 10/10/2025, ...")
ELAPSED_RE = compile_pattern(r"^sau[ \u00a0]", regex.IGNORECASE)


def lead_period(stated: list[Period], paragraphs: list[Span]) -> Period | None:
    """The first period stated in the headline or the lead (the sapo and the opening paragraph);
    a headline's time elapsed since a change, or a period it states without dates, yields to a
    period the lead states."""
    firsts = [next((p for p in stated if para[0] <= p.start_pos < para[1]), None) for para in paragraphs[:LEAD_PARAGRAPHS]]
    found = [p for p in firsts if p is not None]
    if not found:
        return None
    if firsts[0] is not None and ELAPSED_RE.match(firsts[0].text) and len(found) > 1:
        return found[1]
    if firsts[0] is not None and firsts[0].start is None and firsts[0].end is None:
        # a headline's "trong quý" yields to the lead's "quý III/2025": the same period, dated
        dated = next((p for p in found[1:] if p.start or p.end), None)
        if dated is not None:
            return dated
    return found[0]


def _now_of_a_paragraph_before(index: PeriodIndex, period: Period, pos: int) -> bool:
    """Whether `period` is open ("đến nay", "hiện nay", "tính đến ngày ...": no start) and stated in a
    paragraph before the figure's, a blank line between (one its paragraph continues: "Cụ thể,
    ..."): the state of things at that date, not the span of what the next paragraph counts."""
    return period.start is None and BLANK_LINE_RE.search(index.text, period.end_pos, pos) is not None


def _covers(outer: Period, inner: Period) -> bool:
    return bool(outer.start and outer.end and inner.start and inner.end
                and outer.start <= inner.start and inner.end <= outer.end)


def period_for(index: PeriodIndex, sent: Span, pos: int, end: int | None = None) -> dict | None:
    """The period (as a record dict) that governs the figure at `pos` in sentence `sent`:
    its own sentence's, else the term of office of a congress it is about, else the last one
    earlier in its passage (not an open "up to now" of an earlier paragraph the passage goes on
    from, where the lead states a span), else the headline's or lead's."""
    baseline = index.baseline_clause(sent, pos)
    if baseline is not None:
        return baseline.as_dict()  # "So với cùng kỳ năm 2025, khi Trung tâm mới tiếp nhận 15.342 hồ sơ"
    paired = index.respective(sent, pos)
    if paired is not None:
        return paired.as_dict()
    own = index.in_sentence(sent, pos, end)
    if own is not None and own.role != "edition":
        return own.as_dict()
    term = index.term_of_office(sent)
    if term is not None:
        return term.as_dict(inherited=True)
    if own is not None:
        return own.as_dict()  # an index's edition in the figure's own sentence: "Về SIPAS 2020, ..."
    inherited = index.earlier_in_passage(sent, pos)
    lead = index.lead
    if inherited is not None and lead is not None and lead.start and _now_of_a_paragraph_before(index, inherited, pos):
        inherited = lead  # "đến nay toàn tỉnh có 104 Trung tâm ..." then "Cụ thể, ... tiếp nhận 148.207 hồ sơ"
    if inherited is None and lead is not None and not sent[0] <= lead.start_pos < sent[1]:
        inherited = lead  # the sentence's own phrases were weighed above, and set aside
    if inherited is not None and inherited.role == "edition":
        # an inherited "PAR INDEX 2018" yields to the governing period that states its year in words
        plain = index.earlier_in_passage(sent, pos, True)
        inherited = next((p for p in (plain, lead, index.lead_plain) if p is not None and p.role == "period"
                          and _covers(p, inherited)), inherited)
    return inherited.as_dict(inherited=True) if inherited is not None else None
