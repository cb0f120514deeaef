"""문제 해결 안내(book/troubleshooting.yml)는 고정한 버전이 실제로 내는 오류 문장을 그대로 인용한다.

항목마다 오류를 실제로 일으켜(verified: run) 안내의 문장이 메시지 안에 있는지 본다. 이 컴퓨터에서 일으킬 수 없는
것(GPU가 필요한 오류)은 설치된 패키지의 소스에서 같은 문장을 찾는다(verified: source).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = yaml.safe_load((ROOT / "book" / "troubleshooting.yml").read_text(encoding="utf-8"))


def _python_312_or_later() -> str | None:
    """distutils가 빠진 Python(3.12 이상)을 찾는다: PATH의 python3.12/3.13, 또는 pyenv가 설치한 것."""
    import glob
    import shutil

    for name in ("python3.13", "python3.12"):
        found = shutil.which(name)
        if found and subprocess.run([found, "-c", ""], capture_output=True).returncode == 0:
            return found
    candidates = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[2-9]*/bin/python3.1[2-9]")))
    return candidates[-1] if candidates else None


def _message(action: Callable[[], object]) -> str:
    """action이 낸 예외를 파이썬이 보여 주는 꼴("이름: 메시지")로."""
    try:
        action()
    except BaseException as err:
        return f"{type(err).__name__}: {err}"
    raise AssertionError("오류가 나지 않았습니다")


def _keras():
    import helpers

    helpers.tfenv.import_tensorflow()
    import keras

    return keras


def _model17():
    keras = _keras()
    model = keras.Sequential([keras.Input(shape=(17,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def _tf():
    import helpers

    return helpers.tfenv.import_tensorflow()


def trigger_predict_classes() -> str:
    return _message(lambda: _model17().predict_classes(np.zeros((1, 17))))


def trigger_np_utils() -> str:
    _keras()
    return _message(lambda: exec("from keras.utils import np_utils"))


def trigger_placeholder() -> str:
    tf = _tf()
    return _message(lambda: tf.placeholder)


def trigger_session() -> str:
    tf = _tf()
    return _message(lambda: tf.Session)


def trigger_set_random_seed() -> str:
    tf = _tf()
    return _message(lambda: tf.set_random_seed)


def trigger_acc_key() -> str:
    model = _model17()
    history = model.fit(np.zeros((4, 17)), np.zeros(4), epochs=1, verbose=0)
    return _message(lambda: history.history["acc"])


def trigger_dtype_mismatch() -> str:
    tf = _tf()
    return _message(lambda: tf.constant(2.0) + tf.constant(40))


def trigger_input_shape() -> str:
    model = _model17()
    return _message(lambda: model.predict(np.zeros((3, 16)), verbose=0))


def trigger_one_unit_softmax() -> str:
    keras = _keras()
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1, activation="softmax")])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model(np.zeros((1, 2), dtype="float32"))
    return "\n".join(str(w.message) for w in caught)


def trigger_glyph_missing() -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title("한")
        fig.canvas.draw()
        plt.close(fig)
    return "\n".join(str(w.message) for w in caught)


def trigger_font_weight() -> str:
    """fonts-nanum처럼 400과 600만 있는 나눔고딕을 직접 고르고 굵은 글씨를 그린다(파일은 함께 배포되는 것)."""
    import dataclasses
    import logging

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    from helpers import fonts

    regular, bold = (
        font_manager.ttfFontProperty(font_manager.get_font(str(p)))
        for p in fonts._bundled_font_files()
        if p.name in ("NanumGothic.ttf", "NanumGothicBold.ttf")
    )
    two_weights = [dataclasses.replace(e, name="NanumGothic") for e in (regular, bold)]
    manager = font_manager.fontManager
    saved = manager.ttflist
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("matplotlib.font_manager")
    logger.addHandler(handler)
    try:
        manager.ttflist = [e for e in saved if e.name.startswith("DejaVu")] + two_weights
        manager._findfont_cached.cache_clear()
        with matplotlib.rc_context({"font.family": ["NanumGothic"]}):
            fig, ax = plt.subplots()
            ax.set_title("굵은 제목", weight="bold")
            fig.canvas.draw()
            plt.close(fig)
    finally:
        logger.removeHandler(handler)
        manager.ttflist = saved
        manager._findfont_cached.cache_clear()
    return "\n".join(records)


def trigger_distutils() -> str:
    python = _python_312_or_later()
    if python is None:
        pytest.skip("Python 3.12 이상이 없어 distutils 오류를 일으킬 수 없습니다")
    result = subprocess.run([python, "-c", "import distutils"], capture_output=True, text=True)
    return result.stderr


def trigger_cp949(tmp_path: Path) -> str:
    path = tmp_path / "korean.csv"
    path.write_text("이름,칼로리\n시리얼,110\n", encoding="utf-8")
    return _message(lambda: path.read_text(encoding="cp949"))


def trigger_no_helpers(tmp_path: Path) -> str:
    """강의용 가상환경이 아닌 파이썬(가상환경을 만든 원래 파이썬)에서 helpers를 불러 본다."""
    base = getattr(sys, "_base_executable", sys.executable)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([base, "-I", "-c", "import helpers"], capture_output=True, text=True, cwd=tmp_path, env=env)
    return result.stderr


def trigger_no_tensorflow_wheel(tmp_path: Path) -> str:
    """TensorFlow 2.21.0에는 Python 3.14용 설치 파일이 없다: pip가 내는 문장을 그대로 본다(패키지 저장소가 필요)."""
    requirement = next(
        line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines() if line.startswith("tensorflow==")
    )
    command = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--ignore-installed",
        "--only-binary=:all:", "--python-version", "3.14", "--target", str(tmp_path / "t"), requirement,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    if "No matching distribution" not in result.stderr and os.environ.get("CI") != "true":
        pytest.skip(f"패키지 저장소에 닿지 않습니다: {result.stderr.strip()[-200:]}")
    return result.stderr


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\x1b\[[0-9;]*m", "", text))


def test_every_entry_is_complete_and_checked() -> None:
    ids = [entry["id"] for entry in ENTRIES]
    assert len(ids) == len(set(ids)) and len(ids) >= 12
    for entry in ENTRIES:
        assert {"id", "title", "error", "where", "cause", "fix", "verified"} <= set(entry), entry["id"]
        assert entry["verified"] in {"run", "source"}, entry["id"]
        if entry["verified"] == "run":
            assert f"trigger_{entry['id']}" in globals(), f"{entry['id']}: 오류를 일으키는 함수가 없습니다"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["verified"] == "run"], ids=lambda e: e["id"])
def test_guide_quotes_the_message_the_pinned_versions_print(entry: dict, tmp_path: Path) -> None:
    trigger = globals()[f"trigger_{entry['id']}"]
    message = trigger(tmp_path) if "tmp_path" in trigger.__code__.co_varnames else trigger()
    assert _normalise(entry["error"]) in _normalise(message), (
        f"{entry['id']}: 안내의 문장이 실제 메시지에 없습니다.\n안내: {entry['error']}\n실제: {message[:600]}"
    )


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["verified"] == "source"], ids=lambda e: e["id"])
def test_guide_quotes_text_found_in_the_installed_source(entry: dict) -> None:
    """GPU가 있어야 나는 오류: 설치된 TensorFlow 소스에 예외 이름과 문장이 그대로 있다."""
    import importlib.util

    exception, _, text = entry["error"].partition(": ")
    origin = importlib.util.find_spec("tensorflow").origin
    context = Path(origin).parent / "python" / "eager" / "context.py"
    source = context.read_text(encoding="utf-8")
    assert re.search(rf"raise {exception}\(\s*\"{re.escape(text)}\"", source), entry["id"]
