"""모든 연습 문제: 정답 예시는 통과, 흔한 오답은 구체적인 안내와 함께 걸러지고, 어떤 답에도 예외를 내지 않는다."""

from __future__ import annotations

import pytest

from helpers.exercises import Exercise, all_exercises, as_number, close, numbers_close

EXERCISES = list(all_exercises())
IDS = [name for name, _ in EXERCISES]


def test_there_are_exercises() -> None:
    assert len(EXERCISES) >= 2


@pytest.mark.parametrize(("name", "exercise"), EXERCISES, ids=IDS)
def test_exercise_has_examples_hint_and_solution(name: str, exercise: Exercise) -> None:
    assert exercise.correct_examples, f"{name}: 정답 예시가 없습니다"
    assert exercise.wrong_examples, f"{name}: 오답 예시가 없습니다"
    assert exercise.hint_text.strip() and exercise.solution_text.strip()


@pytest.mark.parametrize(("name", "exercise"), EXERCISES, ids=IDS)
def test_right_answers_pass(
    name: str, exercise: Exercise, capsys: pytest.CaptureFixture[str]
) -> None:
    for answer in exercise.correct_examples:
        assert exercise.grade(answer)[0] is True, f"{name}: 정답 {answer!r}이(가) 통과하지 못함"
        exercise.check(answer)
        assert "✅" in capsys.readouterr().out


@pytest.mark.parametrize(("name", "exercise"), EXERCISES, ids=IDS)
def test_typical_wrong_answers_are_rejected_kindly(
    name: str, exercise: Exercise, capsys: pytest.CaptureFixture[str]
) -> None:
    for answer in exercise.wrong_examples:
        ok, message = exercise.grade(answer)
        assert ok is False, f"{name}: 오답 {answer!r}이(가) 통과함"
        assert message.startswith("❌") and len(message) > 20


@pytest.mark.parametrize(("name", "exercise"), EXERCISES, ids=IDS)
def test_blank_answer_never_raises(
    name: str, exercise: Exercise, capsys: pytest.CaptureFixture[str]
) -> None:
    exercise.check()
    exercise.check(...)
    assert capsys.readouterr().out.count("아직 답이 없습니다") == 2
    assert exercise.grade()[0] is False


@pytest.mark.parametrize(("name", "exercise"), EXERCISES, ids=IDS)
def test_weird_answers_never_raise(name: str, exercise: Exercise) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError("학생 코드의 오류")

    for answer in (object(), "", [], {}, float("nan"), broken, lambda *a, **k: None):
        ok, message = exercise.grade(answer)
        assert ok is False and message


def test_checker_errors_become_messages(capsys: pytest.CaptureFixture[str]) -> None:
    def explode(answer: object) -> str | None:
        raise ValueError("boom")

    exercise = Exercise("폭발", explode, hint="h", solution="s", correct=[], wrong=[])
    assert exercise.grade(1)[0] is False
    exercise.check(1)
    assert "ValueError: boom" in capsys.readouterr().out


def test_hint_and_solution_print(capsys: pytest.CaptureFixture[str]) -> None:
    _, exercise = EXERCISES[0]
    exercise.hint()
    exercise.solution()
    out = capsys.readouterr().out
    assert "💡 힌트" in out and "📖 풀이" in out


def test_as_number_accepts_numbers_and_rejects_the_rest() -> None:
    from decimal import Decimal
    from fractions import Fraction

    import numpy as np

    for value, expected in [(3, 3.0), (0.5, 0.5), (np.float32(2.5), 2.5), (np.array([4]), 4.0),
                            (Fraction(1, 4), 0.25), (Decimal("1.5"), 1.5)]:  # fmt: skip
        assert as_number(value) == expected
    for value in [True, "3", None, [1, 2], np.array([1, 2]), float("nan"), float("inf"), object()]:
        assert as_number(value) is None


def test_numeric_helpers() -> None:
    assert close(0.26894, 0.2689, tol=1e-3) and not close("x", 1.0) and not close(0.3, 0.2689)
    assert numbers_close([1, 2.0001], [1, 2]) and not numbers_close([1], [1, 2])
    assert not numbers_close(None, [1])


