"""Cues and windows: the aspect cue phrases of `resources/figures.yml` found in the text, and
the extent of a figure's clause, sentence part and following words."""
from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

import regex

from .numbers import phrase_at, phrase_before, PhraseMap, Phrases
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .segment import Article, enclosing_bracket
from .textkeys import PhraseFinder, key, phrase_alternation

Span = tuple[int, int]
# A full stop ends a clause unless it is a decimal/thousands mark or ends "TP." / "Tp."
FULL_STOP = r"(?<!\d)(?<!\b[Tt][Pp])\.(?!\d)"
# a comma joining two nouns of one phrase is no clause break: "Mức độ hài lòng của người dân, tổ
# chức khi giải quyết TTHC đạt 98,2%", "số hóa hồ sơ, kết quả giải quyết TTHC đạt 80%"
PEOPLE = r"(?:người[ \u00a0]+dân|công[ \u00a0]+dân|cá[ \u00a0]+nhân|tổ[ \u00a0]+chức|doanh[ \u00a0]+nghiệp)"
JOINED_NOUNS_AFTER = (rf"(?i:(?<={PEOPLE}[ \u00a0]?,)[ \u00a0]*{PEOPLE}(?!\p{{L}})"
                      rf"|(?<=hồ[ \u00a0]+sơ[ \u00a0]?,)[ \u00a0]*kết[ \u00a0]+quả[ \u00a0]+giải[ \u00a0]+quyết)")
CLAUSE_BREAK_RE = compile_pattern(rf"[;:(\)\n]|,(?!\d)(?!{JOINED_NOUNS_AFTER})|{FULL_STOP}|\btrong đó\b|\bcòn lại\b")
SENTENCE_BREAK_RE = compile_pattern(rf"[;\n]|{FULL_STOP}")
WORD_RE = compile_pattern(r"[\p{L}\d]+")
RATE_WORDS = r"(?:tỷ|tỉ)[ \u00a0]+lệ"  # "tỷ lệ" in both spellings: figures, aspects and checks use it
# a number, then perhaps other unit-type words of its list: "9/9 xã", "30 quận, huyện, thị xã"
# (not a date closing a phrase before a comma: "Lũy kế quý I/2026, phường tiếp nhận ...")
NUMBER_BEFORE_RE = compile_pattern(
    r"\d(?:[\d.,/]*\d)?%?[ \u00a0]*(?:(?:thị trấn|thị xã|thành phố|xã|phường|huyện|quận|tỉnh)[ \u00a0]*(?:,|và)[ \u00a0]*)*$")
# a year or date right before a unit word is no count of it: "năm 2023 huyện đề ra 32 nhiệm vụ"
DATE_BEFORE_RE = compile_pattern(r"(?:(?<!\p{L})(?:năm|tháng)[ \u00a0]+\d{1,4}|\d/\d{4}"
                               r"|(?<!\p{L})quý[ \u00a0]+(?:[ivx]+|\d)(?:[ \u00a0]*[/.\-][ \u00a0]*\d{4})?)[ \u00a0]*$")  # "quý I/2026 đặc khu"
LEVEL_BEFORE_RE = compile_pattern(r"(?:cấp|cấp độ|khối)[ \u00a0]*$")  # "cấp xã", "khối huyện": a level, no unit


class Cue(NamedTuple):  # a tuple, so that `cues_between` bisects a list of them by start in C
    start: int
    end: int
    aspect: str
    specific: bool


@functools.cache
def lexicon() -> dict:
    data = load_yaml("figures.yml")
    cues: dict[str, tuple[str, bool]] = {}
    for cls in ("specific", "generic"):
        for aspect, phrases in data["aspects"][cls].items():
            for p in phrases:
                cues.setdefault(key(p), (aspect, cls == "specific"))
    for p in data["aspects"]["neutral"]:
        cues[key(p)] = ("neutral", False)
    respondents = r"(?:số[ \u00a0]+)?(?:" + _words_alternation(data["survey_respondents"]) + ")"  # "(số) người được hỏi"
    # a trie of words: the regex module searches it several times faster than a flat list
    cue_words = [tuple(p.split(" ")) for p in cues]
    # a word ending in a comma may stand before a blank in tokenised text ("phí , lệ phí")
    alternation = phrase_alternation(cue_words, " ", escape=lambda w: regex.escape(w).replace(",", "[ \u00a0]?,"))
    qualifiers = PhraseMap((key(w), a) for a, ws in data["qualifiers"].items() for w in ws)
    qualifiers_after = {key(w): a for a, ws in data["qualifiers_after"].items() for w in ws}
    return {
        "cues": cues,
        # tried only where a fast `re` scan finds a cue's words
        "cue_re": PhraseFinder(compile_pattern(rf"(?<![\p{{L}}\d])(?:{alternation})(?![\p{{L}}\d])"),
                               [tuple(w.rstrip(",") for w in words) for words in cue_words]),  # the comma: a gap
        "qualifiers": qualifiers,
        "qualifiers_after": qualifiers_after,
        "default_object": data["default_object"],
        "clause_aspects": frozenset(data["clause_aspects"]),
        "topic_aspects": frozenset(data["topic_aspects"]),
        "processed_nouns": frozenset(key(w) for w in data["processed_nouns"]),
        "rank_move_nouns": frozenset(key(w) for w in data["rank_move_nouns"]),
        "index_component_nouns": frozenset(key(w) for w in data["index_component_nouns"]),
        "announcement_cues": frozenset(key(w) for w in data["announcement_cues"]),
        "channel_label_re": compile_pattern(r"(?<![\p{L}])(?:" + _words_alternation(data["channel_labels"]) + r")(?![\p{L}])"),
        "procedure_heads": Phrases(key(w) for w in data["procedure_heads"]),
        "national_body_re": compile_pattern(
            r"(?<![\p{L}\d])(?:(?:" + "|".join(regex.escape(b) for b in data["national_bodies"]["names"])
            + r")(?![\p{L}\d])|(?:" + "|".join(regex.escape(b) for b in data["national_bodies"]["heads"])
            + r")[ \u00a0]+\p{Lu}\p{L}*)"),
        "coordinated_nouns": Phrases(key(w) for w in data["coordinated_nouns"]),
        "survey_answer_re": compile_pattern(
            r"[ \u00a0]*(?:" + respondents + r"[ \u00a0]+)?(?:" + _words_alternation(data["survey_verbs"]) + r")(?![\p{L}\d])"),
        "respondents_re": compile_pattern(r"[ \u00a0]*" + respondents + r"(?![\p{L}\d])"),
    }


def _words_alternation(phrases: list[str]) -> str:
    """The longest phrase first, words apart by any run of spaces: for folded text."""
    return phrase_alternation([tuple(key(p).split()) for p in phrases], r"[ \u00a0]+")


def is_survey_answer(folded: str, end: int) -> bool:
    """Whether the percentage ending at `end` is a share of survey respondents."""
    return bool(lexicon()["survey_answer_re"].match(folded, end))


def is_share_of_people(folded: str, end: int) -> bool:
    """Whether the percentage ending at `end` counts people or firms, as a survey's results do
    ("20% số người được hỏi phải đi lại nhiều lần", "66% số doanh nghiệp")."""
    lex = lexicon()
    return bool(lex["survey_answer_re"].match(folded, end) or lex["respondents_re"].match(folded, end))


BLANK_COMMA_RE = compile_pattern(r"[ \u00a0],")


# a satisfaction survey's factor named in quotes: its words name the factor, they state no
# metric ("Yếu tố “Tiếp nhận, xử lý góp ý, phản ánh” thấp nhất, chỉ đạt 79,8%" is a satisfaction
# figure, nothing received). A service index's component keeps its aspect: "Chỉ số thành phần
# “Thanh toán trực tuyến” đạt 4,5/10 điểm" is paid_online (ANNOTATION.md).
QUOTED_NAME_RE = compile_pattern(r"(?<!\p{L})yếu[ \u00a0]+tố[ \u00a0]*[\"“”]([^\"“”\n]{1,80})[\"“”]")


