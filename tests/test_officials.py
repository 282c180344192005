"""Officials: names, roles and mentions (price-parser style tables).

Each `Example` lists every official the text names, in order of first mention: the name, the
roles as (title, organisation) and the surface of every mention (`text[s:e]`; by default the
name once)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pytest
from hypothesis import example, given, settings, strategies as st

from conftest import grouped_cases
from pipeline.officials import expand, extract_officials
from pipeline.resources import load_yaml
from pipeline.segment import segment

TITLES = load_yaml("titles.yml")
ABBREVIATIONS = load_yaml("org_abbreviations.yml")["abbreviations"]
SURNAMES = load_yaml("surnames.yml")


@dataclass
class P:
    name: str
    roles: list[tuple[str, str | None]]
    mentions: list[str] | None = None  # surfaces; None: the name once


@dataclass
class Example:
    text: str
    officials: list[P]
    body_end: int | None = None  # the body is text[:body_end]


def extract(text: str, body_end: int | None = None, units=()):
    text = unicodedata.normalize("NFC", text)
    article = segment(text, (0, len(text) if body_end is None else body_end))
    return text, extract_officials(article, list(units))


def check(ex: Example) -> None:
    text, got = extract(ex.text, ex.body_end)
    assert [o["name"] for o in got] == [p.name for p in ex.officials], got
    for want, o in zip(ex.officials, got):
        assert [(r["title"], r["org"]) for r in o["roles"]] == want.roles, o
        surfaces = [text[s:e] for s, e in o["mentions"]]
        assert surfaces == (want.mentions or [want.name]), o
        assert text[slice(*o["mentions"][0])] == o["name"]
        assert o["mentions"] == sorted(o["mentions"])
    assert [o["id"] for o in got] == [f"p{i}" for i in range(1, len(got) + 1)]


GROUPS: dict[str, list[Example]] = {
    "title_before_name": [
        Example("Chủ tịch UBND huyện Phú Xuyên Lê Văn Bính báo cáo tại buổi làm việc",
                [P("Lê Văn Bính", [("Chủ tịch", "UBND huyện Phú Xuyên")])]),
        Example("Bộ trưởng Bộ Nội vụ Lê Vĩnh Tân cho biết", [P("Lê Vĩnh Tân", [("Bộ trưởng", "Bộ Nội vụ")])]),
        # a place's name across the lower-case end of an organisation is none ("quốc gia Lâm" holds no "Gia Lâm")
        Example("Cục trưởng Cục Chuyển đổi số quốc gia Lâm Thị Kim Oanh cho biết",
                [P("Lâm Thị Kim Oanh", [("Cục trưởng", "Cục Chuyển đổi số quốc gia")])]),
        Example("Thủ tướng Nguyễn Xuân Phúc chủ trì hội nghị", [P("Nguyễn Xuân Phúc", [("Thủ tướng", "Chính phủ")])]),
        # the ministry's "Bộ" left out by the text
        Example("Thứ trưởng Nội vụ Nguyễn Trọng Thừa cho biết", [P("Nguyễn Trọng Thừa", [("Thứ trưởng", "Bộ Nội vụ")])]),
        # the body's acronym in brackets belongs to the organisation; a crawl's inner spaces go
        Example("Ông Đặng Văn An, Giám đốc Trung tâm Hỗ trợ cộng đồng ( CECODES ), phát biểu",
                [P("Đặng Văn An", [("Giám đốc", "Trung tâm Hỗ trợ cộng đồng (CECODES)")])]),
        # a steering committee named by its unit: the unit word is in the committee's name, and the
        # organisation too
        Example("Ông Nguyễn Hữu Phúc, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo CCHC tỉnh cho biết",
                [P("Nguyễn Hữu Phúc", [("Phó Chủ tịch", "UBND tỉnh"), ("Trưởng ban Chỉ đạo CCHC tỉnh", "tỉnh")])]),
        # an organisation after "của"
        Example("Phó Thủ tướng Trương Hòa Bình, Trưởng ban Chỉ đạo cải cách hành chính của Chính phủ chủ trì",
                [P("Trương Hòa Bình", [("Phó Thủ tướng", "Chính phủ"),
                                       ("Trưởng ban Chỉ đạo cải cách hành chính", "Chính phủ")])]),
        Example("Phó Thủ tướng Vũ Đức Đam nhấn mạnh", [P("Vũ Đức Đam", [("Phó Thủ tướng", "Chính phủ")])]),
        Example("Giám đốc Sở Tư pháp tỉnh Bình Dương Nguyễn Anh Hoa cho biết",
                [P("Nguyễn Anh Hoa", [("Giám đốc", "Sở Tư pháp tỉnh Bình Dương")])]),
        Example("Phó Chủ tịch Thường trực HĐND TP Phùng Thị Hồng Hà đề nghị",
                [P("Phùng Thị Hồng Hà", [("Phó Chủ tịch Thường trực", "HĐND TP")])]),
        Example("Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn Hà Công Tuấn chỉ đạo",
                [P("Hà Công Tuấn", [("Thứ trưởng", "Bộ Nông nghiệp và Phát triển nông thôn")])]),
        Example("Đồng chí Chủ tịch UBND tỉnh Thái Nguyên Nguyễn Huy Dũng chủ trì cuộc họp",
                [P("Nguyễn Huy Dũng", [("Chủ tịch", "UBND tỉnh Thái Nguyên")])]),
        Example("thứ trưởng Bộ Tài chính Đỗ Hoàng Anh Tuấn đồng tình",
                [P("Đỗ Hoàng Anh Tuấn", [("Thứ trưởng", "Bộ Tài chính")])]),
        Example("Tổng cục trưởng Tổng cục Hải quan Nguyễn Văn Cẩn cho biết",
                [P("Nguyễn Văn Cẩn", [("Tổng cục trưởng", "Tổng cục Hải quan")])]),
        # a province name ending in a family name is not the start of the person's name
        Example("Chủ tịch UBND tỉnh Bình Dương Hoàng Văn An phát biểu",
                [P("Hoàng Văn An", [("Chủ tịch", "UBND tỉnh Bình Dương")])]),
        Example("Chủ tịch UBND xã Nguyễn Văn An cho biết", [P("Nguyễn Văn An", [("Chủ tịch", "UBND xã")])]),
        Example("Chủ tịch UBND P. Phước Long B Cao Văn Thủy cho biết",
                [P("Cao Văn Thủy", [("Chủ tịch", "UBND P. Phước Long B")])]),
    ],
    "roles_after_name": [
        Example("Tổ giám sát số 1 của HĐND huyện do đồng chí Nguyễn Văn Hội – HUV – Phó Chủ tịch HĐND "
                "huyện làm trưởng đoàn giám sát kết quả thực hiện",
                [P("Nguyễn Văn Hội", [("Huyện ủy viên", None), ("Phó Chủ tịch", "HĐND huyện"),
                                      ("Trưởng đoàn giám sát", None)])]),
        Example("Đồng chí Huỳnh Văn Nhã - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Tân Hồng, cho biết",
                [P("Huỳnh Văn Nhã", [("Phó Bí thư", "Huyện ủy Tân Hồng"),
                                     ("Chủ tịch", "UBND huyện Tân Hồng")])]),
        Example("Huỳnh Văn Nhã - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Tân Hồng, cho biết",
                [P("Huỳnh Văn Nhã", [("Phó Bí thư", "Huyện ủy Tân Hồng"),
                                     ("Chủ tịch", "UBND huyện Tân Hồng")])]),
        Example("Đoàn giám sát do đồng chí Đoàn Thị Hậu, Uỷ viên Ban Thường vụ Tỉnh uỷ, Chủ tịch HĐND "
                "tỉnh, Trưởng đoàn giám sát phát biểu kết luận",
                [P("Đoàn Thị Hậu", [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Chủ tịch", "HĐND tỉnh"),
                                    ("Trưởng đoàn giám sát", None)])]),
        Example("Theo ông Nguyễn Xuân Sang, Cục trưởng Cục Hàng hải Việt Nam thông tin, thủ tục đã giảm",
                [P("Nguyễn Xuân Sang", [("Cục trưởng", "Cục Hàng hải Việt Nam")])]),
        Example("bà Cao Đoàn Ngọc Thuỷ ( chủ tịch UBND P. Phước Long B , Q. 9 ) cho biết",
                [P("Cao Đoàn Ngọc Thuỷ", [("Chủ tịch", "UBND P. Phước Long B")])]),
        Example("Ông Lê Văn An, Phó Bí thư Tỉnh ủy kiêm Chủ tịch UBND tỉnh, cho biết",
                [P("Lê Văn An", [("Phó Bí thư", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh")])]),
        Example("Theo Nguyễn Văn An, Giám đốc Sở Nội vụ, thủ tục đã giảm",
                [P("Nguyễn Văn An", [("Giám đốc", "Sở Nội vụ")])]),
    ],
    "roles_chained_before_name": [
        # a minister heading a ministry-level office: one post
        Example("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng phát biểu",
                [P("Mai Tiến Dũng", [("Bộ trưởng, Chủ nhiệm", "Văn phòng Chính phủ")])]),
        Example("Ông Mai Tiến Dũng, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ, phát biểu",
                [P("Mai Tiến Dũng", [("Bộ trưởng, Chủ nhiệm", "Văn phòng Chính phủ")])]),
        # a title that does not join the next: two posts
        Example("Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh phát biểu",
                [P("Phạm Bình Minh", [("Phó Thủ tướng", "Chính phủ"), ("Bộ trưởng", "Bộ Ngoại giao")])]),
        Example("Giám đốc Sở Nội vụ, ông Trần Văn Bình, cho biết", [P("Trần Văn Bình", [("Giám đốc", "Sở Nội vụ")])]),
        # a chained role another person holds is that person's
        Example("Có Bí thư Thành uỷ TP. HCM Nguyễn Thiện Nhân dự. Tiếp thu ý kiến của Bí thư Thành uỷ , "
                "Phó Chủ tịch UBND TP. HCM Trần Vĩnh Tuyến khẳng định",
                [P("Nguyễn Thiện Nhân", [("Bí thư", "Thành ủy TP. HCM")]),
                 P("Trần Vĩnh Tuyến", [("Phó Chủ tịch", "UBND TP. HCM")])]),
    ],
    "titles_split_into_title_and_org": [
        Example("đồng chí Nguyễn Mạnh Huy – Uỷ viên BTV –Trưởng ban Kinh tế - xã hội HĐND huyện – Chủ tịch "
                "UB MTTQ huyện đề nghị",
                [P("Nguyễn Mạnh Huy", [("Ủy viên Ban Thường vụ", None), ("Trưởng ban Kinh tế - xã hội", "HĐND huyện"),
                                       ("Chủ tịch", "UB MTTQ huyện")])]),
        Example("Ông Nguyễn Văn An – UV BTV – Trưởng ban Kinh tế xã hội HĐND huyện, cho biết",
                [P("Nguyễn Văn An", [("Ủy viên Ban Thường vụ", None), ("Trưởng ban Kinh tế xã hội", "HĐND huyện")])]),
        Example("bà Nguyễn Thị Thu Trang, Trưởng phòng Tư pháp thị xã Dĩ An, cho biết",
                [P("Nguyễn Thị Thu Trang", [("Trưởng phòng Tư pháp", "thị xã Dĩ An")])]),
        Example("Theo ông Nguyễn Trung Thông, Phó Ban thường trực Ban chỉ đạo Cải cách hành chính thành phố, "
                "người dân cùng tham gia",
                [P("Nguyễn Trung Thông", [("Phó Ban thường trực", "Ban chỉ đạo Cải cách hành chính thành phố")])]),
        Example("Ông Trần Văn Bình - TUV - Bí thư Huyện ủy dự",
                [P("Trần Văn Bình", [("Tỉnh ủy viên", None), ("Bí thư", "Huyện ủy")])]),
    ],
    "name_after_a_province_word": [
        # a two-syllable name after "tỉnh"/"TP" that the register holds no province or city of
        Example("Phó Chủ tịch UBND tỉnh Hoàng Giang phát biểu", [P("Hoàng Giang", [("Phó Chủ tịch", "UBND tỉnh")])]),
        Example("Phó Chánh Văn phòng UBND TP Võ Sĩ cho biết", [P("Võ Sĩ", [("Phó Chánh Văn phòng", "UBND TP")])]),
        Example("Chủ tịch UBND TP Trần Sỹ Thanh phát biểu", [P("Trần Sỹ Thanh", [("Chủ tịch", "UBND TP")])]),
        # a name longer than a place it starts like ("Đồng Văn")
        Example("Chủ tịch UBND tỉnh Hậu Giang Đồng Văn Thanh cho biết",
                [P("Đồng Văn Thanh", [("Chủ tịch", "UBND tỉnh Hậu Giang")])]),
        Example("Chủ tịch UBND tỉnh Hà Giang cho biết", []),
        Example("Chủ tịch UBND TP Cao Bằng cho biết", []),
        Example("Chủ tịch UBND huyện Đồng Văn cho biết", []),
    ],
    "ranks": [
        Example("Thiếu tướng Trần Đức Tài, Phó Giám đốc Công an TP. HCM phát biểu",
                [P("Trần Đức Tài", [("Thiếu tướng", None), ("Phó Giám đốc", "Công an TP. HCM")])]),
        Example("Đại tá Lê Mạnh Hà cho biết. Theo thượng tá Hà, hồ sơ tăng",
                [P("Lê Mạnh Hà", [("Đại tá", None)], ["Lê Mạnh Hà", "Hà"])]),
        Example("Trung tướng Nguyễn Văn Sơn, Giám đốc Công an tỉnh, chủ trì",
                [P("Nguyễn Văn Sơn", [("Trung tướng", None), ("Giám đốc", "Công an tỉnh")])]),
        # the commune police chief: his unit is the police of the unit named after the title
        Example("Thượng tá Nguyễn Văn Sơn, Trưởng Công an xã Bình Chánh, cho biết",
                [P("Nguyễn Văn Sơn", [("Thượng tá", None), ("Trưởng Công an xã", "Công an xã Bình Chánh")])]),
        Example("Ông Lê Văn An, Phó Trưởng Công an phường, cho biết",
                [P("Lê Văn An", [("Phó Trưởng Công an phường", "Công an phường")])]),
        # the post names the level of its unit ("Trưởng Công an thị trấn"), whatever its word's length
        Example("Ông Lê Văn Bình, Phó Trưởng Công an thị trấn Hậu Nghĩa cho biết",
                [P("Lê Văn Bình", [("Phó Trưởng Công an thị trấn", "Công an thị trấn Hậu Nghĩa")])]),
    ],
    "delegation_heads": [
        # one title, not "Trưởng đoàn" and another person's "Đại biểu Quốc hội"
        Example("Dự có đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, Trưởng đoàn đại biểu Quốc hội tỉnh; "
                "đồng chí Trần Thị Bình, Chủ tịch UBND tỉnh.",
                [P("Nguyễn Văn An", [("Bí thư", "Tỉnh ủy"), ("Trưởng đoàn đại biểu Quốc hội", "tỉnh")]),
                 P("Trần Thị Bình", [("Chủ tịch", "UBND tỉnh")])]),
    ],
    "posts_in_charge": [
        Example("Ông Võ Văn An, Phó Giám đốc phụ trách Trung tâm Phục vụ hành chính công tỉnh cho biết",
                [P("Võ Văn An", [("Phó Giám đốc phụ trách", "Trung tâm Phục vụ hành chính công tỉnh")])]),
        Example("Ông Trần Văn An, Trưởng trạm Y tế xã Long Hòa, cho biết",
                [P("Trần Văn An", [("Trưởng trạm Y tế", "xã Long Hòa")])]),
    ],
    "organisations_with_lower_case_words": [
        Example("Bà Võ Thị Trung Trinh, phó giám đốc Sở Thông tin và truyền thông, cho rằng",
                [P("Võ Thị Trung Trinh", [("Phó Giám đốc", "Sở Thông tin và truyền thông")])]),
        Example("Ông Lê Văn An, Giám đốc Sở Nội vụ và lãnh đạo các phòng, cho biết",
                [P("Lê Văn An", [("Giám đốc", "Sở Nội vụ")])]),
        Example("Ông Nguyễn Đình Cung, Viện trưởng Viện Nghiên cứu quản lý kinh tế trung ương, cho biết",
                [P("Nguyễn Đình Cung", [("Viện trưởng", "Viện Nghiên cứu quản lý kinh tế trung ương")])]),
        # an inner "về" before a capitalised name that is no place
        Example("Ông Trương Đình Tuyển, thành viên Hội đồng Quốc gia về Phát triển bền vững, nhấn mạnh",
                [P("Trương Đình Tuyển", [("Thành viên", "Hội đồng Quốc gia về Phát triển bền vững")])]),
        Example("Ông Nguyễn Văn An, Giám đốc Sở Nội vụ về Đà Nẵng làm việc",
                [P("Nguyễn Văn An", [("Giám đốc", "Sở Nội vụ")])]),
        # an organisation of a post: "của" + a title
        Example("Ông Mai Tiến Dũng, Tổ trưởng Tổ công tác của Thủ tướng Chính phủ, cho biết",
                [P("Mai Tiến Dũng", [("Tổ trưởng", "Tổ công tác của Thủ tướng Chính phủ")])]),
    ],
    "roles_of_a_short_mention": [
        # the roles after "TS Cung" are those of the one person named in full "... Cung"
        Example("TS Nguyễn Đình Cung nhận xét.\nTS Cung - viện trưởng Viện Nghiên cứu quản lý kinh tế trung ương - nói",
                [P("Nguyễn Đình Cung", [("Viện trưởng", "Viện Nghiên cứu quản lý kinh tế trung ương")],
                   ["Nguyễn Đình Cung", "Cung"])]),
        # nobody named in full: nobody
        Example("Ông Cung - viện trưởng Viện Nghiên cứu quản lý kinh tế trung ương - nói", []),
        # two people it may be: neither
        Example("Ông Nguyễn Văn An và ông Trần Văn An dự. Ông An, Giám đốc Sở Nội vụ, cho biết", []),
    ],
    "former_posts": [
        Example("ông Trương Đình Tuyển (nguyên Bộ trưởng Thương mại, thành viên Hội đồng Quốc gia) nhấn mạnh",
                [P("Trương Đình Tuyển", [("nguyên Bộ trưởng", "Bộ Thương mại"), ("Thành viên", "Hội đồng Quốc gia")])]),
    ],
    "board_chairs": [
        Example("Ông Phạm Anh Tuấn, Chủ tịch Hội đồng thành viên Tổng công ty Bưu điện Việt Nam, cho biết",
                [P("Phạm Anh Tuấn", [("Chủ tịch Hội đồng thành viên", "Tổng công ty Bưu điện Việt Nam")])]),
    ],
    "department_heads": [
        Example("Ông Phạm Minh Hùng, Vụ trưởng Vụ Cải cách hành chính, Bộ Nội vụ, cho biết",
                [P("Phạm Minh Hùng", [("Vụ trưởng", "Vụ Cải cách hành chính")])]),
        Example("Vụ trưởng Vụ Pháp chế Nguyễn Văn An cho biết",
                [P("Nguyễn Văn An", [("Vụ trưởng", "Vụ Pháp chế")])]),
        Example("Vụ trưởng Vụ Tổ chức cán bộ Nguyễn Văn An cho biết",
                [P("Nguyễn Văn An", [("Vụ trưởng", "Vụ Tổ chức cán bộ")])]),
        # the parent body in brackets between the organisation and the name
        Example("Vụ trưởng Vụ Cải cách hành chính (Bộ Nội vụ) Phạm Minh Hùng cho biết",
                [P("Phạm Minh Hùng", [("Vụ trưởng", "Vụ Cải cách hành chính (Bộ Nội vụ)")])]),
    ],
    "low_rank_posts": [
        Example("Bà Nguyễn Thị Trung Tính, công chức văn phòng thống kê UBND phường 15, cho biết",
                [P("Nguyễn Thị Trung Tính", [("Công chức văn phòng thống kê", "UBND phường 15")])]),
        Example("Chị Huỳnh Thanh Tuyền - cán bộ hộ tịch UBND P. 11 - cho biết",
                [P("Huỳnh Thanh Tuyền", [("Cán bộ hộ tịch", "UBND P. 11")])]),
        # no organisation, no post
        Example("Người cán bộ trẻ là anh Lê Thanh Nhật cho biết", []),
        Example("Các cán bộ, công chức xã Tân An đã làm việc", []),
    ],
    "vocabulary_2025": [
        Example("Ông Phạm Thanh Liêm, Chủ tịch UBND đặc khu Trường Sa, cho biết",
                [P("Phạm Thanh Liêm", [("Chủ tịch", "UBND đặc khu Trường Sa")])]),
        Example("Chủ tịch UBND phường Cát Lái Nguyễn Văn An cho biết",
                [P("Nguyễn Văn An", [("Chủ tịch", "UBND phường Cát Lái")])]),
        Example("Bí thư Đảng ủy xã Sơn Động Tống Thị Hương Giang phát biểu",
                [P("Tống Thị Hương Giang", [("Bí thư", "Đảng ủy xã Sơn Động")])]),
        Example("Giám đốc Trung tâm Phục vụ hành chính công tỉnh Nguyễn Văn An cho biết",
                [P("Nguyễn Văn An", [("Giám đốc", "Trung tâm Phục vụ hành chính công tỉnh")])]),
        # a party post + a unit: of the unit's party committee
        Example("Bí thư xã Sơn Động Tống Thị Hương Giang phát biểu",
                [P("Tống Thị Hương Giang", [("Bí thư", "Đảng ủy xã Sơn Động")])]),
        Example("Ông Lê Trường Lưu, Bí thư tỉnh Thừa Thiên Huế, tặng hoa",
                [P("Lê Trường Lưu", [("Bí thư", "Tỉnh ủy Thừa Thiên Huế")])]),
        Example("Tỉnh Gia Lai đã họp. Ông Lê Văn An, Phó Bí thư tỉnh, cho biết",
                [P("Lê Văn An", [("Phó Bí thư", "Tỉnh ủy Gia Lai")])]),
        # "Chủ tịch" + a unit: of its People's Committee
        Example("Bà Nguyễn Thị Mỹ Linh, Chủ tịch phường 15, cho biết",
                [P("Nguyễn Thị Mỹ Linh", [("Chủ tịch", "UBND phường 15")])]),
        Example("Phó Chủ tịch đặc khu Phú Quốc Trần Minh Khoa cho biết",
                [P("Trần Minh Khoa", [("Phó Chủ tịch", "UBND đặc khu Phú Quốc")])]),
    ],
    "posts_given_later_in_the_sentence": [
        Example("Ông Trịnh Việt Hùng, Bí thư Tỉnh ủy Thái Nguyên, được Bộ Chính trị chỉ định làm Bí thư Tỉnh ủy "
                "Lào Cai, nhiệm kỳ 2025-2030.",
                [P("Trịnh Việt Hùng", [("Bí thư", "Tỉnh ủy Thái Nguyên"), ("Bí thư", "Tỉnh ủy Lào Cai")])]),
        Example("Bộ Chính trị đã chỉ định ông Trịnh Xuân Trường vào Ban Chấp hành, Ban Thường vụ, đồng thời "
                "đảm nhận cương vị Bí thư Tỉnh ủy Thái Nguyên.",
                [P("Trịnh Xuân Trường", [("Bí thư", "Tỉnh ủy Thái Nguyên")])]),
        Example("Ủy viên dự khuyết Trung ương Đảng, Phó Bí thư Thường trực Tỉnh ủy Quảng Trị Nguyễn Long Hải nhận "
                "quyết định chỉ định làm Bí thư Đảng ủy các cơ quan đảng tỉnh Quảng Trị.",
                [P("Nguyễn Long Hải", [("Ủy viên dự khuyết", "Trung ương Đảng"),
                                       ("Phó Bí thư Thường trực", "Tỉnh ủy Quảng Trị"),
                                       ("Bí thư", "Đảng ủy các cơ quan đảng tỉnh Quảng Trị")])]),
        # every person of a list
        Example("Các ông, bà Hoàng Giang, Trần Huy Tuấn và Giàng Thị Dung cũng được chỉ định làm Phó Bí thư Tỉnh ủy.",
                [P("Hoàng Giang", [("Phó Bí thư", "Tỉnh ủy")]), P("Trần Huy Tuấn", [("Phó Bí thư", "Tỉnh ủy")]),
                 P("Giàng Thị Dung", [("Phó Bí thư", "Tỉnh ủy")])]),
        # a post right after the last name of a list is that person's only
        Example("Ông Nguyễn Văn An, Trần Văn Bình, Giám đốc Sở Nội vụ, cho biết",
                [P("Trần Văn Bình", [("Giám đốc", "Sở Nội vụ")])]),
        # not past another person
        Example("Ông Nguyễn Văn An cho biết, bà Trần Thị Bình được bầu làm Chủ tịch UBND xã",
                [P("Trần Thị Bình", [("Chủ tịch", "UBND xã")])]),
        # not past the sentence's end
        Example("Ông Nguyễn Văn An, Giám đốc Sở Nội vụ, phát biểu. Hội nghị bầu làm Chủ tịch UBND xã",
                [P("Nguyễn Văn An", [("Giám đốc", "Sở Nội vụ")])]),
    ],
    "honorifics": [
        Example("Ông Hoàng Hồng Giang, Cục trưởng Cục Đường thủy nội địa Việt Nam, cho biết",
                [P("Hoàng Hồng Giang", [("Cục trưởng", "Cục Đường thủy nội địa Việt Nam")])]),
        Example("Bà Vũ Thu Hà, Chủ tịch UBND quận Long Biên, cho biết",
                [P("Vũ Thu Hà", [("Chủ tịch", "UBND quận Long Biên")])]),
        # "đồng chí" is a party member with a public role, even when the role is not given
        Example("Đồng chí Nguyễn Văn An dự hội nghị", [P("Nguyễn Văn An", [])]),
        # "ông"/"bà" without a role: a citizen
        Example("Theo ông Nguyễn Văn An, người dân xã Tân An, thủ tục nhanh", []),
        Example("Ông Lâm Ngô Hoàng Anh, Chánh Văn phòng UBND quận 1, cho biết. Ông Hoàng Anh nói thêm.",
                [P("Lâm Ngô Hoàng Anh", [("Chánh Văn phòng", "UBND quận 1")], ["Lâm Ngô Hoàng Anh", "Hoàng Anh"])]),
    ],
    "coreference": [
        Example("Phát biểu tại buổi giám sát, đồng chí Phó Chủ tịch HĐND huyện Nguyễn Văn Hội đánh giá cao. "
                "Đồng chí Hội đề nghị xã cần tiếp tục. Đồng chí Nguyễn Văn Hội nhấn mạnh.",
                [P("Nguyễn Văn Hội", [("Phó Chủ tịch", "HĐND huyện")],
                   ["Nguyễn Văn Hội", "Hội", "Nguyễn Văn Hội"])]),
        Example("Đồng chí Đoàn Thị Hậu, Chủ tịch HĐND tỉnh phát biểu.\nĐồng chí Hậu đề nghị UBND thành phố "
                "khẩn trương.",
                [P("Đoàn Thị Hậu", [("Chủ tịch", "HĐND tỉnh")], ["Đoàn Thị Hậu", "Hậu"])]),
        Example("Chủ tịch UBND huyện Lê Văn Bính báo cáo. Theo ông Bính, huyện đã cố gắng.",
                [P("Lê Văn Bính", [("Chủ tịch", "UBND huyện")], ["Lê Văn Bính", "Bính"])]),
        Example("Theo Thứ trưởng Hà Công Tuấn, cần đơn giản hóa. Thứ trưởng Tuấn cho biết thêm.",
                [P("Hà Công Tuấn", [("Thứ trưởng", None)], ["Hà Công Tuấn", "Tuấn"])]),
        # the last person named with that given name
        Example("Phó Chủ tịch UBND tỉnh Lê Văn An và Giám đốc Sở Nội vụ Trần Văn An dự. Ông An nói.",
                [P("Lê Văn An", [("Phó Chủ tịch", "UBND tỉnh")]),
                 P("Trần Văn An", [("Giám đốc", "Sở Nội vụ")], ["Trần Văn An", "An"])]),
        # roles merge across mentions; an organisation-less role gives way to the same title with one
        Example("Thứ trưởng Hà Công Tuấn chỉ đạo. Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn "
                "Hà Công Tuấn cho biết",
                [P("Hà Công Tuấn", [("Thứ trưởng", "Bộ Nông nghiệp và Phát triển nông thôn")],
                   ["Hà Công Tuấn", "Hà Công Tuấn"])]),
        Example("Chủ tịch UBND huyện Lê Văn Bính báo cáo. Chủ tịch UBND huyện Phú Xuyên Lê Văn Bính nói.",
                [P("Lê Văn Bính", [("Chủ tịch", "UBND huyện Phú Xuyên")], ["Lê Văn Bính", "Lê Văn Bính"])]),
        # no cue, no mention: "anh Hải" is nobody the article named with a role
        Example("Ông Nguyễn Văn An, Chủ tịch UBND xã, cho biết. Anh Hải nói.",
                [P("Nguyễn Văn An", [("Chủ tịch", "UBND xã")])]),
    ],
    "lower_case_titles": [
        Example("chủ tịch HĐND TP Nguyễn Thị Quyết Tâm cho rằng", [P("Nguyễn Thị Quyết Tâm", [("Chủ tịch", "HĐND TP")])]),
        Example("phó chủ tịch UBND TP. HCM Trần Vĩnh Tuyến cho biết",
                [P("Trần Vĩnh Tuyến", [("Phó Chủ tịch", "UBND TP. HCM")])]),
        Example("Ông Ngô Hải Phan , cục trưởng Cục Kiểm soát thủ tục hành chính ( Văn phòng Chính phủ ) cho biết",
                [P("Ngô Hải Phan", [("Cục trưởng", "Cục Kiểm soát thủ tục hành chính (Văn phòng Chính phủ)")])]),
        # a party committee written in lower case still ends the post's complement
        Example("Ông Lý Văn Hải - Trưởng ban Tuyên giáo và Dân vận tỉnh ủy - cho biết",
                [P("Lý Văn Hải", [("Trưởng ban Tuyên giáo và Dân vận", "tỉnh ủy")])]),
        Example("Ông Lý Văn Hải, Trưởng ban Dân vận huyện ủy Nam Đàn, cho biết",
                [P("Lý Văn Hải", [("Trưởng ban Dân vận", "huyện ủy Nam Đàn")])]),
    ],
    "organisations_written_apart": [
        # the parent body in brackets after the organisation stays with it
        Example("Bà Phan Thị Hoa, Vụ trưởng Vụ Cải cách hành chính (Bộ Nội vụ), cho biết.",
                [P("Phan Thị Hoa", [("Vụ trưởng", "Vụ Cải cách hành chính (Bộ Nội vụ)")])]),
        Example("Ông Lê Văn Bình, Giám đốc Sở Nội vụ (phụ trách chung), cho biết.",
                [P("Lê Văn Bình", [("Giám đốc", "Sở Nội vụ")])]),
        # the body after a comma, when the post names none
        Example("Bà Lê Thị Xuân Mai, Trưởng phòng Cải cách hành chính, Sở Nội vụ, cho biết.",
                [P("Lê Thị Xuân Mai", [("Trưởng phòng Cải cách hành chính", "Sở Nội vụ")])]),
        # a bare head ends before "xung quanh" and is completed from the article
        Example("Trung tâm Phục vụ hành chính công tỉnh Lào Cai làm tốt. Phóng viên trao đổi với bà Hoàng Thị "
                "Thu Trang – Giám đốc Trung tâm xung quanh nội dung này.",
                [P("Hoàng Thị Thu Trang", [("Giám đốc", "Trung tâm Phục vụ hành chính công tỉnh Lào Cai")])]),
        # one office of two bodies
        Example("Ông Huỳnh Minh Trí, Chánh Văn phòng HĐND và UBND thị xã Giá Rai, cho biết.",
                [P("Huỳnh Minh Trí", [("Chánh Văn phòng", "HĐND và UBND thị xã Giá Rai")])]),
    ],
    "spaces_before_commas": [
        Example("Đại biểu Tô Thị Bích Châu , chủ tịch Uỷ ban MTTQ Việt Nam TP. HCM , đưa ra một giải pháp . "
                "\" Phải có giải pháp \" , bà Châu nói .",
                [P("Tô Thị Bích Châu", [("Đại biểu", None), ("Chủ tịch", "Ủy ban MTTQ Việt Nam TP. HCM")],
                   ["Tô Thị Bích Châu", "Châu"])]),
    ],
    "foreign_names": [
        Example("Tổng thống Hàn Quốc Yoon Suk Yeol hội đàm với Thủ tướng",
                [P("Yoon Suk Yeol", [("Tổng thống", "Hàn Quốc")])]),
        Example("Thủ tướng Hàn Quốc Han Duck Soo tiếp đoàn", [P("Han Duck Soo", [("Thủ tướng", "Hàn Quốc")])]),
    ],
    "organisation_completed_from_the_article": [
        Example("Đoàn giám sát số 1 của HĐND TP Hà Nội làm việc. Phó Chủ tịch Thường trực HĐND TP "
                "Phùng Thị Hồng Hà đề nghị",
                [P("Phùng Thị Hồng Hà", [("Phó Chủ tịch Thường trực", "HĐND TP Hà Nội")])]),
        # the one city the article names
        Example("Người dân TP HCM hài lòng.\nTheo ông Nguyễn Trung Thông, Phó Ban thường trực Ban chỉ đạo Cải "
                "cách hành chính thành phố, người dân cùng tham gia",
                [P("Nguyễn Trung Thông", [("Phó Ban thường trực",
                                           "Ban chỉ đạo Cải cách hành chính thành phố Hồ Chí Minh")])]),
        Example("Ban Thường vụ Huyện ủy Tân Hồng chỉ đạo. Ông Lê Văn An, Phó Bí thư Huyện ủy, cho biết",
                [P("Lê Văn An", [("Phó Bí thư", "Huyện ủy Tân Hồng")])]),
        # a party committee completed as the article writes its unit
        Example("Ban Thường vụ Thành ủy TPHCM họp. Ông Nguyễn Chí Trung, Ủy viên Ban Thường vụ Thành ủy, cho biết",
                [P("Nguyễn Chí Trung", [("Ủy viên Ban Thường vụ", "Thành ủy TPHCM")])]),
        # an organisation named by its head only ("hội đồng"), in full elsewhere in the article
        Example("Hội đồng tư vấn cải cách thủ tục hành chính đã họp. Ông Mai Tiến Dũng, Chủ tịch hội đồng, phát biểu.",
                [P("Mai Tiến Dũng", [("Chủ tịch", "Hội đồng tư vấn cải cách thủ tục hành chính")])]),
        Example("Ông Mai Tiến Dũng, Chủ tịch hội đồng, phát biểu.", [P("Mai Tiến Dũng", [("Chủ tịch", "hội đồng")])]),
        # a steering committee's post said bare ("Trưởng Ban Chỉ đạo"): the committee the article names
        Example("Ban Chỉ đạo CCHC tỉnh Vĩnh Long họp. Đồng chí Lâm Minh Đức, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ "
                "đạo chủ trì cuộc họp.", [P("Lâm Minh Đức", [("Phó Chủ tịch", "UBND tỉnh Vĩnh Long"),
                                                            ("Trưởng ban Chỉ đạo", "Ban Chỉ đạo CCHC tỉnh Vĩnh Long")])]),
        # ... with "của" and the body it belongs to
        Example("Phó Thủ tướng Trần Hồng Sơn, Trưởng Ban Chỉ đạo cải cách hành chính của Chính phủ chủ trì. Dự có Bộ "
                "trưởng Bộ Nội vụ Lê Thị Thu Hà, Phó Trưởng Ban Thường trực Ban Chỉ đạo.",
                [P("Trần Hồng Sơn", [("Phó Thủ tướng", "Chính phủ"), ("Trưởng ban Chỉ đạo cải cách hành chính", "Chính phủ")]),
                 P("Lê Thị Thu Hà", [("Bộ trưởng", "Bộ Nội vụ"), ("Phó Trưởng ban Thường trực Ban Chỉ đạo",
                                                                  "Ban Chỉ đạo cải cách hành chính của Chính phủ")])]),
        Example("Thứ trưởng Nguyễn Duy Khánh, Phó Trưởng Ban Chỉ đạo, chủ trì hội nghị.",
                [P("Nguyễn Duy Khánh", [("Thứ trưởng", None), ("Phó Trưởng ban Chỉ đạo", None)])]),
        # the proper name among the head's uses, not a head before a verb; its shortest form
        Example("Trung tâm Phục vụ hành chính công tỉnh Bình Dương tiếp nhận hồ sơ. Trung tâm Phục vụ hành chính "
                "công tỉnh đã chuyển sang trực tuyến. Trung tâm chuyển sang làm việc trực tuyến. Bà Lê Thị Mỹ Dung, "
                "Giám đốc Trung tâm cho biết",
                [P("Lê Thị Mỹ Dung", [("Giám đốc", "Trung tâm Phục vụ hành chính công tỉnh")])]),
        # two councils named: which one is not known
        Example("Hội đồng tư vấn cải cách và Hội đồng quốc gia về phát triển đã họp. Ông Mai Tiến Dũng, Chủ tịch "
                "hội đồng, phát biểu.", [P("Mai Tiến Dũng", [("Chủ tịch", "hội đồng")])]),
        # two districts named: which one is not known
        Example("huyện Tân Hồng và huyện Hồng Ngự. Ông Lê Văn An, Chủ tịch UBND huyện, cho biết",
                [P("Lê Văn An", [("Chủ tịch", "UBND huyện")])]),
    ],
    "group_led": [
        Example("Tổ giám sát số 2 – HĐND huyện do đồng chí Nguyễn Mạnh Huy – Chủ tịch UB MTTQ huyện làm trưởng "
                "đoàn đã có buổi giám sát",
                [P("Nguyễn Mạnh Huy", [("Chủ tịch", "UB MTTQ huyện"), ("Trưởng đoàn giám sát", None)])]),
        Example("Tổ công tác do ông Nguyễn Văn An, Giám đốc Sở Nội vụ, làm trưởng đoàn.",
                [P("Nguyễn Văn An", [("Giám đốc", "Sở Nội vụ"), ("Trưởng đoàn công tác", None)])]),
        Example("Hội nghị do ông Nguyễn Văn An, Giám đốc Sở Nội vụ, làm trưởng đoàn.",
                [P("Nguyễn Văn An", [("Giám đốc", "Sở Nội vụ"), ("Trưởng đoàn", None)])]),
    ],
    "guest_lists": [
        # "; " ends a guest's posts: the titles after it are the next guest's, "nguyên" included
        Example("Tới dự có nguyên Chủ tịch nước Lê Văn An; nguyên Ủy viên Bộ Chính trị, nguyên Thường trực Ban "
                "Bí thư Phạm Hữu Bình; Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Nội chính Trung "
                "ương Hoàng Minh Châu.",
                [P("Lê Văn An", [("nguyên Chủ tịch nước", None)]),
                 P("Phạm Hữu Bình", [("nguyên Ủy viên Bộ Chính trị", None), ("nguyên Thường trực Ban Bí thư", None)]),
                 P("Hoàng Minh Châu", [("Ủy viên Bộ Chính trị", None), ("Bí thư Trung ương Đảng", None),
                                       ("Trưởng ban Nội chính Trung ương", None)])]),
        Example("Dự hội nghị có ông Lê Văn An, Giám đốc Sở Nội vụ; ông Trần Văn Bình, Chánh Văn phòng UBND tỉnh.",
                [P("Lê Văn An", [("Giám đốc", "Sở Nội vụ")]),
                 P("Trần Văn Bình", [("Chánh Văn phòng", "UBND tỉnh")])]),
        # a post whose holders the sentence lists: each holds it; a narrower title of one's own
        # takes the post's organisation
        Example("Các Phó Chủ tịch UBND tỉnh gồm: ông Đỗ Văn Dũng, bà Vũ Thị Lan và ông Lê Văn Tâm.",
                [P("Đỗ Văn Dũng", [("Phó Chủ tịch", "UBND tỉnh")]), P("Vũ Thị Lan", [("Phó Chủ tịch", "UBND tỉnh")]),
                 P("Lê Văn Tâm", [("Phó Chủ tịch", "UBND tỉnh")])]),
        Example("Giữ chức Phó Bí thư Tỉnh ủy có: ông Đỗ Văn Dũng, Phó Bí thư thường trực; ông Vũ Thành Long, "
                "Chủ tịch UBND tỉnh.",
                [P("Đỗ Văn Dũng", [("Phó Bí thư Thường trực", "Tỉnh ủy")]),
                 P("Vũ Thành Long", [("Phó Bí thư", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh")])]),
        # ... not past the sentence
        Example("Các Phó Chủ tịch UBND tỉnh gồm ông Đỗ Văn Dũng. Ông Lê Văn Tâm phát biểu.",
                [P("Đỗ Văn Dũng", [("Phó Chủ tịch", "UBND tỉnh")])]),
    ],
    "not_officials": [
        Example("Sáng ngày 11/9; Đoàn giám sát của HĐND huyện đã có buổi giám sát tại xã Chuyên Mỹ và xã "
                "Thụy Phú", []),
        Example("Tổ giám sát số 1 của HĐND huyện làm việc tại Thụy Phú", []),
        Example("Tại Hà Nội, Chủ tịch UBND tỉnh phát biểu", []),
        Example("Chủ tịch UBND tỉnh có ý kiến chỉ đạo. Ông Lê Văn Tâm phát biểu.", []),
        Example("Chủ tịch UBND tỉnh Lâm Đồng cho biết", []),
        Example("Chủ tịch UBND huyện Hoàng Su Phì cho biết", []),
        Example("Chủ tịch UBND Hà Nội phát biểu", []),
        Example("Chủ tịch UBND phường Nguyễn Văn Cừ cho biết", []),
        Example("Bí thư Đảng ủy phường Lê Hồng Phong cho biết", []),
        Example("Chủ tịch UBND huyện Tân Hồng yêu cầu các phòng, ban rà soát", []),
        Example("Người dân ở Bà Rịa - Vũng Tàu và thành phố Hồ Chí Minh hài lòng", []),
        Example("Lễ ký thỏa thuận hợp tác. Ảnh: VGP/Thúy Hà", []),
        Example("Các đại biểu đã trao đổi, thảo luận. Đồng chí đề nghị xã cần quan tâm.", []),
        Example("Thành viên Đoàn giám sát phát biểu tại buổi làm việc", []),
    ],
    "only_the_body": [
        # the byline and the related-article list come after the body
        Example("Chủ tịch UBND huyện Lê Văn Bính báo cáo.\n\nThanh Xuân – TTVHTT&TT huyện\n"
                "Thủ tướng Chính phủ Phạm Minh Chính đã hội kiến Tổng thống Hàn Quốc Yoon Suk Yeol.",
                [P("Lê Văn Bính", [("Chủ tịch", "UBND huyện")])], body_end=40),
        Example("Tổng Biên tập: Lê Hồng Kỳ", [], body_end=0),
    ],
}

CASES = grouped_cases(GROUPS)


@pytest.mark.parametrize("ex", CASES)
def test_officials(ex):
    check(ex)


KNOWN_FAILURES = [
    # a four-syllable name with two family names after a title is cut to its last three
    Example("Chánh Văn phòng UBND quận 1 Lâm Ngô Hoàng Anh cho biết",
            [P("Lâm Ngô Hoàng Anh", [("Chánh Văn phòng", "UBND quận 1")])]),
    # right after a district or commune word, a name needs a known middle name ("Sỹ" is not one)
    Example("Chủ tịch UBND huyện Trần Sỹ Thanh phát biểu", [P("Trần Sỹ Thanh", [("Chủ tịch", "UBND huyện")])]),
    # the post's organisation and the person both after "của": read as the person's post
    Example("Tổ trưởng Tổ công tác của Thủ tướng Mai Tiến Dũng cho biết",
            [P("Mai Tiến Dũng", [("Tổ trưởng", "Tổ công tác của Thủ tướng")])]),
    # a superior unit after a comma stays outside the organisation
    Example("Chị Huỳnh Thanh Tuyền - cán bộ hộ tịch UBND P. 11, Q. Gò Vấp - cho biết",
            [P("Huỳnh Thanh Tuyền", [("Cán bộ hộ tịch", "UBND P. 11, Q. Gò Vấp")])]),
    # names in capitals are not read
    Example("ông NGUYỄN TOÀN THẮNG, Giám đốc Sở Nội vụ, cho biết",
            [P("NGUYỄN TOÀN THẮNG", [("Giám đốc", "Sở Nội vụ")])]),
    # a group named in an earlier sentence does not qualify "trưởng đoàn"
    Example("Tổ giám sát đã làm việc. Ông Nguyễn Văn An, Chủ tịch UBND xã, làm trưởng đoàn.",
            [P("Nguyễn Văn An", [("Chủ tịch", "UBND xã"), ("Trưởng đoàn giám sát", None)])]),
    # an unknown verb after a proper name of one word keeps the organisation open
    Example("Ông Nguyễn Văn An, Giám đốc Sở Nội vụ khảo sát thực tế", [P("Nguyễn Văn An", [("Giám đốc", "Sở Nội vụ")])]),
    # a time phrase between the post and "là" hides the appointment
    Example("Chủ tịch UBND phường 15 ở thời điểm đó là bà Nguyễn Thị Mỹ Linh.",
            [P("Nguyễn Thị Mỹ Linh", [("Chủ tịch", "UBND phường 15")])]),
    # the Ê Đê women's "H'" and the K'Ho "K'" names: the tokenizer splits them at the apostrophe
    Example("Theo bà H'Bel Niê, Chủ tịch UBND phường Tân An, hồ sơ quá hạn giảm.",
            [P("H'Bel Niê", [("Chủ tịch", "UBND phường Tân An")])]),
]


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("ex", KNOWN_FAILURES)
def test_known_failures(ex):
    check(ex)


def test_record_shape_and_unit_link():
    text = "Chủ tịch UBND huyện Phú Xuyên Lê Văn Bính báo cáo. Chủ tịch HĐND huyện Trần Văn An dự."
    s = text.index("huyện Phú Xuyên")
    units = [{"id": "u1", "type": "huyện", "name": "Phú Xuyên", "mentions": [[s, s + len("huyện Phú Xuyên")]]}]
    _, got = extract(text, units=units)
    assert set(got[0]) == {"id", "name", "roles", "mentions"}
    assert got[0]["roles"] == [{"title": "Chủ tịch", "org": "UBND huyện Phú Xuyên",
                                "org_expanded": "Ủy ban nhân dân huyện Phú Xuyên", "unit": "u1"}]
    # "HĐND huyện" with no name: completed from the one district named, linked to its unit
    assert got[1]["roles"][0]["org"] == "HĐND huyện Phú Xuyên" and got[1]["roles"][0]["unit"] == "u1"
    # without a district named anywhere, no completion and no unit
    _, got = extract("Chủ tịch HĐND huyện Trần Văn An dự.")
    assert got[0]["roles"][0] == {"title": "Chủ tịch", "org": "HĐND huyện",
                                  "org_expanded": "Hội đồng nhân dân huyện", "unit": None}


def test_organisation_completed_from_the_region_of_the_units():
    """"Tỉnh ủy" in an article that names no province but communes all in one: that province's."""
    text = "Đại hội Đảng bộ xã Đak Pơ. Dự có đồng chí Mai Việt Trung - Ủy viên Ban Thường vụ Tỉnh ủy."
    commune = {"id": "u1", "type": "xã", "name": "Đak Pơ", "district": "Đăk Pơ", "province": "Gia Lai",
               "mentions": [[text.index("xã"), text.index("xã") + 9]]}
    _, got = extract(text, units=[commune])
    assert got[0]["roles"] == [{"title": "Ủy viên Ban Thường vụ", "org": "Tỉnh ủy Gia Lai",
                                "org_expanded": "Tỉnh ủy Gia Lai", "unit": None}]
    # communes of two provinces: which one is not known
    other = {**commune, "id": "u2", "name": "An Bình", "province": "Bình Định"}
    _, got = extract(text, units=[commune, other])
    assert got[0]["roles"][0]["org"] == "Tỉnh ủy"