# ---------------------------------------------------------------------------
# 코드로 푸는 문제: 채점기는 학습자 코드를 실행하고, 흔한 실수마다 그 실수의 힌트를 준다.

import threading  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from helpers.exercises.coding import (  # noqa: E402
    CodeExercise,
    TimeLimitExceeded,
    is_blank_function,
    time_limit,
)

CODING = [(name, exercise) for name, exercise in EXERCISES if isinstance(exercise, CodeExercise)]
CODING_IDS = [name for name, _ in CODING]
MISTAKES = [(name, exercise, index) for name, exercise in CODING for index in range(len(exercise.mistakes))]


def test_every_lesson_has_at_least_two_coding_exercises() -> None:
    for lesson in range(1, 8):
        count = sum(name.startswith(f"lesson0{lesson}.") for name, _ in CODING)
        assert count >= 2, f"lesson0{lesson}: 코드로 푸는 문제 {count}개"


@pytest.mark.parametrize(("name", "exercise"), CODING, ids=CODING_IDS)
def test_coding_exercise_has_at_least_two_typical_mistakes(name: str, exercise: CodeExercise) -> None:
    assert len(exercise.mistakes) >= 2 and all(hint.strip() for _, hint in exercise.mistakes)


@pytest.mark.parametrize(
    ("name", "exercise", "index"), MISTAKES, ids=[f"{n}-mistake{i}" for n, _, i in MISTAKES]
)
def test_each_typical_mistake_gets_its_specific_hint(name: str, exercise: CodeExercise, index: int) -> None:
    wrong, hint = exercise.mistakes[index]
    ok, message = exercise.grade(wrong)
    assert ok is False and hint in message, f"{name}: 기대한 힌트 {hint!r}, 받은 메시지 {message!r}"


@pytest.mark.parametrize(("name", "exercise"), CODING, ids=CODING_IDS)
def test_blank_skeleton_says_not_answered_yet(name: str, exercise: CodeExercise) -> None:
    def skeleton(*args: object) -> None:
        # 여기에 코드를 쓰세요
        ...

    ok, message = exercise.grade(skeleton)
    assert ok is False and "아직 답이 없습니다" in message


@pytest.mark.parametrize(("name", "exercise"), CODING, ids=CODING_IDS)
def test_learner_code_that_raises_or_returns_nonsense_never_crashes(name: str, exercise: CodeExercise) -> None:
    def raises(*args: object) -> object:
        return [1, 2, 3][10]

    def wrong_type(*args: object) -> object:
        return "답"

    def wrong_shape(*args: object) -> object:
        return np.zeros((7, 3))

    for answer in (raises, wrong_type, wrong_shape, 42, "neuron"):
        ok, message = exercise.grade(answer)
        assert ok is False and message.startswith(("❌", "✏️")), (answer, message)
    assert "IndexError" in exercise.grade(raises)[1]


def test_a_model_object_instead_of_its_builder_gets_a_clear_message() -> None:
    from helpers.exercises import lesson04

    model = lesson04._binary_right()
    ok, message = lesson04.code1.grade(model)
    assert ok is False and "모델을 만드는 함수" in message


def _forever(*args: object) -> None:
    while True:
        pass


def test_an_endless_loop_is_stopped_with_a_message() -> None:
    from helpers.exercises import lesson01

    exercise = CodeExercise(
        "시간 제한",
        lesson01.code1.checker,
        hint="h",
        solution="s",
        correct=[],
        mistakes=[],
        time_limit=0.5,
    )
    start = time.perf_counter()
    ok, message = exercise.grade(_forever)
    assert ok is False and "⏱️" in message and time.perf_counter() - start < 3


def test_time_limit_also_works_off_the_main_thread() -> None:
    """타이머 신호를 쓸 수 없는 곳(Windows, 다른 스레드)에서는 추적 함수로 반복문을 멈춘다."""
    outcome: list[str] = []

    def run() -> None:
        try:
            with time_limit(0.3):
                _forever()
        except TimeLimitExceeded as err:  # BaseException: 학습자의 except Exception이 삼키지 못한다
            outcome.append(type(err).__name__)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(5)
    assert outcome == ["TimeLimitExceeded"]


