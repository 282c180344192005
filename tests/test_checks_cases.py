"""The fact-check table: for every check kind, Vietnamese sentences (composed for this table)
that must raise it, and consistent near-misses that must raise nothing (rounded and truncated
percentages, parts that add up, growth rates, qualified totals). Run end to end: text ->
figures -> checks, so a change in figure extraction that breaks a check shows here."""
from dataclasses import dataclass, field

import pytest

from conftest import grouped_cases
from pipeline.extract import extract_text


@dataclass
class Case:
    text: str
    expected: list[tuple[str, list[str]]] = field(default_factory=list)  # (kind, figure surfaces)
    linked: bool = False  # the message says figures were linked across sentences


def C(text, *expected, linked=False):
    return Case(text, list(expected), linked)


def checks_of(text, lang="en"):
    record = extract_text(text, title="Tin cải cách hành chính", published="2024-12-20")
    surface = {f["id"]: f["surface"] for f in record["figures"]}
    from pipeline.checks import run_checks
    checks = run_checks(record["figures"], record["text"], lang=lang, units=record["units"])
    return [(c["kind"], sorted(surface[i] for i in c["figures"])) for c in checks], checks


FIRES = {
    "ratio_percent_mismatch": [
        # the plan the tasks belong to cited between the ratio and its share
        C("Tính đến ngày 15/12/2024, phường Sầm Sơn đã hoàn thành 41/48 nhiệm vụ theo Kế hoạch số 36/KH-UBND ngày "
          "10/7/2024 về cải cách hành chính năm 2024, đạt 87,5%; 7 nhiệm vụ còn lại đang được triển khai.",
          ("ratio_percent_mismatch", ["41/48", "87,5%"])),
        # the ratio's noun words holding an abbreviation in brackets and a phrase of the year
        C("Tính đến ngày 15/12/2024, tỉnh hoàn thành 41/46 nhiệm vụ cải cách hành chính (CCHC) đề ra trong năm, đạt 87,5%.",
          ("ratio_percent_mismatch", ["41/46", "87,5%"])),
        # ... the plan that set them named in the ratio's words: still the ratio's share, no goal
        C("9 tháng đầu năm 2018, huyện Định Hóa đã hoàn thành 41/45 nhiệm vụ cải cách hành chính (CCHC) đề ra trong kế "
          "hoạch năm, đạt 93,1%.", ("ratio_percent_mismatch", ["41/45", "93,1%"])),
        # a bracket closing the ratio's clause, however long the clause
        C("Đến nay, 21/22 quận, huyện và TP Thủ Đức đã hoàn thành số hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực "
          "(đạt 96,5%); riêng huyện Cần Giờ còn chậm.", ("ratio_percent_mismatch", ["21/22", "96,5%"])),
        # a share of the plan restates the tasks done of its tasks
        C("Năm 2026, xã đã hoàn thành 18/20 nhiệm vụ, đạt 95% kế hoạch.", ("ratio_percent_mismatch", ["18/20", "95%"])),
        # the ratio's own words holding a goal's cue ("đề ra": the tasks set) leave both results
        C("Năm 2019, huyện hoàn thành 37/40 nhiệm vụ CCHC đề ra (đạt 95%); 100% TTHC được niêm yết công khai.",
          ("ratio_percent_mismatch", ["37/40", "95%"])),
        # an exact share one unit under the stated one: no rounding gives it
        C("Năm 2024, huyện hoàn thành 23/25 nhiệm vụ (đạt 93%).", ("ratio_percent_mismatch", ["23/25", "93%"])),
        C("Năm 2024, huyện hoàn thành 22/24 nhiệm vụ (đạt 91,16%).",
          ("ratio_percent_mismatch", ["22/24", "91,16%"])),
        C("Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 65% (9.000/15.000 hồ sơ).",
          ("ratio_percent_mismatch", ["65%", "9.000/15.000"])),
        # in brackets, a percentage restates the ratio whatever its own words name
        C("Năm qua, các cơ quan đã hoàn thành 67/72 nhiệm vụ trong Kế hoạch CCHC năm 2019 của tỉnh (đạt 94,4%).",
          ("ratio_percent_mismatch", ["67/72", "94,4%"])),
        C("Ở cấp xã, năm 2025 có 62/99 xã, phường (chiếm 65,6%) đạt tỷ lệ hồ sơ trực tuyến trên 70%.",
          ("ratio_percent_mismatch", ["62/99", "65,6%"])),
        # a band's bound between the ratio and its share
        C("Năm 2025, toàn tỉnh có 118/126 xã, phường đạt tỷ lệ đúng hạn từ 95% trở lên, chiếm 95,1%.",
          ("ratio_percent_mismatch", ["118/126", "95,1%"])),
        # an aside with a figure of its own between the ratio and its share
        C("Trong quý, có 31/140 xã, phường đạt mức Tốt (từ 90 điểm trở lên), chiếm 25,4%; 80 đơn vị đạt mức Khá.",
          ("ratio_percent_mismatch", ["25,4%", "31/140"])),
    ],
    "count_percent_mismatch": [
        # a headline holding a figure: the body's lead states the totals later paragraphs break down
        C("Bình Thuận: Gần 159.000 hồ sơ được giải quyết trong 6 tháng\n\nSáu tháng đầu năm 2024, các cơ quan của tỉnh "
          "Bình Thuận tiếp nhận 164.315 hồ sơ, đã giải quyết 158.742 hồ sơ.\n\nTrong tổng số hồ sơ đã giải quyết, có "
          "151.906 hồ sơ được trả kết quả trước và đúng hạn.\n\nÔng Hải cho biết tỷ lệ hồ sơ được giải quyết trước và "
          "đúng hạn trong 6 tháng đầu năm đạt 98,6%.",
          ("count_percent_mismatch", ["151.906", "158.742", "98,6%"]), linked=True),
        # a rate after a count of another measure, its count paragraphs later in a sentence stating its dates
        C("Năm 2025, tỉnh tiếp nhận 412.500 hồ sơ.\n\nTỷ lệ hồ sơ nộp trực tuyến năm 2025 đạt 76,2%. Riêng tháng "
          "12/2025, tỷ lệ hồ sơ nộp trực tuyến đạt 84,7%.\n\nSố hồ sơ nộp trực tuyến trong năm 2025 là 298.600 hồ sơ.",
          ("count_percent_mismatch", ["298.600", "412.500", "76,2%"]), linked=True),
        # ... past the goal set for the rate
        C("Năm 2025, tỉnh tiếp nhận 412.500 hồ sơ.\n\nTỷ lệ hồ sơ nộp trực tuyến năm 2025 đạt 76,2%, vượt chỉ tiêu "
          "70%.\n\nSố hồ sơ nộp trực tuyến trong năm 2025 là 298.600 hồ sơ.",
          ("count_percent_mismatch", ["298.600", "412.500", "76,2%"]), linked=True),
        C("Năm 2025, tỉnh Cao Bằng tiếp nhận hơn 58 nghìn hồ sơ, tỷ lệ hồ sơ nộp trực tuyến đạt 78%.\n\nTrong tổng "
          "số hồ sơ tiếp nhận, 41.300 hồ sơ được nộp qua Cổng Dịch vụ công quốc gia.",
          ("count_percent_mismatch", ["41.300", "58 nghìn", "78%"]), linked=True),
        # a rate paragraphs after its counts, past another thing's share and a change
        C("6 tháng đầu năm 2020, thành phố đã tiếp nhận 152.640 hồ sơ, trong đó có 61.318 hồ sơ được nộp trực tuyến, "
          "tăng hơn 18% so với cùng kỳ.\n\nHiện nay, thành phố có 1.104 TTHC trực tuyến, trong đó 785 thủ tục mức độ "
          "4, chiếm 71,1%.\n\nTỷ lệ hồ sơ trực tuyến tính chung toàn thành phố 6 tháng đầu năm 2020 đạt 42,6%.",
          ("count_percent_mismatch", ["152.640", "42,6%", "61.318"]), linked=True),
        # a rate paragraphs after its counts, another unit's share restated between
        C("Tháng 10/2024, tỉnh Quảng Bình đã giải quyết 67.930 hồ sơ, trong đó giải quyết trước và đúng hạn 65.203 hồ "
          "sơ.\n\nXã Tân Hóa tiếp nhận 37 hồ sơ, 100% giải quyết đúng hạn.\n\nTỷ lệ hồ sơ giải quyết trước và "
          "đúng hạn của tỉnh Quảng Bình trong tháng 10/2024 đạt 97,8%.",
          ("count_percent_mismatch", ["65.203", "67.930", "97,8%"]), linked=True),
        # ... the one count of its measure and unit, however often restated (the headline's), beside another unit's
        C("Bắc Quang: Giải quyết trước và đúng hạn 3.016 hồ sơ trong quý I\n\nQuý I/2024, Bộ phận Một cửa huyện Bắc "
          "Quang tiếp nhận 3.240 hồ sơ; đã giải quyết 3.102 hồ sơ, trong đó trước và đúng hạn 3.016 hồ sơ.\n\nỞ cấp "
          "xã, các xã tiếp nhận 5.870 hồ sơ, giải quyết trước và đúng hạn 5.861 hồ sơ.\n\nTrong quý I, tỷ lệ hồ sơ "
          "giải quyết trước và đúng hạn tại Bộ phận Một cửa huyện đạt 99,1%.",
          ("count_percent_mismatch", ["3.016", "3.102", "99,1%"]), linked=True),
        # a rate sentences after the count it shares, its period written without the year the count's has
        C("Trong tháng 10/2024, toàn tỉnh tiếp nhận 68.400 hồ sơ, trong đó 49.980 hồ sơ nộp trực tuyến.\n\nTỉnh đã "
          "triển khai nhiều giải pháp. Riêng trong tháng 10, tỷ lệ hồ sơ nộp trực tuyến của tỉnh đạt 75,6%.",
          ("count_percent_mismatch", ["49.980", "68.400", "75,6%"]), linked=True),
        # a rate stated before the sentence that counts its part, naming the base ("Trong số hồ sơ đã giải quyết")
        C("6 tháng đầu năm 2021, Bộ phận một cửa thị xã tiếp nhận 3.120 hồ sơ, giải quyết 3.050 hồ sơ; tỷ lệ hồ sơ giải "
          "quyết trước và đúng hạn đạt 99,2%.\n\nThị xã tập trung chỉ đạo. Trong số hồ sơ đã giải quyết, có 2.989 hồ sơ "
          "giải quyết trước và đúng hạn, 61 hồ sơ quá hạn.", ("count_percent_mismatch", ["2.989", "3.050", "99,2%"]),
          linked=True),
        # the total's fields described after it ("thuộc các lĩnh vực có ... trực tuyến") leave it received
        C("Năm 2018, quận đã tiếp nhận 8.060 hồ sơ thuộc các lĩnh vực có cung cấp dịch vụ công trực tuyến mức độ 3, 4; "
          "trong đó 5.240 hồ sơ được nộp trực tuyến, đạt tỷ lệ 67,5%.", ("count_percent_mismatch", ["5.240", "67,5%", "8.060"])),
        # a rate paragraphs after the one count of its measure, of one period
        # ... past a total the headline rounds ("Hơn 181 nghìn hồ sơ") and another measure restated
        # with its own share between them
        C("Ninh Bình: hơn 181 nghìn hồ sơ được giải quyết trong quý I/2026\n\nQuý I/2026, các cơ quan trên địa bàn tỉnh "
          "Ninh Bình tiếp nhận 186.420 hồ sơ.\n\nCác cơ quan đã giải quyết 181.305 hồ sơ, trong đó 179.874 hồ sơ được giải "
          "quyết trước và đúng hạn.\n\nRiêng Trung tâm tiếp nhận 28.964 hồ sơ, trong đó hồ sơ trực tuyến chiếm 94,2%.\n\n"
          "Tính chung quý I/2026, tỷ lệ giải quyết hồ sơ trước và đúng hạn của toàn tỉnh đạt 98,1%.",
          ("count_percent_mismatch", ["179.874", "181.305", "98,1%"]), linked=True),
        C("Ninh Bình: quý I/2026 tiếp nhận hơn 186.000 hồ sơ\n\nQuý I/2026, các cơ quan trên địa bàn tỉnh Ninh Bình tiếp nhận "
          "186.420 hồ sơ.\n\nCác cơ quan đã giải quyết 181.305 hồ sơ, trong đó 179.874 hồ sơ được giải quyết trước và "
          "đúng hạn.\n\nRiêng Trung tâm tiếp nhận 28.964 hồ sơ.\n\nTính chung quý I/2026, tỷ lệ giải quyết hồ sơ trước và "
          "đúng hạn của toàn tỉnh đạt 98,1%.", ("count_percent_mismatch", ["179.874", "181.305", "98,1%"]), linked=True),
        # a part named after "trong đó", restated by a share that is not its share of the count before
        C("Năm 2025, tỉnh thu về 2.400 phiếu; trong đó 2.196 phiếu đánh giá hài lòng, đạt tỷ lệ 92,5%.",
          ("count_percent_mismatch", ["2.196", "2.400", "92,5%"])),
        # an open total that rounds an exact one ("hơn 8.600" of 8.642) is no base whose open end fits
        C("Đặc khu tiếp nhận hơn 8.600 hồ sơ\n\nNăm 2026, đặc khu tiếp nhận 8.642 hồ sơ. Đặc khu đã giải quyết 8.415 hồ "
          "sơ; trong đó 312 hồ sơ quá hạn, chiếm 2,1%.", ("count_percent_mismatch", ["2,1%", "312", "8.415"])),
        # tasks done of the tasks a plan set, sentences apart
        C("Năm 2023 huyện đề ra 32 nhiệm vụ CCHC. Đến nay đã hoàn thành 25 nhiệm vụ, đạt 75%.",
          ("count_percent_mismatch", ["25", "32", "75%"]), linked=True),
        # the base is the total, not a part stated with its own share
        C("Năm 2024, toàn thành phố tiếp nhận 1.126.480 hồ sơ, trong đó cấp xã 510.000 hồ sơ (45,3%). Số hồ sơ quá "
          "hạn là 15.771 hồ sơ, chiếm 1,6%.", ("count_percent_mismatch", ["1,6%", "1.126.480", "15.771"]), linked=True),
        C("Năm 2024, huyện đã tiếp nhận 48.500 hồ sơ. Trong đó, 40.200 hồ sơ trực tuyến, chiếm 88,5%.",
          ("count_percent_mismatch", ["40.200", "48.500", "88,5%"]), linked=True),
        C("Sở tiếp nhận 15.000 hồ sơ, trong đó hồ sơ trực tuyến là 9.000 hồ sơ (chiếm 65%).",
          ("count_percent_mismatch", ["15.000", "65%", "9.000"])),
        C("Hiện nay, tỉnh có 1.850 TTHC. Trong đó, 1.200 TTHC được cung cấp trực tuyến toàn trình, chiếm 70%.",
          ("count_percent_mismatch", ["1.200", "1.850", "70%"]), linked=True),
        C("Năm 2024, Trung tâm tiếp nhận 25.400 hồ sơ. Số hồ sơ đã giải quyết là 24.100 hồ sơ, đạt 97%.",
          ("count_percent_mismatch", ["24.100", "25.400", "97%"]), linked=True),
        C("Huyện có 20 xã, thị trấn. Trong đó, 12 xã đã kết nối trực tuyến, chiếm 65%.",
          ("count_percent_mismatch", ["12", "20", "65%"]), linked=True),
        C("Huyện tiếp nhận 500 hồ sơ, giải quyết 450 hồ sơ, đạt 95%.",
          ("count_percent_mismatch", ["450", "500", "95%"])),
        C("Huyện giải quyết 100% hồ sơ đúng hạn, quá hạn 3 hồ sơ.",
          ("count_percent_mismatch", ["100%", "3"])),
        # the percentage after the base restates the part before it
        C("Trong quý III, Trung tâm tiếp nhận 3.250 hồ sơ trực tuyến trên tổng số 4.100 hồ sơ, đạt 82,6%.",
          ("count_percent_mismatch", ["3.250", "4.100", "82,6%"])),
        C("Năm 2025, sở đã giải quyết 640 hồ sơ đúng hạn trong tổng số 700 hồ sơ, đạt tỷ lệ 95%.",
          ("count_percent_mismatch", ["640", "700", "95%"])),
        # a field's dossiers as a share of all those received
        C("Năm 2024, toàn huyện tiếp nhận 52.400 hồ sơ. Lĩnh vực hộ tịch có 18.300 hồ sơ, chiếm 34,9%; lĩnh vực "
          "đất đai có 9.120 hồ sơ, chiếm 19,4%.", ("count_percent_mismatch", ["19,4%", "52.400", "9.120"]), linked=True),
        # a rate stated sentences after its count, which names what it is a share of
        C("Trong tháng 10, phường tiếp nhận 2.460 hồ sơ, trong đó hồ sơ trực tuyến 1.730 hồ sơ. Đã giải quyết "
          "2.300 hồ sơ. Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận đạt 74,5%.",
          ("count_percent_mismatch", ["1.730", "2.460", "74,5%"]), linked=True),
        # a share of its own measure whose sentence names the dossiers received as its base
        C("Năm 2024, Trung tâm tiếp nhận 7.530 hồ sơ.\n\nKết quả, trong số hồ sơ tiếp nhận nêu trên, Trung tâm đã số hóa "
          "7.012 hồ sơ, tỷ lệ số hóa hồ sơ đạt 96,3%.", ("count_percent_mismatch", ["7.012", "7.530", "96,3%"]), linked=True),
        # ... counted at the end of the quarter its paragraph reports, the rate stated for the quarter
        C("Trong quý III/2024, Trung tâm tiếp nhận 2.846 hồ sơ. Tính đến ngày 30/9, Trung tâm đã giải quyết 2.734 hồ "
          "sơ, trong đó 2.611 hồ sơ được giải quyết trước và đúng hạn.\n\nNhờ đó, tỷ lệ hồ sơ giải quyết trước và "
          "đúng hạn của Trung tâm trong quý III đạt 96,8%.",
          ("count_percent_mismatch", ["2.611", "2.734", "96,8%"]), linked=True),
    ],
    "sum_mismatch": [
        # under the two-level government the province's level and the communes' are the whole
        C("Trong tháng 7/2025, hệ thống của TP. Đà Nẵng đã tiếp nhận 152.380 hồ sơ.\n\nCụ thể, Trung tâm Phục vụ hành "
          "chính công thành phố tiếp nhận 41.215 hồ sơ của các sở, ngành; Trung tâm Phục vụ hành chính công các xã, "
          "phường, đặc khu tiếp nhận 109.870 hồ sơ.",
          ("sum_mismatch", ["109.870", "152.380", "41.215"]), linked=True),
        # the lead's total by field paragraphs later, its last part the rest
        C("Năm 2025, phường Cẩm Thành tiếp nhận 11.425 hồ sơ.\n\nTheo bà Lệ, xét theo lĩnh vực, hộ tịch có 4.215 hồ sơ, "
          "chứng thực 3.080 hồ sơ, đất đai 2.760 hồ sơ, các lĩnh vực khác 1.190 hồ sơ.",
          ("sum_mismatch", ["1.190", "11.425", "2.760", "3.080", "4.215"]), linked=True),
        C("Năm 2021, thành phố Hải Phòng tiếp nhận 1,05 triệu hồ sơ.\n\nPhân theo lĩnh vực, nhiều nhất là hộ tịch với "
          "486.150 hồ sơ; tiếp đến là đất đai với 412.300 hồ sơ; các lĩnh vực còn lại 251.550 hồ sơ.",
          ("sum_mismatch", ["1,05 triệu", "251.550", "412.300", "486.150"]), linked=True),
        # ... the measure named as a whole and listed ("Số hồ sơ tiếp nhận gồm:")
        C("9 tháng đầu năm 2023, Bộ phận Một cửa huyện Đức Hòa đã tiếp nhận 11.850 hồ sơ.\n\nSố hồ sơ tiếp nhận gồm: "
          "lĩnh vực đất đai 5.410 hồ sơ, hộ tịch 3.205 hồ sơ, đăng ký kinh doanh 2.300 hồ sơ và xây dựng 1.187 hồ sơ.",
          ("sum_mismatch", ["1.187", "11.850", "2.300", "3.205", "5.410"]), linked=True),
        # ... in a bulleted list under such a header, against a lower bound
        C("Trong 6 tháng đầu năm 2024, Trung tâm tiếp nhận hơn 148 nghìn hồ sơ.\n\nBà Hoa cho biết số hồ sơ tiếp nhận "
          "phân theo lĩnh vực gồm:\n- Đất đai: 52.380 hồ sơ;\n- Tư pháp (lý lịch tư pháp, công chứng): 31.460 hồ sơ;\n"
          "- Các lĩnh vực còn lại: 9.640 hồ sơ.",
          ("sum_mismatch", ["148 nghìn", "31.460", "52.380", "9.640"]), linked=True),
        # ... a breakdown by field "như sau", a decision's procedures of no period
        C("UBND TP Hải Phòng phê duyệt phương án cắt giảm, đơn giản hóa 312 thủ tục hành chính.\n\nSố TTHC được cắt "
          "giảm, đơn giản hóa chia theo lĩnh vực như sau:\n\n- Đất đai, môi trường: 91 TTHC;\n- Tư pháp: 74 TTHC;\n"
          "- Xây dựng: 58 TTHC.", ("sum_mismatch", ["312", "58", "74", "91"]), linked=True),
        # ... the months in a run joined by "và"
        C("Quý III/2024, hệ thống của tỉnh Tây Ninh đã tiếp nhận 214.562 hồ sơ.\n\nLượng hồ sơ tăng dần qua từng "
          "tháng: tháng 7 tiếp nhận 68.915 hồ sơ, tháng 8 là 71.204 hồ sơ và tháng 9 là 76.843 hồ sơ.",
          ("sum_mismatch", ["214.562", "68.915", "71.204", "76.843"]), linked=True),
        # ... a rounded quarter total the months fall short of
        C("Trong quý I/2021, Trung tâm tiếp nhận hơn 9.800 hồ sơ của tỉnh Kon Tum.\n\nCụ thể, tháng 1, Trung tâm tỉnh "
          "Kon Tum tiếp nhận 3.412 hồ sơ; tháng 2 chỉ tiếp nhận 2.286 hồ sơ; sang tháng 3, Trung tâm tiếp nhận 3.795 hồ sơ.",
          ("sum_mismatch", ["2.286", "3.412", "3.795", "9.800"]), linked=True),
        # every level's count in turn, sentences and paragraphs after the lead's total
        C("Năm 2024, các cơ quan hành chính ba cấp của tỉnh Hậu Giang tiếp nhận 612.458 hồ sơ.\n\nỞ cấp tỉnh, các sở, "
          "ban, ngành tiếp nhận 85.320 hồ sơ.\n\nCác huyện, thị xã, thành phố tiếp nhận 201.117 hồ sơ. UBND các xã, "
          "phường, thị trấn tiếp nhận 318.905 hồ sơ.",
          ("sum_mismatch", ["201.117", "318.905", "612.458", "85.320"]), linked=True),
        # ... a city's district level named "cấp quận, huyện"
        C("6 tháng đầu năm 2019, các cơ quan hành chính của thành phố Cần Thơ tiếp nhận 305.120 hồ sơ.\n\nCụ thể, ở "
          "cấp thành phố, các sở, ban, ngành tiếp nhận 98.215 hồ sơ.\n\nCấp quận, huyện tiếp nhận 146.380 hồ sơ. Cấp "
          "xã, phường, thị trấn tiếp nhận 64.905 hồ sơ.",
          ("sum_mismatch", ["146.380", "305.120", "64.905", "98.215"]), linked=True),
        # the months of a quarter, one count each
        C("Quý III/2024, thành phố Sóc Trăng tiếp nhận 9.846 hồ sơ.\n\nXét theo từng tháng, tháng 7 thành phố tiếp "
          "nhận 3.215 hồ sơ; tháng 8 giảm còn 2.480 hồ sơ; sang tháng 9, thành phố tiếp nhận 4.051 hồ sơ.",
          ("sum_mismatch", ["2.480", "3.215", "4.051", "9.846"]), linked=True),
        # the total stated above, named and divided
        C("Năm 2024, quận Ninh Kiều tiếp nhận 28.645 hồ sơ.\n\nToàn bộ số hồ sơ tiếp nhận nêu trên được chia theo "
          "lĩnh vực như sau: đất đai 12.310 hồ sơ, hộ tịch 9.874 hồ sơ, xây dựng 3.215 hồ sơ và đăng ký kinh doanh "
          "2.946 hồ sơ.", ("sum_mismatch", ["12.310", "2.946", "28.645", "3.215", "9.874"]), linked=True),
        # the details of the lead's total, by every level ("trong 9 tháng": the nine months stated before)
        C("Trong 9 tháng năm 2023, các cơ quan ba cấp của tỉnh đã tiếp nhận 412.856 hồ sơ.\n\nNgười dân làm thủ tục."
          "\n\nCụ thể, trong 9 tháng, cấp tỉnh tiếp nhận 96.412 hồ sơ, cấp huyện tiếp nhận 128.730 hồ sơ và cấp xã "
          "tiếp nhận 185.318 hồ sơ.", ("sum_mismatch", ["128.730", "185.318", "412.856", "96.412"]), linked=True),
        # a sentence distributing by level, paragraphs after the lead that states the total
        C("Quý III/2025, các xã, phường trên địa bàn TP Cần Thơ đã tiếp nhận 186.420 hồ sơ.\n\nNgười dân làm thủ tục."
          "\n\nXét theo cấp giải quyết, Trung tâm Phục vụ hành chính công thành phố tiếp nhận 41.305 hồ sơ; các xã, "
          "phường tiếp nhận 143.915 hồ sơ.", ("sum_mismatch", ["143.915", "186.420", "41.305"]), linked=True),
        # ... a sentence naming the total it details, by the two levels of the 2025 map
        C("Từ ngày 1/7 đến ngày 30/9/2025, các địa phương trên cả nước đã tiếp nhận 5.846.210 hồ sơ.\n\nNgười dân "
          "làm thủ tục.\n\nTrong tổng số hồ sơ của các địa phương, cấp tỉnh tiếp nhận 1.927.480 hồ sơ, cấp xã tiếp "
          "nhận 3.908.730 hồ sơ.", ("sum_mismatch", ["1.927.480", "3.908.730", "5.846.210"]), linked=True),
        # a district's total and its own level's and its communes' parts (the unit's type tells it is a district)
        C("Quý I/2024, huyện Mèo Vạc tiếp nhận nhiều hồ sơ.\n\nTheo báo cáo của UBND huyện, trong quý I, tổng số hồ sơ "
          "tiếp nhận qua Bộ phận Một cửa các cấp là 2.318 hồ sơ, trong đó cấp huyện 1.064 hồ sơ, cấp xã 1.242 hồ sơ.",
          ("sum_mismatch", ["1.064", "1.242", "2.318"])),
        # a plan's tasks named and divided by field ("Các nhiệm vụ ... được phân theo lĩnh vực:"), the plan's goal the total
        C("Năm 2022, Sóc Trăng đề ra 64 nhiệm vụ cải cách hành chính\n\nKế hoạch cải cách hành chính năm 2022 của tỉnh Sóc Trăng đề ra 64 nhiệm vụ.\n\nNgười dân làm thủ "
          "tục.\n\nCác nhiệm vụ trong kế hoạch được phân theo lĩnh vực: cải cách thể chế 8 nhiệm vụ, cải cách TTHC "
          "15 nhiệm vụ, cải cách tổ chức bộ máy 9 nhiệm vụ, cải cách chế độ công vụ 10 nhiệm vụ, cải cách tài chính "
          "công 6 nhiệm vụ và xây dựng chính quyền điện tử 13 nhiệm vụ.",
          ("sum_mismatch", ["10", "13", "15", "6", "64", "8", "9"]), linked=True),
        # the fields most of the lead's measure comes from, their counts above all of it
        C("6 tháng đầu năm 2026, tỉnh Lai Châu cắt giảm 28 thủ tục hành chính\n\n6 tháng đầu năm 2026, UBND tỉnh Lai Châu đã "
          "phê duyệt phương án cắt giảm, đơn giản hóa 28 thủ tục hành chính.\n\nNgười dân làm thủ tục.\n\nCác TTHC được "
          "đơn giản hóa tập trung ở lĩnh vực đất đai (12 thủ tục), tư pháp (8 thủ tục), nội vụ (7 thủ tục) và xây dựng "
          "(4 thủ tục).", ("sum_mismatch", ["12", "28", "4", "7", "8"]), linked=True),
        # ... the lead's total a bound, the parts below it ("hơn 1,26 triệu"; no exact total stated)
        C("Từ ngày 1/7 đến hết ngày 9/8/2025, TP Hà Nội đã tiếp nhận hơn 1,26 triệu hồ sơ.\n\nNgười dân làm thủ tục."
          "\n\nXét theo cấp giải quyết, các sở, ngành và Trung tâm Phục vụ hành chính công thành phố tiếp nhận 402.350 "
          "hồ sơ; các xã, phường tiếp nhận 819.120 hồ sơ.", ("sum_mismatch", ["1,26 triệu", "402.350", "819.120"]),
          linked=True),
        # ... but a nearer total of the same measure is the one the sentence right after it distributes
        C("Hưng Yên: Hơn 412 nghìn hồ sơ được tiếp nhận trong 9 tháng\n\nChín tháng năm 2025, tỉnh tiếp nhận hồ sơ "
          "tăng mạnh.\n\nCác cơ quan đã tiếp nhận 412.386 hồ sơ. Chia theo cấp, cấp tỉnh tiếp nhận 98.214 hồ sơ; "
          "cấp xã tiếp nhận 311.948 hồ sơ.", ("sum_mismatch", ["311.948", "412.386", "98.214"]), linked=True),
        # units counted by grade, more than the units the index covers, stated in the headline
        C("Nghệ An công bố kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10/2025 của 130 xã, phường\n\n"
          "Tháng 10/2025, tỉnh đạt 84,62 điểm.\n\nToàn tỉnh có 18 xã, phường đạt loại Tốt, 74 đơn vị đạt loại Khá và 39 "
          "đơn vị đạt loại Trung bình.", ("sum_mismatch", ["130", "18", "39", "74"]), linked=True),
        # a breakdown in brackets whose label holds "cắt giảm" (no fall of the total)
        C("Năm 2025, tỉnh phê duyệt phương án đơn giản hóa 126 TTHC (gồm 48 TTHC được cắt giảm thành phần hồ sơ và 71 "
          "TTHC được đơn giản hóa quy trình).", ("sum_mismatch", ["126", "48", "71"])),
        # the total named back ("trong tổng số hồ sơ tiếp nhận"), its two channels after ";", the
        # first's words running long past the name of a system holding a verb
        C("Năm 2025, xã tiếp nhận 1.248.615 hồ sơ. Cụ thể, trong tổng số hồ sơ tiếp nhận, có 1.036.208 hồ sơ được nộp "
          "trực tuyến qua Cổng Dịch vụ công quốc gia và Hệ thống thông tin giải quyết TTHC của thành phố; 209.117 hồ sơ "
          "được nộp trực tiếp tại các điểm tiếp nhận.", ("sum_mismatch", ["1.036.208", "1.248.615", "209.117"]),
          linked=True),
        # the rest named in its own clause before the clause that states its share
        C("Trong quý III/2025, đặc khu tiếp nhận 2.000 hồ sơ. Trong tổng số hồ sơ tiếp nhận, hồ sơ nộp trực tuyến chiếm "
          "71,4%, còn lại là hồ sơ nộp trực tiếp tại Trung tâm và các điểm tiếp nhận, chiếm 26,9%.",
          ("sum_mismatch", ["26,9%", "71,4%"])),
        # the answers of one survey question are shares of one whole
        C("Năm 2023, có 52,4% người được hỏi rất hài lòng, 41,3% hài lòng và 8,1% không hài lòng với sự phục vụ của "
          "cán bộ.", ("sum_mismatch", ["41,3%", "52,4%", "8,1%"])),
        # ... named after each share, though a survey's name and the answers before them name each too
        C("Kết quả khảo sát sự hài lòng năm 2020 cho thấy 62,4% người được hỏi rất hài lòng, 33,8% hài lòng và 7,3% "
          "chưa hài lòng với cách phục vụ.", ("sum_mismatch", ["33,8%", "62,4%", "7,3%"])),
        # "gồm" after a total whose words name a portal
        C("Năm 2021, BHXH đã cung cấp 18 dịch vụ công trên Cổng Dịch vụ công quốc gia, gồm 7 dịch vụ thuộc lĩnh vực thu, "
          "cấp sổ, thẻ; 6 dịch vụ thuộc lĩnh vực chế độ chính sách và 3 dịch vụ hỗ trợ người lao động.",
          ("sum_mismatch", ["18", "3", "6", "7"])),
        # the total's change between it and "Trong đó"; a part's label as long as a portal's name
        C("Năm 2024, tổng số hồ sơ tiếp nhận là 21.346 hồ sơ, tăng 8,2% so với cùng kỳ năm 2023. Trong đó, hồ sơ nộp "
          "trực tuyến qua Cổng Dịch vụ công của tỉnh là 15.870 hồ sơ; hồ sơ nộp trực tiếp và qua dịch vụ bưu chính là "
          "5.746 hồ sơ.", ("sum_mismatch", ["15.870", "21.346", "5.746"]), linked=True),
        # a breakdown in brackets that names every part is the whole
        C("Năm 2025, Trung tâm tiếp nhận 9.842 hồ sơ (đất đai 3.105 hồ sơ, hộ tịch 2.870 hồ sơ, các lĩnh vực khác "
          "1.214 hồ sơ).", ("sum_mismatch", ["1.214", "2.870", "3.105", "9.842"])),
        # the next class of the breakdown after ";"; the first part's label runs long
        C("Năm 2023, huyện tiếp nhận 3.415 hồ sơ, đã giải quyết 3.268 hồ sơ, trong đó giải quyết trước và đúng hạn "
          "3.251 hồ sơ; quá hạn 27 hồ sơ, chủ yếu thuộc lĩnh vực đất đai.", ("sum_mismatch", ["27", "3.251", "3.268"])),
        C("Trung tâm tiếp nhận 3.150 hồ sơ, gồm 2.100 hồ sơ trực tuyến và 950 hồ sơ trực tiếp.",
          ("sum_mismatch", ["2.100", "3.150", "950"])),
        C("Trung tâm tiếp nhận 3.150 hồ sơ (2.100 hồ sơ trực tuyến, 950 hồ sơ trực tiếp).",
          ("sum_mismatch", ["2.100", "3.150", "950"])),
        C("Trung tâm tiếp nhận 3.150 hồ sơ, bao gồm:\n- 2.100 hồ sơ trực tuyến;\n- 950 hồ sơ trực tiếp.",
          ("sum_mismatch", ["2.100", "3.150", "950"])),
        # the first part's label after "gồm:" may run long
        C("Năm 2018, xã đã tiếp nhận 1.246 hồ sơ, gồm: lĩnh vực tư pháp - hộ tịch 812 hồ sơ, đất đai 205 hồ sơ, "
          "lao động - thương binh và xã hội 163 hồ sơ, các lĩnh vực khác 48 hồ sơ.",
          ("sum_mismatch", ["1.246", "163", "205", "48", "812"])),
        C("Toàn tỉnh đã giải quyết 118.000 hồ sơ, trong đó trước hạn 60.000 hồ sơ, đúng hạn 56.000 hồ sơ, "
          "quá hạn 3.000 hồ sơ.", ("sum_mismatch", ["118.000", "3.000", "56.000", "60.000"])),
        C("Năm 2024, tỉnh tiếp nhận 20.000 hồ sơ, gồm: cấp tỉnh 5.000 hồ sơ, cấp huyện 3.000 hồ sơ, cấp xã "
          "11.000 hồ sơ.", ("sum_mismatch", ["11.000", "20.000", "3.000", "5.000"])),
        # items of a list after "gồm:" separated by ";"
        C("Trong quý, Trung tâm tiếp nhận 8.420 hồ sơ, gồm: tiếp nhận trực tiếp 2.310 hồ sơ; trực tuyến 5.980 "
          "hồ sơ; qua dịch vụ bưu chính công ích 150 hồ sơ.",
          ("sum_mismatch", ["150", "2.310", "5.980", "8.420"])),
        # a count of something else in the total's words before "gồm"
        C("Năm 2024, Trung tâm tiếp nhận 9.600 hồ sơ của 21 sở, ngành, gồm: 6.100 hồ sơ trực tuyến, 3.420 hồ sơ "
          "trực tiếp và 110 hồ sơ qua bưu chính.", ("sum_mismatch", ["110", "3.420", "6.100", "9.600"])),
        # an abbreviation in brackets after the total's noun
        C("Trong quý, Trung tâm tiếp nhận 5.480 hồ sơ thủ tục hành chính (TTHC), gồm 4.215 hồ sơ trực tuyến và "
          "1.371 hồ sơ trực tiếp.", ("sum_mismatch", ["1.371", "4.215", "5.480"])),
        # a total stated after its parts
        C("Năm 2024, ba đơn vị có nhiều hồ sơ nhất là thị trấn Liên Quan (2.418 hồ sơ), xã Hương Ngải (1.536 hồ sơ) "
          "và xã Cần Kiệm (1.702 hồ sơ), tổng cộng 5.756 hồ sơ.", ("sum_mismatch", ["1.536", "1.702", "2.418", "5.756"])),
        # the next sentence of the paragraph distributes the total ("Phân theo ...", "Chia theo ...")
        C("Năm 2024, Trung tâm tiếp nhận 6.842 hồ sơ (trực tuyến 5.915 hồ sơ, trực tiếp 927 hồ sơ). Phân theo lĩnh "
          "vực: đất đai 3.215 hồ sơ, tư pháp - hộ tịch 1.987 hồ sơ, đăng ký kinh doanh 1.339 hồ sơ, các lĩnh vực "
          "khác 320 hồ sơ.", ("sum_mismatch", ["1.339", "1.987", "3.215", "320", "6.842"]), linked=True),
        C("Năm 2025, các cơ quan đã tiếp nhận 412.386 hồ sơ. Chia theo cấp, cấp tỉnh tiếp nhận 98.214 hồ sơ; cấp "
          "huyện (trước ngày 01/7/2025) tiếp nhận 121.530 hồ sơ; cấp xã tiếp nhận 190.418 hồ sơ.",
          ("sum_mismatch", ["121.530", "190.418", "412.386", "98.214"]), linked=True),
        # the total's own verb labelling a part is no new measure
        C("Năm 2024, các xã tiếp nhận 9.870 hồ sơ, gồm 6.215 hồ sơ tiếp nhận trực tiếp và 3.520 hồ sơ trực tuyến.",
          ("sum_mismatch", ["3.520", "6.215", "9.870"])),
        # after "trong đó", a last part named as the rest makes the parts the whole
        C("Bộ phận một cửa tiếp nhận 2.380 hồ sơ, trong đó lĩnh vực đất đai 910 hồ sơ, hộ tịch 655 hồ sơ, "
          "các lĩnh vực khác 795 hồ sơ.", ("sum_mismatch", ["2.380", "655", "795", "910"])),
        C("Toàn tỉnh tiếp nhận 120.500 hồ sơ, đã giải quyết 118.000 hồ sơ. Trong đó, giải quyết trước hạn "
          "60.000 hồ sơ, đúng hạn 56.000 hồ sơ, quá hạn 3.000 hồ sơ.",
          ("sum_mismatch", ["118.000", "3.000", "56.000", "60.000"]), linked=True),
        C("Từ đầu năm, phường tiếp nhận 4.250 hồ sơ, đã giải quyết xong 3.900 hồ sơ; 300 hồ sơ còn lại đang "
          "được xử lý.", ("sum_mismatch", ["3.900", "300", "4.250"])),
        C("Tỷ lệ hồ sơ giải quyết trước hạn đạt 45%, đúng hạn 50%, quá hạn 10%.",
          ("sum_mismatch", ["10%", "45%", "50%"])),
        C("Có 45% hồ sơ giải quyết trước hạn, 50% đúng hạn và 10% quá hạn.",
          ("sum_mismatch", ["10%", "45%", "50%"])),
        C("UBND tỉnh đã công bố 1.920 TTHC, trong đó 1.105 TTHC cấp tỉnh, 512 TTHC cấp huyện và 318 TTHC cấp xã.",
          ("sum_mismatch", ["1.105", "1.920", "318", "512"])),
        # the three levels of the pre-2025 map name the whole: they must reach it
        C("Năm 2019, tỉnh đã công bố 1.845 TTHC, trong đó cấp tỉnh 1.412 TTHC, cấp huyện 296 TTHC và cấp xã 127 TTHC.",
          ("sum_mismatch", ["1.412", "1.845", "127", "296"])),
        # the vertical branches' procedures are a level of their own
        C("Năm 2025, tỉnh công bố 2.114 TTHC, trong đó 1.586 TTHC cấp tỉnh, 504 TTHC cấp xã và 41 TTHC thực hiện tại "
          "cơ quan ngành dọc.", ("sum_mismatch", ["1.586", "2.114", "41", "504"])),
        # "(trong đó:" opens the breakdown; items after ";" named by a partition's classes
        C("Tháng 10/2025, phường tiếp nhận 2.134 hồ sơ (trong đó: trực tuyến 1.602 hồ sơ; trực tiếp và qua bưu chính "
          "540 hồ sơ).", ("sum_mismatch", ["1.602", "2.134", "540"])),
        # units counted by grade against the units graded: more than them
        C("Năm 2019, tỉnh đánh giá Chỉ số CCHC của 20 sở, ban, ngành; kết quả có 6 đơn vị đạt loại tốt, 11 đơn vị "
          "loại khá và 4 đơn vị loại trung bình.", ("sum_mismatch", ["11", "20", "4", "6"])),
        C("Năm 2024, trong 20 sở, ngành được đánh giá có 6 đơn vị xếp loại tốt, 10 đơn vị xếp loại khá và 5 đơn vị "
          "xếp loại trung bình.", ("sum_mismatch", ["10", "20", "5", "6"])),
        # ... or fewer, when the bands chain from an open top to an open bottom
        C("Tháng 3/2026 có 38/95 xã, phường đạt trên 90 điểm; 51 đơn vị đạt từ 80 đến dưới 90 điểm; 4 đơn vị dưới "
          "80 điểm.", ("sum_mismatch", ["38/95", "4", "51"])),
        # a breakdown by unit, each part naming its own, ending in the rest
        C("Trong tháng, 16 xã, thị trấn tiếp nhận tổng cộng 2.104 hồ sơ. Trong đó, thị trấn Đức Phong tiếp nhận "
          "nhiều nhất với 486 hồ sơ; xã Minh Hưng 312 hồ sơ; xã Đức Liễu 275 hồ sơ; các xã còn lại 943 hồ sơ.",
          ("sum_mismatch", ["2.104", "275", "312", "486", "943"]), linked=True),
        # the rest named with "có" after it
        C("Năm 2025, phường tiếp nhận 8.642 hồ sơ. Trong tổng số hồ sơ tiếp nhận, các lĩnh vực hộ tịch, chứng thực và "
          "đất đai lần lượt có 3.915, 2.870 và 1.204 hồ sơ; các lĩnh vực còn lại có 735 hồ sơ.",
          ("sum_mismatch", ["1.204", "2.870", "3.915", "735", "8.642"]), linked=True),
        # a breakdown that names its total instead of stating it, in a later sentence (a list after ":" too)
        C("Năm 2024, Trung tâm tiếp nhận 86.412 hồ sơ.\n\nSố hồ sơ tiếp nhận tập trung ở một số lĩnh vực: tư pháp "
          "31.208 hồ sơ; kế hoạch và đầu tư 22.746 hồ sơ; các lĩnh vực còn lại 31.458 hồ sơ.",
          ("sum_mismatch", ["22.746", "31.208", "31.458", "86.412"]), linked=True),
        C("Năm 2025, Công an tỉnh tiếp nhận 482.615 hồ sơ.\n\nTrong tổng số hồ sơ tiếp nhận, lĩnh vực cư trú có "
          "215.430 hồ sơ, lĩnh vực căn cước 168.920 hồ sơ, các lĩnh vực khác 95.520 hồ sơ.",
          ("sum_mismatch", ["168.920", "215.430", "482.615", "95.520"]), linked=True),
        C("Năm 2026, tỉnh tiếp nhận 512.460 hồ sơ.\n\nTrong tổng số hồ sơ tiếp nhận, có 338.215 hồ sơ nộp trực "
          "tuyến và 165.930 hồ sơ nộp trực tiếp hoặc qua dịch vụ bưu chính công ích.",
          ("sum_mismatch", ["165.930", "338.215", "512.460"]), linked=True),
        C("Tỷ lệ hồ sơ giải quyết trước hạn chiếm 62,5%, đúng hạn chiếm 38,2% và trễ hạn chiếm 1,3%.",
          ("sum_mismatch", ["1,3%", "38,2%", "62,5%"])),
        C("Có 98,5% hồ sơ giải quyết đúng hạn và trước hạn, 2,5% hồ sơ quá hạn.",
          ("sum_mismatch", ["2,5%", "98,5%"])),
        C("Kết quả giải quyết: trước hạn 60,1%, đúng hạn 30,5%, quá hạn 1,4%.",  # all classes: 92 %
          ("sum_mismatch", ["1,4%", "30,5%", "60,1%"])),
        # a part restated in brackets is still one part of the list
        C("Trong 3 tháng, xã tiếp nhận 2.846 hồ sơ. Trong đó, hồ sơ nộp trực tuyến 1.905 hồ sơ (chiếm 66,9%), "
          "nộp trực tiếp 874 hồ sơ, qua dịch vụ bưu chính 41 hồ sơ.",
          ("sum_mismatch", ["1.905", "2.846", "41", "874"]), linked=True),
        # a base, then its parts after "có"
        C("Trong quý, trong tổng số 12.846 hồ sơ tiếp nhận có 7.905 hồ sơ nộp trực tuyến (chiếm 61,5%), "
          "4.688 hồ sơ nộp trực tiếp và 235 hồ sơ gửi qua dịch vụ bưu chính công ích.",
          ("sum_mismatch", ["12.846", "235", "4.688", "7.905"])),
    ],
    "part_exceeds_total": [
        # a count said before it to be of "tổng số TTHC nêu trên", above the total stated above
        C("Tính đến ngày 30/6/2023, tỉnh Bạc Liêu có 1.734 thủ tục hành chính thuộc thẩm quyền giải quyết của 3 cấp "
          "chính quyền.\n\nTheo Sở Thông tin và Truyền thông, trong tổng số TTHC nêu trên, tỉnh đã cung cấp 1.802 TTHC "
          "dưới hình thức dịch vụ công trực tuyến.", ("part_exceeds_total", ["1.734", "1.802"]), linked=True),
        # a sentence taking the fields in turn ("Xét theo lĩnh vực, ..."): its first count one field's
        C("Quý III/2025, Trung tâm Phục vụ hành chính công xã Tân Thanh đã tiếp nhận 3.412 hồ sơ thủ tục hành chính."
          "\n\nNgười dân làm thủ tục.\n\nXét theo lĩnh vực, hồ sơ chứng thực chiếm nhiều nhất với 3.560 hồ sơ; tiếp "
          "đến là hộ tịch và đất đai.", ("part_exceeds_total", ["3.412", "3.560"]), linked=True),
        # a level singled out of the whole, above it
        C("Trong quý I/2024, tỉnh Ninh Bình có 1.260 hồ sơ quá hạn, chiếm 0,6% số hồ sơ đã giải quyết.\n\nĐáng chú ý, riêng "
          "khối xã, phường có 1.340 hồ sơ quá hạn, chủ yếu thuộc lĩnh vực đất đai.",
          ("part_exceeds_total", ["1.260", "1.340"]), linked=True),
        # the first count after a base its sentence names
        C("Quý I/2026, phường Mỹ Tho tiếp nhận nhiều hồ sơ. Trong tổng số 2.318 hồ sơ tiếp nhận, hồ sơ nộp trực tuyến là "
          "2.381 hồ sơ.", ("part_exceeds_total", ["2.318", "2.381"])),
        # a part above a total stated as at most ("gần 12,5 nghìn")
        C("6 tháng đầu năm 2020, Trung tâm Phục vụ hành chính công tỉnh Vĩnh Phúc tiếp nhận gần 12,5 nghìn hồ sơ.\n\n"
          "Trong tổng số hồ sơ tiếp nhận nêu trên, có 12.604 hồ sơ được nộp qua Cổng dịch vụ công trực tuyến của tỉnh.",
          ("part_exceeds_total", ["12,5 nghìn", "12.604"]), linked=True),
        # on-time dossiers of the resolved ones the lead states, their base named
        C("Năm 2022, các sở, ngành của tỉnh Đắk Nông tiếp nhận 48.315 hồ sơ, giải quyết 46.870 hồ sơ.\n\nTỉnh đã công "
          "bố 1.782 thủ tục.\n\nTrong số hồ sơ đã giải quyết ở cấp tỉnh, 47.210 hồ sơ được trả kết quả trước và đúng hạn.",
          ("part_exceeds_total", ["46.870", "47.210"]), linked=True),
        # a part said to be of a total stated before, with no number, above every count of its object
        C("Hiện nay, Bộ TTHC áp dụng trên địa bàn tỉnh Bạc Liêu gồm 1.765 thủ tục.\n\nĐến nay, tỉnh Bạc Liêu đã cung "
          "cấp 1.902 TTHC trực tuyến mức độ 3, 4 trong tổng số TTHC của tỉnh.",
          ("part_exceeds_total", ["1.765", "1.902"]), linked=True),
        # one field's overdue dossiers above the overdue total the lead states
        C("Quý I/2026, tỉnh Phú Thọ tiếp nhận 256.840 hồ sơ, trong đó còn 3.218 hồ sơ quá hạn.\n\nHồ sơ quá hạn tập "
          "trung ở lĩnh vực đất đai; riêng lĩnh vực này có 3.460 hồ sơ quá hạn.",
          ("part_exceeds_total", ["3.218", "3.460"]), linked=True),
        # a field's dossiers above the total received just before it, the channel parts between
        C("Quý III/2022, huyện tiếp nhận 1.240 hồ sơ, trong đó 272 hồ sơ nộp trực tiếp. Lĩnh vực đất đai vẫn chiếm tỷ lệ "
          "lớn nhất với 1.315 hồ sơ, tiếp đến là lĩnh vực hộ tịch.", ("part_exceeds_total", ["1.240", "1.315"]), linked=True),
        C("Xã tiếp nhận 1.200 hồ sơ, trong đó 1.350 hồ sơ được giải quyết đúng hạn.",
          ("part_exceeds_total", ["1.200", "1.350"])),
        C("Huyện đã giải quyết 5.320/5.120 hồ sơ.", ("part_exceeds_total", ["5.320/5.120"])),
        C("Xã tiếp nhận 1.140 hồ sơ, giải quyết 1.200 hồ sơ.", ("part_exceeds_total", ["1.140", "1.200"])),
        C("Huyện có 12 xã, thị trấn; trong đó 13 xã đã đạt chuẩn.", ("part_exceeds_total", ["12", "13"])),
        # a part said to be of the dossiers received, whatever body received them
        C("Trong 6 tháng đầu năm 2022, Bộ phận một cửa của xã đã tiếp nhận 1.568 hồ sơ; trong đó hồ sơ nộp trực "
          "tuyến là 624 hồ sơ. Trong số hồ sơ tiếp nhận, đã giải quyết 1.586 hồ sơ.",
          ("part_exceeds_total", ["1.568", "1.586"]), linked=True),
        # the places a superlative compares the part with do not narrow it to a subset
        C("Năm 2026, xã Long Thành tiếp nhận 26.214 hồ sơ. Đáng chú ý, số hồ sơ nộp trực tuyến tại xã lên tới "
          "26.902 hồ sơ, cao nhất trong các xã khu vực phía Nam của tỉnh.",
          ("part_exceeds_total", ["26.214", "26.902"]), linked=True),
        # one field's dossiers in a later paragraph, in the quarter ("trong quý") or the year stated before
        C("Quý III/2024, trung tâm tiếp nhận 4.870 hồ sơ, đã giải quyết 4.652 hồ sơ.\n\nĐất đai vẫn là lĩnh vực "
          "nhiều hồ sơ nhất. Riêng lĩnh vực này, trong quý, trung tâm đã tiếp nhận 5.210 hồ sơ.",
          ("part_exceeds_total", ["4.870", "5.210"]), linked=True),
        C("Năm 2020, bộ phận một cửa huyện tiếp nhận 38.452 hồ sơ.\n\nCả năm 2020, bộ phận một cửa huyện đã tiếp "
          "nhận 41.260 hồ sơ đất đai, chủ yếu là đăng ký biến động.", ("part_exceeds_total", ["38.452", "41.260"]),
          linked=True),
        # a field singled out by name, its dossiers received and resolved
        C("6 tháng đầu năm 2018, xã tiếp nhận 1.126 hồ sơ.\n\nRiêng chứng thực bản sao, chứng thực chữ ký, xã đã "
          "tiếp nhận và giải quyết 1.184 hồ sơ.", ("part_exceeds_total", ["1.126", "1.184"]), linked=True),
        # the dossiers submitted online in the dates an earlier paragraph counts all those received in
        C("Từ ngày 1/7 đến ngày 31/10/2024, Trung tâm tiếp nhận 5.214 hồ sơ.\n\nNgười dân được hỗ trợ tận tình.\n\n"
          "Nhờ đó, số hồ sơ nộp trực tuyến từ đầu tháng 7 đến hết tháng 10 đạt 5.381 hồ sơ.",
          ("part_exceeds_total", ["5.214", "5.381"]), linked=True),
        # some of the dossiers singled out ("Riêng hồ sơ ...") are of the same body
        C("Từ ngày 1/7 đến ngày 30/9/2024, Trung tâm tiếp nhận 12.480 hồ sơ.\n\nNgười dân được hỗ trợ tận tình.\n\n"
          "Trong quý III/2024, riêng hồ sơ trực tuyến toàn trình là 13.105 hồ sơ.",
          ("part_exceeds_total", ["12.480", "13.105"]), linked=True),
    ],
    "count_list_mismatch": [
        # a list opened by "gồm:" after a long description of the places counted
        C("Toàn tỉnh có 5 xã, phường duy trì tỷ lệ 100% hồ sơ giải quyết đúng hạn trong suốt 6 tháng đầu năm 2026 "
          "và được Chủ tịch UBND tỉnh tặng bằng khen, gồm: phường Thủ Dầu Một, phường Phú Lợi, xã Bàu Bàng và xã Trừ Văn Thố.",
          ("count_list_mismatch", ["5"])),
        # a count heading a bulleted list, one unit an item, with their values
        C("Năm 2024, toàn tỉnh còn 4.224 hồ sơ quá hạn. Bốn xã để xảy ra nhiều hồ sơ quá hạn nhất gồm:\n- Xã Tương "
          "Dương: 164 hồ sơ;\n- Xã Quỳ Hợp: 131 hồ sơ;\n- Xã Con Cuông: 97 hồ sơ.",
          ("count_list_mismatch", ["131", "164", "97", "Bốn"]), linked=True),
        # a list naming its second type once after "và các": "thị trấn A và các xã B, C, D"
        C("Năm 2024, toàn huyện có 5 xã, thị trấn đạt tỷ lệ số hóa 100%, gồm: thị trấn Chư Sê và các xã Ia Tiêm, Bar "
          "Măih, Ia Blang, Dun, Ia Pal.", ("count_list_mismatch", ["5"])),
        # past a zero in the count's own words; a numbered ward's name is one item
        C("Trong quý I/2026, có 4 xã, phường không có hồ sơ quá hạn, gồm phường Cam Ranh, xã Diên Khánh và xã Cam Lâm.",
          ("count_list_mismatch", ["4"])),
        C("Tháng 10/2025, có 6 đơn vị đạt từ 90 điểm trở lên, gồm: phường Minh Xuân, phường Hà Giang 1, xã Hàm Yên, "
          "xã Chiêm Hóa và xã Bắc Quang.", ("count_list_mismatch", ["6"])),
        # a count of units whose ranks changed is no change itself
        C("Năm 2025, khu vực có 7 tỉnh tăng hạng so với năm 2024, gồm Cao Bằng, Lạng Sơn, Điện Biên, Sơn La, Thái "
          "Nguyên và Lào Cai.", ("count_list_mismatch", ["7"])),
        # the head said once, before the first name
        C("Năm 2020, thị xã chọn 3 xã làm điểm mô hình một cửa hiện đại, gồm xã Tả Van và Bản Hồ.",
          ("count_list_mismatch", ["3"])),
        # a list that a comma and the values' words follow
        C("Năm đơn vị dẫn đầu gồm phường Phan Thiết, phường Bắc Gia Nghĩa và xã Đức Trọng, với số điểm lần lượt là "
          "93,15; 92,80 và 91,64 điểm.", ("count_list_mismatch", ["91,64", "92,80", "93,15", "Năm"])),
        # a superlative in the count's own clause: "là" opens the whole list
        C("Năm 2026, trong khối xã, phường, có 3 đơn vị đạt kết quả tốt nhất là xã Nghĩa Đàn (89,74 điểm) và "
          "phường Thành Vinh (89,12 điểm).", ("count_list_mismatch", ["3", "89,12", "89,74"])),
        # a name holding a verb ("Đạt") does not end the list
        C("Năm 2023, huyện đã chọn 3 xã làm điểm mô hình \"Bộ phận một cửa hiện đại\" gồm Hoằng Đạt và Hoằng Thịnh.",
          ("count_list_mismatch", ["3"])),
        C("Toàn huyện có 4 xã đạt chuẩn là xã An Bình, xã Tân Lập, xã Hòa Phú, xã Minh Đức và xã Phú Lộc.",
          ("count_list_mismatch", ["4"])),
        # a rate or band in the count's own words before its list; names after "gồm:" alone
        C("Ở cấp huyện, 5 huyện có tỷ lệ hồ sơ trực tuyến trên 90% gồm: Đức Hòa, Bến Lức, Cần Giuộc và Châu Thành.",
          ("count_list_mismatch", ["5"])),
        # items after "gồm:" separated by ";" to the sentence's end
        C("Năm 2026, xã đề xuất cắt giảm thời gian giải quyết đối với 5 TTHC, gồm: cấp giấy phép xây dựng nhà ở "
          "riêng lẻ; đăng ký biến động quyền sử dụng đất; cấp giấy chứng nhận an toàn thực phẩm; đăng ký thành lập "
          "hộ kinh doanh.", ("count_list_mismatch", ["5"])),
        C("Năm 2024, tỉnh có 3 chỉ số nằm ở nhóm cao nhất, gồm: Tham gia của người dân ở cấp cơ sở; Công khai, minh "
          "bạch; Thủ tục hành chính công; Cung ứng dịch vụ công và Quản trị điện tử.", ("count_list_mismatch", ["3"])),
        # a band in points in the count's words; names with their values in brackets
        C("Năm 2025, có 5 địa phương đạt trên 90 điểm gồm Quảng Ninh, Hà Nội, Đà Nẵng và Đồng Nai.",
          ("count_list_mismatch", ["5"])),
        C("Năm 2025, có 5 tỉnh đạt trên 90 điểm gồm tỉnh Quảng Ninh (93,46 điểm), tỉnh Lào Cai (92,18 điểm), tỉnh "
          "Hà Giang (91,55 điểm) và tỉnh Đồng Nai (90,62 điểm).",
          ("count_list_mismatch", ["5", "90,62", "91,55", "92,18", "93,46"])),  # the items' values too
        # numbered wards are names
        C("Năm 2024, 3 phường có tỷ lệ hồ sơ trực tuyến trên 60% gồm Phường 10 và Phường 17.",
          ("count_list_mismatch", ["3"])),
        C("Huyện có 3 đơn vị đạt điểm tối đa, gồm: xã Phú Lộc, thị trấn Tân Lập.",
          ("count_list_mismatch", ["3"])),
        C("Toàn huyện có 4 xã đạt chuẩn, gồm các xã: An Bình, Tân Lập, Hòa Phú, Minh Đức và Phú Lộc.",
          ("count_list_mismatch", ["4"])),
        C("Các đơn vị dẫn đầu gồm Sở Tư pháp, Sở Y tế, với tỷ lệ hồ sơ đúng hạn lần lượt là 99,2%; 98,5% "
          "và 97,1%.", ("count_list_mismatch", ["97,1%", "98,5%", "99,2%"])),
        # an index's components named with capitals after the count of them
        C("Năm 2023, Long An tăng điểm ở 4 chỉ số là Chi phí gia nhập thị trường, Tiếp cận đất đai, Chi phí thời "
          "gian, Đào tạo lao động và Thiết chế pháp lý.", ("count_list_mismatch", ["4"])),
        # the counted noun's own comma does not end the count's clause before "là"
        C("Năm 2022 có bốn bộ, cơ quan ngang bộ đạt kết quả trên 88% là Bộ Tư pháp, Ngân hàng Nhà nước Việt Nam "
          "và Bộ Tài chính.", ("count_list_mismatch", ["bốn"])),
        # "các" before a type after a comma names the type once for the names after it: four units
        C("Năm 2021, có 5 đơn vị xếp loại tốt gồm: thị trấn Hát Lót, các xã Cò Nòi, Chiềng Mung, Mường Bon.",
          ("count_list_mismatch", ["5"])),
        # a name after a unit's type keeps the type: four units
        C("Năm 2018, thành phố chọn 5 xã, phường làm điểm mô hình “một cửa hiện đại” gồm phường Phú Lâm, Phú Đông, "
          "Phú Thạnh và xã Bình Kiến.", ("count_list_mismatch", ["5"])),
        C("Năm 2024, có 4 đơn vị đạt mức hài lòng trên 90%, gồm: TP Tân An, huyện Đức Hòa và Bến Lức.",
          ("count_list_mismatch", ["4"])),
    ],
    "conflicting_values": [
        # ... the rounding is the error, not the rate of the exact whole stated with it
        C("Năm 2025, tỉnh Đồng Tháp tiếp nhận hơn 1,3 triệu hồ sơ.\n\nCả năm 2025, toàn tỉnh Đồng Tháp tiếp nhận "
          "1.263.512 hồ sơ.\n\nSố hồ sơ nộp trực tuyến là 931.208 hồ sơ, chiếm 73,7%.",
          ("conflicting_values", ["1,3 triệu", "1.263.512"]), linked=True),
        # ... the bodies of a named place being all of them, the exact whole's breakdown after it
        C("Năm 2025, các cơ quan hành chính ở Đồng Tháp tiếp nhận hơn 1,3 triệu hồ sơ; hơn 46.000 hồ sơ được giải quyết "
          "không phụ thuộc địa giới.\n\nCả năm 2025, toàn tỉnh Đồng Tháp tiếp nhận 1.263.512 hồ sơ, cụ thể: cấp tỉnh "
          "402.118 hồ sơ; cấp xã 861.394 hồ sơ.", ("conflicting_values", ["1,3 triệu", "1.263.512"]), linked=True),
        # a rounded count the exact whole stated later falls outside of
        C("Năm 2024, các cơ quan, đơn vị trên địa bàn tỉnh Vĩnh Long tiếp nhận hơn 1,1 triệu hồ sơ.\n\nTheo báo cáo, "
          "tổng số hồ sơ tiếp nhận trong năm 2024 là 986.450 hồ sơ.",
          ("conflicting_values", ["1,1 triệu", "986.450"]), linked=True),
        # a count rounded to a scale word stands for a range ("1,87 triệu": 1.860.000-1.880.000) the
        # exact whole falls outside of, the whole named ("toàn tỉnh") or given as what the count is
        C("Năm 2024, tỉnh Vĩnh Long đã giải quyết 1,87 triệu hồ sơ thủ tục hành chính.\n\nTheo báo cáo, năm 2024 "
          "toàn tỉnh tiếp nhận 1.893.516 hồ sơ, đã giải quyết 1.781.240 hồ sơ.",
          ("conflicting_values", ["1,87 triệu", "1.781.240"]), linked=True),
        C("Năm 2024, tỉnh Vĩnh Long tiếp nhận 1,4 triệu hồ sơ trực tuyến.\n\nTheo báo cáo, số hồ sơ được tiếp nhận "
          "trực tuyến trong năm 2024 là 1.245.310 hồ sơ, chiếm 44,7% tổng số hồ sơ.",
          ("conflicting_values", ["1,4 triệu", "1.245.310"]), linked=True),
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Trong năm 2024, huyện Tân Hồng đã tiếp nhận "
          "2.800 hồ sơ.", ("conflicting_values", ["2.500", "2.800"]), linked=True),
        C("Năm 2024, trên địa bàn huyện Tân Hồng đã ban hành 35 quyết định công bố TTHC. Trong năm 2024, "
          "UBND huyện Tân Hồng ban hành 38 quyết định công bố TTHC.",
          ("conflicting_values", ["35", "38"]), linked=True),
        # the lead's rate restated later with another value, each with its own period
        C("Bà Rịa - Vũng Tàu: kết quả cải cách hành chính 9 tháng\n\n9 tháng đầu năm 2020, các cơ quan, đơn vị trên địa bàn tỉnh Bà Rịa - Vũng Tàu tiếp nhận 265.430 hồ sơ; tỷ lệ "
          "hồ sơ giải quyết đúng hạn đạt 98,6%.\n\nNgười dân làm thủ tục.\n\nTheo Giám đốc Sở Nội vụ, trong 9 tháng đầu "
          "năm 2020, 96,8% hồ sơ được giải quyết đúng hạn.", ("conflicting_values", ["96,8%", "98,6%"]), linked=True),
        # said to rise (fall) from one value to another that is lower (higher)
        C("Năm 2025, số TTHC có hồ sơ trực tuyến toàn trình tiếp tục tăng, từ 412 thủ tục trong tháng 7/2025 lên "
          "386 thủ tục trong tháng 12/2025.", ("conflicting_values", ["386", "412"])),
        C("Năm 2022, điểm số PCI của tỉnh tăng so với năm 2021, từ 66,12 điểm lên 65,47 điểm.",
          ("conflicting_values", ["65,47", "66,12"])),
        C("Năm 2024, tỷ lệ hồ sơ trễ hạn giảm từ 1,2% xuống còn 2,5%.", ("conflicting_values", ["1,2%", "2,5%"])),
        # "thì" pairs a first value with the move to the second
        C("Số hồ sơ trễ hạn giảm mạnh: năm 2024 toàn tỉnh có 1.126 hồ sơ trễ hạn thì năm 2025 giảm xuống còn 1.284 "
          "hồ sơ.", ("conflicting_values", ["1.126", "1.284"])),
        # the lead's count and the whole named later ("trong tổng số"), a few per cent apart
        C("Đẩy mạnh cải cách hành chính\n\nQuý III/2026, xã Cam Lâm tiếp nhận 3.528 hồ sơ thủ tục hành chính.\n\nCác thủ tục về hộ tịch chiếm "
          "phần lớn.\n\nTheo UBND xã, trong tổng số 3.582 hồ sơ đã tiếp nhận trong quý III/2026, có 2.905 hồ sơ nộp "
          "trực tuyến.", ("conflicting_values", ["3.528", "3.582"]), linked=True),
        # ... received at the one-stop desk being the dossiers received
        C("Đẩy mạnh cải cách hành chính\n\n9 tháng năm 2024, Bộ phận một cửa huyện Thanh Oai tiếp nhận 31.270 hồ sơ.\n\nNhiều thủ tục được rút "
          "ngắn thời gian.\n\nTrong 9 tháng năm 2024, tổng số 31.720 hồ sơ được tiếp nhận tại Bộ phận một cửa của "
          "huyện Thanh Oai.", ("conflicting_values", ["31.270", "31.720"]), linked=True),
        # a unit's place or score in one ranking, in the lead and again later with a nearby value
        C("Chỉ số cải cách hành chính năm 2025 của tỉnh Gia Lai đạt 87,35 điểm, xếp thứ 12/34 tỉnh, thành phố.\n\n"
          "Nhiều giải pháp đã được triển khai đồng bộ.\n\nVới 87,35 điểm, tỉnh đứng thứ 14 cả nước.",
          ("conflicting_values", ["12/34", "14"]), linked=True),
        C("Năm 2023, Chỉ số PAPI của tỉnh Bình Định đạt 44,18 điểm, xếp thứ 7/63.\n\nÔng Trần Văn An cho biết: "
          "\"Với 44,81 điểm, tỉnh tiếp tục giữ vững vị trí\".", ("conflicting_values", ["44,18", "44,81"]), linked=True),
        # ... the whole's percentage with its levels' after "trong đó"
        C("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2024 của tỉnh Long An đạt 85,12%.\n\nTheo Sở Nội "
          "vụ, năm 2024, chỉ số hài lòng chung của tỉnh đạt 86,4%, trong đó cấp xã đạt 85,9%.",
          ("conflicting_values", ["85,12%", "86,4%"]), linked=True),
    ],
    "value_out_of_range": [
        C("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 102,5%.", ("value_out_of_range", ["102,5%"])),
        # online and in person name the whole (reports count the few by post with those in person)
        C("Trong quý III, phường tiếp nhận 3.846 hồ sơ, trong đó 1.205 hồ sơ nộp trực tiếp, 2.517 hồ sơ nộp trực tuyến.",
          ("sum_mismatch", ["1.205", "2.517", "3.846"])),
        C("Năm 2026, trong tổng số 58.416 hồ sơ tiếp nhận, có 41.925 hồ sơ nộp trực tuyến và 15.881 hồ sơ nộp trực "
          "tiếp tại Trung tâm.", ("sum_mismatch", ["15.881", "41.925", "58.416"])),
        # labels of up to 80 characters between parts
        C("9 tháng năm 2023, các cơ quan trên địa bàn tỉnh đã tiếp nhận 128.456 hồ sơ, trong đó tiếp nhận trực tuyến "
          "72.310 hồ sơ, tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích 55.146 hồ sơ.",
          ("sum_mismatch", ["128.456", "55.146", "72.310"])),
        # the three channels a dossier comes in by, all named, are the whole
        C("Trong quý III, phường tiếp nhận 3.846 hồ sơ, trong đó 1.205 hồ sơ nộp trực tiếp, 2.517 hồ sơ nộp "
          "trực tuyến và 94 hồ sơ qua dịch vụ bưu chính công ích.", ("sum_mismatch", ["1.205", "2.517", "3.846", "94"])),
        C("Tỉnh xếp thứ 36/34 về chỉ số cải cách hành chính.", ("value_out_of_range", ["36/34"])),
    ],
}

