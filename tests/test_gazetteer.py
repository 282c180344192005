"""The register behind the link stage: lookups by level and folded name, codes, 2025 mapping."""
import subprocess
import sys

import pytest

from pipeline import gazetteer
from pipeline.gazetteer import ascii_key, candidates, former, get, lookup, name_key


def codes(level, name):
    return sorted(e.code for e in lookup(level, name))


@pytest.mark.parametrize("level,name,expected", [
    ("province", "Hà Nội", ["01"]),
    ("province", "Lạng Sơn", ["20"]),
    ("province", "HÀ NỘI", ["01"]),
    ("province", "Thanh Hoá", ["38"]),  # new tone placement
    ("province", "Thanh Hóa", ["38"]),
    ("district", "Phú Xuyên", ["280"]),
    ("district", "Kim Bảng", ["350"]),  # a thị xã in the register, a huyện in 2019 news
    ("district", "Lạng Sơn", ["178"]),  # the provincial city, not the province
    ("district", "1", ["760"]),  # "quận 1" after its type word
    ("district", "Quận 1", ["760"]),
    ("district", "Hồng Ngự", ["868", "870"]),  # register: "Hồng Ngự (Thành phố)", "Hồng Ngự (Huyện)"
    ("commune", "Chuyên Mỹ", ["10321"]),
    ("commune", "chuyên mỹ", ["10321"]),
    ("commune", "An Phước", ["23630", "26383", "28828", "29629", "29950"]),
    ("commune", "Thụy Phú", []),  # merged into Nam Tiến before 2025
    ("commune", "Chuyên Mỹ ", ["10321"]),
])
def test_lookup(level, name, expected):
    assert codes(level, name) == expected


def test_entry_fields():
    (commune,) = lookup("commune", "Chuyên Mỹ")
    assert (commune.level, commune.type, commune.name) == ("commune", "xã", "Chuyên Mỹ")
    assert (commune.district, commune.district_code, commune.province, commune.province_code) == (
        "Phú Xuyên", "280", "Hà Nội", "01")
    (district,) = lookup("district", "Kim Bảng")
    assert (district.type, district.province, district.province_code) == ("thị xã", "Hà Nam", "35")
    assert {e.name for e in lookup("district", "Hồng Ngự")} == {"Hồng Ngự"}
    assert get("province", "01").type == "thành phố" and get("province", "20").type == "tỉnh"


def test_63_provinces_before_and_34_after():
    assert len({e.code for e in gazetteer.gazetteer().entries("pre-2025", "province")}) == 63
    assert len({e.code_2025 for e in gazetteer.gazetteer().entries("2025", "province")}) == 34
    assert len(gazetteer.gazetteer().entries("2025", "commune")) == 3321


@pytest.mark.parametrize("level,code,code_2025", [
    ("province", "01", "01"),
    ("province", "35", "37"),  # Hà Nam went into Ninh Bình
    ("commune", "29950", "29944"),  # xã An Phước (Tân Hồng) went whole into one new commune
    # xã Tân Hồng (Bình Giang, Hải Dương) was split between two: its default successor, the
    # new commune the conversion data marks as taking most of it
    ("commune", "10972", "10972"),
    ("district", "280", None),  # the 2025 scheme has no districts
])
def test_code_2025(level, code, code_2025):
    assert get(level, code).code_2025 == code_2025


def test_former_names_point_to_the_absorbing_unit():
    assert [e.code for e in former("commune", "Thụy Phú")] == ["10282"]  # Nam Tiến
    assert [e.name for e in former("district", "Hoành Bồ")] == ["Hạ Long"]
    assert former("commune", "Chuyên Mỹ") == []


def test_province_aliases():
    (hcm,) = lookup("province", "HCM")
    assert (hcm.code, hcm.name, hcm.type) == ("79", "Hồ Chí Minh", "thành phố")
    (hue,) = lookup("province", "Thừa Thiên Huế")
    assert (hue.code, hue.name, hue.type) == ("46", "Thừa Thiên Huế", "tỉnh")
    assert lookup("district", "HCM") == []  # aliases are province names only


def test_keys():
    assert name_key("Bà Rịa – Vũng Tàu") == name_key("Bà Rịa-Vũng Tàu") == name_key("bà rịa - vũng tàu")
    assert name_key("Thuỵ  Phú") == name_key("Thụy Phú")
    assert name_key("Phường 12") == "12"
    assert ascii_key("Thụy Phú") == "thuyphu" and ascii_key("Đồng Tháp") == "dongthap"


def test_loaded_once_without_importing_the_package():
    assert gazetteer.gazetteer() is gazetteer.gazetteer()
    code = ("import sys; import pipeline.gazetteer as g; g.lookup('province', 'Hà Nội'); "
            "print('vietnamadminunits' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("unit_type,name,expected", [
    ("huyện", "Kim Bảng", [("thị xã", "350")]),  # another type of the same level
    ("xã", "An Phước", [("xã", "26383"), ("xã", "28828"), ("xã", "29629"), ("xã", "29950"),
                        ("phường", "23630")]),  # the exact type first
    ("thành phố", "Hà Nội", [("thành phố", "01")]),
    ("thành phố", "Lạng Sơn", [("thành phố", "178")]),  # not the province "tỉnh Lạng Sơn"
    ("tỉnh", "Lạng Sơn", [("tỉnh", "20")]),
    ("quận", "3", [("quận", "770")]),
    ("thị trấn", "Thụy Phú", []),
])
def test_candidates(unit_type, name, expected):
    assert [(e.type, e.code) for e in candidates(unit_type, name)] == expected


@pytest.mark.parametrize("a,b,same", [
    ("Phú Quý", "Phú Quí", True),   # the register's "Huyện Phú Quí", the news's "huyện Phú Quý"
    ("Kỳ Anh", "Kì Anh", True),
    ("Mỹ Tho", "Mĩ Tho", True),
    ("Quy Nhơn", "Qui Nhơn", True),
    ("Thụy Phú", "Thụi Phú", False),  # "uy" is a diphthong, not a lone "y"
    ("Huy Hoàng", "Hui Hoàng", False),
    ("Yên Bái", "Iên Bái", False),    # no consonant before the "y"
])
def test_a_lone_final_y_and_i_are_one_spelling(a, b, same):
    assert (gazetteer.name_key(a) == gazetteer.name_key(b)) is same


def test_a_district_the_register_spells_with_i_is_found_and_named_as_written():
    [entry] = gazetteer.lookup("district", "Phú Quý")
    assert (entry.name, entry.code, entry.province) == ("Phú Quí", "602", "Bình Thuận")
