"""코드를 쓰는 연습 문제: 학습자가 쓴 함수나 모델을 실제로 실행해서 채점한다.

채점기는 학습자가 보지 못한 입력(경계 사례 포함)으로 함수를 부르고, 참고 구현과 결과를 비교하고,
흔한 실수마다 그 실수에 맞는 힌트를 한국어로 돌려준다. 어떤 답에도 예외를 내지 않는다.

- 아직 비어 있는 함수(본문이 ``...``)는 "아직 답이 없습니다"로 알린다.
- 함수가 예외를 내면 어떤 입력에서 무슨 오류가 났는지 알려 준다.
- 너무 오래 걸리면(무한 반복 등) 가능한 플랫폼에서는 멈추고 알려 준다.
- 학습자의 변수는 바꾸지 않는다. 입력은 복사해서 넘기고, 모델은 학습자 함수를 다시 불러 새로 만든다.
"""

from __future__ import annotations

import contextlib
import copy
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from helpers.exercises.core import BLANK_MESSAGE, Exercise
from helpers.korean import josa


def _blank_template(*args: Any, **kwargs: Any) -> None: ...


def is_blank_function(obj: Any) -> bool:
    """본문이 ``...``(또는 ``pass``)뿐인 함수인가. 노트북의 빈칸 함수가 이렇게 생겼다."""
    code = getattr(obj, "__code__", None)
    if code is None:
        return False
    return (
        code.co_code == _blank_template.__code__.co_code
        and not code.co_names
        and all(const is None or const is Ellipsis for const in code.co_consts)
    )


