"""자동 채점 연습 문제 (Kaggle learntools처럼, 인터넷 없이).

노트북에서::

    from helpers.exercises import lesson01 as ex
    answer = ...          # 여기에 답을 쓰세요
    ex.q1.check(answer)   # 채점 (틀려도, 비어 있어도 예외를 내지 않는다)
    ex.q1.hint()          # 힌트
    ex.q1.solution()      # 풀이

문제마다 정답 예시와 흔한 오답 예시를 함께 적어 두고, ``tests/test_exercises.py``가
모든 문제에 대해 정답은 통과하고 오답은 걸러지는지 확인한다.

``check()``, ``hint()``, ``solution()``은 학생 계정 안의 파일에 한 줄씩 기록을 남긴다(:mod:`helpers.exercises.records`).
학생은 ``helpers.progress()``로 자기 진행 상황을 본다.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

from helpers.exercises.core import Exercise, as_number, close, numbers_close

__all__ = ["Exercise", "all_exercises", "as_number", "close", "numbers_close"]


def all_exercises() -> Iterator[tuple[str, Exercise]]:
    """이 패키지의 모든 ``lessonNN`` 모듈에 있는 연습 문제를 ``("lesson01.q1", 문제)`` 꼴로 돌려준다."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("lesson"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, Exercise):
                # 기록에 쓰는 id: 처음 기록할 때 :attr:`Exercise.id`가 찾을 이름과 같다
                if value._id is None:
                    value._id = f"{info.name}.{attr}"
                yield f"{info.name}.{attr}", value
