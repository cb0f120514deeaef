"""07 MNIST 손글씨 숫자 분류: 파라미터 수, 원-핫 인코딩, 합성곱 파라미터, 손실 함수 고르기, 기준선."""

from __future__ import annotations

import math
import numbers
from typing import Any

from helpers.exercises.core import Exercise


def _as_int(answer: Any) -> int | None:
    """정수(또는 NumPy 정수)이면 그 값, 아니면 None. bool과 실수는 받지 않는다."""
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        return None
    return int(answer)


# ---------------------------------------------------------------- q1: Dense 층의 파라미터 수


def _check_dense_params(answer: Any) -> str | None:
    n = _as_int(answer)
    if n is None:
        return f"파라미터 수는 정수로 적으세요(받은 값: {answer!r}). 예: 784 * 256 + 256"
    if n == 784 * 256:
        return "가중치 784×256개만 세었습니다. 출력 뉴런마다 하나씩 있는 편향(bias) 256개를 더하세요."
    if n == 784 * 256 + 784:
        return "편향은 입력마다가 아니라 출력 뉴런(256개)마다 하나씩 있습니다."
    if n == 401_920:
        return (
            "401,920은 노트북의 Dense(512) 은닉층입니다. 이 문제의 은닉층은 뉴런이 256개입니다."
        )
    if n == 784 * 256 + 256 + 256 * 10 + 10:
        return "은닉층과 출력층을 모두 더한 모델 전체의 수입니다. 은닉층 하나만 세어 보세요."
    if n in (256, 784, 784 + 256, 784 + 256 + 10):
        return (
            "뉴런 수가 아니라 연결(가중치)의 수를 세어야 합니다: 입력 784개 × 뉴런 256개 + 편향."
        )
    if n != 200_960:
        return f"{n}이 아닙니다. 가중치 행렬의 모양 (784, 256)과 편향 벡터의 모양 (256,)을 생각해 보세요."
    return None


q1 = Exercise(
    "784개 입력을 받는 은닉층 Dense(256)의 파라미터 수",
    _check_dense_params,
    hint=(
        "Dense 층의 파라미터 = (입력 수 × 뉴런 수) 개의 가중치 + 뉴런 수 개의 편향.\n"
        "입력은 28×28 = 784개, 뉴런은 256개입니다. 4.2절의 Dense(512) 계산과 같은 방법입니다."
    ),
    solution="answer_q1 = 784 * 256 + 256   # 200,960",
    correct=[200_960],
    wrong=[200_704, 201_488, 401_920, 203_530, 256, 1040, 200_960.0, "200960"],
)


# ---------------------------------------------------------------- q2: 원-핫 인코딩


def _check_one_hot(answer: Any) -> str | None:
    if isinstance(answer, str | bytes) or isinstance(answer, numbers.Number):
        return (
            "숫자 하나가 아니라 길이 10인 벡터(리스트나 배열)로 적으세요. "
            "예: keras.utils.to_categorical(3, num_classes=10)"
        )
    shape = getattr(answer, "shape", None)
    if isinstance(shape, tuple) and len(shape) > 1:
        return (
            f"모양이 {shape}인 {len(shape)}차원 배열입니다. 벡터 하나(1차원, 길이 10)로 적으세요. "
            "예: 배열[0] 또는 배열.ravel()"
        )
    try:
        values = [float(v) for v in list(answer)]
    except (TypeError, ValueError):
        return (
            "숫자 10개가 든 1차원 리스트로 적으세요(리스트 안에 리스트는 안 됩니다). "
            f"받은 값의 종류: {type(answer).__name__}"
        )
    if any(math.isnan(v) for v in values):
        return "값에 nan이 들어 있습니다. 0과 1 로만 적으세요."
    if len(values) != 10:
        return f"길이가 {len(values)}입니다. 숫자 0~9의 10개 클래스마다 한 칸씩, 길이 10이어야 합니다."
    if any(v not in (0.0, 1.0) for v in values) or sum(values) != 1.0:
        return "원-핫 벡터는 한 칸만 1이고 나머지는 모두 0입니다."
    position = values.index(1.0)
    if position == 2:
        return "1을 세 번째 칸(인덱스 2)에 넣었습니다. 인덱스는 0부터 세므로 숫자 3은 인덱스 3입니다."
    if position != 3:
        return f"1이 인덱스 {position}에 있습니다. 숫자 3의 1은 인덱스 3에 있어야 합니다."
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
    ],
)


