"""pytest 전체(tests/ 와 notebooks/)에 걸리는 설정.

nbval은 학생의 JupyterLab과 같은 기본 커널 설정으로 노트북을 다시 실행한다. ``--nbval-lax``는
표시한 셀의 출력만 비교하므로, 여기서 **모든 셀**에 대해 stderr(빨간 글씨: 경고, C++ 로그)가
하나도 없었는지 따로 확인한다. 학생이 보는 화면에 없어야 할 것이 테스트에서도 실패가 된다.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest


def stderr_texts(outputs: list[Any]) -> list[str]:
    """nbval이 모은 셀 출력 가운데 stderr 스트림의 글."""
    return [
        str(out.get("text", ""))
        for out in outputs
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    ]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    result = yield
    outputs = getattr(item, "test_outputs", None)  # nbval의 IPyNbCell만 가진 속성
    if outputs:
        texts = stderr_texts(outputs)
        if texts:
            shown = "".join(texts)[:2000]
            pytest.fail(
                "셀이 stderr에 글을 썼습니다. 학생의 JupyterLab에는 빨간 글씨로 보입니다. "
                "원인을 고치세요(경고 숨기기 말고). / The cell wrote to stderr:\n" + shown,
                pytrace=False,
            )
    return result


# ---------------------------------------------------------------------------
# 테스트 환경 기록: 웹사이트의 "테스트 환경" 페이지(tools/build_book.py)가 읽는다.

TESTED_ON = __import__("pathlib").Path(__file__).resolve().parent / "_build" / "tested_on.json"
_RECORD: dict[str, Any] = {"notebooks": {}, "passed": 0, "failed": 0}
_PACKAGES = ("tensorflow", "keras", "numpy", "pandas", "matplotlib", "scikit-learn", "jupyterlab", "nbval", "mkdocs")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """웹사이트 테스트를 맨 뒤로: 그때는 이번 실행의 노트북 시간이 기록되어 있어 '테스트 환경' 페이지에 들어간다."""
    items.sort(key=lambda item: "test_book.py" in item.nodeid)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        _RECORD["passed" if report.passed else "failed"] += 1
    elif report.failed:  # 준비나 정리 단계의 실패
        _RECORD["failed"] += 1
    if report.nodeid.startswith("notebooks/") and report.when == "call":
        name = report.nodeid.split("::")[0].removeprefix("notebooks/")
        _RECORD["notebooks"][name] = _RECORD["notebooks"].get(name, 0.0) + report.duration
        _write_tested_on()


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _RECORD["notebooks"]:  # 노트북을 다시 실행한 전체 테스트만 기록한다
        _write_tested_on()


def _write_tested_on() -> None:
    import datetime
    import json
    import os
    import platform
    import sys
    from importlib.metadata import PackageNotFoundError, version

    packages = {}
    for name in _PACKAGES:
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            continue
    record = {
        "finished": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "packages": packages,
        "notebooks": {k: round(v, 1) for k, v in sorted(_RECORD["notebooks"].items())},
        "passed": int(_RECORD["passed"]),
        "failed": int(_RECORD["failed"]),
        "executable": os.path.basename(sys.executable),
    }
    TESTED_ON.parent.mkdir(exist_ok=True)
    TESTED_ON.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
