"""강의실 용량 측정: 127.0.0.1의 JupyterHub에서 학생 다섯 명이 01과 07 노트북을 실행한다(root로 실행).

    sudo .venv/bin/python tools/measure_classroom.py     # results/classroom.json

잰 값: 학생 서버가 뜨는 시간, 01과 07(가장 무거운 수업)을 끝까지 실행한 학생 한 명의 메모리(서버 + 커널),
각 노트북을 혼자 실행한 시간과 다섯 명이 동시에 실행한 시간, 노트북 세 개(01, 05, 07)를 열어 둔 학생의 메모리. classroom/README.md의 학생 수 표는 sizing_rows()가 이 값에서 계산한다
(tests/test_classroom.py가 표와 결과 파일이 같은지 확인한다).
"""

from __future__ import annotations

import asyncio
import math
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NAME = "classroom"
STUDENTS = 5
CORES = (8, 16, 32)
MEMORY_GB = (32, 64, 128, 256)  # 메모리로 본 학생 수 표의 서버 메모리
RESERVED_GB = 4  # 운영 체제, 허브, 프록시 몫
BUSY_SHARE = 3  # "셋 중 한 명이 동시에 계산" 열: 강의 중에는 모두가 한꺼번에 무거운 셀을 돌리지 않는다
LESSON_07 = "07_mnist.ipynb"
THREE_OPEN = ("01_neuron.ipynb", "05_cereal_regression.ipynb", "07_mnist.ipynb")


def measure() -> dict[str, Any]:
    import classroom_scenario as cs

    def median(values: Any) -> float:
        return statistics.median(list(values))

    with cs.classroom(STUDENTS, prefix="dlmeasure", group="dlmeasure-class") as room:
        names = room.students
        assert all(cs.login(room, name) for name in names)  # 허브는 처음 로그인할 때 학생을 안다
        starts = {name: cs.start_server(room, name) for name in names}
        for name in names:
            cs.pull_course(room, name)

        def stop_kernels() -> None:
            for name in names:
                cs.shutdown_kernels(room, name)
            time.sleep(3)

        # 01: 혼자, 그리고 다섯 명이 동시에. 메모리는 서버 + 01을 끝낸 커널 하나
        alone_01, errors = asyncio.run(cs.run_lesson(room, names[0]))
        assert errors == [], errors
        cs.shutdown_kernels(room, names[0])
        together_01 = asyncio.run(cs.run_together(room, names))
        assert all(not e for _, e in together_01.values()), together_01
        memory_01 = {name: cs.memory_of(name) for name in names}
        stop_kernels()

        # 07(가장 무거운 수업): 혼자, 그리고 다섯 명이 동시에
        alone_07, errors = asyncio.run(cs.run_lesson(room, names[0], LESSON_07))
        assert errors == [], errors
        cs.shutdown_kernels(room, names[0])
        together_07 = asyncio.run(cs.run_together(room, names, LESSON_07, timeout=1800))
        assert all(not e for _, e in together_07.values()), together_07
        memory_07 = {name: cs.memory_of(name) for name in names}
        stop_kernels()

        # 노트북 세 개를 연 학생(01, 05, 07을 차례로 실행하고 커널을 끄지 않는다): 세 명이 동시에
        async def three_open(name: str) -> None:
            for notebook in THREE_OPEN:
                _seconds, errors = await cs.run_lesson(room, name, notebook)
                assert errors == [], (name, notebook, errors)

        async def three_students() -> None:
            await asyncio.gather(*(three_open(name) for name in names[:3]))

        asyncio.run(three_students())
        memory_three = {name: cs.memory_of(name) for name in names[:3]}
        kernels_three = {name: len(cs.kernels_of(room, name)) for name in names[:3]}
        assert set(kernels_three.values()) == {3}, kernels_three
    return {
        "students": STUDENTS,
        "cpus": os.cpu_count(),
        "server_start_seconds": round(median(starts.values()), 1),
        "memory_mb_per_student": round(median(memory_01.values())),
        "lesson_seconds_alone": round(alone_01, 1),
        "lesson_seconds_together": round(median(s for s, _ in together_01.values()), 1),
        "lesson07_seconds_alone": round(alone_07, 1),
        "lesson07_seconds_together": round(median(s for s, _ in together_07.values()), 1),
        "lesson07_memory_mb_per_student": round(median(memory_07.values())),
        "three_notebooks": list(THREE_OPEN),
        "three_notebooks_memory_mb_per_student": round(median(memory_three.values())),
    }


