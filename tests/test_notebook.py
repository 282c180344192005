"""notebooks/explore.ipynb runs top to bottom (so it cannot rot) and shows what it promises."""
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


def test_notebook_executes(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # "python3" is ipykernel's native kernel: jupyter_client starts it with this interpreter
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    try:
        client.execute()
    except CellExecutionError as e:
        pytest.fail(f"the notebook failed:\n{e}")
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html_tables = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("figure_id" in t and "period_start" in t for t in html_tables)  # the figures table
    assert any("message" in t for t in html_tables)  # the checks
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the rates plot
