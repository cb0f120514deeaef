"""01 인공 뉴런: 뉴런 하나의 계산과 학습 한 걸음을 확인하는 문제 네 개(q1~q4)와 코드 문제 두 개(code1, code2)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.exercises.core import Exercise, close, exact, near_exact_message
from helpers.exercises.core import as_number as _number
from helpers.korean import josa, text_of


def _not_a_number(answer: Any) -> str:
    if isinstance(answer, str):
        return f"답은 따옴표 없는 숫자로 적으세요(받은 값: 문자열 {describe(answer)})."
    return f"답은 숫자 하나로 적으세요(받은 값: {describe(answer)})."


# 숫자 문제의 규칙(과정 전체): 문제가 정밀도를 말하면(예: "소수 넷째 자리까지") 정확한 값과의 차이가 그 마지막 자리의
# 반 단위 이하이면 맞다. 아무 말이 없으면 정확히 계산되는 값이므로 계산 오차(float32로 계산한 값 포함, core.EXACT_REL_TOL) 안에서 같아야 맞다.
# 120.1이나 119.9는 120이 아니다.
_exact = exact  # core.exact: 과정 전체가 같은 규칙


_near_exact = near_exact_message  # core: 과정 전체가 같은 안내


def _not_it(value: float) -> str:
    """'120.5는 정답이 아닙니다'처럼, 받은 숫자에 맞는 조사를 붙인 첫머리.

    값은 josa가 보여 주는 그대로(반올림해서 정수처럼 보이는 0.99999…는 전부): 학생이 넣은 값과 달라 보이지 않게."""
    return f"{josa(value, '은')} 정답이 아닙니다."


# 문제 1 ─ w = 2.5, b = 90인 뉴런에 설탕 12 g을 넣으면?
def _check_calories(answer: Any) -> str | None:
    value = _number(answer)
    if value is None:
        return _not_a_number(answer) + " 예: 95.5"
    if close(value, 102.5):
        return "102.5는 설탕 5 g일 때의 값입니다. 이번 입력은 12 g입니다."
    if close(value, 30.0):
        return "가중치 × 입력(2.5 × 12)까지만 계산했습니다. 편향 b = 90을 더하세요."
    if close(value, 90 * 12 + 2.5):
        return "가중치와 편향을 바꿔 썼습니다. 입력에 곱하는 것은 가중치 w = 2.5입니다."
    if close(value, (2.5 + 90) * 12):
        return "편향은 입력에 곱하지 않습니다. y = w·x + b입니다."
    if _exact(value, 120.0):
        return None
    if near := _near_exact(value, 120.0):
        return near
    return _not_it(value) + " y = w·x + b에 문제의 w, b와 설탕의 양 x를 넣어 보세요."


q1 = Exercise(
    "설탕 12 g 시리얼의 칼로리 예측",
    _check_calories,
    hint="뉴런의 출력은 y = w·x + b입니다. 문제의 가중치 w, 편향 b와 입력 x(설탕의 양)를 넣으세요.",
    solution=(
        "w, b = 2.5, 90   # 강의 노트의 뉴런\n"
        "x = 12           # 설탕 12 g\n"
        "answer_q1 = w * x + b   # 120.0 kcal"
    ),
    correct=[120, 120.0, 2.5 * 12 + 90, np.float64(120.0), np.array([120.0])],
    wrong=[102.5, 30.0, 1082.5, 1110.0, 110.0, "120", True, 1, [120, 0]],
)


# 문제 2 ─ 입력 세 개: x = (6, 2, 3), w = (2.8, -3.5, 8.0), b = 74.4
def _check_dot(answer: Any) -> str | None:
    size = len(answer) if isinstance(answer, list | tuple) else getattr(answer, "size", 1)
    if size == 3:
        message = (
            "숫자 하나가 아니라 세 개가 나왔습니다. 원소별 곱(w * x)은 모두 더해야 가중합이 됩니다. "
            "np.dot(w, x) 또는 w @ x로 곱해 더한 뒤, 편향 b = 74.4를 한 번 더하세요."
        )
        try:
            total = float(np.sum(np.asarray(answer, dtype=float)))
        except (TypeError, ValueError):
            return message
        if close(total, 33.8 + 3 * 74.4):  # w * x + b
            message += " (w * x + b는 편향을 원소마다, 즉 세 번 더합니다.)"
        return message
    value = _number(answer)
    if value is None:
        return _not_a_number(answer) + " 예: 95.5"
    if close(value, 33.8):
        return "가중합(33.8)까지는 맞습니다. 편향 b = 74.4를 더하세요."
    if close(value, 122.2):
        return "섬유질의 가중치는 음수(-3.5)입니다. 2 × (-3.5) = -7을 더해야 합니다."
    if close(value, 118.2):
        return (
            "118.2는 4절의 Cheerios 입력 (1, 2, 6)으로 계산한 값입니다. 노트북의 x에 아직 Cheerios 값이 들어 있습니다. "
            "이 문제의 입력은 x = (6, 2, 3)이고, 코드로는 x = np.array([6, 2, 3])입니다."
        )
    if 0.0 < value <= 1.0:
        # σ(108.2)는 부동소수점으로 정확히 1.0이다. 다른 계산으로도 0~1의 값이 나올 수 있으니 원인을 묻는다.
        return _not_it(value) + (
            " 출력이 0과 1 사이입니다. 시그모이드를 적용했나요? 이 문제의 뉴런은 활성화 함수 없이 "
            "가중합에 편향을 더한 값(kcal)을 그대로 냅니다."
        )
    if _exact(value, 108.2):
        return None
    if near := _near_exact(value, 108.2):
        return near
    return _not_it(value) + (
        " 입력과 가중치를 짝끼리(설탕끼리, 섬유질끼리, 단백질끼리) 곱해 더하고, 편향을 한 번 더하세요. "
        "섬유질의 가중치가 음수인 것에 주의하세요."
    )


q2 = Exercise(
    "입력이 세 개인 뉴런의 출력(내적)",
    _check_dot,
    hint="y = w₀x₀ + w₁x₁ + w₂x₂ + b입니다. NumPy로는 w와 x를 배열로 만들어 내적(np.dot 또는 @)을 구한 뒤 편향을 더합니다.",
    solution=(
        "x = np.array([6, 2, 3])\n"
        "w = np.array([2.8, -3.5, 8.0])\n"
        "answer_q2 = np.dot(w, x) + 74.4   # 16.8 - 7.0 + 24.0 + 74.4 = 108.2"
    ),
    correct=[108.2, 16.8 - 7.0 + 24.0 + 74.4, np.float64(108.2), np.array([108.2]), np.array(108.2)],
    wrong=[
        33.8,
        122.2,
        118.2,
        [16.8, -7.0, 24.0],
        (16.8, -7.0, 24.0),
        np.array([91.2, 67.4, 98.4]),
        100.0,
        "108.2",
        108,
        np.array([33.8 + 74.4, 0.0]),
    ],
)


# 문제 3 ─ 시그모이드 뉴런의 가중치를 한 번 갱신하기
def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


_W, _X, _T, _LR = 0.5, 2.0, 1.0, 0.1
_OUT = _sigmoid(_W * _X)  # σ(1) = 0.731059
_NEW_W = _W + _LR * _X * (_T - _OUT)  # 0.553788
# 노트북: "소수 넷째 자리까지 맞으면 정답". 과정 전체의 규칙(06과 같다): 정확한 값과의 차이가 마지막 자리의 반 단위
# 이하면 맞다. 0.5538과 계산 결과 그대로는 맞고, 넷째 자리를 버린 0.5537(차이 0.000088)은 틀리다.
_HALF_UNIT_4 = 0.5e-4 + 1e-12  # 1e-12: 딱 반 단위인 값이 부동소수점 오차로 떨어지지 않게


def _check_update(answer: Any) -> str | None:
    value = _number(answer)
    if value is None:
        return _not_a_number(answer) + " 예: 0.123"
    tol = 1e-4
    if close(value, _W + _LR * (_T - _OUT), tol):
        return "오차에 입력 x = 2를 곱하지 않았습니다. 가중치의 변화량은 학습률 × x × 오차(η·x·오차)입니다."
    if close(value, _W - _LR * _X * (_T - _OUT), tol):
        return "부호가 반대입니다. 오차 = 타깃 - 출력 = 1 - 0.7311 > 0이므로 w는 커져야 합니다."
    wrong_out = _sigmoid(_W)
    if close(value, _W + _LR * _X * (_T - wrong_out), tol):
        return "출력을 σ(w)로 계산했습니다. 뉴런의 출력은 σ(w·x) = σ(0.5 × 2) = σ(1)입니다."
    if close(value, _LR * _X * (_T - _OUT), tol):
        return "변화량(0.0538)만 구했습니다. 원래 가중치 0.5에 변화량을 더한 새 가중치를 답하세요."
    if abs(value - _NEW_W) <= _HALF_UNIT_4:
        return None
    for digits in (1, 2, 3):
        if abs(value - round(_NEW_W, digits)) < 1e-9:
            return (
                f"반올림이 너무 거칩니다(받은 값: {value:g}, 소수 {digits}자리). 이 문제는 소수 넷째 자리까지 맞아야 합니다. "
                "넷째 자리까지 적거나 계산 결과를 그대로 넣으세요."
            )
    if abs(value - _NEW_W) < 10 * _HALF_UNIT_4:
        return (
            f"거의 맞았지만 소수 넷째 자리가 다릅니다(받은 값: {value:g}). 이 문제는 소수 넷째 자리까지 맞아야 합니다. "
            "다섯째 자리에서 반올림했는지(버리지 않았는지) 확인하거나 계산 결과를 그대로 넣으세요."
        )
    return _not_it(value) + " ① 출력 σ(w·x) ② 오차 = 타깃 - 출력 ③ 5절의 규칙으로 갱신한 w를 차례로 계산하세요."


q3 = Exercise(
    "경사 하강법 한 걸음: 새 가중치",
    _check_update,
    hint=(
        "순서대로: ① 출력 = σ(w·x) ② 오차 = 타깃 - 출력 ③ 새 w = w + 학습률 × x × 오차.\n"
        "σ(z) = 1 / (1 + e^(-z))는 np.exp로 계산할 수 있습니다."
    ),
    solution=(
        "w, x, target, lr = 0.5, 2.0, 1.0, 0.1\n"
        "output = 1 / (1 + np.exp(-(w * x)))   # σ(1) ≈ 0.731059\n"
        "error = target - output                 # ≈ 0.268941\n"
        "answer_q3 = w + lr * x * error          # ≈ 0.553788"
    ),
    correct=[_NEW_W, round(_NEW_W, 4), np.float64(_NEW_W), 0.5538, 0.55379, np.array([_NEW_W])],
    wrong=[
        0.5537,  # 이슈 18 다시 풀기: 넷째 자리를 버렸다
        0.554,
        0.55,
        round(_W + _LR * (_T - _OUT), 6),
        round(_W - _LR * _X * (_T - _OUT), 6),
        round(_W + _LR * _X * (_T - _sigmoid(_W)), 6),
        round(_LR * _X * (_T - _OUT), 6),
        0.5,
    ],
)


# 문제 4 ─ 입력 0, 타깃 1, 편향 없는 뉴런은 1,000번 학습한 뒤 무엇을 출력하나?
def _check_stuck(answer: Any) -> str | None:
    value = _number(answer)
    if value is None:
        return _not_a_number(answer) + " 출력은 0과 1 사이의 실수입니다."
    if close(value, _sigmoid(3.0)):
        return (
            "σ(3) ≈ 0.9526을 계산했습니다. w는 3 그대로지만 뉴런의 출력은 σ(w·x) = σ(3·0)입니다. "
            "입력 x = 0을 잊지 마세요."
        )
    # 문제에 나오는 다른 양(가중치 3, 학습 횟수 1,000, 학습률 0.1)을 적은 답: 문제는 뉴런의 출력을 묻는다.
    others = {3.0: "시작 가중치 w", 1000.0: "학습 횟수", 0.1: "학습률"}
    for number, name in others.items():
        if close(value, number, 1e-9):
            return (
                f"{josa(value, '은')} 문제에 나온 {name}입니다. 문제는 학습이 끝난 뒤 뉴런의 출력 σ(w·x)를 묻습니다. "
                "학습이 끝난 뒤의 w와 입력 x = 0으로 출력을 계산하세요."
            )
    if value > 1.0:
        return f"받은 값: {text_of(value)}. 시그모이드 뉴런의 출력은 0과 1 사이입니다. 출력 σ(w·x)를 계산하세요."
    if value >= 0.9:
        return "출력은 타깃 1에 가까워지지 못합니다. 입력이 0이면 x·오차 = 0이라 가중치가 전혀 바뀌지 않습니다."
    if close(value, 0.0):
        return "σ(w·0) = σ(0)입니다. 시그모이드에 0을 넣어도 0이 나오지 않습니다."
    if _exact(value, 0.5):
        return None
    if near := _near_exact(value, 0.5):
        return near
    return _not_it(value) + " 가중치가 얼마이든 입력이 0이면 가중합이 얼마인지, 그 값을 시그모이드에 넣으면 얼마인지 보세요."


q4 = Exercise(
    "입력이 0인 뉴런이 멈추는 곳",
    _check_stuck,
    hint="w·x에서 x = 0이면? 그리고 가중치의 변화량 lr·x·오차는?",
    solution=(
        "# 변화량 = 학습률 × x × 오차 = 0.1 × 0 × 오차 = 0이라 w는 3 그대로입니다.\n"
        "# w가 무엇이든 w·0 = 0이므로 출력은 σ(0)입니다. 편향 b가 있어야 1 쪽으로 움직입니다.\n"
        "w, x = 3.0, 0.0\n"
        "answer_q4 = 1 / (1 + np.exp(-(w * x)))   # σ(0) = 0.5"
    ),
    correct=[0.5, 1 / 2, np.float64(0.5), np.array([0.5])],
    wrong=[1.0, 0.99, 0.0, 0.7311, 0.9526, round(_sigmoid(3.0), 6), "0.5", 3.0, 0.25],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.
# 학습자 함수는 모두 coding.call로 부른다. 입력을 제자리에서 바꾸면 어느 인수를 바꿨는지 알려 준다.

from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    call,
    compare_with_reference,
    describe,
    returns_several,
)

_RNG = np.random.default_rng(20260301)
_NEURON_CASES = [
    (np.array([6.0, 2.0, 3.0]), np.array([2.8, -3.5, 8.0]), 74.4),
    (_RNG.normal(size=5), _RNG.normal(size=5), -1.25),
    (np.array([0.0, 0.0]), np.array([4.0, -2.0]), 0.5),  # 입력이 0이면 출력은 편향
    (np.array([2.0]), np.array([-3.0]), 0.0),
]


def _sigmoid_array(z: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-z))


def _neuron(x: np.ndarray, w: np.ndarray, b: float) -> float:
    return float(np.dot(w, x) + b)


def _one_item_list(result: Any) -> str | None:
    """숫자 하나 대신 원소 하나짜리 리스트·튜플을 돌려줬으면 그 안내(05 q3, 06 code2와 같은 규칙).

    규칙: 숫자, NumPy 스칼라, 원소 하나인 NumPy 배열(예: Keras의 predict 결과)은 숫자 하나로 보고, 파이썬 리스트는 받지 않는다."""
    if isinstance(result, list | tuple) and len(result) == 1:
        return (
            f"숫자 하나가 아니라 리스트를 돌려줬습니다(받은 값: {describe(result)}). "
            "대괄호로 감싸지 말고 계산한 값 자체를 return하세요."
        )
    return None


def _check_neuron(neuron: Any) -> str | None:
    problem = _one_item_list(call(neuron, *_NEURON_CASES[0]))
    if problem:
        return problem
    return compare_with_reference(
        neuron,
        _neuron,
        _NEURON_CASES,
        variants=[
            (lambda x, w, b: np.dot(w, x), "편향 b를 더하지 않았습니다. 출력은 가중합에 편향을 더한 값입니다."),
            (
                lambda x, w, b: w * x + b,
                "원소별 곱을 한 배열이 나왔습니다. 가중합은 짝끼리 곱한 값을 모두 더한 숫자 하나입니다(4절의 내적).",
            ),
            (
                lambda x, w, b: float(np.sum(w * x + b)),
                "편향을 입력마다 한 번씩 더했습니다. 편향은 가중합에 한 번만 더합니다.",
            ),
            (lambda x, w, b: float(np.sum(w) * np.sum(x) + b), "가중치의 합과 입력의 합을 곱했습니다. 짝끼리 곱해서 더하세요."),
            (lambda x, w, b: float(np.mean(w * x) + b), "곱의 평균을 냈습니다. 가중합은 짝끼리 곱한 값의 평균이 아니라 합입니다."),
            (lambda x, w, b: float(np.dot(w, x) * b), "편향을 곱했습니다. 편향은 가중합에 곱하지 않고 더하는 값입니다."),
            (lambda x, w, b: float(np.dot(w, x) - b), "편향을 뺐습니다. 편향은 가중합에 더합니다."),
            (
                lambda x, w, b: float(_sigmoid_array(np.dot(w, x) + b)),
                "시그모이드를 적용했습니다. 이 문제의 뉴런은 활성화 함수 없이 가중합에 편향을 더한 값을 그대로 냅니다(4절).",
            ),
        ],
    )


def _neuron_without_return(x, w, b):
    y = np.dot(w, x) + b  # noqa: F841 - return을 빠뜨린 흔한 실수


def _neuron_prints(x, w, b):
    print(np.dot(w, x) + b)  # 돌려주지 않고 화면에만 보여 준다


def _neuron_in_place(x, w, b):
    x *= w  # 받은 x를 제자리에서 바꾼다
    return x.sum() + b


def _neuron_loop(x, w, b):
    total = 0.0
    for i in range(len(x)):
        total = total + w[i] * x[i]
    return total + b


def _neuron_one_branch(x, w, b):
    if b != 0:
        return np.dot(w, x) + b  # b = 0일 때는 아무것도 돌려주지 않는다


code1 = CodeExercise(
    "함수로 쓰는 뉴런: y = w·x + b",
    _check_neuron,
    hint=(
        "입력 x와 가중치 w는 같은 길이의 NumPy 배열이고, b는 숫자입니다.\n"
        "4절처럼 x와 w를 짝끼리 곱해 모두 더한 가중합(NumPy의 내적)을 구하고, 편향은 마지막에 한 번만 더해 돌려주세요."
    ),
    solution="def neuron_output(x, w, b):\n    return np.dot(w, x) + b",
    correct=[
        lambda x, w, b: np.dot(w, x) + b,
        lambda x, w, b: w @ x + b,
        lambda x, w, b: sum(wi * xi for wi, xi in zip(w, x, strict=True)) + b,
        lambda x, w, b: x @ w + b,
        lambda x, w, b: (w * x).sum() + b,
        lambda x, w, b: np.inner(x, w) + b,
        lambda x, w, b: np.array([np.dot(w, x) + b]),  # 원소 하나짜리 배열도 숫자 하나로 본다
        _neuron_loop,
    ],
    mistakes=[
        (lambda x, w, b: np.dot(w, x), "편향 b를 더하지"),
        (lambda x, w, b: w * x + b, "원소별 곱을 한 배열"),
        (lambda x, w, b: np.sum(w * x + b), "입력마다 한 번씩"),
        (_neuron_without_return, "아무 값도 돌려주지"),
        (_neuron_prints, "아무 값도 돌려주지"),
        (_neuron_in_place, "받은 x 값을 제자리에서 바꿨습니다"),
        (_neuron_one_branch, "돌려주지 않은) 경우가 있습니다"),
        (lambda x, w, b: np.mean(w * x) + b, "평균이 아니라 합"),
        (lambda x, w, b: np.dot(w, x) * b, "편향을 곱했습니다"),
        (lambda x, w, b: str(np.dot(w, x) + b), "문자열"),
        (lambda x, w, b: [np.dot(w, x) + b], "리스트를 돌려줬습니다"),
    ],
)


_STEP_CASES = [
    (np.array([0.5]), 0.0, np.array([2.0]), 1.0, 0.1),
    (np.array([0.2, -0.4, 0.1]), 0.3, np.array([1.0, 2.0, -1.0]), 0.0, 0.5),
    (_RNG.normal(size=4), -0.2, _RNG.normal(size=4), 1.0, 0.05),
    (np.array([1.5, -2.0]), 1.0, np.array([0.0, 0.0]), 0.0, 1.0),  # 입력이 0이면 w는 그대로
]


def _gradient_step(w: np.ndarray, b: float, x: np.ndarray, t: float, lr: float) -> tuple[Any, Any]:
    error = t - _sigmoid_array(np.dot(w, x) + b)
    return w + lr * x * error, b + lr * error


def _check_gradient_step(gradient_step: Any) -> str | None:
    # call이 입력을 제자리에서 바꿨는지(어느 인수인지까지) 알려 준다.
    problem = returns_several(call(gradient_step, *_STEP_CASES[0]), ("w_new", "b_new"))
    if problem:
        return problem

    def with_sigmoid_slope(w, b, x, t, lr):
        output = _sigmoid_array(np.dot(w, x) + b)
        error = (t - output) * output * (1 - output)
        return w + lr * x * error, b + lr * error

    def without_sigmoid(w, b, x, t, lr):
        error = t - (np.dot(w, x) + b)
        return w + lr * x * error, b + lr * error

    def reversed_sign(w, b, x, t, lr):
        error = t - _sigmoid_array(np.dot(w, x) + b)
        return w - lr * x * error, b - lr * error

    def without_x(w, b, x, t, lr):
        error = t - _sigmoid_array(np.dot(w, x) + b)
        return w + lr * error, b + lr * error

    def bias_unchanged(w, b, x, t, lr):
        error = t - _sigmoid_array(np.dot(w, x) + b)
        return w + lr * x * error, b

    def only_change(w, b, x, t, lr):
        error = t - _sigmoid_array(np.dot(w, x) + b)
        return lr * x * error, lr * error

    def without_lr(w, b, x, t, lr):
        error = t - _sigmoid_array(np.dot(w, x) + b)
        return w + x * error, b + error

    return compare_with_reference(
        gradient_step,
        _gradient_step,
        _STEP_CASES,
        variants=[
            (reversed_sign, "갱신 방향이 반대입니다. 오차 = 타깃 - 출력이고, 5절의 규칙은 변화량을 w에 더합니다."),
            (without_x, "가중치의 변화량에 입력 x를 곱하지 않았습니다. 변화량은 학습률 × x × 오차입니다."),
            (without_sigmoid, "출력을 낼 때 시그모이드를 적용하지 않았습니다. 이 뉴런의 출력은 σ(w·x + b)입니다."),
            (bias_unchanged, "편향도 갱신해야 합니다. 편향의 입력은 언제나 1이므로 b에도 학습률 × 오차를 더합니다."),
            (only_change, "변화량만 돌려줬습니다. 원래의 w와 b에 변화량을 더한 새 값을 돌려주세요."),
            (without_lr, "학습률 lr을 곱하지 않았습니다. 변화량은 학습률 × x × 오차입니다."),
            (
                with_sigmoid_slope,
                "오차에 시그모이드의 도함수 y(1 - y)를 더 곱했습니다. 교차 엔트로피 손실에서는 그 항이 약분되어 "
                "변화량이 학습률 × x × 오차입니다(5절의 '왜 이 규칙일까?').",
            ),
        ],
        names=("w_new", "b_new"),
    )


def _step_in_place(w, b, x, t, lr):
    error = t - _sigmoid_array(np.dot(w, x) + b)
    w += lr * x * error
    return w, b + lr * error


def _step_in_place_x(w, b, x, t, lr):
    error = t - _sigmoid_array(np.dot(w, x) + b)
    x *= lr * error  # 받은 x를 변화량으로 덮어쓴다
    return w + x, b + lr * error


def _step_on_a_copy(w, b, x, t, lr):
    error = t - _sigmoid_array(np.dot(w, x) + b)
    w_new = w.copy()  # 복사본을 바꾸는 것은 괜찮다
    w_new += lr * x * error
    return w_new, b + lr * error


def _step_as_list(w, b, x, t, lr):
    error = t - _sigmoid_array(np.dot(w, x) + b)
    return [w + lr * x * error, b + lr * error]


code2 = CodeExercise(
    "경사 하강법 한 걸음을 함수로",
    _check_gradient_step,
    hint=(
        "① 출력: 가중합에 편향을 더해 시그모이드에 넣습니다[σ(z) = 1 / (1 + e^(-z)), NumPy의 np.exp].\n"
        "② 오차 = 타깃 - 출력 ③ 5절의 규칙으로 w를, 입력이 언제나 1인 가중치처럼 b를 갱신합니다.\n"
        "받은 w를 바꾸지 말고 새 값을 만들어 return w_new, b_new로 둘 다 돌려주세요."
    ),
    solution=(
        "def gradient_step(w, b, x, t, lr):\n"
        "    output = 1 / (1 + np.exp(-(np.dot(w, x) + b)))\n"
        "    error = t - output\n"
        "    return w + lr * x * error, b + lr * error"
    ),
    correct=[
        _gradient_step,
        lambda w, b, x, t, lr: (
            w + lr * x * (t - 1 / (1 + np.exp(-(w @ x + b)))),
            b + lr * (t - 1 / (1 + np.exp(-(w @ x + b)))),
        ),
        _step_on_a_copy,
        _step_as_list,
        lambda w, b, x, t, lr: (
            (w - lr * x * (1 / (1 + np.exp(-(w @ x + b))) - t)).tolist(),
            b - lr * (1 / (1 + np.exp(-(w @ x + b))) - t),
        ),
    ],
    mistakes=[
        (lambda w, b, x, t, lr: (w - lr * x * (t - _sigmoid_array(w @ x + b)), b - lr * (t - _sigmoid_array(w @ x + b))), "방향이 반대"),
        (lambda w, b, x, t, lr: (w + lr * (t - _sigmoid_array(w @ x + b)), b + lr * (t - _sigmoid_array(w @ x + b))), "입력 x를 곱하지"),
        (lambda w, b, x, t, lr: (w + lr * x * (t - (w @ x + b)), b + lr * (t - (w @ x + b))), "시그모이드를 적용하지"),
        (lambda w, b, x, t, lr: (w + lr * x * (t - _sigmoid_array(w @ x + b)), b), "편향도 갱신해야"),
        (_step_in_place, "받은 w 값을 제자리에서 바꿨습니다"),
        (_step_in_place_x, "받은 x 값을 제자리에서 바꿨습니다"),
        (lambda w, b, x, t, lr: w + lr * x * (t - _sigmoid_array(w @ x + b)), "2개를"),
        (lambda w, b, x, t, lr: _gradient_step(w, b, x, t, lr)[::-1], "순서가 다릅니다"),
        (lambda w, b, x, t, lr: (lr * x * (t - _sigmoid_array(w @ x + b)), lr * (t - _sigmoid_array(w @ x + b))), "변화량만"),
        (lambda w, b, x, t, lr: (w + x * (t - _sigmoid_array(w @ x + b)), b + (t - _sigmoid_array(w @ x + b))), "학습률 lr을 곱하지"),
    ],
)
