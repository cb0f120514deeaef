"""테스트 공통 준비물."""

from __future__ import annotations

import atexit
import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

from helpers import data

pytest_plugins = ["pytester"]  # tests/test_stderr_check.py가 작은 pytest 실행을 만든다

ROOT = Path(__file__).resolve().parent.parent
# 테스트가 환경 변수를 바꾸기 전의 실제 데이터 폴더
COURSE_DATA = data.data_dir()

# 연습 문제의 check(), hint(), solution()은 기록을 남긴다(helpers.exercises.records). 테스트와, 같은 pytest 실행에서
# nbval이 띄우는 노트북 커널(이 환경 변수를 물려받는다)이 실제 $HOME에 쓰지 않도록 임시 파일을 쓰게 한다.
_PROGRESS_DIR = tempfile.mkdtemp(prefix="dl-course-progress-")
os.environ["DL_COURSE_PROGRESS"] = str(Path(_PROGRESS_DIR) / "progress.jsonl")
atexit.register(shutil.rmtree, _PROGRESS_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _restore_rcparams() -> Iterator[None]:
    """테스트마다 matplotlib 설정을 원래대로 돌려 놓는다."""
    saved = mpl.rcParams.copy()
    yield
    mpl.rcParams.update(saved)
    plt.close("all")


@pytest.fixture
def course_data() -> Path:
    """강의 data/ 폴더. 파일이 없으면(인터넷 없는 새 컴퓨터) 무엇을 해야 하는지 알려 준다."""
    folder = COURSE_DATA
    missing = [name for name in data.FILES if not (folder / name).exists()]
    if missing:
        pytest.fail(
            f"데이터 파일이 {folder}에 없습니다: {missing}. "
            "인터넷이 되면 helpers.verify_data_files()로 내려받고, 아니면 파일을 그 폴더에 넣으세요."
        )
    return folder


@pytest.fixture
def empty_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """비어 있는 데이터 폴더를 쓰게 한다(실제 data/ 는 건드리지 않는다)."""
    folder = tmp_path / "data"
    monkeypatch.setenv(data.ENV_VAR, str(folder))
    return folder


@pytest.fixture
def copy_of_data(empty_data_dir: Path, course_data: Path) -> Path:
    """작은 데이터 파일들을 임시 폴더에 복사해 쓴다."""
    empty_data_dir.mkdir(parents=True)
    for name in ("cereal.csv", "ThoraricSurgery.csv"):
        shutil.copy(course_data / name, empty_data_dir / name)
    return empty_data_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """127.0.0.1에서만 도는 작은 HTTP 서버: (주소, 내줄 파일을 넣을 폴더)."""
    root = tmp_path / "served"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()
