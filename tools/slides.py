"""강의 노트북을 RISE(jupyterlab-rise) 슬라이드로 보여 줄 수 있게 셀마다 슬라이드 종류를 적는다.

셀의 ``metadata.slideshow.slide_type``과 그 뜻(jupyterlab-rise 0.43.1):

- ``slide``: 새 슬라이드(→ 키), ``subslide``: 지금 슬라이드 아래의 새 슬라이드(↓ 키)
- ``fragment``: 같은 슬라이드에서 한 번 더 넘기면 나타나는 셀
- ``-``: 앞 셀과 같은 슬라이드(같은 fragment)에 이어 붙는 셀
- ``skip``: 슬라이드에서만 보이지 않는 셀(노트북과 웹사이트에는 그대로 있다)
- ``notes``: 발표자 노트(이 강의에서는 쓰지 않는다)

규칙(1~4는 위에서부터 먼저 맞는 것을 쓰고, 5와 6은 그 결과 위에 차례로 적용한다):

1. EXCEPTIONS에 적은 셀은 그 값을 쓴다(5와 6도 이 셀은 바꾸지 않는다).
2. 첫 셀(제목)은 slide로 한다.
3. 준비와 확인만 하는 셀은 skip으로 한다. ``helpers.setup_notebook()``을 부르는 셀, import만 있는 셀
   (연습 문제의 ``from helpers.exercises import ...``는 빼고), 출력 없이 assert로 주장만 확인하는 셀이 그렇다.
4. ``## `` 제목으로 시작하는 마크다운은 slide, ``### ``와 ``#### ``는 subslide, 나머지는 ``-``로 한다.
5. 셀 높이의 어림(estimate_height)을 차례로 더해 BUDGET을 넘으면 그 셀에서 새 subslide를 연다.
   그 셀이 코드 셀이고 바로 앞 셀이 그 코드를 소개하는 마크다운이면 소개 글부터 새 subslide로 넘긴다.
6. 같은 슬라이드에서 코드 셀 바로 다음에 오는 마크다운(결과를 읽는 글)은 fragment로 한다. 결과를 먼저 보고,
   한 번 더 넘겨 설명을 본다.

셀 하나만으로도 화면보다 높아 더 나눌 수 없는 슬라이드는 SCROLLS에 까닭과 함께 적는다. 노트북마다
``metadata.rise.scroll``을 켜 두어, RISE가 그런 슬라이드(화면 높이의 95%보다 높은 것)를 스크롤 상자로 보인다.
그 밖의 슬라이드는 화면을 벗어나지 않아야 한다. tests/test_slides.py가 강의의 JupyterLab을 헤드리스
Chromium의 1280×720 화면으로 열어 확인한다.

    python tools/slides.py          # 여덟 강의에 슬라이드 종류를 쓴다(셀의 소스와 출력은 그대로)
    python tools/slides.py --check  # 적힌 값이 규칙과 같은지만 본다(다르면 종료 코드 1)
"""

from __future__ import annotations

import argparse
import ast
import base64
import math
import re
import struct
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# 노트북 전체의 RISE 설정: 화면보다 높은 슬라이드(SCROLLS)를 스크롤해서 끝까지 볼 수 있게 한다.
RISE = {"scroll": True}

# 슬라이드 하나에 넣을 어림 높이(px). 1280×720 화면에서 RISE가 스크롤 상자로 바꾸는 높이는 684 px(95%)이고,
# 어림의 오차(마크다운 셀에서 가장 크게 80 px)만큼 남겨 둔다.
BUDGET = 600

# 규칙과 다르게 정한 셀: {강의: {셀 id: slide_type}}. 까닭은 주석으로 단다.
EXCEPTIONS: dict[str, dict[str, str]] = {
    "00_environment_check": {
        "c003": "-",  # 1절이 바로 이 준비 셀(helpers.setup_notebook())을 설명한다
    },
    "06_lung_cancer_survival": {
        "c003": "skip",  # 건너뛰는 import 셀(c004)을 소개하는 글
    },
}

