"""노트북 한 줄 준비."""

from __future__ import annotations

import random

import matplotlib as mpl
import numpy as np
import pytest

import helpers


def test_setup_fixes_seeds_font_and_style(capsys: pytest.CaptureFixture[str]) -> None:
    helpers.setup_notebook(seed=7)
    first = (random.random(), np.random.rand())
    import keras

    tensor_first = keras.random.uniform((3,)).numpy()
    helpers.setup_notebook(seed=7, verbose=False)
    assert (random.random(), np.random.rand()) == first
    assert np.array_equal(keras.random.uniform((3,)).numpy(), tensor_first)

    out = capsys.readouterr().out
    assert "준비 완료" in out and "시드: 7" in out and "장치: CPU" in out
    assert mpl.rcParams["font.sans-serif"][0] == helpers.korean_font_name()
    assert mpl.rcParams["axes.grid"] is True
