"""course.sh: 반쯤 만들어진 가상환경을 다시 만들고, 파이썬이 없으면 무엇을 할지 알려 주고, root에서도 JupyterLab을 연다.

실제 강의 패키지를 설치하지 않도록 course.sh를 임시 폴더에 복사하고, 이미 설치된 pip 하나만 요구한다.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "course.sh", tmp_path / "course.sh")
    (tmp_path / "requirements.txt").write_text(
        "pip\n", encoding="utf-8"
    )  # 이미 있는 것: 내려받지 않는다
    (tmp_path / "requirements-dev.txt").write_text("-r requirements.txt\n", encoding="utf-8")
    (tmp_path / "classroom").mkdir()
    (tmp_path / "classroom" / "requirements.txt").write_text("", encoding="utf-8")
    (tmp_path / "constraints.txt").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "labsettings").mkdir()
    for name in ("pyproject.toml", "dl-course.json"):
        (tmp_path / "labsettings" / name).write_text("", encoding="utf-8")
    return tmp_path


def _run(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHON", "VIRTUAL_ENV")}
    return subprocess.run(
        ["bash", str(folder / "course.sh"), *args], env={**base, "PYTHON": sys.executable, **env},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def _pip_works(folder: Path) -> bool:
    python = folder / ".venv" / "bin" / "python"
    return subprocess.run([python, "-m", "pip", "--version"], capture_output=True).returncode == 0


def test_a_half_made_venv_is_rebuilt_with_a_reason(course_copy: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", course_copy / ".venv"], check=True
    )
    assert not _pip_works(course_copy)
    result = _run(course_copy, "no-such-command")
    assert "가상환경을 새로 만듭니다" in result.stdout and "pip" in result.stdout
    assert _pip_works(course_copy)
    assert result.returncode == 2 and "사용법" in result.stderr  # 설치 뒤 명령 이름만 틀렸다


def test_a_missing_python_is_explained(course_copy: Path) -> None:
    result = _run(course_copy, "lab", PYTHON="python3.99-does-not-exist")
    assert result.returncode == 1
    assert "PYTHON=python3.12 bash course.sh lab" in result.stderr
    assert not (course_copy / ".venv").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="root로 실행할 때만 확인한다 (checks the root path)")
def test_lab_works_as_root(course_copy: Path) -> None:
    assert _run(course_copy, "no-such-command").returncode == 2  # 가상환경과 설치 표시를 만든다
    fake = course_copy / ".venv" / "bin" / "jupyter"
    fake.write_text('#!/bin/sh\necho "jupyter $*"\n', encoding="utf-8")
    fake.chmod(0o755)
    result = _run(course_copy, "lab")
    assert result.returncode == 0, result.stderr
    assert "jupyter lab notebooks/ --allow-root" in result.stdout


FRESH_VARIABLES = (
    "MPLCONFIGDIR", "IPYTHONDIR", "KERAS_HOME", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR",
    "XDG_CACHE_HOME", "DL_COURSE_PROGRESS",
)  # fmt: skip

REPORT_ENVIRONMENT = (
    "import json, os, sys\n"
    "names = {names!r}\n"
    "print(json.dumps({{n: os.environ.get(n) for n in names}}))\n"
    "sys.exit({code})\n"
)


@pytest.mark.parametrize(
    ("command", "stand_in"), [("test", "pytest.py"), ("refresh", "tools/execute_notebooks.py")]
)
def test_tests_and_refresh_use_fresh_caches(course_copy: Path, command: str, stand_in: str) -> None:
    """테스트와 노트북 재실행은 이 컴퓨터의 캐시·설정이 아니라 실행마다 새 빈 폴더를 쓰고, 끝나면 지운다.

    실패한 테스트의 종료 코드는 그대로 전한다.
    """
    import json

    assert _run(course_copy, "no-such-command").returncode == 2  # 가상환경과 설치 표시를 만든다
    script = course_copy / stand_in
    script.parent.mkdir(exist_ok=True)
    script.write_text(REPORT_ENVIRONMENT.format(names=FRESH_VARIABLES, code=3), encoding="utf-8")
    result = _run(course_copy, command, MPLCONFIGDIR=str(Path.home() / ".config" / "matplotlib"))
    assert result.returncode == 3, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert all(seen.values()), seen
    run_folder = Path(os.path.commonpath(list(seen.values())))  # 모두 한 임시 폴더 아래
    assert run_folder.name.startswith("dl-course-run.") and not run_folder.exists()
