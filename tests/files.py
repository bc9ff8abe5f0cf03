"""Writing the small article folders the tests make for themselves."""
from __future__ import annotations

from pathlib import Path


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write {file name: text or bytes} into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder
