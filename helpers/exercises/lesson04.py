"""04 Keras Sequential 모델: 파라미터 수, 에포크당 스텝 수, 마지막 층과 손실 함수, tf.newaxis."""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.exercises.coding import describe
from helpers.exercises.core import Exercise, as_integer, as_number, as_shape, name_problem
from helpers.korean import josa

# ---------------------------------------------------------------------------
# q1. 8 → 16 → 8 → 1 신경망의 파라미터 수
# ---------------------------------------------------------------------------


def _check_params(answer: Any) -> str | None:
    if isinstance(answer, str):
        return "따옴표 없이 숫자로 적으세요. 예: answer_q1 = 100"
    number = as_integer(answer)
    if number is None:
        return f"파라미터 수는 정수입니다(받은 값: {describe(answer)})."
    if number == 264:
        return "가중치만 세었습니다. 뉴런마다 편향(bias)이 하나씩 더 있습니다(16 + 8 + 1개)."
    if number in (25, 33):
        return "뉴런(또는 노드)의 개수를 세었습니다. 파라미터는 연결마다 있는 가중치와 뉴런마다 있는 편향입니다."
    if number in (144, 136, 9):
        return "한 층의 파라미터만 구했습니다. 세 Dense 층의 파라미터를 모두 더하세요."
    if number == 267:
        return "편향은 층에 하나가 아니라 뉴런마다 하나입니다(16 + 8 + 1개)."
    if number != 289:
        return (
            f"정답이 아닙니다(받은 값: {number}). 층마다 (입력 수 × 뉴런 수) + 뉴런 수로 파라미터 수를 "
            "구해 모두 더하세요."
        )
    return None


q1 = Exercise(
    "8 → 16 → 8 → 1 신경망의 파라미터 수",
    _check_params,
    hint=(
        "Dense 층의 파라미터 = 가중치(입력 수 × 뉴런 수) + 편향(뉴런 수).\n"
        "첫 층의 입력은 8개, 둘째 층의 입력은 첫 층의 뉴런 16개, 셋째 층의 입력은 8개입니다."
    ),
    solution=(
        "# Dense 층의 파라미터 수 = (입력 수 × 뉴런 수) + 뉴런 수(편향). 세 층을 더합니다.\n"
        "# 확인: keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(16),\n"
        "#        keras.layers.Dense(8), keras.layers.Dense(1)]).count_params()   # 289\n"
        "answer_q1 = (8 * 16 + 16) + (16 * 8 + 8) + (8 * 1 + 1)   # 144 + 136 + 9 = 289"
    ),
    correct=[289, 289.0, (8 * 16 + 16) + (16 * 8 + 8) + (8 * 1 + 1)],
    wrong=[264, 25, 33, 144, 267, 290, "289", True, 289.5],
)


# ---------------------------------------------------------------------------
# q2. validation_split이 있을 때 에포크당 스텝 수
# ---------------------------------------------------------------------------


def _check_steps(answer: Any) -> str | None:
    if isinstance(answer, str):
        return "따옴표 없이 숫자로 적으세요. 예: answer_q2 = 10"
    value = as_number(answer)
    if value is not None and not value.is_integer():
        return "스텝 수는 정수입니다. 마지막 배치는 64개보다 적어도 한 스텝으로 셉니다(올림, math.ceil)."
    number = as_integer(answer)
    if number is None:
        return f"스텝 수는 정수입니다(받은 값: {describe(answer)})."
    if number == 16:
        return (
            "1,000개 전체로 계산했습니다. validation_split=0.2가 200개를 검증용으로 떼어 내므로 "
            "학습에 쓰는 것은 800개입니다."
        )
    if number == 12:
        return "내림을 했습니다. 남은 32개도 마지막 (작은) 배치로 한 번 학습하므로 올림입니다."
    if number == 4:
        return "그것은 검증 세트(200개)의 배치 수입니다. 학습 스텝 수를 구하세요."
    if number in (800, 1000):
        return "그것은 샘플 수입니다. 한 스텝은 batch_size개의 샘플(한 배치)로 가중치를 한 번 갱신합니다."
    if number != 13:
        return f"정답이 아닙니다(받은 값: {number}). 학습에 쓰는 샘플 수 ÷ batch_size를 올림하세요."
    return None


q2 = Exercise(
    "validation_split이 있을 때 에포크당 스텝 수",
    _check_steps,
    hint=(
        "validation_split=0.2는 데이터의 마지막 20%를 검증용으로 떼어 냅니다.\n"
        "남은 샘플을 batch_size개씩 나누면 몇 묶음인가요? 나머지도 한 묶음입니다."
    ),
    solution=(
        "import math\n"
        "\n"
        "# 확인: history = model.fit(x, y, batch_size=64, validation_split=0.2)\n"
        "#       history.params['steps']   # 13\n"
        "n_train = 1000 - 200                   # validation_split=0.2가 마지막 200개를 검증용으로 뗍니다\n"
        "answer_q2 = math.ceil(n_train / 64)    # ceil(12.5) = 13: 남은 32개도 한 스텝"
    ),
    correct=[13, 13.0],
    wrong=[16, 12, 12.5, 4, 800, "13", True],
)


