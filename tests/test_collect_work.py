"""과제 모으기(classroom/collect_work.py): 학생마다 한 폴더, 내지 않은 학생은 목록에, 앞서 모은 것은 덮어쓰지 않고,
학생이 만든 링크를 따라가 다른 학생의 노트북을 모으지 않는다."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "classroom"))

import collect_work  # noqa: E402

LESSON = "03_xor_mlp.ipynb"


def _notebook(text: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": [text]}], "metadata": {},
                       "nbformat": 4, "nbformat_minor": 5}, ensure_ascii=False)  # fmt: skip


@pytest.fixture
def homes(tmp_path: Path) -> Path:
    """학생 넷: 둘은 냈고, 하나는 안 냈고, 하나는 다른 학생의 노트북을 가리키는 링크를 냈다."""
    base = tmp_path / "home"
    for name in ("student1", "student2", "student3", "student4"):
        (base / name / "dl-course" / "notebooks").mkdir(parents=True)
    (base / "student1/dl-course/notebooks" / LESSON).write_text(_notebook("학생1의 풀이"), encoding="utf-8")
    (base / "student2/dl-course/notebooks" / LESSON).write_text(_notebook("학생2의 풀이"), encoding="utf-8")
    (base / "student2/dl-course/notebooks/01_neuron.ipynb").write_text(_notebook("학생2의 01"), encoding="utf-8")
    (base / "student4/dl-course/notebooks" / LESSON).symlink_to(base / "student1/dl-course/notebooks" / LESSON)
    return base


def _run(homes: Path, dest: Path, *extra: str) -> int:
    return collect_work.main(["--homes", str(homes / "student*"), "--dest", str(dest), *extra])


def test_one_folder_per_student_and_the_missing_are_listed(
    homes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "collected"
    assert _run(homes, dest, "--name", "week03", "--lesson", LESSON) == 0
    out = capsys.readouterr().out
    assert "student3: 03_xor_mlp.ipynb — 없음" in out
    assert "student4: 03_xor_mlp.ipynb — 건너뜀(링크)" in out
    got = dest / "week03"
    assert "학생1의 풀이" in (got / "student1" / LESSON).read_text(encoding="utf-8")
    assert "학생2의 풀이" in (got / "student2" / LESSON).read_text(encoding="utf-8")
    assert not (got / "student3").exists() and not (got / "student4").exists()
    rows = list(csv.DictReader((got / "summary.csv").open(encoding="utf-8-sig")))
    assert [(r["학생"], r["상태"]) for r in rows] == [
        ("student1", "모음"), ("student2", "모음"), ("student3", "없음"), ("student4", "건너뜀(링크)"),
    ]  # fmt: skip
    assert all(len(r["sha256"]) == 64 for r in rows if r["상태"] == "모음")


def test_an_earlier_collection_is_never_overwritten(homes: Path, tmp_path: Path) -> None:
    dest = tmp_path / "collected"
    assert _run(homes, dest, "--name", "week03", "--lesson", LESSON) == 0
    first = (dest / "week03" / "student1" / LESSON).read_bytes()
    (homes / "student1/dl-course/notebooks" / LESSON).write_text(_notebook("마감 뒤에 다시 저장한 풀이"), encoding="utf-8")
    assert _run(homes, dest, "--name", "week03", "--lesson", LESSON) == 1
    assert (dest / "week03" / "student1" / LESSON).read_bytes() == first
    assert _run(homes, dest, "--name", "week03-late", "--lesson", LESSON) == 0
    assert "마감 뒤에 다시 저장한 풀이" in (dest / "week03-late" / "student1" / LESSON).read_text(encoding="utf-8")


def test_all_notebooks_when_no_lesson_is_named(homes: Path, tmp_path: Path) -> None:
    dest = tmp_path / "collected"
    assert _run(homes, dest, "--name", "final") == 0
    assert sorted(p.name for p in (dest / "final" / "student2").iterdir()) == ["01_neuron.ipynb", LESSON]
    rows = list(csv.DictReader((dest / "final" / "summary.csv").open(encoding="utf-8-sig")))
    assert ("student3", "(노트북 전부)", "없음") in [(r["학생"], r["노트북"], r["상태"]) for r in rows]


def test_a_notebook_folder_linked_to_another_student_is_not_followed(homes: Path, tmp_path: Path) -> None:
    folder = homes / "student3" / "dl-course" / "notebooks"
    folder.rmdir()
    folder.symlink_to(homes / "student2" / "dl-course" / "notebooks")
    dest = tmp_path / "collected"
    assert _run(homes, dest, "--name", "week03", "--lesson", LESSON) == 0
    assert not (dest / "week03" / "student3").exists()
    rows = list(csv.DictReader((dest / "week03" / "summary.csv").open(encoding="utf-8-sig")))
    assert ("student3", "건너뜀(링크)") in [(r["학생"], r["상태"]) for r in rows]


def test_a_link_higher_up_the_path_is_not_followed_either(homes: Path, tmp_path: Path) -> None:
    """노트북 폴더가 아니라 그 위의 dl-course를 다른 학생의 폴더로 가리키게 바꿔도 따라가지 않는다."""
    import shutil

    shutil.rmtree(homes / "student3" / "dl-course")
    (homes / "student3" / "dl-course").symlink_to(homes / "student2" / "dl-course")
    dest = tmp_path / "collected"
    assert _run(homes, dest, "--name", "week03", "--lesson", LESSON) == 0
    assert not (dest / "week03" / "student3").exists()


def test_a_fifo_or_a_huge_file_cannot_stall_or_exhaust_the_collection(homes: Path, tmp_path: Path) -> None:
    """학생이 노트북 자리에 FIFO를 두면 root의 수집이 영원히 멈췄다. 거대한 파일은 메모리를 채웠다."""
    import os
    import signal

    os.mkfifo(homes / "student3" / "dl-course" / "notebooks" / LESSON)
    huge = homes / "student2" / "dl-course" / "notebooks" / "99_huge.ipynb"
    with huge.open("wb") as stream:
        stream.truncate(collect_work.MAX_BYTES + 1)  # 디스크를 쓰지 않는 성긴 파일
    dest = tmp_path / "collected"
    signal.alarm(20)  # 멈추면 테스트가 실패한다
    try:
        assert _run(homes, dest, "--name", "final") == 0
    finally:
        signal.alarm(0)
    rows = {(r["학생"], r["노트북"]): r["상태"] for r in csv.DictReader((dest / "final" / "summary.csv").open(encoding="utf-8-sig"))}
    assert rows[("student3", LESSON)] == "건너뜀(일반 파일 아님)"
    assert rows[("student2", "99_huge.ipynb")] == "건너뜀(100 MB 넘음)"
    assert rows[("student2", LESSON)] == "모음"


def test_no_student_homes_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert collect_work.main(["--homes", str(tmp_path / "nobody*"), "--dest", str(tmp_path), "--name", "x"]) == 2
    assert "학생 홈 폴더를 찾지 못했습니다" in capsys.readouterr().err


def test_students_are_found_by_their_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """기본은 학생 그룹(add_students.py가 넣는 dl-students)의 구성원: 학번 같은 이름도 빠지지 않는다."""
    import grp
    import pwd

    assert collect_work.group_homes("no-such-group-dl") == []
    assert collect_work.main(["--group", "no-such-group-dl", "--dest", str(tmp_path), "--name", "x"]) == 2
    assert "그룹 no-such-group-dl" in capsys.readouterr().err
    root_group = grp.getgrgid(0).gr_name  # root가 주 그룹인 계정(root)의 홈이 나온다
    assert Path(pwd.getpwuid(0).pw_dir) in collect_work.group_homes(root_group)
