"""강의 웹사이트(bash course.sh book): 1분 안에 만들어지고, 인터넷 없이 열리고, 한국어 검색이 된다.

브라우저 검사는 Debian의 chromium과 chromium-driver를 selenium으로 부린다. 학습자의 컴퓨터에 없으면 까닭을 적고
건너뛰지만, CI(CI=true)에서는 반드시 실행한다(.ci/run이 설치한다).
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import json
import os
import re
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build_book  # noqa: E402

from tests.browsers import headless_chromium  # noqa: E402

SEARCH_SEPARATOR = build_book.yaml.safe_load((ROOT / "book" / "mkdocs.yml").read_text(encoding="utf-8").replace(
    "__MATHJAX__", '""'))["plugins"][0]["search"]["separator"]  # fmt: skip
SCREENSHOTS = ROOT / "_build" / "book" / "screenshots"


@pytest.fixture(scope="module")
def site() -> tuple[Path, float]:
    seconds = build_book.build()
    return build_book.SITE, seconds


def pages(site_dir: Path) -> list[str]:
    """사이트의 모든 HTML 페이지(404 제외), 사이트 기준 경로."""
    return sorted(
        p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html") if "assets" not in p.parts
    )


def test_site_builds_in_under_a_minute_with_every_lesson(site: tuple[Path, float]) -> None:
    site_dir, seconds = site
    assert seconds < 60, f"사이트를 만드는 데 {seconds:.0f}초 걸렸습니다"
    names = [p.split("/")[0] for p in pages(site_dir)]
    for path, _ in build_book.lessons():
        assert path.stem in names, path.stem
        assert (site_dir / path.stem / path.name).exists(), f"{path.name}: 내려받을 노트북 파일이 없습니다"
    for page in ("glossary", "troubleshooting", "tested-on", "instructor"):
        assert page in names
    for path, _ in build_book.lessons():
        assert (site_dir / "instructor" / path.stem[:2] / "index.html").exists(), (
            f"{path.stem}: 강사용 페이지가 없습니다"
        )


def test_every_lesson_page_has_a_download_link_and_korean_interface(site: tuple[Path, float]) -> None:
    site_dir, _ = site
    for path, title in build_book.lessons():
        html = (site_dir / path.stem / "index.html").read_text(encoding="utf-8")
        assert f'href="{path.name}" download' in html or f'{path.name}" download' in html, path.name
        assert '<html lang="ko"' in html
        assert title.split(". ", 1)[-1][:6] in html


def test_nothing_is_fetched_from_the_internet(site: tuple[Path, float]) -> None:
    """스크립트, 스타일, 글꼴을 인터넷에서 불러오는 태그가 없다(본문의 참고 링크는 괜찮다)."""
    site_dir, _ = site
    outside = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']https?://""", re.I)
    css_import = re.compile(r"""@import\s+url\(["']?https?://|url\(["']?https?://[^)]*\.(?:woff2?|ttf|css)""", re.I)
    for path in site_dir.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            assert not outside.search(text), f"{path.relative_to(site_dir)}: {outside.search(text).group(0)}"
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="ignore")
            assert not css_import.search(text), path.relative_to(site_dir)


def test_korean_search_separator_splits_particles_off() -> None:
    """검색 색인과 검색어를 같은 규칙으로 나눈다: '경사 하강법을' → '경사', '하강법', '을'."""

    def tokens(text: str) -> list[str]:
        return [t for t in re.split(SEARCH_SEPARATOR, text) if t]

    assert tokens("경사 하강법을 씁니다") == ["경사", "하강법", "을", "씁니다"]
    assert "XOR" in tokens("XOR는 선형 분리가 안 됩니다") and "하강법" in tokens("하강법으로")
    assert tokens("하강법") == ["하강법"]
    # 공백만으로 나누면 '하강법'으로 '하강법을'을 찾지 못한다(이 규칙이 필요한 까닭)
    assert "하강법" not in "경사 하강법을 씁니다".split()


# ---------------------------------------------------------------------------
# 실제 브라우저


@pytest.fixture(scope="module")
def server(site: tuple[Path, float]) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site[0]))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    driver = headless_chromium("--window-size=1400,1000", "--lang=ko-KR", logging=True)
    yield driver
    driver.quit()


