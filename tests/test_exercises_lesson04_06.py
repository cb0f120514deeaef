"""issue 18의 04(Keras Sequential)·06(폐암 생존) 항목: 오늘 틀리게 채점되던 제출을 그대로 넣은 자체 테스트.

각 테스트는 issue의 제출(또는 그와 같은 실수)이 이제 바르게 채점되는지, 메시지가 무엇을 말하는지 본다.
"""

from __future__ import annotations

import json
import math
import re
import warnings
from pathlib import Path

import numpy as np
import pytest

from helpers.exercises import lesson04, lesson06
from helpers.exercises.coding import CodeExercise

ROOT = Path(__file__).resolve().parent.parent


def _passes(exercise, answer) -> bool:
    return exercise.grade(answer)[0]


def _message(exercise, answer) -> str:
    ok, message = exercise.grade(answer)
    assert ok is False, f"{exercise.title}: {answer!r}이(가) 통과함"
    return message


# ---------------------------------------------------------------------------
# 04 code1/code2: 따로 둔 활성화 층은 activation 인수와 같다 (issue 항목 1)


def _sequential(layers, loss="binary_crossentropy"):
    import keras

    model = keras.Sequential(layers)
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    return model


def test_issue_04_code1_separate_relu_layers_are_accepted() -> None:
    """issue: Dense(4), ReLU(), Dense(2), ReLU()가 "활성화 함수가 ['linear', 'linear']"로 거절되었다."""

    def build_binary_model():
        import keras
        from keras import layers

        return _sequential([
            keras.Input(shape=(2,)),
            layers.Dense(4), layers.ReLU(),
            layers.Dense(2), layers.ReLU(),
            layers.Dense(1, activation="sigmoid"),
        ])  # fmt: skip

    ok, message = lesson04.code1.grade(build_binary_model)
    assert ok, message


@pytest.mark.parametrize("style", ["activation_layers", "tf_nn_functions", "dropout_between"])
def test_04_code1_other_correct_styles(style: str) -> None:
    def build_binary_model():
        import keras
        import tensorflow as tf
        from keras import layers

        body = {
            "activation_layers": [layers.Dense(4), layers.Activation("relu"), layers.Dense(2), layers.Activation("relu"),
                                  layers.Dense(1), layers.Activation("sigmoid")],
            "tf_nn_functions": [layers.Dense(4, activation=tf.nn.relu), layers.Dense(2, activation="relu"),
                                layers.Dense(1, activation=tf.nn.sigmoid)],
            "dropout_between": [layers.Dense(4, activation="relu"), layers.Dropout(0.2), layers.Dense(2, activation="relu"),
                                layers.Dense(1, activation="sigmoid")],
        }[style]  # fmt: skip
        return _sequential([keras.Input(shape=(2,)), *body], loss=keras.losses.BinaryCrossentropy())

    ok, message = lesson04.code1.grade(build_binary_model)
    assert ok, message


def test_04_hidden_activation_advice_names_what_the_model_applies() -> None:
    def build_binary_model():
        import keras
        from keras import layers

        return _sequential([keras.Input(shape=(2,)), layers.Dense(4), layers.LeakyReLU(), layers.Dense(2, activation="relu"),
                            layers.Dense(1, activation="sigmoid")])  # fmt: skip

    message = _message(lesson04.code1, build_binary_model)
    assert "leaky_relu, relu" in message and "linear" not in message


def test_04_code1_extra_batchnorm_is_named_not_reported_as_wrong_sizes() -> None:
    def build_binary_model():
        import keras
        from keras import layers

        return _sequential([keras.Input(shape=(2,)), layers.Dense(4, activation="relu"), layers.BatchNormalization(),
                            layers.Dense(2, activation="relu"), layers.Dense(1, activation="sigmoid")])  # fmt: skip

    assert "BatchNormalization" in _message(lesson04.code1, build_binary_model)


def test_04_code2_separate_softmax_and_functional_api_are_accepted() -> None:
    for build in (lesson04._classifier_variant(separate=True), lesson04._classifier_functional):
        ok, message = lesson04.code2.grade(build)
        assert ok, message


