"""07 MNIST 손글씨 숫자 분류: 파라미터 수, 원-핫 인코딩, 합성곱 파라미터, 손실 함수 고르기, 기준선."""

from __future__ import annotations

import math
import numbers
from typing import Any

from helpers.exercises.core import Exercise


def _as_int(answer: Any) -> int | None:
    """정수(또는 NumPy 정수)이면 그 값, 아니면 None. bool과 실수는 받지 않는다."""
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        return None
    return int(answer)


# ---------------------------------------------------------------- q1: Dense 층의 파라미터 수


def _check_dense_params(answer: Any) -> str | None:
    n = _as_int(answer)
    if n is None:
        return f"파라미터 수는 정수로 적으세요(받은 값: {answer!r}). 예: 784 * 256 + 256"
    if n == 784 * 256:
        return "가중치 784×256개만 세었습니다. 출력 뉴런마다 하나씩 있는 편향(bias) 256개를 더하세요."
    if n == 784 * 256 + 784:
        return "편향은 입력마다가 아니라 출력 뉴런(256개)마다 하나씩 있습니다."
    if n == 401_920:
        return (
            "401,920은 노트북의 Dense(512) 은닉층입니다. 이 문제의 은닉층은 뉴런이 256개입니다."
        )
    if n == 784 * 256 + 256 + 256 * 10 + 10:
        return "은닉층과 출력층을 모두 더한 모델 전체의 수입니다. 은닉층 하나만 세어 보세요."
    if n in (256, 784, 784 + 256, 784 + 256 + 10):
        return (
            "뉴런 수가 아니라 연결(가중치)의 수를 세어야 합니다: 입력 784개 × 뉴런 256개 + 편향."
        )
    if n != 200_960:
        return f"{n}이 아닙니다. 가중치 행렬의 모양 (784, 256)과 편향 벡터의 모양 (256,)을 생각해 보세요."
    return None


q1 = Exercise(
    "784개 입력을 받는 은닉층 Dense(256)의 파라미터 수",
    _check_dense_params,
    hint=(
        "Dense 층의 파라미터 = (입력 수 × 뉴런 수) 개의 가중치 + 뉴런 수 개의 편향.\n"
        "입력은 28×28 = 784개, 뉴런은 256개입니다. 4.2절의 Dense(512) 계산과 같은 방법입니다."
    ),
    solution="answer_q1 = 784 * 256 + 256   # 200,960",
    correct=[200_960],
    wrong=[200_704, 201_488, 401_920, 203_530, 256, 1040, 200_960.0, "200960"],
)


# ---------------------------------------------------------------- q2: 원-핫 인코딩


def _check_one_hot(answer: Any) -> str | None:
    if isinstance(answer, str | bytes) or isinstance(answer, numbers.Number):
        return (
            "숫자 하나가 아니라 길이 10인 벡터(리스트나 배열)로 적으세요. "
            "예: keras.utils.to_categorical(3, num_classes=10)"
        )
    shape = getattr(answer, "shape", None)
    if isinstance(shape, tuple) and len(shape) > 1:
        return (
            f"모양이 {shape}인 {len(shape)}차원 배열입니다. 벡터 하나(1차원, 길이 10)로 적으세요. "
            "예: 배열[0] 또는 배열.ravel()"
        )
    try:
        values = [float(v) for v in list(answer)]
    except (TypeError, ValueError):
        return (
            "숫자 10개가 든 1차원 리스트로 적으세요(리스트 안에 리스트는 안 됩니다). "
            f"받은 값의 종류: {type(answer).__name__}"
        )
    if any(math.isnan(v) for v in values):
        return "값에 nan이 들어 있습니다. 0과 1 로만 적으세요."
    if len(values) != 10:
        return f"길이가 {len(values)}입니다. 숫자 0~9의 10개 클래스마다 한 칸씩, 길이 10이어야 합니다."
    if any(v not in (0.0, 1.0) for v in values) or sum(values) != 1.0:
        return "원-핫 벡터는 한 칸만 1이고 나머지는 모두 0입니다."
    position = values.index(1.0)
    if position == 2:
        return "1을 세 번째 칸(인덱스 2)에 넣었습니다. 인덱스는 0부터 세므로 숫자 3은 인덱스 3입니다."
    if position != 3:
        return f"1이 인덱스 {position}에 있습니다. 숫자 3의 1은 인덱스 3에 있어야 합니다."
    return None