# ---------------------------------------------------------------------------
# q3. 다중 레이블 분류의 마지막 층 활성화 함수와 손실 함수
#
# 규칙: Keras가 알아듣는 이름만 받는다(keras.activations.get, keras.losses.get이 푸는 문자열).
# 'bce'와 'BinaryCrossentropy'는 Keras가 binary_crossentropy로 풀므로 맞고, 'Sigmoid'나
# 'Binary_Crossentropy'는 Keras가 모르는 이름이므로 대소문자와 밑줄을 짚어 준다.
# ---------------------------------------------------------------------------

# 규칙(07 q4와 같다): 노트북이 "이름은 Keras의 문자열로" 묻는다. 손실 객체(BinaryCrossentropy())는 받지 않고 그렇게 알려 준다.
# 포컬 손실은 q3, code1, code2 모두 받지 않는다. 노트북 04(3.1절의 표)가 가르치는 이진·다중 레이블 분류의 손실은
# binary_crossentropy이고, 포컬 손실은 이 노트북에서 다루지 않는 변형이다.
_FOCAL_NOTE = (
    "포컬 손실(focal loss, Keras의 binary_focal_crossentropy)은 교차 엔트로피를 바꾼 변형으로, 맞히기 쉬운 샘플의 손실을 줄여 어려운 샘플에 무게를 둡니다. "
    "이 노트북은 3.1절의 표에 있는 기본 손실을 씁니다. 표에서 이 문제의 종류에 맞는 손실을 고르세요."
)

# Keras가 모르는 이름일 때 무엇을 쓰려 했는지 알아보는 데 쓰는 이름(활성화 함수, 손실 함수).
_ACTIVATION_GUESSES = ("sigmoid", "softmax", "relu", "linear", "tanh")
_LOSS_GUESSES = (
    "binary_crossentropy", "BinaryCrossentropy", "categorical_crossentropy", "CategoricalCrossentropy",
    "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy", "binary_focal_crossentropy",
    "BinaryFocalCrossentropy", "mean_squared_error", "MeanSquaredError", "mse", "mae", "bce",
)  # fmt: skip


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _unknown_name(answer: str, guesses: tuple[str, ...], kind: str) -> str:
    """Keras가 모르는 이름에 대한 안내: 공백·대소문자·밑줄 가운데 무엇이 다른지."""
    for guess in guesses:
        if guess == guess.lower() and answer.strip().lower() == guess:  # 공백이나 대소문자만 다르다
            problem = name_problem(answer, guess)
            if problem:
                return f"{kind}: {problem}"
    for guess in guesses:
        if _squash(answer) == _squash(guess):
            return (
                f"{kind}: Keras가 모르는 이름입니다(받은 값: {describe(answer)}). "
                "밑줄(_)과 대소문자까지 Keras의 이름과 같아야 합니다. 3.1절의 표에 적힌 문자열을 보세요."
            )
    return f"{kind}: Keras가 모르는 이름입니다(받은 값: {describe(answer)}). 3.1절의 표에 적힌 문자열을 보세요."


def _keras_activation(name: str) -> str | None:
    """Keras가 이 문자열로 찾는 활성화 함수의 이름. 모르는 이름이면 None."""
    import keras

    try:
        function = keras.activations.get(name)
    except (ValueError, TypeError):
        return None
    return _ACTIVATION_ALIASES.get(getattr(function, "__name__", ""), getattr(function, "__name__", None))


def _keras_loss(loss: Any) -> str | None:
    """compile이나 keras.losses.get이 받는 손실(문자열, 함수, 손실 객체)의 함수 이름. 모르는 이름이면 None.

    'bce', 'BCE', 'BinaryCrossentropy', keras.losses.BinaryCrossentropy()는 모두 'binary_crossentropy'다."""
    import keras

    if loss is None:
        return None
    if isinstance(loss, str):
        try:
            loss = keras.losses.get(loss)
        except (ValueError, TypeError):
            return None
    function = getattr(loss, "fn", loss)
    name = getattr(function, "__name__", None)
    if name is None and hasattr(loss, "get_config"):
        name = loss.get_config().get("name")
    return name


_ACTIVATION_ALIASES = {"softmax_v2": "softmax"}  # tf.nn.softmax의 __name__