# 셀 하나가 화면보다 높아 스크롤해야 하는 슬라이드: {강의: {그 셀의 id: 까닭}}. 슬라이드에는 그 셀 하나만 있어야 한다.
SCROLLS: dict[str, dict[str, str]] = {
    "00_environment_check": {"c015": "한글 글꼴을 확인하는 그림과 그 코드 13줄"},
    "01_neuron": {
        "e152de40": "인공지능 ⊃ 머신러닝 ⊃ 딥러닝 그림과 그 코드 18줄",
        "448bb007": "신경망 역사 연표 그림과 그 코드 34줄",
        "c011": "가중치와 편향을 바꾼 직선 두 그림과 그 코드 15줄",
        "8204d5c9": "학습률별 출력과 손실 곡선 두 그림과 그 코드 23줄",
    },
    "03_xor_mlp": {
        "c007": "XOR 네 점 그림과 점 찍는 함수까지 코드 20줄",
        "c018": "입력 평면과 은닉층 평면 두 그림과 그 코드 23줄",
        "cd6eb9ef": "직교 좌표와 극좌표 두 그림과 그 코드 25줄",
        "ring-mlp-plot": "은닉 뉴런 넷이 가르는 원 그림과 그 코드 15줄",
        "c058": "시드 열 개의 손실 곡선 그림과 그 코드 18줄",
        "c061": "시드 열 개의 결정 영역 그림(2행 5열)과 그 코드 14줄",
    },
    "04_keras_sequential": {
        "c041": "축 두 개를 겹친 학습 곡선을 손으로 그리는 코드 21줄과 그 그림",
        "c053": "배치 크기별 손실 곡선 그림과 그 코드 12줄",
        "c085": "옛 코드와 새 코드를 나란히 놓은 표와 설명을 담은 마크다운 셀 하나(51줄)",
    },
    "05_cereal_regression": {
        "c007": "열 이름의 뜻을 적은 사전 코드 19줄과 17행 표",
        "c019": "세 입력과 칼로리의 산점도 세 개와 그 코드 14줄",
        "c021": "상관 계수 열지도(정사각형이라 높다)와 그 코드 7줄",
        "c034": "당류-칼로리 산점도에 직선 세 개를 그은 그림과 그 코드 11줄",
        "c062": "실젯값-예측값 그림(정사각형이라 높다)과 그 코드 19줄",
    },
    "06_lung_cancer_survival": {
        "c048": "손실·정확도와 손실·AUC 학습 곡선 두 그림과 그 코드 17줄",
        "c066": "혼동 행렬 그림과 그리는 함수까지 코드 15줄",
        "c073": "임곗값에 따른 지표 곡선 그림과 그 코드 13줄",
        "c089": "폴드별 AUC 그림과 그 코드 14줄",
        "24545ab7": "시드 스윕 결과를 요약하고 확인하는 코드 31줄과 출력 13줄",
    },
    "07_mnist": {
        "c044": "혼동 행렬 열지도(정사각형이라 높다)와 그 코드 19줄",
        "c047": "MLP가 틀린 그림 스물네 장과 그리는 함수까지 코드 16줄",
        "9fd7ba92": "CNN 후보 설계 일곱 개를 비교하는 코드 23줄과 출력 19줄",
    },
}

SLIDE_TYPES = ("slide", "subslide", "fragment", "-", "skip", "notes")
HIDDEN = ("skip", "notes")  # 슬라이드의 본문에 보이지 않는 종류

# ---------------------------------------------------------------------------
# 셀 높이 어림(px). 헤드리스 Chromium에서 강의의 셀 하나씩을 슬라이드 하나로 띄워 잰 값에 맞췄다.
# 잰 값과의 차이: 코드 셀은 표준편차 2 px(가장 크게 20 px), 마크다운 셀은 표준편차 15 px(가장 크게 80 px).