def test_04_code2_tf_nn_softmax_counts_as_softmax() -> None:
    """tf.nn.softmax의 이름은 softmax_v2다: 그래도 softmax로 읽는다."""

    def build_classifier(n_features, n_classes):
        import keras
        import tensorflow as tf

        return _sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(16, activation="relu"),
                            keras.layers.Dense(n_classes, activation=tf.nn.softmax)], loss="categorical_crossentropy")  # fmt: skip

    ok, message = lesson04.code2.grade(build_classifier)
    assert ok, message


def test_the_lesson_local_activation_logic_is_gone() -> None:
    """항목 1: 활성화 함수는 공유된 coding.dense_activations로만 읽는다."""
    assert not hasattr(lesson04, "_output_activation") and not hasattr(lesson04, "_activation")
    source = (ROOT / "helpers/exercises/lesson04.py").read_text(encoding="utf-8")
    assert "dense_activations(model)" in source and "logits_problem(model)" in source


# ---------------------------------------------------------------------------
# 04: 출력층의 sigmoid/softmax와 from_logits=True를 함께 쓰면 거절 (issue 항목 3)


@pytest.mark.parametrize(
    ("exercise", "build"),
    [
        (lesson04.code1, lesson04._binary_variant(from_logits=True)),
        (lesson04.code1, lesson04._binary_variant(separate=True, from_logits=True)),
        (lesson04.code2, lesson04._classifier_variant(from_logits=True)),
        (lesson04.code2, lesson04._classifier_variant(separate=True, from_logits=True)),
    ],
    ids=["code1-sigmoid", "code1-Activation-layer", "code2-softmax", "code2-Softmax-layer"],
)
def test_issue_04_activation_with_from_logits_is_rejected(exercise: CodeExercise, build) -> None:
    message = _message(exercise, build)
    assert "from_logits=True" in message and "두 번" in message


def test_04_code2_tf_nn_softmax_with_from_logits_is_rejected() -> None:
    def build_classifier(n_features, n_classes):
        import keras
        import tensorflow as tf

        return _sequential([keras.Input(shape=(n_features,)), keras.layers.Dense(16, activation="relu"),
                            keras.layers.Dense(n_classes, activation=tf.nn.softmax)],
                           loss=keras.losses.CategoricalCrossentropy(from_logits=True))  # fmt: skip

    assert "두 번" in _message(lesson04.code2, build_classifier)


def test_04_logits_output_with_from_logits_is_accepted_as_the_notebook_says() -> None:
    """9절: 출력층에 활성화를 두지 않고 손실에 from_logits=True를 주는 모델도 흔하다. logits_problem의 조언과도 맞다."""
    for exercise, build in [
        (lesson04.code1, lesson04._binary_variant(last=None, from_logits=True)),
        (lesson04.code2, lesson04._classifier_variant(last=None, from_logits=True)),
    ]:
        ok, message = exercise.grade(build)
        assert ok, message
    # 로짓 출력인데 from_logits가 없으면 확률이 아니다
    assert "linear" in _message(lesson04.code1, lesson04._binary_variant(last=None))
    assert "linear" in _message(lesson04.code2, lesson04._classifier_variant(last=None))


# ---------------------------------------------------------------------------
# 04 q3: Keras가 알아듣는 이름만 받는다 (issue 항목 2)


def test_issue_04_q3_accepts_the_bce_alias_that_code1_accepts() -> None:
    assert _passes(lesson04.q3, ("sigmoid", "bce"))
    assert _passes(lesson04.code1, lesson04._binary_variant(loss="bce"))


def test_issue_04_q3_rejects_names_keras_does_not_know() -> None:
    message = _message(lesson04.q3, ("Sigmoid", "Binary_Crossentropy"))
    assert "대소문자" in message and "'Sigmoid'" in message
    assert "대소문자" in _message(lesson04.q3, ("sigmoid", "Binary_Crossentropy"))
    assert "공백" in _message(lesson04.q3, ("sigmoid ", "binary_crossentropy"))
    assert "공백" in _message(lesson04.q3, ("sigmoid", " binary_crossentropy"))
    assert "밑줄" in _message(lesson04.q3, ("sigmoid", "BinaryCrossEntropy"))
    assert "모르는" in _message(lesson04.q3, ("sigmoid", "cce"))


