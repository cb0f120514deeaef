"""강의 웹사이트 만들기: 커밋된 노트북(저장된 출력 그대로, 다시 실행하지 않는다) + 소개, 용어집, 문제 해결, 테스트 환경.

    python tools/build_book.py        # _build/book/site에 만든다(bash course.sh book과 같다)

도구는 MkDocs + Material + mkdocs-jupyter다(모두 PyPI에서 설치된다). 페이지의 원본은 저장소의 파일이다.
소개는 README.md, 용어집은 docs/glossary.yml, 문제 해결은 book/troubleshooting.yml, 테스트 환경은
`bash course.sh test`가 남긴 테스트 실행 기록 _build/tested_on.json에서 만든다. 강의마다의 강사용 페이지는
tools/instructor_pages.py가 노트북, results/cell_times.json, 연습 문제의 채점기에서 만든다. 수식은 사이트에 함께 담은 MathJax로 그리므로
만든 사이트는 인터넷 없이 열린다.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
OUT = ROOT / "_build" / "book"
SRC = OUT / "src"
SITE = OUT / "site"
TESTED_ON = ROOT / "_build" / "tested_on.json"
READY = OUT / "instructor-pages-ready"  # 강사용 페이지를 다 썼다는 표시(book/hooks.py가 기다린다)

sys.path.insert(0, str(ROOT / "tools"))
import build_glossary  # noqa: E402
import instructor_pages  # noqa: E402

MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full,local/course"
MATHJAX_URL = f"../assets/mathjax/MathJax.js?config={MATHJAX_CONFIG}"
# jupyter-server-mathjax에는 STIX-Web 글꼴만 들어 있다. 그 글꼴을 쓰게 하는 설정을 사이트에 더한다.
LOCAL_MATHJAX_CONFIG = """MathJax.Hub.Config({
  "HTML-CSS": {
    availableFonts: [], preferredFont: null, webFont: "STIX-Web", imageFont: null,
    // MathJax 2는 빈 글꼴을 about:blank에서 받으려 해 브라우저 콘솔에 오류가 남는다. 내려받지 않는 local()로 바꾼다
    styles: { "@font-face": { "font-family": "MathJax_Blank", src: "local('MathJax_Blank')" } }
  },
  SVG: { font: "STIX-Web" },
  showMathMenu: false
});
MathJax.Ajax.loadComplete("[MathJax]/config/local/course.js");
"""


def lessons() -> list[tuple[Path, str]]:
    """(노트북, 제목) — 강의 순서. 제목은 노트북 첫 셀의 # 제목."""
    found = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        title = re.search(r"^# (.+)$", first, flags=re.M)
        found.append((path, title.group(1).strip() if title else path.stem))
    return found


