"""Figures in context: kind, value, aspect, object, approx, noun, subject, period.

Rows are Example(text, expected) in named groups (price-parser / quantulum3 style); every row
checks `text[span] == surface`. Known failures are xfail(strict=True) so a fix flips them.
"""
from dataclasses import dataclass, field

import pytest

from conftest import grouped_cases
from pipeline.figures import extract_figures, find_cues
from pipeline.resources import load_yaml
from pipeline.textkeys import fold
from pipeline.segment import segment
from pipeline.units import extract_units


@dataclass
class Example:
    text: str
    expected: list[dict] = field(default_factory=list)  # each: surface + the labels to check


def E(text, *figs):
    return Example(text, list(figs))


def run(text, units=()):
    article = segment(text, (0, len(text)), published="2024-10-16")
    figs = extract_figures(article, list(units))
    for f in figs:
        s, e = f["span"]
        assert text[s:e] == f["surface"]
        assert f["sentence"][0] <= s and e <= f["sentence"][1]
    return figs


def aspects_of(text, expected):
    """The aspects of the figures `expected` names, by surface (None for one not found)."""
    got = {f["surface"]: f["aspect"] for f in run(text)}
    return {s: got.get(s) for s in expected}


def check(example):
    figs = run(example.text)
    assert [f["surface"] for f in figs] == [x["surface"] for x in example.expected]
    for got, want in zip(figs, example.expected):
        for k, v in want.items():
            assert got[k] == v, (want["surface"], k, got[k], v)


GROUPS = {
    "received_resolved": [
        E("Bộ phận một cửa của xã đã tiếp nhận 2.065 hồ sơ.",
          dict(surface="2.065", value=2065, kind="count", object="dossier", aspect="received", noun="hồ sơ")),
        E("Số hồ sơ đã giải quyết là: 2065 hồ sơ, đạt 100%.",
          dict(surface="2065", aspect="resolved"), dict(surface="100%", kind="percent", aspect="resolved", object="dossier")),
        E("Huyện đã giải quyết 42.503 hồ sơ của công dân, không có hồ sơ trễ hẹn.",
          dict(surface="42.503", aspect="resolved"),
          dict(surface="không có hồ sơ", value=0, kind="count", aspect="overdue", object="dossier")),
        # pending dossiers are neither received nor resolved: their phrase beats the verbs around
        E("Phường giải quyết xong 5.581 hồ sơ; 398 hồ sơ còn lại đang trong quá trình xử lý.",
          dict(surface="5.581", aspect="resolved"), dict(surface="398", aspect="other")),
        E("Phường tiếp nhận 300 hồ sơ, 45 hồ sơ khác đang được giải quyết.",
          dict(surface="300", aspect="received"), dict(surface="45", aspect="other")),
    ],
    "on_time_overdue": [
        E("Đã trả kết quả đúng hạn và trước hạn 100%, không có hồ sơ nào quá hạn.",
          dict(surface="100%", aspect="on_time", object="dossier"),
          dict(surface="không có hồ sơ nào", value=0, aspect="overdue")),
        E("Xã đã tiếp nhận 1.140 hồ sơ, 100% hồ sơ được giải quyết đúng hạn.",
          dict(surface="1.140", aspect="received"), dict(surface="100%", aspect="on_time")),
        E("Trong đó 100% hồ sơ được tiếp nhận, giải quyết và trả kết quả sớm hẹn, đúng hẹn.",
          dict(surface="100%", aspect="on_time")),
        E("Có 15 hồ sơ trễ hạn trong quý.", dict(surface="15", aspect="overdue")),
    ],
    "online": [
        E("Tại huyện mới chỉ có 0,58% hồ sơ/ tổng số hồ sơ được tiếp nhận trực tuyến.",
          dict(surface="0,58%", value=0.58, aspect="online", object="dossier")),
        E("Huyện tiếp nhận gần 2.100 hồ sơ, trong đó số hồ sơ được tiếp nhận trực tuyến chiếm gần 97%.",
          dict(surface="2.100", approx="under", aspect="received"), dict(surface="97%", approx="under", aspect="online")),
        E("Tỷ lệ trao đổi văn bản qua thư điện tử với các cơ quan đạt trên 95%.",
          dict(surface="95%", approx="over", aspect="online", object="document")),
    ],
    "procedures": [
        E("Số TTHC được niêm yết công khai là 152 thủ tục.",
          dict(surface="152", object="procedure", aspect="published")),
        E("Thành phố đề nghị cắt giảm thời hạn giải quyết đối với 20 thủ tục hành chính (TTHC); giữ nguyên 10 TTHC, kiến nghị đơn giản hóa 6 TTHC.",
          dict(surface="20", aspect="cut"), dict(surface="10", aspect="other"), dict(surface="6", aspect="simplified")),
        E("100% TTHC được công khai, niêm yết đầy đủ.", dict(surface="100%", object="procedure", aspect="published")),
    ],
    "tasks_and_ratios": [
        E("Huyện đề ra 24 nhiệm vụ, đến nay hoàn thành 22/24 nhiệm vụ (đạt 91,16%).",
          dict(surface="24", object="task", aspect="planned"),
          dict(surface="22/24", kind="ratio", value=22, denominator=24, aspect="completed"),
          dict(surface="91,16%", value=91.16, object="task", aspect="completed")),
        E("Hoàn thành việc kiểm tra 6 cơ quan chuyên môn, 2 đơn vị sự nghiệp và 9/9 xã, thị trấn.",
          dict(surface="6", object="agency", aspect="inspected"), dict(surface="2", object="agency", aspect="inspected"),
          dict(surface="9/9", object="admin_unit", aspect="inspected")),
    ],
    "ranks_scores": [
        E("Chỉ số cải cách hành chính của huyện giảm đột ngột, đứng 30/30 trong năm 2023.",
          dict(surface="30/30", kind="rank", denominator=30, aspect="par_index")),
        E("Năm 2024, tỉnh đạt 88,35/100 điểm, đứng thứ 5/63 tỉnh, thành phố.",
          dict(surface="88,35/100", kind="score", value=88.35, denominator=100),
          dict(surface="5/63", kind="rank", value=5, denominator=63)),
        E("Bộ xếp thứ 3 trên tổng số 19 bộ về chỉ số cải cách hành chính.",
          dict(surface="3", kind="rank", value=3, denominator=19, aspect="par_index")),
        E("Chỉ số hài lòng của người dân đạt trên 90%.", dict(surface="90%", aspect="satisfaction", approx="over")),
    ],
    "qualifiers": [
        E("Tiếp nhận hơn 17.100 hồ sơ.", dict(surface="17.100", approx="over")),
        E("Tiếp nhận khoảng 500 hồ sơ.", dict(surface="500", approx="about")),
        E("Giải quyết ít nhất 80% hồ sơ.", dict(surface="80%", approx="at_least")),
        E("Giải quyết tối đa 30 hồ sơ.", dict(surface="30", approx="at_most")),
        E("Tỷ lệ hồ sơ trực tuyến đạt 90-95%.", dict(surface="90", value=90, approx="at_least"),
          dict(surface="95%", value=95, approx="at_most")),
        E("Tỷ lệ hồ sơ đúng hạn từ 80% đến dưới 90%.", dict(surface="80%", approx="exact"),
          dict(surface="90%", approx="under")),
        # "lên tới" (reaching) states the count itself: ANNOTATION.md's over-words are hơn, trên, ngoài, vượt
        E("Số hồ sơ nộp trực tuyến lên tới 26.902 hồ sơ.", dict(surface="26.902", approx="exact")),
        E("Số hồ sơ nộp trực tuyến lên đến hơn 26.902 hồ sơ.", dict(surface="26.902", approx="over")),
    ],
    "changes": [
        E("Cơ chế một cửa đã xử lý 180.079 hồ sơ (tăng 107% so với cùng kỳ).",
          dict(surface="180.079", change=False), dict(surface="107%", change=True)),
        E("Năm 2025, tỉnh tăng 2 bậc so với năm 2024.", dict(surface="2", change=True)),
        E("Năm 2025, điểm số đạt 3 điểm cao hơn so với năm 2024.", dict(surface="3", change=True)),
        # what is counted changed, not the count: "7 tỉnh tăng hạng so với năm 2024"
        E("Năm 2025, khu vực có 7 tỉnh tăng hạng so với năm 2024.", dict(surface="7", change=False)),
        E("Năm 2025, có 5 xã giảm điểm so với năm 2024.", dict(surface="5", change=False)),
        # "tăng lên" / "giảm xuống" name the level reached ("rose to"), not the change
        E("Năm 2025, tỷ lệ hồ sơ trực tuyến của huyện đã tăng lên 64,6%.", dict(surface="64,6%", change=False)),
        E("Năm 2025, số hồ sơ trễ hạn của huyện giảm xuống 128 hồ sơ.", dict(surface="128", change=False)),
        E("Năm 2025, tỷ lệ hồ sơ trực tuyến của huyện tăng thêm 6,4%.", dict(surface="6,4%", change=True)),
    ],
    "counted_objects": [
        # a rate after a count takes its noun, not the abbreviation defined in brackets after it
        E("Quý I/2026, tỉnh tiếp nhận 356.204 hồ sơ thủ tục hành chính (TTHC), tăng 12,4% so với quý IV/2025.",
          dict(surface="356.204", object="dossier"), dict(surface="12,4%", object="dossier")),
        E("Tỉnh đã bãi bỏ 40 điều kiện kinh doanh.", dict(surface="40", object="other", aspect="cut", noun="điều kiện kinh doanh")),
        E("Đoàn làm việc với 12 doanh nghiệp và 3 tổ chức.", dict(surface="12", object="other"), dict(surface="3", object="other")),
        E("Sở đã cấp 5.200 giấy chứng nhận.", dict(surface="5.200", object="other")),
        E("Cục có 20 chi cục trực thuộc.", dict(surface="20", object="agency")),
        E("Bộ đã ban hành 03 thông tư hướng dẫn.", dict(surface="03", value=3, object="document")),
        E("Rà soát 15 nhóm thủ tục về đầu tư.", dict(surface="15", object="procedure", noun="thủ tục")),
        E("Mục tiêu giảm 20% chi phí tuân thủ.", dict(surface="20%", object="other")),
    ],
    "non_dossier_aspects": [
        # generic dossier cues do not label offices and people
        E("Huyện tiếp nhận hồ sơ tại 7 bưu cục trên địa bàn.", dict(surface="7", aspect="other")),
        E("Sở đã gửi văn bản hướng dẫn giải quyết tới 24 phòng chuyên môn.", dict(surface="24", aspect="other")),
        # an inspection reaches its objects anywhere in the clause
        E("Đoàn đã kiểm tra công tác cải cách hành chính tại 8 địa phương.", dict(surface="8", aspect="inspected")),
        # a cue describing dossiers does not reach an office further on
        E("Cung cấp dịch vụ công trực tuyến cho 21 thủ tục tại 18 cơ quan đăng ký.",
          dict(surface="21", aspect="online"), dict(surface="18", aspect="other")),
    ],
    "lists_and_restatements": [
        E("Hoàn thành kiểm tra 6 cơ quan chuyên môn, 2 đơn vị sự nghiệp và 9/9 xã.",
          dict(surface="6", aspect="inspected"), dict(surface="2", aspect="inspected"),
          dict(surface="9/9", aspect="inspected", kind="ratio")),
        E("Tỉnh đã cắt giảm 102/163 điều kiện kinh doanh (chiếm 62,6%).",
          dict(surface="102/163", aspect="cut"), dict(surface="62,6%", aspect="cut")),
        E("Tỉnh đã bãi bỏ, sửa đổi 30 điều kiện kinh doanh.", dict(surface="30", aspect="cut")),
        E("Tỷ lệ hồ sơ trễ hạn là 4%. Với 2 triệu hồ sơ mỗi năm thì 4% này là con số lớn.",
          dict(surface="4%", aspect="overdue"), dict(surface="2 triệu", value=2000000),
          dict(surface="4%", aspect="overdue")),
        # a list item after a noun with its abbreviation in brackets takes the item before's measure
        E("Năm 2025, các bộ đã cắt giảm 2.183 thủ tục hành chính (TTHC) và 4.271 điều kiện kinh doanh.",
          dict(surface="2.183", aspect="cut"), dict(surface="4.271", aspect="cut")),
        # the parts a total names after "trong đó" / "gồm" take its measure
        E("Năm 2025, tỉnh đã công bố 2.041 TTHC thuộc thẩm quyền giải quyết của chính quyền địa phương 2 cấp; "
          "trong đó cấp tỉnh 1.611 thủ tục, cấp xã 386 thủ tục, còn lại 44 thủ tục do các cơ quan ngành dọc thực hiện.",
          dict(surface="2.041", aspect="published"), dict(surface="1.611", aspect="published"),
          dict(surface="386", aspect="published"), dict(surface="44", aspect="published")),
        E("Từ đầu năm, Sở Nội vụ đã kiểm tra 12 cơ quan, đơn vị, gồm 5 sở, ngành và 7 UBND cấp huyện.",
          dict(surface="12", aspect="inspected"), dict(surface="5", aspect="inspected"),
          dict(surface="7", aspect="inspected")),
        # ... in the next sentence too, when "Trong đó" opens it and the total closes the one before
        E("Năm 2025, tỉnh đã công bố 1.932 TTHC thuộc thẩm quyền giải quyết của các cấp chính quyền. Trong đó, "
          "cấp tỉnh 1.517 TTHC, cấp xã 415 TTHC.", dict(surface="1.932", aspect="published"),
          dict(surface="1.517", aspect="published"), dict(surface="415", aspect="published")),
        E("Năm 2025, tỉnh đã công bố 1.932 TTHC. Trong đó, 1.200 TTHC được cung cấp trực tuyến toàn trình.",
          dict(surface="1.932", aspect="published"), dict(surface="1.200", aspect="online")),
        # ... not a part with a measure of its own, nor a count of something else
        E("Năm 2025, tỉnh đã công bố 2.041 TTHC; trong đó 1.200 TTHC trực tuyến toàn trình.",
          dict(surface="2.041", aspect="published"), dict(surface="1.200", aspect="online")),
        E("Năm 2021, Công an huyện đã thu nhận hồ sơ cho hơn 46.000 trường hợp, trong đó có 2 đợt làm việc xuyên đêm.",
          dict(surface="46.000", aspect="received"), dict(surface="2", aspect="other")),
    ],
    "windows": [
        # "TP." is an abbreviation, not the end of the clause
        E("Trên 85% người dân TP. Cần Thơ hài lòng với dịch vụ.", dict(surface="85%", aspect="satisfaction", approx="over")),
        # a comma between two nouns of one phrase keeps the words after it with the figure
        E("Có 90% người dân, tổ chức hài lòng.", dict(surface="90%", aspect="satisfaction")),
        E("Qua rà soát, phát hiện ít nhất có 12 hồ sơ quá hạn.", dict(surface="12", approx="at_least", aspect="overdue")),
        # a target names its metric: planned only when nothing else does
        E("Phấn đấu đến năm 2025 có 80% hồ sơ được giải quyết trực tuyến.", dict(surface="80%", aspect="online")),
        E("Phấn đấu hoàn thành 100% chỉ tiêu đề ra.", dict(surface="100%", aspect="completed")),
    ],
    "number_forms_in_context": [
        E("Thành phố giải quyết 1,2 triệu hồ sơ mỗi năm.",
          dict(surface="1,2 triệu", value=1200000, kind="count", object="dossier", aspect="resolved")),
        E("Chi phí giảm 14,5 triệu đồng.", ),  # money is not a figure
        E("Năng suất lao động tăng 10 đến 15%.",
          dict(surface="10", kind="percent", approx="at_least"), dict(surface="15%", approx="at_most")),
        E("Tỷ lệ hồ sơ trực tuyến đạt từ 70% đến 80%.",
          dict(surface="70%", approx="exact"), dict(surface="80%", approx="exact")),
        E("Bộ Tài chính đạt chỉ số 89,21 trong bảng xếp hạng.",
          dict(surface="89,21", value=89.21, kind="score", aspect="par_index")),
        E("Bộ Tư pháp xếp vị trí thứ nhất trong số 19 bộ, cơ quan ngang bộ.",
          dict(surface="thứ nhất", value=1, kind="rank", denominator=19, object="other")),
        # ordinals coordinated with a rank's ordinal are ranks too
        E("Hà Nội và Đà Nẵng lần lượt xếp thứ hai, thứ ba với 90,12 và 89,75 điểm.",
          dict(surface="thứ hai", value=2, kind="rank"), dict(surface="thứ ba", value=3, kind="rank"),
          dict(surface="90,12", kind="score"), dict(surface="89,75", kind="score")),
        E("Xếp thứ hai và thứ ba là phường Pleiku và phường Hoài Nhơn.",
          dict(surface="thứ hai", value=2, kind="rank"), dict(surface="thứ ba", value=3, kind="rank")),
        # a unit's place after a ranking's verb, its own verb left out; "xếp cuối, thứ 10/10"
        E("Huyện Lạng Giang đứng thứ hai (89,74 điểm); huyện Hiệp Hòa thứ ba (88,96 điểm).",
          dict(surface="thứ hai", value=2, kind="rank"), dict(surface="89,74", kind="score"),
          dict(surface="thứ ba", value=3, kind="rank"), dict(surface="88,96", kind="score")),
        E("Huyện Sơn Động xếp cuối, thứ 10/10, đạt 80,15 điểm.",
          dict(surface="10/10", value=10, denominator=10, kind="rank"), dict(surface="80,15", kind="score")),
        E("Tỉnh xếp thứ hai. Lần thứ ba tỉnh tổ chức hội nghị.", dict(surface="thứ hai", value=2, kind="rank")),
        # ", thứ ba là X", "vươn lên thứ ba", compound ordinals, a place "(thứ 61)" in a ranking
        E("Xếp thứ hai là tỉnh Thanh Hóa với 92,81 điểm, thứ ba là tỉnh Hưng Yên.",
          dict(surface="thứ hai", value=2, kind="rank"), dict(surface="92,81", kind="score"),
          dict(surface="thứ ba", value=3, kind="rank")),
        E("Năm 2024, tỉnh Bắc Giang vươn lên thứ ba với 90,34 điểm.",
          dict(surface="thứ ba", value=3, kind="rank"), dict(surface="90,34", kind="score")),
        E("Năm 2025, tỉnh Đồng Tháp xếp thứ mười bốn trong 34 tỉnh, thành phố.",
          dict(surface="thứ mười bốn", value=14, kind="rank", denominator=34)),
        E("Nhóm cuối bảng gồm Bình Thuận (thứ 61) và Kon Tum (thứ 62).",
          dict(surface="61", value=61, kind="rank"), dict(surface="62", value=62, kind="rank")),
        # units just named, counted again in words: no figure
        E("Phường Minh Xuân và phường Hà Giang 1 là hai đơn vị tiếp nhận nhiều hồ sơ nhất, với 2.134 hồ sơ.",
          dict(surface="2.134", kind="count")),
        E("Thứ hai, ngày 4/12, huyện họp giao ban."),  # a weekday is not a rank
        # full marks achieved are a score, the bound of a scale is none
        E("Năm 2025, tỉnh đạt điểm tối đa 18/18 điểm ở nhóm công khai, minh bạch.",
          dict(surface="18/18", kind="score", aspect="published")),
        E("Năm 2025, nhóm công khai, minh bạch có điểm tối đa 18 điểm."),
        # a context phrase as its clause's subject, a few words before the verb
        E("Lãi suất phổ biến hiện nay vẫn ở mức 9-10% nên doanh nghiệp khó cạnh tranh."),
        E("Tỷ lệ hồ sơ đúng hạn hiện nay vẫn ở mức 98%.", dict(surface="98%", aspect="on_time")),
        E("Trong số 68.281 hồ sơ trễ hạn, có 61.276 hồ sơ đã có thư xin lỗi.",
          dict(surface="68.281", value=68281, aspect="overdue"), dict(surface="61.276", value=61276)),
        # the bounds of a scale are not results
        E("Ngân hàng đạt 92,36% (thang điểm từ 0% đến 100%).", dict(surface="92,36%")),
        # an index edition year, even before a noun that can be counted
        E("Ngoài ra, SIPAS 2017 phản ánh tình trạng đi lại nhiều lần."),
    ],
    "more_cues_and_objects": [
        E("Quý tới sẽ đưa thêm 17 thủ tục lên Cơ chế một cửa quốc gia.", dict(surface="17", aspect="one_stop")),
        E("Hệ thống đã tiếp nhận 586 phản ánh, kiến nghị của người dân.",
          dict(surface="586", aspect="received", object="other", noun="phản ánh, kiến nghị")),
        # ... as a tokenizer spaced it
        E("Hệ thống đã tiếp nhận 586 phản ánh , kiến nghị của người dân .",
          dict(surface="586", aspect="received", object="other", noun="phản ánh , kiến nghị")),
        E("Tỷ lệ hài lòng về thủ tục khai sinh đạt 88%; chứng thực 86%; đăng ký kết hôn 90%.",
          dict(surface="88%", aspect="satisfaction", object="other"), dict(surface="86%", aspect="satisfaction", object="other"),
          dict(surface="90%", aspect="satisfaction", object="other")),
        E("Bộ đã đơn giản hóa 108 thủ tục, trong tổng số 443 thủ tục hành chính.",
          dict(surface="108", aspect="simplified"), dict(surface="443", aspect="other")),
        E("Thành phố mới có 4 trong tổng số 23 sở, ngành thực hiện đúng tiến độ.",
          dict(surface="4", kind="ratio", value=4, denominator=23, object="agency")),
        E("Doanh nghiệp FDI chiếm 28,6% tổng vốn đầu tư."),  # a share of money
        E("Ngành y tế đã lập 6 triệu 325 nghìn hồ sơ sức khỏe điện tử.", dict(surface="6 triệu 325 nghìn", value=6325000)),
        E("Quảng Ninh giữ vị trí số 1 về chỉ số cải cách hành chính.", dict(surface="1", kind="rank", aspect="par_index")),
        E("Mục tiêu đưa tỷ lệ kiểm tra chuyên ngành xuống còn 15%.", dict(surface="15%", object="other")),
    ],
    "trends_and_ranges": [
        # a rate's change over time is not a cut
        E("Tỷ lệ người dân phải đưa tiền giảm từ 17% năm 2016 xuống còn 9% năm 2017.",
          dict(surface="17%", aspect="other"), dict(surface="9%", aspect="other")),
        E("Có từ 9%-11% số doanh nghiệp cho biết phải chi thêm.",
          dict(surface="9%", approx="exact"), dict(surface="11%", approx="exact")),
        E("Cao hơn mức 6%-8% của giai đoạn trước.",
          dict(surface="6%", approx="at_least"), dict(surface="8%", approx="at_most")),
        E("Các khoản chi chiếm hơn 10% tổng doanh thu của doanh nghiệp."),  # a share of money
        E("Số hồ sơ đang xử lý là 717 hồ sơ.", dict(surface="717", aspect="other")),
        E("Năm 2017, trung tâm đã nhận hơn 40.000 hồ sơ.", dict(surface="40.000", aspect="received")),
    ],
    "zero_and_references": [
        E("Không có bộ, cơ quan ngang bộ nào giảm điểm so với năm trước.",
          dict(surface="Không có bộ, cơ quan ngang bộ nào", value=0, object="agency", aspect="par_index")),
        E("Huyện không có xã đạt chuẩn."),  # "nào" is needed for a zero of units
        # a crawl's tokenized comma still reads as one noun phrase
        E("Hệ thống triển khai tại 584 xã , phường , thị trấn.", dict(surface="584", noun="xã , phường , thị trấn")),
        # a number + noun + "này" points back to units already named
        E("Hà Nội và TP.HCM đề nghị thí điểm; song hai địa phương này phải nghiên cứu thêm."),
    ],
    "topic_of_the_passage": [
        # a cue-less rate takes the topic of the sentences just before it
        E("Về mức độ hài lòng, các thủ tục đều đạt mức khá.\nCụ thể, thủ tục khai sinh đạt 72,1%.",
          dict(surface="72,1%", aspect="satisfaction", object="other")),
        # a generic verb right after "thủ tục" names the procedure, not the metric
        E("Tỷ lệ hài lòng với thủ tục cấp phép xây dựng đạt 58%.", dict(surface="58%", aspect="satisfaction")),
        # a blank line ends the passage
        E("Người dân rất hài lòng với cán bộ.\n\nCông trình đã đạt 40% khối lượng.", dict(surface="40%", aspect="other")),
        # ... and so does a sentence whose earlier clauses state another metric
        E("Năm 2025, tỷ lệ hồ sơ trực tuyến đạt 80%. Phường đã hoàn thành 14/16 nhiệm vụ, đạt 87,5%; hai nhiệm vụ "
          "còn lại đang được khẩn trương triển khai.", dict(surface="80%", aspect="online"),
          dict(surface="14/16", aspect="completed"), dict(surface="87,5%", aspect="completed"),
          dict(surface="hai", aspect="other")),
    ],
    "traps_of_news_pages": [
        # dates written with dots are dates, not decimals
        E("Ngày 19.9, xã tiếp nhận 30 hồ sơ.", dict(surface="30", value=30)),
        E("Từ 1.7 - 10.9, xã tiếp nhận 30 hồ sơ.", dict(surface="30", value=30)),
        E("Trong tháng 9.2025, xã tiếp nhận 30 hồ sơ.", dict(surface="30", value=30)),
        # thousands written as a word, or with no separator
        E("Xã đã tiếp nhận 37 ngàn hồ sơ.", dict(surface="37 ngàn", value=37000)),
        E("Xã đã tiếp nhận 3000 hồ sơ.", dict(surface="3000", value=3000)),
        # a drop capital split from its word still qualifies the number
        E("H ƠN 98% hồ sơ được giải quyết đúng hạn.", dict(surface="98%", approx="over")),
        E("G ẦN 2.000 hồ sơ đã được tiếp nhận.", dict(surface="2.000", approx="under")),
        # a timestamp under a headline, hotlines and round-the-clock service are not figures
        E("Cải cách hành chính xã\n11/08/2025 16:43\nXã tiếp nhận 30 hồ sơ.", dict(surface="30")),
        E("Người dân gọi đường dây nóng 1900 1234 hoặc 0243 123 456 để phản ánh."),
        E("Tổng đài hỗ trợ 24/7 cho người dân; hồ sơ được xử lý 24/24."),
        E("Có 24/24 xã hoàn thành.", dict(surface="24/24", kind="ratio")),
    ],
    "defined_abbreviations": [
        # an abbreviation the article defines in brackets after a counted noun counts as that noun
        E("Xã tiếp nhận 1.200 hồ sơ (HS). Trong đó, 1.100 HS được giải quyết đúng hạn.",
          dict(surface="1.200", object="dossier"), dict(surface="1.100", object="dossier", noun="HS", aspect="on_time")),
        # not defined in this text: no count
        E("Xã có 12 HS mới."),
    ],
    "bare_totals": [
        # "tổng số là N": the total of the counted noun named before it in the sentence
        E("Xét riêng nhóm hồ sơ thuộc thẩm quyền cấp xã, tổng số là 2.760; trong đó có 2.602 hồ sơ đúng hạn.",
          dict(surface="2.760", kind="count", object="dossier", noun="hồ sơ"),
          dict(surface="2.602", object="dossier", aspect="on_time")),
        E("Tổng số là 2.760, theo báo cáo của xã."),
        # a scale word closing the clause: the noun stood before the copula
        E("Tổng số hồ sơ tiếp nhận là 1,2 triệu.", dict(surface="1,2 triệu", value=1200000, object="dossier")),
        E("Tổng kinh phí là 1,2 triệu."),
    ],
    "elided_nouns": [
        # parallel clauses with the same verb leave out the counted noun of the first count
        E("Sở Tư pháp có 191 DVCTT; Sở Xây dựng có 160; Văn phòng UBND tỉnh có 5.",
          dict(surface="191", object="procedure"), dict(surface="160", object="procedure", noun="DVCTT"),
          dict(surface="5", object="procedure", noun="DVCTT")),
        # a cue word in the next item's name ("Thanh tra", "liên thông") neither breaks the list
        # nor gives the item its aspect
        E("Sở Tư pháp có 156 DVCTT; Thanh tra tỉnh có 5; Nhóm TTHC liên thông có 2.",
          dict(surface="156", aspect="other"), dict(surface="5", noun="DVCTT", aspect="other"),
          dict(surface="2", noun="DVCTT", aspect="other")),
        # not a parallel clause: another verb before the bare number
        E("Xã tiếp nhận 300 hồ sơ; ông Nguyễn Văn A cho biết có 5.", dict(surface="300")),
    ],
    "elliptic_ranks": [
        E("Tỉnh xếp thứ 2 và 3 về chỉ số PAPI.", dict(surface="2", kind="rank"), dict(surface="3", kind="rank")),
        E("Tỉnh lần lượt xếp thứ 3 về PCI và thứ 6 về PAPI.",
          dict(surface="3", kind="rank", index="PCI"), dict(surface="6", kind="rank", index="PAPI")),
        # a count after the rank keeps its noun
        E("Tỉnh xếp thứ 5/63, và 20 thủ tục được công bố.", dict(surface="5/63", kind="rank"),
          dict(surface="20", kind="count")),
        E("Kỳ họp thứ 17 và thứ 18 của HĐND."),
        # "vị trí" is a ranking's word too; "lần lượt" after a number is no multiplier ("3 lần")
        E("Vị trí thứ 2 và thứ 3 lần lượt thuộc về Hà Nội và Huế.",
          dict(surface="2", kind="rank"), dict(surface="3", kind="rank")),
        E("Số hồ sơ tăng 3 lần so với năm trước."),
        # the last of a list of ranks after "và"; units listed with their places after "là:"
        E("TP Hồ Chí Minh xếp thứ 13, Hà Nội thứ 15 và Cần Thơ thứ 21.",
          dict(surface="13", kind="rank"), dict(surface="15", kind="rank"), dict(surface="21", kind="rank")),
        E("Các thành phố có thứ hạng lần lượt là: Hà Nội thứ 3 (90,11 điểm), Đà Nẵng thứ 11 (87,02 điểm).",
          dict(surface="3", kind="rank"), dict(surface="90,11", kind="score"),
          dict(surface="11", kind="rank"), dict(surface="87,02", kind="score")),
        E("Đoàn làm việc lần thứ 3 tại Hà Nội."),
    ],
    "scores_listed_with_semicolons": [
        # values of a "lần lượt" list separated by ";", the unit after the last
        E("Tiếp theo là Bắc Ninh, Phú Thọ và Hà Nội với số điểm lần lượt là 90,98; 90,45 và 89,87 điểm.",
          dict(surface="90,98", kind="score"), dict(surface="90,45", kind="score"), dict(surface="89,87", kind="score")),
        E("Xã A tiếp nhận 904; xã B 512 hồ sơ.", dict(surface="512", kind="count")),
    ],
    "fractions_and_point_ranges": [
        E("Có 2/3 số sở đã triển khai.", dict(surface="2/3", kind="ratio", value=2, denominator=3, object="agency")),
        E("Họp ngày 2/3 tại xã."),
        E("Tỉnh đạt từ 80 đến 85 điểm.", dict(surface="80", kind="score"), dict(surface="85", kind="score")),
    ],
    "counts_in_words": [
        # "một" counts right after "có", "trong đó có" ...; elsewhere it is an article
        E("Trong đó có một xã đạt chuẩn nông thôn mới.", dict(surface="một", value=1, object="admin_unit")),
        E("Xã có một số thủ tục còn vướng mắc."),
        E("Một cửa liên thông được triển khai ở huyện."),
        # "năm" is five where no year can stand: after "có", or opening a sentence before a counted noun
        E("Chỉ có năm hồ sơ quá hạn.", dict(surface="năm", value=5, object="dossier")),
        E("Năm đơn vị dẫn đầu là phường A và xã B.", dict(surface="Năm", value=5)),
        E("Trong năm hồ sơ trực tuyến tăng mạnh."),
        E("Năm nay, xã giải quyết hồ sơ nhanh hơn."),
        # ... or after a list's joint or a contrast (five_counts_after); not after a time word
        E("Hàng năm Bộ Nội vụ tổ chức đo lường sự hài lòng."),
        E("Đến cuối năm xã hoàn thành kế hoạch."),
        # "UBND + unit type" is a counted head
        E("Bưu điện phối hợp với 24 UBND quận huyện.", dict(surface="24", object="admin_unit")),
    ],
    "aspects_of_2025_reports": [
        E("Tỷ lệ số hóa hồ sơ đạt 100%.", dict(surface="100%", aspect="digitized")),
        E("Tỷ lệ thanh toán trực tuyến đạt 96,8%.", dict(surface="96,8%", aspect="paid_online")),
        E("Có 2.234 thủ tục được giải quyết không phụ thuộc địa giới hành chính.", dict(surface="2.234", aspect="other")),
        E("Đã trả kết quả 2.094 hồ sơ; 145 hồ sơ khác đang được giải quyết.",
          dict(surface="2.094", aspect="resolved"), dict(surface="145", aspect="other")),
    ],
    "ratios_and_ranks_in_words": [
        E("Đã có 9 trên 10 xã hoàn thành kế hoạch.", dict(surface="9 trên 10", value=9, denominator=10, kind="ratio")),
        E("Có 3 trên tổng số 5 huyện hoàn thành.", dict(surface="3 trên tổng số 5", value=3, denominator=5, kind="ratio")),
        # "trên" before a single number is still "over"
        E("Huyện tiếp nhận trên 10 hồ sơ.", dict(surface="10", approx="over", kind="count")),
        # a rank's field stays the rank's denominator
        E("Tỉnh đứng thứ 3 trên 63 tỉnh.", dict(surface="3", kind="rank", denominator=63)),
        E("Năm 2023, tỉnh đứng số một cả nước về chỉ số PCI.", dict(surface="số một", value=1, kind="rank")),
        E("Sở giữ vị trí số một về chỉ số PAR INDEX.", dict(surface="số một", value=1, kind="rank")),
    ],
    "periods": [
        E("Từ năm 2021 đến 2023, bộ phận một cửa của huyện đã tiếp nhận 9021 hồ sơ.",
          dict(surface="9021", period={"text": "Từ năm 2021 đến 2023", "start": "2021-01-01", "end": "2023-12-31",
                                        "span": [0, 20], "inherited": False})),
        E("Trong 6 tháng đầu năm, huyện tiếp nhận 300 hồ sơ.",
          dict(surface="300", period={"text": "6 tháng đầu năm", "start": "2024-01-01", "end": "2024-06-30",
                                        "span": [6, 21], "inherited": False})),
    ],
}


