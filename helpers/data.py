"""강의 데이터 로더: 강의 폴더의 data/를 먼저 보고, 없으면 고정된 공개 주소에서 내려받아 sha256으로 확인한다.

파일과 주소, 체크섬의 출처는 저장소의 ``data/README.md``에 정리되어 있다.
손상된 파일은 쓰지 않고 ``<이름>.corrupt``로 옮긴 뒤 다시 내려받는다(이미 있으면 ``.corrupt-2`` …,
학생의 파일을 덮어쓰지 않는다). 없는 파일이 여러 개이면 한 번에 모두 알려 준다.
pickle은 쓰지 않는다(MNIST는 원본 IDX 파일을 직접 읽는다).
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

# ThoraricSurgery.csv의 열 이름(UCI 속성 이름)과 한국어 설명. 0번 열은 UCI 파일의 환자 행 번호(식별자)다.
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
    "PRE14": "종양 크기, TNM의 T (11~14)",
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

    환경 변수 ``DL_COURSE_DATA_DIR``가 있으면 그 폴더, 없으면 강의 저장소의 ``data/`` 폴더.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parent.parent / "data"


def sha256_of(path: Path) -> str:
    """파일의 sha256(16진수)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(spec: DataFile, folder: Path) -> tuple[Path | None, list[str]]:
    """주소들을 차례로 시도한다. keras.utils.get_file이 내려받고 sha256을 확인한다."""
    from helpers.tfenv import import_tensorflow

    import_tensorflow()  # 내려받을 때만 Keras(TensorFlow)를 C++ 시작 로그 없이 불러온다
    from keras.utils import get_file

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
                f"  - {url}\n    → 내려받은 파일의 sha256이 다릅니다 (checksum mismatch)"
            )
        # 내려받았지만 체크섬이 틀린 채 남은 파일은 지운다(다음 실행에서 쓰이지 않도록).
        leftover = folder / spec.name
        if leftover.exists() and sha256_of(leftover) != spec.sha256:
            leftover.unlink()
    return None, problems


@dataclass(frozen=True)
class FileStatus:
    """파일 하나를 찾아본 결과."""

    name: str
    path: Path
    state: str  # "정상", "내려받음", "없음", "손상"
    moved_to: Path | None = None  # 손상된 사본을 옮겨 둔 곳
    problems: tuple[str, ...] = ()  # 내려받기를 시도한 주소와 오류

    @property
    def ok(self) -> bool:
        return self.state in ("정상", "내려받음")


def _move_aside(path: Path) -> Path:
    """손상된 파일을 ``이름.corrupt``로 옮긴다. 이미 있으면 ``이름.corrupt-2``, ``-3`` … (덮어쓰지 않는다)."""
    target = path.with_name(path.name + ".corrupt")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.corrupt-{number}")
    path.rename(target)
    return target


def _known(name: str) -> DataFile:
    if name not in FILES:
        known = ", ".join(FILES)
        raise KeyError(f"모르는 데이터 파일 이름: {name!r}. 가능한 이름: {known}")
    return FILES[name]


def file_status(name: str, *, download: bool = True) -> FileStatus:
    """데이터 파일 ``name``을 찾아보고, ``download=True``이면 없거나 손상된 파일을 내려받아 본다.

    예외를 던지지 않고 결과를 돌려준다(모르는 이름만 :class:`KeyError`).
    ``download=True``일 때 손상된 사본은 쓰지 않고 옆으로 옮겨 둔다(:func:`_move_aside`).
    """
    spec = _known(name)
    folder = data_dir()
    path = folder / name
    moved: Path | None = None
    if path.exists():
        if sha256_of(path) == spec.sha256:
            return FileStatus(name, path, "정상")
        if not download:
            return FileStatus(name, path, "손상")
        moved = _move_aside(path)
    if not download:
        return FileStatus(name, path, "없음")
    folder.mkdir(parents=True, exist_ok=True)
    downloaded, problems = _download(spec, folder)
    if downloaded is not None:
        return FileStatus(name, downloaded, "내려받음", moved, tuple(problems))
    return FileStatus(name, path, "손상" if moved else "없음", moved, tuple(problems))


