"""학습자가 읽는 글의 맞춤법: 조사 붙여 쓰기, 숫자 표기, 문체 (규칙은 tools/orthography.py)."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import orthography  # noqa: E402

# 규칙이 잡아야 하는 틀린 표기와, 잡지 말아야 하는 맞는 표기.
# (이 파일도 점검 대상이라, 틀린 예는 조각을 이어 붙여 만든다.)
SP = " "
WRONG = {
    "detached": [
        "XOR" + SP + "는 선형 분리가 안 됩니다.",
        "`fit()`" + SP + "을 부릅니다.",
        "$w$" + SP + "와 $b$를 구합니다.",
        "정답은 1" + SP + "입니다.",
        "**기준선**" + SP + "이 필요합니다.",
        'f"{n}' + SP + '이 아닙니다."',
        "Keras 3" + SP + "에서는 바뀌었습니다.",
    ],
    "detached-hangul": ["이것이 정답인 것" + SP + "입니다.", "오차" + SP + "를 계산하세요."],
    "grouping": ["그림 2" + SP + "000장", "그림 " + "60000" + "장을 씁니다."],
    "counter": ["에포크마다 4" + SP + "번 고칩니다.", "정확도 85" + SP + "%입니다.", 'f"{n}' + SP + '명"'],
    "unit": ["당류 5" + "g의 시리얼"],
    "agreement": ["Keras 3" + "로 만듭니다.", "정답은 1" + "를 냅니다.", "2" + "이 아닌 값", "10" + "를 넘습니다.", "85%" + "을 맞힙니다."],
    # 이슈 20에서 더한 규칙: 이전 규칙이 모르던 조사와 기호, 수식 뒤 조사, 문장 부호.
    "detached-new": [
        "(0,0)" + SP + "에서만 1입니다.", "`fit`" + SP + "으로만 학습합니다.", '"은닉층이 없어서"' + SP + "로만 설명할 수 없다.",
        "0" + SP + "이었는데 여기서는", '"80 Cereals"' + SP + "지만 77종입니다.", "swish" + SP + "라고도 합니다.",
        "μ" + SP + "와 σ는 훈련 세트에서", "(ŷ − y)²" + SP + "이면 2를 곱합니다.", "|z|" + SP + "가 크면",
        "*Perceptrons*" + SP + "에서 보였습니다.", "28개, …" + SP + "를 이어 붙입니다.", "ReLU 계열 —" + SP + "를 씁니다.",
        '"평면을 휘게 한다"' + SP + "고 했습니다.",
    ],
    "math-text": ["$z = 0 \\text{" + SP + "에서는 정의되지 않음}$"],
    "agreement-math": [
        "$L = (\\hat y - y)^2$" + "를 씁니다.", "$\\theta$" + "을 갱신합니다.", "$r$" + "와 $\\theta$로 나타냅니다.",
        "$f'$" + "와 같습니다.", "$w_1$" + "으로 나눕니다.", "$x$" + "을 넣습니다.", "$n$" + "가 커지면",
    ],
    "colon": ["이렇게 계산했다" + ": 먼저 더한다."],
    "middot": ["입력" + SP + "·" + SP + "출력의 모양"],
    "stacked-paren": ["손실(loss)" + "(평균)을 구합니다."],
    "call-form": ["`model.fit(...)`" + "을 부릅니다.", "`sess.run(…)`" + "으로 실행합니다."],
    "bold-particle": ["**검증 세트" + "의** 기준선과 비교합니다.", "**신경망(neural network)" + "은** 층을 쌓습니다."],
}
WRONG_OUTPUT = {"space-colon": ["ValueError" + SP + ": Argument(s) not recognized", "뉴런 가중치" + SP + ": [13.12]"]}
RIGHT = [
    "XOR는 선형 분리가 안 됩니다. `fit()`을 부르고 $w$와 $b$를 구하면 1입니다.",
    "그림 60,000장, 2,000번, 100만 개, 약 200만 배, 85%, 당류 5 g, 188 MB, 77 ms.",
    "**정의되지 않습니다.** 이 노트북은 NaN으로 둡니다.",  # 문장 뒤의 지시 관형사 '이'
    "모양은 `(60000, 28, 28)`입니다.",  # 코드 안의 수
    "2024년, 1943년의 논문",  # 네 자리 수
    "1이 아닌 값, 2가 아닌 값, 1로 나누고 3으로 곱하고 10을 더하고 1,000을 빼면 85%가 남습니다.",
    "0.5를 넘고 0.25를 빼고 7로 나누고 100으로 곱합니다.",
    "(0,0)에서만 1입니다. swish라고도 합니다. μ와 σ는 훈련 세트에서, |z|가 크면, *Perceptrons*에서 보였습니다.",
    "첫 행, … 이 값은 크다.",  # 말줄임표 뒤의 관형사 '이'
    "$L = (\\hat y - y)^2$을 씁니다. $\\theta$를 갱신하고 $r$과 $\\theta$로, $f'$과 $w_1$로, $x$를, $n$이 커지면.",
    "$\\hat y$가 $\\sigma(z)$를 거쳐 $\\mathbf{x}$와 곱해집니다.",  # 읽는 법이 갈리는 꼴은 보지 않는다
    "$z = 0$에서는 정의되지 않습니다. $\\text{에포크}$",
    "입력·출력의 모양. 목록 표시 ' · '는 코드 `a · b`에서 괜찮다",
    "에포크마다: 값을 적는다",  # 조사 '마다' 뒤의 쌍점은 표제
    "손실(loss)을 구합니다. `f(x)(y)`",
    "**검증 세트**의 기준선, **샘플 몇 개의 손실로** 구하느냐에 따라",
    "`model.fit()`을 부르고 `Dense(10)`으로 끝냅니다.",
]


@pytest.mark.parametrize(
    "rule,text", [(rule, text) for rule, texts in WRONG.items() for text in texts]
)
def test_rules_catch_the_mistakes(rule: str, text: str) -> None:
    found = orthography.check_text(text)
    rule = rule.removesuffix("-new")  # 이슈 20에서 더한 예: 규칙 이름은 같다
    assert any(f.rule == rule for f in found), (rule, text, found)


@pytest.mark.parametrize("text", RIGHT)
def test_rules_leave_correct_text_alone(text: str) -> None:
    assert orthography.check_text(text) == []


@pytest.mark.parametrize(
    "rule,text", [(rule, text) for rule, texts in WRONG_OUTPUT.items() for text in texts]
)
def test_output_rules_catch_the_mistakes(rule: str, text: str) -> None:
    assert any(f.rule == rule for f in orthography.check_text(text, "x.ipynb cell 1 (output)"))
    assert not orthography.check_text("ValueError: x, 가중치: [1]", "x.ipynb cell 1 (output)")


def test_register_rule_catches_bold_handa_and_fragments(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("본문입니다. **이것이 핵심이다**"),
        nbformat.v4.new_markdown_cell("- 학습률을 낮춥니다.\n- 에포크 수를 늘림.\n\n문단입니다."),
        nbformat.v4.new_markdown_cell("- 학습률 0.1\n- 에포크 10\n\n**이것이 핵심입니다.**"),  # 모두 명사구인 목록은 괜찮다
    ]
    path = tmp_path / "99_test.ipynb"
    nbformat.write(nb, path)
    found = [(f.rule, f.text) for f in orthography.register_findings([path])]
    assert found == [
        ("register:합니다체", "본문입니다. **이것이 핵심이다**"),
        ("register:fragment", "- 에포크 수를 늘림."),
    ]


def test_everything_a_learner_reads_is_spelled_right() -> None:
    start = time.perf_counter()
    findings = orthography.check_repository()
    seconds = time.perf_counter() - start
    assert not findings, (
        f"맞춤법에 어긋난 곳 {len(findings)}곳 (python tools/orthography.py로 모두 볼 수 있습니다):\n"
        + "\n".join(str(f) for f in findings[:30])
    )
    assert seconds < 10, f"점검이 너무 느립니다: {seconds:.1f}초"


def test_the_checked_files_include_every_kind_of_text() -> None:
    where = [w for w, _ in orthography.learner_texts()]
    for expected in (
        "README.md",
        "data/README.md",
        "docs/NOTEBOOK_TEMPLATE.md",
        "docs/glossary.yml",
        "helpers/data.py",
        "helpers/exercises/lesson01.py",
        "notebooks/01_neuron.ipynb cell 1 (markdown)",
    ):
        assert any(w.startswith(expected) for w in where), expected
    kinds = {w.rsplit("(", 1)[-1] for w in where if w.startswith("notebooks/")}
    assert {"markdown)", "code)", "output)"} <= kinds


def test_python_strings_keep_the_value_before_a_particle() -> None:
    """f-문자열의 ``{값}`` 뒤에 띄어 쓴 조사도 잡아야 한다(파이썬 3.12부터 토큰이 나뉜다)."""
    source = 'x = 1\nprint(f"값 {x}' + SP + '이 아닙니다")  # 주석\n'
    prose = orthography._python_prose(source)
    assert "{x}" + SP + "이" in prose and "# 주석" in prose and "x = 1" not in prose


def test_allow_list_is_short_reviewed_and_still_needed() -> None:
    assert len(orthography.ALLOWED) <= 10
    texts = dict(orthography.learner_texts())
    for file, snippet, reason in orthography.ALLOWED:
        assert reason.strip(), (file, snippet)
        assert any(w.startswith(file) and snippet in t for w, t in texts.items()), (
            f"허용 목록의 항목이 더는 쓰이지 않습니다: {file}: {snippet}"
        )


def test_lesson_prose_and_bullets_keep_one_register() -> None:
    findings = orthography.register_findings()
    assert not findings, "\n".join(str(f) for f in findings[:30])


def test_no_parentheses_inside_parentheses() -> None:
    findings = orthography.nested_findings()
    assert not findings, "바깥쪽 괄호를 대괄호로 바꾸세요:\n" + "\n".join(str(f) for f in findings)


def test_nested_rule_ignores_code_and_formulas() -> None:
    assert orthography.nested_parentheses("값(`f(x)`와 $g(y)$)을 봅니다.") == []
    assert orthography.nested_parentheses("시간(계산 그래프(graph)를 만든 뒤)") != []
    assert orthography.nested_parentheses("시간[계산 그래프(graph)를 만든 뒤]") == []


def test_register_rule_catches_a_mixed_summary(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("## 정리\n\n- 텐서는 배열이다.\n- 모델은 층을 쌓습니다.\n\n다음 시간에 봅니다."),
        nbformat.v4.new_markdown_cell("본문은 합니다체입니다. 여기는 한다체다."),
    ]
    path = tmp_path / "99_test.ipynb"
    nbformat.write(nb, path)
    found = [(f.rule, f.text) for f in orthography.register_findings([path])]
    assert found == [
        ("register:한다체", "- 모델은 층을 쌓습니다."),
        ("register:합니다체", "본문은 합니다체입니다. 여기는 한다체다."),
    ]


MARKDOWN_FILES = [ROOT / "README.md", ROOT / "data" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=[p.name for p in MARKDOWN_FILES])
def test_bold_markers_render_in_markdown_files(path: Path) -> None:
    """조사를 붙인 뒤 `**X(Y)**이`처럼 굵게가 닫히지 않는 곳이 없어야 한다(노트북은 hygiene 테스트가 본다)."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(path.read_text(encoding="utf-8"))
    html = re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", html, flags=re.S)
    match = re.search(r".{0,30}(\*\*|__).{0,20}", html)
    assert match is None, f"별표가 그대로 보입니다: {match and match.group(0)}"


def test_colon_rule_covers_comments_and_messages_learners_read() -> None:
    wrong = "# 학습자 함수는 모두 coding.call로 부른다" + ": 입력을 바꾸면 알려 준다."
    assert any(f.rule == "colon" for f in orthography.check_text(wrong, "helpers/exercises/lesson01.py"))
    assert any(f.rule == "colon" for f in orthography.check_text(wrong, "notebooks/01_neuron.ipynb cell 3 (code)"))
    assert not orthography.check_text(wrong, "tests/test_x.py")  # 개발자만 읽는 테스트의 주석은 보지 않는다
    assert not orthography.check_text("# 에포크마다: 손실을 적는다", "helpers/x.py")