def sizing_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """코어 수마다 CPU로 본 학생 수와 그만큼의 학생에게 필요한 메모리. 2코어에서 잰 값을 코어 수에 비례해 늘린 어림이다.

    CPU는 가장 무거운 07을 다섯 명이 동시에 실행했을 때 느려진 정도로, 메모리는 노트북 세 개(01, 05, 07)를
    실행해 둔 학생 한 명의 몫으로 계산한다."""
    slowdown = data["lesson07_seconds_together"] / data["lesson07_seconds_alone"]
    overhead = slowdown / (data["students"] / data["cpus"])  # 코어 하나가 학생 한 명분보다 얼마나 더 느려지나
    per_student_gb = data["three_notebooks_memory_mb_per_student"] / 1024
    rows = []
    for cores in CORES:
        all_busy = math.floor(2 * cores / overhead)  # 모두 동시에 계산해도 혼자일 때의 2배 안
        one_in_three = all_busy * BUSY_SHARE
        rows.append(
            {
                "cores": cores,
                "all_busy": all_busy,
                "one_in_three_busy": one_in_three,
                "memory_gb_needed": math.ceil(one_in_three * per_student_gb + RESERVED_GB),
            }
        )
    return rows


def memory_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """서버 메모리마다 학생 수: 노트북 세 개를 실행해 둔 학생 기준과 07 하나만 연 학생 기준."""
    rows = []
    for ram in MEMORY_GB:
        usable = (ram - RESERVED_GB) * 1024
        rows.append(
            {
                "ram_gb": ram,
                "three_notebooks": math.floor(usable / data["three_notebooks_memory_mb_per_student"]),
                "one_notebook": math.floor(usable / data["lesson07_memory_mb_per_student"]),
            }
        )
    return rows


def sizing_table(data: dict[str, Any]) -> str:
    """classroom/README.md 6절에 그대로 넣는 두 표(마크다운): 코어로 본 학생 수, 메모리로 본 학생 수."""
    lines = [
        "| 서버 코어 | 모두 동시에 계산해도 실행 시간 2배 이내 | 셋 중 한 명이 동시에 계산 | 그 학생들에게 필요한 메모리(노트북 세 개씩) |",
        "| ---: | ---: | ---: | ---: |",
    ]
    for row in sizing_rows(data):
        lines.append(
            f"| {row['cores']} | {row['all_busy']}명 | {row['one_in_three_busy']}명 | {row['memory_gb_needed']} GB |"
        )
    lines += [
        "",
        "| 서버 메모리 | 학생마다 노트북 세 개를 실행해 둘 때 | 학생마다 07 하나만 열어 둘 때 |",
        "| ---: | ---: | ---: |",
    ]
    for row in memory_rows(data):
        lines.append(f"| {row['ram_gb']} GB | {row['three_notebooks']}명 | {row['one_notebook']}명 |")
    return "\n".join(lines)


def measured_table(data: dict[str, Any]) -> str:
    """classroom/README.md 6절의 잰 값 표(마크다운)."""
    rows = [
        ("학생 서버가 뜨는 시간(중앙값)", f"{data['server_start_seconds']}초"),
        ("01을 끝까지 실행한 학생 한 명의 메모리(서버 + 커널)", f"{data['memory_mb_per_student']:,} MB"),
        ("07(가장 무거운 수업)을 끝까지 실행한 학생 한 명의 메모리", f"{data['lesson07_memory_mb_per_student']:,} MB"),
        ("노트북 세 개(01, 05, 07)를 실행해 둔 학생 한 명의 메모리", f"{data['three_notebooks_memory_mb_per_student']:,} MB"),
        ("01 전체: 혼자 / 다섯 명이 동시에(중앙값)", f"{data['lesson_seconds_alone']}초 / {data['lesson_seconds_together']}초"),
        ("07 전체: 혼자 / 다섯 명이 동시에(중앙값)", f"{data['lesson07_seconds_alone']}초 / {data['lesson07_seconds_together']}초"),
    ]
    lines = ["| 잰 것 | 값 |", "| --- | ---: |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def main() -> None:
    from helpers.results import save_result

    data = measure()
    path = save_result(
        NAME,
        data,
        script="tools/measure_classroom.py",
        note=f"학생 {STUDENTS}명, 127.0.0.1의 JupyterHub(LocalProcessSpawner), 01과 07 노트북 전체, "
        "노트북 세 개(01, 05, 07)를 연 학생 세 명, 학생당 계산 스레드 1개",
    )
    print(path)
    print(measured_table(data))
    print(sizing_table(data))


if __name__ == "__main__":
    main()
