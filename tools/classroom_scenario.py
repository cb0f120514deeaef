"""강의실 시나리오: 127.0.0.1에 진짜 JupyterHub를 띄우고, 학생 N명이 동시에 강의를 듣는다.

tests/test_classroom.py와 tools/measure_classroom.py가 함께 쓴다. root로 실행해야 한다(학생마다 진짜 시스템 계정).

1. 학생 계정(student1…N)을 만들고(홈 폴더 700), 데이터를 한 번만 읽기 전용 폴더에 둔다.
2. 강의 저장소(git)를 만들고 classroom/jupyterhub_config.py로 허브를 띄운다(configurable-http-proxy 포함).
3. 학생마다 PAM으로 로그인하고, 서버를 띄우고(시간을 잰다), nbgitpuller로 강의를 받는다.
4. 학생 한 명이 혼자 01 노트북을 처음부터 끝까지 실행한 시간을 재고, 이어서 N명이 동시에 실행한다.
5. 다른 학생의 파일과 공유 데이터를 읽고 쓰려 해 보고, 한 학생의 커널을 죽여도 다른 학생은 끝까지 가는지 본다.
6. 강사가 강의를 고친 뒤 학생이 다시 받아도 학생이 고친 노트북이 그대로인지 본다.
7. 학생마다 자기 세션(쿠키)으로 연 커널에서 연습 문제를 풀고(각본은 :data:`PROGRESS_PLANS`), 강사가 root로
   classroom/progress_report.py를 실행해 학생들의 기록을 모은다.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
LESSON = "01_neuron.ipynb"
DATA_FILES = (
    "cereal.csv", "ThoraricSurgery.csv", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
)  # fmt: skip


@dataclass
class Classroom:
    """띄운 허브와 학생들. 측정값은 ``measurements``에 모인다."""

    base: Path
    url: str
    token: str
    students: list[str]
    passwords: dict[str, str]
    repo: Path
    data_dir: Path
    hub: subprocess.Popen[bytes]
    measurements: dict[str, Any] = field(default_factory=dict)
    extra_accounts: list[str] = field(default_factory=list)  # 테스트 중에 더 만든 계정(끝나면 지운다)

    @property
    def api(self) -> str:
        return f"{self.url}/hub/api"

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}


def _run(*command: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def find_proxy() -> str | None:
    """configurable-http-proxy 실행 파일: PATH 또는 _build/node(.ci/run이 npm으로 설치)."""
    local = ROOT / "_build" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
    return shutil.which("configurable-http-proxy") or (str(local) if local.exists() else None)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


GROUP = "dlclass-test"  # 테스트 동안만 있는 학생 그룹(classroom/README.md의 dl-students에 해당)
TEACHER = "dlteacher"  # 테스트 동안만 있는 강사(관리자) 계정: 학생 그룹에는 없다


def missing_for_a_real_classroom() -> list[str]:
    """실제 계정과 데이터로 강의실을 띄우는 테스트에 없는 것(root 권한, data/의 데이터 파일)."""
    missing = []
    if os.geteuid() != 0:
        missing.append("root 권한(학생마다 시스템 계정을 만든다)")
    if not all((ROOT / "data" / name).exists() for name in DATA_FILES):
        missing.append("data/의 데이터 파일")
    return missing


def skip_or_fail(missing: list[str], what: str) -> None:
    """없는 것이 있으면 이 컴퓨터에서는 까닭을 적고 건너뛰고, CI(CI=true)에서는 실패한다(.ci/run이 모두 갖춘다)."""
    if not missing:
        return
    import pytest

    reason = f"건너뜁니다({what}). 없는 것: {', '.join(missing)}"
    if os.environ.get("CI") == "true":
        pytest.fail("CI에서는 반드시 실행합니다. " + reason)
    pytest.skip(reason)


def make_account(name: str, *, student: bool = True, group: str = GROUP) -> str:
    """시스템 계정을 만들고(홈 0700) 비밀번호를 돌려준다. 학생이면 학생 그룹에 넣는다."""
    with contextlib.suppress(subprocess.CalledProcessError):
        _run("userdel", "-r", name)
    _run("useradd", "--create-home", "--shell", "/bin/bash", *(["-G", group] if student else []), name)
    Path(pwd.getpwnam(name).pw_dir).chmod(0o700)  # 다른 학생이 들어올 수 없다
    password = secrets.token_urlsafe(12)
    _run("chpasswd", input=f"{name}:{password}\n")
    return password


def remove_account(name: str) -> None:
    """계정과 홈 폴더를 지운다. 그 계정의 프로세스(학생 서버, 커널)가 모두 끝난 뒤에 지운다.

    pkill은 신호만 보내고 돌아오므로, 프로세스가 남아 있는 동안 userdel이 "사용 중"으로 실패해 계정이 다음 실행까지
    남는 일이 있었다(다음 테스트에서 add_students.py가 그 계정을 '이미 있음'으로 보았다)."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return
    deadline = time.monotonic() + 20
    while subprocess.run(["pgrep", "-u", name], capture_output=True).returncode == 0 and time.monotonic() < deadline:
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
        time.sleep(0.2)
    subprocess.run(["userdel", "-r", name], capture_output=True)
    with contextlib.suppress(KeyError):
        pwd.getpwnam(name)
        raise RuntimeError(f"테스트 계정을 지우지 못했습니다: {name}")


