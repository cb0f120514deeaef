"""03 노트북의 "강의 노트 설정" XOR 학습을 Keras로 직접 재서 results/l03_keras_xor.json에 쓴다.

    python tools/measure_l03_keras_xor.py        # 2코어 CPU에서 3~4분

강의 노트의 설정(Dense(2, sigmoid) → Dense(1, sigmoid), SGD 0.1, MSE, 배치 1, 10,000에포크)은
Keras로 시드 하나에 몇 분이 걸려서 노트북 안에서 돌리지 않는다. 노트북은 같은 계산을 NumPy로 빠르게
한다. 이 스크립트는 그 NumPy 계산이 Keras와 같은 계산인지, 그리고 노트북이 인용하는 숫자를 잰다.

1. 시드 0~9: Keras 모델의 초깃값과 fit이 점을 넣는 순서를 기록하고(즉시 실행으로 처음 3에포크),
   실제 Keras fit을 COMPARE_EPOCHS 에포크 돌린 출력을 같은 초깃값·순서의 NumPy 계산과 비교한다.
   이어서 에포크를 더 돌려 에포크당 시간을 잰다(10,000에포크의 시간 어림).
2. 같은 초깃값·순서로 NumPy 계산을 10,000에포크와 50,000에포크까지 돌려 XOR를 푼 시드를 센다.
3. 노트북과 똑같은 NumPy 계산(NumPy 초깃값, 시드마다 정한 순서)을 시드 묶음 두 개(0~99, 1000~1099)로.
4. 03의 "확실한 설정"(Dense(8, tanh), Adam 0.1, 이진 교차 엔트로피, 전체 배치 50에포크)을 배열로 넘길
   때와 끝없는 tf.data 데이터셋 + steps_per_epoch=1로 넘길 때의 에포크당 시간과 가중치 차이.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # TensorFlow 로그 설정을 먼저 한다
from helpers.results import save_result

NAME = "l03_keras_xor"
KERAS_SEEDS = list(range(10))
COMPARE_EPOCHS = 150
TIMING_EPOCHS = 50
NUMPY_GROUPS = {"0-99": range(100), "1000-1099": range(1000, 1100)}


def main() -> None:
    tf = helpers.import_tensorflow()
    import keras
    import numpy as np
    from keras import layers

    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y_xor = X[:, 0] ^ X[:, 1]
    Xf = X.astype("float64")
    X32 = X.astype("float32")
    y32 = y_xor.reshape(-1, 1).astype("float32")

    def sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    def solved(out):  # 노트북과 같은 기준: 네 출력이 모두 정답에서 0.25 안
        return (np.abs(out - y_xor) < 0.25).all(axis=-1)

    def build_notes_model():
        model = keras.Sequential(
            [
                keras.Input(shape=(2,)),
                layers.Dense(2, activation="sigmoid"),
                layers.Dense(1, activation="sigmoid"),
            ]
        )
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
        return model

    # 노트북의 train_like_notes와 같은 계산 (시드 축 S를 맨 앞에 쌓는다)
    def train_like_notes(nets, orders, epochs, lr=0.1):
        W1, b1, W2, b2 = (a.copy() for a in nets)
        for _ in range(epochs):
            for i in orders.T:
                x, t = Xf[i], y_xor[i]
                h = sigmoid((x[:, None, :] @ W1)[:, 0] + b1)
                p = sigmoid((h * W2).sum(axis=1) + b2)
                delta2 = 2 * (p - t) * p * (1 - p)
                delta1 = delta2[:, None] * W2 * h * (1 - h)
                W2 -= lr * delta2[:, None] * h
                b2 -= lr * delta2
                W1 -= lr * x[:, :, None] * delta1[:, None, :]
                b1 -= lr * delta1
        out = sigmoid(
            (sigmoid(Xf @ W1 + b1[:, None, :]) * W2[:, None, :]).sum(axis=2) + b2[:, None]
        )
        return (W1, b1, W2, b2), out

    def numpy_start(seeds):  # 노트북의 notes_start와 같다
        limit1, limit2 = np.sqrt(6 / 4), np.sqrt(6 / 3)
        W1, W2, orders = [], [], []
        for seed in seeds:
            rng = np.random.default_rng(seed)
            W1.append(rng.uniform(-limit1, limit1, size=(2, 2)))
            W2.append(rng.uniform(-limit2, limit2, size=2))
            orders.append(rng.permutation(4))
        n = len(W1)
        return (np.array(W1), np.zeros((n, 2)), np.array(W2), np.zeros(n)), np.array(orders)

    # 1. Keras: 초깃값, 점을 넣는 순서, COMPARE_EPOCHS 뒤의 출력, 에포크당 시간
    initial, orders, same_every_epoch, keras_out, ms_per_epoch = [], [], [], [], []
    for seed in KERAS_SEEDS:
        keras.utils.set_random_seed(seed)
        model = build_notes_model()
        W1, b1, W2, b2 = model.get_weights()
        initial.append((W1, b1, W2[:, 0], b2[0]))
        seen = []
        original_step = model.train_step

        def recording_step(data, original_step=original_step, seen=seen):
            x = data[0].numpy()[0]
            seen.append(int(2 * x[0] + x[1]))  # (0,0)→0, (0,1)→1, (1,0)→2, (1,1)→3
            return original_step(data)

        model.train_step = recording_step
        model.run_eagerly = True
        model.fit(X32, y32, epochs=3, batch_size=1, verbose=0)
        epochs_seen = [seen[i : i + 4] for i in range(0, 12, 4)]
        orders.append(epochs_seen[0])
        same_every_epoch.append(all(e == epochs_seen[0] for e in epochs_seen))

        keras.utils.set_random_seed(seed)
        model = build_notes_model()
        model.fit(X32, y32, epochs=COMPARE_EPOCHS, batch_size=1, verbose=0)
        keras_out.append(model(X32).numpy().ravel())
        start = time.perf_counter()
        model.fit(X32, y32, epochs=TIMING_EPOCHS, batch_size=1, verbose=0)
        ms_per_epoch.append((time.perf_counter() - start) / TIMING_EPOCHS * 1000)
        print(f"seed {seed}: order {orders[-1]}, {ms_per_epoch[-1]:.1f} ms/epoch", flush=True)

    nets = [np.stack([w[k] for w in initial]).astype("float64") for k in range(4)]
    orders_arr = np.array(orders)
    _, numpy_out = train_like_notes(nets, orders_arr, COMPARE_EPOCHS)
    diff = np.abs(numpy_out - np.array(keras_out))

    # 2. 같은 초깃값·순서로 10,000에포크, 이어서 50,000에포크까지
    state, out_10k = train_like_notes(nets, orders_arr, 10_000)
    _, out_50k = train_like_notes(state, orders_arr, 40_000)

    # 3. 노트북과 같은 NumPy 계산을 시드 묶음 두 개로
    groups = {}
    for label, seeds in NUMPY_GROUPS.items():
        start_nets, start_orders = numpy_start(seeds)
        _, out = train_like_notes(start_nets, start_orders, 10_000)
        groups[label] = {"seeds": len(seeds), "solved": int(solved(out).sum())}
        print(label, groups[label], flush=True)

    # 4. 확실한 설정: 배열 vs 끝없는 tf.data 데이터셋
    def build_reliable_model():
        model = keras.Sequential(
            [
                keras.Input(shape=(2,)),
                layers.Dense(8, activation="tanh"),
                layers.Dense(1, activation="sigmoid"),
            ]
        )
        model.compile(
            optimizer=keras.optimizers.Adam(learning_rate=0.1),
            loss="binary_crossentropy",
            metrics=["accuracy"],
        )
        return model

    xor_ds = tf.data.Dataset.from_tensors((X32, y32)).repeat()
    routes = {
        "array": lambda m, e: m.fit(X32, y32, batch_size=4, epochs=e, shuffle=False, verbose=0),
        "dataset": lambda m, e: m.fit(
            xor_ds, epochs=e, steps_per_epoch=1, shuffle=False, verbose=0
        ),
    }
    weights, route_ms = {}, {}
    for label, fit in routes.items():
        keras.utils.set_random_seed(42)
        model = build_reliable_model()
        fit(model, 50)
        weights[label] = model.get_weights()
        times = []
        for _ in range(3):  # 그래프를 만든 뒤의 50에포크를 세 번 재서 가운데 값
            start = time.perf_counter()
            fit(model, 50)
            times.append((time.perf_counter() - start) / 50 * 1000)
        route_ms[label] = float(np.median(times))
    weight_diff = max(
        float(np.abs(a - b).max())
        for a, b in zip(weights["array"], weights["dataset"], strict=True)
    )

    data = {
        "keras_seeds": KERAS_SEEDS,
        "keras_orders": [list(map(int, o)) for o in orders],
        "orders_same_every_epoch": bool(all(same_every_epoch)),
        "compare_epochs": COMPARE_EPOCHS,
        "max_diff_keras_numpy": float(diff.max()),
        "keras_ms_per_epoch_median": float(np.median(ms_per_epoch)),
        "keras_seconds_10000_epochs_estimate": float(np.median(ms_per_epoch) * 10),
        "numpy_same_start_10000": {
            "outputs": np.round(out_10k, 3).tolist(),
            "solved": int(solved(out_10k).sum()),
        },
        "numpy_same_start_50000_solved": int(solved(out_50k).sum()),
        "failed_at_10000_still_failed_at_50000": bool(
            not (solved(out_50k) & ~solved(out_10k)).any()
        ),
        "numpy_groups": groups,
        "reliable_ms_per_epoch": route_ms,
        "reliable_max_weight_diff": weight_diff,
    }
    path = save_result(
        NAME,
        data,
        script="tools/measure_l03_keras_xor.py",
        note="강의 노트 설정의 Keras XOR 학습과 그 NumPy 재현, tf.data와 배열의 에포크당 시간",
    )
    print(f"saved {path}")
    print(data)


if __name__ == "__main__":
    main()
