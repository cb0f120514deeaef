"""강의 용어집: 원본 하나(docs/glossary.yml), 그 원본에서 만든 페이지(docs/GLOSSARY.md), README 의 링크."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build_glossary  # noqa: E402

TERMS = build_glossary.load_terms()


def test_every_entry_is_complete() -> None:
    for term in TERMS:
        assert set(term) <= {"ko", "en", "lesson", "definition", "rejected"}, term
        assert re.search(r"[가-힣]", term["ko"]) or term["ko"].isascii(), term
        assert term["en"].strip() and term["definition"].strip(), term
        assert term["lesson"] in build_glossary.LESSONS, term
        assert term["definition"].rstrip().endswith("."), f"정의는 문장으로 끝냅니다: {term['ko']}"
        assert isinstance(term.get("rejected") or [], list), term


def test_one_term_for_one_idea() -> None:
    korean = [t["ko"] for t in TERMS]
    assert len(korean) == len(set(korean)), "같은 한국어 용어가 두 번 있습니다"
    rejected = {r for t in TERMS for r in t.get("rejected") or []}
    assert not rejected & set(korean), (
        f"쓰지 않기로 한 말이 용어로도 있습니다: {rejected & set(korean)}"
    )


def test_the_course_has_a_real_glossary() -> None:
    assert len(TERMS) >= 120
    lessons = {t["lesson"] for t in TERMS}
    assert {f"0{n}" for n in range(1, 8)} <= lessons


def test_page_is_built_from_the_data_file() -> None:
    page = (ROOT / "docs" / "GLOSSARY.md").read_text(encoding="utf-8")
    assert page == build_glossary.render(TERMS), "python tools/build_glossary.py 를 실행하세요"


def test_readme_links_the_glossary() -> None:
    assert "(docs/GLOSSARY.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