@pytest.mark.parametrize("example", [e for g in GROUPS.values() for e in g],
                         ids=[f"{name}:{i}" for name, g in GROUPS.items() for i, _ in enumerate(g)])
def test_figures(example):
    check(example)


KNOWN_FAILURES = [
    # bare values in brackets after the names of fields, their noun said once before "lần lượt"
    E("Các lĩnh vực có nhiều hồ sơ nhất lần lượt là chứng thực (1.476), hộ tịch (1.120) và đất đai (537).",
      dict(surface="1.476"), dict(surface="1.120"), dict(surface="537")),
]


@pytest.mark.xfail(strict=True, reason="a bare value in brackets takes no noun said before a list")
@pytest.mark.parametrize("example", KNOWN_FAILURES)
def test_known_failures(example):
    check(example)


def test_word_numbers():
    check(E("Huyện có hai mươi đơn vị hành chính cấp xã.", dict(surface="hai mươi", value=20, object="admin_unit")))


def test_subject_from_named_unit_and_generic_reference():
    text = "Theo báo cáo của lãnh đạo xã Chuyên Mỹ: năm 2018, xã đã tiếp nhận 2.065 hồ sơ."
    s = text.index("xã Chuyên Mỹ")
    unit = {"id": "u1", "type": "xã", "name": "Chuyên Mỹ", "mentions": [[s, s + len("xã Chuyên Mỹ")]]}
    [fig] = run(text, [unit])
    assert fig["subject"]["unit"] == "u1"


def test_aggregate_subject():
    text = "Bộ phận một cửa của các xã, thị trấn tiếp nhận hơn 17.100 hồ sơ."
    [fig] = run(text)
    assert fig["subject"]["aggregate"] == "xã, thị trấn" and fig["subject"]["unit"] is None


@pytest.mark.parametrize("text,unit,aggregate", [
    # district-level types listed together, with "các" or without it, are the units together (not
    # the one district the article names later)
    ("Xét theo cấp, các quận, huyện tiếp nhận 171.530 hồ sơ. Tại huyện Vĩnh Bảo, tỷ lệ trực tuyến cao nhất.",
     ("huyện", "Vĩnh Bảo", "huyện Vĩnh Bảo"), "quận, huyện"),
    ("Năm 2020, khối quận, huyện, thị xã đạt 86,74 điểm bình quân. Thị xã Bình Minh dẫn đầu.",
     ("thị xã", "Bình Minh", "Thị xã Bình Minh"), "quận, huyện, thị xã"),
])
def test_listed_unit_types_are_an_aggregate(text, unit, aggregate):
    utype, name, surface = unit
    fig = run(text, [_unit(text, "u1", utype, name, surface)])[0]
    assert (fig["subject"]["aggregate"], fig["subject"]["unit"]) == (aggregate, None)


def test_a_type_said_twice_is_no_list():
    # "của UBND quận, quận đã ...": the district itself, named before, not a list of types
    text = "Quận Ninh Kiều ban hành kế hoạch. Thực hiện kế hoạch của UBND quận, quận đã kiểm tra 6 phường."
    fig = run(text, [_unit(text, "u1", "quận", "Ninh Kiều", "Quận Ninh Kiều")])[0]
    assert fig["subject"]["unit"] == "u1"


def _unit(text, uid, utype, name, surface=None, register=None):
    surface = surface or f"{utype} {name}"
    s = text.index(surface)
    return {"id": uid, "type": utype, "name": name, "mentions": [[s, s + len(surface)]], "register": register}