def _quoted_names(folded: str, start: int, end: int) -> list[Span]:
    if folded.find('"', start, end) < 0 and folded.find("“", start, end) < 0:
        return []
    return [m.span(1) for m in QUOTED_NAME_RE.finditer(folded, start, end)]


# the measure a bare "giảm" follows in its clause: a rate, an index, a count of dossiers
CHANGE_VERB = "giảm"
MEASURE_REACH = 80
MEASURE_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:số(?:[ \u00a0]+lượng)?[ \u00a0]+hồ[ \u00a0]+sơ|tỷ[ \u00a0]+lệ|tỉ[ \u00a0]+lệ|chỉ[ \u00a0]+số)"
                                   r"(?!\p{L})[^\d,;:.()\n]{0,60}$")


INDEX_NAME_BEFORE_RE = compile_pattern(r"(?<!\p{L})chỉ[ \u00a0]+số(?:[ \u00a0]+thành[ \u00a0]+phần)?[ \u00a0]*[\"“]?[ \u00a0]*$")


def find_cues(folded: str, start: int, end: int) -> list[Cue]:
    lex = lexicon()
    out = []
    names = _quoted_names(folded, start, end)
    for m in lex["cue_re"].finditer(folded, start, end):
        if names and any(s <= m.start() < e for s, e in names):
            continue
        found = m.group()
        aspect, specific = lex["cues"].get(found) or lex["cues"][BLANK_COMMA_RE.sub(",", found)]
        if aspect == "neutral":
            continue
        if not specific and phrase_before(folded, m.start(), lex["procedure_heads"]):
            continue  # "thủ tục cấp phép xây dựng": the generic verb names a procedure
        if aspect == "other" and INDEX_NAME_BEFORE_RE.search(folded, max(start, m.start() - 24), m.start()):
            continue  # "Chỉ số Chi phí không chính thức đạt 6,88 điểm": an index component's name
        if found == CHANGE_VERB and MEASURE_BEFORE_RE.search(folded, max(start, m.start() - MEASURE_REACH), m.start()):
            continue  # "số hồ sơ trễ hạn giảm 37,5%": a change of the measure, no cut
        out.append(Cue(m.start(), m.end(), aspect, specific))
    return out


# --------------------------------------------------------------------------- windows

def match_ends(article: Article, pattern) -> list[int]:
    """End offsets of `pattern`'s matches in the body, computed once per article."""
    ends = article.cache.get(pattern)
    if ends is None:
        ends = article.cache[pattern] = [m.end() for m in pattern.finditer(article.text, *article.body)]
    return ends


def _paragraph_match_ends(article: Article, pattern, paragraph: Span) -> list[int]:
    """The ends of those of `match_ends` that start in `paragraph`, computed once per paragraph:
    most paragraphs hold no figure, and none of their breaks is asked for. (A break pattern's
    match never runs from the blanks before a paragraph into it, so the scan from its start
    finds the same matches there as the scan of the whole body.)"""
    ends = article.cache.get((pattern, paragraph))
    if ends is None:
        ends = article.cache[(pattern, paragraph)] = []
        for m in pattern.finditer(article.text, paragraph[0], article.body[1]):
            if m.start() >= paragraph[1]:
                break
            ends.append(m.end())
    return ends


def _last_break(article: Article, pattern, sent: Span, pos: int) -> int:
    key = (pattern, sent[0], sent[1], pos)  # several rules of one figure ask for its clause (two in three asks)
    found = article.cache.get(key)
    if found is None:
        paragraph = article.paragraph_of(pos)
        if sent[0] < paragraph[0] or paragraph == article.body:
            ends = match_ends(article, pattern)
        else:  # the breaks after sent[0] and up to pos, all in the paragraph
            ends = _paragraph_match_ends(article, pattern, paragraph)
        i = bisect.bisect_right(ends, pos) - 1
        found = article.cache[key] = ends[i] if i >= 0 and ends[i] > sent[0] else sent[0]
    return found


