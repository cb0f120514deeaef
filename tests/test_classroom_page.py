"""강사용 페이지(classroom/README.md) 1~5절의 명령 블록을 페이지에서 그대로 꺼내, 이 컴퓨터에서 할 수 있는 만큼 실행한다.

새 서버를 흉내 낸다: 저장소를 새로 복제하고, 새 가상환경에 패키지를 설치하고(패키지 저장소에서 내려받는다), 데이터를
공유 폴더에 두고, 계정을 만들고, 허브의 설정 파일과 systemd 서비스 파일을 설치해 ``systemd-analyze verify``로 확인한 뒤,
서비스 파일의 ExecStart를 그 환경 파일과 작업 폴더로 띄워 학생과 강사가 HTTPS로 로그인한다.

페이지의 명령을 바꾸지 않고는 실행할 수 없는 것은 아래 ``SUBSTITUTIONS``(바꾼 것)와 ``NOT_RUN``(실행하지 않은 것)에
까닭과 함께 모두 적는다. 서버의 경로(/opt, /srv, /etc)는 임시 폴더 아래로 옮긴다(테스트가 이 컴퓨터를 바꾸지 않도록).
root와 패키지 저장소(PyPI, npm)가 필요하다. CI(CI=true)에서는 반드시 실행한다.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import classroom_scenario as cs  # noqa: E402

PAGE = ROOT / "classroom" / "README.md"
GROUP = "dlpage-class"
PREFIX = "dlpage"
TEACHER = "dlpageteacher"

# 실행하지 않는 명령(페이지의 줄이 이것으로 시작한다)과 까닭
NOT_RUN = {
    "apt-get update && apt-get install -y python3": "배포판 패키지 설치는 이 컴퓨터를 바꾼다: 대신 같은 패키지 이름을 "
    "`apt-get install --simulate`로 이 배포판에서 찾는다",
    "command -v npm || apt-get install": "위와 같다(npm은 .ci/run이 이미 설치했다)",
    "apt-get install -y certbot && certbot certonly": "인증서 발급에는 이 서버를 가리키는 공개 도메인이 필요하다: "
    "대신 127.0.0.1용 자체 서명 인증서를 만든다",
    "systemctl daemon-reload": "이 컴퓨터는 systemd가 PID 1이 아니다: 대신 설치한 서비스 파일의 "
    "EnvironmentFile, Environment, WorkingDirectory, ExecStart 그대로 허브를 띄운다",
    "[ -d /etc/ssh/sshd_config.d ]": "이 컴퓨터의 SSH 설정을 바꾼다",
    "certbot renew --dry-run": "인증서를 발급하지 않았다(위의 certbot 줄)",
}


def _substitutions(tmp: Path, port: int, cert: Path, key: Path) -> list[tuple[str, str, str]]:
    """(페이지의 글자, 바꾼 글자, 까닭). 페이지의 줄과 서비스 파일에 차례로 적용한다."""
    return [
        ("/etc/letsencrypt/live/<허브 도메인>/fullchain.pem", str(cert), "자체 서명 인증서"),
        ("/etc/letsencrypt/live/<허브 도메인>/privkey.pem", str(key), "자체 서명 인증서의 키"),
        ("/opt/dl-course", f"{tmp}/opt/dl-course", "이 컴퓨터를 바꾸지 않도록 임시 폴더로"),
        ("/srv/dl-course", f"{tmp}/srv/dl-course", "위와 같다"),
        ("/etc/dl-course", f"{tmp}/etc/dl-course", "위와 같다"),
        ("/etc/systemd/system/", f"{tmp}/systemd/", "위와 같다"),
        ("/usr/local/bin", f"{tmp}/npm/bin", "npm -g로 설치한 Node.js와 프록시가 있는 곳"),
        ("npm install -g ", f"npm install -g --prefix {tmp}/npm ", "이 컴퓨터의 /usr/local을 바꾸지 않도록"),
        ("<강의 저장소 주소>", str(ROOT), "이 저장소(커밋된 것)를 복제한다"),
        ("passwd instructor", f"echo '{TEACHER}:{{password}}' | chpasswd", "비밀번호를 화면에서 치는 대신"),
        ("instructor", TEACHER, "테스트 동안만 있는 계정 이름"),
        ("--count 40 --group dl-students", f"--count 2 --prefix {PREFIX} --group {GROUP} --passwords {tmp}/passwords.csv",
         "테스트 동안만 있는 학생 둘, 비밀번호 파일도 임시 폴더에"),
        ("--group dl-students", f"--group {GROUP}", "테스트 동안만 있는 그룹"),
        ("COURSE_STUDENT_GROUP=dl-students", f"COURSE_STUDENT_GROUP={GROUP}", "테스트 동안만 있는 그룹"),
        ("COURSE_HUB_IP=0.0.0.0", "COURSE_HUB_IP=127.0.0.1", "테스트의 서비스는 127.0.0.1에서만 연다"),
        ("COURSE_HUB_PORT=443", f"COURSE_HUB_PORT={port}", "빈 포트"),
    ]


def _blocks() -> list[str]:
    """1~5절(서버 한 대)의 bash 블록. 7절(Kubernetes)은 tests/test_z2jh.py가 확인한다."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index("## 1. 서버 준비") : text.index("## 6. 서버 크기")]
    return re.findall(r"```bash\n(.*?)```", section, flags=re.S)


