"""Writing a file the user asked for (`mbc visit -o FILE`): whole or not at all, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mbc_cli.errors import OutputError


def replace_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path`, replacing any file there in one step: a reader sees the old file or the new one,
    never a part. A path that cannot be written is an OutputError (exit 74) saying why."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except (OSError, ValueError) as error:  # no such folder, no permission, a name the system cannot take
        raise OutputError(f"Cannot write {path}: {_why(error)}.") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"Cannot write {path}: {_why(error)}.") from None


def _why(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) and error.strerror else str(error)) or "unknown error"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
