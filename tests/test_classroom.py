"""강의실: 127.0.0.1의 진짜 JupyterHub에서 학생 다섯 명이 동시에 01 노트북을 끝까지 실행한다.

학생마다 진짜 시스템 계정을 만들어야 하므로 root일 때만 실행한다(아니면 까닭을 적고 건너뛴다). CI(CI=true)는
root로 돌므로 반드시 실행한다. configurable-http-proxy는 .ci/run이 npm으로 _build/node에 설치한다.
측정값은 _build/classroom.json에 남는다(강사용 표는 tools/measure_classroom.py가 results/에 저장한 값).
"""

from __future__ import annotations

import asyncio
import json
import os
import pwd
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import classroom_scenario as cs  # noqa: E402

STUDENTS = 5


def _requirements_or_skip() -> None:
    missing = cs.missing_for_a_real_classroom()
    if cs.find_proxy() is None:
        missing.append("configurable-http-proxy(npm install --prefix _build/node configurable-http-proxy)")
    cs.skip_or_fail(missing, "JupyterHub 강의실 테스트")


def test_a_class_of_five_on_a_real_jupyterhub() -> None:
    _requirements_or_skip()
    started = time.perf_counter()
    with cs.classroom(STUDENTS) as room:
        names = room.students

        # 0. 허브는 HTTPS로만 받는다(인증서를 검사하는 연결로 로그인부터 커널 웹소켓까지 모두 https://, wss://)
        assert room.url.startswith("https://")
        with pytest.raises(cs.requests.exceptions.ConnectionError):
            cs.requests.get(room.url.replace("https://", "http://") + "/hub/login", timeout=10)

        # 1. 학생마다 로그인(PAM) → 서버 → nbgitpuller로 강의 받기
        assert all(cs.login(room, name) for name in names)
        assert not cs.login_with_password(room, names[0], "틀린 비밀번호")
        start_times = {name: cs.start_server(room, name) for name in names}
        for name in names:
            assert cs.pull_course(room, name) == "finished"
            home = Path(pwd.getpwnam(name).pw_dir)
            copy = home / "dl-course" / "notebooks" / cs.LESSON
            assert copy.exists() and copy.stat().st_uid == pwd.getpwnam(name).pw_uid
        assert "git-pull?repo=" in cs.link(room) and "targetpath=dl-course" in cs.link(room)

        # 1-0. 연습 문제 기록: 학생마다 자기 세션(로그인 쿠키, 관리자 토큰 없이)으로 연 커널에서 01의 연습 문제를 각본대로
        #      풀고(맞힘, 틀림, 반복, 힌트, 풀이, 빈칸), 강사가 root로 만든 표가 학생들이 한 일과 칸마다 같다.
        progress_started = time.perf_counter()
        _students_solve_and_the_instructor_sees_it(room, names)
        progress_seconds = time.perf_counter() - progress_started

        # 1-1. 학생은 Unix 그룹으로 정한다: 그룹에서 빼면 로그인할 수 없고, 허브를 다시 시작하지 않고 새 학생을 넣을 수 있다.
        #      강사(관리자)는 그룹 밖의 계정이고 관리 화면을 연다. 학생은 관리 화면을 열지 못한다.
        cs._run("gpasswd", "-d", names[4], cs.GROUP)
        assert cs.login_session(room, names[4]) is None, "그룹에서 뺀 학생이 로그인했습니다"
        cs._run("gpasswd", "-a", names[4], cs.GROUP)
        assert cs.login_session(room, names[4]) is not None
        newcomer = "dlstudent9"
        room.extra_accounts.append(newcomer)
        room.passwords[newcomer] = cs.make_account(newcomer)
        assert cs.login_session(room, newcomer) is not None, "허브를 다시 시작하지 않고 넣은 학생이 로그인하지 못합니다"

        # 1-2. 새 학생의 실제 경로(헤드리스 Chromium): 강사가 나눠 준 링크 → 로그인 화면 → 서버 시작 → nbgitpuller →
        #      JupyterLab에서 01이 열리고, 메뉴의 '모든 셀 실행'으로 끝까지 오류 없이 실행된다(관리자 토큰을 쓰지 않는다)
        lesson = json.loads((ROOT / "notebooks" / cs.LESSON).read_text(encoding="utf-8"))
        code_cells = sum(cell["cell_type"] == "code" for cell in lesson["cells"])
        browser_run = cs.student_runs_lesson_in_browser(room, newcomer, cs.link(room), code_cells)
        assert browser_run["opened"].startswith(f"{room.url}/user/{newcomer}/lab/tree/dl-course/notebooks/{cs.LESSON}")
        assert browser_run["executed"] == code_cells > 10, browser_run
        assert browser_run["stderr_outputs"] == [], browser_run["stderr_outputs"]
        assert "파일" in browser_run["menu"], f"JupyterLab이 한국어로 열리지 않았습니다: {browser_run['menu']}"
        copy = Path(pwd.getpwnam(newcomer).pw_dir) / "dl-course" / "notebooks" / cs.LESSON
        assert copy.stat().st_uid == pwd.getpwnam(newcomer).pw_uid
        outsider = "dloutsider"
        room.extra_accounts.append(outsider)
        room.passwords[outsider] = cs.make_account(outsider, student=False)
        assert cs.login_session(room, outsider) is None, "학생 그룹 밖의 계정이 로그인했습니다"
        room.extra_accounts.append(cs.TEACHER)
        room.passwords[cs.TEACHER] = cs.make_account(cs.TEACHER, student=False)
        teacher = cs.login_session(room, cs.TEACHER)
        assert teacher is not None and teacher.get(f"{room.url}/hub/admin", timeout=30).status_code == 200
        student_browser = cs.login_session(room, names[0])
        assert student_browser is not None and student_browser.get(f"{room.url}/hub/admin", timeout=30).status_code == 403

        # 2. 스레드 제한과 공유 데이터가 학생의 커널에 닿는다
        kernel = cs.new_kernel(room, names[0])
        errors = asyncio.run(cs._execute(room, names[0], kernel, [
            "import os\n"
            "assert os.environ['TF_NUM_INTRAOP_THREADS'] == '1' and os.environ['OMP_NUM_THREADS'] == '1'\n"
            f"assert os.environ['DL_COURSE_DATA_DIR'] == {str(room.data_dir)!r}",
            "import helpers.data\nassert str(helpers.data.data_dir()) == os.environ['DL_COURSE_DATA_DIR']",
        ]))  # fmt: skip
        assert errors == [], errors

        # 3. 다른 학생의 파일과 공유 데이터는 읽지도 고치지도 못한다
        other = pwd.getpwnam(names[1]).pw_dir
        errors = asyncio.run(cs._execute(room, names[0], kernel, [
            f"try:\n    open({other + '/dl-course/notebooks/' + cs.LESSON!r}).read()\n    raise SystemExit('읽힘')\n"
            "except PermissionError:\n    pass",
            f"try:\n    open({other + '/몰래.txt'!r}, 'w')\n    raise SystemExit('써짐')\nexcept PermissionError:\n    pass",
            f"try:\n    open({str(room.data_dir / 'cereal.csv')!r}, 'a')\n    raise SystemExit('데이터가 바뀜')\n"
            "except PermissionError:\n    pass",
            f"assert len(open({str(room.data_dir / 'cereal.csv')!r}).read()) > 1000  # 읽기는 된다",
        ]))  # fmt: skip
        assert errors == [], errors

        # 3-1. 다른 학생의 커널 채널은 엿볼 수 없다. root로 같은 구독을 하면 보인다(엿보기 프로그램이 제대로 도는지 보이는 대조군).
        assert cs.iopub_endpoint(names[0], kernel).startswith("ipc:///"), "커널 채널이 TCP 포트로 열렸습니다"
        assert cs.eavesdrop(room, names[0], kernel, None)[1], "대조군: root도 커널 출력을 보지 못했습니다"
        assert cs.eavesdrop(room, names[0], kernel, names[1]) == (0, False), "다른 학생이 커널 출력을 보았습니다"

        # 3-2. 로그인한 학생의 브라우저(쿠키)로 자기 서버는 열리고, 다른 학생의 서버는 거절된다
        browser = cs.login_session(room, names[0])
        assert browser is not None
        own = browser.get(f"{room.url}/user/{names[0]}/lab", timeout=60)
        assert own.status_code == 200 and own.url.startswith(f"{room.url}/user/{names[0]}/"), own.url
        other_lab = browser.get(f"{room.url}/user/{names[1]}/lab", timeout=60)
        assert other_lab.status_code == 403, (other_lab.status_code, other_lab.url)
        other_api = browser.get(f"{room.url}/user/{names[1]}/api/contents/dl-course", timeout=60)
        assert other_api.status_code in (401, 403) and "01_neuron" not in other_api.text, other_api.status_code

        # 3-3. 허브의 상태 폴더와 데이터베이스는 root만 읽는다
        state = room.base / "hub"
        assert state.stat().st_mode & 0o777 == 0o700 and (state / "jupyterhub.sqlite").stat().st_mode & 0o777 == 0o600

        # 4. 혼자일 때와 다섯 명이 동시에 01 노트북 전체를 실행할 때(시간과 메모리를 잰다)
        solo_seconds, solo_errors = asyncio.run(cs.run_lesson(room, names[0]))
        assert solo_errors == [], solo_errors
        concurrent = asyncio.run(cs.run_together(room, names))
        for name, (_seconds, errors) in concurrent.items():
            assert errors == [], (name, errors)
        memory = {name: cs.memory_of(name) for name in names}

        # 5. 세 명이 계산하는 도중에 한 학생의 커널이 죽어도 나머지 두 명은 끝까지 간다
        async def with_a_crash() -> list[object]:
            async def kill_later() -> None:
                await asyncio.sleep(3)
                for pid in cs.kernel_pids(names[2]):
                    os.kill(pid, 9)

            runs = [asyncio.wait_for(cs.run_lesson(room, name), 240) for name in names[2:]]
            return (await asyncio.gather(*runs, kill_later(), return_exceptions=True))[:-1]

        crashed, *others = asyncio.run(with_a_crash())
        assert isinstance(crashed, RuntimeError) and "커널이 죽었습니다" in str(crashed), crashed
        for result in others:
            assert not isinstance(result, BaseException) and result[1] == [], result

        # 커널이 죽은 학생의 서버는 살아 있고, 새 커널로 다시 시작할 수 있다
        status = cs.requests.get(f"{room.url}/user/{names[2]}/api/status", headers=room.headers(), timeout=30)
        assert status.ok
        again = cs.new_kernel(room, names[2])
        assert asyncio.run(cs._execute(room, names[2], again, ["print(1 + 1)"])) == []

        # 6. 강사가 고쳐 올린 뒤 다시 받아도 학생이 고친 노트북은 그대로다
        mine = Path(pwd.getpwnam(names[0]).pw_dir) / "dl-course" / "notebooks" / cs.LESSON
        import nbformat

        edited = nbformat.read(mine, as_version=4)  # JupyterLab이 저장하는 꼴(줄마다 하나)로 고쳐 저장한다
        edited.cells.append(nbformat.v4.new_markdown_cell("학생의 메모"))
        nbformat.write(edited, mine)
        cs._instructor_update(room.base, room.repo)
        assert cs.pull_course(room, names[0]) == "finished"
        assert "학생의 메모" in mine.read_text(encoding="utf-8"), "학생이 고친 노트북이 사라졌습니다"
        updated = mine.parent / "02_perceptron_activation.ipynb"
        assert "강사의 수정" in updated.read_text(encoding="utf-8"), "강사의 수정이 오지 않았습니다"
        untouched = Path(pwd.getpwnam(names[1]).pw_dir) / "dl-course" / "notebooks" / cs.LESSON
        assert cs.pull_course(room, names[1]) == "finished"
        assert "강사의 수정" in untouched.read_text(encoding="utf-8")

    elapsed = time.perf_counter() - started
    record = {
        "students": STUDENTS,
        "cpus": os.cpu_count(),
        "server_start_seconds": {k: round(v, 1) for k, v in start_times.items()},
        "memory_mb_after_lesson": {k: round(v) for k, v in memory.items()},
        "lesson_seconds_alone": round(solo_seconds, 1),
        "lesson_seconds_concurrent": {k: round(v[0], 1) for k, v in concurrent.items()},
        "scenario_seconds": round(elapsed, 1),
        "progress_seconds": round(progress_seconds, 1),
    }
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "classroom.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    assert elapsed < 300, f"강의실 테스트가 {elapsed:.0f}초 걸렸습니다(5분 안이어야 합니다)"