def _commands(block: str) -> list[str]:
    """블록을 명령으로 나눈다: 한 줄에 하나, 여기 문서(<<'ENV' … ENV)는 한 명령."""
    commands: list[str] = []
    lines = block.splitlines()
    while lines:
        line = lines.pop(0)
        heredoc = re.search(r"<<'(\w+)'", line)
        if heredoc:
            body = []
            while lines and lines[0] != heredoc[1]:
                body.append(lines.pop(0))
            line = "\n".join([line, *body, lines.pop(0)])
        if line.strip():
            commands.append(line)
    return commands


def _apply(text: str, substitutions: list[tuple[str, str, str]], password: str = "") -> str:
    for old, new, _why in substitutions:
        text = text.replace(old, new.replace("{password}", password))
    return text


def _needs_or_skip() -> None:
    missing = cs.missing_for_a_real_classroom()
    missing += [tool for tool in ("npm", "git", "openssl", "python3", "systemd-analyze") if shutil.which(tool) is None]
    cs.skip_or_fail(missing, "강사 페이지의 명령을 실행하는 테스트")


def test_every_page_line_is_run_or_listed_with_a_reason() -> None:
    commands = [command for block in _blocks() for command in _commands(block)]
    assert len(commands) >= 10, commands
    for prefix in NOT_RUN:
        assert any(command.startswith(prefix) for command in commands), f"페이지에 없는 줄을 건너뛰는 목록: {prefix}"
    substitutions = _substitutions(Path("/tmp/x"), 1, Path("/c"), Path("/k"))
    page = PAGE.read_text(encoding="utf-8")
    for old, _new, _why in substitutions:
        assert old in page, f"페이지에 없는 글자를 바꾸는 목록: {old}"


