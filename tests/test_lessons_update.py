"""강사가 고친 강의 자료를 nbgitpuller로 다시 받을 때 무엇이 남고 무엇이 빠지는지, 그리고 helpers.lessons가 그것을 찾아
되돌리는지 확인한다(classroom/README.md 4절).

nbgitpuller 1.3.0의 코드(GitPuller) 그대로 받는다. 학생의 저장은 JupyterLab이 저장하는 꼴(nbformat.write: 들여쓰기 1,
키 정렬, 줄마다 하나)로 한다. 노트북을 한 줄 JSON으로 쓰면 git이 줄 단위로 합치는 일이 일어나지 않아 테스트가 되지 않는다.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from helpers import lessons

ROOT = Path(__file__).resolve().parent.parent
LESSON = "01_neuron.ipynb"
MARKDOWN_FIX = 4  # 강사가 고치는 글 셀(들어가며)
CODE_FIX = 11  # 강사가 고치는 코드 셀(버전 출력)
OTHER = 6  # 학생이 고치는 다른 글 셀
INSTRUCTOR_LINE = ("| 백엔드:", "| 백엔드(backend):")  # 강사가 코드 셀에서 고치는 줄
STUDENT_LINE = ("| 백엔드:", "| 지금 백엔드:")  # 학생이 같은 줄을 다르게 고친다
GIT = ["git", "-c", "user.name=강사", "-c", "user.email=instructor@example.invalid"]

pytest.importorskip("nbgitpuller")
from nbgitpuller.pull import GitPuller  # noqa: E402


def _git(folder: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def _save(path: Path, notebook: nbformat.NotebookNode) -> None:
    """JupyterLab(jupyter_server)이 저장하는 것과 같은 꼴."""
    nbformat.write(notebook, path)


def _pull(repo: Path, target: Path) -> None:
    puller = GitPuller(str(repo), str(target), branch="main")
    for _line in puller.pull():
        pass


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """강사의 저장소(작업 폴더, 맨 저장소)와 학생이 받은 첫 사본."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    (tmp_path / "gitconfig").write_text("[user]\n\tname = 학생\n\temail = student@example.invalid\n", encoding="utf-8")
    work = tmp_path / "instructor"
    (work / "notebooks").mkdir(parents=True)
    shutil.copy2(ROOT / "notebooks" / LESSON, work / "notebooks" / LESSON)
    shutil.copy2(ROOT / "notebooks" / "02_perceptron_activation.ipynb", work / "notebooks")
    _git(work, "init", "-q", "-b", "main")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "강의 자료")
    bare = tmp_path / "course.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    return work, bare


def _instructor_fixes(work: Path, bare: Path) -> tuple[str, str]:
    """강사가 글 셀 하나와 코드 셀 하나를 고쳐 올린다. 고친 두 셀의 새 소스."""
    path = work / "notebooks" / LESSON
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[MARKDOWN_FIX].source += "\n\n강사의 수정: 오타를 고쳤습니다."
    notebook.cells[CODE_FIX].source = notebook.cells[CODE_FIX].source.replace(*INSTRUCTOR_LINE)
    _save(path, notebook)
    _git(work, "commit", "-q", "-am", "강사의 수정")
    _git(work, "push", "-q", str(bare), "main")
    return notebook.cells[MARKDOWN_FIX].source, notebook.cells[CODE_FIX].source


def _run_all_cells(notebook: nbformat.NotebookNode) -> None:
    """학생이 모든 셀을 실행한 것처럼 실행 번호와 출력을 바꾼다."""
    for number, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
        cell.execution_count = number + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"학생의 실행 결과 {number}\n")]


def _student_edit(student: Path, case: str) -> None:
    path = student / "notebooks" / LESSON
    notebook = nbformat.read(path, as_version=4)
    if case == "ran_all_cells":
        _run_all_cells(notebook)
    elif case == "edited_another_cell":
        notebook.cells[OTHER].source += "\n\n학생의 메모"
    elif case == "edited_another_line_of_the_same_cell":
        notebook.cells[CODE_FIX].source += "\nprint('학생이 더한 줄')"
    elif case == "edited_the_same_line":
        notebook.cells[CODE_FIX].source = notebook.cells[CODE_FIX].source.replace(STUDENT_LINE[0], STUDENT_LINE[1])
    elif case == "ran_and_edited_the_same_line":
        _run_all_cells(notebook)
        notebook.cells[CODE_FIX].source = notebook.cells[CODE_FIX].source.replace(STUDENT_LINE[0], STUDENT_LINE[1])
    _save(path, notebook)