def _check_multilabel(answer: Any) -> str | None:
    if isinstance(answer, str) or not isinstance(answer, tuple | list) or len(answer) != 2:
        return "('활성화 함수', '손실 함수')처럼 문자열 두 개의 튜플로 답하세요."
    activation_text, loss_text = answer
    if not isinstance(activation_text, str) or not isinstance(loss_text, str):
        objects = [
            f"{place}의 종류: {type(value).__name__}" for place, value in (("첫째 값", activation_text), ("둘째 값", loss_text))
            if not isinstance(value, str)
        ]  # fmt: skip
        return (
            f"문자열이 아닌 값이 있습니다({', '.join(objects)}). 이 문제는 이름을 문자열로 묻습니다. "
            "손실 객체나 함수는 compile에서는 쓸 수 있어도 여기서는 받지 않으니 Keras의 이름을 따옴표로 감싸 적으세요. "
            "예: ('relu', 'mse')"
        )
    activation = _keras_activation(activation_text)
    if activation is None and _keras_loss(activation_text) is not None and _keras_activation(loss_text) is not None:
        # ('binary_crossentropy', 'sigmoid'): 두 이름 모두 Keras가 알지만 자리가 바뀌었다
        return (
            f"순서가 바뀌었습니다. 첫째 자리의 {josa(activation_text, '은')} 손실 함수, 둘째 자리의 {josa(loss_text, '은')} "
            "활성화 함수의 이름입니다. ('활성화 함수', '손실 함수') 순서로 적으세요."
        )
    if activation is None:
        return _unknown_name(activation_text, _ACTIVATION_GUESSES, "활성화 함수")
    if activation == "softmax":
        return (
            "softmax는 출력의 합을 1로 만들어 '하나만 고르는' 문제에 씁니다. 액션이면서 코미디인 "
            "영화라면 두 출력이 모두 1에 가까워야 하므로, 레이블마다 따로 0~1을 내는 함수가 필요합니다."
        )
    if activation in ("linear", "relu", "tanh", "elu", "selu", "leaky_relu", "silu", "gelu"):
        return (
            f"{josa(activation_text, '은')} 출력을 0~1로 묶지 않습니다. 출력이 레이블마다 '있을 확률'(0~1)이어야 합니다. "
            "그런 범위를 만드는 활성화 함수는?"
        )
    if activation == "hard_sigmoid":
        return (
            "hard_sigmoid는 sigmoid를 직선 조각으로 어림한 것이라 입력이 일정 범위를 벗어나면 출력이 정확히 0이나 1에 붙고 그 구간의 기울기가 0입니다. "
            "교차 엔트로피와 짝을 이루는 것은 본문의 표에 있는 함수입니다."
        )
    if activation != "sigmoid":
        return f"활성화 함수 {josa(activation_text, '은')} 마지막 층에 맞지 않습니다. 3.1절의 표를 보세요."
    loss = _keras_loss(loss_text)
    if loss is None:
        return _unknown_name(loss_text, _LOSS_GUESSES, "손실 함수")
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy", "categorical_focal_crossentropy"):
        return (
            "범주형 교차 엔트로피는 클래스 하나만 정답인 경우에 씁니다. 레이블마다 독립인 "
            "예/아니요 문제이므로 이진 교차 엔트로피를 레이블마다 적용합니다."
        )
    if loss in ("mean_squared_error", "mean_absolute_error"):
        return "회귀용 손실입니다. 레이블마다 예/아니요를 맞히는 분류이므로 교차 엔트로피 계열을 쓰세요."
    if loss == "binary_focal_crossentropy":
        return _FOCAL_NOTE
    if loss != "binary_crossentropy":
        return f"손실 함수 {josa(loss_text, '은')} 레이블마다 예/아니요를 맞히는 분류에 맞지 않습니다. 3.1절의 표를 보세요."
    return None


q3 = Exercise(
    "다중 레이블 분류의 마지막 층과 손실 함수",
    _check_multilabel,
    hint=(
        "영화 한 편이 '액션', '코미디', '로맨스', '공포' 가운데 여러 장르에 동시에 해당할 수 있습니다.\n"
        "출력 네 개가 서로 경쟁(합이 1)해야 할까요, 각자 따로 0~1이어야 할까요? 본문 3.1절의 표를 보세요.\n"
        "이름은 Keras가 알아듣는 문자열 그대로(대소문자까지) 적습니다."
    ),
    solution=(
        "# 장르마다 독립된 예/아니요이므로 마지막 층은 Dense(4, activation='sigmoid')이고,\n"
        "# 손실은 장르마다 이진 교차 엔트로피를 계산해 평균합니다.\n"
        "# Keras가 같은 손실로 알아듣는 'bce', 'BinaryCrossentropy'도 맞습니다(문자열만, 손실 객체는 받지 않습니다).\n"
        "# 포컬 손실('binary_focal_crossentropy')은 3.1절의 표에 없는 변형이라 받지 않습니다.\n"
        "# 확인: keras.activations.get('sigmoid'), keras.losses.get('binary_crossentropy')\n"
        "answer_q3 = ('sigmoid', 'binary_crossentropy')"
    ),
    correct=[
        ("sigmoid", "binary_crossentropy"),
        ["sigmoid", "BinaryCrossentropy"],
        ("sigmoid", "bce"),
    ],
    wrong=[
        ("softmax", "categorical_crossentropy"),
        ("sigmoid", "categorical_crossentropy"),
        ("softmax", "binary_crossentropy"),
        ("linear", "mse"),
        ("sigmoid", "mse"),
        ("Sigmoid", "Binary_Crossentropy"),
        ("Sigmoid", "binary_crossentropy"),
        ("sigmoid ", "binary_crossentropy"),
        ("sigmoid", "binarycrossentropy"),
        ("sigmoid", "cce"),
        ("binary_crossentropy", "sigmoid"),  # 이슈 18 다시 풀기: 순서가 바뀌었다
        ("mse", "relu"),
        ("sigmoid", "binary_focal_crossentropy"),  # 3.1절의 표에 없는 변형(code1과 같은 규칙)
        "sigmoid",
        ("sigmoid",),
    ],
)


# ---------------------------------------------------------------------------
# q4. t[tf.newaxis, 1, :]의 모양
# ---------------------------------------------------------------------------


