"""노트북 밖에서 잰 숫자를 노트북에서 읽기.

노트북 안에서 다시 재기에는 오래 걸리는 실험(여러 시드, 여러 구조)은 ``tools/measure_*.py``가 재서
``results/<이름>.json``에 저장하고(커밋한다), 노트북은 :func:`load_result`로 읽어 표로 보여 준다.
그 셀에는 ``nbval-check-output`` 태그를 붙여, 노트북에 보이는 숫자가 저장된 결과와 같은지
테스트가 매번 확인한다(``tests/test_results.py``). 누구든 스크립트를 다시 실행해 숫자를 재현할 수 있다.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent.parent / "results"


def result_path(name: str) -> Path:
    """``results/<name>.json``의 경로."""
    return RESULTS_DIR / f"{name}.json"


def load_result(name: str) -> dict[str, Any]:
    """``results/<name>.json``을 읽어 돌려준다(측정 조건과 ``data``).

    파일이 없으면 어떤 스크립트로 만들 수 있는지 알려 주는 :class:`FileNotFoundError`를 일으킨다.
    """
    path = result_path(name)
    if not path.exists():
        raise FileNotFoundError(
            f"측정 결과 파일(results/{name}.json)이 없습니다. "
            f"저장소 폴더에서 'python tools/measure_{name}.py'를 실행해 만드세요. "
            f"(measurement file missing: run tools/measure_{name}.py)"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def _versions() -> dict[str, str]:
    found = {}
    for package in ("tensorflow", "keras", "numpy", "scikit-learn"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "-"
    return found


def save_result(name: str, data: Any, *, script: str, note: str = "") -> Path:
    """측정 결과 ``data``를 측정 조건(스크립트, 버전, 컴퓨터, 날짜)과 함께 ``results/<name>.json``에 쓴다."""
    payload = {
        "script": script,
        "note": note,
        "measured_on": _dt.date.today().isoformat(),
        "python": sys.version.split()[0],
        "versions": _versions(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU",
        "data": data,
    }
    path = result_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
