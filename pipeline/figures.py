"""Figures: numbers in context -> Figure records (kind, value, object, aspect, approx, noun,
subject, period), per SCHEMA.md.

How a label is chosen (the rules, in order):
- kind: from the numeral's form and the words around it (rank cue before, "điểm" after).
- aspect: cue phrases from `resources/figures.yml`. A cue right before the number ("tiếp nhận
  2.065 hồ sơ") wins; else the words after the number up to the next figure or clause end
  ("100% hồ sơ được giải quyết đúng hạn"); else its clause; else its sentence. Inside one
  window a specific cue (đúng hạn, trực tuyến, niêm yết ...) beats a generic one (tiếp nhận,
  giải quyết), then the nearest wins.
- object: the counted noun after the number, else the noun after "tỷ lệ", else the nearest
  counted noun in context, else a default for the aspect.
- subject: the first unit named or referred to ("của xã", "UBND huyện") in the sentence
  before the figure, else the last one before it in the article.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from .numbers import (NumberMatch, as_number, elliptic_rank, find_numbers, lexicon as number_lexicon, phrase_at,
                      phrase_before, rank_words, word_after, PhraseMap, Phrases)
from .labels import label_figures
from .periods import PeriodIndex, find_periods, period_for
from .resources import load_yaml
from .segment import Article
from .textkeys import PhraseFinder, key, phrase_alternation

Span = tuple[int, int]
# A full stop ends a clause unless it is a decimal/thousands mark or ends "TP." / "Tp."
FULL_STOP = r"(?<!\d)(?<!\b[Tt][Pp])\.(?!\d)"
CLAUSE_BREAK_RE = regex.compile(rf"[;:(\)\n]|,(?!\d)|{FULL_STOP}|\btrong đó\b|\bcòn lại\b")
SENTENCE_BREAK_RE = regex.compile(rf"[;\n]|{FULL_STOP}")
RATE_RE = regex.compile(r"(?<!\p{L})(?:tỷ|tỉ)[ \u00a0]+lệ[ \u00a0]+", regex.REVERSE)
SO_RE = regex.compile(r"(?<!\p{L})số[ \u00a0]+", regex.REVERSE)
WORD_RE = regex.compile(r"[\p{L}\d]+")
RANK_FIELD_RE = regex.compile(r"[ \u00a0]*(?:trên|trong|/)[ \u00a0]*(?:tổng[ \u00a0]+)?(?:số[ \u00a0]+)?(\d+)(?![\d.,])")
NOUN_DETERMINER_RE = regex.compile(r"[ \u00a0]*(?:(?:các|những|tổng số|số|loại|nhóm)[ \u00a0]+)?")
# a number, then perhaps other unit-type words of its list: "9/9 xã", "30 quận, huyện, thị xã"
NUMBER_BEFORE_RE = regex.compile(
    r"\d[\d.,/%]*[ \u00a0]*(?:(?:thị trấn|thị xã|thành phố|xã|phường|huyện|quận|tỉnh)[ \u00a0]*(?:,|và)[ \u00a0]*)*$")
LEVEL_BEFORE_RE = regex.compile(r"(?:cấp|cấp độ)[ \u00a0]*$")
RANGE_END_RE = regex.compile(r"[ \u00a0]?[-–][ \u00a0]?[\d.,]+")
COMPARED_AFTER_RE = regex.compile(r"[ \u00a0]*(?:\p{L}+[ \u00a0]+){0,3}so với")
COPULA_BEFORE_RE = regex.compile(r"(?:là|:)[ \u00a0]*$")
# How far before a figure its nouns, "tỷ lệ" and "số" are looked for: bounds the work per
# figure, so a long sentence full of figures costs linear time, not quadratic.
LOOKBACK = 400
TOPIC_LOOKBACK = 600  # how far back (to a blank line at most) a cue-less figure looks for its topic
TOTAL_AFTER_RE = regex.compile(r"[ \u00a0]+(?:trong|trên)[ \u00a0]+tổng[ \u00a0]+số[ \u00a0]+(?P<total>\d+)(?![\d.,])")
TOTAL_BEFORE_RE = regex.compile(r"(?<!\p{L})(?:trong|trên)[ \u00a0]+(?:tổng[ \u00a0]+)?số[ \u00a0]*$")
WORD_START_RE = regex.compile(r"(?<![\p{L}\d])\p{L}")
ADJACENT_WORDS = 3
INDEX_ASPECTS = ("par_index", "satisfaction")
# Counted objects that the generic dossier cues (tiếp nhận, giải quyết) and far cues never label
PROCESS_ONLY_OBJECTS = {"agency", "admin_unit", "document", "other"}


@dataclass
class Cue:
    start: int
    end: int
    aspect: str
    specific: bool


@functools.cache
def _lexicon() -> dict:
    data = load_yaml("figures.yml")
    cues: dict[str, tuple[str, bool]] = {}
    for cls in ("specific", "generic"):
        for aspect, phrases in data["aspects"][cls].items():
            for p in phrases:
                cues.setdefault(key(p), (aspect, cls == "specific"))
    for p in data["aspects"]["neutral"]:
        cues[key(p)] = ("neutral", False)
    # a trie of words: the regex module searches it several times faster than a flat list
    cue_words = [tuple(p.split(" ")) for p in cues]
    alternation = phrase_alternation(cue_words, " ")
    qualifiers = PhraseMap((key(w), a) for a, ws in data["qualifiers"].items() for w in ws)
    qualifiers_after = {key(w): a for a, ws in data["qualifiers_after"].items() for w in ws}
    return {
        "cues": cues,
        # tried only where a fast `re` scan finds a cue's words
        "cue_re": PhraseFinder(regex.compile(rf"(?<![\p{{L}}\d])(?:{alternation})(?![\p{{L}}\d])"), cue_words),
        "qualifiers": qualifiers,
        "qualifiers_after": qualifiers_after,
        "default_object": data["default_object"],
        "clause_aspects": frozenset(data["clause_aspects"]),
        "topic_aspects": frozenset(data["topic_aspects"]),
        "processed_nouns": frozenset(key(w) for w in data["processed_nouns"]),
        "procedure_heads": Phrases(key(w) for w in data["procedure_heads"]),
        "national_body_re": regex.compile(
            r"(?<![\p{L}\d])(?:(?:" + "|".join(regex.escape(b) for b in data["national_bodies"]["names"])
            + r")(?![\p{L}\d])|(?:" + "|".join(regex.escape(b) for b in data["national_bodies"]["heads"])
            + r")[ \u00a0]+\p{Lu}\p{L}*)"),
        "coordinated_nouns": Phrases(key(w) for w in data["coordinated_nouns"]),
    }


def find_cues(folded: str, start: int, end: int) -> list[Cue]:
    lex = _lexicon()
    out = []
    for m in lex["cue_re"].finditer(folded, start, end):
        aspect, specific = lex["cues"][m.group()]
        if aspect == "neutral":
            continue
        if not specific and phrase_before(folded, m.start(), lex["procedure_heads"]):
            continue  # "thủ tục cấp phép xây dựng": the generic verb names a procedure
        out.append(Cue(m.start(), m.end(), aspect, specific))
    return out


# --------------------------------------------------------------------------- windows

def _match_ends(article: Article, pattern) -> list[int]:
    """End offsets of `pattern`'s matches in the body, computed once per article."""
    ends = article.cache.get(pattern)
    if ends is None:
        ends = article.cache[pattern] = [m.end() for m in pattern.finditer(article.text, *article.body)]
    return ends


