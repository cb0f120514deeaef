"""강의 페이지의 그림에 한국어 대체 텍스트(alt)를 단다.

nbconvert는 노트북 출력의 그림마다 ``alt="No description has been provided for this image"``를 단다.
화면 낭독기는 이 영어 문장만 읽어 준다. 이 모듈은 그림을 그린 코드 셀을 ``ast``로 읽어(다시 실행하지
않는다) 제목, 축 이름, 범례, 색 막대 이름, 그림 속 글을 모으고 "선 그래프: ‘제목’. 가로축 ‘…’,
세로축 ‘…’. 범례: ‘…’, ‘…’." 꼴의 설명을 만든다. 그림에서 읽은 글은 작은따옴표로 묶는다.
book/hooks.py의 ``on_post_page``가 사이트를 만들 때 부른다.

코드를 따라가는 방법: 노트북의 코드 셀을 위에서부터 흉내 내어 실행한다. 문자열, 수, 리스트, 사전 리터럴과
matplotlib의 그림·축 객체만 값으로 알고 나머지는 '모르는 값'으로 둔다. 노트북에서 정의한 함수(예:
``plot_activation``)는 부를 때 몸체를 따라가고, ``helpers.plot_history()``는 가짜 학습 기록으로 실제로 불러
제목, 축 이름, 범례를 읽는다. f-문자열에서 값을 모르는 자리는 "…"로 적는다. 제목이 없으면 그 셀 앞의
마크다운 제목(절)으로 어떤 그림인지 적는다.
"""

from __future__ import annotations

import ast
import html
import itertools
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

PLACEHOLDER = "No description has been provided for this image"
HOLE = "\x00"  # 문자열 안에서 값을 모르는 자리. 글로 낼 때 "…"가 된다.
MAX_LOOP = 60  # 이보다 길게 도는 반복문은 한 번만(모르는 값으로) 따라간다
MAX_REPEATS = 600  # 겹친 반복문은 횟수의 곱이 이보다 크면 안쪽을 한 번만 따라간다
BUDGET = 100_000  # 셀의 맨 위 문장 하나를 따라가며 계산하는 식의 최대 개수(끝없는 반복을 막는다)

IMAGE_KEY = re.compile(r"^image/")
CELL_ID = re.compile(r'<div\b[^>]*\bid="cell-id=([^"]+)"')
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ALT_ATTR = re.compile(r'\balt="[^"]*"', re.I)
# 그림 속 글은 두 글자 이상의 낱말이 있는 것만 적는다(기호 'x₀', 'Σ'는 뺀다).
WORD = re.compile(r"[A-Za-z가-힣]{2}")
MAX_TEXTS = 12

# 그래프 종류: 축 하나에 여러 가지를 그렸으면 이 사전에서 앞에 있는 종류로 부른다.
KIND_NAMES: dict[str, str] = {
    "learning": "학습 곡선",
    "image": "이미지",
    "heatmap": "히트맵",
    "region": "색칠한 영역 그림",
    "hist": "히스토그램",
    "bar": "막대그래프",
    "scatter": "산점도",
    "line": "선 그래프",
    "diagram": "도식",
}
DRAW_KINDS: dict[str, str] = {
    "plot": "line", "step": "line", "fill_between": "line", "fill_betweenx": "line", "errorbar": "line",
    "stem": "line", "stairs": "line", "semilogx": "line", "semilogy": "line", "loglog": "line",
    "scatter": "scatter", "hexbin": "scatter",
    "bar": "bar", "barh": "bar", "pie": "bar", "boxplot": "bar", "violinplot": "bar",
    "hist": "hist", "hist2d": "heatmap",
    "imshow": "image", "matshow": "image", "spy": "image",
    "contour": "region", "contourf": "region", "pcolormesh": "heatmap", "pcolor": "heatmap",
    "add_patch": "diagram", "add_artist": "diagram",
}  # fmt: skip
REFERENCE_LINES = {"axhline", "axvline", "axhspan", "axvspan", "axline", "hlines", "vlines"}
SEABORN_KINDS: dict[str, str] = {
    "heatmap": "heatmap", "clustermap": "heatmap", "histplot": "hist", "kdeplot": "line", "ecdfplot": "line",
    "scatterplot": "scatter", "stripplot": "scatter", "swarmplot": "scatter", "regplot": "scatter",
    "lineplot": "line", "pointplot": "line", "barplot": "bar", "countplot": "bar", "boxplot": "bar",
    "violinplot": "bar",
}  # fmt: skip
PANDAS_KINDS = {"line": "line", "bar": "bar", "barh": "bar", "hist": "hist", "scatter": "scatter",
                "area": "line", "pie": "bar", "box": "bar", "kde": "line", "density": "line"}  # fmt: skip
DEFAULT_MODULES = {"plt": "matplotlib.pyplot", "sns": "seaborn", "np": "numpy", "pd": "pandas",
                   "helpers": "helpers"}  # fmt: skip
BUILTINS = {"range", "enumerate", "zip", "len", "str", "int", "float", "list", "tuple", "dict", "round",
            "abs", "min", "max", "sorted", "reversed", "print", "sum", "bool"}  # fmt: skip
STR_METHODS = {"replace", "strip", "lstrip", "rstrip", "upper", "lower", "capitalize", "title", "split",
               "rsplit", "format", "removeprefix", "removesuffix", "join"}  # fmt: skip
ORDINALS = ["첫째", "둘째", "셋째", "넷째", "다섯째", "여섯째", "일곱째", "여덟째", "아홉째", "열째",
            "열한째", "열두째", "열셋째", "열넷째", "열다섯째", "열여섯째", "열일곱째", "열여덟째", "열아홉째",
            "스무째"]  # fmt: skip

# matplotlib 수식($…$)을 낭독기가 읽을 글자로.
MATH_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "eta": "η",
    "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "Sigma": "Σ", "tau": "τ", "phi": "φ",
    "omega": "ω", "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×", "approx": "≈", "leq": "≤",
    "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "infty": "∞", "sum": "Σ", "to": "→", "rightarrow": "→",
    "pm": "±", "ln": "ln", "log": "log", "exp": "exp", "lfloor": "⌊", "rfloor": "⌋",
}  # fmt: skip
SUPERSCRIPTS = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")


# ---------------------------------------------------------------- 값