def landing_page() -> str:
    """README를 사이트의 첫 페이지로: 노트북과 문서 링크를 사이트 안의 페이지로 바꾼다."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    text = re.sub(r"\]\(notebooks/(\d\d_[a-z0-9_]+)\.ipynb\)", r"](\1.ipynb)", text)
    text = text.replace("](docs/GLOSSARY.md)", "](glossary.md)")
    return re.sub(r"\[([^\]]+)\]\((?!https?://|#)([^)]+)\)", _outside_link, text)


def _outside_link(match: re.Match[str]) -> str:
    """사이트에 없는 저장소 파일(예: data/README.md)에 건 링크는 글자와 파일 이름만 남긴다."""
    label, target = match.group(1), match.group(2)
    if target.endswith(".ipynb") or target in {"glossary.md", "troubleshooting.md", "tested-on.md"}:
        return match.group(0)
    return label if label.strip("`") == target else f"{label}(저장소의 `{target}`)"


def troubleshooting_page() -> str:
    entries = yaml.safe_load((BOOK / "troubleshooting.yml").read_text(encoding="utf-8"))
    lines = [
        "# 문제 해결",
        "",
        "오류 메시지를 그대로 검색 창에 붙여 넣으면 해당 항목을 찾을 수 있습니다. 여기 적은 오류 문장은 이 강의가 고정한 버전"
        "(requirements.txt)이 실제로 내는 글자 그대로이며, 테스트(`tests/test_troubleshooting.py`)가 오류를 일으켜 확인합니다.",
        "",
    ]
    for entry in entries:
        check = (
            "테스트가 이 오류를 실제로 일으켜 문장을 확인합니다."
            if entry["verified"] == "run"
            else "GPU가 있어야 나는 오류라, 테스트가 설치된 TensorFlow 소스에서 같은 문장을 확인합니다."
        )
        lines += [
            f"## {entry['title']}",
            "",
            "```text",
            entry["error"],
            "```",
            "",
            f"**어디서 만나나요?** {entry['where']}",
            "",
            f"**까닭**: {entry['cause']}",
            "",
            "**고치는 법**",
            "",
            entry["fix"].rstrip(),
            "",
            f"<small>{check}</small>",
            "",
        ]
    return "\n".join(lines)


def tested_on_page() -> str:
    lines = ["# 테스트 환경", ""]
    if not TESTED_ON.exists():
        return "\n".join(
            [
                *lines,
                "이 사이트를 만든 컴퓨터에는 아직 테스트 실행 기록이 없습니다. "
                "`bash course.sh test`를 실행한 뒤 `bash course.sh book`으로 다시 만들면 이 페이지에 "
                "Python과 패키지 버전, 노트북마다 걸린 시간이 나옵니다.",
            ]
        )
    record = json.loads(TESTED_ON.read_text(encoding="utf-8"))
    lines += [
        f"아래는 `bash course.sh test`가 남긴 기록입니다"
        f"(끝난 시각 {record['finished']}, 통과 {record['passed']:,}개, 실패 {record['failed']:,}개).",
        "",
        f"- Python {record['python']} ({record['platform']}, CPU {record['cpus']}코어)",
        "",
        "| 패키지 | 버전 |",
        "| --- | --- |",
        *[f"| {name} | {version} |" for name, version in record["packages"].items()],
        "",
        "| 노트북 | 다시 실행하는 데 걸린 시간 |",
        "| --- | ---: |",
        *[f"| {name} | {seconds:.0f}초 |" for name, seconds in record["notebooks"].items()],
    ]
    return "\n".join(lines)


def write_sources() -> list[tuple[Path, str]]:
    if SRC.exists():
        shutil.rmtree(SRC)
    (SRC / "assets").mkdir(parents=True)
    found = lessons()
    for path, _ in found:
        shutil.copy2(path, SRC / path.name)
    for asset in ("mathjax-loader.js", "course.css", "a11y.js"):
        shutil.copy2(BOOK / "assets" / asset, SRC / "assets" / asset)
    (SRC / "index.md").write_text(landing_page(), encoding="utf-8")
    (SRC / "glossary.md").write_text(build_glossary.render(build_glossary.load_terms()), encoding="utf-8")
    (SRC / "troubleshooting.md").write_text(troubleshooting_page(), encoding="utf-8")
    (SRC / "tested-on.md").write_text(tested_on_page(), encoding="utf-8")
    instructor_pages.write_pages(SRC, found, {})  # 채점 결과는 build()가 채점을 마치고 채운다
    return found


def config(found: list[tuple[Path, str]]) -> Path:
    """book/mkdocs.yml에 강의 순서의 목차(nav)와 MathJax 주소를 채운 설정 파일."""
    text = (BOOK / "mkdocs.yml").read_text(encoding="utf-8").replace("__MATHJAX__", f'"{MATHJAX_URL}"')
    settings = yaml.safe_load(text)
    settings["docs_dir"] = str(SRC)
    settings["site_dir"] = str(SITE)
    settings["theme"]["custom_dir"] = str(BOOK / "overrides")
    settings["hooks"] = [str(BOOK / "hooks.py"), str(BOOK / "a11y_hooks.py")]
    settings["nav"] = [
        {"소개": "index.md"},
        {"강의": [{title: path.name} for path, title in found]},
        {"용어집": "glossary.md"},
        {"문제 해결": "troubleshooting.md"},
        {"테스트 환경": "tested-on.md"},
        {"강사용": instructor_pages.nav(found)},
    ]
    path = OUT / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def copy_mathjax() -> None:
    """jupyter-server-mathjax 패키지에 든 MathJax 2를 사이트에 담는다(보는 사람이 인터넷 없이 수식을 본다)."""
    import jupyter_server_mathjax

    static = Path(jupyter_server_mathjax.__file__).parent / "static"
    target = SITE / "assets" / "mathjax"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(static, target)
    (target / "config" / "local").mkdir(parents=True, exist_ok=True)
    (target / "config" / "local" / "course.js").write_text(LOCAL_MATHJAX_CONFIG, encoding="utf-8")


def build() -> float:
    """사이트를 만들고 걸린 시간(초)을 돌려준다.

    강사용 페이지에 넣을 연습 문제 채점(TensorFlow로 모델을 만들어 보므로 십몇 초)은 MkDocs가 노트북 페이지를 만드는
    동안 따로 돈다(코드·데이터·버전이 그대로면 _build/에 저장해 둔 결과를 쓴다). 강사용 페이지는 채점 결과 없이
    먼저 쓰고, 채점이 끝나면 다시 쓴 뒤 READY 파일을 만든다. book/hooks.py는 READY 파일이 생길 때까지
    강사용 페이지를 읽지 않는다."""
    start = time.perf_counter()
    READY.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="dl-course-book.") as folder:
        work = Path(folder)
        grading = instructor_pages.Grading(work)
        try:
            found = write_sources()
            settings = config(found)
            env = {
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "DL_COURSE_INSTRUCTOR_READY": str(READY),
            }
            command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f"]
            with open(work / "mkdocs.txt", "wb") as log:
                mkdocs = subprocess.Popen(
                    [*command, str(settings)], stdout=log, stderr=subprocess.STDOUT, env=env
                )
            try:
                instructor_pages.write_pages(SRC, found, grading.result())
                READY.touch()
            finally:
                if not READY.exists():
                    mkdocs.kill()
                returncode = mkdocs.wait()
        finally:
            grading.stop()
        if returncode != 0:
            output = (work / "mkdocs.txt").read_text(encoding="utf-8", errors="replace")
            raise SystemExit(f"사이트를 만들지 못했습니다 / site build failed:\n{output}")
    copy_mathjax()
    tidy_search_index()
    return time.perf_counter() - start


# 검색 색인 본문의 수식: $…$, $$…$$, \(…\), \[…\]
_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", flags=re.S)


def plain_math(text: str) -> str:
    """글 속 TeX 수식을 유니코드 글로 바꾼다(``$\\sigma(wx)$`` → ``σ(wx)``). 검색 결과 조각에 TeX가 보이지 않게 한다."""
    from pylatexenc.latex2text import LatexNodes2Text

    converter = LatexNodes2Text(math_mode="text")

    def convert(match: re.Match[str]) -> str:
        source = next(group for group in match.groups() if group is not None)
        try:
            return converter.latex_to_text(source).strip()
        except Exception:  # 읽지 못한 수식은 기호만 뗀다
            return re.sub(r"\\([A-Za-z]+)|[{}]", r"\1", source)

    return _MATH.sub(convert, text)


def tidy_search_index() -> None:
    """검색 결과에 보이는 제목에서 제목 옆의 앵커 표시(¶)를 떼고, 제목과 본문의 TeX 수식을 읽을 수 있는 글로 바꾼다."""
    path = SITE / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = plain_math(doc["title"].rstrip("¶").rstrip())
        doc["text"] = plain_math(doc["text"])
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    seconds = build()
    print(f"사이트를 만들었습니다({seconds:.0f}초). 첫 페이지: {SITE.relative_to(ROOT)}/index.html")
    print(f"  브라우저로 열기: python -m http.server -d {SITE.relative_to(ROOT)} 8000 → http://127.0.0.1:8000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
