"""05 시리얼 칼로리 회귀: 결측값이 있는 행 빼기, 뉴런 하나의 예측, MAE 함수, 표준화."""

from __future__ import annotations

import contextlib
import functools
import io
import sys
import time
from typing import Any

import numpy as np
import pandas as pd

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
from helpers.exercises.core import Exercise, as_integer, close, exact, near_exact_message
from helpers.exercises.core import as_number as _number
from helpers.korean import josa


def _not_it(value: float) -> str:
    """'1은 정답이 아닙니다'처럼, 받은 숫자에 맞는 조사를 붙인 첫머리."""
    return f"{josa(value, '은')} 정답이 아닙니다."


def _quoted(answer: Any) -> str | None:
    if isinstance(answer, str):
        return f"따옴표 없이 숫자로 적으세요(받은 값: 문자열 {describe(answer)})."
    return None

# ---------------------------------------------------------------------------
# q1. -1이 한 칸이라도 있는 행을 모두 빼면 몇 행이 남는가 (77 - 3 = 74)
# ---------------------------------------------------------------------------


def _check_rows_left(answer: Any) -> str | None:
    if _quoted(answer):
        return _quoted(answer)
    if isinstance(answer, pd.DataFrame):
        return "표(DataFrame) 자체를 넘겼습니다. 남은 행의 수를 len(...)으로 세어 정수로 답하세요."
    if isinstance(answer, pd.Series):
        return (
            "행마다(또는 열마다) 값이 하나씩 담긴 Series가 나왔습니다. 한 번 더 합하거나(.sum()) "
            "len(...)으로 세어 숫자 하나로 만드세요."
        )
    count = as_integer(answer)
    if count is None:
        return f"행의 수는 정수 하나로 적으세요(받은 값: {describe(answer)}). 예: len(df[...])"
    if count == 77:
        # 77은 두 가지 실수에서 모두 나오는 값이다. 하나는 df.dropna()이고(이 데이터에는 NaN이 없다),
        # 다른 하나는 (df != -1).any(axis=1)이다(모든 행에 -1이 아닌 칸이 있다). 원인을 하나로 단정하지 않는다.
        return (
            "원본의 행 수 그대로입니다. 한 행도 빠지지 않았다는 뜻이며, 이 값은 두 가지 실수에서 나옵니다. "
            "(1) df.dropna()는 NaN만 결측값으로 보므로 -1이 든 행을 빼지 않습니다. "
            "(2) (df != -1).any(axis=1)은 '-1이 아닌 칸이 하나라도 있는 행'을 찾으므로 모든 행이 참입니다. "
            "'모든 칸이 -1이 아닌 행'은 any가 아니라 all로 묻습니다."
        )
    if count == 76:
        return "당류(sugars)가 빈 한 행만 뺐습니다. 이번에는 모든 숫자 열을 봅니다(칼륨 potass도)."
    if count == 73:
        return (
            "-1인 칸의 수(4)를 뺐습니다. 한 행에 -1이 두 칸인 시리얼이 있으므로 "
            "칸이 아니라 행을 세어야 합니다."
        )
    if count == 10:
        return (
            "-1이 없는 열(특성)의 수입니다. axis=0은 열마다, axis=1은 행마다 묻습니다. "
            "이 문제에서는 남는 행의 수를 셉니다."
        )
    if count in (3, 4):
        return f"{josa(count, '은')} 빼는 쪽의 수입니다. 남는 행의 수를 답하세요."
    if count == 74:
        return None
    return (
        f"{josa(count, '은')} 정답이 아닙니다. -1이 한 칸이라도 있는 행을 찾고(.any(axis=1)), "
        "그렇지 않은 행을 세어 보세요."
    )


q1 = Exercise(
    "-1이 한 칸이라도 있는 행을 모두 빼면 남는 행 수",
    _check_rows_left,
    hint=(
        "(df == -1)은 칸마다 참/거짓인 표입니다. .any(axis=1)은 행마다 '참인 칸이 하나라도 있는가'를 묻습니다.\n"
        "그 반대(~)인 행만 골라 len(...)으로 세세요."
    ),
    solution=(
        "df = helpers.load_cereals()\n"
        "has_minus_one = (df.select_dtypes('number') == -1).any(axis=1)\n"
        "answer_q1 = int((~has_minus_one).sum())   # 77 - 3 = 74 (한 행에 -1이 두 칸인 시리얼이 있음)"
    ),
    correct=[74, 74.0, np.int64(74), np.float32(74.0), np.array([74])],
    wrong=[77, 76, 73, 3, 4, 74.5, "74", pd.Series([True, False]), pd.DataFrame({"a": [1]}), 1, True, 75],
)


# ---------------------------------------------------------------------------
# q2. 강의 노트의 뉴런(w = 2.5, b = 90)이 당류 10 g에 내는 예측
# ---------------------------------------------------------------------------