CODE_TOP, CODE_LINE = 20, 18.2  # 코드 입력: 위아래 여백 + 줄마다
TEXT_TOP, TEXT_LINE = 8, 16.8  # 글 출력(print, 표현식): 여백 + 줄마다
PICTURE_TOP, PICTURE_WIDTH = 68, 1137  # 그림 출력: 여백, 이보다 넓은 그림은 줄여서 보인다
TABLE_TOP, TABLE_ROW = 14, 20.3  # HTML 표(pandas): 여백 + 행마다
WIDGET = 63  # 그 밖의 HTML 출력(연습 문제의 채점 안내 등)
MD_TOP, MD_BLOCK, MD_LINE = 12, 12, 23.5  # 마크다운: 셀 여백, 문단·목록·표의 여백, 글 한 줄
MD_HEADING = {1: 92, 2: 60, 3: 44, 4: 32}  # 제목 수준별 높이
MD_TABLE_LINE, MD_CODE_LINE, MD_MATH = 28, 24, 43  # 표 한 줄, 코드 블록 한 줄, $$ 수식 한 덩이
MD_COLUMNS = 180  # 마크다운 한 줄에 들어가는 폭(한글은 두 칸으로 센다)

_MARKDOWN = MarkdownIt("commonmark").enable("table")


