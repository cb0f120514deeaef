"""06 폐암 노트북의 신경망을 여러 시드로 학습해 results/l06_seeds.json에 쓴다.

    python tools/measure_l06_seeds.py        # 2코어 CPU에서 3~4분

노트북과 똑같은 데이터 처리(id 제외, FEV1 > FVC를 결측값으로, random_state=42 층화 분할,
훈련 세트를 다시 학습 부분·검증 세트로 나눈 뒤 학습 부분으로만 맞춘 중앙값 채우기·표준화)와
똑같은 학습(100-40-1, Adam, 배치 32, tf.data로 섞기, EarlyStopping patience 10,
restore_best_weights)을 시드만 바꿔 되풀이한다. 시드는 ``keras.utils.set_random_seed``와
Dataset의 ``shuffle(seed=...)``에 들어간다(데이터를 나누는 random_state=42는 그대로).

시드마다 노트북이 주장하는 값을 모두 기록한다: 테스트 AUC, 임곗값 0.5와 0.1에서의 예측,
학습 곡선의 정확도·AUC, 클래스 가중치 모델의 재현율·정확도, 층화 5-겹 교차 검증 AUC.
노트북은 시드 42 하나로 학습하므로, 어느 시드에서나 성립하는 것과 시드에 따라 갈리는 것을
이 측정으로 가른다.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # TensorFlow 로그 설정을 먼저 한다
from helpers.results import save_result

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lesson06_common as common

NAME = "l06_seeds"
SEEDS = [42, 0, 1, 2, 7, 1000, 2024, 31337]


def main() -> None:
    tf = helpers.import_tensorflow()
    import keras
    import numpy as np
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, recall_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.utils.class_weight import compute_class_weight

    tf.config.experimental.enable_op_determinism()

    X, y = common.load_features()
    X_train, X_test, y_train, y_test = common.split(X, y)

    def train(X_part, y_part, seed=42, class_weight=None, with_metrics=False):
        X_f, X_v, y_f, y_v, prep = common.prepared_parts(X_part, y_part)
        net = common.build_model(X_f.shape[1], seed=seed, with_metrics=with_metrics)
        stop = keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=10, restore_best_weights=True
        )
        history = net.fit(
            common.make_dataset(X_f, y_f, shuffle=True, seed=seed),
            validation_data=common.make_dataset(X_v, y_v),
            epochs=100,
            shuffle=False,
            class_weight=class_weight,
            callbacks=[stop],
            verbose=0,
        )
        return net, prep, history, y_f, y_v

    def predict(net, prep, X_part):
        return net.predict(prep.transform(X_part).astype("float32"), verbose=0).ravel()

    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=42).split(X, y))
    logreg_aucs = []
    for train_idx, test_idx in folds:
        logreg = make_pipeline(
            SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=1000)
        ).fit(X.iloc[train_idx], y[train_idx])
        logreg_aucs.append(roc_auc_score(y[test_idx], logreg.predict_proba(X.iloc[test_idx])[:, 1]))

    rows = []
    start = time.perf_counter()
    for seed in SEEDS:
        net, prep, history, y_fit, y_val = train(X_train, y_train, seed=seed, with_metrics=True)
        proba = predict(net, prep, X_test)
        h = history.history
        val_baseline = 1 - y_val.mean()
        weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=y_fit)
        weighted, w_prep, *_ = train(
            X_train, y_train, seed=seed, class_weight={0: float(weights[0]), 1: float(weights[1])}
        )
        proba_w = predict(weighted, w_prep, X_test)
        quartiles = {
            label: np.quantile(proba[y_test == label], [0.25, 0.75]).tolist() for label in (0, 1)
        }
        cv_aucs = []
        for train_idx, test_idx in folds:
            fold_net, fold_prep, *_ = train(X.iloc[train_idx], y[train_idx], seed=seed)
            cv_aucs.append(
                roc_auc_score(y[test_idx], predict(fold_net, fold_prep, X.iloc[test_idx]))
            )
        row = {
            "seed": seed,
            "epochs": len(h["loss"]),
            "best_epoch": int(np.argmin(h["val_loss"])) + 1,
            "val_accuracy_max": max(h["val_accuracy"]),
            "val_baseline": float(val_baseline),
            "train_auc_last": h["auc"][-1],
            "val_auc_max": max(h["val_auc"]),
            "test_auc": float(roc_auc_score(y_test, proba)),
            "max_proba": float(proba.max()),
            "predicted_deaths_05": int((proba >= 0.5).sum()),
            "accuracy_05": float(accuracy_score(y_test, proba >= 0.5)),
            "recall_05": float(recall_score(y_test, proba >= 0.5)),
            "recall_01": float(recall_score(y_test, proba >= 0.1)),
            "accuracy_01": float(accuracy_score(y_test, proba >= 0.1)),
            "quartiles_survived": quartiles[0],
            "quartiles_died": quartiles[1],
            "weighted_test_auc": float(roc_auc_score(y_test, proba_w)),
            "weighted_recall_05": float(recall_score(y_test, proba_w >= 0.5)),
            "weighted_accuracy_05": float(accuracy_score(y_test, proba_w >= 0.5)),
            "cv_aucs": [float(a) for a in cv_aucs],
            "cv_mean": float(np.mean(cv_aucs)),
            "cv_std": float(np.std(cv_aucs, ddof=1)),
        }
        rows.append(row)
        print(
            f"seed {seed:>5}: test AUC {row['test_auc']:.3f}, 0.5 이상 {row['predicted_deaths_05']}명, "
            f"CV {row['cv_mean']:.3f} ± {row['cv_std']:.3f} ({time.perf_counter() - start:.0f} s)",
            flush=True,
        )

    data = {
        "seeds": SEEDS,
        "test_baseline_accuracy": float(1 - y_test.mean()),
        "logreg_cv_aucs": [float(a) for a in logreg_aucs],
        "logreg_cv_mean": float(np.mean(logreg_aucs)),
        "logreg_cv_std": float(np.std(logreg_aucs, ddof=1)),
        "rows": rows,
    }
    path = save_result(
        NAME,
        data,
        script="tools/measure_l06_seeds.py",
        note="시드마다 신경망 7번(테스트 분할 1번, 클래스 가중치 1번, 교차 검증 5번) 학습",
    )
    print("저장:", path)


if __name__ == "__main__":
    main()
