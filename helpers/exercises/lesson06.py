"""06 폐암 수술 환자의 생존 예측: 기준선, 재현율, 파라미터 수, 클래스 가중치."""

from __future__ import annotations

import math
from typing import Any

from helpers.exercises.core import Exercise, as_integer, as_number, exact

# 소수로 답하는 문제의 규칙(과정 전체): 문제가 "소수 셋째 자리까지"라고 하면(q1, q2) 정확한 값과의 차이가 셋째 자리의 반 단위
# (0.0005) 이하라는 뜻이다. 몇째 자리까지인지 말하지 않는 q4는 정확한 값(부동소수점 오차까지)만 맞다. 0.571, 0.5714, 8 / 14는 맞고, 셋째 자리를 잘못 반올림한 0.572(차이 0.00057)는 틀리다.
_HALF_UNIT = 5e-4 + 1e-12  # 1e-12: 0.5715처럼 딱 반 단위인 값이 부동소수점 오차로 떨어지지 않게


def _same(value: float, expected: float) -> bool:
    """소수 셋째 자리까지 같은 답인가(위의 규칙)."""
    return abs(value - expected) <= _HALF_UNIT


_exact = exact  # core.exact: 과정 전체가 같은 규칙


def _show(value: float) -> str:
    return f"{value:.6g}"


def _near_miss(value: float, expected: float) -> str | None:
    """정답을 너무 거칠게 반올림했거나 셋째 자리를 잘못 반올림한 값이면 그 안내, 아니면 None.

    정답 근처의 다른 값(예: 노트북 데이터의 기준선)은 '거의 맞았다'고 하지 않는다. 반올림으로 나올 수 있는 값만 본다."""
    if _same(value, expected):
        return None
    for digits in (1, 2):
        if abs(value - round(expected, digits)) < 1e-9:
            return (
                f"반올림이 너무 거칩니다(받은 값: {_show(value)}, 소수 {digits}자리). "
                "소수 셋째 자리까지 적거나 계산식을 그대로 적으세요."
            )
    if abs(value - expected) < 1e-3:
        return (
            f"거의 맞았지만 셋째 자리가 다릅니다(받은 값: {_show(value)}). 넷째 자리에서 반올림했는지 확인하거나 "
            "계산식을 그대로 적으세요."
        )
    return None


def _not_a_number(answer: Any, example: str) -> str:
    if isinstance(answer, str):
        return f"따옴표 없이 숫자나 계산식으로 적으세요(받은 값: {describe(answer)}). 예: {example}"
    return f"숫자 하나로 적으세요(받은 값: {describe(answer)}). 예: {example}"


# ---------------------------------------------------------------- q1 기준선 정확도

# 문제의 다른 병원: 환자 250명, 사망 30명, 생존 220명
_N1, _DEAD1 = 250, 30
_ALIVE1 = _N1 - _DEAD1
# 이 노트북 데이터의 '모두 생존' 기준선: 전체 400/470, 테스트 80/94(모두 0.851), 검증 65/76(0.855), 학습 부분 255/300(0.850)
_NOTEBOOK_BASELINES = (400 / 470, 80 / 94, 65 / 76, 255 / 300)


def _check_baseline(answer: Any) -> str | None:
    value = as_number(answer)
    expected = _ALIVE1 / _N1
    if value is None:
        return _not_a_number(answer, "answer_q1 = 3 / 4")
    if _same(value, expected):
        return None
    if abs(value - 100 * expected) <= 0.05:
        return "백분율(%)이 아니라 0~1 사이의 비율로 적으세요(88% → 0.88)."
    if any(_same(value, b) or abs(value - 100 * b) <= 0.05 for b in _NOTEBOOK_BASELINES):
        return (
            "그것은 이 노트북 데이터(환자 470명, 사망 70명)의 '모두 생존' 기준선입니다. "
            "문제는 다른 병원(환자 250명, 사망 30명)의 기준선을 묻습니다."
        )
    if _same(value, _DEAD1 / _N1):
        return "그것은 사망한 환자의 비율입니다. '모두 생존'이라고 답하면 맞히는 환자는 생존한 220명입니다."
    if _same(value, 0.5):
        return "클래스가 두 개라고 기준선이 50%인 것은 아닙니다. 두 클래스의 크기가 다릅니다(220 대 30)."
    if _same(value, _ALIVE1 / _DEAD1):
        return "220 / 30은 생존자와 사망자 수의 비입니다. 맞힌 환자 수를 전체 환자 수로 나누세요."
    if _same(value, _DEAD1 / _ALIVE1):
        return "30 / 220은 사망자와 생존자 수의 비입니다. 맞힌 환자 수를 전체 환자 수로 나누세요."
    if _same(value, 1.0):
        return "'모두 생존'이라고 답하면 사망한 30명의 답은 모두 틀립니다."
    near = _near_miss(value, expected)
    if near is not None:
        return near
    return f"정답이 아닙니다(받은 값: {_show(value)}). (맞힌 환자 수) / (전체 환자 수)를 계산해 보세요."


q1 = Exercise(
    "다른 병원의 '모두 생존' 기준선 정확도",
    _check_baseline,
    hint=(
        "모델이 250명 모두에게 '생존(0)'이라고 답한다고 해 보세요. "
        "살아남은 환자는 몇 명이고, 그중 몇 명을 맞히나요? 정확도 = 맞힌 수 / 전체 수."
    ),
    solution=(
        "# '모두 생존'이라고 답하면 생존한 250 - 30 = 220명만 맞힙니다.\n"
        "# 이 병원에서 정확도가 0.88보다 낮은 모델은 '모두 생존'보다도 못합니다.\n"
        "answer_q1 = (250 - 30) / 250   # 0.88"
    ),
    correct=[220 / 250, 0.88, 0.880, (250 - 30) / 250],
    wrong=[88, 88.0, 30 / 250, 0.5, 220 / 30, 30 / 220, 1.0, 0.9, 0.7, "0.88", 0.851, 400 / 470, 85.1, 0.87, 0.881],
)