# 숫자 문제의 규칙(과정 전체): 문제가 정밀도를 말하지 않으면 정확히 계산되는 값이므로 계산 오차(float32로 계산한 값 포함, core.EXACT_REL_TOL) 안에서
# 같을 때만 맞다. 115.1이나 115.05는 115가 아니고, 2.01은 2가 아니다.
_exact = exact  # core.exact: 과정 전체가 같은 규칙


_near_exact = near_exact_message  # core: 과정 전체가 같은 안내


def _check_neuron(answer: Any) -> str | None:
    if _quoted(answer):
        return _quoted(answer)
    value = _number(answer)
    if value is None:
        return f"숫자 하나로 답하세요(받은 값: {describe(answer)})."
    if close(value, 102.5):
        return "102.5는 당류 5 g일 때의 값입니다. 이번에는 10 g입니다."
    if close(value, 25.0):
        return "w × x만 계산했습니다. 편향 b = 90을 더해야 합니다."
    if close(value, 902.5):
        return "w와 b를 바꿨습니다. 가중치 w = 2.5를 x에 곱하고, b = 90을 더합니다."
    if close(value, 92.5):
        return "x를 곱하지 않았습니다. y = w × x + b에서 x = 10입니다."
    if _exact(value, 115.0):
        return None
    if near := _near_exact(value, 115.0):
        return near
    return _not_it(value) + " y = w × x + b에 강의 노트의 w, b와 이번 당류의 양 x를 넣어 계산하세요."


q2 = Exercise(
    "강의 노트의 뉴런으로 칼로리 예측하기",
    _check_neuron,
    hint="뉴런 하나의 계산은 y = w × x + b입니다. w = 2.5, b = 90, x = 당류 10 g.",
    solution=(
        "w, b = 2.5, 90   # 강의 노트의 뉴런\n"
        "x = 10           # 당류 10 g\n"
        "answer_q2 = w * x + b   # 115.0 kcal"
    ),
    correct=[115, 115.0, np.float64(115.0), np.array([115.0]), 2.5 * 10 + 90],
    wrong=[102.5, 25, 902.5, 92.5, "115", 1, 100.0, 115.1, 115.05, 114.9],  # 115.1, 115.05: 이슈 18 세 번째 풀이
)


# ---------------------------------------------------------------------------
# 학습자 함수는 모두 coding.call로 부른다. coding.call은 학습자 함수가 입력을 제자리에서 바꾸면 어느 인수를 바꿨는지 알려 준다.
# 화면에 찍은 것(print)은 모아 두었다가 그대로 다시 보여 주고, 돌려준 값이 없을 때 "print만 했다"고 알려 준다.


def _watching_print(function: Any, *args: Any) -> tuple[Any, str]:
    """``call``로 학습자 함수를 부르고 (돌려준 값, 화면에 찍은 글)을 돌려준다. 찍은 글은 다시 화면에 보여 준다."""
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            result = call(function, *args)
    finally:
        sys.stdout.write(buffer.getvalue())
    return result, buffer.getvalue()


def _no_return(printed: str, what: str) -> str:
    if printed.strip():
        return (
            "함수가 아무 값도 돌려주지 않습니다(None). 화면에 무언가 출력했지만, 채점기는 화면에 찍힌 글이 아니라 "
            f"돌려준 값만 받습니다. print 대신 마지막에 return으로 {what} 돌려주세요."
        )
    return f"함수가 아무 값도 돌려주지 않습니다(None). 마지막에 return으로 {what} 돌려주세요."


