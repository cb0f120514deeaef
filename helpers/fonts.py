"""matplotlib에서 한글이 깨지지 않게 하는 글꼴 설정.

**무엇을 고르나.** 강의 환경(requirements.txt, environment.yml)에 들어 있는
``koreanize-matplotlib`` 패키지가 함께 배포하는 나눔고딕 네 파일(Light 300, Regular 400,
Bold 600, ExtraBold 700)을 운영 체제와 상관없이 **먼저** 쓴다. 그 패키지를 import하지는 않는다
(그 패키지는 import할 때 Python 3.12부터 표준 라이브러리에서 빠진 ``distutils``를 불러와 오류가 난다).

**왜 운영 체제 글꼴보다 먼저인가.**

- 어느 컴퓨터에서나 그림이 똑같이 보인다. 강사의 화면, 학생의 Windows·macOS·Linux·Colab,
  CI와 웹사이트의 그림이 같은 글꼴, 같은 글자 폭으로 그려진다.
- matplotlib의 ``weight="bold"``는 굵기 700을 뜻하는데, 운영 체제 글꼴에는 700이 없는 것이 많다.
  macOS의 애플고딕(AppleGothic)은 굵기가 하나(400)뿐이고, Debian·Ubuntu의 ``fonts-nanum``
  나눔고딕은 400과 600뿐이다. 그러면 matplotlib 3.11은 굵은 글씨를 처음 그릴 때(글자 크기 등 설정이 바뀌면 다시)
  ``findfont: Failed to find font weight bold ...``를 로그로 남기고, 이 로그는 학생의
  JupyterLab에 빨간 글씨로 보인다. 함께 배포되는 나눔고딕에는 진짜 700(ExtraBold)이 있다.
- ``fonts-nanum``의 나눔고딕도 이름이 똑같이 ``NanumGothic``이다. 두 벌이 섞이면 굵기마다 다른
  파일이 골라질 수 있으므로, 실행 중인 파이썬 프로세스(커널) 안에서만 다른 ``NanumGothic`` 항목을 빼고 함께 배포되는
  네 파일만 그 이름으로 남긴다. 컴퓨터에 설치된 글꼴 파일은 건드리지 않는다.

**패키지가 없을 때.** 운영 체제의 한글 글꼴을 :data:`PREFERRED_FONTS` 순서로 찾되, 굵기 600 이상의 파일이
있는 글꼴을 먼저 고른다(맑은 고딕, Apple SD 산돌고딕 Neo, Noto Sans CJK 등). 고른 글꼴에 굵기 400이나
700의 파일이 없으면 가장 가까운 굵기의 파일을 그 굵기로도 등록해, 굵은 글씨는 그 글꼴의 가장 굵은 파일로(굵은
파일이 아예 없으면 보통 굵기로) 로그 없이 그린다. 한글 글꼴이 하나도 없으면 :class:`KoreanFontWarning`을
한 번 내고 무엇을 설치할지 알려 준다.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib import font_manager

# 함께 배포되는 나눔고딕이 없을 때 찾는 운영 체제 글꼴. 앞에 있을수록 먼저 고른다.
PREFERRED_FONTS: tuple[str, ...] = (
    "Malgun Gothic",  # Windows (보통 400, 굵게 700)
    "Apple SD Gothic Neo",  # macOS (여러 굵기)
    "AppleGothic",  # macOS (굵기 하나)
    "NanumGothic",  # Linux의 fonts-nanum (400, 600)
    "NanumBarunGothic",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Noto Sans CJK JP",  # fonts-noto-cjk의 .ttc는 이 이름으로 등록되지만 한글도 들어 있다
)

# 강의 그림이 쓰는 굵기: 보통(normal, 400)과 굵게(bold, 700).
REQUIRED_WEIGHTS: tuple[int, ...] = (400, 700)

FIX_HINT = (
    "한글 글꼴을 찾지 못했습니다. 그래프의 한글이 네모(□)로 보일 수 있습니다.\n"
    "해결: 강의 환경을 설치하세요(python -m pip install -r requirements.txt, koreanize-matplotlib 포함). "
    "Linux라면 'sudo apt-get install fonts-nanum'으로 운영 체제 글꼴을 설치해도 됩니다(이때는 matplotlib.get_cachedir() 폴더의 "
    "fontlist-*.json을 지워야 새 글꼴이 보입니다). 설치 후 커널을 다시 시작하세요.\n"
    "No Korean font was found, so Korean text in plots may show as boxes. "
    "Fix: install the course requirements (they include koreanize-matplotlib) "
    "or a system Korean font (e.g. fonts-nanum, then delete fontlist-*.json in matplotlib.get_cachedir()), "
    "then restart the kernel."
)


class KoreanFontWarning(UserWarning):
    """한글 글꼴이 없을 때 한 번 내는 경고 (no Korean font available)."""


_state: dict[str, Any] = {"font": None, "warned": False}


def _installed_font_names() -> set[str]:
    """matplotlib이 알고 있는 글꼴 이름들."""
    return {entry.name for entry in font_manager.fontManager.ttflist}


def _bundled_font_files() -> list[Path]:
    """koreanize-matplotlib이 배포하는 .ttf 파일 경로(패키지를 import하지 않고 찾는다)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return []
    files: list[Path] = []
    for location in spec.submodule_search_locations:
        files.extend(sorted((Path(location) / "fonts").glob("*.ttf")))
    return files


