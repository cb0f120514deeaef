"""07 MNIST 손글씨 숫자 분류: 파라미터 수, 원-핫 인코딩, 합성곱 파라미터, 손실 함수 고르기, 기준선."""

from __future__ import annotations

import math
from typing import Any

from helpers.exercises.core import Exercise, as_integer, as_number, name_problem
from helpers.korean import josa


def _integer_problem(answer: Any, example: str) -> str | None:
    """정수로 읽을 수 없는 답의 안내. 읽을 수 있으면 None."""
    if as_integer(answer) is not None:
        return None
    if isinstance(answer, str):
        return f"따옴표 없이 숫자로 적으세요(받은 값: {describe(answer)}). 예: {example}"
    return f"파라미터 수는 정수로 적으세요(받은 값: {describe(answer)}). 예: {example}"


# ---------------------------------------------------------------- q1: Dense 층의 파라미터 수


def _check_dense_params(answer: Any) -> str | None:
    problem = _integer_problem(answer, "100 * 10 + 10")
    if problem:
        return problem
    n = as_integer(answer)
    if n == 784 * 256:
        return "가중치 784×256개만 세었습니다. 출력 뉴런마다 하나씩 있는 편향(bias) 256개를 더하세요."
    if n == 784 * 256 + 784:
        return "편향은 입력마다가 아니라 출력 뉴런(256개)마다 하나씩 있습니다."
    if n == 401_920:
        return "401,920은 노트북의 Dense(512) 은닉층의 파라미터 수입니다. 이 문제의 은닉층은 뉴런이 256개입니다."
    if n == 784 * 256 + 256 + 256 * 10 + 10:
        return "은닉층과 출력층을 모두 더한 모델 전체의 파라미터 수입니다. 은닉층 하나만 세어 보세요."
    if n in (256, 784, 784 + 256, 784 + 256 + 10):
        return "뉴런 수가 아니라 연결(가중치)의 수를 세어야 합니다. 입력 784개 × 뉴런 256개 + 편향입니다."
    if n != 200_960:
        return (
            f"답과 다릅니다(받은 값: {n:,}개). "
            "가중치 행렬의 모양 (784, 256)과 편향 벡터의 모양 (256,)을 생각해 보세요."
        )
    return None


q1 = Exercise(
    "784개 입력을 받는 은닉층 Dense(256)의 파라미터 수",
    _check_dense_params,
    hint=(
        "Dense 층의 파라미터 = (입력 수 × 뉴런 수)개의 가중치 + 뉴런 수만큼의 편향.\n"
        "입력은 28×28 = 784개, 뉴런은 256개입니다. 4.2절의 Dense(512) 계산과 같은 방법입니다."
    ),
    solution=(
        "# 가중치 784 × 256개 + 편향 256개 = 200,960\n"
        "answer_q1 = 784 * 256 + 256"
    ),
    correct=[200_960, 200_960.0],
    wrong=[200_704, 201_488, 401_920, 203_530, 256, 1040, 200_960.5, "200960", True],
)


# ---------------------------------------------------------------- q2: 원-핫 인코딩


def _check_one_hot(answer: Any) -> str | None:
    # 안내는 받은 것을 그대로 말한다. 문자열이면 문자열, 숫자 하나면 숫자 하나, 중첩 리스트면 리스트 안의 리스트.
    if isinstance(answer, str | bytes):
        return (
            f"문자열을 넣었습니다(받은 값: {describe(answer)}). 따옴표 없이 숫자 10개가 든 리스트로 적으세요. "
            "예: 레이블 1이면 [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]"
        )
    if as_number(answer) is not None and getattr(answer, "ndim", 0) == 0:
        return (
            f"숫자 하나를 넣었습니다(받은 값: {describe(answer)}). 레이블 번호가 아니라 길이 10인 벡터(리스트나 배열)로 적으세요. "
            "예: 레이블 1이면 [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]"
        )
    shape = getattr(answer, "shape", None)
    if isinstance(shape, tuple) and len(shape) > 1:
        return (
            f"받은 배열의 모양은 {shape}, {len(shape)}차원입니다. 벡터 하나(1차원, 길이 10)로 적으세요. "
            "예: 배열[0] 또는 배열.ravel()"
        )
    if isinstance(answer, list | tuple) and any(isinstance(v, list | tuple) or getattr(v, "ndim", 0) > 0 for v in answer):
        kind = "리스트" if isinstance(answer, list) else "튜플"
        return (
            f"{kind} 안에 리스트(또는 배열)가 들어 있습니다(받은 값: {describe(answer)}). "
            "대괄호를 한 겹만 써서 숫자 10개가 든 1차원 리스트로 적으세요. 예: [0, 1, 0, …]"
        )
    try:
        values = [float(v) for v in list(answer)]
    except (TypeError, ValueError):
        return (
            "숫자 10개가 든 1차원 리스트로 적으세요. "
            f"받은 값: {describe(answer)} (종류: {type(answer).__name__})"
        )
    if any(math.isnan(v) for v in values):
        return "값에 nan이 들어 있습니다. 0과 1로만 적으세요."
    if len(values) != 10:
        return f"받은 벡터의 길이는 {len(values)}입니다. 숫자 0~9의 10개 클래스마다 한 칸씩, 길이 10이어야 합니다."
    if any(v not in (0.0, 1.0) for v in values) or sum(values) != 1.0:
        return "원-핫 벡터는 한 칸만 1이고 나머지는 모두 0입니다."
    position = values.index(1.0)
    if position == 2:
        return "1을 세 번째 칸(인덱스 2)에 넣었습니다. 인덱스는 0부터 세므로 숫자 3의 자리는 인덱스 3입니다."
    if position != 3:
        return f"1이 있는 자리는 인덱스 {position}입니다. 숫자 3의 1은 인덱스 3에 있어야 합니다."
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
        "0001000000",  # 이슈 18 다시 풀기: 문자열이라고 말해야 한다
        ([0, 0, 0, 1, 0], [0, 0, 0, 0, 0]),
    ],
)


# ---------------------------------------------------------------- q3: 합성곱 층의 파라미터 수


