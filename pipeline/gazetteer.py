"""The "link" stage's register of Vietnamese administrative units.

Read once, lazily, from the data files shipped with `vietnamadminunits` (MIT): the sqlite
register `data/dataset.db` (table `admin_units_legacy`: the 63 provinces with their districts
and communes as they stood before the 2025 reorganisation; table `admin_units`: the 2025
register of 34 provinces and their communes) and `data/converter_2025.json` (old unit -> new
unit). Nothing is downloaded, and the package's own fuzzy address parser is not used.

Both maps are registers of their own (`REGISTERS`): every `Entry` says which it belongs to.
A pre-2025 entry ("pre-2025": 63 provinces, districts, communes) carries
- `code`, the official code in the pre-2025 scheme: province "01" (Hà Nội), district "280",
  commune "10321";
- `code_2025`, the 2025 code of the unit it became: for a province the 2025 province it was
  merged into; for a commune the new commune it went into. A commune split between several
  new communes maps to the one the conversion data marks as its default successor
  (`isDefaultNewWard`: the part holding most of its area and people); a district maps to None
  (the 2025 scheme has no district level).
A 2025 entry ("2025": 34 provinces, 3,321 communes, wards and special zones) carries
- `code_2025`, its own code in the 2025 scheme, and `district` None;
- `predecessors`, the pre-2025 codes of the units merged into it (every part of a split
  commune counts for each new commune it went into);
- `code`, the pre-2025 code only when the reorganisation left the unit unchanged (one
  predecessor, whole, same name): Hà Nội "01", but None for the merged Phú Thọ.
Every entry of either register carries `province_code_2025`: the 2025 province its unit lies
in (provinces were merged whole, never split, so every pre-2025 unit has exactly one).

Names are looked up by register and level ("province", "district", "commune") with tone- and
case-folded keys (`name_key`), across the types of a level: the register says "Thị xã Kim Bảng" where a
2019 article says "huyện Kim Bảng", and both are the district "350".
"""
from __future__ import annotations

import dataclasses
import functools
import importlib.util
import json
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .pattern_cache import compile_pattern
from .resources import load_yaml
from .startup_cache import cache_key, load_or_build
from .textkeys import key, normalize_tones

LEVELS = ("province", "district", "commune")
PRE_2025, REG_2025 = "pre-2025", "2025"
REGISTERS = (PRE_2025, REG_2025)
TYPE_LEVEL = {
    "tỉnh": "province",
    "huyện": "district", "quận": "district", "thị xã": "district",
    "xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune",
    "thành phố": "district",  # a provincial city; the five centrally-run cities are provinces
}
DASH_RE = compile_pattern(r"\s*[-\u2013\u2014]\s*")
NUMBERED_RE = compile_pattern(r"^(?:quận|phường)\s+(\d+)$")  # "Quận 1", "Phường 12": key "1", "12"
QUALIFIER_RE = compile_pattern(r"\s*\([^)]*\)")
TYPE_PREFIXES = ("thanhpho", "thitran", "thixa", "phuong", "huyen", "quan", "tinh", "tx", "tp", "xa")


@dataclass(frozen=True)
class Entry:
    """One unit of a register. `district`/`province` are the parents' short names, and
    `district_code`/`province_code` their codes in the entry's own register."""

    level: str
    type: str  # "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu"
    name: str  # short name, NFC, traditional tone placement: "Chuyên Mỹ", "Quận 1"
    code: str | None  # pre-2025 scheme (a 2025 entry: only when unchanged)
    district: str | None = None
    district_code: str | None = None
    province: str | None = None
    province_code: str | None = None
    code_2025: str | None = None  # 2025 scheme
    register: str = PRE_2025
    predecessors: tuple[str, ...] = ()  # 2025 entries: pre-2025 codes merged into it
    province_code_2025: str | None = None  # the 2025 province the unit lies in

    @property
    def ident(self) -> str:
        """The entry's code in its own register."""
        return (self.code if self.register == PRE_2025 else self.code_2025) or ""


@functools.lru_cache(maxsize=65536)  # each province and district name recurs on every commune row
def _short_name(name: str) -> str:
    """The register's short name without its disambiguation: "Hồng Ngự (Huyện)" -> "Hồng Ngự"."""
    return normalize_tones(QUALIFIER_RE.sub("", name))


# a syllable whose only vowel is a final "y" after consonants ("Quý", "Kỳ", "Lý", "Mỹ") is also
# written with "i" ("Phú Quí" in the register, "Phú Quý" in the news): one spelling in the key.
# Not after another vowel: "Thụy", "Huy" keep their "uy".
Y_SYLLABLE_RE = compile_pattern(r"(?<![\p{L}])(qu|[bcdđghklmnprstvx]{1,2})y(?=[\u0300\u0301\u0303\u0309\u0323]?(?![\p{L}]))")


