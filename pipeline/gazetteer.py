"""The "link" stage's register of Vietnamese administrative units.

Read once, lazily, from the data files shipped with `vietnamadminunits` (MIT): the sqlite
register `data/dataset.db` (table `admin_units_legacy`: the 63 provinces with their districts
and communes as they stood before the 2025 reorganisation; table `admin_units`: the 2025
register of 34 provinces and their communes) and `data/converter_2025.json` (old unit -> new
unit). Nothing is downloaded, and the package's own fuzzy address parser is not used.

An `Entry` carries two codes:
- `code` is the official code in the pre-2025 scheme: province "01" (Hà Nội), "20" (Lạng Sơn);
  district "280"; commune "10321".
- `code_2025` is the code in the 2025 scheme of the unit it became: for a province the 2025
  province code, for a commune the 2025 commune code when it went whole into one new commune
  (None when it was split between several), for a district None (the 2025 scheme has no
  district level).

Names are looked up by level ("province", "district", "commune") with tone- and case-folded
keys (`name_key`), across the types of a level: the register says "Thị xã Kim Bảng" where a
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

import regex

from .resources import load_yaml
from .textkeys import key, normalize_tones

LEVELS = ("province", "district", "commune")
TYPE_LEVEL = {
    "tỉnh": "province",
    "huyện": "district", "quận": "district", "thị xã": "district",
    "xã": "commune", "phường": "commune", "thị trấn": "commune",
    "thành phố": "district",  # a provincial city; the five centrally-run cities are provinces
}
DASH_RE = regex.compile(r"\s*[-\u2013\u2014]\s*")
NUMBERED_RE = regex.compile(r"^(?:quận|phường)\s+(\d+)$")  # "Quận 1", "Phường 12": key "1", "12"
QUALIFIER_RE = regex.compile(r"\s*\([^)]*\)")
TYPE_PREFIXES = ("thanhpho", "thitran", "thixa", "phuong", "huyen", "quan", "tinh", "tx", "tp", "xa")


@dataclass(frozen=True)
class Entry:
    """One unit of the pre-2025 register. `district`/`province` are the parents' short names."""

    level: str
    type: str  # "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"
    name: str  # short name, NFC, traditional tone placement: "Chuyên Mỹ", "Quận 1"
    code: str  # pre-2025 scheme
    district: str | None = None
    district_code: str | None = None
    province: str | None = None
    province_code: str | None = None
    code_2025: str | None = None  # 2025 scheme


def _short_name(name: str) -> str:
    """The register's short name without its disambiguation: "Hồng Ngự (Huyện)" -> "Hồng Ngự"."""
    return normalize_tones(QUALIFIER_RE.sub("", name))


def name_key(name: str) -> str:
    """Lookup key of a unit name: folded case and tones, one spelling of dashes and apostrophes."""
    k = DASH_RE.sub("-", key(name.replace("\u2019", "'")))
    m = NUMBERED_RE.match(k)
    return m.group(1) if m else k