def _check_conv_params(answer: Any) -> str | None:
    problem = _integer_problem(answer, "(5 * 5 * 3 + 1) * 8")
    if problem:
        return problem
    n = as_integer(answer)
    if n == 3 * 3 * 16 * 32:
        return "가중치만 세었습니다. 필터마다 편향이 하나씩 있으니 필터 수(32)를 더하세요."
    if n in (3 * 3 * 32 + 32, 3 * 3 * 32):
        return (
            "입력 채널 수를 빠뜨렸습니다. 필터 하나는 3×3 크기로 입력의 16개 채널을 모두 보므로 "
            "가중치가 3×3×16개입니다."
        )
    if n == 3 * 3 * 16 + 1:
        return "그것은 필터 하나의 파라미터 수입니다. 필터가 32개 있습니다."
    if n == 3 * 3 * 16 * 32 + 1:
        return "편향을 층 전체에 하나만 더했습니다. 편향은 필터(출력 채널)마다 하나씩, 모두 32개입니다."
    if n == 14 * 14 * 16 * 32 + 32:
        return "합성곱 필터는 위치마다 새로 만들지 않고 모든 위치에서 같은 가중치를 씁니다(가중치 공유)."
    if n != 4640:
        return f"답과 다릅니다(받은 값: {n:,}개). (필터 높이 × 너비 × 입력 채널 수 + 1) × 필터 수를 계산해 보세요."
    return None


q3 = Exercise(
    "Conv2D(32, 3×3) 층의 파라미터 수",
    _check_conv_params,
    hint=(
        "필터 하나의 가중치 = 높이 × 너비 × 입력 채널 수, 여기에 편향 1개.\n"
        "그런 필터가 32개 있습니다. 입력 그림의 가로·세로 크기는 파라미터 수와 상관이 없습니다."
    ),
    solution=(
        "# 필터 하나: 3 × 3 × 16개의 가중치 + 편향 1개, 그런 필터가 32개 → 4,640\n"
        "answer_q3 = (3 * 3 * 16 + 1) * 32"
    ),
    correct=[4640, 4640.0],
    wrong=[4608, 4609, 320, 288, 145, 3_211_296, 4640.5, "4640"],
)


# ---------------------------------------------------------------- q4: 정수 레이블에 맞는 손실 함수

_LOSS = "sparse_categorical_crossentropy"
# Keras가 알아듣는 이름: compile(loss=…)에 그대로 넣을 수 있는 문자열(함수 이름과 클래스 이름)
_LOSS_NAMES = (_LOSS, "SparseCategoricalCrossentropy")


def _loss_answer_name(answer: Any) -> str | None:
    """손실 함수 객체(keras.losses.sparse_categorical_crossentropy, SparseCategoricalCrossentropy())의 함수 이름."""
    if isinstance(answer, type) or not callable(answer):
        return None
    function = getattr(answer, "fn", answer)  # Loss 객체는 .fn에 손실 함수를 담고 있다
    name = getattr(function, "__name__", None)
    return name if isinstance(name, str) else None


# 규칙(04 q3과 같다): 두 문제 모두 노트북이 "이름을 문자열로" 묻는다. 그래서 Keras가 알아듣는 문자열
# (함수 이름과 클래스 이름)만 받고, 손실 객체·함수·클래스는 compile에서는 쓸 수 있어도 받지 않고 그렇게 알려 준다.
_STRING_RULE = "이 문제는 손실 함수의 이름을 문자열로 묻습니다. compile의 loss=에 넣는 Keras의 이름을 따옴표로 감싸 적으세요."


def _check_loss_name(answer: Any) -> str | None:
    if not isinstance(answer, str):
        if isinstance(answer, type):
            return f"클래스 {answer.__name__} 자체를 넣었습니다. {_STRING_RULE}"
        name = _loss_answer_name(answer)
        if name is None:
            return f"{_STRING_RULE} 예: 'mse' (받은 값의 종류: {type(answer).__name__})"
        kind = "손실 객체" if hasattr(answer, "fn") else "손실 함수"
        verdict = (
            "고른 손실은 맞습니다."
            if name == _LOSS
            else (_loss_misconception(name) or "고른 손실도 이 문제의 답이 아닙니다.")
        )
        # 객체는 객체로 보여 준다. 따옴표 없는 이름만 쓰면 문자열처럼 읽힌다.
        shown = f"{type(answer).__name__} 객체" if hasattr(answer, "fn") else f"함수 {getattr(answer, '__name__', name)}"
        return f"문자열 대신 {josa(kind, '을')} 넣었습니다(받은 값: {shown}). {_STRING_RULE} {verdict}"
    if answer in _LOSS_NAMES:
        return None
    for expected in _LOSS_NAMES:
        if answer.strip().lower() == expected.lower():
            return name_problem(answer, expected)  # 앞뒤 공백, 대소문자
    key = answer.strip().lower().replace(" ", "_")
    problem = _loss_misconception(key, shown=answer)
    if problem:
        return problem
    # Keras가 풀지 못하는 이름이면 개념이 아니라 철자의 문제다(compile은 지나가도 fit에서 오류가 난다).
    if _keras_resolves(answer, "losses"):
        return f"받은 값 {describe(answer)} — 답이 아닙니다. 3.4절의 '희소(sparse)' 방식을 다시 읽어 보세요."
    if _keras_resolves(answer.strip(), "metrics") or answer.strip().lower() == "acc":
        return (
            f"받은 값 {describe(answer)} — 손실 함수가 아니라 평가 지표(metric)의 이름입니다. 지표는 compile(metrics=[…])에 넣어 "
            "학습 중에 보기만 하는 값이고, 이 문제는 compile(loss=…)에 넣어 학습이 줄이는 손실 함수의 이름을 묻습니다."
        )
    if _keras_resolves(answer.strip(), "activations"):
        return f"받은 값 {describe(answer)} — 손실 함수가 아니라 활성화 함수의 이름입니다. compile(loss=…)에 넣는 손실 함수의 이름을 적으세요."
    return (
        f"받은 값 {describe(answer)} — Keras가 모르는 손실 이름입니다. 철자를 확인하세요"
        "(compile은 통과해도 fit에서 오류가 납니다). Keras의 이름 그대로, 소문자와 밑줄로 적으세요."
    )


def _keras_resolves(name: str, kind: str) -> bool:
    """Keras가 이 문자열을 손실(kind="losses"), 활성화 함수(kind="activations"), 평가 지표(kind="metrics")로 알아듣는가."""
    import keras

    try:
        getattr(keras, kind).get(name)
    except (ValueError, TypeError):
        return False
    return True


