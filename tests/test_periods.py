"""Periods: phrases -> ISO dates, their roles (period, baseline, name), and which period governs
a figure (ANNOTATION.md: own sentence, else earlier in the passage, else headline or lead).

Example(text, expected) tables; every row checks `text[span] == surface` of the phrase.
"""
import datetime as dt
from dataclasses import dataclass

import pytest

from conftest import grouped_cases
from pipeline.figures import extract_figures
from pipeline.periods import find_periods
from pipeline.resources import load_yaml
from pipeline.segment import segment

PUBLISHED = "2024-10-16"
AFTER_CHANGE = "2025-10-20"


@dataclass
class Example:
    text: str
    phrase: str | None  # the period phrase found first, as written
    start: str | None = None
    end: str | None = None
    published: str = PUBLISHED


def first_period(text, published=PUBLISHED):
    found = find_periods(text, 0, len(text), published)
    for p in found:
        assert text[p.start_pos:p.end_pos] == p.text
    return found[0] if found else None


PHRASES = {
    "years_and_months": [
        Example("Trong năm 2023, huyện tiếp nhận 300 hồ sơ.", "năm 2023", "2023-01-01", "2023-12-31"),
        Example("Trong 6 tháng đầu năm 2024 có 30 hồ sơ.", "6 tháng đầu năm 2024", "2024-01-01", "2024-06-30"),
        Example("Trong 9 tháng năm 2024 có 30 hồ sơ.", "9 tháng năm 2024", "2024-01-01", "2024-09-30"),
        Example("Trong 10 tháng năm nay có 30 hồ sơ.", "10 tháng năm nay", "2024-01-01", "2024-10-31"),
        Example("Trong năm nay có 30 hồ sơ.", "năm nay", "2024-01-01", "2024-12-31"),
        Example("Năm tới, huyện phấn đấu 100% hồ sơ được số hóa.", "Năm tới", "2025-01-01", "2025-12-31"),
        Example("Trong năm tới, huyện phấn đấu 100% hồ sơ được số hóa.", "năm tới", "2025-01-01", "2025-12-31"),
        Example("Quý III/2024 có 30 hồ sơ.", "Quý III/2024", "2024-07-01", "2024-09-30"),
        Example("Trong tháng 9.2025 có 30 hồ sơ.", "tháng 9.2025", "2025-09-01", "2025-09-30"),
        Example("Trong tháng 12-2016 có 30 hồ sơ.", "tháng 12-2016", "2016-12-01", "2016-12-31"),
        Example("Giai đoạn 2021-2025 có 30 hồ sơ.", "Giai đoạn 2021-2025", "2021-01-01", "2025-12-31"),
        Example("Trong hai năm 2015 và 2016, Bộ khảo sát 30 hồ sơ.", "hai năm 2015 và 2016", "2015-01-01", "2016-12-31"),
        Example("Trong năm 2017 và 2018, hệ thống nhận 30 hồ sơ.", "năm 2017 và 2018", "2017-01-01", "2018-12-31"),
        Example("Các năm 2019, 2020 và 2021 có 30 hồ sơ.", "năm 2019, 2020 và 2021", "2019-01-01", "2021-12-31"),
        Example("Từ năm 2021 đến 2023 có 30 hồ sơ.", "Từ năm 2021 đến 2023", "2021-01-01", "2023-12-31"),
    ],
    "ranges_and_until": [
        Example("Từ ngày 15/12/2023 - 15/9/2024 có 30 hồ sơ.", "Từ ngày 15/12/2023 - 15/9/2024", "2023-12-15", "2024-09-15"),
        # a start written as a day alone takes the end's month and year (or the month before)
        Example("Từ ngày 17 đến 21/11/2026, đoàn kiểm tra 8 xã.", "Từ ngày 17 đến 21/11/2026", "2026-11-17", "2026-11-21"),
        Example("Từ ngày 30 đến 2/1/2025, xã nhận 30 hồ sơ.", "Từ ngày 30 đến 2/1/2025", "2024-12-30", "2025-01-02"),
        Example("Từ ngày 31 đến 2/3/2025, xã nhận 30 hồ sơ.", "Từ ngày 31 đến 2/3/2025", None, "2025-03-02"),
        Example("Mỗi ngày xã nhận từ 2 đến 5 hồ sơ.", None),
        Example("Từ tháng 7-2018 đến nay có 30 hồ sơ.", "Từ tháng 7-2018 đến nay", "2018-07-01", PUBLISHED),
        Example("Từ tháng 3 đến hết 31-12-2016 có 30 hồ sơ.", "Từ tháng 3 đến hết 31-12-2016", "2016-03-01", "2016-12-31"),
        Example("Từ đầu năm đến nay có 30 hồ sơ.", "Từ đầu năm đến nay", "2024-01-01", PUBLISHED),
        Example("Tính đến ngày 15/9/2024 có 30 hồ sơ.", "Tính đến ngày 15/9/2024", None, "2024-09-15"),
        Example("Tính đến thời điểm 30/9/2024, có 30 hồ sơ.", "Tính đến thời điểm 30/9/2024", None, "2024-09-30"),
        # up to an event the article names: no date of its own
        Example("Tính đến thời điểm kiểm tra, xã còn 37 hồ sơ trễ hạn.", "Tính đến thời điểm kiểm tra"),
        Example("Tính đến thời điểm ra mắt, tổng đài đáp ứng 6.000 cuộc gọi.", "Tính đến thời điểm ra mắt"),
        Example("Đến hết tháng 6/2017 có 30 hồ sơ.", "Đến hết tháng 6/2017", None, "2017-06-30"),
        # the end of a year the phrase does not name: a period without dates
        Example("Kế hoạch có 56 nhiệm vụ; đến hết năm đã hoàn thành 55 nhiệm vụ.", "đến hết năm"),
        Example("Tính đến cuối năm, tỉnh có 30 xã đạt chuẩn.", "Tính đến cuối năm"),
        Example("Đến cuối năm học, trường có 30 lớp.", None),
    ],
    "relative": [
        Example("Hiện nay, tỉnh có 30 điểm.", "Hiện nay", None, PUBLISHED),
        Example("Đến nay, tỉnh có 30 điểm.", "Đến nay", None, PUBLISHED),
        Example("Trong 5 năm qua, tỉnh có 30 điểm.", "5 năm qua", None, PUBLISHED),
        Example("Thời gian qua, tỉnh có 30 điểm.", "Thời gian qua"),
        Example("Trong năm vừa qua, tỉnh có 30 điểm.", "năm vừa qua"),
        Example("Hơn 15 năm nay, tỉnh có 30 điểm.", "15 năm nay", None, PUBLISHED),  # "hơn": more than, no comparison
        Example("Mấy ngày qua, tỉnh có 30 điểm.", "Mấy ngày qua"),
        Example("Vài năm qua, tỉnh có 30 điểm.", "Vài năm qua"),
        Example("Những tháng qua, tỉnh có 30 điểm.", "Những tháng qua"),
        Example("Thời gian gần đây, tỉnh có 30 điểm.", "Thời gian gần đây"),
        Example("Những năm gần đây, tỉnh có 30 điểm.", "Những năm gần đây"),
        Example("Từ 2012 đến nay, tỉnh có 30 điểm.", "Từ 2012 đến nay", "2012-01-01", PUBLISHED),
        Example("Trong tháng, phường nhận 931 hồ sơ.", "Trong tháng"),
        Example("Trong năm, phường nhận 931 hồ sơ.", "Trong năm"),
        Example("Trong kỳ, phường nhận 931 hồ sơ.", "Trong kỳ"),
        Example("Cũng trong năm này, tỉnh đạt 83,94%.", "trong năm này"),
        Example("Trong kỳ báo cáo, phường nhận 931 hồ sơ.", "Trong kỳ"),
        Example("Trong kỳ họp thứ 17, HĐND thông qua 5 nghị quyết.", None),
        Example("Hà Nội phấn đấu trong năm có 80% thủ tục trực tuyến.", "trong năm"),
        Example("Trong năm học mới, phường nhận 931 hồ sơ.", None),
        # the whole year under report
        Example("Tỷ lệ hồ sơ giải quyết đúng hạn cả năm đạt 97,8%.", "cả năm"),
        Example("Cả năm, cổng ghi nhận hơn 18 triệu hồ sơ.", "Cả năm"),
        Example("Cả năm 2025, cổng ghi nhận hơn 18 triệu hồ sơ.", "năm 2025", "2025-01-01", "2025-12-31"),
        Example("Tất cả năm xã đều đạt chuẩn 5 tiêu chí.", None),
        # "hiện" before a verb means "now"; "thực hiện", "phát hiện" do not
        Example("Toàn thành phố hiện gồm 168 phường, xã.", "hiện", None, PUBLISHED),
        Example("Các xã đã thực hiện có hiệu quả.", None),
        # "thực hiện tại xã" is not "hiện tại"
        Example("Các thủ tục đang được thực hiện tại xã.", None),
    ],
    "points_in_time": [
        Example("Tính đến 16h ngày 24/8/2025, cả 34 tỉnh đã kết nối.", "Tính đến 16h ngày 24/8/2025", None, "2025-08-24"),
        Example("Kể từ ngày 01/10/2025, xã không nhận hồ sơ giấy.", "Kể từ ngày 01/10/2025", "2025-10-01", None),
        Example("Ngày 1/7, 126 xã, phường bắt đầu hoạt động.", "Ngày 1/7", "2024-07-01", "2024-07-01"),
        # an index's edition year is its reporting year
        # an index's edition: the period is its year (the index is the figure's `index`)
        Example("SIPAS 2015 khảo sát 6 thủ tục.", "2015", "2015-01-01", "2015-12-31"),
    ],
    "counted_from_the_2025_change": [
        Example("Trong ngày 1/7/2025, xã nhận 30 hồ sơ.", "Trong ngày 1/7/2025", "2025-07-01", "2025-07-01", AFTER_CHANGE),
        Example("Từ ngày 1/7 đến 30/9/2025, xã nhận 30 hồ sơ.", "Từ ngày 1/7 đến 30/9/2025", "2025-07-01", "2025-09-30", AFTER_CHANGE),
        Example("Từ 1/7 đến hết năm 2025, xã nhận 30 hồ sơ.", "Từ 1/7 đến hết năm 2025", "2025-07-01", "2025-12-31", AFTER_CHANGE),
        Example("Sau 3 tháng vận hành, xã nhận 30 hồ sơ.", "Sau 3 tháng vận hành", "2025-07-01", "2025-09-30", AFTER_CHANGE),
        Example("20 ngày sau sáp nhập, xã nhận 30 hồ sơ.", "20 ngày sau sáp nhập", "2025-07-01", "2025-07-20", AFTER_CHANGE),
        Example("Sau gần 2 tháng đi vào vận hành, xã nhận 30 hồ sơ.", "Sau gần 2 tháng đi vào vận hành",
                "2025-07-01", "2025-08-31", AFTER_CHANGE),
        # before the change the phrase is kept, but no date is invented
        Example("Sau 3 tháng vận hành, xã nhận 30 hồ sơ.", "Sau 3 tháng vận hành", None, None, PUBLISHED),
        Example("Sau hơn 100 ngày vận hành, xã nhận 30 hồ sơ.", "Sau hơn 100 ngày vận hành",
                "2025-07-01", "2025-10-08", AFTER_CHANGE),
        Example("Qua 3 tháng triển khai, xã nhận 30 hồ sơ.", "Qua 3 tháng triển khai", "2025-07-01", "2025-09-30", AFTER_CHANGE),
        # who went into operation may stand between the count of time and the event
        Example("Sau 3 tháng mô hình chính quyền địa phương 2 cấp đi vào hoạt động, xã nhận 30 hồ sơ.",
                "Sau 3 tháng mô hình chính quyền địa phương 2 cấp đi vào hoạt động", "2025-07-01", "2025-09-30", AFTER_CHANGE),
        Example("Trong tháng đầu tiên vận hành, xã nhận 30 hồ sơ.", "Trong tháng đầu tiên vận hành",
                "2025-07-01", "2025-07-31", AFTER_CHANGE),
        Example("Tuần đầu tiên sau sáp nhập, xã nhận 30 hồ sơ.", "Tuần đầu tiên sau sáp nhập", "2025-07-01", "2025-07-07", AFTER_CHANGE),
        Example("Trong 100 ngày đầu vận hành, xã nhận 30 hồ sơ.", "100 ngày đầu vận hành", "2025-07-01", "2025-10-08", AFTER_CHANGE),
        Example("Kể từ ngày 1/7/2025 đến nay, xã nhận 30 hồ sơ.", "Kể từ ngày 1/7/2025 đến nay", "2025-07-01", AFTER_CHANGE, AFTER_CHANGE),
        Example("Kể từ 1/7 đến ngày 30/9/2025, xã nhận 30 hồ sơ.", "Kể từ 1/7 đến ngày 30/9/2025", "2025-07-01", "2025-09-30", AFTER_CHANGE),
        Example("Kể từ khi vận hành mô hình mới, xã nhận 30 hồ sơ.", "Kể từ khi vận hành", "2025-07-01", AFTER_CHANGE, AFTER_CHANGE),
        Example("Từ khi chính quyền hai cấp đi vào hoạt động đến nay, xã nhận 30 hồ sơ.",
                "Từ khi chính quyền hai cấp đi vào hoạt động đến nay", "2025-07-01", AFTER_CHANGE, AFTER_CHANGE),
        Example("Từ khi sáp nhập đến nay, xã nhận 30 hồ sơ.", "Từ khi sáp nhập đến nay", None, PUBLISHED),
        Example("Ngay từ ngày đầu vận hành chính quyền hai cấp, xã nhận 30 hồ sơ.", "từ ngày đầu vận hành",
                "2025-07-01", AFTER_CHANGE, AFTER_CHANGE),
        Example("Kể từ lúc các đơn vị hành chính hợp nhất, xã nhận 30 hồ sơ.",
                "Kể từ lúc các đơn vị hành chính hợp nhất", "2025-07-01", AFTER_CHANGE, AFTER_CHANGE),
        # a trial run is its own phrase, not the change
        Example("Qua hơn 2 tuần hoạt động thử nghiệm, xã nhận 30 hồ sơ.", "hơn 2 tuần hoạt động thử nghiệm",
                None, None, AFTER_CHANGE),
    ],
    "months_without_their_year": [
        # the article's year, or the year before for a month still to come at publication
        Example("Trong tháng 9, xã nhận 30 hồ sơ.", "tháng 9", "2024-09-01", "2024-09-30"),
        Example("Tháng 9 vừa qua, xã nhận 30 hồ sơ.", "Tháng 9 vừa qua", "2024-09-01", "2024-09-30"),
        Example("Hồi tháng 8, chỉ số đạt 73,88 điểm.", "tháng 8", "2024-08-01", "2024-08-31"),
        # a count of months with no year, after a rate's words and before "đạt"/"là"
        Example("Tỷ lệ hồ sơ nộp trực tuyến toàn trình trong 9 tháng đạt 86,2%.", "trong 9 tháng"),
        # ... not a duration ("giải quyết trong 9 tháng")
        Example("Hồ sơ đất đai được giải quyết trong 9 tháng nay đã xong.", None),
        # the next month of a run, "sang" opening its clause or after "thì"
        Example("Sang tháng 3, số hồ sơ tăng lên 41 hồ sơ.", "tháng 3", "2024-03-01", "2024-03-31"),
        Example("Nếu như chỉ tiêu chỉ đạt 6,2 điểm thì sang tháng 10 đã đạt 9,6 điểm.", "tháng 10", "2024-10-01",
                "2024-10-31"),
        # ... not a move to a month ("chuyển sang", "lùi sang")
        Example("Kỳ họp được lùi sang tháng 11.", None),
        # a month in passing dates an event
        Example("Hệ thống dự kiến vận hành vào tháng 11.", None),
        # ... but right after the service index's name it is the index's monthly edition
        Example("Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 9: tỉnh đạt 88,2 điểm.", "tháng 9", "2024-09-01",
                "2024-09-30"),
        Example("Tỉnh có 6 xã đạt trên 90 điểm chỉ số phục vụ người dân, doanh nghiệp tháng 10", "tháng 10", "2024-10-01",
                "2024-10-31"),
        Example("Trong tháng 12, xã nhận 30 hồ sơ.", "tháng 12", "2023-12-01", "2023-12-31"),
        # an article dated by its year only
        Example("Trong tháng 9, xã nhận 30 hồ sơ.", "tháng 9", "2025-09-01", "2025-09-30", "2025"),
        Example("Tính đến cuối tháng 9, xã nhận 30 hồ sơ.", "Tính đến cuối tháng 9", None, "2024-09-30"),
        Example("Trong quý III, xã nhận 30 hồ sơ.", "quý III", "2024-07-01", "2024-09-30"),
        Example("Trong 3 tháng qua, xã nhận 30 hồ sơ.", "3 tháng qua", None, PUBLISHED),
        # ... but the months before the one the report is published in are the year's first months
        Example("Trong 9 tháng qua, xã nhận 30 hồ sơ.", "9 tháng qua", "2024-01-01", "2024-09-30"),
        Example("Trong 12 tháng qua, xã nhận 30 hồ sơ.", "12 tháng qua", "2024-01-01", "2024-12-31", "2025-01-10"),
        Example("Trong 9 tháng vừa qua, xã nhận 30 hồ sơ.", "9 tháng vừa qua", None, "2024-12-02", "2024-12-02"),
        # a count of months opening the sentence: its months, which the text does not date
        Example("Trong 9 tháng, xã nhận 30 hồ sơ.", "Trong 9 tháng"),
        Example("Trong 5 ngày, xã nhận 30 hồ sơ.", None),
        # a day's date is not a month's period
        Example("Ngày 2 tháng 9, xã nhận 30 hồ sơ.", None),
    ],
    "not_periods": [
        Example("Thời hạn giải quyết là 5 ngày làm việc.", None),
        Example("Kế hoạch số 249/KH-UBND ngày 20/2/2024.", None),
    ],
    "restated": [
        # a period restated in brackets is one period: the phrase runs over both, the dates
        # are the restatement's
        Example("Sau 3 tháng vận hành chính quyền địa phương 2 cấp (từ ngày 1/7 đến 30/9/2025), xã nhận 931 hồ sơ.",
                "Sau 3 tháng vận hành chính quyền địa phương 2 cấp (từ ngày 1/7 đến 30/9/2025)",
                "2025-07-01", "2025-09-30", "2025-10-15"),
        Example("6 tháng đầu năm (từ 1/1 đến 30/6/2024), xã nhận 931 hồ sơ.",
                "6 tháng đầu năm (từ 1/1 đến 30/6/2024)", "2024-01-01", "2024-06-30", "2024-07-15"),
        # ... and two periods of the same dates side by side
        Example("Lũy kế từ ngày 1/7 đến 31/8, sau 2 tháng vận hành chính quyền địa phương 2 cấp, xã nhận 931 hồ sơ.",
                "từ ngày 1/7 đến 31/8, sau 2 tháng vận hành", "2025-07-01", "2025-08-31", "2025-09-05"),
        # ... not two periods of different dates
        Example("Từ ngày 1/7 đến 31/8, sau 3 tháng vận hành, xã nhận 931 hồ sơ.", "Từ ngày 1/7 đến 31/8",
                "2025-07-01", "2025-08-31", "2025-10-05"),
    ],
    # days of Tết counted from its first day; the Tết ahead when the article is under six weeks
    # before it, else the last one
    "lunar_new_year": [
        Example("Từ mùng 5 Tết, Trung tâm nhận 30 hồ sơ.", "Từ mùng 5 Tết", "2026-02-21", None, "2026-02-25"),
        Example("Từ mùng 5 Tết, Trung tâm sẽ nhận hồ sơ.", "Từ mùng 5 Tết", "2026-02-21", None, "2026-01-20"),
        Example("Xã nhận 30 hồ sơ trong ngày mùng 5 Tết.", "trong ngày mùng 5 Tết", "2025-02-02", "2025-02-02", "2025-12-10"),
        Example("Phường nhận hồ sơ trong cả hai ngày mùng 5 và mùng 6 Tết.", "trong cả hai ngày mùng 5 và mùng 6 Tết",
                "2026-02-21", "2026-02-22", "2026-02-25"),
        Example("Chỉ trong ngày mồng một tháng Giêng, xã nhận 40 hồ sơ.", "Chỉ trong ngày mồng một tháng Giêng",
                "2019-02-05", "2019-02-05", "2019-02-12"),
        Example("Riêng mùng 4 Tết Nguyên đán, phường nhận 12 hồ sơ.", "Riêng mùng 4 Tết Nguyên đán",
                "2024-02-13", "2024-02-13", "2024-02-20"),
        Example("Ngay từ mùng 5, mùng 6 Tết, nhiều xã nhận hồ sơ.", "từ mùng 5, mùng 6 Tết", "2026-02-21", "2026-02-22",
                "2026-02-25"),
        Example("Ông Mùng A Sử nhận 30 hồ sơ.", None),
        Example("Năm 2040, trong mùng 5 Tết xã nhận 30 hồ sơ.", "Năm 2040", "2040-01-01", "2040-12-31", "2040-02-25"),
    ],
}