def _wait(driver: object, script: str, timeout: float = 20.0) -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script)  # type: ignore[attr-defined]
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def test_every_page_renders_in_a_real_browser(site: tuple[Path, float], server: str, browser: object) -> None:
    site_dir, _ = site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    internal_links: set[str] = set()
    for page in pages(site_dir):
        url = f"{server}/{page.removesuffix('index.html')}"
        browser.get(url)  # type: ignore[attr-defined]
        _wait(browser, "return document.readyState === 'complete'")
        has_math = bool(browser.execute_script("return document.querySelector('.arithmatex, .jp-RenderedMarkdown') !== null && /\\$|\\\\\\(/.test(document.body.innerText)"))  # type: ignore[attr-defined]
        if has_math:
            rendered = _wait(browser, "return window.MathJax && window.MathJax.Hub && window.MathJax.Hub.queue.pending === 0 && document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_Preview').length > 0")
            assert rendered, f"{page}: 수식이 그려지지 않았습니다"
        text = browser.execute_script("return document.body.innerText")  # type: ignore[attr-defined]
        assert len(re.findall("[가-힣]", text)) >= 30, f"{page}: 한국어 본문이 보이지 않습니다"
        broken = browser.execute_script(  # type: ignore[attr-defined]
            "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
        )
        assert not broken, f"{page}: 그림이 깨졌습니다: {broken[:3]}"
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]
        assert not errors, f"{page}: 콘솔 오류: {errors[:3]}"
        for entry in browser.get_log("performance"):  # type: ignore[attr-defined]
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                requested = message["params"]["request"]["url"]
                assert requested.startswith((server, "data:", "blob:", "about:")), f"{page}: 인터넷에서 불러옴: {requested}"
        for href in browser.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"):  # type: ignore[attr-defined]
            if href.startswith(server):
                internal_links.add(href.split("#")[0])
        if page.split("/")[0] in {"index.html", "01_neuron", "06_lung_cancer_survival", "glossary"}:
            browser.save_screenshot(str(SCREENSHOTS / (page.split("/")[0].replace(".html", "") + ".png")))  # type: ignore[attr-defined]
    for link in sorted(internal_links):
        with urllib.request.urlopen(link) as response:
            assert response.status == 200, link


def test_instructor_pages_are_in_the_navigation(server: str, browser: object) -> None:
    """강사용 안내 페이지와 강의마다의 강사용 페이지가 목차(왼쪽 메뉴)에 있다. 페이지가 열리고 링크가 살아 있는지는
    test_every_page_renders_in_a_real_browser가 모든 페이지에서 확인한다."""
    browser.get(f"{server}/")  # type: ignore[attr-defined]
    _wait(browser, "return document.readyState === 'complete'")
    links = set(browser.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('nav.md-nav--primary a[href]')).map(a => a.href)"))  # fmt: skip
    lessons = build_book.lessons()
    expected = {f"{server}/instructor/"} | {
        f"{server}/instructor/{p.stem[:2]}/" for p, _ in lessons
    }
    assert len(expected) == len(lessons) + 1
    assert expected <= links, f"목차에 없는 강사용 페이지: {sorted(expected - links)}"
    browser.get(f"{server}/instructor/01/")  # type: ignore[attr-defined]
    _wait(browser, "return document.readyState === 'complete'")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / "instructor-01.png"))  # type: ignore[attr-defined]


def test_search_finds_a_korean_word_written_with_a_particle(server: str, browser: object) -> None:
    """'하강법'으로 찾으면 '경사 하강법을 …'이 있는 강의가 나온다."""
    query = urllib.parse.quote("하강법")
    browser.get(f"{server}/?q={query}")  # type: ignore[attr-defined]
    count = _wait(browser, "return document.querySelectorAll('.md-search-result__item').length")
    assert count, "검색 결과가 없습니다"
    results = browser.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('.md-search-result__link')).map(a => a.href)"
    )
    assert any("01_neuron" in r for r in results), results[:5]
    browser.save_screenshot(str(SCREENSHOTS / "search.png"))  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------
# 한국어 독자가 읽는 대로: 목차와 본문 링크, 접근성(axe-core), 어절 단위 줄바꿈, 휴대폰 폭, 검색 조각


