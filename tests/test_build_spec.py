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