NEAR_MISSES = {
    "ratio_percent_mismatch": [
        C("Tính đến ngày 15/12/2024, phường Sầm Sơn đã hoàn thành 42/48 nhiệm vụ theo Kế hoạch số 36/KH-UBND ngày "
          "10/7/2024 về cải cách hành chính năm 2024, đạt 87,5%; 6 nhiệm vụ còn lại đang được triển khai."),
        # a bracket after the ratio's clause has ended restates something else
        C("Đến nay, 21/22 quận, huyện đã hoàn thành số hóa hồ sơ; tỷ lệ số hóa kết quả giải quyết TTHC còn hiệu lực "
          "(đạt 96,5%)."),
        C("Năm 2026, xã đã hoàn thành 19/20 nhiệm vụ, đạt 95% kế hoạch."),
        # ... not a count measured against its plan
        C("Năm 2026, xã tiếp nhận 4.500 hồ sơ, đạt 95% kế hoạch."),
        # bands one inside another are no partition of the units graded
        C("Năm 2022, 30/30 quận, huyện, thị xã có Chỉ số CCHC đạt từ 80 điểm trở lên; trong đó 12 đơn vị đạt từ 90 "
          "điểm trở lên."),
        C("Năm 2024, huyện hoàn thành 22/24 nhiệm vụ (đạt 91,67%)."),   # rounded
        C("Năm 2024, huyện hoàn thành 22/24 nhiệm vụ (đạt 91,6%)."),    # truncated
        C("Xã hoàn thành 2/3 nhiệm vụ (đạt 67%)."),
        C("Đến nay, 19/22 xã đạt 100% hồ sơ giải quyết đúng hạn."),  # what the places achieved
        C("Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 60% (9.000/15.000 hồ sơ)."),
        C("Năm qua, các cơ quan đã hoàn thành 67/72 nhiệm vụ trong Kế hoạch CCHC năm 2019 của tỉnh (đạt 93,06%)."),
        C("Hiện nay, tỉnh có 1.850 TTHC. Trong đó, 1.200 TTHC được cung cấp trực tuyến toàn trình, chiếm 64,9%."),
        C("Trong quý, có 31/140 xã, phường đạt mức Tốt (từ 90 điểm trở lên), chiếm 22,1%; 80 đơn vị đạt mức Khá."),
        C("Năm 2025, toàn tỉnh có 118/126 xã, phường đạt tỷ lệ đúng hạn từ 95% trở lên, chiếm 93,6%."),
        # a ratio inside brackets of its own is no share of a percentage after the next bracket
        C("Năm 2022, các tỉnh xếp cuối bảng lần lượt là Đắk Nông (61/63), Kon Tum (62/63) và Cao Bằng (63/63), với "
          "giá trị lần lượt là 77,83%, 77,31% và 76,52%."),
        C("Năm 2022, các xã đạt chuẩn lần lượt là Tân Hưng (15/19), Tân Lập (16/19) và Hòa Phú (12/19), với "
          "tỷ lệ lần lượt là 78%, 84% và 63%."),
    ],
    "count_percent_mismatch": [
        # an on-time rate has two possible bases: a later count stating its dates is not linked by them alone
        C("Năm 2025, tỉnh tiếp nhận 412.500 hồ sơ.\n\nTỷ lệ hồ sơ giải quyết đúng hạn năm 2025 đạt 99,2%.\n\n"
          "Số hồ sơ giải quyết đúng hạn trong năm 2025 là 398.000 hồ sơ."),
        # the rate of the dossiers on time and overdue its sentence counts, with no resolved total
        C("Năm 2018, thành phố đã tiếp nhận 412.386 hồ sơ. Đã giải quyết đúng hạn 398.745 hồ sơ, trễ hạn 2.107 hồ sơ; "
          "tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,47%."),
        # ... of another month: the count's year is not the year the rate's month is read in
        C("Trong tháng 10/2023, toàn tỉnh tiếp nhận 68.400 hồ sơ, trong đó 49.980 hồ sơ nộp trực tuyến.\n\nTỉnh đã "
          "triển khai nhiều giải pháp. Riêng trong tháng 10, tỷ lệ hồ sơ nộp trực tuyến của tỉnh đạt 75,6%."),
        # ... not when the later count names no base, nor when it agrees
        C("6 tháng đầu năm 2021, Bộ phận một cửa thị xã tiếp nhận 3.120 hồ sơ, giải quyết 3.050 hồ sơ; tỷ lệ hồ sơ giải "
          "quyết trước và đúng hạn đạt 99,2%.\n\nThị xã tập trung chỉ đạo. Phường A có 2.989 hồ sơ giải quyết trước và "
          "đúng hạn, 61 hồ sơ quá hạn."),
        C("6 tháng đầu năm 2021, Bộ phận một cửa thị xã tiếp nhận 3.120 hồ sơ, giải quyết 3.050 hồ sơ; tỷ lệ hồ sơ giải "
          "quyết trước và đúng hạn đạt 98%.\n\nThị xã tập trung chỉ đạo. Trong số hồ sơ đã giải quyết, có 2.989 hồ sơ "
          "giải quyết trước và đúng hạn, 61 hồ sơ quá hạn."),
        # ... not when it agrees, nor when the count is of another period, nor when two counts of its
        # measure stand in the paragraphs before (which one the rate restates is not known)
        C("Ninh Bình: quý I/2026 tiếp nhận hơn 186.000 hồ sơ\n\nQuý I/2026, các cơ quan trên địa bàn tỉnh Ninh Bình tiếp nhận "
          "186.420 hồ sơ.\n\nCác cơ quan đã giải quyết 181.305 hồ sơ, trong đó 179.874 hồ sơ được giải quyết trước và "
          "đúng hạn.\n\nRiêng Trung tâm tiếp nhận 28.964 hồ sơ.\n\nTính chung quý I/2026, tỷ lệ giải quyết hồ sơ trước và "
          "đúng hạn của toàn tỉnh đạt 99,2%."),
        C("Ninh Bình: quý I/2026 tiếp nhận hơn 186.000 hồ sơ\n\nQuý I/2026, các cơ quan trên địa bàn tỉnh Ninh Bình tiếp nhận "
          "186.420 hồ sơ.\n\nCác cơ quan đã giải quyết 181.305 hồ sơ, trong đó 179.874 hồ sơ được giải quyết trước và "
          "đúng hạn.\n\nRiêng Trung tâm tiếp nhận 28.964 hồ sơ.\n\nTính chung năm 2025, tỷ lệ giải quyết hồ sơ trước và "
          "đúng hạn của toàn tỉnh đạt 98,1%."),
        C("Ninh Bình: quý I/2026 tiếp nhận hơn 186.000 hồ sơ\n\nQuý I/2026, các cơ quan trên địa bàn tỉnh Ninh Bình tiếp nhận "
          "186.420 hồ sơ.\n\nCác cơ quan đã giải quyết 181.305 hồ sơ, trong đó 179.874 hồ sơ được giải quyết trước và "
          "đúng hạn.\n\nRiêng Trung tâm giải quyết 28.964 hồ sơ, trong đó 27.100 hồ sơ đúng hạn.\n\nTính chung quý I/2026, tỷ lệ giải quyết hồ sơ trước và "
          "đúng hạn của toàn tỉnh đạt 98,1%."),
        C("Năm 2023 huyện đề ra 32 nhiệm vụ CCHC. Đến nay đã hoàn thành 24 nhiệm vụ, đạt 75%."),
        # two values of one "lần lượt" run, each with its own share: neither is the other's total
        C("Năm 2025, phường A và phường B tiếp nhận nhiều hồ sơ nhất, lần lượt 27.642 hồ sơ (trực tuyến 81,4%) và "
          "19.380 hồ sơ (trực tuyến 76,9%)."),
        C("Năm 2024, huyện đã tiếp nhận 48.500 hồ sơ. Trong đó, 40.200 hồ sơ trực tuyến, chiếm 82,9%."),
        C("Năm 2024, huyện đã tiếp nhận 48.500 hồ sơ. Trong đó, 40.200 hồ sơ trực tuyến, chiếm 82,8%."),
        # on time as a share of the resolved dossiers, not of the received ones
        C("Trong năm 2024, huyện tiếp nhận 12.345 hồ sơ. Đã giải quyết 12.000 hồ sơ, trong đó giải quyết "
          "đúng hạn 11.800 hồ sơ, đạt tỷ lệ 98,33%."),
        # "hơn": the total is a lower bound, so 90 % may hold
        C("Huyện tiếp nhận hơn 10.000 hồ sơ, đã giải quyết 9.031 hồ sơ, đạt 90%."),
        # a growth rate is no share
        C("Tỉnh đã tiếp nhận 20.000 hồ sơ, tăng 15% so với cùng kỳ; giải quyết đúng hạn 19.500 hồ sơ, đạt 97,5%."),
        C("100% hồ sơ được giải quyết đúng hạn, không có hồ sơ nào quá hạn."),
        C("Sở Tư pháp giải quyết 100% hồ sơ đúng hạn, Sở Xây dựng còn 3 hồ sơ quá hạn."),  # two bodies
        # a total of the lead far from the stated share: the article means another base
        C("Năm 2024, toàn tỉnh tiếp nhận 150.000 hồ sơ.\n\nCác sở, ngành làm tốt.\n\nRiêng Sở Tư pháp giải "
          "quyết 12.000 hồ sơ, đạt 98%."),
        C("Huyện đã giải quyết 450 hồ sơ, đạt 95% kế hoạch năm. Tổng số hồ sơ tiếp nhận là 500 hồ sơ."),
        C("Huyện tiếp nhận 500 hồ sơ, giải quyết 450 hồ sơ, đạt 95% so với cùng kỳ."),
        C("Huyện tiếp nhận 500 hồ sơ, đã giải quyết 450 hồ sơ, đạt 90%, trong đó đúng hạn 440 hồ sơ, đạt 97,8%."),
        C("Kết quả, tỉnh có 45 TTHC đạt 100% trực tuyến, 30 TTHC đạt 80% trực tuyến."),
        # what counted bodies achieved is not their share of a total
        C("Tỉnh có 18 sở, ngành. Trong đó, 14 sở, ngành đạt 80% hồ sơ trực tuyến."),
        C("Trong quý III, Trung tâm tiếp nhận 3.250 hồ sơ trực tuyến trên tổng số 4.100 hồ sơ, đạt 79,3%."),
        C("Năm 2024, toàn huyện tiếp nhận 52.400 hồ sơ. Lĩnh vực hộ tịch có 18.300 hồ sơ, chiếm 34,9%; lĩnh vực "
          "đất đai có 9.120 hồ sơ, chiếm 17,4%."),
        # received dossiers "đạt" a share: of a plan or another period, not of the total
        C("Năm 2024, toàn huyện tiếp nhận 52.400 hồ sơ. Riêng Trung tâm tiếp nhận 18.300 hồ sơ, đạt 95%."),
        C("Trong tháng 10, phường tiếp nhận 2.460 hồ sơ, trong đó hồ sơ trực tuyến 1.730 hồ sơ. Đã giải quyết "
          "2.300 hồ sơ. Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận đạt 70,3%."),
        # a rate of another period than the count's
        C("Trong tháng 10, phường tiếp nhận 2.460 hồ sơ, trong đó hồ sơ trực tuyến 1.730 hồ sơ. Lũy kế năm "
          "2025, tỷ lệ hồ sơ trực tuyến đạt 74,5%."),
        C("Năm 2024, Trung tâm tiếp nhận 7.530 hồ sơ.\n\nKết quả, trong số hồ sơ tiếp nhận nêu trên, Trung tâm đã số hóa "
          "7.012 hồ sơ, tỷ lệ số hóa hồ sơ đạt 93,1%."),
        # ... a share of its own measure whose base goes unnamed (the digitised of what?)
        C("Năm 2024, Trung tâm tiếp nhận 7.530 hồ sơ.\n\nKết quả, Trung tâm đã số hóa 7.012 hồ sơ, tỷ lệ số hóa hồ sơ "
          "đạt 96,3%."),
        # ... a count up to the quarter's last day in a paragraph that reports no quarter: since when, unsaid
        C("Năm 2024, Trung tâm tiếp nhận 12.846 hồ sơ. Tính đến ngày 30/9/2024, Trung tâm đã giải quyết 2.734 hồ sơ, "
          "trong đó 2.611 hồ sơ được giải quyết trước và đúng hạn.\n\nNhờ đó, tỷ lệ hồ sơ giải quyết trước và đúng "
          "hạn của Trung tâm trong quý III/2024 đạt 96,8%."),
    ],
    "sum_mismatch": [
        # a total rounded to a scale word ("2,4 triệu": 2,3-2,5 million) the parts' sum rounds to
        C("Năm 2024, tỉnh Vĩnh Long tiếp nhận 2,4 triệu hồ sơ, trong đó cấp tỉnh 1.020.000 hồ sơ, cấp huyện "
          "860.000 hồ sơ và cấp xã 545.000 hồ sơ."),
        # ... a list that names the measure and adds up, or meets the bound
        C("9 tháng đầu năm 2023, Bộ phận Một cửa huyện Đức Hòa đã tiếp nhận 11.850 hồ sơ.\n\nSố hồ sơ tiếp nhận gồm: "
          "lĩnh vực đất đai 5.410 hồ sơ, hộ tịch 3.205 hồ sơ, đăng ký kinh doanh 2.048 hồ sơ và xây dựng 1.187 hồ sơ."),
        C("Trong 6 tháng đầu năm 2024, Trung tâm tiếp nhận hơn 148 nghìn hồ sơ.\n\nBà Hoa cho biết số hồ sơ tiếp nhận "
          "phân theo lĩnh vực gồm:\n- Đất đai: 82.380 hồ sơ;\n- Tư pháp (lý lịch tư pháp, công chứng): 51.460 hồ sơ;\n"
          "- Các lĩnh vực còn lại: 19.640 hồ sơ."),
        C("UBND TP Hải Phòng phê duyệt phương án cắt giảm, đơn giản hóa 223 thủ tục hành chính.\n\nSố TTHC được cắt "
          "giảm, đơn giản hóa chia theo lĩnh vực như sau:\n\n- Đất đai, môi trường: 91 TTHC;\n- Tư pháp: 74 TTHC;\n"
          "- Xây dựng: 58 TTHC."),
        # ... the largest of the units, not all of them
        C("Năm 2024, tỉnh tiếp nhận 148.000 hồ sơ.\n\nMột số đơn vị có số hồ sơ tiếp nhận lớn như sau:\n"
          "- Phường A: 52.380 hồ sơ;\n- Phường B: 31.460 hồ sơ."),
        # ... a whole's parts are no wholes of their own
        C("Số dịch vụ công trực tuyến áp dụng là 2.234 DVCTT, gồm 1.096 DVCTT toàn trình cùng 1.138 DVCTT một phần. "
          "Phân theo cấp, cấp tỉnh chiếm 1.809 DVCTT, cấp xã có 425 DVCTT."),
        # ... a list under a header that names no measure as a whole
        C("Trong 6 tháng đầu năm 2024, Trung tâm tiếp nhận 148.000 hồ sơ.\n\nMột số lĩnh vực có nhiều hồ sơ:\n"
          "- Đất đai: 52.380 hồ sơ;\n- Tư pháp: 31.460 hồ sơ."),
        # ... not before it, when the districts had their own
        C("Trong tháng 7/2024, hệ thống của TP. Đà Nẵng đã tiếp nhận 152.380 hồ sơ.\n\nCụ thể, Trung tâm Phục vụ hành "
          "chính công thành phố tiếp nhận 41.215 hồ sơ của các sở, ngành; Trung tâm Phục vụ hành chính công các xã, "
          "phường tiếp nhận 109.870 hồ sơ."),
        # ... nor of a total that is itself a part listed after another count of its sentence
        C("Năm 2026, tỉnh Đắk Lắk tiếp nhận 512.460 hồ sơ, trong đó có 338.215 hồ sơ nộp trực tuyến và 174.245 hồ sơ nộp "
          "trực tiếp.\n\nỞ cấp tỉnh, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 97.815 hồ sơ; cấp xã tiếp nhận "
          "414.645 hồ sơ."),
        # fields named one by one with no rest cover no whole
        C("Năm 2025, phường Cẩm Thành tiếp nhận 11.425 hồ sơ.\n\nTheo bà Lệ, xét theo lĩnh vực, hộ tịch có 4.215 hồ sơ, "
          "chứng thực 3.080 hồ sơ, đất đai 2.760 hồ sơ."),
        C("Năm 2021, thành phố Hải Phòng tiếp nhận 1,05 triệu hồ sơ.\n\nPhân theo lĩnh vực, nhiều nhất là hộ tịch với "
          "486.150 hồ sơ; tiếp đến là đất đai với 412.300 hồ sơ."),
        # the months against the exact total where one is stated, not the headline's rounding of it
        C("Quý I/2021, tỉnh Kon Tum tiếp nhận gần 9.500 hồ sơ\n\nQuý I/2021, tỉnh Kon Tum tiếp nhận 9.493 hồ sơ.\n\n"
          "Tháng 1, tỉnh Kon Tum tiếp nhận 3.412 hồ sơ; tháng 2 tiếp nhận 2.286 hồ sơ; tháng 3 tiếp nhận 3.795 hồ sơ."),
        # levels in turn that add up
        C("Năm 2024, các cơ quan hành chính ba cấp của tỉnh Hậu Giang tiếp nhận 605.342 hồ sơ.\n\nỞ cấp tỉnh, các sở "
          "tiếp nhận 85.320 hồ sơ.\n\nCác huyện, thị xã, thành phố tiếp nhận 201.117 hồ sơ. UBND các xã, phường, thị "
          "trấn tiếp nhận 318.905 hồ sơ."),
        # levels that do not cover the whole: the districts' dossiers are not stated
        C("Năm 2024, tỉnh Hậu Giang tiếp nhận 612.458 hồ sơ.\n\nỞ cấp tỉnh, các sở tiếp nhận 85.320 hồ sơ.\n\nUBND "
          "các xã, phường, thị trấn tiếp nhận 318.905 hồ sơ."),
        # months that add up; a month counted twice (its total, then a part of it)
        C("Quý III/2024, thành phố Sóc Trăng tiếp nhận 9.746 hồ sơ.\n\nTháng 7 thành phố tiếp nhận 3.215 hồ sơ; tháng "
          "8 giảm còn 2.480 hồ sơ; sang tháng 9, thành phố tiếp nhận 4.051 hồ sơ."),
        C("Quý III/2024, thành phố Sóc Trăng tiếp nhận 9.846 hồ sơ.\n\nTháng 7 thành phố tiếp nhận 3.215 hồ sơ; tháng "
          "8 nhận 2.480 hồ sơ; tháng 9 nhận 4.051 hồ sơ. Riêng tháng 9, phường 1 của thành phố Sóc Trăng tiếp nhận 600 "
          "hồ sơ, thành phố Sóc Trăng tiếp nhận 4.151 hồ sơ."),
        # ... two levels of a period begun before the 2025 map: the districts' part is not named
        C("9 tháng đầu năm 2025, các địa phương trên cả nước đã tiếp nhận 5.846.210 hồ sơ.\n\nNgười dân "
          "làm thủ tục.\n\nTrong tổng số hồ sơ của các địa phương, cấp tỉnh tiếp nhận 1.927.480 hồ sơ, cấp xã tiếp "
          "nhận 3.908.730 hồ sơ."),
        # ... a province's total: the province's own level is not among the parts
        C("Quý I/2024, tỉnh Hà Giang tiếp nhận nhiều hồ sơ.\n\nTheo báo cáo của UBND tỉnh, trong quý I, tổng số hồ sơ "
          "tiếp nhận qua Bộ phận Một cửa các cấp là 2.318 hồ sơ, trong đó cấp huyện 1.064 hồ sơ, cấp xã 1.242 hồ sơ."),
        # ... a district's levels that add up, the headline's total restated beside them (no level's part)
        C("Lâm Thao: Quý I/2021 tiếp nhận 4.286 hồ sơ thủ tục hành chính\n\nTrong quý, Bộ phận Tiếp nhận và trả kết quả "
          "của huyện Lâm Thao và cấp xã đã tiếp nhận 4.286 hồ sơ, tăng 5% so với cùng kỳ năm 2020; trong đó cấp huyện "
          "1.154 hồ sơ, cấp xã 3.132 hồ sơ."),
        # ... a plan's tasks by field that add up to its goal
        C("Năm 2022, Sóc Trăng đề ra 64 nhiệm vụ cải cách hành chính\n\nKế hoạch cải cách hành chính năm 2022 của tỉnh Sóc Trăng đề ra 64 nhiệm vụ.\n\nNgười dân làm thủ "
          "tục.\n\nCác nhiệm vụ trong kế hoạch được phân theo lĩnh vực: cải cách thể chế 8 nhiệm vụ, cải cách TTHC "
          "15 nhiệm vụ, cải cách tổ chức bộ máy 9 nhiệm vụ, cải cách chế độ công vụ 10 nhiệm vụ, cải cách tài chính "
          "công 6 nhiệm vụ và xây dựng chính quyền điện tử 16 nhiệm vụ."),
        # ... the fields most of the measure comes from, below all of it (the others not named)
        C("6 tháng đầu năm 2026, tỉnh Lai Châu cắt giảm 28 thủ tục hành chính\n\n6 tháng đầu năm 2026, UBND tỉnh Lai Châu đã "
          "phê duyệt phương án cắt giảm, đơn giản hóa 28 thủ tục hành chính.\n\nNgười dân làm thủ tục.\n\nCác TTHC được "
          "đơn giản hóa tập trung ở lĩnh vực đất đai (12 thủ tục), tư pháp (8 thủ tục), nội vụ (2 thủ tục) và xây dựng "
          "(4 thủ tục)."),
        # ... a bound the parts meet
        C("Từ ngày 1/7 đến hết ngày 9/8/2025, TP Hà Nội đã tiếp nhận hơn 1,26 triệu hồ sơ.\n\nNgười dân làm thủ tục."
          "\n\nXét theo cấp giải quyết, các sở, ngành và Trung tâm Phục vụ hành chính công thành phố tiếp nhận 402.350 "
          "hồ sơ; các xã, phường tiếp nhận 862.650 hồ sơ."),
        # ... whose parts add up
        C("Quý III/2025, các xã, phường trên địa bàn TP Cần Thơ đã tiếp nhận 186.420 hồ sơ.\n\nNgười dân làm thủ tục."
          "\n\nXét theo cấp giải quyết, Trung tâm Phục vụ hành chính công thành phố tiếp nhận 42.505 hồ sơ; các xã, "
          "phường tiếp nhận 143.915 hồ sơ."),
        # ... nor against units counted further on, where an article may count several levels
        C("Tỉnh công bố Chỉ số CCHC năm 2023\n\nLead của bài.\n\nNội dung.\n\nNăm 2023, Chỉ số CCHC được xác định đối "
          "với 20 sở, 10 huyện và lần đầu mở rộng tới 207 xã.\n\nKết quả, có 52 xã đạt loại Tốt, 138 xã đạt loại Khá "
          "và 17 xã đạt loại Trung bình."),
        # ... not when they fit in it (fewer may be left ungraded)
        C("Nghệ An công bố kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10/2025 của 130 xã, phường\n\n"
          "Tháng 10/2025, tỉnh đạt 84,62 điểm.\n\nToàn tỉnh có 18 xã, phường đạt loại Tốt, 70 đơn vị đạt loại Khá và 38 "
          "đơn vị đạt loại Trung bình."),
        C("Năm 2025, tỉnh phê duyệt phương án đơn giản hóa 119 TTHC (gồm 48 TTHC được cắt giảm thành phần hồ sơ và 71 "
          "TTHC được đơn giản hóa quy trình)."),
        C("Năm 2021, BHXH đã cung cấp 18 dịch vụ công trên Cổng Dịch vụ công quốc gia, gồm 7 dịch vụ thuộc lĩnh vực thu, "
          "cấp sổ, thẻ; 8 dịch vụ thuộc lĩnh vực chế độ chính sách và 3 dịch vụ hỗ trợ người lao động."),
        # the same channels adding up
        C("Năm 2025, xã tiếp nhận 1.245.325 hồ sơ. Cụ thể, trong tổng số hồ sơ tiếp nhận, có 1.036.208 hồ sơ được nộp "
          "trực tuyến qua Cổng Dịch vụ công quốc gia và Hệ thống thông tin giải quyết TTHC của thành phố; 209.117 hồ sơ "
          "được nộp trực tiếp tại các điểm tiếp nhận."),
        C("Trong quý III/2025, đặc khu tiếp nhận 2.000 hồ sơ. Trong tổng số hồ sơ tiếp nhận, hồ sơ nộp trực tuyến chiếm "
          "71,4%, còn lại là hồ sơ nộp trực tiếp tại Trung tâm và các điểm tiếp nhận, chiếm 28,6%."),
        C("Năm 2023, có 52,4% người được hỏi rất hài lòng, 40,5% hài lòng và 7,1% không hài lòng."),
        C("Kết quả khảo sát sự hài lòng năm 2020 cho thấy 62,4% người được hỏi rất hài lòng, 30,8% hài lòng và 6,8% "
          "chưa hài lòng với cách phục vụ."),
        # "hài lòng" alone may count the very satisfied; a satisfaction rate is no answer class
        C("Năm 2024, tỷ lệ người dân hài lòng đạt 98,5%, rất hài lòng 60%."),
        C("Năm 2024, mức độ hài lòng đạt 95%, rất hài lòng 40%, không hài lòng 5%."),
        # parts after the total's change, in the next sentence, that add up
        C("Năm 2024, tổng số hồ sơ tiếp nhận là 21.346 hồ sơ, tăng 8,2% so với cùng kỳ năm 2023. Trong đó, hồ sơ nộp "
          "trực tuyến qua Cổng Dịch vụ công của tỉnh là 15.870 hồ sơ; hồ sơ nộp trực tiếp là 5.476 hồ sơ."),
        # the next class of the breakdown after ";", adding up
        C("Năm 2023, huyện đã giải quyết 3.268 hồ sơ, trong đó giải quyết trước và đúng hạn 3.241 hồ sơ; quá hạn 27 hồ sơ."),
        # the rest named without a number: the parts in brackets are not the whole
        C("Năm 2025, Trung tâm tiếp nhận 9.842 hồ sơ (đất đai 3.105 hồ sơ, hộ tịch 2.870 hồ sơ, đăng ký kinh doanh "
          "1.214 hồ sơ, còn lại là các lĩnh vực khác), tăng 18% so với cùng kỳ."),
        # after "trong đó", another measure's verb: what follows is no part of this total
        C("Năm 2023, huyện giải quyết 427 hồ sơ đất đai, trong đó tiếp nhận trực tuyến 5.000 hồ sơ và trực tiếp 2.985 hồ sơ."),
        # after ";", a measure of another partition is no part ("trực tuyến" is a channel)
        C("Năm 2023, huyện đã giải quyết 3.268 hồ sơ, trong đó trực tuyến 3.000 hồ sơ; quá hạn 27 hồ sơ."),
        C("Trung tâm tiếp nhận 3.050 hồ sơ, gồm 2.100 hồ sơ trực tuyến và 950 hồ sơ trực tiếp."),
        C("Năm 2024, các xã tiếp nhận 9.735 hồ sơ, gồm 6.215 hồ sơ tiếp nhận trực tiếp và 3.520 hồ sơ trực tuyến."),
        C("Năm 2024, ba đơn vị có nhiều hồ sơ nhất là thị trấn Liên Quan (2.418 hồ sơ), xã Hương Ngải (1.536 hồ sơ) "
          "và xã Cần Kiệm (1.702 hồ sơ), tổng cộng 5.656 hồ sơ."),
        C("Năm 2024, Trung tâm tiếp nhận 6.861 hồ sơ. Phân theo lĩnh vực: đất đai 3.215 hồ sơ, tư pháp - hộ tịch "
          "1.987 hồ sơ, các lĩnh vực khác 1.659 hồ sơ."),
        # ... not across a paragraph break, nor a total of another measure
        C("Năm 2024, Trung tâm tiếp nhận 9.000 hồ sơ.\n\nPhân theo lĩnh vực: đất đai 3.215 hồ sơ, tư pháp - hộ tịch "
          "1.987 hồ sơ, các lĩnh vực khác 1.659 hồ sơ."),
        C("Năm 2024, còn 4.737 hồ sơ đang giải quyết. Phân theo cơ quan, Sở Tư pháp tiếp nhận 3.215 hồ sơ, Sở Xây "
          "dựng 1.987 hồ sơ."),
        # another verb between the parts states a new measure: no breakdown
        C("Năm 2024, các xã tiếp nhận 9.870 hồ sơ, gồm 6.215 hồ sơ trực tiếp, giải quyết 3.520 hồ sơ trực tuyến."),
        C("Trong quý, trong tổng số 12.828 hồ sơ tiếp nhận có 7.905 hồ sơ nộp trực tuyến (chiếm 61,6%), "
          "4.688 hồ sơ nộp trực tiếp và 235 hồ sơ gửi qua dịch vụ bưu chính công ích."),
        # a base with parts of one channel only is no partition
        C("Trong quý, trong tổng số 12.846 hồ sơ tiếp nhận có 7.905 hồ sơ nộp trực tuyến và 4.000 hồ sơ đúng hạn."),
        # two of the three channels with the rest named without a number need not be the whole
        C("Trong quý III, phường tiếp nhận 3.846 hồ sơ, trong đó 1.205 hồ sơ nộp trực tiếp, 2.517 hồ sơ nộp trực "
          "tuyến, còn lại qua dịch vụ bưu chính."),
        C("Trong quý III, phường tiếp nhận 3.722 hồ sơ, trong đó 1.205 hồ sơ nộp trực tiếp, 2.517 hồ sơ nộp trực tuyến."),
        C("Từ đầu năm, phường tiếp nhận 4.250 hồ sơ, đã giải quyết xong 3.900 hồ sơ; 350 hồ sơ còn lại đang "
          "được xử lý."),
        C("Năm 2024, tỉnh tiếp nhận 20.000 hồ sơ, gồm: cấp tỉnh 5.000 hồ sơ, cấp huyện 3.000 hồ sơ, cấp xã "
          "12.000 hồ sơ."),
        C("Đã giải quyết 1.500 hồ sơ, trong đó: đúng hạn 1.450 hồ sơ, trễ hạn 50 hồ sơ; đang giải quyết 200 hồ sơ."),
        C("Trung tâm tiếp nhận 3.150 hồ sơ (trong đó 2.100 hồ sơ trực tuyến, 950 hồ sơ được số hóa)."),
        C("Trung tâm tiếp nhận 3.050 hồ sơ, gồm 2.100 hồ sơ trực tuyến và 950 hồ sơ trực tiếp, đã giải quyết "
          "3.000 hồ sơ."),  # the next measurement is no part
        C("Trung tâm tiếp nhận khoảng 3.100 hồ sơ, gồm 2.100 hồ sơ trực tuyến và 950 hồ sơ trực tiếp."),
        C("Tỷ lệ hồ sơ giải quyết trước hạn đạt 45%, đúng hạn 50%, quá hạn 5%."),
        C("Kết quả giải quyết: trước hạn 33,3%, đúng hạn 33,3%, quá hạn 33,3%."),  # rounding
        C("Tỷ lệ giải quyết đúng hạn đạt 99,5%, trong đó trước hạn 60%."),  # a share of a share
        C("Tỷ lệ hồ sơ trước hạn đạt 45%, tỷ lệ đúng hạn đạt 99%."),  # "đúng hạn" may include early
        C("Có 45% hồ sơ giải quyết trước hạn, 50% đúng hạn và 5% quá hạn."),
        C("Tỷ lệ hồ sơ trực tuyến cấp tỉnh đạt 90%, cấp huyện 80%, cấp xã 70%."),  # rates per level
        # rates of the service index's own metrics: "thanh toán trực tuyến" is a payment, no channel
        C("Tỷ lệ số hóa hồ sơ tại Bộ phận Một cửa huyện đạt 87,4%; tỷ lệ hồ sơ có thu phí được thanh toán trực "
          "tuyến đạt 64,2%."),
        # ... that add up, or that are not all of it
        C("Năm 2025, Công an tỉnh tiếp nhận 482.615 hồ sơ.\n\nTrong tổng số hồ sơ tiếp nhận, lĩnh vực cư trú có "
          "215.430 hồ sơ, lĩnh vực căn cước 168.920 hồ sơ, các lĩnh vực khác 98.265 hồ sơ."),
        C("Năm 2026, tỉnh tiếp nhận 512.460 hồ sơ.\n\nTrong tổng số hồ sơ tiếp nhận, có 338.215 hồ sơ nộp trực "
          "tuyến."),
        C("Năm 2024, Trung tâm tiếp nhận 86.412 hồ sơ.\n\nSố hồ sơ tiếp nhận tập trung ở một số lĩnh vực: tư pháp "
          "31.208 hồ sơ; kế hoạch và đầu tư 22.746 hồ sơ."),  # some fields, no rest: not all of it
        # levels are not every class: parts may fall short of the total
        # levels that do not name every level may leave some out; all three add up here
        C("UBND tỉnh đã công bố 1.920 TTHC, trong đó 1.105 TTHC cấp tỉnh và 512 TTHC cấp huyện."),
        C("UBND tỉnh đã công bố 1.835 TTHC, trong đó 1.105 TTHC cấp tỉnh, 512 TTHC cấp huyện và 218 TTHC cấp xã."),
        C("Năm 2025, tỉnh công bố 2.131 TTHC, trong đó 1.586 TTHC cấp tỉnh, 504 TTHC cấp xã và 41 TTHC thực hiện tại "
          "cơ quan ngành dọc."),
        # grades and bands that add up to the units graded, or name only some of the grades
        C("Năm 2019, tỉnh đánh giá Chỉ số CCHC của 21 sở, ban, ngành; kết quả có 6 đơn vị đạt loại tốt, 11 đơn vị "
          "loại khá và 4 đơn vị loại trung bình."),
        C("Năm 2019, tỉnh đánh giá Chỉ số CCHC của 25 sở, ban, ngành; kết quả có 6 đơn vị đạt loại tốt, 11 đơn vị "
          "loại khá."),
        C("Tháng 3/2026 có 38/93 xã, phường đạt trên 90 điểm; 51 đơn vị đạt từ 80 đến dưới 90 điểm; 4 đơn vị dưới "
          "80 điểm."),
        C("Tháng 3/2026 có 38/95 xã, phường đạt trên 90 điểm; 51 đơn vị đạt từ 80 đến dưới 90 điểm."),
        # a breakdown by unit ending in the rest, adding up
        C("Trong tháng, 16 xã, thị trấn tiếp nhận tổng cộng 2.016 hồ sơ. Trong đó, thị trấn Đức Phong tiếp nhận "
          "nhiều nhất với 486 hồ sơ; xã Minh Hưng 312 hồ sơ; xã Đức Liễu 275 hồ sơ; các xã còn lại 943 hồ sơ."),
        # a rate the units counted in its sentence reach is theirs, not the total's
        C("Năm 2025, toàn huyện tiếp nhận 2.874 hồ sơ, trong đó 2.621 hồ sơ nộp trực tuyến. Có bốn đơn vị đạt tỷ lệ hồ "
          "sơ trực tuyến 100% là xã A Mú Sung, xã Y Tý, xã Trịnh Tường và xã Dền Sáng."),
        C("Năm 2025, phường tiếp nhận 8.724 hồ sơ. Trong tổng số hồ sơ tiếp nhận, các lĩnh vực hộ tịch, chứng thực và "
          "đất đai lần lượt có 3.915, 2.870 và 1.204 hồ sơ; các lĩnh vực còn lại có 735 hồ sơ."),
        # a part after "trong đó" restated by its right share
        C("Năm 2025, tỉnh thu về 2.400 phiếu; trong đó 2.196 phiếu đánh giá hài lòng, đạt tỷ lệ 91,5%."),
        C("Toàn tỉnh đã giải quyết 118.000 hồ sơ, trong đó trước hạn 60.000 hồ sơ, đúng hạn 55.000 hồ sơ, "
          "quá hạn 3.000 hồ sơ."),
        # "trong đó" without every class named: the parts need not make up the whole
        C("Toàn tỉnh đã giải quyết 118.000 hồ sơ, trong đó trước hạn 60.000 hồ sơ, quá hạn 3.000 hồ sơ."),
        C("Sở tiếp nhận 3.150 hồ sơ, trong đó 2.100 hồ sơ trực tuyến, 2.900 hồ sơ giải quyết đúng hạn."),
        C("Trong quý, Trung tâm tiếp nhận 8.440 hồ sơ, gồm: tiếp nhận trực tiếp 2.310 hồ sơ; trực tuyến 5.980 "
          "hồ sơ; qua dịch vụ bưu chính công ích 150 hồ sơ."),
        # after ";" a new measurement is no item of the list
        C("Trong quý, Trung tâm tiếp nhận 8.290 hồ sơ, gồm: trực tiếp 2.310 hồ sơ, trực tuyến 5.980 hồ sơ; "
          "125 hồ sơ quá hạn."),
        C("Năm 2024, Trung tâm tiếp nhận 9.630 hồ sơ của 21 sở, ngành, gồm: 6.100 hồ sơ trực tuyến, 3.420 hồ sơ "
          "trực tiếp và 110 hồ sơ qua bưu chính."),
        C("Bộ phận một cửa tiếp nhận 2.360 hồ sơ, trong đó lĩnh vực đất đai 910 hồ sơ, hộ tịch 655 hồ sơ, "
          "các lĩnh vực khác 795 hồ sơ."),
        # parts far from the count before "Trong đó" break down another one
        C("Phường tiếp nhận 21.300 hồ sơ, bình quân khoảng 200 hồ sơ mỗi ngày. Trong đó, lĩnh vực hộ tịch 7.900 "
          "hồ sơ, chứng thực 9.000 hồ sơ, các lĩnh vực khác 4.400 hồ sơ."),
        # without the rest named, fields need not be the whole
        C("Bộ phận một cửa tiếp nhận 2.380 hồ sơ, trong đó lĩnh vực đất đai 910 hồ sơ, hộ tịch 655 hồ sơ."),
    ],
    "part_exceeds_total": [
        C("Tính đến ngày 30/6/2023, tỉnh Bạc Liêu có 1.734 thủ tục hành chính thuộc thẩm quyền giải quyết của 3 cấp "
          "chính quyền.\n\nTheo Sở Thông tin và Truyền thông, trong tổng số TTHC nêu trên, tỉnh đã cung cấp 1.302 TTHC "
          "dưới hình thức dịch vụ công trực tuyến."),
        C("Quý III/2025, Trung tâm Phục vụ hành chính công xã Tân Thanh đã tiếp nhận 3.412 hồ sơ thủ tục hành chính."
          "\n\nNgười dân làm thủ tục.\n\nXét theo lĩnh vực, hồ sơ chứng thực chiếm nhiều nhất với 1.560 hồ sơ; tiếp "
          "đến là hộ tịch và đất đai."),
        # ... the count before it one unit's among others compared, no whole
        C("Năm 2026, tỉnh Phú Thọ tiếp nhận 612.400 hồ sơ; tỉnh Lai Châu tiếp nhận ít nhất với 98.750 hồ sơ.\n\n"
          "Người dân làm thủ tục.\n\nXét theo lĩnh vực, hồ sơ hộ tịch và chứng thực có nhiều nhất với 1,02 triệu hồ "
          "sơ; tiếp đến là đất đai."),
        # ... a part no more than what a total rounded to a scale word may stand for
        C("Năm 2024, tỉnh Vĩnh Long tiếp nhận 1,1 triệu hồ sơ. Trong đó, lĩnh vực đất đai có 1.140.000 hồ sơ."),
        C("Trong quý I/2024, tỉnh Ninh Bình có 1.260 hồ sơ quá hạn, chiếm 0,6% số hồ sơ đã giải quyết.\n\nĐáng chú ý, riêng "
          "khối xã, phường có 1.040 hồ sơ quá hạn, chủ yếu thuộc lĩnh vực đất đai."),
        # ... stated with its share of the whole, it is of the whole its share names (another than the month's)
        C("Tháng 3/2024, tỉnh tiếp nhận 73.410 hồ sơ.\n\nRiêng các xã, phường tiếp nhận 121.505 hồ sơ, chiếm 56,3% tổng số "
          "hồ sơ toàn tỉnh."),
        C("Quý I/2026, phường Mỹ Tho tiếp nhận nhiều hồ sơ. Trong tổng số 2.318 hồ sơ tiếp nhận, hồ sơ nộp trực tuyến là "
          "2.181 hồ sơ."),
        C("6 tháng đầu năm 2020, Trung tâm Phục vụ hành chính công tỉnh Vĩnh Phúc tiếp nhận gần 12,5 nghìn hồ sơ.\n\n"
          "Trong tổng số hồ sơ tiếp nhận nêu trên, có 12.404 hồ sơ được nộp qua Cổng dịch vụ công trực tuyến của tỉnh."),
        C("Năm 2022, các sở, ngành của tỉnh Đắk Nông tiếp nhận 48.315 hồ sơ, giải quyết 46.870 hồ sơ.\n\nTỉnh đã công "
          "bố 1.782 thủ tục.\n\nTrong số hồ sơ đã giải quyết ở cấp tỉnh, 46.210 hồ sơ được trả kết quả trước và đúng hạn."),
        # ... within the largest of them, or the total named with its own number
        C("Hiện nay, Bộ TTHC áp dụng trên địa bàn tỉnh Bạc Liêu gồm 1.965 thủ tục.\n\nĐến nay, tỉnh Bạc Liêu đã cung "
          "cấp 1.902 TTHC trực tuyến mức độ 3, 4 trong tổng số TTHC của tỉnh."),
        C("Hiện nay, Bộ TTHC áp dụng trên địa bàn tỉnh Bạc Liêu gồm 1.765 thủ tục.\n\nĐến nay, tỉnh Bạc Liêu đã cung "
          "cấp 1.902 TTHC trực tuyến trong tổng số 2.100 TTHC."),
        # a field's overdue dossiers within the overdue total
        C("Quý I/2026, tỉnh Phú Thọ tiếp nhận 256.840 hồ sơ, trong đó còn 3.218 hồ sơ quá hạn.\n\nHồ sơ quá hạn tập "
          "trung ở lĩnh vực đất đai; riêng lĩnh vực này có 2.460 hồ sơ quá hạn."),
        # a field's dossiers within the total received just before it
        C("Quý III/2022, huyện tiếp nhận 1.240 hồ sơ, trong đó 1.012 hồ sơ trực tuyến. Lĩnh vực đất đai chiếm nhiều nhất "
          "với 615 hồ sơ, tiếp đến là lĩnh vực hộ tịch."),
        # ... in another period: no part of it
        C("Quý III/2022, huyện tiếp nhận 1.240 hồ sơ. Lĩnh vực đất đai năm 2022 có 1.315 hồ sơ."),
        C("Kỳ trước chuyển sang 120 hồ sơ, tiếp nhận mới 1.000 hồ sơ; đã giải quyết 1.080 hồ sơ."),
        C("Xã tiếp nhận 1.200 hồ sơ, trong đó 1.150 hồ sơ được giải quyết đúng hạn."),
        C("Sở tiếp nhận 500 hồ sơ lĩnh vực đất đai; toàn tỉnh đã giải quyết 1.200 hồ sơ."),  # a field's total
        # a field's dossiers within the whole, or of another quarter than the whole's
        C("Quý III/2024, trung tâm tiếp nhận 4.870 hồ sơ.\n\nRiêng lĩnh vực đất đai, trong quý, trung tâm đã tiếp "
          "nhận 2.210 hồ sơ."),
        C("Quý II/2024, trung tâm tiếp nhận 4.870 hồ sơ. Quý III/2024, trung tâm tiếp nhận 5.020 hồ sơ.\n\n"
          "Riêng lĩnh vực đất đai, trong quý, trung tâm đã tiếp nhận 4.910 hồ sơ."),
        C("Năm 2020, bộ phận một cửa huyện tiếp nhận 38.452 hồ sơ.\n\nCả năm 2020, bộ phận một cửa huyện đã tiếp "
          "nhận 41.260 hồ sơ trực tuyến và trực tiếp."),
        C("Từ ngày 1/7 đến ngày 31/10/2024, Trung tâm tiếp nhận 5.214 hồ sơ.\n\nNgười dân được hỗ trợ tận tình.\n\n"
          "Nhờ đó, số hồ sơ nộp trực tuyến từ đầu tháng 7 đến hết tháng 9 đạt 5.381 hồ sơ."),
        C("Huyện đã giải quyết 5.120/5.320 hồ sơ."),
    ],
    "count_list_mismatch": [
        C("Toàn tỉnh có 4 xã, phường duy trì tỷ lệ 100% hồ sơ giải quyết đúng hạn trong suốt 6 tháng đầu năm 2026 "
          "và được Chủ tịch UBND tỉnh tặng bằng khen, gồm: phường Thủ Dầu Một, phường Phú Lợi, xã Bàu Bàng và xã Trừ Văn Thố."),
        C("Năm 2024, toàn tỉnh còn 4.224 hồ sơ quá hạn. Ba xã để xảy ra nhiều hồ sơ quá hạn nhất gồm:\n- Xã Tương "
          "Dương: 164 hồ sơ;\n- Xã Quỳ Hợp: 131 hồ sơ;\n- Xã Con Cuông: 97 hồ sơ."),
        # ... items naming several units each are no count of them
        C("Năm 2024, bốn xã có tỷ lệ trực tuyến thấp gồm:\n- Xã Tương Dương, xã Quỳ Hợp: dưới 40%;\n"
          "- Xã Con Cuông: 45%."),
        C("Năm 2021, có 4 đơn vị xếp loại tốt gồm: thị trấn Hát Lót, các xã Cò Nòi, Chiềng Mung, Mường Bon."),
        C("Năm 2024, toàn huyện có 6 xã, thị trấn đạt tỷ lệ số hóa 100%, gồm: thị trấn Chư Sê và các xã Ia Tiêm, Bar "
          "Măih, Ia Blang, Dun, Ia Pal."),
        C("Trong quý I/2026, có 3 xã, phường không có hồ sơ quá hạn, gồm phường Cam Ranh, xã Diên Khánh và xã Cam Lâm."),
        C("Tháng 10/2025, có 5 đơn vị đạt từ 90 điểm trở lên, gồm: phường Minh Xuân, phường Hà Giang 1, xã Hàm Yên, "
          "xã Chiêm Hóa và xã Bắc Quang."),
        C("Năm 2020, thị xã chọn 2 xã làm điểm mô hình một cửa hiện đại, gồm xã Tả Van và Bản Hồ."),
        C("Ba đơn vị dẫn đầu gồm phường Phan Thiết, phường Bắc Gia Nghĩa và xã Đức Trọng, với số điểm lần lượt là "
          "93,15; 92,80 và 91,64 điểm."),
        # the names after "thấp nhất là", or after the count's clause ended, are some of them
        C("Năm 2025, 22 đơn vị còn dưới 80 điểm; thấp nhất là xã Lai Hòa, xã Vĩnh Hải và xã Cù Lao Dung."),

        # a name holding a verb ("Đạt") does not end the list
        C("Năm 2023, huyện có 2 xã đạt chuẩn gồm Hoằng Đạt và Hoằng Thịnh."),
        C("Năm 2023, Long An tăng điểm ở 5 chỉ số là Chi phí gia nhập thị trường, Tiếp cận đất đai, Chi phí thời "
          "gian, Đào tạo lao động và Thiết chế pháp lý."),
        # names after a unit's type are units of it, counted one by one
        C("Năm 2018, thành phố chọn 4 xã, phường làm điểm gồm phường Phú Lâm, Phú Đông, Phú Thạnh và xã Bình Kiến."),
        C("Năm 2024, một số đơn vị thực hiện tốt là thị trấn Hưng Hà, xã Tân Lễ và Canh Tân, với tỷ lệ hồ sơ trực "
          "tuyến lần lượt đạt 99,2%, 98,7% và 98,5%."),
        # ... and the values "lần lượt" pairs are those of the names right before it, not of a list before a ";"
        C("Năm 2025, có bốn đơn vị đạt 100% là xã Y Tý, A Mú Sung, Trịnh Tường và thị trấn Bát Xát; các xã Quang "
          "Kim, Bản Qua, Mường Hum lần lượt đạt 98,2%, 97,5% và 96,9%."),
        C("Toàn huyện có 5 xã đạt chuẩn là xã An Bình, xã Tân Lập, xã Hòa Phú, xã Minh Đức và xã Phú Lộc."),
        C("Năm 2025, có 4 địa phương đạt trên 90 điểm gồm Quảng Ninh, Hà Nội, Đà Nẵng và Đồng Nai."),
        C("Năm 2026, xã đề xuất cắt giảm thời gian giải quyết đối với 4 TTHC, gồm: cấp giấy phép xây dựng nhà ở "
          "riêng lẻ; đăng ký biến động quyền sử dụng đất; cấp giấy chứng nhận an toàn thực phẩm; đăng ký thành lập "
          "hộ kinh doanh."),
        # "và" before a capitalised word: two last items, or one name
        C("Năm 2024, tỉnh có 5 chỉ số nằm ở nhóm cao nhất, gồm: Tham gia của người dân ở cấp cơ sở; Công khai, minh "
          "bạch; Thủ tục hành chính công; Cung ứng dịch vụ công và Quản trị điện tử."),
        C("Năm 2024, nhóm thứ nhất gồm 4 bộ, cơ quan ngang bộ: Ngân hàng Nhà nước Việt Nam; Bộ Tài chính; Bộ Khoa học "
          "và Công nghệ; Bộ Kế hoạch và Đầu tư."),
        C("Năm 2025, có 4 tỉnh đạt trên 90 điểm gồm tỉnh Quảng Ninh (93,46 điểm), tỉnh Lào Cai (92,18 điểm), tỉnh "
          "Hà Giang (91,55 điểm) và tỉnh Đồng Nai (90,62 điểm)."),
        # ... a list that runs on into a count of its own is no list of names
        C("Năm 2025, có 3 đơn vị đạt chuẩn gồm thành phố Hà Tĩnh (95 điểm), thị xã Kỳ Anh và 7 huyện."),
        C("Ở cấp huyện, 4 huyện có tỷ lệ hồ sơ trực tuyến trên 90% gồm: Đức Hòa, Bến Lức, Cần Giuộc và Châu Thành."),
        # the list names the parts of a breakdown together
        C("Khảo sát tại 5 địa phương, trong đó có 2 thành phố và 3 tỉnh gồm: Hà Nội, Quảng Ninh, Lai Châu, Đà Nẵng, "
          "Cà Mau."),
        C("Có 2 bộ đạt điểm cao nhất là Bộ Khoa học và Công nghệ, Bộ Tư pháp."),
        C("Toàn huyện có 5 xã đạt chuẩn, gồm các xã: An Bình, Tân Lập, Hòa Phú, Minh Đức và Phú Lộc."),
        C("Toàn huyện có 3 xã đạt chuẩn, gồm các xã thuộc vùng Đồng Tháp Mười."),  # no list of names
        # after a comma, "là" names some of them, not the list
        C("Trung tâm sẽ thí điểm ki-ốt tại 5 xã vùng cao, tiên phong là xã Bản Hồ và xã Tả Van."),
        C("Tỉnh có 9 huyện, thị xã, thành phố gồm thành phố Tân An, thị xã Kiến Tường và 7 huyện."),
        C("Các đơn vị dẫn đầu gồm Sở Tư pháp, Sở Y tế và Sở Nội vụ, với tỷ lệ hồ sơ đúng hạn lần lượt là "
          "99,2%; 98,5% và 97,1%."),
    ],
    "conflicting_values": [
        # a later rate that rounds the lead's, a level's rate, another period's
        C("Bà Rịa - Vũng Tàu: kết quả cải cách hành chính 9 tháng\n\n9 tháng đầu năm 2020, các cơ quan, đơn vị trên địa bàn tỉnh Bà Rịa - Vũng Tàu tiếp nhận 265.430 hồ sơ; tỷ lệ "
          "hồ sơ giải quyết đúng hạn đạt 98,6%.\n\nNgười dân làm thủ tục.\n\nTheo Giám đốc Sở Nội vụ, trong 9 tháng đầu "
          "năm 2020, 98,64% hồ sơ được giải quyết đúng hạn."),
        C("Bà Rịa - Vũng Tàu: kết quả cải cách hành chính 9 tháng\n\n9 tháng đầu năm 2020, các cơ quan, đơn vị trên địa bàn tỉnh Bà Rịa - Vũng Tàu tiếp nhận 265.430 hồ sơ; tỷ lệ "
          "hồ sơ giải quyết đúng hạn đạt 98,6%.\n\nNgười dân làm thủ tục.\n\nRiêng cấp xã, trong 9 tháng đầu năm 2020, "
          "96,8% hồ sơ được giải quyết đúng hạn."),
        C("Bà Rịa - Vũng Tàu: kết quả cải cách hành chính 9 tháng\n\n9 tháng đầu năm 2020, các cơ quan, đơn vị trên địa bàn tỉnh Bà Rịa - Vũng Tàu tiếp nhận 265.430 hồ sơ; tỷ lệ "
          "hồ sơ giải quyết đúng hạn đạt 98,6%.\n\nNgười dân làm thủ tục.\n\nTrong quý III/2020, 96,8% hồ sơ được "
          "giải quyết đúng hạn."),
        # a rounded count the exact whole bears out; an exact count not named as the whole (a channel's, a body's)
        C("Năm 2024, các cơ quan, đơn vị trên địa bàn tỉnh Vĩnh Long tiếp nhận hơn 1,1 triệu hồ sơ.\n\nTheo báo cáo, "
          "tổng số hồ sơ tiếp nhận trong năm 2024 là 1.106.450 hồ sơ."),
        C("Năm 2024, các cơ quan, đơn vị trên địa bàn tỉnh Vĩnh Long tiếp nhận hơn 1,1 triệu hồ sơ.\n\nTrong tổng số "
          "hồ sơ tiếp nhận năm 2024, tỉnh Vĩnh Long có 209.117 hồ sơ được nộp trực tiếp."),
        # a count rounded to a scale word that the exact whole rounds to, named or restated plainly
        C("Năm 2024, tỉnh Vĩnh Long đã giải quyết 1,87 triệu hồ sơ.\n\nTheo báo cáo, năm 2024 toàn tỉnh đã "
          "giải quyết 1.873.240 hồ sơ."),
        C("Năm 2024, tỉnh Vĩnh Long tiếp nhận 1,9 triệu hồ sơ. Trong năm 2024, tỉnh Vĩnh Long đã tiếp nhận "
          "1.893.516 hồ sơ."),
        C("Năm 2024, tỉnh Vĩnh Long tiếp nhận 1,2 triệu hồ sơ trực tuyến.\n\nTheo báo cáo, số hồ sơ được tiếp nhận "
          "trực tuyến trong năm 2024 là 1.245.310 hồ sơ, chiếm 44,7% tổng số hồ sơ."),
        # ... the count given is a part's ("số hồ sơ của cấp xã"), or of another year
        C("Năm 2024, tỉnh Vĩnh Long tiếp nhận 2 triệu hồ sơ.\n\nTheo báo cáo, số hồ sơ của cấp xã được tiếp nhận "
          "trong năm 2024 là 986.450 hồ sơ."),
        C("Năm 2024, tỉnh Vĩnh Long tiếp nhận 2 triệu hồ sơ.\n\nTheo báo cáo, số hồ sơ được tiếp nhận trong "
          "năm 2023 là 986.450 hồ sơ."),
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Trong năm 2024, huyện Tân Hồng đã tiếp nhận "
          "2.500 hồ sơ."),
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Năm 2023, huyện Tân Hồng tiếp nhận 2.800 hồ sơ."),
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ, tăng 300 hồ sơ so với năm 2023."),
        # a part: a field, a body, a channel, a level
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Riêng lĩnh vực đất đai, năm 2024 huyện Tân Hồng "
          "tiếp nhận 800 hồ sơ."),
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Năm 2024, Bộ phận một cửa huyện Tân Hồng tiếp nhận "
          "1.800 hồ sơ."),
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Năm 2024, huyện Tân Hồng tiếp nhận 1.800 hồ sơ "
          "qua dịch vụ bưu chính công ích."),
        C("Năm 2024, huyện Tân Hồng giải quyết 2.500 hồ sơ đúng hạn. Năm 2024, huyện Tân Hồng giải quyết "
          "1.800 hồ sơ đúng hạn theo quy trình rút gọn."),
        # a running total, a national average, a threshold band: other quantities
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Lũy kế năm 2024, huyện Tân Hồng tiếp nhận 2.800 hồ sơ."),
        C("Năm 2024, huyện Tân Hồng tiếp nhận 2.500 hồ sơ. Năm 2024, bình quân mỗi huyện tiếp nhận 2.800 hồ sơ."),
        C("Năm 2024, huyện Tân Hồng có 5 xã giải quyết hồ sơ đúng hạn trên 95%. Năm 2024, huyện Tân Hồng có "
          "3 xã giải quyết hồ sơ đúng hạn dưới 95%."),
        # the rate of the places a sentence counts is theirs, not the whole's
        C("Năm 2024, huyện Tân Hồng có tỷ lệ giải quyết đúng hạn đạt 97,6%. Năm 2024, huyện Tân Hồng có 12 xã được "
          "khen thưởng vì có tỷ lệ giải quyết đúng hạn 100%."),
        # a rise and a fall that the values bear out; a rank's place moves the other way
        C("Năm 2024, tỷ lệ hồ sơ trực tuyến tăng từ 70% năm 2023 lên 75% năm 2024."),
        C("Năm 2024, tỷ lệ hồ sơ trễ hạn giảm từ 2,5% xuống còn 1,2%."),
        C("Năm 2022, thứ hạng PCI của tỉnh giảm 4 bậc, từ vị trí 25 xuống vị trí 29."),
        # the whole named later, but of another measure, or too far off to be the lead's restated
        C("Đẩy mạnh cải cách hành chính\n\nQuý III/2026, xã Cam Lâm tiếp nhận 3.528 hồ sơ thủ tục hành chính.\n\nCác thủ tục về hộ tịch chiếm "
          "phần lớn.\n\nTheo UBND xã, trong tổng số 3.490 hồ sơ đã giải quyết trong quý III/2026, có 3.402 hồ sơ "
          "đúng hạn."),
        C("Đẩy mạnh cải cách hành chính\n\nQuý III/2026, xã Cam Lâm tiếp nhận 3.528 hồ sơ thủ tục hành chính.\n\nCác thủ tục về hộ tịch chiếm "
          "phần lớn.\n\nTheo UBND xã, trong tổng số 4.120 hồ sơ đã tiếp nhận trong quý III/2026, có 2.905 hồ sơ nộp "
          "trực tuyến."),
        # a ranking's component, group, region, band or another edition: not the unit's place or score again
        C("SIPAS năm 2024 của tỉnh Long An đạt 85,12%, xếp thứ 9/63.\n\nCụ thể, mức độ hài lòng về tiếp cận dịch "
          "vụ đạt 86,3%; về thủ tục hành chính đạt 85,9%."),
        C("Chỉ số cải cách hành chính năm 2025 của tỉnh Gia Lai xếp thứ 12/34.\n\nNăm 2025, tỉnh nằm trong nhóm 15 "
          "địa phương dẫn đầu về Chỉ số cải cách hành chính."),
        C("Chỉ số cải cách hành chính năm 2025 của tỉnh Gia Lai xếp thứ 4/34.\n\nNăm 2025, Gia Lai xếp thứ 2 khu "
          "vực Tây Nguyên về Chỉ số cải cách hành chính."),
        C("Chỉ số cải cách hành chính năm 2024 của Sở Tư pháp tỉnh Gia Lai đạt 78,5 điểm.\n\nNăm 2024, Chỉ số cải "
          "cách hành chính của 12 sở đạt từ 80 đến dưới 90 điểm."),
        C("Chỉ số cải cách hành chính năm 2025 của tỉnh Gia Lai xếp thứ 12/34.\n\nNăm 2024, Chỉ số cải cách hành "
          "chính của tỉnh Gia Lai xếp thứ 14/63."),
        C("Năm 2020, Chỉ số PAPI của tỉnh Bình Định đạt 44,18 điểm.\n\nChỉ số Thủ tục hành chính công của tỉnh "
          "năm 2020 đạt 7,48 điểm; Cung ứng dịch vụ công đạt 7,62 điểm."),
        C("Chỉ số chuyển đổi số (DTI) năm 2025 của tỉnh Gia Lai đạt 0,6812 điểm.\n\nNăm 2025, trụ cột chính quyền "
          "số của tỉnh đạt 0,6647 điểm."),
        C("Số hồ sơ trễ hạn giảm mạnh: năm 2024 toàn tỉnh có 1.426 hồ sơ trễ hạn thì năm 2025 giảm xuống còn 1.284 "
          "hồ sơ."),
    ],
    "value_out_of_range": [
        C("Số hồ sơ trực tuyến năm nay tăng 120% so với năm trước."),
        C("Tỷ lệ hồ sơ trực tuyến đạt 105% kế hoạch năm."),
        C("Tỷ lệ giải quyết hồ sơ đạt 104% do giải quyết cả hồ sơ tồn."),  # resolved with a backlog
        C("Tỉnh xếp thứ 34/34 về chỉ số cải cách hành chính."),
    ],
}


@pytest.mark.parametrize("case", grouped_cases(FIRES))
def test_inconsistency_is_found(case):
    found, checks = checks_of(case.text)
    assert found == case.expected
    linked = " (this links figures across sentences)."
    assert all(c["message"].endswith(linked) == case.linked for c in checks)


@pytest.mark.parametrize("case", grouped_cases(NEAR_MISSES))
def test_consistent_near_miss_raises_nothing(case):
    assert checks_of(case.text)[0] == []


def test_every_kind_has_cases_both_ways():
    from pipeline.checks import CHECKS
    assert set(FIRES) == set(NEAR_MISSES) == set(CHECKS)
