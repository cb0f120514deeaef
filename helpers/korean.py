"""값 뒤에 붙는 한국어 조사를 그 값을 소리 내어 읽은 끝소리에 맞게 고른다.

``f"{n}이"``처럼 조사를 고정하면 n이 5일 때 "5이"가 된다. 대신 ``josa(n, "이")``는
``"5가"``, ``josa(1, "으로")``는 ``"1로"``(ㄹ 받침), ``josa((5, 1), "이어야")``는 ``"(5, 1)이어야"``를 돌려준다.

읽는 법: 아라비아 숫자는 한자어 수사로 읽는다(1 일, 2 이, 10 십, 1,000 천, 0.5 영 점 오).
한글은 마지막 글자의 받침을 본다. 로마자(코드 이름)는 외래어 표기에서 흔한 끝소리로 어림한다
(m, n, ng → 받침, l → ㄹ 받침, 그 밖 → 모음: ``relu``[렐루], ``dense``[덴스], ``adam``[아담]).
"""

from __future__ import annotations

import re
from typing import Any

# 숫자 끝자리를 읽은 소리: 모음 v, ㄹ 받침 l, 그 밖의 받침 c.
_DIGIT_END = {"0": "c", "1": "l", "2": "v", "3": "c", "4": "v", "5": "v", "6": "c", "7": "l", "8": "l", "9": "v"}

# (받침 뒤, 모음 뒤) 꼴. ㄹ 받침 뒤의 '(으)로'는 '로'다.
PAIRS: dict[str, tuple[str, str]] = {
    "이": ("이", "가"), "가": ("이", "가"),
    "은": ("은", "는"), "는": ("은", "는"),
    "을": ("을", "를"), "를": ("을", "를"),
    "과": ("과", "와"), "와": ("과", "와"),
    "으로": ("으로", "로"), "로": ("으로", "로"),
    "이어야": ("이어야", "여야"), "여야": ("이어야", "여야"),
    "이나": ("이나", "나"), "나": ("이나", "나"),
    "이라": ("이라", "라"), "라": ("이라", "라"),
    "이면": ("이면", "면"), "면": ("이면", "면"),
}  # fmt: skip

_TRAILING = " \t\n`'\")]}>."
_NUMBER_AT_END = re.compile(r"\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?$", re.IGNORECASE)


def number_final_sound(number: str) -> str:
    """숫자를 읽은 소리의 끝: 모음 ``v``, ㄹ 받침 ``l``, 그 밖의 받침 ``c``. 1 → 일(l), 20 → 이십(c), 0.5 → 오(v)."""
    digits = number.replace(",", "")
    if "." in digits:  # 소수점 아래는 한 자리씩 읽는다
        return _DIGIT_END[digits[-1]]
    stripped = digits.rstrip("0")
    if stripped == digits or not stripped:
        return _DIGIT_END[digits[-1]]
    return "c"  # 십(ㅂ), 백(ㄱ), 천(ㄴ), 만(ㄴ)


def final_sound(text: str) -> str:
    """글을 소리 내어 읽었을 때의 끝소리: 모음 ``v``, ㄹ 받침 ``l``, 그 밖의 받침 ``c``."""
    body = text.rstrip(_TRAILING) or text
    if not body:
        return "v"
    last = body[-1]
    if "가" <= last <= "힣":
        tail = (ord(last) - ord("가")) % 28
        return "v" if tail == 0 else "l" if tail == 8 else "c"
    match = _NUMBER_AT_END.search(body)
    if match:
        number = match.group(0)
        if "e" in number.lower():  # 1e-05: 영 마이너스 오 → 끝자리
            return _DIGIT_END[number[-1]]
        return number_final_sound(number)
    word = body.lower()
    if word.endswith("%"):
        return "v"  # 퍼센트
    if word.endswith(("m", "n", "ng")):
        return "c"
    if word.endswith("l"):
        return "l"
    return "v"


def text_of(value: Any) -> str:
    """조사를 붙일 값의 표기: 실수는 유효 숫자 6자리, 그 밖은 ``str``."""
    if isinstance(value, float):
        short = f"{value:.6g}"
        # 0.9999999가 "1"로 보이면 학생이 넣은 값과 달라 보인다. 반올림해서 정수처럼 보이면 전부 적는다.
        if "e" not in short and "." not in short and not value.is_integer():
            return repr(value)
        return short
    return str(value)


def josa(value: Any, particle: str) -> str:
    """값에 그 끝소리에 맞는 조사를 붙여 돌려준다. ``particle``은 짝 가운데 어느 쪽이든 된다.

    >>> josa(5, "이"), josa(1, "으로"), josa("모델", "를"), josa("relu", "은")
    ('5가', '1로', '모델을', 'relu는')
    """
    if particle not in PAIRS:
        raise ValueError(f"모르는 조사: {particle!r} (unknown particle)")
    after_consonant, after_vowel = PAIRS[particle]
    text = text_of(value)
    end = final_sound(text)
    if after_consonant == "으로":
        chosen = after_vowel if end in "vl" else after_consonant
    else:
        chosen = after_vowel if end == "v" else after_consonant
    return text + chosen