# ---------------------------------------------------------------- q2 재현율

# 문제에 주는 혼동 행렬: 실제 생존 80명(TN 60, FP 20), 실제 사망 14명(FN 6, TP 8)
_TN, _FP, _FN, _TP = 60, 20, 6, 8


def _check_recall(answer: Any) -> str | None:
    value = as_number(answer)
    expected = _TP / (_TP + _FN)
    if value is None:
        return _not_a_number(answer, "answer_q2 = 1 / 3")
    if _same(value, expected):
        return None
    if _same(value, _TP / (_TP + _FP)):
        return "그것은 정밀도(precision) TP / (TP + FP)입니다. 재현율은 실제로 사망한 환자 가운데 찾아낸 환자의 비율입니다."
    if _same(value, (_TP + _TN) / (_TN + _FP + _FN + _TP)):
        return "그것은 정확도(accuracy)입니다. 재현율은 실제 사망자(TP + FN)만 봅니다."
    if _same(value, _TN / (_TN + _FP)):
        return "그것은 생존자를 맞힌 비율(특이도, specificity)입니다. 사망자 쪽을 계산하세요."
    if _same(value, _FN / (_FN + _TP)):
        return "그것은 놓친 사망자의 비율(1 − 재현율)입니다. 찾아낸 사망자의 비율을 구하세요."
    if _same(value, _TP / (_TN + _FP + _FN + _TP)):
        return "분모가 환자 전체(94명)입니다. 재현율의 분모는 실제로 사망한 환자 수(TP + FN)입니다."
    if abs(value - 100 * expected) <= 0.05:
        return "백분율(%)이 아니라 0~1 사이의 비율로 적으세요(50% → 0.5)."
    near = _near_miss(value, expected)
    if near is not None:
        return near
    return f"정답이 아닙니다(받은 값: {_show(value)}). 재현율 = TP / (TP + FN)입니다."


q2 = Exercise(
    "혼동 행렬에서 재현율 계산",
    _check_recall,
    hint="재현율(recall) = TP / (TP + FN): 실제로 사망한 14명 가운데 모델이 '사망'이라고 한 비율입니다.",
    solution=(
        "# 재현율 = TP / (TP + FN): 실제 사망자 8 + 6 = 14명 가운데 찾아낸 8명의 비율\n"
        "answer_q2 = 8 / (8 + 6)   # 0.571..."
    ),
    correct=[8 / 14, 0.571, 0.5714, 0.57143],
    wrong=[8 / 28, 68 / 94, 60 / 80, 6 / 14, 8 / 94, 57.14, 57.1, 0.57, 0.6, 0.572, 0.5709, 0.9, "0.571"],
)


# ---------------------------------------------------------------- q3 모델 전체의 파라미터 수

_IN, _H1, _H2 = 16, 64, 16


def _dense(n_in: int, n_out: int, bias: bool = True) -> int:
    return n_in * n_out + (n_out if bias else 0)


_PARAMS = _dense(_IN, _H1) + _dense(_H1, _H2) + _dense(_H2, 1)  # 2145


def _check_params(answer: Any) -> str | None:
    if isinstance(answer, str):
        return _not_a_number(answer, "answer_q3 = (16 * 64 + 64) + …")
    value = as_integer(answer)
    if value is None:
        return f"파라미터 수는 정수로 적으세요(받은 값: {describe(answer)}). 예: (16 * 64 + 64) + …"
    no_bias = _dense(_IN, _H1, False) + _dense(_H1, _H2, False) + _dense(_H2, 1, False)
    if value == no_bias:
        return "편향(bias)을 빠뜨렸습니다. 세 층 모두 뉴런마다 편향이 하나씩 있습니다."
    if value == no_bias + 3:
        return "편향은 층에 하나가 아니라 뉴런마다 하나입니다(64 + 16 + 1개)."
    if value == _dense(_IN + 1, _H1) + _dense(_H1, _H2) + _dense(_H2, 1):
        return "입력이 17개라면 그렇습니다. 하지만 행 번호 'id'를 빼면 입력 특성은 16개입니다."
    if value == _dense(_IN, _H1) + _dense(_H1, _H2):
        # 17 × 64 + 64 × 16 + 16('id' 포함, 편향 없음)도 우연히 같은 값이다.
        return (
            "출력층 Dense(1)의 파라미터(16 + 1개)를 빠뜨리지 않았나요? "
            "(또는 'id'까지 17개 입력으로 세고 편향을 빠뜨려도 우연히 이 값이 나옵니다.)"
        )
    if value == _dense(_IN, _H1):
        return "그것은 첫 은닉층의 파라미터 수뿐입니다. 둘째 은닉층과 출력층도 더하세요."
    if value == _dense(_IN, 100) + _dense(100, 40) + _dense(40, 1):
        return "그것은 이 노트북 모델(은닉층 뉴런 100개, 40개)의 파라미터 수입니다. 문제의 모델은 은닉층 뉴런이 64개, 16개입니다."
    if value != _PARAMS:
        return f"정답이 아닙니다(받은 값: {value}). 층마다 (입력 수 × 뉴런 수) + (뉴런 수)를 구해 세 층을 더하세요."
    return None