# ---------------------------------------------------------------- q3: 합성곱 층의 파라미터 수


def _check_conv_params(answer: Any) -> str | None:
    n = _as_int(answer)
    if n is None:
        return f"파라미터 수는 정수로 적으세요(받은 값: {answer!r}). 예: 3 * 3 * 16 * 32 + 32"
    if n == 3 * 3 * 16 * 32:
        return "가중치만 세었습니다. 필터마다 편향이 하나씩 있으니 필터 수(32)를 더하세요."
    if n in (3 * 3 * 32 + 32, 3 * 3 * 32):
        return (
            "입력 채널 수를 빠뜨렸습니다. 필터 하나는 3×3 크기로 입력의 16개 채널을 모두 봅니다: "
            "3×3×16개의 가중치."
        )
    if n == 3 * 3 * 16 + 1:
        return "그것은 필터 하나의 파라미터 수입니다. 필터가 32개 있습니다."
    if n == 3 * 3 * 16 * 32 + 1:
        return "편향을 층 전체에 하나만 더했습니다. 편향은 필터(출력 채널)마다 하나씩, 모두 32개입니다."
    if n == 14 * 14 * 16 * 32 + 32:
        return "합성곱 필터는 위치마다 새로 만들지 않고 모든 위치에서 같은 가중치를 씁니다(가중치 공유)."
    if n != 4640:
        return f"{n}이 아닙니다. (필터 높이 × 너비 × 입력 채널 + 1) × 필터 수를 계산해 보세요."
    return None


q3 = Exercise(
    "Conv2D(32, 3×3) 층의 파라미터 수",
    _check_conv_params,
    hint=(
        "필터 하나의 가중치 = 높이 × 너비 × 입력 채널 수, 여기에 편향 1개.\n"
        "그런 필터가 32개 있습니다. 입력 그림의 가로·세로 크기는 파라미터 수와 상관이 없습니다."
    ),
    solution="answer_q3 = (3 * 3 * 16 + 1) * 32   # 4,640",
    correct=[4640],
    wrong=[4608, 4609, 320, 288, 145, 3_211_296, 4640.0, "4640"],
)


# ---------------------------------------------------------------- q4: 정수 레이블에 맞는 손실 함수

_LOSS_ALIASES = {"sparse_categorical_crossentropy", "sparsecategoricalcrossentropy"}


def _check_loss_name(answer: Any) -> str | None:
    if isinstance(answer, str):
        name = answer
    else:
        # keras.losses.sparse_categorical_crossentropy 같은 함수 자체를 넣은 경우에는 그 이름을 본다
        name = getattr(answer, "__name__", None)
        if not isinstance(name, str) or not callable(answer):
            return (
                "손실 함수의 이름을 따옴표로 감싼 문자열로 적으세요. 예: 'mse' "
                f"(받은 값의 종류: {type(answer).__name__})"
            )
    key = name.strip().lower().replace(" ", "_")
    if key.replace("_", "") in {alias.replace("_", "") for alias in _LOSS_ALIASES}:
        return None
    if key.replace("_", "") == "categoricalcrossentropy":
        return (
            "categorical_crossentropy는 원-핫 벡터 레이블을 기대합니다. "
            "정수 레이블(0~9)을 그대로 쓰려면 이름 앞에 무언가가 붙은 손실을 씁니다."
        )
    if key.replace("_", "") == "binarycrossentropy":
        return "binary_crossentropy는 클래스가 두 개(0/1)일 때 씁니다. 여기에는 클래스가 10개 있습니다."
    if key in {"mse", "mean_squared_error", "mae", "mean_absolute_error"}:
        return (
            "평균 제곱/절대 오차는 수치를 예측하는 회귀용입니다. 분류에는 교차 엔트로피를 씁니다."
        )
    return f"{name!r}은(는) 답이 아닙니다. 3.4절의 '희소(sparse)' 방식을 다시 읽어 보세요."


