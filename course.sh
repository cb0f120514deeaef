#!/usr/bin/env bash
# 강의 환경 한 줄 명령 (Linux / macOS / WSL2).
#   bash course.sh lab       설치(처음 한 번) 후 JupyterLab으로 강의 노트북 열기
#   bash course.sh test      설치(처음 한 번) 후 모든 테스트(도우미 + 노트북 재실행) 통과 확인
#   bash course.sh refresh [노트북...]   노트북을 깨끗한 커널로 처음부터 다시 실행해 출력 저장
#   bash course.sh book      강의 웹사이트를 _build/book/site에 만들기(저장된 출력 그대로, 인터넷 없이 열림)
# 가상환경은 저장소의 .venv/에 만든다. requirements.txt 등이 바뀌면 다시 설치한다.
# 파이썬 고르기: PYTHON=python3.12 bash course.sh lab  (3.11~3.13, 기본은 python3)
set -euo pipefail
cd "$(dirname "$0")"

chosen_python=${PYTHON:-}  # 사용자가 직접 고른 파이썬(없으면 빈 값)
PYTHON=${PYTHON:-python3}
VENV=.venv

if ! "$PYTHON" -c "" >/dev/null 2>&1; then  # 없거나 실행되지 않는 파이썬(예: pyenv가 켜지 않은 버전)
    echo "Python('$PYTHON')을 찾지 못했습니다. Python 3.11~3.13을 설치하거나, 설치된 Python을 PYTHON 변수로 지정하세요." >&2
    echo "  예: PYTHON=python3.12 bash course.sh lab" >&2
    echo "Python not found: '$PYTHON'. Install Python 3.11-3.13 or point PYTHON at one." >&2
    exit 1
fi

python_version() {  # "3.11"처럼 주 버전.부 버전
    "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'
}

# 반쯤 만들어진 가상환경(예: python3-venv가 없어 venv가 중간에 실패)이나
# 다른 파이썬으로 만든 가상환경은 지우고 새로 만든다.
if [ -d "$VENV" ]; then
    reason=""
    if [ ! -x "$VENV/bin/python" ]; then
        reason="$VENV/bin/python이 없습니다"
    elif ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        reason="가상환경에 pip이 없습니다(만들다가 실패한 가상환경)"
    elif [ -n "$chosen_python" ] && \
         [ "$(python_version "$VENV/bin/python")" != "$(python_version "$PYTHON")" ]; then
        reason="가상환경은 Python $(python_version "$VENV/bin/python"), 고른 것은 $PYTHON ($(python_version "$PYTHON"))"
    fi
    if [ -n "$reason" ]; then
        echo "가상환경을 새로 만듭니다. 까닭: $reason. / Rebuilding $VENV: $reason"
        rm -rf "$VENV"
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" - <<'PY'
import sys
if not ((3, 11) <= sys.version_info[:2] <= (3, 13)):
    sys.exit(f"Python 3.11~3.13이 필요합니다(지금 {sys.version.split()[0]}). "
             "다른 버전을 고르는 예: PYTHON=python3.12 bash course.sh lab\n"
             "Python 3.11-3.13 is required (3.11 recommended).")
PY
    echo "가상환경 만들기: $VENV (Python $(python_version "$PYTHON"))"
    if ! "$PYTHON" -m venv "$VENV" || ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        rm -rf "$VENV"
        echo "가상환경을 만들지 못했습니다. Debian/Ubuntu라면 venv 모듈을 설치한 뒤 다시 실행하세요." >&2
        echo "  sudo apt install python3-venv   (또는 python$(python_version "$PYTHON")-venv)" >&2
        echo "Could not create the virtual environment. On Debian/Ubuntu install python3-venv and run again." >&2
        exit 1
    fi
fi