def _expected_cells(plan: list[tuple[str, str, bool | None]]) -> dict[str, str]:
    """각본에서 바로 센 강사 표의 칸: ✓/✗, 답을 넣은 채점 수, 힌트·풀이를 본 횟수(빈칸 채점은 시도가 아니다)."""
    cells = {}
    for question in ("code1", "code2", "q1", "q2", "q3", "q4"):
        steps = [(action, right) for action, q, right in plan if q == question]
        attempts = [right for action, right in steps if action == "check" and right is not None]
        hints = sum(action == "hint" for action, _ in steps)
        solutions = sum(action == "solution" for action, _ in steps)
        parts = [("✓" if any(attempts) else "✗"), str(len(attempts))] if attempts else []
        parts += [f"힌트{hints}"] if hints else []
        parts += [f"풀이{solutions}"] if solutions else []
        cells[f"lesson01.{question}"] = " ".join(parts)
    return cells


def _students_solve_and_the_instructor_sees_it(room: cs.Classroom, names: list[str]) -> None:
    plans = dict(zip(names, cs.PROGRESS_PLANS, strict=True))

    async def solve(name: str) -> tuple[object, str, list[str]]:
        session = await asyncio.to_thread(cs.student_session, room, name)
        kernel = await asyncio.to_thread(cs.new_kernel_as_student, room, session, name)
        errors = await cs._execute(room, name, kernel, cs.progress_code(plans[name]), session=session)
        return session, kernel, errors

    async def everyone() -> list[tuple[object, str, list[str]]]:
        return await asyncio.gather(*(solve(name) for name in names))

    runs = dict(zip(names, asyncio.run(everyone()), strict=True))
    for name, (_session, _kernel, errors) in runs.items():
        assert errors == [], (name, errors)

    # 기록은 학생 자신의 홈에만 있다(폴더 0700, 파일 0600). 다른 학생은 자기 커널에서 읽으려 해도 거절되고, 자기 것은 읽힌다.
    for name in names:
        account = pwd.getpwnam(name)
        record = Path(account.pw_dir) / ".dl-course" / "progress.jsonl"
        assert record.stat().st_uid == account.pw_uid and record.stat().st_mode & 0o777 == 0o600
        assert record.parent.stat().st_mode & 0o777 == 0o700
    other = Path(pwd.getpwnam(names[1]).pw_dir) / ".dl-course" / "progress.jsonl"
    session, kernel, _ = runs[names[0]]
    errors = asyncio.run(cs._execute(room, names[0], kernel, [
        f"try:\n    open({str(other)!r}).read()\n    raise SystemExit('다른 학생의 기록이 읽힘')\nexcept PermissionError:\n    pass",
        "import os\nassert open(os.path.expanduser('~/.dl-course/progress.jsonl')).read().count('\\n') == "
        f"{len(cs.PROGRESS_PLANS[0])}",
    ], session=session))  # fmt: skip
    assert errors == [], errors
    for name, (session, kernel, _) in runs.items():
        cs.shutdown_kernel_as_student(room, session, name, kernel)

    # 강사: root로 실제 홈 폴더들을 읽는다
    result, folder = cs.run_progress_report(room)
    assert result.returncode == 0, result.stderr
    import csv

    rows = list(csv.DictReader((folder / "progress.csv").open(encoding="utf-8-sig")))
    table = {row["학생"]: {k: v for k, v in row.items() if k.startswith("lesson01.")} for row in rows}
    assert table == {name: _expected_cells(plans[name]) for name in names}, result.stdout
    assert all(row["기록 상태"] == "읽음" and row["건너뛴 줄"] == "0" for row in rows)
    # 막힌 문제: q2는 네 명이 시도해 세 명이 못 풀었다. code1(셋 중 하나), q4(셋 중 하나), q1(모두 풂)은 아니다.
    assert "lesson01.q2 (01 인공 뉴런): 시도한 학생 4명 가운데 3명이 아직 풀지 못했습니다" in result.stdout, result.stdout
    assert "lesson01.code1 (" not in result.stdout and "lesson01.q4 (" not in result.stdout
    from PIL import Image

    with Image.open(folder / "heatmap.png") as image:
        image.verify()
        assert image.format == "PNG" and image.size[0] > 400
    assert folder.stat().st_mode & 0o777 == 0o700


