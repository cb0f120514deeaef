"""강의 환경의 JupyterLab이 처음부터 한국어로 열리고, 학생이 메뉴에서 영어로 바꿀 수 있는지 실제 브라우저로 확인한다.

학생 컴퓨터의 사용자 설정이 결과를 바꾸지 않도록 HOME과 Jupyter의 설정·데이터·작업 공간 폴더를 모두 임시 폴더로 둔다.
"""

from __future__ import annotations

import json
import re
import socket
import sys
import time
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.browsers import headless_chromium, jupyter_lab

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "dl-course.json"
KOREAN_MENU_BAR = ["파일", "편집", "보기", "실행", "커널", "탭", "설정", "도움말"]
ENGLISH_MENU_BAR = ["File", "Edit", "View", "Run", "Kernel", "Tabs", "Settings", "Help"]
# 한국어 팩(4.5.post3)에 번역이 없어 주 메뉴에 영어로 남는 항목과 그 까닭. 여기에 없는 영어 항목이 나오면 테스트가 실패한다.
KNOWN_ENGLISH_ITEMS = {
    "Open Recent": "팩에 번역 없음(JupyterLab 4.5에도 있던 문구)",
    "Revert File to Checkpoint…": "팩에 번역 없음(JupyterLab 4.5에도 있던 문구)",
    "Code Folding": "JupyterLab 4.6에서 메뉴가 된 문구",
    "Show Keyboard Shortcuts…": "팩에 번역 없음(JupyterLab 4.5에도 있던 문구)",
    "Render as Reveal Slideshow": "RISE(jupyterlab-rise)에 한국어 번역 없음",
    "Full screen slideshow": "RISE(jupyterlab-rise)에 한국어 번역 없음",
    "Jupytext": "개발 도구(requirements-dev.txt)의 메뉴(학생 환경에는 없음)",
}
HANGUL = re.compile("[가-힣]")


def test_korean_is_the_installed_default() -> None:
    """requirements.txt의 ./labsettings가 기본 설정 파일을 이 환경의 overrides.d에 설치했다."""
    assert OVERRIDES.exists(), (
        f"기본 설정 파일이 없습니다({OVERRIDES}). 'python -m pip install -r requirements.txt'로 ./labsettings를 설치하세요."
    )
    installed = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    source = json.loads((ROOT / "labsettings" / "dl-course.json").read_text(encoding="utf-8"))
    assert installed == source
    assert installed["@jupyterlab/translation-extension:plugin"]["locale"] == "ko_KR"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """사용자 설정이 하나도 없는 새 계정처럼 띄운 JupyterLab의 주소와 사용자 설정 폴더."""
    base = tmp_path_factory.mktemp("lab")
    settings = base / "home" / "lab-settings"
    (base / "work").mkdir()
    with jupyter_lab(base, base / "work", settings, _free_port()) as (url, token):
        yield f"{url}/lab?token={token}", settings


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    # 브라우저 언어는 영어로 둔다. 한국어 화면이 브라우저가 아니라 강의 환경의 기본 설정에서 온다는 것을 보이려는 것이다.
    browser = headless_chromium("--window-size=1280,800", "--lang=en-US")
    yield browser
    browser.quit()


def _menu_bar(driver: object, differs_from: str | None = None, seconds: float = 60) -> list[str]:
    """주 메뉴 막대의 이름들. ``differs_from``을 주면 첫 이름이 그것과 달라질 때까지 기다린다(다시 불러오기)."""
    script = "return Array.from(document.querySelectorAll('#jp-MainMenu .lm-MenuBar-itemLabel')).map(e => e.textContent)"
    deadline = time.monotonic() + seconds
    labels: list[str] = []
    while time.monotonic() < deadline:
        try:
            labels = driver.execute_script(script)  # type: ignore[attr-defined]
        except Exception:  # 다시 불러오는 중
            labels = []
        if labels and labels[0] != differs_from:
            return labels
        time.sleep(0.3)
    return labels


def _open_menu(driver: object, index: int) -> list[object]:
    """주 메뉴 막대의 ``index``번째 메뉴를 열고 열린 메뉴들을 돌려준다(열리지 않으면 빈 목록)."""
    from selenium.webdriver.common.by import By

    for _ in range(3):  # 막 닫힌 메뉴 막대는 첫 누름을 닫기로 받을 때가 있다
        driver.find_elements(By.CSS_SELECTOR, "#jp-MainMenu .lm-MenuBar-item")[index].click()  # type: ignore[attr-defined]
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            menus = driver.find_elements(By.CSS_SELECTOR, "body > .lm-Menu")  # type: ignore[attr-defined]
            if menus:
                time.sleep(0.2)  # 항목이 다 그려지도록
                return driver.find_elements(By.CSS_SELECTOR, "body > .lm-Menu")  # type: ignore[attr-defined]
            time.sleep(0.1)
    return []


