"""07 MNIST 연습 문제의 채점기(이슈 18): 수업의 CNN이 통과하고, 판정은 어떤 표준 층을 썼든 공정하고,
안내는 제출한 모델에서 끌어내고, 학습자의 난수 상태와 메모리를 건드리지 않는다.

학습하는 검사는 한 번에 수 초씩 걸리므로, 꼭 학습이 필요한 것만 학습하고 나머지는 학습 전에 걸러지는 답이나
안내를 만드는 함수를 직접 부른다.
"""

from __future__ import annotations

import gc
import json
import random
import re
import weakref
from pathlib import Path

import numpy as np
import pytest

from helpers.exercises import lesson07 as ex

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "07_mnist.ipynb"


def _accuracy_in(output: str) -> float:
    """채점기가 통과할 때 찍는 '검증 정확도 0.982'의 숫자."""
    match = re.search(r"검증 정확도 (\d\.\d+)", output)
    assert match, output
    return float(match.group(1))


# ---------------------------------------------------------------------------
# code2: 6.2절의 CNN(노트북에 쓰인 그대로)이 통과한다. 채점은 학습자의 난수 상태를 되돌리고 모델을 남기지 않는다.


def _notebook_cnn_builder(keep: list):
    """노트북 6.2절(conv_block, cnn)과 6.3~6.4절(학습률 스케줄, compile)의 셀 소스를 그대로 실행해 모델을 만든다."""
    import math

    import keras
    from keras import layers

    cells = ["".join(c["source"]) for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    design = next(s for s in cells if "def conv_block" in s)
    schedule = next(s for s in cells if "CosineDecay(" in s)
    training = next(s for s in cells if "cnn.compile(" in s)
    compile_part = training[: training.index("start =")]

    def build_cnn():
        namespace = {"keras": keras, "layers": layers, "math": math, "np": np, "x_train": np.zeros((60_000, 1))}
        exec(design, namespace)
        exec(schedule, namespace)
        exec(compile_part, namespace)
        keep.append(weakref.ref(namespace["cnn"]))
        return namespace["cnn"]

    return build_cnn


def test_the_lessons_own_cnn_passes_and_leaves_the_learners_state_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """이슈 18: 6.2절의 CNN(배치 정규화 블록 셋, Adam)은 예전에 검증 정확도 0.33~0.42로 떨어졌다."""
    import keras
    from keras.src.backend.common import global_state

    built: list = []
    keras.utils.set_random_seed(2024)  # 학습자가 노트북에서 정한 시드
    random.seed(7)
    np.random.seed(11)
    numpy_before, python_before = np.random.get_state()[1].copy(), random.getstate()
    ok, message = ex.code2.grade(_notebook_cnn_builder(built))
    output = capsys.readouterr().out
    assert ok, message
    assert _accuracy_in(output) >= 0.97, output  # 배치 통계로 잰 값(0.98)과 같은 수준
    # 학습자의 난수 상태: np.random, random, Keras의 전역 시드가 채점 전과 같다
    assert np.array_equal(np.random.get_state()[1], numpy_before)
    assert random.getstate() == python_before
    assert global_state.get_global_attribute("global_random_seed") == 2024
    # 채점용 모델은 채점이 끝나면 남지 않는다(메모리)
    gc.collect()
    assert built and all(ref() is None for ref in built)


def test_the_lessons_cnn_in_the_correct_examples_is_the_notebooks_design() -> None:
    """correct 목록의 _lesson_cnn이 노트북의 설계와 같은 층·파라미터 수다(노트북이 바뀌면 함께 바꾼다)."""
    model = _notebook_cnn_builder([])()
    ours = ex._lesson_cnn()
    assert [type(layer).__name__ for layer in model.layers] == [type(layer).__name__ for layer in ours.layers]
    assert model.count_params() == ours.count_params() == 29_402


def _bn_dropout_separate_activations():
    """배치 정규화를 합성곱 바로 뒤에, 활성화는 따로 둔 층(Activation, ReLU, Softmax), 드롭아웃, 손실 객체."""
    import keras
    from keras import layers

    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(16, 3, use_bias=False),
            layers.BatchNormalization(),
            layers.Activation("relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(32, 3, use_bias=False),
            layers.BatchNormalization(),
            layers.Activation("relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dropout(0.3),
            layers.Dense(32, use_bias=False),
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.Dropout(0.3),
            layers.Dense(10),
            layers.Softmax(),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    return model


def _functional_logits():
    """함수형 API, 출력층은 활성화 없이(linear) 두고 손실에 from_logits=True(4.5절), 원-핫 레이블 손실."""
    import keras
    from keras import layers

    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    x = layers.BatchNormalization(momentum=0.99)(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
    x = layers.BatchNormalization()(x)
    x = layers.MaxPooling2D()(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(10)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@pytest.mark.parametrize("build", [_bn_dropout_separate_activations, _functional_logits], ids=["bn-dropout-layers", "functional-logits"])
def test_other_correct_designs_pass(build, capsys: pytest.CaptureFixture[str]) -> None:
    ok, message = ex.code2.grade(build)
    assert ok, message
    assert _accuracy_in(capsys.readouterr().out) >= ex._TARGET_ACC


def test_a_model_made_outside_the_function_is_not_trained_by_the_checker() -> None:
    """채점은 학습자 함수를 다시 불러 새로 만든 모델만 학습시키고 momentum을 바꾼다: 노트북의 cnn은 그대로."""
    import keras

    learners_model = ex._lesson_cnn()
    weights = [w.copy() for w in learners_model.get_weights()]
    ok, message = ex.code2.grade(lambda: learners_model)
    assert not ok and "같은 모델 객체" in message
    assert all(np.array_equal(a, b) for a, b in zip(weights, learners_model.get_weights(), strict=True))
    assert all(
        layer.momentum == 0.99 for layer in learners_model.layers if isinstance(layer, keras.layers.BatchNormalization)
    )


# ---------------------------------------------------------------------------
# code2: 안내는 제출한 모델에서 끌어낸다(학습 없이 안내 함수를 직접 부른다)


def _compiled(model, optimizer="adam"):
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    return model


def test_advice_never_asks_for_what_the_model_already_has() -> None:
    """이슈 18: 합성곱 층 셋과 Adam이 있는 6.2절의 CNN에 '합성곱 층을 하나 더 두거나 Adam으로'라고 했다."""
    advice = ex._accuracy_advice(ex._lesson_cnn(), 0.42)
    for wrong in ("Adam을 써", "Adam으로", "하나뿐", "풀링 뒤에 배치 정규화 두기", "한 번 더 쌓기"):
        assert wrong not in advice, advice
    assert "합성곱 층 3개" in advice and "Adam" in advice


def test_advice_names_the_submitted_optimizer_and_learning_rate() -> None:
    import keras

    slow = ex._accuracy_advice(_compiled(ex._lesson_cnn(), keras.optimizers.Adam(learning_rate=1e-5)), 0.5)
    assert "학습률이 1e-05" in slow and "SGD" not in slow and "하나뿐" not in slow
    sgd = ex._accuracy_advice(ex._slow_sgd_cnn(), 0.3)
    assert "옵티마이저가 SGD" in sgd and "하나뿐" not in sgd  # 합성곱 층이 둘이다
    huge = ex._accuracy_advice(_compiled(ex._cnn_right(), keras.optimizers.Adam(learning_rate=0.5)), 0.1)
    assert "학습률이 0.5" in huge and "찍기" in huge


def test_advice_for_a_linear_single_conv_and_heavy_dropout() -> None:
    import keras
    from keras import layers

    linear = _compiled(
        keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(8, 3), layers.MaxPooling2D(), layers.Flatten(), layers.Dense(10, activation="softmax")])
    )
    advice = ex._accuracy_advice(linear, 0.9)
    assert "활성화 함수가 없어" in advice and "하나뿐" in advice
    dropout = _compiled(
        keras.Sequential(
            [keras.Input(shape=(28, 28, 1)), layers.Conv2D(8, 3, activation="relu"), layers.MaxPooling2D(),
             layers.Conv2D(8, 3, activation="relu"), layers.MaxPooling2D(), layers.Flatten(), layers.Dropout(0.7),
             layers.Dense(10, activation="softmax")]
        )
    )  # fmt: skip
    advice = ex._accuracy_advice(dropout, 0.9)
    assert "드롭아웃 비율이 0.7" in advice and "활성화 함수가 없어" not in advice


def test_over_budget_message_points_at_the_biggest_layer() -> None:
    import keras
    from keras import layers

    def big_dense():
        return _compiled(
            keras.Sequential(
                [keras.Input(shape=(28, 28, 1)), layers.Conv2D(8, 3, activation="relu"), layers.MaxPooling2D(),
                 layers.Flatten(), layers.Dense(64, activation="relu", name="hidden"), layers.Dense(10, activation="softmax")]
            )
        )  # fmt: skip

    ok, message = ex.code2.grade(big_dense)
    assert not ok and "hidden(Dense" in message and "풀링을 더 두거나" in message
    assert "풀링 층이 없어" not in message  # 풀링은 이미 있다


# ---------------------------------------------------------------------------
# code2: from_logits, 출력, 손실 — 학습 전에 걸러진다


def _softmax_layer_with_logits():
    import keras

    model = ex._cnn_right(separate_activation=True)
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def _tf_softmax_with_logits():
    import keras
    import tensorflow as tf

    model = keras.Sequential(
        [keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(8, 3, activation="relu"), keras.layers.MaxPooling2D(),
         keras.layers.Flatten(), keras.layers.Dense(10, activation=tf.nn.softmax)]
    )  # fmt: skip
    model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    return model


def _sigmoid_output():
    import keras

    model = keras.Sequential(
        [keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(8, 3, activation="relu"), keras.layers.MaxPooling2D(),
         keras.layers.Flatten(), keras.layers.Dense(10, activation="sigmoid")]
    )  # fmt: skip
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


@pytest.mark.parametrize(
    ("build", "phrase"),
    [
        (ex._softmax_and_from_logits, "from_logits=True"),  # 이슈 18: 예전에는 Keras 경고 옆에 ✅
        (_softmax_layer_with_logits, "from_logits=True"),
        (_tf_softmax_with_logits, "두 번"),
        (_sigmoid_output, "출력층의 활성화 함수는 sigmoid"),
    ],
    ids=["softmax-from-logits", "softmax-layer-from-logits", "tf-nn-softmax-from-logits", "sigmoid-output"],
)
def test_output_and_loss_mismatches_are_rejected_before_training(build, phrase: str) -> None:
    ok, message = ex.code2.grade(build)
    assert not ok and phrase in message, message
    assert "검증 정확도" not in message  # 학습하지 않고 걸렀다


# ---------------------------------------------------------------------------
# 영어 오류는 한국어 설명 뒤에만


def _korean_first(message: str, phrase: str) -> None:
    assert phrase in message and "원래 오류" in message, message
    assert message.index(phrase) < message.index("원래 오류")


def test_keras_min_ndim_error_comes_after_a_korean_explanation() -> None:
    ok, message = ex.code2.grade(ex._unflattened_channel_missing)
    assert not ok
    _korean_first(message, "4차원 입력")


def test_an_error_during_fit_is_explained_in_korean_first() -> None:
    """compile의 metrics에 이진 분류용 지표(auc)를 넣으면 학습 첫 스텝에서 TensorFlow 오류가 난다."""

    def build():
        model = ex._cnn_right()
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy", "auc"])
        return model

    ok, message = ex.code2.grade(build)
    assert not ok
    _korean_first(message, "metrics에 넣은 auc")
    assert "model.fit 함수를 부르자 오류가 났습니다" in message


def test_a_hardcoded_image_count_gets_a_korean_reshape_explanation() -> None:
    ok, message = ex.code1.grade(lambda images: images.reshape(60000, 784).astype("float32") / 255)
    assert not ok
    _korean_first(message, "len(images)나 -1")


# ---------------------------------------------------------------------------
# code1: 받은 것에 맞는 안내


@pytest.mark.parametrize(
    ("answer", "phrase", "not_phrase"),
    [
        (lambda images: (images.reshape(len(images), 784).astype("float32") / 255).tolist(), "파이썬 리스트", "자료형"),
        (lambda images: tuple(images.reshape(len(images), 784).astype("float32") / 255), "파이썬 튜플", "자료형"),
        (lambda images: print(images.reshape(len(images), 784) / 255), "return", "모양"),
        (lambda images: (images.reshape(len(images), 784) * (1 / 255)), "자료형이 float64", "리스트"),
        (lambda images: (images.reshape(len(images), 784) - images.mean()) / images.std(), "음수", "자료형"),
    ],
    ids=["tolist", "tuple", "print-instead-of-return", "multiply-float64", "standardise"],
)
def test_preprocess_advice_matches_what_was_submitted(answer, phrase: str, not_phrase: str) -> None:
    ok, message = ex.code1.grade(answer)
    assert not ok and phrase in message and not_phrase not in message, message


@pytest.mark.parametrize(
    "answer",
    [
        lambda images: np.divide(images.reshape(len(images), -1), 255, dtype=np.float32),
        lambda images: (images.astype(np.float32) * np.float32(1 / 255)).reshape(-1, 28 * 28),
        lambda images: np.stack([image.ravel() for image in images]).astype("float32") / 255 if len(images) else None,
    ],
    ids=["np-divide-dtype", "multiply-reciprocal", "stack-ravel"],
)
def test_more_correct_preprocess_styles_pass(answer) -> None:
    ok, message = ex.code1.grade(answer)
    assert ok, message


def test_preprocess_that_changes_its_input_is_rejected() -> None:
    def in_place(images):
        images.shape = (len(images), 784)
        return images.astype("float32") / 255

    ok, message = ex.code1.grade(in_place)
    assert not ok and "제자리에서 바꿨습니다" in message


# ---------------------------------------------------------------------------
# 숫자 문제: 모든 강의와 같은 규칙(core.as_integer, core.name_problem)


@pytest.mark.parametrize("answer", [200_960, 200_960.0, np.int64(200_960), np.float64(200_960.0), np.array([200_960])])
def test_q1_accepts_every_integer_form(answer) -> None:
    assert ex.q1.grade(answer)[0] is True  # 이슈 18: 200960.0이 걸러졌다


@pytest.mark.parametrize(("answer", "phrase"), [("200960", "따옴표 없이"), (True, "정수"), (200_960.5, "정수"), (200_704, "편향")])
def test_q1_rejects_non_integers_with_a_reason(answer, phrase: str) -> None:
    ok, message = ex.q1.grade(answer)
    assert not ok and phrase in message


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        (" sparse_categorical_crossentropy ", "공백"),  # 이슈 18: 앞뒤 공백을 받아들였다
        ("sparse_categorical_crossentropy\n", "공백"),
        ("Sparse_Categorical_Crossentropy", "대소문자"),
        ("SPARSE_CATEGORICAL_CROSSENTROPY", "대소문자"),
        ("sparse categorical crossentropy", "철자"),
        ("categorical_crossentropy", "원-핫"),
    ],
)
def test_q4_needs_the_exact_keras_name(answer: str, phrase: str) -> None:
    ok, message = ex.q4.grade(answer)
    assert not ok and phrase in message, message


def test_q4_accepts_the_names_as_strings_and_explains_the_rule_for_objects() -> None:
    """노트북: "이름을 문자열로 답하세요"(04 q3와 같은 규칙). 손실 객체·함수·클래스는 그 규칙을 알려 주고 받지 않는다."""
    import keras

    for answer in ("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy"):
        assert ex.q4.grade(answer)[0] is True, answer
    for answer in (keras.losses.sparse_categorical_crossentropy, keras.losses.SparseCategoricalCrossentropy()):
        ok, message = ex.q4.grade(answer)
        assert not ok and "문자열로 묻습니다" in message and "고른 손실은 맞습니다" in message
    ok, message = ex.q4.grade(keras.losses.SparseCategoricalCrossentropy)
    assert not ok and "클래스" in message and "문자열로 묻습니다" in message
    ok, message = ex.q4.grade(keras.losses.CategoricalCrossentropy())
    assert not ok and "원-핫" in message and "고른 손실은 맞습니다" not in message


def test_q2_accepts_to_categorical() -> None:
    import keras

    assert ex.q2.grade(keras.utils.to_categorical(3, num_classes=10))[0] is True
    ok, message = ex.q2.grade(keras.utils.to_categorical([3], num_classes=10))
    assert not ok and "(1, 10)" in message


# ---------------------------------------------------------------------------
# 힌트와 풀이


def test_code2_hint_and_messages_do_not_give_the_architecture_away() -> None:
    for text in (ex.code2.hint_text, ex._accuracy_advice(ex._cnn_right(), 0.5)):
        assert "Conv2D(16" not in text and "Conv2D(32" not in text and "Dense(10, activation" not in text, text


@pytest.mark.parametrize("name", ["q1", "q2", "q3", "q4", "q5"])
def test_numeric_solutions_are_pasteable_and_end_with_the_notebooks_answer_line(name: str) -> None:
    import keras

    from helpers.data import load_mnist

    exercise = getattr(ex, name)
    lines = [line for line in exercise.solution_text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert lines[-1].startswith(f"answer_{name} = ") or lines[0].startswith(f"answer_{name} = ")
    source = NOTEBOOK.read_text(encoding="utf-8")
    assert f"answer_{name} = ...  # 여기에 답을 쓰세요" in source
    (_, y_train), _ = load_mnist()
    namespace = {"np": np, "keras": keras, "y_train": y_train}
    exec(exercise.solution_text, namespace)
    assert exercise.grade(namespace[f"answer_{name}"])[0] is True


def test_the_shown_solution_mentions_that_the_lessons_cnn_passes_too() -> None:
    assert "6.2절의 CNN" in ex.code2.solution_text
    assert all(line.startswith(("def", " ", "#")) for line in ex.code2.solution_text.splitlines())


# ---------------------------------------------------------------------------
# 이슈 18 다시 풀기(새 학생): 철자, 받은 값 그대로의 안내, 한 번만 말하는 원인, 답을 알려 주지 않는 안내


def _small_cnn(metrics=("accuracy",), loss="sparse_categorical_crossentropy"):
    def build_cnn():
        import keras

        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28, 1)),
                keras.layers.Conv2D(8, 3, activation="relu"),
                keras.layers.MaxPooling2D(),
                keras.layers.Flatten(),
                keras.layers.Dense(10, activation="softmax"),
            ]
        )
        model.compile(optimizer="adam", loss=loss, metrics=list(metrics))
        return model

    return build_cnn


