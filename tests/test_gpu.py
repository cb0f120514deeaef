"""GPU 메모리 증가 설정: CPU에서는 아무것도 하지 않고, 가짜 GPU로 실제 API 호출 경로를 확인한다."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import tensorflow as tf

from helpers import gpu


@dataclass(frozen=True)
class FakeGPU:
    name: str
    device_type: str = "GPU"


def test_cpu_only_machine_is_a_no_op() -> None:
    assert tf.config.list_physical_devices("GPU") == []
    assert gpu.enable_memory_growth() == []
    assert gpu.enable_memory_growth() == []  # 두 번 불러도 안전


class _FakeConfig:
    """tf.config.experimental의 get/set_memory_growth를 흉내 낸다."""

    def __init__(self, initialized: bool) -> None:
        self.initialized = initialized
        self.growth: dict[str, bool] = {}
        self.set_calls = 0

    def get_memory_growth(self, device: FakeGPU) -> bool:
        return self.growth.get(device.name, False)

    def set_memory_growth(self, device: FakeGPU, enable: bool) -> None:
        self.set_calls += 1
        if self.initialized:
            raise RuntimeError("Physical devices cannot be modified after being initialized")
        self.growth[device.name] = enable


@pytest.fixture
def two_gpus(monkeypatch: pytest.MonkeyPatch) -> list[FakeGPU]:
    devices = [FakeGPU("/physical_device:GPU:0"), FakeGPU("/physical_device:GPU:1")]
    monkeypatch.setattr(
        tf.config, "list_physical_devices", lambda kind=None: devices if kind == "GPU" else []
    )
    return devices


def test_memory_growth_is_enabled_on_every_gpu(
    two_gpus: list[FakeGPU], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _FakeConfig(initialized=False)
    monkeypatch.setattr(tf.config.experimental, "get_memory_growth", fake.get_memory_growth)
    monkeypatch.setattr(tf.config.experimental, "set_memory_growth", fake.set_memory_growth)
    names = [d.name for d in two_gpus]
    assert gpu.enable_memory_growth() == names
    assert fake.growth == dict.fromkeys(names, True)
    assert gpu.enable_memory_growth() == names  # 두 번째: 이미 켜져 있어 다시 설정하지 않는다
    assert fake.set_calls == 2


def test_already_initialized_gpu_is_explained_not_raised(
    two_gpus: list[FakeGPU], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _FakeConfig(initialized=True)
    monkeypatch.setattr(tf.config.experimental, "get_memory_growth", fake.get_memory_growth)
    monkeypatch.setattr(tf.config.experimental, "set_memory_growth", fake.set_memory_growth)
    with pytest.warns(gpu.MemoryGrowthWarning) as record:
        assert gpu.enable_memory_growth() == []
    message = str(record[0].message)
    assert "Physical devices cannot be modified after being initialized" in message
    assert "커널을 다시 시작" in message and "Restart the kernel" in message


def test_other_runtime_errors_are_not_hidden(
    two_gpus: list[FakeGPU], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(device: FakeGPU, enable: bool) -> None:
        raise RuntimeError("CUDA driver version is insufficient")

    monkeypatch.setattr(tf.config.experimental, "get_memory_growth", lambda d: False)
    monkeypatch.setattr(tf.config.experimental, "set_memory_growth", broken)
    with pytest.raises(RuntimeError, match="CUDA driver"):
        gpu.enable_memory_growth()


def test_device_report_lists_versions_and_devices() -> None:
    report = gpu.device_report()
    assert report["packages"]["tensorflow"] == tf.__version__
    assert report["packages"]["keras"].startswith("3.")
    assert report["cpu_devices"] >= 1
    assert report["gpus"] == []
    assert report["python"].count(".") == 2
