"""연습 문제 한 개를 나타내는 :class:`Exercise`와 채점에 쓰는 작은 도구들."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

# 채점 함수: 정답이면 None, 틀리면 무엇이 틀렸는지 알려 주는 한국어 문장을 돌려준다.
Checker = Callable[[Any], "str | None"]

BLANK_MESSAGE = (
    "✏️ 아직 답이 없습니다. `...` 자리에 답을 넣고 셀을 다시 실행하세요.\n"
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
    ) -> None:
        self.title = title
        self.checker = checker
        self.hint_text = hint
        self.solution_text = solution
        self.correct_examples = tuple(correct)
        self.wrong_examples = tuple(wrong)

    def __repr__(self) -> str:
        return f"Exercise({self.title!r})"

    def grade(self, answer: Any = None) -> tuple[bool, str]:
        """``(정답 여부, 안내 문장)``. 어떤 답에도 예외를 내지 않는다."""
        if answer is None or answer is Ellipsis:
            return False, BLANK_MESSAGE
        try:
            problem = self.checker(answer)
        except Exception as err:  # 학생 코드의 오류도 채점 결과로 알려 준다
            return False, (
                f"❌ 답을 확인하다가 오류가 났습니다: {type(err).__name__}: {err}\n"
                "   코드를 다시 살펴보세요. 막히면 .hint()를 불러 보세요."
            )
        if problem is None:
            return True, f"✅ 정답입니다! — {self.title}"
        return False, f"❌ 아직 아닙니다: {problem}\n   막히면 .hint(), 풀이는 .solution()"

    def check(self, answer: Any = None) -> None:
        """답을 채점해 결과를 출력한다. 비어 있거나 틀려도 예외를 내지 않는다.

        노트북 출력이 깔끔하도록 아무것도 돌려주지 않는다(정답 여부가 필요하면 :meth:`grade`)."""
        print(self.grade(answer)[1])

    def hint(self) -> None:
        """힌트를 출력한다."""
        print(f"💡 힌트 — {self.title}\n{self.hint_text}")

    def solution(self) -> None:
        """풀이를 출력한다."""
        print(f"📖 풀이 — {self.title}\n{self.solution_text}")


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
