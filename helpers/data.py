"""강의 데이터 로더: 강의 폴더의 data/ 를 먼저 보고, 없으면 고정된 공개 주소에서 내려받아 sha256 으로 확인한다.

파일과 주소, 체크섬의 출처는 저장소의 ``data/README.md`` 에 정리되어 있다.
손상된 파일은 쓰지 않고 ``<이름>.corrupt`` 로 옮긴 뒤 다시 내려받는다.
pickle 은 쓰지 않는다(MNIST 는 원본 IDX 파일을 직접 읽는다).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ENV_VAR = "DL_COURSE_DATA_DIR"

_GH = "https://raw.githubusercontent.com"
_MNIST_PINNED = (
    f"{_GH}/SubhadityaMukherjee/pytorchTutorialRepo/1a6e32ed0ca3b22d5e0965bcf272a19c5524c507"
    "/archive/GAN/CoGAN%28WIP%29/data/MNIST/raw"
)
_MNIST_MIRRORS = (
    _MNIST_PINNED,
    "https://storage.googleapis.com/cvdf-datasets/mnist",
    "https://ossci-datasets.s3.amazonaws.com/mnist",
)


@dataclass(frozen=True)
class DataFile:
    """내려받을 파일 하나: 이름, sha256, 크기, 시도할 주소들(앞에서부터)."""

    name: str
    sha256: str
    size: int
    urls: tuple[str, ...]


def _mnist(name: str, sha256: str, size: int) -> DataFile:
    return DataFile(name, sha256, size, tuple(f"{base}/{name}" for base in _MNIST_MIRRORS))


FILES: dict[str, DataFile] = {
    f.name: f
    for f in (
        DataFile(
            "cereal.csv",
            "8e96ecfc07551c9b47801c540984a30cd321a084bf4c97175789a21dd8d84c23",
            5061,
            (
                f"{_GH}/microsoft/data-science-editor/fbf2e7192b5aad72e10d45c261a3452add50a3d5"
                "/static/datasets/cereal.csv",
            ),
        ),
        DataFile(
            "ThoraricSurgery.csv",
            "b51f69e60765c0b724c356fc3b9c5777b213c920b75ebb75b37b1f4b3702c379",
            21257,
            (
                f"{_GH}/gilbutITbook/080228/452ef40583e765c86c3827d825d8f23bbf7ae2bf"
                "/deeplearning/dataset/ThoraricSurgery.csv",
                f"{_GH}/gilbutITbook/006958/6f559404a5694a2445d8809e9883e6daa3288839"
                "/deeplearning/dataset/ThoraricSurgery.csv",
            ),
        ),
        _mnist(
            "train-images-idx3-ubyte.gz",
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            9912422,
        ),
        _mnist(
            "train-labels-idx1-ubyte.gz",
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            28881,
        ),
        _mnist(
            "t10k-images-idx3-ubyte.gz",
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            1648877,
        ),
        _mnist(
            "t10k-labels-idx1-ubyte.gz",
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            4542,
        ),
    )
}

# ThoraricSurgery.csv 의 열 이름(UCI 속성 이름)과 한국어 설명. 0번 열은 UCI 파일의 환자 행 번호(식별자)다.
THORACIC_COLUMNS: dict[str, str] = {
    "id": "UCI 원본 파일의 환자 행 번호 (식별자, 특성 아님)",
    "DGN": "진단 코드 (ICD-10 조합, 1~8)",
    "PRE4": "강제 폐활량 FVC (L)",
    "PRE5": "1초간 강제 호기량 FEV1 (L)",
    "PRE6": "Zubrod 전신 상태 점수 (0~2)",
    "PRE7": "수술 전 통증 (1=있음)",
    "PRE8": "수술 전 객혈 (1=있음)",
    "PRE9": "수술 전 호흡 곤란 (1=있음)",
    "PRE10": "수술 전 기침 (1=있음)",
    "PRE11": "수술 전 쇠약감 (1=있음)",
    "PRE14": "종양 크기, TNM 의 T (11~14)",
    "PRE17": "제2형 당뇨 (1=있음)",
    "PRE19": "6개월 이내 심근경색 (1=있음)",
    "PRE25": "말초동맥질환 (1=있음)",
    "PRE30": "흡연 (1=예)",
    "PRE32": "천식 (1=있음)",
    "AGE": "수술 당시 나이 (세)",
    "Risk1Yr": "수술 후 1년 안에 사망 (1=사망, 0=생존) — 레이블",
}


class DataFileError(RuntimeError):
    """데이터 파일이 없고 내려받을 수도 없거나, 파일이 손상되었을 때의 오류."""


def data_dir() -> Path:
    """데이터 파일을 찾고 저장할 폴더.

    환경 변수 ``DL_COURSE_DATA_DIR`` 가 있으면 그 폴더, 없으면 강의 저장소의 ``data/`` 폴더.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parent.parent / "data"


