"""손실/평가 지표 이중 축 그래프."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import plot_history, set_korean_font
from helpers.plots import ACCURACY_KEYS, HistoryKeyError


@pytest.fixture(autouse=True)
def _korean_font() -> None:
    set_korean_font()


def _history(
    metric: str | None, validation: bool = True, epochs: int = 5
) -> dict[str, list[float]]:
    curve = list(np.linspace(1.0, 0.2, epochs))
    rising = list(np.linspace(0.5, 0.9, epochs))
    history = {"loss": curve}
    if validation:
        history["val_loss"] = [v + 0.1 for v in curve]
    if metric:
        history[metric] = rising
        if validation:
            history[f"val_{metric}"] = [v - 0.05 for v in rising]
    return history


@pytest.mark.parametrize("key", [*ACCURACY_KEYS, "mae", "mse", "auc"])
def test_metric_is_found_whatever_keras_called_it(key: str) -> None:
    _fig, loss_ax, metric_ax = plot_history(_history(key))
    assert metric_ax is not None
    assert list(metric_ax.lines[0].get_ydata()) == _history(key)[key]
    assert loss_ax.get_ylabel() == "손실 (loss)"
    legend = metric_ax.get_legend()
    assert legend is not None and len(legend.get_texts()) == 4  # 훈련/검증 × 손실/지표 한 범례
    assert loss_ax.get_xlabel() == "에포크 (epoch)"


def test_accuracy_and_regression_labels_are_korean() -> None:
    assert plot_history(_history("accuracy"))[2].get_ylabel() == "정확도 (accuracy)"
    assert plot_history(_history("mae"))[2].get_ylabel() == "평균 절대 오차 (MAE)"


def test_x_axis_counts_epochs_from_one() -> None:
    _, loss_ax, _ = plot_history(_history("accuracy", epochs=3))
    assert list(loss_ax.lines[0].get_xdata()) == [1, 2, 3]


def test_without_validation_only_training_curves() -> None:
    _, loss_ax, metric_ax = plot_history(_history("accuracy", validation=False))
    assert len(loss_ax.lines) == 1 and metric_ax is not None and len(metric_ax.lines) == 1


def test_loss_only_history_has_no_metric_axis() -> None:
    _fig, loss_ax, metric_ax = plot_history({"loss": [1.0, 0.5]}, title="손실만")
    assert metric_ax is None and loss_ax.get_title() == "손실만"


def test_legend_position_can_be_chosen() -> None:
    _, _, metric_ax = plot_history(_history("accuracy"), legend_loc="lower left")
    assert metric_ax is not None and metric_ax.get_legend()._loc == 3  # 'lower left'


def test_explicit_metric_is_used() -> None:
    history = {**_history("accuracy"), **_history("auc")}
    _, _, metric_ax = plot_history(history, metric="auc")
    assert metric_ax is not None and metric_ax.get_ylabel() == "AUC"


def test_missing_loss_lists_the_keys_found() -> None:
    with pytest.raises(HistoryKeyError) as info:
        plot_history({"acc": [0.5], "val_acc": [0.4]})
    message = str(info.value)
    assert "'loss'" in message and "'acc', 'val_acc'" in message and "Keys found" in message


def test_missing_requested_metric_lists_the_keys_found() -> None:
    with pytest.raises(HistoryKeyError, match=r"'accuracy'.*'loss', 'mae'"):
        plot_history({"loss": [1.0], "mae": [2.0]}, metric="accuracy")


def test_wrong_type_is_explained() -> None:
    with pytest.raises(TypeError, match="History"):
        plot_history([0.1, 0.2])


def test_chart_draws_every_korean_label(recwarn: pytest.WarningsRecorder) -> None:
    import io

    fig, _, _ = plot_history(_history("accuracy"), title="한글 제목")
    fig.savefig(io.BytesIO(), format="png")
    assert not [w for w in recwarn if "Glyph" in str(w.message)]


def test_real_keras_history_object() -> None:
    import keras

    keras.utils.set_random_seed(0)
    x = np.random.rand(32, 3).astype("float32")
    y = (x.sum(axis=1) > 1.5).astype("float32")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=2, validation_split=0.25, verbose=0)
    _fig, loss_ax, metric_ax = plot_history(history)
    assert metric_ax is not None and len(metric_ax.lines) == 2 and len(loss_ax.lines) == 2
