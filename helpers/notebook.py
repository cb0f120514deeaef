"""노트북 첫 셀에서 부르는 한 줄 준비: ``helpers.setup_notebook()``."""

from __future__ import annotations

import matplotlib as mpl

from helpers.fonts import set_korean_font
from helpers.gpu import enable_memory_growth
from helpers.tfenv import import_tensorflow

# 모든 노트북이 같은 모양의 그림을 그리도록 하는 기본값.
PLOT_STYLE: dict[str, object] = {
    "figure.figsize": (7.0, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
}


def setup_notebook(seed: int = 42, *, deterministic: bool = True, verbose: bool = True) -> None:
    """한글 글꼴, 난수 시드, GPU 메모리 증가, 조용한 TensorFlow 로그, 그림 스타일을 한 번에 준비한다.

    Parameters
    ----------
    seed:
        ``keras.utils.set_random_seed``에 넣을 시드. Python·NumPy·TensorFlow 난수가 모두 고정된다.
    deterministic:
        ``True``이면 ``tf.config.experimental.enable_op_determinism()``으로 연산 순서까지 고정해
        같은 컴퓨터에서 몇 번을 실행해도 같은 숫자가 나오게 한다.
    verbose:
        준비 결과를 한 줄로 출력한다.
    """
    # TensorFlow를 먼저 조용히 불러온다(C++ 시작 로그 없이, helpers.tfenv 참고).
    tf = import_tensorflow()
    import keras

    gpus = enable_memory_growth()  # 장치를 쓰기 전에 해야 한다
    keras.utils.set_random_seed(seed)
    if deterministic:
        tf.config.experimental.enable_op_determinism()

    mpl.rcParams.update(PLOT_STYLE)
    font = set_korean_font()
    if verbose:
        device = f"GPU {len(gpus)}개" if gpus else "CPU"
        print(
            f"준비 완료 — TensorFlow {tf.__version__}, Keras {keras.__version__}, "
            f"장치: {device}, 시드: {seed}, 한글 글꼴: {font or '없음'}"
        )
