"""노트북마다 코드 셀 하나하나가 실행되는 데 걸린 시간을 재서 results/cell_times.json에 쓴다.

    python tools/measure_cell_times.py        # 2코어 CPU에서 3분 남짓(노트북 여덟 개)

강의 웹사이트의 강사용 페이지(tools/instructor_pages.py)가 이 시간으로 절마다 시간 계획표를 만든다.
`bash course.sh refresh`(tools/execute_notebooks.py)와 같은 방법으로 실행한다. 노트북마다 새 커널(python3)을 띄우고,
작업 폴더로 notebooks/를 쓰며, 이 컴퓨터의 캐시와 설정(matplotlib 글꼴 캐시, IPython·Jupyter·Keras 설정)
대신 새로 만든 빈 폴더를 쓴다. 노트북 파일은 고치지 않는다(실행한 사본은 메모리에만 있다).

셀의 시간은 nbclient의 record_timing이 적는 두 시각, 커널이 셀을 받아 실행을 시작한 때(iopub.execute_input)와
실행을 마치고 답한 때(shell.execute_reply)의 차이다. 커널을 띄우는 시간은 들어가지 않는다.
노트북의 코드 셀이 늘거나 줄면 tests/test_instructor_pages.py가 이 스크립트를 다시 실행하라고 알린다.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from helpers.results import save_result  # noqa: E402

NAME = "cell_times"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
NOTE = (
    "코드 셀마다 커널이 실행을 시작한 때부터 답할 때까지의 시간(초). 노트북마다 새 커널, 작업 폴더 notebooks/, "
    "빈 캐시·설정 폴더(bash course.sh refresh와 같은 방법). 다른 작업(브라우저 테스트)이 함께 도는 "
    "2코어 컴퓨터에서 쟀으므로 다른 작업이 없는 컴퓨터보다 조금 느릴 수 있다."
)


def fresh_environment(folder: Path) -> None:
    """course.sh의 fresh_caches와 같이 캐시와 설정 자리를 빈 폴더로 바꾼다(커널이 이 환경을 물려받는다).

    채점 기록 파일도 빈 폴더에 두어, 잴 때 실행한 채점 셀이 이 계정의 기록에 남지 않게 한다."""
    os.environ.update(
        {
            "MPLCONFIGDIR": str(folder / "matplotlib"),
            "IPYTHONDIR": str(folder / "ipython"),
            "KERAS_HOME": str(folder / "keras"),
            "JUPYTER_CONFIG_DIR": str(folder / "jupyter" / "config"),
            "JUPYTER_RUNTIME_DIR": str(folder / "jupyter" / "runtime"),
            "XDG_CACHE_HOME": str(folder / "cache"),
            # 노트북의 채점 셀이 남기는 연습 문제 기록(helpers.exercises.records)을 강사 계정이 아닌 빈 폴더에 쓴다
            "DL_COURSE_PROGRESS": str(folder / "progress.jsonl"),
        }
    )


def _instant(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")


def cell_seconds(cell: dict) -> float:
    """record_timing이 적은 시각으로 구한 셀 하나의 실행 시간(초). 실행하지 않은 셀(빈 셀)은 0."""
    timing = cell.get("metadata", {}).get("execution", {})
    if "iopub.execute_input" not in timing or "shell.execute_reply" not in timing:
        return 0.0
    start, end = _instant(timing["iopub.execute_input"]), _instant(timing["shell.execute_reply"])
    return round((end - start).total_seconds(), 3)


def measure(path: Path, timeout: int = 900) -> dict:
    """노트북 하나를 실행해 {"cells": {셀 id: 초}, "wall_seconds": 전체 시간}을 돌려준다. 파일은 그대로 둔다."""
    import execute_notebooks

    notebook, wall = execute_notebooks.run(path, timeout, record_timing=True)
    cells = {cell.id: cell_seconds(cell) for cell in notebook.cells if cell.cell_type == "code"}
    return {"cells": cells, "wall_seconds": round(wall, 1)}


def machine() -> dict:
    """잰 컴퓨터: CPU 이름, 코어 수, 메모리(Linux에서 읽을 수 있으면)."""
    facts: dict = {
        "system": platform.system(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="ignore").splitlines():
            if line.startswith("model name"):
                facts["cpu"] = line.split(":", 1)[1].strip()
                break
    if meminfo.exists():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0].split()
        facts["memory_gb"] = round(int(first[1]) / 1024**2, 1)
    return facts


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    from importlib.metadata import version

    data: dict = {"machine": machine(), "kernel_packages": {}, "notebooks": {}}
    for package in ("ipykernel", "nbclient", "matplotlib", "pandas"):
        data["kernel_packages"][package] = version(package)
    with tempfile.TemporaryDirectory(prefix="dl-course-times.") as folder:
        fresh_environment(Path(folder))
        for path in NOTEBOOKS:
            print(f"실행 중: {path.name} ...", flush=True)
            data["notebooks"][path.name] = measure(path)
            print(f"  완료 {data['notebooks'][path.name]['wall_seconds']:.0f}초", flush=True)
    saved = save_result(NAME, data, script="tools/measure_cell_times.py", note=NOTE)
    print(f"저장한 파일: {saved.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