SUBJECT_CASES = [
    # carried over to the next sentence: the unit, not the province placing it in brackets
    ("Xã Tân Hưng (Hải Phòng) tiếp nhận 560 hồ sơ. Trong đó, 520 hồ sơ trực tuyến.",
     [("u1", "xã", "Tân Hưng", "Xã Tân Hưng"), ("u2", "thành phố", "Hải Phòng", "Hải Phòng")], "520", "u1"),
    # a unit named right after the figure with "ở"/"tại"
    ("Qua kiểm tra, thành phố phát hiện 30 hồ sơ chậm ở phường Tân Định.",
     [("u1", "phường", "Tân Định", None)], "30", "u1"),
    # ... but not the first of several named there: the figure is about them together
    ("Thành phố Cần Thơ: hai điểm nhận hồ sơ ở phường Phú Lợi và Vị Tân ngừng hoạt động.",
     [("u1", "thành phố", "Cần Thơ", "Thành phố Cần Thơ"), ("u2", "phường", "Phú Lợi", None),
      ("u3", "phường", "Vị Tân", "Vị Tân")], "hai", "u1"),
    # a ranking list: the unit alone in the figure's clause
    ("Dẫn đầu là tỉnh Quảng Ninh với 90,5 điểm, sau đó là tỉnh Hải Dương với 88,1 điểm.",
     [("u1", "tỉnh", "Quảng Ninh", None), ("u2", "tỉnh", "Hải Dương", None)], "88,1", "u2"),
    # the actor of the sentence, not a unit named later in the clause
    ("Năm 2022, UBND thành phố Bắc Giang đã trình UBND tỉnh Bắc Giang phê duyệt 20 thủ tục.",
     [("u1", "thành phố", "Bắc Giang", None), ("u2", "tỉnh", "Bắc Giang", None)], "20", "u1"),
    # the unit a few words before the figure, in a list of several
    ("Đứng sau là tỉnh Đồng Nai xếp thứ 3, thành phố Đà Nẵng xếp thứ 4 và thành phố Hải Phòng xếp thứ 5.",
     [("u1", "tỉnh", "Đồng Nai", None), ("u2", "thành phố", "Đà Nẵng", None), ("u3", "thành phố", "Hải Phòng", None)],
     "5", "u3"),
    # a qualifier between the unit and its value: "Ứng Hòa (hơn 80%)"
    ("Đứng cuối là huyện Thanh Oai (hơn 81%); huyện Ứng Hòa (hơn 80%).",
     [("u1", "huyện", "Thanh Oai", None), ("u2", "huyện", "Ứng Hòa", None)], "80%", "u2"),
    # a ministry is the actor: no province named before is carried over
    ("Tỉnh Quảng Ninh dẫn đầu với 90,5 điểm. Bộ Tài chính đạt 89,21 điểm chỉ số CCHC.",
     [("u1", "tỉnh", "Quảng Ninh", "Tỉnh Quảng Ninh")], "89,21", None),
    # a province's own department keeps the province
    ("Tỉnh Quảng Ninh đã số hóa hồ sơ. Sở Nội vụ tiếp nhận 300 hồ sơ trực tuyến.",
     [("u1", "tỉnh", "Quảng Ninh", "Tỉnh Quảng Ninh")], "300", "u1"),
    # a headline: the unit after the figure
    ("Trên 80% người dân tỉnh Lào Cai hài lòng", [("u1", "tỉnh", "Lào Cai", None)], "80%", "u1"),
    # after a ranking list in an earlier paragraph, the article's own unit (the highest level
    # its headline and lead name), not the last unit of the list
    ("Kết quả CCHC của thành phố Hà Nội\n\nĐứng cuối là huyện Thanh Oai và huyện Ứng Hòa.\n\n"
     "Có 2 nhóm dịch vụ đạt loại tốt.",
     [("u1", "thành phố", "Hà Nội", None), ("u2", "huyện", "Thanh Oai", None), ("u3", "huyện", "Ứng Hòa", None)],
     "2", "u1"),
    # ... in the same paragraph too
    ("Kết quả CCHC của thành phố Hà Nội\n\nĐứng cuối là huyện Thanh Oai và huyện Ứng Hòa. Có 2 đơn vị cấp "
     "huyện đạt dưới 75 điểm.",
     [("u1", "thành phố", "Hà Nội", None), ("u2", "huyện", "Thanh Oai", None), ("u3", "huyện", "Ứng Hòa", None)],
     "2", "u1"),
    # the article's own unit is the headline's, before a province its lead names around it
    ("Phường Cái Khế: 9 nghìn hồ sơ đúng hạn\n\nLãnh đạo thành phố Cần Thơ và phường Cái Khế dự. Đứng đầu "
     "là phường An Bình và phường Tân An.\n\nCó 2 nhóm dịch vụ đạt loại tốt.",
     [("u1", "phường", "Cái Khế", "Phường Cái Khế"), ("u2", "thành phố", "Cần Thơ", None), ("u3", "phường", "An Bình", None),
      ("u4", "phường", "Tân An", None)], "2", "u1"),
    # after a merger: a generic "xã" is the commune that exists, not one merged into it
    ("Xã An Nghĩa được thành lập từ xã Phú Thành và xã Phú Nghĩa. Đến nay, xã đã đạt 15/19 tiêu chí.",
     [("u1", "xã", "An Nghĩa", "Xã An Nghĩa", "2025"), ("u2", "xã", "Phú Thành", None, "pre-2025"),
      ("u3", "xã", "Phú Nghĩa", None, "pre-2025")], "15/19", "u1"),
    # ... and before it, the last commune named (no register says otherwise)
    ("Xã An Nghĩa và xã Phú Nghĩa họp. Đến nay, xã đã đạt 15/19 tiêu chí.",
     [("u1", "xã", "An Nghĩa", "Xã An Nghĩa"), ("u2", "xã", "Phú Nghĩa", None)], "15/19", "u2"),
    # a generic reference after a period phrase ending in a date is a reference, not a count's noun
    ("Phường Mộc Châu họp. Tỷ lệ đạt 75,2%, vượt chỉ tiêu tỉnh Sơn La giao. Lũy kế quý I/2026, phường tiếp "
     "nhận 3.516 hồ sơ.",
     [("u1", "phường", "Mộc Châu", "Phường Mộc Châu"), ("u2", "tỉnh", "Sơn La", None)], "3.516", "u1"),
    # a year right before a generic reference is no count of it: "năm 2023 huyện", not "2023 huyện"
    ("Huyện Cam Lộ tiếp nhận 900 hồ sơ. Riêng xã Cam Thủy chưa đạt yêu cầu.\n\nVề kế hoạch, năm 2023 huyện đề "
     "ra 28 nhiệm vụ CCHC.",
     [("u1", "huyện", "Cam Lộ", "Huyện Cam Lộ"), ("u2", "xã", "Cam Thủy", None)], "28", "u1"),
    ("Huyện Cam Lộ tiếp nhận 900 hồ sơ. Riêng xã Cam Thủy chưa đạt yêu cầu.\n\nTrong tháng 10/2024 huyện "
     "tiếp nhận 120 hồ sơ.",
     [("u1", "huyện", "Cam Lộ", "Huyện Cam Lộ"), ("u2", "xã", "Cam Thủy", None)], "120", "u1"),
    # a ranking paragraph names units one sentence each: after it, the article's own unit
    ("Kết quả CCHC của tỉnh Gia Lai\n\nDẫn đầu là phường Quy Nhơn với 93,41 điểm. Xếp cuối bảng là xã Kbang "
     "với 74,16 điểm.\n\nViệc đo lường được thực hiện với 4.050 phiếu hỏi.",
     [("u1", "tỉnh", "Gia Lai", None), ("u2", "phường", "Quy Nhơn", None), ("u3", "xã", "Kbang", None)], "4.050", "u1"),
    # after a list of other wards in the body, "phường" is the article's own ward again ...
    ("Phường Thành Vinh tổng kết năm 2025\n\nPhường tiếp nhận 9.000 hồ sơ. So với các phường lân cận, phường "
     "Trường Vinh và Vinh Hưng lần lượt tiếp nhận 5.120 và 3.874 hồ sơ.\n\nPhường đang triển khai mô hình tại 32 "
     "khối dân cư.",
     [("u1", "phường", "Thành Vinh", "Phường Thành Vinh"), ("u2", "phường", "Trường Vinh", None),
      ("u3", "phường", "Vinh Hưng", "Vinh Hưng")], "32", "u1"),
    # ... but not when the article's own unit is of another type: the last ward named
    ("Tỉnh Nghệ An tổng kết năm 2025\n\nToàn tỉnh tiếp nhận 9.000 hồ sơ. So với các phường lân cận, phường "
     "Trường Vinh và Vinh Hưng lần lượt tiếp nhận 5.120 và 3.874 hồ sơ.\n\nPhường đang triển khai mô hình tại 32 "
     "khối dân cư.",
     [("u1", "tỉnh", "Nghệ An", "Tỉnh Nghệ An"), ("u2", "phường", "Trường Vinh", None),
      ("u3", "phường", "Vinh Hưng", "Vinh Hưng")], "32", "u3"),
    # an adverb between a unit and its verb: "tỉnh chỉ xếp thứ", not the unit in the aside before
    ("Tỉnh Tuyên Quang họp. Năm 2025 – năm đầu hợp nhất với tỉnh Hà Giang – tỉnh chỉ xếp thứ 19/34.",
     [("u1", "tỉnh", "Tuyên Quang", "Tỉnh Tuyên Quang", "2025"), ("u2", "tỉnh", "Hà Giang", None, "pre-2025")],
     "19/34", "u1"),
    # a national body that announces the figure is not its subject
    ("Năm 2025, PAR INDEX của tỉnh Cao Bằng do Bộ Nội vụ công bố đạt 84,62%, xếp thứ 26/34.",
     [("u1", "tỉnh", "Cao Bằng", None)], "84,62%", "u1"),
    # ... one that reaches the figure itself is ("Bộ Tài chính đạt 89,21%": no unit's)
    ("Năm 2025, tỉnh Cao Bằng họp. Bộ Tài chính đạt 89,21%.", [("u1", "tỉnh", "Cao Bằng", None)], "89,21%", None),
    # a unit named as it was: "(cũ)" between it and its rank
    ("Năm 2024, tỉnh Quảng Bình (cũ) xếp thứ 21/63, tỉnh Quảng Trị (cũ) xếp thứ 39/63.",
     [("u1", "tỉnh", "Quảng Bình", None), ("u2", "tỉnh", "Quảng Trị", None)], "39/63", "u2"),
    # a province placing a ward in an apposition is no subject
    ("Năm 2025, xã Đức Trọng xếp thứ 3. Phường Mũi Né, thuộc địa bàn tỉnh Bình Thuận (cũ), đạt 92,3 điểm.",
     [("u1", "xã", "Đức Trọng", None), ("u2", "phường", "Mũi Né", "Phường Mũi Né"), ("u3", "tỉnh", "Bình Thuận", None)],
     "92,3", "u2"),
    # a headline naming no unit is about the lead's
    ("SIPAS 2025: Hơn 87% người dân hài lòng\n\nKết quả SIPAS 2025 do Sở Nội vụ TP Cần Thơ công bố cho thấy chỉ số "
     "chung đạt 87,42%.", [("u1", "thành phố", "Cần Thơ", "TP Cần Thơ")], "87%", "u1"),
    # a unit named as the scope of a superlative or of a rank's field is no subject
    ("Năm 2025, tỉnh Đắk Lắk tiếp nhận 19.870 hồ sơ. Xã Ea Kar có tỷ lệ đúng hạn thấp nhất tỉnh, 91,4%.",
     [("u1", "tỉnh", "Đắk Lắk", None), ("u2", "xã", "Ea Kar", "Xã Ea Kar")], "91,4%", "u2"),
    ("Năm 2024, chỉ số CCHC của huyện Cần Giuộc xếp thứ 3/15 huyện, thị xã, thành phố của tỉnh Long An, tăng hai bậc.",
     [("u1", "huyện", "Cần Giuộc", None), ("u2", "tỉnh", "Long An", None)], "hai", "u1"),
    # "lần lượt" after units counted, named before the sentence: the k-th of them
    ("Năm 2025, phường Hoàn Kiếm tiếp nhận 7.642 hồ sơ, phường Cửa Nam 5.318 hồ sơ, phường Ba Đình 6.905 hồ sơ. "
     "Tỷ lệ hồ sơ nộp trực tuyến của ba phường lần lượt đạt 94,1%, 92,6% và 91,8%.",
     [("u1", "phường", "Hoàn Kiếm", None), ("u2", "phường", "Cửa Nam", None), ("u3", "phường", "Ba Đình", None)],
     "92,6%", "u2"),
    # "các xã, phường, đặc khu": all the units of those types, not the special zone named before
    ("Tỉnh Quảng Ninh có đặc khu Cô Tô. 9 tháng đầu năm 2026, Trung tâm cùng các chi nhánh tại các xã, phường, "
     "đặc khu đã tiếp nhận 563.918 hồ sơ.",
     [("u1", "tỉnh", "Quảng Ninh", "Tỉnh Quảng Ninh"), ("u2", "đặc khu", "Cô Tô", None)], "563.918", None),
    # ... "của UBND cấp xã, đặc khu đã ...": a level, then the special zone itself
    ("Tỉnh Lâm Đồng có đặc khu Phú Quý. Thuộc thẩm quyền giải quyết của UBND cấp xã, đặc khu đã niêm yết công khai "
     "376 TTHC.", [("u1", "tỉnh", "Lâm Đồng", "Tỉnh Lâm Đồng"), ("u2", "đặc khu", "Phú Quý", None)], "376", "u2"),
    # ... "các xã này": as many as the values
    ("Năm 2025, phường Hoàn Kiếm tiếp nhận 7.642 hồ sơ, phường Cửa Nam 5.318 hồ sơ, phường Ba Đình 6.905 hồ sơ. "
     "Tỷ lệ hồ sơ nộp trực tuyến của các phường này lần lượt đạt 94,1%, 92,6% và 91,8%.",
     [("u1", "phường", "Hoàn Kiếm", None), ("u2", "phường", "Cửa Nam", None), ("u3", "phường", "Ba Đình", None)],
     "91,8%", "u3"),
    # ... a unit in brackets is an aside about a listed unit, not one of the list
    ("Năm 2025, phường Lương Văn Tri, phường Đông Kinh (thuộc thành phố Lạng Sơn cũ) và xã Đồng Đăng tiếp nhận "
     "nhiều hồ sơ nhất, lần lượt 8.214, 7.930 và 5.106 hồ sơ.",
     [("u1", "phường", "Lương Văn Tri", None), ("u2", "phường", "Đông Kinh", None), ("u3", "thành phố", "Lạng Sơn", None),
      ("u4", "xã", "Đồng Đăng", None)], "7.930", "u2"),
    # ... a scope ("cao nhất tỉnh") is not one of the listed units
    ("Năm 2026, các phường Long Châu, An Hội và Trà Vinh là những đơn vị có tỷ lệ số hóa cao nhất tỉnh, lần lượt "
     "đạt 98,1%, 97,5% và 96,2%.",
     [("u1", "phường", "Long Châu", "phường Long Châu"), ("u2", "phường", "An Hội", "An Hội"),
      ("u3", "phường", "Trà Vinh", "Trà Vinh")], "96,2%", "u3"),
    # ... its values end with the one after "và", and ranks in words are values
    ("Năm 2022, xã Cẩm Quang, Cẩm Thành và thị trấn Thiên Cầm lần lượt xếp thứ nhất, thứ hai và thứ ba với "
     "93,5 điểm, 92,8 điểm và 92,1 điểm; 4 xã đạt loại khá.",
     [("u1", "xã", "Cẩm Quang", None), ("u2", "xã", "Cẩm Thành", "Cẩm Thành"), ("u3", "thị trấn", "Thiên Cầm", None)],
     "92,8", "u2"),
    ("Năm 2022, xã Cẩm Quang, Cẩm Thành và thị trấn Thiên Cầm lần lượt xếp thứ nhất, thứ hai và thứ ba với "
     "93,5 điểm, 92,8 điểm và 92,1 điểm; 4 xã đạt loại khá.",
     [("u1", "xã", "Cẩm Quang", None), ("u2", "xã", "Cẩm Thành", "Cẩm Thành"), ("u3", "thị trấn", "Thiên Cầm", None)],
     "thứ ba", "u3"),
    # a special zone referred to by its type word alone
    ("Đặc khu Phú Quốc tiếp nhận 10.982 hồ sơ, cao hơn mức chung của tỉnh An Giang.\n\nMục tiêu năm 2026 "
     "của đặc khu là tỷ lệ thanh toán trực tuyến đạt 90%.",
     [("u1", "đặc khu", "Phú Quốc", "Đặc khu Phú Quốc"), ("u2", "tỉnh", "An Giang", None)], "90%", "u1"),
    # not a unit "của" attaches to a named thing after the figure ("Cổng Dịch vụ công của tỉnh")
    ("UBND huyện Krông Pắc đã công khai 279 TTHC cấp huyện và 112 TTHC cấp xã trên Cổng Dịch vụ công của tỉnh Đắk Lắk.",
     [("u1", "huyện", "Krông Pắc", "huyện Krông Pắc"), ("u2", "tỉnh", "Đắk Lắk", None)], "112", "u1"),
    ("Tỉnh tiếp nhận 9.000 hồ sơ. Trong đó, 288 hồ sơ của huyện Krông Pắc được giải quyết trước hạn.",
     [("u1", "huyện", "Krông Pắc", "huyện Krông Pắc")], "288", "u1"),
    # ... nor the unit of a comparison's baseline
    ("Năm 2025, đặc khu Vân Đồn tiếp nhận 9.842 hồ sơ, tăng 18% so với cùng kỳ năm 2024 của huyện Vân Đồn (cũ).",
     [("u1", "đặc khu", "Vân Đồn", "đặc khu Vân Đồn"), ("u2", "huyện", "Vân Đồn", "huyện Vân Đồn")], "18%", "u1"),
    # not a unit named in an aside that closed before the sentence
    ("Phường Ba Đình sơ kết CCHC\n\nĐến ngày 29/9, phường Ba Đình đã giải quyết 9.612 hồ sơ, có 22 hồ sơ quá hạn "
     "(chuyển từ quận Ba Đình cũ sang). Tỷ lệ hài lòng đạt 99,2%.",
     [("u1", "phường", "Ba Đình", "Phường Ba Đình"), ("u2", "quận", "Ba Đình", "quận Ba Đình")], "99,2%", "u1"),
    # nor what the territory was called before, named in a look back
    ("Phú Quốc giải quyết nhanh hồ sơ\n\nĐặc khu Phú Quốc tiếp nhận 19.312 hồ sơ.\n\nSo với cùng kỳ năm 2025, "
     "khi địa bàn còn là TP Phú Quốc (cũ), số hồ sơ tăng mạnh.\n\nSố hồ sơ giải quyết đúng hạn là 17.952 hồ sơ.",
     [("u1", "đặc khu", "Phú Quốc", "Đặc khu Phú Quốc"), ("u2", "thành phố", "Phú Quốc", "TP Phú Quốc")], "17.952", "u1"),
    # the body a request is addressed to is not the one that acts
    ("Trong năm 2019, thành phố Bảo Lộc đã rà soát, đề nghị UBND tỉnh Lâm Đồng bãi bỏ 7 thủ tục hành chính.",
     [("u1", "thành phố", "Bảo Lộc", "thành phố Bảo Lộc"), ("u2", "tỉnh", "Lâm Đồng", "tỉnh Lâm Đồng")], "7", "u1"),
    ("Năm 2019, huyện Bảo Lâm đã kiến nghị tỉnh Lâm Đồng bãi bỏ 7 thủ tục hành chính.",
     [("u1", "huyện", "Bảo Lâm", "huyện Bảo Lâm"), ("u2", "tỉnh", "Lâm Đồng", "tỉnh Lâm Đồng")], "7", "u1"),
    # a unit named alone in an earlier paragraph is still carried over
    ("Kết quả CCHC của thành phố Hà Nội\n\nHuyện Thanh Oai đẩy mạnh số hóa.\n\nHuyện tiếp nhận 300 hồ sơ.",
     [("u1", "thành phố", "Hà Nội", None), ("u2", "huyện", "Thanh Oai", "Huyện Thanh Oai")], "300", "u2"),
]


@pytest.mark.parametrize("text,units,surface,subject", SUBJECT_CASES)
def test_subject_rules(text, units, surface, subject):
    figs = run(text, [_unit(text, *u) for u in units])
    [fig] = [f for f in figs if f["surface"] == surface]
    assert fig["subject"]["unit"] == subject


@pytest.mark.parametrize("text,expected", [
    # parts named by their class after "trong đó", their noun left out
    ("Năm 2025, sở giải quyết 23.988 hồ sơ, trong đó trước và đúng hạn 23.851, chiếm 99,43%.",
     [("23.988", "resolved"), ("23.851", "on_time"), ("99,43%", "on_time")]),
    ("Năm 2025, trung tâm giải quyết 6.703 hồ sơ, trong đó trước hạn 2.418, đúng hạn 4.259, quá hạn 26 hồ sơ.",
     [("6.703", "resolved"), ("2.418", "on_time"), ("4.259", "on_time"), ("26", "overdue")]),
    # a part in brackets after a long label; each part takes its own class's aspect
    ("Năm 2025, trung tâm tiếp nhận 24.615 hồ sơ (trực tuyến 19.870; trực tiếp 4.645; qua dịch vụ bưu chính "
     "công ích 180).", [("24.615", "received"), ("19.870", "online"), ("4.645", "received"), ("180", "received")]),
])
def test_parts_whose_noun_is_left_out(text, expected):
    assert [(f["surface"], f["aspect"]) for f in run(text)] == expected
    assert all(f["object"] == "dossier" for f in run(text))


# the measure a figure takes from a figure or an index near it: (text, [(surface, aspect)])
MEASURE_FROM_CONTEXT = {
    # a percentage restating the ratio before it takes its measure, whatever the ratio's words hold
    "restating_a_ratio": [
        ("Năm 2022, huyện đã hoàn thành 21/34 nhiệm vụ đề ra, đạt 61,76%.", [("21/34", "completed"), ("61,76%", "completed")]),
        ("Năm 2022, huyện đã hoàn thành 21/34 nhiệm vụ theo kế hoạch (đạt 61,76%).",
         [("21/34", "completed"), ("61,76%", "completed")]),
        # ... not a rate named after the ratio's words
        ("Năm 2022, huyện đã hoàn thành 21/34 nhiệm vụ, tỷ lệ hồ sơ đúng hạn đạt 98%.",
         [("21/34", "completed"), ("98%", "on_time")]),
    ],
    # an index's fields counted by what they achieved measure the index
    "index_fields": [
        ("Chỉ số CCHC năm 2025 của Huế xếp thứ 4/34. Huế có 3 lĩnh vực đạt trên 90% số điểm tối đa.",
         [("4/34", "par_index"), ("3", "par_index"), ("90%", "par_index")]),
        ("Chỉ số CCHC năm 2025 của Hải Phòng đạt 91,2%. Hải Phòng có 3/8 lĩnh vực nằm trong nhóm dẫn đầu.",
         [("91,2%", "par_index"), ("3/8", "par_index")]),
        # ... not the fields dossiers belong to
        ("Năm 2023, tỉnh tiếp nhận hồ sơ thuộc 6 lĩnh vực, đạt 98% đúng hạn.", [("6", "other"), ("98%", "on_time")]),
    ],
    # a share of units by their band of an index measures the index
    "units_in_a_band": [
        ("Mục tiêu năm 2026 là 100% địa phương đạt từ 80 điểm trở lên.", [("100%", "par_index"), ("80", "par_index")]),
        ("Năm 2021 tỉnh phấn đấu có ít nhất 80% cơ quan, đơn vị đạt trên 85 điểm.",
         [("80%", "par_index"), ("85", "par_index")]),
        # ... not a share of units by another rate
        ("Năm 2025, 95% xã đạt tỷ lệ hồ sơ trực tuyến trên 80%.", [("95%", "online"), ("80%", "online")]),
    ],
}


