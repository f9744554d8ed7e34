"""Build hook: compile the knowledge base into the wheel, so an installed mbc never parses YAML to answer.

The wheel ships data/ as mbc_cli/data and, beside it, mbc_cli/compiled.marshal: the validated model
keyed by the hash of that YAML (see mbc_cli/kb/cache.py). A broken knowledge base fails the build.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileKnowledgeBase(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout's data/ and caches its model per user
        sys.path.insert(0, self.root)
        try:
            from mbc_cli.kb import cache
        finally:
            sys.path.remove(self.root)
        compiled = Path(tempfile.mkdtemp(prefix="mbc-build-")) / cache.SHIPPED
        cache.compile_to(Path(self.root) / "data", compiled)
        build_data["force_include"][str(compiled)] = f"mbc_cli/{cache.SHIPPED}"