def _loss_misconception(key: str, shown: str | None = None) -> str | None:
    compact = key.lower().replace("_", "")
    if compact == "sparsecategoricalcrossentropy":
        return (
            f"받은 값 {shown or key!r} — Keras는 이 철자의 이름을 모릅니다. "
            "밑줄과 대소문자까지 Keras의 이름과 같게 적으세요."
        )
    if compact == "categoricalcrossentropy":
        return (
            "categorical_crossentropy는 원-핫 벡터 레이블을 받습니다. "
            "정수 레이블(0~9)을 그대로 쓰려면 이름 앞에 무언가가 붙은 손실을 씁니다."
        )
    if compact == "binarycrossentropy":
        return "binary_crossentropy는 클래스가 두 개(0/1)일 때 씁니다. 여기에는 클래스가 10개 있습니다."
    if compact in {"mse", "meansquarederror", "mae", "meanabsoluteerror"}:
        return "평균 제곱/절대 오차는 수치를 예측하는 회귀용입니다. 분류에는 교차 엔트로피를 씁니다."
    return None


q4 = Exercise(
    "정수 레이블로 다중 분류할 때의 손실 함수",
    _check_loss_name,
    hint=(
        "원-핫으로 바꾸지 않은 정수 레이블 y_train(0~9)을 그대로 fit에 넣고 싶습니다.\n"
        "categorical_crossentropy와 같은 값을 계산하지만 정수 레이블을 받는 손실의 이름은?\n"
        "Keras의 이름 그대로(소문자와 밑줄, 앞뒤 공백 없이) 문자열로 적으세요."
    ),
    solution=(
        "# 정수 레이블을 그대로 받는 '희소' 교차 엔트로피: 원-핫 없이 model.fit(x, y_train)\n"
        'answer_q4 = "sparse_categorical_crossentropy"'
    ),
    correct=["sparse_categorical_crossentropy", "SparseCategoricalCrossentropy"],
    wrong=[
        "categorical_crossentropy",
        "binary_crossentropy",
        "mse",
        "softmax",
        "sparse",
        3,
        " sparse_categorical_crossentropy ",
        "sparse_categorical_crossentropy\n",
        "Sparse_Categorical_Crossentropy",
        "sparse categorical crossentropy",
        "sparse_categorial_crossentropy",  # 이슈 18 다시 풀기: 철자가 틀린 이름
        "kl_divergence",
    ],
)


# ---------------------------------------------------------------- q5: 다수 클래스 기준선


# 문제는 소수 넷째 자리까지 반올림한 값을 묻고, 노트북도 같은 기준선 정확도를 그 자리까지 찍는다(f"{baseline_acc:.4f}").
# 그래서 과정 전체의 규칙대로 정확한 값(6,742 / 60,000 = 0.112366…)과의 차이가 넷째 자리의 반 단위 이하이면 맞다.
# 0.1124와 계산 결과 그대로는 맞고, 넷째 자리를 버린 0.1123은 틀리다.
_HALF_UNIT_4 = 0.5e-4 + 1e-12


def _check_baseline(answer: Any) -> str | None:
    value = as_number(answer)
    if value is None:
        return f"정확도를 0과 1 사이의 실수로 적으세요(받은 값: {describe(answer)}). 예: 0.25"
    if math.isclose(value, 6742, abs_tol=0.5):
        return "6,742는 개수입니다. 훈련 그림 60,000장으로 나눠 비율(정확도)로 적으세요."
    if math.isclose(value, 674_200 / 60_000, abs_tol=0.01):
        return "백분율(%)이 아니라 0과 1 사이의 비율로 적으세요."
    if math.isclose(value, 0.1, abs_tol=1e-4):
        return "0.1은 열 숫자가 똑같이 많다고 가정한 값입니다. 실제로 가장 많은 숫자의 비율을 구해 보세요."
    if math.isclose(value, 1135 / 10000, abs_tol=1e-4):
        return "0.1135는 1.1절에서 본 테스트 세트의 값입니다. 이번에는 y_train으로 세어 보세요."
    if math.isclose(value, 5421 / 60000, abs_tol=1e-4):
        return "그것은 가장 적은 숫자(5)의 비율입니다. 가장 많은 숫자를 찾으세요."
    if math.isclose(value, 6742 / 10000, abs_tol=1e-4):
        return "훈련 세트에서 센 개수 6,742를 테스트 그림 수 10,000으로 나눴습니다. 훈련 그림 수 60,000으로 나누세요."
    if abs(value - 6742 / 60000) <= _HALF_UNIT_4:
        return None
    if abs(value - 6742 / 60000) < 0.01:
        return (
            f"거의 맞았지만 소수 넷째 자리까지 맞지 않습니다(받은 값: {value:.6g}). 노트북이 기준선 정확도를 보여 주는 "
            "넷째 자리까지 맞아야 합니다. 다섯째 자리에서 반올림하거나, y_train을 써서 코드로 계산한 결과를 그대로 넣으세요."
        )
    return (
        f"받은 값 {value:.6g} — 답이 아닙니다. 필요한 수는 두 가지, 훈련 세트에서 가장 흔한 숫자의 그림 수와 "
        "훈련 그림 전체의 수입니다. 1.1절에서 테스트 세트로 한 계산을 y_train으로 다시 해 보세요."
    )


q5 = Exercise(
    "'가장 많은 숫자만 답하기' 기준선의 훈련 세트 정확도",
    _check_baseline,
    hint=(
        "어떤 그림이 와도 훈련 세트에서 가장 흔한 숫자 하나만 답하는 '모델'의 훈련 세트 정확도입니다.\n"
        "np.bincount(y_train)으로 숫자별 개수를 세어 보세요."
    ),
    solution=(
        "# 가장 많은 숫자는 1: 6,742 / 60,000 ≈ 0.1124\n"
        "answer_q5 = np.bincount(y_train).max() / len(y_train)"
    ),
    correct=[6742 / 60000, 0.11237, 0.1124],
    # 0.1123: 전에는 맞다고 했지만(±0.0001) 넷째 자리를 버린 값이다(이슈 18, 세 번째 풀이의 규칙).
    wrong=[0.1, 6742, 11.24, 0.1135, 5421 / 60000, 0.6742, 0.98, "0.1124", 0.1123, 0.112],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수·모델을 처음 보는 입력으로 실행해 채점한다.

import contextlib  # noqa: E402
import functools  # noqa: E402
import gc  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import numpy as np  # noqa: E402

from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    LearnerCodeError,
    as_array,
    call,
    compile_problem,
    describe,
    logits_problem,
    loss_from_logits,
)