@pytest.mark.parametrize("case", grouped_cases(MEASURE_FROM_CONTEXT))
def test_measure_from_context(case):
    text, expected = case
    assert [(f["surface"], f["aspect"]) for f in run(text)] == expected


def test_a_zero_after_a_value_of_its_sentence_takes_that_value_s_measure():
    figs = run("Năm 2023, tỉnh đặt mục tiêu nâng Chỉ số SIPAS chung lên trên 88%, không có cơ quan nào dưới 80%.")
    assert [(f["surface"], f["aspect"]) for f in figs] == [
        ("88%", "satisfaction"), ("không có cơ quan nào", "satisfaction"), ("80%", "satisfaction")]
    # ... or after counts of an index's grades, the grade it leaves empty
    figs = run("Theo Chỉ số CCHC năm 2024, có 12 xã xếp loại Tốt và 39 xã xếp loại Khá; không còn đơn vị nào "
               "xếp loại Yếu.")
    assert [(f["surface"], f["aspect"]) for f in figs if f["surface"].startswith("không")] == [
        ("không còn đơn vị nào", "par_index")]
    # ... not after a count whose zero names no metric of its own
    assert [f["surface"] for f in run("Năm 2023, tỉnh có 12 cơ quan, không có cơ quan nào dưới chuẩn.")] == ["12"]


def test_a_place_in_brackets_after_a_name_in_a_ranking_is_a_rank():
    figs = run("Năm 2022, các tỉnh xếp cuối bảng lần lượt là Đắk Nông (61/63), Kon Tum (62/63) và Cao Bằng (63/63).")
    assert [(f["surface"], f["kind"], f["denominator"]) for f in figs] == [
        ("61/63", "rank", 63), ("62/63", "rank", 63), ("63/63", "rank", 63)]
    figs = run("Năm 2025, các tỉnh xếp cuối bảng là Cao Bằng (thứ 32/34) và Lai Châu (34/34); xã Tri Lễ xếp cuối "
               "(130/130, đạt 61,4 điểm).")
    assert [(f["surface"], f["kind"]) for f in figs if "/" in f["surface"]] == [
        ("32/34", "rank"), ("34/34", "rank"), ("130/130", "rank")]
    # "thứ" before a place out of its field, with no verb of ranking before it
    figs = run("Năm 2025, Lào Cai đạt 87,95 điểm, xếp thứ 15/34; Phú Thọ (87,12 điểm, thứ 18/34).")
    assert [(f["surface"], f["kind"], f["denominator"]) for f in figs if "/" in f["surface"]] == [
        ("15/34", "rank", 34), ("18/34", "rank", 34)]
    # ... not a part of a whole in brackets, nor outside a ranking
    assert [f["kind"] for f in run("Năm 2022, xã Tân Hưng (15/19 tiêu chí) dẫn đầu.")] == ["ratio"]
    assert [f["kind"] for f in run("Năm 2022, huyện có xã Tân Hưng (15/19) đạt chuẩn.")] == ["ratio"]


def test_a_unit_a_photo_caption_names_is_no_subject_of_the_paragraphs_after_it():
    text = ("Quý I/2026, tỉnh Tây Ninh tiếp nhận 215.640 hồ sơ.\n\nNgười dân làm thủ tục tại Trung tâm phường Tân An. "
            "Ảnh: Kỳ Quan\n\nTháng 1/2026, hệ thống tiếp nhận 81.200 hồ sơ.")
    units = [_unit(text, "u1", "tỉnh", "Tây Ninh", "tỉnh Tây Ninh"), _unit(text, "u2", "phường", "Tân An", "phường Tân An")]
    assert [(f["surface"], f["subject"]["unit"]) for f in run(text, units)] == [("215.640", "u1"), ("81.200", "u1")]
    # ... a paragraph that is no caption hands its unit on (the units' mentions stand before the change)
    text = text.replace(" Ảnh: Kỳ Quan", " Phường đã bố trí thêm quầy.")
    assert [(f["surface"], f["subject"]["unit"]) for f in run(text, units)] == [("215.640", "u1"), ("81.200", "u2")]


def test_a_figure_with_no_unit_since_the_one_before_it_in_its_sentence_shares_its_subject():
    text = ("Theo Hệ thống thông tin giải quyết TTHC tỉnh Đồng Tháp, trong tháng 10/2025, phường Mỹ Tho đạt 89,36 điểm, "
            "xếp thứ 4/102 xã, phường toàn tỉnh.")
    province = _unit(text, "u1", "tỉnh", "Đồng Tháp", "tỉnh Đồng Tháp")
    ward = _unit(text, "u2", "phường", "Mỹ Tho", "phường Mỹ Tho")
    assert [(f["surface"], f["subject"]["unit"]) for f in run(text, [province, ward])] == [("89,36", "u2"), ("4/102", "u2")]
    # ... not across a ";"
    text = "Theo tỉnh Đồng Tháp, phường Mỹ Tho đạt 89,36 điểm; 5 đơn vị xếp loại tốt."
    province = _unit(text, "u1", "tỉnh", "Đồng Tháp", "tỉnh Đồng Tháp")
    ward = _unit(text, "u2", "phường", "Mỹ Tho", "phường Mỹ Tho")
    assert [(f["surface"], f["subject"]["unit"]) for f in run(text, [province, ward])][-1] == ("5", "u1")


def test_units_and_values_joined_alike_pair_up_without_lan_luot():
    text = ("Ở cấp xã, phường An Xuyên và phường Bạc Liêu lần lượt đạt 99,1% và 98,6%; trong khi xã Đầm Dơi và "
            "xã Hồng Dân chỉ đạt 82,4% và 79,9%.")
    units = [_unit(text, f"u{k}", t, n) for k, (t, n) in enumerate(
        [("phường", "An Xuyên"), ("phường", "Bạc Liêu"), ("xã", "Đầm Dơi"), ("xã", "Hồng Dân")], 1)]
    assert [(f["surface"], f["subject"]["unit"]) for f in run(text, units)] == [
        ("99,1%", "u1"), ("98,6%", "u2"), ("82,4%", "u3"), ("79,9%", "u4")]
    # ... and "lần lượt" before the units, the values after them
    text = "Tiếp theo lần lượt là xã Đầm Dơi và xã Hồng Dân với 82,4 điểm và 79,9 điểm."
    units = [_unit(text, "u1", "xã", "Đầm Dơi"), _unit(text, "u2", "xã", "Hồng Dân")]
    assert [(f["surface"], f["subject"]["unit"]) for f in run(text, units)] == [("82,4", "u1"), ("79,9", "u2")]


def test_a_unit_placed_in_brackets_is_the_subject_not_its_place():
    text = "Huyện Cần Đước dẫn đầu với 95,2%; riêng thị trấn Cần Đước (huyện Cần Đước) đạt 99,3%."
    district = _unit(text, "u1", "huyện", "Cần Đước", "Huyện Cần Đước")
    bracketed = text.index("huyện Cần Đước)")
    district["mentions"].append([bracketed, bracketed + len("huyện Cần Đước")])
    figs = run(text, [district, _unit(text, "u2", "thị trấn", "Cần Đước", "thị trấn Cần Đước")])
    assert [(f["surface"], f["subject"]["unit"]) for f in figs] == [("95,2%", "u1"), ("99,3%", "u2")]


def test_unit_types_listed_after_a_number_are_counted_nouns_not_subjects():
    text = "Hệ thống dùng chung tại 30 quận, huyện, thị xã và 584 xã, phường, thị trấn của thành phố Hà Nội."
    figs = run(text)
    assert [f["surface"] for f in figs] == ["30", "584"]
    assert all(f["subject"]["aggregate"] is None for f in figs)


@pytest.mark.parametrize("text,objects", [
    # "đơn vị" counts communes where communes were just named, agencies where none were, zero phrases too
    ("Năm 2025, toàn tỉnh có 18 xã, phường đạt loại Tốt, 74 đơn vị đạt loại Khá; không có đơn vị nào xếp loại Yếu.",
     ["admin_unit", "admin_unit", "admin_unit"]),
    ("Năm 2025, có 10 sở đạt loại Tốt; không có đơn vị nào xếp loại Yếu.", ["agency", "agency"]),
    ("Năm 2025, có 9 tỉnh, thành phố đạt trên 90%; 22 đơn vị đạt từ 80% đến dưới 90%.",
     ["admin_unit", "other", "admin_unit", "other", "other"]),
])
def test_units_counted_as_don_vi_are_the_kind_just_named(text, objects):
    assert [f["object"] for f in run(text)] == objects


ASPECT_LEXICON = load_yaml("figures.yml")["aspects"]
CUE_TEMPLATES = ("Năm 2024, huyện {cue} 300 hồ sơ.", "Năm 2024, có 300 hồ sơ {cue}.", "Năm 2024, tỷ lệ {cue} đạt 95%.")


@pytest.mark.parametrize("aspect,cue", [(a, c) for cls in ("specific", "generic")
                                        for a, cues in ASPECT_LEXICON[cls].items() for c in cues])
def test_every_aspect_cue_labels_a_figure(aspect, cue):
    """Each cue phrase gives its aspect to a figure in one of the usual sentence shapes."""
    got = []
    for template in CUE_TEMPLATES:
        figs = run(template.format(cue=cue))
        got.append(figs[0]["aspect"] if figs else None)
    assert aspect in got, got


@pytest.mark.parametrize("phrase", ASPECT_LEXICON["neutral"])
def test_every_neutral_phrase_masks_its_cue_words(phrase):
    assert find_cues(fold(phrase), 0, len(phrase)) == []


@pytest.mark.parametrize("noun", load_yaml("figures.yml")["coordinated_nouns"])
def test_every_coordinated_noun_carries_the_figure_words_past_its_comma(noun):
    # "100% hồ sơ, kết quả giải quyết TTHC được số hóa": the comma joins two nouns of one phrase
    assert aspects_of(f"Đến nay, 100% hồ sơ, {noun} được số hóa.", ["100%"]) == {"100%": "digitized"}


def test_a_comma_before_another_noun_ends_the_figure_words():
    assert aspects_of("Đến nay, 100% hồ sơ, cán bộ được số hóa.", ["100%"]) == {"100%": "other"}


@pytest.mark.parametrize("cue", load_yaml("figures.yml")["number_words"]["one_counts_after"])
def test_one_counts_after_each_cue(cue):
    [fig] = run(f"Huyện {cue} một xã đạt chuẩn.")
    assert (fig["surface"], fig["value"], fig["object"]) == ("một", 1, "admin_unit")


@pytest.mark.parametrize("cue", load_yaml("figures.yml")["number_words"]["five_counts_after"])
def test_five_counts_after_each_cue(cue):
    joint = f" {cue}" if cue[0].isalpha() else cue  # a word after a space, a mark right after the word
    [fig] = run(f"Đoàn đã kiểm tra tại sở{joint} năm xã vùng cao.")
    assert (fig["surface"], fig["value"], fig["object"]) == ("năm", 5, "admin_unit")


@pytest.mark.parametrize("word", load_yaml("figures.yml")["number_words"]["have_not_counting_after"])
def test_have_after_each_word_introduces_an_article(word):
    assert run(f"Huyện {word} có một xã đạt chuẩn.") == []
    [fig] = run(f"Huyện {word} chỉ có một xã đạt chuẩn.")  # "chỉ có" still counts
    assert (fig["surface"], fig["value"]) == ("một", 1)


@pytest.mark.parametrize("obj,noun", [(o, n) for o, nouns in load_yaml("figures.yml")["objects"].items() for n in nouns])
def test_every_counted_noun_gives_its_object(obj, noun):
    """Each counted noun of figures.yml makes the number before it a count of its object."""
    [fig] = run(f"Năm 2024, tỉnh có 12 {noun} mới.")
    assert (fig["surface"], fig["kind"], fig["object"]) == ("12", "count", obj)


UNITS_NAMED_CASES = [
    ("Huyện Ứng Hòa và huyện Mỹ Đức lần lượt đạt 95% và 90%.", ["Huyện Ứng Hòa", "huyện Mỹ Đức"]),
    ("Năm 2023, tỉnh Hà Tĩnh có huyện Kỳ Anh và huyện Can Lộc lần lượt xếp thứ 3 và thứ 6.",
     ["huyện Kỳ Anh", "huyện Can Lộc"]),
    # values that carry their noun and an aside of their own still pair up
    ("Năm 2025, phường Ninh Kiều và phường Cái Khế lần lượt tiếp nhận 27.642 hồ sơ (trực tuyến 81,4%) và 19.380 hồ "
     "sơ (trực tuyến 76,9%).", ["phường Ninh Kiều", "phường Ninh Kiều", "phường Cái Khế", "phường Cái Khế"]),
    # a generic reference after a quarter's date is no counted noun
    ("Năm 2024, thành phố Phú Quốc (cũ) chỉ đạt 57,4%, còn quý I/2026 đặc khu Phú Quốc đạt 69,3%. Quý I/2026 đặc khu "
     "đạt 70%.", ["thành phố Phú Quốc", "đặc khu Phú Quốc", "đặc khu"]),
    # a goal set after a directive to a group of units is the article's unit's
    ("Huyện Hải Hậu tổ chức hội nghị. Ông A đề nghị các phòng, ban và UBND các xã, thị trấn hoàn thành nhiệm vụ; "
     "phấn đấu năm 2023 tỷ lệ hồ sơ trực tuyến đạt 80%.", ["Huyện Hải Hậu"]),
    # ... not the group's own result
    ("Huyện Hải Hậu tổ chức hội nghị. Năm 2023, các xã, thị trấn tiếp nhận 3.000 hồ sơ.", ["các xã, thị trấn"]),
    # the unit in a service portal's name owns the portal, not the figures counted on it
    ("Năm 2024, xã Đô Thành tiếp nhận 1.860 hồ sơ. Số hồ sơ nộp qua Cổng dịch vụ công tỉnh Nghệ An là 236 hồ sơ.",
     ["xã Đô Thành", "xã Đô Thành"]),
    # units named after "lần lượt là", their values after "với"
    ("Năm 2025, cuối bảng xếp hạng lần lượt là tỉnh Lai Châu, tỉnh Điện Biên và tỉnh Cao Bằng với 79,64; 79,11 và "
     "78,53 điểm.", ["tỉnh Lai Châu", "tỉnh Điện Biên", "tỉnh Cao Bằng"]),
    # ... after "với số điểm" (whose "số điểm" takes a quantity, no item number "điểm 79")
    ("Năm 2025, cuối bảng xếp hạng lần lượt là tỉnh Lai Châu, tỉnh Điện Biên và tỉnh Cao Bằng với số điểm 79,64; "
     "79,11 và 78,53.", ["tỉnh Lai Châu", "tỉnh Điện Biên", "tỉnh Cao Bằng"]),
    # more values than units: no pairing, the sentence's first unit as before
    ("Huyện Ứng Hòa và huyện Mỹ Đức lần lượt đạt 95%, 90% và 80%.", ["Huyện Ứng Hòa"] * 3),
    # a ministry's figure is no unit's, nor the venue's where it was reported
    ("Năm 2023, Bộ Tư pháp tiếp nhận 300 hồ sơ tại Hà Nội.", [None]),
    # a unit's own body keeps the place after the figure
    ("Năm 2023, UBND tỉnh tiếp nhận 300 hồ sơ tại xã Tân An.", ["xã Tân An"]),
    # a meeting's venue is not the sentence's unit when another follows it
    ("Kết quả PAPI năm 2020 vừa được công bố tại Hà Nội cho thấy Hải Dương đạt 43,27 điểm, tăng 2,05 điểm.",
     ["Hải Dương", "Hải Dương"]),
    # ... but a place the sentence opens with is its unit
    ("Năm 2025, tại xã Hồng Sơn (Lâm Đồng), Trung tâm đã hướng dẫn 32 người dân.", ["xã Hồng Sơn"]),
    # "lần lượt": values in runs, each run mapped to the units
    ("Năm 2025, Phú Thọ và Ninh Bình lần lượt xếp thứ 4 và thứ 5 với 89,12 và 88,7 điểm.",
     ["Phú Thọ", "Ninh Bình", "Phú Thọ", "Ninh Bình"]),
    # the unit a rank is given to, named after it
    ("Năm 2025, tỉnh Quảng Ninh dẫn đầu với 92,15 điểm. Xếp thứ 2 là TP Đà Nẵng với 90,1 điểm.",
     ["tỉnh Quảng Ninh", "TP Đà Nẵng", "TP Đà Nẵng"]),
    # ranks in a run, then "lần lượt là" and the units they are given to, in order
    ("Năm 2025, Quảng Ninh dẫn đầu với 92,14 điểm; xếp thứ hai và thứ ba lần lượt là Ninh Bình (90,87 điểm) "
     "và Hà Nội (90,12 điểm).", ["Quảng Ninh", "Ninh Bình", "Hà Nội", "Ninh Bình", "Hà Nội"]),
    ("Năm 2025, đứng đầu là TP Hải Phòng với 92,86 điểm; vị trí thứ 2 và thứ 3 lần lượt thuộc về tỉnh Quảng Ninh "
     "và thành phố Hà Nội.", ["TP Hải Phòng", "tỉnh Quảng Ninh", "thành phố Hà Nội"]),
    # units listed with their places and values after a ranking's "là:"
    ("Năm 2023, các thành phố có thứ hạng lần lượt là: Hà Nội thứ 3 (90,11 điểm), Đà Nẵng thứ 11 (87,02 điểm).",
     ["Hà Nội", "Hà Nội", "Đà Nẵng", "Đà Nẵng"]),
    # a count of the communes just listed is about the city they lie in, not one of them
    ("Năm 2025, thành phố Huế tiếp nhận 9.000 hồ sơ. Phường Phú Xuân, phường Thuận Hóa và xã Phú Vang là 3 đơn vị "
     "tiếp nhận nhiều hồ sơ nhất.", ["thành phố Huế", "thành phố Huế"]),
    # ... but a commune's own parts, or the communes merged into it named after, are its own
    ("Năm 2025, thành phố Huế tiếp nhận 9.000 hồ sơ. Phường Phú Xuân và phường Thuận Hóa giáp nhau; phường Phú "
     "Xuân có 28 khu phố.", ["thành phố Huế", "phường Phú Xuân"]),
    # ... not when fewer units are named than ranks
    ("Năm 2025, tỉnh Quảng Ninh dẫn đầu; xếp thứ 2 và thứ 3 lần lượt là Hà Nội và một tỉnh miền núi.",
     ["tỉnh Quảng Ninh", "tỉnh Quảng Ninh"]),
    # ... not the province whose communes a rank is among
    ("Năm 2025, phường Mộc Châu đứng thứ 3/75 xã, phường của tỉnh Sơn La.", ["phường Mộc Châu"]),
    # the unit a ranking verb follows, however it is worded
    ("Năm 2025, tỉnh Lai Châu xếp thứ 33/34 và tỉnh Đồng Tháp đứng cuối bảng với 77,02%.",
     ["tỉnh Lai Châu", "tỉnh Đồng Tháp"]),
    # ... and not the scope it leads ("toàn tỉnh")
    ("Năm 2025, tỉnh An Giang tiếp nhận 900 hồ sơ. Phường Long Xuyên dẫn đầu toàn tỉnh với 13.642 hồ sơ.",
     ["tỉnh An Giang", "Phường Long Xuyên"]),
    # a bloc of a level is no unit of it
    ("Năm 2021, thị xã Nghĩa Lộ có tỷ lệ hồ sơ trực tuyến cao nhất khối huyện với 56,2%.", ["thị xã Nghĩa Lộ"]),
    # several units after "ở": the figure is about them together, none alone
    ("Tại Phú Yên, nhóm nghiên cứu đã khảo sát 194 người dân ở huyện Tuy An, huyện Sông Hinh và thị xã Sông Cầu.",
     ["Phú Yên"]),
    # a service centre named in an official's title before the unit a figure is about
    ("Theo Giám đốc Trung tâm Phục vụ hành chính công tỉnh Vĩnh Long, phường Đông Thành là đơn vị đầu tiên "
     "số hóa 100% hồ sơ; xã Giồng Trôm đạt 98,7%.", ["phường Đông Thành", "xã Giồng Trôm"]),
    # ... also with the day it was announced between
    ("Báo cáo PAPI năm 2020 công bố sáng 27/4 tại Hà Nội, tổng điểm của Đắk Lắk đạt 43,12 điểm, xếp thứ 21/63.",
     ["Đắk Lắk", "Đắk Lắk"]),
    # "xã hội" is no commune
    ("Năm 2018, huyện Chợ Lách tiếp nhận 5.382 hồ sơ; xã Hòa Nghĩa 300 hồ sơ. Lĩnh vực lao động - thương "
     "binh và xã hội 502 hồ sơ.", ["huyện Chợ Lách", "xã Hòa Nghĩa", "huyện Chợ Lách"]),
    # the unit of an official's title before a figure of the unit it speaks of
    ("Năm 2023, tỉnh Gia Lai họp; huyện Chư Sê tiếp nhận 100 hồ sơ.\n\nPhó Chủ tịch UBND tỉnh Trần Quang Lâm yêu "
     "cầu phấn đấu tỷ lệ trực tuyến đạt 50%.", ["huyện Chư Sê", "tỉnh"]),
    # the one unit opening the figure's part of the sentence, after a ";"
    ("Năm 2022, giá trị trung bình của các tỉnh đạt 85,60 điểm; Quảng Ninh tiếp tục dẫn đầu, đạt 92,08 điểm.",
     ["các tỉnh", "Quảng Ninh"]),
    # ... with another unit in an aside between it and the figure's clause
    ("Năm 2025, đặc khu Phú Quốc tiếp nhận 9.870 hồ sơ; phường Rạch Giá, trước đây là trung tâm của tỉnh Kiên "
     "Giang (cũ), tiếp nhận 11.205 hồ sơ.", ["đặc khu Phú Quốc", "phường Rạch Giá"]),
    # ... but units listed with their values in brackets each keep their own
    ("Năm 2017, đứng cuối là huyện Thanh Oai ( hơn 81 % ) ; Ứng Hòa ( hơn 80 % ) và Phú Xuyên ( trên 77 % ) .",
     ["huyện Thanh Oai", "Ứng Hòa", "Phú Xuyên"]),
    # ... not a unit inside that part that is not its actor
    ("Năm 2025, phường Cái Khế tiếp nhận 900 hồ sơ; hoàn thành 36/38 nhiệm vụ được UBND thành phố Cần Thơ giao.",
     ["phường Cái Khế", "phường Cái Khế"]),
]


