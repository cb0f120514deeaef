"""내 연습 문제 진행 상황: 수업마다 푼 문제 수, 시도 횟수, 힌트와 풀이를 본 횟수, 마지막 활동.

노트북에서::

    import helpers
    helpers.progress()

연습 문제의 ``check()``, ``hint()``, ``solution()``이 이 계정 안의 파일(``~/.dl-course/progress.jsonl``)에 남긴 기록만
읽는다(:mod:`helpers.exercises.records`). 기록은 밖으로 보내지 않는다.
"""

from __future__ import annotations

import datetime
import html
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.exercises import records

HEADERS = ("수업", "푼 문제", "시도", "힌트", "풀이", "마지막 활동")
EMPTY_MESSAGE = (
    "📭 아직 연습 문제 기록이 없습니다. 노트북의 연습 문제에서 ex.q1.check(answer_q1)처럼 답을 채점해 보면 "
    "여기에 수업마다 진행 상황이 쌓입니다."
)
NOTE = (
    "시도: 답을 넣고 채점한 횟수(답이 빈칸인 채로 실행한 채점은 세지 않습니다). 힌트, 풀이: 본 횟수.\n"
    "기록은 이 계정 안의 파일에만 남고 밖으로 나가지 않습니다."
)


@dataclass(frozen=True)
class LessonRow:
    """표의 한 줄: 수업 하나."""

    lesson: str  # "lesson01"
    name: str  # "01 인공 뉴런"
    solved: int
    total: int
    attempts: int
    hints: int
    solutions: int
    last: str  # ISO 8601, 기록이 없으면 ""

    def cells(self) -> list[str]:
        return [self.name, f"{self.solved} / {self.total}", str(self.attempts), str(self.hints), str(self.solutions),
                short_time(self.last) or "—"]  # fmt: skip


def lesson_catalogue() -> dict[str, tuple[str, list[str]]]:
    """수업마다 (이름, 문제 id 목록). 이름은 ``lessonNN`` 모듈 설명의 첫 부분(예: ``"01 인공 뉴런"``)."""
    from helpers.exercises import all_exercises

    catalogue: dict[str, tuple[str, list[str]]] = {}
    for exercise_id, _exercise in all_exercises():
        lesson = exercise_id.split(".")[0]
        if lesson not in catalogue:
            doc = (sys.modules[f"helpers.exercises.{lesson}"].__doc__ or lesson).strip()
            catalogue[lesson] = (doc.split(":")[0].split("\n")[0].strip() or lesson, [])
        catalogue[lesson][1].append(exercise_id)
    return catalogue


def short_time(stamp: str) -> str:
    """ISO 8601 시각을 ``2026-12-07 14:03 UTC+9`` 꼴로 바꾼다(기록된 시간대와 그 표시). 읽을 수 없으면 빈 문자열.

    서버의 시간대가 UTC이면 한국 시각과 9시간 다르므로, 어느 시간대의 시각인지 함께 적는다."""
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return ""
    offset = moment.utcoffset()
    if offset is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    zone = "UTC" if minutes == 0 else f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return f"{moment:%Y-%m-%d %H:%M} {zone}"


def lesson_rows(path: Path | None = None) -> tuple[list[LessonRow], int, int]:
    """기록 파일을 읽어 (수업마다 한 줄, 기록 수, 건너뛴 잘못된 줄 수)를 돌려준다."""
    entries, bad = records.parse_records(records.read_own_file(path))
    stats = records.summarize(entries)
    catalogue = lesson_catalogue()
    lessons = list(catalogue) + sorted({s.lesson for s in stats.values()} - set(catalogue))
    rows = []
    for lesson in lessons:
        name, known = catalogue.get(lesson, (lesson, []))
        mine = [s for s in stats.values() if s.lesson == lesson]
        rows.append(LessonRow(
            lesson=lesson,
            name=name,
            solved=sum(s.solved for s in mine if s.exercise in known),
            total=len(known),
            attempts=sum(s.attempts for s in mine),
            hints=sum(s.hints for s in mine),
            solutions=sum(s.solutions for s in mine),
            last=max((s.last for s in mine), key=time_key, default=""),
        ))  # fmt: skip
    return rows, len(entries), bad