def test_04_q3_rule_is_exactly_what_keras_resolves() -> None:
    """정답으로 받는 이름은 Keras가 sigmoid와 이진 교차 엔트로피로 푸는 이름이고, 거절하는 대소문자·공백 변형은 Keras도 모른다.
    포컬 손실은 Keras가 알아도 3.1절의 표에 없는 변형이라 code1처럼 받지 않는다(test_stu2_04_focal_loss_is_one_rule)."""
    import keras

    accepted = [("sigmoid", loss) for loss in ("binary_crossentropy", "BinaryCrossentropy", "bce", "BCE")]
    for activation, loss in accepted:
        assert _passes(lesson04.q3, (activation, loss)), loss
        assert keras.activations.get(activation).__name__ == "sigmoid"
        resolved = keras.losses.get(loss)
        assert getattr(resolved, "fn", resolved).__name__ == "binary_crossentropy"
    for activation, loss in [("Sigmoid", "bce"), ("SIGMOID", "bce"), (" sigmoid", "bce"),
                             ("sigmoid", "Binary_Crossentropy"), ("sigmoid", "binarycrossentropy"),
                             ("sigmoid", "binary_crossentropy "), ("sigmoid", "Binary Crossentropy")]:  # fmt: skip
        assert not _passes(lesson04.q3, (activation, loss)), (activation, loss)
        unknown = 0
        for getter, name in ((keras.activations.get, activation), (keras.losses.get, loss)):
            try:
                getter(name)
            except ValueError:
                unknown += 1
        assert unknown == 1, (activation, loss)


def test_04_keras_unknown_names_in_the_model_get_korean_first() -> None:
    message = _message(lesson04.code1, lesson04._binary_variant(last="Sigmoid"))
    assert message.index("모르는 활성화 함수") < message.index("원래 오류")
    message = _message(lesson04.code1, lesson04._binary_variant(loss="Binary_Crossentropy"))
    # 이슈 18 다시 풀기: compile의 손실·지표 이름은 공용 compile_problem이 fit 전에 본다(같은 문장: "모르는 손실 이름")
    assert "모르는 손실 이름" in message and "'Binary_Crossentropy'" in message
    message = _message(lesson04.code2, lesson04._classifier_int_shape)
    assert message.index("shape=(n,)") < message.index("Cannot convert")


# ---------------------------------------------------------------------------
# 04 q1/q2, 06 q1/q3/q4: 풀이는 붙여 넣을 수 있는 파이썬이고 노트북의 답 줄로 끝난다 (issue 항목 4, 8)

NUMERIC = [(lesson04, n) for n in ("q1", "q2", "q3", "q4")] + [(lesson06, n) for n in ("q1", "q2", "q3", "q4")]