@pytest.mark.parametrize("text,subjects", UNITS_NAMED_CASES)
def test_subjects_of_respective_values_and_venues(text, subjects):
    article = segment(text, (0, len(text)), published="2024-10-16")
    figs = run(text, extract_units(article)[0])
    assert [f["subject"]["text"] for f in figs] == subjects



ASPECT_WINDOW_CASES = [
    # the words about a number in brackets end with the bracket
    ("Năm 2023, tỉnh tiếp nhận 3.000 hồ sơ (tăng 10%) và giải quyết 2.900 hồ sơ.",
     [("3.000", "received"), ("10%", "received"), ("2.900", "resolved")]),
    # a figure with its own verb after "và" does not take the cue of the figure before
    ("Năm 2023, tỉnh tiếp nhận 3.000 hồ sơ trực tuyến và giải quyết 2.900 hồ sơ.",
     [("3.000", "online"), ("2.900", "resolved")]),
    ("Năm 2023, tỉnh tiếp nhận 3.000 hồ sơ (trong đó 2.000 hồ sơ trực tuyến) và giải quyết 2.900 hồ sơ.",
     [("3.000", "received"), ("2.000", "online"), ("2.900", "resolved")]),
    # ... nor across a comma when a cue of its own stands between
    ("Năm 2024, tỉnh tiếp nhận 300 hồ sơ trực tuyến, giải quyết 280 hồ sơ.",
     [("300", "online"), ("280", "resolved")]),
    # a passive's agents listed with commas do not end the words before its verb
    ("Năm 2024, tỉnh tiếp nhận 500 phản ánh. Đến nay, 372 phản ánh đã được các bộ, ngành, địa phương xử lý.",
     [("500", "received"), ("372", "resolved")]),
    ("Năm 2024, tỉnh tiếp nhận 500 hồ sơ. Đến nay, có 372 hồ sơ đã được các sở, ngành giải quyết.",
     [("500", "received"), ("372", "resolved")]),
    # ... but a verb of the count's own does: the cue after it is another clause's
    ("Năm 2023, có 20 sở, ban, ngành được đánh giá, xác định Chỉ số CCHC.", [("20", "other")]),
    # a survey's share of people who paid informally is no satisfaction figure
    ("Chỉ có 17% người trả lời cho biết họ đã phải đưa hối lộ khi làm sổ đỏ.", [("17%", "other")]),
    ("Có 25% người trả lời cho biết họ hài lòng.", [("25%", "satisfaction")]),
    # ... nor one whose own words after it name its metric
    ("Đã có 2.345 hồ sơ được tiếp nhận và 2.100 hồ sơ được giải quyết qua bưu chính.",
     [("2.345", "received"), ("2.100", "resolved")]),
    # without a figure before it, the metric named earlier in the phrase still counts
    ("Tỷ lệ hồ sơ trực tuyến được tiếp nhận đạt 50%.", [("50%", "online")]),
    # a new measure after a comma ends the words about the number before it ...
    ("Có 1.257 thủ tục hành chính đã được giải quyết, tỷ lệ giải quyết đúng hạn đạt 97%.",
     [("1.257", "resolved"), ("97%", "on_time")]),
    # ... while a list of verbs runs on past its commas
    ("Năm 2024, 100% hồ sơ được tiếp nhận, giải quyết và trả kết quả đúng hẹn.", [("100%", "on_time")]),
    # a conjunction opening a clause of its own ends the words about the number before it
    ("Dù số hồ sơ trễ hạn chỉ 1%, nhưng lượng hồ sơ tiếp nhận lên đến trên 14 triệu hồ sơ nên con số "
     "trễ hạn cũng đã lên đến 140.000 hồ sơ.", [("1%", "overdue"), ("14 triệu", "received"), ("140.000", "overdue")]),
    # an informal payment is no satisfaction measure, even in a satisfaction survey
    ("Khảo sát SIPAS cho thấy tỷ lệ người dân phải nộp thêm tiền ngoài quy định là 5%.", [("5%", "other")]),
    ("Kết quả SIPAS năm 2023.\n\nTỷ lệ người làm giấy khai sinh phải trả thêm tiền cao nhất với 28%.", [("28%", "other")]),
    # the "nhận" of "giấy chứng nhận" is no receipt
    ("Tỷ lệ người dân phải nộp thêm tiền ở lĩnh vực giấy chứng nhận quyền sử dụng đất là 10%.", [("10%", "other")]),
    # an item of another channel that says it was handed in is received, not the online item's metric
    ("Năm 2025, xã tiếp nhận 6.214 hồ sơ, trong đó 4.127 hồ sơ nộp trực tuyến và 2.190 hồ sơ nộp trực tiếp.",
     [("6.214", "received"), ("4.127", "online"), ("2.190", "received")]),
    ("Năm 2025, xã giải quyết 6.214 hồ sơ, trong đó 4.127 hồ sơ trực tuyến và 2.190 hồ sơ nộp trực tiếp.",
     [("6.214", "resolved"), ("4.127", "online"), ("2.190", "resolved")]),
    # parts by level after "trong đó" are parts of the total, its noun written longer
    ("Năm 2020, quận đã tiếp nhận 20.846 hồ sơ thủ tục hành chính; trong đó cấp quận 8.912 hồ sơ, cấp phường "
     "11.934 hồ sơ.", [("20.846", "received"), ("8.912", "received"), ("11.934", "received")]),
    # the places an inspection went to, the noun of the first holding a comma; what it led to is no inspection
    ("Năm 2021, huyện kiểm tra tại 6 cơ quan, đơn vị và 4 xã, thị trấn; qua kiểm tra đã nhắc nhở hai công chức.",
     [("6", "inspected"), ("4", "inspected"), ("hai", "other")]),
    ("Năm 2021, qua kiểm tra, sở đã chấn chỉnh 5 đơn vị và kiến nghị xử lý trách nhiệm đối với 6 công chức.",
     [("5", "other"), ("6", "other")]),
    # units counted by their grade or band of the index the paragraph is about
    ("Năm 2025, PAR INDEX trung bình đạt 85%. Có 9 địa phương đạt loại Xuất sắc, 17 địa phương đạt loại Tốt; "
     "không có địa phương nào xếp loại Yếu. Có 4 địa phương đạt trên 85% là Quảng Ninh, Hà Nội, Huế và Đà Nẵng.",
     [("85%", "par_index"), ("9", "par_index"), ("17", "par_index"), ("không có địa phương nào", "par_index"),
      ("4", "par_index"), ("85%", "par_index")]),
    # a zero phrase counted by its band of the index in view
    ("Năm 2025, tỉnh đánh giá Bộ chỉ số 766 đối với 124 xã. Kết quả cho thấy, chưa có đơn vị nào đạt loại Xuất sắc.",
     [("124", "other"), ("chưa có đơn vị nào", "par_index")]),
    # ... but a band of a rate it names is that rate's
    ("Năm 2026, mục tiêu là Chỉ số SIPAS đạt trên 85% và không còn xã nào có tỷ lệ thanh toán trực tuyến dưới 50%.",
     [("85%", "satisfaction"), ("không còn xã nào", "paid_online"), ("50%", "paid_online")]),
    # ... not without an index in view
    ("Năm 2025, có 4 xã đạt trên 85% là xã A, xã B, xã C và xã D.", [("4", "other"), ("85%", "other")]),
    # a survey's component named by the process it rates is a satisfaction value (a known
    # failure of earlier sessions, flipped: a procedure's name opening with a generic verb) ...
    ("Tỷ lệ hài lòng về thủ tục hành chính cao nhất là 88%, cấp giấy khai sinh đạt 86%.",
     [("88%", "satisfaction"), ("86%", "satisfaction")]),
    ("Năm 2020, chỉ số hài lòng về tiếp cận dịch vụ đạt 88,01%; kết quả dịch vụ 87,80%; thấp nhất là việc tiếp "
     "nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị với 85,73%.",
     [("88,01%", "satisfaction"), ("87,80%", "satisfaction"), ("85,73%", "satisfaction")]),
    # ... not a rate of the process after a count between
    ("Năm 2020, tỷ lệ hài lòng đạt 90%. Tỉnh đã tiếp nhận 300 phản ánh, xử lý 95% phản ánh.",
     [("90%", "satisfaction"), ("300", "received"), ("95%", "resolved")]),
    # the volume of dossiers a unit or a field has is what came in, not the channel named before
    ("Năm 2025, tỷ lệ hồ sơ trực tuyến đạt 90,4%. Ở cấp xã, phường Hà Giang 1 và Minh Xuân là hai đơn vị có số hồ "
     "sơ lớn nhất, lần lượt 21.406 và 19.873 hồ sơ.", [("90,4%", "online"), ("21.406", "received"), ("19.873", "received")]),
    ("Năm 2025, phường tiếp nhận 12.000 hồ sơ, trong đó 8.000 hồ sơ trực tuyến. Các lĩnh vực có nhiều hồ sơ nhất là "
     "chứng thực, hộ tịch và đất đai, lần lượt chiếm 41%, 23% và 12% tổng số hồ sơ.",
     [("12.000", "received"), ("8.000", "online"), ("41%", "received"), ("23%", "received"), ("12%", "received")]),
    # units counted at one end of an index's ranking measure that index
    ("Năm 2025, PAR INDEX của tỉnh đạt 88,2 điểm. 5 địa phương dẫn đầu lần lượt là Hải Phòng, Quảng Ninh, Hà Nội, "
     "Lạng Sơn và Cao Bằng.", [("88,2", "par_index"), ("5", "par_index")]),
    # ... not without an index in view
    ("Năm 2025, 5 địa phương dẫn đầu về số hồ sơ tiếp nhận là Hà Nội, Hải Phòng, Quảng Ninh, Bắc Ninh và Hưng Yên.",
     [("5", "other")]),
    # the fall of the count before is of that count's measure, no cut
    ("Riêng quý III, huyện tiếp nhận 4.372 hồ sơ, giảm 6,2% so với quý II.", [("4.372", "received"), ("6,2%", "received")]),
    ("Quý I/2026, số hồ sơ quá hạn là 8.915, giảm 21,5% so với quý IV/2025.", [("8.915", "overdue"), ("21,5%", "overdue")]),
    # ... not a cut named as such
    ("Năm 2025, tỉnh tiếp nhận 4.372 hồ sơ; thời gian giải quyết giảm 20%.", [("4.372", "received"), ("20%", "cut")]),
    # what an inspection found is named by its own words, not by the inspecting verb before it
    ("Năm 2022, đoàn kiểm tra phát hiện 38 hồ sơ giải quyết quá hạn.", [("38", "overdue")]),
    ("Năm 2022, đoàn đã kiểm tra 38 hồ sơ giải quyết quá hạn.", [("38", "inspected")]),
    # records not yet updated are a shortcoming, no procedures published
    ("Năm 2022, đoàn kiểm tra phát hiện 11 hồ sơ chưa cập nhật trên Hệ thống thông tin.", [("11", "other")]),
    ("Năm 2024, tỉnh đã cập nhật 120 TTHC lên Cơ sở dữ liệu quốc gia.", [("120", "published")]),
    # sanctions recommended and lateness to work are no dossier metrics
    ("Năm 2022, các đoàn đã kiến nghị xử lý 46 trường hợp vi phạm kỷ luật.", [("46", "other")]),
    ("Năm 2019, Tổ đã phát hiện 5 trường hợp đi làm trễ.", [("5", "other")]),
    # the survey's components listed, then their values "lần lượt"
    ("Năm 2023, tỷ lệ hài lòng về tiếp cận dịch vụ, công chức và việc tiếp nhận, xử lý ý kiến góp ý lần lượt "
     "đạt 84,1%, 83,9% và 75,4%.", [("84,1%", "satisfaction"), ("83,9%", "satisfaction"), ("75,4%", "satisfaction")]),
    # ... not rates of processes listed so
    ("Năm 2023, tỷ lệ hồ sơ tiếp nhận, xử lý đúng hạn lần lượt đạt 84,1% và 82,6%.",
     [("84,1%", "on_time"), ("82,6%", "on_time")]),
    # the insurance, tax and treasury agencies' electronic transactions are their online channel
    ("Năm 2023, BHXH tỉnh tiếp nhận 184.620 hồ sơ, trong đó có 176.305 hồ sơ giao dịch điện tử, chiếm 94,5%.",
     [("184.620", "received"), ("176.305", "online"), ("94,5%", "online")]),
    ("Năm 2022, toàn ngành Thuế đã tiếp nhận hơn 10,3 triệu hồ sơ khai thuế điện tử.", [("10,3 triệu", "online")]),
    ("Năm 2022, 22.964 doanh nghiệp nộp hồ sơ đề nghị hoàn thuế bằng phương thức điện tử, đạt 95,8%.",
     [("22.964", "online"), ("95,8%", "online")]),
    # ... and paying tax so is paying online
    ("Đến hết tháng 3/2024, 12.458 doanh nghiệp đăng ký nộp thuế điện tử, đạt 99,57%.",
     [("12.458", "paid_online"), ("99,57%", "paid_online")]),
    # a rate named in an earlier clause of the sentence, with no number of its own, is the topic
    ("Quý I/2026, tỷ lệ hồ sơ trực tuyến ở một số xã miền núi còn thấp; xã Khánh Sơn và xã Tây Khánh Sơn lần lượt "
     "chỉ đạt 31,2% và 27,5%.", [("31,2%", "online"), ("27,5%", "online")]),
    # ... not when that clause states a figure of its own
    ("Năm 2025, xã tiếp nhận 1.200 hồ sơ trực tuyến, tăng mạnh; 35 cán bộ được tập huấn.", [("1.200", "online"), ("35", "other")]),
    # list items past a band in brackets after the first
    ("Năm 2025, có 7 đơn vị đạt loại Tốt (từ 90 điểm trở lên), 12 đơn vị loại Khá và 1 đơn vị loại Trung bình.",
     [("7", "par_index"), ("90", "par_index"), ("12", "par_index"), ("1", "par_index")]),
    # ... not an item with its own metric
    ("Năm 2025, có 7 đơn vị đạt loại Tốt (từ 90 điểm trở lên); 12 đơn vị có hồ sơ trễ hạn.",
     [("7", "par_index"), ("90", "par_index"), ("12", "overdue")]),
    # not electronic documents or invoices
    ("Năm 2022, Cục Thuế tiếp nhận 1.200 hồ sơ đăng ký sử dụng hóa đơn điện tử.", [("1.200", "received")]),
    # the goal a rate is set against is of that rate, whatever words after it name the plan
    ("Năm 2026, tỷ lệ giải quyết đúng hạn của tỉnh đạt 99,4%, vượt chỉ tiêu 98% đề ra cho năm 2026.",
     [("99,4%", "on_time"), ("98%", "on_time")]),
    ("Năm 2025, tỷ lệ hồ sơ nộp trực tuyến đạt 76,2%, vượt chỉ tiêu 70% mà Nghị quyết số 15/NQ-HĐND của HĐND "
     "tỉnh đề ra.", [("76,2%", "online"), ("70%", "online")]),
]


@pytest.mark.parametrize("text,expected", ASPECT_WINDOW_CASES)
def test_aspect_windows(text, expected):
    assert [(f["surface"], f["aspect"]) for f in run(text)] == expected


CHANGE_RANGE_CASES = [
    # the start of a change counts the noun after its end
    ("Danh mục hàng hóa kiểm tra chuyên ngành đã giảm từ 10.000 xuống còn 1.768 mặt hàng.",
     [("10.000", "other"), ("1.768", "other")]),
    ("Số thủ tục giảm từ 1.500 xuống 1.200 thủ tục.", [("1.500", "procedure"), ("1.200", "procedure")]),
    # "duy nhất một", "một ... duy nhất": one
    ("Bộ chỉ bãi bỏ duy nhất một quy định.", [("một", "procedure")]),
    ("Trung tâm chỉ còn làm việc tại một điểm duy nhất.", [("một", "agency")]),
    # ... and so it is as an item of a list whose earlier item counts the same noun in digits
    ("Năm 2018, có 2 dịch vụ đạt 95%, một dịch vụ đạt 90%.", [("2", "procedure"), ("95%", "procedure"),
                                                             ("một", "procedure"), ("90%", "procedure")]),
    ("Năm 2024, có 3 xã đạt loại Tốt và một xã đạt loại Khá.", [("3", "admin_unit"), ("một", "admin_unit")]),
    # ... or whose item right before it counts another noun in digits
    ("Năm 2025, tỉnh có 78 đơn vị cấp xã, gồm 8 phường, 69 xã và một đặc khu.",
     [("78", "admin_unit"), ("8", "admin_unit"), ("69", "admin_unit"), ("một", "admin_unit")]),
    # elsewhere "một" is an article: after a count of another noun, or in another sentence
    ("Năm 2024, có 3 xã đạt loại Tốt, một cán bộ được khen.", [("3", "admin_unit")]),
    ("Năm 2024, có 3 xã đạt loại Tốt. Và một xã khác được khen.", [("3", "admin_unit")]),
    ("Anh gặp một cán bộ trẻ ở bàn.", []),
]


@pytest.mark.parametrize("text,expected", CHANGE_RANGE_CASES)
def test_counts_of_a_change_and_a_single_one(text, expected):
    assert [(f["surface"], f["object"]) for f in run(text)] == expected


SHARED_MEASURE_CASES = [
    # "tỷ lệ này": the measure of the figure before
    ("Ở các bộ, tỷ lệ dịch vụ công toàn trình đạt 17%; ở địa phương, tỷ lệ này là 37%.",
     [("17%", "procedure", "online"), ("37%", "procedure", "online")]),
    # a rank's move counted in places
    ("Tỉnh đứng thứ 3/34; so với đầu tháng 7, thứ hạng tăng 12 bậc.",
     [("3/34", "other", "par_index"), ("12", "other", "par_index")]),
    # the metric named after the last item of a list of percentages
    ("Mục tiêu đến năm 2025: trên 90% tổng số hồ sơ công việc tại cấp tỉnh, trên 80% tổng số hồ sơ công việc "
     "tại cấp huyện và trên 60% tại cấp xã được xử lý trên môi trường mạng.",
     [("90%", "dossier", "online"), ("80%", "dossier", "online"), ("60%", "task", "online")]),
    # ... but not over a cue of the item's own
    ("Tỷ lệ giải quyết đạt 90%, tỷ lệ hồ sơ trực tuyến đạt 50%.", [("90%", "dossier", "resolved"), ("50%", "dossier", "online")]),
]


