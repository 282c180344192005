"""What the paragraph parser builds: roles (a title and its organisation), the places a
paragraph names, a name's occurrence with its roles and the person it stands for; and the rules
that merge roles read side by side (a joined post, a list's shared post, a chained title)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..pattern_cache import compile_pattern
from ..segment import Span
from ..textkeys import fold

@dataclass
class Role:
    title: str
    org: Span | None  # text offsets
    title_pos: int  # text offset of the title
    title_end: int | None = None  # text offset where the title's words end
    chained: bool = False  # listed before another role, separated by a comma: may be another's
    # an organisation ending in a bare unit word ("HĐND TP") or party committee ("Huyện ủy"):
    bare_unit: str | None = None  # the unit's type
    organ: bool = False  # a party committee ("Thành ủy" + "TP. HCM" as written after it elsewhere)
    prefix: str = ""  # folded words the unit's name follows ("hđnd tp", "huyện ủy")
    completion: Place | None = None  # the unit named elsewhere in the article
    completion_text: str = ""  # what the organisation is completed with
    org_head: str | None = None  # "Bộ" for "Thứ trưởng Nội vụ": the word the text leaves out
    needs_org: bool = False  # no role without its organisation ("cán bộ trẻ")
    org_skip: int = 0  # characters of the organisation's text the `org_head` stands for ("tỉnh")
    appointed: bool = False  # given later in the sentence ("được chỉ định làm ...")
    bare_head: tuple[str, ...] | None = None  # the organisation is only a head ("hội đồng"): its folded words
    named_org: str | None = None  # the organisation's full name, from elsewhere in the article
    joins_next: bool = False  # "Bộ trưởng, Chủ nhiệm ...": one post with the next title


@dataclass(frozen=True)
class Place:
    """A unit named in the paragraph: a unit word and a name ("TP Hà Nội", "TP. HCM"), or a
    party committee and a name ("Huyện ủy Tân Hồng")."""
    type: str
    name: str  # as written
    key: str
    surface: str  # "TP. HCM" (unit word and name); "Tân Hồng" after a committee
    span: Span
    before: str  # folded words of the paragraph before the name (and its unit word)


@dataclass
class Occurrence:
    name: Span
    key: str
    roles: list[Role]
    comrade: bool  # called "đồng chí"
    short: bool = False  # the last syllables of a name ("ông Cung"), to be matched to a full one


@dataclass
class Person:
    name: str
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    comrade: bool = False


JOIN_GAP_RE = compile_pattern(r"\s*,\s*")


def joined(text: str, roles: list[Role]) -> list[Role]:
    """"Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": a title that `joins_next`, without an
    organisation and with only a comma before the next title, is one post with it."""
    out: list[Role] = []
    for role in roles:
        prev = out[-1] if out else None
        if prev is not None and prev.joins_next and prev.org is None and prev.title_end is not None \
                and JOIN_GAP_RE.fullmatch(text, prev.title_end, role.title_pos):
            role = dataclasses.replace(role, title=f"{prev.title}, {role.title}", title_pos=prev.title_pos)
            out[-1] = role
            continue
        out.append(role)
    return out


def holding(post: list[Role], roles: list[Role]) -> list[Role]:
    """A listed holder's roles with the post the list names: a narrower title of the holder's
    own without an organisation ("Phó Bí thư thường trực" under "Phó Bí thư Tỉnh ủy") takes the
    post's organisation; else the post is added."""
    out = list(roles)
    for shared in post:
        head = fold(shared.title)
        k = next((k for k, r in enumerate(out) if r.org is None and fold(r.title).startswith(head)), None)
        if k is not None:
            own = out[k]
            out[k] = dataclasses.replace(shared, title=own.title, title_pos=own.title_pos, title_end=own.title_end,
                                         chained=False)
        else:
            out.append(dataclasses.replace(shared, chained=False))
    return out


def chained(roles: list[Role]) -> list[Role]:
    for r in roles:
        r.chained = True
    return roles
