"""강의를 RISE 슬라이드로 보여 줄 수 있는가(tools/slides.py가 셀마다 적은 슬라이드 종류).

- 노트북에 적힌 슬라이드 종류가 tools/slides.py의 규칙 그대로인지 본다(브라우저 없이 빠르게).
- 강의 환경의 JupyterLab(이 환경의 jupyter lab과 jupyterlab-rise)을 임시 폴더에서 띄우고 헤드리스 Chromium의
  1280×720 화면에서 강의마다 RISE 슬라이드 쇼(/rise/<노트북>)를 연다. 화면(슬라이드와 그 아래 슬라이드)의 수와
  화면마다 보이는 셀이 메타데이터에서 센 것과 같은지, 그리고 화면을 하나씩 넘기며 내용이 화면을 벗어나지 않는지
  본다. 벗어나도 되는 화면은 tools/slides.py의 SCROLLS에 까닭과 함께 적은 것(셀 하나가 화면보다 높아 나눌 수 없는
  화면)뿐이고, 그 화면은 RISE가 스크롤 상자로 바꿔 끝까지 볼 수 있어야 한다.

JupyterLab을 띄울 때 HOME과 Jupyter의 설정·데이터·작업 공간 폴더를 모두 임시 폴더로 두고, 노트북도 임시 폴더에 복사해 연다
(저장소에는 아무것도 쓰지 않는다). 브라우저 검사는 chromium이 없으면 까닭을 적고 건너뛰지만 CI(CI=true)에서는 실패한다.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
import requests

from tests.browsers import headless_chromium, jupyter_lab

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import slides  # noqa: E402

LESSONS = slides.LESSONS
IDS = [p.stem for p in LESSONS]
PORT = 8931
SCREEN = (1280, 720)  # 720p 프로젝터에 전체 화면으로 띄운 슬라이드
# 벗어남으로 보지 않는 폭(px): 글 한 줄의 아래 여백(줄 간격) 정도는 잘려도 글자가 보인다.
TOLERANCE = 6
SHOTS = ROOT / "_build" / "slides"
# 테스트용 RISE 설정(임시 설정 폴더에만 쓴다): 화면을 넘길 때 코드 셀이 저절로 선택되어(auto_select)
# 그 셀의 화면으로 되돌아가는 일이 없게 하고, 넘기는 움직임(transition)을 없앤다. 둘 다 화면의 배치는 바꾸지 않는다.
RISE_SETTINGS = {"auto_select": "none", "transition": "none"}

# 화면을 하나씩 넘기며 잰다(브라우저 안에서 한 번에). RISE는 화면마다 <section id="slide-h-v">를 만들고,
# reveal.js는 postMessage로 받은 {"method": "slide", "args": [h, v]}로 그 화면을 연다.
WALK = """
const done = arguments[arguments.length - 1];
const frames = (n) => new Promise((resolve) => {
  const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : resolve());
  step(n);
});
const present = () => document.querySelector('.reveal .slides section.present[id^="slide-"]');
function contentBox(section) {
  // 보이는 것(글자, 그림)의 테두리. skip 셀과 발표자 노트는 화면에 없으므로 뺀다.
  const box = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
  const add = (r) => {
    if (r.width < 1 || r.height < 1) return;
    box.top = Math.min(box.top, r.top); box.bottom = Math.max(box.bottom, r.bottom);
    box.left = Math.min(box.left, r.left); box.right = Math.max(box.right, r.right);
  };
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.matches('.reveal-skip, aside.notes, mjx-assistive-mml')) return NodeFilter.FILTER_REJECT;
        return node.matches('img, canvas, svg, video') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      return node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) { add(node.getBoundingClientRect()); continue; }
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) add(r);
  }
  return box;
}
(async () => {
  const view = document.querySelector('.reveal').getBoundingClientRect();
  const sections = [...document.querySelectorAll('.reveal .slides section[id^="slide-"]')];
  const cellsOf = (section) => [...section.querySelectorAll('.jp-Cell')]
    .filter((cell) => getComputedStyle(cell).display !== 'none')
    .map((cell) => Number(cell.dataset.windowedListIndex));
  const hidden = [...document.querySelectorAll('.reveal .slides .jp-Cell')]
    .filter((cell) => getComputedStyle(cell).display === 'none')
    .map((cell) => Number(cell.dataset.windowedListIndex));
  const screens = [];
  for (const section of sections) {
    const [h, v] = section.id.split('-').slice(1).map(Number);
    window.postMessage(JSON.stringify({ method: 'slide', args: [h, v] }), '*');
    for (let i = 0; i < 300 && present() !== section; i++) await frames(1);
    await frames(2);
    const box = section.getBoundingClientRect();
    // RISE의 scroll 설정: 화면 높이의 95%보다 높은 화면은 높이를 줄이고 스크롤 상자로 만든다.
    const scrolls = /(auto|scroll)/.test(getComputedStyle(section).overflowY) && section.scrollHeight > section.clientHeight;
    const visible = {
      top: Math.max(view.top, scrolls ? box.top : -Infinity),
      bottom: Math.min(view.bottom, scrolls ? box.top + section.clientHeight : Infinity),
      left: view.left, right: view.right,
    };
    const content = contentBox(section);
    screens.push({
      id: section.id, shown: present() === section, cells: cellsOf(section), scrolls,
      height: section.scrollHeight,
      over: Math.round(Math.max(content.bottom - visible.bottom, content.right - visible.right,
                                visible.top - content.top, visible.left - content.left)),
    });
  }
  done({ view: [view.width, view.height], hidden, screens });
})();
"""


# ---------------------------------------------------------------------------
# 메타데이터(브라우저 없이)


def test_notebooks_carry_what_tools_slides_writes() -> None:
    wrong = [line for path in LESSONS for line in slides.apply(path, write=False)]
    assert not wrong, (
        "슬라이드 종류가 규칙과 다릅니다. 'python tools/slides.py'로 다시 쓰세요.\n"
        + "\n".join(wrong[:20])
    )


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_every_cell_has_a_slide_type_rise_knows(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    kinds = [cell.metadata.get("slideshow", {}).get("slide_type") for cell in notebook.cells]
    assert set(kinds) <= set(slides.SLIDE_TYPES), set(kinds) - set(slides.SLIDE_TYPES)
    assert kinds[0] == "slide" and notebook.metadata.get("rise") == slides.RISE
    # 절(## 제목)마다 새 슬라이드가 시작한다
    sections = [
        i
        for i, cell in enumerate(notebook.cells)
        if cell.cell_type == "markdown" and cell.source.startswith("## ")
    ]
    assert sections and all(kinds[i] == "slide" for i in sections), [
        i for i in sections if kinds[i] != "slide"
    ]


def test_scroll_list_names_lone_cells_with_a_reason() -> None:
    """SCROLLS에 적은 셀은 모두 노트북에 있고, 제 화면에 혼자 있으며(더 나눌 수 없음), 까닭이 한국어로 적혀 있다."""
    assert set(slides.SCROLLS) <= set(IDS)
    for lesson, listed in slides.SCROLLS.items():
        notebook = nbformat.read(ROOT / "notebooks" / f"{lesson}.ipynb", as_version=4)
        ids = [cell.get("id") for cell in notebook.cells]
        screens = {ids[s.cells[0]]: s for s in slides.deck(notebook) if s.cells}
        for cell_id, reason in listed.items():
            assert cell_id in screens, (
                f"{lesson}: 이 셀로 시작하는 화면이 없습니다(셀 id {cell_id})"
            )
            assert len(screens[cell_id].cells) == 1, (
                f"{lesson}: 화면에 다른 셀도 있습니다(셀 id {cell_id})"
            )
            assert any("가" <= ch <= "힣" for ch in reason), (
                f"{lesson}: 까닭을 한국어로 적으세요(셀 id {cell_id})"
            )


# ---------------------------------------------------------------------------
# 실제 JupyterLab과 브라우저


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """임시 계정과 임시 노트북 폴더로 띄운 강의의 JupyterLab: (주소, 토큰)."""
    base = tmp_path_factory.mktemp("slides")
    home, work = base / "home", base / "notebooks"
    work.mkdir()
    for path in LESSONS:
        shutil.copy(path, work / path.name)
    settings = home / "lab-settings"
    (settings / "jupyterlab-rise").mkdir(parents=True)
    (settings / "jupyterlab-rise" / "plugin.jupyterlab-settings").write_text(
        json.dumps(RISE_SETTINGS)
    )
    extra = ("--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
    with jupyter_lab(base, work, settings, PORT, *extra) as lab_address:
        yield lab_address


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium")
    driver = headless_chromium("--lang=ko-KR", "--hide-scrollbars", f"--user-data-dir={profile}")
    # 창의 테두리와 상관없이 페이지가 받는 화면을 정확히 1280×720으로
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": SCREEN[0], "height": SCREEN[1], "deviceScaleFactor": 1, "mobile": False},
    )
    driver.set_script_timeout(180)
    yield driver
    driver.quit()


def _open_slideshow(driver: Any, url: str, token: str, name: str) -> None:
    driver.get(f"{url}/rise/{name}?token={token}")
    deadline = time.monotonic() + 90
    script = "return document.querySelectorAll('.reveal .slides section[id^=\"slide-\"]').length"
    while not driver.execute_script(script):
        assert time.monotonic() < deadline, f"{name}: RISE 슬라이드 쇼가 열리지 않았습니다"
        time.sleep(0.25)
    # 그림과 글꼴을 다 불러온 뒤에 잰다
    ready = (
        "return document.fonts.status === 'loaded' && [...document.images].every(i => i.complete)"
    )
    while not driver.execute_script(ready):
        assert time.monotonic() < deadline, f"{name}: 그림이나 글꼴을 다 불러오지 못했습니다"
        time.sleep(0.25)
    time.sleep(1)  # 수식(MathJax)을 다 그리도록


def _close_sessions(url: str, token: str) -> None:
    """슬라이드 쇼가 띄운 커널을 닫는다(다음 강의를 여는 동안 CPU와 메모리를 쓰지 않게)."""
    headers = {"Authorization": f"token {token}"}
    for session in requests.get(f"{url}/api/sessions", headers=headers, timeout=10).json():
        requests.delete(f"{url}/api/sessions/{session['id']}", headers=headers, timeout=30)


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_lesson_is_a_slideshow_that_fits_the_screen(
    browser: Any, lab: tuple[str, str], path: Path
) -> None:
    url, token = lab
    started = time.monotonic()
    notebook = nbformat.read(path, as_version=4)
    expected = slides.deck(notebook)
    listed = slides.SCROLLS.get(path.stem, {})
    try:
        _open_slideshow(browser, url, token, path.name)
        result = browser.execute_async_script(WALK)
        SHOTS.mkdir(parents=True, exist_ok=True)
        browser.execute_script(
            "window.postMessage(JSON.stringify({method: 'slide', args: [0, 0]}), '*')"
        )
        time.sleep(0.3)
        browser.save_screenshot(str(SHOTS / f"{path.stem}.png"))
    finally:
        _close_sessions(url, token)
    assert result["view"] == list(SCREEN)

    # 화면의 수와 화면마다 보이는 셀: 메타데이터에서 센 것과 같아야 한다(슬라이드 쇼가 깨지면 여기서 실패)
    screens = result["screens"]
    assert [s["id"] for s in screens] == [s.name for s in expected], (
        f"{path.name}: RISE가 만든 화면 {len(screens)}개, 메타데이터에서 센 화면 {len(expected)}개"
    )
    assert all(s["shown"] for s in screens), [s["id"] for s in screens if not s["shown"]]
    for screen, want in zip(screens, expected, strict=True):
        assert screen["cells"] == want.cells, (
            f"{path.name} {want.name}: 보이는 셀 {screen['cells']}, 기대 {want.cells}"
        )
    kinds = [cell.metadata["slideshow"]["slide_type"] for cell in notebook.cells]
    assert sorted(result["hidden"]) == [i for i, kind in enumerate(kinds) if kind in slides.HIDDEN]

    # 화면을 벗어나는 것은 SCROLLS에 적은 화면만이고, 그 화면은 정말 벗어나며 스크롤된다
    ids = [cell.get("id") for cell in notebook.cells]
    problems = []
    for screen, want in zip(screens, expected, strict=True):
        first = ids[want.cells[0]]
        overflows = screen["over"] > TOLERANCE
        if overflows and first not in listed:
            where = f"{want.name}(셀 {', '.join(str(ids[i]) for i in want.cells)})"
            if len(want.cells) > 1:
                problems.append(
                    f"{where}: {screen['over']} px 벗어납니다. tools/slides.py에서 더 나누세요"
                )
            else:
                problems.append(
                    f"{where}: {screen['over']} px 벗어납니다. 셀 하나라 나눌 수 없으면 tools/slides.py의 SCROLLS에 까닭과 함께 적으세요"
                )
        elif first in listed and not overflows:
            problems.append(f"{want.name}(셀 {first}): 이제 화면 안에 들어오니 SCROLLS에서 빼세요")
        elif first in listed and not screen["scrolls"]:
            problems.append(
                f"{want.name}(셀 {first}): 화면을 벗어나는데 스크롤되지 않습니다(metadata.rise.scroll)"
            )
    assert not problems, f"{path.name}:\n" + "\n".join(problems)

    counts = slides.counts(notebook)
    seconds = time.monotonic() - started
    print(
        f"\n{path.name}: 슬라이드 {counts['slide']}장, 아래 슬라이드 {counts['subslide']}장, "
        f"skip 셀 {counts['skip']}개, 스크롤 화면 {len(listed)}개, {seconds:.1f}초"
    )
