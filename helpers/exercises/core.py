"""연습 문제 한 개를 나타내는 :class:`Exercise`와 채점에 쓰는 작은 도구들."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

# 채점 함수: 정답이면 None, 틀리면 무엇이 틀렸는지 알려 주는 한국어 문장을 돌려준다.
Checker = Callable[[Any], "str | None"]

BLANK_MESSAGE = (
    "✏️ 아직 답이 없습니다. ... 자리에 답을 넣고 셀을 다시 실행하세요.\n"
    "   막히면 .hint()를 불러 보세요."
)


class Exercise:
    """자동 채점 연습 문제 하나.

    Parameters
    ----------
    title:
        문제 이름(짧게).
    checker:
        답을 받아 정답이면 ``None``, 아니면 구체적인 안내 문장을 돌려주는 함수.
    hint, solution:
        ``.hint()``와 ``.solution()``이 보여 줄 글(풀이에는 코드를 넣는다).
    correct, wrong:
        테스트가 쓰는 정답 예시와 흔한 오답 예시. 둘 다 적어도 하나는 있어야 한다.
    exercise_id:
        기록(:mod:`helpers.exercises.records`)에 쓰는 문제 id(예: ``"lesson01.q1"``). 주지 않으면 처음 기록할 때
        이 문제를 담은 ``helpers.exercises.lessonNN`` 모듈의 변수 이름으로 정한다(:attr:`id`).

    ``check()``, ``hint()``, ``solution()``은 부를 때마다 학생 계정 안의 기록 파일에 한 줄을 남긴다(기록 때문에 채점이
    느려지거나 실패하지 않는다). 학생은 ``helpers.progress()``로, 강사는 ``classroom/progress_report.py``로 본다.
    """

    def __init__(
        self,
        title: str,
        checker: Checker,
        *,
        hint: str,
        solution: str,
        correct: Sequence[Any],
        wrong: Sequence[Any],
        exercise_id: str | None = None,
    ) -> None:
        self.title = title
        self.checker = checker
        self.hint_text = hint
        self.solution_text = solution
        self.correct_examples = tuple(correct)
        self.wrong_examples = tuple(wrong)
        self._id = exercise_id

    def __repr__(self) -> str:
        return f"Exercise({self.title!r})"

    @property
    def id(self) -> str | None:
        """기록에 쓰는 문제 id(예: ``"lesson01.q1"``). 직접 준 것이 없으면 불러온 ``lessonNN`` 모듈에서 찾는다. 못 찾으면 ``None``."""
        if self._id is None:
            self._id = _module_level_id(self)
        return self._id

    def grade(self, answer: Any = None) -> tuple[bool, str]:
        """``(정답 여부, 안내 문장)``. 어떤 답에도 예외를 내지 않는다."""
        if answer is None or answer is Ellipsis:
            return False, BLANK_MESSAGE
        try:
            problem = self.checker(answer)
        except Exception as err:  # 학생 코드의 오류도 채점 결과로 알려 준다
            return False, (
                f"❌ 답을 확인하다가 오류가 났습니다. {type(err).__name__}: {err}\n"
                "   코드를 다시 살펴보세요. 막히면 .hint()를 불러 보세요."
            )
        if problem is None:
            return True, f"✅ 정답입니다! — {self.title}"
        return False, f"❌ 아직 아닙니다. {problem}\n   막히면 .hint()를, 풀이를 보려면 .solution()을 불러 보세요."

    def check(self, answer: Any = None) -> None:
        """답을 채점해 결과를 보여 준다. 비어 있거나 틀려도 예외를 내지 않는다.

        JupyterLab에서는 색을 입힌 상자(HTML)로, 그 밖(터미널, 테스트)에서는 같은 글을 그대로 출력한다.
        노트북 출력이 깔끔하도록 아무것도 돌려주지 않는다(정답 여부가 필요하면 :meth:`grade`)."""
        passed, message = self.grade(answer)
        show_result(message, passed)
        self._record("check", passed=passed, blank=message == BLANK_MESSAGE)

    def hint(self) -> None:
        """힌트를 출력한다."""
        print(f"💡 힌트 — {self.title}\n{self.hint_text}")
        self._record("hint")

    def solution(self) -> None:
        """풀이를 출력한다."""
        print(f"📖 풀이 — {self.title}\n{self.solution_text}")
        self._record("solution")

    def _record(self, event: str, *, passed: bool = False, blank: bool = False) -> None:
        """학생 계정 안의 기록 파일에 한 줄을 남긴다. id가 없는 문제는 기록하지 않는다. 어떤 오류도 밖으로 내지 않는다."""
        try:
            exercise_id = self.id
            if exercise_id is not None:
                from helpers.exercises import records

                if not records.record(exercise_id, event, passed=passed, blank=blank):
                    _warn_once_about_records(records.last_error)
        except Exception:  # 기록 때문에 채점이 실패하지 않는다
            pass


_warned_about_records = False


def _warn_once_about_records(reason: str | None) -> None:
    """기록 파일에 쓰지 못했다는 것을 이 커널에서 한 번만 알린다(채점 결과는 그대로 보인다)."""
    global _warned_about_records
    if _warned_about_records:
        return
    _warned_about_records = True
    print(
        f"⚠️ 진행 기록을 저장하지 못했습니다({reason}). 채점 결과는 위와 같지만 helpers.progress()의 표에는 빠집니다.\n"
        "   Could not save the progress record; the result above is still valid."
    )


def _module_level_id(exercise: Exercise) -> str | None:
    """불러온 ``helpers.exercises.lessonNN`` 모듈 가운데 이 문제를 담은 변수의 이름(``"lesson01.q1"``). 이름이 여럿이면 이름순으로 맨 앞의 것."""
    import sys

    for module_name in sorted(name for name in list(sys.modules) if name.startswith("helpers.exercises.lesson")):
        module = sys.modules.get(module_name)
        if module is None:
            continue
        names = sorted(attr for attr, value in vars(module).items() if value is exercise)
        if names:
            return f"{module_name.rsplit('.', 1)[1]}.{names[0]}"
    return None


def _in_notebook() -> bool:
    """HTML을 그릴 수 있는 Jupyter 커널 안에서 실행 중인가."""
    import sys

    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


# 결과 상자의 색: 밝은 테마와 어두운 테마 모두에서 읽히도록 반투명 배경과 진한 왼쪽 테두리.
_BOX_COLOURS = {True: ("#1a7f37", "rgba(26, 127, 55, 0.10)"), False: ("#cf222e", "rgba(207, 34, 46, 0.08)")}
_BOX_NEUTRAL = ("#9a6700", "rgba(154, 103, 0, 0.10)")


def show_result(message: str, passed: bool) -> None:
    """채점 결과를 Jupyter에서는 색 상자(text/html과 text/plain을 함께)로, 그 밖에서는 print로 보여 준다."""
    if not _in_notebook():
        print(message)
        return
    import html

    from IPython.display import display

    border, background = _BOX_COLOURS[passed] if message[:1] in "✅❌" else _BOX_NEUTRAL
    body = html.escape(message)
    box = (
        f'<div style="border-left: 4px solid {border}; background: {background}; '
        'padding: 6px 10px; margin: 2px 0; white-space: pre-wrap; '
        'font-family: var(--jp-content-font-family, sans-serif); line-height: 1.5">'
        f"{body}</div>"
    )
    display({"text/plain": message, "text/html": box}, raw=True)


def as_number(answer: Any) -> float | None:
    """답을 유한한 실수 하나로 바꾼다. bool, 문자열, nan/inf, 숫자가 아닌 것은 ``None``.

    NumPy 스칼라, 원소가 하나인 배열, ``Fraction``, ``Decimal``도 받는다.
    """
    if isinstance(answer, bool | str):
        return None
    try:
        if getattr(answer, "size", None) == 1 and hasattr(answer, "item"):
            answer = answer.item()  # 원소 하나인 NumPy 배열
        value = float(answer)
    except (TypeError, ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def close(value: Any, expected: float, tol: float = 1e-3) -> bool:
    """``value``가 숫자로 바뀌고 ``expected``와 ``tol`` 이내(절대 또는 상대)이면 ``True``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return math.isclose(number, expected, rel_tol=tol, abs_tol=tol)