def missing_files_message(failed: list[FileStatus]) -> str:
    """쓸 수 없는 파일들을 한꺼번에 알려 주고 해결 방법을 적은 한국어·영어 메시지."""
    folder = data_dir()
    lines = [f"데이터 파일 {len(failed)}개를 쓸 수 없습니다. 찾지 못했고 내려받지도 못했습니다."]
    for status in failed:
        if status.moved_to is not None:
            lines.append(
                f"  - {status.name}: 손상됨(sha256 불일치). 쓰지 않고 "
                f"다른 이름으로 옮겨 두었습니다(새 이름 '{status.moved_to.name}')."
            )
        elif status.state == "손상":
            lines.append(f"  - {status.name}: 손상됨(sha256 불일치)")
        else:
            lines.append(f"  - {status.name}: 없음")
    lines += [
        "해결 방법(둘 중 하나):",
        "  1. 인터넷에 연결한 뒤 다시 실행합니다. 자동으로 내려받고 sha256을 확인합니다.",
        "  2. 인터넷이 없는 강의실이라면 강사가 나눠 준 파일을 아래 폴더에 그대로 넣고 다시 실행합니다.",
        f"  폴더: {folder}",
        "파일별 주소와 sha256:",
    ]
    for status in failed:
        spec = FILES[status.name]
        lines.append(f"  {spec.name}  sha256 {spec.sha256}")
        lines += [f"    {url}" for url in spec.urls]
    lines.append(
        f"{len(failed)} data file(s) are missing or corrupt and could not be downloaded: "
        + ", ".join(status.name for status in failed)
        + f". Connect to the internet and run again, or put the files your instructor handed out "
        f"into the folder above (or set {ENV_VAR}), and run again."
    )
    attempts = [line for status in failed for line in status.problems]
    if attempts:
        lines += ["시도한 주소와 오류 / attempts:", *attempts]
    return "\n".join(lines)


def fetch_all(names: list[str]) -> list[Path]:
    """파일 여러 개의 확인된 경로. 쓸 수 없는 파일이 있으면 **모두** 적은 :class:`DataFileError`."""
    statuses = [file_status(name) for name in names]
    failed = [status for status in statuses if not status.ok]
    if failed:
        raise DataFileError(missing_files_message(failed))
    return [status.path for status in statuses]


def fetch(name: str) -> Path:
    """데이터 파일 ``name``의 확인된 경로를 돌려준다.

    1. ``data_dir()/name``이 있고 sha256이 맞으면 그대로 쓴다.
    2. 있는데 sha256이 다르면 손상된 것으로 보고 ``name.corrupt``로 옮긴다(쓰지 않고, 덮어쓰지 않는다).
    3. 고정된 공개 주소에서 내려받아 sha256을 확인한다(여러 주소를 차례로 시도).
    4. 모두 실패하면 파일 이름, 주소, 넣을 폴더를 알려 주는 :class:`DataFileError`를 일으킨다.
    """
    return fetch_all([name])[0]


def load_cereals() -> pd.DataFrame:
    """80 Cereals 데이터(77행 × 16열). 결측값은 원본 그대로 -1로 남아 있다."""
    return pd.read_csv(fetch("cereal.csv"))


def load_thoracic_surgery() -> pd.DataFrame:
    """폐암 수술 환자 데이터(470행 × 18열), 열 이름은 :data:`THORACIC_COLUMNS`의 UCI 이름.

    파일을 그대로 읽는다. 0번 열 ``id``는 식별자이므로 학습 전에 빼야 한다(수업에서 다룬다).
    """
    return pd.read_csv(fetch("ThoraricSurgery.csv"), header=None, names=list(THORACIC_COLUMNS))