def _check_newaxis(answer: Any) -> str | None:
    # 모양은 모든 문제가 같은 규칙(core.as_shape)으로 읽는다(튜플, 리스트, 정수 1차원 배열, tf.TensorShape).
    shape = as_shape(answer)
    if shape is None:
        if getattr(answer, "ndim", 0) >= 2 and not isinstance(answer, str):
            return "텐서(배열) 자체를 넘겼습니다. 그 .shape를 답으로 넣거나 모양을 튜플로 적으세요."
        return f"모양은 정수의 튜플로 적으세요(받은 값: {describe(answer)}). 예: (2, 3)"
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
            "tf.newaxis는 원래 축을 가리키지 않고 새 축만 더합니다."
        )
    if shape != (1, 3):
        return f"정답이 아닙니다(받은 값: {shape}). t[tf.newaxis, 1, :].shape를 출력해 보세요."
    return None


q4 = Exercise(
    "t[tf.newaxis, 1, :]의 모양",
    _check_newaxis,
    hint=(
        "t의 모양은 (2, 3)입니다. 인덱스를 왼쪽부터 읽으세요. tf.newaxis는 길이 1인 새 축을 만들고,\n"
        "1은 t의 첫 번째 축(행)에서 인덱스 1인 둘째 행만 고르며(그 축은 사라짐), 콜론(:)은 열 3개를 모두 남깁니다."
    ),
    solution=(
        "# t[1, :]은 모양이 (3,)인 [4, 5, 6]이고, 맨 앞에 새 축을 더하면 모양이 (1, 3)인 행 벡터 [[4, 5, 6]]이 됩니다.\n"
        "# 확인: t = tf.constant([[1, 2, 3], [4, 5, 6]]); print(t[tf.newaxis, 1, :].shape)   # (1, 3)\n"
        "answer_q4 = (1, 3)"
    ),
    correct=[(1, 3), [1, 3], (1.0, 3), np.array([1, 3])],
    wrong=[(3,), (3, 1), (1, 2, 3), (2, 3), "(1, 3)", 3, (True, 3), np.array([[4, 5, 6]])],
)


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 학습자가 쓴 모델 함수를 불러 새 모델을 만들고 명세와 비교한다.
# (학습자의 모델 변수는 건드리지 않는다. TensorFlow는 채점할 때 불러온다.)
# 활성화 함수는 coding.dense_activations로 읽는다. Dense(4, activation="relu")와 Dense(4), ReLU()는 같다.
# 출력층 활성화와 손실의 from_logits는 coding.logits_problem으로 함께 본다(둘 다 쓰면 활성화가 두 번).
# 출력층을 활성화 없이(linear) 두고 손실에 from_logits=True를 주는 모델도 맞다(9절).


from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    LearnerCodeError,
    call,
    compile_problem,
    dense_activations,
    explain_error,
    logits_problem,
    loss_from_logits,
)


def _activations(model: Any) -> list[tuple[int, str]]:
    """Dense 층마다 (뉴런 수, 실제로 적용되는 활성화 함수). tf.nn.softmax의 이름 softmax_v2도 softmax로 읽는다."""
    return [(units, _ACTIVATION_ALIASES.get(name, name)) for units, name in dense_activations(model)]


def _logits_problem(model: Any, output: str) -> str | None:
    """출력층의 sigmoid·softmax와 from_logits=True를 함께 썼는가."""
    problem = logits_problem(model)
    if problem is None and output in ("sigmoid", "softmax") and loss_from_logits(getattr(model, "loss", None)):
        problem = (  # tf.nn.softmax처럼 이름이 다른 활성화 함수도 같은 실수다
            f"출력층에 활성화 함수 {josa(output, '을')} 두고 손실에도 from_logits=True를 주면 활성화를 두 번 적용하는 셈입니다. "
            "둘 중 하나만 쓰세요."
        )
    return problem


def _loss_problem(model: Any) -> tuple[str | None, str | None]:
    """(손실 함수 이름, Keras가 모르는 이름일 때의 안내)."""
    loss = getattr(model, "loss", None)
    if loss is None:
        return None, "compile에 loss=를 주지 않았습니다. 이 문제에 맞는 손실을 문자열로 적으세요(3.1절의 표)."
    name = _keras_loss(loss)
    if name is None:
        shown = loss if isinstance(loss, str) else type(loss).__name__
        return None, (
            f"Keras가 모르는 손실 이름입니다(받은 값: {shown!r}). compile은 지나가도 fit에서 오류가 납니다. "
            "밑줄(_)과 대소문자까지 Keras의 이름과 같게 적으세요(3.1절의 표)."
        )
    return name, None


# Keras가 모델을 만들거나 compile할 때 내는 영어 오류 → 한국어 설명. (오류 문장의 조각들, 설명)
_KERAS_ADVICE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Could not interpret activation",),
     "Keras가 모르는 활성화 함수 이름이 있습니다. 이름은 Keras의 문자열 그대로, 소문자로 적습니다(예: 'relu', 'sigmoid')."),
    (("Could not interpret optimizer",),
     "Keras가 모르는 옵티마이저 이름이 있습니다(예: 'adam', 'sgd', 'rmsprop')."),
    (("Could not interpret loss",),
     "Keras가 모르는 손실 이름이 있습니다. 3.1절의 표에 적힌 문자열 그대로 적으세요."),
    (("to a shape",),
     "keras.Input(shape=…)에는 튜플을 줍니다. 특성이 n개이면 shape=(n,)처럼 쉼표를 붙여야 튜플이 됩니다."),
    (("not recognized", "'lr'"),
     "옵티마이저의 옛 인수 이름 lr은 Keras 3에 없습니다. learning_rate=를 쓰세요(9절)."),
    (("Expected `metrics`",),
     "metrics에는 목록을 줍니다(예: metrics=['accuracy'])."),
)  # fmt: skip


