"""연습 문제 기록: 채점(``check()``)과 힌트·풀이 보기를 학생 자신의 계정 안 파일에 한 줄(JSON)씩 기록하고 읽는다.

- 파일은 ``~/.dl-course/progress.jsonl``(폴더 0700, 파일 0600)이다. 환경 변수 ``DL_COURSE_PROGRESS``가 있으면 그 경로에 쓴다.
- 기록은 계정 밖으로 나가지 않는다(인터넷이나 다른 컴퓨터로 보내지 않고, 공용 폴더에도 쓰지 않는다). 강의실 서버에서는 학생 본인 말고는 root(강사)만 이 파일을 읽을 수 있다.
- 기록 때문에 채점이 실패하거나 느려지지 않는다. 기록을 쓰다가 난 오류(읽기 전용 폴더, 가득 찬 디스크, 망가진 파일)는 모두 삼킨다.

줄 하나(``check``)::

    {"v":1,"event":"check","lesson":"lesson01","exercise":"lesson01.q2","passed":false,"blank":false,
     "attempt":2,"hint_seen":true,"solution_seen":false,"time":"2026-12-07T14:03:05+09:00"}

``hint``와 ``solution`` 줄에는 v, event, lesson, exercise, time만 있다. ``blank``는 답이 비어 있던 채점(``...``, 본문이
``...``인 함수)이다. "모든 셀 실행"만 해도 채점 셀이 빈칸으로 실행되므로, 빈칸 채점은 시도로 세지 않는다(``attempt``가 ``null``).

커널 두 개가 동시에 써도 되도록: 줄마다 ``O_APPEND``로 연 파일에 ``os.write`` 한 번(4,096바이트 미만)으로 쓰고, 그에 더해
OS 잠금(POSIX는 ``fcntl.flock``, Windows는 옆 파일 ``.lock``에 ``msvcrt.locking``)을 잡은 채로 "읽고, 세고, 쓴다".
O_APPEND만으로도 줄은 섞이지 않지만, 시도 번호를 파일에서 세므로 잠금이 없으면 두 커널이 같은 번호를 쓸 수 있다.
잠금을 :data:`LOCK_TIMEOUT`초 안에 잡지 못하면 잠금 없이 쓴다(줄은 여전히 온전하고, 시도 번호만 겹칠 수 있다).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_VAR = "DL_COURSE_PROGRESS"
DEFAULT_RELATIVE = Path(".dl-course") / "progress.jsonl"
VERSION = 1
EVENTS = ("check", "hint", "solution")
LOCK_TIMEOUT = 0.2  # 초. 잠금을 이만큼만 기다린다(채점이 기록 때문에 멈추지 않게)
HISTORY_LIMIT = 4 * 2**20  # 시도 번호를 셀 때 파일 끝에서 읽는 최대 바이트 수(약 2만 줄)
_EXERCISE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\Z")
# O_NONBLOCK: 기록 경로에 FIFO 같은 특수 파일이 있어도 열고 쓸 때 기다리지 않는다(일반 파일에는 영향이 없다).
_OPEN_FLAGS = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def progress_path() -> Path:
    """기록 파일의 경로: ``DL_COURSE_PROGRESS``가 있으면 그것, 없으면 ``~/.dl-course/progress.jsonl``."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    return Path.home() / DEFAULT_RELATIVE


def now() -> str:
    """지금 시각(ISO 8601, 시간대 오프셋 포함, 초 단위)."""
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


# 이 프로세스에서 마지막으로 기록을 쓰지 못한 까닭(쓰지 못한 적이 없으면 None). helpers.progress()가 알려 준다.
last_error: str | None = None


def record(exercise_id: str, event: str, *, passed: bool = False, blank: bool = False) -> bool:
    """이벤트 하나(``check``, ``hint``, ``solution``)를 기록 파일에 덧붙인다. 어떤 오류도 밖으로 내지 않는다.

    기록을 썼으면 ``True``, 쓰지 못했으면(읽기 전용 폴더, 디스크 가득 참 …) 까닭을 :data:`last_error`에 두고 ``False``."""
    global last_error
    try:
        _record(exercise_id, event, passed=passed, blank=blank)
    except Exception as err:  # 기록 때문에 채점이 실패하지 않는다
        last_error = f"{type(err).__name__}: {err}"[:300]
        return False
    return True


