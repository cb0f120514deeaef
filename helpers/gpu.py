"""GPU 메모리 설정과 장치/버전 보고.

TensorFlow 1의 ``tf.ConfigProto(); config.gpu_options.allow_growth = True``는
TensorFlow 2에서 ``tf.config.experimental.set_memory_growth(gpu, True)``가 되었다.
GPU를 처음 쓰기 전에(텐서를 만들거나 모델을 만들기 전에) 불러야 한다.
"""

from __future__ import annotations

import platform
import sys
import warnings
from typing import Any

from helpers.tfenv import import_tensorflow

INITIALIZED_HINT = (
    "TensorFlow가 이미 GPU를 초기화해서 메모리 설정을 바꿀 수 없습니다 "
    "('Physical devices cannot be modified after being initialized'). "
    "커널을 다시 시작하고(Kernel → Restart), 텐서나 모델을 만들기 전에 "
    "노트북 첫 셀에서 helpers.setup_notebook() 또는 helpers.enable_memory_growth()를 먼저 실행하세요.\n"
    "TensorFlow has already initialised the GPU, so memory growth can no longer be changed. "
    "Restart the kernel and call this before creating any tensor or model."
)


class MemoryGrowthWarning(UserWarning):
    """GPU가 이미 초기화되어 메모리 증가 설정을 적용하지 못했을 때의 경고."""


def enable_memory_growth() -> list[str]:
    """모든 GPU에 '필요한 만큼만 메모리 쓰기(memory growth)'를 켠다.

    Returns
    -------
    메모리 증가가 켜진 GPU의 이름 목록. GPU가 없으면(CPU 전용) 아무것도 하지 않고 빈 목록을 돌려준다.
    두 번 불러도 안전하다. TensorFlow가 이미 GPU를 초기화했다면 예외 대신
    :class:`MemoryGrowthWarning`으로 상황과 해결 방법을 알려 주고, 이미 켜져 있던 GPU만 돌려준다.
    """
    tf = import_tensorflow()
    configured: list[str] = []
    for gpu in tf.config.list_physical_devices("GPU"):
        try:
            if not tf.config.experimental.get_memory_growth(gpu):
                tf.config.experimental.set_memory_growth(gpu, True)
            configured.append(gpu.name)
        except RuntimeError as err:
            if "initialized" not in str(err):
                raise
            warnings.warn(INITIALIZED_HINT, MemoryGrowthWarning, stacklevel=2)
            if tf.config.experimental.get_memory_growth(gpu):
                configured.append(gpu.name)
    return configured


def device_report() -> dict[str, Any]:
    """환경 점검 노트북용 요약: Python·주요 패키지 버전, 운영 체제, 사용할 수 있는 장치."""
    from importlib.metadata import PackageNotFoundError, version

    import tensorflow as tf

    packages: dict[str, str] = {}
    for name in ("tensorflow", "keras", "numpy", "pandas", "matplotlib", "seaborn", "scikit-learn"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = "설치 안 됨 (not installed)"
    gpus = tf.config.list_physical_devices("GPU")
    return {
        "python": sys.version.split()[0],
        "os": platform.system(),
        "packages": packages,
        "cpu_devices": len(tf.config.list_physical_devices("CPU")),
        "gpus": [gpu.name for gpu in gpus],
        "built_with_cuda": tf.test.is_built_with_cuda(),
    }
