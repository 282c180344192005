"""Administrative units: mentions, names and register links (price-parser style tables).

Each `Example` lists every unit the text names, in order of first mention, with its type,
canonical name, pre-2025 code and the surface of every mention (`text[s:e]`)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings, strategies as st

from conftest import grouped_cases
from pipeline import gazetteer
from pipeline.resources import load_yaml
from pipeline.segment import segment
from pipeline.units import extract_units

ANY = object()  # a field the example does not check


@dataclass
class U:
    type: str
    name: str
    code: str | None
    mentions: list[str]
    district: object = ANY
    province: object = ANY


@dataclass
class Example:
    text: str
    units: list[U]
    warnings: list[str] = field(default_factory=list)


def extract(text: str):
    text = unicodedata.normalize("NFC", text)  # ingest's job; the units stage expects NFC
    units, warnings = extract_units(segment(text, (0, len(text))))
    return text, units, warnings


def check(ex: Example) -> None:
    text, units, warnings = extract(ex.text)
    got = [(u["type"], u["name"], u["code"], [text[s:e] for s, e in u["mentions"]]) for u in units]
    assert got == [(u.type, u.name, u.code, u.mentions) for u in ex.units]
    assert [u["id"] for u in units] == [f"u{i}" for i in range(1, len(units) + 1)]
    for want, u in zip(ex.units, units):
        if want.district is not ANY:
            assert u["district"] == want.district, u
        if want.province is not ANY:
            assert u["province"] == want.province, u
        for s, e in u["mentions"]:
            assert unicodedata.is_normalized("NFC", text[s:e])
    assert warnings == ex.warnings


CHUYEN_MY = U("xã", "Chuyên Mỹ", "10321", ["xã Chuyên Mỹ"], "Phú Xuyên", "Hà Nội")
PHU_XUYEN = U("huyện", "Phú Xuyên", "280", ["huyện Phú Xuyên"], None, "Hà Nội")

GROUPS: dict[str, list[Example]] = {
    "typed": [
        Example("Đoàn làm việc tại xã Chuyên Mỹ, huyện Phú Xuyên.", [CHUYEN_MY, PHU_XUYEN]),
        Example("UBND huyện Tân Hồng ban hành kế hoạch.",
                [U("huyện", "Tân Hồng", "869", ["huyện Tân Hồng"], None, "Đồng Tháp")]),
        Example("Giám sát tại thị trấn Phú Minh (huyện Phú Xuyên).",
                [U("thị trấn", "Phú Minh", "10270", ["thị trấn Phú Minh"], "Phú Xuyên", "Hà Nội"),
                 PHU_XUYEN]),
        Example("288 hồ sơ ở phường Cống Vị, quận Ba Đình đã được ký.",
                [U("phường", "Cống Vị", "00007", ["phường Cống Vị"], "Ba Đình", "Hà Nội"),
                 U("quận", "Ba Đình", "001", ["quận Ba Đình"], None, "Hà Nội")]),
        Example("Thị xã Kim Bảng đạt kết quả tốt.", [U("thị xã", "Kim Bảng", "350", ["Thị xã Kim Bảng"])]),
        Example("tại UBND thành phố Lạng Sơn và tỉnh Lạng Sơn",
                [U("thành phố", "Lạng Sơn", "178", ["thành phố Lạng Sơn"], None, "Lạng Sơn"),
                 U("tỉnh", "Lạng Sơn", "20", ["tỉnh Lạng Sơn"], None, None)]),
        Example("Đoàn giám sát của HĐND TP Hà Nội làm việc.",
                [U("thành phố", "Hà Nội", "01", ["TP Hà Nội"], None, None)]),
        Example("Người dân TP. Đà Nẵng hài lòng.", [U("thành phố", "Đà Nẵng", "48", ["TP. Đà Nẵng"])]),
        Example("Bộ phận một cửa Quận 1 và quận 3 của TP.HCM.",
                [U("quận", "1", "760", ["Quận 1"], None, "Hồ Chí Minh"),
                 U("quận", "3", "770", ["quận 3"], None, "Hồ Chí Minh"),
                 U("thành phố", "Hồ Chí Minh", "79", ["TP.HCM"])]),
        Example("một người dân phường 12, quận 3 phát biểu",
                [U("phường", "12", "27130", ["phường 12"], "Quận 3", "Hồ Chí Minh"),
                 U("quận", "3", "770", ["quận 3"])]),
        # a number that counts after a type word is no numbered unit
        Example("Quận Ninh Kiều tiếp nhận 58.426 hồ sơ (cấp quận 21.310 hồ sơ, cấp phường 36.916 hồ sơ).",
                [U("quận", "Ninh Kiều", "916", ["Quận Ninh Kiều"], None, "Cần Thơ")]),
        Example("Phường Hương Thủy: Trung tâm Phục vụ hành chính công phường 10 tháng qua tiếp nhận 9.847 hồ sơ.",
                [U("phường", "Hương Thủy", None, ["Phường Hương Thủy"])]),
        Example("2019: huyện Kim Bảng tăng cường tuyên truyền",  # the register says "Thị xã"
                [U("huyện", "Kim Bảng", "350", ["huyện Kim Bảng"], None, "Hà Nam")]),
    ],
    "type_word_case": [
        Example("Xã Chuyên Mỹ thực hiện tốt; Huyện Phú Xuyên cũng vậy.",
                [U("xã", "Chuyên Mỹ", "10321", ["Xã Chuyên Mỹ"]),
                 U("huyện", "Phú Xuyên", "280", ["Huyện Phú Xuyên"])]),
        Example("Tp. Hồ Chí Minh dẫn đầu", [U("thành phố", "Hồ Chí Minh", "79", ["Tp. Hồ Chí Minh"])]),
        Example("Thành phố Hà Nội đã yêu cầu", [U("thành phố", "Hà Nội", "01", ["Thành phố Hà Nội"])]),
        Example("TỈNH LẠNG SƠN: kết quả CCHC", [U("tỉnh", "Lạng Sơn", "20", ["TỈNH LẠNG SƠN"])]),
    ],
    "coordination": [
        Example("cải cách hành chính tại xã Chuyên Mỹ và Thụy Phú, huyện Phú Xuyên",
                [CHUYEN_MY,
                 U("xã", "Thụy Phú", None, ["Thụy Phú"], "Phú Xuyên", "Hà Nội"),
                 PHU_XUYEN]),
        Example("tại xã Chuyên Mỹ và xã Thụy Phú trong năm 2018",
                [U("xã", "Chuyên Mỹ", "10321", ["xã Chuyên Mỹ"]),
                 U("xã", "Thụy Phú", None, ["xã Thụy Phú"], "Phú Xuyên", "Hà Nội")]),
        Example("các xã Chuyên Mỹ, Phú Túc và Hồng Minh của huyện Phú Xuyên",
                [U("xã", "Chuyên Mỹ", "10321", ["xã Chuyên Mỹ"]),
                 U("xã", "Phú Túc", "10294", ["Phú Túc"]),
                 U("xã", "Hồng Minh", "10276", ["Hồng Minh"]),
                 PHU_XUYEN]),
        Example("ở quận 1, 3, 11 và Bình Thạnh của TPHCM",
                [U("quận", "1", "760", ["quận 1"]), U("quận", "3", "770", ["3"]),
                 U("quận", "11", "772", ["11"]), U("quận", "Bình Thạnh", "765", ["Bình Thạnh"]),
                 U("thành phố", "Hồ Chí Minh", "79", ["TPHCM"])]),
        # a ranking list: each name followed by a short bracketed value
        Example("Đứng cuối là huyện Thanh Oai (hơn 81%); Ứng Hòa (hơn 80%) và Phú Xuyên (trên 77%).",
                [U("huyện", "Thanh Oai", "278", ["huyện Thanh Oai"]), U("huyện", "Ứng Hòa", "281", ["Ứng Hòa"]),
                 U("huyện", "Phú Xuyên", "280", ["Phú Xuyên"])]),
        # a name after "và" that the register does not know is only kept if typed elsewhere
        Example("UBND huyện Tân Hồng và Sở Nội vụ làm việc",
                [U("huyện", "Tân Hồng", "869", ["huyện Tân Hồng"])]),
        Example("UBND xã Chuyên Mỹ và Sở Nội vụ làm việc", [U("xã", "Chuyên Mỹ", "10321", ["xã Chuyên Mỹ"])]),
        Example("xã Chuyên Mỹ và Kim Ngân. Chủ tịch UBND xã Kim Ngân cho biết",
                [U("xã", "Chuyên Mỹ", "10321", ["xã Chuyên Mỹ"]),
                 U("xã", "Kim Ngân", None, ["Kim Ngân", "xã Kim Ngân"], "Phú Xuyên", "Hà Nội")]),
    ],
    "unregistered_numbered_districts": [
        # dissolved before the register's date (Quận 2, Quận 9: TP Thủ Đức in 2021), kept without a
        # code, and saying nothing about where the ward named with it lies
        Example("Tại Quận 2, người dân nộp hồ sơ trực tuyến.", [U("quận", "2", None, ["Quận 2"])]),
        Example("Ông A, chủ tịch UBND P. Trường Thạnh (Q. 9), cho biết.",
                [U("phường", "Trường Thạnh", "26854", ["P. Trường Thạnh"]), U("quận", "9", None, ["Q. 9"])]),
    ],
    "abbreviations": [
        Example("TP.HCM thành lập tổ kiểm tra", [U("thành phố", "Hồ Chí Minh", "79", ["TP.HCM"])]),
        Example("Trên 80 % dân TP. HCM hài lòng", [U("thành phố", "Hồ Chí Minh", "79", ["TP. HCM"])]),
        Example("TPHCM: chấm dứt cảnh đi lại", [U("thành phố", "Hồ Chí Minh", "79", ["TPHCM"])]),
        Example("Người dân TP HCM và TP Hồ Chí Minh",
                [U("thành phố", "Hồ Chí Minh", "79", ["TP HCM", "TP Hồ Chí Minh"])]),
        Example("Tại UBND P. 15 (Q. Bình Thạnh, TP. HCM) chị Hương",
                [U("phường", "15", None, ["P. 15"], "Bình Thạnh", "Hồ Chí Minh"),
                 U("quận", "Bình Thạnh", "765", ["Q. Bình Thạnh"]),
                 U("thành phố", "Hồ Chí Minh", "79", ["TP. HCM"])]),
        Example("một người dân ở P. 4 ( Q. Tân Bình ) phát biểu",  # a one-digit ward is no initial
                [U("phường", "4", "26968", ["P. 4"], "Tân Bình", "Hồ Chí Minh"),
                 U("quận", "Tân Bình", "766", ["Q. Tân Bình"], None, "Hồ Chí Minh")]),
        Example("cán bộ hộ tịch UBND P. 11, Q. Gò Vấp cho biết",
                [U("phường", "11", "26899", ["P. 11"], "Gò Vấp", "Hồ Chí Minh"),
                 U("quận", "Gò Vấp", "764", ["Q. Gò Vấp"])]),
        Example("chị Hạnh, ngụ H.Bình Chánh, chia sẻ", [U("huyện", "Bình Chánh", "785", ["H.Bình Chánh"])]),
        Example("UBND X. An Phước (H. Tân Hồng) tiếp nhận",
                [U("xã", "An Phước", "29950", ["X. An Phước"], "Tân Hồng", "Đồng Tháp"),
                 U("huyện", "Tân Hồng", "869", ["H. Tân Hồng"])]),
        Example("TX. Kim Bảng tăng cường tuyên truyền", [U("thị xã", "Kim Bảng", "350", ["TX. Kim Bảng"])]),
        # "Phú Minh" is a xã in Sóc Sơn and a thị trấn in Phú Xuyên: the type word decides
        Example("UBND TT. Phú Minh tiếp nhận", [U("thị trấn", "Phú Minh", "10270", ["TT. Phú Minh"])]),
        Example("UBND xã Phú Minh tiếp nhận", [U("xã", "Phú Minh", "00445", ["xã Phú Minh"], "Sóc Sơn")]),
        # ... unless the article places it elsewhere: thị trấn Phú Minh is not in Hà Nam
        Example("TX. Kim Bảng và TT. Phú Minh",
                [U("thị xã", "Kim Bảng", "350", ["TX. Kim Bảng"]),
                 U("thị trấn", "Phú Minh", None, ["TT. Phú Minh"], None, None)],
                ["ambiguous unit: thị trấn Phú Minh (2 candidates)"]),
    ],
    "upper_case_headline": [
        Example("HĐND HUYỆN GIÁM SÁT TẠI XÃ CHUYÊN MỸ VÀ THỤY PHÚ",
                [U("xã", "Chuyên Mỹ", "10321", ["XÃ CHUYÊN MỸ"]), U("xã", "Thụy Phú", None, ["THỤY PHÚ"])]),
        Example("UBND HUYỆN TÂN HỒNG TỔ CHỨC HỘI NGHỊ",
                [U("huyện", "Tân Hồng", "869", ["HUYỆN TÂN HỒNG"])]),
        # an unknown name in capitals cannot be told from the rest of the headline
        Example("XÃ ANH HÙNG NÔNG THÔN MỚI", []),
    ],
    "tone_placement_and_nfd": [
        Example("tại xã Thuỵ Phú và xã Thụy Phú", [U("xã", "Thụy Phú", None, ["xã Thuỵ Phú", "xã Thụy Phú"])]),
        Example("Chủ tịch UBND tỉnh Thanh Hoá ký văn bản", [U("tỉnh", "Thanh Hóa", "38", ["tỉnh Thanh Hoá"])]),
        Example("tỉnh Khánh Hoà và tỉnh Hoà Bình",
                [U("tỉnh", "Khánh Hòa", "56", ["tỉnh Khánh Hoà"]),
                 U("tỉnh", "Hòa Bình", "17", ["tỉnh Hoà Bình"])]),
        Example(unicodedata.normalize("NFD", "tại xã Chuyên Mỹ, huyện Phú Xuyên"), [CHUYEN_MY, PHU_XUYEN]),
    ],
    "bare_province": [
        Example("Đà Nẵng dẫn đầu chỉ số cải cách hành chính",
                [U("thành phố", "Đà Nẵng", "48", ["Đà Nẵng"])]),
        Example("Ngân hàng Nhà nước và Quảng Ninh dẫn đầu", [U("tỉnh", "Quảng Ninh", "22", ["Quảng Ninh"])]),
        Example("Tại Hà Nội, Hải Phòng và Cần Thơ, thủ tục được rút gọn.",
                [U("thành phố", "Hà Nội", "01", ["Hà Nội"]), U("thành phố", "Hải Phòng", "31", ["Hải Phòng"]),
                 U("thành phố", "Cần Thơ", "92", ["Cần Thơ"])]),
        Example("Thừa Thiên - Huế khai trương Trung tâm hành chính công",
                [U("tỉnh", "Thừa Thiên Huế", "46", ["Thừa Thiên - Huế"])]),
        Example("các tỉnh Quảng Ninh, Bạc Liêu, Bà Rịa - Vũng Tàu cải thiện nhiều",
                [U("tỉnh", "Quảng Ninh", "22", ["tỉnh Quảng Ninh"]), U("tỉnh", "Bạc Liêu", "95", ["Bạc Liêu"]),
                 U("tỉnh", "Bà Rịa - Vũng Tàu", "77", ["Bà Rịa - Vũng Tàu"])]),
        # a province named after a type word of another kind keeps the register's type
        Example("ba tỉnh Đắk Nông, Hưng Yên và Hải Phòng sụt giảm",
                [U("tỉnh", "Đắk Nông", "67", ["tỉnh Đắk Nông"]), U("tỉnh", "Hưng Yên", "33", ["Hưng Yên"]),
                 U("thành phố", "Hải Phòng", "31", ["Hải Phòng"])]),
        Example("Sở Tư pháp họp tại Hà Nội", [U("thành phố", "Hà Nội", "01", ["Hà Nội"])]),
        Example("Tin tức\n   Tại Đà Nẵng, thủ tục được rút gọn",  # the paragraph's first word
                [U("thành phố", "Đà Nẵng", "48", ["Đà Nẵng"])]),
        Example("Quận Thanh Khê (Đà Nẵng) thí điểm",
                [U("quận", "Thanh Khê", "491", ["Quận Thanh Khê"], None, "Đà Nẵng"),
                 U("thành phố", "Đà Nẵng", "48", ["Đà Nẵng"])]),
    ],
    "bare_repeated": [
        Example("xã Thụy Phú đã tổ chức. Tổ giám sát làm việc tại Thụy Phú",
                [U("xã", "Thụy Phú", None, ["xã Thụy Phú", "Thụy Phú"])]),
        Example("Kim Bảng tăng cường tuyên truyền\nChính quyền huyện Kim Bảng tập trung chỉ đạo.",
                [U("huyện", "Kim Bảng", "350", ["Kim Bảng", "huyện Kim Bảng"])]),
        Example("người dân quận Hà Đông ... bộ phận một cửa tại Hà Đông đông nhất",
                [U("quận", "Hà Đông", "268", ["quận Hà Đông", "Hà Đông"])]),
        # a name ending in "y", whose key spells it "i": found as written
        Example("Tam Kỳ xếp thứ 2\nỞ khối cấp huyện, thành phố Tam Kỳ đạt 89,31 điểm.",
                [U("thành phố", "Tam Kỳ", "502", ["Tam Kỳ", "thành phố Tam Kỳ"])]),
        # a district and the town at its seat share a name: said alone, it is the district
        Example("thị trấn Phú Xuyên thuộc huyện Phú Xuyên. Phú Xuyên phát triển",
                [U("thị trấn", "Phú Xuyên", "10273", ["thị trấn Phú Xuyên"], "Phú Xuyên", "Hà Nội"),
                 U("huyện", "Phú Xuyên", "280", ["huyện Phú Xuyên", "Phú Xuyên"])]),
        # ... but the same name at two levels otherwise could be either, so it is neither (on the
        # 2025 map an abolished district's name lives on as a commune's)
        Example("xã Bảo Yên được thành lập từ huyện Bảo Yên (cũ). Bảo Yên phát triển",
                [U("xã", "Bảo Yên", None, ["xã Bảo Yên"]),
                 U("huyện", "Bảo Yên", "087", ["huyện Bảo Yên"])]),
    ],
    "inside_organisation_names": [
        Example("UBND huyện Tân Hồng tổ chức hội nghị",
                [U("huyện", "Tân Hồng", "869", ["huyện Tân Hồng"])]),
        Example("HĐND TP Hà Nội chất vấn", [U("thành phố", "Hà Nội", "01", ["TP Hà Nội"])]),
        Example("Cục Thuế Thành phố Hà Nội tiếp nhận", [U("thành phố", "Hà Nội", "01", ["Thành phố Hà Nội"])]),
        Example("Ban Thường vụ Huyện ủy Tân Hồng và UBND huyện Tân Hồng",
                [U("huyện", "Tân Hồng", "869", ["Tân Hồng", "huyện Tân Hồng"])]),
    ],
    "ambiguity_and_linking": [
        Example("UBND xã An Phước tiếp nhận hồ sơ",
                [U("xã", "An Phước", None, ["xã An Phước"], None, None)],
                ["ambiguous unit: xã An Phước (5 candidates)"]),
        Example("Công chức UBND xã An Phước (huyện Tân Hồng) tiếp nhận",
                [U("xã", "An Phước", "29950", ["xã An Phước"], "Tân Hồng", "Đồng Tháp"),
                 U("huyện", "Tân Hồng", "869", ["huyện Tân Hồng"])]),
        Example("xã An Phước, huyện Mang Thít",
                [U("xã", "An Phước", "29629", ["xã An Phước"], "Mang Thít", "Vĩnh Long"),
                 U("huyện", "Mang Thít", "858", ["huyện Mang Thít"])]),
        Example("xã An Phước thuộc huyện Long Thành",
                [U("xã", "An Phước", "26383", ["xã An Phước"]),
                 U("huyện", "Long Thành", "740", ["huyện Long Thành"])]),
        # the province elsewhere in the article picks the commune
        Example("Sở Nội vụ tỉnh Đồng Nai cho biết. Người dân xã An Phước hài lòng.",
                [U("tỉnh", "Đồng Nai", "75", ["tỉnh Đồng Nai"]),
                 U("xã", "An Phước", "26383", ["xã An Phước"], "Long Thành", "Đồng Nai")]),
        # a district named ten times and a commune named five times pick each other
        Example("huyện Châu Thành có xã An Phước",
                [U("huyện", "Châu Thành", "831", ["huyện Châu Thành"], None, "Bến Tre"),
                 U("xã", "An Phước", "28828", ["xã An Phước"])]),
        # a bare district and province after a comma are the commune's parents
        Example("xã An Phước, Tân Hồng, Đồng Tháp",
                [U("xã", "An Phước", "29950", ["xã An Phước"]), U("huyện", "Tân Hồng", "869", ["Tân Hồng"]),
                 U("tỉnh", "Đồng Tháp", "87", ["Đồng Tháp"])]),
        # merged before 2025: no code (never the code of the commune that absorbed it)
        Example("UBND xã Thụy Phú báo cáo", [U("xã", "Thụy Phú", None, ["xã Thụy Phú"], None, None)]),
        # names the register does not know are kept for communes, as written ...
        Example("UBND xã Vạn Phúc Thượng tổ chức", [U("xã", "Vạn Phúc Thượng", None, ["xã Vạn Phúc Thượng"])]),
        # ... cut before a person's name that follows them
        Example("Chủ tịch UBND xã Kim Ngân Nguyễn Văn Hội phát biểu",
                [U("xã", "Kim Ngân", None, ["xã Kim Ngân"])]),
        # ... but not for districts and provinces, which the register lists in full
        Example("Chủ tịch UBND huyện Kim Ngân phát biểu", []),
        Example("huyện Hồng Ngự và thành phố Hồng Ngự",  # register: "Hồng Ngự (Huyện)"
                [U("huyện", "Hồng Ngự", "870", ["huyện Hồng Ngự"]),
                 U("thành phố", "Hồng Ngự", "868", ["thành phố Hồng Ngự"])]),
    ],
    "not_units": [
        Example("HĐND huyện giám sát công tác cải cách hành chính", []),
        Example("được triển khai đồng bộ ở các xã, thị trấn", []),
        Example("Bên cạnh đó, xã đã làm tốt việc rà soát", []),
        Example("Phó Chủ tịch Thường trực HĐND TP Phùng Thị Hồng Hà đề nghị", []),
        Example("Phó Thủ tướng Trương Hòa Bình phát biểu", []),
        Example("Cục Thuế Hà Nội tiếp nhận hồ sơ", []),
        Example("Sở Giao thông vận tải Hà Nội cho biết", []),
        Example("Cảng vụ Hàng hải Quảng Ninh thí điểm", []),
        Example("Bảo hiểm Xã Hội Việt Nam", []),
        Example("Đại hội Xã Viên Thành Công", []),
        Example("Hợp tác xã Thành Công được thành lập", []),
        Example("Theo ông Thái Bình, thủ tục đã giảm", []),
        Example("tàu vượt Thái Bình Dương", []),
        Example("theo tư tưởng Hồ Chí Minh", []),
        Example("Tại Huế, du khách đông", []),
        Example("các tỉnh Tây Nguyên đều tăng", []),
        Example("Xem nội dung ở đây. P.V", []),
        Example("Chủ tịch UBND Thành phố Nguyễn Đức Chung", []),
        Example("nỗ lực phát triển của TP. Bên cạnh đó, thủ tục", []),
        Example("Bí thư Thành uỷ về dự", []),
    ],
    # a title, a unit's bare name as its organisation, then the person's full name
    "title_unit_person": [
        Example("Bí thư Hà Nội Hoàng Trung Hải làm việc", [U("thành phố", "Hà Nội", "01", ["Hà Nội"])]),
        Example("Chủ tịch Đà Nẵng Nguyễn Văn Quảng phát biểu", [U("thành phố", "Đà Nẵng", "48", ["Đà Nẵng"])]),
        # without the title, a capitalised run is a name of its own
        Example("Ông Nguyễn Thái Bình phát biểu", []),
        # a bare commune word, then the person holding the post: no commune of that name
        Example("Bí thư Đảng ủy phường Hà Văn Tuấn và Chủ tịch UBND phường Đặng Thị Hường đồng chủ trì.", []),
        Example("Phó Chủ tịch UBND xã Nguyễn Thị Kim Ngân được giao theo dõi.", []),
        # ... also when a commune has the family name for a name ("xã Hoàng")
        Example("Phát biểu kết luận, Chủ tịch UBND xã Hoàng Văn Thịnh ghi nhận nỗ lực.", []),
        Example("Tại phường Hoàng Văn Thụ, thành phố Thái Nguyên có 30 hồ sơ.",
                [U("phường", "Hoàng Văn Thụ", "05440", ["phường Hoàng Văn Thụ"]),
                 U("thành phố", "Thái Nguyên", "164", ["thành phố Thái Nguyên"])]),
        # ... but a ward the register names after a person stays one
        Example("Chủ tịch UBND phường Nguyễn Văn Cừ, TP Quy Nhơn cho biết.",
                [U("phường", "Nguyễn Văn Cừ", "21592", ["phường Nguyễn Văn Cừ"], "Quy Nhơn", "Bình Định"),
                 U("thành phố", "Quy Nhơn", "540", ["TP Quy Nhơn"], None, "Bình Định")]),
    ],
    "implied_province": [
        # a report about a province that names only its districts: "tỉnh" is that province
        Example("Tổng kết CCHC năm 2020\n\nSáng 14/1, UBND tỉnh tổ chức hội nghị. Huyện Đăk Hà dẫn đầu."
                "\n\nToàn tỉnh tiếp nhận 96.215 hồ sơ. Tỉnh đã công bố 1.834 TTHC.",
                [U("tỉnh", "Kon Tum", "62", ["tỉnh", "tỉnh", "Tỉnh"]),
                 U("huyện", "Đăk Hà", "615", ["Huyện Đăk Hà"])]),
        # ... also on the 2025 map, from a commune's province
        Example("Xã Yên Lạc tổng kết năm 2025\n\nSau 6 tháng vận hành chính quyền địa phương 2 cấp, theo chỉ đạo của UBND tỉnh, xã Yên Lạc đạt 98%.\n\n"
                "Trên địa bàn tỉnh, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 20.000 hồ sơ.",
                [U("xã", "Yên Lạc", None, ["Xã Yên Lạc", "xã Yên Lạc"]),
                 U("tỉnh", "Phú Thọ", None, ["tỉnh", "tỉnh", "tỉnh"])]),
        # one passing reference in a district's report implies nothing
        Example("Huyện Đăk Hà đạt 98%\n\nHuyện Đăk Hà dẫn đầu.\n\nHồ sơ nộp qua cổng dịch vụ công của tỉnh.",
                [U("huyện", "Đăk Hà", "615", ["Huyện Đăk Hà", "Huyện Đăk Hà"])]),
        # ... nor references outside the headline, sapo and opening paragraph
        Example("Huyện Đăk Hà đạt 98%\n\nHuyện Đăk Hà dẫn đầu.\n\nXã Đăk Mar có 5 hồ sơ.\n\n"
                "UBND tỉnh khen. Toàn tỉnh có 9 đơn vị. Tỉnh đã làm.",
                [U("huyện", "Đăk Hà", "615", ["Huyện Đăk Hà", "Huyện Đăk Hà"]),
                 U("xã", "Đăk Mar", "23512", ["Xã Đăk Mar"])]),
        # ... nor plurals, counts and levels ("các tỉnh", "63 tỉnh", "cấp tỉnh")
        Example("Huyện Đăk Hà đạt 98%\n\nCác tỉnh và cấp tỉnh học hỏi; 63 tỉnh, thành phố; liên tỉnh; Tỉnh ủy.",
                [U("huyện", "Đăk Hà", "615", ["Huyện Đăk Hà"])]),
        # ... nor units in two provinces
        Example("Tổng kết\n\nUBND tỉnh khen huyện Đăk Hà và huyện Tân Hồng. Toàn tỉnh đạt. Tỉnh đã làm.",
                [U("huyện", "Đăk Hà", "615", ["huyện Đăk Hà"]),
                 U("huyện", "Tân Hồng", "869", ["huyện Tân Hồng"])]),
        # ... nor anything when the article names a province
        Example("Tổng kết\n\nUBND tỉnh Kon Tum khen huyện Đăk Hà. Toàn tỉnh đạt. Tỉnh đã làm.",
                [U("tỉnh", "Kon Tum", "62", ["tỉnh Kon Tum"]),
                 U("huyện", "Đăk Hà", "615", ["huyện Đăk Hà"])]),
    ],
}

CASES = grouped_cases(GROUPS)


@pytest.mark.parametrize("ex", CASES)
def test_units(ex):
    check(ex)


KNOWN_FAILURES = [
    # bare names in an all-capitals headline are not read
    Example("HÀ NỘI DẪN ĐẦU CHỈ SỐ CẢI CÁCH", [U("thành phố", "Hà Nội", "01", ["HÀ NỘI"])]),
    # an unregistered three-syllable name followed by a person's name is cut to two syllables
    Example("Chủ tịch UBND xã Vạn Phúc Thượng Nguyễn Văn Hội phát biểu",
            [U("xã", "Vạn Phúc Thượng", None, ["xã Vạn Phúc Thượng"])]),
    # a misspelt name is not linked ("Năng" for "Nẵng")
    Example("Tại UBND TP Đà Năng", [U("thành phố", "Đà Nẵng", "48", ["TP Đà Năng"])]),
]


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("ex", KNOWN_FAILURES)
def test_known_failures(ex):
    check(ex)


# --------------------------------------------------------------------------- lexicon coverage


def _only(text: str) -> dict:
    text, units, _ = extract(text)
    assert len(units) == 1, units
    return units[0]


@pytest.mark.parametrize("row", load_yaml("province_aliases.yml")["aliases"], ids=lambda r: r["alias"])
def test_every_province_alias(row):
    alias = row["alias"]
    utype = row.get("type") or gazetteer.get("province", row["code"]).type
    typed_alias = alias in load_yaml("province_aliases.yml")["typed"]
    texts = [f"Người dân {alias} hài lòng"] if typed_alias else [
        f"Người dân {'TP' if utype == 'thành phố' else 'tỉnh'} {alias} hài lòng"]
    if not typed_alias and not alias.isupper():
        texts.append(f"Người dân {alias} hài lòng")  # all-capital names are never read bare
    for text in texts:
        unit = _only(text)
        assert (unit["type"], unit["code"]) == (utype, row["code"])
        assert unit["name"] == row.get("name", gazetteer.get("province", row["code"]).name)
        assert text[slice(*unit["mentions"][0])].endswith(alias)


@pytest.mark.parametrize("word,utype", load_yaml("unit_types.yml")["types"].items())
def test_every_type_word(word, utype):
    name = {"xã": "Chuyên Mỹ", "phường": "Cống Vị", "thị trấn": "Phú Minh", "huyện": "Phú Xuyên",
            "quận": "Ba Đình", "thị xã": "Kim Bảng", "thành phố": "Hà Nội", "tỉnh": "Lạng Sơn",
            "đặc khu": "Phú Quốc"}[utype]
    written = word.upper() if word.startswith("tp") else word
    text = f"Làm việc tại {written} {name} hôm qua"
    unit = _only(text)
    # a special zone exists on the 2025 map only: its code is a 2025 code
    code = unit["code_2025"] if utype == "đặc khu" else unit["code"]
    assert (unit["type"], unit["name"]) == (utype, name) and code is not None
    assert text[slice(*unit["mentions"][0])] == f"{written} {name}"


@pytest.mark.parametrize("word,utype", load_yaml("unit_types.yml")["abbreviations"].items())
def test_every_abbreviation(word, utype):
    name = {"xã": "Chuyên Mỹ", "phường": "Cống Vị", "thị trấn": "Phú Minh", "huyện": "Phú Xuyên",
            "quận": "Ba Đình", "thị xã": "Kim Bảng"}[utype]
    unit = _only(f"Làm việc tại {word.upper()}{name} hôm qua")
    assert (unit["type"], unit["name"]) == (utype, name) and unit["code"] is not None


@pytest.mark.parametrize("word,utype", load_yaml("unit_types.yml")["organs"].items())
def test_every_organ(word, utype):
    name = {"tỉnh": "Lạng Sơn", "thành phố": "Hà Nội", "huyện": "Tân Hồng", "quận": "Ba Đình",
            "thị xã": "Kim Bảng"}[utype]
    text = f"Ban Thường vụ {word.capitalize()} {name} chỉ đạo"
    unit = _only(text)
    assert (unit["type"], unit["name"]) == (utype, name) and unit["code"] is not None
    assert text[slice(*unit["mentions"][0])] == name


@pytest.mark.parametrize("word", load_yaml("unit_types.yml")["not_after_type"])
def test_every_word_that_ends_a_type(word):
    assert extract(f"Đại hội Xã {word.capitalize()} Thành Công Việt Nam")[1] == []


@pytest.mark.parametrize("text,name", [
    # the words that end "xã" may start a name after another type word
    ("Năm 2022, thành phố Hội An dẫn đầu khối cấp huyện.", "Hội An"),
])
def test_a_word_ending_xa_may_start_another_units_name(text, name):
    assert [u["name"] for u in extract(text)[1]] == [name]


@pytest.mark.parametrize("word", load_yaml("unit_types.yml")["not_before_type"])
def test_every_word_before_a_type(word):
    assert extract(f"Thành lập {word} xã Thành Công")[1] == []


PROVINCE_REPORT = "Tổng kết\n\nUBND tỉnh khen huyện Đăk Hà. Toàn tỉnh đạt 98%. {} tỉnh đã làm."


def test_a_province_report_implies_its_province():
    assert [u["name"] for u in extract(PROVINCE_REPORT.format("Năm nay"))[1]] == ["Kon Tum", "Đăk Hà"]


@pytest.mark.parametrize("word", load_yaml("unit_types.yml")["province_word_not_after"])
def test_every_word_before_tinh_that_makes_it_many(word):
    # the third reference stops counting: two are too few to imply the province
    text, units, _ = extract(PROVINCE_REPORT.format(f"Năm nay {word}"))
    assert [u["name"] for u in units] == ["Đăk Hà"]


@pytest.mark.parametrize("word", load_yaml("unit_types.yml")["province_word_not_before"])
def test_every_word_after_tinh_that_makes_another_noun(word):
    text, units, _ = extract(PROVINCE_REPORT.replace("Toàn tỉnh đạt", f"Toàn tỉnh {word} đạt").format("Năm nay"))
    assert [u["name"] for u in units] == ["Đăk Hà"]


@pytest.mark.parametrize("head", load_yaml("unit_context.yml")["org_heads"])
def test_every_org_head(head):
    # written in lower case so that only the lexicon, not capitalisation, can tell
    assert extract(f"Đại diện {head} Quảng Ninh cho biết")[1] == []


@pytest.mark.parametrize("word", load_yaml("unit_context.yml")["person_before"])
def test_every_person_word(word):
    assert extract(f"Theo {word} Thái Bình, thủ tục đã giảm")[1] == []


@pytest.mark.parametrize("word", load_yaml("unit_context.yml")["street_words"])
def test_every_street_word(word):
    assert extract(f"Trụ sở mới trên {word} Hà Nội")[1] == []


@pytest.mark.parametrize("word", load_yaml("unit_context.yml")["place_words"])
def test_every_place_word(word):
    unit = _only(f"Sở Nội vụ {word} Quảng Ninh")
    assert unit["code"] == "22"


@pytest.mark.parametrize("name", load_yaml("province_aliases.yml")["not_bare"])
def test_every_not_bare_name(name):
    assert extract(f"Tham quan {name} hôm qua")[1] == []


@pytest.mark.parametrize("name", load_yaml("province_aliases.yml")["bare_after_change"])
def test_every_name_bare_after_the_change_is_the_province_then_only(name):
    text = unicodedata.normalize("NFC", f"Năm 2025, {name} đạt 87,95 điểm, xếp thứ 3/34 tỉnh, thành phố.")
    after, _ = extract_units(segment(text, (0, len(text)), published="2026-01-10"))
    assert [(u["name"], u["code_2025"], [text[s:e] for s, e in u["mentions"]]) for u in after] == [
        (name, after[0]["code_2025"], [name])] and after[0]["type"] in ("tỉnh", "thành phố") and after[0]["code_2025"]
    before, _ = extract_units(segment(text, (0, len(text)), published="2019-05-01"))
    assert before == []


# --------------------------------------------------------------------------- record shape


def test_record_shape_and_2025_code():
    text, units, _ = extract("Công chức UBND xã An Phước (huyện Tân Hồng) tiếp nhận hồ sơ")
    commune = units[0]
    assert set(commune) == {"id", "type", "name", "code", "district", "province", "code_2025", "mentions",
                            "register", "predecessors"}
    assert (commune["register"], commune["predecessors"]) == ("pre-2025", [])
    assert commune["code_2025"] == "29944"
    assert units[1]["code_2025"] is None  # no districts in the 2025 scheme


def test_only_the_body_is_read():
    text = "Tin liên quan: tỉnh Lạng Sơn\nUBND huyện Tân Hồng họp\nĐịa chỉ: phường Lam Hạ"
    start, end = text.index("UBND"), text.index("\nĐịa chỉ")
    units, _ = extract_units(segment(text, (start, end)))
    assert [(u["name"], u["code"]) for u in units] == [("Tân Hồng", "869")]


def test_speed():
    import time

    text = ("Sáng 11/9, Đoàn giám sát của HĐND huyện làm việc tại xã Chuyên Mỹ và Thụy Phú, huyện "
            "Phú Xuyên, TP Hà Nội. Đà Nẵng và TP.HCM dẫn đầu. ") * 20
    article = segment(text, (0, len(text)))
    extract_units(article)  # loads the register
    start = time.perf_counter()
    for _ in range(20):
        extract_units(article)
    assert (time.perf_counter() - start) / 20 < 0.05


# --------------------------------------------------------------------------- robustness

FRAGMENTS = ["xã", "Xã", "XÃ", "huyện", "TP.", "TP", "Q.", "P.", "tỉnh", "thành phố", "Chuyên Mỹ",
             "An Phước", "Hà Nội", "HCM", "Thuỵ Phú", "Nguyễn Văn", "12", "và", ",", ".", "(", ")",
             "UBND", "Huyện ủy", "Sở", "\n", " - ", "ông", "Đà Nẵng", "Bà Rịa", "Vũng Tàu", "'"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25), st.integers(0, 5))
def test_any_text_gives_valid_units(parts, cut):
    text = " ".join(parts)
    body = (min(cut, len(text)), len(text))
    units, warnings = extract_units(segment(text, body))
    for u in units:
        assert u["type"] in ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh")
        assert u["mentions"] and u["name"]
        for s, e in u["mentions"]:
            assert body[0] <= s < e <= body[1]
    assert all(isinstance(w, str) for w in warnings)


@pytest.mark.parametrize("title", load_yaml("unit_context.yml")["title_before_name"])
def test_every_title_before_a_unit_and_a_person(title):
    text = f"{title.capitalize()} Hà Nội Nguyễn Văn An làm việc với huyện."
    assert [(u["type"], u["name"]) for u in extract_units(segment(text, (0, len(text))))[0]] == [("thành phố", "Hà Nội")]
