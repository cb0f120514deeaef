"""matplotlib에서 한글이 깨지지 않게 하는 글꼴 설정.

순서: (1) 운영체제에 설치된 한글 글꼴(Windows 맑은 고딕, macOS 애플고딕,
Linux/Colab 나눔고딕·Noto Sans CJK), (2) 없으면 ``koreanize-matplotlib`` 패키지가
함께 배포하는 나눔고딕 파일을 등록한다. 그 패키지를 import 하지는 않는다
(그 패키지의 import는 Python 3.12에서 없어진 ``distutils``를 쓴다).
"""

from __future__ import annotations

import functools
import importlib.util
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib import font_manager

# 먼저 찾을수록 앞에 둔다. 운영체제 기본 글꼴이 가장 자연스럽게 보인다.
PREFERRED_FONTS: tuple[str, ...] = (
    "Malgun Gothic",  # Windows
    "AppleGothic",  # macOS
    "Apple SD Gothic Neo",  # macOS
    "NanumGothic",  # Linux(fonts-nanum), Colab, koreanize-matplotlib
    "NanumBarunGothic",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Noto Sans CJK JP",  # fonts-noto-cjk의 .ttc는 이 이름으로 등록되지만 한글도 들어 있다
)

FIX_HINT = (
    "한글 글꼴을 찾지 못했습니다. 그래프의 한글이 네모(□)로 보일 수 있습니다.\n"
    "해결: 강의 환경을 설치하세요(python -m pip install -r requirements.txt, koreanize-matplotlib 포함). "
    "Linux라면 'sudo apt-get install fonts-nanum'도 됩니다. 설치 후 커널을 다시 시작하세요.\n"
    "No Korean font was found, so Korean text in plots may show as boxes. "
    "Fix: install the course requirements (they include koreanize-matplotlib) "
    "or a system Korean font (e.g. fonts-nanum), then restart the kernel."
)


class KoreanFontWarning(UserWarning):
    """한글 글꼴이 없을 때 한 번 내는 경고 (no Korean font available)."""


_state: dict[str, Any] = {"font": None, "warned": False}


def _installed_font_names() -> set[str]:
    """matplotlib이 알고 있는 글꼴 이름들."""
    return {entry.name for entry in font_manager.fontManager.ttflist}


def _bundled_font_files() -> list[Path]:
    """koreanize-matplotlib이 배포하는 .ttf 파일 경로 (패키지를 import 하지 않고 찾는다)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return []
    files: list[Path] = []
    for location in spec.submodule_search_locations:
        files.extend(sorted((Path(location) / "fonts").glob("*.ttf")))
    return files


def korean_font_name() -> str | None:
    """이 컴퓨터에서 쓸 한글 글꼴 이름을 돌려준다. 없으면 ``None``.

    설치된 글꼴을 먼저 찾고, 없으면 koreanize-matplotlib의 나눔고딕을 matplotlib에 등록한다.
    """
    installed = _installed_font_names()
    for name in PREFERRED_FONTS:
        if name in installed:
            return name
    bundled = _bundled_font_files()
    for path in bundled:
        font_manager.fontManager.addfont(str(path))
    if bundled:
        return font_manager.FontProperties(fname=str(bundled[0])).get_name()
    return None


def _apply(name: str) -> None:
    sans = [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    mpl.rcParams["font.sans-serif"] = [name, *sans]
    mpl.rcParams["font.family"] = "sans-serif"
    # 한글 글꼴 가운데에는 유니코드 빼기 기호(U+2212)가 없는 것이 있어 ASCII '-'를 쓴다.
    mpl.rcParams["axes.unicode_minus"] = False


def _reapply_after(func: Callable[..., Any]) -> Callable[..., Any]:
    """seaborn의 테마 함수가 글꼴을 되돌린 뒤 한글 글꼴을 다시 적용하도록 감싼다."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = func(*args, **kwargs)
        # 사용자가 글꼴을 직접 고른 경우(set_theme(font=...), set_style(rc={"font.family": ...}))는 존중한다.
        rc = kwargs.get("rc") or {}
        font = kwargs.get("font", rc.get("font.family", "sans-serif"))
        if _state["font"] and font in ("sans-serif", ["sans-serif"]):
            _apply(_state["font"])
        return result

    wrapper._keeps_korean_font = True  # type: ignore[attr-defined]
    return wrapper


def _keep_font_through_seaborn() -> None:
    """``sns.set_theme()``/``sns.set_style()``은 font.family와 font.sans-serif를 초기화한다.
    두 함수가 끝난 뒤 한글 글꼴을 다시 적용하게 한다(seaborn이 없으면 아무것도 하지 않는다)."""
    if importlib.util.find_spec("seaborn") is None:
        return
    import seaborn
    from seaborn import rcmod

    for name in ("set_theme", "set_style"):
        original = getattr(rcmod, name)
        if getattr(original, "_keeps_korean_font", False):
            continue
        wrapped = _reapply_after(original)
        setattr(rcmod, name, wrapped)
        setattr(seaborn, name, wrapped)


def set_korean_font(*, verbose: bool = False) -> str | None:
    """matplotlib이 한글 제목·축 이름·범례와 음수 눈금을 제대로 그리게 한다.

    Parameters
    ----------
    verbose:
        ``True``이면 고른 글꼴 이름을 출력한다.

    Returns
    -------
    쓰게 된 글꼴 이름. 한글 글꼴이 하나도 없으면 :class:`KoreanFontWarning`을 한 번 내고 ``None``.
    여러 번 불러도 안전하다. seaborn의 ``set_theme()`` 뒤에도 한글 글꼴이 유지된다.
    """
    name = korean_font_name()
    if name is None:
        if not _state["warned"]:
            warnings.warn(FIX_HINT, KoreanFontWarning, stacklevel=2)
            _state["warned"] = True
        return None
    _state["font"] = name
    _apply(name)
    _keep_font_through_seaborn()
    if verbose:
        print(f"한글 글꼴: {name}")
    return name
