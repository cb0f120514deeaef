"""웹사이트의 그림마다 한국어 대체 텍스트(alt): 사이트를 만들 때 그림을 그린 코드에서 만든다(book/alt_text.py).

화면 낭독기는 그림 대신 alt를 읽는다. nbconvert는 모든 그림에 영어 문구
"No description has been provided for this image"를 단다. 이 테스트는 만든 사이트에 그 문구나 빈 alt가 없고,
강의 페이지의 alt가 그 셀의 코드에 적힌 제목을 담은 한국어 설명인지 확인한다.
"""

from __future__ import annotations

import ast
import html
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "book"))

import alt_text  # noqa: E402
import build_book  # noqa: E402
import build_glossary  # noqa: E402
import orthography  # noqa: E402

IMG = re.compile(r"<img\b[^>]*>", re.I)
CELL = re.compile(r'<div\b[^>]*\bid="cell-id=([^"]+)"')
PNG = "iVBORw0KGgo="  # 내용은 보지 않는다


def _alt(tag: str) -> str | None:
    found = re.search(r'\balt="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else None


def _alts_by_cell(page: str) -> dict[str, list[str]]:
    """셀 id → 그 셀 안 <img>의 alt들(HTML에 나오는 차례대로)."""
    starts = [(m.start(), m.group(1)) for m in CELL.finditer(page)]
    found: dict[str, list[str]] = {}
    for (start, cell_id), (end, _) in zip(starts, [*starts[1:], (len(page), "")], strict=True):
        alts = [_alt(tag) or "" for tag in IMG.findall(page[start:end])]
        if alts:
            found[cell_id] = alts
    return found


def _image_cells(path: Path) -> dict[str, tuple[str, int]]:
    """셀 id → (코드, 출력한 그림 수)."""
    notebook = nbformat.read(path, as_version=4)
    cells = {}
    for cell in notebook.cells:
        count = sum(
            1
            for out in cell.get("outputs", [])
            if any(k.startswith("image/") for k in out.get("data", {}))
        )
        if cell.cell_type == "code" and count:
            cells[cell.id] = (cell.source, count)
    return cells


@pytest.fixture(scope="module")
def site() -> Path:
    build_book.build()
    return build_book.SITE


# ---------------------------------------------------------------- 만든 사이트


def test_no_image_on_the_site_lacks_a_description(site: Path) -> None:
    seen = 0
    for path in sorted(site.rglob("*.html")):
        for tag in IMG.findall(path.read_text(encoding="utf-8")):
            seen += 1
            alt = _alt(tag)
            where = f"{path.relative_to(site)}: {tag[:80]}"
            assert alt is not None and alt.strip(), f"alt가 없습니다 — {where}"
            assert alt != alt_text.PLACEHOLDER, f"nbconvert의 영어 문구 그대로입니다 — {where}"
    assert seen >= 60, f"사이트의 그림이 {seen}개뿐입니다. 강의 페이지를 찾지 못했나요?"


def test_every_lesson_figure_has_korean_text_from_its_own_cell(site: Path) -> None:
    total = 0
    for notebook, _ in build_book.lessons():
        page = (site / notebook.stem / "index.html").read_text(encoding="utf-8")
        alts = _alts_by_cell(page)
        cells = _image_cells(notebook)
        assert set(alts) == set(cells), f"{notebook.name}: 그림이 있는 셀이 다릅니다"
        for cell_id, (_, count) in cells.items():
            assert len(alts[cell_id]) == count, f"{notebook.name} {cell_id}"
            for alt in alts[cell_id]:
                total += 1
                assert re.search(r"[가-힣]", alt), (
                    f"{notebook.name} {cell_id}: 한글이 없는 alt {alt!r}"
                )
                assert "No description" not in alt and "\x00" not in alt, (
                    f"{notebook.name} {cell_id}"
                )
    assert total >= 60


def _literal_titles(source: str) -> list[str]:
    """셀 코드에서 그림의 제목으로 준 문자열 리터럴(f-문자열이 아닌 것)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        values = [k.value for k in node.keywords if k.arg == "title"]
        if name in ("set_title", "suptitle", "title") and node.args:
            values.append(node.args[0])
        found += [
            v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
    return found


def test_alt_text_carries_the_title_written_in_the_cell(site: Path) -> None:
    """셀의 코드에 리터럴로 적은 제목은 모두, 그리고 함수와 변수를 거쳐 간 제목 몇 개도 alt에 그대로 나온다."""
    checked = 0
    for notebook, _ in build_book.lessons():
        alts = _alts_by_cell((site / notebook.stem / "index.html").read_text(encoding="utf-8"))
        for cell_id, (source, _) in _image_cells(notebook).items():
            for title in _literal_titles(source):
                checked += 1
                assert alt_text.clean(title) in " ".join(alts[cell_id]), (
                    f"{notebook.name} {cell_id}: {title}"
                )
    assert checked >= 45, checked
    through_code = {  # (강의, 셀) → 제목: 노트북의 함수, helpers.plot_history(), 변수, f-문자열을 거친다
        ("02_perceptron_activation", "c051"): "ReLU: 도함수 f'(z)",  # plot_activation(…, "ReLU")
        ("03_xor_mlp", "c067"): "은닉 Dense(8, tanh), 출력 Dense(1, sigmoid)",  # title = "…"
        ("07_mnist", "c035"): "오른쪽 세로축 ‘정확도 (accuracy)’",  # helpers.plot_history()
        ("07_mnist", "c047"): "MLP가 틀린 그림 (확신이 큰 순서)",  # show_mistakes(…, "…")
        ("01_neuron", "c011"): "‘w = 0.5’",  # label=f"w = {w:g}", w는 [2.0, 1.0, 0.5, -1.0]을 돈다
        ("02_perceptron_activation", "c020"): "‘NAND’",  # GATES의 키로 만든 사전을 돈다
    }
    for (lesson, cell_id), expected in through_code.items():
        page = (site / lesson / "index.html").read_text(encoding="utf-8")
        assert expected in _alts_by_cell(page)[cell_id][0], f"{lesson} {cell_id}"


def test_alt_text_follows_the_course_writing_rules(site: Path) -> None:
    """alt는 맞춤법 점검(tools/orthography.py)을 통과하고, 용어집에서 쓰지 않기로 한 말이 없다."""
    terms = build_glossary.load_terms()
    rejected = [re.escape(r) for t in terms for r in t.get("rejected") or []]
    patterns = [p for t in terms for p in t.get("patterns") or []]
    wrong = re.compile("|".join([r"(?<![가-힣])(?:" + "|".join(rejected) + ")", *patterns]))
    for notebook, _ in build_book.lessons():
        page = (site / notebook.stem / "index.html").read_text(encoding="utf-8")
        for cell_id, alts in _alts_by_cell(page).items():
            for alt in alts:
                assert not orthography.check_text(alt, cell_id), orthography.check_text(
                    alt, cell_id
                )
                assert not wrong.search(alt), f"{notebook.name} {cell_id}: {wrong.search(alt)}"


# ---------------------------------------------------------------- 설명을 만드는 함수


def _image_output() -> object:
    return new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})


def _notebook(*cells: tuple[str, str, int]) -> object:
    """(종류, 글, 그림 수)로 작은 노트북을 만든다."""
    made = []
    for index, (kind, source, images) in enumerate(cells):
        if kind == "markdown":
            made.append(new_markdown_cell(source, id=f"m{index}"))
        else:
            made.append(
                new_code_cell(
                    source, id=f"c{index}", outputs=[_image_output() for _ in range(images)]
                )
            )
    return new_notebook(cells=made)


def _describe(*cells: tuple[str, str, int]) -> dict[str, list[str]]:
    return alt_text.describe_notebook(_notebook(*cells))


def test_title_axes_and_legend_of_one_plot() -> None:
    code = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1], label="훈련 손실")
ax.plot([0, 1], [1, 0], label="검증 손실")
ax.set_title("손실의 변화")
ax.set_xlabel("에포크")
ax.set_ylabel("손실")
ax.legend()
plt.show()
"""
    assert _describe(("code", code, 1)) == {
        "c0": [
            "선 그래프: ‘손실의 변화’. 가로축 ‘에포크’, 세로축 ‘손실’. 범례: ‘훈련 손실’, ‘검증 손실’."
        ]
    }


def test_subplots_name_each_panel_and_the_figure_title() -> None:
    code = """
fig, (ax_a, ax_b) = plt.subplots(1, 2)
ax_a.scatter(x, y)
ax_a.set_title("입력 공간")
ax_b.bar(range(3), counts)
ax_b.set_title("개수")
for ax in (ax_a, ax_b):
    ax.set_xlabel("x1")
fig.suptitle("두 가지 보기")
"""
    assert _describe(("code", code, 1))["c0"] == [
        "그래프 2개: ‘두 가지 보기’. 왼쪽 산점도: ‘입력 공간’. 가로축 ‘x1’. "
        "오른쪽 막대그래프: ‘개수’. 가로축 ‘x1’."
    ]


def test_f_string_keeps_known_values_and_marks_unknown_ones() -> None:
    define = 'def draw(name, w=2.5):\n    fig, ax = plt.subplots()\n    ax.plot(x, y)\n    ax.set_title(f"{name}: w = {w:.1f}, 정확도 {acc:.2f}")\n'
    text = _describe(("code", define, 0), ("code", 'draw("시그모이드")', 1))["c1"][0]
    assert text == "선 그래프: ‘시그모이드: w = 2.5, 정확도 …’."


def test_images_without_a_title_are_named_by_the_section_heading() -> None:
    code = """
fig, axes = plt.subplots(2, 4)
for i, ax in enumerate(axes.flat):
    ax.imshow(images[i], cmap="gray_r")
    ax.axis("off")
"""
    text = _describe(("markdown", "## 3. 손글씨 숫자 보기\n\n설명", 0), ("code", code, 1))["c1"][0]
    assert text == "‘3. 손글씨 숫자 보기’ 절의 이미지 8장(2행 4열)."
    lone = _describe(("markdown", "### 2.1 `fit()` 결과", 0), ("code", "plt.imshow(image)", 1))[
        "c1"
    ][0]
    assert lone == "‘2.1 fit() 결과’ 절의 이미지."
    unknown = _describe(("markdown", "# 첫 절", 0), ("code", "mystery_plot(data)", 1))["c1"][0]
    assert unknown == "그림: ‘첫 절’ 절의 코드 셀이 그린 그림."


def test_two_images_in_one_cell_get_numbered_descriptions() -> None:
    code = """
for name in ["훈련 세트", "테스트 세트"]:
    plt.figure()
    plt.hist(data[name])
    plt.title(f"{name}의 분포")
    plt.show()
"""
    assert _describe(("code", code, 2))["c0"] == [
        "그림 2개 중 첫째. 히스토그램: ‘훈련 세트의 분포’.",
        "그림 2개 중 둘째. 히스토그램: ‘테스트 세트의 분포’.",
    ]


def test_helpers_plot_history_is_read_from_the_real_helper() -> None:
    code = """
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
history = model.fit(x, y, validation_split=0.2)
helpers.plot_history(history, title="학습 곡선 보기")
"""
    text = _describe(("code", code, 1))["c0"][0]
    assert text.startswith(
        "학습 곡선: ‘학습 곡선 보기’. 가로축 ‘에포크 (epoch)’, 왼쪽 세로축 ‘손실 (loss)’"
    )
    assert "오른쪽 세로축 ‘평균 절대 오차 (MAE)’" in text and "‘검증 평균 절대 오차’" in text


def test_twin_axes_colorbar_and_math_are_read_aloud() -> None:
    code = r"""
fig, ax = plt.subplots()
filled = ax.contourf(g1, g2, prob)
fig.colorbar(filled, ax=ax, label="출력 (확률)")
right = ax.twinx()
ax.set_ylabel("손실")
right.set_ylabel(r"$\partial p_1 / \partial z_1$")
ax.set_title(r"$\eta$ = 0.1")
ax.text(0.5, 0.5, "최댓값 0.25")
"""
    assert _describe(("code", code, 1))["c0"] == [
        "색칠한 영역 그림: ‘η = 0.1’. 왼쪽 세로축 ‘손실’, 오른쪽 세로축 ‘∂ p1 / ∂ z1’. "
        "색 막대: ‘출력 (확률)’. 그림 속 글: ‘최댓값 0.25’."
    ]


def test_code_it_cannot_follow_still_gets_a_description() -> None:
    code = "%matplotlib inline\n!ls\nfig, ax = plt.subplots()\nax.plot(*weird())\nax.set_title(make_title())\n"
    assert _describe(("markdown", "## 끝", 0), ("code", code, 1))["c1"] == ["‘끝’ 절의 선 그래프."]
    assert _describe(("code", "def broken(:\n", 1))["c0"] == ["그림: 이 절의 코드 셀이 그린 그림."]
    endless = (
        "def f(n):\n    return f(n + 1)\n\nf(0)\nfor i in range(50):\n    for j in range(50):\n"
    )
    endless += (
        "        for k in range(50):\n            total = i + j + k\nplt.plot(x)\nplt.title('뒤')\n"
    )
    assert _describe(("code", endless, 1))["c0"] == ["선 그래프: ‘뒤’."]


def test_page_html_gets_each_cells_descriptions_in_order() -> None:
    notebook = _notebook(
        ("markdown", "## 그림들\n\n![뉴런 그림](neuron.png)", 0),
        ("code", 'plt.plot(x)\nplt.title("첫째")\nplt.show()\nplt.plot(x)\nplt.title("둘째")', 2),
    )
    placeholder = f'<img alt="{alt_text.PLACEHOLDER}" class="" src="data:image/png;base64,{PNG}"/>'
    page = (
        '<div class="jp-Cell" id="cell-id=m0"><p><img alt="뉴런 그림" src="neuron.png"/></p></div>'
        f'<div class="jp-Cell" id="cell-id=c1">{placeholder}<div>{placeholder}</div></div>'
        '<footer><img src="logo.png"></footer>'
    )
    out = alt_text.add_alt_text(notebook, page)
    assert [_alt(tag) for tag in IMG.findall(out)] == [
        "뉴런 그림",
        "그림 2개 중 첫째. 선 그래프: ‘첫째’.",
        "그림 2개 중 둘째. 선 그래프: ‘둘째’.",
        "그림: ‘그림들’ 절의 그림.",
    ]
    escaped = alt_text.add_alt_text(
        _notebook(("code", 'plt.title("a < b, \\"인용\\"")', 1)),
        f'<div id="cell-id=c0">{placeholder}</div>',
    )
    assert 'alt="그래프: ‘a &lt; b, &quot;인용&quot;’."' in escaped
