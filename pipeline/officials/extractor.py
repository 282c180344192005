"""`extract_officials`: the body's paragraphs parsed where a cue may be, people gathered and
linked, and the records SCHEMA.md's `Official` describes."""
from __future__ import annotations

import dataclasses
from typing import Callable, Iterator, Sequence

from ..segment import Article, Span
from ..textkeys import fold, normalize_tones
from .lexicon import Lexicon, expand, lexicon
from .linking import (PlaceIndex, complete_org, drop_borrowed, full_mentions, merge_roles, name_bare_heads, names_test,
                      short_form_test, short_mentions, short_name_owner, unit_regions)
from ..pattern_cache import compile_pattern
from .ministries import name_ministries
from .parser import ParagraphParser
from .prefilter import may_name
from .reader import tokenize
from .roles import Person, Role

LINE_RE = compile_pattern(r"[^\n]+")


def _paragraphs(article: Article) -> list[Span]:
    s0, e0 = article.body
    paras = [(s, e) for s, e in article.paragraphs if s0 <= s and e <= e0]
    if not paras and e0 > s0:
        paras = [m.span() for m in LINE_RE.finditer(article.text, s0, e0)]
    return paras


class Paragraphs:
    """The body's paragraphs, each tokenized and parsed only when an extractor needs it: most
    hold no title, no cue and no name, and tokenizing them would be wasted."""

    def __init__(self, article: Article, lex: Lexicon):
        self.article, self.lex = article, lex
        self.spans = _paragraphs(article)
        self.parsers: dict[int, ParagraphParser] = {}

    def parser(self, k: int) -> ParagraphParser:
        if k not in self.parsers:
            toks = tokenize(self.article, self.spans[k])
            self.parsers[k] = ParagraphParser(toks, self.lex, self.article)
        return self.parsers[k]

    def matching(self, test: Callable[[str], object], among: Sequence[int] | None = None) -> Iterator[ParagraphParser]:
        """Parsers of the paragraphs (of those numbered `among`), in order, whose folded text
        passes `test`: a prefilter that never fails a paragraph the parser would find something in."""
        return map(self.parser, self.indexes(test, among))

    def indexes(self, test: Callable[[str], object], among: Sequence[int] | None = None) -> list[int]:
        folded, spans = self.article.folded, self.spans
        return [k for k in (range(len(spans)) if among is None else among) if test(folded[spans[k][0]:spans[k][1]])]


def extract_officials(article: Article, units: Sequence[dict] = ()) -> list[dict]:
    """Officials named in `article.body`, in order of first mention (SCHEMA.md `Official`);
    `units` (SCHEMA.md `Unit`) only fill each role's `unit`."""
    lex = lexicon()
    text = article.text
    if len(article.folded) != len(text):
        article = dataclasses.replace(article, folded=fold(text))
    paragraphs = Paragraphs(article, lex)
    people: dict[str, Person] = {}
    cued = paragraphs.indexes(lex.cue_re.search)  # a title or another cue
    shorts = []
    for k in cued:
        s, e = paragraphs.spans[k]
        if not may_name(text, article.folded, s, e):
            continue  # an office named, no person (a third of the cued paragraphs): not worth tokenizing
        for occ in paragraphs.parser(k).scan():
            if occ.short:
                shorts.append(occ)
                continue
            person = people.setdefault(occ.key, Person(text[occ.name[0]:occ.name[1]]))
            person.roles.extend(occ.roles)
            person.comrade |= occ.comrade
    for occ in shorts:
        owner = short_name_owner(occ.key, people)
        if owner is not None:
            owner.roles.extend(occ.roles)
    drop_borrowed(people, text)
    people = {k: p for k, p in people.items() if p.roles or p.comrade}
    if not people:
        return []
    bare = [role for person in people.values() for role in person.roles if role.bare_unit is not None]
    if bare:
        places = [place for parser in paragraphs.matching(lex.unit_re.search) for place in parser.places()]
        index = PlaceIndex(places)
        regions = unit_regions(units)
        for role in bare:
            complete_org(role, index, regions)
    bare_heads = [role for person in people.values() for role in person.roles
                  if role.bare_head and role.bare_unit is None]  # "Huyện ủy" is completed as a unit
    if bare_heads:
        heads = {" ".join(role.bare_head) for role in bare_heads}
        name_bare_heads(bare_heads, paragraphs.matching(lambda folded: any(h in folded for h in heads)))
    name_ministries(people.values(), article)
    full_mentions(paragraphs.matching(names_test(people)), people)
    short_mentions(paragraphs.matching(short_form_test(people), among=cued), people)
    # a person whose name the body never writes in full or short form (the name was read where
    # the mention scan does not reach) has nothing to point at: no record, and no min() of nothing
    ordered = sorted((p for p in people.values() if p.mentions), key=lambda p: min(p.mentions))
    return [{"id": f"p{n}",
             "name": person.name,
             "roles": [_role_dict(r, text, units) for r in merge_roles(person.roles, text)],
             "mentions": [list(m) for m in sorted(set(person.mentions))]}
            for n, person in enumerate(ordered, 1)]


BRACKET_SPACE_RE = compile_pattern(r"(?<=\()\s+|\s+(?=\))")  # spaces just inside brackets


def _role_dict(role: Role, text: str, units: Sequence[dict]) -> dict:
    org = role.named_org or (normalize_tones(text[role.org[0]:role.org[1]]) if role.org else None)
    if org:
        org = BRACKET_SPACE_RE.sub("", org)  # a crawl's "( CECODES )" -> "(CECODES)"
    if org and role.org_head:
        org = f"{role.org_head} {org[role.org_skip:].lstrip()}".rstrip()
    where = [role.org] if role.org else []
    if role.completion is not None:
        org += " " + (role.completion_text if role.organ else expand(role.completion_text))
        where.append(role.completion.span)
    elif role.completion_text:
        org += " " + role.completion_text
    unit = next((u["id"] for a, b in where for u in units for s, e in u.get("mentions", ())
                 if a <= s and e <= b), None)
    return {"title": role.title, "org": org, "org_expanded": expand(org), "unit": unit}
