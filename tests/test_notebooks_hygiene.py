"""커밋된 노트북이 깨끗한 한 번의 실행 결과인지, 강의 뼈대와 규칙을 지키는지 확인한다.

출력의 재현성은 nbval(pytest가 notebooks/ 를 다시 실행)이 확인하고, 여기서는 저장된 파일 자체를 본다.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]
IDS = [p.name for p in NOTEBOOKS]

OLD_API = re.compile(
    r"\b(predict_classes|np_utils|tf\.placeholder|tf\.Session|ConfigProto|tf\.set_random_seed|"
    r"global_variables_initializer|tf\.log\b|softmax_cross_entropy_with_logits_v2|tf\.random_uniform)"
)
MACHINE_PATH = re.compile(
    r"(/root/|/home/\w|/Users/\w|/tmp/|/work/|[A-Za-z]:\\\\Users|site-packages)"
)
SKELETON = ("학습 목표", "연습 문제", "정리", "참고 자료")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def _texts(cell: nbformat.NotebookNode) -> list[str]:
    out = []
    for output in cell.get("outputs", []):
        if "text" in output:
            out.append(output["text"])
        for key in ("text/plain", "text/html", "text/markdown"):
            if key in output.get("data", {}):
                out.append(output["data"][key])
        if output.get("output_type") == "error":
            out.append("\n".join(output.get("traceback", [])))
    return out


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_environment_check.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_file_name_is_ascii_and_numbered(path: Path) -> None:
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_valid_and_uses_the_python3_kernel(path: Path) -> None:
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_come_from_one_clean_top_to_bottom_run(path: Path) -> None:
    counts = [c.execution_count for c in _code(_read(path))]
    assert counts == list(range(1, len(counts) + 1)), (
        f"실행 번호 {counts}: 'bash course.sh refresh {path.relative_to(ROOT)}'로 다시 실행하세요"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_errors_warnings_or_progress_bars(path: Path) -> None:
    for index, cell in enumerate(_code(_read(path))):
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"셀 {index}: 오류 출력"
            if output["output_type"] == "stream":
                assert output["name"] == "stdout", (
                    f"셀 {index}: stderr 출력(경고?): {output['text'][:200]}"
                )
                assert "\r" not in output["text"], (
                    f"셀 {index}: 진행 막대 출력(verbose=0 또는 2를 쓰세요)"
                )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_machine_paths(path: Path) -> None:
    for index, cell in enumerate(_read(path).cells):
        for text in [cell.source, *_texts(cell)]:
            match = MACHINE_PATH.search(text)
            assert match is None, f"셀 {index}: 컴퓨터 경로가 들어 있음: {match and match.group(0)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_removed_api_is_executed(path: Path) -> None:
    for index, cell in enumerate(_code(_read(path))):
        for line in cell.source.splitlines():
            code = line.split("#", 1)[0]
            assert not OLD_API.search(code), f"셀 {index}: 없어진 API를 실행함: {line.strip()}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_title_and_setup_come_first(path: Path) -> None:
    nb = _read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert re.search(r"[가-힣]", first.source.splitlines()[0]), "제목은 한국어로"
    assert "helpers.setup_notebook(" in _code(nb)[0].source, (
        "첫 코드 셀에서 helpers.setup_notebook()을 부르세요"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_skeleton_sections_in_order(path: Path) -> None:
    headings = [
        line.lstrip("#").strip()
        for cell in _read(path).cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("## ")
    ]
    positions = []
    for section in SKELETON:
        found = [i for i, h in enumerate(headings) if h.startswith(section)]
        assert found, f"'## {section}' 절이 없습니다. 절 목록: {headings}"
        positions.append(found[0])
    assert positions == sorted(positions), f"절 순서는 {SKELETON}이어야 합니다: {headings}"


CHECK_TAG = "nbval-check-output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_are_compared_somewhere(path: Path) -> None:
    """nbval-lax는 셀 태그가 'nbval-check-output'인 셀만 비교한다. 결정적인 교육용 숫자는 그렇게 표시한다."""
    checked = [c for c in _code(_read(path)) if CHECK_TAG in c.metadata.get("tags", [])]
    assert checked and all(c.outputs for c in checked)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_test_markers_in_what_students_read(path: Path) -> None:
    """테스트 표시는 셀 메타데이터(태그)에 둔다. 학생이 읽는 코드와 글에는 'NBVAL_'이 없어야 한다."""
    for index, cell in enumerate(_read(path).cells):
        assert "NBVAL" not in cell.source.upper(), f"셀 {index}: 테스트 표시가 코드에 보입니다"


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_lessons_have_at_least_three_checked_exercises(path: Path) -> None:
    source = "\n".join(c.source for c in _code(_read(path)))
    assert len(set(re.findall(r"\bex\.(q\d+)\.check\(", source))) >= 3


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_lessons_plot_something_and_assert_their_claims(path: Path) -> None:
    cells = _code(_read(path))
    assert any("image/png" in o.get("data", {}) for c in cells for o in c.outputs), (
        "그림이 없습니다"
    )
    assert any(re.search(r"^\s*assert ", c.source, re.M) for c in cells), (
        "assert로 확인한 주장이 없습니다"
    )


# JupyterLab 1400 px 화면(출력 영역 약 950 px)에서 가로 스크롤이나 칸 안 줄바꿈 없이 보이는 폭.
# 한글 같은 전각 문자는 두 칸으로 센다. 표는 열마다 여백 세 칸을 더한 어림값이다.
# 헤드리스 Chromium에서 잰 값: 어림 123칸인 표는 820 px로 들어갔고, 138칸과 166칸인 표는 넘쳤다.
MAX_TEXT_COLUMNS = 100
MAX_TABLE_COLUMNS = 130


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _TableCells(HTMLParser):
    """HTML 표의 행마다 칸의 글."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_width(html: str) -> int:
    """표의 어림 폭(칸): 열마다 가장 넓은 칸의 폭 + 여백 3."""
    parser = _TableCells()
    parser.feed(html)
    widths: dict[int, int] = {}
    for row in parser.rows:
        for column, text in enumerate(row):
            widths[column] = max(widths.get(column, 0), display_width(text))
    return sum(width + 3 for width in widths.values())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_fit_the_page(path: Path) -> None:
    for index, cell in enumerate(_code(_read(path))):
        pre_blocks = [
            o for o in cell.outputs if o.get("data", {}).get("text/html", "").startswith("<pre")
        ]
        assert len(pre_blocks) <= 1, (
            f"코드 셀 {index}: 글 블록 {len(pre_blocks)}개가 따로 출력되어 사이가 벌어집니다 "
            "(Keras summary()라면 print_fn=print)"
        )
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            texts = [output["text"]] if output["output_type"] == "stream" else []
            if "text/plain" in data and not {"text/html", "image/png"} & set(data):
                texts.append(data["text/plain"])
            for text in texts:
                for line in text.splitlines():
                    assert display_width(line) <= MAX_TEXT_COLUMNS, (
                        f"코드 셀 {index}: 출력 줄이 {display_width(line)}칸으로 너무 깁니다: {line[:60]}"
                    )
            if "<table" in data.get("text/html", ""):
                width = table_width(data["text/html"])
                assert width <= MAX_TABLE_COLUMNS, (
                    f"코드 셀 {index}: 표가 너무 넓습니다(어림 {width}칸). 열을 줄이거나 .T로 바꿔 보이세요"
                )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_bold_and_italic_markers_render(path: Path) -> None:
    """CommonMark은 `**딥러닝(deep learning)**이`처럼 문장 부호 뒤의 `**`에 한글이 바로 붙으면 굵게 닫지 않고
    별표를 그대로 보여 준다. 그럴 때는 `**딥러닝**(deep learning)이`처럼 괄호를 밖으로 뺀다."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark").enable("table")
    for index, cell in enumerate(_read(path).cells):
        if cell.cell_type != "markdown":
            continue
        html = re.sub(
            r"<code>.*?</code>|<pre>.*?</pre>", "", renderer.render(cell.source), flags=re.S
        )
        match = re.search(r".{0,30}(\*\*|__).{0,20}", html)
        assert match is None, f"셀 {index}: 별표가 그대로 보입니다: {match and match.group(0)}"