# 학생(lab)은 requirements.txt만, 강의를 만드는 명령(test, refresh, book)은 requirements-dev.txt(학생 환경 +
# 강의실 서버 + 테스트·웹사이트 도구)를 설치한다. 설치한 파일들의 해시를 적어 두고, 바뀌었을 때만 다시 설치한다.
files_hash() {  # 파일들을 이어 붙인 내용의 sha256
    cat "$@" 2>/dev/null | "$VENV/bin/python" -c \
        "import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())"
}
installed() {  # installed <requirements 파일> <해시에 넣을 파일들...>: 그 파일들 그대로 설치되어 있는가
    local stamp="$VENV/.course-installed-$(basename "$1" .txt)"
    shift
    [ "$(cat "$stamp" 2>/dev/null)" = "$(files_hash "$@")" ]
}
install() {  # install <requirements 파일> <해시에 넣을 파일들...>
    local file=$1
    if ! installed "$@"; then
        echo "패키지 설치 중 (처음에는 몇 분 걸립니다) ..."
        start=$(date +%s)
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$file"
        "$VENV/bin/python" -m pip check
        shift
        files_hash "$@" > "$VENV/.course-installed-$(basename "$file" .txt)"
        echo "설치 완료: $(( $(date +%s) - start ))초"
    fi
}
student_files=(requirements.txt constraints.txt pyproject.toml labsettings/pyproject.toml labsettings/dl-course.json)
dev_files=("${student_files[@]}" requirements-dev.txt classroom/requirements.txt)
case "${1:-lab}" in
    lab)
        # 개발 환경을 이미 설치했으면 학생 환경도 들어 있다
        if [ ! -f requirements-dev.txt ] || ! installed requirements-dev.txt "${dev_files[@]}"; then
            install requirements.txt "${student_files[@]}"
        fi
        ;;
    *) install requirements-dev.txt "${dev_files[@]}" ;;
esac

# 테스트와 노트북 재실행은 이 컴퓨터의 기록(matplotlib 글꼴 캐시, IPython·Jupyter·Keras 설정, fontconfig
# 캐시)에 따라 결과가 달라지지 않도록, 실행마다 새로 만든 빈 폴더를 캐시와 설정 자리로 쓴다(몇 초 걸린다).
# 노트북의 연습 문제 채점(check)이 남기는 기록도 $HOME(~/.dl-course)이 아니라 이 폴더에 쓴다.
fresh_caches() {
    fresh=$(mktemp -d "${TMPDIR:-/tmp}/dl-course-run.XXXXXX")
    trap 'rm -rf "$fresh"' EXIT
    export MPLCONFIGDIR="$fresh/matplotlib" IPYTHONDIR="$fresh/ipython" KERAS_HOME="$fresh/keras" \
           JUPYTER_CONFIG_DIR="$fresh/jupyter/config" JUPYTER_RUNTIME_DIR="$fresh/jupyter/runtime" \
           XDG_CACHE_HOME="$fresh/cache" DL_COURSE_PROGRESS="$fresh/progress/progress.jsonl"
}

command=${1:-lab}
shift || true
case "$command" in
    lab)
        extra=()
        if [ "$(id -u)" = "0" ]; then
            # Docker, WSL의 기본 사용자처럼 root로 실행하면 JupyterLab이 시작을 거부한다.
            echo "root로 실행 중이라 --allow-root를 붙입니다. 가능하면 일반 사용자로 실행하세요. / Running as root: adding --allow-root."
            extra+=(--allow-root)
        fi
        exec "$VENV/bin/jupyter" lab notebooks/ ${extra[@]+"${extra[@]}"} "$@"
        ;;
    test)
        # 설정(대상 폴더, nbval 방식)은 pyproject.toml의 [tool.pytest.ini_options]에 있다.
        fresh_caches
        "$VENV/bin/python" -m pytest "$@"
        ;;
    refresh)
        fresh_caches
        "$VENV/bin/python" tools/execute_notebooks.py "$@"
        ;;
    book)
        exec "$VENV/bin/python" tools/build_book.py "$@"
        ;;
    *)
        echo "사용법: bash course.sh [lab|test|refresh|book]" >&2
        exit 2
        ;;
esac