def _call_builder(builder: Any, *args: Any) -> Any:
    """학습자의 모델 함수를 coding.call로 부른다. Keras의 영어 오류는 한국어 설명을 먼저, 원래 오류를 마지막에 보인다."""
    try:
        return call(builder, *args)
    except LearnerCodeError as err:
        cause = err.__cause__
        if cause is None:  # 오류가 아니라 입력을 바꾼 경우 등: call의 안내를 그대로
            raise
        text = f"{type(cause).__name__}: {cause}"
        advice = next((a for pieces, a in _KERAS_ADVICE if all(p in text for p in pieces)), "") or explain_error(cause)
        name = getattr(builder, "__name__", None)
        lines = [f"모델을 만드는 함수 {name}에서 오류가 났습니다." if name else "모델을 만드는 함수에서 오류가 났습니다."]
        if args:
            lines[0] += " 넣은 입력: " + ", ".join(f"{n} = {a}" for n, a in zip(("n_features", "n_classes"), args, strict=False))
        if advice:
            lines.append(f"   {advice}")
        lines.append(f"   (원래 오류: {text[:300]})")
        raise LearnerCodeError("\n".join(lines)) from cause


def _built_model(builder: Any, *args: Any) -> tuple[Any, str | None]:
    """학습자 함수로 모델을 새로 만든다. (모델, 문제)."""
    import keras

    if isinstance(builder, keras.Model):
        example = "ex.code2.check(build_classifier)" if args else "ex.code1.check(build_binary_model)"
        return None, f"모델이 아니라 모델을 만드는 함수의 이름을 넘기세요(예: {example})."
    model = _call_builder(builder, *args)
    if model is None:
        return None, "함수가 아무 값도 돌려주지 않습니다. 마지막에 return model로 모델을 돌려주세요."
    if not isinstance(model, keras.Model):
        return None, (
            f"함수가 돌려준 것은 Keras 모델이 아닙니다(받은 값의 종류: {type(model).__name__}). return model을 확인하세요."
        )
    if not model.built:
        return None, (
            "모델의 입력 모양이 정해지지 않아 파라미터 수를 셀 수 없습니다. "
            "Sequential의 맨 앞에 keras.Input(shape=(특성 수,))을 넣으세요."
        )
    if not getattr(model, "compiled", False):
        return None, "모델을 compile하지 않았습니다. 함수 안에서 model.compile(optimizer=…, loss=…, metrics=[…])을 부른 뒤 돌려주세요."
    # Keras는 평가 지표와 손실의 이름을 첫 fit 때 푼다. metrics=["acuracy"], ["accuracy "]는 compile을 지나 fit에서 오류가 난다.
    problem = compile_problem(model)
    if problem:
        return None, f"{problem} (3.1절의 표와 compile 예시를 보세요.)"
    return model, None


def _predict(model: Any, x: np.ndarray) -> np.ndarray:
    """모델에 입력을 넣어 출력을 얻는다. 오류는 한국어 설명과 입력 모양을 먼저 알린다."""
    try:
        return np.asarray(model(x))
    except Exception as err:
        advice = explain_error(err)
        lines = [f"만든 모델에 모양 {x.shape}의 입력을 넣자 오류가 났습니다."]
        if advice:
            lines.append(f"   {advice}")
        lines.append(f"   (원래 오류: {type(err).__name__}: {str(err)[:300]})")
        raise LearnerCodeError("\n".join(lines)) from err


def _extra_parameters(model: Any) -> str | None:
    """Dense가 아닌데 파라미터가 있는 층(BatchNormalization 등)과 편향을 뺀 Dense 층."""
    import keras

    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    no_bias = [f"{i}번째" for i, layer in enumerate(dense, start=1) if not layer.use_bias]
    if no_bias:
        return f"편향을 뺀 Dense 층이 있습니다({', '.join(no_bias)} Dense 층, use_bias=False). 명세의 Dense 층은 모두 편향을 씁니다."
    extra = [
        f"{type(layer).__name__}" for layer in model.layers
        if not isinstance(layer, keras.layers.Dense) and layer.count_params()
    ]  # fmt: skip
    if extra:
        return f"명세에 없는, 파라미터가 있는 층이 있습니다({', '.join(extra)}). 명세의 Dense 층만 쌓으세요."
    return None


def _old_input_note(model: Any) -> None:
    """Dense(…, input_dim=…)로 입력을 정한 모델에 남기는 참고 한 줄.

    이슈 18 다시 풀기에서 정함: 만든 모델은 명세와 똑같으므로 정답으로 받는다. 다만 9절이 input_dim을 Keras 2의 옛 방식
    (Keras 3에서는 경고)으로 다루므로 알려 준다. Exercise의 ✅ 문장에는 덧붙일 자리가 없어(공용 core.py) 07 code2의
    학습 결과처럼 채점 결과 앞에 한 줄을 출력한다."""
    if any(getattr(layer, "_input_shape_arg", None) is not None for layer in model.layers):
        print(
            "   참고: Dense(…, input_dim=…)는 Keras 2의 옛 방식이라 Keras 3에서는 경고가 납니다. "
            "9절처럼 맨 앞에 keras.Input(shape=…)을 두세요."
        )