def numbers_close(values: Any, expected: Sequence[float], tol: float = 1e-3) -> bool:
    """``values``가 ``expected``와 같은 길이의 숫자 열이고 원소마다 가까우면 ``True``."""
    try:
        items = [float(v) for v in list(values)]
    except (TypeError, ValueError):
        return False
    return len(items) == len(expected) and all(
        math.isclose(a, b, rel_tol=tol, abs_tol=tol) for a, b in zip(items, expected, strict=True)
    )


# ---------------------------------------------------------------------------
# 모든 숫자 문제가 같은 규칙으로 답을 읽는다.
# - 정수: 32, np.int64(32), 32.0처럼 값이 정수인 실수, 원소 하나인 배열. bool과 문자열은 아니다.
# - 이름: 문자열 그대로(대소문자, 앞뒤 공백까지). 다르면 무엇이 다른지 알려 준다.
# - 모양: 정수의 튜플이나 리스트, 행렬은 중첩된 리스트(평평한 리스트는 행렬이 아니다).


def as_integer(answer: Any) -> int | None:
    """답을 정수 하나로 읽는다. 값이 정수가 아니거나 숫자가 아니면 ``None``."""
    value = as_number(answer)
    if value is None or not value.is_integer():
        return None
    return int(value)


def name_problem(answer: Any, expected: str) -> str | None:
    """문자열 답이 ``expected``와 글자 하나까지 같은가. 같으면 ``None``, 다르면 무엇이 다른지 알려 주는 문장."""
    if not isinstance(answer, str):
        return f"따옴표로 감싼 문자열로 답하세요(받은 값: {answer!r})."
    if answer == expected:
        return None
    if answer.strip() == expected:
        return f"앞뒤의 공백을 지우세요(받은 값: {answer!r}). Keras는 공백이 붙은 이름을 모릅니다."
    if answer.strip().lower() == expected.lower():
        return (
            f"대소문자까지 Keras의 이름과 같아야 합니다(받은 값: {answer!r}). 함수 이름은 소문자로"
            "(예: 'binary_crossentropy'), 클래스 이름은 단어의 첫 글자만 대문자로(예: 'BinaryCrossentropy') 씁니다."
        )
    return f"정답과 다른 이름입니다(받은 값: {answer!r})."


