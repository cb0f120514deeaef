"""연습 문제 기록(helpers.exercises.records), 학생의 helpers.progress(), 강사의 classroom/progress_report.py.

기록은 학생 계정 안의 파일에만 남고, 어떤 오류(읽기 전용 폴더, 가득 찬 디스크, 망가진 파일, 동시에 쓰는 커널)도 채점을
깨뜨리거나 늦추지 않는다. 강사 명령은 학생이 만든 링크, FIFO, 거대한 파일을 따라가거나 읽지 않는다.
모든 테스트는 DL_COURSE_PROGRESS로 임시 경로를 쓴다(tests/conftest.py가 테스트 전체에 임시 경로를 정해 둔다).
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import pwd
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

import helpers
from helpers.exercises import Exercise, all_exercises, records
from helpers.exercises.coding import CodeExercise

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "classroom"))

import progress_report  # noqa: E402


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """이 테스트만의 기록 파일 경로(아직 없는 폴더 안)."""
    path = tmp_path / "account" / ".dl-course" / "progress.jsonl"
    monkeypatch.setenv(records.ENV_VAR, str(path))
    return path


def _number(answer: object) -> str | None:
    return None if answer == 42 else "42가 아닙니다."


def _exercise(exercise_id: str = "lesson98.q1") -> Exercise:
    return Exercise(
        "테스트 문제",
        _number,
        hint="힌트 글",
        solution="풀이 글",
        correct=[42],
        wrong=[1],
        exercise_id=exercise_id,
    )


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_check_hint_and_solution_each_append_one_record(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exercise = _exercise()
    exercise.check(1)
    exercise.hint()
    exercise.check(...)  # 빈칸: 기록은 남지만 시도로 세지 않는다
    exercise.check(2)
    exercise.solution()
    exercise.check(42)
    out = capsys.readouterr().out
    assert (
        out.count("❌") == 2 and "✅" in out and "💡 힌트" in out and "📖 풀이" in out
    )  # 학생이 보는 것은 그대로
    got = _lines(log)
    assert [(r["event"], r.get("passed"), r.get("blank"), r.get("attempt")) for r in got] == [
        ("check", False, False, 1),
        ("hint", None, None, None),
        ("check", False, True, None),
        ("check", False, False, 2),
        ("solution", None, None, None),
        ("check", True, False, 3),
    ]
    checks = [r for r in got if r["event"] == "check"]
    assert [(r["hint_seen"], r["solution_seen"]) for r in checks] == [
        (False, False), (True, False), (True, False), (True, True),
    ]  # fmt: skip
    assert {r["lesson"] for r in got} == {"lesson98"} and {r["exercise"] for r in got} == {
        "lesson98.q1"
    }
    for entry in got:
        stamp = datetime.datetime.fromisoformat(entry["time"])
        assert stamp.utcoffset() is not None, entry["time"]  # 시간대 오프셋이 있다
        assert abs((datetime.datetime.now(datetime.UTC) - stamp).total_seconds()) < 60
    assert log.stat().st_mode & 0o777 == 0o600
    assert log.parent.stat().st_mode & 0o777 == 0o700


def test_code_exercises_are_recorded_too(log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exercise = CodeExercise(
        "두 배", lambda f: None if f(3) == 6 else "두 배가 아닙니다.", hint="h", solution="s",
        correct=[lambda x: 2 * x], mistakes=[(lambda x: x, "두 배")], exercise_id="lesson98.code1",
    )  # fmt: skip

    def blank(x: int) -> None: ...

    exercise.check(blank)
    exercise.check(lambda x: x)
    exercise.check(lambda x: 2 * x)
    capsys.readouterr()
    assert [(r["blank"], r["passed"], r["attempt"]) for r in _lines(log)] == [
        (True, False, None),
        (False, False, 1),
        (False, True, 2),
    ]


def test_every_lesson_exercise_has_its_module_level_id(log: Path) -> None:
    found = list(all_exercises())
    assert len({name for name, _ in found}) == len(found)
    for name, exercise in found:
        assert exercise.id == name
    # all_exercises()를 부르지 않은 커널에서도(노트북은 ex.q1.check만 부른다) 같은 id를 찾는다
    from helpers.exercises import lesson01

    saved = lesson01.q2._id
    lesson01.q2._id = None
    try:
        assert lesson01.q2.id == "lesson01.q2"
    finally:
        lesson01.q2._id = saved
    # 모듈 밖에서 만든 id 없는 문제는 기록하지 않는다(어느 문제인지 모르므로)
    Exercise("이름 없음", _number, hint="h", solution="s", correct=[42], wrong=[1]).check(42)
    assert not log.exists()


def test_default_path_is_in_the_students_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(records.ENV_VAR, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert records.progress_path() == tmp_path / ".dl-course" / "progress.jsonl"
    records.record("lesson98.q1", "hint")
    assert (tmp_path / ".dl-course").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / ".dl-course" / "progress.jsonl").stat().st_mode & 0o777 == 0o600


# 읽기 전용 폴더에 기록하려는 학생: root는 권한을 무시하므로 root일 때는 nobody 계정으로 실행한다.
_READ_ONLY_STUDENT = """
import os, sys
from helpers.exercises import Exercise
ex = Exercise("t", lambda a: None if a == 42 else "아님", hint="h", solution="s", correct=[42], wrong=[1],
              exercise_id="lesson98.q1")
