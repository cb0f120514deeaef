"""강의실 서버에 학생 계정을 만든다(root로 실행, classroom/README.md 2절).

    sudo python3 classroom/add_students.py --count 40                  # student01 … student40
    sudo python3 classroom/add_students.py --names 학번목록.txt           # 파일의 한 줄에 계정 이름 하나

- 학생마다 시스템 계정(홈 폴더 권한 0700, 다른 학생이 들어올 수 없다)을 만들고 학생 그룹(기본 dl-students)에 넣는다.
  허브는 이 그룹의 계정만 들여보낸다(jupyterhub_config.py의 allowed_groups).
- 비밀번호는 무작위로 만들어 root만 읽는 CSV(기본 /root/dl-course-passwords.csv, 권한 0600)에 덧붙인다.
  화면에는 출력하지 않는다. 학생에게 나눠 준 뒤에는 이 파일을 지운다.
- 이미 있는 계정은 비밀번호를 바꾸지 않고 그룹에만 넣는다(여러 번 실행해도 된다. 학기 중에 학생을 추가할 때는 --start나 목록 파일로 새 이름만 준다).
"""

from __future__ import annotations

import argparse
import csv
import grp
import os
import pwd
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import TextIO

ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679"  # 헷갈리는 글자(0/O, 1/l/I, 5/S …)를 뺐다
NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")  # useradd가 받아들이는 이름(소문자로 시작)


def new_password(length: int = 12) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def names_from(args: argparse.Namespace) -> list[str]:
    if args.names:
        # utf-8-sig: Excel이 저장한 목록 맨 앞의 보이지 않는 BOM 글자를 떼어 낸다
        text = Path(args.names).read_text(encoding="utf-8-sig")
        names = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        width = max(2, len(str(args.count)))
        names = [f"{args.prefix}{i:0{width}d}" for i in range(args.start, args.start + args.count)]
    bad = [name for name in names if not NAME.match(name)]
    if bad:
        raise SystemExit(
            f"계정 이름으로 쓸 수 없는 이름: {', '.join(bad)}. 영문 소문자로 시작하고 소문자, 숫자, _, -만 쓸 수 있습니다"
            "(학번이라면 s20261234처럼 앞에 s를 붙이세요). / Invalid account names."
        )
    return names


def _uid(name: str) -> int | None:
    try:
        return pwd.getpwnam(name).pw_uid
    except KeyError:
        return None


def ensure_group(group: str) -> None:
    try:
        grp.getgrnam(group)
    except KeyError:
        subprocess.run(["groupadd", group], check=True)


def open_password_file(path: Path) -> TextIO:
    """root만 읽는 비밀번호 파일(0600)을 덧붙이기 모드로 연다. 다른 사람이 읽을 수 있으면 멈춘다."""
    if path.exists():
        mode = path.stat().st_mode & 0o777
        if mode & 0o077 or path.stat().st_uid != 0:
            raise SystemExit(
                f"비밀번호 파일을 root가 아닌 사용자도 읽을 수 있거나, 파일 소유자가 root가 아닙니다({path}, 권한 {mode:o}). "
                f"권한을 바로잡은 뒤 다시 실행하세요. 바로잡는 명령: chown root:root {path}; chmod 600 {path} "
                "/ The password file must be readable by root only."
            )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    return os.fdopen(descriptor, "a", encoding="utf-8", newline="")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="강의실 서버에 학생 계정을 만든다 / Create student accounts.")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--count", type=int, help="만들 학생 수(이름은 --prefix에 번호를 붙인다)")
    source.add_argument("--names", help="계정 이름 목록 파일(한 줄에 하나)")
    parser.add_argument("--prefix", default="student", help="--count일 때 이름 앞부분(기본 student)")
    parser.add_argument("--start", type=int, default=1, help="--count일 때 첫 번호(기본 1)")
    parser.add_argument("--group", default="dl-students", help="학생 그룹(기본 dl-students)")
    parser.add_argument("--passwords", type=Path, default=Path("/root/dl-course-passwords.csv"),
                        help="새 비밀번호를 덧붙일 파일(root만 읽음, 기본 /root/dl-course-passwords.csv)")  # fmt: skip
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("root로 실행하세요(sudo). / Run as root.")
    names = names_from(args)
    system = [name for name in names if (uid := _uid(name)) is not None and uid < 1000]
    if system:
        raise SystemExit(
            f"시스템 계정(uid 1000 미만)은 학생 그룹에 넣지 않습니다. 목록에서 뺄 계정: {', '.join(system)}. "
            "/ Refusing to add system accounts to the student group."
        )
    ensure_group(args.group)
    created, existing = [], []
    with open_password_file(args.passwords) as stream:
        writer = csv.writer(stream)
        for name in names:
            try:
                pwd.getpwnam(name)
            except KeyError:
                subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-G", args.group, name], check=True)
                Path(pwd.getpwnam(name).pw_dir).chmod(0o700)  # 다른 학생이 들어올 수 없다
                password = new_password()
                subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
                writer.writerow([name, password])
                stream.flush()
                created.append(name)
            else:
                subprocess.run(["gpasswd", "-a", name, args.group], check=True, capture_output=True)
                existing.append(name)
    print(f"새로 만든 계정 {len(created)}개, 이미 있어 그룹에만 넣은 계정 {len(existing)}개(그룹 {args.group}).")
    if existing:
        print("이미 있던 계정(비밀번호는 그대로): " + ", ".join(existing))
    if created:
        print(f"새 비밀번호: {args.passwords} (root만 읽을 수 있습니다. 학생에게 나눠 준 뒤에는 이 파일을 지우세요)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
