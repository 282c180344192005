"""A minister named without a ministry ("Quyết định do Bộ trưởng Trần Tuấn Anh ký") is the
minister of the ministry the article is about, when it names one ministry only
(`resources/ministries.yml`)."""
from __future__ import annotations

import functools
from typing import Iterable

import regex

from ..pattern_cache import compile_pattern
from ..resources import load_yaml
from ..segment import Article
from ..textkeys import fold, phrase_alternation
from .lexicon import _words, lexicon
from .roles import Person


@functools.cache
def _lexicon() -> tuple[regex.Pattern, frozenset[str]]:
    names = load_yaml("ministries.yml")["ministries"]
    pattern = compile_pattern(r"(?<![\p{L}\d])(?:" + phrase_alternation([_words(n) for n in names], r"\s*")
                            + r")(?![\p{L}\d])")
    # the titles whose organisation is a ministry ("Thứ trưởng Nội vụ" is of "Bộ Nội vụ")
    titles = frozenset(fold(t.title) for t in lexicon().titles.items.values() if t.org_head == "Bộ")
    return pattern, titles


def named_ministries(article: Article) -> dict[str, str]:
    """The ministries the body names: their key -> the first mention as written."""
    pattern, _ = _lexicon()
    found: dict[str, str] = {}
    for m in pattern.finditer(article.folded, *article.body):
        found.setdefault(regex.sub(r"\s+", "", m.group()), article.text[m.start():m.end()])
    return found


def name_ministries(people: Iterable[Person], article: Article) -> None:
    """Give each minister without a ministry the one ministry the article names."""
    _, titles = _lexicon()
    bare = [(p, r) for p in people for r in p.roles
            if r.org is None and r.named_org is None and fold(r.title) in titles
            and not any(o.title == r.title and (o.org or o.named_org) for o in p.roles)]
    if not bare:
        return
    ministries = named_ministries(article)
    if len(ministries) == 1:
        only = next(iter(ministries.values()))
        for _, role in bare:
            role.named_org = only
