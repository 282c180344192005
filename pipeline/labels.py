"""Two figure labels that read the words around a figure: which named index it belongs to
(`index`) and whether it states a goal rather than a result (`target`). Rules:

- index: the index named in the figure's own sentence (right after it, "thứ 6 về PAPI"; else
  the nearest mention before it; else the first after it); for ranks, scores and index aspects with none there, the index named last
  earlier in the passage, else in the headline or lead. Other figures have none.
- target: a goal cue ("phấn đấu", "mục tiêu", "dự kiến", "sẽ" ...) in the figure's clause
  before it, or a period that ends after the article was published ("đến năm 2030").
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from .aspects import INDEX_ASPECTS
from .figure_cues import is_share_of_people, restates_ratio_gap
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .segment import Article
from .textkeys import PhraseFinder, fold, key, phrase_alternation

Span = tuple[int, int]
INDEX_KINDS = ("rank", "score")
TARGET_REACH = 120  # characters before the figure in which a goal cue governs it
# what may stand between a figure and the index named right after it: not "và", which opens the
# next index's own clause ("PAR INDEX ... đạt trên 90% và SIPAS đạt trên 85%")
NAMED_RIGHT_AFTER_RE = compile_pattern(r"(?:(?!(?<!\p{L})và(?!\p{L}))[^\d,;.:()\n]){0,20}")
CLAUSE_END_RE = compile_pattern(r"[;:\n]|\.(?!\d)|\btrong đó\b")
AND_BEFORE_RE = compile_pattern(r"(?<!\p{L})và[ \u00a0]+(?:chỉ[ \u00a0]+số[ \u00a0]+)?$")


def _words_re(phrases) -> regex.Pattern:
    words = [tuple(key(p).split()) for p in phrases]
    return compile_pattern(r"(?<![\p{L}\d])(?:" + phrase_alternation(words, r"[\s\u00a0]*") + r")(?![\p{L}\d])")


def _words_finder(phrases) -> PhraseFinder:
    """`_words_re(phrases)`, tried only where a fast `re` scan finds the phrases' words."""
    return PhraseFinder(_words_re(phrases), [tuple(key(p).split()) for p in phrases])


@functools.cache
def _lexicon() -> dict:
    data = load_yaml("indexes.yml")
    names = {key(p): name for name, phrases in data["indexes"].items() for p in phrases}
    return {
        "index_re": _words_finder(names),  # scanned over the whole body
        "index_names": {tuple(k.split()): v for k, v in names.items()},
        "target_re": _words_finder(data["target_cues"]),
        "not_target_re": _words_re(data["not_target_phrases"]),
        # one of them stands in every match of not_target_re: where none does, nothing is masked
        "not_target_last_words": tuple({key(p).split()[-1] for p in data["not_target_phrases"]}),
        "inherited_by": data["inherited_by"],
        "index_aspects": data["index_aspects"],
    }


PAIR_REACH = 3  # mentions looked back for the first of a pair (one index may be named twice: "Chỉ số CCHC (PAR INDEX)")
# between two indexes named together: their names' words, brackets and "và"
# (no number but an edition's year: "(PAR INDEX 2025) và Chỉ số hài lòng ... (SIPAS 2025)")
PAIR_JOINT_RE = compile_pattern(r"(?:[^.;:!?\d]|(?<!\d)(?:19|20)\d{2}(?!\d)){0,80}?(?<!\p{L})và(?!\p{L})"
                                r"(?:[^.;:!?\d]|(?<!\d)(?:19|20)\d{2}(?!\d)){0,80}")


# between an index's name and its short name right after it: "Chỉ số hài lòng ... năm 2025 (SIPAS"
NAMED_AGAIN_RE = compile_pattern(r"(?:[\s\u00a0(\[\-–]|năm|(?<!\d)(?:19|20)\d{2}(?!\d))*")


@dataclass
class IndexMention:
    start: int
    end: int
    name: str


def find_indexes(article: Article) -> list[IndexMention]:
    """Every index name in the body, in order."""
    lex = _lexicon()
    out = []
    for m in lex["index_re"].finditer(article.folded, *article.body):
        name = lex["index_names"].get(tuple(m.group().split()))
        if name is None:  # a phrase written with other spacing ("PAR - INDEX")
            name = lex["index_names"].get(tuple(key(m.group()).split()))
        if name is not None:
            out.append(IndexMention(m.start(), m.end(), name))
    return out