@pytest.mark.parametrize("example", grouped_cases(PHRASES))
def test_period_phrases(example):
    p = first_period(example.text, example.published)
    if example.phrase is None:
        assert p is None or p.role == "date"  # a date in passing is kept apart, never a period
        return
    assert p is not None and p.text == example.phrase and p.role != "date"
    assert (p.start, p.end) == (example.start, example.end)


# "trong quý", "trong tháng", "trong năm", "cả năm", "trong kỳ": the dates of the quarter (month,
# calendar year, reporting period) the article stated last before it
THIS_SPANS = [
    Example("Quý III/2025, trung tâm nhận 4.870 hồ sơ. Riêng đất đai, trong quý, nhận 1.210 hồ sơ.", "trong quý",
            "2025-07-01", "2025-09-30"),
    Example("Quý III/2025, xã nhận 870 hồ sơ; 9 tháng năm 2025 nhận 2.100 hồ sơ. Trong quý, có 5 hồ sơ trễ.",
            "Trong quý", "2025-07-01", "2025-09-30"),
    Example("Tháng 10/2024, xã nhận 870 hồ sơ. Trong tháng, có 5 hồ sơ trễ.", "Trong tháng", "2024-10-01", "2024-10-31"),
    Example("9 tháng đầu năm 2023, xã nhận 870 hồ sơ. Cả năm, dự kiến nhận 1.200 hồ sơ.", "Cả năm",
            "2023-01-01", "2023-12-31"),
    Example("6 tháng đầu năm 2024, xã nhận 870 hồ sơ. Trong kỳ, có 5 hồ sơ trễ.", "Trong kỳ", "2024-01-01", "2024-06-30"),
    # no quarter stated before: no dates invented; a baseline is no antecedent
    Example("Năm 2024, xã nhận 870 hồ sơ. Trong quý, có 5 hồ sơ trễ.", "Trong quý"),
    Example("Tăng 5% so với quý II/2024. Trong quý, có 5 hồ sơ trễ.", "Trong quý"),
    Example("Từ năm 2021 đến 2023, xã nhận 870 hồ sơ. Trong năm, có 5 hồ sơ trễ.", "Trong năm"),
    # "trong 9 tháng" with no year: the first nine months of the year stated before, if it stated them
    Example("Trong 9 tháng năm 2023, tỉnh nhận 412.856 hồ sơ. Cụ thể, trong 9 tháng, cấp tỉnh nhận 96.412 hồ sơ.",
            "trong 9 tháng", "2023-01-01", "2023-09-30"),
    Example("Năm 2023, tỉnh nhận 412.856 hồ sơ. Cụ thể, trong 9 tháng, cấp tỉnh nhận 96.412 hồ sơ.", "trong 9 tháng"),
    # a month with no year inside the span stated before it (months between aside): that span's year,
    # not the publication's
    Example("Quý I/2021, tỉnh nhận 9.846 hồ sơ. Tháng 1 nhận 3.215 hồ sơ; tháng 2 nhận 2.480 hồ sơ.", "tháng 2",
            "2021-02-01", "2021-02-28"),
    Example("Năm 2019, tỉnh nhận 9.846 hồ sơ. Riêng tháng 12, tỉnh nhận 815 hồ sơ.", "tháng 12", "2019-12-01", "2019-12-31"),
    # ... a month outside it keeps the publication's year
    Example("Quý I/2021, tỉnh nhận 9.846 hồ sơ. Riêng tháng 5, tỉnh nhận 815 hồ sơ.", "tháng 5", "2024-05-01", "2024-05-31"),
    # ... and one a span stated before holds with the publication's year is not redated by a later
    # span of another year ("Năm 2023, Chỉ số PAPI ...")
    Example("Quý I/2024, tỉnh nhận 9.846 hồ sơ. Năm 2023, Chỉ số PAPI đạt 42,67 điểm. Tháng 2 nhận 2.480 hồ sơ.",
            "Tháng 2", "2024-02-01", "2024-02-29"),
]