def _width(text: str) -> int:
    """보이는 폭(칸). 한글 같은 전각 문자는 두 칸."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _inline_width(text: str) -> int:
    """마크다운 한 덩이의 보이는 폭: 링크 주소, 강조 기호, 수식의 명령어는 빼고 센다."""
    # 인라인 수식은 명령어(\frac 등)와 중괄호, 첨자 기호를 뺀 글자 수만큼 센다
    inline_math = re.compile(r"\$([^$]+)\$")
    text = inline_math.sub(lambda m: "x" * len(re.sub(r"\\[a-zA-Z]+|[{}^_]", "", m[1])), text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return _width(text.replace("**", "").replace("`", "").replace("\n", " "))


def _lines(text: str) -> int:
    """글의 줄 수(끝의 줄바꿈은 줄을 더하지 않는다)."""
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def _markdown_height(source: str) -> float:
    """마크다운 셀의 높이 어림: 제목, 문단과 목록의 줄 수(폭 MD_COLUMNS로 줄바꿈), 표, 코드 블록, 수식."""
    height, lines = float(MD_TOP), []
    in_math = False
    for line in source.splitlines():  # 한 줄에 따로 선 $$ 수식은 markdown-it이 모르므로 먼저 센다
        text = line.strip()
        if text.startswith("$$") or (in_math and text.endswith("$$")):
            one_line = text.count("$$") == 2 and len(text) > 4
            if not in_math:
                height += MD_MATH + MD_BLOCK
            in_math = not in_math and not one_line
            lines.append("")
        elif not in_math:
            lines.append(line)
    tokens = _MARKDOWN.parse("\n".join(lines))
    depth, row = 0, []
    for index, token in enumerate(tokens):
        before = tokens[index - 1].type if index else ""
        if token.type == "heading_open":
            height += MD_HEADING[min(4, int(token.tag[1]))]
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type in ("fence", "code_block"):
            height += MD_BLOCK + MD_CODE_LINE * token.content.count("\n")
        elif token.type == "table_open":
            height += MD_BLOCK
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            height += MD_TABLE_LINE * max(1, math.ceil((sum(row) + 3 * len(row)) / MD_COLUMNS))
        elif token.type == "inline" and before in ("th_open", "td_open"):
            row.append(_inline_width(token.content))
        elif token.type == "inline" and before != "heading_open":
            if not depth:
                height += MD_BLOCK
            columns = MD_COLUMNS - 4 * depth
            height += MD_LINE * max(1, math.ceil(_inline_width(token.content) / columns))
    return height


def _png_height(data: str) -> float:
    """PNG의 머리(IHDR)에 적힌 크기로 본 그림의 높이. 슬라이드보다 넓으면 줄어든 만큼 낮아진다."""
    width, height = struct.unpack(">II", base64.b64decode(data[:64])[16:24])
    return height * min(1.0, PICTURE_WIDTH / width)


def _code_height(cell: Any) -> float:
    """코드 셀의 높이 어림: 입력의 줄 수와 저장된 출력(글, 그림, 표)."""
    height = CODE_TOP + CODE_LINE * _lines(cell.source)
    stream = None  # JupyterLab은 이어진 같은 스트림 출력을 한 덩이로 보인다
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if output["output_type"] == "stream":
            top = TEXT_TOP if stream != output["name"] else 0
            height += top + TEXT_LINE * _lines(output["text"])
            stream = output["name"]
            continue
        stream = None
        if "image/png" in data:
            height += PICTURE_TOP + _png_height(data["image/png"])
        elif "<table" in data.get("text/html", ""):
            height += TABLE_TOP + TABLE_ROW * data["text/html"].count("<tr")
        elif "text/html" in data:
            height += WIDGET
        elif "text/plain" in data:
            height += TEXT_TOP + TEXT_LINE * _lines(data["text/plain"])
    return height


def estimate_height(cell: Any) -> float:
    """셀이 1280×720 슬라이드에서 차지할 높이의 어림(px)."""
    if cell.cell_type == "markdown":
        return _markdown_height(cell.source)
    if cell.cell_type == "code":
        return _code_height(cell)
    return MD_TOP + MD_LINE * _lines(cell.source)


# ---------------------------------------------------------------------------
# 규칙


def _is_setup(cell: Any) -> bool:
    """슬라이드에 보일 필요가 없는 준비·확인 셀(규칙 3)."""
    if cell.cell_type != "code":
        return False
    if "helpers.setup_notebook(" in cell.source:
        return True
    try:
        body = ast.parse(cell.source).body
    except SyntaxError:
        return False
    if body and all(isinstance(s, ast.Import | ast.ImportFrom) for s in body):
        return "helpers.exercises" not in cell.source
    # 출력이 없고, assert와 그 assert가 쓸 값을 만드는 대입, 안에 assert만 있는 for 문뿐인 셀
    loops = [s for s in body if isinstance(s, ast.For)]
    only_checks = all(isinstance(s, ast.Assert | ast.Assign | ast.For) for s in body) and all(
        isinstance(inner, ast.Assert) for loop in loops for inner in loop.body
    )
    asserts = any(isinstance(node, ast.Assert) for s in body for node in ast.walk(s))
    return only_checks and asserts and not cell.get("outputs")


def _heading(cell: Any) -> int:
    """마크다운 셀을 여는 제목의 수준(없으면 0)."""
    match = re.match(r"(#{1,6}) ", cell.source) if cell.cell_type == "markdown" else None
    return len(match[1]) if match else 0


def slide_types(notebook: Any, lesson: str) -> list[str]:
    """셀마다 적을 slide_type(규칙 1~6)."""
    cells = notebook.cells
    exceptions = EXCEPTIONS.get(lesson, {})
    kinds: list[str] = []
    for index, cell in enumerate(cells):
        if index == 0:
            kinds.append("slide")
        elif _is_setup(cell):
            kinds.append("skip")
        elif _heading(cell) in (1, 2):
            kinds.append("slide")
        elif _heading(cell) in (3, 4):
            kinds.append("subslide")
        else:
            kinds.append("-")
        kinds[-1] = exceptions.get(cell.get("id", ""), kinds[-1])
    # 규칙 5: 어림 높이로 subslide를 더한다(예외로 정한 셀은 건드리지 않는다)
    current: list[int] = []  # 지금 슬라이드에 보이는 셀의 번호
    height = 0.0
    for index, cell in enumerate(cells):
        if kinds[index] in HIDDEN:
            continue
        own = estimate_height(cell)
        if kinds[index] in ("slide", "subslide") or not current:
            current, height = [index], own
            continue
        if height + own > BUDGET and cell.get("id", "") not in exceptions:
            before = current[-1]
            lead_in = (
                cell.cell_type == "code"
                and cells[before].cell_type == "markdown"
                and len(current) > 1
                and cells[before].get("id", "") not in exceptions
                and estimate_height(cells[before]) + own <= BUDGET
            )
            if lead_in:
                kinds[before] = "subslide"
                current, height = [before, index], estimate_height(cells[before]) + own
            else:
                kinds[index] = "subslide"
                current, height = [index], own
            continue
        current.append(index)
        height += own
    # 규칙 6: 같은 슬라이드에서 코드 셀 바로 다음의 마크다운은 fragment
    previous = None
    for index, cell in enumerate(cells):
        if kinds[index] in HIDDEN:
            continue
        follows_code = previous is not None and cells[previous].cell_type == "code"
        if (
            kinds[index] == "-"
            and cell.cell_type == "markdown"
            and follows_code
            and cell.get("id", "") not in exceptions
        ):
            kinds[index] = "fragment"
        previous = index
    return kinds


# ---------------------------------------------------------------------------
# 슬라이드의 모양(메타데이터에서 센다)


@dataclass
class Slide:
    """RISE가 만드는 화면 하나: 번호(h, v)와 그 화면에 보이는 셀의 번호."""

    h: int
    v: int
    cells: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        """RISE가 붙이는 section id."""
        return f"slide-{self.h}-{self.v}"


def deck(notebook: Any) -> list[Slide]:
    """셀의 slide_type으로 RISE가 만들 화면 목록. jupyterlab-rise 0.43.1의 markupSlides와 같은 규칙:
    첫 화면은 처음 보이는 셀에서 시작하고(그 앞의 slide·subslide 표시는 새 화면을 열지 않는다),
    그 뒤로 slide는 오른쪽에, subslide는 아래에 새 화면을 연다. skip과 notes는 화면에 보이지 않는다."""
    slides = [Slide(0, 0)]
    started = False
    for index, cell in enumerate(notebook.cells):
        kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")
        if started and kind == "slide":
            slides.append(Slide(slides[-1].h + 1, 0))
        elif started and kind == "subslide":
            slides.append(Slide(slides[-1].h, slides[-1].v + 1))
        if kind not in HIDDEN:
            started = True
            slides[-1].cells.append(index)
    return slides


def counts(notebook: Any) -> dict[str, int]:
    """슬라이드 수(→), 그 아래 슬라이드 수(↓), fragment와 skip 셀 수."""
    slides = deck(notebook)
    kinds = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in notebook.cells]
    return {
        "slide": len({s.h for s in slides}),
        "subslide": len([s for s in slides if s.v > 0]),
        "fragment": kinds.count("fragment"),
        "skip": kinds.count("skip"),
    }


# ---------------------------------------------------------------------------
# 쓰기와 확인


def apply(path: Path, write: bool) -> list[str]:
    """노트북 하나에 규칙을 적용한다. 돌려주는 값: 규칙과 다르게 적혀 있던 곳."""
    notebook = nbformat.read(path, as_version=4)
    kinds = slide_types(notebook, path.stem)
    wrong = []
    for index, (cell, kind) in enumerate(zip(notebook.cells, kinds, strict=True)):
        found = cell.metadata.get("slideshow")
        if found != {"slide_type": kind}:
            where = f"{path.name} 셀 {index}(id {cell.get('id')})"
            wrong.append(f"{where}: 적힌 값 {found}, 규칙 {kind}")
            cell.metadata["slideshow"] = {"slide_type": kind}
    if notebook.metadata.get("rise") != RISE:
        wrong.append(f"{path.name}: metadata.rise가 {notebook.metadata.get('rise')}, 규칙 {RISE}")
        notebook.metadata["rise"] = dict(RISE)
    if write and wrong:
        nbformat.write(notebook, path)
    return wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="쓰지 않고 규칙과 같은지만 본다")
    parser.add_argument("notebooks", nargs="*", type=Path, help="기본값: notebooks/의 여덟 강의")
    args = parser.parse_args(argv)
    wrong = []
    for path in args.notebooks or LESSONS:
        wrong += apply(path, write=not args.check)
    if args.check:
        for line in wrong:
            print(line)
        if wrong:
            print(f"규칙과 다른 곳 {len(wrong)}군데: python tools/slides.py로 다시 쓰세요.")
        return 1 if wrong else 0
    for path in args.notebooks or LESSONS:
        numbers = counts(nbformat.read(path, as_version=4))
        print(f"{path.name}: 슬라이드 {numbers['slide']}장, 아래 슬라이드 {numbers['subslide']}장, "
              f"fragment {numbers['fragment']}개, skip {numbers['skip']}개")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
