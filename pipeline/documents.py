"""Documents cited in the article body: "Kế hoạch số 249/KH-UBND ngày 29/12/2021 của UBND tỉnh".

A citation is a document type (resources/document_types.yml) and its number ("số 30c/NQ-CP",
"61/2018/NĐ-CP", "1408 / QĐ - BCT" in word-segmented text -> "1408/QĐ-BCT"), then maybe a date
("ngày 29/12/2021", "ngày 29-12-2021", "ngày 29 tháng 12 năm 2021"; "ngày 16/4" takes the year
of `article.published`) and an issuer ("của Ban Thường vụ Tỉnh uỷ", "do Bộ trưởng ... ký").
With no issuer after it, the actor of its clause issued it: "UBND huyện Tân Hồng đã xây dựng
Kế hoạch số 143" -> "UBND huyện Tân Hồng"; "Ngày 27/11/2024, UBND tỉnh ban hành Kế hoạch số
222" gives the date as well.

A bare number ("Kế hoạch 222", "Đề án 06") needs a capitalised type (or a date or issuer after
it) and no count noun after it ("Chương trình 1 cửa" is not a document). Documents cited by
name only ("Luật Tổ chức chính quyền địa phương": type "Luật", number null) are read with
`unnumbered=True`; the project's gold annotates numbered documents only.

A document cited twice is one Document, keyed by (type, number): the first citation's span,
the first date given, the longest issuer. The span runs from the type to the last part read
(number, date or issuer). Issuers keep the text's words with tone placement normalised
("Tỉnh uỷ" -> "Tỉnh ủy"). A bare number that starts the full number of a document of the
same type cited elsewhere is that document ("Với Quyết định 3203" after "Quyết định số
3203/2025"), which keeps the full citation's span.

National standards are read by their code ("QCVN 01-1:2018/BYT", type "Quy chuẩn kỹ thuật
quốc gia"; "TCVN 5574:2018"); when the code is in a parenthesis after the standard's name, the
span runs from the name ("Quy chuẩn kỹ thuật quốc gia về chất lượng nước sạch (QCVN ...)").
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import regex

from .dates import iso
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .segment import Article, Span
from .textkeys import PhraseFinder, fold, normalize_tones, phrase_alternation

SP = r"[ \t\u00a0]"
# the number after the type: "số 249/KH-UBND", "60-NQ/TU", "30c/NQ-CP", "01 - NQ / CP"
NUMBER_RE = compile_pattern(
    rf"""(?:{SP}+(?P<so>(?i:số)){SP}*:?{SP}*|{SP}+)
    (?P<number>\d{{1,6}}[a-zđ]?
        (?:{SP}?[/\-–]{SP}?(?:\d{{1,4}}[a-zđ]?|\p{{Lu}}[\p{{Lu}}\d&]*[a-z]?))*)
    # "1140 / BC VPCP": the issuer's code after a space where a crawl lost the hyphen
    (?:{SP}(?P<issuer_code>\p{{Lu}}{{2,}}[\p{{Lu}}\d&]*)(?=[ \t\u00a0,.;)]|$))?
    (?![\p{{L}}\d]|[.,]\d|{SP}?%)""",
    regex.VERBOSE,
)
CODE_RE = compile_pattern(r"[/\-–]")
LETTER_CODE_END_RE = compile_pattern(r"/\p{Lu}+$")  # "1140/BC": a type code the issuer's code follows
SPACES_RE = compile_pattern(r"\s+")
NUMBER_YEAR_RE = compile_pattern(r"(?<=/)(?:19|20)\d\d(?=/)")  # "136/2018/NĐ-CP"
ISO_YEAR_RE = compile_pattern(r"(?:19|20)\d\d(?=-)")  # article.published
DATE_RE = compile_pattern(
    rf"""{SP}*,?{SP}*(?i:(?:ban{SP}+hành|ký){SP}+)?(?i:ngày){SP}+
    (?:(?P<d>\d{{1,2}}){SP}*[/.\-]{SP}*(?P<m>\d{{1,2}})(?:{SP}*[/.\-]{SP}*(?P<y>(?:19|20)\d{{2}}))?
      |(?P<d>\d{{1,2}}){SP}+(?i:tháng){SP}+(?P<m>\d{{1,2}})(?:{SP}*,?{SP}*(?i:năm){SP}+(?P<y>(?:19|20)\d{{2}}))?)
    (?![\d/])""",
    regex.VERBOSE,
)
ISSUER_INTRO_RE = compile_pattern(rf"{SP}*,?{SP}*(?i:của|do){SP}+")
# "ngày 27/11/2024, " right before a clause
DATE_BEFORE_RE = compile_pattern(
    rf"(?i:ngày){SP}+(?P<d>\d{{1,2}}){SP}*[/.\-]{SP}*(?P<m>\d{{1,2}})(?:{SP}*[/.\-]{SP}*(?P<y>(?:19|20)\d{{2}}))?"
    rf"{SP}*,{SP}*$")
WORD_RE = compile_pattern(r"\p{L}[\p{L}\p{M}]*|\d+|[^\s\p{L}\p{M}\d]")
CLAUSE_PUNCT = ",;:.!?()“”\"\n"
YEAR_LIKE_RE = compile_pattern(r"(?:19|20)\d\d")
MAX_ISSUER_WORDS = 12
MAX_CITATION = 300  # characters a citation (or the clause before it) may run


def _alternation(phrases) -> str:
    """Folded phrases as a regex alternation, longest match first, any spaces between words."""
    return phrase_alternation({tuple(fold(p).split()) for p in phrases}, rf"{SP}+")


@dataclass(frozen=True)
class Lexicon:
    canonical: dict  # folded type (single-spaced) -> type as written in the YAML
    type_re: regex.Pattern  # over folded text
    types: PhraseFinder  # type_re's matches, found faster
    named_re: regex.Pattern  # over the text: capitalised named types
    not_before_named_re: regex.Pattern
    blocker_re: regex.Pattern  # over folded text, right after a bare number
    stop_re: regex.Pattern  # over folded text, at a word of the issuer
    joiners: frozenset
    closed_re: regex.Pattern  # over the folded issuer read so far
    actor_heads_re: regex.Pattern
    actor_tail_re: regex.Pattern  # over folded text: "[adverb] verb [các]" before the type
    dating_verbs: frozenset
    standard_types: dict  # standard code prefix ("QCVN") -> type
    standard_re: regex.Pattern  # over the text: a standard's code
    standard_name_re: regex.Pattern  # over folded text: a standard's name before its code


@functools.cache
def lexicon() -> Lexicon:
    d = load_yaml("document_types.yml")
    type_re = compile_pattern(rf"(?<![\p{{L}}\d])(?:{_alternation(d['types'])})(?![\p{{L}}\d])")
    return Lexicon(
        canonical={" ".join(fold(t).split()): t for t in d["types"]},
        type_re=type_re,
        types=PhraseFinder(type_re, (fold(t).split() for t in d["types"])),
        named_re=compile_pattern(
            rf"(?<![\p{{L}}\d])(?P<type>{'|'.join(map(regex.escape, sorted(d['named_types'], key=len, reverse=True)))})"
            rf"(?={SP}+\p{{Lu}})"),
        not_before_named_re=compile_pattern(rf"(?:{_alternation(d['not_before_named'])}){SP}*$"),
        blocker_re=compile_pattern(rf"{SP}+(?:{_alternation(d['bare_number_blockers'])})(?![\p{{L}}\d])"),
        stop_re=compile_pattern(rf"(?:{_alternation(d['issuer_stop_words'])})(?![\p{{L}}\d])"),
        joiners=frozenset(fold(w) for w in d["issuer_joiners"]),
        closed_re=compile_pattern(rf"(?<![\p{{L}}\d])(?:{_alternation(d['closed_issuer_ends'])})$"),
        actor_heads_re=compile_pattern(rf"(?<![\p{{L}}\d])(?:{_alternation(d['actor_heads'])})(?![\p{{L}}\d])"),
        actor_tail_re=compile_pattern(
            rf"{SP}+(?:(?:{_alternation(d['issue_adverbs'])}){SP}+)*(?P<verb>{_alternation(d['issue_verbs'])})"
            rf"{SP}+(?:(?:các|những){SP}+)?$"),
        dating_verbs=frozenset(fold(v) for v in d["dating_verbs"]),
        standard_types=dict(d["standards"]),
        standard_re=compile_pattern(
            rf"(?<![\p{{L}}\d])(?P<code>{'|'.join(map(regex.escape, d['standards']))}){SP}*"
            rf"(?P<number>\d{{1,4}}(?:[-.]\d{{1,4}})*(?:{SP}?:{SP}?(?:19|20)\d\d)?"
            rf"(?:{SP}?/{SP}?[\p{{Lu}}\d&]+(?:-[\p{{Lu}}\d&]+)*)?)(?![\p{{L}}\d])"),
        standard_name_re=compile_pattern(
            rf"(?<![\p{{L}}\d])(?:{_alternation(d['standard_names'])})(?![\p{{L}}\d])"),
    )


@dataclass
class Citation:
    type: str
    number: str | None
    date: str | None
    issuer: str | None
    span: Span
    key: tuple


def _date(m: regex.Match, published: str | None, number: str | None = None) -> str | None:
    """ISO date of a DATE_RE match; without a year, the year of the document's number, else of
    the article."""
    year = m["y"]
    for fallback in (NUMBER_YEAR_RE.search(number or ""), ISO_YEAR_RE.match(published or "")):
        year = year or (fallback.group() if fallback else None)
    return iso(int(year), int(m["m"]), int(m["d"])) if year else None


def _line_end(text: str, pos: int, limit: int) -> int:
    """Where a citation starting at `pos` must end: the end of its line, at most MAX_CITATION
    characters on."""
    limit = min(limit, pos + MAX_CITATION)
    nl = text.find("\n", pos, limit)
    return limit if nl < 0 else nl


def _issuer_end(article: Article, pos: int, end: int) -> int | None:
    """End of the issuer that starts at `pos` ("UBND tỉnh", "Ban Chấp hành Đảng bộ tỉnh Thái
    Nguyên"), or None if no organisation starts there."""
    lex = lexicon()
    text, folded = article.text, article.folded
    words = 0
    last = None
    k = pos
    head_end = 0  # inside an organisation head ("Ban chỉ đạo"): no stop word
    for m in WORD_RE.finditer(text, pos, end):
        w = m.group()
        if m.start() > k and text[k:m.start()].strip():
            break
        if w[0].isalpha():
            head = None
            if m.start() >= head_end and (words == 0 or w[0].isupper()):
                head = lex.actor_heads_re.match(folded, m.start())
            if head:
                head_end = head.end()
            if words == 0 and not (w[0].isupper() or head):
                return None
            if words and m.start() >= head_end and (lex.stop_re.match(folded, m.start())
                                                    or lex.type_re.match(folded, m.start())):
                break
            if last and w.islower() and lex.closed_re.search(" ".join(folded[pos:last].split())):
                break
            if fold(w) in lex.joiners:
                nxt = WORD_RE.search(text, m.end(), end)
                if not (nxt and nxt.group()[0].isupper()):
                    break
            else:
                last = m.end()
            words += 1
            if words > MAX_ISSUER_WORDS:
                break
        elif w in "-–&" and words:
            pass  # "Lao động - Thương binh và Xã hội"
        elif w == "." and last == m.start() and fold(text[m.start() - 2:m.start()]) == "tp":
            pass  # "TP. HCM"
        else:
            break
        k = m.end()
    return last


def _actor(article: Article, start: int, number: str) -> tuple[Span | None, str | None]:
    """The organisation that issues the document cited at `start` as the actor of its clause
    ("UBND huyện Tân Hồng đã xây dựng Kế hoạch ..."), and the date the sentence puts before
    that clause ("Ngày 27/11/2024, UBND tỉnh ban hành ...")."""
    lex = lexicon()
    s0 = max(article.sentence_start(start), start - MAX_CITATION, article.body[0])
    clause_start = max([s0] + [article.text.rfind(c, s0, start) + 1 for c in CLAUSE_PUNCT])
    tail = lex.actor_tail_re.search(article.folded, clause_start, start)
    if not tail:
        return None, None
    head = lex.actor_heads_re.search(article.folded, clause_start, tail.start())
    if not head or not article.text[head.start()].isupper():
        return None, None
    end = _issuer_end(article, head.start(), tail.start())
    if end is None:
        return None, None
    date = None
    if " ".join(tail["verb"].split()) in lex.dating_verbs:
        before = DATE_BEFORE_RE.search(article.text, max(s0, clause_start - 40), clause_start)
        if before and not article.text[head.start() - 1:head.start()].strip(", \t"):
            date = _date(before, article.published, number)
    return (head.start(), end), date


def _citations(article: Article, s0: int, e0: int, unnumbered: bool) -> list[Citation]:
    lex = lexicon()
    text, folded = article.text, article.folded
    out = []
    for t in lex.types.finditer(folded, s0, e0):
        line_end = _line_end(text, t.end(), e0)
        type_name = lex.canonical[" ".join(t.group().split())]
        num = NUMBER_RE.match(text, t.end(), line_end)
        if num is None:
            continue
        number = SPACES_RE.sub("", num["number"]).replace("–", "-")
        if num["issuer_code"] and LETTER_CODE_END_RE.search(number):
            number += "-" + num["issuer_code"]
        bare = not num["so"] and not CODE_RE.search(number)
        end = num.end()
        date = issuer = None
        for _ in range(2):  # date and issuer, in either order
            m = DATE_RE.match(text, end, line_end)
            if m and date is None:
                date, end = _date(m, article.published, number), m.end()
                continue
            m = ISSUER_INTRO_RE.match(text, end, line_end)
            if m and issuer is None:
                issuer_end = _issuer_end(article, m.end(), line_end)
                if issuer_end:
                    issuer, end = (m.end(), issuer_end), issuer_end
                    continue
            break
        if bare:
            capitalised = text[t.start()].isupper()
            if YEAR_LIKE_RE.fullmatch(number) or lex.blocker_re.match(folded, num.end(), line_end) and not date:
                continue
            if not (capitalised or date or issuer):
                continue
        if issuer is None:
            actor, actor_date = _actor(article, t.start(), number)
            issuer = actor
            date = date or actor_date
        out.append(Citation(type_name, number, date,
                            normalize_tones(text[issuer[0]:issuer[1]]) if issuer else None,
                            (t.start(), end), (fold(type_name), fold(number))))
    if unnumbered:
        out.extend(_named(article, s0, e0, {c.span[0] for c in out}))
    return out


def _standards(article: Article, s0: int, e0: int) -> list[Citation]:
    """National standards by code: "QCVN 01-1:2018/BYT", from the standard's name when the code
    is in a parenthesis after it in the same sentence ("Quy chuẩn kỹ thuật quốc gia về nước
    sạch (QCVN 01-1:2018/BYT)")."""
    lex = lexicon()
    text, folded = article.text, article.folded
    out = []
    for m in lex.standard_re.finditer(text, s0, e0):
        number = f"{m['code']} {SPACES_RE.sub('', m['number'])}"
        start, end = m.start(), m.end()
        opening = text.rfind("(", max(s0, start - MAX_CITATION), start)
        if opening >= 0 and not text[opening + 1:start].strip() and ")" in text[end:end + 2].replace(" ", ""):
            sentence = max(article.sentence_start(start), s0, opening - MAX_CITATION)
            names = list(lex.standard_name_re.finditer(folded, sentence, opening))
            if names:
                start, end = names[-1].start(), text.index(")", end) + 1
        type_name = lex.standard_types[m["code"]]
        out.append(Citation(type_name, number, None, None, (start, end), (fold(type_name), fold(number))))
    return out


def _full_numbers(citations: list[Citation]) -> dict[tuple, Citation]:
    """(type, the number's first part) -> the first citation of a full number ("3203/2025"), for
    later bare numbers of the same document ("Quyết định 3203" after "Quyết định số 3203/2025")."""
    out: dict[tuple, Citation] = {}
    for c in citations:
        if c.number and CODE_RE.search(c.number):
            out.setdefault((c.key[0], fold(CODE_RE.split(c.number, 1)[0])), c)
    return out


def _named(article: Article, s0: int, e0: int, taken: set[int]) -> list[Citation]:
    """Documents cited by name: "Luật Tổ chức chính quyền địa phương"."""
    lex = lexicon()
    text, folded = article.text, article.folded
    out = []
    for t in lex.named_re.finditer(text, s0, e0):
        if t.start() in taken or lex.not_before_named_re.search(folded, max(s0, t.start() - 20), t.start()):
            continue
        line_end = _line_end(text, t.end(), e0)
        end = _issuer_end(article, line_end - len(text[t.end():line_end].lstrip()), line_end)
        if end is None:
            continue
        name = text[t.start():end]
        out.append(Citation(t["type"], None, None, None, (t.start(), end), (fold(t["type"]), None, fold(name))))
    return out


def extract_documents(article: Article, *, unnumbered: bool = False) -> list[dict]:
    """Documents cited in `article.body` (SCHEMA.md `Document`), one per (type, number), in order
    of first citation. `unnumbered=True` adds documents cited by name only ("Luật Đầu tư")."""
    if len(article.folded) != len(article.text):
        article = dataclasses.replace(article, folded=fold(article.text))
    s0, e0 = article.body
    merged: dict[tuple, Citation] = {}
    citations = _citations(article, s0, e0, unnumbered) + _standards(article, s0, e0)
    full_numbers = _full_numbers(citations)
    for c in citations:
        bare = c.number is not None and not CODE_RE.search(c.number)
        full = full_numbers.get((c.key[0], fold(c.number))) if bare else None
        first = merged.setdefault(full.key if full else c.key, full or c)
        first.date = first.date or c.date
        if c.issuer and len(c.issuer) > len(first.issuer or ""):
            first.issuer = c.issuer
    return [{"type": c.type, "number": c.number, "date": c.date, "issuer": c.issuer, "span": list(c.span)}
            for c in sorted(merged.values(), key=lambda c: c.span[0])]
