"""저장소 맨 위 conftest.py: nbval로 다시 실행한 셀이 stderr에 쓰면 테스트가 실패하는지."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parent.parent


def test_cells_that_write_to_stderr_fail_and_clean_cells_pass(pytester: pytest.Pytester) -> None:
    pytester.makeconftest((ROOT / "conftest.py").read_text(encoding="utf-8"))
    nb = new_notebook(
        cells=[
            new_code_cell(
                "print('fine')",
                execution_count=1,
                outputs=[new_output("stream", name="stdout", text="fine\n")],
            ),
            new_code_cell("import sys\nsys.stderr.write('red text\\n')", execution_count=2),
            new_code_cell("import warnings\nwarnings.warn('careful')", execution_count=3),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    nbformat.write(nb, pytester.path / "lesson.ipynb")
    result = pytester.runpytest_subprocess(
        "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider", "lesson.ipynb"
    )
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*셀이 stderr에 글을 썼습니다*", "*red text*"])
    result.stdout.fnmatch_lines(["*UserWarning: careful*"])
