"""이슈 18 가운데 00, 01, 02, 03, 05 수업의 채점기: 이슈에 적힌 제출 그대로와 새로 만든 답으로 확인한다.

- 입력을 제자리에서 바꾸는 함수는 모든 함수 문제에서 걸러지고, 안내는 바뀐 인수의 이름을 말한다.
- 안내가 학습자의 코드와 어긋나지 않는다(print만 한 함수, 한 갈래의 None, .tolist(), 배열에 쓴 if).
- 숫자 답은 한 가지 규칙(core.as_integer, core.as_matrix)을 따른다.
- .solution()은 붙여 넣어 실행할 수 있는 파이썬이고, 노트북이 기다리는 answer_qN 줄로 끝난다.
- 힌트와 오답 안내가 답 전체를 알려 주지 않는다.
- 메시지의 조사가 숫자를 읽은 소리와 맞는다.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from helpers.exercises import lesson00, lesson01, lesson02, lesson03, lesson05
from helpers.exercises.coding import CodeExercise, describe
from helpers.exercises.core import Exercise
from helpers.korean import josa

ROOT = Path(__file__).resolve().parent.parent
LESSONS = {"00": lesson00, "01": lesson01, "02": lesson02, "03": lesson03, "05": lesson05}
ALL = [
    (f"lesson{n}.{attr}", exercise)
    for n, module in LESSONS.items()
    for attr, exercise in sorted(vars(module).items())
    if isinstance(exercise, Exercise)
]
NUMERIC = [(name, ex) for name, ex in ALL if not isinstance(ex, CodeExercise)]
# 함수를 답으로 받는 문제: 코드 문제 전부와, 함수를 answer_qN에 넣는 02 q2, 05 q3
FUNCTIONS = [(name, ex) for name, ex in ALL if isinstance(ex, CodeExercise)] + [
    ("lesson02.q2", lesson02.q2),
    ("lesson05.q3", lesson05.q3),
]


def _message(exercise: Exercise, answer: Any) -> str:
    ok, message = exercise.grade(answer)
    assert ok is False, f"통과하면 안 되는 답이 통과했습니다: {answer!r}"
    return message


# ---------------------------------------------------------------------------
# 1. 입력을 제자리에서 바꾸는 함수


def test_issue_02_code2_tanh_with_out_z_is_rejected() -> None:
    def tanh_derivative(z):
        np.tanh(z, out=z)
        return 1 - z**2

    message = _message(lesson02.code2, tanh_derivative)
    assert "받은 z 값을 제자리에서 바꿨습니다" in message


def test_issue_03_code2_writing_dX_into_X_is_rejected() -> None:
    def dense_backward(X, W, delta):
        dW = X.T @ delta
        db = delta.sum(axis=0)
        X[...] = delta @ W.T
        return dW, db, X

    message = _message(lesson03.code2, dense_backward)
    assert "받은 X 값을 제자리에서 바꿨습니다" in message


def test_issue_01_code2_names_the_argument_that_was_changed() -> None:
    def gradient_step(w, b, x, t, lr):
        error = t - 1 / (1 + np.exp(-(w @ x + b)))
        x *= lr * error  # 바뀌는 것은 w가 아니라 x
        return w + x, b + lr * error

    message = _message(lesson01.code2, gradient_step)
    assert "받은 x 값을 제자리에서 바꿨습니다" in message
    assert "가중치 배열" not in message and "받은 w 값" not in message

    def gradient_step_w(w, b, x, t, lr):
        error = t - 1 / (1 + np.exp(-(w @ x + b)))
        w += lr * x * error
        return w, b + lr * error

    assert "받은 w 값을 제자리에서 바꿨습니다" in _message(lesson01.code2, gradient_step_w)


def _mutating(correct: Any, which: int) -> Any:
    """정답 함수와 같은 값을 돌려주지만, 돌려주기 전에 ``which``번째 배열 인수를 제자리에서 바꾸는 함수."""

    def learner(*args: Any) -> Any:
        result = correct(*[a.copy() if isinstance(a, np.ndarray) else a for a in args])
        target = args[which]
        if isinstance(target, np.ndarray):
            target *= 2.0
            target += 1.0
        return result

    learner.__signature__ = inspect.signature(correct)  # type: ignore[attr-defined]
    learner.__name__ = "learner"
    return learner


@pytest.mark.parametrize(("name", "exercise"), FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_every_function_exercise_rejects_each_argument_changed_in_place(name: str, exercise: Exercise) -> None:
    """한 가지 검사(coding.call)가 모든 함수 문제에 걸린다: 어느 배열 인수를 바꿔도 그 이름을 말한다."""
    correct = next(c for c in exercise.correct_examples if getattr(c, "__name__", "") != "_fit_keras")
    names = list(inspect.signature(correct).parameters)
    array_args = {
        "lesson01.code1": [0, 1],
        "lesson01.code2": [0, 2],
        "lesson02.code1": [0, 2],
        "lesson02.code2": [0],
        "lesson02.q2": [0],
        "lesson03.code1": [0, 1, 2, 3, 4],
        "lesson03.code2": [0, 1, 2],
        "lesson05.code1": [0, 1],
        "lesson05.code2": [0, 1, 2],
        "lesson05.q3": [0, 1],
    }[name]
    for which in array_args:
        message = _message(exercise, _mutating(correct, which))
        assert f"받은 {names[which]} 값을 제자리에서 바꿨습니다" in message, message


def test_changing_a_copy_is_fine() -> None:
    assert lesson01.code2.grade(lesson01._step_on_a_copy)[0]
    assert lesson05.code1.grade(lesson05._standardize_on_a_copy)[0]


# ---------------------------------------------------------------------------
# 2. 안내가 학습자의 코드와 어긋나지 않는다


def test_issue_05_code2_a_function_that_prints_is_told_so(capsys: pytest.CaptureFixture[str]) -> None:
    def fit_and_predict(x_train, y_train, x_val):
        from sklearn.linear_model import LinearRegression

        print(LinearRegression().fit(x_train, y_train).predict(x_val))

    message = _message(lesson05.code2, fit_and_predict)
    assert "() 모양" not in message and "모양" not in message
    assert "None" in message and "print 대신" in message
    assert "[" in capsys.readouterr().out  # 학습자가 찍은 예측은 화면에 그대로 보인다


def test_a_function_that_returns_nothing_and_prints_nothing() -> None:
    def fit_and_predict(x_train, y_train, x_val):
        x_val.mean()

    message = _message(lesson05.code2, fit_and_predict)
    assert "아무 값도 돌려주지 않습니다" in message and "print 대신" not in message


@pytest.mark.parametrize(
    ("exercise", "learner"),
    [
        (lesson01.code1, lesson01._neuron_one_branch),
        (lesson02.code2, lesson02._dtanh_only_1d),
        (lesson02.q2, lesson02._dsilu_branch),
        (lesson05.code2, lambda x_train, y_train, x_val: [*lesson05._fit_linear(x_train, y_train, x_val)[:-1].tolist(), None]),
    ],
    ids=["01.code1", "02.code2", "02.q2", "05.code2"],
)
def test_issue_none_from_one_branch_is_not_called_nan(exercise: Exercise, learner: Any) -> None:
    message = _message(exercise, learner)
    assert "None" in message and "nan이나 inf" not in message


@pytest.mark.parametrize(
    ("exercise", "learner"),
    [
        (lesson02.code2, lambda z: (1 - np.tanh(z) ** 2).tolist()),
        (lesson02.q2, lambda z: (lesson02._dsilu_right(z)).tolist()),
        (lesson03.code1, lambda X, W1, b1, W2, b2: lesson03._forward(X, W1, b1, W2, b2).tolist()),
        (lesson03.code2, lambda X, W, d: tuple(v.tolist() for v in lesson03._dense_backward(X, W, d))),
        (lesson05.code1, lambda train, other: tuple(v.tolist() for v in lesson05._standardize(train, other))),
        (lesson05.code2, lambda x_train, y_train, x_val: lesson05._fit_linear(x_train, y_train, x_val).tolist()),
        (lesson02.q3, lesson02._SOFTMAX.tolist()),
        (lesson02.q4, lesson02._W.tolist()),
    ],
    ids=["02.code2", "02.q2", "03.code1", "03.code2", "05.code1", "05.code2", "02.q3", "02.q4"],
)
def test_issue_tolist_is_accepted(exercise: Exercise, learner: Any) -> None:
    ok, message = exercise.grade(learner)
    assert ok, message


def test_issue_abs_z_on_an_array_gets_advice_about_its_own_code() -> None:
    def tanh_derivative(z):
        if abs(z) > 20:
            return 0.0
        return 1 - np.tanh(z) ** 2

    message = _message(lesson02.code2, tanh_derivative)
    assert "if 조건" in message and "np.where" in message
    assert "y_true" not in message and "y_pred" not in message
    assert message.index("if 조건") < message.index("원래 오류")  # 한국어 설명이 먼저, 영어 원문은 마지막


def test_the_function_questions_stop_an_endless_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    def swallowing(*args: Any) -> Any:
        while True:
            try:
                pass
            except Exception:  # 학습자의 except Exception이 시간 제한을 삼키지 못한다
                pass

    for module, exercise in ((lesson02, lesson02.q2), (lesson05, lesson05.q3)):
        monkeypatch.setattr(module, "_TIME_LIMIT", 0.3)
        start = time.perf_counter()
        message = _message(exercise, swallowing)
        assert "초 안에 끝나지 않아" in message and time.perf_counter() - start < 3


# ---------------------------------------------------------------------------
# 3. 숫자 답의 한 가지 규칙


def test_issue_02_q4_rejects_a_flat_list_with_a_clear_message() -> None:
    for flat in ([4, -2, 1, -1], np.array([4, -2, 1, -1]), (4.0, -2.0, 1.0, -1.0)):
        message = _message(lesson02.q4, flat)
        assert "한 줄로" in message and "[[a, b], [c, d]]" in message
    for nested in ([[4, -2], [1, -1]], np.array([[4, -2], [1, -1]]), ((4, -2), (1, -1))):
        assert lesson02.q4.grade(nested)[0]


@pytest.mark.parametrize(
    ("exercise", "value"),
    [(lesson03.q1, 32), (lesson03.q4, 26), (lesson00.q1, 77), (lesson05.q1, 74)],
    ids=["03.q1", "03.q4", "00.q1", "05.q1"],
)
def test_integer_questions_share_one_rule(exercise: Exercise, value: int) -> None:
    for accepted in (value, float(value), np.int64(value), np.float32(value), np.array([value])):
        assert exercise.grade(accepted)[0], accepted
    assert "따옴표 없이" in _message(exercise, str(value))
    for rejected in (value + 0.5, True, None):
        assert exercise.grade(rejected)[0] is False


def test_lesson_files_do_not_keep_their_own_number_rules() -> None:
    for n in LESSONS:
        source = (ROOT / "helpers" / "exercises" / f"lesson{n}.py").read_text(encoding="utf-8")
        for old in ("def _as_int(", "def _as_integer(", "def _integer(", ".strip().lower()", "is_integer()"):
            assert old not in source, f"lesson{n}.py: {old}"


def test_00_q2_reads_a_shape_with_the_same_integer_rule() -> None:
    assert lesson00.q2.grade((np.int64(60000), np.int64(28), np.int64(28)))[0]
    assert "축의 순서" in _message(lesson00.q2, (28, 28, 60000))
    assert "배열 자체" in _message(lesson00.q2, np.zeros((3, 28, 28), dtype=np.uint8))


# ---------------------------------------------------------------------------
# 4. 풀이는 붙여 넣어 실행할 수 있고, 노트북이 기다리는 줄로 끝난다


def _notebook_answer_names(lesson: str) -> dict[str, str]:
    """노트북의 ``ex.qN.check(변수)`` 셀에서 문제마다 채점하는 변수 이름."""
    path = next((ROOT / "notebooks").glob(f"{lesson}_*.ipynb"))
    names: dict[str, str] = {}
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for attr, variable in re.findall(r"ex\.(q\d)\.check\((\w+)\)", "".join(cell["source"])):
            names[attr] = variable
    return names


@pytest.mark.parametrize(("name", "exercise"), NUMERIC, ids=[n for n, _ in NUMERIC])
def test_issue_solution_is_pasteable_and_ends_with_the_answer_line(name: str, exercise: Exercise) -> None:
    import helpers

    lesson, attr = name.removeprefix("lesson").split(".")
    variable = _notebook_answer_names(lesson)[attr]
    tree = ast.parse(exercise.solution_text)  # SyntaxError면 실패: 설명은 # 주석이어야 한다
    last = tree.body[-1]
    if isinstance(last, ast.FunctionDef):
        assert last.name == variable or variable in exercise.solution_text.splitlines()[-1]
    else:
        assert isinstance(last, ast.Assign) and [t.id for t in last.targets if isinstance(t, ast.Name)] == [variable], (
            f"{name}: 마지막 줄이 {variable} = … 이 아닙니다"
        )
    namespace: dict[str, Any] = {"np": np, "pd": pd, "helpers": helpers}
    exec(compile(tree, f"<{name}.solution>", "exec"), namespace)
    ok, message = exercise.grade(namespace[variable])
    assert ok, f"{name}: 풀이를 그대로 실행한 답이 통과하지 못합니다: {message}"


def test_issue_01_q4_and_05_q4_solutions_no_longer_mix_prose_and_code() -> None:
    for exercise in (lesson01.q4, lesson05.q4):
        ast.parse(exercise.solution_text)
        for line in exercise.solution_text.splitlines():
            assert line.startswith("#") or "=" in line, line


# ---------------------------------------------------------------------------
# 5. 힌트와 오답 안내가 답 전체를 알려 주지 않는다


def _all_messages(exercise: Exercise) -> list[str]:
    """제목, 힌트, 오답 예시마다의 안내. 안내가 되풀어 보여 주는 학습자의 답 자체(받은 값: …)는 뺀다."""
    messages = [exercise.hint_text, exercise.title]
    for wrong in exercise.wrong_examples:
        message = exercise.grade(wrong)[1]
        for echo in {repr(wrong), str(wrong), describe(wrong)}:
            message = message.replace(echo, "…")
        messages.append(message)
    return messages


def test_issue_01_code1_hint_does_not_give_the_code() -> None:
    for text in _all_messages(lesson01.code1):
        for answer in ("np.dot(w, x) + b", "w @ x + b", "np.dot(x, w) + b"):
            assert answer not in text, text


def test_issue_02_q3_does_not_give_the_numpy_expression() -> None:
    for text in _all_messages(lesson02.q3):
        assert "np.exp(z) / np.exp(z).sum()" not in text and "/ np.exp" not in text, text


def test_issue_02_q5_title_and_hint_do_not_give_the_answer() -> None:
    assert "0.25" not in lesson02.q5.title and "열 번" not in lesson02.q5.title
    for text in _all_messages(lesson02.q5):
        assert "0.25 ** 10" not in text and "0.25를 10번" not in text and "0.25를 열 번" not in text, text


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [
        (lesson01.q1, "120"), (lesson01.q2, "108.2"), (lesson01.q3, "0.5538"), (lesson02.q5, "9.5"),
        (lesson03.q1, "32"), (lesson03.q4, "26"), (lesson05.q1, "74"), (lesson05.q2, "115"),
        (lesson02.q4, "[[4, -2], [1, -1]]"), (lesson00.q1, "77"),
    ],
    ids=["01.q1", "01.q2", "01.q3", "02.q5", "03.q1", "03.q4", "05.q1", "05.q2", "02.q4", "00.q1"],
)  # fmt: skip
def test_no_hint_or_wrong_answer_message_states_the_answer(exercise: Exercise, answer: str) -> None:
    for text in _all_messages(exercise):
        assert answer not in text, text


def test_whole_expression_is_not_in_the_wrong_answer_messages() -> None:
    """계산식 그대로(2.5 × 10 + 90, (15 − 7) / 4, W1 @ W2 …)를 오답 안내에 적지 않는다."""
    forbidden = {
        lesson01.q1: ["2.5 * 12 + 90", "2.5 × 12 + 90"],
        lesson01.q2: ["2.8×6 + (-3.5)×2"],
        lesson02.q4: ["W1 @ W2를", "x @ (W1 @ W2)"],
        lesson03.q1: ["3×5 + 5, 출력층 5×2 + 2"],
        lesson05.q2: ["2.5 × 10 + 90"],
        lesson05.q4: ["(15 − 7) / 4", "(15 - 7) / 4"],
        lesson03.code2: ["Xᵀ δ", "δ Wᵀ"],
    }
    for exercise, pieces in forbidden.items():
        for text in _all_messages(exercise):
            for piece in pieces:
                assert piece not in text, (exercise.title, text)


# ---------------------------------------------------------------------------
# 6. 03의 안내: 무엇이 다른지가 먼저, 입력은 짧게 뒤에


@pytest.mark.parametrize(
    ("exercise", "learner", "first"),
    [
        (lesson03.code1, lambda X, W1, b1, W2, b2: lesson03._forward(X, W1, b1, W2, b2).ravel(), "기대한 모양은 (5, 1)"),
        (lesson03.code1, lambda X, W1, b1, W2, b2: lesson03._forward(X, W1, b1, W2, b2) + 0.1, "기대한 값은"),
        (lesson03.code2, lambda X, W, d: (X.T @ d, d.sum(axis=0, keepdims=True), d @ W.T), "기대한 모양은 (2,)"),
        (lesson03.code2, lambda X, W, d: (X.T @ d * 2, d.sum(axis=0), d @ W.T), "dW: 기대한 값은"),
    ],
    ids=["code1-shape", "code1-value", "code2-shape", "code2-value"],
)
def test_issue_03_messages_put_the_difference_first(exercise: Exercise, learner: Any, first: str) -> None:
    message = _message(exercise, learner)
    assert first in message
    assert message.index(first) < 120, message
    if "(입력:" in message:
        assert message.index(first) < message.index("(입력:")
    assert len(message) < 600, message


# ---------------------------------------------------------------------------
# 7. 조사: 실제로 나오는 메시지에서 숫자 뒤의 조사가 읽는 소리와 맞는다

_NUMBER_PARTICLE = re.compile(r"(?<![\w.])(-?\d[\d,]*(?:\.\d+)?(?:e-?\d+)?)(이어야|여야|으로|이나|이라|이면|이|가|은|는|을|를|과|와|로)(?![가-힣])")

_PROBES: list[Any] = [0, 1, 1.0, 2, 3, 4, 7, 10, 16, 20, 25, 27, 30, 40, 74.5, 77, 100, 108, 123.5, -1, -3, 0.1, 0.3, 1e-10,
                      3.0, 0.25, 0.999, 2.5, 12, 1000, (5, 1), (1, 2, 3), [1, 2], [[1, 2], [3, 4]], "1", (1, 1, 1)]  # fmt: skip


def _check_particles(message: str) -> None:
    for number, particle in _NUMBER_PARTICLE.findall(message):
        assert josa(number, particle) == number + particle, f"{number}{particle} → {josa(number, particle)}: {message}"


@pytest.mark.parametrize(("name", "exercise"), NUMERIC, ids=[n for n, _ in NUMERIC])
def test_issue_particles_agree_in_numeric_messages(name: str, exercise: Exercise) -> None:
    for answer in [*_PROBES, *exercise.wrong_examples]:
        _ok, message = exercise.grade(answer)
        _check_particles(message)
    # 이슈에 적힌 잘못된 꼴
    for answer in (108, 0, 1, 1.0):
        message = exercise.grade(answer)[1]
        for bad in ("108가", "0가", "1.0가", "1.0은", "(5, 1)여야", "은(는)", "을(를)"):
            assert bad not in message, message


def test_issue_the_student_who_typed_1_is_not_told_1_point_0() -> None:
    for exercise in (lesson05.q2, lesson05.q4, lesson01.q1, lesson01.q2, lesson00.q1):
        message = _message(exercise, 1)
        assert "1.0" not in message and re.search(r"(?<![\d.])1(은 |\))", message), message


@pytest.mark.parametrize(("name", "exercise"), [(n, e) for n, e in ALL if isinstance(e, CodeExercise)],
                         ids=[n for n, e in ALL if isinstance(e, CodeExercise)])  # fmt: skip
def test_issue_particles_agree_in_code_messages(name: str, exercise: CodeExercise) -> None:
    for wrong, _hint in exercise.mistakes:
        _check_particles(exercise.grade(wrong)[1])


def test_xnor_message_uses_the_right_particle() -> None:
    message = _message(lesson03.q2, (2, 2, -3))  # 이 가중치는 XOR를 만든다
    assert "(1, 0, 0, 1)이어야" in message and "(1, 0, 0, 1)여야" not in message


# ---------------------------------------------------------------------------
# 8. 새 정답 꼴과 새 실수(self-test 목록 밖에서 한 번 더)


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [
        (lesson01.code1, lambda x, w, b: float(np.einsum("i,i->", w, x) + b)),
        (lesson01.code2, lambda w, b, x, t, lr: (w + lr * (t - 1 / (1 + np.exp(-np.dot(x, w) - b))) * x, b + lr * (t - 1 / (1 + np.exp(-np.dot(x, w) - b))))),
        (lesson02.code1, lambda w, b, x, t, lr: (w + lr * (t - float(np.dot(w, x) + b >= 0)) * x, b + lr * (t - float(np.dot(w, x) + b >= 0)))),
        (lesson02.code2, lambda z: np.square(1 / np.cosh(z))),
        (lesson02.q2, lambda z: 1 / (1 + np.exp(-z)) * (1 + z * (1 - 1 / (1 + np.exp(-z))))),
        (lesson03.code1, lambda X, W1, b1, W2, b2: np.reciprocal(1 + np.exp(-(np.reciprocal(1 + np.exp(-(X @ W1 + b1))) @ W2 + b2)))),
        (lesson03.code2, lambda X, W, d: (np.matmul(X.T, d), np.add.reduce(d, axis=0), np.matmul(d, W.T))),
        (lesson05.code1, lambda tr, ot: ((tr - tr.mean(0)) / tr.std(0), (ot - tr.mean(0)) / tr.std(0))),
        (lesson05.q3, lambda t, p: float(np.average(np.abs(np.subtract(t, p))))),
        (lesson02.q1, (-2, -2, 1)),
        (lesson02.q3, tuple(np.exp([2.0, 1.0, 0.1]) / np.exp([2.0, 1.0, 0.1]).sum())),
        (lesson02.q4, np.array([[4.0, -2.0], [1.0, -1.0]], dtype=np.float32)),
        (lesson03.q2, (-4, -4, 6)),
        (lesson01.q3, 0.5 + 0.1 * 2 * (1 - 1 / (1 + np.exp(-1)))),
    ],
    ids=["01.code1", "01.code2", "02.code1", "02.code2", "02.q2", "03.code1", "03.code2", "05.code1", "05.q3",
         "02.q1", "02.q3", "02.q4", "03.q2", "01.q3"],
)  # fmt: skip
def test_fresh_correct_styles_pass(exercise: Exercise, answer: Any) -> None:
    ok, message = exercise.grade(answer)
    assert ok, message


@pytest.mark.parametrize(
    ("exercise", "answer", "phrase"),
    [
        (lesson01.code1, lambda x, w, b: np.dot(w, x) + b * len(x), "아직 아닙니다"),
        (lesson01.code2, lambda w, b, x, t, lr: (w + lr * x * (t - np.tanh(w @ x + b)), b + lr * (t - np.tanh(w @ x + b))), "아직 아닙니다"),
        (lesson02.code1, lambda w, b, x, t, lr: (w + lr * (t - _sign01(w @ x + b)) * x, b), "편향도 갱신해야"),
        (lesson02.code2, lambda z: 1 - np.tanh(z) ** 2 if z.ndim == 1 else None, "None"),
        (lesson02.q2, lambda z: z * (1 / (1 + np.exp(-z))) * (1 - 1 / (1 + np.exp(-z))), "uv'"),
        (lesson03.code1, lambda X, W1, b1, W2, b2: lesson03._sig(lesson03._sig(X @ W1 + b1) @ W2 + b2).T, "모양"),
        (lesson03.code2, lambda X, W, d: (X.T @ d, d.sum(), d @ W.T), "db: 돌려준 배열의 모양은 ()"),
        (lesson05.code1, lambda tr, ot: ((tr - tr.mean(0)) / tr.std(0), (ot - ot.mean(0)) / ot.std(0)), "자신의 평균과 표준편차"),
        (lesson05.code2, lambda x_train, y_train, x_val: lesson05._fit_linear(x_train, y_train, x_val)[:5], "모두 19개"),
        (lesson05.q3, lambda t, p: np.sqrt(np.mean((t - p) ** 2)), "RMSE"),
        (lesson05.q3, lambda t, p: np.sum(np.abs(t - p)) / (len(t) - 1), "n - 1"),
        (lesson02.q3, [65.9, 24.2, 9.9], "백분율"),
        (lesson02.q4, [[4, 1], [-2, -1]], "전치"),
        (lesson03.q1, 39, "두 번"),  # 편향을 두 번 세면 25 + 7 × 2 = 39(40은 이 원인에서 나오지 않는다)
        (lesson03.q4, 39, "두 번"),
        (lesson05.q4, 15, "표준화하기 전"),
        (lesson00.q1, (77, 16), "행의 수만"),
        (lesson00.q2, (60000,), "레이블"),
    ],
    ids=["01.code1", "01.code2", "02.code1", "02.code2", "02.q2", "03.code1", "03.code2", "05.code1", "05.code2",
         "05.q3-rmse", "05.q3-n-1", "02.q3", "02.q4", "03.q1", "03.q4", "05.q4", "00.q1", "00.q2"],
)  # fmt: skip
def test_fresh_mistakes_are_rejected_with_fitting_advice(exercise: Exercise, answer: Any, phrase: str) -> None:
    message = _message(exercise, answer)
    assert phrase in message, message


def _sign01(z: float) -> float:
    return 1.0 if z >= 0 else 0.0


def test_all_correct_examples_of_these_lessons_check_quickly() -> None:
    """정답 예시 전부(Keras로 학습하는 05 code2 하나 포함)를 채점하는 시간."""
    start = time.perf_counter()
    for name, exercise in ALL:
        for answer in exercise.correct_examples:
            assert exercise.grade(answer)[0], name
    assert time.perf_counter() - start < 45


# ---------------------------------------------------------------------------
# 이슈 18 다시 풀기(새 학생): 정밀도 규칙, 원인을 단정하지 않는 안내, 인수 이름, 받은 값 그대로 보이기, 표준편차의 ddof


def test_retry_01_q3_needs_four_correct_decimals() -> None:
    """노트북: "소수 넷째 자리까지 맞으면 정답" → 정확한 값(0.553788…)과의 차이가 0.00005 이하."""
    for right in (0.5538, 0.55379, lesson01._NEW_W):
        assert lesson01.q3.grade(right)[0], right
    message = _message(lesson01.q3, 0.5537)  # 넷째 자리를 버렸다
    assert "소수 넷째 자리" in message and "0.5537" in message
    assert "소수 넷째 자리" in _message(lesson01.q3, 0.554)
    assert "소수 넷째 자리" in _message(lesson01.q3, 0.55)


def test_retry_02_q3_each_probability_within_half_a_unit_of_the_third_decimal() -> None:
    assert lesson02.q3.grade([0.659, 0.242, 0.099])[0]
    assert lesson02.q3.grade([0.659, 0.2424, 0.0986])[0]
    message = _message(lesson02.q3, [0.659, 0.242, 0.098])  # 0.0986의 셋째 자리는 0.099
    assert "소수 셋째 자리" in message and "(세 번째 값 0.098)" in message
    assert "순서가 다릅니다" not in message


def test_retry_02_q5_one_rule_two_significant_digits() -> None:
    """노트북 문제 5에 "유효 숫자 두 자리까지"를 적었다: 9.5e-07은 맞고, 한 자리로 어림한 1e-06은 같은 규칙으로 틀리다."""
    for right in (0.25**10, 9.5e-07, 9.54e-07):
        assert lesson02.q5.grade(right)[0], right
    for rough in (1e-06, 9.6e-07):
        message = _message(lesson02.q5, rough)
        assert "유효 숫자 두 자리" in message and "정확히 계산" not in message
    cells = json.loads((ROOT / "notebooks" / "02_perceptron_activation.ipynb").read_text(encoding="utf-8"))["cells"]
    text = next("".join(c["source"]) for c in cells if "### 문제 5." in "".join(c["source"]))
    assert "유효 숫자 두 자리" in text


def test_retry_05_q4_same_value_from_two_causes_names_both() -> None:
    message = _message(lesson05.q4, (15 - 7) / 16)  # 표준편차 대신 분산으로 나눴다(값은 4 / 8과 같다)
    assert "분산" in message and "분자와 분모" in message
    assert "분자와 분모를 바꿨습니다" not in message


def test_retry_03_q1_thirty_is_not_blamed_on_one_cause() -> None:
    message = _message(lesson03.q1, 3 * 5 * 2)
    assert "3 × 5 × 2" in message and "편향을 빠뜨린" in message
    assert "빠뜨렸습니다" not in message


def test_retry_03_code1_and_code2_name_the_arguments_of_the_inputs() -> None:
    def forward_pass(X, W1, b1, W2, b2):
        H = 1 / (1 + np.exp(-(X @ W1 + b1)))
        return (1 / (1 + np.exp(-(H @ W2 + b2)))).T  # 전치해서 (1, N)

    message = _message(lesson03.code1, forward_pass)
    assert "X = 모양 (5, 3)" in message and "W1 = 모양 (3, 4)" in message and "b2 = " in message
    assert "(입력: 모양" not in message

    def dense_backward(X, W, delta):
        return X.T @ delta / len(X), delta.sum(axis=0), delta @ W.T

    message = _message(lesson03.code2, dense_backward)
    assert "X = 모양 (5, 3)" in message and "delta = 모양 (5, 2)" in message


def test_retry_01_q2_sigmoid_of_the_answer_shows_the_value_and_asks() -> None:
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    message = _message(lesson01.q2, sigmoid(108.2))  # 부동소수점으로 정확히 1.0
    assert "1은 정답이 아닙니다" in message and "시그모이드를 적용했나요?" in message
    message = _message(lesson01.q2, sigmoid(15.0))  # 0.9999996…: 반올림한 "1"로 보이지 않는다
    assert "0.999999694097773" in message


def test_retry_05_code1_sample_std_is_rejected_like_standard_scaler() -> None:
    """노트북 05의 직접 해 보기 1은 "StandardScaler가 하는 일을 직접 씁니다": StandardScaler는 ddof=0."""

    def standardize(train, other):
        mean, std = train.mean(0), train.std(0, ddof=1)
        return (train - mean) / std, (other - mean) / std

    message = _message(lesson05.code1, standardize)
    assert "ddof=1" in message and "StandardScaler" in message


# ---------------------------------------------------------------------------
# 이슈 18 두 번째 새 학생(/tmp/stu2): 잘못된 조언, 받아 주던 오답, 숫자 하나의 규칙


def test_stu2_01_q4_the_weight_is_named_as_the_weight_not_blamed_on_the_target() -> None:
    """답 3(학습해도 그대로인 가중치): 목표나 입력 0 이야기가 아니라 '그것은 가중치, 문제는 출력을 묻는다'."""
    message = _message(lesson01.q4, 3)
    assert "시작 가중치" in message and "출력" in message and "타깃" not in message
    assert "학습 횟수" in _message(lesson01.q4, 1000)
    assert "학습률" in _message(lesson01.q4, 0.1)
    assert "0과 1 사이" in _message(lesson01.q4, 5)
    assert "타깃 1에 가까워지지" in _message(lesson01.q4, 0.99)  # 목표 쪽으로 간 답은 그대로 목표 이야기


def test_stu2_01_code1_one_number_rule_is_the_same_as_05_q3_and_06_code2() -> None:
    """노트북: "함수는 숫자 하나를 돌려줍니다". 규칙(05 q3, 06 code2와 같다): NumPy 스칼라와 원소 하나인 배열은 받고,
    파이썬 리스트 [값]은 이유를 알려 주고 받지 않는다."""

    def w10(x, w, b):
        return [np.dot(w, x) + b]

    message = _message(lesson01.code1, w10)
    assert "리스트를 돌려줬습니다" in message and "대괄호" in message
    for right in (lambda x, w, b: np.float64(np.dot(w, x) + b), lambda x, w, b: np.array(np.dot(w, x) + b),
                  lambda x, w, b: np.array([np.dot(w, x) + b])):  # fmt: skip
        assert lesson01.code1.grade(right)[0]
    assert "리스트를 돌려줬습니다" in _message(lesson05.q3, lambda t, p: [np.mean(np.abs(t - p))])
    assert lesson05.q3.grade(lambda t, p: np.array([np.mean(np.abs(t - p))]))[0]


def test_stu2_02_q1_bias_advice_only_when_moving_the_bias_alone_works() -> None:
    message = _message(lesson02.q1, (-1, 1, 0))  # 가중치의 부호가 틀렸다: 어떤 편향으로도 NOR가 되지 않는다
    assert "편향을 조금 옮겨" not in message
    assert "(0, 1) → 1 (정답 0)" in message and "(1, 1) → 1 (정답 0)" in message
    assert "편향만 옮겨서는 고칠 수 없" in message
    # 편향만 옮기면 되는 답에는 그 조언을 그대로 한다: z = (1, 0, -1, -2) → 편향을 조금 내리면 NOR
    assert "편향을 조금 옮겨" in _message(lesson02.q1, (-2, -1, 1))
    assert lesson02.q1.grade((-2, -1, 0.5))[0]


def test_stu2_02_q2_value_instead_of_a_function_is_shown_as_a_plain_number() -> None:
    message = _message(lesson02.q2, np.float64(0.9276705118714867))
    assert "np.float64" not in message and "받은 값: 0.927671" in message


@pytest.mark.parametrize("answer", [(1, -1, 0), (-1, 1, 0), (1, 1, -1)])
def test_stu2_03_q2_no_false_bias_advice(answer) -> None:
    message = _message(lesson03.q2, answer)
    assert "편향을 0.5쯤" not in message and "틀린 칸" in message
    if answer == (1, 1, -1):  # 편향만 옮기면 XOR가 된다: XNOR가 아니다
        assert "XOR는 만들 수 있어도 XNOR는 만들 수 없습니다" in message
    else:
        assert "편향만 옮겨서는 고칠 수 없" in message


def test_stu2_03_q2_bias_advice_stays_where_it_is_right() -> None:
    message = _message(lesson03.q2, (-1, -1, 2))  # z = (0, 0, 0, 1): 편향을 0.5 내리면 XNOR
    assert "편향을 0.5쯤" in message
    assert lesson03.q2.grade((-1, -1, 1.5))[0]


def test_stu2_05_q1_77_names_any_versus_all_and_dropna() -> None:
    """77은 두 실수가 모두 내는 값이다: 원인을 하나로 단정하지 않고 any/all을 짚는다."""
    import helpers

    df = helpers.load_cereals()
    num = df.select_dtypes("number")
    submitted = int((num != -1).any(axis=1).sum())
    assert submitted == len(df.dropna()) == 77
    message = _message(lesson05.q1, submitted)
    assert "any" in message and "all" in message and "dropna" in message
    assert "알아보지 못합니다" not in message  # 예전의 단정("-1을 결측값으로 알아보지 못합니다")
    assert "행마다" in _message(lesson05.q1, int((num != -1).all(axis=0).sum()))  # 10: 축을 바꿔 열을 셌다


def test_stu2_05_code2_hard_coded_formula_that_does_not_learn_is_rejected() -> None:
    def atw(x_train, y_train, x_val):
        x = np.asarray(x_val, float)
        return 9 * x[:, 0] + 4 * x[:, 1] + 4 * x[:, 2] + 4 * x[:, 3]

    start = time.perf_counter()
    message = _message(lesson05.code2, atw)
    assert "y_train에서 배우지 않고" in message and "훈련 세트" in message
    assert time.perf_counter() - start < 5


def test_stu2_05_code2_genuine_learners_still_pass() -> None:
    def forest(x_train, y_train, x_val):
        from sklearn.ensemble import RandomForestRegressor

        return RandomForestRegressor(n_estimators=50, random_state=0).fit(x_train, y_train).predict(x_val)

    def knn(x_train, y_train, x_val):
        from sklearn.neighbors import KNeighborsRegressor

        return KNeighborsRegressor(5).fit(x_train, y_train).predict(x_val)

    def ridge(x_train, y_train, x_val):
        from sklearn.linear_model import Ridge

        return Ridge(alpha=10).fit(x_train, y_train).predict(x_val)

    for learner in (forest, knn, ridge, lesson05._fit_linear, lesson05._fit_normal_equation):
        ok, message = lesson05.code2.grade(learner)
        assert ok, (learner.__name__, message)


def test_stu2_05_code2_sigmoid_output_is_named() -> None:
    def kr_raw(x_train, y_train, x_val):
        import keras

        keras.utils.set_random_seed(0)
        m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"),
                              keras.layers.Dense(1, activation="sigmoid")])  # fmt: skip
        m.compile(optimizer="adam", loss="mse")
        m.fit(np.asarray(x_train, "float32"), np.asarray(y_train, "float32"), epochs=5, verbose=0)
        return m.predict(np.asarray(x_val, "float32"), verbose=0).ravel()

    message = _message(lesson05.code2, kr_raw)
    assert "0과 1 사이" in message and "sigmoid" in message
    assert "표준화" not in message and "충분히 학습" not in message


def test_stu2_05_code2_only_fast_functions_are_called_a_second_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """학습 여부 검사는 y_train을 100 올려 한 번 더 부른다. 몇 초씩 학습하는 함수(Keras)는 다시 부르지 않아 채점 시간이 그대로다."""
    calls: list[float] = []

    def counted(x_train, y_train, x_val):
        calls.append(float(y_train.mean()))
        return lesson05._fit_linear(x_train, y_train, x_val)

    assert lesson05.code2.grade(counted)[0]
    assert len(calls) == 2 and calls[1] - calls[0] == pytest.approx(100, abs=1e-3)
    calls.clear()
    monkeypatch.setattr(lesson05, "_RECHECK_SECONDS", -1.0)  # 첫 호출이 '오래 걸린' 것처럼
    assert lesson05.code2.grade(counted)[0] and len(calls) == 1