def sha256_of(path: Path) -> str:
    """파일의 sha256 (16진수)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(spec: DataFile, folder: Path) -> tuple[Path | None, list[str]]:
    """주소들을 차례로 시도한다. keras.utils.get_file 이 내려받고 sha256 을 확인한다."""
    from keras.utils import get_file  # 내려받을 때만 Keras(TensorFlow)를 불러온다

    problems: list[str] = []
    for url in spec.urls:
        try:
            got = get_file(
                fname=spec.name,
                origin=url,
                file_hash=spec.sha256,
                hash_algorithm="sha256",
                cache_dir=str(folder),
                cache_subdir=".",
            )
        except Exception as err:  # 네트워크 없음, 404, 체크섬 불일치 …
            problems.append(f"  - {url}\n    → {type(err).__name__}: {err}")
        else:
            path = Path(got)
            if path.exists() and sha256_of(path) == spec.sha256:
                return path, problems
            problems.append(
                f"  - {url}\n    → 내려받은 파일의 sha256 이 다릅니다 (checksum mismatch)"
            )
        # 체크섬이 틀린 채 남은 내려받은 파일은 지운다(다음 실행에서 쓰이지 않도록).
        leftover = folder / spec.name
        if leftover.exists() and sha256_of(leftover) != spec.sha256:
            leftover.unlink()
    return None, problems


def fetch(name: str) -> Path:
    """데이터 파일 ``name`` 의 확인된 경로를 돌려준다.

    1. ``data_dir()/name`` 이 있고 sha256 이 맞으면 그대로 쓴다.
    2. 있는데 sha256 이 다르면 손상된 것으로 보고 ``name.corrupt`` 로 옮긴다(쓰지 않는다).
    3. 고정된 공개 주소에서 내려받아 sha256 을 확인한다(여러 주소를 차례로 시도).
    4. 모두 실패하면 파일 이름, 주소, 넣을 폴더를 알려 주는 :class:`DataFileError`.
    """
    if name not in FILES:
        known = ", ".join(FILES)
        raise KeyError(f"모르는 데이터 파일입니다: {name!r}. 가능한 이름: {known}")
    spec = FILES[name]
    folder = data_dir()
    path = folder / name
    note = ""
    if path.exists():
        actual = sha256_of(path)
        if actual == spec.sha256:
            return path
        corrupt = path.with_name(path.name + ".corrupt")
        path.replace(corrupt)
        note = (
            f"'{name}' 파일이 손상되어(sha256 {actual[:12]}…, 기대값 {spec.sha256[:12]}…) "
            f"쓰지 않고 '{corrupt.name}' 로 옮겼습니다. / The local copy was corrupt "
            "(checksum mismatch); it was moved aside and not used.\n"
        )
    folder.mkdir(parents=True, exist_ok=True)
    downloaded, problems = _download(spec, folder)
    if downloaded is not None:
        return downloaded
    urls = "\n".join(f"  {url}" for url in spec.urls)
    raise DataFileError(
        f"{note}데이터 파일 '{name}' 을(를) 찾지 못했고 내려받지도 못했습니다.\n"
        f"아래 주소 중 하나에서 파일을 받아 이 폴더에 넣은 뒤 다시 실행하세요:\n"
        f"  폴더: {folder}\n  주소:\n{urls}\n"
        f"  sha256: {spec.sha256}\n"
        f"Data file '{name}' is missing and could not be downloaded. Download it from one of "
        f"the addresses above, put it in the folder above (or set {ENV_VAR}), and run again.\n"
        f"시도한 주소와 오류 / attempts:\n" + "\n".join(problems)
    )


def load_cereals() -> pd.DataFrame:
    """80 Cereals 데이터(77행 × 16열). 결측값은 원본 그대로 -1 로 남아 있다."""
    return pd.read_csv(fetch("cereal.csv"))


def load_thoracic_surgery() -> pd.DataFrame:
    """폐암 수술 환자 데이터(470행 × 18열), 열 이름은 :data:`THORACIC_COLUMNS` 의 UCI 이름.

    파일을 그대로 읽는다. 0번 열 ``id`` 는 식별자이므로 학습 전에 빼야 한다(수업에서 다룬다).
    """
    return pd.read_csv(fetch("ThoraricSurgery.csv"), header=None, names=list(THORACIC_COLUMNS))


def read_idx(path: Path) -> np.ndarray:
    """gzip 으로 압축된 IDX 파일(MNIST 원본 형식)을 uint8 배열로 읽는다."""
    with gzip.open(path, "rb") as stream:
        raw = stream.read()
    if len(raw) < 4 or raw[0:2] != b"\x00\x00" or raw[2] != 0x08:
        raise DataFileError(
            f"'{Path(path).name}' 은(는) uint8 IDX 파일이 아닙니다 (not an IDX file)."
        )
    ndim = raw[3]
    header = 4 + 4 * ndim
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    array = np.frombuffer(raw, dtype=np.uint8, offset=header)
    if array.size != int(np.prod(shape)):
        raise DataFileError(
            f"'{Path(path).name}' 의 크기가 머리말과 다릅니다 (truncated IDX file)."
        )
    return array.reshape(shape).copy()


def load_mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """MNIST 를 ``keras.datasets.mnist.load_data()`` 와 같은 모양으로 돌려준다.

    ``(x_train, y_train), (x_test, y_test)``: (60000, 28, 28), (60000,), (10000, 28, 28),
    (10000,), 모두 uint8. 원본 IDX 파일 네 개에서 읽는다.
    """
    parts = [
        read_idx(fetch(name))
        for name in (
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz",
        )
    ]
    return (parts[0], parts[1]), (parts[2], parts[3])


def verify_data_files(*, download: bool = True) -> pd.DataFrame:
    """강의 데이터 파일을 모두 확인한 표(파일, 크기, sha256 일치 여부).

    ``download=True`` 이면 없는 파일을 내려받는다(실패하면 :class:`DataFileError`).
    """
    rows = []
    for name, spec in FILES.items():
        path = fetch(name) if download else data_dir() / name
        present = path.exists()
        rows.append(
            {
                "파일": name,
                "크기(bytes)": path.stat().st_size if present else 0,
                "sha256 일치": present and sha256_of(path) == spec.sha256,
            }
        )
    return pd.DataFrame(rows)