q3 = Exercise(
    "더 작은 신경망의 전체 파라미터 수",
    _check_params,
    hint=(
        "Dense 층의 파라미터 = 가중치(입력 수 × 뉴런 수) + 편향(뉴런 수). "
        "입력은 'id'와 레이블을 뺀 16개이고, 층의 입력 수는 앞 층의 뉴런 수입니다(16 → 64 → 16 → 1)."
    ),
    solution=(
        "# 층마다 (입력 수 × 뉴런 수) + 뉴런 수(편향). 입력은 'id'와 레이블을 뺀 16개.\n"
        "# 확인: build_model처럼 만든 모델의 model.count_params()\n"
        "answer_q3 = (16 * 64 + 64) + (64 * 16 + 16) + (16 * 1 + 1)   # 1088 + 1040 + 17 = 2145"
    ),
    correct=[2145, 2145.0, (16 * 64 + 64) + (64 * 16 + 16) + (16 * 1 + 1)],
    wrong=[2064, 2067, 2209, 2128, 1088, 5781, 2144, 2145.5, "2145", True],
)


# ---------------------------------------------------------------- q4 클래스 가중치

# 문제의 훈련 세트: 환자 200명, 사망 25명, 생존 175명
_N4, _DEAD4 = 200, 25
_ALIVE4 = _N4 - _DEAD4


def _check_class_weight(answer: Any) -> str | None:
    value = as_number(answer)
    expected = _N4 / (2 * _DEAD4)
    if value is None:
        return _not_a_number(answer, "answer_q4 = 10 / (2 * 4)")
    if _exact(value, expected):
        return None
    if _same(value, _N4 / (2 * _ALIVE4)):
        return "그것은 생존(0) 클래스의 가중치입니다. 사망(1) 클래스는 환자 수가 적으므로 가중치가 1보다 커야 합니다."
    if _same(value, _ALIVE4 / _DEAD4):
        return "175 / 25(생존자 수 / 사망자 수)도 쓰이는 방법이지만, 문제의 공식은 n / (클래스 수 × n_사망)입니다."
    if _same(value, _N4 / _DEAD4):
        return "클래스 수(2)로도 나누어야 합니다. 공식은 n / (2 × n_사망)입니다."
    if _same(value, 2 * _DEAD4 / _N4):
        return "분수를 뒤집었습니다. n이 분자, 2 × n_사망이 분모입니다."
    if _same(value, 1 / _DEAD4) or _same(value, _DEAD4 / _N4):
        return "사망자가 적을수록 가중치가 커져야 합니다. 분모에 사망자 수가 들어갑니다."
    if abs(value - expected) <= 0.01 * expected:
        return (
            f"거의 맞았지만 정확한 값이 아닙니다(받은 값: {_show(value)}). 이 문제는 소수 몇째 자리까지라는 말이 없는 "
            "계산 연습이라 정확한 값을 묻습니다. 계산식을 그대로 적거나 계산 결과를 그대로 넣으세요."
        )
    return (
        f"정답이 아닙니다(받은 값: {_show(value)}). 공식 w_c = n / (2 n_c)에서 n은 훈련 세트 전체의 환자 수, "
        "n_c는 가중치를 구하는 클래스(사망)의 환자 수입니다. 15절의 클래스 가중치 설명을 다시 보세요."
    )


q4 = Exercise(
    "'balanced' 클래스 가중치",
    _check_class_weight,
    hint=(
        "scikit-learn의 'balanced' 가중치는 w_c = n / (클래스 수 × n_c)입니다. "
        "n = 200(훈련 세트의 환자 수), 클래스 수 = 2, n_사망 = 25."
    ),
    solution=(
        "# 'balanced' 규칙 w_c = n / (클래스 수 × n_c): n = 200, 클래스 수 = 2, n_사망 = 25\n"
        "# 생존 클래스는 200 / (2 * 175) = 0.571...이고, 두 클래스의 가중치 합계(4.0 × 25, 0.571... × 175)가 100으로 같아집니다.\n"
        "answer_q4 = 200 / (2 * 25)   # 4.0 — 사망 한 명이 손실에서 4명처럼 계산됩니다"
    ),
    correct=[200 / 50, 4, 4.0, 400 / 100],
    # 4.0004: 전에는 맞다고 했지만 이 문제는 몇째 자리까지인지 말하지 않으므로 답은 정확히 4다(이슈 18, 세 번째 풀이).
    wrong=[200 / 350, 175 / 25, 200 / 25, 50 / 200, 1 / 25, 25 / 200, 4.04, 3.96, 4.001, "4", True, 4.0004, 4.01],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.
# 학습자 함수는 언제나 coding.call로 부른다. coding.call은 입력을 제자리에서 바꾸면 알리고, 라이브러리 오류는 한국어 설명을 먼저 보인다.

import numpy as np  # noqa: E402

from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    LearnerCodeError,
    call,
    describe,
    explain_error,
    is_text,
)
from helpers.korean import josa  # noqa: E402

# coding.explain_error가 모르는 scikit-learn 오류 → 이 수업의 말로 한 설명. (오류 문장의 조각, 설명)
_SKLEARN_ADVICE = (
    ("mix of binary and continuous",
     "정답 레이블(0/1)과 확률(0~1의 실수)을 함께 지표 함수에 넣었습니다. recall_score 같은 지표에는 "
     "확률이 아니라 0/1 예측(proba >= 임곗값)을 넣습니다."),
    ("mix of binary and multiclass",
     "지표 함수에 0/1이 아닌 값이 섞인 예측을 넣었습니다. 예측은 0 또는 1이어야 합니다."),
)  # fmt: skip


