"""06 폐암 노트북을 재현하는 측정 스크립트들(measure_l06_*.py)이 함께 쓰는 데이터 처리와 모델.

노트북과 똑같이 한다: id 제외, FEV1 > FVC를 결측값으로, random_state=42 층화 분할,
훈련 세트를 다시 학습 부분·검증 세트로 나눈 뒤 학습 부분으로만 맞춘 중앙값 채우기·표준화,
100-40-1 신경망(Adam, 이진 교차 엔트로피), 32명씩 미니배치로 묶는 tf.data.
TensorFlow는 함수 안에서 불러온다(helpers가 먼저 조용히 불러 둔다).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

import helpers


def load_features() -> tuple[pd.DataFrame, np.ndarray]:
    """입력 X(id·레이블 제외, 믿기 어려운 FEV1은 결측값)와 레이블 y."""
    df = helpers.load_thoracic_surgery()
    X = df.drop(columns=["id", "Risk1Yr"]).copy()
    y = df["Risk1Yr"].to_numpy()
    X.loc[X["PRE5"] > X["PRE4"], "PRE5"] = np.nan
    return X, y


def split(X: Any, y: np.ndarray) -> tuple[Any, Any, np.ndarray, np.ndarray]:
    """노트북의 층화 8:2 분할(random_state=42): (앞, 뒤, y 앞, y 뒤)."""
    from sklearn.model_selection import train_test_split

    return train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)


def prepared_parts(
    X_part: Any, y_part: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, Any]:
    """학습 부분·검증 세트로 나누고 학습 부분으로만 맞춘 전처리를 적용한다: (X_f, X_v, y_f, y_v, prep)."""
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X_f, X_v, y_f, y_v = split(X_part, y_part)
    prep = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    X_f = prep.fit_transform(X_f).astype("float32")
    X_v = prep.transform(X_v).astype("float32")
    return X_f, X_v, y_f, y_v, prep


def make_dataset(
    X_part: np.ndarray, y_part: np.ndarray, shuffle: bool = False, seed: int = 42
) -> Any:
    """노트북의 make_dataset: from_tensor_slices → (shuffle) → batch(32)."""
    tf = helpers.import_tensorflow()
    dataset = tf.data.Dataset.from_tensor_slices((X_part, y_part.astype("float32")))
    if shuffle:
        dataset = dataset.shuffle(len(y_part), seed=seed)
    return dataset.batch(32)


def build_model(n_inputs: int, seed: int = 42, with_metrics: bool = False) -> Any:
    """노트북의 build_model: 시드를 정하고 100-40-1 신경망을 만들어 compile 한다."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    model = keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            layers.Dense(100, activation="relu"),
            layers.Dense(40, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    metrics = ["accuracy", keras.metrics.AUC(name="auc")] if with_metrics else None
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=metrics)
    return model
