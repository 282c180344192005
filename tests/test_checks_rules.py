"""The parts of the checks package below the kinds: the tolerance rule, the messages in both
languages, and every entry of the two check lexicons (check_partitions.yml, list_heads.yml)."""
import math

import pytest

from pipeline.checks import run_checks
from pipeline.checks.messages import number, render
from pipeline.checks.tolerance import agrees, figure_range, share_range
from pipeline.resources import load_yaml


def fig(i, surface, value, kind="count", approx="exact", noun="hồ sơ", aspect="other"):
    return {"id": f"f{i}", "surface": surface, "value": value, "denominator": None, "kind": kind,
            "aspect": aspect, "object": "dossier", "approx": approx, "noun": noun, "change": False,
            "subject": {"unit": None, "aggregate": None, "text": None}, "period": None}


def place(text, *figs):
    pos = 0
    for f in figs:
        s = text.index(f["surface"], pos)
        f["span"], f["sentence"] = [s, s + len(f["surface"])], [0, len(text)]
        pos = s + len(f["surface"])
    return list(figs)


# --------------------------------------------------------------------------- tolerance

@pytest.mark.parametrize("surface,value,computed,ok", [
    ("91,16%", 91.16, 91.67, False),
    ("91,67%", 91.67, 91.6667, True),   # rounded
    ("91,6%", 91.6, 91.6667, True),     # truncated
    ("92%", 92, 91.6667, True),          # rounded up
    ("91%", 91, 91.6667, True),          # truncated
    ("90%", 90, 91.6667, False),
    ("93%", 93, 91.6667, False),
    ("82,01%", 82.01, 82.004, True),    # ceiling
    ("82,01%", 82.01, 81.999, False),
    ("93%", 93, 92.0, False),             # 92.0 rounds up to 92, not 93
    ("92%", 92, 90.99, False),
])
def test_a_stated_percentage_agrees_when_rounded_or_truncated(surface, value, computed, ok):
    assert agrees((computed, computed), fig(1, surface, value, "percent")) is ok


@pytest.mark.parametrize("approx,expected", [
    ("exact", (9031, 9031)), ("over", (9031, math.inf)), ("at_least", (9031, math.inf)),
    ("under", (-math.inf, 9031)), ("at_most", (-math.inf, 9031)),
])
def test_a_qualifier_makes_a_bound(approx, expected):
    assert figure_range(fig(1, "9.031", 9031, approx=approx)) == expected


def test_about_allows_a_tenth_either_side():
    lo, hi = figure_range(fig(1, "3.000", 3000, approx="about"))
    assert lo == pytest.approx(2700) and hi == pytest.approx(3300)


@pytest.mark.parametrize("surface, value, expected", [
    ("1,87 triệu", 1_870_000, (1_860_000, 1_880_000)),  # one unit of the last digit before the scale word
    ("2 triệu", 2_000_000, (1_000_000, 3_000_000)),
    ("6 triệu 325 nghìn", 6_325_000, (6_324_000, 6_326_000)),  # the last group's scale
    ("1,2 tỷ", 1_200_000_000, (1_100_000_000, 1_300_000_000)),
    ("3,5 ngàn", 3_500, (3_400, 3_600)),
    ("1.245.310", 1_245_310, (1_245_310, 1_245_310)),  # exact digits stand for themselves
])
def test_a_count_in_a_scale_word_is_rounded_to_its_last_digit(surface, value, expected):
    lo, hi = figure_range(fig(1, surface, value))
    assert lo == pytest.approx(expected[0], rel=1e-6) and hi == pytest.approx(expected[1], rel=1e-6)


