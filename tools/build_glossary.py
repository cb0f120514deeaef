"""강의 용어집 페이지(docs/GLOSSARY.md)를 단 하나의 원본 docs/glossary.yml 에서 만든다.

    python tools/build_glossary.py           # docs/GLOSSARY.md 를 다시 쓴다
    python tools/build_glossary.py --check   # 페이지가 원본과 같은지만 확인한다(다르면 1)

페이지를 손으로 고치지 않는다. 용어를 고칠 때는 glossary.yml 을 고치고 이 스크립트를 실행한다.
"""

from __future__ import annotations

import argparse
import sys
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
    """용어 목록. 항목마다 ko, en, lesson, definition 과 (있으면) rejected."""
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
            "| 용어 | 영어 | 뜻 | 쓰지 않는 말 |",
            "| --- | --- | --- | --- |",
        ]
        for term in group:
            rejected = ", ".join(term.get("rejected") or []) or "-"
            lines.append(
                f"| **{_cell(term['ko'])}** | {_cell(term['en'])} | {_cell(term['definition'])} | {_cell(rejected)} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="페이지가 원본과 같은지만 확인")
    args = parser.parse_args(argv)
    page = render(load_terms())
    if args.check:
        if PAGE.read_text(encoding="utf-8") != page:
            print(
                "docs/GLOSSARY.md 가 docs/glossary.yml 과 다릅니다. python tools/build_glossary.py 를 실행하세요."
            )
            return 1
        return 0
    PAGE.write_text(page, encoding="utf-8")
    print(f"{PAGE.relative_to(ROOT)}: 용어 {len(load_terms())}개")
    return 0


if __name__ == "__main__":
    sys.exit(main())
