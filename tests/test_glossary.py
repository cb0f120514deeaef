"""강의 용어집: 원본 하나(docs/glossary.yml), 그 원본에서 만든 페이지(docs/GLOSSARY.md), README의 링크."""

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
    assert page == build_glossary.render(TERMS), "python tools/build_glossary.py를 실행하세요"


def test_readme_links_the_glossary() -> None:
    assert "(docs/GLOSSARY.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# 노트북이 용어집을 따르는가

import orthography  # noqa: E402

USES = build_glossary.first_uses(TERMS)

# 괄호 속 영어가 있어도 강의의 용어가 아닌 것: 생물학(01의 뉴런 그림), 데이터의 열 이름, 파일 형식과 값.
NOT_TERMS = {
    "dendrite", "synapse", "soma", "axon", "axon terminal",  # 생물학의 뉴런
    "calories", "sugars", "fiber", "protein", "potass", "carbo", "forced vital capacity",  # 데이터의 열
    "row", "column", "zip", "inf", "legacy", "immutable", "handle", "widget",  # 일반 낱말
    "expert system", "deep",  # 01의 역사 이야기
    "kcal",
}  # fmt: skip


def test_every_term_is_used_in_the_lessons() -> None:
    unused = [ko for ko, use in USES.items() if use is None]
    assert not unused, f"노트북 본문에 쓰이지 않는 용어: {unused}"


def test_lesson_field_is_where_the_term_first_appears() -> None:
    wrong = [
        (t["ko"], t["lesson"], USES[t["ko"]].lesson)
        for t in TERMS
        if USES[t["ko"]] and USES[t["ko"]].lesson != t["lesson"]
    ]
    assert not wrong, f"(용어, 적힌 노트북, 처음 나오는 노트북): {wrong}"


def test_first_use_carries_the_english_term() -> None:
    missing = [
        f"{t['ko']} ({t['en']}) — {USES[t['ko']].lesson} 셀 {USES[t['ko']].cell}: …{USES[t['ko']].context()}…"
        for t in TERMS
        if USES[t["ko"]] and not t["ko"].isascii() and not build_glossary.carries_english(USES[t["ko"]], t)
    ]
    assert not missing, "처음 쓰는 곳에 영어 용어를 괄호로 적으세요:\n" + "\n".join(missing)


def test_terms_a_lesson_introduces_are_in_the_glossary() -> None:
    """본문에서 '한국어(english)'로 소개한 말은 용어집에 있어야 한다."""
    english = {v for t in TERMS for v in build_glossary.english_variants(t)}
    korean = {t["ko"] for t in TERMS}
    intro = re.compile(r"([가-힣][가-힣 ·-]{0,20}?)(?:\*\*)?\((?P<en>[a-z][a-z \-]+[a-z])(?:[,;)]|$)")
    missing = set()
    for lesson, index, text in build_glossary.prose_cells():
        for m in intro.finditer(text):
            en = m.group("en").strip()
            if en in english or en in NOT_TERMS or any(m.group(1).strip().endswith(k) for k in korean):
                continue
            missing.add(f"{lesson} 셀 {index}: {m.group(1).strip()}({en})")
    assert not missing, "용어집에 없는 용어:\n" + "\n".join(sorted(missing))


def test_rejected_variants_do_not_appear() -> None:
    rejected = {r: t["ko"] for t in TERMS for r in t.get("rejected") or []}
    pattern = re.compile(r"(?<![가-힣])(" + "|".join(map(re.escape, sorted(rejected, key=len, reverse=True))) + ")")
    found = []
    for where, text in orthography.learner_texts():
        if where.startswith(("docs/glossary.yml", "docs/GLOSSARY.md")):
            continue
        for m in pattern.finditer(text):
            found.append(f"{where}: '{m.group(1)}' → '{rejected[m.group(1)]}'")
    assert not found, "쓰지 않기로 한 말:\n" + "\n".join(found[:40])


def test_glossary_definitions_avoid_rejected_variants() -> None:
    rejected = {r for t in TERMS for r in t.get("rejected") or []}
    for term in TERMS:
        for r in rejected:
            assert not re.search(r"(?<![가-힣])" + re.escape(r), term["definition"]), (term["ko"], r)
