#!/usr/bin/env bash
# 강의 환경 한 줄 명령 (Linux / macOS / WSL2).
#   bash course.sh lab       설치(처음 한 번) 후 JupyterLab 으로 강의 노트북 열기
#   bash course.sh test      설치(처음 한 번) 후 모든 테스트(도우미 + 노트북 재실행) 통과 확인
#   bash course.sh refresh [노트북...]   노트북을 깨끗한 커널로 처음부터 다시 실행해 출력 저장
# 가상환경은 저장소의 .venv/ 에 만든다. requirements.txt 등이 바뀌면 다시 설치한다.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" - <<'PY'
import sys
if not ((3, 11) <= sys.version_info[:2] <= (3, 13)):
    sys.exit(f"Python 3.11~3.13 이 필요합니다(지금 {sys.version.split()[0]}). "
             "Python 3.11-3.13 is required (3.11 recommended).")
PY
    echo "가상환경 만들기: $VENV"
    "$PYTHON" -m venv "$VENV"
fi

stamp="$VENV/.course-installed"
want=$(cat requirements.txt constraints.txt pyproject.toml | "$VENV/bin/python" -c \
    "import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())")
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "패키지 설치 중 (처음에는 몇 분 걸립니다) ..."
    start=$(date +%s)
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
    "$VENV/bin/python" -m pip check
    echo "$want" > "$stamp"
    echo "설치 완료: $(( $(date +%s) - start )) 초"
fi

command=${1:-lab}
shift || true
case "$command" in
    lab)
        exec "$VENV/bin/jupyter" lab notebooks/ "$@"
        ;;
    test)
        # 설정(대상 폴더, nbval 방식)은 pyproject.toml 의 [tool.pytest.ini_options] 에 있다.
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    refresh)
        exec "$VENV/bin/python" tools/execute_notebooks.py "$@"
        ;;
    *)
        echo "사용법: bash course.sh [lab|test|refresh]" >&2
        exit 2
        ;;
esac
