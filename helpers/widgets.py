"""저장된 노트북에서도 알아볼 수 있는 위젯 출력.

ipywidgets 위젯의 출력에는 위젯 자리 표시(``application/vnd.jupyter.widget-view+json``)와
``interactive(children=(FloatSlider(…`` 같은 글(``text/plain``)만 들어 있다. 커널 없이 연 노트북,
신뢰하지 않은(trusted가 아닌) 노트북, 웹 미리보기는 위젯을 그리지 못하고 그 글을 보여 준다.

:func:`show_widget`은 같은 출력에 **초깃값으로 그린 그림(PNG)**을 함께 넣는다. 셀을 실행한
JupyterLab·VS Code·Colab은 위젯을 그리고, 위젯을 그리지 못하는 곳은 그림을 보여 준다.
"""

from __future__ import annotations

import base64
import io
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
FALLBACK_TEXT = (
    "[슬라이더 위젯: 셀을 실행하면 나타납니다.] (interactive widget: run the cell to use it)"
)


def widget_bundle(widget: Any, preview: Figure) -> dict[str, Any]:
    """위젯의 표시 데이터에 ``preview`` 그림(PNG)과 한국어 안내 글을 더한 mimebundle.

    ``preview``는 PNG로 바꾼 뒤 닫는다(노트북에 따로 그려지지 않는다).
    위젯이 아니면(``_repr_mimebundle_``이 위젯 자리 표시를 주지 않으면) :class:`TypeError`를 일으킨다.
    """
    data = dict(widget._repr_mimebundle_() or {}) if hasattr(widget, "_repr_mimebundle_") else {}
    if WIDGET_MIME not in data:
        raise TypeError(
            f"받은 값은 위젯이 아닙니다(자료형 {type(widget).__name__}). ipywidgets 위젯을 넘기세요. "
            "(show_widget expects an ipywidgets widget)"
        )
    buffer = io.BytesIO()
    preview.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(preview)
    data["image/png"] = base64.b64encode(buffer.getvalue()).decode("ascii")
    data["text/plain"] = FALLBACK_TEXT
    return data


def show_widget(widget: Any, preview: Figure) -> None:
    """위젯을 보여 준다. 위젯을 그리지 못하는 곳에서는 ``preview`` 그림이 대신 보인다."""
    from IPython.display import display

    display(widget_bundle(widget, preview), raw=True)