def clause_start(article: Article, sent: Span, pos: int) -> int:
    """Start of the clause holding `pos`: after the last comma, colon, "trong đó" ... before it."""
    return _last_break(article, CLAUSE_BREAK_RE, sent, pos)


def sentence_part_start(article: Article, sent: Span, pos: int) -> int:
    """Start of the part of the sentence holding `pos`: after the last ";" or line end before it."""
    return _last_break(article, SENTENCE_BREAK_RE, sent, pos)


# after a comma, a new measure: "1.257 thủ tục đã được giải quyết, tỷ lệ giải quyết đúng hạn đạt 97%"
NEW_MEASURE_RE = compile_pattern(rf"[ \u00a0]*{RATE_WORDS}(?![\p{{L}}])")
# "và" before another measure, or another index by its short name: "đạt trên 90% và SIPAS đạt trên 85%"
AND_NEW_MEASURE_RE = compile_pattern(rf"[ \u00a0]và[ \u00a0]+(?:{RATE_WORDS}|mức[ \u00a0]+độ|chỉ[ \u00a0]+số"
                                     r"|sipas|par[ \u00a0]+index|papi|pci|dti)(?![\p{{L}}])")
BRACKET_REACH = 60  # characters back to an opening bracket the number stands in
# the words about a number end at a clause break, "trong đó", or a conjunction that opens a
# clause of its own ("lượng hồ sơ tiếp nhận lên đến 14 triệu hồ sơ nên con số trễ hạn ..."), or
# at the fields it belongs to, described ("8.060 hồ sơ thuộc các lĩnh vực có cung cấp dịch vụ công
# trực tuyến": received, no online measure)
POST_BREAK_RE = compile_pattern(rf"[;(\n]|{FULL_STOP}|\btrong đó\b|(?<![\p{{L}}])(?:nên|nhưng|song|do đó|vì vậy|vì thế"
                                r"|thuộc[ \u00a0]+(?:các[ \u00a0]+)?lĩnh[ \u00a0]+vực[ \u00a0]+có)(?![\p{{L}}])")
# what every POST_BREAK_RE match starts with: the search starts at the first of them, if any
POST_BREAK_START_RE = re.compile(r"[;(\n.]|trong đó|nên|nhưng|song|do đó|vì vậy|vì thế|thuộc")


def post_window_end(text: str, folded: str, sent: Span, pos: int, next_figure: int | None,
                    cues: list[Cue]) -> int:
    """Where the words describing the number at `pos` end: the next figure or a clause break.
    A comma ends them too, unless a cue stands before it ("100% hồ sơ được tiếp nhận, giải
    quyết và trả kết quả đúng hẹn": the verbs run on past the comma)."""
    end = sent[1] if next_figure is None else min(sent[1], next_figure)
    m = post_break(text, pos, end)
    end = m.start() if m else end
    if enclosing_bracket(text, sent[0], pos, BRACKET_REACH) is not None:
        # inside brackets: "tiếp nhận 3.000 hồ sơ (tăng 10%) và giải quyết ...": the words
        # about the number end with its bracket
        closing = text.find(")", pos, end)
        end = closing if closing >= 0 else end
    comma = text.find(",", pos, end)
    cue_before_comma = any(c.end <= comma for c in cues_between(cues, pos, comma))
    # a cue phrase holding the comma: "được thanh toán phí, lệ phí trực tuyến"
    cue_over_comma = any(c.end > comma for c in cues_between(cues, pos, comma))
    agents_end = _passive_agents_end(text, folded, cues, pos, comma, end) if comma >= 0 and not cue_before_comma else None
    if agents_end is not None:
        end = agents_end  # "372 phản ánh, kiến nghị đã được các bộ, ngành, địa phương xử lý"
    elif comma >= 0 and not cue_over_comma and (not cue_before_comma or NEW_MEASURE_RE.match(folded, comma + 1)) \
            and not _coordinated_noun_at(folded, comma + 1):
        end = comma
    joined = AND_NEW_MEASURE_RE.search(folded, pos, end)
    return joined.start() if joined else end  # "đạt trên 87% và mức độ hài lòng đạt ...": another measure