@pytest.mark.parametrize("part, total, above", [
    (fig(1, "1.140.000", 1_140_000), fig(2, "1,1 triệu", 1_100_000), False),  # the total may be up to 1,2 million
    (fig(1, "1.240.000", 1_240_000), fig(2, "1,1 triệu", 1_100_000), True),
    (fig(1, "1.201", 1201), fig(2, "1.200", 1200), True),  # digits are exact
    (fig(1, "1.500", 1500), fig(2, "1.200", 1200, approx="over"), False),  # "hơn 1.200": no upper end
    (fig(1, "1.500", 1500), fig(2, "1.200", 1200, approx="under"), True),
])
def test_a_part_exceeds_its_total_only_beyond_the_totals_range(part, total, above):
    from pipeline.checks.tolerance import exceeds

    assert exceeds(part, total) is above


def test_a_share_of_a_lower_bound_total_is_an_upper_bound():
    lo, hi = share_range((9031, 9031), figure_range(fig(1, "10.000", 10000, approx="over")))
    assert lo == 0 and hi == pytest.approx(90.31)


# --------------------------------------------------------------------------- messages

def test_numbers_follow_the_readers_convention():
    assert number(91.6667, "vi") == "91,67" and number(91.6667, "en") == "91.67"
    assert number(3050, "vi") == "3.050" and number(3050, "en") == "3,050"
    assert number(85.0, "vi") == "85"


def test_messages_in_both_languages():
    params = dict(ratio="22/24", computed=91.6667, stated="91,16%")
    assert render("ratio_percent_mismatch", "vi", **params) == "22/24 là 91,67 %, nhưng bài viết ghi 91,16%."
    assert render("ratio_percent_mismatch", "en", **params) == "22/24 is 91.67 %, but the article states 91,16%."
    assert render("ratio_percent_mismatch", "en", linked=True, **params).endswith(
        "91,16% (this links figures across sentences).")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        render("ratio_percent_mismatch", "fr", ratio="1/2", computed=50, stated="40%")


def test_run_checks_writes_messages_in_the_language_asked():
    text = "hoàn thành 22/24 nhiệm vụ (đạt 91,16%)"
    figs = place(text, dict(fig(1, "22/24", 22, "ratio"), denominator=24, object="task"),
                 dict(fig(2, "91,16%", 91.16, "percent"), object="task"))
    assert run_checks(figs, text, lang="vi")[0]["message"] == "22/24 là 91,67 %, nhưng bài viết ghi 91,16%."


# --------------------------------------------------------------------------- lexicons

PARTITIONS = load_yaml("check_partitions.yml")


def _phrase_cases():
    for name, spec in PARTITIONS.items():
        if spec.get("whole"):
            continue  # a name of the whole (test_every_whole_phrase_names_no_class)
        classes = list(spec["classes"])
        for cls, phrases in spec["classes"].items():
            for phrase in phrases:
                # beside the last class (the first, for the last): "trước hạn" beside "đúng hạn"
                # alone is ambiguous ("đúng hạn" often includes the early ones)
                other = classes[-1] if cls != classes[-1] else classes[0]
                yield pytest.param(name, cls, phrase, spec["classes"][other][0], id=f"{name}-{phrase}")


@pytest.mark.parametrize("partition,cls,phrase,other", list(_phrase_cases()))
def test_every_partition_phrase_names_a_share_of_one_whole(partition, cls, phrase, other):
    """Two shares named by two classes of one partition cannot add up to more than 100 %
    (except for a partition of counts only, whose percentages are rates of each class)."""
    text = f"Tỷ lệ hồ sơ {phrase} đạt 70%, {other} đạt 40%."
    figs = place(text, fig(1, "70%", 70, "percent"), fig(2, "40%", 40, "percent"))
    shares = PARTITIONS[partition].get("shares", True)
    assert [c["kind"] for c in run_checks(figs, text)] == (["sum_mismatch"] if shares else [])
    consistent = text.replace("40%", "30%")
    figs = place(consistent, fig(1, "70%", 70, "percent"), fig(2, "30%", 30, "percent"))
    assert run_checks(figs, consistent) == []