# 잰 결과(nbgitpuller 1.3.0, git merge -Xours): 강사의 두 수정이 학생에게 오는가, 학생의 것이 남는가
# git은 줄 단위로 합치므로, 같은 셀이라도 강사가 고친 줄과 떨어진 줄을 고쳤다면 두 수정이 합쳐진다.
EXPECTED = {
    "nothing": {"markdown_fix": True, "code_fix": True},
    "ran_all_cells": {"markdown_fix": True, "code_fix": True},
    "edited_another_cell": {"markdown_fix": True, "code_fix": True},
    "edited_another_line_of_the_same_cell": {"markdown_fix": True, "code_fix": True},
    "edited_the_same_line": {"markdown_fix": True, "code_fix": False},
    "ran_and_edited_the_same_line": {"markdown_fix": True, "code_fix": False},
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_what_a_second_pull_keeps_and_what_it_loses(course: tuple[Path, Path], tmp_path: Path, case: str) -> None:
    work, bare = course
    student = tmp_path / "student" / "dl-course"
    _pull(bare, student)
    _student_edit(student, case)
    mine_before = nbformat.read(student / "notebooks" / LESSON, as_version=4)
    markdown_fix, code_fix = _instructor_fixes(work, bare)
    _pull(bare, student)

    path = student / "notebooks" / LESSON
    after = nbformat.read(path, as_version=4)
    nbformat.validate(after)  # 합친 결과가 망가진 노트북이 아니다
    got = {
        "markdown_fix": after.cells[MARKDOWN_FIX].source == markdown_fix,
        "code_fix": INSTRUCTOR_LINE[1] in after.cells[CODE_FIX].source,
    }
    assert got == EXPECTED[case], got
    # 학생이 고친 것과 실행 결과는 언제나 남는다
    if case == "edited_another_cell":
        assert after.cells[OTHER].source.endswith("학생의 메모")
    if "same_line" in case:
        assert after.cells[CODE_FIX].source == mine_before.cells[CODE_FIX].source
    if case == "edited_another_line_of_the_same_cell":
        assert after.cells[CODE_FIX].source == code_fix + "\nprint('학생이 더한 줄')"
    if case.startswith("ran"):
        assert [c.outputs for c in after.cells if c.cell_type == "code"] == [
            c.outputs for c in mine_before.cells if c.cell_type == "code"
        ]

    # helpers.lessons가 본 상태: 강사의 수정이 빠진 셀을 "내가 고쳤고 강사도 고친 셀"로 짚는다
    found = {status.lesson: status for status in lessons.statuses(student)}
    status = found[LESSON]
    code_id = after.cells[CODE_FIX].id
    if EXPECTED[case]["code_fix"] and case not in ("edited_another_cell", "edited_another_line_of_the_same_cell"):
        assert status.up_to_date, status
    if case == "edited_another_line_of_the_same_cell":  # 합쳐졌지만 강사도 고친 셀이라 확인하라고 짚는다
        assert status.mine_and_changed == (code_id,), status
    if case == "edited_another_cell":
        assert status.mine == (after.cells[OTHER].id,) and not status.mine_and_changed, status
    if not EXPECTED[case]["code_fix"]:
        assert status.mine_and_changed == (code_id,) and not status.up_to_date, status
    assert found["02_perceptron_activation.ipynb"].up_to_date


def test_restore_gives_the_instructors_version_and_keeps_the_students(course: tuple[Path, Path], tmp_path: Path) -> None:
    work, bare = course
    student = tmp_path / "student" / "dl-course"
    _pull(bare, student)
    _student_edit(student, "ran_and_edited_the_same_line")
    _, code_fix = _instructor_fixes(work, bare)
    _pull(bare, student)
    path = student / "notebooks" / LESSON
    mine = path.read_text(encoding="utf-8")

    os.chdir(student / "notebooks")  # 학생이 노트북 폴더에서 부른다
    try:
        restored = lessons.restore("01")
    finally:
        os.chdir(ROOT)
    assert restored == path
    assert nbformat.read(path, as_version=4).cells[CODE_FIX].source == code_fix
    copies = sorted(path.parent.glob("01_neuron.my-copy-*.ipynb"))
    assert len(copies) == 1 and copies[0].read_text(encoding="utf-8") == mine, "학생의 노트북이 사본으로 남지 않았습니다"
    assert {s.lesson: s for s in lessons.statuses(student)}[LESSON].up_to_date

    # 한 번 더 되돌려도 앞의 사본을 덮어쓰지 않는다
    lessons.restore(LESSON, student)
    assert len(sorted(path.parent.glob("01_neuron.my-copy-*.ipynb"))) == 2

    # 되돌린 뒤 강사가 또 고쳐도 다음 받기가 문제없이 합쳐지고, 사본은 그대로다
    notebook = nbformat.read(work / "notebooks" / LESSON, as_version=4)
    notebook.cells[MARKDOWN_FIX].source += "\n\n두 번째 수정"
    _save(work / "notebooks" / LESSON, notebook)
    _git(work, "commit", "-q", "-am", "두 번째 수정")
    _git(work, "push", "-q", str(bare), "main")
    _pull(bare, student)
    assert nbformat.read(path, as_version=4).cells[MARKDOWN_FIX].source.endswith("두 번째 수정")
    assert copies[0].read_text(encoding="utf-8") == mine


def test_the_command_line_reports_and_refuses_an_unknown_lesson(
    course: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, bare = course
    student = tmp_path / "student" / "dl-course"
    _pull(bare, student)
    os.chdir(student)
    try:
        assert lessons.main([]) == 0
        assert "✅ 01_neuron.ipynb" in capsys.readouterr().out
        assert lessons.main(["restore", "09"]) == 1
        assert "쓸 수 있는 이름" in capsys.readouterr().out
    finally:
        os.chdir(ROOT)
    assert json.loads((student / "notebooks" / LESSON).read_text(encoding="utf-8"))["cells"]