# a passive's agents listed with commas before its verb: "đã được các bộ, ngành, địa phương xử lý"
# (not a verb of its own: "20 sở, ban, ngành được đánh giá, xác định Chỉ số CCHC")
PASSIVE_AGENT_RE = compile_pattern(r"(?<!\p{L})được[ \u00a0]+các[ \u00a0]+\p{L}+(?:[ \u00a0]+\p{L}+)?[ \u00a0]*$")
AGENT_ITEM_REACH = 30  # characters an agent of the list runs to (its comma included)


def _passive_agents_end(text: str, folded: str, cues: list[Cue], pos: int, comma: int, end: int) -> int | None:
    """Where the words about a number end when the comma at `comma` lists a passive's agents and
    the passive's verb, a cue, follows them; None if it does not."""
    if not PASSIVE_AGENT_RE.search(folded, pos, comma):
        return None
    while True:  # past the agents: short items without a cue
        nxt = text.find(",", comma + 1, end)
        if nxt < 0 or nxt - comma > AGENT_ITEM_REACH or cues_between(cues, comma + 1, nxt):
            break
        comma = nxt
    verb_end = text.find(",", comma + 1, end)
    verb_end = end if verb_end < 0 else verb_end
    return verb_end if cues_between(cues, comma + 1, verb_end) else None


def post_break(text: str, pos: int, end: int):
    """`POST_BREAK_RE.search(text, pos, end)`, searched from the first place a match can start."""
    first = POST_BREAK_START_RE.search(text, pos, end)
    return POST_BREAK_RE.search(text, first.start(), end) if first else None


def _coordinated_noun_at(folded: str, pos: int) -> bool:
    """"83% người dân, tổ chức hài lòng": the comma joins two nouns of one noun phrase."""
    while folded[pos:pos + 1] in (" ", "\u00a0"):
        pos += 1
    return phrase_at(folded, pos, lexicon()["coordinated_nouns"]) is not None


def cues_between(cues: list[Cue], start: int, end: int) -> list[Cue]:
    """The cues (sorted by start) that start in [start, end)."""
    # (start,) sorts before every cue starting at `start` and after those starting before it
    lo = bisect.bisect_left(cues, (start,))
    hi = bisect.bisect_left(cues, (end,), lo)
    return cues[lo:hi]


def pick(cues: list[Cue], pos: int) -> Cue | None:
    """Specific before generic, then nearest to `pos`."""
    if not cues:
        return None
    return min(cues, key=lambda c: (not c.specific, min(abs(c.end - pos), abs(c.start - pos))))


def words_between(folded: str, a: int, b: int) -> int:
    return len(WORD_RE.findall(folded, a, b))


# --------------------------------------------------------------------------- "lần lượt" lists

RESPECTIVELY_REACH = 200  # characters from "lần lượt" to its values (bounded: a sentence may be huge)
RESPECTIVELY_RE = compile_pattern(r"(?<![\p{L}])lần[ \u00a0]+lượt(?![\p{L}])")
# one value of a "lần lượt" list: a number, a ratio or a percentage ("95%", "22/24", "88,5")
VALUE_RE = compile_pattern(r"(?<![\p{L}\d])\d+(?:[.,]\d+)*(?:[ \u00a0]*/[ \u00a0]*\d+)?"
                         r"|(?<!\p{L})thứ[ \u00a0]+(?:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?!\p{L})")  # ranks in words