def _contains_none(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(v is None or _contains_none(v) for v in value)
    return isinstance(value, np.ndarray) and value.dtype == object and any(v is None for v in value.ravel())


# ---------------------------------------------------------------------------
# q3. MAE 함수 만들기
# ---------------------------------------------------------------------------

_TRUE = np.array([100.0, 110.0, 120.0, 90.0])
_PRED = np.array([110.0, 110.0, 100.0, 95.0])
_EXPECTED = float(np.mean(np.abs(_TRUE - _PRED)))  # 8.75
# 문제의 예시 데이터와 다른 두 번째 입력: 길이 5, 음수와 소수. 개수를 4로 고정한 답을 잡는다.
_TRUE_2 = np.array([3.0, -1.0, 2.5, 0.0, 7.0])
_PRED_2 = np.array([2.5, 0.0, 2.0, -2.0, 8.0])
_EXPECTED_2 = float(np.mean(np.abs(_TRUE_2 - _PRED_2)))  # 1.0


_TIME_LIMIT = 10.0  # 함수를 답으로 받는 문제의 제한 시간(초): 끝나지 않는 반복문을 멈춘다


def _check_mae(answer: Any) -> str | None:
    if not callable(answer):
        return "함수를 넘기세요. 예: def mae(y_true, y_pred): ...  그다음 answer_q3 = mae"
    try:
        with time_limit(_TIME_LIMIT):
            result, printed = _watching_print(answer, _TRUE, _PRED)
            if result is None:
                return _no_return(printed, "평균 절대 오차를")
            second, _ = _watching_print(answer, _TRUE_2, _PRED_2)
    except TimeLimitExceeded:
        return f"{_TIME_LIMIT:g}초 안에 끝나지 않아 채점을 멈췄습니다. 끝나지 않는 반복문(while 조건)이 있는지 살펴보세요."
    except LearnerCodeError as err:
        return str(err)
    if is_text(result):
        return "숫자가 아니라 문자열을 돌려줬습니다. 문자열로 바꾸지 말고 계산한 숫자를 그대로 return하세요."
    array = as_array(result)
    if array is not None and array.shape == _TRUE.shape:
        return (
            f"샘플마다 값이 하나씩 있는 배열을 돌려줬습니다(받은 값: {describe(array)}). "
            "평균까지 구해 숫자 하나로 돌려주세요."
        )
    if isinstance(result, list | tuple) and len(result) == 1:
        return (
            f"숫자 하나가 아니라 리스트를 돌려줬습니다(받은 값: {describe(result)}). "
            "대괄호로 감싸지 말고 계산한 값 자체를 return하세요."
        )
    value = _number(result)
    if value is None:
        return f"함수가 숫자 하나를 돌려주어야 합니다(받은 값: {describe(result)})."
    errors = _TRUE - _PRED
    if close(value, float(np.mean(errors**2))):
        return "평균 제곱 오차(MSE)를 구했습니다. MAE는 제곱 대신 절댓값의 평균입니다."
    if close(value, float(np.sqrt(np.mean(errors**2)))):
        return "RMSE(평균 제곱근 오차)를 구했습니다. MAE는 절댓값의 평균입니다."
    if close(value, abs(float(np.mean(errors)))):
        return "절댓값을 먼저 구하지 않아 + 오차와 − 오차가 서로 지워졌습니다. 절댓값은 평균을 내기 전에 구하세요."
    if close(value, float(np.sum(np.abs(errors)))):
        return "절대 오차를 더하기만 했습니다. 개수로 나눈 평균을 구하세요."
    if close(value, float(np.sum(np.abs(errors)) / (len(errors) - 1))):
        return "n - 1로 나눴습니다. 평균 절대 오차는 샘플 수 n으로 나눕니다."
    if not _exact(value, _EXPECTED):
        return (
            f"예시 데이터(y_true = {_TRUE.tolist()}, y_pred = {_PRED.tolist()})에서 받은 값: {value:.4g}. "
            f"기대한 값은 {_EXPECTED}입니다."
        )
    other = _number(second)
    if other is None or not _exact(other, _EXPECTED_2):
        shown = describe(second) if other is None else f"{other:.4g}"
        fixed = other is not None and close(other, float(np.sum(np.abs(_TRUE_2 - _PRED_2))) / 4)
        return (
            f"예시 데이터에서는 맞지만, 길이가 5인 입력(y_true = {_TRUE_2.tolist()}, y_pred = {_PRED_2.tolist()})에서는 "
            f"틀렸습니다(받은 값: {shown}, 기대한 값: {_EXPECTED_2:g}). "
            + ("개수를 4로 고정했습니다. 입력의 길이로 나누세요." if fixed else "입력의 값이나 길이를 고정해 두지 않았는지 보세요.")
        )
    return None


def _reference_mae(y_true: Any, y_pred: Any) -> float:
    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def _mae_loop(y_true: Any, y_pred: Any) -> float:
    total = 0.0
    for t, p in zip(y_true, y_pred, strict=True):
        total += abs(t - p)
    return total / len(y_true)


def _mse(y_true: Any, y_pred: Any) -> float:
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))


def _signed(y_true: Any, y_pred: Any) -> float:
    return float(np.mean(np.asarray(y_true) - np.asarray(y_pred)))


def _summed(y_true: Any, y_pred: Any) -> float:
    return float(np.sum(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def _no_return_mae(y_true: Any, y_pred: Any) -> None:
    np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred)))


def _prints_mae(y_true: Any, y_pred: Any) -> None:
    print(np.mean(np.abs(y_true - y_pred)))


def _mae_in_place(y_true: Any, y_pred: Any) -> Any:
    y_true -= y_pred  # 받은 y_true를 제자리에서 바꾼다
    return np.mean(np.abs(y_true))


def _mae_fixed_four(y_true: Any, y_pred: Any) -> Any:
    return np.sum(np.abs(y_true - y_pred)) / 4


def _sklearn_mae(y_true: Any, y_pred: Any) -> float:
    from sklearn.metrics import mean_absolute_error

    return mean_absolute_error(y_true, y_pred)


