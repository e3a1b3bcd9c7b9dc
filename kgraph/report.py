"""What a run read, skipped and wrote: one-line messages as they happen, a summary at the end."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, TextIO


def _stderr_line(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Report:
    """Counts documents read and skipped (with reasons) and events written.

    Every skip and warning is printed at once as one line naming the file (and line) and the
    problem, so nothing is dropped silently; `summary()` gives the totals for the end of a run.
    """

    emit: Callable[[str], None] = _stderr_line
    read: int = 0
    events: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def skip(self, origin: str, reason: str) -> None:
        self.skipped.append((origin, reason))
        self.emit(f"kgraph: skipped {origin}: {reason}")

    def warn(self, origin: str, problem: str) -> None:
        self.warnings.append((origin, problem))
        self.emit(f"kgraph: warning: {origin}: {problem}")

    def ignore(self, origin: str, reason: str) -> None:
        """A file in a directory that is not an article format (README.md, images): noted, not an error."""
        self.ignored.append(origin)
        self.emit(f"kgraph: ignored {origin}: {reason}")

    def summary(self) -> str:
        lines = [f"documents read: {self.read}, skipped: {len(self.skipped)}, events: {self.events}"]
        reasons = Counter(reason.split(" (")[0] for _, reason in self.skipped)
        for reason, n in reasons.most_common():
            lines.append(f"  skipped {n}: {reason}")
        if self.ignored:
            lines.append(f"  ignored {len(self.ignored)} non-article file(s) in directories")
        return "\n".join(lines)

    def write_summary(self, stream: TextIO | None = None) -> None:
        print(self.summary(), file=stream or sys.stderr)