def _make_students(n: int, prefix: str, group: str) -> dict[str, str]:
    subprocess.run(["groupdel", group], capture_output=True)
    _run("groupadd", group)
    return {f"{prefix}{i}": make_account(f"{prefix}{i}", group=group) for i in range(1, n + 1)}


def _make_repo(base: Path) -> Path:
    """강의 저장소(강사의 git 저장소 흉내): 노트북 폴더. 학생은 nbgitpuller로 여기서 받는다."""
    work = base / "instructor"
    (work / "notebooks").mkdir(parents=True)
    for path in sorted((ROOT / "notebooks").glob("0[0-7]_*.ipynb")):
        shutil.copy2(path, work / "notebooks" / path.name)
    git = ["git", "-C", str(work), "-c", "user.name=강사", "-c", "user.email=instructor@example.invalid"]
    _run("git", "init", "-q", "-b", "main", str(work))
    _run(*git, "add", ".")
    _run(*git, "commit", "-q", "-m", "강의 자료")
    bare = base / "course.git"
    _run("git", "clone", "-q", "--bare", str(work), str(bare))
    for path in [base, bare, *bare.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o055)  # 학생이 읽을 수 있게
    return bare


def _instructor_update(base: Path, bare: Path) -> None:
    """강사가 01과 02를 고쳐 올린다."""
    work = base / "instructor"
    git = ["git", "-C", str(work), "-c", "user.name=강사", "-c", "user.email=instructor@example.invalid"]
    for name in ("01_neuron.ipynb", "02_perceptron_activation.ipynb"):
        nb = json.loads((work / "notebooks" / name).read_text(encoding="utf-8"))
        nb["cells"].append({"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {}, "source": ["강사의 수정"]})
        (work / "notebooks" / name).write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _run(*git, "commit", "-q", "-am", "강사의 수정")
    _run(*git, "push", "-q", str(bare), "main")
    for path in bare.rglob("*"):
        path.chmod(path.stat().st_mode | 0o044 | (0o011 if path.is_dir() else 0))


@contextlib.contextmanager
def classroom(
    n_students: int = 5, prefix: str = "dlstudent", group: str = GROUP, env: dict[str, str] | None = None
) -> Iterator[Classroom]:
    """허브를 띄우고 학생 계정(``prefix``1, 2, …, 그룹 ``group``)을 만든다. ``env``는 허브 설정의 환경 변수에 더한다.

    끝나면 허브, 학생 서버, 계정, 폴더를 모두 지운다."""
    proxy = find_proxy()
    if proxy is None:
        raise RuntimeError("configurable-http-proxy가 없습니다: npm install configurable-http-proxy")
    base = Path(tempfile.mkdtemp(prefix="dl-classroom-"))
    base.chmod(0o755)
    passwords = _make_students(n_students, prefix, group)
    data_dir = base / "data"
    data_dir.mkdir()
    for name in DATA_FILES:
        shutil.copy2(ROOT / "data" / name, data_dir / name)
        (data_dir / name).chmod(0o644)
    data_dir.chmod(0o755)  # root의 폴더: 학생은 읽기만 한다
    repo = _make_repo(base)
    state = base / "hub"
    state.mkdir(mode=0o700)
    cert, key = _self_signed_certificate(base)
    token = secrets.token_hex(32)
    gitconfig = base / "gitconfig"
    gitconfig.write_text(f"[safe]\n\tdirectory = {repo}\n", encoding="utf-8")
    gitconfig.chmod(0o644)
    extra = base / "test_config.py"
    extra.write_text(
        # 설정이 이미 넣은 서비스(쉬는 서버를 멈추는 idle-culler)에 테스트용 서비스를 더한다(append는 합쳐진다)
        f"c.JupyterHub.services.append({{'name': 'classroom-test', 'api_token': {token!r}}})\n"
        "c.JupyterHub.load_roles.append({'name': 'classroom-test', 'services': ['classroom-test'],\n"
        "  'scopes': ['admin:users', 'admin:servers', 'access:servers', 'list:users', 'read:users']})\n"
        "c.Spawner.args.append('--ServerApp.terminals_enabled=False')\n"
        # 테스트용 강의 저장소는 root 소유의 로컬 폴더다: 학생 계정의 git이 믿도록 한다(실제 수업은 https 저장소).
        f"c.Spawner.environment.update({{'GIT_CONFIG_GLOBAL': {str(gitconfig)!r}}})\n",
        encoding="utf-8",
    )
    port = _free_port()
    env = {
        **os.environ,
        "COURSE_VENV": str(Path(sys.executable).parent.parent),
        "COURSE_DATA_DIR": str(data_dir),
        "COURSE_STATE_DIR": str(state),
        "COURSE_HUB_PORT": str(port),
        "COURSE_CHP": proxy,
        "COURSE_STUDENT_GROUP": group,
        "COURSE_ADMINS": TEACHER,
        "COURSE_HUB_EXTRA_CONFIG": str(extra),
        "COURSE_SSL_CERT": str(cert),
        "COURSE_SSL_KEY": str(key),
        "CONFIGPROXY_API_PORT": str(_free_port()),
        **(env or {}),
    }
    log = (base / "hub.log").open("wb")
    hub = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(ROOT / "classroom" / "jupyterhub_config.py"),
         f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{env['CONFIGPROXY_API_PORT']}",
         f"--JupyterHub.hub_port={_free_port()}"],
        cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    room = Classroom(base, f"https://127.0.0.1:{port}", token, list(passwords), passwords, repo, data_dir, hub)
    # 테스트가 여는 모든 HTTPS 연결(requests)은 이 자체 서명 인증서를 믿는다. 인증서 검사는 끄지 않는다.
    previous_bundle = os.environ.get("REQUESTS_CA_BUNDLE")
    os.environ["REQUESTS_CA_BUNDLE"] = str(cert)
    reachable = python_reachable_by_students()
    reachable.__enter__()
    try:
        _wait_for(lambda: requests.get(f"{room.api}/", timeout=2).ok, 60, "허브가 뜨지 않습니다", base / "hub.log")
        yield room
    finally:
        for name in room.students:
            with contextlib.suppress(Exception):
                requests.delete(f"{room.api}/users/{name}/server", headers=room.headers(), timeout=30)
        stop_process_group(hub)
        log.close()
        for name in [*room.students, *room.extra_accounts]:
            remove_account(name)
        subprocess.run(["groupdel", group], capture_output=True)
        reachable.__exit__(None, None, None)
        if previous_bundle is None:
            os.environ.pop("REQUESTS_CA_BUNDLE", None)
        else:
            os.environ["REQUESTS_CA_BUNDLE"] = previous_bundle
        if os.environ.get("KEEP_CLASSROOM") != "1":  # 문제를 살펴보려면 KEEP_CLASSROOM=1
            shutil.rmtree(base, ignore_errors=True)


def stop_process_group(process: subprocess.Popen[bytes]) -> None:
    """``start_new_session=True``로 띄운 허브와 그 자식(프록시, 학생 서버)을 멈춘다: TERM, 20초 뒤 KILL."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _self_signed_certificate(base: Path) -> tuple[Path, Path]:
    """127.0.0.1용 자체 서명 인증서(테스트용). 실제 수업은 Let's Encrypt 인증서를 쓴다(classroom/README.md)."""
    cert, key = base / "hub-cert.pem", base / "hub-key.pem"
    _run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert))  # fmt: skip
    key.chmod(0o600)
    return cert, key


