"""The fresh evaluation sets (corpus/fresh/): articles written for the project and annotated by
ANNOTATION.md by hands that never saw the pipeline. Their gold must index their texts; the
development sets are held to a floor a little under their scores when the sets were added
(README), so that a rule which helps one set and hurts another shows; the blind sets are scored
and reported, never thresholded."""
import importlib.util
import unicodedata

import pytest

from conftest import ROOT, read_jsonl
from pipeline.batch import process
from pipeline.ingest import iter_articles

FRESH = ROOT / "corpus" / "fresh"
SETS = sorted(p.stem for p in (FRESH / "gold").glob("*.jsonl"))
DEV_SETS = [s for s in SETS if s.startswith("dev")]
DEV_FLOORS = {"figures_f1": 0.95, "aspect_acc": 0.85, "period_acc": 0.85, "subject_acc": 0.80,
              "units_f1": 0.95, "officials_f1": 0.95, "role_acc": 0.85}
# Sets added under a common floor, held a little under their own first score instead, for a
# convention their annotator chose that the rules leave open, or a known failure:
SET_FLOORS = {
    # numbered wards named "Phường 1" (43 of the 53 numbered units in all gold name them "1")
    "dev2025v": {"units_f1": 0.90},
    "dev2025zb": {"units_f1": 0.90},  # the same: "Quận 1", "Phường 5" ... "Phường 8"
    # Ê Đê and Gia Rai women's names written with an apostrophe ("H'Nhi"): a strict known failure
    "dev_pre_u": {"officials_f1": 0.90},
    # "Chánh Văn phòng HĐND và UBND quận" given the org "Văn phòng HĐND và UBND ..." (the other
    # sets write "HĐND và UBND ..."), a department's org with its city's name
    "dev_pre_w": {"role_acc": 0.75},
    # ministries and national agencies as the subjects of their own figures, written as names
    # ("Bộ Tài chính", "Tổng cục Thuế"): a subject is a unit (ANNOTATION.md), so the scorer can
    # match none of them; their own vocabulary (customs declarations by lane, procedures connected
    # to the national single window) is the rest of the aspect misses (first score 0.714)
    "dev_pre_y": {"aspect_acc": 0.80, "subject_acc": 0.30},
    # a department's ministry written after a comma in the gold ("Vụ Cải cách hành chính, Bộ Nội
    # vụ") where the text, and so the record, has it in brackets: 2 of its 13 roles
    "dev2025ze": {"role_acc": 0.80},
}


def test_every_set_has_its_articles():
    assert SETS and {p.stem for p in (FRESH / "articles").glob("*.jsonl")} == set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_gold_indexes_the_texts(name):
    texts = {a["id"]: unicodedata.normalize("NFC", a["text"]) for a in read_jsonl(FRESH / "articles" / f"{name}.jsonl")}
    gold = read_jsonl(FRESH / "gold" / f"{name}.jsonl")
    assert [g["doc_id"] for g in gold] == list(texts)
    for g in gold:
        for f in g["figures"] + g.get("not_figures", []):
            assert texts[g["doc_id"]][f["span"][0]:f["span"][1]] == f["surface"], (g["doc_id"], f)


@pytest.fixture(scope="module")
def score_module(shared_dir):
    spec = importlib.util.spec_from_file_location("score", shared_dir / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", DEV_SETS)
def test_development_sets_keep_their_floor(score_module, name):
    records = {r["doc_id"]: r for kind, r in map(process, iter_articles([str(FRESH / "articles" / f"{name}.jsonl")]))
               if kind == "record"}
    scores = score_module.report(score_module.score(read_jsonl(FRESH / "gold" / f"{name}.jsonl"), records))
    assert scores["bad_spans"] == 0 and scores["missing_docs"] == 0
    floors = {**DEV_FLOORS, **SET_FLOORS.get(name, {})}
    low = {m: scores[m] for m, floor in floors.items() if scores[m] is not None and scores[m] < floor}
    assert not low, (name, low)