q4 = Exercise(
    "정수 레이블로 다중 분류할 때의 손실 함수",
    _check_loss_name,
    hint=(
        "원-핫으로 바꾸지 않은 정수 레이블 y_train(0~9)을 그대로 fit에 넣고 싶습니다.\n"
        "categorical_crossentropy와 같은 값을 계산하지만 정수 레이블을 받는 손실의 이름은?"
    ),
    solution=(
        'answer_q4 = "sparse_categorical_crossentropy"\n'
        '# model.compile(loss="sparse_categorical_crossentropy", ...) 후 fit(x, y_train) — 원-핫 불필요'
    ),
    correct=["sparse_categorical_crossentropy", "Sparse_Categorical_Crossentropy"],
    wrong=["categorical_crossentropy", "binary_crossentropy", "mse", "softmax", "sparse", 3],
)


# ---------------------------------------------------------------- q5: 다수 클래스 기준선


def _check_baseline(answer: Any) -> str | None:
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return f"정확도를 0과 1 사이의 실수로 적으세요(받은 값: {answer!r}). 예: 0.25"
    value = float(answer)
    if math.isnan(value):
        return "nan이 아니라 0과 1 사이의 실수로 적으세요."
    if math.isclose(value, 6742, abs_tol=0.5):
        return "6742는 개수입니다. 훈련 그림 60,000장으로 나눠 비율(정확도)로 적으세요."
    if math.isclose(value, 674_200 / 60_000, abs_tol=0.01):
        return "백분율(%)이 아니라 0과 1 사이의 비율로 적으세요."
    if math.isclose(value, 0.1, abs_tol=1e-4):
        return "0.1은 열 숫자가 똑같이 많다고 가정한 값입니다. 실제로 가장 많은 숫자의 비율을 세어 보세요."
    if math.isclose(value, 1135 / 10000, abs_tol=1e-4):
        return (
            "0.1135는 1.1절에서 본 테스트 세트의 값입니다. 이번에는 y_train으로 세어 보세요."
        )
    if math.isclose(value, 5421 / 60000, abs_tol=1e-4):
        return "그것은 가장 적은 숫자(5)의 비율입니다. 가장 많은 숫자를 찾으세요."
    if math.isclose(value, 6742 / 10000, abs_tol=1e-4):
        return "훈련 세트의 개수 6742를 테스트 그림 수 10,000으로 나눴습니다. 훈련 그림 수 60,000으로 나누세요."
    if not math.isclose(value, 6742 / 60000, abs_tol=1e-4):
        return f"{value}가 아닙니다. np.bincount(y_train).max() / len(y_train)을 계산해 보세요."
    return None


