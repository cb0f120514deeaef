"""00 환경 점검: 연습 문제 사용법을 익히는 두 문제."""

from __future__ import annotations

from typing import Any

from helpers.exercises.core import Exercise


def _check_rows(answer: Any) -> str | None:
    if isinstance(answer, bool) or not isinstance(answer, int):
        return f"행의 수는 정수로 적으세요(받은 값: {answer!r}). 예: len(df)"
    if answer == 80:
        return "데이터 이름은 '80 Cereals'이지만 실제 파일의 행 수는 다릅니다. len(df)로 세어 보세요."
    if answer == 16:
        return "16은 열(column)의 수입니다. 행(row)의 수를 구하세요: df.shape[0]"
    if answer != 77:
        return f"{answer}행이 아닙니다. df.shape를 출력해 보세요."
    return None


q1 = Exercise(
    "시리얼 데이터의 행 수",
    _check_rows,
    hint="helpers.load_cereals()가 돌려준 DataFrame을 df라 하면 df.shape는(행, 열)입니다.",
    solution="df = helpers.load_cereals()\nanswer = len(df)   # 또는 df.shape[0] → 77",
    correct=[77],
    wrong=[80, 16, 78, "77", 77.0],
)


def _check_shape(answer: Any) -> str | None:
    if not isinstance(answer, tuple | list) or not all(isinstance(n, int) for n in answer):
        return f"모양(shape)은 정수 튜플로 적으세요(받은 값: {answer!r}). 예: x_train.shape"
    shape = tuple(answer)
    if shape == (60000, 784):
        return "784는 28×28 그림을 한 줄로 펼친 뒤의 크기입니다. 불러온 그대로의 모양을 적으세요."
    if shape == (10000, 28, 28):
        return "그것은 테스트 이미지의 모양입니다. 훈련 이미지(x_train)의 모양을 적으세요."
    if shape == (28, 28):
        return "그것은 그림 한 장의 모양입니다. 그림 60,000장이 쌓인 배열 전체의 모양을 적으세요."
    if shape != (60000, 28, 28):
        return f"{shape}가 아닙니다. x_train.shape를 출력해 보세요."
    return None


q2 = Exercise(
    "MNIST 훈련 이미지 배열의 모양",
    _check_shape,
    hint="(x_train, y_train), (x_test, y_test) = helpers.load_mnist() 다음 x_train.shape를 보세요.",
    solution="(x_train, y_train), (x_test, y_test) = helpers.load_mnist()\nanswer = x_train.shape   # (60000, 28, 28)",
    correct=[(60000, 28, 28), [60000, 28, 28]],
    wrong=[(60000, 784), (10000, 28, 28), (28, 28), 60000, "(60000, 28, 28)"],
)
