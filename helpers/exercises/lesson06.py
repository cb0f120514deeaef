"""06 폐암 수술 환자의 생존 예측: 기준선, 재현율, 파라미터 수, 클래스 가중치."""

from __future__ import annotations

from typing import Any

from helpers.exercises.core import Exercise, close
from helpers.exercises.core import as_number as _number

# 문제에서 "소수 셋째 자리까지"를 요구하므로, 셋째 자리에서 반올림한 답까지 받는다.
_TOL = 6e-4
# 정답에서 이만큼 안쪽인데 _TOL보다 멀면 "반올림이 거칠다" 고 알려 준다.
_NEAR = 0.05


def _integer(answer: Any) -> int | None:
    """답이 정수(또는 정수 값의 실수)이면 int, 아니면 None."""
    value = _number(answer)
    if value is None or value != int(value):
        return None
    return int(value)


def _near_miss(value: float, expected: float) -> str | None:
    """정답에 가깝지만 허용 오차 밖이면 자릿수 안내, 아니면 None."""
    if abs(value - expected) <= _NEAR and not close(value, expected, tol=_TOL):
        return (
            f"거의 맞았습니다(받은 값: {value}). 반올림이 너무 거칠거나 어림한 값 같습니다. "
            "소수 셋째 자리까지 적거나 계산식을 그대로 적으세요."
        )
    return None


# ---------------------------------------------------------------- q1 기준선 정확도

# 문제의 다른 병원: 환자 250명, 사망 30명, 생존 220명
_N1, _DEAD1 = 250, 30
_ALIVE1 = _N1 - _DEAD1


def _check_baseline(answer: Any) -> str | None:
    value = _number(answer)
    expected = _ALIVE1 / _N1
    if value is None:
        return f"정확도는 0과 1 사이의 숫자로 적으세요(받은 값: {answer!r}). 예: 220 / 250"
    if close(value, 100 * expected, tol=1.5e-3):
        return "백분율(%)이 아니라 0~1 사이의 비율로 적으세요: 88% → 0.88"
    if close(value, _DEAD1 / _N1, tol=_TOL):
        return "그것은 사망한 환자의 비율입니다. '모두 생존'이라고 답하면 맞히는 환자는 생존한 220명입니다."
    if close(value, 0.5, tol=1e-3):
        return "클래스가 두 개라고 기준선이 50%인 것은 아닙니다. 두 클래스의 크기가 다릅니다(220 대 30)."
    if close(value, _ALIVE1 / _DEAD1, tol=_TOL):
        return "220 / 30은 생존자와 사망자 수의 비입니다. 맞힌 환자 수를 전체 환자 수로 나누세요."
    if close(value, _DEAD1 / _ALIVE1, tol=_TOL):
        return "30 / 220은 사망자와 생존자 수의 비입니다. 맞힌 환자 수를 전체 환자 수로 나누세요."
    if close(value, 1.0, tol=1e-6):
        return "모두 생존이라고 답하면 사망한 30명은 모두 틀립니다."
    near = _near_miss(value, expected)
    if near is not None:
        return near
    if not close(value, expected, tol=_TOL):
        return f"{value}가 아닙니다. (맞힌 환자 수) / (전체 환자 수)를 계산해 보세요."
    return None


q1 = Exercise(
    "다른 병원의 '모두 생존' 기준선 정확도",
    _check_baseline,
    hint=(
        "모델이 250명 모두에게 '생존(0)'이라고 답한다고 해 보세요. "
        "살아남은 환자는 몇 명이고, 그중 몇 명을 맞히나요? 정확도 = 맞힌 수 / 전체 수."
    ),
    solution=(
        "answer_q1 = (250 - 30) / 250   # 0.88 — 생존한 220명만 맞힌다.\n"
        "이 병원에서 정확도 0.88보다 낮은 모델은 '모두 생존' 보다도 못합니다."
    ),
    correct=[220 / 250, 0.88, 0.880],
    wrong=[88, 88.0, 30 / 250, 0.5, 220 / 30, 30 / 220, 1.0, 0.9, 0.7, "0.88"],
)