def _call(function: Any, *args: Any) -> Any:
    """coding.call과 같다(입력을 바꾸면 알리고, 오류는 한국어 설명을 먼저). scikit-learn 오류의 설명을 더한다."""
    try:
        return call(function, *args)
    except LearnerCodeError as err:
        cause = err.__cause__
        advice = next((a for piece, a in _SKLEARN_ADVICE if piece in str(cause)), None) if cause else None
        if advice is None or explain_error(cause):
            raise
        lines = str(err).split("\n")
        lines.insert(1, f"   {advice}")
        raise LearnerCodeError("\n".join(lines)) from cause

_RNG = np.random.default_rng(20260306)
_LABELS = [
    (np.array([0, 0, 1, 1, 0, 1, 0, 0]), np.array([0, 1, 1, 0, 0, 1, 0, 1])),
    (_RNG.integers(0, 2, size=50), _RNG.integers(0, 2, size=50)),
    (np.array([0, 0, 0, 0]), np.array([0, 0, 0, 0])),  # 사망자도, 사망 예측도 없다
    (np.array([1, 1, 0]), np.array([0, 0, 1])),  # 모두 틀렸다
    (np.array([1, 1, 1, 1, 1]), np.array([1, 0, 1, 1, 1])),  # 모두 사망: TN, FP는 0
]
_NAMES = ("tn", "fp", "fn", "tp")
_MEANING = {"tn": "실제 0·예측 0", "fp": "실제 0·예측 1", "fn": "실제 1·예측 0", "tp": "실제 1·예측 1"}