@contextlib.contextmanager
def _cleanup(tmp: Path) -> Iterator[None]:
    try:
        yield
    finally:
        for name in (f"{PREFIX}01", f"{PREFIX}02", TEACHER):
            cs.remove_account(name)
        subprocess.run(["groupdel", GROUP], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _unit(path: Path) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_the_instructor_page_sets_up_a_server_as_written() -> None:
    _needs_or_skip()
    tmp = Path(tempfile.mkdtemp(prefix="dl-page-"))
    tmp.chmod(0o755)
    for name in (f"{PREFIX}01", f"{PREFIX}02", TEACHER):  # 앞선 실행이 남긴 계정이 있으면 '새 서버'가 아니다
        cs.remove_account(name)
    subprocess.run(["groupdel", GROUP], capture_output=True)
    with _cleanup(tmp):
        cert, key = cs._self_signed_certificate(tmp)
        port = cs._free_port()
        substitutions = _substitutions(tmp, port, cert, key)
        teacher_password = "page-" + os.urandom(6).hex()
        # 새 서버의 root처럼: 배포판의 python3(이 컴퓨터의 pyenv가 아니다)와 npm -g로 설치한 것
        env = {**os.environ, "PATH": f"{tmp}/npm/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}
        for name in ("VIRTUAL_ENV", "PYENV_VERSION", "PIP_REQUIRE_VIRTUALENV"):
            env.pop(name, None)
        timings: dict[str, float] = {}
        ran: list[str] = []

        def run(command: str) -> str:
            started = time.perf_counter()
            result = subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=tmp, env=env,
                                    capture_output=True, text=True, timeout=900)  # fmt: skip
            timings[command.split("\n")[0][:60]] = round(time.perf_counter() - started, 1)
            assert result.returncode == 0, f"페이지의 명령이 실패했습니다:\n{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            ran.append(command)
            return result.stdout

        for block in _blocks():
            for command in _commands(block):
                reason = next((why for prefix, why in NOT_RUN.items() if command.startswith(prefix)), None)
                if command.startswith("apt-get update && apt-get install -y python3"):
                    packages = command.split("install -y", 1)[1].split()
                    if list(Path("/var/lib/apt/lists").glob("*_Packages*")):
                        simulated = subprocess.run(["apt-get", "install", "--simulate", *packages],
                                                   capture_output=True, text=True)  # fmt: skip
                        assert simulated.returncode == 0, simulated.stdout + simulated.stderr
                    continue
                if reason is not None:
                    continue
                command = _apply(command, substitutions, teacher_password)
                if "-m helpers.data --into" in command:
                    # 인터넷이 없는 이 컴퓨터: 페이지가 말하는 대로 받아 온 파일을 먼저 복제본의 data/에 넣는다
                    for name in cs.DATA_FILES:
                        shutil.copy2(ROOT / "data" / name, tmp / "opt" / "dl-course" / "data" / name)
                if command.startswith("cp ") and "dl-course-hub.service" in command:
                    # 서비스 파일의 경로도 같은 임시 폴더로 옮긴다(복제본의 파일을 바꾼다)
                    unit = tmp / "opt" / "dl-course" / "classroom" / "dl-course-hub.service"
                    unit.write_text(_apply(unit.read_text(encoding="utf-8"), substitutions), encoding="utf-8")
                    (tmp / "systemd").mkdir(exist_ok=True)
                output = run(command)
                if command.startswith("node --version"):
                    assert int(output.strip().lstrip("v").split(".")[0]) >= 20, output
        assert len(ran) >= 12, ran
        # 5절: 아직 아무것도 내지 않은 두 학생은 "없음"으로 남는다
        summary = tmp / "srv" / "dl-course" / "collected" / "week03" / "summary.csv"
        rows = list(csv.DictReader(summary.open(encoding="utf-8-sig")))
        assert sorted((r["학생"], r["상태"]) for r in rows) == [(f"{PREFIX}01", "없음"), (f"{PREFIX}02", "없음")], rows

        # 1절이 만든 것
        assert (tmp / "opt" / "dl-course" / ".venv" / "bin" / "jupyterhub-singleuser").exists()
        data = tmp / "srv" / "dl-course" / "data"
        assert sorted(p.name for p in data.iterdir()) == sorted(cs.DATA_FILES)
        assert data.stat().st_mode & 0o777 == 0o755 and all(p.stat().st_mode & 0o777 == 0o644 for p in data.iterdir())
        assert (tmp / "npm" / "bin" / "configurable-http-proxy").exists()
        # 2절이 만든 것: 학생 둘(그룹, 홈 0700), root만 읽는 비밀번호 파일, root만 읽는 허브 설정
        passwords = dict(csv.reader((tmp / "passwords.csv").open(encoding="utf-8")))
        assert sorted(passwords) == [f"{PREFIX}01", f"{PREFIX}02"]
        assert (tmp / "passwords.csv").stat().st_mode & 0o777 == 0o600
        assert (tmp / "etc" / "dl-course" / "hub.env").stat().st_mode & 0o777 == 0o600
        import grp
        import pwd

        assert set(grp.getgrnam(GROUP).gr_mem) == set(passwords)
        assert all(Path(pwd.getpwnam(name).pw_dir).stat().st_mode & 0o777 == 0o700 for name in passwords)

        # 서비스 파일 그대로 허브를 띄운다(systemctl enable --now 대신)
        unit = _unit(tmp / "systemd" / "dl-course-hub.service")
        service_env = dict(os.environ)
        service_env.pop("VIRTUAL_ENV", None)
        for line in unit["Environment"]:
            name, value = line.split("=", 1)
            service_env[name] = value
        for line in Path(unit["EnvironmentFile"][0]).read_text(encoding="utf-8").splitlines():
            if "=" in line:
                name, value = line.split("=", 1)
                service_env[name] = value
        # 같은 컴퓨터에서 다른 테스트와 부딪히지 않도록 허브 내부 포트와 프록시 API 포트만 빈 포트로 준다
        extra = tmp / "ports.py"
        extra.write_text(
            f"c.JupyterHub.hub_port = {cs._free_port()}\n"
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{cs._free_port()}'\n",
            encoding="utf-8",
        )
        service_env["COURSE_HUB_EXTRA_CONFIG"] = str(extra)
        log = (tmp / "hub.log").open("wb")
        hub = subprocess.Popen(unit["ExecStart"][0].split(), cwd=unit["WorkingDirectory"][0], env=service_env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        url = f"https://127.0.0.1:{port}"
        previous = os.environ.get("REQUESTS_CA_BUNDLE")
        os.environ["REQUESTS_CA_BUNDLE"] = str(cert)
        try:
            cs._wait_for(lambda: cs.requests.get(f"{url}/hub/login", timeout=2).ok, 90, "허브가 뜨지 않습니다", tmp / "hub.log")
            student = f"{PREFIX}01"
            session = cs.form_login(url, student, passwords[student])
            assert session is not None, "add_students.py가 만든 비밀번호로 로그인하지 못했습니다"
            # 로그인한 학생의 브라우저가 가는 곳(/hub/spawn)이 학생 서버를 띄운다
            session.get(f"{url}/hub/spawn", timeout=120)

            def lab_open() -> bool:
                # 브라우저처럼 JupyterLab 페이지를 연다(허브의 OAuth를 거쳐 학생 서버의 쿠키를 받는다)
                reply = session.get(f"{url}/user/{student}/lab", timeout=30)
                return reply.ok and reply.url.startswith(f"{url}/user/{student}/lab")

            cs._wait_for(lab_open, 120, "학생 서버가 뜨지 않습니다", tmp / "hub.log")
            status = session.get(f"{url}/user/{student}/api/contents", timeout=30)
            assert status.ok, status.status_code
            teacher = cs.form_login(url, TEACHER, teacher_password)
            assert teacher is not None and teacher.get(f"{url}/hub/admin", timeout=30).status_code == 200
            assert cs.form_login(url, f"{PREFIX}02", "틀린 비밀번호") is None
        finally:
            cs.stop_process_group(hub)
            log.close()
            if previous is None:
                os.environ.pop("REQUESTS_CA_BUNDLE", None)
            else:
                os.environ["REQUESTS_CA_BUNDLE"] = previous
        (ROOT / "_build").mkdir(exist_ok=True)
        (ROOT / "_build" / "classroom_page_timings.txt").write_text(
            "\n".join(f"{seconds:7.1f}s  {command}" for command, seconds in timings.items()) + "\n", encoding="utf-8"
        )
