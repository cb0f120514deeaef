"""설치된 JupyterLab의 문구를 JupyterLab 한국어 언어 팩이 얼마나 옮겼는지 센다.

    python tools/measure_jupyterlab_ko.py      # results/jupyterlab_ko.json을 쓴다(패키지 저장소에 접속한다)

한국어 팩(jupyterlab-language-pack-ko-KR)의 최신판은 JupyterLab 4.5용이고 강의는 JupyterLab 4.6을 쓴다.
4.6에서 새로 생기거나 바뀐 문구는 팩에 없어 영어로 보인다. 이 스크립트는 그런 문구를 센다.

- 화면 문구: JupyterLab 본체(share/jupyter/lab/static/*.js)에서 번역 함수 ``__``, ``_p``, ``_n``, ``_np``에
  글자 그대로 넘긴 문구를 모은다. ``_p("menu", "File")``처럼 맥락(msgctxt)이 있는 문구는 팩에서 ``"menu\\x04File"``로 찾는다.
- 설정 스키마 문구(메뉴 이름, 설정 제목과 설명): jupyterlab_server가 화면에 보내기 전에 옮기는 바로 그 규칙
  (``translation_utils.translator._translate_schema_strings``)으로 모은다.

팩의 번역이 빈 문자열이거나 영어 원문과 같으면 옮기지 않은 것으로 센다. 4.6에서 새로 생겨 빠진 것과 팩이 원래
옮기지 않은 것을 나누려고, 팩이 맞춘 판(COMPARE_WITH)의 JupyterLab 휠을 내려받아 같은 방법으로 함께 센다.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers.results import save_result  # noqa: E402

PACK = "jupyterlab-language-pack-ko-KR"
DOMAIN = "jupyterlab"
CONTEXT_SEPARATOR = "\x04"
# 자바스크립트 문자열: 큰따옴표나 작은따옴표(축소한 코드에는 템플릿 문자열로 넘긴 문구가 없다)
_STRING = r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
_CALLS = {
    "__": re.compile(r"\.__\(\s*" + _STRING + r"\s*[,)]"),
    "_n": re.compile(r"\._n\(\s*" + _STRING + r"\s*,"),
    "_p": re.compile(r"\._p\(\s*" + _STRING + r"\s*,\s*" + _STRING + r"\s*[,)]"),
    "_np": re.compile(r"\._np\(\s*" + _STRING + r"\s*,\s*" + _STRING + r"\s*,"),
}
COMPARE_WITH = "4.5.11"  # 한국어 팩 4.5.post3이 맞춘 JupyterLab 4.5의 마지막 판
MAIN_MENU = ("File", "Edit", "View", "Run", "Kernel", "Tabs", "Settings", "Help")


def _js_string(literal: str) -> str:
    """자바스크립트 문자열 리터럴 하나를 파이썬 문자열로 바꾼다(두 언어의 이스케이프가 같은 범위만 쓰인다)."""
    return ast.literal_eval(literal)


def interface_messages(static: Path) -> set[str]:
    """본체 자바스크립트에서 번역 함수로 넘긴 문구(맥락이 있으면 ``맥락\\x04문구``)."""
    found: set[str] = set()
    for path in sorted(static.glob("*.js")):
        code = path.read_text(encoding="utf-8", errors="replace")
        for name, pattern in _CALLS.items():
            for match in pattern.finditer(code):
                strings = [_js_string(s) for s in match.groups()]
                if name in ("_p", "_np"):
                    found.add(strings[0] + CONTEXT_SEPARATOR + strings[1])
                else:
                    found.add(strings[0])
    return found


class _Recorder:
    """스키마를 옮기는 대신, 옮기려는 (맥락, 문구)를 모은다."""

    def __init__(self) -> None:
        self.messages: set[str] = set()

    def pgettext(self, context: str, message: str) -> str:
        self.messages.add(context + CONTEXT_SEPARATOR + message)
        return message


def schema_messages(schemas: Path) -> set[str]:
    """설정 스키마에서 jupyterlab_server가 JupyterLab 도메인으로 옮기는 문구."""
    from jupyterlab_server.translation_utils import translator

    recorder = _Recorder()
    for path in sorted(schemas.rglob("*.json")):
        if path.name == "package.json.orig":
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        domain = schema.get("jupyter.lab.internationalization", {}).get("domain", DOMAIN)
        if isinstance(schema, dict) and domain == DOMAIN:
            translator._translate_schema_strings(recorder, schema)
    return {m for m in recorder.messages if m.split(CONTEXT_SEPARATOR, 1)[1].strip()}


def translated(catalogue: dict[str, list[str]], message: str) -> bool:
    """팩에 영어와 다른, 비어 있지 않은 번역이 있는가."""
    english = message.split(CONTEXT_SEPARATOR, 1)[-1]
    korean = catalogue.get(message) or []
    return bool(korean) and bool(korean[0].strip()) and korean[0] != english


def _readable(message: str) -> str:
    context, _, text = message.rpartition(CONTEXT_SEPARATOR)
    return f"[{context}] {text}" if context else text


def count(lab: Path, catalogue: dict[str, list[str]]) -> dict[str, object]:
    """JupyterLab 하나(``share/jupyter/lab`` 폴더)의 화면 문구와 설정 스키마 문구 중 팩에 번역이 없는 것."""
    groups = {
        "화면": interface_messages(lab / "static"),
        "설정 스키마": schema_messages(lab / "schemas"),
    }
    summary: dict[str, object] = {}
    for name, messages in groups.items():
        missing = sorted(m for m in messages if not translated(catalogue, m))
        summary[name] = {
            "문구": len(messages),
            "번역 없음": len(missing),
            "번역 비율": round(1 - len(missing) / len(messages), 4),
            "번역 없는 문구(앞 40개)": [_readable(m) for m in missing[:40]],
        }
    return summary


def _unpacked_wheel(version_: str, folder: Path) -> Path:
    """패키지 저장소에서 JupyterLab ``version_``의 휠을 내려받아 ``share/jupyter/lab``만 푼다."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "-d",
            str(folder),
            f"jupyterlab=={version_}",
        ],
        check=True,
    )
    wheel = next(folder.glob(f"jupyterlab-{version_}-*.whl"))
    prefix = f"jupyterlab-{version_}.data/data/share/jupyter/lab/"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder, [n for n in archive.namelist() if n.startswith(prefix)])
    return folder / prefix


