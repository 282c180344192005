"""Service places of the 2025 map: the figures of "Trung tâm Phục vụ hành chính công xã X", of
its service points and branch offices belong to the unit named right after the place."""
import pytest

from pipeline.extract import extract_text
from pipeline.resources import load_yaml


def subjects(text: str, published: str = "2026-01-10") -> dict[str, str | None]:
    record = extract_text(text, published=published)
    units = {u["id"]: f"{u['type']} {u['name']}" for u in record["units"]}
    return {f["surface"]: units.get(f["subject"]["unit"]) for f in record["figures"]}


@pytest.mark.parametrize("place", load_yaml("unit_service_places.yml")["places"])
def test_every_service_place_gives_its_unit(place):
    text = f"{place[0].upper()}{place[1:]} phường Phú Lợi, thành phố Cần Thơ tiếp nhận 320 hồ sơ."
    assert subjects(text) == {"320": "phường Phú Lợi"}


@pytest.mark.parametrize("text,expected", [
    # the place's unit, not the parent address after it
    ("Trung tâm Phục vụ hành chính công xã Vị Thanh 1, thành phố Cần Thơ đã tiếp nhận 812 hồ sơ.",
     {"812": "xã Vị Thanh 1"}),
    ("Trung tâm Phục vụ hành chính công xã Thanh Ba (tỉnh Phú Thọ) tiếp nhận 1.250 hồ sơ, đạt 99% đúng hạn.",
     {"1.250": "xã Thanh Ba", "99%": "xã Thanh Ba"}),
    ("Điểm phục vụ hành chính công đặc khu Côn Đảo, Thành phố Hồ Chí Minh tiếp nhận 210 hồ sơ.",
     {"210": "đặc khu Côn Đảo"}),
    # two places in one sentence: each figure the unit of its own place
    ("Tại tỉnh Quảng Ninh, Trung tâm PVHCC tỉnh tiếp nhận 5.000 hồ sơ; Trung tâm PVHCC phường Hạ "
     "Long, tỉnh Quảng Ninh tiếp nhận 700 hồ sơ.", {"5.000": "tỉnh Quảng Ninh", "700": "phường Hạ Long"}),
    # a unit right after the figure's noun still wins: "... 650 hồ sơ tại phường X"
    ("Chi nhánh Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng tiếp nhận 650 hồ sơ tại phường "
     "Xuân Hương - Đà Lạt.", {"650": "phường Xuân Hương - Đà Lạt"}),
])
def test_service_place_subjects(text, expected):
    assert subjects(text) == expected