def _last_break(article: Article, pattern, sent: Span, pos: int) -> int:
    ends = _match_ends(article, pattern)
    i = bisect.bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 and ends[i] > sent[0] else sent[0]


def clause_start(article: Article, sent: Span, pos: int) -> int:
    """Start of the clause holding `pos`: after the last comma, colon, "trong đó" ... before it."""
    return _last_break(article, CLAUSE_BREAK_RE, sent, pos)


def sentence_part_start(article: Article, sent: Span, pos: int) -> int:
    """Start of the part of the sentence holding `pos`: after the last ";" or line end before it."""
    return _last_break(article, SENTENCE_BREAK_RE, sent, pos)


POST_BREAK_RE = regex.compile(rf"[;(\n]|{FULL_STOP}|\btrong đó\b")


def post_window_end(text: str, folded: str, sent: Span, pos: int, next_figure: int | None,
                    cues: list[Cue]) -> int:
    """Where the words describing the number at `pos` end: the next figure or a clause break.
    A comma ends them too, unless a cue stands before it ("100% hồ sơ được tiếp nhận, giải
    quyết và trả kết quả đúng hẹn": the verbs run on past the comma)."""
    end = sent[1] if next_figure is None else min(sent[1], next_figure)
    m = POST_BREAK_RE.search(text, pos, end)
    end = m.start() if m else end
    comma = text.find(",", pos, end)
    cue_before_comma = any(c.end <= comma for c in cues_between(cues, pos, comma))
    if comma >= 0 and not cue_before_comma and not _coordinated_noun_at(folded, comma + 1):
        end = comma
    return end


def _coordinated_noun_at(folded: str, pos: int) -> bool:
    """"83% người dân, tổ chức hài lòng": the comma joins two nouns of one noun phrase."""
    while folded[pos:pos + 1] in (" ", "\u00a0"):
        pos += 1
    return phrase_at(folded, pos, _lexicon()["coordinated_nouns"]) is not None


def cues_between(cues: list[Cue], start: int, end: int) -> list[Cue]:
    """The cues (sorted by start) that start in [start, end)."""
    lo = bisect.bisect_left(cues, start, key=lambda c: c.start)
    hi = bisect.bisect_left(cues, end, key=lambda c: c.start)
    return cues[lo:hi]