_RNG = np.random.default_rng(20260307)  # 이 모듈만의 생성기: 학습자의 np.random 상태는 건드리지 않는다
_IMAGES = [
    _RNG.integers(0, 256, size=(3, 28, 28), dtype=np.uint8),
    np.full((1, 28, 28), 255, dtype=np.uint8),
    np.zeros((2, 28, 28), dtype=np.uint8),
]


def _preprocess(images: np.ndarray) -> np.ndarray:
    return images.reshape(len(images), 28 * 28).astype("float32") / 255


def _call_preprocess(preprocess: Any, images: np.ndarray) -> Any:
    """학습자 함수를 부른다(입력 변경 검사와 한국어 오류 설명은 공용 call). reshape 오류에는 이 문제의 설명을 더한다."""
    try:
        return call(preprocess, images)
    except LearnerCodeError as err:
        cause = str(err.__cause__ or "")
        if "cannot reshape" not in cause:
            raise
        # 공용 설명(원소 수가 맞지 않는다 …)과 같은 원인을 이 문제의 숫자로 한 번만 말한다. 공용 설명 줄은 빼고 원래 오류는 남긴다.
        lines = str(err).split("\n")
        original = [line for line in lines[1:] if line.lstrip().startswith("(원래 오류")]
        advice = (
            f"   그림 {len(images)}장의 원소는 {len(images)}×28×28 = {images.size:,}개라서 그 모양으로 바꿀 수 없습니다. "
            "그림 수를 reshape(60000, 784)처럼 숫자로 고정하지 말고 len(images)나 -1로 두어 (그림 수, 784)로 펼치세요."
        )
        raise LearnerCodeError("\n".join([lines[0], advice, *original])) from err.__cause__


def _check_preprocess(preprocess: Any) -> str | None:
    for images in _IMAGES:
        got = _call_preprocess(preprocess, images)
        want = _preprocess(images)
        if got is None:
            return (
                "함수가 아무 값도 돌려주지 않습니다(None). print만 하지 말고 마지막에 return으로 "
                "펼치고 스케일한 배열을 돌려주세요."
            )
        array = as_array(got)
        if array is None:
            return f"숫자 배열을 돌려주세요(받은 값의 종류: {type(got).__name__})."
        if array.shape != want.shape:
            if array.size == want.size and array.shape == (28 * 28, len(images)):
                return "모양이 (784, 그림 수)입니다. 그림 하나가 한 행이 되도록 (그림 수, 784)로 펼치세요."
            return (
                f"그림 {len(images)}장을 넣었더니 돌려준 배열의 모양은 {array.shape}, 기대한 모양은 {want.shape}입니다. "
                "(그림 수, 784), 즉 그림마다 한 행으로 펼치세요."
            )
        if np.isnan(array).any():
            return (
                "결과에 nan이 있습니다. 모두 0인 그림을 최댓값이나 표준편차처럼 입력에 따라 달라지는 값으로 나누면 "
                "0/0이 됩니다. 고정된 수 255로 나누세요."
            )
        if array.min() < 0:
            return "음수가 있습니다. 평균을 빼는 표준화가 아니라 255로 나누기만 해서 0~1로 맞추세요."
        if array.max() > 1.0 and np.allclose(array, np.round(array)):
            return "값이 0~255 그대로입니다. 255로 나눠 0~1로 맞추세요."
        if not np.allclose(array, want, atol=1e-3):
            if np.isin(array, [0.0, 1.0]).all():
                return (
                    "값이 0과 1뿐입니다. 정수 나눗셈(//)을 썼거나, 나눈 뒤 astype(uint8)로 정수로 바꿨습니다. "
                    "실수로 바꾼 뒤 /로 나누세요."
                )
            ratio = float(array.sum() / want.sum()) if want.sum() else 0.0
            if ratio > 0 and np.allclose(array, ratio * want, atol=1e-4):
                return f"모든 값이 기댓값의 {ratio:.4g}배입니다. 0~255를 0~1로 맞추려면 255로 나누세요."
            return (
                f"값이 다릅니다. 첫 그림의 인덱스 14행 앞 6칸 {describe(images[0, 14, :6])}의 기댓값은 "
                f"{describe(want[0, 14 * 28 : 14 * 28 + 6])}, 받은 값은 {describe(array[0, 14 * 28 : 14 * 28 + 6])}입니다."
            )
        # 값과 모양은 맞다. 이제 무엇에 담아 돌려줬는지 본다(받은 것에 맞춘 안내)
        if isinstance(got, list | tuple):
            kind = "리스트" if isinstance(got, list) else "튜플"
            return (
                f"값과 모양은 맞지만 NumPy 배열이 아니라 파이썬 {kind}입니다. "
                "model.fit이 바로 받을 수 있게 .tolist() 같은 변환 없이 float32 배열 그대로 돌려주세요."
            )
        dtype = np.asarray(got).dtype
        if dtype != np.float32:
            why = "float64의 절반 메모리" if dtype == np.float64 else "Keras의 기본 자료형"
            return f"값과 모양은 맞지만 자료형이 {dtype}입니다. 3.2절처럼 float32로 바꾸세요({why})."
        if not np.allclose(array, want, atol=1e-6):
            return (
                f"값이 조금 다릅니다. 첫 그림의 인덱스 14행 앞 6칸의 기댓값은 {describe(want[0, 14 * 28 : 14 * 28 + 6])}, "
                f"받은 값은 {describe(array[0, 14 * 28 : 14 * 28 + 6])}입니다."
            )
    return None


def _flatten_in_place(images):
    images.shape = (len(images), 784)  # 받은 배열 자체의 모양을 바꾼다
    return images.astype("float32") / 255


