"""한글 글꼴: 한글과 음수 눈금이 빠짐없이 그려지는지, seaborn 테마 뒤에도 유지되는지, 글꼴이 없을 때 안내하는지."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
import seaborn as sns

from helpers import fonts


def _draw_korean_figure() -> list[str]:
    """한글 제목·축·범례와 음수 눈금이 있는 그림을 실제로 그리고, 나온 경고 문장을 돌려준다."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.plot([-3, -1, 0, 2], [-2.5, 1, -0.5, 3], label="훈련 손실")
        ax.set_title("한글 제목: 손실과 정확도")
        ax.set_xlabel("에포크")
        ax.set_ylabel("값 (음수 포함)")
        ax.legend()
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    return [str(w.message) for w in caught]


def _glyph_warnings(messages: list[str]) -> list[str]:
    return [m for m in messages if "Glyph" in m and "missing" in m]


def test_without_setup_korean_glyphs_are_missing() -> None:
    """대조군: 설정하지 않으면 실제로 글리프 경고가 난다(아래 테스트가 헛돌지 않음을 보인다)."""
    mpl.rcParams["font.family"] = "DejaVu Sans"
    assert _glyph_warnings(_draw_korean_figure())


def test_korean_text_and_minus_sign_render() -> None:
    name = fonts.set_korean_font()
    assert name is not None
    assert mpl.rcParams["font.sans-serif"][0] == name
    assert mpl.rcParams["axes.unicode_minus"] is False
    assert not _glyph_warnings(_draw_korean_figure())


def test_font_survives_seaborn_set_theme() -> None:
    name = fonts.set_korean_font()
    sns.set_theme()
    assert mpl.rcParams["font.sans-serif"][0] == name
    sns.set_theme(style="whitegrid", context="talk")
    sns.set_style("ticks")
    sns.set()
    assert not _glyph_warnings(_draw_korean_figure())


def test_explicit_seaborn_font_is_respected() -> None:
    fonts.set_korean_font()
    sns.set_theme(font="DejaVu Serif")
    assert mpl.rcParams["font.family"] == ["DejaVu Serif"]


def test_calling_twice_is_safe() -> None:
    first = fonts.set_korean_font()
    second = fonts.set_korean_font()
    assert first == second
    assert mpl.rcParams["font.sans-serif"].count(first) == 1


def test_bundled_nanum_gothic_is_used_without_importing_koreanize() -> None:
    assert fonts._bundled_font_files(), "koreanize-matplotlib의 글꼴 파일이 있어야 합니다"
    assert fonts.korean_font_name() == "NanumGothic"
    assert "koreanize_matplotlib" not in sys.modules


def test_no_font_warns_once_and_does_not_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_system_family", lambda: None)
    monkeypatch.setattr(fonts, "_bundled_font_files", lambda: [])
    monkeypatch.setitem(fonts._state, "warned", False)
    with pytest.warns(fonts.KoreanFontWarning) as record:
        assert fonts.set_korean_font() is None
    message = str(record[0].message)
    assert (
        "한글 글꼴" in message and "koreanize-matplotlib" in message and "No Korean font" in message
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fonts.set_korean_font() is None  # 두 번째는 조용하다


def test_importing_helpers_does_not_import_tensorflow() -> None:
    code = (
        "import sys, helpers, helpers.fonts, helpers.plots, helpers.data, helpers.exercises;"
        "helpers.set_korean_font; helpers.load_cereals;"
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