def test_retry_code2_misspelled_metric_or_loss_is_called_a_misspelling_before_training() -> None:
    ok, message = ex.code2.grade(_small_cnn(metrics=["acuracy"]))
    assert not ok and "'acuracy'" in message and "모르는 평가 지표 이름" in message and "철자" in message
    assert "이진 분류용" not in message and "model.fit 함수를 부르자" not in message
    ok, message = ex.code2.grade(_small_cnn(loss="sparse_categorial_crossentropy"))
    assert not ok and "모르는 손실 이름" in message and "받은 손실:" not in message


def test_retry_code2_misspelled_layer_gets_a_korean_explanation() -> None:
    def build_cnn():
        import keras
        from keras import layers

        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28, 1)),
                layers.Conv2D(16, 3, activation="relu"),
                layers.MaxPool2d(2),
                layers.Flatten(),
                layers.Dense(10, activation="softmax"),
            ]
        )
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        return model

    ok, message = ex.code2.grade(build_cnn)
    assert not ok
    korean, original = message.index("철자"), message.index("원래 오류")
    assert korean < original and "MaxPooling2D" in message


def test_retry_q4_unresolvable_loss_name_is_a_spelling_problem() -> None:
    ok, message = ex.q4.grade("sparse_categorial_crossentropy")
    assert not ok and "철자를 확인하세요" in message and "희소(sparse)" not in message
    ok, message = ex.q4.grade("softmax")
    assert not ok and "활성화 함수" in message


