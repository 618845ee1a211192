"""Where the bundled catalogs and rule files are, found without loading them (`checker
rules` and `explain` need the place, not the catalogs)."""

from __future__ import annotations

import os
from pathlib import Path


def rules_dir() -> Path:
    """The bundled catalogs and rule files, looked up when asked: $CHECKER_RULES, else the
    package's own `checker/rules` (a wheel, `pip install .` or `--user` build the repository's
    top-level rules/ into the package: pyproject.toml maps it), else, for a checkout or an
    editable install, the repository's rules/ beside the package."""
    env = os.environ.get("CHECKER_RULES")
    if env:
        return Path(env)
    # The package's own folder, as importlib.resources.files("checker") names it for a
    # package on disk, without importing importlib.resources (a fiftieth of a short run).
    bundled = Path(__file__).parent / "rules"
    if (bundled / "indicators.yaml").is_file():
        return bundled
    return Path(__file__).resolve().parent.parent / "rules"
