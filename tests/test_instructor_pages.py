"""강사용 페이지(tools/instructor_pages.py)가 노트북, 잰 실행 시간, 채점기, 슬라이드 정보와 어긋나지 않는지 확인한다.

페이지의 숫자와 글을 생성기와 따로 노트북과 채점기에서 다시 계산해 비교한다. 사이트 전체의 빌드와 브라우저 검사는
tests/test_book.py가 한다(강사용 페이지가 목차에서 열리는지, 링크가 모두 열리는지도 본다).
"""

from __future__ import annotations

import contextlib
import html
import importlib
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build_book  # noqa: E402
import instructor_pages  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CELL_TIMES = ROOT / "results" / "cell_times.json"
RERUN = "python tools/measure_cell_times.py를 다시 실행해 results/cell_times.json을 새로 만드세요"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """노트북 이름 → 강사용 페이지(마크다운). 저장소 밖의 임시 폴더에 만든다."""
    src = tmp_path_factory.mktemp("book-src")
    written = instructor_pages.write_pages(src, build_book.lessons())
    assert len(written) == len(NOTEBOOKS) + 1  # 안내 페이지 + 강의마다 한 페이지
    return {
        path.stem: (src / "instructor" / f"{path.stem[:2]}.md").read_text(encoding="utf-8")
        for path in NOTEBOOKS
    }