@contextlib.contextmanager
def python_reachable_by_students() -> Iterator[None]:
    """학생 계정이 강의용 파이썬을 실행할 수 있게 한다.

    실제 강의 서버에서는 가상환경을 /opt 같은 공용 폴더에 만든다(classroom/README.md). 개발 컴퓨터나 CI에서는
    가상환경의 파이썬이 root의 홈 폴더(pyenv) 아래에 있을 수 있어, 시나리오 동안만 그 경로의 폴더들에
    '지나가기'(x) 권한을 더하고 끝나면 되돌린다(목록 보기 권한은 주지 않는다)."""
    target = Path(os.path.realpath(sys.executable))
    changed: list[tuple[Path, int]] = []
    for folder in reversed(target.parents):
        mode = folder.stat().st_mode
        if not mode & 0o001:
            changed.append((folder, mode))
            folder.chmod(mode | 0o001)
    try:
        yield
    finally:
        for folder, mode in changed:
            folder.chmod(mode & 0o7777)


def _wait_for(check: Any, seconds: float, message: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.3)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise RuntimeError(f"{message}\n{tail}")


def login(room: Classroom, name: str) -> bool:
    """학생이 로그인 화면에서 자기 계정과 비밀번호로 들어간다(PAM)."""
    return login_with_password(room, name, room.passwords[name])


