"""위젯 출력: 위젯을 그리지 못하는 곳(커널 없이 연 노트북, 웹 미리보기)에서도 그림이 보이는지."""

from __future__ import annotations

import base64

import ipywidgets
import matplotlib.pyplot as plt
import pytest

from helpers import widgets


def test_bundle_keeps_the_widget_and_adds_a_picture() -> None:
    slider = ipywidgets.FloatSlider(value=2.5, description="가중치 w")
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    bundle = widgets.widget_bundle(slider, fig)
    assert bundle[widgets.WIDGET_MIME]["model_id"] == slider.model_id
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG\r\n\x1a\n")
    assert "셀을 실행하면" in bundle["text/plain"] and "FloatSlider" not in bundle["text/plain"]
    assert not plt.fignum_exists(fig.number)  # 미리보기 그림은 따로 그려지지 않는다


def test_something_that_is_not_a_widget_is_a_clear_error() -> None:
    fig, _ = plt.subplots()
    with pytest.raises(TypeError, match="위젯이 아닙니다"):
        widgets.widget_bundle("not a widget", fig)
