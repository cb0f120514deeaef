"""브라우저 테스트가 함께 쓰는 것: 헤드리스 Chromium과, 새 계정처럼 띄운 강의의 JupyterLab.

Chromium은 Debian의 chromium과 chromium-driver를 selenium으로 부린다. 없으면 까닭을 적고 건너뛰지만,
CI(CI=true)에서는 반드시 실행한다(.ci/run이 설치한다).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests


def browser_or_skip() -> tuple[str, str]:
    """(chromium 경로, chromedriver 경로). 없으면 건너뛰고, CI에서는 실패한다."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    reason = "chromium과 chromium-driver가 없어 브라우저 검사를 건너뜁니다(sudo apt install chromium chromium-driver)"
    if os.environ.get("CI") == "true":
        pytest.fail("CI에서는 브라우저 검사를 반드시 실행합니다. " + reason)
    pytest.skip(reason)


def headless_chromium(*arguments: str, logging: bool = False) -> Any:
    """헤드리스 Chromium 하나. ``arguments``는 창 크기, 언어 같은 명령줄 인수를 더한다."""
    chromium, driver_path = browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", *arguments):
        options.add_argument(argument)
    if logging:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(driver_path), options=options)


@contextlib.contextmanager
def jupyter_lab(
    base: Path, work: Path, settings: Path, port: int, *extra: str
) -> Iterator[tuple[str, str]]:
    """이 환경의 ``jupyter lab``을 127.0.0.1:``port``에 띄우고 (주소, 토큰)을 준다. 끝나면 멈춘다.

    HOME과 Jupyter의 설정·데이터·런타임·작업 공간 폴더를 ``base/home`` 아래 새 폴더로, 사용자 설정을 ``settings``로 둔다.
    이 컴퓨터에 남은 사용자 설정이 결과를 바꾸지 않는다."""
    home = base / "home"
    env = dict(
        os.environ,
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
    )
    token = os.urandom(16).hex()
    command = [
        str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}", *extra,
    ]  # fmt: skip
    if os.geteuid() == 0:
        command.append("--allow-root")  # CI는 root로 실행한다
    log = base / "lab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/api/status", params={"token": token}, timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"JupyterLab이 포트 {port}에서 시작되지 않았습니다. 로그의 끝부분:\n"
                    + log.read_text(errors="replace")[-3000:]
                )
            time.sleep(0.3)
        yield url, token
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