# ---------------------------------------------------------------- q2 재현율

# 문제에 주는 혼동 행렬: 실제 생존 80명(TN 60, FP 20), 실제 사망 14명(FN 6, TP 8)
_TN, _FP, _FN, _TP = 60, 20, 6, 8


def _check_recall(answer: Any) -> str | None:
    value = _number(answer)
    expected = _TP / (_TP + _FN)
    if value is None:
        return f"재현율은 0과 1 사이의 숫자로 적으세요(받은 값: {answer!r}). 예: 8 / (8 + 6)"
    if close(value, _TP / (_TP + _FP), tol=_TOL):
        return "그것은 정밀도(precision) TP / (TP + FP)입니다. 재현율은 실제로 사망한 환자 가운데 몇 명을 찾았는가입니다."
    if close(value, (_TP + _TN) / (_TN + _FP + _FN + _TP), tol=_TOL):
        return "그것은 정확도(accuracy)입니다. 재현율은 실제 사망자(TP + FN)만 봅니다."
    if close(value, _TN / (_TN + _FP), tol=_TOL):
        return "그것은 생존자를 맞힌 비율(특이도, specificity)입니다. 사망자 쪽을 계산하세요."
    if close(value, _FN / (_FN + _TP), tol=_TOL):
        return "그것은 놓친 사망자의 비율(1 − 재현율)입니다. 찾아낸 사망자의 비율을 구하세요."
    if close(value, 100 * expected, tol=1.5e-3):
        return "백분율(%)이 아니라 0~1 사이의 비율로 적으세요: 57.1% → 0.571"
    near = _near_miss(value, expected)
    if near is not None:
        return near
    if not close(value, expected, tol=_TOL):
        return f"{value}가 아닙니다. 재현율 = TP / (TP + FN)입니다."
    return None


q2 = Exercise(
    "혼동 행렬에서 재현율 계산",
    _check_recall,
    hint="재현율(recall) = TP / (TP + FN): 실제로 사망한 14명 가운데 모델이 '사망'이라고 한 비율입니다.",
    solution="answer_q2 = 8 / (8 + 6)   # 0.571...",
    correct=[8 / 14, 0.571, 0.5714],
    wrong=[8 / 28, 68 / 94, 60 / 80, 6 / 14, 57.14, 57.1, 0.57, 0.6, 0.9, "0.571"],
)


# ---------------------------------------------------------------- q3 모델 전체의 파라미터 수

_IN, _H1, _H2 = 16, 64, 16


def _dense(n_in: int, n_out: int, bias: bool = True) -> int:
    return n_in * n_out + (n_out if bias else 0)


_PARAMS = _dense(_IN, _H1) + _dense(_H1, _H2) + _dense(_H2, 1)  # 2145


def _check_params(answer: Any) -> str | None:
    value = _integer(answer)
    if value is None:
        return f"파라미터 수는 정수로 적으세요(받은 값: {answer!r}). 예: (16 * 64 + 64) + …"
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
        return "그것은 첫 은닉층만의 수입니다. 둘째 은닉층과 출력층도 더하세요."
    if value == _dense(_IN, 100) + _dense(100, 40) + _dense(40, 1):
        return "그것은 이 노트북 모델(은닉층 100개, 40개)의 수입니다. 문제의 모델은 64개, 16개입니다."
    if value != _PARAMS:
        return (
            f"{value}가 아닙니다. 층마다 (입력 수 × 뉴런 수) + (뉴런 수)를 구해 세 층을 더하세요."
        )
    return None