def test_idle_kernels_and_servers_are_culled() -> None:
    """쉬는 커널은 서버 안에서, 쉬는 서버는 jupyterhub-idle-culler가 정리한다(기본 1시간, 2시간을 짧게 줄여 확인)."""
    _requirements_or_skip()
    env = {"COURSE_KERNEL_CULL_TIMEOUT": "10", "COURSE_CULL_TIMEOUT": "30"}
    with cs.classroom(1, prefix="dlidle", group="dlidle-class", env=env) as room:
        name = room.students[0]
        assert cs.login(room, name)
        cs.start_server(room, name)
        kernel = cs.new_kernel(room, name)
        assert asyncio.run(cs._execute(room, name, kernel, ["x = 1"])) == []
        started = time.perf_counter()
        cs._wait_for(lambda: kernel not in cs.kernels_of(room, name), 60, "쉬는 커널이 정리되지 않았습니다", room.base / "hub.log")
        kernel_seconds = time.perf_counter() - started
        assert kernel_seconds >= 5, f"커널이 {kernel_seconds:.0f}초 만에 꺼졌습니다(10초 동안 쉰 뒤여야 합니다)"

        def server_gone() -> bool:
            user = cs.requests.get(f"{room.api}/users/{name}", headers=room.headers(), timeout=10).json()
            return "" not in user.get("servers", {})

        cs._wait_for(server_gone, 120, "쉬는 서버가 멈추지 않았습니다", room.base / "hub.log")
        log = (room.base / "hub.log").read_text(encoding="utf-8", errors="replace")
        assert f"Culling server {name}" in log, "서버를 멈춘 것이 idle-culler가 아닙니다"
        # 홈 폴더의 파일은 그대로이고, 다시 로그인하면 서버가 새로 뜬다
        assert cs.login(room, name)
        cs.start_server(room, name)