def pick(cues: list[Cue], pos: int) -> Cue | None:
    """Specific before generic, then nearest to `pos`."""
    if not cues:
        return None
    return min(cues, key=lambda c: (not c.specific, min(abs(c.end - pos), abs(c.start - pos))))


def words_between(folded: str, a: int, b: int) -> int:
    return len(WORD_RE.findall(folded, a, b))


def choose_aspect(article: Article, cues: list[Cue], num: NumberMatch, sent: Span,
                  next_figure: int | None, kind: str, counted_object: str | None = None,
                  sibling_aspect: str | None = None, counted_noun_key: str | None = None,
                  post_end: int | None = None) -> str:
    """`sibling_aspect`: the aspect of the figure before this one when the two are items of
    one list ("kiểm tra 6 cơ quan, 2 đơn vị và 9/9 xã"); it applies when no cue sits next to
    this figure."""
    text, folded = article.text, article.folded
    cstart = clause_start(article, sent, num.start)
    pstart = max(sentence_part_start(article, sent, num.start), num.start - LOOKBACK)
    if post_end is None:
        post_end = post_window_end(text, folded, sent, num.end, next_figure, cues)
    near = cues_between(cues, min(cstart, pstart), post_end)
    before = [c for c in near if cstart <= c.start and c.end <= num.start]
    after = [c for c in near if num.end <= c.start and c.end <= post_end]
    part = [c for c in near if pstart <= c.start and c.end <= num.start]
    if kind in ("rank", "score"):
        index = [c for c in cues_between(cues, *sent) if c.aspect in INDEX_ASPECTS]
        chosen = pick(index, num.start)
        return chosen.aspect if chosen else "par_index"
    adjacent = [c for c in part if words_between(folded, c.end, num.start) <= ADJACENT_WORDS]
    if sibling_aspect and not adjacent and not after:
        return sibling_aspect
    if num.form == "zero":
        chosen = pick(after, num.end) or pick(adjacent, num.start)
        return chosen.aspect if chosen else "other"
    if TOTAL_BEFORE_RE.search(folded, max(sent[0], num.start - 20), num.start):
        before = part = []  # "(... đơn giản hoá 108 thủ tục) trong tổng số 443 thủ tục": the base
    if counted_object in PROCESS_ONLY_OBJECTS and counted_noun_key not in _lexicon()["processed_nouns"]:
        # "gửi tới 24 phòng", "tại 9 cảng vụ": offices, people and papers are not processed
        # like dossiers; only a specific cue next to them gives them a metric
        reach = _lexicon()["clause_aspects"]
        chosen = pick([c for c in adjacent + after if c.specific], num.start) or pick(
            [c for c in before if c.aspect in reach], num.start)
        return chosen.aspect if chosen else "other"
    # specific cues near the number first, then generic ones, then the rest of the sentence
    for specific in (True, False):
        for window in (adjacent, after, before):
            chosen = pick([c for c in window if c.specific == specific], num.start)
            if chosen:
                return chosen.aspect
    chosen = pick(part, num.start)
    if chosen:
        return chosen.aspect
    return topic_aspect(article, cues, sent, kind)


def topic_aspect(article: Article, cues: list[Cue], sent: Span, kind: str) -> str:
    """A figure with no cue in its sentence takes the metric the passage is about: the last
    topic cue of the sentences just before it, back to a blank line ("Về mức độ hài lòng ...
    Cụ thể, thủ tục khám chữa bệnh đạt 72,1%")."""
    if kind not in ("percent", "count"):
        return "other"
    start = max(article.body[0], sent[0] - TOPIC_LOOKBACK)
    blank = article.text.rfind("\n\n", start, sent[0])  # a section break ends the topic
    earlier = [c for c in cues_between(cues, blank + 2 if blank >= 0 else start, sent[0])
               if c.specific and c.aspect in _lexicon()["topic_aspects"]]
    return earlier[-1].aspect if earlier else "other"


# --------------------------------------------------------------------------- kind, object

def rank_denominator(text: str, folded: str, end: int) -> tuple[float | None, int]:
    """"thứ 3 trên tổng số 19 bộ", "thứ 5 trong số 63 tỉnh" -> (19, offset after the number)."""
    m = RANK_FIELD_RE.match(folded[end:end + 40])
    if m:
        return float(m.group(1)), end + m.end()
    return None, end


# the first end of a range of points: "từ 80 đến 85 điểm"
POINTS_RANGE_START_RE = regex.compile(r"[ \u00a0]*(?:đến|tới|-|–)[ \u00a0]*\d[\d.,]*[ \u00a0]*điểm")


