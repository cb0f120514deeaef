"""MkDocs 훅: 한국어 제목에도 앵커(id)가 생기게 한다.

mkdocs-jupyter는 Python-Markdown의 목차 확장을 기본 설정으로 불러, 제목의 id에서 한글을 모두 지운다
("## 학습 목표" → id=""). 그러면 목차와 검색 결과가 제목으로 가지 못한다. 목차 확장의 기본 slugify가
유니코드 글자를 지키게 한다(Python-Markdown의 slugify에 unicode=True를 주는 것과 같다).

또 강사용 페이지는 tools/build_book.py가 연습 문제 채점을 마칠 때까지 기다렸다가 읽는다(on_page_read_source).
"""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path
from typing import Any

import markdown.extensions.toc as toc

toc.slugify = functools.partial(toc.slugify, unicode=True)

# mkdocs-jupyter는 노트북 제목의 id를 따로 만든다(ASCII만 남기는 자체 slugify). 목차와 같은 규칙으로 맞춘다.
import mkdocs_jupyter.convert  # noqa: E402

mkdocs_jupyter.convert.slugify = functools.partial(toc.slugify, separator="-")

# nbconvert는 제목 id를 퍼센트 인코딩한다("%ED%95%99…"): 목차의 링크("#학습-목표")와 같도록 글자 그대로 둔다.
import nbconvert.filters.strings  # noqa: E402

nbconvert.filters.strings._convert_header_id = lambda header_id: header_id.replace(" ", "-")


def on_page_read_source(page: Any, config: Any) -> str | None:
    """강사용 페이지는 tools/build_book.py가 연습 문제 채점을 마치고 다시 쓸 때까지 기다렸다가 읽는다.

    build_book은 채점과 MkDocs를 함께 돌리고, 다 쓰면 DL_COURSE_INSTRUCTOR_READY가 가리키는 파일을 만든다.
    None을 돌려주면 MkDocs가 파일을 그대로 읽는다."""
    ready = os.environ.get("DL_COURSE_INSTRUCTOR_READY")
    if ready and page.file.src_uri.startswith("instructor/"):
        deadline = time.monotonic() + 900
        while not Path(ready).exists():
            if time.monotonic() > deadline:
                raise RuntimeError(
                    "강사용 페이지를 15분 동안 기다렸습니다 / instructor pages never became ready"
                )
            time.sleep(0.1)
    return None


# 그림의 대체 텍스트: nbconvert가 다는 영어 문구 대신, 그림을 그린 코드에서 만든 한국어 설명(book/alt_text.py).
import alt_text  # noqa: E402  (MkDocs는 훅 파일을 읽는 동안 그 폴더를 sys.path에 넣는다)
import nbformat  # noqa: E402


def on_post_page(output: str, page: Any, config: Any) -> str:
    """강의 페이지(노트북)의 그림마다 alt를 그 그림의 한국어 설명으로 바꾼다."""
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    notebook = nbformat.read(page.file.abs_src_path, as_version=4)
    return alt_text.add_alt_text(notebook, output)