@pytest.mark.parametrize("example", THIS_SPANS, ids=lambda e: e.phrase)
def test_this_span_takes_the_dates_stated_before_it(example):
    found = find_periods(example.text, 0, len(example.text), example.published)
    p = next(p for p in found if p.text == example.phrase)
    assert example.text[p.start_pos:p.end_pos] == p.text
    assert (p.start, p.end) == (example.start, example.end)


LEXICON = load_yaml("periods.yml")


@pytest.mark.parametrize("year,first_day", sorted(LEXICON["lunar_new_year"].items()))
def test_lunar_new_year_is_a_new_moon_in_late_winter(year, first_day):
    # the lunar year starts on the second new moon after the winter solstice, between 21 January
    # and 20 February; a mean new moon (from that of 6 January 2000, 18:14 UTC) is within a day
    # of the true one (Vietnam's time zone, UTC+7)
    day = dt.date.fromisoformat(first_day)
    assert day.year == year and dt.date(year, 1, 21) <= day <= dt.date(year, 2, 20)
    synodic = 29.530588853
    epoch = dt.datetime(2000, 1, 6, 18, 14) + dt.timedelta(hours=7)
    moons = (dt.datetime(year, 1, 1) - epoch) / dt.timedelta(days=1) / synodic
    near = [epoch + dt.timedelta(days=synodic * k) for k in range(int(moons) - 1, int(moons) + 3)]
    assert min(abs((m.date() - day).days) for m in near) <= 1


