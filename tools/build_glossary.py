"""강의 용어집 페이지(docs/GLOSSARY.md)를 단 하나의 원본 docs/glossary.yml에서 만든다.

    python tools/build_glossary.py           # docs/GLOSSARY.md를 다시 쓴다
    python tools/build_glossary.py --check   # 페이지가 원본과 같은지만 확인한다(다르면 1)

페이지를 손으로 고치지 않는다. 용어를 고칠 때는 glossary.yml을 고치고 이 스크립트를 실행한다.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "glossary.yml"
PAGE = ROOT / "docs" / "GLOSSARY.md"
LESSONS = {
    "00": "00. 환경 점검",
    "01": "01. 인공 뉴런",
    "02": "02. 퍼셉트론과 활성화 함수",
    "03": "03. XOR 문제와 다층 퍼셉트론",
    "04": "04. Keras Sequential 모델",
    "05": "05. 시리얼 칼로리 예측 (회귀)",
    "06": "06. 폐암 수술 환자의 생존 예측 (이진 분류)",
    "07": "07. MNIST 손글씨 숫자 분류 (다중 분류)",
}


def load_terms(path: Path = SOURCE) -> list[dict[str, Any]]:
    """용어 목록. 항목마다 ko, en, lesson, definition과 (있으면) rejected, also, patterns."""
    terms = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(terms, list):
        raise ValueError(f"{path}: 용어 목록(list)이어야 합니다")
    return terms


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def render(terms: list[dict[str, Any]]) -> str:
    """용어집 페이지(Markdown)."""
    lines = [
        "# 강의 용어집",
        "",
        "이 강의가 쓰는 용어를 처음 가르치는 노트북 순서로 모았습니다. 한 가지 뜻에는 한 가지 용어만 씁니다.",
        "**쓰지 않는 말**은 책과 블로그에서 같은 뜻으로 만날 수 있지만 이 강의에서는 쓰지 않는 다른 번역입니다.",
        "**다른 이름**은 수학이나 다른 책에서 널리 쓰는 맞는 말입니다. 강의 본문은 왼쪽 용어를 쓰지만, 다른 이름도 틀린 말이 아닙니다.",
        "",
        "이 페이지는 `docs/glossary.yml`에서 `python tools/build_glossary.py`로 만듭니다(손으로 고치지 않습니다).",
        f"용어 {len(terms)}개.",
    ]
    for lesson, title in LESSONS.items():
        group = sorted((t for t in terms if t["lesson"] == lesson), key=lambda t: t["ko"])
        if not group:
            continue
        lines += [
            "",
            f"## {title}",
            "",
            "| 용어 | 영어 | 뜻 | 다른 이름 | 쓰지 않는 말 |",
            "| --- | --- | --- | --- | --- |",
        ]
        for term in group:
            rejected = ", ".join(term.get("rejected") or []) or "-"
            also = ", ".join(term.get("also") or []) or "-"
            lines.append(
                f"| **{_cell(term['ko'])}** | {_cell(term['en'])} | {_cell(term['definition'])} | {_cell(also)} "
                f"| {_cell(rejected)} |"
            )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# 노트북에서 용어가 쓰인 곳 (tests/test_glossary.py가 쓴다)

NOTEBOOKS = ROOT / "notebooks"


@dataclass(frozen=True)
class Use:
    """용어가 노트북 본문에 처음 나온 곳."""

    lesson: str
    cell: int
    text: str  # 셀의 본문(코드 스팬과 수식은 같은 길이의 빈칸으로 가림)
    start: int
    end: int

    def context(self) -> str:
        return self.text[max(0, self.start - 30) : self.end + 40].replace("\n", " ")


def _masked(text: str) -> str:
    """코드 스팬, 수식, 링크 주소를 같은 길이의 빈칸으로 바꾼다(그 안의 글은 용어 사용으로 치지 않는다)."""
    blank = lambda m: " " * len(m.group())  # noqa: E731
    text = re.sub(r"```.*?```", blank, text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", blank, text, flags=re.S)
    text = re.sub(r"``.+?``", blank, text)
    text = re.sub(r"\$[^$\n]+\$|`[^`\n]+`|\]\([^)\s]+\)|https?://\S+", blank, text)
    return text


def prose_cells() -> Iterator[tuple[str, int, str]]:
    """(노트북 번호, 셀 번호, 본문) — 강의 순서대로, 마크다운 셀의 본문만.

    제목 줄과 학습 목표 셀은 뺀다: 용어를 가르치는 곳은 본문이고, 그 앞의 제목과 목표는 미리 보기다.
    """
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            if cell["cell_type"] != "markdown":
                continue
            source = "".join(cell["source"])
            if re.match(r"#+ 학습 목표", source.strip()):
                continue
            lines = [" " * len(line) if line.startswith("#") else line for line in source.split("\n")]
            yield path.name[:2], index, _masked("\n".join(lines))


def term_pattern(ko: str) -> re.Pattern[str]:
    """낱말의 시작에서만 맞는 용어 패턴(뒤에 조사가 붙는 것은 허용)."""
    tail = r"(?![A-Za-z0-9])" if ko[-1].isascii() else ""
    return re.compile(r"(?<![가-힣A-Za-z0-9])" + re.escape(ko) + tail)


def first_uses(terms: list[dict[str, Any]]) -> dict[str, Use | None]:
    """용어마다 강의 순서로 본문에 처음 나온 곳. 더 긴 용어의 일부로 나온 것은 치지 않는다
    (예: "합성곱 신경망" 안의 "신경망")."""
    cells = list(prose_cells())
    patterns = {t["ko"]: term_pattern(t["ko"]) for t in terms}
    found: dict[str, Use | None] = {}
    for term in terms:
        ko = term["ko"]
        longer = [patterns[t["ko"]] for t in terms if ko in t["ko"] and t["ko"] != ko]
        found[ko] = None
        for lesson, index, text in cells:
            covered = [(m.start(), m.end()) for p in longer for m in p.finditer(text)]
            for m in patterns[ko].finditer(text):
                if not any(a <= m.start() and m.end() <= b for a, b in covered):
                    found[ko] = Use(lesson, index, text, m.start(), m.end())
                    break
            if found[ko]:
                break
    return found


def english_variants(term: dict[str, Any]) -> list[str]:
    return [v.strip().lower() for v in term["en"].split(",") if v.strip()]


def carries_english(use: Use, term: dict[str, Any]) -> bool:
    """처음 쓴 곳에 영어 용어가 괄호로 함께 있는가: ``용어(english)``, ``**용어**(english)``,
    ``(용어, english)``."""
    after = use.text[use.end : use.end + 200]
    after = after[2:] if after.startswith("**") else after
    variants = english_variants(term)
    if after.startswith("("):
        inner = after[1 : after.find(")")].lower() if ")" in after else after.lower()
        first = re.split(r"[,:;]", inner)[0].strip()
        # "sigmoid"처럼 영어 용어의 앞부분만 적어도 된다("sigmoid function").
        return any(v in inner or (first and v.startswith(first)) for v in variants)
    if after.startswith(", "):
        return any(after[2:].lower().startswith(v) for v in variants)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="페이지가 원본과 같은지만 확인")
    args = parser.parse_args(argv)
    page = render(load_terms())
    if args.check:
        if PAGE.read_text(encoding="utf-8") != page:
            print(
                "docs/GLOSSARY.md가 docs/glossary.yml과 다릅니다. python tools/build_glossary.py를 실행하세요."
            )
            return 1
        return 0
    PAGE.write_text(page, encoding="utf-8")
    print(f"{PAGE.relative_to(ROOT)}: 용어 {len(load_terms())}개")
    return 0


if __name__ == "__main__":
    sys.exit(main())