class _Unknown:
    """따라갈 수 없는 값."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


@dataclass(eq=False)
class Panel:
    """matplotlib 축(Axes) 하나에서 모은 것."""

    figure: Figure
    twin_of: Panel | None = None
    title: str | None = None
    xlabel: str | None = None
    ylabel: str | None = None
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    legend: bool = False
    legend_title: str | None = None
    texts: list[str] = field(default_factory=list)
    colorbar: str | None = None
    axis_off: bool = False


@dataclass(eq=False)
class Figure:
    """matplotlib 그림 하나: 축들, 전체 제목, 축의 행과 열."""

    panels: list[Panel] = field(default_factory=list)
    suptitle: str | None = None
    shape: tuple[int, int] | None = None
    legend: bool = False

    def add_panel(self, twin_of: Panel | None = None) -> Panel:
        panel = Panel(self, twin_of=twin_of)
        self.panels.append(panel)
        return panel


@dataclass(eq=False)
class Grid:
    """plt.subplots(행, 열)로 얻은 축 배열(행 우선 순서)."""

    panels: list[Panel]
    rows: int
    cols: int


@dataclass(frozen=True)
class Module:
    """import한 모듈이나 그 안의 이름(예: matplotlib.pyplot.subplots)."""

    name: str


@dataclass(eq=False)
class Function:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    scope: Scope


@dataclass(eq=False)
class Bound:
    """알려진 객체의 메서드(부르기 전)."""

    obj: Any
    name: str


@dataclass(eq=False)
class Drawn:
    """축에 그린 것(colorbar()가 어느 축의 것인지 안다)."""

    panel: Panel


@dataclass(eq=False)
class Colorbar:
    panel: Panel


@dataclass(eq=False)
class Frame:
    """열 이름을 아는 pandas DataFrame."""

    columns: list[str]


@dataclass(eq=False)
class PandasPlot:
    """DataFrame.plot 접근자."""

    frame: Any


class Scope:
    """이름 → 값. 함수 안에서는 바깥(노트북 전체)의 이름도 읽는다."""

    def __init__(self, parent: Scope | None = None) -> None:
        self.names: dict[str, Any] = {}
        self.parent = parent

    def get(self, name: str) -> Any:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        if name in BUILTINS:
            return Module(f"builtins.{name}")
        if name in DEFAULT_MODULES:
            return Module(DEFAULT_MODULES[name])
        return UNKNOWN


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _OutOfBudget(Exception):
    pass


def _known(value: Any) -> bool:
    return value is not UNKNOWN and not (isinstance(value, str) and HOLE in value)


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) or value is None


def _text(value: Any) -> str | None:
    """글로 쓸 수 있는 값(모르는 자리가 있어도 된다)이면 그 글."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return None


# ---------------------------------------------------------------- 노트북을 따라가기


@dataclass
class NotebookFacts:
    """노트북 전체에서 읽은 것: compile(metrics=[…])의 지표 이름, fit()에 검증 세트를 주었는지."""

    metrics: list[str] = field(default_factory=list)
    validation: bool = False