def _spelling_key(name: str) -> str:
    return DASH_RE.sub("-", key(name.replace("\u2019", "'")))


def _one_y(k: str) -> str:
    if "y" in k or "ý" in k or "ỳ" in k or "ỹ" in k or "ỷ" in k or "ỵ" in k:
        return unicodedata.normalize("NFC", Y_SYLLABLE_RE.sub(r"\1i", unicodedata.normalize("NFD", k)))
    return k


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Lookup key of a unit name: folded case and tones, one spelling of dashes and apostrophes,
    and "i" for a syllable's lone final "y"."""
    k = _one_y(_spelling_key(name))
    m = NUMBERED_RE.match(k)
    return m.group(1) if m else k


def y_i_variants(a: str, b: str) -> bool:
    """Whether two names differ only by a lone final "y" written "i" ("Phú Quý", "Phú Quí")."""
    ka, kb = _spelling_key(a), _spelling_key(b)
    return ka != kb and _one_y(ka) == _one_y(kb)


def ascii_key(text: str) -> str:
    """Letters and digits without diacritics, the form of the register's alias lists ("thuyphu")."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


@functools.lru_cache(maxsize=256)
def _short_type(full_type: str) -> str:
    return " ".join(full_type.lower().split())


def _package_data() -> Path:
    # find_spec locates the package without importing it (its __init__ loads the parser)
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vietnamadminunits is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


class Gazetteer:
    """In-memory indexes over both registers; build with `gazetteer()`, which caches it."""

    def __init__(self, data_dir: Path):
        self._by_name: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
        self._former: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._by_code: dict[tuple[str, str, str], Entry] = {}
        self._province_alias: dict[tuple[str, str], Entry] = {}
        converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
        con = sqlite3.connect(f"file:{data_dir / 'dataset.db'}?mode=ro", uri=True)
        try:
            legacy = con.execute(
                "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
                " districtType, districtCode, districtKey, districtAlias, ward, wardShort, wardType,"
                " wardCode, wardKey, wardAlias FROM admin_units_legacy").fetchall()
            current = con.execute(
                "SELECT province, provinceShort, provinceCode, provinceKey, wardShort, wardType,"
                " wardCode, wardKey FROM admin_units").fetchall()
        finally:
            con.close()
        conversion = _Conversion(converter, legacy, current)
        self._load_legacy(legacy, conversion)
        self._load_2025(current, conversion)
        self._load_aliases()

    def _load_legacy(self, rows, conv: "_Conversion") -> None:
        became: dict[str, set] = defaultdict(set)  # district code -> the 2025 units its communes became
        for (prov, prov_short, prov_code, prov_key, _dist, dist_short, dist_type, dist_code,
             dist_key, dist_alias, _ward, ward_short, ward_type, ward_code, ward_key,
             ward_alias) in rows:
            prov_name = _short_name(prov_short)
            dist_name = _short_name(dist_short)
            prov_2025 = conv.province_2025.get(prov_code)
            if (PRE_2025, "province", prov_code) not in self._by_code:
                ptype = "thành phố" if prov.lower().startswith("thành phố") else "tỉnh"
                self._add(Entry("province", ptype, prov_name, prov_code, code_2025=prov_2025,
                                province_code_2025=prov_2025), None)
            if (PRE_2025, "district", dist_code) not in self._by_code:
                self._add(Entry("district", _short_type(dist_type), dist_name, dist_code,
                                province=prov_name, province_code=prov_code,
                                province_code_2025=prov_2025), dist_alias)
            if ward_code and (PRE_2025, "commune", ward_code) not in self._by_code:
                self._add(Entry("commune", _short_type(ward_type), _short_name(ward_short),
                                ward_code, dist_name, dist_code, prov_name, prov_code,
                                conv.ward_2025.get(ward_code), province_code_2025=prov_2025),
                          ward_alias)
            if ward_code:
                became[dist_code].add(None if ward_code in conv.split else conv.ward_2025.get(ward_code))
        for dist_code, units in became.items():
            # a district all of whose communes became one 2025 unit maps to it ("huyện Cô Tô" ->
            # "đặc khu Cô Tô"); the others were shared out and map to none
            if len(units) == 1 and None not in units:
                self._set_code_2025((PRE_2025, "district", dist_code), next(iter(units)))

    def _load_2025(self, rows, conv: "_Conversion") -> None:
        for prov, prov_short, prov_code, _pkey, ward_short, ward_type, ward_code, _wkey in rows:
            prov_name = _short_name(prov_short)
            if (REG_2025, "province", prov_code) not in self._by_code:
                ptype = "thành phố" if prov.lower().startswith("thành phố") else "tỉnh"
                olds = conv.province_predecessors.get(prov_code, ())
                old = self._by_code.get((PRE_2025, "province", prov_code))
                unchanged = olds == (prov_code,) and old is not None and old.name == prov_name
                self._add(Entry("province", ptype, prov_name, prov_code if unchanged else None,
                                code_2025=prov_code, register=REG_2025, predecessors=olds,
                                province_code_2025=prov_code), None)
            name = _short_name(ward_short)
            olds = conv.ward_predecessors.get(ward_code, ())
            old = self._by_code.get((PRE_2025, "commune", olds[0])) if len(olds) == 1 else None
            unchanged = (old is not None and old.code_2025 == ward_code and old.code not in conv.split
                         and name_key(old.name) == name_key(name))
            self._add(Entry("commune", _short_type(ward_type), name, old.code if unchanged else None,
                            province=prov_name, province_code=prov_code, code_2025=ward_code,
                            register=REG_2025, predecessors=olds, province_code_2025=prov_code),
                      None)

    def _set_code_2025(self, ident: tuple[str, str, str], code_2025: str) -> None:
        old = self._by_code[ident]
        new = dataclasses.replace(old, code_2025=code_2025)
        self._by_code[ident] = new
        for entries in self._by_name.values():
            for i, e in enumerate(entries):
                if e is old:
                    entries[i] = new

    def _add(self, entry: Entry, aliases: str | None) -> None:
        self._by_code[(entry.register, entry.level, entry.ident)] = entry
        self._by_name[(entry.register, entry.level, name_key(entry.name))].append(entry)
        for alias in json.loads(aliases) if aliases else []:
            # the register's alias lists hold former names of merged or renamed units
            self._former[(entry.level, alias)].append(entry)
            for prefix in TYPE_PREFIXES:
                if alias.startswith(prefix) and len(alias) > len(prefix) + 2:
                    self._former[(entry.level, alias[len(prefix):])].append(entry)
                    break

    def _load_aliases(self) -> None:
        for row in load_yaml("province_aliases.yml")["aliases"]:
            entry = self._by_code[(PRE_2025, "province", str(row["code"]))]
            entry = dataclasses.replace(entry, name=row.get("name", entry.name),
                                        type=row.get("type", entry.type))
            self._province_alias[(PRE_2025, name_key(str(row["alias"])))] = entry
            if "name" not in row:
                # a spelling of a name both maps share ("TPHCM"); an old name ("Thừa Thiên
                # Huế") names the pre-2025 province only
                new = self._by_code.get((REG_2025, "province", entry.code_2025 or ""))
                if new is not None:
                    self._province_alias.setdefault((REG_2025, name_key(str(row["alias"]))), new)

    # ------------------------------------------------------------------ queries

    def lookup(self, level: str, name: str, register: str = PRE_2025) -> list[Entry]:
        """Entries of `register` and `level` called `name` (any type of that level;
        tone/case-insensitive)."""
        k = name_key(name)
        if level == "province" and (register, k) in self._province_alias:
            return [self._province_alias[(register, k)]]
        return list(self._by_name.get((register, level, k), ()))

    def former(self, level: str, name: str) -> list[Entry]:
        """Pre-2025 entries that absorbed (or renamed) a former unit called `name`. Never a
        link for that unit: only a hint of where it was."""
        k = ascii_key(name)
        found = self._former.get((level, k), [])
        return list(dict.fromkeys(found))

    def get(self, level: str, code: str, register: str = PRE_2025) -> Entry | None:
        """The entry with `code` in `register` (a 2025 entry by its 2025 code)."""
        return self._by_code.get((register, level, code))

    def entries(self, register: str, level: str) -> list[Entry]:
        return [e for (reg, lvl, _), e in self._by_code.items() if reg == register and lvl == level]

    def province_names(self, register: str = PRE_2025) -> set[str]:
        """Keys of every province name and alias of `register`."""
        return ({k for (reg, lvl, k) in self._by_name if reg == register and lvl == "province"}
                | {k for reg, k in self._province_alias if reg == register})


class _Conversion:
    """The conversion data (`converter_2025.json`) keyed by codes instead of the package's
    ascii keys: old province -> new province, old commune -> new commune, and back. A key
    that names no unit of the tables (none in the shipped data; a district without communes
    such as huyện Hoàng Sa has an empty commune key) is left out, not guessed."""

    def __init__(self, converter: dict, legacy, current):
        new_prov_code = {}
        new_ward_code = {}
        for _p, _ps, pcode, pkey, _ws, _wt, wcode, wkey in current:
            new_prov_code[pkey] = pcode
            new_ward_code[(pkey, ascii_key(wkey))] = wcode
        old_prov_code = {}
        old_ward_code = {}
        for row in legacy:
            old_prov_code[row[3]] = row[2]
            if row[13]:
                old_ward_code[f"{row[3]}_{row[8]}_{row[14]}"] = row[13]
        self.province_2025: dict[str, str] = {}
        preds: dict[str, list[str]] = defaultdict(list)
        for new, olds in converter["DICT_PROVINCE"].items():
            for old in olds:
                if old in old_prov_code and new in new_prov_code:
                    self.province_2025[old_prov_code[old]] = new_prov_code[new]
                    preds[new_prov_code[new]].append(old_prov_code[old])
        self.province_predecessors = {k: tuple(sorted(v)) for k, v in preds.items()}
        self.ward_2025: dict[str, str] = {}
        self.split: set[str] = set()
        wpreds: dict[str, list[str]] = defaultdict(list)
        for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_w, olds in wards.items():
                code = new_ward_code.get((new_p, ascii_key(new_w)))
                for old_code in filter(None, (old_ward_code.get(old) for old in olds)):
                    if code:
                        self.ward_2025[old_code] = code
                        wpreds[code].append(old_code)
        for new_p, wards in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
            for old, parts in wards.items():
                old_code = old_ward_code.get(old)
                if old_code is None:
                    continue
                self.split.add(old_code)
                for part in parts:
                    code = new_ward_code.get((new_p, ascii_key(part["newWardKey"])))
                    if code is None:
                        continue
                    wpreds[code].append(old_code)
                    if part["isDefaultNewWard"]:
                        self.ward_2025[old_code] = code  # a split commune: its default successor
        self.ward_predecessors = {k: tuple(sorted(set(v))) for k, v in wpreds.items()}


@functools.cache
def gazetteer() -> Gazetteer:
    """The register, loaded on first use and shared by every later call; built once per
    version of the pipeline and of the register's data, then read from the start-up cache."""
    data = _package_data()
    files = [data / "dataset.db", data / "converter_2025.json"]
    try:
        key = cache_key(files)
    except OSError:
        return Gazetteer(data)
    return load_or_build("gazetteer", key, lambda: Gazetteer(data))