def test_the_checker_does_not_change_the_learners_arrays_or_its_own_cases() -> None:
    from helpers.exercises import lesson01

    w = np.array([0.2, -0.4, 0.1])
    cases_before = [tuple(np.copy(a) if isinstance(a, np.ndarray) else a for a in case) for case in lesson01._STEP_CASES]

    def in_place(w_, b, x, t, lr):
        w_ += 100.0
        return w_, b

    lesson01.code2.grade(in_place)
    lesson01.code2.grade(in_place)
    assert np.array_equal(w, [0.2, -0.4, 0.1])
    for before, after in zip(cases_before, lesson01._STEP_CASES, strict=True):
        for a, b in zip(before, after, strict=True):
            assert np.array_equal(a, b)


def test_blank_detection() -> None:
    def blank(x):
        # 주석만 있는 빈칸
        ...

    def forgot_return(x):
        y = x * 2  # noqa: F841

    assert is_blank_function(blank) and not is_blank_function(forgot_return)
    assert not is_blank_function(lambda x: 0.5) and not is_blank_function(print)


def test_every_coding_exercise_waits_unanswered_in_its_lesson() -> None:
    """노트북에는 빈칸 함수와 채점 호출이 있고, 저장된 출력은 '아직 답이 없습니다'다(풀이는 .solution())."""
    import json
    from pathlib import Path

    notebooks = Path(__file__).resolve().parent.parent / "notebooks"
    for name, _exercise in CODING:
        lesson, attr = name.removeprefix("lesson").split(".")
        path = next(notebooks.glob(f"{lesson}_*.ipynb"))
        cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        matching = [c for c in cells if f"ex.{attr}.check(" in "".join(c["source"])]
        assert len(matching) == 1, f"{path.name}: ex.{attr}.check(…) 셀이 {len(matching)}개"
        source = "".join(matching[0]["source"])
        assert "\n    ...\n" in source and "def " in source, f"{path.name}: {attr}의 빈칸 함수"
        stored = "".join(
            "".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
            for o in matching[0].get("outputs", [])
        )
        assert "아직 답이 없습니다" in stored, f"{path.name}: {attr}의 저장된 출력: {stored!r}"


@pytest.mark.parametrize(("name", "exercise"), CODING, ids=CODING_IDS)
def test_the_shown_solution_passes_its_own_checker(name: str, exercise: CodeExercise) -> None:
    """.solution()이 보여 주는 코드를 노트북처럼 실행하면(np, pd, keras를 불러 둔 상태) 채점을 통과한다."""
    import types

    import keras
    import pandas as pd

    namespace: dict[str, object] = {"np": np, "pd": pd, "keras": keras}
    exec(exercise.solution_text, namespace)
    functions = [v for k, v in namespace.items() if isinstance(v, types.FunctionType) and not k.startswith("_")]
    assert len(functions) == 1, f"{name}: 풀이에 함수가 하나여야 합니다"
    ok, message = exercise.grade(functions[0])
    assert ok, f"{name}: {message}"


