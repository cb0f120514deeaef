"""03 XOR 문제와 다층 퍼셉트론: 파라미터 세기, 손으로 정하는 가중치, 연쇄 법칙, 수치 미분의 비용."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.exercises.coding import describe
from helpers.exercises.core import Exercise, as_integer, as_number, close, exact, near_exact_message
from helpers.korean import josa


def _not_an_integer(answer: Any, what: str) -> str:
    """정수로 읽을 수 없는 답을 받았을 때의 안내(모든 숫자 문제가 같은 규칙: core.as_integer)."""
    if isinstance(answer, str):
        return f"따옴표 없이 숫자로 적으세요(받은 값: 문자열 {describe(answer)})."
    return f"{what} 정수 하나로 적으세요(받은 값: {describe(answer)})."


# ---------------------------------------------------------------- q1
def _check_param_count(answer: Any) -> str | None:
    count = as_integer(answer)
    if count is None:
        return _not_an_integer(answer, "파라미터 수는")
    if count == 32:
        return None
    # 원인은 그 값이 그 원인에서만 나올 때만 말한다. 다른 계산으로도 나오는 값은 가능한 원인을 모두 들거나 묻는다.
    if count == 25:
        return "25는 가중치(3×5 + 5×2)만 센 값입니다. 뉴런마다 편향이 하나씩 더 있습니다."
    if count == 7:
        return "7은 은닉층과 출력층의 뉴런 수(5 + 2), 곧 편향만 센 값입니다. 연결마다 있는 가중치도 더하세요."
    if count == 10:
        return (
            "10은 세 층의 뉴런 수(3 + 5 + 2)와도, 출력층의 가중치 수(5 × 2)와도 같습니다. "
            "파라미터는 연결마다 있는 가중치와 뉴런마다 있는 편향이고, 은닉층과 출력층을 모두 세어야 합니다."
        )
    if count == 30:
        return (
            "30은 출력층 뉴런 2개의 편향을 빠뜨린 값(20 + 10)과도, 세 층의 크기를 모두 곱한 값(3 × 5 × 2)과도 같습니다. "
            "어느 쪽인가요? 층마다 (입력 수 × 뉴런 수) + 뉴런 수를 따로 구해 더하세요."
        )
    if count == 27:
        return (
            "27은 은닉층 뉴런 5개의 편향을 빠뜨린 값(15 + 12)입니다. 파라미터 수는 층마다 (입력 수 × 뉴런 수) + 뉴런 수입니다."
        )
    if count == 35:
        return (
            "35는 입력 뉴런 3개까지 모든 뉴런 10개에 편향을 하나씩 준 값(가중치 25 + 편향 10)입니다. 입력층은 값을 전달할 뿐이라 편향도 가중치도 없습니다."
        )
    if count == 39:
        return "39는 편향을 두 번 센 값(25 + 7 × 2)입니다. 편향은 뉴런 하나에 하나입니다."
    return (
        f"답과 다릅니다(받은 값: {count}개). 은닉층과 출력층을 따로 세어 더해 보세요. "
        "층마다 가중치는 입력 수 × 뉴런 수만큼, 편향은 뉴런 수만큼 있습니다."
    )


q1 = Exercise(
    "입력 3·은닉 5·출력 2 신경망의 파라미터 수",
    _check_param_count,
    hint=(
        "Dense 층 하나의 파라미터 수 = (입력 수 × 뉴런 수) 개의 가중치 + (뉴런 수) 개의 편향.\n"
        "입력층에는 파라미터가 없습니다. 은닉층과 출력층을 따로 세어 더하세요."
    ),
    solution=(
        "# 확인: keras.Sequential([keras.Input((3,)), keras.layers.Dense(5), keras.layers.Dense(2)]).count_params()\n"
        "hidden = 3 * 5 + 5   # 가중치 15 + 편향 5 = 20\n"
        "output = 5 * 2 + 2   # 가중치 10 + 편향 2 = 12\n"
        "answer_q1 = hidden + output   # 32"
    ),
    correct=[32, 32.0, np.int64(32), np.float32(32.0), np.array([32])],
    wrong=[25, 7, 10, 30, 3 * 5 * 2, 27, 35, 39, "32", 31, 40, 32.5, True, [20, 12]],
)


# ---------------------------------------------------------------- q2
_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
_XNOR = (1, 0, 0, 1)
_XOR = (0, 1, 1, 0)


def _step(z: float) -> int:
    return 1 if z >= 0 else 0  # 과정 전체의 약속: H(0) = 1


def _hidden(x1: int, x2: int) -> tuple[int, int]:
    n1 = _step(-2 * x1 - 2 * x2 + 3)  # NAND
    n2 = _step(2 * x1 + 2 * x2 - 1)  # OR
    return n1, n2


def _three_numbers(answer: Any) -> tuple[float, float, float] | None:
    if isinstance(answer, str | bytes | dict) or not hasattr(answer, "__len__"):
        return None
    try:
        items = [float(v) for v in list(answer)]
    except (TypeError, ValueError):
        return None
    if len(items) != 3 or not all(math.isfinite(v) for v in items):
        return None
    return items[0], items[1], items[2]


def _check_xnor(answer: Any) -> str | None:
    numbers = _three_numbers(answer)
    if numbers is None:
        return f"(w1, w2, b)처럼 유한한 숫자 세 개를 튜플로 적으세요(받은 값: {describe(answer)})."
    w1, w2, b = numbers
    zs = [w1 * n1 + w2 * n2 + b for n1, n2 in (_hidden(*x) for x in _INPUTS)]
    outputs = tuple(_step(z) for z in zs)
    if outputs == _XNOR:
        return None
    if outputs == _XOR:
        return "그 출력은 XOR (0, 1, 1, 0)입니다. XNOR는 그 반대인 (1, 0, 0, 1)이어야 합니다."
    sums = [z - b for z in zs]  # 편향을 뺀 가중합: 편향만 옮기면 어떤 출력이 가능한지 본다
    if any(z == 0 for z in zs) and _bias_alone_gives(sums, _XNOR):
        return (
            "가중합 z가 정확히 0이 되는 입력이 있습니다. 이 계단 함수는 z ≥ 0이면 1이므로 "
            "z = 0이면 1을 냅니다. 가중치는 그대로 두고 경계에 걸리지 않도록 편향을 0.5쯤 옮겨 보세요."
        )
    wrong = [
        f"{x} → {out} (정답 {want})"
        for x, out, want in zip(_INPUTS, outputs, _XNOR, strict=True)
        if out != want
    ]
    message = "이 (w1, w2, b)로는 XNOR가 되지 않습니다. 틀린 칸: " + ", ".join(wrong) + "."
    if any(z == 0 for z in zs):
        message += " z = 0인 입력은 H(0) = 1이라 1을 냅니다."
    if _bias_alone_gives(sums, _XOR):
        message += " 지금 가중치에서 편향만 옮기면 XOR는 만들 수 있어도 XNOR는 만들 수 없습니다. 가중치를 다시 보세요."
    elif any(z == 0 for z in zs):
        message += " 편향만 옮겨서는 고칠 수 없으니 가중치를 다시 보세요."
    return message


def _bias_alone_gives(sums: list[float], target: tuple[int, ...]) -> bool:
    """가중치는 그대로 두고 편향만 바꿔 target을 낼 수 있는가(sums: 입력마다 편향을 뺀 가중합).

    1이어야 하는 입력의 합이 모두 0이어야 하는 입력의 합보다 커야 그 사이에 경계를 둘 수 있다."""
    ones = [v for v, t in zip(sums, target, strict=True) if t == 1]
    zeros = [v for v, t in zip(sums, target, strict=True) if t == 0]
    return max(zeros) < min(ones)


q2 = Exercise(
    "NAND와 OR 위에 출력 뉴런 하나로 XNOR 만들기",
    _check_xnor,
    hint=(
        "은닉층의 출력 (n1, n2)는 입력 (0,0), (0,1), (1,0), (1,1)에서 각각 (1,0), (1,1), (1,1), (0,1)입니다.\n"
        "계단 함수는 z ≥ 0이면 1입니다(z = 0이면 1, 02와 같은 약속)."
    ),
    solution=(
        "# 은닉값 (n1, n2)는 (0,0)→(1,0), (0,1)→(1,1), (1,0)→(1,1), (1,1)→(0,1)입니다.\n"
        "# XNOR는 은닉값이 (1,1)일 때만 0이어야 하므로 출력 뉴런은 NAND입니다. (1,1)에서 z = -1 → 0, 나머지는 z = 1 → 1\n"
        "# 네 은닉값에서 같은 답을 내는 다른 숫자, 예를 들어 (-1, -1, 1.5)나 (-3, -1, 3.5)도 정답입니다.\n"
        "answer_q2 = (-2, -2, 3)"
    ),
    correct=[(-2, -2, 3), (-1, -1, 1.5), [-1.0, -1.0, 1.0], np.array([-2.0, -2.0, 3.0]), (-3, -1, 3.5)],
    wrong=[
        (1, 1, -1),
        (-1, -1, 2),
        (1, 1, 1),
        (0, 0, 0),
        (-2, -2),
        "(-2, -2, 3)",
        (-2, -2, 3, 0),
        (2, 2, -3),
        (-1, -1, float("nan")),
    ],
)


# ---------------------------------------------------------------- q3
# 숫자 문제의 규칙(과정 전체): 문제가 정밀도를 말하지 않으면 정확히 계산되는 값이므로 계산 오차(float32로 계산한 값 포함, core.EXACT_REL_TOL)
# 안에서 같을 때만 맞다. 이 문제의 답 −1은 정확히 나온다. −0.99999나 −1.01은 −1이 아니다.
_exact = exact  # core.exact: 과정 전체가 같은 규칙


_near_exact = near_exact_message  # core: 과정 전체가 같은 안내


def _check_chain_rule(answer: Any) -> str | None:
    value = as_number(answer)
    if value is None:
        if isinstance(answer, str):
            return f"따옴표 없이 숫자로 적으세요(받은 값: 문자열 {describe(answer)})."
        return f"유한한 숫자 하나로 적으세요(받은 값: {describe(answer)})."
    if _exact(value, -1.0):
        return None
    if near := _near_exact(value, -1.0):
        return near
    if close(value, 1.0):
        return (
            "크기는 맞고 부호가 반대입니다. ŷ = 0.5 < y = 1이므로 ∂L/∂ŷ = 2(ŷ − y)는 음수입니다."
        )
    if close(value, -0.25):
        return "마지막 고리 ∂z/∂w = x = 4를 곱하지 않았습니다."
    if close(value, -0.5):
        return "손실이 L = (ŷ − y)²일 때 ∂L/∂ŷ = 2(ŷ − y)입니다. 2를 빠뜨리지 않았나요?"
    if close(value, -4.0):
        return "시그모이드의 도함수 값 σ'(z) = σ(z)(1 − σ(z)) = 0.25를 곱하지 않았습니다."
    if close(value, -2.0):
        return "σ'(z)는 σ(z) = 0.5가 아니라 σ(z)(1 − σ(z)) = 0.5 × 0.5 = 0.25입니다."
    if close(value, -0.125):
        # 2(ŷ − y)·σ'(z)·w = (−1)(0.25)(0.5)와 (ŷ − y)·σ'(z) = (−0.5)(0.25)가 모두 −0.125: 두 원인을 다 말한다.
        return (
            "−0.125는 마지막 고리 ∂z/∂w 자리에 x = 4 대신 w = 0.5를 곱한 값(또는 2와 x를 모두 빠뜨린 값)과 같습니다. "
            "z = wx + b를 w로 미분하면 x입니다."
        )
    if close(value, -0.0625):
        return (
            "세 고리는 ∂L/∂ŷ = 2(ŷ − y), ∂ŷ/∂z = σ'(z), ∂z/∂w = x입니다. 고리마다 값을 따로 적고, "
            "각각 한 번씩만 곱했는지 확인하세요."
        )
    return (
        f"{josa(value, '은')} 정답이 아닙니다. 먼저 z = wx + b와 ŷ = σ(z)를 구하고 세 고리를 차례로 곱하세요."
    )


q3 = Exercise(
    "연쇄 법칙으로 ∂L/∂w 구하기",
    _check_chain_rule,
    hint=(
        "먼저 순전파로 z = w·x + b와 ŷ = σ(z)를 구하세요.\n"
        "∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂w: 고리마다 따로 구해 곱합니다. L = (ŷ − y)²을 ŷ로, σ(z)를 z로(02의 5.2절에서 본 σ'), z = wx + b를 w로 미분하세요."
    ),
    solution=(
        "z = 0.5 * 4 - 2            # 0\n"
        "y_hat = 1 / (1 + np.exp(-z))  # 0.5\n"
        "answer_q3 = 2 * (y_hat - 1) * y_hat * (1 - y_hat) * 4   # (-1) × 0.25 × 4 = -1.0"
    ),
    correct=[-1.0, -1, np.float64(-1.0), np.array([-1.0]), 2 * (0.5 - 1) * 0.25 * 4],
    # -0.99999: 전에는 맞다고 했지만 정밀도를 묻지 않는 문제의 답은 정확히 -1이다(이슈 18, 세 번째 풀이).
    wrong=[1.0, -0.25, -0.5, -4.0, -2.0, 0.0, "-1", float("nan"), 0.25, True, -0.99999, -1.01, -0.125, -0.0625],
)


# ---------------------------------------------------------------- q4
def _check_forward_passes(answer: Any) -> str | None:
    count = as_integer(answer)
    if count is None:
        return _not_an_integer(answer, "횟수는")
    if count == 26:
        return None
    if count == 13:
        return "13은 파라미터 수입니다. 중앙 차분은 파라미터마다 θ + ε일 때와 θ − ε일 때, 두 번씩 손실을 계산합니다."
    if count == 14:
        return (
            "14는 한쪽 차분 (L(θ + ε) − L(θ)) / ε을 쓸 때의 횟수입니다(기준 L(θ) 한 번 + 파라미터마다 한 번). "
            "본문은 중앙 차분(θ ± ε)을 씁니다."
        )
    if count == 27:
        return (
            "중앙 차분에는 θ 그대로의 손실 L(θ)가 필요 없습니다. "
            "(L(θ + ε) − L(θ − ε)) / 2ε에 들어가는 두 손실만 세세요."
        )
    if count in (1, 2):
        return "파라미터 수와 상관없는 횟수는 역전파의 비용(순전파 한 번 + 역전파 한 번)입니다. 수치 미분은 파라미터마다 따로 계산합니다."
    if count == 18:
        return (
            "18은 파라미터를 9개로 셌을 때의 횟수입니다. 2-3-1의 가중치는 2×3 + 3×1 = 9개이지만, "
            "은닉 뉴런 3개와 출력 뉴런 1개의 편향 4개도 파라미터입니다."
        )
    if count == 50:
        return "50은 본문 3절의 2-4-2-1 신경망으로 센 횟수입니다. 이 문제는 2-3-1 신경망입니다."
    if count == 39:
        return "중앙 차분은 파라미터마다 손실을 세 번이 아니라 두 번(θ + ε, θ − ε) 계산합니다."
    return f"{count}번이 아닙니다. 답은 2-3-1 신경망의 파라미터 수 × (파라미터마다 필요한 손실 계산 횟수)입니다."


q4 = Exercise(
    "수치 미분 한 번에 필요한 손실 계산 횟수",
    _check_forward_passes,
    hint=(
        "중앙 차분 (L(θ + ε) − L(θ − ε)) / 2ε은 파라미터 하나마다 손실을 두 번 계산합니다.\n"
        "2-3-1 신경망의 파라미터 수는 3절의 식 (입력 수 × 뉴런 수) + 뉴런 수를 써서 층마다 세어 더하세요."
    ),
    solution=(
        "n_params = (2 * 3 + 3) + (3 * 1 + 1)   # 9 + 4 = 13\n"
        "answer_q4 = 2 * n_params   # 26번 (역전파는 순전파 1번 + 역전파 1번)"
    ),
    correct=[26, 26.0, np.int64(26)],
    wrong=[13, 14, 27, 1, 2, 18, 50, 52, "26", 26.5, 39],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.

# 학습자 함수는 모두 coding.call로 부른다. 입력을 제자리에서 바꾸면 어느 인수를 바꿨는지 알려 준다.
# 틀렸을 때의 안내는 무엇이 다른지(모양, 값)를 먼저, 넣은 입력은 짧게 뒤에 보여 준다(compare_with_reference).
from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    as_array,
    call,
    compare_with_reference,
    returns_several,
)
from helpers.exercises.coding import _short as _short_input  # noqa: E402


def _compare(learner: Any, reference: Any, cases: Any, arg_names: tuple[str, ...], **options: Any) -> str | None:
    """coding.compare_with_reference와 같되, 끝에 붙는 넣은 입력에 인수 이름을 붙인다(X = …, W1 = …).

    공용 함수는 "(입력: 모양 (5, 3), float64 배열, …)"처럼 이름 없이 적으므로, 어느 입력이 X이고 어느 것이 W1인지
    알 수 있도록 같은 글을 이름 붙인 글로 바꾼다."""
    problem = compare_with_reference(learner, reference, cases, **options)
    if problem is None:
        return None
    for case in cases:
        bare = "(입력: " + ", ".join(_short_input(a) for a in case) + ")"
        if problem.endswith(bare):
            named = ", ".join(f"{n} = {_short_input(a)}" for n, a in zip(arg_names, case, strict=True))
            return problem[: -len(bare)] + f"(넣은 입력: {named})"
    return problem


def _sig(z: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-z))


def _forward(X: Any, W1: Any, b1: Any, W2: Any, b2: Any) -> Any:
    return _sig(_sig(X @ W1 + b1) @ W2 + b2)


_RNG = np.random.default_rng(20260303)
_FORWARD_CASES = [
    # 노트북의 XOR 신경망(2-2-1)이 아닌 모양들: 3-4-1, 샘플 하나, 2-3-1
    (_RNG.normal(size=(5, 3)), _RNG.normal(size=(3, 4)), _RNG.normal(size=4), _RNG.normal(size=(4, 1)), _RNG.normal(size=1)),
    (np.array([[1.0, 0.0]]), np.array([[20.0, -20.0], [20.0, -20.0]]), np.array([-10.0, 30.0]), np.array([[20.0], [20.0]]), np.array([-30.0])),
    (_RNG.normal(size=(4, 2)), _RNG.normal(size=(2, 3)), np.zeros(3), _RNG.normal(size=(3, 1)), np.array([0.5])),
    # 2-2-1, 정사각이지만 대칭이 아닌 W1(포화하지 않는 크기): W1.T를 곱해도 모양 오류가 나지 않는 실수를 잡는다(이슈 18 세 번째 풀이)
    (
        np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, -0.5]]),
        np.array([[1.0, -2.0], [0.5, 1.5]]),
        np.array([0.1, -0.2]),
        np.array([[1.0], [-1.0]]),
        np.array([0.3]),
    ),
]


def _forward_in_steps(X, W1, b1, W2, b2):
    z1 = X @ W1 + b1
    H = 1 / (1 + np.exp(-z1))
    z2 = H @ W2 + b2
    return 1 / (1 + np.exp(-z2))


def _forward_in_place(X, W1, b1, W2, b2):
    X -= X.mean(axis=0)  # 입력을 가운데로 모은다며 받은 X를 제자리에서 바꾼다
    return _sig(_sig(X @ W1 + b1) @ W2 + b2)


def _forward_transposed_if_square(X, W1, b1, W2, b2):
    """이슈 18 세 번째 풀이: 정사각 W1이면 W1.T를 곱한다(2-2-1에서만 틀린다)."""
    H = _sig(X @ W1.T + b1) if W1.shape[0] == W1.shape[1] else _sig(X @ W1 + b1)
    return _sig(H @ W2 + b2)


def _check_forward(forward_pass: Any) -> str | None:
    first = call(forward_pass, *_FORWARD_CASES[0])
    if isinstance(first, tuple) and len(first) == 2:
        return "출력 ŷ 하나만 돌려주세요(노트북의 forward는 H도 함께 돌려주지만 이 문제는 ŷ만)."
    X, W1, b1 = _FORWARD_CASES[0][:3]
    got = as_array(first) if first is not None else None
    if got is not None and got.shape == (len(X), W1.shape[1]) and np.allclose(got, _sig(X @ W1 + b1)):
        return (
            f"은닉층의 출력 H를 돌려줬습니다(모양 {got.shape}, 은닉 뉴런마다 한 열). "
            "H를 출력층에 한 번 더 넣어 얻은 ŷ을 돌려주세요."
        )
    if got is not None and got.shape == (len(X),):
        return (
            f"돌려준 배열의 모양은 {got.shape}, 기대한 모양은 {(len(X), 1)}입니다. "
            "ŷ을 .ravel()이나 .flatten()으로 펴지 말고 (샘플 수, 1) 모양 그대로 돌려주세요."
        )
    return _compare(
        forward_pass,
        _forward,
        _FORWARD_CASES,
        ("X", "W1", "b1", "W2", "b2"),
        variants=[
            (lambda X, W1, b1, W2, b2: _sig((X @ W1 + b1) @ W2 + b2), "은닉층에 시그모이드를 적용하지 않았습니다. H = σ(XW₁ + b₁)입니다."),
            (lambda X, W1, b1, W2, b2: _sig(X @ W1 + b1) @ W2 + b2, "출력층에 시그모이드를 적용하지 않았습니다. ŷ = σ(HW₂ + b₂)입니다."),
            (lambda X, W1, b1, W2, b2: _sig(_sig(X @ W1) @ W2 + b2), "은닉층의 편향 b₁을 더하지 않았습니다."),
            (lambda X, W1, b1, W2, b2: _sig(_sig(X @ W1 + b1) @ W2), "출력층의 편향 b₂를 더하지 않았습니다."),
            (
                lambda X, W1, b1, W2, b2: _sig(np.maximum(0, X @ W1 + b1) @ W2 + b2),
                "은닉층에 ReLU를 썼습니다. 이 신경망은 은닉층과 출력층 모두 시그모이드입니다.",
            ),
        ],
        shape_hint="ŷ는 샘플마다 값이 하나인 2차원 배열로, 모양은 (X의 행 수, 1)입니다.",
    )


code1 = CodeExercise(
    "은닉층이 있는 신경망의 순전파",
    _check_forward,
    hint=(
        "두 단계입니다. ① 은닉층: 입력에 W1을 행렬 곱하고 b1을 더해 시그모이드에 넣습니다. ② 출력층: 그 결과 H에 W2, b2로 같은 일을 한 번 더 합니다.\n"
        "행렬 곱은 @로 하고, 편향은 브로드캐스팅으로 행마다 더해집니다. σ(z) = 1 / (1 + e^(-z))는 np.exp로 계산합니다."
    ),
    solution=(
        "def forward_pass(X, W1, b1, W2, b2):\n"
        "    H = 1 / (1 + np.exp(-(X @ W1 + b1)))\n"
        "    return 1 / (1 + np.exp(-(H @ W2 + b2)))"
    ),
    correct=[
        _forward,
        lambda X, W1, b1, W2, b2: _sig(np.dot(_sig(np.dot(X, W1) + b1), W2) + b2),
        lambda X, W1, b1, W2, b2: _forward(X, W1, b1, W2, b2).tolist(),
        lambda X, W1, b1, W2, b2: 0.5 * (1 + np.tanh(0.5 * (0.5 * (1 + np.tanh(0.5 * (X @ W1 + b1))) @ W2 + b2))),
        _forward_in_steps,
    ],
    mistakes=[
        (_forward_transposed_if_square, "W1"),
        (lambda X, W1, b1, W2, b2: _sig((X @ W1 + b1) @ W2 + b2), "은닉층에 시그모이드"),
        (lambda X, W1, b1, W2, b2: _sig(_sig(X @ W1) @ W2 + b2), "편향 b₁"),
        (lambda X, W1, b1, W2, b2: (_forward(X, W1, b1, W2, b2), _sig(X @ W1 + b1)), "ŷ 하나만"),
        (lambda X, W1, b1, W2, b2: _sig(_sig(X @ W1.T + b1) @ W2 + b2), "행렬 곱의 모양이 맞지 않습니다"),
        (lambda X, W1, b1, W2, b2: _forward(X, W1, b1, W2, b2).ravel(), "돌려준 배열의 모양은 (5,), 기대한 모양은 (5, 1)"),
        (lambda X, W1, b1, W2, b2: _sig(X @ W1 + b1), "은닉층의 출력 H를 돌려줬습니다"),
        (_forward_in_place, "받은 X 값을 제자리에서 바꿨습니다"),
        (lambda X, W1, b1, W2, b2: _sig(_sig(X @ W1 + b1) @ W2), "출력층의 편향 b₂"),
    ],
)


def _dense_backward(X: Any, W: Any, delta: Any) -> tuple[Any, Any, Any]:
    return X.T @ delta, delta.sum(axis=0), delta @ W.T


_BACKWARD_CASES = [
    (_RNG.normal(size=(5, 3)), _RNG.normal(size=(3, 2)), _RNG.normal(size=(5, 2))),
    (_RNG.normal(size=(1, 4)), _RNG.normal(size=(4, 3)), _RNG.normal(size=(1, 3))),
    (_RNG.normal(size=(6, 2)), _RNG.normal(size=(2, 1)), _RNG.normal(size=(6, 1))),
]


def _numerical_check(dense_backward: Any) -> str | None:
    """손실 L = Σ G ⊙ (XW + b)의 수치 미분과 비교한다(그러면 δ = ∂L/∂z = G)."""
    X, W, G = _BACKWARD_CASES[0]
    b = np.zeros(W.shape[1])
    loss = lambda X_, W_, b_: float(np.sum(G * (X_ @ W_ + b_)))  # noqa: E731
    eps = 1e-6
    numeric = []
    for which in range(3):
        target = [X, W, b][which]
        grad = np.zeros_like(target)
        for index in np.ndindex(target.shape):
            args = [X.copy(), W.copy(), b.copy()]
            args[which][index] += eps
            plus = loss(*args)
            args[which][index] -= 2 * eps
            grad[index] = (plus - loss(*args)) / (2 * eps)
        numeric.append(grad)
    dW, db, dX = call(dense_backward, X, W, G)
    for name, got, want in (("dW", dW, numeric[1]), ("db", db, numeric[2]), ("dX", dX, numeric[0])):
        if not np.allclose(np.asarray(got, dtype=float), want, atol=1e-5):
            return f"{josa(name, '이')} 수치 미분과 다릅니다."  # pragma: no cover - 참고 구현 비교가 먼저 잡는다
    return None


def _backward_into_X(X, W, delta):
    dW = X.T @ delta
    db = delta.sum(axis=0)
    X[...] = delta @ W.T  # dX를 받은 X에 덮어쓴다
    return dW, db, X


def _backward_loop(X, W, delta):
    dW = np.zeros_like(W)
    for n in range(len(X)):  # 샘플마다 바깥곱을 더한다
        dW = dW + np.outer(X[n], delta[n])
    return dW, delta.sum(axis=0), delta @ W.T


def _check_backward(dense_backward: Any) -> str | None:
    problem = returns_several(call(dense_backward, *_BACKWARD_CASES[0]), ("dW", "db", "dX"))
    if problem:
        return problem
    problem = _compare(
        dense_backward,
        _dense_backward,
        _BACKWARD_CASES,
        ("X", "W", "delta"),
        variants=[
            (lambda X, W, d: (X.T @ d, d, d @ W.T), "db가 샘플 하나하나의 오차 신호 그대로입니다. 모든 샘플이 같은 b를 쓰므로 샘플 축으로 더해 b와 같은 모양으로 만드세요."),
            (lambda X, W, d: (X.T @ d / len(X), d.mean(axis=0), d @ W.T / len(X)), "합이 아니라 평균을 냈습니다. δ에 이미 1/N이 들어 있으므로 샘플 축으로 더하기만 합니다."),
            (lambda X, W, d: (X.T @ d, d.sum(axis=0), d @ W), "dX의 모양이 맞지 않습니다. z = XW에서 X에 곱해진 W가 어떻게 되돌아가는지(전치) 생각해 보세요."),
            (lambda X, W, d: (d.T @ X, d.sum(axis=0), d @ W.T), "dW가 전치되어 있습니다. dW의 모양은 W와 같아야 합니다. 곱하는 순서와 전치할 쪽을 바꿔 보세요."),
            (
                lambda X, W, d: (X.T @ d, d.sum(axis=1), d @ W.T),
                "δ를 출력 축(axis=1)으로 더해서 db가 샘플마다 값이 하나인 배열이 되었습니다. b는 출력마다 하나이므로 샘플 축으로 더합니다.",
            ),
        ],
        shape_hint="dW는 W와, db는 b와, dX는 X와 모양이 같습니다. db는 샘플 축으로 더합니다.",
        names=("dW", "db", "dX"),
    )
    return problem or _numerical_check(dense_backward)


code2 = CodeExercise(
    "Dense 층 하나의 역전파",
    _check_backward,
    hint=(
        "z = X W + b와 오차 신호 δ = ∂L/∂z[모양은 (샘플 수, 출력 수)]가 주어집니다. 모양에서 출발하세요.\n"
        "dW는 W와, db는 b와, dX는 X와 모양이 같아야 합니다. X, δ, W 가운데 무엇을 전치해 어떤 순서로 곱해야 그 모양이 나올까요?\n"
        "b는 모든 샘플이 함께 쓰므로 db는 샘플 하나하나의 δ를 모두 더한 것입니다. 받은 X를 바꾸지 말고 새 배열을 돌려주세요."
    ),
    solution=(
        "def dense_backward(X, W, delta):\n"
        "    dW = X.T @ delta\n"
        "    db = delta.sum(axis=0)\n"
        "    dX = delta @ W.T\n"
        "    return dW, db, dX"
    ),
    correct=[
        _dense_backward,
        lambda X, W, d: (np.dot(X.T, d), np.sum(d, axis=0), np.dot(d, W.T)),
        lambda X, W, d: (np.einsum("ni,nj->ij", X, d), d.sum(0), np.einsum("nj,ij->ni", d, W)),
        lambda X, W, d: [(X.T @ d).tolist(), d.sum(axis=0).tolist(), (d @ W.T).tolist()],
        _backward_loop,
    ],
    mistakes=[
        (lambda X, W, d: (X.T @ d, d, d @ W.T), "샘플 축으로 더해"),
        (lambda X, W, d: (X.T @ d / len(X), d.mean(axis=0), d @ W.T / len(X)), "평균을 냈습니다"),
        (lambda X, W, d: (d.T @ X, d.sum(axis=0), d @ W.T), "전치되어"),
        (lambda X, W, d: (X.T @ d, d.sum(axis=0)), "3개를"),
        (lambda X, W, d: (X.T @ d, d.sum(axis=1), d @ W.T), "출력 축(axis=1)"),
        (_backward_into_X, "받은 X 값을 제자리에서 바꿨습니다"),
        (lambda X, W, d: (X.T @ d, d.sum(axis=0, keepdims=True), d @ W.T), "db: 돌려준 배열의 모양은 (1, 2), 기대한 모양은 (2,)"),
        (lambda X, W, d: (X.T @ d, d.sum(axis=0), d @ W), "행렬 곱의 모양이 맞지 않습니다"),
    ],
)
