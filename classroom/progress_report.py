"""학생들의 연습 문제 기록을 모아 표, 그림, 막힌 문제 목록을 만든다(강사용, root로 실행).

    sudo /opt/dl-course/.venv/bin/python /opt/dl-course/classroom/progress_report.py --group dl-students

학생의 커널이 ``check()``, ``hint()``, ``solution()``을 부를 때마다 학생 홈의 ``~/.dl-course/progress.jsonl``에 남긴
기록을 읽는다(helpers.exercises.records). 결과는 ``<dest>/<name>/``(폴더 0700)에 둔다.

- ``progress.csv``: 학생 × 연습 문제 표(utf-8-sig: 한국어 Excel에서 바로 열림). 칸은 ``✓ 2``(풀었음, 모두 2번 시도), ``✗ 3 힌트1``(3번 시도, 힌트 1번,
  아직 못 풂), ``힌트1``(힌트만 봄), 빈칸(시도하지 않음). 줄 끝에 학생마다 푼 문제 수, 시도, 힌트, 풀이, 마지막 활동, 기록 상태, 건너뛴 줄 수.
- ``heatmap.png``: 같은 표의 그림. 칸의 색은 풀었음/시도했지만 못 풀었음/시도하지 않음, 칸의 숫자는 시도 횟수.
- 화면: 수업마다 같은 표, 그리고 막힌 학생이 많은 문제 목록(시도한 학생이 ``--min-tried``명 이상이고 그 가운데 절반 이상이 아직 풀지
  못한 문제).

collect_work.py와 같은 방식으로 읽는다. 학생 폴더의 심볼릭 링크는 따라가지 않고(root로 읽으므로, 링크를 따라가면 학생이 다른 학생의
기록을 자기 것처럼 내거나 root에게 시스템 파일을 읽게 할 수 있다), 일반 파일만(FIFO에서 멈추지 않게 O_NONBLOCK), 16 MB까지 읽는다.
형식에 맞지 않는 줄은 건너뛰고 학생마다 그 수를 알려 준다. 기록은 학생이 스스로 고칠 수 있으므로 성적에 쓰지 않는다.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # 같은 폴더의 collect_work

from collect_work import _open_folder, read_regular_file, student_homes

from helpers.exercises.records import DEFAULT_RELATIVE, ExerciseStats, parse_records, summarize
from helpers.progress_table import lesson_catalogue, short_time, text_table, time_key

# 기록 파일 하나의 상한(16 MB, 약 8만 줄): 학생이 만든 거대한 파일이 root의 메모리를 채우지 못하게
MAX_BYTES = 16 * 2**20
READ = "읽음"


@dataclass
class Student:
    """학생 한 명의 기록: 상태("읽음", "없음", "건너뜀(…)"), 건너뛴 줄 수, 문제별 통계."""

    name: str
    status: str
    bad_lines: int = 0
    stats: dict[str, ExerciseStats] = field(default_factory=dict)

    def cell(self, exercise: str) -> ExerciseStats:
        return self.stats.get(exercise) or ExerciseStats(exercise)


def read_progress(home: Path, relative: Path = DEFAULT_RELATIVE) -> bytes | str:
    """학생 홈의 기록 파일 내용, 또는 읽지 않은 까닭. 링크는 하나도 따라가지 않는다."""
    folder_fd = _open_folder(home, str(relative.parent))
    if isinstance(folder_fd, str):
        return folder_fd
    try:
        outcome = read_regular_file(folder_fd, relative.name, MAX_BYTES)
        return outcome if isinstance(outcome, str) else outcome[0]
    finally:
        os.close(folder_fd)


def load_students(homes: list[Path], relative: Path = DEFAULT_RELATIVE) -> list[Student]:
    students = []
    for home in homes:
        outcome = read_progress(home, relative)
        if isinstance(outcome, str):
            students.append(Student(home.name, outcome))
            continue
        entries, bad = parse_records(outcome)
        students.append(Student(home.name, READ, bad, summarize(entries)))
    return students


def exercise_columns(students: list[Student], lessons: list[str]) -> list[str]:
    """표의 열: 누군가 기록을 남긴 수업(``lessons``를 주면 그 수업)의 모든 문제(강의 순서), 그리고 목록에 없는 문제 id(이름 순서)."""
    catalogue = lesson_catalogue()
    seen = {exercise for s in students for exercise in s.stats}
    active = {exercise.split(".")[0] for exercise in seen}
    if lessons:
        active = set(lessons)  # 아무도 시작하지 않은 수업도 빈칸으로 보인다
    columns = [e for lesson, (_name, ids) in catalogue.items() if lesson in active for e in ids]
    known = {e for _name, ids in catalogue.values() for e in ids}
    columns += sorted(e for e in seen - known if e.split(".")[0] in active)
    return columns


SUMMARY_HEADERS = ["푼 문제", "시도", "힌트", "풀이", "마지막 활동", "기록 상태", "건너뛴 줄"]


def student_summary(student: Student, columns: list[str]) -> list[str]:
    mine = [student.cell(e) for e in columns]
    last = max((s.last for s in student.stats.values()), default="", key=time_key)
    return [
        str(sum(s.solved for s in mine)), str(sum(s.attempts for s in mine)), str(sum(s.hints for s in mine)),
        str(sum(s.solutions for s in mine)), short_time(last), student.status, str(student.bad_lines),
    ]  # fmt: skip


def write_csv(path: Path, students: list[Student], columns: list[str]) -> None:
    # utf-8-sig: 한국어 Excel이 한글을 깨뜨리지 않고 연다
    with path.open("w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream)
        writer.writerow(["학생", *columns, *SUMMARY_HEADERS])
        for student in students:
            writer.writerow(
                [
                    student.name,
                    *(student.cell(e).cell() for e in columns),
                    *student_summary(student, columns),
                ]
            )


def stuck_exercises(
    students: list[Student], columns: list[str], min_tried: int
) -> list[tuple[str, int, int, float, int]]:
    """막힌 학생이 많은 문제, 곧 시도한 학생이 ``min_tried``명 이상이고 그 가운데 절반 이상이 아직 풀지 못한 문제를 찾는다.

    (문제, 시도한 학생 수, 못 푼 학생 수, 못 푼 학생의 평균 시도 횟수, 힌트를 본 학생 수)를 못 푼 학생이 많은 순서로 돌려준다."""
    found = []
    for exercise in columns:
        cells = [s.cell(exercise) for s in students]
        tried = [c for c in cells if c.tried]
        unsolved = [c for c in tried if not c.solved]
        if len(tried) >= min_tried and tried and 2 * len(unsolved) >= len(tried):
            mean = sum(c.attempts for c in unsolved) / len(unsolved)
            found.append(
                (exercise, len(tried), len(unsolved), mean, sum(c.hints > 0 for c in cells))
            )
    return sorted(found, key=lambda item: (-item[2], -item[2] / item[1], item[0]))


def draw_heatmap(path: Path, students: list[Student], columns: list[str]) -> None:
    """학생 × 문제 그림: 색은 풀었음/시도했지만 못 풀었음/시도하지 않음, 칸의 숫자는 시도 횟수."""
    from matplotlib.colors import ListedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    import helpers

    helpers.set_korean_font()
    colours = ["#e6e6e6", "#f0a35e", "#5bb974"]  # 시도하지 않음, 시도했지만 못 풀었음, 풀었음
    levels = [
        [2 if c.solved else 1 if c.tried else 0 for c in (s.cell(e) for e in columns)]
        for s in students
    ]
    figure = Figure(
        figsize=(max(6.0, 0.55 * len(columns) + 2.5), max(3.0, 0.45 * len(students) + 2.2)),
        layout="constrained",
    )
    axes = figure.add_subplot()
    axes.set_title(f"연습 문제 진행 상황(학생 {len(students)}명)")
    if not columns or not students:
        axes.text(0.5, 0.5, "아직 연습 문제 기록이 없습니다.", ha="center", va="center")
        axes.set_axis_off()
        figure.savefig(path, dpi=110)
        return
    axes.imshow(levels, cmap=ListedColormap(colours), vmin=-0.5, vmax=2.5, aspect="auto")
    for row, student in enumerate(students):
        for col, exercise in enumerate(columns):
            attempts = student.cell(exercise).attempts
            if attempts:
                axes.text(col, row, str(attempts), ha="center", va="center", fontsize=9)
    axes.set_xticks(
        range(len(columns)), [e.removeprefix("lesson") for e in columns], rotation=60, ha="right"
    )
    axes.set_yticks(range(len(students)), [s.name for s in students])
    # 칸 사이의 흰 선
    axes.set_xticks([i - 0.5 for i in range(len(columns) + 1)], minor=True)
    axes.set_yticks([i - 0.5 for i in range(len(students) + 1)], minor=True)
    axes.grid(which="minor", color="white", linewidth=1.5)
    axes.tick_params(which="minor", length=0)
    axes.set_xlabel("연습 문제(칸의 숫자: 시도 횟수)")
    axes.set_ylabel("학생")
    legend = [Patch(color=colours[2], label="풀었음"), Patch(color=colours[1], label="시도했지만 못 풀었음"),
              Patch(color=colours[0], label="시도하지 않음")]  # fmt: skip
    figure.legend(handles=legend, loc="outside lower center", ncols=3, frameon=False)
    figure.savefig(path, dpi=110)


def report(homes: list[Path], destination: Path, *, lessons: list[str], min_tried: int,
           relative: Path = DEFAULT_RELATIVE) -> list[str]:  # fmt: skip
    """표(CSV), 그림(PNG)을 ``destination``에 만들고 화면에 보일 줄들을 돌려준다."""
    if destination.exists():
        raise FileExistsError(
            f"폴더가 이미 있습니다({destination}). 앞서 만든 보고서를 덮어쓰지 않습니다. 다른 --name을 주세요. "
            "/ Refusing to overwrite an earlier report."
        )
    students = load_students(homes, relative)
    columns = exercise_columns(students, lessons)
    destination.mkdir(parents=True, mode=0o700)
    destination.chmod(0o700)
    write_csv(destination / "progress.csv", students, columns)
    draw_heatmap(destination / "heatmap.png", students, columns)

    catalogue = lesson_catalogue()
    lines = [f"학생 {len(students)}명의 연습 문제 기록 → {destination}", ""]
    for lesson in dict.fromkeys(e.split(".")[0] for e in columns):
        ids = [e for e in columns if e.split(".")[0] == lesson]
        lines.append(f"[{catalogue.get(lesson, (lesson, []))[0]}]")
        rows = [[s.name, *(s.cell(e).cell() for e in ids)] for s in students]
        lines += [text_table(["학생", *(e.split(".")[1] for e in ids)], rows), ""]
    if not columns:
        lines += ["아직 연습 문제 기록을 남긴 학생이 없습니다.", ""]
    lines.append(
        f"칸: ✓ 풀었음, ✗ 시도했지만 아직 못 풀었음, 숫자는 시도 횟수, 힌트N·풀이N의 N은 본 횟수. 표: {destination / 'progress.csv'}"
    )
    lines.append(f"그림: {destination / 'heatmap.png'}")
    lines.append("")
    stuck = stuck_exercises(students, columns, min_tried)
    rule = f"시도한 학생이 {min_tried}명 이상이고 그 가운데 절반 이상이 아직 풀지 못한 문제"
    if stuck:
        lines.append(f"막힌 학생이 많은 문제({rule}):")
        for exercise, tried, unsolved, mean, hinted in stuck:
            name = catalogue.get(exercise.split(".")[0], (exercise.split(".")[0], []))[0]
            lines.append(
                f"  - {exercise} ({name}): 시도한 학생 {tried}명 가운데 {unsolved}명이 아직 풀지 못했습니다"
                f"(못 푼 학생의 평균 시도 {mean:.1f}번, 힌트를 본 학생 {hinted}명)."
            )
    else:
        lines.append(f"막힌 학생이 많은 문제가 없습니다({rule}).")
    missing = [s for s in students if s.status != READ]
    if missing:
        lines += ["", f"기록이 없거나 건너뛴 학생 {len(missing)}명:"]
        lines += [f"  - {s.name}: {s.status}" for s in missing]
    damaged = [s for s in students if s.bad_lines]
    if damaged:
        lines += ["", "형식에 맞지 않아 건너뛴 줄이 있는 학생:"]
        lines += [f"  - {s.name}: 건너뛴 줄 {s.bad_lines}개" for s in damaged]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="학생들의 연습 문제 진행 상황(students' exercise progress)"
    )
    parser.add_argument(
        "--group",
        default="dl-students",
        help="학생 그룹: 그 구성원의 홈 폴더에서 읽는다(기본 dl-students)",
    )
    parser.add_argument("--homes", help="그룹 대신 학생 홈 폴더의 glob(예: /home/student*)")
    parser.add_argument(
        "--lesson",
        action="append",
        default=[],
        help="이 수업만 본다(예: 01). 여러 번 줄 수 있다. 주지 않으면 기록이 있는 수업을 모두 본다.",
    )
    parser.add_argument(
        "--min-tried",
        type=int,
        default=2,
        help="막힌 문제로 꼽는 데 필요한 최소 시도 학생 수(기본 2)",
    )
    parser.add_argument("--dest", default="/srv/dl-course/progress", help="보고서를 둘 폴더")
    parser.add_argument(
        "--name",
        default=datetime.datetime.now().strftime("%Y%m%d-%H%M%S"),
        help="이번 보고서의 이름(기본: 지금 시각)",
    )
    args = parser.parse_args(argv)
    homes = student_homes(args.homes, args.group)
    if not homes:
        return 2
    lessons = [f"lesson{lesson.removeprefix('lesson').zfill(2)}" for lesson in args.lesson]
    known = lesson_catalogue()
    unknown = [lesson for lesson in lessons if lesson not in known]
    if unknown:
        choices = ", ".join(lesson.removeprefix("lesson") for lesson in known)
        print(
            f"없는 수업입니다: {', '.join(unknown)}. 고를 수 있는 수업: {choices} / unknown lesson",
            file=sys.stderr,
        )
        return 2
    try:
        lines = report(
            homes, Path(args.dest) / args.name, lessons=lessons, min_tried=max(1, args.min_tried)
        )
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
