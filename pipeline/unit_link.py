"""Units of an article linked to one register entry each (pipeline/gazetteer.py).

`link` first gives every unit its register (pipeline/unit_register.py: the article's era, the
unit's own words, which register its name fits), then picks among the entries of that register
called by the unit's name using the context of the article: explicit parents ("xã X, huyện Y",
"xã X, tỉnh Y"), the other units named, coordinated siblings. Provinces are compared by their
2025 province code across registers, so a "(Bình Thuận cũ)" beside "tỉnh Lâm Đồng" is one
place. A name is never linked to a namesake in a province the article does not name when it
names others, whatever the register.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import DASH_RE, PRE_2025, REG_2025, REGISTERS, Entry, former, gazetteer, lookup, name_key
from .segment import Span
from .unit_register import unit_register

RANK = {"commune": 0, "district": 1, "province": 2}


@dataclass
class Unit:
    level: str
    name: str
    type: str | None = None
    entry: Entry | None = None
    mentions: list[Span] = field(default_factory=list)
    parents: set[tuple[str, str]] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)
    candidates: list[Entry] = field(default_factory=list)
    top: list[Entry] = field(default_factory=list)  # best candidates when none could be chosen
    fitting: int = 0  # candidates left after the explicit parents
    district: str | None = None
    province: str | None = None
    register: str = PRE_2025
    past: bool = False  # a mention followed by "(cũ)", "trước đây"
    new: bool = False  # a mention followed by "mới"


@dataclass
class Context:
    provinces: set[str]  # pre-2025 province codes
    provinces_2025: set[str]  # 2025 province codes of every linked unit, whatever its register
    districts: set[str]  # district codes of linked districts and of linked communes' parents
    district_keys: set[str]  # names of the district-level units of the article


def _context(units: list[Unit]) -> Context:
    ctx = Context(set(), set(), set(), set())
    for u in units:
        _add_to_context(ctx, u)
    return ctx


def _add_to_context(ctx: Context, u: Unit) -> None:
    e = u.entry
    if e:
        if e.province_code_2025:
            ctx.provinces_2025.add(e.province_code_2025)
        if e.register == PRE_2025:
            ctx.provinces.add(e.code if u.level == "province" else e.province_code)
            if u.level == "district":
                ctx.districts.add(e.code)
            if u.level == "commune":
                ctx.districts.add(e.district_code)
    if u.level == "district":
        ctx.district_keys.add(name_key(u.name))


def _under(c: Entry, parent: Unit) -> bool:
    if parent.level == "province":
        parents = [parent.entry] if parent.entry else parent.candidates
        for p in parents:
            same_register = p.register == c.register
            if same_register and c.register == PRE_2025 and c.province_code == p.code:
                return True
            if not same_register or c.register == REG_2025:
                if c.province_code_2025 == p.province_code_2025:
                    return True
        return False
    if c.register == REG_2025:
        # the 2025 map has no districts: a former one only says which province
        return parent.entry is None or c.province_code_2025 == parent.entry.province_code_2025
    if parent.entry:
        return c.district_code == parent.entry.code
    return c.district is not None and name_key(c.district) == name_key(parent.name)


def _in_context(c: Entry, ctx: Context) -> bool:
    if c.register == REG_2025:
        return c.province_code_2025 in ctx.provinces_2025
    return c.province_code in ctx.provinces


SPECIAL_ZONE = "đặc khu"


def _pick(u: Unit, ctx: Context, units: dict[tuple[str, str], Unit], final: bool = True) -> Entry | None:
    """The one candidate the context supports; with `final` False (a first round), a lone
    candidate nothing supports waits for the context of the other units."""
    cands = list(u.candidates)
    explicit = False
    for pkey in u.parents:
        parent = units.get(pkey)
        if parent is None or not (parent.entry or parent.candidates):
            continue  # a parent the register does not know ("Q. 9", dissolved in 2021) says nothing
        if RANK[parent.level] > RANK[u.level]:
            cands = [c for c in cands if _under(c, parent)]
            explicit = True
    u.fitting = len(cands)
    if not cands:
        u.top = []
        return None
    siblings = [s for s in units.values() if s is not u and s.level == u.level and s.groups & u.groups]

    def score(c: Entry) -> int:
        s = int(_in_context(c, ctx))
        if u.level == "commune" and c.register == PRE_2025:
            if c.district_code in ctx.districts:
                s += 2
            elif c.district and name_key(c.district) in ctx.district_keys:
                s += 1
            s += any(c.district_code in {x.district_code for x in sib.candidates
                                         if x.register == PRE_2025} for sib in siblings)
        return s

    scores = [score(c) for c in cands]
    best = max(scores)
    top = [c for c, s in zip(cands, scores) if s == best]
    if len(top) > 1:
        exact = [c for c in top if c.type == u.type]
        top = exact or top
    u.top = top
    if len(top) != 1:
        return None
    chosen = top[0]
    if best > 0 or explicit:
        return chosen
    if not final:
        return None
    known = ctx.provinces_2025 if chosen.register == REG_2025 else ctx.provinces
    if u.level == "commune" and known and not _in_context(chosen, ctx) and not u.type == chosen.type == SPECIAL_ZONE:
        # the one namesake lies in a province the article does not mention (a special zone, one
        # of thirteen the country knows by name, is no namesake of another)
        u.top = []
        return None
    return chosen


def _fill_parents(u: Unit, units: dict[tuple[str, str], Unit], ctx: Context) -> None:
    """district / province names of a unit the register could not link."""
    if u.level == "province":
        return
    for pkey in u.parents:
        parent = units.get(pkey)
        if parent is None:
            continue
        if parent.level == "district":
            u.district = parent.entry.name if parent.entry else parent.name
            u.province = u.province or (parent.entry.province if parent.entry else parent.province)
        elif parent.level == "province":
            u.province = parent.entry.name if parent.entry else parent.name
    if u.candidates:
        # ambiguous: only what all the best candidates agree on
        if u.level == "commune" and len({c.district_code for c in u.top}) == 1:
            u.district = u.district or u.top[0].district
        if u.top and len({c.province_code_2025 for c in u.top}) == 1:
            u.province = u.province or u.top[0].province
        return
    if u.register == REG_2025:
        if not u.province and len(ctx.provinces_2025) == 1:
            entry = gazetteer().get("province", next(iter(ctx.provinces_2025)), REG_2025)
            u.province = entry.name if entry else None
        return
    # not in the register: a linked coordinated sibling, a former name that fits the
    # article, the article's only district, the article's only province
    pool = [s.entry for s in units.values()
            if s.level == u.level and s.entry and s.entry.register == PRE_2025 and s.groups & u.groups]
    pool = pool or [f for f in former(u.level, u.name)
                    if f.province_code in ctx.provinces or f.district_code in ctx.districts]
    if pool and u.level == "commune" and len({c.district_code for c in pool}) == 1:
        u.district = u.district or pool[0].district
    if pool and len({c.province_code for c in pool}) == 1:
        u.province = u.province or pool[0].province
    if u.level == "commune" and not u.district:
        districts = [d for d in units.values() if d.level == "district"]
        if len(districts) == 1:
            d = districts[0]
            u.district = d.entry.name if d.entry else d.name
            u.province = u.province or (d.entry.province if d.entry else d.province)
    if not u.province and len(ctx.provinces) == 1:
        entry = gazetteer().get("province", next(iter(ctx.provinces)))
        u.province = entry.name if entry else None


def _old_commune(u: Unit, ctx: Context, units: dict[tuple[str, str], Unit]) -> None:
    """A commune of a 2025 article whose 2025 namesakes all lie outside the article's
    provinces: an old commune of one of them ("thị trấn Ba Hàng Đồi, xã Phú Thành" in a 2025
    article on their merger), linked as pre-2025 when the old register has it there."""
    old = [c for c in lookup(u.level, u.name, PRE_2025) if c.province_code_2025 in ctx.provinces_2025]
    if not old:
        return
    new_candidates, u.candidates = u.candidates, old
    entry = _pick(u, ctx, units)
    if entry is None:
        u.candidates = new_candidates
        return
    u.entry, u.register = entry, PRE_2025


def _fits(u: Unit, register: str, units: dict[tuple[str, str], Unit]) -> bool:
    """Whether `register` has an entry of the unit's name under its explicit province."""
    if u.level == "province":
        names = [u.name] + ([u.entry.name] if u.entry else [])
        return any(lookup("province", n, register) for n in names)
    cands = lookup(u.level, u.name, register)
    for pkey in u.parents:
        parent = units.get(pkey)
        if parent is not None and parent.level == "province":
            cands = [c for c in cands if _under(c, parent)]
    return bool(cands)