code1 = CodeExercise(
    "MLP 입력으로 펼치고 0~1로 스케일하기",
    _check_preprocess,
    hint=(
        "(그림 수, 28, 28)의 uint8 배열을 (그림 수, 784)로 펼치고(reshape), float32로 바꾼 뒤 255로 나눕니다.\n"
        "그림 수는 len(images)로 알 수 있습니다(-1을 써도 됩니다). 받은 배열은 바꾸지 말고 새 배열을 돌려주세요."
    ),
    solution=(
        "def preprocess(images):\n"
        '    return images.reshape(len(images), 784).astype("float32") / 255'
    ),
    correct=[
        _preprocess,
        lambda images: (images.reshape(-1, 784) / 255).astype(np.float32),
        lambda images: np.array([image.flatten() for image in images], dtype=np.float32) / 255,
        lambda images: (images / 255.0).reshape(images.shape[0], -1).astype("float32"),
        lambda images: images.astype(np.float32).reshape(len(images), -1) / np.float32(255),
    ],
    mistakes=[
        (lambda images: images.reshape(len(images), 784).astype("float32"), "0~255"),
        (lambda images: (images.reshape(len(images), 784) / 255), "자료형이 float64"),
        (lambda images: images.reshape(784, len(images)).astype("float32") / 255, "(784, 그림 수)"),
        (lambda images: (images.reshape(len(images), 784) // 255).astype("float32"), "정수 나눗셈"),
        (lambda images: images.astype("float32") / 255, "그림마다 한 행"),
        # 이슈 18: .tolist()로 돌려주면 "자료형이 float64"가 아니라 리스트라고 알려야 한다
        (lambda images: (images.reshape(len(images), 784).astype("float32") / 255).tolist(), "파이썬 리스트"),
        (lambda images: images.reshape(60000, 784).astype("float32") / 255, "len(images)나 -1"),
        (lambda images: images.reshape(len(images), 784).astype("float32") / 256, "255로 나누세요"),
        (lambda images: images.reshape(len(images), 784).astype("float32") / images.max(axis=(1, 2)).reshape(-1, 1), "nan"),
        (lambda images: print(images.reshape(len(images), 784).astype("float32") / 255), "return"),
        (_flatten_in_place, "제자리에서 바꿨습니다"),
        (lambda images: images.reshape(len(images), 784).astype("float16") / 255, "자료형이 float16"),
    ],
)


# ---------------------------------------------------------------- code2: 예산 안의 CNN

_BUDGET_PARAMS = 50_000  # MLP(407,050개)의 약 8분의 1
_TRAIN_N, _VAL_N, _EPOCHS, _BATCH = 6_000, 2_000, 3, 64
# 배치 정규화의 이동 평균: Keras 기본 momentum 0.99(약 100스텝의 평균)는 채점의 짧은 학습(282스텝)에서
# 빠르게 바뀌는 가중치를 따라오지 못해, 6.2절의 CNN도 검증 정확도가 0.4 안팎으로 떨어진다(배치 통계로는 0.98).
# 채점용으로 새로 만든 모델에서는 momentum을 이 값 이하로 낮춰 약 10스텝의 평균을 쓴다.
_BN_MOMENTUM = 0.9
# 예시 풀이(_cnn_right)는 시드 42에서 검증 정확도 0.960, 6.2절의 CNN은 0.98 안팎(3에포크): 목표에 여유를 둔다.
_TARGET_ACC, _TIME_BUDGET = 0.94, 90.0
_SEED = 42


@contextlib.contextmanager
def _own_random_state() -> Iterator[None]:
    """채점 안에서만 시드를 고정하고, 끝나면 학습자의 난수 상태(random, np.random, Keras, TensorFlow)를 되돌린다."""
    import keras
    from keras.src.backend.common import global_state

    python_state = random.getstate()
    numpy_state = np.random.get_state()
    keys = ("global_random_seed", "global_seed_generator")
    keras_state = {key: global_state.get_global_attribute(key) for key in keys}
    tf_seed = None
    with contextlib.suppress(Exception):
        from tensorflow.python.eager import context

        tf_seed = context.global_seed()
    try:
        keras.utils.set_random_seed(_SEED)
        yield
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)
        for key, value in keras_state.items():
            global_state.set_global_attribute(key, value)
        with contextlib.suppress(Exception):
            import tensorflow as tf

            tf.random.set_seed(tf_seed)


def _cnn_data() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    from helpers.data import load_mnist

    (x_train, y_train), _ = load_mnist()
    val = slice(len(x_train) - _VAL_N, len(x_train))  # 훈련 세트의 마지막 부분: 4.3절의 검증 세트와 같은 자리

    def scale(images: np.ndarray) -> np.ndarray:
        return images[..., np.newaxis].astype("float32") / 255

    return scale(x_train[:_TRAIN_N]), y_train[:_TRAIN_N], scale(x_train[val]), y_train[val]


def _all_layers(model: Any) -> list[Any]:
    """모델 안의 모든 층(안에 넣은 Sequential·Model 속의 층까지)."""
    return list(model._flatten_layers(include_self=False, recursive=True))


def _activation_name(function: Any) -> str:
    name = str(getattr(function, "__name__", function))
    return "softmax" if name.startswith("softmax") else name  # tf.nn.softmax의 이름은 softmax_v2


_ACTIVATION_LAYERS = {"ReLU": "relu", "Softmax": "softmax", "LeakyReLU": "leaky_relu", "ELU": "elu", "PReLU": "prelu"}


def _output_activation(model: Any) -> str:
    """출력에 마지막으로 적용되는 활성화 함수. Dense/Conv2D의 activation 인수와 따로 둔 활성화 층을 모두 본다."""
    activation = "linear"
    for layer in _all_layers(model):
        name = type(layer).__name__
        if name in _ACTIVATION_LAYERS:
            activation = _ACTIVATION_LAYERS[name]
        elif getattr(layer, "activation", None) is not None and hasattr(layer, "get_config"):
            activation = _activation_name(layer.activation)
    return activation


def _loss_kind(loss: Any) -> str:
    """compile에 넘긴 손실이 어떤 함수인지: 문자열, 클래스 이름, 함수, Loss 객체 모두 Keras 함수 이름으로."""
    import keras

    resolved = loss
    if isinstance(loss, str):
        with contextlib.suppress(Exception):
            resolved = keras.losses.get(loss)
    function = getattr(resolved, "fn", resolved)  # LossFunctionWrapper(SparseCategoricalCrossentropy 등)
    name = getattr(function, "__name__", None)
    return name if isinstance(name, str) else str(loss)


def _built_cnn(build_cnn: Any) -> tuple[Any, str | None]:
    """학습자 함수로 모델을 새로 만든다(학습자 코드는 공용 call로). (모델, 문제)."""
    import keras

    if isinstance(build_cnn, keras.Model):
        return None, "모델이 아니라 모델을 만드는 함수를 괄호 없이 넘기세요. 예: ex.code2.check(build_cnn)"
    model = call(build_cnn, name=getattr(build_cnn, "__name__", "build_cnn"))
    if model is None:
        return None, "함수가 아무 값도 돌려주지 않습니다. 마지막에 return model로 모델을 돌려주세요."
    if not isinstance(model, keras.Model):
        return None, f"함수가 돌려준 값의 종류는 {type(model).__name__}입니다. Keras 모델을 return model로 돌려주세요."
    if not model.built:
        return None, (
            "모델의 입력 모양이 정해지지 않아 파라미터 수를 셀 수 없습니다. "
            "Sequential의 맨 앞에 keras.Input(shape=(28, 28, 1))을 넣으세요."
        )
    if not getattr(model, "compiled", False):
        return None, "모델을 compile하지 않았습니다. 함수 안에서 model.compile(optimizer=…, loss=…, metrics=[…])을 부른 뒤 돌려주세요."
    # 채점은 모델을 학습시킨다. 학습자가 이미 만들어 둔 모델(함수 밖의 변수)을 돌려주면 그 모델이 바뀌므로 받지 않는다
    again = call(build_cnn, name=getattr(build_cnn, "__name__", "build_cnn"))
    if again is model:
        return None, (
            "부를 때마다 함수가 같은 모델 객체를 돌려줍니다(함수 밖에서 만든 모델). 채점은 모델을 새로 학습시키므로 "
            "함수 안에서 keras.Sequential(…)로 새 모델을 만들고 compile해서 돌려주세요."
        )
    del again
    return model, None


def _structure_problem(model: Any) -> str | None:
    """학습 전에 알 수 있는 문제: 입력 모양, 합성곱 층, 출력, 손실, from_logits, 파라미터 예산."""
    import keras

    input_shape = tuple(model.input_shape[1:]) if isinstance(model.input_shape, tuple) else None
    if input_shape != (28, 28, 1):
        return f"모델의 입력 모양은 {input_shape}입니다. 그림을 펼치지 않고 keras.Input(shape=(28, 28, 1))로 받으세요."
    layers = _all_layers(model)
    if not any(isinstance(layer, keras.layers.Conv2D) for layer in layers):
        return "Conv2D 층이 없습니다. 이 문제는 합성곱 층이 있는 CNN을 만드는 것입니다(6.1절)."
    output_shape = tuple(model.output_shape[1:]) if isinstance(model.output_shape, tuple) else None
    activation = _output_activation(model)
    if output_shape == (1,) and activation == "softmax":
        return (
            "출력이 하나뿐인 softmax는 입력과 상관없이 늘 1.0을 냅니다. "
            "출력층은 숫자 열 개마다 확률을 하나씩 내야 합니다."
        )
    if output_shape != (10,):
        return f"모델의 출력 모양은 {output_shape}입니다. 숫자 0~9마다 값 하나씩, (10,)으로 끝내세요."
    problem = logits_problem(model)
    from_logits = loss_from_logits(model.loss)
    if problem is None and from_logits and activation == "softmax":  # 공용 검사가 못 보는 꼴(softmax_v2 등)
        problem = (
            "출력층에 softmax를 두고 손실에도 from_logits=True를 주면 softmax를 두 번 적용하는 셈입니다. "
            "둘 중 하나만 쓰세요."
        )
    if problem:
        return problem
    if activation == "linear" and not from_logits:
        return (
            "출력층에 활성화 함수가 없어(linear) 출력이 확률이 아닙니다. 출력층에 softmax를 두거나, "
            "활성화 함수 없이 두려면 손실에 from_logits=True를 주세요(4.5절)."
        )
    if activation not in ("softmax", "linear"):
        return (
            f"출력층의 활성화 함수는 {activation}입니다. 숫자 열 개 가운데 하나를 고르는 다중 분류에서는 "
            "열 개의 확률을 합이 1이 되게 내는 softmax를 씁니다."
        )
    loss = _loss_kind(model.loss)
    if loss not in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        return (
            f"받은 손실: {loss}. 숫자 열 개의 분류에는 categorical_crossentropy(원-핫 레이블) 또는 "
            "sparse_categorical_crossentropy(정수 레이블)를 씁니다."
        )
    params = model.count_params()
    if params >= _BUDGET_PARAMS:
        return f"파라미터가 {params:,}개로 예산 {_BUDGET_PARAMS:,}개를 넘습니다. {_budget_advice(model)}"
    return None


def _budget_advice(model: Any) -> str:
    """파라미터가 가장 많은 층을 짚어 주는 안내."""
    import keras

    layers = [layer for layer in _all_layers(model) if layer.count_params()]
    biggest = max(layers, key=lambda layer: layer.count_params())
    where = f"가장 큰 층은 {biggest.name}({type(biggest).__name__}, 파라미터 {biggest.count_params():,}개)입니다."
    if isinstance(biggest, keras.layers.Dense):
        pools = sum(isinstance(layer, keras.layers.MaxPooling2D | keras.layers.AveragePooling2D) for layer in _all_layers(model))
        if pools == 0:
            return f"{where} 풀링 층이 없어 Flatten 뒤의 값이 많습니다. Flatten 앞에 MaxPooling2D를 두어 그림을 줄이세요."
        return f"{where} Flatten 앞에서 그림을 더 줄이거나(풀링을 더 두거나) 그 Dense 층의 뉴런 수를 줄이세요."
    return f"{where} 그 층의 필터 수를 줄여 보세요."


def _accuracy_advice(model: Any, accuracy: float) -> str:
    """목표에 못 미친 모델에 주는 안내: 제출한 모델의 구성에서 끌어낸다(이미 있는 것을 권하지 않는다)."""
    import keras

    layers = _all_layers(model)
    convs = [layer for layer in layers if isinstance(layer, keras.layers.Conv2D)]
    optimizer = model.optimizer
    optimizer_name = type(optimizer).__name__
    tips: list[str] = []
    if accuracy < 0.2:
        tips.append("정확도가 찍기(0.1) 수준이라 학습이 거의 되지 않았습니다.")
    rate = getattr(optimizer, "learning_rate", None)
    rate_value: float | None = None
    if rate is not None and not isinstance(rate, keras.optimizers.schedules.LearningRateSchedule):
        with contextlib.suppress(Exception):
            rate_value = float(np.asarray(rate))
    if optimizer_name == "SGD" and not float(getattr(optimizer, "momentum", 0.0) or 0.0):
        tips.append("옵티마이저가 SGD입니다. 3에포크 안에 배우기에는 느리니 Adam을 써 보세요(6.4절).")
    elif rate_value is not None and rate_value < 1e-4:
        tips.append(f"학습률이 {rate_value:g}입니다. 3에포크에는 너무 작으니 Adam의 기본값 0.001 근처로 키워 보세요.")
    elif rate_value is not None and rate_value > 0.02:
        tips.append(f"학습률이 {rate_value:g}입니다. 너무 커서 학습이 흔들릴 수 있으니 0.001 근처로 줄여 보세요.")
    activations = [_activation_name(layer.activation) for layer in convs]
    has_activation_layer = any(
        type(layer).__name__ in _ACTIVATION_LAYERS or isinstance(layer, keras.layers.Activation) for layer in layers
    )
    if all(name == "linear" for name in activations) and not has_activation_layer:
        tips.append("합성곱 층에 활성화 함수가 없어(linear) 층을 쌓아도 비선형인 곳이 최대 풀링뿐입니다. activation=\"relu\"를 주세요.")
    if len(convs) == 1:
        tips.append("합성곱 층이 하나뿐입니다. 합성곱과 풀링을 한 번 더 쌓아 보세요.")
    rates = [float(layer.rate) for layer in layers if isinstance(layer, keras.layers.Dropout)]
    if rates and max(rates) >= 0.5:
        tips.append(f"드롭아웃 비율이 {max(rates):g}입니다. 3에포크의 짧은 학습에는 커서 배우는 속도가 느려집니다.")
    if not tips:
        params = model.count_params()
        ideas = []
        if not any(isinstance(layer, keras.layers.BatchNormalization) for layer in layers):
            ideas.append("6.2절처럼 풀링 뒤에 배치 정규화 두기")
        if len(convs) < 3:
            ideas.append("합성곱과 풀링을 한 번 더 쌓기")
        if params < _BUDGET_PARAMS // 2:
            ideas.append("예산 안에서 필터 수 늘리기")
        if rate_value is not None and rate_value <= 1e-3:
            ideas.append(f"학습률 키우기(지금 learning_rate={rate_value:g})")
        if not ideas:
            ideas.append("model.fit(…, validation_split=0.1)로 에포크마다의 검증 정확도를 보며 어디서 막히는지 찾기")
        tips.append(
            f"지금 모델은 합성곱 층 {len(convs)}개, 옵티마이저 {optimizer_name}, 파라미터 {params:,}개입니다. "
            f"해 볼 만한 것: {', '.join(ideas)}."
        )
    return " ".join(tips)


_MULTICLASS_METRICS = {
    "accuracy", "acc", "sparse_categorical_accuracy", "categorical_accuracy", "sparse_top_k_categorical_accuracy",
    "top_k_categorical_accuracy", "sparse_categorical_crossentropy", "categorical_crossentropy",
}  # fmt: skip


def _metric_names(model: Any) -> list[str]:
    """compile의 metrics에 적은 지표 이름들(문자열, 지표 객체 모두)."""
    try:
        metrics = model.get_compile_config().get("metrics") or []
    except Exception:
        return []
    if not isinstance(metrics, list | tuple):
        return []
    names = []
    for metric in metrics:
        if isinstance(metric, dict):
            metric = (metric.get("config") or {}).get("name") or metric.get("class_name")
        names.append(str(getattr(metric, "name", None) or getattr(metric, "__name__", None) or metric))
    return names


def _fit_and_score(model: Any, loss: str) -> tuple[float, float]:
    """채점용 학습과 검증. 학습자 모델의 코드(층, 손실)가 내는 오류는 공용 call이 한국어로 설명한다."""
    import keras

    x_fit, y_fit, x_val, y_val = _cnn_data()
    labels = keras.utils.to_categorical(y_fit, 10) if loss == "categorical_crossentropy" else y_fit
    fit = functools.partial(model.fit, epochs=_EPOCHS, batch_size=_BATCH, verbose=0)
    predict = functools.partial(model.predict, batch_size=500, verbose=0)
    start = time.perf_counter()
    try:
        call(fit, x_fit, labels, name="model.fit")
    except LearnerCodeError as err:
        metrics = [name for name in _metric_names(model) if name not in _MULTICLASS_METRICS]
        if not metrics:
            raise
        # 원인은 지표 하나로 말한다. 공용 설명(모양이 맞지 않는다 …) 줄은 빼고 원래 오류는 남긴다.
        lines = str(err).split("\n")
        original = [line for line in lines[1:] if line.lstrip().startswith("(원래 오류")]
        advice = (
            f"   compile의 metrics에 넣은 {', '.join(metrics)} — 이진 분류용이거나 레이블 모양이 다른 지표라서 "
            "숫자 열 개의 분류에서는 계산할 수 없습니다. metrics=[\"accuracy\"]를 쓰세요."
        )
        raise LearnerCodeError("\n".join([lines[0], advice, *original])) from err.__cause__
    seconds = time.perf_counter() - start
    scores = as_array(call(predict, x_val, name="model.predict"))
    if scores is None or scores.shape != (len(y_val), 10):
        raise LearnerCodeError(
            f"검증 그림 {len(y_val):,}장의 예측 모양이 {None if scores is None else scores.shape}입니다. "
            "(그림 수, 10)이어야 합니다."
        )
    return float((scores.argmax(axis=1) == y_val).mean()), seconds


def _check_cnn(build_cnn: Any) -> str | None:
    import keras

    model = None
    with _own_random_state():  # 같은 설계는 언제 채점해도 같은 초깃값과 같은 결과, 학습자의 시드는 그대로
        try:
            model, problem = _built_cnn(build_cnn)
            if problem:
                return problem
            problem = compile_problem(model) or _structure_problem(model)
            if problem:
                return problem
            # 짧은 학습에서도 배치 정규화의 이동 평균이 가중치를 따라오도록(위 _BN_MOMENTUM 설명)
            normalizers = [layer for layer in _all_layers(model) if isinstance(layer, keras.layers.BatchNormalization)]
            for layer in normalizers:
                layer.momentum = min(float(layer.momentum), _BN_MOMENTUM)
            accuracy, seconds = _fit_and_score(model, _loss_kind(model.loss))
            report = f"파라미터 {model.count_params():,}개, 학습 {seconds:.0f}초, 검증 정확도 {accuracy:.3f}"
            if seconds > _TIME_BUDGET:
                return (
                    f"{report}. 학습이 {_TIME_BUDGET:.0f}초를 넘었습니다. "
                    "필터 수를 줄이거나 풀링을 일찍 두어 계산을 줄이세요."
                )
            if accuracy < _TARGET_ACC:
                return f"{report}. 목표는 {_TARGET_ACC}입니다. {_accuracy_advice(model, accuracy)}"
            print(f"   {report}")
            return None
        finally:
            del model  # 채점용 모델과 그 학습 함수(tf.function)를 남기지 않는다
            gc.collect()


def _cnn_right(*, separate_activation: bool = False):
    """예시 풀이. separate_activation=True는 softmax를 Activation 층으로 따로 두고 손실을 클래스 이름
    문자열로 적은 풀이로, 이것도 맞다."""
    import keras

    if separate_activation:
        head = [keras.layers.Dense(10), keras.layers.Activation("softmax")]
        loss = "SparseCategoricalCrossentropy"
    else:
        head = [keras.layers.Dense(10, activation="softmax")]
        loss = "sparse_categorical_crossentropy"
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(16, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(32, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            *head,
        ]
    )
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    return model


def _lesson_cnn():
    """6.2절의 CNN 그대로(합성곱 → 최대 풀링 → 배치 정규화 → ReLU 블록 셋, Adam, 원-핫 레이블). 이슈 18: 반드시 통과."""
    import keras
    from keras import layers

    def conv_block(filters, number):
        return [
            layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{number}"),
            layers.MaxPooling2D(2, name=f"pool{number}"),
            layers.BatchNormalization(name=f"bn{number}"),
            layers.ReLU(name=f"relu{number}"),
        ]

    cnn = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            *conv_block(16, 1),
            *conv_block(32, 2),
            *conv_block(64, 3),
            layers.Flatten(name="flatten"),
            layers.Dense(10, activation="softmax", name="output"),
        ],
        name="cnn",
    )
    cnn.compile(optimizer=keras.optimizers.Adam(), loss="categorical_crossentropy", metrics=["accuracy"])
    return cnn