def lookup(level: str, name: str, register: str = PRE_2025) -> list[Entry]:
    return gazetteer().lookup(level, name, register)


def candidates(unit_type: str, name: str, register: str = PRE_2025) -> list[Entry]:
    """Entries a unit written "`unit_type` `name`" may be, those of exactly that type first:
    every type of the level counts ("huyện Kim Bảng" -> "Thị xã Kim Bảng"); "thành phố" is a
    centrally-run city (a province) or a provincial city (a district)."""
    levels = ("province", "district") if unit_type == "thành phố" else (TYPE_LEVEL[unit_type],)
    found = [e for level in levels for e in lookup(level, name, register)
             if level != "province" or unit_type in ("tỉnh", e.type)]
    return sorted(found, key=lambda e: e.type != unit_type)


def former(level: str, name: str) -> list[Entry]:
    return gazetteer().former(level, name)


def get(level: str, code: str, register: str = PRE_2025) -> Entry | None:
    return gazetteer().get(level, code, register)


CODE_LEVEL = {2: "province", 3: "district", 5: "commune"}  # official codes: one length a level


def province_code_2025(register: str | None, code: str | None, code_2025: str | None,
                       province: str | None = None) -> str | None:
    """The 2025 province code of a unit as a record gives it, whatever its level and its
    register: the key on which a time series across the 2025 change groups ("01" for Hà
    Nội's xã Chuyên Mỹ in 2019, "25" for Vĩnh Phúc, merged into Phú Thọ). A split pre-2025
    commune needs no choice here: provinces were merged whole, so all its parts lie in one
    2025 province. A unit the register could not link falls back on its province's name."""
    if register == REG_2025 and code_2025:
        entry = get(CODE_LEVEL.get(len(code_2025), ""), code_2025, REG_2025)
    elif code:
        entry = get(CODE_LEVEL.get(len(code), ""), code, PRE_2025)
    else:
        entry = None
    if entry is None and province:
        found = lookup("province", province, register or PRE_2025) or lookup("province", province)
        entry = found[0] if found else None
    return entry.province_code_2025 if entry else None