def _close_menus(driver: object) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    time.sleep(0.2)


def test_jupyterlab_opens_in_korean_and_switches_back_to_english(lab: tuple[str, Path], driver: object) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    url, settings = lab
    driver.get(url)  # type: ignore[attr-defined]
    assert _menu_bar(driver) == KOREAN_MENU_BAR

    # 주 메뉴의 항목들: 팩에 번역이 없는 알려진 항목 말고는 모두 한국어여야 한다
    items: dict[str, list[str]] = {}
    for index, name in enumerate(KOREAN_MENU_BAR):
        menus = _open_menu(driver, index)
        assert menus, f"'{name}' 메뉴가 열리지 않았습니다"
        items[name] = [
            e.text.splitlines()[0]
            for e in menus[0].find_elements(By.CSS_SELECTOR, ".lm-Menu-item:not(.lm-mod-hidden) .lm-Menu-itemLabel")
            if e.text.strip()
        ]
        _close_menus(driver)
    total = sum(len(labels) for labels in items.values())
    english = {label for labels in items.values() for label in labels if not HANGUL.search(label)}
    assert total >= 100, items
    assert english <= set(KNOWN_ENGLISH_ITEMS), f"번역 없이 영어로 보이는 새 메뉴 항목: {english - set(KNOWN_ENGLISH_ITEMS)}"
    print(f"\n주 메뉴 항목 {total}개 중 영어 {len(english)}개: {sorted(english)}")

    # 설정 → 언어 → English: 확인 창에서 '변경하고 다시 불러오기'를 누르면 영어 화면으로 다시 열린다
    menus = _open_menu(driver, KOREAN_MENU_BAR.index("설정"))
    language = next(e for e in menus[0].find_elements(By.CSS_SELECTOR, ".lm-Menu-item") if e.text.strip() == "언어")
    ActionChains(driver).move_to_element(language).perform()
    deadline = time.monotonic() + 10
    while len(menus := driver.find_elements(By.CSS_SELECTOR, "body > .lm-Menu")) < 2:  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, "'언어' 하위 메뉴가 열리지 않았습니다"
        time.sleep(0.2)
    choices = [e for e in menus[-1].find_elements(By.CSS_SELECTOR, ".lm-Menu-item") if e.text.strip()]
    assert any("Korean" in e.text for e in choices), [e.text for e in choices]
    next(e for e in choices if e.text.startswith("English")).click()
    deadline = time.monotonic() + 10
    while not (buttons := driver.find_elements(By.CSS_SELECTOR, ".jp-Dialog .jp-mod-accept")):  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, "언어를 바꿀지 묻는 창이 나오지 않았습니다"
        time.sleep(0.2)
    assert buttons[0].text == "변경하고 다시 불러오기"
    buttons[0].click()
    assert _menu_bar(driver, differs_from="파일") == ENGLISH_MENU_BAR

    # 학생의 선택은 그 학생의 사용자 설정에 남는다(강의 환경의 기본값보다 앞선다)
    saved = (settings / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings").read_text(encoding="utf-8")
    assert re.search(r'^\s*"locale":\s*"en"', saved, flags=re.M), saved
    driver.refresh()  # type: ignore[attr-defined]
    assert _menu_bar(driver) == ENGLISH_MENU_BAR


def test_readme_numbers_come_from_the_measurement() -> None:
    """README에 적힌 번역 문구 수는 tools/measure_jupyterlab_ko.py가 잰 results/jupyterlab_ko.json의 값이다."""
    from helpers.results import load_result

    data = load_result("jupyterlab_ko")["data"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for part in (data, data["비교: JupyterLab 4.5.11"]):
        screen = part["화면"]
        said = f"{screen['문구']:,}개 가운데 {screen['문구'] - screen['번역 없음']:,}개"
        assert said in readme, f"README에 '{said}' 문구가 없습니다. tools/measure_jupyterlab_ko.py를 다시 실행하고 README를 고치세요."
    assert data["jupyterlab"] == version("jupyterlab")
    assert data["jupyterlab-language-pack-ko-KR"] == version("jupyterlab-language-pack-ko-KR")
    assert data["주 메뉴 막대 번역 없음"] == []
