"""강의실용 JupyterHub 설정: 학생마다 자기 계정과 홈 폴더, 함께 쓰는 읽기 전용 데이터, 학생별 스레드 제한.

서버 한 대에서 쓰는 설정이다(학생 수는 classroom/README.md의 표). root로 실행하며, 보통은 systemd 서비스
classroom/dl-course-hub.service가 /etc/dl-course/hub.env의 환경 변수로 띄운다(classroom/README.md 2절).

학생은 서버의 시스템 계정(PAM)으로 로그인하고, 그 계정의 권한으로 자기 홈 폴더에서 JupyterLab을 쓴다.
강의 자료는 nbgitpuller 링크로 받는다(classroom/README.md). 100명이 넘는 수업은 같은 설정을
Zero to JupyterHub(Kubernetes)로 옮긴 classroom/z2jh-values.yaml을 쓴다.

환경 변수로 바꿀 수 있는 값:
    COURSE_STUDENT_GROUP  로그인할 수 있는 학생의 Unix 그룹(기본 dl-students).
    COURSE_ADMINS      관리자(강사) 계정, 쉼표로 구분(기본 instructor).
    COURSE_VENV        학생 서버와 커널이 쓰는 파이썬 가상환경(강의 패키지 + jupyterhub, 기본 /opt/dl-course/.venv).
                       학생에게는 읽기 전용.
    COURSE_DATA_DIR    데이터 파일 여섯 개가 든 폴더(기본 /srv/dl-course/data). 한 번만 두고 모두 읽기 전용으로 함께 쓴다.
    COURSE_CHP         configurable-http-proxy 실행 파일(기본: PATH에서 찾는다).
    COURSE_STATE_DIR   허브의 데이터베이스, 쿠키 비밀값을 둘 폴더(기본 /srv/dl-course/hub).
    COURSE_HUB_IP, COURSE_HUB_PORT   허브가 접속을 받는 주소(기본 127.0.0.1:8000).
    COURSE_SSL_CERT, COURSE_SSL_KEY  HTTPS 인증서와 개인 키 파일(예: Let's Encrypt의 fullchain.pem, privkey.pem).
                       둘을 주면 허브가 직접 HTTPS로만 받는다. 127.0.0.1이 아닌 주소로 열 때는 반드시 준다.
    COURSE_SPAWNER     localprocess(기본) 또는 systemd(메모리·CPU 제한을 cgroup으로 강제, jupyterhub-systemdspawner 필요).
    COURSE_THREADS     학생 한 명의 커널이 쓰는 계산 스레드 수(기본 1).
    COURSE_MEM_LIMIT, COURSE_CPU_LIMIT   학생 한 명의 메모리와 CPU 상한(기본 4G, 1.0). systemd 스포너만 강제한다.
    COURSE_KERNEL_CULL_TIMEOUT  계산하지 않는 커널을 끄기까지의 시간(초, 기본 3600). 0이면 끄지 않는다.
    COURSE_CULL_TIMEOUT         쓰지 않는 학생 서버를 멈추기까지의 시간(초, 기본 7200, jupyterhub-idle-culler). 0이면 멈추지 않는다.
"""

from __future__ import annotations

import os
from pathlib import Path

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - JupyterHub가 설정 파일을 실행할 때 넣어 준다

venv = Path(os.environ.get("COURSE_VENV", "/opt/dl-course/.venv"))
data_dir = os.environ.get("COURSE_DATA_DIR", "/srv/dl-course/data")
state_dir = Path(os.environ.get("COURSE_STATE_DIR", "/srv/dl-course/hub"))
threads = os.environ.get("COURSE_THREADS", "1")

