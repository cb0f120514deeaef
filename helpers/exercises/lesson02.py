"""02 퍼셉트론과 활성화 함수: 논리 게이트의 가중치, SiLU의 도함수, 소프트맥스, 선형 층 합치기, 기울기 소실."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from helpers.exercises.coding import (
    CodeExercise,
    LearnerCodeError,
    TimeLimitExceeded,
    as_array,
    call,
    compare_with_reference,
    describe,
    is_text,
    returns_several,
    time_limit,
)
from helpers.exercises.core import Exercise, as_matrix
from helpers.exercises.core import as_number as _number
from helpers.korean import josa

_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
_GATES = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XOR": (0, 1, 1, 0),
}


def _quoted(answer: Any) -> str | None:
    """답이 문자열이면 따옴표를 빼라는 안내."""
    if isinstance(answer, str):
        return f"따옴표 없이 적으세요(받은 값: 문자열 {describe(answer)}). 문자열이 아니라 숫자나 계산식으로 답합니다."
    return None


def _numbers(answer: Any, n: int) -> list[float] | None:
    """답을 실수 n개의 목록으로 바꾼다. 안 되거나 nan이 있으면 None."""
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
    if _quoted(answer):
        return _quoted(answer)
    values = _numbers(answer, 3)
    if values is None:
        return f"(w1, w2, b) 세 숫자를 튜플로 적으세요(받은 값: {describe(answer)}). 예: (2, 2, -3)"
    w1, w2, b = values
    outputs = tuple(1 if w1 * x1 + w2 * x2 + b >= 0 else 0 for x1, x2 in _INPUTS)
    if outputs == _GATES["NOR"]:
        return None
    for name, table in _GATES.items():
        if outputs == table:
            return (
                f"이 가중치와 편향은 {josa(name, '을')} 계산합니다(출력 {outputs}). "
                "NOR는 OR의 반대로, 출력이 (1, 0, 0, 0)입니다."
            )
    zs = [w1 * x1 + w2 * x2 + b for x1, x2 in _INPUTS]
    wrong = _wrong_cells(outputs, _GATES["NOR"])
    if any(z == 0 for z in zs[1:]) and _bias_alone_fixes([z - b for z in zs], _GATES["NOR"]):
        return (
            f"출력: {outputs}. 가중합이 정확히 0인 입력이 있습니다. 이 계단 함수는 H(0) = 1이라 z = 0이면 1을 냅니다. "
            "가중치는 그대로 두고 경계에 걸리지 않게 편향을 조금 옮겨 보세요."
        )
    if outputs[0] == 0:
        return f"출력: {outputs}, 틀린 칸: {wrong}. (0, 0)에서는 z = b이므로 1이 나오려면 b ≥ 0이어야 합니다."
    return (
        f"출력: {outputs}, 틀린 칸: {wrong}. 입력이 하나라도 1이면 0이 나와야 하므로 w1 + b < 0, "
        "w2 + b < 0이 되게 하세요(편향만 옮겨서는 고칠 수 없으니 가중치도 다시 보세요)."
        if any(z == 0 for z in zs[1:])
        else f"출력: {outputs}, 틀린 칸: {wrong}. 입력이 하나라도 1이면 0이 나와야 하므로 w1 + b < 0, "
        "w2 + b < 0이 되게 하세요."
    )


def _wrong_cells(outputs: tuple[int, ...], target: tuple[int, ...]) -> str:
    """틀린 칸을 '(0, 1) → 1 (정답 0)'처럼 늘어놓은 글."""
    return ", ".join(
        f"{x} → {out} (정답 {want})" for x, out, want in zip(_INPUTS, outputs, target, strict=True) if out != want
    )


def _bias_alone_fixes(sums: list[float], target: tuple[int, ...]) -> bool:
    """가중치는 그대로 두고 편향만 바꿔 target을 낼 수 있는가.

    sums는 입력마다의 w1·x1 + w2·x2(편향 빼고). 출력이 1이어야 하는 입력의 합이 모두 0이어야 하는 입력의 합보다
    커야 그 사이에 경계(편향)를 둘 수 있다."""
    ones = [s for s, t in zip(sums, target, strict=True) if t == 1]
    zeros = [s for s, t in zip(sums, target, strict=True) if t == 0]
    return not ones or not zeros or max(zeros) < min(ones)


q1 = Exercise(
    "NOR 게이트를 계산하는 퍼셉트론",
    _check_nor,
    hint=(
        "출력 = 1 if w1·x1 + w2·x2 + b ≥ 0 else 0 (계단 함수, H(0) = 1).\n"
        "NOR는 (0,0)에서만 1입니다. (0,0)에서는 z = b, (1,0)에서는 z = w1 + b입니다."
    ),
    solution=(
        "# OR의 (1, 1, -0.5)에서 부호를 모두 뒤집으면 출력도 뒤집힙니다.\n"
        "# (0,0): z = 0.5 → 1, (0,1)과 (1,0): z = -0.5 → 0, (1,1): z = -1.5 → 0\n"
        "answer_q1 = (-1.0, -1.0, 0.5)"
    ),
    correct=[(-1.0, -1.0, 0.5), [-2, -2, 1], (-1, -1, 0), np.array([-1.0, -1.0, 0.5]), (-3, -1, 0.5)],
    wrong=[
        (1.0, 1.0, -0.5),
        (-1.0, -1.0, 1.5),
        (1.0, 1.0, -1.5),
        (-1.0, -1.0, -0.5),
        (1, 1),
        "(-1,-1,0.5)",
        (-1, 0, 0),
        (-0.5, -0.5, 0.5),
    ],
)


# 문제 2 ─ SiLU(swish) z·σ(z)의 도함수를 계산하는 함수
_Z = np.array([-2.0, 0.0, 3.0])


def _sig(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _dsig(z: np.ndarray) -> np.ndarray:
    return _sig(z) * (1.0 - _sig(z))


_EXPECTED_DSILU = _sig(_Z) + _Z * _dsig(_Z)  # [-0.090784, 0.5, 1.088104]
_NO_RETURN = (
    "함수가 아무 값도 돌려주지 않습니다(None). 화면에 출력(print)하는 것과 돌려주는 것(return)은 다릅니다. "
    "if 문의 모든 갈래에서 return하는지도 보세요."
)


def _evaluate(func: Callable[[Any], Any], z: np.ndarray) -> np.ndarray | str:
    """학습자 함수를 배열로 한 번 불러 보고, 안 되면 원소마다 불러 본다(math.exp로 쓴 함수).

    결과 배열을, 쓸 수 없으면 무엇이 문제인지 알려 주는 문장을 돌려준다. 함수는 모두 ``call``로 부르므로
    입력을 제자리에서 바꾸면(``z *= …``) 어느 인수를 바꿨는지 알려 준다.
    """
    array_error = ""
    try:
        result = call(func, z)
    except LearnerCodeError as err:
        if err.in_place:  # 예외가 아니라 입력을 제자리에서 바꾼 것
            return str(err)
        array_error = str(err)
    else:
        if result is None:
            return _NO_RETURN
        if is_text(result):
            return "숫자가 아니라 문자열을 돌려줬습니다. 계산한 숫자(배열)를 그대로 return하세요."
        got = as_array(result)
        if got is not None and got.shape == z.shape:
            if _contains_none(result):
                return _NO_RETURN
            return got
    values = []
    for v in z:
        try:
            item = call(func, float(v))
        except LearnerCodeError as err:
            return array_error or str(err)
        if item is None:
            return f"z = {v:g}일 때 아무 값도 돌려주지 않았습니다(None). if 문의 모든 갈래에서 return하는지 보세요."
        number = as_array(item)
        if number is None or number.size != 1:
            return array_error or f"z 하나에 숫자 하나를 돌려주어야 합니다(z = {v:g}일 때 받은 값: {describe(item)})."
        values.append(float(number.reshape(())))
    return np.array(values)


def _contains_none(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(v is None or _contains_none(v) for v in value)
    return isinstance(value, np.ndarray) and value.dtype == object and any(v is None for v in value.ravel())


_TIME_LIMIT = 10.0  # 함수를 답으로 받는 문제의 제한 시간(초): 끝나지 않는 반복문을 멈춘다


def _check_dsilu(answer: Any) -> str | None:
    if not callable(answer):
        return f"함수를 답으로 넣으세요(받은 값: {describe(answer)}). 예: def answer_q2(z): ..."
    try:
        with time_limit(_TIME_LIMIT):
            got = _evaluate(answer, _Z)
    except TimeLimitExceeded:
        return f"{_TIME_LIMIT:g}초 안에 끝나지 않아 채점을 멈췄습니다. 끝나지 않는 반복문(while 조건)이 있는지 살펴보세요."
    if isinstance(got, str):
        return got
    if np.allclose(got, _EXPECTED_DSILU, atol=1e-4):
        return None
    if np.allclose(got, _Z * _sig(_Z), atol=1e-4):
        return "SiLU 함수 z·σ(z) 자체입니다. 그 도함수를 돌려주세요."
    if np.allclose(got, _dsig(_Z), atol=1e-4):
        return (
            "시그모이드의 도함수 σ'(z)입니다. SiLU는 z·σ(z)이므로 곱의 미분 "
            "(uv)' = u'v + uv'을 써야 합니다(u = z, v = σ(z))."
        )
    if np.allclose(got, _sig(_Z), atol=1e-4):
        return "u'v = 1·σ(z)까지만 계산했습니다. uv'도 더하세요."
    if np.allclose(got, _Z * _dsig(_Z), atol=1e-4):
        return "uv' = z·σ'(z)까지만 계산했습니다. u'v도 더하세요."
    if np.allclose(got, _sig(_Z) * _dsig(_Z), atol=1e-4) or np.allclose(got, _dsig(_Z) * _Z * _sig(_Z), atol=1e-4):
        return "곱의 미분을 (uv)' = u'·v'처럼 도함수끼리 곱했습니다. (uv)' = u'v + uv'입니다."
    if not np.isfinite(got).all():
        return f"결과에 nan이나 inf가 있습니다(z = (-2, 0, 3)에서 받은 값: {np.round(got, 4).tolist()})."
    return (
        f"z = (-2, 0, 3)에서 받은 값: {np.round(got, 4).tolist()}. "
        "정답은 약 (-0.0908, 0.5, 1.0881)입니다."
    )


def _dsilu_right(z: Any) -> Any:
    s = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    return s + z * s * (1.0 - s)


def _dsilu_math(z: float) -> float:
    s = 1 / (1 + math.exp(-z))  # math.exp는 숫자 하나만 받으므로 채점기가 원소마다 부른다
    return s + z * s * (1 - s)


def _dsilu_in_place(z: Any) -> Any:
    s = 1 / (1 + np.exp(-z))
    z *= s * (1 - s)  # 받은 z를 제자리에서 바꾼다
    return s + z


def _dsilu_prints(z: Any) -> None:
    s = 1 / (1 + np.exp(-z))
    print(s + z * s * (1 - s))


def _dsilu_branch(z: float) -> Any:
    s = 1 / (1 + math.exp(-z))
    if z > 0:
        return s + z * s * (1 - s)
    if z < 0:
        return s + z * s * (1 - s)  # z = 0인 갈래를 빠뜨렸다


q2 = Exercise(
    "SiLU(swish)의 도함수",
    _check_dsilu,
    hint=(
        "SiLU(z)를 u·v로 보세요. u = z이면 u' = 1이고, v = σ(z)이면 v' = σ(z)·(1 − σ(z))입니다.\n"
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
        _dsilu_math,
        lambda z: (_sig(z) + z * _dsig(z)).tolist(),
    ],
    wrong=[
        lambda z: z / (1 + np.exp(-z)),
        _dsig,
        _sig,
        lambda z: z * _dsig(z),
        lambda z: 0.5,
        0.5,
        _dsilu_in_place,
        _dsilu_prints,
        _dsilu_branch,
        lambda z: _sig(z) * _dsig(z),
        lambda z: str(_dsilu_right(z)),
    ],
)


# 문제 3 ─ 소프트맥스 [2.0, 1.0, 0.1]
_LOGITS = np.array([2.0, 1.0, 0.1])
_SOFTMAX = np.exp(_LOGITS) / np.exp(_LOGITS).sum()  # [0.659, 0.2424, 0.0986]
_ORDINALS = ("첫 번째", "두 번째", "세 번째")  # 로짓 (2.0, 1.0, 0.1)의 차례
# 노트북: "계산 결과 그대로, 또는 소수 셋째 자리까지". 과정 전체의 규칙(01 q3, 06과 같다): 원소마다 정확한 값과의
# 차이가 마지막으로 요구한 자리의 반 단위(0.0005) 이하면 맞다. 0.0986의 셋째 자리는 0.099이고, 버린 0.098은 틀리다.
_HALF_UNIT_3 = 0.5e-3 + 1e-12


def _check_softmax(answer: Any) -> str | None:
    if _quoted(answer):
        return _quoted(answer)
    values = _numbers(answer, 3)
    if values is None:
        return f"확률 세 개를 리스트나 배열로 적으세요(받은 값: {describe(answer)})."
    got = np.array(values)
    off = np.abs(got - _SOFTMAX) > _HALF_UNIT_3
    if not off.any():
        return None
    if np.allclose(got, _SOFTMAX * 100, atol=0.1):
        return "백분율(%)로 적었습니다. 소프트맥스의 출력은 0과 1 사이의 확률이고, 합이 1입니다."
    near = np.allclose(got, _SOFTMAX, atol=5e-3)  # 순서는 맞고 반올림만 다르다
    if not near and np.allclose(np.sort(got), np.sort(_SOFTMAX), atol=1e-3):
        return "값은 맞지만 순서가 다릅니다. 로짓 (2.0, 1.0, 0.1)과 같은 순서로, 로짓마다 확률 하나씩 적으세요."
    if near:
        which = ", ".join(f"{_ORDINALS[i]} 값 {got[i]:g}" for i in np.flatnonzero(off))
        return (
            f"거의 맞았지만 소수 셋째 자리까지 맞지 않는 값이 있습니다({which}). 이 문제는 소수 셋째 자리까지 맞아야 합니다. "
            "셋째 자리까지 적었는지(더 짧게 어림하지 않았는지), 넷째 자리에서 반올림했는지(버리지 않았는지) 확인하거나, "
            "계산 결과를 반올림하지 말고 그대로 넣으세요."
        )
    if np.allclose(got, _LOGITS / _LOGITS.sum(), atol=1e-3):
        return "로짓을 그 합으로 나눴습니다. 먼저 각 로짓 z를 e^z 값으로 바꾼 뒤 나누세요."
    if np.allclose(got, _sig(_LOGITS), atol=1e-3):
        return "원소마다 시그모이드를 적용했습니다(합이 1이 아님). 소프트맥스는 세 값을 함께 보고 합이 1이 되게 나눕니다."
    if np.allclose(got, np.exp(_LOGITS), atol=1e-3):
        return "e^z 값까지는 맞습니다. 이제 세 값의 합이 1이 되게 나누세요."
    if not math.isclose(got.sum(), 1.0, abs_tol=1e-3):
        return f"세 확률의 합이 {got.sum():.4f}입니다. 소프트맥스의 출력은 합이 1이어야 합니다."
    return (
        f"받은 값: {np.round(got, 4).tolist()}. 합은 1이지만 소프트맥스의 값이 아닙니다. "
        "로짓마다 e^z 값을 구해 세 값의 합으로 나눈 비율과 비교해 보세요."
    )


q3 = Exercise(
    "소프트맥스 계산",
    _check_softmax,
    hint=(
        "소프트맥스는 ① 로짓마다 e^z 값을 구하고 ② 각 값을 세 값의 합으로 나눕니다(결과의 합이 1).\n"
        "NumPy의 np.exp는 배열의 원소마다 e^z 값을 계산하고, .sum()은 원소를 모두 더합니다."
    ),
    solution=(
        "z = np.array([2.0, 1.0, 0.1])\n"
        "e = np.exp(z)            # [7.389, 2.718, 1.105]\n"
        "answer_q3 = e / e.sum()  # [0.659, 0.2424, 0.0986]"
    ),
    correct=[
        _SOFTMAX,
        [0.659, 0.2424, 0.0986],
        [0.659, 0.242, 0.099],
        (0.659, 0.2424, 0.09857),
        _SOFTMAX.tolist(),
        np.exp(_LOGITS - 2.0) / np.exp(_LOGITS - 2.0).sum(),
        _SOFTMAX.astype(np.float32),
    ],
    wrong=[
        list(_LOGITS / _LOGITS.sum()),
        list(np.round(_sig(_LOGITS), 4)),
        list(np.round(np.exp(_LOGITS), 4)),
        [0.5, 0.3, 0.2],
        [0.66, 0.24, 0.10],
        [0.659, 0.242, 0.098],  # 이슈 18 다시 풀기: 셋째 값 0.0986을 버렸다(셋째 자리는 0.099)
        [0.659, 0.2424],
        [0.0986, 0.2424, 0.659],
        [65.9, 24.24, 9.86],
        "[0.659, 0.2424, 0.0986]",
    ],
)


# 문제 4 ─ 선형 층 두 개를 행렬 하나로
_W1 = np.array([[1.0, 2.0], [0.0, 1.0]])
_W2 = np.array([[2.0, 0.0], [1.0, -1.0]])
_W = _W1 @ _W2  # [[4, -2], [1, -1]]


def _check_merge(answer: Any) -> str | None:
    if _quoted(answer):
        return _quoted(answer)
    rows = as_matrix(answer, (2, 2))  # 중첩 리스트, NumPy 배열, tf.matmul(...)이 돌려준 텐서
    if rows is None:
        try:
            ndim = np.ndim(answer)
        except (TypeError, ValueError):
            ndim = None
        if ndim == 2:
            return (
                f"받은 행렬의 모양은 {np.shape(answer)}입니다. y = x W1 W2의 W는 2×2 행렬이어야 합니다"
                "(x의 크기 2 → y의 크기 2)."
            )
        flat = _numbers(answer, 4)
        if flat is not None and ndim == 1:
            return (
                f"숫자 네 개를 한 줄로 적었습니다(받은 값: {describe(np.asarray(answer).tolist())}). 행렬은 행마다 묶은 중첩 리스트 "
                "[[a, b], [c, d]]나 2차원 배열로 적으세요. 한 줄짜리 목록으로는 어느 값이 어느 행인지 알 수 없습니다."
            )
        return f"2×2 행렬을 np.array나 중첩 리스트 [[a, b], [c, d]]로 적으세요(받은 값: {describe(answer)})."
    got = np.array(rows)
    # 정밀도를 말하지 않는 문제이므로 정확한 값(부동소수점 오차까지)만 맞다(과정 전체의 규칙).
    if np.allclose(got, _W, rtol=1e-9, atol=1e-12):
        return None
    if np.allclose(got, _W, rtol=0.0, atol=0.05):
        return (
            f"받은 행렬: {got.tolist()}. 거의 맞았지만 정확한 값이 아닙니다. 이 문제는 어림하거나 반올림하지 않은 "
            "정확한 행렬을 묻습니다. W1 @ W2의 결과를 그대로 넣으세요."
        )
    if np.allclose(got, _W2 @ _W1):
        return "곱하는 순서가 반대입니다. x에는 W1이 먼저 곱해집니다. 행렬 곱은 순서를 바꾸면 결과가 달라집니다."
    if np.allclose(got, _W.T):
        return "전치된 행렬입니다. 행과 열을 바꾸지 말고 행 벡터 x에 오른쪽에서 곱하는 행렬을 구하세요."
    if np.allclose(got, _W1 + _W2):
        return "층을 지나는 것은 더하기가 아니라 행렬 곱입니다. 두 번의 곱을 하나로 묶어 보세요(결합 법칙)."
    if np.allclose(got, _W1 * _W2):
        return "원소별 곱(*)을 계산했습니다. 행렬 곱은 @입니다."
    return f"받은 행렬: {got.tolist()}. 두 층을 차례로 지나는 계산과 같은 결과를 내는 행렬이 아닙니다."


q4 = Exercise(
    "선형 층 두 개를 행렬 하나로 합치기",
    _check_merge,
    hint=(
        "행렬 곱에는 결합 법칙 (AB)C = A(BC)가 성립합니다.\n"
        "y = (x W1) W2를 x 하나에 행렬 하나가 곱해지는 꼴로 다시 묶어 보세요. 곱하는 순서는 바꾸면 안 됩니다."
    ),
    solution=(
        "W1 = np.array([[1, 2], [0, 1]])\n"
        "W2 = np.array([[2, 0], [1, -1]])\n"
        "# y = (x @ W1) @ W2 = x @ (W1 @ W2)\n"
        "answer_q4 = W1 @ W2   # [[4, -2], [1, -1]]"
    ),
    correct=[_W, [[4, -2], [1, -1]], ((4, -2), (1, -1)), _W.tolist(), _W.astype(int)],
    wrong=[
        _W2 @ _W1,
        _W1 + _W2,
        _W1 * _W2,
        [[4, -2]],
        [4, -2, 1, -1],
        np.array([4, -2, 1, -1]),
        _W.T,
        "[[4, -2], [1, -1]]",
        [[4.01, -2], [1, -1]],
        np.array([[4, -2, 1, -1]]),
    ],
)


# 문제 5 ─ 시그모이드 층 10개의 σ'(z) 10개를 곱한 값은 많아야 얼마인가(층마다 σ'이 하나씩 곱해진다는 것은 문제가 알려 준다)
_MAX_FACTOR = 0.25**10  # 9.5367e-07
# 노트북: "계산 결과 그대로, 또는 유효 숫자 두 자리까지". 같은 규칙: 둘째 유효 숫자의 반 단위(0.05e-07) 이하의 차이면 맞다.
# 9.5e-07과 9.54e-07은 맞고, 한 자리로 어림한 1e-06(차이 4.6e-08)은 틀리다.
_HALF_UNIT_2_SIGNIFICANT = 0.05e-7 + 1e-18


def _check_vanish(answer: Any) -> str | None:
    if _quoted(answer):
        return _quoted(answer)
    value = _number(answer)
    if value is None:
        return f"숫자 하나로 적으세요(받은 값: {describe(answer)}). 예: 1e-3"
    if abs(value - _MAX_FACTOR) <= _HALF_UNIT_2_SIGNIFICANT:
        return None
    if math.isclose(value, _MAX_FACTOR, rel_tol=0.1):
        return (
            f"거의 맞았지만 유효 숫자 두 자리까지 맞지 않습니다(받은 값: {value:g}). 이 문제는 유효 숫자 두 자리까지 "
            "맞아야 합니다(예: 1.2e-05). 더 짧게 어림하지 말고 셋째 자리에서 반올림하거나, 파이썬으로 계산한 결과를 그대로 넣으세요."
        )
    if math.isclose(value, 0.25, rel_tol=1e-3):
        return "σ'(z) 하나의 최댓값입니다. 층마다 하나씩, 모두 10개를 곱한 값을 답하세요."
    if math.isclose(value, 2.5, rel_tol=1e-3):
        return "σ'(z)의 최댓값에 10을 곱했습니다. 10을 곱하는 것이 아니라 σ'(z) 10개를 서로 곱합니다."
    if math.isclose(value, 0.5**10, rel_tol=1e-3):
        return "0.5는 σ(0)입니다. 곱해지는 것은 σ 자체가 아니라 그 도함수 σ'(z)의 최댓값입니다."
    if any(math.isclose(value, 0.25**n, rel_tol=1e-3) for n in (9, 11)):
        return "곱하는 개수를 다시 세어 보세요. 층마다 σ'(z) 하나씩, 모두 10개입니다."
    if value >= 1:
        return "곱은 1보다 작습니다. σ'(z)는 어디서나 1보다 작으므로, 여러 개를 곱하면 1보다 작아집니다."
    return f"{josa(value, '은')} 정답이 아닙니다. σ'(z)의 최댓값을 찾고, 그 값 10개를 곱해 보세요."


q5 = Exercise(
    "기울기 소실: 시그모이드 층 10개의 σ'(z)를 곱하면",
    _check_vanish,
    hint=(
        "곱하는 것은 층마다 하나씩인 σ'(z) 10개입니다. 곱이 가장 크려면 하나하나가 가장 커야 합니다.\n"
        "σ'(z)가 가장 클 때(z = 0) 얼마인지 5.2절에서 찾아, 그 값 10개의 곱을 계산하세요."
    ),
    solution=(
        "max_slope = 0.25   # σ'(0) = σ(0)(1 - σ(0)) = 0.5 × 0.5\n"
        "answer_q5 = max_slope ** 10   # ≈ 9.5e-07: 백만분의 1보다 작다"
    ),
    correct=[0.25**10, 9.5367e-07, 9.5e-07, 9.54e-07, np.array([0.25**10]), np.float64(0.25**10), 4.0**-10, (1 / 4) ** 10],
    wrong=[0.25, 2.5, 0.5**10, 1.0, 1e-06, 9.6e-07, 0.0, "0.25 ** 10", 0.25**9, 0.25**11, 1e-10],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.
# 학습자 함수는 모두 coding.call로 부른다. 입력을 제자리에서 바꾸면 어느 인수를 바꿨는지 알려 준다.


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
    (np.array([0.2, 0.3]), -0.1, np.array([0.0, 0.0]), 0.0, 0.1),  # 입력이 0이어도 편향은 갱신한다
]


def _train_with(update: Any, X: np.ndarray, y: np.ndarray, epochs: int = 100) -> tuple[Any, Any]:
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        for xi, target in zip(X, y, strict=True):
            w, b = call(update, w, b, xi, float(target), 0.1)
    return w, b


def _check_perceptron_update(update: Any) -> str | None:
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

    def without_lr(w, b, x, target, lr):
        error = target - _step(np.dot(w, x) + b)
        return w + error * x, b + error

    problem = compare_with_reference(
        update,
        _perceptron_update,
        _UPDATE_CASES,
        variants=[
            (strict_step, "가중합이 정확히 0일 때 출력을 0으로 봤습니다. 이 강의는 H(0) = 1, 즉 z ≥ 0이면 1입니다."),
            (reversed_error, "오차의 부호가 반대입니다. 오차는 타깃 - 출력입니다. 갱신은 가중치를 틀린 쪽으로 더 미는 것이 아니라 바로잡는 것입니다."),
            (bias_unchanged, "편향도 갱신해야 합니다. 편향의 입력은 언제나 1이므로 b에도 학습률 × 오차를 더합니다."),
            (half_at_zero, "가중합이 정확히 0일 때 출력이 0.5입니다. 이 강의는 H(0) = 1, 즉 z ≥ 0이면 1입니다."),
            (sign_output, "np.sign은 -1, 0, 1을 냅니다. 퍼셉트론의 출력은 0 또는 1이고 H(0) = 1입니다."),
            (without_x, "가중치의 변화량에 입력 x를 곱하지 않았습니다. 변화량은 학습률 × 오차 × x입니다."),
            (without_lr, "학습률 lr을 곱하지 않았습니다. 변화량은 학습률 × 오차 × x입니다."),
        ],
        names=("w_new", "b_new"),
    )
    if problem:
        return problem
    # 노트북에서 학습시키지 않은 게이트(3입력 AND와 NOR)로 학습시켜 본다.
    X3 = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)], dtype=float)
    X2 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    for name, X, y in (("3입력 AND", X3, X3.all(axis=1)), ("NOR", X2, ~X2.any(axis=1))):
        w, b = _train_with(update, X, y.astype(float))
        if not np.array_equal(_step(X @ np.asarray(w, dtype=float) + float(b)), y.astype(float)):
            return (
                f"한 번의 갱신은 맞지만 {josa(name, '을')} 100에포크 안에 배우지 못했습니다. "
                "돌려주는 값의 순서(w, b)를 확인하세요."
            )
    return None


def _update_in_place(w, b, x, target, lr):
    error = target - _step(np.dot(w, x) + b)
    w += lr * error * x
    return w, b + lr * error


def _update_with_where(w, b, x, target, lr):
    output = np.where(np.dot(w, x) + b >= 0, 1, 0)
    error = target - output
    return w + lr * error * x, b + lr * error


code1 = CodeExercise(
    "퍼셉트론 학습 규칙을 함수로",
    _check_perceptron_update,
    hint=(
        "① 출력: 가중합에 편향을 더한 z에 계단 함수 H를 적용합니다(z ≥ 0이면 1, 아니면 0). ② 오차는 타깃 - 출력입니다.\n"
        "③ 퍼셉트론 학습 규칙으로 w를, 입력이 언제나 1인 가중치처럼 b를 갱신합니다. return w_new, b_new로 둘 다 돌려주세요."
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
        _update_with_where,
        lambda w, b, x, t, lr: (w + lr * (t - np.heaviside(w @ x + b, 1)) * x, b + lr * (t - np.heaviside(w @ x + b, 1))),
        lambda w, b, x, t, lr: [list(w + lr * (t - int(w @ x + b >= 0)) * x), b + lr * (t - int(w @ x + b >= 0))],
    ],
    mistakes=[
        (lambda w, b, x, t, lr: (w + lr * (t - float(w @ x + b > 0)) * x, b + lr * (t - float(w @ x + b > 0))), "H(0) = 1"),
        (lambda w, b, x, t, lr: (w + lr * (t - np.heaviside(w @ x + b, 0)) * x, b + lr * (t - np.heaviside(w @ x + b, 0))), "H(0) = 1"),
        (lambda w, b, x, t, lr: (w + lr * (_step(w @ x + b) - t) * x, b + lr * (_step(w @ x + b) - t)), "부호가 반대"),
        (lambda w, b, x, t, lr: (w + lr * (t - _step(w @ x + b)) * x, b), "편향도 갱신해야"),
        (_update_in_place, "받은 w 값을 제자리에서 바꿨습니다"),
        (lambda w, b, x, t, lr: (w + lr * (t - np.heaviside(w @ x + b, 0.5)) * x, b + lr * (t - np.heaviside(w @ x + b, 0.5))), "출력이 0.5"),
        (lambda w, b, x, t, lr: (w + lr * (t - _step(w @ x + b)), b + lr * (t - _step(w @ x + b))), "입력 x를 곱하지"),
        (lambda w, b, x, t, lr: (w + (t - _step(w @ x + b)) * x, b + (t - _step(w @ x + b))), "학습률 lr을 곱하지"),
        (lambda w, b, x, t, lr: w + lr * (t - _step(w @ x + b)) * x, "2개를"),
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
    return compare_with_reference(
        dtanh,
        _dtanh,
        _TANH_CASES,
        tol=1e-6,
        variants=[
            (lambda z: 1.0 - np.tanh(z), "tanh를 제곱하지 않았습니다. tanh'(z) = 1 - tanh(z)²입니다."),
            (
                lambda z: np.tanh(z) * (1.0 - np.tanh(z)),
                "시그모이드의 도함수 꼴 σ(1 - σ)를 썼습니다. tanh의 도함수는 1 - tanh(z)²입니다.",
            ),
            (lambda z: 1.0 - z**2, "z를 그대로 제곱했습니다. 제곱할 것은 tanh(z)입니다."),
            (lambda z: np.tanh(z), "도함수가 아니라 tanh 자체를 돌려줬습니다."),
            (lambda z: 1.0 - np.tanh(z**2), "z를 제곱한 뒤 tanh에 넣었습니다. 제곱할 것은 tanh(z)의 결과입니다."),
            (lambda z: 2.0 * np.tanh(z), "tanh(z)의 제곱을 미분하듯 2·tanh(z)로 썼습니다. 식 1 - tanh(z)²의 값을 그대로 계산하면 됩니다."),
        ],
        shape_hint="입력과 같은 모양의 배열을 돌려주세요(원소마다 계산).",
    )


def _dtanh_out(z):
    np.tanh(z, out=z)  # 받은 z를 tanh(z)로 덮어쓴다
    return 1 - z**2


def _dtanh_if(z):
    if abs(z) > 20:  # 배열 전체를 if에 넣었다
        return np.zeros_like(z)
    return 1 - np.tanh(z) ** 2


def _dtanh_only_1d(z):
    if z.ndim == 1:
        return 1 - np.tanh(z) ** 2


def _dtanh_with_math(z):
    return 1 - math.tanh(z) ** 2


def _dtanh_where(z):
    return np.where(np.abs(z) > 20, 0.0, 1 - np.tanh(z) ** 2)


code2 = CodeExercise(
    "하이퍼볼릭 탄젠트의 도함수",
    _check_dtanh,
    hint=(
        "5.3절의 식 tanh'(z) = 1 - tanh²(z)를 NumPy로 쓰세요. np.tanh는 배열의 원소마다 계산하고, "
        "결과는 z와 같은 모양입니다.\n받은 z를 바꾸지 말고(out=z 없이) 새 배열을 돌려주세요."
    ),
    solution="def tanh_derivative(z):\n    return 1 - np.tanh(z) ** 2",
    correct=[
        _dtanh,
        lambda z: 1 / np.cosh(z) ** 2,
        lambda z: (1 - np.tanh(z)) * (1 + np.tanh(z)),
        lambda z: (1 - np.tanh(z) ** 2).tolist(),
        lambda z: 1 - np.tanh(z) * np.tanh(z),
        lambda z: np.cosh(z) ** -2.0,
        lambda z: 4 / (np.exp(z) + np.exp(-z)) ** 2,
        _dtanh_where,
    ],
    mistakes=[
        (lambda z: 1 - np.tanh(z), "제곱하지 않았습니다"),
        (lambda z: np.tanh(z) * (1 - np.tanh(z)), "σ(1 - σ)"),
        (lambda z: 1 - z**2, "z를 그대로 제곱"),
        (lambda z: float(np.mean(1 - np.tanh(z) ** 2)), "기대한 모양은 (1,)"),
        (_dtanh_out, "받은 z 값을 제자리에서 바꿨습니다"),
        (_dtanh_if, "np.where"),
        (_dtanh_only_1d, "돌려주지 않은) 경우가 있습니다"),
        (_dtanh_with_math, "math 모듈의 함수는 숫자 하나만"),
        (lambda z: 1 - np.tanh(z**2), "z를 제곱한 뒤"),
    ],
)
