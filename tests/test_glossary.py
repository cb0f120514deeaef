"""강의 용어집: 원본 하나(docs/glossary.yml), 그 원본에서 만든 페이지(docs/GLOSSARY.md), README의 링크."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build_glossary  # noqa: E402

TERMS = build_glossary.load_terms()


def test_every_entry_is_complete() -> None:
    for term in TERMS:
        assert set(term) <= {"ko", "en", "lesson", "definition", "rejected", "also", "patterns"}, term
        assert re.search(r"[가-힣]", term["ko"]) or term["ko"].isascii(), term
        assert term["en"].strip() and term["definition"].strip(), term
        assert term["lesson"] in build_glossary.LESSONS, term
        assert term["definition"].rstrip().endswith("."), f"정의는 문장으로 끝냅니다: {term['ko']}"
        assert isinstance(term.get("rejected") or [], list), term
        assert isinstance(term.get("also") or [], list), term
        for pattern in term.get("patterns") or []:
            re.compile(pattern)
    also = {a for t in TERMS for a in t.get("also") or []}
    rejected = {r for t in TERMS for r in t.get("rejected") or []}
    assert not also & rejected, f"다른 이름이면서 쓰지 않는 말: {also & rejected}"


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
        if where.startswith(("docs/glossary.yml", "docs/GLOSSARY.md", "tests/test_glossary.py")):
            continue
        for m in pattern.finditer(text):
            found.append(f"{where}: '{m.group(1)}' → '{rejected[m.group(1)]}'")
    assert not found, "쓰지 않기로 한 말:\n" + "\n".join(found[:40])


def test_glossary_definitions_avoid_rejected_variants() -> None:
    rejected = {r for t in TERMS for r in t.get("rejected") or []}
    for term in TERMS:
        for r in rejected:
            assert not re.search(r"(?<![가-힣])" + re.escape(r), term["definition"]), (term["ko"], r)


# ---------------------------------------------------------------------------
# 활용형과 구절(patterns): 낱말 그대로 찾는 rejected가 놓치는 꼴

# 용어마다 식이 잡아야 하는 틀린 글과 그냥 두어야 하는 맞는 글. 모든 patterns 항목이 여기 예를 가져야 한다.
PATTERN_SAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "신경망": (["이 네트워크는 은닉층이 둘입니다.", "네트워크가 XOR를 풉니다."], ["이 신경망은 은닉층이 둘입니다.", "네트워크 없음, 404", "(저장소 주소 오류, 네트워크)"]),
    "타깃": (["입력 0, 목표 1: 편향이 있어야", "|목표 - 출력|", "목표값 0.2", "(목표 {target})"],
             ["## 학습 목표", "목표 재현율 0.8을 채우는", "목표는 기준선보다 낮은 MAE입니다."]),
    "초깃값": (["처음 값 $w = 2.5$에서", "처음 가중치로 돌아갑니다."], ["처음에는 촘촘히", "초깃값을 정합니다."]),
    "갱신": (["고친 횟수", "가중치를 한 번 고치는 함수", "1000번 고치면서", "100번씩 고쳐 봅니다.", "편향도 고쳐야 합니다."],
             ["원인을 고치세요.", "강사가 고친 내용을 받습니다.", "가중치를 갱신합니다."]),
    "오버플로": (["$e^{z}$가 넘치지 않게", "무한대로 넘쳐 결과가"], ["오버플로가 납니다.", "넘어가고"]),
    "데이터 증강": (["데이터를 늘려 과대적합을 줄입니다."], ["데이터 증강으로 훈련 세트를 늘립니다."]),
    "원소별 곱": (["원소끼리 곱한 배열", "원소끼리 곱(w * x)"], ["원소별 곱(w * x)", "원소끼리 더합니다"]),
    "죽은 ReLU": (["죽은 뉴런이 생깁니다."], ["죽은 ReLU가 생깁니다."]),
    "도함수": (["시그모이드 미분은 최대 0.25입니다.", "$\\sigma(z)$의 미분은"], ["시그모이드의 도함수는", "미분할 수 있는 함수", "수치 미분으로"]),
    "기울기": (["직선의 기울기 $w$"], ["손실의 기울기", "직선이 기운 정도"]),
    "클래스": (["반마다 정확도를", "반별로 셉니다.", "1반(안쪽)과 0반(빨강)"], ["반 단위 이하", "반복합니다", "반대 방향"]),
    "인수": (["`warmup_steps` 인자로 두 단계를"], ["층마다 인자가 하나씩 곱해집니다.", "`warmup_steps` 인수로"]),
    "로짓": (["로짓 점수", "출력층의 점수를", "ReLU가 음수 점수를", "소프트맥스를 거치기 전의 점수(로짓)"], ["Zubrod 전신 상태 점수", "로짓을 소프트맥스에", "테스트 점수를 보고", "DNN 점수의 퍼짐"]),
}  # fmt: skip

PATTERNS = {t["ko"]: [re.compile(p) for p in t.get("patterns") or []] for t in TERMS}


def test_every_pattern_has_right_and_wrong_samples() -> None:
    with_patterns = {ko for ko, patterns in PATTERNS.items() if patterns}
    assert with_patterns == set(PATTERN_SAMPLES), "patterns가 있는 용어마다 PATTERN_SAMPLES에 예를 적으세요"


@pytest.mark.parametrize("ko", sorted(PATTERN_SAMPLES))
def test_patterns_catch_wrong_forms_and_leave_right_ones(ko: str) -> None:
    wrong, right = PATTERN_SAMPLES[ko]
    for text in wrong:
        assert any(p.search(text) for p in PATTERNS[ko]), (ko, text)
    for text in right:
        assert not any(p.search(text) for p in PATTERNS[ko]), (ko, text)


def test_no_rejected_form_in_what_learners_read() -> None:
    found = []
    for where, text in orthography.learner_texts():
        if where.startswith(("docs/glossary.yml", "docs/GLOSSARY.md", "tests/test_glossary.py")):
            continue
        for ko, patterns in PATTERNS.items():
            for pattern in patterns:
                for m in pattern.finditer(text):
                    found.append(f"{where}: '{m.group(0)}' → {ko}")
    assert not found, f"용어집의 용어로 바꾸세요({len(found)}곳):\n" + "\n".join(found[:60])
