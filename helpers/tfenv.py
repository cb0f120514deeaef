"""TensorFlow를 처음 불러올 때의 설정: 학생 화면에 빨간 C++ 로그가 나오지 않게 한다.

JupyterLab, VS Code, Colab의 커널은 C++ 라이브러리가 stderr에 쓰는 글도 셀 아래에 빨간 글씨로
보여 준다. TensorFlow 2.21은 GPU가 없는 컴퓨터에서 import하는 것만으로 다음을 쓴다.

- ``WARNING: All log messages before absl::InitializeLog() is called are written to STDERR``
- ``oneDNN custom operations are on …`` / ``Could not find cuda drivers on your machine …``
- ``failed call to cuInit: … CUDA error …`` (CUDA 드라이버 파일은 있는데 GPU가 없을 때)

뒤의 두 줄은 학습 도중에도 나온다(``oneDNN supports DT_INT32 only on platforms with AVX-512``,
연산 결정성을 켠 ``tf.data``의 ``NodeDef mentions attribute use_unbounded_threadpool``).
모두 정보이거나 TensorFlow 자신이 무시하는 경고이고, 진짜 오류는 Python 예외로 올라온다.

그래서 두 곳에서 막는다.

1. ``import helpers`` 때 ``TF_CPP_MIN_LOG_LEVEL=3``을 기본값으로 둔다(이미 정해 둔 값은 존중).
   TensorFlow가 로그 설정을 마친 뒤의 C++ 로그는 이것으로 꺼진다.
2. 그 설정을 읽기 전에 absl이 쓰는 시작 메시지는 환경 변수와 상관없이 나온다. :func:`import_tensorflow`는
   TensorFlow를 불러오고 장치를 찾는 동안만 stderr(파일 디스크립터 2)를 받아 두었다가,
   :data:`STARTUP_NOISE`에 맞는 줄은 버리고 **나머지는 그대로 다시 쓴다**(모르는 메시지는 숨기지 않는다).

C++ 로그를 모두 보고 싶으면 커널을 시작하기 전에 ``TF_CPP_MIN_LOG_LEVEL=0``으로 정하고,
``helpers.setup_notebook()``보다 먼저 ``import tensorflow``를 하면 된다.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from types import ModuleType

LOG_LEVEL_VAR = "TF_CPP_MIN_LOG_LEVEL"
#: 3 = FATAL만. 2(ERROR까지 보임)로는 위의 CPU 경고(E로 시작)가 남는다.
QUIET_LOG_LEVEL = "3"

#: TensorFlow를 불러오고 장치를 찾을 때 absl이 로그 설정 전에 쓰는, 해가 없는 줄들.
STARTUP_NOISE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$",
        r"^[IWE]\d{4} [\d:. ]+\d+ port\.cc:\d+\] oneDNN custom operations are on\.",
        r"^[IWE]\d{4} [\d:. ]+\d+ cudart_stub\.cc:\d+\] Could not find cuda drivers on your machine",
        r"^[IWE]\d{4} [\d:. ]+\d+ cuda_platform\.cc:\d+\] failed call to cuInit:",
        r"^[IWE]\d{4} [\d:. ]+\d+ cpu_feature_guard\.cc:\d+\] This TensorFlow binary is optimized",
        r"^To enable the following instructions: .*rebuild TensorFlow with the appropriate compiler flags\.$",
    )
)


def configure_environment() -> None:
    """TensorFlow의 C++ 로그 수준 기본값을 정한다. TensorFlow를 불러오기 전에 불러야 효과가 있다."""
    os.environ.setdefault(LOG_LEVEL_VAR, QUIET_LOG_LEVEL)


def is_startup_noise(line: str) -> bool:
    """``line``이 TensorFlow 시작 때의 해가 없는 메시지(:data:`STARTUP_NOISE`)이면 ``True``."""
    return any(pattern.search(line) for pattern in STARTUP_NOISE)


@contextlib.contextmanager
def filtered_stderr() -> Iterator[None]:
    """블록 안에서 파일 디스크립터 2에 쓰인 글을 받아 두었다가, 시작 잡음이 아닌 줄만 다시 쓴다.

    C++ 라이브러리는 ``sys.stderr``가 아니라 파일 디스크립터 2에 직접 쓰므로 그 수준에서 받는다.
    파일 디스크립터를 쓸 수 없는 환경(예: stderr가 없는 pythonw)에서는 아무것도 하지 않는다.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, AttributeError, ValueError):
        yield
        return
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            text = captured.read().decode("utf-8", errors="replace")
            kept = [
                line for line in text.splitlines() if line.strip() and not is_startup_noise(line)
            ]
            if kept:
                sys.stderr.write("\n".join(kept) + "\n")
                sys.stderr.flush()


def import_tensorflow() -> ModuleType:
    """TensorFlow를 조용히 불러와 돌려준다. 이미 불러왔으면 그 모듈을 그대로 돌려준다.

    장치 찾기(CUDA 초기화)도 이때 한 번 해서, 그 시작 메시지가 나중 셀에 나타나지 않게 한다.
    """
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    configure_environment()
    with filtered_stderr():
        import tensorflow as tf

        tf.config.list_physical_devices()
    import absl.logging

    absl.logging.set_verbosity(absl.logging.ERROR)
    tf.get_logger().setLevel("ERROR")
    return tf