def without_index_names(text: str) -> str:
    """`text` with every index name blanked out (same length): what is left says what part or
    kind of the index a figure is ("Chỉ số CCHC của tỉnh" leaves no "chỉ số")."""
    folded = fold(text)
    out, last = [], 0
    for m in _lexicon()["index_re"].finditer(folded):
        out += [text[last:m.start()], " " * (m.end() - m.start())]
        last = m.end()
    return "".join(out) + text[last:]


def index_of(article: Article, mentions: list[IndexMention], fig: dict,
             lead: list[IndexMention] = ()) -> str | None:
    """`lead`: the mentions in the headline and lead (computed once per article)."""
    if not mentions:
        return None
    starts = [m.start for m in mentions]
    s, e = fig["span"]
    ss, se = fig["sentence"]
    i, j = bisect.bisect_left(starts, ss), bisect.bisect_left(starts, se)
    own = mentions[i:j]
    before = [m for m in own if m.end <= s]
    # not an index that opens a clause of its own after "và": "đạt từ 85 điểm trở lên và chỉ số
    # SIPAS đạt trên 90%"
    after = [m for m in own if m.start >= e and not AND_BEFORE_RE.search(article.folded, max(e, m.start - 12), m.start)]
    if after and _named_right_after(article, fig, after[0]):
        return after[0].name  # "thứ 6 về PAPI", "45,2 điểm PCI"
    first = _first_of_restated_pair(article, mentions, before, after)
    if first is not None:
        return first.name
    if before or after:
        return (before[-1] if before else after[0]).name
    inherited_by = _lexicon()["inherited_by"]
    if fig["kind"] in INDEX_KINDS:
        allowed = None
    elif fig["aspect"] in inherited_by:
        allowed = inherited_by[fig["aspect"]]
    elif fig["kind"] == "percent" and is_share_of_people(article.folded, e):
        allowed = inherited_by["share_of_people"]  # a survey's share of the people asked
    else:
        return None
    para = article.paragraph_of(s)
    earlier = [m for m in mentions[:i] if m.start >= para[0]]
    for m in [*reversed(earlier), *lead]:
        if allowed is None or m.name in allowed:
            return _first_of_pair(article, mentions, m, allowed).name
    return None


def _named_right_after(article: Article, fig: dict, mention: IndexMention) -> bool:
    return NAMED_RIGHT_AFTER_RE.fullmatch(article.folded, fig["span"][1], mention.start) is not None


def _named_after_in_sentence(article: Article, mentions: list[IndexMention], fig: dict) -> bool:
    """Whether the figure's index is the one named right after it ("thứ 20/63 về Chỉ số cải cách
    hành chính"), whatever index the words before it named."""
    e, se = fig["span"][1], fig["sentence"][1]
    i = bisect.bisect_left(mentions, e, key=lambda m: m.start)
    return i < len(mentions) and mentions[i].start < se and mentions[i].name == fig["index"] \
        and _named_right_after(article, fig, mentions[i])


PART_BREAK_RE = compile_pattern(r"[;:]")
PART_REACH = 300  # characters back from a figure to the start of its part of the sentence


def _named_in_own_part(article: Article, mentions: list[IndexMention], fig: dict) -> bool:
    """Whether the figure's index is named last before it in its part of the sentence (after
    the last ";"): "Chỉ số SIPAS xếp thứ 11/63; Chỉ số PAPI năm 2022 đạt 43,26 điểm" is PAPI's."""
    s = fig["span"][0]
    lo = max(fig["sentence"][0], s - PART_REACH)
    breaks = [m.end() for m in PART_BREAK_RE.finditer(article.folded, lo, s)]
    lo = breaks[-1] if breaks else lo
    i = bisect.bisect_left(mentions, lo, key=lambda m: m.start)
    j = bisect.bisect_left(mentions, s, key=lambda m: m.start)
    own = [m for m in mentions[i:j] if m.end <= s]
    return bool(own) and own[-1].name == fig["index"]


def _restated_pair(article: Article, mentions: list[IndexMention], fig: dict) -> bool:
    """Whether the figure's index is the first of a restated pair (`_first_of_restated_pair`)."""
    ss, se = fig["sentence"]
    s, e = fig["span"]
    lo, hi = max(ss, s - PART_REACH), min(se, e + PART_REACH)  # bounded: a sentence may be huge
    own = mentions[bisect.bisect_left(mentions, lo, key=lambda m: m.start):bisect.bisect_left(mentions, hi, key=lambda m: m.start)]
    return _first_of_restated_pair(article, mentions, [m for m in own if m.end <= s],
                                   [m for m in own if m.start >= e and m.end <= hi]) is not None


