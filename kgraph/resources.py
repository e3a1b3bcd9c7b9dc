"""Where the vocabulary lives (ontology/) and how its data files are read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


class DataFileError(ValueError):
    """A vocabulary or dictionary file that cannot be used; the message names the file and line."""


def ontology_dir() -> Path:
    """ontology/ inside an installed wheel, or beside the package in a source checkout."""
    for candidate in (_PACKAGE / "ontology", _PACKAGE.parent / "ontology"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("kgraph's ontology/ directory is missing from this installation")


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; a bad line raises DataFileError naming it."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(f"{path}: cannot read ({err})") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError(f"{path}:{number}: invalid JSON ({err.msg})") from err
        if not isinstance(obj, dict):
            raise DataFileError(f"{path}:{number}: expected a JSON object")
        yield number, obj


def read_words(path: str | Path) -> list[str]:
    """One entry a line; blank lines and # comments skipped."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            out.append(line)
    return out