class Runner:
    """노트북의 코드 셀을 차례로 흉내 내어 실행하고, 셀마다 만든 그림(Figure)을 모은다."""

    def __init__(self, facts: NotebookFacts) -> None:
        self.scope = Scope()
        self.facts = facts
        self.figures: list[Figure] = []
        self.current: Panel | None = None
        self.current_figure: Figure | None = None
        self.steps = 0
        self.depth = 0
        self.repeats = 1  # 지금 도는 반복문들의 횟수를 곱한 것

    # ---- 셀
    def run_cell(self, source: str) -> list[Figure]:
        self.figures, self.current, self.current_figure = [], None, None
        tree = _parse(source)
        for statement in tree.body if tree is not None else []:
            self.steps, self.depth, self.repeats = 0, 0, 1  # 맨 위 문장마다 새 예산
            try:
                self.statement(statement, self.scope)
            except (_OutOfBudget, _Return, RecursionError, Exception):
                for name in _assigned_names(statement):
                    self.scope.names[name] = UNKNOWN
        return self.figures

    def new_figure(self) -> Figure:
        figure = Figure()
        self.figures.append(figure)
        self.current_figure, self.current = figure, None
        return figure

    def gca(self) -> Panel:
        if self.current is None:
            figure = self.current_figure or self.new_figure()
            self.current = figure.panels[-1] if figure.panels else figure.add_panel()
        return self.current

    # ---- 문장
    def block(self, body: list[ast.stmt], scope: Scope) -> None:
        for statement in body:
            try:
                self.statement(statement, scope)
            except (_Return, _OutOfBudget, RecursionError):
                raise
            except Exception:  # 흉내 내지 못한 문장: 그 문장이 바꾼 이름은 모르는 값이 된다
                for target in _assigned_names(statement):
                    scope.names[target] = UNKNOWN

    def statement(self, node: ast.stmt, scope: Scope) -> None:
        self._tick()
        if isinstance(node, ast.Expr):
            self.expr(node.value, scope)
        elif isinstance(node, ast.Assign):
            value = self.expr(node.value, scope)
            for target in node.targets:
                self.assign(target, value, scope)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self.assign(node.target, self.expr(node.value, scope), scope)
        elif isinstance(node, ast.AugAssign):
            value = self.binop(node.op, self.expr(node.target, scope), self.expr(node.value, scope))
            self.assign(node.target, value, scope)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            scope.names[node.name] = Function(node, scope)
        elif isinstance(node, ast.ClassDef):
            scope.names[node.name] = UNKNOWN
        elif isinstance(node, ast.Return):
            raise _Return(self.expr(node.value, scope) if node.value is not None else None)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    scope.names[alias.asname] = Module(alias.name)
                else:
                    scope.names[alias.name.split(".")[0]] = Module(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                scope.names[alias.asname or alias.name] = Module(f"{node.module}.{alias.name}")
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self.loop(node, scope)
        elif isinstance(node, ast.While):
            self.block(node.body, scope)
        elif isinstance(node, ast.If):
            test = self.expr(node.test, scope)
            if _scalar(test) and _known(test):
                self.block(node.body if test else node.orelse, scope)
            else:
                self.block(node.body, scope)
                self.block(node.orelse, scope)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                self.expr(item.context_expr, scope)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, UNKNOWN, scope)
            self.block(node.body, scope)
        elif isinstance(node, ast.Try):
            self.block(node.body, scope)
            self.block(node.orelse, scope)
            self.block(node.finalbody, scope)

    def loop(self, node: ast.For | ast.AsyncFor, scope: Scope) -> None:
        items = self.items(self.expr(node.iter, scope))
        if items is None or len(items) > MAX_LOOP or self.repeats * len(items) > MAX_REPEATS:
            self.assign(node.target, UNKNOWN, scope)
            self.block(node.body, scope)
            return
        self.repeats *= len(items)
        try:
            for item in items:
                self.assign(node.target, item, scope)
                self.block(node.body, scope)
        finally:
            self.repeats //= max(len(items), 1)

    def assign(self, target: ast.expr, value: Any, scope: Scope) -> None:
        if isinstance(target, ast.Name):
            scope.names[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = self.items(value)
            starred = any(isinstance(t, ast.Starred) for t in target.elts)
            if items is None or starred or len(items) != len(target.elts):
                items = [UNKNOWN] * len(target.elts)
            for sub, item in zip(target.elts, items, strict=True):
                self.assign(sub.value if isinstance(sub, ast.Starred) else sub, item, scope)
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            container = scope.get(target.value.id)
            key = self.expr(target.slice, scope)
            if isinstance(container, dict) and _scalar(key) and _known(key):
                container[key] = value
            elif isinstance(container, (dict, list)):
                scope.names[target.value.id] = UNKNOWN  # 어느 칸이 바뀌었는지 모른다

    # ---- 식
    def _tick(self) -> None:
        self.steps += 1
        if self.steps > BUDGET:
            raise _OutOfBudget

    def expr(self, node: ast.expr | None, scope: Scope) -> Any:
        if node is None:
            return None
        self._tick()
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return scope.get(node.id)
        if isinstance(node, ast.JoinedStr):
            return "".join(self.fstring_part(part, scope) for part in node.values)
        if isinstance(node, (ast.Tuple, ast.List)):
            values = [self.expr(e, scope) for e in node.elts if not isinstance(e, ast.Starred)]
            if any(isinstance(e, ast.Starred) for e in node.elts):
                return UNKNOWN
            return tuple(values) if isinstance(node, ast.Tuple) else values
        if isinstance(node, ast.Dict):
            return self.dict_literal(node, scope)
        if isinstance(node, ast.Attribute):
            return self.attribute(self.expr(node.value, scope), node.attr)
        if isinstance(node, ast.Subscript):
            return self.subscript(self.expr(node.value, scope), self.expr(node.slice, scope))
        if isinstance(node, ast.Call):
            return self.call_node(node, scope)
        if isinstance(node, ast.BinOp):
            return self.binop(node.op, self.expr(node.left, scope), self.expr(node.right, scope))
        if isinstance(node, ast.UnaryOp):
            operand = self.expr(node.operand, scope)
            if _scalar(operand) and _known(operand):
                ops: dict[type, Callable[[Any], Any]] = {
                    ast.USub: lambda v: -v,
                    ast.UAdd: lambda v: +v,
                    ast.Not: lambda v: not v,
                }
                try:
                    return ops[type(node.op)](operand)
                except Exception:
                    return UNKNOWN
            return UNKNOWN
        if isinstance(node, ast.Compare):
            return self.compare(node, scope)
        if isinstance(node, ast.BoolOp):
            values = [self.expr(v, scope) for v in node.values]
            if all(_scalar(v) and _known(v) for v in values):
                return all(values) if isinstance(node.op, ast.And) else any(values)
            return UNKNOWN
        if isinstance(node, ast.IfExp):
            test = self.expr(node.test, scope)
            if _scalar(test) and _known(test):
                return self.expr(node.body if test else node.orelse, scope)
            body, orelse = self.expr(node.body, scope), self.expr(node.orelse, scope)
            if orelse is None:  # label="…" if j == 0 else None: 범례에 한 번 나오는 글
                return body
            if body is None:
                return orelse
            return body if _scalar(body) and body == orelse else UNKNOWN
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            return self.comprehension(node, scope)
        if isinstance(node, ast.NamedExpr):
            value = self.expr(node.value, scope)
            self.assign(node.target, value, scope)
            return value
        if isinstance(node, ast.Slice):
            parts = [self.expr(p, scope) for p in (node.lower, node.upper, node.step)]
            if all(p is None or isinstance(p, int) for p in parts):
                return slice(*parts)
            return UNKNOWN
        return UNKNOWN

    def fstring_part(self, part: ast.expr, scope: Scope) -> str:
        if isinstance(part, ast.Constant):
            return str(part.value)
        if not isinstance(part, ast.FormattedValue):
            return HOLE
        value = self.expr(part.value, scope)
        spec = self.expr(part.format_spec, scope) if part.format_spec is not None else ""
        if not (_scalar(value) and _known(value) and isinstance(spec, str) and HOLE not in spec):
            return HOLE if not isinstance(value, str) else value
        try:
            if part.conversion == ord("r"):
                value = repr(value)
            elif part.conversion in (ord("s"), ord("a")):
                value = str(value)
            return format(value, spec)
        except Exception:
            return HOLE

    def dict_literal(self, node: ast.Dict, scope: Scope) -> Any:
        result: dict[Any, Any] = {}
        for key_node, value_node in zip(node.keys, node.values, strict=True):
            value = self.expr(value_node, scope)
            if key_node is None:  # {**other}
                if not isinstance(value, dict):
                    return UNKNOWN
                result.update(value)
                continue
            key = self.expr(key_node, scope)
            if not (_scalar(key) and _known(key)):
                return UNKNOWN
            result[key] = value
        return result

    def comprehension(self, node: ast.expr, scope: Scope) -> Any:
        generators = node.generators  # type: ignore[attr-defined]
        inner = Scope(scope)
        results: list[Any] = []

        def walk(index: int) -> bool:
            if index == len(generators):
                if isinstance(node, ast.DictComp):
                    results.append((self.expr(node.key, inner), self.expr(node.value, inner)))
                else:
                    results.append(self.expr(node.elt, inner))  # type: ignore[attr-defined]
                return True
            generator = generators[index]
            items = self.items(self.expr(generator.iter, inner))
            if items is None or len(items) > MAX_LOOP:
                return False
            for item in items:
                self.assign(generator.target, item, inner)
                tests = [self.expr(t, inner) for t in generator.ifs]
                if not all(_scalar(t) and _known(t) for t in tests):
                    return False
                if all(tests) and not walk(index + 1):
                    return False
            return True

        if not walk(0):
            return UNKNOWN
        if isinstance(node, ast.DictComp):
            if not all(_scalar(k) and _known(k) for k, _ in results):
                return UNKNOWN
            return dict(results)
        return results

    def compare(self, node: ast.Compare, scope: Scope) -> Any:
        left = self.expr(node.left, scope)
        rights = [self.expr(c, scope) for c in node.comparators]
        ops: dict[type, Callable[[Any, Any], Any]] = {
            ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b, ast.Lt: lambda a, b: a < b,
            ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b,
            ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
            ast.Is: lambda a, b: a is b, ast.IsNot: lambda a, b: a is not b,
        }  # fmt: skip
        for op, right in zip(node.ops, rights, strict=True):
            container = isinstance(right, (list, tuple, dict)) and isinstance(
                op, (ast.In, ast.NotIn)
            )
            if not (
                _scalar(left) and _known(left) and ((_scalar(right) and _known(right)) or container)
            ):
                return UNKNOWN
            try:
                if not ops[type(op)](left, right):
                    return False
            except Exception:
                return UNKNOWN
            left = right
        return True

    def binop(self, op: ast.operator, left: Any, right: Any) -> Any:
        if isinstance(op, ast.Add) and (isinstance(left, str) or isinstance(right, str)):
            return (left if isinstance(left, str) else HOLE) + (
                right if isinstance(right, str) else HOLE
            )
        if isinstance(op, ast.Mod) and isinstance(left, str):
            args = right if isinstance(right, tuple) else (right,)
            if _known(left) and all(_scalar(a) and _known(a) for a in args):
                try:
                    return left % args
                except Exception:
                    return UNKNOWN
            return HOLE
        numbers = (int, float)
        if isinstance(left, numbers) and isinstance(right, numbers):
            operations: dict[type, Callable[[Any, Any], Any]] = {
                ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
                ast.Div: lambda a, b: a / b, ast.FloorDiv: lambda a, b: a // b, ast.Mod: lambda a, b: a % b,
            }  # fmt: skip
            try:
                return operations[type(op)](left, right)
            except Exception:
                return UNKNOWN
        if isinstance(op, ast.Add) and isinstance(left, list) and isinstance(right, list):
            return left + right
        return UNKNOWN

    def attribute(self, obj: Any, name: str) -> Any:
        if isinstance(obj, Module):
            return Module(f"{obj.name}.{name}")
        if isinstance(obj, Panel):
            return obj.figure if name == "figure" else Bound(obj, name)
        if isinstance(obj, Grid):
            return obj if name in ("flat", "T") else Bound(obj, name)
        if isinstance(obj, Frame) and name == "plot":
            return PandasPlot(obj)
        if isinstance(obj, PandasPlot):
            return Bound(obj, name)
        if isinstance(obj, (Figure, Colorbar, str, dict, list)):
            return Bound(obj, name)
        if obj is UNKNOWN and name == "plot":
            return PandasPlot(UNKNOWN)  # df.plot.bar(…): 접근자 꼴로 불렀을 때만 그림이 된다
        return UNKNOWN

    def subscript(self, obj: Any, key: Any) -> Any:
        try:
            if isinstance(obj, Grid):
                return self.grid_item(obj, key)
            if isinstance(obj, dict) and _scalar(key) and _known(key):
                return obj.get(key, UNKNOWN)
            if isinstance(obj, (list, tuple)) and isinstance(key, (int, slice)):
                return obj[key]
        except Exception:
            return UNKNOWN
        return UNKNOWN

    @staticmethod
    def grid_item(grid: Grid, key: Any) -> Any:
        if isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, int) for k in key):
            return grid.panels[key[0] * grid.cols + key[1]]
        if isinstance(key, int):
            if grid.rows > 1 and grid.cols > 1:
                row = key % grid.rows
                return Grid(grid.panels[row * grid.cols : (row + 1) * grid.cols], 1, grid.cols)
            return grid.panels[key]
        if isinstance(key, slice):
            panels = grid.panels[key]
            return Grid(panels, 1, len(panels))
        return UNKNOWN

    def items(self, value: Any) -> list[Any] | None:
        """반복할 수 있는 알려진 값이면 그 원소들."""
        if isinstance(value, (list, tuple)):
            return list(value)
        if isinstance(value, Grid):
            return list(value.panels)
        if isinstance(value, dict):
            return list(value)
        return None

    # ---- 부르기
    def call_node(self, node: ast.Call, scope: Scope) -> Any:
        func = self.expr(node.func, scope)
        args = [self.expr(a, scope) for a in node.args if not isinstance(a, ast.Starred)]
        if any(isinstance(a, ast.Starred) for a in node.args):
            args.append(UNKNOWN)
        kwargs = {k.arg: self.expr(k.value, scope) for k in node.keywords if k.arg is not None}
        return self.call(func, args, kwargs)

    def call(self, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if isinstance(func, Function):
            return self.call_function(func, args, kwargs)
        if isinstance(func, Module):
            return self.call_module(func.name, args, kwargs)
        if isinstance(func, Bound):
            obj = func.obj
            if isinstance(obj, Panel):
                return self.panel_method(obj, func.name, args, kwargs)
            if isinstance(obj, Figure):
                return self.figure_method(obj, func.name, args, kwargs)
            if isinstance(obj, Grid) and func.name in ("ravel", "flatten"):
                return obj
            if isinstance(obj, Colorbar) and func.name == "set_label" and args:
                obj.panel.colorbar = _text(args[0])
                return UNKNOWN
            if isinstance(obj, PandasPlot):
                return self.pandas_plot(obj, func.name, kwargs)
            if isinstance(obj, str):
                return self.str_method(obj, func.name, args)
            if isinstance(obj, dict):
                return self.dict_method(obj, func.name, args)
            if isinstance(obj, list) and func.name in ("append", "extend"):
                items = [args[0]] if func.name == "append" else self.items(args[0])
                if items is None:
                    obj.append(UNKNOWN)
                else:
                    obj.extend(items)
                return None
        if isinstance(func, PandasPlot) and isinstance(
            func.frame, Frame
        ):  # 모르는 x의 x.plot()은 축일 수도 있다
            return self.pandas_plot(func, str(kwargs.get("kind", "line")), kwargs)
        return UNKNOWN

    def call_function(self, func: Function, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if self.depth > 12:
            return UNKNOWN
        local = Scope(func.scope)
        spec = func.node.args
        positional = [*spec.posonlyargs, *spec.args]
        defaults = [None] * (len(positional) - len(spec.defaults)) + list(spec.defaults)
        for index, (param, default) in enumerate(zip(positional, defaults, strict=True)):
            if index < len(args):
                value = args[index]
            elif param.arg in kwargs:
                value = kwargs[param.arg]
            else:
                value = self.expr(default, func.scope) if default is not None else UNKNOWN
            local.names[param.arg] = value
        for param, default in zip(spec.kwonlyargs, spec.kw_defaults, strict=True):
            value = kwargs.get(param.arg, UNKNOWN)
            if param.arg not in kwargs and default is not None:
                value = self.expr(default, func.scope)
            local.names[param.arg] = value
        if spec.vararg:
            local.names[spec.vararg.arg] = tuple(args[len(positional) :])
        if spec.kwarg:
            local.names[spec.kwarg.arg] = UNKNOWN
        self.depth += 1
        try:
            self.block(func.node.body, local)
        except _Return as returned:
            return returned.value
        finally:
            self.depth -= 1
        return None

    def call_module(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        short = name.rsplit(".", 1)[-1]
        if name.startswith("builtins."):
            return self.builtin(short, args, kwargs)
        if name.startswith("matplotlib.pyplot."):
            return self.pyplot(short, args, kwargs)
        if name.startswith("seaborn."):
            return self.seaborn(short, args, kwargs)
        if name in ("helpers.plot_history", "helpers.plots.plot_history"):
            return self.plot_history(args, kwargs)
        if name == "pandas.DataFrame" and args and isinstance(args[0], dict):
            return Frame([str(k) for k in args[0]])
        return UNKNOWN

    def builtin(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if name == "range" and args and all(isinstance(a, int) for a in args):
            values = range(*args)
            return list(values) if len(values) <= MAX_LOOP else UNKNOWN
        if name == "enumerate" and args:
            items = self.items(args[0])
            start = args[1] if len(args) > 1 else kwargs.get("start", 0)
            if items is None or not isinstance(start, int):
                return UNKNOWN
            return [(start + i, item) for i, item in enumerate(items)]
        if name == "zip" and args:
            lists = [self.items(a) for a in args]
            lengths = [len(items) for items in lists if items is not None]
            if not lengths:
                return UNKNOWN
            count = min(lengths)
            columns = [items if items is not None else [UNKNOWN] * count for items in lists]
            return [tuple(column[i] for column in columns) for i in range(count)]
        if name in ("list", "tuple", "sorted", "reversed") and args:
            items = self.items(args[0])
            if items is None:
                return UNKNOWN
            try:
                if name == "sorted":
                    items = sorted(items)
                elif name == "reversed":
                    items = items[::-1]
            except Exception:
                return UNKNOWN
            return tuple(items) if name == "tuple" else items
        if name == "len" and args:
            items = self.items(args[0])
            return len(items) if items is not None else UNKNOWN
        if name in ("str", "int", "float", "round", "abs", "bool") and args:
            if all(_scalar(a) and _known(a) for a in args):
                try:
                    return {"str": str, "int": int, "float": float, "round": round, "abs": abs,
                            "bool": bool}[name](*args)  # fmt: skip
                except Exception:
                    return UNKNOWN
        if name == "dict" and not args:
            return dict(kwargs)
        return UNKNOWN

    def str_method(self, text: str, name: str, args: list[Any]) -> Any:
        if name not in STR_METHODS:
            return UNKNOWN
        if name == "join":
            items = self.items(args[0]) if args else None
            if items is None:
                return HOLE
            return text.join(i if isinstance(i, str) else HOLE for i in items)
        if name == "format":
            args = [a if _scalar(a) and _known(a) else HOLE for a in args]
        elif not all(_scalar(a) and _known(a) for a in args):
            return UNKNOWN
        try:
            return getattr(text, name)(*args)
        except Exception:
            return UNKNOWN

    def dict_method(self, mapping: dict[Any, Any], name: str, args: list[Any]) -> Any:
        if name == "items":
            return list(mapping.items())
        if name == "keys":
            return list(mapping)
        if name == "values":
            return list(mapping.values())
        if name == "get" and args and _scalar(args[0]):
            return mapping.get(args[0], args[1] if len(args) > 1 else None)
        if name == "copy":
            return dict(mapping)
        return UNKNOWN

    # ---- matplotlib, seaborn, pandas, helpers
    def subplots(self, figure: Figure | None, args: list[Any], kwargs: dict[str, Any]) -> Any:
        rows = args[0] if args else kwargs.get("nrows", 1)
        cols = args[1] if len(args) > 1 else kwargs.get("ncols", 1)
        rows = rows if isinstance(rows, int) else 1
        cols = cols if isinstance(cols, int) else 1
        if figure is None:
            figure = self.new_figure()
        figure.shape = (rows, cols)
        panels = [figure.add_panel() for _ in range(rows * cols)]
        self.current_figure, self.current = figure, panels[-1]
        axes: Any = panels[0] if len(panels) == 1 else Grid(panels, rows, cols)
        return figure, axes

    def pyplot(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if name == "subplots":
            return self.subplots(None, args, kwargs)
        if name == "figure":
            return self.new_figure()
        if name in ("subplot", "axes"):
            figure = self.current_figure or self.new_figure()
            self.current = figure.add_panel()
            return self.current
        if name in ("show", "close"):  # 보여 준 그림은 닫힌다. 다음 plt.plot()은 새 그림에 그린다
            self.current_figure, self.current = None, None
            return None
        if name == "gca":
            return self.gca()
        if name == "gcf":
            return self.current_figure or self.new_figure()
        if name == "suptitle" and args:
            (self.current_figure or self.new_figure()).suptitle = _text(args[0])
            return UNKNOWN
        if name == "colorbar":
            return self.figure_method(self.current_figure or self.new_figure(), name, args, kwargs)
        method = {"title": "set_title", "xlabel": "set_xlabel", "ylabel": "set_ylabel"}.get(
            name, name
        )
        if method in DRAW_KINDS or method in REFERENCE_LINES or method in {
            "set_title", "set_xlabel", "set_ylabel", "legend", "text", "annotate", "axis"
        }:  # fmt: skip
            return self.panel_method(self.gca(), method, args, kwargs)
        return UNKNOWN

    def panel_method(self, panel: Panel, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        first = args[0] if args else None
        if name == "set_title":
            panel.title = _text(kwargs.get("label", first))
        elif name == "set_xlabel":
            panel.xlabel = _text(kwargs.get("xlabel", first))
        elif name == "set_ylabel":
            panel.ylabel = _text(kwargs.get("ylabel", first))
        elif name == "set":
            for key in ("title", "xlabel", "ylabel"):
                if key in kwargs:
                    setattr(panel, key, _text(kwargs[key]))
        elif name in DRAW_KINDS or name in REFERENCE_LINES:
            if name in DRAW_KINDS:
                panel.kinds.append(DRAW_KINDS[name])
            label = _text(kwargs.get("label"))
            if label is not None and not label.startswith("_"):
                panel.labels.append(label)
            return Drawn(panel)
        elif name == "text" and len(args) >= 3:
            self.add_text(panel, args[2])
        elif name == "annotate":
            self.add_text(panel, kwargs.get("text", first))
        elif name == "legend":
            panel.legend = True
            panel.legend_title = _text(kwargs.get("title")) or panel.legend_title
            given = kwargs.get("labels", args[-1] if args else None)
            if (
                isinstance(given, (list, tuple))
                and given
                and all(isinstance(g, str) for g in given)
            ):
                panel.labels = list(given)
        elif name in ("twinx", "twiny"):
            return panel.figure.add_panel(twin_of=panel)
        elif (name == "axis" and first == "off") or name == "set_axis_off":
            panel.axis_off = True
        elif name == "get_figure":
            return panel.figure
        return UNKNOWN

    @staticmethod
    def add_text(panel: Panel, value: Any) -> None:
        text = _text(value)
        if text is not None:
            panel.texts.append(text)

    def figure_method(
        self, figure: Figure, name: str, args: list[Any], kwargs: dict[str, Any]
    ) -> Any:
        if name == "suptitle" and args:
            figure.suptitle = _text(args[0])
        elif name == "colorbar":
            target = kwargs.get("ax")
            if isinstance(target, Grid):
                target = target.panels[0]
            if not isinstance(target, Panel):
                mappable = args[0] if args else None
                target = (
                    mappable.panel if isinstance(mappable, Drawn) else (figure.panels or [None])[-1]
                )
            if isinstance(target, Panel):
                if "label" in kwargs:
                    target.colorbar = _text(kwargs["label"])
                return Colorbar(target)
        elif name in ("add_subplot", "add_axes"):
            self.current = figure.add_panel()
            return self.current
        elif name == "subplots":
            return self.subplots(figure, args, kwargs)[1]
        elif name == "legend":
            figure.legend = True
        elif name == "text" and len(args) >= 3 and figure.panels:
            self.add_text(figure.panels[0], args[2])
        return UNKNOWN

    def seaborn(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if name not in SEABORN_KINDS:
            return UNKNOWN
        panel = kwargs.get("ax")
        if not isinstance(panel, Panel):
            panel = self.gca()
        panel.kinds.append(SEABORN_KINDS[name])
        cbar = kwargs.get("cbar_kws")
        if name == "heatmap" and kwargs.get("cbar", True) is not False:
            panel.colorbar = _text(cbar.get("label")) if isinstance(cbar, dict) else None
        label = _text(kwargs.get("label"))
        if label is not None:
            panel.labels.append(label)
        return panel

    def pandas_plot(self, plot: PandasPlot, kind: str, kwargs: dict[str, Any]) -> Any:
        if kind not in PANDAS_KINDS:
            return UNKNOWN
        panel = kwargs.get("ax")
        if not isinstance(panel, Panel):
            panel = self.new_figure().add_panel()
            self.current = panel
        panel.kinds.append(PANDAS_KINDS[kind])
        for key in ("title", "xlabel", "ylabel"):
            if key in kwargs:
                setattr(panel, key, _text(kwargs[key]))
        frame = plot.frame
        if isinstance(frame, Frame) and len(frame.columns) > 1 and kwargs.get("legend", True):
            panel.labels.extend(frame.columns)
            panel.legend = True
        return panel

    def plot_history(self, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """helpers.plot_history()를 가짜 학습 기록으로 불러 제목, 축 이름, 범례를 읽는다."""
        metric = kwargs.get("metric", args[1] if len(args) > 1 else None)
        title = kwargs.get("title", args[2] if len(args) > 2 else None)
        target = kwargs.get("ax")
        if isinstance(target, Panel):
            panel, figure = target, target.figure
        else:
            figure = self.new_figure()
            panel = figure.add_panel()
            self.current = panel
        panel.kinds.append("learning")
        panel.legend = True
        read = _run_plot_history(
            metric if isinstance(metric, str) else None,
            self.facts,
            title if isinstance(title, str) else (None if title is None else HOLE),
        )
        twin = None
        if read is not None:
            panel.title, panel.xlabel, panel.ylabel, metric_label, labels = read
            panel.labels.extend(labels)
            if metric_label is not None:
                twin = figure.add_panel(twin_of=panel)
                twin.ylabel = metric_label
        else:
            panel.title = _text(title)
        return figure, panel, twin


def _run_plot_history(
    metric: str | None, facts: NotebookFacts, title: str | None
) -> tuple[str, str, str, str | None, list[str]] | None:
    """(제목, 가로축, 왼쪽 세로축, 오른쪽 세로축, 범례) — 그리지 않고 matplotlib 객체에서 읽는다."""
    try:
        from matplotlib.figure import Figure as MplFigure

        from helpers.plots import plot_history
    except ImportError:
        return None
    names = [metric] if metric is not None else list(facts.metrics)
    history: dict[str, list[float]] = {"loss": [1.0, 0.5]}
    for name in names:
        history[name] = [0.5, 0.8]
    if facts.validation:
        history.update({f"val_{name}": [0.9, 0.6] for name in list(history)})
    options: dict[str, Any] = {"ax": MplFigure().add_subplot()}
    if title is not None:
        options["title"] = title
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, loss_ax, metric_ax = plot_history(history, metric, **options)
    except Exception:
        return None
    legend = (metric_ax or loss_ax).get_legend()
    labels = [t.get_text() for t in legend.get_texts()] if legend is not None else []
    return (
        loss_ax.get_title(),
        loss_ax.get_xlabel(),
        loss_ax.get_ylabel(),
        metric_ax.get_ylabel() if metric_ax is not None else None,
        labels,
    )


def _parse(source: str) -> ast.Module | None:
    """IPython 매직(%)과 셸 명령(!)을 뺀 코드를 읽는다. 셀 매직(%%)이나 문법 오류면 None."""
    if source.lstrip().startswith("%%"):
        return None
    lines = [
        re.sub(r"^(\s*)[%!].*$", r"\1pass", line) if re.match(r"^\s*[%!]", line) else line
        for line in source.splitlines()
    ]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # 노트북 코드의 "\e" 같은 잘못된 이스케이프 경고
            return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def _assigned_names(node: ast.stmt) -> Iterator[str]:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            yield sub.id


def notebook_facts(sources: list[str]) -> NotebookFacts:
    """compile(metrics=[…])에 적은 지표 이름과, fit()에 검증 세트(validation_data/validation_split)를 주었는지."""
    facts = NotebookFacts()
    for source in sources:
        tree = _parse(source)
        for node in ast.walk(tree) if tree is not None else ():
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg in ("validation_data", "validation_split"):
                    facts.validation = True
                if keyword.arg == "metrics" and isinstance(keyword.value, (ast.List, ast.Tuple)):
                    for item in keyword.value.elts:
                        if isinstance(item, ast.Constant) and isinstance(item.value, str):
                            if item.value not in facts.metrics:
                                facts.metrics.append(item.value)
    return facts


# ---------------------------------------------------------------- 글로 쓰기


def _math(text: str) -> str:
    """matplotlib 수식 한 토막(달러 기호 안)을 읽을 수 있는 글자로."""
    text = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"\1/\2", text)
    text = re.sub(r"\\(?:mathrm|mathbf|mathit|text|operatorname)\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\hat\{([^{}]*)\}", "\\1\u0302", text)
    text = re.sub(r"\\[,;!:]|\\quad", " ", text)
    text = re.sub(r"\\([A-Za-z]+)", lambda m: MATH_SYMBOLS.get(m.group(1), m.group(1)), text)
    text = re.sub(
        r"\^\{([^{}]*)\}|\^(.)", lambda m: (m.group(1) or m.group(2)).translate(SUPERSCRIPTS), text
    )
    text = re.sub(r"_\{([^{}]*)\}|_(.)", lambda m: m.group(1) or m.group(2), text)
    return text.replace("{", "").replace("}", "")


def clean(text: str | None) -> str | None:
    """그림의 글을 alt에 쓸 꼴로: 수식을 풀고, 줄바꿈과 겹친 공백을 빈칸 하나로, 모르는 자리를 "…"로. 쓸 글이 없으면 None."""
    if text is None:
        return None
    text = re.sub(r"\$([^$]*)\$", lambda m: _math(m.group(1)), text)
    text = re.sub(f"{HOLE}+", "…", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not re.search(r"[0-9A-Za-z가-힣α-ωΑ-Ω]", text):
        return None
    return text


def _known_text(text: str | None) -> str | None:
    """모르는 자리 없이 다 아는 글만."""
    return clean(text) if text is not None and HOLE not in text else None


def _unique(values: list[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _quote(text: str) -> str:
    """그림에서 읽은 글은 작은따옴표로 묶는다(글 안의 쉼표, 쌍점과 설명의 문장 부호가 섞이지 않게)."""
    return f"‘{text}’"


def _quote_all(texts: list[str]) -> str:
    return ", ".join(_quote(t) for t in texts)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _kind(panel: Panel, twins: list[Panel]) -> str | None:
    kinds = [k for p in (panel, *twins) for k in p.kinds]
    for kind in KIND_NAMES:
        if kind in kinds:
            return kind
    return None


def _ordinal(index: int) -> str:
    return ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}번째"


@dataclass
class _PanelText:
    kind: str | None
    title: str | None
    details: list[str]  # "가로축 …, 세로축 …", "범례: …" 같은 문장들

    def same_body(self, other: _PanelText) -> bool:
        return self.kind == other.kind and self.details == other.details


def _panel_text(panel: Panel, twins: list[Panel], figure_legend: bool) -> _PanelText:
    details = []
    kind = _kind(panel, twins)
    axes = []
    if not panel.axis_off:
        xlabel = clean(panel.xlabel) or next((clean(t.xlabel) for t in twins if t.xlabel), None)
        if xlabel:
            axes.append(f"가로축 {_quote(xlabel)}")
        right = next((clean(t.ylabel) for t in twins if t.ylabel), None)
        left = clean(panel.ylabel)
        if right and left:
            axes.append(f"왼쪽 세로축 {_quote(left)}, 오른쪽 세로축 {_quote(right)}")
        elif left or right:
            axes.append(f"세로축 {_quote(left or right)}")
    if axes:
        details.append(_sentence(", ".join(axes)))
    if panel.legend or figure_legend or any(t.legend for t in twins):
        labels = _unique([clean(label) for p in (panel, *twins) for label in p.labels])
        if labels:
            details.append(_sentence("범례: " + _quote_all(labels)))
        else:
            legend_title = clean(panel.legend_title)
            if legend_title:
                details.append(_sentence(f"범례 제목: {_quote(legend_title)}"))
    colorbar = clean(panel.colorbar)
    if colorbar:
        details.append(_sentence(f"색 막대: {_quote(colorbar)}"))
    texts = _unique(
        [
            t
            for t in map(_known_text, (t for p in (panel, *twins) for t in p.texts))
            if t and WORD.search(t)
        ]
    )
    if texts:
        details.append(_sentence("그림 속 글: " + _quote_all(texts[:MAX_TEXTS])))
    return _PanelText(kind, clean(panel.title), details)


def _positions(shape: tuple[int, int] | None, count: int) -> list[str]:
    rows, cols = shape or (1, count)
    if rows * cols == count and rows == 1 and count in (2, 3):
        return ["왼쪽", "가운데", "오른쪽"] if count == 3 else ["왼쪽", "오른쪽"]
    if rows * cols == count and cols == 1 and count in (2, 3):
        return ["위쪽", "가운데", "아래쪽"] if count == 3 else ["위쪽", "아래쪽"]
    return [_ordinal(i) for i in range(count)]


def describe_figure(figure: Figure, heading: str | None) -> str:
    """그림 하나의 한국어 설명."""
    main = [p for p in figure.panels if p.twin_of is None]
    twins = {id(p): [t for t in figure.panels if t.twin_of is p] for p in main}
    texts = [_panel_text(p, twins[id(p)], figure.legend) for p in main]
    drawn = [t for t in texts if t.kind or t.title or t.details]
    suptitle = clean(figure.suptitle)
    place = f"‘{heading}’ 절의" if heading else "이 절의"
    if not drawn:
        return (
            _sentence(f"그림: {_quote(suptitle)}")
            if suptitle
            else f"그림: {place} 코드 셀이 그린 그림."
        )
    if len(drawn) == 1:
        only = drawn[0]
        kind = KIND_NAMES.get(only.kind or "", "그래프")
        title = only.title or suptitle
        first = f"{kind}: {_quote(title)}" if title else f"{place} {kind}"
        return " ".join([_sentence(first), *only.details])
    images = all(t.kind == "image" for t in drawn)
    count = f"이미지 {len(drawn)}장" if images else f"그래프 {len(drawn)}개"
    shape = figure.shape
    if shape and shape[0] > 1 and shape[1] > 1 and shape[0] * shape[1] == len(drawn):
        count += f"({shape[0]}행 {shape[1]}열)"
    if suptitle:
        parts = [_sentence(f"{count}: {_quote(suptitle)}")]
    elif any(t.title for t in drawn):
        parts = [_sentence(count)]
    else:
        parts = [_sentence(f"{place} {count}")]
    if len(drawn) >= 4 and all(t.same_body(drawn[0]) for t in drawn):
        # 같은 꼴의 작은 그림 여러 개(MNIST 그림 24장, 시드 10개의 결정 영역): 한 번만 설명한다
        unit = "이미지" if images else KIND_NAMES.get(drawn[0].kind or "", "그래프")
        titles = _unique([t.title for t in drawn])
        if len(titles) == 1 and all(t.title for t in drawn):
            parts.append(_sentence(f"{unit}마다 제목 {_quote(titles[0])}"))
        elif titles:
            parts.append(
                _sentence(
                    f"{unit}의 제목은 차례로 "
                    + ", ".join(_quote(t.title) if t.title else "제목 없음" for t in drawn)
                )
            )
        elif not images:
            parts.append(_sentence(f"모두 {unit}"))
        parts.extend(drawn[0].details)
        return " ".join(parts)
    for position, text in zip(_positions(shape, len(drawn)), drawn, strict=True):
        kind = KIND_NAMES.get(text.kind or "", "그래프")
        parts.append(
            _sentence(
                f"{position} {kind}: {_quote(text.title)}" if text.title else f"{position} {kind}"
            )
        )
        parts.extend(text.details)
    return " ".join(parts)


def _heading(source: str) -> str | None:
    """마크다운 셀의 마지막 제목(#으로 시작하는 줄)에서 링크와 서식을 뺀 글자."""
    found = None
    for line in source.splitlines():
        match = re.match(r"^#{1,6}\s+(.+?)\s*#*\s*$", line)
        if match:
            found = match.group(1)
    if found is None:
        return None
    found = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", found)
    found = found.replace("**", "").replace("`", "")
    return clean(found)


def _image_count(cell: Any) -> int:
    return sum(
        1
        for output in cell.get("outputs", [])
        if any(IMAGE_KEY.match(key) for key in output.get("data", {}))
    )


def describe_notebook(notebook: Any) -> dict[str, list[str]]:
    """셀 id → 그 셀이 출력한 그림별 설명의 목록(그림이 여러 개면 '그림 2개 중 첫째.'를 앞에 붙인다)."""
    cells = notebook.cells
    facts = notebook_facts([c.source for c in cells if c.cell_type == "code"])
    runner = Runner(facts)
    heading: str | None = None
    result: dict[str, list[str]] = {}
    for cell in cells:
        if cell.cell_type == "markdown":
            heading = _heading(cell.source) or heading
            continue
        if cell.cell_type != "code":
            continue
        figures = runner.run_cell(cell.source)
        count = _image_count(cell)
        if not count:
            continue
        place = f"‘{heading}’ 절의" if heading else "이 절의"
        descriptions = [describe_figure(f, heading) for f in figures[:count]]
        descriptions += [f"그림: {place} 코드 셀이 그린 그림."] * (count - len(descriptions))
        if count > 1:
            descriptions = [
                f"그림 {count}개 중 {_ordinal(i)}. {text}" for i, text in enumerate(descriptions)
            ]
        result[cell.get("id", "")] = descriptions
    return result


def _set_alt(tag: str, text: str) -> str:
    alt = f'alt="{html.escape(text, quote=True)}"'
    if ALT_ATTR.search(tag):
        return ALT_ATTR.sub(lambda _: alt, tag, count=1)
    return re.sub(r"^<img\b", f"<img {alt}", tag, flags=re.I)


def add_alt_text(notebook: Any, page: str) -> str:
    """노트북 페이지의 HTML에서 그림(<img>)마다 alt를 한국어 설명으로 바꾼다.

    HTML의 셀은 ``<div … id="cell-id=셀 id">``로 시작한다. 코드 셀 출력의 그림은 차례대로 그 셀의 설명을 받는다.
    마크다운 셀의 그림은 alt가 비었거나 nbconvert의 영어 문구일 때만 그 절의 그림이라고 적는다."""
    descriptions = describe_notebook(notebook)
    headings: dict[str, str | None] = {}
    heading: str | None = None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            heading = _heading(cell.source) or heading
        headings[cell.get("id", "")] = heading
    starts = [(m.start(), m.group(1)) for m in CELL_ID.finditer(page)]
    bounds = [0, *[s for s, _ in starts], len(page)]
    ids = [None, *[i for _, i in starts]]
    pieces = []
    for (start, end), cell_id in zip(itertools.pairwise(bounds), ids, strict=True):
        segment = page[start:end]
        texts = iter(descriptions.get(cell_id or "", []))
        heading = headings.get(cell_id or "")

        def replace(
            match: re.Match[str], texts: Iterator[str] = texts, heading: str | None = heading
        ) -> str:
            tag = match.group(0)
            text = next(texts, None)
            if text is None:
                current = ALT_ATTR.search(tag)
                value = html.unescape(current.group(0)[5:-1]) if current else ""
                if value.strip() and value != PLACEHOLDER:
                    return tag
                text = f"그림: ‘{heading}’ 절의 그림." if heading else "그림: 강의 페이지의 그림."
            return _set_alt(tag, text)

        pieces.append(IMG_TAG.sub(replace, segment))
    return "".join(pieces)


def main() -> int:
    """강의 노트북마다 그림의 설명을 마크다운 표로 보여 준다(``python book/alt_text.py``)."""
    from pathlib import Path

    import nbformat

    print("| 강의 | 셀 | 대체 텍스트 |\n| --- | --- | --- |")
    for path in sorted(
        (Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb")
    ):
        notebook = nbformat.read(path, as_version=4)
        for cell_id, texts in describe_notebook(notebook).items():
            for text in texts:
                print(f"| {path.stem[:2]} | {cell_id} | {text.replace('|', '&#124;')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