class _Anchors(html.parser.HTMLParser):
    """페이지의 id(a 태그의 name도 포함)와 링크(href)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])  # type: ignore[arg-type]
        if tag == "a" and found.get("name"):
            self.ids.add(found["name"])  # type: ignore[arg-type]
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"])  # type: ignore[arg-type]


def test_every_in_page_link_reaches_an_element(site: tuple[Path, float]) -> None:
    """목차와 본문의 모든 '#' 링크(다른 페이지의 '#'도)가 그 페이지에 있는 id로 간다."""
    site_dir, _ = site
    parsed: dict[Path, _Anchors] = {}
    for path in site_dir.rglob("*.html"):
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        parsed[path.resolve()] = parser
    broken, checked = [], 0
    for path, parser in parsed.items():
        for href in parser.hrefs:
            parts = urllib.parse.urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = (path.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if urllib.parse.unquote(parts.fragment) not in parsed.get(target, _Anchors()).ids:
                broken.append(f"{path.relative_to(site_dir)}: {href}")
    assert checked > 500, checked
    assert not broken, f"가리키는 곳이 없는 링크 {len(broken)}개: {broken[:10]}"
    # 제목에 인라인 코드가 있어도 목차 항목에 코드 글자가 남는다
    lesson = (site_dir / "01_neuron" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="#keras의-dense1도-같은-뉴런"[^>]*>\s*(<span[^>]*>)?\s*Keras의 Dense\(1\)도 같은 뉴런', lesson)


def test_search_snippets_show_no_raw_tex(site: tuple[Path, float]) -> None:
    """검색 결과 조각에 $\\sigma(wx)$ 같은 TeX 원문이 보이지 않는다(읽을 수 있는 글 σ(wx)로 바꾼다)."""
    site_dir, _ = site
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    tex = re.compile(r"\$[^$\s][^$]*\$|\\\(|\\\[|\\(?:frac|sigma|hat|mathbf|sum|partial|cdot|text)\b")
    leftovers = [
        f"{doc['location']}: {tex.search(doc['title'] + ' ' + doc['text']).group(0)}"  # type: ignore[union-attr]
        for doc in index["docs"]
        if tex.search(doc["title"] + " " + doc["text"])
    ]
    assert not leftovers, f"TeX 원문이 남은 검색 조각 {len(leftovers)}개: {leftovers[:5]}"
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "y = f(wx + b)" in text and "σ" in text  # 수식은 지우지 않고 읽을 수 있는 글로 바꾼다
    assert build_book.plain_math(r"출력 $\sigma(wx)$와 $$\hat{y} = \frac{1}{n}$$") == "출력 σ(wx)와 ŷ = 1/n"


AXE = ROOT / "_build" / "node" / "node_modules" / "axe-core" / "axe.min.js"


def _axe_or_skip() -> str:
    if AXE.exists():
        return AXE.read_text(encoding="utf-8")
    reason = "axe-core가 없습니다(npm install --prefix _build/node axe-core@4.14.1, .ci/run이 설치합니다)"
    if os.environ.get("CI") == "true":
        pytest.fail("CI에서는 접근성 검사를 반드시 실행합니다. " + reason)
    pytest.skip(reason)


def _open(browser: object, url: str) -> None:
    browser.get(url)  # type: ignore[attr-defined]
    _wait(browser, "return document.readyState === 'complete'")
    _wait(browser, "return !window.MathJax || !window.MathJax.Hub || window.MathJax.Hub.queue.pending === 0")


def test_axe_finds_no_serious_or_critical_problem_on_any_page(
    site: tuple[Path, float], server: str, browser: object
) -> None:
    """axe-core(Deque, npm)의 규칙으로 모든 페이지를 검사한다. 심각(serious)·치명(critical) 위반이 하나도 없어야 한다."""
    source = _axe_or_skip()
    site_dir, _ = site
    found: list[str] = []
    for page in pages(site_dir):
        _open(browser, f"{server}/{page.removesuffix('index.html')}")
        browser.execute_script(source)  # type: ignore[attr-defined]
        violations = browser.execute_async_script(  # type: ignore[attr-defined]
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
            "v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])));"
        )
        found += [f"{page}: {rule} ({impact}, {count}곳, 예: {where})" for rule, impact, count, where in violations
                  if impact in ("serious", "critical")]  # fmt: skip
    assert not found, "접근성 위반:\n" + "\n".join(found)


# 화면에 보이는 글에서 한글이 이어진 덩어리(어절의 한글 부분)가 두 줄에 걸친 것을 찾는다. 코드와 수식은 뺀다.
_SPLIT_WORDS = """
const skip = 'pre, code, script, style, .MathJax, .MathJax_Display, .MathJax_Preview, mjx-container, .md-search';
const root = document.querySelector('.md-container') || document.body;
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
const split = []; let words = 0;
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || parent.closest(skip) || !parent.getClientRects().length) continue;
  for (const match of node.data.matchAll(/[가-힣]{2,}/g)) {
    const range = document.createRange();
    range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
    const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
    if (!rects.length) continue;
    words += 1;
    const tops = new Set(rects.map(r => Math.round(r.top / 4)));
    // Array.from: 이모지(서로게이트 쌍)를 반으로 자르지 않는다
    if (tops.size > 1) split.push(match[0] + ' ← ' + Array.from((parent.textContent || '').trim()).slice(0, 40).join(''));
  }
}
return [words, split];
"""
PHONE = (390, 844)


def _set_viewport(browser: object, width: int, height: int) -> None:
    """창의 바깥 크기가 아니라 페이지가 보는 화면(innerWidth) 크기를 맞춘다."""
    browser.set_window_size(width, height)  # type: ignore[attr-defined]
    inner = browser.execute_script("return [window.innerWidth, window.innerHeight]")  # type: ignore[attr-defined]
    browser.set_window_size(2 * width - inner[0], 2 * height - inner[1])  # type: ignore[attr-defined]


def test_korean_words_are_never_split_across_lines(site: tuple[Path, float], server: str, browser: object) -> None:
    """'시 / 간에는'처럼 어절 중간에서 줄이 바뀌지 않는다. 데스크톱(1400 px)과 휴대폰(390 px) 폭에서 본문·표·목차를 모두 본다."""
    site_dir, _ = site
    problems: list[str] = []
    try:
        for width, height in ((1400, 1000), PHONE):
            _set_viewport(browser, width, height)
            counted = 0
            for page in pages(site_dir):
                _open(browser, f"{server}/{page.removesuffix('index.html')}")
                words, split = browser.execute_script(_SPLIT_WORDS)  # type: ignore[attr-defined]
                counted += words
                problems += [f"{width} px {page}: {s}" for s in split]
            assert counted > 10_000, counted  # 검사가 실제로 낱말을 보았다
    finally:
        _set_viewport(browser, 1400, 1000)
    assert not problems, f"두 줄에 걸친 어절 {len(problems)}개: {problems[:8]}"


def test_phone_width_scrolls_only_inside_code_and_wide_tables(
    site: tuple[Path, float], server: str, browser: object
) -> None:
    """휴대폰 폭(390×844)에서 페이지 자체는 옆으로 스크롤되지 않는다. 넓은 코드와 표는 자기 상자 안에서만 스크롤된다."""
    site_dir, _ = site
    wide: list[str] = []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        _set_viewport(browser, *PHONE)
        assert browser.execute_script("return window.innerWidth") == PHONE[0]  # type: ignore[attr-defined]
        for page in pages(site_dir):
            _open(browser, f"{server}/{page.removesuffix('index.html')}")
            width = browser.execute_script("return document.documentElement.scrollWidth")  # type: ignore[attr-defined]
            if width > PHONE[0]:
                culprit = browser.execute_script(  # type: ignore[attr-defined]
                    "const w = window.innerWidth; return Array.from(document.querySelectorAll('body *'))"
                    ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('pre, table, .highlight-ipynb,"
                    " .jp-OutputArea-output, .md-typeset__scrollwrap, .MathJax_Display'))"
                    ".slice(0, 3).map(e => e.tagName + '.' + e.className)"
                )
                wide.append(f"{page}: 너비 {width} px, {culprit}")
            name = page.split("/")[0].replace(".html", "")
            if name in {"index", "01_neuron", "glossary", "instructor"}:
                browser.save_screenshot(str(SCREENSHOTS / f"phone-{name}.png"))  # type: ignore[attr-defined]
    finally:
        _set_viewport(browser, 1400, 1000)
    assert not wide, "휴대폰 폭에서 옆으로 스크롤되는 페이지:\n" + "\n".join(wide)