def login_with_password(room: Classroom, name: str, password: str) -> bool:
    return login_session(room, name, password) is not None


def login_session(room: Classroom, name: str, password: str | None = None) -> requests.Session | None:
    """로그인 화면의 양식으로 로그인한 브라우저 세션(쿠키). 실패하면 ``None``."""
    password = room.passwords[name] if password is None else password
    return form_login(room.url, name, password)


def post_form(session: requests.Session, url: str, page: str, fields: dict[str, str]) -> requests.Response:
    """허브의 양식 페이지(login, signup 등)를 열어 XSRF 값을 받고 양식을 보낸다(브라우저가 하는 그대로)."""
    text = session.get(f"{url}/hub/{page}", timeout=10).text
    xsrf = session.cookies.get("_xsrf") or re.search(r'name="_xsrf" value="([^"]+)"', text).group(1)
    return session.post(f"{url}/hub/{page}", data={**fields, "_xsrf": xsrf}, allow_redirects=False, timeout=30)


def form_login(url: str, name: str, password: str) -> requests.Session | None:
    """``url``의 허브에 로그인 양식으로 들어간 세션. 실패하면 ``None``."""
    session = requests.Session()
    reply = post_form(session, url, "login", {"username": name, "password": password})
    ok = reply.status_code == 302 and "jupyterhub-session-id" in session.cookies
    return session if ok else None


# 다른 학생의 커널 IOPub 채널을 구독해 보는 작은 프로그램(학생 계정으로 실행한다).
_IOPUB_PROBE = """
import sys, time, zmq
print("started", flush=True)
socket = zmq.Context().socket(zmq.SUB)
socket.setsockopt(zmq.SUBSCRIBE, b"")
socket.setsockopt(zmq.LINGER, 0)
try:
    socket.connect(sys.argv[1])
except zmq.ZMQError as err:
    print("refused", 0, False)
    sys.exit(0)
seen = []
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    if socket.poll(200):
        seen.append(b"".join(socket.recv_multipart()))
print("listened", len(seen), any(b"%s" in part for part in seen))
"""


def iopub_endpoint(owner: str, kernel_id: str) -> str:
    """학생(owner)의 커널 IOPub 채널 주소. root만 읽을 수 있는 연결 파일에서 읽는다."""
    home = Path(pwd.getpwnam(owner).pw_dir)
    info = json.loads((home / ".local/share/jupyter/runtime" / f"kernel-{kernel_id}.json").read_text())
    if info["transport"] == "ipc":
        return f"ipc://{info['ip']}-{info['iopub_port']}"
    return f"tcp://{info['ip']}:{info['iopub_port']}"