q3 = Exercise(
    "평균 절대 오차(MAE) 함수",
    _check_mae,
    hint=(
        "MAE = (1/n) Σ |실젯값 − 예측값|. NumPy로는 np.abs와 np.mean 두 함수면 됩니다.\n"
        "입력은 같은 길이의 NumPy 배열 두 개입니다. 받은 배열은 바꾸지 말고 숫자 하나를 return하세요."
    ),
    solution=(
        "# 확인: scikit-learn의 mean_absolute_error(y_true, y_pred)와 같은 값\n"
        "def mae(y_true, y_pred):\n"
        "    return np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred)))\n\n"
        "answer_q3 = mae"
    ),
    correct=[_reference_mae, lambda t, p: np.mean(np.abs(p - t)), _mae_loop, _sklearn_mae, lambda t, p: np.abs(t - p).sum() / len(t)],
    wrong=[_mse, _signed, _summed, _no_return_mae, 8.75, _prints_mae, _mae_in_place, _mae_fixed_four, lambda t, p: np.abs(t - p)],
)


# ---------------------------------------------------------------------------
# q4. 훈련 세트로 맞춘 표준화
# ---------------------------------------------------------------------------


def _check_scaled(answer: Any) -> str | None:
    if _quoted(answer):
        return _quoted(answer)
    value = _number(answer)
    if value is None:
        return f"숫자 하나로 답하세요(받은 값: {describe(answer)})."
    if close(value, 1.2):
        return (
            "테스트 세트의 평균과 표준편차(9, 5)를 썼습니다. 그러면 테스트의 정보가 새어 들어가고(데이터 "
            "누수), 눈금도 모델이 학습한 입력과 달라집니다. 훈련 세트의 통계(7, 4)로 변환만 하세요."
        )
    if close(value, 1.5) or close(value, 1.6):
        return "훈련 세트와 테스트 세트의 통계를 섞었습니다. 평균과 표준편차 모두 훈련 세트의 값을 씁니다."
    if close(value, 8.0):
        return "평균을 빼기만 했습니다. 표준편차로도 나누어야 합니다."
    if close(value, 3.75):
        return "표준편차로 나누기만 했습니다. 먼저 훈련 세트의 평균을 빼야 합니다."
    if close(value, -2.0):
        return "부호가 반대입니다. 평균에서 값을 빼지 말고, 값에서 평균을 빼세요."
    if close(value, 0.5):
        # 0.5는 분자와 분모를 바꾼 4 / 8과 분산으로 나눈 (15 - 7) / 16이 모두 내는 값: 원인을 하나로 단정하지 않는다.
        return (
            "0.5는 분자와 분모를 바꾼 값(4 / 8)과도, 표준편차 대신 분산(4² = 16)으로 나눈 값(8 / 16)과도 같습니다. "
            "z = (x − μ) / σ: 평균을 뺀 값을 표준편차로 나눕니다."
        )
    if close(value, 15.0):
        return "표준화하기 전의 값 그대로입니다. 훈련 세트의 평균과 표준편차로 바꾼 값을 답하세요."
    if _exact(value, 2.0):
        return None
    if near := _near_exact(value, 2.0):
        return near
    return _not_it(value) + " z = (x − μ) / σ에 테스트 시리얼의 x와 훈련 세트의 μ, σ를 넣으세요."


