"""The partitions whose classes name parts of one whole (check_partitions.yml): which classes a
figure's words name, read on one side of a run of figures, and whether the classes named cover
the whole. Used by the sum checks (`totals.py`)."""
from __future__ import annotations

import bisect
import functools
import re

import regex

from ..pattern_cache import compile_pattern, compile_re
from ..resources import load_yaml
from ..textkeys import char_trie_alternation
from .base import Article

CLAUSE_RE = compile_pattern(r"[;,]")
CLAUSE_OR_PAREN_RE = compile_pattern(r"[;,(]")
LABEL_REACH = 120  # characters either side of a figure where the class naming it is sought
# a clause that only states the value of what the clause before it names
PREDICATE_ONLY_RE = compile_pattern(r"\s*(?:chiếm(?:\s+(?:tỷ|tỉ)\s+lệ)?|đạt|là|với|tương\s+đương|tương\s+ứng)?\s*(?:khoảng|gần|hơn|trên)?\s*",
                                    regex.IGNORECASE)


def partition_of(total: dict, parts: list[dict], article: Article) -> tuple[str, frozenset] | None:
    """The partition whose classes name the parts, one class each and none twice, and the
    classes they cover; None when the parts are not named so."""
    labels = oriented_labels(parts, total["span"][1], article, {n for n, _, _ in partitions()})
    if not all(labels) or len({name for name, _ in labels}) != 1:
        return None
    covered: frozenset = frozenset()
    for _, classes in labels:
        if classes & covered:
            return None
        covered |= classes
    name = labels[0][0]
    if covered in AMBIGUOUS.get(name, ()):
        return None
    return name, covered


def covers_the_whole(name: str, covered: frozenset) -> bool:
    """Whether the classes `covered` are all of partition `name`'s (when it is complete), or one
    of its `complete_when` sets."""
    spec = load_yaml("check_partitions.yml")[name]
    if spec.get("complete") and covered == frozenset(spec["classes"]):
        return True
    return any(frozenset(classes) <= covered for classes in spec.get("complete_when", ()))


def covers_the_unit(name: str, covered: frozenset, total: dict, article: Article) -> bool:
    """`covers_the_whole`, or for a district's total the levels that make up a district
    (`complete_for_district`: its own and its communes')."""
    if covers_the_whole(name, covered):
        return True
    spec = load_yaml("check_partitions.yml")[name]
    return (article.level_of_subject(total) == "district" and "province" not in covered
            and any(frozenset(classes) <= covered for classes in spec.get("complete_for_district", ())))


# "trước hạn 45%, đúng hạn 99%": "đúng hạn" often counts the early ones too; without the
# overdue share beside them the two are not known to be disjoint; so "hài lòng" the very satisfied
AMBIGUOUS = {"deadline": (frozenset({"early", "on_time"}),),
             "satisfaction": (frozenset({"very_satisfied", "satisfied"}),)}


@functools.cache
def count_only() -> frozenset:
    """The partitions whose classes name counts, never shares of one whole."""
    return frozenset(n for n, spec in load_yaml("check_partitions.yml").items() if spec.get("shares") is False)


@functools.cache
def partitions() -> list[tuple[str, bool, dict[str, str]]]:
    """(name, complete, {phrase: class}) per partition, longest phrases first."""
    out = []
    for name, spec in load_yaml("check_partitions.yml").items():
        phrases = {p: cls for cls, ps in spec["classes"].items() for p in ps}
        out.append((name, bool(spec.get("complete")), dict(sorted(phrases.items(), key=lambda kv: -len(kv[0])))))
    return out