@pytest.mark.parametrize(("module", "name"), NUMERIC, ids=[f"{m.__name__[-8:]}.{n}" for m, n in NUMERIC])
def test_numeric_solution_is_pasteable_and_passes(module, name: str) -> None:
    exercise = getattr(module, name)
    namespace: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error", SyntaxWarning)
        exec(compile(exercise.solution_text, f"<{name}.solution>", "exec"), namespace)
    variable = f"answer_{name}"
    assert variable in namespace, f"풀이에 답 줄이 없습니다: {variable} = …"
    assert exercise.grade(namespace[variable])[0]
    assert "×" not in "".join(line.split("#")[0] for line in exercise.solution_text.splitlines())
    code_lines = [line for line in exercise.solution_text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert code_lines[-1].startswith(f"{variable} = "), "풀이는 노트북의 답 줄로 끝나야 합니다"


@pytest.mark.parametrize(("notebook", "module"), [("04_keras_sequential.ipynb", lesson04), ("06_lung_cancer_survival.ipynb", lesson06)])
def test_the_notebook_cells_use_the_answer_lines_of_the_solutions(notebook: str, module) -> None:
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    for name in ("q1", "q2", "q3", "q4"):
        assert any(f"answer_{name} = ..." in s and f"ex.{name}.check(answer_{name})" in s for s in sources), name


def test_04_integers_follow_the_shared_rule() -> None:
    for answer in (289, 289.0, np.int64(289), np.float64(289.0), np.array([289])):
        assert _passes(lesson04.q1, answer), answer
    for answer in (True, "289", 289.5):
        assert not _passes(lesson04.q1, answer)
    assert _passes(lesson04.q2, np.int64(13)) and _passes(lesson04.q2, 13.0)
    assert "올림" in _message(lesson04.q2, 12.5)
    assert _passes(lesson06.q3, 2145.0) and _passes(lesson06.q3, np.int32(2145))
    assert not _passes(lesson06.q3, True)


def test_04_q4_accepts_the_tensorshape_itself() -> None:
    import tensorflow as tf

    t = tf.constant([[1, 2, 3], [4, 5, 6]])
    assert _passes(lesson04.q4, t[tf.newaxis, 1, :].shape)
    assert not _passes(lesson04.q4, t[1, :].shape)


# ---------------------------------------------------------------------------
# 06 code2: 답이 가장 낮은 확률인 숨은 사례 (issue 항목 5)


def _skip_lowest(y_true, proba, target):
    """issue의 반복문: 후보의 마지막(가장 낮은 확률)을 시도하지 않는다."""
    candidates = sorted(set(proba), reverse=True)
    for i in range(len(candidates) - 1):
        recall = ((proba >= candidates[i]) & (y_true == 1)).sum() / (y_true == 1).sum()
        if recall >= target:
            return candidates[i]


def test_issue_06_code2_loop_that_never_tries_the_lowest_threshold_is_rejected() -> None:
    message = _message(lesson06.code2, _skip_lowest)
    assert "가장 낮은 확률도 임곗값 후보" in message and "y_true = " in message and "target = " in message


def test_06_code2_hidden_cases_cover_the_edges() -> None:
    cases = lesson06._PROBA_CASES
    answers = [lesson06._threshold_for_recall(*case) for case in cases]
    at_minimum = [a == case[1].min() for a, case in zip(answers, cases, strict=True)]
    assert sum(at_minimum) >= 3, "답이 가장 낮은 확률인 사례"
    assert any(low and (case[1] == case[1].min()).sum() > 1 for low, case in zip(at_minimum, cases, strict=True)), "가장 낮은 확률에 동점"
    assert any(case[2] == 1.0 and low for low, case in zip(at_minimum, cases, strict=True)), "target 1.0, 답이 가장 낮은 확률"
    assert any(case[2] == 1.0 and not low for low, case in zip(at_minimum, cases, strict=True)), "target 1.0, 답이 더 높은 확률"
    assert any(len(set(case[1].tolist())) < len(case[1]) and not low for low, case in zip(at_minimum, cases, strict=True)), "동점"
    # 이 사례들만이 issue의 반복문을 잡는다: 다른 사례에서는 그 반복문도 맞는 값을 낸다
    for case, answer, low in zip(cases, answers, at_minimum, strict=True):
        got = _skip_lowest(*case)
        assert (got is not None and math.isclose(got, answer)) != low


def test_06_code2_other_correct_styles() -> None:
    def with_recall_score(y_true, proba, target):
        from sklearn.metrics import recall_score

        for threshold in sorted(set(proba), reverse=True):
            if recall_score(y_true, proba >= threshold) >= target:
                return threshold

    def with_precision_recall_curve(y_true, proba, target):
        from sklearn.metrics import precision_recall_curve

        _, recall, thresholds = precision_recall_curve(y_true, proba)
        return thresholds[recall[:-1] >= target].max()

    def with_while(y_true, proba, target):
        candidates = np.sort(np.unique(proba))[::-1]
        i = 0
        while ((proba >= candidates[i]) & (y_true == 1)).sum() / (y_true == 1).sum() < target:
            i += 1
        return candidates[i]

    def recall_as_ratio_of_means(y_true, proba, target):
        """재현율을 (tp / n) / (양성 / n)으로 계산: 부동소수점으로 0.7499…가 될 수 있어도 맞게 채점된다."""
        for threshold in sorted(proba, reverse=True):
            if ((proba >= threshold) & (y_true == 1)).mean() / (y_true == 1).mean() >= target:
                return threshold

    for function in (with_recall_score, with_precision_recall_curve, with_while, recall_as_ratio_of_means):
        ok, message = lesson06.code2.grade(function)
        assert ok, (function.__name__, message)


def test_06_code2_new_mistakes() -> None:
    def candidates_from_a_fixed_list(y_true, proba, target):
        for threshold in (0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1):
            if ((proba >= threshold) & (y_true == 1)).sum() / (y_true == 1).sum() >= target:
                return threshold

    assert "proba에 있는 확률 값이 아닙니다" in _message(lesson06.code2, candidates_from_a_fixed_list)

    def recall_in_percent(y_true, proba, target):
        for threshold in sorted(set(proba), reverse=True):
            if 100 * ((proba >= threshold) & (y_true == 1)).sum() / (y_true == 1).sum() >= target:
                return threshold

    assert "백분율이 아님" in _message(lesson06.code2, recall_in_percent)

    def denominator_is_everyone(y_true, proba, target):
        for threshold in sorted(set(proba), reverse=True):
            if ((proba >= threshold) & (y_true == 1)).sum() / len(y_true) >= target:
                return threshold
        return proba.min()

    message = _message(lesson06.code2, denominator_is_everyone)
    assert "입력 y_true = " in message and "기대한 임곗값" in message
    message = _message(lesson06.code2, lesson06._threshold_recall_of_proba)
    assert message.index("0/1 예측") < message.index("Classification metrics")


# ---------------------------------------------------------------------------
# 06 q1/q2: 소수 셋째 자리 규칙과 '거의 맞았습니다' (issue 항목 6)


def test_issue_06_q2_rejects_a_wrongly_rounded_third_digit() -> None:
    assert "셋째 자리" in _message(lesson06.q2, 0.572)
    for answer in (8 / 14, 0.571, 0.5714, 0.57143):
        assert _passes(lesson06.q2, answer)


@pytest.mark.parametrize(("exercise", "exact"), [(lesson06.q1, 0.88), (lesson06.q2, 8 / 14)], ids=["q1", "q2"])
def test_06_one_rule_for_decimal_answers(exercise, exact: float) -> None:
    """규칙: 문제가 "소수 셋째 자리까지"라고 하면 정확한 값과의 차이가 셋째 자리의 반 단위(0.0005) 이하이면 맞다.
    q4는 정밀도를 말하지 않으므로 정확한 값만 맞다(test_06_q4_is_exact)."""
    for delta in (0.0, 0.00049, -0.00049):
        assert _passes(exercise, exact + delta), exact + delta
    for delta in (0.00051, -0.00051, 0.001, -0.001):
        assert not _passes(exercise, exact + delta), exact + delta


def test_issue_06_q1_notebook_baseline_gets_its_own_message() -> None:
    for answer in (0.851, 400 / 470, 80 / 94, 85.1):
        message = _message(lesson06.q1, answer)
        assert "노트북 데이터" in message and "거의 맞" not in message
    assert "반올림" in _message(lesson06.q1, 0.9)
    for answer in (0.87, 0.86, 0.9 - 0.011):  # 반올림으로 나올 수 없는 근처 값은 '거의 맞았다'고 하지 않는다
        assert "거의 맞" not in _message(lesson06.q1, answer)


# ---------------------------------------------------------------------------
# 06 code1: 메시지가 값의 이름(tn, fp, fn, tp)과 입력을 말한다 (issue 항목 7)


def test_issue_06_code1_single_class_input_names_the_input_and_the_values() -> None:
    """issue: "값 4개를 return …처럼 차례로 돌려주세요(받은 값: (4))" — 어느 입력인지, 무슨 값인지 말하지 않았다."""

    def confusion_counts(y_true, y_pred):
        from sklearn.metrics import confusion_matrix

        return tuple(confusion_matrix(y_true, y_pred).ravel())

    message = _message(lesson06.code1, confusion_counts)
    assert "y_true = [0, 0, 0, 0], y_pred = [0, 0, 0, 0]" in message
    assert "tn, fp, fn, tp" in message and "(4)" not in message


def test_06_code1_wrong_count_names_which_value_and_input() -> None:
    def tn_counts_everything_but_tp(y_true, y_pred):
        tp = int(((y_true == 1) & (y_pred == 1)).sum())
        fp = int(((y_true == 0) & (y_pred == 1)).sum())
        fn = int(((y_true == 1) & (y_pred == 0)).sum())
        return len(y_true) - tp, fp, fn, tp

    message = _message(lesson06.code1, tn_counts_everything_but_tp)
    assert "tn의 값이 다릅니다" in message and "y_true = " in message and "y_pred = " in message
    assert "실제 0·예측 0" in message


def test_06_code1_other_correct_styles_and_mistakes() -> None:
    def with_counter(y_true, y_pred):
        from collections import Counter

        counts = Counter(zip(y_true.tolist(), y_pred.tolist(), strict=True))
        return counts[(0, 0)], counts[(0, 1)], counts[(1, 0)], counts[(1, 1)]

    def with_bincount(y_true, y_pred):
        return tuple(np.bincount(2 * y_true + y_pred, minlength=4))

    for function in (with_counter, with_bincount, lesson06._confusion_arithmetic, lesson06._confusion_sklearn_labels):
        ok, message = lesson06.code1.grade(function)
        assert ok, (function.__name__, message)

    def with_and(y_true, y_pred):
        return int(((y_true == 0) and (y_pred == 0)).sum()), 0, 0, 0

    message = _message(lesson06.code1, with_and)
    assert message.index("&, |") < message.index("truth value")

    def bincount_without_minlength(y_true, y_pred):
        return tuple(np.bincount(2 * y_true + y_pred))

    assert "y_true = [0, 0, 0, 0]" in _message(lesson06.code1, bincount_without_minlength)


# ---------------------------------------------------------------------------
# 메시지: 값 뒤의 고정 조사 없음, 라이브러리 오류는 한국어 설명 뒤 (issue 항목 9)


@pytest.mark.parametrize("name", ["lesson04.py", "lesson06.py"])
def test_no_fixed_particles_in_my_lessons(name: str) -> None:
    from tests.test_particles import glued_particles

    assert not glued_particles((ROOT / "helpers/exercises" / name).read_text(encoding="utf-8"))


def test_messages_use_particles_that_agree_with_the_value() -> None:
    assert "tanh는" in _message(lesson04.q3, ("tanh", "binary_crossentropy"))
    assert "hinge는" in _message(lesson04.q3, ("sigmoid", "hinge"))
    message = _message(lesson06.code1, lambda t, p: (lambda c: (c[0] + 1, c[1], c[2], c[3]))(lesson06._confusion(t, p)))
    assert "tn은" in message
    for exercise, answer in [(lesson04.q1, 300), (lesson04.q2, 14), (lesson06.q3, 2000), (lesson06.q1, 0.87)]:
        message = _message(exercise, answer)
        assert re.search(r"\d(이|가|은|는)\b", message) is None, message


def test_every_message_of_my_lessons_is_korean() -> None:
    """채점 결과는 한국어 문장으로 시작한다(영어 오류 문장은 '원래 오류' 뒤에만)."""
    for exercise in (lesson04.q1, lesson04.q2, lesson04.q3, lesson04.q4, lesson06.q1, lesson06.q2, lesson06.q3, lesson06.q4):
        for answer in exercise.wrong_examples:
            first_line = exercise.grade(answer)[1].splitlines()[0]
            assert re.search(r"[가-힣]", first_line), first_line
    for exercise in (lesson04.code1, lesson04.code2, lesson06.code1, lesson06.code2):
        for wrong, _ in exercise.mistakes:
            message = exercise.grade(wrong)[1]
            head = message.split("(원래 오류")[0]
            assert re.search(r"[가-힣]", head.splitlines()[0]), message


# ---------------------------------------------------------------------------
# 이슈 18 다시 풀기(새 학생): fit에서야 터지는 지표 이름, 순서가 바뀐 답, 답을 알려 주는 안내, input_dim


def _binary_with_metrics(metrics):
    def build_binary_model():
        import keras

        model = keras.Sequential(
            [
                keras.Input(shape=(2,)),
                keras.layers.Dense(4, activation="relu"),
                keras.layers.Dense(2, activation="relu"),
                keras.layers.Dense(1, activation="sigmoid"),
            ]
        )
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=metrics)
        return model

    return build_binary_model


