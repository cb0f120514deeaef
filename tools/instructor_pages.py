"""강의 웹사이트의 강사용 페이지: 강의(노트북)마다 학습 목표, 시간 계획, 연습 문제의 흔한 실수, 슬라이드.

tools/build_book.py가 부른다(`bash course.sh book`). 손으로 쓴 내용은 없고 모두 저장소에서 가져온다.

- 학습 목표: 노트북의 `## 학습 목표` 절에 있는 목록을 옮긴다.
- 시간 계획: 노트북의 `##` 절마다 코드 셀의 실행 시간(results/cell_times.json, tools/measure_cell_times.py가 잰다)과
  설명 시간의 어림값(마크다운의 한글 음절 수와 코드 셀 수에 아래 SYLLABLES_PER_MINUTE와 CODE_CELL_SECONDS를 적용)을 더한다.
- 연습 문제와 흔한 실수: helpers.exercises의 문제마다 오답 예시(wrong_examples)를 실제로 grade()에 넣어
  학생이 받는 메시지를 모은다(같은 메시지는 하나로). 채점에는 TensorFlow가 필요하므로 따로 띄운 파이썬에서 하고,
  결과는 _build/instructor_mistakes.json에 두었다가 helpers/의 코드, data/, 버전이 그대로면 재사용한다(grading_key).
- 슬라이드: 셀의 metadata.slideshow.slide_type(RISE)으로 슬라이드가 나뉘는 곳을 보인다. jupyterlab-rise 0.43.1의
  markupSlides와 같은 규칙으로 센다.

    python tools/instructor_pages.py --mistakes OUT.json   # (build_book이 부른다) 흔한 실수를 OUT.json에 쓴다
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMES = ROOT / "results" / "cell_times.json"
# 채점 결과를 두는 곳(grading_key가 같으면 재사용한다)
GRADING_CACHE = ROOT / "_build" / "instructor_mistakes.json"
FOLDER = "instructor"  # 사이트 안의 폴더: instructor/01/

# 설명 시간의 어림 규칙(강사가 수업 속도에 맞게 바꾼다). 마크다운 셀의 한글을 1분에 이 음절 수만큼 읽으며 설명한다고 본다.
SYLLABLES_PER_MINUTE = 200
# 코드 셀 하나를 보여 주고 설명하는 시간(초). 실행 시간은 따로 더한다.
CODE_CELL_SECONDS = 20

# 채점 메시지의 앞뒤에 늘 붙는 글(helpers/exercises/core.py, coding.py). 페이지에는 그 사이만 적는다.
MESSAGE_PREFIX = "❌ 아직 아닙니다. "
MESSAGE_SUFFIX = "\n   막히면 .hint()를, 풀이를 보려면 .solution()을 불러 보세요."

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
HANGUL = re.compile("[가-힣]")
CHECK = re.compile(r"\bex\.(\w+)\.check\(")


# ---------------------------------------------------------------------------
# 노트북 읽기


def markdown_lines(source: str) -> Iterator[str]:
    """마크다운에서 코드 블록(``` 또는 ~~~) 밖의 줄. 코드 블록 안의 `# 주석`을 제목으로 읽지 않으려는 것이다."""
    fence = ""
    for line in source.splitlines():
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        yield line


def headings(source: str) -> list[tuple[int, str]]:
    """마크다운 셀의 제목: (수준, 글) 목록."""
    found = []
    for line in markdown_lines(source):
        match = HEADING.match(line)
        if match:
            found.append((len(match.group(1)), match.group(2)))
    return found


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def goals(notebook: dict[str, Any]) -> list[str]:
    """`## 학습 목표` 절의 목록 항목(여러 줄에 걸친 항목은 한 줄로 잇는다)."""
    items: list[str] = []
    inside = False
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in markdown_lines("".join(cell["source"])):
            match = HEADING.match(line)
            if match and len(match.group(1)) <= 2:
                if inside:
                    return items
                inside = match.group(2).strip() == "학습 목표"
                continue
            if not inside or not line.strip():
                continue
            bullet = re.match(r"^[-*]\s+(.*)$", line)
            if bullet:
                items.append(bullet.group(1).strip())
            elif items and line.startswith((" ", "\t")):
                items[-1] += " " + line.strip()
    return items


@dataclass
class Section:
    """노트북의 `##` 절 하나(제목 셀처럼 첫 `##` 앞에 있는 셀은 '첫 셀' 절)."""

    title: str
    code_ids: list[str] = field(default_factory=list)
    syllables: int = 0


FIRST_SECTION = "첫 셀(제목과 소개)"


def sections(notebook: dict[str, Any]) -> list[Section]:
    """셀을 `##` 제목으로 나눈 절. 마크다운 셀 하나에 `##` 제목이 둘 있으면 줄 단위로 나눈다."""
    found = [Section(FIRST_SECTION)]
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            found[-1].code_ids.append(cell["id"])
            continue
        if cell["cell_type"] != "markdown":
            continue
        fence = ""
        for line in source.splitlines():
            stripped = line.lstrip()
            if fence and stripped.startswith(fence):
                fence = ""
            elif not fence and stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
            elif not fence:
                match = HEADING.match(line)
                if match and len(match.group(1)) == 2:
                    found.append(Section(match.group(2)))
            found[-1].syllables += len(HANGUL.findall(line))
    return [s for s in found if s.title != FIRST_SECTION or s.code_ids or s.syllables]


def section_of_cell(notebook: dict[str, Any], cell_id: str) -> str:
    """셀이 들어 있는 `##` 절의 제목."""
    for section in sections(notebook):
        if cell_id in section.code_ids:
            return section.title
    return ""


# ---------------------------------------------------------------------------
# 슬라이드(RISE)

VISIBLE_ELSEWHERE = ("notes", "skip")  # 슬라이드 화면에 보이지 않는 셀


@dataclass
class Slide:
    """슬라이드 하나(또는 그 아래로 넘기는 슬라이드 하나). sub가 0이면 가로로 넘기는 슬라이드 자체다."""

    number: int
    sub: int
    cells: list[dict[str, Any]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.number) if self.sub == 0 else f"{self.number}-{self.sub}"


def slide_type(cell: dict[str, Any]) -> str | None:
    """셀의 metadata.slideshow.slide_type. 없으면 None."""
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type")


def slides(notebook: dict[str, Any]) -> list[Slide] | None:
    """슬라이드 목록. 어느 셀에도 slide_type이 없으면 None.

    규칙은 jupyterlab-rise의 markupSlides와 같다. 첫 슬라이드는 처음 보이는 셀(notes, skip이 아닌 셀)에서 시작하고,
    그 뒤로 'slide'는 새 슬라이드를, 'subslide'는 지금 슬라이드 아래의 새 슬라이드를 연다.
    'fragment', '-', 빈 값은 지금 슬라이드에 이어진다."""
    cells = notebook["cells"]
    if all(slide_type(cell) is None for cell in cells):
        return None
    found = [Slide(1, 0)]
    started = False
    for cell in cells:
        kind = slide_type(cell) or "-"
        if started and kind == "slide":
            found.append(Slide(found[-1].number + 1, 0))
        elif started and kind == "subslide":
            found.append(Slide(found[-1].number, found[-1].sub + 1))
        elif not started and kind not in VISIBLE_ELSEWHERE:
            started = True
        if kind not in VISIBLE_ELSEWHERE:
            found[-1].cells.append(cell)
    return found


def slide_counts(notebook: dict[str, Any]) -> dict[str, int]:
    """슬라이드 수, 아래 슬라이드 수, 그리고 fragment·skip·notes 셀의 수."""
    listed = slides(notebook) or []
    kinds = [slide_type(cell) for cell in notebook["cells"]]
    return {
        "slide": len([s for s in listed if s.sub == 0]),
        "subslide": len([s for s in listed if s.sub > 0]),
        "fragment": kinds.count("fragment"),
        "skip": kinds.count("skip"),
        "notes": kinds.count("notes"),
    }


def first_line(slide: Slide) -> str:
    """슬라이드의 첫 제목, 제목이 없으면 처음 보이는 셀의 첫 줄(표 칸에 넣을 마크다운)."""
    for cell in slide.cells:
        if cell["cell_type"] == "markdown":
            found = headings("".join(cell["source"]))
            if found:
                return _table_text(found[0][1])
    for cell in slide.cells:
        lines = [line.strip() for line in "".join(cell["source"]).splitlines() if line.strip()]
        if lines:
            line = lines[0] if len(lines[0]) <= 80 else _cut(lines[0], 79) + "…"
            return _code(line) if cell["cell_type"] == "code" else _table_text(line)
    return "(보이는 셀이 없습니다)"


def _cut(text: str, length: int) -> str:
    """``text``를 ``length``자 안에서 자른다. 수식($…$), 인라인 코드(`…`), 굵은 글씨(**…**) 가운데에서는 자르지 않는다
    (짝이 맞지 않는 $가 남으면 페이지와 검색 결과에 TeX 원문이 보인다)."""
    cut = text[:length]
    for mark in ("**", "$", "`"):
        if cut.count(mark) % 2:
            cut = cut[: cut.rindex(mark)]
    return cut.rstrip()


def _table_text(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    ticks = "``" if "`" in text else "`"
    return f"{ticks} {text} {ticks}" if ticks == "``" else f"`{text}`"


# ---------------------------------------------------------------------------
# 연습 문제의 흔한 실수


def _short_repr(value: Any) -> str:
    text = " ".join(repr(value).split())
    return text if len(text) <= 60 else text[:59] + "…"


def collect_mistakes() -> dict[str, list[dict[str, Any]]]:
    """모든 연습 문제의 오답 예시를 grade()에 넣어 본 결과: {"lesson01": [{name, title, code, mistakes}]}.

    mistakes는 메시지가 같은 오답끼리 묶은 목록이다(처음 나온 순서). TensorFlow를 불러오므로 따로 띄운 파이썬에서 부른다."""
    import contextlib
    import io

    sys.path.insert(0, str(ROOT))
    from helpers.exercises import all_exercises
    from helpers.exercises.coding import CodeExercise

    found: dict[str, list[dict[str, Any]]] = {}
    for name, exercise in all_exercises():
        module, attr = name.split(".", 1)
        groups: dict[str, dict[str, Any]] = {}
        for answer in exercise.wrong_examples:
            with contextlib.redirect_stdout(io.StringIO()):  # 오답 예시가 print하는 글
                _, message = exercise.grade(answer)
            group = groups.setdefault(message, {"message": message, "count": 0, "answers": []})
            group["count"] += 1
            if not callable(answer):
                group["answers"].append(_short_repr(answer))
        found.setdefault(module, []).append(
            {
                "name": attr,
                "title": exercise.title,
                "code": isinstance(exercise, CodeExercise),
                "mistakes": list(groups.values()),
            }
        )
    return found


def start_grading(folder: Path) -> subprocess.Popen[bytes]:
    """collect_mistakes()를 새 파이썬에서 시작하고 기다리지 않는다(결과는 folder/mistakes.json).

    이 컴퓨터의 Keras·matplotlib 설정은 읽지 않는다. build_book은 채점하는 동안 노트북 페이지를 만든다."""
    env = {
        **os.environ,
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "KERAS_HOME": str(folder / "keras"),
        "MPLCONFIGDIR": str(folder / "matplotlib"),
    }
    with open(folder / "log.txt", "wb") as log:
        return subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--mistakes",
                str(folder / "mistakes.json"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def finish_grading(
    process: subprocess.Popen[bytes], folder: Path
) -> dict[str, list[dict[str, Any]]]:
    """start_grading()이 시작한 채점이 끝나기를 기다려 결과를 읽는다."""
    out = folder / "mistakes.json"
    if process.wait() != 0 or not out.exists():
        log = (folder / "log.txt").read_text(encoding="utf-8", errors="replace")
        raise SystemExit(
            f"연습 문제의 흔한 실수를 모으지 못했습니다 / could not grade the wrong examples:\n{log[-4000:]}"
        )
    return json.loads(out.read_text(encoding="utf-8"))


def grading_key() -> str:
    """채점 결과를 바꿀 수 있는 것의 지문: helpers/의 코드, 이 파일, data/의 파일(이름·크기·수정 시각),
    파이썬과 패키지의 버전. 이 값이 같으면 저장해 둔 채점 결과를 재사용한다."""
    from importlib.metadata import version

    digest = hashlib.sha256(sys.version.encode())
    for path in [*sorted((ROOT / "helpers").rglob("*.py")), Path(__file__).resolve()]:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted((ROOT / "data").glob("*")):
        if path.is_file():
            info = path.stat()
            digest.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns}".encode())
    for package in ("tensorflow", "keras", "numpy", "scikit-learn", "pandas", "matplotlib"):
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()


class Grading:
    """연습 문제 채점. _build/에 저장해 둔 결과가 지금의 코드·데이터·버전과 맞으면(grading_key) 그것을 쓰고,
    아니면 새 파이썬에서 채점을 시작한다(기다리지 않는다). result()가 결과를 돌려주고 새 결과를 저장한다."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = grading_key()
        saved = load(GRADING_CACHE) if GRADING_CACHE.exists() else {}
        self.found: dict[str, list[dict[str, Any]]] | None = (
            saved["mistakes"] if saved.get("key") == self.key else None
        )
        self.process = start_grading(folder) if self.found is None else None

    def result(self) -> dict[str, list[dict[str, Any]]]:
        if self.found is None:
            assert self.process is not None
            self.found = finish_grading(self.process, self.folder)
            GRADING_CACHE.parent.mkdir(parents=True, exist_ok=True)
            GRADING_CACHE.write_text(
                json.dumps({"key": self.key, "mistakes": self.found}, ensure_ascii=False),
                encoding="utf-8",
            )
        return self.found

    def stop(self) -> None:
        """아직 채점 중이면 멈춘다(사이트 만들기가 도중에 실패했을 때)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def mistakes() -> dict[str, list[dict[str, Any]]]:
    """모든 연습 문제의 채점 결과(collect_mistakes(), 저장해 둔 결과가 맞으면 그것)."""
    with tempfile.TemporaryDirectory(prefix="dl-course-mistakes.") as folder:
        grading = Grading(Path(folder))
        try:
            return grading.result()
        finally:
            grading.stop()


def short_message(message: str) -> str:
    """채점 메시지에서 늘 붙는 앞머리와 끝줄을 뗀 글."""
    message = message.removeprefix(MESSAGE_PREFIX)
    return message.removesuffix(MESSAGE_SUFFIX)


# ---------------------------------------------------------------------------
# 페이지


def page_name(path: Path) -> str:
    """instructor/01.md처럼 사이트 소스 안의 경로."""
    return f"{FOLDER}/{path.stem[:2]}.md"


def _seconds(value: float) -> str:
    return f"{value:,.1f}초"


def _minutes(value: float) -> str:
    return f"{value:,.1f}분"


def time_section(notebook: dict[str, Any], path: Path, times: dict[str, Any] | None) -> list[str]:
    lines = [
        "## 시간 계획",
        "",
        "노트북의 `##` 절마다 코드 셀의 실행 시간과 설명 시간을 더했습니다. 학생이 연습 문제를 푸는 시간은 들어 있지 않습니다.",
        "",
        f"- **설명 시간은 어림값입니다.** 절의 마크다운 셀에 있는 한글을 1분에 {SYLLABLES_PER_MINUTE}음절씩 "
        f"읽으며 설명한다고 보고, 코드 셀 하나마다 {CODE_CELL_SECONDS}초(코드를 보여 주고 설명하는 시간)를 더했습니다. "
        "두 숫자는 `tools/instructor_pages.py`의 `SYLLABLES_PER_MINUTE`, `CODE_CELL_SECONDS`이니 수업 속도에 맞게 "
        "바꾸고 사이트를 다시 만드세요.",
    ]
    recorded = (times or {}).get("data", {}).get("notebooks", {}).get(path.name, {}).get("cells")
    if recorded is None:
        lines += [
            "- 이 노트북의 실행 시간을 잰 기록이 없습니다. `python tools/measure_cell_times.py`로 재면 표에 나옵니다.",
            "",
        ]
    else:
        machine = times["data"].get("machine", {})  # type: ignore[index]
        lines.append(
            f"- **실행 시간은 잰 값입니다.** `tools/measure_cell_times.py`가 노트북을 깨끗한 커널에서 한 번 실행하며 "
            f"코드 셀마다 잰 시간을 절별로 더했습니다(results/cell_times.json, 잰 날 {times['measured_on']}, "  # type: ignore[index]
            f"CPU {machine.get('cpu', '')} {machine.get('cpus', '?')}코어, TensorFlow {times['versions']['tensorflow']})."  # type: ignore[index]
        )
        code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
        if code and "setup_notebook()" in "".join(code[0]["source"]):
            lines[-1] += (
                " `helpers.setup_notebook()`을 부르는 첫 코드 셀의 시간에는 새 커널이 TensorFlow와 Keras를 처음 "
                "불러오는 시간이 들어 있습니다."
            )
        missing = [
            cell_id for s in sections(notebook) for cell_id in s.code_ids if cell_id not in recorded
        ]
        if missing:
            lines.append(
                f"- 노트북이 바뀌어 잰 기록에 없는 코드 셀이 {len(missing)}개 있습니다. 그 셀의 시간은 표에서 빠졌습니다. "
                "`python tools/measure_cell_times.py`로 다시 재세요."
            )
        lines.append("")
    lines += [
        "| 절 | 코드 셀 | 실행 시간 | 한글 음절 | 설명 시간(어림) | 합계 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    total_run = total_talk = 0.0
    total_cells = total_syllables = 0
    for section in sections(notebook):
        run = (
            sum(float(recorded.get(cell_id, 0.0)) for cell_id in section.code_ids)
            if recorded
            else 0.0
        )
        talk = (
            section.syllables / SYLLABLES_PER_MINUTE
            + len(section.code_ids) * CODE_CELL_SECONDS / 60
        )
        total_run, total_talk = total_run + run, total_talk + talk
        total_cells += len(section.code_ids)
        total_syllables += section.syllables
        shown = _seconds(run) if recorded is not None else "—"
        lines.append(
            f"| {_table_text(section.title)} | {len(section.code_ids)} | {shown} | {section.syllables:,} | "
            f"{_minutes(talk)} | {_minutes(run / 60 + talk)} |"
        )
    shown = _seconds(total_run) if recorded is not None else "—"
    lines += [
        f"| **합계** | {total_cells} | {shown} | {total_syllables:,} | {_minutes(total_talk)} | "
        f"{_minutes(total_run / 60 + total_talk)} |",
        "",
    ]
    return lines


def exercise_section(notebook: dict[str, Any], found: list[dict[str, Any]]) -> list[str]:
    if not found:
        return ["## 연습 문제와 흔한 실수", "", "이 강의에는 자동 채점 연습 문제가 없습니다.", ""]
    lines = [
        "## 연습 문제와 흔한 실수",
        "",
        "문제마다 채점기(`helpers/exercises/`)에 적어 둔 흔한 오답 예시를 실제로 채점해, 학생이 받는 메시지를 모았습니다"
        "(같은 메시지는 한 번만). 메시지마다 앞에 붙는 '❌ 아직 아닙니다.'와 끝줄 '막히면 .hint()를, 풀이를 보려면 "
        ".solution()을 불러 보세요.'는 빼고 적었습니다. 메시지 속 시간과 층 이름(예: dense_3)은 채점할 때마다 달라질 수 있습니다.",
        "",
    ]
    places: dict[str, tuple[int, str]] = {}
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            for name in CHECK.findall("".join(cell["source"])):
                places.setdefault(name, (index, section_of_cell(notebook, cell["id"])))
    ordered = sorted(found, key=lambda e: (places.get(e["name"], (10**6, ""))[0], e["name"]))
    for exercise in ordered:
        kind = "코드를 쓰는" if exercise["code"] else "값을 답하는"
        where = places.get(exercise["name"], (0, ""))[1]
        wrong = sum(group["count"] for group in exercise["mistakes"])
        lines += [
            f"### {_escape_heading(exercise['title'])}",
            "",
            f"`ex.{exercise['name']}`: {kind} 문제"
            + (f"로, 노트북의 '{where}' 절에서 채점합니다." if where else "입니다.")
            + f" 오답 예시 {wrong}개에서 메시지 {len(exercise['mistakes'])}가지가 나옵니다.",
            "",
            '<ol class="mistakes">',
        ]
        for group in exercise["mistakes"]:
            answers = ""
            if group["answers"]:
                shown = ", ".join(f"<code>{html.escape(a)}</code>" for a in group["answers"])
                answers = f'<div class="mistake-answers">오답: {shown}</div>'
            elif group["count"] > 1:
                answers = f'<div class="mistake-answers">같은 메시지가 나오는 오답 예시 {group["count"]}개</div>'
            lines.append(
                f"<li>{answers}"
                f'<div class="mistake-message tex2jax_ignore" style="white-space: pre-line">'
                f"{html.escape(short_message(group['message']))}</div></li>"
            )
        lines += ["</ol>", ""]
    return lines


def _escape_heading(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


def slide_section(notebook: dict[str, Any]) -> list[str]:
    lines = ["## 슬라이드", ""]
    listed = slides(notebook)
    if listed is None:
        return [
            *lines,
            "슬라이드 정보가 없습니다. 이 노트북의 셀에는 슬라이드 종류(`metadata.slideshow.slide_type`)가 적혀 있지 않아, "
            "RISE로 띄우면 노트북 전체가 슬라이드 한 장이 됩니다.",
            "",
        ]
    counts = slide_counts(notebook)
    lines += [
        f"RISE 슬라이드 {counts['slide']}장, 그 아래로 넘기는 슬라이드(subslide) {counts['subslide']}장입니다"
        f"(차례로 하나씩 나타나는 셀 fragment {counts['fragment']}개, 슬라이드에 보이지 않는 셀 skip {counts['skip']}개, "
        f"발표자 노트 notes {counts['notes']}개). 셀의 `metadata.slideshow.slide_type`에서 셌습니다. 번호 3-1은 "
        "3번 슬라이드에서 아래로 넘기는 첫째 슬라이드입니다.",
        "",
        "| 번호 | 첫 제목 또는 첫 줄 |",
        "| --- | --- |",
        *[f"| {slide.label} | {first_line(slide)} |" for slide in listed],
        "",
    ]
    return lines


def page(path: Path, title: str, times: dict[str, Any] | None, found: list[dict[str, Any]]) -> str:
    """강의 하나의 강사용 페이지(마크다운)."""
    notebook = load(path)
    listed = goals(notebook)
    lines = [
        f"# 강사용: {title}",
        "",
        f"[{title}](../{path.name}) 강의를 준비하는 강사를 위한 페이지입니다. 내용은 모두 저장소의 파일에서 자동으로 만들었습니다"
        "(`tools/instructor_pages.py`). 학습 목표는 노트북에서, 실행 시간은 `results/cell_times.json`에서, 흔한 실수는 "
        "연습 문제의 채점기에서, 슬라이드는 셀의 슬라이드 정보에서 가져옵니다.",
        "",
        "## 학습 목표",
        "",
        *([f"- {goal}" for goal in listed] or ["노트북에 학습 목표 절이 없습니다."]),
        "",
        *time_section(notebook, path, times),
        *exercise_section(notebook, found),
        *slide_section(notebook),
    ]
    return "\n".join(lines)


def index_page(lessons: list[tuple[Path, str]]) -> str:
    return "\n".join(
        [
            "# 강사용 페이지",
            "",
            "강의마다 수업을 준비할 때 볼 내용을 한 페이지에 모았습니다. 학습 목표, 절별 시간 계획(잰 실행 시간과 어림한 설명 시간), "
            "연습 문제에서 학생이 흔히 하는 실수와 그때 받는 메시지, 슬라이드가 나뉘는 곳입니다. 모두 저장소의 노트북, "
            "측정 결과, 채점기에서 자동으로 만들므로 노트북을 고치면 사이트를 다시 만들 때 함께 바뀝니다"
            "(실행 시간만은 `python tools/measure_cell_times.py`로 다시 재야 바뀝니다).",
            "",
            *[
                f"- [{title}]({page_name(path).removeprefix(FOLDER + '/')})"
                for path, title in lessons
            ],
            "",
            "강의실 서버(JupyterHub)를 준비하는 방법은 저장소의 `classroom/README.md`에 있습니다.",
            "",
        ]
    )


def nav(lessons: list[tuple[Path, str]]) -> list[dict[str, str]]:
    """MkDocs 목차의 '강사용' 항목."""
    return [{"안내": f"{FOLDER}/index.md"}, *[{title: page_name(path)} for path, title in lessons]]


def write_pages(
    src: Path, lessons: list[tuple[Path, str]], found: dict[str, list[dict[str, Any]]] | None = None
) -> list[Path]:
    """src/instructor/에 안내 페이지와 강의마다 페이지를 쓰고, 쓴 파일 목록을 돌려준다.

    found는 채점 결과(없으면 여기서 채점한다)."""
    folder = src / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    times = load(CELL_TIMES) if CELL_TIMES.exists() else None
    found = mistakes() if found is None else found
    written = [folder / "index.md"]
    written[0].write_text(index_page(lessons), encoding="utf-8")
    for path, title in lessons:
        target = src / page_name(path)
        target.write_text(
            page(path, title, times, found.get(f"lesson{path.stem[:2]}", [])), encoding="utf-8"
        )
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", type=Path, help="흔한 실수를 모아 이 JSON 파일에 쓴다")
    args = parser.parse_args(argv)
    if args.mistakes is None:
        parser.error(
            "사이트는 tools/build_book.py로 만드세요 / build the site with tools/build_book.py"
        )
    args.mistakes.write_text(json.dumps(collect_mistakes(), ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
