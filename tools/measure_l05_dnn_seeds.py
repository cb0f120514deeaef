"""05 노트북의 DNN 4-3-1을 여러 시드로 학습해 results/l05_dnn_seeds.json에 쓴다.

    python tools/measure_l05_dnn_seeds.py        # 2코어 CPU에서 2~5분

노트북과 똑같은 데이터 처리(결측 행 제거, random_state=42 분할, 훈련 세트로 맞춘 표준화)와
똑같은 학습(Adam 0.05, 배치 8, 최대 300에포크, EarlyStopping patience 20, restore_best_weights)을
시드만 바꿔 되풀이한다. 시드마다 훈련·검증·테스트 MAE, 학습한 에포크, 테스트 부트스트랩 구간
(DNN - 선형 회귀, 노트북과 같은 rng 0, 5,000번)을 기록한다.

노트북은 시드 하나(42)의 결과만 학습해서 보여 주므로, "어느 시드에서나 성립하는 것"과
"시드에 따라 갈리는 것"을 이 측정으로 가른다. 시드 묶음 두 개(0~19, 1000~1019)를 따로 재서
결론이 시드 묶음에 기대지 않는지도 본다.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # TensorFlow 로그 설정을 먼저 한다
from helpers.results import save_result

NAME = "l05_dnn_seeds"
SEED_GROUPS = {"42": [42], "0-19": list(range(20)), "1000-1019": list(range(1000, 1020))}
FEATURES = ["sugars", "fiber", "protein"]


def main() -> None:
    tf = helpers.import_tensorflow()
    import keras
    import numpy as np
    from keras import layers
    from sklearn.linear_model import LinearRegression
    from sklearn.metrics import mean_absolute_error
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    tf.config.experimental.enable_op_determinism()

    cereals = helpers.load_cereals()
    numeric = cereals.select_dtypes("number")
    cleaned = cereals.copy()
    cleaned[numeric.columns] = numeric.replace(-1, np.nan)
    data = cleaned.dropna(subset=[*FEATURES, "calories"]).reset_index(drop=True)
    train_val, test = train_test_split(data, test_size=0.2, random_state=42)
    train, val = train_test_split(train_val, test_size=0.2, random_state=42)

    scaler = StandardScaler().fit(train[FEATURES])
    x_train, x_val, x_test = (
        scaler.transform(part[FEATURES]).astype("float32") for part in (train, val, test)
    )
    y_train, y_val, y_test = (part["calories"].to_numpy("float32") for part in (train, val, test))

    linreg = LinearRegression().fit(x_train, y_train)
    linear = {
        name: float(mean_absolute_error(y, linreg.predict(x)))
        for name, x, y in (
            ("train", x_train, y_train),
            ("val", x_val, y_val),
            ("test", x_test, y_test),
        )
    }
    baseline = {
        name: float(mean_absolute_error(y, np.full(len(y), y_train.mean())))
        for name, y in (("train", y_train), ("val", y_val), ("test", y_test))
    }
    err_lin = np.abs(y_test - linreg.predict(x_test))
    atwater = 4 * (test["protein"] + test["carbo"] + test["sugars"]) + 9 * test["fat"]
    atwater_err = np.abs(atwater.to_numpy() - y_test)
    picks = np.random.default_rng(0).integers(0, len(y_test), size=(5000, len(y_test)))
    val_batches = tf.data.Dataset.from_tensors((x_val, y_val))

    def build_dnn():
        return keras.Sequential(
            [
                keras.Input(shape=(3,)),
                layers.Dense(4, activation="relu"),
                layers.Dense(3, activation="relu"),
                layers.Dense(1, bias_initializer=keras.initializers.Constant(y_train.mean())),
            ]
        )

    def train_dnn(seed):
        keras.utils.set_random_seed(seed)
        net = build_dnn()
        net.compile(
            optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="mse", metrics=["mae"]
        )
        batches = (
            tf.data.Dataset.from_tensor_slices((x_train, y_train))
            .shuffle(len(x_train), seed=seed)
            .batch(8)
        )
        stop = keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=20, restore_best_weights=True
        )
        hist = net.fit(
            batches,
            validation_data=val_batches,
            epochs=300,
            shuffle=False,
            callbacks=[stop],
            verbose=0,
        )
        return net, hist, stop

    rows = {}
    start = time.time()
    for group, seeds in SEED_GROUPS.items():
        for seed in seeds:
            net, hist, stop = train_dnn(seed)
            mae = {
                name: float(mean_absolute_error(y, net.predict(x, verbose=0).ravel()))
                for name, x, y in (
                    ("train", x_train, y_train),
                    ("val", x_val, y_val),
                    ("test", x_test, y_test),
                )
            }
            pred_test = net.predict(x_test, verbose=0).ravel()
            err_dnn = np.abs(y_test - pred_test)
            worst_five = np.argsort(-err_dnn)[:5]
            # 은닉층마다 76종 가운데 한 번이라도 0보다 큰 값을 낸 ReLU 뉴런 수(0이면 그 층 전체가 죽었다)
            hidden = np.vstack([x_train, x_val, x_test])
            alive = []
            for layer in net.layers[:2]:
                kernel, bias = layer.get_weights()
                hidden = np.maximum(hidden @ kernel + bias, 0)
                alive.append(int((hidden > 0).any(axis=0).sum()))
            diffs = err_dnn[picks].mean(axis=1) - err_lin[picks].mean(axis=1)
            low, high = np.percentile(diffs, [2.5, 97.5])
            rows[str(seed)] = {
                "group": group,
                "epochs": len(hist.history["loss"]),
                "best_epoch": stop.best_epoch + 1,
                "stopped_early": bool(stop.stopped_epoch > 0),
                "train_mae": round(mae["train"], 4),
                "val_mae": round(mae["val"], 4),
                "test_mae": round(mae["test"], 4),
                "bootstrap_low": round(float(low), 4),
                "bootstrap_high": round(float(high), 4),
                "test_prediction_std": round(float(pred_test.std()), 4),
                "alive_relu_units": alive,
                "worst_five_atwater_within_5": int((atwater_err[worst_five] <= 5).sum()),
            }
            print(seed, rows[str(seed)], flush=True)
    seconds = time.time() - start

    test_maes = np.array([row["test_mae"] for row in rows.values()])
    summary = {
        "seeds": len(rows),
        "test_mae_min": round(float(test_maes.min()), 4),
        "test_mae_median": round(float(np.median(test_maes)), 4),
        "test_mae_max": round(float(test_maes.max()), 4),
        "worse_than_linear_on_test": int((test_maes > linear["test"]).sum()),
        "better_than_baseline_on_test": int((test_maes < baseline["test"]).sum()),
        "stopped_early": int(sum(row["stopped_early"] for row in rows.values())),
        "lower_than_linear_on_all_three": int(
            sum(
                row["train_mae"] < linear["train"]
                and row["val_mae"] < linear["val"]
                and row["test_mae"] < linear["test"]
                for row in rows.values()
            )
        ),
        "constant_output": int(sum(row["test_prediction_std"] < 0.01 for row in rows.values())),
        "worst_five_atwater_within_5_min": int(
            min(row["worst_five_atwater_within_5"] for row in rows.values())
        ),
        "bootstrap_interval_contains_0": int(
            sum(row["bootstrap_low"] < 0 < row["bootstrap_high"] for row in rows.values())
        ),
        "seconds": round(seconds, 1),
    }
    save_result(
        NAME,
        {
            "linear_regression_mae": {k: round(v, 4) for k, v in linear.items()},
            "mean_baseline_mae": {k: round(v, 4) for k, v in baseline.items()},
            "per_seed": rows,
            "summary": summary,
        },
        script="tools/measure_l05_dnn_seeds.py",
        note="05 노트북의 train_dnn과 같은 설정, 시드만 바꿈. MAE 단위 kcal.",
    )
    print(summary)


if __name__ == "__main__":
    main()