ex.check(1); ex.hint(); ex.check(42); ex.solution()
print("끝", os.path.exists(os.environ["DL_COURSE_PROGRESS"]))
"""


def _as_another_user() -> tuple[str, dict[str, Any], dict[str, str]]:
    """권한을 지키는 계정으로 파이썬을 실행할 준비: (파이썬, subprocess 인수, 더할 환경 변수).

    root는 폴더 권한을 무시하므로 root일 때는 nobody 계정으로 실행한다. 가상환경의 파이썬은 root의 홈(0700) 아래에
    있을 수 있어 nobody가 실행하지 못하므로 배포판의 python3(3.11 이상)에 저장소를 PYTHONPATH로 준다(기록에는
    표준 라이브러리만 쓴다)."""
    if os.geteuid() != 0:
        return sys.executable, {}, {}
    system = Path("/usr/bin/python3")
    if not system.exists():
        pytest.skip("root로 실행 중인데 nobody가 실행할 /usr/bin/python3이 없습니다")
    version = subprocess.run(
        [system, "-c", "import sys; print(sys.version_info >= (3, 11))"],
        capture_output=True,
        text=True,
    )
    if version.stdout.strip() != "True":
        pytest.skip("/usr/bin/python3이 3.11보다 낮습니다")
    nobody = pwd.getpwnam("nobody")
    return (
        str(system),
        {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []},
        {"PYTHONPATH": str(ROOT)},
    )


def test_a_read_only_folder_never_breaks_a_check() -> None:
    python, as_user, extra_env = _as_another_user()
    base = Path(tempfile.mkdtemp(prefix="dl-progress-ro-"))
    folder = base / "readonly"
    try:
        base.chmod(0o755)
        folder.mkdir()
        folder.chmod(0o555)
        env = {
            **os.environ,
            **extra_env,
            records.ENV_VAR: str(folder / ".dl-course" / "progress.jsonl"),
            "HOME": str(base),
        }
        control = subprocess.run([python, "-c", f"open({str(folder / 'x')!r}, 'w')"], env=env, cwd=ROOT,
                                 capture_output=True, text=True, timeout=60, **as_user)  # fmt: skip
        assert "PermissionError" in control.stderr, (
            "대조군: 이 계정이 읽기 전용 폴더에 쓸 수 있습니다"
        )
        result = subprocess.run([python, "-c", _READ_ONLY_STUDENT], env=env, cwd=ROOT, capture_output=True,
                                text=True, timeout=60, **as_user)  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert (
            "❌" in result.stdout
            and "✅" in result.stdout
            and result.stdout.rstrip().endswith("끝 False")
        )
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_a_full_disk_and_other_write_errors_are_swallowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers.exercises import core

    exercise = _exercise()
    monkeypatch.setattr(core, "_warned_about_records", False)
    monkeypatch.setattr(records, "last_error", None)
    # /dev/full: 모든 쓰기가 ENOSPC(디스크 가득 참)로 실패하는 진짜 장치
    monkeypatch.setenv(records.ENV_VAR, "/dev/full")
    with pytest.raises(OSError, match="No space"):
        records.append_line(
            Path("/dev/full"), lambda existing: b"x\n", history=True
        )  # 대조군: 정말 실패한다
    exercise.check(42)
    exercise.hint()
    # 경로가 폴더이거나, 폴더 자리에 파일이 있거나, 경로 자체가 이상한 경우
    monkeypatch.setenv(records.ENV_VAR, str(tmp_path))
    exercise.check(1)
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv(records.ENV_VAR, str(tmp_path / "file" / "progress.jsonl"))
    exercise.check(1)
    monkeypatch.setenv(records.ENV_VAR, str(tmp_path / ("x" * 5000)))  # 이름이 너무 길다
    exercise.check(1)
    os.mkfifo(tmp_path / "fifo")  # 기록 경로에 FIFO가 있어도 멈추지 않는다
    monkeypatch.setenv(records.ENV_VAR, str(tmp_path / "fifo"))
    exercise.check(1)
    out = capsys.readouterr().out
    assert out.count("✅") == 1 and out.count("❌") == 4 and "💡" in out
    # 기록을 잃는다는 것은 조용히 넘어가지 않는다: 커널마다 한 번 알리고, helpers.progress()도 알린다
    assert out.count("진행 기록을 저장하지 못했습니다") == 1, out
    assert records.last_error and "OSError" in records.last_error
    helpers.progress()
    assert "파일에 쓰지 못한 것이 있습니다" in capsys.readouterr().out

    # 파일 객체의 write가 ENOSPC를 내는 경우(디스크가 쓰는 도중에 가득 참)
    def full(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setenv(records.ENV_VAR, str(tmp_path / "ok.jsonl"))
    monkeypatch.setattr(records.os, "write", full)
    exercise.check(42)
    monkeypatch.undo()
    assert "✅" in capsys.readouterr().out


def test_a_corrupt_file_with_garbage_and_a_half_written_last_line(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exercise = _exercise()
    exercise.check(1)
    exercise.hint()
    good = log.read_bytes()
    log.write_bytes(
        b"garbage\n\xff\xfe not utf-8\n[1, 2]\n{}\n"
        + good
        + b'{"v":1,"event":"check","lesson":"lesson98","exercise":"lesson98.q1","passed":true,"blank":false,"time":"2026-12-'
        + b"\n" + b"[" * 100_000 + b"\n"  # 너무 깊이 중첩된 JSON
        + b'{"v":1,"event":"check","lesson":"lesson98","exercise":"lesson98.q1","pass'  # 반쯤 쓴 마지막 줄(줄바꿈 없음)
    )  # fmt: skip
    exercise.check(42)
    text = log.read_bytes()
    assert text.endswith(b"\n") and text.splitlines()[-2].endswith(
        b'"pass'
    )  # 반쯤 쓴 줄에 이어 붙이지 않았다
    entries, bad = records.parse_records(text)
    assert bad == 7
    assert [(e["event"], e.get("attempt")) for e in entries] == [
        ("check", 1),
        ("hint", None),
        ("check", 2),
    ]
    assert entries[-1]["hint_seen"] is True and entries[-1]["passed"] is True
    helpers.progress()
    out = capsys.readouterr().out
    assert "읽을 수 없는 줄 7개를 건너뛰었습니다" in out


_WRITER = """
import random, sys, time
from helpers.exercises import Exercise
start, n, me, pause = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
exercises = [Exercise(f"t{i}", lambda a: None if a == 42 else "아님", hint="h", solution="s", correct=[42], wrong=[1],
                      exercise_id=f"lesson98.q{i}") for i in (1, 2)]
