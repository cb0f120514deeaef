"""02 퍼셉트론과 활성화 함수: 논리 게이트의 가중치, SiLU의 도함수, 소프트맥스, 선형 층 합치기, 기울기 소실."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.core import Exercise
from helpers.exercises.core import as_number as _number

_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
_GATES = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XOR": (0, 1, 1, 0),
}


def _numbers(answer: Any, n: int) -> list[float] | None:
    """답을 실수 n 개의 목록으로 바꾼다. 안 되거나 nan이 있으면 None."""
    if isinstance(answer, str | bytes | dict) or callable(answer):
        return None
    try:
        items = [float(v) for v in np.asarray(answer, dtype=float).ravel()]
    except (TypeError, ValueError):
        return None
    if len(items) != n or any(math.isnan(v) for v in items):
        return None
    return items


# 문제 1 ─ NOR 게이트를 계산하는 퍼셉트론의 (w1, w2, b)
def _check_nor(answer: Any) -> str | None:
    values = _numbers(answer, 3)
    if values is None:
        return f"(w1, w2, b) 세 숫자를 튜플로 적으세요(받은 값: {answer!r}). 예: (1.0, 1.0, -0.5)"
    w1, w2, b = values
    outputs = tuple(1 if w1 * x1 + w2 * x2 + b >= 0 else 0 for x1, x2 in _INPUTS)
    if outputs == _GATES["NOR"]:
        return None
    for name, table in _GATES.items():
        if outputs == table:
            return (
                f"이 가중치는 {name}를 계산합니다: 출력 {outputs}. NOR는 (1, 0, 0, 0)입니다 "
                "(OR의 반대)."
            )
    if outputs[0] == 0:
        return f"출력이 {outputs}입니다. (0, 0)에서는 z = b이므로 1이 나오려면 b ≥ 0이어야 합니다."
    return (
        f"출력이 {outputs}입니다. 입력이 하나라도 1이면 0이 나와야 하므로 w1 + b < 0, "
        "w2 + b < 0이 되게 하세요."
    )


q1 = Exercise(
    "NOR 게이트를 계산하는 퍼셉트론",
    _check_nor,
    hint=(
        "출력 = 1 if w1·x1 + w2·x2 + b ≥ 0 else 0 (계단 함수, H(0) = 1).\n"
        "NOR는 (0,0) 에서만 1입니다. (0,0)에서는 z = b, (1,0)에서는 z = w1 + b입니다."
    ),
    solution="answer_q1 = (-1.0, -1.0, 0.5)   # OR의 (1, 1, -0.5)에서 부호를 모두 뒤집은 것",
    correct=[(-1.0, -1.0, 0.5), [-2, -2, 1], (-1, -1, 0)],
    wrong=[
        (1.0, 1.0, -0.5),
        (-1.0, -1.0, 1.5),
        (1.0, 1.0, -1.5),
        (-1.0, -1.0, -0.5),
        (1, 1),
        "(-1,-1,0.5)",
    ],
)


# 문제 2 ─ SiLU(swish) z·σ(z)의 도함수를 계산하는 함수
_Z = np.array([-2.0, 0.0, 3.0])


def _sig(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _dsig(z: np.ndarray) -> np.ndarray:
    return _sig(z) * (1.0 - _sig(z))


_EXPECTED_DSILU = _sig(_Z) + _Z * _dsig(_Z)  # [-0.090784, 0.5, 1.088104]


def _evaluate(func: Callable[[Any], Any], z: np.ndarray) -> np.ndarray | None:
    """배열로 한 번 불러 보고, 안 되면 원소마다 불러 본다. 숫자 배열이 아니면 None."""
    try:
        result = np.asarray(func(z.copy()), dtype=float)
        if result.shape == z.shape:
            return result
    except (TypeError, ValueError):
        pass
    try:
        return np.array([float(func(float(v))) for v in z])
    except (TypeError, ValueError):
        return None


def _check_dsilu(answer: Any) -> str | None:
    if not callable(answer):
        return f"함수를 답으로 넣으세요(받은 값: {answer!r}). 예: def answer_q2(z): ..."
    got = _evaluate(answer, _Z)
    if got is None:
        return "함수가 z를 받아 숫자(또는 같은 모양의 배열)를 돌려주어야 합니다. return을 잊지 않았나요?"
    if np.allclose(got, _EXPECTED_DSILU, atol=1e-4):
        return None
    if np.allclose(got, _Z * _sig(_Z), atol=1e-4):
        return "SiLU 함수 z·σ(z) 자체입니다. 그 도함수를 돌려주세요."
    if np.allclose(got, _dsig(_Z), atol=1e-4):
        return (
            "시그모이드의 도함수 σ'(z)입니다. SiLU는 z·σ(z)이므로 곱의 미분 "
            "(uv)' = u'v + uv'를 써야 합니다(u = z, v = σ(z))."
        )
    if np.allclose(got, _sig(_Z), atol=1e-4):
        return "u'v = 1·σ(z) 까지만 계산했습니다. uv' = z·σ'(z)도 더하세요."
    if np.allclose(got, _Z * _dsig(_Z), atol=1e-4):
        return "uv' = z·σ'(z) 까지만 계산했습니다. u'v = 1·σ(z)도 더하세요."
    return (
        f"z = (-2, 0, 3)에서 {np.round(got, 4)}가 나왔습니다. "
        "기댓값은 약 (-0.0908, 0.5, 1.0881)입니다."
    )


def _dsilu_right(z: Any) -> Any:
    s = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    return s + z * s * (1.0 - s)


q2 = Exercise(
    "SiLU(swish)의 도함수",
    _check_dsilu,
    hint=(
        "SiLU(z) = u·v로 보세요: u = z (u' = 1), v = σ(z) (v' = σ(z)·(1 − σ(z))).\n"
        "곱의 미분 (uv)' = u'v + uv'에 넣으면 됩니다. np.exp를 쓰면 배열에도 동작합니다."
    ),
    solution=(
        "def answer_q2(z):\n"
        "    s = 1 / (1 + np.exp(-z))       # σ(z)\n"
        "    return s + z * s * (1 - s)     # σ(z) + z·σ'(z); z = 0에서 0.5"
    ),
    correct=[
        _dsilu_right,
        lambda z: (1 + np.exp(-z) + z * np.exp(-z)) / (1 + np.exp(-z)) ** 2,
    ],
    wrong=[
        lambda z: z / (1 + np.exp(-z)),
        _dsig,
        _sig,
        lambda z: z * _dsig(z),
        lambda z: 0.5,
        0.5,
    ],
)


# 문제 3 ─ 소프트맥스 [2.0, 1.0, 0.1]
_LOGITS = np.array([2.0, 1.0, 0.1])
_SOFTMAX = np.exp(_LOGITS) / np.exp(_LOGITS).sum()  # [0.659, 0.2424, 0.0986]


def _check_softmax(answer: Any) -> str | None:
    values = _numbers(answer, 3)
    if values is None:
        return f"확률 세 개를 리스트나 배열로 적으세요(받은 값: {answer!r})."
    got = np.array(values)
    if np.allclose(got, _SOFTMAX, atol=1e-3):
        return None
    if np.allclose(got, _SOFTMAX, atol=5e-3):
        return (
            f"거의 맞습니다({np.round(got, 3)}). 반올림을 너무 일찍 했습니다: 소수 셋째 자리까지 "
            "적거나 np.exp(z) / np.exp(z).sum()의 결과를 그대로 넣으세요."
        )
    if np.allclose(got, _LOGITS / _LOGITS.sum(), atol=1e-3):
        return "로짓을 그 합으로 나눴습니다. 먼저 e^z로 바꾼 뒤 그 합으로 나누세요."
    if np.allclose(got, _sig(_LOGITS), atol=1e-3):
        return "원소마다 시그모이드를 적용했습니다(합이 1이 아님). 소프트맥스는 e^z / Σe^z입니다."
    if np.allclose(got, np.exp(_LOGITS), atol=1e-3):
        return "e^z까지 맞습니다. 이제 세 값의 합으로 나눠 합이 1이 되게 하세요."
    if not math.isclose(got.sum(), 1.0, abs_tol=1e-3):
        return f"세 확률의 합이 {got.sum():.4f}입니다. 소프트맥스의 출력은 합이 1이어야 합니다."
    return f"{np.round(got, 4)}가 아닙니다. np.exp(z) / np.exp(z).sum()을 계산해 보세요."


q3 = Exercise(
    "소프트맥스 계산",
    _check_softmax,
    hint="softmax(z)ᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}. NumPy: np.exp(z) / np.exp(z).sum()",
    solution=(
        "z = np.array([2.0, 1.0, 0.1])\n"
        "answer_q3 = np.exp(z) / np.exp(z).sum()   # [0.659, 0.2424, 0.0986]"
    ),
    correct=[_SOFTMAX, [0.659, 0.2424, 0.0986], [0.659, 0.242, 0.099]],
    wrong=[
        list(_LOGITS / _LOGITS.sum()),
        list(np.round(_sig(_LOGITS), 4)),
        list(np.round(np.exp(_LOGITS), 4)),
        [0.5, 0.3, 0.2],
        [0.66, 0.24, 0.10],
        [0.659, 0.2424],
    ],
)


# 문제 4 ─ 선형 층 두 개를 행렬 하나로
_W1 = np.array([[1.0, 2.0], [0.0, 1.0]])
_W2 = np.array([[2.0, 0.0], [1.0, -1.0]])
_W = _W1 @ _W2  # [[4, -2], [1, -1]]


def _check_merge(answer: Any) -> str | None:
    values = _numbers(answer, 4)
    if values is None:
        return f"2×2 행렬을 np.array나 중첩 리스트로 적으세요(받은 값: {answer!r})."
    got = np.array(values).reshape(2, 2)
    if np.allclose(got, _W):
        return None
    if np.allclose(got, _W2 @ _W1):
        return "곱하는 순서가 반대입니다. x @ W1 @ W2이므로 W1 @ W2입니다(행렬 곱은 순서를 바꾸면 달라집니다)."
    if np.allclose(got, _W1 + _W2):
        return "층을 지나는 것은 더하기가 아니라 곱하기입니다: (x @ W1) @ W2 = x @ (W1 @ W2)."
    if np.allclose(got, _W1 * _W2):
        return "원소끼리 곱(*)을 했습니다. 행렬 곱은 @ 입니다."
    return f"{got.tolist()}가 아닙니다. W1 @ W2를 계산해 보세요."


q4 = Exercise(
    "선형 층 두 개를 행렬 하나로 합치기",
    _check_merge,
    hint="y = (x @ W1) @ W2 = x @ (W1 @ W2). 결합법칙 덕분에 두 행렬을 먼저 곱해 둘 수 있습니다.",
    solution=(
        "W1 = np.array([[1, 2], [0, 1]])\n"
        "W2 = np.array([[2, 0], [1, -1]])\n"
        "answer_q4 = W1 @ W2   # [[4, -2], [1, -1]]"
    ),
    correct=[_W, [[4, -2], [1, -1]]],
    wrong=[_W2 @ _W1, _W1 + _W2, _W1 * _W2, [[4, -2]]],
)


# 문제 5 ─ 시그모이드 층 10개를 지나면 기울기가 최대 몇 배가 되나
_MAX_FACTOR = 0.25**10  # 9.5367e-07


def _check_vanish(answer: Any) -> str | None:
    value = _number(answer)
    if value is None:
        return f"숫자 하나로 적으세요(받은 값: {answer!r}). 예: 0.25 ** 10"
    if math.isclose(value, _MAX_FACTOR, rel_tol=1e-2):
        return None
    if math.isclose(value, _MAX_FACTOR, rel_tol=0.1):
        return f"거의 맞습니다({value:g}). 어림하지 말고 0.25 ** 10으로 정확히 계산해 넣으세요."
    if math.isclose(value, 0.25, rel_tol=1e-3):
        return "층 하나의 값입니다. 층 10개를 지나면 0.25를 10번 곱합니다."
    if math.isclose(value, 2.5, rel_tol=1e-3):
        return "0.25 × 10을 했습니다. 층을 지날 때마다 곱해지므로 0.25 ** 10입니다."
    if math.isclose(value, 0.5**10, rel_tol=1e-3):
        return "0.5는 σ(0)입니다. 도함수의 최댓값은 σ'(0) = 0.25입니다."
    if value >= 1:
        return "기울기는 줄어듭니다. σ' ≤ 0.25 < 1인 수를 여러 번 곱하면 1보다 작아집니다."
    return f"{value:g}가 아닙니다. σ'의 최댓값 0.25를 10번 곱해 보세요."


q5 = Exercise(
    "기울기 소실: 0.25를 열 번",
    _check_vanish,
    hint="연쇄 법칙에서 층마다 σ'(z)가 한 번씩 곱해지고, σ'(z)는 z = 0에서 가장 큰 0.25입니다.",
    solution="answer_q5 = 0.25 ** 10   # ≈ 9.5e-07: 백만 분의 1보다 작다",
    correct=[0.25**10, 9.5367e-07, 9.5e-07, np.array([0.25**10])],
    wrong=[0.25, 2.5, 0.5**10, 1.0, 1e-06, 0.0, "0.25 ** 10"],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.

from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    call,
    changed_inputs,
    compare_with_reference,
    returns_several,
)


def _step(z: Any) -> Any:
    return (np.asarray(z) >= 0).astype(float)  # 이 강의의 약속: H(0) = 1


def _perceptron_update(w: np.ndarray, b: float, x: np.ndarray, target: float, lr: float) -> tuple[Any, Any]:
    error = target - _step(np.dot(w, x) + b)
    return w + lr * error * x, b + lr * error


_UPDATE_CASES = [
    (np.array([0.1, 0.1]), -0.3, np.array([1.0, 1.0]), 1.0, 0.1),  # 틀림: 0 → 1로 고친다
    (np.array([0.5, 0.5]), 0.2, np.array([0.0, 1.0]), 0.0, 0.1),  # 틀림: 1 → 0으로 고친다
    (np.array([0.3, -0.2, 0.4]), -0.5, np.array([1.0, 0.0, 1.0]), 0.0, 0.5),  # z = 0.2 ≥ 0: 틀림
    (np.array([0.2, 0.3]), -0.5, np.array([1.0, 1.0]), 1.0, 0.1),  # z = 0: H(0) = 1이므로 맞음
    (np.array([0.2, 0.3]), -0.1, np.array([0.0, 0.0]), 0.0, 0.1),  # 입력이 0이어도 편향은 고친다
]


def _train_with(update: Any, X: np.ndarray, y: np.ndarray, epochs: int = 100) -> tuple[Any, Any]:
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for xi, target in zip(X, y, strict=True):
            w, b = call(update, w, b, xi, float(target), 0.1)
    return w, b


def _check_perceptron_update(update: Any) -> str | None:
    if changed_inputs(update, *_UPDATE_CASES[0]):
        return "입력으로 받은 w를 제자리에서 바꿨습니다(w += …). w = w + …처럼 새 배열을 돌려주세요."
    problem = returns_several(call(update, *_UPDATE_CASES[0]), ("w_new", "b_new"))
    if problem:
        return problem

    def half_at_zero(w, b, x, target, lr):
        error = target - np.heaviside(np.dot(w, x) + b, 0.5)
        return w + lr * error * x, b + lr * error

    def sign_output(w, b, x, target, lr):
        error = target - np.sign(np.dot(w, x) + b)
        return w + lr * error * x, b + lr * error

    def without_x(w, b, x, target, lr):
        error = target - _step(np.dot(w, x) + b)
        return w + lr * error, b + lr * error

    def strict_step(w, b, x, target, lr):
        error = target - float(np.dot(w, x) + b > 0)
        return w + lr * error * x, b + lr * error

    def reversed_error(w, b, x, target, lr):
        error = _step(np.dot(w, x) + b) - target
        return w + lr * error * x, b + lr * error

    def bias_unchanged(w, b, x, target, lr):
        error = target - _step(np.dot(w, x) + b)
        return w + lr * error * x, b

    problem = compare_with_reference(
        update,
        _perceptron_update,
        _UPDATE_CASES,
        variants=[
            (strict_step, "가중합이 정확히 0일 때 출력을 0으로 봤습니다. 이 강의는 H(0) = 1, 즉 z ≥ 0이면 1입니다."),
            (reversed_error, "오차의 부호가 반대입니다. 오차 = 타깃 - 출력이고, 틀린 쪽으로 가중치를 밀어 주는 것이 아니라 바로잡습니다."),
            (bias_unchanged, "편향도 고쳐야 합니다. 편향의 입력은 언제나 1이므로 b에 학습률 × 오차를 더합니다."),
            (half_at_zero, "가중합이 정확히 0일 때 출력이 0.5입니다. 이 강의는 H(0) = 1, 즉 z ≥ 0이면 1입니다."),
            (sign_output, "np.sign은 -1, 0, 1을 냅니다. 퍼셉트론의 출력은 0 또는 1이고 H(0) = 1입니다."),
            (without_x, "가중치의 변화량에 입력 x를 곱하지 않았습니다. 변화량은 학습률 × 오차 × x입니다."),
        ],
        names=("w_new", "b_new"),
    )
    if problem:
        return problem
    # 노트북에서 보지 않은 게이트로 학습시켜 본다: 3입력 AND와 NOR.
    X3 = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)], dtype=float)
    X2 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    for name, X, y in (("3입력 AND", X3, X3.all(axis=1)), ("NOR", X2, ~X2.any(axis=1))):
        w, b = _train_with(update, X, y.astype(float))
        if not np.array_equal(_step(X @ np.asarray(w, dtype=float) + float(b)), y.astype(float)):
            return f"한 번의 갱신은 맞지만 {name}를 100에포크 안에 배우지 못했습니다. 돌려주는 값의 순서(w, b)를 확인하세요."
    return None


def _update_in_place(w, b, x, target, lr):
    error = target - _step(np.dot(w, x) + b)
    w += lr * error * x
    return w, b + lr * error


code1 = CodeExercise(
    "퍼셉트론 학습 규칙을 함수로",
    _check_perceptron_update,
    hint=(
        "① 출력 = H(w·x + b), H(z)는 z ≥ 0이면 1, 아니면 0 ② 오차 = 타깃 - 출력\n"
        "③ 새 w = w + lr × 오차 × x, 새 b = b + lr × 오차. return w_new, b_new로 둘 다 돌려주세요."
    ),
    solution=(
        "def perceptron_update(w, b, x, target, lr):\n"
        "    output = 1.0 if np.dot(w, x) + b >= 0 else 0.0\n"
        "    error = target - output\n"
        "    return w + lr * error * x, b + lr * error"
    ),
    correct=[
        _perceptron_update,
        lambda w, b, x, target, lr: (
            w + lr * (target - (1.0 if w @ x + b >= 0 else 0.0)) * x,
            b + lr * (target - (1.0 if w @ x + b >= 0 else 0.0)),
        ),
    ],
    mistakes=[
        (lambda w, b, x, t, lr: (w + lr * (t - float(w @ x + b > 0)) * x, b + lr * (t - float(w @ x + b > 0))), "H(0) = 1"),
        (lambda w, b, x, t, lr: (w + lr * (_step(w @ x + b) - t) * x, b + lr * (_step(w @ x + b) - t)), "부호가 반대"),
        (lambda w, b, x, t, lr: (w + lr * (t - _step(w @ x + b)) * x, b), "편향도 고쳐야"),
        (_update_in_place, "제자리에서 바꿨습니다"),
        (lambda w, b, x, t, lr: (w + lr * (t - np.heaviside(w @ x + b, 0.5)) * x, b + lr * (t - np.heaviside(w @ x + b, 0.5))), "출력이 0.5"),
        (lambda w, b, x, t, lr: (w + lr * (t - _step(w @ x + b)), b + lr * (t - _step(w @ x + b))), "입력 x를 곱하지"),
    ],
)


_TANH_CASES = [
    (np.array([0.0]),),
    (np.linspace(-3, 3, 7),),
    (np.array([[-20.0, -0.5], [0.25, 20.0]]),),  # 포화: 기울기가 거의 0
]


def _dtanh(z: Any) -> Any:
    return 1.0 - np.tanh(z) ** 2


def _check_dtanh(dtanh: Any) -> str | None:
    problem = compare_with_reference(
        dtanh,
        _dtanh,
        _TANH_CASES,
        tol=1e-6,
        variants=[
            (lambda z: 1.0 - np.tanh(z), "tanh를 제곱하지 않았습니다. tanh'(z) = 1 - tanh(z)²입니다."),
            (
                lambda z: np.tanh(z) * (1.0 - np.tanh(z)),
                "시그모이드의 도함수 꼴 σ(1 - σ)을 썼습니다. tanh의 도함수는 1 - tanh(z)²입니다.",
            ),
            (lambda z: 1.0 - z**2, "z를 그대로 제곱했습니다. 제곱할 것은 tanh(z)입니다."),
            (lambda z: np.tanh(z), "도함수가 아니라 tanh 자체를 돌려줬습니다."),
        ],
        shape_hint="입력과 같은 모양의 배열을 돌려주세요(원소마다 계산).",
    )
    if problem:
        return problem
    z = np.linspace(-4, 4, 41)
    numeric = (np.tanh(z + 1e-5) - np.tanh(z - 1e-5)) / 2e-5
    got = call(dtanh, z)
    if not np.allclose(np.asarray(got, dtype=float), numeric, atol=1e-6):  # pragma: no cover - 위와 같은 검사
        return "수치 미분과 맞지 않습니다."
    return None


code2 = CodeExercise(
    "하이퍼볼릭 탄젠트의 도함수",
    _check_dtanh,
    hint="5.3절의 식 tanh'(z) = 1 - tanh²(z)를 NumPy로 쓰세요. np.tanh는 배열의 원소마다 계산합니다.",
    solution="def tanh_derivative(z):\n    return 1 - np.tanh(z) ** 2",
    correct=[_dtanh, lambda z: 1 / np.cosh(z) ** 2, lambda z: (1 - np.tanh(z)) * (1 + np.tanh(z))],
    mistakes=[
        (lambda z: 1 - np.tanh(z), "제곱하지 않았습니다"),
        (lambda z: np.tanh(z) * (1 - np.tanh(z)), "σ(1 - σ)"),
        (lambda z: 1 - z**2, "z를 그대로 제곱"),
        (lambda z: float(np.mean(1 - np.tanh(z) ** 2)), "기대한 모양은 (1,)"),
    ],
)