def test_nfd_input_and_tone_placement():
    _, got = extract(unicodedata.normalize("NFD", "Ông Lê Văn An, Uỷ viên Ban Thường vụ Tỉnh uỷ, cho biết"))
    assert got[0]["roles"] == [{"title": "Ủy viên Ban Thường vụ", "org": "Tỉnh ủy",
                                "org_expanded": "Tỉnh ủy", "unit": None}]


@pytest.mark.parametrize("org,expanded", [
    ("UB MTTQ huyện", "Ủy ban Mặt trận Tổ quốc huyện"),
    ("Uỷ ban MTTQ Việt Nam TP. HCM", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hồ Chí Minh"),
    ("UBND TP.HCM", "Ủy ban nhân dân thành phố HCM".replace("HCM", "Hồ Chí Minh")),
    ("HĐND TP", "Hội đồng nhân dân thành phố"),
    ("Sở Nội vụ", "Sở Nội vụ"),
    (None, None),
])
def test_expand(org, expanded):
    assert expand(org) == expanded


# --------------------------------------------------------------------------- lexicon coverage


@pytest.mark.parametrize("title", [row["title"] for row in TITLES["titles"]])
def test_every_title(title):
    needs_org = next(row for row in TITLES["titles"] if row["title"] == title).get("needs_org")
    org = " Sở Nội vụ" if needs_org else ""
    for written in (title, title.lower()):
        _, got = extract(f"Hôm qua, {written}{org} Nguyễn Văn An phát biểu")
        assert [(o["name"], o["roles"][0]["title"]) for o in got] == [("Nguyễn Văn An", title)], written
        if needs_org:  # a post only with its organisation
            assert extract(f"Hôm qua, {written} Nguyễn Văn An phát biểu")[1] == []


@pytest.mark.parametrize("abbr,full", [(a, f) for a, f in ABBREVIATIONS.items()
                                       if f in {r["title"] for r in TITLES["titles"]}])
def test_every_title_abbreviation(abbr, full):
    _, got = extract(f"đồng chí Nguyễn Văn An – {abbr} – dự hội nghị")
    assert got[0]["roles"] == [{"title": full, "org": None, "org_expanded": None, "unit": None}]


@pytest.mark.parametrize("abbr,full", ABBREVIATIONS.items())
def test_every_org_abbreviation(abbr, full):
    assert expand(f"Văn phòng {abbr} mới") == f"Văn phòng {full} mới"


@pytest.mark.parametrize("title,abbr", [("Ủy viên Ban Thường vụ", "UV BTV"), ("Ủy viên Ban Thường vụ", "Uỷ viên BTV"),
                                        ("Ủy viên Ban Chấp hành", "UV BCH"), ("Chánh Văn phòng", "Chánh VP")])
def test_titles_written_with_abbreviations(title, abbr):
    _, got = extract(f"Ông Nguyễn Văn An – {abbr} – cho biết")
    assert [r["title"] for r in got[0]["roles"]] == [title]


@pytest.mark.parametrize("head", TITLES["org_heads"])
def test_every_org_head_ends_a_title_complement(head):
    _, got = extract(f"Ông Nguyễn Văn An, Trưởng ban Tuyên giáo {head} tỉnh, cho biết")
    [role] = got[0]["roles"]
    assert role["title"] == "Trưởng ban Tuyên giáo" and role["org"].startswith(head), role


@pytest.mark.parametrize("stop", TITLES["org_stop_words"])
def test_every_org_stop_word(stop):
    _, got = extract(f"Ông Nguyễn Văn An, Giám đốc Sở Nội vụ {stop} việc này.")
    assert got[0]["roles"][0]["org"] == "Sở Nội vụ"


@pytest.mark.parametrize("joiner", TITLES["org_joiners"])
def test_every_org_joiner(joiner):
    _, got = extract(f"Thứ trưởng Bộ Thông tin {joiner} Truyền thông Nguyễn Thành Hưng cho biết")
    assert got[0]["roles"][0]["org"] == f"Bộ Thông tin {joiner} Truyền thông"
    _, got = extract(f"Ông Lê Văn An, Chủ tịch UBND tỉnh {joiner} Giám đốc Sở Nội vụ, cho biết")
    assert [r["title"] for r in got[0]["roles"]] == ["Chủ tịch"]


@pytest.mark.parametrize("hon", TITLES["honorifics"] + TITLES["coreference_cues"])
def test_every_honorific_is_a_coreference_cue(hon):
    text, got = extract(f"Chủ tịch UBND xã Nguyễn Văn An dự. Theo {hon} An, thủ tục nhanh hơn.")
    assert [text[s:e] for s, e in got[0]["mentions"]] == ["Nguyễn Văn An", "An"]


@pytest.mark.parametrize("hon", TITLES["honorifics"])
def test_every_honorific_introduces_a_name(hon):
    _, got = extract(f"Theo {hon} Nguyễn Văn An, Chủ tịch UBND xã , thủ tục nhanh hơn.")
    assert got[0]["name"] == "Nguyễn Văn An"
    # a name of a less common family name and no middle name needs the cue
    _, got = extract(f"Theo {hon} Mai Hà, Chủ tịch UBND xã , thủ tục nhanh hơn.")
    assert got[0]["name"] == "Mai Hà"
    assert extract("Theo Mai Hà, Chủ tịch UBND xã , thủ tục nhanh hơn.")[1] == []


@pytest.mark.parametrize("hon", TITLES["honorifics"])
def test_only_comrades_need_no_role(hon):
    _, got = extract(f"Hôm qua, {hon} Nguyễn Văn An dự hội nghị")
    assert [o["name"] for o in got] == (["Nguyễn Văn An"] if hon in TITLES["comrade_honorifics"] else [])


@pytest.mark.parametrize("link", TITLES["appointment_links"])
def test_every_appointment_link(link):
    _, got = extract(f"Ông Nguyễn Văn An, Giám đốc Sở Nội vụ, được Tỉnh ủy {link} Chủ tịch UBND tỉnh.")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [("Giám đốc", "Sở Nội vụ"), ("Chủ tịch", "UBND tỉnh")]


@pytest.mark.parametrize("word", TITLES["org_stop_words_in_names"])
def test_every_stop_word_inside_a_name(word):
    _, got = extract(f"Giám đốc Trung tâm Ban {word} Nguyễn Văn An cho biết")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [("Giám đốc", f"Trung tâm Ban {word}")]


@pytest.mark.parametrize("word", TITLES["org_inner_linkers"])
def test_every_inner_linker(word):
    _, got = extract(f"Ông Nguyễn Văn An, Chủ tịch Hội đồng Quốc gia {word} Phát triển bền vững, cho biết")
    assert got[0]["roles"][0]["org"] == f"Hội đồng Quốc gia {word} Phát triển bền vững"
    _, got = extract(f"Ông Nguyễn Văn An, Giám đốc Sở Nội vụ {word} Hà Nội, cho biết")
    assert got[0]["roles"][0]["org"] == "Sở Nội vụ"


@pytest.mark.parametrize("utype,committee", TITLES["unit_committees"].items())
def test_every_unit_committee(utype, committee):
    word = max((w for w, t in TITLES["unit_words"].items() if t == utype), key=len)  # "xã", not "tx"
    _, got = extract(f"Ông Nguyễn Văn An, Bí thư {word} Tân An, cho biết")
    assert got[0]["roles"][0]["org"] == f"{committee} Tân An"


@pytest.mark.parametrize("qualifier", TITLES["title_qualifiers"])
def test_every_title_qualifier(qualifier):
    _, got = extract(f"Ông Nguyễn Văn An, {qualifier} Giám đốc Sở Nội vụ, cho biết")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [(f"{qualifier} Giám đốc", "Sở Nội vụ")]
    _, got = extract(f"Tới dự có {qualifier} Giám đốc Sở Nội vụ Nguyễn Văn An.")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [(f"{qualifier} Giám đốc", "Sở Nội vụ")]


@pytest.mark.parametrize("intro", TITLES["shared_post_intros"])
def test_every_shared_post_intro(intro):
    for text in (f"Các Phó Chủ tịch UBND tỉnh {intro}: Nguyễn Văn An, Trần Thị Bình.",
                 f"Các Phó Chủ tịch UBND tỉnh {intro} ông Nguyễn Văn An và bà Trần Thị Bình."):
        _, got = extract(text)
        assert [(o["name"], [(r["title"], r["org"]) for r in o["roles"]]) for o in got] == \
            [("Nguyễn Văn An", [("Phó Chủ tịch", "UBND tỉnh")]), ("Trần Thị Bình", [("Phó Chủ tịch", "UBND tỉnh")])]


@pytest.mark.parametrize("link", TITLES["role_links"])
def test_every_role_link(link):
    _, got = extract(f"Ông Nguyễn Văn An, Chủ tịch UBND xã {link} Bí thư Đảng ủy xã, cho biết")
    assert [r["title"] for r in got[0]["roles"]] == ["Chủ tịch", "Bí thư"]


@pytest.mark.parametrize("word,utype", TITLES["unit_words"].items())
def test_every_unit_word(word, utype):
    written = word.upper() if word.endswith(".") or len(word) <= 2 else word
    _, got = extract(f"Chủ tịch UBND {written} Tân An Nguyễn Văn An phát biểu")
    assert got[0]["roles"][0]["org"] == f"UBND {written} Tân An"
    # the name right after a unit word is the unit's, unless it reads as a person's: after a
    # province word, a name the register holds no province or city of
    if utype in TITLES["register_checked_unit_types"]:
        assert extract(f"Chủ tịch UBND {written} Hà Giang phát biểu")[1] == []
        assert extract(f"Chủ tịch UBND {written} Mai Lâm phát biểu")[1][0]["name"] == "Mai Lâm"
    else:
        assert extract(f"Chủ tịch UBND {written} Mai Lâm phát biểu")[1] == []
    assert extract(f"Chủ tịch UBND {written} Nguyễn Văn Cầu phát biểu")[1][0]["name"] == "Nguyễn Văn Cầu"


@pytest.mark.parametrize("word", TITLES["not_unit_words"])
def test_every_not_unit_word(word):
    _, got = extract(f"Ông Nguyễn Văn An, Trưởng ban Văn hóa - {word} HĐND huyện, cho biết")
    assert got[0]["roles"][0]["title"] == f"Trưởng ban Văn hóa - {word}"


@pytest.mark.parametrize("organ,utype", TITLES["organ_words"].items())
def test_every_organ_word(organ, utype):
    written = organ.capitalize()
    _, got = extract(f"Ban Thường vụ {written} Tân An chỉ đạo. Ông Lê Văn An, Phó Bí thư {written}, cho biết")
    assert got[0]["roles"][0]["org"] == f"{written} Tân An"


NUMBERED_BODIES = [
    # a body named by its number keeps the number ("Quận 1" was already a unit)
    ("Ông Phạm Thanh Liêm, Phó Lữ đoàn trưởng Lữ đoàn 146, cho biết", "Phạm Thanh Liêm", "Lữ đoàn 146"),
    ("Ông Vương Đình Huệ, Chủ tịch Ủy ban 1899, yêu cầu", "Vương Đình Huệ", "Ủy ban 1899"),
]


@pytest.mark.parametrize("text,name,org", NUMBERED_BODIES)
def test_a_body_named_by_its_number(text, name, org):
    _, got = extract(text)
    assert (got[0]["name"], got[0]["roles"][-1]["org"]) == (name, org)


@pytest.mark.parametrize("body", TITLES["national_bodies"])
def test_every_national_body_is_read_whole(body):
    # lower-case inner words would otherwise end the organisation; the name after it still ends it
    lowered = body[0] + body[1:].lower()
    for written in (body, lowered):
        _, got = extract(f"Chánh Văn phòng {written} Nguyễn Văn An cho biết")
        assert (got[0]["name"], got[0]["roles"][0]["org"]) == ("Nguyễn Văn An", written)


@pytest.mark.parametrize("title,rule", TITLES["group_heads"].items())
def test_every_group_head(title, rule):
    for group in rule["groups"]:
        for purpose in rule["purposes"]:
            _, got = extract(f"{group.capitalize()} {purpose} do ông Nguyễn Văn An, Chủ tịch UBND xã, làm "
                             f"{title.lower()}.")
            assert got[0]["roles"][-1]["title"] == f"{title} {purpose}"


@pytest.mark.parametrize("surname", SURNAMES["common"] + SURNAMES["other"])
def test_every_surname(surname):
    _, got = extract(f"Chủ tịch UBND huyện Tân Trụ {surname} Văn Bình phát biểu")
    assert [o["name"] for o in got] == [f"{surname} Văn Bình"]


@pytest.mark.parametrize("surname", SURNAMES["with_middle_name"])
def test_every_family_name_read_only_before_a_middle_name(surname):
    _, got = extract(f"Trung tá {surname} Minh Khiêm, Trưởng Công an huyện phát biểu")
    assert [o["name"] for o in got] == [f"{surname} Minh Khiêm"]
    # ... not before another word: a place's name
    _, got = extract(f"Ông Hoàng Văn An, Chủ tịch UBND xã {surname} Hà phát biểu")
    assert [o["name"] for o in got] == ["Hoàng Văn An"]


@pytest.mark.parametrize("middle", SURNAMES["middle_names"])
def test_every_middle_name(middle):
    _, got = extract(f"Chủ tịch HĐND huyện Nguyễn {middle} An phát biểu")
    assert [o["name"] for o in got] == [f"Nguyễn {middle} An"]


@pytest.mark.parametrize("place", SURNAMES["place_names"])
def test_every_place_name(place):
    assert extract(f"Chủ tịch UBND {place} phát biểu")[1] == []
    _, got = extract(f"Chủ tịch UBND {place} Hoàng Văn An phát biểu")
    assert [o["name"] for o in got] == ["Hoàng Văn An"]


# --------------------------------------------------------------------------- properties

FRAGMENTS = ["Chủ tịch", "UBND", "huyện", "Tân Hồng", "Nguyễn Văn Hội", "ông", "bà", "đồng chí", "Hội",
             " – ", ", ", " - ", "HUV", "Phó", "Bí thư", "Huyện ủy", "TP.", "HCM", "làm", "trưởng đoàn",
             "Tổ giám sát", "\n", ". ", "Yoon Suk", "Hà Nội", "Thị", "( ", " )", "đ/c", "Lê"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join), st.integers(0, 400))