@pytest.mark.parametrize("text,expected", SHARED_MEASURE_CASES)
def test_measures_shared_along_a_passage(text, expected):
    assert [(f["surface"], f["object"], f["aspect"]) for f in run(text)] == expected


SURVEY = load_yaml("figures.yml")


@pytest.mark.parametrize("respondents", SURVEY["survey_respondents"])
def test_every_survey_respondent_makes_a_share_of_people_asked(respondents):
    [fig] = run(f"Kết quả khảo sát: có 25% {respondents} cho biết thủ tục kiểm tra chuyên ngành khó.")
    assert (fig["surface"], fig["aspect"]) == ("25%", "satisfaction")


@pytest.mark.parametrize("verb", SURVEY["survey_verbs"])
def test_every_survey_verb_makes_a_share_of_people_asked(verb):
    figs = run(f"Kết quả khảo sát: có 25% {verb} về thủ tục kiểm tra chuyên ngành.")
    assert [(f["surface"], f["aspect"]) for f in figs] == [("25%", "satisfaction")]


def test_a_rate_followed_by_a_clause_is_not_a_survey_share():
    assert [f["aspect"] for f in run("Tỷ lệ hồ sơ trực tuyến đạt 45% cho thấy người dân đã quen.")] == ["online"]


PARTS_AND_RANK_LISTS = [
    # a part of a total takes the noun after the total, and the total is the base (other)
    ("Đến nay có khoảng 700 trong tổng số hơn 1.200 dịch vụ công, thủ tục hành chính đã được trực tuyến hóa.",
     [("700", "count", "procedure", "online"), ("1.200", "count", "procedure", "other")]),
    # "kỷ luật" is a verb, not the "luật" of a law's number
    ("Trong 6 tháng đầu năm, quận đã kỷ luật 3 cán bộ cấp phường.", [("3", "count", "other", "other")]),
    # "nằm trong tốp 5" is a rank
    ("Năm 2014, PCI của thành phố nằm trong tốp 5.", [("5", "rank", "other", "par_index")]),
    # items of a ranking list each give "thứ N" after a first rank with its verb
    ("Trong đó dịch vụ công trực tuyến đứng thứ 74; hạ tầng viễn thông thứ 110; hạ tầng nhân lực thứ 127.",
     [("74", "rank", "other", "par_index"), ("110", "rank", "other", "par_index"), ("127", "rank", "other", "par_index")]),
    # ... but "lần thứ 4" stays an ordinal
    ("Sau khi đứng thứ 5; lần thứ 4 tỉnh tổ chức hội nghị.", [("5", "rank", "other", "par_index")]),
]


@pytest.mark.parametrize("text,expected", PARTS_AND_RANK_LISTS)
def test_parts_of_totals_and_rank_lists(text, expected):
    assert [(f["surface"], f["kind"], f["object"], f["aspect"]) for f in run(text)] == expected


NOUN_BEFORE_VERB_CASES = [
    # "Số <noun> <verb> N": the noun named before a copula or a change verb
    ("Số hồ sơ tăng từ 300 lên 500.", [("300", "dossier"), ("500", "dossier")]),
    ("Số thủ tục hành chính đạt 1.500.", [("1.500", "procedure")]),
    ("Số hồ sơ là 300.", [("300", "dossier")]),
]


@pytest.mark.parametrize("text,expected", NOUN_BEFORE_VERB_CASES)
def test_noun_named_before_the_verb(text, expected):
    assert [(f["surface"], f["object"]) for f in run(text)] == expected


@pytest.mark.parametrize("noun", SURVEY["rank_move_nouns"])
def test_every_rank_move_noun_measures_the_index(noun):
    """A rank move is a count in the index it moves in, "giảm" no cut of it."""
    figs = run(f"Năm 2024, chỉ số PAPI của tỉnh giảm 6 {noun}, đạt 41,2 điểm.")
    assert [(f["surface"], f["kind"], f["aspect"]) for f in figs][0] == ("6", "count", "par_index")
    figs = run("Năm 2024, tỉnh cắt giảm 6 thủ tục hành chính.")
    assert [(f["surface"], f["aspect"]) for f in figs] == [("6", "cut")]


INDEX_BAND_CASES = [
    # units counted by the band of an index they fall in measure that index
    ("Năm 2025 có 9/34 tỉnh, thành phố đạt từ 90 điểm trở lên; 6 địa phương dưới 80 điểm.",
     {"9/34": "par_index", "6": "par_index"}),
    ("Năm 2025, tỉnh có 11 xã, phường xếp loại trung bình.", {"11": "par_index"}),
    ("Kết quả SIPAS 2020 được công bố. Có 15 địa phương đạt trên 90%; 48 địa phương đạt từ 80% đến dưới 90%.",
     {"15": "satisfaction", "48": "satisfaction"}),
    # ... and the band's bounds are values of it
    ("Kết quả SIPAS 2020 được công bố. Có 48 địa phương đạt từ 80% đến dưới 90%.",
     {"80%": "satisfaction", "90%": "satisfaction"}),
    # the index named in the headline or lead governs a band in the body
    ("Công bố Chỉ số CCHC năm 2024 của các huyện\n\nUBND tỉnh công bố kết quả.\n\nĐối với khối huyện, "
     "có 9 đơn vị đạt trên 85%, 2 đơn vị đạt dưới 80%.",
     {"9": "par_index", "85%": "par_index", "2": "par_index", "80%": "par_index"}),
    # units counted by a band of a rate the passage is about measure that rate
    ("Tháng 10, tỷ lệ hồ sơ có thu phí được thanh toán trực tuyến đạt 84,3%. Có 17 địa phương đạt từ 80% "
     "đến dưới 90%; chỉ còn 6 địa phương dưới 80%.",
     {"17": "paid_online", "80%": "paid_online", "90%": "paid_online", "6": "paid_online"}),
    # a band named by its grade
    ("Năm 2025, có 23 đơn vị đạt mức Tốt; 71 đơn vị đạt mức Khá; 30 đơn vị ở mức Trung bình.",
     {"23": "par_index", "71": "par_index", "30": "par_index"}),
    # a band in points of a score out of a maximum
    ("Năm 2025 có 9 tỉnh đạt điểm tối đa 10/10.", {"9": "par_index"}),
    # a bare percentage outside a passage on an index is no band of one
    ("Năm 2024, huyện có 12 xã đạt 100%, 3 xã đạt 98%.", {"12": "other", "3": "other", "100%": "other"}),
    # "điểm" of a place is no score
    ("Năm 2024, huyện có 12 xã có 3 điểm tiếp nhận hồ sơ.", {"12": "other"}),
]


@pytest.mark.parametrize("text,expected", INDEX_BAND_CASES)
def test_units_counted_by_an_index_band(text, expected):
    assert aspects_of(text, expected) == expected


POINT_RANGE_CASES = [
    # both ends of a range of points are scores, "dưới" before the second end too
    ("Có 19 địa phương đạt từ 80 đến dưới 90 điểm.", [("80", "score", "exact"), ("90", "score", "under")]),
    # two numbers that cannot be a day and a month are a range, not a date
    ("Điểm tổng hợp của các tỉnh dao động 39-46 điểm.", [("39", "score", "at_least"), ("46", "score", "at_most")]),
    ("Ngày 15-3, xã tiếp nhận 20 hồ sơ.", [("20", "count", "exact")]),
]


@pytest.mark.parametrize("text,expected", POINT_RANGE_CASES)
def test_ranges_of_points(text, expected):
    figs = run(text)
    for f in figs:
        assert text[f["span"][0]:f["span"][1]] == f["surface"]
    assert [(f["surface"], f["kind"], f["approx"]) for f in figs if f["kind"] != "count" or f["surface"] == "20"] == expected


BREAKDOWN_CASES = [
    # the parts of a breakdown were received (or resolved) as their total was
    ("Năm 2023, các phường, xã tiếp nhận 7.105 hồ sơ. Phường Ngã Bảy có lượng hồ sơ nhiều nhất với 1.932 hồ sơ, "
     "tiếp đến là phường Lái Hiếu 1.508 hồ sơ; xã Tân Thành ít nhất với 604 hồ sơ.",
     {"1.932": "received", "1.508": "received", "604": "received"}),
    ("Huyện đã giải quyết 500 hồ sơ. Trong đó, lĩnh vực đất đai chiếm nhiều nhất với 186 hồ sơ; lĩnh vực hộ tịch "
     "112 hồ sơ.", {"186": "resolved", "112": "resolved"}),
    # an item of another channel than online is a part of the total, not online as the item before
    ("Tiếp nhận 8.450 hồ sơ (trực tuyến 7.100 hồ sơ, trực tiếp 1.350 hồ sơ).",
     {"8.450": "received", "7.100": "online", "1.350": "received"}),
    ("Phường tiếp nhận 3.846 hồ sơ, trong đó 1.205 hồ sơ nộp trực tiếp, 2.517 hồ sơ nộp trực tuyến và 94 hồ sơ "
     "qua dịch vụ bưu chính công ích.", {"1.205": "received", "2.517": "online", "94": "received"}),
    # a count of another noun, or with a metric of its own, keeps its own
    ("Năm 2023, huyện tiếp nhận 7.105 hồ sơ. Huyện có 12 công chức làm việc tại bộ phận một cửa.", {"12": "other"}),
    ("Năm 2023, huyện tiếp nhận 7.105 hồ sơ. Có 25 hồ sơ đang giải quyết.", {"25": "other"}),
    # ... and a new paragraph starts afresh
    ("Năm 2023, huyện tiếp nhận 7.105 hồ sơ.\n\nPhường Ngã Bảy nhiều nhất với 1.932 hồ sơ.",
     {"1.932": "other"}),
]


@pytest.mark.parametrize("text,expected", BREAKDOWN_CASES)
def test_parts_of_a_breakdown(text, expected):
    assert aspects_of(text, expected) == expected


@pytest.mark.parametrize("label", SURVEY["channel_labels"])
def test_every_channel_label_ends_the_online_items(label):
    got = {f["surface"]: f["aspect"] for f in run(f"Tiếp nhận 8.450 hồ sơ (trực tuyến 7.100 hồ sơ, {label} 1.350 hồ sơ).")}
    assert (got["7.100"], got["1.350"]) == ("online", "received")


@pytest.mark.parametrize("cue", SURVEY["announcement_cues"])
def test_every_announcement_cue_leaves_an_index_figure_to_its_index(cue):
    got = {f["surface"]: f["aspect"] for f in run(f"Chỉ số PAR INDEX 2019 vừa được Bộ Nội vụ {cue}, tỉnh đạt "
                                                 f"80,61%, xếp thứ 35/63. Chỉ số PAPI được {cue}, tỉnh đạt 42,86 điểm.")}
    assert (got["80,61%"], got["35/63"], got["42,86"]) == ("par_index", "par_index", "par_index")
    # without an index named, it is the procedures' publication it always was
    got = {f["surface"]: f["aspect"] for f in run(f"Năm 2024, tỉnh đã {cue} 1.920 TTHC, đạt 100%.")}
    assert got == {"1.920": "published", "100%": "published"}


PLANNED_TASK_CASES = [
    # the tasks a plan sets, when nothing else labels them
    ("Năm 2025, UBND tỉnh đã ban hành Kế hoạch CCHC với 56 nhiệm vụ; đến hết năm đã hoàn thành 52/56 nhiệm vụ.",
     {"56": "planned", "52/56": "completed"}),
    ("Kế hoạch CCHC năm 2026 của tỉnh (ban hành kèm theo Quyết định số 58/QĐ-UBND ngày 8/1/2026) có 45 nhiệm vụ.",
     {"45": "planned"}),
    # no plan named: no metric
    ("Năm 2025, tỉnh có 45 nhiệm vụ.", {"45": "other"}),
    # a plan's documents counted are no tasks
    ("Năm 2025, tỉnh ban hành 3 kế hoạch.", {"3": "other"}),
]


@pytest.mark.parametrize("text,expected", PLANNED_TASK_CASES)
def test_tasks_a_plan_sets(text, expected):
    assert aspects_of(text, expected) == expected


ITEM_LABEL_CASES = [
    # an item of a breakdown names its noun before its count
    ("Trong tháng 3, phường tiếp nhận 1.284 hồ sơ, trong đó hồ sơ trực tuyến 905, hồ sơ trực tiếp 379.",
     [("1.284", "dossier", "received"), ("905", "dossier", "online"), ("379", "dossier", "received")]),
    ("Phường tiếp nhận 29.840 hồ sơ. Trong đó, hồ sơ trực tuyến là 24.113.",
     [("29.840", "dossier", "received"), ("24.113", "dossier", "online")]),
    # not a clause with a verb and a count of its own noun
    ("Trong năm, quận ban hành 14 thẻ xanh cho doanh nghiệp.", [("14", "other", "other")]),
    # not at the head of a sentence, nor a capitalised name with its number
    ("Đề án đưa ra 5 yếu tố cơ bản đo lường sự hài lòng.", []),
    ("Tỉnh tăng 5 bậc trên Hệ thống đánh giá (Bộ chỉ số 766).", [("5", "other", "par_index")]),
]


@pytest.mark.parametrize("text,expected", ITEM_LABEL_CASES)
def test_items_named_before_their_count(text, expected):
    figs = run(text)
    for f in figs:
        assert text[f["span"][0]:f["span"][1]] == f["surface"]
    assert [(f["surface"], f["object"], f["aspect"]) for f in figs] == expected


RANKED_WITH_CASES = [
    # the value a ranking gives a unit is its index's
    ("Năm 2024, thành phố Vinh xếp thứ nhất với 91,08%; huyện Đô Lương xếp thứ 2 với 89,65%.",
     {"91,08%": "par_index", "89,65%": "par_index"}),
    ("Năm 2024, Sở Tư pháp đứng đầu với 92,37%, Sở Xây dựng xếp cuối với 79,15%.",
     {"92,37%": "par_index", "79,15%": "par_index"}),
    ("Năm 2023, tỉnh Quảng Trị xếp thứ 44/63 với 76,95%.", {"76,95%": "par_index"}),
    # a rank right after the value: the value is what the rank ranks
    ("Năm 2024, chỉ số của tỉnh Bắc Ninh đạt 86,92 % , xếp thứ 5 , giảm 2 bậc.", {"86,92 %": "par_index"}),
    ("Năm 2025, huyện Kỳ Sơn đạt 76,43%, xếp thứ 21/21.", {"76,43%": "par_index"}),
    # ... unless the value names its own metric
    ("Năm 2024, xã A dẫn đầu với 98% hồ sơ trực tuyến.", {"98%": "online"}),
    ("Năm 2025, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 85%, xếp thứ 3/34.", {"85%": "online"}),
    # more ways to say a rank
    ("Năm 2025, tỉnh Cao Bằng xếp vị trí thứ 2 với 87,71%.", {"87,71%": "par_index"}),
    ("Năm 2022, Bộ Tư pháp xếp vị trí thứ nhất với giá trị 91,19%; Bộ Tài chính xếp thứ ba, đạt 89,47%.",
     {"91,19%": "par_index", "89,47%": "par_index"}),
    # a ranking with places in brackets, then the values "lần lượt": the values of the units ranked
    ("Năm 2022, các tỉnh xếp cuối bảng lần lượt là Đắk Nông (61/63), Kon Tum (62/63) và Cao Bằng (63/63), với "
     "giá trị lần lượt là 77,83%, 77,31% và 76,52%.", {"61/63": "par_index", "77,83%": "par_index", "76,52%": "par_index"}),
    # ... but a rate named after a ranked component is that rate
    ("Năm 2024, chỉ số số hóa hồ sơ của tỉnh xếp thứ 48/63; tỷ lệ số hóa 74,5%.", {"74,5%": "digitized"}),
    ("Năm 2025, Sở Nông nghiệp và Môi trường xếp cuối 18/18 với 78,33%.", {"78,33%": "par_index"}),
    ("Năm 2021, Hà Tĩnh đạt 89,62% chỉ số CCHC, tăng 9 bậc so với năm 2020.", {"89,62%": "par_index"}),
    # the values listed after a ranking's first, in brackets
    ("Năm 2019, Quảng Ninh dẫn đầu khối địa phương với 90,79%, tiếp theo là TP Hải Phòng (89,12%) và Bắc "
     "Giang (87,35%).", {"90,79%": "par_index", "89,12%": "par_index", "87,35%": "par_index"}),
    # ... in brackets after each name in a ranking sentence
    ("Năm 2025, TP Hà Nội xếp thứ ba (92,86%). Các vị trí tiếp theo lần lượt thuộc về tỉnh Đồng Nai (92,41%) và "
     "TP Hồ Chí Minh (92,07%).", {"92,41%": "par_index", "92,07%": "par_index"}),
    # ... after a ranking verb and its scope ("dẫn đầu khối bộ, ngành với")
    ("Năm 2025, Bộ Tư pháp dẫn đầu khối bộ, ngành với 92,08%.", {"92,08%": "par_index"}),
    # ... not when the sentence names the measure ranked
    ("Năm 2025, dẫn đầu về tỷ lệ hồ sơ trực tuyến là phường Hoài Nhơn (96,3%), xã Tuy Phước (93,8%).",
     {"96,3%": "online", "93,8%": "online"}),
]


FIELD_BREAKDOWN_CASES = [
    # ... over the passage's topic, and with the field's own receiving verb
    ("Quý III, phường tiếp nhận 4.382 hồ sơ; số hồ sơ tiếp nhận trực tuyến là 3.167 hồ sơ.\nCác lĩnh vực phát sinh "
     "nhiều hồ sơ là chứng thực (1.905 hồ sơ) và hộ tịch (1.122 hồ sơ).", {"1.905": "received", "1.122": "received"}),
    # ... or by the units with the largest volume
    ("Năm 2024, xã Ea Phê và xã Ea Kênh có lượng hồ sơ lớn nhất, lần lượt là 4.215 và 3.388 hồ sơ.",
     {"4.215": "received", "3.388": "received"}),
    # a breakdown by field after the totals: what each field received
    ("Quý I, trung tâm tiếp nhận 5.000 hồ sơ, đã giải quyết 4.800 hồ sơ. Lĩnh vực đất đai vẫn chiếm tỷ "
     "trọng lớn nhất với 1.806 hồ sơ; tiếp đến là đăng ký kinh doanh 512 hồ sơ.",
     {"1.806": "received", "512": "received"}),
    ("Năm 2025, tỉnh tiếp nhận 1,2 triệu hồ sơ. Phân theo lĩnh vực, tư pháp có 412.300 hồ sơ; đất đai có "
     "285.740 hồ sơ.", {"412.300": "received", "285.740": "received"}),
    # ... but a breakdown in the sentence of its total is that total's
    ("Năm 2025, xã đã giải quyết 1.402 hồ sơ, trong đó lĩnh vực đất đai 634 hồ sơ.", {"634": "resolved"}),
    # a part in brackets right after its total is of the total's metric
    ("Tháng 5, xã giải quyết 598 hồ sơ, trễ hạn 8 hồ sơ (lĩnh vực đất đai 6, lĩnh vực xây dựng 2).",
     {"8": "overdue", "6": "overdue", "2": "overdue"}),
    # the base of a part is no part of the breakdown before it
    ("Quý I, lĩnh vực đất đai có 2.000 hồ sơ. Trong số 55.906 hồ sơ đến hạn, có 55.180 hồ sơ được trả đúng hạn.",
     {"55.906": "other", "55.180": "on_time"}),
]


@pytest.mark.parametrize("text,expected", FIELD_BREAKDOWN_CASES)
def test_breakdowns_by_field(text, expected):
    assert aspects_of(text, expected) == expected


RETURNED_CASES = [
    # dossiers returned as incomplete, and the overdue ones apologised for, are no service metric
    ("Tháng 8, xã đang giải quyết 21 hồ sơ, trả lại 2 hồ sơ do không đủ điều kiện.", {"21": "other", "2": "other"}),
    ("Năm 2025, tỉnh đã thực hiện xin lỗi đối với 26/26 hồ sơ quá hạn.", {"26/26": "other"}),
    # ... but the overdue dossiers an apology follows are overdue
    ("Năm 2025, có 726 hồ sơ trễ hạn đều đã được gửi thư xin lỗi.", {"726": "overdue"}),
    # tasks still under way, or carried into next year, are neither completed nor planned
    ("Năm 2025, xã đã hoàn thành 7 nhiệm vụ, 5 nhiệm vụ đang thực hiện.", {"7": "completed", "5": "other"}),
    ("Năm qua, tỉnh đã hoàn thành 67 nhiệm vụ, 5 nhiệm vụ chuyển sang năm 2020 tiếp tục thực hiện.",
     {"67": "completed", "5": "other"}),
]


