"""Zero to JupyterHub 경로(classroom/z2jh-values.yaml, classroom/Dockerfile)를 이 컴퓨터에서 할 수 있는 만큼 확인한다.

- 값 파일을 차트 4.4.0의 기본값에 합치면 차트의 ``values.schema.yaml``을 통과한다(helm이 하는 검사).
- ``hub.config``와 ``hub.extraConfig``를 차트의 허브와 같은 버전(JupyterHub 5.5.0, NativeAuthenticator 1.3.0)의
  진짜 허브에 넣고 127.0.0.1에서 로그인 화면으로 확인한다: 강사와 승인된 학생만 들어오고, 아무도 강사 이름을 가로채지 못한다.
- 클러스터, helm, 이미지 빌드는 여기서 할 수 없으므로 HTTPS, 이미지(git, JupyterHub 주 버전), postStart, helm 명령은 파일로 검사한다.

차트 파일은 ``../shared/z2jh-4.4.0/``(차트 저장소에서 바꾸지 않고 옮긴 사본), 허브 가상환경은 ``.ci/run``이
``classroom/z2jh-hub-requirements.txt``로 ``_build/z2jh-hub``에 만든다.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import classroom_scenario as cs  # noqa: E402

CHART = ROOT.parent / "shared" / "z2jh-4.4.0"
VALUES = ROOT / "classroom" / "z2jh-values.yaml"
HUB_VENV = ROOT / "_build" / "z2jh-hub"
PLACEHOLDER = "<<채우세요"


def _need(path: Path, what: str) -> None:
    cs.skip_or_fail([] if path.exists() else [f"{what}: {path}"], "Zero to JupyterHub 확인")


def _merged(defaults: Any, values: Any) -> Any:
    """helm처럼 값을 기본값 위에 합친다: 사전은 키마다 합치고, 그 밖(리스트 포함)은 바꾼다."""
    if isinstance(defaults, dict) and isinstance(values, dict):
        merged = copy.deepcopy(defaults)
        for key, value in values.items():
            merged[key] = _merged(defaults.get(key), value) if key in defaults else copy.deepcopy(value)
        return merged
    return copy.deepcopy(values)


def _values() -> dict[str, Any]:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def test_values_merged_onto_the_chart_defaults_pass_the_chart_schema() -> None:
    import jsonschema

    _need(CHART / "values.schema.yaml", "z2jh 4.4.0 차트 사본")
    schema = yaml.safe_load((CHART / "values.schema.yaml").read_text(encoding="utf-8"))
    defaults = yaml.safe_load((CHART / "values.yaml").read_text(encoding="utf-8"))
    merged = _merged(defaults, _values())
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(merged), key=lambda e: list(e.path))
    assert not errors, [f"{'.'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]
    # 대조군: 스키마가 실제로 값을 검사한다(알 수 없는 키는 거절)
    broken = _merged(merged, {"proxy": {"https": {"enable": True}}})
    assert list(jsonschema.Draft7Validator(schema).iter_errors(broken))


def test_https_is_on_and_every_placeholder_is_marked() -> None:
    values = _values()
    https = values["proxy"]["https"]
    assert https["enabled"] is True and https["type"] == "letsencrypt"
    to_fill = [https["hosts"][0], https["letsencrypt"]["contactEmail"], values["singleuser"]["image"]["name"],
               values["singleuser"]["extraEnv"]["COURSE_REPO"]]  # fmt: skip
    assert all(value.startswith(PLACEHOLDER) for value in to_fill), to_fill
    text = VALUES.read_text(encoding="utf-8")
    assert "example.invalid" not in text and "<기관>" not in text  # 풀리지 않는 가짜 주소를 남기지 않는다


def test_no_password_in_the_values_file() -> None:
    env = _values()["hub"]["extraEnv"]["COURSE_INSTRUCTOR_BCRYPT"]
    assert env == {"valueFrom": {"secretKeyRef": {"name": "dl-course-instructor", "key": "bcrypt"}}}
    assert "$2b$" not in VALUES.read_text(encoding="utf-8")  # bcrypt 해시도 파일에 두지 않는다


def test_post_start_cannot_block_a_spawn() -> None:
    command = _values()["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[:2] == ["sh", "-c"]
    assert re.search(r"^timeout \d+ gitpuller ", command[2]) and command[2].rstrip().endswith("|| true"), command


def test_image_has_git_and_the_charts_jupyterhub_major_version() -> None:
    _need(CHART / "Chart.yaml", "z2jh 4.4.0 차트 사본")
    app_version = yaml.safe_load((CHART / "Chart.yaml").read_text(encoding="utf-8"))["appVersion"]
    dockerfile = (ROOT / "classroom" / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"apt-get install [^\n]*\bgit\b", dockerfile), "nbgitpuller가 부르는 git이 이미지에 없습니다"
    pinned = re.findall(r"pip install [^\n]*jupyterhub==(\d+)\.", dockerfile)
    assert pinned == [app_version.split(".")[0]], (pinned, app_version)
    hub_requirements = (ROOT / "classroom" / "z2jh-hub-requirements.txt").read_text(encoding="utf-8")
    assert f"jupyterhub=={app_version}\n" in hub_requirements


def test_the_instructor_page_gives_complete_helm_commands() -> None:
    readme = (ROOT / "classroom" / "README.md").read_text(encoding="utf-8")
    assert "helm repo add jupyterhub https://hub.jupyter.org/helm-chart/" in readme
    install = next(line.strip() for line in readme.splitlines() if line.strip().startswith("helm upgrade"))
    for part in ("--install", "jupyterhub/jupyterhub", "--version 4.4.0", "--namespace dl-course", "--create-namespace",
                 "--values classroom/z2jh-values.yaml"):  # fmt: skip
        assert part in install, part
    assert "kubectl -n dl-course create secret generic dl-course-instructor" in readme


# ---------------------------------------------------------------------------
# 값 파일의 hub.config로 띄운 진짜 허브


@contextlib.contextmanager
def _hub(instructor_password: str) -> Iterator[str]:
    """z2jh의 허브가 하듯 hub.config를 설정 절마다 넣고 hub.extraConfig를 이름 순서로 실행한 허브."""
    python = HUB_VENV / "bin" / "python"
    _need(python, "JupyterHub 5.5.0 가상환경(.ci/run이 만든다)")
    proxy = ROOT / "_build" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
    _need(proxy, "configurable-http-proxy(.ci/run이 npm으로 설치한다)")
    hashed = subprocess.run(
        [str(python), "-c", "import bcrypt, sys; print(bcrypt.hashpw(sys.stdin.read().encode(), bcrypt.gensalt()).decode())"],
        input=instructor_password, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    hub = _values()["hub"]
    state = Path(tempfile.mkdtemp(prefix="dl-z2jh-"))
    port, api_port = cs._free_port(), cs._free_port()
    config = state / "jupyterhub_config.py"
    config.write_text(
        "import json\n"
        "c = get_config()  # noqa: F821\n"
        f"for section, settings in json.loads({json.dumps(json.dumps(hub['config']))}).items():\n"
        "    c[section].update(settings)\n"
        f"for name, code in sorted(json.loads({json.dumps(json.dumps(hub['extraConfig']))}).items()):\n"
        "    exec(compile(code, f'extraConfig.{name}', 'exec'), {'c': c})\n"
        f"c.JupyterHub.ip = '127.0.0.1'\nc.JupyterHub.port = {port}\nc.JupyterHub.hub_port = {cs._free_port()}\n"
        f"c.JupyterHub.db_url = 'sqlite:///{state}/jupyterhub.sqlite'\n"
        f"c.JupyterHub.cookie_secret_file = '{state}/cookie_secret'\n"
        f"c.ConfigurableHTTPProxy.command = ['{proxy}']\n"
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{api_port}'\n",
        encoding="utf-8",
    )
    log = (state / "hub.log").open("wb")
    process = subprocess.Popen(
        [str(HUB_VENV / "bin" / "jupyterhub"), "-f", str(config)], cwd=state, stdout=log, stderr=subprocess.STDOUT,
        env={"PATH": f"{HUB_VENV / 'bin'}:/usr/bin:/bin", "HOME": str(state), "COURSE_INSTRUCTOR_BCRYPT": hashed},
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        cs._wait_for(lambda: process.poll() is None and requests.get(f"{url}/hub/api/", timeout=2).ok, 60,
                     "허브가 뜨지 않습니다", state / "hub.log")  # fmt: skip
        yield url
    finally:
        cs.stop_process_group(process)
        log.close()
        shutil.rmtree(state, ignore_errors=True)


def _login(url: str, name: str, password: str) -> requests.Session | None:
    return cs.form_login(url, name, password)


def _sign_up(url: str, name: str, password: str) -> None:
    cs.post_form(requests.Session(), url, "signup",
          {"username": name, "signup_password": password, "signup_password_confirmation": password})  # fmt: skip


def test_the_values_hub_config_logs_in_the_instructor_and_approved_students_only() -> None:
    instructor_password = secrets.token_urlsafe(16)
    with _hub(instructor_password) as url:
        # 강사는 Secret의 비밀번호로 들어오고 관리자다
        assert _login(url, "instructor", "wrong-password-0") is None
        instructor = _login(url, "instructor", instructor_password)
        assert instructor is not None, "강사가 로그인하지 못합니다"
        assert instructor.get(f"{url}/hub/admin", timeout=10).status_code == 200

        # 아무도 강사 이름으로 가입해 강사가 될 수 없다
        attacker_password = "attacker-" + secrets.token_urlsafe(12)
        _sign_up(url, "instructor", attacker_password)
        assert _login(url, "instructor", attacker_password) is None
        assert _login(url, "instructor", instructor_password) is not None

        # 학생은 가입만으로는 못 들어오고, 강사가 승인하면 들어온다
        passwords = {name: f"{name}-" + secrets.token_urlsafe(12) for name in ("student1", "student2")}
        for name, password in passwords.items():
            _sign_up(url, name, password)
            assert _login(url, name, password) is None, f"{name}: 승인 전에 로그인했습니다"
        approve = instructor.get(f"{url}/hub/authorize/student1", allow_redirects=False, timeout=10)
        assert approve.status_code == 302
        student = _login(url, "student1", passwords["student1"])
        assert student is not None, "승인된 학생이 로그인하지 못합니다"
        assert _login(url, "student2", passwords["student2"]) is None

        # 학생은 다른 학생을 승인하거나 관리 화면을 열 수 없다
        assert student.get(f"{url}/hub/authorize/student2", allow_redirects=False, timeout=10).status_code == 403
        assert _login(url, "student2", passwords["student2"]) is None
        assert student.get(f"{url}/hub/admin", timeout=10).status_code == 403