def _first_of_restated_pair(article: Article, mentions: list[IndexMention], before: list[IndexMention],
                            after: list[IndexMention]) -> IndexMention | None:
    """"công bố Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS), tỉnh đạt 89,45 điểm, xếp thứ
    4/34; Chỉ số SIPAS đạt 88,12%": values between a pair of indexes and a restatement of the
    second (with its own value) are the first's. `before`/`after`: the sentence's mentions."""
    if not before or not any(m.name == before[-1].name for m in after):
        return None
    first = _first_of_pair(article, mentions, before[-1], None)
    return first if first is not before[-1] else None


def _first_of_pair(article: Article, mentions: list[IndexMention], m: IndexMention, allowed) -> IndexMention:
    """The first of two indexes named together ("công bố Chỉ số CCHC (PAR INDEX) và Chỉ số hài
    lòng (SIPAS)") when a later sentence goes on about one of them without naming it: the first
    named leads the announcement."""
    k = mentions.index(m)
    named = m  # where its naming starts: "Chỉ số hài lòng ... (SIPAS 2025)" names it twice
    for prev in reversed(mentions[max(0, k - PAIR_REACH):k]):
        if prev.name == m.name:
            if NAMED_AGAIN_RE.fullmatch(article.folded, prev.end, named.start):
                named = prev
            continue
        joint = article.folded[prev.end:named.start]
        if (allowed is None or prev.name in allowed) and PAIR_JOINT_RE.fullmatch(joint):
            return prev
        break
    return m


def is_target(article: Article, fig: dict) -> bool:
    s = fig["span"][0]
    lo = max(fig["sentence"][0], s - TARGET_REACH)
    window = article.folded[lo:s]
    breaks = list(CLAUSE_END_RE.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    # "nhóm chỉ tiêu Công khai, minh bạch đạt 17,5/18 điểm": a group of indicators, no goal
    lex = _lexicon()
    if any(w in window for w in lex["not_target_last_words"]):
        window = lex["not_target_re"].sub(lambda m: " " * len(m.group()), window)
    if lex["target_re"].search(window):
        return True
    period = fig.get("period") or {}
    return bool(article.published and period.get("end") and not period.get("start")
                and period["end"] > article.published)


def index_aspect(fig: dict) -> str:
    """"Chỉ số PAR INDEX của tỉnh giảm 2%": a named index that falls has not cut anything; the
    change is the index's own (a cut of counted procedures or fees keeps `cut`). An index of
    satisfaction (SIPAS) measures satisfaction, not administrative performance at large."""
    aspect = fig["aspect"]
    if aspect == "cut" and fig["change"] and fig["index"] and fig["object"] == "other":
        aspect = "par_index"
    if aspect == "par_index" and fig["index"]:
        return _lexicon()["index_aspects"].get(fig["index"], aspect)
    return aspect


def label_figures(article: Article, figures: list[dict]) -> None:
    """Set `index` and `target` on every figure (in place), the aspect of an index's change, and
    the aspect of a rank or score whose index its sentence settles (a restated pair, the index
    named last in its part or right after it); a percentage restating a ratio is a goal only as the ratio is."""
    mentions = find_indexes(article)
    lead = [m for m in mentions if m.end <= article.lead_end]
    prev = None
    for f in figures:
        f["index"] = index_of(article, mentions, f, lead)
        f["target"] = is_target(article, f)
        if (prev is not None and prev["kind"] == "ratio" and f["kind"] == "percent"
                and restates_ratio_gap(article.folded, prev["span"][1], f["span"][0])):
            f["target"] = prev["target"]  # "hoàn thành 37/40 nhiệm vụ đề ra (đạt 95%)": a result as its ratio is
        prev = f
        f["aspect"] = index_aspect(f)
        if f["kind"] in INDEX_KINDS and f["aspect"] in INDEX_ASPECTS and f["index"] and (
                _restated_pair(article, mentions, f) or _named_in_own_part(article, mentions, f)
                or _named_after_in_sentence(article, mentions, f)):
            f["aspect"] = _lexicon()["index_aspects"].get(f["index"], "par_index")