def _record(exercise_id: str, event: str, *, passed: bool, blank: bool) -> None:
    if event not in EVENTS or not _EXERCISE_ID.match(exercise_id):
        return
    base = {
        "v": VERSION,
        "event": event,
        "lesson": exercise_id.split(".")[0],
        "exercise": exercise_id,
    }

    def line_for(existing: bytes) -> bytes:
        entry = dict(base)
        if event == "check":
            attempts, hint_seen, solution_seen = _history(existing, exercise_id)
            entry.update(
                passed=bool(passed),
                blank=bool(blank),
                attempt=None if blank else attempts + 1,
                hint_seen=hint_seen,
                solution_seen=solution_seen,
            )
        entry["time"] = now()
        return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    append_line(progress_path(), line_for, history=event == "check")


def append_line(path: Path, line_for: Callable[[bytes], bytes], *, history: bool) -> None:
    """잠금을 잡고, 파일 끝부분(``history``이면 :data:`HISTORY_LIMIT`까지, 아니면 마지막 1바이트)을 읽어 ``line_for``에
    넘기고, 돌려받은 줄을 한 번에 덧붙인다. 마지막 줄이 반쯤 쓰다 만 줄이면 새 줄에서 시작한다."""
    try:
        fd = os.open(path, _OPEN_FLAGS, 0o600)
    except FileNotFoundError:
        _make_folder(path.parent)
        fd = os.open(path, _OPEN_FLAGS, 0o600)
    try:
        with _locked(fd, path):
            info = os.fstat(fd)
            regular = stat.S_ISREG(info.st_mode)
            if regular and info.st_mode & 0o077 and hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # 다른 사람도 읽을 수 있던 파일을 이 계정만 읽게 한다
            existing = (
                _read_tail(fd, info.st_size, HISTORY_LIMIT if history else 1) if regular else b""
            )
            line = line_for(existing)
            if existing and not existing.endswith(b"\n"):
                line = b"\n" + line
            while line:
                written = os.write(fd, line)
                line = line[written:]
    finally:
        os.close(fd)


def _make_folder(folder: Path) -> None:
    """기록 폴더를 만든다(0700: 이 계정만 들어갈 수 있다). 이미 있으면 권한을 바꾸지 않는다."""
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        return
    folder.chmod(0o700)  # mkdir의 mode는 umask에 깎일 수 있다


