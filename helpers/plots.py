"""학습 기록(History)을 손실/평가 지표 이중 축 그래프로 그린다."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

# 자동으로 찾을 평가 지표 이름(앞에 있을수록 먼저). Keras 2의 'acc'도 받아들인다.
ACCURACY_KEYS: tuple[str, ...] = (
    "accuracy",
    "acc",
    "binary_accuracy",
    "categorical_accuracy",
    "sparse_categorical_accuracy",
)
REGRESSION_KEYS: tuple[str, ...] = (
    "mae",
    "mean_absolute_error",
    "root_mean_squared_error",
    "rmse",
    "mse",
    "mean_squared_error",
)

METRIC_LABELS: dict[str, str] = {
    **{key: "정확도 (accuracy)" for key in ACCURACY_KEYS},
    "mae": "평균 절대 오차 (MAE)",
    "mean_absolute_error": "평균 절대 오차 (MAE)",
    "root_mean_squared_error": "평균 제곱근 오차 (RMSE)",
    "rmse": "평균 제곱근 오차 (RMSE)",
    "mse": "평균 제곱 오차 (MSE)",
    "mean_squared_error": "평균 제곱 오차 (MSE)",
    "auc": "AUC",
}


class HistoryKeyError(ValueError):
    """학습 기록에 그릴 수 있는 값이 없을 때의 오류. 메시지에 실제로 있던 키를 적는다."""


def _as_dict(history: Any) -> dict[str, list[float]]:
    raw = getattr(history, "history", history)
    if not isinstance(raw, Mapping):
        raise TypeError(
            "history에는 model.fit()이 돌려준 History 객체나 그 .history 사전을 넣으세요. "
            f"받은 것: {type(history).__name__}. "
            "Pass the History returned by model.fit() or its .history dict."
        )
    return {str(key): list(values) for key, values in raw.items()}


def _missing(what: str, keys: Sequence[str], advice: str) -> HistoryKeyError:
    found = ", ".join(repr(k) for k in keys) if keys else "(없음 / none)"
    return HistoryKeyError(
        f"학습 기록에 없는 항목: {what}. 있는 키: {found}. {advice}\n"
        f"The history has no {what}. Keys found: {found}."
    )


def find_metric(history: Mapping[str, Sequence[float]]) -> str | None:
    """학습 기록에서 그릴 평가 지표 이름을 찾는다(정확도 계열 → 회귀 지표 → AUC 순). 없으면 ``None``."""
    for key in (*ACCURACY_KEYS, *REGRESSION_KEYS):
        if key in history:
            return key
    for key in history:
        if key.startswith("auc"):
            return key
    return None


def plot_history(
    history: Any,
    metric: str | None = None,
    *,
    title: str = "학습 곡선",
    ax: Axes | None = None,
    legend_loc: str = "center right",
) -> tuple[Figure, Axes, Axes | None]:
    """손실은 왼쪽 축, 평가 지표는 오른쪽 축에 훈련/검증 곡선을 함께 그린다.

    Parameters
    ----------
    history:
        ``model.fit()``이 돌려준 ``History`` 또는 그 ``.history`` 사전.
    metric:
        오른쪽 축에 그릴 지표 이름. ``None``이면 자동으로 찾는다
        ('accuracy', 'acc', 'binary_accuracy', …, 'mae', 'auc' 등). 지표가 없으면 손실만 그린다.
    title:
        그래프 제목.
    ax:
        그릴 축. ``None``이면 새 그림을 만든다.
    legend_loc:
        범례 위치(matplotlib의 ``loc``). 기준선 등을 더 그려 범례가 곡선을 가리면 바꾼다.

    Returns
    -------
    ``(fig, loss_ax, metric_ax)``. 지표가 없으면 ``metric_ax``는 ``None``.

    Raises
    ------
    HistoryKeyError
        'loss'가 없거나, 요청한 ``metric``이 없을 때. 메시지에 실제 키 목록이 들어 있다.
    """
    data = _as_dict(history)
    keys = list(data)
    if not data.get("loss"):
        raise _missing("'loss'", keys, "model.fit()의 반환값(History)을 넘겼는지 확인하세요.")
    if metric is None:
        metric = find_metric(data)
    elif metric not in data:
        raise _missing(
            repr(metric), keys, "compile(metrics=[...])에 넣은 이름과 같은지 확인하세요."
        )

    if ax is None:
        fig, loss_ax = plt.subplots(figsize=(8, 4.5))
    else:
        loss_ax = ax
        fig = ax.figure  # type: ignore[assignment]
    epochs = range(1, len(data["loss"]) + 1)

    loss_ax.plot(epochs, data["loss"], color="tab:blue", label="훈련 손실")
    if "val_loss" in data:
        loss_ax.plot(epochs, data["val_loss"], color="tab:blue", ls="--", label="검증 손실")
    loss_ax.set_xlabel("에포크 (epoch)")
    loss_ax.set_ylabel("손실 (loss)", color="tab:blue")
    loss_ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    loss_ax.set_title(title)

    metric_ax: Axes | None = None
    if metric is not None:
        metric_ax = loss_ax.twinx()
        label = METRIC_LABELS.get(metric, metric)
        short = label.split(" (")[0]
        metric_ax.plot(epochs, data[metric], color="tab:orange", label=f"훈련 {short}")
        if f"val_{metric}" in data:
            metric_ax.plot(
                epochs, data[f"val_{metric}"], color="tab:orange", ls="--", label=f"검증 {short}"
            )
        metric_ax.set_ylabel(label, color="tab:orange")
        metric_ax.grid(False)

    handles, labels = loss_ax.get_legend_handles_labels()
    if metric_ax is not None:
        more_handles, more_labels = metric_ax.get_legend_handles_labels()
        handles, labels = handles + more_handles, labels + more_labels
    (metric_ax or loss_ax).legend(handles, labels, loc=legend_loc)
    fig.tight_layout()
    return fig, loss_ax, metric_ax