def _extra_after_output(layers: list[tuple[int, str]], from_logits: bool) -> str | None:
    """확률을 내는 sigmoid/softmax Dense 뒤에 Dense를 하나 더 쌓아 마지막 층이 linear가 된 모델의 안내."""
    if len(layers) < 2 or from_logits or layers[-1][1] != "linear":
        return None
    units, activation = layers[-2]
    if activation not in ("sigmoid", "softmax"):
        return None
    return (
        f"출력층 뒤에 층이 하나 더 있습니다. Dense({units}, activation='{activation}') 다음에 "
        f"Dense 층(뉴런 {layers[-1][0]}개)을 또 쌓아 마지막 출력이 확률이 아니게 되었습니다. 확률을 내는 층이 마지막 층이어야 합니다."
    )


def _check_binary_model(build_binary_model: Any) -> str | None:
    model, problem = _built_model(build_binary_model)
    if problem:
        return problem
    layers = _activations(model)
    if not layers:
        return "Dense 층이 없습니다. keras.layers.Dense로 은닉층과 출력층을 쌓으세요."
    units, output = layers[-1]
    problem = _logits_problem(model, output)
    if problem:
        return problem
    from_logits = loss_from_logits(model.loss)
    if units == 1 and output == "softmax":
        return "출력이 하나인 Dense(1)에 softmax를 두면 입력과 상관없이 늘 1.0을 냅니다(8.2절). 출력이 하나인 이진 분류의 출력층에는 sigmoid를 씁니다."
    if units != 1:
        return f"출력층의 뉴런이 {units}개입니다. 이진 분류(생존/사망처럼 둘 중 하나)의 출력은 확률 하나, Dense(1)입니다."
    problem = _extra_after_output(layers, from_logits)
    if problem:
        return problem
    if output == "linear" and not from_logits:
        return (
            "출력층에 활성화 함수가 없어(linear) 출력이 0~1 사이의 확률이 아닙니다. "
            "이진 분류의 출력층은 activation='sigmoid'입니다(3.1절)."
        )
    if output not in ("sigmoid", "linear"):
        return f"출력층의 활성화 함수가 {output}입니다. 이진 분류의 출력층은 확률 하나를 내는 sigmoid입니다(3.1절)."
    loss, problem = _loss_problem(model)
    if problem:
        return problem
    if loss in ("binary_focal_crossentropy", "categorical_focal_crossentropy"):
        return _FOCAL_NOTE
    if loss != "binary_crossentropy":
        note = " (5.1절: MSE는 시그모이드와 함께 쓰면 기울기가 작아집니다.)" if loss == "mean_squared_error" else ""
        return f"손실이 {loss}입니다. 확률 하나를 내는 이진 분류에는 loss='binary_crossentropy'가 맞습니다.{note}"
    sizes = [n for n, _ in layers]
    n_inputs = model.input_shape[-1]
    if sizes != [4, 2, 1] or n_inputs != 2:
        return (
            f"층의 크기가 명세와 다릅니다(입력 {n_inputs}개, Dense 층의 뉴런 {sizes}). "
            "명세는 2-4-2-1(파라미터 25개)입니다."
        )
    problem = _extra_parameters(model)
    if problem:
        return problem
    hidden = [name for _, name in layers[:-1]]
    if any(name != "relu" for name in hidden):
        return f"은닉층의 활성화 함수가 차례로 {', '.join(hidden)}입니다. 명세는 두 은닉층 모두 relu입니다."
    out = _predict(model, np.random.default_rng(0).normal(size=(3, 2)).astype("float32"))
    if out.shape != (3, 1):  # pragma: no cover - 위에서 막힌다
        return f"샘플 3개를 넣은 출력의 모양이 {out.shape}입니다. (샘플 수, 1)이어야 합니다."
    _old_input_note(model)
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