q2 = Exercise(
    "레이블 3의 원-핫 벡터",
    _check_one_hot,
    hint="클래스가 10개(0~9)이므로 길이 10인 벡터에서 레이블 번호 위치(0부터 셈)만 1입니다.",
    solution=(
        "answer_q2 = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]\n"
        "# 또는 answer_q2 = keras.utils.to_categorical(3, num_classes=10)"
    ),
    correct=[[0, 0, 0, 1, 0, 0, 0, 0, 0, 0], (0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)],
    wrong=[
        3,
        "3",
        [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 1, 0, 0, 0, 0, 0],
        [1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 1, 0, 0, 0, 0, 0],
        [[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]],
    ],
)


# ---------------------------------------------------------------- q3: 합성곱 층의 파라미터 수


def _check_conv_params(answer: Any) -> str | None:
    n = _as_int(answer)
    if n is None:
        return f"파라미터 수는 정수로 적으세요(받은 값: {answer!r}). 예: 3 * 3 * 16 * 32 + 32"
    if n == 3 * 3 * 16 * 32:
        return "가중치만 세었습니다. 필터마다 편향이 하나씩 있으니 필터 수(32)를 더하세요."
    if n in (3 * 3 * 32 + 32, 3 * 3 * 32):
        return (
            "입력 채널 수를 빠뜨렸습니다. 필터 하나는 3×3 크기로 입력의 16개 채널을 모두 봅니다: "
            "3×3×16개의 가중치."
        )
    if n == 3 * 3 * 16 + 1:
        return "그것은 필터 하나의 파라미터 수입니다. 필터가 32개 있습니다."
    if n == 3 * 3 * 16 * 32 + 1:
        return "편향을 층 전체에 하나만 더했습니다. 편향은 필터(출력 채널)마다 하나씩, 모두 32개입니다."
    if n == 14 * 14 * 16 * 32 + 32:
        return "합성곱 필터는 위치마다 새로 만들지 않고 모든 위치에서 같은 가중치를 씁니다(가중치 공유)."
    if n != 4640:
        return f"{n}이 아닙니다. (필터 높이 × 너비 × 입력 채널 + 1) × 필터 수를 계산해 보세요."
    return None


q3 = Exercise(
    "Conv2D(32, 3×3) 층의 파라미터 수",
    _check_conv_params,
    hint=(
        "필터 하나의 가중치 = 높이 × 너비 × 입력 채널 수, 여기에 편향 1개.\n"
        "그런 필터가 32개 있습니다. 입력 그림의 가로·세로 크기는 파라미터 수와 상관이 없습니다."
    ),
    solution="answer_q3 = (3 * 3 * 16 + 1) * 32   # 4,640",
    correct=[4640],
    wrong=[4608, 4609, 320, 288, 145, 3_211_296, 4640.0, "4640"],
)


# ---------------------------------------------------------------- q4: 정수 레이블에 맞는 손실 함수

_LOSS_ALIASES = {"sparse_categorical_crossentropy", "sparsecategoricalcrossentropy"}


def _check_loss_name(answer: Any) -> str | None:
    if isinstance(answer, str):
        name = answer
    else:
        # keras.losses.sparse_categorical_crossentropy 같은 함수 자체를 넣은 경우에는 그 이름을 본다
        name = getattr(answer, "__name__", None)
        if not isinstance(name, str) or not callable(answer):
            return (
                "손실 함수의 이름을 따옴표로 감싼 문자열로 적으세요. 예: 'mse' "
                f"(받은 값의 종류: {type(answer).__name__})"
            )
    key = name.strip().lower().replace(" ", "_")
    if key.replace("_", "") in {alias.replace("_", "") for alias in _LOSS_ALIASES}:
        return None
    if key.replace("_", "") == "categoricalcrossentropy":
        return (
            "categorical_crossentropy는 원-핫 벡터 레이블을 기대합니다. "
            "정수 레이블(0~9)을 그대로 쓰려면 이름 앞에 무언가가 붙은 손실을 씁니다."
        )
    if key.replace("_", "") == "binarycrossentropy":
        return "binary_crossentropy는 클래스가 두 개(0/1)일 때 씁니다. 여기에는 클래스가 10개 있습니다."
    if key in {"mse", "mean_squared_error", "mae", "mean_absolute_error"}:
        return (
            "평균 제곱/절대 오차는 수치를 예측하는 회귀용입니다. 분류에는 교차 엔트로피를 씁니다."
        )
    return f"{name!r}은(는) 답이 아닙니다. 3.4절의 '희소(sparse)' 방식을 다시 읽어 보세요."