def read_idx(path: Path) -> np.ndarray:
    """gzip으로 압축된 IDX 파일(MNIST 원본 형식)을 uint8 배열로 읽는다."""
    with gzip.open(path, "rb") as stream:
        raw = stream.read()
    if len(raw) < 4 or raw[0:2] != b"\x00\x00" or raw[2] != 0x08:
        raise DataFileError(
            f"'{Path(path).name}': uint8 IDX 파일이 아닙니다 (not an IDX file)."
        )
    ndim = raw[3]
    header = 4 + 4 * ndim
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    array = np.frombuffer(raw, dtype=np.uint8, offset=header)
    if array.size != int(np.prod(shape)):
        raise DataFileError(
            f"'{Path(path).name}': 실제 크기가 머리말에 적힌 크기와 다릅니다 (truncated IDX file)."
        )
    return array.reshape(shape).copy()


def load_mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """MNIST를 ``keras.datasets.mnist.load_data()``와 같은 모양으로 돌려준다.

    ``(x_train, y_train), (x_test, y_test)``: (60000, 28, 28), (60000,), (10000, 28, 28),
    (10000,), 모두 uint8. 원본 IDX 파일 네 개에서 읽는다.
    """
    paths = fetch_all(
        [
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz",
        ]
    )
    parts = [read_idx(path) for path in paths]
    return (parts[0], parts[1]), (parts[2], parts[3])


TODO_BY_STATE: dict[str, str] = {
    "정상": "",
    "내려받음": "",
    "없음": "인터넷에 연결해 다시 실행하거나, 강사가 나눠 준 파일을 data 폴더에 넣으세요.",
    "손상": "손상된 파일은 쓰지 않습니다. 새로 내려받거나 강사가 나눠 준 파일로 바꾸세요.",
}


def verify_data_files(*, download: bool = True) -> pd.DataFrame:
    """강의 데이터 파일 여섯 개의 상태를 **모두** 보여 주는 표(파일, 상태, 크기, 할 일).

    첫 번째 문제에서 멈추지 않는다. ``download=True``이면 없는 파일을 내려받아 본다.
    상태는 ``정상``, ``내려받음``(방금 받아 확인함), ``없음``, ``손상``(sha256 불일치) 가운데 하나다.
    """
    rows = []
    for name in FILES:
        status = file_status(name, download=download)
        todo = TODO_BY_STATE[status.state]
        if status.moved_to is not None:
            todo += f" (손상된 사본: {status.moved_to.name})"
        rows.append(
            {
                "파일": name,
                "상태": ("✅ " if status.ok else "❌ ") + status.state,
                "크기(bytes)": status.path.stat().st_size if status.ok else 0,
                "할 일": todo or "-",
            }
        )
    return pd.DataFrame(rows)


def install_into(folder: Path) -> list[Path]:
    """강의실 서버의 공유 데이터 폴더를 채운다. 여섯 파일을 확인(없으면 내려받기)한 뒤 ``folder``에 복사한다.

    파일은 :func:`fetch_all`이 찾는 그대로(``data_dir()``에 있으면 그것, 없으면 고정 주소에서 내려받아 sha256 확인)
    가져오고, 복사한 파일의 sha256을 다시 확인한다. 폴더는 0755, 파일은 0644(모두 읽기만 한다)로 둔다.
    """
    import shutil

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    for source in fetch_all(list(FILES)):
        target = folder / source.name
        if target.resolve() != source.resolve():
            shutil.copyfile(source, target)
        if sha256_of(target) != FILES[source.name].sha256:
            raise DataFileError(f"{target}: 복사한 파일의 sha256이 다릅니다. / checksum mismatch after copying")
        target.chmod(0o644)
        copied.append(target)
    folder.chmod(0o755)
    return copied


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.data --into 폴더``: 강의실 서버의 공유 데이터 폴더를 채운다(classroom/README.md)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m helpers.data",
        description="강의 데이터 여섯 파일을 확인(없으면 내려받기)해 한 폴더에 둔다. / Put the six verified data files in a folder.",
    )
    parser.add_argument("--into", type=Path, required=True, help="파일을 둘 폴더(예: /srv/dl-course/data)")
    args = parser.parse_args(argv)
    try:
        copied = install_into(args.into)
    except DataFileError as err:
        print(err)
        return 1
    for path in copied:
        print(f"✅ {path} ({path.stat().st_size:,} bytes, sha256 확인)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