@pytest.mark.parametrize("partition,cls,phrase,other", list(_phrase_cases()))
def test_every_partition_phrase_names_a_part_of_a_total(partition, cls, phrase, other):
    """Counts named by two classes after "trong đó" cannot add up to more than their total."""
    text = f"Sở tiếp nhận 100 hồ sơ, trong đó {phrase} 70 hồ sơ, {other} 40 hồ sơ."
    figs = place(text, fig(1, "100", 100), fig(2, "70", 70), fig(3, "40", 40))
    assert [(c["kind"], c["computed"]) for c in run_checks(figs, text)] == [("sum_mismatch", 110)]
    consistent = text.replace("40 hồ sơ", "30 hồ sơ")
    figs = place(consistent, fig(1, "100", 100), fig(2, "70", 70), fig(3, "30", 30))
    assert run_checks(figs, consistent) == []


@pytest.mark.parametrize("phrase", [p for spec in PARTITIONS.values() if spec.get("whole")
                                    for ps in spec["classes"].values() for p in ps])
def test_every_whole_phrase_names_no_class(phrase):
    """"mức độ hài lòng đạt 95%, rất hài lòng 40%": a rate named as a whole is no share beside the
    classes of the partition its last word names ("hài lòng" alone would be one)."""
    text = f"Năm 2024, {phrase} đạt 95%, rất hài lòng 40%, không hài lòng 5%."
    figs = place(text, fig(1, "95%", 95, "percent"), fig(2, "40%", 40, "percent"), fig(3, "5%", 5, "percent"))
    assert run_checks(figs, text) == []
    answers = text.replace(phrase, "hài lòng")
    figs = place(answers, fig(1, "95%", 95, "percent"), fig(2, "40%", 40, "percent"), fig(3, "5%", 5, "percent"))
    assert [c["kind"] for c in run_checks(figs, answers)] == ["sum_mismatch"]


def test_a_complete_partition_named_in_full_must_reach_100():
    classes = PARTITIONS["deadline"]["classes"]
    names = [classes[c][0] for c in ("early", "on_time", "overdue")]
    text = f"Kết quả: {names[0]} 50%, {names[1]} 30%, {names[2]} 5%."
    figs = place(text, fig(1, "50%", 50, "percent"), fig(2, "30%", 30, "percent"), fig(3, "5%", 5, "percent"))
    assert [c["message"] for c in run_checks(figs, text)] == [
        "The shares 50% + 30% + 5% cover the whole but add up to only 85 %."]


@pytest.mark.parametrize("head", load_yaml("list_heads.yml"))
def test_every_list_head_opens_an_item(head):
    name = f"{head.capitalize()} An Phú"
    text = f"Có 3 đơn vị đạt chuẩn là {name}, {head} Tân Lập."
    figs = place(text, fig(1, "3", 3, noun="đơn vị"))
    assert [(c["kind"], c["stated"], c["computed"]) for c in run_checks(figs, text)] == [
        ("count_list_mismatch", 3, 2)]
    three = f"Có 3 đơn vị đạt chuẩn là {name}, {head} Tân Lập và {head} Hòa Bình."
    assert run_checks(place(three, fig(1, "3", 3, noun="đơn vị")), three) == []


@pytest.mark.parametrize("name", load_yaml("procedure_fields.yml"))
def test_every_procedure_field_names_a_part_of_the_dossiers_received(name):
    from pipeline.extract import extract_text
    text = f"Năm 2020, huyện tiếp nhận 1.000 hồ sơ.\n\nCả năm 2020, huyện tiếp nhận 1.200 hồ sơ {name}."
    record = extract_text(text, title="Tin", published="2020-12-20")
    surface = {f["id"]: f["surface"] for f in record["figures"]}
    assert [(c["kind"], [surface[i] for i in c["figures"]]) for c in record["checks"]] == [
        ("part_exceeds_total", ["1.000", "1.200"])]
    within = extract_text(text.replace("1.200", "800"), title="Tin", published="2020-12-20")
    assert within["checks"] == []