q5 = Exercise(
    "'가장 많은 숫자만 답하기' 기준선의 훈련 세트 정확도",
    _check_baseline,
    hint=(
        "어떤 그림이 와도 훈련 세트에서 가장 흔한 숫자 하나만 답하는 '모델'의 훈련 세트 정확도입니다.\n"
        "np.bincount(y_train)으로 숫자별 개수를 세어 보세요."
    ),
    solution=(
        "answer_q5 = np.bincount(y_train).max() / len(y_train)   # 숫자 1: 6,742 / 60,000 ≈ 0.1124"
    ),
    correct=[6742 / 60000, 0.11237],
    wrong=[0.1, 6742, 11.24, 0.1135, 5421 / 60000, 0.6742, 0.98, "0.1124"],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 함수·모델을 처음 보는 입력으로 실행해 채점한다.

import functools  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from helpers.exercises.coding import CodeExercise, as_array, call, changed_inputs, describe  # noqa: E402

_RNG = np.random.default_rng(20260307)
_IMAGES = [
    _RNG.integers(0, 256, size=(3, 28, 28), dtype=np.uint8),
    np.full((1, 28, 28), 255, dtype=np.uint8),
    np.zeros((2, 28, 28), dtype=np.uint8),
]


def _preprocess(images: np.ndarray) -> np.ndarray:
    return images.reshape(len(images), 28 * 28).astype("float32") / 255


def _check_preprocess(preprocess: Any) -> str | None:
    if changed_inputs(preprocess, _IMAGES[0]):
        return "입력으로 받은 그림 배열을 제자리에서 바꿨습니다. 새 배열을 만들어 돌려주세요."
    for images in _IMAGES:
        got = call(preprocess, images)
        want = _preprocess(images)
        array = as_array(got)
        if array is None:
            return f"숫자 배열을 돌려주세요(받은 값: {type(got).__name__})."
        if array.shape != want.shape:
            if array.size == want.size and array.shape == (28 * 28, len(images)):
                return "모양이 (784, 그림 수)입니다. 그림 하나가 한 행이 되도록 (그림 수, 784)로 펼치세요."
            return (
                f"그림 {len(images)}장에서 {array.shape} 모양이 나왔습니다. (그림 수, 784), 즉 "
                "images.reshape(len(images), 784)처럼 그림마다 한 행으로 펼치세요."
            )
        if np.isnan(array).any():
            return (
                "결과에 nan이 있습니다. 빈(모두 0인) 그림을 그 그림의 최댓값으로 나누면 0/0이 됩니다. "
                "그림마다의 최댓값이 아니라 255로 나누세요."
            )
        if np.asarray(got).dtype != np.float32:
            return f"자료형이 {np.asarray(got).dtype}입니다. 3.2절처럼 float32로 바꾸세요(메모리가 절반)."
        if array.min() < 0:
            return "음수가 있습니다. 평균을 빼는 표준화가 아니라 255로 나누기만 해서 0~1로 맞춥니다."
        if array.max() > 1.0 and np.allclose(array, np.round(array)):
            return "값이 0~255 그대로입니다. 255로 나눠 0~1로 맞추세요."
        if not np.allclose(array, want, atol=1e-6):
            if np.isin(array, [0.0, 1.0]).all():
                return (
                    "값이 0과 1뿐입니다. 정수 나눗셈(//)을 썼거나, 나눈 뒤 정수로 바꿨습니다(astype(uint8)). "
                    "실수로 바꾼 뒤 /로 나누세요."
                )
            return (
                f"값이 다릅니다. 첫 그림의 인덱스 14행 앞 6칸 {describe(images[0, 14, :6])}의 기댓값은 "
                f"{describe(want[0, 14 * 28 : 14 * 28 + 6])}, 받은 값은 {describe(array[0, 14 * 28 : 14 * 28 + 6])}입니다."
            )
    return None


code1 = CodeExercise(
    "MLP 입력으로 펼치고 0~1로 스케일하기",
    _check_preprocess,
    hint=(
        "(그림 수, 28, 28)의 uint8 배열을 (그림 수, 784)로 펼치고(reshape), float32로 바꾼 뒤 255로 나눕니다.\n"
        "그림 수는 len(images)로 알 수 있습니다(-1을 써도 됩니다)."
    ),
    solution=(
        "def preprocess(images):\n"
        '    return images.reshape(len(images), 784).astype("float32") / 255'
    ),
    correct=[_preprocess, lambda images: (images.reshape(-1, 784) / 255).astype(np.float32)],
    mistakes=[
        (lambda images: images.reshape(len(images), 784).astype("float32"), "0~255"),
        (lambda images: (images.reshape(len(images), 784) / 255), "float32"),
        (lambda images: images.reshape(784, len(images)).astype("float32") / 255, "(784, 그림 수)"),
        (lambda images: (images.reshape(len(images), 784) // 255).astype("float32"), "정수 나눗셈"),
        (lambda images: images.astype("float32") / 255, "그림마다 한 행"),
    ],
)


_BUDGET_PARAMS = 50_000  # MLP(407,050개)의 약 8분의 1
_TRAIN_N, _VAL_N, _EPOCHS = 6_000, 2_000, 3
# 예시 풀이(아래 _cnn_right)는 시드 0~7에서 검증 정확도 0.954~0.970(3에포크)이었다: 목표에 여유를 둔다.
_TARGET_ACC, _TIME_BUDGET = 0.94, 90.0


def _cnn_data() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    from helpers.data import load_mnist

    (x_train, y_train), _ = load_mnist()
    x = x_train[..., np.newaxis].astype("float32") / 255
    val = slice(len(x) - _VAL_N, len(x))  # 훈련 세트의 마지막 부분: 4.3절의 검증 세트와 같은 자리
    return x[:_TRAIN_N], y_train[:_TRAIN_N], x[val], y_train[val]


def _check_cnn(build_cnn: Any) -> str | None:
    import keras

    from helpers.exercises.lesson04 import _built_model, _loss_name, _output_activation

    keras.utils.set_random_seed(42)  # 같은 설계는 언제 채점해도 같은 초깃값과 같은 결과
    model, problem = _built_model(build_cnn)
    if problem:
        return problem.replace("keras.Input(shape=(특성 수,))", "keras.Input(shape=(28, 28, 1))")
    if tuple(model.input_shape[1:]) != (28, 28, 1):
        return f"입력 모양이 {model.input_shape[1:]}입니다. 그림을 펼치지 않고 (28, 28, 1)로 받으세요."
    if not any(isinstance(layer, keras.layers.Conv2D) for layer in model.layers):
        return "Conv2D 층이 없습니다. 이 문제는 합성곱 층이 있는 CNN을 만드는 것입니다(6.1절)."
    units, activation = _output_activation(model)
    if units == 1 and activation == "softmax":
        return "Dense(1, activation='softmax')는 늘 1.0을 냅니다. 출력층은 숫자 열 개의 확률을 내는 Dense(10, activation='softmax')입니다."
    if units != 10 or activation != "softmax":
        return f"출력층이 Dense({units}, {activation})입니다. 숫자 열 개의 확률을 내는 Dense(10, activation='softmax')로 끝내세요."
    params = model.count_params()
    if params >= _BUDGET_PARAMS:
        return (
            f"파라미터가 {params:,}개로 예산 {_BUDGET_PARAMS:,}개를 넘습니다. Flatten 앞에 MaxPooling2D를 두어 "
            "그림을 줄이거나, 필터 수나 Dense 층의 크기를 줄이세요."
        )
    loss = _loss_name(model.loss)
    x_fit, y_fit, x_val, y_val = _cnn_data()
    if loss == "sparse_categorical_crossentropy":
        fit_labels = y_fit
    elif loss == "categorical_crossentropy":
        fit_labels = keras.utils.to_categorical(y_fit, 10)
    else:
        return f"손실이 {loss}입니다. 숫자 열 개의 분류에는 categorical_crossentropy(원-핫) 또는 sparse_categorical_crossentropy(정수)입니다."
    start = time.perf_counter()
    try:
        model.fit(x_fit, fit_labels, epochs=_EPOCHS, batch_size=64, verbose=0)
    except Exception as err:
        return f"학습하다가 오류가 났습니다: {type(err).__name__}: {err}"
    seconds = time.perf_counter() - start
    accuracy = float((model.predict(x_val, verbose=0).argmax(axis=1) == y_val).mean())
    report = f"파라미터 {params:,}개, 학습 {seconds:.0f}초, 검증 정확도 {accuracy:.3f}"
    if seconds > _TIME_BUDGET:
        return f"{report}. 학습이 {_TIME_BUDGET:.0f}초를 넘었습니다. 필터 수를 줄이거나 풀링을 일찍 두세요."
    if accuracy < _TARGET_ACC:
        return f"{report}. 목표는 {_TARGET_ACC}입니다. 합성곱 층을 하나 더 두거나 옵티마이저를 Adam으로 바꿔 보세요."
    print(f"   {report}")
    return None


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


code2 = CodeExercise(
    f"파라미터 {_BUDGET_PARAMS:,}개 미만의 CNN으로 검증 정확도 {_TARGET_ACC} 넘기기",
    _check_cnn,
    hint=(
        "keras.Input(shape=(28, 28, 1)) → Conv2D(16, 3, relu) → MaxPooling2D → Conv2D(32, 3, relu) → MaxPooling2D\n"
        "→ Flatten → Dense(10, softmax) 정도면 예산 안입니다. compile에서 레이블 형식에 맞는 손실을 고르세요.\n"
        f"채점기는 훈련 그림 {_TRAIN_N:,}장으로 {_EPOCHS}에포크 학습하고, 훈련 세트 끝의 {_VAL_N:,}장으로 검증합니다."
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
        "    return model"
    ),
    correct=[_cnn_right, functools.partial(_cnn_right, separate_activation=True)],
    mistakes=[
        (_cnn_variant("no_pooling"), "예산"),
        (_cnn_variant("one_unit"), "늘 1.0"),
        (_cnn_variant("mse"), "손실이 mean_squared_error"),
        (_mlp_instead, "Conv2D 층이 없습니다"),
    ],
    time_limit=180.0,
)