def test_retry_q2_messages_describe_what_was_submitted() -> None:
    ok, message = ex.q2.grade("0001000000")
    assert not ok and "문자열" in message and "숫자 하나가 아니라" not in message
    ok, message = ex.q2.grade([[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]])
    assert not ok and "리스트 안에 리스트" in message and "받은 값의 종류: list" not in message
    ok, message = ex.q2.grade(3)
    assert not ok and "숫자 하나" in message
    # 형식 안내의 예는 이 문제의 답(레이블 3)이 아니다
    assert "to_categorical(3" not in message and "[0, 0, 0, 1" not in message


def test_retry_code1_hard_coded_sample_count_is_explained_once() -> None:
    ok, message = ex.code1.grade(lambda images: images.reshape(60000, 784).astype("float32") / 255)
    assert not ok
    assert message.count("reshape(60000, 784)") == 1 and "원소 수가 맞지 않아" not in message
    assert "원래 오류" in message


def test_retry_q5_and_q1_q3_messages_do_not_give_the_answer_away() -> None:
    for wrong in (0.0987, 0.11, 0.2):
        ok, message = ex.q5.grade(wrong)
        assert not ok and "bincount" not in message and "max()" not in message
    assert "1.1절" in ex.q5.grade(0.2)[1]
    assert "784 * 256 + 256" not in ex.q1.grade("200960")[1]
    assert "3 * 3 * 16 * 32 + 32" not in ex.q3.grade("4640")[1]


# ---------------------------------------------------------------------------
# 이슈 18 두 번째 새 학생(/tmp/stu2)


@pytest.mark.parametrize("answer", ["sparse_categorical_accuracy", "accuracy", "categorical_accuracy", "acc"])
def test_stu2_q4_metric_name_is_called_a_metric(answer: str) -> None:
    ok, message = ex.q4.grade(answer)
    assert not ok and "평가 지표" in message and "손실 함수" in message
    assert "Keras가 모르는" not in message


def test_stu2_code1_message_is_plain_text_without_markdown_backticks() -> None:
    ok, message = ex.code1.grade(lambda im: im.reshape(60000, 784).astype("float32") / 255)
    assert not ok and "reshape(60000, 784)" in message and "`" not in message