class TimeLimitExceeded(BaseException):
    """학습자 코드가 제한 시간을 넘겼다.

    ``Exception``이 아니라 ``BaseException``을 상속한다(``KeyboardInterrupt``와 같은 자리). 학습자 코드의
    ``except Exception: pass``가 이 신호를 삼켜 채점이 끝나지 않는 일이 없게 하려는 것이다."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """``seconds``초가 지나면 :class:`TimeLimitExceeded`를 낸다.

    유닉스의 주 스레드(JupyterLab 커널이 셀을 실행하는 곳)에서는 타이머 신호를 쓴다. 파이썬은 신호를 바이트코드
    사이에서만 처리하므로, NumPy 연산 하나가 오래 걸리면 그 연산이 끝난 뒤에 멈춘다. 그 밖(Windows 등)에서는
    파이썬 줄마다 시간을 보는 추적 함수로 반복문을 멈춘다.
    """
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():

        def _alarm(signum: int, frame: Any) -> None:
            raise TimeLimitExceeded

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return

    deadline = time.monotonic() + seconds
    previous_trace = sys.gettrace()

    def _trace(frame: Any, event: str, arg: Any) -> Any:
        if time.monotonic() > deadline:
            raise TimeLimitExceeded
        return _trace

    sys.settrace(_trace)
    try:
        yield
    finally:
        sys.settrace(previous_trace)


class LearnerCodeError(Exception):
    """학습자의 함수가 예외를 냈거나 입력을 제자리에서 바꿨다. 메시지는 학습자에게 그대로 보여 줄 한국어 문장이다.

    ``in_place``는 입력을 바꾼 경우 ``True``다(예외가 난 경우와 구별할 때 쓴다)."""

    def __init__(self, message: str, *, in_place: bool = False) -> None:
        super().__init__(message)
        self.in_place = in_place


def describe(value: Any) -> str:
    """값을 짧게 보여 주는 글. 숫자는 유효 숫자 6자리, 1차원 배열은 20개까지, 2차원 이상은 모양과 앞의 몇 개."""
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        short = f"{value:.6g}"
        # 어림한 글이 값과 다르면 더 길게 보인다. 정답과 0.5 다른 답이 정답처럼 보이면 학생은 정답을 넣고도 틀렸다고 여긴다.
        looks_whole = "." not in short and "e" not in short and "n" not in short  # inf, nan 빼고
        return f"{value:.12g}" if looks_whole and float(short) != value else short
    if isinstance(value, np.ndarray):
        if value.ndim > 1:
            head = np.array2string(value.ravel()[:4], precision=4, separator=", ")[:-1]
            return f"모양 {value.shape}의 배열 {head}, …]"
        return np.array2string(value, precision=4, threshold=20, separator=", ")
    if isinstance(value, tuple | list) and value and all(isinstance(v, np.ndarray | np.generic | float | int) for v in value):
        inner = ", ".join(describe(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def brief(value: Any) -> str:
    """오류 안내에 쓰는 짧은 설명: 배열은 모양과 자료형만, 숫자는 그대로, 그 밖은 짧은 repr."""
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()
    if isinstance(value, np.ndarray):
        return f"모양 {value.shape}, {value.dtype} 배열"
    return describe(value)


def _parameter_names(function: Callable[..., Any], count: int) -> list[str]:
    """함수의 위치 인수 이름(모르면 '1번째 인수'처럼)."""
    import inspect

    try:
        names = [
            p.name
            for p in inspect.signature(function).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        names = []
    return [names[i] if i < len(names) else f"{i + 1}번째 인수" for i in range(count)]


# 라이브러리의 영어 오류 문장 → 한국어 설명. 위에서부터 처음 맞는 것 하나를 쓴다.
# 규칙마다 (조건들, 설명): 조건 하나는 오류 문장에 모두 들어 있어야 하는 조각들이고, 조건 가운데 하나만 맞으면 된다.
_ERROR_ADVICE: tuple[tuple[tuple[tuple[str, ...], ...], str], ...] = (
    ((("matmul",), ("not aligned",), ("mismatch in its core dimension",)),
     "행렬 곱의 모양이 맞지 않습니다. (a, b) @ (b, c)처럼 가운데 크기가 같아야 합니다. 인수의 순서와 전치(.T)를 보세요."),
    ((("could not be broadcast",),),
     "두 배열의 모양이 맞지 않아 원소끼리 계산할 수 없습니다. 각 배열의 모양을 print(x.shape)로 출력해 보세요."),
    ((("truth value of an array",),),
     "배열 전체를 if 조건에 넣었습니다. 원소마다 고르려면 np.where(조건, 참일 때 값, 거짓일 때 값)을 쓰고, "
     "배열 조건 두 개를 이을 때는 and, or 대신 &, |를 쓰세요."),
    ((("only 0-dimensional arrays",), ("only length-1 arrays",), ("only size-1 arrays",)),
     "math 모듈의 함수는 숫자 하나만 받습니다. 배열에는 np.tanh, np.exp처럼 NumPy 함수를 쓰세요."),
    ((("has no attribute",),),
     "그런 이름의 속성(함수·층·메서드)이 없습니다. 철자와 대소문자, 그리고 값의 종류(리스트인지 배열인지)를 "
     "확인하세요(예: MaxPooling2D, Conv2D, np.maximum)."),
    ((("Could not interpret", "identifier"),),
     "Keras가 모르는 이름입니다. 활성화 함수, 손실, 지표, 옵티마이저 이름의 철자와 대소문자를 확인하세요."),
    ((("min_ndim",), ("expected ndim",)),
     "층이 기대하는 입력의 차원 수와 들어온 데이터의 차원 수가 다릅니다. "
     "Conv2D는 (샘플, 높이, 너비, 채널)의 4차원 입력을 받습니다. Input(shape=...)을 확인하세요. shape에는 샘플 축을 빼고 (높이, 너비, 채널)만 적습니다."),
    ((("features, but", "is expecting"),),
     "학습할 때와 예측할 때 입력의 특성(열) 수가 다릅니다. 입력은 (샘플 수, 특성 수)의 2차원 배열이어야 합니다."),
    ((("index", "out of bounds"), ("list index out of range",)),
     "배열이나 리스트의 범위를 벗어난 위치에 접근했습니다. 반복 범위(range)와 길이를 확인하세요."),
    ((("cannot reshape array of size",),),
     "원소 수가 맞지 않아 모양을 바꿀 수 없습니다. 바꾸기 전과 후의 원소 수가 같아야 하고, "
     "데이터 개수는 숫자로 고정하지 말고 -1이나 len(x)로 두세요."),
    ((("ncompatible", "shape"),),
     "층이나 배열의 모양이 맞지 않습니다. 입력과 출력의 모양을 확인하세요."),
)  # fmt: skip


def explain_error(err: BaseException) -> str:
    """라이브러리의 오류를 한국어 설명 한 줄로. 모르는 오류면 빈 문자열."""
    text = f"{type(err).__name__}: {err}"
    for conditions, advice in _ERROR_ADVICE:
        if any(all(piece in text for piece in condition) for condition in conditions):
            return advice
    return ""


def call(function: Callable[..., Any], *args: Any, name: str | None = None) -> Any:
    """학습자 함수를 입력의 복사본으로 부른다.

    - 예외는 어떤 입력(모양)에서 났는지와 한국어 설명을 먼저, 원래 오류 문장을 마지막에 담은
      :class:`LearnerCodeError`로 바꾼다(시간 초과는 그대로 올려 보낸다).
    - 함수가 받은 입력을 제자리에서 바꾸면(``x += …``, ``out=x``, ``x[...] = …``) 그것도 알린다.
      학생의 데이터가 모르는 사이에 바뀌는 실수이기 때문이다.
    """
    copies = [copy.deepcopy(a) for a in args]
    label = name or getattr(function, "__name__", "")
    label = "작성한" if label in ("", "<lambda>") else label
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            result = function(*copies)
    except TimeLimitExceeded:
        raise
    except Exception as err:
        names = _parameter_names(function, len(args))
        inputs = ", ".join(f"{n} = {brief(a)}" for n, a in zip(names, args, strict=True))
        advice = explain_error(err)
        lines = [f"{label} 함수를 부르자 오류가 났습니다." + (f" 넣은 입력: {inputs}" if inputs else "")]
        if advice:
            lines.append(f"   {advice}")
        # TensorFlow의 "Graph execution error"는 노드 위치 목록이 길고, 쓸모 있는 문장은 마지막 줄에 있다.
        text_lines = [line for line in str(err).strip().splitlines() if line.strip()] or [""]
        original = text_lines[-1] if text_lines[0].startswith("Graph execution error") else text_lines[0]
        lines.append(f"   (원래 오류: {type(err).__name__}: {original[:300]})")
        raise LearnerCodeError("\n".join(lines)) from err
    changed = [i for i, (before, after) in enumerate(zip(args, copies, strict=True)) if _was_changed(before, after)]
    if changed:
        names = _parameter_names(function, len(args))
        which = ", ".join(names[i] for i in changed)
        first = names[changed[0]]
        raise LearnerCodeError(
            f"{label} 함수가 입력으로 받은 {which} 값을 제자리에서 바꿨습니다"
            f"(예: {first} += …, {first}[...] = …, np.tanh({first}, out={first})).\n"
            "   그러면 함수를 부른 쪽의 데이터도 모르는 사이에 바뀝니다. 새 배열을 만들어 돌려주세요(예: x = x + …).",
            in_place=True,
        )
    return result


def _was_changed(before: Any, after: Any) -> bool:
    """함수에 넘긴 복사본(after)이 원래 값(before)과 달라졌는가(배열, 리스트, 딕셔너리)."""
    if isinstance(before, np.ndarray):
        return not (
            isinstance(after, np.ndarray)
            and before.shape == after.shape
            and np.array_equal(before, after, equal_nan=True)
        )
    if isinstance(before, list | dict):
        try:
            return bool(before != after)
        except ValueError:  # 배열이 든 리스트
            return True
    return False


def returns_several(first: Any, names: Sequence[str]) -> str | None:
    """결과 여러 개를 튜플로 돌려줘야 하는 문제의 첫 검사. 문제가 없으면 ``None``."""
    if first is None:
        return "함수가 아무 값도 돌려주지 않습니다. 마지막에 return " + ", ".join(names) + "처럼 돌려주세요."
    if not isinstance(first, tuple | list) or len(first) != len(names):
        return f"값 {len(names)}개를 return {', '.join(names)}처럼 차례로 돌려주세요(받은 값: {describe(first)})."
    return None


def changed_inputs(function: Callable[..., Any], *args: Any) -> list[int]:
    """함수가 입력으로 받은 배열을 제자리에서 바꾸는지 본다. 바뀐 인수의 번호 목록."""
    copies = [copy.deepcopy(a) for a in args]
    with contextlib.suppress(Exception), warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        function(*copies)
    changed = []
    for index, (before, after) in enumerate(zip(args, copies, strict=True)):
        if isinstance(before, np.ndarray) and not np.array_equal(before, after, equal_nan=True):
            changed.append(index)
    return changed


def is_text(value: Any) -> bool:
    """문자열(또는 문자열이 든 배열·목록)인가. 숫자 대신 글자를 돌려주는 실수를 잡는다."""
    if isinstance(value, str | bytes):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "USO" and any(isinstance(v, str | bytes) for v in value.ravel()[:10])
    if isinstance(value, tuple | list):
        return any(is_text(v) for v in value)
    return False


def as_array(value: Any, shape: tuple[int, ...] | None = None) -> np.ndarray | None:
    """숫자 배열로 바꾼다(텐서, 리스트, 스칼라 포함). 안 되거나 모양이 다르면 ``None``."""
    if is_text(value):
        return None
    try:
        if hasattr(value, "numpy"):
            value = value.numpy()
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    if shape is not None and array.shape != shape:
        return None
    return array


def same(a: Any, b: Any, tol: float = 1e-6) -> bool:
    """두 값(배열 포함)이 모양과 값 모두 같은가."""
    x, y = as_array(a), as_array(b)
    return x is not None and y is not None and x.shape == y.shape and bool(np.allclose(x, y, atol=tol, rtol=tol))


class CodeExercise(Exercise):
    """학습자가 쓴 코드(함수, 모델을 만드는 함수)를 받아 실행해서 채점하는 문제.

    ``mistakes``는 흔한 잘못된 풀이와 그 풀이에 채점기가 꼭 돌려줘야 할 힌트의 한 구절이다.
    테스트는 정답 풀이가 통과하는지, 잘못된 풀이마다 그 힌트가 나오는지 확인한다.
    ``check()``, ``hint()``, ``solution()``이 기록을 남기는 것은 :class:`Exercise`와 같다.
    """

    def __init__(
        self,
        title: str,
        checker: Callable[[Any], str | None],
        *,
        hint: str,
        solution: str,
        correct: Sequence[Any],
        mistakes: Sequence[tuple[Callable[..., Any], str]],
        time_limit: float = 10.0,
        slow_hint: str = "끝나지 않는 반복문(while 조건)이나 너무 큰 반복 횟수가 있는지 살펴보세요.",
        exercise_id: str | None = None,
    ) -> None:
        super().__init__(
            title,
            checker,
            hint=hint,
            solution=solution,
            correct=correct,
            wrong=[wrong for wrong, _ in mistakes],
            exercise_id=exercise_id,
        )
        self.mistakes = tuple(mistakes)
        self.time_limit = time_limit
        self.slow_hint = slow_hint

    def grade(self, answer: Any = None) -> tuple[bool, str]:
        if answer is None or answer is Ellipsis or is_blank_function(answer):
            return False, BLANK_MESSAGE
        if not callable(answer):
            return False, (
                f"❌ 아직 아닙니다. 괄호 없이 함수 이름만 넘기세요(받은 값: {describe(answer)}).\n"
                "   예: 함수 이름이 neuron이면 .check(neuron)처럼 넘깁니다(.check(neuron(x, w, b))가 아닙니다)."
            )
        try:
            with time_limit(self.time_limit):
                problem = self.checker(answer)
        except TimeLimitExceeded:
            return False, (
                f"⏱️ {self.time_limit:g}초 안에 끝나지 않아 채점을 멈췄습니다. {self.slow_hint}"
            )
        except LearnerCodeError as err:
            return False, f"❌ 아직 아닙니다. {err}\n   막히면 .hint()를, 풀이를 보려면 .solution()을 불러 보세요."
        except Exception as err:  # 채점 중 다른 오류도 학습자에게 알린다
            return False, (
                f"❌ 답을 확인하다가 오류가 났습니다. {type(err).__name__}: {err}\n"
                "   함수가 돌려주는 값의 종류와 모양을 살펴보세요. 막히면 .hint()를 불러 보세요."
            )
        if problem is None:
            return True, f"✅ 정답입니다! — {self.title}"
        return False, f"❌ 아직 아닙니다. {problem}\n   막히면 .hint()를, 풀이를 보려면 .solution()을 불러 보세요."


def _matches(got: Any, want: Any, tol: float) -> bool:
    if isinstance(want, tuple):
        return (
            isinstance(got, tuple | list)
            and len(got) == len(want)
            and all(_matches(g, w, tol) for g, w in zip(got, want, strict=True))
        )
    if is_text(got):
        return False
    got_array, want_array = as_array(got), as_array(want)
    if got_array is not None and want_array is not None and want_array.ndim == 0 and got_array.size == 1:
        got = got_array.reshape(())  # 숫자 하나를 원소 하나짜리 배열로 돌려줘도 맞다
    return same(got, want, tol)


def _difference(got: Any, want: Any, name: str, shape_hint: str) -> str:
    """값 하나가 어떻게 다른지: 모양, 값, 보이지 않을 만큼 작은 차이."""
    label = f"{name}: " if name else ""
    if got is None or _contains_none(got):
        return (
            f"{label}None을 돌려준(아무 값도 돌려주지 않은) 경우가 있습니다. "
            "if 문의 모든 갈래에서 return하는지, print만 하고 return을 빠뜨리지 않았는지 보세요."
        )
    got_array, want_array = as_array(got), as_array(want)
    if got_array is None:
        return f"{label}숫자 대신 {type(got).__name__} 값을 돌려줬습니다({describe(got)}). {shape_hint}".rstrip()
    if want_array is not None and got_array.shape != want_array.shape:
        return (
            f"{label}돌려준 배열의 모양은 {got_array.shape}, 기대한 모양은 {want_array.shape}입니다. {shape_hint}".rstrip()
        )
    shown = f"기대한 값은 {describe(want)}, 받은 값은 {describe(got)}입니다."
    if describe(want) == describe(got) and want_array is not None:
        gap = float(np.nanmax(np.abs(got_array - want_array))) if got_array.size else 0.0
        shown += f" 화면에서는 같아 보이지만 가장 큰 차이가 {gap:.1e}입니다."
    if not np.isfinite(got_array).all():
        shown += " 결과에 nan이나 inf가 있습니다."
    return label + shown


def _short(value: Any) -> str:
    """입력을 보여 주는 짧은 글: 원소가 8개 이하인 배열은 값까지, 큰 배열은 모양만."""
    array = value.numpy() if hasattr(value, "numpy") and not isinstance(value, np.ndarray) else value
    if isinstance(array, np.ndarray) and array.size > 8:
        return brief(array)
    return describe(value)


def _contains_none(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(v is None or _contains_none(v) for v in value)
    if isinstance(value, np.ndarray) and value.dtype == object:
        return any(v is None for v in value.ravel())
    return False


def compare_with_reference(
    learner: Callable[..., Any],
    reference: Callable[..., Any],
    cases: Sequence[tuple[Any, ...]],
    *,
    variants: Sequence[tuple[Callable[..., Any], str]] = (),
    tol: float = 1e-6,
    shape_hint: str = "",
    names: Sequence[str] = (),
) -> str | None:
    """학습자 함수를 ``cases``의 입력마다 부르고 참고 구현과 비교한다.

    모두 같으면 ``None``. 다르면 흔한 실수(``variants``: 잘못된 구현과 그 힌트) 가운데 결과가 모든 입력에서
    일치하는 것의 힌트를, 없으면 처음 틀린 입력과 그 입력에서 무엇이 다른지 알려 준다. 결과가 여러 개(튜플)이면 ``names``로
    어느 것이 다른지 말한다.
    """
    got_all = [call(learner, *case) for case in cases]
    want_all = [reference(*case) for case in cases]
    if all(_matches(g, w, tol) for g, w in zip(got_all, want_all, strict=True)):
        return None
    if all(g is None for g in got_all):
        return "함수가 아무 값도 돌려주지 않습니다. 마지막에 return으로 결과를 돌려주세요."
    if any(is_text(g) for g in got_all):
        return "숫자가 아니라 문자열을 돌려줬습니다. 계산한 숫자를 str()이나 f-문자열로 바꾸지 말고 그대로 return하세요."
    for variant, hint in variants:
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                expected = [variant(*copy.deepcopy(case)) for case in cases]
        except Exception:  # 이 실수는 이 입력에서 오류가 난다. 학습자의 답은 이 실수가 아니다
            continue
        if all(_matches(g, e, tol) for g, e in zip(got_all, expected, strict=True)):
            return hint
    if names and all(
        isinstance(g, tuple | list) and len(g) == len(w) and sorted(map(describe, g)) == sorted(map(describe, w))
        for g, w in zip(got_all, want_all, strict=True)
    ):
        return f"값은 맞지만 돌려주는 순서가 다릅니다. return {', '.join(names)} 순서로 돌려주세요."
    for case, got, want in zip(cases, got_all, want_all, strict=True):
        if _matches(got, want, tol):
            continue
        argument_names = _parameter_names(reference, len(case))
        inputs = ", ".join(f"{n} = {_short(a)}" for n, a in zip(argument_names, case, strict=True))
        where = f" (넣은 입력: {inputs})"
        if isinstance(want, tuple):
            if not isinstance(got, tuple | list) or len(got) != len(want):
                return f"값 {len(want)}개를 return {', '.join(names) or '…'}처럼 차례로 돌려주세요(받은 값: {describe(got)})."
            for index, (g, w) in enumerate(zip(got, want, strict=True)):
                if not _matches(g, w, tol):
                    name = names[index] if index < len(names) else f"{index + 1}번째 값"
                    return _difference(g, w, name, shape_hint) + where
        return _difference(got, want, "", shape_hint) + where
    return None  # pragma: no cover - 위에서 모두 다루었다


# ---------------------------------------------------------------------------
# Keras 모델을 만드는 문제가 함께 쓰는 검사: 층을 어떻게 썼든(Dense의 activation 인수, 따로 둔 ReLU·Softmax·Activation 층)
# 실제로 적용되는 활성화 함수를 읽고, 출력층 활성화와 손실의 from_logits가 서로 맞는지 본다.

_ACTIVATION_LAYERS = {"ReLU": "relu", "Softmax": "softmax", "LeakyReLU": "leaky_relu", "ELU": "elu", "PReLU": "prelu"}


def _activation_name(function: Any) -> str:
    name = str(getattr(function, "__name__", function))
    return {"softmax_v2": "softmax"}.get(name, name)  # tf.nn.softmax의 이름은 softmax_v2


def dense_activations(model: Any) -> list[tuple[int, str]]:
    """모델의 Dense 층마다 (뉴런 수, 실제로 적용되는 활성화 함수).

    ``Dense(4, activation="relu")``와 ``Dense(4), ReLU()``, ``Dense(4), Activation("relu")``는 모두
    ``(4, "relu")``다. 사이에 있는 BatchNormalization, Dropout 같은 층은 건너뛴다.
    """
    import keras

    found: list[list[Any]] = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            found.append([layer.units, _activation_name(layer.activation)])
        elif found and isinstance(layer, keras.layers.Activation):
            found[-1][1] = _activation_name(layer.activation)
        elif found and type(layer).__name__ in _ACTIVATION_LAYERS:
            found[-1][1] = _ACTIVATION_LAYERS[type(layer).__name__]
    return [(units, name) for units, name in found]


def loss_from_logits(loss: Any) -> bool:
    """compile에 넘긴 손실이 로짓(활성화 전의 값)을 기대하는가(``from_logits=True``)."""
    if loss is None or isinstance(loss, str):
        return False
    if bool(getattr(loss, "from_logits", False)):
        return True
    config = getattr(loss, "get_config", None)
    if callable(config):
        with contextlib.suppress(Exception):
            return bool(config().get("from_logits", False))
    return False


def _stacked_activations(model: Any) -> list[str]:
    """마지막 Dense 층 뒤에 실제로 적용되는 활성화 함수를 차례로(linear는 뺀다).

    ``Dense(1, activation="sigmoid")`` 뒤에 ``Activation("sigmoid")``가 또 있으면 ``["sigmoid", "sigmoid"]``.
    """
    import keras

    applied: list[str] = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            applied = [_activation_name(layer.activation)]
        elif applied and isinstance(layer, keras.layers.Activation):
            applied.append(_activation_name(layer.activation))
        elif applied and type(layer).__name__ in _ACTIVATION_LAYERS:
            applied.append(_ACTIVATION_LAYERS[type(layer).__name__])
    return [name for name in applied if name != "linear"]


def _layers_after_output(model: Any) -> list[str]:
    """마지막 Dense 층 뒤에 있는, 활성화가 아닌 층의 종류(Dropout, BatchNormalization 등)."""
    import keras

    after: list[str] = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            after = []
        elif isinstance(layer, keras.layers.Activation) or type(layer).__name__ in _ACTIVATION_LAYERS:
            continue
        else:
            after.append(type(layer).__name__)
    return after


def logits_problem(model: Any) -> str | None:
    """출력층이 확률(또는 로짓)을 제대로 내는지: 활성화를 두 번 적용했거나, 출력층 뒤에 다른 층이 있거나,
    출력층 활성화와 손실의 ``from_logits``가 어긋나면 그 설명. 맞으면 ``None``."""
    layers = dense_activations(model)
    if not layers:
        return None
    stacked = _stacked_activations(model)
    if len(stacked) > 1:
        return (
            f"출력층에 활성화 함수를 두 번 적용했습니다({' → '.join(stacked)}). "
            "출력층의 Dense에 activation을 주었다면 그 뒤에 Activation이나 Softmax 층을 또 두지 않습니다. "
            "두 번 적용하면 출력이 더는 제대로 된 확률이 아닙니다."
        )
    after = _layers_after_output(model)
    if after:
        return (
            f"출력층(마지막 Dense) 뒤에 다른 층이 있습니다({', '.join(after)}). 학습하는 동안 그 층이 출력을 바꾸므로 "
            "출력이 더는 확률이 아닙니다. 출력층을 모델의 마지막 층으로 두세요."
        )
    output = layers[-1][1]
    if loss_from_logits(getattr(model, "loss", None)) and output in ("sigmoid", "softmax"):
        return (
            f"출력층에 활성화 함수 {josa(output, '을')} 두고 손실에도 from_logits=True를 주면 "
            "활성화를 두 번 적용하는 셈입니다. 둘 중 하나만 쓰세요. 출력층에 활성화를 두고 손실은 기본값(from_logits=False)으로 "
            "두거나, 출력층을 활성화 없이(linear) 두고 손실에 from_logits=True를 주면 됩니다."
        )
    return None


def _compile_settings(model: Any) -> dict[str, Any]:
    config = getattr(model, "_compile_config", None)
    return dict(getattr(config, "config", None) or {})


def compile_problem(model: Any) -> str | None:
    """compile에 넘긴 손실과 지표의 이름을 Keras가 fit에서 하는 방식 그대로 풀어 본다.

    Keras는 이름을 compile 때가 아니라 첫 fit 때 풀기 때문에, 철자가 틀린 지표(``"acuracy"``)도
    compile은 통과하고 학습하려는 순간 오류가 난다. 그 실수를 채점에서 미리 알려 준다.
    ``"accuracy"``/``"acc"``(지표)와 ``"crossentropy"``/``"ce"``(손실)는 Keras가 출력 모양을 보고 고르는 별칭이다.
    """
    import keras

    settings = _compile_settings(model)
    metrics = settings.get("metrics") or []
    if isinstance(metrics, dict):
        metrics = [m for value in metrics.values() for m in (value if isinstance(value, list | tuple) else [value])]
    elif not isinstance(metrics, list | tuple):
        metrics = [metrics]
    for metric in metrics:
        if isinstance(metric, str) and metric.lower() in ("accuracy", "acc"):
            continue
        try:
            keras.metrics.get(metric)
        except (ValueError, TypeError):
            return (
                f"compile의 metrics에 넣은 {metric!r} — Keras가 모르는 평가 지표 이름입니다. "
                "철자와 대소문자를 확인하세요(예: 'accuracy'). 이대로 두면 fit을 부르는 순간 오류가 납니다."
            )
    loss = settings.get("loss", getattr(model, "loss", None))
    if isinstance(loss, str) and loss.lower() not in ("crossentropy", "ce"):
        try:
            keras.losses.get(loss)
        except (ValueError, TypeError):
            return (
                f"compile의 loss에 넣은 {loss!r} — Keras가 모르는 손실 이름입니다. "
                "철자와 대소문자를 확인하세요. 이대로 두면 fit을 부르는 순간 오류가 납니다."
            )
    return None