q3 = Exercise(
    "더 작은 신경망의 전체 파라미터 수",
    _check_params,
    hint=(
        "Dense 층의 파라미터 = 가중치(입력 수 × 뉴런 수) + 편향(뉴런 수). "
        "입력은 'id'와 레이블을 뺀 16개이고, 층의 입력 수는 앞 층의 뉴런 수입니다: 16 → 64 → 16 → 1."
    ),
    solution=(
        "answer_q3 = (16 * 64 + 64) + (64 * 16 + 16) + (16 * 1 + 1)   # 1088 + 1040 + 17 = 2145\n"
        "확인: build_model처럼 만든 모델의 model.count_params()"
    ),
    correct=[2145, 2145.0],
    wrong=[2064, 2067, 2209, 2128, 1088, 5781, 2144, 2145.5, "2145"],
)


# ---------------------------------------------------------------- q4 클래스 가중치

# 문제의 훈련 세트: 환자 200명, 사망 25명, 생존 175명
_N4, _DEAD4 = 200, 25
_ALIVE4 = _N4 - _DEAD4


def _check_class_weight(answer: Any) -> str | None:
    value = _number(answer)
    expected = _N4 / (2 * _DEAD4)
    if value is None:
        return f"가중치는 숫자로 적으세요(받은 값: {answer!r}). 예: 200 / (2 * 25)"
    if close(value, _N4 / (2 * _ALIVE4), tol=_TOL):
        return "그것은 생존(0) 클래스의 가중치입니다. 사망(1) 클래스는 수가 적으므로 1보다 커야 합니다."
    if close(value, _ALIVE4 / _DEAD4, tol=_TOL):
        return "175 / 25(생존자 수 / 사망자 수)도 쓰이는 방법이지만, 문제의 공식은 n / (클래스 수 × n_사망)입니다."
    if close(value, _N4 / _DEAD4, tol=_TOL):
        return "클래스 수(2)로도 나누어야 합니다: n / (2 × n_사망)."
    if close(value, 2 * _DEAD4 / _N4, tol=_TOL):
        return "분수를 뒤집었습니다. n이 분자, 2 × n_사망 이 분모입니다."
    if close(value, 1 / _DEAD4, tol=_TOL) or close(value, _DEAD4 / _N4, tol=_TOL):
        return "사망자가 적을수록 가중치가 커져야 합니다. 분모에 사망자 수가 들어갑니다."
    near = _near_miss(value, expected)
    if near is not None:
        return near
    if not close(value, expected, tol=_TOL):
        return f"{value}가 아닙니다. n / (2 × n_사망) = 200 / (2 × 25)를 계산하세요."
    return None


