"""MkDocs 훅: 한국어 독자와 보조 기술을 위한 마무리(목차 링크, 키보드 스크롤, 검색 창의 이름).

- 목차: mkdocs-jupyter는 노트북을 마크다운으로 바꾼 뒤 Python-Markdown의 목차 확장으로 목차를 만드는데, 제목 속
  인라인 코드가 빠진다("Keras의 `Dense(1)`도 같은 뉴런" → "Keras의 도 같은 뉴런"). 그러면 목차 링크(#keras의-도-같은-뉴런)가
  페이지의 제목 id(#keras의-dense1도-같은-뉴런)와 달라 아무 데로도 가지 않는다. 목차를 만들 때만 제목의 역따옴표를 벗겨
  코드 글자를 남긴다.
- 키보드: 가로로 스크롤되는 코드 셀과 넓은 표에 tabindex="0"을 주어, 마우스 없이도 초점을 옮겨 스크롤할 수 있게 한다.
- 검색 창: Material의 검색 상자(role="dialog")에 이름(aria-label)을 붙인다.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import mkdocs_jupyter.plugin
import nbformat

_HEADING = re.compile(r"^(#{1,6}[ \t].*)$", flags=re.M)
_INLINE_CODE = re.compile(r"`+([^`\n]+?)`+")
_original_toc_tokens = mkdocs_jupyter.plugin._get_nb_toc_tokens


def _toc_keeping_code(fpath: str, toc_depth: int) -> Any:
    """제목 줄의 인라인 코드에서 역따옴표만 벗긴 사본으로 목차를 만든다(코드 글자가 목차와 링크에 남는다).

    mkdocs-jupyter(0.26)는 목차용 마크다운에서 인라인 코드를 통째로 지운다. 페이지의 제목 id는 코드 글자를 넣어
    만들므로, 역따옴표만 벗기면 목차의 링크가 제목 id와 같아진다."""
    notebook = nbformat.read(fpath, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = _HEADING.sub(lambda m: _INLINE_CODE.sub(r"\1", m.group(1)), cell.source)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / Path(fpath).name
        nbformat.write(notebook, copy)
        return _original_toc_tokens(str(copy), toc_depth)


mkdocs_jupyter.plugin._get_nb_toc_tokens = _toc_keeping_code

# 노트북 코드 셀(가로 스크롤), 출력의 <pre>, 표, 마크다운 페이지의 코드 블록(Material에서는 <pre> 안의 <code>가 스크롤된다)
_SCROLLERS = re.compile(r'<(div class="highlight-ipynb[^"]*"|pre|table|code class="language-[^"]*")(?![^>]*tabindex)')
_SEARCH_DIALOG = 'class="md-search" data-md-component="search" role="dialog"'


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = _SCROLLERS.sub(r'<\1 tabindex="0"', output)
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG + ' aria-label="검색"')