@functools.cache
def class_finder() -> tuple[regex.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for every partition phrase (longest first), and phrase -> (partition, class)."""
    owner = {p: (name, cls) for name, _, phrases in partitions() for p, cls in phrases.items()}
    alternation = "|".join(regex.escape(p) for p in sorted(owner, key=len, reverse=True))
    return compile_pattern(rf"(?<!\p{{L}})(?:{alternation})(?!\p{{L}})", regex.IGNORECASE), owner


def classes_in(window: str) -> dict[str, frozenset]:
    """Per partition, the classes whose phrases occur in `window`."""
    pattern, owner = class_finder()
    found: dict[str, set] = {}
    for m in pattern.finditer(window):
        name, cls = owner[m.group().lower()]
        found.setdefault(name, set()).add(cls)
    return {name: frozenset(classes) for name, classes in found.items()}


def _side_labels(figs: list[dict], first_start: int, article: Article, side: str) -> list[dict]:
    """Per figure of a run, the partition classes named on one side of it: "before" (the last
    clause since the previous figure: "trước hạn 45%"), or "after" (the first clause up to the
    next figure: "1.105 TTHC cấp tỉnh")."""
    text, out = article.text, []
    for k, f in enumerate(figs):
        if side == "before":
            start = figs[k - 1]["span"][1] if k else first_start
            clauses = CLAUSE_RE.split(text[max(start, f["span"][0] - LABEL_REACH):f["span"][0]])
            window = clauses[-1]
            if len(clauses) > 1 and PREDICATE_ONLY_RE.fullmatch(window):
                window = clauses[-2] + window  # "còn lại là hồ sơ nộp trực tiếp tại Trung tâm, chiếm 26,9%"
        else:
            end = figs[k + 1]["span"][0] if k + 1 < len(figs) else f["sentence"][1]
            window = CLAUSE_OR_PAREN_RE.split(text[f["span"][1]:min(end, f["span"][1] + LABEL_REACH)], maxsplit=1)[0]
        out.append(classes_in(window))
    return out


def oriented_labels(figs: list[dict], first_start: int, article: Article,
                     allowed: set) -> list[tuple[str, frozenset] | None]:
    """(partition, classes) per figure, read on one side for the whole run (a list names its
    items the same way throughout): the side that names every figure, before first; else the
    side that names more. None for a figure named by no partition, or by two. When both sides
    name every figure, the side naming them all in one partition: "62,4% người được hỏi rất hài
    lòng, 33,8% hài lòng và 7,3% chưa hài lòng" is read after each share (before them, the first
    share would take the survey's name and the others their neighbours' answers)."""
    best: list | None = None
    complete = []
    for side in ("before", "after"):
        labels = []
        for found in _side_labels(figs, first_start, article, side):
            found = {n: c for n, c in found.items() if n in allowed}
            labels.append(next(iter(found.items())) if len(found) == 1 else None)
        if all(labels):
            complete.append(labels)
        if best is None or sum(map(bool, labels)) > sum(map(bool, best)):
            best = labels
    if complete:
        return next((labels for labels in complete if len({name for name, _ in labels}) == 1), complete[0])
    return best or []


# the characters a caseless match pairs with a letter of the partition phrases though they do not
# lower to it (tests/test_fast_paths.py finds them among all code points)
CASELESS_ONLY_RE = re.compile("[\u0130\u017f]")


@functools.cache
def _lowered_starts() -> re.Pattern | None:
    """Where one of the partition phrases (all lower case) starts in lowered text: a `re` scan
    of a character trie, several times faster than the caseless `regex` one."""
    _, owner = class_finder()
    if any(p != p.lower() for p in owner):
        return None
    return compile_re(char_trie_alternation([(p,) for p in owner], ""))


def partition_hits(text: str) -> list[int]:
    """Starts of `class_finder`'s matches in `text`, as its `finditer` gives them: the pattern
    is tried only where the lowered text holds a phrase (where it can match, in a text without
    the characters that match caselessly but lower to something else)."""
    pattern, _ = class_finder()
    starts, lowered = _lowered_starts(), text.lower()
    if starts is None or len(lowered) != len(text) or CASELESS_ONLY_RE.search(text):
        return [m.start() for m in pattern.finditer(text)]
    hits: list[int] = []
    pos = 0
    while (c := starts.search(lowered, pos)) is not None:
        m = pattern.match(text, c.start())
        if m:
            hits.append(c.start())
            pos = m.end()  # matches do not overlap
        else:
            pos = c.start() + 1
    return hits


def named_sentences(article: Article) -> set[tuple[int, int]]:
    """The sentences (of figures) in which some partition phrase occurs: only their
    percentages need labelling."""
    hits = partition_hits(article.text)
    out = set()
    for f in article.figures:
        s, e = f["sentence"]
        k = bisect.bisect_left(hits, s)
        if k < len(hits) and hits[k] < e:
            out.add((s, e))
    return out
