"""04 노트북 4.1절의 학습(17-100-40-1, Adam 0.001, 배치 32, 20에포크, validation_split=0.2)을
여러 시드로 되풀이해 results/l04_fit_seeds.json에 쓴다.

    python tools/measure_l04_fit_seeds.py        # 2코어 CPU에서 1~2분

데이터는 노트북과 똑같이 ``default_rng(42)``로 만든 가상 데이터(훈련 800개, 테스트 200개)이고,
시드는 ``keras.utils.set_random_seed``로 가중치 초깃값과 fit이 에포크마다 섞는 순서만 바꾼다.

노트북은 시드 하나로 학습하고 학습 곡선에 대해 다음을 말한다. 시드마다 그것이 성립하는지 기록한다.

- 검증 손실이 20에포크 내내 내려간다(에포크마다 앞 에포크보다 낮다). 가장 낮은 검증 손실이 어느 에포크인지.
- 검증 손실과 훈련 손실의 간격이 벌어진다: 넷째 에포크부터 에포크마다 커지는가, 마지막 간격이 가장 큰가.
- 마지막 에포크에서 훈련 정확도가 검증 정확도보다 0.05 넘게 높고, 검증 손실이 훈련 손실의 두 배를 넘는다.
- 검증 정확도가 첫 에포크보다 마지막 에포크에 높다.
- 테스트 정확도가 로지스틱 회귀보다, 그리고 다수 클래스 기준선 + 0.15보다 높다(5절).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # TensorFlow 로그 설정을 먼저 한다
from helpers.results import save_result

NAME = "l04_fit_seeds"
SEEDS = list(range(20))
EPOCHS = 20


def main() -> None:
    tf = helpers.import_tensorflow()
    import keras
    import numpy as np
    from keras import layers
    from sklearn.linear_model import LogisticRegression

    tf.config.experimental.enable_op_determinism()

    # 노트북 2.1절과 같은 데이터
    rng = np.random.default_rng(42)
    x = rng.normal(size=(1000, 17)).astype("float32")
    signal = 1.5 * x[:, 0] - x[:, 1] + x[:, 2] * x[:, 3] + np.abs(x[:, 4]) - 0.8
    y = (signal + rng.normal(scale=0.5, size=1000) > 0).astype("float32")
    x_train, y_train = x[:800], y[:800]
    x_test, y_test = x[800:], y[800:]
    linear_acc = float(LogisticRegression().fit(x_train, y_train).score(x_test, y_test))
    majority_acc = float(np.mean(y_test == int(y_train.mean() >= 0.5)))

    per_seed = {}
    for seed in SEEDS:
        keras.utils.set_random_seed(seed)
        model = keras.Sequential(
            [
                keras.Input(shape=(17,)),
                layers.Dense(100, activation="relu"),
                layers.Dense(40, activation="relu"),
                layers.Dense(1, activation="sigmoid"),
            ]
        )
        model.compile(
            optimizer=keras.optimizers.Adam(learning_rate=0.001),
            loss="binary_crossentropy",
            metrics=["accuracy"],
        )
        h = model.fit(
            x_train, y_train, epochs=EPOCHS, batch_size=32, validation_split=0.2, verbose=0
        ).history
        loss, val_loss = np.array(h["loss"]), np.array(h["val_loss"])
        gap = val_loss - loss
        test_acc = float(model.evaluate(x_test, y_test, verbose=0)[1])
        per_seed[str(seed)] = {
            "val_loss": np.round(val_loss, 4).tolist(),
            "val_loss_down_every_epoch": bool((np.diff(val_loss) < 0).all()),
            "val_loss_lowest_epoch": int(np.argmin(val_loss)) + 1,
            "gap_grows_every_epoch_from_4": bool((np.diff(gap[3:]) > 0).all()),
            "gap_largest_at_last_epoch": bool(np.argmax(gap) == len(gap) - 1),
            "final_accuracy": round(h["accuracy"][-1], 4),
            "final_val_accuracy": round(h["val_accuracy"][-1], 4),
            "final_loss": round(h["loss"][-1], 4),
            "final_val_loss": round(h["val_loss"][-1], 4),
            "val_accuracy_rose": bool(h["val_accuracy"][-1] > h["val_accuracy"][0]),
            "test_accuracy": round(test_acc, 4),
        }
        print(seed, per_seed[str(seed)], flush=True)

    rows = list(per_seed.values())

    def count(test) -> int:
        return sum(bool(test(r)) for r in rows)

    summary = {
        "seeds": len(rows),
        "val_loss_down_every_epoch": count(lambda r: r["val_loss_down_every_epoch"]),
        "val_loss_lowest_at_last_epoch": count(lambda r: r["val_loss_lowest_epoch"] == EPOCHS),
        "val_loss_lowest_epoch_min": min(r["val_loss_lowest_epoch"] for r in rows),
        "gap_grows_every_epoch_from_4": count(lambda r: r["gap_grows_every_epoch_from_4"]),
        "gap_largest_at_last_epoch": count(lambda r: r["gap_largest_at_last_epoch"]),
        "accuracy_gap_over_0.05": count(
            lambda r: r["final_accuracy"] > r["final_val_accuracy"] + 0.05
        ),
        "val_loss_over_twice_loss": count(lambda r: r["final_val_loss"] > 2 * r["final_loss"]),
        "val_accuracy_rose": count(lambda r: r["val_accuracy_rose"]),
        "test_beats_logistic": count(lambda r: r["test_accuracy"] > linear_acc),
        "test_beats_majority_by_0.15": count(lambda r: r["test_accuracy"] > majority_acc + 0.15),
        "test_accuracy_min": min(r["test_accuracy"] for r in rows),
        "test_accuracy_max": max(r["test_accuracy"] for r in rows),
    }
    data = {
        "seeds": SEEDS,
        "epochs": EPOCHS,
        "logistic_regression_test_accuracy": round(linear_acc, 4),
        "majority_test_accuracy": round(majority_acc, 4),
        "summary": summary,
        "per_seed": per_seed,
    }
    path = save_result(
        NAME,
        data,
        script="tools/measure_l04_fit_seeds.py",
        note="04 노트북 4.1절의 학습을 시드 0~19로: 검증 손실과 일반화 격차의 모양",
    )
    print(f"saved {path}")
    print(summary)


if __name__ == "__main__":
    main()