def _binary_extra_dense():
    """이슈 18 세 번째 풀이: Dense(1, 'sigmoid') 뒤에 Dense(1)을 하나 더 쌓았다."""
    import keras

    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            layers.Dense(4, activation="relu"),
            layers.Dense(2, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
            layers.Dense(1),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def _binary_variant(
    *,
    last: str | None = "sigmoid",
    loss: Any = "binary_crossentropy",
    with_input: bool = True,
    hidden: tuple[int, ...] = (4, 2),
    separate: bool = False,
    from_logits: bool = False,
    metrics: tuple[Any, ...] = ("accuracy",),
):
    """이진 분류 모델의 여러 모양. separate=True면 활성화를 Dense 뒤의 층으로 따로 둔다."""

    def build():
        import keras

        layers = [keras.Input(shape=(2,))] if with_input else []
        for n in hidden:
            if separate:
                layers += [keras.layers.Dense(n), keras.layers.ReLU()]
            else:
                layers.append(keras.layers.Dense(n, activation="relu"))
        if separate and last is not None:
            layers += [keras.layers.Dense(1), keras.layers.Activation(last)]
        else:
            layers.append(keras.layers.Dense(1, activation=last))
        model = keras.Sequential(layers)
        chosen = keras.losses.BinaryCrossentropy(from_logits=True) if from_logits else loss
        model.compile(optimizer="adam", loss=chosen, metrics=list(metrics))
        return model

    return build


code1 = CodeExercise(
    "명세대로 이진 분류 모델 만들기(2-4-2-1)",
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
    correct=[
        _binary_right,
        _binary_variant(loss="BinaryCrossentropy"),
        _binary_variant(loss="bce"),
        _binary_variant(separate=True),  # Dense(4), ReLU(), …, Dense(1), Activation("sigmoid")
        _binary_variant(last=None, from_logits=True),  # 출력층은 로짓, 손실이 시그모이드를 맡는다
        _binary_variant(metrics=("acc", "AUC")),  # Keras가 푸는 다른 평가 지표 이름
    ],
    mistakes=[
        (_binary_variant(last="softmax"), "늘 1.0"),
        (_binary_variant(loss="mse"), "binary_crossentropy"),
        (_binary_variant(with_input=False), "keras.Input"),
        (_binary_variant(hidden=(3, 2)), "2-4-2-1"),
        (_binary_variant(from_logits=True), "from_logits=True"),
        (_binary_variant(separate=True, from_logits=True), "두 번"),
        (_binary_variant(last=None), "linear"),
        (_binary_extra_dense, "출력층 뒤에 층이 하나 더 있습니다"),
        (_binary_variant(loss="Binary_Crossentropy"), "모르는 손실 이름"),
        # 이슈 18 다시 풀기: 철자가 틀리거나 공백이 붙은 평가 지표 이름은 compile을 지나 fit에서 오류가 난다
        (_binary_variant(metrics=("accuracy ",)), "모르는 평가 지표 이름"),
        (_binary_variant(metrics=("acuracy",)), "'acuracy' — Keras가 모르는 평가 지표 이름"),
        (_binary_variant(last="Sigmoid"), "모르는 활성화 함수 이름"),
    ],
    time_limit=30.0,
)


_SPECS = [(5, 4), (3, 2), (8, 10)]  # (특성 수, 클래스 수): 노트북의 동물 예제(2, 3)와 다른 크기


def _size_problem(build: Any, n_features: int, n_classes: int, n_inputs: int, units: int) -> str:
    """입력·출력의 크기가 인수와 다를 때: 인수를 쓰지 않고 숫자를 고정했는지(인수를 바꿔도 크기가 그대로인지) 확인해 말한다."""
    head = f"n_features = {n_features}, n_classes = {n_classes}일 때 만든 모델의 입력은 {n_inputs}개, 출력은 {units}개입니다. "
    other, _ = _built_model(build, n_features + 3, n_classes + 3)
    if other is None:
        return head + "입력 모양에 n_features, 출력층의 뉴런 수에 n_classes를 그대로 쓰세요."
    other_layers = _activations(other)
    other_inputs, other_units = other.input_shape[-1], (other_layers[-1][0] if other_layers else units)
    fixed = []
    if n_inputs != n_features and other_inputs == n_inputs:
        fixed.append("입력의 크기")
    if units != n_classes and other_units == units:
        fixed.append("출력층의 뉴런 수")
    if fixed:
        what = "입력의 크기와 출력층의 뉴런 수가" if len(fixed) == 2 else josa(fixed[0], "이")
        return head + f"인수를 바꿔도 {what} 그대로입니다. 숫자를 고정하지 말고 인수 n_features, n_classes를 쓰세요."
    parts = []
    if n_inputs != n_features:
        parts.append(f"입력의 크기는 n_features와 같아야 합니다(받은 모델은 {n_inputs - n_features:+d}만큼 다릅니다)")
    if units != n_classes:
        parts.append(f"출력층의 뉴런 수는 n_classes와 같아야 합니다(받은 모델은 {units - n_classes:+d}만큼 다릅니다)")
    return head + "인수는 썼지만 " + ". ".join(parts) + ". 클래스마다 뉴런 하나, Dense(n_classes, …)입니다."


def _check_classifier(build_classifier: Any) -> str | None:
    for n_features, n_classes in _SPECS:
        model, problem = _built_model(build_classifier, n_features, n_classes)
        if problem:
            return problem
        layers = _activations(model)
        if not layers:
            return "Dense 층이 없습니다. keras.layers.Dense로 은닉층과 출력층을 쌓으세요."
        units, output = layers[-1]
        n_inputs = model.input_shape[-1]
        if n_inputs == n_classes and units == n_features and n_classes != n_features:
            return "n_features와 n_classes의 자리가 바뀌었습니다. 입력 모양에 n_features, 출력층의 뉴런 수에 n_classes를 씁니다."
        if n_inputs != n_features or units != n_classes:
            return _size_problem(build_classifier, n_features, n_classes, n_inputs, units)
        problem = _logits_problem(model, output)
        if problem:
            return problem
        from_logits = loss_from_logits(model.loss)
        problem = _extra_after_output(layers, from_logits)
        if problem:
            return problem
        if output == "linear" and not from_logits:
            return (
                "출력층에 활성화 함수가 없어(linear) 출력이 확률이 아닙니다. 클래스별 확률을 합이 1이 되게 내는 것은 softmax입니다."
            )
        if output not in ("softmax", "linear"):
            return f"출력층의 활성화 함수가 {output}입니다. 클래스별 확률의 합이 1이 되게 하려면 softmax를 씁니다."
        loss, problem = _loss_problem(model)
        if problem:
            return problem
        if loss in ("binary_focal_crossentropy", "categorical_focal_crossentropy"):
            return _FOCAL_NOTE
        if loss == "sparse_categorical_crossentropy":
            return "레이블이 원-핫 벡터이므로 손실은 categorical_crossentropy입니다(sparse_…는 정수 레이블용)."
        if loss != "categorical_crossentropy":
            return f"손실이 {loss}입니다. 원-핫 레이블의 다중 분류에는 categorical_crossentropy가 맞습니다."
        sizes = [n for n, _ in layers]
        if sizes != [16, n_classes]:
            return f"Dense 층의 뉴런 수가 차례로 {sizes}입니다. 명세는 은닉층 Dense(16, relu) 하나와 출력층입니다."
        if layers[0][1] != "relu":
            return f"은닉층의 활성화 함수가 {layers[0][1]}입니다. 명세는 Dense(16, relu)입니다."
        problem = _extra_parameters(model)
        if problem:
            return problem
        x = np.random.default_rng(1).normal(size=(4, n_features)).astype("float32")
        out = _predict(model, x)
        if out.shape != (4, n_classes):  # pragma: no cover - 위에서 막힌다
            return f"샘플 4개를 넣은 출력의 모양이 {out.shape}입니다. (샘플 수, 클래스 수)여야 합니다."
    _old_input_note(model)
    return None


def _classifier_variant(
    *,
    last: str | None = "softmax",
    loss: Any = "categorical_crossentropy",
    fixed: bool = False,
    units: int | None = None,
    separate: bool = False,
    from_logits: bool = False,
    hidden: str = "relu",
    metrics: tuple[Any, ...] = ("accuracy",),
):
    def build(n_features, n_classes):
        import keras

        if fixed:
            n_features, n_classes = 2, 3
        layers = [keras.Input(shape=(n_features,)), keras.layers.Dense(16, activation=hidden)]
        if separate:
            layers += [keras.layers.Dense(units or n_classes), keras.layers.Softmax()]
        else:
            layers.append(keras.layers.Dense(units or n_classes, activation=last))
        model = keras.Sequential(layers)
        chosen = keras.losses.CategoricalCrossentropy(from_logits=True) if from_logits else loss
        model.compile(optimizer="adam", loss=chosen, metrics=list(metrics))
        return model

    return build


def _classifier_plus_one(n_features, n_classes):
    """이슈 18 세 번째 풀이: 인수를 썼지만 출력층이 Dense(n_classes + 1, …)."""
    import keras

    model = keras.Sequential(
        [keras.Input(shape=(n_features,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(n_classes + 1, activation="softmax")]
    )
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


def _classifier_extra_dense(n_features, n_classes):
    """softmax 출력층 뒤에 Dense(n_classes)를 하나 더 쌓았다."""
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(n_classes, activation="softmax"),
            keras.layers.Dense(n_classes),
        ]
    )
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


def _classifier_swapped(n_features, n_classes):
    return _classifier_variant()(n_classes, n_features)


def _classifier_int_shape(n_features, n_classes):
    """keras.Input(shape=n_features): 튜플이 아니라 정수를 준 실수."""
    import keras

    model = keras.Sequential(
        [keras.Input(shape=n_features), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(n_classes, activation="softmax")]
    )
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


def _classifier_functional(n_features, n_classes):
    """함수형 API로 만든 같은 모델(본문 밖의 다른 풀이)."""
    import keras

    inputs = keras.Input(shape=(n_features,))
    hidden = keras.layers.Dense(16)(inputs)
    hidden = keras.layers.Activation("relu")(hidden)
    outputs = keras.layers.Dense(n_classes, activation="softmax")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
    return model


code2 = CodeExercise(
    "특성 수와 클래스 수를 받아 다중 분류 모델 만들기",
    _check_classifier,
    hint=(
        "입력 keras.Input(shape=(n_features,)) → Dense(16, relu) → 출력층 순서로 쌓습니다. 출력층의 뉴런 수는 클래스 수이고,\n"
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
    correct=[
        _classifier_variant(),
        _classifier_variant(loss="CategoricalCrossentropy"),
        _classifier_variant(separate=True),  # Dense(n_classes), Softmax()
        _classifier_variant(last=None, from_logits=True),  # 로짓 출력 + from_logits=True
        _classifier_functional,
    ],
    mistakes=[
        (_classifier_variant(last="sigmoid"), "softmax"),
        (_classifier_variant(loss="sparse_categorical_crossentropy"), "sparse_"),
        (_classifier_variant(fixed=True), "숫자를 고정하지 말고 인수 n_features, n_classes를 쓰세요"),
        (_classifier_plus_one, "인수는 썼지만 출력층의 뉴런 수는 n_classes와 같아야"),
        (_classifier_extra_dense, "출력층 뒤에 층이 하나 더 있습니다"),
        (_classifier_variant(units=1), "출력은 1개"),
        (_classifier_swapped, "자리가 바뀌었습니다"),
        (_classifier_variant(from_logits=True), "from_logits=True"),
        (_classifier_variant(separate=True, from_logits=True), "두 번"),
        (_classifier_variant(hidden="tanh"), "Dense(16, relu)"),
        (_classifier_variant(loss="mse"), "categorical_crossentropy가 맞습니다"),
        (_classifier_int_shape, "shape=(n,)"),
        (_classifier_variant(metrics=("acuracy",)), "'acuracy' — Keras가 모르는 평가 지표 이름"),
        (_classifier_variant(metrics=("accuracy ",)), "모르는 평가 지표 이름"),
    ],
    time_limit=30.0,
)