RUN_GAP_RE = compile_pattern(r"[ \u00a0]*(?:,|và|;)?[ \u00a0]*(?:thứ[ \u00a0]*)?")  # "thứ 4 và thứ 5", "89,12 và 88,7"
VALUE_END_RE = compile_pattern(r"[ \u00a0]*(?:%|điểm)?")
# between two values that each carry their noun, maybe an aside: "27.642 hồ sơ (trực tuyến 81,4%) và 19.380"
NOUN_GAP_RE = compile_pattern(r"(?:[ \u00a0]*\p{L}+){1,3}[ \u00a0]*(?:,|và|,[ \u00a0]*và)[ \u00a0]*")
ASIDE_IN_RUN_RE = compile_pattern(r"[ \u00a0]*\([^()]{0,40}\)")


def respective_values(folded: str, sent: Span, pos: int) -> tuple[regex.Match, list[int]] | None:
    """The last "lần lượt" of the sentence before `pos` and the run of values after it that
    holds `pos` (empty when `pos` is in none); None when there is no "lần lượt" within reach."""
    found = list(RESPECTIVELY_RE.finditer(folded, max(sent[0], pos - RESPECTIVELY_REACH), pos))
    if not found:
        return None
    m = found[-1]
    return m, value_run(folded, m.end(), min(sent[1], m.end() + 2 * RESPECTIVELY_REACH), pos)


def value_run(folded: str, start: int, end: int, pos: int) -> list[int]:
    """The starts of the run of values after "lần lượt" that holds `pos`: values joined only by
    commas and "và", up to the one after "và" ("xếp thứ 4 và thứ 5 với 89,12 và 88,7" is two
    runs of two; "thứ nhất, thứ hai và thứ ba": ranks in words)."""
    runs: list[list[int]] = [[]]
    last_end = None
    closed = False  # the value after "và" ends its run: "93,5 điểm, 92,8 điểm và 92,1 điểm; 4 xã ..."
    for v in VALUE_RE.finditer(folded, start, end):
        if last_end is not None:
            if folded.rfind("(", last_end, v.start()) > folded.rfind(")", last_end, v.start()):
                continue  # a value inside an aside of the one before: "27.642 hồ sơ (trực tuyến 81,4%)"
            tail = VALUE_END_RE.match(folded, last_end)
            gap = RUN_GAP_RE.fullmatch(folded, tail.end(), v.start()) or NOUN_GAP_RE.fullmatch(
                ASIDE_IN_RUN_RE.sub("", folded[tail.end():v.start()]))
            if not gap or closed:
                runs.append([])
            closed = bool(gap) and "và" in gap.group()
        runs[-1].append(v.start())
        last_end = v.end()
    return next((run for run in runs if pos in run), [])


# --------------------------------------------------------------------------- a percentage restating a ratio

# "hoàn thành 21/34 nhiệm vụ đề ra, đạt 61,76%", "22/24 nhiệm vụ (đạt 91,16%)": a percentage
# restating the ratio just before it (the ratio's noun words, an abbreviation in brackets among them:
# "41/46 nhiệm vụ cải cách hành chính (CCHC) đề ra trong năm, đạt 87,5%", then "đạt", "chiếm" ...)
RATIO_RESTATED_GAP_RE = compile_pattern(r"[ \u00a0]*(?:(?:\p{L}+|\(\p{L}{2,8}\))[ \u00a0]*){0,16},?[ \u00a0]*(?:\([ \u00a0]*)?"
                                      r"(?:đạt|bằng|chiếm|tương[ \u00a0]+đương|tương[ \u00a0]+ứng)(?:[ \u00a0]+tỷ[ \u00a0]+lệ)?[ \u00a0]*")


def restates_ratio_gap(folded: str, ratio_end: int, pct_start: int) -> bool:
    """Whether the text between a ratio and a percentage makes the percentage restate it."""
    return 0 < pct_start - ratio_end <= 80 and RATIO_RESTATED_GAP_RE.fullmatch(folded, ratio_end, pct_start) is not None
