"""Units on the 2025 map: the register of each unit (by the article's date, its words, its
names), links into the 2025 register, hyphenated names, no cross-province partial links.

Each `Case` lists every unit the text names, in order of first mention, as
(type, name, register, code, code_2025, province)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.resources import load_yaml
from pipeline.segment import segment
from pipeline.unit_register import marked, reported_dates, text_evidence
from pipeline.units import extract_units
from pipeline.textkeys import fold

NEW = "2026-01-10"  # written on the 2025 map
OLD = "2019-05-01"
NONE = None  # undated: the text decides


@dataclass
class Case:
    text: str
    published: str | None
    units: list[tuple]


def extract(text: str, published: str | None):
    text = unicodedata.normalize("NFC", text)
    units, _ = extract_units(segment(text, (0, len(text)), published))
    return text, units


def rows(text: str, published: str | None) -> list[tuple]:
    _, units = extract(text, published)
    return [(u["type"], u["name"], u["register"], u["code"], u["code_2025"], u["province"]) for u in units]


CASES = {
    "date": [
        # the same words, two maps: the article's date decides
        Case("Tỉnh Phú Thọ dẫn đầu.", "2025-11-01", [("tỉnh", "Phú Thọ", "2025", None, "25", None)]),
        Case("Tỉnh Phú Thọ dẫn đầu.", OLD, [("tỉnh", "Phú Thọ", "pre-2025", "25", "25", None)]),
        Case("Xã Chuyên Mỹ đạt 98%.", NEW, [("xã", "Chuyên Mỹ", "2025", None, "10330", "Hà Nội")]),
        Case("Xã Chuyên Mỹ, huyện Phú Xuyên đạt 98%.", OLD,
             [("xã", "Chuyên Mỹ", "pre-2025", "10321", "10330", "Hà Nội"),
              ("huyện", "Phú Xuyên", "pre-2025", "280", None, "Hà Nội")]),
        Case("Thành phố Hà Nội dẫn đầu.", "2025-06-30", [("thành phố", "Hà Nội", "pre-2025", "01", "01", None)]),
        Case("Thành phố Hà Nội dẫn đầu.", "2025-07-01", [("thành phố", "Hà Nội", "2025", "01", "01", None)]),
    ],
    "undated": [
        # the dates it reports from, its 2025-only phrases, its two-level addresses
        Case("Xã Chuyên Mỹ đạt 98% trong tháng 9/2025.", NONE,
             [("xã", "Chuyên Mỹ", "2025", None, "10330", "Hà Nội")]),
        Case("Xã Chuyên Mỹ đạt 98% trong tháng 3/2024.", NONE,
             [("xã", "Chuyên Mỹ", "pre-2025", "10321", "10330", "Hà Nội")]),
        Case("Xã Chuyên Mỹ phấn đấu đến tháng 12/2025 đạt 98%.", NONE,  # a deadline, not a report date
             [("xã", "Chuyên Mỹ", "pre-2025", "10321", "10330", "Hà Nội")]),
        Case("Chính quyền địa phương 2 cấp vận hành, xã Chuyên Mỹ đạt 98%.", NONE,
             [("xã", "Chuyên Mỹ", "2025", None, "10330", "Hà Nội")]),
        Case("Phường Nhị Quý tỉnh Đồng Tháp họp.", NONE,  # only the 2025 map has it in Đồng Tháp
             [("phường", "Nhị Quý", "2025", None, "28477", "Đồng Tháp"),
              ("tỉnh", "Đồng Tháp", "2025", None, "82", None)]),
        Case("UBND phường Văn Miếu - Quốc Tử Giám tiếp nhận 500 hồ sơ.", NONE,
             [("phường", "Văn Miếu - Quốc Tử Giám", "2025", None, "00226", "Hà Nội")]),
        # a name the old register lacks, with a namesake far away on the new map: still old
        Case("xã Chuyên Mỹ và Kim Ngân. Chủ tịch UBND xã Kim Ngân cho biết", NONE,
             [("xã", "Chuyên Mỹ", "pre-2025", "10321", "10330", "Hà Nội"),
              ("xã", "Kim Ngân", "pre-2025", None, None, "Hà Nội")]),
    ],
    "new names": [
        Case("Xã Nội Bài, thành phố Hà Nội tiếp nhận 500 hồ sơ.", NEW,
             [("xã", "Nội Bài", "2025", None, "00433", "Hà Nội"),
              ("thành phố", "Hà Nội", "2025", "01", "01", None)]),
        Case("Các xã Thư Lâm, Đại Thanh và phường Hoàn Kiếm.", NEW,
             [("xã", "Thư Lâm", "2025", None, "00475", "Hà Nội"),
              ("xã", "Đại Thanh", "2025", None, "00664", "Hà Nội"),
              ("phường", "Hoàn Kiếm", "2025", None, "00070", "Hà Nội")]),
        Case("Phường Việt Trì tiếp nhận 900 hồ sơ.", NEW, [("phường", "Việt Trì", "2025", None, "07900", "Phú Thọ")]),
        Case("Xã Vị Thanh 1, thành phố Cần Thơ.", NEW,
             [("xã", "Vị Thanh 1", "2025", None, "31465", "Cần Thơ"),
              ("thành phố", "Cần Thơ", "2025", None, "92", None)]),
        Case("Đặc khu Phú Quốc, tỉnh An Giang.", NEW,
             [("đặc khu", "Phú Quốc", "2025", None, "31078", "An Giang"),
              ("tỉnh", "An Giang", "2025", None, "91", None)]),
        Case("Đặc khu Côn Đảo đón khách.", OLD,  # a special zone is of the 2025 map whatever the date
             [("đặc khu", "Côn Đảo", "2025", None, "26732", "Hồ Chí Minh")]),
        # special zones are known by name across the country: linked though their provinces go unnamed
        Case("Tỉnh Bắc Ninh đạt 93,2%. Tại các đặc khu như Vân Đồn, Côn Đảo, hồ sơ được tiếp nhận ổn định; đặc khu "
             "Bạch Long Vĩ tiếp nhận 86 hồ sơ.", NEW,
             [("tỉnh", "Bắc Ninh", "2025", None, "24", None),
              ("đặc khu", "Vân Đồn", "2025", None, "06994", "Quảng Ninh"),
              ("đặc khu", "Côn Đảo", "2025", None, "26732", "Hồ Chí Minh"),
              ("đặc khu", "Bạch Long Vĩ", "2025", None, "11948", "Hải Phòng")]),
        # a name the list goes on after is a sibling, not the first name's old district
        Case("Tỉnh An Giang có 3 xã Vĩnh Điều, Giang Thành và Sơn Hải còn dưới 75 điểm.", NEW,
             [("tỉnh", "An Giang", "2025", None, "91", None),
              ("xã", "Vĩnh Điều", "2025", None, "30793", "An Giang"),
              ("xã", "Giang Thành", "2025", None, "30796", "An Giang"),
              ("xã", "Sơn Hải", "2025", "30811", "30811", "An Giang")]),  # unchanged by the reorganisation
        # a commune that shares a province's name
        Case("Xã Quảng Ninh, tỉnh Quảng Trị tổ chức đại hội.", NEW,
             [("xã", "Quảng Ninh", "2025", None, "19207", "Quảng Trị"),
              ("tỉnh", "Quảng Trị", "2025", None, "44", None)]),
        # "xã X tỉnh Y" without a comma: Y is the parent all the same
        Case("Xã Quảng Ninh tỉnh Quảng Trị tổ chức đại hội.", NEW,
             [("xã", "Quảng Ninh", "2025", None, "19207", "Quảng Trị"),
              ("tỉnh", "Quảng Trị", "2025", None, "44", None)]),
    ],
    "hyphenated": [
        Case("UBND phường Văn Miếu - Quốc Tử Giám tiếp nhận 500 hồ sơ.", NEW,
             [("phường", "Văn Miếu - Quốc Tử Giám", "2025", None, "00226", "Hà Nội")]),
        Case("UBND phường Văn Miếu – Quốc Tử Giám tiếp nhận 500 hồ sơ.", OLD,  # en dash; never Phú Thọ
             [("phường", "Văn Miếu - Quốc Tử Giám", "2025", None, "00226", "Hà Nội")]),
        Case("Xã Chân Mây - Lăng Cô, thành phố Huế.", NEW,
             [("xã", "Chân Mây - Lăng Cô", "2025", None, "20137", "Huế"),
              ("thành phố", "Huế", "2025", "46", "46", None)]),
        # a joined name the register does not know: one unit, not "Vĩnh Thịnh" of Hải Phòng or Gia Lai
        Case("Phường Vĩnh Thịnh - An Tường tiếp nhận 300 hồ sơ.", NEW,
             [("phường", "Vĩnh Thịnh - An Tường", "2025", None, None, None)]),
        # a dash before a province is an address, not a joined name
        Case("Phường Hạc Thành - Thanh Hóa tiếp nhận 300 hồ sơ.", NEW,
             [("phường", "Hạc Thành", "2025", None, "14797", "Thanh Hóa"),
              ("tỉnh", "Thanh Hóa", "2025", "38", "38", None)]),
    ],
    "coordinated": [
        # a name after "và" keeps the type when either map knows it: Bắc Gia Nghĩa is a 2025 ward only
        Case("Các phường Xuân Hương - Đà Lạt, Phan Thiết và Bắc Gia Nghĩa dẫn đầu.", NEW,
             [("phường", "Xuân Hương - Đà Lạt", "2025", None, "24781", "Lâm Đồng"),
              ("phường", "Phan Thiết", "2025", None, "22945", "Lâm Đồng"),
              ("phường", "Bắc Gia Nghĩa", "2025", None, "24611", "Lâm Đồng")]),
        # names after "như" that a plural type word opens, a few words before it
        Case("Các phường có lượng hồ sơ lớn như Quy Nhơn, Pleiku được yêu cầu bố trí thêm quầy.", NEW,
             [("phường", "Quy Nhơn", "2025", None, "21583", "Gia Lai"),
              ("phường", "Pleiku", "2025", None, "23575", "Gia Lai")]),
        # ... and a name neither map knows is dropped unless typed elsewhere
        Case("Các xã Tân Hòa và Gia Nghĩa Mới dẫn đầu.", NEW, [("xã", "Tân Hòa", "2025", None, None, None)]),
    ],
    "no cross-province link": [
        # Văn Miếu alone is a Phú Thọ commune: not the Hà Nội ward the article places it in
        Case("Phường Văn Miếu, thành phố Hà Nội.", NEW,
             [("phường", "Văn Miếu", "2025", None, None, "Hà Nội"),
              ("thành phố", "Hà Nội", "2025", "01", "01", None)]),
        Case("Xã Thư Lâm và phường Việt Trì, thành phố Hà Nội.", NEW,
             [("xã", "Thư Lâm", "2025", None, "00475", "Hà Nội"),
              ("phường", "Việt Trì", "2025", None, None, "Hà Nội"),
              ("thành phố", "Hà Nội", "2025", "01", "01", None)]),
    ],
    "old units in the past tense": [
        # the register writes "Huyện Phú Quí": found all the same, named as the article writes it
        Case("Đặc khu Phú Quý được thành lập trên cơ sở toàn bộ huyện Phú Quý (cũ).", NEW,
             [("đặc khu", "Phú Quý", "2025", None, "23272", "Lâm Đồng"),
              ("huyện", "Phú Quý", "pre-2025", "602", "23272", "Bình Thuận")]),
        Case("Xã Củ Chi được thành lập trên cơ sở huyện Củ Chi (cũ).", NEW,
             [("xã", "Củ Chi", "2025", None, "27553", "Hồ Chí Minh"),
              ("huyện", "Củ Chi", "pre-2025", "783", None, "Hồ Chí Minh")]),
        Case("Phường Thủ Đức thuộc TP. Thủ Đức trước đây.", NEW,
             [("phường", "Thủ Đức", "2025", None, "26824", "Hồ Chí Minh"),
              ("thành phố", "Thủ Đức", "pre-2025", "769", None, "Hồ Chí Minh")]),
        Case("Xã Hồng Sơn (Bình Thuận cũ), tỉnh Lâm Đồng.", NEW,
             [("xã", "Hồng Sơn", "2025", None, "23086", "Lâm Đồng"),
              ("tỉnh", "Bình Thuận", "pre-2025", "60", "68", None),
              ("tỉnh", "Lâm Đồng", "2025", None, "68", None)]),
        Case("Tỉnh Quảng Trị (mới) được thành lập từ tỉnh Quảng Bình và tỉnh Quảng Trị (cũ). "
             "Tỉnh Quảng Trị họp.", NEW,
             [("tỉnh", "Quảng Trị", "2025", None, "44", None),
              ("tỉnh", "Quảng Bình", "pre-2025", "44", "44", None)]),
        Case("Thị trấn Đak Pơ sáp nhập vào xã Đak Pơ, tỉnh Gia Lai.", NEW,
             [("thị trấn", "Đak Pơ", "pre-2025", "23995", "23995", "Gia Lai"),
              ("xã", "Đak Pơ", "2025", None, "23995", "Gia Lai"),
              ("tỉnh", "Gia Lai", "2025", None, "52", None)]),
        # old communes of a 2025 article, in the province of the new one
        Case("Xã An Nghĩa được thành lập từ thị trấn Ba Hàng Đồi, xã Phú Thành và xã Phú Nghĩa.", NEW,
             [("xã", "An Nghĩa", "2025", None, "05395", "Phú Thọ"),
              ("thị trấn", "Ba Hàng Đồi", "pre-2025", "04981", "05395", "Hòa Bình"),
              ("xã", "Phú Thành", "pre-2025", "05398", "05395", "Hòa Bình"),
              ("xã", "Phú Nghĩa", "pre-2025", "05395", "05395", "Hòa Bình")]),
    ],
    "listed in parentheses": [
        # counted types, then the names: each takes the type the registers give it
        Case("4 xã, thị trấn (Vĩnh Ninh, Võ Ninh, Hàm Ninh và Quán Hàu) được hợp nhất thành xã "
             "Quảng Ninh, tỉnh Quảng Trị.", NEW,
             [("xã", "Vĩnh Ninh", "pre-2025", "19210", "19207", "Quảng Bình"),
              ("xã", "Võ Ninh", "pre-2025", "19213", "19207", "Quảng Bình"),
              ("xã", "Hàm Ninh", "pre-2025", "19219", "19207", "Quảng Bình"),
              ("thị trấn", "Quán Hàu", "pre-2025", "19207", "19207", "Quảng Bình"),
              ("xã", "Quảng Ninh", "2025", None, "19207", "Quảng Trị"),
              ("tỉnh", "Quảng Trị", "2025", None, "44", None)]),
        Case("Các xã (Chuyên Mỹ, Phú Yên) đạt 98%.", OLD,
             [("xã", "Chuyên Mỹ", "pre-2025", "10321", "10330", "Hà Nội"),
              ("xã", "Phú Yên", "pre-2025", "10339", "10330", "Hà Nội")]),
        # after "như" or ":", the list runs while its items are names
        Case("Tại Cần Thơ, các xã như Tân Thạnh, Lai Hòa, Tân Hòa và Đông Thuận đã đón dân.", NEW,
             [("thành phố", "Cần Thơ", "2025", None, "92", None),
              ("xã", "Tân Thạnh", "2025", None, "31666", "Cần Thơ"),
              ("xã", "Lai Hòa", "2025", "31810", "31810", "Cần Thơ"),
              ("xã", "Tân Hòa", "2025", None, "31342", "Cần Thơ"),
              ("xã", "Đông Thuận", "2025", None, "31282", "Cần Thơ")]),
        Case("Tỉnh Lạng Sơn có các xã, phường: Hưng Vũ, Đông Kinh và Lương Văn Tri đạt 100%.", NEW,
             [("tỉnh", "Lạng Sơn", "2025", "20", "20", None),
              ("xã", "Hưng Vũ", "2025", None, "06349", "Lạng Sơn"),
              ("xã", "Đông Kinh", "2025", None, "05977", "Lạng Sơn"),
              ("phường", "Lương Văn Tri", "2025", None, "05983", "Lạng Sơn")]),
        # after "gồm", the list runs while the register knows its items
        Case("Huyện Tuần Giáo đưa mô hình đến 5 xã vùng cao, gồm Pú Xi, Phình Sáng và Ta Ma; năm 2023 tỷ lệ tăng.", OLD,
             [("huyện", "Tuần Giáo", "pre-2025", "099", None, "Điện Biên"),
              ("xã", "Pú Xi", "pre-2025", "03269", "03268", "Điện Biên"),
              ("xã", "Phình Sáng", "pre-2025", "03259", "03244", "Điện Biên"),
              ("xã", "Ta Ma", "pre-2025", "03265", "03260", "Điện Biên")]),
        Case("Huyện Bù Đăng kiểm tra 3 xã gồm: Đak Nhau, Bom Bo và Phú Sơn.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước"),
              ("xã", "Phú Sơn", "pre-2025", "25400", "25402", "Bình Phước")]),
        # ... a rate among the words about the units before "gồm"
        Case("Huyện Bù Đăng có 3 xã đạt tỷ lệ 100% hồ sơ giải quyết đúng hạn, gồm: Đak Nhau, Bom Bo và Phú Sơn.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước"),
              ("xã", "Phú Sơn", "pre-2025", "25400", "25402", "Bình Phước")]),
        # a ranking going on after a unit named with its type: the names the register knows
        Case("Huyện Bù Đăng xếp hạng các xã: xã Đak Nhau dẫn đầu với 91,35 điểm, tiếp đến là Bom Bo (90,82 điểm) và "
             "Phú Sơn (89,96 điểm); thấp nhất là Ban Chỉ đạo.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước"),
              ("xã", "Phú Sơn", "pre-2025", "25400", "25402", "Bình Phước")]),
        Case("Huyện Bù Đăng có 3 xã gồm Đak Nhau, Ban Chỉ đạo và các thôn.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước")]),
        Case("Tỉnh có 3 xã gồm nhiều thôn, bản.", OLD, []),
        # ... after "là" too, each name maybe with its value in brackets
        Case("Huyện Bù Đăng hơn các xã lân cận là Đak Nhau (79,3%) và Bom Bo (76,8%).", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước")]),
        Case("Các xã là đơn vị cuối cùng thực hiện.", OLD, []),
        Case("Huyện Bù Đăng họp. Vẫn còn 2 xã để xảy ra hồ sơ quá hạn là Đak Nhau và Bom Bo.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước")]),
        # a few words about the units, then "như"
        Case("Huyện Bù Đăng họp. Ở những xã vùng sâu như Đak Nhau, Bom Bo còn khó khăn.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước")]),
        Case("Huyện Bù Đăng họp. Các xã khó khăn như vậy cần hỗ trợ.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước")]),
        # "một số xã như", and a few more words before "là"
        Case("Huyện Bù Đăng họp. Một số xã như Đak Nhau, Bom Bo còn hồ sơ quá hạn.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước")]),
        Case("Huyện Bù Đăng họp. Hai xã còn lại của huyện là Đak Nhau và Bom Bo.", OLD,
             [("huyện", "Bù Đăng", "pre-2025", "696", None, "Bình Phước"),
              ("xã", "Đak Nhau", "pre-2025", "25399", "25399", "Bình Phước"),
              ("xã", "Bom Bo", "pre-2025", "25405", "25405", "Bình Phước")]),
        # not a list of names
        Case("Các xã như vậy đạt chuẩn.", NEW, []),
        Case("Các xã (chiếm 20%) đạt chuẩn.", OLD, []),
        Case("UBND xã (Chuyên Mỹ) họp.", OLD, []),  # no count before the type
    ],
    "the unit as it is and as it was": [
        # the same name named as it is and, past-tense, as it was: two units
        Case("Tỉnh Quảng Trị tổng kết năm 2025. Năm 2024, tỉnh Quảng Bình (cũ) xếp thứ 21/63, tỉnh Quảng Trị (cũ) "
             "xếp thứ 39/63.", NEW,
             [("tỉnh", "Quảng Trị", "2025", None, "44", None),
              ("tỉnh", "Quảng Bình", "pre-2025", "44", "44", None),
              ("tỉnh", "Quảng Trị", "pre-2025", "45", "44", None)]),
        # ... but one unit when every mention is past-tense, and in an article of the old map
        Case("Năm 2024, tỉnh Quảng Trị (cũ) xếp thứ 39/63; tỉnh Quảng Trị (cũ) làm tốt.", NEW,
             [("tỉnh", "Quảng Trị", "pre-2025", "45", "44", None)]),
        Case("Tỉnh Quảng Trị xếp thứ 39/63. Tỉnh Quảng Trị (cũ) là tỉnh nghèo.", OLD,
             [("tỉnh", "Quảng Trị", "pre-2025", "45", "44", None)]),
    ],
    "organisations are not siblings": [
        Case("Còn tại xã Lai Hòa, Trung tâm PVHCC tiếp nhận hồ sơ.", NEW,
             [("xã", "Lai Hòa", "2025", "31810", "31810", "Cần Thơ")]),
    ],
    "levels are not units": [
        Case("Vận hành chính quyền địa phương 2 cấp, cấp xã tiếp nhận hồ sơ.", NEW, []),
        Case("Chính quyền địa phương hai cấp, cấp tỉnh và cấp xã.", NEW, []),
    ],
}


@pytest.mark.parametrize("case", [c for cs in CASES.values() for c in cs],
                         ids=[f"{g}-{i}" for g, cs in CASES.items() for i in range(len(cs))])
def test_units_2025(case):
    assert rows(case.text, case.published) == case.units


def test_record_of_a_2025_unit():
    text, (commune, province) = extract("Xã Nội Bài, thành phố Hà Nội tiếp nhận 500 hồ sơ.", NEW)
    assert commune["district"] is None  # no districts on the 2025 map
    assert "00433" in commune["predecessors"] and len(commune["predecessors"]) == 6
    assert province["predecessors"] == ["01"]
    for u in (commune, province):
        for s, e in u["mentions"]:
            assert text[s:e] in ("Xã Nội Bài", "thành phố Hà Nội")


def test_a_pre_2025_unit_has_no_predecessors():
    _, (commune, _) = extract("Xã Chuyên Mỹ, huyện Phú Xuyên đạt 98%.", OLD)
    assert commune["predecessors"] == []


# --------------------------------------------------------------------------- lexicon coverage

LEX = load_yaml("unit_register.yml")


@pytest.mark.parametrize("phrase", LEX["article_2025"])
def test_every_2025_phrase_makes_an_undated_article_2025(phrase):
    assert rows(f"{phrase[0].upper()}{phrase[1:]}, xã Chuyên Mỹ đạt 98%.", NONE)[0][2] == "2025"
    assert rows("Xã Chuyên Mỹ đạt 98%.", NONE)[0][2] == "pre-2025"


@pytest.mark.parametrize("hint", LEX["article_2025_hint"])
def test_every_2025_hint_is_one_vote(hint):
    text = fold(f"Đại hội {hint}.")
    assert text_evidence(text, 0, len(text)) == 1


@pytest.mark.parametrize("word", LEX["past_after"])
def test_every_past_marker_makes_a_unit_old(word):
    for written in (f"tỉnh Quảng Trị ({word})", f"tỉnh Quảng Trị {word}"):
        text = f"Cán bộ của {written} họp."
        assert rows(text, NEW) == [("tỉnh", "Quảng Trị", "pre-2025", "45", "44", None)]
    assert rows("Cán bộ của tỉnh Quảng Trị họp.", NEW)[0][2] == "2025"


@pytest.mark.parametrize("phrase", LEX["past_list_before"])
def test_every_formed_from_phrase_makes_the_listed_units_old(phrase):
    got = rows(f"Xã Ninh Châu được {phrase} các xã Hải Ninh, Duy Ninh và Tân Ninh.", NEW)
    assert [(r[1], r[2]) for r in got] == [("Ninh Châu", "2025"), ("Hải Ninh", "pre-2025"),
                                            ("Duy Ninh", "pre-2025"), ("Tân Ninh", "pre-2025")]
    # the new unit named after "thành" is not one of them
    got = rows(f"Xã Phú Thành được {phrase} xã Hải Ninh thành xã Ninh Châu.", NEW)
    assert [(r[1], r[2]) for r in got if r[1] != "Phú Thành"] == [("Hải Ninh", "pre-2025"), ("Ninh Châu", "2025")]
    # ... not the unit after a comma: "Sau khi sắp xếp, tỉnh X gồm ..." names the unit as it is
    got = rows(f"{phrase.capitalize()}, xã Ninh Châu có 12 thôn.", NEW)
    assert [(r[1], r[2]) for r in got] == [("Ninh Châu", "2025")]
    # ... but a name ending in "Thành" does not end the list
    got = rows(f"Xã Yên Thành được {phrase} thị trấn Hoa Thành và các xã Văn Thành, Đông Thành thuộc huyện "
               "Yên Thành (cũ).", NEW)
    assert [(r[1], r[2]) for r in got if r[0] != "huyện"] == [
        ("Yên Thành", "2025"), ("Hoa Thành", "pre-2025"), ("Văn Thành", "pre-2025"), ("Đông Thành", "pre-2025")]


def test_the_count_of_the_units_a_unit_is_formed_from_leaves_them_listed():
    got = rows("Xã Ninh Châu được thành lập trên cơ sở sắp xếp 3 xã Tân Lập, Duy Ninh và Tân Ninh.", NEW)
    assert [(r[1], r[2]) for r in got] == [("Ninh Châu", "2025"), ("Tân Lập", "pre-2025"),
                                            ("Duy Ninh", "pre-2025"), ("Tân Ninh", "pre-2025")]


def test_formed_from_numbered_wards_and_not_a_founding_year():
    got = rows("Phường Mỹ Tho được hình thành từ Phường 1, Phường 2 và phường Tân Long.", NEW)
    assert [(r[1], r[2]) for r in got] == [("Mỹ Tho", "2025"), ("1", "pre-2025"), ("2", "pre-2025"),
                                            ("Tân Long", "pre-2025")]
    got = rows("Huyện được thành lập từ năm 2008, hiện có xã Phú Thành, tỉnh Đồng Tháp.", NEW)
    assert [(r[1], r[2]) for r in got] == [("Phú Thành", "2025"), ("Đồng Tháp", "2025")]


@pytest.mark.parametrize("word", LEX["new_after"])
def test_every_new_marker_makes_a_unit_2025(word):
    assert rows(f"Xã Chuyên Mỹ ({word}) đạt 98%.", OLD)[0][2] == "2025"
    text = fold(f"tỉnh Phú Thọ {word} đã")  # "mới" before a verb is the adverb "just"
    assert not marked(text, len("tỉnh phú thọ"), "new_after")


@pytest.mark.parametrize("word", LEX["not_report_date_before"])
def test_every_deadline_word_hides_a_date(word):
    text = fold(f"{word} tháng 12/2025 và trong tháng 3/2024")
    assert reported_dates(text, 0, len(text)) == [(2024, 3)]


@pytest.mark.parametrize("written,expected", [
    ("30/9/2025", (2025, 9)), ("30.9.2025", (2025, 9)), ("tháng 9/2025", (2025, 9)),
    ("5-6/8/2025", (2025, 8)), ("tháng 9 năm 2025", (2025, 9)), ("quý 3-2025", (2025, 9)),
    ("quý III/2025", (2025, 9)),
])
def test_reported_dates(written, expected):
    text = fold(f"Trong {written}, xã đạt 98%.")
    assert reported_dates(text, 0, len(text)) == [expected]


# --------------------------------------------------------------------------- robustness

FRAGMENTS = ["các", "4", "xã", ",", "thị trấn", "(", ")", ":", "như", "Vĩnh Ninh", "và", "Quán Hàu",
             "phường", "Văn Miếu", "-", "–", "Quốc Tử Giám", "(cũ)", "cũ", "mới", "trước đây", "tỉnh",
             "Quảng Trị", "đặc khu", "Phú Quốc", "\n", "9/2025", "quý III/2025", "huyện", "Củ Chi",
             "Trung tâm PVHCC", "Lai Hòa", ".", "Vị Thanh", "1", "Thành phố", "Huế"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25), st.sampled_from([None, NEW, OLD]))
def test_any_text_gives_units_with_a_register(parts, published):
    text = " ".join(parts)
    units, _ = extract_units(segment(text, (0, len(text)), published))
    for u in units:
        assert u["register"] in ("pre-2025", "2025")
        assert u["mentions"] and all(0 <= s < e <= len(text) for s, e in u["mentions"])
        if u["register"] == "2025":
            assert u["district"] is None and (u["code"] is None or u["predecessors"] == [u["code"]])
        else:
            assert u["predecessors"] == []
