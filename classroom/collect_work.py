"""강의실 서버에서 학생들의 노트북을 모아 학생마다 한 폴더에 두고, 내지 않은 학생을 알려 준다(강사용, root로 실행).

    sudo /opt/dl-course/.venv/bin/python classroom/collect_work.py --name week03 --lesson 03_xor_mlp.ipynb
    sudo /opt/dl-course/.venv/bin/python classroom/collect_work.py --name final          # 노트북 전부

결과: ``<dest>/<name>/<학생>/<노트북>``과 ``<dest>/<name>/summary.csv``(학생, 노트북, 상태, 크기, 수정 시각, sha256).
- 같은 ``--name``으로 다시 모으면 덮어쓰지 않고 멈춘다(앞서 모은 것을 지키기 위해). 새 이름을 주어야 한다.
- 노트북이 없는 학생은 화면과 summary.csv에 "없음"으로 남는다(조용히 빠지지 않는다).
- 학생 폴더의 심볼릭 링크는 따라가지 않고, 일반 파일이 아닌 것은 복사하지 않는다. root로 실행하므로 링크를 따라가면 학생이 다른 학생의
  노트북이나 시스템 파일을 자기 과제로 "제출"하게 된다.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import glob
import hashlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    student: str
    notebook: str
    status: str  # "모음", "없음", "건너뜀(링크)", "건너뜀(일반 파일 아님)", "건너뜀(100 MB 넘음)"
    size: int = 0
    modified: str = ""
    sha256: str = ""


MAX_BYTES = 100 * 2**20  # 노트북 한 개의 상한(100 MB): 학생이 만든 거대한 파일이 root의 메모리를 채우지 못하게
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _open_folder(home: Path, relative: str) -> int | str:
    """``home/relative``를 링크를 하나도 따라가지 않고 연 폴더 디스크립터, 또는 건너뛴 까닭.

    경로를 이루는 폴더마다 O_NOFOLLOW로 연다. 검사한 뒤 여는 사이에 학생이 폴더를 링크로 바꿔도 따라가지 않는다."""
    try:
        fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW)
    except OSError:
        return "없음"
    for part in Path(relative).parts:
        try:
            child = os.open(part, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=fd)
        except OSError:
            is_link = os.path.islink(os.path.join(f"/proc/self/fd/{fd}", part))
            os.close(fd)
            return "건너뜀(링크)" if is_link else "없음"
        os.close(fd)
        fd = child
    return fd


def read_regular_file(folder_fd: int, name: str, limit: int) -> tuple[bytes, os.stat_result] | str:
    """폴더 안의 ``name``을 링크를 따라가지 않고, 일반 파일이고 ``limit`` 바이트 이하일 때만 읽는다.

    돌려주는 값은 (내용, 파일 정보) 또는 읽지 않은 까닭이다. O_NONBLOCK: 학생이 만든 FIFO에서 root가 멈추지 않는다."""
    too_big = f"건너뜀({limit // 2**20} MB 넘음)"
    try:
        fd = os.open(name, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=folder_fd)
    except OSError:
        try:
            return "건너뜀(링크)" if stat.S_ISLNK(os.lstat(name, dir_fd=folder_fd).st_mode) else "없음"
        except OSError:
            return "없음"
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            return "건너뜀(일반 파일 아님)"
        if info.st_size > limit:
            return too_big
        data = stream.read(limit + 1)
    return too_big if len(data) > limit else (data, info)


def _copy_regular_file(folder_fd: int, name: str, target: Path) -> tuple[int, str, str] | str:
    """폴더 안의 ``name``을 링크를 따라가지 않고, 일반 파일이고 너무 크지 않을 때만 복사한다.

    돌려주는 값은 (크기, 수정 시각, sha256) 또는 건너뛴 까닭이다."""
    outcome = read_regular_file(folder_fd, name, MAX_BYTES)
    if isinstance(outcome, str):
        return outcome
    data, info = outcome
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    os.utime(target, (info.st_atime, info.st_mtime))
    modified = datetime.datetime.fromtimestamp(info.st_mtime).isoformat(timespec="seconds")
    return len(data), modified, hashlib.sha256(data).hexdigest()


def collect(homes: list[Path], relative: str, lessons: list[str], destination: Path) -> list[Entry]:
    """학생 홈 폴더마다 ``relative`` 아래의 노트북을 ``destination/<학생>/``으로 복사한다."""
    if destination.exists():
        raise FileExistsError(
            f"폴더가 이미 있습니다({destination}). 앞서 모은 것을 덮어쓰지 않습니다. 다른 --name을 주세요. "
            "/ Refusing to overwrite an earlier collection."
        )
    destination.mkdir(parents=True, mode=0o700)
    entries: list[Entry] = []
    for home in homes:
        student = home.name
        folder_fd = _open_folder(home, relative)
        if isinstance(folder_fd, str):
            # 노트북 폴더가 없거나, 학생이 그 경로를 (다른 학생의 폴더를 가리키는) 링크로 바꾼 경우: 따라가지 않는다
            entries.append(Entry(student, "(노트북 전부)", folder_fd))
            continue
        try:
            names = lessons or sorted(n for n in os.listdir(folder_fd) if n.endswith(".ipynb"))
            if not names:
                entries.append(Entry(student, "(노트북 전부)", "없음"))
            for notebook in names:
                outcome = _copy_regular_file(folder_fd, notebook, destination / student / notebook)
                if isinstance(outcome, str):
                    entries.append(Entry(student, notebook, outcome))
                else:
                    size, modified, digest = outcome
                    entries.append(Entry(student, notebook, "모음", size, modified, digest))
        finally:
            os.close(folder_fd)
    # utf-8-sig: 한국어 Excel이 한글을 깨뜨리지 않고 연다
    with (destination / "summary.csv").open("w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream)
        writer.writerow(["학생", "노트북", "상태", "크기(bytes)", "수정 시각", "sha256"])
        for e in entries:
            writer.writerow([e.student, e.notebook, e.status, e.size, e.modified, e.sha256])
    return entries


def group_homes(group: str) -> list[Path]:
    """Unix 그룹 ``group``의 구성원(보조 그룹으로 넣은 학생과 그 그룹이 주 그룹인 계정)의 홈 폴더."""
    import grp
    import pwd

    try:
        entry = grp.getgrnam(group)
    except KeyError:
        return []
    names = set(entry.gr_mem) | {user.pw_name for user in pwd.getpwall() if user.pw_gid == entry.gr_gid}
    return [Path(pwd.getpwnam(name).pw_dir) for name in sorted(names)]


def student_homes(pattern: str | None, group: str) -> list[Path]:
    """``--homes``의 glob이 있으면 그것으로, 없으면 Unix 그룹 ``group``으로 찾은 학생 홈 폴더(없으면 알리고 빈 목록)."""
    if pattern:
        homes = sorted(Path(p) for p in glob.glob(pattern) if Path(p).is_dir())
        where = pattern
    else:
        homes = sorted(home for home in group_homes(group) if home.is_dir())
        where = f"그룹 {group}"
    if not homes:
        print(f"학생 홈 폴더를 찾지 못했습니다({where}). / no student homes found", file=sys.stderr)
    return homes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="학생들의 노트북 모으기 (collect students' notebooks)")
    parser.add_argument("--name", required=True, help="이번에 모은 것의 이름(예: week03). 이미 있으면 멈춘다.")
    parser.add_argument("--lesson", action="append", default=[], help="모을 노트북 파일 이름(여러 번 줄 수 있다). 없으면 전부.")
    parser.add_argument("--group", default="dl-students", help="학생 그룹: 그 구성원의 홈 폴더에서 모은다(기본 dl-students)")
    parser.add_argument("--homes", help="그룹 대신 학생 홈 폴더의 glob(예: /home/student*)")
    parser.add_argument("--relative", default="dl-course/notebooks", help="홈 안에서 노트북이 있는 폴더")
    parser.add_argument("--dest", default="/srv/dl-course/collected", help="모은 것을 둘 폴더")
    args = parser.parse_args(argv)
    homes = student_homes(args.homes, args.group)
    if not homes:
        return 2
    try:
        entries = collect(homes, args.relative, args.lesson, Path(args.dest) / args.name)
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    collected = [e for e in entries if e.status == "모음"]
    problems = [e for e in entries if e.status != "모음"]
    print(f"학생 {len(homes)}명, 모은 노트북 {len(collected)}개 → {Path(args.dest) / args.name}")
    if problems:
        print(f"내지 않았거나 건너뛴 것 {len(problems)}개:")
        for e in problems:
            print(f"  - {e.student}: {e.notebook} — {e.status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