def part(page: str, title: str) -> str:
    """페이지에서 `## title` 절의 글."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, flags=re.M | re.S)
    assert match, f"'## {title}' 절이 없습니다"
    return match.group(1)


def without_fences(source: str) -> str:
    return re.sub(r"^\s*(```|~~~).*?^\s*\1[^\n]*$", "", source, flags=re.M | re.S)


# ---------------------------------------------------------------------------
# 잰 실행 시간


def test_cell_times_cover_exactly_the_notebooks_code_cells() -> None:
    assert CELL_TIMES.exists(), f"results/cell_times.json이 없습니다. {RERUN}"
    recorded = json.loads(CELL_TIMES.read_text(encoding="utf-8"))["data"]["notebooks"]
    assert sorted(recorded) == [p.name for p in NOTEBOOKS], f"노트북 목록이 다릅니다. {RERUN}"
    for path in NOTEBOOKS:
        ids = {c.id for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"}
        measured = set(recorded[path.name]["cells"])
        added, removed = sorted(ids - measured), sorted(measured - ids)
        assert not added and not removed, (
            f"{path.name}: 잰 뒤에 코드 셀이 바뀌었습니다(새 셀 {added}, 없어진 셀 {removed}). {RERUN}"
        )
        assert all(seconds >= 0 for seconds in recorded[path.name]["cells"].values())


# ---------------------------------------------------------------------------
# 학습 목표


def notebook_goals(path: Path) -> list[str]:
    cell = next(
        c for c in nbformat.read(path, as_version=4).cells if c.source.startswith("## 학습 목표")
    )
    goals: list[str] = []
    for line in cell.source.splitlines()[1:]:
        if line.startswith("- "):
            goals.append(line[2:].strip())
        elif line.startswith(" ") and goals:
            goals[-1] += " " + line.strip()
    return goals


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_goals_are_the_notebooks_goals(pages: dict[str, str], path: Path) -> None:
    shown = [
        line[2:]
        for line in part(pages[path.stem], "학습 목표").splitlines()
        if line.startswith("- ")
    ]
    assert shown == notebook_goals(path) and shown


# ---------------------------------------------------------------------------
# 시간 계획


def expected_run_times(path: Path) -> dict[str, float]:
    """`##` 절 제목 → 그 절의 코드 셀들의 잰 시간 합(코드 셀이 있는 절만)."""
    recorded = json.loads(CELL_TIMES.read_text(encoding="utf-8"))["data"]["notebooks"][path.name][
        "cells"
    ]
    current, sums = instructor_pages.FIRST_SECTION, {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for title in re.findall(r"^## (.+?)\s*$", without_fences(cell.source), flags=re.M):
                current = title
        elif cell.cell_type == "code":
            sums[current] = sums.get(current, 0.0) + recorded[cell.id]
    return sums


def table_rows(text: str) -> list[list[str]]:
    rows = [
        line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| ---")
    ]
    return [
        [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        for row in rows[1:]
    ]


def number(text: str) -> float:
    return float(re.sub(r"[^0-9.]", "", text))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_time_table_adds_up_the_measured_cell_times(pages: dict[str, str], path: Path) -> None:
    text = part(pages[path.stem], "시간 계획")
    rows = table_rows(text)
    expected = expected_run_times(path)
    body, total = rows[:-1], rows[-1]
    shown = {title: number(run) for title, cells, run, *_ in body if int(cells) > 0}
    assert list(shown) == list(expected), "표의 절이 노트북의 `##` 절과 다릅니다"
    for title, seconds in expected.items():
        assert shown[title] == round(seconds, 1), (
            f"{title}: 표 {shown[title]}초, 잰 값의 합 {seconds:.2f}초"
        )
    assert all(number(run) == 0 for _, cells, run, *_ in body if int(cells) == 0)
    assert total[0] == "**합계**" and number(total[2]) == round(sum(expected.values()), 1)
    # 설명 시간은 페이지에 적은 규칙(음절 수 ÷ 분당 음절 + 코드 셀 × 초) 그대로, 합계는 실행 + 설명
    rate, per_cell = instructor_pages.SYLLABLES_PER_MINUTE, instructor_pages.CODE_CELL_SECONDS
    assert f"1분에 {rate}음절씩" in text and f"코드 셀 하나마다 {per_cell}초" in text
    for _, cells, run, syllables, talk, whole in body:
        minutes = number(syllables) / rate + int(cells) * per_cell / 60
        assert abs(number(talk) - minutes) <= 0.051
        assert abs(number(whole) - (number(run) / 60 + minutes)) <= 0.06


# ---------------------------------------------------------------------------
# 연습 문제와 흔한 실수


def masked(text: str) -> str:
    """채점할 때마다 달라지는 숫자(학습 시간, Keras가 붙이는 층 이름의 번호)를 가린다."""
    return re.sub(r"\d+", "#", text)


def graded_messages(exercise: Any) -> list[str]:
    """오답 예시마다 학생이 받는 메시지를 중복 없이 모은 목록."""
    messages: list[str] = []
    for answer in exercise.wrong_examples:
        with contextlib.redirect_stdout(io.StringIO()):
            message = exercise.grade(answer)[1]
        if message not in messages:
            messages.append(message)
    return messages


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_exercise_shows_each_distinct_mistake_message(
    pages: dict[str, str], path: Path
) -> None:
    from helpers.exercises import Exercise

    module = importlib.import_module(f"helpers.exercises.lesson{path.stem[:2]}")
    exercises = {name: value for name, value in vars(module).items() if isinstance(value, Exercise)}
    text = part(pages[path.stem], "연습 문제와 흔한 실수")
    chunks = text.split("\n### ")[1:]
    assert len(chunks) == len(exercises) > 0
    for name, exercise in exercises.items():
        chunk = next((c for c in chunks if f"`ex.{name}`: " in c), None)
        assert chunk, f"{name}: 페이지에 없습니다"
        assert re.sub(r"\\(.)", r"\1", chunk.splitlines()[0]) == exercise.title
        shown = [
            html.unescape(m)
            for m in re.findall(
                r'<div class="mistake-message[^"]*"[^>]*>(.*?)</div>', chunk, flags=re.S
            )
        ]
        messages = graded_messages(exercise)
        assert len(shown) == len(messages), (
            f"{name}: 페이지 {len(shown)}가지, 채점기 {len(messages)}가지"
        )
        expected = [masked(instructor_pages.short_message(m)) for m in messages]
        assert sorted(masked(m) for m in shown) == sorted(expected), name
        assert (
            f"오답 예시 {len(exercise.wrong_examples)}개에서 메시지 {len(messages)}가지가" in chunk
        )


# ---------------------------------------------------------------------------
# 슬라이드


def rise_counts(cells: list[dict[str, Any]]) -> tuple[int, int]:
    """jupyterlab-rise의 규칙으로 센 (슬라이드 수, 아래 슬라이드 수): 처음 보이는 셀 앞의 slide/subslide는 새 장을 열지 않는다."""
    slides, subslides, started = 1, 0, False
    for cell in cells:
        kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")
        if not started:
            started = kind not in ("notes", "skip")
        elif kind == "slide":
            slides += 1
        elif kind == "subslide":
            subslides += 1
    return slides, subslides


def check_slide_section(text: str, cells: list[dict[str, Any]]) -> None:
    kinds = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in cells]
    if all(kind is None for kind in kinds):
        assert "슬라이드 정보가 없습니다" in text
        assert "|" not in text
        return
    slides, subslides = rise_counts(cells)
    assert (
        f"RISE 슬라이드 {slides}장, 그 아래로 넘기는 슬라이드(subslide) {subslides}장입니다" in text
    )
    for kind in ("fragment", "skip", "notes"):
        assert f" {kind} {kinds.count(kind)}개" in text
    rows = table_rows(text)
    assert len(rows) == slides + subslides
    assert [r[0] for r in rows if "-" not in r[0]] == [str(n) for n in range(1, slides + 1)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_slide_section_matches_the_cells_slide_metadata(pages: dict[str, str], path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    check_slide_section(part(pages[path.stem], "슬라이드"), cells)


def _cell(kind: str | None, source: str, cell_type: str = "markdown") -> dict[str, Any]:
    metadata = {} if kind is None else {"slideshow": {"slide_type": kind}}
    return {"cell_type": cell_type, "metadata": metadata, "source": source, "id": source[:8]}


def test_slides_are_counted_like_rise() -> None:
    """슬라이드 정보가 있는 노트북(합성): 첫 장 앞의 notes는 새 장을 열지 않고, 첫 'slide' 셀은 빈 첫 장을 만들지 않는다."""
    cells = [
        _cell("notes", "발표자 노트"),
        _cell("slide", "# 제목\n\n소개"),
        _cell("-", "print(1)", "code"),
        _cell("subslide", "첫 줄 | 글\n둘째 줄"),
        _cell("fragment", "## 조각"),
        _cell("skip", "## 보이지 않는 셀"),
        _cell("slide", "x = 1", "code"),
        _cell(None, "### 셋째 장의 제목"),
        _cell("subslide", "## 아래 슬라이드"),
        _cell("subslide", "## 또 아래"),
    ]
    notebook = {"cells": cells}
    text = "\n".join(instructor_pages.slide_section(notebook))
    check_slide_section(text, cells)
    assert rise_counts(cells) == (2, 3)
    rows = table_rows(text)
    assert rows == [
        ["1", "제목"],
        ["1-1", "조각"],  # 첫 제목(fragment 셀의 제목)
        ["2", "셋째 장의 제목"],
        ["2-1", "아래 슬라이드"],
        ["2-2", "또 아래"],
    ]
    # 제목이 없는 슬라이드는 처음 보이는 셀의 첫 줄
    only_code = [_cell("slide", "model.fit(x, y)", "code")]
    assert table_rows("\n".join(instructor_pages.slide_section({"cells": only_code}))) == [
        ["1", "`model.fit(x, y)`"]
    ]


def test_saved_grading_is_reused_only_when_code_data_and_versions_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """_build/에 저장해 둔 채점 결과는 지문(grading_key)이 같을 때만 쓰고, 다르면 새로 채점한다."""
    cache = tmp_path / "saved.json"
    monkeypatch.setattr(instructor_pages, "GRADING_CACHE", cache)
    started: list[Path] = []
    monkeypatch.setattr(instructor_pages, "start_grading", lambda folder: started.append(folder))
    saved = {"lesson01": [{"name": "q1", "title": "t", "code": False, "mistakes": []}]}
    cache.write_text(json.dumps({"key": instructor_pages.grading_key(), "mistakes": saved}))
    assert instructor_pages.Grading(tmp_path).result() == saved and not started
    cache.write_text(json.dumps({"key": "다른 코드로 채점한 결과", "mistakes": saved}))
    grading = instructor_pages.Grading(tmp_path)
    assert started == [tmp_path] and grading.found is None


def test_a_shortened_first_line_never_cuts_math_code_or_bold_in_half() -> None:
    """슬라이드 목록의 줄임: 짝이 맞지 않는 $, `, **가 남으면 페이지에 TeX 원문이나 깨진 서식이 보인다."""
    assert instructor_pages._cut("앞 $X\\mathbf{w} + b$ 뒤", 8) == "앞"
    assert instructor_pages._cut("`keras.layers.Dense(1)` 층", 10) == ""
    assert instructor_pages._cut("**굵게 시작해서 길게 이어지는 글** 다음", 10) == ""
    assert instructor_pages._cut("$x$와 `y`와 **z**", 100) == "$x$와 `y`와 **z**"
