"""노트북을 깨끗한 커널에서 위에서 아래로 다시 실행하고 출력을 그 자리에 저장한다.

    python tools/execute_notebooks.py                 # notebooks/*.ipynb 전부
    python tools/execute_notebooks.py notebooks/03_xor_mlp.ipynb

학생의 JupyterLab, pytest(nbval)와 같은 기본 커널 설정으로 실행하므로, 학생이 셀 아래에서 볼
빨간 글씨(stderr: 경고, C++ 로그)도 그대로 보인다. 그런 출력이 있으면 노트북은 저장하되 그 셀을
알려 주고 종료 코드 1로 끝난다(커밋하기 전에 원인을 고친다).

Windows에서는 bash 없이 ``python tools/execute_notebooks.py``로 실행한다.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import slides  # noqa: E402


def stderr_cells(notebook: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """stderr 출력이 있는 코드 셀의 (셀 번호, 글 앞부분) 목록."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found.append((index, output["text"][:300]))
    return found


WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def stable_widget_ids(notebook: nbformat.NotebookNode, name: str) -> None:
    """위젯 출력의 model_id를 실행마다 바뀌지 않는 값으로 바꾼다(저장한 노트북의 diff를 줄인다).

    위젯 상태는 저장하지 않으므로 그 id는 어차피 커널에서 셀을 다시 실행해야 살아난다.
    """
    for index, cell in enumerate(notebook.cells):
        for number, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_MIME)
            if view is not None:
                view["model_id"] = uuid.uuid5(uuid.NAMESPACE_URL, f"{name}/{index}/{number}").hex


def run(
    path: Path, timeout: int = 900, record_timing: bool = False
) -> tuple[nbformat.NotebookNode, float]:
    """``path``를 새 ``python3`` 커널로 노트북 폴더에서 처음부터 실행한다(파일에는 쓰지 않는다). (실행한 노트북, 걸린 초)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=record_timing,
    )
    start = time.perf_counter()
    client.execute()
    return notebook, time.perf_counter() - start


def execute(path: Path, timeout: int = 900) -> tuple[float, list[tuple[int, str]]]:
    """``path``를 실행해 저장하고, 걸린 시간(초)과 stderr가 나온 셀 목록을 튜플로 돌려준다."""
    notebook, elapsed = run(path, timeout)
    notebook.metadata.pop("widgets", None)
    stable_widget_ids(notebook, path.name)
    nbformat.validate(notebook)
    nbformat.write(notebook, path)
    return elapsed, stderr_cells(notebook)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    # 노트북의 채점 셀(check)이 실행하는 사람의 연습 문제 기록(~/.dl-course)에 남지 않도록 임시 파일에 쓴다
    scratch = tempfile.TemporaryDirectory(prefix="dl-course-progress-")
    os.environ.setdefault("DL_COURSE_PROGRESS", str(Path(scratch.name) / "progress.jsonl"))
    noisy = 0
    for path in paths:
        print(f"실행 중: {path.name} ...", flush=True)
        seconds, stderr = execute(path.resolve())
        print(f"  완료 {seconds:.1f}초", flush=True)
        if path.resolve().parent == ROOT / "notebooks" and path.name[:2].isdigit():
            # 슬라이드 나누기는 출력의 높이에 따라 정해진다: 출력이 바뀌었으면 규칙대로 다시 적는다(tools/slides.py)
            changed = slides.apply(path.resolve(), write=True)
            if changed:
                print(f"  슬라이드 정보를 규칙대로 고친 셀: {len(changed)}개", flush=True)
        for index, text in stderr:
            noisy += 1
            print(f"  ⚠️ stderr 출력(셀 {index}): {text!r}", flush=True)
    if noisy:
        print(
            f"stderr 출력 {noisy}개: 학생 화면에 빨간 글씨로 보입니다. 원인을 고치세요.", flush=True
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
