"""The house rules that import-linter cannot see (the layers are in pyproject.toml)."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "samenspel"
REASON = "Imported here"


def hidden_imports(source: str) -> list[int]:
    """Lines of imports of our own code inside a function that does not say why."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if REASON in (ast.get_source_segment(source, node) or ""):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom):
                names = [inner.module or ""]
            elif isinstance(inner, ast.Import):
                names = [a.name for a in inner.names]
            else:
                continue
            if any(n.startswith("samenspel") for n in names):
                lines.append(inner.lineno)
    return lines


def test_no_import_inside_a_function_without_a_written_reason():
    """An import inside a function hides a dependency from import-linter; the few
    that must wait for Django (AppConfig.ready, system checks) say why."""
    hidden = [
        f"{path.relative_to(SRC)}:{line}"
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        for line in hidden_imports(path.read_text())
    ]
    assert hidden == []


def test_a_hidden_import_is_found_and_a_reasoned_one_is_not():
    hidden = "import os\n\ndef f():\n    from samenspel.agenda import services\n"
    assert hidden_imports(hidden) == [4]
    assert hidden_imports("def g():\n    import samenspel.circles.models\n") == [2]
    reasoned = (
        "def ready(self):\n    # Imported here: the registry is ready.\n    import samenspel.x\n"
    )
    assert hidden_imports(reasoned) == []
    assert hidden_imports("def h():\n    from django.core import checks\n") == []


MAX_FILE_LINES = 600
MAX_VIEW_LINES = 60


def test_no_python_file_over_600_lines():
    """Small files with names that explain themselves; data lives in data files."""
    long = {
        str(path.relative_to(SRC)): n
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text().splitlines())) > MAX_FILE_LINES
    }
    assert long == {}


def test_no_view_function_over_60_lines():
    """Views parse, call a service or selector, and render; the rest lives elsewhere."""
    long = []
    for path in SRC.rglob("*.py"):
        if "views" not in path.stem:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_VIEW_LINES:
                    long.append(f"{path.relative_to(SRC)}:{node.name} ({length})")
    assert long == []