def _classifier_with_metrics(metrics):
    def build_classifier(n_features, n_classes):
        import keras

        model = keras.Sequential(
            [
                keras.Input(shape=(n_features,)),
                keras.layers.Dense(16, activation="relu"),
                keras.layers.Dense(n_classes, activation="softmax"),
            ]
        )
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=metrics)
        return model

    return build_classifier


@pytest.mark.parametrize("metrics", [["accuracy "], ["acuracy"]])
def test_retry_04_code1_and_code2_reject_metric_names_that_fit_cannot_resolve(metrics) -> None:
    for exercise, build in ((lesson04.code1, _binary_with_metrics), (lesson04.code2, _classifier_with_metrics)):
        message = _message(exercise, build(metrics))
        assert "모르는 평가 지표 이름" in message and repr(metrics[0]) in message
    assert _passes(lesson04.code1, _binary_with_metrics(["acc", "AUC"]))
    assert _passes(lesson04.code2, _classifier_with_metrics(["Accuracy"]))


def test_retry_04_q3_swapped_order_is_named() -> None:
    message = _message(lesson04.q3, ("binary_crossentropy", "sigmoid"))
    assert "순서가 바뀌었습니다" in message
    assert "모르는 이름" not in message


def test_retry_04_code1_input_dim_is_accepted_with_a_note(capsys) -> None:
    def build_binary_model():
        import keras

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = keras.Sequential(
                [
                    keras.layers.Dense(4, activation="relu", input_dim=2),
                    keras.layers.Dense(2, activation="relu"),
                    keras.layers.Dense(1, activation="sigmoid"),
                ]
            )
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        return model

    lesson04.code1.check(build_binary_model)
    out = capsys.readouterr().out
    assert "✅" in out and "input_dim" in out and "keras.Input" in out
    lesson04.code1.check(_binary_with_metrics(["accuracy"]))
    assert "input_dim" not in capsys.readouterr().out


