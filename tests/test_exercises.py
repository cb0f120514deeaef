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
