"""04 Keras Sequential 모델: 파라미터 수, 에포크당 스텝 수, 마지막 층과 손실 함수, tf.newaxis."""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

from helpers.exercises.core import Exercise


def _as_integer(answer: Any) -> int | None:
    """정수(또는 소수점 아래가 0인 실수)이면 int, 아니면 None. bool은 받지 않는다."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, Integral):
        return int(answer)
    if isinstance(answer, Real) and math.isfinite(float(answer)) and float(answer).is_integer():
        return int(answer)
    return None


# ---------------------------------------------------------------------------
# q1. 8 → 16 → 8 → 1 네트워크의 파라미터 수
# ---------------------------------------------------------------------------


def _check_params(answer: Any) -> str | None:
    if isinstance(answer, str):
        return "따옴표 없이 숫자로 적으세요. 예: answer_q1 = 100"
    number = _as_integer(answer)
    if number is None:
        return f"파라미터 수는 정수입니다(받은 값: {answer!r})."
    if number == 264:
        return "가중치만 세었습니다. 뉴런마다 편향(bias)이 하나씩 더 있습니다: 16 + 8 + 1개."
    if number in (25, 33):
        return "뉴런(또는 노드)의 개수를 세었습니다. 파라미터는 연결마다 있는 가중치와 뉴런마다 있는 편향입니다."
    if number in (144, 136, 9):
        return "한 층의 파라미터만 구했습니다. 세 Dense 층의 파라미터를 모두 더하세요."
    if number != 289:
        return (
            f"{number}은(는) 정답이 아닙니다. Dense 층 하나의 파라미터 = (입력 수 × 뉴런 수) + 뉴런 수를 "
            "층마다 구해 더하세요."
        )
    return None


q1 = Exercise(
    "8 → 16 → 8 → 1 네트워크의 파라미터 수",
    _check_params,
    hint=(
        "Dense 층의 파라미터 = 가중치(입력 수 × 뉴런 수) + 편향(뉴런 수).\n"
        "첫 층의 입력은 8개, 둘째 층의 입력은 첫 층의 뉴런 16개, 셋째 층의 입력은 8개입니다."
    ),
    solution=(
        "(8 × 16 + 16) + (16 × 8 + 8) + (8 × 1 + 1) = 144 + 136 + 9 = 289\n"
        "확인: keras.Sequential([keras.Input(shape=(8,)), layers.Dense(16), layers.Dense(8),\n"
        "                        layers.Dense(1)]).count_params()  # 289"
    ),
    correct=[289, 289.0],
    wrong=[264, 25, 33, 144, 290, "289", True],
)


# ---------------------------------------------------------------------------
# q2. validation_split이 있을 때 에포크당 스텝 수
# ---------------------------------------------------------------------------


def _check_steps(answer: Any) -> str | None:
    if isinstance(answer, str):
        return "따옴표 없이 숫자로 적으세요."
    if isinstance(answer, Real) and not isinstance(answer, bool) and not float(answer).is_integer():
        return "스텝 수는 정수입니다. 마지막 배치는 64개보다 적어도 한 스텝으로 셉니다(올림, math.ceil)."
    number = _as_integer(answer)
    if number is None:
        return f"스텝 수는 정수입니다(받은 값: {answer!r})."
    if number == 16:
        return (
            "1000개 전체로 계산했습니다. validation_split=0.2가 200개를 검증용으로 떼어 내므로 "
            "학습에 쓰는 것은 800개입니다."
        )
    if number == 12:
        return "내림을 했습니다. 남은 32개도 마지막 (작은) 배치로 한 번 학습하므로 올림입니다."
    if number in (4, 3):
        return "그것은 검증 세트(200개)의 배치 수입니다. 학습 스텝 수를 구하세요."
    if number != 13:
        return f"{number}은(는) 정답이 아닙니다. 학습에 쓰는 샘플 수 ÷ batch_size를 올림하세요."
    return None


q2 = Exercise(
    "validation_split이 있을 때 에포크당 스텝 수",
    _check_steps,
    hint=(
        "validation_split=0.2는 데이터의 마지막 20%를 검증용으로 떼어 냅니다.\n"
        "남은 샘플을 batch_size 개씩 나누면 몇 묶음인가요? 나머지도 한 묶음입니다."
    ),
    solution=(
        "학습 샘플 = 1000 × (1 − 0.2) = 800, 스텝 수 = ceil(800 / 64) = ceil(12.5) = 13\n"
        "확인: history = model.fit(..., batch_size=64, validation_split=0.2)\n"
        "      history.params['steps']  # 13"
    ),
    correct=[13, 13.0],
    wrong=[16, 12, 12.5, 4, 800, "13"],
)


# ---------------------------------------------------------------------------
# q3. 다중 레이블 분류의 마지막 층 활성화 함수와 손실 함수
# ---------------------------------------------------------------------------

_LOSS_NAMES = {
    "binary_crossentropy": "binary_crossentropy",
    "binarycrossentropy": "binary_crossentropy",
    "categorical_crossentropy": "categorical_crossentropy",
    "categoricalcrossentropy": "categorical_crossentropy",
    "sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
    "sparsecategoricalcrossentropy": "sparse_categorical_crossentropy",
    "mse": "mse",
    "mean_squared_error": "mse",
    "meansquarederror": "mse",
    "mae": "mae",
    "mean_absolute_error": "mae",
    "binary_focal_crossentropy": "binary_focal_crossentropy",
    "binaryfocalcrossentropy": "binary_focal_crossentropy",
}


def _normalise(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def _check_multilabel(answer: Any) -> str | None:
    if isinstance(answer, str) or not isinstance(answer, tuple | list) or len(answer) != 2:
        return "('활성화 함수', '손실 함수')처럼 문자열 두 개의 튜플로 답하세요."
    activation, loss = answer
    if not isinstance(activation, str) or not isinstance(loss, str):
        return "두 값 모두 문자열로 적으세요. 예: ('relu', 'mse')"
    activation = _normalise(activation)
    loss = _LOSS_NAMES.get(_normalise(loss), _LOSS_NAMES.get(_normalise(loss).replace("_", "")))
    if activation == "softmax":
        return (
            "softmax는 출력의 합을 1로 만들어 '하나만 고르는' 문제에 씁니다. 액션이면서 코미디인 "
            "영화라면 두 출력이 모두 1에 가까워야 하므로, 레이블마다 따로 0~1을 내는 함수가 필요합니다."
        )
    if activation in ("linear", "none", "relu"):
        return "출력이 레이블마다 '있을 확률'(0~1)이어야 합니다. 그런 범위를 만드는 활성화 함수는?"
    if activation != "sigmoid":
        return f"'{activation}'은(는) 마지막 층에 맞지 않습니다."
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        return (
            "범주형 교차 엔트로피는 클래스 하나만 정답인 경우에 씁니다. 레이블마다 독립인 "
            "예/아니오 문제이므로 이진 교차 엔트로피를 레이블마다 적용합니다."
        )
    if loss in ("mse", "mae"):
        return "회귀용 손실입니다. 레이블마다 예/아니오를 맞히는 분류이므로 교차 엔트로피 계열을 쓰세요."
    if loss == "binary_focal_crossentropy":
        return None  # 레이블마다 이진 손실: 드문 레이블에 무게를 두는 변형이라 이것도 맞다
    if loss != "binary_crossentropy":
        return "손실 함수 이름을 다시 확인하세요(Keras 이름으로: 'binary_crossentropy' 등)."
    return None


q3 = Exercise(
    "다중 레이블 분류의 마지막 층과 손실 함수",
    _check_multilabel,
    hint=(
        "영화 한 편이 '액션', '코미디', '로맨스', '공포' 가운데 여러 장르에 동시에 해당할 수 있습니다.\n"
        "출력 네 개가 서로 경쟁(합이 1)해야 할까요, 각자 따로 0~1이어야 할까요? 본문의 표를 보세요."
    ),
    solution=(
        "answer_q3 = ('sigmoid', 'binary_crossentropy')\n"
        "장르마다 독립된 예/아니오 → 마지막 층 Dense(4, activation='sigmoid'),\n"
        "손실은 장르마다 이진 교차 엔트로피를 계산해 평균합니다.\n"
        "('binary_focal_crossentropy'도 장르마다의 이진 손실이라 정답으로 칩니다. 드문 장르에\n"
        " 무게를 더 두는 변형이고, 보통은 'binary_crossentropy'에서 시작합니다.)"
    ),
    correct=[
        ("sigmoid", "binary_crossentropy"),
        ["Sigmoid", "BinaryCrossentropy"],
        ("sigmoid", "binary_focal_crossentropy"),
    ],
    wrong=[
        ("softmax", "categorical_crossentropy"),
        ("sigmoid", "categorical_crossentropy"),
        ("softmax", "binary_crossentropy"),
        ("linear", "mse"),
        ("sigmoid", "mse"),
        "sigmoid",
        ("sigmoid",),
    ],
)


# ---------------------------------------------------------------------------
# q4. t[tf.newaxis, 1, :]의 모양
# ---------------------------------------------------------------------------


def _as_shape(answer: Any) -> tuple[int, ...] | None:
    if isinstance(answer, str | bytes) or isinstance(answer, Real):
        return None
    try:
        items = list(answer)
    except TypeError:
        return None
    shape = []
    for item in items:
        number = _as_integer(item)
        if number is None:
            return None
        shape.append(number)
    return tuple(shape)


def _check_newaxis(answer: Any) -> str | None:
    shape = _as_shape(answer)
    if shape is None:
        return f"모양은 정수의 튜플로 적으세요(받은 값: {answer!r}). 예: (2, 3)"
    if shape == (3,):
        return (
            "tf.newaxis가 없을 때(t[1, :])의 모양입니다. "
            "tf.newaxis는 쓴 자리에 길이 1인 축을 하나 끼워 넣습니다."
        )
    if shape == (3, 1):
        return "새 축은 tf.newaxis를 쓴 자리에 생깁니다. 여기서는 맨 앞입니다."
    if shape in ((1, 2, 3), (2, 3), (1, 2)):
        return (
            "정수 인덱스 1은 그 축을 없애고 한 행만 남깁니다. "
            "tf.newaxis는 원래 축을 소비하지 않고 새 축만 더합니다."
        )
    if shape != (1, 3):
        return f"{shape}은(는) 정답이 아닙니다. t[tf.newaxis, 1, :].shape를 출력해 보세요."
    return None


q4 = Exercise(
    "t[tf.newaxis, 1, :]의 모양",
    _check_newaxis,
    hint=(
        "t의 모양은 (2, 3). 인덱스를 왼쪽부터 읽으세요: tf.newaxis는 길이 1인 새 축을 만들고,\n"
        "1은 t의 첫 번째 축(행)에서 1번 행만 고르며(그 축은 사라짐), : 는 열 3개를 모두 남깁니다."
    ),
    solution=(
        "answer_q4 = (1, 3)\n"
        "t[1, :]은 [4, 5, 6] (모양 (3,)), 맨 앞에 축을 더하면 [[4, 5, 6]] (모양 (1, 3)): 행 벡터."
    ),
    correct=[(1, 3), [1, 3]],
    wrong=[(3,), (3, 1), (1, 2, 3), (2, 3), "(1, 3)", 3],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 모델 함수를 불러 새 모델을 만들고 명세와 비교한다.
# (학습자의 모델 변수는 건드리지 않는다. TensorFlow는 채점할 때 불러온다.)

import numpy as np  # noqa: E402

from helpers.exercises.coding import CodeExercise, LearnerCodeError, call  # noqa: E402


def _loss_name(loss: Any) -> str | None:
    """compile에 넘긴 손실의 이름: 'binary_crossentropy', BinaryCrossentropy(), "BinaryCrossentropy"는 모두 같다."""
    import re

    if loss is None:
        return None
    if isinstance(loss, str):
        name = loss
    else:
        name = getattr(loss, "name", None) or getattr(loss, "__name__", None) or type(loss).__name__
    name = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()  # BinaryCrossentropy → binary_crossentropy
    aliases = {
        "mse": "mean_squared_error", "bce": "binary_crossentropy", "cce": "categorical_crossentropy",
        "binary_cross_entropy": "binary_crossentropy",
    }  # fmt: skip
    return aliases.get(name, name)


def _output_activation(model: Any) -> tuple[int | None, str]:
    """출력층의 (뉴런 수, 활성화 함수). Dense 뒤에 따로 둔 Activation 층도 본다."""
    import keras

    units, activation = None, "linear"
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            units, activation = layer.units, _activation(layer)
        elif isinstance(layer, keras.layers.Activation):
            activation = getattr(layer.activation, "__name__", str(layer.activation))
        elif isinstance(layer, keras.layers.Softmax):
            activation = "softmax"
    return units, activation


def _built_model(builder: Any, *args: Any) -> tuple[Any, str | None]:
    """학습자 함수로 모델을 새로 만든다. (모델, 문제)."""
    import keras

    if isinstance(builder, keras.Model):
        return None, "모델이 아니라 모델을 만드는 함수의 이름을 넘기세요(예: ex.code1.check(build_binary_model))."
    model = call(builder, *args)
    if model is None:
        return None, "함수가 아무 값도 돌려주지 않습니다. 마지막에 return model로 모델을 돌려주세요."
    if not isinstance(model, keras.Model):
        return None, f"함수가 Keras 모델이 아니라 {type(model).__name__}을(를) 돌려줍니다. return model을 확인하세요."
    if not model.built:
        return None, (
            "모델의 입력 모양이 정해지지 않아 파라미터 수를 셀 수 없습니다. "
            "Sequential의 맨 앞에 keras.Input(shape=(특성 수,))를 넣으세요."
        )
    if not getattr(model, "compiled", False):
        return None, "모델을 compile하지 않았습니다. 함수 안에서 model.compile(optimizer=…, loss=…, metrics=[…])을 부른 뒤 돌려주세요."
    return model, None


def _dense_layers(model: Any) -> list[Any]:
    import keras

    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def _activation(layer: Any) -> str:
    return getattr(layer.activation, "__name__", str(layer.activation))


def _check_binary_model(build_binary_model: Any) -> str | None:
    model, problem = _built_model(build_binary_model)
    if problem:
        return problem
    dense = _dense_layers(model)
    if not dense:
        return "Dense 층이 없습니다. keras.layers.Dense로 은닉층과 출력층을 쌓으세요."
    units, activation = _output_activation(model)
    if units == 1 and activation == "softmax":
        return "Dense(1, activation='softmax')는 입력과 상관없이 늘 1.0을 냅니다(8.2절). 출력 하나의 이진 분류는 sigmoid입니다."
    if units != 1 or activation != "sigmoid":
        return f"출력층이 Dense({units}, {activation})입니다. 이진 분류의 출력은 Dense(1, activation='sigmoid')입니다."
    loss = _loss_name(model.loss)
    if loss != "binary_crossentropy":
        note = "(5.1절: MSE는 시그모이드와 함께 쓰면 기울기가 작아집니다)" if loss == "mean_squared_error" else ""
        return f"손실이 {loss}입니다. 시그모이드 확률을 출력하는 이진 분류에는 loss='binary_crossentropy'가 맞습니다{note}."
    units = [layer.units for layer in dense]
    if model.count_params() != 25 or units != [4, 2, 1] or model.input_shape[-1] != 2:
        return (
            f"층의 크기가 명세와 다릅니다: 입력 {model.input_shape[-1]}개, Dense 층 {units}, 파라미터 {model.count_params()}개. "
            "명세는 2-4-2-1(파라미터 25개)입니다."
        )
    hidden = [_activation(layer) for layer in dense[:-1]]
    if any(name != "relu" for name in hidden):
        return f"은닉층의 활성화 함수가 {hidden}입니다. 명세는 relu입니다."
    probs = np.asarray(model(np.random.default_rng(0).normal(size=(3, 2)).astype("float32")))
    if probs.shape != (3, 1) or not ((probs > 0) & (probs < 1)).all():  # pragma: no cover - 위에서 막힌다
        return "출력이 (샘플 수, 1) 모양의 0~1 확률이 아닙니다."
    return None


def _binary_right():
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(4, activation="relu"),
            keras.layers.Dense(2, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def _binary_variant(*, last: str = "sigmoid", loss: str = "binary_crossentropy", with_input: bool = True, hidden: tuple[int, ...] = (4, 2)):
    def build():
        import keras

        layers = [keras.Input(shape=(2,))] if with_input else []
        layers += [keras.layers.Dense(n, activation="relu") for n in hidden]
        layers.append(keras.layers.Dense(1, activation=last))
        model = keras.Sequential(layers)
        model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
        return model

    return build


code1 = CodeExercise(
    "명세대로 이진 분류 모델 만들기 (2-4-2-1)",
    _check_binary_model,
    hint=(
        "keras.Sequential([keras.Input(shape=(2,)), Dense(4, relu), Dense(2, relu), Dense(1, ?)])로 쌓고\n"
        "compile에서 이진 분류에 맞는 손실을 고르세요. 출력층과 손실은 3.1절의 표를 보세요."
    ),
    solution=(
        "def build_binary_model():\n"
        "    model = keras.Sequential([\n"
        "        keras.Input(shape=(2,)),\n"
        '        keras.layers.Dense(4, activation="relu"),\n'
        '        keras.layers.Dense(2, activation="relu"),\n'
        '        keras.layers.Dense(1, activation="sigmoid"),\n'
        "    ])\n"
        '    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])\n'
        "    return model"
    ),
    correct=[_binary_right, _binary_variant(loss="BinaryCrossentropy")],
    mistakes=[
        (_binary_variant(last="softmax"), "늘 1.0"),
        (_binary_variant(loss="mse"), "binary_crossentropy"),
        (_binary_variant(with_input=False), "keras.Input"),
        (_binary_variant(hidden=(3, 2)), "2-4-2-1"),
    ],
    time_limit=30.0,
)


_SPECS = [(5, 4), (3, 2), (8, 10)]  # (특성 수, 클래스 수): 노트북의 동물 예제(2, 3)와 다른 크기


def _check_classifier(build_classifier: Any) -> str | None:
    for n_features, n_classes in _SPECS:
        model, problem = _built_model(build_classifier, n_features, n_classes)
        if problem:
            return problem
        dense = _dense_layers(model)
        if not dense:
            return "Dense 층이 없습니다. keras.layers.Dense로 은닉층과 출력층을 쌓으세요."
        last = dense[-1]
        if model.input_shape[-1] == n_classes and last.units == n_features and n_classes != n_features:
            return "n_features와 n_classes의 자리가 바뀌었습니다. 입력 모양에 n_features, 출력층의 뉴런 수에 n_classes를 씁니다."
        if model.input_shape[-1] != n_features or last.units != n_classes:
            return (
                f"build_classifier({n_features}, {n_classes})의 입력이 {model.input_shape[-1]}개, 출력이 {last.units}개입니다. "
                "숫자를 고정하지 말고 인수 n_features, n_classes를 쓰세요."
            )
        activation = _output_activation(model)[1]
        if activation != "softmax":
            return f"출력층의 활성화 함수가 {activation}입니다. 클래스마다 합이 1인 확률을 내려면 softmax입니다."
        loss = _loss_name(model.loss)
        if loss == "sparse_categorical_crossentropy":
            return "레이블이 원-핫 벡터이므로 손실은 categorical_crossentropy입니다(sparse_…는 정수 레이블용)."
        if loss != "categorical_crossentropy":
            return f"손실이 {loss}입니다. 원-핫 레이블의 다중 분류에는 categorical_crossentropy가 맞습니다."
        units = [layer.units for layer in dense]
        if units != [16, n_classes]:
            return f"Dense 층의 크기가 {units}입니다. 명세는 은닉층 Dense(16, relu) 하나와 출력층입니다."
        x = np.random.default_rng(1).normal(size=(4, n_features)).astype("float32")
        probs = np.asarray(model(x))
        if not np.allclose(probs.sum(axis=1), 1.0, atol=1e-5):  # pragma: no cover - softmax면 맞다
            return "출력의 합이 1이 아닙니다."
    return None


def _classifier_variant(*, last: str = "softmax", loss: str = "categorical_crossentropy", fixed: bool = False, units: int | None = None):
    def build(n_features, n_classes):
        import keras

        if fixed:
            n_features, n_classes = 2, 3
        model = keras.Sequential(
            [
                keras.Input(shape=(n_features,)),
                keras.layers.Dense(16, activation="relu"),
                keras.layers.Dense(units or n_classes, activation=last),
            ]
        )
        model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
        return model

    return build


def _classifier_swapped(n_features, n_classes):
    return _classifier_variant()(n_classes, n_features)


code2 = CodeExercise(
    "특성 수와 클래스 수를 받아 다중 분류 모델 만들기",
    _check_classifier,
    hint=(
        "입력 keras.Input(shape=(n_features,)) → Dense(16, relu) → 출력층. 출력층의 뉴런 수는 클래스 수이고,\n"
        "합이 1인 확률을 내는 활성화 함수와 원-핫 레이블에 맞는 손실을 고르세요(8절)."
    ),
    solution=(
        "def build_classifier(n_features, n_classes):\n"
        "    model = keras.Sequential([\n"
        "        keras.Input(shape=(n_features,)),\n"
        '        keras.layers.Dense(16, activation="relu"),\n'
        '        keras.layers.Dense(n_classes, activation="softmax"),\n'
        "    ])\n"
        '    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])\n'
        "    return model"
    ),
    correct=[_classifier_variant(), _classifier_variant(loss="CategoricalCrossentropy")],
    mistakes=[
        (_classifier_variant(last="sigmoid"), "softmax"),
        (_classifier_variant(loss="sparse_categorical_crossentropy"), "sparse_"),
        (_classifier_variant(fixed=True), "인수 n_features, n_classes"),
        (_classifier_variant(units=1), "출력이 1개"),
        (_classifier_swapped, "자리가 바뀌었습니다"),
    ],
    time_limit=30.0,
)

_ = LearnerCodeError  # 채점 중 학습자 코드의 오류는 CodeExercise.grade가 알린다