q4 = Exercise(
    "훈련 세트의 평균과 표준편차로 표준화하기",
    _check_scaled,
    hint=(
        "표준화(standardization): z = (x − μ) / σ. 훈련 세트에서 구한 μ와 σ를\n"
        "검증·테스트 세트와 새 데이터에도 그대로 씁니다. 테스트 세트의 통계는 쓰지 않습니다."
    ),
    solution=(
        "# μ와 σ로는 훈련 세트의 값을 씁니다. 테스트 세트의 통계로 계산한 (15 - 9) / 5 = 1.2는 데이터 누수가 생긴 값입니다.\n"
        "train_mean, train_std = 7, 4\n"
        "x = 15   # 테스트 세트의 시리얼\n"
        "answer_q4 = (x - train_mean) / train_std   # 2.0: 훈련 평균보다 표준편차 두 배만큼 많습니다"
    ),
    correct=[2, 2.0, np.float64(2.0), np.array([2.0]), (15 - 7) / 4],
    wrong=[8, 3.75, -2.0, 0.5, (15 - 7) / 16, 1.2, 1.5, 1.6, "2.0", 15, 1, 2.5, 2.01, 1.999],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.

_RNG = np.random.default_rng(20260305)
_SCALE_CASES = [
    (_RNG.normal([5.0, 100.0, -3.0], [2.0, 30.0, 0.5], size=(40, 3)), _RNG.normal([6.0, 90.0, -2.0], [2.0, 30.0, 0.5], size=(10, 3))),
    (_RNG.normal(50.0, 10.0, size=(8, 1)), _RNG.normal(80.0, 5.0, size=(3, 1))),  # 검증 세트의 평균이 훈련 세트의 평균과 크게 다르다
    # 정수 입력: 노트북의 당류(sugars)·단백질(protein) 열은 int64다. np.empty_like(train)에 담으면 정수로 잘린다(이슈 18 세 번째 풀이).
    (
        np.array([[6, 3], [8, 2], [0, 4], [14, 1], [3, 6], [12, 3], [9, 2]], dtype=np.int64),
        np.array([[5, 3], [15, 2], [1, 4]], dtype=np.int64),
    ),
]
_INT_CASE = _SCALE_CASES[-1]


def _standardize(train: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, std = train.mean(axis=0), train.std(axis=0)
    return (train - mean) / std, (other - mean) / std


def _standardize_ddof1(train: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, std = train.mean(axis=0), train.std(axis=0, ddof=1)
    return (train - mean) / std, (other - mean) / std


def _check_standardize(standardize: Any) -> str | None:
    # call은 학습자 함수가 입력을 제자리에서 바꿨는지(train인지 other인지까지) 알려 준다.
    problem = returns_several(call(standardize, *_SCALE_CASES[0]), ("train_scaled", "other_scaled"))
    if problem:
        return problem
    scaled = call(standardize, *_INT_CASE)
    # 입력을 그대로 돌려준 것(표준화하지 않음)은 여기서 말하지 않는다. 아래의 비교가 어느 쪽인지 알려 준다.
    parts = [np.asarray(part) for part in scaled] if isinstance(scaled, tuple) and len(scaled) == 2 else []
    if any(
        part.dtype.kind in "iub" and not (part.shape == given.shape and np.array_equal(part, given))
        for part, given in zip(parts, _INT_CASE, strict=False)
    ):
        return (
            "정수(int64) 입력을 넣자 정수 배열을 돌려줬습니다. 표준화한 값의 소수 부분이 잘렸습니다. 노트북의 당류·단백질 열은 "
            "int64입니다. np.empty_like(train)처럼 입력의 자료형을 물려받는 배열에 담지 말고, (train - mean) / std의 결과"
            "(실수 배열)를 그대로 돌려주세요."
        )
    # 표본 표준편차(ddof=1)는 받지 않는다. 노트북의 문제가 "StandardScaler가 하는 일을 직접 코드로 씁니다"이고
    # StandardScaler는 모집단 표준편차(ddof=0, np.std의 기본값)로 나누기 때문이다(이슈 18 다시 풀기에서 정함).
    if compare_with_reference(standardize, _standardize_ddof1, _SCALE_CASES, tol=1e-5) is None:
        return (
            "표본 표준편차(ddof=1, pandas의 .std() 기본값)로 나눴습니다. 이 문제는 StandardScaler가 하는 일을 그대로 코드로 옮기는 것이고, "
            "StandardScaler는 모집단 표준편차(ddof=0, NumPy의 train.std(axis=0) 기본값)로 나눕니다."
        )

    def leaky(train, other):
        both = np.vstack([train, other])
        mean, std = both.mean(axis=0), both.std(axis=0)
        return (train - mean) / std, (other - mean) / std

    def own_statistics(train, other):
        return (train - train.mean(axis=0)) / train.std(axis=0), (other - other.mean(axis=0)) / other.std(axis=0)

    def by_variance(train, other):
        mean, var = train.mean(axis=0), train.var(axis=0)
        return (train - mean) / var, (other - mean) / var

    def whole_table(train, other):
        mean, std = train.mean(), train.std()
        return (train - mean) / std, (other - mean) / std

    def centred_only(train, other):
        mean = train.mean(axis=0)
        return train - mean, other - mean

    return compare_with_reference(
        standardize,
        _standardize,
        _SCALE_CASES,
        tol=1e-5,
        variants=[
            (leaky, "훈련 세트와 다른 세트를 합쳐서 평균과 표준편차를 구했습니다(데이터 누수). 훈련 세트로만 구하세요."),
            (
                own_statistics,
                "다른 세트를 그 세트 자신의 평균과 표준편차로 표준화했습니다. 다른 세트에도 훈련 세트의 μ와 σ를 그대로 씁니다(transform만).",
            ),
            (by_variance, "분산으로 나눴습니다. 표준화는 표준편차(분산의 제곱근)로 나눕니다."),
            (whole_table, "표 전체에서 평균과 표준편차를 하나씩만 구했습니다. 평균과 표준편차는 열(특성)마다 따로 구합니다(axis=0)."),
            (centred_only, "평균을 빼기만 했습니다. 표준편차로도 나누어야 합니다."),
        ],
        names=("train_scaled", "other_scaled"),
    )


def _standardize_leaky(train, other):
    both = np.vstack([train, other])
    mean, std = both.mean(axis=0), both.std(axis=0)
    return (train - mean) / std, (other - mean) / std


def _standardize_in_place(train, other):
    mean, std = train.mean(axis=0), train.std(axis=0)
    train -= mean
    train /= std
    return train, (other - mean) / std


def _standardize_other_in_place(train, other):
    mean, std = train.mean(axis=0), train.std(axis=0)
    other -= mean  # 다른 세트를 제자리에서 바꾼다
    other /= std
    return (train - mean) / std, other


def _standardize_sklearn(train, other):
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(train)
    return scaler.transform(train), scaler.transform(other)


def _standardize_on_a_copy(train, other):
    train_scaled = train.astype(float)  # 실수 복사본을 바꾸는 것은 괜찮다(train.copy()는 int64 입력에서 -= 연산이 오류를 낸다)
    mean, std = train.mean(axis=0), train.std(axis=0)
    train_scaled -= mean
    train_scaled /= std
    return train_scaled, (other - mean) / std


def _standardize_empty_like(train, other):
    """이슈 18 세 번째 풀이: np.empty_like(train)에 담아 정수 입력에서 정수로 잘린다."""
    mu, sd = train.mean(axis=0), train.std(axis=0)
    out = np.empty_like(train)
    out[...] = (train - mu) / sd
    out2 = np.empty_like(other)
    out2[...] = (other - mu) / sd
    return out, out2


code1 = CodeExercise(
    "훈련 세트의 통계로 표준화하는 함수",
    _check_standardize,
    hint=(
        "평균 μ와 표준편차 σ는 훈련 세트에서만, 열마다(axis=0) 구합니다. σ는 StandardScaler가 쓰는 것과 같은 모집단 표준편차(np.std의 기본값)입니다.\n"
        "그 μ, σ로 훈련 세트와 다른 세트를 모두 표준화한 뒤 return train_scaled, other_scaled로 돌려주세요. 받은 배열은 바꾸지 말고 새 배열을 만드세요."
    ),
    solution=(
        "def standardize(train, other):\n"
        "    mean, std = train.mean(axis=0), train.std(axis=0)\n"
        "    return (train - mean) / std, (other - mean) / std\n\n"
        "# scikit-learn으로는: scaler = StandardScaler().fit(train)\n"
        "#                   return scaler.transform(train), scaler.transform(other)"
    ),
    correct=[
        _standardize,
        _standardize_sklearn,
        _standardize_on_a_copy,
        lambda train, other: [v.tolist() for v in _standardize(train, other)],
        lambda train, other: ((train - np.mean(train, 0)) / np.sqrt(np.var(train, 0)), (other - np.mean(train, 0)) / np.sqrt(np.var(train, 0))),
    ],
    mistakes=[
        (_standardize_empty_like, "정수 배열을 돌려줬습니다"),
        (_standardize_leaky, "데이터 누수"),
        (_standardize_ddof1, "ddof=1"),
        (lambda train, other: (_standardize(train, train)[0], _standardize(other, other)[0]), "자신의 평균과 표준편차"),
        (lambda train, other: ((train - train.mean(axis=0)) / train.var(axis=0), (other - train.mean(axis=0)) / train.var(axis=0)), "분산으로 나눴습니다"),
        (_standardize_in_place, "받은 train 값을 제자리에서 바꿨습니다"),
        (_standardize_other_in_place, "받은 other 값을 제자리에서 바꿨습니다"),
        (lambda train, other: (train - train.mean(axis=0), other - train.mean(axis=0)), "평균을 빼기만"),
        (lambda train, other: (train, _standardize(train, other)[1]), "train_scaled:"),
        (lambda train, other: ((train - train.mean(axis=1)) / train.std(axis=1), other), "모양이 맞지 않아"),
        (lambda train, other: _standardize(train, other)[1], "2개를"),
    ],
)


_ATWATER_FEATURES = ["fat", "carbo", "sugars", "protein"]


@functools.cache
def _cereal_split() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """노트북과 다른 분할(random_state=7)로 나눈 시리얼 데이터. 입력은 지방·탄수화물·당류·단백질.

    학습자 함수에는 ``call``이 복사본을 넘기므로 한 번 읽어 두고 다시 써도 된다."""
    from sklearn.model_selection import train_test_split

    from helpers.data import load_cereals

    cereals = load_cereals()
    columns = [*_ATWATER_FEATURES, "calories"]
    usable = cereals[~(cereals[columns] == -1).any(axis=1)]
    train, val = train_test_split(usable, test_size=0.25, random_state=7)
    return (
        train[_ATWATER_FEATURES].to_numpy("float32"),
        train["calories"].to_numpy("float32"),
        val[_ATWATER_FEATURES].to_numpy("float32"),
        val["calories"].to_numpy("float32"),
    )

_BEAT_RATIO = 0.7  # 검증 MAE가 평균 예측 기준선의 70% 이하여야 "기준선을 이겼다"고 본다


def _check_fit_and_predict(fit_and_predict: Any) -> str | None:
    x_train, y_train, x_val, y_val = _cereal_split()
    start = time.monotonic()
    predictions, printed = _watching_print(fit_and_predict, x_train, y_train, x_val)
    seconds = time.monotonic() - start
    if predictions is None:
        return _no_return(printed, "x_val의 예측을")
    if hasattr(predictions, "predict") or hasattr(predictions, "fit"):
        return (
            f"예측이 아니라 학습한 모델 자체를 돌려줬습니다(받은 값: {type(predictions).__name__} 객체). "
            "모델의 predict로 x_val의 칼로리를 예측해 그 배열을 돌려주세요."
        )
    if is_text(predictions):
        return "숫자가 아니라 문자열을 돌려줬습니다. 예측한 숫자 배열을 그대로 return하세요."
    if _contains_none(predictions):
        return "예측 가운데 None이 있습니다. 모든 시리얼에 숫자 예측이 하나씩 있어야 합니다."
    array = as_array(predictions)
    if array is None:
        return f"예측을 숫자 배열로 돌려주세요(받은 값: {describe(predictions)})."
    array = array.reshape(-1) if array.ndim == 2 and 1 in array.shape else array
    if array.shape != (len(x_val),):
        if array.shape == (len(x_train),):
            return "x_train의 예측을 돌려줬습니다. x_val로 predict해 x_val의 행마다 예측을 하나씩 돌려주세요."
        if array.ndim == 0:
            return (
                f"예측이 숫자 하나뿐입니다(받은 값: {describe(predictions)}). "
                f"x_val의 행마다 하나씩, 모두 {len(x_val)}개의 예측을 배열로 돌려주세요."
            )
        return f"예측 배열의 모양은 {array.shape}입니다. x_val의 행마다 하나씩, 모두 {len(x_val)}개를 돌려주세요."
    if not np.isfinite(array).all():
        return "예측에 nan이나 inf가 있습니다. 입력을 표준화하지 않고 큰 학습률을 쓰면 학습이 발산합니다."
    baseline = float(np.abs(y_val - y_train.mean()).mean())
    mae = float(np.abs(y_val - array).mean())
    if array.min() >= 0.0 and array.max() <= 1.0:
        return (
            f"예측이 모두 0과 1 사이입니다(받은 값의 범위: {array.min():.3g}~{array.max():.3g}). 칼로리는 "
            f"{y_val.min():.0f}~{y_val.max():.0f} kcal 정도인데, 출력층에 sigmoid가 있으면 예측이 0~1을 벗어나지 못합니다. "
            "회귀의 출력층은 활성화 함수 없이(linear) 둡니다. y를 0~1로 바꿔 학습했다면 예측을 원래 단위로 되돌려 돌려주세요."
        )
    if np.ptp(array) < 1e-6:
        if abs(float(array[0]) - float(y_train.mean())) < 0.5:
            return (
                f"모든 시리얼에 같은 값을 예측했습니다(받은 값: {array[0]:.1f} kcal). 훈련 세트의 평균이므로, "
                "입력을 보지 않는 평균 예측 기준선과 같습니다."
            )
        return (
            f"모든 시리얼에 같은 값을 예측했습니다(받은 값: {array[0]:.1f} kcal). 모델이 입력을 쓰지 못합니다. 입력을 표준화했는지, "
            "ReLU가 모두 0을 내고 있지 않은지(학습률이 너무 큼) 보세요."
        )
    if mae > _BEAT_RATIO * baseline:
        return (
            f"검증 MAE는 {mae:.2f} kcal, 평균 예측 기준선은 {baseline:.2f} kcal입니다(기준선의 {mae / baseline:.0%}). "
            f"목표는 기준선의 {_BEAT_RATIO:.0%} 이하입니다. 입력 네 열을 모두 썼는지, 입력을 표준화하고 충분히 학습했는지 보세요."
        )
    if seconds > _RECHECK_SECONDS:
        return None  # 오래 걸리는 함수는 학습하고 있다. 다시 부르지 않는다(아래 _RECHECK_SECONDS)
    return _learns_from_targets(fit_and_predict, array)


_SHIFT = 100.0  # 함수가 y_train에서 배우는지 보려고 y_train에 더하는 값(kcal)
# 첫 호출이 이보다 오래 걸렸으면 두 번째 호출은 하지 않는다. 정해진 식은 밀리초 안에 끝나고, 몇 초씩 걸리는 함수는
# 실제로 학습(Keras의 fit 등)하고 있다. 학습하는 함수를 두 번 부르면 채점 시간이 두 배가 되므로(Keras 모델 하나에 몇 초) 빠른 함수만 다시 부른다.
_RECHECK_SECONDS = 2.0


def _learns_from_targets(fit_and_predict: Any, predictions: np.ndarray) -> str | None:
    """y_train을 모두 100 kcal 올려서 한 번 더 부른다. 예측이 거의 그대로이면 y_train에서 배우지 않은 함수다.

    선형 회귀, Ridge, KNN, 랜덤 포레스트는 예측이 정확히 100 오르고, Keras 모델도 크게 오른다.
    정해진 식(예: 지방 × 9 + 탄수화물 × 4 + …)으로 계산하는 함수는 예측이 바뀌지 않는다."""
    x_train, y_train, x_val, _ = _cereal_split()
    with contextlib.redirect_stdout(io.StringIO()):  # 두 번째 호출에서 찍은 글은 다시 보여 주지 않는다
        shifted = call(fit_and_predict, x_train, y_train + np.float32(_SHIFT), x_val)
    again = as_array(shifted)
    if again is None or again.size != predictions.size:
        return None  # 첫 호출과 다른 종류의 값: 학습 여부를 여기서 판단하지 않는다
    rise = float(np.mean(again.reshape(-1) - predictions))
    if abs(rise) < 0.1 * _SHIFT:
        return (
            f"훈련 세트의 칼로리(y_train)를 모두 {_SHIFT:.0f} kcal 올려서 함수를 다시 불렀는데 x_val의 예측은 "
            f"거의 그대로입니다(평균 변화: {rise:+.2g} kcal). 함수가 y_train에서 배우지 않고 정해진 식으로 예측하는 것 같습니다. "
            "이 문제는 훈련 세트(x_train, y_train)로 모델을 학습해 그 모델로 x_val을 예측하는 것입니다."
        )
    return None


def _fit_linear(x_train, y_train, x_val):
    from sklearn.linear_model import LinearRegression

    return LinearRegression().fit(x_train, y_train).predict(x_val)


def _fit_keras(x_train, y_train, x_val):
    import keras

    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    keras.utils.set_random_seed(0)
    start = keras.initializers.Constant(float(y_train.mean()))  # 출력의 편향을 평균에서 시작(7절)
    model = keras.Sequential([keras.Input(shape=(x_train.shape[1],)), keras.layers.Dense(1, bias_initializer=start)])
    model.compile(optimizer=keras.optimizers.Adam(0.1), loss="mse")
    model.fit((x_train - mean) / std, y_train, epochs=100, batch_size=len(x_train), verbose=0)
    return model.predict((x_val - mean) / std, verbose=0)


def _fit_pipeline(x_train, y_train, x_val):
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(x_train, y_train)
    return model.predict(x_val).tolist()


def _fit_normal_equation(x_train, y_train, x_val):
    A = np.c_[x_train, np.ones(len(x_train))]
    coef, *_ = np.linalg.lstsq(A, y_train, rcond=None)
    return (np.c_[x_val, np.ones(len(x_val))] @ coef).reshape(-1, 1)


def _fit_prints(x_train, y_train, x_val):
    print(_fit_linear(x_train, y_train, x_val))  # 돌려주지 않고 화면에만 보여 준다


def _fit_returns_model(x_train, y_train, x_val):
    from sklearn.linear_model import LinearRegression

    return LinearRegression().fit(x_train, y_train)


def _fit_in_place(x_train, y_train, x_val):
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    x_train -= mean  # 받은 x_train을 제자리에서 바꾼다
    x_train /= std
    return _fit_linear(x_train, y_train, (x_val - mean) / std)


code2 = CodeExercise(
    "평균 예측 기준선을 이기는 칼로리 모델",
    _check_fit_and_predict,
    hint=(
        "fit_and_predict(x_train, y_train, x_val)은 훈련 세트로 모델을 학습하고 x_val의 칼로리 예측을 돌려줍니다(print가 아니라 return).\n"
        "입력은 지방·탄수화물·당류·단백질 네 열입니다. 6.2절의 선형 회귀나 표준화 + Dense(1) 뉴런으로 충분합니다."
    ),
    solution=(
        "from sklearn.linear_model import LinearRegression\n\n"
        "def fit_and_predict(x_train, y_train, x_val):\n"
        "    model = LinearRegression().fit(x_train, y_train)\n"
        "    return model.predict(x_val)"
    ),
    correct=[_fit_linear, _fit_keras, _fit_pipeline, _fit_normal_equation],
    mistakes=[
        (lambda x_train, y_train, x_val: np.full(len(x_val), y_train.mean()), "평균 예측 기준선과 같습니다"),
        (lambda x_train, y_train, x_val: np.full(len(x_val), -6.3), "입력을 쓰지 못합니다"),
        (lambda x_train, y_train, x_val: _fit_linear(x_train, y_train, x_train), "x_train의 예측"),
        (lambda x_train, y_train, x_val: _fit_linear(x_train, y_train, x_val) * np.nan, "nan"),
        (lambda x_train, y_train, x_val: _fit_linear(x_train[:, 2:3], y_train, x_val[:, 2:3]), "기준선"),
        (_fit_prints, "print 대신"),
        (_fit_returns_model, "모델 자체"),
        (_fit_in_place, "받은 x_train 값을 제자리에서 바꿨습니다"),
        (lambda x_train, y_train, x_val: float(_fit_linear(x_train, y_train, x_val).mean()), "숫자 하나뿐"),
        (lambda x_train, y_train, x_val: [*_fit_linear(x_train, y_train, x_val)[:-1].tolist(), None], "None"),
    ],
    time_limit=120.0,
    slow_hint="에포크 수(epochs)를 줄이거나 배치 크기(batch_size)를 키워 보세요. 이 데이터는 작아서 몇 초면 충분합니다.",
)
