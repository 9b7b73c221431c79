"""The shape of the code, read from its source with ``ast``: no import circles, short modules and functions.

An import inside a function counts as much as one at the top: it still ties the two
modules together. Migrations, demo data, tests and benchmarks are left out of the
size limits; every module of the project counts for the circles.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_ROOTS = [ROOT / "site", ROOT]  # site/ is on the import path (dsm_site)
LEFT_OUT = {"migrations", "tests", "bench", ".venv", "var", ".git", "node_modules"}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
# From the bottom up: a package may import those before it, never those after.
LAYERS = ["dsm_data", "exchange", "library_pages", "reports", "api", "search", "dsm_site", "demo"]


def module_name(path):
    for base in PACKAGE_ROOTS:
        relative = path.relative_to(base) if path.is_relative_to(base) else None
        if relative is None or (base == ROOT and relative.parts[0] == "site"):
            continue
        parts = list(relative.with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    return None


def project_modules():
    paths = [path for path in ROOT.rglob("*.py") if not LEFT_OUT & set(path.relative_to(ROOT).parts)]
    return {module_name(path): path for path in paths if module_name(path)}


def imported_modules(name, path, modules):
    """The project's modules that module ``name`` imports, wherever the import statement stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
            base = package[: len(package) - node.level + 1] if node.level else []
            prefix = ".".join(base + ([node.module] if node.module else []))
            candidates = [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in modules:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                found.add(candidate)
    return found


def strongly_connected(graph):
    """Tarjan's strongly connected components of more than one module."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return components


def is_package_reexport(source, target, modules):
    """A package's ``__init__`` importing its own module, or a module importing its parent package."""
    source_is_package = modules[source].name == "__init__.py"
    target_is_package = modules[target].name == "__init__.py"
    return (source_is_package and target.startswith(source + ".")) or (
        target_is_package and source.startswith(target + ".")
    )


def import_circles(modules):
    graph = {name: imported_modules(name, path, modules) for name, path in modules.items()}
    circles = []
    for component in strongly_connected(graph):
        ties = [(source, target) for source in component for target in graph[source] if target in component]
        if not all(is_package_reexport(source, target, modules) for source, target in ties):
            circles.append(sorted(component))
    return circles


def test_no_module_imports_another_that_imports_it():
    assert import_circles(project_modules()) == []


def test_the_checker_sees_a_circle_made_by_an_import_inside_a_function(tmp_path):
    for name, text in {"first.py": "import second\n", "second.py": "def f():\n    from first import x\n"}.items():
        (tmp_path / name).write_text(text)
    modules = {path.stem: path for path in tmp_path.glob("*.py")}
    assert import_circles(modules) == [["first", "second"]]


def is_size_checked(path):
    parts = path.relative_to(ROOT).parts
    return not any(part.startswith("demo") for part in parts)


def test_no_module_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in project_modules().values()
        if is_size_checked(path) and (lines := path.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_over_80_lines():
    long = []
    for path in project_modules().values():
        if not is_size_checked(path):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} lines)")
    assert long == []


def test_dependencies_flow_from_the_site_down_to_dsm_data():
    """site -> search -> reports -> library_pages -> dsm_data, never back (demo sits on top and nobody imports it)."""
    modules = project_modules()
    packages = {name.split(".")[0] for name in modules} - {"manage"}
    assert packages == set(LAYERS), "a new top-level package needs its place in LAYERS"
    layers = LAYERS
    upward = []
    for name, path in modules.items():
        layer = name.split(".")[0]
        if layer not in layers:
            continue
        for target in imported_modules(name, path, modules):
            target_layer = target.split(".")[0]
            if target_layer in layers and layers.index(target_layer) > layers.index(layer):
                upward.append(f"{name} -> {target}")
    assert upward == []
