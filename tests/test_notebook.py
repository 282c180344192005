"""notebooks/explore.ipynb runs top to bottom (so it cannot rot) and shows what it promises."""
import json
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def execute(dataset, monkeypatch) -> list:
    """Run the notebook on `dataset` (its CCHC_DATASET parameter); the code cells' outputs."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    monkeypatch.setenv("CCHC_DATASET", str(dataset))  # the kernel inherits the environment
    # "python3" is ipykernel's native kernel: jupyter_client starts it with this interpreter
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    try:
        client.execute()
    except CellExecutionError as e:
        pytest.fail(f"the notebook failed on {dataset}:\n{e}")
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return outputs


def assert_shows_its_promises(outputs, dataset) -> None:
    texts = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert str(dataset) in texts  # it says which dataset it shows
    assert re.search(r"\d+ legends, none over a bar", texts)
    html_tables = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("figure_id" in t and "period_start" in t for t in html_tables)  # the figures table
    assert any("message" in t for t in html_tables)  # the checks
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the rates plot


def test_notebook_executes_on_the_default_dataset(monkeypatch):
    assert_shows_its_promises(execute("extracted", monkeypatch), "extracted")


def test_notebook_executes_on_parquet_tables(tmp_path, monkeypatch):
    """The committed Parquet tables of extracted/, as `cchc export -o DIR.parquet` writes them."""
    tables = ROOT / "extracted" / "tables"
    assert_shows_its_promises(execute(tables, monkeypatch), tables)


@pytest.mark.shared
def test_notebook_executes_on_a_larger_dataset(shared_dir, tmp_path, monkeypatch):
    """The first 60 articles of the shared dev corpus, extracted into a records.jsonl."""
    import pipeline

    lines = (shared_dir / "corpus-real" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:60]
    articles = [json.loads(line) for line in lines]
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
                               for r in pipeline.extract_many(articles, workers=2)), encoding="utf-8")
    outputs = execute(records, monkeypatch)
    assert_shows_its_promises(outputs, records)
    counts = [o for o in outputs if "text/plain" in o.get("data", {}) and "articles" in o.data["text/plain"]]
    assert re.search(r"articles\s+60\b", counts[0].data["text/plain"])