def test_exercise_functions_do_not_shadow_names_the_lesson_uses() -> None:
    """빈칸 함수의 이름이 노트북의 다른 셀에 나오면, 학습자의 빈칸이 수업 코드의 함수를 덮어써 뒤 셀이 깨진다."""
    import json
    import re
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("0*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        for source in code:
            if "ex.code" not in source:
                continue
            for name in re.findall(r"^def (\w+)\(", source, flags=re.M):
                others = [s for s in code if s is not source and re.search(rf"\b{name}\b", s)]
                assert not others, f"{path.name}: 빈칸 함수 {name}이(가) 다른 셀에도 나옵니다"


def test_a_full_set_of_correct_solutions_checks_within_a_minute() -> None:
    """학생 한 명이 모든 문제를 맞게 풀었을 때 채점에 드는 시간(2코어 컴퓨터에서 60초 안)."""
    import subprocess
    import sys

    code = (
        "import time\n"
        "start = time.perf_counter()\n"
        "from helpers.exercises import all_exercises\n"
        "for name, exercise in all_exercises():\n"
        "    ok, message = exercise.grade(exercise.correct_examples[0])\n"
        "    assert ok, (name, message)\n"
        "print(round(time.perf_counter() - start, 1))\n"
    )  # 새 프로세스: TensorFlow를 불러오는 시간까지 센다
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    seconds = float(result.stdout.split()[-1])
    assert seconds < 60, f"정답 한 벌을 채점하는 데 {seconds:.1f}초"


def test_tensor_and_shape_answers_follow_the_shared_rules() -> None:
    """세 번째 학생 점검: tf 텐서 행렬과 TensorShape·배열 모양은 리스트와 똑같이 채점한다."""
    import tensorflow as tf

    from helpers.exercises import lesson00, lesson02, lesson04, lesson07

    right = tf.matmul(tf.constant([[1, 2], [0, 1]]), tf.constant([[2, 0], [1, -1]]))
    assert lesson02.q4.grade(right)[0] is True
    wrong_shape = tf.reshape(right, (1, 4))
    ok, message = lesson02.q4.grade(wrong_shape)
    assert not ok and "한 줄로 적었습니다" not in message and "(1, 4)" in message, message
    for shape in ((60000, 28, 28), [60000, 28, 28], np.array([60000, 28, 28]), tf.TensorShape([60000, 28, 28])):
        ok, message = lesson00.q2.grade(shape)
        assert ok, (shape, message)
    ok, message = lesson00.q2.grade(np.array([60000, 28, 27]))
    assert not ok and "    " not in message, message  # NumPy의 줄맞춤 공백 없이 보여 준다
    expected = lesson04.q4.correct_examples[0]
    assert lesson04.q4.grade(tf.TensorShape(list(expected)))[0] is True
    import keras

    ok, message = lesson07.q4.grade(keras.losses.SparseCategoricalCrossentropy())
    assert not ok and "객체" in message, message


def test_near_misses_of_exact_answers_are_named_as_such() -> None:
    """정밀도를 묻지 않는 문제는 정확한 값만 맞다. 1% 안의 값은 '거의 맞았지만 정확한 값이 아님'이라고 알려 준다."""
    from helpers.exercises import lesson01, lesson03, lesson05

    for exercise, near in ((lesson01.q1, 120.1), (lesson01.q2, 108.3), (lesson05.q2, 115.05)):
        ok, message = exercise.grade(near)
        assert not ok and "정확한 값" in message, (exercise, message)
    ok, message = lesson03.q3.grade(-0.125)
    assert not ok and "두 번 곱했거나" not in message, message


def test_fourth_student_float32_results_and_in_place_message() -> None:
    """네 번째 학생 점검: float32로 계산한 정답(108.1999969)은 맞고, 제자리 변경 안내는 바뀐 인수의 이름으로 예를 든다."""
    import tensorflow as tf

    from helpers.exercises import lesson01, lesson04

    float32_answer = np.dot(np.array([2.8, -3.5, 8.0], dtype="float32"), np.array([6, 2, 3], dtype="float32"))
    assert lesson01.q2.grade(float32_answer + np.float32(74.4))[0] is True
    assert lesson01.q2.grade(tf.tensordot(tf.constant([2.8, -3.5, 8.0]), tf.constant([6.0, 2.0, 3.0]), 1) + 74.4)[0]
    assert lesson01.q2.grade(108.3)[0] is False and lesson01.q1.grade(120.1)[0] is False
    ok, message = lesson04.q2.grade(3)
    assert not ok and "검증 세트(200개)의 배치 수" not in message, message

    def step(w, b, x, t, lr):
        w -= lr * x
        return w, b

    ok, message = lesson01.code2.grade(step)
    assert not ok and message.startswith("❌ 아직 아닙니다. ") and "w += …" in message and "x += …" not in message, message
