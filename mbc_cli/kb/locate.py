"""Find the knowledge base: the folder to read, and which of its files may be read at all.

The first step of loading: then `read`, `shapes` and `check` read and check the YAML, `assemble`
builds the model, and `cache` keeps the compiled model (see mbc_cli.kb).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

ENV_KB = "MBC_KB"
"""The variable that names a knowledge base, as --kb does."""
MAX_FILE_BYTES = 64 * 2**20
"""The largest knowledge-base file mbc reads: 16 times the largest file of a knowledge base 100 times
mbc's own. A bigger one is refused before it is read, so that it cannot exhaust memory or time."""


def folder(path: Path | None = None) -> Path:
    """The knowledge base to use: `path` (from --kb), else $MBC_KB, else the bundled one."""
    if path is not None:
        return path
    chosen = os.environ.get(ENV_KB)
    if chosen:
        return Path(chosen)
    return bundled_path()


def bundled_path() -> Path:
    """Return the knowledge base shipped with mbc: in the wheel, or the checkout's data/.

    Found from this file rather than with importlib.resources, which costs 13 ms to import on every
    question and gives the same real folder for a wheel or a checkout.
    """
    here = Path(__file__).resolve().parent.parent  # mbc_cli/, installed or in the checkout
    installed = here / "data"
    return installed if installed.is_dir() else here.parent / "data"


def regular_file_size(file: Path) -> int:
    """The size of `file` in bytes. OSError if it cannot be read, or is not a regular file: a folder,
    or a pipe or device, whose reading might never end."""
    info = file.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    return info.st_size