q4 = Exercise(
    "'balanced' 클래스 가중치",
    _check_class_weight,
    hint=(
        "scikit-learn의 'balanced' 가중치는 w_c = n / (클래스 수 × n_c)입니다. "
        "n = 200(훈련 세트의 환자 수), 클래스 수 = 2, n_사망 = 25."
    ),
    solution=(
        "answer_q4 = 200 / (2 * 25)   # 4.0 — 사망 한 명이 손실에서 4명처럼 계산된다\n"
        "(생존 클래스는 200 / (2 * 175) = 0.571... 이고, 두 클래스의 가중치 합계가 100으로 같아진다)"
    ),
    correct=[200 / 50, 4, 4.0],
    wrong=[200 / 350, 175 / 25, 200 / 25, 50 / 200, 1 / 25, 25 / 200, 4.04, 3.96, "4"],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.

import numpy as np  # noqa: E402

from helpers.exercises.coding import CodeExercise, call, compare_with_reference, describe  # noqa: E402

_RNG = np.random.default_rng(20260306)
_LABELS = [
    (np.array([0, 0, 1, 1, 0, 1, 0, 0]), np.array([0, 1, 1, 0, 0, 1, 0, 1])),
    (_RNG.integers(0, 2, size=50), _RNG.integers(0, 2, size=50)),
    (np.array([0, 0, 0, 0]), np.array([0, 0, 0, 0])),  # 사망자도, 사망 예측도 없다
    (np.array([1, 1, 0]), np.array([0, 0, 1])),  # 모두 틀렸다
]


def _confusion(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[int, int, int, int]:
    tn = int(((y_true == 0) & (y_pred == 0)).sum())
    fp = int(((y_true == 0) & (y_pred == 1)).sum())
    fn = int(((y_true == 1) & (y_pred == 0)).sum())
    tp = int(((y_true == 1) & (y_pred == 1)).sum())
    return tn, fp, fn, tp


def _check_confusion(confusion_counts: Any) -> str | None:
    first = call(confusion_counts, *_LABELS[0])
    if hasattr(first, "shape") and getattr(first, "shape", None) == (2, 2):
        return "2×2 행렬이 아니라 네 개의 수 (TN, FP, FN, TP)를 이 순서로 돌려주세요(confusion_matrix(...).ravel()의 순서)."
    if first is None:
        return "함수가 아무 값도 돌려주지 않습니다. 마지막에 return tn, fp, fn, tp처럼 돌려주세요."
    if np.shape(first) != (4,):
        return f"네 개의 수 (TN, FP, FN, TP)를 return tn, fp, fn, tp처럼 돌려주세요(받은 값: {describe(first)})."
    def as_tuple(y_true, y_pred):
        counts = call(confusion_counts, y_true, y_pred)
        return tuple(counts) if isinstance(counts, np.ndarray) and counts.shape == (4,) else counts

    return compare_with_reference(
        as_tuple,
        _confusion,
        _LABELS,
        variants=[
            (lambda t, p: (lambda c: (c[0], c[2], c[1], c[3]))(_confusion(t, p)), "FP와 FN이 바뀌었습니다. FP는 실제 생존(0)인데 사망(1)으로 예측한 수, FN은 실제 사망(1)인데 생존(0)으로 예측한 수입니다."),
            (lambda t, p: (lambda c: (c[3], c[2], c[1], c[0]))(_confusion(t, p)), "양성과 음성이 바뀌었습니다. 이 강의는 사망(1)을 양성으로 봅니다: TP는 실제 1, 예측 1입니다."),
            (lambda t, p: (lambda c: (c[3], c[1], c[2], c[0]))(_confusion(t, p)), "TN과 TP의 자리가 바뀌었습니다. 순서는 (TN, FP, FN, TP)입니다."),
        ],
    )


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


code1 = CodeExercise(
    "혼동 행렬의 네 칸을 직접 세기",
    _check_confusion,
    hint=(
        "사망(1)이 양성입니다. TN: 실제 0·예측 0, FP: 실제 0·예측 1, FN: 실제 1·예측 0, TP: 실제 1·예측 1.\n"
        "((y_true == 0) & (y_pred == 1)).sum()처럼 조건 두 개를 &로 묶어 세고, return tn, fp, fn, tp."
    ),
    solution=(
        "def confusion_counts(y_true, y_pred):\n"
        "    tn = int(((y_true == 0) & (y_pred == 0)).sum())\n"
        "    fp = int(((y_true == 0) & (y_pred == 1)).sum())\n"
        "    fn = int(((y_true == 1) & (y_pred == 0)).sum())\n"
        "    tp = int(((y_true == 1) & (y_pred == 1)).sum())\n"
        "    return tn, fp, fn, tp"
    ),
    correct=[_confusion, _confusion_loop, lambda t, p: np.array(_confusion(t, p))],
    mistakes=[
        (lambda t, p: (lambda c: (c[0], c[2], c[1], c[3]))(_confusion(t, p)), "FP와 FN이 바뀌었습니다"),
        (lambda t, p: (lambda c: (c[3], c[2], c[1], c[0]))(_confusion(t, p)), "양성과 음성"),
        (lambda t, p: np.array(_confusion(t, p)).reshape(2, 2), "2×2 행렬이 아니라"),
        (lambda t, p: _confusion(t, p)[1:], "네 개의 수"),
    ],
)


_PROBA_CASES = [
    (np.array([1, 0, 1, 0, 1, 0, 0, 1, 0, 0]), np.array([0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.1, 0.05]), 0.75),
    (np.array([1, 1, 0, 0, 1]), np.array([0.3, 0.3, 0.3, 0.1, 0.2]), 0.5),  # 같은 확률(동점)이 있다
    (_RNG.integers(0, 2, size=40), _RNG.random(40), 0.9),
    (np.array([0, 1, 0, 1]), np.array([0.2, 0.6, 0.4, 0.9]), 1.0),
]


def _recall(y_true: np.ndarray, proba: np.ndarray, threshold: float) -> float:
    predicted = proba >= threshold
    return float((predicted & (y_true == 1)).sum() / max(1, (y_true == 1).sum()))


def _threshold_for_recall(y_true: np.ndarray, proba: np.ndarray, target: float) -> float:
    """재현율이 target 이상이 되는 가장 높은 임곗값(후보는 확률 값들)."""
    for threshold in sorted(set(proba.tolist()), reverse=True):
        if _recall(y_true, proba, threshold) >= target:
            return float(threshold)
    return float(proba.min())  # pragma: no cover - 가장 낮은 확률에서는 재현율이 1이다


def _check_threshold(threshold_for_recall: Any) -> str | None:
    def lowest(t, p, target):
        for threshold in sorted(set(p.tolist())):
            if _recall(t, p, threshold) >= target:
                return float(threshold)
        return float(p.min())

    def strict(t, p, target):
        for threshold in sorted(set(p.tolist()), reverse=True):
            if float(((p > threshold) & (t == 1)).sum() / max(1, (t == 1).sum())) >= target:
                return float(threshold)
        return float(p.min())

    def precision_based(t, p, target):
        for threshold in sorted(set(p.tolist()), reverse=True):
            predicted = p >= threshold
            if predicted.sum() and float((predicted & (t == 1)).sum() / predicted.sum()) >= target:
                return float(threshold)
        return float(p.min())

    return compare_with_reference(
        threshold_for_recall,
        _threshold_for_recall,
        _PROBA_CASES,
        variants=[
            (lowest, "조건을 만족하는 가장 낮은 임곗값을 골랐습니다. 재현율을 지키면서 거짓 양성을 줄이려면 가장 높은 임곗값을 고릅니다."),
            (strict, "확률이 임곗값과 같을 때 사망으로 예측하지 않았습니다. 이 강의는 proba >= 임곗값이면 1로 예측합니다."),
            (precision_based, "정밀도로 골랐습니다. 재현율 = TP / (TP + FN), 즉 실제 사망자 가운데 찾아낸 비율입니다."),
            (
                lambda t, p, target: _recall(t, p, _threshold_for_recall(t, p, target)),
                "임곗값이 아니라 그 임곗값의 재현율을 돌려줬습니다. 조건을 만족하는 임곗값 자체를 return하세요.",
            ),
        ],
    )


def _threshold_vectorised(y_true, proba, target):
    candidates = np.unique(proba)[::-1]
    recalls = [((proba >= c) & (y_true == 1)).sum() / (y_true == 1).sum() for c in candidates]
    return float(candidates[np.argmax(np.array(recalls) >= target)])


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
    correct=[_threshold_for_recall, _threshold_vectorised],
    mistakes=[
        (lambda t, p, target: min(x for x in set(p.tolist()) if _recall(t, p, x) >= target), "가장 낮은 임곗값"),
        (
            lambda t, p, target: next(
                (x for x in sorted(set(p.tolist()), reverse=True) if ((p > x) & (t == 1)).sum() / (t == 1).sum() >= target),
                float(p.min()),
            ),
            "같을 때",
        ),
        (lambda t, p, target: 0.5, "기대한 값"),
        (lambda t, p, target: _recall(t, p, _threshold_for_recall(t, p, target)), "재현율을 돌려줬습니다"),
    ],
)
