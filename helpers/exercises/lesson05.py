"""05 시리얼 칼로리 회귀: 결측값이 있는 행 빼기, 뉴런 하나의 예측, MAE 함수, 표준화."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises.core import Exercise, close
from helpers.exercises.core import as_number as _number

# ---------------------------------------------------------------------------
# q1. -1이 한 칸이라도 있는 행을 모두 빼면 몇 행이 남는가 (77 - 3 = 74)
# ---------------------------------------------------------------------------


def _check_rows_left(answer: Any) -> str | None:
    if isinstance(answer, str):
        return "따옴표 없이 숫자로 적으세요."
    if isinstance(answer, pd.DataFrame):
        return "표(DataFrame) 자체를 넘겼습니다. 남은 행의 수를 len(...)으로 세어 정수로 답하세요."
    if isinstance(answer, pd.Series):
        return (
            "행마다(또는 열마다)의 값이 담긴 Series가 나왔습니다. 한 번 더 합하거나(.sum()) "
            "len(...)으로 세어 숫자 하나로 만드세요."
        )
    value = _number(answer)
    if value is None or not value.is_integer():
        return f"행의 수는 정수입니다(받은 값: {answer!r}). 예: len(df[...])"
    count = int(value)
    if count == 77:
        return (
            "원본의 행 수 그대로입니다. df.dropna()나 df.isna()는 -1을 결측값으로 알아보지 못합니다. "
            "(df == -1)로 -1인 칸을 찾으세요."
        )
    if count == 76:
        return "당류(sugars)가 빈 한 행만 뺐습니다. 이번에는 모든 숫자 열을 봅니다(칼륨 potass도)."
    if count == 73:
        return (
            "-1인 칸의 수(4)를 뺐습니다. 한 행에 -1이 두 칸인 시리얼이 있으므로 "
            "칸이 아니라 행을 세어야 합니다."
        )
    if count in (3, 4):
        return f"{count}은(는) 빼는 쪽의 수입니다. 남는 행의 수를 답하세요."
    if count != 74:
        return (
            f"{count}은(는) 정답이 아닙니다. (df == -1).any(axis=1)로 -1이 있는 행을 찾고, "
            "그렇지 않은 행을 세어 보세요."
        )
    return None


q1 = Exercise(
    "-1이 한 칸이라도 있는 행을 모두 빼면 남는 행 수",
    _check_rows_left,
    hint=(
        "(df == -1)은 칸마다 참/거짓인 표입니다. .any(axis=1)은 행마다 '참인 칸이 하나라도 있는가'.\n"
        "그 반대(~)인 행만 골라 len(...)으로 세세요."
    ),
    solution=(
        "df = helpers.load_cereals()\n"
        "has_minus_one = (df.select_dtypes('number') == -1).any(axis=1)\n"
        "answer_q1 = int((~has_minus_one).sum())   # 77 - 3 = 74 (한 행에 -1이 두 칸인 시리얼이 있음)"
    ),
    correct=[74, 74.0, np.int64(74), np.float32(74.0)],
    wrong=[77, 76, 73, 3, 4, 74.5, "74", pd.Series([True, False]), pd.DataFrame({"a": [1]})],
)


# ---------------------------------------------------------------------------
# q2. 강의 노트의 뉴런(w = 2.5, b = 90)이 당류 10 g에 내는 예측
# ---------------------------------------------------------------------------


def _check_neuron(answer: Any) -> str | None:
    value = _number(answer)
    if value is None:
        return f"숫자로 답하세요(받은 값: {answer!r})."
    if close(value, 102.5):
        return "102.5는 당류 5 g일 때의 값입니다. 이번에는 10 g입니다."
    if close(value, 25.0):
        return "w × x만 계산했습니다. 편향 b = 90을 더해야 합니다."
    if close(value, 902.5):
        return "w와 b를 바꿨습니다. 기울기(가중치) w = 2.5를 x에 곱하고, b = 90을 더합니다."
    if close(value, 92.5):
        return "x를 곱하지 않았습니다: y = w × x + b에서 x = 10입니다."
    if not close(value, 115.0):
        return f"{value}은(는) 정답이 아닙니다. y = 2.5 × 10 + 90을 계산하세요."
    return None


q2 = Exercise(
    "강의 노트의 뉴런으로 칼로리 예측하기",
    _check_neuron,
    hint="뉴런 하나의 계산은 y = w × x + b입니다. w = 2.5, b = 90, x = 당류 10 g.",
    solution="answer_q2 = 2.5 * 10 + 90   # 115.0 kcal",
    correct=[115, 115.0, np.float64(115.0)],
    wrong=[102.5, 25, 902.5, 92.5, "115"],
)


# ---------------------------------------------------------------------------
# q3. MAE 함수 만들기
# ---------------------------------------------------------------------------

_TRUE = np.array([100.0, 110.0, 120.0, 90.0])
_PRED = np.array([110.0, 110.0, 100.0, 95.0])
_EXPECTED = float(np.mean(np.abs(_TRUE - _PRED)))  # 8.75


def _check_mae(answer: Any) -> str | None:
    if not callable(answer):
        return "함수를 넘기세요. 예: def mae(y_true, y_pred): ...  그다음 answer_q3 = mae"
    result = answer(_TRUE.copy(), _PRED.copy())
    value = _number(result)
    if value is None:
        return (
            f"함수가 숫자 하나를 돌려주어야 합니다(돌려준 값: {result!r}). "
            "return을 빠뜨리지 않았는지, 평균까지 구했는지 확인하세요."
        )
    errors = _TRUE - _PRED
    if close(value, float(np.mean(errors**2))):
        return "평균 제곱 오차(MSE)를 구했습니다. MAE는 제곱 대신 절댓값의 평균입니다."
    if close(value, float(np.sqrt(np.mean(errors**2)))):
        return "RMSE(평균 제곱근 오차)를 구했습니다. MAE는 절댓값의 평균입니다."
    if close(value, abs(float(np.mean(errors)))):
        return (
            "절댓값을 먼저 구하지 않아 + 와 − 오차가 서로 지워졌습니다. np.abs를 평균 전에 쓰세요."
        )
    if close(value, float(np.sum(np.abs(errors)))):
        return "절대 오차를 더하기만 했습니다. 개수로 나눈 평균을 구하세요(np.mean)."
    if not close(value, _EXPECTED):
        return f"예시 데이터에서 {value:.4g}가 나왔습니다. 기대한 값은 {_EXPECTED}입니다."
    return None


def _reference_mae(y_true: Any, y_pred: Any) -> float:
    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def _mse(y_true: Any, y_pred: Any) -> float:
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))


def _signed(y_true: Any, y_pred: Any) -> float:
    return float(np.mean(np.asarray(y_true) - np.asarray(y_pred)))


def _summed(y_true: Any, y_pred: Any) -> float:
    return float(np.sum(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def _no_return(y_true: Any, y_pred: Any) -> None:
    np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred)))


q3 = Exercise(
    "평균 절대 오차(MAE) 함수",
    _check_mae,
    hint=(
        "MAE = (1/n) Σ |실젯값 − 예측값|. NumPy로는 np.abs와 np.mean 두 함수면 됩니다.\n"
        "입력은 같은 길이의 NumPy 배열 두 개입니다."
    ),
    solution=(
        "def mae(y_true, y_pred):\n"
        "    return np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred)))\n\n"
        "answer_q3 = mae\n"
        "# 확인: scikit-learn의 mean_absolute_error(y_true, y_pred)와 같은 값"
    ),
    correct=[_reference_mae, lambda t, p: np.mean(np.abs(p - t))],
    wrong=[_mse, _signed, _summed, _no_return, 8.75],
)


# ---------------------------------------------------------------------------
# q4. 훈련 세트로 맞춘 표준화
# ---------------------------------------------------------------------------


def _check_scaled(answer: Any) -> str | None:
    value = _number(answer)
    if value is None:
        return f"숫자로 답하세요(받은 값: {answer!r})."
    if close(value, 1.2):
        return (
            "테스트 세트의 평균과 표준편차(9, 5)를 썼습니다. 그러면 테스트의 정보가 새어 들어가고(데이터 "
            "누수), 모델이 학습한 입력과 눈금도 달라집니다. 훈련 세트의 통계(7, 4)로 변환만 하세요."
        )
    if close(value, 1.5) or close(value, 1.6):
        return "훈련 세트와 테스트 세트의 통계를 섞었습니다. 평균과 표준편차 모두 훈련 세트의 값(7, 4)을 씁니다."
    if close(value, 8.0):
        return "평균을 빼기만 했습니다. 표준편차 4로 나누어야 합니다."
    if close(value, 3.75):
        return "표준편차로 나누기만 했습니다. 먼저 훈련 평균 7을 빼야 합니다."
    if close(value, -2.0):
        return "부호가 반대입니다. (x − 평균) / 표준편차 = (15 − 7) / 4입니다."
    if close(value, 0.5):
        return "분자와 분모를 바꿨습니다. (x − 평균) / 표준편차입니다."
    if not close(value, 2.0):
        return f"{value}은(는) 정답이 아닙니다. (15 − 7) / 4를 계산하세요."
    return None


q4 = Exercise(
    "훈련 세트의 평균과 표준편차로 표준화하기",
    _check_scaled,
    hint=(
        "표준화(standardization): z = (x − μ) / σ. μ 와 σ 는 훈련 세트에서 구한 값을\n"
        "검증·테스트 세트와 새 데이터에도 그대로 씁니다. 테스트 세트의 통계는 쓰지 않습니다."
    ),
    solution=(
        "answer_q4 = (15 - 7) / 4   # 2.0 → 훈련 평균보다 표준편차 두 배만큼 많다\n"
        "테스트 세트의 통계로 계산한 (15 - 9) / 5 = 1.2는 데이터 누수입니다."
    ),
    correct=[2, 2.0],
    wrong=[8, 3.75, -2.0, 0.5, 1.2, 1.5, 1.6, "2.0"],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수를 처음 보는 입력으로 실행해 채점한다.

from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    as_array,
    call,
    changed_inputs,
    compare_with_reference,
    returns_several,
)

_RNG = np.random.default_rng(20260305)
_SCALE_CASES = [
    (_RNG.normal([5.0, 100.0, -3.0], [2.0, 30.0, 0.5], size=(40, 3)), _RNG.normal([6.0, 90.0, -2.0], [2.0, 30.0, 0.5], size=(10, 3))),
    (_RNG.normal(50.0, 10.0, size=(8, 1)), _RNG.normal(80.0, 5.0, size=(3, 1))),  # 검증 세트의 평균이 훈련 세트와 크게 다르다
]


def _standardize(train: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, std = train.mean(axis=0), train.std(axis=0)
    return (train - mean) / std, (other - mean) / std


def _standardize_ddof1(train: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, std = train.mean(axis=0), train.std(axis=0, ddof=1)
    return (train - mean) / std, (other - mean) / std


def _check_standardize(standardize: Any) -> str | None:
    if changed_inputs(standardize, *_SCALE_CASES[0]):
        return "입력으로 받은 배열을 제자리에서 바꿨습니다(train -= …). 새 배열을 만들어 돌려주세요."
    problem = returns_several(call(standardize, *_SCALE_CASES[0]), ("train_scaled", "other_scaled"))
    if problem:
        return problem
    # pandas의 std(ddof=1)로 나눈 답도 맞는 답으로 받는다(표본 표준편차).
    if compare_with_reference(standardize, _standardize_ddof1, _SCALE_CASES, tol=1e-5) is None:
        return None

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

    return compare_with_reference(
        standardize,
        _standardize,
        _SCALE_CASES,
        tol=1e-5,
        variants=[
            (leaky, "훈련 세트와 다른 세트를 합쳐서 평균과 표준편차를 구했습니다(데이터 누수). 훈련 세트로만 구하세요."),
            (
                own_statistics,
                "다른 세트를 그 세트 자신의 평균과 표준편차로 바꿨습니다. 다른 세트에도 훈련 세트의 μ와 σ를 그대로 씁니다(transform만).",
            ),
            (by_variance, "분산으로 나눴습니다. 표준화는 표준편차(분산의 제곱근)로 나눕니다."),
            (whole_table, "표 전체의 평균 하나로 계산했습니다. 평균과 표준편차는 열(특성)마다 따로 구합니다: axis=0"),
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


code1 = CodeExercise(
    "훈련 세트의 통계로 표준화하는 함수",
    _check_standardize,
    hint=(
        "평균 μ와 표준편차 σ는 훈련 세트에서만, 열마다(axis=0) 구합니다.\n"
        "그 μ, σ로 훈련 세트와 다른 세트를 모두 (x - μ) / σ로 바꿔 return train_scaled, other_scaled."
    ),
    solution=(
        "def standardize(train, other):\n"
        "    mean, std = train.mean(axis=0), train.std(axis=0)\n"
        "    return (train - mean) / std, (other - mean) / std\n\n"
        "# scikit-learn으로는: scaler = StandardScaler().fit(train)\n"
        "#                   return scaler.transform(train), scaler.transform(other)"
    ),
    correct=[_standardize, _standardize_ddof1],
    mistakes=[
        (_standardize_leaky, "데이터 누수"),
        (lambda train, other: (_standardize(train, train)[0], _standardize(other, other)[0]), "자신의 평균과 표준편차"),
        (lambda train, other: ((train - train.mean(axis=0)) / train.var(axis=0), (other - train.mean(axis=0)) / train.var(axis=0)), "분산으로 나눴습니다"),
        (_standardize_in_place, "제자리에서 바꿨습니다"),
    ],
)


_ATWATER_FEATURES = ["fat", "carbo", "sugars", "protein"]


def _cereal_split() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """노트북과 다른 분할(random_state=7)로 나눈 시리얼 데이터. 입력은 지방·탄수화물·당류·단백질."""
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
    predictions = call(fit_and_predict, x_train, y_train, x_val)
    array = as_array(predictions)
    if array is None:
        return f"예측을 숫자 배열로 돌려주세요(받은 값: {type(predictions).__name__})."
    array = array.reshape(-1) if array.ndim == 2 and 1 in array.shape else array
    if array.shape != (len(x_val),):
        if array.shape == (len(x_train),):
            return "x_train에 대한 예측을 돌려줬습니다. x_val의 행마다 예측 하나씩, x_val에 대해 predict하세요."
        return f"예측이 {array.shape} 모양입니다. x_val의 행 수({len(x_val)})만큼 하나씩 돌려주세요."
    if not np.isfinite(array).all():
        return "예측에 nan이나 inf가 있습니다. 입력을 표준화하지 않고 큰 학습률을 쓰면 학습이 발산합니다."
    baseline = float(np.abs(y_val - y_train.mean()).mean())
    mae = float(np.abs(y_val - array).mean())
    if np.ptp(array) < 1e-6:
        if abs(float(array[0]) - float(y_train.mean())) < 0.5:
            return f"모든 시리얼에 훈련 세트의 평균({array[0]:.1f})을 예측했습니다. 입력을 보지 않는 평균 예측 기준선과 같습니다."
        return (
            f"모든 시리얼에 같은 값({array[0]:.1f})을 예측했습니다. 모델이 입력을 쓰지 못합니다: 입력을 표준화했는지, "
            "ReLU가 모두 0을 내고 있지 않은지(학습률이 너무 큼) 보세요."
        )
    if mae > _BEAT_RATIO * baseline:
        return (
            f"검증 MAE {mae:.2f} kcal로, 평균 예측 기준선 {baseline:.2f} kcal의 {mae / baseline:.0%}입니다. "
            f"{_BEAT_RATIO:.0%} 이하가 목표입니다. 입력을 표준화하고 충분히 학습했는지 보세요."
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


code2 = CodeExercise(
    "평균 예측 기준선을 이기는 칼로리 모델",
    _check_fit_and_predict,
    hint=(
        "fit_and_predict(x_train, y_train, x_val)는 훈련 세트로 모델을 학습하고 x_val의 칼로리 예측을 돌려줍니다.\n"
        "입력은 지방·탄수화물·당류·단백질 네 열입니다. 6.2절의 선형 회귀나 표준화 + Dense(1) 뉴런으로 충분합니다."
    ),
    solution=(
        "from sklearn.linear_model import LinearRegression\n\n"
        "def fit_and_predict(x_train, y_train, x_val):\n"
        "    model = LinearRegression().fit(x_train, y_train)\n"
        "    return model.predict(x_val)"
    ),
    correct=[_fit_linear, _fit_keras],
    mistakes=[
        (lambda x_train, y_train, x_val: np.full(len(x_val), y_train.mean()), "평균 예측 기준선과 같습니다"),
        (lambda x_train, y_train, x_val: np.full(len(x_val), -6.3), "입력을 쓰지 못합니다"),
        (lambda x_train, y_train, x_val: _fit_linear(x_train, y_train, x_train), "x_train에 대한 예측"),
        (lambda x_train, y_train, x_val: _fit_linear(x_train, y_train, x_val) * np.nan, "nan"),
        (lambda x_train, y_train, x_val: _fit_linear(x_train[:, 2:3], y_train, x_val[:, 2:3]), "기준선"),
    ],
    time_limit=120.0,
    slow_hint="에포크 수(epochs)를 줄이거나 배치 크기(batch_size)를 키워 보세요. 이 데이터는 작아서 몇 초면 충분합니다.",
)