def test_parts_in_brackets_after_a_count_are_counts_of_its_noun():
    text = "Tháng 8, xã tiếp nhận 214 hồ sơ; hộ tịch 41 hồ sơ (khai sinh 23, khai tử 7, kết hôn 11)."
    assert [(f["surface"], f["object"], f["aspect"]) for f in run(text)] == [
        ("214", "dossier", "received"), ("41", "dossier", "received"), ("23", "dossier", "received"),
        ("7", "dossier", "received"), ("11", "dossier", "received")]
    # ... and a part labelled by its metric takes the label's: "(đúng hạn 9.600, quá hạn 200)",
    # one labelled by another channel than online is received, not the online item's before it
    text = "Năm 2024, xã đã giải quyết 9.800 hồ sơ (trước hạn 5.000, đúng hạn 4.500, quá hạn 200)."
    assert [(f["surface"], f["object"], f["aspect"]) for f in run(text)] == [
        ("9.800", "dossier", "resolved"), ("5.000", "dossier", "on_time"), ("4.500", "dossier", "on_time"),
        ("200", "dossier", "overdue")]
    text = "Năm 2024, xã tiếp nhận 9.800 hồ sơ (trực tuyến 6.000; trực tiếp 3.700; qua bưu chính 100)."
    assert [(f["surface"], f["aspect"]) for f in run(text)] == [
        ("9.800", "received"), ("6.000", "online"), ("3.700", "received"), ("100", "received")]
    # ... not the names of units in brackets after a count of them
    text = "Năm 2018, mặt trận khảo sát ở 3 quận huyện ( 1 , 12 và Hóc Môn )."
    assert [f["surface"] for f in run(text)] == ["3"]


@pytest.mark.parametrize("aspect,obj", load_yaml("figures.yml")["default_object"].items())
def test_a_rate_with_no_noun_counts_its_aspects_default_object(aspect, obj):
    """A rate that names no counted noun ("tỷ lệ thanh toán trực tuyến đạt 62,3%") is a share
    of what its metric counts (figures.yml `default_object`)."""
    cue = {"received": "tiếp nhận", "resolved": "giải quyết", "on_time": "đúng hạn", "overdue": "quá hạn",
           "online": "trực tuyến", "interlinked": "liên thông", "satisfaction": "hài lòng", "par_index": "chỉ số CCHC",
           "paid_online": "thanh toán trực tuyến", "digitized": "số hóa kết quả giải quyết"}[aspect]
    [fig] = run(f"Năm 2025, tỷ lệ {cue} đạt 62,3%.")
    assert (fig["aspect"], fig["object"]) == (aspect, obj)


INSPECTION_CASES = [
    # the items of a list of places inspected, the first noun holding a comma
    # the places a survey was taken are no result of it
    ("Việc đo lường SIPAS năm 2025 được thực hiện với 4.050 phiếu hỏi tại 135 xã, phường và 19 sở, ngành.",
     {"135": "other", "19": "other"}),
    # the tasks remaining are those not done, whatever verb stands before them
    ("Năm 2025, thị xã đã hoàn thành 33 nhiệm vụ, 3 nhiệm vụ còn lại đang được triển khai.",
     {"33": "completed", "3": "other"}),
    ("Năm 2025, tỉnh yêu cầu tập trung hoàn thành 11 nhiệm vụ còn lại trước ngày 15/12.", {"11": "other"}),
    # the units an index covers are no result of it; those counted by where they stand in it are
    ("Kết quả, Chỉ số CCHC bình quân của 148 xã, phường đạt 81,47%.", {"148": "other", "81,47%": "par_index"}),
    ("Năm 2026, UBND tỉnh phê duyệt Chỉ số CCHC năm 2025 của 18 sở, ban, ngành và 104 xã, phường.",
     {"18": "other", "104": "other"}),
    ("Năm 2025, tỉnh đánh giá Chỉ số CCHC đối với 54 xã, phường, đặc khu.", {"54": "other"}),
    ("Năm 2025, Bộ Nội vụ công bố Chỉ số CCHC năm 2025 của các bộ, cơ quan ngang bộ và 34 tỉnh, thành phố.",
     {"34": "other"}),
    ("Năm 2025, nhóm xếp loại Khá (từ 80 đến dưới 90 điểm) có 41 đơn vị; nhóm Trung bình (từ 70 đến dưới 80 "
     "điểm) có 17 đơn vị.", {"41": "par_index", "17": "par_index"}),
    ("Năm 2023, có 46/63 địa phương có chỉ số tăng so với năm trước; 17 địa phương có chỉ số giảm.",
     {"46/63": "par_index", "17": "par_index"}),
    ("Năm 2026, 4 tỉnh miền núi phía Bắc có mặt trong nhóm 10 địa phương dẫn đầu.", {"4": "par_index"}),
    ("Năm 2025, 5 xã có tỷ lệ hồ sơ trực tuyến dưới 50%.", {"5": "online"}),  # a band of a rate: its metric
    # the fields a count belongs to, described after it, give it no metric
    ("Năm 2018, quận đã tiếp nhận 8.060 hồ sơ thuộc các lĩnh vực có cung cấp dịch vụ công trực tuyến mức độ 3, 4.",
     {"8.060": "received"}),
    # people, places and means counted for the help they give toward online use
    ("Trong quý III/2025, mỗi ngày có 2 đoàn viên thanh niên hỗ trợ người dân nộp hồ sơ trực tuyến.", {"2": "other"}),
    ("Năm 2022, lực lượng công an đã hỗ trợ người dân tại 184/184 xã, phường, thị trấn thực hiện dịch vụ công "
     "trực tuyến.", {"184/184": "other"}),
    ("Trong tháng 9, xã tổ chức hai đợt tuyên truyền lưu động về dịch vụ công trực tuyến.", {"hai": "other"}),
    ("Năm 2025, 12 xã có tỷ lệ hồ sơ trực tuyến trên 80%.", {"12": "online"}),
    # units counted by the one-stop service they run
    ("Năm 2018, tại cấp xã, 20/20 xã, thị trấn đã thực hiện cơ chế một cửa liên thông.", {"20/20": "one_stop"}),
    ("Năm 2020, toàn bộ 35 xã, thị trấn của huyện đã triển khai phần mềm một cửa điện tử.", {"35": "one_stop"}),
    ("Năm 2024, 12 xã có tỷ lệ hồ sơ trực tuyến trên 80% và vận hành tốt bộ phận một cửa.", {"12": "online"}),
    # whom a survey asked, counted right after its verb, is its sample, no result
    ("PAR INDEX 2017 thực hiện điều tra hơn 18.300 cán bộ, công chức.", {"18.300": "other"}),
    ("Năm 2017, số phiếu điều tra được thực hiện trên 31.000 người về sự hài lòng.", {"31.000": "other"}),
    ("Năm 2018, đơn vị khảo sát đã lấy ý kiến của 2.500 người dân về sự hài lòng.", {"2.500": "other"}),
    ("Năm 2024, kết quả khảo sát cho thấy 1.200 người dân hài lòng.", {"1.200": "satisfaction"}),
    # petitions received and answered in one breath are handled, neither only received nor resolved
    ("Năm 2022, tỉnh đã tổ chức 12 hội nghị, tiếp nhận và trả lời 156 kiến nghị.", {"156": "other"}),
    ("Năm 2022, quận đã tiếp nhận, xử lý 27 phản ánh, kiến nghị của người dân.", {"27": "other"}),
    ("Năm 2025, Trung tâm tiếp nhận 212 phản ánh, kiến nghị.", {"212": "received"}),
    ("Năm 2025, xã tiếp nhận và giải quyết 500 hồ sơ.", {"500": "resolved"}),
    # dossiers counted as those that carry a fee are the base of the payment rate, not received
    ("Trong quý I/2026, Trung tâm tiếp nhận 7.906 hồ sơ, trong đó có 5.318 hồ sơ có thu phí, lệ phí.",
     {"7.906": "received", "5.318": "other"}),
    ("Năm 2025, tỉnh tiếp nhận 52.300 hồ sơ, trong đó khoảng 31.000 hồ sơ thuộc diện thu phí, lệ phí.",
     {"31.000": "other"}),
    ("Năm 2025, xã tiếp nhận 2.000 hồ sơ, trong đó 612 hồ sơ thuộc diện thu phí được thanh toán trực tuyến.",
     {"612": "paid_online"}),
    # procedures are not received or resolved like dossiers: those a one-stop place handles are one_stop
    ("Hiện nay, Trung tâm tiếp nhận 1.632 TTHC của 19 sở, ngành.", {"1.632": "one_stop"}),
    ("Năm 2025, xã đang tiếp nhận 342 TTHC.", {"342": "other"}),
    # ... and so are those brought to a one-stop place to be received there
    ("Năm 2019, tỉnh đã đưa 1.652 TTHC vào tiếp nhận tại Trung tâm Phục vụ hành chính công.", {"1.652": "one_stop"}),
    ("Năm 2019, thị xã đã đưa 100% TTHC cấp thị xã, cấp xã vào tiếp nhận tại bộ phận một cửa.", {"100%": "one_stop"}),
    ("Năm 2018, hơn 1.000 TTHC thuộc 17 lĩnh vực được tiếp nhận và trả kết quả tại Trung tâm hành chính công.",
     {"1.000": "one_stop"}),
    ("Năm 2018, trung tâm sẽ tiếp nhận và trả kết quả với 1.161 thủ tục hành chính.", {"1.161": "one_stop"}),
    ("Năm 2021, quận tiếp nhận và trả kết quả trong vòng 2 giờ đối với 15 TTHC lĩnh vực chứng thực.", {"15": "other"}),
    ("Năm 2019, tỉnh có 1.703 TTHC được công bố, trong đó 100% TTHC được tiếp nhận tại Trung tâm.",
     {"1.703": "published", "100%": "one_stop"}),
    # ... and those a unit applies are the set it publishes
    ("Hiện nay, xã đang thực hiện 367 TTHC thuộc thẩm quyền cấp xã.", {"367": "published"}),
    ("Năm 2025, toàn tỉnh có 1.947 TTHC thuộc thẩm quyền giải quyết.", {"1.947": "published"}),
    ("Năm 2025, tổng số TTHC đang áp dụng trên địa bàn tỉnh là 1.947 thủ tục.", {"1.947": "published"}),
    ("Năm 2025, tổng số TTHC đang áp dụng là 1.624 thủ tục, trong đó 392 TTHC được cung cấp trực tuyến toàn trình.",
     {"1.624": "published", "392": "online"}),
    ("Từ đầu năm, quận đã rà soát 296 TTHC thuộc thẩm quyền giải quyết cấp quận.", {"296": "other"}),
    # ... and so are those a level's remit is listed as
    ("Theo đó, thủ tục hành chính thuộc thẩm quyền giải quyết của cấp huyện gồm: 5 thủ tục thuộc lĩnh vực hộ kinh "
     "doanh.", {"5": "published"}),
    # "con số này" restates the quantity of the sentence before, for another period: its first measure
    ("Năm 2020, bộ phận một cửa huyện tiếp nhận 38.452 hồ sơ, đã giải quyết 37.905 hồ sơ. Năm 2019, con số này là "
     "42.118 hồ sơ.", {"38.452": "received", "37.905": "resolved", "42.118": "received"}),
    ("Các cơ quan của thành phố hằng năm tiếp nhận một lượng hồ sơ khổng lồ.\nNăm 2017 con số này là hơn 14 triệu "
     "hồ sơ.", {"14 triệu": "received"}),
    # ... the later items of that list too, however long each item's label
    ("Theo đó, thủ tục hành chính thuộc thẩm quyền giải quyết của cấp huyện gồm: 5 thủ tục thuộc lĩnh vực thành lập "
     "và hoạt động của hộ kinh doanh, 19 thủ tục thuộc lĩnh vực thành lập và hoạt động của hợp tác xã.",
     {"5": "published", "19": "published"}),
    ("Đối với thủ tục hành chính thuộc thẩm quyền cấp xã có 21 thủ tục ở mục đấu thầu.", {"21": "published"}),
    # a one-stop centre named as the place a metric was measured is no one-stop measure, except
    # for the procedures brought there
    ("Năm 2026, hơn 48.000 hồ sơ được tiếp nhận tại Trung tâm Phục vụ hành chính công.", {"48.000": "received"}),
    ("Năm 2024, tỷ lệ hồ sơ được giải quyết đúng hạn tại Trung tâm Hành chính công tỉnh đạt 98,6%.", {"98,6%": "on_time"}),
    ("Năm 2025, tỉnh đã đưa 100% TTHC ra tiếp nhận tại Trung tâm Phục vụ hành chính công.", {"100%": "one_stop"}),
    # the PCI component "Chi phí không chính thức" is a name, no informal payment
    ("Năm 2019, PCI của tỉnh đạt 65 điểm. Chỉ số Chi phí không chính thức còn thấp, chỉ đạt 5,91 điểm.",
     {"5,91": "par_index"}),
    ("Năm 2023, chỉ số thành phần Chi phí thời gian đạt 7,42 điểm; Chi phí không chính thức đạt 6,88 điểm.",
     {"7,42": "par_index", "6,88": "par_index"}),
    ("Năm 2023, có 17% doanh nghiệp phải trả chi phí không chính thức.", {"17%": "other"}),
    # a share of an assessment's points is the index's, or that of the component its sentence names
    ("Trong 7 lĩnh vực đánh giá, Huế có 3 lĩnh vực đạt trên 90% số điểm tối đa.", {"90%": "par_index"}),
    ("Năm 2024, lĩnh vực cải cách tài chính công có tỷ lệ điểm thấp nhất, chỉ đạt 76,4%.", {"76,4%": "par_index"}),
    ("Năm 2024, nhóm chỉ số số hóa hồ sơ vẫn là điểm nghẽn lớn nhất, chỉ đạt gần 60% số điểm tối đa.",
     {"60%": "digitized"}),
    # "giảm" after a measure is a change of the measure, no cut
    ("So với cùng kỳ năm 2025, số hồ sơ trễ hạn giảm 37,5%.", {"37,5%": "overdue"}),
    ("Năm 2022, tỷ lệ hồ sơ trễ hạn giảm 0,9% so với năm 2021.", {"0,9%": "overdue"}),
    ("Năm 2023, tỉnh đã giảm 20 TTHC.", {"20": "cut"}),
    ("Năm 2020, UBND tỉnh đã tổ chức kiểm tra CCHC tại 9 sở, ngành và 6 huyện.", {"9": "inspected", "6": "inspected"}),
    # ... past a noun of three parts, or of a noun and its level
    ("Năm 2026, tỉnh kiểm tra công tác CCHC tại 12 sở, ban, ngành và 30 xã, phường, đặc khu.",
     {"12": "inspected", "30": "inspected"}),
    ("Năm 2024, đoàn đã kiểm tra 12 cơ quan, đơn vị cấp tỉnh, 5 huyện, thị xã, thành phố và 15 xã, phường, thị trấn.",
     {"12": "inspected", "5": "inspected", "15": "inspected"}),
    # ... however long what was inspected
    ("Năm 2024, huyện đã kiểm tra cải cách hành chính, kỷ luật, kỷ cương hành chính tại 4 cơ quan chuyên môn "
     "và 3 UBND xã.", {"4": "inspected", "3": "inspected"}),
    # a place that was not inspected stays unlabelled
    ("Năm 2024, xã có 6 thôn, bản và 3 tổ dân phố.", {"6": "other", "3": "other"}),
]


@pytest.mark.parametrize("text,expected", INSPECTION_CASES)
def test_places_inspected(text, expected):
    assert aspects_of(text, expected) == expected


def test_a_cue_holding_a_comma_labels_the_count_before_it():
    assert aspects_of("Tháng 8, xã có 612 hồ sơ được thanh toán phí, lệ phí trực tuyến.", {"612": 0}) == {"612": "paid_online"}
    assert aspects_of("Tháng 8, có 58.631 lượt thanh toán phí, lệ phí trực tuyến.", {"58.631": 0}) == {"58.631": "paid_online"}
    # a comma with no cue across it still ends the count's words
    assert aspects_of("Tháng 8, xã có 612 hồ sơ, thanh toán trực tuyến đạt 90%.", {"612": 0}) == {"612": "other"}


GENERIC_UNIT_CASES = [
    # "đơn vị" counts communes or districts when they are in view and no agency is
    ("Ở cấp xã, trong tổng số 166 xã, phường, có 21 đơn vị đạt trên 90 điểm.", "21", "admin_unit"),
    ("Xã Kỳ Anh xếp cuối với 71,3 điểm. Có 12 đơn vị xếp loại tốt.", "12", "admin_unit"),
    ("Năm 2024, đứng cuối bảng xếp hạng là 3 đơn vị: huyện Mê Linh, huyện Ba Vì và huyện Sóc Sơn.", "3", "admin_unit"),
    # ... agencies otherwise
    ("Năm 2024, toàn tỉnh đã kiểm tra CCHC tại 46 cơ quan, đơn vị, trong đó kiểm tra đột xuất 12 đơn vị.", "12", "agency"),
    ("Năm 2024, chương trình bắt đầu ở 7 đơn vị trực thuộc.", "7", "agency"),
]


@pytest.mark.parametrize("text,surface,obj", GENERIC_UNIT_CASES)
def test_units_counted_as_don_vi(text, surface, obj):
    [fig] = [f for f in run(text) if f["surface"] == surface]
    assert fig["object"] == obj


RATE_OBJECT_CASES = [
    # digitisation and online payment are measured on dossiers, whatever noun is near
    ("Năm 2025, tỷ lệ số hóa kết quả giải quyết TTHC đạt 95,1%.", "95,1%", "digitized", "dossier"),
    ("Năm 2025, có 67 đơn vị đạt tỷ lệ số hóa từ 70% đến dưới 90%.", "70%", "digitized", "dossier"),
    # a portal's name holds no counted noun
    ("Năm 2025, 142.380 hồ sơ được nộp qua Cổng Dịch vụ công, chiếm khoảng 74,3%.", "74,3%", "online", "dossier"),
    # parallel rates joined by "còn"
    ("Năm 2025, tỷ lệ số hóa kết quả giải quyết đạt 77,9%, trong đó cấp tỉnh đạt 95,2% còn cấp xã mới đạt 71,6%.",
     "71,6%", "digitized", "dossier"),
    # ... and parallel clauses after ";" naming units, not the metric, whatever their length
    ("Năm 2023, huyện Lạc Dương có tỷ lệ số hóa cao nhất với 84,5%; thành phố Bảo Lộc và huyện Di Linh lần lượt "
     "đạt 71,2% và 66,4%; huyện Cát Tiên thấp nhất, mới đạt 30,2%.", "30,2%", "digitized", "dossier"),
    ("Năm 2023, huyện Lạc Dương có tỷ lệ số hóa cao nhất với 84,5%; thành phố Bảo Lộc và huyện Di Linh lần lượt "
     "đạt 71,2% và 66,4%; huyện Cát Tiên thấp nhất, mới đạt 30,2%.", "71,2%", "digitized", "dossier"),
    # ... unless a clause names a metric of its own
    ("Năm 2023, huyện Lạc Dương có tỷ lệ số hóa cao nhất với 84,5%; tỷ lệ hồ sơ trực tuyến của huyện Di Linh "
     "đạt 71,2%.", "71,2%", "online", "dossier"),
    # the rate a "tỷ lệ" names, not a cue in the words after "và"
    ("Mục tiêu đến hết năm 2025, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt trên 80% và chấm dứt tình trạng "
     "trễ hẹn.", "80%", "online", "dossier"),
    ("Năm 2025, tỷ lệ hồ sơ trực tuyến của tỉnh đạt 80%, hồ sơ trễ hẹn giảm mạnh.", "80%", "online", "dossier"),
    # "và" before another measure ends a value's words
    ("Năm 2026, phấn đấu Chỉ số CCHC của các tỉnh đạt trên 87% và mức độ hài lòng chung đạt trên 85%.",
     "87%", "par_index", "other"),
    # a rate of a place's dossiers is no share of places
    ("Năm 2025, một số địa phương có tỷ lệ trực tuyến cao như phường Hoa Lư (89,4%), phường Nam Định (86,1%).",
     "86,1%", "online", "dossier"),
    ("Năm 2025, huyện Đức Hòa dẫn đầu về tỷ lệ hồ sơ trực tuyến với 96,8%.", "96,8%", "online", "dossier"),
    # "lần lượt" ("respectively") counts no turns ("lượt")
    ("Năm 2025, phường An Xuyên và phường Bạc Liêu có tỷ lệ số hóa cao nhất, lần lượt đạt 99,1% và 98,6%.",
     "98,6%", "digitized", "dossier"),
    # a cue phrase holding a comma, in tokenised text ("phí , lệ phí")
    ("Năm 2024 , có 6.410 hồ sơ được thanh toán phí , lệ phí trực tuyến .", "6.410", "paid_online", "dossier"),
    # the words after "tổng số" name the base of a share, not the share
    ("Năm 2024, số hồ sơ nộp trực tuyến là 1.037 hồ sơ, chiếm 15,2% tổng số hồ sơ tiếp nhận.", "15,2%", "online", "dossier"),
    # a fall in dossiers named right after the number is theirs, not a cut
    ("Năm 2024, huyện đã giảm 70% hồ sơ trễ hẹn.", "70%", "overdue", "dossier"),
    ("Năm 2024, 412/468 hồ sơ có thu phí, lệ phí được thanh toán trực tuyến.", "412/468", "paid_online", "dossier"),
    # a comma joining the people asked is no clause break: the satisfaction is theirs
    ("Năm 2024, mức độ hài lòng của người dân, tổ chức khi giải quyết TTHC tại xã đạt 98,2%.",
     "98,2%", "satisfaction", "other"),
    ("Năm 2024, mức độ hài lòng của người dân , doanh nghiệp đối với cán bộ tiếp nhận hồ sơ đạt 97,4 % .",
     "97,4 %", "satisfaction", "other"),
    # a noun written with a capital inside a sentence is part of a name, not what a rate is of
    ("Năm 2024, huyện hoàn thành 31/38 nhiệm vụ theo Kế hoạch CCHC năm 2024, đạt 81,6%.", "81,6%", "completed", "task"),
    ("Năm 2024, Sở Kế hoạch và Đầu tư đạt tỷ lệ thanh toán trực tuyến 100%.", "100%", "paid_online", "dossier"),
    # their cost to firms is no procedure's (the time and cost a cut shortens are: test below)
    ("Năm 2018, Bộ cho rằng sẽ giảm được 30% chi phí tuân thủ đối với doanh nghiệp.", "30%", "cut", "other"),
    # a percentage restating the ratio before it is a share of what the ratio counts
    ("Năm 2026, các đơn vị đã hoàn thành 214/236 nhiệm vụ CCHC theo kế hoạch, đạt 90,68%.", "90,68%", "completed", "task"),
    ("Đến nay, đoàn đã kiểm tra 9/12 xã, thị trấn (đạt 75%) và 6/8 cơ quan chuyên môn (đạt 70%).", "70%", "inspected",
     "agency"),
    # a figure's noun continued after a comma: "hồ sơ, kết quả giải quyết TTHC được số hóa"
    ("Năm 2026, tỉnh phấn đấu tỷ lệ hồ sơ trực tuyến đạt 80%; 100% hồ sơ, kết quả giải quyết TTHC được số hóa.",
     "100%", "digitized", "dossier"),
]


