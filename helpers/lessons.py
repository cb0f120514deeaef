"""강의실 서버에서 받은 강의 자료가 강사의 최신판과 어떻게 다른지 보고, 한 수업을 강사의 최신판으로 되돌린다.

nbgitpuller 링크를 다시 누르면 강사가 고친 내용을 받지만, 학생이 **같은 셀**을 고쳤다면 학생의 것이 남고 강사의 수정은
조용히 빠진다(nbgitpuller는 ``git merge -Xours``로 합친다. classroom/README.md 4절). 이 모듈이 그런 셀을 찾아 준다.

노트북에서::

    import helpers.lessons
    helpers.lessons.status()               # 수업마다: 최신인지, 강사의 수정을 못 받은 셀, 내가 고친 셀
    helpers.lessons.restore("03")          # 03을 강사의 최신판으로(내 사본은 같은 폴더에 남긴다)

터미널에서: ``python -m helpers.lessons`` / ``python -m helpers.lessons restore 03``

셀은 nbformat의 셀 id로 짝짓고, 출력과 실행 번호는 보지 않는다(코드와 글만 비교한다).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


class LessonsError(RuntimeError):
    """강의 폴더를 찾지 못했거나 git이 실패했을 때."""


def course_dir(start: Path | None = None) -> Path:
    """nbgitpuller가 받은 강의 폴더: ``start``(기본: 현재 폴더)에서 위로 올라가며 ``.git``과 ``notebooks/``가
    있는 폴더, 없으면 ``~/dl-course``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists() and (folder / "notebooks").is_dir():
            return folder
    fallback = Path.home() / "dl-course"
    if (fallback / ".git").exists():
        return fallback
    raise LessonsError(
        f"강의 폴더를 찾지 못했습니다(찾아본 곳: {here}, 그 위의 모든 폴더, ~/dl-course). nbgitpuller 링크로 강의 자료를 받았는지 확인하세요. "
        "/ Course folder (a git clone made by nbgitpuller) not found."
    )


def _git(folder: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise LessonsError(f"git {' '.join(args)} 실패 / failed: {result.stderr.strip()}")
    return result.stdout


def _upstream(folder: Path) -> str:
    """강사의 최신판을 가리키는 이름(origin/<브랜치>). 먼저 내려받아 본다(내려받지 못하면 마지막으로 받은 것을 쓴다)."""
    branch = _git(folder, "rev-parse", "--abbrev-ref", "HEAD").strip()
    _git(folder, "fetch", "--quiet", "origin", check=False)
    ref = f"origin/{branch}"
    if _git(folder, "rev-parse", "--verify", "--quiet", ref, check=False).strip() == "":
        raise LessonsError(f"강사의 판을 찾지 못했습니다({ref}). / Upstream branch {ref} not found.")
    return ref


def _cells(text: str) -> dict[str, tuple[str, str]]:
    """셀 id → (종류, 소스). 출력과 실행 번호는 뺀다."""
    notebook = json.loads(text)
    cells = {}
    for number, cell in enumerate(notebook.get("cells", [])):
        source = cell.get("source", "")
        cells[cell.get("id") or f"#{number}"] = (cell.get("cell_type", ""), "".join(source) if isinstance(source, list) else source)
    return cells


@dataclass(frozen=True)
class LessonStatus:
    """수업 하나의 상태."""

    lesson: str
    up_to_date: bool  # 코드와 글이 강사의 최신판과 같다
    missed: tuple[str, ...]  # 강사의 예전 판 그대로 남아 강사의 수정을 못 받은 셀
    mine: tuple[str, ...]  # 내가 고친 셀(강사의 어느 판과도 다르다)
    mine_and_changed: tuple[str, ...]  # 내가 고쳤는데 강사도 고친 셀(강사의 수정이 빠졌을 수 있다)
    missing: tuple[str, ...]  # 강사의 최신판에는 있는데 내 노트북에 없는 셀(내가 지웠거나 못 받았다)


def _history(folder: Path, ref: str, path: str) -> list[str]:
    """강사의 판에 있는 이 파일의 모든 판 내용(최신판부터)."""
    commits = _git(folder, "log", "--format=%H", ref, "--", path).split()
    versions = []
    for commit in commits:
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=folder, capture_output=True, text=True)
        if shown.returncode == 0:
            versions.append(shown.stdout)
    return versions