def _load_config(**env: str) -> object:
    import tempfile

    from traitlets.config import Config

    env.setdefault("COURSE_STATE_DIR", tempfile.mkdtemp(prefix="dl-hub-state-"))  # 설정이 상태 폴더를 만든다
    config = Config()
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        source = (ROOT / "classroom" / "jupyterhub_config.py").read_text(encoding="utf-8")
        exec(compile(source, "jupyterhub_config.py", "exec"), {"get_config": lambda: config, "load_subconfig": print})
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return config


def test_config_limits_each_student_and_shares_the_data_read_only() -> None:
    config = _load_config(COURSE_DATA_DIR="/srv/x/data", COURSE_THREADS="2")
    environment = config.Spawner.environment
    assert environment["DL_COURSE_DATA_DIR"] == "/srv/x/data"
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS"):
        assert environment[name] == "2", name
    assert config.JupyterHub.authenticator_class == "pam" and config.JupyterHub.ip == "127.0.0.1"
    assert config.Spawner.mem_limit == "4G" and config.Spawner.cpu_limit == 1.0
    # 바깥 주소로 열면서 인증서가 없으면 비밀번호가 평문으로 오가므로 시작하지 않는다
    with pytest.raises(SystemExit, match="COURSE_SSL_CERT"):
        _load_config(COURSE_HUB_IP="0.0.0.0")
    https = _load_config(COURSE_HUB_IP="0.0.0.0", COURSE_SSL_CERT="/etc/x/fullchain.pem", COURSE_SSL_KEY="/etc/x/privkey.pem")
    assert https.JupyterHub.ssl_cert == "/etc/x/fullchain.pem" and https.JupyterHub.ssl_key == "/etc/x/privkey.pem"
    # 학생끼리 엿보지 못하게: 커널 채널은 홈 폴더 안의 유닉스 소켓, 학생의 ~/.jupyter 설정은 읽지 않는다
    assert "--KernelManager.transport=ipc" in config.Spawner.args
    # 학생은 Unix 그룹으로, 예전에 로그인했던 사람도 매번 다시 확인한다. 허브를 다시 시작해도 학생 서버는 멈추지 않는다.
    assert config.PAMAuthenticator.allowed_groups == {"dl-students"}
    assert config.Authenticator.allow_existing_users is False and config.Authenticator.admin_users == {"instructor"}
    assert config.JupyterHub.cleanup_servers is False
    assert config.Spawner.disable_user_config is True
    # 쉬는 커널(1시간)과 서버(2시간)를 정리한다: 커널은 탭이 열려 있어도, 서버는 jupyterhub-idle-culler가
    assert "--MappingKernelManager.cull_idle_timeout=3600" in config.Spawner.args
    assert "--MappingKernelManager.cull_connected=True" in config.Spawner.args
    culler = next(service for service in config.JupyterHub.services if service["name"] == "idle-culler")
    assert culler["command"][1:3] == ["-m", "jupyterhub_idle_culler"] and "--timeout=7200" in culler["command"]
    never = _load_config(COURSE_CULL_TIMEOUT="0", COURSE_KERNEL_CULL_TIMEOUT="0")
    assert not any("cull" in arg for arg in never.Spawner.args) and "services" not in never.JupyterHub
    # 메모리와 CPU를 강제하는 스포너를 고르면 그 스포너가 같은 상한을 쓴다
    systemd = _load_config(COURSE_SPAWNER="systemd", COURSE_MEM_LIMIT="2G")
    assert systemd.JupyterHub.spawner_class == "systemdspawner.SystemdSpawner"
    assert systemd.Spawner.mem_limit == "2G" and systemd.SystemdSpawner.dynamic_users is False


def test_instructor_sizing_table_comes_from_the_measurement() -> None:
    import measure_classroom

    from helpers.results import load_result

    data = load_result("classroom")["data"]
    readme = (ROOT / "classroom" / "README.md").read_text(encoding="utf-8")
    assert measure_classroom.sizing_table(data) in readme, "python tools/measure_classroom.py로 표를 다시 만드세요"
    assert measure_classroom.measured_table(data) in readme, "잰 값 표가 results/classroom.json과 다릅니다"
    # 학생 수는 표에서만 말한다: 다른 곳에 "30~60명"처럼 표와 어긋날 수 있는 수를 따로 적지 않는다
    import re

    elsewhere = readme.replace(measure_classroom.sizing_table(data), "")
    elsewhere += (ROOT / "classroom" / "jupyterhub_config.py").read_text(encoding="utf-8")
    claims = re.findall(r"\d+\s*~\s*\d+\s*명|\d+명 ?(?:까지|이상|이하|넘)", elsewhere)
    assert claims == [], f"표 밖의 학생 수: {claims}"
