"""Every check kind, firing and not firing, on hand-built figure lists."""
import pytest

from pipeline.checks import run_checks, tolerance


def fig(i, surface, value, kind="count", aspect="received", obj="dossier", den=None, approx="exact",
        start=0, sentence=(0, 500), unit="u1", period=None, change=False):
    return {"id": f"f{i}", "surface": surface, "value": value, "denominator": den, "kind": kind,
            "aspect": aspect, "object": obj, "approx": approx, "span": [start, start + len(surface)],
            "sentence": list(sentence), "subject": {"unit": unit, "aggregate": None, "text": None},
            "period": period, "change": change, "noun": "hồ sơ"}


def kinds(figures, text=""):
    text = text or " " * 1000
    return [(c["kind"], c["figures"]) for c in run_checks(figures, text)]


def place(text, *figs):
    """Put each figure at the first occurrence of its surface (after the previous one)."""
    pos = 0
    for f in figs:
        s = text.index(f["surface"], pos)
        f["span"] = [s, s + len(f["surface"])]
        f["sentence"] = [0, len(text)]
        pos = s + 1
    return list(figs)


@pytest.mark.parametrize("surface,tol", [("91,16%", 0.01), ("92%", 1.0), ("99,5%", 0.1)])
def test_tolerance_follows_stated_precision(surface, tol):
    assert tolerance(surface) == pytest.approx(tol)


class TestRatioPercent:
    TEXT = "hoàn thành 22/24 nhiệm vụ (đạt 91,16%)"

    def test_fires(self):
        figs = place(self.TEXT, fig(1, "22/24", 22, "ratio", "completed", "task", 24),
                     fig(2, "91,16%", 91.16, "percent", "completed", "task"))
        [c] = run_checks(figs, self.TEXT)
        assert c["kind"] == "ratio_percent_mismatch" and c["figures"] == ["f1", "f2"]
        assert c["computed"] == 91.67 and c["stated"] == 91.16 and "22/24" in c["message"]

    def test_consistent_within_rounding(self):
        text = "hoàn thành 22/24 nhiệm vụ (đạt 91,67%) và 2/3 nhiệm vụ (đạt 67%)"
        figs = place(text, fig(1, "22/24", 22, "ratio", "completed", "task", 24),
                     fig(2, "91,67%", 91.67, "percent", "completed", "task"),
                     fig(3, "2/3", 2, "ratio", "completed", "task", 3),
                     fig(4, "67%", 67, "percent", "completed", "task"))
        assert run_checks(figs, text) == []

    def test_new_statement_after_semicolon_is_not_a_restatement(self):
        text = "là 235/264 TTHC; 100% TTHC được công khai"
        figs = place(text, fig(1, "235/264", 235, "ratio", "received", "procedure", 264),
                     fig(2, "100%", 100, "percent", "published", "procedure"))
        assert run_checks(figs, text) == []


class TestPartExceedsTotal:
    def test_fires(self):
        text = "tiếp nhận 1.140 hồ sơ, giải quyết 1.200 hồ sơ"
        figs = place(text, fig(1, "1.140", 1140), fig(2, "1.200", 1200, aspect="resolved"))
        assert kinds(figs, text) == [("part_exceeds_total", ["f1", "f2"])]

    @pytest.mark.parametrize("second", [
        dict(value=1000, aspect="resolved"),                 # below the total
        dict(value=1200, aspect="resolved", unit="u2"),      # another unit's dossiers
        dict(value=1200, aspect="resolved", approx="over"),  # not exact
    ])
    def test_does_not_fire(self, second):
        text = "tiếp nhận 1.140 hồ sơ, giải quyết 1.200 hồ sơ"
        f2 = fig(2, "1.200", second["value"], aspect=second["aspect"], unit=second.get("unit", "u1"),
                 approx=second.get("approx", "exact"))
        figs = place(text, fig(1, "1.140", 1140), f2)
        assert kinds(figs, text) == []


    def test_a_breakdown_of_the_total_is_not_the_total(self):
        text = "tiếp nhận 36.999 hồ sơ, trong đó Cục tiếp nhận 18.843 hồ sơ, các tổ chức tiếp nhận 18.156 hồ sơ; đã giải quyết 36.282 hồ sơ"
        figs = place(text, fig(1, "36.999", 36999), fig(2, "18.843", 18843), fig(3, "18.156", 18156),
                     fig(4, "36.282", 36282, aspect="resolved"))
        assert kinds(figs, text) == []