def _under_district(u: Unit, units: dict[tuple[str, str], Unit]) -> bool:
    """Named with its district ("xã X, huyện Y"): the old map. Not so under a district named
    as a former one ("phường Thủ Đức thuộc TP. Thủ Đức trước đây")."""
    return any(units.get(p) is not None and units[p].level == "district" and not units[p].past
               for p in u.parents)


def _joined(name: str) -> bool:
    """A name of two joined parts ("Văn Miếu - Quốc Tử Giám"): the 2025 map's way of naming a
    merged commune after its predecessors, distinctive enough to need no province around it."""
    return bool(DASH_RE.search(name))


def _named_provinces(units: dict[tuple[str, str], Unit]) -> set[str]:
    """2025 codes of the provinces the article names, in either register."""
    named = set()
    for u in units.values():
        if u.level == "province":
            for register in REGISTERS:
                named |= {e.province_code_2025 for e in lookup("province", u.name, register)}
            if u.entry:
                named.add(u.entry.province_code_2025)
    return named


def _anchored(u: Unit, register: str, units: dict[tuple[str, str], Unit], named: set[str]) -> bool:
    """Whether `register` places the unit under its explicit province, or else in a province
    the article names; a joined name needs no province."""
    if u.level == "province":
        return _fits(u, register, units)
    has_parent = any(units.get(p) is not None and units[p].level == "province" for p in u.parents)
    if has_parent:
        return _fits(u, register, units)
    if _joined(u.name):
        return _fits(u, register, units)
    return any(c.province_code_2025 in named for c in lookup(u.level, u.name, register))