def eavesdrop(room: Classroom, owner: str, kernel_id: str, as_user: str | None) -> tuple[int, bool]:
    """``as_user`` 계정(None이면 root)이 owner의 커널 IOPub를 구독하는 동안 owner가 비밀을 출력한다.

    (받은 메시지 수, 비밀을 보았는가)를 돌려준다. 엿보는 프로그램이 돌지 못했으면(파이썬·zmq를 못 찾는 등)
    예외를 낸다: '못 봤다'가 '실행조차 안 됐다'로 잘못 통과하지 않게."""
    secret = f"secret-{secrets.token_hex(4)}"
    code = _IOPUB_PROBE.replace("%s", secret)
    account = pwd.getpwnam(as_user) if as_user else None
    probe = subprocess.Popen(
        [sys.executable, "-c", code, iopub_endpoint(owner, kernel_id), "8"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd="/tmp",
        user=account.pw_uid if account else None, group=account.pw_gid if account else None,
        extra_groups=[] if account else None,
        env={"PATH": "/usr/bin:/bin", "HOME": account.pw_dir if account else "/root"},
    )  # fmt: skip
    time.sleep(2)
    errors = asyncio.run(_execute(room, owner, kernel_id, [f"for _ in range(5): print({secret!r})"]))
    assert errors == [], errors
    out, err = probe.communicate(timeout=30)
    lines = out.split("\n")
    if lines[0] != "started" or len(lines) < 2 or not lines[1]:
        raise RuntimeError(f"엿보기 테스트 프로그램이 돌지 않았습니다: {out!r} {err[-1000:]!r}")
    _outcome, count, saw = lines[1].split()
    return int(count), saw == "True"


def start_server(room: Classroom, name: str) -> float:
    """학생의 서버를 띄우고 준비될 때까지의 시간(초)."""
    start = time.perf_counter()
    reply = requests.post(f"{room.api}/users/{name}/server", headers=room.headers(), timeout=30)
    assert reply.status_code in (201, 202), reply.text

    def ready() -> bool:
        user = requests.get(f"{room.api}/users/{name}", headers=room.headers(), timeout=10).json()
        server = user.get("servers", {}).get("", {})
        return bool(server.get("ready"))

    _wait_for(ready, 180, f"{name}의 서버가 뜨지 않습니다", room.base / "hub.log")
    return time.perf_counter() - start


def pull_course(room: Classroom, name: str) -> str:
    """nbgitpuller 링크로 강의를 받는다(링크가 여는 페이지가 부르는 것과 같은 API). 마지막 상태 줄을 돌려준다."""
    query = urllib.parse.urlencode({"repo": str(room.repo), "branch": "main", "targetpath": "dl-course"})
    reply = requests.get(f"{room.url}/user/{name}/git-pull/api?{query}", headers=room.headers(), stream=True, timeout=120)
    reply.raise_for_status()
    last = ""
    for line in reply.iter_lines(decode_unicode=True):
        if line and line.startswith("data:"):
            event = json.loads(line[5:])
            last = event.get("phase", last)
            if event.get("phase") == "error":
                raise RuntimeError(f"{name}: nbgitpuller 오류: {event}")
    return last


def link(room: Classroom, notebook: str = LESSON) -> str:
    """학생에게 나눠 줄 nbgitpuller 링크: classroom/README.md 3절의 꼴 그대로(자리 표시만 채운다)."""
    page = (ROOT / "classroom" / "README.md").read_text(encoding="utf-8")
    template = re.search(r"^https://<허브 도메인>/hub/user-redirect/git-pull\?[^\n]+$", page, flags=re.M)
    assert template is not None, "classroom/README.md 3절에 nbgitpuller 링크의 형식이 없습니다"
    return (
        template[0]
        .replace("https://<허브 도메인>", room.url)
        .replace("<인코딩한 강의 저장소 주소>", urllib.parse.quote(str(room.repo), safe=""))
        .replace(LESSON, notebook)
    )


async def _execute(
    room: Classroom, name: str, kernel_id: str, codes: list[str], timeout: float = 600,
    session: requests.Session | None = None,
) -> list[str]:
    """커널에서 코드 셀을 차례로 실행한다(JupyterLab이 쓰는 웹소켓 채널). 오류가 난 셀의 메시지 목록.

    ``session``을 주면 관리자 토큰 대신 그 학생의 로그인 쿠키로 연결한다(브라우저의 JupyterLab처럼)."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = room.url.replace("https://", "wss://").replace("http://", "ws://") + f"/user/{name}/api/kernels/{kernel_id}/channels"
    headers = room.headers() if session is None else {"Cookie": _cookie_header(session, url)}
    request = HTTPRequest(url, headers=headers, ca_certs=os.environ.get("REQUESTS_CA_BUNDLE"), validate_cert=True)
    connection = await websocket_connect(request, max_message_size=64 * 2**20)
    errors: list[str] = []
    try:
        for code in codes:
            msg_id = uuid.uuid4().hex
            await connection.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": name, "session": msg_id,
                           "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True},
            }))  # fmt: skip
            while True:
                raw = await asyncio.wait_for(connection.read_message(), timeout)
                if raw is None:
                    raise RuntimeError(f"{name}: 커널 연결이 끊겼습니다")
                message = json.loads(raw)
                if message["msg_type"] == "status" and message["content"].get("execution_state") in ("restarting", "dead"):
                    raise RuntimeError(f"{name}: 커널이 죽었습니다")
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if message["msg_type"] == "error":
                    errors.append(f"{message['content']['ename']}: {message['content']['evalue']}")
                if message["msg_type"] == "execute_reply":
                    break
            if errors:
                break
    finally:
        connection.close()
    return errors


def new_kernel(room: Classroom, name: str, cwd: str = "dl-course/notebooks") -> str:
    reply = requests.post(
        f"{room.url}/user/{name}/api/kernels", headers=room.headers(), json={"name": "python3", "path": cwd}, timeout=60
    )
    reply.raise_for_status()
    return reply.json()["id"]


def _cookie_header(session: requests.Session, url: str) -> str:
    """브라우저가 ``url``에 보낼 Cookie 머리글(경로가 맞는 쿠키만)."""
    prepared = session.prepare_request(requests.Request("GET", url.replace("wss://", "https://").replace("ws://", "http://")))
    return prepared.headers.get("Cookie", "")


def student_session(room: Classroom, name: str) -> requests.Session:
    """학생이 로그인 화면에서 로그인하고 자기 JupyterLab을 연 브라우저 세션(쿠키만, 관리자 토큰 없이).

    JupyterLab 주소를 열면 허브의 OAuth를 거쳐 학생 서버의 쿠키와 XSRF 쿠키(_xsrf)를 받는다."""
    session = login_session(room, name)
    assert session is not None, f"{name}: 로그인하지 못했습니다"
    lab = session.get(f"{room.url}/user/{name}/lab", timeout=60)
    assert lab.status_code == 200 and lab.url.startswith(f"{room.url}/user/{name}/"), (lab.status_code, lab.url)
    return session


def _xsrf(session: requests.Session, name: str) -> dict[str, str]:
    """학생 서버에 보내는 POST·DELETE에 JupyterLab이 붙이는 XSRF 머리글."""
    token = next((c.value for c in session.cookies if c.name == "_xsrf" and c.path.startswith(f"/user/{name}")), None)
    assert token is not None, f"{name}: 학생 서버가 XSRF 쿠키를 주지 않았습니다"
    return {"X-XSRFToken": token}


def new_kernel_as_student(room: Classroom, session: requests.Session, name: str, cwd: str = "dl-course/notebooks") -> str:
    """학생 자신의 세션으로 커널을 연다(JupyterLab이 노트북을 열 때처럼)."""
    reply = session.post(f"{room.url}/user/{name}/api/kernels", json={"name": "python3", "path": cwd},
                         headers=_xsrf(session, name), timeout=60)  # fmt: skip
    reply.raise_for_status()
    return reply.json()["id"]


def shutdown_kernel_as_student(room: Classroom, session: requests.Session, name: str, kernel_id: str) -> None:
    """학생 자신의 세션으로 커널을 끈다(메모리를 돌려준다)."""
    session.delete(f"{room.url}/user/{name}/api/kernels/{kernel_id}", headers=_xsrf(session, name), timeout=60)


# 학생마다 자기 커널에서 01의 연습 문제를 푸는 각본: (동작, 문제, 맞는 답인가). 동작이 check일 때 None은 빈칸으로 채점한다
# (…, 본문이 …인 함수). 학생마다 다르고, 반복 시도, 힌트와 풀이 보기, 빈칸 채점이 섞여 있다.
PROGRESS_PLANS: list[list[tuple[str, str, bool | None]]] = [
    [("check", "q1", True), ("check", "q2", False), ("hint", "q2", None), ("check", "q2", True), ("check", "code1", True)],
    [("check", "q1", False), ("check", "q1", False), ("hint", "q1", None), ("solution", "q1", None), ("check", "q1", True),
     ("check", "q4", False), ("check", "q4", None)],
    [("check", "q2", False), ("check", "q2", False), ("check", "q2", False), ("hint", "q2", None), ("check", "q4", True),
     ("check", "code1", None)],
    [("check", "q1", True), ("check", "q2", False), ("hint", "q2", None), ("hint", "q2", None), ("check", "code1", False),
     ("solution", "code1", None), ("check", "code1", True)],
    [("check", "q2", False), ("check", "q2", False), ("solution", "q2", None), ("check", "q4", True), ("check", "code1", False)],
]  # fmt: skip
# 문제마다 (맞는 답, 틀린 답): helpers/exercises/lesson01.py의 정답 예시와 흔한 오답 가운데 하나.
PROGRESS_ANSWERS = {
    "q1": ("120", "102.5"), "q2": ("108.2", "33.8"), "q4": ("0.5", "1.0"),
    "code1": ("lambda x, w, b: np.dot(w, x) + b", "lambda x, w, b: np.dot(w, x)"),
}  # fmt: skip


def progress_code(plan: list[tuple[str, str, bool | None]]) -> list[str]:
    """각본을 학생이 노트북에서 실행할 셀들로 바꾼다(노트북과 같은 ``ex.q1.check(답)`` 꼴)."""
    cells = ["import numpy as np\nfrom helpers.exercises import lesson01 as ex\n\n\ndef neuron_output(x, w, b):\n    ..."]
    for action, question, right in plan:
        if action != "check":
            cells.append(f"ex.{question}.{action}()")
        elif right is None:
            cells.append(f"ex.{question}.check({'neuron_output' if question.startswith('code') else '...'})")
        else:
            cells.append(f"ex.{question}.check({PROGRESS_ANSWERS[question][0 if right else 1]})")
    return cells


def run_progress_report(room: Classroom, name: str = "class") -> tuple[subprocess.CompletedProcess[str], Path]:
    """강사가 root로 classroom/progress_report.py를 실행한다(학생 그룹의 실제 홈 폴더). (실행 결과, 보고서 폴더)."""
    dest = room.base / "progress"
    result = subprocess.run(
        [sys.executable, str(ROOT / "classroom" / "progress_report.py"), "--group", GROUP, "--dest", str(dest), "--name", name],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return result, dest / name


def lesson_code(room: Classroom, name: str, notebook: str = LESSON) -> list[str]:
    """학생의 홈 폴더에 받은 노트북의 코드 셀(학생 계정으로 읽는다)."""
    home = Path(pwd.getpwnam(name).pw_dir)
    nb = json.loads((home / "dl-course" / "notebooks" / notebook).read_text(encoding="utf-8"))
    codes = ["".join(cell["source"]) for cell in nb["cells"] if cell["cell_type"] == "code"]
    return ["import os; os.chdir(os.path.expanduser('~/dl-course/notebooks'))", *codes]


async def run_lesson(room: Classroom, name: str, notebook: str = LESSON) -> tuple[float, list[str]]:
    kernel = await asyncio.to_thread(new_kernel, room, name)
    start = time.perf_counter()
    errors = await _execute(room, name, kernel, lesson_code(room, name, notebook))
    return time.perf_counter() - start, errors


def memory_of(name: str) -> float:
    """학생 계정이 가진 프로세스(서버 + 커널)의 메모리 합(MB, RSS)."""
    uid = pwd.getpwnam(name).pw_uid
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            text = status.read_text()
            if re.search(rf"^Uid:\s+{uid}\s", text, flags=re.M):
                match = re.search(r"^VmRSS:\s+(\d+) kB", text, flags=re.M)
                total += int(match.group(1)) if match else 0
    return total / 1024


def kernel_pids(name: str) -> list[int]:
    uid = pwd.getpwnam(name).pw_uid
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            if b"ipykernel_launcher" in cmdline.read_bytes() and cmdline.parent.stat().st_uid == uid:
                found.append(int(cmdline.parent.name))
    return found


async def run_together(
    room: Classroom, names: list[str], notebook: str = LESSON, timeout: float = 300
) -> dict[str, tuple[float, list[str]]]:
    """학생들이 동시에 노트북(기본 01) 전체를 실행한다. 학생마다 (걸린 시간, 오류)."""
    results = await asyncio.gather(*(asyncio.wait_for(run_lesson(room, name, notebook), timeout) for name in names))
    return dict(zip(names, results, strict=True))


def kernels_of(room: Classroom, name: str) -> list[str]:
    """학생 서버에서 돌고 있는 커널의 id들."""
    reply = requests.get(f"{room.url}/user/{name}/api/kernels", headers=room.headers(), timeout=30)
    reply.raise_for_status()
    return [kernel["id"] for kernel in reply.json()]


def shutdown_kernels(room: Classroom, name: str) -> None:
    """학생의 커널을 모두 끈다(서버는 그대로)."""
    for kernel in kernels_of(room, name):
        requests.delete(f"{room.url}/user/{name}/api/kernels/{kernel}", headers=room.headers(), timeout=60)


def _spki_hash(cert: Path) -> str:
    """인증서 공개 키의 SPKI sha256(base64): Chromium이 이 인증서 하나만 믿게 한다(인증서 검사를 끄지 않는다)."""
    public = _run("openssl", "x509", "-in", str(cert), "-pubkey", "-noout").stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=public.encode(), capture_output=True, check=True).stdout
    import base64
    import hashlib

    return base64.b64encode(hashlib.sha256(der).digest()).decode()


@contextlib.contextmanager
def chromium(room: Classroom) -> Iterator[Any]:
    """헤드리스 Chromium(Debian의 chromium, chromium-driver). 허브의 자체 서명 인증서 하나만 믿는다."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="dl-chromium-")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--lang=ko-KR",
                     f"--user-data-dir={profile}",
                     f"--ignore-certificate-errors-spki-list={_spki_hash(room.base / 'hub-cert.pem')}"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _browser_wait(driver: Any, script: str, seconds: float, message: str) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        value = driver.execute_script(script)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{message} (현재 주소: {driver.current_url})")
        time.sleep(0.5)


def student_runs_lesson_in_browser(room: Classroom, name: str, handed_out_link: str, code_cells: int) -> dict[str, Any]:
    """학생이 하듯: 나눠 받은 링크를 열고, 로그인 화면에서 로그인하고, 열린 노트북에서 메뉴의 '모든 셀 실행'을 누른다.

    관리자 토큰을 쓰지 않는다(브라우저의 쿠키만). ``code_cells``는 노트북의 코드 셀 수: JupyterLab은 화면 밖의 셀을
    나중에 그리므로, 그 수만큼의 셀에 실행 번호가 붙어야 끝난 것으로 본다.
    돌려주는 값: 연 노트북 주소, 실행 번호가 붙은 코드 셀 수, 오류 출력, 메뉴 막대의 이름들."""
    with chromium(room) as driver:
        driver.get(handed_out_link)
        _browser_wait(driver, "return document.querySelector('#username_input')", 60, "로그인 화면이 나오지 않았습니다")
        driver.find_element("id", "username_input").send_keys(name)
        driver.find_element("id", "password_input").send_keys(room.passwords[name])
        driver.find_element("id", "login_submit").click()
        # 로그인 → 서버 시작 → nbgitpuller가 강의를 받고 → JupyterLab이 노트북을 연다
        _browser_wait(driver, "return document.querySelectorAll('.jp-Notebook .jp-CodeCell').length > 0", 240,
                      "JupyterLab에서 노트북이 열리지 않았습니다")  # fmt: skip
        opened = driver.current_url
        _browser_wait(driver, "return document.querySelector('.jp-Notebook-ExecutionIndicator[data-status=\"idle\"]')", 120,
                      "커널이 준비되지 않았습니다")  # fmt: skip
        menu = driver.execute_script(
            "return [...document.querySelectorAll('.lm-MenuBar-item')].map(i => i.textContent.trim())"
        )
        # 실행 메뉴에서 '모든 셀 실행'(runmenu:run-all)을 찾아 누른다(메뉴 이름은 인터페이스 언어에 따라 다르다)
        clicked = False
        for item in driver.find_elements("css selector", ".lm-MenuBar-item"):
            item.click()
            time.sleep(0.3)
            targets = driver.find_elements("css selector", ".lm-Menu li[data-command='runmenu:run-all']")
            if targets:
                targets[0].click()
                clicked = True
                break
            item.click()
        assert clicked, "메뉴에서 '모든 셀 실행'을 찾지 못했습니다"
        done = (
            "const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')].map(p => p.textContent);"
            f"return prompts.length >= {code_cells} && prompts.every(t => /\\[\\d+\\]/.test(t)) ? prompts.length : 0"
        )
        executed = _browser_wait(driver, done, 300, "모든 셀이 실행되지 않았습니다")
        errors = driver.execute_script(
            "return [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]')]"
            ".map(o => o.textContent.slice(0, 300))"
        )
        return {"opened": opened, "executed": executed, "stderr_outputs": errors, "menu": menu}
