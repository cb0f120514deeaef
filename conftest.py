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