def _confusion(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[int, int, int, int]:
    tn = int(((y_true == 0) & (y_pred == 0)).sum())
    fp = int(((y_true == 0) & (y_pred == 1)).sum())
    fn = int(((y_true == 1) & (y_pred == 0)).sum())
    tp = int(((y_true == 1) & (y_pred == 1)).sum())
    return tn, fp, fn, tp


def _labels_text(y_true: np.ndarray, y_pred: np.ndarray) -> str:
    return f"y_true = {describe(y_true)}, y_pred = {describe(y_pred)}"


def _four_values(result: Any) -> tuple[Any, ...] | None:
    """돌려준 값이 값 네 개(튜플, 리스트, 길이 4인 1차원 배열)이면 그 튜플, 아니면 None."""
    if isinstance(result, np.ndarray):
        return tuple(result.tolist()) if result.shape == (4,) else None
    if isinstance(result, tuple | list) and len(result) == 4:
        return tuple(result)
    return None


def _shape_problem(result: Any, y_true: np.ndarray, y_pred: np.ndarray) -> str | None:
    """돌려준 값의 꼴이 (tn, fp, fn, tp)가 아니면 어떤 입력에서 무엇을 받았는지 알리는 안내."""
    where = f"입력 {_labels_text(y_true, y_pred)}에서"
    if result is None:
        return f"{where} 함수가 아무 값도 돌려주지 않았습니다. 마지막에 return tn, fp, fn, tp처럼 돌려주세요."
    if getattr(result, "shape", None) == (2, 2):
        return (
            "2×2 행렬이 아니라 네 개의 수 tn, fp, fn, tp를 이 순서로 돌려주세요(return tn, fp, fn, tp. "
            "confusion_matrix(...).ravel()과 같은 순서입니다)."
        )
    if _four_values(result) is not None:
        return None
    size = np.size(result) if isinstance(result, np.ndarray | tuple | list) else None
    if size == 1 and len(set(y_true.tolist()) | set(y_pred.tolist())) == 1:
        return (
            f"{where} 값 1개를 돌려줬습니다(받은 값: {describe(list(np.ravel(result)))}). 레이블에 한 클래스만 있으면 "
            "confusion_matrix는 1×1 행렬을 돌려줍니다. 이 문제는 confusion_matrix 없이 "
            "tn, fp, fn, tp를 직접 세어 네 값을 모두 돌려주는 연습입니다(없는 칸은 0)."
        )
    return f"{where} 받은 값이 네 개의 수가 아닙니다(받은 값: {describe(result)}). return tn, fp, fn, tp처럼 차례로 돌려주세요."


def _count_matches(got: Any, want: int) -> bool:
    value = as_number(got)
    return value is not None and value == want


_CONFUSION_MISTAKES = [
    (lambda c: (c[0], c[2], c[1], c[3]), "FP와 FN이 바뀌었습니다. FP는 실제 생존(0)인데 사망(1)으로 예측한 수, FN은 실제 사망(1)인데 생존(0)으로 예측한 수입니다."),
    (lambda c: (c[3], c[2], c[1], c[0]), "양성과 음성이 바뀌었습니다. 이 강의는 사망(1)을 양성으로 봅니다. TP는 실제 1, 예측 1입니다."),
    (lambda c: (c[3], c[1], c[2], c[0]), "TN과 TP의 자리가 바뀌었습니다. 순서는 (TN, FP, FN, TP)입니다."),
]  # fmt: skip


def _check_confusion(confusion_counts: Any) -> str | None:
    got_all = []
    for y_true, y_pred in _LABELS:
        result = _call(confusion_counts, y_true, y_pred)
        problem = _shape_problem(result, y_true, y_pred)
        if problem:
            return problem
        got_all.append(_four_values(result))
    want_all = [_confusion(*case) for case in _LABELS]

    def agrees(expected_all: list[tuple[int, ...]]) -> bool:
        return all(
            _count_matches(g, w) for got, want in zip(got_all, expected_all, strict=True) for g, w in zip(got, want, strict=True)
        )

    if agrees(want_all):
        return None
    for reorder, hint in _CONFUSION_MISTAKES:
        if agrees([reorder(want) for want in want_all]):
            return hint
    for (y_true, y_pred), got, want in zip(_LABELS, got_all, want_all, strict=True):
        wrong = [name for name, g, w in zip(_NAMES, got, want, strict=True) if not _count_matches(g, w)]
        if not wrong:
            continue
        name = wrong[0]
        index = _NAMES.index(name)
        others = f" 틀린 값은 모두 {len(wrong)}개입니다({', '.join(wrong)})." if len(wrong) > 1 else ""
        return (
            f"입력 {_labels_text(y_true, y_pred)}에서 {name}의 값이 다릅니다(받은 값: {describe(got[index])}, "
            f"기대한 값: {want[index]}).{others} {josa(name, '는')} {_MEANING[name]}인 환자 수입니다."
        )
    return None  # pragma: no cover - 위에서 모두 다루었다


def _confusion_loop(y_true, y_pred):
    tn = fp = fn = tp = 0
    for t, p in zip(y_true, y_pred, strict=True):
        if t == 1 and p == 1:
            tp += 1
        elif t == 1:
            fn += 1
        elif p == 1:
            fp += 1
        else:
            tn += 1
    return tn, fp, fn, tp


def _confusion_sklearn_labels(y_true, y_pred):
    from sklearn.metrics import confusion_matrix

    return tuple(confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel())


def _confusion_sklearn_no_labels(y_true, y_pred):
    from sklearn.metrics import confusion_matrix

    return tuple(confusion_matrix(y_true, y_pred).ravel())


def _confusion_arithmetic(y_true, y_pred):
    """곱과 합으로 세기: tp = Σ t·p, fp = Σ p − tp …"""
    tp = int((y_true * y_pred).sum())
    fp = int(y_pred.sum()) - tp
    fn = int(y_true.sum()) - tp
    tn = len(y_true) - tp - fp - fn
    return [tn, fp, fn, tp]


def _confusion_tn_forgets_fn(y_true, y_pred):
    """tn을 '전체 − tp'로 센 실수."""
    _, fp, fn, tp = _confusion(y_true, y_pred)
    return len(y_true) - tp, fp, fn, tp


code1 = CodeExercise(
    "혼동 행렬의 네 칸을 직접 세기",
    _check_confusion,
    hint=(
        "사망(1)이 양성입니다. TN: 실제 0·예측 0, FP: 실제 0·예측 1, FN: 실제 1·예측 0, TP: 실제 1·예측 1.\n"
        "((y_true == 0) & (y_pred == 1)).sum()처럼 조건 두 개를 &로 묶어 센 뒤 return tn, fp, fn, tp로 돌려주세요."
    ),
    solution=(
        "def confusion_counts(y_true, y_pred):\n"
        "    tn = int(((y_true == 0) & (y_pred == 0)).sum())\n"
        "    fp = int(((y_true == 0) & (y_pred == 1)).sum())\n"
        "    fn = int(((y_true == 1) & (y_pred == 0)).sum())\n"
        "    tp = int(((y_true == 1) & (y_pred == 1)).sum())\n"
        "    return tn, fp, fn, tp"
    ),
    correct=[
        _confusion,
        _confusion_loop,
        lambda t, p: np.array(_confusion(t, p)),
        _confusion_sklearn_labels,
        _confusion_arithmetic,
    ],
    mistakes=[
        (lambda t, p: (lambda c: (c[0], c[2], c[1], c[3]))(_confusion(t, p)), "FP와 FN이 바뀌었습니다"),
        (lambda t, p: (lambda c: (c[3], c[2], c[1], c[0]))(_confusion(t, p)), "양성과 음성"),
        (lambda t, p: np.array(_confusion(t, p)).reshape(2, 2), "2×2 행렬이 아니라"),
        (lambda t, p: _confusion(t, p)[1:], "네 개의 수가 아닙니다"),
        (_confusion_sklearn_no_labels, "y_true = [0, 0, 0, 0], y_pred = [0, 0, 0, 0]에서 값 1개"),
        (_confusion_tn_forgets_fn, "tn의 값이 다릅니다"),
        (lambda t, p: dict(zip(_NAMES, _confusion(t, p), strict=True)), "return tn, fp, fn, tp"),
    ],
)


# 재현율이 목표와 꼭 같아지는 경우(동점)는 목표가 1.0이나 0.5일 때만 둔다. 0.75 같은 목표는 재현율을
# (tp / n) / (양성 / n)처럼 계산하면 0.7499…가 되어, 맞는 풀이가 부동소수점 때문에 틀릴 수 있다.
_PROBA_CASES = [
    (np.array([1, 0, 1, 0, 1, 0, 0, 1, 0, 0]), np.array([0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.1, 0.05]), 0.7),
    (np.array([1, 1, 0, 0, 1]), np.array([0.3, 0.3, 0.3, 0.1, 0.2]), 0.5),  # 같은 확률(동점)이 있다
    (_RNG.integers(0, 2, size=40), _RNG.random(40), 0.9),
    (np.array([0, 1, 0, 1]), np.array([0.2, 0.6, 0.4, 0.9]), 1.0),
    (np.array([1, 0, 1, 0]), np.array([0.9, 0.8, 0.3, 0.2]), 0.5),  # 재현율이 목표와 꼭 같다(1/2)
    (np.array([0, 1, 1, 0, 1, 0]), np.array([0.95, 0.85, 0.5, 0.45, 0.35, 0.1]), 0.5),  # 가장 높은 확률을 받은 환자가 생존 환자다
    (np.array([0, 0, 1, 1, 1, 0]), np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.1]), 0.6),  # 재현율·정밀도·첫 사망자로 고른 답이 서로 다르다
    # 답이 가장 낮은 확률인 경우: 가장 낮은 후보까지 시도하지 않는 반복문을 잡는다.
    (np.array([0, 1, 0, 1, 1]), np.array([0.5, 0.2, 0.7, 0.9, 0.6]), 1.0),
    (np.array([1, 0, 1, 1, 0, 1]), np.array([0.9, 0.8, 0.1, 0.6, 0.3, 0.7]), 0.8),
    (np.array([1, 0, 1, 0, 1]), np.array([0.15, 0.6, 0.15, 0.15, 0.8]), 1.0),  # 가장 낮은 확률에 동점
    (np.array([1, 0, 1]), np.array([0.4, 0.4, 0.4]), 1.0),  # 후보가 하나뿐
    # 목표 재현율 0: 모든 후보가 재현율 >= 0을 만족하므로 정의대로 가장 높은 확률(여기서는 생존 환자의 확률)이 답이다.
    (np.array([0, 1, 0, 1, 1, 0]), np.array([0.9, 0.7, 0.8, 0.6, 0.3, 0.2]), 0.0),
    # 사망자 25명, 목표 재현율 0.28: 재현율 7/25는 부동소수점으로도 0.28과 꼭 같지만 0.28 × 25 = 7.000000000000001이다.
    # math.ceil(target * 사망자 수)로 몇 명째인지 정하는 풀이를 잡는다. 환자 수 32명은 (7/32) / (25/32)로 계산해도
    # 0.28 이상이 되도록 골랐다(위의 동점 주의).
    (
        np.array([1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1]),
        np.round(np.linspace(0.97, 0.04, 32), 2),
        0.28,
    ),
]
_ARGS = ("y_true", "proba", "target")