def time_key(stamp: str) -> datetime.datetime:
    """시각을 비교하는 키(시간대가 달라도 바르게 비교한다). 읽을 수 없으면 가장 이른 시각."""
    try:
        return datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)


def display_width(text: str) -> int:
    """터미널에서 차지하는 칸 수(한글 같은 전각 글자는 2칸)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """글자 폭(한글은 2칸)을 맞춘 텍스트 표. 첫 열은 왼쪽, 나머지는 오른쪽 정렬."""
    widths = [
        max(display_width(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))
    ]

    def line(row: Sequence[str]) -> str:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(str(cell)))
            cells.append(f"{cell}{pad}" if i == 0 else f"{pad}{cell}")
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "") -> str:
    """Jupyter에서 보일 HTML 표. 색을 정하지 않아 밝은 테마와 어두운 테마 모두 JupyterLab의 글자색을 그대로 쓴다."""
    head = "".join(
        f'<th style="text-align:{"left" if i == 0 else "right"}">{html.escape(h)}</th>'
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>" + "".join(
            f'<td style="text-align:{"left" if i == 0 else "right"}">{html.escape(str(c))}</td>' for i, c in enumerate(row)
        ) + "</tr>"
        for row in rows
    )  # fmt: skip
    note = (
        f'<div style="margin-top:4px; font-size:90%; white-space:pre-wrap">{html.escape(caption)}</div>'
        if caption
        else ""
    )
    return (
        '<div style="font-family: var(--jp-content-font-family, sans-serif)">'
        f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}</div>'
    )


def progress(path: str | Path | None = None) -> None:
    """내 연습 문제 진행 상황을 수업마다 표로 보여 준다(Jupyter에서는 HTML 표, 그 밖에서는 텍스트 표).

    ``path``를 주지 않으면 이 계정의 기록 파일(``DL_COURSE_PROGRESS`` 또는 ``~/.dl-course/progress.jsonl``)을 읽는다."""
    from helpers.exercises.core import _in_notebook

    where = records.progress_path() if path is None else Path(path)
    rows, count, bad = lesson_rows(where)
    lost = (
        f"\n⚠️ 이 커널에서 채점한 기록 가운데 파일에 쓰지 못한 것이 있습니다({records.last_error}). "
        f"기록 파일의 폴더에 쓸 수 있는지 확인하세요(기록 파일: {where})."
        if records.last_error
        else ""
    )
    if count == 0:
        text = (
            EMPTY_MESSAGE
            if not bad
            else f"{EMPTY_MESSAGE}\n(읽을 수 없는 줄 {bad}개를 건너뛰었습니다. 기록 파일: {where})"
        )
        _show(text + lost, None)
        return
    total = LessonRow("", "합계", sum(r.solved for r in rows), sum(r.total for r in rows), sum(r.attempts for r in rows),
                      sum(r.hints for r in rows), sum(r.solutions for r in rows),
                      max((r.last for r in rows), key=time_key, default=""))  # fmt: skip
    table_rows = [row.cells() for row in [*rows, total]]
    note = NOTE + f"\n기록 파일: {where}"
    if bad:
        note += f"\n읽을 수 없는 줄 {bad}개를 건너뛰었습니다."
    note += lost
    title = "📊 내 연습 문제 진행 상황"
    plain = f"{title}\n{text_table(HEADERS, table_rows)}\n{note}"
    markup = (
        f"<b>{html.escape(title)}</b>{html_table(HEADERS, table_rows, note)}"
        if _in_notebook()
        else None
    )
    _show(plain, markup)


def _show(plain: str, markup: str | None) -> None:
    if markup is None:
        print(plain)
        return
    from IPython.display import display

    display({"text/plain": plain, "text/html": markup}, raw=True)