def measure() -> dict[str, object]:
    import jupyterlab_language_pack_ko_KR as pack

    catalogue_path = (
        Path(pack.__file__).parent / "locale" / "ko_KR" / "LC_MESSAGES" / f"{DOMAIN}.json"
    )
    catalogue = json.loads(catalogue_path.read_text(encoding="utf-8"))
    summary = count(Path(sys.prefix) / "share" / "jupyter" / "lab", catalogue)
    with tempfile.TemporaryDirectory() as tmp:
        summary[f"비교: JupyterLab {COMPARE_WITH}"] = count(
            _unpacked_wheel(COMPARE_WITH, Path(tmp)), catalogue
        )
    summary["주 메뉴 막대"] = {
        m: (catalogue.get("menu" + CONTEXT_SEPARATOR + m) or [""])[0] for m in MAIN_MENU
    }
    summary["주 메뉴 막대 번역 없음"] = [
        m for m in MAIN_MENU if not translated(catalogue, "menu" + CONTEXT_SEPARATOR + m)
    ]
    summary["jupyterlab"] = version("jupyterlab")
    summary[PACK] = version(PACK)
    return summary


def _menu_strings(summary: dict[str, object]) -> Iterator[str]:
    yield from (f"{k} → {v}" for k, v in summary["주 메뉴 막대"].items())  # type: ignore[union-attr]


def main() -> None:
    summary = measure()
    note = "JupyterLab 본체의 번역 함수 호출과 설정 스키마 문구를 한국어 팩의 jupyterlab.json과 맞춰 본 결과"
    path = save_result("jupyterlab_ko", summary, script="tools/measure_jupyterlab_ko.py", note=note)
    for where, part in ((f"JupyterLab {summary['jupyterlab']}", summary),
                        (f"JupyterLab {COMPARE_WITH}", summary[f"비교: JupyterLab {COMPARE_WITH}"])):  # fmt: skip
        for name in ("화면", "설정 스키마"):
            numbers = part[name]  # type: ignore[index]
            print(
                f"{where} {name}: 문구 {numbers['문구']:,}개, 번역 없음 {numbers['번역 없음']:,}개"
            )
    print("주 메뉴 막대:", ", ".join(_menu_strings(summary)))
    print(f"저장: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