def test_retry_06_q4_wrong_answer_does_not_give_the_calculation_away() -> None:
    for wrong in (3.0, 5.5, "4.0"):
        message = _message(lesson06.q4, wrong)
        assert "200 / (2" not in message and "200 / (2 × 25)" not in message
    assert "15절" in _message(lesson06.q4, 3.0)
    for exercise, answer, given_away in ((lesson06.q1, "0.88", "220 / 250"), (lesson06.q2, "0.571", "8 / (8 + 6)")):
        assert given_away not in _message(exercise, answer)


# ---------------------------------------------------------------------------
# 이슈 18 두 번째 새 학생(/tmp/stu2): 06 code2의 부동소수점·target 0, 04의 규칙 맞추기


def _kth_positive_submission(y_true, proba, target):
    """학생의 제출 그대로(/tmp/stu2/l06d.py의 e_ceil)."""
    y = np.asarray(y_true); p = np.asarray(proba, float)  # noqa: E702
    pos = np.sort(p[y == 1])[::-1]; k = math.ceil(target*len(pos))  # noqa: E702
    return float(pos[k-1])


def test_stu2_06_code2_the_students_integer_safe_kth_positive_passes() -> None:
    """같은 학생의 맞는 풀이(r3): k / P >= target을 정수 k로 찾고 k = 0이면 가장 높은 확률."""

    def r3(y_true, proba, target):
        y = np.asarray(y_true); p = np.asarray(proba, float)  # noqa: E702
        pos = np.sort(p[y == 1])[::-1]; P = len(pos)  # noqa: E702
        k = next(k for k in range(0, P+1) if k / P >= target)
        if k == 0: return float(p.max())  # noqa: E701
        return float(pos[k-1])

    ok, message = lesson06.code2.grade(r3)
    assert ok, message


