"""TensorFlow를 조용히 불러오기: 학생의 커널에 빨간 C++ 로그가 나오지 않는지, 모르는 글은 숨기지 않는지."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from helpers import tfenv

# 학생의 셀이 하는 일: 준비, int32 행렬 곱(oneDNN 경고), 연산 결정성 + tf.data(NodeDef 경고), 학습과 예측.
STUDENT_SESSION = textwrap.dedent(
    """
    import numpy as np
    import helpers
    helpers.setup_notebook(verbose=False)
    import keras
    import tensorflow as tf
    t = tf.constant([[1, 2, 3], [4, 5, 6]])
    _ = tf.transpose(t) @ t
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile("sgd", "mse")
    model.fit(np.ones((8, 3)), np.ones(8), epochs=1, verbose=0)
    model.predict(np.ones((4, 3)), verbose=0)
    print("done")
    """
)


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != tfenv.LOG_LEVEL_VAR}
    return subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_import_helpers_sets_a_quiet_default_but_respects_the_users_choice() -> None:
    code = "import os, helpers; print(os.environ['TF_CPP_MIN_LOG_LEVEL'])"
    assert _run(code).stdout.strip() == tfenv.QUIET_LOG_LEVEL
    assert _run(code, TF_CPP_MIN_LOG_LEVEL="0").stdout.strip() == "0"


def test_a_students_session_writes_nothing_to_stderr() -> None:
    session = _run(STUDENT_SESSION)
    assert session.returncode == 0, session.stderr
    assert session.stdout.strip() == "done"
    assert session.stderr == ""
    # 대조군: helpers 없이 TensorFlow를 부르면 같은 컴퓨터에서 C++ 로그가 실제로 나온다.
    plain = _run("import tensorflow as tf; tf.config.list_physical_devices()")
    assert plain.returncode == 0
    assert plain.stderr.strip(), (
        "TensorFlow가 더는 시작 로그를 쓰지 않습니다: STARTUP_NOISE를 줄이세요"
    )
    assert all(tfenv.is_startup_noise(line) for line in plain.stderr.splitlines() if line.strip())


def test_unknown_stderr_lines_are_passed_through() -> None:
    code = textwrap.dedent(
        """
        import os
        from helpers.tfenv import filtered_stderr
        with filtered_stderr():
            os.write(2, b"WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\\n")
            os.write(2, b"I0000 00:00:1796156536.264430    6831 cudart_stub.cc:31] Could not find cuda drivers on your machine, GPU will not be used.\\n")
            os.write(2, b"E0000 00:00:1.5    12 some_op.cc:7] a real problem\\n")
        """
    )
    result = _run(code)
    assert result.returncode == 0
    assert result.stderr == "E0000 00:00:1.5    12 some_op.cc:7] a real problem\n"


@pytest.mark.parametrize(
    ("line", "noise"),
    [
        ("WARNING: All log messages before absl::InitializeLog() is called are written to STDERR", True),
        ("I0000 00:00:1796156442.412746    2293 port.cc:153] oneDNN custom operations are on. You may see", True),
        ("E0000 00:00:1796156444.187626    2293 cuda_platform.cc:52] failed call to cuInit: INTERNAL: CUDA error", True),
        ("E0000 00:00:1796156444.528493    2293 util.cc:131] oneDNN supports DT_INT32 only on platforms", False),
        ("Traceback (most recent call last):", False),
        ("UserWarning: something the student must see", False),
    ],
)  # fmt: skip
def test_only_known_startup_lines_count_as_noise(line: str, noise: bool) -> None:
    assert tfenv.is_startup_noise(line) is noise


def test_import_tensorflow_returns_the_loaded_module() -> None:
    import tensorflow as tf

    assert tfenv.import_tensorflow() is tf