def _recall(y_true: np.ndarray, proba: np.ndarray, threshold: float) -> float:
    predicted = proba >= threshold
    return float((predicted & (y_true == 1)).sum() / max(1, (y_true == 1).sum()))


def _threshold_for_recall(y_true: np.ndarray, proba: np.ndarray, target: float) -> float:
    """재현율이 target 이상이 되는 가장 높은 임곗값(후보는 확률 값들)."""
    for threshold in sorted(set(proba.tolist()), reverse=True):
        if _recall(y_true, proba, threshold) >= target:
            return float(threshold)
    return float(proba.min())  # pragma: no cover - 가장 낮은 확률에서는 재현율이 1이다


class _AnyValue:
    """이 입력에서는 무엇을 돌려줘도 그 실수와 맞는다고 본다(그 실수의 반복문이 아무것도 고르지 못하는 경우)."""


_ANY = _AnyValue()


def _threshold_agrees(got: Any, want: Any) -> bool:
    if want is _ANY:
        return True
    value = as_number(got)
    return value is not None and abs(value - want) <= 1e-9


def _lowest(t, p, target):
    for threshold in sorted(set(p.tolist())):
        if _recall(t, p, threshold) >= target:
            return float(threshold)
    return float(p.min())  # pragma: no cover


def _strict_threshold(t, p, target):
    for threshold in sorted(set(p.tolist()), reverse=True):
        if float(((p > threshold) & (t == 1)).sum() / max(1, (t == 1).sum())) >= target:
            return float(threshold)
    return _ANY


def _strict_target(t, p, target):
    for threshold in sorted(set(p.tolist()), reverse=True):
        if _recall(t, p, threshold) > target:
            return float(threshold)
    return _ANY


def _precision_based(t, p, target):
    for threshold in sorted(set(p.tolist()), reverse=True):
        predicted = p >= threshold
        if predicted.sum() and float((predicted & (t == 1)).sum() / predicted.sum()) >= target:
            return float(threshold)
    return _ANY


def _first_positive(t, p, target):
    """재현율을 백분율로 계산해 0~1의 target과 비교하는 실수: 사망자가 처음 한 명 잡히는 임곗값(target 0이면 가장 높은 확률)."""
    for threshold in sorted(set(p.tolist()), reverse=True):
        if 100 * _recall(t, p, threshold) >= target:
            return float(threshold)
    return _ANY  # pragma: no cover - 사례마다 사망자가 있다


def _kth_positive(t, p, target):
    """사망자의 확률을 내림차순으로 정렬해 k = ceil(target × 사망자 수)번째를 고르는 풀이(issue 18 두 번째 학생)."""
    positives = np.sort(p[t == 1])[::-1]
    return float(positives[math.ceil(target * len(positives)) - 1])


def _skips_lowest(t, p, target):
    answer = _threshold_for_recall(t, p, target)
    return _ANY if answer == float(p.min()) else answer


