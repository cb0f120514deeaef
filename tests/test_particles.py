"""값 뒤에 고정된 조사를 붙이지 않는다: ``f"{n}이"``는 n이 5이면 "5이"가 된다.

``helpers/``의 모든 파이썬 파일을 ``ast``로 읽어, 값(f-문자열의 ``{…}``, 문자열 더하기의 식) 바로 뒤에
조사로 시작하는 글이 오는 곳과 "을(를)" 같은 어색한 겸용 표기를 찾는다. 조사가 필요하면
:func:`helpers.korean.josa`를 쓰거나 조사가 필요 없게 문장을 쓴다.
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import pytest

from helpers.korean import josa

ROOT = Path(__file__).resolve().parent.parent
# 학습자와 강사가 보는 메시지를 만드는 모든 파이썬: 도우미, 도구, 교실 서버, 웹사이트 훅, 노트북의 코드 셀.
HELPERS = sorted(
    [*(ROOT / "helpers").rglob("*.py"), *(ROOT / "tools").glob("*.py"), *(ROOT / "classroom").glob("*.py"),
     *(ROOT / "book").glob("*.py")]
)  # fmt: skip
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# 값 바로 뒤(닫는 따옴표·괄호 뒤 포함)에 붙은 조사. 뒤에 한글이 이어지면 조사가 아니다(가지, 이상, 나누기 …).
GLUED = re.compile(
    r"^[`'\")\]]*(이어야|여야|으로|이나|이라|이면|이|가|은|는|을|를|과|와|로|나|라|면)(?![가-힣])"
)
BOTH_FORMS = re.compile(r"을\(를\)|를\(을\)|은\(는\)|는\(은\)|이\(가\)|가\(이\)|와\(과\)|과\(와\)|\(으\)로")


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def glued_particles(source: str) -> list[tuple[int, str]]:
    """(줄 번호, 글) 목록: 값 바로 뒤에 고정된 조사가 붙은 곳과 겸용 표기."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            parts = node.values
            for before, after in itertools.pairwise(parts):
                if isinstance(before, ast.FormattedValue) and _is_text(after):
                    if GLUED.match(after.value):  # type: ignore[union-attr]
                        found.append((node.lineno, after.value[:30]))  # type: ignore[union-attr]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if not _is_text(node.left) and _is_text(node.right) and GLUED.match(node.right.value):  # type: ignore[union-attr]
                found.append((node.lineno, node.right.value[:30]))  # type: ignore[union-attr]
        if _is_text(node) and BOTH_FORMS.search(node.value):  # type: ignore[union-attr]
            found.append((node.lineno, BOTH_FORMS.search(node.value).group(0)))  # type: ignore[union-attr]
    return found


@pytest.mark.parametrize("source", [
    'f"{n}이 아닙니다"', 'f"{shape}여야 합니다"', 'f"`{name}`을 쓰세요"', 'str(x) + "가 나왔습니다"',
    '"함수를 부르자" + f"{label}을(를)"', 'f"{v}(으)로"',
])  # fmt: skip
def test_the_check_finds_glued_particles(source: str) -> None:
    assert glued_particles(source)


@pytest.mark.parametrize("source", [
    'f"{n}개입니다"', 'f"{n}가지"', 'f"{josa(n, \'이\')} 아닙니다"', 'f"받은 값: {x}"', 'f"{n}번째 이 값"',
    'f"{n}이상"',
])  # fmt: skip
def test_the_check_passes_particle_free_wording(source: str) -> None:
    assert not glued_particles(source)


@pytest.mark.parametrize("path", HELPERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_fixed_particle_after_a_value(path: Path) -> None:
    found = glued_particles(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: 값 뒤에 고정된 조사 {found} — helpers.korean.josa()를 쓰거나 조사 없이 쓰세요"


@pytest.mark.parametrize(("value", "particle", "expected"), [
    (5, "이", "5가"), (108, "가", "108이"), (0, "가", "0이"), (1.0, "가", "1이"), (4624, "이", "4624가"),
    (297, "은", "297은"), (2, "은", "2는"), (1, "으로", "1로"), (3, "로", "3으로"), (10, "를", "10을"),
    ((5, 1), "여야", "(5, 1)이어야"), ((5,), "이어야", "(5,)여야"), ("[0.1, 0.9978]", "가", "[0.1, 0.9978]이"),
    (0.5, "과", "0.5와"), ("모델", "를", "모델을"), ("가중치", "을", "가중치를"), ("결과", "으로", "결과로"),
    ("relu", "은", "relu는"), ("adam", "를", "adam을"), ("`model`", "이", "`model`이"), (85, "%", None),
])  # fmt: skip
def test_josa_follows_how_the_value_is_read(value: object, particle: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(ValueError):
            josa(value, particle)
        return
    assert josa(value, particle) == expected


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_fixed_particle_after_a_value_in_notebook_code(path: Path) -> None:
    import nbformat

    found = []
    for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        found += [(index, line, text) for line, text in glued_particles(source)]
    assert not found, f"{path.name}: (셀, 줄, 글) {found} — 조사 없이 쓰거나 helpers.korean.josa()를 쓰세요"
