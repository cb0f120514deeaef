"""운영 체제마다 다른 글꼴 구성을 흉내 내고, 보통·굵은·제목 글씨가 로그와 경고 없이 한글로 그려지는지 본다.

CI에 실제 파일이 있는 글꼴(함께 배포되는 나눔고딕, Debian의 fonts-nanum)은 그 파일을 등록하고,
없는 글꼴(맑은 고딕, 애플고딕, Apple SD 산돌고딕 Neo, Noto Sans CJK)은 그 이름과 굵기를 가진
대역 항목으로 만든다. 대역 항목의 파일은 한글이 든 나눔고딕이므로 글리프 경고가 나지 않는다.
각 경우를 koreanize-matplotlib이 있을 때와 없을 때로 나누어 그린다.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager

from helpers import fonts

FONTS_NANUM = Path("/usr/share/fonts/truetype/nanum")
BUNDLED = fonts._bundled_font_files()


def _entry(path: Path) -> font_manager.FontEntry:
    return font_manager.ttfFontProperty(font_manager.get_font(str(path)))


def _bundled(name: str) -> Path:
    return next(p for p in BUNDLED if p.name == name)


def _stand_in(family: str, *weights: int) -> list[font_manager.FontEntry]:
    """이 컴퓨터에 없는 글꼴의 대역: 이름과 굵기만 그 글꼴처럼, 파일은 한글이 든 나눔고딕."""
    regular = _entry(_bundled("NanumGothic.ttf"))
    bold = _entry(_bundled("NanumGothicExtraBold.ttf"))
    return [
        dataclasses.replace(bold if w >= 600 else regular, name=family, weight=w) for w in weights
    ]


def _forget_lookups() -> None:
    """글꼴 목록을 바꾼 뒤 matplotlib이 기억한 찾기 결과를 지운다."""
    font_manager.fontManager._findfont_cached.cache_clear()


def _latin_fonts() -> list[font_manager.FontEntry]:
    """matplotlib이 함께 배포하는 DejaVu 글꼴(모든 컴퓨터에 있다)."""
    return [e for e in font_manager.fontManager.ttflist if e.name.startswith("DejaVu")]


def _fonts_nanum() -> list[font_manager.FontEntry]:
    files = sorted(FONTS_NANUM.glob("NanumGothic*.ttf")) if FONTS_NANUM.is_dir() else []
    entries = [_entry(p) for p in files if "Coding" not in p.name]
    if {e.name for e in entries} != {"NanumGothic"}:
        pytest.skip("Debian의 fonts-nanum이 설치되어 있지 않습니다(.ci/run이 설치한다)")
    return entries


PLATFORMS = {
    "windows": lambda: _stand_in("Malgun Gothic", 400, 700),
    "macos": lambda: _stand_in("AppleGothic", 400) + _stand_in("Apple SD Gothic Neo", 300, 400, 600, 700),
    "macos-applegothic-only": lambda: _stand_in("AppleGothic", 400),
    "debian-fonts-nanum": _fonts_nanum,
    "debian-fonts-noto-cjk": lambda: _stand_in("Noto Sans CJK JP", 100, 300, 400, 500, 700, 900),
    "colab-no-korean-font": list,
}


@pytest.fixture(params=["bundled", "no-koreanize"])
def koreanize(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    if request.param == "no-koreanize":
        monkeypatch.setattr(fonts, "_bundled_font_files", lambda: [])
        return False
    assert BUNDLED, "koreanize-matplotlib의 나눔고딕 파일이 있어야 합니다(requirements.txt)"
    return True


@pytest.fixture(params=sorted(PLATFORMS))
def platform(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """matplotlib의 글꼴 목록을 그 플랫폼의 것으로 바꾼다(테스트가 끝나면 되돌린다)."""
    manager = font_manager.fontManager
    monkeypatch.setattr(manager, "ttflist", _latin_fonts() + PLATFORMS[request.param]())
    monkeypatch.setitem(fonts._state, "warned", False)
    _forget_lookups()
    yield request.param
    _forget_lookups()


def _draw(caplog: pytest.LogCaptureFixture) -> tuple[list[str], list[str]]:
    """보통·굵은 글씨와 제목이 있는 그림을 그리고 (경고 문장들, WARNING 이상 로그 문장들)을 돌려준다."""
    caplog.clear()
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        fig.suptitle("그림 제목: 손실 곡선")
        ax.set_title("축 제목: 에포크마다 -0.5")
        ax.set_xlabel("에포크")
        ax.text(0.1, 0.5, "보통 굵기 글씨")
        ax.text(0.1, 0.3, "굵은 글씨", weight="bold")
        ax.text(0.1, 0.1, "굵은 글씨", fontweight=700)
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    records = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return [str(w.message) for w in caught], records


def test_korean_text_draws_quietly_on_every_platform(
    platform: str, koreanize: bool, caplog: pytest.LogCaptureFixture
) -> None:
    if platform == "colab-no-korean-font" and not koreanize:
        # 한글 글꼴이 하나도 없다: 조용히 □를 그리지 않고, 무엇을 설치할지 한 번 알려 주는 것이 맞다.
        with pytest.warns(fonts.KoreanFontWarning, match="koreanize-matplotlib"):
            assert fonts.set_korean_font() is None
        return
    name = fonts.set_korean_font()
    assert name is not None
    assert mpl.rcParams["font.sans-serif"][0] == name
    messages, records = _draw(caplog)
    assert messages == [], messages
    assert records == [], records


def test_bundled_family_wins_everywhere(platform: str) -> None:
    """패키지가 있으면 어느 플랫폼에서나 같은 네 파일을 쓴다: 그림이 어디서나 똑같다."""
    assert fonts.set_korean_font() == "NanumGothic"
    used = {}
    for weight in ("light", "normal", "semibold", "bold"):
        prop = font_manager.FontProperties(family="NanumGothic", weight=weight)
        used[weight] = Path(font_manager.findfont(prop)).name
    assert used == {
        "light": "NanumGothicLight.ttf",
        "normal": "NanumGothic.ttf",
        "semibold": "NanumGothicBold.ttf",
        "bold": "NanumGothicExtraBold.ttf",
    }
    nanum = [e for e in font_manager.fontManager.ttflist if e.name == "NanumGothic"]
    assert {Path(e.fname).parent for e in nanum} == {BUNDLED[0].parent}


@pytest.mark.parametrize(
    ("fonts_on_machine", "expected"),
    [
        ("windows", "Malgun Gothic"),
        ("macos", "Apple SD Gothic Neo"),  # 굵은 면이 있는 쪽
        ("macos-applegothic-only", "AppleGothic"),
        ("debian-fonts-nanum", "NanumGothic"),
        ("debian-fonts-noto-cjk", "Noto Sans CJK JP"),
    ],
)
def test_system_font_choice_without_koreanize(
    fonts_on_machine: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "_bundled_font_files", lambda: [])
    monkeypatch.setattr(
        font_manager.fontManager, "ttflist", _latin_fonts() + PLATFORMS[fonts_on_machine]()
    )
    _forget_lookups()
    try:
        assert fonts.korean_font_name() == expected
    finally:
        _forget_lookups()


def test_fonts_nanum_bold_uses_its_own_bold_face(monkeypatch: pytest.MonkeyPatch) -> None:
    """fonts-nanum만 있으면 굵은 글씨(700)는 그 글꼴의 Bold 파일(600)로 그린다."""
    monkeypatch.setattr(fonts, "_bundled_font_files", lambda: [])
    monkeypatch.setattr(font_manager.fontManager, "ttflist", _latin_fonts() + _fonts_nanum())
    _forget_lookups()
    try:
        assert fonts.set_korean_font() == "NanumGothic"
        bold = font_manager.FontProperties(family="NanumGothic", weight="bold")
        assert Path(font_manager.findfont(bold)).name == "NanumGothicBold.ttf"
    finally:
        _forget_lookups()


def test_no_korean_font_at_all_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(fonts, "_bundled_font_files", lambda: [])
    monkeypatch.setattr(font_manager.fontManager, "ttflist", _latin_fonts())
    monkeypatch.setitem(fonts._state, "warned", False)
    _forget_lookups()
    try:
        with pytest.warns(fonts.KoreanFontWarning, match="koreanize-matplotlib"):
            assert fonts.set_korean_font() is None
    finally:
        _forget_lookups()