class TestCountPercent:
    def test_share_mismatch_fires(self):
        text = "tiếp nhận 500 hồ sơ, giải quyết 450 hồ sơ, đạt 95%"
        figs = place(text, fig(1, "500", 500), fig(2, "450", 450, aspect="resolved"),
                     fig(3, "95%", 95, "percent", "resolved"))
        [c] = run_checks(figs, text)
        assert c["kind"] == "count_percent_mismatch" and c["computed"] == 90 and c["stated"] == 95

    def test_consistent_share(self):
        text = "Xã đã tiếp nhận 2.065 hồ sơ. Số hồ sơ đã giải quyết là: 2065 hồ sơ, đạt 100%."
        figs = place(text, fig(1, "2.065", 2065), fig(2, "2065", 2065, aspect="resolved"),
                     fig(3, "100%", 100, "percent", "resolved"))
        assert run_checks(figs, text) == []

    def test_all_on_time_but_overdue_reported(self):
        text = "100% hồ sơ được giải quyết đúng hạn, có 3 hồ sơ quá hạn"
        figs = place(text, fig(1, "100%", 100, "percent", "on_time"), fig(2, "3", 3, aspect="overdue"))
        assert kinds(figs, text) == [("count_percent_mismatch", ["f1", "f2"])]

    def test_all_on_time_and_none_overdue(self):
        text = "100% hồ sơ được giải quyết đúng hạn, không có hồ sơ nào quá hạn"
        figs = place(text, fig(1, "100%", 100, "percent", "on_time"),
                     fig(2, "không có hồ sơ nào", 0, aspect="overdue"))
        assert kinds(figs, text) == []


class TestRanges:
    def test_percent_out_of_range(self):
        assert kinds([fig(1, "107%", 107, "percent", "on_time")]) == [("value_out_of_range", ["f1"])]

    def test_growth_is_not_a_share(self):
        assert kinds([fig(1, "107%", 107, "percent", "resolved", change=True)]) == []

    def test_rank_above_field(self):
        assert kinds([fig(1, "31/30", 31, "rank", "par_index", "other", 30)]) == [("value_out_of_range", ["f1"])]

    def test_rank_within_field(self):
        assert kinds([fig(1, "30/30", 30, "rank", "par_index", "other", 30)]) == []


class TestConflictingValues:
    PERIOD = {"text": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}

    def test_same_unit_metric_period_two_values(self):
        figs = [fig(1, "500", 500, period=self.PERIOD),
                fig(2, "520", 520, start=600, sentence=(600, 700), period=self.PERIOD)]
        assert kinds(figs) == [("conflicting_values", ["f1", "f2"])]

    def test_scores_in_a_league_table_are_not_conflicts(self):
        figs = [fig(1, "89,42", 89.42, kind="score", aspect="par_index", obj="other", period=self.PERIOD),
                fig(2, "89,21", 89.21, kind="score", aspect="par_index", obj="other", start=600,
                    sentence=(600, 700), period=self.PERIOD)]
        assert kinds(figs) == []

    def test_parts_of_one_sentence_are_a_breakdown_not_a_conflict(self):
        # "61.276 hồ sơ đã xin lỗi (89,74 %) và 7.005 hồ sơ chưa thực hiện (10,26 %)"
        figs = [fig(1, "61.276", 61276, aspect="overdue", period=self.PERIOD),
                fig(2, "7.005", 7005, aspect="overdue", start=100, period=self.PERIOD)]
        assert kinds(figs) == []

    @pytest.mark.parametrize("change", [
        dict(value=500), dict(aspect="resolved", value=480), dict(unit="u2"),
        dict(period={"text": "năm 2022", "start": "2022-01-01", "end": "2022-12-31"}),
    ])
    def test_no_conflict(self, change):
        f2 = fig(2, "520", change.get("value", 520), aspect=change.get("aspect", "received"),
                 unit=change.get("unit", "u1"), start=600, sentence=(600, 700), period=change.get("period", self.PERIOD))
        assert kinds([fig(1, "500", 500, period=self.PERIOD), f2]) == []


class TestGoalsAndInheritedPeriods:
    PERIOD = {"text": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}

    def test_a_goal_restated_as_a_share_is_checked_too(self):
        text = "phấn đấu hoàn thành 22/24 nhiệm vụ (đạt 91,16%)"
        figs = place(text, fig(1, "22/24", 22, "ratio", "completed", "task", 24),
                     fig(2, "91,16%", 91.16, "percent", "completed", "task"))
        for f in figs:
            f["target"] = True
        assert kinds(figs, text) == [("ratio_percent_mismatch", ["f1", "f2"])]

    def test_a_goal_beside_a_result_is_no_restatement(self):
        text = "hoàn thành 22/24 nhiệm vụ (mục tiêu 95%)"
        figs = place(text, fig(1, "22/24", 22, "ratio", "completed", "task", 24),
                     fig(2, "95%", 95, "percent", "completed", "task"))
        figs[1]["target"] = True
        assert kinds(figs, text) == []

    def test_two_inherited_periods_are_never_compared(self):
        inherited = {**self.PERIOD, "inherited": True}
        figs = [fig(1, "500", 500, period=inherited),
                fig(2, "520", 520, start=600, sentence=(600, 700), period=inherited)]
        assert kinds(figs) == []
        figs[0]["period"] = {**self.PERIOD, "inherited": False}
        assert kinds(figs) == [("conflicting_values", ["f1", "f2"])]