def test_lunar_days_without_the_year_in_the_table_have_no_dates():
    p = first_period("Trong ngày mùng 5 Tết, xã nhận 30 hồ sơ.", "2040-02-25")
    assert p.text == "Trong ngày mùng 5 Tết" and (p.start, p.end) == (None, None)


@pytest.mark.parametrize("cue", LEXICON["baseline_before"])
def test_baseline_cue(cue):
    text = f"Tỷ lệ đạt 95%, tăng 2% {cue} năm 2022."
    p = first_period(text)
    assert p.text == "năm 2022" and p.role == "baseline"


@pytest.mark.parametrize("head", LEXICON["name_heads"])
def test_name_head(head):
    text = f"Thực hiện {head} CCHC năm 2024."
    p = first_period(text)
    assert p.text == "năm 2024" and p.role == "name"


@pytest.mark.parametrize("event", LEXICON["change_events"])
def test_change_event(event):
    text = f"Sau 2 tháng {event}, xã nhận 30 hồ sơ."
    p = first_period(text, AFTER_CHANGE)
    assert p.text == f"Sau 2 tháng {event}" and (p.start, p.end) == ("2025-07-01", "2025-08-31")


@pytest.mark.parametrize("body", LEXICON["term_bodies"] + [None])
def test_term_body(body):
    # a sentence about what a congress elects reports on the congress's term of office
    text = f"Nhiệm kỳ 2025-2030 bắt đầu.\n\nLead.\n\nVề {body or 'việc khác'}, có 12 người."
    want = ("Nhiệm kỳ 2025-2030", True) if body else None
    assert figure_periods(text, AFTER_CHANGE)["12"] == want


