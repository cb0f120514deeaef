"""딥러닝 입문 강의 노트북의 도우미 패키지.

노트북 첫 셀에서 한 줄로 준비하기::

    import helpers
    helpers.setup_notebook()

모듈마다 한 가지 일만 한다.

- :mod:`helpers.fonts` — matplotlib 한글 글꼴
- :mod:`helpers.gpu` — GPU 메모리 증가 허용, 장치/버전 보고
- :mod:`helpers.plots` — 손실/정확도 이중 축 그래프
- :mod:`helpers.data` — 체크섬을 확인하는 데이터 로더
- :mod:`helpers.notebook` — 노트북 한 줄 준비(글꼴, 시드, GPU, 로그, 그림 스타일)
- :mod:`helpers.tfenv` — TensorFlow를 조용히 불러오기(C++ 시작 로그 없이)
- :mod:`helpers.widgets` — 저장된 노트북에서도 그림으로 보이는 위젯
- :mod:`helpers.results` — 노트북 밖에서 잰 숫자(``results/*.json``) 읽기
- :mod:`helpers.exercises` — 자동 채점 연습 문제
- :mod:`helpers.progress_table` — 내 연습 문제 진행 상황 표(``helpers.progress()``)

TensorFlow는 그 라이브러리가 필요한 함수를 부를 때에만 import한다(``import helpers``는 가볍다).
다만 ``import helpers``는 TensorFlow의 C++ 로그 수준 기본값을 정해 둔다(:mod:`helpers.tfenv`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from helpers.tfenv import configure_environment as _configure_environment

# TensorFlow가 import되기 전에 정해야 효과가 있다(학생 화면의 빨간 C++ 로그를 막는다).
_configure_environment()

__version__ = "1.0.0"

# 공개 이름 → 정의된 모듈. 처음 쓸 때 그 모듈만 불러온다.
_EXPORTS: dict[str, str] = {
    "set_korean_font": "fonts",
    "korean_font_name": "fonts",
    "KoreanFontWarning": "fonts",
    "enable_memory_growth": "gpu",
    "device_report": "gpu",
    "plot_history": "plots",
    "HistoryKeyError": "plots",
    "load_cereals": "data",
    "load_thoracic_surgery": "data",
    "load_mnist": "data",
    "verify_data_files": "data",
    "data_dir": "data",
    "DataFileError": "data",
    "setup_notebook": "notebook",
    "import_tensorflow": "tfenv",
    "show_widget": "widgets",
    "load_result": "results",
    "progress": "progress_table",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    value = getattr(import_module(f"helpers.{module_name}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