def _grade_cases():
    classes = PARTITIONS["grade"]["classes"]
    for cls, phrases in classes.items():
        other = "khá" if cls != "fair" else "tốt"
        for phrase in phrases:
            yield pytest.param(phrase, other, id=phrase)


@pytest.mark.parametrize("phrase,other", list(_grade_cases()))
def test_every_grade_names_a_share_of_the_units_graded(phrase, other):
    """Units counted by grade cannot be more than the units graded."""
    from pipeline.extract import extract_text
    text = f"Năm 2024, tỉnh đánh giá 10 sở, ngành; kết quả có 6 đơn vị đạt loại {phrase}, 5 đơn vị đạt loại {other}."
    record = extract_text(text, title="Tin", published="2024-12-20")
    surface = {f["id"]: f["surface"] for f in record["figures"]}
    found = [(c["kind"], [surface[i] for i in c["figures"]], c["computed"]) for c in record["checks"]]
    assert found == [("sum_mismatch", ["10", "6", "5"], 11)]
    fits = extract_text(text.replace("5 đơn vị", "4 đơn vị"), title="Tin", published="2024-12-20")
    assert fits["checks"] == []


def _aggregate_cases():
    for level, types in PARTITIONS["level"]["aggregates"].items():
        for t in types:
            yield pytest.param(level, t, id=t)


@pytest.mark.parametrize("level,type_word", list(_aggregate_cases()))
def test_every_level_aggregate_names_its_level(level, type_word):
    """A count whose subject aggregates places of one type is that level's part of a total
    (checks/distributed.py), with no "cấp ..." before it."""
    from pipeline.checks.base import Article
    from pipeline.checks.distributed import level_of
    # by the places the figure's subject aggregates
    text = "Khối này tiếp nhận 500 hồ sơ."
    f = place(text, fig(1, "500", 500))[0]
    f["subject"] = {"unit": None, "aggregate": f"{type_word}, khác", "text": f"các {type_word}"}
    assert level_of(f, 0, Article([f], text)) == level
    f["subject"] = {"unit": None, "aggregate": "sở, ngành", "text": "các sở, ngành"}
    assert level_of(f, 0, Article([f], text)) is None
    # ... or by "các <type>" in the words of its clause before it
    text = f"Năm 2025, Trung tâm của các {type_word} tiếp nhận 500 hồ sơ."
    g = place(text, fig(1, "500", 500))[0]
    assert level_of(g, 0, Article([g], text)) == level


@pytest.mark.parametrize("body", PARTITIONS["level"]["province_bodies"])
def test_every_province_body_names_the_province_level(body):
    from pipeline.checks.base import Article
    from pipeline.checks.distributed import level_of
    text = f"Cụ thể, {body[0].upper()}{body[1:]} tiếp nhận 500 hồ sơ."
    f = place(text, fig(1, "500", 500))[0]
    assert level_of(f, 0, Article([f], text)) == "province"
    # ... not a body of the same words followed by a proper name (another place's)
    named = f"Cụ thể, {body[0].upper()}{body[1:]} Hòa Bình tiếp nhận 500 hồ sơ."
    g = place(named, fig(1, "500", 500))[0]
    assert level_of(g, 0, Article([g], named)) is None


@pytest.mark.parametrize("unit, level", [
    ({"id": "u1", "type": "huyện", "code": "029"}, "district"),
    ({"id": "u1", "type": "thị xã", "code": "372"}, "district"),
    ({"id": "u1", "type": "thành phố", "code": "916"}, "district"),  # a provincial city
    ({"id": "u1", "type": "thành phố", "code": "92"}, "province"),  # a centrally-run city
    ({"id": "u1", "type": "tỉnh", "code": "02"}, "province"),
    ({"id": "u1", "type": "đặc khu", "code": None}, "commune"),
    ({"id": "u1", "type": "phường", "code": "00004"}, "commune"),
])
def test_a_units_level_comes_from_its_type_and_code(unit, level):
    from pipeline.checks.base import unit_levels

    assert unit_levels([unit]) == {"u1": level}