def lesson_status(folder: Path, ref: str, path: str) -> LessonStatus:
    versions = _history(folder, ref, path)
    latest = _cells(versions[0])
    older = [_cells(text) for text in versions[1:]]
    mine_path = folder / path
    if not mine_path.exists():
        return LessonStatus(Path(path).name, False, (), (), (), tuple(latest))
    try:
        mine = _cells(mine_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return LessonStatus(Path(path).name, False, (), ("(노트북 파일을 읽을 수 없습니다)",), (), tuple(latest))
    missed, edited, edited_changed, missing = [], [], [], []
    for cell_id, cell in latest.items():
        if cell_id not in mine:
            missing.append(cell_id)
            continue
        if mine[cell_id] == cell:
            continue
        old_versions = [version[cell_id] for version in older if cell_id in version]
        if mine[cell_id] in old_versions:
            missed.append(cell_id)
        else:
            edited.append(cell_id)
            if any(old != cell for old in old_versions):
                edited_changed.append(cell_id)
    up_to_date = not (missed or edited or missing)
    return LessonStatus(Path(path).name, up_to_date, tuple(missed), tuple(edited), tuple(edited_changed), tuple(missing))


def statuses(folder: Path | None = None) -> list[LessonStatus]:
    """강의 폴더에 있는 모든 수업(notebooks/*.ipynb)의 상태."""
    folder = course_dir(folder)
    ref = _upstream(folder)
    paths = sorted(line for line in _git(folder, "ls-tree", "--name-only", f"{ref}", "notebooks/").split() if line.endswith(".ipynb"))
    return [lesson_status(folder, ref, path) for path in paths]


def _describe(status: LessonStatus) -> str:
    if status.up_to_date:
        return "최신"
    parts = []
    if status.missed:
        parts.append(f"강사의 수정을 못 받은 셀 {len(status.missed)}개")
    if status.mine_and_changed:
        parts.append(f"내가 고쳤고 강사도 고친 셀 {len(status.mine_and_changed)}개")
    if len(status.mine) > len(status.mine_and_changed):
        parts.append(f"내가 고친 셀 {len(status.mine) - len(status.mine_and_changed)}개")
    if status.missing:
        parts.append(f"내 노트북에 없는 셀 {len(status.missing)}개")
    return ", ".join(parts)


def status(folder: Path | None = None) -> None:
    """수업마다 강사의 최신판과 어떻게 다른지 표로 보여 준다."""
    rows = statuses(folder)
    width = max(len(row.lesson) for row in rows)
    for row in rows:
        mark = "✅" if row.up_to_date else ("⚠️" if row.missed or row.mine_and_changed or row.missing else "✏️")
        print(f"{mark} {row.lesson:<{width}}  {_describe(row)}")
    if any(row.missed or row.mine_and_changed or row.missing for row in rows):
        print("⚠️ 표시한 수업에는 강사의 수정이 빠졌을 수 있습니다. 강사의 최신판으로 되돌리려면 "
              "helpers.lessons.restore('03')처럼 수업 번호를 넣어 실행하세요(터미널에서는 python -m helpers.lessons restore 03). "
              "내 노트북은 사본으로 같은 폴더에 남습니다.")  # fmt: skip


def restore(lesson: str, folder: Path | None = None) -> Path:
    """수업 ``lesson``(번호 "03" 또는 파일 이름)을 강사의 최신판으로 바꾸고 그 경로를 돌려준다.

    내 노트북은 지우지 않고 ``<이름>.my-copy-<날짜-시각>.ipynb``로 이름을 바꿔 같은 폴더에 남긴다(있던 사본은 덮어쓰지 않는다)."""
    folder = course_dir(folder)
    ref = _upstream(folder)
    paths = [line for line in _git(folder, "ls-tree", "--name-only", ref, "notebooks/").split() if line.endswith(".ipynb")]
    matches = [path for path in paths if Path(path).name == lesson or Path(path).name.startswith(f"{lesson}_")]
    if len(matches) != 1:
        names = ", ".join(Path(path).name for path in paths)
        raise LessonsError(f"수업 {lesson!r}: 해당하는 노트북이 없거나 둘 이상입니다. 쓸 수 있는 이름: {names} / Lesson not found.")
    path = matches[0]
    target = folder / path
    copy: Path | None = None
    if target.exists():
        stamp = time.strftime("%Y%m%d-%H%M%S")
        copy = target.with_name(f"{target.stem}.my-copy-{stamp}.ipynb")
        number = 1
        while copy.exists():
            number += 1
            copy = target.with_name(f"{target.stem}.my-copy-{stamp}-{number}.ipynb")
        target.rename(copy)
    target.write_text(_git(folder, "show", f"{ref}:{path}"), encoding="utf-8")
    kept = f" 남겨 둔 내 노트북: {copy.name}" if copy else ""
    print(f"✅ {target.name}: 강사의 최신판으로 바꿨습니다.{kept}")
    return target


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args or args == ["status"]:
            status()
        elif args[0] == "restore" and len(args) == 2:
            restore(args[1])
        else:
            print("사용법: python -m helpers.lessons [status] | restore <수업 번호>")
            return 2
    except LessonsError as err:
        print(err)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