def classify_kind(article: Article, num: NumberMatch) -> tuple[str, float | None] | None:
    """(kind, denominator), or None when the number is not a figure after all."""
    folded = article.folded
    rank = phrase_before(folded, num.start, rank_words()) or (
        elliptic_rank(folded, num.start) and counted_noun(article, num.end) is None)
    nxt = word_after(folded, num.end)
    if num.form == "percent":
        return "percent", None
    if num.form in ("zero", "words"):
        return "count", None
    if num.form == "ordinal":
        return "rank", rank_denominator(article.text, folded, num.end)[0]
    points = nxt.startswith("điểm") and counted_noun(article, num.end) is None  # not "12 điểm tiếp nhận"
    if points or POINTS_RANGE_START_RE.match(folded, num.end):
        return "score", num.denominator  # "đạt 94,6 điểm", "từ 80 đến 85 điểm"
    if rank:
        den = num.denominator
        if den is None:
            den, _ = rank_denominator(article.text, folded, num.end)
        return "rank", den
    if num.form == "ratio":
        return "ratio", num.denominator
    total = TOTAL_AFTER_RE.match(folded, num.end, num.end + 40)
    if num.form == "number" and total:
        return "ratio", float(total["total"])  # "4 trong tổng số 23 sở, ngành"
    return "count", None


def counted_noun(article: Article, pos: int) -> tuple[str, str, Span] | None:
    """(object, noun as written, span) for the counted noun starting after `pos`."""
    folded = article.folded
    m = NOUN_DETERMINER_RE.match(folded[pos:pos + 16])
    start = pos + m.end()
    phrase = phrase_at(folded, start, number_lexicon()["counted"])
    if not phrase:
        return None
    return number_lexicon()["counted"][phrase], article.text[start:start + len(phrase)], (start, start + len(phrase))


def context_noun(article: Article, sent: Span, num: NumberMatch, post_end: int) -> tuple[str, str] | None:
    """The counted noun a percentage or bare number refers to, from its context."""
    folded, text = article.folded, article.text
    pstart = max(sentence_part_start(article, sent, num.start), num.start - LOOKBACK)
    counted = number_lexicon()["counted"]
    m = RATE_RE.search(folded, pstart, num.start)
    rate = m.end() if m else None
    if rate is not None:
        found = _scan_nouns(folded, rate, num.start, counted, keep_all=True)
        if found:
            s, p = found[0]
            return counted[p], text[s:s + len(p)]
    found = _scan_nouns(folded, pstart, num.start, counted)
    if found:
        s, p = found[-1]
        return counted[p], text[s:s + len(p)]
    found = _scan_nouns(folded, num.end, post_end, counted)
    if found:
        s, p = found[0]
        return counted[p], text[s:s + len(p)]
    return None


CONTEXT_OBJECTS = {"dossier", "procedure", "task", "document", "other"}


def _scan_nouns(folded: str, a: int, b: int, counted: dict, keep_all: bool = False) -> list[tuple[int, str]]:
    out = []
    inside_until = a  # words inside a phrase already read ("ngành" in "kiểm tra chuyên ngành")
    for m in WORD_START_RE.finditer(folded, a, b):
        if m.start() < inside_until:
            continue
        p = phrase_at(folded, m.start(), counted)
        if p and m.start() + len(p) <= b:
            inside_until = m.start() + len(p)
            if keep_all or counted[p] in CONTEXT_OBJECTS:
                out.append((m.start(), p))
    return out


# a paragraph's first word split after its drop capital, right before the number: "H ƠN 98%"
DROP_CAPITAL_RE = regex.compile(r"(?P<letter>\p{Lu})[ \u00a0](?P<rest>\p{Lu}+)[ \u00a0]*(?=\d)")


def approx_of(article: Article, num: NumberMatch, noun_end: int) -> str:
    if num.approx:
        return num.approx
    lex = _lexicon()
    q = phrase_before(article.folded, num.start, lex["qualifiers"])
    if q:
        return lex["qualifiers"][q]
    drop = DROP_CAPITAL_RE.match(article.text, article.paragraph_of(num.start)[0])
    if drop and drop.end() == num.start:  # "H ƠN 98%": a page's split drop capital; read the qualifier whole
        joined = key(drop["letter"] + drop["rest"])
        if joined in lex["qualifiers"]:
            return lex["qualifiers"][joined]
    after = word_after(article.folded, noun_end)
    for phrase, a in lex["qualifiers_after"].items():
        if after.startswith(phrase) or word_after(article.folded, num.end).startswith(phrase):
            return a
    return "exact"


# --------------------------------------------------------------------------- subject

UNIT_TYPE_RE = regex.compile(
    r"(?<![\p{L}\d])(?P<plural>(?:các|những|toàn bộ các|tất cả các|100% các?)[ \u00a0]+)?"
    r"(?P<type>thị trấn|thị xã|thành phố|tp\.?|xã|phường|huyện|quận|tỉnh)(?![\p{L}\d])"
    r"(?P<more>(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+và[ \u00a0]+)(?:thị trấn|thị xã|phường|xã|thành phố))?"
)
TYPE_CANON = {"tp": "thành phố", "tp.": "thành phố"}


