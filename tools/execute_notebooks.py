"""노트북을 깨끗한 커널에서 위에서 아래로 다시 실행하고 출력을 그 자리에 저장한다.

    python tools/execute_notebooks.py                 # notebooks/*.ipynb 전부
    python tools/execute_notebooks.py notebooks/03_xor_mlp.ipynb

pytest(nbval) 과 같은 조건으로 실행한다: 커널의 파일 디스크립터 출력 복사를 끄므로
(``--IPKernelApp.capture_fd_output=False``) TensorFlow C++ 로그가 노트북에 들어가지 않는다.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def execute(path: Path, timeout: int = 900) -> float:
    """``path`` 를 실행해 저장하고 걸린 시간(초)을 돌려준다."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.capture_fd_output=False"],
        record_timing=False,
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    notebook.metadata.pop("widgets", None)
    nbformat.validate(notebook)
    nbformat.write(notebook, path)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        print(f"실행 중: {path.name} ...", flush=True)
        seconds = execute(path.resolve())
        print(f"  완료 {seconds:.1f} 초", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
