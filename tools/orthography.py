"""강의에서 학습자가 읽는 글의 맞춤법 점검(띄어쓰기와 숫자 표기).

    python tools/orthography.py            # 어긋난 곳을 모두 보여 준다(있으면 종료 코드 1)
    python tools/orthography.py --count    # 규칙별 개수만 보여 준다

점검하는 규칙(한글 맞춤법 제41항, 제43항과 교과서의 숫자 표기):

- ``detached``: 조사와 서술격 조사(``입니다``, ``이다`` …)는 앞말에 붙여 쓴다. 영문, 숫자, 코드(`` `fit()` ``),
  수식(``$w$``) 뒤에서도 같다: ``XOR는``, `` `fit()`을 ``, ``$w$와``, ``1입니다``.
- ``detached-hangul``: 한글 낱말 뒤에 띄어 쓴 조사(``것 입니다``, ``함수 를``).
- ``grouping``: 다섯 자리 이상의 수는 세 자리마다 쉼표를 찍는다(``60,000``). ``2 000``처럼 띄어 묶지 않는다.
- ``counter``: 아라비아 숫자 뒤의 단위 명사와 ``만``·``억``은 붙여 쓴다(``2,000번``, ``100만 개``, ``50%``).
- ``agreement``: 숫자 뒤 조사는 숫자를 읽은 소리에 맞춘다(``1이``, ``2가``, ``10을``, ``1로``, ``3으로``, ``85%가``).
- ``range``: 수 사이의 물결표와 가운뎃점은 띄지 않는다(``70~100``, ``1943·1958``).
- ``paren``: 앞말을 풀이하는 괄호는 앞말에 붙인다(``목표 0.2(점선)에``).
- ``nested``: 괄호 안에 또 괄호가 필요하면 바깥쪽을 대괄호로 쓴다(문장 부호 규정): ``[미분(differentiation)과 …]``.
- ``saisiot``: 사이시옷을 받친 표준 표기(``최댓값``, ``기댓값``, ``실젯값``, ``임곗값``).
- ``colon``: 글(마크다운)과 학습자가 읽는 코드(``helpers``, 노트북 코드 셀)의 주석·문자열에서 끝난 문장 뒤에 쌍점을
  찍지 않는다(``…확인합니다: …`` → ``…확인합니다. …``).
- ``unit``: 영문 단위 기호는 숫자와 띄어 쓴다(``5 g``, ``188 MB``, ``77 ms``).

점검 대상은 학습자가 읽는 모든 글이다: 노트북(마크다운, 코드의 주석과 문자열, 저장된 출력), README,
``data/README.md``, ``docs/``, ``helpers``의 메시지와 연습 문제, 도구와 테스트의 메시지.
규칙에 맞지 않지만 그대로 두어야 하는 곳은 ``ALLOWED``에 까닭과 함께 적는다(짧게 유지한다).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers.korean import number_final_sound

ROOT = Path(__file__).resolve().parent.parent

# 조사와 서술격 조사의 활용형. 긴 것을 먼저 맞추도록 길이순으로 정렬해서 쓴다.
_PARTICLES = """
은 는 이 가 을 를 의 에 에서 에게 께 한테 로 으로 로서 으로서 로써 으로써 로부터 으로부터 와 과 랑 이랑 도 만 까지 부터
보다 처럼 마다 밖에 조차 마저 만큼 대로 이나 나 든지 이든지 이든 든 이야 이란 란 이라는 라는 이라고 라고 이라면 라면
이라서 라서 이라 라 입니다 입니까 이다 이고 이며 이면 면 인 일 인데 이지만 이므로 이어서 여서 이어야 여야 이었다 였다
이었습니다 였습니다 이에요 예요 이죠 인지 인가 이거나 거나 일수록 이니까 이니 씩 째 에서부터 까지는 에서는 에서도 에는 에도
으로는 로는 으로도 로도 으로의 로의 에서의 과의 와의 과는 와는 과도 와도 만의 만으로 만큼의 까지의 부터는 보다는 처럼
이라도 라도 이면서 면서 이어도 여도 인가요 일까 일까요 이기 기 임 이므로 이라야 뿐 뿐이다 뿐이라 뿐이고 뿐입니다 뿐인
뿐이므로 짜리 다 에게도 에게는 에서나 에나 까지입니다 까지는 부터입니다 이라고만 라고만 인데도 임에도 이었고 이었으며 이면서도 인지는 인지를 들 들을 들이 들은 들의 들도 들과 들로
에서만 까지만 로만 으로만 보다도 이었는데 였는데 지만 라고도 이라고도 이라고는 라고는
"""
PARTICLES = sorted(set(_PARTICLES.split()), key=len, reverse=True)
_PARTICLE_RE = "|".join(PARTICLES)
# 문장 부호, 닫는 괄호·따옴표, 마크다운 강조, 줄 끝이 조사 뒤에 온다.
_AFTER = r"(?=[\s.,!?:;()\]}~…·\"'”’*_<|/\\]|$)"
# 영문, 숫자, 코드 스팬의 닫는 `, 수식의 닫는 $, 닫는 괄호, 따옴표, 강조 표시 뒤.
_BEFORE_NON_HANGUL = (
    r"(?:[A-Za-z0-9)\]`$%}'\"”’>²³α-ωΑ-Ω]|(?<![.!?])\*\*|(?<![.!?])__|(?<=[A-Za-z0-9])\||(?<![*\s])\*(?!\*))"
)
# 말줄임표, 도형 기호, 줄표 뒤: '이'·'도' 같은 관형사·부사와 헷갈리지 않는 조사만 본다.
_BEFORE_SYMBOL = r"[…○△×—]"
_SAFE_PARTICLES = "은|는|을|를|에서|에게|으로|으로는|에서는|과는|와는|입니다|이다|이고|이며|였습니다|이었습니다|라고|이라고|라고도"
DETACHED = re.compile(
    rf"(?:(?P<before>{_BEFORE_NON_HANGUL}) (?P<particle>{_PARTICLE_RE})|{_BEFORE_SYMBOL} (?:{_SAFE_PARTICLES})"
    rf"|[\"”’] 고(?= [가-힣]))(?={_AFTER[3:]}"
)
# 한글 낱말 뒤에 띄어 쓴 조사: 홀로 쓰일 수 없는 것만 본다(이·가·나·도·만 … 은 관형사·명사와 헷갈린다).
DETACHED_HANGUL = re.compile(
    r"(?<=[가-힣]) (?P<particle>은|는|을|를|에서|에게|으로|으로는|에서는|과는|와는|입니다|이다|이고|이며|였습니다|이었습니다)"
    + _AFTER
)
# 띄어 묶은 수(2 000, 10 000 000)와 쉼표 없는 다섯 자리 이상의 수.
SPACE_GROUPED = re.compile(r"(?<![\dA-Za-z_.,])\d{1,3}(?:[  ]\d{3})+(?![\dA-Za-z_.,])")
UNGROUPED = re.compile(r"(?<![\dA-Za-z_.,/#\-+])\d{5,}(?![\dA-Za-z_.,/])")
# 아라비아 숫자 뒤에 띄어 쓴 단위 명사(의존 명사), 만·억, 퍼센트.
COUNTERS = (
    "번째 번 개 배 명 장 회 층 절 초 분 줄 칸 가지 차원 단계 자리 년 월 일 점 살 만 억 천 조 퍼센트 바이트 시간 주 달 "
    "행 열 종 개월 초간 년대 주일 에포크 스텝"
).split()
COUNTER = re.compile(
    rf"(?:(?<![\w.])\d(?:[\d,]*\d)?(?:\.\d+)?|}}|(?<=\d)\$) (?P<counter>{'|'.join(sorted(COUNTERS, key=len, reverse=True))})"
    rf"(?:씩|째|{_PARTICLE_RE})?{_AFTER}"
)
PERCENT = re.compile(r"[\d}] %")
# 수의 범위와 나열: 물결표와 가운뎃점 앞뒤를 띄지 않는다(1974~1980, 1986·2006).
RANGE = re.compile(r"\d(?: [~·] ?| ?[~·] )\d")
# 앞말을 풀이하는 괄호는 앞말에 붙인다: `목표 0.2(점선)에`, `$\eta$(에타)는` (괄호 뒤에 조사가 오는 경우).
# 쉼표가 있는 괄호는 `(784, 그림 수)` 같은 순서쌍일 수 있어 보지 않는다.
PAREN = re.compile(r"(?<=[\w$`*])(?<!즉) \((?=[^(),\n]{0,40}[가-힣][^(),\n]{0,40}\)[가-힣])")
# 영문 단위 기호는 SI처럼 숫자와 띄어 쓴다(5 g, 188 MB, 77 ms, 1.96 L).
LATIN_UNIT = re.compile(r"(?<![\w.:])\d+(?:\.\d+)?(?:kcal|mg|kg|MB|GB|KB|ms|mL|cm|mm|g|L)(?![A-Za-z0-9])")

# 아라비아 숫자 뒤 조사의 받침 맞추기: 숫자를 읽은 소리의 끝(1 일, 2 이, 10 십, 1,000 천 …)에 따라
# 은/는, 이/가, 을/를, 과/와, 으로/로를 고른다. ㄹ 받침 뒤에는 '로'를 쓴다(1로, 7로).
NUMBER_PARTICLE = re.compile(
    r"(?<![\w.])(?P<number>\d[\d,]*(?:\.\d+)?)(?P<percent>%?)(?P<particle>은|는|이|가|을|를|과|와|으로|로)(?![가-힣])"
)
_PAIRS = {"은": "는", "이": "가", "을": "를", "과": "와", "으로": "로"}


def particle_agrees(number: str, particle: str, percent: bool = False) -> bool:
    end = "v" if percent else number_final_sound(number)  # 퍼센트
    return _particle_fits(end, particle)


def _particle_fits(end: str, particle: str) -> bool:
    """끝소리(v 모음, l ㄹ 받침, c 그 밖의 받침)에 맞는 조사인가."""
    if particle in ("으로", "로"):
        return (particle == "로") == (end in "vl")
    return (particle in _PAIRS) == (end != "v")


# 굵게 안에 조사까지 넣지 않는다: '**신경망은**' → '**신경망**은'(강조할 것은 용어다).
BOLD_PARTICLE = re.compile(r"\*\*(?P<inside>[^*\n]{1,30}?)(?:은|는|이|가|을|를|과|와|으로|로|의|에서|에)\*\*")


def _glossary_terms() -> list[str]:
    """용어집의 한국어 용어(긴 것부터). 굵게 안에 조사를 넣었는지 볼 때 쓴다."""
    global _TERMS
    if _TERMS is None:
        import yaml

        entries = yaml.safe_load((ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8"))
        _TERMS = sorted((e["ko"] for e in entries), key=len, reverse=True)
    return _TERMS


_TERMS: list[str] | None = None


# 끝난 문장 뒤의 쌍점은 영어식이다: "…확인합니다: 다음 문장"은 마침표로 끊는다.
COLON_AFTER_SENTENCE = re.compile(r"(?:(?<=[가-힣]다)(?<!마다)|(?<=보면)):(?=\s|$)")

# 사이시옷(한글 맞춤법 제30항): 앞말이 모음으로 끝나는 한자어 + '값'은 [깝]으로 소리 나므로 ㅅ을 받친다.
SAISIOT = {
    "기대값": "기댓값", "최대값": "최댓값", "최소값": "최솟값", "절대값": "절댓값", "결과값": "결괏값",
    "함수값": "함숫값", "실제값": "실젯값", "근사값": "근삿값", "대표값": "대푯값", "최고값": "최곳값",
    "최저값": "최젓값", "극대값": "극댓값", "극소값": "극솟값", "초기값": "초깃값", "임계값": "임곗값",
}  # fmt: skip
SAISIOT_RE = re.compile("|".join(SAISIOT))


# 수식 안의 \text{ 에서}: 조사는 수식 밖에 붙여 쓰거나 \text 안에서 띄지 않는다.
MATH_TEXT = re.compile(r"\\text\{\s+[가-힣]")
# 한글 낱말 사이의 가운뎃점은 띄지 않는다(문장 부호 규정): '입력·출력', '입력 · 출력' 아님.
SPACED_MIDDOT = re.compile(r"[가-힣] · [가-힣]")
# 출력의 'ValueError :'처럼 쌍점 앞의 빈칸(print(값, ":", 값)이 만든다).
SPACE_BEFORE_COLON = re.compile(r"[\w)] :(?=\s|$)")
# 괄호 두 개를 잇대어 쓰지 않는다: '손실(loss)(평균)' → 한 괄호에 함께 쓴다.
STACKED_PARENS = re.compile(r"\)\((?=[^)\n]*[가-힣])")

# 수식 뒤 조사: 수식의 마지막 기호를 읽은 소리에 맞춘다($x^2$을[제곱], $\theta$를[세타], $w_1$로[일]).
# 읽는 법이 하나로 정해지지 않는 꼴(모자, 막대, 분수, 괄호로 끝나는 식)은 보지 않는다.
_GREEK_END = {
    "alpha": "v", "beta": "v", "gamma": "v", "delta": "v", "epsilon": "c", "varepsilon": "c", "eta": "v",
    "theta": "v", "lambda": "v", "mu": "v", "sigma": "v", "tau": "v", "phi": "v", "pi": "v", "omega": "v",
    "nabla": "v", "odot": "c", "infty": "v", "prime": "c",
}  # fmt: skip
_LETTER_END = {"l": "l", "r": "l", "m": "c", "n": "c"}  # 엘, 알, 엠, 엔. 나머지 로마자 이름은 모음으로 끝난다.
MATH_PARTICLE = re.compile(r"(?<!\$)\$(?P<math>[^$\n]+)\$(?P<particle>은|는|이|가|을|를|과|와|으로|로)(?![가-힣])")


def math_final_sound(math: str) -> str | None:
    """수식을 소리 내어 읽었을 때의 끝소리(``v``, ``l``, ``c``), 정하기 어려우면 None."""
    body = re.sub(r"\\[,;!]|\\right|\s+", "", math)
    if re.search(r"(?:\^\{?[23]\}?|[²³])$", body):
        return "c"  # 제곱, 세제곱
    if re.search(r"(?:'|\^\{?\\prime\}?)$", body):
        return "c"  # 프라임
    body = re.sub(r"_\{([^{}]*)\}$", r"_\1", body)
    if body.endswith((")", "]", "}", "|")):
        return None
    greek = re.search(r"\\([A-Za-z]+)$", body)
    if greek:
        return _GREEK_END.get(greek.group(1))
    if re.search(r"\\[A-Za-z]+\{?[A-Za-z0-9]$", body):
        return None  # \hat y, \mathbf{x} 같은 꾸밈
    number = re.search(r"(?<![A-Za-z])\d+(?:\.\d+)?$", body)
    if number:
        return number_final_sound(number.group(0))
    if re.search(r"(?<![A-Za-z])[A-Za-z]$|_[A-Za-z]$", body):
        return _LETTER_END.get(body[-1].lower(), "v")
    return None


# 본문에서 함수는 `fit()`처럼 빈 괄호로 가리킨다: `fit(...)`, `fit(…)`은 한 가지 꼴로 맞춘다.
CALL_WITH_DOTS = re.compile(r"`[A-Za-z_][\w.]*\((?:\.\.\.|…)\)`")

# 점검하는 파일: git이 추적하는 글 파일 가운데 한글이 있는 것.
TEXT_SUFFIXES = {".md", ".py", ".ipynb", ".yml", ".yaml", ".txt", ".toml", ".sh", ""}
SKIP = {"tools/orthography.py", "helpers/korean.py"}  # 이 두 파일은 규칙의 예를 담고 있다.

# 규칙에 걸리지만 맞는 표기. (파일, 그 줄에 들어 있는 글, 까닭)
ALLOWED: list[tuple[str, str, str]] = [
    ("notebooks/07_mnist.ipynb", "시드        42", "시드 번호(31337)는 수량이 아니라 이름이다"),
    *[("tests/test_exercises_lessons_00_05.py", f'"{bad}"', "보고된 틀린 표기가 다시 나오지 않는지 찾는 테스트")
      for bad in ("108가", "0가", "1.0가")],
    ("tests/test_particles.py", '"5이"가 된다', "규칙이 막는 틀린 표기의 예"),
    ("docs/glossary.yml", "rejected: [", "용어집은 쓰지 않는 표기(초기값, 임계값)를 기록한다"),
    ("docs/GLOSSARY.md", "| 문턱, 문턱값, 임계값 |", "용어집 페이지의 '쓰지 않는 말' 칸"),
    ("docs/GLOSSARY.md", "| 초기값 |", "용어집 페이지의 '쓰지 않는 말' 칸"),
]


@dataclass(frozen=True)
class Finding:
    rule: str
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: [{self.rule}] {self.text}"


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        out = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and ".git" not in p.parts]
    return [ROOT / p for p in out if (ROOT / p).suffix in TEXT_SUFFIXES and p not in SKIP]


def _notebook_texts(path: Path) -> Iterator[tuple[str, str]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        yield f"cell {i} ({cell['cell_type']})", source
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                yield f"cell {i} (output)", "".join(output["text"])
            elif "text/plain" in output.get("data", {}):
                yield f"cell {i} (table)", "".join(output["data"]["text/plain"])


def learner_texts() -> Iterator[tuple[str, str]]:
    """(어디, 글) 쌍. 노트북은 셀과 출력마다, 나머지 파일은 파일 전체."""
    for path in _tracked_files():
        rel = path.relative_to(ROOT).as_posix()
        try:
            if path.suffix == ".ipynb":
                for where, text in _notebook_texts(path):
                    yield f"{rel} {where}", text
            else:
                text = path.read_text(encoding="utf-8")
                if re.search("[가-힣]", text):
                    yield rel, text
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue


def _line_of(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)].strip()


def check_text(text: str, where: str = "") -> list[Finding]:
    """글 하나에서 규칙에 어긋난 곳."""
    found: list[Finding] = []
    for rule, pattern in (
        ("detached", DETACHED),
        ("detached-hangul", DETACHED_HANGUL),
        ("grouping", SPACE_GROUPED),
        ("grouping", UNGROUPED),
        ("counter", COUNTER),
        ("counter", PERCENT),
        ("unit", LATIN_UNIT),
        ("range", RANGE),
        ("paren", PAREN),
        ("saisiot", SAISIOT_RE),
        ("colon", COLON_AFTER_SENTENCE),
        ("math-text", MATH_TEXT),
        ("middot", SPACED_MIDDOT),
        ("space-colon", SPACE_BEFORE_COLON),
        ("stacked-paren", STACKED_PARENS),
        ("call-form", CALL_WITH_DOTS),
    ):
        prose = where.endswith("(markdown)") or where.endswith(".md") or not where
        learner_code = where.startswith("helpers/") or where.endswith("(code)")  # 학습자가 읽는 코드의 주석과 문자열
        if rule == "colon" and learner_code:
            pass
        elif rule in ("colon", "middot", "stacked-paren", "call-form") and not prose:
            continue  # 프로그램 메시지의 "무엇: 값"은 표제와 내용으로 본다
        if rule == "space-colon" and not (where.endswith("(output)") or not where):
            continue  # 저장된 출력에서만: 코드와 글의 ' : '는 다른 뜻일 수 있다
        if rule == "stacked-paren":
            masked = _mask_code_and_math(text)
            if not pattern.search(masked):
                continue
            for m in pattern.finditer(masked):
                found.append(Finding(rule, where, _line_of(text, m.start())))
            continue
        for m in pattern.finditer(text):
            if rule == "grouping" and (
                where.endswith("(table)") or not _is_prose_number(text, m.start(), pattern is UNGROUPED)
            ):
                continue
            line = _line_of(text, m.start())
            found.append(Finding(rule, where, line))
    for m in NUMBER_PARTICLE.finditer(text):
        if not particle_agrees(m["number"], m["particle"], bool(m["percent"])):
            found.append(Finding("agreement", where, _line_of(text, m.start())))
    for m in MATH_PARTICLE.finditer(text):
        end = math_final_sound(m["math"])
        if end is not None and not _particle_fits(end, m["particle"]):
            found.append(Finding("agreement-math", where, _line_of(text, m.start())))
    if where.endswith("(markdown)") or where.endswith(".md") or not where:
        for m in BOLD_PARTICLE.finditer(text):
            inside = re.sub(r"\([^()]*\)$", "", m["inside"].strip())  # '**신경망(neural network)은**'
            if inside in _glossary_terms():
                found.append(Finding("bold-particle", where, _line_of(text, m.start())))
    file = where.split(" ")[0]
    return [f for f in found if not any(file == a and s in f.text for a, s, _ in ALLOWED)]


def _is_prose_number(text: str, start: int, outside_code: bool) -> bool:
    """수가 한글 문장(코드 스팬이나 수식이 아닌 곳)에 있는가."""
    line = _line_of(text, start)
    if not re.search("[가-힣]", line) or line.startswith("["):
        return False
    if not outside_code:
        return True
    before = text[text.rfind("\n", 0, start) + 1 : start]
    # 코드 스팬과 수식 안이면 제외(여는 표시가 홀수 개).
    return before.count("`") % 2 == 0 and before.count("$") % 2 == 0


def check_repository() -> list[Finding]:
    findings: list[Finding] = []
    for where, text in learner_texts():
        if where.endswith(".py") or where.endswith("(code)"):
            text = _python_prose(text)
        findings += check_text(text, where)
    return findings


def _python_prose(source: str) -> str:
    """파이썬 코드에서 사람이 읽는 부분(주석과 문자열)만 남긴다. 코드는 빈칸으로 바꿔 줄 번호를 지킨다."""
    import io
    import tokenize

    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def pos(row_col: tuple[int, int]) -> int:
        return offsets[row_col[0] - 1] + row_col[1]

    keep: list[str] = []
    fstring_start = getattr(tokenize, "FSTRING_START", None)  # Python 3.12+
    fstring_end = getattr(tokenize, "FSTRING_END", None)
    depth, opened = 0, 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == fstring_start:
                if depth == 0:
                    opened = pos(tok.start)
                depth += 1
            elif tok.type == fstring_end:
                depth -= 1
                if depth == 0:
                    keep.append(source[opened : pos(tok.end)])
            elif depth == 0 and tok.type in (tokenize.COMMENT, tokenize.STRING):
                keep.append(tok.string)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return source  # 셀 매직 같은 것: 전체를 본다.
    return "\n".join(keep)


# ---------------------------------------------------------------------------
# 문체: 노트북 본문은 합니다체, 학습 목표와 정리의 항목은 한다체

_SENTENCE_END = re.compile(r"([가-힣]+)다\.(?=\s|$|\*|\)|\|)")
_QUOTED = re.compile(r"`[^`\n]*`|\$[^$\n]*\$|\"[^\"\n]*\"|“[^”\n]*”|'[^'\n]*'")


def _kind_of_cell(source: str) -> str:
    first = source.strip().split("\n", 1)[0]
    if re.match(r"#+ (\d+\.\s*)?(학습 목표|정리)\s*$", first):
        return "bullets"
    return "body"


def register_findings(paths: list[Path] | None = None) -> list[Finding]:
    """문체가 어긋난 문장. 본문은 합니다체(…니다.), 학습 목표·정리의 항목(``- ``)은 한다체(…다.)."""
    found: list[Finding] = []
    for path in paths or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        rel = path.name
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            if cell["cell_type"] != "markdown":
                continue
            source = "".join(cell["source"])
            kind = _kind_of_cell(source)
            in_bullet = False
            for line in source.split("\n"):
                if line.startswith("- "):
                    in_bullet = True
                elif not line.startswith("  "):
                    in_bullet = False
                if line.startswith("#"):
                    continue
                text = _QUOTED.sub("", line)
                want_handa = kind == "bullets" and in_bullet
                bold_end = _BOLD_HANDA_AT_END.search(text)
                if bold_end and not want_handa and not bold_end.group(1).endswith("니"):
                    found.append(Finding("register:합니다체", f"{rel} cell {index}", line.strip()))
                for m in _SENTENCE_END.finditer(text):
                    word = m.group(1)
                    # 합니다체의 '니다'는 ㅂ 받침 뒤에 온다(합·습·됩·입): '아니다'는 한다체다.
                    hapnida = word.endswith("니") and len(word) > 1 and (ord(word[-2]) - 0xAC00) % 28 == 17
                    if hapnida == want_handa:
                        style = "한다체" if want_handa else "합니다체"
                        found.append(Finding(f"register:{style}", f"{rel} cell {index}", line.strip()))
            if kind == "body":
                found += [Finding("register:fragment", f"{rel} cell {index}", item) for item in _fragments(source)]
    return found


# 굵게 안에서 끝나는 한다체 문장: '**이것이 핵심이다**' (본문은 합니다체).
_BOLD_HANDA_AT_END = re.compile(r"([가-힣]+)다\.?\*\*\.?\s*$")
# 합니다체 문장과 섞인, 동사 없이 명사로 끝나는 항목('- 학습률이 너무 큼.').
_FULL_ITEM = re.compile(r"니다[.)]?\s*$|[?!]\s*$")
_FRAGMENT_ITEM = re.compile(r"[가-힣]\.\s*$")


def _fragments(source: str) -> list[str]:
    """한 목록 안에서 다른 항목은 '…니다.'로 끝나는데 명사로 끝나고 마침표를 찍은 항목."""
    items: list[list[str]] = [[]]
    for line in source.split("\n"):
        if line.startswith("- "):
            items[-1].append(line)
        elif line.startswith("  ") and items[-1]:
            items[-1][-1] += " " + line.strip()
        elif items[-1]:
            items.append([])
    found = []
    for group in items:
        ends = [_QUOTED.sub("", item) for item in group]
        if any(_FULL_ITEM.search(e) for e in ends):
            found += [item for item, e in zip(group, ends, strict=True) if _FRAGMENT_ITEM.search(e) and not e.rstrip().endswith("다.")]
    return found


# ---------------------------------------------------------------------------
# 괄호 안의 괄호: 바깥쪽은 대괄호로 (한글 맞춤법 부록 문장 부호 14 [ ])


def _mask_code_and_math(text: str) -> str:
    blank = lambda m: " " * len(m.group())  # noqa: E731
    text = re.sub(r"```.*?```", blank, text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", blank, text, flags=re.S)
    text = re.sub(r"``.+?``", blank, text)
    return re.sub(r"\$[^$\n]+\$|`[^`\n]+`|\]\([^)\s]+\)", blank, text)


def nested_parentheses(text: str) -> list[str]:
    """소괄호 안에 또 소괄호가 있는 줄(코드와 수식 밖)."""
    lines = []
    for line in _mask_code_and_math(text).split("\n"):
        depth = 0
        for char in line:
            depth += (char == "(") - (char == ")" and depth > 0)
            if depth == 2:
                lines.append(line.strip())
                break
    return lines


def nested_findings() -> list[Finding]:
    """노트북의 마크다운 셀과 저장소의 마크다운 문서에서 괄호 안의 괄호."""
    found: list[Finding] = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            if cell["cell_type"] == "markdown":
                found += [
                    Finding("nested", f"notebooks/{path.name} cell {index}", line)
                    for line in nested_parentheses("".join(cell["source"]))
                ]
    for path in [ROOT / "README.md", ROOT / "data" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        rel = path.relative_to(ROOT).as_posix()
        found += [Finding("nested", rel, line) for line in nested_parentheses(path.read_text(encoding="utf-8"))]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", action="store_true", help="규칙별 개수만")
    args = parser.parse_args(argv)
    findings = check_repository() + register_findings() + nested_findings()
    if args.count:
        for (rule, file), n in sorted(Counter((f.rule, f.where.split(" ")[0]) for f in findings).items()):
            print(f"{rule:16} {file:45} {n:5,}")
        print(f"합계 {len(findings):,}곳")
    else:
        for f in findings:
            print(f)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