@dataclass
class UnitRef:
    start: int
    end: int
    unit_id: str | None
    aggregate: str | None


def unit_refs(article: Article, units: list[dict]) -> list[UnitRef]:
    """Named mentions of units plus generic references ("của xã", "UBND huyện") resolved to
    the last unit of that type named before them, and aggregates ("các xã, thị trấn")."""
    text, folded = article.text, article.folded
    named: list[tuple[int, int, dict]] = sorted(
        (s, e, u) for u in units for s, e in u.get("mentions", []))
    refs = [UnitRef(s, e, u["id"], None) for s, e, u in named]
    covered = [(s, e) for s, e, _ in named]
    for m in UNIT_TYPE_RE.finditer(folded, *article.body):
        ts, te = m.span("type")
        if any(s <= ts < e for s, e in covered):
            continue
        after = text[te:te + 3].lstrip()
        if after[:1].isupper() or after[:1].isdigit():
            continue  # a named unit the units stage did not resolve, or "Quận 3"
        if NUMBER_BEFORE_RE.search(folded[max(0, ts - 40):ts]):
            continue  # "9/9 xã": the counted noun of a figure, not a reference
        if LEVEL_BEFORE_RE.search(folded[max(0, ts - 8):ts]):
            continue  # "cấp xã": a level of government
        utype = TYPE_CANON.get(m["type"], m["type"])
        if m["plural"] or m["more"]:
            agg = text[ts:m.end()].strip()
            refs.append(UnitRef(m.start(), m.end(), None, agg))
            continue
        prior = [u for s, e, u in named if s < ts and _same_level(u["type"], utype)]
        if not prior:
            prior = [u for s, e, u in named if _same_level(u["type"], utype)]
        if prior:
            refs.append(UnitRef(ts, te, prior[-1]["id"], None))
    return sorted(refs, key=lambda r: r.start)


UNIT_TYPES = "unit_types"  # article.cache key: unit id -> type, set by extract_figures
LEVEL_RANK = {"tỉnh": 0, "thành phố": 1, "huyện": 2, "quận": 2, "thị xã": 2, "đặc khu": 3,
              "phường": 3, "xã": 3, "thị trấn": 3}


def in_a_list(article: Article, refs: list[UnitRef], ref: UnitRef) -> bool:
    """Whether `ref` is one of several units its sentence names (a ranking list, examples)."""
    ss, se = article.sentence_of(ref.start)
    i = bisect.bisect_left(refs, ss, key=lambda r: r.start)
    j = bisect.bisect_left(refs, se, key=lambda r: r.start)
    return len({r.unit_id for r in refs[i:j] if r.unit_id is not None}) >= 2


def main_unit(article: Article, refs: list[UnitRef]) -> UnitRef | None:
    """The unit the article is about: of the units its headline and lead name, the one of the
    highest level (a province over its districts, the earliest of equals)."""
    key_ = ("main_unit", id(refs))
    if key_ not in article.cache:
        lead = [r for r in refs if r.unit_id is not None and r.start < article.lead_end]
        types = article.cache[UNIT_TYPES]
        rank = lambda r: LEVEL_RANK.get(types.get(r.unit_id), 9)
        article.cache[key_] = min(lead, key=rank) if lead else None
    return article.cache[key_]


def _same_level(a: str, b: str) -> bool:
    return a == b


# what may stand between a unit and its figure: "Hải Phòng xếp thứ 5", "Hà Nội (giảm 2,42"
SUBJECT_LINK_RE = regex.compile(
    r"[ \u00a0(:,]*(?:(?:xếp|đứng|thứ|hạng|vị trí|với|đạt|giảm|tăng|là|có|chỉ có|được)[ \u00a0(:,]*){0,3}")
def _national_body_before(article: Article, start: int, end: int) -> int | None:
    """End of the last national body ("Bộ Tài chính", "NHNN") named in text[start:end]."""
    ends = _match_ends(article, _lexicon()["national_body_re"])
    i = bisect.bisect_right(ends, end) - 1
    return ends[i] if i >= 0 and ends[i] > start else None


LOCATIVE_BEFORE_RE = regex.compile(r"(?:ở|tại|của|trên địa bàn)[ \u00a0]*$")


