"""requirements.txt와 environment.yml이 같은 버전을 고정하고, 설치된 환경이 그 버전인지 확인한다."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.\-]+)$")
REQUIRED = {
    "jupyterlab", "tensorflow", "keras", "numpy", "pandas", "matplotlib", "seaborn",
    "scikit-learn", "nbval", "pytest", "ipykernel", "ipywidgets", "koreanize-matplotlib",
    "jupyterlab-language-pack-ko-kr", "jupyterlab-rise",
}  # fmt: skip
# 학생 환경에 들어가면 안 되는 것: 테스트·웹사이트 도구(requirements-dev.txt)와 강의실 서버(classroom/requirements.txt)
NOT_FOR_STUDENTS = {"ruff", "mkdocs", "mkdocs-material", "mkdocs-jupyter", "selenium", "pylatexenc", "jupyterhub", "nbgitpuller",
                    "jupyterhub-systemdspawner", "jupyterhub-idle-culler"}  # fmt: skip
OTHER_REQUIREMENTS = ("requirements-dev.txt", "classroom/requirements.txt")


def _pins(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    pins: dict[str, str] = {}
    other: list[str] = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        if match:
            pins[match[1].lower()] = match[2]
        else:
            other.append(line)
    return pins, other


def requirements() -> tuple[dict[str, str], list[str]]:
    return _pins((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())


def environment() -> tuple[dict[str, str], list[str], list[str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pins, other = _pins(pip_section)
    return pins, other, conda


def test_requirements_pin_every_package_exactly() -> None:
    pins, other = requirements()
    assert REQUIRED <= set(pins), f"고정되지 않은 패키지: {REQUIRED - set(pins)}"
    assert sorted(other) == ["-c constraints.txt", "-e .", "./labsettings"], other
    for name in OTHER_REQUIREMENTS:
        _, other = _pins((ROOT / name).read_text(encoding="utf-8").splitlines())
        assert all(line.startswith(("-r ", "-c ")) for line in other), (name, other)


def test_students_install_only_what_the_lessons_need() -> None:
    pins, _ = requirements()
    assert not NOT_FOR_STUDENTS & set(pins), NOT_FOR_STUDENTS & set(pins)
    tools = {}
    for name in OTHER_REQUIREMENTS:
        tools.update(_pins((ROOT / name).read_text(encoding="utf-8").splitlines())[0])
    assert NOT_FOR_STUDENTS <= set(tools), NOT_FOR_STUDENTS - set(tools)


def test_environment_yml_agrees_with_requirements() -> None:
    req_pins, req_other = requirements()
    env_pins, env_other, conda = environment()
    assert env_pins == req_pins
    assert sorted(env_other) == sorted(req_other)
    assert "python=3.11" in conda and "pip" in conda


def test_environment_yml_cannot_be_blocked_by_the_anaconda_terms_prompt() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge", "nodefaults"]


def all_pins() -> dict[str, str]:
    pins, _ = requirements()
    for name in OTHER_REQUIREMENTS:
        pins.update(_pins((ROOT / name).read_text(encoding="utf-8").splitlines())[0])
    return pins


def test_constraints_agree_with_requirements() -> None:
    constraints, _ = _pins((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())
    req_pins = all_pins()
    for name, pinned in req_pins.items():
        assert constraints.get(name) == pinned, (
            f"{name}: constraints {constraints.get(name)} != {pinned}"
        )


def test_installed_versions_are_the_pinned_ones() -> None:
    pins = all_pins()
    wrong = {name: (version(name), want) for name, want in pins.items() if version(name) != want}
    assert not wrong, f"설치된 버전이 고정 버전과 다릅니다(설치됨, 고정): {wrong}"


def test_pip_check_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_version_is_supported() -> None:
    assert (3, 11) <= sys.version_info[:2] <= (3, 13)


def test_every_pinned_package_installs_on_python_3_11_0_to_3_13() -> None:
    """README는 Python 3.11~3.13이라고 말한다. 3.11의 첫 판(Debian 12는 3.11.2)에서도 설치되어야 한다."""
    from importlib.metadata import PackageNotFoundError, metadata

    from packaging.specifiers import SpecifierSet

    constraints, _ = _pins((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())
    refused = {}
    for name in constraints:
        try:
            needs = metadata(name).get("Requires-Python") or ""
        except PackageNotFoundError:
            continue  # 다른 운영체제 전용
        spec = SpecifierSet(needs)
        if not all(spec.contains(v) for v in ("3.11.0", "3.12.0", "3.13.0")):
            refused[name] = needs
    assert not refused, f"Python 3.11.0~3.13에 설치되지 않는 고정 버전: {refused}"
