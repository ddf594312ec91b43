"""The apps depend on each other one way: services ← search ← hulpwijzer, opendata; home only renders.

Every import in the code (module level and inside functions, absolute and relative) is read from the
source with ``ast``, so a late import cannot hide a shortcut back up the chain or a circle inside an app.
Cache clearing goes through ``search.caches`` instead of importing the module that owns a cache.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What each app may import from the project besides itself. Apps read settings through django.conf,
# never by importing the project package.
ALLOWED = {
    "services": set(),
    "search": {"services"},
    "hulpwijzer": {"services", "search"},
    "opendata": {"services", "search"},
    "home": {"services", "search", "hulpwijzer", "opendata"},
}
PROJECT_PACKAGES = set(ALLOWED) | {"hulpzoeker", "tests"}

# Rules that import nothing from Django, Wagtail or another app, so they are tested as plain tables.
PURE_MODULES = ("services/eligibility", "services/opening_hours.py", "services/vocabulary.py")
FRAMEWORKS = {"django", "wagtail", "modelsearch", "modelcluster", "taggit"}

# The one circle we keep on purpose: a page model's get_context calls its selector (STYLE.md: thin pages,
# reads in selectors.py), late, while the selectors read the models.
ALLOWED_EDGES = {("services.models", "services.selectors")}


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _python_files(relative):
    path = ROOT / relative
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.py") if "migrations" not in p.parts)


def _imports(path):
    """Dotted names of the modules *path* imports (relative imports resolved).

    ``from . import versions`` names both the package and ``search.versions``: either may be a module.
    """
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                base = parts[: len(parts) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _violations(app):
    allowed = ALLOWED[app] | {app}
    return sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _python_files(app)
        for name in _imports(path)
        if name.split(".")[0] in PROJECT_PACKAGES and name.split(".")[0] not in allowed
    )


def _graph(app):
    modules = {_module_name(p): p for p in _python_files(app)}
    return {
        name: {
            target
            for target in _imports(path)
            if target in modules and target != name and (name, target) not in ALLOWED_EDGES
        }
        for name, path in modules.items()
    }


def _cycles(graph):
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(stack[stack.index(target) :] + [target])
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_from_the_apps_below_it(app):
    assert _violations(app) == []


def test_nothing_imports_home():
    """home renders; no app builds on it (the project package mounts its views)."""
    found = [v for app in ("services", "search", "hulpwijzer", "opendata") for v in _violations(app)]
    assert not [v for v in found if v.endswith((" imports home", ".home")) or " imports home." in v]


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_has_no_import_cycle(app):
    assert _cycles(_graph(app)) == []


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_rules_import_nothing_from_django_or_another_app(module):
    own = module.split("/")[0]
    found = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _python_files(module)
        for name in _imports(path)
        if name.split(".")[0] in FRAMEWORKS | (PROJECT_PACKAGES - {own})
    )
    assert found == []


def test_the_checkers_can_fail(tmp_path, monkeypatch):
    """A services module importing search, late and relatively, is reported; so is a circle."""
    app = tmp_path / "services"
    app.mkdir()
    (app / "bad.py").write_text(
        "def f():\n    from search import retrieval\n    from ..search.store import x\n"
    )
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert _violations("services") == [
        "services/bad.py imports search",
        "services/bad.py imports search.retrieval",
        "services/bad.py imports search.store",
        "services/bad.py imports search.store.x",
    ]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