def as_matrix(answer: Any, shape: tuple[int, int]) -> list[list[float]] | None:
    """중첩된 리스트·튜플·2차원 배열(NumPy, TensorFlow 텐서)을 ``shape`` 모양의 행렬로 읽는다. 평평한 리스트는 ``None``."""
    if hasattr(answer, "numpy") and not hasattr(answer, "tolist"):
        answer = answer.numpy()  # tf.Tensor
    if hasattr(answer, "tolist") and getattr(answer, "ndim", None) == 2:
        answer = answer.tolist()
    if not isinstance(answer, list | tuple) or len(answer) != shape[0]:
        return None
    rows: list[list[float]] = []
    for row in answer:
        if not isinstance(row, list | tuple) or len(row) != shape[1]:
            return None
        values = [as_number(v) for v in row]
        if any(v is None for v in values):
            return None
        rows.append([float(v) for v in values])  # type: ignore[arg-type]
    return rows


def as_shape(answer: Any) -> tuple[int, ...] | None:
    """정수의 튜플·리스트, 정수 1차원 배열, ``tf.TensorShape``를 모양(shape)으로 읽는다. 문자열이나 숫자 하나는 ``None``."""
    if isinstance(answer, str | bytes | bool) or as_number(answer) is not None:
        return None
    if hasattr(answer, "as_list"):  # tf.TensorShape
        try:
            answer = answer.as_list()
        except ValueError:  # 크기를 모르는 축이 있다
            return None
    if hasattr(answer, "numpy") and not hasattr(answer, "tolist"):
        answer = answer.numpy()
    if hasattr(answer, "tolist") and getattr(answer, "ndim", None) == 1:
        answer = answer.tolist()
    if not isinstance(answer, list | tuple):
        return None
    shape = [as_integer(item) for item in answer]
    if any(item is None for item in shape):
        return None
    return tuple(shape)  # type: ignore[arg-type]


# 정밀도를 말하지 않은 숫자 문제의 정답 범위. 답은 정확히 계산되는 값이지만, 학생이 float32(TensorFlow, Keras의 기본
# 자료형)로 계산하면 108.2가 108.1999969가 된다. float32의 상대 오차(약 1e-7)를 여러 번 쌓은 것까지는 같은 값으로 본다.
# 120.1이나 119.9처럼 어림한 값(상대 차이 1e-4 이상)은 여전히 틀린다.
EXACT_REL_TOL = 1e-6


def exact(value: float, expected: float) -> bool:
    """정밀도를 말하지 않은 문제: 계산 결과와 같은가(float64든 float32든 계산 오차까지만 허용)."""
    return math.isclose(value, expected, rel_tol=EXACT_REL_TOL, abs_tol=1e-9)


def near_exact_message(value: float, expected: float) -> str | None:
    """정밀도를 말하지 않은 문제에서 정답에 가깝지만(1% 이내) 정확하지 않은 값이면 그 사실을 알려 주는 안내."""
    if abs(value - expected) <= 0.01 * max(abs(expected), 1.0):
        return (
            f"거의 맞았지만 정확한 값이 아닙니다(받은 값: {value:.10g}). 이 문제는 어림하거나 반올림하지 않은 "
            "정확한 값을 묻습니다. 계산 결과를 그대로 넣으세요."
        )
    return None