def test_stu2_06_code2_kth_positive_with_ceil_is_rejected() -> None:
    message = _message(lesson06.code2, _kth_positive_submission)
    assert "부동소수점" in message and "7.000000000000001" in message and "target = 0" in message


def test_stu2_06_code2_each_half_fix_gets_the_note_of_the_input_it_still_misses() -> None:
    def fixed_zero(y_true, proba, target):
        if target == 0:
            return float(proba.max())
        pos = np.sort(proba[y_true == 1])[::-1]
        return float(pos[math.ceil(target * len(pos)) - 1])

    def fixed_rounding(y_true, proba, target):
        pos = np.sort(proba[y_true == 1])[::-1]
        return float(pos[math.ceil(round(target * len(pos), 9)) - 1])

    def fixed_both(y_true, proba, target):
        if target <= 0:
            return float(proba.max())
        pos = np.sort(proba[y_true == 1])[::-1]
        return float(pos[math.ceil(round(target * len(pos), 9)) - 1])

    def count_against_target_times_positives(y_true, proba, target):
        for threshold in sorted(set(proba), reverse=True):
            if ((proba >= threshold) & (y_true == 1)).sum() >= target * (y_true == 1).sum():
                return threshold

    message = _message(lesson06.code2, fixed_zero)
    assert "target = 0.28" in message and "0.28 × 25 = 7.000000000000001" in message
    message = _message(lesson06.code2, count_against_target_times_positives)
    assert "0.28 × 25 = 7.000000000000001" in message and "재현율(TP / 사망자 수)을 target과 직접 비교" in message
    message = _message(lesson06.code2, fixed_rounding)
    assert "target = 0에서" in message and "가장 높은 후보" in message
    assert lesson06.code2.grade(fixed_both)[0]