def _cnn_variant(kind: str):
    def build():
        import keras

        layers = [keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(16, 3, activation="relu")]
        if kind != "no_pooling":
            layers.append(keras.layers.MaxPooling2D())
        layers += [keras.layers.Flatten(), keras.layers.Dense(1 if kind == "one_unit" else 10, activation="softmax")]
        model = keras.Sequential(layers)
        model.compile(optimizer="adam", loss="mse" if kind == "mse" else "sparse_categorical_crossentropy")
        return model

    return build


def _mlp_instead():
    import keras

    model = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def _softmax_and_from_logits():
    """이슈 18: softmax 출력에 from_logits=True(활성화를 두 번). 예전에는 Keras 경고 옆에 ✅가 나왔다."""
    model = _cnn_right()
    import keras

    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def _linear_output_probability_loss():
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(16, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(10),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def _flat_input_cnn():
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Reshape((28, 28, 1)),
            keras.layers.Conv2D(8, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def _slow_sgd_cnn():
    """구조는 괜찮지만 작은 학습률의 SGD: 3에포크에 목표에 못 미친다. 안내는 '합성곱 층을 더'가 아니라 옵티마이저."""
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(8, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(16, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.001), loss="sparse_categorical_crossentropy")
    return model


def _unflattened_channel_missing():
    """keras.Input(shape=(28, 28)): 채널 축이 없어 Conv2D가 Keras의 영어 오류(expected min_ndim=4)를 낸다."""
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Conv2D(16, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def _forgot_compile():
    import keras

    return keras.Sequential(
        [keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(8, 3), keras.layers.Flatten(), keras.layers.Dense(10)]
    )


code2 = CodeExercise(
    f"파라미터 {_BUDGET_PARAMS:,}개 미만의 CNN으로 검증 정확도 {_TARGET_ACC} 넘기기",
    _check_cnn,
    hint=(
        "keras.Input(shape=(28, 28, 1))로 받은 그림에 합성곱 층(Conv2D)과 최대 풀링(MaxPooling2D)을 번갈아 두어\n"
        "그림을 줄인 뒤 Flatten하고, 숫자 열 개의 확률을 내는 출력층으로 끝냅니다. Flatten 뒤의 Dense 층은\n"
        "(Flatten한 값의 수 × 뉴런 수)만큼 파라미터가 많아지기 쉬우므로, Flatten 앞에서 그림을 충분히 줄이면 예산 안에 듭니다. compile에서는 레이블 형식에\n"
        "맞는 손실을 고르세요(6.4절에서는 원-핫 레이블에 categorical_crossentropy를 씁니다).\n"
        f"채점기는 훈련 그림 {_TRAIN_N:,}장으로 {_EPOCHS}에포크(배치 {_BATCH}) 학습하고, 훈련 세트 끝의 {_VAL_N:,}장으로 검증합니다.\n"
        f"배치 정규화 층은 짧은 학습에서도 이동 평균이 따라오도록 채점할 때만 momentum을 {josa(_BN_MOMENTUM, '으로')} 둡니다."
    ),
    solution=(
        "def build_cnn():\n"
        "    model = keras.Sequential([\n"
        "        keras.Input(shape=(28, 28, 1)),\n"
        '        keras.layers.Conv2D(16, 3, activation="relu"),\n'
        "        keras.layers.MaxPooling2D(),\n"
        '        keras.layers.Conv2D(32, 3, activation="relu"),\n'
        "        keras.layers.MaxPooling2D(),\n"
        "        keras.layers.Flatten(),\n"
        '        keras.layers.Dense(10, activation="softmax"),\n'
        "    ])\n"
        '    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])\n'
        "    return model\n"
        "# 6.2절의 CNN(배치 정규화 블록 셋, 파라미터 29,402개)도 예산 안이고 통과합니다."
    ),
    correct=[_cnn_right, functools.partial(_cnn_right, separate_activation=True), _lesson_cnn],
    mistakes=[
        (_cnn_variant("no_pooling"), "풀링 층이 없어"),
        (_cnn_variant("one_unit"), "늘 1.0"),
        (_cnn_variant("mse"), "받은 손실: mean_squared_error"),
        (_mlp_instead, "Conv2D 층이 없습니다"),
        (_softmax_and_from_logits, "from_logits=True"),
        (_linear_output_probability_loss, "출력층에 활성화 함수가 없어"),
        (_flat_input_cnn, "입력 모양은 (784,)"),
        (_slow_sgd_cnn, "옵티마이저가 SGD"),
        (_forgot_compile, "compile하지 않았습니다"),
        (_unflattened_channel_missing, "4차원 입력"),
    ],
    time_limit=180.0,
)
