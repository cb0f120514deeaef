"""00 환경 점검: 연습 문제 사용법을 익히는 두 문제."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises.coding import describe
from helpers.exercises.core import Exercise, as_integer, as_shape


def _quoted_number(answer: Any) -> bool:
    """'77'처럼 숫자를 따옴표로 감싼 문자열인가."""
    return isinstance(answer, str) and _to_float(answer.strip()) is not None


def _to_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _check_rows(answer: Any) -> str | None:
    if isinstance(answer, pd.DataFrame):
        return "표(DataFrame) 자체를 넘겼습니다. 표의 행 수를 세어 정수 하나로 답하세요."
    if isinstance(answer, tuple | list) and len(answer) == 2:
        return f"(행, 열) 두 값을 모두 넘겼습니다(받은 값: {describe(answer)}). 그 가운데 행의 수만 답하세요."
    if _quoted_number(answer):
        return f"따옴표 없이 숫자로 적으세요(받은 값: 문자열 {describe(answer)})."
    count = as_integer(answer)
    if count is None:
        return f"행의 수는 정수 하나로 적으세요(받은 값: {describe(answer)}). 예: 42"
    if count == 80:
        return "데이터 이름은 '80 Cereals'이지만 실제 파일의 행 수는 다릅니다. 불러온 표의 행을 세어 보세요."
    if count == 16:
        return "16은 열(column)의 수입니다. 행(row)의 수를 구하세요. 행의 수는 shape의 첫 번째 값입니다."
    if count != 77:
        return f"행의 수가 아닙니다(받은 값: {count}). cereals.shape를 출력해 보세요."
    return None


q1 = Exercise(
    "시리얼 데이터의 행 수",
    _check_rows,
    hint="helpers.load_cereals()가 돌려준 DataFrame을 cereals라 하면 cereals.shape는 (행, 열)입니다.",
    solution=(
        "cereals = helpers.load_cereals()\n"
        "# cereals.shape는 (행, 열)이므로 행의 수는 첫 번째 값입니다(len(cereals)와 같습니다).\n"
        "answer_q1 = cereals.shape[0]   # 77"
    ),
    correct=[77, 77.0, np.int64(77)],
    wrong=[80, 16, 78, "77", (77, 16), pd.DataFrame({"a": [1]}), 77.5],
)


def _plain(answer: Any) -> Any:
    """배열·텐서는 리스트로 바꿔 보여 준다. NumPy가 자리를 맞추느라 넣는 공백([60000,    28,    28])이 생기지 않게 하려는 것이다."""
    if hasattr(answer, "as_list"):
        try:
            return answer.as_list()
        except ValueError:
            return answer
    if hasattr(answer, "numpy") and not hasattr(answer, "tolist"):
        answer = answer.numpy()
    return answer.tolist() if hasattr(answer, "tolist") else answer


def _check_shape(answer: Any) -> str | None:
    if isinstance(answer, np.ndarray) and answer.ndim > 1:
        return f"배열 자체를 넘겼습니다(모양 {answer.shape}의 배열). 배열의 .shape를 답으로 넣으세요."
    if isinstance(answer, str):
        return f"따옴표 없이 튜플로 적으세요(받은 값: 문자열 {describe(answer)}). 예: (2, 3)"
    if as_integer(answer) is not None:
        return f"숫자 하나가 아니라 각 축의 크기를 모두 담은 튜플로 적으세요(받은 값: {describe(_plain(answer))})."
    # 모양은 모든 문제가 같은 규칙(core.as_shape)으로 읽는다. 튜플, 리스트, np.array(x_train.shape), tf.TensorShape를 모두 받는다.
    shape = as_shape(answer)
    if shape is None or not shape:
        return f"모양(shape)은 정수 튜플로 적으세요(받은 값: {describe(_plain(answer))}). 예: (2, 3)"
    if shape == (60000, 28, 28):
        return None
    if shape == (60000, 784):
        return "784는 28×28 그림을 한 줄로 펼친 뒤의 크기입니다. 불러온 그대로의 모양을 적으세요."
    if shape == (10000, 28, 28):
        return "받은 값은 테스트 이미지(x_test)의 모양입니다. 훈련 이미지(x_train)의 모양을 적으세요."
    if shape == (28, 28):
        return "받은 값은 그림 한 장의 모양입니다. 그림 60,000장이 쌓인 배열 전체의 모양을 적으세요."
    if sorted(shape) == [28, 28, 60000]:
        return "축의 순서가 다릅니다. 첫 번째 축은 그림 수이고, 그다음 두 축은 높이와 너비입니다."
    if shape == (60000,):
        return "받은 값은 레이블(y_train)의 모양입니다. 이미지 배열 x_train의 모양을 적으세요."
    return f"받은 모양 {shape} — x_train의 모양이 아닙니다. x_train.shape를 출력해 보세요."


q2 = Exercise(
    "MNIST 훈련 이미지 배열의 모양",
    _check_shape,
    hint="(x_train, y_train), (x_test, y_test) = helpers.load_mnist()를 실행한 다음 x_train.shape를 출력해 보세요.",
    solution=(
        "(x_train, y_train), (x_test, y_test) = helpers.load_mnist()\n"
        "# 모양은 (그림 수, 높이, 너비)입니다.\n"
        "answer_q2 = x_train.shape   # (60000, 28, 28)"
    ),
    correct=[
        (60000, 28, 28),
        [60000, 28, 28],
        (np.int64(60000), 28, 28),
        (60000.0, 28, 28),
        np.array((60000, 28, 28)),  # np.array(x_train.shape): 이슈 18 세 번째 풀이
    ],
    wrong=[
        (60000, 784),
        (10000, 28, 28),
        (28, 28),
        60000,
        "(60000, 28, 28)",
        (28, 28, 60000),
        (60000,),
        np.zeros((2, 28, 28)),
        (60000, 28.5, 28),
        np.array([60000, 784]),
    ],
)
