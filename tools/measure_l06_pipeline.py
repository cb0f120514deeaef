"""06 폐암 노트북이 fit에 NumPy 배열 대신 tf.data.Dataset을 넘기는 까닭을 재서 results/l06_pipeline.json에 쓴다.

    python tools/measure_l06_pipeline.py        # 2코어 CPU에서 1분 안팎

노트북과 같은 데이터(학습 부분 300명, 검증 세트 76명, 특성 16개, 배치 32)와 같은 모델로 세 가지를 잰다.

1. ``fit`` 한 번(5에포크, 검증 세트도 배열)에서 Keras가 배열로 tf.data 파이프라인을 몇 번 만드는가
   (``ArrayDataAdapter.get_tf_dataset`` 호출 수). 에포크마다 다시 만든다면 10번이어야 한다.
2. 에포크마다 하는 일, 곧 그 파이프라인에서 새 반복자(iterator)를 여는 데 걸리는 시간과
   반복자를 열어 한 에포크의 배치를 모두 꺼내는 데 걸리는 시간(모델 계산 없이)
   (Keras가 배열로 만든 파이프라인 대 노트북의 ``from_tensor_slices → shuffle → batch``).
3. 실제 ``fit``의 에포크당 시간(첫 에포크 제외한 중앙값): 배열을 넘길 때와 Dataset을 넘길 때.

1과 2는 Keras 내부(keras.src)의 클래스를 직접 부른다. 노트북에서는 쓰지 않는다.
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

NAME = "l06_pipeline"
EPOCHS = 20
REPEATS = 3


def main() -> None:
    tf = helpers.import_tensorflow()
    import keras
    import numpy as np
    from keras.src.trainers.data_adapters import array_data_adapter

    tf.config.experimental.enable_op_determinism()

    X, y = common.load_features()
    X_train, _, y_train, _ = common.split(X, y)
    X_fit, X_val, y_fit, y_val, _ = common.prepared_parts(X_train, y_train)
    y_fit, y_val = y_fit.astype("float32"), y_val.astype("float32")
    make_dataset = common.make_dataset

    def build_model():
        return common.build_model(X_fit.shape[1])

    # 1. 파이프라인을 몇 번 만드는가
    adapter_class = array_data_adapter.ArrayDataAdapter
    original = adapter_class.get_tf_dataset
    calls = []

    def counting(self):
        calls.append(self._num_samples)
        return original(self)

    adapter_class.get_tf_dataset = counting
    try:
        build_model().fit(
            X_fit, y_fit, batch_size=32, validation_data=(X_val, y_val), epochs=5, verbose=0
        )
    finally:
        adapter_class.get_tf_dataset = original
    builds = {"epochs": 5, "get_tf_dataset_calls": len(calls), "samples_per_call": calls}

    # 2. 새 반복자를 여는 시간
    strategy = tf.distribute.get_strategy()
    pipelines = {
        "keras_arrays_train": adapter_class(X_fit, y_fit, batch_size=32, shuffle=True),
        "keras_arrays_val": adapter_class(X_val, y_val, batch_size=32, shuffle=False),
    }
    pipelines = {name: adapter.get_tf_dataset() for name, adapter in pipelines.items()}
    pipelines["dataset_train"] = make_dataset(X_fit, y_fit, shuffle=True)
    pipelines["dataset_val"] = make_dataset(X_val, y_val)
    open_ms, pass_ms = {}, {}
    for name, dataset in pipelines.items():
        distributed = strategy.experimental_distribute_dataset(dataset)
        opened, passed = [], []
        for _ in range(21):
            start = time.perf_counter()
            iterator = iter(distributed)
            opened.append(time.perf_counter() - start)
            for _batch in iterator:
                pass
            passed.append(time.perf_counter() - start)
            del iterator
        open_ms[name] = round(1000 * float(np.median(opened[1:])), 2)
        pass_ms[name] = round(1000 * float(np.median(passed[1:])), 2)

    # 3. fit의 에포크당 시간
    class EpochTimer(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.seconds = []

        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.seconds.append(time.perf_counter() - self.start)

    epoch_ms = {"arrays": [], "dataset": []}
    for _ in range(REPEATS):
        for mode in epoch_ms:
            timer = EpochTimer()
            model = build_model()
            if mode == "arrays":
                model.fit(
                    X_fit,
                    y_fit,
                    batch_size=32,
                    validation_data=(X_val, y_val),
                    epochs=EPOCHS,
                    callbacks=[timer],
                    verbose=0,
                )
            else:
                model.fit(
                    make_dataset(X_fit, y_fit, shuffle=True),
                    validation_data=make_dataset(X_val, y_val),
                    epochs=EPOCHS,
                    shuffle=False,
                    callbacks=[timer],
                    verbose=0,
                )
            epoch_ms[mode].append(round(1000 * float(np.median(timer.seconds[1:])), 1))

    data = {
        "builds": builds,
        "iterator_open_ms": open_ms,
        "epoch_pass_ms": pass_ms,
        "fit_epoch_ms": epoch_ms,
        "fit_epoch_ms_median": {mode: float(np.median(v)) for mode, v in epoch_ms.items()},
        "epochs_per_fit": EPOCHS,
        "repeats": REPEATS,
    }
    print(data)
    path = save_result(
        NAME,
        data,
        script="tools/measure_l06_pipeline.py",
        note="학습 부분 300명·검증 세트 76명, 배치 32. 시간은 컴퓨터와 부하에 따라 다르다.",
    )
    print("저장:", path)


if __name__ == "__main__":
    main()