def name_votes(units: dict[tuple[str, str], Unit]) -> int:
    """Votes for the 2025 map from the names alone: a commune that only the 2025 register
    places under its province or in a province the article names (+1; "xã X, tỉnh Y" with no
    district), one only the old register places so (-1), a province only the old register
    knows or a district, not marked as old (-1). A name without a province around it does not
    vote: most names have namesakes somewhere on either map."""
    named = _named_provinces(units)
    votes = 0
    for u in units.values():
        if u.past:
            # "(Bình Thuận cũ)", "huyện Đức Trọng (cũ)": merged provinces and abolished
            # districts are old only once the 2025 map is in place (communes merged earlier too)
            votes += 2 * (u.level != "commune")
            continue
        if u.level == "district":
            votes -= 1
        elif u.level == "province":
            votes -= _fits(u, PRE_2025, units) and not _fits(u, REG_2025, units)
        else:
            pre, new = _anchored(u, PRE_2025, units, named), _anchored(u, REG_2025, units, named)
            votes += (new and not pre) - (pre and not new)
    return votes


def assign_registers(units: dict[tuple[str, str], Unit], era: str) -> None:
    named = _named_provinces(units)
    # provinces first: a commune's fit under its province needs the province's entry
    for level in ("province", "district", "commune"):
        for u in units.values():
            if u.level != level:
                continue
            u.register = unit_register(
                era, level=u.level, utype=u.type, past=u.past, new=u.new,
                under_district=_under_district(u, units),
                fits_pre=_fits(u, PRE_2025, units), fits_2025=_fits(u, REG_2025, units),
                anchored_2025=_anchored(u, REG_2025, units, named))
            if u.level == "province" and u.register == REG_2025:
                found = lookup("province", u.entry.name if u.entry else u.name, REG_2025)
                found = found or lookup("province", u.name, REG_2025)
                u.entry = found[0] if found else None


def link(units: dict[tuple[str, str], Unit]) -> list[str]:
    """Link every unit (registers already assigned); warnings for the ambiguous ones."""
    for u in units.values():
        if u.entry is None:
            u.candidates = lookup(u.level, u.name, u.register)
            if u.level == "province" and u.candidates:
                u.entry = u.candidates[0]
    for final in (False, True):  # districts and communes support each other: two rounds
        for level in ("district", "commune"):
            ctx = _context(list(units.values()))
            for u in units.values():
                if u.level == level and u.entry is None:
                    u.entry = _pick(u, ctx, units, final)
                    if u.entry is not None and final:
                        _add_to_context(ctx, u)
    ctx = _context(list(units.values()))
    for u in units.values():
        if u.entry is None and u.register == REG_2025 and u.level == "commune" and not u.new:
            _old_commune(u, ctx, units)
    warnings = []
    ctx = _context(list(units.values()))
    for u in units.values():
        if u.entry is None:
            _fill_parents(u, units, ctx)
            if u.fitting > 1:
                warnings.append(f"ambiguous unit: {u.type} {u.name} ({u.fitting} candidates)")
    return warnings