_THRESHOLD_MISTAKES = [
    (_lowest, "조건을 만족하는 가장 낮은 임곗값을 골랐습니다. 재현율을 지키면서 거짓 양성을 줄이려면 가장 높은 임곗값을 고릅니다."),
    (_strict_threshold, "확률이 임곗값과 같을 때 사망으로 예측하지 않았습니다. 이 문제는 proba >= 임곗값이면 1로 예측합니다(후보 임곗값이 확률 그 자체이기 때문입니다)."),
    (_precision_based, "정밀도로 골랐습니다. 재현율 = TP / (TP + FN), 즉 실제 사망자 가운데 찾아낸 비율입니다."),
    (
        lambda t, p, target: _recall(t, p, _threshold_for_recall(t, p, target)),
        "임곗값이 아니라 그 임곗값의 재현율을 돌려줬습니다. 조건을 만족하는 임곗값 자체를 return하세요.",
    ),
    (_strict_target, "재현율이 목표와 꼭 같을 때도 조건을 만족합니다. 재현율 >= target으로 비교하세요."),
    (
        _kth_positive,
        "사망자의 확률을 정렬해 k = ceil(target × 사망자 수)번째를 고르는 방법은 두 입력에서 어긋납니다. "
        "target × 사망자 수에 부동소수점 오차가 붙으면 ceil이 하나 더 올라가고(0.28 × 25 = 7.000000000000001 → 8), "
        "target = 0이면 k = 0이라 [k - 1]이 가장 낮은 확률을 가리킵니다. 후보마다 재현율을 직접 계산해 target과 비교하세요.",
    ),
    (
        _first_positive,
        "목표와 상관없이 사망자가 처음 한 명 잡히는 임곗값을 돌려줍니다. 재현율은 0~1의 비율(백분율이 아님)이고 "
        "target과 같은 단위로 비교합니다.",
    ),
]  # fmt: skip


def _case_text(case: tuple[Any, ...]) -> str:
    return ", ".join(f"{name} = {describe(value)}" for name, value in zip(_ARGS, case, strict=True))


def _check_threshold(threshold_for_recall: Any) -> str | None:
    got_all = [_call(threshold_for_recall, *case) for case in _PROBA_CASES]
    want_all = [_threshold_for_recall(*case) for case in _PROBA_CASES]
    agree = [_threshold_agrees(g, w) for g, w in zip(got_all, want_all, strict=True)]
    if all(agree):
        return None
    if all(g is None for g in got_all):
        return "함수가 아무 값도 돌려주지 않습니다. 마지막에 return으로 찾은 임곗값을 돌려주세요."
    if any(is_text(g) for g in got_all):
        return "숫자가 아니라 문자열을 돌려줬습니다. str()이나 f-문자열 없이 임곗값을 그대로 return하세요."
    at_minimum = [w == float(case[1].min()) for case, w in zip(_PROBA_CASES, want_all, strict=True)]
    if all(ok for ok, low in zip(agree, at_minimum, strict=True) if not low):
        index = next(i for i, (ok, low) in enumerate(zip(agree, at_minimum, strict=True)) if low and not ok)
        return (
            f"가장 낮은 확률까지 내려가야 목표 재현율을 채우는 입력({_case_text(_PROBA_CASES[index])})에서 틀렸습니다"
            f"(받은 값: {describe(got_all[index])}). 가장 낮은 확률도 임곗값 후보입니다(그 임곗값이면 모든 환자를 사망으로 "
            "예측하므로 재현율이 1입니다). 반복이 마지막 후보까지 도는지 확인하세요."
        )
    if all(_threshold_agrees(g, float(case[1].max())) for g, case in zip(got_all, _PROBA_CASES, strict=True)):
        return (
            "목표 재현율과 상관없이 언제나 가장 높은 확률을 돌려줍니다. 첫 후보에서 조건이 늘 참이 되는지 보세요. "
            "재현율은 0~1의 비율(백분율이 아님)이고 target과 같은 단위로 비교합니다."
        )
    for mistake, hint in _THRESHOLD_MISTAKES:
        expected = [mistake(*case) for case in _PROBA_CASES]
        if all(_threshold_agrees(g, e) for g, e in zip(got_all, expected, strict=True)):
            return hint
    for case, got, want, ok in zip(_PROBA_CASES, got_all, want_all, agree, strict=True):
        if ok:
            continue
        where = f"입력 {_case_text(case)}에서"
        if got is None:
            return (
                f"{where} 아무 값도 돌려주지 않았습니다(None). 조건을 만족하는 후보를 찾으면 return하는지, "
                "반복이 끝난 뒤에도 돌려줄 값이 있는지 보세요."
            )
        if isinstance(got, list | tuple) and len(got) == 1:
            return (
                f"숫자 하나가 아니라 리스트를 돌려줬습니다(받은 값: {describe(got)}). "
                "대괄호로 감싸지 말고 임곗값 자체를 return하세요."
            )
        value = as_number(got)
        if value is None:
            return f"{where} 임곗값 하나(숫자)가 아닌 값을 돌려줬습니다(받은 값: {describe(got)})."
        if not np.isclose(value, case[1]).any():
            return (
                f"돌려준 임곗값 {josa(describe(got), '은')} proba에 있는 확률 값이 아닙니다({where} 받은 값). "
                "임곗값 후보는 proba에 있는 확률 값들 자체입니다. proba의 값을 높은 것부터 차례로 시도하세요."
            )
        note = ""
        if case[2] == 0:
            note = " target = 0이면 모든 후보가 조건(재현율 >= 0)을 만족하므로 가장 높은 후보가 답입니다."
        elif _recall(case[0], case[1], want) == case[2]:
            note = " 이번 입력에서는 재현율이 target과 꼭 같아지는 임곗값이 답입니다. 같을 때도 조건을 만족합니다."
            positives = int((case[0] == 1).sum())
            product = case[2] * positives
            if product != round(product):
                note += (
                    f" target × 사망자 수는 {case[2]:g} × {positives} = {product!r}처럼 부동소수점 오차가 붙으므로, "
                    "찾은 사망자 수를 target × 사망자 수와 비교하지 말고 재현율(TP / 사망자 수)을 target과 직접 비교하세요."
                )
        return (
            f"{where} 기대한 임곗값은 {describe(want)}, 받은 값은 {describe(got)}입니다. "
            "proba >= 임곗값으로 예측했을 때의 재현율을 후보마다 계산해 보세요." + note
        )
    return None  # pragma: no cover - 위에서 모두 다루었다


