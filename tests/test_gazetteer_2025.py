"""The 2025 register beside the pre-2025 one: entries, predecessors, the conversion both ways
checked on a sample against the package's own converter (vietnamadminunits.convert_address)."""
import sqlite3

import pytest

from pipeline import gazetteer
from pipeline.resources import load_yaml
from pipeline.gazetteer import PRE_2025, REG_2025, get, lookup, name_key, province_code_2025

SAMPLE_STEP = 211  # about fifty of the pre-2025 communes, spread over the country


def new(level, name):
    return lookup(level, name, REG_2025)


@pytest.mark.parametrize("level,name,code_2025,province", [
    ("commune", "Nội Bài", "00433", "Hà Nội"),
    ("commune", "Văn Miếu - Quốc Tử Giám", "00226", "Hà Nội"),
    ("commune", "Văn Miếu – Quốc Tử Giám", "00226", "Hà Nội"),  # an en dash
    ("commune", "Thư Lâm", "00475", "Hà Nội"),
    ("commune", "Việt Trì", "07900", "Phú Thọ"),
    ("commune", "Vị Thanh 1", "31465", "Cần Thơ"),  # a numbered commune
    ("commune", "Phú Quốc", "31078", "An Giang"),  # a special zone
    ("province", "Phú Thọ", "25", None),
    ("province", "TPHCM", "79", None),  # an alias shared by both maps
])
def test_lookup_2025(level, name, code_2025, province):
    (entry,) = new(level, name)
    assert (entry.code_2025, entry.province, entry.register, entry.district) == (code_2025, province, REG_2025, None)


def test_old_names_are_not_in_the_2025_register():
    assert new("province", "Vĩnh Phúc") == [] and new("province", "Thừa Thiên Huế") == []
    assert new("district", "Phú Xuyên") == []  # no districts after 1 July 2025
    # "Văn Miếu" alone is a Phú Thọ commune on both maps, never the Hà Nội ward
    assert [e.province for e in lookup("commune", "Văn Miếu")] == ["Phú Thọ"]
    assert [e.province for e in new("commune", "Văn Miếu")] == ["Phú Thọ"]


def test_types_and_counts_of_the_2025_register():
    entries = gazetteer.gazetteer().entries(REG_2025, "commune")
    assert {e.type for e in entries} == {"xã", "phường", "đặc khu"}
    assert sum(e.type == "đặc khu" for e in entries) == 13


@pytest.mark.parametrize("level,name,code,predecessors", [
    ("province", "Phú Thọ", None, ("17", "25", "26")),  # Hòa Bình, Phú Thọ, Vĩnh Phúc
    ("province", "Hà Nội", "01", ("01",)),  # unchanged: keeps its pre-2025 code
    ("commune", "Chuyên Mỹ", None, ("10315", "10321", "10330", "10339", "10348")),
])
def test_predecessors_and_unchanged_code(level, name, code, predecessors):
    (entry,) = new(level, name)
    assert (entry.code, entry.predecessors) == (code, predecessors)


def test_an_unchanged_commune_keeps_its_code():
    unchanged = [e for e in gazetteer.gazetteer().entries(REG_2025, "commune") if e.code]
    assert unchanged
    for e in unchanged:
        old = get("commune", e.code)
        assert e.predecessors == (e.code,) and old.code_2025 == e.code_2025
        assert name_key(old.name) == name_key(e.name)


@pytest.mark.parametrize("register,code,code_2025,province,expected", [
    ("pre-2025", "26", "25", None, "25"),  # Vĩnh Phúc went into Phú Thọ
    ("pre-2025", "280", None, None, "01"),  # huyện Phú Xuyên: its province's
    ("pre-2025", "10321", "10330", None, "01"),
    ("2025", None, "00433", None, "01"),
    ("2025", None, "25", None, "25"),
    ("2025", None, None, "Hà Nội", "01"),  # not linked: its province's name
    (None, None, None, "Vĩnh Phúc", "25"),
    (None, None, None, None, None),
])
def test_province_code_2025(register, code, code_2025, province, expected):
    assert province_code_2025(register, code, code_2025, province) == expected


def _legacy_sample():
    data = gazetteer._package_data()
    con = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT ward, district, province, wardCode FROM admin_units_legacy"
                           " WHERE wardCode IS NOT NULL ORDER BY wardCode").fetchall()
    finally:
        con.close()
    return rows[::SAMPLE_STEP]


@pytest.mark.parametrize("ward,district,province,code", _legacy_sample(), ids=lambda v: str(v))
def test_conversion_both_ways_matches_the_package(ward, district, province, code):
    from vietnamadminunits import convert_address

    converted = convert_address(f"{ward}, {district}, {province}")
    old = get("commune", code)
    # old -> new: the new commune (a split commune: its default successor) and province
    assert (old.code_2025, old.province_code_2025) == (converted.ward_code, converted.province_code)
    # new -> old: the new commune lists the old one among its predecessors
    assert code in get("commune", old.code_2025, REG_2025).predecessors
    assert get("commune", old.code_2025, REG_2025).register == REG_2025 and old.register == PRE_2025


@pytest.mark.parametrize("row", load_yaml("province_aliases.yml")["aliases"], ids=lambda r: r["alias"])
def test_every_province_alias_in_the_2025_register(row):
    """A spelling of a name both maps share names the 2025 province the old one went into; an
    old name ("Thừa Thiên Huế") names the pre-2025 province only."""
    found = new("province", row["alias"])
    if "name" in row:
        assert found == []
    else:
        assert [e.code_2025 for e in found] == [get("province", row["code"]).code_2025]


@pytest.mark.parametrize("district,province,became", [
    ("Cô Tô", "Quảng Ninh", ("đặc khu", "Cô Tô")),  # every commune became the special zone
    ("Kiên Hải", "Kiên Giang", ("đặc khu", "Kiên Hải")),
    ("Mường Lay", "Điện Biên", ("phường", "Mường Lay")),
    ("Krông Pắc", "Đắk Lắk", None),  # shared out among several communes
    ("Phú Quốc", "Kiên Giang", None),  # split into two special zones
])
def test_a_district_maps_to_the_one_2025_unit_its_communes_all_became(district, province, became):
    [entry] = [e for e in lookup("district", district) if e.province == province]
    new = get("commune", entry.code_2025, REG_2025) if entry.code_2025 else None
    assert (None if new is None else (new.type, new.name)) == became
    if new is not None:  # ... as its communes did
        assert all(c.code_2025 == entry.code_2025 for c in gazetteer.gazetteer()._by_code.values()
                   if c.register == PRE_2025 and c.level == "commune" and c.district_code == entry.code)