@functools.cache
def _service_place_re() -> regex.Pattern:
    """A service place ("Trung tâm Phục vụ hành chính công") right before a unit's mention."""
    places = sorted((key(p) for p in load_yaml("unit_service_places.yml")["places"]), key=len, reverse=True)
    alternation = "|".join(regex.escape(p).replace(r"\ ", r"[ \u00a0]+") for p in places)
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{alternation})[ \u00a0(]*$")


def _service_place_unit(article: Article, in_sentence: list[UnitRef], sent: Span) -> UnitRef | None:
    """The last unit of the sentence named right after a service place: "Trung tâm Phục vụ hành
    chính công phường Phú Lợi, thành phố Cần Thơ tiếp nhận 320 hồ sơ" is about phường Phú Lợi."""
    for r in reversed(in_sentence):
        if r.unit_id is not None and _service_place_re().search(article.folded, max(sent[0], r.start - 60), r.start):
            return r
    return None


def choose_subject(article: Article, refs: list[UnitRef], sent: Span, num: NumberMatch, post_end: int) -> dict:
    """The unit a figure describes (`refs` sorted by start), in order of preference:
    a unit placed right after the figure's noun ("288 hồ sơ ... ở phường Cống Vị"); a unit
    named in the figure's own clause ("sau đó là Hải Phòng với 92,59"); the first unit
    referred to in the sentence before it; the last unit named before the sentence; the
    first unit after it in the sentence (headlines: "Trên 80% dân TP. HCM hài lòng")."""
    text, folded = article.text, article.folded
    pos = num.start
    i = bisect.bisect_left(refs, sent[0], key=lambda r: r.start)
    j = bisect.bisect_left(refs, num.end, key=lambda r: r.start)
    in_sentence = refs[i:bisect.bisect_left(refs, pos, key=lambda r: r.start)]
    following = [r for r in refs[j:bisect.bisect_left(refs, post_end, key=lambda r: r.start)] if r.unit_id is not None]
    cstart = clause_start(article, sent, pos)
    chosen = None
    if following and LOCATIVE_BEFORE_RE.search(folded, max(num.end, following[0].start - 16), following[0].start):
        chosen = following[0]
    if chosen is None:
        chosen = _service_place_unit(article, in_sentence, sent)
    if chosen is None:
        # one unit alone in the figure's clause, after the sentence's actor: a ranking list
        in_clause = [r for r in in_sentence if r.start >= cstart]
        if len(in_clause) == 1 and in_clause[0] is not in_sentence[0] and in_clause[0].unit_id is not None:
            chosen = in_clause[0]
    if chosen is None and in_sentence and in_sentence[-1].unit_id is not None:
        # a unit a few words before the figure: "Hải Phòng xếp thứ 5", "Hà Nội (giảm 2,42 điểm)"
        nearest = in_sentence[-1]
        if SUBJECT_LINK_RE.fullmatch(folded, nearest.end, pos):
            chosen = nearest
    if chosen is None and in_sentence:
        chosen = in_sentence[0]
    body = _national_body_before(article, max(sent[0], chosen.end if chosen else sent[0]), pos)
    if body is not None and (chosen is None or chosen.start < sent[0] or body > chosen.end):
        # "Bộ Tài chính đạt chỉ số 89,21", "NHNN ... 89,42": a ministry's figure, no unit's
        return {"unit": None, "aggregate": None, "text": None}
    if chosen is None:
        # carried over from earlier sentences: the last unit, not a passing "các xã, thị trấn";
        # from an earlier paragraph, the article's own unit (a ranking list or an example
        # names other units on the way)
        chosen = next((r for r in reversed(refs[:i]) if r.unit_id is not None), None)
        if chosen is not None and chosen.start < article.paragraph_of(pos)[0] and in_a_list(article, refs, chosen):
            chosen = main_unit(article, refs) or chosen
    in_headline = bool(article.paragraphs) and sent[0] < article.paragraphs[0][1]
    if chosen is None and in_headline:
        # the headline: "Trên 80% dân TP. HCM hài lòng"
        chosen = next((r for r in refs[j:] if r.start < sent[1] and r.unit_id is not None), None)
    if chosen is None:
        return {"unit": None, "aggregate": None, "text": None}
    return {"unit": chosen.unit_id, "aggregate": chosen.aggregate, "text": text[chosen.start:chosen.end]}


# --------------------------------------------------------------------------- main

def extract_figures(article: Article, units: list[dict]) -> list[dict]:
    text, folded = article.text, article.folded
    cues = find_cues(folded, *article.body)
    refs = unit_refs(article, units)
    article.cache[UNIT_TYPES] = {u["id"]: u["type"] for u in units}
    periods = PeriodIndex(text, find_periods(text, *article.body, article.published), article.paragraphs)
    figures: list[dict] = []
    for para in article.paragraphs:
        candidates = [n for n in find_numbers(text, folded, *para) if n.excluded is None]
        consumed = -1  # end of a rank's field ("thứ 3 trên tổng số 19 bộ"): not a figure of its own
        for i, num in enumerate(candidates):
            if num.start < consumed:
                continue
            sent = article.sentence_of(num.start)
            nxt_fig = next((candidates[j].start for j in range(i + 1, len(candidates))
                            if candidates[j].start >= num.end), None)
            fig = build_figure(article, cues, refs, periods, num, sent, nxt_fig, figures)
            if fig is not None:
                figures.append(fig)
                if fig["kind"] == "rank":
                    consumed = rank_denominator(text, folded, num.end)[1]
                elif fig["kind"] == "ratio" and (total := TOTAL_AFTER_RE.match(folded, num.end, num.end + 40)):
                    consumed = total.end()
    for i, f in enumerate(figures, start=1):
        f["id"] = f"f{i}"
    label_figures(article, figures)
    return figures


LIST_GAP_RE = regex.compile(r"[ \u00a0]*(?:[\p{L}\d/]+[ \u00a0]*){0,6}(?:,|và|,[ \u00a0]*và)[ \u00a0]*")
# "102/163 điều kiện kinh doanh (chiếm 62,6%)", "22/24 nhiệm vụ (đạt 91,16%)": a percentage
# restating the figure before it
PARALLEL_GAP_RE = regex.compile(r"[ \u00a0]*[,;][ \u00a0]*(?:[\p{L}\d&/-]+[ \u00a0]*){0,8}")
RESTATEMENT_GAP_RE = regex.compile(
    r"[ \u00a0]*(?:[\p{L}\d/]+[ \u00a0]*){0,8}\([ \u00a0]*(?:(?:chiếm|đạt|bằng|tương đương|tương ứng|tỷ lệ|tỉ lệ)[ \u00a0]*)?")


def is_list_sibling(article: Article, cues: list[Cue], prev: dict, num: NumberMatch) -> bool:
    """"6 cơ quan chuyên môn, 2 đơn vị sự nghiệp và 9/9 xã": only the previous figure's noun
    and a comma or "và" between them, and no cue; or a percentage in brackets restating it."""
    gap_start = prev["span"][1]
    if not 0 < num.start - gap_start <= 80 or cues_between(cues, gap_start, num.start):
        return False
    if prev["kind"] in ("count", "ratio") and LIST_GAP_RE.fullmatch(article.folded, gap_start, num.start):
        return True
    if num.form == "percent" and RESTATEMENT_GAP_RE.fullmatch(article.folded, gap_start, num.start):
        return True
    # "thủ tục khám chữa bệnh đạt 72,1%; thủ tục cấp phép xây dựng đạt 82,7%": parallel rates
    return (num.form == "percent" and prev["kind"] == "percent"
            and bool(PARALLEL_GAP_RE.fullmatch(article.folded, gap_start, num.start)))


# "Sở Y tế có 140; Sở Nội vụ có 123": a parallel clause that leaves out the previous count's noun
ELIDED_GAP_RE = regex.compile(
    r"[^\d\n]{0,8}[;,.][ \u00a0\n]*(?:[^\d;.\n]{0,12}[ \u00a0])?\p{Lu}[^\d;.\n]{1,60}[ \u00a0](?P<verb>có|là|với|chiếm)[ \u00a0]*")
ELIDED_REACH = 120


def elided_noun(article: Article, cues: list[Cue], prev: dict | None, num: NumberMatch):
    """The counted noun a bare count takes from the count before it in a parallel list."""
    if prev is None or prev["kind"] != "count" or prev["noun"] is None:
        return None
    gap_start = prev["span"][1]
    noun_at = article.folded.find(key(prev["noun"]), gap_start, gap_start + 40)
    if noun_at >= 0:
        gap_start = noun_at + len(prev["noun"])
    if not 0 < num.start - gap_start <= ELIDED_REACH or cues_between(cues, gap_start, num.start):
        return None
    gap = ELIDED_GAP_RE.fullmatch(article.text, gap_start, num.start)
    # parallel: the count before was introduced by the same verb ("... có 191 DVCTT; ... có 174")
    if gap is None or not article.folded[:prev["span"][0]].rstrip().endswith(gap["verb"]):
        return None
    return prev["object"], prev["noun"], (num.end, num.end)


THIS_AFTER_RE = regex.compile(r"[ \u00a0]*này(?!\p{L})")


def antecedent(article: Article, num: NumberMatch, earlier: list[dict]) -> dict | None:
    """"... trễ hạn là 5%. ... thì 5% này tương đương": the earlier figure "5% này" points back to."""
    if not THIS_AFTER_RE.match(article.folded, num.end, num.end + 6):
        return None
    value = as_number(num.value)
    return next((f for f in reversed(earlier) if f["value"] == value and f["span"][1] <= num.start), None)


def build_figure(article, cues, refs, periods, num: NumberMatch, sent: Span, nxt_fig, earlier=()) -> dict | None:
    prev_fig = earlier[-1] if earlier else None
    text = article.text
    kind_den = classify_kind(article, num)
    if kind_den is None:
        return None
    kind, den = kind_den
    noun_pos = num.end
    if num.approx == "at_least":  # "65.000-70.000 hồ sơ": the noun follows the range's end
        rest = RANGE_END_RE.match(text[num.end:num.end + 20])
        noun_pos += rest.end() if rest else 0
    total = TOTAL_AFTER_RE.match(article.folded, num.end, num.end + 40) if kind == "ratio" else None
    if total:
        noun_pos = total.end()  # "4 trong tổng số 23 sở, ngành": the noun follows the total
    own = counted_noun(article, noun_pos)
    if kind == "count" and num.form == "number" and own is None:
        own = _noun_before_copula(article, sent, num)
        if own is None and is_index_value(article, cues, num, sent):
            kind = "score"  # "Điện Biên ( 74,99 )": a PAR INDEX value in a ranking
        elif own is None:
            own = elided_noun(article, cues, prev_fig, num)
            if own is None:
                return None
    if num.form == "zero":
        own = None
    elif own is not None and num.form in ("number", "words") and THIS_AFTER_RE.match(article.folded, own[2][1], own[2][1] + 6):
        return None  # "hai địa phương này": a reference back to units already named, not a count
    # the words describing the figure run from the end of its counted noun ("phản ánh, kiến nghị")
    post_end = post_window_end(text, article.folded, sent, max(num.end, own[2][1] if own else 0), nxt_fig, cues)
    sibling = prev_fig["aspect"] if prev_fig and is_list_sibling(article, cues, prev_fig, num) else None
    aspect = choose_aspect(article, cues, num, sent, nxt_fig, kind, own[0] if own else None, sibling,
                           key(own[1]) if own else None, post_end)
    referent = antecedent(article, num, earlier)
    if referent is not None:
        aspect = referent["aspect"]
    if num.form == "zero" and aspect == "other":
        return None  # "không có hồ sơ" without a metric after it is not a reported zero
    if own is not None:
        obj, noun = own[0], own[1]
    elif num.form == "zero":
        obj, noun = zero_object(article, num)
    else:
        ctx = context_noun(article, sent, num, post_end)
        if ctx:
            obj, noun = ctx
        else:
            obj, noun = _lexicon()["default_object"].get(aspect, "other"), None
    if own is None and sibling is not None and sibling == aspect and prev_fig["kind"] == kind:
        obj, noun = prev_fig["object"], prev_fig["noun"]  # "... 54,1%; Bộ NN & PTNT đạt 37%"
    if kind in ("rank", "score"):
        obj = "other"  # the field ranked in ("5/63 tỉnh, thành phố") is not what is counted
    elif kind == "percent" and aspect == "satisfaction":
        obj = "other"  # a share of the people asked
    noun_end = own[2][1] if own and len(own) > 2 else num.end
    period = period_for(periods, sent, num.start)
    return {
        "id": "",
        "span": [num.start, num.end],
        "surface": text[num.start:num.end],
        "value": as_number(num.value),
        "denominator": as_number(den) if den is not None else None,
        "kind": kind,
        "approx": approx_of(article, num, noun_end),
        "object": obj,
        "aspect": aspect,
        "noun": noun,
        "change": is_change(article, num),
        "subject": choose_subject(article, refs, sent, num, post_end),
        "period": period,
        "sentence": list(sent),
    }


CHANGE_BEFORE_RE = regex.compile(
    r"(?:tăng|giảm|tăng thêm|giảm thêm|tăng lên|giảm xuống|tăng gần|giảm gần|tăng hơn|giảm hơn|tăng trên|giảm trên"
    r"|tăng khoảng|giảm khoảng)[ \u00a0]*$")


def is_change(article: Article, num: NumberMatch) -> bool:
    """"tăng 107% so với cùng kỳ", "giảm 6,27%": a change, not a level."""
    before = article.folded[max(0, num.start - 16):num.start]
    return bool(CHANGE_BEFORE_RE.search(before)) or bool(
        COMPARED_AFTER_RE.match(article.folded[num.end:num.end + 40]))


def is_index_value(article: Article, cues: list[Cue], num: NumberMatch, sent: Span) -> bool:
    """A bare decimal ("93,31", "74,99") in a sentence about an index is the index's value."""
    if "," not in num.surface:
        return False
    return any(c.aspect in INDEX_ASPECTS for c in cues_between(cues, *sent)) or any(
        c.aspect in INDEX_ASPECTS and 0 <= num.start - c.end <= 300 for c in cues_between(cues, num.start - 340, num.start))


def _noun_before_copula(article: Article, sent: Span, num: NumberMatch):
    """"Số TTHC được niêm yết là 152." -> the noun after "số" when the number follows "là"/":"."""
    folded = article.folded
    if not COPULA_BEFORE_RE.search(folded[max(sent[0], num.start - 6):num.start]):
        return None
    pstart = max(sentence_part_start(article, sent, num.start), num.start - LOOKBACK)
    m = SO_RE.search(folded, pstart, num.start)
    if m is None:
        return None
    found = counted_noun(article, m.end())
    return found


def zero_object(article: Article, num: NumberMatch) -> tuple[str, str | None]:
    """The object and noun of a zero phrase ("không có hồ sơ nào" -> dossier, "hồ sơ")."""
    counted = number_lexicon()["counted"]
    found = _scan_nouns(article.folded, num.start, num.end, counted, keep_all=True)
    if not found:
        return "dossier", None
    s, p = found[0]
    return counted[p], article.text[s:s + len(p)]
