"""Scores against gold annotations with the reference scorer (../shared/tools/score.py).

Seeds: ../shared/gold/seeds.jsonl. Project gold: corpus/gold/part*.jsonl, annotating articles of
../shared/corpus-real/dev.jsonl by `id`, and corpus/gold/c2025_*.jsonl, articles of
../shared/corpus-2025/dev2025.jsonl (their texts stay in ../shared). The thresholds are the
acceptance targets of the figures, units/officials/documents and checks issues.
"""
import hashlib
import importlib.util
import json
import unicodedata

import pytest

from conftest import ROOT, read_jsonl
from pipeline.batch import process
from pipeline.ingest import iter_articles


def scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score", shared_dir / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def records_for(paths):
    return {r["doc_id"]: r for kind, r in map(process, iter_articles([str(p) for p in paths])) if kind == "record"}


@pytest.fixture(scope="module")
def seed_scores(shared_dir):
    mod = scorer(shared_dir)
    gold = read_jsonl(shared_dir / "gold" / "seeds.jsonl")
    return mod.report(mod.score(gold, records_for([shared_dir / "seeds"])))


GOLD_CORPORA = {"part": ("corpus-real", "dev.jsonl"), "c2025_": ("corpus-2025", "dev2025.jsonl")}


def gold_files(prefix):
    return sorted((ROOT / "corpus" / "gold").glob(f"{prefix}*.jsonl"))


# The gold the acceptance thresholds were set on; later parts are scored and reported (README)
THRESHOLDED = ("part1", "part2", "part3", "part4")


@pytest.fixture(scope="module")
def project_gold():
    gold = [g for name in THRESHOLDED for g in read_jsonl(ROOT / "corpus" / "gold" / f"{name}.jsonl")]
    assert len(gold) >= 15, "the figures issue asks for at least 15 annotated articles"
    return gold


@pytest.fixture(scope="module")
def gold_scores(shared_dir, project_gold):
    mod = scorer(shared_dir)
    return mod.report(mod.score(project_gold, records_for([shared_dir / "corpus-real" / "dev.jsonl"])))


@pytest.mark.parametrize("prefix", GOLD_CORPORA)
def test_gold_texts_unchanged(shared_dir, prefix):
    """Gold spans index the NFC text of the corpus; a changed text would silently shift them."""
    rows = {r["id"]: r for r in read_jsonl(shared_dir.joinpath(*GOLD_CORPORA[prefix]))}
    for g in (g for path in gold_files(prefix) for g in read_jsonl(path)):
        assert g["doc_id"] in rows, g["doc_id"]
        text = unicodedata.normalize("NFC", rows[g["doc_id"]]["text"])
        if "text_sha256" in g:
            assert hashlib.sha256(text.encode("utf-8")).hexdigest() == g["text_sha256"]
        for f in g["figures"] + g.get("not_figures", []):
            assert text[f["span"][0]:f["span"][1]] == f["surface"], (g["doc_id"], f)


SEED_TARGETS = {
    "figures_f1": 0.95, "aspect_acc": 0.90, "object_acc": 0.90, "kind_acc": 0.90, "approx_acc": 0.90,
    "subject_acc": 0.90, "units_f1": 0.95, "unit_code_acc": 0.90, "officials_f1": 1.0, "role_acc": 0.90,
    "documents_f1": 1.0, "doc_date_acc": 1.0, "authors_f1": 1.0, "published_acc": 1.0, "checks_recall": 1.0,
}
SEED_ZERO = ["negatives_hit", "not_officials_hit", "checks_false", "bad_spans", "missing_docs"]
GOLD_TARGETS = {
    "figures_f1": 0.90, "aspect_acc": 0.90, "object_acc": 0.90, "kind_acc": 0.90, "approx_acc": 0.90,
    "subject_acc": 0.90, "units_f1": 0.95, "unit_code_acc": 0.90, "officials_f1": 0.90, "role_acc": 0.90,
}


@pytest.mark.parametrize("measure,target", SEED_TARGETS.items())
def test_seed_scores(seed_scores, measure, target):
    assert seed_scores[measure] is not None and seed_scores[measure] >= target, seed_scores


@pytest.mark.parametrize("measure", SEED_ZERO)
def test_seed_zero_measures(seed_scores, measure):
    assert seed_scores[measure] == 0, seed_scores


@pytest.mark.parametrize("measure,target", GOLD_TARGETS.items())
def test_project_gold_scores(gold_scores, measure, target):
    if gold_scores[measure] is None:
        pytest.fail(f"nothing in corpus/gold measures {measure}")
    assert gold_scores[measure] >= target, gold_scores


def test_project_gold_no_bad_spans(gold_scores):
    assert gold_scores["bad_spans"] == 0 and gold_scores["missing_docs"] == 0


BLIND = ROOT / "corpus" / "eval" / "blind.jsonl"


@pytest.mark.skipif(not BLIND.exists(), reason="no blind evaluation set in corpus/eval/")
def test_blind_evaluation_set_is_valid_and_unseen(shared_dir, project_gold):
    """corpus/eval/blind.jsonl is annotated like corpus/gold but never tuned on: its scores are
    reported (README), not thresholded. It must index the dev texts correctly and stay apart
    from the gold the rules were developed against."""
    rows = {r["id"]: r for r in read_jsonl(shared_dir / "corpus-real" / "dev.jsonl")}
    blind = read_jsonl(BLIND)
    assert blind and not {g["doc_id"] for g in blind} & {g["doc_id"] for g in project_gold}
    for g in blind:
        text = unicodedata.normalize("NFC", rows[g["doc_id"]]["text"])
        for f in g["figures"] + g.get("not_figures", []):
            assert text[f["span"][0]:f["span"][1]] == f["surface"], (g["doc_id"], f)
    mod = scorer(shared_dir)
    scores = mod.report(mod.score(blind, records_for([shared_dir / "corpus-real" / "dev.jsonl"])))
    assert scores["bad_spans"] == 0 and scores["missing_docs"] == 0


def test_period_agreement_study_matches_gold(shared_dir):
    """corpus/gold/agreement/periods.jsonl holds, for every figure of part1-6, the gold period
    ("first"), a second annotator's, and an adjudicator's where the two differ: the same
    figures as the gold, the gold's own period as "first", and the others phrases of the text."""
    rows = {r["id"]: unicodedata.normalize("NFC", r["text"]) for r in read_jsonl(shared_dir / "corpus-real" / "dev.jsonl")}
    gold = {g["doc_id"]: g for path in gold_files("part") for g in read_jsonl(path)}
    study = read_jsonl(ROOT / "corpus" / "gold" / "agreement" / "periods.jsonl")
    assert {s["doc_id"] for s in study} == {d for d, g in gold.items() if g["figures"]}
    for s in study:
        text, figures = rows[s["doc_id"]], gold[s["doc_id"]]["figures"]
        assert [f["span"] for f in s["figures"]] == [f["span"] for f in figures]
        for f, g in zip(s["figures"], figures):
            assert f["first"] == g.get("period"), (s["doc_id"], f)
            assert text[f["span"][0]:f["span"][1]] == f["surface"]
            assert f["second"] is None or f["second"] in text, (s["doc_id"], f)
            if "adjudication_note" in f:  # the two differed: the adjudicator's phrase, from the text
                assert f["adjudicated"] is None or f["adjudicated"] in text, (s["doc_id"], f)
            else:
                assert f["adjudicated"] == f["first"], (s["doc_id"], f)
