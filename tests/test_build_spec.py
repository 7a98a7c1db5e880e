"""build.spec carries every file the code loads at run time."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import supportdesk

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(supportdesk.__file__).parent


def _spec_datas() -> list[tuple[str, str]]:
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DATAS":
            value = ast.literal_eval(node.value)
            return [(str(a), str(b)) for a, b in value]
    raise AssertionError("build.spec has no DATAS list")


def _loaded_resources() -> set[str]:
    """Every literal passed to resource_path(...) in the package, as a path under resources/."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for match in re.finditer(r"resource_path\(\s*f?\"([^\"{]+)", path.read_text("utf-8")):
            found.add("resources/" + match.group(1))
    return found


def test_every_loaded_resource_is_bundled() -> None:
    datas = _spec_datas()
    sources = [src for src, _dest in datas]
    for source, dest in datas:
        assert (ROOT / source).exists(), f"build.spec lists missing {source}"
        assert source == dest, "bundled files keep their source layout"
    loaded = _loaded_resources()
    assert loaded, "the scan found no resource_path() call: the check would be empty"
    for resource in loaded:
        assert any(resource.startswith(src) for src in sources), f"{resource} is not bundled"
        assert list(ROOT.glob(resource + "*")), f"{resource} does not exist"


def test_migrations_are_bundled_where_the_code_looks() -> None:
    from supportdesk.db.migrate import MIGRATIONS

    relative = MIGRATIONS.relative_to(ROOT).as_posix()
    assert (relative, relative) in _spec_datas()


def _calls(tree: ast.AST, function: str) -> list[str]:
    """The first (string) arguments of every call to `function` in build.spec."""
    return [
        str(node.args[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == function
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def test_keyring_backends_survive_freezing() -> None:
    """keyring finds its backends through its package metadata (entry points), which
    PyInstaller leaves out unless asked: the frozen program would only have the fail backend
    (jaraco/keyring#324, #468)."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    assert "keyring" in _calls(tree, "copy_metadata")
    assert "keyring.backends" in _calls(tree, "collect_submodules")
    analysis = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Analysis"
    )
    datas = next(k.value for k in analysis.keywords if k.arg == "datas")
    assert "METADATA" in {getattr(n, "id", "") for n in ast.walk(datas)}
    hidden = next(k.value for k in analysis.keywords if k.arg == "hiddenimports")
    assert getattr(hidden, "id", "") == "HIDDEN"
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "+ KEYRING_BACKENDS" in spec