def _threshold_vectorised(y_true, proba, target):
    candidates = np.unique(proba)[::-1]
    recalls = [((proba >= c) & (y_true == 1)).sum() / (y_true == 1).sum() for c in candidates]
    return float(candidates[np.argmax(np.array(recalls) >= target)])


def _threshold_sorted_scan(y_true, proba, target):
    """확률을 내림차순으로 한 번 정렬하고 찾은 사망자를 누적해 세는 풀이(동점은 묶어서)."""
    order = np.argsort(-proba, kind="stable")
    found = np.cumsum(y_true[order] == 1) / (y_true == 1).sum()
    sorted_p = proba[order]
    for i in range(len(sorted_p)):
        last_of_tie = i == len(sorted_p) - 1 or sorted_p[i + 1] != sorted_p[i]
        if last_of_tie and found[i] >= target:
            return sorted_p[i]
    return None


def _threshold_skips_lowest(y_true, proba, target):
    """가장 낮은 후보를 시도하지 않는 반복문(issue 18): range(len(candidates) - 1)."""
    candidates = sorted(set(proba), reverse=True)
    for i in range(len(candidates) - 1):
        recall = ((proba >= candidates[i]) & (y_true == 1)).sum() / (y_true == 1).sum()
        if recall >= target:
            return candidates[i]


def _threshold_unique_slice(y_true, proba, target):
    """np.unique(proba)[:0:-1]: 내림차순으로 뒤집으면서 가장 낮은 값(0번)을 빠뜨린다. 못 찾으면 0.5."""
    for threshold in np.unique(proba)[:0:-1]:
        if ((proba >= threshold) & (y_true == 1)).sum() / (y_true == 1).sum() >= target:
            return threshold
    return 0.5


def _threshold_grid(y_true, proba, target):
    """확률 값 대신 0.01 간격의 격자를 훑는 풀이."""
    for threshold in np.arange(1.0, 0.0, -0.01):
        if ((proba >= threshold) & (y_true == 1)).sum() / (y_true == 1).sum() >= target:
            return float(threshold)
    return 0.0


def _threshold_recall_of_proba(y_true, proba, target):
    """recall_score에 0/1 예측 대신 확률을 그대로 넣은 실수."""
    from sklearn.metrics import recall_score

    for threshold in sorted(set(proba), reverse=True):
        if recall_score(y_true, proba) >= target:
            return threshold


def _threshold_sorts_in_place(y_true, proba, target):
    """proba.sort()로 입력을 제자리에서 정렬하는 실수(y_true와 짝도 어긋난다)."""
    proba.sort()
    for threshold in proba[::-1]:
        if ((proba >= threshold) & (y_true == 1)).sum() / (y_true == 1).sum() >= target:
            return threshold


code2 = CodeExercise(
    "원하는 재현율을 지키는 가장 높은 임곗값",
    _check_threshold,
    hint=(
        "임곗값 후보는 확률 값들입니다. 높은 것부터 차례로 proba >= 후보로 예측하고 재현율 = TP / (TP + FN)을 계산해\n"
        "처음으로 목표 이상이 되는 후보를 돌려주세요. 임곗값을 낮출수록 재현율은 오르고 거짓 양성도 늘어납니다(14절)."
    ),
    solution=(
        "def threshold_for_recall(y_true, proba, target):\n"
        "    for threshold in sorted(set(proba), reverse=True):\n"
        "        predicted = proba >= threshold\n"
        "        recall = (predicted & (y_true == 1)).sum() / (y_true == 1).sum()\n"
        "        if recall >= target:\n"
        "            return threshold"
    ),
    correct=[_threshold_for_recall, _threshold_vectorised, _threshold_sorted_scan],
    mistakes=[
        (lambda t, p, target: min(x for x in set(p.tolist()) if _recall(t, p, x) >= target), "가장 낮은 임곗값"),
        (
            lambda t, p, target: next(
                (x for x in sorted(set(p.tolist()), reverse=True) if ((p > x) & (t == 1)).sum() / (t == 1).sum() >= target),
                float(p.min()),
            ),
            "같을 때",
        ),
        (lambda t, p, target: 0.5, "확률 값이 아닙니다"),
        (lambda t, p, target: _recall(t, p, _threshold_for_recall(t, p, target)), "재현율을 돌려줬습니다"),
        (_threshold_skips_lowest, "가장 낮은 확률도 임곗값 후보"),
        (_threshold_unique_slice, "가장 낮은 확률도 임곗값 후보"),
        (_threshold_grid, "proba에 있는 확률 값이 아닙니다"),
        (_threshold_sorts_in_place, "제자리에서 바꿨습니다"),
        (_threshold_recall_of_proba, "0/1 예측(proba >= 임곗값)"),
        (
            lambda t, p, target: next(
                (x for x in sorted(set(p.tolist()), reverse=True) if _recall(t, p, x) > target), None
            ),
            "재현율 >= target",
        ),
    ],
)