def _weight(entry: font_manager.FontEntry) -> int:
    """글꼴 항목의 굵기를 100~900의 수로."""
    weight = entry.weight
    if isinstance(weight, str):
        return int(font_manager.weight_dict.get(weight, 400))
    return int(weight)


def _forget_cached_lookups() -> None:
    """글꼴 목록을 바꾼 뒤 matplotlib이 기억해 둔 찾기 결과를 지운다(addfont가 하는 것과 같다)."""
    cached = getattr(font_manager.fontManager, "_findfont_cached", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()


def _register_bundled(files: list[Path]) -> str:
    """함께 배포되는 나눔고딕을 등록하고, 같은 이름의 다른 파일은 이 프로세스의 글꼴 목록에서 뺀다."""
    manager = font_manager.fontManager
    family = font_manager.FontProperties(fname=str(files[0])).get_name()
    ours = {str(path) for path in files}
    manager.ttflist[:] = [
        entry for entry in manager.ttflist if entry.name != family or entry.fname in ours
    ]
    registered = {entry.fname for entry in manager.ttflist if entry.name == family}
    for path in files:
        if str(path) not in registered:
            manager.addfont(str(path))
    _forget_cached_lookups()
    return family


def _system_family() -> str | None:
    """운영 체제의 한글 글꼴 가운데 쓸 것: 굵기 600 이상의 파일이 있는 것을 먼저."""
    faces: dict[str, list[int]] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.name in PREFERRED_FONTS and entry.style == "normal":
            faces.setdefault(entry.name, []).append(_weight(entry))
    available = [name for name in PREFERRED_FONTS if name in faces]
    with_bold = [name for name in available if max(faces[name]) >= 600]
    return (with_bold or available or [None])[0]


def _fill_missing_weights(family: str) -> None:
    """고른 운영 체제 글꼴에 굵기 400이나 700의 파일이 없으면 가장 가까운 굵기의 파일을 그 굵기로도 등록한다.

    예: fonts-nanum의 나눔고딕은 Bold 파일의 굵기가 600이라, ``weight="bold"``(700)가 그 파일을 쓰게 한다.
    """
    manager = font_manager.fontManager
    entries = [e for e in manager.ttflist if e.name == family and e.style == "normal"]
    if not entries:
        return
    present = {_weight(e) for e in entries}
    added = False
    for wanted in REQUIRED_WEIGHTS:
        if wanted in present:
            continue
        nearest = min(entries, key=lambda e: (abs(_weight(e) - wanted), -_weight(e)))
        manager.ttflist.append(dataclasses.replace(nearest, weight=wanted))
        present.add(wanted)
        added = True
    if added:
        _forget_cached_lookups()


def korean_font_name() -> str | None:
    """이 컴퓨터에서 쓸 한글 글꼴 이름을 돌려준다. 없으면 ``None``.

    함께 배포되는 나눔고딕을 먼저 등록해 쓰고, 없으면 운영 체제의 한글 글꼴을 고른다
    (까닭은 모듈 설명에 있다).
    """
    bundled = _bundled_font_files()
    if bundled:
        return _register_bundled(bundled)
    family = _system_family()
    if family is not None:
        _fill_missing_weights(family)
    return family


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
