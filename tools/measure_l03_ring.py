"""03 노트북의 원 데이터(안쪽 원과 바깥 고리)를 데이터 시드 1,000개로 재서 results/l03_ring.json에 쓴다.

    python tools/measure_l03_ring.py        # 2코어 CPU에서 5~15분 (다른 작업과 함께 돌면 더)

노트북은 데이터 시드 42 하나(와 로지스틱 회귀, 가장 좋은 직선은 시드 50개)만 보여 주므로,
"어느 시드에서나 성립하는 것"을 이 측정으로 확인한다. 노트북과 같은 코드를 쓰도록 함수는
노트북의 셀(아래 CELLS)을 그대로 실행해서 가져온다.

시드 s마다:
1. ring_data(s)에 로지스틱 회귀(직교 좌표, 극좌표)를 학습한 정확도와 교차 엔트로피
2. best_line으로 찾은 정확도가 가장 높은 직선(방향 360가지)과, 방향을 FINER_DIRECTIONS가지로
   늘렸을 때 오르는 정확도(방향 간격이 결과를 얼마나 바꾸는지)
3. train_mlp(2-4-1 신경망, 초깃값 시드 s)의 학습한 점의 정확도, 새 점 ring_data(s + NEW_OFFSET)의
   정확도, 결정 영역이 노트북 그림의 범위 [-2.7, 2.7]² 테두리에 닿지 않는지(닫힌 영역인지).
   정확도가 REACHED에 못 미친 시드는 따로 적는다(은닉 뉴런 4개로도 시드에 따라 덜 배운다).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers.results import save_result  # noqa: E402

NAME = "l03_ring"
NOTEBOOK = ROOT / "notebooks" / "03_xor_mlp.ipynb"
# sigmoid, ring_data·to_polar·logistic·fit_logistic·cross_entropy, best_line, init_params, forward·mse, backward, train_mlp
CELLS = ["c021", "248c89bc", "ring-best-line", "c028", "c029", "c030", "ring-mlp-train-def"]
SEEDS = range(1000)
NEW_OFFSET = 1000  # 노트북: 데이터 시드 42로 학습, 새 점은 시드 1042
FINER_DIRECTIONS = 2880  # 0.125° 간격
GRID = 2.7  # 노트북 그림의 범위
REACHED = 0.99  # 2-4-1 신경망이 "거의 모두 맞혔다"고 세는 정확도


def notebook_functions() -> dict:
    import nbformat
    import numpy as np

    cells = {cell.id: cell for cell in nbformat.read(NOTEBOOK, as_version=4).cells}
    namespace = {"np": np}
    for cell_id in CELLS:
        exec(cells[cell_id].source, namespace)  # 저장소의 노트북 코드
    return namespace


def main() -> None:
    import inspect

    import numpy as np

    nb = notebook_functions()
    ring_data, to_polar, fit_logistic = nb["ring_data"], nb["to_polar"], nb["fit_logistic"]
    cross_entropy, best_line, train_mlp, forward = (
        nb["cross_entropy"],
        nb["best_line"],
        nb["train_mlp"],
        nb["forward"],
    )

    mlp_settings = {
        name: p.default
        for name, p in inspect.signature(train_mlp).parameters.items()
        if p.default is not p.empty
    }  # 노트북의 train_mlp 기본값: 은닉 뉴런 수, 학습률, 갱신 횟수
    edge = np.linspace(-GRID, GRID, 201)
    border = np.concatenate([
        np.column_stack([edge, np.full_like(edge, -GRID)]), np.column_stack([edge, np.full_like(edge, GRID)]),
        np.column_stack([np.full_like(edge, -GRID), edge]), np.column_stack([np.full_like(edge, GRID), edge]),
    ])  # fmt: skip

    rows = []
    for seed in SEEDS:
        points, labels = ring_data(seed)
        cart_prob = fit_logistic(points, labels)(points)
        polar = to_polar(points)
        line_acc, normal, threshold = best_line(points, labels)
        cut_side = points @ normal <= threshold  # 클래스 0으로 답하는 쪽
        params = train_mlp(points, labels, np.random.default_rng(seed))
        new_points, new_labels = ring_data(seed + NEW_OFFSET)
        rows.append(
            {
                "logistic": float(((cart_prob > 0.5) == labels).mean()),
                "logistic_ce": float(cross_entropy(cart_prob, labels)),
                "polar": float(((fit_logistic(polar, labels)(polar) > 0.5) == labels).mean()),
                "best_line": float(line_acc),
                "finer_gain": float(best_line(points, labels, FINER_DIRECTIONS)[0] - line_acc),
                "inner_on_cut_side": int((labels[cut_side] == 1).sum()),
                "outer_on_cut_side": int((labels[cut_side] == 0).sum()),
                "mlp_train": float(((forward(params, points)[0].ravel() > 0.5) == labels).mean()),
                "mlp_new": float(
                    ((forward(params, new_points)[0].ravel() > 0.5) == new_labels).mean()
                ),
                "mlp_closed": bool((forward(params, border)[0] <= 0.5).all()),
            }
        )
        if seed % 100 == 0:
            print(seed, rows[-1], flush=True)

    def spread(key: str) -> dict:
        values = np.array([row[key] for row in rows])
        return {
            "min": float(values.min()),
            "median": float(np.median(values)),
            "max": float(values.max()),
        }

    data = {
        "seeds": len(SEEDS),
        "seed_range": f"{SEEDS[0]}~{SEEDS[-1]}",
        "logistic": spread("logistic"),
        "logistic_ce": spread("logistic_ce"),
        "polar": spread("polar"),
        "best_line": spread("best_line"),
        "best_line_directions": 360,
        "finer_directions": FINER_DIRECTIONS,
        "finer_gain_max": max(row["finer_gain"] for row in rows),
        "line_beats_logistic": sum(row["best_line"] > row["logistic"] for row in rows),
        "inner_on_cut_side": spread("inner_on_cut_side"),
        "outer_on_cut_side": spread("outer_on_cut_side"),
        "mlp": {
            "hidden": mlp_settings["n_hidden"],
            "steps": mlp_settings["steps"],
            "lr": mlp_settings["lr"],
            "new_points_seed_offset": NEW_OFFSET,
            "train_min": min(row["mlp_train"] for row in rows),
            "train_max": max(row["mlp_train"] for row in rows),
            "new_min": min(row["mlp_new"] for row in rows),
            "new_max": max(row["mlp_new"] for row in rows),
            "closed": sum(row["mlp_closed"] for row in rows),
            "reached": REACHED,
            "train_reached": sum(row["mlp_train"] >= REACHED for row in rows),
            "new_reached": sum(row["mlp_new"] >= REACHED for row in rows),
            "below": [  # 학습한 점에서 REACHED에 못 미친 시드: [시드, 학습한 점, 새 점]
                [seed, row["mlp_train"], row["mlp_new"]]
                for seed, row in zip(SEEDS, rows, strict=True)
                if row["mlp_train"] < REACHED
            ],
        },
    }
    path = save_result(
        NAME,
        data,
        script="tools/measure_l03_ring.py",
        note="원 데이터: 로지스틱 회귀, 정확도가 가장 높은 직선, 2-4-1 신경망을 데이터 시드 1,000개로",
    )
    print(f"saved {path}")
    print(data)


if __name__ == "__main__":
    main()
