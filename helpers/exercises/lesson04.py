"""04 Keras Sequential 모델: 파라미터 수, 에포크당 스텝 수, 마지막 층과 손실 함수, tf.newaxis."""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

from helpers.exercises.core import Exercise


def _as_integer(answer: Any) -> int | None:
    """정수(또는 소수점 아래가 0인 실수)이면 int, 아니면 None. bool은 받지 않는다."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, Integral):
        return int(answer)
    if isinstance(answer, Real) and math.isfinite(float(answer)) and float(answer).is_integer():
        return int(answer)
    return None


# ---------------------------------------------------------------------------
# q1. 8 → 16 → 8 → 1 네트워크의 파라미터 수
# ---------------------------------------------------------------------------


def _check_params(answer: Any) -> str | None:
    if isinstance(answer, str):
        return "따옴표 없이 숫자로 적으세요. 예: answer_q1 = 100"
    number = _as_integer(answer)
    if number is None:
        return f"파라미터 수는 정수입니다(받은 값: {answer!r})."
    if number == 264:
        return "가중치만 세었습니다. 뉴런마다 편향(bias)이 하나씩 더 있습니다: 16 + 8 + 1개."
    if number in (25, 33):
        return "뉴런(또는 노드)의 개수를 세었습니다. 파라미터는 연결마다 있는 가중치와 뉴런마다 있는 편향입니다."
    if number in (144, 136, 9):
        return "한 층의 파라미터만 구했습니다. 세 Dense 층의 파라미터를 모두 더하세요."
    if number != 289:
        return (
            f"{number}은(는) 정답이 아닙니다. Dense 층 하나의 파라미터 = (입력 수 × 뉴런 수) + 뉴런 수를 "
            "층마다 구해 더하세요."
        )
    return None


q1 = Exercise(
    "8 → 16 → 8 → 1 네트워크의 파라미터 수",
    _check_params,
    hint=(
        "Dense 층의 파라미터 = 가중치(입력 수 × 뉴런 수) + 편향(뉴런 수).\n"
        "첫 층의 입력은 8개, 둘째 층의 입력은 첫 층의 뉴런 16개, 셋째 층의 입력은 8개입니다."
    ),
    solution=(
        "(8 × 16 + 16) + (16 × 8 + 8) + (8 × 1 + 1) = 144 + 136 + 9 = 289\n"
        "확인: keras.Sequential([keras.Input(shape=(8,)), layers.Dense(16), layers.Dense(8),\n"
        "                        layers.Dense(1)]).count_params()  # 289"
    ),
    correct=[289, 289.0],
    wrong=[264, 25, 33, 144, 290, "289", True],
)


# ---------------------------------------------------------------------------
# q2. validation_split이 있을 때 에포크당 스텝 수
# ---------------------------------------------------------------------------


def _check_steps(answer: Any) -> str | None:
    if isinstance(answer, str):
        return "따옴표 없이 숫자로 적으세요."
    if isinstance(answer, Real) and not isinstance(answer, bool) and not float(answer).is_integer():
        return "스텝 수는 정수입니다. 마지막 배치는 64개보다 적어도 한 스텝으로 셉니다(올림, math.ceil)."
    number = _as_integer(answer)
    if number is None:
        return f"스텝 수는 정수입니다(받은 값: {answer!r})."
    if number == 16:
        return (
            "1000개 전체로 계산했습니다. validation_split=0.2가 200개를 검증용으로 떼어 내므로 "
            "학습에 쓰는 것은 800개입니다."
        )
    if number == 12:
        return "내림을 했습니다. 남은 32개도 마지막 (작은) 배치로 한 번 학습하므로 올림입니다."
    if number in (4, 3):
        return "그것은 검증 세트(200개)의 배치 수입니다. 학습 스텝 수를 구하세요."
    if number != 13:
        return f"{number}은(는) 정답이 아닙니다. 학습에 쓰는 샘플 수 ÷ batch_size를 올림하세요."
    return None


q2 = Exercise(
    "validation_split이 있을 때 에포크당 스텝 수",
    _check_steps,
    hint=(
        "validation_split=0.2는 데이터의 마지막 20%를 검증용으로 떼어 냅니다.\n"
        "남은 샘플을 batch_size 개씩 나누면 몇 묶음인가요? 나머지도 한 묶음입니다."
    ),
    solution=(
        "학습 샘플 = 1000 × (1 − 0.2) = 800, 스텝 수 = ceil(800 / 64) = ceil(12.5) = 13\n"
        "확인: history = model.fit(..., batch_size=64, validation_split=0.2)\n"
        "      history.params['steps']  # 13"
    ),
    correct=[13, 13.0],
    wrong=[16, 12, 12.5, 4, 800, "13"],
)


# ---------------------------------------------------------------------------
# q3. 다중 레이블 분류의 마지막 층 활성화 함수와 손실 함수
# ---------------------------------------------------------------------------

_LOSS_NAMES = {
    "binary_crossentropy": "binary_crossentropy",
    "binarycrossentropy": "binary_crossentropy",
    "categorical_crossentropy": "categorical_crossentropy",
    "categoricalcrossentropy": "categorical_crossentropy",
    "sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
    "sparsecategoricalcrossentropy": "sparse_categorical_crossentropy",
    "mse": "mse",
    "mean_squared_error": "mse",
    "meansquarederror": "mse",
    "mae": "mae",
    "mean_absolute_error": "mae",
    "binary_focal_crossentropy": "binary_focal_crossentropy",
    "binaryfocalcrossentropy": "binary_focal_crossentropy",
}


def _normalise(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def _check_multilabel(answer: Any) -> str | None:
    if isinstance(answer, str) or not isinstance(answer, tuple | list) or len(answer) != 2:
        return "('활성화 함수', '손실 함수')처럼 문자열 두 개의 튜플로 답하세요."
    activation, loss = answer
    if not isinstance(activation, str) or not isinstance(loss, str):
        return "두 값 모두 문자열로 적으세요. 예: ('relu', 'mse')"
    activation = _normalise(activation)
    loss = _LOSS_NAMES.get(_normalise(loss), _LOSS_NAMES.get(_normalise(loss).replace("_", "")))
    if activation == "softmax":
        return (
            "softmax는 출력의 합을 1로 만들어 '하나만 고르는' 문제에 씁니다. 액션이면서 코미디인 "
            "영화라면 두 출력이 모두 1에 가까워야 하므로, 레이블마다 따로 0~1을 내는 함수가 필요합니다."
        )
    if activation in ("linear", "none", "relu"):
        return "출력이 레이블마다 '있을 확률'(0~1)이어야 합니다. 그런 범위를 만드는 활성화 함수는?"
    if activation != "sigmoid":
        return f"'{activation}'은(는) 마지막 층에 맞지 않습니다."
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        return (
            "범주형 교차 엔트로피는 클래스 하나만 정답인 경우에 씁니다. 레이블마다 독립인 "
            "예/아니오 문제이므로 이진 교차 엔트로피를 레이블마다 적용합니다."
        )
    if loss in ("mse", "mae"):
        return "회귀용 손실입니다. 레이블마다 예/아니오를 맞히는 분류이므로 교차 엔트로피 계열을 쓰세요."
    if loss == "binary_focal_crossentropy":
        return None  # 레이블마다 이진 손실: 드문 레이블에 무게를 두는 변형이라 이것도 맞다
    if loss != "binary_crossentropy":
        return "손실 함수 이름을 다시 확인하세요(Keras 이름으로: 'binary_crossentropy' 등)."
    return None


q3 = Exercise(
    "다중 레이블 분류의 마지막 층과 손실 함수",
    _check_multilabel,
    hint=(
        "영화 한 편이 '액션', '코미디', '로맨스', '공포' 가운데 여러 장르에 동시에 해당할 수 있습니다.\n"
        "출력 네 개가 서로 경쟁(합이 1)해야 할까요, 각자 따로 0~1이어야 할까요? 본문의 표를 보세요."
    ),
    solution=(
        "answer_q3 = ('sigmoid', 'binary_crossentropy')\n"
        "장르마다 독립된 예/아니오 → 마지막 층 Dense(4, activation='sigmoid'),\n"
        "손실은 장르마다 이진 교차 엔트로피를 계산해 평균합니다.\n"
        "('binary_focal_crossentropy'도 장르마다의 이진 손실이라 정답으로 칩니다. 드문 장르에\n"
        " 무게를 더 두는 변형이고, 보통은 'binary_crossentropy'에서 시작합니다.)"
    ),
    correct=[
        ("sigmoid", "binary_crossentropy"),
        ["Sigmoid", "BinaryCrossentropy"],
        ("sigmoid", "binary_focal_crossentropy"),
    ],
    wrong=[
        ("softmax", "categorical_crossentropy"),
        ("sigmoid", "categorical_crossentropy"),
        ("softmax", "binary_crossentropy"),
        ("linear", "mse"),
        ("sigmoid", "mse"),
        "sigmoid",
        ("sigmoid",),
    ],
)


# ---------------------------------------------------------------------------
# q4. t[tf.newaxis, 1, :]의 모양
# ---------------------------------------------------------------------------


def _as_shape(answer: Any) -> tuple[int, ...] | None:
    if isinstance(answer, str | bytes) or isinstance(answer, Real):
        return None
    try:
        items = list(answer)
    except TypeError:
        return None
    shape = []
    for item in items:
        number = _as_integer(item)
        if number is None:
            return None
        shape.append(number)
    return tuple(shape)


def _check_newaxis(answer: Any) -> str | None:
    shape = _as_shape(answer)
    if shape is None:
        return f"모양은 정수의 튜플로 적으세요(받은 값: {answer!r}). 예: (2, 3)"
    if shape == (3,):
        return (
            "tf.newaxis가 없을 때(t[1, :])의 모양입니다. "
            "tf.newaxis는 쓴 자리에 길이 1인 축을 하나 끼워 넣습니다."
        )
    if shape == (3, 1):
        return "새 축은 tf.newaxis를 쓴 자리에 생깁니다. 여기서는 맨 앞입니다."
    if shape in ((1, 2, 3), (2, 3), (1, 2)):
        return (
            "정수 인덱스 1은 그 축을 없애고 한 행만 남깁니다. "
            "tf.newaxis는 원래 축을 소비하지 않고 새 축만 더합니다."
        )
    if shape != (1, 3):
        return f"{shape}은(는) 정답이 아닙니다. t[tf.newaxis, 1, :].shape를 출력해 보세요."
    return None


q4 = Exercise(
    "t[tf.newaxis, 1, :]의 모양",
    _check_newaxis,
    hint=(
        "t의 모양은 (2, 3). 인덱스를 왼쪽부터 읽으세요: tf.newaxis는 길이 1인 새 축을 만들고,\n"
        "1은 t의 첫 번째 축(행)에서 1번 행만 고르며(그 축은 사라짐), : 는 열 3개를 모두 남깁니다."
    ),
    solution=(
        "answer_q4 = (1, 3)\n"
        "t[1, :]은 [4, 5, 6] (모양 (3,)), 맨 앞에 축을 더하면 [[4, 5, 6]] (모양 (1, 3)): 행 벡터."
    ),
    correct=[(1, 3), [1, 3]],
    wrong=[(3,), (3, 1), (1, 2, 3), (2, 3), "(1, 3)", 3],
)
