"""노트북 밖에서 잰 숫자(results/*.json): 만든 스크립트가 있고, 노트북에 보이는 숫자가 그 결과와 같은지.

노트북에서 load_result(...)를 쓰는 셀은 nbval-check-output 태그를 달아야 한다. 그러면 nbval이
매번 셀을 다시 실행해(결과 파일을 다시 읽어) 저장된 출력과 비교하므로, 노트북에 보이는 숫자와
커밋된 결과가 어긋나면 테스트가 실패한다.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from helpers import results

ROOT = Path(__file__).resolve().parent.parent
RESULT_FILES = sorted((ROOT / "results").glob("*.json"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LOAD = re.compile(r"load_result\(\s*[\"']([\w-]+)[\"']")


@pytest.mark.parametrize("path", RESULT_FILES, ids=[p.name for p in RESULT_FILES])
def test_each_result_names_the_script_that_made_it(path: Path) -> None:
    payload = json.loads(path.read_text(encoding="utf-8"))
    script = ROOT / payload["script"]
    assert script.parent == ROOT / "tools" and script.exists(), payload["script"]
    assert path.stem in script.read_text(encoding="utf-8")
    for key in ("measured_on", "versions", "machine", "data"):
        assert payload[key], key


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_cells_showing_results_are_compared_with_them(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for name in LOAD.findall(cell.source):
            assert results.result_path(name).exists(), (
                f"셀 {index}: results/{name}.json이 없습니다"
            )
            assert "nbval-check-output" in cell.metadata.get("tags", []), (
                f"셀 {index}: 측정 결과를 보여 주는 셀에는 nbval-check-output 태그가 있어야 합니다"
            )
            assert cell.outputs, f"셀 {index}: 출력이 없습니다"


def test_a_missing_result_says_which_script_makes_it() -> None:
    with pytest.raises(FileNotFoundError, match=re.escape("tools/measure_no_such_thing.py")):
        results.load_result("no_such_thing")


@pytest.mark.parametrize("path", RESULT_FILES, ids=[p.name for p in RESULT_FILES])
def test_each_result_was_measured_with_the_installed_versions(path: Path) -> None:
    """고정한 패키지 버전을 올리면 노트북 밖에서 잰 숫자도 다시 재야 한다(예: 03의 섞는 순서, 07의 설계 비교)."""
    from importlib.metadata import version

    measured = json.loads(path.read_text(encoding="utf-8"))["versions"]
    installed = {name: version(name) for name in measured}
    assert measured == installed, (
        f"다른 버전으로 잰 결과입니다({path.name}). 만든 스크립트를 다시 실행하세요"
        f"({json.loads(path.read_text(encoding='utf-8'))['script']}). 잰 버전 {measured}, 설치된 버전 {installed}"
    )
