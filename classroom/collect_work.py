"""강의실 서버에서 학생들의 노트북을 모아 학생마다 한 폴더에 두고, 내지 않은 학생을 알려 준다(강사용, root로 실행).

    sudo /opt/dl-course/.venv/bin/python classroom/collect_work.py --name week03 --lesson 03_xor_mlp.ipynb
    sudo /opt/dl-course/.venv/bin/python classroom/collect_work.py --name final          # 노트북 전부

결과: ``<dest>/<name>/<학생>/<노트북>``과 ``<dest>/<name>/summary.csv``(학생, 노트북, 상태, 크기, 수정 시각, sha256).
- 같은 ``--name``으로 다시 모으면 덮어쓰지 않고 멈춘다(앞서 모은 것을 지키기 위해). 새 이름을 주세요.
- 노트북이 없는 학생은 화면과 summary.csv에 "없음"으로 남는다(조용히 빠지지 않는다).
- 학생 폴더의 심볼릭 링크나 일반 파일이 아닌 것은 따라가지 않는다: root로 실행하므로 링크를 따라가면 학생이 다른 학생의
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
    status: str  # "모음", "없음", "건너뜀(링크)", "건너뜀(일반 파일 아님)", "건너뜀(홈 밖을 가리키는 링크)"
    size: int = 0
    modified: str = ""
    sha256: str = ""


def _student_notebooks(folder: Path, lessons: list[str]) -> list[tuple[str, Path]]:
    if lessons:
        return [(name, folder / name) for name in lessons]
    try:
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".ipynb"))
    except OSError:
        names = []
    return [(name, folder / name) for name in names]


def _copy_regular_file(source: Path, target: Path) -> tuple[int, str, str] | str:
    """링크를 따라가지 않고 일반 파일만 복사한다. (크기, 수정 시각, sha256) 또는 건너뛴 까닭."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(source, flags)
    except OSError:
        return "건너뜀(링크)" if source.is_symlink() else "없음"
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            return "건너뜀(일반 파일 아님)"
        data = stream.read()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    os.utime(target, (info.st_atime, info.st_mtime))
    modified = datetime.datetime.fromtimestamp(info.st_mtime).isoformat(timespec="seconds")
    return len(data), modified, hashlib.sha256(data).hexdigest()


def collect(homes: list[Path], relative: str, lessons: list[str], destination: Path) -> list[Entry]:
    """학생 홈 폴더마다 ``relative`` 아래의 노트북을 ``destination/<학생>/``로 복사한다."""
    if destination.exists():
        raise FileExistsError(
            f"이미 있는 폴더입니다: {destination}. 앞서 모은 것을 덮어쓰지 않습니다. 다른 --name을 주세요. "
            "/ Refusing to overwrite an earlier collection."
        )
    destination.mkdir(parents=True, mode=0o700)
    entries: list[Entry] = []
    for home in homes:
        student = home.name
        folder = home / relative
        if folder.exists() and not folder.resolve().is_relative_to(home.resolve()):
            # 학생이 자기 노트북 폴더를 다른 학생의 폴더로 가리키는 링크로 바꾼 경우: 따라가지 않는다
            entries.append(Entry(student, "(노트북 전부)", "건너뜀(홈 밖을 가리키는 링크)"))
            continue
        found = _student_notebooks(folder, lessons)
        if not found:
            entries.append(Entry(student, "(노트북 전부)", "없음"))
            continue
        for notebook, source in found:
            outcome = _copy_regular_file(source, destination / student / notebook)
            if isinstance(outcome, str):
                entries.append(Entry(student, notebook, outcome))
            else:
                size, modified, digest = outcome
                entries.append(Entry(student, notebook, "모음", size, modified, digest))
    with (destination / "summary.csv").open("w", newline="", encoding="utf-8") as stream:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="학생들의 노트북 모으기 (collect students' notebooks)")
    parser.add_argument("--name", required=True, help="이번에 모은 것의 이름(예: week03). 이미 있으면 멈춘다.")
    parser.add_argument("--lesson", action="append", default=[], help="모을 노트북 파일 이름(여러 번 줄 수 있다). 없으면 전부.")
    parser.add_argument("--group", default="dl-students", help="학생 그룹: 그 구성원의 홈 폴더를 모은다(기본 dl-students)")
    parser.add_argument("--homes", help="그룹 대신 학생 홈 폴더의 glob(예: /home/student*)")
    parser.add_argument("--relative", default="dl-course/notebooks", help="홈 안에서 노트북이 있는 폴더")
    parser.add_argument("--dest", default="/srv/dl-course/collected", help="모은 것을 둘 폴더")
    args = parser.parse_args(argv)
    if args.homes:
        homes = sorted(Path(p) for p in glob.glob(args.homes) if Path(p).is_dir())
        where = args.homes
    else:
        homes = sorted(home for home in group_homes(args.group) if home.is_dir())
        where = f"그룹 {args.group}"
    if not homes:
        print(f"학생 홈 폴더를 찾지 못했습니다: {where} / no student homes found", file=sys.stderr)
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