def ascii_key(text: str) -> str:
    """Letters and digits without diacritics, the form of the register's alias lists ("thuyphu")."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def _short_type(full_type: str) -> str:
    return " ".join(full_type.lower().split())


def _package_data() -> Path:
    # find_spec locates the package without importing it (its __init__ loads the parser)
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vietnamadminunits is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


class Gazetteer:
    """In-memory indexes over the register; build with `gazetteer()`, which caches it."""

    def __init__(self, data_dir: Path):
        self._by_name: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._former: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._by_code: dict[tuple[str, str], Entry] = {}
        self._province_alias: dict[str, Entry] = {}
        converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
        con = sqlite3.connect(f"file:{data_dir / 'dataset.db'}?mode=ro", uri=True)
        try:
            new_prov, new_ward = self._codes_2025(con, converter)
            rows = con.execute(
                "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
                " districtType, districtCode, districtKey, districtAlias, ward, wardShort, wardType,"
                " wardCode, wardKey, wardAlias FROM admin_units_legacy").fetchall()
        finally:
            con.close()
        for (prov, prov_short, prov_code, prov_key, _dist, dist_short, dist_type, dist_code,
             dist_key, dist_alias, _ward, ward_short, ward_type, ward_code, ward_key,
             ward_alias) in rows:
            prov_name = _short_name(prov_short)
            dist_name = _short_name(dist_short)
            if ("province", prov_code) not in self._by_code:
                ptype = "thành phố" if prov.lower().startswith("thành phố") else "tỉnh"
                self._add(Entry("province", ptype, prov_name, prov_code,
                                code_2025=new_prov.get(prov_key)), None)
            if ("district", dist_code) not in self._by_code:
                self._add(Entry("district", _short_type(dist_type), dist_name, dist_code,
                                province=prov_name, province_code=prov_code), dist_alias)
            if ward_code and ("commune", ward_code) not in self._by_code:
                self._add(Entry("commune", _short_type(ward_type), _short_name(ward_short),
                                ward_code, dist_name, dist_code, prov_name, prov_code,
                                new_ward.get(f"{prov_key}_{dist_key}_{ward_key}")), ward_alias)
        self._load_aliases()

    @staticmethod
    def _codes_2025(con, converter) -> tuple[dict[str, str], dict[str, str]]:
        """old province key -> 2025 province code; "prov_dist_ward" old key -> 2025 commune
        code, for communes that went whole into one new commune."""
        prov_code = {}
        ward_code = {}
        for pkey, pcode, wkey, wcode in con.execute(
                "SELECT provinceKey, provinceCode, wardKey, wardCode FROM admin_units"):
            prov_code[pkey] = pcode
            ward_code[(pkey, ascii_key(wkey))] = wcode
        old_prov = {old: prov_code[new] for new, olds in converter["DICT_PROVINCE"].items()
                    for old in olds if new in prov_code}
        old_ward: dict[str, str | None] = {}
        for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_w, olds in wards.items():
                code = ward_code.get((new_p, ascii_key(new_w)))
                for old in olds:
                    # listed under two new communes: split, so no single answer
                    old_ward[old] = None if old in old_ward and old_ward[old] != code else code
        for wards in converter["DICT_PROVINCE_WARD_DIVIDED"].values():
            for old in wards:
                old_ward[old] = None
        return old_prov, {k: v for k, v in old_ward.items() if v}

    def _add(self, entry: Entry, aliases: str | None) -> None:
        self._by_code[(entry.level, entry.code)] = entry
        self._by_name[(entry.level, name_key(entry.name))].append(entry)
        for alias in json.loads(aliases) if aliases else []:
            # the register's alias lists hold former names of merged or renamed units
            self._former[(entry.level, alias)].append(entry)
            for prefix in TYPE_PREFIXES:
                if alias.startswith(prefix) and len(alias) > len(prefix) + 2:
                    self._former[(entry.level, alias[len(prefix):])].append(entry)
                    break

    def _load_aliases(self) -> None:
        for row in load_yaml("province_aliases.yml")["aliases"]:
            entry = self._by_code[("province", str(row["code"]))]
            entry = dataclasses.replace(entry, name=row.get("name", entry.name),
                                        type=row.get("type", entry.type))
            self._province_alias[name_key(str(row["alias"]))] = entry

    # ------------------------------------------------------------------ queries

    def lookup(self, level: str, name: str) -> list[Entry]:
        """Entries of `level` called `name` (any type of that level; tone/case-insensitive)."""
        k = name_key(name)
        if level == "province" and k in self._province_alias:
            return [self._province_alias[k]]
        return list(self._by_name.get((level, k), ()))

    def former(self, level: str, name: str) -> list[Entry]:
        """Current entries that absorbed (or renamed) a former unit called `name`. Never a
        link for that unit: only a hint of where it was."""
        k = ascii_key(name)
        found = self._former.get((level, k), [])
        return list(dict.fromkeys(found))

    def get(self, level: str, code: str) -> Entry | None:
        return self._by_code.get((level, code))

    def province_names(self) -> set[str]:
        """Keys of every province name and alias."""
        return {k for (lvl, k) in self._by_name if lvl == "province"} | set(self._province_alias)


@functools.cache
def gazetteer() -> Gazetteer:
    """The register, loaded on first use and shared by every later call."""
    return Gazetteer(_package_data())


def lookup(level: str, name: str) -> list[Entry]:
    return gazetteer().lookup(level, name)


def candidates(unit_type: str, name: str) -> list[Entry]:
    """Entries a unit written "`unit_type` `name`" may be, those of exactly that type first:
    every type of the level counts ("huyện Kim Bảng" -> "Thị xã Kim Bảng"); "thành phố" is a
    centrally-run city (a province) or a provincial city (a district)."""
    levels = ("province", "district") if unit_type == "thành phố" else (TYPE_LEVEL[unit_type],)
    found = [e for level in levels for e in lookup(level, name)
             if level != "province" or unit_type in ("tỉnh", e.type)]
    return sorted(found, key=lambda e: e.type != unit_type)


def former(level: str, name: str) -> list[Entry]:
    return gazetteer().former(level, name)


def get(level: str, code: str) -> Entry | None:
    return gazetteer().get(level, code)