def _read_tail(fd: int, size: int, limit: int) -> bytes:
    start = max(0, size - limit)
    os.lseek(fd, start, os.SEEK_SET)
    chunks: list[bytes] = []
    remaining = size - start
    while remaining > 0:
        chunk = os.read(fd, remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    data = b"".join(chunks)
    if start > 0 and limit > 1:
        data = data[data.find(b"\n") + 1 :]  # 잘린 첫 줄은 버린다
    return data


@contextlib.contextmanager
def _locked(fd: int, path: Path) -> Iterator[bool]:
    """기록 파일의 배타 잠금을 :data:`LOCK_TIMEOUT`초까지 기다려 잡는다. 잡았는지를 넘긴다(못 잡아도 예외는 없다)."""
    if sys.platform == "win32":
        with _locked_windows(path) as locked:
            yield locked
        return
    import fcntl

    deadline = time.monotonic() + LOCK_TIMEOUT
    locked = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            locked = True
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                break
            time.sleep(0.002)
        except OSError:  # 잠금을 지원하지 않는 파일 시스템
            break
    try:
        yield locked
    finally:
        if locked:
            fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def _locked_windows(path: Path) -> Iterator[bool]:
    """Windows: 기록 파일 옆의 ``.lock`` 파일 첫 바이트를 ``msvcrt.locking``으로 잠근다(기록 파일 자체를 잠그면 읽기도 막힌다)."""
    import msvcrt

    lock_fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    deadline = time.monotonic() + LOCK_TIMEOUT
    locked = False
    try:
        while True:
            try:
                msvcrt.locking(lock_fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                locked = True
                break
            except OSError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.002)
        yield locked
    finally:
        if locked:
            with contextlib.suppress(OSError):
                os.lseek(lock_fd, 0, os.SEEK_SET)
                msvcrt.locking(lock_fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        os.close(lock_fd)


def _history(existing: bytes, exercise_id: str) -> tuple[int, bool, bool]:
    """파일에 이미 있는 이 문제의 기록에서 (답을 넣은 채점 수, 힌트를 보았는지, 풀이를 보았는지)를 구한다.

    채점마다 부르므로 JSON을 해석하지 않고 이 모듈이 쓰는 꼴(공백 없는 JSON) 그대로의 조각을 찾는다. 한 문제의 기록이
    1,000줄이어도 1 ms 안팎이 걸린다. 닫는 괄호가 없는 줄(반쯤 쓴 줄)은 세지 않는다. 강사의 표를 만들 때는 줄마다 JSON을 해석해 검사한다(:func:`parse_line`)."""
    needle = f'"exercise":"{exercise_id}"'.encode()
    attempts, hint_seen, solution_seen = 0, False, False
    for line in existing.split(b"\n"):
        if needle not in line or not line.startswith(b"{") or not line.endswith(b"}"):
            continue
        if b'"event":"check"' in line:
            attempts += b'"blank":false' in line
        elif b'"event":"hint"' in line:
            hint_seen = True
        elif b'"event":"solution"' in line:
            solution_seen = True
    return attempts, hint_seen, solution_seen


def parse_line(line: bytes) -> dict[str, Any] | None:
    """기록 한 줄을 읽는다. 형식에 맞지 않으면(망가진 줄, 반쯤 쓴 줄, 다른 내용) ``None``."""
    try:
        entry = json.loads(line.decode("utf-8"))
    except Exception:  # 글자가 깨진 줄, JSON이 아닌 줄, 너무 깊이 중첩된 줄
        return None
    if not isinstance(entry, dict) or entry.get("v") != VERSION or entry.get("event") not in EVENTS:
        return None
    exercise, lesson, when = entry.get("exercise"), entry.get("lesson"), entry.get("time")
    if (
        not isinstance(exercise, str)
        or not _EXERCISE_ID.match(exercise)
        or lesson != exercise.split(".")[0]
    ):
        return None
    if not isinstance(when, str) or len(when) > 40:
        return None
    try:
        stamp = datetime.datetime.fromisoformat(when)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return None
    if entry["event"] == "check" and not (
        isinstance(entry.get("passed"), bool) and isinstance(entry.get("blank"), bool)
    ):
        return None
    return entry


def parse_records(data: bytes) -> tuple[list[dict[str, Any]], int]:
    """파일 내용 전체를 읽어 (올바른 기록들, 건너뛴 잘못된 줄의 수)를 돌려준다. 빈 줄은 세지 않는다."""
    entries: list[dict[str, Any]] = []
    bad = 0
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        entry = parse_line(line)
        if entry is None:
            bad += 1
        else:
            entries.append(entry)
    return entries, bad


def read_own_file(path: Path | None = None, limit: int = 16 * 2**20) -> bytes:
    """학생이 자기 기록 파일을 읽는다(없으면 빈 내용). 일반 파일만, ``limit``바이트까지(파일 끝부분). FIFO에서 멈추지 않는다."""
    path = progress_path() if path is None else path
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return b""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return b""
        return _read_tail(fd, info.st_size, limit)
    finally:
        os.close(fd)


@dataclass
class ExerciseStats:
    """한 학생의 한 문제: 답을 넣은 채점 수, 풀었는지, 힌트와 풀이를 본 횟수, 마지막 활동 시각."""

    exercise: str
    attempts: int = 0
    solved: bool = False
    hints: int = 0
    solutions: int = 0
    blank_checks: int = 0
    last: str = ""

    @property
    def lesson(self) -> str:
        return self.exercise.split(".")[0]

    @property
    def tried(self) -> bool:
        return self.attempts > 0

    @property
    def mark(self) -> str:
        """풀었으면 ✓, 시도했지만 못 풀었으면 ✗, 시도하지 않았으면 빈 문자열."""
        return "✓" if self.solved else "✗" if self.attempts else ""

    def cell(self) -> str:
        """표의 칸 하나. 예를 들면 ``✓ 2``, ``✗ 3 힌트1``, ``✓ 1 힌트2 풀이1``, ``힌트1``(보기만 함), 빈 문자열."""
        parts = [self.mark, str(self.attempts)] if self.attempts else []
        if self.hints:
            parts.append(f"힌트{self.hints}")
        if self.solutions:
            parts.append(f"풀이{self.solutions}")
        return " ".join(parts)


def summarize(entries: list[dict[str, Any]]) -> dict[str, ExerciseStats]:
    """기록들을 문제마다 모은다(파일의 순서가 시간 순서다)."""
    stats: dict[str, ExerciseStats] = {}
    for entry in entries:
        item = stats.setdefault(entry["exercise"], ExerciseStats(entry["exercise"]))
        item.last = entry["time"]
        if entry["event"] == "hint":
            item.hints += 1
        elif entry["event"] == "solution":
            item.solutions += 1
        elif entry["blank"]:
            item.blank_checks += 1
        else:
            item.attempts += 1
            item.solved = item.solved or entry["passed"]
    return stats