def figure_periods(text, published=PUBLISHED):
    article = segment(text, (0, len(text)), published=published)
    out = {}
    for f in extract_figures(article, []):
        p = f["period"]
        if p is not None:
            assert text[p["span"][0]:p["span"][1]] == p["text"]
        out[f["surface"]] = None if p is None else (p["text"], p["inherited"])
    return out


GOVERNING = [
    # own sentence, before the figure
    ("Năm 2023, huyện tiếp nhận 300 hồ sơ.", {"300": ("Năm 2023", False)}),
    # own sentence, after the figure
    ("Huyện tiếp nhận 300 hồ sơ trong năm 2023.", {"300": ("năm 2023", False)}),
    # a comparison's baseline is never the period
    ("Huyện tiếp nhận 300 hồ sơ, tăng 12% so với năm 2022.", {"300": None, "12%": None}),
    # ... except of the baseline's own values, in its "khi" clause or its bracket
    ("So với cùng kỳ năm 2025, khi Trung tâm tiếp nhận 15.342 hồ sơ và tỷ lệ trực tuyến đạt 58,1%, quý I/2026 "
     "tăng 30%.", {"15.342": ("năm 2025", False), "58,1%": ("năm 2025", False), "30%": ("quý I/2026", False)}),
    ("So với thị trấn Tân Yên (cũ) cùng kỳ năm 2024 (tiếp nhận 684 hồ sơ), khối lượng tăng.",
     {"684": ("năm 2024", False)}),
    ("Năm 2018, số hồ sơ trễ hạn là 86 hồ sơ, chiếm 0,34% (cùng kỳ năm 2017 là 1,2%).",
     {"0,34%": ("Năm 2018", False), "1,2%": ("năm 2017", False)}),
    ("Huyện tiếp nhận 300 hồ sơ, nhiều nhất so với 3 năm qua.", {"300": None}),
    # a plan's year only when nothing else in the sentence is a period
    ("Theo Kế hoạch CCHC năm 2024, đến nay huyện hoàn thành 22 nhiệm vụ.", {"22": ("đến nay", False)}),
    ("Theo Kế hoạch CCHC năm 2024, huyện hoàn thành 22 nhiệm vụ.", {"22": ("năm 2024", False)}),
    # inherited from earlier in the paragraph
    ("Headline\n\nLead.\n\nTrong năm 2023, huyện làm tốt. Huyện tiếp nhận 300 hồ sơ.",
     {"300": ("năm 2023", True)}),
    # ... past a multiplier's baseline ("gấp 1,6 lần năm 2019": its decimal comma ends no clause)
    ("Headline\n\nLead.\n\nNăm 2020, huyện tiếp nhận 6.214 hồ sơ trực tuyến, gấp 1,6 lần năm 2019. Huyện tổ chức "
     "2 đợt kiểm tra.", {"6.214": ("Năm 2020", False), "2": ("Năm 2020", True)}),
    # a bulleted list continues the paragraph that introduces it
    ("Headline\n\nLead.\n\nMục tiêu đến hết năm 2025:\n- 100% hồ sơ được số hóa.",
     {"100%": ("đến hết năm 2025", True)}),
    # a paragraph is what a reader sees: lines up to a blank line (crawled pages put each
    # sentence on a line of its own)
    ("Headline năm 2020\n\nLead.\n\nNăm 2016, thành phố công bố chỉ số.\nKhối quận có 3 đơn vị đạt 93%.",
     {"3": ("Năm 2016", True), "93%": ("Năm 2016", True)}),
    # ... so a period stated in the paragraph before does not govern the next one: the lead's does
    ("Headline năm 2020\n\nLead.\n\nNăm 2016, thành phố công bố chỉ số.\n\nKhối quận có 3 đơn vị đạt 93%.",
     {"3": ("năm 2020", True), "93%": ("năm 2020", True)}),
    ("Headline\n\nLead.\n\nNội dung.\n\nNăm 2016, thành phố công bố chỉ số.\n\nKhối quận có 3 đơn vị.", {"3": None}),
    # an article with no blank line that writes several sentences a line writes a paragraph a
    # line: the line before does not govern the next one
    ("Kết quả CCHC năm 2020\nLead của bài. Nội dung.\nNăm 2016, thành phố công bố chỉ số. Thành phố đứng thứ "
     "10.\nKhối quận có 3 đơn vị đạt 93%. Nhiều đơn vị làm tốt.",
     {"10": ("Năm 2016", True), "3": ("năm 2020", True), "93%": ("năm 2020", True)}),
    # ... but a line of one sentence among lines of one sentence is a crawled page's sentence
    ("Kết quả CCHC năm 2020\nLead của bài.\nNăm 2016, thành phố công bố chỉ số.\nThành phố đứng thứ 10.\n"
     "Khối quận có 3 đơn vị đạt 93%.",
     {"10": ("Năm 2016", True), "3": ("Năm 2016", True), "93%": ("Năm 2016", True)}),
    # ... where a subheading line opens a new section: the period before it governs nothing after
    ("Kết quả CCHC năm 2020\nLead của bài.\nNăm 2016, thành phố công bố chỉ số.\nNhiêu khê vì kiểm tra chuyên ngành\n"
     "Khối quận có 3 đơn vị đạt 93%.",
     {"3": ("năm 2020", True), "93%": ("năm 2020", True)}),
    ("Tin CCHC\nLead của bài.\nNội dung.\nNội dung.\nĐến nay, thành phố có 12 bộ phận .\n\" Cắt rồi nhưng vẫn còn nhiều \"\nÔng A cho biết "
     "có 50 % danh mục .", {"12": ("Đến nay", False), "50 %": None}),
    # ... not a sentence broken across lines, nor a photo credit
    ("Tin CCHC\nLead của bài.\nNăm 2017, bưu điện làm tốt .\nTrung bình có\n30-40 người đến nộp hồ sơ .",
     {"30": ("Năm 2017", True), "40": ("Năm 2017", True)}),
    ("Tin CCHC\nLead của bài.\nNăm 2017, bưu điện làm tốt .\nẢnh : Hữu Công\nCó 40 người đến nộp hồ sơ .",
     {"40": ("Năm 2017", True)}),
    # "trong tháng", "trong quý" are the paragraph's period as any other
    ("Headline\n\nKết quả quý III/2023.\n\nNội dung.\n\nTrong quý, trung tâm tiếp nhận 17.950 hồ sơ. Đã giải quyết "
     "17.788 hồ sơ.", {"17.950": ("Trong quý", False), "17.788": ("Trong quý", True)}),
    # ... unless the paragraph goes on with the one before
    ("Headline\n\nLead.\n\nTừ ngày 1-7 đến ngày 30-9, xã nhận 13.188 hồ sơ.\n\nXét riêng nhóm hồ sơ cấp xã, tổng số "
     "là 2.760 hồ sơ.", {"2.760": ("Từ ngày 1-7 đến ngày 30-9", True)}),
    ("Headline\n\nLead.\n\nNăm 2023, xã nhận 300 hồ sơ.\n\nTrong đó, 120 hồ sơ trực tuyến.",
     {"120": ("Năm 2023", True)}),
    # else the headline or lead
    ("Kết quả CCHC 6 tháng đầu năm 2024\n\nLead.\n\nHuyện làm tốt.\n\nHuyện tiếp nhận 300 hồ sơ.",
     {"300": ("6 tháng đầu năm 2024", True)}),
    # ... the time elapsed since a change in the headline yields to the period the lead dates
    ("Phường A tiếp nhận hơn 8.600 hồ sơ sau 100 ngày hoạt động\n\nTừ ngày 1/7 đến ngày 10/10/2025, phường tiếp "
     "nhận 8.642 hồ sơ.\n\nPhường làm tốt.\n\nPhường giải quyết 8.390 hồ sơ.",
     {"8.390": ("Từ ngày 1/7 đến ngày 10/10/2025", True)}),
    ("Phường A tiếp nhận hơn 8.600 hồ sơ sau 100 ngày hoạt động\n\nLead.\n\nPhường làm tốt.\n\nPhường giải "
     "quyết 8.390 hồ sơ.", {"8.390": ("sau 100 ngày hoạt động", True)}),
    # the next month of a run opened by "sang" is that clause's period, not the month before
    ("Tháng 1 xã tiếp nhận 30 hồ sơ; tháng 2 giảm còn 24 hồ sơ; sang tháng 3, số hồ sơ tăng lên 41 hồ sơ.",
     {"24": ("tháng 2", False), "41": ("tháng 3", False)}),
    # ... so is a month joined by "và" after the month before it and its figure
    ("Tháng 7 tiếp nhận 68.915 hồ sơ, tháng 8 là 71.204 hồ sơ và tháng 9 là 76.843 hồ sơ.",
     {"71.204": ("tháng 8", False), "76.843": ("tháng 9", False)}),
    # ... but "tháng 11 và tháng 12" with nothing between them is one stretch, its first month leading
    ("Trong tháng 11 và tháng 12, xã phấn đấu tiếp nhận 120 hồ sơ trực tuyến.", {"120": ("tháng 11", False)}),
    # a term of office is the period of its sentence and its paragraph, but in the headline it
    # names the congress and is no lead period
    ("Đại hội nhiệm kỳ 2025-2030 diễn ra.\n\nLead.\n\nXã nhận 12 hồ sơ.", {"12": None}),
    ("Nhiệm kỳ 2025-2030, xã nhận 33 hồ sơ.", {"33": ("Nhiệm kỳ 2025-2030", False)}),
    ("Đại hội nhiệm kỳ 2025-2030 diễn ra.\n\nLead.\n\nTrong nhiệm kỳ 2020-2025, xã có nhiều chuyển biến. Các xã đã "
     "giải quyết 46.000 hồ sơ.", {"46.000": ("nhiệm kỳ 2020-2025", True)}),
    # ... except for what the congress of that term elects, wherever the term was stated
    ("Đại hội Đảng bộ tỉnh nhiệm kỳ 2025-2030 khai mạc\n\nLead.\n\nBan Chấp hành Đảng bộ tỉnh có 70 thành viên, "
     "Ban Thường vụ có 22 thành viên.", {"70": ("nhiệm kỳ 2025-2030", True), "22": ("nhiệm kỳ 2025-2030", True)}),
    ("Đại hội nhiệm kỳ 2025-2030 diễn ra.\n\nTrong tháng 9, xã tiếp nhận 120 hồ sơ.\n\nĐại hội bầu 33 ủy viên.",
     {"120": ("tháng 9", False), "33": ("nhiệm kỳ 2025-2030", True)}),
    # the legislature's standing committee is no party body
    ("Đại hội nhiệm kỳ 2025-2030 diễn ra.\n\nLead.\n\nTheo Nghị quyết của Ủy ban Thường vụ Quốc hội, 4 xã được sáp nhập.",
     {"4": None}),
    # a plan's date is no period
    ("Theo Kế hoạch số 5/KH-UBND ngày 20/2/2024, huyện hoàn thành 22 nhiệm vụ.", {"22": None}),
    # a name's year however long the name ("phương án đơn giản hoá thủ tục hành chính năm 2017")
    ("Năm 2018, thành phố thông qua phương án đơn giản hoá thủ tục hành chính năm 2017 đối với 61 thủ tục.",
     {"61": ("Năm 2018", False)}),
    ("Hội nghị trực tuyến tổng kết công tác cải cách hành chính năm 2018 diễn ra.\n\nLead.\n\nXã nhận 12 hồ sơ.",
     {"12": None}),
    # a month named in passing dates an event, and is never passed on
    ("Hệ thống dự kiến vận hành vào tháng 11.\n\nLead.\n\nXã nhận 12 hồ sơ.", {"12": None}),
    # a comparison's baseline named at length
    ("Tỉnh đạt 92 điểm; so với lần đánh giá hồi đầu tháng 7, thứ hạng tăng 12 bậc.", {"92": None, "12": None}),
    # an index's edition year is a period, passed on, unless the governing period states that
    # year in words; in the figure's own sentence it stands ("Về SIPAS 2020, chỉ số hài lòng đạt ...")
    ("Headline\n\nLead.\n\nSIPAS 2015 khảo sát 6 thủ tục. Có 28% phải trả thêm tiền.",
     {"6": ("2015", False), "28%": ("2015", True)}),
    ("Công bố chỉ số năm 2018\n\nLead.\n\nBộ Tư pháp dẫn đầu PAR INDEX 2018 (91%).\n\nCó 14 bộ đạt trên 80%.",
     {"91%": ("2018", False), "14": ("năm 2018", True)}),
    ("Công bố chỉ số năm 2018\n\nLead.\n\nBộ Tư pháp dẫn đầu PAR INDEX 2018. Bộ đạt 91%.",
     {"91%": ("năm 2018", True)}),
    ("Công bố chỉ số năm 2019\n\nLead.\n\nBộ Tư pháp dẫn đầu PAR INDEX 2018 (91%).", {"91%": ("2018", False)}),
    # ... the year stated in words in the headline or lead, after the edition there
    ("Chỉ số PAPI 2018: tỉnh tụt 6 bậc\n\nKết quả năm 2018 vừa được công bố.\n\nTỉnh đạt 41,27 điểm.",
     {"6": ("2018", False), "41,27": ("năm 2018", True)}),
    # a period written right after a figure is that figure's, a baseline's value's too
    ("Tỷ lệ tăng từ 42% năm 2016 lên 49% năm 2017.", {"42%": ("năm 2016", False), "49%": ("năm 2017", False)}),
    # ... past the figure's noun and "trong"
    ("Số TTHC có hồ sơ trực tuyến tăng từ 412 thủ tục trong tháng 7/2025 lên 586 thủ tục trong tháng 12/2025.",
     {"412": ("tháng 7/2025", False), "586": ("tháng 12/2025", False)}),
    ("Năm 2017, 48% người cho biết, giảm so với tỉ lệ 54% năm 2016.",
     {"48%": ("Năm 2017", False), "54%": ("năm 2016", False)}),
    # ... and not the period of a figure before it
    ("Tỷ lệ hối lộ chỉ 17%, giảm từ 23% vào năm 2016.\n\nLead.", {"17%": None}),
    # periods side by side, paired in order with a run of values
    ("Trong quý III/2026 và 9 tháng năm 2026, tỉnh tiếp nhận lần lượt 312.548 và 905.117 hồ sơ; tỷ lệ đúng hạn "
     "tương ứng đạt 99,35% và 99,08%.", {"312.548": ("quý III/2026", False), "905.117": ("9 tháng năm 2026", False),
                                         "99,35%": ("quý III/2026", False), "99,08%": ("9 tháng năm 2026", False)}),
    ("Năm 2025 và 10 tháng năm 2026, tỷ lệ hồ sơ trực tuyến tăng từ 58,4% lên 79,6%.",
     {"58,4%": ("Năm 2025", False), "79,6%": ("10 tháng năm 2026", False)}),
    # ... not a run of another length
    ("Trong năm 2025 và 10 tháng năm 2026, tỉnh tiếp nhận lần lượt 845.320, 760.118 và 12.000 hồ sơ.",
     {"845.320": ("10 tháng năm 2026", False)}),
    # a bracket aside keeps its own period
    ("Tỉnh xếp thứ 3 (năm 2023 xếp thứ 5).", {"3": None, "5": ("năm 2023", False)}),
    # the year unfinished work is carried into is no period
    ("Năm qua, tỉnh hoàn thành 67/72 nhiệm vụ, 5 nhiệm vụ chuyển sang năm 2020 tiếp tục thực hiện. "
     "Toàn tỉnh đã kiểm tra 46 cơ quan.", {"46": ("Năm qua", True)}),
    # an interview's dashed answer after a question is a turn of its own, not a list item: the
    # lead's period, not the one before the question
    ("Giám đốc Sở trả lời\n\nKết quả từ đầu năm 2024 đến nay.\n\n- Điểm của tỉnh trong quý III/2024 đạt "
     "82,45 điểm.\n\n- Còn những hạn chế thì sao, thưa ông?\n\n- Vẫn còn 4.092 hồ sơ trễ hạn.",
     {"4.092": ("từ đầu năm 2024 đến nay", True)}),
    # ... but the period its question states governs it
    ("Giám đốc Trung tâm trả lời\n\nKết quả sau 5 tháng vận hành.\n\n- Điểm của tỉnh trong quý III/2025 đạt "
     "82,45 điểm.\n\n- Kết quả từ ngày 1/7 đến 30/11/2025 là gì?\n\n- Trung tâm đã tiếp nhận 186.450 hồ sơ.",
     {"186.450": ("từ ngày 1/7 đến 30/11/2025", True)}),
    # ... while the items of a list go on with the paragraph that introduces them
    ("Headline\n\nLead.\n\nTrong quý III/2024, tỉnh đạt:\n\n- 4.092 hồ sơ trực tuyến.",
     {"4.092": ("quý III/2024", True)}),
    # the month an index was published is no period of its results
    ("Headline\n\nLead.\n\nVề kết quả các chỉ số năm 2025 được Trung ương công bố tháng 5/2026, tỉnh đạt 86,12 điểm.",
     {"86,12": ("năm 2025", False)}),
    # the work ahead a meeting sets is not the lead's period; the results reviewed are
    ("Xã họp giao ban tháng 9, triển khai nhiệm vụ quý IV/2025\n\nXã đánh giá nhiệm vụ trong quý III, triển khai "
     "kế hoạch quý IV.\n\nXã tiếp nhận 1.058 hồ sơ.", {"1.058": ("quý III", True)}),
    # ... but what was carried out until now, and a plan's own goals, keep their periods
    ("Headline\n\nLead năm 2023.\n\nTheo kế hoạch, huyện đề ra 24 nhiệm vụ, triển khai đến nay hoàn thành 22/24 nhiệm vụ.",
     {"22/24": ("đến nay", False)}),
    # "Từ ngày 1/7/2025" counts from the 2025 change: a period that later sentences inherit ...
    ("Headline\n\nNăm 2025, tỉnh họp tổng kết.\n\nTừ ngày 1/7/2025, toàn tỉnh có 130 Trung tâm Phục vụ hành chính "
     "công cấp xã. Ba đơn vị có tỷ lệ hồ sơ trực tuyến trên 95%.",
     {"130": ("Từ ngày 1/7/2025", False), "95%": ("Từ ngày 1/7/2025", True)}),
    # ... another start date is mostly a rule's effective date, its own sentence's only
    ("Headline\n\nNăm 2018, tỉnh họp tổng kết.\n\nTừ ngày 1/7/2018, tỉnh áp dụng quy trình mới với 30 thủ tục. "
     "Ba đơn vị có tỷ lệ hồ sơ trực tuyến trên 95%.", {"95%": ("Năm 2018", True)}),
    # the year of the tasks a plan sets is a name's year, not the period the sentence states
    ("Headline\n\nLead.\n\nQuý IV/2025, xã phấn đấu hoàn thành 100% nhiệm vụ CCHC năm 2025; tỷ lệ hồ sơ đúng hạn "
     "đạt trên 99%.", {"99%": ("Quý IV/2025", False)}),
    # a bracketed aside that states a figure of another year keeps its period to itself; a
    # period restated in brackets with no figure of its own is passed on
    ("Headline\n\nLead năm 2015.\n\nChỉ số đạt 85,3% (năm 2014 đạt 76,99%). Không có bộ nào giảm điểm; 3 bộ tăng "
     "trên 10 điểm.", {"76,99%": ("năm 2014", False), "3": ("năm 2015", True)}),
    ("Headline\n\nLead năm 2015.\n\nBáo cáo kết quả (năm 2014). Không có bộ nào giảm điểm; 3 bộ tăng trên 10 điểm.",
     {"3": ("năm 2014", True)}),
    # a headline's period without dates yields to the dated one of the lead
    ("Phường giải quyết hơn 6.100 hồ sơ trong quý\n\nTrong quý III/2025, phường tiếp nhận 6.350 hồ sơ.\n\n"
     "Mở đầu.\n\nPhường đã tiếp nhận 1.126 hồ sơ của người dân cư trú ngoài địa bàn.",
     {"6.100": ("trong quý", False), "1.126": ("quý III/2025", True)}),
    # a percentage restating the ratio before it is of the ratio's period, not of a phrase between them
    ("Tính đến ngày 15/12/2025, tỉnh đã hoàn thành 41/46 nhiệm vụ cải cách hành chính (CCHC) đề ra trong năm, "
     "đạt 87,5%.", {"41/46": ("Tính đến ngày 15/12/2025", False), "87,5%": ("Tính đến ngày 15/12/2025", False)}),
    # a headline's "10 tháng, ..." is its own sentence's period, not the article's
    ("Hà Tĩnh: 10 tháng, tỷ lệ hồ sơ trực tuyến đạt 68,4%\n\nTính đến ngày 31/10/2025, tỉnh đạt 87,19 điểm.\n\n"
     "Mở đầu.\n\nToàn tỉnh tiếp nhận 356.812 hồ sơ.",
     {"68,4%": ("10 tháng", False), "356.812": ("Tính đến ngày 31/10/2025", True)}),
    # an open "up to now" of an earlier paragraph is the state at that date, not the span of the counts
    # a paragraph going on from it gives: they take the lead's span
    ("Tỉnh tiếp nhận hơn 61.000 hồ sơ\n\nTừ ngày 1/7 đến hết ngày 31/12/2025, tỉnh tiếp nhận 61.243 hồ sơ.\n\n"
     "Đến nay toàn tỉnh có 104 Trung tâm Phục vụ hành chính công.\n\nCụ thể, Trung tâm tỉnh tiếp nhận 14.820 hồ sơ.",
     {"104": ("Đến nay", False), "14.820": ("Từ ngày 1/7 đến hết ngày 31/12/2025", True)}),
    # ... in its own paragraph it goes on governing
    ("Tỉnh tiếp nhận hơn 61.000 hồ sơ\n\nTừ ngày 1/7 đến hết ngày 31/12/2025, tỉnh tiếp nhận 61.243 hồ sơ.\n\n"
     "Đến nay toàn tỉnh có 104 Trung tâm Phục vụ hành chính công. Trung tâm tỉnh đã số hóa 14.820 hồ sơ.",
     {"14.820": ("Đến nay", True)}),
]


@pytest.mark.parametrize("text,expected", GOVERNING)
def test_governing_period(text, expected):
    got = figure_periods(text)
    for surface, want in expected.items():
        assert got[surface] == want, (surface, got)


def test_a_superlative_since_a_time_is_compared_over_it_not_reported_for_it():
    text = "Đây là đợt rà soát lớn nhất kể từ khi thành phố hợp nhất với tỉnh Hải Dương."
    assert [(p.text, p.role) for p in find_periods(text, 0, len(text), "2025-12-01")] == [
        ("kể từ khi thành phố hợp nhất", "baseline")]
    # ... while the superlative of a period is that period's
    text = "Phường tiếp nhận nhiều hồ sơ nhất trong quý III/2025 với 12.605 hồ sơ."
    assert [(p.text, p.role) for p in find_periods(text, 0, len(text), "2025-12-01")] == [("quý III/2025", "period")]