@example("Chủ tịch Nguyễn Văn Hội Chủ tịch Nguyễn Văn Hội Chủ tịch", 51)  # crashed: min() of no mentions
def test_mentions_are_names_inside_the_body(text, body_end):
    text, got = extract(text, min(body_end, len(text)))
    for o in got:
        for s, e in o["mentions"]:
            assert 0 <= s < e <= min(body_end, len(text))
            assert text[s].isupper() and text[s:e] == text[s:e].strip()


# --------------------------------------------------------------------------- ministries

MINISTRIES = load_yaml("ministries.yml")["ministries"]


@pytest.mark.parametrize("ministry", MINISTRIES)
def test_a_minister_without_a_ministry_takes_the_one_the_article_names(ministry):
    _, got = extract(f"{ministry} cắt giảm 9 thủ tục. Quyết định do Bộ trưởng Trần Văn An ký.")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [("Bộ trưởng", ministry)]


def test_a_minister_without_a_ministry_stays_so_when_the_article_names_several():
    _, got = extract("Bộ Công Thương và Bộ Tài chính họp. Thứ trưởng Trần Văn An phát biểu.")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [("Thứ trưởng", None)]


@pytest.mark.parametrize("row", [r for r in TITLES["titles"] if r.get("implied_org")])
def test_every_implied_organisation(row):
    _, got = extract(f"Hội nghị do {row['title']} Lê Văn Quang chủ trì.")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [(row["title"], row["implied_org"])]
    # ... the organisation the text names stays
    _, got = extract(f"Hội nghị do {row['title']} {row['implied_org']} Lê Văn Quang chủ trì.")
    assert [(r["title"], r["org"]) for r in got[0]["roles"]] == [(row["title"], row["implied_org"])]