while time.time() < start:
    time.sleep(0.001)
for i in range(n):
    exercise = exercises[(i + me) % 2]
    exercise.check(42 if i % 3 == 0 else 1)
    if i % 5 == 0:
        exercise.hint()
    time.sleep(pause * random.random())
"""


@pytest.mark.parametrize(
    ("processes", "per_process", "pause", "exact_attempts"),
    [(4, 50, 0.004, True), (8, 40, 0.0, False)],
    ids=["kernels-2x2", "stress-8-no-pause"],
)
def test_kernels_writing_at_once_lose_nothing(
    log: Path, processes: int, per_process: int, pause: float, exact_attempts: bool
) -> None:
    """여러 프로세스(학생 둘 × 커널 둘, 그리고 쉬지 않고 채점하는 8개)가 같은 파일에 동시에 쓴다.

    언제나: 기록은 하나도 빠지지 않고 모든 줄이 온전한 JSON이다(O_APPEND에 한 번에 쓰는 줄).
    커널처럼 채점 사이에 몇 밀리초라도 쉬면: 잠금 덕분에 시도 번호가 문제마다 1, 2, …로 겹치지 않는다. 쉬지 않고 8개가 몰리면
    잠금을 0.2초 안에 못 잡은 프로세스가 잠금 없이 써서 시도 번호가 겹칠 수 있다(그래도 줄은 온전하다)."""
    start = time.time() + 3
    env = {**os.environ, records.ENV_VAR: str(log)}
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(start), str(per_process), str(me), str(pause)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for me in range(processes)
    ]
    for process in running:
        assert process.wait(120) == 0, process.stderr.read() if process.stderr else ""
    lines = log.read_bytes().split(b"\n")
    assert lines[-1] == b""
    entries = [json.loads(line) for line in lines[:-1]]  # 모든 줄이 온전한 JSON이다
    checks = [e for e in entries if e["event"] == "check"]
    assert len(checks) == processes * per_process
    assert len(entries) - len(checks) == processes * len(range(0, per_process, 5))
    if exact_attempts:
        for exercise in ("lesson98.q1", "lesson98.q2"):
            attempts = [e["attempt"] for e in checks if e["exercise"] == exercise]
            assert attempts == list(range(1, len(attempts) + 1)), (
                f"{exercise}: 시도 번호가 겹치거나 빠졌습니다"
            )


def test_recording_adds_only_milliseconds_to_a_check(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """기록 파일이 1,000줄일 때 check() 한 번에 더해지는 시간(기록만 따로 잰다). 중앙값을 출력한다."""
    exercise = _exercise()
    line = json.dumps({"v": 1, "event": "check", "lesson": "lesson98", "exercise": "lesson98.q1", "passed": False,
                       "blank": False, "attempt": 1, "hint_seen": False, "solution_seen": False,
                       "time": "2026-12-07T14:03:05+09:00"}, separators=(",", ":"))  # fmt: skip
    log.parent.mkdir(parents=True)
    log.write_text((line + "\n") * 1000, encoding="utf-8")
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        exercise._record("check", passed=False, blank=False)
        timings.append(time.perf_counter() - started)
    assert _lines(log)[-1]["attempt"] == 1000 + 30
    median = statistics.median(timings)
    capsys.readouterr()
    with capsys.disabled():
        print(
            f"\n기록이 check() 한 번에 더하는 시간(1,000줄 파일): 중앙값 {median * 1000:.2f} ms, 최대 {max(timings) * 1000:.2f} ms"
        )
    assert median < 0.050, f"기록이 check() 한 번에 {median * 1000:.1f} ms를 더합니다"


def test_progress_shows_each_lesson_in_korean(
    log: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    helpers.progress()
    assert "아직 연습 문제 기록이 없습니다" in capsys.readouterr().out
    from helpers.exercises import lesson01

    lesson01.q1.check(102.5)
    lesson01.q1.hint()
    lesson01.q1.check(120)
    lesson01.q2.check(33.8)
    lesson01.q2.solution()
    lesson01.q3.check(...)
    capsys.readouterr()
    from helpers.progress_table import lesson_rows

    rows, count, bad = lesson_rows()
    assert (count, bad) == (6, 0)
    one = next(r for r in rows if r.lesson == "lesson01")
    assert (one.name, one.solved, one.total, one.attempts, one.hints, one.solutions) == (
        "01 인공 뉴런",
        1,
        6,
        3,
        1,
        1,
    )
    assert [r.lesson for r in rows][:8] == [f"lesson0{i}" for i in range(8)]
    helpers.progress()
    out = capsys.readouterr().out
    for header in ("수업", "푼 문제", "시도", "힌트", "풀이", "마지막 활동"):
        assert header in out
    assert "01 인공 뉴런" in out and "1 / 6" in out and str(log) in out

    # Jupyter에서는 같은 표를 HTML로(text/plain도 함께)
    shown: list[dict[str, str]] = []
    monkeypatch.setattr("helpers.exercises.core._in_notebook", lambda: True)
    monkeypatch.setattr("IPython.display.display", lambda data, raw=False: shown.append(data))
    helpers.progress()
    assert len(shown) == 1 and "<table" in shown[0]["text/html"] and "<th" in shown[0]["text/html"]
    assert "마지막 활동" in shown[0]["text/html"] and "01 인공 뉴런" in shown[0]["text/plain"]


def test_helpers_progress_is_a_lazy_export_that_stays_callable() -> None:
    assert "progress" in helpers.__all__ and ":mod:`helpers.progress_table`" in (helpers.__doc__ or "")
    code = "import helpers.progress_table, helpers\nhelpers.progress()\nimport helpers as h\nh.progress()"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, records.ENV_VAR: "/nonexistent/progress.jsonl"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("아직 연습 문제 기록이 없습니다") == 2


# ---------------------------------------------------------------------------
# 강사 명령: classroom/progress_report.py


def _write_records(path: Path, plan: list[tuple[str, str, bool | None]]) -> None:
    """각본(사건, 문제, 맞았나)대로 기록 파일을 만든다(실제 기록 함수로)."""
    old = os.environ.get(records.ENV_VAR)
    os.environ[records.ENV_VAR] = str(path)
    try:
        for event, exercise_id, passed in plan:
            records.record(
                exercise_id, event, passed=bool(passed), blank=passed is None and event == "check"
            )
    finally:
        if old is None:
            os.environ.pop(records.ENV_VAR)
        else:
            os.environ[records.ENV_VAR] = old


@pytest.fixture
def homes(tmp_path: Path) -> Path:
    """학생 여덟: 셋은 정상, 하나는 망가진 줄, 하나는 다른 학생의 파일로 가는 링크, 하나는 기록 폴더 자체가 링크,
    하나는 FIFO, 하나는 16 MB가 넘는 파일. 하나는 기록이 없다."""
    base = tmp_path / "home"
    plans = {
        "student1": [("check", "lesson01.q1", True), ("check", "lesson01.q2", False), ("hint", "lesson01.q2", None),
                     ("check", "lesson01.q2", True)],
        "student2": [("check", "lesson01.q2", False), ("check", "lesson01.q2", False), ("hint", "lesson01.q2", None),
                     ("hint", "lesson01.q2", None), ("check", "lesson01.q1", None), ("solution", "lesson01.q4", None)],
        "student3": [("check", "lesson01.q2", False), ("check", "lesson02.q1", True)],
        "student4": [("check", "lesson01.q1", False), ("check", "lesson01.q1", True)],
    }  # fmt: skip
    for name in (
        "student1",
        "student2",
        "student3",
        "student4",
        "student5",
        "student6",
        "student7",
        "student8",
        "student9",
    ):
        (base / name).mkdir(parents=True)
    for name, plan in plans.items():
        _write_records(base / name / ".dl-course" / "progress.jsonl", plan)
    with (base / "student4/.dl-course/progress.jsonl").open("ab") as stream:
        stream.write(b'not json\n{"v": 1}\n')
    (base / "student5/.dl-course").mkdir()
    (base / "student5/.dl-course/progress.jsonl").symlink_to(
        base / "student1/.dl-course/progress.jsonl"
    )
    (base / "student6/.dl-course").symlink_to(base / "student1/.dl-course")
    (base / "student7/.dl-course").mkdir()
    os.mkfifo(base / "student7/.dl-course/progress.jsonl")
    (base / "student8/.dl-course").mkdir()
    with (base / "student8/.dl-course/progress.jsonl").open("wb") as stream:
        stream.truncate(17 * 2**20)  # 성긴 파일: 디스크는 거의 쓰지 않는다
    return base


def _report(homes: Path, dest: Path, *extra: str) -> int:
    return progress_report.main(
        ["--homes", str(homes / "student*"), "--dest", str(dest), "--name", "week03", *extra]
    )


def test_instructor_table_picture_and_stuck_list(
    homes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "reports"
    started = time.perf_counter()
    assert _report(homes, dest) == 0
    seconds = time.perf_counter() - started
    assert seconds < 30, f"FIFO나 큰 파일에서 멈췄습니다({seconds:.0f}초)"
    out = capsys.readouterr().out
    folder = dest / "week03"
    assert folder.stat().st_mode & 0o777 == 0o700
    rows = list(csv.reader((folder / "progress.csv").open(encoding="utf-8-sig")))
    header, body = rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    lesson01 = [f"lesson01.{q}" for q in ("code1", "code2", "q1", "q2", "q3", "q4")]
    lesson02 = [f"lesson02.{q}" for q in ("code1", "code2", "q1", "q2", "q3", "q4", "q5")]
    assert header == ["학생", *lesson01, *lesson02, *progress_report.SUMMARY_HEADERS]
    cells = {
        name: [row[e] for e in ("lesson01.q1", "lesson01.q2", "lesson01.q4", "lesson02.q1")]
        for name, row in body.items()
    }
    assert cells == {
        "student1": ["✓ 1", "✓ 2 힌트1", "", ""],
        "student2": ["", "✗ 2 힌트2", "풀이1", ""],  # 빈칸 채점(q1)은 시도가 아니다
        "student3": ["", "✗ 1", "", "✓ 1"],
        "student4": ["✓ 2", "", "", ""],
        **{f"student{i}": ["", "", "", ""] for i in range(5, 10)},
    }
    status = {
        name: (row["기록 상태"], row["건너뛴 줄"], row["푼 문제"], row["시도"])
        for name, row in body.items()
    }
    assert status == {
        "student1": ("읽음", "0", "2", "3"), "student2": ("읽음", "0", "0", "2"), "student3": ("읽음", "0", "1", "2"),
        "student4": ("읽음", "2", "1", "2"), "student5": ("건너뜀(링크)", "0", "0", "0"),
        "student6": ("건너뜀(링크)", "0", "0", "0"), "student7": ("건너뜀(일반 파일 아님)", "0", "0", "0"),
        "student8": ("건너뜀(16 MB 넘음)", "0", "0", "0"), "student9": ("없음", "0", "0", "0"),
    }  # fmt: skip
    # 막힌 문제: q2는 세 명이 시도해 두 명이 못 풀었다. q1은 두 명 모두 풀었고, lesson02.q1은 한 명만 시도했다.
    assert "lesson01.q2 (01 인공 뉴런): 시도한 학생 3명 가운데 2명이 아직 풀지 못했습니다" in out
    assert "lesson01.q1 (" not in out and "lesson02.q1 (" not in out
    assert "[01 인공 뉴런]" in out and "[02 퍼셉트론과 활성화 함수]" in out
    assert "student5: 건너뜀(링크)" in out and "student4: 건너뛴 줄 2개" in out
    # 그림: 진짜 PNG이고, 한글 제목과 축 이름이 글리프 경고 없이 그려진다
    from PIL import Image

    with Image.open(folder / "heatmap.png") as image:
        image.verify()
        assert image.format == "PNG" and image.size[0] > 600 and image.size[1] > 300
    # 같은 이름으로 다시 만들면 앞의 보고서를 덮어쓰지 않는다
    assert _report(homes, dest) == 1
    assert "덮어쓰지 않습니다" in capsys.readouterr().err


def test_heatmap_draws_korean_labels_without_missing_glyphs(homes: Path, tmp_path: Path) -> None:
    students = progress_report.load_students(sorted(homes.glob("student*")))
    columns = progress_report.exercise_columns(students, [])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        progress_report.draw_heatmap(tmp_path / "h.png", students, columns)
    missing = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    assert missing == [], missing[:3]


def test_lesson_filter_and_empty_class(
    homes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _report(homes, tmp_path / "r", "--lesson", "02") == 0
    header = next(csv.reader((tmp_path / "r/week03/progress.csv").open(encoding="utf-8-sig")))
    assert [h for h in header if h.startswith("lesson")] == [
        f"lesson02.{q}" for q in ("code1", "code2", "q1", "q2", "q3", "q4", "q5")
    ]
    # 아무도 시작하지 않은 수업도 빈칸으로 보이고, 없는 수업은 오류로 알린다
    assert _report(homes, tmp_path / "r07", "--lesson", "7") == 0
    header = next(csv.reader((tmp_path / "r07/week03/progress.csv").open(encoding="utf-8-sig")))
    assert [h for h in header if h.startswith("lesson")] and all(
        h.startswith("lesson07.") for h in header if h.startswith("lesson")
    )
    capsys.readouterr()
    assert _report(homes, tmp_path / "r99", "--lesson", "99") == 2
    assert "없는 수업입니다: lesson99" in capsys.readouterr().err
    empty = tmp_path / "empty"
    (empty / "student1").mkdir(parents=True)
    assert _report(empty, tmp_path / "r2") == 0
    assert "아직 연습 문제 기록을 남긴 학생이 없습니다" in capsys.readouterr().out
    assert (tmp_path / "r2/week03/heatmap.png").stat().st_size > 1000
    assert (
        progress_report.main(["--homes", str(tmp_path / "nobody*"), "--dest", str(tmp_path)]) == 2
    )


def test_the_report_reads_no_file_through_a_link_even_if_swapped_after_the_check(
    homes: Path,
) -> None:
    """폴더를 링크로 바꿔도(다른 학생의 기록으로) 읽지 않는다: 경로의 모든 부분을 O_NOFOLLOW로 연다."""
    assert progress_report.read_progress(homes / "student6") == "건너뜀(링크)"
    assert progress_report.read_progress(homes / "student5") == "건너뜀(링크)"
    assert isinstance(progress_report.read_progress(homes / "student1"), bytes)


def test_tests_never_write_to_the_real_home() -> None:
    """tests/conftest.py가 테스트 전체(그리고 같은 실행의 nbval 커널)의 기록을 임시 폴더로 보낸다."""
    path = records.progress_path()
    assert os.environ.get(records.ENV_VAR) and Path.home() not in path.parents
    assert Path(tempfile.gettempdir()) in path.parents


def test_times_say_which_time_zone_they_are_in() -> None:
    """서버가 UTC이면 한국 시각과 9시간 다르다: 표의 시각에 시간대를 함께 적는다."""
    from helpers.progress_table import short_time

    assert short_time("2026-12-07T13:14:05+09:00") == "2026-12-07 13:14 UTC+9"
    assert short_time("2026-12-07T04:14:05+00:00") == "2026-12-07 04:14 UTC"
    assert short_time("2026-12-07T04:14:05+05:30") == "2026-12-07 04:14 UTC+5:30"
    assert short_time("엉터리") == ""