def test_stu2_06_code2_hidden_cases_follow_the_notebooks_definition() -> None:
    """노트북: "재현율이 target 이상이 되는 가장 높은 임곗값". target 0이면 모든 후보가 조건을 만족하므로 가장 높은 확률이다."""
    zero = [case for case in lesson06._PROBA_CASES if case[2] == 0.0]
    assert zero and all(lesson06._threshold_for_recall(*case) == case[1].max() for case in zero)
    assert any(case[0][case[1].argmax()] == 0 for case in zero), "가장 높은 확률이 생존 환자: 첫 사망자와 답이 다르다"
    tie = [case for case in lesson06._PROBA_CASES if case[2] == 0.28]
    assert tie and (tie[0][0] == 1).sum() == 25 and 0.28 * 25 != 7 and 7 / 25 == 0.28
    y, p = tie[0][0], tie[0][1]
    n = len(y)  # 재현율을 (tp / n) / (양성 / n)으로 계산하는 맞는 풀이도 이 사례에서 0.28 이상이다
    assert (7 / n) / (25 / n) >= 0.28
    assert lesson06._threshold_for_recall(y, p, 0.28) == np.sort(p[y == 1])[::-1][6]


def test_stu2_06_code2_one_item_list_gets_the_shared_rule() -> None:
    message = _message(lesson06.code2, lambda t, p, target: [lesson06._threshold_for_recall(t, p, target)])
    assert "리스트를 돌려줬습니다" in message
    assert lesson06.code2.grade(lambda t, p, target: np.float64(lesson06._threshold_for_recall(t, p, target)))[0]


def test_stu2_04_focal_loss_is_one_rule_in_q3_and_code1() -> None:
    """노트북 04의 3.1절 표는 이진·다중 레이블 분류에 binary_crossentropy를 가르친다: 포컬 손실은 두 문제 모두 같은 안내로 거절."""
    import keras

    for answer in (("sigmoid", "binary_focal_crossentropy"), ("sigmoid", "BinaryFocalCrossentropy")):
        assert "포컬 손실" in _message(lesson04.q3, answer)
    for loss in ("binary_focal_crossentropy", keras.losses.BinaryFocalCrossentropy()):
        assert "포컬 손실" in _message(lesson04.code1, lesson04._binary_variant(loss=loss))
    assert "포컬 손실" in _message(lesson04.code2, lesson04._classifier_variant(loss="categorical_focal_crossentropy"))


def test_stu2_04_q3_and_07_q4_share_the_string_rule() -> None:
    """두 노트북 모두 "이름을 문자열로" 묻는다: 손실 객체는 둘 다 받지 않고, 메시지가 그 규칙을 말한다."""
    import keras

    from helpers.exercises import lesson07

    message = _message(lesson04.q3, ("sigmoid", keras.losses.BinaryCrossentropy()))
    assert "문자열로 묻습니다" in message and "BinaryCrossentropy" in message
    message = _message(lesson07.q4, keras.losses.SparseCategoricalCrossentropy())
    assert "문자열로 묻습니다" in message and "고른 손실은 맞습니다" in message
    assert _passes(lesson04.q3, ("sigmoid", "BinaryCrossentropy")) and _passes(lesson07.q4, "SparseCategoricalCrossentropy")


def test_06_q4_is_exact() -> None:
    """이슈 18 세 번째 풀이: 정밀도를 말하지 않는 q4(답 4)는 정확한 값만 맞다. 4.0004는 전에는 맞았다."""
    for answer in (4, 4.0, 200 / (2 * 25)):
        assert _passes(lesson06.q4, answer)
    for answer in (4.0004, 4.00049, 4.01, 3.9996):
        assert not _passes(lesson06.q4, answer), answer
    assert "정확한 값" in _message(lesson06.q4, 4.0004)