# --- 허브 -------------------------------------------------------------------
# 상태 폴더(데이터베이스, 쿠키 비밀값)는 root만 읽고 쓴다(폴더 0700, 데이터베이스 0600).
# 데이터베이스 파일을 허브보다 먼저 0600으로 만들어 두면 SQLite가 그 권한을 그대로 쓴다.
state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
state_dir.chmod(0o700)
(state_dir / "jupyterhub.sqlite").touch(mode=0o600)
(state_dir / "jupyterhub.sqlite").chmod(0o600)
c.JupyterHub.ip = os.environ.get("COURSE_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("COURSE_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
# HTTPS: 비밀번호가 평문으로 오가지 않게 한다. 인증서 없이 바깥 주소로 열려고 하면 시작하지 않는다.
ssl_cert, ssl_key = os.environ.get("COURSE_SSL_CERT", ""), os.environ.get("COURSE_SSL_KEY", "")
if ssl_cert and ssl_key:
    c.JupyterHub.ssl_cert = ssl_cert
    c.JupyterHub.ssl_key = ssl_key
elif c.JupyterHub.ip not in ("127.0.0.1", "localhost", "::1"):
    raise SystemExit(
        "COURSE_HUB_IP가 바깥 주소인데 COURSE_SSL_CERT와 COURSE_SSL_KEY가 없습니다. 이대로는 비밀번호가 평문으로 오갑니다. "
        "인증서를 주거나(classroom/README.md 2절) 127.0.0.1로 여세요. / Refusing to serve passwords over plain HTTP."
    )
c.JupyterHub.db_url = f"sqlite:///{state_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state_dir / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state_dir / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(state_dir / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.command = [os.environ.get("COURSE_CHP", "configurable-http-proxy")]

# --- 로그인: 서버의 시스템 계정(학생마다 계정 하나, 홈 폴더 하나) -----------------
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allow_all = False
# 학생은 Unix 그룹(COURSE_STUDENT_GROUP, 기본 dl-students)으로 정한다. 그룹에 넣으면 허브를 다시 시작하지 않아도 바로
# 로그인할 수 있고, 그룹에서 빼면 다음 로그인부터 들어오지 못한다. allow_existing_users=False: 예전에 로그인했던 사람도
# 로그인할 때마다 그룹 소속을 다시 확인한다(기본값에서는 allowed_users가 있으면 한 번 들어온 사람을 계속 들여보낸다).
c.PAMAuthenticator.allowed_groups = {os.environ.get("COURSE_STUDENT_GROUP", "dl-students")}
c.Authenticator.allow_existing_users = False
admins = {name for name in os.environ.get("COURSE_ADMINS", "instructor").split(",") if name}
c.Authenticator.admin_users = admins
c.Authenticator.allowed_users = set(admins)  # 강사(관리자)는 학생 그룹에 없어도 들어온다
# 허브를 다시 시작해도(설정을 바꿀 때) 학생 서버와 커널은 멈추지 않는다.
c.JupyterHub.cleanup_servers = False

# --- 학생 서버 -----------------------------------------------------------------
spawner = os.environ.get("COURSE_SPAWNER", "localprocess")
if spawner == "systemd":
    # 학생마다 systemd 유닛으로 띄워 cgroup으로 메모리와 CPU 사용량을 강제로 제한한다(systemd가 도는 서버).
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = False  # 학생의 시스템 계정 그대로
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.disable_user_sudo = True
else:
    # 학생의 시스템 계정 권한으로 프로세스를 띄운다(허브는 root로 실행). 메모리 상한은 강제하지 못하므로
    # 학생 수를 classroom/README.md의 표 안에서 정한다.
    c.JupyterHub.spawner_class = "localprocess"
    c.LocalProcessSpawner.shell_cmd = []

c.Spawner.cmd = [str(venv / "bin" / "jupyterhub-singleuser")]
# 학생끼리 엿보지 못하게: 커널의 채널(코드와 출력이 오가는 ZeroMQ 소켓)을 127.0.0.1의 TCP 포트가 아니라
# 학생 홈 폴더(0700) 안의 유닉스 소켓으로 연다. TCP 포트에는 같은 서버의 다른 계정도 접속할 수 있어,
# 다른 학생이 IOPub 채널을 구독하면 HMAC 키 없이도 코드와 출력을 볼 수 있다(테스트에서 확인).
c.Spawner.args = ["--KernelManager.transport=ipc"]
# 학생이 자기 홈의 ~/.jupyter 설정으로 서버 설정(인증, 확장 등)을 바꾸지 못하게 한다.
c.Spawner.disable_user_config = True
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 180
# 기본 4G: 노트북 세 개(01, 05, 07)를 실행해 둔 학생 한 명이 3.4 GB를 썼다(results/classroom.json).
c.Spawner.mem_limit = os.environ.get("COURSE_MEM_LIMIT", "4G")
c.Spawner.cpu_limit = float(os.environ.get("COURSE_CPU_LIMIT", "1.0"))
c.Spawner.environment = {
    # 데이터는 한 번만 두고 함께 쓴다. helpers의 로더가 이 폴더를 먼저 본다(읽기 전용이라 학생이 바꿀 수 없다).
    "DL_COURSE_DATA_DIR": data_dir,
    # 한 학생의 학습이 다른 학생의 CPU를 빼앗지 않도록 커널의 계산 스레드 수를 제한한다.
    "OMP_NUM_THREADS": threads,
    "OPENBLAS_NUM_THREADS": threads,
    "MKL_NUM_THREADS": threads,
    "TF_NUM_INTRAOP_THREADS": threads,
    "TF_NUM_INTEROP_THREADS": threads,
    "PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
}
# 쉬는 커널과 서버를 정리해 메모리를 돌려받는다(TensorFlow를 불러온 커널 하나가 0.9~1.9 GB를 쥐고 있다).
# 커널: 아무 계산도 하지 않은 채 COURSE_KERNEL_CULL_TIMEOUT초(기본 1시간)가 지나면, 브라우저 탭이 열려 있어도 끈다.
#       노트북 파일은 그대로이고, 학생은 셀을 처음부터 다시 실행하면 된다.
# 서버: 허브가 본 마지막 활동 뒤 COURSE_CULL_TIMEOUT초(기본 2시간)가 지나면 jupyterhub-idle-culler가 서버를 멈춘다.
#       홈 폴더의 파일은 그대로이고, 다시 로그인하면 새로 뜬다. 0이면 멈추지 않는다.
kernel_timeout = int(os.environ.get("COURSE_KERNEL_CULL_TIMEOUT", "3600"))
if kernel_timeout > 0:
    c.Spawner.args += [
        f"--MappingKernelManager.cull_idle_timeout={kernel_timeout}",
        f"--MappingKernelManager.cull_interval={min(300, max(5, kernel_timeout // 4))}",
        "--MappingKernelManager.cull_connected=True",
    ]
server_timeout = int(os.environ.get("COURSE_CULL_TIMEOUT", "7200"))
if server_timeout > 0:
    c.JupyterHub.services = [
        {
            "name": "idle-culler",
            "command": [
                str(venv / "bin" / "python"), "-m", "jupyterhub_idle_culler",
                f"--timeout={server_timeout}", f"--cull-every={min(600, max(5, server_timeout // 4))}",
            ],
        }
    ]  # fmt: skip
    c.JupyterHub.load_roles = [
        {"name": "idle-culler", "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
         "services": ["idle-culler"]},
    ]  # fmt: skip

# 테스트용 설정이나 다른 설정을 덧붙일 파일(있으면 마지막에 읽는다).
extra = os.environ.get("COURSE_HUB_EXTRA_CONFIG")
if extra:
    load_subconfig(extra)  # type: ignore[name-defined]  # noqa: F821