q4 = Exercise(
    "정수 레이블로 다중 분류할 때의 손실 함수",
    _check_loss_name,
    hint=(
        "원-핫으로 바꾸지 않은 정수 레이블 y_train(0~9)을 그대로 fit에 넣고 싶습니다.\n"
        "categorical_crossentropy와 같은 값을 계산하지만 정수 레이블을 받는 손실의 이름은?"
    ),
    solution=(
        'answer_q4 = "sparse_categorical_crossentropy"\n'
        '# model.compile(loss="sparse_categorical_crossentropy", ...) 후 fit(x, y_train) — 원-핫 불필요'
    ),
    correct=["sparse_categorical_crossentropy", "Sparse_Categorical_Crossentropy"],
    wrong=["categorical_crossentropy", "binary_crossentropy", "mse", "softmax", "sparse", 3],
)


# ---------------------------------------------------------------- q5: 다수 클래스 기준선


def _check_baseline(answer: Any) -> str | None:
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return f"정확도를 0과 1 사이의 실수로 적으세요(받은 값: {answer!r}). 예: 0.25"
    value = float(answer)
    if math.isnan(value):
        return "nan이 아니라 0과 1 사이의 실수로 적으세요."
    if math.isclose(value, 6742, abs_tol=0.5):
        return "6742는 개수입니다. 훈련 그림 60,000장으로 나눠 비율(정확도)로 적으세요."
    if math.isclose(value, 674_200 / 60_000, abs_tol=0.01):
        return "백분율(%)이 아니라 0과 1 사이의 비율로 적으세요."
    if math.isclose(value, 0.1, abs_tol=1e-4):
        return "0.1은 열 숫자가 똑같이 많다고 가정한 값입니다. 실제로 가장 많은 숫자의 비율을 세어 보세요."
    if math.isclose(value, 1135 / 10000, abs_tol=1e-4):
        return (
            "0.1135는 1.1절에서 본 테스트 세트의 값입니다. 이번에는 y_train으로 세어 보세요."
        )
    if math.isclose(value, 5421 / 60000, abs_tol=1e-4):
        return "그것은 가장 적은 숫자(5)의 비율입니다. 가장 많은 숫자를 찾으세요."
    if math.isclose(value, 6742 / 10000, abs_tol=1e-4):
        return "훈련 세트의 개수 6742를 테스트 그림 수 10,000으로 나눴습니다. 훈련 그림 수 60,000으로 나누세요."
    if not math.isclose(value, 6742 / 60000, abs_tol=1e-4):
        return f"{value}가 아닙니다. np.bincount(y_train).max() / len(y_train)을 계산해 보세요."
    return None


q5 = Exercise(
    "'가장 많은 숫자만 답하기' 기준선의 훈련 세트 정확도",
    _check_baseline,
    hint=(
        "어떤 그림이 와도 훈련 세트에서 가장 흔한 숫자 하나만 답하는 '모델'의 훈련 세트 정확도입니다.\n"
        "np.bincount(y_train)으로 숫자별 개수를 세어 보세요."
    ),
    solution=(
        "answer_q5 = np.bincount(y_train).max() / len(y_train)   # 숫자 1: 6,742 / 60,000 ≈ 0.1124"
    ),
    correct=[6742 / 60000, 0.11237],
    wrong=[0.1, 6742, 11.24, 0.1135, 5421 / 60000, 0.6742, 0.98, "0.1124"],
)