@pytest.mark.parametrize("text,surface,aspect,obj", RATE_OBJECT_CASES)
def test_what_a_rate_is_of(text, surface, aspect, obj):
    [fig] = [f for f in run(text) if f["surface"] == surface]
    assert (fig["aspect"], fig["object"]) == (aspect, obj)


def test_the_time_and_cost_a_cut_shortens_are_the_procedures():
    text = "Năm 2026, tỉnh phấn đấu cắt giảm ít nhất 30% thời gian giải quyết và 30% chi phí tuân thủ TTHC."
    figs = run(text)
    assert [(text[f["span"][0]:f["span"][1]], f["aspect"], f["object"]) for f in figs] == [
        ("30%", "cut", "procedure"), ("30%", "cut", "procedure")]
    assert [text.index("30% thời gian"), text.index("30% chi phí")] == [f["span"][0] for f in figs]


def test_a_group_at_the_top_of_a_ranking_is_a_rank():
    [fig] = run("Tỉnh phấn đấu năm 2026 đưa Chỉ số CCHC vào nhóm 15 tỉnh, thành phố dẫn đầu cả nước.")
    assert (fig["surface"], fig["kind"], fig["object"]) == ("15", "rank", "other")
    # ... not a group of things
    [fig] = run("Năm 2025, tỉnh đưa vào thực hiện nhóm 6 thủ tục liên thông.")
    assert (fig["surface"], fig["kind"], fig["object"]) == ("6", "count", "procedure")


NUMBER_LIST_CASES = [
    # numbers listed before the one their noun follows are counts of it too
    ("Năm 2024, xã Ea Phê, xã Ea Kênh và xã Ea Na có lượng hồ sơ lớn nhất, lần lượt là 6.140, 4.215 và 3.388 hồ sơ.",
     ["6.140", "4.215", "3.388"]),
    # a number listed after a service level, with a noun of its own, is a count
    ("Năm 2018, huyện cung cấp 96 dịch vụ công trực tuyến mức độ 3 và 12 dịch vụ công mức độ 4.", ["96", "12"]),
    # ... and without one, another level
    ("Năm 2018, huyện cung cấp 96 dịch vụ công trực tuyến mức độ 3 và 4.", ["96"]),
    # a number word in a proper name is no count
    ("Năm 2024, TP. Ngã Bảy dẫn đầu khối địa phương với 72,4 điểm.", ["72,4"]),
]


@pytest.mark.parametrize("text,surfaces", NUMBER_LIST_CASES)
def test_numbers_in_lists_and_names(text, surfaces):
    assert [f["surface"] for f in run(text)] == surfaces


PLAN_TASK_CASES = [
    # the tasks a plan sets, the plan named before or after them
    ("Năm 2024, UBND huyện ban hành Kế hoạch CCHC với 56 nhiệm vụ.", {"56": "planned"}),
    ("Trong 12 nhiệm vụ của Kế hoạch cải cách hành chính năm 2025, xã đã hoàn thành 7 nhiệm vụ.",
     {"12": "planned", "7": "completed"}),
    # ... but a ratio of them is the share done
    ("Năm 2024, các cơ quan đã hoàn thành 74/86 nhiệm vụ của Kế hoạch CCHC năm 2024.", {"74/86": "completed"}),
]


@pytest.mark.parametrize("text,expected", PLAN_TASK_CASES)
def test_tasks_a_plan_sets(text, expected):
    assert aspects_of(text, expected) == expected


RESTATING_SHARE_CASES = [
    # a share restating the count before it measures what the count measures
    ("Năm 2025, tỉnh tiếp nhận 1,2 triệu hồ sơ. Phân theo lĩnh vực, tư pháp có 412.300 hồ sơ, chiếm 32,1%.",
     {"412.300": "received", "32,1%": "received"}),
    ("Năm 2025, xã tiếp nhận 2.846 hồ sơ, trong đó 1.905 hồ sơ trực tuyến (chiếm 66,9%).", {"66,9%": "online"}),
]


@pytest.mark.parametrize("text,expected", RESTATING_SHARE_CASES)
def test_restating_shares(text, expected):
    assert aspects_of(text, expected) == expected


@pytest.mark.parametrize("text,expected", RETURNED_CASES)
def test_returned_and_apologised_dossiers(text, expected):
    assert aspects_of(text, expected) == expected


BASE_OF_A_PART_CASES = [
    # the base's own words name its metric
    ("Năm 2025, có 1.521 hồ sơ quá hạn trên tổng số 172.844 hồ sơ đã giải quyết.",
     {"1.521": "overdue", "172.844": "resolved"}),
    ("Trong năm 2018, trong số 68.281 hồ sơ giải quyết trễ hạn, 61.276 hồ sơ đã được xin lỗi.",
     {"68.281": "overdue"}),
    ("Quý III, trong tổng số 12.846 hồ sơ tiếp nhận có 7.905 hồ sơ nộp trực tuyến.",
     {"12.846": "received", "7.905": "online"}),
    # the receiving a part and its base share
    ("Quý III, trung tâm tiếp nhận 4.512 hồ sơ trực tuyến trên tổng số 5.860 hồ sơ, đạt 79,6%.",
     {"4.512": "online", "5.860": "received"}),
    # ... but a metric of the part's own is not the base's
    ("Bộ đã đơn giản hóa 108 thủ tục, trong tổng số 443 thủ tục hành chính.", {"443": "other"}),
    ("Năm 2025, bộ cung cấp 142 dịch vụ công trực tuyến toàn trình trên tổng số 168 thủ tục hành chính.",
     {"168": "other"}),
]


@pytest.mark.parametrize("text,expected", BASE_OF_A_PART_CASES)
def test_the_base_of_a_part(text, expected):
    assert aspects_of(text, expected) == expected


SAME_SCALE_SCORE_CASES = [
    # a component group named at the head of its sentence, however far from its points
    ("Năm 2025, nhóm chỉ tiêu số hóa hồ sơ vẫn là điểm nghẽn khi chỉ đạt 14,12/22 điểm.", {"14,12/22": "digitized"}),
    ("Năm 2025, nhóm Số hóa hồ sơ vẫn là điểm nghẽn khi chỉ đạt 12,62/22 điểm.", {"12,62/22": "digitized"}),
    # ... or named first, then said to be a group
    ("Năm 2025, Số hóa hồ sơ là nhóm chỉ tiêu thấp nhất, chỉ đạt 14,54/22 điểm.", {"14,54/22": "digitized"}),
    ("Năm 2025, tỉnh đạt 85 điểm, nhóm 10 địa phương dẫn đầu đạt 90,5 điểm.", {"90,5": "par_index"}),
    ("Năm 2025, nhóm chỉ số Thanh toán trực tuyến có điểm bình quân thấp nhất, đạt 6,84/10 điểm.",
     {"6,84/10": "paid_online"}),
    # a second score on the same scale, with no words of its own, is the component's again
    ("Tháng 9, nhóm chỉ tiêu thanh toán trực tuyến của tỉnh chỉ đạt 6,2/10 điểm thì sang tháng 10 đã đạt "
     "9,6/10 điểm.", {"6,2/10": "paid_online", "9,6/10": "paid_online"}),
    # ... not a score on another scale (the whole index)
    ("Năm 2025, nhóm chỉ tiêu thanh toán trực tuyến đạt 9,6/10 điểm, tổng điểm đạt 85,2/100 điểm.",
     {"85,2/100": "par_index"}),
]


@pytest.mark.parametrize("text,expected", SAME_SCALE_SCORE_CASES)
def test_a_second_score_on_the_same_scale(text, expected):
    assert aspects_of(text, expected) == expected


BARE_VALUE_CASES = [
    # a unit's value with no metric words restates the last rate named before it
    ("Tháng 10, tỷ lệ hồ sơ có thu phí được thanh toán trực tuyến đạt 96,1%. Ông A cho biết tỉnh đã "
     "yêu cầu các xã bố trí thiết bị. Riêng phường Phan Đình Phùng đạt 99,2%, xã Phú Bình đạt 97,5%.",
     {"99,2%": "paid_online", "97,5%": "paid_online"}),
    ("Năm 2025, phường A là đơn vị đầu tiên số hóa 100% hồ sơ tiếp nhận; xã B đạt 98,7%.",
     {"100%": "digitized", "98,7%": "digitized"}),
    # not across a section break
    ("Năm 2025, tỷ lệ số hóa hồ sơ đạt 90%.\n\nTuy vậy, xã B chỉ đạt 40%.", {"40%": "other"}),
    # "đạt" with no holder of its own restates the count before it, not the rate
    ("Năm 2025, tỷ lệ số hóa hồ sơ đạt 90%. Bộ A mới triển khai được 6 thủ tục, đạt 54,1%.",
     {"54,1%": "other"}),
]


@pytest.mark.parametrize("text,expected", BARE_VALUE_CASES)
def test_bare_values_restate_the_last_rate(text, expected):
    assert aspects_of(text, expected) == expected


SURVEY_DIMENSION_CASES = [
    # the items of a list of a survey's dimensions are satisfaction rates, whatever they name
    ("Năm 2024, mức độ hài lòng của người dân về tiếp cận dịch vụ đạt 87,12 % ; về công chức trực tiếp "
     "giải quyết công việc đạt 84,90 % ; về kết quả dịch vụ đạt 85,33 % và về tiến độ giải quyết công "
     "việc đạt 83,96 %.",
     {"87,12 %": "satisfaction", "84,90 %": "satisfaction", "85,33 %": "satisfaction", "83,96 %": "satisfaction"}),
    # points of a service index's components keep their own metrics
    ("Năm 2025, chỉ tiêu hài lòng đạt 17/18 điểm; về tiến độ giải quyết đạt 19/20 điểm.",
     {"19/20": "on_time"}),
    # a new measure, not an item about the survey
    ("Năm 2024, mức độ hài lòng đạt 90%; tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.", {"98%": "on_time"}),
]


@pytest.mark.parametrize("text,expected", SURVEY_DIMENSION_CASES)
def test_items_of_a_survey_dimension_list(text, expected):
    assert aspects_of(text, expected) == expected


@pytest.mark.parametrize("text,expected", RANKED_WITH_CASES)
def test_values_of_a_ranking(text, expected):
    assert aspects_of(text, expected) == expected


@pytest.mark.parametrize("text,expected", [
    # metrics listed before "lần lượt" pair up with its values in order
    ("Năm 2025, các chỉ tiêu thanh toán trực tuyến và số hóa lần lượt đạt 90,4% và 96,8%.",
     [("90,4%", "paid_online"), ("96,8%", "digitized")]),
    ("Năm 2025, tỷ lệ giải quyết đúng hạn, tỷ lệ số hóa và tỷ lệ thanh toán trực tuyến lần lượt đạt 98%, 90% "
     "và 80%.", [("98%", "on_time"), ("90%", "digitized"), ("80%", "paid_online")]),
    ("Năm 2025, số hồ sơ tiếp nhận và giải quyết lần lượt là 1.000 và 950 hồ sơ.",
     [("1.000", "received"), ("950", "resolved")]),
    # ... not one metric of several units: each value keeps it
    ("Năm 2025, tỷ lệ hồ sơ trực tuyến của huyện Ba Vì và huyện Mỹ Đức lần lượt đạt 60% và 50%.",
     [("60%", "online"), ("50%", "online")]),
])
def test_metrics_listed_before_respectively(text, expected):
    assert [(f["surface"], f["aspect"]) for f in run(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a survey factor's name in quotes states no metric: its share is satisfaction
    ("Năm 2025, chỉ số hài lòng đạt 90%; yếu tố “Tiếp nhận và xử lý góp ý, phản ánh, kiến nghị” thấp nhất, chỉ "
     "đạt 79,8%.", [("90%", "satisfaction"), ("79,8%", "satisfaction")]),
    ('Năm 2025, SIPAS của tỉnh đạt 87,4%. Yếu tố "Tiếp nhận, xử lý góp ý" thấp nhất, chỉ 79,85%.',
     [("87,4%", "satisfaction"), ("79,85%", "satisfaction")]),
    # ... a service index's component keeps its aspect
    ("Năm 2025, chỉ số thành phần “Thanh toán trực tuyến” đạt 4,5/10 điểm.", [("4,5/10", "paid_online")]),
])
def test_quoted_survey_factor_names(text, expected):
    assert [(f["surface"], f["aspect"]) for f in run(text)] == expected


@pytest.mark.parametrize("noun", SURVEY["index_component_nouns"])
def test_every_index_component_noun_counts_in_its_index(noun):
    """Components of an index counted in a paragraph about it measure that index."""
    figs = run(f"Năm 2024, PAPI của tỉnh đạt 45 điểm. Đáng chú ý, tỉnh có 5 {noun} nằm ở nhóm cao nhất.")
    assert [(f["surface"], f["aspect"]) for f in figs][-1] == ("5", "par_index")
    # ... not where no index is in sight
    figs = run(f"Năm 2024, tỉnh tiếp nhận 300 hồ sơ. Tỉnh có 5 {noun} về kinh tế tăng.")
    assert [(f["surface"], f["aspect"]) for f in figs if f["surface"] == "5"] in ([("5", "other")], [])


LIST_HEADER_CASES = [
    # a bulleted item whose words name no measure takes its header's
    ("Năm 2025, số hồ sơ tiếp nhận theo từng tháng cụ thể như sau:\n- Tháng 7/2025: 118.420 hồ sơ, trong đó trực "
     "tuyến 79.340 hồ sơ;\n- Tháng 8/2025: 124.905 hồ sơ, trong đó trực tuyến 88.120 hồ sơ.",
     {"118.420": "received", "79.340": "online", "124.905": "received", "88.120": "online"}),
    ("Năm 2025, ba xã để xảy ra nhiều hồ sơ quá hạn nhất gồm:\n- Xã Tương Dương: 164 hồ sơ;\n- Xã Quỳ Hợp: 131 hồ sơ.",
     {"164": "overdue", "131": "overdue"}),
    # ... its own words first
    ("Năm 2025, một số đơn vị có số hồ sơ tiếp nhận lớn:\n- Phường Phú Xuân: 64.210 hồ sơ, tỷ lệ trực tuyến 88,2%;\n"
     "- Phường Thuận Hóa: 1.930 hồ sơ quá hạn.", {"64.210": "received", "88,2%": "online", "1.930": "overdue"}),
    # ... across a blank line, of several measures the last
    ("Năm 2025, số hồ sơ tiếp nhận cụ thể như sau:\n\n- Tháng 7: 118.420 hồ sơ.", {"118.420": "received"}),
    ("Năm 2025, số TTHC được cắt giảm, đơn giản hóa theo lĩnh vực như sau:\n\n- Tư pháp: 31 thủ tục;\n- Xây dựng: 27 "
     "thủ tục.", {"31": "simplified", "27": "simplified"}),
    # ... nor its line's sentences before the one that opens the list
    ("Toàn tỉnh còn 4.224 hồ sơ quá hạn. Số hồ sơ tiếp nhận của các xã như sau:\n- Xã Quỳ Hợp: 131 hồ sơ.",
     {"131": "received"}),
]


@pytest.mark.parametrize("text,expected", LIST_HEADER_CASES)
def test_list_items_take_their_header_s_measure(text, expected):
    assert aspects_of(text, expected) == expected


def test_list_items_and_headers():
    from pipeline.list_items import header_of, item_start, list_end, own_words_end

    text = "Kết quả tốt. Cụ thể như sau:\n- Tháng 7: 118 hồ sơ, trong đó 79 trực tuyến;\n• Tháng 8: 124 hồ sơ\nHết."
    first, second = text.index("118"), text.index("124")
    assert text[item_start(text, first):first] == "Tháng 7: "
    assert text[item_start(text, second):second] == "Tháng 8: "
    assert item_start(text, text.index("Hết")) is None and item_start(text, text.index("tốt")) is None
    s, e = header_of(text, second)
    assert text[s:e] == "Cụ thể như sau:"  # the header line's last sentence
    assert text[first:own_words_end(text, first)] == "118 hồ sơ"
    spaced = "Kết quả như sau:\n\n- Tháng 7: 118 hồ sơ;\n\n- Tháng 8: 124 hồ sơ\n\nHết."
    s, e = header_of(spaced, spaced.index("124"))  # blank lines below the header and between items
    assert spaced[s:e] == "Kết quả như sau:"
    assert spaced[:list_end(spaced, spaced.index("118"))].endswith("124 hồ sơ")
    assert header_of("Kết quả tốt.\n\n- Tháng 7: 118 hồ sơ", 22) is None  # above the blank line, no header
    from pipeline.list_items import items_after, names_one

    listed = "Bốn xã gồm:\n- Xã A: 164 hồ sơ;\n\n- Xã B, xã C: 131 hồ sơ;\nHết."
    items = items_after(listed, 3)
    assert [listed[a:b] for a, b in items] == ["Xã A: 164 hồ sơ;", "Xã B, xã C: 131 hồ sơ;"]
    assert [names_one(listed, item) for item in items] == [True, False]
    assert header_of("Kết quả như sau.\n- Tháng 7: 118 hồ sơ", 20) is None  # no colon


def test_a_list_header_naming_two_measures_gives_the_last():
    from pipeline import aspects
    from pipeline.figure_cues import find_cues
    from pipeline.numbers import find_numbers
    from pipeline.segment import segment

    text = "Năm 2025, số hồ sơ trực tuyến và quá hạn như sau:\n- Tháng 7: 118.420 hồ sơ."
    article = segment(text, (0, len(text)), published="2025-10-16")
    cues = find_cues(article.folded, 0, len(text))
    [num] = [n for n in find_numbers(text, article.folded, 0, len(text)) if text[n.start:n.end] == "118.420"]
    assert aspects.list_header_aspect(article, cues, num) == "overdue"  # the nearest the items
    one = "Năm 2025, số hồ sơ quá hạn như sau:\n- Tháng 7: 118.420 hồ sơ."
    article = segment(one, (0, len(one)), published="2025-10-16")
    [num] = [n for n in find_numbers(one, article.folded, 0, len(one)) if one[n.start:n.end] == "118.420"]
    assert aspects.list_header_aspect(article, find_cues(article.folded, 0, len(one)), num) == "overdue"
