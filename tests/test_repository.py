"""저장소 규칙: README의 테스트 명령 = .ci/run의 명령, 노트북 목차, 린트(ruff)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_COMMAND = "bash course.sh test"


def test_readme_and_ci_run_the_same_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST_COMMAND in readme
    assert re.search(rf"^{re.escape(TEST_COMMAND)}\s*$", ci, re.M)


COURSE = [
    "00_environment_check.ipynb",
    "01_neuron.ipynb",
    "02_perceptron_activation.ipynb",
    "03_xor_mlp.ipynb",
    "04_keras_sequential.ipynb",
    "05_cereal_regression.ipynb",
    "06_lung_cancer_survival.ipynb",
    "07_mnist.ipynb",
]


def test_every_lesson_of_the_course_is_there() -> None:
    assert sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")) == COURSE
    exercises = sorted(p.stem for p in (ROOT / "helpers" / "exercises").glob("lesson*.py"))
    assert exercises == [f"lesson{name[:2]}" for name in COURSE]


def test_readme_links_every_notebook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert f"(notebooks/{path.name})" in readme, f"README 목차에 {path.name}이(가) 없습니다"


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run(
        [ruff, "check", "helpers", "tests", "tools", "notebooks"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_has_no_placeholder_a_student_must_guess() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"<[^<>\n]*[가-힣][^<>\n]*>", readme), "README에 <…> 자리표시가 있습니다"
    assert "Download ZIP" in readme and "git clone" in readme
    assert "PYTHON=python3.12 bash course.sh lab" in readme


def test_shell_scripts_keep_lf_line_endings_on_windows() -> None:
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    for pattern in ("*.sh", ".ci/run"):
        assert f"{pattern} text eol=lf" in attributes
    for script in (ROOT / "course.sh", ROOT / ".ci" / "run"):
        assert b"\r\n" not in script.read_bytes()
