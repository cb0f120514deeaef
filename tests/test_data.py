"""데이터 로더: 모양과 내용, 체크섬, 손상 파일, 파일·네트워크 없음, 실제 내려받기(로컬 서버)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import numpy as np
import pytest

from helpers import data


def _refuse_network(monkeypatch: pytest.MonkeyPatch, name: str) -> str:
    """name의 주소를 연결이 바로 거부되는 루프백 포트로 바꾼다(인터넷 없음 흉내)."""
    url = f"http://127.0.0.1:9/{name}"
    spec = data.FILES[name]
    monkeypatch.setitem(data.FILES, name, data.DataFile(spec.name, spec.sha256, spec.size, (url,)))
    return url


def test_cereals_shape_and_columns(course_data: Path) -> None:
    df = data.load_cereals()
    assert df.shape == (77, 16)
    assert list(df.columns[:4]) == ["name", "mfr", "type", "calories"]
    assert (df[["carbo", "sugars", "potass"]] == -1).sum().sum() == 4  # 결측값 4칸


def test_thoracic_surgery_is_faithful_with_named_columns(course_data: Path) -> None:
    df = data.load_thoracic_surgery()
    assert df.shape == (470, 18)
    assert list(df.columns) == list(data.THORACIC_COLUMNS)
    assert df["Risk1Yr"].value_counts().to_dict() == {0: 400, 1: 70}
    assert sorted(df["id"]) == list(range(1, 471))  # 0번 열은 식별자
    assert df.iloc[0]["id"] == 293 and df.iloc[0]["DGN"] == 1


def test_mnist_matches_keras_layout(course_data: Path) -> None:
    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    assert (x_train.shape, y_train.shape, x_test.shape, y_test.shape) == (
        (60000, 28, 28), (60000,), (10000, 28, 28), (10000,),
    )  # fmt: skip
    assert {a.dtype for a in (x_train, y_train, x_test, y_test)} == {np.dtype("uint8")}
    assert x_train.flags.writeable
    assert list(y_train[:10]) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert np.bincount(y_test).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    assert round(float(x_train.mean()), 3) == 33.318


def _refuse_all(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in data.FILES:
        _refuse_network(monkeypatch, name)


def test_verify_data_files_reports_every_file(course_data: Path) -> None:
    table = data.verify_data_files(download=False)
    assert list(table["파일"]) == list(data.FILES)
    assert list(table["상태"]) == ["✅ 정상"] * 6
    assert list(table["크기(bytes)"]) == [spec.size for spec in data.FILES.values()]


def test_verify_data_files_shows_all_problems_at_once(
    copy_of_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """빠진 파일 넷과 손상된 파일 하나가 있어도 멈추지 않고 여섯 줄을 모두 보여 준다."""
    _refuse_all(monkeypatch)
    broken = copy_of_data / "ThoraricSurgery.csv"
    broken.write_bytes(broken.read_bytes()[:-10])
    table = data.verify_data_files().set_index("파일")
    assert len(table) == 6
    assert table.loc["cereal.csv", "상태"] == "✅ 정상"
    assert table.loc["ThoraricSurgery.csv", "상태"] == "❌ 손상"
    assert "ThoraricSurgery.csv.corrupt" in table.loc["ThoraricSurgery.csv", "할 일"]
    mnist = [name for name in data.FILES if name.endswith(".gz")]
    assert (table.loc[mnist, "상태"] == "❌ 없음").all()
    assert table.loc[mnist, "할 일"].str.contains("강사가 나눠 준 파일").all()


def test_verify_without_download_changes_nothing(
    copy_of_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_all(monkeypatch)
    broken = copy_of_data / "cereal.csv"
    broken.write_bytes(b"name,calories\n")
    table = data.verify_data_files(download=False).set_index("파일")
    assert table.loc["cereal.csv", "상태"] == "❌ 손상"
    assert broken.exists() and not (copy_of_data / "cereal.csv.corrupt").exists()


def test_several_missing_files_are_named_in_one_message(
    empty_data_dir: Path, course_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_all(monkeypatch)
    empty_data_dir.mkdir(parents=True)
    for name in ("train-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        shutil.copy(course_data / name, empty_data_dir / name)
    with pytest.raises(data.DataFileError) as info:
        data.load_mnist()
    message = str(info.value)
    assert "데이터 파일 2개" in message and "2 data file(s)" in message
    assert "train-images-idx3-ubyte.gz: 없음" in message
    assert "t10k-images-idx3-ubyte.gz: 없음" in message
    assert "labels-idx1-ubyte.gz: " not in message  # 있는 파일은 문제로 적지 않는다
    assert "강사가 나눠 준 파일" in message and str(empty_data_dir) in message


def test_missing_file_without_network_says_what_to_do(
    empty_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _refuse_network(monkeypatch, "cereal.csv")
    with pytest.raises(data.DataFileError) as info:
        data.load_cereals()
    message = str(info.value)
    for part in ("cereal.csv", url, str(empty_data_dir), "찾지 못했고", "could not be downloaded"):
        assert part in message


def test_corrupt_file_is_detected_and_not_used(
    copy_of_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_network(monkeypatch, "cereal.csv")
    target = copy_of_data / "cereal.csv"
    target.write_bytes(target.read_bytes().replace(b"100% Bran", b"999% Bran"))
    with pytest.raises(data.DataFileError, match="손상") as info:
        data.load_cereals()
    assert "corrupt" in str(info.value)
    assert not target.exists() and (copy_of_data / "cereal.csv.corrupt").exists()


def test_a_second_corrupt_copy_never_overwrites_the_first(
    copy_of_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_network(monkeypatch, "cereal.csv")
    target = copy_of_data / "cereal.csv"
    for version in (b"first student edit", b"second student edit"):
        target.write_bytes(version)
        with pytest.raises(data.DataFileError, match="손상"):
            data.load_cereals()
    assert (copy_of_data / "cereal.csv.corrupt").read_bytes() == b"first student edit"
    assert (copy_of_data / "cereal.csv.corrupt-2").read_bytes() == b"second student edit"


def test_download_from_pinned_address_is_verified(
    empty_data_dir: Path, course_data: Path, local_server: tuple[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    base, served = local_server
    shutil.copy(course_data / "ThoraricSurgery.csv", served / "ThoraricSurgery.csv")
    spec = data.FILES["ThoraricSurgery.csv"]
    mirrors = (f"{base}/missing/ThoraricSurgery.csv", f"{base}/ThoraricSurgery.csv")
    monkeypatch.setitem(
        data.FILES, spec.name, data.DataFile(spec.name, spec.sha256, spec.size, mirrors)
    )
    df = data.load_thoracic_surgery()  # 첫 주소는 404, 두 번째 주소에서 받는다
    assert df.shape == (470, 18)
    assert data.sha256_of(empty_data_dir / "ThoraricSurgery.csv") == spec.sha256


def test_download_with_wrong_content_is_rejected(
    empty_data_dir: Path, local_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, served = local_server
    (served / "cereal.csv").write_text("name,calories\nfake,1\n", encoding="utf-8")
    spec = data.FILES["cereal.csv"]
    monkeypatch.setitem(
        data.FILES,
        spec.name,
        data.DataFile(spec.name, spec.sha256, spec.size, (f"{base}/cereal.csv",)),
    )
    with pytest.raises(data.DataFileError, match=f"{base}/cereal.csv"):
        data.load_cereals()
    assert not (empty_data_dir / "cereal.csv").exists()


def test_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="가능한 이름"):
        data.fetch("iris.csv")


def test_read_idx_rejects_non_idx_and_truncated(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gz"
    bad.write_bytes(gzip.compress(b"hello world"))
    with pytest.raises(data.DataFileError, match="IDX"):
        data.read_idx(bad)
    short = tmp_path / "short.gz"
    short.write_bytes(gzip.compress(b"\x00\x00\x08\x01" + (10).to_bytes(4, "big") + b"\x01\x02"))
    with pytest.raises(data.DataFileError, match="truncated"):
        data.read_idx(short)


def test_data_dir_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
    assert data.data_dir() == tmp_path
    monkeypatch.delenv(data.ENV_VAR)
    assert data.data_dir().name == "data" and (data.data_dir() / "README.md").exists()
